//! Hardening (issue P7): output that cannot be written, awkward characters in the XML
//! and JSON outputs, settings checked like content, nothing skipped silently, content's
//! control characters kept off the terminal, and what `html: allow` lets through.

mod common;

use common::*;

/// `briefing check` on `tests/fixtures/invalid/<case>`, which must fail with nothing on
/// stdout; its whole stderr.
fn check_fails(case: &str) -> String {
    let root = fixture(&format!("invalid/{case}"));
    let run = check(&root);
    assert_eq!(run.code, Some(1), "check of {case} should fail; stderr:\n{}", run.stderr);
    assert_eq!(run.stdout, "", "{case}: nothing on stdout when failing");
    run.stderr
}

/// One article by one actor, mentioning each other: a site without warnings.
fn small_site(label: &str, site_yaml: &str, body: &str) -> TempDir {
    let dir = TempDir::new(label);
    write(dir.path(), "content/site.yaml", site_yaml);
    write(dir.path(), "content/actors/alice.yaml", "name: Alice Arden\n");
    write(
        dir.path(),
        "content/articles/talks.md",
        &format!("---\ntitle: Talks\ndate: 2025-11-02\nactors: [alice]\n---\n{body}"),
    );
    dir
}

// ---------------------------------------------------------------------------------------
// Item 2: no panic on output.

#[cfg(target_os = "linux")]
mod output {
    use std::process::Stdio;

    use super::*;

    /// A pipe whose reader has already gone, as in `briefing check | head -0`: every
    /// write to it fails with "broken pipe", however quickly the command writes.
    fn closed_pipe() -> Stdio {
        let (reader, writer) = rustix::pipe::pipe().expect("a pipe");
        drop(reader);
        Stdio::from(writer)
    }

