//! The summaries every list shares, built once per build as template values. Tera 2
//! shares a value's lists and maps when it is cloned, so a summary used on a hundred
//! pages is built once and never copied.

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use super::feeds::ArticleJson;
use super::routes;
use crate::model::{Actor, Article, Proposal, Site, Topic};
use crate::vocab::Stance;

#[derive(Serialize)]
struct ArticleSummary<'a> {
    id: &'a str,
    title: &'a str,
    date: String,
    date_display: String,
    path: String,
    summary: &'a str,
    location: &'a str,
    topics: Vec<Value>,
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
    date: String,
    date_display: String,
    path: String,
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

/// Template values for every item, indexed like the model's lists.
pub struct Shared {
    pub site: Value,
    pub articles: Vec<Value>,
    pub actors: Vec<Value>,
    pub proposals: Vec<Value>,
    pub topics: Vec<Value>,
    /// What the preview server keeps besides (see `Kept`); none for a build or a check,
    /// which render the timeline and data files once and make these parts as they go.
    pub kept: Option<Kept>,
}

/// Parts of pages and files made from one item each, which the preview server keeps
/// so that after an edit only those of the items that changed are made again.
pub struct Kept {
    /// Each article's timeline entry, and each proposal's (if dated).
    pub timeline_articles: Vec<Value>,
    pub timeline_proposals: Vec<Option<Value>>,
    /// Each article's parts of the search index and of `data/articles.json`.
    pub article_json: Vec<ArticleJson>,
}

impl Kept {
    fn new(site: &Site) -> Kept {
        Kept {
            timeline_articles: site.articles.par_iter().map(timeline_article).collect(),
            timeline_proposals: site.proposals.iter().map(timeline_proposal).collect(),
            article_json: site.articles.par_iter().map(|a| ArticleJson::new(site, a)).collect(),
        }
    }
}

/// Which summaries of each kind changed, indexed like the model's lists.
pub struct Changed {
    pub articles: Vec<bool>,
    pub actors: Vec<bool>,
    pub proposals: Vec<bool>,
    pub topics: Vec<bool>,
}

/// A template value from a view struct.
pub fn to_value<T: Serialize>(v: &T) -> Value {
    // Our view structs hold only strings, numbers, lists and JSON data: they always convert.
    Value::try_from_serializable(v).unwrap_or_else(|_| Value::none())
}

impl Shared {
    pub fn new(site: &Site) -> Shared {
        Shared::with_articles(site, |_| true)
    }

    /// The summaries, those of articles not `shown` left none: for pages known to
    /// show no others (`check`'s sample pages; see `Renderer::for_pages`).
    pub fn with_articles(site: &Site, shown: impl Fn(usize) -> bool + Sync) -> Shared {
        let topics: Vec<Value> = site.topics.iter().map(topic_ref).collect();
        let c = &site.config;
        Shared {
            site: to_value(&SiteView {
                title: &c.title,
                description: &c.description,
                language: &c.language,
                author: &c.author,
                base_url: &c.base_url,
                extra: &c.extra,
            }),
            articles: (site.articles.par_iter().enumerate())
                .map(|(i, a)| if shown(i) { article_summary(a, &topics) } else { Value::none() })
                .collect(),
            actors: site.actors.iter().map(actor_ref).collect(),
            proposals: site.proposals.iter().map(proposal_ref).collect(),
            topics,
            kept: None,
        }
    }

