//! The rebuild side of the preview server: the last good build kept whole (model,
//! compiled templates, what every file parsed to), so that an edit to an article
//! re-renders only the pages that show something that changed: for an edit to its text
//! alone, its page and the feed. An edit to what it shows patches it into the model; an
//! edit to what it refers to makes the model again from what every file parsed to.
//! Anything else is a full rebuild; either way the result is what `build` would write.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::Snapshot;
use crate::fs;
use crate::model::Site;
use crate::parse::markdown::{self, Bodies, Outline};
use crate::parse::{self, ArticleRecord, Data, Record, front_matter};
use crate::pipeline::{self, Failure, Options, ParsedSite};
use crate::render::pages::{self, Page, Reads};
use crate::render::{self, OutputFile, RenderError, Renderer, feeds, views};
use crate::theme::Theme;
use crate::vocab::{Format, Kind};

struct Built {
    site: Site,
    theme: Theme,
    renderer: Renderer,
    /// The files and what each one parsed to, to redo the model after an edit.
    parsed: ParsedSite,
    /// The files that the build's warnings are about.
    warned: HashSet<String>,
}

/// What a rebuild gave.
pub(super) enum Outcome {
    /// The whole site, and the warnings to print.
    Full(Snapshot, String),
    /// Only these files were rendered again (some may be unchanged), with the warnings
    /// when they were worked out again.
    Partial(Vec<OutputFile>, Option<String>),
    /// The content is wrong: the report to show.
    Failed(String),
}

pub(super) struct Live {
    options: Options,
    root: PathBuf,
    built: Option<Built>,
}

impl Live {
    pub(super) fn new(options: Options) -> Live {
        let root = std::path::absolute(&options.root).unwrap_or_else(|_| options.root.clone());
        let root = root.canonicalize().unwrap_or(root);
        Live { options, root, built: None }
    }

