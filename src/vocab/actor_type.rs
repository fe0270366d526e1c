//! What an actor is (`type:`): a person, or an organization such as a government or a
//! delegation. Structured data for search engines says so (schema.org `Person` or
//! `Organization`), and so does the page's `og:type`.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum ActorType {
    #[default]
    Person,
    Organization,
}

impl ActorType {
    pub(crate) const ALL: [ActorType; 2] = [ActorType::Person, ActorType::Organization];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Organization => "organization",
        }
    }

    /// The schema.org type.
    pub(crate) fn schema(self) -> &'static str {
        match self {
            ActorType::Person => "Person",
            ActorType::Organization => "Organization",
        }
    }
}
