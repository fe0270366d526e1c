//! Content errors and warnings as values with a place: file, line, column, the source
//! line and a caret, printed all together at the end of a run.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};

use crate::terminal::escape;

/// How a report looks: plain, or in a terminal's colours as compilers print them (the
/// place and labels bold, errors red, warnings yellow, the gutter blue). Each style
/// wraps its text in escape codes; plain ones add nothing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Palette {
    place: Style,
    error: Style,
    warning: Style,
    gutter: Style,
    help: Style,
    note: Style,
}

impl Palette {
    pub(crate) const PLAIN: Palette = Palette {
        place: Style::new(),
        error: Style::new(),
        warning: Style::new(),
        gutter: Style::new(),
        help: Style::new(),
        note: Style::new(),
    };

    pub(crate) const COLOURED: Palette = Palette {
        place: Style::new().bold(),
        error: AnsiColor::Red.on_default().bold(),
        warning: AnsiColor::Yellow.on_default().bold(),
        gutter: AnsiColor::Blue.on_default().bold(),
        help: Style::new().bold(),
        note: AnsiColor::Cyan.on_default().bold(),
    };

    fn severity(&self, severity: Severity) -> Style {
        match severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Note => self.note,
        }
    }

    /// `error:` or `warning:`, in its colour.
    pub(crate) fn label(&self, severity: Severity) -> String {
        let label = match severity {
            Severity::Error => "error:",
            Severity::Warning => "warning:",
            Severity::Note => "note:",
        };
        paint(self.severity(severity), label)
    }
}

/// `text` in `style`, reset after.
fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    /// News about the run that is neither wrong nor suspect (an embargoed item left out):
    /// never counted as a problem, never denied by `--deny-warnings`.
    Note,
}

/// A position in a file: 1-based line, 1-based column (in characters), and the
/// number of characters the caret underlines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    pub line: usize,
    pub col: usize,
    pub(crate) len: usize,
}

impl Position {
    pub(crate) fn new(line: usize, col: usize, len: usize) -> Self {
        Position { line, col, len }
    }

    /// The position of byte `offset` in `text`, underlining `len` bytes' worth of characters.
    pub fn of_offset(text: &str, offset: usize, len: usize) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..offset].chars().count() + 1;
        let end = floor_char_boundary(text, (offset + len).min(text.len()));
        let len = text[offset..end].chars().take_while(|c| *c != '\n').count();
        Position { line, col, len }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site root, with `/` separators.
    pub path: String,
    /// None when the problem concerns the whole file (or no file at all).
    pub position: Option<Position>,
    /// The offending source line, shown under the message.
    pub source_line: Option<String>,
    pub message: String,
    pub(crate) hint: Option<String>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            position: None,
            source_line: None,
            message: message.into(),
            hint: None,
        }
    }

    pub(crate) fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, message) }
    }

    pub(crate) fn note(path: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Note, ..Diagnostic::error(path, message) }
    }

    /// Places the diagnostic at `position` in `text`, keeping the source line to show.
    pub(crate) fn at(mut self, text: &str, position: Position) -> Self {
        self.source_line = text.lines().nth(position.line.saturating_sub(1)).map(str::to_owned);
        self.position = Some(position);
        self
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub(crate) fn with_hint_opt(self, hint: Option<String>) -> Self {
        match hint {
            Some(h) => self.with_hint(h),
            None => self,
        }
    }

    /// By file, then place; within a file, placed ones first.
    fn sort_key(&self) -> (&str, bool, Option<Position>, &str) {
        (&self.path, self.position.is_none(), self.position, &self.message)
    }

    /// `path:line:col: error: message`, the source line with a caret, and the hint.
    pub fn render(&self) -> String {
        self.render_in(&Palette::PLAIN)
    }

    /// As [`Diagnostic::render`], in `palette`'s styles.
    pub(crate) fn render_in(&self, palette: &Palette) -> String {
        let label = palette.label(self.severity);
        // Paths, messages and source lines quote the content, which may hold anything.
        let (path, message) = (escape(&self.path), escape(&self.message));
        let mut out = String::new();
        match self.position {
            Some(p) => {
                let place = paint(palette.place, &format!("{path}:{}:{}:", p.line, p.col));
                let _ = write!(out, "{place} {label} {message}");
            }
            None if self.path.is_empty() => {
                let _ = write!(out, "{label} {message}");
            }
            None => {
                let _ = write!(out, "{} {label} {message}", paint(palette.place, &format!("{path}:")));
            }
        }
        out.push('\n');
        if let (Some(p), Some(line)) = (self.position, &self.source_line) {
            let number = p.line.to_string();
            let gutter = paint(palette.gutter, &format!("{} |", " ".repeat(number.len())));
            let (shown, col, len) = excerpt(line, p.col, p.len);
            let (shown, col, len) = escape_line(&shown, col, len);
            let _ = writeln!(out, "{gutter}");
            let _ = writeln!(out, "{} {shown}", paint(palette.gutter, &format!("{number} |")));
            let pad = " ".repeat(col.saturating_sub(1));
            let carets = paint(palette.severity(self.severity), &"^".repeat(len.max(1)));
            let _ = writeln!(out, "{gutter} {pad}{carets}");
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  {} {}", paint(palette.help, "= help:"), escape(hint));
        }
        out
    }
}

