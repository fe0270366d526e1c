//! Stage 1: read the site from disk. `content/` becomes a list of source files, each
//! with its kind; nothing is interpreted yet. Their texts are read in parallel, each by
//! the thread that parses it (`Sources::read_each`), with the disk asked ahead.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::fs;
use crate::vocab::{Format, Kind};

mod bundles;

pub(crate) use bundles::{Attachment, content_stem};

/// Asks the operating system to start reading `paths` into its cache, without waiting,
/// until `stop` is set. The parse stage reads each file on the thread that parses it,
/// one file at a time per thread: on a cold cache (a CI machine, a first build, memory
/// reclaimed since) each read then waits for the disk, and a 10,000-article build spent
/// most of its parse stage waiting. Run beside the parse, this keeps many reads in
/// flight. The order follows the parse's: with two threads, one starts at the first
/// file and the other at the middle.
/// When a sample of the files is in the cache already (the usual case while editing),
/// it does nothing more. Only Linux offers the calls (`posix_fadvise`, `preadv2`);
/// elsewhere this does nothing.
fn prefetch(paths: &[PathBuf], stop: &AtomicBool) {
    const SAMPLE: usize = 64;
    let step = paths.len().div_ceil(SAMPLE).max(1);
    if paths.iter().step_by(step).all(|p| cached(p)) {
        return;
    }
    let (first, second) = paths.split_at(paths.len() / 2);
    let mut first = first.iter();
    let mut second = second.iter();
    loop {
        let (a, b) = (first.next(), second.next());
        if a.is_none() && b.is_none() {
            return;
        }
        for path in [a, b].into_iter().flatten() {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            will_need(path);
        }
    }
}

#[cfg(target_os = "linux")]
fn will_need(path: &Path) {
    // Only a hint: a file that cannot be opened is reported when the parse reads it.
    if let Ok(file) = std::fs::File::open(path) {
        let _ = rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::WillNeed);
    }
}

/// Whether the start of the file is in the cache: a one-byte read that fails rather
/// than wait for the disk.
#[cfg(target_os = "linux")]
fn cached(path: &Path) -> bool {
    use rustix::io::{Errno, ReadWriteFlags, preadv2};
    let Ok(file) = std::fs::File::open(path) else { return true };
    let mut byte = [0u8; 1];
    let read = preadv2(&file, &mut [std::io::IoSliceMut::new(&mut byte)], 0, ReadWriteFlags::NOWAIT);
    !matches!(read, Err(Errno::AGAIN))
}

#[cfg(not(target_os = "linux"))]
fn will_need(_path: &Path) {}

#[cfg(not(target_os = "linux"))]
fn cached(_path: &Path) -> bool {
    true
}

/// One content file. Its text is read by the parse stage, which lets it go once the
/// file is parsed (a big site's text is never held whole); `placement_text` reads it
/// again for the few messages that quote a line.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root, `/`-separated: `content/articles/talks.md`.
    pub path: String,
    /// Where it is on disk.
    pub full_path: PathBuf,
    pub kind: Kind,
    pub format: Format,
    /// File name without extension: the default id.
    pub stem: String,
    /// The text, while it is kept (empty otherwise).
    pub text: String,
}

