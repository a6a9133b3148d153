//! Hamza-seat spellings: one word written with or without its hamza.
//!
//! This module owns recognising two stems that differ only in a hamza letter
//! on its own or on a seat (ء ؤ ئ): added, dropped, or written on another
//! seat. News Arabic spells the same word several ways (منشآت and the
//! misspelt منشئات; مسؤول and مسئول; رئيس and ريس), and normalization folds
//! only the alef forms (أ إ آ → ا), so the stemmer leaves such pairs apart
//! (منشآته → منش, منشئاته → منشئ), often below the five letters fuzzy
//! matching needs ([`crate::matching::fuzzy_distance`]).
//! [`crate::matching`] adds the corpus stems found here to a claim word's
//! fuzzy neighbours (met as [`crate::matching::How::Fuzzy`], one edit), so
//! retrieval and alignment both see them.
//!
//! A stem whose skeleton (the stem without ء ؤ ئ) is shorter than three
//! letters has no variants: two-letter skeletons meet too many other words.

/// The hamza letters that may be added, dropped or swapped.
const HAMZAS: [char; 3] = ['ء', 'ؤ', 'ئ'];

/// Shortest skeleton (letters other than ء ؤ ئ) that gets variants.
const MIN_SKELETON: usize = 3;

fn skeleton_len(chars: &[char]) -> usize {
    chars.iter().filter(|c| !HAMZAS.contains(c)).count()
}

/// The spellings of `stem` one hamza letter away: each ء ؤ ئ dropped or put
/// on another seat, and one inserted at each position. The stem itself is not
/// included; the list is empty for a short skeleton or a non-Arabic stem.
pub fn variants(stem: &str) -> Vec<String> {
    let chars: Vec<char> = stem.chars().collect();
    if skeleton_len(&chars) < MIN_SKELETON || !chars.iter().all(|c| ('\u{0621}'..='\u{064A}').contains(c)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if HAMZAS.contains(c) {
            let mut dropped = chars.clone();
            dropped.remove(i);
            out.push(dropped.iter().collect());
            for h in HAMZAS.iter().filter(|h| *h != c) {
                let mut swapped = chars.clone();
                swapped[i] = *h;
                out.push(swapped.iter().collect());
            }
        }
    }
    for i in 0..=chars.len() {
        for h in HAMZAS {
            // Never two hamza letters side by side.
            if (i > 0 && HAMZAS.contains(&chars[i - 1])) || chars.get(i).is_some_and(|c| HAMZAS.contains(c)) {
                continue;
            }
            let mut inserted = chars.clone();
            inserted.insert(i, h);
            out.push(inserted.iter().collect());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Whether `a` and `b` are one spelling apart in a hamza letter
/// ([`variants`]).
pub fn is_variant(a: &str, b: &str) -> bool {
    // A variant is one letter longer or shorter, or as long, and one of the
    // two holds a hamza letter: most pairs are told apart without listing.
    let has_hamza = |w: &str| w.contains(HAMZAS);
    let (la, lb) = (a.chars().count(), b.chars().count());
    a != b && la.abs_diff(lb) <= 1 && (has_hamza(a) || has_hamza(b)) && variants(a).iter().any(|v| v == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;
    use crate::stem::stem;

    fn stem_of(w: &str) -> String {
        stem(&normalize(w))
    }

    #[test]
    fn the_misspelt_hamza_of_a_seed_meets_the_claims_spelling() {
        // seeds-tune6 s6-eastern-border-installations: the claim's منشآته,
        // 000 line 15's misspelt منشئاته.
        assert!(is_variant(&stem_of("منشآته"), &stem_of("منشئاته")));
        assert!(is_variant(&stem_of("منشئاته"), &stem_of("منشآته")));
        assert!(is_variant(&stem_of("مسؤول"), &stem_of("مسئول")));
        assert!(is_variant(&stem_of("رئيس"), &stem_of("ريس")));
    }

    #[test]
    fn other_letters_and_short_stems_are_no_hamza_variants() {
        // Trap: a word differing in another letter, and a two-letter skeleton.
        assert!(!is_variant(&stem_of("منشآته"), &stem_of("منشوراته")));
        assert!(!is_variant("منش", "منشا"));
        assert!(variants("شي").is_empty());
        assert!(!is_variant("منش", "منش"));
        assert!(variants("drone").is_empty());
    }
}
