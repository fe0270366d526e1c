//! Groups records by kind in output order and checks ids are unique per kind.

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::parse::{ActorRecord, ArticleRecord, Data, Meta, ProposalRecord, Record, SourceRecord};
use crate::read::SourceFile;
use crate::vocab::Kind;

/// Records of each kind, sorted as the site lists them, with id lookups.
pub(super) struct Grouped<'r> {
    /// Published articles (and drafts with `--drafts`), newest first, ties by id.
    pub(crate) articles: Vec<(&'r Meta, &'r ArticleRecord)>,
    pub(crate) actors: Vec<(&'r Meta, &'r ActorRecord)>,
    pub(crate) proposals: Vec<(&'r Meta, &'r ProposalRecord)>,
    pub(crate) sources: Vec<(&'r Meta, &'r SourceRecord)>,
    /// Ids of drafts left out of this build, to explain links to them.
    pub(crate) hidden_drafts: Vec<String>,
    /// Ids of files that could not be read, whose own errors are already reported.
    pub(crate) unreadable: Vec<(Kind, String)>,
}

pub(super) fn group<'r>(
    records: &'r [&'r Record],
    unreadable: &[(Kind, String)],
    files: &[SourceFile],
    include_drafts: bool,
    diagnostics: &mut Diagnostics,
) -> Grouped<'r> {
    let mut by_id: BTreeMap<(Kind, &str), Vec<&Meta>> = BTreeMap::new();
    for r in records {
        by_id.entry((r.meta.kind, r.meta.id.as_str())).or_default().push(&r.meta);
    }
    for ((kind, id), same) in &by_id {
        if same.len() < 2 {
            continue;
        }
        let paths: Vec<&str> = same.iter().map(|r| r.place.path.as_str()).collect();
        for r in same {
            let others: Vec<&str> = paths.iter().copied().filter(|p| *p != r.place.path).collect();
            let d = Diagnostic::error(&r.place.path, format!("duplicate {} id `{id}`", kind.noun()))
                .with_hint(format!("also used by {}; rename one file or set a different `slug`", others.join(", ")));
            diagnostics.push(r.place.diagnostic(&files[r.file].placement_text(), &r.id_at, d));
        }
    }
    let count = |kind: Kind| records.iter().filter(|r| r.meta.kind == kind).count();
    let mut grouped = Grouped {
        articles: Vec::with_capacity(count(Kind::Article)),
        actors: Vec::with_capacity(count(Kind::Actor)),
        proposals: Vec::with_capacity(count(Kind::Proposal)),
        sources: Vec::with_capacity(count(Kind::Source)),
        hidden_drafts: Vec::new(),
        unreadable: unreadable.to_vec(),
    };
    for Record { meta, data } in records.iter().copied() {
        match data {
            Data::Article(a) if a.draft && !include_drafts => grouped.hidden_drafts.push(meta.id.clone()),
            Data::Article(a) => grouped.articles.push((meta, a)),
            Data::Actor(a) => grouped.actors.push((meta, a)),
            Data::Proposal(p) => grouped.proposals.push((meta, p)),
            Data::Source(s) => grouped.sources.push((meta, s)),
        }
    }
    grouped.articles.sort_by(|(ra, a), (rb, b)| {
        b.fields
            .date
            .cmp(&a.fields.date)
            .then_with(|| ra.id.cmp(&rb.id))
            .then_with(|| ra.place.path.cmp(&rb.place.path))
    });
    let by_id = |a: &Meta, b: &Meta| a.id.cmp(&b.id).then_with(|| a.place.path.cmp(&b.place.path));
    grouped.actors.sort_by(|(a, _), (b, _)| by_id(a, b));
    grouped.proposals.sort_by(|(a, _), (b, _)| by_id(a, b));
    grouped.sources.sort_by(|(a, _), (b, _)| by_id(a, b));
    grouped.hidden_drafts.sort();
    grouped
}
