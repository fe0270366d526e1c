//! What each kind of item shows, as written. The parse stage reads a file's fields into
//! these; the model holds them as they are (shared, never copied) beside the references
//! it resolves; `render::views` shows them to templates. A new field is added here, read
//! in `parse::records`, and shown in `render`.

use serde_json::Value;

use super::{Html, Status, When};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFields {
    pub title: String,
    pub date: When,
    pub summary: Option<String>,
    pub location: Option<String>,
    pub sources: Vec<Source>,
    pub extra: Value,
    pub body: Html,
}

/// A source an article cites (`sources:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub title: String,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub date: Option<When>,
}

/// The words of a quote; who said them is a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteFields {
    pub text: String,
    pub context: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorFields {
    pub name: String,
    pub role: Option<String>,
    pub side: Option<String>,
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub extra: Value,
    pub bio: Html,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalFields {
    pub title: String,
    pub date: Option<When>,
    pub status: Option<Status>,
    pub summary: Option<String>,
    pub extra: Value,
    pub description: Html,
}

/// A point of a proposal; its topic and positions are references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointFields {
    pub id: String,
    pub title: String,
    pub text: Html,
    /// The point's text as written, to compare versions.
    pub text_source: String,
}
