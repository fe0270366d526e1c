//! The values of the provision categories' pages: every category with its count, and
//! one category's points across proposals, grouped by proposal for comparison.

use serde::Serialize;
use tera::Value;

use super::items::{PointView, point_view};
use super::{Fill, routes};
use crate::model::ProposalIx;
use crate::render::views::to_value;
use crate::vocab::{CATEGORIES, Category};

#[derive(Serialize)]
struct CategoryView {
    id: &'static str,
    label: &'static str,
    pax: &'static str,
    covers: &'static str,
    path: String,
    /// Points in it, across proposals.
    count: usize,
}

fn view(c: &Category, count: usize) -> CategoryView {
    CategoryView { id: c.id, label: c.label, pax: c.pax, covers: c.covers, path: routes::category(c), count }
}

pub(super) fn index(fill: Fill<'_>) -> (String, String) {
    let Fill { site, ctx, .. } = fill;
    let list: Vec<CategoryView> =
        CATEGORIES.iter().zip(&site.categories).map(|(c, points)| view(c, points.len())).collect();
    ctx.insert("categories", &list);
    let description = "Proposal points by provision category, aligned with the PA-X Peace Agreements Database";
    ("Categories".to_owned(), description.to_owned())
}

#[derive(Serialize)]
struct Group<'a> {
    proposal: Value,
    points: Vec<PointView<'a>>,
}

pub(super) fn category(fill: Fill<'_>, ix: usize, points: &[(ProposalIx, usize)]) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let c = &CATEGORIES[ix];
    let mut groups: Vec<(ProposalIx, Group<'_>)> = Vec::new();
    for (p, pt) in points {
        let point = point_view(&site.proposals[*p].points[*pt], summaries, &site.proposals[*p].sources);
        match groups.last_mut() {
            Some((last, group)) if last == p => group.points.push(point),
            _ => groups.push((*p, Group { proposal: summaries.proposals[*p].clone(), points: vec![point] })),
        }
    }
    let groups: Vec<Group<'_>> = groups.into_iter().map(|(_, g)| g).collect();
    ctx.insert("category", &view(c, points.len()));
    ctx.insert_value("groups", to_value(&groups));
    (c.label.to_owned(), format!("{} provisions of every proposal, side by side", c.label))
}
