//! Where the briefing's claims come from: source items resolved, an article's list of
//! sources, what cites each source, and the warnings about sourcing.

use super::ids::Grouped;
use super::relations::{Found, found};
use super::resolve::{Lookup, body_at, unsafe_urls};
use super::types::*;
use crate::diagnostic::Diagnostics;
use crate::parse::markdown::Outline;
use crate::parse::{ArticleRecord, At, Evidence, Meta, PositionRecord, ProposalRecord, SourceEntry};
use crate::vocab::{Kind, Status};

/// Every source item, its notes' links checked.
pub(super) fn sources(lookup: &Lookup<'_>, diagnostics: &mut Diagnostics) -> Vec<SourceItem> {
    let mut out = Vec::with_capacity(lookup.grouped.sources.len());
    for (meta, s) in &lookup.grouped.sources {
        lookup.body_links(&s.body.links, meta, body_at, diagnostics);
        unsafe_urls(lookup, meta, &s.body.unsafe_urls, diagnostics);
        out.push(SourceItem {
            id: meta.id.clone(),
            fields: s.fields.clone(),
            articles: Vec::new(),
            actors: Vec::new(),
            proposals: Vec::new(),
            quotes: Vec::new(),
            stances: Vec::new(),
            statuses: Vec::new(),
            speakers: Vec::new(),
            sources: page_sources(lookup, meta, Vec::new(), &[(&s.body, None)], diagnostics),
        });
    }
    out
}

/// An article's list of sources: its `sources:`, then what its text cites (each id
/// resolved; an unknown one is an error where it is written).
pub(super) fn article_sources(
    lookup: &Lookup<'_>,
    meta: &Meta,
    a: &ArticleRecord,
    quotes: &[Quote],
    diagnostics: &mut Diagnostics,
) -> Vec<Cited> {
    let listed = a
        .source_list
        .iter()
        .filter_map(|entry| match entry {
            SourceEntry::Inline(i) => Some(Cited::Inline(*i)),
            SourceEntry::Item(r) => lookup.find_ref(Kind::Source, r, meta, diagnostics).map(Cited::Item),
        })
        .collect();
    let mut list = page_sources(lookup, meta, listed, &[(&a.body, None)], diagnostics);
    add_items(&mut list, quotes.iter().filter_map(|q| q.source));
    list
}

/// A proposal's list of sources: what its description cites, then its points' texts,
/// then the sources of its stances (point by point) and of its statuses. (A point's
/// citation is shown at the point's id when it is wrong.)
pub(super) fn proposal_sources(
    lookup: &Lookup<'_>,
    meta: &Meta,
    p: &ProposalRecord,
    (points, statuses): (&[Point], &[Stated<Status>]),
    diagnostics: &mut Diagnostics,
) -> Vec<Cited> {
    let mut texts: Vec<(&Outline, Option<At>)> = vec![(&p.body, None)];
    texts.extend(p.points.iter().map(|pt| (&pt.text, Some(pt.at.clone()))));
    let mut list = page_sources(lookup, meta, Vec::new(), &texts, diagnostics);
    let stances = points.iter().flat_map(|pt| &pt.positions).flat_map(|pos| &pos.history);
    add_items(&mut list, stances.filter_map(|s| s.source));
    add_items(&mut list, statuses.iter().filter_map(|s| s.source));
    list
}

/// Adds each of `sources` that `list` does not hold yet, in order.
fn add_items(list: &mut Vec<Cited>, sources: impl Iterator<Item = SourceIx>) {
    for s in sources {
        if !list.contains(&Cited::Item(s)) {
            list.push(Cited::Item(s));
        }
    }
}

/// An actor's position on a point, its actor and sources resolved.
pub(super) fn position(
    lookup: &Lookup<'_>,
    meta: &Meta,
    pos: &PositionRecord,
    diagnostics: &mut Diagnostics,
) -> Option<Position> {
    let actor = lookup.find_ref(Kind::Actor, &pos.actor, meta, diagnostics);
    let history = pos.history.iter().map(|(stance, e)| stated(lookup, meta, *stance, e, diagnostics)).collect();
    Some(Position { actor: actor?, history })
}

/// A proposal's statuses, their sources resolved.
pub(super) fn statuses(
    lookup: &Lookup<'_>,
    meta: &Meta,
    statuses: &[(Status, Evidence)],
    diagnostics: &mut Diagnostics,
) -> Vec<Stated<Status>> {
    statuses.iter().map(|(status, e)| stated(lookup, meta, *status, e, diagnostics)).collect()
}

