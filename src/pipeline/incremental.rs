//! The preview server's rebuilds: the last good build kept whole (model, renderer, what
//! every file parsed to), so that an edit to an article renders again only the pages
//! that show something that changed. An edit to its text alone changes its page and
//! the feed. An edit to what it shows is patched into the model (`Site::patch_article`);
//! an edit to what it refers to makes the model again from what every file parsed to.
//! Either way the renderer keeps the summaries of the articles that are as they were,
//! and a page is rendered again when it shows other items than before (`Shows`) or one
//! whose summary changed. Anything else is a full rebuild; the result is always what
//! `build` would write.

use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use super::{Failure, Loaded, Options, ParsedSite, let_go, read_and_parse};
use crate::diagnostic::Diagnostics;
use crate::fs;
use crate::model::{ItemFlags, ItemIx, Site};
use crate::parse::files::Base;
use crate::parse::markdown::{self, Bodies, Outline};
use crate::parse::{self, ArticleRecord, Data, ParsedItem, Record, Ref, SourceEntry, front_matter};
use crate::read::Keep;
use crate::render::{self, OutputFile, Page, RenderError, Renderer, pages};
use crate::theme::Theme;
use crate::vocab::{Format, Kind};

/// Every file of a build, by output path (`articles/x/index.html`).
pub(crate) type Files = HashMap<String, Arc<[u8]>>;

/// What a rebuild gave.
pub(crate) enum Outcome {
    /// The whole site, and the warnings to print.
    Full(Files, String),
    /// Only these files were rendered again (some may be unchanged), with the warnings
    /// when they were worked out again.
    Partial(Vec<OutputFile>, Option<String>),
    /// The content is wrong: the report to show.
    Failed(String),
}

/// A site being edited, and its last good build.
pub(crate) struct Session {
    options: Options,
    root: PathBuf,
    built: Option<Built>,
}

struct Built {
    site: Site,
    theme: Theme,
    renderer: Renderer,
    /// The files and what each one parsed to, to redo the model after an edit.
    parsed: ParsedSite,
    /// The files that the build's warnings are about.
    warned: HashSet<String>,
}

impl Session {
    pub(crate) fn new(options: Options) -> Session {
        let root = std::path::absolute(&options.root).unwrap_or_else(|_| options.root.clone());
        let root = root.canonicalize().unwrap_or(root);
        Session { options, root, built: None }
    }

    /// The site's folder, resolved.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Rebuilds after `changed` paths changed (empty: build everything). An edit to one
    /// article is worked in; anything else, or an edit that breaks something, is a full
    /// rebuild (which also reports the problems).
    pub(crate) fn rebuild(&mut self, changed: &[PathBuf]) -> Outcome {
        // Editors and tools save through temporary files (`sed -i`, atomic renames):
        // one that came and went under content/ was never part of the site.
        let known = |path: &PathBuf| {
            let rel = fs::relative(&self.root, path);
            let source = self.built.as_ref().is_some_and(|b| {
                b.parsed.sources.items.iter().any(|f| f.path == rel)
                    || b.parsed.sources.attachments.iter().any(|a| a.path == rel)
            });
            path.exists() || source || !rel.starts_with("content/") || rel == "content/site.yaml"
        };
        let changed: Vec<PathBuf> = changed.iter().filter(|p| known(p)).cloned().collect();
        if changed.is_empty() && self.built.is_some() {
            return Outcome::Partial(Vec::new(), None);
        }
        if let [path] = &changed[..]
            && let Some((file_ix, text)) = self.edited(path)
        {
            if let Some(files) = self.body_edit(file_ix, &text) {
                return Outcome::Partial(files, None);
            }
            if let Some(outcome) = self.article_edit(file_ix, text) {
                return outcome;
            }
        }
        self.full()
    }

