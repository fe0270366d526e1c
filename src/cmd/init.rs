//! `briefing init`

use std::fmt::Write as _;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Ci, Cli, InitArgs};
use crate::{out, scaffold};

/// Where CI installs briefing from when `--briefing-git` is not given: the repository
/// that Cargo.toml names, once it names one.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

pub fn run(args: InitArgs) -> ExitCode {
    let briefing_git = args.briefing_git.as_deref().unwrap_or(REPOSITORY);
    if args.ci.is_some() && briefing_git.is_empty() {
        return needs_briefing_git();
    }
    match scaffold::init(&args.dir, args.theme, args.ci.map(|ci| (ci, briefing_git))) {
        Ok(files) => {
            let mut text = String::new();
            for f in &files {
                let _ = writeln!(text, "created {}", f.display());
            }
            let dir = args.dir.display();
            let _ = writeln!(text, "New site in {dir}. Try: briefing serve --root {dir}");
            match args.ci {
                Some(Ci::Github) => text.push_str(
                    "To publish: push it to GitHub, and set Settings > Pages > Source to \"GitHub Actions\".\n",
                ),
                Some(Ci::Netlify) => {
                    text.push_str("To publish: push it to a git host, and add it as a site in Netlify.\n")
                }
                None => {}
            }
            out::finish(ExitCode::SUCCESS, out::stdout(&text))
        }
        Err(e) => super::report_error(&e),
    }
}

/// A usage error (exit 2): CI has nowhere to install briefing from.
fn needs_briefing_git() -> ExitCode {
    let message = "--ci needs --briefing-git URL, the git repository that CI installs briefing from \
                   (briefing is not on crates.io), e.g. --briefing-git https://github.com/USER/briefing";
    // Built, so that the usage line names `briefing init`.
    let mut cli = Cli::command();
    cli.build();
    let kind = clap::error::ErrorKind::MissingRequiredArgument;
    let error = match cli.find_subcommand_mut("init") {
        Some(init) => init.error(kind, message),
        None => cli.error(kind, message),
    };
    out::finish(ExitCode::from(2), out::stderr(&error.render().ansi().to_string()))
}
