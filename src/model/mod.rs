//! Stage 3: the model. Every rule that spans files lives here. Steps:
//! 1. group records by kind, drop drafts, reject duplicate ids (`ids`);
//! 2. resolve every reference to an index, with "did you mean" (`resolve`);
//! 3. derive the relations: mentions, quotes, positions, topics, lineage, change sets
//!    (`relations`).
//!
//! Each item holds its fields as the parse stage read them (`vocab::items`), copied
//! whole; an edit that changes only those is patched in (`Site::patch_article`).

mod changes;
mod evidence;
mod ids;
mod relations;
mod resolve;
pub(crate) mod types;

pub(crate) use changes::{Event, Happened};
pub(crate) use evidence::items as source_items;
pub(crate) use types::*;

use crate::diagnostic::Diagnostics;
use crate::parse::Record;
use crate::read::SourceFile;
use crate::vocab::{Kind, SiteConfig};

/// Builds the briefing from parsed records; errors and warnings go to `diagnostics`.
pub fn build(
    config: SiteConfig,
    records: &[&Record],
    unreadable: &[(Kind, String)],
    files: &[SourceFile],
    include_drafts: bool,
    diagnostics: &mut Diagnostics,
) -> Option<Site> {
    let grouped = ids::group(records, unreadable, files, include_drafts, diagnostics);
    let mut site = resolve::resolve(config, &grouped, files, diagnostics);
    if diagnostics.has_errors() {
        return None;
    }
    relations::derive(&mut site);
    relations::warn(&site, &grouped, files, diagnostics);
    Some(site)
}
