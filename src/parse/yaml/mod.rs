//! The one place that parses YAML. saphyr-parser reads each document once; its events
//! become a tree whose every node knows its line and column (`tree`, built by `build`,
//! which also refuses keys written twice, deep nesting and alias bombs as it goes), and
//! scalars are typed as serde_yaml typed them (`scalar`). Only when the parser gives up
//! inside brackets are they counted from the text (`flow_depth`).

mod build;
mod error;
mod flow_depth;
mod scalar;
mod tree;

pub(crate) use error::YamlError;
pub use tree::{Entry, Map, Node, Value};

/// Parses one YAML document into a tree. An empty document is a null node.
pub fn parse(text: &str) -> Result<Node, YamlError> {
    build::build(text)
}

#[cfg(test)]
mod tests {
    use super::error::YamlErrorKind;
    use super::*;
    use crate::diagnostic::Position;

    const DOC: &str = "title: Talks\nactors:\n  - vladimir-putin\n  - steve-witkof\nquotes:\n  - actor: marco-rubio\n    text: \"x\"\n";

    fn kind(text: &str) -> YamlErrorKind {
        parse(text).map(|_| ()).unwrap_err().kind
    }

    #[test]
    fn nodes_know_where_they_were_written() {
        let doc = parse(DOC).unwrap();
        let actors = doc.get("actors").unwrap();
        let Value::Seq(items) = &actors.value else { panic!("{actors:?}") };
        assert_eq!(items[1].at, Position::new(4, 5, 12));
        let Value::Seq(quotes) = &doc.get("quotes").unwrap().value else { panic!() };
        let Value::Map(quote) = &quotes[0].value else { panic!() };
        let actor = quote.get("actor").unwrap();
        assert_eq!(actor.value.at, Position::new(6, 12, 11));
        assert_eq!(actor.key_at, Position::new(6, 5, 5));
        assert_eq!(quote.get("text").unwrap().value.at, Position::new(7, 11, 3));
    }

    #[test]
    fn syntax_errors_carry_a_position() {
        let err = parse("title: [unclosed\n").unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::UnclosedFlow(']'));
        assert_eq!(err.position, Some(Position::new(2, 1, 1)));
        let err = parse("a: b\n- c\n").unwrap_err();
        assert!(matches!(err.kind, YamlErrorKind::Syntax(_)), "{err:?}");
        assert_eq!(err.position.map(|p| p.line), Some(2));
    }

    #[test]
    fn a_key_written_twice_is_an_error_at_the_second() {
        let err = parse("title: a\nactors: [x]\ntitle: b\n").unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::DuplicateKey("title".into()));
        assert_eq!(err.position, Some(Position::new(3, 1, 5)));
        // Keys are compared as the text serde_yaml made of them.
        assert_eq!(kind("1: a\n'1': b\n"), YamlErrorKind::DuplicateKey("1".into()));
        let many: String = (0..40).map(|i| format!("k{i}: v\n")).collect();
        assert_eq!(kind(&format!("{many}k7: again\n")), YamlErrorKind::DuplicateKey("k7".into()));
    }

    #[test]
    fn a_syntax_error_wins_over_a_key_written_twice_before_it() {
        assert!(matches!(kind("a: 1\na: 2\nb: [\n"), YamlErrorKind::UnclosedFlow(']')));
    }

    #[test]
    fn nesting_is_refused_at_the_first_level_too_deep() {
        let deep = format!("extra: {}{}\n", "[".repeat(200), "]".repeat(200));
        let err = parse(&deep).unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::TooDeep);
        // The root mapping is the first level; the 128th `[` is the 129th.
        assert_eq!(err.position, Some(Position::new(1, 8 + 127, 1)));
        let fits = format!("extra: {}{}\n", "[".repeat(127), "]".repeat(127));
        assert!(parse(&fits).is_ok());
        // An alias copies its node's depth.
        let anchored = format!("a: &x {}{}\nb: [*x]\n", "[".repeat(127), "]".repeat(127));
        assert_eq!(kind(&anchored), YamlErrorKind::TooDeep);
    }

    #[test]
    fn aliases_are_copied_within_limits() {
        let doc = parse("a: &x {k: [1, 2]}\nb: *x\n").unwrap();
        assert_eq!(doc.get("b").unwrap().to_json(), serde_json::json!({"k": [1, 2]}));
        let laughs: String =
            (1..=9).map(|i| format!("l{i}: &l{i} [{}]\n", vec![format!("*l{}", i - 1); 9].join(", "))).collect();
        assert_eq!(kind(&format!("l0: &l0 [lol, lol]\n{laughs}")), YamlErrorKind::AliasesExpand);
        let big = "x".repeat(600_000);
        assert_eq!(kind(&format!("a: &big {big}\nb: [*big, *big]\n")), YamlErrorKind::AliasesCopy);
    }

    #[test]
    fn scalars_and_keys_are_typed_as_before() {
        let doc = parse("n: 50\nt: true\nz: ~\nf: 1.5\nd: 2025-12-02\ns: '1'\n2: two\nl: |\n  a\n").unwrap();
        let json = doc.to_json();
        assert_eq!(
            json,
            serde_json::json!({"n": 50, "t": true, "z": null, "f": 1.5, "d": "2025-12-02", "s": "1", "2": "two", "l": "a\n"})
        );
        assert!(doc.get("l").unwrap().literal);
        assert_eq!(kind("a: !x b\n"), YamlErrorKind::Tagged("!x".into()));
        assert_eq!(parse("a: !!str 1\n").unwrap().to_json(), serde_json::json!({"a": "1"}));
        assert!(matches!(kind("a: !!int b\n"), YamlErrorKind::InvalidTagged { .. }));
    }

    #[test]
    fn a_block_at_the_end_of_a_text_without_a_last_line_break_has_none() {
        for (text, body) in
            [("a: 1\nbody: |\n  x\n  y", "x\ny"), ("body: >\n  x\n  y ", "x y "), ("body: |\n  x\n", "x\n")]
        {
            assert_eq!(parse(text).unwrap().get("body").and_then(Node::as_str), Some(body), "{text:?}");
        }
    }

    #[test]
    fn a_second_document_is_refused() {
        let err = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert_eq!(err.kind, YamlErrorKind::SeveralDocuments);
        assert_eq!(err.position, Some(Position::new(2, 1, 1)));
        assert!(parse("---\na: 1\n...\n").is_ok());
    }

    #[test]
    fn empty_document_is_null() {
        assert!(parse("").unwrap().is_null());
        assert!(parse("# only a comment\n").unwrap().is_null());
    }
}
