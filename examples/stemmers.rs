//! Measures the Arabic stemmers on labelled word pairs.
//!
//! `cargo run --release --example stemmers [-- PAIRS.tsv]` (default:
//! `tests/data/stem_pairs.tsv`, built as described in
//! `tests/data/stem_pairs.md`). Both words of a pair are normalized
//! ([`claimcheck::normalize::normalize`]) and stemmed; a stemmer "conflates"
//! the pair when the two stems are equal. Against the `same` label this gives
//! precision, recall and F1 for each method:
//!
//! - `none`: the normalized form only (no stemming);
//! - `light`: [`StemmerKind::Light`], the default;
//! - `snowball`: [`StemmerKind::Snowball`] on the normalized form, as
//!   claimcheck calls it;
//! - `snowball-raw` (for information): rust-stemmers' Snowball Arabic on the
//!   word as written, letting Snowball do its own normalization.
//!
//! The pairs are split deterministically in two halves (see [`half_of`]):
//! tune on the `tune` half, and read the `held-out` figures to see whether a
//! change generalizes. Errors and error classes are listed for the tune half
//! only, so that fixes are not made against the held-out half.
#![allow(clippy::print_stdout)]

use claimcheck::normalize::normalize;
use claimcheck::stem::{stem_with, StemmerKind};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeMap;
use std::path::Path;

/// The default pairs file, relative to the crate root.
pub const PAIRS_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/stem_pairs.tsv");

/// One labelled pair.
#[derive(Debug, Clone)]
pub struct Pair {
    /// First word, as written in the source text.
    pub a: String,
    /// Second word, as written in the source text.
    pub b: String,
    /// Whether a search should conflate the two words.
    pub same: bool,
    /// The error class the pair belongs to (`# kind:` comment above it).
    pub kind: String,
    /// Line number in the file (1-based).
    pub line: usize,
}

/// The two halves of the pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// Develop and tune against this half.
    Tune,
    /// Measure only.
    HeldOut,
}

impl Half {
    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            Half::Tune => "tune",
            Half::HeldOut => "held-out",
        }
    }
}

pub use claimcheck::eval::{fnv1a64, mix64};

/// The hash that splits the pairs: FNV-1a 64 of `word_a TAB word_b` (the
/// words exactly as in the file, UTF-8), passed through [`mix64`]. The mixing
/// matters: the lowest bit of plain FNV-1a is the XOR of the lowest bits of
/// the input bytes, which splits pairs of similar words unevenly by kind.
pub fn pair_hash(p: &Pair) -> u64 {
    mix64(fnv1a64(format!("{}\t{}", p.a, p.b).as_bytes()))
}

/// The half of a pair: even [`pair_hash`] → tune, odd → held-out.
pub fn half_of(p: &Pair) -> Half {
    if pair_hash(p) % 2 == 0 {
        Half::Tune
    } else {
        Half::HeldOut
    }
}

/// Parses the pairs file: a `word_a TAB word_b TAB same` header, then one pair
/// per line; `#` lines are comments, and `# kind: NAME (...)` names the class
/// of the pairs that follow.
pub fn parse(text: &str) -> Result<Vec<Pair>, String> {
    let mut pairs = Vec::new();
    let mut kind = String::from("unclassified");
    let mut header_seen = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(k) = c.trim().strip_prefix("kind:") {
                kind = k.split_whitespace().next().unwrap_or("unclassified").to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !header_seen {
            if cols != ["word_a", "word_b", "same"] {
                return Err(format!("line {n}: expected the header word_a<TAB>word_b<TAB>same"));
            }
            header_seen = true;
            continue;
        }
        if cols.len() != 3 {
            return Err(format!(
                "line {n}: expected 3 tab-separated columns, found {}",
                cols.len()
            ));
        }
        let same = match cols[2].trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("line {n}: `same` must be 0 or 1, found {other:?}")),
        };
        pairs.push(Pair {
            a: cols[0].trim().to_string(),
            b: cols[1].trim().to_string(),
            same,
            kind: kind.clone(),
            line: n,
        });
    }
    Ok(pairs)
}

/// Reads and parses a pairs file.
pub fn load(path: &Path) -> Result<Vec<Pair>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// A way to reduce a word before comparing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// Normalized form only.
    None,
    /// The light stemmer.
    Light,
    /// Snowball Arabic on the normalized form.
    Snowball,
    /// Snowball Arabic on the word as written.
    SnowballRaw,
}

impl Method {
    /// All methods, in display order.
    pub const ALL: [Method; 4] = [Method::None, Method::Light, Method::Snowball, Method::SnowballRaw];

    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            Method::None => "none",
            Method::Light => "light",
            Method::Snowball => "snowball",
            Method::SnowballRaw => "snowball-raw",
        }
    }

    /// The key under which `word` is compared.
    pub fn key(self, word: &str) -> String {
        match self {
            Method::None => normalize(word),
            Method::Light => stem_with(&normalize(word), StemmerKind::Light),
            Method::Snowball => stem_with(&normalize(word), StemmerKind::Snowball),
            Method::SnowballRaw => {
                let s = Stemmer::create(Algorithm::Arabic);
                s.stem(word).into_owned()
            }
        }
    }

    /// Whether the method conflates the two words of a pair.
    pub fn conflates(self, p: &Pair) -> bool {
        self.key(&p.a) == self.key(&p.b)
    }
}

