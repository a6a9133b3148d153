//! Floors for the derivation rule ([`claimcheck::stem::derivation`],
//! [`claimcheck::stem::related_derivations`]) on `tests/data/derivation_pairs.tsv`
//! (measured with `cargo run --release --example derivations`: precision
//! 0.942, recall 0.533; the floors sit a little below so that a regression
//! fails, a looser table most of all).

use claimcheck::normalize::normalize;
use claimcheck::stem::{derivation, related_derivations};

const PAIRS: &str = include_str!("data/derivation_pairs.tsv");

#[test]
fn derivation_pairs_keep_their_precision_and_recall() {
    let (mut tp, mut fp, mut related) = (0usize, 0usize, 0usize);
    for line in PAIRS.lines().skip(1) {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let label = f[2] == "1";
        related += usize::from(label);
        let met = match (derivation(&normalize(f[0])), derivation(&normalize(f[1]))) {
            (Some(a), Some(b)) => related_derivations(&a, &b),
            _ => false,
        };
        match (met, label) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            _ => {}
        }
    }
    assert!(related >= 90, "{related}");
    let precision = tp as f64 / (tp + fp) as f64;
    let recall = tp as f64 / related as f64;
    assert!(precision >= 0.92, "precision {precision:.3}");
    assert!(recall >= 0.5, "recall {recall:.3}");
}
