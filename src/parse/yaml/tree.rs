//! The data tree a YAML document becomes: every node knows where it was written.

use crate::diagnostic::Position;

/// One value of a document and where it starts (line and column within the YAML text,
/// and how many characters of its first line it covers).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub at: Position,
    /// Written as a literal block (`key: |`), whose lines are the file's lines.
    pub(crate) literal: bool,
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

/// A mapping's entries in the order written, each key written once; read in key order
/// (as `serde_json::Map` keeps them).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub(crate) key: String,
    pub key_at: Position,
    pub value: Node,
}

impl Node {
    pub(crate) fn null(at: Position) -> Self {
        Node { value: Value::Null, at, literal: false }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value of `key`, if this is a mapping that has it.
    pub(crate) fn get(&self, key: &str) -> Option<&Node> {
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
            Value::Map(map) => Json::Object(map.entries.iter().map(|e| (e.key.clone(), e.value.to_json())).collect()),
        }
    }
}

impl Map {
    /// A mapping of `entries` whose keys are all different.
    pub(super) fn from_unique(entries: Vec<Entry>) -> Self {
        Map { entries }
    }

    pub(crate) fn get(&self, key: &str) -> Option<&Entry> {
        // Mappings are a few fields each: a scan beats sorting them, or hashing.
        self.entries.iter().find(|e| e.key == key)
    }

    /// The entries in the order written.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Keys and values in key order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&String, &Node)> {
        let mut sorted: Vec<&Entry> = self.entries.iter().collect();
        sorted.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        sorted.into_iter().map(|e| (&e.key, &e.value))
    }
}

impl<'m> IntoIterator for &'m Map {
    type Item = (&'m String, &'m Node);
    type IntoIter = std::vec::IntoIter<(&'m String, &'m Node)>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter().collect::<Vec<_>>().into_iter()
    }
}
