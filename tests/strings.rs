//! Theme strings (docs/templates.md, "Strings"): a site's `templates/strings.yaml`
//! translates the words the theme shows, month names and the dates made with them
//! included, without touching a template; the values it leaves out stay English.

mod common;

use common::*;

const FRENCH: &str = "\
months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]
date: \"{day} {month} {year}\"
month_year: \"{month} {year}\"
titles:
  articles: Articles parus
  articles_page: \"Articles, page {page} sur {pages}\"
  actors: Acteurs
  timeline: Chronologie
  topic_description: \"Articles sur {topic}\"
nav:
  actors: Acteurs
  timeline: Chronologie
  search: Rechercher
  skip: Aller au contenu
footer:
  compiled_by: \"Rédigé par {author}.\"
groups:
  no_status: Sans statut
status:
  tabled: Déposé
  superseded: Remplacé
stance:
  supports: Pour
  opposes: Contre
sides:
  united-states: États-Unis
words:
  article: article
  articles: articles
lists:
  latest: À la une
article:
  quotes: Citations
  sources: Sources citées
proposal:
  change_counts: \"{added} {points} ajouté(s), {removed} retiré(s), {changed} modifié(s), {unchanged} inchangé(s).\"
  points: Points du texte
  point: Point
  positions: Positions prises
redirect:
  moved: Cette page est maintenant
search:
  no_results: \"Aucun résultat pour « {query} ».\"
  article: Article
  actor: Acteur
";

#[test]
fn a_sites_strings_translate_its_pages_and_month_names() {
    let (_tmp, root) = fixture_copy("basic");
    write(&root, "templates/strings.yaml", FRENCH);
    let out = root.join("public");
    build_ok(&root, &out, &[]);

    let article = visible_text(&read(&out, "articles/talks-open/index.html"));
    assert!(article.contains("2 novembre 2025"), "{article}");
    assert!(!article.contains("November"), "{article}");
    // The navigation, skip link, search label and footer.
    let front = read(&out, "index.html");
    for words in
        [">Acteurs</a>", ">Chronologie</a>", ">Aller au contenu</a>", ">Rechercher</label>", "Rédigé par Test desk."]
    {
        assert!(front.contains(words), "{words} not on the front page");
    }
    assert!(front.contains(">À la une</h2>"));
    // The words of the page templates themselves.
    let talks = visible_text(&read(&out, "articles/talks-open/index.html"));
    assert!(talks.contains("Citations") && talks.contains("Sources citées"), "{talks}");
    assert!(!talks.contains("Quotes"), "{talks}");
    let changes = visible_text(&read(&out, "proposals/plan-b/index.html"));
    assert!(changes.contains("1 point ajouté(s), 1 retiré(s), 1 modifié(s), 1 inchangé(s)."), "{changes}");
    assert!(changes.contains("Positions prises") && changes.contains("Points du texte"), "{changes}");
    // The search box's messages, handed to search.js as JSON.
    let attribute = front.split_once("data-strings=\"").and_then(|(_, rest)| rest.split_once('"')).unwrap().0;
    let search: serde_json::Value = serde_json::from_str(&decode_entities(attribute)).unwrap();
    assert_eq!(search["no_results"], "Aucun résultat pour « {query} ».");
    assert_eq!((search["actor"].as_str(), search["loading"].as_str()), (Some("Acteur"), Some("Loading search…")));
    // What it leaves out stays as the theme says.
    assert!(front.contains(">Topics</a>") && front.contains(">Sitemap</a>"));

    // Page titles, and the timeline's months.
    let timeline = read(&out, "timeline/index.html");
    assert!(timeline.contains("<title>Chronologie · Test Briefing</title>"), "{timeline}");
    assert!(visible_text(&timeline).contains("novembre 2025"));
    assert!(read(&out, "articles/index.html").contains("<title>Articles parus · Test Briefing</title>"));
    assert!(read(&out, "articles/page/2/index.html").contains("<title>Articles, page 2 sur "));
    assert!(read(&out, "topics/ceasefire/index.html").contains("content=\"Articles sur Ceasefire\""));

    // Statuses, stances and sides.
    let plan = visible_text(&read(&out, "proposals/plan-b/index.html"));
    assert!(plan.contains("Déposé") || plan.contains("Remplacé"), "{plan}");
    assert!(plan.contains("Pour") && plan.contains("Contre"), "{plan}");
    let actors = visible_text(&read(&out, "actors/index.html"));
    assert!(actors.contains("États-Unis") && actors.contains("Russia"), "{actors}");
}

#[test]
fn templates_can_read_the_strings_and_add_their_own() {
    let (_tmp, root) = fixture_copy("basic");
    write(&root, "templates/strings.yaml", "mine:\n  hello: Bonjour\nmonths: [a, b, c, d, e, f, g, h, i, j, k, l]\n");
    write(
        &root,
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p id=\"t\">{{ strings.mine.hello }} {{ strings.months[11] }}</p>{% endblock content %}",
    );
    let out = root.join("public");
    build_ok(&root, &out, &[]);
    assert!(read(&out, "404.html").contains("<p id=\"t\">Bonjour l</p>"));
    // The strings file is no template, and not published.
    assert!(!out.join("strings.yaml").exists() && !out.join("templates").exists());
}

#[test]
fn init_with_the_theme_writes_the_strings_to_translate() {
    let dir = TempDir::new("strings-init");
    let site = dir.join("site");
    let run = run(["init", "--theme", site.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let strings = read(&site, "templates/strings.yaml");
    assert!(strings.contains("months: [January,"), "{strings}");
}
