//! The machine-readable outputs: Atom feed, sitemap, robots.txt, the search index and
//! the open data in `data/*.json`. All absolute URLs come from `base_url`.

use std::sync::Arc;

use serde::Serialize;

use super::routes;
use crate::model::{Article, Site, source_items};

const FEED_ENTRIES: usize = 20;

/// `text` as XML character data or an attribute value. Characters that XML 1.0 does not
/// allow at all (C0 controls but tab and line breaks, U+FFFE, U+FFFF) would make the
/// whole document unreadable: each becomes U+FFFD, the replacement character.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !allowed_in_xml(c) => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// XML 1.0's `Char` production (surrogates cannot be in a Rust string).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{fffd}' | '\u{10000}'..)
}

/// The latest articles as an Atom feed; bodies keep their relative links, resolved by `xml:base`.
pub(crate) fn atom(site: &Site) -> String {
    let base = &site.config.base_url;
    let published = || site.articles.iter().filter(|a| !a.draft);
    let updated = published().next().map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |a| a.fields.date.rfc3339());
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    out.push_str(&format!(" xml:lang=\"{}\">\n", escape_xml(&site.config.language)));
    out.push_str(&format!("  <title>{}</title>\n", escape_xml(&site.config.title)));
    if !site.config.description.is_empty() {
        out.push_str(&format!("  <subtitle>{}</subtitle>\n", escape_xml(&site.config.description)));
    }
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}atom.xml\"/>\n",
        escape_xml(base)
    ));
    out.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape_xml(base)));
    out.push_str(&format!("  <id>{}</id>\n  <updated>{updated}</updated>\n", escape_xml(base)));
    if !site.config.author.is_empty() {
        out.push_str(&format!("  <author><name>{}</name></author>\n", escape_xml(&site.config.author)));
    } else {
        out.push_str(&format!("  <author><name>{}</name></author>\n", escape_xml(&site.config.title)));
    }
    for a in published().take(FEED_ENTRIES) {
        let url = format!("{base}{}", routes::article(a));
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", escape_xml(&a.fields.title)));
        out.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", escape_xml(&url)));
        out.push_str(&format!("    <id>{}</id>\n", escape_xml(&url)));
        out.push_str(&format!(
            "    <published>{}</published>\n    <updated>{}</updated>\n",
            a.fields.date.rfc3339(),
            a.fields.date.rfc3339()
        ));
        if let Some(summary) = &a.fields.summary {
            out.push_str(&format!("    <summary>{}</summary>\n", escape_xml(summary)));
        }
        for t in &a.topics {
            out.push_str(&format!("    <category term=\"{}\"/>\n", escape_xml(&site.topics[*t].name)));
        }
        // A timestamp cannot say that only the month is known, or that the day is
        // approximate: the entry's text says so first.
        let date = &a.fields.date;
        let dated = if date.is_exact() {
            String::new()
        } else {
            format!("<p><time datetime=\"{}\">{}</time></p>\n", date.ymd(), date.display())
        };
        out.push_str(&format!(
            "    <content type=\"html\" xml:base=\"{}\">{}{}</content>\n",
            escape_xml(&url),
            escape_xml(&dated),
            escape_xml(&a.fields.body)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Every page but the 404, with absolute URLs.
pub(crate) fn sitemap(site: &Site, pages: &[(String, Option<String>)]) -> String {
    // Each entry is the page's URL and date in 64 bytes of markup.
    let room = pages.iter().map(|(path, _)| site.config.base_url.len() + path.len() + 64).sum::<usize>();
    let mut out = String::with_capacity(room + 256);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in pages {
        out.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape_xml(&format!("{}{path}", site.config.base_url))));
        if let Some(date) = lastmod {
            out.push_str(&format!("    <lastmod>{date}</lastmod>\n"));
        }
        out.push_str("  </url>\n");
    }
    out.push_str("</urlset>\n");
    out
}

pub(crate) fn robots(site: &Site) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {}sitemap.xml\n", site.config.base_url)
}

#[derive(Serialize)]
struct SearchEntry<'a> {
    kind: &'static str,
    title: &'a str,
    path: String,
    summary: &'a str,
    date: String,
    /// An actor's other names, in any script: found by the search, which shows the one
    /// that matched beside the name.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
}

