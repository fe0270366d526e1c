//! What each kind of item shows, as written. The parse stage reads a file's fields into
//! these; the model takes each whole beside the references it resolves; `render` shows
//! them to templates. A new field is added here, read in `parse::records`, and shown in
//! `render::pages` (or `views`), with nothing to copy in between.

use serde_json::Value;

use super::{Category, Html, Stage, Status, When};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ArticleFields {
    pub(crate) title: String,
    pub(crate) date: When,
    pub(crate) summary: Option<String>,
    pub(crate) location: Option<String>,
    pub(crate) sources: Vec<Source>,
    pub(crate) extra: Value,
    pub(crate) body: Html,
}

/// A source an article cites (`sources:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Source {
    pub(crate) title: String,
    pub(crate) publisher: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) date: Option<When>,
}

/// The words of a quote; who said them is a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteFields {
    pub(crate) text: String,
    pub(crate) context: Option<String>,
    /// The day it was said, which may differ from the article's.
    pub(crate) date: Option<When>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ActorFields {
    pub(crate) name: String,
    pub(crate) role: Option<String>,
    pub(crate) side: Option<String>,
    pub(crate) aliases: Vec<String>,
    pub(crate) summary: Option<String>,
    pub(crate) extra: Value,
    pub(crate) bio: Html,
    /// A person or an organization (`type:`).
    pub(crate) actor_type: super::ActorType,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ProposalFields {
    pub(crate) title: String,
    pub(crate) date: Option<When>,
    pub(crate) status: Option<Status>,
    pub(crate) summary: Option<String>,
    /// How many points the official text has (`total_points:`), of which `points` are
    /// the ones tracked.
    pub(crate) total_points: Option<u64>,
    /// What kind of agreement it is (`stage:`).
    pub(crate) stage: Option<Stage>,
    pub(crate) extra: Value,
    pub(crate) description: Html,
}

/// A point of a proposal; its topic and positions are references.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointFields {
    pub id: String,
    /// Its number in the official text (`21`, `4.2`), as written.
    pub(crate) number: Option<String>,
    /// What it provides for (`category:`), by its index in `CATEGORIES`.
    pub(crate) category: Option<(usize, Category)>,
    pub(crate) title: String,
    pub(crate) text: Html,
    /// The point's text as written, to compare versions.
    pub(crate) text_source: String,
}

impl PointFields {
    /// "Point 21", or nothing for a point without a number.
    pub(crate) fn label(&self) -> String {
        self.number.as_ref().map(|n| format!("Point {n}")).unwrap_or_default()
    }
}

impl ProposalFields {
    /// "4 of 28 points tracked", or "4 points" when the total is not given.
    pub(crate) fn coverage(&self, tracked: usize) -> String {
        match self.total_points {
            Some(total) => format!("{tracked} of {total} points tracked"),
            None if tracked == 1 => "1 point".to_owned(),
            None => format!("{tracked} points"),
        }
    }
}

/// A source item (`content/sources/`): a report, a document, a statement, which
/// articles, quotes, stances and statuses cite by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceFields {
    pub(crate) title: String,
    pub(crate) publisher: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) published: Option<When>,
    pub(crate) accessed: Option<When>,
    pub(crate) archive_url: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) extra: Value,
    pub(crate) notes: Html,
}
