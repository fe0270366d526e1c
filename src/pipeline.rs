//! The build, as a recipe: read → parse → model → render → write. `check` is the same
//! chain stopped before rendering pages; `build` runs it all.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostic::Diagnostics;
use crate::error::Error;
use crate::model::{self, Site};
use crate::parse;
use crate::parse::markdown::Bodies;
use crate::read;
use crate::render::{self, OutputFile};
use crate::theme::Theme;
use crate::vocab::SiteConfig;
use crate::write::{Output, Written};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The site's folder (holding `content/`).
    pub root: PathBuf,
    /// Include articles marked `draft: true`.
    pub drafts: bool,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
    /// Treat warnings as errors.
    pub deny_warnings: bool,
}

/// Why a run failed.
#[derive(Debug)]
pub enum Failure {
    /// The content or templates are wrong: every problem, with warnings too.
    Content(Diagnostics),
    /// Something outside the content: a missing folder, a disk error, an output folder
    /// that could not, or must not, be written.
    Error(Error),
}

/// A site read, parsed and modelled, with the warnings found on the way.
pub struct Loaded {
    pub site: Site,
    pub theme: Theme,
    pub warnings: Diagnostics,
}

/// Read, parse and model the site; every content error is collected before failing.
pub fn load(options: &Options) -> Result<Loaded, Failure> {
    let (parsed, theme) = read_and_parse(options, true, Keep::Names)?;
    let (site, diagnostics) = loaded_site(&parsed, &theme, options);
    // What was parsed is big, and was allocated by the parsing threads: free it there,
    // where the render reuses the memory.
    parsed.items.into_par_iter().for_each(drop);
    match site {
        Some(site) => Ok(Loaded { site, theme, warnings: diagnostics }),
        None => Err(Failure::Content(diagnostics)),
    }
}

/// The site read and parsed, before the model: the preview server keeps it, so that
/// an edit to one file re-parses only that file.
pub struct ParsedSite {
    pub config: SiteConfig,
    pub sources: read::Sources,
    /// What each of `sources.items` gave, in the same order.
    pub items: Vec<parse::ParsedItem>,
    /// Problems found before the items were parsed (unreadable files, site.yaml).
    pub early: Diagnostics,
}

/// What to keep of the sources after parsing them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// Their text too (the preview server compares edits with it).
    Texts,
    /// Only their names: each text is let go once parsed.
    Names,
}

/// Reads the site and parses every file (with the bodies' HTML, or only their links).
/// Each file is read by the thread that parses it, so that a big site's text is never
/// all in memory at once (unless `keep` asks for it).
pub fn read_and_parse(options: &Options, write_html: bool, keep: Keep) -> Result<(ParsedSite, Theme), Failure> {
    let mut clock = Stopwatch::start();
    let mut early = Diagnostics::new();
    let mut sources = read::list_content(&options.root, &mut early).map_err(Failure::Error)?;
    let theme = Theme::load(&options.root).map_err(Failure::Error)?;
    clock.lap("list");

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
    let bodies = Bodies { mode: config.html, write_html };
    // While the parse reads the files, another thread asks for them ahead (see `prefetch`).
    let paths: Vec<PathBuf> = sources.items.iter().map(|f| f.full_path.clone()).collect();
    let parsed = AtomicBool::new(false);
    let items = std::thread::scope(|scope| {
        scope.spawn(|| read::prefetch(&paths, &parsed));
        let items = sources
            .items
            .par_iter_mut()
            .enumerate()
            .map(|(i, file)| match file.read_text() {
                Ok(text) => {
                    file.text = text;
                    let parsed = parse::parse_item(i, file, bodies);
                    if keep == Keep::Names {
                        file.text = String::new();
                    }
                    parsed
                }
                Err(d) => parse::ParsedItem { record: None, diagnostics: vec![d] },
            })
            .collect();
        parsed.store(true, Ordering::Relaxed);
        items
    });
    clock.lap("read and parse");
    Ok((ParsedSite { config, sources, items, early }, theme))
}

impl ParsedSite {
    /// The model built from what every file parsed to, and every problem found from
    /// reading on. Without errors there is a site.
    pub fn model(&self, options: &Options) -> (Option<Site>, Diagnostics) {
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
            &mut diagnostics,
        );
        if options.deny_warnings {
            diagnostics.deny_warnings();
        }
        (site.filter(|_| !diagnostics.has_errors()), diagnostics)
    }
}

/// `load`, keeping what was parsed (for the preview server).
pub fn load_keeping_parsed(options: &Options) -> Result<(Loaded, ParsedSite), Failure> {
    let (parsed, theme) = read_and_parse(options, true, Keep::Texts)?;
    let (site, diagnostics) = loaded_site(&parsed, &theme, options);
    match site {
        Some(site) => Ok((Loaded { site, theme, warnings: diagnostics }, parsed)),
        None => Err(Failure::Content(diagnostics)),
    }
}

/// The model and the templates' own errors: a site only if there are no errors.
fn loaded_site(parsed: &ParsedSite, theme: &Theme, options: &Options) -> (Option<Site>, Diagnostics) {
    let mut clock = Stopwatch::start();
    let (site, mut diagnostics) = parsed.model(options);
    clock.lap("model");
    if let Err(errors) = render::templates::compile(theme) {
        diagnostics.extend(errors);
    }
    clock.lap("templates");
    (site.filter(|_| !diagnostics.has_errors()), diagnostics)
}