fn stated<T>(lookup: &Lookup<'_>, meta: &Meta, what: T, e: &Evidence, diagnostics: &mut Diagnostics) -> Stated<T> {
    let source = e.source.as_ref().and_then(|r| lookup.find_ref(Kind::Source, r, meta, diagnostics));
    Stated { what, date: e.date, source, quote: e.quote.clone() }
}

/// A page's list of sources, as `parse::citations::Numbering` numbers them: those it
/// lists, then each source its texts cite, in the order first cited. Each citation of
/// an unknown source is an error where it is written (or at the place given with the
/// text).
pub(super) fn page_sources(
    lookup: &Lookup<'_>,
    meta: &Meta,
    listed: Vec<Cited>,
    texts: &[(&Outline, Option<At>)],
    diagnostics: &mut Diagnostics,
) -> Vec<Cited> {
    let mut list = listed;
    for (outline, at) in texts {
        for c in &outline.citations {
            let place = at.clone().unwrap_or(At::Body(c.offset, c.len));
            if let Some(ix) = lookup.find(Kind::Source, &c.id, meta, &place, diagnostics) {
                if !list.contains(&Cited::Item(ix)) {
                    list.push(Cited::Item(ix));
                }
            }
        }
    }
    list
}

/// What cites each source.
pub(super) fn derive(site: &mut Site) {
    // Articles are newest first, so pushing in order keeps every list newest first.
    for (ix, article) in site.articles.iter().enumerate() {
        for s in items(&article.sources) {
            site.sources[s].articles.push(ix);
        }
        for (q, quote) in article.quotes.iter().enumerate() {
            if let Some(s) = quote.source {
                site.sources[s].quotes.push((ix, q));
                site.sources[s].speakers.push(quote.actor);
            }
        }
    }
    for (ix, actor) in site.actors.iter().enumerate() {
        for s in items(&actor.sources) {
            site.sources[s].actors.push(ix);
        }
    }
    for (ix, proposal) in site.proposals.iter().enumerate() {
        for s in items(&proposal.sources) {
            site.sources[s].proposals.push(ix);
        }
        for (pt, point) in proposal.points.iter().enumerate() {
            for (pos, position) in point.positions.iter().enumerate() {
                for (n, stance) in position.history.iter().enumerate() {
                    if let Some(s) = stance.source {
                        site.sources[s].stances.push((ix, pt, pos, n));
                        site.sources[s].speakers.push(position.actor);
                    }
                }
            }
        }
        for (n, status) in proposal.statuses.iter().enumerate() {
            if let Some(s) = status.source {
                site.sources[s].statuses.push((ix, n));
            }
        }
    }
    for source in &mut site.sources {
        source.speakers.sort_unstable();
        source.speakers.dedup();
        let proposals = source.stances.iter().map(|(p, ..)| *p).chain(source.statuses.iter().map(|(p, _)| *p));
        source.proposals.extend(proposals);
        source.proposals.sort_unstable();
        source.proposals.dedup();
    }
}

/// The source items of a list of sources.
pub(crate) fn items(list: &[Cited]) -> impl Iterator<Item = SourceIx> + '_ {
    list.iter().filter_map(|c| match c {
        Cited::Item(s) => Some(*s),
        Cited::Inline(_) => None,
    })
}

/// Sourcing that is allowed but leaves a reader unable to check: a source without an
/// address.
pub(super) fn warn<'m>(site: &Site, grouped: &Grouped<'m>, list: &mut Found<'m>) {
    for (source, (meta, _)) in site.sources.iter().zip(&grouped.sources) {
        if source.fields.url.is_none() {
            let message = format!("source `{}` has no `url`", source.id);
            let hint = "add `url:` so that readers can check it (and `archive_url:` for a copy kept elsewhere)";
            found(list, meta, At::Start, message, hint);
        }
    }
    for (proposal, (meta, record)) in site.proposals.iter().zip(&grouped.proposals) {
        for (point, rec) in proposal.points.iter().zip(&record.points) {
            for (position, written) in point.positions.iter().zip(&rec.positions) {
                for (stance, (_, evidence)) in position.history.iter().zip(&written.history) {
                    if stance.source.is_none() {
                        let actor = &site.actors[position.actor].id;
                        let message = format!("the stance of `{actor}` on point `{}` cites no source", point.fields.id);
                        let hint =
                            "write it as `- {stance: …, date: …, source: SOURCE-ID}` so that readers can check it";
                        found(list, meta, evidence.at.clone(), message, hint);
                    }
                }
            }
        }
    }
}
