//! The fields every kind of item may have beside its own: when it is published
//! (`publish`), the ids it had before (`redirect_from`), and the image it is shared with
//! (`image`).

use super::At;
use super::fields::{Obj, Problems};
use crate::slug::is_valid_id;
use crate::vocab::When;

/// A value as written, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Written<T> {
    pub(crate) value: T,
    pub(crate) at: At,
}

/// What `publish`, `redirect_from` and `image` say of one item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Common {
    /// Left out of every output before this moment (an embargo).
    pub(crate) publish: Option<Written<When>>,
    /// Ids the item had before, each given a page that sends readers on.
    pub(crate) redirect_from: Vec<Written<String>>,
    /// The picture shown where the page is shared: a file or a web address.
    pub(crate) image: Option<Written<String>>,
}

/// Reads the fields every kind shares; problems with their values go to `problems`.
pub(crate) fn read(obj: &mut Obj<'_>, problems: &mut Problems<'_>) -> Common {
    let publish = super::records::date_field(obj, "publish", false, problems)
        .map(|when| Written { value: when, at: obj.at_value("publish") });
    let mut redirect_from: Vec<Written<String>> = Vec::new();
    for (id, at) in obj.text_list("redirect_from", problems) {
        if !is_valid_id(&id) {
            let hint = match crate::slug::slugify(&id) {
                made if made.is_empty() => "write the id the item had: lowercase letters, digits and `-`".to_owned(),
                made => format!("write the id the item had, e.g. `{made}`"),
            };
            problems.error(
                &at,
                format!("`{id}` is not an id: ids are lowercase letters, digits and `-` only"),
                Some(hint),
            );
        } else if redirect_from.iter().any(|old| old.value == id) {
            problems.error(
                &at,
                format!("`{id}` is listed twice in `redirect_from`"),
                Some("list each old id once".to_owned()),
            );
        } else {
            redirect_from.push(Written { value: id, at });
        }
    }
    let image = obj.text("image", problems).map(|text| Written { value: text, at: obj.at_value("image") });
    Common { publish, redirect_from, image }
}
