//! Templates: every filter, function and test of tera-contrib (and Tera 1's names for
//! two of them) in a site's own template, the worked example and the lists of
//! docs/templates.md, and template errors laid out as content errors are.

mod common;

use std::path::Path;

use briefing::render::templates::{FILTERS, FUNCTIONS, TESTS};
use common::*;

/// A template using each of tera-contrib's names, with what each line must render to.
const EVERY_CONTRIB_NAME: &[(&str, &str)] = &[
    (r#"date: {{ "2025-12-02" | date(format="%A %-d %B %Y") }}"#, "date: Tuesday 2 December 2025"),
    (
        r#"date in French: {{ "2025-12-02T09:30:00Z" | date(locale="fr", format="d MMMM y, HH:mm") }}"#,
        "date in French: 2 décembre 2025, 09:30",
    ),
    (r#"now: {{ now(timezone="UTC") | date(format="%Y") | int > 2024 }}"#, "now: true"),
    (r#"before: {{ "2025-12-02" is before(other="2026-01-01") }}"#, "before: true"),
    (r#"after: {{ "2025-12-02" is after(other="2026-01-01") }}"#, "after: false"),
    (r#"slug: {{ "Security guarantees & the OSCE" | slug }}"#, "slug: security-guarantees-the-osce"),
    (r#"slugify: {{ "Тalks in Moscow" | slugify }}"#, "slugify: talks-in-moscow"),
    (r#"striptags: {{ "<b>Joel</b> <!-- x --><i>is</i> here" | striptags }}"#, "striptags: Joel is here"),
    (r#"spaceless: {{ "<ul>\n  <li>a</li>\n</ul>" | spaceless | safe }}"#, "spaceless: <ul><li>a</li></ul>"),
    (r#"urlencode: {{ "a b/c?d=é" | urlencode }}"#, "urlencode: a%20b/c%3Fd%3D%C3%A9"),
    (r#"urlencode_strict: {{ "a b/c" | urlencode_strict }}"#, "urlencode_strict: a%20b%2Fc"),
    (r#"filesize_format: {{ 1048576 | filesize_format }}"#, "filesize_format: 1 MiB"),
    (r#"filesizeformat: {{ 1500000 | filesizeformat(binary=false) }}"#, "filesizeformat: 1.50 MB"),
    (r#"format: {{ 3.14159 | format(spec=".2") }} [{{ "hi" | format(spec=">4") }}]"#, "format: 3.14 [  hi]"),
    (r#"json_encode: {{ {"a": [1, "b"]} | json_encode | safe }}"#, r#"json_encode: {"a":[1,"b"]}"#),
    (
        r#"regex_replace: {{ "Plan 28, point 7" | regex_replace(pattern="[0-9]+", rep="N") }}"#,
        "regex_replace: Plan N, point N",
    ),
    (r#"matching: {{ "plan-b" is matching(pat="^plan-[a-z]$") }}"#, "matching: true"),
    (r#"b64_encode: {{ "talks" | b64_encode }}"#, "b64_encode: dGFsa3M="),
    (r#"b64_decode: {{ "dGFsa3M=" | b64_decode }}"#, "b64_decode: talks"),
    (r#"get_random: {{ get_random(start=7, end=8) }}"#, "get_random: 7"),
    (
        r#"shuffle: {{ [3] | shuffle | first }} {{ [1, 2, 3] | shuffle(seed="x") | sort | join(sep=",") }}"#,
        "shuffle: 3 1,2,3",
    ),
];

#[test]
fn a_sites_template_can_use_every_filter_function_and_test_of_tera_contrib() {
    let (tmp, root) = fixture_copy("basic");
    let template: Vec<&str> = EVERY_CONTRIB_NAME.iter().map(|(line, _)| *line).collect();
    write(&root, "templates/404.html", &(template.join("\n") + "\n"));
    let out = tmp.join("public");
    build_ok(&root, &out, &[]);
    let rendered = read(&out, "404.html");
    let expected: Vec<&str> = EVERY_CONTRIB_NAME.iter().map(|(_, shown)| *shown).collect();
    assert_eq!(rendered.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn every_contrib_name_is_used_in_that_template() {
    // The lists after Tera's own names (`register_contrib`); each one is exercised above.
    let contrib = FILTERS.iter().skip_while(|f| **f != "b64_decode");
    let used = |name: &str| EVERY_CONTRIB_NAME.iter().any(|(line, _)| line.starts_with(&format!("{name}:")));
    for name in contrib.chain(&FUNCTIONS[2..]).chain(&TESTS[TESTS.len() - 3..]) {
        assert!(used(name), "{name} is not tried");
    }
}

#[test]
fn docs_list_every_filter_function_and_test_and_the_blocks_of_base_html() {
    let docs = read(&repo_root(), "docs/templates.md");
    let listed = |name: &str| {
        docs.contains(&format!("| `{name}`"))
            || docs.contains(&format!("`{name}("))
            || docs.contains(&format!(", `{name}`"))
            || docs.contains(&format!("(also `{name}`)"))
    };
    for name in FILTERS.iter().chain(FUNCTIONS).chain(TESTS) {
        assert!(listed(name), "docs/templates.md does not list `{name}`");
    }
    let base = read(&repo_root(), "templates/base.html");
    let blocks: Vec<&str> = base.split("{% block ").skip(1).filter_map(|rest| rest.split_whitespace().next()).collect();
    assert_eq!(blocks, ["title", "description", "content"]);
    let section = inside(&docs, "## The blocks of `base.html`", "## Overriding one block");
    for block in blocks {
        assert!(section.contains(&format!("| `{block}` |")), "the block `{block}` is not described");
    }
}

/// The text between `start` and `end` (both left out).
fn inside<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("`{start}` not found")) + start.len();
    let to = text[from..].find(end).unwrap_or_else(|| panic!("`{end}` not found after `{start}`"));
    &text[from..from + to]
}

/// The worked example of docs/templates.md: the template's path and text.
fn worked_example(docs: &str) -> (String, String) {
    let marker = "<!-- example: ";
    let start = docs.find(marker).expect("the worked example's marker") + marker.len();
    let path = docs[start..].split_whitespace().next().unwrap().to_owned();
    let code = inside(&docs[start..], "```html\n", "```");
    (path, code.to_owned())
}

#[test]
fn the_worked_example_of_overriding_one_block_builds_as_the_docs_say() {
    let docs = read(&repo_root(), "docs/templates.md");
    let (path, template) = worked_example(&docs);
    assert_eq!(path, "templates/topic.html");
    let (tmp, root) = fixture_copy("basic");
    write(&root, &path, &template);
    let out = tmp.join("public");
    build_ok(&root, &out, &[]);
    let page = read(&out, "topics/ceasefire/index.html");
    let main = inside(&page, "<main id=\"_main\" class=\"wrap\" tabindex=\"-1\">", "</main>").trim_start();
    // What the docs show of it, up to the `…`.
    let shown = inside(&docs, "with this in its `<main>`:\n\n```html\n", "  …\n```");
    assert!(main.starts_with(shown), "docs show:\n{shown}\nthe page has:\n{main}");
    assert!(main.contains(", Monday 1 December 2025</li>"), "{main}");
    // The rest of the page is base.html's: title, navigation, footer.
    assert!(page.contains("<title>Ceasefire · "), "{page}");
    assert!(page.contains("<nav class=\"site-nav\" aria-label=\"Main\">"));
    assert!(page.contains("<footer class=\"site-footer\">"));
}

#[test]
fn the_docs_show_a_template_error_as_briefing_prints_it() {
    let docs = read(&repo_root(), "docs/templates.md");
    let (path, template) = worked_example(&docs);
    let (_tmp, root) = fixture_copy("basic");
    write(&root, &path, &template.replace("| date(", "| dat("));
    let run = check(&root);
    assert_eq!(run.code, Some(1));
    let shown = inside(&docs, "## Template errors", "## Static assets");
    let shown = inside(shown, "```\n", "```");
    assert_eq!(run.stderr, shown);
}

/// `briefing check` on `tests/fixtures/invalid/CASE`, which must fail; its stderr.
fn check_fails(case: &str) -> String {
    let run = check(&fixture(&format!("invalid/{case}")));
    assert_eq!((run.code, run.stdout.as_str()), (Some(1), ""), "{}", run.stderr);
    run.stderr
}

#[test]
fn unknown_filters_and_functions_are_errors_at_their_template_line() {
    assert_eq!(
        check_fails("unknown-filter"),
        "\
templates/article.html:3:24: error: template error: Unknown filter `slugfy`
  |
3 | <h1>{{ article.title | slugfy }}</h1>
  |                        ^^^^^^
  = help: did you mean `slugify`? (docs/templates.md lists every filter, function and test)

templates/article.html:5:25: error: template error: Unknown filter `markdown`
  |
5 | <p>{{ article.summary | markdown }}</p>
  |                         ^^^^^^^^
  = help: docs/templates.md lists every filter, function and test

templates/partials/byline.html:1:75: error: template error: Unknown function `random`
  |
1 | <p class=\"byline\">Filed {{ now(timezone=\"UTC\") | date(format=\"%Y\") }}, {{ random(start=1, end=9) }}</p>
  |                                                                           ^^^^^^^^^^^^^^^^^^^^^^
  = help: docs/templates.md lists every filter, function and test

error: 3 problems in 2 files
"
    );
}

#[test]
fn an_error_while_rendering_is_shown_once_with_the_page() {
    let (tmp, root) = fixture_copy("basic");
    // base.html is used by every page; its error is the same on each.
    let base = read(&repo_root(), "templates/base.html").replacen(
        "{{ site.title }}</a>",
        "{{ site.title | truncate }}</a>",
        1,
    );
    write(&root, "templates/base.html", &base);
    let line = base.lines().position(|l| l.contains("| truncate")).unwrap() + 1;
    let run = build(&root, &tmp.join("public"), &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let heads: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(heads.len(), 1, "{}", run.stderr);
    assert!(
        heads[0].starts_with(&format!("templates/base.html:{line}:"))
            && heads[0].contains(": error: template error while rendering "),
        "{}",
        run.stderr
    );
    assert!(heads[0].ends_with(": Missing keyword argument `length`"), "{}", run.stderr);
    assert!(run.stderr.ends_with("\nerror: 1 problem in 1 file\n"), "{}", run.stderr);
}

#[test]
fn the_fixture_for_unknown_filters_has_no_other_problem() {
    // Without its unknown names, the same site builds.
    let (tmp, root) = fixture_copy("invalid/unknown-filter");
    let fix = |path: &str, from: &str, to: &str| {
        let text = read(&root, path).replace(from, to);
        write(&root, path, &text);
    };
    fix("templates/article.html", "slugfy", "slugify");
    fix("templates/article.html", " | markdown", "");
    fix("templates/partials/byline.html", "random(", "get_random(");
    build_ok(&root, &tmp.join("public"), &[]);
    assert!(Path::new(&tmp.join("public/articles/talks/index.html")).is_file());
}
