//! Watching the site's sources and rebuilding on change.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use super::{Event, Snapshot, State, eprint, print};
use crate::diagnostic::plural;
use crate::error::Error;
use crate::pipeline::{Outcome, Session};

/// Editors save in bursts (write, rename, touch), whose events come microseconds
/// apart: wait for this much quiet. Should a slow save still be seen half done, its
/// last event brings another rebuild, which sees it whole.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// Rebuilds after `changed` paths changed (empty: everything), updates the served
/// snapshot and tells open pages.
pub(super) fn rebuild(session: &mut Session, state: &State, changed: &[PathBuf]) {
    let started = Instant::now();
    let mut rendered = None;
    let (next, warnings, changed) = match session.rebuild(changed) {
        Outcome::Full(files, warnings) => {
            let snapshot = Snapshot { files };
            let changed = match state.snapshot.read() {
                Ok(old) => old.changed_paths(&snapshot),
                Err(_) => Vec::new(),
            };
            (snapshot, Some(warnings), changed)
        }
        Outcome::Partial(files, warnings) => {
            let Ok(current) = state.snapshot.read() else { return };
            // Only the files rendered again can differ from what is served.
            let mut changed: Vec<String> = files
                .iter()
                .filter(|f| current.files.get(&f.path).is_none_or(|old| **old != *f.bytes))
                .map(|f| f.path.clone())
                .collect();
            changed.sort();
            rendered = Some(files.len());
            let mut next = Snapshot { files: current.files.clone() };
            for f in files {
                next.files.insert(f.path, Arc::from(f.bytes));
            }
            (next, warnings, changed)
        }
        Outcome::Failed(report) => {
            eprint(&report);
            let built = state.snapshot.read().is_ok_and(|s| !s.files.is_empty());
            eprint(if built {
                "Still serving the last good build; fix the problems above.\n"
            } else {
                "Nothing built yet: pages show these problems until they are fixed, then load by themselves.\n"
            });
            if let Ok(mut errors) = state.errors.write() {
                *errors = Some(report.clone());
            }
            let _ = state.events.send(Event::Errors(report));
            return;
        }
    };
    if let (Some(warnings), Ok(mut last)) = (warnings, state.warnings.write()) {
        if *last != warnings {
            eprint(&warnings);
            *last = warnings;
        }
    }
    if let Ok(mut current) = state.snapshot.write() {
        *current = Arc::new(next);
    }
    let had_errors = state.errors.write().map(|mut e| e.take().is_some()).unwrap_or(false);
    if had_errors {
        let _ = state.events.send(Event::Fixed);
    }
    if !changed.is_empty() {
        let _ = state.events.send(Event::Changed(changed.clone()));
    }
    let ms = started.elapsed().as_millis();
    match rendered {
        // A burst of temporary files alone rendered nothing: nothing to say.
        Some(0) => {}
        Some(n) => print(&format!(
            "Updated in {ms} ms: {} rendered again, {} changed\n",
            plural(n, "file", "files"),
            changed.len()
        )),
        None => print(&format!("Rebuilt in {ms} ms ({} changed)\n", plural(changed.len(), "file", "files"))),
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

/// Starts watching, then builds the site once (so that no edit made meanwhile is
/// missed), then rebuilds on every burst of changes. Returns once the first build is
/// done; the returned watcher must be kept alive.
pub(super) fn start(mut session: Session, state: Arc<State>) -> Result<notify::RecommendedWatcher, Error> {
    let root = session.root().to_path_buf();
    let (tx, rx) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        // Reading files (as every build does) is an event too: only changes count.
        if let Ok(event) = result {
            if !matches!(event.kind, notify::EventKind::Access(_)) {
                for path in event.paths {
                    let _ = tx.send(path);
                }
            }
        }
    })
    .map_err(|source| Error::Watch { root: root.clone(), source })?;
    watcher.watch(&root, RecursiveMode::Recursive).map_err(|source| Error::Watch { root: root.clone(), source })?;
    let (ready_tx, ready_rx) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        rebuild(&mut session, &state, &[]);
        let _ = ready_tx.send(());
        while let Ok(first) = rx.recv() {
            let mut changed = vec![first];
            // Collect the rest of the burst.
            while let Ok(path) = rx.recv_timeout(DEBOUNCE) {
                changed.push(path);
            }
            changed.retain(|p| is_source(&root, p));
            changed.sort();
            changed.dedup();
            if !changed.is_empty() {
                rebuild(&mut session, &state, &changed);
            }
        }
    });
    let _ = ready_rx.recv();
    Ok(watcher)
}
