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

    /// A body held in a YAML field: a block scalar (`body: |`) starts on the line after
    /// its key, indented; a one-line scalar starts where it is.
    fn position_in_yaml_body(&self, text: &str, yaml_text: &str, offset: usize, len: usize) -> Option<Position> {
        let path = vec![yaml::Seg::Key(self.body_key.to_owned())];
        let key = yaml::locate(yaml_text, &path, yaml::Target::Key)?;
        let value = yaml::locate(yaml_text, &path, yaml::Target::Value)?;
        let body_value = yaml::parse(yaml_text).ok()?;
        let body = body_value.get(self.body_key)?.as_str()?;
        let inner = Position::of_offset(body, offset, len);
        let key_line = text.lines().nth(key.line - 1).unwrap_or("");
        let after_colon = key_line.split_once(':').map_or("", |(_, rest)| rest).trim_start();
        if after_colon.starts_with('|') {
            let line = key.line + inner.line;
            let indent = text.lines().nth(line - 1).map_or(0, |l| l.len() - l.trim_start().len());
            return Some(Position::new(line, indent + inner.col, inner.len));
        }
        // A plain value on one line is the body character for character; folded,
        // quoted or multi-line values are not, so their errors point at the value.
        let value_line = text.lines().nth(value.line - 1).unwrap_or("");
        let written: String = value_line.chars().skip(value.col - 1).collect();
        if written.trim_end() == body.trim_end() {
            Some(Position::new(value.line, value.col + inner.col - 1, inner.len))
        } else {
            Some(Position::new(value.line, value.col, 1))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml_place(text: &str) -> Place {
        Place { path: "a.yaml".into(), format: Format::Yaml, yaml: 0..text.len(), body: 0..0, body_key: "body" }
    }

    #[test]
    fn places_in_a_block_scalar_body_land_on_their_line_and_column() {
        let text = "title: x\nbody: |\n  Hello [a](actor:nope)\n  Second [b](actor:other)\n";
        let place = yaml_place(text);
        // Offsets within the body's value, "Hello [a](actor:nope)\nSecond [b](actor:other)\n".
        assert_eq!(place.position(text, &At::Body(10, 10)), Some(Position::new(3, 13, 10)));
        assert_eq!(place.position(text, &At::Body(33, 11)), Some(Position::new(4, 14, 11)));
    }

    #[test]
    fn places_in_a_one_line_body_land_on_their_column() {
        let text = "title: x\nbody: See [a](actor:nope)\n";
        let place = yaml_place(text);
        assert_eq!(place.position(text, &At::Body(8, 10)), Some(Position::new(2, 15, 10)));
    }
}
