//! The typed records of each kind, as read from one file, and the readers that build them.

use serde_json::Value;

use super::citations::Numbering;
use super::evidence::{self, SourceEntry, SourceRecord};
use super::fields::{Obj, Problems, item_obj};
use super::markdown::{self, Bodies, Outline, Rendered};
use super::place::place_body_links;
use super::stances::{self, Evidence, PositionRecord};
use super::yaml;
use super::{At, Place, place_of};
use crate::diagnostic::{Diagnostic, Position};
use crate::read::SourceFile;
use crate::slug::is_valid_id;
use crate::vocab::{
    ActorFields, ActorType, ArticleFields, CATEGORIES, Category, Format, HtmlMode, Kind, PointFields, ProposalFields,
    QuoteFields, SiteConfig, Stage, Status, When,
};

/// A reference to another item by id, with where it was written.
#[derive(Debug, Clone)]
pub struct Ref {
    pub id: String,
    pub at: At,
}

/// A quote: who said it (a reference) and the words.
#[derive(Debug, Clone)]
pub struct QuoteRecord {
    pub actor: Ref,
    pub(crate) fields: QuoteFields,
    /// The source it is quoted from.
    pub source: Option<Ref>,
}

/// An article file: the fields it shows, and what it refers to.
#[derive(Debug, Clone)]
pub struct ArticleRecord {
    pub(crate) fields: ArticleFields,
    pub actors: Vec<Ref>,
    pub proposals: Vec<Ref>,
    pub(crate) topics: Vec<String>,
    pub quotes: Vec<QuoteRecord>,
    pub(crate) draft: bool,
    pub body: Outline,
    /// Its `sources:` in order, by id or written in place (`fields.sources`).
    pub source_list: Vec<SourceEntry>,
}

#[derive(Debug, Clone)]
pub struct ActorRecord {
    pub(crate) fields: ActorFields,
    pub body: Outline,
}

#[derive(Debug, Clone)]
pub struct PointRecord {
    pub fields: PointFields,
    pub(crate) text: Outline,
    pub(crate) topic: Option<String>,
    pub positions: Vec<PositionRecord>,
    /// The point of the amended proposal that this one amends (`amends:`).
    pub(crate) amends: Option<Ref>,
    pub at: At,
}

#[derive(Debug, Clone)]
pub struct ProposalRecord {
    pub(crate) fields: ProposalFields,
    pub proposed_by: Vec<Ref>,
    pub supersedes: Option<Ref>,
    /// The proposal whose points this one amends (`amends:`).
    pub(crate) amends: Option<Ref>,
    pub points: Vec<PointRecord>,
    pub body: Outline,
    /// Its `status:` over time, oldest first; the last is `fields.status`.
    pub(crate) statuses: Vec<(Status, Evidence)>,
}

#[derive(Debug, Clone)]
pub enum Data {
    Article(ArticleRecord),
    Actor(ActorRecord),
    Proposal(ProposalRecord),
    Source(SourceRecord),
}

/// One parsed item: where it came from, and its fields.
#[derive(Debug, Clone)]
pub struct Record {
    pub meta: Meta,
    pub data: Data,
}

/// An item's id and origin.
#[derive(Debug, Clone)]
pub struct Meta {
    /// Index of the source file in `Sources::items`.
    pub(crate) file: usize,
    pub(crate) kind: Kind,
    pub(crate) id: String,
    pub id_at: At,
    pub place: Place,
    /// `publish`, `redirect_from` and `image`, which every kind may have.
    pub(crate) common: super::common::Common,
}

/// Reads the document's YAML as a mapping, or says why it can't.
fn mapping<'v>(node: &'v yaml::Node, place: &Place, text: &str) -> Result<Obj<'v>, Diagnostic> {
    match &node.value {
        yaml::Value::Map(map) => Ok(Obj::root(map)),
        _ => {
            let message =
                format!("the fields should be `key: value` lines, but this is {}", super::fields::describe(node));
            Err(place.diagnostic(text, &At::Start, Diagnostic::error(&place.path, message)))
        }
    }
}

