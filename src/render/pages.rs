//! Every HTML page of the site: which template renders it, at which path, with which
//! values (see docs/templates.md for the names templates receive).

use serde::Serialize;
use tera::{Context, Value};

use super::routes;
use super::views::{self, Shared, StanceView, to_value};
use crate::model::{Changes, Point, Proposal, Site};
use crate::vocab::{Status, When};

/// One page to render.
#[derive(Debug, Clone, Copy)]
pub enum Page {
    Index,
    ArticleList(usize),
    Article(usize),
    Actors,
    Actor(usize),
    Proposals,
    Proposal(usize),
    Topics,
    Topic(usize),
    Timeline,
    NotFound,
}

/// All pages of the site, in a fixed order.
pub fn all(site: &Site) -> Vec<Page> {
    let mut pages = vec![Page::Index, Page::Actors, Page::Proposals, Page::Topics, Page::Timeline, Page::NotFound];
    pages.extend((1..=list_pages(site)).map(Page::ArticleList));
    pages.extend((0..site.articles.len()).map(Page::Article));
    pages.extend((0..site.actors.len()).map(Page::Actor));
    pages.extend((0..site.proposals.len()).map(Page::Proposal));
    pages.extend((0..site.topics.len()).map(Page::Topic));
    pages
}

/// Whether two versions of a site have the same pages at the same files, in the same
/// order (what `all` lists and `Page::file` names), without making every file name:
/// as `routes` names them, items by id and topics by slug. (The preview server's test
/// that an edited date leaves the served site equal to a fresh build guards this.)
pub fn same_files(a: &Site, b: &Site) -> bool {
    fn same<T>(a: &[T], b: &[T], key: impl Fn(&T) -> &str) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
    }
    list_pages(a) == list_pages(b)
        && same(&a.articles, &b.articles, |x| &x.id)
        && same(&a.actors, &b.actors, |x| &x.id)
        && same(&a.proposals, &b.proposals, |x| &x.id)
        && same(&a.topics, &b.topics, |x| &x.slug)
}

/// How much of a page's lists its context holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    Whole,
    /// A few entries of the lists that hold every article (the timeline): enough for
    /// `check` to run each part of the template, in constant time.
    Sample,
}

/// Entries of each kind on a sampled page.
const SAMPLE: usize = 20;

/// One page of each kind that the site has, each the smallest of its kind (for
/// `check`, which renders these to find template errors without rendering everything).
pub fn one_of_each_kind(site: &Site) -> Vec<Page> {
    fn smallest<T>(items: &[T], size: impl Fn(&T) -> usize) -> Option<usize> {
        (0..items.len()).min_by_key(|i| size(&items[*i]))
    }
    let mut pages = vec![
        Page::Index,
        Page::ArticleList(1),
        Page::Actors,
        Page::Proposals,
        Page::Topics,
        Page::Timeline,
        Page::NotFound,
    ];
    pages.extend(smallest(&site.articles, |a| a.fields.body.len()).map(Page::Article));
    pages.extend(smallest(&site.actors, |a| a.articles.len() + a.quotes.len()).map(Page::Actor));
    pages.extend(smallest(&site.proposals, |p| p.articles.len() + p.points.len()).map(Page::Proposal));
    pages.extend(smallest(&site.topics, |t| t.articles.len()).map(Page::Topic));
    pages
}

/// The items of the model a page shows, by index into the site's lists. The preview
/// server renders a page again after an edit when it shows other items than before,
/// or when one of them changed. Mirrors what `Page::fill` puts in the context.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reads {
    pub articles: Vec<usize>,
    pub actors: Vec<usize>,
    pub proposals: Vec<usize>,
    pub topics: Vec<usize>,
}

impl Reads {
    fn clear(&mut self) {
        self.articles.clear();
        self.actors.clear();
        self.proposals.clear();
        self.topics.clear();
    }
}

impl Page {
    /// Long pages first: 0 for the kinds that list many articles each, 1 for the rest.
    pub fn length_rank(self) -> u8 {
        match self {
            Page::Topic(_) | Page::Proposal(_) | Page::Actor(_) | Page::Timeline => 0,
            _ => 1,
        }
    }

