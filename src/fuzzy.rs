//! Fuzzy lookup of corpus stems: a deletion neighbourhood over the vocabulary.
//!
//! This module owns finding the stems within fuzzy reach of a claim word
//! ([`crate::matching::fuzzy_distance`]: at most two edits, transpositions
//! included) without comparing the word with every stem of the corpus. Each
//! vocabulary stem is filed under the hashes of every string obtained by
//! deleting up to two of its letters; two words within two edits share such a
//! string (each edit costs at most one deletion on either side), so a query
//! looks up its own deletions and verifies the few stems found with the exact
//! distance. The set returned equals the full scan's (tested below and in
//! `tests/retrieval.rs`).

use std::hash::{Hash, Hasher};

/// Stems are filed only between these lengths (in characters), as
/// `fuzzy_distance` never matches outside them.
const MIN_CHARS: usize = 5;
const MAX_CHARS: usize = 30;
/// Deletions per side: the largest distance `fuzzy_distance` allows.
const DELETIONS: usize = 2;

/// Vocabulary positions by the hash of each of their deletion variants.
#[derive(Debug, Clone, Default)]
pub struct DeletionIndex {
    /// (variant hash, vocabulary position), sorted.
    entries: Vec<(u64, u32)>,
}

fn hash_chars(chars: &[char]) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    chars.hash(&mut h);
    h.finish()
}

/// The hashes of `word` with up to [`DELETIONS`] letters deleted (the word
/// itself included), deduplicated.
fn variants(word: &str) -> Vec<u64> {
    let chars: Vec<char> = word.chars().collect();
    let mut out = vec![hash_chars(&chars)];
    let mut buf: Vec<char> = Vec::with_capacity(chars.len());
    for i in 0..chars.len() {
        buf.clear();
        buf.extend(chars[..i].iter().chain(&chars[i + 1..]));
        out.push(hash_chars(&buf));
        if DELETIONS >= 2 {
            for j in i + 1..chars.len() {
                let two: Vec<char> = chars
                    .iter()
                    .enumerate()
                    .filter(|&(k, _)| k != i && k != j)
                    .map(|(_, &c)| c)
                    .collect();
                out.push(hash_chars(&two));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn eligible(word: &str) -> bool {
    let n = word.chars().count();
    (MIN_CHARS..=MAX_CHARS).contains(&n) && !crate::normalize::is_number(word)
}

impl DeletionIndex {
    /// Files every eligible stem of `vocab` under its deletion variants.
    pub fn build(vocab: &[String]) -> DeletionIndex {
        use rayon::prelude::*;
        let mut entries: Vec<(u64, u32)> = vocab
            .par_iter()
            .enumerate()
            .filter(|(_, v)| eligible(v))
            .flat_map_iter(|(i, v)| variants(v).into_iter().map(move |h| (h, i as u32)))
            .collect();
        entries.par_sort_unstable();
        DeletionIndex { entries }
    }

    /// Vocabulary positions that share a deletion variant with `word`
    /// (a superset of those within two edits), sorted and unique.
    pub fn candidates(&self, word: &str) -> Vec<u32> {
        let mut out = Vec::new();
        if !eligible(word) {
            return out;
        }
        for h in variants(word) {
            let from = self.entries.partition_point(|e| e.0 < h);
            out.extend(self.entries[from..].iter().take_while(|e| e.0 == h).map(|e| e.1));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::fuzzy_distance;

    /// The stems of the seeds plus edited copies: every word within reach
    /// is found, exactly as by the full scan.
    #[test]
    fn same_neighbours_as_the_full_scan() {
        let mut vocab: Vec<String> = Vec::new();
        for e in std::fs::read_dir("seeds").unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                let text = std::fs::read_to_string(p).unwrap();
                for t in crate::index::Term::analyze(&text, &Default::default()) {
                    vocab.push(t.stem.to_string());
                }
            }
        }
        // Edited copies: a transposition, a deletion, an insertion, two substitutions.
        let extra: Vec<String> = vocab
            .iter()
            .filter(|v| v.chars().count() >= 6)
            .take(300)
            .flat_map(|v| {
                let c: Vec<char> = v.chars().collect();
                let mut t = c.clone();
                t.swap(1, 2);
                let mut d = c.clone();
                d.remove(3);
                let mut i = c.clone();
                i.insert(2, 'ا');
                let mut s = c.clone();
                s[0] = 'ت';
                s[4] = 'ن';
                [t, d, i, s].map(|w| w.into_iter().collect::<String>())
            })
            .collect();
        vocab.extend(extra);
        vocab.sort();
        vocab.dedup();
        let ix = DeletionIndex::build(&vocab);
        let mut pairs = 0;
        for q in vocab.iter().step_by(3) {
            let scan: Vec<u32> = (0..vocab.len() as u32)
                .filter(|&i| fuzzy_distance(q, &vocab[i as usize]).is_some())
                .collect();
            let fast: Vec<u32> = ix
                .candidates(q)
                .into_iter()
                .filter(|&i| fuzzy_distance(q, &vocab[i as usize]).is_some())
                .collect();
            assert_eq!(scan, fast, "neighbours of {q}");
            pairs += scan.len();
        }
        assert!(pairs > 100, "the test vocabulary has near words ({pairs})");
    }
}
