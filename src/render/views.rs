//! The summaries every list shares, built once per build as template values. Tera 2
//! shares a value's lists and maps when it is cloned, so a summary used on a hundred
//! pages is built once and never copied.

use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use super::feeds::ArticleJson;
use super::routes;
use crate::model::{Actor, ActorIx, Article, ArticleIx, ItemFlags, Proposal, ProposalIx, Site, SourceItem, Topic};
use crate::vocab::{Stance, Strings};

#[derive(Serialize)]
struct ArticleSummary<'a> {
    id: &'a str,
    title: &'a str,
    date: String,
    date_display: String,
    date_precision: &'static str,
    path: String,
    summary: &'a str,
    location: &'a str,
    topics: Vec<Value>,
    draft: bool,
}

#[derive(Serialize)]
struct ActorRef<'a> {
    id: &'a str,
    name: &'a str,
    role: &'a str,
    side: &'a str,
    side_label: String,
    path: String,
    mentions: usize,
}

#[derive(Serialize)]
struct ProposalRef<'a> {
    id: &'a str,
    title: &'a str,
    status: &'a str,
    status_label: &'a str,
    /// Its stage (`stage:`) as PA-X classifies agreements, or empty.
    stage: &'a str,
    stage_label: &'a str,
    date: String,
    date_display: String,
    date_precision: &'static str,
    path: String,
}

/// A source, as every page that lists it shows it; a source written in place in an
/// article has the same fields (`id` and `path` empty).
#[derive(Serialize)]
pub(crate) struct SourceRef<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: &'a str,
    pub(crate) publisher: &'a str,
    pub(crate) url: &'a str,
    pub(crate) archive_url: &'a str,
    pub(crate) language: &'a str,
    /// When it was published.
    pub(crate) date: String,
    pub(crate) date_display: String,
    pub(crate) date_precision: &'static str,
    pub(crate) accessed: String,
    pub(crate) accessed_display: String,
    pub(crate) path: String,
    /// How many articles cite it.
    pub(crate) citations: usize,
}

#[derive(Serialize)]
struct TopicRef<'a> {
    name: &'a str,
    slug: &'a str,
    path: String,
    count: usize,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    author: &'a str,
    base_url: &'a str,
    extra: &'a serde_json::Value,
}

/// Template values for every item, indexed like the model's lists. An article's
/// summary is made the first time a page shows it: `check`, which renders one page of
/// each kind, makes only the few it needs.
pub(crate) struct Summaries {
    pub(crate) site: Value,
    articles: Vec<OnceLock<Value>>,
    pub(crate) actors: Vec<Value>,
    pub(crate) proposals: Vec<Value>,
    pub(crate) topics: Vec<Value>,
    pub(crate) sources: Vec<Value>,
    /// The words pages show (see `vocab::Strings`).
    pub(crate) strings: Strings,
    /// Parts made from one article each, kept by a renderer that follows edits (see
    /// `Renderer::keeping`): after an edit only those of the articles that changed are
    /// made again. None for a build or a check, which make them as they go.
    pub(crate) kept: Option<Kept>,
}

/// Each article's timeline entry and its parts of the search index and of
/// `data/articles.json`, each made when first needed.
pub(crate) struct Kept {
    timeline: Vec<OnceLock<Value>>,
    json: Vec<OnceLock<ArticleJson>>,
}

impl Kept {
    fn new(n: usize) -> Kept {
        Kept { timeline: (0..n).map(|_| OnceLock::new()).collect(), json: (0..n).map(|_| OnceLock::new()).collect() }
    }

    pub(crate) fn timeline_entry(&self, a: &Article, ix: ArticleIx, strings: &Strings) -> Value {
        self.timeline[ix].get_or_init(|| timeline_article(a, strings)).clone()
    }

    /// Every article's parts, in order (made in parallel where missing).
    pub(crate) fn article_json(&self, site: &Site) -> Vec<&ArticleJson> {
        self.json
            .par_iter()
            .zip(site.articles.par_iter())
            .map(|(part, a)| part.get_or_init(|| ArticleJson::new(site, a)))
            .collect()
    }
}

