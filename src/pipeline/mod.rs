//! The build, as a recipe: read → parse → model → render → write. `check` is the same
//! chain stopped before writing, rendering one page of each kind; `build` runs it all;
//! the preview server runs it once and then, after each edit, again in part
//! (`incremental`).

mod incremental;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

pub(crate) use incremental::{Files, Outcome, Session};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::model::{self, Site};
use crate::parse::files::{Base, Sizes};
use crate::parse::markdown::Bodies;
use crate::parse::{self, ParsedItem};
use crate::read::{self, Keep};
use crate::render::{self, RenderError, Renderer, pages};
use crate::stopwatch::Stopwatch;
use crate::theme::Theme;
use crate::vocab::{SiteConfig, Strings};
use crate::write::{Output, Written};

#[derive(Debug, Clone, Default)]
pub(crate) struct Options {
    /// The site's folder (holding `content/`).
    pub(crate) root: PathBuf,
    /// Include articles marked `draft: true`.
    pub(crate) drafts: bool,
    /// Overrides `base_url` of site.yaml.
    pub(crate) base_url: Option<String>,
    /// Treat warnings as errors.
    pub(crate) deny_warnings: bool,
    /// The moment embargoes are judged at (`--now`), instead of the clock's.
    pub(crate) now: Option<jiff::Timestamp>,
}

/// Why a run failed.
#[derive(Debug)]
pub(crate) enum Failure {
    /// The content or templates are wrong: every problem, with warnings too.
    Content(Diagnostics),
    /// Something outside the content: a missing folder, a disk error, an output folder
    /// that could not, or must not, be written.
    Error(Error),
}

/// Validates everything and writes nothing. Besides the content and the templates'
/// syntax, one page of each kind is rendered, so that template errors that only show
/// while rendering are found too without rendering the whole site: the smallest page
/// of each kind, the timeline with a sample of its entries, bodies empty (a body is
/// HTML the templates only pass through).
pub(crate) fn check(options: &Options) -> Result<Diagnostics, Failure> {
    // Only the bodies' links are needed.
    let (parsed, theme) = read_and_parse(options, false, Keep::Names)?;
    let Loaded { site, theme, warnings } = parsed.load(theme, options)?;
    let mut clock = Stopwatch::start();
    let renderer = Renderer::new(&site, &theme).map_err(|errors| with_warnings(errors, &warnings))?;
    clock.lap("summaries");
    let pages = pages::one_of_each_kind(&site);
    let mut errors: Vec<Diagnostic> =
        pages.into_par_iter().filter_map(|page| renderer.page(&site, &theme, page).err()).collect();
    clock.lap("sample pages");
    // Nothing follows that needs the memory: freeing it need not hold up the answer.
    let_go((parsed, site, theme, renderer));
    if errors.is_empty() {
        return Ok(warnings);
    }
    errors.dedup_by(|a, b| a.path == b.path && a.position == b.position);
    Err(with_warnings(errors, &warnings))
}

pub(crate) struct Report {
    pub(crate) pages: usize,
    pub(crate) files: usize,
    /// How many files were written, left as they were, and removed.
    pub(crate) written: Written,
    pub(crate) elapsed: Duration,
    pub(crate) warnings: Diagnostics,
}

/// Builds the site into `output`, which changes only when everything succeeded, and
/// then in one step. Only files whose bytes changed are written.
pub(crate) fn build(options: &Options, output: &Path) -> Result<Report, Failure> {
    let started = Instant::now();
    let waiting = || {
        // Only news: a build that cannot say it waits still builds.
        let _ = crate::out::stderr(&format!("Waiting for another build into {} to finish…\n", output.display()));
    };
    let output = Output::claim(&options.root, output, waiting).map_err(Failure::Error)?;
    let shaped = render::could_have_written(&options.root);
    let (loaded, surveyed) = output.survey_beside(shaped, || load(options));
    let surveyed = surveyed.map_err(Failure::Error)?;
    let Loaded { site, theme, warnings } = loaded?;
    let writer = output.begin(surveyed).map_err(Failure::Error)?;
    let mut clock = Stopwatch::start();
    let rendered = writer.with_folders_ahead(
        || render::page_files(&site),
        || render::render(&site, &theme, |f| writer.put(&f.path, &f.bytes)),
    );
    let (files, pages) = rendered.map_err(|e| render_failure(e, &warnings))?;
    let files = files + each_attachment(&site, |path, bytes| writer.put(path, &bytes)).map_err(Failure::Error)?;
    clock.lap("render and write");
    let written = writer.commit().map_err(Failure::Error)?;
    clock.lap("swap");
    let_go((site, theme));
    Ok(Report { pages, files, written, elapsed: started.elapsed(), warnings })
}

/// A site read, parsed and modelled, with the warnings found on the way.
pub(crate) struct Loaded {
    pub(crate) site: Site,
    pub(crate) theme: Theme,
    pub(crate) warnings: Diagnostics,
}

/// Read, parse and model the site; every content error is collected before failing.
pub(crate) fn load(options: &Options) -> Result<Loaded, Failure> {
    let (parsed, theme) = read_and_parse(options, true, Keep::Names)?;
    let loaded = parsed.load(theme, options);
    // What was parsed is big, and was allocated by the parsing threads: free it there,
    // where the render reuses the memory.
    parsed.items.into_par_iter().for_each(drop);
    loaded
}

