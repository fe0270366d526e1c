//! `briefing serve`: the site built in memory, served over HTTP, rebuilt when a source
//! file changes, with live reload and errors shown in the browser. Nothing is written
//! to disk. Steps:
//! 1. build once into a `Snapshot` of every file's bytes, keeping the model
//!    (`pipeline::Session`);
//! 2. serve requests from the newest good snapshot (`http`), to the server's own names
//!    only (`guard`), a bounded number of connections at a time (`listen`);
//! 3. watch content/, templates/ and static/, debounce, rebuild, and tell open pages
//!    what changed or what went wrong (`watch`, `http::events`).

mod guard;
mod http;
mod listen;
mod watch;

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};

use tokio::sync::{Semaphore, broadcast};

use crate::error::Error;
use crate::pipeline::{Files, Options, Session};

/// Every file of one successful build, by output path (`articles/x/index.html`).
#[derive(Default)]
pub(crate) struct Snapshot {
    pub(crate) files: Files,
}

impl Snapshot {
    /// Output paths whose bytes differ between two builds (added and removed ones too).
    pub(crate) fn changed_paths(&self, newer: &Snapshot) -> Vec<String> {
        let mut changed: Vec<String> = newer
            .files
            .iter()
            .filter(|(path, bytes)| self.files.get(*path) != Some(bytes))
            .map(|(path, _)| path.clone())
            .chain(self.files.keys().filter(|p| !newer.files.contains_key(*p)).cloned())
            .collect();
        changed.sort();
        changed
    }
}

/// What open pages are told after a rebuild.
#[derive(Debug, Clone)]
pub(crate) enum Event {
    /// These output paths changed; pages showing one of them reload.
    Changed(Vec<String>),
    /// The content is broken: the diagnostics to show over the page.
    Errors(String),
    /// The content is fine again (after errors).
    Fixed,
}

/// The newest good build and the errors of the newest attempt, if it failed.
pub(crate) struct State {
    pub(crate) snapshot: RwLock<Arc<Snapshot>>,
    pub(crate) errors: RwLock<Option<String>>,
    /// The warnings last printed, so that each rebuild prints only new ones.
    pub(crate) warnings: RwLock<String>,
    pub(crate) events: broadcast::Sender<Event>,
    /// Places for open event streams (one per open page), fewer than for connections.
    pub(crate) streams: Arc<Semaphore>,
}

pub(crate) struct ServeOptions {
    pub(crate) site: Options,
    pub(crate) bind: std::net::IpAddr,
    pub(crate) port: u16,
    pub(crate) open: bool,
}

/// Runs the preview server until interrupted.
pub(crate) fn run(options: ServeOptions) -> Result<(), Error> {
    let (events, _) = broadcast::channel(64);
    let state = Arc::new(State {
        snapshot: RwLock::new(Arc::new(Snapshot::default())),
        errors: RwLock::new(None),
        warnings: RwLock::new(String::new()),
        events,
        streams: Arc::new(Semaphore::new(listen::MAX_EVENT_STREAMS)),
    });
    let _watcher = watch::start(Session::new(options.site.clone()), Arc::clone(&state))?;

    let runtime =
        tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(Error::Runtime)?;
    runtime.block_on(async {
        let addr = SocketAddr::new(options.bind, options.port);
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(|source| Error::Listen { addr, source })?;
        let local = listener.local_addr().map_err(Error::LocalAddress)?;
        let url = format!("http://{local}/");
        print(&format!("Serving {} at {url} (Ctrl-C to stop)\n", options.site.root.display()));
        if options.open {
            open_browser(&url);
        }
        let names = guard::Names::new(options.bind, local.port());
        // Open event streams never end by themselves: Ctrl-C stops at once.
        tokio::select! {
            () = listen::serve(listener, http::router(state, names)) => Ok(()),
            _ = tokio::signal::ctrl_c() => Ok(()),
        }
    })
}

/// Writes to standard output, and `eprint` to standard error, ignoring failure: with
/// its terminal gone (closed, or a full disk) the server goes on serving and rebuilding.
fn print(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

fn eprint(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if std::process::Command::new(program).arg(url).spawn().is_err() {
        eprint(&format!("(could not open a browser; open {url} yourself)\n"));
    }
}
