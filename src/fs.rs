//! Thin wrappers over file-system calls whose errors always name the path.

use std::io;
use std::path::Path;

/// An I/O failure, already worded for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FsError(pub String);

impl std::fmt::Display for FsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn wrap<T>(what: &str, path: &Path, result: io::Result<T>) -> Result<T, FsError> {
    result.map_err(|e| FsError(format!("cannot {what} {}: {e}", path.display())))
}

pub fn read(path: &Path) -> Result<Vec<u8>, FsError> {
    wrap("read", path, std::fs::read(path))
}

pub fn write(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    wrap("write", path, std::fs::write(path, bytes))
}

pub fn create_dir_all(path: &Path) -> Result<(), FsError> {
    wrap("create folder", path, std::fs::create_dir_all(path))
}

pub fn rename(from: &Path, to: &Path) -> Result<(), FsError> {
    std::fs::rename(from, to).map_err(|e| FsError(format!("cannot move {} to {}: {e}", from.display(), to.display())))
}

/// A path relative to `root`, with `/` separators, for messages and output paths.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
