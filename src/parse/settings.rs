//! The settings of `content/site.yaml` checked beyond their types, like content: the base
//! URL (also `--base-url`), the language tag and the page size, each at its value.

use super::fields::{Obj, Problems};
use super::{At, Place};
use crate::diagnostic::Diagnostic;
use crate::read::SourceFile;
use crate::scaffold::PLACEHOLDER_URL;
use crate::vocab::{Format, SiteConfig};

/// More articles than this on one list page is a typo (or a page no browser opens).
pub(crate) const MAX_ARTICLES_PER_PAGE: usize = 10_000;

/// What is wrong with a base URL, said after its name, and how to write it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) what: String,
    pub(crate) hint: String,
}

impl Problem {
    fn new(what: impl Into<String>, hint: impl Into<String>) -> Problem {
        Problem { what: what.into(), hint: hint.into() }
    }
}

/// Checks the settings site.yaml set (those it leaves out have sound defaults).
pub(super) fn check(obj: &Obj<'_>, config: &SiteConfig, problems: &mut Problems<'_>) {
    let set = |key: &str| obj.map.get(key).is_some_and(|e| !e.value.is_null());
    if set("base_url") {
        // As written: control characters in text are blanked on the way to `config`.
        let written = obj.map.get("base_url").and_then(|e| e.value.as_str()).unwrap_or(&config.base_url);
        if let Some(problem) = base_url_problem(written) {
            problems.error(&obj.at_value("base_url"), format!("`base_url` {}", problem.what), Some(problem.hint));
        }
    }
    if set("language") && !is_language_tag(&config.language) {
        let hint = "write a language tag such as `en`, `uk` or `pt-BR` (it is the pages' `lang` attribute)";
        problems.error(&obj.at_value("language"), "`language` is not a language tag", Some(hint.to_owned()));
    }
    if config.articles_per_page > MAX_ARTICLES_PER_PAGE {
        let message = format!("`articles_per_page` is more than {MAX_ARTICLES_PER_PAGE}");
        let hint = "the article lists are split into pages of this many articles; the default is 50";
        problems.error(&obj.at_value("articles_per_page"), message, Some(hint.to_owned()));
    }
}

/// Why `url` cannot be the address the site lives at: it must be an absolute `http://`
/// or `https://` URL, written out whole, that page paths can be added to the end of.
/// Everything made from it (the feed, the sitemap, robots.txt, canonical links) takes
/// it as it is written.
pub(crate) fn base_url_problem(url: &str) -> Option<Problem> {
    const EXAMPLE: &str = "write the whole address, e.g. `https://example.org/briefing/`";
    if let Some(c) = url.chars().find(|&c| c.is_whitespace() || c.is_control() || crate::terminal::is_unsafe(c)) {
        let what = match c {
            ' ' => "a space",
            '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => "a line break",
            '\t' => "a tab",
            c if c.is_whitespace() => "a space character",
            _ => "an invisible control character",
        };
        let what = format!("holds {what} (U+{:04X}), which no web address has", c as u32);
        return Some(Problem::new(what, "write the address on one line, with any space in it as `%20`"));
    }
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest =
        ["https://", "http://"].iter().find_map(|scheme| lower.starts_with(scheme).then(|| &url[scheme.len()..]));
    let Some(rest) = rest else {
        let hint = if !url.contains(':') && url.contains('.') && !url.starts_with(['/', '.']) {
            format!("write the whole address: `https://{}`", url)
        } else {
            EXAMPLE.to_owned()
        };
        return Some(Problem::new("is not an absolute http:// or https:// address", hint));
    };
    if rest.is_empty() || rest.starts_with(['/', '\\']) {
        return Some(Problem::new("has no host name after `//`", EXAMPLE));
    }
    if let Some(c) = url.chars().find(|c| matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')) {
        let what = format!("holds `{c}`, which is not allowed in a web address");
        return Some(Problem::new(what, "write it percent-encoded (`%` and its code)"));
    }
    let parsed = match url::Url::parse(url) {
        Ok(parsed) => parsed,
        Err(e) => return Some(Problem::new(format!("is not a valid web address: {e}"), EXAMPLE)),
    };
    if parsed.query().is_some() || parsed.fragment().is_some() {
        let what = "has a `?` query or a `#` fragment, but page paths are added to its end";
        return Some(Problem::new(
            what,
            "end it with the path the site lives at, e.g. `https://example.org/briefing/`",
        ));
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some(Problem::new("holds a user name or password", "leave them out: the address is published"));
    }
    None
}

/// A BCP 47 language tag as sites use them: a language of two or three letters, then
/// subtags of one to eight letters or digits (`en`, `uk`, `pt-BR`, `zh-Hant-TW`, `es-419`).
pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or("");
    (2..=3).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A warning when the site would be published at the placeholder address that