    fn full(&mut self) -> Outcome {
        self.built = None;
        let (parsed, theme) = match read_and_parse(&self.options, true, Keep::Texts) {
            Ok(x) => x,
            Err(failure) => return Outcome::Failed(failure_text(failure)),
        };
        let Loaded { site, theme, warnings } = match parsed.load(theme, &self.options) {
            Ok(loaded) => loaded,
            Err(failure) => return Outcome::Failed(failure_text(failure)),
        };
        let shown = warnings.render();
        let renderer = match Renderer::keeping(&site, &theme) {
            Ok(r) => r,
            Err(errors) => return Outcome::Failed(template_failure(errors, &shown)),
        };
        let files = Mutex::new(Files::new());
        let collect = |f: OutputFile| -> Result<(), Infallible> {
            files.lock().unwrap_or_else(PoisonError::into_inner).insert(f.path, Arc::from(f.bytes));
            Ok(())
        };
        match renderer.render_all(&site, &theme, collect) {
            Ok(_) => {}
            Err(RenderError::Templates(errors)) => return Outcome::Failed(template_failure(errors, &shown)),
            Err(RenderError::Output(never)) => match never {},
        }
        let attached = super::each_attachment(&site, |path, bytes| -> Result<(), crate::error::Error> {
            files.lock().unwrap_or_else(PoisonError::into_inner).insert(path.to_owned(), Arc::from(bytes));
            Ok(())
        });
        if let Err(error) = attached {
            return Outcome::Failed(failure_text(Failure::Error(error)));
        }
        let warned = warnings.iter().map(|d| d.path.clone()).collect();
        self.built = Some(Built { site, theme, renderer, parsed, warned });
        Outcome::Full(files.into_inner().unwrap_or_else(PoisonError::into_inner), shown)
    }

    /// The index of the source file at `path` (an article, actor or proposal) and its
    /// new text; none if it cannot be read (the full rebuild reports why).
    fn edited(&self, path: &Path) -> Option<(usize, String)> {
        let built = self.built.as_ref()?;
        let rel = fs::relative(&self.root, path);
        let ix = built.parsed.sources.items.iter().position(|f| f.path == rel)?;
        Some((ix, built.parsed.sources.items[ix].read_text().ok()?))
    }

    /// An edit to the text of one Markdown article that leaves its front matter, links
    /// and headings as they were changes only its page and the feed.
    fn body_edit(&mut self, file_ix: usize, new: &str) -> Option<Vec<OutputFile>> {
        let built = self.built.as_mut()?;
        let file = &built.parsed.sources.items[file_ix];
        if file.kind != Kind::Article || file.format != Format::Markdown {
            return None;
        }
        let old = &file.text;
        if *old == new {
            return Some(Vec::new());
        }
        let rel = &file.path;
        let (old_split, new_split) = (front_matter::split(rel, old).ok()?, front_matter::split(rel, new).ok()?);
        if old[old_split.yaml.clone()] != new[new_split.yaml.clone()] {
            return None;
        }
        let ix = built.site.articles.iter().position(|a| a.source == *rel)?;
        // Rendered as the parse stage renders it (`parse::records`): from its page, its
        // citations numbered after the sources its front matter lists.
        let numbering = match &built.parsed.items[file_ix].record {
            Some(Record { data: Data::Article(record), .. }) => parse::evidence::numbering(&record.source_list),
            _ => return None,
        };
        let page = format!("{}/{}/", Kind::Article.folder(), built.site.articles[ix].id);
        let base = Base { page: &page, sizes: &built.parsed.sizes, ..Base::ROOT }.beside(rel);
        let bodies = Bodies { mode: built.site.config.html, write_html: true, base };
        let before = markdown::render(&old[old_split.body], bodies, &mut numbering.clone());
        let after = markdown::render(&new[new_split.body.clone()], bodies, &mut numbering.clone());
        if !same_references(&before.outline, &after.outline) || !after.outline.unsafe_urls.is_empty() {
            return None;
        }
        let Some(Record { data: Data::Article(record), .. }) = &mut built.parsed.items[file_ix].record else {
            return None;
        };
        // What was parsed follows the edit, for the next edit that redoes the model.
        record.fields.body = after.html;
        built.parsed.sources.items[file_ix].text = new.to_owned();
        built.site.patch_article(ix, record);
        let page = built.renderer.page(&built.site, &built.theme, Page::Article(ix)).ok()?;
        Some(vec![page, render::feed(&built.site)])
    }

