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
        #[cfg(unix)]
        return walk::survey(folder).map_err(|e| Error::io("read", folder, e.into()));
        #[cfg(not(unix))]
        {
            let mut survey = Survey::default();
            survey.walk(folder, "")?;
            Ok(survey)
        }
    }

    fn merge(&mut self, other: Survey) {
        self.files.extend(other.files);
        self.odd.extend(other.odd);
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

/// The walk by open folders, on several threads. Looking each file up by its whole
/// path cost four times the processor time; and when the folders' metadata is not in
/// memory (a first build of the day, or after this VM reclaimed it), each folder read
/// waits for the disk: one walker took 1.4 s over the two copies of a 10,000-article
/// site, so several keep many reads in flight.
#[cfg(unix)]
mod walk {
    use std::path::Path;
    use std::sync::Mutex;

    use rustix::fd::OwnedFd;
    use rustix::fs::{AtFlags, CWD, Dir, FileType, Mode, OFlags, openat, statat};
    use rustix::io::{Errno, Result};

    use super::Survey;

    /// Walking threads: the work is mostly waiting for the disk, not the processor.
    const WALKERS: usize = 8;

    const FOLDER: OFlags = OFlags::RDONLY.union(OFlags::DIRECTORY).union(OFlags::NOFOLLOW).union(OFlags::CLOEXEC);

    pub(super) fn survey(folder: &Path) -> Result<Survey> {
        let top = openat(CWD, folder, FOLDER, Mode::empty())?;
        let found = Mutex::new(Survey::default());
        let failed = Mutex::new(None);
        let (found_ref, failed_ref) = (&found, &failed);
        match rayon::ThreadPoolBuilder::new().num_threads(WALKERS).build() {
            Ok(pool) => pool.scope(|scope| walk(scope, top, String::new(), found_ref, failed_ref)),
            // No threads to be had: the caller's pool does it.
            Err(_) => rayon::scope(|scope| walk(scope, top, String::new(), found_ref, failed_ref)),
        }
        if let Some(e) = failed.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner) {
            return Err(e);
        }
        Ok(found.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner))
    }

    /// Lists the folder `dir` (at `prefix`), handing each subfolder to another task.
    fn walk<'s>(
        scope: &rayon::Scope<'s>,
        dir: OwnedFd,
        prefix: String,
        found: &'s Mutex<Survey>,
        failed: &'s Mutex<Option<Errno>>,
    ) {
        let mut here = Survey::default();
        if let Err(e) = list(scope, dir, &prefix, &mut here, found, failed) {
            *failed.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(e);
        }
        found.lock().unwrap_or_else(std::sync::PoisonError::into_inner).merge(here);
    }

    fn list<'s>(
        scope: &rayon::Scope<'s>,
        dir: OwnedFd,
        prefix: &str,
        here: &mut Survey,
        found: &'s Mutex<Survey>,
        failed: &'s Mutex<Option<Errno>>,
    ) -> Result<()> {
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
                here.odd.push(rel);
                continue;
            }
            let fd = entries.fd()?;
            let mut kind = entry.file_type();
            if kind == FileType::Unknown {
                kind = FileType::from_raw_mode(statat(fd, name, AtFlags::SYMLINK_NOFOLLOW)?.st_mode as _);
            }
            match kind {
                FileType::Directory => {
                    let sub = openat(fd, name, FOLDER, Mode::empty())?;
                    scope.spawn(move |scope| walk(scope, sub, format!("{rel}/"), found, failed));
                }
                FileType::RegularFile => match statat(fd, name, AtFlags::SYMLINK_NOFOLLOW) {
                    Ok(stat) => {
                        let mtime = i128::from(stat.st_mtime) * 1_000_000_000 + stat.st_mtime_nsec as i128;
                        here.files.insert(rel, (stat.st_size as u64, mtime));
                    }
                    // Gone since the listing: nothing to judge.
                    Err(Errno::NOENT) => {}
                    Err(e) => return Err(e),
                },
                _ => here.odd.push(rel),
            }
        }
        Ok(())
    }
}
