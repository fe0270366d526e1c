//! `briefing serve`

use std::process::ExitCode;

use crate::cli::ServeArgs;
use crate::pipeline::Options;
use crate::serve::{self, ServeOptions};

pub fn run(args: ServeArgs) -> ExitCode {
    let site = Options {
        root: args.site.root,
        drafts: args.drafts,
        base_url: None,
        deny_warnings: args.site.deny_warnings,
        now: args.site.now,
    };
    match serve::run(ServeOptions { site, bind: args.bind, port: args.port, open: args.open }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => super::report_error(&error),
    }
}
