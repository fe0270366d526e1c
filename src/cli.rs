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
    /// Build in memory and serve with live reload, rebuilding on every change
    ///
    /// Nothing is written to disk. Open pages reload when a change affects them, and
    /// show the problems when an edit breaks the content.
    Serve(ServeArgs),
    /// Create a new site in DIR that builds at once
    Init(InitArgs),
    /// Write a new article, actor or proposal file with its front matter
    New(NewArgs),
    /// Print the script that completes briefing's commands and options in a shell
    ///
    /// bash: `briefing completions bash > ~/.local/share/bash-completion/completions/briefing`
    ///
    /// zsh: `briefing completions zsh > _briefing`, in a folder of your $fpath
    ///
    /// fish: `briefing completions fish > ~/.config/fish/completions/briefing.fish`
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub(crate) struct SiteArgs {
    /// The site folder, holding content/
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
    /// Treat warnings (things allowed but probably wrong) as errors, e.g. in CI
    #[arg(long)]
    pub(crate) deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// Where to write the website [default: public/ inside the site folder]
    #[arg(long, short, value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
    /// The absolute URL the site will live at, overriding base_url in site.yaml
    #[arg(long, value_name = "URL", value_parser = base_url)]
    pub(crate) base_url: Option<String>,
    /// Include articles marked `draft: true`
    #[arg(long)]
    pub(crate) drafts: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// Also check articles marked `draft: true` as if published
    #[arg(long)]
    pub(crate) drafts: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub(crate) site: SiteArgs,
    /// The address to listen on (127.0.0.1: this machine only, which answers only
    /// to localhost, 127.0.0.1 and [::1]; 0.0.0.0: other machines too, under any name)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub(crate) bind: std::net::IpAddr,
    /// The port to listen on (0: any free port)
    #[arg(long, short, default_value_t = 1111)]
    pub(crate) port: u16,
    /// Include articles marked `draft: true`
    #[arg(long)]
    pub(crate) drafts: bool,
    /// Open the site in a web browser
    #[arg(long)]
    pub(crate) open: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder for the new site (must not exist, or be empty)
    pub(crate) dir: PathBuf,
    /// Also copy the built-in templates and static files, to edit them
    #[arg(long)]
    pub(crate) theme: bool,
    /// Also write what publishes the site from its git repository on every push: a GitHub
    /// Actions workflow for GitHub Pages, or a netlify.toml
    #[arg(long, value_name = "HOST")]
    pub(crate) ci: Option<Ci>,
    /// With --ci: the git repository to install briefing from in the workflow (it is not
    /// on crates.io), e.g. https://github.com/USER/briefing
    #[arg(long, value_name = "URL", requires = "ci", value_parser = git_url)]
    pub(crate) briefing_git: Option<String>,
}

/// Where `init --ci` publishes the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Ci {
    /// GitHub Pages, through a GitHub Actions workflow (.github/workflows/publish.yml)
    Github,
    /// Netlify (netlify.toml)
    Netlify,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    pub(crate) shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum NewKind {
    Article,
    Actor,
    Proposal,
    Source,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// What to create
    pub(crate) kind: NewKind,
    /// Its title (or name); the file name and id are made from it
    pub(crate) title: String,
    /// The site folder, holding content/
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub(crate) root: PathBuf,
}

/// Why a URL given on the command line is refused; clap shows it in a usage error.
#[derive(Debug)]
enum BadUrl {
    /// `--base-url`, as `base_url` in site.yaml would be.
    Base(crate::parse::settings::Problem),
    Empty,
    /// A character that a git address does not hold.
    Character(char),
}

impl std::fmt::Display for BadUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadUrl::Base(problem) => write!(f, "the URL {}; {}", problem.what, problem.hint),
            BadUrl::Empty => f.write_str("the URL is empty"),
            BadUrl::Character(c) => {
                write!(f, "the URL holds {c:?}, which git addresses do not (write it percent-encoded)")
            }
        }
    }
}

impl std::error::Error for BadUrl {}

/// `--base-url` is checked as `base_url` in site.yaml is; a wrong one is a usage error.
fn base_url(text: &str) -> Result<String, BadUrl> {
    match crate::parse::settings::base_url_problem(text) {
        None => Ok(text.to_owned()),
        Some(problem) => Err(BadUrl::Base(problem)),
    }
}

/// A repository address for `--briefing-git`: written into YAML and TOML strings and a
/// shell's quotes, so only the characters of a URL (or of git's `user@host:path`).
fn git_url(text: &str) -> Result<String, BadUrl> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~:/?#[]@!&+,;=%".contains(c);
    match text.chars().find(|&c| !allowed(c)) {
        _ if text.is_empty() => Err(BadUrl::Empty),
        Some(c) => Err(BadUrl::Character(c)),
        None => Ok(text.to_owned()),
    }
}