    /// `/dev/full`, where every write fails with "no space left on device".
    fn full() -> Stdio {
        Stdio::from(std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full"))
    }

    /// Runs `briefing ARGS` with standard output (or error) going to `stream`.
    fn run_into(args: &[String], stdout: Option<Stdio>, stderr: Option<Stdio>) -> Run {
        let mut cmd = briefing();
        cmd.args(args);
        if let Some(s) = stdout {
            cmd.stdout(s);
        }
        if let Some(s) = stderr {
            cmd.stderr(s);
        }
        cmd.output().expect("the briefing binary runs").into()
    }

    /// Each command that prints to standard output on success, with a fresh place to
    /// work each time (`init` wants a new folder, `new` a new title).
    fn commands(tmp: &TempDir, n: usize) -> Vec<Vec<String>> {
        let basic = fixture("basic").display().to_string();
        let site = tmp.join("site").display().to_string();
        let s = |v: &[&str]| v.iter().map(|a| (*a).to_owned()).collect::<Vec<String>>();
        vec![
            s(&["check", "--root", &basic]),
            s(&["build", "--root", &basic, "--output", &tmp.join(&format!("out-{n}")).display().to_string()]),
            s(&["init", &tmp.join(&format!("new-site-{n}")).display().to_string()]),
            s(&["new", "article", &format!("Day {n}"), "--root", &site]),
            s(&["--help"]),
            s(&["build", "--help"]),
            s(&["--version"]),
        ]
    }

    #[test]
    fn a_closed_standard_output_ends_each_command_quietly() {
        let tmp = TempDir::new("closed-stdout");
        assert_eq!(run(["init", tmp.join("site").to_str().unwrap()]).code, Some(0));
        for args in commands(&tmp, 1) {
            let run = run_into(&args, Some(closed_pipe()), None);
            assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""), "{args:?}");
        }
        // The work is done all the same.
        assert!(tmp.join("out-1/index.html").is_file());
        assert!(tmp.join("new-site-1/content/site.yaml").is_file());
        assert!(tmp.join("site/content/articles/day-1.md").is_file());
    }

    #[test]
    fn a_full_standard_output_is_an_error_on_standard_error() {
        let tmp = TempDir::new("full-stdout");
        assert_eq!(run(["init", tmp.join("site").to_str().unwrap()]).code, Some(0));
        for args in commands(&tmp, 2) {
            let run = run_into(&args, Some(full()), None);
            assert_eq!(
                (run.code, run.stderr.as_str()),
                (Some(1), "error: cannot write to standard output: No space left on device (os error 28)\n"),
                "{args:?}"
            );
        }
    }

    #[test]
    fn errors_that_cannot_be_shown_still_fail_the_run() {
        let invalid = fixture("invalid/several-errors").display().to_string();
        let tmp = TempDir::new("unwritable-errors");
        let taken = tmp.join("taken");
        write(&taken, "notes.txt", "mine");
        for args in [
            vec!["check".to_owned(), "--root".to_owned(), invalid.clone()],
            vec![
                "build".to_owned(),
                "--root".to_owned(),
                invalid,
                "--output".to_owned(),
                tmp.join("out").display().to_string(),
            ],
            vec!["init".to_owned(), taken.display().to_string()],
            vec!["build".to_owned(), "--frobnicate".to_owned()],
        ] {
            let usage = args[1] == "--frobnicate";
            let code = Some(if usage { 2 } else { 1 });
            for (label, stderr) in [("closed", closed_pipe()), ("full", full())] {
                let run = run_into(&args, None, Some(stderr));
                assert_eq!((run.code, run.stdout.as_str()), (code, ""), "{args:?} with stderr {label}");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Item 4: every XML and JSON output is valid for any input.

/// Every awkward character, as YAML double-quoted escapes: C0 controls (NUL, BEL, BS, VT,
/// FF, ESC), DEL, a C1 control, the noncharacters U+FFFE and U+FFFF, bidi controls.
const AWKWARD: &str = r"\0\a\b\v\f\e\x7f\x85\uFFFE\uFFFF\u202E\u2066";

#[test]
fn awkward_characters_in_every_field_leave_the_feed_sitemap_and_data_well_formed() {
    let dir = TempDir::new("awkward");
    let q = |text: &str| format!("\"{text}{AWKWARD}\"");
    write(
        dir.path(),
        "content/site.yaml",
        &format!(
            "title: {}\ndescription: {}\nauthor: {}\nbase_url: https://example.net/b/\n",
            q("Site"),
            q("About"),
            q("Desk")
        ),
    );
    write(
        dir.path(),
        "content/actors/alice.yaml",
        &format!(
            "name: {}\nrole: {}\naliases: [{}]\nsummary: {}\nbio: {}\n",
            q("Alice"),
            q("Envoy"),
            q("Al"),
            q("Sum"),
            q("Bio")
        ),
    );
    write(
        dir.path(),
        "content/proposals/plan.yaml",
        &format!(
            "title: {}\ndate: 2025-11-01T09:00:00+05:30\nproposed_by: [alice]\nstatus: tabled\nsummary: {}\n\
             points:\n  - id: one\n    title: {}\n    text: {}\n    topic: {}\n    positions: {{alice: supports}}\n\
             description: {}\n",
            q("Plan"),
            q("Sum"),
            q("Point"),
            q("Text"),
            q("Topic"),
            q("Desc")
        ),
    );
    // Raw characters in the Markdown body: NUL, ESC, U+FFFE, U+FFFF, U+202E.
    let body = "Body \0 \u{1b}[31m \u{fffe} \u{ffff} \u{202e} [plan](proposal:plan) &#xFFFE; &#1;\n";
    write(
        dir.path(),
        "content/articles/talks.md",
        &format!(
            "---\ntitle: {}\ndate: 2025-11-02T23:30:00-23:59\nsummary: {}\nlocation: {}\nactors: [alice]\n\
             topics: [{}]\nsources:\n  - title: {}\n    publisher: {}\n    url: https://example.net/r\n\
             quotes:\n  - actor: alice\n    text: {}\n    context: {}\n---\n{body}",
            q("Title"),
            q("Summary"),
            q("Place"),
            q("Topic"),
            q("Source"),
            q("Publisher"),
            q("Quote"),
            q("Context")
        ),
    );
    let out = dir.join("public");
    build_ok(dir.path(), &out, &[]);

    // ASCII controls are blanked on the way in; what XML 1.0 does not allow at all
    // (U+FFFE, U+FFFF) becomes U+FFFD in the feed; the rest is kept.
    let kept = |text: &str, xml: bool| {
        let odd = if xml { "\u{fffd}\u{fffd}" } else { "\u{fffe}\u{ffff}" };
        format!("{text}       \u{85}{odd}\u{202e}\u{2066}")
    };
    let feed_text = read(&out, "atom.xml");
    let feed = roxmltree::Document::parse(&feed_text).unwrap_or_else(|e| panic!("atom.xml: {e}\n{feed_text}"));
    let texts = |name: &str| -> Vec<String> {
        feed.descendants().filter(|n| n.has_tag_name(name)).map(|n| n.text().unwrap_or("").to_owned()).collect()
    };
    assert_eq!(texts("title"), [kept("Site", true), kept("Title", true)]);
    assert_eq!(texts("subtitle"), [kept("About", true)]);
    assert_eq!(texts("summary"), [kept("Summary", true)]);
    assert_eq!(texts("published"), ["2025-11-02T23:30:00-23:59"]);
    let content = texts("content").concat();
    assert!(content.contains(" \u{fffd} \u{fffd} \u{202e} "), "{content:?}");
    let categories: Vec<&str> = feed.descendants().filter_map(|n| n.attribute("term")).collect();
    assert_eq!(categories, [kept("Topic", true)]);

    let sitemap_text = read(&out, "sitemap.xml");
    let sitemap = roxmltree::Document::parse(&sitemap_text).unwrap_or_else(|e| panic!("sitemap.xml: {e}"));
    assert!(sitemap.descendants().filter(|n| n.has_tag_name("loc")).count() > 5, "{sitemap_text}");

    for file in ["search-index.json", "data/articles.json", "data/actors.json", "data/proposals.json"] {
        read_json(&out, file);
    }
    assert_eq!(read_json(&out, "data/articles.json")[0]["title"], kept("Title", false));
    assert_eq!(read_json(&out, "data/actors.json")[0]["name"], kept("Alice", false));
    assert_eq!(read_json(&out, "data/proposals.json")[0]["points"][0]["title"], kept("Point", false));
}

#[test]
fn a_lone_surrogate_escaped_in_yaml_is_an_error_at_its_place() {
    let dir = small_site("surrogate", "title: \"Site\\uD800\"\n", "Text.\n");
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.starts_with("content/site.yaml:1:"), "{}", run.stderr);
}

#[test]
fn a_date_offset_beyond_a_day_is_an_error_at_the_date() {
    assert_eq!(
        check_fails("date-offset"),
        "content/articles/late.md:3:7: error: `2025-11-02T23:30:00+99:00` is not a valid date: `+99:00` is not an offset from UTC, which runs from -23:59 to +23:59\n\
         \x20 |\n\
         3 | date: 2025-11-02T23:30:00+99:00\n\
         \x20 |       ^^^^^^^^^^^^^^^^^^^^^^^^^\n\
         \x20 = help: write dates as YYYY-MM-DD, e.g. `2025-12-02`, optionally with a time: `2025-12-02T14:30`; a month (`2025-12`) or a year (`2025`) when no more is known, after `~` when approximate (`~2025-12-02`)\n\
         \n\
         content/articles/minutes.md:3:7: error: `2025-11-02T10:00:00-05:60` is not a valid date: `-05:60` is not an offset from UTC, which runs from -23:59 to +23:59\n\
         \x20 |\n\
         3 | date: 2025-11-02T10:00:00-05:60\n\
         \x20 |       ^^^^^^^^^^^^^^^^^^^^^^^^^\n\
         \x20 = help: write dates as YYYY-MM-DD, e.g. `2025-12-02`, optionally with a time: `2025-12-02T14:30`; a month (`2025-12`) or a year (`2025`) when no more is known, after `~` when approximate (`~2025-12-02`)\n\
         \n\
         error: 2 problems in 2 files\n"
    );
}

// ---------------------------------------------------------------------------------------
// Item 5: settings are checked like content.

#[test]
fn bad_settings_in_site_yaml_are_errors_at_their_values() {
    assert_eq!(
        check_fails("settings"),
        "content/site.yaml:2:11: error: `base_url` is not an absolute http:// or https:// address\n\
         \x20 |\n\
         2 | base_url: \"javascript:alert(1)//\"\n\
         \x20 |           ^^^^^^^^^^^^^^^^^^^^^^^\n\
         \x20 = help: write the whole address, e.g. `https://example.org/briefing/`\n\
         \n\
         content/site.yaml:3:11: error: `language` is not a language tag\n\
         \x20 |\n\
         3 | language: English\n\
         \x20 |           ^^^^^^^\n\
         \x20 = help: write a language tag such as `en`, `uk` or `pt-BR` (it is the pages' `lang` attribute)\n\
         \n\
         content/site.yaml:4:20: error: `articles_per_page` is more than 10000\n\
         \x20 |\n\
         4 | articles_per_page: 1000000\n\
         \x20 |                    ^^^^^^^\n\
         \x20 = help: the article lists are split into pages of this many articles; the default is 50\n\
         \n\
         error: 3 problems in 1 file\n"
    );
}

#[test]
fn a_base_url_without_its_scheme_or_with_a_line_break_is_refused() {
    let dir = small_site("base-url-host", "base_url: example.org\n", "Text.\n");
    assert_eq!(
        check(dir.path()).stderr,
        "content/site.yaml:1:11: error: `base_url` is not an absolute http:// or https:// address\n  |\n\
         1 | base_url: example.org\n  |           ^^^^^^^^^^^\n  = help: write the whole address: `https://example.org`\n\n\
         error: 1 problem in 1 file\n"
    );
    // A line break would add a line of its own to robots.txt (`Disallow: /`).
    let dir = small_site("base-url-newline", "base_url: \"https://example.org/\\nDisallow: /\"\n", "Text.\n");
    let run = build(dir.path(), &dir.join("public"), &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "content/site.yaml:1:11: error: `base_url` holds a line break (U+000A), which no web address has\n"
        ),
        "{}",
        run.stderr
    );
    assert!(!dir.join("public").exists());
    // Languages as sites write them pass.
    let dir = small_site("language", "base_url: https://example.org/brief/\nlanguage: pt-BR\n", "Text.\n");
    let run = check(dir.path());
    assert_eq!((run.code, run.stderr.as_str()), (Some(0), ""));
}

#[test]
fn a_base_url_flag_that_is_not_a_web_address_is_a_usage_error() {
    let dir = small_site("base-url-flag", "title: T\n", "Text.\n");
    for (url, problem) in [
        ("notaurl", "the URL is not an absolute http:// or https:// address"),
        ("javascript:alert(1)//", "the URL is not an absolute http:// or https:// address"),
        ("https://example.org/\nDisallow: /", "the URL holds a line break (U+000A), which no web address has"),
    ] {
        let run = build(dir.path(), &dir.join("public"), &["--base-url", url]);
        assert_eq!(run.code, Some(2), "{url:?}: {}", run.stderr);
        let expected = format!("error: invalid value '{url}' for '--base-url <URL>': {problem}; ");
        assert!(run.stderr.starts_with(&expected), "{url:?}: {}", run.stderr);
        assert!(!dir.join("public").exists());
    }
}

#[test]
fn the_placeholder_base_url_of_init_is_a_warning() {
    let tmp = TempDir::new("placeholder");
    let site = tmp.join("site");
    assert_eq!(run(["init", site.to_str().unwrap()]).code, Some(0));
    let warning = "content/site.yaml:4:11: warning: `base_url` is still `https://example.org/`, the placeholder that `briefing init` wrote\n  |\n\
                   4 | base_url: https://example.org/   # where the site will be published: the feed and sitemap use it\n  |           ^^^^^^^^^^^^^^^^^^^^\n\
                   \x20 = help: set it to the address the site will be published at (or pass --base-url): the feed, the sitemap and canonical links are made from it\n\n";
    let checked = check(&site);
    assert_eq!((checked.code, checked.stderr.as_str()), (Some(0), warning));
    let built = build(&site, &tmp.join("out"), &[]);
    assert_eq!((built.code, built.stderr.as_str()), (Some(0), warning));
    let denied = build(&site, &tmp.join("denied"), &["--deny-warnings"]);
    assert_eq!(denied.code, Some(1), "{}", denied.stderr);
    assert!(denied.stderr.contains("the placeholder that `briefing init` wrote (denied by --deny-warnings)"));
    // Publishing somewhere real on the command line is fine.
    let real = build(&site, &tmp.join("real"), &["--base-url", "https://briefing.example.net/", "--deny-warnings"]);
    assert_eq!((real.code, real.stderr.as_str()), (Some(0), ""));
}

// ---------------------------------------------------------------------------------------
// Item 6: nothing is skipped silently.

#[cfg(unix)]
#[test]
fn links_and_special_files_are_skipped_with_a_warning_and_never_followed() {
    use std::os::unix::fs::symlink;
    let tmp = TempDir::new("special-files");
    let (_copy, site) = fixture_copy("basic");
    let site = site.as_path();
    // Beside the site: what a followed link would publish.
    write(tmp.path(), "outside/actor.yaml", "name: Outsider\n");
    write(tmp.path(), "outside/secret.txt", "SECRET\n");
    write(tmp.path(), "theme/base.html", "HIJACKED\n");
    let outside = tmp.join("outside");
    symlink(outside.join("actor.yaml"), site.join("content/actors/outsider.yaml")).unwrap();
    symlink("talks-open.md", site.join("content/articles/alias.md")).unwrap();
    std::fs::create_dir_all(site.join("static")).unwrap();
    symlink(outside.join("secret.txt"), site.join("static/secret.txt")).unwrap();
    symlink(tmp.join("theme"), site.join("templates")).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(site.join("content/proposals/pipe.yaml")).status();
    assert!(fifo.expect("mkfifo runs").success());
    let _socket = std::os::unix::net::UnixListener::bind(site.join("static/sock")).unwrap();

    let checked = check(site);
    let outside = outside.display();
    assert_eq!(
        checked.stderr,
        format!(
            "content/actors/outsider.yaml: warning: skipped: this is a symbolic link (to {outside}/actor.yaml)\n\
             \x20 = help: briefing does not follow symbolic links: put the file or folder itself here\n\n\
             content/articles/alias.md: warning: skipped: this is a symbolic link (to talks-open.md)\n\
             \x20 = help: briefing does not follow symbolic links: put the file or folder itself here\n\n\
             content/proposals/pipe.yaml: warning: skipped: this is a named pipe (FIFO)\n\
             \x20 = help: only regular files and folders are read\n\n\
             static/secret.txt: warning: skipped: this is a symbolic link (to {outside}/secret.txt)\n\
             \x20 = help: briefing does not follow symbolic links: put the file or folder itself here\n\n\
             static/sock: warning: skipped: this is a socket\n\
             \x20 = help: only regular files and folders are read\n\n\
             templates: warning: skipped: this is a symbolic link (to {})\n\
             \x20 = help: briefing does not follow symbolic links: put the file or folder itself here\n\n",
            tmp.join("theme").display()
        )
    );
    assert_eq!(checked.code, Some(0));
    let out = tmp.join("public");
    build_ok(site, &out, &[]);
    assert!(!out.join("secret.txt").exists() && !out.join("actors/outsider").exists());
    assert!(!read(&out, "index.html").contains("HIJACKED"));
    let denied = run(["check", "--deny-warnings", "--root", site.to_str().unwrap()]);
    assert_eq!(denied.code, Some(1), "{}", denied.stderr);
}

#[cfg(unix)]
#[test]
fn a_content_folder_that_is_a_link_is_an_error() {
    let tmp = TempDir::new("content-link");
    copy_dir(&fixture("basic/content"), &tmp.join("elsewhere"));
    std::fs::create_dir_all(tmp.join("site")).unwrap();
    std::os::unix::fs::symlink(tmp.join("elsewhere"), tmp.join("site/content")).unwrap();
    let run = check(&tmp.join("site"));
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        format!(
            "error: {} is a symbolic link: briefing does not follow links (put the folder itself there)\n",
            tmp.join("site/content").display()
        )
    );
}

