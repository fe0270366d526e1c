//! The summaries every list shares, built once per build as template values. Tera 2
//! shares a value's lists and maps when it is cloned, so a summary used on a hundred
//! pages is built once and never copied.

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use super::routes;
use crate::model::{Actor, Article, Proposal, Site, Topic};
use crate::parse::Stance;

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
}

/// A template value from a view struct.
pub fn to_value<T: Serialize>(v: &T) -> Value {
    // Our view structs hold only strings, numbers, lists and JSON data: they always convert.
    Value::try_from_serializable(v).unwrap_or_else(|_| Value::none())
}

impl Shared {
    pub fn new(site: &Site) -> Shared {
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
            articles: site.articles.par_iter().map(|a| article_summary(a, &topics)).collect(),
            actors: site.actors.iter().map(actor_ref).collect(),
            proposals: site.proposals.iter().map(proposal_ref).collect(),
            topics,
        }
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
        title: &a.title,
        date: a.date.ymd(),
        date_display: a.date.display(),
        path: routes::article(a),
        summary: a.summary.as_deref().unwrap_or(""),
        location: a.location.as_deref().unwrap_or(""),
        topics: a.topics.iter().map(|t| topics[*t].clone()).collect(),
    })
}

fn actor_ref(a: &Actor) -> Value {
    let side = a.side.as_deref().unwrap_or("");
    to_value(&ActorRef {
        id: &a.id,
        name: &a.name,
        role: a.role.as_deref().unwrap_or(""),
        side,
        side_label: routes::side_label(side),
        path: routes::actor(a),
        mentions: a.articles.len(),
    })
}

fn proposal_ref(p: &Proposal) -> Value {
    to_value(&ProposalRef {
        id: &p.id,
        title: &p.title,
        status: p.status.map_or("", |s| s.as_str()),
        status_label: p.status.map_or("", |s| s.label()),
        date: p.date.map(|d| d.ymd()).unwrap_or_default(),
        date_display: p.date.map(|d| d.display()).unwrap_or_default(),
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
