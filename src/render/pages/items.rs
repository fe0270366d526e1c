//! The values of an item's own page (an article, an actor, a proposal) and of the list
//! of proposals, which shows each one's listing.

use std::ops::Range;

use serde::Serialize;
use tera::Value;

use super::evidence::{self, MatrixCell, Numbered, PositionCell, StatedView, StatusView, numbered};
use super::shows::{ActorShows, ArticleShows, ProposalShows};
use super::{Fill, routes};
use crate::model::{Changes, Cited, Point, Proposal, ProposalIx};
use crate::render::views::{StanceView, Summaries, to_value};

/// A quote: who said it, the words, when (its own date, or else none) and its source
/// (with its number in the page's list).
#[derive(Serialize)]
struct QuoteView<'a> {
    actor: Value,
    text: &'a str,
    context: &'a str,
    date: String,
    date_display: String,
    source: Value,
    number: usize,
}

#[derive(Serialize)]
struct ArticleView<'a> {
    #[serde(flatten)]
    summary: Value,
    body: &'a str,
    actors: Vec<Value>,
    proposals: Vec<Value>,
    quotes: Vec<QuoteView<'a>>,
    sources: Vec<Numbered>,
    extra: &'a serde_json::Value,
}

pub(super) fn article(fill: Fill<'_>, shows: &ArticleShows<'_>) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let a = &site.articles[shows.ix];
    let view = ArticleView {
        summary: summaries.article(site, shows.ix),
        body: &a.fields.body,
        actors: summaries.actors_of(shows.actors),
        proposals: summaries.proposals_of(shows.proposals),
        quotes: shows
            .quotes
            .iter()
            .map(|q| QuoteView {
                actor: summaries.actors[q.actor].clone(),
                text: &q.fields.text,
                context: q.fields.context.as_deref().unwrap_or(""),
                date: q.fields.date.map(|d| d.ymd()).unwrap_or_default(),
                date_display: q.fields.date.map(|d| site.strings.date(&d)).unwrap_or_default(),
                source: q.source.map_or_else(Value::none, |s| summaries.sources[s].clone()),
                number: evidence::number_in(&a.sources, q.source),
            })
            .collect(),
        sources: numbered(summaries, &a.sources, &a.fields.sources),
        extra: &a.fields.extra,
    };
    ctx.insert("article", &view);
    ctx.insert("cite", &evidence::cite(site, &a.fields.title, Some(a.fields.date), false, &routes::article(a)));
    // The list is newest first: the newer neighbour comes before.
    let neighbour = |ix: Option<usize>| ix.map_or_else(Value::none, |i| summaries.article(site, i));
    ctx.insert_value("newer", neighbour(shows.newer));
    ctx.insert_value("older", neighbour(shows.older));
    (a.fields.title.clone(), a.fields.summary.clone().unwrap_or_default())
}

#[derive(Serialize)]
struct ActorView<'a> {
    #[serde(flatten)]
    reference: Value,
    aliases: &'a [String],
    summary: &'a str,
    bio: &'a str,
    extra: &'a serde_json::Value,
}

/// A quote of the actor: the words, when they were said (the quote's own date, else
/// its article's), the context, its source and its article.
#[derive(Serialize)]
struct ActorQuote<'a> {
    text: &'a str,
    context: &'a str,
    date: String,
    date_display: String,
    source: Value,
    article: Value,
}

/// One stance of the actor, as stated: on which point of which proposal, and whether
/// it is the current one.
#[derive(Serialize)]
struct PositionView<'a> {
    proposal: Value,
    point_id: &'a str,
    point_label: String,
    point_title: &'a str,
    path: String,
    current: bool,
    #[serde(flatten)]
    stance: StatedView<'a, StanceView>,
}

