//! Every link of the built site works from `file://` and under any base path: links are
//! relative, point at files that exist, and every `#fragment` names an id of its target.
//! Checked on the fixture and on the real demo briefing (the repository itself).

mod common;

use std::process::Command;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;

/// `a/b/../c` → `a/c`; None when it climbs above the output root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

fn is_external(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

/// Ids of every element in each HTML file; duplicates reported as problems.
fn ids_by_file(files: &BTreeMap<String, Vec<u8>>, problems: &mut Vec<String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (path, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let mut ids = BTreeSet::new();
        for id in attribute_values(&html, "id") {
            if !ids.insert(id.clone()) {
                problems.push(format!("{path}: id=\"{id}\" appears twice"));
            }
        }
        out.insert(path.clone(), ids);
    }
    out
}

/// Checks every href and src of every HTML page; returns the problems found.
/// `base_path` is the path of base_url, which only the 404 page may start its links with.
fn link_problems(out: &Path, base_path: &str) -> Vec<String> {
    let files = read_tree(out);
    let mut problems = Vec::new();
    let ids = ids_by_file(&files, &mut problems);
    let mut checked = 0;
    for (page, bytes) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        let links = attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src"));
        for link in links {
            checked += 1;
            let lower = link.trim().to_ascii_lowercase();
            if lower.starts_with("javascript:") || lower.starts_with("vbscript:") || lower.starts_with("data:") {
                problems.push(format!("{page}: script URL {link:?}"));
                continue;
            }
            if lower.starts_with("http://localhost") || lower.starts_with("//") {
                problems.push(format!("{page}: {link:?} is not relative"));
                continue;
            }
            if is_external(&link) {
                continue;
            }
            let (target_path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.as_str(), None),
            };
            let target_path = target_path.split('?').next().unwrap_or("");
            let resolved = if let Some(absolute) = target_path.strip_prefix('/') {
                // Only the 404 page, served at any depth, may use the base path.
                if page != "404.html" {
                    problems.push(format!("{page}: {link:?} starts with `/`"));
                    continue;
                }
                match absolute.strip_prefix(base_path.trim_start_matches('/')) {
                    Some(rest) => normalise(rest),
                    None => {
                        problems.push(format!("{page}: {link:?} is outside the base path {base_path}"));
                        continue;
                    }
                }
            } else if target_path.is_empty() {
                Some(page.clone())
            } else {
                normalise(&format!("{dir}/{target_path}"))
            };
            let Some(resolved) = resolved else {
                problems.push(format!("{page}: {link:?} climbs out of the site"));
                continue;
            };
            let file = if resolved.is_empty() || target_path.ends_with('/') {
                problems.push(format!("{page}: {link:?} links to a folder, not its index.html"));
                continue;
            } else {
                resolved
            };
            if !files.contains_key(&file) {
                problems.push(format!("{page}: {link:?} → {file}, which does not exist"));
                continue;
            }
            if let Some(fragment) = fragment {
                if !file.ends_with(".html") {
                    problems.push(format!("{page}: {link:?} has a fragment on a non-HTML file"));
                } else if !ids[&file].contains(fragment) {
                    problems.push(format!("{page}: {link:?}: no id=\"{fragment}\" in {file}"));
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} links found: is the scanner broken?");
    problems
}

#[test]
fn every_link_of_the_fixture_resolves() {
    let dir = TempDir::new("links-basic");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, &[]);
    let problems = link_problems(&out, "/brief/");
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));
}

#[test]
fn every_link_of_the_fixture_with_drafts_resolves() {
    let dir = TempDir::new("links-drafts");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, &["--drafts", "--base-url", "https://example.com/"]);
    let problems = link_problems(&out, "/");
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));
}

#[test]
fn every_link_of_the_demo_briefing_resolves() {
    let dir = TempDir::new("links-demo");
    let out = dir.join("public");
    build_ok(&repo_root(), &out, &[]);
    // The demo's base_url is https://briefing.example.org/, so 404.html links start with `/`.
    let problems = link_problems(&out, "/");
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));
}

