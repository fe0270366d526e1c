//! Links from a body to files of the site: the files beside an item in its own folder
//! (`map.png`), those of `static/` (`/img/map.png`) and any other file the build
//! writes. Each is resolved from the page the body is shown on, as a browser would,
//! written relative to it, and kept for the model to check that the file exists; an
//! image gets its width and height when the file's header tells them.

use std::collections::BTreeMap;

use crate::read::Attachment;

/// The width and height of the images a body can show, read from their headers: the
/// files beside items (by path from the site root, `content/articles/talks/map.png`)
/// and the theme's and site's static files (by path in the site, `img/map.png`).
#[derive(Debug, Default)]
pub struct Sizes {
    attachments: BTreeMap<String, (usize, usize)>,
    statics: BTreeMap<String, (usize, usize)>,
}

/// No sizes known (where only the links are needed).
pub(crate) static NO_SIZES: Sizes = Sizes { attachments: BTreeMap::new(), statics: BTreeMap::new() };

impl Sizes {
    /// Reads the header of every image among `attachments` and `statics` (path in the
    /// site, bytes). A file that is not an image, or that cannot be read, has no size.
    pub(crate) fn read(attachments: &[Attachment], statics: &[(String, Vec<u8>)]) -> Sizes {
        use rayon::prelude::*;
        let attachments = attachments
            .par_iter()
            .filter(|a| looks_like_image(&a.name))
            .filter_map(|a| Some((a.path.clone(), dimensions(imagesize::size(&a.full_path).ok()?)?)))
            .collect();
        let statics = statics
            .iter()
            .filter(|(name, _)| looks_like_image(name))
            .filter_map(|(name, bytes)| Some((name.clone(), dimensions(imagesize::blob_size(bytes).ok()?)?)))
            .collect();
        Sizes { attachments, statics }
    }
}

impl Sizes {
    /// The size of the static file at `path` in the site (`img/card.png`), if known.
    pub(crate) fn of_static(&self, path: &str) -> Option<(usize, usize)> {
        self.statics.get(path).copied()
    }
}

fn dimensions(size: imagesize::ImageSize) -> Option<(usize, usize)> {
    (size.width > 0 && size.height > 0).then_some((size.width, size.height))
}

/// Whether a file name has the extension of an image whose header `imagesize` reads.
fn looks_like_image(name: &str) -> bool {
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e).to_ascii_lowercase();
    matches!(
        extension.as_str(),
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "bmp" | "tif" | "tiff" | "ico" | "avif" | "heic" | "heif"
    )
}

/// Where a body's relative links start from.
#[derive(Debug, Clone, Copy)]
pub struct Base<'a> {
    /// The page the body is shown on, relative to the site root: `articles/talks/`.
    pub(crate) page: &'a str,
    /// The folder of the file it is written in, from the site root:
    /// `content/articles/talks` (for the sizes of the files beside it).
    pub(crate) source_folder: &'a str,
    pub(crate) sizes: &'a Sizes,
}

impl Base<'static> {
    /// Links from the site's root, with no sizes known.
    pub(crate) const ROOT: Base<'static> = Base { page: "", source_folder: "", sizes: &NO_SIZES };
}

impl<'a> Base<'a> {
    /// This base for a body written in the file at `path` (from the site root).
    pub(crate) fn beside(self, path: &'a str) -> Base<'a> {
        Base { source_folder: path.rsplit_once('/').map_or("", |(folder, _)| folder), ..self }
    }
}

/// A link or image to a file of the site, found in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLink {
    /// The address as written.
    pub(crate) url: String,
    /// The file it leads to, from the site root and decoded (`articles/talks/map.png`),
    /// or None when it leads out of the site.
    pub(crate) target: Option<String>,
    /// Byte range of the address within the Markdown source.
    pub offset: usize,
    pub len: usize,
}

