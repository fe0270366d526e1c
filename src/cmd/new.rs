//! `briefing new`

use std::process::ExitCode;

use crate::cli::{NewArgs, NewKind};
use crate::vocab::Kind;
use crate::{out, scaffold};

pub fn run(args: NewArgs) -> ExitCode {
    let kind = match args.kind {
        NewKind::Article => Kind::Article,
        NewKind::Actor => Kind::Actor,
        NewKind::Proposal => Kind::Proposal,
        NewKind::Source => Kind::Source,
    };
    match scaffold::new_item(&args.root, kind, &args.title) {
        Ok(path) => out::finish(ExitCode::SUCCESS, out::stdout(&format!("{}\n", path.display()))),
        Err(e) => super::report_error(&e),
    }
}
