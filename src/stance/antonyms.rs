//! Antonyms: a claim word whose opposite stands in the passage.
//!
//! This module owns the lexicon of opposite pairs (`data/antonyms.tsv`, built
//! in; users may add pairs from their own file) and the rule that reads it:
//! a claim unit the passage does not carry, whose opposite the passage does
//! carry, contradicts the claim. Words are compared by stem.
//!
//! Example: "ارتفاع أسعار النفط" is contradicted by "انخفاض أسعار النفط"
//! (reason `antonym ارتفاع/انخفاض`).

use crate::normalize::normalize;
use crate::stem::stem;
use std::collections::{BTreeMap, BTreeSet};

/// The built-in lexicon.
pub const BUILTIN: &str = include_str!("../../data/antonyms.tsv");

/// A lexicon of opposite pairs, keyed by stem.
#[derive(Debug, Clone, Default)]
pub struct Antonyms {
    /// stem → (its display word, opposite stems with their display words)
    map: BTreeMap<String, BTreeSet<(String, String)>>,
}

impl Antonyms {
    /// The built-in lexicon.
    pub fn builtin() -> Antonyms {
        let mut a = Antonyms::default();
        a.extend(BUILTIN).expect("the built-in antonym lexicon is well formed");
        a
    }

    /// Adds pairs from TSV text; returns the 1-based line of a malformed pair.
    pub fn extend(&mut self, tsv: &str) -> Result<(), usize> {
        for (i, line) in tsv.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t').map(str::trim).filter(|s| !s.is_empty());
            let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(i + 1);
            };
            let (na, nb) = (normalize(a), normalize(b));
            if na.is_empty() || nb.is_empty() {
                return Err(i + 1);
            }
            let (sa, sb) = (key(&na), key(&nb));
            self.map
                .entry(sa.clone())
                .or_default()
                .insert((sb.clone(), b.to_string()));
            self.map.entry(sb).or_default().insert((sa, a.to_string()));
        }
        Ok(())
    }

    /// Opposites of a folded word: (lookup key, word as written in the lexicon).
    pub fn opposites(&self, norm: &str) -> impl Iterator<Item = &(String, String)> {
        self.map.get(&key(norm)).into_iter().flatten()
    }
}

/// The lookup key of a folded word: its stem, with a final weak letter
/// (ي، ا) dropped so that defective verbs meet (نفى، نفاه، نفي → نف).
pub fn key(norm: &str) -> String {
    let s = stem(norm);
    match s.strip_suffix(['ي', 'ا']) {
        Some(rest) if rest.chars().count() >= 2 && crate::stem::is_arabic(rest) => rest.to_string(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_pairs_are_symmetric_and_stemmed() {
        let a = Antonyms::builtin();
        assert!(a.opposites(&normalize("الارتفاع")).any(|(o, _)| *o == key(&normalize("انخفاض"))));
        assert!(a.opposites(&normalize("انخفاض")).any(|(o, _)| *o == key(&normalize("ارتفاع"))));
        // Defective verbs: نفاه meets نفى.
        assert!(a.opposites(&normalize("اعترف")).any(|(o, _)| *o == key(&normalize("نفاه"))));
    }

    #[test]
    fn user_pairs_extend_and_bad_lines_are_located() {
        let mut a = Antonyms::default();
        a.extend("# c\nopen\tclosed\n").unwrap();
        assert!(a.opposites("closed").next().is_some());
        assert_eq!(a.extend("ok\tfine\nonly-one\n"), Err(2));
    }
}
