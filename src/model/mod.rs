//! Stage 3: the model. Every rule that spans files lives here. Steps:
//! 1. group records by kind, drop drafts, reject duplicate ids (`ids`);
//! 2. resolve every reference to an index, with "did you mean" (`resolve`);
//! 3. derive the relations: mentions, quotes, positions, topics, lineage, change sets
//!    (`relations`).
//!
//! Each item holds its fields as the parse stage read them (`vocab::items`), copied
//! whole; an edit that changes only those is patched in (`Site::patch_article`).

mod changes;
mod embargo;
mod evidence;
pub(crate) mod files;
mod ids;
pub(crate) mod redirects;
mod relations;
mod resolve;
pub(crate) mod types;

pub(crate) use changes::{Event, Happened};
pub(crate) use evidence::items as source_items;
pub(crate) use types::*;

use crate::diagnostic::Diagnostics;
use crate::parse::Record;
use crate::parse::files::{NO_SIZES, Sizes};
use crate::read::{Attachment, SourceFile};
use crate::vocab::{Kind, SiteConfig, Strings};

/// What the model is built against beside the content files.
#[derive(Clone, Copy)]
pub struct World<'a> {
    /// The moment embargoes are judged at (`publish:`): the clock's, or `--now`.
    pub(crate) now: jiff::Timestamp,
    /// The files of the items in folders of their own (see `read::Attachment`).
    pub(crate) attachments: &'a [Attachment],
    /// The sizes of the pictures (see `parse::files::Sizes`).
    pub(crate) sizes: &'a Sizes,
    /// The words pages show (see `parse::strings`).
    pub(crate) strings: &'a Strings,
    /// Every file the build writes for a site besides those: its pages, the generated
    /// files and the static files. Links to files are checked against them and the
    /// attachments; None leaves them unchecked.
    pub(crate) written: Option<&'a Written<'a>>,
}

/// Lists the files a build writes for a site (see `World::written`).
pub(crate) type Written<'a> = dyn Fn(&Site) -> Vec<String> + Sync + 'a;

impl Default for World<'_> {
    /// The clock's time, no attachments, links to files unchecked.
    fn default() -> Self {
        World {
            now: jiff::Timestamp::now(),
            attachments: &[],
            sizes: &NO_SIZES,
            strings: &crate::parse::strings::BUILT_IN,
            written: None,
        }
    }
}

/// Builds the briefing from parsed records; errors and warnings go to `diagnostics`.
pub fn build(
    config: SiteConfig,
    records: &[&Record],
    unreadable: &[(Kind, String)],
    files: &[SourceFile],
    include_drafts: bool,
    world: &World<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<Site> {
    let mut grouped = ids::group(records, unreadable, files, include_drafts, world.now, diagnostics);
    grouped.renamed = redirects::renamed(&grouped, files, diagnostics);
    let mut site = resolve::resolve(config, &grouped, files, diagnostics);
    site.redirects = redirects::pages(&site, &grouped.renamed);
    site.attachments = files::published(&grouped, world.attachments);
    site.strings = world.strings.clone();
    site.pictures = files::pictures(site.config.image.as_deref(), &grouped, world.sizes);
    // Listing every file the build writes takes a while on a big site: only when asked.
    let asked = !site.attachments.is_empty() || files::any_links(&grouped) || files::any_pictures(&grouped);
    if let Some(written) = world.written.filter(|_| asked) {
        files::check(&site, &grouped, written(&site), files, diagnostics);
    }
    if diagnostics.has_errors() {
        return None;
    }
    relations::derive(&mut site);
    relations::warn(&site, &grouped, files, diagnostics);
    Some(site)
}