    /// Rebuilds after `changed` paths changed (empty: build everything). An edit to one
    /// article is worked in; anything else, or an edit that breaks something, is a full
    /// rebuild (which also reports the problems).
    pub(super) fn rebuild(&mut self, changed: &[PathBuf]) -> Outcome {
        // Editors and tools save through temporary files (`sed -i`, atomic renames):
        // one that came and went under content/ was never part of the site.
        let known = |path: &PathBuf| {
            let rel = fs::relative(&self.root, path);
            let source = self.built.as_ref().is_some_and(|b| b.parsed.sources.items.iter().any(|f| f.path == rel));
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
        let (loaded, parsed) = match pipeline::load_keeping_parsed(&self.options) {
            Ok(x) => x,
            Err(Failure::Content(d)) => return Outcome::Failed(d.render()),
            Err(Failure::Error(e)) => return Outcome::Failed(format!("error: {e}\n")),
        };
        let mut renderer = match Renderer::new(&loaded.site, &loaded.theme) {
            Ok(r) => r,
            Err(e) => return Outcome::Failed(failure_text(e, &loaded.warnings.render())),
        };
        let files = std::sync::Mutex::new(HashMap::new());
        let collect = |f: OutputFile| {
            files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(f.path, Arc::from(f.bytes));
            Ok(())
        };
        if let Err(e) = renderer.render_all(&loaded.site, &loaded.theme, collect) {
            return Outcome::Failed(failure_text(e, &loaded.warnings.render()));
        }
        renderer.keep_parts(&loaded.site);
        let warnings = loaded.warnings.render();
        let warned = loaded.warnings.iter().map(|d| d.path.clone()).collect();
        self.built = Some(Built { site: loaded.site, theme: loaded.theme, renderer, parsed, warned });
        Outcome::Full(Snapshot { files: files.into_inner().unwrap_or_default() }, warnings)
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
        let html = built.site.config.html;
        let before = markdown::render(&old[old_split.body], html);
        let after = markdown::render(&new[new_split.body.clone()], html);
        if !same_references(&before.outline, &after.outline) || !after.outline.unsafe_urls.is_empty() {
            return None;
        }
        let ix = built.site.articles.iter().position(|a| a.source == *rel)?;
        let Some(Record { data: Data::Article(record), .. }) = &mut built.parsed.items[file_ix].record else {
            return None;
        };
        // What was parsed follows the edit, for the next edit that redoes the model.
        Arc::make_mut(&mut record.fields).body = after.html;
        built.parsed.sources.items[file_ix].text = new.to_owned();
        built.site.patch_article(ix, record);
        let page = built.renderer.page(&built.site, &built.theme, Page::Article(ix)).ok()?;
        let feed = OutputFile { path: "atom.xml".to_owned(), bytes: feeds::atom(&built.site).into_bytes() };
        Some(vec![page, feed])
    }

    /// Any other edit to one article: that file is parsed again and the model redone
    /// from what every file parsed to; then only the pages that show something that
    /// changed are rendered again, with the feeds and data files. Falls back to a full
    /// rebuild when the edit adds or removes pages, or has errors.
    fn article_edit(&mut self, file_ix: usize, text: String) -> Option<Outcome> {
        let built = self.built.as_mut()?;
        if built.parsed.sources.items[file_ix].kind != Kind::Article {
            return None;
        }
        let mut file = built.parsed.sources.items[file_ix].clone();
        file.text = text;
        let bodies = Bodies { mode: built.parsed.config.html, write_html: true };
        let item = parse::parse_item(file_ix, &file, bodies);
        item.record.as_ref()?;
        let old_item = std::mem::replace(&mut built.parsed.items[file_ix], item);
        let old_file = std::mem::replace(&mut built.parsed.sources.items[file_ix], file);
        if let Some(ix) = built.patchable(file_ix, &old_item) {
            // A template that fails on the new values: the full rebuild reports it.
            return built.patch(ix, file_ix).map(|files| Outcome::Partial(files, None));
        }
        let (site, diagnostics) = built.parsed.model(&self.options);
        let Some(site) = site.filter(|site| pages::same_files(&built.site, site)) else {
            built.parsed.items[file_ix] = old_item;
            built.parsed.sources.items[file_ix] = old_file;
            return None;
        };
        let (old_shared, changed) = built.renderer.reshare(&built.site, &site);
        let views::Changed { mut articles, actors, proposals, topics } = changed;
        // The edited article's page shows more than its summary.
        let rel = &built.parsed.sources.items[file_ix].path;
        if let Some(ix) = site.articles.iter().position(|a| a.source == *rel) {
            articles[ix] = true;
        }
        let any = |flags: &[bool], ixs: &[usize]| ixs.iter().any(|i| flags[*i]);
        let pages = pages::all(&site);
        let stale: Vec<Page> = pages
            .par_iter()
            .map_init(
                || (Reads::default(), Reads::default()),
                |(before, after), page| {
                    page.reads_into(&built.site, before);
                    page.reads_into(&site, after);
                    let stale = before != after
                        || any(&articles, &after.articles)
                        || any(&actors, &after.actors)
                        || any(&proposals, &after.proposals)
                        || any(&topics, &after.topics);
                    stale.then_some(*page)
                },
            )
            .flatten()
            .collect();
        let (renderer, theme) = (&built.renderer, &built.theme);
        let (rendered, others) = rayon::join(
            || stale.par_iter().map(|page| renderer.page(&site, theme, *page)).collect::<Result<Vec<_>, _>>(),
            || render::other_files(&site, theme, &pages, Some(renderer.shared())),
        );
        // The old model is big: let it go off the path to the reload.
        built.warned = diagnostics.iter().map(|d| d.path.clone()).collect();
        let old_site = std::mem::replace(&mut built.site, site);
        pipeline::let_go((old_site, old_shared));
        match rendered {
            Ok(mut files) => {
                files.extend(others);
                Some(Outcome::Partial(files, Some(diagnostics.render())))
            }
            // A template that fails on the new values: the full rebuild reports it.
            Err(_) => None,
        }
    }

    pub(super) fn root(&self) -> &Path {
        &self.root
    }
}

impl Built {
    /// Whether the edit that turned `old` into what file `file_ix` parsed to now changed
    /// only what one article shows (its title, summary, location, sources, the words of
    /// its quotes, its other fields, its text), not whom or what it refers to, where it
    /// sorts, or what links to it can find: then nothing but that article differs in
    /// the model, and it is patched rather than made again. Also not when the file has
    /// warnings, which might read differently. Returns the article's index.
    fn patchable(&self, file_ix: usize, old: &parse::ParsedItem) -> Option<usize> {
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
        let refers_alike = old_meta.id == meta.id && same_shape(was, now);
        if !quiet || !refers_alike {
            return None;
        }
        self.site.articles.iter().position(|a| a.source == *path)
    }

