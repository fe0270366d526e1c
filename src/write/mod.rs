//! Stage 5: write. The only stage that changes the output folder, and only a folder
//! that briefing made (or an empty or new one). Steps:
//! 1. resolve the output path and refuse dangerous ones (`paths`);
//! 2. take the output's workspace and its lock, one build at a time (`workspace`);
//! 3. judge the output by its manifest and what it holds (`manifest`, `survey`);
//! 4. write the new site into the standby folder, changing only what differs (`site`);
//! 5. swap the standby with the output in one step (`swap`).
//!
//! A failed or interrupted build leaves the output exactly as it was.

mod manifest;
mod paths;
mod site;
mod survey;
mod swap;
mod workspace;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use site::Written;

use manifest::{Entry, Manifest};
use site::SiteWriter;
use survey::Survey;
use workspace::Workspace;

/// Why the output could not be written.
#[derive(Debug)]
pub enum WriteError {
    /// The output is a place a build must never write to.
    Refused {
        output: PathBuf,
        why: String,
    },
    /// The output holds files that briefing did not make.
    NotOurs {
        output: PathBuf,
        entries: Vec<String>,
        built_before: bool,
    },
    /// Something that is not ours stands where the build needs a folder of its own.
    InTheWay {
        path: PathBuf,
        why: String,
    },
    Io {
        what: &'static str,
        path: PathBuf,
        error: std::io::Error,
    },
}

impl WriteError {
    pub(crate) fn io(what: &'static str, path: &Path, error: std::io::Error) -> WriteError {
        WriteError::Io { what, path: path.to_path_buf(), error }
    }
}

/// Entries listed in a refusal before "and N more".
const SHOWN_ENTRIES: usize = 5;

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Refused { output, why } => {
                write!(f, "refusing to build into {}: {why} (choose another folder with --output)", output.display())
            }
            WriteError::NotOurs { output, entries, built_before } => {
                let what = if *built_before { "files that briefing did not make" } else { "files" };
                writeln!(f, "refusing to build into {}: it holds {what}:", output.display())?;
                for entry in entries.iter().take(SHOWN_ENTRIES) {
                    writeln!(f, "  {entry}")?;
                }
                if entries.len() > SHOWN_ENTRIES {
                    writeln!(f, "  … and {} more", entries.len() - SHOWN_ENTRIES)?;
                }
                if *built_before {
                    write!(
                        f,
                        "A build replaces only what it wrote. Files to publish with the site belong in static/: \
                         move these there, or out of {}.",
                        output.display()
                    )
                } else {
                    write!(
                        f,
                        "briefing writes only into a new folder, an empty one, or one it built before. \
                         Choose another with --output (such as a new folder `public`), or empty this one yourself."
                    )
                }
            }
            WriteError::InTheWay { path, why } => write!(f, "cannot build: {} is in the way: {why}", path.display()),
            WriteError::Io { what, path, error } => write!(f, "cannot {what} {}: {error}", path.display()),
        }
    }
}

impl std::error::Error for WriteError {}

/// What the output held when the build began.
pub(crate) enum Live {
    /// Nothing (a new or empty folder).
    Nothing,
    /// Files a build listed in its manifest and that are still as it wrote them.
    Known(HashMap<String, Entry>),
    /// Files an earlier version of briefing wrote, before manifests: sizes and times.
    Unlisted(HashMap<String, (u64, i128)>),
}

/// An output folder claimed for one build: resolved, judged and locked.
pub struct Output {
    path: PathBuf,
    workspace: Workspace,
}

impl Output {
    /// Resolves `output` (`..` and links), refuses places a build must never write to,
    /// and takes the output's lock, waiting while another build holds it (`waiting` is
    /// called first).
    pub fn claim(root: &Path, output: &Path, waiting: impl FnOnce()) -> Result<Output, WriteError> {
        let resolve = |p: &Path| paths::resolve(p).map_err(|e| WriteError::io("resolve", p, e));
        let (root, path) = (resolve(root)?, resolve(output)?);
        paths::guard(&root, &path)?;
        let workspace = Workspace::claim(&path, waiting)?;
        swap::recover(&workspace.standby, &path)?;
        Ok(Output { path, workspace })
    }

    /// The output folder, resolved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Looks at what the output holds (the slow part of preparing, safe to run beside
    /// the parse) and decides whether the output may be written. `shaped` tells whether
    /// a path is one a build could have written (for an output from before manifests).
    pub fn survey(&self, shaped: impl Fn(&str) -> bool) -> Result<Surveyed, WriteError> {
        Ok(Surveyed { live: judge(&self.path, shaped)?, standby: standby_state(&self.workspace.standby) })
    }

