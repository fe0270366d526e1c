//! `briefing serve` as a hostile or careless client meets it: raw HTTP requests that
//! choose their own Host, Origin, method and pace, and a server without a terminal.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::*;

const SCRIPT_TAG: &str = "<script src=\"/__briefing/reload.js\"></script>\n";

/// A running `briefing serve --port 0 EXTRA…`, stopped when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Starts the server and reads its port from the address it announces.
    fn start(root: &Path, extra: &[&str]) -> Server {
        let mut child = briefing()
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start briefing serve");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let line =
            lines.find_map(|l| l.ok().filter(|l| l.starts_with("Serving "))).expect("the server announces its address");
        // Keep reading stdout so that the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let address = line.split(" at http://").nth(1).and_then(|s| s.split('/').next()).unwrap_or("");
        let port = address.rsplit(':').next().and_then(|p| p.parse().ok()).expect("a port in the address");
        Server { child, port }
    }

    /// Starts the server on a free port with its standard output and error set up by
    /// `terminal`, and waits until it answers.
    fn start_without_terminal(root: &Path, terminal: impl Fn(&mut std::process::Command)) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("a free port").port();
        let mut command = briefing();
        command.args(["serve", "--port", &port.to_string(), "--root"]).arg(root);
        terminal(&mut command);
        let mut child = command.spawn().expect("start briefing serve");
        // A closed pipe: the reading ends are dropped at once.
        drop(child.stdout.take());
        drop(child.stderr.take());
        let server = Server { child, port };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the server never listened on {port}");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    fn host(&self) -> String {
        format!("localhost:{}", self.port)
    }

    /// `GET path` with the server's own Host.
    fn get(&self, path: &str) -> Response {
        self.send(&format!("GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.host()))
    }

    /// `GET path` with this Host header.
    fn get_as(&self, host: &str, path: &str) -> Response {
        self.send(&format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"))
    }

    /// Sends `request` exactly as given and reads the whole answer.
    fn send(&self, request: &str) -> Response {
        let mut stream = self.connect();
        stream.write_all(request.as_bytes()).expect("send the request");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read the response");
        Response::parse(&raw)
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(20))).expect("set a read timeout");
        stream
    }

    /// Waits until `path` answers with a body containing `needle`.
    fn wait_for(&self, path: &str, needle: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let r = self.get(path);
            if r.text().contains(needle) {
                return;
            }
            assert!(Instant::now() < deadline, "{path} never showed {needle:?}; last:\n{}", r.text());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Response {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap_or_else(|| {
            panic!("no end of headers in the response:\n{}", String::from_utf8_lossy(raw));
        });
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("a status");
        Response { status, head, body: raw[split + 4..].to_vec() }
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

/// Reads only the status line and headers of a response that may never end (an event
/// stream); the stream stays open for the caller.
fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            other => panic!("the response head ended early ({other:?}):\n{}", String::from_utf8_lossy(&head)),
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}

fn site() -> (TempDir, std::path::PathBuf) {
    fixture_copy("basic")
}

#[test]
fn only_the_servers_own_names_are_answered() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let port = server.port;
    for host in
        [format!("localhost:{port}"), format!("127.0.0.1:{port}"), format!("[::1]:{port}"), format!("LocalHost:{port}")]
    {
        assert_eq!(server.get_as(&host, "/").status, 200, "{host}");
    }
    // A name rebound to 127.0.0.1 by someone else's web page, the right names on
    // another port, and no port at all (which means port 80).
    for host in [
        format!("attacker.example:{port}"),
        format!("localhost.attacker.example:{port}"),
        "attacker.example".to_owned(),
        format!("localhost:{}", port.wrapping_add(1)),
        "localhost".to_owned(),
        format!("127.0.0.2:{port}"),
        format!("[::2]:{port}"),
        format!("localhost:{port}@attacker.example"),
        String::new(),
    ] {
        for path in ["/", "/articles/", "/style.css", "/__briefing/events", "/__briefing/reload.js", "/no/such/page"] {
            let r = server.get_as(&host, path);
            assert_eq!(r.status, 403, "Host: {host} for {path}");
            assert!(!r.text().contains("Talks open"), "{path} shown to Host: {host}");
            assert!(r.text().contains("only answers requests for localhost"), "{}", r.text());
        }
    }
    let missing = server.send("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert_eq!(missing.status, 400);
    let two = server.send(&format!(
        "GET / HTTP/1.1\r\nHost: localhost:{port}\r\nHost: attacker.example:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(two.status, 400);
    // A request in absolute form names its host in the request line too.
    let absolute = server.send(&format!(
        "GET http://attacker.example:{port}/ HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
    ));
    assert_eq!(absolute.status, 403);
    let own_absolute = server
        .send(&format!("GET http://localhost:{port}/ HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"));
    assert_eq!(own_absolute.status, 200);
}

#[test]
fn the_bound_address_is_one_of_the_servers_names() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &["--bind", "127.0.0.1"]);
    assert_eq!(server.get_as(&format!("127.0.0.1:{}", server.port), "/").status, 200);
}

#[test]
fn binding_to_other_machines_answers_any_host_but_events_still_check_origin() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &["--bind", "0.0.0.0"]);
    let host = format!("laptop.local:{}", server.port);
    assert_eq!(server.get_as(&host, "/articles/").status, 200);
    let events = |origin: &str| {
        let mut stream = server.connect();
        write!(stream, "GET /__briefing/events HTTP/1.1\r\nHost: {host}\r\nOrigin: {origin}\r\n\r\n").unwrap();
        read_head(&mut stream)
    };
    assert!(events(&format!("http://{host}")).starts_with("HTTP/1.1 200"));
    assert!(events("http://attacker.example").starts_with("HTTP/1.1 403"));
}