impl SourceFile {
    /// Reads the file's text (without a byte order mark), or the error to report.
    pub(crate) fn read_text(&self) -> Result<String, Diagnostic> {
        let bytes = fs::read(&self.full_path).map_err(|e| Diagnostic::error(&self.path, e.to_string()))?;
        match String::from_utf8(bytes) {
            // Editors on Windows start files with a byte order mark; it is not content.
            Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_owned(),
                None => text,
            }),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
                let position = crate::diagnostic::Position::of_offset(&valid, offset, 0);
                Err(Diagnostic {
                    position: Some(position),
                    ..Diagnostic::error(&self.path, "this file is not UTF-8 text")
                }
                .with_hint("save it as UTF-8 in your editor; binary files belong in static/"))
            }
        }
    }

    /// The text to quote a line of in a message: the kept text, or the file read again.
    pub(crate) fn placement_text(&self) -> std::borrow::Cow<'_, str> {
        if self.text.is_empty() {
            std::borrow::Cow::Owned(self.read_text().unwrap_or_default())
        } else {
            std::borrow::Cow::Borrowed(&self.text)
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct Sources {
    /// `content/site.yaml`, if present.
    pub(crate) site: Option<SourceFile>,
    /// Articles, actors and proposals, sorted by path.
    pub(crate) items: Vec<SourceFile>,
    /// Kind and id of content files that could not be read as text, whose own error
    /// is reported: references to them are not reported again.
    pub(crate) unreadable: Vec<(Kind, String)>,
    /// The files of the items in folders of their own (bundles), sorted by path.
    pub(crate) attachments: Vec<Attachment>,
}

/// What to keep of the content files' texts once each is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// Their text too (the preview server compares edits with it).
    Texts,
    /// Only their names: each text is let go once parsed.
    Names,
}

impl Sources {
    /// Reads each item's text and hands the file to `parse` on the thread that read it,
    /// all in parallel, so that a big site's text is never all in memory at once
    /// (unless `keep` asks for it); a file that cannot be read gives `unreadable` of its
    /// error. Meanwhile another thread asks the system for the files ahead (`prefetch`).
    /// The results are in the order of `items`.
    pub(crate) fn read_each<T: Send>(
        &mut self,
        keep: Keep,
        parse: impl Fn(usize, &SourceFile) -> T + Sync,
        unreadable: impl Fn(Diagnostic) -> T + Sync,
    ) -> Vec<T> {
        let paths: Vec<PathBuf> = self.items.iter().map(|f| f.full_path.clone()).collect();
        let done = AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| prefetch(&paths, &done));
            let parsed = self
                .items
                .par_iter_mut()
                .enumerate()
                .map(|(i, file)| match file.read_text() {
                    Ok(text) => {
                        file.text = text;
                        let parsed = parse(i, file);
                        if keep == Keep::Names {
                            file.text = String::new();
                        }
                        parsed
                    }
                    Err(d) => unreadable(d),
                })
                .collect();
            done.store(true, Ordering::Relaxed);
            parsed
        })
    }
}

/// What finding one path gave.
enum Found {
    File(SourceFile),
    /// A problem with a file that holds no item (misplaced, wrong extension).
    Skipped(Diagnostic),
}