    /// Puts the new values of article `ix` (from file `file_ix`) into the model, and
    /// renders again the pages that show it, with the feeds and data files.
    fn patch(&mut self, ix: usize, file_ix: usize) -> Option<Vec<OutputFile>> {
        let Some(Record { data: Data::Article(now), .. }) = &self.parsed.items[file_ix].record else { return None };
        self.site.patch_article(ix, now);
        self.renderer.patch_article(&self.site, ix);
        let (site, renderer, theme) = (&self.site, &self.renderer, &self.theme);
        let pages = pages::all(site);
        let stale: Vec<Page> = pages
            .par_iter()
            .map_init(Reads::default, |reads, page| {
                page.reads_into(site, reads);
                reads.articles.contains(&ix).then_some(*page)
            })
            .flatten()
            .collect();
        let (rendered, others) = rayon::join(
            || stale.par_iter().map(|page| renderer.page(site, theme, *page)).collect::<Result<Vec<_>, _>>(),
            || render::other_files(site, theme, &pages, Some(renderer.shared())),
        );
        let mut files = rendered.ok()?;
        files.extend(others);
        Some(files)
    }
}

/// Whether two versions of an article refer to the same items in the same order (front
/// matter, quotes, links in the text), sort alike (date, draft) and offer the same
/// anchors, so that every relation in the model is as it was.
fn same_shape(a: &ArticleRecord, b: &ArticleRecord) -> bool {
    let same_ids = |x: &[parse::Ref], y: &[parse::Ref]| x.iter().map(|r| &r.id).eq(y.iter().map(|r| &r.id));
    let same_speakers = |x: &ArticleRecord, y: &ArticleRecord| {
        x.quotes.iter().map(|q| &q.actor.id).eq(y.quotes.iter().map(|q| &q.actor.id))
    };
    a.fields.date == b.fields.date
        && a.draft == b.draft
        && a.topics == b.topics
        && same_ids(&a.actors, &b.actors)
        && same_ids(&a.proposals, &b.proposals)
        && same_speakers(a, b)
        && same_references(&a.body, &b.body)
        && b.body.unsafe_urls.is_empty()
        && !b.body.too_deep
        && !b.body.too_much_html
}

/// Same links (targets and fragments) and same heading anchors: nothing outside the
/// article's own page can tell the two bodies apart.
fn same_references(a: &Outline, b: &Outline) -> bool {
    let key = |r: &Outline| r.links.iter().map(|l| (l.kind, l.id.clone(), l.fragment.clone())).collect::<Vec<_>>();
    a.anchors == b.anchors && key(a) == key(b)
}

fn failure_text(error: RenderError, warnings: &str) -> String {
    match error {
        RenderError::Templates(errors) => {
            let mut d = crate::diagnostic::Diagnostics::new();
            d.extend(errors);
            format!("{warnings}{}", d.render())
        }
        RenderError::Output(e) => format!("error: {e}\n"),
    }
}