/// A template value from a view struct.
pub(crate) fn to_value<T: Serialize>(v: &T) -> Value {
    // Our view structs hold only strings, numbers, lists and JSON data: they always convert.
    Value::try_from_serializable(v).unwrap_or_else(|_| Value::none())
}

impl Summaries {
    /// The summaries of `site`; with `keep`, the kept parts too (see `kept`).
    pub(crate) fn new(site: &Site, keep: bool) -> Summaries {
        let c = &site.config;
        Summaries {
            site: to_value(&SiteView {
                title: &c.title,
                description: &c.description,
                language: &c.language,
                author: &c.author,
                base_url: &c.base_url,
                extra: &c.extra,
            }),
            articles: (0..site.articles.len()).map(|_| OnceLock::new()).collect(),
            actors: site.actors.iter().map(|a| actor_ref(a, &site.strings)).collect(),
            proposals: site.proposals.iter().map(|p| proposal_ref(p, &site.strings)).collect(),
            topics: site.topics.iter().map(topic_ref).collect(),
            sources: site.sources.iter().map(|s| source_ref(s, &site.strings)).collect(),
            strings: site.strings.clone(),
            kept: keep.then(|| Kept::new(site.articles.len())),
        }
    }

    /// Follows `site`, a new model of the same site with the same pages: the parts
    /// made from article `i` are kept where `same(i)` says it is as it was and none of
    /// its topics' summaries changed, and made again for the others; the summaries of
    /// actors, proposals and topics are made again. Says which summaries now differ.
    pub(crate) fn follow(&mut self, site: &Site, same: &(dyn Fn(ArticleIx) -> bool + Sync)) -> ItemFlags {
        let topics: Vec<Value> = site.topics.iter().map(topic_ref).collect();
        let actors: Vec<Value> = site.actors.iter().map(|a| actor_ref(a, &site.strings)).collect();
        let proposals: Vec<Value> = site.proposals.iter().map(|p| proposal_ref(p, &site.strings)).collect();
        let sources: Vec<Value> = site.sources.iter().map(|s| source_ref(s, &site.strings)).collect();
        let mut changed = ItemFlags {
            articles: vec![false; site.articles.len()],
            actors: differ(&self.actors, &actors),
            proposals: differ(&self.proposals, &proposals),
            topics: differ(&self.topics, &topics),
            sources: differ(&self.sources, &sources),
        };
        let stale: Vec<ArticleIx> = (0..site.articles.len())
            .into_par_iter()
            .filter(|&i| !same(i) || site.articles[i].topics.iter().any(|t| changed.topics[*t]))
            .collect();
        let remade: Vec<(ArticleIx, Value)> =
            stale.par_iter().map(|&i| (i, article_summary(&site.articles[i], &topics, &site.strings))).collect();
        for (i, summary) in remade {
            changed.articles[i] = self.articles[i].get() != Some(&summary);
            self.articles[i] = OnceLock::from(summary);
            if let Some(kept) = &mut self.kept {
                kept.timeline[i] = OnceLock::new();
                kept.json[i] = OnceLock::new();
            }
        }
        (self.actors, self.proposals, self.topics, self.sources) = (actors, proposals, topics, sources);
        changed
    }

    /// After an edit that changed only what article `ix` shows (its fields): its summary
    /// made again, its kept parts to be made again; the rest is as it was.
    pub(crate) fn follow_article(&mut self, site: &Site, ix: ArticleIx) {
        self.articles[ix] = OnceLock::from(article_summary(&site.articles[ix], &self.topics, &site.strings));
        if let Some(kept) = &mut self.kept {
            kept.timeline[ix] = OnceLock::new();
            kept.json[ix] = OnceLock::new();
        }
    }

    /// Makes every article's summary not made yet, in parallel: for rendering every page,
    /// where making them as pages ask would have threads wait for each other's.
    pub(crate) fn make_all(&self, site: &Site) {
        self.articles.par_iter().zip(site.articles.par_iter()).for_each(|(summary, a)| {
            summary.get_or_init(|| article_summary(a, &self.topics, &site.strings));
        });
    }

