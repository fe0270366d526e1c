//! `briefing check`

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::CheckArgs;
use crate::diagnostic::{Palette, plural};
use crate::out;
use crate::pipeline::{self, Options};

pub fn run(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    let options = Options {
        root: args.site.root,
        drafts: args.drafts,
        base_url: None,
        deny_warnings: args.site.deny_warnings,
        now: args.site.now,
    };
    match pipeline::check(&options) {
        Ok(warnings) => {
            let ms = started.elapsed().as_millis();
            let summary = match warnings.counts() {
                (_, 0) => format!("No problems found in {ms} ms\n"),
                (_, n) => format!("No errors, {} in {ms} ms\n", plural(n, "warning", "warnings")),
            };
            let printed = out::stderr(&warnings.render_in(&Palette::COLOURED)).and_then(|()| out::stdout(&summary));
            out::finish(ExitCode::SUCCESS, printed)
        }
        Err(failure) => super::report_failure(failure),
    }
}
