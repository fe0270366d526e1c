//! `briefing build` on the fixture site `tests/fixtures/basic`: which files exist, what
//! they say, and how the output folder is treated.

mod common;

use std::path::Path;

use common::*;
use serde_json::json;

const BASE: &str = "https://example.org/brief/";

/// Builds the basic fixture into a new temp folder; returns the folder and the output path.
fn build_basic(extra: &[&str]) -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::new("basic");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, extra);
    (dir, out)
}

/// Every file of the fixture's output, by docs/pages.md, "Every output file": one page per published item and
/// per list page, the feeds and the data; nothing for the draft.
const BASIC_FILES: &[&str] = &[
    "404.html",
    "actors/alice-arden/index.html",
    "actors/b-bell/index.html",
    "actors/boris-bel/index.html",
    "actors/boris-bell/index.html",
    "actors/index.html",
    "actors/kyiv-delegation/index.html",
    "articles/ceasefire-holds/index.html",
    "articles/counter-offer/index.html",
    "articles/geneva-opening/index.html",
    "articles/index.html",
    "articles/moscow-readout/index.html",
    "articles/moscow-readout/line.png",
    "articles/page/2/index.html",
    "articles/page/3/index.html",
    "articles/plan-b-tabled/index.html",
    "articles/talks-open/index.html",
    "atom.xml",
    "categories/index.html",
    "categories/security-sector/index.html",
    "categories/territory/index.html",
    "changes.xml",
    "changes/index.html",
    "data/actors.csv",
    "data/actors.json",
    "data/articles.csv",
    "data/articles.json",
    "data/proposals.csv",
    "data/proposals.json",
    "data/sources.csv",
    "data/sources.json",
    "data/stances.csv",
    "data/stances.json",
    "favicon.svg",
    "img/mark.png",
    "index.html",
    "proposals/counter-plan/index.html",
    "proposals/counter-plan/text.pdf",
    "proposals/index.html",
    "proposals/plan-a/index.html",
    "proposals/plan-b-draft/index.html",
    "proposals/plan-b/compare/plan-a/index.html",
    "proposals/plan-b/index.html",
    "robots.txt",
    "search-index.js",
    "search-index.json",
    "search.js",
    "sitemap.xml",
    "sources/geneva-wire/index.html",
    "sources/index.html",
    "style.css",
    "timeline/index.html",
    "topics/ceasefire/index.html",
    "topics/index.html",
    "topics/neutrality/index.html",
    "topics/osce-monitoring/index.html",
];

#[test]
fn every_page_kind_is_written_at_its_spec_path() {
    let (_dir, out) = build_basic(&[]);
    let mut files: Vec<String> = read_tree(&out).into_keys().collect();
    // The build's own list of what it wrote, for the next build.
    assert_eq!(files.remove(0), ".briefing-manifest.json");
    assert_eq!(files, BASIC_FILES);
}

#[test]
fn build_reports_what_it_wrote_on_stdout_and_nothing_on_stderr() {
    let dir = TempDir::new("report");
    let out = dir.join("public");
    let run = build_ok(&fixture("basic"), &out, &[]);
    assert_eq!(run.stderr, "", "a clean fixture builds without warnings");
    let pages = BASIC_FILES.iter().filter(|f| f.ends_with(".html")).count();
    let files = BASIC_FILES.len();
    let expected = format!(
        "Built {pages} pages ({files} files: {files} written, 0 unchanged, 0 removed) into {} in ",
        out.display()
    );
    assert!(run.stdout.starts_with(&expected), "stdout: {}", run.stdout);
    assert!(run.stdout.ends_with(" ms\n"), "stdout: {}", run.stdout);
}

