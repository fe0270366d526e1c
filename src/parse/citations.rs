//! Pandoc's citations in Markdown, `[@ID]`, `[@ID, p. 3]`, `[see @a; @b, ch. 2]`: each
//! becomes a numbered reference to the page's list of sources (`#_source-N`).
//!
//! The parser hands a bracketed text that is not a link over to `citation_label`; one
//! whose every `;`-separated item has an `@ID` (at its start, or after a space) is a
//! citation. A page numbers its sources in order: those it lists (an article's
//! `sources:`), then each source its text cites, as first cited (`Numbering`).

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr};

/// A citation of a source by id, found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub(crate) id: String,
    /// Byte range of the id (after its `@`) within the Markdown source.
    pub offset: usize,
    pub len: usize,
}

/// The numbers a page gives its sources, from 1: the entries it lists first (`None`
/// for a source written in place, which has no id), then each source its text cites
/// that is not listed, in the order first cited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Numbering {
    ids: Vec<Option<String>>,
}

impl Numbering {
    /// A page that lists these entries before its text cites anything.
    pub(crate) fn listed(entries: impl IntoIterator<Item = Option<String>>) -> Numbering {
        Numbering { ids: entries.into_iter().collect() }
    }

    /// The number of source `id`, which is added to the list when it is not in it yet.
    pub(crate) fn number(&mut self, id: &str) -> usize {
        match self.ids.iter().position(|e| e.as_deref() == Some(id)) {
            Some(i) => i + 1,
            None => {
                self.ids.push(Some(id.to_owned()));
                self.ids.len()
            }
        }
    }
}

/// Marks a citation's address between the parser and the events that render it: a
/// NUL cannot come from the text, whose control characters are blanked first.
pub(crate) const MARK: &str = "\u{0}cite";

/// The parser's fallback for a bracketed text without a link definition: a citation
/// gets an address marked as one; anything else stays text.
pub(crate) fn citation_label(link: BrokenLink<'_>) -> Option<(CowStr<'_>, CowStr<'_>)> {
    let items: Vec<&str> = link.reference.split(';').collect();
    items.iter().all(|item| at_sign(item).is_some()).then(|| (CowStr::from(MARK), CowStr::from("")))
}

/// Where the `@` of an item's id is: at its start or after a space, and followed by
/// an id's first character.
fn at_sign(item: &str) -> Option<usize> {
    item.char_indices().find_map(|(i, c)| {
        if c != '@' {
            return None;
        }
        let starts = i == 0 || item[..i].ends_with(char::is_whitespace);
        // `@` is one byte: what follows starts a character.
        (starts && item[i + 1..].starts_with(is_id_char)).then_some(i)
    })
}

fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// One cited source of a citation: the words before it, its id and the locator after.
struct Item<'s> {
    prefix: &'s str,
    id: &'s str,
    id_at: usize,
    locator: &'s str,
}

/// The items of the citation written at `range` of `source` (`[…]`, or `[…][]`).
fn items<'s>(source: &'s str, range: &Range<usize>) -> Vec<Item<'s>> {
    let written = &source[range.clone()];
    let inner_start = range.start + 1;
    let inner = written.get(1..).and_then(|w| w.split(']').next()).unwrap_or("");
    let mut out = Vec::new();
    let mut start = 0;
    for item in inner.split(';') {
        let item_start = inner_start + start;
        start += item.len() + 1;
        let Some(at) = at_sign(item) else { continue };
        let after = &item[at + 1..];
        let id_len = after.find(|c: char| !is_id_char(c)).unwrap_or(after.len());
        let rest = after[id_len..].trim();
        out.push(Item {
            prefix: item[..at].trim(),
            id: &after[..id_len],
            id_at: item_start + at + 1,
            locator: rest.strip_prefix(',').unwrap_or(rest).trim(),
        });
    }
    out
}

/// The HTML of the citation written at `range`, each source numbered by `numbering`;
/// each cited id is added to `found`.
pub(crate) fn render(
    source: &str,
    range: &Range<usize>,
    numbering: &mut Numbering,
    found: &mut Vec<Citation>,
) -> String {
    let mut html = String::from("<span class=\"cite\">[");
    for (i, item) in items(source, range).iter().enumerate() {
        if i > 0 {
            html.push_str("; ");
        }
        if !item.prefix.is_empty() {
            html.push_str(&escape(item.prefix));
            html.push(' ');
        }
        let n = numbering.number(item.id);
        html.push_str(&format!("<a href=\"#_source-{n}\"><span class=\"visually-hidden\">source </span>{n}</a>"));
        if !item.locator.is_empty() {
            html.push_str(", ");
            html.push_str(&escape(item.locator));
        }
        found.push(Citation { id: item.id.to_owned(), offset: item.id_at, len: item.id.len() });
    }
    html.push_str("]</span>");
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_prefix_id_and_locator() {
        let source = "As [see @doe-99, pp. 33-35; also @smith_04] said.";
        let range = 3..source.find(']').unwrap() + 1;
        let found: Vec<(&str, &str, &str)> =
            items(source, &range).iter().map(|i| (i.prefix, i.id, i.locator)).collect();
        assert_eq!(found, [("see", "doe-99", "pp. 33-35"), ("also", "smith_04", "")]);
        let at = items(source, &range)[1].id_at;
        assert_eq!(&source[at..at + 8], "smith_04");
    }

    #[test]
    fn a_page_numbers_what_it_lists_then_what_it_cites() {
        let mut n = Numbering::listed([None, Some("a".to_owned())]);
        assert_eq!((n.number("b"), n.number("a"), n.number("b"), n.number("c")), (3, 2, 3, 4));
    }

    #[test]
    fn only_an_at_sign_that_starts_a_word_makes_a_citation() {
        assert!(at_sign("@doe").is_some() && at_sign("see @doe").is_some());
        for not in ["mail a@b.org", "@", "@ doe", "no at", "x@doe", "é@doe"] {
            assert!(at_sign(not).is_none(), "{not}");
        }
    }
}
