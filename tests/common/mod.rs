//! Helpers shared by the integration tests: running the binary, temporary folders,
//! copying fixtures, reading a whole output folder.
//!
//! Each test file uses a different subset of these helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The `briefing` binary built for these tests, printing plain text whatever colours the
/// environment asks for (the tests pin the plain form; tests/terminal.rs the coloured).
pub(crate) fn briefing() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_briefing"));
    cmd.env_remove("CLICOLOR_FORCE").env_remove("CLICOLOR");
    cmd
}

/// The repository itself: the demo site.
pub(crate) fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/NAME`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests").join("fixtures").join(name)
}

/// What a run of the binary showed the user.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// Runs `briefing ARGS…` and collects its output.
pub(crate) fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    briefing().args(args).output().expect("the briefing binary runs").into()
}

/// `briefing build --root ROOT --output OUTPUT EXTRA…`
pub(crate) fn build(root: &Path, output: &Path, extra: &[&str]) -> Run {
    let mut cmd = briefing();
    cmd.arg("build").arg("--root").arg(root).arg("--output").arg(output).args(extra);
    cmd.output().expect("the briefing binary runs").into()
}

/// `briefing build …`, which must succeed.
pub(crate) fn build_ok(root: &Path, output: &Path, extra: &[&str]) -> Run {
    let run = build(root, output, extra);
    assert_eq!(run.code, Some(0), "build of {} failed:\n{}", root.display(), run.stderr);
    run
}

/// `briefing check --root ROOT`
pub(crate) fn check(root: &Path) -> Run {
    let mut cmd = briefing();
    cmd.arg("check").arg("--root").arg(root);
    cmd.output().expect("the briefing binary runs").into()
}

/// A folder under the system temp folder, removed when dropped.
pub(crate) struct TempDir {
    path: PathBuf,
}

impl TempDir {
    pub(crate) fn new(label: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let path = std::env::temp_dir().join(format!("briefing-test-{label}-{}-{n}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).expect("create temp dir");
        TempDir { path }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn join(&self, rel: &str) -> PathBuf {
        self.path.join(rel)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Copies the folder `from` to `to` (created), recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create copy target");
    for entry in std::fs::read_dir(from).expect("read fixture folder") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}

/// Copies fixture `name` into a new temp folder and returns it (the site is its `site/`).
pub(crate) fn fixture_copy(name: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new(name);
    let site = dir.join("site");
    copy_dir(&fixture(name), &site);
    (dir, site)
}

/// Writes `text` to `root/rel`, creating folders.
pub(crate) fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("create folders");
    std::fs::write(path, text).expect("write file");
}

/// Every file below `dir`, by `/`-separated relative path, with its bytes.
pub(crate) fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).expect("read folder").map(|e| e.expect("entry")).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            if entry.file_type().expect("file type").is_dir() {
                walk(base, &path, out);
            } else {
                let rel = path.strip_prefix(base).expect("below base");
                let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                out.insert(rel, std::fs::read(&path).expect("read file"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Every entry (files and folders) below `dir`, as sorted relative paths.
pub(crate) fn list_tree(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read folder") {
            let entry = entry.expect("entry");
            let path = entry.path();
            out.push(path.strip_prefix(base).expect("below base").to_string_lossy().replace('\\', "/"));
            if entry.file_type().expect("file type").is_dir() {
                walk(base, &path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The text of an output file.
pub(crate) fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

/// An output file parsed as JSON.
pub(crate) fn read_json(root: &Path, rel: &str) -> serde_json::Value {
    serde_json::from_str(&read(root, rel)).unwrap_or_else(|e| panic!("{rel} is not JSON: {e}"))
}

/// The text of an HTML page with tags removed and whitespace collapsed, for
/// asserting on what a reader sees.
pub(crate) fn visible_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = decode_entities(&out);
    let collapsed = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    // Tags became spaces; punctuation right after an inline element closes up again.
    let mut text = collapsed;
    for (spaced, tight) in [(" ,", ","), (" .", "."), (" :", ":"), (" )", ")"), ("( ", "(")] {
        text = text.replace(spaced, tight);
    }
    text
}

/// The few HTML entities the theme and Markdown renderer produce.
pub(crate) fn decode_entities(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&#x2F;", "/")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The part of `html` from the first occurrence of `start` to the next `end` after it.
pub(crate) fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html.find(start).unwrap_or_else(|| panic!("`{start}` not found"));
    let rest = &html[from..];
    let to = rest.find(end).unwrap_or_else(|| panic!("`{end}` not found after `{start}`"));
    &rest[..to + end.len()]
}

/// Values of the attribute `attr` on every tag of `html`, in order (entities decoded).
/// Only real tags count: text such as `&lt;a href="…"&gt;` is not a link.
pub(crate) fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in tags(html) {
        for (name, value) in tag_attributes(tag) {
            if name.eq_ignore_ascii_case(attr) {
                out.push(decode_entities(&value));
            }
        }
    }
    out
}

/// The inside of every start tag (`a href="x"` for `<a href="x">`), skipping comments.
fn tags(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            continue;
        }
        if !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut quote: Option<u8> = None;
        let mut j = start;
        while j < bytes.len() {
            match (quote, bytes[j]) {
                (None, b'"' | b'\'') => quote = Some(bytes[j]),
                (Some(q), c) if c == q => quote = None,
                (None, b'>') => break,
                _ => {}
            }
            j += 1;
        }
        out.push(&html[start..j.min(bytes.len())]);
        i = j + 1;
    }
    out
}

/// `(name, value)` pairs of a tag's inside; the tag name itself is skipped.
fn tag_attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace() && c != '/');
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        let name_end = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let name = rest[..name_end].to_owned();
        rest = rest[name_end..].trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else {
            out.push((name, String::new()));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, remaining) = match after_eq.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after_eq[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        out.push((name, value.to_owned()));
        rest = remaining;
    }
    out
}

/// A running `briefing serve --port 0` on a site, stopped when dropped.
pub(crate) struct ServeProcess {
    child: std::process::Child,
    /// `http://127.0.0.1:PORT/`, as the server announced it.
    pub(crate) url: String,
    pub(crate) port: u16,
}

impl ServeProcess {
    pub(crate) fn start(root: &Path, extra: &[&str]) -> ServeProcess {
        use std::io::{BufRead, BufReader};
        let mut child = briefing()
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start briefing serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let line =
            lines.find_map(|l| l.ok().filter(|l| l.starts_with("Serving "))).expect("the server announces its address");
        // Keep reading stdout so that the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        let url = line.split(" at ").nth(1).and_then(|s| s.split_whitespace().next()).unwrap_or("").to_owned();
        assert!(url.starts_with("http://127.0.0.1:") && url.ends_with('/'), "binds to 127.0.0.1 by default: {line}");
        let port = url.trim_start_matches("http://127.0.0.1:").trim_end_matches('/').parse().expect("a port");
        ServeProcess { child, url, port }
    }
}

impl Drop for ServeProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