/// The site read and parsed, before the model: the preview server keeps it, so that
/// an edit to one file re-parses only that file.
pub(crate) struct ParsedSite {
    pub(crate) config: SiteConfig,
    pub(crate) sources: read::Sources,
    /// What each of `sources.items` gave, in the same order.
    pub(crate) items: Vec<ParsedItem>,
    /// Problems found before the items were parsed (unreadable files, site.yaml).
    pub(crate) early: Diagnostics,
    /// The sizes of the images that bodies can show (see `parse::files`).
    pub(crate) sizes: Sizes,
    /// The theme's words, with the site's laid over them (see `parse::strings`).
    pub(crate) strings: Strings,
}

/// Reads the site and parses every file (with the bodies' HTML, or only their links),
/// keeping of the files' texts what `keep` says.
fn read_and_parse(options: &Options, write_html: bool, keep: Keep) -> Result<(ParsedSite, Theme), Failure> {
    let mut clock = Stopwatch::start();
    let mut early = Diagnostics::new();
    let mut sources = read::list_content(&options.root, &mut early).map_err(Failure::Error)?;
    let theme = Theme::load(&options.root).map_err(Failure::Error)?;
    clock.lap("list");
    let config = settings(&sources, options, &mut early);
    let statics: Vec<&str> = theme.static_files.iter().map(|(path, _)| path.as_str()).collect();
    early.extend(parse::settings::image_problem(sources.site.as_ref(), &config, &statics));
    let strings = parse::strings::load(theme.strings.as_deref()).unwrap_or_else(|problems| {
        early.extend(problems);
        parse::strings::BUILT_IN.clone()
    });
    // Only a page needs the images' sizes.
    let sizes = if write_html { Sizes::read(&sources.attachments, &theme.static_files) } else { Sizes::default() };
    let bodies = Bodies { mode: config.html, write_html, base: Base { sizes: &sizes, ..Base::ROOT } };
    let items = sources.read_each(keep, |i, file| parse::parse_item(i, file, bodies), ParsedItem::unreadable);
    clock.lap("read and parse");
    Ok((ParsedSite { config, sources, items, early, sizes, strings }, theme))
}

/// The settings of site.yaml (defaults where it has none or is wrong), `--base-url`
/// over its own.
fn settings(sources: &read::Sources, options: &Options, early: &mut Diagnostics) -> SiteConfig {
    let mut config = match &sources.site {
        Some(file) => parse::parse_site(file).unwrap_or_else(|errors| {
            early.extend(errors);
            SiteConfig::default()
        }),
        None => SiteConfig::default(),
    };
    if let Some(url) = &options.base_url {
        config.base_url = if url.ends_with('/') { url.clone() } else { format!("{url}/") };
    }
    early.extend(parse::settings::placeholder(sources.site.as_ref(), &config));
    config
}

impl ParsedSite {
    /// The model built from what every file parsed to, and every problem found from
    /// reading on. Without errors there is a site.
    fn model(&self, options: &Options, theme: &Theme) -> (Option<Site>, Diagnostics) {
        let mut diagnostics = self.early.clone();
        // Files that could not be read at all still hold their ids, so that references to
        // them are not reported as unknown on top of their own error.
        let mut unreadable = self.sources.unreadable.clone();
        let mut records = Vec::with_capacity(self.items.len());
        for (item, file) in self.items.iter().zip(&self.sources.items) {
            diagnostics.extend(item.diagnostics.iter().cloned());
            match &item.record {
                Some(r) => records.push(r),
                None => unreadable.push((file.kind, file.stem.clone())),
            }
        }
        let site = model::build(
            self.config.clone(),
            &records,
            &unreadable,
            &self.sources.items,
            options.drafts,
            &model::World {
                now: options.now.unwrap_or_else(jiff::Timestamp::now),
                attachments: &self.sources.attachments,
                sizes: &self.sizes,
                strings: &self.strings,
                written: Some(&|site: &Site| render::files_written(site, theme)),
            },
            &mut diagnostics,
        );
        if options.deny_warnings {
            diagnostics.deny_warnings();
        }
        (site.filter(|_| !diagnostics.has_errors()), diagnostics)
    }

    /// The model and the templates' own errors: a site only if there are no errors.
    fn load(&self, theme: Theme, options: &Options) -> Result<Loaded, Failure> {
        let mut clock = Stopwatch::start();
        let (site, mut diagnostics) = self.model(options, &theme);
        clock.lap("model");
        if let Err(errors) = render::templates::compile(&theme) {
            diagnostics.extend(errors);
        }
        clock.lap("templates");
        match site.filter(|_| !diagnostics.has_errors()) {
            Some(site) => Ok(Loaded { site, theme, warnings: diagnostics }),
            None => Err(Failure::Content(diagnostics)),
        }
    }
}

/// Reads each file that items publish beside their pages and hands it to `put`, in
/// parallel; returns how many there were. (A build reads them as it writes them: they
/// may be big, and need not all be in memory at once.)
pub(crate) fn each_attachment<E: Send + From<Error>>(
    site: &Site,
    put: impl Fn(&str, Vec<u8>) -> Result<(), E> + Sync,
) -> Result<usize, E> {
    site.attachments.par_iter().try_for_each(|file| put(&file.path, crate::fs::read(&file.source)?))?;
    Ok(site.attachments.len())
}

/// Frees a finished run's model on another thread: freeing a big site takes a while,
/// and the answer need not wait for it.
fn let_go<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

/// Template errors after the warnings found before them.
fn with_warnings(errors: Vec<Diagnostic>, warnings: &Diagnostics) -> Failure {
    let mut diagnostics = warnings.clone();
    diagnostics.extend(errors);
    Failure::Content(diagnostics)
}

fn render_failure(error: RenderError<Error>, warnings: &Diagnostics) -> Failure {
    match error {
        RenderError::Templates(errors) => with_warnings(errors, warnings),
        RenderError::Output(error) => Failure::Error(error),
    }
}