    /// What the page shows (see `Reads`), into lists kept from an earlier call: the
    /// preview server asks this of every page, twice, after each edit.
    pub fn reads_into(self, site: &Site, r: &mut Reads) {
        r.clear();
        match self {
            Page::Index => {
                r.articles.extend(0..site.articles.len().min(10));
                r.actors.extend(0..site.actors.len());
                r.proposals.extend(0..site.proposals.len());
            }
            Page::ArticleList(n) => {
                let per = site.config.articles_per_page.max(1);
                r.articles.extend((n - 1) * per..(n * per).min(site.articles.len()));
            }
            Page::Article(i) => {
                let a = &site.articles[i];
                r.articles.extend(i.saturating_sub(1)..(i + 2).min(site.articles.len()));
                r.actors.extend(a.actors.iter().copied().chain(a.quotes.iter().map(|q| q.actor)));
                r.proposals.extend_from_slice(&a.proposals);
            }
            Page::Actors => r.actors.extend(0..site.actors.len()),
            Page::Actor(i) => {
                let a = &site.actors[i];
                r.actors.push(i);
                r.articles.extend(a.articles.iter().copied().chain(a.quotes.iter().map(|(art, _)| *art)));
                r.proposals.extend(a.sponsored.iter().copied().chain(a.positions.iter().map(|(p, _, _)| *p)));
            }
            Page::Proposals => {
                r.proposals.extend(0..site.proposals.len());
                r.actors.extend(0..site.actors.len());
            }
            Page::Proposal(i) => {
                let p = &site.proposals[i];
                let against = p.changes.as_ref().map(|c| &site.proposals[c.against]);
                let points = p.points.iter().chain(against.into_iter().flat_map(|o| o.points.iter()));
                r.proposals.extend(
                    [Some(i), p.supersedes, p.superseded_by, p.changes.as_ref().map(|c| c.against)]
                        .into_iter()
                        .flatten()
                        .chain(p.lineage.iter().copied()),
                );
                r.actors.extend_from_slice(&p.sponsors);
                for point in points {
                    r.actors.extend(point.positions.iter().map(|(a, _)| *a));
                    r.topics.extend(point.topic);
                }
                r.articles.extend_from_slice(&p.articles);
            }
            Page::Topics => r.topics.extend(0..site.topics.len()),
            Page::Topic(i) => {
                let t = &site.topics[i];
                r.topics.push(i);
                r.articles.extend_from_slice(&t.articles);
                r.proposals.extend_from_slice(&t.proposals);
            }
            Page::Timeline => {
                r.articles.extend(0..site.articles.len());
                r.proposals.extend(0..site.proposals.len());
            }
            Page::NotFound => {}
        }
    }
}

fn list_pages(site: &Site) -> usize {
    site.articles.len().div_ceil(site.config.articles_per_page.max(1)).max(1)
}

