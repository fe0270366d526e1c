//! The command line: clap derive, so these doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Build a peace-talks briefing website from Markdown and YAML.
///
/// A site is a folder with content/ (articles, actors, proposals and site.yaml),
/// and optionally templates/ and static/ to override the built-in theme.
#[derive(Debug, Parser)]
#[command(name = "briefing", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the website into an output folder (public/ by default)
    ///
    /// The old output is replaced only when the new build has succeeded.
    Build(BuildArgs),
    /// Check all content and templates, listing every problem; writes nothing
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site folder, holding content/
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Treat warnings (things allowed but probably wrong) as errors, e.g. in CI
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the website [default: public/ inside the site folder]
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The absolute URL the site will live at, overriding base_url in site.yaml
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Include articles marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Also check articles marked `draft: true` as if published
    #[arg(long)]
    pub drafts: bool,
}