#[test]
fn a_site_yaml_that_is_a_folder_is_an_error() {
    assert_eq!(
        check_fails("site-yaml-folder"),
        "content/site.yaml: error: the settings file is a folder, not a file\n\
         \x20 = help: the settings are read from a file of this name: rename the folder\n\n\
         error: 1 problem in 1 file\n"
    );
}

#[test]
fn a_static_file_that_would_replace_a_generated_one_is_an_error_naming_both() {
    let expected = "static/articles/talks/index.html: error: this file would replace the generated `articles/talks/index.html`\n\
                    \x20 = help: briefing writes `articles/talks/index.html` itself: rename or remove this one\n\n\
                    static/atom.xml: error: this file would replace the generated `atom.xml`\n\
                    \x20 = help: briefing writes `atom.xml` itself: rename or remove this one\n\n\
                    static/index.html: error: this file would replace the generated `index.html`\n\
                    \x20 = help: briefing writes `index.html` itself: rename or remove this one\n\n\
                    static/robots.txt: error: this file would replace the generated `robots.txt`\n\
                    \x20 = help: briefing writes `robots.txt` itself: rename or remove this one\n\n\
                    error: 4 problems in 4 files\n";
    assert_eq!(check_fails("static-clash"), expected);
    let tmp = TempDir::new("static-clash");
    let run = build(&fixture("invalid/static-clash"), &tmp.join("public"), &[]);
    assert_eq!((run.code, run.stderr.as_str()), (Some(1), expected));
    // Without the clashes, the other static file is copied.
    let (_copy, site) = fixture_copy("invalid/static-clash");
    for file in ["robots.txt", "atom.xml", "index.html", "articles/talks/index.html"] {
        std::fs::remove_file(site.join("static").join(file)).unwrap();
    }
    build_ok(&site, &tmp.join("public"), &[]);
    assert!(read(&tmp.join("public"), "articles/other/index.html").contains("copied"));
}

