//! The output folder: a build writes only into a folder it made (or a new or empty
//! one), judges paths as the system resolves them, never follows a link while
//! deleting, runs one at a time per output, swaps the new site in at one instant, and
//! writes only the files whose bytes changed. Each test names what must survive.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, SystemTime};

use common::*;

const MANIFEST: &str = ".briefing-manifest.json";

/// Files outside the output that a test plants and that must come through untouched.
fn plant(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    write(dir, "notes.txt", "my notes");
    write(dir, ".ssh/id_ed25519", "secret key");
    write(dir, "photos/holiday.jpg", "jpeg bytes");
    read_tree(dir)
}

/// The files of a built site, without the manifest.
fn site_files(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut tree = read_tree(out);
    tree.remove(MANIFEST);
    tree
}

fn mtimes(out: &Path) -> BTreeMap<String, SystemTime> {
    read_tree(out)
        .into_keys()
        .map(|p| {
            let modified = std::fs::metadata(out.join(&p)).and_then(|m| m.modified()).expect("a modification time");
            (p, modified)
        })
        .collect()
}

/// `(written, unchanged, removed)` from build's summary line.
fn counts(stdout: &str) -> (usize, usize, usize) {
    let inner = between(stdout, "files: ", " removed)");
    let numbers: Vec<usize> =
        inner.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).map(|s| s.parse().unwrap()).collect();
    assert_eq!(numbers.len(), 3, "{stdout}");
    (numbers[0], numbers[1], numbers[2])
}

// ---------------------------------------------------------------------------
// Ownership

#[test]
fn a_folder_that_holds_other_files_is_refused_and_left_alone() {
    // Reproduce: briefing build --output ~/ (or any folder holding files): today the
    // folder is replaced by the site and everything in it is gone.
    let dir = TempDir::new("not-ours");
    let target = dir.join("documents");
    let before = plant(&target);
    let run = build(&fixture("basic"), &target, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let shown = target.canonicalize().unwrap();
    assert_eq!(
        run.stderr,
        format!(
            "error: refusing to build into {}: it holds files:\n  .ssh/\n  notes.txt\n  photos/\n\
             briefing writes only into a new folder, an empty one, or one it built before. Choose another \
             with --output (such as a new folder `public`), or empty this one yourself.\n",
            shown.display()
        )
    );
    assert_eq!(run.stdout, "");
    assert!(read_tree(&target) == before, "the folder's files changed");
    // Nothing was left beside it either.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_long_listing_is_cut_short() {
    let dir = TempDir::new("many");
    for i in 0..8 {
        write(dir.path(), &format!("folder/file-{i}.txt"), "x");
    }
    let run = build(&fixture("basic"), &dir.join("folder"), &[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("  file-4.txt\n  … and 3 more\n"), "{}", run.stderr);
    assert_eq!(read_tree(&dir.join("folder")).len(), 8);
}

#[test]
fn the_home_folder_is_refused_even_when_it_looks_empty() {
    let dir = TempDir::new("home");
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let run = briefing()
        .env("HOME", &home)
        .args(["build", "--root"])
        .arg(fixture("basic"))
        .arg("--output")
        .arg(&home)
        .output()
        .expect("runs");
    let run = Run::from(run);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains(": it is your home folder (choose another folder with --output)"), "{}", run.stderr);
    assert_eq!(std::fs::read_dir(&home).unwrap().count(), 0, "nothing was written into it");
    // Nor a folder holding it.
    let run = Run::from(
        briefing()
            .env("HOME", &home)
            .args(["build", "--root"])
            .arg(fixture("basic"))
            .arg("--output")
            .arg(dir.path())
            .output()
            .expect("runs"),
    );
    assert!(run.stderr.contains(": it contains your home folder"), "{}", run.stderr);
}

#[test]
fn an_empty_folder_and_a_new_one_are_built_into() {
    let dir = TempDir::new("empty");
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    build_ok(&fixture("basic"), &dir.join("empty"), &[]);
    assert!(dir.join("empty/index.html").is_file());
    build_ok(&fixture("basic"), &dir.join("new/deeper"), &[]);
    assert!(dir.join("new/deeper/index.html").is_file());
    assert!(site_files(&dir.join("empty")) == site_files(&dir.join("new/deeper")));
}

#[test]
fn files_added_to_a_built_output_are_never_removed() {
    let dir = TempDir::new("added");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, &[]);
    write(&out, "CNAME", "briefing.example.org");
    write(&out, "articles/talks-open/notes.txt", "mine");
    let before = read_tree(&out);
    let run = build(&fixture("basic"), &out, &[]);
    assert_eq!(run.code, Some(1));
    let shown = out.canonicalize().unwrap();
    assert_eq!(
        run.stderr,
        format!(
            "error: refusing to build into {0}: it holds files that briefing did not make:\n  CNAME\n  \
             articles/talks-open/notes.txt\nA build replaces only what it wrote. Files to publish with the site \
             belong in static/: move these there, or out of {0}.\n",
            shown.display()
        )
    );
    assert!(read_tree(&out) == before);
}

