//! Stage 2: parse. Each source file on its own becomes a typed record; nothing here
//! looks at other files. Steps per file:
//! 1. split front matter from body (`front_matter`), or take the whole YAML file;
//! 2. parse the YAML once into a tree whose nodes know their line and column (`yaml`);
//! 3. read the known fields with their types, rejecting unknown keys (`fields`), into
//!    the record of its kind: the fields it shows (`vocab::items`) beside the
//!    references it makes (`records`);
//! 4. render the Markdown body, collecting links and anchors (`markdown`), and keep where
//!    each was written (`place`).

pub mod citations;
pub(crate) mod evidence;
pub(crate) mod fields;
pub mod front_matter;
pub mod markdown;
pub(crate) mod place;
pub(crate) mod records;
pub(crate) mod settings;
pub(crate) mod stances;
pub mod yaml;

pub use evidence::{SourceEntry, SourceRecord};
pub(crate) use place::place_of;
pub use place::{At, Place};
pub use records::*;
pub use stances::{Evidence, PositionRecord};

/// Whether `text` may hold a control character other than tab and line breaks (C0,
/// DEL, or a C1 control, whose UTF-8 starts with 0xC2): a quick look at every byte,
/// without stopping early, so that it runs on whole vectors of bytes. A `true` is only
/// a maybe (0xC2 also starts `é`'s neighbours such as `©`); the caller looks closer.
pub(crate) fn may_hold_controls(text: &str) -> bool {
    text.as_bytes().chunks(64).any(|chunk| {
        chunk.iter().fold(false, |found, &b| {
            found | ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7f) | (b == 0xc2)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
