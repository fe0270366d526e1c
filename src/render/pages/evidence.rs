//! The values that show where a page's claims come from and when they were made: a
//! page's numbered list of sources, stances and statuses with their date and evidence,
//! the positions matrix's cells, and a source's own page.

use serde::Serialize;
use tera::Value;

use super::shows::SourceShows;
use crate::model::{Cited, Position, Site, SourceIx, Stated};
use crate::render::views::{SourceRef, StanceView, Summaries, to_value};
use crate::vocab::{Source, Stance, Status, When};

/// An entry of a page's numbered list of sources (`_source-N` on the page).
#[derive(Serialize)]
pub(super) struct Numbered {
    number: usize,
    #[serde(flatten)]
    source: Value,
}

/// A page's list of sources, numbered from 1 as its citations refer to them.
pub(super) fn numbered(summaries: &Summaries, list: &[Cited], inline: &[Source]) -> Vec<Numbered> {
    list.iter()
        .enumerate()
        .map(|(i, cited)| {
            let source = match cited {
                Cited::Item(s) => summaries.sources[*s].clone(),
                Cited::Inline(i) => inline.get(*i).map_or_else(Value::none, inline_source),
            };
            Numbered { number: i + 1, source }
        })
        .collect()
}

/// The number of source `s` in a page's `list`, or 0 when it is not in it.
pub(super) fn number_in(list: &[Cited], s: Option<SourceIx>) -> usize {
    s.and_then(|s| list.iter().position(|c| *c == Cited::Item(s))).map_or(0, |i| i + 1)
}

/// A source written in place, with the fields of a source item's summary.
fn inline_source(s: &Source) -> Value {
    to_value(&SourceRef {
        id: "",
        title: &s.title,
        publisher: s.publisher.as_deref().unwrap_or(""),
        url: s.url.as_deref().unwrap_or(""),
        archive_url: "",
        language: "",
        date: s.date.map(|d| d.ymd()).unwrap_or_default(),
        date_display: s.date.map(|d| d.display()).unwrap_or_default(),
        date_precision: s.date.map_or("", |d| d.precision_name()),
        accessed: String::new(),
        accessed_display: String::new(),
        path: String::new(),
        citations: 0,
    })
}

/// `{status, status_label}` fields for a status.
#[derive(Serialize)]
pub(super) struct StatusView {
    status: &'static str,
    status_label: &'static str,
}

/// A stance or status as stated: the word's fields, its date, the quote, its source
/// (a SourceRef, or none) and that source's number in the page's list (0 when not in it).
#[derive(Serialize)]
pub(super) struct StatedView<'a, W> {
    #[serde(flatten)]
    word: W,
    date: String,
    date_display: String,
    date_precision: &'static str,
    quote: &'a str,
    source: Value,
    number: usize,
}

fn stated<'a, T, W>(s: &'a Stated<T>, word: W, summaries: &Summaries, list: &[Cited]) -> StatedView<'a, W> {
    StatedView {
        word,
        date: s.date.map(|d| d.ymd()).unwrap_or_default(),
        date_display: s.date.map(|d| d.display()).unwrap_or_default(),
        date_precision: s.date.map_or("", |d| d.precision_name()),
        quote: s.quote.as_deref().unwrap_or(""),
        source: s.source.map_or_else(Value::none, |i| summaries.sources[i].clone()),
        number: number_in(list, s.source),
    }
}

pub(super) fn stance<'a>(s: &'a Stated<Stance>, summaries: &Summaries, list: &[Cited]) -> StatedView<'a, StanceView> {
    stated(s, StanceView::of(Some(s.what)), summaries, list)
}

/// A proposal's statuses, oldest first.
pub(super) fn statuses<'a>(
    history: &'a [Stated<Status>],
    summaries: &Summaries,
    list: &[Cited],
) -> Vec<StatedView<'a, StatusView>> {
    history
        .iter()
        .map(|s| stated(s, StatusView { status: s.what.as_str(), status_label: s.what.label() }, summaries, list))
        .collect()
}

/// An actor's position on a point: the current stance as stated, whether it changed
/// (`was`: the stance before), and every stance, oldest first.
#[derive(Serialize)]
pub(super) struct PositionCell<'a> {
    actor: Value,
    #[serde(flatten)]
    current: StatedView<'a, StanceView>,
    changed: bool,
    was: &'static str,
    was_label: &'static str,
    history: Vec<StatedView<'a, StanceView>>,
}

pub(super) fn position<'a>(pos: &'a Position, summaries: &Summaries, list: &[Cited]) -> PositionCell<'a> {
    let was = pos.changed_from();
    PositionCell {
        actor: summaries.actors[pos.actor].clone(),
        current: stance(pos.current(), summaries, list),
        changed: was.is_some(),
        was: was.map_or("", Stance::as_str),
        was_label: was.map_or("", Stance::label),
        history: pos.history.iter().map(|s| stance(s, summaries, list)).collect(),
    }
}