pub(super) fn actor(fill: Fill<'_>, shows: &ActorShows<'_>) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let a = &site.actors[shows.ix];
    let view = ActorView {
        reference: summaries.actors[shows.ix].clone(),
        aliases: &a.fields.aliases,
        summary: a.fields.summary.as_deref().unwrap_or(""),
        bio: &a.fields.bio,
        extra: &a.fields.extra,
    };
    ctx.insert("actor", &view);
    ctx.insert_value("articles", summaries.articles_of(site, shows.articles.iter().copied()).into());
    let quotes: Vec<ActorQuote<'_>> = shows
        .quotes
        .iter()
        .map(|(art, q)| {
            let quote = &site.articles[*art].quotes[*q];
            let date = quote.fields.date.unwrap_or(site.articles[*art].fields.date);
            ActorQuote {
                text: &quote.fields.text,
                context: quote.fields.context.as_deref().unwrap_or(""),
                date: date.ymd(),
                date_display: site.strings.date(&date),
                source: quote.source.map_or_else(Value::none, |s| summaries.sources[s].clone()),
                article: summaries.article(site, *art),
            }
        })
        .collect();
    ctx.insert("quotes", &quotes);
    ctx.insert_value("proposals", summaries.proposals_of(shows.sponsored).into());
    let mut positions: Vec<PositionView<'_>> = Vec::new();
    for (p, pt, pos) in shows.positions {
        let proposal = &site.proposals[*p];
        let point = &proposal.points[*pt];
        let history = &point.positions[*pos].history;
        for (n, stated) in history.iter().enumerate() {
            positions.push(PositionView {
                proposal: summaries.proposals[*p].clone(),
                point_id: &point.fields.id,
                point_label: point.fields.label(),
                point_title: &point.fields.title,
                path: format!("{}#{}", routes::proposal(proposal), point.fields.id),
                current: n + 1 == history.len(),
                stance: evidence::stance(stated, summaries, &[]),
            });
        }
    }
    ctx.insert("positions", &positions);
    ctx.insert("sources", &numbered(summaries, shows.sources, &[]));
    let stance_dates = shows
        .positions
        .iter()
        .flat_map(|(p, pt, pos)| site.proposals[*p].points[*pt].positions[*pos].history.iter().filter_map(|s| s.date));
    let quote_dates = shows.quotes.iter().map(|(art, q)| {
        let article = &site.articles[*art];
        article.quotes[*q].fields.date.unwrap_or(article.fields.date)
    });
    let article_dates = shows.articles.iter().map(|i| site.articles[*i].fields.date);
    let as_of = evidence::newest(article_dates.chain(quote_dates).chain(stance_dates));
    ctx.insert("cite", &evidence::cite(site, &a.fields.name, as_of, true, &routes::actor(a)));
    (a.fields.name.clone(), a.fields.summary.clone().or_else(|| a.fields.role.clone()).unwrap_or_default())
}

#[derive(Serialize)]
struct Listing<'a> {
    #[serde(flatten)]
    reference: Value,
    summary: &'a str,
    sponsors: Vec<Value>,
    supersedes: Value,
    superseded_by: Value,
    point_count: usize,
    total_points: Option<u64>,
    /// "4 of 28 points tracked", or "4 points".
    coverage: String,
}

/// What a proposal shows wherever it is listed: its summary, sponsors and versions.
fn listing(
    summaries: &Summaries,
    p: &Proposal,
    ix: ProposalIx,
    sponsors: &[usize],
    versions: (Option<ProposalIx>, Option<ProposalIx>),
) -> Value {
    to_value(&Listing {
        reference: summaries.proposals[ix].clone(),
        summary: p.fields.summary.as_deref().unwrap_or(""),
        sponsors: summaries.actors_of(sponsors),
        supersedes: summaries.proposal_opt(versions.0),
        superseded_by: summaries.proposal_opt(versions.1),
        point_count: p.points.len(),
        total_points: p.fields.total_points,
        coverage: p.fields.coverage(p.points.len()),
    })
}

/// Every proposal's listing, dated ones first, newest first, then by id.
pub(super) fn proposals(fill: Fill<'_>, proposals: Range<ProposalIx>) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let mut order: Vec<usize> = proposals.collect();
    order.sort_by(|a, b| {
        let (pa, pb) = (&site.proposals[*a], &site.proposals[*b]);
        let (da, db) = (pa.fields.date, pb.fields.date);
        db.is_some().cmp(&da.is_some()).then(db.cmp(&da)).then(pa.id.cmp(&pb.id))
    });
    let list: Vec<Value> = order
        .iter()
        .map(|&ix| {
            let p = &site.proposals[ix];
            listing(summaries, p, ix, &p.sponsors, (p.supersedes, p.superseded_by))
        })
        .collect();
    ctx.insert_value("proposals", list.into());
    (site.strings.text("titles", "proposals").to_owned(), String::new())
}

#[derive(Serialize)]
pub(super) struct PointView<'a> {
    id: &'a str,
    /// As written (`21`, `4.2`), or empty; `label` is "Point 21", or empty.
    number: &'a str,
    label: String,
    /// `{id, label, path}` of its provision category, or none.
    category: Value,
    title: &'a str,
    text: &'a str,
    topic: Value,
    positions: Vec<PositionCell<'a>>,
}

