//! The data tree a YAML document becomes: every node knows where it was written.

use crate::diagnostic::Position;

/// One value of a document and where it starts (line and column within the YAML text,
/// and how many characters of its first line it covers).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub at: Position,
    /// Written as a literal block (`key: |`), whose lines are the file's lines.
    pub literal: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Seq(Vec<Node>),
    Map(Map),
}

/// A mapping's entries, sorted by key (as `serde_json::Map` keeps them), each key
/// written once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_at: Position,
    pub value: Node,
}

impl Node {
    pub fn null(at: Position) -> Self {
        Node { value: Value::Null, at, literal: false }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value of `key`, if this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(map) => map.get(key).map(|e| &e.value),
            _ => None,
        }
    }

    /// The same data as JSON, for templates and data files (`extra`).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as Json;
        match &self.value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.clone()),
            Value::String(s) => Json::String(s.clone()),
            Value::Seq(items) => Json::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(map) => Json::Object(map.iter().map(|(k, v)| (k.clone(), v.to_json())).collect()),
        }
    }
}

impl Map {
    /// A mapping of `entries` whose keys are all different.
    pub(super) fn from_unique(mut entries: Vec<Entry>) -> Self {
        entries.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        Map { entries }
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.binary_search_by(|e| e.key.as_str().cmp(key)).ok().map(|i| &self.entries[i])
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Keys and values in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Node)> {
        self.entries.iter().map(|e| (&e.key, &e.value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|e| &e.key)
    }
}

impl<'m> IntoIterator for &'m Map {
    type Item = (&'m String, &'m Node);
    type IntoIter = std::iter::Map<std::slice::Iter<'m, Entry>, fn(&'m Entry) -> (&'m String, &'m Node)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|e| (&e.key, &e.value))
    }
}
