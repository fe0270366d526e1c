//! `templates/strings.yaml`: the theme's words, with the site's own file laid over them
//! value by value. Each value the site gives must have the type of the theme's (text,
//! or twelve month names); a key the theme's sections lack is an error, as a new
//! section of the site's own (for its templates) is not.

use std::sync::LazyLock;

use serde_json::{Map, Value};

use super::yaml::{self, Node, Value as Yaml};
use crate::diagnostic::{Diagnostic, Position};
use crate::vocab::Strings;

/// Where a site's strings are, for messages.
pub(crate) const PATH: &str = "templates/strings.yaml";

use crate::theme::BUILT_IN_STRINGS as BUILT_IN_TEXT;

/// The theme's own strings, in English.
pub(crate) static BUILT_IN: LazyLock<Strings> = LazyLock::new(|| Strings::new(built_in_value()));

fn built_in_value() -> Value {
    // The theme's file is part of the binary and parsed by a test: it cannot fail here.
    yaml::parse(BUILT_IN_TEXT).map(|node| node.to_json()).unwrap_or(Value::Null)
}

/// The theme's strings with the site's file (`text`, if it has one) laid over them.
pub(crate) fn load(text: Option<&str>) -> Result<Strings, Vec<Diagnostic>> {
    let Some(text) = text else { return Ok(BUILT_IN.clone()) };
    let root = yaml::parse(text).map_err(|e| {
        let d = Diagnostic::error(PATH, e.kind.message()).with_hint(e.kind.hint());
        vec![match e.position {
            Some(p) => d.at(text, Position::new(p.line, p.col, 1)),
            None => d,
        }]
    })?;
    let mut merged = built_in_value();
    let mut problems = Vec::new();
    match (&root.value, &mut merged) {
        (Yaml::Null, _) => {}
        (Yaml::Map(_), Value::Object(theme)) => lay_over(text, &root, theme, "", &mut problems),
        _ => problems.push(error(text, &root, "the strings should be a mapping of names to text", "".to_owned())),
    }
    if problems.is_empty() { Ok(Strings::new(merged)) } else { Err(problems) }
}

/// Lays the entries of the site's mapping `node` over the theme's `theme`, whose keys
/// are `section.` (empty at the top).
fn lay_over(text: &str, node: &Node, theme: &mut Map<String, Value>, section: &str, problems: &mut Vec<Diagnostic>) {
    let Yaml::Map(map) = &node.value else { return };
    // Under `sides`, and in a section of the site's own, any name goes.
    let open = section.is_empty() || section == "sides.";
    for entry in map.entries() {
        let key = entry.key.as_str();
        let name = format!("{section}{key}");
        let value = &entry.value;
        match theme.get_mut(key) {
            None if open => {
                theme.insert(key.to_owned(), value.to_json());
            }
            None => {
                let known: Vec<&str> = theme.keys().map(String::as_str).collect();
                let hint = crate::suggest::did_you_mean(key, known.iter().copied()).unwrap_or_else(|| {
                    format!("the theme's `{}` has {}", section.trim_end_matches('.'), known.join(", "))
                });
                let d = Diagnostic::error(PATH, format!("`{name}` is not a string of the theme")).with_hint(hint);
                problems.push(d.at(text, entry.key_at));
            }
            Some(Value::Object(inner)) => match &value.value {
                Yaml::Map(_) => lay_over(text, value, inner, &format!("{name}."), problems),
                _ => problems.push(error(
                    text,
                    value,
                    format!("`{name}` should be a mapping of names to text"),
                    String::new(),
                )),
            },
            Some(Value::Array(_)) => match months(value) {
                Some(list) => *theme.get_mut(key).unwrap_or(&mut Value::Null) = list,
                None => problems.push(error(
                    text,
                    value,
                    format!("`{name}` should be a list of the twelve month names"),
                    "write them January first: `[janvier, février, …]`".to_owned(),
                )),
            },
            Some(slot) => match value.as_str() {
                Some(s) => *slot = Value::String(s.to_owned()),
                None => problems.push(error(text, value, format!("`{name}` should be text"), String::new())),
            },
        }
    }
}

/// Twelve names of months, as JSON.
fn months(node: &Node) -> Option<Value> {
    let Yaml::Seq(items) = &node.value else { return None };
    let names: Option<Vec<Value>> = items.iter().map(|n| n.as_str().map(|s| Value::String(s.to_owned()))).collect();
    names.filter(|n| n.len() == 12).map(Value::Array)
}

fn error(text: &str, node: &Node, message: impl Into<String>, hint: String) -> Diagnostic {
    let d = Diagnostic::error(PATH, message).at(text, node.at);
    if hint.is_empty() { d } else { d.with_hint(hint) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_themes_strings_parse_and_have_twelve_months() {
        let value = yaml::parse(BUILT_IN_TEXT).unwrap().to_json();
        assert_eq!(value["months"].as_array().unwrap().len(), 12);
        assert_eq!(BUILT_IN.text("titles", "actors"), "Actors");
        let when = crate::vocab::When::parse("2025-12-02").unwrap();
        assert_eq!(
            (BUILT_IN.date(&when), BUILT_IN.month_year(&when)),
            ("2 December 2025".into(), "December 2025".into())
        );
        assert_eq!(BUILT_IN.side("united-states"), "United States");
    }

    #[test]
    fn a_sites_strings_replace_the_themes_one_by_one() {
        let strings = load(Some("titles:\n  actors: Acteurs\nsides:\n  russia: Russie\nmine:\n  x: y\n")).unwrap();
        assert_eq!(strings.text("titles", "actors"), "Acteurs");
        assert_eq!(strings.text("titles", "topics"), "Topics");
        assert_eq!(strings.side("russia"), "Russie");
        assert_eq!(strings.text("mine", "x"), "y");
    }
}
