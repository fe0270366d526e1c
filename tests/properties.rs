//! Property tests over the parse stage: whatever text a content file holds, parsing it
//! (and placing, rendering and modelling what comes out) never panics, and every
//! diagnostic points at a line and column that exist in the file.
//!
//! Inputs are arbitrary strings, random bytes read leniently as UTF-8, YAML-ish lines
//! built from the real field names and tricky values, and truncated or mangled copies
//! of the fixture files. One end-to-end property runs the binary on generated sites.
//! A stricter property, that each caret stands on the id or link it reports, is
//! ignored until the bugs it finds are fixed (`cargo test --test properties -- --ignored`).

mod common;

use std::path::Path;

use briefing::diagnostic::{Diagnostic, Diagnostics, Position, Severity};
use briefing::parse::markdown::Outline;
use briefing::parse::yaml::{self, Node};
use briefing::parse::{At, Data, Record, Ref, SourceEntry, front_matter, parse_item, parse_site};
use briefing::read::SourceFile;
use briefing::vocab::{Format, HtmlMode, Kind};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

/// Every text file of the basic fixture site, to truncate and mangle.
const FIXTURES: [&str; 13] = [
    include_str!("fixtures/basic/content/site.yaml"),
    include_str!("fixtures/basic/content/actors/alice-arden.yaml"),
    include_str!("fixtures/basic/content/actors/boris-bell.yaml"),
    include_str!("fixtures/basic/content/actors/kyiv-delegation.md"),
    include_str!("fixtures/basic/content/articles/ceasefire-holds.md"),
    include_str!("fixtures/basic/content/articles/counter-offer.md"),
    include_str!("fixtures/basic/content/articles/plan-b-tabled.yaml"),
    include_str!("fixtures/basic/content/articles/readout.md"),
    include_str!("fixtures/basic/content/articles/secret-draft.md"),
    include_str!("fixtures/basic/content/articles/talks-open.md"),
    include_str!("fixtures/basic/content/proposals/counter-plan.yaml"),
    include_str!("fixtures/basic/content/proposals/plan-a.yaml"),
    include_str!("fixtures/basic/content/proposals/plan-b.md"),
];

/// Field names of every kind and nested record, and a few near misses.
const KEYS: &[&str] = &[
    "title",
    "date",
    "summary",
    "actors",
    "proposals",
    "topics",
    "location",
    "sources",
    "quotes",
    "draft",
    "slug",
    "extra",
    "name",
    "role",
    "side",
    "aliases",
    "bio",
    "body",
    "description",
    "proposed_by",
    "status",
    "supersedes",
    "points",
    "id",
    "text",
    "topic",
    "positions",
    "publisher",
    "url",
    "context",
    "actor",
    "base_url",
    "html",
    "articles_per_page",
    "language",
    "author",
    "actros",
    "Title",
    "boris-bell",
    "alice-arden",
    "",
    "? complex",
    "<<",
    "é",
];

/// Values that are valid somewhere, wrong elsewhere, or YAML syntax on their own.
const VALUES: &[&str] = &[
    "",
    "x",
    "Talks open",
    "2025-11-02",
    "2025-11-02T14:30",
    "2025-13-45",
    "2025-02-30",
    "0000-00-00",
    "99999-01-01",
    "2025-11-02T25:61",
    "2025-11-02 14:30:00 +02:00",
    "true",
    "false",
    "yes",
    "~",
    "null",
    "0",
    "-1",
    "18446744073709551616",
    "1e400",
    ".nan",
    "[]",
    "{}",
    "[a, b",
    "[alice-arden, boris-bell]",
    "{a: 1, b: [2, 3]}",
    "&anchor x",
    "*anchor",
    "*nowhere",
    "!!binary aGVsbG8=",
    "!custom tag",
    "|",
    "|-",
    ">",
    "'unclosed",
    "\"unclosed",
    "\"esc \\0 \\x07 \\u202e\"",
    "'it''s'",
    "- item",
    "a: b: c",
    "#comment",
    "%YAML 1.2",
    "---",
    "...",
    "tabled",
    "under-negotiation",
    "supports",
    "sanitize",
    "allow",
    "https://example.org/x",
    "javascript:alert(1)",
    "[Plan A](proposal:plan-a#monitoring)",
    "Ünïcödé ✓ 🕊️",
    "\u{feff}",
    "\t",
    "\u{0}",
];

