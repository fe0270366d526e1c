//! Files: those that items in folders of their own publish beside their pages
//! (`articles/ID/map.png`), and the links to files written in bodies. A link to a file
//! the site does not have is an error where it is written, as a link to a missing item
//! is; so is a file of an item that would land on a file the build writes itself.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::ids::Grouped;
use super::types::Site;
use crate::diagnostic::{Diagnostic, Diagnostics, MAX_PER_FILE};
use crate::parse::files::{Base, FileLink, Sizes};
use crate::parse::{At, Meta};
use crate::read::{Attachment, SourceFile};

/// A file published beside its item's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Published {
    /// In the site: `articles/talks/map.png`.
    pub(crate) path: String,
    /// Where it is on disk.
    pub(crate) source: PathBuf,
    /// Where it is in the site's folder, for messages: `content/articles/talks/map.png`.
    pub(crate) from: String,
}

/// The picture a page is shown with where it is shared (`image:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Picture {
    /// A web address, as written.
    Web(String),
    /// A file of the site, by its path in the site (None: the address leads out of the
    /// site), with its width and height when known.
    File { path: Option<String>, size: Option<(usize, usize)> },
    /// Neither (`mailto:…`, `#top`): an error.
    Neither(String),
}

/// The pictures of the site (`image:` in site.yaml) and of each published item,
/// indexed like the model's lists.
#[derive(Debug, Clone, Default)]
pub(crate) struct Pictures {
    pub(crate) site: Option<Picture>,
    pub(crate) articles: Vec<Option<Picture>>,
    pub(crate) actors: Vec<Option<Picture>>,
    pub(crate) proposals: Vec<Option<Picture>>,
}

