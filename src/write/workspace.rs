//! The build's own folder beside the output, `.NAME.briefing/`: the lock that lets one
//! build at a time write to an output, and the standby copy of the site that the next
//! build is written into before it is swapped in.

use std::fs::{File, OpenOptions};
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::Error;

pub(crate) struct Workspace {
    dir: PathBuf,
    /// Where the next site is written: the previous build's site, once swapped out.
    pub(crate) standby: PathBuf,
    /// Held (locked) until the build is over; the lock goes with the file.
    _lock: File,
}

impl Workspace {
    /// Takes the workspace of `output` (a resolved path with a parent), making it if
    /// needed; waits while another build holds it, calling `waiting` first.
    pub(crate) fn claim(output: &Path, waiting: impl FnOnce()) -> Result<Workspace, Error> {
        let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
            return Err(Error::Refused { output: output.to_path_buf(), why: "it has no parent folder".into() });
        };
        std::fs::create_dir_all(parent).map_err(|e| Error::io("create folder", parent, e))?;
        let dir = parent.join(format!(".{}.briefing", name.to_string_lossy()));
        let mut waiting = Some(waiting);
        loop {
            make_dir(&dir)?;
            let path = dir.join("lock");
            let lock = open_no_follow(&path).map_err(|e| Error::io("open", &path, e))?;
            if !try_lock(&lock).map_err(|e| Error::io("lock", &path, e))? {
                if let Some(waiting) = waiting.take() {
                    waiting();
                }
                wait_for_lock(&lock).map_err(|e| Error::io("lock", &path, e))?;
            }
            // The build that held it may have removed the workspace on its way out:
            // then this lock is on a file nobody else will find; take the new one.
            if still_there(&lock, &path) {
                return Ok(Workspace { standby: dir.join("standby"), dir, _lock: lock });
            }
        }
    }
}

impl Drop for Workspace {
    /// A workspace that holds no standby site (a first build, or a refused one) is
    /// removed, so that nothing is left beside the output; the lock is still held.
    fn drop(&mut self) {
        if std::fs::symlink_metadata(&self.standby).is_err() {
            let _ = std::fs::remove_file(self.dir.join("lock"));
            let _ = std::fs::remove_dir(&self.dir);
        }
        // Closing the file (as the fields drop, after this) releases the lock.
    }
}

/// Takes the lock on `file` if it is free (false if another process holds it).
#[cfg(unix)]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use rustix::fs::{FlockOperation, flock};
    match flock(file, FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(true),
        Err(rustix::io::Errno::WOULDBLOCK) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(unix)]
fn wait_for_lock(file: &File) -> std::io::Result<()> {
    Ok(rustix::fs::flock(file, rustix::fs::FlockOperation::LockExclusive)?)
}

// Elsewhere builds are not kept apart (std's own file locks need a newer Rust).
#[cfg(not(unix))]
fn try_lock(_file: &File) -> std::io::Result<bool> {
    Ok(true)
}

#[cfg(not(unix))]
fn wait_for_lock(_file: &File) -> std::io::Result<()> {
    Ok(())
}

/// Makes the workspace folder, unless there is one. A link in the way is removed as a
/// link, never followed; anything else in the way is an error.
fn make_dir(dir: &Path) -> Result<(), Error> {
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::remove_file(dir).map_err(|e| Error::io("remove", dir, e))?;
        }
        Ok(_) => {
            return Err(Error::InTheWay { path: dir.to_path_buf(), why: "it is not a folder briefing made".into() });
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io("read", dir, e)),
    }
    match std::fs::create_dir(dir) {
        Err(e) if e.kind() != ErrorKind::AlreadyExists => Err(Error::io("create folder", dir, e)),
        _ => Ok(()),
    }
}

/// Whether the open `file` is still the one at `path`.
fn still_there(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(open), Ok(named)) => open.dev() == named.dev() && open.ino() == named.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Opens (creating) a file for locking; a link at its place is an error, not followed.
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32);
    }
    options.open(path)
}
