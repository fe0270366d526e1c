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
    let read: Vec<Result<Option<SourceFile>, Diagnostic>> = paths.par_iter().map(|p| read_one(root, p)).collect();
    let mut sources = Sources::default();
    for result in read {
        match result {
            Ok(Some(file)) if file.path == "content/site.yaml" => sources.site = Some(file),
            Ok(Some(file)) => sources.items.push(file),
            Ok(None) => {}
            Err(d) => diagnostics.push(d),
        }
    }
    Ok(sources)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~')
}

fn read_one(root: &Path, path: &Path) -> Result<Option<SourceFile>, Diagnostic> {
    let rel = fs::relative(root, path);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = match extension {
        "md" | "markdown" => Format::Markdown,
        "yaml" | "yml" => Format::Yaml,
        _ => {
            return Err(Diagnostic::warning(&rel, "ignored: content files end in .md or .yaml")
                .with_hint("keep images and other files in static/"));
        }
    };
    let kind = if rel == "content/site.yaml" {
        Kind::Article // not used for site.yaml
    } else {
        let folder = rel.split('/').nth(1).unwrap_or("");
        match Kind::ALL.into_iter().find(|k| k.folder() == folder) {
            Some(kind) if rel.matches('/').count() >= 2 => kind,
            _ => {
                return Err(Diagnostic::error(
                    &rel,
                    "this file is not in content/articles/, content/actors/ or content/proposals/",
                )
                .with_hint("move it into the folder of its kind; only site.yaml lives at the top of content/"));
            }
        }
    };
    let bytes = fs::read(path).map_err(|e| Diagnostic::error(&rel, e.0))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
        let position = crate::diagnostic::Position::of_offset(&valid, offset, 0);
        Diagnostic { position: Some(position), ..Diagnostic::error(&rel, "this file is not UTF-8 text") }
            .with_hint("save it as UTF-8 in your editor; binary files belong in static/")
    })?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Some(SourceFile { path: rel, kind, format, stem, text }))
}
