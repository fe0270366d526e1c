//! Items in folders of their own (`content/articles/ID/index.md` beside `map.png`):
//! their files are published beside their pages, relative links and images to them and
//! to `static/` work, and images get their size and load lazily. (Links to files that
//! do not exist are pinned in tests/errors.rs; tests/links.rs follows every link and
//! image of the fixture, and tests/browser.rs loads them.)

mod common;

use common::*;

fn built(root: &std::path::Path) -> (TempDir, std::path::PathBuf) {
    let dir = TempDir::new("bundles");
    let out = dir.join("public");
    build_ok(root, &out, &[]);
    (dir, out)
}

#[test]
fn the_files_of_an_item_in_its_own_folder_are_published_beside_its_page() {
    let root = fixture("basic");
    let (_dir, out) = built(&root);
    for (source, published) in [
        // The folder is `readout`, the id (its `slug:`) `moscow-readout`.
        ("content/articles/readout/line.png", "articles/moscow-readout/line.png"),
        ("content/proposals/counter-plan/text.pdf", "proposals/counter-plan/text.pdf"),
        ("static/img/mark.png", "img/mark.png"),
    ] {
        let bytes = std::fs::read(root.join(source)).unwrap();
        assert!(std::fs::read(out.join(published)).unwrap() == bytes, "{published} is not {source}");
    }
    // The item's file itself is its page, not a file beside it.
    assert!(!out.join("articles/moscow-readout/index.md").exists());
    assert!(out.join("articles/moscow-readout/index.html").is_file());
    assert!(!out.join("articles/readout").exists(), "published under the folder's name, not the id");
}

#[test]
fn links_and_images_to_files_are_written_relative_to_the_page() {
    let (_dir, out) = built(&fixture("basic"));
    let readout = read(&out, "articles/moscow-readout/index.html");
    assert!(
        readout.contains(
            r#"<img src="../../articles/moscow-readout/line.png" alt="The line of contact on 21 November" width="64" height="48" loading="lazy" />"#
        ),
        "{readout}"
    );
    let offer = read(&out, "articles/counter-offer/index.html");
    assert!(offer.contains(r#"its <a href="../../articles/moscow-readout/line.png">map</a>"#), "{offer}");
    assert!(offer.contains(r#"<img src="../../img/mark.png" alt="" width="16" height="16" loading="lazy" />"#));
    let plan = read(&out, "proposals/counter-plan/index.html");
    assert!(plan.contains(r#"<a href="../../proposals/counter-plan/text.pdf">The full text</a> as tabled."#));
    assert!(plan.contains(r#"(<a href="../../proposals/counter-plan/text.pdf">the text</a>, page 1)"#), "{plan}");
    // The feed's copy of the text resolves from the article's address.
    let feed = read(&out, "atom.xml");
    assert!(
        feed.contains(r#"xml:base="https://example.org/brief/articles/moscow-readout/">"#)
            && feed.contains("&lt;img src=&quot;../../articles/moscow-readout/line.png&quot;"),
        "{feed}"
    );
}

#[test]
fn a_link_from_the_sites_root_and_a_link_to_a_folder_work_from_disk() {
    let (tmp, root) = fixture_copy("basic");
    let path = root.join("content/articles/talks-open.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let body = "\nSee [all articles](/articles/), [the front page](/), [the feed](/atom.xml) and [this page](./).\n";
    std::fs::write(&path, format!("{text}{body}")).unwrap();
    let out = tmp.join("public");
    build_ok(&root, &out, &[]);
    let html = read(&out, "articles/talks-open/index.html");
    assert!(
        html.contains(
            r#"See <a href="../../articles/index.html">all articles</a>, <a href="../../index.html">the front page</a>, <a href="../../atom.xml">the feed</a> and <a href="../../articles/talks-open/index.html">this page</a>."#
        ),
        "{html}"
    );
}

#[test]
fn images_keep_their_size_and_lazy_loading_through_the_sanitizer() {
    for html in ["sanitize", "allow"] {
        let (tmp, root) = fixture_copy("basic");
        let settings = read(&root, "content/site.yaml");
        write(&root, "content/site.yaml", &format!("{settings}html: {html}\n"));
        let out = tmp.join("public");
        build_ok(&root, &out, &[]);
        let readout = read(&out, "articles/moscow-readout/index.html");
        let img = between(&readout, "<img", ">");
        for attribute in
            [r#"width="64""#, r#"height="48""#, r#"loading="lazy""#, r#"src="../../articles/moscow-readout/line.png""#]
        {
            assert!(img.contains(attribute), "{html}: {img}");
        }
    }
}

#[test]
fn an_image_that_is_not_one_is_shown_without_a_size() {
    let (tmp, root) = fixture_copy("basic");
    std::fs::write(root.join("content/articles/readout/line.png"), "not a PNG").unwrap();
    let out = tmp.join("public");
    build_ok(&root, &out, &[]);
    let readout = read(&out, "articles/moscow-readout/index.html");
    assert!(
        readout.contains(r#"<img src="../../articles/moscow-readout/line.png" alt="The line of contact on 21 November" loading="lazy" />"#),
        "{readout}"
    );
}