fn is_web_address(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The picture written at `image:` of the item of `meta`, found from its page as a link
/// in its text would be.
fn picture(meta: &Meta, sizes: &Sizes) -> Option<Picture> {
    let written = &meta.common.image.as_ref()?.value;
    if is_web_address(written) {
        return Some(Picture::Web(written.clone()));
    }
    let page = format!("{}/{}/", meta.kind.folder(), meta.id);
    let base = Base { page: &page, sizes, ..Base::ROOT }.beside(&meta.place.path);
    Some(match crate::parse::files::resolve(written, &base) {
        Some(file) => Picture::File { path: file.target, size: file.size },
        None => Picture::Neither(written.clone()),
    })
}

/// The pictures of the site and of the published items of `grouped`.
pub(super) fn pictures(site_image: Option<&str>, grouped: &Grouped<'_>, sizes: &Sizes) -> Pictures {
    let site = site_image.map(|image| {
        if is_web_address(image) {
            Picture::Web(image.to_owned())
        } else {
            let path = image.strip_prefix('/').unwrap_or(image);
            Picture::File { path: Some(path.to_owned()), size: sizes.of_static(path) }
        }
    });
    Pictures {
        site,
        articles: grouped.articles.iter().map(|(m, _)| picture(m, sizes)).collect(),
        actors: grouped.actors.iter().map(|(m, _)| picture(m, sizes)).collect(),
        proposals: grouped.proposals.iter().map(|(m, _)| picture(m, sizes)).collect(),
    }
}

/// The files of the published items, each at `KIND/ID/NAME`, sorted by path.
pub(super) fn published(grouped: &Grouped<'_>, attachments: &[Attachment]) -> Vec<Published> {
    if attachments.is_empty() {
        return Vec::new();
    }
    let metas = grouped
        .articles
        .iter()
        .map(|(m, _)| *m)
        .chain(grouped.actors.iter().map(|(m, _)| *m))
        .chain(grouped.proposals.iter().map(|(m, _)| *m));
    let by_file: HashMap<usize, &Meta> = metas.map(|m| (m.file, m)).collect();
    let mut out: Vec<Published> = attachments
        .iter()
        .filter_map(|a| {
            let meta = by_file.get(&a.item)?;
            Some(Published {
                path: format!("{}/{}/{}", meta.kind.folder(), meta.id, a.name),
                source: a.full_path.clone(),
                from: a.path.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Whether any body links to a file.
pub(super) fn any_links(grouped: &Grouped<'_>) -> bool {
    grouped.articles.iter().any(|(_, a)| !a.body.files.is_empty())
        || grouped.actors.iter().any(|(_, a)| !a.body.files.is_empty())
        || grouped
            .proposals
            .iter()
            .any(|(_, p)| !p.body.files.is_empty() || p.points.iter().any(|pt| !pt.text.files.is_empty()))
}

/// Whether any item has a picture (`image:`).
pub(super) fn any_pictures(grouped: &Grouped<'_>) -> bool {
    let metas = grouped.articles.iter().map(|(m, _)| *m);
    let mut metas =
        metas.chain(grouped.actors.iter().map(|(m, _)| *m)).chain(grouped.proposals.iter().map(|(m, _)| *m));
    metas.any(|m| m.common.image.is_some())
}

/// Checks that no item's file lands on one of the files `written` (the pages, the
/// generated files, the static files), and that every link to a file in a body leads
/// to one of those or to an item's file.
pub(super) fn check(
    site: &Site,
    grouped: &Grouped<'_>,
    written: Vec<String>,
    files: &[SourceFile],
    diagnostics: &mut Diagnostics,
) {
    let mut all: HashSet<String> = written.into_iter().collect();
    for file in &site.attachments {
        if !all.insert(file.path.clone()) {
            let message =
                format!("this file would be published at `{}`, which is a file the site has already", file.path);
            let hint = "a page, a generated file or a file of static/ is there: rename this file";
            diagnostics.push(Diagnostic::error(&file.from, message).with_hint(hint));
        }
    }
    let items = grouped.articles.iter().map(|(m, a)| (*m, vec![(&a.body.files, None)]));
    let items = items.chain(grouped.actors.iter().map(|(m, a)| (*m, vec![(&a.body.files, None)])));
    let items = items.chain(grouped.proposals.iter().map(|(m, p)| {
        let points = p.points.iter().map(|pt| (&pt.text.files, Some(pt.at.clone())));
        (*m, std::iter::once((&p.body.files, None)).chain(points).collect())
    }));
    let metas = grouped.articles.iter().map(|(m, _)| *m);
    let metas = metas.chain(grouped.actors.iter().map(|(m, _)| *m)).chain(grouped.proposals.iter().map(|(m, _)| *m));
    let pictures = site.pictures.articles.iter().chain(&site.pictures.actors).chain(&site.pictures.proposals);
    for (meta, picture) in metas.zip(pictures) {
        let (Some(picture), Some(image)) = (picture, &meta.common.image) else { continue };
        let problem = match picture {
            Picture::Web(_) => None,
            Picture::File { path: Some(path), .. } if all.contains(path) => None,
            Picture::File { path, .. } => {
                let link = FileLink { url: image.value.clone(), target: path.clone(), offset: 0, len: 0 };
                let own = format!("{}/{}/", meta.kind.folder(), meta.id);
                let beside: Vec<&str> = site.attachments.iter().filter_map(|a| a.path.strip_prefix(&own)).collect();
                Some(problem(&link, meta, &beside))
            }
            Picture::Neither(written) => Some((
                format!("`image` is `{written}`, which is neither a file of the site nor a web address"),
                "name a picture beside the item (`portrait.jpg`), in static/ (`/img/card.png`), or on the web (https://…)".to_owned(),
            )),
        };
        if let Some((message, hint)) = problem {
            let d = Diagnostic::error(&meta.place.path, message).with_hint(hint);
            diagnostics.push(meta.place.diagnostic(&files[meta.file].placement_text(), &image.at, d));
        }
    }
    for (meta, bodies) in items {
        let missing: Vec<(&FileLink, At)> = bodies
            .into_iter()
            .flat_map(|(links, at)| links.iter().map(move |l| (l, at.clone().unwrap_or(At::Body(l.offset, l.len)))))
            .filter(|(l, _)| l.target.as_ref().is_none_or(|t| !all.contains(t)))
            .collect();
        report(meta, &missing, &site.attachments, files, diagnostics);
    }
}

/// An error for each link of `meta`'s item to a file the site lacks, the first ones
/// placed (placing costs a pass over the file).
fn report(
    meta: &Meta,
    missing: &[(&FileLink, At)],
    attachments: &[Published],
    files: &[SourceFile],
    diagnostics: &mut Diagnostics,
) {
    if missing.is_empty() {
        return;
    }
    let own = format!("{}/{}/", meta.kind.folder(), meta.id);
    let beside: Vec<&str> = attachments.iter().filter_map(|a| a.path.strip_prefix(&own)).collect();
    let text = files[meta.file].placement_text();
    for (n, (link, at)) in missing.iter().enumerate() {
        let (message, hint) = problem(link, meta, &beside);
        let d = Diagnostic::error(&meta.place.path, message).with_hint(hint);
        diagnostics.push(if n < MAX_PER_FILE { meta.place.diagnostic(&text, at, d) } else { d });
    }
}

/// What is wrong with a link to a file, and what to do.
fn problem(link: &FileLink, meta: &Meta, beside: &[&str]) -> (String, String) {
    let url = &link.url;
    let Some(target) = &link.target else {
        return (
            format!("`{url}` leads out of the site"),
            "link to a file beside the item, or in static/ (`/NAME`); web addresses start with https://".to_owned(),
        );
    };
    let message = format!("`{url}` is not a file of this site");
    let path = &meta.place.path;
    let own = format!("{}/{}/", meta.kind.folder(), meta.id);
    let hint = if url.starts_with("www.") {
        format!("a web address starts with https://: `https://{url}`")
    } else if url.starts_with('/') {
        format!("a link that starts with `/` is to a file of static/: there is no static/{target}")
    } else if let (Some(name), Some((folder, file))) = (target.strip_prefix(&own), path.rsplit_once('/')) {
        if let Some(near) = crate::suggest::did_you_mean(name, beside.iter().copied()) {
            near
        } else if file.starts_with("index.") {
            format!("put `{name}` in {folder}/, beside {file}")
        } else {
            let (stem, extension) = file.rsplit_once('.').unwrap_or((file, "md"));
            format!(
                "to publish files beside this {}, move it to {folder}/{stem}/index.{extension} and put `{name}` \
                 beside it; or put the file in static/ and link it as `/{name}`",
                meta.kind.noun()
            )
        }
    } else {
        format!("it leads to `{target}`, which the site does not have")
    };
    (message, hint)
}