fn parse_yaml(place: &Place, text: &str) -> Result<yaml::Node, Diagnostic> {
    let yaml_text = &text[place.yaml.clone()];
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if let Some(offset) = super::may_hold_controls(yaml_text).then(|| yaml_text.find(control)).flatten() {
        let c = yaml_text[offset..].chars().next().unwrap_or('\0');
        let message = format!("the fields hold an invisible control character (U+{:04X})", c as u32);
        let position = Position::of_offset(text, place.yaml.start + offset, 1);
        let hint = "delete it: most editors do not show it, and it is not allowed in YAML";
        return Err(Diagnostic::error(&place.path, message).at(text, position).with_hint(hint));
    }
    yaml::parse(yaml_text).map_err(|e| {
        let lines_before = text[..place.yaml.start].matches('\n').count();
        let d = Diagnostic::error(&place.path, e.kind.message()).with_hint(e.kind.hint());
        match e.position {
            Some(p) => d.at(text, Position::new(p.line + lines_before, p.col, 1)),
            None => d,
        }
    })
}

/// `content/site.yaml` → settings, with defaults for what it leaves out.
pub fn parse_site(file: &SourceFile) -> Result<SiteConfig, Vec<Diagnostic>> {
    let place = Place { path: file.path.clone(), format: Format::Yaml, yaml: 0..file.text.len(), body: 0..0 };
    let value = parse_yaml(&place, &file.text).map_err(|d| vec![d])?;
    let mut config = SiteConfig::default();
    if value.is_null() {
        return Ok(config);
    }
    let mut obj = mapping(&value, &place, &file.text).map_err(|d| vec![d])?;
    let mut problems = Problems { place: &place, text: &file.text, diagnostics: Vec::new() };
    if let Some(v) = obj.text("title", &mut problems) {
        config.title = v;
    }
    if let Some(v) = obj.text("description", &mut problems) {
        config.description = v;
    }
    if let Some(v) = obj.text("base_url", &mut problems) {
        config.base_url = if v.ends_with('/') { v } else { format!("{v}/") };
    }
    if let Some(v) = obj.text("language", &mut problems) {
        config.language = v;
    }
    if let Some(v) = obj.text("author", &mut problems) {
        config.author = v;
    }
    if let Some(n) = obj.integer("articles_per_page", &mut problems) {
        config.articles_per_page = usize::try_from(n).unwrap_or(usize::MAX);
    }
    if let Some(mode) = obj.text("html", &mut problems) {
        match mode.as_str() {
            "escape" => config.html = HtmlMode::Escape,
            "sanitize" => config.html = HtmlMode::Sanitize,
            "allow" => config.html = HtmlMode::Allow,
            other => problems.error(
                &obj.at_value("html"),
                format!("`html` is `{other}`, which is not a valid setting"),
                Some("use one of: escape, sanitize, allow".to_owned()),
            ),
        }
    }
    if let Some(extra) = obj.json("extra") {
        config.extra = extra;
    }
    config.image = obj.text("image", &mut problems);
    super::settings::check(&obj, &config, &mut problems);
    obj.reject_unknown("site.yaml", &mut problems);
    if problems.diagnostics.is_empty() { Ok(config) } else { Err(problems.diagnostics) }
}

/// What parsing one file gave: the record, if its fields could be read at all (even
/// with errors, so that its references are still checked), and every problem found.
#[derive(Debug)]
pub struct ParsedItem {
    pub record: Option<Record>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ParsedItem {
    /// What a file that could not be read gives: why.
    pub(crate) fn unreadable(why: Diagnostic) -> ParsedItem {
        ParsedItem { record: None, diagnostics: vec![why] }
    }
}

/// One article, actor or proposal file → a record and every problem found in it.
pub fn parse_item<'a>(index: usize, file: &SourceFile, bodies: impl Into<Bodies<'a>>) -> ParsedItem {
    match read_item(index, file, bodies.into()) {
        Ok((record, diagnostics)) => ParsedItem { record: Some(record), diagnostics },
        Err(d) => ParsedItem::unreadable(d),
    }
}

