//! Turns ids into indices. A reference to an id that does not exist, or to an anchor
//! that its target lacks, is an error placed where it was written. Each item's fields
//! are copied whole into the model: the record's were allocated amid the parse's own
//! data, and the render, which reads them many times, runs about 5 % faster at 10,000
//! articles on a compact copy of its own (measured against sharing them).

use std::collections::BTreeMap;
use std::sync::Mutex;

use rayon::prelude::*;

// Ids are looked up hundreds of thousands of times on a big site: a fast hash, not
// the standard one (which resists flooding, a threat that files on disk are not).
use ahash::AHashMap as HashMap;

use super::ids::Grouped;
use super::types::*;
use crate::diagnostic::{Diagnostic, Diagnostics, MAX_PER_FILE};
use crate::parse::markdown::{BodyLink, UnsafeUrl};
use crate::parse::{ArticleRecord, At, Meta, Ref};
use crate::read::SourceFile;
use crate::slug::slugify;
use crate::suggest;
use crate::vocab::{Kind, SiteConfig};

/// Everything needed to check one reference.
pub(super) struct Lookup<'g> {
    articles: HashMap<&'g str, ArticleIx>,
    actors: HashMap<&'g str, ActorIx>,
    proposals: HashMap<&'g str, ProposalIx>,
    sources: HashMap<&'g str, SourceIx>,
    pub(super) grouped: &'g Grouped<'g>,
    files: &'g [SourceFile],
    /// Errors placed so far per file: placing costs a pass over the file, and past
    /// `MAX_PER_FILE` they are only counted.
    placed: Mutex<HashMap<usize, usize>>,
}

