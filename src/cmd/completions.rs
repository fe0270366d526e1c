//! `briefing completions`

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::out;

pub fn run(args: CompletionsArgs) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "briefing", &mut script);
    out::finish(ExitCode::SUCCESS, out::stdout(&String::from_utf8_lossy(&script)))
}
