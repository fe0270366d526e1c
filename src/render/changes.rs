//! What changed, newest first: the values of `/changes/` (grouped by week) and its Atom
//! feed, `changes.xml`. Each event says what it was in words and links to its evidence.

use jiff::ToSpan;
use serde::Serialize;
use tera::{Context, Value};

use super::feeds::escape_xml;
use super::routes;
use super::views::{Summaries, to_value};
use crate::model::{Event, Happened, Site};
use crate::vocab::{Precision, When};

/// Entries of `changes.xml`: the newest events.
const FEED_ENTRIES: usize = 50;

/// A stance or status before or after a change: `{word, label}`.
#[derive(Serialize)]
struct Word {
    word: &'static str,
    label: &'static str,
}

/// One event as the page shows it.
#[derive(Serialize)]
struct EventView<'a> {
    /// Its anchor on `/changes/`.
    id: String,
    /// `article`, `proposal`, `version`, `status` or `stance`.
    kind: &'static str,
    date: String,
    date_display: String,
    date_precision: &'static str,
    /// What happened, in words (as the feed's entry title says it).
    title: String,
    /// The page that has it, relative to the site root, and the anchor on it (a
    /// stance's point; else empty).
    path: String,
    anchor: &'a str,
    article: Value,
    proposal: Value,
    /// The version a new version revises.
    revises: Value,
    actor: Value,
    point_id: &'a str,
    point_title: &'a str,
    /// What it changed from (none when it was the first one stated) and to.
    from: Option<Word>,
    to: Option<Word>,
    source: Value,
    quote: &'a str,
}

/// The facts of one event, shared by the page and the feed.
struct Facts<'a> {
    id: String,
    kind: &'static str,
    title: String,
    path: String,
    anchor: &'a str,
    from: Option<Word>,
    to: Option<Word>,
    point: Option<(&'a str, &'a str)>,
    source: Option<usize>,
    quote: &'a str,
}

fn facts<'s>(site: &'s Site, event: &Event) -> Facts<'s> {
    let blank = |id: String, kind, title, path| Facts {
        id,
        kind,
        title,
        path,
        anchor: "",
        from: None,
        to: None,
        point: None,
        source: None,
        quote: "",
    };
    match event.what {
        Happened::Article(a) => {
            let a = &site.articles[a];
            blank(
                format!("article_{}", a.id),
                "article",
                format!("New article: {}", a.fields.title),
                routes::article(a),
            )
        }
        Happened::Proposal(p) => {
            let p = &site.proposals[p];
            let title = format!("Proposal tabled: {}", p.fields.title);
            blank(format!("proposal_{}", p.id), "proposal", title, routes::proposal(p))
        }
        Happened::Version(p) => {
            let p = &site.proposals[p];
            let old = p.supersedes.map_or("", |o| site.proposals[o].fields.title.as_str());
            let title = format!("New version: {} revises {old}", p.fields.title);
            blank(format!("version_{}", p.id), "version", title, routes::proposal(p))
        }
        Happened::Status(p, n) => {
            let proposal = &site.proposals[p];
            let now = &proposal.statuses[n];
            let before = n.checked_sub(1).map(|b| proposal.statuses[b].what);
            let title = match before {
                Some(b) if b != now.what => {
                    format!("{}: status changed from {} to {}", proposal.fields.title, b.label(), now.what.label())
                }
                Some(_) => format!("{}: status {} again", proposal.fields.title, now.what.label()),
                None => format!("{}: status {}", proposal.fields.title, now.what.label()),
            };
            Facts {
                from: before.map(|b| Word { word: b.as_str(), label: b.label() }),
                to: Some(Word { word: now.what.as_str(), label: now.what.label() }),
                source: now.source,
                quote: now.quote.as_deref().unwrap_or(""),
                ..blank(format!("status_{}_{n}", proposal.id), "status", title, routes::proposal(proposal))
            }
        }
        Happened::Stance { proposal: p, point, position, n } => {
            let proposal = &site.proposals[p];
            let pt = &proposal.points[point];
            let pos = &pt.positions[position];
            let actor = &site.actors[pos.actor];
            let now = &pos.history[n];
            let before = n.checked_sub(1).map(|b| pos.history[b].what);
            let on = format!("on “{}” ({})", pt.fields.title, proposal.fields.title);
            let title = match before {
                Some(b) if b != now.what => format!("{}: {} → {} {on}", actor.fields.name, b.label(), now.what.label()),
                Some(_) => format!("{}: {} again {on}", actor.fields.name, now.what.label()),
                None => format!("{}: {} {on}", actor.fields.name, now.what.label()),
            };
            let id = format!("stance_{}_{}_{}_{n}", proposal.id, pt.fields.id, actor.id);
            let path = routes::proposal(proposal);
            Facts {
                anchor: &pt.fields.id,
                from: before.map(|b| Word { word: b.as_str(), label: b.label() }),
                to: Some(Word { word: now.what.as_str(), label: now.what.label() }),
                point: Some((&pt.fields.id, &pt.fields.title)),
                source: now.source,
                quote: now.quote.as_deref().unwrap_or(""),
                ..blank(id, "stance", title, path)
            }
        }
    }
}