impl Lookup<'_> {
    fn index(&self, kind: Kind) -> &HashMap<&str, usize> {
        match kind {
            Kind::Article => &self.articles,
            Kind::Actor => &self.actors,
            Kind::Proposal => &self.proposals,
            Kind::Source => &self.sources,
        }
    }

    fn ids(&self, kind: Kind) -> Vec<&str> {
        match kind {
            Kind::Article => self.grouped.articles.iter().map(|(m, _)| m.id.as_str()).collect(),
            Kind::Actor => self.grouped.actors.iter().map(|(m, _)| m.id.as_str()).collect(),
            Kind::Proposal => self.grouped.proposals.iter().map(|(m, _)| m.id.as_str()).collect(),
            Kind::Source => self.grouped.sources.iter().map(|(m, _)| m.id.as_str()).collect(),
        }
    }

    pub(super) fn error(&self, meta: &Meta, at: &At, message: String, hint: Option<String>) -> Diagnostic {
        let d = Diagnostic::error(&meta.place.path, message).with_hint_opt(hint);
        let n = {
            let mut placed = self.placed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            let n = placed.entry(meta.file).or_default();
            *n += 1;
            *n
        };
        if n > MAX_PER_FILE { d } else { meta.place.diagnostic(&self.files[meta.file].placement_text(), at, d) }
    }

    /// The index of `id`, or an error with the nearest existing id.
    pub(super) fn find(
        &self,
        kind: Kind,
        id: &str,
        meta: &Meta,
        at: &At,
        diagnostics: &mut Diagnostics,
    ) -> Option<usize> {
        if let Some(ix) = self.index(kind).get(id) {
            return Some(*ix);
        }
        if self.grouped.unreadable.iter().any(|(k, stem)| *k == kind && stem == id) {
            return None;
        }
        let noun = kind.noun();
        let embargoed = self.grouped.embargoed.iter().find(|e| e.kind == kind && e.id == id);
        let (message, hint) = if kind == Kind::Article && self.grouped.hidden_drafts.iter().any(|d| d == id) {
            (
                format!("`{id}` is a draft article, left out of this build"),
                Some("publish it (remove `draft: true`) or build with --drafts".to_owned()),
            )
        } else if let Some(item) = embargoed {
            let (message, hint) = super::embargo::referred(item);
            (message, Some(hint))
        } else if let Some(renamed) = self.grouped.renamed.iter().find(|r| r.kind == kind && r.old == id) {
            let (message, hint) = super::redirects::referred(renamed);
            (message, Some(hint))
        } else {
            let hint = suggest::did_you_mean(id, self.ids(kind)).unwrap_or_else(|| {
                format!("no {noun} has this id; {noun}s are the files in content/{}/", kind.folder())
            });
            (format!("unknown {noun} `{id}`"), Some(hint))
        };
        diagnostics.push(self.error(meta, at, message, hint));
        None
    }

    pub(super) fn find_ref(&self, kind: Kind, r: &Ref, meta: &Meta, diagnostics: &mut Diagnostics) -> Option<usize> {
        self.find(kind, &r.id, meta, &r.at, diagnostics)
    }

    fn anchors(&self, kind: Kind, ix: usize) -> Vec<&str> {
        match kind {
            Kind::Article => self.grouped.articles[ix].1.body.anchors.iter().map(String::as_str).collect(),
            Kind::Actor => self.grouped.actors[ix].1.body.anchors.iter().map(String::as_str).collect(),
            Kind::Source => self.grouped.sources[ix].1.body.anchors.iter().map(String::as_str).collect(),
            Kind::Proposal => {
                let p = &self.grouped.proposals[ix].1;
                p.points
                    .iter()
                    .map(|pt| pt.fields.id.as_str())
                    .chain(p.body.anchors.iter().map(String::as_str))
                    .collect()
            }
        }
    }

    /// Checks a Markdown link and its `#fragment`; returns the target's index.
    fn body_link(&self, link: &BodyLink, meta: &Meta, at: At, diagnostics: &mut Diagnostics) -> Option<usize> {
        let ix = self.find(link.kind, &link.id, meta, &at, diagnostics)?;
        if let Some(fragment) = &link.fragment {
            let anchors = self.anchors(link.kind, ix);
            if !anchors.contains(&fragment.as_str()) {
                let what = match link.kind {
                    Kind::Proposal => "point or heading",
                    _ => "heading",
                };
                let hint = suggest::did_you_mean(fragment, anchors.iter().copied()).unwrap_or_else(|| {
                    if anchors.is_empty() {
                        format!("`{}` has no anchors to link to", link.id)
                    } else {
                        format!("its anchors are: {}", anchors.join(", "))
                    }
                });
                let message = format!("`#{fragment}` names no {what} of {} `{}`", link.kind.noun(), link.id);
                diagnostics.push(self.error(meta, &at, message, Some(hint)));
            }
        }
        Some(ix)
    }

    /// Checks every link of a body; returns the targets of each kind.
    pub(super) fn body_links(
        &self,
        links: &[BodyLink],
        meta: &Meta,
        at: impl Fn(&BodyLink) -> At,
        diagnostics: &mut Diagnostics,
    ) -> Vec<(Kind, usize)> {
        links.iter().filter_map(|l| self.body_link(l, meta, at(l), diagnostics).map(|ix| (l.kind, ix))).collect()
    }
}

pub(super) fn body_at(link: &BodyLink) -> At {
    At::Body(link.offset, link.len)
}

pub(super) fn unsafe_urls(lookup: &Lookup<'_>, meta: &Meta, urls: &[UnsafeUrl], diagnostics: &mut Diagnostics) {
    for u in urls {
        let message = format!("`{}` is a script link, which is never allowed", u.url);
        let hint =
            Some("link to a web address (https://…) or to an item (actor:ID, proposal:ID, article:ID)".to_owned());
        diagnostics.push(lookup.error(meta, &At::Body(u.offset, u.len), message, hint));
    }
}

