use std::process::ExitCode;

use briefing::cli::{Cli, Command};
use briefing::cmd;
use briefing::out::{self, Stream, Unwritten};
use clap::Parser;

// Parsing and rendering allocate many small strings on every thread; mimalloc keeps
// that from contending (about a fifth of a build's time with the system allocator).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

unsafe extern "C" {
    // mimalloc's own setter (the library the crate above links in).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay` in mimalloc 3's `include/mimalloc.h`.
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

/// Freed memory is kept for reuse instead of being handed back to the system a second
/// later: fresh memory is slow to touch on virtual machines, where the kernel zeroing
/// pages is a fifth of a build's processor time. The preview server redoes much the
/// same work on every save (zeroing was 12 % of a front-matter edit's processor time
/// at 10,000 articles); a build hands back parts of its arena mid-run otherwise and
/// then faults them in again (10,000 articles in memory: system time 0.33 → 0.27 s,
/// wall 0.60 → 0.54 s, peak +10 MB; see BENCHMARKS.md).
fn keep_freed_memory() {
    // SAFETY: called first thing in `main`, before any other thread exists (the option
    // setter is not thread-safe); -1 means "never purge".
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Memory comes in pages of 4 KB, not 2 MB "huge" ones. On a virtual machine whose host
/// takes back the memory its guest frees (free page reporting), a huge page is cut
/// from the large free blocks, the ones handed back; touching it first waits for the
/// host to give it again. Small pages come from what was freed recently. Right after
/// a Hugo build (which frees 1.9 GB), 10,000 articles built in 0.86–0.94 s instead of
/// 0.99–1.01 s, peaking at 193 MB instead of 230 MB; without Hugo before, the same
/// (see BENCHMARKS.md). mimalloc asks for huge pages before `main` runs, so its own
/// option comes too late: the process opts out instead.
fn small_pages() {
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
}

fn main() -> ExitCode {
    keep_freed_memory();
    small_pages();
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
