//! Stage 2: parse. Each source file on its own becomes a typed record; nothing here
//! looks at other files. Steps per file:
//! 1. split front matter from body (`front_matter`), or take the whole YAML file;
//! 2. parse the YAML into a data tree (`yaml`);
//! 3. read the known fields with their types, rejecting unknown keys (`fields`, `records`);
//! 4. render the Markdown body, collecting links and anchors (`markdown`).

pub mod fields;
pub mod front_matter;
pub mod markdown;
pub mod records;
pub mod yaml;

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Position};
use crate::read::Format;
pub use records::*;

/// Where in a file a value sits, resolved to a line and column only when reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// The start of the file's fields (the opening `---` of front matter).
    Start,
    Yaml(yaml::YamlPath, yaml::Target),
    /// A byte range within the Markdown body.
    Body(usize, usize),
}

/// How to turn an `At` into a line and column in one file.
#[derive(Debug, Clone)]
pub struct Place {
    pub path: String,
    pub format: Format,
    /// Byte range of the YAML within the file's text.
    pub yaml: Range<usize>,
    /// Byte range of the Markdown body (Markdown files).
    pub body: Range<usize>,
    /// The field that holds the body (YAML files): `body`, `bio` or `description`.
    pub body_key: &'static str,
}

impl Place {
    pub fn diagnostic(&self, text: &str, at: &At, diagnostic: Diagnostic) -> Diagnostic {
        match self.position(text, at) {
            Some(p) => diagnostic.at(text, p),
            None => diagnostic,
        }
    }

    pub fn position(&self, text: &str, at: &At) -> Option<Position> {
        let yaml_text = text.get(self.yaml.clone())?;
        let lines_before = text[..self.yaml.start].matches('\n').count();
        match at {
            At::Start => Some(Position::new(1, 1, if self.format == Format::Markdown { 3 } else { 1 })),
            At::Yaml(path, target) => {
                let p = yaml::locate(yaml_text, path, *target)?;
                Some(Position::new(p.line + lines_before, p.col, p.len))
            }
            At::Body(offset, len) if self.format == Format::Markdown => {
                Some(Position::of_offset(text, self.body.start + offset, *len))
            }
            At::Body(offset, len) => self.position_in_yaml_body(text, yaml_text, *offset, *len),
        }
    }

    /// A body held in a YAML field: a block scalar (`body: |`) starts on the next line,
    /// indented; a one-line scalar starts where it is.
    fn position_in_yaml_body(&self, text: &str, yaml_text: &str, offset: usize, len: usize) -> Option<Position> {
        let path = vec![yaml::Seg::Key(self.body_key.to_owned())];
        let start = yaml::locate(yaml_text, &path, yaml::Target::Value)?;
        let body_value = yaml::parse(yaml_text).ok()?;
        let body = body_value.get(self.body_key)?.as_str()?;
        let inner = Position::of_offset(body, offset, len);
        let start_line_text = text.lines().nth(start.line - 1).unwrap_or("");
        let rest = start_line_text.chars().skip(start.col - 1).collect::<String>();
        if rest.starts_with('|') || rest.starts_with('>') {
            let line = start.line + inner.line;
            let indent = text.lines().nth(line - 1).map_or(0, |l| l.len() - l.trim_start().len());
            Some(Position::new(line, indent + inner.col, inner.len))
        } else if inner.line == 1 {
            Some(Position::new(start.line, start.col + inner.col, inner.len))
        } else {
            Some(start)
        }
    }
}

/// Byte ranges for a Markdown file's parts, or the error that stops it being read.
pub fn place_of(path: &str, format: Format, text: &str, body_key: &'static str) -> Result<Place, Diagnostic> {
    if text.trim().is_empty() {
        let hint = match format {
            Format::Markdown => "start with `---`, the fields (`title:`, `date:` …), `---`, then the text",
            Format::Yaml => "add the fields, such as `title:` or `name:`",
        };
        return Err(Diagnostic::error(path, "this file is empty").with_hint(hint));
    }
    match format {
        Format::Markdown => {
            let split = front_matter::split(path, text)?;
            Ok(Place { path: path.to_owned(), format, yaml: split.yaml, body: split.body, body_key })
        }
        Format::Yaml => Ok(Place { path: path.to_owned(), format, yaml: 0..text.len(), body: 0..0, body_key }),
    }
}
