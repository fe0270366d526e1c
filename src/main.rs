use std::process::ExitCode;

use briefing::cli::{Cli, Command};
use briefing::cmd;
use briefing::out::{self, Stream, Unwritten};
use clap::Parser;

mod allocator;

// Parsing and rendering allocate many small strings on every thread; mimalloc keeps
// that from contending (about a fifth of a build's time with the system allocator).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    allocator::tune();
    let cli = match Cli::try_parse_from(arguments()) {
        Ok(cli) => cli,
        Err(usage) => return usage_or_help(&usage),
    };
    match cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Serve(args) => cmd::serve::run(args),
        Command::Init(args) => cmd::init::run(args),
        Command::New(args) => cmd::new::run(args),
        Command::Completions(args) => cmd::completions::run(args),
    }
}

/// The command line, with `--help` (or `-h`) after `help` taken as asking for help:
/// clap's `help` reads what follows it as names of commands, and `--help` is none, so
/// `help --help` reads as `help help` and `help build --help` as `help build`.
fn arguments() -> Vec<std::ffi::OsString> {
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if args.get(1).is_some_and(|a| a == "help") {
        let asked = args.len();
        args.retain(|a| a != "--help" && a != "-h");
        if args.len() == 2 && asked > 2 {
            args.push("help".into());
        }
    }
    args
}
/// Prints `--help`, `--version` or a usage error as clap would (exit 0 and 2), but
/// with a failed write handled like any other output's.
fn usage_or_help(usage: &clap::Error) -> ExitCode {
    let code = ExitCode::from(u8::try_from(usage.exit_code()).unwrap_or(2));
    let stream = if usage.use_stderr() { Stream::Err } else { Stream::Out };
    let printed = usage.print().and_then(|()| std::io::Write::flush(&mut std::io::stdout()));
    out::finish(code, printed.map_err(|e| Unwritten::new(stream, e)))
}
