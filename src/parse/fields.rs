//! Typed access to a YAML mapping that records every problem as a located diagnostic
//! and notices keys nobody asked for.

use super::At;
use super::yaml::{Entry, Map, Node, Value};
use crate::diagnostic::{Diagnostic, MAX_PER_FILE};
use crate::suggest;

/// Where diagnostics of one file go, and how to place them.
pub(crate) struct Problems<'a> {
    pub(crate) place: &'a super::Place,
    pub(crate) text: &'a str,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Problems<'_> {
    /// The characters of the file at `at`, as written (a scalar's own text, which a
    /// number read from YAML loses: `4.10` is the float 4.1).
    pub(crate) fn written(&self, at: &At) -> Option<String> {
        let p = self.place.position(self.text, at)?;
        let line = self.text.lines().nth(p.line.checked_sub(1)?)?;
        Some(line.chars().skip(p.col.checked_sub(1)?).take(p.len).collect())
    }

    pub(crate) fn error(&mut self, at: &At, message: impl Into<String>, hint: Option<String>) {
        let d = Diagnostic::error(&self.place.path, message).with_hint_opt(hint);
        // Placing an error costs a pass over the file; past those shown, skip it.
        let d = if self.diagnostics.len() < MAX_PER_FILE { self.place.diagnostic(self.text, at, d) } else { d };
        self.diagnostics.push(d);
    }
}

/// One mapping in a document, and where it was written (`None` for the document itself).
pub(crate) struct Obj<'v> {
    pub(crate) map: &'v Map,
    at: Option<crate::diagnostic::Position>,
    used: Vec<&'static str>,
}

pub(crate) fn describe(node: &Node) -> &'static str {
    match node.value {
        Value::Null => "empty",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Seq(_) => "a list",
        Value::Map(_) => "a mapping of keys to values",
    }
}

impl<'v> Obj<'v> {
    /// The document's own mapping.
    pub(crate) fn root(map: &'v Map) -> Self {
        Obj { map, at: None, used: Vec::new() }
    }

    /// A mapping written at `node`.
    fn nested(map: &'v Map, node: &Node) -> Self {
        Obj { map, at: Some(node.at), used: Vec::new() }
    }

    /// Where `key` is written (this mapping's place if it is not).
    pub(crate) fn at_key(&self, key: &str) -> At {
        self.map.get(key).map_or_else(|| self.at_self(), |e| At::Yaml(e.key_at))
    }

    /// Where the value of `key` is written (this mapping's place if it is not).
    pub(crate) fn at_value(&self, key: &str) -> At {
        self.map.get(key).map_or_else(|| self.at_self(), |e| At::Yaml(e.value.at))
    }

    /// The place of this mapping itself (for "missing field" errors).
    pub(crate) fn at_self(&self) -> At {
        self.at.map_or(At::Start, At::Yaml)
    }

    fn get(&mut self, key: &'static str) -> Option<&'v Node> {
        self.used.push(key);
        self.map.get(key).map(|e| &e.value).filter(|v| !v.is_null())
    }

    /// Text; numbers and true/false are taken as their text.
    pub(crate) fn text(&mut self, key: &'static str, problems: &mut Problems<'_>) -> Option<String> {
        let node = self.get(key)?;
        match &node.value {
            // Control characters written as YAML escapes (`"\0"`) would reach the pages.
            Value::String(s) => Some(crate::parse::markdown::blank_controls(s).into_owned()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => {
                let hint = Some(format!("write it as `{key}: some text`"));
                problems.error(&self.at_value(key), format!("`{key}` should be text, not {}", describe(node)), hint);
                None
            }
        }
    }

    pub(crate) fn required_text(&mut self, key: &'static str, problems: &mut Problems<'_>) -> Option<String> {
        let present = self.map.get(key).is_some_and(|e| !e.value.is_null());
        let value = self.text(key, problems);
        if !present {
            problems.error(&self.at_self(), format!("missing required field `{key}`"), Some(format!("add `{key}: …`")));
        } else if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            problems.error(&self.at_value(key), format!("`{key}` is empty"), None);
            return None;
        }
        value
    }

    pub(crate) fn bool(&mut self, key: &'static str, problems: &mut Problems<'_>) -> bool {
        match self.get(key) {
            None => false,
            Some(Node { value: Value::Bool(b), .. }) => *b,
            Some(other) => {
                let message = format!("`{key}` should be true or false, not {}", describe(other));
                problems.error(&self.at_value(key), message, None);
                false
            }
        }
    }

    pub(crate) fn integer(&mut self, key: &'static str, problems: &mut Problems<'_>) -> Option<u64> {
        let node = self.get(key)?;
        match &node.value {
            Value::Number(n) if n.as_u64().is_some_and(|n| n > 0) => n.as_u64(),
            _ => {
                let message = format!("`{key}` should be a whole number above 0, not {}", describe(node));
                problems.error(&self.at_value(key), message, None);
                None
            }
        }
    }

    /// A list's items, for further checks.
    pub(crate) fn list(&mut self, key: &'static str, problems: &mut Problems<'_>) -> &'v [Node] {
        match self.get(key) {
            None => &[],
            Some(Node { value: Value::Seq(items), .. }) => items,
            Some(other) => {
                let hint = Some(format!("write a list, e.g. `{key}: [first, second]`"));
                problems.error(&self.at_value(key), format!("`{key}` should be a list, not {}", describe(other)), hint);
                &[]
            }
        }
    }