/// The part of `line` to show, and the caret's column and length within it: the whole
/// line when short, else a window around the caret with `…` at the cut ends.
fn excerpt(line: &str, col: usize, len: usize) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().map(|c| if c == '\t' || c == '\u{feff}' { ' ' } else { c }).collect();
    if chars.len() <= MAX_LINE_SHOWN {
        return (chars.into_iter().collect(), col, len);
    }
    let len = len.min(MAX_LINE_SHOWN / 2);
    let start = col.saturating_sub(1).saturating_sub(MAX_LINE_SHOWN / 4).min(chars.len());
    let end = (start + MAX_LINE_SHOWN).min(chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    let col = col.saturating_sub(start) + usize::from(start > 0);
    (shown, col, len)
}

/// `line` with its unsafe characters escaped, and the caret's column and length (in
/// characters, 1-based column) moved to stay under the same text.
fn escape_line(line: &str, col: usize, len: usize) -> (String, usize, usize) {
    if !line.chars().any(crate::terminal::is_unsafe) {
        return (line.to_owned(), col, len);
    }
    let mut shown = String::with_capacity(line.len() + 16);
    let (mut before, mut under, mut count) = (0, 0, 0);
    for (i, c) in line.chars().enumerate() {
        let width = crate::terminal::push_shown(&mut shown, c);
        if i + 1 < col {
            before += width;
        } else if i + 1 < col + len {
            under += width;
        }
        count = i + 1;
    }
    // A caret past the end of the line (a missing value) stays as far past it.
    let past_end = col.saturating_sub(1).saturating_sub(count);
    (shown, before + past_end + 1, under)
}

/// A big site can have thousands of warnings; the first ones show what they are like.
pub(crate) const MAX_WARNINGS_SHOWN: usize = 20;

/// Errors shown for one file; the rest are counted. (A file with thousands of errors is
/// usually one mistake repeated, and placing each costs a pass over the file.)
pub(crate) const MAX_PER_FILE: usize = 100;

/// Source lines longer than this are shown as an excerpt around the caret.
const MAX_LINE_SHOWN: usize = 160;

