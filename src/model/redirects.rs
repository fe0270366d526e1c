//! Renamed items (`redirect_from:`): each old id gets a page at its old address that
//! sends readers on, and a reference to an old id is an error naming the new one. An
//! old id must be free: not an item's id now, nor claimed by another item.

use std::collections::BTreeMap;

use super::ids::Grouped;
use super::types::Site;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::parse::Meta;
use crate::parse::common::Written;
use crate::read::SourceFile;
use crate::vocab::Kind;

/// An old id of a published item, and the id it has now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Renamed {
    pub(crate) kind: Kind,
    pub(crate) old: String,
    pub(crate) new: String,
}

/// The page at an old id's address: which item it sends readers to, by its index in
/// its kind's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Redirect {
    pub(crate) kind: Kind,
    pub(crate) from: String,
    pub(crate) to: usize,
}

/// An item that lists an old id, and where.
type Claim<'g> = (&'g Meta, &'g Written<String>);

/// Every old id of the published items, sorted by kind and old id; an old id that is
/// an item's id (published or not), or that two items claim, is an error.
pub(super) fn renamed(grouped: &Grouped<'_>, files: &[SourceFile], diagnostics: &mut Diagnostics) -> Vec<Renamed> {
    let metas = grouped
        .articles
        .iter()
        .map(|(m, _)| *m)
        .chain(grouped.actors.iter().map(|(m, _)| *m))
        .chain(grouped.proposals.iter().map(|(m, _)| *m))
        .chain(grouped.sources.iter().map(|(m, _)| *m));
    let mut claims: BTreeMap<(Kind, &str), Vec<Claim<'_>>> = BTreeMap::new();
    for meta in metas {
        for old in &meta.common.redirect_from {
            claims.entry((meta.kind, old.value.as_str())).or_default().push((meta, old));
        }
    }
    let mut out = Vec::new();
    for ((kind, old), claimants) in claims {
        let taken = taken(grouped, kind, old);
        if taken.is_none() && claimants.len() == 1 {
            out.push(Renamed { kind, old: old.to_owned(), new: claimants[0].0.id.clone() });
            continue;
        }
        let noun = kind.noun();
        let ids: Vec<&str> = claimants.iter().map(|(m, _)| m.id.as_str()).collect();
        for (meta, written) in &claimants {
            let (message, hint) = match &taken {
                Some(_) if meta.id == old => (
                    format!("`{old}` is this {noun}'s own id, not an old one"),
                    "list only the ids it had before: remove it from `redirect_from`".to_owned(),
                ),
                Some(why) => (
                    format!("`{old}` cannot redirect here: it is {why}"),
                    format!("an old id must be one that no {noun} has now: remove it from `redirect_from`"),
                ),
                None => (
                    format!("`{old}` is in the `redirect_from` of more than one {noun}: {}", ids.join(", ")),
                    "an old address can send readers to one place only: keep it in one".to_owned(),
                ),
            };
            let d = Diagnostic::error(&meta.place.path, message).with_hint(hint);
            diagnostics.push(meta.place.diagnostic(&files[meta.file].placement_text(), &written.at, d));
        }
    }
    out
}

/// Why `id` is not free as an old id of `kind`: whose id it is now.
fn taken(grouped: &Grouped<'_>, kind: Kind, id: &str) -> Option<String> {
    let noun = kind.noun();
    let live = match kind {
        Kind::Article => grouped.articles.iter().any(|(m, _)| m.id == id),
        Kind::Actor => grouped.actors.iter().any(|(m, _)| m.id == id),
        Kind::Proposal => grouped.proposals.iter().any(|(m, _)| m.id == id),
        Kind::Source => grouped.sources.iter().any(|(m, _)| m.id == id),
    };
    if live {
        return Some(format!("the id of the {noun} `{id}`"));
    }
    if kind == Kind::Article && grouped.hidden_drafts.iter().any(|d| d == id) {
        return Some("the id of a draft article".to_owned());
    }
    if grouped.embargoed.iter().any(|e| e.kind == kind && e.id == id) {
        return Some(format!("the id of an embargoed {noun}"));
    }
    None
}

/// The message and hint for a reference to an old id.
pub(super) fn referred(renamed: &Renamed) -> (String, String) {
    let (kind, old, new) = (renamed.kind.noun(), &renamed.old, &renamed.new);
    (format!("the {kind} `{old}` was renamed to `{new}`"), format!("write `{new}` (its `redirect_from` lists `{old}`)"))
}

/// The redirect page of each old id, in the order of `renamed`.
pub(super) fn pages(site: &Site, renamed: &[Renamed]) -> Vec<Redirect> {
    let position = |kind: Kind, id: &str| match kind {
        Kind::Article => site.articles.iter().position(|a| a.id == id),
        Kind::Actor => site.actors.iter().position(|a| a.id == id),
        Kind::Proposal => site.proposals.iter().position(|p| p.id == id),
        Kind::Source => site.sources.iter().position(|s| s.id == id),
    };
    renamed
        .iter()
        .filter_map(|r| Some(Redirect { kind: r.kind, from: r.old.clone(), to: position(r.kind, &r.new)? }))
        .collect()
}
