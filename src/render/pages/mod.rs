//! Every HTML page of the site: which template renders it, at which path, what of the
//! model it shows (`shows`), and the values it gets (see docs/templates.md for the names
//! templates receive): the lists and the front page (`lists`), an item's own page
//! (`items`).

mod categories;
mod compare;
mod evidence;
mod items;
mod lists;
mod redirect;
mod shows;

use tera::Context;

pub(crate) use shows::Shows;

use super::routes;
use super::views::Summaries;
use crate::model::Site;

/// One page to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Page {
    Index,
    ArticleList(usize),
    Article(usize),
    Actors,
    Actor(usize),
    Proposals,
    Proposal(usize),
    /// A proposal that supersedes another beside that version, point by point.
    Compare(usize),
    Topics,
    Topic(usize),
    /// Every provision category, with how many points each has.
    Categories,
    /// The points of one category (its index in `vocab::CATEGORIES`) across proposals.
    Category(usize),
    Sources,
    Source(usize),
    Changes,
    Timeline,
    /// The timeline with a few entries of each kind: enough for `check` to run each
    /// part of its template, in constant time. Never written.
    TimelineSample,
    NotFound,
    /// The page at an old id's address (`Site::redirects`), sending readers on.
    Redirect(usize),
}

/// Entries of each kind on the sampled timeline.
const SAMPLE: usize = 20;

/// All pages of the site, in a fixed order.
pub(crate) fn all(site: &Site) -> Vec<Page> {
    let mut pages = vec![
        Page::Index,
        Page::Actors,
        Page::Proposals,
        Page::Topics,
        Page::Sources,
        Page::Changes,
        Page::Timeline,
        Page::NotFound,
    ];
    pages.extend((1..=list_pages(site)).map(Page::ArticleList));
    pages.extend((0..site.articles.len()).map(Page::Article));
    pages.extend((0..site.actors.len()).map(Page::Actor));
    pages.extend((0..site.proposals.len()).map(Page::Proposal));
    pages.extend(compared(site).map(Page::Compare));
    pages.extend((0..site.topics.len()).map(Page::Topic));
    pages.extend((0..site.redirects.len()).map(Page::Redirect));
    pages.push(Page::Categories);
    pages.extend(used_categories(site).map(Page::Category));
    pages.extend((0..site.sources.len()).map(Page::Source));
    pages
}

/// The proposals that supersede another: each has a compare page.
fn compared(site: &Site) -> impl Iterator<Item = usize> + '_ {
    (0..site.proposals.len()).filter(|p| site.proposals[*p].changes.is_some())
}

/// The categories that some point is in: each has a page.
fn used_categories(site: &Site) -> impl Iterator<Item = usize> + '_ {
    (0..site.categories.len()).filter(|c| !site.categories[*c].is_empty())
}

/// One page of each kind that the site has, each the smallest of its kind, and the
/// sampled timeline (for `check`, which renders these to find template errors without
/// rendering everything).
pub(crate) fn one_of_each_kind(site: &Site) -> Vec<Page> {
    fn smallest<T>(items: &[T], size: impl Fn(&T) -> usize) -> Option<usize> {
        (0..items.len()).min_by_key(|i| size(&items[*i]))
    }
    let mut pages = vec![
        Page::Index,
        Page::ArticleList(1),
        Page::Actors,
        Page::Proposals,
        Page::Topics,
        Page::Categories,
        Page::Sources,
        Page::Changes,
        Page::TimelineSample,
        Page::NotFound,
    ];
    pages.extend(used_categories(site).min_by_key(|c| site.categories[*c].len()).map(Page::Category));
    pages.extend(compared(site).min_by_key(|p| site.proposals[*p].points.len()).map(Page::Compare));
    pages.extend(smallest(&site.articles, |a| a.fields.body.len()).map(Page::Article));
    pages.extend(smallest(&site.actors, |a| a.articles.len() + a.quotes.len()).map(Page::Actor));
    pages.extend(smallest(&site.proposals, |p| p.articles.len() + p.points.len()).map(Page::Proposal));
    pages.extend(smallest(&site.topics, |t| t.articles.len()).map(Page::Topic));
    pages.extend((!site.redirects.is_empty()).then_some(Page::Redirect(0)));
    pages.extend(smallest(&site.sources, |s| s.articles.len()).map(Page::Source));
    pages
}

fn list_pages(site: &Site) -> usize {
    site.articles.len().div_ceil(site.config.articles_per_page.max(1)).max(1)
}

impl Page {
    /// Long pages first: 0 for the kinds that list many articles each, 1 for the rest.
    pub(crate) fn length_rank(self) -> u8 {
        match self {
            Page::Topic(_)
            | Page::Proposal(_)
            | Page::Actor(_)
            | Page::Category(_)
            | Page::Compare(_)
            | Page::Source(_)
            | Page::Changes
            | Page::Timeline
            | Page::TimelineSample => 0,
            _ => 1,
        }
    }

