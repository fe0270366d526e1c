//! One file per subcommand: arguments in, one library call, an exit code out.

pub mod build;
pub mod check;
pub mod init;
pub mod new;
pub mod serve;

use std::process::ExitCode;

use crate::pipeline::Failure;

/// Prints a failure the way a user should see it and gives its exit code.
pub fn report_failure(failure: Failure) -> ExitCode {
    match failure {
        Failure::Content(diagnostics) => {
            eprint!("{}", diagnostics.render());
            ExitCode::from(1)
        }
        Failure::Fatal(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
        Failure::Output(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}
