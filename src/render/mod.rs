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

/// Renders the whole site, or returns every template error.
pub fn render(site: &Site, theme: &Theme) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let tera = templates::compile(theme)?;
    let shared = views::Shared::new(site);
    let pages = pages::all(site);
    let rendered: Vec<Result<OutputFile, Diagnostic>> = pages
        .par_iter()
        .map(|page| {
            let ctx = page.context(site, &shared);
            tera.render(page.template(), &ctx)
                .map(|html| OutputFile::new(page.file(site), html))
                .map_err(|e| templates::diagnostic(theme, &e, Some(&page.path(site))))
        })
        .collect();
    let mut files = Vec::with_capacity(rendered.len() + theme.static_files.len() + 8);
    let mut errors = Vec::new();
    for r in rendered {
        match r {
            Ok(f) => files.push(f),
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        // One broken template fails every page that uses it: show each distinct error once.
        errors.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
        errors.dedup_by(|a, b| a.path == b.path && a.position == b.position);
        return Err(errors);
    }

    let sitemap_pages: Vec<(String, Option<String>)> = pages
        .iter()
        .filter(|p| !matches!(p, pages::Page::NotFound))
        .map(|p| {
            let lastmod = match p {
                pages::Page::Article(i) => Some(site.articles[*i].date.ymd()),
                _ => None,
            };
            (p.path(site), lastmod)
        })
        .collect();
    files.push(OutputFile::new("atom.xml", feeds::atom(site)));
    files.push(OutputFile::new("sitemap.xml", feeds::sitemap(site, &sitemap_pages)));
    files.push(OutputFile::new("robots.txt", feeds::robots(site)));
    let (json, script) = feeds::search_index(site);
    files.push(OutputFile::new("search-index.json", json));
    files.push(OutputFile::new("search-index.js", script));
    for (path, json) in feeds::open_data(site) {
        files.push(OutputFile::new(path, json));
    }
    for (path, bytes) in &theme.static_files {
        if !files.iter().any(|f| &f.path == path) {
            files.push(OutputFile::new(path.clone(), bytes.clone()));
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}
