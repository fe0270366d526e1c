//! Where each page lives. Paths are relative to the site root and end in `/`; the
//! page itself is the `index.html` inside.

use crate::model::{Actor, Article, Proposal, SourceItem, Topic};

pub(crate) fn article(a: &Article) -> String {
    format!("articles/{}/", a.id)
}

pub(crate) fn actor(a: &Actor) -> String {
    format!("actors/{}/", a.id)
}

pub(crate) fn proposal(p: &Proposal) -> String {
    format!("proposals/{}/", p.id)
}

/// The page putting proposal `new` beside the version `old_id` it supersedes.
pub(crate) fn compare(new: &Proposal, old_id: &str) -> String {
    format!("proposals/{}/compare/{old_id}/", new.id)
}

pub(crate) fn topic(t: &Topic) -> String {
    format!("topics/{}/", t.slug)
}

pub(crate) fn category(c: &crate::vocab::Category) -> String {
    format!("categories/{}/", c.id)
}

pub(crate) fn source(s: &SourceItem) -> String {
    format!("sources/{}/", s.id)
}

/// Page `n` (1-based) of the article list.
pub(crate) fn article_list(n: usize) -> String {
    if n <= 1 { "articles/".to_owned() } else { format!("articles/page/{n}/") }
}

/// The way back to the site root from the page at `path`: `../` per folder.
pub(crate) fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// The file a page path is written to.
pub(crate) fn file_of(path: &str) -> String {
    format!("{path}index.html")
}

/// The path part of `base_url` (`/` or `/briefing/`), for the 404 page's links.
pub(crate) fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) if base_url.contains("://") => after_scheme[i..].to_owned(),
        _ if base_url.starts_with('/') => base_url.to_owned(),
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_climbs_one_level_per_folder() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("actors/"), "../");
        assert_eq!(root_of("articles/page/2/"), "../../../");
    }

    #[test]
    fn base_path_is_the_path_of_base_url() {
        assert_eq!(base_path("https://example.org/"), "/");
        assert_eq!(base_path("https://example.org/briefing/"), "/briefing/");
        assert_eq!(base_path("/"), "/");
    }
}