#[test]
fn an_output_built_before_manifests_existed_is_still_ours() {
    // A public/ written by the previous version: no manifest, pages tagged as ours,
    // only files a build makes. Upgrading must not lock users out of it.
    let dir = TempDir::new("legacy");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, &[]);
    std::fs::remove_file(out.join(MANIFEST)).unwrap();
    let old_mtimes = mtimes(&out);
    std::thread::sleep(Duration::from_millis(20));
    let run = build_ok(&fixture("basic"), &out, &[]);
    assert_eq!(counts(&run.stdout).0, 0, "the same bytes are not written again: {}", run.stdout);
    let kept = mtimes(&out);
    for (path, when) in &old_mtimes {
        assert_eq!(kept.get(path), Some(when), "{path} was written again");
    }
    // A folder that looks like a site but holds something else is not ours.
    std::fs::remove_file(out.join(MANIFEST)).unwrap();
    write(&out, "diary.docx", "private");
    let run = build(&fixture("basic"), &out, &[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("it holds files:\n"), "{}", run.stderr);
    assert_eq!(read(&out, "diary.docx"), "private");
}

// ---------------------------------------------------------------------------
// Paths as they resolve

#[test]
fn dot_dot_through_a_missing_folder_into_content_is_refused() {
    // Reproduce: --output SITE/x/../content/articles (x does not exist): passed the
    // guard, then replaced every article.
    let (_dir, site) = fixture_copy("basic");
    let before = read_tree(&site);
    for sneaky in ["x/../content/articles", "x/y/../../content", "public/../templates/mine", "x/../.."] {
        let run = build(&site, &site.join(sneaky), &[]);
        assert_eq!(run.code, Some(1), "--output {sneaky} must be refused:\n{}", run.stdout);
        assert!(run.stderr.starts_with("error: refusing to build into "), "{}", run.stderr);
        assert!(read_tree(&site) == before, "--output {sneaky} changed the site");
        assert!(!site.join("x").exists(), "--output {sneaky} made folders");
    }
}

