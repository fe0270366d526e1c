//! `briefing init` and `briefing new`.

mod common;

use common::*;

#[test]
fn init_creates_a_site_that_builds_at_once() {
    let tmp = TempDir::new("init");
    let dir = tmp.join("my-briefing");
    let run = run(["init", dir.to_str().unwrap()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for file in [
        "content/site.yaml",
        "content/articles/talks-open-in-geneva.md",
        "content/actors/sample-envoy.yaml",
        "content/proposals/sample-framework.yaml",
        "README.md",
    ] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    assert!(dir.join("templates").is_dir() && dir.join("static").is_dir());
    // The sample items reference each other, so the only warning is about the
    // placeholder address, which is the site owner's to set.
    let check = check(&dir);
    assert_eq!(check.code, Some(0));
    let warnings: Vec<&str> = check.stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(warnings.len(), 1, "{}", check.stderr);
    assert!(warnings[0].starts_with("content/site.yaml:4:11: warning: `base_url` is still"), "{}", check.stderr);
    build_ok(&dir, &tmp.join("out"), &[]);
    // Its notes stay out of the published site (static/README.txt was published).
    assert!(!read_tree(&tmp.join("out")).keys().any(|p| p.to_lowercase().contains("readme")));
    let article = read(&tmp.join("out"), "articles/talks-open-in-geneva/index.html");
    assert!(article.contains("../../actors/sample-envoy/index.html"));
    assert!(article.contains("../../proposals/sample-framework/index.html#ceasefire"));
    // The sample proposal is numbered, coded and staged.
    let proposal = visible_text(&read(&tmp.join("out"), "proposals/sample-framework/index.html"));
    assert!(proposal.contains("Stage Ceasefire"), "{proposal}");
    assert!(proposal.contains("Points 1 of 3 points tracked"), "{proposal}");
    assert!(proposal.contains("Point 1 Ceasefire along the current line"), "{proposal}");
    assert!(tmp.join("out/categories/security-sector/index.html").is_file());
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = TempDir::new("init-full");
    write(tmp.path(), "notes.txt", "mine");
    let run = run(["init", tmp.path().to_str().unwrap()]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("is not empty"), "{}", run.stderr);
    assert_eq!(read(tmp.path(), "notes.txt"), "mine");
}

#[test]
fn init_with_theme_copies_the_built_in_theme() {
    let tmp = TempDir::new("init-theme");
    let dir = tmp.join("site");
    assert_eq!(run(["init", "--theme", dir.to_str().unwrap()]).code, Some(0));
    let repo = repo_root();
    for name in ["base.html", "article.html", "proposal.html"] {
        assert_eq!(read(&dir, &format!("templates/{name}")), read(&repo, &format!("templates/{name}")));
    }
    assert_eq!(read(&dir, "static/style.css"), read(&repo, "static/style.css"));
    build_ok(&dir, &tmp.join("out"), &[]);
}

#[test]
fn new_writes_each_kind_with_an_id_from_the_title_and_refuses_to_overwrite() {
    let tmp = TempDir::new("new");
    let dir = tmp.join("site");
    assert_eq!(run(["init", dir.to_str().unwrap()]).code, Some(0));
    let root = dir.to_str().unwrap();
    let made = run(["new", "article", "Ceasefire talks: day two", "--root", root]);
    assert_eq!(made.code, Some(0), "{}", made.stderr);
    let path = dir.join("content/articles/ceasefire-talks-day-two.md");
    assert_eq!(made.stdout.trim(), path.display().to_string());
    let text = read(&dir, "content/articles/ceasefire-talks-day-two.md");
    assert!(text.starts_with("---\ntitle: \"Ceasefire talks: day two\"\ndate: 20"), "{text}");
    for (kind, title, file) in [
        ("actor", "Jane Doe", "content/actors/jane-doe.md"),
        ("proposal", "Plan B (revised)", "content/proposals/plan-b-revised.md"),
    ] {
        assert_eq!(run(["new", kind, title, "--root", root]).code, Some(0));
        assert!(dir.join(file).is_file(), "{file}");
    }
    // New files build at once (warnings only: nothing mentions them yet).
    assert_eq!(check(&dir).code, Some(0));
    // The proposal's commented skeleton, filled in, is valid too.
    let skeleton = read(&dir, "content/proposals/plan-b-revised.md");
    let filled: String = skeleton
        .replace("points: []\n", "")
        .lines()
        .map(|l| l.strip_prefix("# ").unwrap_or(l).split("  #").next().unwrap_or(l).trim_end().to_owned() + "\n")
        .collect::<String>()
        .replace("…", "Filled in")
        .replace("ACTOR-ID", "jane-doe")
        .replace("PROPOSAL-ID", "sample-framework")
        .replace("POINT-ID", "ceasefire");
    assert!(filled.contains("stage: framework-partial\ntotal_points: 28\n"), "{filled}");
    assert!(filled.contains("    number: 1\n    category: security-sector\n    amends: ceasefire\n"), "{filled}");
    assert!(filled.contains("amends: sample-framework\n"), "{filled}");
    write(&dir, "content/proposals/plan-b-revised.md", &filled);
    let filled_check = check(&dir);
    assert_eq!(filled_check.code, Some(0), "{filled}\n{}", filled_check.stderr);
    let again = run(["new", "article", "Ceasefire talks: day two", "--root", root]);
    assert_eq!(again.code, Some(1));
    assert!(again.stderr.contains("already exists; not overwriting it"), "{}", again.stderr);
}
