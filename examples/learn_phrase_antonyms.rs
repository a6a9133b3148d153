#![allow(clippy::print_stdout)]
//! Learns opposite phrases from the ANS **train** split (never dev): in a
//! `disagree` pair where the two headlines differ by one or two content
//! words on each side, and by two on at least one side, the differing words
//! of each side (in their order, each side's words adjacent but for one word
//! between) make a candidate pair of phrases ("يهدئ المخاوف" / "يثير القلق",
//! "رفع العقوبات" / "فرض"). A candidate is kept when it is the difference of
//! at least MIN_COUNT disagree pairs and no `agree` pair holds one phrase on
//! one side and the other on the other. Prints TSV for
//! `data/antonym-phrases-ans.tsv` (the antonyms format: sides of several
//! words are phrases), with the disagree count after `#`.
//!
//! `cargo run --release --example learn_phrase_antonyms [TRAIN.csv] [MIN_COUNT] [HALF]`
//! (HALF `a` or `b`: learn on that half of the pairs only, split by claim,
//! to measure on the other; `-a`/`-b` writes the other half's pairs as CSV
//! to stdout instead).
use claimcheck::eval::read_ans;
use claimcheck::index::Term;
use claimcheck::normalize::{is_number, Charmap};
use claimcheck::stance::antonyms::key;
use claimcheck::stem::is_stop_word;
use std::collections::BTreeMap;

/// A phrase's keys, in order.
type Keys = Vec<String>;

/// Content words of a headline: (position, key, folded word).
fn content(s: &str) -> Vec<(usize, String, String)> {
    Term::analyze(s, &Charmap::default())
        .into_iter()
        .enumerate()
        .filter(|(_, t)| !is_stop_word(&t.norm) && !is_number(&t.norm) && t.norm.chars().count() > 2)
        .map(|(i, t)| (i, key(&t.norm), t.norm.to_string()))
        .collect()
}

/// All keys of a headline, in order.
fn keys(s: &str) -> Vec<String> {
    Term::analyze(s, &Charmap::default())
        .iter()
        .map(|t| key(&t.norm))
        .collect()
}

/// Whether `phrase` (keys) occurs in `words` in order, each word within two
/// of the one before.
fn holds(words: &[String], phrase: &[String]) -> bool {
    (0..words.len()).any(|s| {
        if words[s] != phrase[0] {
            return false;
        }
        let mut at = s;
        phrase[1..].iter().all(
            |k| match (at + 1..(at + 3).min(words.len())).find(|&j| words[j] == *k) {
                Some(j) => {
                    at = j;
                    true
                }
                None => false,
            },
        )
    })
}

/// The half of a pair, by its claim (FNV-1a of s1).
fn half(s1: &str) -> char {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s1.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x100000001b3);
    }
    if (h >> 17) % 2 == 0 {
        'a'
    } else {
        'b'
    }
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ans/stance-train.csv".into());
    let min: usize = std::env::args().nth(2).map_or(Ok(2), |s| s.parse())?;
    let only = std::env::args().nth(3);
    let text = std::fs::read_to_string(&path)?;
    let mut pairs = read_ans(&text);
    if let Some(h) = only.as_deref().and_then(|h| h.strip_prefix('-')) {
        let h = h.chars().next().unwrap_or('a');
        println!("s1,s2,stance");
        for (line, p) in text.lines().skip(1).zip(&pairs) {
            if half(&p.s1) != h {
                println!("{line}");
            }
        }
        return Ok(());
    }
    if let Some(h) = only.as_deref().and_then(|h| h.chars().next()) {
        pairs.retain(|p| half(&p.s1) == h);
    }
    // (phrase a, phrase b) keys, sorted → (disagree count, display a, display b)
    let mut seen: BTreeMap<(Keys, Keys), (usize, String, String)> = BTreeMap::new();
    for p in pairs.iter().filter(|p| p.label == "disagree") {
        let (a, b) = (content(&p.s1), content(&p.s2));
        let only_a: Vec<_> = a.iter().filter(|x| !b.iter().any(|y| y.1 == x.1)).collect();
        let only_b: Vec<_> = b.iter().filter(|y| !a.iter().any(|x| x.1 == y.1)).collect();
        let sizes = (only_a.len(), only_b.len());
        if !matches!(sizes, (1, 2) | (2, 1) | (2, 2)) {
            continue;
        }
        let near = |w: &[&(usize, String, String)]| w.windows(2).all(|p| p[1].0 - p[0].0 <= 2);
        if !near(&only_a) || !near(&only_b) {
            continue;
        }
        let side = |w: &[&(usize, String, String)]| {
            (
                w.iter().map(|x| x.1.clone()).collect::<Vec<_>>(),
                w.iter().map(|x| x.2.as_str()).collect::<Vec<_>>().join(" "),
            )
        };
        let (x, y) = (side(&only_a), side(&only_b));
        let (k, shown) = if x.0 <= y.0 {
            ((x.0, y.0), (x.1, y.1))
        } else {
            ((y.0, x.0), (y.1, x.1))
        };
        seen.entry(k).or_insert((0, shown.0, shown.1)).0 += 1;
    }
    let agree: Vec<(Vec<String>, Vec<String>)> = pairs
        .iter()
        .filter(|p| p.label == "agree")
        .map(|p| (keys(&p.s1), keys(&p.s2)))
        .collect();
    println!("# Opposite phrases learned from the ANS train split (Apache-2.0, see tests/data/ans/README.md)");
    println!("# by examples/learn_phrase_antonyms.rs with MIN_COUNT {min}.");
    for ((ka, kb), (d, x, y)) in &seen {
        let in_agree = agree
            .iter()
            .any(|(s1, s2)| (holds(s1, ka) && holds(s2, kb)) || (holds(s1, kb) && holds(s2, ka)));
        if *d >= min && !in_agree {
            println!("{x}\t{y}\t# {d}");
        }
    }
    Ok(())
}