/// A cell of the positions matrix: the current stance (`stance` empty and `stance_label`
/// "—" where the actor has none), whether and from what it changed, its date and the
/// number of its source in the page's list.
#[derive(Serialize)]
pub(super) struct MatrixCell {
    #[serde(flatten)]
    stance: StanceView,
    changed: bool,
    was_label: &'static str,
    date: String,
    date_display: String,
    number: usize,
}

pub(super) fn matrix_cell(pos: Option<&Position>, list: &[Cited]) -> MatrixCell {
    let current = pos.map(Position::current);
    let was = pos.and_then(Position::changed_from);
    MatrixCell {
        stance: StanceView::of(current.map(|s| s.what)),
        changed: was.is_some(),
        was_label: was.map_or("", Stance::label),
        date: current.and_then(|s| s.date).map(|d| d.ymd()).unwrap_or_default(),
        date_display: current.and_then(|s| s.date).map(|d| d.display()).unwrap_or_default(),
        number: number_in(list, current.and_then(|s| s.source)),
    }
}

#[derive(Serialize)]
struct SourceView<'a> {
    #[serde(flatten)]
    reference: Value,
    notes: &'a str,
    extra: &'a serde_json::Value,
}

/// A quote taken from a source, with who said it and the article that has it.
#[derive(Serialize)]
struct SourcedQuote<'a> {
    text: &'a str,
    date: String,
    date_display: String,
    actor: Value,
    article: Value,
}

/// A stance resting on a source: whose, on which point of which proposal.
#[derive(Serialize)]
struct SourcedStance<'a> {
    actor: Value,
    proposal: Value,
    point_id: &'a str,
    point_title: &'a str,
    #[serde(flatten)]
    stance: StatedView<'a, StanceView>,
}

/// A source's own page: the source, and everything that cites it.
pub(super) fn source(fill: super::Fill<'_>, shows: &SourceShows<'_>) -> (String, String) {
    let super::Fill { site, summaries, ctx } = fill;
    let s = &site.sources[shows.ix];
    let view =
        SourceView { reference: summaries.sources[shows.ix].clone(), notes: &s.fields.notes, extra: &s.fields.extra };
    ctx.insert("source", &view);
    ctx.insert_value("articles", summaries.articles_of(site, shows.articles.iter().copied()).into());
    ctx.insert_value("actors", summaries.actors_of(shows.actors).into());
    ctx.insert_value("proposals", summaries.proposals_of(shows.proposals).into());
    let quotes: Vec<SourcedQuote<'_>> = shows
        .quotes
        .iter()
        .map(|(a, q)| {
            let article = &site.articles[*a];
            let quote = &article.quotes[*q];
            let date = quote.fields.date.unwrap_or(article.fields.date);
            SourcedQuote {
                text: &quote.fields.text,
                date: date.ymd(),
                date_display: date.display(),
                actor: summaries.actors[quote.actor].clone(),
                article: summaries.article(site, *a),
            }
        })
        .collect();
    ctx.insert("quotes", &quotes);
    let stances: Vec<SourcedStance<'_>> = shows
        .stances
        .iter()
        .map(|(p, pt, pos, n)| {
            let proposal = &site.proposals[*p];
            let point = &proposal.points[*pt];
            let position = &point.positions[*pos];
            SourcedStance {
                actor: summaries.actors[position.actor].clone(),
                proposal: summaries.proposals[*p].clone(),
                point_id: &point.fields.id,
                point_title: &point.fields.title,
                stance: stance(&position.history[*n], summaries, &[]),
            }
        })
        .collect();
    ctx.insert("stances", &stances);
    ctx.insert("sources", &numbered(summaries, shows.sources, &[]));
    let description = match &s.fields.publisher {
        Some(publisher) => format!("{}, {publisher}: what cites it in this briefing", s.fields.title),
        None => format!("{}: what cites it in this briefing", s.fields.title),
    };
    (s.fields.title.clone(), description)
}

/// What a "Cite this page" block gives: the page's title, the site's title and author,
/// a date (the article's own; for an actor or a proposal the newest date the page
/// shows, `as_of`) and the page's permanent address.
#[derive(Serialize)]
pub(super) struct CiteView<'a> {
    title: &'a str,
    site: &'a str,
    author: &'a str,
    date: String,
    date_display: String,
    as_of: bool,
    url: String,
}

pub(super) fn cite<'a>(site: &'a Site, title: &'a str, date: Option<When>, as_of: bool, path: &str) -> CiteView<'a> {
    CiteView {
        title,
        site: &site.config.title,
        author: &site.config.author,
        date: date.map(|d| d.ymd()).unwrap_or_default(),
        date_display: date.map(|d| d.display()).unwrap_or_default(),
        as_of,
        url: format!("{}{path}", site.config.base_url),
    }
}

/// The newest of `dates`.
pub(super) fn newest(dates: impl IntoIterator<Item = When>) -> Option<When> {
    dates.into_iter().max()
}
