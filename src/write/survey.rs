//! A look at what a folder holds, without following links: every file with its size
//! and modification time, and anything that is neither a file nor a folder.

use std::collections::HashMap;
use std::path::Path;

use super::manifest::{self, Entry, Manifest};
use crate::error::Error;

#[derive(Debug, Default)]
pub(crate) struct Survey {
    /// Regular files by `/`-separated path: size and modification time.
    pub(crate) files: HashMap<String, (u64, i128)>,
    /// Symbolic links and other entries that are neither files nor folders.
    pub(crate) odd: Vec<String>,
}

impl Survey {
    /// Walks `folder` (which must exist). Links are listed, never followed.
    pub(crate) fn of(folder: &Path) -> Result<Survey, Error> {
        let mut survey = Survey::default();
        #[cfg(unix)]
        {
            use rustix::fs::{CWD, Mode, OFlags, openat};
            let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            let dir = openat(CWD, folder, flags, Mode::empty()).map_err(|e| Error::io("read", folder, e.into()))?;
            survey.walk_at(dir, "").map_err(|e| Error::io("read", folder, e.into()))?;
        }
        #[cfg(not(unix))]
        survey.walk(folder, "")?;
        Ok(survey)
    }

    /// The walk by open folders, not paths: a big site has 10,000 folders, and looking
    /// each file up by its whole path cost four times as much processor time.
    #[cfg(unix)]
    fn walk_at(&mut self, dir: rustix::fd::OwnedFd, prefix: &str) -> rustix::io::Result<()> {
        use rustix::fs::{AtFlags, Dir, FileType, Mode, OFlags, openat, statat};
        let mut entries = Dir::new(dir)?;
        while let Some(entry) = entries.read() {
            let entry = entry?;
            let name = entry.file_name();
            if matches!(name.to_bytes(), b"." | b"..") {
                continue;
            }
            let rel = format!("{prefix}{}", String::from_utf8_lossy(name.to_bytes()));
            if std::str::from_utf8(name.to_bytes()).is_err() {
                // Not a name a build writes.
                self.odd.push(rel);
                continue;
            }
            let fd = entries.fd()?;
            let mut kind = entry.file_type();
            if kind == FileType::Unknown {
                kind = FileType::from_raw_mode(statat(fd, name, AtFlags::SYMLINK_NOFOLLOW)?.st_mode as _);
            }
            match kind {
                FileType::Directory => {
                    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
                    let sub = openat(fd, name, flags, Mode::empty())?;
                    self.walk_at(sub, &format!("{rel}/"))?;
                }
                FileType::RegularFile => match statat(fd, name, AtFlags::SYMLINK_NOFOLLOW) {
                    Ok(stat) => {
                        let mtime = i128::from(stat.st_mtime) * 1_000_000_000 + stat.st_mtime_nsec as i128;
                        self.files.insert(rel, (stat.st_size as u64, mtime));
                    }
                    // Gone since the listing: nothing to judge.
                    Err(rustix::io::Errno::NOENT) => {}
                    Err(e) => return Err(e),
                },
                _ => self.odd.push(rel),
            }
        }
        Ok(())
    }

    #[cfg(not(unix))]
    fn walk(&mut self, dir: &Path, prefix: &str) -> Result<(), Error> {
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io("read", dir, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io("read", dir, e))?;
            let name = entry.file_name();
            let rel = match name.to_str() {
                Some(name) => format!("{prefix}{name}"),
                // Not a name a build writes.
                None => {
                    self.odd.push(format!("{prefix}{}", name.to_string_lossy()));
                    continue;
                }
            };
            let kind = entry.file_type().map_err(|e| Error::io("read", &entry.path(), e))?;
            if kind.is_dir() {
                self.walk(&entry.path(), &format!("{rel}/"))?;
            } else if kind.is_file() {
                match entry.metadata() {
                    Ok(meta) => {
                        self.files.insert(rel, (meta.len(), manifest::mtime_of(&meta)));
                    }
                    // Gone since the listing: nothing to judge.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(Error::io("read", &entry.path(), e)),
                }
            } else {
                self.odd.push(rel);
            }
        }
        Ok(())
    }

    /// The files that `manifest` does not list, and the odd entries: what the build
    /// did not write.
    pub(crate) fn unlisted(&self, manifest: &Manifest) -> Vec<String> {
        let mut out: Vec<String> = self
            .files
            .keys()
            .filter(|p| p.as_str() != manifest::NAME && !manifest.files.contains_key(*p))
            .cloned()
            .chain(self.odd.iter().cloned())
            .collect();
        out.sort();
        out
    }

    /// The entries of `manifest` whose file is still there as written (its size, and
    /// not modified after the manifest was written): the others were changed or
    /// removed since.
    pub(crate) fn intact(&self, manifest: Manifest) -> HashMap<String, Entry> {
        let mut files = manifest.files;
        let written = manifest.written;
        files.retain(|path, e| self.files.get(path).is_some_and(|&(size, mtime)| size == e.size && mtime <= written));
        files
    }
}
