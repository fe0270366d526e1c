//! The open data about evidence and time, `data/sources.json` and `data/stances.json`,
//! and every data file as CSV for spreadsheets (docs/pages.md, "Open data").

use serde::Serialize;

use super::routes;
use crate::model::{Site, source_items};
use crate::vocab::When;

pub(crate) const SOURCES_JSON: &str = "data/sources.json";
pub(crate) const STANCES_JSON: &str = "data/stances.json";
/// The CSV files, in the order they are made.
pub(crate) const CSV_FILES: [&str; 5] =
    ["data/articles.csv", "data/actors.csv", "data/proposals.csv", "data/sources.csv", "data/stances.csv"];

#[derive(Serialize)]
struct SourceData<'a> {
    id: &'a str,
    title: &'a str,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    archive_url: Option<&'a str>,
    language: Option<&'a str>,
    published: Option<String>,
    published_precision: Option<&'static str>,
    accessed: Option<String>,
    accessed_precision: Option<&'static str>,
    path: String,
    articles: Vec<&'a str>,
    proposals: Vec<&'a str>,
    actors: Vec<&'a str>,
}

/// One stance as stated: one row of `stances.json` and `stances.csv`.
#[derive(Serialize)]
struct StanceRow<'a> {
    proposal: &'a str,
    point: &'a str,
    actor: &'a str,
    stance: &'static str,
    date: Option<String>,
    date_precision: Option<&'static str>,
    source: Option<&'a str>,
    quote: Option<&'a str>,
    /// Whether it is the actor's stance on the point as it stands (the last stated).
    current: bool,
}

fn sources(site: &Site) -> Vec<SourceData<'_>> {
    site.sources
        .iter()
        .map(|s| {
            let f = &s.fields;
            SourceData {
                id: &s.id,
                title: &f.title,
                publisher: f.publisher.as_deref(),
                url: f.url.as_deref(),
                archive_url: f.archive_url.as_deref(),
                language: f.language.as_deref(),
                published: f.published.map(|d| d.ymd()),
                published_precision: f.published.map(|d| d.precision_name()),
                accessed: f.accessed.map(|d| d.ymd()),
                accessed_precision: f.accessed.map(|d| d.precision_name()),
                path: routes::source(s),
                articles: s.articles.iter().map(|i| site.articles[*i].id.as_str()).collect(),
                proposals: s.proposals.iter().map(|i| site.proposals[*i].id.as_str()).collect(),
                actors: s.actors.iter().map(|i| site.actors[*i].id.as_str()).collect(),
            }
        })
        .collect()
}

/// Every stance: proposals by id, points in order, positions as written, each
/// position's stances oldest first.
fn stances(site: &Site) -> Vec<StanceRow<'_>> {
    let mut rows = Vec::new();
    for p in &site.proposals {
        for point in &p.points {
            for pos in &point.positions {
                for (n, s) in pos.history.iter().enumerate() {
                    rows.push(StanceRow {
                        proposal: &p.id,
                        point: &point.fields.id,
                        actor: &site.actors[pos.actor].id,
                        stance: s.what.as_str(),
                        date: s.date.map(|d| d.ymd()),
                        date_precision: s.date.map(|d| d.precision_name()),
                        source: s.source.map(|i| site.sources[i].id.as_str()),
                        quote: s.quote.as_deref(),
                        current: n + 1 == pos.history.len(),
                    });
                }
            }
        }
    }
    rows
}

/// `sources.json`, `stances.json` and the CSV files, each handed to `give` with its path.
pub(crate) fn files<E>(site: &Site, give: &mut dyn FnMut(&'static str, String) -> Result<(), E>) -> Result<(), E> {
    let sources = sources(site);
    give(SOURCES_JSON, json(&sources))?;
    let stances = stances(site);
    give(STANCES_JSON, json(&stances))?;
    give(CSV_FILES[0], articles_csv(site))?;
    give(CSV_FILES[1], actors_csv(site))?;
    give(CSV_FILES[2], proposals_csv(site))?;
    give(CSV_FILES[3], sources_csv(&sources))?;
    give(CSV_FILES[4], stances_csv(&stances))
}

fn json<T: Serialize>(value: &T) -> String {
    // Our rows hold only strings, numbers, booleans and lists: they always serialize.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "[]".to_owned());
    text.push('\n');
    text
}

/// A CSV file with a header row, then `rows`.
fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory fails only on records of different lengths, which we never make.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Free text in a cell: a spreadsheet would run text that starts with `=`, `+`, `-` or
/// `@` (or a tab or carriage return before one) as a formula, so such text starts with
/// `'`, which spreadsheets take to mean "text".
fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

fn opt_text(value: Option<&str>) -> String {
    value.map(text).unwrap_or_default()
}

/// Ids in a cell, separated by `;`.
fn ids<'a>(ids: impl IntoIterator<Item = &'a str>) -> String {
    ids.into_iter().collect::<Vec<_>>().join(";")
}

