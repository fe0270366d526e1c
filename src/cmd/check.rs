//! `briefing check`

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::CheckArgs;
use crate::out;
use crate::pipeline::{self, Options};

pub fn run(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    let options =
        Options { root: args.site.root, drafts: args.drafts, base_url: None, deny_warnings: args.site.deny_warnings };
    match pipeline::check(&options) {
        Ok(warnings) => {
            let printed = out::stderr(&warnings.render())
                .and_then(|()| out::stdout(&format!("No problems found in {} ms\n", started.elapsed().as_millis())));
            out::finish(ExitCode::SUCCESS, printed)
        }
        Err(failure) => super::report_failure(failure),
    }
}
