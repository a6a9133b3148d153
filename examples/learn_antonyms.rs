#![allow(clippy::print_stdout)]
//! Learns opposite pairs from the ANS **train** split (never dev): in a
//! `disagree` pair where the two headlines differ by exactly one content word
//! on each side, that pair of words is a candidate opposite; a pair also seen
//! as the one difference of an `agree` pair is a paraphrase, not an opposite,
//! and is dropped. Prints TSV for `data/antonyms-ans.tsv`.
//!
//! `cargo run --release --example learn_antonyms [TRAIN.csv] [MIN_COUNT]`
use claimcheck::eval::read_ans;
use claimcheck::index::Term;
use claimcheck::normalize::{is_number, Charmap};
use claimcheck::stance::antonyms::key;
use claimcheck::stem::is_stop_word;
use std::collections::BTreeMap;

fn content(s: &str) -> Vec<(String, String)> {
    Term::analyze(s, &Charmap::default())
        .into_iter()
        .filter(|t| !is_stop_word(&t.norm) && !is_number(&t.norm) && t.norm.chars().count() > 2)
        .map(|t| (key(&t.norm), t.norm.to_string()))
        .collect()
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ans/stance-train.csv".into());
    let min: usize = std::env::args().nth(2).map_or(Ok(1), |s| s.parse())?;
    let pairs = read_ans(&std::fs::read_to_string(&path)?);
    // (key a, key b) sorted → (disagree count, agree count, display words)
    let mut seen: BTreeMap<(String, String), (usize, usize, String, String)> = BTreeMap::new();
    for p in &pairs {
        let (a, b) = (content(&p.s1), content(&p.s2));
        let only_a: Vec<_> = a.iter().filter(|x| !b.iter().any(|y| y.0 == x.0)).collect();
        let only_b: Vec<_> = b.iter().filter(|y| !a.iter().any(|x| x.0 == y.0)).collect();
        let ([x], [y]) = (only_a.as_slice(), only_b.as_slice()) else {
            continue;
        };
        let (k, words) = if x.0 <= y.0 {
            ((x.0.clone(), y.0.clone()), (x.1.clone(), y.1.clone()))
        } else {
            ((y.0.clone(), x.0.clone()), (y.1.clone(), x.1.clone()))
        };
        let e = seen.entry(k).or_insert((0, 0, words.0, words.1));
        match p.label.as_str() {
            "disagree" => e.0 += 1,
            "agree" => e.1 += 1,
            _ => {}
        }
    }
    println!("# Opposite pairs learned from the ANS train split (Apache-2.0, see tests/data/ans/README.md)");
    println!("# by examples/learn_antonyms.rs: the one differing word of disagree pairs, never of agree pairs.");
    for (d, a, x, y) in seen.values() {
        if *d >= min && *a == 0 {
            println!("{x}\t{y}");
        }
    }
    Ok(())
}
