//! Slugs: text transliterated to ASCII, lowercased, each run of other characters one `-`.

/// `Sécurité — garanties` → `securite-garanties`.
pub(crate) fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    slug
}

/// The longest name most file systems allow for one file or folder, in bytes (ext4,
/// APFS, NTFS and exFAT all allow 255). An id or topic becomes a folder name.
pub(crate) const MAX_NAME: usize = 255;

/// Why `name` cannot be a folder name, if it is too long for one.
pub(crate) fn too_long(name: &str) -> Option<String> {
    (name.len() > MAX_NAME).then(|| {
        let start: String = name.chars().take(24).collect();
        format!("`{start}…` is {} characters long, but a file name can hold at most {MAX_NAME}", name.len())
    })
}

/// Whether `id` is a valid item id: lowercase `[a-z0-9-]+`.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_spec() {
        assert_eq!(slugify("OSCE monitoring"), "osce-monitoring");
        assert_eq!(slugify("Sécurité — garanties!"), "securite-garanties");
        assert_eq!(slugify("  Territory  "), "territory");
    }

    #[test]
    fn ids_are_lowercase_letters_digits_and_dashes() {
        assert!(is_valid_id("us-28-point-plan"));
        assert!(!is_valid_id("../x"));
        assert!(!is_valid_id("Putin"));
        assert!(!is_valid_id(""));
    }
}
