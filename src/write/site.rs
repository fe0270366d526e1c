//! Writing a new site into the standby folder, file by file, changing only what
//! differs, then swapping it with the output in one step.
//!
//! The standby holds the site before last (or nothing). A file whose bytes are the
//! same as the output's is made a hard link to the output's file, so it keeps its
//! modification time and takes no space twice; one that the standby already shares
//! with the output (its manifest entry is the output's) is left alone; any other file
//! is written anew. After the swap the output is the new site and the standby the one
//! before, so an unchanged rebuild writes nothing but the manifest.

use std::collections::{HashMap, HashSet};
use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::Live;
use super::manifest::{self, Entry, Manifest};
use super::workspace::Workspace;
use crate::error::Error;

/// How many files a build wrote, left as they were, and removed from the output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Written {
    pub(crate) written: usize,
    pub(crate) unchanged: usize,
    pub(crate) removed: usize,
}

/// A site being written into the standby folder; the output changes only at `commit`.
pub(crate) struct SiteWriter {
    output: PathBuf,
    output_exists: bool,
    standby: PathBuf,
    live: Live,
    /// What the standby held when the build began (trusted: checked against the disk).
    before: HashMap<String, Entry>,
    entries: Mutex<Vec<(String, Entry)>>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    /// Cleared once making a hard link fails (a file system without them): copy instead.
    links: AtomicBool,
    /// The standby's folders found to be real folders (see `clear_way`).
    folders: Mutex<HashSet<String>>,
    workspace: Workspace,
}

impl SiteWriter {
    pub(crate) fn new(
        output: PathBuf,
        output_exists: bool,
        live: Live,
        workspace: Workspace,
        before: HashMap<String, Entry>,
    ) -> SiteWriter {
        SiteWriter {
            output,
            output_exists,
            standby: workspace.standby.clone(),
            live,
            before,
            entries: Mutex::new(Vec::new()),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            links: AtomicBool::new(true),
            folders: Mutex::new(HashSet::new()),
            workspace,
        }
    }

    /// Whether the standby starts empty (then every folder must be made).
    fn starts_empty(&self) -> bool {
        self.before.is_empty()
    }

    /// Puts one file of the new site in place; safe to call from many threads at once.
    pub(crate) fn put(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        let target = self.standby.join(rel);
        let entry = match self.live_entry(rel, bytes)? {
            Some(live) => {
                if self.before.get(rel) != Some(&live) {
                    self.clear_way(rel)?;
                    self.share(rel, &target)?;
                }
                self.unchanged.fetch_add(1, Ordering::Relaxed);
                live
            }
            None => {
                self.clear_way(rel)?;
                write_new(&target, bytes)?;
                self.written.fetch_add(1, Ordering::Relaxed);
                Entry::of(bytes)
            }
        };
        self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((rel.to_owned(), entry));
        Ok(())
    }

    /// The output's entry for `rel` when it holds these very bytes.
    fn live_entry(&self, rel: &str, bytes: &[u8]) -> Result<Option<Entry>, Error> {
        match &self.live {
            Live::Known(files) => Ok(files.get(rel).filter(|e| e.holds(bytes)).copied()),
            // An output from before manifests: compare with the file itself.
            Live::Unlisted(files) => {
                if files.get(rel).is_none_or(|(size, _)| *size != bytes.len() as u64) {
                    return Ok(None);
                }
                let path = self.output.join(rel);
                match std::fs::read(&path) {
                    Ok(old) if old == bytes => Ok(Some(Entry::of(bytes))),
                    Ok(_) => Ok(None),
                    Err(e) => Err(Error::io("read", &path, e)),
                }
            }
            Live::Nothing => Ok(None),
        }
    }

