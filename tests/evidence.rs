//! Evidence and time (P9): dates that say how precise they are, sources as items and
//! citations, stances over time, the page of changes, citable pages and the data files
//! that go with them. Each test builds a small site and reads what a user would see.

mod common;

use common::*;

/// A site with the given files (path under the site, text) and a `site.yaml`.
fn site(label: &str, files: &[(&str, &str)]) -> TempDir {
    let dir = TempDir::new(label);
    write(dir.path(), "content/site.yaml", "title: Evidence\nbase_url: https://example.org/e/\nauthor: Desk\n");
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

/// Builds `dir` into its `public/`, which must succeed; returns the output folder.
fn built(dir: &TempDir) -> std::path::PathBuf {
    let out = dir.join("public");
    build_ok(dir.path(), &out, &[]);
    out
}

fn article(title: &str, date: &str) -> String {
    format!("---\ntitle: {title}\ndate: \"{date}\"\nactors: [alice]\n---\nText of {title}.\n")
}

const ALICE: (&str, &str) = ("content/actors/alice.yaml", "name: Alice Arden\n");

#[test]
fn months_years_and_approximate_dates_are_shown_as_written_everywhere() {
    let dir = site(
        "dates",
        &[
            ALICE,
            ("content/articles/month.md", &article("Known to the month", "2025-11")),
            ("content/articles/year.md", &article("Known to the year", "2025")),
            ("content/articles/about.md", &article("About the twentieth", "~2025-11-20")),
            ("content/articles/exact.md", &article("On the twentieth", "2025-11-20")),
            ("content/articles/first.md", &article("On the first", "2025-11-01")),
            ("content/proposals/plan.yaml", "title: Plan\ndate: ~2025-11\n"),
        ],
    );
    let out = built(&dir);
    for (page, shown) in [
        ("articles/month/index.html", "<time datetime=\"2025-11\">November 2025</time>"),
        ("articles/year/index.html", "<time datetime=\"2025\">2025</time>"),
        ("articles/about/index.html", "<time datetime=\"2025-11-20\">c. 20 November 2025</time>"),
        ("articles/exact/index.html", "<time datetime=\"2025-11-20\">20 November 2025</time>"),
        ("proposals/plan/index.html", "<time datetime=\"2025-11\">c. November 2025</time>"),
    ] {
        assert!(read(&out, page).contains(shown), "{page} does not show {shown}");
    }
    // Newest first; a less precise date sorts before every date within it, so after
    // them in this list, and an approximate date just after the exact one.
    let data = read_json(&out, "data/articles.json");
    let rows: Vec<(String, String, String)> = data
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().into(),
                a["date"].as_str().unwrap().into(),
                a["date_precision"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected = [
        ("about", "2025-11-20", "approximate-day"),
        ("exact", "2025-11-20", "day"),
        ("first", "2025-11-01", "day"),
        ("month", "2025-11", "month"),
        ("year", "2025", "year"),
    ];
    let expected: Vec<(String, String, String)> =
        expected.iter().map(|(a, b, c)| ((*a).into(), (*b).into(), (*c).into())).collect();
    assert_eq!(rows, expected);
    let proposals = read_json(&out, "data/proposals.json");
    assert_eq!(
        (proposals[0]["date"].as_str(), proposals[0]["date_precision"].as_str()),
        (Some("2025-11"), Some("approximate-month"))
    );
    // The timeline groups by month; the year-only article under the year, first.
    let timeline = visible_text(&read(&out, "timeline/index.html"));
    let order: Vec<usize> = [
        "2025 2025 Article Known to the year",
        "November 2025 November 2025 Article Known to the month c. November 2025 Proposal Plan 1 November 2025",
        "20 November 2025 Article On the twentieth c. 20 November 2025",
    ]
    .iter()
    .map(|t| timeline.find(t).unwrap_or_else(|| panic!("{t} not on the timeline: {timeline}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{timeline}");
    // The feed says how precise a date is where its timestamp cannot.
    let feed = read(&out, "atom.xml");
    let doc = roxmltree::Document::parse(&feed).expect("the feed is XML");
    let entry = doc
        .descendants()
        .find(|n| {
            n.has_tag_name("entry")
                && n.children().any(|c| c.has_tag_name("title") && c.text() == Some("Known to the month"))
        })
        .expect("an entry for the month article");
    let child = |name: &str| entry.children().find(|c| c.has_tag_name(name)).and_then(|c| c.text()).unwrap_or("");
    assert_eq!(child("published"), "2025-11-01T00:00:00Z");
    assert!(child("content").contains("November 2025"), "{}", child("content"));
}

#[test]
fn dates_that_cannot_be_read_say_what_is_accepted() {
    let dir = site(
        "bad-dates",
        &[
            ALICE,
            ("content/articles/a.md", &article("A", "2025-13")),
            ("content/articles/b.md", &article("B", "~2025-11-20T10:00")),
        ],
    );
    let run = check(dir.path());
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("error: `2025-13` is not a valid date: there is no month 13"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error: `~2025-11-20T10:00` is not a valid date: an approximate date (`~`) has no time of day"),
        "{}",
        run.stderr
    );
}

const REPORT: (&str, &str) = (
    "content/sources/wire-report.md",
    "---\ntitle: Talks open in Geneva\npublisher: Example Wire\nurl: https://news.example.com/talks\n\
     published: 2025-11-02\naccessed: 2025-11-03\narchive_url: https://archive.example.org/talks\nlanguage: en\n---\n\
     The wire's first report from Geneva.\n",
);

const UNDATED: (&str, &str) =
    ("content/sources/undated.yaml", "title: A note without an address\nnotes: |\n  Handed to reporters.\n");

#[test]
fn sources_are_items_with_pages_that_show_what_cites_them() {
    let dir = site(
        "sources",
        &[
            ALICE,
            REPORT,
            UNDATED,
            (
                "content/articles/talks.md",
                "---\ntitle: Talks\ndate: 2025-11-02\nactors: [alice]\nsources:\n  - wire-report\n  - title: A radio interview\n    publisher: Radio\n---\nText.\n",
            ),
        ],
    );
    let run = check(dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // A source without an address is allowed, and said.
    assert_eq!(
        run.stderr,
        "content/sources/undated.yaml:1:1: warning: source `undated` has no `url`\n  |\n1 | title: A note without an address\n  | ^\n  \
         = help: add `url:` so that readers can check it (and `archive_url:` for a copy kept elsewhere)\n\n"
    );
    let out = built(&dir);
    let source = visible_text(&read(&out, "sources/wire-report/index.html"));
    for shown in [
        "Talks open in Geneva",
        "Publisher Example Wire",
        "Published 2 November 2025",
        "Address https://news.example.com/talks",
        "Archived copy https://archive.example.org/talks",
        "Accessed 3 November 2025",
        "Language en",
        "The wire’s first report from Geneva.",
        "Articles citing it 1 2 November 2025 Talks",
    ] {
        assert!(source.contains(shown), "the source page lacks {shown:?}: {source}");
    }
    // The list of sources, by publisher, those without one last.
    let list = visible_text(&read(&out, "sources/index.html"));
    assert!(list.contains("Example Wire 1 Talks open in Geneva 2 November 2025 cited by 1 article"), "{list}");
    assert!(
        list.contains("No publisher given 1 A note without an address cited by 0 articles · no web address"),
        "{list}"
    );
    // The article lists the item (linked to its page) and the source written in place, numbered.
    let page = read(&out, "articles/talks/index.html");
    let sources = between(&page, "<section class=\"sources\"", "</section>");
    assert!(
        sources
            .contains("<li id=\"_source-1\"><a href=\"../../sources/wire-report/index.html\">Talks open in Geneva</a>"),
        "{sources}"
    );
    assert!(sources.contains("<a class=\"source-link\" href=\"https://news.example.com/talks\">"), "{sources}");
    assert!(sources.contains("<li id=\"_source-2\"><span class=\"source-title\">A radio interview</span>, <span class=\"publisher\">Radio</span></li>"), "{sources}");
}

#[test]
fn an_unknown_source_is_an_error_with_the_nearest_id() {
    let dir = site(
        "unknown-source",
        &[
            ALICE,
            REPORT,
            (
                "content/articles/talks.md",
                "---\ntitle: Talks\ndate: 2025-11-02\nactors: [alice]\nsources: [wire-reprot]\n---\nText.\n",
            ),
        ],
    );
    let run = check(dir.path());
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        "content/articles/talks.md:5:11: error: unknown source `wire-reprot`\n  |\n5 | sources: [wire-reprot]\n  |           ^^^^^^^^^^^\n  \
         = help: did you mean `wire-report`?\n\nerror: 1 problem in 1 file\n"
    );
}

#[test]
fn new_writes_a_source_that_builds() {
    let dir = site("new-source", &[ALICE]);
    let run = run(["new", "source", "Kremlin readout", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let text = read(dir.path(), "content/sources/kremlin-readout.md");
    assert!(text.starts_with("---\ntitle: \"Kremlin readout\"\npublisher:\nurl:\npublished:\n"), "{text}");
    let checked = check(dir.path());
    assert_eq!(checked.code, Some(0), "{}", checked.stderr);
    assert!(checked.stderr.contains("warning: source `kremlin-readout` has no `url`"), "{}", checked.stderr);
}

#[test]
fn citations_are_numbered_references_to_the_pages_list_of_sources() {
    let dir = site(
        "citations",
        &[
            ("content/actors/alice.yaml", "name: Alice Arden\nbio: |\n  Known from [@undated].\n"),
            REPORT,
            UNDATED,
            (
                "content/articles/talks.md",
                "---\ntitle: Talks\ndate: 2025-11-02\nactors: [alice]\nsources:\n  - title: A radio interview\n---\n\
                 The talks opened [@wire-report, p. 3]. Both said so [see @undated; @wire-report].\n",
            ),
            (
                "content/proposals/plan.yaml",
                "title: Plan\ndescription: As drafted [@undated].\npoints:\n  - id: one\n    title: One\n    text: Per [@wire-report].\n",
            ),
        ],
    );
    let out = built(&dir);
    let page = read(&out, "articles/talks/index.html");
    let two = "<a href=\"#_source-2\"><span class=\"visually-hidden\">source </span>2</a>";
    let three = "<a href=\"#_source-3\"><span class=\"visually-hidden\">source </span>3</a>";
    assert!(page.contains(&format!("The talks opened <span class=\"cite\">[{two}, p. 3]</span>.")), "{page}");
    assert!(page.contains(&format!("<span class=\"cite\">[see {three}; {two}]</span>")), "{page}");
    let list = visible_text(between(&page, "<section class=\"sources\"", "</section>"));
    assert_eq!(
        list,
        "Sources A radio interview Talks open in Geneva, Example Wire, 2 November 2025 · https://news.example.com/talks \
         A note without an address (no web address)"
    );
    assert!(page.contains("<li id=\"_source-3\"><a href=\"../../sources/undated/index.html\">"), "{page}");
    // A proposal numbers its description's citations, then its points'.
    let proposal = read(&out, "proposals/plan/index.html");
    assert!(proposal.contains("<li id=\"_source-1\"><a href=\"../../sources/undated/index.html\">"), "{proposal}");
    assert!(proposal.contains("<li id=\"_source-2\"><a href=\"../../sources/wire-report/index.html\">"), "{proposal}");
    // An actor's bio cites too, and each source shows who cites it.
    let actor = read(&out, "actors/alice/index.html");
    assert!(actor.contains("<li id=\"_source-1\"><a href=\"../../sources/undated/index.html\">"), "{actor}");
    let undated = visible_text(&read(&out, "sources/undated/index.html"));
    for shown in
        ["Articles citing it 1 2 November 2025 Talks", "Proposals citing it 1 Plan", "Profiles citing it 1 Alice Arden"]
    {
        assert!(undated.contains(shown), "{shown:?} not in {undated}");
    }
}

#[test]
fn a_citation_of_an_unknown_source_is_an_error_where_it_is_written() {
    let dir = site(
        "unknown-citation",
        &[
            ALICE,
            REPORT,
            (
                "content/articles/talks.md",
                "---\ntitle: Talks\ndate: 2025-11-02\nactors: [alice]\n---\nSaid [@wire-reprot, p. 3].\n",
            ),
            (
                "content/articles/notes.yaml",
                "title: Notes\ndate: 2025-11-03\nactors: [alice]\nbody: |\n  First.\n  Then [see @nobody].\n",
            ),
            (
                "content/proposals/plan.yaml",
                "title: Plan\npoints:\n  - id: one\n    title: One\n    text: Per [@wire-reports].\n",
            ),
        ],
    );
    let run = check(dir.path());
    assert_eq!(run.code, Some(1));
    let heads: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(
        heads,
        [
            "content/articles/notes.yaml:6:14: error: unknown source `nobody`",
            "content/articles/talks.md:6:8: error: unknown source `wire-reprot`",
            "content/proposals/plan.yaml:3:9: error: unknown source `wire-reports`",
        ]
    );
    assert!(
        run.stderr
            .contains("6 | Said [@wire-reprot, p. 3].\n  |        ^^^^^^^^^^^\n  = help: did you mean `wire-report`?"),
        "{}",
        run.stderr
    );
}

const BOB: (&str, &str) = ("content/actors/bob.yaml", "name: Bob Bell\n");

/// A proposal whose one point Alice's stance changed on, with dated, sourced stances.
const PLAN: (&str, &str) = (
    "content/proposals/plan.yaml",
    "title: Plan\nstatus:\n  - {status: tabled, date: 2025-11, source: wire-report}\n  - status: rejected\n    date: ~2025-12-02\n\
     points:\n  - id: border\n    title: Border\n    positions:\n      alice:\n        - {stance: supports, date: 2025-11-21, source: wire-report}\n\
     \x20       - stance: opposes\n          date: 2025-12-02\n          source: undated\n          quote: Not on these terms.\n\
     \x20     bob: {stance: conditional, source: wire-report}\n",
);

const PLAN_ARTICLE: (&str, &str) = (
    "content/articles/talks.md",
    "---\ntitle: Talks\ndate: 2025-12-03\nactors: [alice]\nproposals: [plan]\nquotes:\n  - actor: alice\n    text: We said no.\n    date: 2025-12-02\n    source: undated\n---\nText.\n",
);

#[test]
fn stances_over_time_show_the_latest_its_change_and_its_evidence() {
    let dir = site("stances", &[ALICE, BOB, REPORT, UNDATED, PLAN, PLAN_ARTICLE]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stderr.contains("cites no source"), "every stance is sourced: {}", run.stderr);
    let out = built(&dir);
    let page = read(&out, "proposals/plan/index.html");
    // The matrix: the latest stance, marked as changed, with its date and source.
    let matrix = visible_text(between(&page, "<table class=\"matrix\">", "</table>"));
    assert!(
        matrix.ends_with("Border Opposes changed from Supports 2 December 2025 [ source 2 ] Conditional [ source 1 ]"),
        "{matrix}"
    );
    assert!(page.contains("<li id=\"_source-2\"><a href=\"../../sources/undated/index.html\">"), "{page}");
    // The point: every stance, oldest first, with its evidence.
    let point = visible_text(between(&page, "<li class=\"point\" id=\"border\">", "</li>\n      \n    </ol>"));
    assert!(
        point.contains(
            "Alice Arden: Opposes changed from Supports Supports 21 November 2025 [ source 1 ] \
             Opposes 2 December 2025 [ source 2 ] Not on these terms. Bob Bell: Conditional [ source 1 ]"
        ),
        "{point}"
    );
    // The status over time; the current one is the last.
    assert!(
        visible_text(&page).contains("Status Tabled November 2025 [ source 1 ] Rejected c. 2 December 2025"),
        "{page}"
    );
    assert_eq!(read_json(&out, "data/proposals.json")[0]["status"], "rejected");
    assert_eq!(read_json(&out, "data/proposals.json")[0]["points"][0]["positions"]["alice"], "opposes");
    // The actor page: each stance with its date and source.
    let actor =
        visible_text(between(&read(&out, "actors/alice/index.html"), "<table class=\"positions-table\">", "</table>"));
    assert!(
        actor.contains(
            "Plan Rejected Border Supports (earlier) 21 November 2025 Talks open in Geneva \
             Plan Rejected Border Opposes Not on these terms. 2 December 2025 A note without an address"
        ),
        "{actor}"
    );
    // The quote's own date and source, on the article and on the actor's page.
    let article = visible_text(&read(&out, "articles/talks/index.html"));
    assert!(article.contains("We said no. — Alice Arden, 2 December 2025 [ source 1 ]"), "{article}");
    let quotes = visible_text(between(&read(&out, "actors/alice/index.html"), "<h2 id=\"_sec-quotes\">", "</section>"));
    assert!(quotes.contains("We said no. 2 December 2025 — Talks ; source: A note without an address"), "{quotes}");
    // The source's page: the stances and quotes resting on it.
    let source = visible_text(&read(&out, "sources/undated/index.html"));
    assert!(
        source.contains(
            "Stances resting on it 1 Alice Arden: Opposes on Border (Plan) 2 December 2025 Not on these terms."
        ),
        "{source}"
    );
    assert!(source.contains("Quotes taken from it 1 We said no. — Alice Arden, 2 December 2025, in Talks"), "{source}");
}

#[test]
fn a_stance_without_a_source_is_a_warning_in_either_form() {
    let dir = site(
        "unsourced",
        &[
            ALICE,
            BOB,
            (
                "content/articles/talks.md",
                "---\ntitle: Talks\ndate: 2025-12-03\nactors: [alice]\nproposals: [plan]\n---\nText.\n",
            ),
            (
                "content/proposals/plan.yaml",
                "title: Plan\npoints:\n  - id: border\n    title: Border\n    positions:\n      alice: supports\n      bob:\n        - {stance: opposes, date: 2025-12-02}\n",
            ),
        ],
    );
    let run = check(dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "content/proposals/plan.yaml:6:14: warning: the stance of `alice` on point `border` cites no source\n  |\n\
         6 |       alice: supports\n  |              ^^^^^^^^\n  \
         = help: write it as `- {stance: …, date: …, source: SOURCE-ID}` so that readers can check it\n\n\
         content/proposals/plan.yaml:8:20: warning: the stance of `bob` on point `border` cites no source\n  |\n\
         8 |         - {stance: opposes, date: 2025-12-02}\n  |                    ^^^^^^^\n  \
         = help: write it as `- {stance: …, date: …, source: SOURCE-ID}` so that readers can check it\n\n"
    );
    let denied = common::run(["check", "--deny-warnings", "--root", dir.path().to_str().unwrap()]);
    assert_eq!(denied.code, Some(1), "--deny-warnings enforces sourcing");
}

#[test]
fn stances_and_statuses_are_written_oldest_first_and_checked() {
    let dir = site(
        "bad-stances",
        &[
            ALICE,
            REPORT,
            (
                "content/proposals/plan.yaml",
                "title: Plan\nstatus:\n  - {status: rejected, date: 2025-12-02}\n  - {status: tabled, date: 2025-11}\n\
                 points:\n  - id: border\n    title: Border\n    positions:\n      alice:\n        - {stance: opposes, date: 2025-12-02, source: wire-report}\n\
                 \x20       - {stance: supports, date: 2025-11-21, sorce: wire-report}\n        - {date: 2025-12-03}\n        - {stance: maybe}\n",
            ),
        ],
    );
    let run = check(dir.path());
    assert_eq!(run.code, Some(1));
    let heads: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(
        heads,
        [
            "content/proposals/plan.yaml:4:28: error: the statuses go back in time: November 2025 comes after 2 December 2025",
            "content/proposals/plan.yaml:11:36: error: the stances of `alice` go back in time: 21 November 2025 comes after 2 December 2025",
            "content/proposals/plan.yaml:11:48: error: unknown field `sorce` in a stance",
            "content/proposals/plan.yaml:12:11: error: missing required field `stance`",
            "content/proposals/plan.yaml:13:20: error: `maybe` is not a stance",
        ]
    );
    assert!(run.stderr.contains("= help: did you mean `source`?"), "{}", run.stderr);
}

#[test]
fn the_page_of_changes_lists_every_dated_event_newest_first_by_week_with_its_evidence() {
    let dir = site(
        "changes",
        &[
            ALICE,
            BOB,
            REPORT,
            UNDATED,
            PLAN,
            PLAN_ARTICLE,
            ("content/proposals/plan-v2.yaml", "title: Plan, second version\ndate: 2025-12-04\nsupersedes: plan\n"),
            ("content/proposals/undated.yaml", "title: Undated plan\nstatus: tabled\n"),
        ],
    );
    let out = built(&dir);
    let page = read(&out, "changes/index.html");
    let text = visible_text(between(&page, "<main", "</main>"));
    let expected = [
        "Week of 1 December 2025",
        "4 December 2025 Version Plan, second version revises Plan",
        "3 December 2025 Article Talks",
        "c. 2 December 2025 Status Plan: Tabled → Rejected",
        "2 December 2025 Stance Alice Arden: Supports → Opposes on Border (Plan) Not on these terms. Source: A note without an address",
        "Week of 17 November 2025",
        "21 November 2025 Stance Alice Arden: Supports on Border (Plan) Source: Talks open in Geneva, Example Wire",
        "November 2025, day not known",
        "November 2025 Status Plan: Tabled Source: Talks open in Geneva, Example Wire",
    ];
    let mut at = 0;
    for line in expected {
        let found = text[at..].find(line).unwrap_or_else(|| panic!("{line:?} not in order in: {text}"));
        at += found + line.len();
    }
    assert!(!text.contains("Undated plan") && !text.contains("Bob Bell"), "undated events are not listed: {text}");
    // Each links to its evidence: the point, and the source.
    assert!(page.contains("<li class=\"event event-stance\" id=\"stance_plan_border_alice_1\">"), "{page}");
    assert!(page.contains("<a href=\"../proposals/plan/index.html#border\">Border</a>"), "{page}");
    assert!(page.contains("<a class=\"cite-source\" href=\"../sources/undated/index.html\">"), "{page}");

    // The same events, newest first, as an Atom feed.
    let feed = read(&out, "changes.xml");
    let doc = roxmltree::Document::parse(&feed).expect("changes.xml is XML");
    let atom = "http://www.w3.org/2005/Atom";
    let root = doc.root_element();
    assert_eq!((root.tag_name().namespace(), root.tag_name().name()), (Some(atom), "feed"));
    let entries: Vec<roxmltree::Node<'_, '_>> = root.children().filter(|n| n.has_tag_name((atom, "entry"))).collect();
    let child = |e: &roxmltree::Node<'_, '_>, name: &str| {
        e.children()
            .find(|c| c.has_tag_name((atom, name)))
            .map(|c| c.text().unwrap_or("").to_owned())
            .unwrap_or_default()
    };
    let titles: Vec<String> = entries.iter().map(|e| child(e, "title")).collect();
    assert_eq!(
        titles,
        [
            "New version: Plan, second version revises Plan",
            "New article: Talks",
            "Plan: status changed from Tabled to Rejected",
            "Alice Arden: Supports → Opposes on “Border” (Plan)",
            "Alice Arden: Supports on “Border” (Plan)",
            "Plan: status Tabled",
        ]
    );
    let stance = &entries[3];
    let link = stance.children().find(|c| c.has_tag_name((atom, "link"))).and_then(|l| l.attribute("href"));
    assert_eq!(link, Some("https://example.org/e/proposals/plan/#border"));
    assert_eq!(child(stance, "id"), "https://example.org/e/changes/#stance_plan_border_alice_1");
    assert_eq!(child(stance, "updated"), "2025-12-02T00:00:00Z");
    assert_eq!(
        child(stance, "summary"),
        "Date: 2 December 2025. Source: A note without an address (https://example.org/e/sources/undated/). “Not on these terms.”"
    );
    let ids: std::collections::BTreeSet<String> = entries.iter().map(|e| child(e, "id")).collect();
    assert_eq!(ids.len(), entries.len(), "every entry has its own id");
    assert!(read(&out, "index.html").contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Evidence: changes\" href=\"changes.xml\">"
    ));
}

#[test]
fn a_stance_or_status_stated_again_is_listed_as_such_not_as_a_change() {
    let plan = (
        "content/proposals/plan.yaml",
        "title: Plan\nstatus:\n  - {status: tabled, date: 2025-11-03, source: wire-report}\n  \
         - {status: tabled, date: 2025-11-20, source: wire-report}\npoints:\n  - id: border\n    title: Border\n    \
         positions:\n      alice:\n        - {stance: supports, source: wire-report}\n        \
         - {stance: supports, date: ~2025-12, source: wire-report}\n",
    );
    let dir = site("restated", &[ALICE, REPORT, plan]);
    let out = built(&dir);
    let text = visible_text(between(&read(&out, "changes/index.html"), "<main", "</main>"));
    assert!(text.contains("c. December 2025 Stance Alice Arden: Supports again on Border (Plan)"), "{text}");
    assert!(text.contains("20 November 2025 Status Plan: Tabled again Source"), "{text}");
    assert!(!text.contains("→"), "nothing changed: {text}");
    let feed = read(&out, "changes.xml");
    assert!(feed.contains("<title>Alice Arden: Supports again on “Border” (Plan)</title>"), "{feed}");
    assert!(feed.contains("<title>Plan: status Tabled again</title>"), "{feed}");
    assert!(!feed.contains("from Tabled to Tabled"), "{feed}");
}

#[test]
fn article_actor_and_proposal_pages_say_how_to_cite_them() {
    let dir = site("cite", &[ALICE, BOB, REPORT, UNDATED, PLAN, PLAN_ARTICLE]);
    let out = built(&dir);
    for (page, citation) in [
        (
            "articles/talks/index.html",
            "Cite this page Desk. “Talks.” Evidence, 3 December 2025. https://example.org/e/articles/talks/.",
        ),
        (
            "actors/alice/index.html",
            "Cite this page Desk. “Alice Arden.” Evidence, as of 3 December 2025. https://example.org/e/actors/alice/.",
        ),
        (
            "proposals/plan/index.html",
            "Cite this page Desk. “Plan.” Evidence, as of 3 December 2025. https://example.org/e/proposals/plan/.",
        ),
        // Bob's page shows nothing dated.
        ("actors/bob/index.html", "Cite this page Desk. “Bob Bell.” Evidence, n.d. https://example.org/e/actors/bob/."),
    ] {
        let html = read(&out, page);
        let block = visible_text(between(&html, "<section class=\"cite-page\"", "</section>"));
        assert_eq!(block, citation, "{page}");
    }
}

#[test]
fn sources_and_stances_are_open_data_in_json_and_every_data_file_in_csv() {
    let dir = site(
        "data",
        &[
            ALICE,
            BOB,
            REPORT,
            UNDATED,
            PLAN,
            PLAN_ARTICLE,
            (
                "content/articles/formula.md",
                "---\ntitle: \"=HYPERLINK(\\\"https://evil.example\\\")\"\ndate: 2025-11-01\nactors: [bob]\nsources: [wire-report]\n---\nText.\n",
            ),
        ],
    );
    let out = built(&dir);
    let sources = read_json(&out, "data/sources.json");
    assert_eq!(
        sources[1],
        serde_json::json!({
            "id": "wire-report", "title": "Talks open in Geneva", "publisher": "Example Wire",
            "url": "https://news.example.com/talks", "archive_url": "https://archive.example.org/talks", "language": "en",
            "published": "2025-11-02", "published_precision": "day", "accessed": "2025-11-03", "accessed_precision": "day",
            "path": "sources/wire-report/", "articles": ["formula"], "proposals": ["plan"], "actors": []
        })
    );
    let stances = read_json(&out, "data/stances.json");
    assert_eq!(
        stances,
        serde_json::json!([
            {"proposal": "plan", "point": "border", "actor": "alice", "stance": "supports", "date": "2025-11-21",
             "date_precision": "day", "source": "wire-report", "quote": null, "current": false},
            {"proposal": "plan", "point": "border", "actor": "alice", "stance": "opposes", "date": "2025-12-02",
             "date_precision": "day", "source": "undated", "quote": "Not on these terms.", "current": true},
            {"proposal": "plan", "point": "border", "actor": "bob", "stance": "conditional", "date": null,
             "date_precision": null, "source": "wire-report", "quote": null, "current": true}
        ])
    );
    let proposal = &read_json(&out, "data/proposals.json")[0];
    assert_eq!(
        proposal["statuses"],
        serde_json::json!([
            {"status": "tabled", "date": "2025-11", "date_precision": "month", "source": "wire-report"},
            {"status": "rejected", "date": "2025-12-02", "date_precision": "approximate-day", "source": null}
        ])
    );
    assert_eq!(read_json(&out, "data/articles.json")[1]["sources"], serde_json::json!(["wire-report"]));
    // The CSV files hold the same rows as the JSON, with a header, read by a CSV reader.
    let table = |file: &str| -> Vec<Vec<String>> {
        let bytes = read(&out, file).into_bytes();
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        let mut rows = vec![header];
        rows.extend(reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()));
        rows
    };
    let stances_csv = table("data/stances.csv");
    assert_eq!(
        stances_csv[0],
        ["proposal", "point", "actor", "stance", "date", "date_precision", "source", "quote", "current"]
    );
    assert_eq!(
        stances_csv[2],
        ["plan", "border", "alice", "opposes", "2025-12-02", "day", "undated", "Not on these terms.", "true"]
    );
    assert_eq!(stances_csv.len(), 4);
    let articles = table("data/articles.csv");
    assert_eq!(articles[0][..4], ["id", "title", "date", "date_precision"]);
    // Text a spreadsheet would run as a formula is kept as text.
    assert_eq!(articles[2][..3], ["formula", "'=HYPERLINK(\"https://evil.example\")", "2025-11-01"]);
    assert_eq!(articles[2][10], "wire-report");
    assert_eq!(table("data/sources.csv")[2][..3], ["wire-report", "Talks open in Geneva", "Example Wire"]);
    assert_eq!(table("data/actors.csv")[1], ["alice", "Alice Arden", "", "", "actors/alice/", "talks"]);
    assert_eq!(table("data/proposals.csv")[1][..5], ["plan", "Plan", "", "", "rejected"]);
}