/// Every diagnostic of a run, collected so that all of them are shown at once.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Turns every warning into an error (`--deny-warnings`).
    pub(crate) fn deny_warnings(&mut self) {
        for d in &mut self.items {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
                d.message.push_str(" (denied by --deny-warnings)");
            }
        }
    }

    pub(crate) fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }

    /// Sorted by file, then position; duplicates dropped.
    pub(crate) fn sorted(&self) -> Vec<Diagnostic> {
        let mut items = self.items.clone();
        items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        items.dedup();
        items
    }

    /// Everything a user sees on stderr: every error, the first warnings, then a count.
    pub fn render(&self) -> String {
        self.render_in(&Palette::PLAIN)
    }

    /// As [`Diagnostics::render`], in `palette`'s styles.
    pub(crate) fn render_in(&self, palette: &Palette) -> String {
        let sorted = self.sorted();
        let mut out = String::new();
        let mut warnings = 0;
        let mut errors_in: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for d in sorted.iter().filter(|d| d.severity == Severity::Error) {
            *errors_in.entry(&d.path).or_default() += 1;
        }
        let mut shown_in: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for d in &sorted {
            if d.severity == Severity::Note {
                // Shown whole: each is an item the run left out on purpose.
            } else if d.severity == Severity::Warning {
                warnings += 1;
                if warnings > MAX_WARNINGS_SHOWN {
                    continue;
                }
            } else {
                let n = shown_in.entry(&d.path).or_default();
                *n += 1;
                let total = errors_in.get(d.path.as_str()).copied().unwrap_or(0);
                if *n > MAX_PER_FILE {
                    if *n == total {
                        let more = plural(total - MAX_PER_FILE, "more problem", "more problems");
                        let (path, error) = (escape(&d.path), palette.label(Severity::Error));
                        let _ = writeln!(
                            out,
                            "{} {error} … and {more} in this file\n",
                            paint(palette.place, &format!("{path}:"))
                        );
                    }
                    continue;
                }
            }
            out.push_str(&d.render_in(palette));
            out.push('\n');
        }
        if warnings > MAX_WARNINGS_SHOWN {
            let more = plural(warnings - MAX_WARNINGS_SHOWN, "more warning", "more warnings");
            let _ = writeln!(out, "{} {more} not shown ({warnings} in all)\n", palette.label(Severity::Warning));
        }
        let errors: Vec<&Diagnostic> = sorted.iter().filter(|d| d.severity == Severity::Error).collect();
        if !errors.is_empty() {
            let mut files: Vec<&str> = errors.iter().map(|d| d.path.as_str()).collect();
            files.dedup();
            let problems = plural(errors.len(), "problem", "problems");
            let in_files = plural(files.len(), "file", "files");
            let also =
                if warnings > 0 { format!(", and {}", plural(warnings, "warning", "warnings")) } else { String::new() };
            let _ = writeln!(out, "{} {problems} in {in_files}{also}", palette.label(Severity::Error));
        }
        out
    }

    /// How many errors and how many warnings there are, each counted once (notes are
    /// neither).
    pub(crate) fn counts(&self) -> (usize, usize) {
        let sorted = self.sorted();
        let count = |severity: Severity| sorted.iter().filter(|d| d.severity == severity).count();
        (count(Severity::Error), count(Severity::Warning))
    }
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 { format!("{n} {one}") } else { format!("{n} {many}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_to_line_and_column_counts_characters() {
        let text = "a: 1\nbé: x\n";
        assert_eq!(Position::of_offset(text, 9, 1), Position::new(2, 4, 1));
    }

    #[test]
    fn renders_caret_under_the_offending_text() {
        let text = "title: x\nactros: [a]\n";
        let d = Diagnostic::error("content/articles/a.md", "unknown key `actros`")
            .at(text, Position::new(2, 1, 6))
            .with_hint("did you mean `actors`?");
        assert_eq!(
            d.render(),
            "content/articles/a.md:2:1: error: unknown key `actros`\n  |\n2 | actros: [a]\n  | ^^^^^^\n  = help: did you mean `actors`?\n"
        );
    }

    #[test]
    fn control_characters_are_escaped_and_the_caret_stays_under_its_text() {
        let text = "a\u{1b}[2J\u{202e}: [x\u{9b}y, bad]\n";
        let d = Diagnostic::error("content/\u{1b}]0;t.md", "unknown actor `x\u{9b}y`")
            .at(text, Position::new(1, 10, 3))
            .with_hint("not `\u{202e}`");
        // The carets start under `x`, after the 21 characters `a\u{1b}[2J\u{202e}: [`.
        assert_eq!(
            d.render(),
            format!(
                "content/\\u{{1b}}]0;t.md:1:10: error: unknown actor `x\\u{{9b}}y`\n  |\n\
                 1 | a\\u{{1b}}[2J\\u{{202e}}: [x\\u{{9b}}y, bad]\n  | {}^^^^^^^^\n  = help: not `\\u{{202e}}`\n",
                " ".repeat(21)
            )
        );
        // Past the end of a line, the caret keeps its distance.
        assert_eq!(escape_line("\u{1b}", 3, 1), ("\\u{1b}".to_owned(), 8, 0));
    }
}