#[cfg(unix)]
#[test]
fn a_link_into_the_site_is_judged_by_its_target() {
    let (dir, site) = fixture_copy("basic");
    let before = read_tree(&site);
    std::os::unix::fs::symlink(site.join("content"), dir.join("innocent")).unwrap();
    let run = build(&site, &dir.join("innocent"), &[]);
    assert_eq!(run.code, Some(1));
    let shown = site.join("content").canonicalize().unwrap();
    assert!(
        run.stderr.starts_with(&format!(
            "error: refusing to build into {}: it is inside the site's content/ folder",
            shown.display()
        )),
        "{}",
        run.stderr
    );
    assert!(read_tree(&site) == before);
    // Through a link to a folder holding the site, with `..`.
    std::os::unix::fs::symlink(site.join("content/articles"), dir.join("deep")).unwrap();
    let run = build(&site, &dir.join("deep/../../content"), &[]);
    assert_eq!(run.code, Some(1));
    assert!(read_tree(&site) == before);
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_built_through_and_kept() {
    let dir = TempDir::new("link-out");
    std::fs::create_dir_all(dir.join("real")).unwrap();
    std::os::unix::fs::symlink(dir.join("real"), dir.join("public")).unwrap();
    build_ok(&fixture("basic"), &dir.join("public"), &[]);
    build_ok(&fixture("basic"), &dir.join("public"), &[]);
    let link = std::fs::symlink_metadata(dir.join("public")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert_eq!(std::fs::read_link(dir.join("public")).unwrap(), dir.join("real"));
    assert!(dir.join("real/index.html").is_file());
}

#[test]
fn an_output_that_is_a_file_is_refused_and_left_alone() {
    let dir = TempDir::new("file-out");
    write(dir.path(), "public", "I am a file");
    let run = build(&fixture("basic"), &dir.join("public"), &[]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.ends_with(": it is a file, not a folder (choose another folder with --output)\n"),
        "{}",
        run.stderr
    );
    assert_eq!(read(dir.path(), "public"), "I am a file");
}

#[cfg(unix)]
#[test]
fn leftover_links_where_the_build_works_are_never_followed() {
    // Reproduce: a link left at `.public.staging` or `.public.old` (the names the
    // previous version used), or at the build's own folder, made the swap empty the
    // folder it pointed to.
    let dir = TempDir::new("leftover");
    let victim = dir.join("victim");
    let before = plant(&victim);
    let out = dir.join("public");
    for name in [".public.staging", ".public.old", ".public.briefing"] {
        std::os::unix::fs::symlink(&victim, dir.join(name)).unwrap();
    }
    build_ok(&fixture("basic"), &out, &[]);
    build_ok(&fixture("basic"), &out, &[]);
    assert!(read_tree(&victim) == before, "the folder a link pointed to changed");
    // The build's own standby folder replaced by a link, and links inside it.
    let standby = dir.join(".public.briefing/standby");
    assert!(standby.is_dir(), "the second build left the first site on standby");
    std::os::unix::fs::symlink(&victim, standby.join("articles/planted")).unwrap();
    // A link where a folder the build writes into should be, and one where a file goes.
    std::fs::remove_dir_all(standby.join("actors")).unwrap();
    std::os::unix::fs::symlink(&victim, standby.join("actors")).unwrap();
    std::fs::remove_file(standby.join("atom.xml")).unwrap();
    std::os::unix::fs::symlink(victim.join("notes.txt"), standby.join("atom.xml")).unwrap();
    // An edit, so that the build writes into (and removes from) the standby.
    let (_site_dir, site) = fixture_copy("basic");
    std::fs::remove_file(site.join("content/articles/counter-offer.md")).unwrap();
    for path in ["content/actors/alice-arden.yaml", "content/actors/boris-bell.yaml"] {
        let text = std::fs::read_to_string(site.join(path)).unwrap();
        std::fs::write(site.join(path), text.replace("name: ", "name: Dr ")).unwrap();
    }
    build_ok(&site, &out, &[]);
    assert!(read_tree(&victim) == before, "a link in the standby was followed");
    assert!(read(&out, "actors/alice-arden/index.html").contains("Dr "));
    // The standby was not walked: the link it held is in the output now, and the next
    // build names it rather than follow or delete it.
    let run = build(&site, &out, &[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("did not make:\n  articles/planted\n"), "{}", run.stderr);
    std::fs::remove_file(out.join("articles/planted")).unwrap();
    build_ok(&site, &out, &[]);
    assert!(read_tree(&victim) == before);
    let standby = dir.join(".public.briefing/standby");
    std::fs::remove_dir_all(&standby).unwrap();
    std::os::unix::fs::symlink(&victim, &standby).unwrap();
    build_ok(&fixture("basic"), &out, &[]);
    build_ok(&fixture("basic"), &out, &[]);
    assert!(read_tree(&victim) == before);
    assert!(out.join("index.html").is_file());
}

// ---------------------------------------------------------------------------
// One build at a time, one instant to swap

/// A site big enough that a build takes a while: `n` articles.
fn big_site(dir: &TempDir, n: usize, title: &str) -> PathBuf {
    let site = dir.join("site");
    write(&site, "content/site.yaml", "title: Many\n");
    write(&site, "content/actors/alice.yaml", "name: Alice\n");
    for i in 0..n {
        let body = "Some words about the talks. ".repeat(30);
        let text = format!("---\ntitle: {title} {i}\ndate: 2025-11-02\nactors: [alice]\n---\n{body}\n");
        write(&site, &format!("content/articles/item-{i}.md"), &text);
    }
    site
}

#[test]
fn two_builds_at_once_both_leave_a_complete_site() {
    // Reproduce: two builds into one output at once: one exited 0 and left no
    // index.html and no feed.
    let dir = TempDir::new("concurrent");
    let site = big_site(&dir, 400, "Item");
    let reference = dir.join("reference");
    build_ok(&site, &reference, &[]);
    let want = site_files(&reference);
    let out = dir.join("public");
    for round in 0..4 {
        let start = || {
            briefing()
                .args(["build", "--root"])
                .arg(&site)
                .arg("--output")
                .arg(&out)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start briefing")
        };
        let (a, b) = (start(), start());
        for child in [a, b] {
            let run = Run::from(child.wait_with_output().expect("waits"));
            assert_eq!(run.code, Some(0), "round {round}: {}", run.stderr);
        }
        assert!(site_files(&out) == want, "round {round}: the output is not the complete site");
    }
}

#[cfg(unix)]
#[test]
fn a_build_waits_for_the_one_that_holds_the_output() {
    let dir = TempDir::new("wait");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, &[]);
    build_ok(&fixture("basic"), &out, &[]);
    let lock = std::fs::File::options().write(true).open(dir.join(".public.briefing/lock")).unwrap();
    rustix::fs::flock(&lock, rustix::fs::FlockOperation::LockExclusive).unwrap();
    let child = briefing()
        .args(["build", "--root"])
        .arg(fixture("basic"))
        .arg("--output")
        .arg(&out)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    rustix::fs::flock(&lock, rustix::fs::FlockOperation::Unlock).unwrap();
    let run = Run::from(child.wait_with_output().unwrap());
    assert_eq!(run.code, Some(0));
    assert_eq!(run.stderr, format!("Waiting for another build into {} to finish…\n", out.display()));
}

#[test]
fn a_reader_never_sees_a_missing_or_partial_site() {
    // Reproduce: between the two renames of the old swap there was an instant with
    // no output folder; a web server serving it answered 404.
    let dir = TempDir::new("reader");
    let site = big_site(&dir, 150, "First");
    let out = dir.join("public");
    build_ok(&site, &out, &[]);
    let first = site_files(&out);
    for i in 0..150 {
        let path = site.join(format!("content/articles/item-{i}.md"));
        let text = std::fs::read_to_string(&path).unwrap().replace("title: First", "title: Second");
        std::fs::write(path, text).unwrap();
    }
    let second_out = dir.join("second");
    build_ok(&site, &second_out, &[]);
    let second = site_files(&second_out);
    assert_ne!(first, second);

    let stop = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let mut looks = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) || looks < 5 {
                for (path, bytes) in &first {
                    let now = std::fs::read(out.join(path))
                        .unwrap_or_else(|e| panic!("look {looks}: {path} could not be read: {e}"));
                    assert!(
                        now == *bytes || Some(&now) == second.get(path),
                        "look {looks}: {path} is neither the first nor the second site's"
                    );
                }
                looks += 1;
            }
            looks
        });
        for round in 0..20 {
            let (from, to) =
                if round % 2 == 0 { ("title: First", "title: Second") } else { ("title: Second", "title: First") };
            for i in 0..150 {
                let path = site.join(format!("content/articles/item-{i}.md"));
                let text = std::fs::read_to_string(&path).unwrap().replace(from, to);
                std::fs::write(path, text).unwrap();
            }
            build_ok(&site, &out, &[]);
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let looks = reader.join().expect("the reader saw a whole site every time");
        assert!(looks >= 5);
    });
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_the_output_as_it_was() {
    let dir = TempDir::new("kill");
    let site = big_site(&dir, 600, "Before");
    let out = dir.join("public");
    build_ok(&site, &out, &[]);
    build_ok(&site, &out, &[]);
    let mut before = read_tree(&out);
    let path = site.join("content/articles/item-7.md");
    let text = std::fs::read_to_string(&path).unwrap().replace("title: Before 7", "title: After 7");
    std::fs::write(&path, text).unwrap();
    // The only other state the output may be in: the whole new site.
    let expected = dir.join("expected");
    build_ok(&site, &expected, &[]);
    let after = read_tree(&expected);
    // Delays that land in every stage: taking the lock, reading, rendering, writing,
    // and (on a loaded machine) after the swap, before the process ends.
    for delay_ms in [0, 2, 5, 10, 20, 40, 60, 80, 120, 160, 220, 300] {
        let mut child = briefing()
            .args(["build", "--root"])
            .arg(&site)
            .arg("--output")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start briefing");
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("kill -9");
        let status = child.wait().unwrap();
        let now = read_tree(&out);
        if status.success() {
            assert!(now == after, "finished within {delay_ms} ms: the output is not the new site");
        } else {
            // Killed before the swap: the old site, byte for byte; after it: the new one.
            assert!(now == before || now == after, "killed after {delay_ms} ms: the output is neither site");
        }
        if now == after {
            // From here on the old site is the new one: never back, never a mixture.
            before = after.clone();
        }
    }
    // A good build then goes through, tripping over nothing left behind.
    let run = build_ok(&site, &out, &[]);
    assert!(read(&out, "articles/item-7/index.html").contains("After 7"), "{}", run.stdout);
    let fresh = dir.join("fresh");
    build_ok(&site, &fresh, &[]);
    assert!(site_files(&out) == site_files(&fresh), "the output is exactly a fresh build");
}

