//! The default theme in a real browser: builds the demo briefing (and the basic fixture)
//! and runs `tests/browser/check.mjs` on it in headless Chromium (axe-core, console
//! errors, navigation and search over http and from file://, print, screenshots into
//! `target/screenshots/`) plus the Nu HTML Checker; and checks that an open page reloads
//! by itself after a save under `briefing serve`.
//!
//! Needs Node.js, `npm ci --prefix tests/browser`, Chromium at /usr/bin/chromium (or
//! `$CHROMIUM`) and Java. Without them the tests are skipped, except under CI (the `CI`
//! environment variable set), where they fail and say what to install.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const INSTALL: &str = "run `npm ci --prefix tests/browser` (Node.js 20+) and install Chromium and a Java runtime \
                       (`apt-get install -y chromium default-jre-headless`)";

fn browser_dir() -> PathBuf {
    repo_root().join("tests").join("browser")
}

fn runs(program: &str, arg: &str) -> bool {
    Command::new(program).arg(arg).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// What is missing to run the browser checks, if anything.
fn missing(needs_java: bool) -> Vec<String> {
    let mut missing = Vec::new();
    if !runs("node", "--version") {
        missing.push("Node.js (`node`)".to_owned());
    }
    for package in ["playwright-core", "axe-core", "vnu-jar"] {
        if !browser_dir().join("node_modules").join(package).join("package.json").is_file() {
            missing.push(format!("tests/browser/node_modules/{package}"));
        }
    }
    let chromium = std::env::var_os("CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if !chromium.is_file() {
        missing.push(format!("Chromium ({})", chromium.display()));
    }
    if needs_java && !runs("java", "-version") {
        missing.push("Java (`java`)".to_owned());
    }
    missing
}

/// True when the test can run; otherwise skips it (or fails it under CI).
fn ready(test: &str, needs_java: bool) -> bool {
    let missing = missing(needs_java);
    if missing.is_empty() {
        return true;
    }
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    assert!(!ci, "{test}: the browser tests cannot run under CI: missing {}; {INSTALL}", missing.join(", "));
    eprintln!("{test} skipped: missing {}; {INSTALL}", missing.join(", "));
    false
}

/// Runs `node SCRIPT ARGS…` in the repository, killing it after `limit`; panics with its
/// whole output unless it succeeds.
fn node(script: &str, args: &[&std::ffi::OsStr], limit: Duration) {
    let mut child = Command::new("node")
        .arg(browser_dir().join(script))
        .args(args)
        .current_dir(repo_root())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start node");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for node") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let (out, err) = (out.join().unwrap_or_default(), err.join().unwrap_or_default());
    match status {
        Some(s) if s.success() => println!("{out}{err}"),
        Some(s) => panic!("node {script} failed ({s}):\n{out}\n{err}"),
        None => panic!("node {script} did not finish within {limit:?}:\n{out}\n{err}"),
    }
}

fn check_site(root: &Path, label: &str, extra: &[&str]) {
    let dir = TempDir::new(label);
    let out = dir.join("public");
    build_ok(root, &out, &[]);
    let mut args = vec![out.as_os_str()];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    node("check.mjs", &args, Duration::from_secs(540));
}

/// Every page kind of the demo: axe, console, structure, navigation, search over http and
/// from file://, print, screenshots at 375 and 1280 px, and vnu on every HTML file.
#[test]
fn demo_site_in_a_browser() {
    if ready("demo_site_in_a_browser", true) {
        check_site(&repo_root(), "browser-demo", &[]);
    }
}

/// The same checks on the basic fixture, whose sources have URLs (printed in print) and
/// whose site lives under a sub-path (`/brief/`), without screenshots.
#[test]
fn fixture_site_in_a_browser() {
    if ready("fixture_site_in_a_browser", true) {
        check_site(&fixture("basic"), "browser-fixture", &["--no-screenshots"]);
    }
}

/// An open page reloads by itself after its Markdown file is saved.
#[test]
fn open_page_reloads_after_a_save_under_serve() {
    if !ready("open_page_reloads_after_a_save_under_serve", false) {
        return;
    }
    let (_tmp, site) = fixture_copy("basic");
    let server = ServeProcess::start(&site, &[]);
    let page = format!("{}articles/talks-open/", server.url);
    let file = site.join("content").join("articles").join("talks-open.md");
    node("reload.mjs", &[page.as_ref(), file.as_os_str()], Duration::from_secs(120));
}
