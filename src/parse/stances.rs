//! Stances over time, and a proposal's status over time: a position is one stance
//! (`supports`) or a list of dated, sourced stances, oldest first, the last being the
//! current one; `status:` likewise. One entry may also be written as a mapping alone.

use super::At;
use super::fields::{Obj, Problems, describe, item_obj};
use super::records::{Ref, date_field};
use super::yaml::{Node, Value};
use crate::vocab::{Stance, Status, When};

/// When a stance or status was stated, on what evidence, in whose words.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub(crate) date: Option<When>,
    pub source: Option<Ref>,
    pub(crate) quote: Option<String>,
    /// Where the stance or status is written.
    pub at: At,
    /// Where its date is written (where the stance or status is, when it has none).
    pub(crate) date_at: At,
}

/// One actor's position on a point: its stances, oldest first.
#[derive(Debug, Clone)]
pub struct PositionRecord {
    pub actor: Ref,
    pub history: Vec<(Stance, Evidence)>,
}

/// The words each history is made of.
trait Word: Copy + 'static {
    /// The field that holds it in an entry, and what one is called in messages.
    const KEY: &'static str;
    fn parse(text: &str) -> Option<Self>;
    /// The error for text that is not one, with its hint.
    fn unknown(text: &str) -> (String, String);
}

impl Word for Stance {
    const KEY: &'static str = "stance";

    fn parse(text: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.as_str() == text)
    }

    fn unknown(text: &str) -> (String, String) {
        let valid: Vec<&str> = Stance::ALL.iter().map(|s| s.as_str()).collect();
        (format!("{text} is not a stance"), format!("a position is one of: {}", valid.join(", ")))
    }
}

impl Word for Status {
    const KEY: &'static str = "status";

    fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }

    fn unknown(text: &str) -> (String, String) {
        let valid: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
        let bare = text.trim_matches('`');
        let hint = match crate::suggest::nearest(bare, valid.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? valid statuses are: {}", valid.join(", ")),
            None => format!("valid statuses are: {}", valid.join(", ")),
        };
        (format!("{text} is not a proposal status"), hint)
    }
}

/// A point's `positions:`, each actor's stances in the order written.
pub(crate) fn positions(item: &mut Obj<'_>, problems: &mut Problems<'_>) -> Vec<PositionRecord> {
    let Some(map) = item.mapping("positions", problems) else { return Vec::new() };
    let mut out = Vec::new();
    for (actor, node) in map.map {
        let history = history::<Stance>(node, map.at_value(actor), actor, problems);
        if !history.is_empty() {
            out.push(PositionRecord { actor: Ref { id: actor.clone(), at: map.at_key(actor) }, history });
        }
    }
    out
}

/// A proposal's `status:`: its statuses over time, oldest first (none when not set).
pub(crate) fn statuses(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> Vec<(Status, Evidence)> {
    let at = obj.at_value("status");
    match obj.raw("status") {
        Some(node) => history::<Status>(node, at, "status", problems),
        None => Vec::new(),
    }
}

/// A history written at `at`: one word, one entry, or a list of entries, oldest first.
/// `whose` names it in messages (the actor, or `status`).
fn history<W: Word>(node: &Node, at: At, whose: &str, problems: &mut Problems<'_>) -> Vec<(W, Evidence)> {
    let bare = || Evidence { date: None, source: None, quote: None, at: at.clone(), date_at: at.clone() };
    let entries: Vec<Option<(W, Evidence)>> = match &node.value {
        Value::String(text) => vec![word::<W>(text, &at, problems).map(|w| (w, bare()))],
        Value::Map(_) => vec![item_obj(node, W::KEY, problems).and_then(|mut e| entry::<W>(&mut e, problems))],
        Value::Seq(items) if !items.is_empty() => items
            .iter()
            .map(|item| item_obj(item, W::KEY, problems).and_then(|mut e| entry::<W>(&mut e, problems)))
            .collect(),
        _ => {
            let what = if matches!(node.value, Value::Seq(_)) { "an empty list" } else { describe(node) };
            let (message, hint) = W::unknown(what);
            problems.error(&at, message, Some(hint));
            return Vec::new();
        }
    };
    let history: Vec<(W, Evidence)> = entries.into_iter().flatten().collect();
    in_order(&history, whose, problems);
    history
}

fn word<W: Word>(text: &str, at: &At, problems: &mut Problems<'_>) -> Option<W> {
    let found = W::parse(text);
    if found.is_none() {
        let (message, hint) = W::unknown(&format!("`{text}`"));
        problems.error(at, message, Some(hint));
    }
    found
}

/// One entry: `{stance: …, date: …, source: …, quote: …}` (or `status:`).
fn entry<W: Word>(e: &mut Obj<'_>, problems: &mut Problems<'_>) -> Option<(W, Evidence)> {
    let text = e.required_text(W::KEY, problems);
    let at = e.at_value(W::KEY);
    let date = date_field(e, "date", false, problems);
    let date_at = if date.is_some() { e.at_value("date") } else { at.clone() };
    let source = e.text("source", problems).map(|id| Ref { id, at: e.at_value("source") });
    let quote = e.text("quote", problems);
    e.reject_unknown(if W::KEY == "stance" { "a stance" } else { "a status" }, problems);
    let found = word::<W>(&text?, &at, problems)?;
    Some((found, Evidence { date, source, quote, at, date_at }))
}

/// A history is written oldest first: a dated entry that is surely earlier than a
/// dated entry before it is an error.
fn in_order<W>(history: &[(W, Evidence)], whose: &str, problems: &mut Problems<'_>) {
    let mut latest: Option<&When> = None;
    for (_, evidence) in history {
        let Some(date) = &evidence.date else { continue };
        if let Some(before) = latest.filter(|before| date.surely_before(before)) {
            let what = if whose == "status" { "the statuses".to_owned() } else { format!("the stances of `{whose}`") };
            let message = format!("{what} go back in time: {} comes after {}", date.display(), before.display());
            let hint = "write them oldest first: the last one is the current one".to_owned();
            problems.error(&evidence.date_at, message, Some(hint));
        }
        latest = Some(latest.map_or(date, |l| l.max(date)));
    }
}
