//! Stage 4: render. The model becomes the site's files, in memory; nothing here
//! touches the disk. Steps:
//! 1. compile the theme's templates once (`templates`);
//! 2. build the summaries that lists share, each once (`views`);
//! 3. render every page in parallel, each with the values of what it shows (`pages`);
//! 4. write the feed, sitemap, search index and open data (`feeds`);
//! 5. add the theme's static files.

mod changes;
mod data;
mod diff;
mod feeds;
pub(crate) mod pages;
mod routes;
mod share;
pub mod templates;
mod views;

use rayon::prelude::*;

pub(crate) use pages::Page;

use crate::diagnostic::Diagnostic;
use crate::model::{ArticleIx, ItemFlags, Site};
use crate::theme::Theme;
use views::Summaries;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutputFile {
    /// Relative to the output folder, `/`-separated.
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
}

impl OutputFile {
    fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile { path: path.into(), bytes: bytes.into() }
    }
}

/// Why rendering stopped.
#[derive(Debug)]
pub(crate) enum RenderError<E> {
    /// Template errors, each distinct one once.
    Templates(Vec<Diagnostic>),
    /// A file could not be put where it goes (a disk error, when writing as we go).
    Output(E),
}

/// Templates compiled and summaries built for one site: renders any of its pages.
pub(crate) struct Renderer {
    tera: tera::Tera,
    summaries: Summaries,
}

impl Renderer {
    /// A renderer for one build or check. Fails on a template error, or on a static
    /// file that would replace a generated one.
    pub(crate) fn new(site: &Site, theme: &Theme) -> Result<Renderer, Vec<Diagnostic>> {
        Renderer::with(site, theme, false)
    }

    /// A renderer for a site that is edited while it runs (the preview server): it keeps
    /// the parts made from each article, and follows the model (`follow`).
    pub(crate) fn keeping(site: &Site, theme: &Theme) -> Result<Renderer, Vec<Diagnostic>> {
        Renderer::with(site, theme, true)
    }

    fn with(site: &Site, theme: &Theme, keep: bool) -> Result<Renderer, Vec<Diagnostic>> {
        let clashes = static_clashes(site, theme);
        if !clashes.is_empty() {
            return Err(clashes);
        }
        let tera = templates::compile(theme)?;
        Ok(Renderer { tera, summaries: Summaries::new(site, keep) })
    }

    /// Follows `site`, a new model of the same site with the same pages, in which
    /// article `i` is as it was where `same(i)`; says which items' summaries changed
    /// (see `Summaries::follow`).
    pub(crate) fn follow(&mut self, site: &Site, same: &(dyn Fn(ArticleIx) -> bool + Sync)) -> ItemFlags {
        self.summaries.follow(site, same)
    }

    /// Follows `site`, whose article `ix` was patched (`Site::patch_article`): nothing
    /// else changed, so only that article's summary and parts are made again.
    pub(crate) fn follow_article(&mut self, site: &Site, ix: ArticleIx) {
        self.summaries.follow_article(site, ix);
    }

    /// One page, or its template error.
    pub(crate) fn page(&self, site: &Site, theme: &Theme, page: Page) -> Result<OutputFile, Diagnostic> {
        let ctx = page.context(site, &self.summaries);
        // Most pages are tens of kilobytes: start big rather than grow the buffer.
        let mut html = Vec::with_capacity(64 * 1024);
        self.tera
            .render_to(page.template(), &ctx, &mut html)
            .map_err(|e| templates::diagnostic(theme, &e, Some(&page.path(site))))?;
        Ok(OutputFile::new(page.file(site), html))
    }

    /// Every file of the site, each handed to `put` as soon as it is ready (so a big
    /// site never sits in memory whole); returns how many files and pages there were.
    pub(crate) fn render_all<E: Send>(
        &self,
        site: &Site,
        theme: &Theme,
        put: impl Fn(OutputFile) -> Result<(), E> + Sync,
    ) -> Result<(usize, usize), RenderError<E>> {
        self.summaries.make_all(site);
        let pages = pages::all(site);
        let order = render_order(&pages);
        // The feed, sitemap, search index and data files are built on the side while
        // the pages render, and handed over at once so that their memory is free for
        // the pages (if a page then fails, the caller throws the whole output away).
        let (results, others) = rayon::join(
            || {
                order
                    .par_iter()
                    .map(|page| {
                        let file = self.page(site, theme, *page).map_err(|d| RenderError::Templates(vec![d]))?;
                        put(file).map_err(RenderError::Output)
                    })
                    .collect::<Vec<Result<(), RenderError<E>>>>()
            },
            || self.each_other_file(site, theme, &pages, &put).map_err(RenderError::Output),
        );
        let mut errors = Vec::new();
        for r in results {
            match r {
                Ok(()) => {}
                Err(RenderError::Templates(d)) => errors.extend(d),
                Err(output_error) => return Err(output_error),
            }
        }
        if !errors.is_empty() {
            // One broken template fails every page that uses it: show each distinct error once.
            errors.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
            errors.dedup_by(|a, b| a.path == b.path && a.position == b.position);
            return Err(RenderError::Templates(errors));
        }
        Ok((pages.len() + others?, pages.len()))
    }

