//! The one place that parses YAML. `parse` turns text into a plain data tree
//! (serde_yaml, which also bounds alias expansion and nesting depth); `locate` finds
//! where a key or value sits in the text, so that errors found later can point at it.

use saphyr_parser::{Event, Parser};
use serde_json::Value;

use crate::diagnostic::Position;

/// One step of a path into a YAML document: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

pub type YamlPath = Vec<Seg>;

/// Whether a location means the key of a mapping entry or its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Key,
    Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    /// Line and column within the parsed text (1-based), when the parser knows them.
    pub position: Option<Position>,
}

/// Parses one YAML document into a data tree. An empty document is `Null`. A key
/// written twice in one mapping is an error (the second would silently win).
pub fn parse(text: &str) -> Result<Value, YamlError> {
    if let Some(value) = parse_plain_fields(text).or_else(|| parse_with_trailing_block(text)) {
        return Ok(value);
    }
    parse_whole(text)
}

/// Fields as front matter usually writes them read directly: block mappings and
/// sequences whose values are one-line plain text, dates, `"quoted"` or `'quoted'`
/// text, whole numbers, true, false, null, `{}` and `[a, b]` lists. libyaml sets up
/// 64 KB of buffers for every document and passes each character through several
/// queues, which cost more than reading such fields. Only text whose meaning is beyond
/// doubt is read here; anything else (a value over several lines, comments after
/// values, anchors, tags, block scalars, other numbers, escapes in quotes, a key
/// written twice, tabs, characters libyaml treats specially) gives `None`, and
/// serde_yaml reads the text, with its messages.
fn parse_plain_fields(text: &str) -> Option<Value> {
    // Tabs, carriage returns and other controls (one pass the compiler vectorizes).
    let odd = text
        .as_bytes()
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | ((b < b' ') & (b != b'\n')) | (b == 0x7f)));
    if odd || has_refused_char(text) {
        return None;
    }
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .filter_map(|line| {
            let content = line.trim_start_matches(' ').trim_end_matches(' ');
            let indent = line.len() - line.trim_start_matches(' ').len();
            (!content.is_empty() && !content.starts_with('#')).then_some((indent, content))
        })
        .collect();
    if lines.first()?.0 != 0 {
        return None;
    }
    let mut fields = Fields { lines, at: 0 };
    let value = fields.mapping(0, 0, None)?;
    (fields.at == fields.lines.len()).then_some(value)
}

/// Deeper fields than this are left to serde_yaml (which stops at 128 levels).
const MAX_PLAIN_DEPTH: usize = 16;

/// The non-blank, non-comment lines of a document (indentation, text), and how many
/// have been read.
struct Fields<'t> {
    lines: Vec<(usize, &'t str)>,
    at: usize,
}

impl<'t> Fields<'t> {
    fn peek(&self) -> Option<(usize, &'t str)> {
        self.lines.get(self.at).copied()
    }

    /// A block mapping whose keys are at column `indent`; its first entry is `first`
    /// when that was written after a `- `.
    fn mapping(&mut self, indent: usize, depth: usize, mut first: Option<&'t str>) -> Option<Value> {
        if depth > MAX_PLAIN_DEPTH {
            return None;
        }
        let mut map = serde_json::Map::new();
        loop {
            let entry = match first.take() {
                Some(entry) => entry,
                None => match self.peek() {
                    Some((i, line)) if i == indent && !is_item(line) => {
                        self.at += 1;
                        line
                    }
                    _ => break,
                },
            };
            let (key, rest) = split_entry(entry)?;
            let value = if rest.is_empty() { self.nested(indent, depth)? } else { inline(rest)? };
            if map.insert(key.to_owned(), value).is_some() {
                return None;
            }
        }
        // A deeper line here would continue a value over lines: not read here.
        self.ends_above(indent).then_some(Value::Object(map))
    }

