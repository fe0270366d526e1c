//! Items embargoed until a later moment (`publish:`): left out of the build as drafts
//! are, with a note saying until when; a reference to one from a published item is an
//! error, as a reference to a draft is.

use jiff::Timestamp;

use crate::diagnostic::Diagnostic;
use crate::parse::Meta;
use crate::read::SourceFile;
use crate::vocab::moment::{instant, shown};
use crate::vocab::{Kind, When};

/// An item left out of this build until its `publish:` moment.
#[derive(Debug, Clone)]
pub(crate) struct Embargoed {
    pub(crate) kind: Kind,
    pub(crate) id: String,
    pub(crate) until: When,
}

/// When the item of `meta` is embargoed until, if that is after `now`.
pub(super) fn until(meta: &Meta, now: Timestamp) -> Option<When> {
    let publish = meta.common.publish.as_ref()?;
    (instant(&publish.value) > now).then_some(publish.value)
}

/// The note that says the item of `meta` is left out, placed on its `publish:`.
pub(super) fn note(meta: &Meta, until: &When, files: &[SourceFile]) -> Diagnostic {
    let when = shown(until);
    let d = Diagnostic::note(
        &meta.place.path,
        format!("{} `{}` is embargoed until {when}: left out of this build", meta.kind.noun(), meta.id),
    )
    .with_hint(format!("preview the site as it will be then with `--now {when}`"));
    match &meta.common.publish {
        Some(publish) => meta.place.diagnostic(&files[meta.file].placement_text(), &publish.at, d),
        None => d,
    }
}

/// The message and hint for a reference to an embargoed item.
pub(super) fn referred(item: &Embargoed) -> (String, String) {
    let when = shown(&item.until);
    (
        format!("`{}` is an embargoed {}, left out of this build until {when}", item.id, item.kind.noun()),
        format!("refer to it once it is published, or publish this item no earlier (`publish: {when}`)"),
    )
}