// ---------------------------------------------------------------------------------------
// Item 7: terminal-safe messages.

#[test]
fn control_characters_and_bidi_overrides_from_content_are_shown_escaped() {
    let stderr = check_fails("terminal-escapes");
    assert_eq!(
        stderr,
        "content/articles/bidi.md:4:17: error: unknown actor `\\u{202e}nobody`\n\
         \x20 |\n\
         4 | actors: [alice, \\u{202e}nobody]\n\
         \x20 |                 ^^^^^^^^^^^^^^\n\
         \x20 = help: no actor has this id; actors are the files in content/actors/\n\
         \n\
         content/articles/bidi.md:6:10: error: unknown actor `nob\\u{9b}dy`\n\
         \x20 |\n\
         6 | \\u{202e}See [x](actor:nob\\u{9b}dy) and\\u{2066} [y](actor:alice).\n\
         \x20 |                 ^^^^^^^^^^^^^^^^^\n\
         \x20 = help: no actor has this id; actors are the files in content/actors/\n\
         \n\
         content/articles/escape.md:2:13: error: the fields hold an invisible control character (U+001B)\n\
         \x20 |\n\
         2 | title: \"Red \\u{1b}[31malert\\u{1b}]0;owned\\u{7}\"\n\
         \x20 |             ^^^^^^\n\
         \x20 = help: delete it: most editors do not show it, and it is not allowed in YAML\n\
         \n\
         error: 3 problems in 2 files\n"
    );
    assert!(!stderr.chars().any(|c| c.is_control() && c != '\n'), "{stderr:?}");
}

