//! What can be wrong with a YAML document, told apart by kind, never by wording.

use crate::diagnostic::Position;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub(crate) kind: YamlErrorKind,
    /// Line and column within the parsed text (1-based), when there is one place to blame.
    pub position: Option<Position>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum YamlErrorKind {
    /// Not YAML, in the parser's own words.
    Syntax(String),
    /// A `[` or `{` still open where the text went on with something else; holds the
    /// bracket that would close it.
    UnclosedFlow(char),
    /// A `---` line starting a second document.
    SeveralDocuments,
    DuplicateKey(String),
    /// Collections inside collections more than `MAX_DEPTH` levels deep.
    TooDeep,
    /// Aliases that would copy nodes more often than the document has events, a
    /// hundred times over ("billion laughs").
    AliasesExpand,
    /// Aliases that would copy more than `MAX_ALIAS_BYTES` of text.
    AliasesCopy,
    /// A tag of the document's own (`!name`).
    Tagged(String),
    /// A value that its `!!` tag says is something it is not.
    InvalidTagged {
        text: String,
        expected: String,
    },
    /// A whole number beyond 64 bits, which JSON values cannot hold.
    NumberTooBig(String),
}

/// Levels of collections inside collections that a document may use (serde_yaml's limit).
pub(crate) const MAX_DEPTH: usize = 128;

/// Aliases copy the node they name: a few of a big node can be gigabytes.
pub(crate) const MAX_ALIAS_BYTES: usize = 1 << 20;

const SYNTAX_HINT: &str = "check the indentation and quoting on this line; text containing `: ` or starting with a quote mark needs quotes around it";
const LIMITS_HINT: &str =
    "write the values out: fields may use a few YAML aliases (`*name`) and nest a few levels, not more";

impl YamlErrorKind {
    pub(crate) fn message(&self) -> String {
        match self {
            YamlErrorKind::Syntax(message) => format!("YAML syntax error: {message}"),
            YamlErrorKind::UnclosedFlow(close) => format!("YAML syntax error: did not find expected ',' or '{close}'"),
            YamlErrorKind::SeveralDocuments => "YAML syntax error: a second document starts here".to_owned(),
            YamlErrorKind::DuplicateKey(key) => format!("YAML syntax error: the key `{key}` is written twice"),
            YamlErrorKind::TooDeep => format!("the fields are nested more than {MAX_DEPTH} levels deep"),
            YamlErrorKind::AliasesExpand => "the fields' aliases (`*name`) expand to too much data".to_owned(),
            YamlErrorKind::AliasesCopy => "the fields' aliases (`*name`) copy more than 1 MB of text".to_owned(),
            YamlErrorKind::Tagged(tag) => format!("YAML syntax error: the tag `{tag}` is not one briefing reads"),
            YamlErrorKind::InvalidTagged { text, expected } => {
                format!("YAML syntax error: `{text}` is tagged as {expected}, but it is not")
            }
            YamlErrorKind::NumberTooBig(n) => format!("YAML syntax error: the number `{n}` is too big"),
        }
    }

    pub(crate) fn hint(&self) -> &'static str {
        match self {
            YamlErrorKind::Syntax(_) | YamlErrorKind::UnclosedFlow(_) => SYNTAX_HINT,
            YamlErrorKind::SeveralDocuments => "a file holds one document: remove this `---` line or what follows it",
            YamlErrorKind::DuplicateKey(_) => "keep one of the two; the second would silently replace the first",
            YamlErrorKind::TooDeep | YamlErrorKind::AliasesExpand | YamlErrorKind::AliasesCopy => LIMITS_HINT,
            YamlErrorKind::Tagged(_) | YamlErrorKind::InvalidTagged { .. } => "remove the tag (`!…`) before the value",
            YamlErrorKind::NumberTooBig(_) => "put it in quotes to keep it as text",
        }
    }
}
