//! The command line itself: help, and usage errors (exit 2).

mod common;

use common::*;

#[test]
fn help_lists_the_commands() {
    let run = run(["--help"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.starts_with("Build a peace-talks briefing website from Markdown and YAML."), "{}", run.stdout);
    for word in ["Usage: briefing <COMMAND>", "build", "check", "--help", "--version"] {
        assert!(run.stdout.contains(word), "--help should mention {word}:\n{}", run.stdout);
    }
}

#[test]
fn build_help_lists_every_option() {
    let run = run(["build", "--help"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for word in ["Usage: briefing build [OPTIONS]", "--root <DIR>", "--output <DIR>", "--base-url <URL>", "--drafts"] {
        assert!(run.stdout.contains(word), "build --help should mention {word}:\n{}", run.stdout);
    }
}

#[test]
fn check_help_lists_its_options() {
    let run = run(["check", "--help"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for word in ["Usage: briefing check [OPTIONS]", "--root <DIR>", "writes nothing"] {
        assert!(run.stdout.contains(word), "check --help should mention {word}:\n{}", run.stdout);
    }
}

#[test]
fn version_prints_the_crate_version() {
    let run = run(["--version"]);
    assert_eq!(run.code, Some(0));
    assert_eq!(run.stdout, format!("briefing {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let run = run(["build", "--frobnicate"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("unexpected argument '--frobnicate'"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn unknown_command_and_missing_command_are_usage_errors() {
    let unknown = run(["publish"]);
    assert_eq!(unknown.code, Some(2), "{}", unknown.stderr);
    assert!(unknown.stderr.contains("unrecognized subcommand 'publish'"), "{}", unknown.stderr);
    let missing = run::<[&str; 0], &str>([]);
    assert_eq!(missing.code, Some(2), "{}", missing.stderr);
    assert!(missing.stderr.contains("Usage: briefing <COMMAND>"), "{}", missing.stderr);
}

#[test]
fn option_without_its_value_is_a_usage_error() {
    let run = run(["build", "--output"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("a value is required for '--output <DIR>'"), "{}", run.stderr);
}
