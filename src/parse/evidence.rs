//! The fields that say where a claim comes from: a source item's own fields, and an
//! article's list of sources, each either a source item by id or written in place.

use serde_json::Value;

use super::citations::Numbering;
use super::fields::{Obj, Problems, item_obj};
use super::markdown::{Outline, Rendered};
use super::records::{Ref, date_field};
use super::yaml;
use crate::vocab::{Source, SourceFields};

/// A source file (`content/sources/`): the fields it shows, and its notes' outline.
#[derive(Debug, Clone)]
pub struct SourceRecord {
    pub(crate) fields: SourceFields,
    pub body: Outline,
}

/// An entry of an article's `sources:`, in the order written: one written in place (its
/// index in the article's `sources` field), or a source item by id.
#[derive(Debug, Clone)]
pub enum SourceEntry {
    Inline(usize),
    Item(Ref),
}

/// The fields of a source file, with its notes rendered.
pub(crate) fn source_fields(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> SourceFields {
    SourceFields {
        title: obj.required_text("title", problems).unwrap_or_default(),
        publisher: obj.text("publisher", problems),
        url: web_address(obj, "url", problems),
        published: date_field(obj, "published", false, problems),
        accessed: date_field(obj, "accessed", false, problems),
        archive_url: web_address(obj, "archive_url", problems),
        language: obj.text("language", problems),
        extra: obj.json("extra").unwrap_or(Value::Null),
        notes: Default::default(),
    }
}

/// A source file's record, once its notes are rendered.
pub(crate) fn source_record(mut fields: SourceFields, notes: Rendered) -> SourceRecord {
    fields.notes = notes.html;
    SourceRecord { fields, body: notes.outline }
}

/// An `http://` or `https://` address; anything else is an error at the value.
pub(crate) fn web_address(obj: &mut Obj<'_>, key: &'static str, problems: &mut Problems<'_>) -> Option<String> {
    let url = obj.text(key, problems)?;
    if url.starts_with("https://") || url.starts_with("http://") {
        return Some(url);
    }
    let hint = Some("source links must be web addresses".to_owned());
    problems.error(&obj.at_value(key), format!("`{url}` is not an http:// or https:// address"), hint);
    None
}

/// An article's `sources:`: the ones written in place, and every entry in order.
pub(crate) fn source_entries(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> (Vec<Source>, Vec<SourceEntry>) {
    let mut inline = Vec::new();
    let mut entries = Vec::new();
    for value in obj.list("sources", problems) {
        if let Some(id) = value.as_str() {
            let at = super::At::Yaml(value.at);
            let id = crate::parse::markdown::blank_controls(id).into_owned();
            if !entries.iter().any(|e| matches!(e, SourceEntry::Item(r) if r.id == id)) {
                entries.push(SourceEntry::Item(Ref { id, at }));
            }
            continue;
        }
        if matches!(value.value, yaml::Value::Number(_) | yaml::Value::Bool(_)) {
            let hint = Some("write a source's id (`sources: [ID]`) or its fields (`- title: …`)".to_owned());
            let message =
                format!("each source should be a source's id or its fields, not {}", super::fields::describe(value));
            problems.error(&super::At::Yaml(value.at), message, hint);
            continue;
        }
        let Some(mut item) = item_obj(value, "source", problems) else { continue };
        let title = item.required_text("title", problems);
        let publisher = item.text("publisher", problems);
        let url = web_address(&mut item, "url", problems);
        let date = date_field(&mut item, "date", false, problems);
        item.reject_unknown("a source", problems);
        if let Some(title) = title {
            entries.push(SourceEntry::Inline(inline.len()));
            inline.push(Source { title, publisher, url, date });
        }
    }
    (inline, entries)
}

/// The numbering of an article's sources before its text cites any: its `sources:`.
pub(crate) fn numbering(entries: &[SourceEntry]) -> Numbering {
    Numbering::listed(entries.iter().map(|e| match e {
        SourceEntry::Item(r) => Some(r.id.clone()),
        SourceEntry::Inline(_) => None,
    }))
}