#[cfg(unix)]
#[test]
fn a_build_stopped_by_a_file_size_limit_leaves_the_output_as_it_was() {
    let dir = TempDir::new("ulimit");
    let site = big_site(&dir, 50, "Item");
    let out = dir.join("public");
    build_ok(&site, &out, &[]);
    let before = read_tree(&out);
    write(
        &site,
        "content/articles/huge.md",
        &format!("---\ntitle: Huge\ndate: 2025-11-03\n---\n{}\n", "word ".repeat(400_000)),
    );
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -f 256; exec \"$0\" build --root \"$1\" --output \"$2\"")
        .arg(env!("CARGO_BIN_EXE_briefing"))
        .arg(&site)
        .arg(&out)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(!status.success(), "the limit stopped the build");
    assert!(read_tree(&out) == before, "the output changed");
    build_ok(&site, &out, &[]);
    assert!(read(&out, "articles/huge/index.html").contains("Huge"));
}

// ---------------------------------------------------------------------------
// Only what changed is written

#[test]
fn an_unchanged_rebuild_writes_nothing_and_keeps_every_modification_time() {
    let dir = TempDir::new("unchanged");
    let out = dir.join("public");
    let run = build_ok(&fixture("basic"), &out, &[]);
    let files = read_tree(&out).len() - 1;
    assert_eq!(counts(&run.stdout), (files, 0, 0), "{}", run.stdout);
    let before = mtimes(&out);
    for round in 0..3 {
        std::thread::sleep(Duration::from_millis(20));
        let run = build_ok(&fixture("basic"), &out, &[]);
        assert_eq!(counts(&run.stdout), (0, files, 0), "round {round}: {}", run.stdout);
        // The manifest too: a deploy tool sees no change at all.
        let after = mtimes(&out);
        for (path, when) in &before {
            assert_eq!(after.get(path), Some(when), "round {round}: {path} was written again");
        }
    }
}

