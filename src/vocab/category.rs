//! What a point provides for (`category:`) and what kind of agreement a proposal is
//! (`stage:`): built-in lists aligned with the top-level provision categories and the
//! agreement stages of the PA-X Peace Agreements Database, so that plans can be compared
//! with each other and with earlier agreements under one coding.

/// A provision category: its id (as written in `category:`), its name, the PA-X
/// top-level category it stands for, and what it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Category {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    pub(crate) pax: &'static str,
    pub(crate) covers: &'static str,
}

/// Every category, in the order the categories page lists them (PA-X's order).
pub(crate) const CATEGORIES: [Category; 13] = [
    Category {
        id: "state-definition",
        label: "State definition",
        pax: "State definition",
        covers: "the nature of the state, its symbols, self-determination, independence and referendums",
    },
    Category {
        id: "territory",
        label: "Territory",
        pax: "State definition: territory",
        covers: "borders, lines of control, the status and administration of territory",
    },
    Category {
        id: "governance",
        label: "Governance",
        pax: "Governance",
        covers: "political institutions, elections, constitutions, decentralisation, the civil service",
    },
    Category {
        id: "power-sharing",
        label: "Power sharing",
        pax: "Power sharing",
        covers: "political, territorial, economic and military sharing of power between the parties",
    },
    Category {
        id: "human-rights",
        label: "Human rights and equality",
        pax: "Human rights and equality",
        covers: "rights, equality, language, religion, media and the institutions that protect them",
    },
    Category {
        id: "groups",
        label: "Groups",
        pax: "Groups",
        covers: "provisions for particular groups: children, refugees and displaced people, minorities, veterans",
    },
    Category {
        id: "gender",
        label: "Gender",
        pax: "Gender",
        covers: "women's participation, equality and protection, sexual violence",
    },
    Category {
        id: "justice-sector",
        label: "Justice sector reform",
        pax: "Justice sector reform",
        covers: "courts, the judiciary, prisons and the rule of law",
    },
    Category {
        id: "socio-economic",
        label: "Socio-economic reconstruction",
        pax: "Socio-economic reconstruction",
        covers: "development, reconstruction funds, sanctions and trade, business and natural resources",
    },
    Category {
        id: "land-property-environment",
        label: "Land, property and environment",
        pax: "Land, property and environment",
        covers: "land reform, property, water and the environment",
    },
    Category {
        id: "security-sector",
        label: "Security sector",
        pax: "Security sector",
        covers: "ceasefires, withdrawal of forces, armed forces and their size, DDR, police, security guarantees",
    },
    Category {
        id: "transitional-justice",
        label: "Transitional justice",
        pax: "Transitional justice",
        covers: "amnesty, prisoner release, accountability, victims, missing persons, reconciliation",
    },
    Category {
        id: "implementation",
        label: "Implementation",
        pax: "Implementation",
        covers: "mechanisms, monitoring and verification, third parties and guarantors, timetables",
    },
];

/// What kind of agreement a proposal is (`stage:`), as PA-X classifies agreements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Stage {
    PreNegotiation,
    Ceasefire,
    FrameworkPartial,
    FrameworkComprehensive,
    Implementation,
    Renewal,
    Other,
}

impl Stage {
    pub(crate) const ALL: [Stage; 7] = [
        Stage::PreNegotiation,
        Stage::Ceasefire,
        Stage::FrameworkPartial,
        Stage::FrameworkComprehensive,
        Stage::Implementation,
        Stage::Renewal,
        Stage::Other,
    ];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Stage::PreNegotiation => "pre-negotiation",
            Stage::Ceasefire => "ceasefire",
            Stage::FrameworkPartial => "framework-partial",
            Stage::FrameworkComprehensive => "framework-comprehensive",
            Stage::Implementation => "implementation",
            Stage::Renewal => "renewal",
            Stage::Other => "other",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Stage::PreNegotiation => "Pre-negotiation / process",
            Stage::Ceasefire => "Ceasefire",
            Stage::FrameworkPartial => "Framework, partial",
            Stage::FrameworkComprehensive => "Framework, comprehensive",
            Stage::Implementation => "Implementation",
            Stage::Renewal => "Renewal",
            Stage::Other => "Other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_valid() {
        for (i, c) in CATEGORIES.iter().enumerate() {
            assert!(crate::slug::is_valid_id(c.id), "{}", c.id);
            assert_eq!(CATEGORIES.iter().position(|other| other.id == c.id), Some(i), "{} is listed once", c.id);
        }
    }
}
