//! Where in a file a value or a link was written, kept with each record so that errors
//! found in later stages can point at it.

use std::ops::Range;

use super::front_matter;
use super::markdown::Outline;
use super::yaml::Node;
use crate::diagnostic::{Diagnostic, Position};
use crate::vocab::Format;

/// Where in a file a value sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum At {
    /// The start of the file's fields (the opening `---` of front matter).
    Start,
    /// A node of the YAML, where the parser found it (its line counted from the YAML's
    /// first line).
    Yaml(Position),
    /// A byte range of the body: within the Markdown body of a Markdown file, within the
    /// whole file for a YAML file (see `place_body_links`).
    Body(usize, usize),
}

/// How to turn an `At` into a line and column in one file.
#[derive(Debug, Clone)]
pub struct Place {
    pub(crate) path: String,
    pub format: Format,
    /// Byte range of the YAML within the file's text.
    pub(crate) yaml: Range<usize>,
    /// Byte range of the Markdown body (Markdown files).
    pub body: Range<usize>,
}

impl Place {
    pub fn diagnostic(&self, text: &str, at: &At, diagnostic: Diagnostic) -> Diagnostic {
        match self.position(text, at) {
            Some(p) => diagnostic.at(text, p),
            None => diagnostic,
        }
    }

    pub(crate) fn position(&self, text: &str, at: &At) -> Option<Position> {
        match at {
            At::Start => Some(Position::new(1, 1, if self.format == Format::Markdown { 3 } else { 1 })),
            At::Yaml(p) => Some(Position::new(p.line + self.lines_before_yaml(text)?, p.col, p.len)),
            At::Body(offset, len) => {
                let start = if self.format == Format::Markdown { self.body.start } else { 0 };
                text.get(start..)?;
                Some(Position::of_offset(text, start + offset, *len))
            }
        }
    }

    fn lines_before_yaml(&self, text: &str) -> Option<usize> {
        Some(text.get(..self.yaml.start)?.matches('\n').count())
    }
}

/// Byte ranges for a file's parts, or the error that stops it being read.
pub(crate) fn place_of(path: &str, format: Format, text: &str) -> Result<Place, Diagnostic> {
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
            Ok(Place { path: path.to_owned(), format, yaml: split.yaml, body: split.body })
        }
        Format::Yaml => Ok(Place { path: path.to_owned(), format, yaml: 0..text.len(), body: 0..0 }),
    }
}

/// Turns the offsets of a YAML file's body links (within `node`'s text) into offsets
/// within the file. A literal block's lines are the file's lines less their
/// indentation; other styles (folded, quoted, plain over lines) do not map character
/// for character, so the k-th occurrence of a link's text in the value is taken to be
/// its k-th occurrence in the file after the value starts.
pub(crate) fn place_body_links(text: &str, node: &Node, outline: &mut Outline) {
    let Some(value) = node.as_str() else { return };
    let mut spans: Vec<(&mut usize, usize)> = outline.links.iter_mut().map(|l| (&mut l.offset, l.len)).collect();
    spans.extend(outline.unsafe_urls.iter_mut().map(|u| (&mut u.offset, u.len)));
    spans.extend(outline.citations.iter_mut().map(|c| (&mut c.offset, c.len)));
    if spans.is_empty() {
        return;
    }
    let start = byte_of(text, node.at.line, node.at.col);
    let lines = node.literal.then(|| literal_lines(text, node, value)).flatten();
    for (offset, len) in spans {
        let in_value = *offset;
        let mapped = lines.as_ref().and_then(|lines| in_literal(lines, in_value));
        let written = |at: usize| text.get(at..at + len) == value.get(in_value..in_value + len);
        *offset = match mapped.filter(|&at| written(at)) {
            Some(at) => at,
            None => searched(text, start, value, in_value, len),
        };
    }
}

