//! Stage 1: read the site from disk. `content/` becomes a list of source files, each
//! with its kind; nothing is interpreted yet.

use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fs::{self, FsError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Article,
    Actor,
    Proposal,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Article, Kind::Actor, Kind::Proposal];

    /// The folder under `content/` (and the URL segment) for this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Article => "articles",
            Kind::Actor => "actors",
            Kind::Proposal => "proposals",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Actor => "actor",
            Kind::Proposal => "proposal",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Yaml,
}

/// One content file, read whole.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root, `/`-separated: `content/articles/talks.md`.
    pub path: String,
    pub kind: Kind,
    pub format: Format,
    /// File name without extension: the default id.
    pub stem: String,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct Sources {
    /// `content/site.yaml`, if present.
    pub site: Option<SourceFile>,
    /// Articles, actors and proposals, sorted by path.
    pub items: Vec<SourceFile>,
    /// Kind and id of content files that could not be read as text, whose own error
    /// is reported: references to them are not reported again.
    pub unreadable: Vec<(Kind, String)>,
}

/// What reading one path gave.
enum Read {
    File(SourceFile),
    /// A problem with a file that holds no item (misplaced, wrong extension).
    Skipped(Diagnostic),
    /// An item's file that is not text.
    Unreadable(Kind, String, Diagnostic),
}

/// Reads every content file under `root/content`. Problems with single files (not
/// UTF-8, misplaced, wrong extension) become diagnostics; only a missing or unreadable
/// `content/` folder is fatal.
pub fn read_content(root: &Path, diagnostics: &mut Diagnostics) -> Result<Sources, FsError> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(FsError(format!(
            "no content/ folder in {}: is this a briefing site? (use --root to point at one)",
            root.display()
        )));
    }
    let mut paths = Vec::new();
    for entry in WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.map_err(|e| FsError(format!("cannot read {}: {e}", content.display())))?;
        if entry.file_type().is_file() && !is_hidden(entry.file_name()) {
            paths.push(entry.into_path());
        }
    }
    let read: Vec<Read> = paths.par_iter().map(|p| read_one(root, p)).collect();
    let mut sources = Sources::default();
    for result in read {
        match result {
            Read::File(file) if file.path == "content/site.yaml" => sources.site = Some(file),
            Read::File(file) => sources.items.push(file),
            Read::Skipped(d) => diagnostics.push(d),
            Read::Unreadable(kind, stem, d) => {
                sources.unreadable.push((kind, stem));
                diagnostics.push(d);
            }
        }
    }
    Ok(sources)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~')
}

fn read_one(root: &Path, path: &Path) -> Read {
    let rel = fs::relative(root, path);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = match extension {
        "md" | "markdown" => Format::Markdown,
        "yaml" | "yml" => Format::Yaml,
        _ => {
            return Read::Skipped(
                Diagnostic::warning(&rel, "ignored: content files end in .md or .yaml")
                    .with_hint("keep images and other files in static/"),
            );
        }
    };
    let kind = if rel == "content/site.yaml" {
        Kind::Article // not used for site.yaml
    } else {
        let folder = rel.split('/').nth(1).unwrap_or("");
        match Kind::ALL.into_iter().find(|k| k.folder() == folder) {
            Some(kind) if rel.matches('/').count() >= 2 => kind,
            _ => {
                return Read::Skipped(
                    Diagnostic::error(
                        &rel,
                        "this file is not in content/articles/, content/actors/ or content/proposals/",
                    )
                    .with_hint("move it into the folder of its kind; only site.yaml lives at the top of content/"),
                );
            }
        }
    };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => return Read::Unreadable(kind, stem, Diagnostic::error(&rel, e.0)),
    };
    match String::from_utf8(bytes) {
        // Editors on Windows start files with a byte order mark; it is not content.
        Ok(text) => {
            let text = match text.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_owned(),
                None => text,
            };
            Read::File(SourceFile { path: rel, kind, format, stem, text })
        }
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
            let position = crate::diagnostic::Position::of_offset(&valid, offset, 0);
            let d = Diagnostic { position: Some(position), ..Diagnostic::error(&rel, "this file is not UTF-8 text") }
                .with_hint("save it as UTF-8 in your editor; binary files belong in static/");
            Read::Unreadable(kind, stem, d)
        }
    }
}
