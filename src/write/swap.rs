//! Swapping the new site in. On Linux and macOS two folders trade places in one step
//! (`renameat2` with `RENAME_EXCHANGE`, `renamex_np` with `RENAME_SWAP`), so there is
//! never an instant without an output folder. Where the file system or the system
//! cannot, the output is moved aside and the new site moved in: two steps, with a
//! moment between them when the output is missing (and put back if the second fails).

use std::path::Path;

use crate::error::Error;

/// Swaps the folders `a` and `b` (on one file system).
pub(crate) fn exchange(a: &Path, b: &Path) -> Result<(), Error> {
    #[cfg(any(target_os = "linux", target_os = "macos"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
            Ok(()) => return Ok(()),
            // Not offered by this file system or kernel: the two-step way below.
            Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {}
            Err(e) => return Err(Error::io("swap in", a, e.into())),
        }
    }
    two_steps(a, b)
}

/// Where `two_steps` puts `b` while `a` moves in.
fn aside(a: &Path) -> std::path::PathBuf {
    a.with_extension("swap")
}

/// Finishes a two-step swap that was interrupted: the output moved aside and not back.
pub(crate) fn recover(a: &Path, b: &Path) -> Result<(), Error> {
    let aside = aside(a);
    if std::fs::symlink_metadata(&aside).is_err() {
        return Ok(());
    }
    if std::fs::symlink_metadata(b).is_err() {
        // The output had been moved aside and nothing took its place: put it back.
        return std::fs::rename(&aside, b).map_err(|e| Error::io("move", &aside, e));
    }
    // The swap had finished but for moving the old site to the standby's place.
    if std::fs::symlink_metadata(a).is_err() {
        return std::fs::rename(&aside, a).map_err(|e| Error::io("move", &aside, e));
    }
    std::fs::remove_dir_all(&aside).map_err(|e| Error::io("remove", &aside, e))
}

fn two_steps(a: &Path, b: &Path) -> Result<(), Error> {
    let aside = aside(a);
    std::fs::rename(b, &aside).map_err(|e| Error::io("move", b, e))?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(Error::io("move", a, e));
    }
    std::fs::rename(&aside, a).map_err(|e| Error::io("move", &aside, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_folders_trade_places_either_way() {
        let dir = std::env::temp_dir().join(format!("briefing-swap-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for (name, text) in [("a", "was a"), ("b", "was b")] {
            std::fs::create_dir_all(dir.join(name)).unwrap();
            std::fs::write(dir.join(name).join("file"), text).unwrap();
        }
        let (a, b) = (dir.join("a"), dir.join("b"));
        exchange(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(b.join("file")).unwrap(), "was a");
        two_steps(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(b.join("file")).unwrap(), "was b");
        assert_eq!(std::fs::read_to_string(a.join("file")).unwrap(), "was a");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "nothing left aside");
        // Killed between the two steps: the output is put back in its place.
        std::fs::rename(&b, aside(&a)).unwrap();
        recover(&a, &b).unwrap();
        assert_eq!(std::fs::read_to_string(b.join("file")).unwrap(), "was b");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "nothing left aside");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
