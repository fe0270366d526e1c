//! Bundles: an item in a folder of its own (`content/articles/ID/index.md`) with the
//! files it publishes beside its page (`map.png`, `text.pdf`). The folder's name is the
//! item's id; every other file in it, at any depth, is an attachment.

use std::collections::BTreeSet;
use std::path::PathBuf;

/// A file published beside its item's page.
#[derive(Debug, Clone)]
pub(crate) struct Attachment {
    /// Relative to the site root, `/`-separated: `content/articles/talks/map.png`.
    pub(crate) path: String,
    /// Where it is on disk.
    pub(crate) full_path: PathBuf,
    /// The index in `Sources::items` of its bundle's `index` file.
    pub(crate) item: usize,
    /// Relative to the bundle's folder, `/`-separated: `map.png`, `maps/east.png`.
    pub(crate) name: String,
}

/// What a file under `content/` is, given the site's bundles.
pub(super) enum Role {
    /// The `index` file of a bundle: an item whose id is the folder's name.
    Index { id: String },
    /// A file of a bundle (`bundle` is its folder, `name` its path within it).
    Attachment { bundle: String, name: String },
    /// A content file inside a bundle's folder (`bundle`), which holds one item.
    Misplaced { bundle: String },
    /// Not in a bundle.
    Outside,
}

/// The bundle folders of a site, relative to its root (`content/articles/talks`).
#[derive(Debug, Default)]
pub(super) struct Bundles {
    folders: BTreeSet<String>,
}

/// Whether a file name is an item's (`.md`, `.markdown`, `.yaml`, `.yml`), and its stem.
pub(crate) fn content_stem(name: &str) -> Option<&str> {
    let (stem, extension) = name.rsplit_once('.')?;
    matches!(extension, "md" | "markdown" | "yaml" | "yml").then_some(stem)
}

impl Bundles {
    /// The folders below a kind's folder that hold an `index` content file, among the
    /// files `rel_paths` (relative to the root, `/`-separated).
    pub(super) fn find<'p>(rel_paths: impl IntoIterator<Item = &'p str>) -> Bundles {
        let folders = rel_paths
            .into_iter()
            .filter_map(|rel| {
                let (folder, name) = rel.rsplit_once('/')?;
                // content/KIND/ID: a kind's folder itself is no bundle.
                (content_stem(name) == Some("index") && folder.matches('/').count() >= 2).then(|| folder.to_owned())
            })
            .collect();
        Bundles { folders }
    }

    /// What the file at `rel` is: the outermost bundle above it decides.
    pub(super) fn role(&self, rel: &str) -> Role {
        let bundle = rel.match_indices('/').map(|(i, _)| &rel[..i]).find(|folder| self.folders.contains(*folder));
        let Some(bundle) = bundle else { return Role::Outside };
        let name = &rel[bundle.len() + 1..];
        match content_stem(name) {
            Some("index") => match bundle.rsplit_once('/') {
                Some((_, id)) => Role::Index { id: id.to_owned() },
                None => Role::Outside,
            },
            Some(_) => Role::Misplaced { bundle: bundle.to_owned() },
            None => Role::Attachment { bundle: bundle.to_owned(), name: name.to_owned() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_with_an_index_holds_its_item_and_the_files_beside_it() {
        let files = [
            "content/articles/talks/index.md",
            "content/articles/talks/map.png",
            "content/articles/talks/maps/east.png",
            "content/articles/talks/notes.md",
            "content/articles/talks/old/index.md",
            "content/articles/index.md",
            "content/articles/2025/other.md",
            "content/articles/2025/photo.png",
        ];
        let bundles = Bundles::find(files);
        let roles: Vec<String> = files
            .iter()
            .map(|f| match bundles.role(f) {
                Role::Index { id } => format!("index {id}"),
                Role::Attachment { bundle, name } => format!("{name} of {bundle}"),
                Role::Misplaced { bundle } => format!("misplaced in {bundle}"),
                Role::Outside => "outside".to_owned(),
            })
            .collect();
        assert_eq!(
            roles,
            [
                "index talks",
                "map.png of content/articles/talks",
                "maps/east.png of content/articles/talks",
                "misplaced in content/articles/talks",
                "misplaced in content/articles/talks",
                "outside",
                "outside",
                "outside",
            ]
        );
    }
}
