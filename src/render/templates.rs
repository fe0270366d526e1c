//! Compiles the theme's templates once, with tera-contrib's filters, functions and tests,
//! and words template errors for the person editing them: template file, line, column,
//! and the page being rendered.

use std::error::Error as _;

use tera::{ErrorKind, Tera};

use crate::diagnostic::{Diagnostic, Position};
use crate::theme::Theme;

/// Tera's own filters, then tera-contrib's, then Tera 1's names for two of them.
pub const FILTERS: &[&str] = &[
    "abs",
    "capitalize",
    "default",
    "escape",
    "escape_html",
    "escape_xml",
    "first",
    "float",
    "get",
    "group_by",
    "indent",
    "int",
    "join",
    "keys",
    "last",
    "length",
    "lower",
    "newlines_to_br",
    "nth",
    "pairs",
    "pluralize",
    "replace",
    "reverse",
    "round",
    "safe",
    "sort",
    "split",
    "str",
    "title",
    "trim",
    "trim_end",
    "trim_start",
    "truncate",
    "unique",
    "upper",
    "values",
    "wordcount", //
    "b64_decode",
    "b64_encode",
    "date",
    "filesize_format",
    "format",
    "json_encode",
    "regex_replace",
    "shuffle",
    "slug",
    "spaceless",
    "striptags",
    "urlencode",
    "urlencode_strict", //
    "filesizeformat",
    "slugify",
];

/// Tera's own functions, then tera-contrib's.
pub const FUNCTIONS: &[&str] = &["range", "throw", "get_random", "now"];

/// Tera's own tests, then tera-contrib's.
pub const TESTS: &[&str] = &[
    "array",
    "bool",
    "containing",
    "defined",
    "divisible_by",
    "ending_with",
    "even",
    "float",
    "integer",
    "iterable",
    "map",
    "none",
    "number",
    "odd",
    "starting_with",
    "string",
    "undefined", //
    "after",
    "before",
    "matching",
];

/// All templates compiled, or every syntax error found in them.
pub(crate) fn compile(theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    register_contrib(&mut tera);
    // Load one at a time first, so that each file's syntax error is reported.
    let mut errors = Vec::new();
    for t in &theme.templates {
        let mut alone = Tera::default();
        if let Err(e) = alone.add_raw_template(&t.name, &t.text) {
            if matches!(e.kind(), ErrorKind::SyntaxError(_)) {
                errors.push(diagnostic(theme, &e, None));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    tera.add_raw_templates(theme.templates.iter().map(|t| (t.name.as_str(), t.text.as_str())))
        .map_err(|e| checked_references(theme, &e).unwrap_or_else(|| vec![diagnostic(theme, &e, None)]))?;
    Ok(tera)
}

/// tera-contrib's filters, functions and tests under their own names, and under Tera 1's
/// `slugify` and `filesizeformat` too, so that templates written for Zola keep working.
fn register_contrib(tera: &mut Tera) {
    use tera_contrib::{base64, dates, filesize_format, format, json, rand, regex, slug, urlencode};
    tera.register_filter("b64_decode", base64::b64_decode);
    tera.register_filter("b64_encode", base64::b64_encode);
    tera.register_filter("date", dates::date);
    tera.register_function("now", dates::now);
    tera.register_test("after", dates::is_after);
    tera.register_test("before", dates::is_before);
    tera.register_filter("filesize_format", filesize_format::filesize_format);
    tera.register_filter("filesizeformat", filesize_format::filesize_format);
    tera.register_filter("format", format::format);
    tera.register_filter("json_encode", json::json_encode);
    tera.register_function("get_random", rand::get_random);
    tera.register_filter("shuffle", rand::shuffle);
    tera.register_filter("regex_replace", regex::RegexReplace::default());
    tera.register_filter("spaceless", regex::spaceless);
    tera.register_filter("striptags", regex::striptags);
    tera.register_test("matching", regex::Matching::default());
    tera.register_filter("slug", slug::slug);
    tera.register_filter("slugify", slug::slug);
    tera.register_filter("urlencode", urlencode::urlencode);
    tera.register_filter("urlencode_strict", urlencode::urlencode_strict);
}

const HELP: &str = "fix the template, or delete it from templates/ to use the built-in one";

/// A template error as a diagnostic placed in the template's source.
pub(crate) fn diagnostic(theme: &Theme, error: &tera::Error, page: Option<&str>) -> Diagnostic {
    let rendering = page
        .map(|p| format!(" while rendering {}", if p.is_empty() { "the front page" } else { p }))
        .unwrap_or_default();
    match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let what = if matches!(error.kind(), ErrorKind::SyntaxError(_)) {
                "template syntax error"
            } else {
                "template error"
            };
            let span = report.span();
            let len = if span.end_line == span.start_line { span.end_col.saturating_sub(span.start_col) } else { 1 };
            let at = Position::new(span.start_line, span.start_col + 1, len.max(1));
            placed(theme, report.filename(), at, format!("{what}{rendering}: {}", report.message())).with_hint(HELP)
        }
        _ => {
            let mut message = error.to_string();
            let mut source = error.source();
            while let Some(s) = source {
                message.push_str(": ");
                message.push_str(&s.to_string());
                source = s.source();
            }
            Diagnostic::error("templates", format!("template error{rendering}: {message}"))
        }
    }
}

/// An error in template `name` at `at`, with the line shown when the file is known.
fn placed(theme: &Theme, name: &str, at: Position, message: String) -> Diagnostic {
    let file = theme.templates.iter().find(|t| t.name == name);
    let path = file.map_or_else(|| format!("templates/{name}"), |f| f.display_path());
    let d = Diagnostic::error(path, message);
    match file {
        Some(f) => d.at(&f.text, at),
        None => d,
    }
}

/// The errors found when the templates are put together (an unknown filter, function,
/// test or included template, a block that no parent has), one diagnostic each. Tera
/// hands them over as its own printed reports joined into one message; None when the
/// message is not made of such reports.
fn checked_references(theme: &Theme, error: &tera::Error) -> Option<Vec<Diagnostic>> {
    let ErrorKind::Msg(message) = error.kind() else { return None };
    let mut found = Vec::new();
    for report in message.split("\n\nerror: ") {
        let report = Report::parse(report.strip_prefix("error: ").unwrap_or(report))?;
        let d = placed(theme, report.template, report.at, format!("template error: {}", report.message));
        found.push(d.with_hint(report.hint()));
    }
    Some(found)
}

/// One of Tera's printed reports: `MESSAGE`, ` --> NAME:LINE:COL`, a blank gutter line,
/// the source line, and a line of carets (the leading `error: ` already taken off).
#[derive(Debug, PartialEq, Eq)]
struct Report<'a> {
    message: &'a str,
    template: &'a str,
    at: Position,
}