/// For each line of a literal block's value: where it starts in the value and in the
/// file, and how many bytes of it the file holds.
fn literal_lines(text: &str, node: &Node, value: &str) -> Option<Vec<(usize, usize, usize)>> {
    let blank_before = value.bytes().take_while(|&b| b == b'\n').count();
    let indent = node.at.col - 1;
    let mut file = byte_of(text, node.at.line.checked_sub(blank_before)?, 1);
    let mut in_value = 0;
    let mut lines = Vec::new();
    while in_value < value.len() && file <= text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[file..]).map_or(text.len(), |i| file + i);
        let line = text[file..end].strip_suffix('\r').unwrap_or(&text[file..end]);
        let held = line.len().saturating_sub(indent);
        lines.push((in_value, file + indent.min(line.len()), held));
        in_value += held + 1;
        file = end + 1;
    }
    Some(lines)
}

fn in_literal(lines: &[(usize, usize, usize)], offset: usize) -> Option<usize> {
    let i = lines.partition_point(|&(start, _, _)| start <= offset).checked_sub(1)?;
    let (start, file, held) = lines[i];
    (offset - start <= held).then_some(file + offset - start)
}

/// The k-th occurrence of the value's text at `offset` in the file after `start`,
/// where it is the k-th in the value; the value's start when it is not found.
fn searched(text: &str, start: usize, value: &str, offset: usize, len: usize) -> usize {
    let (Some(needle), Some(before)) = (value.get(offset..offset + len), value.get(..offset)) else { return start };
    if needle.is_empty() {
        return start;
    }
    let nth = before.matches(needle).count();
    text.get(start..).and_then(|after| after.match_indices(needle).nth(nth)).map_or(start, |(i, _)| start + i)
}

/// The byte offset of 1-based `line` and character column `col` in `text`.
fn byte_of(text: &str, line: usize, col: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        memchr::memchr_iter(b'\n', text.as_bytes()).nth(line - 2).map_or(text.len(), |i| i + 1)
    };
    let rest = &text[line_start..];
    line_start + rest.char_indices().nth(col.saturating_sub(1)).map_or(rest.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::markdown;
    use crate::parse::yaml;
    use crate::vocab::HtmlMode;

    /// Where the links of the body under `key` are reported.
    fn link_positions(text: &str, key: &str) -> Vec<Position> {
        let doc = yaml::parse(text).unwrap();
        let node = doc.get(key).unwrap();
        let numbering = &mut crate::parse::citations::Numbering::default();
        let mut outline = markdown::render(node.as_str().unwrap(), HtmlMode::Escape, numbering).outline;
        place_body_links(text, node, &mut outline);
        let place = Place { path: "a.yaml".into(), format: Format::Yaml, yaml: 0..text.len(), body: 0..0 };
        outline.links.iter().filter_map(|l| place.position(text, &At::Body(l.offset, l.len))).collect()
    }

    #[test]
    fn places_in_a_block_scalar_body_land_on_their_line_and_column() {
        let text = "title: x\nbody: |\n  Hello [a](actor:nope)\n  Second [b](actor:other)\n";
        assert_eq!(link_positions(text, "body"), [Position::new(3, 13, 10), Position::new(4, 14, 11)]);
        // Blank lines first, more indentation than the first line, line breaks of two
        // characters, and the same link twice.
        let text = "body: |2\n\r\n    [x](actor:a)\r\n\r\n  [x](actor:a) [y](actor:b)\r\n";
        let expected = [Position::new(3, 9, 7), Position::new(5, 7, 7), Position::new(5, 20, 7)];
        assert_eq!(link_positions(text, "body"), expected);
    }

    #[test]
    fn places_in_folded_and_quoted_bodies_land_on_the_link() {
        let text = "name: Bob\nbio: >\n  See the\n  [x](actor:nope) here, [y](actor:nope).\n";
        assert_eq!(link_positions(text, "bio"), [Position::new(4, 7, 10), Position::new(4, 29, 10)]);
        let text = "name: Dora\nbio: \"See the\n  [x](actor:nul) here.\"\n";
        assert_eq!(link_positions(text, "bio"), [Position::new(3, 7, 9)]);
    }

    #[test]
    fn places_in_a_one_line_body_land_on_their_column() {
        let text = "title: x\nbody: See [a](actor:nope)\n";
        assert_eq!(link_positions(text, "body"), [Position::new(2, 15, 10)]);
    }
}
