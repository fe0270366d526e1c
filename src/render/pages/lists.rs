//! The values of the front page and the pages that list items: articles (with a
//! pager), actors by side, topics, one topic, and the timeline.

use std::ops::Range;

use serde::Serialize;
use tera::Value;

use super::{Fill, routes};
use crate::model::{ActorIx, ArticleIx, ProposalIx, Site, SourceIx, TopicIx};
use crate::render::views::{Summaries, point_ref, timeline_proposal, to_value};
use crate::vocab::{Status, When, fill_in};

#[derive(Serialize)]
struct Counts {
    articles: usize,
    actors: usize,
    proposals: usize,
    topics: usize,
}

pub(super) fn index(
    fill: Fill<'_>,
    latest: Range<ArticleIx>,
    proposals: Range<ProposalIx>,
    actors: Range<ActorIx>,
) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    ctx.insert_value("latest", summaries.articles_of(site, latest).into());
    ctx.insert_value("proposal_groups", proposal_groups(site, summaries, proposals));
    ctx.insert_value("sides", sides(site, summaries, actors));
    let counts = Counts {
        articles: site.articles.len(),
        actors: site.actors.len(),
        proposals: site.proposals.len(),
        topics: site.topics.len(),
    };
    ctx.insert("counts", &counts);
    (site.config.title.clone(), String::new())
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: String,
    next: String,
    pages: Vec<PageLink>,
}

/// Page `n` of the `total` pages of the article list.
pub(super) fn articles(fill: Fill<'_>, n: usize, total: usize, articles: Range<ArticleIx>) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    ctx.insert_value("articles", summaries.articles_of(site, articles).into());
    let pagination = Pagination {
        current: n,
        total,
        prev: if n > 1 { routes::article_list(n - 1) } else { String::new() },
        next: if n < total { routes::article_list(n + 1) } else { String::new() },
        pages: page_links(n, total),
    };
    ctx.insert("pagination", &pagination);
    let strings = &site.strings;
    let title = if n > 1 {
        fill_in(strings.text("titles", "articles_page"), &[("page", &n.to_string()), ("pages", &total.to_string())])
    } else {
        strings.text("titles", "articles").to_owned()
    };
    (title, String::new())
}

#[derive(Serialize)]
struct PageLink {
    number: usize,
    path: String,
    current: bool,
    /// Stands for the pages left out between its neighbours (shown as "…").
    gap: bool,
}

/// Pages either side of the current one that the pager links to.
const PAGER_REACH: usize = 2;

/// The pager of list page `current` of `total`: the first and last pages, and those
/// within `PAGER_REACH` of the current one, with a gap wherever pages are left out.
/// (Linking every page would make each list page grow with the site: 1,000 list pages
/// would carry a million links between them.)
fn page_links(current: usize, total: usize) -> Vec<PageLink> {
    let near = current.saturating_sub(PAGER_REACH).max(1)..=(current + PAGER_REACH).min(total);
    let mut shown: Vec<usize> = std::iter::once(1).chain(near).chain(std::iter::once(total)).collect();
    shown.dedup();
    let mut links = Vec::new();
    for k in shown {
        if let Some(last) = links.last().map(|l: &PageLink| l.number)
            && k > last + 1
        {
            // A gap of one page is shown as that page: "…" would hide no more than a number.
            if k == last + 2 {
                links.push(PageLink { number: k - 1, path: routes::article_list(k - 1), current: false, gap: false });
            } else {
                links.push(PageLink { number: 0, path: String::new(), current: false, gap: true });
            }
        }
        links.push(PageLink { number: k, path: routes::article_list(k), current: k == current, gap: false });
    }
    links
}

pub(super) fn actors(fill: Fill<'_>, actors: Range<ActorIx>) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    ctx.insert_value("sides", sides(site, summaries, actors));
    (site.strings.text("titles", "actors").to_owned(), String::new())
}

pub(super) fn topics(fill: Fill<'_>, topics: Range<TopicIx>) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    ctx.insert_value("topics", summaries.topics[topics].to_vec().into());
    (site.strings.text("titles", "topics").to_owned(), String::new())
}

pub(super) fn topic(
    fill: Fill<'_>,
    ix: TopicIx,
    articles: &[ArticleIx],
    proposals: &[ProposalIx],
    points: &[(ProposalIx, usize)],
) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let t = &site.topics[ix];
    ctx.insert_value("topic", summaries.topics[ix].clone());
    ctx.insert_value("articles", summaries.articles_of(site, articles.iter().copied()).into());
    ctx.insert_value("proposals", summaries.proposals_of(proposals).into());
    let points: Vec<Value> = points.iter().map(|(p, pt)| point_ref(site, summaries, *p, *pt)).collect();
    ctx.insert_value("points", points.into());
    (t.name.clone(), fill_in(site.strings.text("titles", "topic_description"), &[("topic", &t.name)]))
}

#[derive(Serialize)]
struct Group {
    status: &'static str,
    label: String,
    proposals: Vec<Value>,
}

/// Proposals grouped by status: live ones first, those without a status last.
fn proposal_groups(site: &Site, summaries: &Summaries, proposals: Range<ProposalIx>) -> Value {
    let mut order: Vec<(Option<Status>, usize)> = proposals.map(|i| (site.proposals[i].fields.status, i)).collect();
    order.sort_by_key(|(s, i)| (s.is_none(), *s, site.proposals[*i].id.clone()));
    let mut groups: Vec<Group> = Vec::new();
    for (status, ix) in order {
        let strings = &site.strings;
        let (key, label) =
            status.map_or(("", strings.text("groups", "no_status")), |s| (s.as_str(), strings.status(s)));
        match groups.last_mut() {
            Some(g) if g.status == key => g.proposals.push(summaries.proposals[ix].clone()),
            _ => groups.push(Group {
                status: key,
                label: label.to_owned(),
                proposals: vec![summaries.proposals[ix].clone()],
            }),
        }
    }
    to_value(&groups)
}