fn read_item(index: usize, file: &SourceFile, html: Bodies<'_>) -> Result<(Record, Vec<Diagnostic>), Diagnostic> {
    let body_key = match file.kind {
        Kind::Article => "body",
        Kind::Actor => "bio",
        Kind::Proposal => "description",
        Kind::Source => "notes",
    };
    let place = place_of(&file.path, file.format, &file.text)?;
    let value = parse_yaml(&place, &file.text)?;
    let mut obj = mapping(&value, &place, &file.text)?;
    let mut problems = Problems { place: &place, text: &file.text, diagnostics: Vec::new() };

    let (id, id_at) = match obj.text("slug", &mut problems) {
        Some(slug) => (slug, obj.at_value("slug")),
        None => (file.stem.clone(), At::Start),
    };
    if !is_valid_id(&id) {
        let what = if id_at == At::Start { "file name" } else { "slug" };
        let hint = crate::slug::slugify(&id);
        let hint = if hint.is_empty() {
            "use lowercase letters, digits and `-`".to_owned()
        } else {
            format!("use lowercase letters, digits and `-`, e.g. `{hint}`")
        };
        problems.error(
            &id_at,
            format!("`{id}` is not a valid id: the {what} must be lowercase letters, digits and `-` only"),
            Some(hint),
        );
    }
    if let Some(why) = crate::slug::too_long(&id) {
        let hint = Some("its page's folder is named after the id: choose a shorter `slug:`".to_owned());
        problems.error(&id_at, format!("the id {why}"), hint);
    }
    let common = super::common::read(&mut obj, &mut problems);
    // Bodies are shown on the item's page: their links to files start there.
    let page = format!("{}/{id}/", file.kind.folder());
    let html = Bodies { base: super::files::Base { page: &page, ..html.base.beside(&file.path) }, ..html };
    let body_source = match file.format {
        Format::Markdown => {
            if obj.raw(body_key).is_some() {
                problems.error(
                    &obj.at_key(body_key),
                    format!("`{body_key}` in the front matter of a Markdown file: its {body_key} is the text after the closing `---`"),
                    Some(format!("move this text below the front matter, or write the whole {} as a .yaml file", file.kind.noun())),
                );
            }
            &file.text[place.body.clone()]
        }
        Format::Yaml => "",
    };
    let yaml_body = |obj: &mut Obj<'_>, problems: &mut Problems<'_>| match file.format {
        Format::Yaml => obj.text(body_key, problems).unwrap_or_default(),
        Format::Markdown => String::new(),
    };
    // A YAML file's body links are placed within the file while the tree is at hand.
    let placed = |obj: &Obj<'_>, mut body: Rendered, problems: &mut Problems<'_>| {
        if let (Format::Yaml, Some(entry)) = (file.format, obj.map.get(body_key)) {
            place_body_links(&file.text, &entry.value, &mut body.outline);
        }
        too_deep(&body.outline, problems);
        body
    };
    let data = match file.kind {
        Kind::Article => {
            let title = obj.required_text("title", &mut problems);
            let date = date_field(&mut obj, "date", true, &mut problems);
            let summary = obj.text("summary", &mut problems);
            let actors = refs(&mut obj, "actors", &mut problems);
            let proposals = refs(&mut obj, "proposals", &mut problems);
            let topics = topics(&mut obj, &mut problems);
            let location = obj.text("location", &mut problems);
            let (sources, source_list) = evidence::source_entries(&mut obj, &mut problems);
            let quotes = quotes(&mut obj, &mut problems);
            let draft = obj.bool("draft", &mut problems);
            let extra = obj.json("extra").unwrap_or(Value::Null);
            let yaml_source = yaml_body(&mut obj, &mut problems);
            let mut numbering = evidence::numbering(&source_list);
            let body_text = if yaml_source.is_empty() { body_source } else { &yaml_source };
            let body = markdown::render(body_text, html, &mut numbering);
            let body = placed(&obj, body, &mut problems);
            obj.reject_unknown("an article", &mut problems);
            let fields = ArticleFields {
                title: title.unwrap_or_default(),
                date: date.unwrap_or_default(),
                summary,
                location,
                sources,
                extra,
                body: body.html,
            };
            let body = body.outline;
            Data::Article(ArticleRecord { fields, actors, proposals, topics, quotes, draft, body, source_list })
        }
        Kind::Actor => {
            let name = obj.required_text("name", &mut problems);
            let role = obj.text("role", &mut problems);
            let side = obj.text("side", &mut problems);
            let aliases = obj.text_list("aliases", &mut problems).into_iter().map(|(t, _)| t).collect();
            let summary = obj.text("summary", &mut problems);
            let extra = obj.json("extra").unwrap_or(Value::Null);
            let yaml_source = yaml_body(&mut obj, &mut problems);
            let body_text = if yaml_source.is_empty() { body_source } else { &yaml_source };
            let body = markdown::render(body_text, html, &mut Numbering::default());
            let body = placed(&obj, body, &mut problems);
            let actor_type = actor_type(&mut obj, &mut problems);
            obj.reject_unknown("an actor", &mut problems);
            if let Some(side) = &side {
                if !is_valid_id(side) {
                    let hint = format!("write sides as ids, e.g. `{}`", crate::slug::slugify(side));
                    problems.error(
                        &obj.at_value("side"),
                        format!("`side` is `{side}`, but sides are lowercase ids"),
                        Some(hint),
                    );
                }
            }
            let name = name.unwrap_or_default();
            let fields = ActorFields { name, role, side, aliases, summary, extra, bio: body.html, actor_type };
            Data::Actor(ActorRecord { fields, body: body.outline })
        }
        Kind::Proposal => {
            let title = obj.required_text("title", &mut problems);
            let date = date_field(&mut obj, "date", false, &mut problems);
            let proposed_by = refs(&mut obj, "proposed_by", &mut problems);
            let statuses = stances::statuses(&mut obj, &mut problems);
            let status = statuses.last().map(|(s, _)| *s);
            let supersedes = obj.text("supersedes", &mut problems).map(|id| Ref { id, at: obj.at_value("supersedes") });
            let amends = obj.text("amends", &mut problems).map(|id| Ref { id, at: obj.at_value("amends") });
            let summary = obj.text("summary", &mut problems);
            let total_points = obj.integer("total_points", &mut problems);
            let stage = stage(&mut obj, &mut problems);
            let mut points = points(&mut obj, &mut problems);
            if let Some(total) = total_points.filter(|t| usize::try_from(*t).is_ok_and(|t| t < points.len())) {
                let hint = format!("the official text has at least {} points, or list fewer", points.len());
                let message = format!("`total_points` is {total}, but {} points are listed", points.len());
                problems.error(&obj.at_value("total_points"), message, Some(hint));
            }
            let extra = obj.json("extra").unwrap_or(Value::Null);
            let yaml_source = yaml_body(&mut obj, &mut problems);
            let point_ids: Vec<&str> = points.iter().map(|p| p.fields.id.as_str()).collect();
            let source = if yaml_source.is_empty() { body_source } else { &yaml_source };
            // The description comes first on the page, and numbers its sources first.
            let mut numbering = Numbering::default();
            let body = markdown::render_beside(source, html, &point_ids, &mut numbering);
            let body = placed(&obj, body, &mut problems);
            for point in &mut points {
                let text = markdown::render(&point.fields.text_source, html, &mut numbering);
                too_deep(&text.outline, &mut problems);
                (point.fields.text, point.text) = (text.html, text.outline);
            }
            obj.reject_unknown("a proposal", &mut problems);
            let title = title.unwrap_or_default();
            let fields =
                ProposalFields { title, date, status, summary, total_points, stage, extra, description: body.html };
            let record =
                ProposalRecord { fields, proposed_by, supersedes, amends, points, body: body.outline, statuses };
            Data::Proposal(record)
        }
        Kind::Source => {
            let fields = evidence::source_fields(&mut obj, &mut problems);
            let yaml_source = yaml_body(&mut obj, &mut problems);
            let body_text = if yaml_source.is_empty() { body_source } else { &yaml_source };
            let body = markdown::render(body_text, html, &mut Numbering::default());
            let body = placed(&obj, body, &mut problems);
            obj.reject_unknown("a source", &mut problems);
            Data::Source(evidence::source_record(fields, body))
        }
    };
    let diagnostics = problems.diagnostics;
    Ok((Record { meta: Meta { file: index, kind: file.kind, id, id_at, place, common }, data }, diagnostics))
}

