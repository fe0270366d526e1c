//! The resolved briefing: each item's fields as written (see `vocab::items`), every
//! reference an index into the lists of `Site`, and every relation between items
//! computed once, before rendering.

use std::sync::Arc;

use crate::parse::ArticleRecord;
use crate::vocab::{ActorFields, ArticleFields, PointFields, ProposalFields, QuoteFields, SiteConfig, Stance};

/// Indices into `Site::articles`, `Site::actors`, `Site::proposals`, `Site::topics`.
pub type ArticleIx = usize;
pub type ActorIx = usize;
pub type ProposalIx = usize;
pub type TopicIx = usize;

/// One item of the model (topics too), by its index in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemIx {
    Article(ArticleIx),
    Actor(ActorIx),
    Proposal(ProposalIx),
    Topic(TopicIx),
}

/// A flag for each item of a model, indexed like its lists (which summaries changed).
#[derive(Debug, Clone, Default)]
pub struct ItemFlags {
    pub articles: Vec<bool>,
    pub actors: Vec<bool>,
    pub proposals: Vec<bool>,
    pub topics: Vec<bool>,
}

impl ItemFlags {
    pub fn get(&self, item: ItemIx) -> bool {
        let (flags, ix) = match item {
            ItemIx::Article(i) => (&self.articles, i),
            ItemIx::Actor(i) => (&self.actors, i),
            ItemIx::Proposal(i) => (&self.proposals, i),
            ItemIx::Topic(i) => (&self.topics, i),
        };
        flags.get(ix).copied().unwrap_or(false)
    }
}

#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// Newest first; ties broken by id.
    pub articles: Vec<Article>,
    /// Sorted by id.
    pub actors: Vec<Actor>,
    /// Sorted by id.
    pub proposals: Vec<Proposal>,
    /// Sorted by slug.
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub actor: ActorIx,
    pub fields: Arc<QuoteFields>,
}

/// Two are equal when they show the same and refer to the same: fields shared with the
/// same parse compare at once (an `Arc` of an `Eq` type compares its pointers first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub id: String,
    /// The content file it comes from, relative to the site root.
    pub source: String,
    /// As written, shared with what the file parsed to.
    pub fields: Arc<ArticleFields>,
    /// From front matter, in the order written.
    pub actors: Vec<ActorIx>,
    pub proposals: Vec<ProposalIx>,
    pub topics: Vec<TopicIx>,
    pub quotes: Vec<Quote>,
    /// Every actor mentioned anywhere (front matter, quotes, body links), by index.
    pub mentions_actors: Vec<ActorIx>,
    pub mentions_proposals: Vec<ProposalIx>,
}

#[derive(Debug, Clone)]
pub struct Actor {
    pub id: String,
    /// As written, shared with what the file parsed to.
    pub fields: Arc<ActorFields>,
    /// Articles mentioning this actor, newest first.
    pub articles: Vec<ArticleIx>,
    /// (article, quote index within it), newest first.
    pub quotes: Vec<(ArticleIx, usize)>,
    /// Proposals listing this actor in `proposed_by`, by id.
    pub sponsored: Vec<ProposalIx>,
    /// (proposal, point index, stance), by proposal id then point order.
    pub positions: Vec<(ProposalIx, usize, Stance)>,
}

#[derive(Debug, Clone)]
pub struct Point {
    pub fields: Arc<PointFields>,
    pub topic: Option<TopicIx>,
    /// Sorted by actor id.
    pub positions: Vec<(ActorIx, Stance)>,
}

/// What changed between a proposal and the version it supersedes; points matched by id.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    pub against: ProposalIx,
    /// Points of the new version that the old one lacks.
    pub added: Vec<usize>,
    /// Points of the old version that the new one lacks.
    pub removed: Vec<usize>,
    /// (old point, new point) pairs that differ.
    pub changed: Vec<(usize, usize)>,
    pub unchanged: usize,
}

#[derive(Debug, Clone)]
pub struct Proposal {
    pub id: String,
    /// As written, shared with what the file parsed to.
    pub fields: Arc<ProposalFields>,
    pub sponsors: Vec<ActorIx>,
    pub supersedes: Option<ProposalIx>,
    pub superseded_by: Option<ProposalIx>,
    pub points: Vec<Point>,
    /// Articles discussing it, newest first.
    pub articles: Vec<ArticleIx>,
    /// The whole version chain, oldest first (just this one when it has no versions).
    pub lineage: Vec<ProposalIx>,
    pub changes: Option<Changes>,
}

#[derive(Debug, Clone)]
pub struct Topic {
    pub name: String,
    pub slug: String,
    /// Newest first.
    pub articles: Vec<ArticleIx>,
    /// Proposals with a point on this topic, by id.
    pub proposals: Vec<ProposalIx>,
}

impl Site {
    /// Gives article `ix` what `record`, a new parse of its file, shows (its fields and
    /// its quotes' words), for an edit that changed nothing it refers to, nor where it
    /// sorts: then nothing else in the model differs.
    pub fn patch_article(&mut self, ix: ArticleIx, record: &ArticleRecord) {
        let article = &mut self.articles[ix];
        article.fields = Arc::clone(&record.fields);
        for (quote, written) in article.quotes.iter_mut().zip(&record.quotes) {
            quote.fields = Arc::clone(&written.fields);
        }
    }
}