    /// A block sequence whose `-` marks are at column `indent`.
    fn sequence(&mut self, indent: usize, depth: usize) -> Option<Value> {
        if depth > MAX_PLAIN_DEPTH {
            return None;
        }
        let mut items = Vec::new();
        while let Some((i, line)) = self.peek() {
            if i != indent || !is_item(line) {
                break;
            }
            self.at += 1;
            let rest = line[1..].trim_start_matches(' ');
            if rest.is_empty() || is_item(rest) {
                return None;
            }
            let column = indent + line.len() - rest.len();
            let item = if split_entry(rest).is_some() {
                self.mapping(column, depth + 1, Some(rest))?
            } else if self.ends_above(indent) {
                inline(rest)?
            } else {
                return None;
            };
            items.push(item);
        }
        self.ends_above(indent).then_some(Value::Array(items))
    }

    /// The value of a `key:` with nothing after it, from the lines below (at the key's
    /// column `indent` only for a sequence).
    fn nested(&mut self, indent: usize, depth: usize) -> Option<Value> {
        match self.peek() {
            Some((i, line)) if i > indent && is_item(line) => self.sequence(i, depth + 1),
            Some((i, _)) if i > indent => self.mapping(i, depth + 1, None),
            Some((i, line)) if i == indent && is_item(line) => self.sequence(i, depth + 1),
            _ => Some(Value::Null),
        }
    }

    /// Whether the next line (if any) is at column `indent` or before it.
    fn ends_above(&self, indent: usize) -> bool {
        self.peek().is_none_or(|(i, _)| i <= indent)
    }
}

/// A sequence entry: `- ` and its value.
fn is_item(line: &str) -> bool {
    line == "-" || line.starts_with("- ")
}

/// A key written as letters, digits, `_` and `-`, starting with a letter or `_`.
fn is_plain_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .enumerate()
            .all(|(i, b)| b.is_ascii_alphabetic() || b == b'_' || (i > 0 && (b.is_ascii_digit() || b == b'-')))
}

/// `key: value` (or `key:`) with a plain key: the key and the value's text.
fn split_entry(entry: &str) -> Option<(&str, &str)> {
    let (key, rest) = entry.split_once(':')?;
    if !is_plain_key(key) || special_word(key) {
        return None;
    }
    match rest.strip_prefix(' ') {
        Some(value) => Some((key, value.trim_start_matches(' '))),
        None if rest.is_empty() => Some((key, "")),
        None => None,
    }
}

/// A one-line value: a scalar (see `scalar`), `{}`, or a `[a, b]` list of scalars.
fn inline(value: &str) -> Option<Value> {
    if value == "{}" {
        return Some(Value::Object(serde_json::Map::new()));
    }
    if let Some(list) = value.strip_prefix('[') {
        let inner = list.strip_suffix(']')?;
        if inner.trim_matches(' ').is_empty() {
            return Some(Value::Array(Vec::new()));
        }
        return inner.split(',').map(|item| scalar(item.trim_matches(' '))).collect::<Option<_>>().map(Value::Array);
    }
    scalar(value)
}

/// Text in quotes without escapes, null, true or false, a whole number written plainly,
/// or plain text (see `plain`).
fn scalar(s: &str) -> Option<Value> {
    if let Some(quoted) = s.strip_prefix('"') {
        let inner = quoted.strip_suffix('"')?;
        return (!inner.bytes().any(|b| b == b'"' || b == b'\\')).then(|| Value::String(inner.to_owned()));
    }
    if let Some(quoted) = s.strip_prefix('\'') {
        let inner = quoted.strip_suffix('\'')?;
        return (!inner.contains('\'')).then(|| Value::String(inner.to_owned()));
    }
    match s {
        "~" | "null" | "Null" | "NULL" => return Some(Value::Null),
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let whole_number = !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit());
    if whole_number && (s == "0" || !s.starts_with('0')) {
        return s.parse::<u64>().ok().map(Value::from);
    }
    plain(s).map(|s| Value::String(s.to_owned()))
}

