//! One file per subcommand: arguments in, one library call, an exit code out.

pub mod build;
pub mod check;
pub mod completions;
pub mod init;
pub mod new;
pub mod serve;

use std::process::ExitCode;

use crate::diagnostic::{Palette, Severity};
use crate::error::Error;
use crate::out;
use crate::pipeline::Failure;
use crate::terminal;

/// Prints a failure the way a user should see it and gives its exit code.
pub(crate) fn report_failure(failure: Failure) -> ExitCode {
    let text = match failure {
        Failure::Content(diagnostics) => diagnostics.render_in(&Palette::COLOURED),
        Failure::Error(error) => error_line(&error.to_string()),
    };
    out::finish(ExitCode::from(1), out::stderr(&text))
}

/// Prints `error: MESSAGE` and gives exit code 1.
pub(crate) fn report_error(error: &Error) -> ExitCode {
    out::finish(ExitCode::from(1), out::stderr(&error_line(&error.to_string())))
}

/// `error: MESSAGE` on a line; a message can quote file names, which may hold anything.
fn error_line(message: &str) -> String {
    format!("{} {}\n", Palette::COLOURED.label(Severity::Error), terminal::escape(message))
}

/// ` with 3 warnings`, for a summary (nothing when there are none).
fn with_warnings(warnings: usize) -> String {
    if warnings == 0 {
        String::new()
    } else {
        format!(" with {}", crate::diagnostic::plural(warnings, "warning", "warnings"))
    }
}
