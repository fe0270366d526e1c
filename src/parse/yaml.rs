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
    fn empty_document_is_null() {
        assert_eq!(parse("").unwrap(), Value::Null);
    }
}