/// The search index as JSON, and the same data as a script (`file://` blocks fetch).
pub(crate) fn search_index(site: &Site, kept: Option<&[&ArticleJson]>) -> (String, String) {
    let mut entries = Vec::new();
    for a in &site.actors {
        let summary = a.fields.summary.as_deref().or(a.fields.role.as_deref()).unwrap_or("");
        entries.push(SearchEntry {
            kind: "actor",
            title: &a.fields.name,
            path: routes::actor(a),
            summary,
            date: String::new(),
            aliases: &a.fields.aliases,
        });
    }
    for p in &site.proposals {
        let summary = p.fields.summary.as_deref().unwrap_or("");
        let date = p.fields.date.map(|d| d.ymd()).unwrap_or_default();
        entries.push(SearchEntry {
            kind: "proposal",
            title: &p.fields.title,
            path: routes::proposal(p),
            summary,
            date,
            aliases: &[],
        });
    }
    for t in &site.topics {
        entries.push(SearchEntry {
            kind: "topic",
            title: &t.name,
            path: routes::topic(t),
            summary: "",
            date: String::new(),
            aliases: &[],
        });
    }
    for s in &site.sources {
        entries.push(SearchEntry {
            kind: "source",
            title: &s.fields.title,
            path: routes::source(s),
            summary: s.fields.publisher.as_deref().unwrap_or(""),
            date: s.fields.published.map(|d| d.ymd()).unwrap_or_default(),
            aliases: &[],
        });
    }
    // The articles' entries, then the others', as serde_json would write one list:
    // written into one buffer, which the script then wraps.
    // Room for the articles' entries (their sizes when kept, else a sample's) and the
    // others' (their text and 64 bytes of JSON each).
    let articles_room = match kept {
        Some(kept) => kept.iter().map(|k| k.search.len() + 1).sum(),
        None => room_as(site.articles.len(), site.articles.iter().map(article_search_entry), write_json),
    };
    let others_room: usize = entries.iter().map(|e| e.title.len() + e.summary.len() + e.path.len() + 64).sum();
    let mut json = Vec::with_capacity(articles_room + others_room + 2);
    json.push(b'[');
    let mut first = true;
    let mut comma = |json: &mut Vec<u8>| {
        if !std::mem::take(&mut first) {
            json.push(b',');
        }
    };
    match kept {
        Some(kept) => {
            for (k, _) in kept.iter().zip(&site.articles).filter(|(_, a)| !a.draft) {
                comma(&mut json);
                json.extend_from_slice(k.search.as_bytes());
            }
        }
        None => {
            for a in site.articles.iter().filter(|a| !a.draft) {
                comma(&mut json);
                write_json(&mut json, &article_search_entry(a));
            }
        }
    }
    for e in &entries {
        comma(&mut json);
        write_json(&mut json, e);
    }
    json.push(b']');
    // Only serde_json wrote into the buffer, and it writes UTF-8.
    let json = String::from_utf8(json).unwrap_or_default();
    let mut script = String::with_capacity(json.len() + 32);
    script.push_str("window.BRIEFING_SEARCH = ");
    script.push_str(&json);
    script.push_str(";\n");
    (json, script)
}

/// Appends `value` as compact JSON.
fn write_json<T: Serialize>(out: &mut Vec<u8>, value: &T) {
    // Our data structs hold only strings, numbers, lists and maps with string keys:
    // serializing them cannot fail.
    let _ = serde_json::to_writer(&mut *out, value);
}

/// One article's parts of the search index and of `data/articles.json`, as JSON text:
/// the preview server keeps them, and after an edit makes again only those of the
/// articles that changed.
#[derive(Debug, Clone)]
pub(crate) struct ArticleJson {
    pub(crate) search: Arc<str>,
    pub(crate) data: Arc<str>,
}

impl ArticleJson {
    pub(crate) fn new(site: &Site, a: &Article) -> ArticleJson {
        ArticleJson {
            search: serde_json::to_string(&article_search_entry(a)).unwrap_or_default().into(),
            data: article_data_item(site, a).into(),
        }
    }
}

fn article_search_entry(a: &Article) -> SearchEntry<'_> {
    SearchEntry {
        kind: "article",
        title: &a.fields.title,
        path: routes::article(a),
        summary: a.fields.summary.as_deref().unwrap_or(""),
        date: a.fields.date.ymd(),
        aliases: &[],
    }
}

/// An article's entry of `data/articles.json`.
fn article_data<'a>(site: &'a Site, a: &'a Article) -> ArticleData<'a> {
    ArticleData {
        id: &a.id,
        title: &a.fields.title,
        date: a.fields.date.ymd(),
        date_precision: a.fields.date.precision_name(),
        path: routes::article(a),
        summary: a.fields.summary.as_deref(),
        actors: a.mentions_actors.iter().map(|i| site.actors[*i].id.as_str()).collect(),
        proposals: a.mentions_proposals.iter().map(|p| site.proposals[*p].id.as_str()).collect(),
        topics: a.topics.iter().map(|t| site.topics[*t].slug.as_str()).collect(),
        sources: source_items(&a.sources).map(|s| site.sources[s].id.as_str()).collect(),
    }
}