/// Finds every content file under `root/content`, without reading the items (the parse
/// stage reads each as it parses it); `site.yaml` is read. Problems with single files
/// (misplaced, wrong extension, site.yaml not UTF-8 or not a file) become diagnostics,
/// as do the links and special files skipped there and in `templates/` and `static/`;
/// only a missing, linked or unreadable `content/` folder is fatal.
pub(crate) fn list_content(root: &Path, diagnostics: &mut Diagnostics) -> Result<Sources, Error> {
    let content = root.join("content");
    if !content.is_dir() {
        let advice = "is this a briefing site? (use --root to point at one)";
        return Err(Error::NoContent { root: root.to_path_buf(), advice });
    }
    if !is_real_dir(&content) {
        return Err(Error::LinkedContent { path: content });
    }
    let mut paths = Vec::new();
    let mut walk = WalkDir::new(&content).into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(|e| Error::Walk { dir: content.clone(), source: e })?;
        let file_type = entry.file_type();
        if entry.depth() == 1 && entry.file_name() == "site.yaml" && !file_type.is_file() {
            diagnostics.push(site_yaml_not_a_file(file_type));
            if file_type.is_dir() {
                walk.skip_current_dir();
            }
        } else if entry.depth() > 0 && is_hidden(entry.file_name()) {
            // Hidden (`.git/`, `.old/`, an editor's `.x.md.swp`) or a backup (`x.md~`):
            // neither read nor watched by `serve`, folders included.
            if file_type.is_dir() {
                walk.skip_current_dir();
            }
        } else if file_type.is_file() {
            paths.push(entry.into_path());
        } else if entry.depth() > 0 && !file_type.is_dir() {
            diagnostics.push(skipped(root, entry.path(), file_type));
        }
    }
    for folder in ["templates", "static"] {
        warn_skipped_under(root, folder, diagnostics)?;
    }
    // In the order of a walk that takes each folder's entries by name (walkdir's own
    // sort takes the paths apart again on every comparison): a path's bytes with each
    // separator made the lowest byte compare name by name, from the top down.
    paths.sort_by_cached_key(|path| {
        let bytes = path.as_os_str().as_encoded_bytes();
        bytes.iter().map(|&b| if std::path::is_separator(b as char) { 0 } else { b }).collect::<Vec<u8>>()
    });
    let rels: Vec<String> = paths.iter().map(|path| fs::relative(root, path)).collect();
    let bundles = bundles::Bundles::find(rels.iter().map(String::as_str));
    let mut sources = Sources::default();
    let mut attached: Vec<(String, String, String, PathBuf)> = Vec::new();
    for (path, rel) in paths.into_iter().zip(rels) {
        let id = match bundles.role(&rel) {
            bundles::Role::Outside => None,
            bundles::Role::Index { id } => Some(id),
            bundles::Role::Attachment { bundle, name } => {
                attached.push((bundle, name, rel, path));
                continue;
            }
            bundles::Role::Misplaced { bundle } => {
                diagnostics.push(misplaced(&rel, &bundle));
                continue;
            }
        };
        match find_one(root, path) {
            Found::File(mut file) if id.is_some() => {
                file.stem = id.unwrap_or_default();
                sources.items.push(file);
            }
            Found::File(file) if file.path == "content/site.yaml" => match file.read_text() {
                Ok(text) => sources.site = Some(SourceFile { text, ..file }),
                Err(d) => diagnostics.push(d),
            },
            Found::File(file) => sources.items.push(file),
            Found::Skipped(d) => diagnostics.push(d),
        }
    }
    sources.attachments = attach(&sources.items, attached);
    Ok(sources)
}

/// Each bundle's files, given to the item of its `index` file (`items`, by index).
fn attach(items: &[SourceFile], attached: Vec<(String, String, String, PathBuf)>) -> Vec<Attachment> {
    let index_of = |bundle: &str| {
        items.iter().position(|f| {
            f.path
                .rsplit_once('/')
                .is_some_and(|(folder, name)| folder == bundle && bundles::content_stem(name) == Some("index"))
        })
    };
    let mut found: std::collections::HashMap<String, Option<usize>> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(attached.len());
    for (bundle, name, path, full_path) in attached {
        // An index that is not an item (outside the kinds' folders) has its own error.
        let item = *found.entry(bundle.clone()).or_insert_with(|| index_of(&bundle));
        if let Some(item) = item {
            out.push(Attachment { path, full_path, item, name });
        }
    }
    out
}

/// The error for a content file inside another item's folder.
fn misplaced(rel: &str, bundle: &str) -> Diagnostic {
    Diagnostic::error(
        rel,
        format!("this file is inside the folder of the item {bundle}/, which holds one item and its files"),
    )
    .with_hint(format!(
        "move it out of {bundle}/; files published beside the item need another extension than .md or .yaml"
    ))
}

/// What a file of `file_type` is, when it is neither a regular file nor a folder.
fn special_kind(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_symlink() { "a symbolic link" } else { "not a regular file" }
}

