//! Writing to standard output and standard error without panicking: a reader that went
//! away ends the command quietly, as Unix tools do; any other failed write is an error.
//! Standard error shows colours only where they can be seen (see [`stderr`]).

use std::io::{self, Write};
use std::process::ExitCode;

/// A write to standard output or standard error that failed.
#[derive(Debug)]
pub struct Unwritten {
    stream: &'static str,
    error: io::Error,
}

impl Unwritten {
    pub fn new(stream: Stream, error: io::Error) -> Unwritten {
        let stream = match stream {
            Stream::Out => "standard output",
            Stream::Err => "standard error",
        };
        Unwritten { stream, error }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Out,
    Err,
}

/// Writes `text` to standard output, flushed (a full disk shows only when flushing).
pub(crate) fn stdout(text: &str) -> Result<(), Unwritten> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| Unwritten::new(Stream::Out, e))
}

/// Writes `text` to standard error. Its colours (escape codes from `anstyle`) are kept on
/// a terminal and dropped elsewhere (a file, a pipe), or when `NO_COLOR` is set;
/// `CLICOLOR_FORCE` keeps them anywhere. anstream decides, as it does for clap's help.
pub(crate) fn stderr(text: &str) -> Result<(), Unwritten> {
    let mut err = anstream::AutoStream::auto(io::stderr().lock());
    err.write_all(text.as_bytes()).and_then(|()| err.flush()).map_err(|e| Unwritten::new(Stream::Err, e))
}

/// The exit code of a command that meant to end with `code` after printing: a failed
/// write fails a command that succeeded (exit 1); one that failed keeps its own code.
pub fn finish(code: ExitCode, printed: Result<(), Unwritten>) -> ExitCode {
    match printed {
        Ok(()) => code,
        // The reader has gone (`briefing check | head -1`): nobody is left to tell, and
        // the work itself is done; like other Unix tools, stop without a word.
        Err(e) if e.error.kind() == io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            // Standard error may be the stream that failed: then nothing more can be said.
            let _ = stderr(&format!("error: cannot write to {}: {}\n", e.stream, e.error));
            if code == ExitCode::SUCCESS { ExitCode::from(1) } else { code }
        }
    }
}
