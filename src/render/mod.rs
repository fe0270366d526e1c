//! Stage 4: render. The model becomes the site's files, in memory; nothing here
//! touches the disk. Steps:
//! 1. compile the theme's templates once (`templates`);
//! 2. build the shared summaries once (`views`);
//! 3. render every page in parallel (`pages`);
//! 4. write the feed, sitemap, search index and open data (`feeds`);
//! 5. add the theme's static files.

pub mod feeds;
pub mod pages;
pub mod routes;
pub mod templates;
pub mod views;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::model::Site;
use crate::theme::Theme;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl OutputFile {
    fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile { path: path.into(), bytes: bytes.into() }
    }
}

/// Why rendering stopped.
#[derive(Debug)]
pub enum RenderError {
    /// Template errors, each distinct one once.
    Templates(Vec<Diagnostic>),
    /// A file could not be put where it goes (a disk error, when writing as we go).
    Output(Error),
}

/// Templates compiled and summaries built for one site: renders any of its pages.
pub struct Renderer {
    tera: tera::Tera,
    shared: views::Shared,
}

impl Renderer {
    pub fn new(site: &Site, theme: &Theme) -> Result<Renderer, RenderError> {
        Renderer::with(site, theme, views::Shared::new(site))
    }

    /// Fails on a static file that would replace a generated one, as on a template error.
    fn with(site: &Site, theme: &Theme, shared: views::Shared) -> Result<Renderer, RenderError> {
        let clashes = static_clashes(site, theme);
        if !clashes.is_empty() {
            return Err(RenderError::Templates(clashes));
        }
        let tera = templates::compile(theme).map_err(RenderError::Templates)?;
        Ok(Renderer { tera, shared })
    }

    /// A renderer for `pages` alone: it summarizes only the articles they show (as
    /// `Page::reads_into` tells), not every article of the site. The timeline makes
    /// its own entries.
    pub fn for_pages(site: &Site, theme: &Theme, pages: &[pages::Page]) -> Result<Renderer, RenderError> {
        let mut shown = vec![false; site.articles.len()];
        let mut reads = pages::Reads::default();
        for page in pages.iter().filter(|p| !matches!(p, pages::Page::Timeline)) {
            page.reads_into(site, &mut reads);
            for &i in &reads.articles {
                shown[i] = true;
            }
        }
        Renderer::with(site, theme, views::Shared::with_articles(site, |i| shown[i]))
    }

    /// Builds the shared summaries again for `site`, a new model of `old_site` with the
    /// same pages (the templates stay compiled); returns the old ones, and which changed.
    pub fn reshare(&mut self, old_site: &Site, site: &Site) -> (views::Shared, views::Changed) {
        let (shared, changed) = views::Shared::renew(&self.shared, old_site, site);
        (std::mem::replace(&mut self.shared, shared), changed)
    }

    /// Makes article `ix`'s summary again after an edit to what it shows alone (see
    /// `views::Shared::patch_article`).
    pub fn patch_article(&mut self, site: &Site, ix: usize) {
        self.shared.patch_article(site, ix);
    }

    /// Keeps what the preview server reuses after an edit (see `views::Shared::renew`).
    pub fn keep_parts(&mut self, site: &Site) {
        self.shared.keep_parts(site);
    }

    pub fn shared(&self) -> &views::Shared {
        &self.shared
    }

    /// One page, or its template error.
    pub fn page(&self, site: &Site, theme: &Theme, page: pages::Page) -> Result<OutputFile, Diagnostic> {
        self.page_in(site, theme, page, pages::Extent::Whole)
    }

    /// One page with its lists whole or sampled (see `pages::Extent`).
    pub fn page_in(
        &self,
        site: &Site,
        theme: &Theme,
        page: pages::Page,
        extent: pages::Extent,
    ) -> Result<OutputFile, Diagnostic> {
        let ctx = page.context(site, &self.shared, extent);
        // Most pages are tens of kilobytes: start big rather than grow the buffer.
        let mut html = Vec::with_capacity(64 * 1024);
        self.tera
            .render_to(page.template(), &ctx, &mut html)
            .map_err(|e| templates::diagnostic(theme, &e, Some(&page.path(site))))?;
        Ok(OutputFile::new(page.file(site), html))
    }
}

/// Renders the whole site, handing each file to `put` as soon as it is ready (so a
/// big site never sits in memory whole); returns how many files and pages there were.
pub fn render<P>(site: &Site, theme: &Theme, put: P) -> Result<(usize, usize), RenderError>
where
    P: Fn(OutputFile) -> Result<(), Error> + Sync,
{
    Renderer::new(site, theme)?.render_all(site, theme, put)
}

impl Renderer {
    /// Every file of the site; see [`render`].
    pub fn render_all<P>(&self, site: &Site, theme: &Theme, put: P) -> Result<(usize, usize), RenderError>
    where
        P: Fn(OutputFile) -> Result<(), Error> + Sync,
    {
        let renderer = self;
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
                        let file = renderer.page(site, theme, *page).map_err(|d| RenderError::Templates(vec![d]))?;
                        put(file).map_err(RenderError::Output)
                    })
                    .collect::<Vec<Result<(), RenderError>>>()
            },
            || each_other_file(site, theme, &pages, None, &put).map_err(RenderError::Output),
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
}

