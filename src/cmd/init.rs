//! `briefing init`

use std::fmt::Write as _;
use std::process::ExitCode;

use crate::cli::InitArgs;
use crate::{out, scaffold};

pub fn run(args: InitArgs) -> ExitCode {
    match scaffold::init(&args.dir, args.theme) {
        Ok(files) => {
            let mut text = String::new();
            for f in &files {
                let _ = writeln!(text, "created {}", f.display());
            }
            let dir = args.dir.display();
            let _ = writeln!(text, "New site in {dir}. Try: briefing serve --root {dir}");
            out::finish(ExitCode::SUCCESS, out::stdout(&text))
        }
        Err(e) => super::report_error(&e.0),
    }
}
