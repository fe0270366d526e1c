//! Representative pages of the fixture site, pinned whole: a change in the theme or the
//! renderer shows up here as a reviewable diff.

mod common;

use common::*;

/// Builds the basic fixture once per test and returns the text of `rel`.
fn built_file(rel: &str) -> String {
    let dir = TempDir::new("snapshot");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, &[]);
    read(&out, rel)
}

#[test]
fn article_page() {
    insta::assert_snapshot!("article_talks_open", built_file("articles/talks-open/index.html"));
}

#[test]
fn yaml_article_page() {
    insta::assert_snapshot!("article_plan_b_tabled", built_file("articles/plan-b-tabled/index.html"));
}

#[test]
fn proposal_page() {
    insta::assert_snapshot!("proposal_plan_b", built_file("proposals/plan-b/index.html"));
}

#[test]
fn actor_index() {
    insta::assert_snapshot!("actors_index", built_file("actors/index.html"));
}

#[test]
fn proposals_data() {
    insta::assert_snapshot!("data_proposals_json", built_file("data/proposals.json"));
}

#[test]
fn not_found_page() {
    insta::assert_snapshot!("not_found", built_file("404.html"));
}