#[test]
fn build_without_output_writes_public_inside_the_site() {
    let (_dir, site) = fixture_copy("basic");
    let run = run(["build", "--root", site.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(site.join("public/index.html").is_file());
    assert!(site.join("public/articles/talks-open/index.html").is_file());
    assert!(site.join("content/site.yaml").is_file(), "the site itself is untouched");
}

// ---------------------------------------------------------------------------
// Drafts

const DRAFT_TRACES: &[&str] =
    &["secret-draft", "Secret draft article", "Off the record", "Secret topic", "secret-topic"];

#[test]
fn a_draft_appears_nowhere_without_drafts_flag() {
    let (_dir, out) = build_basic(&[]);
    assert!(!out.join("articles/secret-draft").exists());
    assert!(!out.join("topics/secret-topic").exists());
    for (path, bytes) in read_tree(&out) {
        let text = String::from_utf8_lossy(&bytes);
        for trace in DRAFT_TRACES {
            assert!(!text.contains(trace), "{path} mentions the draft ({trace})");
        }
    }
    // Not counted as a mention either: Alice is named by the draft but only 3 articles count.
    let actors = read_json(&out, "data/actors.json");
    assert_eq!(actors[0]["id"], "alice-arden");
    assert_eq!(actors[0]["articles"], json!(["ceasefire-holds", "plan-b-tabled", "talks-open"]));
    let feed = read(&out, "atom.xml");
    assert_eq!(feed.matches("<entry>").count(), 5);
}

#[test]
fn drafts_flag_shows_the_draft_marked_but_publishes_it_nowhere() {
    let (_dir, out) = build_basic(&["--drafts"]);
    let page = read(&out, "articles/secret-draft/index.html");
    assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"), "{page}");
    assert!(visible_text(&page).contains("Draft: not published."), "{}", visible_text(&page));
    assert!(!read(&out, "articles/talks-open/index.html").contains("noindex"), "a published article is indexed");
    assert!(out.join("topics/secret-topic/index.html").is_file());
    // Six articles at two per page: still three list pages, the draft (newest) first, marked.
    assert!(out.join("articles/page/3/index.html").is_file());
    assert!(!out.join("articles/page/4").exists());
    assert!(visible_text(&read(&out, "articles/index.html")).contains("Secret draft article Draft"));
    // Out of the open data, including the lists of articles of actors and proposals.
    let articles = read_json(&out, "data/articles.json");
    assert_eq!(articles[0]["id"], "ceasefire-holds");
    assert_eq!(articles.as_array().unwrap().len(), 5);
    let actors = read_json(&out, "data/actors.json");
    assert_eq!(actors[0]["articles"], json!(["ceasefire-holds", "plan-b-tabled", "talks-open"]));
    let proposals = read_json(&out, "data/proposals.json");
    assert_eq!(proposals[0]["articles"], json!(["counter-offer"]));
    // Out of the search, the sitemap and the feed.
    for file in ["search-index.json", "search-index.js", "sitemap.xml", "atom.xml", "data/actors.json"] {
        assert!(!read(&out, file).contains("secret-draft"), "{file} names the draft");
    }
    assert_eq!(read(&out, "atom.xml").matches("<entry>").count(), 5);
}

// ---------------------------------------------------------------------------
// Pagination

/// A site with `n` articles (one a day), `per` to a page, and one actor they all name.
fn paginated_site(dir: &TempDir, n: usize, per: usize) -> std::path::PathBuf {
    let site = dir.join("site");
    write(&site, "content/site.yaml", &format!("title: Paged\narticles_per_page: {per}\n"));
    write(&site, "content/actors/someone.yaml", "name: Someone\n");
    for i in 1..=n {
        let text = format!("---\ntitle: Article {i}\ndate: 2025-01-{i:02}\nactors: [someone]\n---\nNumber {i}.\n",);
        write(&site, &format!("content/articles/a{i:02}.md"), &text);
    }
    site
}

fn list_pages(out: &Path) -> Vec<String> {
    let mut pages: Vec<String> =
        read_tree(out).into_keys().filter(|p| p == "articles/index.html" || p.starts_with("articles/page/")).collect();
    pages.sort_by_key(|p| (p.len(), p.clone()));
    pages
}

#[test]
fn pagination_makes_exactly_as_many_pages_as_needed() {
    // (articles, per page, list pages expected)
    for (n, per, expected) in [(0, 2, 1), (1, 2, 1), (2, 2, 1), (3, 2, 2), (4, 2, 2), (5, 2, 3), (6, 3, 2), (7, 3, 3)] {
        let dir = TempDir::new("paged");
        let site = paginated_site(&dir, n, per);
        let out = dir.join("out");
        build_ok(&site, &out, &[]);
        let mut wanted = vec!["articles/index.html".to_owned()];
        wanted.extend((2..=expected).map(|k| format!("articles/page/{k}/index.html")));
        assert_eq!(list_pages(&out), wanted, "{n} articles at {per} per page");
        assert!(!out.join("articles/page/1").exists(), "page 1 is articles/ itself");
        // Every article is on exactly one list page.
        let mut seen = Vec::new();
        for page in &wanted {
            let html = read(&out, page);
            for i in 1..=n {
                if html.contains(&format!("articles/a{i:02}/index.html\">Article {i}<")) {
                    seen.push(i);
                }
            }
        }
        seen.sort_unstable();
        assert_eq!(seen, (1..=n).collect::<Vec<_>>(), "{n} articles at {per} per page");
    }
}

#[test]
fn list_pages_are_newest_first_and_link_to_their_neighbours() {
    let dir = TempDir::new("paged");
    let site = paginated_site(&dir, 5, 2);
    let out = dir.join("out");
    build_ok(&site, &out, &[]);
    let titles = |page: &str| -> Vec<String> {
        let html = read(&out, page);
        let list = between(&html, "<ol class=\"entries\">", "</ol>");
        list.split("<h2 class=\"entry-title\">")
            .skip(1)
            .map(|s| visible_text(s.split("</h2>").next().unwrap()))
            .collect()
    };
    assert_eq!(titles("articles/index.html"), ["Article 5", "Article 4"]);
    assert_eq!(titles("articles/page/2/index.html"), ["Article 3", "Article 2"]);
    assert_eq!(titles("articles/page/3/index.html"), ["Article 1"]);

    let first = read(&out, "articles/index.html");
    assert!(first.contains(r#"<a href="../articles/page/2/index.html" rel="next">"#), "{first}");
    assert!(!first.contains("rel=\"prev\""));
    let middle = read(&out, "articles/page/2/index.html");
    assert!(middle.contains(r#"<a href="../../../articles/index.html" rel="prev">"#));
    assert!(middle.contains(r#"<a href="../../../articles/page/3/index.html" rel="next">"#));
    assert!(middle.contains("page 2 of 3"));
    let last = read(&out, "articles/page/3/index.html");
    assert!(last.contains(r#"<a href="../../../articles/page/2/index.html" rel="prev">"#));
    assert!(!last.contains("rel=\"next\""));
}

// ---------------------------------------------------------------------------
// Ids, slugs, topics

#[test]
fn slug_overrides_the_file_name() {
    let (_dir, out) = build_basic(&[]);
    assert!(out.join("articles/moscow-readout/index.html").is_file());
    assert!(!out.join("articles/readout").exists());
    // Links written as article:moscow-readout#… reach it, heading anchor included.
    let counter = read(&out, "articles/counter-offer/index.html");
    assert!(counter.contains(r#"href="../../articles/moscow-readout/index.html#what-was-agreed""#));
    let readout = read(&out, "articles/moscow-readout/index.html");
    assert!(readout.contains(r#"<h2 id="what-was-agreed">What was agreed</h2>"#));
}

#[test]
fn a_topic_without_letters_does_not_replace_the_topic_index() {
    // Reproduce: an article with `topics: ["!!!"]`. Today the build succeeds, the topic
    // page is written to `topics//index.html` = topics/index.html (which of the two files
    // wins is a race between parallel writes), links point at `topics//index.html`,
    // data/articles.json lists the topic as "" and the sitemap has `…/topics//`.
    // Expected: an error naming the file, or a usable non-empty slug.
    let dir = TempDir::new("empty-slug");
    let site = dir.join("site");
    write(&site, "content/actors/someone.yaml", "name: Someone\n");
    write(
        &site,
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2025-01-01\nactors: [someone]\ntopics: [\"!!!\", Territory]\n---\nText.\n",
    );
    let out = dir.join("out");
    let run = build(&site, &out, &[]);
    if run.code == Some(1) {
        assert!(run.stderr.starts_with("content/articles/a.md:"), "{}", run.stderr);
        return;
    }
    assert!(read(&out, "topics/index.html").contains("<body class=\"kind-topics\">"), "the topic index was replaced");
    for (path, bytes) in read_tree(&out) {
        assert!(!String::from_utf8_lossy(&bytes).contains("topics//"), "{path} links to an empty topic slug");
    }
}

#[test]
fn a_date_with_an_offset_keeps_its_calendar_day() {
    // Reproduce: `date: 2025-12-02T23:30:00-05:00` is shown as "3 December 2025", and
    // data/articles.json says "2025-12-03": the written time is converted to UTC, although
    // briefings are dated where things happened (src/vocab/when.rs) and docs/pages.md, "Open data", gives `date`
    // as the article's YYYY-MM-DD.
    let dir = TempDir::new("offset-date");
    let site = dir.join("site");
    write(&site, "content/actors/someone.yaml", "name: Someone\n");
    write(
        &site,
        "content/articles/late.md",
        "---\ntitle: Late\ndate: 2025-12-02T23:30:00-05:00\nactors: [someone]\n---\nText.\n",
    );
    let out = dir.join("out");
    build_ok(&site, &out, &[]);
    assert_eq!(read_json(&out, "data/articles.json")[0]["date"], "2025-12-02");
    assert!(read(&out, "articles/late/index.html").contains("<time datetime=\"2025-12-02\">2 December 2025</time>"));
}

#[test]
fn topics_with_the_same_slug_are_one_topic() {
    let (_dir, out) = build_basic(&[]);
    let topics: Vec<String> = read_tree(&out).into_keys().filter(|p| p.starts_with("topics/")).collect();
    assert_eq!(
        topics,
        [
            "topics/ceasefire/index.html",
            "topics/index.html",
            "topics/neutrality/index.html",
            "topics/osce-monitoring/index.html"
        ]
    );
    // "OSCE monitoring" (talks-open) and "osce  Monitoring" (plan-b-tabled) share one page.
    let page = read(&out, "topics/osce-monitoring/index.html");
    assert!(page.contains("articles/talks-open/index.html"));
    assert!(page.contains("articles/plan-b-tabled/index.html"));
    assert!(visible_text(&page).contains("OSCE monitoring 2 articles"), "{}", visible_text(&page));
    let index = read(&out, "topics/index.html");
    assert_eq!(index.matches("topics/osce-monitoring/index.html").count(), 1, "{index}");
    let articles = read_json(&out, "data/articles.json");
    let by_id = |id: &str| articles.as_array().unwrap().iter().find(|a| a["id"] == id).unwrap().clone();
    assert_eq!(by_id("talks-open")["topics"], json!(["osce-monitoring", "ceasefire"]));
    assert_eq!(by_id("plan-b-tabled")["topics"], json!(["osce-monitoring"]));
}

// ---------------------------------------------------------------------------
// Open data

#[test]
fn articles_json_is_exactly_per_spec() {
    let (_dir, out) = build_basic(&[]);
    let expected = json!([
        {
            "id": "ceasefire-holds",
            "title": "Ceasefire holds for a week",
            "date": "2025-12-01",
            "date_precision": "day",
            "path": "articles/ceasefire-holds/",
            "summary": null,
            "actors": ["alice-arden", "kyiv-delegation"],
            "proposals": [],
            "topics": ["ceasefire"],
            "sources": []
        },
        {
            "id": "counter-offer",
            "title": "Moscow answers with a counter-plan",
            "date": "2025-11-25",
            "date_precision": "day",
            "path": "articles/counter-offer/",
            "summary": "A counter-plan reaches the table.",
            "actors": ["boris-bell"],
            "proposals": ["counter-plan", "plan-b"],
            "topics": ["neutrality"],
            "sources": []
        },
        {
            "id": "moscow-readout",
            "title": "Moscow's readout",
            "date": "2025-11-21",
            "date_precision": "day",
            "path": "articles/moscow-readout/",
            "summary": "Moscow reports on the second round.",
            "actors": ["boris-bell", "kyiv-delegation"],
            "proposals": [],
            "topics": [],
            "sources": []
        },
        {
            "id": "plan-b-tabled",
            "title": "Plan B tabled",
            "date": "2025-11-20",
            "date_precision": "day",
            "path": "articles/plan-b-tabled/",
            "summary": "Mediators table a revised plan.",
            "actors": ["alice-arden", "kyiv-delegation"],
            "proposals": ["plan-b"],
            "topics": ["osce-monitoring"],
            "sources": []
        },
        {
            "id": "talks-open",
            "title": "Talks open in Geneva",
            "date": "2025-11-02",
            "date_precision": "day",
            "path": "articles/talks-open/",
            "summary": "The first round of talks opens with Plan A on the table.",
            "actors": ["alice-arden", "boris-bell"],
            "proposals": ["plan-a"],
            "topics": ["osce-monitoring", "ceasefire"],
            "sources": ["geneva-wire"]
        }
    ]);
    assert_eq!(read_json(&out, "data/articles.json"), expected);
}

#[test]
fn actors_json_is_exactly_per_spec() {
    let (_dir, out) = build_basic(&[]);
    // Mentions: front matter, quotes and Markdown links, each article once, newest first.
    // boris-bell is named three ways in talks-open and still counts it once; kyiv-delegation
    // is named only by a quote (moscow-readout) and only by a link (plan-b-tabled).
    let expected = json!([
        {
            "id": "alice-arden",
            "name": "Alice Arden",
            "role": "Lead mediator",
            "side": "united-states",
            "path": "actors/alice-arden/",
            "articles": ["ceasefire-holds", "plan-b-tabled", "talks-open"]
        },
        {
            "id": "boris-bell",
            "name": "Boris Bell",
            "role": "Special envoy",
            "side": "russia",
            "path": "actors/boris-bell/",
            "articles": ["counter-offer", "moscow-readout", "talks-open"]
        },
        {
            "id": "kyiv-delegation",
            "name": "Kyiv delegation",
            "role": "Negotiating team of Ukraine",
            "side": "ukraine",
            "path": "actors/kyiv-delegation/",
            "articles": ["ceasefire-holds", "moscow-readout", "plan-b-tabled"]
        }
    ]);
    assert_eq!(read_json(&out, "data/actors.json"), expected);
}

#[test]
fn proposals_json_is_exactly_per_spec() {
    let (_dir, out) = build_basic(&[]);
    let expected = json!([
        {
            "id": "counter-plan",
            "title": "Counter-plan",
            "date": null,
            "date_precision": null,
            "status": "tabled",
            "stage": "pre-negotiation",
            "path": "proposals/counter-plan/",
            "proposed_by": ["boris-bell"],
            "supersedes": null,
            "superseded_by": null,
            "amends": null,
            "amended_by": [],
            "total_points": null,
            "points": [
                {"id": "neutrality", "number": null, "category": "security-sector", "amends": null, "title": "Neutrality",
                 "positions": {"boris-bell": "supports", "kyiv-delegation": "opposes"}}
            ],
            "statuses": [{"status": "tabled", "date": null, "date_precision": null, "source": null}],
            "articles": ["counter-offer"]
        },
        {
            "id": "plan-a",
            "title": "Plan A",
            "date": "2025-11-01",
            "date_precision": "day",
            "status": "superseded",
            "stage": null,
            "path": "proposals/plan-a/",
            "proposed_by": ["alice-arden"],
            "supersedes": null,
            "superseded_by": "plan-b",
            "amends": null,
            "amended_by": [],
            "total_points": null,
            "points": [
                {"id": "ceasefire", "number": null, "category": "security-sector", "amends": null, "title": "Ceasefire",
                 "positions": {"alice-arden": "supports", "boris-bell": "opposes"}},
                {"id": "territory", "number": null, "category": "territory", "amends": null, "title": "Territory",
                 "positions": {"boris-bell": "supports", "kyiv-delegation": "opposes"}},
                {"id": "monitoring", "number": null, "category": null, "amends": null, "title": "Monitoring mission",
                 "positions": {"alice-arden": "supports"}}
            ],
            "statuses": [
                {"status": "tabled", "date": "2025-11-01", "date_precision": "day", "source": "geneva-wire"},
                {"status": "superseded", "date": "2025-11-20", "date_precision": "day", "source": null}
            ],
            "articles": ["talks-open"]
        },
        {
            "id": "plan-b",
            "title": "Plan B",
            "date": "2025-11-20",
            "date_precision": "day",
            "status": "under-negotiation",
            "stage": "framework-comprehensive",
            "path": "proposals/plan-b/",
            "proposed_by": ["alice-arden"],
            "supersedes": "plan-a",
            "superseded_by": null,
            "amends": null,
            "amended_by": [],
            "total_points": 20,
            "points": [
                {"id": "ceasefire", "number": null, "category": "security-sector", "amends": null, "title": "Ceasefire",
                 "positions": {"alice-arden": "supports", "boris-bell": "opposes"}},
                {"id": "territory", "number": "4.10", "category": "territory", "amends": null, "title": "Territory",
                 "positions": {"boris-bell": "supports", "kyiv-delegation": "conditional"}},
                {"id": "guarantees", "number": "7", "category": null, "amends": null, "title": "Security guarantees",
                 "positions": {"alice-arden": "supports", "boris-bell": "opposes", "kyiv-delegation": "supports"}}
            ],
            "statuses": [{"status": "under-negotiation", "date": null, "date_precision": null, "source": null}],
            "articles": ["counter-offer", "plan-b-tabled"]
        }
    ]);
    assert_eq!(read_json(&out, "data/proposals.json"), expected);
}

#[test]
fn data_paths_are_pages_of_the_site() {
    let (_dir, out) = build_basic(&[]);
    for file in ["data/articles.json", "data/actors.json", "data/proposals.json"] {
        for item in read_json(&out, file).as_array().unwrap() {
            let path = item["path"].as_str().unwrap();
            assert!(path.ends_with('/') && !path.starts_with('/'), "{file}: {path}");
            assert!(out.join(path).join("index.html").is_file(), "{file}: {path} has no page");
        }
    }
}

#[test]
fn search_index_lists_every_item_and_the_script_holds_the_same_data() {
    let (_dir, out) = build_basic(&[]);
    let index = read_json(&out, "search-index.json");
    let entries: Vec<(String, String)> = index
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap().to_owned(), e["path"].as_str().unwrap().to_owned()))
        .collect();
    let mut expected: Vec<(String, String)> = Vec::new();
    for a in ["ceasefire-holds", "counter-offer", "moscow-readout", "plan-b-tabled", "talks-open"] {
        expected.push(("article".into(), format!("articles/{a}/")));
    }
    for a in ["alice-arden", "boris-bell", "kyiv-delegation"] {
        expected.push(("actor".into(), format!("actors/{a}/")));
    }
    for p in ["counter-plan", "plan-a", "plan-b"] {
        expected.push(("proposal".into(), format!("proposals/{p}/")));
    }
    for t in ["ceasefire", "neutrality", "osce-monitoring"] {
        expected.push(("topic".into(), format!("topics/{t}/")));
    }
    expected.push(("source".into(), "sources/geneva-wire/".into()));
    assert_eq!(entries, expected);
    for e in index.as_array().unwrap() {
        let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
        if e["kind"] == "actor" && e["path"] != "actors/kyiv-delegation/" {
            assert_eq!(keys, ["aliases", "date", "kind", "path", "summary", "title"]);
        } else {
            assert_eq!(keys, ["date", "kind", "path", "summary", "title"]);
        }
    }
    // An actor's aliases, in any script, are searched (static/search.js; the browser
    // checks type them).
    let actor = |id: &str| index.as_array().unwrap().iter().find(|e| e["path"] == format!("actors/{id}/")).unwrap();
    assert_eq!(actor("alice-arden")["aliases"], json!(["Arden"]));
    assert_eq!(actor("boris-bell")["aliases"], json!(["Борис Белл", "Bell B."]));
    let script = read(&out, "search-index.js");
    let json = read(&out, "search-index.json");
    assert_eq!(script, format!("window.BRIEFING_SEARCH = {json};\n"));
}

// ---------------------------------------------------------------------------
// Pages

#[test]
fn actor_mentions_count_each_article_once() {
    let (_dir, out) = build_basic(&[]);
    let index = visible_text(&read(&out, "actors/index.html"));
    // Sides sorted by label, with their actors and mention counts.
    assert!(index.contains("Russia 1 Boris Bell — Special envoy 3 articles"), "{index}");
    assert!(index.contains("Ukraine 1 Kyiv delegation — Negotiating team of Ukraine 3 articles"), "{index}");
    assert!(index.contains("United States 1 Alice Arden — Lead mediator 3 articles"), "{index}");
    let russia = index.find("Russia 1").unwrap();
    let ukraine = index.find("Ukraine 1").unwrap();
    let us = index.find("United States 1").unwrap();
    assert!(russia < ukraine && ukraine < us, "{index}");

    let boris = read(&out, "actors/boris-bell/index.html");
    assert!(visible_text(&boris).contains("Mentioned in 3 articles"));
    let articles = between(&boris, "<h2 id=\"_sec-articles\">", "</section>");
    let order: Vec<usize> = ["counter-offer", "moscow-readout", "talks-open"]
        .iter()
        .map(|id| articles.find(&format!("articles/{id}/index.html")).unwrap_or_else(|| panic!("{id} missing")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "newest first: {articles}");
    // Quotes are collected on the actor's page with the article they come from.
    let quotes = visible_text(between(&boris, "<h2 id=\"_sec-quotes\">", "</section>"));
    assert!(quotes.contains("We came to listen."), "{quotes}");
    assert!(quotes.contains("2 November 2025, on arrival — Talks open in Geneva"), "{quotes}");
    // And the positions taken on proposal points, linked to the point's anchor.
    assert!(boris.contains(r#"<a href="../../proposals/plan-b/index.html#guarantees"><span class="point-number">Point 7</span> Security guarantees</a>"#));
}

#[test]
fn proposal_page_shows_the_change_set_and_lineage() {
    let (_dir, out) = build_basic(&[]);
    let html = read(&out, "proposals/plan-b/index.html");
    let changes = between(&html, "<section class=\"changes\"", "</section>");
    let text = visible_text(changes);
    assert!(
        text.contains("Compared with Plan A (1 November 2025): 1 point added, 1 removed, 1 changed, 1 unchanged."),
        "{text}"
    );
    let added = visible_text(between(changes, "change-added", "</ul>"));
    assert!(added.contains("Security guarantees") && added.contains("ten years"), "{added}");
    assert!(!added.contains("Ceasefire"));
    let removed = between(changes, "change-removed", "</ul>");
    assert!(visible_text(removed).contains("Monitoring mission"), "{removed}");
    assert!(removed.contains(r#"href="../../proposals/plan-a/index.html#monitoring""#), "{removed}");
    let changed = visible_text(between(changes, "change-changed", "</section>"));
    assert!(
        changed.contains(
            "Before Territory Territory The lines are frozen where they stand. Boris Bell: Supports [ source 1 ] \
             Kyiv delegation: Opposes [ source 1 ]"
        ),
        "{changed}"
    );
    assert!(
        changed.contains(
            "After Point 4.10 Territory Territory The lines are frozen, subject to a referendum. Boris Bell: Supports [ source 1 ] \
             Kyiv delegation: Conditional changed from Opposes Opposes 2 November 2025 [ source 1 ] \
             Conditional c. 20 November 2025 [ source 1 ] Only with a referendum."
        ),
        "{changed}"
    );
    assert!(!changed.contains("Ceasefire"), "an unchanged point is not listed: {changed}");

    let lineage = visible_text(between(&html, "<h2 id=\"_sec-lineage\">", "</section>"));
    assert_eq!(
        lineage,
        "Versions Plan A Superseded 1 November 2025 Plan B (this version) Under negotiation 20 November 2025"
    );
    assert!(html.contains(r#"<dt>Revises</dt><dd><a href="../../proposals/plan-a/index.html">Plan A</a></dd>"#));

    // The older version says it was superseded, shows the same lineage and no change set.
    let old = read(&out, "proposals/plan-a/index.html");
    assert!(visible_text(&old).contains("This version has been superseded by Plan B."));
    assert!(old.contains(r#"<a href="../../proposals/plan-b/index.html">Plan B</a>"#));
    assert_eq!(
        visible_text(between(&old, "<h2 id=\"_sec-lineage\">", "</section>")),
        "Versions Plan A (this version) Superseded 1 November 2025 Plan B Under negotiation 20 November 2025"
    );
    assert!(!old.contains("_sec-changes"));
    // A proposal without versions shows neither.
    let counter = read(&out, "proposals/counter-plan/index.html");
    assert!(!counter.contains("_sec-lineage") && !counter.contains("_sec-changes"));
}

#[test]
fn proposal_page_has_a_positions_matrix_and_point_anchors() {
    let (_dir, out) = build_basic(&[]);
    let html = read(&out, "proposals/plan-b/index.html");
    let matrix = visible_text(between(&html, "<table class=\"matrix\">", "</table>"));
    assert_eq!(
        matrix,
        "Who stands where: the latest stated position of each actor on each point of Plan B, with its date and \
         source Point Alice Arden United States Boris Bell Russia Kyiv delegation Ukraine \
         Ceasefire Supports [ source 1 ] Opposes [ source 1 ] — No stated position \
         Point 4.10 Territory — No stated position Supports [ source 1 ] \
         Conditional changed from Opposes c. 20 November 2025 [ source 1 ] \
         Point 7 Security guarantees Supports [ source 1 ] Opposes [ source 1 ] Supports [ source 1 ]"
    );
    for id in ["ceasefire", "territory", "guarantees"] {
        assert!(html.contains(&format!("<li class=\"point\" id=\"{id}\">")), "point {id} is anchored");
    }
}

#[test]
fn article_page_shows_actors_quotes_sources_and_neighbours() {
    let (_dir, out) = build_basic(&[]);
    let html = read(&out, "articles/talks-open/index.html");
    let text = visible_text(&html);
    assert!(text.contains("2 November 2025 · Geneva Talks open in Geneva"), "{text}");
    assert!(text.contains("Actors Alice Arden United States Boris Bell Russia"), "{text}");
    assert!(text.contains("Proposals Plan A Superseded"), "{text}");
    assert!(text.contains("Topics OSCE monitoring Ceasefire"), "{text}");
    assert!(text.contains("We came to listen. — Boris Bell, Special envoy, on arrival"), "{text}");
    assert!(
        text.contains(
            "Sources Delegations meet in Geneva, Example Wire, 2 November 2025 · https://news.example.com/geneva \
             Talks open, Example Wire, 2 November 2025"
        ),
        "{text}"
    );
    assert!(html.contains(r#"<a class="source-link" href="https://news.example.com/talks-open">Talks open</a>"#));
    // The oldest article has a newer neighbour only.
    assert!(text.contains("Newer Plan B tabled 20 November 2025"), "{text}");
    assert!(!text.contains("Older "), "{text}");
    // A YAML article renders its `body:` as Markdown.
    let yaml = read(&out, "articles/plan-b-tabled/index.html");
    assert!(yaml.contains(r#"<a href="../../proposals/plan-b/index.html#guarantees">Plan B</a>"#), "{yaml}");
    assert!(yaml.contains(r#"<a href="../../actors/kyiv-delegation/index.html#mandate">delegation</a>"#));
}

#[test]
fn markdown_actor_renders_its_body() {
    let (_dir, out) = build_basic(&[]);
    let html = read(&out, "actors/kyiv-delegation/index.html");
    assert!(html.contains(r#"<h2 id="mandate">Mandate</h2>"#), "{html}");
    assert!(html.contains(r#"<a href="../../proposals/plan-b/index.html#territory">territorial clause</a>"#));
    let yaml = read(&out, "actors/alice-arden/index.html");
    assert!(yaml.contains(r#"<h2 id="career">Career</h2>"#), "a YAML actor's `bio:` is Markdown");
    assert!(visible_text(&yaml).contains("Also known as Arden"));
}

#[test]
fn timeline_lists_dated_articles_and_proposals_oldest_first() {
    let (_dir, out) = build_basic(&[]);
    let html = read(&out, "timeline/index.html");
    let paths: Vec<String> = attribute_values(between(&html, "<main", "</main>"), "href")
        .into_iter()
        .filter(|h| h.starts_with("../articles/") || h.starts_with("../proposals/"))
        .collect();
    assert_eq!(
        paths,
        [
            "../proposals/plan-a/index.html",
            "../articles/talks-open/index.html",
            "../proposals/plan-b/index.html",
            "../articles/plan-b-tabled/index.html",
            "../articles/moscow-readout/index.html",
            "../articles/counter-offer/index.html",
            "../articles/ceasefire-holds/index.html",
        ],
        "the undated counter-plan is left out"
    );
}

// ---------------------------------------------------------------------------
// Absolute URLs: feed, sitemap, canonical

/// Every page path of the output (`""` for the front page), without the 404 and the
/// pages at old ids' addresses (whose canonical address is their item's).
fn page_paths(out: &Path) -> Vec<String> {
    read_tree(out)
        .into_iter()
        .filter(|(p, bytes)| {
            p.ends_with("index.html") && !String::from_utf8_lossy(bytes).contains("http-equiv=\"refresh\"")
        })
        .map(|(p, _)| p)
        .map(|p| p.trim_end_matches("index.html").to_owned())
        .collect()
}

fn check_absolute_urls(out: &Path, base: &str) {
    for path in page_paths(out) {
        let html = read(out, &format!("{path}index.html"));
        let canonical = format!(r#"<link rel="canonical" href="{base}{path}">"#);
        assert!(html.contains(&canonical), "{path}index.html lacks {canonical}");
        assert!(html.contains(&format!(r#"<meta property="og:url" content="{base}{path}">"#)));
    }
    let sitemap = read(out, "sitemap.xml");
    let mut locs: Vec<String> =
        sitemap.split("<loc>").skip(1).map(|s| s.split("</loc>").next().unwrap().to_owned()).collect();
    locs.sort();
    let mut expected: Vec<String> = page_paths(out).iter().map(|p| format!("{base}{p}")).collect();
    expected.sort();
    assert_eq!(locs, expected, "the sitemap lists every page but the 404, absolutely");
    assert!(sitemap.contains(&format!("<loc>{base}articles/talks-open/</loc>\n    <lastmod>2025-11-02</lastmod>")));

    let feed = read(out, "atom.xml");
    assert!(feed.contains(&format!(r#"<link rel="self" type="application/atom+xml" href="{base}atom.xml"/>"#)));
    assert!(feed.contains(&format!("<id>{base}</id>")));
    for id in ["ceasefire-holds", "counter-offer", "moscow-readout", "plan-b-tabled", "talks-open"] {
        let url = format!("{base}articles/{id}/");
        assert!(feed.contains(&format!(r#"<link rel="alternate" type="text/html" href="{url}"/>"#)), "{id}");
        assert!(feed.contains(&format!("<id>{url}</id>")), "{id}");
        assert!(feed.contains(&format!(r#"xml:base="{url}""#)), "{id}");
    }
    assert_eq!(read(out, "robots.txt"), format!("User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n"));
}

#[test]
fn feed_sitemap_and_canonical_use_base_url() {
    let (_dir, out) = build_basic(&[]);
    check_absolute_urls(&out, BASE);
    let feed = read(&out, "atom.xml");
    assert!(
        feed.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"")
    );
    assert!(feed.contains("<updated>2025-12-01T09:30:00Z</updated>"), "the newest article dates the feed");
    // Newest first.
    let first = feed.find("articles/ceasefire-holds/").unwrap();
    let last = feed.find("articles/talks-open/").unwrap();
    assert!(first < last);
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let (_dir, out) = build_basic(&["--base-url", "https://mirror.example.net/talks"]);
    check_absolute_urls(&out, "https://mirror.example.net/talks/");
    for (path, bytes) in read_tree(&out) {
        assert!(!String::from_utf8_lossy(&bytes).contains("example.org"), "{path} still uses site.yaml's base_url");
    }
    // On the 404 page alone, links start from the path of base_url.
    let not_found = read(&out, "404.html");
    assert!(not_found.contains(r#"<a href="/talks/articles/index.html">All articles</a>"#), "{not_found}");
}

// ---------------------------------------------------------------------------
// Determinism and the output folder

#[test]
fn two_builds_are_byte_identical() {
    let dir = TempDir::new("determinism");
    let (one, two) = (dir.join("one"), dir.join("two"));
    build_ok(&fixture("basic"), &one, &[]);
    build_ok(&fixture("basic"), &two, &[]);
    let (a, b) = (read_tree(&one), read_tree(&two));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two builds");
    }
    // Rebuilding into the same folder gives the same bytes again.
    build_ok(&fixture("basic"), &one, &[]);
    assert!(read_tree(&one) == a, "a rebuild in place differs");
}

#[test]
fn a_rebuild_keeps_only_its_workspace_beside_the_output() {
    let dir = TempDir::new("replace");
    let out = dir.join("public");
    let top = |dir: &TempDir| list_tree(dir.path()).into_iter().filter(|p| !p.contains('/')).collect::<Vec<_>>();
    build_ok(&fixture("basic"), &out, &[]);
    assert_eq!(top(&dir), ["public"], "a first build leaves nothing beside the output");
    build_ok(&fixture("basic"), &out, &[]);
    // The site before, kept to write the next build into (see tests/output.rs).
    assert_eq!(top(&dir), [".public.briefing", "public"]);
    assert_eq!(
        list_tree(&dir.join(".public.briefing")).into_iter().filter(|p| !p.contains('/')).collect::<Vec<_>>(),
        ["lock", "standby"]
    );
}

#[test]
fn a_failed_build_leaves_the_output_exactly_as_it_was() {
    let (dir, site) = fixture_copy("basic");
    let out = dir.join("public");
    build_ok(&site, &out, &[]);
    let before = read_tree(&out);
    let listing_before = list_tree(dir.path());

    // A content error: an unknown actor in one article.
    let article = site.join("content/articles/ceasefire-holds.md");
    let text = std::fs::read_to_string(&article).unwrap().replace("  - kyiv-delegation", "  - kyiv-delegaton");
    std::fs::write(&article, text).unwrap();
    let run = build(&site, &out, &[]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        "content/articles/ceasefire-holds.md:5:5: error: unknown actor `kyiv-delegaton`\n  |\n5 |   - kyiv-delegaton\n  |     ^^^^^^^^^^^^^^\n  = help: did you mean `kyiv-delegation`?\n\nerror: 1 problem in 1 file\n"
    );
    assert_eq!(run.stdout, "");
    assert!(read_tree(&out) == before, "the output folder changed after a failed build");
    assert_eq!(list_tree(dir.path()), listing_before, "nothing was added beside it either");
}

#[test]
fn a_template_error_during_rendering_leaves_the_output_as_it_was() {
    let (dir, site) = fixture_copy("basic");
    let out = dir.join("public");
    build_ok(&site, &out, &[]);
    let before = read_tree(&out);
    // Valid syntax, but fails while rendering: a filter on a missing value.
    write(
        &site,
        "templates/topic.html",
        "{% extends \"base.html\" %}\n{% block content %}{{ topic.nope.deeper }}{% endblock content %}\n",
    );
    let run = build(&site, &out, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.starts_with("templates/topic.html"), "{}", run.stderr);
    assert!(run.stderr.ends_with("error: 1 problem in 1 file\n"), "{}", run.stderr);
    assert!(read_tree(&out) == before);
}

#[test]
fn build_refuses_to_write_into_the_site_itself() {
    let (dir, site) = fixture_copy("basic");
    let files_before = read_tree(&site);
    let run = build(&site, &site, &[]);
    assert_eq!(run.code, Some(1));
    let shown = site.canonicalize().unwrap();
    assert_eq!(
        run.stderr,
        format!(
            "error: refusing to build into {}: it is the site's own folder (choose another folder with --output)\n",
            shown.display()
        )
    );
    assert!(read_tree(&site) == files_before, "the site is untouched");

    // Nor into a folder that contains it.
    let run = build(&site, dir.path(), &[]);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        format!(
            "error: refusing to build into {}: it contains the site (choose another folder with --output)\n",
            dir.path().canonicalize().unwrap().display()
        )
    );
    assert!(read_tree(&site) == files_before, "the site is untouched");

    // Written another way (with `..`), it is still the site.
    let sneaky = site.join("content").join("..");
    let run = build(&site, &sneaky, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(read_tree(&site) == files_before, "the site is untouched");
}

#[test]
fn build_refuses_to_write_into_the_content_folder() {
    // Reproduce: briefing build --root SITE --output SITE/content
    // Today: exit 0, and SITE/content holds index.html, articles/… instead of the sources.
    let (_dir, site) = fixture_copy("basic");
    let files_before = read_tree(&site);
    for inside in ["content", "content/articles", "templates", "static"] {
        let run = build(&site, &site.join(inside), &[]);
        assert_eq!(run.code, Some(1), "--output {inside} must be refused");
        assert!(read_tree(&site) == files_before, "--output {inside} changed the site");
    }
}

#[test]
fn check_on_the_valid_fixture_passes_and_writes_nothing() {
    let (dir, site) = fixture_copy("basic");
    let before = list_tree(dir.path());
    let run = check(&site);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.starts_with("No problems found in "), "{}", run.stdout);
    assert!(!site.join("public").exists());
    assert_eq!(list_tree(dir.path()), before, "check wrote something");
}

#[test]
fn a_build_interrupted_midway_leaves_the_old_output_as_it_was() {
    let site = TempDir::new("interrupt");
    write(site.path(), "content/site.yaml", "title: Many\n");
    write(site.path(), "content/actors/alice.yaml", "name: Alice\n");
    for i in 0..1500 {
        let body = "Some words about the talks. ".repeat(40);
        let text = format!("---\ntitle: Item {i}\ndate: 2025-11-02\nactors: [alice]\n---\n{body}\n");
        write(site.path(), &format!("content/articles/item-{i}.md"), &text);
    }
    let out = site.join("public");
    build_ok(site.path(), &out, &[]);
    let before = read_tree(&out);
    write(site.path(), "content/articles/item-0.md", "---\ntitle: Changed\ndate: 2025-11-03\n---\nNew.\n");
    // Interrupt the second build while it writes (SIGINT's default action ends the process
    // just as abruptly as this kill: no cleanup runs).
    let mut child = briefing()
        .args(["build", "--root"])
        .arg(site.path())
        .arg("--output")
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start briefing");
    let staging = site.join(".public.briefing/standby");
    let started = std::time::Instant::now();
    while !staging.exists() && started.elapsed() < std::time::Duration::from_secs(20) {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().expect("interrupt the build");
    let _ = child.wait();
    assert!(read_tree(&out) == before, "an interrupted build changed the output");
    // The next build cleans up what the interrupted one left and succeeds.
    build_ok(site.path(), &out, &[]);
    assert!(read(&out, "articles/item-0/index.html").contains("Changed"));
}

#[test]
fn a_topic_page_lists_the_proposal_points_on_it_linking_to_each_point() {
    let (_dir, out) = build_basic(&[]);
    let page = read(&out, "topics/ceasefire/index.html");
    let text = visible_text(&page);
    assert!(text.contains("2 articles, 2 proposal points"), "{text}");
    assert!(
        text.contains(
            "Proposal points on Ceasefire Ceasefire in Plan A Superseded Ceasefire in Plan B Under negotiation"
        ),
        "{text}"
    );
    let links = attribute_values(&page, "href");
    for anchor in ["../../proposals/plan-a/index.html#ceasefire", "../../proposals/plan-b/index.html#ceasefire"] {
        assert!(links.iter().any(|l| l == anchor), "no link to {anchor}: {links:?}");
    }
    // A topic no point is on lists articles alone.
    assert!(!visible_text(&read(&out, "topics/neutrality/index.html")).contains("Proposal points"));
}

#[test]
fn point_numbers_and_coverage_show_on_pages_and_in_the_data() {
    let (_dir, out) = build_basic(&[]);
    let page = visible_text(&read(&out, "proposals/plan-b/index.html"));
    assert!(page.contains("Points 3 of 20 points tracked"), "{page}");
    // The number as written: `4.10` unquoted is not the number 4.1.
    assert!(page.contains("Point 7 Security guarantees Partners guarantee"), "{page}");
    assert!(page.contains("Point 4.10 Territory"), "{page}");
    assert!(page.contains("Ceasefire Ceasefire Category: Security sector Fighting stops"), "unnumbered: {page}");
    let list = visible_text(&read(&out, "proposals/index.html"));
    assert!(list.contains("3 of 20 points tracked Plan B"), "{list}");
    assert!(list.contains("3 points Plan A"), "without a total, the count alone: {list}");
    assert!(visible_text(&read(&out, "actors/kyiv-delegation/index.html")).contains("Point 4.10 Territory"));
    let proposals = read_json(&out, "data/proposals.json");
    let plan_b = &proposals[2];
    assert_eq!(plan_b["total_points"], 20);
    assert_eq!(plan_b["points"][1]["number"], "4.10");
    assert_eq!(plan_b["points"][0]["number"], serde_json::Value::Null);
    assert_eq!(proposals[1]["total_points"], serde_json::Value::Null);
}

#[test]
fn category_pages_compare_the_points_of_one_category_across_proposals() {
    let (_dir, out) = build_basic(&[]);
    let index = visible_text(&read(&out, "categories/index.html"));
    assert!(index.contains("Security sector security-sector ceasefires, withdrawal of forces"), "{index}");
    assert!(index.contains("Territory territory borders, lines of control"), "{index}");
    // Every built-in category is listed with its count; only those with points link.
    assert!(index.contains("Transitional justice transitional-justice amnesty"), "{index}");
    let links = attribute_values(&read(&out, "categories/index.html"), "href");
    assert!(links.iter().any(|l| l == "../categories/security-sector/index.html"), "{links:?}");
    assert!(!links.iter().any(|l| l.contains("transitional-justice")), "{links:?}");
    assert!(!out.join("categories/transitional-justice").exists());

    let page = read(&out, "categories/security-sector/index.html");
    let text = visible_text(&page);
    assert!(text.contains("3 points in 3 proposals"), "{text}");
    assert!(
        text.contains("Counter-plan Tabled Pre-negotiation / process Neutrality Ukraine stays out of alliances (the text, page 1)."),
        "{text}"
    );
    assert!(text.contains("Plan B Under negotiation Framework, comprehensive 20 November 2025 Ceasefire"), "{text}");
    assert!(attribute_values(&page, "href").iter().any(|l| l == "../../proposals/plan-a/index.html#ceasefire"));
    // The proposal shows its stage and each point's category, linked to its page.
    let plan_b = read(&out, "proposals/plan-b/index.html");
    assert!(visible_text(&plan_b).contains("Stage Framework, comprehensive"), "{}", visible_text(&plan_b));
    assert!(plan_b.contains(r#"<a class="category" href="../../categories/territory/index.html">"#), "{plan_b}");
    assert!(visible_text(&read(&out, "proposals/index.html")).contains("Under negotiation Framework, comprehensive"));
}

/// Kyiv's amendments to two points of the fixture's Plan B.
const AMENDMENTS: &str = r#"title: European amendments
date: 2025-11-23
proposed_by:
  - kyiv-delegation
status: tabled
stage: framework-partial
amends: plan-b
summary: Counter-proposals to two points of Plan B.
points:
  - id: territory-talks
    amends: territory
    title: Territory negotiated from the line of contact
    text: The lines are frozen; no recognition of occupied land.
    positions:
      kyiv-delegation: supports
  - id: stronger-guarantees
    amends: guarantees
    title: Guarantees like Article 5
    text: Partners guarantee the settlement as allies would.
    positions:
      kyiv-delegation: supports
"#;

#[test]
fn amendments_are_listed_on_the_amended_point_and_show_the_original_beside_their_own() {
    let (dir, root) = fixture_copy("basic");
    write(&root, "content/proposals/european-amendments.yaml", AMENDMENTS);
    let out = dir.join("public");
    let run = build_ok(&root, &out, &[]);
    assert!(!run.stderr.contains("no article discusses"), "an amendment is not an orphan: {}", run.stderr);
    let own = read(&out, "proposals/european-amendments/index.html");
    let text = visible_text(&own);
    assert!(text.contains("Amends Plan B"), "{text}");
    assert!(
        text.contains(
            "Territory negotiated from the line of contact Original: Point 4.10, Territory, Plan B \
             The lines are frozen, subject to a referendum. Amended The lines are frozen; no recognition of occupied land."
        ),
        "{text}"
    );
    assert!(own.contains(r#"href="../../proposals/plan-b/index.html#guarantees""#));
    let amended = read(&out, "proposals/plan-b/index.html");
    let text = visible_text(&amended);
    assert!(text.contains("Amended by European amendments Tabled"), "{text}");
    let territory = visible_text(between(&amended, r#"<li class="point" id="territory">"#, "</li>\n      \n"));
    assert!(
        territory.contains(
            "Amendments proposed to this point: Territory negotiated from the line of contact in European amendments Tabled"
        ),
        "{territory}"
    );
    assert!(amended.contains(r#"href="../../proposals/european-amendments/index.html#territory-talks""#));
    let ceasefire = visible_text(between(&amended, r#"<li class="point" id="ceasefire">"#, "</li>\n      \n"));
    assert!(!ceasefire.contains("Amendments"), "{ceasefire}");
    let data = read_json(&out, "data/proposals.json");
    let eu = data.as_array().unwrap().iter().find(|p| p["id"] == "european-amendments").unwrap();
    assert_eq!(eu["amends"], "plan-b");
    assert_eq!(eu["points"][0]["amends"], "territory");
    let plan_b = data.as_array().unwrap().iter().find(|p| p["id"] == "plan-b").unwrap();
    assert_eq!(plan_b["amended_by"], json!(["european-amendments"]));
}

#[test]
fn what_changed_shows_the_words_inserted_and_deleted_and_the_stances_that_flipped() {
    let (_dir, out) = build_basic(&[]);
    let html = read(&out, "proposals/plan-b/index.html");
    let changes = between(&html, "<section class=\"changes\"", "</section>");
    assert!(
        changes
            .contains("The lines are <del>frozen where they stand.</del><ins>frozen, subject to a referendum.</ins>"),
        "{changes}"
    );
    let stances = visible_text(between(changes, "Stances that changed", "</ul>"));
    assert_eq!(stances, "Stances that changed Kyiv delegation: Opposes → Conditional on Point 4.10, Territory");
    assert!(changes.contains(r#"<a href="../../proposals/plan-b/compare/plan-a/index.html">"#), "{changes}");

    let compare = read(&out, "proposals/plan-b/compare/plan-a/index.html");
    let text = visible_text(&compare);
    assert!(text.contains("Plan B compared with Plan A"), "{text}");
    let rows: Vec<&str> = compare.matches("<tr class=\"compare-").collect();
    assert_eq!(rows.len(), 4, "ceasefire, territory, guarantees, monitoring");
    for (change, id) in
        [("unchanged", "ceasefire"), ("changed", "territory"), ("added", "guarantees"), ("removed", "monitoring")]
    {
        let row = between(&compare, &format!("<tr class=\"compare-{change}\">"), "</tr>");
        assert!(row.contains(&format!("index.html#{id}\"")), "{change}: {row}");
    }
    let removed = visible_text(between(&compare, "<tr class=\"compare-removed\">", "</tr>"));
    assert!(
        removed.contains(
            "Monitoring mission An international mission watches the line. Alice Arden: Supports Not in this version"
        ),
        "{removed}"
    );
    assert!(compare.contains("<ins>frozen, subject to a referendum.</ins>"));
    // Only a proposal that supersedes another has a compare page.
    assert!(!out.join("proposals/plan-a/compare").exists());
}