#[test]
fn an_edit_writes_only_the_files_whose_bytes_changed() {
    let (dir, site) = fixture_copy("basic");
    let out = dir.join("public");
    build_ok(&site, &out, &[]);
    build_ok(&site, &out, &[]);
    let (old_bytes, old_times) = (read_tree(&out), mtimes(&out));
    let article = site.join("content/articles/talks-open.md");
    let text = std::fs::read_to_string(&article).unwrap();
    let edited = text.trim_end().to_owned() + "\n\nOne more sentence.\n";
    std::fs::write(&article, edited).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let run = build_ok(&site, &out, &[]);
    let (new_bytes, new_times) = (read_tree(&out), mtimes(&out));
    let changed: Vec<&String> =
        new_bytes.keys().filter(|p| *p != MANIFEST && old_bytes.get(*p) != new_bytes.get(*p)).collect();
    assert!(changed.contains(&&"articles/talks-open/index.html".to_owned()), "{changed:?}");
    let (written, unchanged, removed) = counts(&run.stdout);
    assert_eq!(written, changed.len(), "{}: changed {changed:?}", run.stdout);
    assert_eq!(written + unchanged, new_bytes.len() - 1);
    assert_eq!(removed, 0);
    for (path, when) in &new_times {
        let same = old_bytes.get(path) == new_bytes.get(path);
        if path != MANIFEST {
            assert_eq!(same, old_times.get(path) == Some(when), "{path}: bytes same {same}, time kept differently");
        }
    }
    // Two more builds: the standby catches up, nothing else is written.
    for _ in 0..2 {
        let run = build_ok(&site, &out, &[]);
        assert_eq!(counts(&run.stdout).0, 0, "{}", run.stdout);
        assert!(site_files(&out) == site_files(&out));
    }
}