/// The warning for a link or special file that the build leaves out. Links are never
/// followed, inside the site or out of it: what a site publishes is what its folders
/// hold, and a special file may never finish reading (a FIFO waits for a writer).
fn skipped(root: &Path, path: &Path, file_type: std::fs::FileType) -> Diagnostic {
    let (message, hint) = match std::fs::read_link(path) {
        Ok(target) if file_type.is_symlink() => (
            format!("skipped: this is a symbolic link (to {})", target.display()),
            "briefing does not follow symbolic links: put the file or folder itself here",
        ),
        _ => (format!("skipped: this is {}", special_kind(file_type)), "only regular files and folders are read"),
    };
    Diagnostic::warning(fs::relative(root, path), message).with_hint(hint)
}

fn site_yaml_not_a_file(file_type: std::fs::FileType) -> Diagnostic {
    let (kind, hint) = if file_type.is_dir() {
        ("a folder", "the settings are read from a file of this name: rename the folder")
    } else if file_type.is_symlink() {
        ("a symbolic link", "briefing does not follow symbolic links: put the file itself here")
    } else {
        (special_kind(file_type), "the settings are read from a regular file of this name")
    };
    Diagnostic::error("content/site.yaml", format!("the settings file is {kind}, not a file")).with_hint(hint)
}

/// Warns about the links and special files under `root/folder` (`templates/`,
/// `static/`), which the theme leaves out (see `theme::files_under`).
fn warn_skipped_under(root: &Path, folder: &str, diagnostics: &mut Diagnostics) -> Result<(), Error> {
    let dir = root.join(folder);
    match std::fs::symlink_metadata(&dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(meta) => {
            diagnostics.push(skipped(root, &dir, meta.file_type()));
            return Ok(());
        }
        Err(_) => return Ok(()),
    }
    for entry in WalkDir::new(&dir) {
        let entry = entry.map_err(|e| Error::Walk { dir: dir.clone(), source: e })?;
        let file_type = entry.file_type();
        if !file_type.is_file() && !file_type.is_dir() && !is_hidden(entry.file_name()) {
            diagnostics.push(skipped(root, entry.path(), file_type));
        }
    }
    Ok(())
}

/// Whether `path` is a folder itself, not a link to one.
pub(crate) fn is_real_dir(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| meta.is_dir())
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~')
}

fn find_one(root: &Path, path: PathBuf) -> Found {
    let rel = fs::relative(root, &path);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = match extension {
        "md" | "markdown" => Format::Markdown,
        "yaml" | "yml" => Format::Yaml,
        _ => {
            return Found::Skipped(
                Diagnostic::warning(&rel, "ignored: content files end in .md or .yaml")
                    .with_hint("keep images and other files in static/, or beside an item in its own folder (content/articles/ID/index.md)"),
            );
        }
    };
    let kind = if rel == "content/site.yaml" {
        Kind::Article // not used for site.yaml
    } else {
        let folder = rel.split('/').nth(1).unwrap_or("");
        match Kind::ALL.into_iter().find(|k| k.folder() == folder) {
            Some(kind) if rel.matches('/').count() >= 2 => kind,
            _ => {
                return Found::Skipped(
                    Diagnostic::error(
                        &rel,
                        "this file is not in content/articles/, content/actors/, content/proposals/ or content/sources/",
                    )
                    .with_hint("move it into the folder of its kind; only site.yaml lives at the top of content/"),
                );
            }
        }
    };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Found::File(SourceFile { path: rel, full_path: path, kind, format, stem, text: String::new() })
}

#[cfg(test)]
mod order_tests {
    use walkdir::WalkDir;

    use super::list_content;
    use crate::diagnostic::Diagnostics;