fn too_deep(body: &Outline, problems: &mut Problems<'_>) {
    if body.too_deep {
        let message = format!("the text nests quotes or lists more than {} levels deep", markdown::MAX_DEPTH);
        problems.error(&At::Start, message, Some("flatten the quotes or lists".to_owned()));
    }
    if body.too_much_html {
        let message = format!("the text holds more than {} raw HTML tags", markdown::MAX_RAW_TAGS);
        let hint =
            "with `html: sanitize` or `allow` raw HTML is cleaned, and this much would take minutes; use Markdown";
        problems.error(&At::Start, message, Some(hint.to_owned()));
    }
}

/// How to write a date, after an error in one.
const DATE_HINT: &str = "write dates as YYYY-MM-DD, e.g. `2025-12-02`, optionally with a time: `2025-12-02T14:30`; \
     a month (`2025-12`) or a year (`2025`) when no more is known, after `~` when approximate (`~2025-12-02`)";

pub(crate) fn date_field(
    obj: &mut Obj<'_>,
    key: &'static str,
    required: bool,
    problems: &mut Problems<'_>,
) -> Option<When> {
    let text = if required { obj.required_text(key, problems)? } else { obj.text(key, problems)? };
    match When::parse(&text) {
        Ok(when) => Some(when),
        Err(problem) => {
            let hint = Some(DATE_HINT.to_owned());
            problems.error(&obj.at_value(key), format!("`{text}` is not a valid date: {problem}"), hint);
            None
        }
    }
}