fn event_view<'a>(site: &'a Site, summaries: &Summaries, event: &Event) -> EventView<'a> {
    let f = facts(site, event);
    let proposal_of = |p: usize| summaries.proposals[p].clone();
    let (article, proposal, revises, actor) = match event.what {
        Happened::Article(a) => (summaries.article(site, a), Value::none(), Value::none(), Value::none()),
        Happened::Proposal(p) | Happened::Status(p, _) => (Value::none(), proposal_of(p), Value::none(), Value::none()),
        Happened::Version(p) => {
            (Value::none(), proposal_of(p), summaries.proposal_opt(site.proposals[p].supersedes), Value::none())
        }
        Happened::Stance { proposal: p, point, position, .. } => {
            let actor = site.proposals[p].points[point].positions[position].actor;
            (Value::none(), proposal_of(p), Value::none(), summaries.actors[actor].clone())
        }
    };
    let (point_id, point_title) = f.point.unwrap_or(("", ""));
    EventView {
        id: f.id,
        kind: f.kind,
        date: event.date.ymd(),
        date_display: event.date.display(),
        date_precision: event.date.precision_name(),
        title: f.title,
        path: f.path,
        anchor: f.anchor,
        article,
        proposal,
        revises,
        actor,
        point_id,
        point_title,
        from: f.from,
        to: f.to,
        source: f.source.map_or_else(Value::none, |s| summaries.sources[s].clone()),
        quote: f.quote,
    }
}

/// The group an event is listed under: the week (from Monday) of a date known to the
/// day, or the month or year a less precise date gives; with its first day, its label
/// and how precise it is (weeks before a month or year that starts the same day).
fn group_of(date: &When) -> (jiff::civil::Date, Precision, String) {
    let day = date.date();
    match date.precision {
        Precision::Day => {
            let monday = day.saturating_sub(i64::from(day.weekday().to_monday_zero_offset()).days());
            let label = When { datetime: monday.to_datetime(jiff::civil::Time::midnight()), ..When::default() };
            (monday, Precision::Day, format!("Week of {}", label.display()))
        }
        Precision::Month => (day, Precision::Month, format!("{}, day not known", date.month_label())),
        Precision::Year => (day, Precision::Year, format!("{}, month not known", date.month_label())),
    }
}

#[derive(Serialize)]
struct Group<'a> {
    label: String,
    /// Its first day, `YYYY-MM-DD`.
    start: String,
    entries: Vec<EventView<'a>>,
}

/// The values of `/changes/`: `weeks`, newest first, each `{label, start, entries}`.
pub(crate) fn page(site: &Site, summaries: &Summaries, ctx: &mut Context) -> (String, String) {
    let mut order: Vec<(jiff::civil::Date, Precision, String, &Event)> = site
        .events
        .iter()
        .map(|e| {
            let (start, precision, label) = group_of(&e.date);
            (start, precision, label, e)
        })
        .collect();
    // Newest group first; within one, newest first (the events are sorted already).
    order.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let mut groups: Vec<Group<'_>> = Vec::new();
    for (start, _, label, event) in order {
        let view = event_view(site, summaries, event);
        match groups.last_mut() {
            Some(g) if g.label == label => g.entries.push(view),
            _ => groups.push(Group { label, start: start.to_string(), entries: vec![view] }),
        }
    }
    ctx.insert_value("weeks", to_value(&groups));
    ctx.insert("events", &site.events.len());
    (
        "Changes".to_owned(),
        "Every dated event in this briefing, newest first: what changed, and on what evidence".to_owned(),
    )
}

/// `changes.xml`: the newest events as an Atom feed, each linked to its evidence.
pub(crate) fn atom(site: &Site) -> String {
    let base = &site.config.base_url;
    let updated = site.events.first().map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |e| e.date.rfc3339());
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    out.push_str(&format!(" xml:lang=\"{}\">\n", escape_xml(&site.config.language)));
    out.push_str(&format!("  <title>{}: changes</title>\n", escape_xml(&site.config.title)));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}changes.xml\"/>\n",
        escape_xml(base)
    ));
    let page = format!("{base}changes/");
    out.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape_xml(&page)));
    out.push_str(&format!("  <id>{}</id>\n  <updated>{updated}</updated>\n", escape_xml(&page)));
    let author = if site.config.author.is_empty() { &site.config.title } else { &site.config.author };
    out.push_str(&format!("  <author><name>{}</name></author>\n", escape_xml(author)));
    for event in site.events.iter().take(FEED_ENTRIES) {
        let f = facts(site, event);
        let mut summary = format!("Date: {}.", event.date.display());
        if let Some(s) = f.source {
            let source = &site.sources[s];
            summary.push_str(&format!(" Source: {} ({}{}).", source.fields.title, base, routes::source(source)));
        }
        if !f.quote.is_empty() {
            summary.push_str(&format!(" “{}”", f.quote));
        }
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", escape_xml(&f.title)));
        let anchor = if f.anchor.is_empty() { String::new() } else { format!("#{}", f.anchor) };
        let link = format!("{base}{}{anchor}", f.path);
        out.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape_xml(&link)));
        out.push_str(&format!("    <id>{}#{}</id>\n", escape_xml(&page), escape_xml(&f.id)));
        out.push_str(&format!("    <updated>{}</updated>\n", event.date.rfc3339()));
        out.push_str(&format!("    <summary>{}</summary>\n", escape_xml(&summary)));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}
