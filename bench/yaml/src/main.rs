//! `parsers SITE`: every content file's YAML parsed by briefing (saphyr-parser's events
//! made into a tree with places), by yaml_serde (into JSON values, no places) and by
//! saphyr-parser alone (events only), one thread, best of seven.
//! `hostile`: deep nesting and long lines through `parse_item`, the way a build reads
//! them: time per file and what is reported.

use std::path::Path;
use std::time::Instant;

// The allocator briefing's binary uses, so that allocations cost what they cost there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use briefing::parse::markdown::HtmlMode;
use briefing::parse::{front_matter, parse_item, yaml};
use briefing::read::{Format, Kind, SourceFile};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["parsers", site] => parsers(Path::new(site)),
        ["hostile"] => hostile(),
        _ => eprintln!("usage: briefing-yaml-bench parsers SITE | hostile"),
    }
}

/// The YAML of each content file, grouped as Markdown front matter and YAML files.
fn documents(site: &Path) -> [(&'static str, Vec<String>); 2] {
    let (mut front, mut files) = (Vec::new(), Vec::new());
    for kind in ["articles", "actors", "proposals"] {
        let Ok(entries) = std::fs::read_dir(site.join("content").join(kind)) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(text) = std::fs::read_to_string(&path) else { continue };
            match path.extension().and_then(|e| e.to_str()) {
                Some("md") => {
                    if let Ok(split) = front_matter::split("x.md", &text) {
                        front.push(text[split.yaml].to_owned());
                    }
                }
                Some("yaml") => files.push(text),
                _ => {}
            }
        }
    }
    [("front matter of .md files", front), ("whole .yaml files", files)]
}

fn best_of<T>(runs: usize, docs: &[String], parse: impl Fn(&str) -> T) -> f64 {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            for doc in docs {
                std::hint::black_box(parse(doc));
            }
            started.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::MAX, f64::min)
}

fn saphyr_events(text: &str) -> usize {
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    let mut n = 0;
    while let Some(Ok(_)) = parser.next_event() {
        n += 1;
    }
    n
}

fn parsers(site: &Path) {
    let mut totals = [0.0; 3];
    println!(
        "{:28} {:>6} {:>8} {:>12} {:>12} {:>14}",
        "documents", "count", "MB", "briefing", "yaml_serde", "saphyr events"
    );
    for (what, docs) in documents(site) {
        for doc in &docs {
            assert!(yaml::parse(doc).is_ok() && yaml_serde::from_str::<serde_json::Value>(doc).is_ok(), "{doc}");
        }
        let mb = docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        let times = [
            best_of(7, &docs, |d| yaml::parse(d).map(|n| n.is_null())),
            best_of(7, &docs, |d| yaml_serde::from_str::<serde_json::Value>(d).map(|v| v.is_null())),
            best_of(7, &docs, saphyr_events),
        ];
        for (total, t) in totals.iter_mut().zip(times) {
            *total += t;
        }
        println!(
            "{what:28} {:>6} {mb:>8.1} {:>9.1} ms {:>9.1} ms {:>11.1} ms",
            docs.len(),
            times[0],
            times[1],
            times[2]
        );
    }
    println!("{:28} {:>6} {:>8} {:>9.1} ms {:>9.1} ms {:>11.1} ms", "all", "", "", totals[0], totals[1], totals[2]);
}

fn article(fields: &str) -> SourceFile {
    SourceFile {
        path: "content/articles/a.md".to_owned(),
        full_path: Default::default(),
        kind: Kind::Article,
        format: Format::Markdown,
        stem: "a".to_owned(),
        text: format!("---\ntitle: A\ndate: 2025-01-01\n{fields}---\nBody.\n"),
    }
}

