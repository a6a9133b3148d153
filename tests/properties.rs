//! Property tests of the text stages: whatever the input, offsets stay on
//! UTF-8 boundaries inside the text, normalization is idempotent, and
//! passages never overlap.

use claimcheck::index::Term;
use claimcheck::normalize::{normalize, tokenize, Charmap};
use claimcheck::segment::sentences;
use proptest::prelude::*;

/// Text made of the characters that matter: Arabic letters and marks,
/// tatweel, digits of three scripts, private-use digits, punctuation,
/// bidi and zero-width controls, Latin letters and whitespace.
fn noisy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ا", "أ", "إ", "آ", "ى", "ي", "ة", "ه", "ل", "م", "ب", "و", "ف", "ك", "ـ", "َ", "ّ", "ٰ", "٣", "۴", "7", ".", "،",
        "؟", "؛", "!", "%", "٪", ",", "\u{E005}", "\u{E00C}", "\u{202E}", "\u{200B}", "\u{FEFF}", "ﻻ", "ﺍ", "A", "z",
        " ", "\n", "\r\n", "\t", "é", "e\u{301}",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn normalization_is_idempotent(s in noisy_text()) {
        let once = normalize(&s);
        prop_assert_eq!(normalize(&once), once);
    }

    #[test]
    fn token_spans_are_char_boundaries_in_order(s in noisy_text()) {
        let map = Charmap::from_pairs([('\u{E005}', "0".to_string()), ('\u{E00C}', "5".to_string())]);
        let mut last = 0;
        for t in tokenize(&s, &map) {
            prop_assert!(t.start < t.end && t.end <= s.len());
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            prop_assert!(t.start >= last);
            prop_assert!(!t.norm.is_empty());
            last = t.end;
        }
    }

    #[test]
    fn passages_are_disjoint_trimmed_spans(s in noisy_text()) {
        let mut last = 0;
        for sp in sentences(&s, &Charmap::default()) {
            prop_assert!(sp.start >= last && sp.start < sp.end && sp.end <= s.len());
            prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
            prop_assert!(!s[sp.start..sp.end].starts_with(char::is_whitespace));
            last = sp.end;
        }
    }

    #[test]
    fn clause_breaks_never_panic(s in noisy_text()) {
        let terms = Term::analyze(&s, &Charmap::default());
        prop_assert!(terms.iter().all(|t| !t.stem.is_empty()));
    }
}
