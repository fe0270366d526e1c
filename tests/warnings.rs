//! Warnings: things that are allowed but probably wrong. They are printed, the run
//! succeeds, and `--deny-warnings` turns them into errors.

mod common;

use common::*;

#[test]
fn warnings_are_printed_and_the_check_succeeds() {
    let root = fixture("invalid/warnings");
    let run = check(&root);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    insta::assert_snapshot!("warnings", run.stderr);
}

#[test]
fn deny_warnings_makes_them_errors() {
    let root = fixture("invalid/warnings");
    let run = run(["check", "--deny-warnings", "--root", root.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("error: no article or proposal mentions actor `nobody` (denied by --deny-warnings)"));
    assert!(run.stderr.contains(
        "error: the stance of `vladimir-putin` on point `third` cites no source (denied by --deny-warnings)"
    ));
    assert!(run.stderr.ends_with("error: 7 problems in 4 files\n"), "{}", run.stderr);
}

#[test]
fn deny_warnings_fails_a_build_and_keeps_the_old_output() {
    let root = fixture("invalid/warnings");
    let out = TempDir::new("deny-warnings");
    let output = out.join("public");
    build_ok(&root, &output, &[]);
    let before = read_tree(&output);
    let run = build(&root, &output, &["--deny-warnings"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(read_tree(&output), before);
}
