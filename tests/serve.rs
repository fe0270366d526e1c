//! `briefing serve`: the real server on a free port, spoken to over HTTP.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

use std::time::{Duration, Instant};

use common::*;

/// The server under test, with the HTTP helpers these tests use.
struct Server(ServeProcess);

impl Server {
    fn start(root: &std::path::Path, extra: &[&str]) -> Server {
        Server(ServeProcess::start(root, extra))
    }

    fn port(&self) -> u16 {
        self.0.port
    }

    fn get(&self, path: &str) -> Response {
        get(self.port(), path)
    }

    /// Waits until `path` answers with a body containing `needle`.
    fn wait_for(&self, path: &str, needle: &str) -> Response {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let r = self.get(path);
            if r.body_text().contains(needle) {
                return r;
            }
            assert!(Instant::now() < deadline, "{path} never showed {needle:?}; last:\n{}", r.body_text());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

struct Response {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Response {
    fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

/// A bare HTTP/1.1 GET; the path is sent exactly as given (no normalising).
fn get(port: u16, path: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read response");
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("headers end");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("status");
    Response { status, headers: head, body: raw[split + 4..].to_vec() }
}

/// Reads server-sent events from `/__briefing/events` until `until` returns true.
fn events_until(port: u16, until: impl Fn(&str) -> bool, after_connect: impl FnOnce()) -> String {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    write!(stream, "GET /__briefing/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").unwrap();
    let mut reader = BufReader::new(stream);
    let mut seen = String::new();
    let mut after = Some(after_connect);
    let mut line = String::new();
    while reader.read_line(&mut line).unwrap_or(0) > 0 {
        seen.push_str(&line);
        line.clear();
        if seen.contains("event: fixed") || seen.contains("event: errors") {
            if let Some(f) = after.take() {
                f();
            }
        }
        if until(&seen) {
            return seen;
        }
    }
    panic!("the event stream ended early:\n{seen}");
}

fn site() -> (TempDir, std::path::PathBuf) {
    fixture_copy("basic")
}

#[test]
fn serves_pages_with_types_directories_and_the_sites_404() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type").as_deref(), Some("text/html; charset=utf-8"));
    assert!(home.body_text().contains("<script src=\"/__briefing/reload.js\"></script>"));
    let css = server.get("/style.css");
    assert_eq!((css.status, css.header("content-type").as_deref()), (200, Some("text/css; charset=utf-8")));
    assert_eq!(server.get("/data/actors.json").header("content-type").as_deref(), Some("application/json"));
    assert_eq!(server.get("/actors/").status, 200);
    let redirect = server.get("/actors");
    assert_eq!((redirect.status, redirect.header("location").as_deref()), (301, Some("actors/")));
    let missing = server.get("/no/such/page/");
    assert_eq!(missing.status, 404);
    assert!(missing.body_text().contains("Page not found") || missing.body_text().contains("not found"));
    assert!(!root.join("public").exists(), "serve never writes the output folder");
}

#[test]
fn requests_cannot_leave_the_site() {
    let (_tmp, root) = site();
    std::fs::write(root.join("secret.txt"), "secret").unwrap();
    let server = Server::start(&root, &[]);
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/articles/..%2f..%2fsecret.txt",
        "/content/site.yaml",
        "/..\\secret.txt",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body_text().contains("secret"), "{path}");
    }
}

#[test]
fn an_edited_article_is_served_after_the_rebuild() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let path = root.join("content/articles/talks-open.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let page = "/articles/talks-open/";
    assert!(!server.get(page).body_text().contains("Edited headline"));
    std::fs::write(&path, text.replacen("title: ", "title: Edited headline ", 1)).unwrap();
    server.wait_for(page, "Edited headline");
}

#[test]
fn a_broken_edit_shows_errors_keeps_the_last_good_site_and_clears_on_fix() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let path = root.join("content/articles/talks-open.md");
    let good = std::fs::read_to_string(&path).unwrap();
    let before = server.get("/articles/talks-open/").body;
    let broken = good.replacen("date: ", "date: 2015-02-30\nold_date: ", 1);
    let port = server.port();
    let seen = events_until(
        port,
        |s| s.contains("event: errors") && s.contains("February 2015 has 28 days"),
        || std::fs::write(&path, &broken).unwrap(),
    );
    assert!(seen.contains("data: content/articles/talks-open.md:"), "{seen}");
    // The last good build is still served.
    assert_eq!(server.get("/articles/talks-open/").body, before);
    // Fixing the file clears the errors.
    let seen = events_until(
        port,
        |s| s.contains("event: fixed") && !s.starts_with("event: errors"),
        || std::fs::write(&path, &good).unwrap(),
    );
    assert!(seen.contains("event: fixed"), "{seen}");
}