    /// The summary of article `ix`.
    pub(crate) fn article(&self, site: &Site, ix: ArticleIx) -> Value {
        self.articles[ix].get_or_init(|| article_summary(&site.articles[ix], &self.topics, &site.strings)).clone()
    }

    /// The summaries of the items `shown` flags alone, the others none (for testing that
    /// a page shows nothing else).
    #[cfg(test)]
    pub(crate) fn only(site: &Site, shown: &ItemFlags) -> Summaries {
        let mut summaries = Summaries::new(site, false);
        let flag = |flags: &[bool], i: usize| flags.get(i).copied().unwrap_or(false);
        for (i, summary) in summaries.articles.iter_mut().enumerate() {
            let value = if flag(&shown.articles, i) {
                article_summary(&site.articles[i], &summaries.topics, &site.strings)
            } else {
                Value::none()
            };
            *summary = OnceLock::from(value);
        }
        let blank = |values: &mut [Value], flags: &[bool]| {
            for (i, value) in values.iter_mut().enumerate() {
                if !flag(flags, i) {
                    *value = Value::none();
                }
            }
        };
        blank(&mut summaries.actors, &shown.actors);
        blank(&mut summaries.proposals, &shown.proposals);
        blank(&mut summaries.topics, &shown.topics);
        blank(&mut summaries.sources, &shown.sources);
        summaries
    }

    /// The timeline's entry for article `ix`: kept, or made here.
    pub(crate) fn timeline_entry(&self, site: &Site, ix: ArticleIx) -> Value {
        let a = &site.articles[ix];
        match &self.kept {
            Some(kept) => kept.timeline_entry(a, ix, &site.strings),
            None => timeline_article(a, &site.strings),
        }
    }

    pub(crate) fn articles_of(&self, site: &Site, ixs: impl IntoIterator<Item = ArticleIx>) -> Vec<Value> {
        ixs.into_iter().map(|i| self.article(site, i)).collect()
    }

    pub(crate) fn actors_of(&self, ixs: &[ActorIx]) -> Vec<Value> {
        ixs.iter().map(|i| self.actors[*i].clone()).collect()
    }

    pub(crate) fn proposals_of(&self, ixs: &[ProposalIx]) -> Vec<Value> {
        ixs.iter().map(|i| self.proposals[*i].clone()).collect()
    }

    pub(crate) fn proposal_opt(&self, ix: Option<ProposalIx>) -> Value {
        ix.map_or_else(Value::none, |i| self.proposals[i].clone())
    }
}

/// For each of `new`, whether it differs from the one at its place in `old`.
fn differ(old: &[Value], new: &[Value]) -> Vec<bool> {
    new.iter().enumerate().map(|(i, n)| old.get(i) != Some(n)).collect()
}

fn article_summary(a: &Article, topics: &[Value], strings: &Strings) -> Value {
    to_value(&ArticleSummary {
        id: &a.id,
        title: &a.fields.title,
        date: a.fields.date.ymd(),
        date_display: strings.date(&a.fields.date),
        date_precision: a.fields.date.precision_name(),
        path: routes::article(a),
        summary: a.fields.summary.as_deref().unwrap_or(""),
        location: a.fields.location.as_deref().unwrap_or(""),
        topics: a.topics.iter().map(|t| topics[*t].clone()).collect(),
        draft: a.draft,
    })
}

#[derive(Serialize)]
struct TimelineEntry<'a> {
    date: String,
    date_display: String,
    date_precision: &'static str,
    kind: &'static str,
    title: &'a str,
    path: String,
    summary: &'a str,
    status: &'a str,
    status_label: &'a str,
}

fn timeline_article(a: &Article, strings: &Strings) -> Value {
    to_value(&TimelineEntry {
        date: a.fields.date.ymd(),
        date_display: strings.date(&a.fields.date),
        date_precision: a.fields.date.precision_name(),
        kind: "article",
        title: &a.fields.title,
        path: routes::article(a),
        summary: a.fields.summary.as_deref().unwrap_or(""),
        status: "",
        status_label: "",
    })
}