/// Markdown body lines: internal links with and without fragments, headings with ids,
/// script links, raw HTML, footnotes, tables.
const BODY_LINES: &[&str] = &[
    "",
    "Plain text.",
    "[Alice](actor:alice-arden)",
    "[who](actor:nobody)",
    "[Plan](proposal:plan-a#monitoring)",
    "[Plan](proposal:plan-a#nope)",
    "[x](article:talks-open#background)",
    "[x](article:)",
    "[x](actor:#)",
    "[x](actor:a#b#c)",
    "[bad](javascript:alert(1))",
    "![img](data:text/html,x)",
    "## Heading {#own-id}",
    "## Heading",
    "# ",
    "<script>alert(1)</script>",
    "<div onclick=\"x()\">hi</div>",
    "[^1]: footnote",
    "Text[^1]",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "- [x] done",
    "> quote\n> > nested",
    "```\ncode\n```",
    "    indented",
    "***",
    "[ref]: actor:boris-bell",
    "[ref]",
    "---",
    "\u{0}",
    "é\u{301}",
];

const KINDS: [Kind; 3] = [Kind::Article, Kind::Actor, Kind::Proposal];
const FORMATS: [Format; 2] = [Format::Markdown, Format::Yaml];
const MODES: [HtmlMode; 3] = [HtmlMode::Escape, HtmlMode::Sanitize, HtmlMode::Allow];

fn source(kind: Kind, format: Format, stem: &str, text: &str) -> SourceFile {
    let ext = match format {
        Format::Markdown => "md",
        Format::Yaml => "yaml",
    };
    SourceFile {
        path: format!("content/{}/{stem}.{ext}", kind.folder()),
        full_path: Default::default(),
        kind,
        format,
        stem: stem.to_owned(),
        text: text.to_owned(),
    }
}

/// A diagnostic's place must exist in the file it names: line and column from 1, and
/// the source line shown is that line of the file.
fn check_diagnostic(text: &str, d: &Diagnostic) -> Result<(), TestCaseError> {
    if let Some(p) = d.position {
        prop_assert!(p.line >= 1, "line 0 in {d:?}");
        prop_assert!(p.col >= 1, "column 0 in {d:?}");
        if let Some(shown) = &d.source_line {
            let line = text.lines().nth(p.line - 1);
            prop_assert_eq!(line, Some(shown.as_str()), "source line is not line {} of the file: {:?}", p.line, d);
        }
    }
    prop_assert!(!d.path.is_empty(), "a content diagnostic names its file: {:?}", d);
    let rendered = d.render();
    // Shown with control characters and bidi overrides escaped (src/terminal.rs).
    let shown = briefing::terminal::escape(&d.message);
    prop_assert!(rendered.contains(shown.as_ref()), "rendering keeps the message: {}", rendered);
    Ok(())
}

/// Renders a run's diagnostics as the binary would and checks the summary line.
fn check_rendering(all: Vec<Diagnostic>) -> Result<(), TestCaseError> {
    let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend(all);
    let out = diagnostics.render();
    if errors > 0 {
        let last = out.lines().last().unwrap_or("");
        prop_assert!(last.starts_with("error: ") && last.contains(" in "), "no summary line in:\n{}", out);
    }
    Ok(())
}