/// What becomes of an address written in a body.
pub(crate) struct Resolved {
    /// The address written into the page, relative to it.
    pub(crate) url: String,
    /// The file, from the site root and decoded; None when it leads out of the site.
    pub(crate) target: Option<String>,
    /// The image's width and height, when the address is an image whose size is known.
    pub(crate) size: Option<(usize, usize)>,
}

/// An address that names a file of the site: relative (`map.png`, `../x/`) or from the
/// site's root (`/img/map.png`). None for web addresses and other schemes (`https:`,
/// `mailto:`), `//host/…`, and addresses that are only a `#fragment` or a `?query`.
pub(crate) fn resolve(url: &str, base: &Base<'_>) -> Option<Resolved> {
    if url.is_empty() || url.starts_with(['#', '?']) || url.starts_with("//") || has_scheme(url) {
        return None;
    }
    let end = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(end);
    let (from_root, path) = match path.strip_prefix('/') {
        Some(path) => (true, path),
        None => (false, path),
    };
    let joined = if from_root { path.to_owned() } else { format!("{}{path}", base.page) };
    let Some(written) = normalise(&joined) else {
        return Some(Resolved { url: url.to_owned(), target: None, size: None });
    };
    // A folder is its page: `index.html`, so that the link works from disk too.
    let written = if written.is_empty() || written.ends_with('/') { format!("{written}index.html") } else { written };
    let target = decode(&written);
    let size = if from_root {
        base.sizes.statics.get(&target).copied()
    } else {
        let folder = if base.source_folder.is_empty() { String::new() } else { format!("{}/", base.source_folder) };
        normalise(&format!("{folder}{}", decode(path))).and_then(|file| base.sizes.attachments.get(&file).copied())
    };
    // Every `/` of the page's path is a folder to climb back out of.
    let url = format!("{}{written}{rest}", "../".repeat(base.page.matches('/').count()));
    Some(Resolved { url, target: Some(target), size })
}

/// `scheme:` at the start (`https:`, `mailto:`, `tel:`), as URLs spell it.
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `a/b/../c/./d` → `a/c/d`, a final `/` kept; None when it climbs above the root.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | "" if !last => {}
            ".." => {
                parts.pop()?;
                if last {
                    parts.push("");
                }
            }
            "." => parts.push(""),
            segment => parts.push(segment),
        }
    }
    Some(parts.join("/"))
}

/// The path with `%XX` escapes decoded, as the file is named on disk.
fn decode(path: &str) -> String {
    percent_encoding::percent_decode_str(path).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(url: &str) -> Option<(String, Option<String>)> {
        let base = Base { page: "articles/talks/", source_folder: "content/articles/talks", sizes: &NO_SIZES };
        resolve(url, &base).map(|r| (r.url, r.target))
    }

    #[test]
    fn addresses_of_files_are_resolved_from_the_page_and_written_relative_to_it() {
        let file = |url: &str, target: &str| Some((url.to_owned(), Some(target.to_owned())));
        assert_eq!(resolved("map.png"), file("../../articles/talks/map.png", "articles/talks/map.png"));
        assert_eq!(
            resolved("./maps/a%20b.png"),
            file("../../articles/talks/maps/a%20b.png", "articles/talks/maps/a b.png")
        );
        assert_eq!(resolved("/img/map.png#x"), file("../../img/map.png#x", "img/map.png"));
        assert_eq!(
            resolved("../other/text.pdf?v=2"),
            file("../../articles/other/text.pdf?v=2", "articles/other/text.pdf")
        );
        assert_eq!(resolved("/"), file("../../index.html", "index.html"));
        assert_eq!(resolved("../../actors/"), file("../../actors/index.html", "actors/index.html"));
        assert_eq!(resolved(".."), file("../../articles/index.html", "articles/index.html"));
        assert_eq!(resolved("../../../x.png"), Some(("../../../x.png".to_owned(), None)));
        for other in ["https://example.org/x.png", "mailto:a@b.c", "//cdn.example/x.png", "#top", "?q", "", "tel:+1"] {
            assert_eq!(resolved(other), None, "{other}");
        }
    }
}