#[test]
fn started_with_errors_every_address_shows_them_until_fixed() {
    let (_tmp, root) = site();
    let path = root.join("content/articles/talks-open.md");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, good.replacen("date: ", "date: 2015-02-30\nold_date: ", 1)).unwrap();
    let server = Server::start(&root, &[]);
    for page in ["/", "/articles/talks-open/", "/no/such/page/"] {
        let r = server.get(page);
        assert_eq!(r.status, 503, "{page}");
        let body = r.body_text();
        assert!(body.contains("<body data-briefing-waiting>"), "{page}: {body}");
        assert!(body.contains("content/articles/talks-open.md:"), "{page}: {body}");
        assert!(body.contains("February 2015 has 28 days"), "{page}: {body}");
        assert!(body.contains("<script src=\"/__briefing/reload.js\"></script>"), "{page}: {body}");
    }
    std::fs::write(&path, &good).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.get("/").status != 200 {
        assert!(Instant::now() < deadline, "the fixed site was never served");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!server.get("/articles/talks-open/").body_text().contains("data-briefing-waiting"));
}

#[test]
fn after_edits_the_served_site_equals_a_fresh_build() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let article = root.join("content/articles/talks-open.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, text.replacen("title: ", "title: Renamed ", 1)).unwrap();
    std::fs::write(
        root.join("content/articles/brand-new.md"),
        "---\ntitle: Brand new piece\ndate: 2030-01-01\n---\nFresh.\n",
    )
    .unwrap();
    server.wait_for("/articles/brand-new/", "Brand new piece");
    server.wait_for("/articles/talks-open/", "Renamed");
    // An edit of the text alone (the quick path: only the page and the feed re-render).
    let renamed = std::fs::read_to_string(&article).unwrap();
    std::fs::write(&article, format!("{renamed}\nA paragraph added later.\n")).unwrap();
    server.wait_for("/articles/talks-open/", "A paragraph added later.");
    std::fs::write(
        root.join("content/articles/brand-new.md"),
        "---\ntitle: Brand new piece\ndate: 2030-01-01\n---\nFresh, and **edited**.\n",
    )
    .unwrap();
    server.wait_for("/articles/brand-new/", "<strong>edited</strong>");
    server.wait_for("/atom.xml", "&lt;strong&gt;edited&lt;/strong&gt;");
    assert_served_site_is_a_fresh_build(&server, &root);
}

/// Every file a fresh `build` of `root` writes is served with the same bytes (apart
/// from the live-reload script).
fn assert_served_site_is_a_fresh_build(server: &Server, root: &std::path::Path) {
    let out = TempDir::new("serve-fresh");
    build_ok(root, &out.join("public"), &[]);
    // The build's manifest is its own record, not part of the site.
    for (path, bytes) in read_tree(&out.join("public")).into_iter().filter(|(p, _)| p != ".briefing-manifest.json") {
        let served = server.get(&format!("/{path}"));
        assert_eq!(served.status, 200, "{path}");
        let body = if path.ends_with(".html") {
            served.body_text().replace("<script src=\"/__briefing/reload.js\"></script>\n", "").into_bytes()
        } else {
            served.body
        };
        assert!(body == bytes, "{path} differs from a fresh build:\n{}", String::from_utf8_lossy(&body));
    }
}

