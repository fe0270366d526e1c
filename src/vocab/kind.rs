//! The kinds of item a site holds, and the formats their files are written in.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Article,
    Actor,
    Proposal,
    /// A report, document or statement that the others cite (`content/sources/`).
    Source,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Article, Kind::Actor, Kind::Proposal, Kind::Source];

    /// The folder under `content/` (and the URL segment) for this kind.
    pub fn folder(self) -> &'static str {
        match self {
            Kind::Article => "articles",
            Kind::Actor => "actors",
            Kind::Proposal => "proposals",
            Kind::Source => "sources",
        }
    }

    pub(crate) fn noun(self) -> &'static str {
        match self {
            Kind::Article => "article",
            Kind::Actor => "actor",
            Kind::Proposal => "proposal",
            Kind::Source => "source",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Yaml,
}
