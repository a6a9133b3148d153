//! Measures the derivation rule ([`claimcheck::stem::derivation`],
//! [`claimcheck::stem::related_derivations`]) on labelled word pairs.
//!
//! `cargo run --release --example derivations [-- PAIRS.tsv]` (default:
//! `tests/data/derivation_pairs.tsv`): every pair shares a three-letter
//! root; its label says whether the two words are related derivations a
//! claim may say for each other (1) or not (0). The rule "meets" a pair when
//! both words have a derivation and the two are related. Prints precision
//! and recall of the stem and verb key alone, of the rule alone and of
//! either, then the rule's false meets and the related pairs neither meets.
//!
//! `-- --dump FILE...`: the folded words of text files (or CSV cells), one a
//! line with stem, verb key and derivation, for drawing candidate pairs.
#![allow(clippy::print_stdout)]

use claimcheck::normalize::{normalize, tokenize, Charmap};
use claimcheck::stem::{derivation, related_derivations, root_key, stem};
use std::collections::BTreeSet;

/// The default pairs file.
const PAIRS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/derivation_pairs.tsv");

/// Whether a method meets two words.
type Meets = fn(&str, &str) -> bool;

/// The stem or the verb key: how words met before the rule.
fn keys(a: &str, b: &str) -> bool {
    let (sa, sb) = (stem(&normalize(a)), stem(&normalize(b)));
    sa == sb || (root_key(&sa).is_some() && root_key(&sa) == root_key(&sb))
}

fn meets(a: &str, b: &str) -> bool {
    match (derivation(&normalize(a)), derivation(&normalize(b))) {
        (Some(x), Some(y)) => related_derivations(&x, &y),
        _ => false,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--dump") {
        let mut words = BTreeSet::new();
        for f in &args[1..] {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            for t in tokenize(&text, &Charmap::default()) {
                words.insert(t.norm);
            }
        }
        for w in words {
            let s = stem(&w);
            let d = derivation(&w).map(|d| format!("{}\t{:?}", d.root.iter().collect::<String>(), d.pattern));
            println!(
                "{w}\t{s}\t{}\t{}",
                root_key(&s).unwrap_or_default(),
                d.unwrap_or_default()
            );
        }
        return;
    }
    if args.first().map(String::as_str) == Some("--met") {
        // Every pair of distinct stems of the words of text files the rule meets.
        let mut words = BTreeSet::new();
        for f in &args[1..] {
            let text = std::fs::read_to_string(f).unwrap_or_default();
            for t in tokenize(&text, &Charmap::default()) {
                if let Some(d) = derivation(&t.norm) {
                    words.insert((d.root, t.norm, d.pattern));
                }
            }
        }
        let words: Vec<_> = words.into_iter().collect();
        for (i, (ra, a, pa)) in words.iter().enumerate() {
            for (rb, b, pb) in &words[i + 1..] {
                if ra != rb {
                    break;
                }
                let (sa, sb) = (stem(a), stem(b));
                let same_key = root_key(&sa).is_some() && root_key(&sa) == root_key(&sb);
                if sa != sb && !same_key && meets(a, b) {
                    println!("{a}\t{b}\t{pa:?}\t{pb:?}");
                }
            }
        }
        return;
    }
    let path = args.first().cloned().unwrap_or_else(|| PAIRS_FILE.to_string());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let pairs: Vec<(String, String, bool)> = text
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_string(), f[1].to_string(), f[2] == "1")
        })
        .collect();
    let methods: [(&str, Meets); 3] = [
        ("stem or verb key", keys),
        ("derivation rule", meets),
        ("either (matching now)", |a, b| keys(a, b) || meets(a, b)),
    ];
    let related = pairs.iter().filter(|p| p.2).count();
    println!(
        "pairs {}: related {related}, unrelated {}",
        pairs.len(),
        pairs.len() - related
    );
    for (name, f) in methods {
        let (mut tp, mut fp) = (0, 0);
        for (a, b, label) in &pairs {
            if f(a, b) {
                if *label {
                    tp += 1;
                } else {
                    fp += 1;
                }
            }
        }
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / related.max(1) as f64;
        println!(
            "{name:<22} met {:>3}: precision {p:.3} ({tp} of {}), recall {r:.3} ({tp} of {related})",
            tp + fp,
            tp + fp
        );
    }
    for (a, b, label) in &pairs {
        match (meets(a, b), *label) {
            (true, false) => println!("false meet: {a} / {b}"),
            (false, true) if !keys(a, b) => println!("missed:     {a} / {b}"),
            _ => {}
        }
    }
}
