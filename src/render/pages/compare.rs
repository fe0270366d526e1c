//! The values of the page that puts a proposal beside the version it supersedes, point
//! by point: `/proposals/NEW/compare/OLD/`.

use serde::Serialize;

use super::Fill;
use super::items::{ChangedPoint, PointView, changed_point, point_view};
use crate::model::{Point, ProposalIx};

/// One row: a point of either version or both, matched by id.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    /// `added`, `removed`, `changed` or `unchanged`.
    change: &'static str,
    old: Option<PointView<'a>>,
    new: Option<PointView<'a>>,
    /// Both versions and the words that changed, for a changed point.
    diff: Option<ChangedPoint<'a>>,
}

pub(super) fn compare(
    fill: Fill<'_>,
    ix: ProposalIx,
    against: ProposalIx,
    points: &[Point],
    old: &[Point],
) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let list = &site.proposals[ix].sources;
    let changed = site.proposals[ix].changes.as_ref().map(|c| &c.changed[..]).unwrap_or_default();
    let mut rows: Vec<Row<'_>> = Vec::with_capacity(points.len() + old.len());
    for (ni, point) in points.iter().enumerate() {
        let row = match old.iter().find(|o| o.fields.id == point.fields.id) {
            None => Row {
                id: &point.fields.id,
                change: "added",
                old: None,
                new: Some(point_view(point, summaries, list)),
                diff: None,
            },
            Some(before) => {
                // As the model's change set says (stances compare as they stand now).
                let same = !changed.iter().any(|(_, n)| *n == ni);
                Row {
                    id: &point.fields.id,
                    change: if same { "unchanged" } else { "changed" },
                    old: Some(point_view(before, summaries, list)),
                    new: Some(point_view(point, summaries, list)),
                    diff: (!same).then(|| changed_point(before, point, summaries, list)),
                }
            }
        };
        rows.push(row);
    }
    for before in old.iter().filter(|o| !points.iter().any(|p| p.fields.id == o.fields.id)) {
        rows.push(Row {
            id: &before.fields.id,
            change: "removed",
            old: Some(point_view(before, summaries, list)),
            new: None,
            diff: None,
        });
    }
    ctx.insert_value("new", summaries.proposals[ix].clone());
    ctx.insert_value("old", summaries.proposals[against].clone());
    ctx.insert_value("rows", crate::render::views::to_value(&rows));
    let (new_title, old_title) = (&site.proposals[ix].fields.title, &site.proposals[against].fields.title);
    (format!("{new_title} compared with {old_title}"), format!("{new_title} and {old_title}, point by point"))
}
