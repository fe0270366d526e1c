//! The words every stage shares: the kinds of item and their file formats, the fields
//! each kind shows, a proposal's status, an actor's stance, the site's settings, dates
//! as editors write them, and what becomes of HTML in Markdown. Each stage imports
//! them from here.

mod html;
mod items;
mod kind;
mod settings;
mod stance;
mod status;
mod when;

pub use html::{Html, HtmlMode};
pub use items::{ActorFields, ArticleFields, PointFields, ProposalFields, QuoteFields, Source};
pub use kind::{Format, Kind};
pub use settings::SiteConfig;
pub use stance::Stance;
pub use status::Status;
pub use when::{DateProblem, When};
