//! What a scalar means: YAML 1.2's core schema as serde_yaml read it into JSON values
//! (null, true/false, whole and decimal numbers; everything else text), and the tags
//! `!!bool`, `!!int`, `!!float`, `!!null` and `!!str`.

use saphyr_parser::{ScalarStyle, Tag};

use super::Value;
use super::error::YamlErrorKind;

const CORE: &str = "tag:yaml.org,2002:";

/// The value of a scalar written as `text` in `style`, with its tag if it has one.
pub(super) fn resolve(text: String, style: ScalarStyle, tag: Option<&Tag>) -> Result<Value, YamlErrorKind> {
    let Some(tag) = tag else {
        return if style == ScalarStyle::Plain { untagged(text) } else { Ok(Value::String(text)) };
    };
    let invalid = |expected: &str| YamlErrorKind::InvalidTagged { text: text.clone(), expected: expected.to_owned() };
    match tag.handle.strip_prefix(CORE).map(|rest| (rest, tag.suffix.as_str())) {
        Some(("", "bool")) => parse_bool(&text).map(Value::Bool).ok_or_else(|| invalid("true or false")),
        Some(("", "int")) => match integer(&text) {
            Some(Ok(n)) => Ok(Value::Number(n)),
            Some(Err(())) => Err(YamlErrorKind::NumberTooBig(text)),
            None => Err(invalid("a whole number")),
        },
        Some(("", "float")) => parse_f64(&text).map(float).ok_or_else(|| invalid("a number")),
        Some(("", "null")) => is_null(&text).then_some(Value::Null).ok_or_else(|| invalid("null")),
        // `!!str`, `!!binary`, `!!timestamp` …: the text as written.
        _ => match local(tag) {
            Some(name) => Err(YamlErrorKind::Tagged(name)),
            None => Ok(Value::String(text)),
        },
    }
}

/// The tag, if it is one of the document's own (`!name`, or `!` alone), which
/// serde_yaml read as the name of an enum variant: briefing has none.
pub(super) fn local(tag: &Tag) -> Option<String> {
    let full = format!("{}{}", tag.handle, tag.suffix);
    full.starts_with('!').then_some(full)
}

fn untagged(text: String) -> Result<Value, YamlErrorKind> {
    // Most values are words: only these first characters can start anything else.
    if !matches!(
        text.as_bytes().first(),
        None | Some(b'0'..=b'9' | b'+' | b'-' | b'.' | b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F')
    ) {
        return Ok(Value::String(text));
    }
    if text.is_empty() || is_null(&text) {
        return Ok(Value::Null);
    }
    if let Some(b) = parse_bool(&text) {
        return Ok(Value::Bool(b));
    }
    match integer(&text) {
        Some(Ok(n)) => return Ok(Value::Number(n)),
        Some(Err(())) => return Err(YamlErrorKind::NumberTooBig(text)),
        None => {}
    }
    if !digits_but_not_number(&text) {
        if let Some(f) = parse_f64(&text) {
            return Ok(float(f));
        }
    }
    Ok(Value::String(text))
}

fn float(f: f64) -> Value {
    serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
}

fn is_null(text: &str) -> bool {
    matches!(text, "null" | "Null" | "NULL" | "~")
}

fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A whole number in decimal, `0x`, `0o` or `0b`, with an optional sign: `Some(Ok)` when
/// it fits 64 bits, `Some(Err)` when it is a number too big for JSON.
fn integer(text: &str) -> Option<Result<serde_json::Number, ()>> {
    if let Some(n) = unsigned(text, u64::from_str_radix) {
        return Some(Ok(n.into()));
    }
    if let Some(n) = negative(text, i64::from_str_radix) {
        return Some(Ok(n.into()));
    }
    let too_big = unsigned(text, u128::from_str_radix).is_some() || negative(text, i128::from_str_radix).is_some();
    too_big.then_some(Err(()))
}

type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

fn unsigned<T>(text: &str, from_str_radix: Radix<T>) -> Option<T> {
    let unsigned = text.strip_prefix('+').unwrap_or(text);
    for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = unsigned.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(n) = from_str_radix(rest, radix) {
                return Some(n);
            }
        }
    }
    if unsigned.starts_with(['+', '-']) || digits_but_not_number(text) {
        return None;
    }
    from_str_radix(unsigned, 10).ok()
}

fn negative<T>(text: &str, from_str_radix: Radix<T>) -> Option<T> {
    for (prefix, radix) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = text.strip_prefix(prefix) {
            if let Ok(n) = from_str_radix(&format!("-{rest}"), radix) {
                return Some(n);
            }
        }
    }
    if digits_but_not_number(text) {
        return None;
    }
    from_str_radix(text, 10).ok()
}

fn parse_f64(text: &str) -> Option<f64> {
    let unsigned = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    match (unsigned, text) {
        (".inf" | ".Inf" | ".INF", _) => return Some(f64::INFINITY),
        (_, "-.inf" | "-.Inf" | "-.INF") => return Some(f64::NEG_INFINITY),
        (_, ".nan" | ".NaN" | ".NAN") => return Some(f64::NAN),
        _ => {}
    }
    unsigned.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// Digits after a leading zero (`007`) are text, as YAML 1.2 says.
fn digits_but_not_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits.len() > 1 && digits.starts_with('0') && digits[1..].bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Value {
        untagged(text.to_owned()).unwrap_or(Value::Null)
    }

    #[test]
    fn plain_scalars_are_typed_as_serde_yaml_typed_them() {
        assert_eq!(plain(""), Value::Null);
        assert_eq!(plain("~"), Value::Null);
        assert_eq!(plain("True"), Value::Bool(true));
        assert_eq!(plain("yes"), Value::String("yes".into()));
        assert_eq!(plain("50"), Value::Number(50.into()));
        assert_eq!(plain("-0x1F"), Value::Number((-31).into()));
        assert_eq!(plain("0o17"), Value::Number(15.into()));
        assert_eq!(plain("+1"), Value::Number(1.into()));
        assert_eq!(plain("007"), Value::String("007".into()));
        assert_eq!(plain("1e3"), float(1000.0));
        assert_eq!(plain(".inf"), Value::Null);
        assert_eq!(plain("2025-12-02"), Value::String("2025-12-02".into()));
        assert_eq!(plain("-.inf"), Value::Null);
        assert_eq!(plain("Talks"), Value::String("Talks".into()));
        assert_eq!(plain("nan"), Value::String("nan".into()));
        let too_big = untagged("18446744073709551616".to_owned());
        assert_eq!(too_big, Err(YamlErrorKind::NumberTooBig("18446744073709551616".into())));
    }
}
