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

// The invariants of the fuzz targets (`fuzz/invariants.rs`) on generated
// inputs: the same checks run here in `cargo test` and under libFuzzer.
#[path = "../fuzz/invariants.rs"]
mod invariants;

/// YAML-ish text: claims-file keys, indentation, flow and block syntax,
/// anchors and aliases, quotes, tabs, CR, and the noisy characters.
fn yaml_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "claims:",
        "\n",
        "\r",
        "  ",
        "- ",
        "id: ",
        "claim: ",
        "cites: ",
        "source: ",
        "quote: ",
        "also: ",
        "expect: ",
        "note: ",
        "sources: ",
        "glossary: ",
        "supported",
        "a",
        "b",
        "1.10",
        "003",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "&x ",
        "*x",
        "\"",
        "'",
        "#",
        "\t",
        ":",
        "المغرب",
        "\u{202E}",
        "\u{200B}",
        "ﷺ",
        "my id",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

/// A well-formed claims file of 1 to 8 claims with noisy wordings.
fn claims_file() -> impl Strategy<Value = String> {
    prop::collection::vec((noisy_text(), prop::bool::ANY), 1..8).prop_map(|claims| {
        let mut y = String::from("claims:\n");
        for (i, (text, cite)) in claims.iter().enumerate() {
            let text = text.replace(['\r', '\n', '\t'], " ").replace('"', "");
            y.push_str(&format!("  - id: c{i}\n    claim: \"{text} word{i}\"\n"));
            if *cite {
                y.push_str(&format!(
                    "    cites:\n      - source: \"000\"\n        quote: \"{text} x\"\n"
                ));
            }
        }
        y
    })
}

proptest! {
    #[test]
    fn claims_parser_keeps_its_invariants(s in yaml_like()) {
        invariants::claims(s.as_bytes());
    }

    #[test]
    fn quote_matching_keeps_its_invariants(q in noisy_text(), s in noisy_text()) {
        let mut data = q.into_bytes();
        data.push(0xFF);
        data.extend(s.into_bytes());
        invariants::quote(&data);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn check_reports_every_claim_once(claims in claims_file(), source in noisy_text()) {
        let mut data = claims.into_bytes();
        data.push(0xFF);
        data.extend(source.into_bytes());
        invariants::check(&data);
    }
}