/// An article's entry of `data/articles.json` as text, indented as an item of the list.
fn article_data_item(site: &Site, a: &Article) -> String {
    let alone = serde_json::to_string_pretty(&article_data(site, a)).unwrap_or_default();
    let mut item = String::with_capacity(alone.len() + alone.len() / 16);
    for (i, line) in alone.split('\n').enumerate() {
        if i > 0 {
            item.push('\n');
        }
        item.push_str("  ");
        item.push_str(line);
    }
    item
}

#[derive(Serialize)]
struct ArticleData<'a> {
    id: &'a str,
    title: &'a str,
    date: String,
    date_precision: &'static str,
    path: String,
    summary: Option<&'a str>,
    actors: Vec<&'a str>,
    proposals: Vec<&'a str>,
    topics: Vec<&'a str>,
    /// The source items it lists or cites, as its page numbers them.
    sources: Vec<&'a str>,
}

#[derive(Serialize)]
struct ActorData<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
    side: Option<&'a str>,
    path: String,
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct PointData<'a> {
    id: &'a str,
    number: Option<&'a str>,
    category: Option<&'static str>,
    amends: Option<&'a str>,
    title: &'a str,
    positions: std::collections::BTreeMap<&'a str, &'static str>,
}

#[derive(Serialize)]
struct ProposalData<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    date_precision: Option<&'static str>,
    status: Option<&'static str>,
    stage: Option<&'static str>,
    path: String,
    proposed_by: Vec<&'a str>,
    supersedes: Option<&'a str>,
    superseded_by: Option<&'a str>,
    amends: Option<&'a str>,
    amended_by: Vec<&'a str>,
    total_points: Option<u64>,
    points: Vec<PointData<'a>>,
    /// Its status over time, oldest first (the last is `status`).
    statuses: Vec<StatusData<'a>>,
    articles: Vec<&'a str>,
}

#[derive(Serialize)]
struct StatusData<'a> {
    status: &'static str,
    date: Option<String>,
    date_precision: Option<&'static str>,
    source: Option<&'a str>,
}

pub(crate) const ARTICLES_JSON: &str = "data/articles.json";
pub(crate) const ACTORS_JSON: &str = "data/actors.json";
pub(crate) const PROPOSALS_JSON: &str = "data/proposals.json";

