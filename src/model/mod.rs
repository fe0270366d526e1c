//! Stage 3: the model. Every rule that spans files lives here. Steps:
//! 1. group records by kind, drop drafts, reject duplicate ids (`ids`);
//! 2. resolve every reference to an index, with "did you mean" (`resolve`);
//! 3. derive the relations: mentions, quotes, positions, topics, lineage, change sets
//!    (`relations`).
//!
//! Each item holds its fields as the parse stage read them (`vocab::items`), copied
//! whole; an edit that changes only those is patched in (`Site::patch_article`).

mod embargo;
mod ids;
pub(crate) mod redirects;
mod relations;
mod resolve;
pub(crate) mod types;

pub(crate) use types::*;

use crate::diagnostic::Diagnostics;
use crate::parse::Record;
use crate::read::SourceFile;
use crate::vocab::{Kind, SiteConfig};

/// What the model is built against beside the content files.
#[derive(Debug, Clone)]
pub struct World {
    /// The moment embargoes are judged at (`publish:`): the clock's, or `--now`.
    pub(crate) now: jiff::Timestamp,
}

impl Default for World {
    /// The clock's time.
    fn default() -> World {
        World { now: jiff::Timestamp::now() }
    }
}

/// Builds the briefing from parsed records; errors and warnings go to `diagnostics`.
pub fn build(
    config: SiteConfig,
    records: &[&Record],
    unreadable: &[(Kind, String)],
    files: &[SourceFile],
    include_drafts: bool,
    world: &World,
    diagnostics: &mut Diagnostics,
) -> Option<Site> {
    let mut grouped = ids::group(records, unreadable, files, include_drafts, world.now, diagnostics);
    grouped.renamed = redirects::renamed(&grouped, files, diagnostics);
    let mut site = resolve::resolve(config, &grouped, files, diagnostics);
    site.redirects = redirects::pages(&site, &grouped.renamed);
    if diagnostics.has_errors() {
        return None;
    }
    relations::derive(&mut site);
    relations::warn(&site, &grouped, files, diagnostics);
    Some(site)
}