#[test]
fn a_removed_article_s_page_is_removed() {
    let (dir, site) = fixture_copy("basic");
    let out = dir.join("public");
    build_ok(&site, &out, &[]);
    build_ok(&site, &out, &[]);
    assert!(out.join("articles/counter-offer/index.html").is_file());
    let before = site_files(&out);
    std::fs::remove_file(site.join("content/articles/counter-offer.md")).unwrap();
    let run = build_ok(&site, &out, &[]);
    assert!(!out.join("articles/counter-offer").exists(), "its page and folder are gone");
    let after = site_files(&out);
    let gone: Vec<&String> = before.keys().filter(|p| !after.contains_key(*p)).collect();
    assert!(gone.contains(&&"articles/counter-offer/index.html".to_owned()), "{gone:?}");
    assert_eq!(counts(&run.stdout).2, gone.len(), "{}: {gone:?}", run.stdout);
    let fresh = dir.join("fresh");
    build_ok(&site, &fresh, &[]);
    assert!(site_files(&out) == site_files(&fresh));
    // The next build (into the other copy) removes it there too.
    build_ok(&site, &out, &[]);
    assert!(site_files(&out) == site_files(&fresh));
    assert!(!dir.join(".public.briefing/standby/articles/counter-offer").exists());
}

#[test]
fn a_hand_edited_output_file_is_written_again() {
    let dir = TempDir::new("hand-edit");
    let out = dir.join("public");
    build_ok(&fixture("basic"), &out, &[]);
    build_ok(&fixture("basic"), &out, &[]);
    let want = site_files(&out);
    std::thread::sleep(Duration::from_millis(20));
    // Same length, other bytes: only the time tells.
    let page = read(&out, "index.html").replacen("<html", "<HTML", 1);
    std::fs::write(out.join("index.html"), page).unwrap();
    build_ok(&fixture("basic"), &out, &[]);
    assert!(site_files(&out) == want, "the page is the built one again");
}

#[test]
fn a_name_too_long_for_a_file_fails_check_and_build_alike() {
    let root = fixture("invalid/name-too-long");
    let checked = check(&root);
    let dir = TempDir::new("too-long");
    let built = build(&root, &dir.join("public"), &[]);
    assert_eq!((checked.code, built.code), (Some(1), Some(1)));
    assert_eq!(built.stderr, checked.stderr);
    assert!(
        built.stderr.contains("content/articles/talks.md:4:7: error: the id `negotiations-negotiation…` is 324"),
        "{}",
        built.stderr
    );
    assert!(!dir.join("public").exists());
}
