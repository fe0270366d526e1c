//! The rebuild side of the preview server: the last good build kept whole (model,
//! compiled templates, sources), so that the commonest edit (an article's text) re-renders
//! only what shows it. Anything else is a full rebuild; either way the result is what
//! `build` would write.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Snapshot;
use crate::fs;
use crate::model::Site;
use crate::parse::front_matter;
use crate::parse::markdown::{self, Rendered};
use crate::pipeline::{self, Failure, Options};
use crate::read::{Format, Kind};
use crate::render::pages::Page;
use crate::render::{OutputFile, RenderError, Renderer, feeds};
use crate::theme::Theme;

struct Built {
    site: Site,
    theme: Theme,
    renderer: Renderer,
    /// Markdown articles' text by path relative to the root, to compare edits with.
    texts: HashMap<String, String>,
}

/// What a rebuild gave.
pub(super) enum Outcome {
    /// The whole site, and the warnings to print.
    Full(Snapshot, String),
    /// Only these files changed.
    Partial(Vec<OutputFile>),
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

    /// Rebuilds after `changed` paths changed (empty: build everything).
    pub(super) fn rebuild(&mut self, changed: &[PathBuf]) -> Outcome {
        if let Some(files) = self.body_edit(changed) {
            return Outcome::Partial(files);
        }
        self.full()
    }

    fn full(&mut self) -> Outcome {
        self.built = None;
        let (loaded, sources) = match pipeline::load_keeping_sources(&self.options) {
            Ok(x) => x,
            Err(Failure::Content(d)) => return Outcome::Failed(d.render()),
            Err(Failure::Fatal(m)) => return Outcome::Failed(format!("error: {m}\n")),
        };
        let renderer = match Renderer::new(&loaded.site, &loaded.theme) {
            Ok(r) => r,
            Err(e) => return Outcome::Failed(failure_text(e, &loaded.warnings.render())),
        };
        let files = std::sync::Mutex::new(HashMap::new());
        let collect = |f: OutputFile| {
            files.lock().map_err(|_| "a rendering thread failed".to_owned())?.insert(f.path, Arc::from(f.bytes));
            Ok(())
        };
        if let Err(e) = renderer.render_all(&loaded.site, &loaded.theme, collect) {
            return Outcome::Failed(failure_text(e, &loaded.warnings.render()));
        }
        let texts = sources
            .items
            .into_iter()
            .filter(|f| f.kind == Kind::Article && f.format == Format::Markdown)
            .map(|f| (f.path, f.text))
            .collect();
        let warnings = loaded.warnings.render();
        self.built = Some(Built { site: loaded.site, theme: loaded.theme, renderer, texts });
        Outcome::Full(Snapshot { files: files.into_inner().unwrap_or_default() }, warnings)
    }

    /// An edit to the text of one Markdown article that leaves its front matter, links
    /// and headings as they were changes only its page and the feed.
    fn body_edit(&mut self, changed: &[PathBuf]) -> Option<Vec<OutputFile>> {
        let [path] = changed else { return None };
        let built = self.built.as_mut()?;
        let rel = fs::relative(&self.root, path);
        let old = built.texts.get(&rel)?;
        let new = String::from_utf8(std::fs::read(path).ok()?).ok()?;
        if *old == new {
            return Some(Vec::new());
        }
        let (old_split, new_split) = (front_matter::split(&rel, old).ok()?, front_matter::split(&rel, &new).ok()?);
        if old[old_split.yaml.clone()] != new[new_split.yaml.clone()] {
            return None;
        }
        let html = built.site.config.html;
        let before = markdown::render(&old[old_split.body], html);
        let after = markdown::render(&new[new_split.body.clone()], html);
        if !same_references(&before, &after) || !after.unsafe_urls.is_empty() {
            return None;
        }
        let ix = built.site.articles.iter().position(|a| a.source == rel)?;
        built.site.articles[ix].body_html = after.html;
        built.texts.insert(rel, new);
        let page = built.renderer.page(&built.site, &built.theme, Page::Article(ix)).ok()?;
        let feed = OutputFile { path: "atom.xml".to_owned(), bytes: feeds::atom(&built.site).into_bytes() };
        Some(vec![page, feed])
    }

    pub(super) fn root(&self) -> &Path {
        &self.root
    }
}

/// Same links (targets and fragments) and same heading anchors: nothing outside the
/// article's own page can tell the two bodies apart.
fn same_references(a: &Rendered, b: &Rendered) -> bool {
    let key = |r: &Rendered| r.links.iter().map(|l| (l.kind, l.id.clone(), l.fragment.clone())).collect::<Vec<_>>();
    a.anchors == b.anchors && key(a) == key(b)
}

fn failure_text(error: RenderError, warnings: &str) -> String {
    match error {
        RenderError::Templates(errors) => {
            let mut d = crate::diagnostic::Diagnostics::new();
            d.extend(errors);
            format!("{warnings}{}", d.render())
        }
        RenderError::Sink(m) => format!("error: {m}\n"),
    }
}
