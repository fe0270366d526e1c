//! New sites (`briefing init`) and new content files (`briefing new`).

use std::path::{Path, PathBuf};

use crate::cli::Ci;
use crate::error::Error;
use crate::fs;
use crate::slug::slugify;
use crate::theme::{BUILT_IN_STATIC, BUILT_IN_STRINGS, BUILT_IN_TEMPLATES, STRINGS};
use crate::vocab::Kind;

const SITE_YAML: &str = "\
# Site settings; every one is optional.
title: My briefing
description: A briefing on the talks.
base_url: BASE_URL   # where the site will be published: the feed and sitemap use it
language: en
author: Briefing desk
articles_per_page: 50
html: escape        # raw HTML in Markdown: escape, sanitize or allow
# image: /img/card.png   # the picture shown where pages are shared (a file of static/)
";

/// The address a new site's site.yaml holds until its owner sets theirs: `build` and
/// `check` warn while it is still there.
pub(crate) const PLACEHOLDER_URL: &str = "https://example.org/";

const SAMPLE_ARTICLE: &str = "\
---
title: Talks open in Geneva
date: DATE
summary: Delegations meet for a first round on a ceasefire framework.
location: Geneva
actors: [sample-envoy]
proposals: [sample-framework]
topics: [Diplomacy]
quotes:
  - actor: sample-envoy
    text: We are here to listen.
    context: on arrival
    source: sample-report
sources:
  - sample-report