    /// The summaries of `site`, a new model of the same site as `old_site` (same items
    /// at the same places), whose summaries were `old`, and the kept parts: those of an
    /// article whose inputs are unchanged are taken over rather than made again (there
    /// are thousands). Also says which summaries of each kind differ from before.
    pub fn renew(old: &Shared, old_site: &Site, site: &Site) -> (Shared, Changed) {
        let topics: Vec<Value> = site.topics.iter().map(topic_ref).collect();
        let differ = |old: &[Value], new: &[Value]| -> Vec<bool> {
            old.iter().zip(new).map(|(o, n)| o != n).chain(std::iter::repeat(true)).take(new.len()).collect()
        };
        let topics_changed = differ(&old.topics, &topics);
        let renewed: Vec<Renewed> = site
            .articles
            .par_iter()
            .enumerate()
            .map(|(i, a)| renew_article(old, old_site, site, i, a, &topics, &topics_changed))
            .collect();
        let mut changed = Changed {
            articles: Vec::with_capacity(renewed.len()),
            actors: Vec::new(),
            proposals: Vec::new(),
            topics: topics_changed,
        };
        let mut articles = Vec::with_capacity(renewed.len());
        let mut kept = Kept {
            timeline_articles: Vec::with_capacity(renewed.len()),
            timeline_proposals: site.proposals.iter().map(timeline_proposal).collect(),
            article_json: Vec::with_capacity(renewed.len()),
        };
        for r in renewed {
            articles.push(r.summary);
            changed.articles.push(r.changed);
            kept.timeline_articles.push(r.entry);
            kept.article_json.push(r.json);
        }
        let actors: Vec<Value> = site.actors.iter().map(actor_ref).collect();
        let proposals: Vec<Value> = site.proposals.iter().map(proposal_ref).collect();
        changed.actors = differ(&old.actors, &actors);
        changed.proposals = differ(&old.proposals, &proposals);
        let shared = Shared { site: old.site.clone(), articles, actors, proposals, topics, kept: Some(kept) };
        (shared, changed)
    }

    /// After an edit that changed only what article `ix` shows, not what it refers to
    /// or where it sorts: its summary and kept parts made again, the rest kept.
    pub fn patch_article(&mut self, site: &Site, ix: usize) {
        let a = &site.articles[ix];
        self.articles[ix] = article_summary(a, &self.topics);
        if let Some(kept) = &mut self.kept {
            kept.timeline_articles[ix] = timeline_article(a);
            kept.article_json[ix] = ArticleJson::new(site, a);
        }
    }

    /// Makes the parts that only the preview server keeps, so that its first edit is as
    /// quick as the next ones.
    pub fn keep_parts(&mut self, site: &Site) {
        self.kept = Some(Kept::new(site));
    }

    pub fn articles_of(&self, ixs: &[usize]) -> Vec<Value> {
        ixs.iter().map(|i| self.articles[*i].clone()).collect()
    }

    pub fn actors_of(&self, ixs: &[usize]) -> Vec<Value> {
        ixs.iter().map(|i| self.actors[*i].clone()).collect()
    }

    pub fn proposals_of(&self, ixs: &[usize]) -> Vec<Value> {
        ixs.iter().map(|i| self.proposals[*i].clone()).collect()
    }

    pub fn proposal_opt(&self, ix: Option<usize>) -> Value {
        ix.map_or_else(Value::none, |i| self.proposals[i].clone())
    }
}

fn article_summary(a: &Article, topics: &[Value]) -> Value {
    to_value(&ArticleSummary {
        id: &a.id,
        title: &a.fields.title,
        date: a.fields.date.ymd(),
        date_display: a.fields.date.display(),
        path: routes::article(a),
        summary: a.fields.summary.as_deref().unwrap_or(""),
        location: a.fields.location.as_deref().unwrap_or(""),
        topics: a.topics.iter().map(|t| topics[*t].clone()).collect(),
    })
}

/// One article's summary and kept parts after an edit, and whether the summary changed.
struct Renewed {
    summary: Value,
    changed: bool,
    entry: Value,
    json: ArticleJson,
}