/// A point, its positions' sources numbered as in the page's `list`.
pub(super) fn point_view<'a>(point: &'a Point, summaries: &Summaries, list: &[Cited]) -> PointView<'a> {
    PointView {
        id: &point.fields.id,
        number: point.fields.number.as_deref().unwrap_or(""),
        label: point.fields.label(),
        category: point.fields.category.map_or_else(Value::none, |(_, c)| category_ref(&c)),
        title: &point.fields.title,
        text: &point.fields.text,
        topic: point.topic.map_or_else(Value::none, |t| summaries.topics[t].clone()),
        positions: point.positions.iter().map(|pos| evidence::position(pos, summaries, list)).collect(),
    }
}

#[derive(Serialize)]
struct ProposalView<'a> {
    #[serde(flatten)]
    listing: Value,
    description: &'a str,
    extra: &'a serde_json::Value,
    points: Vec<ProposalPoint<'a>>,
    amends: Value,
    amended_by: Vec<Value>,
    /// Its status over time, oldest first.
    statuses: Vec<StatedView<'a, StatusView>>,
}

/// A point on its own proposal's page: with the point it amends (its original text
/// beside this one's) and the amendments proposed to it.
#[derive(Serialize)]
struct ProposalPoint<'a> {
    #[serde(flatten)]
    point: PointView<'a>,
    amends: Option<AmendedPoint<'a>>,
    amendments: Vec<Amendment<'a>>,
}

#[derive(Serialize)]
struct AmendedPoint<'a> {
    proposal: Value,
    #[serde(flatten)]
    point: PointView<'a>,
}

#[derive(Serialize)]
struct Amendment<'a> {
    /// The amending proposal (its status is the amendment's).
    proposal: Value,
    id: &'a str,
    label: String,
    title: &'a str,
}

fn proposal_point<'a>(
    site: &'a crate::model::Site,
    summaries: &Summaries,
    p: &'a Proposal,
    point: &'a Point,
) -> ProposalPoint<'a> {
    let amends = match (p.amends, point.amends) {
        (Some(target), Some(amended)) => Some(AmendedPoint {
            proposal: summaries.proposals[target].clone(),
            point: point_view(&site.proposals[target].points[amended], summaries, &site.proposals[target].sources),
        }),
        _ => None,
    };
    let amendments = point
        .amended_by
        .iter()
        .map(|(q, pt)| {
            let by = &site.proposals[*q].points[*pt];
            Amendment {
                proposal: summaries.proposals[*q].clone(),
                id: &by.fields.id,
                label: by.fields.label(),
                title: &by.fields.title,
            }
        })
        .collect();
    ProposalPoint { point: point_view(point, summaries, &p.sources), amends, amendments }
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    point_id: &'a str,
    point_label: String,
    point_title: &'a str,
    cells: Vec<MatrixCell>,
}

#[derive(Serialize)]
struct Matrix<'a> {
    actors: Vec<Value>,
    rows: Vec<MatrixRow<'a>>,
}

#[derive(Serialize)]
struct LineageEntry {
    #[serde(flatten)]
    reference: Value,
    current: bool,
}

#[derive(Serialize)]
pub(super) struct ChangedPoint<'a> {
    id: &'a str,
    before: PointView<'a>,
    after: PointView<'a>,
    /// The title and text, word by word: HTML with `<del>` and `<ins>`.
    title_diff: String,
    text_diff: String,
}

pub(super) fn changed_point<'a>(
    old: &'a Point,
    new: &'a Point,
    summaries: &Summaries,
    list: &[Cited],
) -> ChangedPoint<'a> {
    ChangedPoint {
        id: &new.fields.id,
        before: point_view(old, summaries, list),
        after: point_view(new, summaries, list),
        title_diff: crate::render::diff::words(&old.fields.title, &new.fields.title),
        text_diff: crate::render::diff::words(&old.fields.text_source, &new.fields.text_source),
    }
}

#[derive(Serialize)]
struct StanceChange<'a> {
    actor: Value,
    point_id: &'a str,
    point_label: String,
    point_title: &'a str,
    before: StanceView,
    after: StanceView,
}

#[derive(Serialize)]
struct ChangesView<'a> {
    against: Value,
    /// The compare page of the two versions, from the site root.
    compare_path: String,
    added: Vec<PointView<'a>>,
    removed: Vec<PointView<'a>>,
    changed: Vec<ChangedPoint<'a>>,
    unchanged: usize,
    stances: Vec<StanceChange<'a>>,
}