---
[The envoy](actor:sample-envoy) presented the
[ceasefire point](proposal:sample-framework#ceasefire) of the framework
[@sample-report, p. 2].

## What comes next

A second round is expected next week.
";

const SAMPLE_ACTOR: &str = "\
name: Sample Envoy
role: Special envoy
side: mediators
aliases: [The envoy]
summary: Leads the mediation team.
bio: |
  A profile in Markdown. Link to other items with [text](proposal:sample-framework).
";

const SAMPLE_PROPOSAL: &str = "\
title: Sample ceasefire framework
date: DATE
proposed_by: [sample-envoy]
status:
  - {status: tabled, date: DATE, source: sample-report}
stage: ceasefire
summary: A three-step path to a ceasefire.
total_points: 3
points:
  - id: ceasefire
    number: 1
    category: security-sector
    title: Ceasefire along the current line
    text: Both sides stop firing within 72 hours.
    topic: Security
    positions:
      # Stances oldest first, the last one current; a date may be a month
      # (2025-11), a year (2025) or approximate (~2025-11-20).
      sample-envoy:
        - {stance: conditional, date: ~MONTH, source: sample-report}
        - {stance: supports, date: DATE, source: sample-report}
description: |
  The framework the envoy brought to Geneva.
";

const SAMPLE_SOURCE: &str = "\
title: The report this briefing draws on
publisher: A news agency
url: https://example.org/report
published: DATE
language: en
notes: |
  What the report covers, and what it leaves out. Articles cite it in their text as
  `[@sample-report]`, or `[@sample-report, p. 2]` for a page; stances and quotes
  name it as `source: sample-report`.
";

/// The new site's own README: where things go. At the site's root, where nothing is
/// published (a note in static/ was copied into the built site).
const README: &str = "\
# A briefing site

Built with briefing: `briefing serve` previews it with live reload, `briefing build`
writes it to public/.

- content/: site.yaml (the settings), and the articles, actors, proposals and
  sources, in Markdown or YAML.
- templates/: templates here replace the built-in theme's, file by file: copy one
  from `briefing init --theme` (or the briefing repository's templates/) and edit
  it. The page templates are base.html, index.html, articles.html, article.html,
   actors.html, actor.html, proposals.html, proposal.html, compare.html, topics.html,
   topic.html, categories.html, category.html, sources.html, source.html,
   timeline.html, 404.html and redirect.html (with partials/evidence.html, which
   they share); the values each receives are listed in the briefing repository's
   docs/templates.md.
- static/: files here are copied to the root of the built site (images, a
  favicon, …); a style.css or search.js here replaces the built-in theme's.
";

/// What `init --ci github` writes: a GitHub Actions workflow for GitHub Pages.
const GITHUB_WORKFLOW: &str = include_str!("scaffold/publish.yml");

/// What `init --ci netlify` writes.
const NETLIFY_TOML: &str = include_str!("scaffold/netlify.toml");

/// The output folder stays out of the site's repository: CI builds it.
const GITIGNORE: &str = "/public/\n";

/// The files `init --ci` adds, with `briefing_git` as the repository CI installs briefing from.
fn ci_files(dir: &Path, ci: Ci, briefing_git: &str) -> Vec<(PathBuf, String)> {
    let file = match ci {
        Ci::Github => (dir.join(".github/workflows/publish.yml"), GITHUB_WORKFLOW),
        Ci::Netlify => (dir.join("netlify.toml"), NETLIFY_TOML),
    };
    vec![(file.0, file.1.replace("BRIEFING_GIT_URL", briefing_git)), (dir.join(".gitignore"), GITIGNORE.to_owned())]
}

fn today() -> String {
    let d = jiff::Zoned::now().date();
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn write_new(path: &Path, text: &str) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text.as_bytes())
}

/// Creates a new site in `dir`, which must not exist or be empty; with `ci`, also what
/// publishes it from CI, installing briefing from the git repository named with it.
pub(crate) fn init(dir: &Path, with_theme: bool, ci: Option<(Ci, &str)>) -> Result<Vec<PathBuf>, Error> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io("read", dir, e))?;
        if entries.next().is_some() {
            return Err(Error::NotEmpty { dir: dir.to_path_buf() });
        }
    }
    let date = today();
    let mut files: Vec<(PathBuf, String)> = vec![
        (dir.join("content/site.yaml"), SITE_YAML.replace("BASE_URL", PLACEHOLDER_URL)),
        (dir.join("content/articles/talks-open-in-geneva.md"), SAMPLE_ARTICLE.replace("DATE", &date)),
        (dir.join("content/actors/sample-envoy.yaml"), SAMPLE_ACTOR.to_owned()),
        (
            dir.join("content/proposals/sample-framework.yaml"),
            SAMPLE_PROPOSAL.replace("DATE", &date).replace("MONTH", &date[..7]),
        ),
        (dir.join("content/sources/sample-report.yaml"), SAMPLE_SOURCE.replace("DATE", &date)),
        (dir.join("README.md"), README.to_owned()),
    ];
    if let Some((ci, briefing_git)) = ci {
        files.extend(ci_files(dir, ci, briefing_git));
    }
    let mut written: Vec<PathBuf> = Vec::new();
    for (path, text) in files.drain(..) {
        write_new(&path, &text)?;
        written.push(path);
    }
    for folder in ["templates", "static"] {
        let path = dir.join(folder);
        fs::create_dir_all(&path)?;
        written.push(path);
    }
    if with_theme {
        for (name, bytes) in BUILT_IN_TEMPLATES {
            let path = dir.join("templates").join(name);
            write_new(&path, &String::from_utf8_lossy(bytes))?;
            written.push(path);
        }
        let path = dir.join("templates").join(STRINGS);
        write_new(&path, BUILT_IN_STRINGS)?;
        written.push(path);
        for (name, bytes) in BUILT_IN_STATIC {
            let path = dir.join("static").join(name);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&path, bytes)?;
            written.push(path);
        }
    }
    Ok(written)
}

/// The fields every kind may have, as comments at the end of a new file's front matter.
const EVERY_KIND: &str = "\
# image: https://example.org/card.jpg # shown where the page is shared: beside the item, /in-static.png or on the web
# publish: 2025-12-05T09:00+01:00 # left out of the site until then
# redirect_from: [old-id]         # ids it had before: their addresses send readers here
";