#[derive(Serialize)]
struct Side {
    side: String,
    label: String,
    actors: Vec<Value>,
}

/// Actors grouped by side: sides by label, actors without a side last, names sorted.
fn sides(site: &Site, summaries: &Summaries, actors: Range<ActorIx>) -> Value {
    let mut order: Vec<usize> = actors.collect();
    order.sort_by_key(|i| {
        let a = &site.actors[*i];
        let side = a.fields.side.as_deref().unwrap_or("");
        (side.is_empty(), site.strings.side(side), a.fields.name.to_lowercase(), a.id.clone())
    });
    let mut out: Vec<Side> = Vec::new();
    for ix in order {
        let side = site.actors[ix].fields.side.clone().unwrap_or_default();
        match out.last_mut() {
            Some(s) if s.side == side => s.actors.push(summaries.actors[ix].clone()),
            _ => {
                let label = if side.is_empty() {
                    site.strings.text("groups", "no_side").to_owned()
                } else {
                    site.strings.side(&side)
                };
                out.push(Side { side, label, actors: vec![summaries.actors[ix].clone()] });
            }
        }
    }
    to_value(&out)
}

#[derive(Serialize)]
struct Publisher {
    publisher: String,
    sources: Vec<Value>,
}

/// Every source, grouped by publisher: publishers sorted by name (ignoring case), those
/// without one last; sources by title within a group.
pub(super) fn sources(fill: Fill<'_>, sources: Range<SourceIx>) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let mut order: Vec<SourceIx> = sources.collect();
    let publisher = |i: &SourceIx| site.sources[*i].fields.publisher.clone().unwrap_or_default();
    order.sort_by_key(|i| {
        let s = &site.sources[*i];
        (publisher(i).is_empty(), publisher(i).to_lowercase(), s.fields.title.to_lowercase(), s.id.clone())
    });
    let mut groups: Vec<Publisher> = Vec::new();
    for ix in order {
        let name = publisher(&ix);
        match groups.last_mut() {
            Some(g) if g.publisher == name => g.sources.push(summaries.sources[ix].clone()),
            _ => groups.push(Publisher { publisher: name, sources: vec![summaries.sources[ix].clone()] }),
        }
    }
    ctx.insert_value("publishers", to_value(&groups));
    ("Sources".to_owned(), String::new())
}

/// Every dated article and proposal, oldest first, grouped by month (the first `limit`
/// of each): `[{label, entries}]`.
pub(super) fn timeline(
    fill: Fill<'_>,
    articles: Range<ArticleIx>,
    proposals: Range<ProposalIx>,
    limit: usize,
) -> (String, String) {
    let Fill { site, summaries, ctx } = fill;
    let mut entries: Vec<(When, u8, &str, Value)> = Vec::new();
    for i in articles.take(limit) {
        let a = &site.articles[i];
        entries.push((a.fields.date, 1, &a.id, summaries.timeline_entry(site, i)));
    }
    let dated = proposals.map(|i| &site.proposals[i]).filter(|p| p.fields.date.is_some());
    for p in dated.take(limit) {
        if let (Some(date), Some(entry)) = (p.fields.date, timeline_proposal(p, &site.strings)) {
            entries.push((date, 0, &p.id, entry));
        }
    }
    entries.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let mut months: Vec<(When, Vec<Value>)> = Vec::new();
    for (when, _, _, entry) in entries {
        let month = |w: &When| (w.date().year(), w.date().month());
        match months.last_mut() {
            Some((last, list)) if month(last) == month(&when) => list.push(entry),
            _ => months.push((when, vec![entry])),
        }
    }
    let months: Vec<Value> = months
        .into_iter()
        .map(|(when, entries)| {
            let label = site.strings.month_year(&when);
            let month: std::collections::BTreeMap<&'static str, Value> =
                [("label", Value::from(label)), ("entries", Value::from(entries))].into();
            Value::from(month)
        })
        .collect();
    ctx.insert_value("months", Value::from(months));
    (site.strings.text("titles", "timeline").to_owned(), String::new())
}

#[cfg(test)]
mod tests {
    use super::page_links;

    /// The pager as text: numbers, `[n]` for the current page, `…` for a gap.
    fn pager(current: usize, total: usize) -> String {
        let shown: Vec<String> = page_links(current, total)
            .iter()
            .map(|l| match (l.gap, l.current) {
                (true, _) => "…".to_owned(),
                (false, true) => format!("[{}]", l.number),
                (false, false) => l.number.to_string(),
            })
            .collect();
        shown.join(" ")
    }

    #[test]
    fn the_pager_links_the_ends_and_the_pages_near_the_current_one() {
        assert_eq!(pager(1, 1), "[1]");
        assert_eq!(pager(2, 3), "1 [2] 3");
        assert_eq!(pager(1, 7), "[1] 2 3 … 7");
        assert_eq!(pager(4, 7), "1 2 3 [4] 5 6 7");
        assert_eq!(pager(5, 9), "1 2 3 4 [5] 6 7 8 9");
        assert_eq!(pager(50, 991), "1 … 48 49 [50] 51 52 … 991");
        assert_eq!(pager(991, 991), "1 … 989 990 [991]");
        // Every page's pager is the same size however long the list grows.
        assert_eq!(page_links(500, 100_000).len(), page_links(500, 1_000).len());
    }
}