    /// Any other edit to one article: that file is parsed again; the article is patched
    /// into the model when it refers to the same items as before, or else the model is
    /// made again from what every file parsed to. Falls back to a full rebuild when the
    /// edit adds or removes pages, or has errors.
    fn article_edit(&mut self, file_ix: usize, text: String) -> Option<Outcome> {
        let built = self.built.as_mut()?;
        if built.parsed.sources.items[file_ix].kind != Kind::Article {
            return None;
        }
        let mut file = built.parsed.sources.items[file_ix].clone();
        file.text = text;
        let base = Base { sizes: &built.parsed.sizes, ..Base::ROOT };
        let bodies = Bodies { mode: built.parsed.config.html, write_html: true, base };
        let item = parse::parse_item(file_ix, &file, bodies);
        item.record.as_ref()?;
        let old_item = std::mem::replace(&mut built.parsed.items[file_ix], item);
        let old_file = std::mem::replace(&mut built.parsed.sources.items[file_ix], file);
        if let Some(ix) = built.patchable(file_ix, &old_item) {
            // A template that fails on the new values: the full rebuild reports it.
            return built.patch(ix, file_ix).map(|files| Outcome::Partial(files, None));
        }
        let (site, diagnostics) = built.parsed.model(&self.options, &built.theme);
        let Some(site) = site.filter(|site| same_pages(&built.site, site)) else {
            built.parsed.items[file_ix] = old_item;
            built.parsed.sources.items[file_ix] = old_file;
            return None;
        };
        let old = std::mem::replace(&mut built.site, site);
        let mut changed = built.renderer.follow(&built.site, &|i| old.articles[i] == built.site.articles[i]);
        // The edited article's page shows more than its summary.
        let rel = &built.parsed.sources.items[file_ix].path;
        if let Some(ix) = built.site.articles.iter().position(|a| a.source == *rel) {
            changed.articles[ix] = true;
        }
        let files = built.render_again(Some(&old), &changed);
        built.warned = diagnostics.iter().map(|d| d.path.clone()).collect();
        // The old model is big: let it go off the path to the reload.
        let_go(old);
        // A template that fails on the new values: the full rebuild reports it.
        Some(Outcome::Partial(files?, Some(diagnostics.render())))
    }
}

impl Built {
    /// Whether the edit that turned `old` into what file `file_ix` parsed to now changed
    /// only what one article shows (its fields, the words of its quotes), not whom or
    /// what it refers to, where it sorts, or what links to it can find: then nothing but
    /// that article differs in the model, and it is patched rather than made again. Also
    /// not when the file has warnings, which might read differently. Returns the
    /// article's index.
    fn patchable(&self, file_ix: usize, old: &ParsedItem) -> Option<usize> {
        let new = &self.parsed.items[file_ix];
        let path = &self.parsed.sources.items[file_ix].path;
        let (
            Some(Record { meta: old_meta, data: Data::Article(was) }),
            Some(Record { meta, data: Data::Article(now) }),
        ) = (&old.record, &new.record)
        else {
            return None;
        };
        let quiet = old.diagnostics.is_empty() && new.diagnostics.is_empty() && !self.warned.contains(path);
        // `publish`, `redirect_from` and `image` change what is built beside the page.
        let refers_alike = old_meta.id == meta.id && old_meta.common == meta.common && same_shape(was, now);
        if !quiet || !refers_alike {
            return None;
        }
        self.site.articles.iter().position(|a| a.source == *path)
    }

    /// Puts what file `file_ix` now shows into article `ix` of the model, and renders
    /// again the pages that show it, with the feeds and data files.
    fn patch(&mut self, ix: usize, file_ix: usize) -> Option<Vec<OutputFile>> {
        let Some(Record { data: Data::Article(now), .. }) = &self.parsed.items[file_ix].record else { return None };
        self.site.patch_article(ix, now);
        self.renderer.follow_article(&self.site, ix);
        let mut articles = vec![false; self.site.articles.len()];
        articles[ix] = true;
        self.render_again(None, &ItemFlags { articles, ..ItemFlags::default() })
    }

    /// The pages that show other items than they did in `old` (when the model was made
    /// again), or an item whose summary changed, rendered again, with the files besides
    /// pages; none if a page fails.
    fn render_again(&self, old: Option<&Site>, changed: &ItemFlags) -> Option<Vec<OutputFile>> {
        let (site, theme, renderer) = (&self.site, &self.theme, &self.renderer);
        let pages = pages::all(site);
        let shows_changed = |page: Page| {
            let mut hit = false;
            page.shows(site).each(site, |item| hit |= changed.get(item));
            hit
        };
        let stale: Vec<Page> = match old {
            Some(old) => pages
                .par_iter()
                .map_init(
                    || (Vec::new(), Vec::new()),
                    |(before, after), page| {
                        let now = reads(*page, site, after);
                        let moved = reads(*page, old, before) != now;
                        (moved || now.iter().any(|item| changed.get(*item))).then_some(*page)
                    },
                )
                .flatten()
                .collect(),
            None => pages.par_iter().copied().filter(|page| shows_changed(*page)).collect(),
        };
        let (rendered, others) = rayon::join(
            || stale.par_iter().map(|page| renderer.page(site, theme, *page)).collect::<Result<Vec<_>, _>>(),
            || renderer.others(site, theme),
        );
        let mut files = rendered.ok()?;
        files.extend(others);
        Some(files)
    }
}

