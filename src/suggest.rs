//! "Did you mean …?": the nearest of the known names to a misspelt one.

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
pub(crate) fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let distance = strsim::damerau_levenshtein(word, candidate);
        let limit = (word.chars().count().max(candidate.chars().count()) / 3).max(2);
        let better = match best {
            None => true,
            Some((d, c)) => distance < d || (distance == d && candidate < c),
        };
        if distance <= limit && better {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// `did you mean `x`?` for the nearest candidate, if any.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    nearest(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_transposed_letters() {
        assert_eq!(nearest("actros", ["actors", "title", "topics"]), Some("actors"));
    }

    #[test]
    fn ignores_unrelated_words() {
        assert_eq!(nearest("zzzzzz", ["actors", "title"]), None);
    }

    #[test]
    fn prefers_the_closest_id() {
        assert_eq!(nearest("vladimir-putn", ["vladimir-putin", "marco-rubio"]), Some("vladimir-putin"));
    }
}
