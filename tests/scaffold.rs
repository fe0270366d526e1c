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
        "content/sources/sample-report.yaml",
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
    // The sample stance has a history that starts on an approximate month.
    let changes = visible_text(&read(&tmp.join("out"), "changes/index.html"));
    assert!(changes.contains("Stance Sample Envoy: Conditional → Supports on Ceasefire"), "{changes}");
    assert!(changes.contains(", day not known c. "), "{changes}");
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
    let again = run(["new", "article", "Ceasefire talks: day two", "--root", root]);
    assert_eq!(again.code, Some(1));
    assert!(again.stderr.contains("already exists; not overwriting it"), "{}", again.stderr);
}

/// The fields `new` leaves as comments, uncommented with real ids, build: every form
/// they show (sourced and dated quotes, source ids, dated histories of statuses and
/// stances, months and approximate dates, citations) is one briefing reads.
#[test]
fn the_fields_new_leaves_as_comments_build_when_filled_in() {
    let tmp = TempDir::new("new-comments");
    let dir = tmp.join("site");
    assert_eq!(run(["init", dir.to_str().unwrap()]).code, Some(0));
    let root = dir.to_str().unwrap();
    for (kind, title) in [("article", "Filled in"), ("proposal", "Filled plan"), ("actor", "Other Envoy")] {
        assert_eq!(run(["new", kind, title, "--root", root]).code, Some(0));
    }
    // A commented field starts with a lowercase key or with indentation; the lines of
    // prose, with a capital.
    let filled = |path: &str, drop: &[&str]| {
        let text = read(&dir, path);
        let lines: Vec<String> = text
            .lines()
            .filter(|l| !drop.contains(l))
            .map(|l| match l.strip_prefix("# ") {
                Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase() || c == ' ') => rest.to_owned(),
                _ => l.to_owned(),
            })
            .map(|l| {
                l.replace("OTHER-ACTOR-ID", "other-envoy")
                    .replace("ACTOR-ID", "sample-envoy")
                    .replace("SOURCE-ID", "sample-report")
                    .replace("PROPOSAL-ID", "sample-framework")
                    .replace("POINT-ID", "ceasefire")
            })
            .collect();
        write(&dir, path, &(lines.join("\n") + "\n"));
    };
    filled("content/articles/filled-in.md", &["actors: []"]);
    filled("content/proposals/filled-plan.md", &["status: draft", "points: []"]);
    let article = read(&dir, "content/articles/filled-in.md");
    assert!(article.contains("\nquotes:\n  - actor: sample-envoy\n"), "{article}");
    write(
        &dir,
        "content/articles/filled-in.md",
        &(article + "Cited [@sample-report, p. 3]. [Plan](proposal:filled-plan)\n"),
    );
    let plan = read(&dir, "content/proposals/filled-plan.md");
    assert!(plan.contains("\nstatus:   # or a dated history"), "{plan}");
    for field in ["\nstage: framework-partial", "\ntotal_points: 28", "\namends: sample-framework", "    number: 1\n"] {
        assert!(plan.contains(field), "{field}: {plan}");
    }
    assert!(plan.contains("    category: security-sector\n    amends: ceasefire\n"), "{plan}");
    let run = check(&dir);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let out = tmp.join("out");
    build_ok(&dir, &out, &[]);
    let page = visible_text(&read(&out, "proposals/filled-plan/index.html"));
    assert!(page.contains("Supports 21 November 2025"), "{page}");
    assert!(page.contains("Opposes c. 2 December 2025"), "{page}");
    let changes = visible_text(&read(&out, "changes/index.html"));
    assert!(changes.contains("Status Filled plan: Tabled → Under negotiation"), "{changes}");
}
