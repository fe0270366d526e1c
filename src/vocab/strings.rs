//! The words the theme shows (`templates/strings.yaml`, the theme's merged with the
//! site's): month names, how dates are written, page titles and labels. Templates get
//! them whole as `strings`; the pages' values made in Rust read them here.

use serde_json::Value;

use super::{Precision, Stance, Status, When};

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Strings {
    /// Every string, as the templates get them.
    value: Value,
}

impl Strings {
    /// Strings from their merged, checked tree (see `parse::strings`).
    pub(crate) fn new(value: Value) -> Strings {
        Strings { value }
    }

    pub(crate) fn value(&self) -> &Value {
        &self.value
    }

    /// The text at `section.key`, or empty (the theme's file has every key Rust asks for).
    pub(crate) fn text(&self, section: &str, key: &str) -> &str {
        self.value.get(section).and_then(|s| s.get(key)).and_then(Value::as_str).unwrap_or("")
    }

    fn top(&self, key: &str) -> &str {
        self.value.get(key).and_then(Value::as_str).unwrap_or("")
    }

    fn month(&self, when: &When) -> &str {
        // A jiff date's month runs from 1 to 12.
        let index = usize::try_from(when.date().month()).unwrap_or(1).saturating_sub(1);
        self.value.get("months").and_then(|m| m.get(index)).and_then(Value::as_str).unwrap_or("")
    }

    /// `2 December 2025` as `date` says, or as far as it is known (`December 2025`,
    /// `2025`), as `approximate` says when it is (`c. 2025`).
    pub(crate) fn date(&self, when: &When) -> String {
        let (day, year) = (when.date().day().to_string(), when.date().year().to_string());
        let shown = match when.precision {
            Precision::Day => fill_in(self.top("date"), &[("day", &day), ("month", self.month(when)), ("year", &year)]),
            Precision::Month => self.month_year(when),
            Precision::Year => year,
        };
        if when.approximate { fill_in(self.top("approximate"), &[("date", &shown)]) } else { shown }
    }

    /// `December 2025`, as `month_year` says: the month a date falls in (the timeline's
    /// groups); a date known only to the year, the year.
    pub(crate) fn month_year(&self, when: &When) -> String {
        let year = when.date().year().to_string();
        match when.precision {
            Precision::Year => year,
            _ => fill_in(self.top("month_year"), &[("month", self.month(when)), ("year", &year)]),
        }
    }

    pub(crate) fn status(&self, status: Status) -> &str {
        self.text("status", status.as_str())
    }

    /// The label of a stance, or the mark for none.
    pub(crate) fn stance(&self, stance: Option<Stance>) -> &str {
        self.text("stance", stance.map_or("none", Stance::as_str))
    }

    /// The label of a side: as named under `sides`, else the id with each word
    /// capitalised (`united-states` → "United States").
    pub(crate) fn side(&self, side: &str) -> String {
        match self.value.get("sides").and_then(|s| s.get(side)).and_then(Value::as_str) {
            Some(named) => named.to_owned(),
            None => title_case(side),
        }
    }
}

/// `text` with each `{name}` of `values` replaced by its value.
pub(crate) fn fill_in(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_owned(), |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

fn title_case(side: &str) -> String {
    side.split('-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(first) => first.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_sides_title_cased() {
        assert_eq!(
            fill_in("{day}. {month} {year}", &[("day", "2"), ("month", "März"), ("year", "2025")]),
            "2. März 2025"
        );
        assert_eq!(title_case("united-states"), "United States");
        assert_eq!(title_case("russia"), "Russia");
    }
}
