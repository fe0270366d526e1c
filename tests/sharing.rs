//! What pages tell the sites they are shared on and search engines: Open Graph tags
//! (`og:type`, `og:url`, `og:image` from the item's `image:` or site.yaml's), the
//! Twitter card, and schema.org JSON-LD (`NewsArticle`, `Person` / `Organization`,
//! `WebSite`), parsed here as JSON.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::{Value, json};

fn built(root: &Path, extra: &[&str]) -> (TempDir, PathBuf) {
    let dir = TempDir::new("sharing");
    let out = dir.join("public");
    build_ok(root, &out, extra);
    (dir, out)
}

/// The `content` of `<meta property|name="NAME" content="…">` on a page, if any.
fn meta(html: &str, name: &str) -> Option<String> {
    let head = between(html, "<head>", "</head>");
    [format!("<meta property=\"{name}\" content=\""), format!("<meta name=\"{name}\" content=\"")]
        .iter()
        .find_map(|start| {
            head.split_once(start.as_str()).map(|(_, rest)| rest.split('"').next().unwrap_or("").to_owned())
        })
        .map(|s| decode_entities(&s))
}

/// The page's JSON-LD, parsed, if it has any; every script of it must parse.
fn json_ld(html: &str) -> Option<Value> {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    let (_, rest) = html.split_once(OPEN)?;
    let (text, _) = rest.split_once("</script>").expect("the script ends");
    assert!(!text.contains('<'), "a `<` in the data could end the script: {text}");
    Some(serde_json::from_str(text).unwrap_or_else(|e| panic!("JSON-LD is not JSON ({e}): {text}")))
}

#[test]
fn an_article_with_a_picture_of_its_own_is_shared_with_it() {
    let (_dir, out) = built(&fixture("basic"), &[]);
    let html = read(&out, "articles/moscow-readout/index.html");
    assert_eq!(meta(&html, "og:type").as_deref(), Some("article"));
    assert_eq!(meta(&html, "og:url").as_deref(), Some("https://example.org/brief/articles/moscow-readout/"));
    assert_eq!(meta(&html, "og:image").as_deref(), Some("https://example.org/brief/articles/moscow-readout/line.png"));
    assert_eq!((meta(&html, "og:image:width"), meta(&html, "og:image:height")), (Some("64".into()), Some("48".into())));
    assert_eq!(meta(&html, "twitter:card").as_deref(), Some("summary_large_image"));
    assert_eq!(
        json_ld(&html).unwrap(),
        json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Moscow's readout",
            "datePublished": "2025-11-21",
            "description": "Moscow reports on the second round.",
            "url": "https://example.org/brief/articles/moscow-readout/",
            "mainEntityOfPage": "https://example.org/brief/articles/moscow-readout/",
            "image": ["https://example.org/brief/articles/moscow-readout/line.png"],
            "inLanguage": "en",
            "mentions": [
                {"@type": "Person", "name": "Boris Bell", "url": "https://example.org/brief/actors/boris-bell/"},
                {"@type": "Organization", "name": "Kyiv delegation", "url": "https://example.org/brief/actors/kyiv-delegation/"}
            ],
            "author": {"@type": "Organization", "name": "Test desk"},
            "publisher": {"@type": "Organization", "name": "Test Briefing", "url": "https://example.org/brief/"}
        })
    );
}

#[test]
fn other_pages_are_shared_with_the_sites_picture() {
    let (_dir, out) = built(&fixture("basic"), &[]);
    for page in ["index.html", "articles/talks-open/index.html", "proposals/plan-b/index.html", "topics/index.html"] {
        let html = read(&out, page);
        assert_eq!(meta(&html, "og:image").as_deref(), Some("https://example.org/brief/img/mark.png"), "{page}");
        assert_eq!(meta(&html, "og:image:width").as_deref(), Some("16"), "{page}");
    }
    // A picture on the web is used as it is, without a size.
    let alice = read(&out, "actors/alice-arden/index.html");
    assert_eq!(meta(&alice, "og:image").as_deref(), Some("https://images.example.com/alice-arden.jpg"));
    assert_eq!(meta(&alice, "og:image:width"), None);
}