pub(super) fn resolve(
    config: SiteConfig,
    grouped: &Grouped<'_>,
    files: &[SourceFile],
    diagnostics: &mut Diagnostics,
) -> Site {
    let lookup = Lookup {
        articles: index(grouped.articles.iter().map(|(m, _)| m.id.as_str()).collect()),
        actors: index(grouped.actors.iter().map(|(m, _)| m.id.as_str()).collect()),
        proposals: index(grouped.proposals.iter().map(|(m, _)| m.id.as_str()).collect()),
        sources: index(grouped.sources.iter().map(|(m, _)| m.id.as_str()).collect()),
        grouped,
        files,
        placed: Default::default(),
    };
    let mut topics = TopicTable::default();
    let sources = super::evidence::sources(&lookup, diagnostics);

    let mut actors = Vec::with_capacity(grouped.actors.len());
    for (meta, a) in &grouped.actors {
        lookup.body_links(&a.body.links, meta, body_at, diagnostics);
        unsafe_urls(&lookup, meta, &a.body.unsafe_urls, diagnostics);
        actors.push(Actor {
            id: meta.id.clone(),
            fields: a.fields.clone(),
            sources: super::evidence::page_sources(&lookup, meta, Vec::new(), &[(&a.body, None)], diagnostics),
            articles: Vec::new(),
            quotes: Vec::new(),
            sponsored: Vec::new(),
            positions: Vec::new(),
        });
    }

    let mut proposals = Vec::with_capacity(grouped.proposals.len());
    for (meta, p) in &grouped.proposals {
        lookup.body_links(&p.body.links, meta, body_at, diagnostics);
        unsafe_urls(&lookup, meta, &p.body.unsafe_urls, diagnostics);
        let sponsors =
            p.proposed_by.iter().filter_map(|r| lookup.find_ref(Kind::Actor, r, meta, diagnostics)).collect();
        let supersedes = p.supersedes.as_ref().and_then(|r| lookup.find_ref(Kind::Proposal, r, meta, diagnostics));
        let amends = p.amends.as_ref().and_then(|r| lookup.find_ref(Kind::Proposal, r, meta, diagnostics));
        let amends = match (amends, &p.amends) {
            (Some(own), Some(r)) if own == proposals.len() => {
                let message = format!("proposal `{}` amends itself", meta.id);
                let hint = Some("`amends` names the proposal whose points this one amends".to_owned());
                diagnostics.push(lookup.error(meta, &r.at, message, hint));
                None
            }
            _ => amends,
        };
        let points = p
            .points
            .iter()
            .map(|pt| {
                let text_at = |_: &BodyLink| pt.at.clone();
                lookup.body_links(&pt.text.links, meta, text_at, diagnostics);
                Point {
                    fields: pt.fields.clone(),
                    topic: pt.topic.as_deref().map(|t| topics.intern(t)),
                    positions: pt
                        .positions
                        .iter()
                        .filter_map(|pos| super::evidence::position(&lookup, meta, pos, diagnostics))
                        .collect(),
                    amends: None,
                    amended_by: Vec::new(),
                }
            })
            .collect::<Vec<Point>>();
        let statuses = super::evidence::statuses(&lookup, meta, &p.statuses, diagnostics);
        proposals.push(Proposal {
            id: meta.id.clone(),
            fields: p.fields.clone(),
            sponsors,
            supersedes,
            superseded_by: None,
            amends,
            amended_by: Vec::new(),
            articles: Vec::new(),
            lineage: Vec::new(),
            changes: None,
            sources: super::evidence::proposal_sources(&lookup, meta, p, (&points, &statuses), diagnostics),
            points,
            statuses,
        });
    }
    check_versions(&lookup, &mut proposals, diagnostics);
    amended_points(&lookup, &mut proposals, diagnostics);

    // Topics are numbered in order of first use: that part goes in order. Then each
    // article is resolved on its own, in parallel; its problems are kept in order.
    let article_topics: Vec<Vec<TopicIx>> = grouped
        .articles
        .iter()
        .map(|(_, a)| {
            let mut ixs: Vec<TopicIx> = a.topics.iter().map(|t| topics.intern(t)).collect();
            ixs.dedup();
            ixs
        })
        .collect();
    let resolved: Vec<(Article, Diagnostics)> = grouped
        .articles
        .par_iter()
        .zip(article_topics)
        .map(|((meta, a), topics)| {
            let mut found = Diagnostics::new();
            let article = resolve_article(&lookup, meta, a, topics, &mut found);
            (article, found)
        })
        .collect();
    let mut articles = Vec::with_capacity(resolved.len());
    for (article, found) in resolved {
        articles.push(article);
        diagnostics.extend(found);
    }

    let (topic_list, remap) = topics.finish();
    for a in &mut articles {
        for t in &mut a.topics {
            *t = remap[*t];
        }
        let mut seen = Vec::new();
        a.topics.retain(|t| {
            if seen.contains(t) {
                false
            } else {
                seen.push(*t);
                true
            }
        });
    }
    for p in &mut proposals {
        for pt in &mut p.points {
            pt.topic = pt.topic.map(|t| remap[t]);
        }
    }
    Site {
        config,
        articles,
        actors,
        proposals,
        topics: topic_list,
        sources,
        events: Vec::new(),
        redirects: Vec::new(),
        attachments: Vec::new(),
        pictures: Default::default(),
        strings: Default::default(),
        categories: Vec::new(),
    }
}