#[test]
fn the_scanner_catches_broken_links() {
    // A guard for the checker itself: a hand-made site with each kind of problem.
    let dir = TempDir::new("links-scanner");
    let out = dir.path();
    let mut page = String::from("<main id=\"main\">");
    for i in 0..101 {
        page.push_str(&format!("<a href=\"#main\">{i}</a>"));
    }
    page.push_str(concat!(
        "<a href=\"/abs.html\">abs</a>",
        "<a href=\"missing.html\">missing</a>",
        "<a href=\"index.html#nowhere\">frag</a>",
        "<a href=\"javascript:alert(1)\">js</a>",
        "<img src=\"http://localhost:1111/x.png\">",
        "<a href=\"sub/\">folder</a>",
        "<p id=\"twice\"></p><p id=\"twice\"></p>",
        // Text that merely looks like a link is not one.
        "<p>&lt;a href=\"javascript:alert(2)\"&gt;text&lt;/a&gt;</p>",
        "<!-- <a href=\"commented.html\"> -->",
    ));
    write(out, "index.html", &page);
    let problems = link_problems(out, "/");
    assert_eq!(
        problems,
        [
            "index.html: id=\"twice\" appears twice",
            "index.html: \"/abs.html\" starts with `/`",
            "index.html: \"missing.html\" → missing.html, which does not exist",
            "index.html: \"index.html#nowhere\": no id=\"nowhere\" in index.html",
            "index.html: script URL \"javascript:alert(1)\"",
            "index.html: \"sub/\" links to a folder, not its index.html",
            "index.html: \"http://localhost:1111/x.png\" is not relative",
        ]
    );
}

/// Every URL-holding attribute that starts with a script scheme, in every HTML page.
fn script_urls(out: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for (page, bytes) in read_tree(out).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = String::from_utf8_lossy(bytes);
        for attr in ["href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcset"] {
            for value in attribute_values(&html, attr) {
                let cleaned: String =
                    value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_lowercase();
                if ["javascript:", "vbscript:", "data:"].iter().any(|s| cleaned.starts_with(s)) {
                    found.push(format!("{page}: {attr}={value:?}"));
                }
            }
        }
    }
    found
}

#[test]
fn script_urls_never_reach_an_href_or_src_in_any_html_mode() {
    let body = concat!(
        "<a href=\"javascript:alert(1)\">x</a> <img src=\"javascript:alert(2)\">\n",
        "<iframe src=\"javascript:alert(3)\"></iframe> <a href=\" JaVaScRiPt:alert(4)\">y</a>\n",
        "<a href=\"data:text/html,<script>alert(5)</script>\">z</a> <a href=\"vbscript:msgbox(6)\">v</a>\n",
        "<svg><a xlink:href=\"javascript:alert(7)\">s</a></svg> <object data=\"javascript:alert(8)\"></object>\n",
        "<form action=\"javascript:alert(9)\"><button formaction=\"javascript:alert(10)\">b</button></form>\n",
        "<video poster=\"javascript:alert(11)\" src=\"javascript:alert(12)\"></video>\n",
        "<a href=\"java&#x73;cript:alert(13)\">e</a> <a href=\"&#106;avascript:alert(14)\">f</a>\n",
    );
    for mode in ["escape", "sanitize", "allow"] {
        let dir = TempDir::new("script-urls");
        let site = dir.join("site");
        write(&site, "content/site.yaml", &format!("html: {mode}\n"));
        write(&site, "content/actors/someone.yaml", "name: Someone\n");
        write(
            &site,
            "content/articles/raw.md",
            &format!("---\ntitle: Raw HTML\ndate: 2025-01-01\nactors: [someone]\n---\n{body}"),
        );
        let out = dir.join("out");
        build_ok(&site, &out, &[]);
        let found = script_urls(&out);
        assert!(found.is_empty(), "html: {mode}:\n{}", found.join("\n"));
    }
}

