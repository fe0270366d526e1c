//! `briefing init`

use std::process::ExitCode;

use crate::cli::InitArgs;
use crate::scaffold;

pub fn run(args: InitArgs) -> ExitCode {
    match scaffold::init(&args.dir, args.theme) {
        Ok(files) => {
            for f in &files {
                println!("created {}", f.display());
            }
            println!("New site in {}. Try: briefing serve --root {}", args.dir.display(), args.dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}