/// Every place a record remembers, for the model stage to report at later, with the
/// text the caret should stand on when that is known: a reference's id, a body link's
/// destination.
fn places(record: &Record, text: &str) -> Vec<(At, Option<String>)> {
    let refs = |refs: &mut dyn Iterator<Item = &Ref>| -> Vec<(At, Option<String>)> {
        refs.map(|r| (r.at.clone(), Some(r.id.clone()))).collect()
    };
    // A YAML file's body links are placed within the whole file.
    let body = match record.meta.place.format {
        Format::Markdown => text.get(record.meta.place.body.clone()).map(str::to_owned),
        Format::Yaml => Some(text.to_owned()),
    };
    let bodies = |outline: &Outline| -> Vec<(At, Option<String>)> {
        let spans = outline.links.iter().map(|l| (l.offset, l.len));
        let spans = spans.chain(outline.unsafe_urls.iter().map(|u| (u.offset, u.len)));
        let spans = spans.chain(outline.citations.iter().map(|c| (c.offset, c.len)));
        spans
            .map(|(offset, len)| {
                let written = body.as_deref().and_then(|b| b.get(offset..offset + len)).map(str::to_owned);
                (At::Body(offset, len), written)
            })
            .collect()
    };
    let mut out = vec![(record.meta.id_at.clone(), None), (At::Start, None)];
    match &record.data {
        Data::Article(a) => {
            out.extend(refs(&mut a.actors.iter().chain(&a.proposals).chain(a.quotes.iter().map(|q| &q.actor))));
            out.extend(refs(&mut a.source_list.iter().filter_map(|e| match e {
                SourceEntry::Item(r) => Some(r),
                SourceEntry::Inline(_) => None,
            })));
            out.extend(bodies(&a.body));
        }
        Data::Actor(a) => out.extend(bodies(&a.body)),
        Data::Source(s) => out.extend(bodies(&s.body)),
        Data::Proposal(p) => {
            out.extend(refs(&mut p.proposed_by.iter().chain(&p.supersedes)));
            for point in &p.points {
                out.push((point.at.clone(), Some(point.fields.id.clone())));
                out.extend(refs(&mut point.positions.iter().map(|p| &p.actor)));
                let sources = point.positions.iter().flat_map(|p| &p.history).filter_map(|(_, e)| e.source.as_ref());
                out.extend(refs(&mut sources.collect::<Vec<_>>().into_iter()));
            }
            out.extend(bodies(&p.body));
        }
    }
    out
}

/// The caret of `d` stands on `expected` (its first line), possibly after a quote mark.
/// Only checked for text written as is: ids, and destinations without escapes.
fn check_caret(d: &Diagnostic, expected: &str) -> Result<(), TestCaseError> {
    let expected = expected.lines().next().unwrap_or("");
    let plain = |c: char| c.is_ascii_alphanumeric() || "-:#/._".contains(c);
    if expected.is_empty() || !expected.chars().all(plain) {
        return Ok(());
    }
    let (Some(p), Some(line)) = (d.position, &d.source_line) else { return Ok(()) };
    // Columns count what an editor shows, which leaves out a byte order mark.
    let at: String = line.trim_start_matches('\u{feff}').chars().skip(p.col - 1).collect();
    // A node's place includes its anchor and tag (`&a id`, `!t id`) and opening quote.
    let mut at = at.as_str();
    while let Some(rest) = at.strip_prefix(['&', '!']) {
        at = rest.trim_start_matches(|c: char| !c.is_whitespace()).trim_start();
    }
    let at = at.trim_start_matches(['"', '\'']);
    prop_assert!(at.starts_with(expected), "caret of {:?} is not on `{}`:\n{}", d.position, expected, d.render());
    Ok(())
}