#[test]
fn script_urls_in_markdown_links_are_errors() {
    let dir = TempDir::new("script-md");
    let site = dir.join("site");
    write(&site, "content/actors/someone.yaml", "name: Someone\n");
    write(
        &site,
        "content/articles/bad.md",
        "---\ntitle: Bad\ndate: 2025-01-01\nactors: [someone]\n---\nClick [here](javascript:alert(1)).\n",
    );
    let run = check(&site);
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stderr,
        "content/articles/bad.md:6:14: error: `javascript:alert(1)` is a script link, which is never allowed\n  |\n6 | Click [here](javascript:alert(1)).\n  |              ^^^^^^^^^^^^^^^^^^^\n  = help: link to a web address (https://…) or to an item (actor:ID, proposal:ID, article:ID)\n\nerror: 1 problem in 1 file\n"
    );
}

#[test]
fn heading_ids_never_collide_with_other_ids_on_the_page() {
    // Reproduce: a proposal whose description has `## Territory` and a point `id: territory`
    // renders two elements with id="territory" (proposal:p#territory passes the check but
    // lands on the heading); an article heading `## Main` or `## Search` repeats the
    // theme's id="main" (skip link target) and id="search" (the search form).
    let dir = TempDir::new("heading-ids");
    let site = dir.join("site");
    write(&site, "content/actors/someone.yaml", "name: Someone\n");
    write(
        &site,
        "content/proposals/p.md",
        "---\ntitle: P\npoints:\n  - id: territory\n    title: Territory\n    positions:\n      someone: supports\n---\n## Territory\n\nAbout the land.\n",
    );
    write(
        &site,
        "content/articles/a.md",
        "---\ntitle: A\ndate: 2025-01-01\nactors: [someone]\nproposals: [p]\n---\n## Main\n\n## Search\n\nSee [the point](proposal:p#territory).\n",
    );
    let out = dir.join("out");
    build_ok(&site, &out, &[]);
    let mut problems = Vec::new();
    ids_by_file(&read_tree(&out), &mut problems);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
/// The 1,000-article benchmark corpus (bench/gen_corpus.py) builds, its links resolve, and
/// its output is the same byte for byte with one thread and with several.
fn the_1000_article_corpus_builds_identically_with_one_and_several_threads() {
    let tmp = TempDir::new("corpus");
    let site = tmp.join("site");
    let generated = Command::new("python3")
        .arg(repo_root().join("bench/gen_corpus.py"))
        .args(["--articles", "1000", "--actors", "50", "--proposals", "15", "--format", "briefing", "--out"])
        .arg(&site)
        .output()
        .expect("python3 runs the corpus generator");
    assert!(generated.status.success(), "{}", String::from_utf8_lossy(&generated.stderr));

    let build_with = |threads: &str, out: &str| {
        let run = briefing()
            .env("RAYON_NUM_THREADS", threads)
            .args(["build", "--root"])
            .arg(&site)
            .arg("--output")
            .arg(tmp.join(out))
            .output()
            .expect("run briefing");
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
        read_tree(&tmp.join(out))
    };
    let one = build_with("1", "one");
    let several = build_with("4", "several");
    assert!(one.len() > 1000, "{} files", one.len());
    assert!(one.contains_key("articles/page/20/index.html"));
    assert_eq!(one.keys().collect::<Vec<_>>(), several.keys().collect::<Vec<_>>());
    for (path, bytes) in &one {
        assert!(several[path] == *bytes, "{path} differs between 1 and 4 threads");
    }
    // The same link checks as for the demo and the fixture hold at this size.
    let problems = link_problems(&tmp.join("one"), "/");
    assert!(problems.is_empty(), "broken links:\n{}", problems.join("\n"));
}
