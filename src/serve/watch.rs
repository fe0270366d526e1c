//! Watching the site's sources and rebuilding on change.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use super::{Event, State, build_snapshot};
use crate::pipeline::Options;

/// Editors save in bursts (write, rename, touch): wait for this much quiet.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// Rebuilds now, updating the state and telling open pages.
pub(super) fn rebuild(options: &Options, state: &State) {
    let started = Instant::now();
    match build_snapshot(options) {
        Ok((snapshot, warnings)) => {
            if let Ok(mut last) = state.warnings.write() {
                if *last != warnings {
                    eprint!("{warnings}");
                    *last = warnings;
                }
            }
            let changed = match state.snapshot.read() {
                Ok(old) => old.changed_paths(&snapshot),
                Err(_) => Vec::new(),
            };
            if let Ok(mut current) = state.snapshot.write() {
                *current = Arc::new(snapshot);
            }
            let had_errors = state.errors.write().map(|mut e| e.take().is_some()).unwrap_or(false);
            state.version.fetch_add(1, Ordering::SeqCst);
            if had_errors {
                let _ = state.events.send(Event::Fixed);
            }
            if !changed.is_empty() {
                let _ = state.events.send(Event::Changed(changed.clone()));
            }
            println!("Rebuilt in {} ms ({} files changed)", started.elapsed().as_millis(), changed.len());
        }
        Err(report) => {
            eprint!("{report}");
            eprintln!("Still serving the last good build; fix the problems above.");
            if let Ok(mut errors) = state.errors.write() {
                *errors = Some(report.clone());
            }
            let _ = state.events.send(Event::Errors(report));
        }
    }
}

/// Whether a changed path is one of the site's sources.
fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else { return false };
    let hidden = rel.components().any(|c| {
        let name = c.as_os_str().to_string_lossy();
        name.starts_with('.') || name.ends_with('~')
    });
    let top = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
    !hidden && matches!(top.as_deref(), Some("content" | "templates" | "static"))
}

/// Starts watching; the returned watcher must be kept alive.
pub(super) fn start(options: Options, state: Arc<State>) -> Result<notify::RecommendedWatcher, String> {
    let root: PathBuf = std::path::absolute(&options.root).unwrap_or_else(|_| options.root.clone());
    let root = root.canonicalize().unwrap_or(root);
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        // Reading files (as every build does) is an event too: only changes count.
        if let Ok(event) = result.map_err(drop).and_then(|e| match e.kind {
            notify::EventKind::Access(_) => Err(()),
            _ => Ok(e),
        }) {
            for path in event.paths {
                let _ = tx.send(path);
            }
        }
    })
    .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    watcher.watch(&root, RecursiveMode::Recursive).map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    std::thread::spawn(move || {
        while let Ok(first) = rx.recv() {
            let mut relevant = is_source(&root, &first);
            // Collect the rest of the burst.
            while let Ok(path) = rx.recv_timeout(DEBOUNCE) {
                relevant |= is_source(&root, &path);
            }
            if relevant {
                rebuild(&options, &state);
            }
        }
    });
    Ok(watcher)
}