impl Page {
    pub fn template(self) -> &'static str {
        match self {
            Page::Index => "index.html",
            Page::ArticleList(_) => "articles.html",
            Page::Article(_) => "article.html",
            Page::Actors => "actors.html",
            Page::Actor(_) => "actor.html",
            Page::Proposals => "proposals.html",
            Page::Proposal(_) => "proposal.html",
            Page::Topics => "topics.html",
            Page::Topic(_) => "topic.html",
            Page::Timeline => "timeline.html",
            Page::NotFound => "404.html",
        }
    }

    fn kind(self) -> &'static str {
        self.template().trim_end_matches(".html")
    }

    /// The page's path relative to the site root (`""` for the front page).
    pub fn path(self, site: &Site) -> String {
        match self {
            Page::Index | Page::NotFound => String::new(),
            Page::ArticleList(n) => routes::article_list(n),
            Page::Article(i) => routes::article(&site.articles[i]),
            Page::Actors => "actors/".to_owned(),
            Page::Actor(i) => routes::actor(&site.actors[i]),
            Page::Proposals => "proposals/".to_owned(),
            Page::Proposal(i) => routes::proposal(&site.proposals[i]),
            Page::Topics => "topics/".to_owned(),
            Page::Topic(i) => routes::topic(&site.topics[i]),
            Page::Timeline => "timeline/".to_owned(),
        }
    }

    /// The output file this page is written to.
    pub fn file(self, site: &Site) -> String {
        match self {
            Page::NotFound => "404.html".to_owned(),
            _ => routes::file_of(&self.path(site)),
        }
    }

    /// Everything the template receives, with its lists whole or (to try a template)
    /// sampled.
    pub fn context(self, site: &Site, shared: &Shared, extent: Extent) -> Context {
        let path = self.path(site);
        let mut ctx = Context::new();
        let root = match self {
            Page::NotFound => base_path(&site.config.base_url),
            _ => routes::root_of(&path),
        };
        ctx.insert_value("site", shared.site.clone());
        ctx.insert("root", &root);
        // A not-found page stands in for many URLs: it has no canonical one.
        let canonical = match self {
            Page::NotFound => String::new(),
            _ => format!("{}{}", site.config.base_url, path),
        };
        ctx.insert("canonical", &canonical);
        ctx.insert("page_path", &path);
        ctx.insert("kind", self.kind());
        let (title, description) = self.fill(site, shared, &mut ctx, extent);
        ctx.insert("page_title", &title);
        let description = if description.is_empty() { site.config.description.clone() } else { description };
        ctx.insert("description", &description);
        ctx
    }

    /// Inserts the page's own values; returns its title and meta description.
    fn fill(self, site: &Site, shared: &Shared, ctx: &mut Context, extent: Extent) -> (String, String) {
        match self {
            Page::Index => {
                ctx.insert_value(
                    "latest",
                    shared.articles_of(&(0..site.articles.len().min(10)).collect::<Vec<_>>()).into(),
                );
                ctx.insert_value("proposal_groups", proposal_groups(site, shared));
                ctx.insert_value("sides", sides(site, shared));
                ctx.insert(
                    "counts",
                    &Counts {
                        articles: site.articles.len(),
                        actors: site.actors.len(),
                        proposals: site.proposals.len(),
                        topics: site.topics.len(),
                    },
                );
                (site.config.title.clone(), String::new())
            }
            Page::ArticleList(n) => {
                let per = site.config.articles_per_page.max(1);
                let total = list_pages(site);
                let range: Vec<usize> = ((n - 1) * per..(n * per).min(site.articles.len())).collect();
                ctx.insert_value("articles", shared.articles_of(&range).into());
                let pages = page_links(n, total);
                let pagination = Pagination {
                    current: n,
                    total,
                    prev: if n > 1 { routes::article_list(n - 1) } else { String::new() },
                    next: if n < total { routes::article_list(n + 1) } else { String::new() },
                    pages,
                };
                ctx.insert("pagination", &pagination);
                let title = if n > 1 { format!("Articles, page {n} of {total}") } else { "Articles".to_owned() };
                (title, String::new())
            }
            Page::Article(i) => article(site, shared, ctx, i),
            Page::Actors => {
                ctx.insert_value("sides", sides(site, shared));
                ("Actors".to_owned(), String::new())
            }
            Page::Actor(i) => actor(site, shared, ctx, i),
            Page::Proposals => {
                let mut order: Vec<usize> = (0..site.proposals.len()).collect();
                order.sort_by(|a, b| {
                    let (pa, pb) = (&site.proposals[*a], &site.proposals[*b]);
                    pb.fields
                        .date
                        .is_some()
                        .cmp(&pa.fields.date.is_some())
                        .then(pb.fields.date.cmp(&pa.fields.date))
                        .then(pa.id.cmp(&pb.id))
                });
                let list: Vec<Value> = order.iter().map(|ix| proposal_listing(site, shared, *ix)).collect();
                ctx.insert_value("proposals", list.into());
                ("Proposals".to_owned(), String::new())
            }
            Page::Proposal(i) => proposal(site, shared, ctx, i),
            Page::Topics => {
                ctx.insert_value("topics", shared.topics.clone().into());
                ("Topics".to_owned(), String::new())
            }
            Page::Topic(i) => {
                let t = &site.topics[i];
                ctx.insert_value("topic", shared.topics[i].clone());
                ctx.insert_value("articles", shared.articles_of(&t.articles).into());
                ctx.insert_value("proposals", shared.proposals_of(&t.proposals).into());
                (t.name.clone(), format!("Articles on {}", t.name))
            }
            Page::Timeline => {
                ctx.insert_value("months", timeline(site, shared, extent));
                ("Timeline".to_owned(), String::new())
            }
            Page::NotFound => ("Page not found".to_owned(), String::new()),
        }
    }
}