pub(crate) fn timeline_proposal(p: &Proposal, strings: &Strings) -> Option<Value> {
    let date = p.fields.date?;
    Some(to_value(&TimelineEntry {
        date: date.ymd(),
        date_display: strings.date(&date),
        date_precision: date.precision_name(),
        kind: "proposal",
        title: &p.fields.title,
        path: routes::proposal(p),
        summary: p.fields.summary.as_deref().unwrap_or(""),
        status: p.fields.status.map_or("", |s| s.as_str()),
        status_label: p.fields.status.map_or("", |s| strings.status(s)),
    }))
}

fn actor_ref(a: &Actor, strings: &Strings) -> Value {
    let side = a.fields.side.as_deref().unwrap_or("");
    to_value(&ActorRef {
        id: &a.id,
        name: &a.fields.name,
        role: a.fields.role.as_deref().unwrap_or(""),
        side,
        side_label: if side.is_empty() { String::new() } else { strings.side(side) },
        path: routes::actor(a),
        mentions: a.articles.len(),
    })
}

fn proposal_ref(p: &Proposal, strings: &Strings) -> Value {
    to_value(&ProposalRef {
        id: &p.id,
        title: &p.fields.title,
        status: p.fields.status.map_or("", |s| s.as_str()),
        status_label: p.fields.status.map_or("", |s| strings.status(s)),
        stage: p.fields.stage.map_or("", |s| s.as_str()),
        stage_label: p.fields.stage.map_or("", |s| s.label()),
        date: p.fields.date.map(|d| d.ymd()).unwrap_or_default(),
        date_display: p.fields.date.map(|d| strings.date(&d)).unwrap_or_default(),
        date_precision: p.fields.date.map_or("", |d| d.precision_name()),
        path: routes::proposal(p),
    })
}

fn source_ref(s: &SourceItem, strings: &Strings) -> Value {
    let f = &s.fields;
    to_value(&SourceRef {
        id: &s.id,
        title: &f.title,
        publisher: f.publisher.as_deref().unwrap_or(""),
        url: f.url.as_deref().unwrap_or(""),
        archive_url: f.archive_url.as_deref().unwrap_or(""),
        language: f.language.as_deref().unwrap_or(""),
        date: f.published.map(|d| d.ymd()).unwrap_or_default(),
        date_display: f.published.map(|d| strings.date(&d)).unwrap_or_default(),
        date_precision: f.published.map_or("", |d| d.precision_name()),
        accessed: f.accessed.map(|d| d.ymd()).unwrap_or_default(),
        accessed_display: f.accessed.map(|d| strings.date(&d)).unwrap_or_default(),
        path: routes::source(s),
        citations: s.articles.len(),
    })
}

fn topic_ref(t: &Topic) -> Value {
    to_value(&TopicRef { name: &t.name, slug: &t.slug, path: routes::topic(t), count: t.articles.len() })
}

/// `{stance, stance_label}` fields for a position.
#[derive(Serialize)]
pub(crate) struct StanceView {
    pub(crate) stance: &'static str,
    pub(crate) stance_label: String,
}

impl StanceView {
    pub(crate) fn of(stance: Option<Stance>, strings: &Strings) -> StanceView {
        StanceView { stance: stance.map_or("", Stance::as_str), stance_label: strings.stance(stance).to_owned() }
    }
}

#[derive(Serialize)]
struct PointRef<'a> {
    proposal: Value,
    id: &'a str,
    /// "Point 21", or empty.
    label: String,
    title: &'a str,
}

/// Point `pt` of proposal `p` where it is listed away from its proposal (a topic's
/// page): templates link to `proposal.path` + `index.html#` + `id`.
pub(crate) fn point_ref(site: &Site, summaries: &Summaries, p: ProposalIx, pt: usize) -> Value {
    let proposal = &site.proposals[p];
    let point = &proposal.points[pt];
    to_value(&PointRef {
        proposal: summaries.proposals[p].clone(),
        id: &point.fields.id,
        label: point.fields.label(),
        title: &point.fields.title,
    })
}
