//! How deep `[` and `{` nest in a stretch of text, read without the parser. saphyr's
//! scanner looks ahead through brackets (any one may open a key) and gives up at 256
//! levels, before the parser has passed the 129th: that stretch is read here, to
//! refuse the document at its first level too deep, as the tree builder would have.

use super::error::MAX_DEPTH;
use crate::diagnostic::Position;

/// Where the first bracket past `MAX_DEPTH` levels stands in `text` between character
/// index `from` (at `line`, 0-based `col`) and `to`, with `depth` levels open at `from`.
pub(super) fn too_deep(
    text: &str,
    from: usize,
    (line, col): (usize, usize),
    to: usize,
    depth: usize,
) -> Option<Position> {
    let (mut line, mut col, mut depth) = (line, col, depth);
    let mut quote: Option<char> = None;
    let (mut comment, mut escaped) = (false, false);
    let mut previous = ' ';
    for c in text.chars().skip(from).take(to.saturating_sub(from)) {
        match quote {
            _ if comment => comment = c != '\n',
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            // `''` inside single quotes closes and opens again: the same state.
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                '#' if previous.is_whitespace() => comment = true,
                '"' | '\'' if matches!(previous, '[' | '{' | ',' | ':' | '?') || previous.is_whitespace() => {
                    quote = Some(c);
                }
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Some(Position::new(line, col + 1, 1));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        if c == '\n' {
            (line, col) = (line + 1, 0);
        } else {
            col += 1;
        }
        previous = c;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_quotes_and_comments_do_not_count() {
        let text = format!("a: ['[[', \"[\\\"[\", x # [[[\n , {}{}", "[".repeat(126), "]".repeat(126));
        let chars = text.chars().count();
        assert_eq!(too_deep(&text, 0, (1, 0), chars, 1), None);
        assert_eq!(too_deep(&text, 0, (1, 0), chars, 2), Some(Position::new(2, 129, 1)));
    }
}