    /// The feed, sitemap, robots.txt, search index, open data and the theme's static
    /// files, sorted by path.
    pub(crate) fn others(&self, site: &Site, theme: &Theme) -> Vec<OutputFile> {
        let files = std::sync::Mutex::new(Vec::new());
        let keep = |file: OutputFile| -> Result<(), std::convert::Infallible> {
            files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(file);
            Ok(())
        };
        let Ok(_) = self.each_other_file(site, theme, &pages::all(site), &keep);
        let mut files = files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }

    /// The files of `others`, each handed to `put` as soon as it is made: a big site's
    /// data files are megabytes each, and none waits in memory for the others. Returns
    /// how many there were.
    fn each_other_file<E: Send>(
        &self,
        site: &Site,
        theme: &Theme,
        pages: &[Page],
        put: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
    ) -> Result<usize, E> {
        let kept = self.summaries.kept.as_ref().map(|k| k.article_json(site));
        let kept = kept.as_deref();
        let give = |path: &str, text: String| put(OutputFile::new(path, text));
        let (feeds, data) = rayon::join(
            || -> Result<(), E> {
                give("atom.xml", feeds::atom(site))?;
                give("changes.xml", changes::atom(site))?;
                let sitemap_pages: Vec<(String, Option<String>)> = pages
                    .iter()
                    .filter(|p| !matches!(p, Page::NotFound | Page::Redirect(_)) && !p.noindex(site))
                    .map(|p| {
                        let lastmod = match p {
                            Page::Article(i) => Some(site.articles[*i].fields.date.ymd()),
                            _ => None,
                        };
                        (p.path(site), lastmod)
                    })
                    .collect();
                give("sitemap.xml", feeds::sitemap(site, &sitemap_pages))?;
                give("robots.txt", feeds::robots(site))?;
                let (json, script) = feeds::search_index(site, kept);
                give("search-index.json", json)?;
                give("search-index.js", script)
            },
            || {
                feeds::open_data(site, kept, &mut |path, json| give(path, json))?;
                data::files(site, &mut |path, text| give(path, text))
            },
        );
        feeds?;
        data?;
        // A static file never replaces a generated one (`static_clashes` makes it an error).
        let generated: std::collections::HashSet<String> =
            pages.iter().map(|p| p.file(site)).chain(GENERATED.map(String::from)).collect();
        let mut count = GENERATED.len();
        for (path, bytes) in &theme.static_files {
            if !generated.contains(path) {
                put(OutputFile::new(path.clone(), bytes.clone()))?;
                count += 1;
            }
        }
        Ok(count)
    }
}

/// Renders the whole site (see `Renderer::render_all`).
pub(crate) fn render<E: Send>(
    site: &Site,
    theme: &Theme,
    put: impl Fn(OutputFile) -> Result<(), E> + Sync,
) -> Result<(usize, usize), RenderError<E>> {
    Renderer::new(site, theme).map_err(RenderError::Templates)?.render_all(site, theme, put)
}

/// The feed alone (what an edit to an article's text changes besides its page).
pub(crate) fn feed(site: &Site) -> OutputFile {
    OutputFile::new("atom.xml", feeds::atom(site))
}

/// `pages` in the order `render_all` renders them. The long pages (topics, proposals,
/// actors, the timeline list hundreds or thousands of articles) go first, so that the
/// threads end together on short article pages rather than one waiting while the
/// other renders a long one.
fn render_order(pages: &[Page]) -> Vec<Page> {
    let mut order = pages.to_vec();
    order.sort_by_key(|page| page.length_rank());
    order
}

/// The files of the site's pages, in the order `render_all` renders them.
pub(crate) fn page_files(site: &Site) -> Vec<String> {
    render_order(&pages::all(site)).into_iter().map(|page| page.file(site)).collect()
}

/// Every file a build writes for `site` but the items' own (`Site::attachments`): its
/// pages, the generated files and the static files.
pub(crate) fn files_written(site: &Site, theme: &Theme) -> Vec<String> {
    let pages = pages::all(site).into_iter().map(|page| page.file(site));
    let statics = theme.static_files.iter().map(|(path, _)| path.clone());
    pages.chain(GENERATED.map(String::from)).chain(statics).collect()
}

/// The files that are not pages and not the theme's own.
const GENERATED: [&str; 16] = [
    "atom.xml",
    "changes.xml",
    "sitemap.xml",
    "robots.txt",
    "search-index.json",
    "search-index.js",
    feeds::ARTICLES_JSON,
    feeds::ACTORS_JSON,
    feeds::PROPOSALS_JSON,
    data::SOURCES_JSON,
    data::STANCES_JSON,
    data::CSV_FILES[0],
    data::CSV_FILES[1],
    data::CSV_FILES[2],
    data::CSV_FILES[3],
    data::CSV_FILES[4],
];

