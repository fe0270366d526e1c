//! `briefing build`

use std::process::ExitCode;

use crate::cli::BuildArgs;
use crate::diagnostic::plural;
use crate::pipeline::{self, Options};

pub fn run(args: BuildArgs) -> ExitCode {
    let options = Options {
        root: args.site.root.clone(),
        drafts: args.drafts,
        base_url: args.base_url,
        deny_warnings: args.site.deny_warnings,
    };
    let output = args.output.unwrap_or_else(|| args.site.root.join("public"));
    match pipeline::build(&options, &output) {
        Ok(report) => {
            eprint!("{}", report.warnings.render());
            let w = report.written;
            println!(
                "Built {} ({} files: {} written, {} unchanged, {} removed) into {} in {} ms",
                plural(report.pages, "page", "pages"),
                report.files,
                w.written,
                w.unchanged,
                w.removed,
                output.display(),
                report.elapsed.as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(failure) => super::report_failure(failure),
    }
}