/// Writes a new content file for `title`, refusing to overwrite; returns its path.
pub(crate) fn new_item(root: &Path, kind: Kind, title: &str) -> Result<PathBuf, Error> {
    let id = slugify(title);
    if id.is_empty() {
        return Err(Error::NoId { title: title.to_owned() });
    }
    // `./content/…` reads worse than `content/…` in the message.
    let content = if root == Path::new(".") { PathBuf::from("content") } else { root.join("content") };
    if !content.is_dir() {
        let advice = "run this in a site folder, or pass --root";
        return Err(Error::NoContent { root: root.to_path_buf(), advice });
    }
    let folder = content.join(kind.folder());
    let taken = ["md", "yaml", "yml"].iter().map(|ext| folder.join(format!("{id}.{ext}"))).find(|p| p.exists());
    if let Some(existing) = taken {
        return Err(Error::Exists { path: existing });
    }
    let quoted = serde_json::to_string(title).unwrap_or_else(|_| format!("{title:?}"));
    // Optional fields are left as comments, so that the new file builds at once.
    let text = match kind {
        Kind::Article => format!(
            "---\ntitle: {quoted}\ndate: {}\nsummary:\nlocation:\nactors: []\nproposals: []\ntopics: []\n\
             # A date may also be a month (2025-11), a year (2025) or approximate (~2025-11-20).\n\
             # quotes:\n#   - actor: ACTOR-ID\n#     text: …\n#     date: 2025-11-20\n#     source: SOURCE-ID\n\
             # sources:\n#   - SOURCE-ID\n#   - title: …\n#     publisher: …\n#     url: https://…\n\
             # In the text, cite a source item as [@SOURCE-ID], or [@SOURCE-ID, p. 3] for a page.\n\
             {EVERY_KIND}---\nWrite the article here.\n",
            today()
        ),
        Kind::Actor => format!(
            "---\nname: {quoted}\nrole:\nside:\naliases: []\nsummary:\n\
             # type: organization            # a government or a delegation (a person if not set)\n\
             {EVERY_KIND}---\nWrite the profile here.\n"
        ),
        Kind::Proposal => format!(
            "---\ntitle: {quoted}\ndate: {}\nproposed_by: []\nstatus: draft\nsummary:\npoints: []\n\
             # stage: framework-partial     # pre-negotiation, ceasefire, framework-comprehensive, …\n\
             # total_points: 28             # how many points the official text has\n\
             # amends: PROPOSAL-ID          # the proposal whose points this one amends\n\
             # status:   # or a dated history, oldest first, the last one current\n\
             #   - {{status: tabled, date: 2025-11-20, source: SOURCE-ID}}\n\
             #   - {{status: under-negotiation, date: ~2025-12, source: SOURCE-ID}}\n\
             # points:\n#   - id: first-point\n#     number: 1\n#     category: security-sector\n#     amends: POINT-ID\n\
             #     title: …\n#     text: …\n#     positions:\n#       ACTOR-ID: supports\n\
             #       OTHER-ACTOR-ID:\n\
             #         - {{stance: supports, date: 2025-11-21, source: SOURCE-ID}}\n\
             #         - {{stance: opposes, date: ~2025-12-02, source: SOURCE-ID, quote: \"…\"}}\n\
             {EVERY_KIND}---\nDescribe the proposal here.\n",
            today()
        ),
        Kind::Source => format!(
            "---\ntitle: {quoted}\npublisher:\nurl:\npublished:\n\
             # A date may be a month (2025-11), a year (2025) or approximate (~2025-11-20).\n\
             # accessed: {}\n# archive_url: https://…\n# language: en\n\
             ---\nNotes on the source: what it covers, and what it leaves out.\n",
            today()
        ),
    };
    let path = folder.join(format!("{id}.md"));
    write_new(&path, &text)?;
    Ok(path)
}