/// `briefing init` writes (after `--base-url`, which replaces it), at its line in
/// site.yaml.
pub(crate) fn placeholder(site: Option<&SourceFile>, config: &SiteConfig) -> Option<Diagnostic> {
    if config.base_url != PLACEHOLDER_URL {
        return None;
    }
    let message = format!("`base_url` is still `{PLACEHOLDER_URL}`, the placeholder that `briefing init` wrote");
    let hint = "set it to the address the site will be published at (or pass --base-url): \
                the feed, the sitemap and canonical links are made from it";
    let Some(file) = site else { return Some(Diagnostic::warning("", message).with_hint(hint)) };
    let place = Place { path: file.path.clone(), format: Format::Yaml, yaml: 0..file.text.len(), body: 0..0 };
    let warning = Diagnostic::warning(&file.path, message).with_hint(hint);
    // site.yaml parsed once more, for the place: only when the warning is due.
    let written = super::yaml::parse(&file.text).ok().and_then(|root| root.get("base_url").map(|n| n.at));
    Some(match written {
        Some(at) => place.diagnostic(&file.text, &At::Yaml(at), warning),
        None => warning,
    })
}

/// An error when site.yaml's `image` is neither a web address nor a file of `static/`
/// (`statics`, the theme's and the site's, by path), at its line.
pub(crate) fn image_problem(site: Option<&SourceFile>, config: &SiteConfig, statics: &[&str]) -> Option<Diagnostic> {
    let image = config.image.as_deref()?;
    let lower = image.to_ascii_lowercase();
    let (message, hint) = if lower.starts_with("https://") || lower.starts_with("http://") {
        let e = url::Url::parse(image).err()?;
        (
            format!("`image` is not a valid web address: {e}"),
            "write the whole address, e.g. `https://example.org/card.png`".to_owned(),
        )
    } else {
        let name = image.strip_prefix('/').unwrap_or(image);
        if statics.contains(&name) {
            return None;
        }
        let hint = crate::suggest::did_you_mean(name, statics.iter().copied()).unwrap_or_else(|| {
            format!("put the picture in static/ (static/{name}), or write a web address (https://…)")
        });
        (format!("`image` is `{image}`, which is not a file of static/"), hint)
    };
    let Some(file) = site else { return Some(Diagnostic::error("", message).with_hint(hint)) };
    let place = Place { path: file.path.clone(), format: Format::Yaml, yaml: 0..file.text.len(), body: 0..0 };
    let error = Diagnostic::error(&file.path, message).with_hint(hint);
    // site.yaml parsed once more, for the place: only when the error is due.
    let written = super::yaml::parse(&file.text).ok().and_then(|root| root.get("image").map(|n| n.at));
    Some(match written {
        Some(at) => place.diagnostic(&file.text, &At::Yaml(at), error),
        None => error,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_absolute_web_addresses_on_one_line() {
        for good in
            ["https://example.org/", "http://localhost:8080/x/", "HTTPS://Example.org/a%20b/", "https://пример.рф/"]
        {
            assert_eq!(base_url_problem(good), None, "{good}");
        }
        let what = |url: &str| base_url_problem(url).map(|p| p.what).unwrap_or_default();
        assert_eq!(what("example.org/"), "is not an absolute http:// or https:// address");
        assert_eq!(base_url_problem("example.org").unwrap().hint, "write the whole address: `https://example.org`");
        assert_eq!(what("javascript:alert(1)//"), "is not an absolute http:// or https:// address");
        assert_eq!(what("/briefing/"), "is not an absolute http:// or https:// address");
        assert_eq!(what("https://x.org/\nDisallow: /"), "holds a line break (U+000A), which no web address has");
        assert_eq!(what("https://x.org/a b"), "holds a space (U+0020), which no web address has");
        assert_eq!(
            what("https://x.org/\u{202e}"),
            "holds an invisible control character (U+202E), which no web address has"
        );
        assert_eq!(what("https:///x.org/"), "has no host name after `//`");
        assert_eq!(what("https://x.org:99999/"), "is not a valid web address: invalid port number");
        assert_eq!(
            what("https://x.org/?page="),
            "has a `?` query or a `#` fragment, but page paths are added to its end"
        );
        assert_eq!(what("https://x.org/\"onload=\""), "holds `\"`, which is not allowed in a web address");
        assert_eq!(what("https://me:pw@x.org/"), "holds a user name or password");
    }

    #[test]
    fn language_tags_are_bcp_47_like() {
        for good in ["en", "uk", "pt-BR", "zh-Hant-TW", "es-419", "ast"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in ["", "English", "e", "en_GB", "en-", "en-GB-toolongsubtag", "\"><script>", "en GB"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
