//! Typed access to a YAML mapping that records every problem as a located diagnostic
//! and notices keys nobody asked for.

use serde_json::{Map, Value};

use super::At;
use super::yaml::{Seg, Target, YamlPath};
use crate::diagnostic::{Diagnostic, MAX_PER_FILE};
use crate::suggest;

/// Where diagnostics of one file go, and how to place them.
pub struct Sink<'a> {
    pub place: &'a super::Place,
    pub text: &'a str,
    pub diagnostics: Vec<Diagnostic>,
}

impl Sink<'_> {
    pub fn error(&mut self, at: &At, message: impl Into<String>, hint: Option<String>) {
        let d = Diagnostic::error(&self.place.path, message).with_hint_opt(hint);
        // Placing an error costs a pass over the file; past those shown, skip it.
        let d = if self.diagnostics.len() < MAX_PER_FILE { self.place.diagnostic(self.text, at, d) } else { d };
        self.diagnostics.push(d);
    }
}

/// One mapping in a document, with the path that leads to it.
pub struct Obj<'v> {
    pub map: &'v Map<String, Value>,
    pub path: YamlPath,
    used: Vec<&'static str>,
}

pub fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping of keys to values",
    }
}

impl<'v> Obj<'v> {
    pub fn new(map: &'v Map<String, Value>, path: YamlPath) -> Self {
        Obj { map, path, used: Vec::new() }
    }

    pub fn at_key(&self, key: &str) -> At {
        At::Yaml(self.child(Seg::Key(key.to_owned())), Target::Key)
    }

    pub fn at_value(&self, key: &str) -> At {
        At::Yaml(self.child(Seg::Key(key.to_owned())), Target::Value)
    }

    /// The place of this mapping itself (for "missing field" errors).
    pub fn at_self(&self) -> At {
        if self.path.is_empty() { At::Start } else { At::Yaml(self.path.clone(), Target::Value) }
    }

    fn child(&self, seg: Seg) -> YamlPath {
        let mut p = self.path.clone();
        p.push(seg);
        p
    }

    fn get(&mut self, key: &'static str) -> Option<&'v Value> {
        self.used.push(key);
        match self.map.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// Text; numbers and true/false are taken as their text.
    pub fn text(&mut self, key: &'static str, sink: &mut Sink<'_>) -> Option<String> {
        match self.get(key)? {
            // Control characters written as YAML escapes (`"\0"`) would reach the pages.
            Value::String(s) => Some(crate::parse::markdown::blank_controls(s).into_owned()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            other => {
                let hint = Some(format!("write it as `{key}: some text`"));
                sink.error(&self.at_value(key), format!("`{key}` should be text, not {}", describe(other)), hint);
                None
            }
        }
    }

    pub fn required_text(&mut self, key: &'static str, sink: &mut Sink<'_>) -> Option<String> {
        let present = self.map.get(key).is_some_and(|v| !v.is_null());
        let value = self.text(key, sink);
        if !present {
            sink.error(&self.at_self(), format!("missing required field `{key}`"), Some(format!("add `{key}: …`")));
        } else if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            sink.error(&self.at_value(key), format!("`{key}` is empty"), None);
            return None;
        }
        value
    }

    pub fn bool(&mut self, key: &'static str, sink: &mut Sink<'_>) -> bool {
        match self.get(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                let message = format!("`{key}` should be true or false, not {}", describe(other));
                sink.error(&self.at_value(key), message, None);
                false
            }
        }
    }

    pub fn integer(&mut self, key: &'static str, sink: &mut Sink<'_>) -> Option<u64> {
        match self.get(key)? {
            Value::Number(n) if n.as_u64().is_some_and(|n| n > 0) => n.as_u64(),
            other => {
                let message = format!("`{key}` should be a whole number above 0, not {}", describe(other));
                sink.error(&self.at_value(key), message, None);
                None
            }
        }
    }

    /// A list; each item is returned with its path for further checks.
    pub fn list(&mut self, key: &'static str, sink: &mut Sink<'_>) -> Vec<(&'v Value, YamlPath)> {
        match self.get(key) {
            None => Vec::new(),
            Some(Value::Array(items)) => items.iter().enumerate().map(|(i, v)| (v, self.child_index(key, i))).collect(),
            Some(other) => {
                let hint = Some(format!("write a list, e.g. `{key}: [first, second]`"));
                sink.error(&self.at_value(key), format!("`{key}` should be a list, not {}", describe(other)), hint);
                Vec::new()
            }
        }
    }

    fn child_index(&self, key: &str, i: usize) -> YamlPath {
        let mut p = self.child(Seg::Key(key.to_owned()));
        p.push(Seg::Index(i));
        p
    }

    /// A list of text items, each with its place.
    pub fn text_list(&mut self, key: &'static str, sink: &mut Sink<'_>) -> Vec<(String, At)> {
        let mut out = Vec::new();
        for (value, path) in self.list(key, sink) {
            let at = At::Yaml(path, Target::Value);
            match value {
                Value::String(s) => out.push((crate::parse::markdown::blank_controls(s).into_owned(), at)),
                Value::Number(n) => out.push((n.to_string(), at)),
                other => sink.error(&at, format!("each item of `{key}` should be text, not {}", describe(other)), None),
            }
        }
        out
    }

    /// A mapping value (for `positions`), or nothing.
    pub fn mapping(&mut self, key: &'static str, sink: &mut Sink<'_>) -> Option<Obj<'v>> {
        match self.get(key)? {
            Value::Object(map) => Some(Obj::new(map, self.child(Seg::Key(key.to_owned())))),
            other => {
                let message = format!("`{key}` should be a mapping (`key: value` lines), not {}", describe(other));
                sink.error(&self.at_value(key), message, None);
                None
            }
        }
    }

    /// Any value, untouched (`extra`).
    pub fn raw(&mut self, key: &'static str) -> Option<&'v Value> {
        self.get(key)
    }

    /// Reports every key that no getter asked for, with the nearest known key.
    pub fn reject_unknown(&self, what: &str, sink: &mut Sink<'_>) {
        for key in self.map.keys() {
            if !self.used.contains(&key.as_str()) {
                let hint = suggest::did_you_mean(key, self.used.iter().copied()).or_else(|| {
                    Some(format!("{what} fields are: {}; put free-form data under `extra:`", self.used.join(", ")))
                });
                sink.error(&self.at_key(key), format!("unknown field `{key}` in {what}"), hint);
            }
        }
    }
}

/// A list item that must be a mapping.
pub fn item_obj<'v>(value: &'v Value, path: YamlPath, what: &str, sink: &mut Sink<'_>) -> Option<Obj<'v>> {
    match value {
        Value::Object(map) => Some(Obj::new(map, path)),
        other => {
            let at = At::Yaml(path, Target::Value);
            let example = match what {
                "quote" => "- actor: ID\n        text: …",
                "point" => "- id: ID\n        title: …",
                _ => "- title: …\n        publisher: …",
            };
            let hint = format!("write each {what} as fields on their own lines:\n      {example}");
            sink.error(&at, format!("each {what} should be a mapping of fields, not {}", describe(other)), Some(hint));
            None
        }
    }
}
