//! Stage 5: write. The only stage that changes the output folder: files go to a
//! staging folder beside it, which replaces the old output only once complete, so a
//! failed build never leaves a half-written or missing site.

use std::collections::HashSet;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;

use crate::fs::{self, FsError};
use crate::render::OutputFile;

/// A new site being written beside the output folder. Dropping it without `commit`
/// removes it and leaves the output untouched.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    old: PathBuf,
    committed: bool,
}

impl Staging {
    /// Starts a fresh staging folder (`.NAME.staging`) next to `output`.
    pub fn begin(output: &Path) -> Result<Staging, FsError> {
        let name = output
            .file_name()
            .ok_or_else(|| FsError(format!("{} is not a folder name that can be written", output.display())))?
            .to_string_lossy()
            .into_owned();
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)?;
        let dir = parent.join(format!(".{name}.staging"));
        let old = parent.join(format!(".{name}.old"));
        for leftover in [&dir, &old] {
            if leftover.exists() {
                remove_tree(leftover)?;
            }
        }
        fs::create_dir_all(&dir)?;
        Ok(Staging { dir, output: output.to_path_buf(), old, committed: false })
    }

    /// Writes one file; safe to call from many threads at once. Its folder is made
    /// only if missing (most are made ahead by `make_folders`).
    pub fn write(&self, file: &OutputFile) -> Result<(), FsError> {
        let path = self.dir.join(&file.path);
        match std::fs::write(&path, &file.bytes) {
            Err(e) if e.kind() == ErrorKind::NotFound => {
                if let Some(folder) = path.parent() {
                    fs::create_dir_all(folder)?;
                }
                fs::write(&path, &file.bytes)
            }
            result => result.map_err(|e| FsError(format!("cannot write {}: {e}", path.display()))),
        }
    }

    /// Makes the folders of `files` (paths relative to the output, in the order they
    /// will be written), until `stop` is set. Run on a thread of its own beside those
    /// that `write`: a big site has a folder per page, most of them in `articles/`,
    /// and two threads making folders in one folder take turns at the file system's
    /// lock on it, the waiting one spinning (on ext4, 4 % of a build's processor time);
    /// making one can also wait for the disk. The writing threads take pages from the
    /// front of the list and from its middle, so both halves are made front first,
    /// in turn. A folder that fails here is made again by `write`, which says why.
    pub fn make_folders(&self, files: &[String], stop: &AtomicBool) {
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
                    let _ = std::fs::create_dir_all(self.dir.join(folder));
                }
            }
        }
    }

    /// Moves the new site into place; the old one is removed only after.
    pub fn commit(mut self) -> Result<(), FsError> {
        let had_output = self.output.exists();
        if had_output {
            fs::rename(&self.output, &self.old)?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.output) {
            if had_output {
                let _ = std::fs::rename(&self.old, &self.output);
            }
            return Err(e);
        }
        self.committed = true;
        if had_output { remove_tree(&self.old) } else { Ok(()) }
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = remove_tree(&self.dir);
        }
    }
}

/// Removes a folder tree, its subfolders in parallel (a big site has thousands).
fn remove_tree(dir: &Path) -> Result<(), FsError> {
    let entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(read) => read.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(FsError(format!("cannot remove {}: {e}", dir.display()))),
    };
    entries.par_iter().try_for_each(|p| {
        let is_dir = std::fs::symlink_metadata(p).map(|m| m.is_dir()).unwrap_or(false);
        if is_dir {
            remove_tree(p)
        } else {
            std::fs::remove_file(p).map_err(|e| FsError(format!("cannot remove {}: {e}", p.display())))
        }
    })?;
    std::fs::remove_dir(dir).map_err(|e| FsError(format!("cannot remove {}: {e}", dir.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(label: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("briefing-write-{label}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    }

    fn file(path: &str) -> OutputFile {
        OutputFile { path: path.to_owned(), bytes: path.as_bytes().to_vec() }
    }

    #[test]
    fn folders_are_made_ahead_and_files_land_in_them_either_way() {
        let dir = scratch("ahead");
        let staging = Staging::begin(&dir.join("site")).expect("staging");
        let files =
            ["index.html", "a/index.html", "a/b/index.html", "c/d/e/index.html", "f/index.html"].map(String::from);
        staging.make_folders(&files, &AtomicBool::new(false));
        for folder in ["a", "a/b", "c/d/e", "f"] {
            assert!(staging.dir.join(folder).is_dir(), "{folder} was not made");
        }
        // A file whose folder was not made ahead gets it on writing.
        for path in files.iter().map(String::as_str).chain(["g/h/index.html"]) {
            staging.write(&file(path)).expect("written");
            assert_eq!(std::fs::read(staging.dir.join(path)).expect("readable"), path.as_bytes());
        }
        staging.commit().expect("committed");
        assert!(dir.join("site/g/h/index.html").is_file());
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }

    #[test]
    fn making_folders_stops_when_told() {
        let dir = scratch("stop");
        let staging = Staging::begin(&dir.join("site")).expect("staging");
        staging.make_folders(&["a/index.html".to_owned()], &AtomicBool::new(true));
        assert!(!staging.dir.join("a").exists());
        drop(staging);
        assert!(!dir.join(".site.staging").exists(), "an abandoned staging folder is removed");
        std::fs::remove_dir_all(&dir).expect("cleaned up");
    }
}
