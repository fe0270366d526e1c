//! The theme: the built-in templates and static files (the repository's `templates/`
//! and `static/`, embedded in the binary), overridden file by file by the site's own.

use std::path::Path;

use walkdir::WalkDir;

use crate::error::Error;
use crate::fs;

/// Where a template or static file came from, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    BuiltIn,
    Site,
}

#[derive(Debug, Clone)]
pub(crate) struct TemplateFile {
    /// Name as templates refer to it: `article.html`, `partials/nav.html`.
    pub(crate) name: String,
    pub(crate) text: String,
    pub(crate) origin: Origin,
}

impl TemplateFile {
    /// The path to show in messages: `templates/article.html`, or the built-in one.
    pub(crate) fn display_path(&self) -> String {
        match self.origin {
            Origin::Site => format!("templates/{}", self.name),
            Origin::BuiltIn => format!("templates/{} (built-in theme)", self.name),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Theme {
    pub(crate) templates: Vec<TemplateFile>,
    /// Output path (relative to the output root) and contents.
    pub(crate) static_files: Vec<(String, Vec<u8>)>,
    /// The site's `templates/strings.yaml`, laid over the theme's (see `parse::strings`).
    pub(crate) strings: Option<String>,
}

macro_rules! embedded {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../", $dir, "/", $name)) as &[u8])),*]
    };
}

/// The page templates docs/pages.md names under "Templates", plus the partials they share.
pub(crate) const BUILT_IN_TEMPLATES: &[(&str, &[u8])] = embedded!("templates":
    "base.html", "index.html", "articles.html", "article.html", "actors.html", "actor.html",
    "proposals.html", "proposal.html", "compare.html", "topics.html", "topic.html", "categories.html", "category.html",
    "timeline.html", "404.html", "redirect.html", "sources.html", "source.html", "changes.html", "partials/evidence.html",
);

/// The theme's words, which are not a template (see `parse::strings`), and its own.
pub(crate) const STRINGS: &str = "strings.yaml";
pub(crate) const BUILT_IN_STRINGS: &str = include_str!("../templates/strings.yaml");

pub(crate) const BUILT_IN_STATIC: &[(&str, &[u8])] = embedded!("static": "style.css", "search.js", "favicon.svg");

impl Theme {
    pub(crate) fn built_in() -> Theme {
        let templates = BUILT_IN_TEMPLATES
            .iter()
            .map(|(name, bytes)| TemplateFile {
                name: (*name).to_owned(),
                text: String::from_utf8_lossy(bytes).into_owned(),
                origin: Origin::BuiltIn,
            })
            .collect();
        let static_files = BUILT_IN_STATIC.iter().map(|(n, b)| ((*n).to_owned(), b.to_vec())).collect();
        Theme { templates, static_files, strings: None }
    }

    /// The built-in theme with the site's `templates/` and `static/` laid over it.
    pub(crate) fn load(root: &Path) -> Result<Theme, Error> {
        let mut theme = Theme::built_in();
        for (name, bytes) in files_under(&root.join("templates"))? {
            let Ok(text) = String::from_utf8(bytes) else { return Err(Error::TemplateNotText { name }) };
            if name == STRINGS {
                theme.strings = Some(text);
                continue;
            }
            let file = TemplateFile { name, text, origin: Origin::Site };
            match theme.templates.iter_mut().find(|t| t.name == file.name) {
                Some(existing) => *existing = file,
                None => theme.templates.push(file),
            }
        }
        for (name, bytes) in files_under(&root.join("static"))? {
            match theme.static_files.iter_mut().find(|(n, _)| *n == name) {
                Some(existing) => existing.1 = bytes,
                None => theme.static_files.push((name, bytes)),
            }
        }
        theme.static_files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(theme)
    }
}

/// Every file below `dir` (none if it does not exist), by `/`-separated relative path.
fn files_under(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let mut out = Vec::new();
    // Links (and special files) are left out, `templates` or `static` itself too: a link
    // could publish anything on the machine. `read::list_content` warns about each.
    if !crate::read::is_real_dir(dir) {
        return Ok(out);
    }
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Error::Walk { dir: dir.to_path_buf(), source: e })?;
        if entry.file_type().is_file() && !entry.file_name().to_string_lossy().starts_with('.') {
            out.push((fs::relative(dir, entry.path()), fs::read(entry.path())?));
        }
    }
    Ok(out)
}
