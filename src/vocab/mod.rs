//! The words every stage shares: the kinds of item and their file formats, the fields
//! each kind shows, a proposal's status, an actor's stance, the site's settings, dates
//! as editors write them, and what becomes of HTML in Markdown. Each stage imports
//! them from here.

mod actor_type;
mod category;
mod html;
mod items;
mod kind;
pub(crate) mod moment;
mod settings;
mod stance;
mod status;
mod strings;
mod when;

pub(crate) use actor_type::ActorType;
pub(crate) use category::{CATEGORIES, Category, Stage};
pub(crate) use html::Html;
pub use html::HtmlMode;
pub(crate) use items::{ActorFields, ArticleFields, PointFields, ProposalFields, QuoteFields, Source, SourceFields};
pub use kind::{Format, Kind};
pub(crate) use settings::SiteConfig;
pub use stance::Stance;
pub(crate) use status::Status;
pub(crate) use strings::{Strings, fill_in};
pub(crate) use when::{Precision, When};
