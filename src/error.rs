//! What can go wrong outside the content: the disk, the site's folders, the output
//! folder, the preview server. (What is wrong in the content is a `Diagnostic`.) Each
//! prints as the one line `briefing` shows after `error:`.

use std::fmt;
use std::io;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub(crate) enum Error {
    /// A file-system call on `path` failed; `what` the call did (`read`, `create folder`).
    Io { what: &'static str, path: PathBuf, source: io::Error },
    /// Walking the folder `dir` failed.
    Walk { dir: PathBuf, source: walkdir::Error },
    /// There is no `content/` folder in `root`; `advice` says what to do.
    NoContent { root: PathBuf, advice: &'static str },
    /// `content/` is a symbolic link, which is never followed.
    LinkedContent { path: PathBuf },
    /// A template of the site's own is not UTF-8 text.
    TemplateNotText { name: String },
    /// `init` into a folder that holds something.
    NotEmpty { dir: PathBuf },
    /// `new` with a title that has no letters or digits to make an id of.
    NoId { title: String },
    /// `new` would overwrite this file.
    Exists { path: PathBuf },
    /// The output is a place a build must never write to.
    Refused { output: PathBuf, why: String },
    /// The output holds files that briefing did not make.
    NotOurs { output: PathBuf, entries: Vec<String>, built_before: bool },
    /// Something that is not ours stands where the build needs a folder of its own.
    InTheWay { path: PathBuf, why: String },
    /// A thread doing `what` stopped without finishing (it panicked).
    Thread { what: &'static str },
    /// The preview server's watcher could not watch the site at `root`.
    Watch { root: PathBuf, source: notify::Error },
    /// The preview server's runtime could not start.
    Runtime(io::Error),
    /// The preview server could not listen on `addr`.
    Listen { addr: SocketAddr, source: io::Error },
    /// The preview server could not tell which port it listens on.
    LocalAddress(io::Error),
}

impl Error {
    pub(crate) fn io(what: &'static str, path: &Path, source: io::Error) -> Error {
        Error::Io { what, path: path.to_path_buf(), source }
    }
}

/// Entries listed in a refusal before "and N more".
const SHOWN_ENTRIES: usize = 5;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { what, path, source } => write!(f, "cannot {what} {}: {source}", path.display()),
            Error::Walk { dir, source } => write!(f, "cannot read {}: {source}", dir.display()),
            Error::NoContent { root, advice } => write!(f, "no content/ folder in {}: {advice}", root.display()),
            Error::LinkedContent { path } => write!(
                f,
                "{} is a symbolic link: briefing does not follow links (put the folder itself there)",
                path.display()
            ),
            Error::TemplateNotText { name } => write!(f, "templates/{name} is not UTF-8 text"),
            Error::NotEmpty { dir } => write!(
                f,
                "{} is not empty: `briefing init` only creates new sites (choose a new folder)",
                dir.display()
            ),
            Error::NoId { title } => write!(f, "cannot make an id from {title:?}: use a title with letters or digits"),
            Error::Exists { path } => write!(f, "{} already exists; not overwriting it", path.display()),
            Error::Refused { output, why } => {
                write!(f, "refusing to build into {}: {why} (choose another folder with --output)", output.display())
            }
            Error::NotOurs { output, entries, built_before } => not_ours(f, output, entries, *built_before),
            Error::InTheWay { path, why } => write!(f, "cannot build: {} is in the way: {why}", path.display()),
            Error::Thread { what } => write!(f, "{what} failed"),
            Error::Watch { root, source } => write!(f, "cannot watch {}: {source}", root.display()),
            Error::Runtime(source) => write!(f, "cannot start the server: {source}"),
            Error::Listen { addr, source } => {
                write!(f, "cannot listen on {addr}: {source} (is another server using the port? try --port)")
            }
            Error::LocalAddress(source) => write!(f, "{source}"),
        }
    }
}

/// The refusal to build into an output that holds what briefing did not make: the
/// entries, and where they belong.
fn not_ours(f: &mut fmt::Formatter<'_>, output: &Path, entries: &[String], built_before: bool) -> fmt::Result {
    let what = if built_before { "files that briefing did not make" } else { "files" };
    writeln!(f, "refusing to build into {}: it holds {what}:", output.display())?;
    for entry in entries.iter().take(SHOWN_ENTRIES) {
        writeln!(f, "  {entry}")?;
    }
    if entries.len() > SHOWN_ENTRIES {
        writeln!(f, "  … and {} more", entries.len() - SHOWN_ENTRIES)?;
    }
    if built_before {
        write!(
            f,
            "A build replaces only what it wrote. Files to publish with the site belong in static/: \
             move these there, or out of {}.",
            output.display()
        )
    } else {
        write!(
            f,
            "briefing writes only into a new folder, an empty one, or one it built before. \
             Choose another with --output (such as a new folder `public`), or empty this one yourself."
        )
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. }
            | Error::Runtime(source)
            | Error::Listen { source, .. }
            | Error::LocalAddress(source) => Some(source),
            Error::Walk { source, .. } => Some(source),
            Error::Watch { source, .. } => Some(source),
            _ => None,
        }
    }
}