    /// A list of text items, each with its place.
    pub(crate) fn text_list(&mut self, key: &'static str, problems: &mut Problems<'_>) -> Vec<(String, At)> {
        let mut out = Vec::new();
        for node in self.list(key, problems) {
            let at = At::Yaml(node.at);
            match &node.value {
                Value::String(s) => out.push((crate::parse::markdown::blank_controls(s).into_owned(), at)),
                Value::Number(n) => out.push((n.to_string(), at)),
                _ => problems.error(&at, format!("each item of `{key}` should be text, not {}", describe(node)), None),
            }
        }
        out
    }

    /// A mapping value (for `positions`), or nothing.
    pub(crate) fn mapping(&mut self, key: &'static str, problems: &mut Problems<'_>) -> Option<Obj<'v>> {
        let node = self.get(key)?;
        match &node.value {
            Value::Map(map) => Some(Obj::nested(map, node)),
            _ => {
                let message = format!("`{key}` should be a mapping (`key: value` lines), not {}", describe(node));
                problems.error(&self.at_value(key), message, None);
                None
            }
        }
    }

    /// Any value, untouched, as the parser made it.
    pub(crate) fn raw(&mut self, key: &'static str) -> Option<&'v Node> {
        self.get(key)
    }

    /// Any value as JSON (`extra`), for templates and data files.
    pub(crate) fn json(&mut self, key: &'static str) -> Option<serde_json::Value> {
        self.get(key).map(Node::to_json)
    }

    /// Reports every key that no getter asked for, with the nearest known key.
    pub(crate) fn reject_unknown(&self, what: &str, problems: &mut Problems<'_>) {
        let mut unknown: Vec<_> = self.map.entries().iter().filter(|e| !self.used.contains(&e.key.as_str())).collect();
        unknown.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        for Entry { key, key_at, .. } in unknown {
            let hint = suggest::did_you_mean(key, self.used.iter().copied()).or_else(|| {
                Some(format!("the fields of {what} are: {}; put free-form data under `extra:`", self.used.join(", ")))
            });
            problems.error(&At::Yaml(*key_at), format!("unknown field `{key}` in {what}"), hint);
        }
    }
}

/// A list item that must be a mapping.
pub(crate) fn item_obj<'v>(node: &'v Node, what: &str, problems: &mut Problems<'_>) -> Option<Obj<'v>> {
    match &node.value {
        Value::Map(map) => Some(Obj::nested(map, node)),
        _ => {
            let example = match what {
                "quote" => "- actor: ID\n        text: …",
                "point" => "- id: ID\n        title: …",
                "stance" => "- stance: supports\n        date: YYYY-MM-DD\n        source: SOURCE-ID",
                "status" => "- status: tabled\n        date: YYYY-MM-DD\n        source: SOURCE-ID",
                _ => "- title: …\n        publisher: …",
            };
            let hint = format!("write each {what} as fields on their own lines:\n      {example}");
            let message = format!("each {what} should be a mapping of fields, not {}", describe(node));
            problems.error(&At::Yaml(node.at), message, Some(hint));
            None
        }
    }
}