/// Topic names; each must have a letter or digit to make its page's name from.
fn topics(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> Vec<String> {
    let mut out = Vec::new();
    for (name, at) in obj.text_list("topics", problems) {
        if topic_makes_a_page(&name, &at, problems) {
            out.push(name);
        }
    }
    out
}

/// Whether a topic (an article's or a point's) can name its page; if not, says why.
fn topic_makes_a_page(name: &str, at: &At, problems: &mut Problems<'_>) -> bool {
    let slug = crate::slug::slugify(name);
    if slug.is_empty() {
        let hint = Some("a topic's page is named after its letters and digits; use words".to_owned());
        problems.error(at, format!("the topic `{name}` has no letters or digits"), hint);
        false
    } else if let Some(why) = crate::slug::too_long(&slug) {
        let hint = Some("a topic's page is named after it: use a shorter topic".to_owned());
        problems.error(at, format!("the topic's page name {why}"), hint);
        false
    } else {
        true
    }
}

fn refs(obj: &mut Obj<'_>, key: &'static str, problems: &mut Problems<'_>) -> Vec<Ref> {
    obj.text_list(key, problems).into_iter().map(|(id, at)| Ref { id, at }).collect()
}

/// An actor's `type`: a person (when not set) or an organization.
fn actor_type(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> ActorType {
    let Some(text) = obj.text("type", problems) else { return ActorType::default() };
    let found = ActorType::ALL.into_iter().find(|t| t.as_str() == text);
    if found.is_none() {
        let types = ActorType::ALL.map(ActorType::as_str);
        let hint = crate::suggest::did_you_mean(&text, types).unwrap_or_else(|| {
            "an actor is a `person` (when `type` is not set) or an `organization` (a government, a delegation)"
                .to_owned()
        });
        problems.error(&obj.at_value("type"), format!("`{text}` is not a type of actor"), Some(hint));
    }
    found.unwrap_or_default()
}

/// One of `valid`, or an error at the value of `key` with the nearest and the list.
fn one_of<T: Copy>(
    obj: &mut Obj<'_>,
    key: &'static str,
    (what, whats): (&str, &str),
    valid: &[(&'static str, T)],
    problems: &mut Problems<'_>,
) -> Option<T> {
    let text = obj.text(key, problems)?;
    let found = valid.iter().find(|(id, _)| *id == text).map(|(_, v)| *v);
    if found.is_none() {
        let ids: Vec<&str> = valid.iter().map(|(id, _)| *id).collect();
        // A typo, or the start of longer ids (`framework` for `framework-partial`).
        let near: Vec<String> = match crate::suggest::nearest(&text, ids.iter().copied()) {
            Some(near) => vec![format!("`{near}`")],
            None if text.len() >= 3 => {
                ids.iter().filter(|id| id.starts_with(text.as_str())).map(|id| format!("`{id}`")).collect()
            }
            None => Vec::new(),
        };
        let hint = match near.is_empty() {
            false => format!("did you mean {}? {whats} are: {}", near.join(" or "), ids.join(", ")),
            true => format!("{whats} are: {}", ids.join(", ")),
        };
        problems.error(&obj.at_value(key), format!("`{text}` is not a {what}"), Some(hint));
    }
    found
}

/// A point's `category:`, one of the built-in list (docs/content.md, "Categories").
fn category(item: &mut Obj<'_>, problems: &mut Problems<'_>) -> Option<(usize, Category)> {
    let valid: Vec<(&'static str, usize)> = CATEGORIES.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    one_of(item, "category", ("category", "categories"), &valid, problems).map(|i| (i, CATEGORIES[i]))
}

/// A proposal's `stage:`.
fn stage(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> Option<Stage> {
    let valid: Vec<(&'static str, Stage)> = Stage::ALL.iter().map(|s| (s.as_str(), *s)).collect();
    one_of(obj, "stage", ("stage", "stages"), &valid, problems)
}

fn quotes(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> Vec<QuoteRecord> {
    let mut out = Vec::new();
    for value in obj.list("quotes", problems) {
        let Some(mut item) = item_obj(value, "quote", problems) else { continue };
        let actor = item.required_text("actor", problems);
        let text = item.required_text("text", problems);
        let context = item.text("context", problems);
        let date = date_field(&mut item, "date", false, problems);
        let source = item.text("source", problems).map(|id| Ref { id, at: item.at_value("source") });
        item.reject_unknown("a quote", problems);
        if let (Some(id), Some(text)) = (actor, text) {
            let fields = QuoteFields { text, context, date };
            out.push(QuoteRecord { actor: Ref { id, at: item.at_value("actor") }, fields, source });
        }
    }
    out
}

/// The points, their texts not rendered yet (they number their citations after the
/// description's).
fn points(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> Vec<PointRecord> {
    let mut out: Vec<PointRecord> = Vec::new();
    for value in obj.list("points", problems) {
        let Some(mut item) = item_obj(value, "point", problems) else { continue };
        let id = item.required_text("id", problems);
        let number = point_number(&mut item, problems);
        let category = category(&mut item, problems);
        let amends = item.text("amends", problems).map(|id| Ref { id, at: item.at_value("amends") });
        let title = item.required_text("title", problems);
        let text_source = item.text("text", problems).unwrap_or_default();
        let topic = item.text("topic", problems).filter(|t| topic_makes_a_page(t, &item.at_value("topic"), problems));
        let positions = stances::positions(&mut item, problems);
        let at = item.at_value("id");
        item.reject_unknown("a point", problems);
        let Some(id) = id else { continue };
        if !is_valid_id(&id) {
            problems.error(
                &at,
                format!("`{id}` is not a valid point id"),
                Some("use lowercase letters, digits and `-`".to_owned()),
            );
        } else if out.iter().any(|p| p.fields.id == id) {
            problems.error(
                &at,
                format!("two points have the id `{id}`"),
                Some("point ids must be unique within a proposal".to_owned()),
            );
        }
        if let Some((n, number_at)) = &number {
            if let Some(other) = out.iter().find(|p| p.fields.number.as_ref() == Some(n)) {
                let message = format!("two points have the number {n}: `{}` and `{id}`", other.fields.id);
                let hint = "a point's number is its number in the official text: each is listed once".to_owned();
                problems.error(number_at, message, Some(hint));
            }
        }
        let number = number.map(|(n, _)| n);
        let title = title.unwrap_or_default();
        let fields = PointFields { id, number, category, title, text: Default::default(), text_source };
        out.push(PointRecord { fields, text: Outline::default(), topic, positions, amends, at });
    }
    out
}

/// The longest point number accepted (`12.3.4a` is seven).
const MAX_NUMBER: usize = 16;

/// A point's `number:` as written (`21`, `4.2`, `12a`), and where.
fn point_number(item: &mut Obj<'_>, problems: &mut Problems<'_>) -> Option<(String, At)> {
    let at = item.at_value("number");
    let read = item.text("number", problems)?;
    // A number written without quotes was read as one: take its digits as written.
    let number = match item.map.get("number").map(|e| &e.value.value) {
        Some(yaml::Value::Number(_)) => problems.written(&at).filter(|w| !w.is_empty()).unwrap_or(read),
        _ => read,
    };
    let ok = number.len() <= MAX_NUMBER
        && number.split('.').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
        && number.starts_with(|c: char| c.is_ascii_digit());
    if ok {
        Some((number, at))
    } else {
        let message = format!("`{number}` is not a point number");
        let hint = "write the point's number in the official text: digits, with dots between levels, \
                    such as `21` or `4.2`"
            .to_owned();
        problems.error(&at, message, Some(hint));
        None
    }
}