/// `pages` in the order `render_all` renders them. The long pages (topics, proposals,
/// actors, the timeline list hundreds or thousands of articles) go first, so that the
/// threads end together on short article pages rather than one waiting while the
/// other renders a long one.
pub fn render_order(pages: &[pages::Page]) -> Vec<pages::Page> {
    let mut order = pages.to_vec();
    order.sort_by_key(|page| page.length_rank());
    order
}

/// Feed, sitemap, robots.txt, search index, open data and the theme's static files,
/// sorted by path.
pub fn other_files(
    site: &Site,
    theme: &Theme,
    pages: &[pages::Page],
    shared: Option<&views::Shared>,
) -> Vec<OutputFile> {
    let files = std::sync::Mutex::new(Vec::new());
    let keep = |file: OutputFile| -> Result<(), std::convert::Infallible> {
        files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(file);
        Ok(())
    };
    let Ok(_) = each_other_file(site, theme, pages, shared, &keep);
    let mut files = files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The files that are not pages and not the theme's own.
const GENERATED: [&str; 8] = [
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
    "search-index.json",
    "search-index.js",
    feeds::ARTICLES_JSON,
    feeds::ACTORS_JSON,
    feeds::PROPOSALS_JSON,
];

/// Whether a build of the site at `root` could have written a file at `path` (relative
/// to the output): a page, a generated file, a data file, or a static file of the theme
/// or the site. Recognizes an output written before builds kept a manifest.
pub fn could_have_written(root: &std::path::Path) -> impl Fn(&str) -> bool + Sync + use<> {
    let mut statics: std::collections::HashSet<String> =
        crate::theme::BUILT_IN_STATIC.iter().map(|(name, _)| (*name).to_owned()).collect();
    let folder = root.join("static");
    for entry in walkdir::WalkDir::new(&folder).into_iter().flatten() {
        if entry.file_type().is_file() {
            statics.insert(crate::fs::relative(&folder, entry.path()));
        }
    }
    move |path: &str| {
        path.ends_with(".html")
            || GENERATED.contains(&path)
            || (path.starts_with("data/") && path.ends_with(".json"))
            || statics.contains(path)
    }
}

/// An error for each of the site's static files that has the path of a generated file
/// (a page, the feed, robots.txt …), naming both. (The built-in theme's never do.)
pub fn static_clashes(site: &Site, theme: &Theme) -> Vec<Diagnostic> {
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

/// The files of `other_files`, each handed to `put` as soon as it is made: a big
/// site's data files are megabytes each, and none waits in memory for the others.
/// Returns how many there were.
pub fn each_other_file<E: Send>(
    site: &Site,
    theme: &Theme,
    pages: &[pages::Page],
    shared: Option<&views::Shared>,
    put: &(dyn Fn(OutputFile) -> Result<(), E> + Sync),
) -> Result<usize, E> {
    let kept = shared.and_then(|s| s.kept.as_ref()).map(|k| &k.article_json[..]);
    let give = |path: &str, text: String| put(OutputFile::new(path, text));
    let (feeds, data) = rayon::join(
        || -> Result<(), E> {
            give("atom.xml", feeds::atom(site))?;
            let sitemap_pages: Vec<(String, Option<String>)> = pages
                .iter()
                .filter(|p| !matches!(p, pages::Page::NotFound))
                .map(|p| {
                    let lastmod = match p {
                        pages::Page::Article(i) => Some(site.articles[*i].fields.date.ymd()),
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
        || feeds::open_data(site, kept, &mut |path, json| give(path, json)),
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

#[cfg(test)]
mod tests {
    use super::{Renderer, pages};
    use crate::pipeline::{Options, load};

    /// `Renderer::for_pages` relies on `Page::reads_into` naming every article a page
    /// shows: any page of the demo briefing renders the same with the summaries of
    /// those articles alone as with all of them, whole or sampled.
    #[test]
    fn a_page_renders_the_same_with_only_the_summaries_it_reads() {
        let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let loaded = load(&Options { root, ..Options::default() }).unwrap_or_else(|e| panic!("{e:?}"));
        let (site, theme) = (&loaded.site, &loaded.theme);
        let everything = Renderer::new(site, theme).unwrap();
        let mut pages = pages::all(site);
        pages.extend(pages::one_of_each_kind(site));
        for page in pages {
            let alone = Renderer::for_pages(site, theme, &[page]).unwrap();
            for extent in [pages::Extent::Whole, pages::Extent::Sample] {
                let want = everything.page_in(site, theme, page, extent).unwrap();
                let got = alone.page_in(site, theme, page, extent).unwrap();
                assert!(got.bytes == want.bytes, "{page:?} ({extent:?}) differs: {}", want.path);
            }
        }
        // Not a test that cannot fail: a page left without summaries renders otherwise.
        let bare = Renderer::for_pages(site, theme, &[]).unwrap();
        let index = pages::Page::ArticleList(1);
        assert_ne!(
            bare.page_in(site, theme, index, pages::Extent::Whole).map(|f| f.bytes).ok(),
            Some(everything.page_in(site, theme, index, pages::Extent::Whole).unwrap().bytes)
        );
    }
}
