//! The page at an old id's address (`redirect_from:`): it sends readers, and search
//! engines, on to the item's page.

use serde::Serialize;
use tera::Context;

use super::routes;
use crate::model::redirects::Redirect;
use crate::model::{ItemIx, Site};
use crate::render::views::Summaries;
use crate::vocab::Kind;

/// The old address: `articles/OLD-ID/`.
pub(super) fn path(redirect: &Redirect) -> String {
    format!("{}/{}/", redirect.kind.folder(), redirect.from)
}

/// The address readers are sent to: the item's page.
pub(super) fn target(site: &Site, redirect: &Redirect) -> String {
    match redirect.kind {
        Kind::Article => routes::article(&site.articles[redirect.to]),
        Kind::Actor => routes::actor(&site.actors[redirect.to]),
        Kind::Proposal => routes::proposal(&site.proposals[redirect.to]),
        Kind::Source => routes::source(&site.sources[redirect.to]),
    }
}

#[derive(Serialize)]
struct RedirectView<'a> {
    from: &'a str,
    title: &'a str,
    path: String,
}

pub(super) fn fill(site: &Site, _summaries: &Summaries, ctx: &mut Context, ix: usize, to: ItemIx) -> (String, String) {
    let redirect = &site.redirects[ix];
    let title = match to {
        ItemIx::Article(i) => &site.articles[i].fields.title,
        ItemIx::Actor(i) => &site.actors[i].fields.name,
        ItemIx::Proposal(i) => &site.proposals[i].fields.title,
        ItemIx::Topic(i) => &site.topics[i].name,
        ItemIx::Source(i) => &site.sources[i].fields.title,
    };
    ctx.insert("redirect", &RedirectView { from: &redirect.from, title, path: target(site, redirect) });
    (title.clone(), String::new())
}
