//! An actor's position on a point of a proposal (`positions:`).

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stance {
    Supports,
    Opposes,
    Conditional,
    Unclear,
}

impl Stance {
    pub(crate) const ALL: [Stance; 4] = [Stance::Supports, Stance::Opposes, Stance::Conditional, Stance::Unclear];

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Opposes => "opposes",
            Stance::Conditional => "conditional",
            Stance::Unclear => "unclear",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Stance::Supports => "Supports",
            Stance::Opposes => "Opposes",
            Stance::Conditional => "Conditional",
            Stance::Unclear => "Unclear",
        }
    }
}