fn date(when: Option<When>) -> [String; 2] {
    [when.map(|d| d.ymd()).unwrap_or_default(), when.map(|d| d.precision_name().to_owned()).unwrap_or_default()]
}

fn articles_csv(site: &Site) -> String {
    let header = [
        "id",
        "title",
        "date",
        "date_precision",
        "path",
        "summary",
        "location",
        "actors",
        "proposals",
        "topics",
        "sources",
    ];
    let rows = site.articles.iter().map(|a| {
        let [d, precision] = date(Some(a.fields.date));
        vec![
            a.id.clone(),
            text(&a.fields.title),
            d,
            precision,
            routes::article(a),
            opt_text(a.fields.summary.as_deref()),
            opt_text(a.fields.location.as_deref()),
            ids(a.mentions_actors.iter().map(|i| site.actors[*i].id.as_str())),
            ids(a.mentions_proposals.iter().map(|i| site.proposals[*i].id.as_str())),
            ids(a.topics.iter().map(|t| site.topics[*t].slug.as_str())),
            ids(source_items(&a.sources).map(|s| site.sources[s].id.as_str())),
        ]
    });
    csv(&header, rows)
}

fn actors_csv(site: &Site) -> String {
    let rows = site.actors.iter().map(|a| {
        vec![
            a.id.clone(),
            text(&a.fields.name),
            opt_text(a.fields.role.as_deref()),
            a.fields.side.clone().unwrap_or_default(),
            routes::actor(a),
            ids(a.articles.iter().map(|i| site.articles[*i].id.as_str())),
        ]
    });
    csv(&["id", "name", "role", "side", "path", "articles"], rows)
}

fn proposals_csv(site: &Site) -> String {
    let header = [
        "id",
        "title",
        "date",
        "date_precision",
        "status",
        "path",
        "proposed_by",
        "supersedes",
        "superseded_by",
        "points",
        "articles",
    ];
    let rows = site.proposals.iter().map(|p| {
        let [d, precision] = date(p.fields.date);
        let id_of = |ix: Option<usize>| ix.map(|i| site.proposals[i].id.clone()).unwrap_or_default();
        vec![
            p.id.clone(),
            text(&p.fields.title),
            d,
            precision,
            p.fields.status.map(|s| s.as_str().to_owned()).unwrap_or_default(),
            routes::proposal(p),
            ids(p.sponsors.iter().map(|i| site.actors[*i].id.as_str())),
            id_of(p.supersedes),
            id_of(p.superseded_by),
            ids(p.points.iter().map(|pt| pt.fields.id.as_str())),
            ids(p.articles.iter().map(|i| site.articles[*i].id.as_str())),
        ]
    });
    csv(&header, rows)
}

fn sources_csv(sources: &[SourceData<'_>]) -> String {
    let header = [
        "id",
        "title",
        "publisher",
        "url",
        "archive_url",
        "language",
        "published",
        "published_precision",
        "accessed",
        "accessed_precision",
        "path",
        "articles",
        "proposals",
        "actors",
    ];
    let rows = sources.iter().map(|s| {
        vec![
            s.id.to_owned(),
            text(s.title),
            opt_text(s.publisher),
            s.url.unwrap_or_default().to_owned(),
            s.archive_url.unwrap_or_default().to_owned(),
            opt_text(s.language),
            s.published.clone().unwrap_or_default(),
            s.published_precision.unwrap_or_default().to_owned(),
            s.accessed.clone().unwrap_or_default(),
            s.accessed_precision.unwrap_or_default().to_owned(),
            s.path.clone(),
            ids(s.articles.iter().copied()),
            ids(s.proposals.iter().copied()),
            ids(s.actors.iter().copied()),
        ]
    });
    csv(&header, rows)
}

fn stances_csv(stances: &[StanceRow<'_>]) -> String {
    let header = ["proposal", "point", "actor", "stance", "date", "date_precision", "source", "quote", "current"];
    let rows = stances.iter().map(|s| {
        vec![
            s.proposal.to_owned(),
            s.point.to_owned(),
            s.actor.to_owned(),
            s.stance.to_owned(),
            s.date.clone().unwrap_or_default(),
            s.date_precision.unwrap_or_default().to_owned(),
            s.source.unwrap_or_default().to_owned(),
            opt_text(s.quote),
            s.current.to_string(),
        ]
    });
    csv(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn text_a_spreadsheet_would_run_as_a_formula_is_kept_as_text() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("@SUM(1)"), "'@SUM(1)");
        assert_eq!(text("-2+3"), "'-2+3");
        assert_eq!(text("Talks open"), "Talks open");
    }
}
