//! Stage 5: write. The only stage that changes the output folder, and only a folder
//! that briefing made (or an empty or new one). Steps:
//! 1. resolve the output path and refuse dangerous ones (`paths`);
//! 2. take the output's workspace and its lock, one build at a time (`workspace`);
//! 3. judge the output by its manifest and what it holds (`manifest`, `survey`), while
//!    the site is read and parsed (`Output::survey_beside`);
//! 4. write the new site into the standby folder, changing only what differs, its
//!    folders made ahead of the pages (`site`);
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
use std::path::{Path, PathBuf};

pub(crate) use site::Written;

use manifest::{Entry, Manifest};
use site::SiteWriter;
use survey::Survey;
use workspace::Workspace;

use crate::error::Error;
use crate::stopwatch::Stopwatch;

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
pub(crate) struct Output {
    path: PathBuf,
    workspace: Workspace,
}

impl Output {
    /// Resolves `output` (`..` and links), refuses places a build must never write to,
    /// and takes the output's lock, waiting while another build holds it (`waiting` is
    /// called first).
    pub(crate) fn claim(root: &Path, output: &Path, waiting: impl FnOnce()) -> Result<Output, Error> {
        let resolve = |p: &Path| paths::resolve(p).map_err(|e| Error::io("resolve", p, e));
        let (root, path) = (resolve(root)?, resolve(output)?);
        paths::guard(&root, &path)?;
        let workspace = Workspace::claim(&path, waiting)?;
        swap::recover(&workspace.standby, &path)?;
        Ok(Output { path, workspace })
    }

    /// `survey`, on another thread while `work` runs (the slow part of preparing, which
    /// the reading and parsing of the site hide).
    pub(crate) fn survey_beside<R>(
        &self,
        shaped: impl Fn(&str) -> bool + Send,
        work: impl FnOnce() -> R,
    ) -> (R, Result<Surveyed, Error>) {
        std::thread::scope(|scope| {
            let surveyed = scope.spawn(|| {
                let mut clock = Stopwatch::start();
                let surveyed = self.survey(shaped);
                clock.lap("survey (beside)");
                surveyed
            });
            let done = work();
            let surveyed = surveyed.join().unwrap_or(Err(Error::Thread { what: "looking at the output folder" }));
            (done, surveyed)
        })
    }

    /// Looks at what the output holds and decides whether the output may be written.
    /// `shaped` tells whether a path is one a build could have written (for an output
    /// from before manifests).
    fn survey(&self, shaped: impl Fn(&str) -> bool) -> Result<Surveyed, Error> {
        Ok(Surveyed { live: judge(&self.path, shaped)?, standby: standby_state(&self.workspace.standby) })
    }

    /// Starts writing the new site (into the standby folder).
    pub(crate) fn begin(self, surveyed: Surveyed) -> Result<SiteWriter, Error> {
        let standby = &self.workspace.standby;
        let before = match surveyed.standby {
            Some(files) => {
                // From here on the standby no longer matches its manifest.
                Manifest::forget(standby)?;
                files
            }
            None => {
                clear(standby)?;
                std::fs::create_dir(standby).map_err(|e| Error::io("create folder", standby, e))?;
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
pub(crate) struct Surveyed {
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
fn judge(path: &Path, shaped: impl Fn(&str) -> bool) -> Result<Judged, Error> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Judged::Missing),
        Err(e) => return Err(Error::io("read", path, e)),
        Ok(meta) if !meta.is_dir() => {
            return Err(Error::Refused { output: path.to_path_buf(), why: "it is a file, not a folder".into() });
        }
        Ok(_) => {}
    }
    let survey = Survey::of(path)?;
    if let Some(manifest) = Manifest::read(path) {
        let foreign = survey.unlisted(&manifest);
        if !foreign.is_empty() {
            return Err(Error::NotOurs { output: path.to_path_buf(), entries: foreign, built_before: true });
        }
        return Ok(Judged::Owned(survey.intact(manifest)));
    }
    if survey.files.is_empty() && survey.odd.is_empty() && is_empty(path) {
        return Ok(Judged::Empty);
    }
    if made_by_an_earlier_version(path, &survey, shaped) {
        return Ok(Judged::Legacy(survey.files));
    }
    Err(Error::NotOurs { output: path.to_path_buf(), entries: top_entries(path)?, built_before: false })
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
fn top_entries(path: &Path) -> Result<Vec<String>, Error> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).map_err(|e| Error::io("read", path, e))? {
        let entry = entry.map_err(|e| Error::io("read", path, e))?;
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
fn clear(path: &Path) -> Result<(), Error> {
    let result = match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => Err(e),
        Ok(meta) if meta.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
    };
    result.map_err(|e| Error::io("remove", path, e))
}
