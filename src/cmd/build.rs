//! `briefing build`

use std::process::ExitCode;

use crate::cli::BuildArgs;
use crate::diagnostic::{Palette, plural};
use crate::out;
use crate::pipeline::{self, Options};

pub fn run(args: BuildArgs) -> ExitCode {
    let options = Options {
        root: args.site.root.clone(),
        drafts: args.drafts,
        base_url: args.base_url,
        deny_warnings: args.site.deny_warnings,
        now: args.site.now,
    };
    let output = args.output.unwrap_or_else(|| args.site.root.join("public"));
    match pipeline::build(&options, &output) {
        Ok(report) => {
            let w = report.written;
            let (_, warnings) = report.warnings.counts();
            let built = format!(
                "Built {}{} ({} files: {} written, {} unchanged, {} removed) into {} in {} ms\n",
                plural(report.pages, "page", "pages"),
                super::with_warnings(warnings),
                report.files,
                w.written,
                w.unchanged,
                w.removed,
                output.display(),
                report.elapsed.as_millis()
            );
            let printed =
                out::stderr(&report.warnings.render_in(&Palette::COLOURED)).and_then(|()| out::stdout(&built));
            out::finish(ExitCode::SUCCESS, printed)
        }
        Err(failure) => super::report_failure(failure),
    }
}