/// The path part of `base_url` (`/` or `/briefing/`), for the 404 page's links.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) if base_url.contains("://") => after_scheme[i..].to_owned(),
        _ if base_url.starts_with('/') => base_url.to_owned(),
        _ => "/".to_owned(),
    }
}

#[derive(Serialize)]
struct Counts {
    articles: usize,
    actors: usize,
    proposals: usize,
    topics: usize,
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

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    prev: String,
    next: String,
    pages: Vec<PageLink>,
}

#[derive(Serialize)]
struct Group {
    status: &'static str,
    label: &'static str,
    proposals: Vec<Value>,
}

fn proposal_groups(site: &Site, shared: &Shared) -> Value {
    let mut order: Vec<(Option<Status>, usize)> =
        site.proposals.iter().enumerate().map(|(i, p)| (p.fields.status, i)).collect();
    // Live proposals first; proposals without a status last.
    order.sort_by_key(|(s, i)| (s.is_none(), *s, site.proposals[*i].id.clone()));
    let mut groups: Vec<Group> = Vec::new();
    for (status, ix) in order {
        let (key, label) = status.map_or(("", "No status"), |s| (s.as_str(), s.label()));
        match groups.last_mut() {
            Some(g) if g.status == key => g.proposals.push(shared.proposals[ix].clone()),
            _ => groups.push(Group { status: key, label, proposals: vec![shared.proposals[ix].clone()] }),
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
fn sides(site: &Site, shared: &Shared) -> Value {
    let mut order: Vec<usize> = (0..site.actors.len()).collect();
    order.sort_by_key(|i| {
        let a = &site.actors[*i];
        let side = a.fields.side.as_deref().unwrap_or("");
        (side.is_empty(), routes::side_label(side), a.fields.name.to_lowercase(), a.id.clone())
    });
    let mut out: Vec<Side> = Vec::new();
    for ix in order {
        let side = site.actors[ix].fields.side.clone().unwrap_or_default();
        match out.last_mut() {
            Some(s) if s.side == side => s.actors.push(shared.actors[ix].clone()),
            _ => {
                let label = if side.is_empty() { "Other".to_owned() } else { routes::side_label(&side) };
                out.push(Side { side, label, actors: vec![shared.actors[ix].clone()] });
            }
        }
    }
    to_value(&out)
}

#[derive(Serialize)]
struct SourceView<'a> {
    title: &'a str,
    publisher: &'a str,
    url: &'a str,
    date: String,
    date_display: String,
}

#[derive(Serialize)]
struct QuoteView<'a> {
    actor: Value,
    text: &'a str,
    context: &'a str,
}

#[derive(Serialize)]
struct ArticleView<'a> {
    #[serde(flatten)]
    summary: Value,
    body: &'a str,
    actors: Vec<Value>,
    proposals: Vec<Value>,
    quotes: Vec<QuoteView<'a>>,
    sources: Vec<SourceView<'a>>,
    extra: &'a serde_json::Value,
}

fn article(site: &Site, shared: &Shared, ctx: &mut Context, i: usize) -> (String, String) {
    let a = &site.articles[i];
    let view = ArticleView {
        summary: shared.articles[i].clone(),
        body: &a.fields.body,
        actors: shared.actors_of(&a.actors),
        proposals: shared.proposals_of(&a.proposals),
        quotes: a
            .quotes
            .iter()
            .map(|q| QuoteView {
                actor: shared.actors[q.actor].clone(),
                text: &q.fields.text,
                context: q.fields.context.as_deref().unwrap_or(""),
            })
            .collect(),
        sources: a
            .fields
            .sources
            .iter()
            .map(|s| SourceView {
                title: &s.title,
                publisher: s.publisher.as_deref().unwrap_or(""),
                url: s.url.as_deref().unwrap_or(""),
                date: s.date.map(|d| d.ymd()).unwrap_or_default(),
                date_display: s.date.map(|d| d.display()).unwrap_or_default(),
            })
            .collect(),
        extra: &a.fields.extra,
    };
    ctx.insert("article", &view);
    // The list is newest first: the newer neighbour comes before.
    ctx.insert_value("newer", if i > 0 { shared.articles[i - 1].clone() } else { Value::none() });
    ctx.insert_value("older", shared.articles.get(i + 1).cloned().unwrap_or_else(Value::none));
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

#[derive(Serialize)]
struct ActorQuote<'a> {
    text: &'a str,
    context: &'a str,
    article: Value,
}