    /// Makes sure that the folders on the way to `rel` in a standby kept from an earlier
    /// build are folders: a link (or file) where one should be is removed, never
    /// followed, so that nothing is written or deleted through it. A standby made
    /// afresh holds only what this build made.
    fn clear_way(&self, rel: &str) -> Result<(), Error> {
        if self.starts_empty() {
            return Ok(());
        }
        let lock = || self.folders.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for (end, _) in rel.match_indices('/') {
            let folder = &rel[..end];
            if lock().contains(folder) {
                continue;
            }
            let path = self.standby.join(folder);
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if !meta.is_dir() => {
                    std::fs::remove_file(&path).map_err(|e| Error::io("remove", &path, e))?;
                }
                Err(e) if e.kind() != ErrorKind::NotFound => return Err(Error::io("read", &path, e)),
                _ => {}
            }
            lock().insert(folder.to_owned());
        }
        Ok(())
    }

    /// Makes the standby's `rel` the output's very file: a hard link, or a copy with
    /// its modification time where the file system has no hard links.
    fn share(&self, rel: &str, target: &Path) -> Result<(), Error> {
        let source = self.output.join(rel);
        remove_if_there(target)?;
        if self.links.load(Ordering::Relaxed) {
            match with_folder(target, || std::fs::hard_link(&source, target)) {
                Ok(()) => return Ok(()),
                Err(e) if e.kind() == ErrorKind::NotFound => return Err(Error::io("link", &source, e)),
                Err(_) => self.links.store(false, Ordering::Relaxed),
            }
        }
        let copy = || -> std::io::Result<()> {
            let modified = std::fs::metadata(&source)?.modified()?;
            let mut file = std::fs::File::options().write(true).create_new(true).open(target)?;
            file.write_all(&std::fs::read(&source)?)?;
            file.set_modified(modified)
        };
        with_folder(target, copy).map_err(|e| Error::io("copy", &source, e))
    }

    /// Runs `work`, which puts the site's files, while another thread makes the folders
    /// of the pages ahead of it when the standby starts empty (`pages` lists their files
    /// in the order they will be put; see `make_folders`).
    pub(crate) fn with_folders_ahead<R>(&self, pages: impl FnOnce() -> Vec<String>, work: impl FnOnce() -> R) -> R {
        let files = if self.starts_empty() { pages() } else { Vec::new() };
        let done = AtomicBool::new(false);
        std::thread::scope(|scope| {
            scope.spawn(|| self.make_folders(&files, &done));
            let result = work();
            done.store(true, Ordering::Relaxed);
            result
        })
    }

    /// Makes the standby's folders for `files` (paths, in the order they will be put),
    /// until `stop` is set. Run on a thread of its own beside those that `put`: a big
    /// site has a folder per page, and two threads making folders in one folder take
    /// turns at the file system's lock on it (on ext4, 4 % of a build's processor
    /// time). The rendering threads take pages from the front of the list and from its
    /// middle, so both halves are made front first, in turn. A folder that fails here
    /// is made again by `put`, which says why.
    fn make_folders(&self, files: &[String], stop: &AtomicBool) {
        let (first, second) = files.split_at(files.len().div_ceil(2));
        let mut made: HashSet<&str> = HashSet::new();
        let mut second = second.iter();
        for file in first {
            for file in std::iter::once(file).chain(second.next()) {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                let Some((folder, _)) = file.rsplit_once('/') else { continue };
                if made.insert(folder) {
                    let _ = std::fs::create_dir_all(self.standby.join(folder));
                }
            }
        }
    }

    /// Removes from the standby what the new site no longer has, writes its manifest,
    /// and swaps it with the output in one step.
    pub(crate) fn commit(mut self) -> Result<Written, Error> {
        let entries = std::mem::take(self.entries.get_mut().unwrap_or_else(std::sync::PoisonError::into_inner));
        let manifest = Manifest { files: entries.into_iter().collect(), written: 0 };
        for stale in self.before.keys().filter(|p| !manifest.files.contains_key(*p)) {
            self.clear_way(stale)?;
            remove_with_empty_folders(&self.standby, stale)?;
        }
        // Written last, so that every file it lists is older than it. When nothing else
        // was written it is the output's own, shared like the files.
        let bytes = manifest.to_bytes();
        let written = self.written.load(Ordering::Relaxed);
        let live_manifest = self.output.join(manifest::NAME);
        if written == 0 && std::fs::read(&live_manifest).is_ok_and(|old| old == bytes) {
            self.share(manifest::NAME, &self.standby.join(manifest::NAME))?;
        } else {
            write_new(&self.standby.join(manifest::NAME), &bytes)?;
        }
        let removed = match &self.live {
            Live::Known(files) => files.keys().filter(|p| !manifest.files.contains_key(*p)).count(),
            Live::Unlisted(files) => {
                files.keys().filter(|p| p.as_str() != manifest::NAME && !manifest.files.contains_key(*p)).count()
            }
            Live::Nothing => 0,
        };
        if self.output_exists {
            super::swap::exchange(&self.standby, &self.output)?;
        } else {
            std::fs::rename(&self.standby, &self.output).map_err(|e| Error::io("move", &self.standby, e))?;
        }
        drop(self.workspace);
        Ok(Written { written, unchanged: self.unchanged.into_inner(), removed })
    }
}

/// Writes `bytes` to a new file at `path` (removing what was there, never writing
/// through it: it may be shared with the output), making its folder if needed.
fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    remove_if_there(path)?;
    let write = || std::fs::File::options().write(true).create_new(true).open(path)?.write_all(bytes);
    with_folder(path, write).map_err(|e| Error::io("write", path, e))
}

/// Runs `make` (which creates `path`), making `path`'s folder first if it is missing.
fn with_folder<T>(path: &Path, make: impl Fn() -> std::io::Result<T>) -> std::io::Result<T> {
    match make() {
        Err(e) if e.kind() == ErrorKind::NotFound => {
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder)?;
            }
            make()
        }
        result => result,
    }
}

/// Removes the file or link at `path`, if any (a link is removed, never followed).
fn remove_if_there(path: &Path) -> Result<(), Error> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(Error::io("remove", path, e)),
        _ => Ok(()),
    }
}

/// Removes `root/rel`, then each folder above it that this leaves empty.
fn remove_with_empty_folders(root: &Path, rel: &str) -> Result<(), Error> {
    remove_if_there(&root.join(rel))?;
    let mut folder = rel;
    while let Some((parent, _)) = folder.rsplit_once('/') {
        if std::fs::remove_dir(root.join(parent)).is_err() {
            break;
        }
        folder = parent;
    }
    Ok(())
}
