//! Slugs: text transliterated to ASCII, lowercased, each run of other characters one `-`.

///
/// ```
/// assert_eq!(briefing::slug::slugify("OSCE monitoring"), "osce-monitoring");
/// assert_eq!(briefing::slug::slugify("Sécurité — garanties"), "securite-garanties");
/// ```
pub fn slugify(text: &str) -> String {
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

/// Whether `id` is a valid item id: lowercase `[a-z0-9-]+`.
pub fn is_valid_id(id: &str) -> bool {
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