#[derive(Serialize)]
struct PositionView<'a> {
    proposal: Value,
    point_id: &'a str,
    point_title: &'a str,
    path: String,
    #[serde(flatten)]
    stance: StanceView,
}

fn actor(site: &Site, shared: &Shared, ctx: &mut Context, i: usize) -> (String, String) {
    let a = &site.actors[i];
    let view = ActorView {
        reference: shared.actors[i].clone(),
        aliases: &a.fields.aliases,
        summary: a.fields.summary.as_deref().unwrap_or(""),
        bio: &a.fields.bio,
        extra: &a.fields.extra,
    };
    ctx.insert("actor", &view);
    ctx.insert_value("articles", shared.articles_of(&a.articles).into());
    let quotes: Vec<ActorQuote<'_>> = a
        .quotes
        .iter()
        .map(|(art, q)| {
            let quote = &site.articles[*art].quotes[*q];
            ActorQuote {
                text: &quote.fields.text,
                context: quote.fields.context.as_deref().unwrap_or(""),
                article: shared.articles[*art].clone(),
            }
        })
        .collect();
    ctx.insert("quotes", &quotes);
    ctx.insert_value("proposals", shared.proposals_of(&a.sponsored).into());
    let positions: Vec<PositionView<'_>> = a
        .positions
        .iter()
        .map(|(p, pt, stance)| {
            let proposal = &site.proposals[*p];
            let point = &proposal.points[*pt];
            PositionView {
                proposal: shared.proposals[*p].clone(),
                point_id: &point.fields.id,
                point_title: &point.fields.title,
                path: format!("{}#{}", routes::proposal(proposal), point.fields.id),
                stance: StanceView::of(Some(*stance)),
            }
        })
        .collect();
    ctx.insert("positions", &positions);
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
}

fn proposal_listing(site: &Site, shared: &Shared, ix: usize) -> Value {
    let p = &site.proposals[ix];
    to_value(&Listing {
        reference: shared.proposals[ix].clone(),
        summary: p.fields.summary.as_deref().unwrap_or(""),
        sponsors: shared.actors_of(&p.sponsors),
        supersedes: shared.proposal_opt(p.supersedes),
        superseded_by: shared.proposal_opt(p.superseded_by),
        point_count: p.points.len(),
    })
}

#[derive(Serialize)]
struct PositionCell {
    actor: Value,
    #[serde(flatten)]
    stance: StanceView,
}

#[derive(Serialize)]
struct PointView<'a> {
    id: &'a str,
    title: &'a str,
    text: &'a str,
    topic: Value,
    positions: Vec<PositionCell>,
}

fn point_view<'a>(point: &'a Point, shared: &Shared) -> PointView<'a> {
    PointView {
        id: &point.fields.id,
        title: &point.fields.title,
        text: &point.fields.text,
        topic: point.topic.map_or_else(Value::none, |t| shared.topics[t].clone()),
        positions: point
            .positions
            .iter()
            .map(|(a, s)| PositionCell { actor: shared.actors[*a].clone(), stance: StanceView::of(Some(*s)) })
            .collect(),
    }
}

#[derive(Serialize)]
struct ProposalView<'a> {
    #[serde(flatten)]
    listing: Value,
    description: &'a str,
    extra: &'a serde_json::Value,
    points: Vec<PointView<'a>>,
}

#[derive(Serialize)]
struct MatrixRow<'a> {
    point_id: &'a str,
    point_title: &'a str,
    cells: Vec<StanceView>,
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
struct ChangedPoint<'a> {
    id: &'a str,
    before: PointView<'a>,
    after: PointView<'a>,
}

#[derive(Serialize)]
struct ChangesView<'a> {
    against: Value,
    added: Vec<PointView<'a>>,
    removed: Vec<PointView<'a>>,
    changed: Vec<ChangedPoint<'a>>,
    unchanged: usize,
}