/// One article with its references turned into indices (its topics already are).
fn resolve_article(
    lookup: &Lookup<'_>,
    meta: &Meta,
    a: &ArticleRecord,
    topics: Vec<TopicIx>,
    diagnostics: &mut Diagnostics,
) -> Article {
    let fm_actors: Vec<ActorIx> =
        a.actors.iter().filter_map(|r| lookup.find_ref(Kind::Actor, r, meta, diagnostics)).collect();
    let fm_proposals: Vec<ProposalIx> =
        a.proposals.iter().filter_map(|r| lookup.find_ref(Kind::Proposal, r, meta, diagnostics)).collect();
    let quotes: Vec<Quote> = a
        .quotes
        .iter()
        .filter_map(|q| {
            let actor = lookup.find_ref(Kind::Actor, &q.actor, meta, diagnostics);
            let source = q.source.as_ref().and_then(|r| lookup.find_ref(Kind::Source, r, meta, diagnostics));
            Some(Quote { actor: actor?, fields: q.fields.clone(), source })
        })
        .collect();
    let sources = super::evidence::article_sources(lookup, meta, a, &quotes, diagnostics);
    let linked = lookup.body_links(&a.body.links, meta, body_at, diagnostics);
    unsafe_urls(lookup, meta, &a.body.unsafe_urls, diagnostics);
    let mut mentions_actors = fm_actors.clone();
    mentions_actors.extend(quotes.iter().map(|q| q.actor));
    mentions_actors.extend(linked.iter().filter(|(k, _)| *k == Kind::Actor).map(|(_, ix)| *ix));
    mentions_actors.sort_unstable();
    mentions_actors.dedup();
    let mut mentions_proposals = fm_proposals.clone();
    mentions_proposals.extend(linked.iter().filter(|(k, _)| *k == Kind::Proposal).map(|(_, ix)| *ix));
    mentions_proposals.sort_unstable();
    mentions_proposals.dedup();
    Article {
        id: meta.id.clone(),
        source: meta.place.path.clone(),
        fields: a.fields.clone(),
        actors: fm_actors,
        proposals: fm_proposals,
        topics,
        quotes,
        sources,
        mentions_actors,
        mentions_proposals,
        draft: a.draft,
    }
}

/// `supersedes` must not loop, and a version can be superseded by only one other.
fn check_versions(lookup: &Lookup<'_>, proposals: &mut [Proposal], diagnostics: &mut Diagnostics) {
    let grouped = lookup.grouped;
    for start in 0..proposals.len() {
        let mut seen = vec![start];
        let mut current = proposals[start].supersedes;
        while let Some(next) = current {
            if next == start {
                let chain: Vec<&str> = seen.iter().chain([&start]).map(|i| proposals[*i].id.as_str()).collect();
                let (meta, p) = &grouped.proposals[start];
                let at = p.supersedes.as_ref().map_or(At::Start, |r| r.at.clone());
                let message = format!("`supersedes` goes round in a circle: {}", chain.join(" → "));
                let hint = Some("a proposal can only supersede an earlier version; remove one `supersedes`".to_owned());
                diagnostics.push(lookup.error(meta, &at, message, hint));
                break;
            }
            if seen.contains(&next) {
                break; // a cycle further up the chain, reported from its own members
            }
            seen.push(next);
            current = proposals[next].supersedes;
        }
    }
    let mut successors: BTreeMap<ProposalIx, Vec<ProposalIx>> = BTreeMap::new();
    for (ix, p) in proposals.iter().enumerate() {
        if let Some(old) = p.supersedes {
            successors.entry(old).or_default().push(ix);
        }
    }
    for (old, newer) in successors {
        if let [only] = newer[..] {
            proposals[old].superseded_by = Some(only);
            continue;
        }
        let names: Vec<&str> = newer.iter().map(|i| proposals[*i].id.as_str()).collect();
        for ix in &newer {
            let (meta, p) = &grouped.proposals[*ix];
            let at = p.supersedes.as_ref().map_or(At::Start, |r| r.at.clone());
            let message =
                format!("`{}` is superseded by more than one proposal: {}", proposals[old].id, names.join(", "));
            let hint = Some("a version has one successor; make the later one supersede the earlier".to_owned());
            diagnostics.push(lookup.error(meta, &at, message, hint));
        }
    }
}