#[test]
fn an_actor_is_a_person_or_an_organization() {
    let (_dir, out) = built(&fixture("basic"), &[]);
    let alice = read(&out, "actors/alice-arden/index.html");
    assert_eq!(meta(&alice, "og:type").as_deref(), Some("profile"));
    assert_eq!(
        json_ld(&alice).unwrap(),
        json!({
            "@context": "https://schema.org",
            "@type": "Person",
            "name": "Alice Arden",
            "alternateName": ["Arden"],
            "jobTitle": "Lead mediator",
            "description": "Chairs the talks for the mediating side.",
            "url": "https://example.org/brief/actors/alice-arden/",
            "image": "https://images.example.com/alice-arden.jpg"
        })
    );
    let delegation = read(&out, "actors/kyiv-delegation/index.html");
    assert_eq!(meta(&delegation, "og:type").as_deref(), Some("website"));
    let data = json_ld(&delegation).unwrap();
    assert_eq!((data["@type"].as_str(), data.get("jobTitle")), (Some("Organization"), None), "{data}");
    assert_eq!(data["description"], "Negotiating team of Ukraine", "the role stands in for a summary");
}

#[test]
fn the_front_page_describes_the_website() {
    let (_dir, out) = built(&fixture("basic"), &[]);
    let front = read(&out, "index.html");
    assert_eq!(
        json_ld(&front).unwrap(),
        json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": "Test Briefing",
            "description": "A small briefing used by the integration tests.",
            "url": "https://example.org/brief/",
            "inLanguage": "en",
            "publisher": {"@type": "Organization", "name": "Test Briefing", "url": "https://example.org/brief/"}
        })
    );
    // Lists, topics and the timeline have none.
    for page in ["articles/index.html", "actors/index.html", "topics/ceasefire/index.html", "timeline/index.html"] {
        assert_eq!(json_ld(&read(&out, page)), None, "{page}");
    }
}

#[test]
fn without_an_absolute_base_url_no_address_is_made_up() {
    let (_tmp, root) = fixture_copy("basic");
    let settings = read(&root, "content/site.yaml").replace("base_url: https://example.org/brief/\n", "");
    write(&root, "content/site.yaml", &settings);
    let (_dir, out) = built(&root, &[]);
    let html = read(&out, "articles/moscow-readout/index.html");
    assert_eq!((meta(&html, "og:url"), meta(&html, "og:image")), (None, None), "relative addresses are not shared");
    assert_eq!(meta(&html, "twitter:card").as_deref(), Some("summary"));
    let data = json_ld(&html).unwrap();
    assert!(data.get("url").is_none() && data.get("image").is_none(), "{data}");
    // A picture on the web still is.
    let alice = read(&out, "actors/alice-arden/index.html");
    assert_eq!(meta(&alice, "og:image").as_deref(), Some("https://images.example.com/alice-arden.jpg"));
}

#[test]
fn what_the_content_says_cannot_end_the_script() {
    let (_tmp, root) = fixture_copy("basic");
    let hostile = "title: \"</script><script>alert(1)</script> <!-- & -->\"\n";
    let path = root.join("content/articles/talks-open.md");
    let text = std::fs::read_to_string(&path).unwrap().replacen("title: Talks open in Geneva\n", hostile, 1);
    std::fs::write(&path, text).unwrap();
    let (_dir, out) = built(&root, &[]);
    let data = json_ld(&read(&out, "articles/talks-open/index.html")).unwrap();
    assert_eq!(data["headline"], "</script><script>alert(1)</script> <!-- & -->");
}

#[test]
fn every_pages_json_ld_parses_in_the_demo_too() {
    for root in [fixture("basic"), repo_root()] {
        let (_dir, out) = built(&root, &[]);
        let mut found = 0;
        for (path, bytes) in read_tree(&out).into_iter().filter(|(p, _)| p.ends_with(".html")) {
            if let Some(data) = json_ld(&String::from_utf8_lossy(&bytes)) {
                assert_eq!(data["@context"], "https://schema.org", "{path}");
                found += 1;
            }
        }
        let items = ["articles", "actors"]
            .iter()
            .map(|kind| read_tree(&out.join(kind)).keys().filter(|p| p.matches('/').count() == 1).count())
            .sum::<usize>();
        assert!(found > items / 2, "{}: only {found} pages have JSON-LD", root.display());
    }
}
