#![allow(clippy::print_stdout)]
//! Development aid: why the agree and disagree pairs of an ANS split (train
//! by default; never design rules on dev) are judged `other`. For a sample
//! of each (a fixed seed: the pairs whose mixed index is smallest), each
//! pair's shortfall (support gate minus the share carried), the claim
//! words the passage does not carry and why as far as can be told from the
//! words (a name or number, a word of the same root, a spelling within two
//! edits, a light or common word, else a paraphrase the matcher does not
//! know), the passage's stray words and the rules that fired; then a table
//! of the classes.
//!
//! `cargo run --release --example ans_census [CSV] [SAMPLE] [--all]`
use claimcheck::check::Options;
use claimcheck::eval::{self, edit_distance as edits, skeleton};
use claimcheck::matching::{align, is_light_word, Glossary, Query, UnitKind};
use claimcheck::stance::headline::stray_words;
use claimcheck::stance::Thresholds;
use std::collections::BTreeMap;

/// Why a claim word the passage does not carry is not carried.
fn why_not(
    label: &str,
    kind: UnitKind,
    key: bool,
    weight: f64,
    heaviest: f64,
    passage: &[(String, String)],
) -> &'static str {
    let stem = claimcheck::stem::stem(label);
    let sk = skeleton(&stem);
    let spelt = passage
        .iter()
        .any(|(n, _)| label.chars().count() >= 4 && edits(label, n) <= 2);
    if kind == UnitKind::Number {
        return "number";
    }
    if key {
        return if spelt { "name spelt otherwise" } else { "name dropped" };
    }
    if sk.chars().count() >= 3
        && passage
            .iter()
            .any(|(_, s)| skeleton(s).contains(&sk) || (skeleton(s).chars().count() >= 3 && sk.contains(&skeleton(s))))
    {
        return "derivation (same root)";
    }
    if spelt {
        return "spelt otherwise";
    }
    if is_light_word(label) || weight < 0.5 * heaviest {
        return "light or common word";
    }
    "paraphrase unknown"
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let sample: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(80);
    let all = args.iter().any(|a| a == "--all");
    let opts = Options::default();
    let th = Thresholds::default();
    let eval::AnsJudged {
        pairs,
        index,
        judged,
        preds,
    } = eval::AnsJudged::read(&path, &opts)?;
    if args.iter().any(|a| a == "--tsv") {
        // One line a pair: label, prediction, share carried, predicate
        // lacking, names or numbers lacking, rules fired, stray words,
        // passage words, claim units, units carried.
        for (i, p) in pairs.iter().enumerate() {
            let q = Query::new(&p.s1, &Glossary::default(), &index);
            let terms = index.analyzed[i].tokens.all();
            let al = align(&q, &terms);
            let pm = q.units.iter().zip(&al.units).any(|(u, m)| u.predicate && m.is_none());
            let keys = q
                .units
                .iter()
                .zip(&al.units)
                .filter(|(u, m)| u.key && m.is_none())
                .count();
            let rules = judged[i].reasons.iter().filter(|r| !r.starts_with("lacks")).count();
            let carried = al.units.iter().flatten().count();
            println!(
                "{i}\t{}\t{}\t{:.4}\t{}\t{keys}\t{rules}\t{}\t{}\t{}\t{carried}",
                p.label,
                preds[i],
                al.score,
                u8::from(pm),
                stray_words(&terms, &al, &[]),
                terms.len(),
                q.units.len()
            );
        }
        return Ok(());
    }
    for gold in ["agree", "disagree"] {
        let (found, chosen) = eval::ans_sample(&pairs, &preds, gold, "other", (!all).then_some(sample));
        println!("## {gold} judged other: {found} pairs, {} read\n", chosen.len());
        let mut words: BTreeMap<&str, usize> = BTreeMap::new();
        let mut pair_class: BTreeMap<String, usize> = BTreeMap::new();
        let mut gaps: BTreeMap<&str, usize> = BTreeMap::new();
        for &i in &chosen {
            let p = &pairs[i];
            let j = &judged[i];
            let q = Query::new(&p.s1, &Glossary::default(), &index);
            let terms = index.analyzed[i].tokens.all();
            let al = align(&q, &terms);
            let passage: Vec<(String, String)> =
                terms.iter().map(|t| (t.norm.to_string(), t.stem.to_string())).collect();
            let heaviest = q.units.iter().map(|u| u.weight).fold(0.0, f64::max);
            let total: f64 = q.units.iter().map(|u| u.weight).sum();
            let predicate_missing = q.units.iter().zip(&al.units).any(|(u, m)| u.predicate && m.is_none());
            let needed = if predicate_missing {
                th.support_without_predicate
            } else {
                th.support
            };
            let gap = needed - al.score;
            let mut lost: Vec<String> = Vec::new();
            let mut classes: Vec<&str> = Vec::new();
            let mut key_lacking = false;
            for (u, m) in q.units.iter().zip(&al.units) {
                match m {
                    None => {
                        let why = why_not(&u.label, u.kind, u.key, u.weight, heaviest, &passage);
                        key_lacking |= u.key;
                        *words.entry(why).or_insert(0) += 1;
                        classes.push(why);
                        lost.push(format!("{}({:.2}):{why}", u.label, u.weight / total));
                    }
                    Some(m) if m.strength < 1.0 => {
                        *words.entry("carried weakly").or_insert(0) += 1;
                        lost.push(format!("{}~{}:{:.2}", u.label, m.how.as_str(), m.strength));
                    }
                    _ => {}
                }
            }
            let rules = j.reasons.iter().any(|r| !r.starts_with("lacks"));
            let strays = stray_words(&terms, &al, &[]);
            let class = if gold == "disagree" && rules {
                "a rule fired, its gate unmet".to_string()
            } else if key_lacking {
                "a name or number lacking".to_string()
            } else if gap <= 0.0 {
                "gate met, kept by a rule".to_string()
            } else if gap < 0.1 {
                "just under (< 0.10)".to_string()
            } else {
                let main = classes
                    .iter()
                    .copied()
                    .max_by_key(|c| classes.iter().filter(|d| *d == c).count())
                    .unwrap_or("weak carriage");
                format!("under by {}: {main}", if gap < 0.25 { "0.10-0.25" } else { ">= 0.25" })
            };
            *pair_class.entry(class.clone()).or_insert(0) += 1;
            let bucket = match gap {
                g if g <= 0.0 => "<= 0",
                g if g < 0.1 => "0-0.10",
                g if g < 0.2 => "0.10-0.20",
                g if g < 0.3 => "0.20-0.30",
                _ => ">= 0.30",
            };
            *gaps.entry(bucket).or_insert(0) += 1;
            println!(
                "#{i} {:.2}/{needed:.2}{} strays {strays} of {} words [{}]\n  s1: {}\n  s2: {}\n  lost: {}\n  class: {class}",
                al.score,
                if predicate_missing { " (no predicate)" } else { "" },
                terms.len(),
                j.reasons.join("; "),
                p.s1,
                p.s2,
                lost.join("  ")
            );
        }
        println!("\n### {gold}: pairs by class\n");
        let mut v: Vec<_> = pair_class.into_iter().collect();
        v.sort_by_key(|b| std::cmp::Reverse(b.1));
        for (c, n) in v {
            println!("| {c} | {n} |");
        }
        println!("\n### {gold}: shortfall under the support gate\n");
        for (c, n) in gaps {
            println!("| {c} | {n} |");
        }
        println!("\n### {gold}: claim words not carried (or carried weakly), by why\n");
        for (c, n) in words {
            println!("| {c} | {n} |");
        }
        println!();
    }
    Ok(())
}