/// Each point's `amends` names a point of the proposal its own proposal amends.
fn amended_points(lookup: &Lookup<'_>, proposals: &mut [Proposal], diagnostics: &mut Diagnostics) {
    for (ix, (meta, record)) in lookup.grouped.proposals.iter().enumerate() {
        for (pt, point) in record.points.iter().enumerate() {
            let Some(r) = &point.amends else { continue };
            let Some(target) = proposals[ix].amends else {
                if record.amends.is_none() {
                    let message =
                        format!("point `{}` amends `{}`, but its proposal amends no proposal", point.fields.id, r.id);
                    let hint = Some(
                        "add `amends: PROPOSAL-ID` to the proposal, naming the one whose points it amends".to_owned(),
                    );
                    diagnostics.push(lookup.error(meta, &r.at, message, hint));
                }
                continue; // an unknown proposal is reported where it is named
            };
            let points = &proposals[target].points;
            match points.iter().position(|p| p.fields.id == r.id) {
                Some(found) => proposals[ix].points[pt].amends = Some(found),
                None => {
                    let ids: Vec<&str> = points.iter().map(|p| p.fields.id.as_str()).collect();
                    let hint = suggest::did_you_mean(&r.id, ids.iter().copied()).unwrap_or_else(|| {
                        if ids.is_empty() {
                            format!("`{}` has no points", proposals[target].id)
                        } else {
                            format!("its points are: {}", ids.join(", "))
                        }
                    });
                    let message = format!("`{}` names no point of proposal `{}`", r.id, proposals[target].id);
                    diagnostics.push(lookup.error(meta, &r.at, message, Some(hint)));
                }
            }
        }
    }
}

fn index(ids: Vec<&str>) -> HashMap<&str, usize> {
    let mut map = HashMap::with_capacity(ids.len());
    for (i, id) in ids.into_iter().enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

/// Topics by slug, in order of first use, sorted by slug at the end.
#[derive(Default)]
struct TopicTable {
    by_slug: HashMap<String, TopicIx>,
    /// The same topics by the names they were written as: most names recur, and
    /// making a slug is the slow part.
    by_name: HashMap<String, TopicIx>,
    names: Vec<(String, String)>,
}

impl TopicTable {
    fn intern(&mut self, name: &str) -> TopicIx {
        if let Some(ix) = self.by_name.get(name) {
            return *ix;
        }
        let ix = self.intern_slug(name);
        self.by_name.insert(name.to_owned(), ix);
        ix
    }

    fn intern_slug(&mut self, name: &str) -> TopicIx {
        let slug = slugify(name);
        let next = self.names.len();
        let ix = *self.by_slug.entry(slug.clone()).or_insert(next);
        if ix == next {
            self.names.push((name.trim().to_owned(), slug));
        }
        ix
    }

    /// The topics sorted by slug, and the map from interned index to sorted index.
    fn finish(self) -> (Vec<Topic>, Vec<TopicIx>) {
        let mut order: Vec<usize> = (0..self.names.len()).collect();
        order.sort_by(|a, b| self.names[*a].1.cmp(&self.names[*b].1));
        let mut remap = vec![0; order.len()];
        for (sorted, original) in order.iter().enumerate() {
            remap[*original] = sorted;
        }
        let topics = order
            .into_iter()
            .map(|i| Topic {
                name: self.names[i].0.clone(),
                slug: self.names[i].1.clone(),
                articles: Vec::new(),
                proposals: Vec::new(),
                points: Vec::new(),
            })
            .collect();
        (topics, remap)
    }
}