/// Front matter `extra:` of about `bytes` bytes, in each hostile shape.
fn shapes(bytes: usize) -> Vec<(&'static str, String)> {
    let block_maps = {
        // Each level one space deeper than the last, until the size is reached.
        let (mut text, mut level) = (String::from("extra:\n"), 1);
        while text.len() < bytes {
            text.push_str(&format!("{}a:\n", " ".repeat(level)));
            level += 1;
        }
        text
    };
    vec![
        ("nested brackets", format!("extra: {}{}\n", "[".repeat(bytes / 2), "]".repeat(bytes / 2))),
        ("nested flow mappings", format!("extra: {}1{}\n", "{a: ".repeat(bytes / 5), "}".repeat(bytes / 5))),
        ("unclosed brackets", format!("extra: {}\n", "[".repeat(bytes))),
        ("nested block mappings", block_maps),
        ("nested block sequences", format!("extra:\n  {}x\n", "- ".repeat(bytes / 2))),
    ]
}

/// Documents a parser must read in time linear in their size.
fn long(bytes: usize) -> Vec<(&'static str, String)> {
    let keys: String = (0..).map(|i| format!("k{i}: value {i}\n")).take_while_sum(bytes);
    // The deepest rows allowed: the fields, `extra`'s list, 126 brackets.
    let deep_rows: String =
        std::iter::repeat(format!("  - {}x{}\n", "[".repeat(126), "]".repeat(126))).take_while_sum(bytes);
    vec![
        ("one long line", format!("summary: {}\n", "word ".repeat(bytes / 5))),
        ("one long quoted line", format!("summary: \"{}\"\n", "word ".repeat(bytes / 5))),
        ("many keys", format!("extra:\n{}", keys.lines().map(|l| format!("  {l}\n")).collect::<String>())),
        ("long flow list", format!("extra: [{}x]\n", "x, ".repeat(bytes / 3))),
        ("long block text", format!("summary: |\n{}", "  a line of text\n".repeat(bytes / 17))),
        ("rows 128 deep", format!("extra:\n{deep_rows}")),
    ]
}

trait TakeWhileSum {
    fn take_while_sum(self, bytes: usize) -> String;
}

impl<I: Iterator<Item = String>> TakeWhileSum for I {
    fn take_while_sum(self, bytes: usize) -> String {
        let mut out = String::new();
        for s in self {
            if out.len() >= bytes {
                break;
            }
            out.push_str(&s);
        }
        out
    }
}

/// Milliseconds to parse `file` as a build does, best of three, and its first problem.
fn timed(file: &SourceFile) -> (f64, String) {
    let mut first = String::new();
    let ms = (0..3)
        .map(|_| {
            let started = Instant::now();
            let parsed = parse_item(0, file, HtmlMode::Escape);
            let ms = started.elapsed().as_secs_f64() * 1e3;
            first = parsed.diagnostics.first().map_or("accepted".to_owned(), |d| {
                let place = d.position.map_or(String::new(), |p| format!(":{}:{}", p.line, p.col));
                format!("{place} {}", d.message)
            });
            ms
        })
        .fold(f64::MAX, f64::min);
    (ms, first)
}

fn hostile() {
    println!("Refused: 200 KB of `extra:` in front matter");
    for (what, fields) in shapes(200_000) {
        let file = article(&fields);
        let (ms, first) = timed(&file);
        println!("  {what:24} {:>6} KB {ms:>8.2} ms  {first}", file.text.len() / 1000);
    }
    println!("Linear: the same shapes and long documents at 1 MB and 10 MB (time at 10 MB / time at 1 MB)");
    let small: Vec<_> = shapes(1_000_000).into_iter().chain(long(1_000_000)).collect();
    let big: Vec<_> = shapes(10_000_000).into_iter().chain(long(10_000_000)).collect();
    for ((what, fields), (_, big_fields)) in small.into_iter().zip(big) {
        let (a, first) = timed(&article(&fields));
        let (b, _) = timed(&article(&big_fields));
        println!("  {what:24} {a:>8.2} ms {b:>8.2} ms  x{:<5.1} {first}", b / a);
    }
}