/// Plain text that YAML reads as that text: not empty, no indicator first, no `: ` or
/// ` #` inside, no brackets or braces, not something else that starts like a number
/// (a date such as `2025-12-02` or `2025-12-02T10:00:00Z` is text to serde_yaml).
fn plain(s: &str) -> Option<&str> {
    let bytes = s.as_bytes();
    let first = *bytes.first()?;
    let indicator = b"-?:,[]{}#&*!|>'\"%@`".contains(&first);
    let number_like = first.is_ascii_digit() || matches!(first, b'+' | b'.');
    if indicator || special_word(s) || (number_like && !starts_with_date(s)) || bytes.ends_with(b":") {
        return None;
    }
    // One pass, as this runs for every value of every file.
    let inside = bytes.iter().enumerate().any(|(i, b)| match b {
        b'[' | b']' | b'{' | b'}' => true,
        b':' => bytes.get(i + 1) == Some(&b' '),
        b'#' => i > 0 && bytes[i - 1] == b' ',
        _ => false,
    });
    (!inside).then_some(s)
}

fn special_word(s: &str) -> bool {
    matches!(s, "~" | "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
}

/// `YYYY-MM-DD`, and maybe more after it.
fn starts_with_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// The usual shape of a YAML article, actor or proposal ends in its text, a literal
/// block (`body: |`) running to the end of the file. libyaml reads such a block one
/// character at a time, which was most of the time spent on YAML; the block is plain
/// text, so it is cut off here, the fields before it parsed, and the text put back.
/// Only blocks whose meaning is beyond doubt are taken this way (see `literal_block`);
/// anything else, and every error, goes through the parser whole, so that the result
/// and the messages are the same either way.
fn parse_with_trailing_block(text: &str) -> Option<Value> {
    let (head, key, block) = trailing_literal_block(text)?;
    let mut value = parse_plain_fields(head).or_else(|| parse_whole(head).ok())?;
    let map = value.as_object_mut()?;
    if map.contains_key(key) {
        return None;
    }
    map.insert(key.to_owned(), Value::String(block));
    Some(value)
}

/// Splits `text` into the fields before a last top-level `key: |` (or `|-`), the key,
/// and the block's value, when the block runs to the end of the text.
fn trailing_literal_block(text: &str) -> Option<(&str, &str, String)> {
    if !text.ends_with('\n') || text.contains('\r') {
        return None;
    }
    // The last line that starts in the first column, ignoring the final line break.
    let start = text[..text.len() - 1].rfind('\n').map_or(0, |i| i + 1);
    let mut header_start = start;
    while !starts_a_top_level_line(&text[header_start..]) {
        header_start = text[..header_start.checked_sub(1)?].rfind('\n').map_or(0, |i| i + 1);
    }
    let header_end = header_start + text[header_start..].find('\n')?;
    let header = &text[header_start..header_end];
    let (key, indicator) = header.split_once(':')?;
    if !is_plain_key(key) {
        return None;
    }
    let strip = match indicator.trim_end_matches(' ') {
        " |" => false,
        " |-" => true,
        _ => return None,
    };
    let head = &text[..header_start];
    if !one_mapping_from_the_first_column(head) {
        return None;
    }
    let block = literal_block(&text[header_end + 1..], strip)?;
    Some((head, key, block))
}

/// Whether the fields before the block can only be one mapping whose keys start in the
/// first column, as the block's key does: its first line (past a `---` and comments)
/// begins with a plain key, and no line ends the document or starts another one.
fn one_mapping_from_the_first_column(head: &str) -> bool {
    let mut lines = head.lines().skip_while(|l| l.is_empty() || l.starts_with('#')).peekable();
    if lines.peek() == Some(&"---") {
        lines.next();
    }
    let first = lines.find(|l| !l.trim_start_matches(' ').is_empty() && !l.starts_with('#'));
    let plain_start = |l: &str| l.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
    first.is_none_or(plain_start) && !head.lines().skip(1).any(|l| l.starts_with("---") || l.starts_with("..."))
}

/// Whether a line begins at the first column: not indented, not blank.
fn starts_a_top_level_line(line: &str) -> bool {
    !matches!(line.as_bytes().first(), None | Some(b' ' | b'\n'))
}

/// The value of a literal block scalar whose indented lines are all of `lines` (the
/// text after the header line, ending in a line break), with the indentation found
/// from its first line and the final line break kept once (or dropped with `strip`).
/// `None` for anything YAML would read otherwise or reject: no text at all, blank
/// lines before the first with more spaces than it, tabs in the indentation, a line
/// less indented than the first, characters libyaml refuses.
fn literal_block(lines: &str, strip: bool) -> Option<String> {
    // (A carriage return never gets here: the caller refuses it.)
    let control = |b: u8| (b < b' ' && b != b'\n' && b != b'\t') || b == 0x7f;
    if (super::may_hold_controls(lines) && lines.bytes().any(control)) || has_refused_char(lines) {
        return None;
    }
    let first = lines.split('\n').find(|l| !l.trim_start_matches(' ').is_empty())?;
    let indent = first.bytes().take_while(|&b| b == b' ').count();
    // libyaml refuses a tab right after the spaces that set the indentation.
    if indent == 0 || first.as_bytes()[indent] == b'\t' {
        return None;
    }
    let mut value = String::with_capacity(lines.len());
    let mut seen_text = false;
    for line in lines[..lines.len() - 1].split('\n') {
        let spaces = line.bytes().take_while(|&b| b == b' ').count();
        let blank = spaces == line.len();
        if blank && !seen_text && spaces > indent {
            // A blank line before the first, more indented than it: an error.
            return None;
        }
        if spaces >= indent {
            value.push_str(&line[indent..]);
        } else if !blank {
            // A tab where indentation should be, or a line that ends the block early.
            return None;
        }
        seen_text |= !blank;
        value.push('\n');
    }
    let kept = value.trim_end_matches('\n').len();
    value.truncate(if strip { kept } else { kept + 1 });
    Some(value)
}

/// Characters libyaml refuses in a document (C1 controls, the two non-characters at
/// the end of the basic plane), or reads as line breaks (NEL, the line and paragraph
/// separators), and the byte order mark, which it treats specially.
fn has_refused_char(text: &str) -> bool {
    // In UTF-8 each of them starts with one of three bytes, which in valid text only
    // ever start a character: look at those alone.
    let b = text.as_bytes();
    memchr::memchr3_iter(0xc2, 0xe2, 0xef, b).any(|i| match (b[i], b.get(i + 1), b.get(i + 2)) {
        (0xc2, Some(0x80..=0x9f), _) => true,          // U+0080–U+009F
        (0xe2, Some(0x80), Some(0xa8 | 0xa9)) => true, // U+2028, U+2029
        (0xef, Some(0xbb), Some(0xbf)) => true,        // U+FEFF
        (0xef, Some(0xbf), Some(0xbe | 0xbf)) => true, // U+FFFE, U+FFFF
        _ => false,
    })
}

fn parse_whole(text: &str) -> Result<Value, YamlError> {
    if text.contains('*') && text.contains('&') {
        check_aliases(text)?;
    }
    let value = serde_yaml::from_str::<Strict>(text).map_err(|e| {
        let plain = e.to_string();
        if plain.starts_with("recursion limit exceeded") {
            let position = e.location().map(|l| Position::new(l.line(), l.column(), 1));
            return YamlError { message: "the fields are nested more than 128 levels deep".to_owned(), position };
        }
        if plain.starts_with("repetition limit exceeded") {
            return YamlError {
                message: "the fields' aliases (`*name`) expand to too much data".to_owned(),
                position: None,
            };
        }
        if let Some((key, position)) = e.to_string().starts_with(DUPLICATE).then(|| duplicate_key(text)).flatten() {
            return YamlError { message: format!("the key `{key}` is written twice"), position: Some(position) };
        }
        let position = e.location().map(|l| Position::new(l.line(), l.column(), 1));
        YamlError { message: clean_message(&e.to_string()), position }
    })?;
    Ok(value.0)
}

const DUPLICATE: &str = "duplicate key";

/// A data tree read straight from the YAML events, like `serde_json::Value` but
/// refusing a key written twice in one mapping (which `serde_json::Value` would let
/// the second silently win).
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = serde_json::Map::new();
        while let Some(Strict(key)) = map.next_key()? {
            // Keys that YAML reads as numbers or true/false are taken as their text.
            let key = match key {
                Value::String(s) => s,
                other => other.to_string(),
            };
            let Strict(value) = map.next_value()?;
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format!("{DUPLICATE} `{key}`")));
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// Aliases copy the node they name: a few of a big node can be gigabytes. Refuses
/// fields whose aliases would copy more than `MAX_ALIAS_BYTES` of text.
const MAX_ALIAS_BYTES: usize = 1 << 20;

