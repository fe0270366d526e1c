//! What a page says to the sites it is shared on and to search engines: its Open Graph
//! type, address and picture, the kind of Twitter card, and schema.org structured data
//! as JSON-LD (`NewsArticle` for an article, `Person` or `Organization` for an actor,
//! `WebSite` for the front page). Addresses here are absolute, so they are given only
//! when `base_url` is an absolute address (or the picture is on the web).

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Serialize;
use serde_json::{Map, Value, json};
use tera::Context;

use super::Page;
use super::routes;
use crate::model::files::Picture;
use crate::model::{Actor, Article, Site};
use crate::vocab::ActorType;

/// The characters a path in a URL cannot hold as they are.
const PATH: &AsciiSet =
    &CONTROLS.add(b' ').add(b'"').add(b'#').add(b'<').add(b'>').add(b'?').add(b'`').add(b'{').add(b'}').add(b'%');

#[derive(Serialize)]
struct Share {
    /// `og:type`: `article`, `profile` (a person) or `website`.
    #[serde(rename = "type")]
    kind: &'static str,
    /// The page's absolute address, or empty.
    url: String,
    /// The picture's absolute address, or empty.
    image: String,
    /// Its size when known, else 0.
    image_width: usize,
    image_height: usize,
    /// `twitter:card`: `summary_large_image` with a picture, else `summary`.
    card: &'static str,
}

/// Inserts `share` and `json_ld` into the values of `page`.
pub(crate) fn insert(page: Page, site: &Site, ctx: &mut Context) {
    let base = absolute_base(&site.config.base_url);
    let own = match page {
        Page::Article(i) => site.pictures.articles.get(i),
        Page::Actor(i) => site.pictures.actors.get(i),
        Page::Proposal(i) => site.pictures.proposals.get(i),
        _ => None,
    };
    let picture = own.and_then(Option::as_ref).or(site.pictures.site.as_ref());
    let (image, size) = picture.and_then(|p| absolute_picture(p, base)).unwrap_or_default();
    let url = match (base, page) {
        (Some(base), page) if !matches!(page, Page::NotFound) => format!("{base}{}", page.path(site)),
        _ => String::new(),
    };
    let kind = match page {
        Page::Article(_) => "article",
        Page::Actor(i) if site.actors[i].fields.actor_type == ActorType::Person => "profile",
        _ => "website",
    };
    let card = if image.is_empty() { "summary" } else { "summary_large_image" };
    let data = match page {
        Page::Article(i) => Some(article(site, &site.articles[i], &url, &image)),
        Page::Actor(i) => Some(actor(&site.actors[i], &url, &image)),
        Page::Index => Some(website(site, &url)),
        _ => None,
    };
    let share = Share { kind, url, image, image_width: size.0, image_height: size.1, card };
    ctx.insert("share", &share);
    ctx.insert("json_ld", &data.map(|d| script_json(&d)).unwrap_or_default());
}