/// Parses `text` as every kind in every format, places every remembered position
/// (checking, with `carets`, that it stands on what it names), models the records
/// together and renders all diagnostics.
fn parse_everything(text: &str, stem: &str, mode: HtmlMode, carets: bool) -> Result<(), TestCaseError> {
    let mut files = Vec::new();
    for kind in KINDS {
        for format in FORMATS {
            files.push(source(kind, format, stem, text));
        }
    }
    let mut all = Vec::new();
    let mut records = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let parsed = parse_item(i, file, mode);
        for d in &parsed.diagnostics {
            check_diagnostic(text, d)?;
        }
        if parsed.record.is_none() {
            prop_assert!(
                parsed.diagnostics.iter().any(|d| d.severity == Severity::Error),
                "{} gave no record and no error",
                file.path
            );
        }
        all.extend(parsed.diagnostics);
        if let Some(record) = parsed.record {
            for (at, expected) in places(&record, text) {
                let d = record.meta.place.diagnostic(text, &at, Diagnostic::error(&file.path, "here"));
                check_diagnostic(text, &d)?;
                if let Some(expected) = expected.filter(|_| carets) {
                    check_caret(&d, &expected)?;
                }
            }
            records.push(record);
        }
    }
    let site_file =
        SourceFile { path: "content/site.yaml".to_owned(), ..source(Kind::Article, Format::Yaml, "site", text) };
    if let Err(errors) = parse_site(&site_file) {
        prop_assert!(!errors.is_empty(), "parse_site failed without saying why");
        for d in &errors {
            check_diagnostic(text, d)?;
        }
        all.extend(errors);
    }
    let mut model_diagnostics = Diagnostics::new();
    let records: Vec<&Record> = records.iter().collect();
    let _ = briefing::model::build(Default::default(), &records, &[], &files, true, &mut model_diagnostics);
    for d in model_diagnostics.into_vec() {
        check_diagnostic(text, &d)?;
        all.push(d);
    }
    check_rendering(all)
}

/// Where `p` is must exist in `text`: a line of it, and a column of that line or just
/// past its end. (YAML ends a line at a carriage return on its own too.)
fn inside(text: &str, p: Position) -> Result<(), TestCaseError> {
    prop_assert!(p.line >= 1 && p.col >= 1, "{p:?}");
    let line = text.replace("\r\n", "\n").split(['\n', '\r']).nth(p.line - 1).map(str::to_owned);
    let line = line.as_deref();
    prop_assert!(line.is_some(), "{p:?} past the last line");
    let chars = line.unwrap_or("").chars().count();
    prop_assert!(p.col <= chars + 1, "{p:?} past the end of its line");
    Ok(())
}

/// Every key and value of the tree lies inside the text (but an empty value at the
/// end, which saphyr puts on the line after it).
fn nodes_inside(text: &str, node: &Node) -> Result<(), TestCaseError> {
    if !node.is_null() {
        inside(text, node.at)?;
    }
    match &node.value {
        yaml::Value::Seq(items) => items.iter().try_for_each(|item| nodes_inside(text, item)),
        yaml::Value::Map(map) => map.entries().iter().try_for_each(|e| {
            inside(text, e.key_at)?;
            nodes_inside(text, &e.value)
        }),
        _ => Ok(()),
    }
}

/// Parsing `text` as YAML and splitting it never panics, and every place they give lies
/// inside the text.
fn parse_and_split(text: &str, offsets: &[(usize, usize)]) -> Result<(), TestCaseError> {
    match yaml::parse(text) {
        // For an empty document the root is put at the start.
        Ok(root) if !text.trim().is_empty() => nodes_inside(text, &root)?,
        Ok(_) => {}
        Err(e) => {
            if let Some(p) = e.position {
                prop_assert!(p.line >= 1 && p.col >= 1, "{e:?}");
            }
        }
    }
    if let Ok(split) = front_matter::split("content/articles/a.md", text) {
        prop_assert!(split.yaml.start <= split.yaml.end && split.yaml.end <= split.body.start);
        prop_assert!(split.body.end == text.len());
        prop_assert!(text.get(split.yaml.clone()).is_some() && text.get(split.body.clone()).is_some());
    }
    for &(offset, len) in offsets {
        let p = Position::of_offset(text, offset, len);
        let lines = text.split('\n').count();
        prop_assert!(p.line >= 1 && p.line <= lines && p.col >= 1, "{p:?} for offset {offset} in {text:?}");
    }
    Ok(())
}

/// `cases` cases per property; failures are printed (minimised), not saved to files.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

// ---- strategies ----

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(items)
}

fn yaml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => pick(VALUES).prop_map(str::to_owned),
        1 => "[a-z0-9-]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(20).collect()),
    ]
}

