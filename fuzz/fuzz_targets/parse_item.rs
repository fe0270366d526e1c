//! Fuzzes the parse stage: the input, read leniently as UTF-8, is parsed as a Markdown
//! and as a YAML file of every kind, and as `site.yaml`. Nothing may panic, and every
//! diagnostic must point at a line and column that exist.
#![no_main]

use briefing::diagnostic::{Diagnostic, Diagnostics};
use briefing::parse::markdown::HtmlMode;
use briefing::parse::{parse_item, parse_site};
use briefing::read::{Format, Kind, SourceFile};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, d: &Diagnostic) {
    if let Some(p) = d.position {
        assert!(p.line >= 1 && p.col >= 1, "{d:?}");
        if let Some(shown) = &d.source_line {
            assert_eq!(text.lines().nth(p.line - 1), Some(shown.as_str()), "{d:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    // One HTML mode per input keeps each run fast; the fuzzer varies the length.
    let mode = [HtmlMode::Escape, HtmlMode::Sanitize, HtmlMode::Allow][data.len() % 3];
    let mut diagnostics = Diagnostics::new();
    for kind in Kind::ALL {
        for (format, ext) in [(Format::Markdown, "md"), (Format::Yaml, "yaml")] {
            let file = SourceFile {
                path: format!("content/{}/fuzz.{ext}", kind.folder()),
                full_path: Default::default(),
                kind,
                format,
                stem: "fuzz".to_owned(),
                text: text.clone(),
            };
            let parsed = parse_item(0, &file, mode);
            for d in &parsed.diagnostics {
                check(&text, d);
            }
            diagnostics.extend(parsed.diagnostics);
        }
    }
    let site = SourceFile {
        path: "content/site.yaml".to_owned(),
        full_path: Default::default(),
        kind: Kind::Article,
        format: Format::Yaml,
        stem: "site".to_owned(),
        text: text.clone(),
    };
    if let Err(errors) = parse_site(&site) {
        for d in &errors {
            check(&text, d);
        }
        diagnostics.extend(errors);
    }
    let _ = diagnostics.render();
});
