//! Compiles the theme's templates once, and words template errors for the person
//! editing them: template file, line, column, and the page being rendered.

use std::error::Error as _;

use tera::{ErrorKind, Tera};

use crate::diagnostic::{Diagnostic, Position};
use crate::theme::Theme;

/// All templates compiled, or every syntax error found in them.
pub fn compile(theme: &Theme) -> Result<Tera, Vec<Diagnostic>> {
    let mut tera = Tera::default();
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
        .map_err(|e| vec![diagnostic(theme, &e, None)])?;
    Ok(tera)
}

/// A template error as a diagnostic placed in the template's source.
pub fn diagnostic(theme: &Theme, error: &tera::Error, page: Option<&str>) -> Diagnostic {
    let rendering = page
        .map(|p| format!(" while rendering {}", if p.is_empty() { "the front page" } else { p }))
        .unwrap_or_default();
    match error.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            let file = theme.templates.iter().find(|t| t.name == report.filename());
            let path = file.map_or_else(|| format!("templates/{}", report.filename()), |f| f.display_path());
            let what = if matches!(error.kind(), ErrorKind::SyntaxError(_)) {
                "template syntax error"
            } else {
                "template error"
            };
            let span = report.span();
            let d = Diagnostic::error(path, format!("{what}{rendering}: {}", report.message()))
                .with_hint("fix the template, or delete it from templates/ to use the built-in one");
            match file {
                Some(f) => {
                    let len = if span.end_line == span.start_line {
                        span.end_col.saturating_sub(span.start_col).max(1)
                    } else {
                        1
                    };
                    d.at(&f.text, Position::new(span.start_line, span.start_col + 1, len))
                }
                None => d,
            }
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
