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
pub mod settings;
pub mod yaml;

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Position};
use crate::read::Format;
pub use records::*;

/// Whether `text` may hold a control character other than tab and line breaks (C0,
/// DEL, or a C1 control, whose UTF-8 starts with 0xC2): a quick look at every byte,
/// without stopping early, so that it runs on whole vectors of bytes. A `true` is only
/// a maybe (0xC2 also starts `é`'s neighbours such as `©`); the caller looks closer.
pub fn may_hold_controls(text: &str) -> bool {
    text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(false, |found, &b| {
            found | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f) | (b == 0xc2)
        })
    })
}

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

    /// A body held in a YAML field. Block, folded and quoted values do not map
    /// character for character onto the file, so the text at the offset is looked for
    /// in the file after the key: the k-th occurrence in the body is the k-th there.
    fn position_in_yaml_body(&self, text: &str, yaml_text: &str, offset: usize, len: usize) -> Option<Position> {
        let path = vec![yaml::Seg::Key(self.body_key.to_owned())];
        let value = yaml::locate(yaml_text, &path, yaml::Target::Value)?;
        let body_value = yaml::parse(yaml_text).ok()?;
        let body = body_value.get(self.body_key)?.as_str()?;
        let needle = body.get(offset..offset + len)?;
        let fallback = Position::new(value.line, value.col, 1);
        if needle.is_empty() {
            return Some(fallback);
        }
        let nth = body[..offset].matches(needle).count();
        let value_start = line_start(text, value.line) + value_line_bytes(text, value.line, value.col);
        match text[value_start..].match_indices(needle).nth(nth) {
            Some((i, _)) => Some(Position::of_offset(text, value_start + i, len)),
            None => Some(fallback),
        }
    }
}

/// Byte offset where 1-based `line` starts.
fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n').nth(line - 2).map_or(text.len(), |(i, _)| i + 1)
}

/// Bytes before 1-based column `col` on 1-based `line`.
fn value_line_bytes(text: &str, line: usize, col: usize) -> usize {
    let start = line_start(text, line);
    text[start..].char_indices().nth(col.saturating_sub(1)).map_or(0, |(i, _)| i)
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
        let body_key = if text.starts_with("name") { "bio" } else { "body" };
        Place { path: "a.yaml".into(), format: Format::Yaml, yaml: 0..text.len(), body: 0..0, body_key }
    }

    #[test]
    fn the_quick_look_for_controls_misses_none() {
        let controls = (0..=0x10ffff_u32).filter_map(char::from_u32).filter(|c| c.is_control());
        for c in controls.filter(|c| !matches!(c, '\t' | '\n' | '\r')) {
            // At every position within a 64-byte chunk, and across the chunk's end.
            for before in [0, 30, 62, 63, 64, 100] {
                let text = format!("{}{c}tail", "a".repeat(before));
                assert!(may_hold_controls(&text), "{c:?} after {before} bytes");
            }
        }
        assert!(!may_hold_controls("Plain text,\ttabs,\r\nline breaks, é and — and 🙂."));
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
    fn places_in_folded_and_quoted_bodies_land_on_the_link() {
        let text = "name: Bob\nbio: >\n  See the\n  [x](actor:nope) here, [y](actor:nope).\n";
        let place = yaml_place(text);
        // The folded value is "See the [x](actor:nope) here, [y](actor:nope).\n".
        assert_eq!(place.position(text, &At::Body(12, 10)), Some(Position::new(4, 7, 10)));
        assert_eq!(place.position(text, &At::Body(33, 10)), Some(Position::new(4, 28, 10)));
    }

    #[test]
    fn places_in_a_one_line_body_land_on_their_column() {
        let text = "title: x\nbody: See [a](actor:nope)\n";
        let place = yaml_place(text);
        assert_eq!(place.position(text, &At::Body(8, 10)), Some(Position::new(2, 15, 10)));
    }
}