fn matrix<'a>(p: &'a Proposal, summaries: &Summaries) -> Matrix<'a> {
    let mut actors: Vec<usize> = p.points.iter().flat_map(|pt| pt.positions.iter().map(|pos| pos.actor)).collect();
    actors.sort_unstable();
    actors.dedup();
    let rows = p
        .points
        .iter()
        .map(|pt| MatrixRow {
            point_id: &pt.fields.id,
            point_label: pt.fields.label(),
            point_title: &pt.fields.title,
            cells: actors
                .iter()
                .map(|a| {
                    evidence::matrix_cell(
                        pt.positions.iter().find(|pos| pos.actor == *a),
                        &p.sources,
                        &summaries.strings,
                    )
                })
                .collect(),
        })
        .collect();
    Matrix { actors: summaries.actors_of(&actors), rows }
}

/// What changed against the version `p` supersedes, whose points are `old`.
fn changes<'a>(
    summaries: &Summaries,
    new: &'a Proposal,
    c: &Changes,
    (against, old_id): (ProposalIx, &str),
    old: &'a [Point],
) -> ChangesView<'a> {
    ChangesView {
        against: summaries.proposals[against].clone(),
        compare_path: routes::compare(new, old_id),
        added: c.added.iter().map(|i| point_view(&new.points[*i], summaries, &new.sources)).collect(),
        removed: c.removed.iter().map(|i| point_view(&old[*i], summaries, &new.sources)).collect(),
        changed: c
            .changed
            .iter()
            .map(|(o, n)| changed_point(&old[*o], &new.points[*n], summaries, &new.sources))
            .collect(),
        unchanged: c.unchanged,
        stances: c
            .stances
            .iter()
            .map(|(n, a, was, is)| {
                let point = &new.points[*n];
                StanceChange {
                    actor: summaries.actors[*a].clone(),
                    point_id: &point.fields.id,
                    point_label: point.fields.label(),
                    point_title: &point.fields.title,
                    before: StanceView::of(*was, &summaries.strings),
                    after: StanceView::of(*is, &summaries.strings),
                }
            })
            .collect(),
    }
}

pub(super) fn proposal(fill: Fill<'_>, shows: &ProposalShows<'_>) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let i = shows.ix;
    let p = &site.proposals[i];
    let view = ProposalView {
        listing: listing(summaries, p, i, shows.sponsors, (shows.supersedes, shows.superseded_by)),
        description: &p.fields.description,
        extra: &p.fields.extra,
        points: shows.points.iter().map(|pt| proposal_point(site, summaries, p, pt)).collect(),
        amends: summaries.proposal_opt(shows.amends.map(|(a, _)| a)),
        amended_by: summaries.proposals_of(shows.amended_by),
        statuses: evidence::statuses(shows.statuses, summaries, shows.sources),
    };
    ctx.insert("proposal", &view);
    ctx.insert("matrix", &matrix(p, summaries));
    let lineage: Vec<LineageEntry> = shows
        .lineage
        .iter()
        .map(|ix| LineageEntry { reference: summaries.proposals[*ix].clone(), current: *ix == i })
        .collect();
    ctx.insert("lineage", &lineage);
    match (&p.changes, shows.against) {
        (Some(c), Some((against, old))) => {
            ctx.insert("changes", &changes(summaries, p, c, (against, &site.proposals[against].id), old))
        }
        _ => ctx.insert_value("changes", Value::none()),
    }
    ctx.insert_value("articles", summaries.articles_of(site, shows.articles.iter().copied()).into());
    ctx.insert("sources", &numbered(summaries, shows.sources, &[]));
    let stated = shows.points.iter().flat_map(|pt| &pt.positions).flat_map(|pos| &pos.history).filter_map(|s| s.date);
    let statuses = shows.statuses.iter().filter_map(|s| s.date);
    let articles = shows.articles.iter().map(|i| site.articles[*i].fields.date);
    let as_of = evidence::newest(p.fields.date.into_iter().chain(stated).chain(statuses).chain(articles));
    ctx.insert("cite", &evidence::cite(site, &p.fields.title, as_of, true, &routes::proposal(p)));
    (p.fields.title.clone(), p.fields.summary.clone().unwrap_or_default())
}

#[derive(Serialize)]
struct CategoryRef {
    id: &'static str,
    label: &'static str,
    path: String,
}

fn category_ref(c: &crate::vocab::Category) -> Value {
    to_value(&CategoryRef { id: c.id, label: c.label, path: routes::category(c) })
}