#[test]
fn the_event_stream_answers_only_its_own_origin() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let port = server.port;
    let events = |origin: Option<&str>| {
        let mut stream = server.connect();
        let origin = origin.map(|o| format!("Origin: {o}\r\n")).unwrap_or_default();
        write!(stream, "GET /__briefing/events HTTP/1.1\r\nHost: localhost:{port}\r\n{origin}\r\n").unwrap();
        read_head(&mut stream)
    };
    // A page's own EventSource sends no Origin, or its own.
    assert!(events(None).starts_with("HTTP/1.1 200"));
    assert!(events(Some(&format!("http://localhost:{port}"))).starts_with("HTTP/1.1 200"));
    for origin in [
        "http://attacker.example".to_owned(),
        format!("http://attacker.example:{port}"),
        format!("http://localhost:{}", port.wrapping_add(1)),
        format!("https://localhost:{port}"),
        format!("http://127.0.0.1:{port}"),
        "null".to_owned(),
    ] {
        let head = events(Some(&origin));
        assert!(head.starts_with("HTTP/1.1 403"), "Origin: {origin}\n{head}");
    }
}

#[test]
fn methods_other_than_get_and_head_are_not_allowed() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let host = server.host();
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW"] {
        for path in ["/", "/articles/", "/style.css", "/no/such/page", "/__briefing/events", "/__briefing/reload.js"] {
            let r = server.send(&format!(
                "{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            ));
            assert_eq!(r.status, 405, "{method} {path}");
            assert_eq!(r.header("allow").as_deref(), Some("GET, HEAD"), "{method} {path}");
        }
    }
    let get = server.get("/articles/");
    let head = server.send(&format!("HEAD /articles/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-type").as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(head.header("content-length"), Some(get.body.len().to_string()));
    assert!(head.body.is_empty(), "HEAD has no body: {}", head.text());
}

#[test]
fn content_types_come_from_the_table_whatever_the_case_of_the_extension() {
    let (_tmp, root) = site();
    let files = [
        ("app.mjs", "text/javascript; charset=utf-8"),
        ("APP.MJS", "text/javascript; charset=utf-8"),
        ("Main.JS", "text/javascript; charset=utf-8"),
        ("module.wasm", "application/wasm"),
        ("font.woff2", "font/woff2"),
        ("clip.mp4", "video/mp4"),
        ("photo.avif", "image/avif"),
        ("PHOTO.PNG", "image/png"),
        ("notes.TXT", "text/plain; charset=utf-8"),
        ("extra.CSS", "text/css; charset=utf-8"),
        ("page.HTM", "text/html; charset=utf-8"),
        ("data.unknown-kind", "application/octet-stream"),
        ("no-extension", "application/octet-stream"),
    ];
    for (name, _) in files {
        write(&root, &format!("static/media/{name}"), "x");
    }
    let server = Server::start(&root, &[]);
    for (name, expected) in files {
        let r = server.get(&format!("/media/{name}"));
        assert_eq!(r.status, 200, "{name}");
        assert_eq!(r.header("content-type").as_deref(), Some(expected), "{name}");
    }
    let page = server.get("/");
    assert_eq!(page.header("content-type").as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(server.get("/style.css").header("content-type").as_deref(), Some("text/css; charset=utf-8"));
}

#[test]
fn static_files_are_served_byte_for_byte() {
    let (_tmp, root) = site();
    // Latin-1 HTML (not UTF-8), with an upper-case closing tag and a decoy earlier on.
    let legacy: &[u8] =
        b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 </body> cr\xe8me</p>\r\n</BODY>\n</html>\xff";
    std::fs::create_dir_all(root.join("static/old")).unwrap();
    std::fs::write(root.join("static/old/legacy.html"), legacy).unwrap();
    let binary: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    std::fs::write(root.join("static/old/blob.bin"), &binary).unwrap();
    std::fs::write(root.join("static/old/fragment.html"), b"<p>no body tag \xe9</p>").unwrap();
    let server = Server::start(&root, &[]);
    let at = legacy.windows(7).rposition(|w| w == b"</BODY>").unwrap();
    let expected = [&legacy[..at], SCRIPT_TAG.as_bytes(), &legacy[at..]].concat();
    let served = server.get("/old/legacy.html");
    assert_eq!(served.status, 200);
    assert!(served.body == expected, "changed on the way out:\n{:?}", served.body);
    assert_eq!(server.get("/old/blob.bin").body, binary);
    assert_eq!(
        server.get("/old/fragment.html").body,
        [b"<p>no body tag \xe9</p>".as_slice(), SCRIPT_TAG.as_bytes()].concat()
    );
}

#[test]
fn redirects_to_a_folder_are_path_relative() {
    let (_tmp, root) = site();
    write(&root, "static/odd:name/index.html", "<html><body>odd</body></html>");
    let server = Server::start(&root, &[]);
    for (path, location) in [
        ("/actors", "actors/"),
        ("//actors", "actors/"),
        ("///actors", "actors/"),
        ("/actors?page=2", "actors/?page=2"),
        ("/odd:name", "./odd:name/"),
    ] {
        let r = server.get(path);
        assert_eq!((r.status, r.header("location").as_deref()), (301, Some(location)), "{path}");
    }
    let nested = server.get("/articles/talks-open");
    assert_eq!((nested.status, nested.header("location").as_deref()), (301, Some("talks-open/")));
}

#[test]
fn a_connection_that_never_finishes_its_headers_is_closed() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let mut half_open = server.connect();
    write!(half_open, "GET / HTTP/1.1\r\nHost: {}\r\n", server.host()).unwrap();
    // An idle keep-alive connection after one answered request is the same case.
    let mut idle = server.connect();
    write!(idle, "GET /robots.txt HTTP/1.1\r\nHost: {}\r\n\r\n", server.host()).unwrap();
    assert!(read_head(&mut idle).starts_with("HTTP/1.1 200"));
    for mut stream in [half_open, idle] {
        let mut rest = Vec::new();
        // Ends at the server's close; a read timeout (20 s) is an error.
        let closed = stream.read_to_end(&mut rest);
        assert!(closed.is_ok(), "the server kept the connection open: {closed:?}");
        assert!(!String::from_utf8_lossy(&rest).contains("Talks open"));
    }
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn connections_beyond_the_cap_wait_for_a_free_place() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    // 256 connections that never finish their headers (closed after 10 s at most).
    let mut held: Vec<TcpStream> = (0..256)
        .map(|_| {
            let mut s = server.connect();
            s.write_all(b"GET / HTTP/1.1\r\n").unwrap();
            s
        })
        .collect();
    let mut waiting = server.connect();
    write!(waiting, "GET /robots.txt HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", server.host()).unwrap();
    waiting.set_read_timeout(Some(Duration::from_millis(1500))).unwrap();
    let mut first = [0u8; 1];
    let early = waiting.read(&mut first);
    assert!(early.is_err(), "answered beyond the cap of open connections: {early:?}");
    held.truncate(200);
    waiting.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut raw = Vec::new();
    waiting.read_to_end(&mut raw).expect("answered once a place is free");
    assert!(raw.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&raw));
}

