//! Renamed items: each id in an item's `redirect_from` gets a small page at its old
//! address that sends readers on, relatively (so from `file://` too), with the item's
//! page as its canonical address. (The errors are pinned in tests/errors.rs, and
//! tests/links.rs follows every link of the fixture, these pages' too.)

mod common;

use common::*;

fn built() -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::new("redirects");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, &[]);
    (dir, out)
}

#[test]
fn each_old_id_has_a_page_that_sends_readers_to_the_item() {
    let (_dir, out) = built();
    assert_eq!(
        read(&out, "actors/boris-bel/index.html"),
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Boris Bell · Test Briefing</title>\n\
         <meta http-equiv=\"refresh\" content=\"0; url=../../actors/boris-bell/index.html\">\n\
         <link rel=\"canonical\" href=\"https://example.org/brief/actors/boris-bell/\">\n\
         <meta name=\"robots\" content=\"noindex\">\n<meta name=\"generator\" content=\"briefing\">\n</head>\n<body>\n<main>\n\
         <p>This page has moved to <a href=\"../../actors/boris-bell/index.html\">Boris Bell</a>.</p>\n</main>\n</body>\n</html>\n"
    );
    for (old, new) in [
        ("actors/b-bell/", "actors/boris-bell/"),
        ("articles/geneva-opening/", "articles/talks-open/"),
        ("proposals/plan-b-draft/", "proposals/plan-b/"),
    ] {
        let html = read(&out, &format!("{old}index.html"));
        let refresh = format!("<meta http-equiv=\"refresh\" content=\"0; url=../../{new}index.html\">");
        assert!(html.contains(&refresh), "{old}: {html}");
        assert!(html.contains(&format!("href=\"https://example.org/brief/{new}\"")), "{old}: {html}");
    }
}

#[test]
fn old_addresses_are_left_out_of_the_sitemap_and_the_search_index() {
    let (_dir, out) = built();
    for file in ["sitemap.xml", "search-index.json", "data/actors.json", "atom.xml"] {
        let text = read(&out, file);
        for old in ["boris-bel/", "b-bell", "geneva-opening", "plan-b-draft"] {
            assert!(!text.contains(old), "{file} names {old}");
        }
    }
}

#[test]
fn a_renamed_source_keeps_its_old_address_and_a_citation_of_the_old_id_is_an_error() {
    let (_tmp, root) = fixture_copy("basic");
    let path = "content/sources/geneva-wire.yaml";
    write(&root, path, &format!("redirect_from: [old-wire]\n{}", read(&root, path)));
    let out = root.join("public");
    build_ok(&root, &out, &[]);
    let html = read(&out, "sources/old-wire/index.html");
    assert!(
        html.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../sources/geneva-wire/index.html\">"),
        "{html}"
    );

    let article = "content/articles/talks-open.md";
    write(&root, article, &read(&root, article).replace("    source: geneva-wire", "    source: old-wire"));
    let run = check(&root);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("the source `old-wire` was renamed to `geneva-wire`"), "{}", run.stderr);
}