fn matrix<'a>(p: &'a Proposal, shared: &Shared) -> Matrix<'a> {
    let mut actors: Vec<usize> = p.points.iter().flat_map(|pt| pt.positions.iter().map(|(a, _)| *a)).collect();
    actors.sort_unstable();
    actors.dedup();
    let rows = p
        .points
        .iter()
        .map(|pt| MatrixRow {
            point_id: &pt.fields.id,
            point_title: &pt.fields.title,
            cells: actors
                .iter()
                .map(|a| StanceView::of(pt.positions.iter().find(|(x, _)| x == a).map(|(_, s)| *s)))
                .collect(),
        })
        .collect();
    Matrix { actors: shared.actors_of(&actors), rows }
}

fn changes<'a>(site: &'a Site, new: &'a Proposal, c: &Changes, shared: &Shared) -> ChangesView<'a> {
    let old = &site.proposals[c.against];
    ChangesView {
        against: shared.proposals[c.against].clone(),
        added: c.added.iter().map(|i| point_view(&new.points[*i], shared)).collect(),
        removed: c.removed.iter().map(|i| point_view(&old.points[*i], shared)).collect(),
        changed: c
            .changed
            .iter()
            .map(|(o, n)| ChangedPoint {
                id: &new.points[*n].fields.id,
                before: point_view(&old.points[*o], shared),
                after: point_view(&new.points[*n], shared),
            })
            .collect(),
        unchanged: c.unchanged,
    }
}

fn proposal(site: &Site, shared: &Shared, ctx: &mut Context, i: usize) -> (String, String) {
    let p = &site.proposals[i];
    let view = ProposalView {
        listing: proposal_listing(site, shared, i),
        description: &p.fields.description,
        extra: &p.fields.extra,
        points: p.points.iter().map(|pt| point_view(pt, shared)).collect(),
    };
    ctx.insert("proposal", &view);
    ctx.insert("matrix", &matrix(p, shared));
    let lineage: Vec<LineageEntry> = p
        .lineage
        .iter()
        .map(|ix| LineageEntry { reference: shared.proposals[*ix].clone(), current: *ix == i })
        .collect();
    ctx.insert("lineage", &lineage);
    match &p.changes {
        Some(c) => ctx.insert("changes", &changes(site, p, c, shared)),
        None => ctx.insert_value("changes", Value::none()),
    }
    ctx.insert_value("articles", shared.articles_of(&p.articles).into());
    (p.fields.title.clone(), p.fields.summary.clone().unwrap_or_default())
}

/// Every dated article and proposal, oldest first, grouped by month (with `Sample`, a
/// few of each): `[{label, entries}]`, the entries being the shared ones.
fn timeline(site: &Site, shared: &Shared, extent: Extent) -> Value {
    let limit = match extent {
        Extent::Whole => usize::MAX,
        Extent::Sample => SAMPLE,
    };
    // The entries the preview server keeps, or made here.
    let kept = shared.kept.as_ref();
    let mut entries: Vec<(When, u8, &str, Value)> = Vec::new();
    for (i, a) in site.articles.iter().enumerate().take(limit) {
        let entry = kept.map_or_else(|| views::timeline_article(a), |k| k.timeline_articles[i].clone());
        entries.push((a.fields.date, 1, &a.id, entry));
    }
    let dated = site.proposals.iter().enumerate().filter(|(_, p)| p.fields.date.is_some());
    for (i, p) in dated.take(limit) {
        let entry = kept.map_or_else(|| views::timeline_proposal(p), |k| k.timeline_proposals[i].clone());
        if let (Some(date), Some(entry)) = (p.fields.date, entry) {
            entries.push((date, 0, &p.id, entry));
        }
    }
    entries.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    let mut months: Vec<(String, Vec<Value>)> = Vec::new();
    for (when, _, _, entry) in entries {
        let label = when.month_label();
        match months.last_mut() {
            Some((last, list)) if *last == label => list.push(entry),
            _ => months.push((label, vec![entry])),
        }
    }
    let months: Vec<Value> = months
        .into_iter()
        .map(|(label, entries)| {
            let month: std::collections::BTreeMap<&'static str, Value> =
                [("label", Value::from(label)), ("entries", Value::from(entries))].into();
            Value::from(month)
        })
        .collect();
    Value::from(months)
}

#[cfg(test)]
mod tests {
    use super::{base_path, page_links};

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

    #[test]
    fn base_path_is_the_path_of_base_url() {
        assert_eq!(base_path("https://example.org/"), "/");
        assert_eq!(base_path("https://example.org/briefing/"), "/briefing/");
        assert_eq!(base_path("/"), "/");
    }
}
