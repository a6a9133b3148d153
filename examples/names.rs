//! Measures cross-script name matching ([`claimcheck::translit`]) on labelled
//! English–Arabic name pairs.
//!
//! `cargo run --release --example names [-- PAIRS.tsv] [--held-out-errors]`
//! (default: `tests/data/names/pairs.tsv`, described in
//! `tests/data/names/README.md`). Each pair is judged with
//! [`same_name`] (or [`same_name_joined`] when the Arabic side has several
//! words, as `سكاي لوك`); against the `same` label this gives precision,
//! recall and F1 on the two halves of the list.
//!
//! The pairs are split deterministically (see [`half_of`]): tune on the
//! `tune` half, read the `held-out` figures to see whether a change
//! generalizes. The errors are listed for the tune half only, unless
//! `--held-out-errors` is given; a threshold sweep (tune half) shows where
//! [`SAME_NAME_THRESHOLD`] sits.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use claimcheck::translit::{joined_similarity, latin_skeletons, name_similarity, skeleton_arabic, SAME_NAME_THRESHOLD};
use std::path::Path;

/// The default pairs file, relative to the crate root.
pub const PAIRS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/names/pairs.tsv");

/// One labelled pair.
#[derive(Debug, Clone)]
pub struct Pair {
    /// The English (Latin) name.
    pub english: String,
    /// The Arabic word, or words separated by spaces.
    pub arabic: String,
    /// Whether they are the same name.
    pub same: bool,
    /// The `# kind:` section the pair is in.
    pub kind: String,
}

/// Which half of the list a pair belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// Decisions are made on this half.
    Tune,
    /// Only read, never tuned on.
    HeldOut,
}

pub use claimcheck::eval::{fnv1a64, mix64};

/// The half of a pair: [`mix64`] of FNV-1a 64 of `english TAB arabic` (as
/// written in the file, UTF-8); even → tune, odd → held-out.
pub fn half_of(p: &Pair) -> Half {
    if mix64(fnv1a64(format!("{}\t{}", p.english, p.arabic).as_bytes())) % 2 == 0 {
        Half::Tune
    } else {
        Half::HeldOut
    }
}

/// Parses the pairs file: a header line, then `english TAB arabic TAB 1|0`;
/// `#` lines are comments, `# kind: NAME (...)` names the section.
pub fn parse(text: &str) -> Result<Vec<Pair>, String> {
    let mut pairs = Vec::new();
    let mut kind = String::from("unclassified");
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("# kind:") {
            kind = rest.split_whitespace().next().unwrap_or("unclassified").to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if !header {
            header = true;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 3 {
            return Err(format!("line {}: expected 3 tab-separated columns", i + 1));
        }
        let same = match cols[2].trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("line {}: same must be 1 or 0, not {other:?}", i + 1)),
        };
        pairs.push(Pair {
            english: cols[0].trim().to_string(),
            arabic: cols[1].trim().to_string(),
            same,
            kind: kind.clone(),
        });
    }
    Ok(pairs)
}

/// The similarity the matcher gives a pair (joined when the Arabic side has
/// several words).
pub fn similarity(p: &Pair) -> f64 {
    let words: Vec<&str> = p.arabic.split_whitespace().collect();
    if words.len() > 1 {
        joined_similarity(&p.english, &words)
    } else {
        name_similarity(&p.english, &p.arabic)
    }
}

/// Precision, recall and F1 of a set of judged pairs.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
    /// True negatives.
    pub tn: usize,
}

impl Scores {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores of the pairs (with their similarities) at a threshold.
pub fn score(judged: &[(&Pair, f64)], threshold: f64) -> Scores {
    let mut s = Scores::default();
    for (p, sim) in judged {
        match (p.same, *sim >= threshold) {
            (true, true) => s.tp += 1,
            (false, true) => s.fp += 1,
            (true, false) => s.fn_ += 1,
            (false, false) => s.tn += 1,
        }
    }
    s
}

fn print_errors(label: &str, judged: &[(&Pair, f64)]) {
    println!("\nerrors ({label}):");
    for (p, sim) in judged {
        let predicted = *sim >= SAME_NAME_THRESHOLD;
        if predicted != p.same {
            let what = if p.same { "FN" } else { "FP" };
            println!(
                "  {what} {:<8} {:>5.3}  {} {:?} ~ {} {}",
                p.kind,
                sim,
                p.english,
                latin_skeletons(&p.english),
                p.arabic,
                skeleton_arabic(&p.arabic),
            );
        }
    }
}

fn main() {
    let mut path = PAIRS_FILE.to_string();
    let mut held_out_errors = false;
    for arg in std::env::args().skip(1) {
        if arg == "--held-out-errors" {
            held_out_errors = true;
        } else {
            path = arg;
        }
    }
    let text = match std::fs::read_to_string(Path::new(&path)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let pairs = match parse(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let judged: Vec<(&Pair, f64)> = pairs.iter().map(|p| (p, similarity(p))).collect();
    let tune: Vec<(&Pair, f64)> = judged
        .iter()
        .filter(|(p, _)| half_of(p) == Half::Tune)
        .copied()
        .collect();
    let held: Vec<(&Pair, f64)> = judged
        .iter()
        .filter(|(p, _)| half_of(p) == Half::HeldOut)
        .copied()
        .collect();
    let count = |v: &[(&Pair, f64)], same: bool| v.iter().filter(|(p, _)| p.same == same).count();
    println!(
        "{path}: {} pairs ({} same, {} different); threshold {SAME_NAME_THRESHOLD}",
        pairs.len(),
        count(&judged, true),
        count(&judged, false)
    );
    println!(
        "{:<9} {:>5} {:>5} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6}",
        "half", "pos", "neg", "TP", "FP", "FN", "precision", "recall", "F1"
    );
    for (label, v) in [("tune", &tune), ("held-out", &held), ("all", &judged)] {
        let s = score(v, SAME_NAME_THRESHOLD);
        println!(
            "{label:<9} {:>5} {:>5} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}",
            count(v, true),
            count(v, false),
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall(),
            s.f1()
        );
    }
    println!("\nthreshold sweep (tune half):");
    for t in [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let s = score(&tune, t);
        println!(
            "  {t:.2}  P {:.3}  R {:.3}  F1 {:.3}",
            s.precision(),
            s.recall(),
            s.f1()
        );
    }
    print_errors("tune", &tune);
    if std::env::var_os("NAMES_DEBUG").is_some() {
        println!("\nimperfect positives (tune):");
        for (p, sim) in &tune {
            if p.same && *sim < 1.0 {
                println!(
                    "  {sim:.3} {} {:?} ~ {} {:?}",
                    p.english,
                    latin_skeletons(&p.english),
                    p.arabic,
                    claimcheck::translit::arabic_skeletons(&p.arabic)
                );
            }
        }
    }
    if std::env::var_os("NAMES_DEBUG").is_some() {
        println!("\nnear-miss negatives (tune, similarity >= 0.6):");
        let mut near: Vec<&(&Pair, f64)> = tune.iter().filter(|(p, s)| !p.same && *s >= 0.6).collect();
        near.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (p, sim) in near {
            println!(
                "  {sim:.3} {:<8} {} {:?} ~ {} {:?}",
                p.kind,
                p.english,
                latin_skeletons(&p.english),
                p.arabic,
                claimcheck::translit::arabic_skeletons(&p.arabic)
            );
        }
    }
    if held_out_errors {
        print_errors("held-out", &held);
    } else {
        let s = score(&held, SAME_NAME_THRESHOLD);
        println!("\nheld-out: {} errors (list them with --held-out-errors)", s.fp + s.fn_);
    }
}
