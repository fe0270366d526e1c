//! Every dated event the content records, newest first: articles, proposals tabled,
//! new versions, statuses and stances set or changed (the page of changes and its feed).

use super::types::*;
use crate::vocab::When;

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Happened {
    /// An article, on its date.
    Article(ArticleIx),
    /// A proposal that revises none, on its date.
    Proposal(ProposalIx),
    /// A proposal that revises another, on its date.
    Version(ProposalIx),
    /// A proposal's status `n` (the one before it, if any, is what it changed from).
    Status(ProposalIx, usize),
    /// Stance `n` of position `position` on point `point` of a proposal.
    Stance { proposal: ProposalIx, point: usize, position: usize, n: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Event {
    pub(crate) date: When,
    pub(crate) what: Happened,
}

/// Every dated event, newest first (ties in the order: articles, proposals, statuses,
/// stances, each as the site lists them).
pub(super) fn events(site: &Site) -> Vec<Event> {
    let mut out = Vec::new();
    for (ix, a) in site.articles.iter().enumerate() {
        out.push(Event { date: a.fields.date, what: Happened::Article(ix) });
    }
    for (ix, p) in site.proposals.iter().enumerate() {
        if let Some(date) = p.fields.date {
            let what = if p.supersedes.is_some() { Happened::Version(ix) } else { Happened::Proposal(ix) };
            out.push(Event { date, what });
        }
    }
    for (ix, p) in site.proposals.iter().enumerate() {
        for (n, status) in p.statuses.iter().enumerate() {
            if let Some(date) = status.date {
                out.push(Event { date, what: Happened::Status(ix, n) });
            }
        }
    }
    for (ix, p) in site.proposals.iter().enumerate() {
        for (point, pt) in p.points.iter().enumerate() {
            for (position, pos) in pt.positions.iter().enumerate() {
                for (n, stance) in pos.history.iter().enumerate() {
                    if let Some(date) = stance.date {
                        out.push(Event { date, what: Happened::Stance { proposal: ix, point, position, n } });
                    }
                }
            }
        }
    }
    // Stable: equal dates keep the order above.
    out.sort_by_key(|e| std::cmp::Reverse(e.date));
    out
}