#[test]
fn after_each_front_matter_edit_the_served_site_equals_a_fresh_build() {
    // Each edit changes what other pages show: lists, neighbours, actor, proposal and
    // topic pages, counts, the feed and the data files. Some change what the article
    // refers to or where it sorts (the model is made again); the others only what it
    // shows (the model is patched): both must give what a build gives.
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let (md, yaml) = ("content/articles/talks-open.md", "content/articles/plan-b-tabled.yaml");
    let (md_page, yaml_page) = ("/articles/talks-open/", "/articles/plan-b-tabled/");
    let (plan, source) = ("content/proposals/plan-b.md", "content/sources/geneva-wire.yaml");
    let (plan_page, source_page) = ("/proposals/plan-b/", "/sources/geneva-wire/");
    let edits: [(&str, &str, &str, &str, &str); 19] = [
        (md, "title: Talks open in Geneva", "title: Talks reopen in Geneva", md_page, "Talks reopen"),
        (md, "date: 2025-11-02\nsummary", "date: 2024-01-15\nsummary", md_page, "2024-01-15"),
        (md, "  - alice-arden\n", "", md_page, "Talks reopen"),
        (md, "proposals:\n  - plan-a\n", "proposals:\n  - plan-a\n  - plan-b\n", md_page, "proposals/plan-b/"),
        (md, "proposals:\n  - plan-a\n  - plan-b\n", "proposals:\n  - plan-a\n", md_page, "Talks reopen"),
        (md, "  - OSCE monitoring\n", "", md_page, "Talks reopen"),
        (md, "    text: We came to listen.", "    text: We came to talk.", md_page, "We came to talk."),
        (md, "summary: The first round", "summary: A later round", md_page, "A later round"),
        (md, "location: Geneva", "location: Lausanne", md_page, "Lausanne"),
        (md, "    publisher: Example Wire", "    publisher: Wire Service", md_page, "Wire Service"),
        (md, "    context: on arrival", "    context: at the door", md_page, "at the door"),
        (md, "title: Talks reopen", "title: Talks resume", md_page, "Talks resume"),
        (yaml, "summary: Mediators table a revised plan.", "summary: A second plan.", yaml_page, "A second plan."),
        (yaml, "title: Plan B tabled", "title: Plan B on the table", yaml_page, "Plan B on the table"),
        // A stance changed, and a quote given to one (what the matrix, the actor pages,
        // the changes, the source and the data show).
        (plan, "- {stance: opposes, date: 2025-11-02,", "- {stance: unclear, date: 2025-11-02,", plan_page, "Unclear"),
        (plan, "quote: Only with a referendum.", "quote: Only after a referendum.", plan_page, "after a referendum"),
        // A source's title (on every page that lists it).
        (source, "title: Delegations meet in Geneva", "title: Delegations gather in Geneva", source_page, "gather"),
        // A citation added to an article's text, and its quote's source dropped.
        (md, "Delegations met for the first time.", "Delegations met [@geneva-wire, p. 2].", md_page, "p. 2"),
        (md, "    source: geneva-wire\n", "", md_page, "Delegations met"),
    ];
    for (file, from, to, page, shown) in edits {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from:?} not in {file}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        server.wait_for(page, shown);
        // Let a second rebuild (if the editor's save came in two events) finish.
        std::thread::sleep(Duration::from_millis(300));
        assert_served_site_is_a_fresh_build(&server, &root);
    }
}

#[test]
fn the_reload_script_is_served_and_never_built() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let script = server.get("/__briefing/reload.js");
    assert_eq!(script.status, 200);
    assert!(script.body_text().contains("EventSource"));
    let out = TempDir::new("serve-no-script");
    build_ok(&root, &out.join("public"), &[]);
    for (path, bytes) in read_tree(&out.join("public")) {
        assert!(!String::from_utf8_lossy(&bytes).contains("__briefing"), "{path} has the reload script");
    }
}

#[test]
fn a_request_flood_neither_crashes_the_server_nor_stops_rebuilds() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let port = server.port();
    let flood: Vec<_> = (0..50)
        .map(|i| {
            std::thread::spawn(move || {
                let mut ok = 0;
                for j in 0..200 {
                    let path = if (i + j) % 3 == 0 { "/" } else { "/articles/" };
                    if get(port, path).status == 200 {
                        ok += 1;
                    }
                }
                ok
            })
        })
        .collect();
    // A rebuild while the flood is on still goes through.
    let path = root.join("content/articles/talks-open.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replacen("title: ", "title: During the flood ", 1)).unwrap();
    server.wait_for("/articles/talks-open/", "During the flood");
    let answered: usize = flood.into_iter().map(|t| t.join().expect("flood thread")).sum();
    assert_eq!(answered, 10_000);
    assert_eq!(server.get("/").status, 200);
}
