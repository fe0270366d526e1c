//! Word-level changes between two versions of a text, as HTML: deleted words in `<del>`,
//! inserted words in `<ins>`, the rest as it was (the diff itself is `similar`'s).

use similar::{ChangeTag, TextDiff};

/// `old` against `new`, word by word, as escaped HTML with `<del>` and `<ins>`.
pub(crate) fn words(old: &str, new: &str) -> String {
    let diff = TextDiff::from_words(old, new);
    let mut out = String::with_capacity(old.len() + new.len() + 32);
    // A changed phrase reads as one deletion and one insertion: the spaces between its
    // words, though equal in both, belong to the change.
    let (mut deleted, mut inserted, mut spaces) = (String::new(), String::new(), String::new());
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Equal if value.trim().is_empty() && !(deleted.is_empty() && inserted.is_empty()) => {
                spaces.push_str(value);
            }
            ChangeTag::Equal => {
                flush(&mut out, &mut deleted, &mut inserted, &mut spaces);
                escape_into(&mut out, value);
            }
            tag => {
                for buffer in [&mut deleted, &mut inserted] {
                    if !buffer.is_empty() {
                        buffer.push_str(&spaces);
                    }
                }
                spaces.clear();
                let buffer = if tag == ChangeTag::Delete { &mut deleted } else { &mut inserted };
                buffer.push_str(value);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted, &mut spaces);
    out
}

/// Writes the pending change (its deletion, then its insertion) and the spaces after it.
fn flush(out: &mut String, deleted: &mut String, inserted: &mut String, spaces: &mut String) {
    let replaced = !inserted.trim().is_empty();
    for (buffer, open, close) in [(&mut *deleted, "<del>", "</del>"), (&mut *inserted, "<ins>", "</ins>")] {
        let text = buffer.trim();
        if !text.is_empty() {
            // Spaces at the ends of a change stay outside its mark (a deletion's trailing
            // ones only when nothing is inserted after it, which brings its own).
            escape_into(out, &buffer[..buffer.len() - buffer.trim_start().len()]);
            out.push_str(open);
            escape_into(out, text);
            out.push_str(close);
            if open == "<ins>" || !replaced {
                escape_into(out, &buffer[buffer.trim_end().len()..]);
            }
        }
        buffer.clear();
    }
    escape_into(out, spaces);
    spaces.clear();
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::words;

    #[test]
    fn changed_words_are_marked_and_the_rest_kept() {
        assert_eq!(
            words("The lines are frozen where they stand.", "The lines are frozen, subject to a referendum."),
            "The lines are <del>frozen where they stand.</del><ins>frozen, subject to a referendum.</ins>"
        );
        assert_eq!(words("Ukraine's army <b>", "Ukraine's army <b>"), "Ukraine's army &lt;b&gt;");
        assert_eq!(words("a b c", "a c"), "a <del>b</del> c");
        assert_eq!(words("a c", "a b c"), "a <ins>b</ins> c");
    }
}
