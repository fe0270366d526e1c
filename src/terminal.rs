//! Text from content made safe to print: control characters and bidirectional overrides
//! would otherwise drive the terminal (colours, cursor moves) or reorder what it shows.

use std::borrow::Cow;

/// Whether `c` is shown escaped: C0 controls other than tab and line feed, DEL, C1
/// controls, and the invisible marks that reorder text (bidi embeddings, overrides,
/// isolates and marks) or break lines (U+2028, U+2029).
pub(crate) fn is_unsafe(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        '\u{2028}' | '\u{2029}' => true,
        c => c.is_control(),
    }
}

/// `text` with each unsafe character written as `\u{1b}`.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_shown(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `c` as it is shown; returns how many characters that took.
pub(crate) fn push_shown(out: &mut String, c: char) -> usize {
    if is_unsafe(c) {
        let shown = format!("\\u{{{:x}}}", c as u32);
        out.push_str(&shown);
        shown.len()
    } else {
        out.push(c);
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_overrides_are_escaped_and_text_is_not() {
        assert_eq!(escape("a\u{1b}[31mb\u{202e}c\u{9b}d\re"), "a\\u{1b}[31mb\\u{202e}c\\u{9b}d\\u{d}e");
        assert_eq!(escape("tab\tand\nline, é, 🙂, العربية"), "tab\tand\nline, é, 🙂, العربية");
        assert!(matches!(escape("plain"), Cow::Borrowed(_)));
    }
}
