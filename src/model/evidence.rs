//! Where the briefing's claims come from: source items resolved, an article's list of
//! sources, what cites each source, and the warnings about sourcing.

use super::ids::Grouped;
use super::relations::{Found, found};
use super::resolve::{Lookup, body_at, unsafe_urls};
use super::types::*;
use crate::diagnostic::Diagnostics;
use crate::parse::{ArticleRecord, At, Meta, SourceEntry};
use crate::vocab::Kind;

/// Every source item, its notes' links checked.
pub(super) fn sources(lookup: &Lookup<'_>, diagnostics: &mut Diagnostics) -> Vec<SourceItem> {
    let mut out = Vec::with_capacity(lookup.grouped.sources.len());
    for (meta, s) in &lookup.grouped.sources {
        lookup.body_links(&s.body.links, meta, body_at, diagnostics);
        unsafe_urls(lookup, meta, &s.body.unsafe_urls, diagnostics);
        out.push(SourceItem { id: meta.id.clone(), fields: s.fields.clone(), articles: Vec::new() });
    }
    out
}

/// An article's list of sources, each id resolved (an unknown one is an error where it
/// is written).
pub(super) fn article_sources(
    lookup: &Lookup<'_>,
    meta: &Meta,
    a: &ArticleRecord,
    diagnostics: &mut Diagnostics,
) -> Vec<Cited> {
    a.source_list
        .iter()
        .filter_map(|entry| match entry {
            SourceEntry::Inline(i) => Some(Cited::Inline(*i)),
            SourceEntry::Item(r) => lookup.find_ref(Kind::Source, r, meta, diagnostics).map(Cited::Item),
        })
        .collect()
}

/// What cites each source.
pub(super) fn derive(site: &mut Site) {
    // Articles are newest first, so pushing in order keeps every list newest first.
    for (ix, article) in site.articles.iter().enumerate() {
        for cited in &article.sources {
            if let Cited::Item(s) = cited {
                site.sources[*s].articles.push(ix);
            }
        }
    }
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
}
