//! Calibrates the stance thresholds on the tuning gold files.
//!
//! `cargo run --release --example calibrate` grid-searches the support,
//! support-without-predicate, contradict and mention thresholds on
//! tests/data/gold/seeds-tune.yaml and seeds-tune2.yaml (verdict accuracy,
//! ties broken towards fewer false `supported`), then prints the best
//! settings and their accuracy on the held-out file, which is never used to
//! choose. The chosen values are frozen in `stance::Thresholds::default()`.
#![allow(clippy::print_stdout)]

use claimcheck::check::{self, Options};
use claimcheck::claims;
use claimcheck::index::Index;
use claimcheck::sources::{self, LoadOptions};
use claimcheck::stance::Thresholds;
use claimcheck::verdict::Verdict;
use std::path::Path;

struct Set {
    files: Vec<claims::ClaimsFile>,
}

fn score(set: &Set, corpus: &sources::Corpus, index: &Index, th: Thresholds) -> (usize, usize, usize) {
    let opts = Options {
        thresholds: th,
        ..Options::default()
    };
    let report = check::check(&set.files, corpus, index, &opts);
    let mut right = 0;
    let mut false_support = 0;
    let mut n = 0;
    let gold: Vec<Verdict> = set
        .files
        .iter()
        .flat_map(|f| f.claims.iter().filter_map(|c| c.expect))
        .collect();
    for (c, g) in report.claims.iter().zip(gold) {
        n += 1;
        if c.verdict == g {
            right += 1;
        } else if c.verdict == Verdict::Supported {
            false_support += 1;
        }
    }
    (right, false_support, n)
}

fn main() -> anyhow::Result<()> {
    let load = |names: &[&str]| -> anyhow::Result<Set> {
        let files = names
            .iter()
            .map(|n| claims::load(Path::new(n)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Set { files })
    };
    let tune = load(&["tests/data/gold/seeds-tune.yaml", "tests/data/gold/seeds-tune2.yaml"])?;
    let heldout = load(&["tests/data/gold/seeds-heldout.yaml"])?;
    let corpus = sources::load(&[Path::new("seeds").to_path_buf()], LoadOptions::default())?;
    let index = Index::build(&corpus);
    let mut results = Vec::new();
    for support in [0.6, 0.65, 0.7, 0.75, 0.8] {
        for without in [0.75, 0.8, 0.85, 0.9, 1.01] {
            if without < support {
                continue;
            }
            for contradict in [0.5, 0.55, 0.6, 0.65, 0.7] {
                for mention in [0.35, 0.45] {
                    let th = Thresholds {
                        support,
                        support_without_predicate: without,
                        contradict,
                        mention,
                        ..Thresholds::default()
                    };
                    let (right, fs, n) = score(&tune, &corpus, &index, th);
                    results.push((right, fs, n, th));
                }
            }
        }
    }
    results.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    println!("best on tune (right/total, false supported) and their held-out figures:");
    for (right, fs, n, th) in results.iter().take(10) {
        let (hr, hfs, hn) = score(&heldout, &corpus, &index, *th);
        println!(
            "support {:.2} without-predicate {:.2} contradict {:.2} mention {:.2}: tune {right}/{n} ({fs} false supported), held-out {hr}/{hn} ({hfs} false supported)",
            th.support, th.support_without_predicate, th.contradict, th.mention
        );
    }
    let d = Thresholds::default();
    let (right, fs, n) = score(&tune, &corpus, &index, d);
    let (hr, hfs, hn) = score(&heldout, &corpus, &index, d);
    println!("current defaults: tune {right}/{n} ({fs} false supported), held-out {hr}/{hn} ({hfs} false supported)");
    Ok(())
}
