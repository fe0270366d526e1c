//! Builds the tree from saphyr-parser's events as they come, one pass over the text.
//! The limits are checked as each collection opens and each alias is copied, so that a
//! hostile document is refused where it crosses one, before the rest is read.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, Tag};

use super::error::{MAX_ALIAS_BYTES, MAX_DEPTH, YamlError, YamlErrorKind};
use super::tree::{Entry, Map, Node, Value};
use super::{flow_depth, scalar};
use crate::diagnostic::Position;

/// Keys of a mapping are compared one by one up to this many, then through a set.
const LINEAR_KEYS: usize = 16;

pub(super) fn build(text: &str) -> Result<Node, YamlError> {
    // Text that ends without a line break, in which a block scalar may end: its last
    // line has none either (YAML 1.2, 8.1.1.2), but saphyr adds one. Counted only then.
    let unbroken_end = (!text.ends_with(['\n', '\r'])).then(|| text.chars().count());
    let mut builder = Builder { unbroken_end, ..Builder::default() };
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        match next {
            Ok((event, span)) => builder.event(event, span)?,
            Err(e) => return Err(builder.syntax_error(text, &e)),
        }
    }
    match builder.later {
        Some(error) => Err(error),
        None => Ok(builder.root.unwrap_or_else(|| Node::null(Position::new(1, 1, 1)))),
    }
}

#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    root: Option<Node>,
    anchors: HashMap<usize, Anchored>,
    documents: usize,
    events: usize,
    /// Where the last event ended: character index, line (1-based), column (0-based).
    last_end: (usize, usize, usize),
    /// The text's length in characters, if its last line has no line break.
    unbroken_end: Option<usize>,
    /// Copies made by aliases so far, counting those inside copied nodes.
    jumps: usize,
    /// Characters of text those copies took.
    copied: usize,
    /// The first problem that does not stop the parse: a syntax error after it still
    /// wins, as the text is not YAML at all.
    later: Option<YamlError>,
}

/// An open sequence or mapping.
struct Frame {
    at: Position,
    /// Character indices where it starts and where its opening ends (past a `[` or `{`).
    start: usize,
    opening_end: usize,
    anchor: usize,
    items: Items,
    /// Collection levels below it, and what the aliases inside it copied.
    cost: Cost,
}

enum Items {
    Seq(Vec<Node>),
    Map { entries: Vec<Entry>, key: Option<(String, Position)>, keys: Option<ahash::AHashSet<String>>, skip: bool },
}

/// What a node costs when an alias copies it: its levels of collections, the copies
/// made by the aliases within it (or by itself, for an alias) and the characters of
/// text they took, and its own characters.
#[derive(Default, Clone, Copy)]
struct Cost {
    height: usize,
    jumps: usize,
    copied: usize,
    chars: usize,
}

