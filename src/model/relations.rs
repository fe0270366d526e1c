//! Relations derived once from the resolved items: who is mentioned where, quotes per
//! actor, positions per actor, topics' articles, version lineage and change sets.

use super::ids::Grouped;
use super::types::*;
use crate::diagnostic::{Diagnostic, Diagnostics, MAX_WARNINGS_SHOWN};
use crate::parse::{At, Meta};
use crate::read::SourceFile;

pub(super) fn derive(site: &mut Site) {
    // Articles are newest first, so pushing in order keeps every list newest first.
    for (ix, article) in site.articles.iter().enumerate() {
        for a in &article.mentions_actors {
            site.actors[*a].articles.push(ix);
        }
        for p in &article.mentions_proposals {
            site.proposals[*p].articles.push(ix);
        }
        for t in &article.topics {
            site.topics[*t].articles.push(ix);
        }
        for (q, quote) in article.quotes.iter().enumerate() {
            site.actors[quote.actor].quotes.push((ix, q));
        }
    }
    site.categories = vec![Vec::new(); crate::vocab::CATEGORIES.len()];
    for (ix, proposal) in site.proposals.iter().enumerate() {
        for (pt, point) in proposal.points.iter().enumerate() {
            if let Some((c, _)) = point.fields.category {
                site.categories[c].push((ix, pt));
            }
        }
        for s in &proposal.sponsors {
            site.actors[*s].sponsored.push(ix);
        }
        for (pt, point) in proposal.points.iter().enumerate() {
            for (pos, position) in point.positions.iter().enumerate() {
                site.actors[position.actor].positions.push((ix, pt, pos));
            }
            if let Some(t) = point.topic {
                site.topics[t].points.push((ix, pt));
                if site.topics[t].proposals.last() != Some(&ix) {
                    site.topics[t].proposals.push(ix);
                }
            }
        }
    }
    super::evidence::derive(site);
    site.events = super::changes::events(site);
    for ix in 0..site.proposals.len() {
        let Some(target) = site.proposals[ix].amends else { continue };
        site.proposals[target].amended_by.push(ix);
        for pt in 0..site.proposals[ix].points.len() {
            if let Some(amended) = site.proposals[ix].points[pt].amends {
                site.proposals[target].points[amended].amended_by.push((ix, pt));
            }
        }
    }
    for ix in 0..site.proposals.len() {
        site.proposals[ix].lineage = lineage(&site.proposals, ix);
        site.proposals[ix].changes =
            site.proposals[ix].supersedes.map(|old| changes(&site.proposals[old], &site.proposals[ix], old));
    }
}

/// The version chain through `ix`, oldest first. Cycles are rejected before this runs.
fn lineage(proposals: &[Proposal], ix: ProposalIx) -> Vec<ProposalIx> {
    let mut oldest = ix;
    while let Some(prev) = proposals[oldest].supersedes {
        oldest = prev;
    }
    let mut chain = vec![oldest];
    while let Some(next) = proposals[*chain.last().unwrap_or(&oldest)].superseded_by {
        if chain.contains(&next) {
            break;
        }
        chain.push(next);
    }
    chain
}

fn changes(old: &Proposal, new: &Proposal, against: ProposalIx) -> Changes {
    let mut c = Changes { against, ..Changes::default() };
    for (ni, point) in new.points.iter().enumerate() {
        match old.points.iter().position(|p| p.fields.id == point.fields.id) {
            None => c.added.push(ni),
            Some(oi) => {
                let before = &old.points[oi];
                // The fields as written (the text's HTML follows from its source).
                // Stances compare as they stand now: their history is the same position's.
                let stands =
                    |p: &Point| p.positions.iter().map(|pos| (pos.actor, pos.current().what)).collect::<Vec<_>>();
                let same =
                    before.fields == point.fields && before.topic == point.topic && stands(before) == stands(point);
                if same {
                    c.unchanged += 1
                } else {
                    c.changed.push((oi, ni))
                }
                let mut actors: Vec<ActorIx> =
                    before.positions.iter().chain(&point.positions).map(|pos| pos.actor).collect();
                actors.sort_unstable();
                actors.dedup();
                let stance =
                    |p: &Point, a: ActorIx| p.positions.iter().find(|pos| pos.actor == a).map(|pos| pos.current().what);
                for a in actors {
                    let (was, is) = (stance(before, a), stance(point, a));
                    if was != is {
                        c.stances.push((ni, a, was, is));
                    }
                }
            }
        }
    }
    c.removed = (0..old.points.len())
        .filter(|oi| !new.points.iter().any(|p| p.fields.id == old.points[*oi].fields.id))
        .collect();
    c
}

pub(super) type Found<'m> = Vec<(&'m Meta, At, Diagnostic)>;

pub(super) fn found<'m>(list: &mut Found<'m>, meta: &'m Meta, at: At, message: String, hint: &str) {
    list.push((meta, at, Diagnostic::warning(&meta.place.path, message).with_hint(hint)));
}

/// Things that are allowed but probably wrong.
pub(super) fn warn(site: &Site, grouped: &Grouped<'_>, files: &[SourceFile], diagnostics: &mut Diagnostics) {
    let mut list: Found<'_> = Vec::new();
    for (actor, (meta, _)) in site.actors.iter().zip(&grouped.actors) {
        let mentioned = !actor.articles.is_empty() || !actor.sponsored.is_empty() || !actor.positions.is_empty();
        if !mentioned {
            let message = format!("no article or proposal mentions actor `{}`", actor.id);
            found(
                &mut list,
                meta,
                At::Start,
                message,
                "list it under `actors:` of an article, or link to it with [name](actor:ID)",
            );
        }
    }
    for (proposal, (meta, record)) in site.proposals.iter().zip(&grouped.proposals) {
        let related = proposal.superseded_by.is_some()
            || proposal.supersedes.is_some()
            || proposal.amends.is_some()
            || !proposal.amended_by.is_empty();
        if proposal.articles.is_empty() && !related {
            let message = format!("no article discusses proposal `{}`", proposal.id);
            found(
                &mut list,
                meta,
                At::Start,
                message,
                "list it under `proposals:` of an article, or link to it with [title](proposal:ID)",
            );
        }
        for (point, rec) in proposal.points.iter().zip(&record.points) {
            if point.positions.is_empty() {
                let message = format!("point `{}` has no positions", point.fields.id);
                found(&mut list, meta, rec.at.clone(), message, "add `positions:` with who supports or opposes it");
            }
        }
    }
    for (article, (meta, _)) in site.articles.iter().zip(&grouped.articles) {
        if article.mentions_actors.is_empty() {
            let message = format!("article `{}` names no actors", article.id);
            found(&mut list, meta, At::Start, message, "add `actors: [ID, …]` so it appears on their pages");
        }
    }
    super::evidence::warn(site, grouped, &mut list);
    // Placing a warning re-reads its file, so only those that will be shown are placed.
    list.sort_by(|a, b| a.0.place.path.cmp(&b.0.place.path));
    for (n, (meta, at, d)) in list.into_iter().enumerate() {
        let d =
            if n < MAX_WARNINGS_SHOWN { meta.place.diagnostic(&files[meta.file].placement_text(), &at, d) } else { d };
        diagnostics.push(d);
    }
}