/// Confusion counts of "conflated" against the `same` label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Same, conflated.
    pub tp: usize,
    /// Different, conflated.
    pub fp: usize,
    /// Same, kept apart.
    pub fn_: usize,
    /// Different, kept apart.
    pub tn: usize,
}

impl Counts {
    /// Adds one judged pair.
    pub fn add(&mut self, same: bool, conflated: bool) {
        match (same, conflated) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }

    /// Number of pairs.
    pub fn total(&self) -> usize {
        self.tp + self.fp + self.fn_ + self.tn
    }

    /// TP / (TP + FP); 0 when nothing is conflated.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN); 0 when there is no positive pair.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores a method on some pairs.
pub fn score<'a>(pairs: impl IntoIterator<Item = &'a Pair>, m: Method) -> Counts {
    let mut c = Counts::default();
    for p in pairs {
        c.add(p.same, m.conflates(p));
    }
    c
}

/// The pairs of one half (or all pairs with `None`).
pub fn select(pairs: &[Pair], half: Option<Half>) -> Vec<&Pair> {
    pairs.iter().filter(|p| half.is_none_or(|h| half_of(p) == h)).collect()
}

fn print_scores(title: &str, pairs: &[&Pair]) {
    let pos = pairs.iter().filter(|p| p.same).count();
    println!(
        "## {title}: {} pairs ({pos} same, {} different)\n",
        pairs.len(),
        pairs.len() - pos
    );
    println!("| method | TP | FP | FN | TN | precision | recall | F1 |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for m in Method::ALL {
        let c = score(pairs.iter().copied(), m);
        println!(
            "| {} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            m.name(),
            c.tp,
            c.fp,
            c.fn_,
            c.tn,
            c.precision(),
            c.recall(),
            c.f1()
        );
    }
    println!();
}

fn print_kinds(title: &str, pairs: &[&Pair]) {
    // kind -> (label, pairs, errors per method)
    let mut kinds: BTreeMap<(bool, &str), (usize, [usize; 4])> = BTreeMap::new();
    for p in pairs {
        let e = kinds.entry((!p.same, p.kind.as_str())).or_default();
        e.0 += 1;
        for (i, m) in Method::ALL.iter().enumerate() {
            if m.conflates(p) != p.same {
                e.1[i] += 1;
            }
        }
    }
    println!("## {title}: errors by kind (same=1 kinds: missed pairs; same=0 kinds: wrongly conflated)\n");
    let names: Vec<&str> = Method::ALL.iter().map(|m| m.name()).collect();
    println!("| same | kind | pairs | {} |", names.join(" | "));
    println!("| --- | --- | ---: |{}", " ---: |".repeat(names.len()));
    for ((neg, kind), (n, errs)) in &kinds {
        let errs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        println!("| {} | {kind} | {n} | {} |", u8::from(!neg), errs.join(" | "));
    }
    println!();
}

fn print_errors(title: &str, pairs: &[&Pair], m: Method, limit: usize) {
    let errors: Vec<&&Pair> = pairs.iter().filter(|p| m.conflates(p) != p.same).collect();
    println!(
        "### {title}: errors of {} ({}; first {limit})\n",
        m.name(),
        errors.len()
    );
    for p in errors.iter().take(limit) {
        let what = if p.same { "missed" } else { "merged" };
        println!(
            "- {what} {} / {} ({}, line {}): {} | {}",
            p.a,
            p.b,
            p.kind,
            p.line,
            m.key(&p.a),
            m.key(&p.b)
        );
    }
    println!();
}

struct Args {
    path: String,
    errors: usize,
    errors_half: Option<Half>,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        path: PAIRS_FILE.to_string(),
        errors: 20,
        errors_half: Some(Half::Tune),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--errors" => {
                let v = it.next().ok_or("--errors needs a number")?;
                a.errors = v.parse().map_err(|_| format!("--errors: not a number: {v}"))?;
            }
            "--errors-half" => {
                a.errors_half = match it.next().as_deref() {
                    Some("tune") => Some(Half::Tune),
                    Some("held-out") => Some(Half::HeldOut),
                    Some("all") => None,
                    other => return Err(format!("--errors-half: tune, held-out or all, not {other:?}")),
                }
            }
            "-h" | "--help" => {
                return Err("usage: stemmers [PAIRS.tsv] [--errors N] [--errors-half tune|held-out|all]".into())
            }
            _ => a.path = arg,
        }
    }
    Ok(a)
}

#[allow(dead_code)] // used by the example binary, not by tests/stemmers.rs
fn main() -> Result<(), String> {
    let args = args()?;
    let pairs = load(Path::new(&args.path))?;
    println!("# Arabic stemmers on {} ({} pairs)\n", args.path, pairs.len());
    print_scores("tune", &select(&pairs, Some(Half::Tune)));
    print_scores("held-out", &select(&pairs, Some(Half::HeldOut)));
    print_scores("all", &select(&pairs, None));
    let half = args.errors_half.map_or("all", Half::name);
    let chosen = select(&pairs, args.errors_half);
    print_kinds(half, &chosen);
    for m in [Method::Light, Method::Snowball, Method::None] {
        print_errors(half, &chosen, m, args.errors);
    }
    Ok(())
}