/// `base_url` when it is an absolute address (it is `/` until it is set).
fn absolute_base(base_url: &str) -> Option<&str> {
    let lower = base_url.get(..8).unwrap_or(base_url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(base_url)
}

/// A picture's absolute address and size (0 × 0 when not known).
fn absolute_picture(picture: &Picture, base: Option<&str>) -> Option<(String, (usize, usize))> {
    match picture {
        Picture::Web(url) => Some((url.clone(), (0, 0))),
        Picture::File { path: Some(path), size } => {
            Some((format!("{}{}", base?, utf8_percent_encode(path, PATH)), size.unwrap_or((0, 0))))
        }
        Picture::File { path: None, .. } | Picture::Neither(_) => None,
    }
}

/// JSON for a `<script>` element: `<`, `>` and `&` written as escapes, so that nothing
/// in it (`</script>`, `<!--`) can end the script or change how it is read.
pub(crate) fn script_json(value: &Value) -> String {
    // Serializing a Value cannot fail.
    let text = serde_json::to_string(value).unwrap_or_default();
    // Outside its strings, JSON has none of these characters.
    text.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// Inserts `key: value` into `map` when `value` is not empty.
fn set(map: &mut Map<String, Value>, key: &str, value: impl Into<Value>) {
    let value = value.into();
    let empty = match &value {
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Null => true,
        _ => false,
    };
    if !empty {
        map.insert(key.to_owned(), value);
    }
}

/// The organization that publishes the site.
fn publisher(site: &Site) -> Value {
    let mut map = Map::new();
    set(&mut map, "@type", "Organization");
    set(&mut map, "name", site.config.title.clone());
    set(&mut map, "url", absolute_base(&site.config.base_url).unwrap_or("").to_owned());
    Value::Object(map)
}

/// An actor as others mention them: type, name and address.
fn someone(site: &Site, actor: &Actor) -> Value {
    let mut map = Map::new();
    set(&mut map, "@type", actor.fields.actor_type.schema());
    set(&mut map, "name", actor.fields.name.clone());
    if let Some(base) = absolute_base(&site.config.base_url) {
        set(&mut map, "url", format!("{base}{}", routes::actor(actor)));
    }
    Value::Object(map)
}

/// schema.org `NewsArticle`.
fn article(site: &Site, a: &Article, url: &str, image: &str) -> Value {
    let date = &a.fields.date;
    let published = if date.has_time { date.rfc3339() } else { date.ymd() };
    let mut map = Map::new();
    set(&mut map, "@context", "https://schema.org");
    set(&mut map, "@type", "NewsArticle");
    set(&mut map, "headline", a.fields.title.clone());
    set(&mut map, "datePublished", published);
    set(&mut map, "description", a.fields.summary.clone().unwrap_or_default());
    set(&mut map, "url", url.to_owned());
    set(&mut map, "mainEntityOfPage", url.to_owned());
    set(&mut map, "image", if image.is_empty() { Value::Null } else { json!([image]) });
    set(&mut map, "inLanguage", site.config.language.clone());
    let topics: Vec<Value> = a.topics.iter().map(|t| Value::from(site.topics[*t].name.clone())).collect();
    set(&mut map, "keywords", topics);
    if let Some(location) = &a.fields.location {
        set(&mut map, "contentLocation", json!({"@type": "Place", "name": location}));
    }
    let mentions: Vec<Value> = a.mentions_actors.iter().map(|i| someone(site, &site.actors[*i])).collect();
    set(&mut map, "mentions", mentions);
    let citations: Vec<Value> = a
        .fields
        .sources
        .iter()
        .map(|s| {
            let mut cited = Map::new();
            set(&mut cited, "@type", "CreativeWork");
            set(&mut cited, "name", s.title.clone());
            set(&mut cited, "url", s.url.clone().unwrap_or_default());
            if let Some(publisher) = &s.publisher {
                set(&mut cited, "publisher", json!({"@type": "Organization", "name": publisher}));
            }
            Value::Object(cited)
        })
        .collect();
    set(&mut map, "citation", citations);
    let author = if site.config.author.is_empty() { &site.config.title } else { &site.config.author };
    set(&mut map, "author", json!({"@type": "Organization", "name": author}));
    set(&mut map, "publisher", publisher(site));
    Value::Object(map)
}

/// schema.org `Person` or `Organization`.
fn actor(a: &Actor, url: &str, image: &str) -> Value {
    let mut map = Map::new();
    set(&mut map, "@context", "https://schema.org");
    set(&mut map, "@type", a.fields.actor_type.schema());
    set(&mut map, "name", a.fields.name.clone());
    let aliases: Vec<Value> = a.fields.aliases.iter().map(|n| Value::from(n.clone())).collect();
    set(&mut map, "alternateName", aliases);
    let role = a.fields.role.clone().unwrap_or_default();
    if a.fields.actor_type == ActorType::Person {
        set(&mut map, "jobTitle", role.clone());
    }
    set(&mut map, "description", a.fields.summary.clone().unwrap_or(role));
    set(&mut map, "url", url.to_owned());
    set(&mut map, "image", image.to_owned());
    Value::Object(map)
}

/// schema.org `WebSite`, on the front page.
fn website(site: &Site, url: &str) -> Value {
    let mut map = Map::new();
    set(&mut map, "@context", "https://schema.org");
    set(&mut map, "@type", "WebSite");
    set(&mut map, "name", site.config.title.clone());
    set(&mut map, "description", site.config.description.clone());
    set(&mut map, "url", url.to_owned());
    set(&mut map, "inLanguage", site.config.language.clone());
    set(&mut map, "publisher", publisher(site));
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_for_a_script_cannot_end_it_and_reads_back_the_same() {
        let value = json!({"headline": "</script><script>alert(1)</script> <!-- & -->"});
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}
