//! Embargoes: an item with `publish:` in the future is in no output until then (as a
//! draft is in none), `build` and `check` say so in a note, `--now` moves the clock,
//! and a published item that refers to an embargoed one is an error.

mod common;

use common::*;

const DEAL: &str = "---
title: Deal signed in Geneva
date: 2025-12-05
publish: 2025-12-05T09:00+01:00
summary: Both delegations sign.
actors: [alice-arden, boris-bell]
proposals: [plan-a]
topics: [Signing ceremony]
quotes:
  - actor: alice-arden
    text: It is done.
---
The [monitoring clause](proposal:plan-a#monitoring) stays.
";

/// The output of `root` built with `extra`, without the build's manifest.
fn built(root: &std::path::Path, extra: &[&str]) -> (std::collections::BTreeMap<String, Vec<u8>>, Run) {
    let dir = TempDir::new("embargo-out");
    let out = dir.join("public");
    let run = build_ok(root, &out, extra);
    let mut files = read_tree(&out);
    files.remove(".briefing-manifest.json");
    (files, run)
}

#[test]
fn an_embargoed_article_is_in_no_output_before_its_moment_and_in_every_one_from_it() {
    let (_tmp, root) = fixture_copy("basic");
    let (without, _) = built(&root, &[]);
    write(&root, "content/articles/deal-signed.md", DEAL);
    // 08:59 at +01:00: a minute before.
    let (before, run) = built(&root, &["--now", "2025-12-05T07:59:00Z"]);
    // Pages, lists, feed, sitemap, search index, data files, mention counts, topics: as
    // if the file were not there.
    assert!(before == without, "the embargoed article shows somewhere: {:?}", differing(&before, &without));
    assert_eq!(
        run.stderr,
        "content/articles/deal-signed.md:4:10: note: article `deal-signed` is embargoed until \
         2025-12-05T09:00:00+01:00: left out of this build\n  |\n4 | publish: 2025-12-05T09:00+01:00\n  |          \
         ^^^^^^^^^^^^^^^^^^^^^^\n  = help: preview the site as it will be then with `--now 2025-12-05T09:00:00+01:00`\n\n"
    );
    assert!(run.stdout.starts_with("Built 34 pages (56 files: "), "a note is not a warning: {}", run.stdout);
    // From the moment itself (09:00 at +01:00, written at another offset) it is everywhere.
    let (after, run) = built(&root, &["--now", "2025-12-05T03:00-05:00"]);
    assert_eq!(run.stderr, "");
    assert!(after.contains_key("articles/deal-signed/index.html"));
    assert!(after.contains_key("topics/signing-ceremony/index.html"));
    for file in ["atom.xml", "sitemap.xml", "search-index.json", "data/articles.json", "index.html"] {
        assert!(String::from_utf8_lossy(&after[file]).contains("deal-signed"), "{file} lacks it");
    }
    let actors: serde_json::Value = serde_json::from_slice(&after["data/actors.json"]).unwrap();
    assert!(actors[0]["articles"].as_array().unwrap().contains(&"deal-signed".into()), "{actors}");
}

/// The files that differ between two outputs, for a failure's message.
fn differing<'a>(
    a: &'a std::collections::BTreeMap<String, Vec<u8>>,
    b: &'a std::collections::BTreeMap<String, Vec<u8>>,
) -> Vec<&'a str> {
    let keys = a.keys().chain(b.keys());
    let mut out: Vec<&str> = keys.filter(|k| a.get(*k) != b.get(*k)).map(String::as_str).collect();
    out.dedup();
    out
}

#[test]
fn check_notes_each_embargoed_item_and_finds_no_problem() {
    let (_tmp, root) = fixture_copy("basic");
    write(&root, "content/articles/deal-signed.md", DEAL);
    write(&root, "content/proposals/plan-c.yaml", "title: Plan C\npublish: 2025-12-06\n");
    let run = run(["check", "--now", "2025-12-05", "--root", root.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let notes: Vec<&str> = run.stderr.lines().filter(|l| l.contains(": note: ")).collect();
    assert_eq!(
        notes,
        [
            "content/articles/deal-signed.md:4:10: note: article `deal-signed` is embargoed until 2025-12-05T09:00:00+01:00: left out of this build",
            "content/proposals/plan-c.yaml:2:10: note: proposal `plan-c` is embargoed until 2025-12-06T00:00:00Z: left out of this build",
        ]
    );
    assert!(run.stdout.starts_with("No problems found in "), "{}", run.stdout);
    // A minute past the later one, nothing is embargoed: plan-c is published, and warned
    // about as any proposal no article discusses.
    let run = run_check(&root, "2025-12-06T00:01Z");
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
    assert!(run.stderr.contains("warning: no article discusses proposal `plan-c`"), "{}", run.stderr);
}

fn run_check(root: &std::path::Path, now: &str) -> Run {
    run(["check", "--now", now, "--root", root.to_str().unwrap()])
}

#[test]
fn without_now_the_clock_decides() {
    let (_tmp, root) = fixture_copy("basic");
    write(&root, "content/articles/long-ago.md", &DEAL.replace("2025-12-05T09:00+01:00", "2000-01-01"));
    write(&root, "content/actors/someday.yaml", "name: Someday\npublish: 2999-01-01T00:00Z\n");
    let (files, run) = built(&root, &[]);
    assert!(files.contains_key("articles/long-ago/index.html"));
    assert!(!files.keys().any(|f| f.contains("someday")), "an actor embargoed until 2999 was built");
    assert!(!String::from_utf8_lossy(&files["data/actors.json"]).contains("someday"));
    assert!(run.stderr.contains("note: actor `someday` is embargoed until 2999-01-01T00:00:00Z"), "{}", run.stderr);
}

#[test]
fn a_published_item_that_refers_to_an_embargoed_one_is_an_error_until_both_are_out() {
    let (_tmp, root) = fixture_copy("basic");
    write(&root, "content/articles/deal-signed.md", DEAL);
    let path = root.join("content/articles/ceasefire-holds.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\nSee [the signing](article:deal-signed).\n")).unwrap();
    let early = run_check(&root, "2025-12-05T07:00Z");
    assert_eq!(early.code, Some(1), "{}", early.stderr);
    assert!(
        early.stderr.contains(
            ": error: `deal-signed` is an embargoed article, left out of this build until 2025-12-05T09:00:00+01:00\n"
        ),
        "{}",
        early.stderr
    );
    assert_eq!(run_check(&root, "2025-12-05T08:00Z").code, Some(0));
}

#[test]
fn a_now_that_is_not_a_date_is_a_usage_error() {
    let (_tmp, root) = fixture_copy("basic");
    for command in ["build", "check", "serve"] {
        let run = run([command, "--now", "tomorrow", "--root", root.to_str().unwrap()]);
        assert_eq!(run.code, Some(2), "{command}: {}", run.stderr);
        assert!(
            run.stderr.contains("invalid value 'tomorrow' for '--now <TIME>': not a date: expected YYYY-MM-DD"),
            "{command}: {}",
            run.stderr
        );
    }
}