#[test]
fn event_streams_are_capped_and_pages_still_answer() {
    let (_tmp, root) = site();
    let server = Server::start(&root, &[]);
    let open = || {
        let mut s = server.connect();
        write!(s, "GET /__briefing/events HTTP/1.1\r\nHost: {}\r\n\r\n", server.host()).unwrap();
        let head = read_head(&mut s);
        (s, head)
    };
    let streams: Vec<TcpStream> = (0..64)
        .map(|i| {
            let (s, head) = open();
            assert!(head.starts_with("HTTP/1.1 200"), "stream {i}: {head}");
            s
        })
        .collect();
    let (_, over) = open();
    assert!(over.starts_with("HTTP/1.1 503"), "{over}");
    assert_eq!(server.get("/articles/").status, 200);
    // Closed streams (a reloaded page) give their places back.
    drop(streams);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let (_s, head) = open();
        if head.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < deadline, "closed event streams kept their places: {head}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Edits an article and waits for the page to show it over HTTP.
fn assert_rebuilds(server: &Server, root: &Path) {
    let path = root.join("content/articles/talks-open.md");
    let text = std::fs::read_to_string(&path).unwrap();
    server.wait_for("/articles/talks-open/", "Talks open");
    std::fs::write(&path, text.replacen("title: ", "title: Edited without a terminal ", 1)).unwrap();
    server.wait_for("/articles/talks-open/", "Edited without a terminal");
    // And a broken edit (printed to the missing terminal) then a fix.
    std::fs::write(&path, text.replacen("date: ", "date: 2015-02-30\nold_date: ", 1)).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    std::fs::write(&path, text.replacen("title: ", "title: Fixed without a terminal ", 1)).unwrap();
    server.wait_for("/articles/talks-open/", "Fixed without a terminal");
}

#[cfg(target_os = "linux")]
#[test]
fn serve_keeps_rebuilding_when_its_output_is_a_full_disk() {
    let (_tmp, root) = site();
    let full = || Stdio::from(std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full"));
    let server = Server::start_without_terminal(&root, |c| {
        c.stdout(full()).stderr(full());
    });
    assert_rebuilds(&server, &root);
}

#[test]
fn serve_keeps_rebuilding_when_its_terminal_is_gone() {
    let (_tmp, root) = site();
    let server = Server::start_without_terminal(&root, |c| {
        c.stdout(Stdio::piped()).stderr(Stdio::piped());
    });
    assert_rebuilds(&server, &root);
}