/// Validates everything and writes nothing. Besides the content and the templates'
/// syntax, one page of each kind is rendered, so that template errors that only show
/// while rendering are found too without rendering the whole site: the smallest page
/// of each kind, the timeline with a sample of its entries, bodies empty (a body is
/// HTML the templates only pass through).
pub fn check(options: &Options) -> Result<Diagnostics, Failure> {
    // Only the bodies' links are needed.
    let (parsed, theme) = read_and_parse(options, false, Keep::Names)?;
    let (site, warnings) = loaded_site(&parsed, &theme, options);
    let Some(site) = site else { return Err(Failure::Content(warnings)) };
    let mut clock = Stopwatch::start();
    let pages = render::pages::one_of_each_kind(&site);
    let renderer = render::Renderer::for_pages(&site, &theme, &pages).map_err(|e| render_failure(e, &warnings))?;
    clock.lap("summaries");
    let mut errors: Vec<crate::diagnostic::Diagnostic> = pages
        .into_par_iter()
        .filter_map(|page| renderer.page_in(&site, &theme, page, render::pages::Extent::Sample).err())
        .collect();
    clock.lap("sample pages");
    // Nothing follows that needs the memory: freeing it need not hold up the answer.
    let_go((parsed, site, theme, renderer));
    if errors.is_empty() {
        return Ok(warnings);
    }
    errors.dedup_by(|a, b| a.path == b.path && a.position == b.position);
    Err(render_failure(render::RenderError::Templates(errors), &warnings))
}

/// Frees a finished run's model on another thread: freeing a big site takes a while,
/// and the answer need not wait for it.
pub fn let_go<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
}

fn render_failure(error: render::RenderError, warnings: &Diagnostics) -> Failure {
    match error {
        render::RenderError::Templates(errors) => {
            let mut diagnostics = warnings.clone();
            diagnostics.extend(errors);
            Failure::Content(diagnostics)
        }
        render::RenderError::Output(error) => Failure::Error(error),
    }
}

pub struct Report {
    pub pages: usize,
    pub files: usize,
    /// How many files were written, left as they were, and removed.
    pub written: Written,
    /// The output folder, resolved.
    pub output: PathBuf,
    pub elapsed: Duration,
    pub warnings: Diagnostics,
}

/// Builds the site into `output`, which changes only when everything succeeded, and
/// then in one step. Only files whose bytes changed are written.
pub fn build(options: &Options, output: &Path) -> Result<Report, Failure> {
    let started = Instant::now();
    let waiting = || {
        // Only news: a build that cannot say it waits still builds.
        let _ = crate::out::stderr(&format!("Waiting for another build into {} to finish…\n", output.display()));
    };
    let output = Output::claim(&options.root, output, waiting).map_err(Failure::Error)?;
    // What the output holds is looked at while the site is read and parsed.
    let shaped = render::could_have_written(&options.root);
    let (loaded, surveyed) = std::thread::scope(|scope| {
        let surveyed = scope.spawn(|| {
            let mut clock = Stopwatch::start();
            let surveyed = output.survey(shaped);
            clock.lap("survey (beside)");
            surveyed
        });
        (load(options), surveyed.join())
    });
    let surveyed = surveyed.map_err(|_| Failure::Error(Error::Thread { what: "looking at the output folder" }))?;
    let surveyed = surveyed.map_err(Failure::Error)?;
    let loaded = loaded?;
    let path = output.path().to_path_buf();
    let writer = output.begin(surveyed).map_err(Failure::Error)?;
    let write = |f: OutputFile| writer.put(&f.path, &f.bytes);
    let mut clock = Stopwatch::start();
    // While pages render, another thread makes their folders ahead of them.
    let site = &loaded.site;
    let folders: Vec<String> = if writer.starts_empty() {
        render::render_order(&render::pages::all(site)).into_iter().map(|page| page.file(site)).collect()
    } else {
        Vec::new()
    };
    let rendered = AtomicBool::new(false);
    let (files, pages) = std::thread::scope(|scope| {
        scope.spawn(|| writer.make_folders(&folders, &rendered));
        let result = render::render(site, &loaded.theme, write);
        rendered.store(true, Ordering::Relaxed);
        result
    })
    .map_err(|e| render_failure(e, &loaded.warnings))?;
    clock.lap("render and write");
    let written = writer.commit().map_err(Failure::Error)?;
    clock.lap("swap");
    let Loaded { site, theme, warnings } = loaded;
    let_go((site, theme));
    Ok(Report { pages, files, written, output: path, elapsed: started.elapsed(), warnings })
}
/// Prints how long each stage took when `BRIEFING_TIMINGS` is set (for profiling): wall
/// time, processor time of all threads (Linux), and resident memory (Linux).
struct Stopwatch {
    last: Option<(Instant, f64)>,
}

impl Stopwatch {
    fn start() -> Stopwatch {
        Stopwatch { last: std::env::var_os("BRIEFING_TIMINGS").map(|_| (Instant::now(), cpu_ms())) }
    }

    fn lap(&mut self, stage: &str) {
        if let Some((wall, cpu)) = self.last {
            // On a virtual machine, touching fresh memory is a large part of the time.
            let resident = std::fs::read_to_string("/proc/self/statm")
                .ok()
                .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
                .map_or(String::new(), |pages| format!("  {:>5} MB resident", pages * 4096 / 1_000_000));
            let now = cpu_ms();
            let _ = crate::out::stderr(&format!(
                "timing: {stage:<18} {:>7.1} ms  {:>7.1} ms cpu{resident}\n",
                wall.elapsed().as_secs_f64() * 1000.0,
                now - cpu
            ));
            self.last = Some((Instant::now(), now));
        }
    }
}

/// User and system time of the whole process so far, in milliseconds (0 where
/// `/proc` is missing).
fn cpu_ms() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name (which may hold spaces: split after its `)`);
    // utime and stime are the 14th and 15th of the line, in ticks of 1/100 s.
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, rest)| rest).split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) * 10.0
}
