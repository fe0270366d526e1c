//! The resolved briefing: each item's fields as written (see `vocab::items`), every
//! reference an index into the lists of `Site`, and every relation between items
//! computed once, before rendering.

use crate::parse::ArticleRecord;
use crate::vocab::{ActorFields, ArticleFields, PointFields, ProposalFields, QuoteFields, SiteConfig, Stance};

/// Indices into `Site::articles`, `Site::actors`, `Site::proposals`, `Site::topics`.
pub(crate) type ArticleIx = usize;
pub(crate) type ActorIx = usize;
pub(crate) type ProposalIx = usize;
pub(crate) type TopicIx = usize;

/// One item of the model (topics too), by its index in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemIx {
    Article(ArticleIx),
    Actor(ActorIx),
    Proposal(ProposalIx),
    Topic(TopicIx),
}

/// A flag for each item of a model, indexed like its lists (which summaries changed).
#[derive(Debug, Clone, Default)]
pub(crate) struct ItemFlags {
    pub(crate) articles: Vec<bool>,
    pub(crate) actors: Vec<bool>,
    pub(crate) proposals: Vec<bool>,
    pub(crate) topics: Vec<bool>,
}

impl ItemFlags {
    pub(crate) fn get(&self, item: ItemIx) -> bool {
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
    pub(crate) config: SiteConfig,
    /// Newest first; ties broken by id.
    pub(crate) articles: Vec<Article>,
    /// Sorted by id.
    pub(crate) actors: Vec<Actor>,
    /// Sorted by id.
    pub(crate) proposals: Vec<Proposal>,
    /// Sorted by slug.
    pub(crate) topics: Vec<Topic>,
    /// For each of `vocab::CATEGORIES`, the points in it: (proposal, point index), by
    /// proposal id then point order.
    pub(crate) categories: Vec<Vec<(ProposalIx, usize)>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    pub(crate) actor: ActorIx,
    pub(crate) fields: QuoteFields,
}

/// Two are equal when they show the same and refer to the same (the preview server
/// keeps the parts made from an article that is as it was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Article {
    pub(crate) id: String,
    /// The content file it comes from, relative to the site root.
    pub(crate) source: String,
    /// As written (see `vocab::items`).
    pub(crate) fields: ArticleFields,
    /// From front matter, in the order written.
    pub(crate) actors: Vec<ActorIx>,
    pub(crate) proposals: Vec<ProposalIx>,
    pub(crate) topics: Vec<TopicIx>,
    pub(crate) quotes: Vec<Quote>,
    /// Every actor mentioned anywhere (front matter, quotes, body links), by index.
    pub(crate) mentions_actors: Vec<ActorIx>,
    pub(crate) mentions_proposals: Vec<ProposalIx>,
    /// `draft: true`, in a build with `--drafts`: shown, but kept out of the feed,
    /// sitemap, search and open data, and marked `noindex`.
    pub(crate) draft: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct Actor {
    pub(crate) id: String,
    /// As written (see `vocab::items`).
    pub(crate) fields: ActorFields,
    /// Articles mentioning this actor, newest first.
    pub(crate) articles: Vec<ArticleIx>,
    /// (article, quote index within it), newest first.
    pub(crate) quotes: Vec<(ArticleIx, usize)>,
    /// Proposals listing this actor in `proposed_by`, by id.
    pub(crate) sponsored: Vec<ProposalIx>,
    /// (proposal, point index, stance), by proposal id then point order.
    pub(crate) positions: Vec<(ProposalIx, usize, Stance)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Point {
    pub(crate) fields: PointFields,
    pub(crate) topic: Option<TopicIx>,
    /// Sorted by actor id.
    pub(crate) positions: Vec<(ActorIx, Stance)>,
    /// The point (by index) of the proposal its proposal amends, that this one amends.
    pub(crate) amends: Option<usize>,
    /// The points proposed as amendments to this one: (proposal, point index), by
    /// proposal id then point order.
    pub(crate) amended_by: Vec<(ProposalIx, usize)>,
}

/// What changed between a proposal and the version it supersedes; points matched by id.
#[derive(Debug, Clone, Default)]
pub(crate) struct Changes {
    pub(crate) against: ProposalIx,
    /// Points of the new version that the old one lacks.
    pub(crate) added: Vec<usize>,
    /// Points of the old version that the new one lacks.
    pub(crate) removed: Vec<usize>,
    /// (old point, new point) pairs that differ.
    pub(crate) changed: Vec<(usize, usize)>,
    pub(crate) unchanged: usize,
    /// Stances that differ on a point both versions have: (new point, actor, stance in
    /// the old version, in the new), by point order then actor id.
    pub(crate) stances: Vec<(usize, ActorIx, Option<Stance>, Option<Stance>)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Proposal {
    pub(crate) id: String,
    /// As written (see `vocab::items`).
    pub(crate) fields: ProposalFields,
    pub(crate) sponsors: Vec<ActorIx>,
    pub(crate) supersedes: Option<ProposalIx>,
    pub(crate) superseded_by: Option<ProposalIx>,
    /// The proposal whose points this one amends, and the proposals amending this one (by id).
    pub(crate) amends: Option<ProposalIx>,
    pub(crate) amended_by: Vec<ProposalIx>,
    pub(crate) points: Vec<Point>,
    /// Articles discussing it, newest first.
    pub(crate) articles: Vec<ArticleIx>,
    /// The whole version chain, oldest first (just this one when it has no versions).
    pub(crate) lineage: Vec<ProposalIx>,
    pub(crate) changes: Option<Changes>,
}

#[derive(Debug, Clone)]
pub(crate) struct Topic {
    pub(crate) name: String,
    pub(crate) slug: String,
    /// Newest first.
    pub(crate) articles: Vec<ArticleIx>,
    /// Proposals with a point on this topic, by id.
    pub(crate) proposals: Vec<ProposalIx>,
    /// The points on this topic: (proposal, point index), by proposal id then point order.
    pub(crate) points: Vec<(ProposalIx, usize)>,
}

impl Site {
    /// Gives article `ix` what `record`, a new parse of its file, shows (its fields and
    /// its quotes' words), for an edit that changed nothing it refers to, nor where it
    /// sorts: then nothing else in the model differs.
    pub(crate) fn patch_article(&mut self, ix: ArticleIx, record: &ArticleRecord) {
        let article = &mut self.articles[ix];
        article.fields = record.fields.clone();
        for (quote, written) in article.quotes.iter_mut().zip(&record.quotes) {
            quote.fields = written.fields.clone();
        }
    }
}