/// Whether a build of the site at `root` could have written a file at `path` (relative
/// to the output): a page, a generated file, a data file, or a static file of the theme
/// or the site. Recognizes an output written before builds kept a manifest.
pub(crate) fn could_have_written(root: &std::path::Path) -> impl Fn(&str) -> bool + Sync + use<> {
    let mut statics: std::collections::HashSet<String> =
        crate::theme::BUILT_IN_STATIC.iter().map(|(name, _)| (*name).to_owned()).collect();
    let folder = root.join("static");
    for entry in walkdir::WalkDir::new(&folder).into_iter().flatten() {
        if entry.file_type().is_file() {
            statics.insert(crate::fs::relative(&folder, entry.path()));
        }
    }
    // The files beside items in folders of their own, by kind and file name: published
    // at `KIND/ID/…/NAME`, the id not known before the items are read.
    let mut beside: std::collections::HashSet<(String, String)> = std::collections::HashSet::new();
    for kind in crate::vocab::Kind::ALL {
        let folder = root.join("content").join(kind.folder());
        for entry in walkdir::WalkDir::new(&folder).min_depth(2).into_iter().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().is_file() && crate::read::content_stem(&name).is_none() {
                beside.insert((kind.folder().to_owned(), name));
            }
        }
    }
    move |path: &str| {
        let attached = || {
            let (kind, rest) = path.split_once('/')?;
            let name = rest.contains('/').then(|| rest.rsplit('/').next())??;
            Some(beside.contains(&(kind.to_owned(), name.to_owned())))
        };
        path.ends_with(".html")
            || GENERATED.contains(&path)
            || (path.starts_with("data/") && (path.ends_with(".json") || path.ends_with(".csv")))
            || statics.contains(path)
            || attached().unwrap_or(false)
    }
}

/// An error for each of the site's static files that has the path of a generated file
/// (a page, the feed, robots.txt …), naming both. (The built-in theme's never do.)
fn static_clashes(site: &Site, theme: &Theme) -> Vec<Diagnostic> {
    let statics: std::collections::HashSet<&str> = theme.static_files.iter().map(|(path, _)| path.as_str()).collect();
    let mut clashes: Vec<String> =
        GENERATED.iter().filter(|g| statics.contains(**g)).map(|g| (*g).to_owned()).collect();
    // Every page is an `index.html` (or `404.html`): only then is it worth listing them.
    if statics.iter().any(|path| path.ends_with(".html")) {
        clashes.extend(pages::all(site).iter().map(|p| p.file(site)).filter(|file| statics.contains(file.as_str())));
    }
    clashes.sort();
    clashes
        .into_iter()
        .map(|file| {
            Diagnostic::error(format!("static/{file}"), format!("this file would replace the generated `{file}`"))
                .with_hint(format!("briefing writes `{file}` itself: rename or remove this one"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Renderer, Summaries, pages, templates};
    use crate::model::{ItemFlags, ItemIx, Site};
    use crate::pipeline::{Options, load};
    use crate::theme::Theme;

    /// A renderer with the summaries of the items `shown` flags alone.
    fn only(site: &Site, theme: &Theme, shown: &ItemFlags) -> Renderer {
        Renderer { tera: templates::compile(theme).unwrap(), summaries: Summaries::only(site, shown) }
    }

    /// What a page shows is said once (`Page::shows`), and the preview server renders a
    /// page again when one of those items changes: so a page must show no other. Every
    /// page of the demo briefing (and the sampled timeline) renders the same with the
    /// summaries of the items it shows alone, the others left none.
    #[test]
    fn a_page_renders_the_same_with_only_the_summaries_of_what_it_shows() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let loaded = load(&Options { root, ..Options::default() }).unwrap_or_else(|e| panic!("{e:?}"));
        let (site, theme) = (&loaded.site, &loaded.theme);
        let everything = Renderer::new(site, theme).unwrap();
        let none = ItemFlags {
            articles: vec![false; site.articles.len()],
            actors: vec![false; site.actors.len()],
            proposals: vec![false; site.proposals.len()],
            topics: vec![false; site.topics.len()],
            sources: vec![false; site.sources.len()],
        };
        let mut pages = pages::all(site);
        pages.extend(pages::one_of_each_kind(site));
        for page in pages {
            let mut shown = none.clone();
            page.shows(site).each(site, |item| match item {
                ItemIx::Article(i) => shown.articles[i] = true,
                ItemIx::Actor(i) => shown.actors[i] = true,
                ItemIx::Proposal(i) => shown.proposals[i] = true,
                ItemIx::Topic(i) => shown.topics[i] = true,
                ItemIx::Source(i) => shown.sources[i] = true,
            });
            let want = everything.page(site, theme, page).unwrap();
            let got = only(site, theme, &shown).page(site, theme, page).unwrap();
            assert!(got.bytes == want.bytes, "{page:?} differs: {}", want.path);
        }
        // Not a test that cannot fail: a page left without summaries renders otherwise.
        for page in [pages::Page::Index, pages::Page::Article(0), pages::Page::Proposal(0), pages::Page::Topic(0)] {
            let bare = only(site, theme, &none).page(site, theme, page).map(|f| f.bytes).ok();
            assert_ne!(bare, Some(everything.page(site, theme, page).unwrap().bytes), "{page:?}");
        }
    }
}
