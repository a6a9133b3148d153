//! The indexed transliteration lookup ([`NameTable::best_matches`]) finds
//! exactly what the plain scan does: [`name_similarity`] against every
//! Arabic surface form, best similarity wins, ties kept.

use claimcheck::index::Index;
use claimcheck::sources::{load, LoadOptions};
use claimcheck::translit::{name_similarity, NameTable, SAME_NAME_THRESHOLD};
use std::path::PathBuf;

const PAIRS: &str = include_str!("data/names/pairs.tsv");

/// The plain scan the table replaces (as `matching::transliterations` was).
fn plain_scan(latin: &str, words: &[String]) -> Vec<String> {
    let mut best = SAME_NAME_THRESHOLD;
    let mut out = Vec::new();
    for w in words {
        let sim = name_similarity(latin, w);
        if sim > best + 1e-9 {
            best = sim;
            out.clear();
        }
        if sim >= best - 1e-9 {
            out.push(w.clone());
        }
    }
    out
}

/// Latin names of the pairs file, and its Arabic words.
fn pair_words() -> (Vec<String>, Vec<String>) {
    let (mut latin, mut arabic) = (Vec::new(), Vec::new());
    for line in PAIRS.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || cols.len() != 3 {
            continue;
        }
        latin.push(cols[0].to_string());
        arabic.push(cols[1].to_string());
    }
    latin.sort();
    latin.dedup();
    (latin, arabic)
}

#[test]
fn table_equals_plain_scan_on_seeds_and_pairs() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let corpus = load(&[dir], LoadOptions::default()).expect("seeds load");
    let index = Index::build(&corpus);
    let (latin, arabic) = pair_words();
    assert!(latin.len() > 300, "{} names", latin.len());
    // The seeds' forms as the index holds them, then the same plus the
    // pairs' Arabic words (so that most names have a match to find).
    let seeds: Vec<String> = index
        .surface
        .keys()
        .filter(|n| claimcheck::stem::is_arabic(n))
        .cloned()
        .collect();
    assert_eq!(index.names().len(), seeds.len());
    let mut both = seeds.clone();
    both.extend(arabic);
    let table = NameTable::new(both.clone());
    let (mut found_seeds, mut found_both, mut ties) = (0, 0, 0);
    for name in &latin {
        let fast: Vec<&str> = index.names().best_matches(name);
        let plain = plain_scan(name, &seeds);
        assert_eq!(fast, plain, "{name} on the seeds");
        found_seeds += usize::from(!plain.is_empty());
        let fast: Vec<&str> = table.best_matches(name);
        let plain = plain_scan(name, &both);
        assert_eq!(fast, plain, "{name} on the seeds and pairs");
        found_both += usize::from(!plain.is_empty());
        ties += usize::from(plain.len() > 1);
    }
    // The comparison is not between two empty answers.
    assert!(found_seeds >= 10, "{found_seeds} names found in the seeds");
    assert!(found_both >= 300, "{found_both} names found in seeds and pairs");
    assert!(ties >= 5, "{ties} names with tied forms");
}