/// One YAML-ish line: `key: value`, `- value`, `- key: value`, or noise, indented.
fn yaml_line() -> impl Strategy<Value = String> {
    let indent = (0usize..4).prop_map(|n| "  ".repeat(n));
    let line = prop_oneof![
        6 => (pick(KEYS), yaml_value()).prop_map(|(k, v)| format!("{k}: {v}")),
        2 => yaml_value().prop_map(|v| format!("- {v}")),
        2 => (pick(KEYS), yaml_value()).prop_map(|(k, v)| format!("- {k}: {v}")),
        1 => pick(KEYS).prop_map(|k| format!("{k}:")),
        1 => pick(VALUES).prop_map(str::to_owned),
    ];
    (indent, line).prop_map(|(i, l)| format!("{i}{l}"))
}

fn body_line() -> impl Strategy<Value = String> {
    prop_oneof![4 => pick(BODY_LINES).prop_map(str::to_owned), 1 => any::<String>()]
}

/// A file shaped like content: optional `---` fences around YAML-ish lines, a body,
/// with LF or CRLF line endings and perhaps a BOM.
fn structured() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof![Just("---"), Just("--- "), Just("..."), Just(""), Just("----")],
        prop::collection::vec(yaml_line(), 0..14),
        prop_oneof![Just(Some("---")), Just(Some("...")), Just(None)],
        prop::collection::vec(body_line(), 0..8),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(bom, open, fields, close, body, crlf, final_newline)| {
            let mut lines = Vec::new();
            if !open.is_empty() {
                lines.push(open.to_owned());
            }
            lines.extend(fields);
            lines.extend(close.map(str::to_owned));
            lines.extend(body);
            let eol = if crlf { "\r\n" } else { "\n" };
            let mut text = lines.join(eol);
            if final_newline {
                text.push_str(eol);
            }
            if bom { format!("\u{feff}{text}") } else { text }
        })
}