    /// Starts writing the new site (into the standby folder).
    pub(crate) fn begin(self, surveyed: Surveyed) -> Result<SiteWriter, WriteError> {
        let standby = &self.workspace.standby;
        let before = match surveyed.standby {
            Some(files) => {
                // From here on the standby no longer matches its manifest.
                Manifest::forget(standby)?;
                files
            }
            None => {
                clear(standby)?;
                std::fs::create_dir(standby).map_err(|e| WriteError::io("create folder", standby, e))?;
                HashMap::new()
            }
        };
        let exists = !matches!(surveyed.live, Judged::Missing);
        let live = match surveyed.live {
            Judged::Missing | Judged::Empty => Live::Nothing,
            Judged::Owned(files) => Live::Known(files),
            Judged::Legacy(files) => Live::Unlisted(files),
        };
        Ok(SiteWriter::new(self.path, exists, live, self.workspace, before))
    }
}

/// What `Output::survey` found.
pub struct Surveyed {
    live: Judged,
    /// The standby's files as its manifest says, or None (start it afresh).
    standby: Option<HashMap<String, Entry>>,
}

enum Judged {
    Missing,
    Empty,
    Owned(HashMap<String, Entry>),
    Legacy(HashMap<String, (u64, i128)>),
}

/// Whether the output at `path` may be written, and what it holds.
fn judge(path: &Path, shaped: impl Fn(&str) -> bool) -> Result<Judged, WriteError> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Judged::Missing),
        Err(e) => return Err(WriteError::io("read", path, e)),
        Ok(meta) if !meta.is_dir() => {
            return Err(WriteError::Refused { output: path.to_path_buf(), why: "it is a file, not a folder".into() });
        }
        Ok(_) => {}
    }
    let survey = Survey::of(path)?;
    if let Some(manifest) = Manifest::read(path) {
        let foreign = survey.unlisted(&manifest);
        if !foreign.is_empty() {
            return Err(WriteError::NotOurs { output: path.to_path_buf(), entries: foreign, built_before: true });
        }
        return Ok(Judged::Owned(survey.intact(manifest)));
    }
    if survey.files.is_empty() && survey.odd.is_empty() && is_empty(path) {
        return Ok(Judged::Empty);
    }
    if made_by_an_earlier_version(path, &survey, shaped) {
        return Ok(Judged::Legacy(survey.files));
    }
    Err(WriteError::NotOurs { output: path.to_path_buf(), entries: top_entries(path)?, built_before: false })
}

/// An output written before builds kept a manifest: its front page says briefing made
/// it, and it holds nothing a build would not write.
fn made_by_an_earlier_version(path: &Path, survey: &Survey, shaped: impl Fn(&str) -> bool) -> bool {
    let front = std::fs::read_to_string(path.join("index.html")).unwrap_or_default();
    survey.odd.is_empty()
        && front.contains("<meta name=\"generator\" content=\"briefing\">")
        && survey.files.keys().all(|p| p == manifest::NAME || shaped(p))
}

fn is_empty(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

/// The entries at the top of `path`, sorted, folders marked with `/`.
fn top_entries(path: &Path) -> Result<Vec<String>, WriteError> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| WriteError::io("read", path, e))? {
        let entry = entry.map_err(|e| WriteError::io("read", path, e))?;
        let dir = entry.file_type().is_ok_and(|t| t.is_dir());
        out.push(format!("{}{}", entry.file_name().to_string_lossy(), if dir { "/" } else { "" }));
    }
    out.sort();
    Ok(out)
}

/// The standby's files as its manifest lists them, or None when it must start afresh
/// (missing, or interrupted: a build takes the manifest away before it changes a
/// thing). It is not walked: every file it keeps as it is, it shares with the output,
/// whose walk sees any change to it; the others are written anew or removed.
fn standby_state(standby: &Path) -> Option<HashMap<String, Entry>> {
    match std::fs::symlink_metadata(standby) {
        Ok(meta) if meta.is_dir() => Manifest::read(standby).map(|m| m.files),
        _ => None,
    }
}

/// Removes whatever is at `path`: a folder tree (links inside it are removed, never
/// followed), a file or a link.
fn clear(path: &Path) -> Result<(), WriteError> {
    let result = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => Err(e),
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
    };
    result.map_err(|e| WriteError::io("remove", path, e))
}
