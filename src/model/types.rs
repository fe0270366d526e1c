//! The resolved briefing: each item's fields as written (see `vocab::items`), every
//! reference an index into the lists of `Site`, and every relation between items
//! computed once, before rendering.

use crate::parse::ArticleRecord;
use crate::vocab::{
    ActorFields, ArticleFields, PointFields, ProposalFields, QuoteFields, SiteConfig, SourceFields, Stance, Status,
    When,
};

/// Indices into `Site::articles`, `Site::actors`, `Site::proposals`, `Site::topics`.
pub(crate) type ArticleIx = usize;
pub(crate) type ActorIx = usize;
pub(crate) type ProposalIx = usize;
pub(crate) type TopicIx = usize;
pub(crate) type SourceIx = usize;

/// One item of the model (topics too), by its index in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemIx {
    Article(ArticleIx),
    Actor(ActorIx),
    Proposal(ProposalIx),
    Topic(TopicIx),
    Source(SourceIx),
}

/// A flag for each item of a model, indexed like its lists (which summaries changed).
#[derive(Debug, Clone, Default)]
pub(crate) struct ItemFlags {
    pub(crate) articles: Vec<bool>,
    pub(crate) actors: Vec<bool>,
    pub(crate) proposals: Vec<bool>,
    pub(crate) topics: Vec<bool>,
    pub(crate) sources: Vec<bool>,
}

impl ItemFlags {
    pub(crate) fn get(&self, item: ItemIx) -> bool {
        let (flags, ix) = match item {
            ItemIx::Article(i) => (&self.articles, i),
            ItemIx::Actor(i) => (&self.actors, i),
            ItemIx::Proposal(i) => (&self.proposals, i),
            ItemIx::Topic(i) => (&self.topics, i),
            ItemIx::Source(i) => (&self.sources, i),
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
    /// A page for each old id of an item (`redirect_from:`), by kind and old id.
    pub(crate) redirects: Vec<super::redirects::Redirect>,
    /// The files of the items in folders of their own, by path in the site.
    pub(crate) attachments: Vec<super::files::Published>,
    /// The pictures pages are shared with (`image:`).
    pub(crate) pictures: super::files::Pictures,
    /// The words pages show.
    pub(crate) strings: crate::vocab::Strings,
    /// Sorted by id.
    pub(crate) sources: Vec<SourceItem>,
    /// Every dated event, newest first (see `changes`).
    pub(crate) events: Vec<super::Event>,
    /// For each of `vocab::CATEGORIES`, the points in it: (proposal, point index), by
    /// proposal id then point order.
    pub(crate) categories: Vec<Vec<(ProposalIx, usize)>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quote {
    pub(crate) actor: ActorIx,
    pub(crate) fields: QuoteFields,
    /// The source it is quoted from.
    pub(crate) source: Option<SourceIx>,
}

/// A stance or a status as it was stated: when, on what evidence, in whose words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stated<T> {
    pub(crate) what: T,
    pub(crate) date: Option<When>,
    pub(crate) source: Option<SourceIx>,
    pub(crate) quote: Option<String>,
}

/// An actor's position on a point: their stances, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Position {
    pub(crate) actor: ActorIx,
    /// Never empty; the last is the current stance.
    pub(crate) history: Vec<Stated<Stance>>,
}

impl Position {
    /// The stance as it stands: the last one stated.
    pub(crate) fn current(&self) -> &Stated<Stance> {
        // A position is made from at least one stance (`parse::stances` keeps no other).
        &self.history[self.history.len() - 1]
    }

    /// The stance before the current one, when it was another.
    pub(crate) fn changed_from(&self) -> Option<Stance> {
        let now = self.current().what;
        self.history.iter().rev().map(|s| s.what).find(|s| *s != now)
    }
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
    /// Its list of sources, in order: `sources:` as written, then the source items its
    /// text cites that `sources:` does not list, in the order first cited.
    pub(crate) sources: Vec<Cited>,
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
    /// The sources its bio cites, as the page numbers them.
    pub(crate) sources: Vec<Cited>,
    /// Proposals listing this actor in `proposed_by`, by id.
    pub(crate) sponsored: Vec<ProposalIx>,
    /// (proposal, point index, position index), by proposal id then point order.
    pub(crate) positions: Vec<(ProposalIx, usize, usize)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Point {
    pub(crate) fields: PointFields,
    pub(crate) topic: Option<TopicIx>,
    /// In the order written.
    pub(crate) positions: Vec<Position>,
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
    /// Its status over time, oldest first; the last is `fields.status`.
    pub(crate) statuses: Vec<Stated<Status>>,
    /// The sources its description and points cite, then those of its stances and
    /// statuses, as the page numbers them.
    pub(crate) sources: Vec<Cited>,
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

/// An entry of a page's list of sources: one written in place in an article (its
/// index in `fields.sources`), or a source item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cited {
    Inline(usize),
    Item(SourceIx),
}

/// A source item and everything that cites it.
#[derive(Debug, Clone)]
pub(crate) struct SourceItem {
    pub(crate) id: String,
    /// As written (see `vocab::items`).
    pub(crate) fields: SourceFields,
    /// Articles that list or cite it, newest first.
    pub(crate) articles: Vec<ArticleIx>,
    /// Actors whose bio cites it, by id.
    pub(crate) actors: Vec<ActorIx>,
    /// Proposals that cite it (in their text, a stance or a status), by id.
    pub(crate) proposals: Vec<ProposalIx>,
    /// (article, quote index) of the quotes taken from it, newest first.
    pub(crate) quotes: Vec<(ArticleIx, usize)>,
    /// (proposal, point, position, stance) of the stances resting on it.
    pub(crate) stances: Vec<(ProposalIx, usize, usize, usize)>,
    /// (proposal, status index) of the statuses resting on it.
    pub(crate) statuses: Vec<(ProposalIx, usize)>,
    /// Who said its quotes and whose its stances are, by index.
    pub(crate) speakers: Vec<ActorIx>,
    /// The sources its notes cite, as its page numbers them.
    pub(crate) sources: Vec<Cited>,
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
