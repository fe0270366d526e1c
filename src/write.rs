//! Stage 5: write. The only stage that changes the output folder: files go to a
//! staging folder beside it, which replaces the old output only once complete, so a
//! failed build never leaves a half-written or missing site.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

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

    /// Writes one file; safe to call from many threads at once.
    pub fn write(&self, file: &OutputFile) -> Result<(), FsError> {
        let path = self.dir.join(&file.path);
        if let Some(folder) = path.parent() {
            // Most pages have a folder of their own: one mkdir, and the full walk up
            // only when a parent is missing.
            match std::fs::create_dir(folder) {
                Ok(()) => {}
                Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
                Err(_) => fs::create_dir_all(folder)?,
            }
        }
        fs::write(&path, &file.bytes)
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
