//! Splits a Markdown file into its YAML front matter and its body.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Position};

/// Byte ranges of the two parts within the file's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub yaml: Range<usize>,
    pub body: Range<usize>,
}

/// Finds the `---` … `---` block at the top of `text`.
pub fn split(path: &str, text: &str) -> Result<Split, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut lines = line_ranges(text, start);
    let first = lines.next();
    let opens = first.as_ref().is_some_and(|r| text[r.clone()].trim_end() == "---");
    if !opens {
        return Err(Diagnostic::error(path, "this Markdown file has no front matter")
            .at(text, Position::new(1, 1, 1))
            .with_hint(
                "start the file with a line `---`, then fields such as `title:` and `date:`, then another `---` line",
            ));
    }
    let yaml_start = first.map_or(start, |r| line_end(text, r.end));
    for range in lines {
        let line = text[range.clone()].trim_end();
        if line == "---" || line == "..." {
            return Ok(Split { yaml: yaml_start..range.start, body: line_end(text, range.end)..text.len() });
        }
    }
    Err(Diagnostic::error(path, "the front matter is never closed")
        .at(text, Position::new(1, 1, 3))
        .with_hint("add a line `---` after the last front-matter field, before the article text"))
}

/// Ranges of each line's content (without its line break), starting at `from`.
fn line_ranges(text: &str, from: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let range = pos..end;
        pos = end + 1;
        Some(range)
    })
}

/// The offset just past the line break that follows `end`.
fn line_end(text: &str, end: usize) -> usize {
    if end < text.len() { end + 1 } else { end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let text = "---\ntitle: A\n---\nBody\n";
        let s = split("a.md", text).unwrap();
        assert_eq!(&text[s.yaml], "title: A\n");
        assert_eq!(&text[s.body], "Body\n");
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = split("a.md", "---\ntitle: A\n").unwrap_err();
        assert_eq!(err.message, "the front matter is never closed");
    }

    #[test]
    fn missing_front_matter_is_an_error() {
        assert!(split("a.md", "# Title\n").is_err());
    }
}