impl<'a> Report<'a> {
    fn parse(report: &'a str) -> Option<Report<'a>> {
        let mut lines = report.lines();
        let message = lines.next()?;
        let place = lines.next()?.trim_start().strip_prefix("--> ")?;
        // The template's name may hold `:`; the line and column come last.
        let mut parts = place.rsplitn(3, ':');
        let col = parts.next()?.parse().ok()?;
        let line = parts.next()?.parse().ok()?;
        let template = parts.next()?;
        let carets = lines.nth(2)?.chars().filter(|&c| c == '^').count();
        Some(Report { message, template, at: Position::new(line, col, carets.max(1)) })
    }

    /// A near name for an unknown filter, function or test, else where they are listed.
    fn hint(&self) -> String {
        let unknown = |kind: &str| {
            self.message.strip_prefix(&format!("Unknown {kind} `")).and_then(|rest| rest.strip_suffix('`'))
        };
        let near = if let Some(name) = unknown("filter") {
            crate::suggest::did_you_mean(name, FILTERS.iter().copied())
        } else if let Some(name) = unknown("function") {
            crate::suggest::did_you_mean(name, FUNCTIONS.iter().copied())
        } else if let Some(name) = unknown("test") {
            crate::suggest::did_you_mean(name, TESTS.iter().copied())
        } else {
            return HELP.to_owned();
        };
        let listed = "docs/templates.md lists every filter, function and test";
        near.map_or_else(|| listed.to_owned(), |near| format!("{near} ({listed})"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_is_known_to_the_compiled_templates() {
        let tera = compile(&Theme::default()).expect("no templates compile");
        let ctx = tera::Context::new();
        let calls = FILTERS
            .iter()
            .map(|f| format!("{{{{ x | {f} }}}}"))
            .chain(FUNCTIONS.iter().map(|f| format!("{{{{ {f}() }}}}")))
            .chain(TESTS.iter().map(|t| format!("{{% if x is {t} %}}{{% endif %}}")));
        for call in calls {
            // Running them fails (no `x`, no arguments); being unknown is what must not happen.
            if let Err(e) = tera.render_str(&call, &ctx, true) {
                assert!(!e.to_string().contains("Unknown"), "{call}: {e}");
            }
        }
    }

    #[test]
    fn a_printed_report_is_read_back_into_its_place() {
        let report =
            "Unknown filter `slugfy`\n --> partials/a:b.html:12:24\n   |\n12 | {{ x | slugfy }}\n   |        ^^^^^^";
        let read = Report::parse(report).expect("a report");
        assert_eq!(
            read,
            Report { message: "Unknown filter `slugfy`", template: "partials/a:b.html", at: Position::new(12, 24, 6) }
        );
        assert_eq!(read.hint(), "did you mean `slugify`? (docs/templates.md lists every filter, function and test)");
        assert_eq!(Report::parse("Template 'a' not found"), None);
    }
}
