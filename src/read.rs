//! Stage 1: read the site from disk. `content/` becomes a list of source files, each
//! with its kind; nothing is interpreted yet.

use std::path::{Path, PathBuf};

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

/// One content file. Its text is read by the parse stage, which lets it go once the
/// file is parsed (a big site's text is never held whole); `placement_text` reads it
/// again for the few messages that quote a line.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the site root, `/`-separated: `content/articles/talks.md`.
    pub path: String,
    /// Where it is on disk.
    pub full_path: PathBuf,
    pub kind: Kind,
    pub format: Format,
    /// File name without extension: the default id.
    pub stem: String,
    /// The text, while it is kept (empty otherwise).
    pub text: String,
}

impl SourceFile {
    /// Reads the file's text (without a byte order mark), or the error to report.
    pub fn read_text(&self) -> Result<String, Diagnostic> {
        let bytes = fs::read(&self.full_path).map_err(|e| Diagnostic::error(&self.path, e.0))?;
        match String::from_utf8(bytes) {
            // Editors on Windows start files with a byte order mark; it is not content.
            Ok(text) => Ok(match text.strip_prefix('\u{feff}') {
                Some(rest) => rest.to_owned(),
                None => text,
            }),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let valid = String::from_utf8_lossy(&e.as_bytes()[..offset]).into_owned();
                let position = crate::diagnostic::Position::of_offset(&valid, offset, 0);
                Err(Diagnostic {
                    position: Some(position),
                    ..Diagnostic::error(&self.path, "this file is not UTF-8 text")
                }
                .with_hint("save it as UTF-8 in your editor; binary files belong in static/"))
            }
        }
    }

    /// The text to quote a line of in a message: the kept text, or the file read again.
    pub fn placement_text(&self) -> std::borrow::Cow<'_, str> {
        if self.text.is_empty() {
            std::borrow::Cow::Owned(self.read_text().unwrap_or_default())
        } else {
            std::borrow::Cow::Borrowed(&self.text)
        }
    }
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

/// What finding one path gave.
enum Found {
    File(SourceFile),
    /// A problem with a file that holds no item (misplaced, wrong extension).
    Skipped(Diagnostic),
}

/// Finds every content file under `root/content`, without reading the items (the parse
/// stage reads each as it parses it); `site.yaml` is read. Problems with single files
/// (misplaced, wrong extension, site.yaml not UTF-8) become diagnostics; only a missing
/// or unreadable `content/` folder is fatal.
pub fn list_content(root: &Path, diagnostics: &mut Diagnostics) -> Result<Sources, FsError> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(FsError(format!(
            "no content/ folder in {}: is this a briefing site? (use --root to point at one)",
            root.display()
        )));
    }
    let mut sources = Sources::default();
    for entry in WalkDir::new(&content).sort_by_file_name() {
        let entry = entry.map_err(|e| FsError(format!("cannot read {}: {e}", content.display())))?;
        if !entry.file_type().is_file() || is_hidden(entry.file_name()) {
            continue;
        }
        match find_one(root, entry.into_path()) {
            Found::File(file) if file.path == "content/site.yaml" => match file.read_text() {
                Ok(text) => sources.site = Some(SourceFile { text, ..file }),
                Err(d) => diagnostics.push(d),
            },
            Found::File(file) => sources.items.push(file),
            Found::Skipped(d) => diagnostics.push(d),
        }
    }
    Ok(sources)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~')
}

fn find_one(root: &Path, path: PathBuf) -> Found {
    let rel = fs::relative(root, &path);
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let format = match extension {
        "md" | "markdown" => Format::Markdown,
        "yaml" | "yml" => Format::Yaml,
        _ => {
            return Found::Skipped(
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
                return Found::Skipped(
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
    Found::File(SourceFile { path: rel, full_path: path, kind, format, stem, text: String::new() })
}