struct Anchored {
    node: Node,
    cost: Cost,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        self.events += 1;
        self.last_end = (span.end.index(), span.end.line(), span.end.col());
        let at = Position::new(span.start.line(), span.start.col() + 1, 1);
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(YamlError { kind: YamlErrorKind::SeveralDocuments, position: Some(at) });
                }
            }
            Event::Scalar(text, style, anchor, tag) => self.scalar(text, style, anchor, tag.as_deref(), span),
            Event::SequenceStart(anchor, tag) => self.open(Items::Seq(Vec::new()), anchor, tag.as_deref(), span)?,
            Event::MappingStart(anchor, tag) => {
                let items = Items::Map { entries: Vec::new(), key: None, keys: None, skip: false };
                self.open(items, anchor, tag.as_deref(), span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(span),
            Event::Alias(anchor) => self.alias(anchor, at)?,
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    fn scalar(&mut self, mut text: Cow<'_, str>, style: ScalarStyle, anchor: usize, tag: Option<&Tag>, span: Span) {
        let block = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
        if block && self.unbroken_end == Some(span.end.index()) && text.ends_with('\n') {
            text.to_mut().pop();
        }
        // As many characters as the value takes on its first line.
        let len = if span.end.line() == span.start.line() {
            span.end.col().saturating_sub(span.start.col()).max(1)
        } else {
            text.lines().next().map_or(1, |l| l.chars().count().max(1))
        };
        let at = Position::new(span.start.line(), span.start.col() + 1, len);
        let literal = style == ScalarStyle::Literal;
        let value = scalar::resolve(text.into_owned(), style, tag).unwrap_or_else(|kind| {
            self.defer(kind, at);
            Value::Null
        });
        let chars = span.end.index().saturating_sub(span.start.index()).max(1);
        self.complete(Node { value, at, literal }, anchor, Cost { chars, ..Cost::default() });
    }

    /// A sequence or mapping begins: one level deeper.
    fn open(&mut self, items: Items, anchor: usize, tag: Option<&Tag>, span: Span) -> Result<(), YamlError> {
        let at = Position::new(span.start.line(), span.start.col() + 1, 1);
        if self.stack.len() >= MAX_DEPTH {
            return Err(YamlError { kind: YamlErrorKind::TooDeep, position: Some(at) });
        }
        if let Some(name) = tag.and_then(scalar::local) {
            self.defer(YamlErrorKind::Tagged(name), at);
        }
        let (start, opening_end) = (span.start.index(), span.end.index());
        self.stack.push(Frame { at, start, opening_end, anchor, items, cost: Cost::default() });
        Ok(())
    }

    fn close(&mut self, span: Span) {
        let Some(frame) = self.stack.pop() else { return };
        let value = match frame.items {
            Items::Seq(items) => Value::Seq(items),
            Items::Map { entries, .. } => Value::Map(Map::from_unique(entries)),
        };
        let chars = span.end.index().saturating_sub(frame.start).max(1);
        let cost = Cost { height: frame.cost.height + 1, chars, ..frame.cost };
        self.complete(Node { value, at: frame.at, literal: false }, frame.anchor, cost);
    }

    /// A copy of the node anchored as `anchor`, within the limits.
    fn alias(&mut self, anchor: usize, at: Position) -> Result<(), YamlError> {
        // saphyr refuses an alias to an anchor it has not seen.
        let Some(anchored) = self.anchors.get(&anchor) else { return Ok(()) };
        let a = anchored.cost;
        let cost = Cost { height: a.height, jumps: a.jumps + 1, copied: a.copied.saturating_add(a.chars), chars: 0 };
        let stop = |kind, position| Err(YamlError { kind, position });
        if self.stack.len() + cost.height > MAX_DEPTH {
            return stop(YamlErrorKind::TooDeep, Some(at));
        }
        self.jumps = self.jumps.saturating_add(cost.jumps);
        if self.jumps > self.events.saturating_mul(100) {
            return stop(YamlErrorKind::AliasesExpand, None);
        }
        self.copied = self.copied.saturating_add(cost.copied);
        if self.copied > MAX_ALIAS_BYTES {
            return stop(YamlErrorKind::AliasesCopy, Some(at));
        }
        let node = Node { at, literal: false, ..anchored.node.clone() };
        self.complete(node, 0, cost);
        Ok(())
    }

    /// Puts a finished node into the collection that holds it (or makes it the root).
    fn complete(&mut self, node: Node, anchor: usize, cost: Cost) {
        if anchor > 0 {
            self.anchors.insert(anchor, Anchored { node: node.clone(), cost });
        }
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some(node);
            return;
        };
        frame.cost.height = frame.cost.height.max(cost.height);
        frame.cost.jumps = frame.cost.jumps.saturating_add(cost.jumps);
        frame.cost.copied = frame.cost.copied.saturating_add(cost.copied);
        match &mut frame.items {
            Items::Seq(items) => items.push(node),
            Items::Map { entries, key, keys, skip } => match key.take() {
                Some((key, key_at)) => {
                    if !std::mem::take(skip) {
                        entries.push(Entry { key, key_at, value: node });
                    }
                }
                None => {
                    let key_at = node.at;
                    let name = key_text(node);
                    if is_written(entries, keys, &name) {
                        let position = Position { len: name.chars().count().max(1), ..key_at };
                        *skip = true;
                        let error =
                            YamlError { kind: YamlErrorKind::DuplicateKey(name.clone()), position: Some(position) };
                        self.later.get_or_insert(error);
                    }
                    *key = Some((name, key_at));
                }
            },
        }
    }

    fn defer(&mut self, kind: YamlErrorKind, at: Position) {
        self.later.get_or_insert(YamlError { kind, position: Some(at) });
    }

    /// The parser's error; or nesting too deep, if brackets read past the last event
    /// went too deep before it; or, when it stopped inside a `[` or `{` at something
    /// that cannot go on a collection there, the bracket left open.
    fn syntax_error(&self, text: &str, e: &ScanError) -> YamlError {
        let mark = e.marker();
        let (from, line, col) = self.last_end;
        if let Some(at) = flow_depth::too_deep(text, from, (line, col), mark.index() + 1, self.stack.len()) {
            return YamlError { kind: YamlErrorKind::TooDeep, position: Some(at) };
        }
        let position = Some(Position::new(mark.line(), mark.col() + 1, 1));
        let opening = self.stack.last().and_then(|f| f.opening_end.checked_sub(1)).and_then(|i| text.chars().nth(i));
        let stopped_at = text.chars().nth(mark.index());
        let kind = match (opening, stopped_at) {
            (Some('['), None | Some(':' | '-' | '?' | '#' | '}')) => YamlErrorKind::UnclosedFlow(']'),
            (Some('{'), None | Some(':' | '-' | '?' | '#' | ']')) => YamlErrorKind::UnclosedFlow('}'),
            _ => YamlErrorKind::Syntax(e.info().to_owned()),
        };
        YamlError { kind, position }
    }
}

/// A key as text: keys that YAML reads as numbers, true/false or collections are taken
/// as their JSON text (as serde_yaml gave them to `serde_json::Value`).
fn key_text(node: Node) -> String {
    match node.value {
        Value::String(s) => s,
        _ => node.to_json().to_string(),
    }
}

/// Whether `name` is already a key of the mapping; remembers it if not.
fn is_written(entries: &[Entry], keys: &mut Option<ahash::AHashSet<String>>, name: &str) -> bool {
    if let Some(keys) = keys {
        return !keys.insert(name.to_owned());
    }
    if entries.iter().any(|e| e.key == name) {
        return true;
    }
    if entries.len() >= LINEAR_KEYS {
        let mut set: ahash::AHashSet<String> = entries.iter().map(|e| e.key.clone()).collect();
        set.insert(name.to_owned());
        *keys = Some(set);
    }
    false
}