/// `data/articles.json`, `data/actors.json`, `data/proposals.json`, as docs/pages.md,
/// "Open data", describes, each handed to `give` with its path as soon as it is made.
pub(crate) fn open_data<E>(
    site: &Site,
    kept: Option<&[&ArticleJson]>,
    give: &mut dyn FnMut(&'static str, String) -> Result<(), E>,
) -> Result<(), E> {
    // Drafts are not published: the data neither lists them nor names them.
    let article_ids = |ixs: &[usize]| -> Vec<&str> {
        ixs.iter().map(|i| &site.articles[*i]).filter(|a| !a.draft).map(|a| a.id.as_str()).collect()
    };
    let actor_ids = |ixs: &[usize]| -> Vec<&str> { ixs.iter().map(|i| site.actors[*i].id.as_str()).collect() };
    let articles = match kept {
        // The list as `pretty` writes it, joined from each article's item.
        Some(kept) if site.articles.iter().any(|a| !a.draft) => {
            let kept: Vec<&&ArticleJson> =
                kept.iter().zip(&site.articles).filter(|(_, a)| !a.draft).map(|(k, _)| k).collect();
            let mut out = String::with_capacity(kept.iter().map(|k| k.data.len() + 2).sum::<usize>() + 4);
            out.push('[');
            for (i, k) in kept.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                out.push_str(&k.data);
            }
            out.push_str("\n]\n");
            out
        }
        _ => {
            let items = || site.articles.iter().filter(|a| !a.draft).map(|a| article_data(site, a));
            pretty(&Seq(items), room(site.articles.len(), items()))
        }
    };
    give(ARTICLES_JSON, articles)?;
    let actors: Vec<ActorData<'_>> = site
        .actors
        .iter()
        .map(|a| ActorData {
            id: &a.id,
            name: &a.fields.name,
            role: a.fields.role.as_deref(),
            side: a.fields.side.as_deref(),
            path: routes::actor(a),
            articles: article_ids(&a.articles),
        })
        .collect();
    give(ACTORS_JSON, pretty(&actors, room(actors.len(), actors.iter())))?;
    drop(actors);
    let proposals: Vec<ProposalData<'_>> = site
        .proposals
        .iter()
        .map(|p| ProposalData {
            id: &p.id,
            title: &p.fields.title,
            date: p.fields.date.map(|d| d.ymd()),
            date_precision: p.fields.date.map(|d| d.precision_name()),
            status: p.fields.status.map(|s| s.as_str()),
            stage: p.fields.stage.map(|s| s.as_str()),
            path: routes::proposal(p),
            proposed_by: actor_ids(&p.sponsors),
            supersedes: p.supersedes.map(|i| site.proposals[i].id.as_str()),
            superseded_by: p.superseded_by.map(|i| site.proposals[i].id.as_str()),
            amends: p.amends.map(|i| site.proposals[i].id.as_str()),
            amended_by: p.amended_by.iter().map(|i| site.proposals[*i].id.as_str()).collect(),
            total_points: p.fields.total_points,
            points: p
                .points
                .iter()
                .map(|pt| PointData {
                    id: &pt.fields.id,
                    number: pt.fields.number.as_deref(),
                    category: pt.fields.category.map(|(_, c)| c.id),
                    amends: p
                        .amends
                        .zip(pt.amends)
                        .map(|(target, amended)| site.proposals[target].points[amended].fields.id.as_str()),
                    title: &pt.fields.title,
                    positions: pt
                        .positions
                        .iter()
                        .map(|pos| (site.actors[pos.actor].id.as_str(), pos.current().what.as_str()))
                        .collect(),
                })
                .collect(),
            statuses: p
                .statuses
                .iter()
                .map(|s| StatusData {
                    status: s.what.as_str(),
                    date: s.date.map(|d| d.ymd()),
                    date_precision: s.date.map(|d| d.precision_name()),
                    source: s.source.map(|i| site.sources[i].id.as_str()),
                })
                .collect(),
            articles: article_ids(&p.articles),
        })
        .collect();
    give(PROPOSALS_JSON, pretty(&proposals, room(proposals.len(), proposals.iter())))
}

/// Bytes to set aside for the JSON of a list of `n` items, from the first of `items`:
/// their average size as `pretty` writes them, and a quarter more. A buffer that has
/// to grow copies itself into fresh memory at each doubling, which for a data file of
/// megabytes takes several times its size.
fn room<T: Serialize>(n: usize, items: impl Iterator<Item = T>) -> usize {
    room_as(n, items, |out, item| {
        let _ = serde_json::to_writer_pretty(out, item);
    })
}

/// `room`, for items written by `write`.
fn room_as<T>(n: usize, items: impl Iterator<Item = T>, write: impl Fn(&mut Vec<u8>, &T)) -> usize {
    const SAMPLE: usize = 32;
    let mut sample = Vec::new();
    let mut taken = 0;
    for item in items.take(SAMPLE) {
        write(&mut sample, &item);
        taken += 1;
    }
    let each = sample.len() / taken.max(1) + 8;
    (n * each + n * each / 4).max(1024)
}

/// Pretty JSON with a final newline, into a buffer of `room` bytes (see `room`).
fn pretty<T: Serialize>(value: &T, room: usize) -> String {
    let mut out = Vec::with_capacity(room);
    if serde_json::to_writer_pretty(&mut out, value).is_err() {
        out = b"[]".to_vec();
    }
    out.push(b'\n');
    // serde_json writes UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// A list serialized from the items an iterator makes, without collecting them first.
struct Seq<F>(F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_does_not_allow_are_replaced() {
        assert_eq!(
            escape_xml("a\0b\u{1}\u{1b}\u{fffe}\u{ffff}<\t\n\r\u{202e}\u{85}\u{1f600}"),
            "a\u{fffd}b\u{fffd}\u{fffd}\u{fffd}\u{fffd}&lt;\t\n\r\u{202e}\u{85}\u{1f600}"
        );
    }

    #[test]
    fn room_holds_a_list_of_items_like_its_first_without_growing() {
        #[derive(Serialize)]
        struct Item {
            id: String,
            tags: Vec<&'static str>,
        }
        let items: Vec<Item> =
            (0..5000).map(|i| Item { id: format!("item-{i}"), tags: vec!["a", "bb", "ccc"] }).collect();
        let room = room(items.len(), items.iter());
        let json = pretty(&items, room);
        assert!(json.len() <= room, "{} bytes written into room for {room}", json.len());
        assert!(room < json.len() * 2, "room for {room} bytes is far more than the {} written", json.len());
    }
}