/// A fixture file cut short, with a few characters replaced, inserted or removed.
fn mangled_fixture() -> impl Strategy<Value = String> {
    let edit = (
        any::<prop::sample::Index>(),
        0usize..4,
        pick(&["", "\n", ":", "-", " ", "\t", "'", "\"", "[", "&a ", "*a", "#", "\r\n", "é", "\u{0}"]),
    );
    (pick(&FIXTURES), any::<prop::sample::Index>(), prop::collection::vec(edit, 0..4)).prop_map(|(text, cut, edits)| {
        let chars: Vec<char> = text.chars().collect();
        let mut chars: Vec<char> = chars[..cut.index(chars.len() + 1)].to_vec();
        for (at, remove, insert) in edits {
            let at = at.index(chars.len() + 1);
            let end = (at + remove).min(chars.len());
            chars.splice(at..end, insert.chars());
        }
        chars.into_iter().collect()
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        2 => prop::collection::vec(any::<u8>(), 0..400).prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        4 => structured(),
        4 => mangled_fixture(),
    ]
}

fn stem() -> impl Strategy<Value = String> {
    prop_oneof![4 => Just("item".to_owned()), 1 => "[a-z0-9-]{1,10}", 1 => any::<String>().prop_map(|s| s.chars().take(10).collect())]
}

proptest! {
    #![proptest_config(config(1000))]

    #[test]
    fn parsing_any_text_never_panics_and_places_every_diagnostic(
        text in any_text(),
        stem in stem(),
        mode in pick(&MODES),
    ) {
        parse_everything(&text, &stem, mode, false)?;
    }

    #[test]
    fn carets_stand_on_the_reference_or_link_they_report(text in any_text(), mode in pick(&MODES)) {
        parse_everything(&text, "item", mode, true)?;
    }

    #[test]
    fn parsing_splitting_and_positioning_never_panic(
        text in any_text(),
        offsets in prop::collection::vec((0usize..600, 0usize..40), 0..8),
    ) {
        parse_and_split(&text, &offsets)?;
    }

    #[test]
    fn offsets_inside_the_text_map_to_their_line_and_column(text in any::<String>(), at in any::<prop::sample::Index>()) {
        let offset = at.index(text.len() + 1);
        let p = Position::of_offset(&text, offset, 0);
        let boundary = (0..=offset).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let before = &text[..boundary];
        prop_assert_eq!(p.line, before.matches('\n').count() + 1);
        prop_assert_eq!(p.col, before.rsplit('\n').next().unwrap_or("").chars().count() + 1);
    }
}

// ---- places known from the one parse ----

/// Ways of writing a key that YAML reads as something other than its letters.
const ODD_KEYS: &[&str] = &["~", "null", "0x10", "1e3", "+1", "true", "\"quoted key\"", "'single'", "007", ".5"];

/// The first diagnostic of `text` parsed as an article in Markdown.
fn diagnostics_of_article(text: &str) -> Vec<Diagnostic> {
    parse_item(0, &source(Kind::Article, Format::Markdown, "a", text), HtmlMode::Escape).diagnostics
}

proptest! {
    #![proptest_config(config(200))]

    /// However a key is spelled (read as null, a number, true/false, quoted), an unknown
    /// one is reported on it. (The place of a key used to be found again by its text,
    /// which missed keys whose text the data tree had changed: `~`, `0x10`, `1e3`.)
    #[test]
    fn an_unknown_key_is_placed_on_the_key_however_it_is_written(
        key in pick(ODD_KEYS),
        before in 0usize..4,
        indent in 0usize..2,
    ) {
        let fields: String = (0..before).map(|i| format!("topics{i}: x\n")).collect();
        let (open, pad) = if indent == 1 { ("extra:\n  a: 1\n", "") } else { ("", "") };
        let text = format!("---\ntitle: T\ndate: 2025-01-01\n{open}{fields}{pad}{key}: value\n---\nBody.\n");
        let line = 4 + open.lines().count() + before;
        let unknown: Vec<_> = diagnostics_of_article(&text)
            .into_iter()
            .filter(|d| d.message.starts_with("unknown field") && !d.message.contains("topics"))
            .collect();
        prop_assert_eq!(unknown.len(), 1, "{:?}", unknown);
        prop_assert_eq!(unknown[0].position.map(|p| (p.line, p.col)), Some((line, 1)), "{}", text);
    }

    /// A reference reached through an alias (`*name`) is reported where its id was
    /// written, in the anchored node. (It used to have no place at all.)
    #[test]
    fn a_reference_through_an_alias_is_placed_where_it_was_written(
        known in prop::collection::vec(pick(&["alice", "bob"]), 0..3),
        unknown in "[c-z]{3,8}",
        at in any::<prop::sample::Index>(),
    ) {
        let mut ids: Vec<String> = known.iter().map(|s| (*s).to_owned()).collect();
        let index = at.index(ids.len() + 1);
        ids.insert(index, unknown.clone());
        let list = ids.join(", ");
        let text = format!("---\ntitle: T\ndate: 2025-01-01\nextra: &people [{list}]\nactors: *people\n---\nBody.\n");
        let col = "extra: &people [".len() + ids[..index].iter().map(|id| id.len() + 2).sum::<usize>() + 1;
        let files = vec![
            source(Kind::Article, Format::Markdown, "a", &text),
            source(Kind::Actor, Format::Yaml, "alice", "name: Alice\n"),
            source(Kind::Actor, Format::Yaml, "bob", "name: Bob\n"),
        ];
        let parsed: Vec<_> = files.iter().enumerate().map(|(i, f)| parse_item(i, f, HtmlMode::Escape)).collect();
        let records: Vec<&Record> = parsed.iter().filter_map(|p| p.record.as_ref()).collect();
        let mut diagnostics = Diagnostics::new();
        let _ = briefing::model::build(Default::default(), &records, &[], &files, true, &mut diagnostics);
        let errors: Vec<Diagnostic> = diagnostics.into_vec().into_iter().filter(|d| d.severity == Severity::Error).collect();
        prop_assert_eq!(errors.len(), 1, "{:?}", errors);
        prop_assert_eq!(&errors[0].message, &format!("unknown actor `{unknown}`"));
        prop_assert_eq!(errors[0].position.map(|p| (p.line, p.col)), Some((4, col)), "{}", text);
    }
}

/// A `---` line inside a YAML file starts a second document: said where, not only that.
#[test]
fn a_second_document_in_a_yaml_file_is_placed_on_its_start() {
    let text = "title: A\ndate: 2025-01-01\n---\nbody: B\n";
    let parsed = parse_item(0, &source(Kind::Article, Format::Yaml, "a", text), HtmlMode::Escape);
    let d = &parsed.diagnostics[0];
    assert_eq!(d.message, "YAML syntax error: a second document starts here");
    assert_eq!(d.position.map(|p| (p.line, p.col)), Some((3, 1)));
}

/// Nesting past 128 levels is refused at the bracket, dash or key that opens the 129th
/// level, in every shape (the fields themselves are the first level).
#[test]
fn nesting_is_refused_at_the_first_level_too_deep_in_every_shape() {
    let block_maps: String = (1..200).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
    let shapes = [
        (format!("extra: {}\n", "[".repeat(100_000)), (4, 8 + 127)),
        (format!("extra: {}1{}\n", "{a: ".repeat(50_000), "}".repeat(50_000)), (4, 8 + 4 * 127)),
        (format!("extra:\n  {}x\n", "- ".repeat(100_000)), (5, 3 + 2 * 127)),
        (format!("extra:\n{block_maps}"), (5 + 127, 129)),
        (format!("a: &x {}\nextra: [*x]\n", "[".repeat(127) + &"]".repeat(127)), (5, 9)),
    ];
    for (fields, (line, col)) in shapes {
        let d = &diagnostics_of_article(&format!("---\ntitle: T\ndate: 2025-01-01\n{fields}---\nB\n"))[0];
        assert_eq!(d.message, "the fields are nested more than 128 levels deep", "{}", &fields[..40]);
        assert_eq!(d.position.map(|p| (p.line, p.col)), Some((line, col)), "{}", &fields[..40]);
    }
}

// ---- end to end: generated sites through the binary ----

/// A small site: the actors `alice` and `bob` and the proposal `plan-a` always exist;
/// other files refer mostly to them and sometimes to ids that do not exist, with valid
/// or invalid dates, statuses and stances, bodies with links, and now and then a stray
/// YAML line. About half of these sites are valid.
#[derive(Debug, Clone)]
struct SiteFiles(Vec<(String, String)>);

/// Mostly an id that exists, sometimes one that does not.
fn actor_ref() -> impl Strategy<Value = String> {
    prop_oneof![12 => pick(&["alice", "bob"]).prop_map(str::to_owned), 1 => "[a-z]{1,6}"]
}

fn proposal_ref() -> impl Strategy<Value = String> {
    prop_oneof![12 => Just("plan-a".to_owned()), 1 => "[a-z]{1,6}"]
}

fn list(item: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop::collection::vec(item, 0..3).prop_map(|ids| format!("[{}]", ids.join(", ")))
}

/// Now and then (one time in `one_in`) something from `rare`, otherwise `usual`.
fn mostly(usual: &'static str, rare: &'static [&'static str], one_in: u32) -> impl Strategy<Value = String> {
    prop_oneof![one_in - 1 => Just(usual.to_owned()), 1 => pick(rare).prop_map(str::to_owned)]
}

fn safe_body_line() -> impl Strategy<Value = String> {
    let lines =
        &["Plain text.", "[Alice](actor:alice)", "[Plan](proposal:plan-a#one)", "## Outcome", "- item", "> quote"];
    prop_oneof![12 => pick(lines).prop_map(str::to_owned), 1 => body_line()]
}

fn noise() -> impl Strategy<Value = String> {
    prop_oneof![12 => Just(String::new()), 1 => yaml_line().prop_map(|l| format!("{l}\n"))]
}

fn article() -> impl Strategy<Value = (String, String)> {
    (
        "[a-z]{1,8}",
        list(actor_ref()),
        list(proposal_ref()),
        mostly("2025-11-02", &["2025-02-30", "2025-11-02T09:30", "soon", ""], 12),
        prop::collection::vec(safe_body_line(), 0..5),
        any::<bool>(),
        noise(),
    )
        .prop_map(|(id, actors, proposals, date, body, draft, noise)| {
            let body = body.join("\n\n");
            let text = format!(
                "---\ntitle: Article {id}\ndate: {date}\nactors: {actors}\nproposals: {proposals}\ntopics: [Talks]\ndraft: {draft}\n{noise}---\n{body}\n"
            );
            (format!("content/articles/{id}.md"), text)
        })
}

fn actor() -> impl Strategy<Value = (String, String)> {
    let side = mostly("russia", &["united-states", "Not An Id", "", "[x]"], 12);
    (prop_oneof![Just("alice".to_owned()), Just("bob".to_owned()), "[a-z]{1,8}"], side, noise()).prop_map(
        |(id, side, noise)| {
            let text = format!("name: Actor {id}\nside: {side}\n{noise}bio: |\n  Works with [Alice](actor:alice).\n");
            (format!("content/actors/{id}.yaml"), text)
        },
    )
}

fn proposal() -> impl Strategy<Value = (String, String)> {
    (
        "[a-z]{1,8}",
        list(actor_ref()),
        prop::option::of(proposal_ref()),
        mostly("tabled", &["draft", "rejected", "maybe", ""], 12),
        actor_ref(),
        mostly("supports", &["opposes", "perhaps", "[x]"], 12),
        noise(),
    )
        .prop_map(|(id, by, supersedes, status, actor, stance, noise)| {
            let supersedes = supersedes.map(|s| format!("supersedes: {s}\n")).unwrap_or_default();
            let text = format!(
                "---\ntitle: Proposal {id}\nproposed_by: {by}\nstatus: {status}\n{supersedes}{noise}points:\n  - id: one\n    title: One\n    text: See [a](actor:{actor}).\n    positions:\n      {actor}: {stance}\n---\nBody of {id}.\n"
            );
            (format!("content/proposals/{id}.md"), text)
        })
}

fn site_files() -> impl Strategy<Value = SiteFiles> {
    let base = [
        ("content/actors/alice.yaml", "name: Alice\nside: mediators\n"),
        ("content/actors/bob.md", "---\nname: Bob\n---\nBob.\n"),
        ("content/proposals/plan-a.md", "---\ntitle: Plan A\npoints:\n  - id: one\n    title: One\n---\nPlan.\n"),
    ];
    (
        prop::collection::vec(article(), 1..4),
        prop::collection::vec(actor(), 0..3),
        prop::collection::vec(proposal(), 0..3),
    )
        .prop_map(move |(a, b, c)| {
            let base = base.iter().map(|(p, t)| ((*p).to_owned(), (*t).to_owned()));
            // Later files of the same name replace earlier ones.
            SiteFiles(base.chain(b).chain(c).chain(a).collect())
        })
}

fn write_site(root: &Path, site: &SiteFiles) {
    for (rel, text) in &site.0 {
        common::write(root, rel, text);
    }
}

proptest! {
    #![proptest_config(config(32))]

    #[test]
    fn checking_a_generated_site_succeeds_or_lists_errors_never_panics(site in site_files()) {
        let dir = common::TempDir::new("prop-site");
        write_site(dir.path(), &site);
        let run = common::check(dir.path());
        prop_assert!(!run.stderr.contains("panicked"), "panic on {:?}:\n{}", site, run.stderr);
        match run.code {
            Some(0) => {}
            Some(1) => {
                let last = run.stderr.lines().last().unwrap_or("");
                prop_assert!(
                    last.starts_with("error: ") && (last.ends_with(" file") || last.ends_with(" files")),
                    "exit 1 without a summary line for {:?}:\n{}", site, run.stderr
                );
            }
            other => prop_assert!(false, "exit {:?} for {:?}:\n{}", other, site, run.stderr),
        }
    }
}