fn check_aliases(text: &str) -> Result<(), YamlError> {
    let mut sizes: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    // One entry per open collection: its anchor and where it starts, if anchored.
    let mut depth_anchors: Vec<Option<(usize, usize)>> = Vec::new();
    let mut copied = 0usize;
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        match event {
            Event::Scalar(_, _, anchor, _) if anchor > 0 => {
                sizes.insert(anchor, span.end.index().saturating_sub(span.start.index()).max(1));
            }
            Event::MappingStart(anchor, _) | Event::SequenceStart(anchor, _) => {
                depth_anchors.push((anchor > 0).then_some((anchor, span.start.index())));
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Some((anchor, start))) = depth_anchors.pop() {
                    sizes.insert(anchor, span.end.index().saturating_sub(start).max(1));
                }
            }
            Event::Alias(anchor) => {
                copied = copied.saturating_add(sizes.get(&anchor).copied().unwrap_or(1));
                if copied > MAX_ALIAS_BYTES {
                    let position = Position::new(span.start.line(), span.start.col() + 1, 1);
                    let message = "the fields' aliases (`*name`) copy more than 1 MB of text".to_owned();
                    return Err(YamlError { message, position: Some(position) });
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// The first key repeated within one mapping, and where the repeat is.
fn duplicate_key(text: &str) -> Option<(String, Position)> {
    // One frame per open mapping or sequence: the keys seen, and whether a key comes next.
    let mut frames: Vec<Option<(Vec<String>, bool)>> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        let is_node =
            matches!(event, Event::Scalar(..) | Event::MappingStart(..) | Event::SequenceStart(..) | Event::Alias(..));
        if is_node {
            if let Some(Some((keys, expect_key))) = frames.last_mut() {
                if *expect_key {
                    if let Event::Scalar(k, ..) = &event {
                        if keys.iter().any(|seen| seen == k.as_ref()) {
                            let len = k.chars().count().max(1);
                            return Some((k.to_string(), Position::new(span.start.line(), span.start.col() + 1, len)));
                        }
                        keys.push(k.to_string());
                    }
                }
                *expect_key = !*expect_key;
            }
            match event {
                Event::MappingStart(..) => frames.push(Some((Vec::new(), true))),
                Event::SequenceStart(..) => frames.push(None),
                _ => {}
            }
        } else if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
            frames.pop();
        }
    }
    None
}

/// serde_yaml appends " at line L column C" to its messages; we print the place ourselves.
fn clean_message(message: &str) -> String {
    let message = match message.find(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    message.trim().to_owned()
}

/// Where `path` is in `text`: the key itself or its value. Only called for errors, so it
/// re-reads the text with a parser that keeps positions rather than slowing down every build.
pub fn locate(text: &str, path: &[Seg], target: Target) -> Option<Position> {
    enum Frame {
        Map { key: Option<String>, expect_key: bool },
        Seq { index: usize },
    }
    let mut frames: Vec<Frame> = Vec::new();
    let mut current: YamlPath = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        let is_node =
            matches!(event, Event::Scalar(..) | Event::MappingStart(..) | Event::SequenceStart(..) | Event::Alias(..));
        if is_node {
            // Work out which path this node stands at, and whether it is a key.
            let mut node_is_key = false;
            let mut node_path = current.clone();
            match frames.last_mut() {
                Some(Frame::Map { key, expect_key }) => {
                    if *expect_key {
                        node_is_key = true;
                        if let Event::Scalar(k, ..) = &event {
                            *key = Some(k.to_string());
                            node_path.push(Seg::Key(k.to_string()));
                        }
                    } else if let Some(k) = key {
                        node_path.push(Seg::Key(k.clone()));
                    }
                    *expect_key = !*expect_key;
                }
                Some(Frame::Seq { index }) => {
                    node_path.push(Seg::Index(*index));
                    *index += 1;
                }
                None => {}
            }
            let wanted = match target {
                Target::Key => node_is_key,
                Target::Value => !node_is_key,
            };
            if wanted && node_path == path {
                let start = span.start;
                let len = match &event {
                    Event::Scalar(..) if span.end.line() == start.line() => {
                        span.end.col().saturating_sub(start.col()).max(1)
                    }
                    Event::Scalar(v, ..) => v.lines().next().map_or(1, |l| l.chars().count().max(1)),
                    _ => 1,
                };
                return Some(Position::new(start.line(), start.col() + 1, len));
            }
            match event {
                Event::MappingStart(..) => {
                    current = node_path;
                    frames.push(Frame::Map { key: None, expect_key: true });
                }
                Event::SequenceStart(..) => {
                    current = node_path;
                    frames.push(Frame::Seq { index: 0 });
                }
                _ => {}
            }
        } else if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
            frames.pop();
            current.pop();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "title: Talks\nactors:\n  - vladimir-putin\n  - steve-witkof\nquotes:\n  - actor: marco-rubio\n    text: \"x\"\n";

    #[test]
    fn refused_characters_are_found_by_their_bytes_exactly_as_by_their_code_points() {
        let refused =
            |c: char| matches!(c, '\u{80}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}');
        for c in (0..0x3000).chain(0xfe00..0x1_0000).chain(0x1_0000..0x1_0100).filter_map(char::from_u32) {
            for text in [format!("{c}"), format!("title: “{c}”\n"), format!("a—{c}")] {
                assert_eq!(has_refused_char(&text), refused(c), "U+{:04X} in {text:?}", c as u32);
            }
        }
    }

    #[test]
    fn locates_sequence_items_and_nested_keys() {
        let path = vec![Seg::Key("actors".into()), Seg::Index(1)];
        assert_eq!(locate(DOC, &path, Target::Value), Some(Position::new(4, 5, 12)));
        let path = vec![Seg::Key("quotes".into()), Seg::Index(0), Seg::Key("actor".into())];
        assert_eq!(locate(DOC, &path, Target::Value), Some(Position::new(6, 12, 11)));
        assert_eq!(locate(DOC, &path, Target::Key), Some(Position::new(6, 5, 5)));
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let err = parse("title: [unclosed\n").unwrap_err();
        assert!(err.position.is_some());
    }

    #[test]
    fn a_key_written_twice_is_an_error_at_the_second() {
        let err = parse("title: a\nactors: [x]\ntitle: b\n").unwrap_err();
        assert_eq!(err.message, "the key `title` is written twice");
        assert_eq!(err.position, Some(Position::new(3, 1, 5)));
    }

    #[test]
    fn a_trailing_literal_block_is_cut_off_and_put_back() {
        let text = "title: x\nbody: |\n  # Heading\n\n    code\n  text: with colon\n\n\n";
        assert!(trailing_literal_block(text).is_some());
        let value = parse(text).unwrap();
        assert_eq!(value["body"], "# Heading\n\n  code\ntext: with colon\n");
        assert_eq!(value, parse_whole(text).unwrap());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        /// Whatever the text, the shortcut for a trailing block gives what the parser
        /// gives on the whole text, or is not taken.
        #[test]
        fn the_trailing_block_shortcut_agrees_with_the_parser(text in block_documents()) {
            let whole = parse_whole(&text);
            if let Some(value) = parse_with_trailing_block(&text) {
                proptest::prop_assert_eq!(Ok(value), whole, "{:?}", text);
            }
        }
    }

    #[test]
    fn plain_fields_are_read_as_yaml_reads_them() {
        let doc = "title: \"Talks: day two\"\ndate: 2025-12-02\nactors: [a-b, c]\ntopics:\n- x\n- 'y z'\n\
                   # a comment\nsources:\n  - title: One\n    url: https://e.example/a?b=c\n  -   title: Two\n\
                   empty:\nnested:\n  key: value é…\n";
        let value = parse_plain_fields(doc).expect("read directly");
        assert_eq!(Ok(value), parse_whole(doc));
        let numbers = "n: 50\nt: true\nz: ~\nwhen: 2022-12-23T06:30:00Z\nnone: {}\nnames: [\"Åberg\", x]\n";
        assert_eq!(parse_plain_fields(numbers).map(Ok), Some(parse_whole(numbers)));
        for odd in
            ["n: 1.5\n", "n: 007\n", "n: -1\n", "a: b # c\n", "a: b\n  c\n", "a: &x b\n", "a: |\n  b\n", "a: b\na: c\n"]
        {
            assert_eq!(parse_plain_fields(odd), None, "{odd:?}");
        }
    }

    #[test]
    fn every_front_matter_of_the_demo_and_the_fixtures_reads_as_yaml_reads_it() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut read, mut all) = (0, 0);
        for dir in ["content", "tests/fixtures"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().filter_map(Result::ok) {
                let path = entry.path();
                let Ok(text) = std::fs::read_to_string(path) else { continue };
                let yaml = match path.extension().and_then(|e| e.to_str()) {
                    Some("yaml") => text.as_str(),
                    Some("md") => match super::super::front_matter::split("x.md", &text) {
                        Ok(split) => &text[split.yaml],
                        Err(_) => continue,
                    },
                    _ => continue,
                };
                all += 1;
                let (head, _, _) = trailing_literal_block(yaml).unwrap_or((yaml, "", String::new()));
                if let Some(value) = parse_plain_fields(head) {
                    read += 1;
                    assert_eq!(Ok(value), parse_whole(head), "{}", path.display());
                }
            }
        }
        assert!(read * 2 > all, "only {read} of {all} read directly");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(10000))]
        /// Whatever the text, fields read directly are what the parser reads.
        #[test]
        fn plain_fields_agree_with_the_parser(text in field_documents()) {
            if let Some(value) = parse_plain_fields(&text) {
                proptest::prop_assert_eq!(Ok(value), parse_whole(&text), "{:?}", text);
            }
        }
    }

    /// Front matter of the usual shape, with odd keys, values and lines here and there.
    fn field_documents() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        fn mostly(usual: &'static [&'static str], odd: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
            prop_oneof![5 => proptest::sample::select(usual), 1 => proptest::sample::select(odd)]
        }
        let key = || {
            mostly(
                &["title", "date", "actors", "x_y", "a-b"],
                &["true", "Null", "1a", "a b", "-a", "\"k\"", "<<", "~", "é", "a:b", "? a", "k\t"],
            )
        };
        let value = || {
            mostly(
                &[
                    "Talks in Geneva",
                    "2025-12-02",
                    "\"Talks: day two\"",
                    "'single'",
                    "[a, b-c]",
                    "[]",
                    "é…",
                    "https://x.example/a#b",
                    "a:b",
                    "x, y",
                ],
                &[
                    "1",
                    "-1",
                    "0x1F",
                    "1e3",
                    ".inf",
                    "+1",
                    "0123",
                    "2025-1-2",
                    "2025-12-02x",
                    "true",
                    "FALSE",
                    "~",
                    "null",
                    "yes",
                    "nan",
                    "-x",
                    "- x",
                    "a: b",
                    "a #c",
                    "a#c",
                    "[a, [b]]",
                    "[a,]",
                    "[a, 'b']",
                    "[a] b",
                    "\"a\\\"b\"",
                    "\"a\\tb\"",
                    "'it''s'",
                    "\"a\" b",
                    "&a x",
                    "*a",
                    "!t x",
                    "|",
                    ">",
                    "|-",
                    "x:",
                    "{a: b}",
                    "%x",
                    "@x",
                    "`x`",
                    "a\u{85}b",
                    "\u{feff}a",
                    "a\u{2028}b",
                    "a\u{7f}",
                    "a\tb",
                    "a\rb",
                    "\"",
                    "'",
                    "[",
                    "a ]",
                    "a}",
                    "? x",
                    ": x",
                    ",a",
                    "#a",
                ],
            )
        };
        let shape = prop_oneof![
            4 => Just(0u8), // key: value
            2 => Just(1),   // key:\n  - value ...
            1 => Just(2),   // key:\n- value ...
            2 => Just(3),   // key:\n  - k: v\n    k: v
            1 => Just(4),   // key:\n  k: v
            1 => Just(5),   // key:
        ];
        let odd_line = mostly(
            &["", "", "", "# note\n", "\n"],
            &["  continued\n", " k: v\n", "\tk: v\n", "---\n", "...\n", "- a\n", "   \n", "k: v\n  - a\n", "  # c\n"],
        );
        let entry = (shape, key(), value(), key(), value(), odd_line, 1usize..4);
        proptest::collection::vec(entry, 0..6).prop_map(|entries| {
            let mut text = String::new();
            for (shape, k, v, k2, v2, odd, spaces) in entries {
                let pad = " ".repeat(spaces);
                text.push_str(&match shape {
                    0 => format!("{k}: {v}\n"),
                    1 => format!("{k}:\n{pad}- {v}\n{pad}- {v2}\n"),
                    2 => format!("{k}:\n- {v}\n"),
                    3 => format!("{k}:\n{pad}- {k2}: {v}\n{pad}  {k}: {v2}\n"),
                    4 => format!("{k}:\n{pad}{k2}: {v}\n"),
                    _ => format!("{k}:\n"),
                });
                text.push_str(odd);
            }
            text
        })
    }

    /// Mostly documents of the usual shape, with one odd thing here and there.
    fn block_documents() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        fn mostly(usual: &'static [&'static str], odd: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
            prop_oneof![6 => proptest::sample::select(usual), 1 => proptest::sample::select(odd)]
        }
        let head = proptest::collection::vec(
            mostly(
                &["title: x\n", "date: 2025-12-02\n", "list:\n  - a\n", "summary: |\n  foo\n", "\n", "# note\n"],
                &[
                    "title: \"abc\n",
                    "x: [a,\n",
                    "x: &a\n",
                    "y: *a\n",
                    "summary: >\n  a\n  b\n",
                    "body: x\n",
                    "---\n",
                    "? a\n",
                    "x: 'it''s\n",
                    "  indented: 1\n",
                    "...\n",
                    "bio: |\n  z\n",
                    "- a\n",
                ],
            ),
            0..4,
        );
        let key = mostly(&["body", "bio"], &["x-y", "1a", "body ", "_k", "Body", "\"body\"", "- body"]);
        let indicator = mostly(&[" |", " |-"], &[" |+", " |2", "  |", " | # c", " |  ", " >", "|", " |-  ", " |\t"]);
        let spaces = prop_oneof![6 => Just(2usize), 1 => 0usize..6];
        let content = mostly(
            &["text", "", "## Heading", "[a](actor:b) and *c*", "- item", "    code", "key: v", "# c"],
            &[
                "\tx",
                " ",
                "é…",
                "\u{85}",
                "\u{9f}",
                "\u{feff}",
                "---",
                "...",
                "\t",
                "\u{7f}",
                "\u{1}",
                "  ",
                "\"q\"",
                "\u{2028}",
                "a\u{2029}b",
                "\r",
                "'",
                "&a *a",
                "|",
            ],
        );
        let lines = proptest::collection::vec((spaces, content), 0..8);
        let end = mostly(&["\n"], &["", "\r\n", "\n\n", "\n  \n", "\nz: 1\n", "\n   \n\n", "\n# end\n"]);
        (head, key, indicator, lines, end).prop_map(|(head, key, indicator, lines, end)| {
            let mut text: String = head.concat();
            text.push_str(&format!("{key}:{indicator}"));
            for (spaces, content) in lines {
                text.push('\n');
                text.push_str(&" ".repeat(spaces));
                text.push_str(content);
            }
            text.push_str(end);
            text
        })
    }

    #[test]
    fn empty_document_is_null() {
        assert_eq!(parse("").unwrap(), Value::Null);
    }
}