    #[test]
    fn hidden_folders_are_not_read() {
        // Was: content/articles/.old/x.md was built (though `serve` ignored its edits).
        let root = std::env::temp_dir().join(format!("briefing-list-hidden-{}", std::process::id()));
        for file in
            ["articles/a.md", "articles/.old/x.md", "articles/.old/deeper/y.md", ".git/config.md", "articles/b.md~"]
        {
            let path = root.join("content").join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "").unwrap();
        }
        let mut diagnostics = Diagnostics::new();
        let sources = list_content(&root, &mut diagnostics).unwrap();
        let listed: Vec<&str> = sources.items.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(listed, ["content/articles/a.md"]);
        assert!(!diagnostics.has_errors());
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn files_are_listed_in_the_order_of_a_walk_by_name() {
        let root = std::env::temp_dir().join(format!("briefing-list-order-{}", std::process::id()));
        let content = root.join("content");
        // Names that sort differently as whole paths than folder by folder ('-' and '.'
        // come before '/'), in more than one folder, and a nested folder.
        for file in [
            "site.yaml",
            "articles/a.md",
            "articles/a-b.md",
            "articles/a/x.md",
            "articles/a.b/y.md",
            "articles/Z.md",
            "articles/b/c/d.md",
            "articles/b.md",
            "actors/a-b.yaml",
            "actors/a.yaml",
            "actors-x/a.yaml",
            "proposals/p.yaml",
        ] {
            let path = content.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, "").unwrap();
        }
        let walked: Vec<String> = WalkDir::new(&content)
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file() && e.file_name() != "site.yaml")
            .map(|e| e.path().strip_prefix(&root).unwrap().to_string_lossy().into_owned())
            .collect();
        let mut diagnostics = Diagnostics::new();
        let sources = list_content(&root, &mut diagnostics).unwrap();
        let listed: Vec<&str> = sources.items.iter().map(|f| f.path.as_str()).collect();
        let expected: Vec<&str> =
            walked.iter().filter(|p| !p.starts_with("content/actors-x")).map(|p| p.as_str()).collect();
        assert_eq!(listed, expected);
        assert_eq!(
            listed[..4],
            ["content/actors/a-b.yaml", "content/actors/a.yaml", "content/articles/Z.md", "content/articles/a/x.md"]
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use std::path::PathBuf;
    use std::sync::atomic::AtomicBool;
    use std::time::Duration;

    use super::{cached, prefetch};

    #[test]
    fn prefetch_brings_files_that_left_the_cache_back_into_it() {
        let dir = std::env::temp_dir().join(format!("briefing-prefetch-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = "---\ntitle: T\n---\nText\n".repeat(100);
        let mut paths: Vec<PathBuf> = (0..200).map(|i| dir.join(format!("article-{i}.md"))).collect();
        for path in &paths {
            std::fs::write(path, &text).unwrap();
            let file = std::fs::File::open(path).unwrap();
            file.sync_all().unwrap();
            // Clean pages can be dropped from the cache.
            rustix::fs::fadvise(&file, 0, None, rustix::fs::Advice::DontNeed).unwrap();
        }
        // `cached` asks without waiting, but the asking starts reading the file: look
        // only at files that `prefetch` does not sample itself (one in four of 200).
        let unsampled: Vec<PathBuf> =
            paths.iter().enumerate().filter(|(i, _)| i % 4 != 0).map(|(_, p)| p.clone()).collect();
        if cached(&unsampled[0]) {
            // A file system that keeps files in memory (tmpfs): nothing to test.
            eprintln!("{} keeps files in memory: skipped", dir.display());
        } else {
            // A missing file and a folder in the list are left to the parse to report.
            paths.push(dir.join("missing.md"));
            paths.push(dir.clone());
            prefetch(&paths, &AtomicBool::new(false));
            // The reading ahead happens in the background: on a busy machine it takes a
            // while. Asking about a file may start reading it, so only the last file asked
            // for (the end of the list) is watched; the rest are looked at once, after it.
            let (last, rest) = unsampled[1..].split_last().expect("files");
            let deadline = std::time::Instant::now() + Duration::from_secs(10);
            while !cached(last) && std::time::Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(100));
            }
            std::thread::sleep(Duration::from_millis(200));
            let missed = rest.iter().filter(|p| !cached(p)).count();
            assert_eq!(missed, 0, "files not read ahead");
        }
        assert_eq!(std::fs::read_to_string(&paths[0]).unwrap(), text);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
