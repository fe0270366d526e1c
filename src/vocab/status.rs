//! Where a proposal stands in the talks (`status:`).

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Status {
    UnderNegotiation,
    Tabled,
    Draft,
    Accepted,
    Rejected,
    Superseded,
}

impl Status {
    pub(crate) const ALL: [Status; 6] = [
        Status::Draft,
        Status::Tabled,
        Status::UnderNegotiation,
        Status::Rejected,
        Status::Superseded,
        Status::Accepted,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Tabled => "tabled",
            Status::UnderNegotiation => "under-negotiation",
            Status::Rejected => "rejected",
            Status::Superseded => "superseded",
            Status::Accepted => "accepted",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::Tabled => "Tabled",
            Status::UnderNegotiation => "Under negotiation",
            Status::Rejected => "Rejected",
            Status::Superseded => "Superseded",
            Status::Accepted => "Accepted",
        }
    }
}