/// The items `page` shows of `site`, into a list kept from an earlier call: the preview
/// server asks this of every page, twice, after an edit that made the model again.
fn reads<'r>(page: Page, site: &Site, into: &'r mut Vec<ItemIx>) -> &'r [ItemIx] {
    into.clear();
    page.shows(site).each(site, |item| into.push(item));
    into
}

/// Whether two models of a site have the same pages at the same files: the same pages
/// (as `pages::all` lists them), and at each place the same id (for a topic, slug),
/// which `routes` names an item's page after.
fn same_pages(a: &Site, b: &Site) -> bool {
    fn same<T>(a: &[T], b: &[T], key: impl Fn(&T) -> &str) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| key(x) == key(y))
    }
    pages::all(a) == pages::all(b)
        && same(&a.articles, &b.articles, |x| &x.id)
        && same(&a.actors, &b.actors, |x| &x.id)
        && same(&a.proposals, &b.proposals, |x| &x.id)
        && same(&a.topics, &b.topics, |x| &x.slug)
        && a.redirects == b.redirects
        && same(&a.sources, &b.sources, |x| &x.id)
}

/// Whether two versions of an article refer to the same items in the same order (front
/// matter, quotes, links in the text), sort alike (date, draft) and offer the same
/// anchors, so that every relation in the model is as it was.
fn same_shape(a: &ArticleRecord, b: &ArticleRecord) -> bool {
    let same_ids = |x: &[Ref], y: &[Ref]| x.iter().map(|r| &r.id).eq(y.iter().map(|r| &r.id));
    let same_speakers = |x: &ArticleRecord, y: &ArticleRecord| {
        let key = |q: &crate::parse::QuoteRecord| (q.actor.id.clone(), q.source.as_ref().map(|r| r.id.clone()));
        x.quotes.iter().map(key).eq(y.quotes.iter().map(key))
    };
    let same_sources = |x: &ArticleRecord, y: &ArticleRecord| {
        let key = |e: &SourceEntry| match e {
            SourceEntry::Item(r) => Some(r.id.clone()),
            SourceEntry::Inline(_) => None,
        };
        x.source_list.iter().map(key).eq(y.source_list.iter().map(key))
    };
    a.fields.date == b.fields.date
        && a.draft == b.draft
        && same_sources(a, b)
        && a.topics == b.topics
        && same_ids(&a.actors, &b.actors)
        && same_ids(&a.proposals, &b.proposals)
        && same_speakers(a, b)
        && same_references(&a.body, &b.body)
        && b.body.unsafe_urls.is_empty()
        && !b.body.too_deep
        && !b.body.too_much_html
}

/// Same links (targets and fragments), same links to files, same heading anchors and
/// the same sources cited in the same order: nothing outside the article's own page can
/// tell the two bodies apart, and its list of sources is as it was.
fn same_references(a: &Outline, b: &Outline) -> bool {
    let key = |r: &Outline| r.links.iter().map(|l| (l.kind, l.id.clone(), l.fragment.clone())).collect::<Vec<_>>();
    let files = |r: &Outline| r.files.iter().map(|f| f.target.clone()).collect::<Vec<_>>();
    let cited = |r: &Outline| r.citations.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    a.anchors == b.anchors && key(a) == key(b) && files(a) == files(b) && cited(a) == cited(b)
}

/// The report of a failed load, as the browser shows it.
fn failure_text(failure: Failure) -> String {
    match failure {
        Failure::Content(d) => d.render(),
        Failure::Error(e) => format!("error: {e}\n"),
    }
}

/// The report of template errors after the warnings already shown.
fn template_failure(errors: Vec<crate::diagnostic::Diagnostic>, warnings: &str) -> String {
    let mut d = Diagnostics::new();
    d.extend(errors);
    format!("{warnings}{}", d.render())
}
