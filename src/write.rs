//! Stage 5: write. The only stage that changes the output folder: files go to a
//! staging folder beside it, which replaces the old output only once complete, so a
//! failed build never leaves a half-written or missing site.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::fs::{self, FsError};
use crate::render::OutputFile;

/// Writes `files` as the folder `output`, replacing what was there only on success.
pub fn write_site(output: &Path, files: &[OutputFile]) -> Result<(), FsError> {
    let (staging, old) = sibling_paths(output)?;
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    if let Err(e) = write_all(&staging, files) {
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    swap(&staging, output, &old)
}

/// `.NAME.staging` and `.NAME.old` next to the output folder.
fn sibling_paths(output: &Path) -> Result<(PathBuf, PathBuf), FsError> {
    let name = output
        .file_name()
        .ok_or_else(|| FsError(format!("{} is not a folder name that can be written", output.display())))?
        .to_string_lossy()
        .into_owned();
    let parent = output.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let parent = if parent.as_os_str().is_empty() { PathBuf::from(".") } else { parent };
    fs::create_dir_all(&parent)?;
    Ok((parent.join(format!(".{name}.staging")), parent.join(format!(".{name}.old"))))
}

fn write_all(dir: &Path, files: &[OutputFile]) -> Result<(), FsError> {
    let folders: BTreeSet<PathBuf> =
        files.iter().filter_map(|f| dir.join(&f.path).parent().map(Path::to_path_buf)).collect();
    fs::create_dir_all(dir)?;
    for folder in &folders {
        fs::create_dir_all(folder)?;
    }
    files.par_iter().try_for_each(|f| fs::write(&dir.join(&f.path), &f.bytes))
}

/// Moves the new site into place; the old one is removed only after.
fn swap(staging: &Path, output: &Path, old: &Path) -> Result<(), FsError> {
    if old.exists() {
        fs::remove_dir_all(old)?;
    }
    let had_output = output.exists();
    if had_output {
        fs::rename(output, old)?;
    }
    if let Err(e) = fs::rename(staging, output) {
        if had_output {
            let _ = std::fs::rename(old, output);
        }
        let _ = std::fs::remove_dir_all(staging);
        return Err(e);
    }
    if had_output {
        fs::remove_dir_all(old)?;
    }
    Ok(())
}