fn renew_article(
    old: &Shared,
    old_site: &Site,
    site: &Site,
    i: usize,
    a: &Article,
    topics: &[Value],
    topics_changed: &[bool],
) -> Renewed {
    let before = old_site.articles.get(i);
    // What the summary and the timeline entry are made from.
    let same_inputs = before.is_some_and(|b| {
        b.id == a.id
            && b.fields.title == a.fields.title
            && b.fields.date == a.fields.date
            && b.fields.summary == a.fields.summary
            && b.fields.location == a.fields.location
            && b.topics == a.topics
            && !a.topics.iter().any(|t| topics_changed[*t])
    });
    // The data file also lists what the article mentions.
    let same_mentions =
        before.is_some_and(|b| b.mentions_actors == a.mentions_actors && b.mentions_proposals == a.mentions_proposals);
    let kept = old.kept.as_ref().filter(|_| same_inputs);
    let json = match kept.and_then(|k| k.article_json.get(i)) {
        Some(json) if same_mentions => json.clone(),
        _ => ArticleJson::new(site, a),
    };
    match (old.articles.get(i), kept.and_then(|k| k.timeline_articles.get(i))) {
        (Some(summary), Some(entry)) => {
            Renewed { summary: summary.clone(), changed: false, entry: entry.clone(), json }
        }
        _ => {
            let summary = article_summary(a, topics);
            let changed = old.articles.get(i) != Some(&summary);
            Renewed { summary, changed, entry: timeline_article(a), json }
        }
    }
}

#[derive(Serialize)]
struct TimelineEntry<'a> {
    date: String,
    date_display: String,
    kind: &'static str,
    title: &'a str,
    path: String,
    summary: &'a str,
    status: &'a str,
    status_label: &'a str,
}

pub fn timeline_article(a: &Article) -> Value {
    to_value(&TimelineEntry {
        date: a.fields.date.ymd(),
        date_display: a.fields.date.display(),
        kind: "article",
        title: &a.fields.title,
        path: routes::article(a),
        summary: a.fields.summary.as_deref().unwrap_or(""),
        status: "",
        status_label: "",
    })
}

pub fn timeline_proposal(p: &Proposal) -> Option<Value> {
    let date = p.fields.date?;
    Some(to_value(&TimelineEntry {
        date: date.ymd(),
        date_display: date.display(),
        kind: "proposal",
        title: &p.fields.title,
        path: routes::proposal(p),
        summary: p.fields.summary.as_deref().unwrap_or(""),
        status: p.fields.status.map_or("", |s| s.as_str()),
        status_label: p.fields.status.map_or("", |s| s.label()),
    }))
}

fn actor_ref(a: &Actor) -> Value {
    let side = a.fields.side.as_deref().unwrap_or("");
    to_value(&ActorRef {
        id: &a.id,
        name: &a.fields.name,
        role: a.fields.role.as_deref().unwrap_or(""),
        side,
        side_label: routes::side_label(side),
        path: routes::actor(a),
        mentions: a.articles.len(),
    })
}

fn proposal_ref(p: &Proposal) -> Value {
    to_value(&ProposalRef {
        id: &p.id,
        title: &p.fields.title,
        status: p.fields.status.map_or("", |s| s.as_str()),
        status_label: p.fields.status.map_or("", |s| s.label()),
        date: p.fields.date.map(|d| d.ymd()).unwrap_or_default(),
        date_display: p.fields.date.map(|d| d.display()).unwrap_or_default(),
        path: routes::proposal(p),
    })
}

fn topic_ref(t: &Topic) -> Value {
    to_value(&TopicRef { name: &t.name, slug: &t.slug, path: routes::topic(t), count: t.articles.len() })
}

/// `{stance, stance_label}` fields for a position.
#[derive(Serialize)]
pub struct StanceView {
    pub stance: &'static str,
    pub stance_label: &'static str,
}

impl StanceView {
    pub fn of(stance: Option<Stance>) -> StanceView {
        match stance {
            Some(s) => StanceView { stance: s.as_str(), stance_label: s.label() },
            None => StanceView { stance: "", stance_label: "—" },
        }
    }
}