// ---------------------------------------------------------------------------------------
// Item 8: `html: allow` never lets a script URL or a style attribute through.

#[test]
fn html_allow_drops_script_urls_from_every_url_attribute_and_style_attributes() {
    let body = "<picture><source srcset=\"javascript:alert(1)\"><img src=\"a.png\" alt=\"a\" \
                srcset=\"b.png 1x, javascript:alert(2) 2x, JaVaScRiPt&#x3A;alert(3) 3x\"></picture>\n\n\
                <blockquote cite=\"javascript:alert(4)\">Quoted.</blockquote>\n\n\
                <video src=\"v.mp4\" poster=\"javascript:alert(5)\" controls></video>\n\n\
                <p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">Overlay.</p>\n\n\
                | a | b |\n|:--|--:|\n| 1 | 2 |\n";
    let dir = small_site("html-allow", "base_url: https://example.org/brief/\nhtml: allow\n", body);
    let out = dir.join("public");
    let run = build_ok(dir.path(), &out, &[]);
    assert_eq!(run.stderr, "");
    let page = read(&out, "articles/talks/index.html");
    let body = between(&page, "Quoted", "Overlay");
    for attribute in ["srcset", "cite", "poster", "src", "href"] {
        for value in attribute_values(&page, attribute) {
            assert!(!value.to_lowercase().contains("script:"), "{attribute}=\"{value}\" in {body}");
        }
    }
    assert_eq!(attribute_values(&page, "srcset"), ["b.png 1x"]);
    assert_eq!(
        attribute_values(&page, "style"),
        ["text-align: left", "text-align: right", "text-align: left", "text-align: right"]
    );
    // What `allow` is for still comes through.
    assert!(page.contains("<video src=\"v.mp4\" controls"), "{page}");
}

#[test]
fn html_sanitize_keeps_task_list_boxes_but_no_other_input() {
    let body = "- [x] done\n- [ ] to do\n\n\
                <input type=\"text\" name=\"password\" placeholder=\"Your password\">\n\
                <input type=\"submit\" formaction=\"https://evil.example/\">\n";
    let dir = small_site("html-sanitize-input", "base_url: https://example.org/brief/\nhtml: sanitize\n", body);
    let out = dir.join("public");
    build_ok(dir.path(), &out, &[]);
    let page = read(&out, "articles/talks/index.html");
    let body = between(&page, "<li><input", "</p>");
    assert_eq!(attribute_values(body, "type"), ["checkbox"; 4], "{page}");
    assert_eq!(attribute_values(body, "disabled").len(), 4, "{body}");
    assert!(!body.contains("placeholder") && !body.contains("formaction") && !body.contains("password"), "{body}");
    assert_eq!(attribute_values(body, "checked").len(), 1, "{body}");
}
