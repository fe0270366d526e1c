//! What a build wrote: every file's path, size and hash, kept in the output folder
//! itself (`.briefing-manifest.json`), so that the folder travels with its own
//! description when it is swapped in. The next build reads it to tell its own folder
//! from anyone else's, and to leave unchanged files untouched. The manifest is written
//! last: a file changed since has a later modification time than it (or another size).

use std::collections::HashMap;
use std::io::ErrorKind;
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// The manifest's file name inside the output folder.
pub(crate) const NAME: &str = ".briefing-manifest.json";

const FORMAT: u32 = 1;

/// One file as written: enough to tell whether new bytes are the same as its.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) hash: u128,
    pub(crate) size: u64,
}

impl Entry {
    pub(crate) fn of(bytes: &[u8]) -> Entry {
        Entry { hash: hash(bytes), size: bytes.len() as u64 }
    }

    /// Whether `bytes` are this entry's bytes (a 128-bit hash and the length).
    pub(crate) fn holds(&self, bytes: &[u8]) -> bool {
        self.size == bytes.len() as u64 && self.hash == hash(bytes)
    }
}

pub(crate) fn hash(bytes: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(bytes)
}

/// A file's modification time as stored in an `Entry`.
pub(crate) fn mtime_of(meta: &std::fs::Metadata) -> i128 {
    match meta.modified() {
        Ok(t) => match t.duration_since(SystemTime::UNIX_EPOCH) {
            Ok(d) => d.as_nanos() as i128,
            Err(e) => -(e.duration().as_nanos() as i128),
        },
        Err(_) => 0,
    }
}

#[derive(Debug, Default, Clone)]
pub(crate) struct Manifest {
    pub(crate) files: HashMap<String, Entry>,
    /// When the manifest was written (as `mtime_of`): the files it lists are older.
    pub(crate) written: i128,
}

/// On disk: `{"generator": "briefing", "format": 1, "files": [[path, hash, size], …]}`,
/// sorted by path, so that two builds of one site write the same manifest.
#[derive(Serialize, Deserialize)]
struct Stored {
    generator: String,
    format: u32,
    files: Vec<(String, String, u64)>,
}

impl Manifest {
    /// The manifest in `folder`, if there is one that this version can read.
    pub(crate) fn read(folder: &Path) -> Option<Manifest> {
        let path = folder.join(NAME);
        let written = mtime_of(&std::fs::symlink_metadata(&path).ok().filter(|m| m.is_file())?);
        let bytes = std::fs::read(&path).ok()?;
        let stored: Stored = serde_json::from_slice(&bytes).ok()?;
        if stored.generator != "briefing" || stored.format != FORMAT {
            return None;
        }
        let mut files = HashMap::with_capacity(stored.files.len());
        for (path, hash, size) in stored.files {
            let hash = u128::from_str_radix(&hash, 16).ok()?;
            files.insert(path, Entry { hash, size });
        }
        Some(Manifest { files, written })
    }

    /// The manifest as stored.
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut files: Vec<(String, String, u64)> =
            self.files.iter().map(|(p, e)| (p.clone(), format!("{:032x}", e.hash), e.size)).collect();
        files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let stored = Stored { generator: "briefing".to_owned(), format: FORMAT, files };
        // Strings and numbers only: serializing cannot fail.
        serde_json::to_vec(&stored).unwrap_or_default()
    }

    /// Removes the manifest from `folder`: what is there no longer matches it.
    pub(crate) fn forget(folder: &Path) -> Result<(), Error> {
        let path = folder.join(NAME);
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != ErrorKind::NotFound => Err(Error::io("remove", &path, e)),
            _ => Ok(()),
        }
    }
}