    pub(crate) fn template(self) -> &'static str {
        match self {
            Page::Index => "index.html",
            Page::ArticleList(_) => "articles.html",
            Page::Article(_) => "article.html",
            Page::Actors => "actors.html",
            Page::Actor(_) => "actor.html",
            Page::Proposals => "proposals.html",
            Page::Proposal(_) => "proposal.html",
            Page::Compare(_) => "compare.html",
            Page::Topics => "topics.html",
            Page::Topic(_) => "topic.html",
            Page::Categories => "categories.html",
            Page::Category(_) => "category.html",
            Page::Sources => "sources.html",
            Page::Source(_) => "source.html",
            Page::Changes => "changes.html",
            Page::Timeline | Page::TimelineSample => "timeline.html",
            Page::NotFound => "404.html",
            Page::Redirect(_) => "redirect.html",
        }
    }

    fn kind(self) -> &'static str {
        self.template().trim_end_matches(".html")
    }

    /// The page's path relative to the site root (`""` for the front page).
    pub(crate) fn path(self, site: &Site) -> String {
        match self {
            Page::Index | Page::NotFound => String::new(),
            Page::ArticleList(n) => routes::article_list(n),
            Page::Article(i) => routes::article(&site.articles[i]),
            Page::Actors => "actors/".to_owned(),
            Page::Actor(i) => routes::actor(&site.actors[i]),
            Page::Proposals => "proposals/".to_owned(),
            Page::Proposal(i) => routes::proposal(&site.proposals[i]),
            Page::Compare(i) => {
                let p = &site.proposals[i];
                let old = p.changes.as_ref().map_or(i, |c| c.against);
                routes::compare(p, &site.proposals[old].id)
            }
            Page::Topics => "topics/".to_owned(),
            Page::Topic(i) => routes::topic(&site.topics[i]),
            Page::Categories => "categories/".to_owned(),
            Page::Category(c) => routes::category(&crate::vocab::CATEGORIES[c]),
            Page::Sources => "sources/".to_owned(),
            Page::Source(i) => routes::source(&site.sources[i]),
            Page::Changes => "changes/".to_owned(),
            Page::Timeline | Page::TimelineSample => "timeline/".to_owned(),
            Page::Redirect(i) => redirect::path(&site.redirects[i]),
        }
    }

    /// Whether search engines are asked not to index it: a draft article (shown only
    /// in a build with `--drafts`) and the not-found page.
    pub(crate) fn noindex(self, site: &Site) -> bool {
        match self {
            Page::Article(i) => site.articles[i].draft,
            Page::NotFound => true,
            _ => false,
        }
    }

    /// The output file this page is written to.
    pub(crate) fn file(self, site: &Site) -> String {
        match self {
            Page::NotFound => "404.html".to_owned(),
            _ => routes::file_of(&self.path(site)),
        }
    }

    /// Everything the template receives.
    pub(crate) fn context(self, site: &Site, summaries: &Summaries) -> Context {
        let path = self.path(site);
        let mut ctx = Context::new();
        let root = match self {
            Page::NotFound => routes::base_path(&site.config.base_url),
            _ => routes::root_of(&path),
        };
        ctx.insert_value("site", summaries.site.clone());
        ctx.insert("strings", site.strings.value());
        ctx.insert("root", &root);
        // A not-found page stands in for many URLs: it has no canonical one.
        let canonical = match self {
            Page::NotFound => String::new(),
            // An old address's canonical page is the one it sends readers to.
            Page::Redirect(i) => format!("{}{}", site.config.base_url, redirect::target(site, &site.redirects[i])),
            _ => format!("{}{}", site.config.base_url, path),
        };
        ctx.insert("canonical", &canonical);
        ctx.insert("page_path", &path);
        ctx.insert("kind", self.kind());
        ctx.insert("noindex", &self.noindex(site));
        let (title, description) = fill(self.shows(site), site, summaries, &mut ctx);
        ctx.insert("page_title", &title);
        let description = if description.is_empty() { site.config.description.clone() } else { description };
        ctx.insert("description", &description);
        super::share::insert(self, site, &mut ctx);
        ctx
    }
}

/// What a page's values are made from, and where they go.
struct Fill<'a> {
    site: &'a Site,
    summaries: &'a Summaries,
    ctx: &'a mut Context,
}

/// Inserts the values of a page that shows `shows`; returns its title and meta
/// description.
fn fill(shows: Shows<'_>, site: &Site, summaries: &Summaries, ctx: &mut Context) -> (String, String) {
    let fill = Fill { site, summaries, ctx };
    match shows {
        Shows::Index { latest, proposals, actors } => lists::index(fill, latest, proposals, actors),
        Shows::ArticleList { n, total, articles } => lists::articles(fill, n, total, articles),
        Shows::Article(shows) => items::article(fill, &shows),
        Shows::Actors { actors } => lists::actors(fill, actors),
        Shows::Actor(shows) => items::actor(fill, &shows),
        // The listing of each proposal shows its sponsors: the actors.
        Shows::Proposals { proposals, actors: _ } => items::proposals(fill, proposals),
        Shows::Proposal(shows) => items::proposal(fill, &shows),
        Shows::Topics { topics } => lists::topics(fill, topics),
        Shows::Topic { ix, articles, proposals, points } => lists::topic(fill, ix, articles, proposals, points),
        Shows::Compare { ix, against, points, old } => compare::compare(fill, ix, against, points, old),
        Shows::Categories => categories::index(fill),
        Shows::Category { ix, points } => categories::category(fill, ix, points),
        Shows::Sources { sources } => lists::sources(fill, sources),
        Shows::Source(shows) => evidence::source(fill, &shows),
        Shows::Changes { .. } => {
            let Fill { site, summaries, ctx } = fill;
            crate::render::changes::page(site, summaries, ctx)
        }
        Shows::Timeline { articles, proposals, limit } => lists::timeline(fill, articles, proposals, limit),
        Shows::NotFound => (site.strings.text("titles", "not_found").to_owned(), String::new()),
        Shows::Redirect { ix, to } => redirect::fill(site, summaries, ctx, ix, to),
    }
}
