//! Fuzzes the parse stage: the input, read leniently as UTF-8, is parsed as a Markdown
//! and as a YAML file of every kind, and as `site.yaml`. Nothing may panic, and every
//! diagnostic must point at a line and column that exist. Inputs that start with 0xFE
//! or 0xFD are recipes for big documents (`expand`): deep nesting and long lines, which
//! the run's time limit turns into a test that parsing stays linear.
#![no_main]

use briefing::diagnostic::{Diagnostic, Diagnostics};
use briefing::parse::{parse_item, parse_site};
use briefing::read::SourceFile;
use briefing::vocab::{Format, HtmlMode, Kind};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, d: &Diagnostic) {
    if let Some(p) = d.position {
        assert!(p.line >= 1 && p.col >= 1, "{d:?}");
        if let Some(shown) = &d.source_line {
            assert_eq!(text.lines().nth(p.line - 1), Some(shown.as_str()), "{d:?}");
        }
    }
}

/// Largest document a recipe makes: enough for superlinear time to pass the time limit.
const MAX_EXPANDED: usize = 2_000_000;

/// The document a recipe stands for, or the input itself. A recipe is a marker byte, a
/// count `n` (two bytes, times 8), a unit, a 0 byte and a tail. 0xFE repeats the unit
/// `n` times on one line of `extra:` (`[` or `{a: ` nest, `- ` nests lists, a word makes
/// a long line); 0xFD writes `n` lines, the i-th the unit after i spaces (nested block
/// mappings). The tail follows, then the end of the front matter.
fn expand(data: &[u8]) -> String {
    let (Some(&marker @ (0xFD | 0xFE)), Some(&[hi, lo])) = (data.first(), data.get(1..3)) else {
        return String::from_utf8_lossy(data).into_owned();
    };
    let rest = &data[3..];
    let (unit, tail) = rest.split_at(rest.iter().position(|&b| b == 0).unwrap_or(rest.len()));
    let (unit, tail) = (String::from_utf8_lossy(unit), String::from_utf8_lossy(tail.get(1..).unwrap_or(&[])));
    let n = (usize::from(u16::from_be_bytes([hi, lo])) * 8).min(MAX_EXPANDED / unit.len().max(1));
    let body = if marker == 0xFE {
        unit.repeat(n)
    } else {
        let mut lines = String::new();
        for i in 0..n {
            if lines.len() + i + unit.len() > MAX_EXPANDED {
                break;
            }
            lines.push('\n');
            lines.push_str(&" ".repeat(i + 1));
            lines.push_str(&unit);
        }
        lines
    };
    format!("---\ntitle: T\ndate: 2025-01-01\nextra: {body}{tail}\n---\nBody.\n")
}

fuzz_target!(|data: &[u8]| {
    let text = expand(data);
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
