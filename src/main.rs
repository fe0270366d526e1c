use std::process::ExitCode;

use briefing::cli::{Cli, Command};
use briefing::cmd;
use clap::Parser;

fn main() -> ExitCode {
    // clap exits with 2 on usage errors and 0 for --help.
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
    }
}
