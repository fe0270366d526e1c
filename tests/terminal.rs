//! What the terminal shows: problems in colour when colour can be seen (forced here with
//! `CLICOLOR_FORCE=1`, as a terminal would get it), plain otherwise and under
//! `NO_COLOR`; summaries that count warnings; shell completions; `help --help`; and the
//! preview server's plurals.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::*;

/// `briefing ARGS` with the colour settings of the environment replaced by `env`.
fn briefing_with(env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = briefing();
    cmd.args(args).env_remove("NO_COLOR").env_remove("CLICOLOR").env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the briefing binary runs").into()
}

fn check_with(env: &[(&str, &str)], root: &Path) -> Run {
    briefing_with(env, &["check", "--root", root.to_str().unwrap()])
}

const FORCE: (&str, &str) = ("CLICOLOR_FORCE", "1");

/// The escape codes the coloured form uses.
const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[1m\x1b[31m";
const YELLOW: &str = "\x1b[1m\x1b[33m";
const BLUE: &str = "\x1b[1m\x1b[34m";
const RESET: &str = "\x1b[0m";

const UNKNOWN_ACTOR_PLAIN: &str = "\
content/articles/talks.md:5:5: error: unknown actor `vladimir-putn`
  |
5 |   - vladimir-putn
  |     ^^^^^^^^^^^^^
  = help: did you mean `vladimir-putin`?

error: 1 problem in 1 file
";

#[test]
fn problems_are_plain_unless_colour_can_be_seen() {
    let root = fixture("invalid/unknown-actor");
    let plain = check_with(&[], &root);
    assert_eq!((plain.code, plain.stderr.as_str()), (Some(1), UNKNOWN_ACTOR_PLAIN));
    // NO_COLOR wins over CLICOLOR_FORCE (no-color.org).
    let no_color = check_with(&[FORCE, ("NO_COLOR", "1")], &root);
    assert_eq!(no_color.stderr, UNKNOWN_ACTOR_PLAIN);
}

#[test]
fn problems_are_coloured_where_colour_can_be_seen() {
    let root = fixture("invalid/unknown-actor");
    let run = check_with(&[FORCE], &root);
    assert_eq!(run.code, Some(1));
    let expected = format!(
        "{BOLD}content/articles/talks.md:5:5:{RESET} {RED}error:{RESET} unknown actor `vladimir-putn`\n\
         {BLUE}  |{RESET}\n\
         {BLUE}5 |{RESET}   - vladimir-putn\n\
         {BLUE}  |{RESET}     {RED}^^^^^^^^^^^^^{RESET}\n  \
         {BOLD}= help:{RESET} did you mean `vladimir-putin`?\n\n\
         {RED}error:{RESET} 1 problem in 1 file\n"
    );
    assert_eq!(run.stderr, expected);
    // Without the escape codes, it is the plain text exactly.
    assert_eq!(strip(&run.stderr), UNKNOWN_ACTOR_PLAIN);
}

#[test]
fn warnings_are_yellow_and_other_errors_red() {
    let warnings = check_with(&[FORCE], &fixture("invalid/warnings"));
    assert_eq!(warnings.code, Some(0), "{}", warnings.stderr);
    assert!(
        warnings.stderr.starts_with(&format!(
            "{BOLD}content/actors/nobody.yaml:1:1:{RESET} {YELLOW}warning:{RESET} no article or proposal mentions"
        )),
        "{:?}",
        warnings.stderr
    );
    assert!(warnings.stderr.contains(&format!("{BLUE}  |{RESET} {YELLOW}^{RESET}\n")));
    assert!(!warnings.stdout.contains('\x1b'), "standard output stays plain");
    let tmp = TempDir::new("colour-error-line");
    let missing = tmp.join("nowhere");
    let run = briefing_with(&[FORCE], &["new", "article", "A title", "--root", missing.to_str().unwrap()]);
    assert_eq!(run.code, Some(1));
    let expected = format!("no content/ folder in {}: run this in a site folder, or pass --root\n", missing.display());
    assert_eq!(run.stderr, format!("{RED}error:{RESET} {expected}"));
    assert_eq!(
        briefing_with(&[], &["new", "article", "A title", "--root", missing.to_str().unwrap()]).stderr,
        format!("error: {expected}")
    );
}

/// `text` without its escape codes.
fn strip(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find('\x1b') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find('m').expect("an escape code ends in m");
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(target_os = "linux")]
#[test]
fn coloured_problems_to_a_full_or_closed_standard_error_fail_without_a_panic() {
    let root = fixture("invalid/unknown-actor");
    let full = || Stdio::from(std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full"));
    let closed = || {
        let (reader, writer) = rustix::pipe::pipe().expect("a pipe");
        drop(reader);
        Stdio::from(writer)
    };
    for (label, stderr) in [("full", full()), ("closed", closed())] {
        let out = briefing()
            .args(["check", "--root", root.to_str().unwrap()])
            .env("CLICOLOR_FORCE", "1")
            .stderr(stderr)
            .output()
            .expect("the briefing binary runs");
        assert_eq!((out.status.code(), out.stdout.as_slice()), (Some(1), &b""[..]), "stderr {label}");
    }
}

#[test]
fn check_counts_the_warnings_it_found() {
    let run = check_with(&[], &fixture("invalid/warnings"));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let ms = run.stdout.strip_prefix("No errors, 7 warnings in ").and_then(|s| s.strip_suffix(" ms\n"));
    assert!(ms.is_some_and(|ms| ms.parse::<u64>().is_ok()), "{:?}", run.stdout);
    let clean = check_with(&[], &fixture("basic"));
    assert!(clean.stdout.starts_with("No problems found in "), "{:?}", clean.stdout);
}

#[test]
fn build_counts_the_warnings_it_found() {
    let tmp = TempDir::new("build-warnings");
    let out = tmp.join("public");
    let run = build_ok(&fixture("invalid/warnings"), &out, &[]);
    let expected = format!("with 7 warnings ({} files: ", read_tree(&out).len() - 1);
    let (pages, rest) = run.stdout.strip_prefix("Built ").and_then(|s| s.split_once(" pages ")).expect("Built N pages");
    assert!(pages.parse::<u64>().is_ok() && rest.starts_with(&expected), "{:?}", run.stdout);
}

#[test]
fn a_failure_counts_the_warnings_beside_the_errors() {
    let tmp = TempDir::new("errors-and-warnings");
    let root = tmp.join("site");
    copy_dir(&fixture("invalid/unknown-actor"), &root);
    write(&root, "content/site.yaml", "title: T\nbase_url: https://example.org/\n");
    let run = check_with(&[], &root);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("content/site.yaml:2:11: warning: `base_url` is still"), "{}", run.stderr);
    assert!(run.stderr.ends_with("\nerror: 1 problem in 1 file, and 1 warning\n"), "{}", run.stderr);
}

#[test]
fn completions_are_printed_for_bash_zsh_and_fish_and_bash_completes_with_them() {
    let bash = briefing_with(&[], &["completions", "bash"]);
    assert_eq!((bash.code, bash.stderr.as_str()), (Some(0), ""));
    // Loaded into bash, the script completes a command from its first letters.
    let script = format!(
        "{}\nCOMP_WORDS=(briefing comp); COMP_CWORD=1; _briefing briefing comp briefing; echo \"${{COMPREPLY[@]}}\"\n\
         COMP_WORDS=(briefing init --c); COMP_CWORD=2; _briefing briefing --c init; echo \"${{COMPREPLY[@]}}\"",
        bash.stdout
    );
    let ran = Command::new("bash").args(["-c", &script]).output().expect("bash runs");
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "completions\n--ci\n", "{}", String::from_utf8_lossy(&ran.stderr));
    let zsh = briefing_with(&[], &["completions", "zsh"]);
    assert!(zsh.code == Some(0) && zsh.stdout.starts_with("#compdef briefing\n"), "{}", zsh.stdout);
    let fish = briefing_with(&[], &["completions", "fish"]);
    assert_eq!(fish.code, Some(0));
    assert!(
        fish.stdout.contains("complete -c briefing -n \"__fish_briefing_needs_command\" -f -a \"build\""),
        "{}",
        fish.stdout
    );
    let unknown = briefing_with(&[], &["completions", "tcsh"]);
    assert_eq!(unknown.code, Some(2));
    assert!(unknown.stderr.contains("[possible values: bash, elvish, fish, powershell, zsh]"), "{}", unknown.stderr);
}

#[test]
fn help_help_and_help_dash_dash_help_print_the_help_of_help() {
    let help = briefing_with(&[], &["help", "help"]);
    assert_eq!(help.code, Some(0));
    assert!(help.stdout.starts_with("Print this message or the help of the given subcommand(s)\n"), "{}", help.stdout);
    for flag in ["--help", "-h"] {
        let run = briefing_with(&[], &["help", flag]);
        assert_eq!(
            (run.code, run.stdout.as_str(), run.stderr.as_str()),
            (Some(0), help.stdout.as_str(), ""),
            "help {flag}"
        );
    }
    let build = briefing_with(&[], &["help", "build", "--help"]);
    assert_eq!((build.code, build.stdout.clone()), (Some(0), briefing_with(&[], &["help", "build"]).stdout));
}

#[test]
fn serve_says_one_file_changed_in_the_singular() {
    let (_tmp, root) = fixture_copy("basic");
    let mut child = briefing()
        .args(["serve", "--port", "0", "--root"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start briefing serve");
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().expect("stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let next = |what: &str| {
        let line = rx.recv_timeout(Duration::from_secs(20));
        line.unwrap_or_else(|_| panic!("the server never said {what}"))
    };
    while !next("Serving").starts_with("Serving ") {}
    // A new static file changes that one file of the site.
    write(&root, "static/extra.css", "body { margin: 0 }\n");
    let line = next("that it rebuilt");
    let _ = child.kill();
    let _ = child.wait();
    let ms = line.strip_prefix("Rebuilt in ").and_then(|s| s.strip_suffix(" ms (1 file changed)"));
    assert!(ms.is_some_and(|ms| ms.parse::<u64>().is_ok()), "{line:?}");
}
