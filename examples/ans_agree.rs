#![allow(clippy::print_stdout)]
//! Development aid: why the agree pairs of an ANS split (train by default;
//! never design rules on dev) are judged `other`. For a fixed-seed sample
//! (the pairs whose `mix64(i ^ 0x5eed)` is smallest, as `ans_census`), each
//! pair's share against the gate it had to meet, whether the passage is a
//! headline given over to the claim (see `stance::headline`), the names it
//! lacks (a topic before a colon, "سوريا: …"; a spelling within two edits; a
//! number written otherwise; else dropped), and each claim word it does not
//! carry, by why: a derivation of the same consonant skeleton, the
//! accusative alif (رقما / رقم), a spelling within two edits, a light or
//! common word, else a paraphrase the matcher does not know; then a table of
//! pairs by what stops them (rows) and by the class of the most weight lost
//! (columns).
//!
//! `cargo run --release --example ans_agree [CSV] [SAMPLE] [--all]`
use claimcheck::check::Options;
use claimcheck::eval::{self, edit_distance, skeleton};
use claimcheck::matching::{align, is_light_word, Glossary, Query, UnitKind};
use claimcheck::normalize::normalize;
use claimcheck::stance::headline::{given_over_short, stray_words, HEADLINE_WORDS};
use claimcheck::stance::Thresholds;
use std::collections::BTreeMap;

/// The words of the claim's topic: what comes before a colon or `..` in
/// its first three words ("سوريا: موجة نزوح …").
fn topic(s1: &str) -> Vec<String> {
    let cut = [":", "..", "…"].iter().filter_map(|m| s1.find(m)).min();
    match cut {
        Some(at) if s1[..at].split_whitespace().count() <= 3 => s1[..at].split_whitespace().map(normalize).collect(),
        _ => Vec::new(),
    }
}

/// Why a claim word the passage does not carry is not carried.
fn why_word(label: &str, weight: f64, heaviest: f64, passage: &[(String, String)]) -> &'static str {
    let stem = claimcheck::stem::stem(label);
    if passage
        .iter()
        .any(|(_, s)| (stem.strip_suffix('ا') == Some(s.as_str())) || s.strip_suffix('ا') == Some(stem.as_str()))
    {
        return "accusative alif";
    }
    let sk = skeleton(&stem);
    if sk.chars().count() >= 3
        && passage.iter().any(|(_, s)| {
            let k = skeleton(s);
            k.contains(&sk) || (k.chars().count() >= 3 && sk.contains(&k))
        })
    {
        return "derivation";
    }
    if label.chars().count() >= 4 && passage.iter().any(|(n, _)| edit_distance(label, n) <= 2) {
        return "spelt otherwise";
    }
    if is_light_word(label) || weight < 0.5 * heaviest {
        return "light or common";
    }
    "synonym or paraphrase"
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let sample: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(120);
    let all = args.iter().any(|a| a == "--all");
    let opts = Options::default();
    let th = Thresholds::default();
    let eval::AnsJudged {
        pairs,
        index,
        judged,
        preds,
    } = eval::AnsJudged::read(&path, &opts)?;
    let (found, chosen) = eval::ans_sample(&pairs, &preds, "agree", "other", (!all).then_some(sample));
    println!("## agree judged other: {found} pairs, {} read\n", chosen.len());
    let mut table: BTreeMap<(String, &str), usize> = BTreeMap::new();
    let mut words: BTreeMap<&str, (usize, f64)> = BTreeMap::new();
    for &i in &chosen {
        let p = &pairs[i];
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        let passage: Vec<(String, String)> = terms.iter().map(|t| (t.norm.to_string(), t.stem.to_string())).collect();
        let heaviest = q.units.iter().map(|u| u.weight).fold(0.0, f64::max);
        let total: f64 = q.units.iter().map(|u| u.weight).sum();
        let topic = topic(&p.s1);
        let mut lost: BTreeMap<&str, f64> = BTreeMap::new();
        let mut names: Vec<String> = Vec::new();
        let mut shown: Vec<String> = Vec::new();
        for (u, m) in q.units.iter().zip(&al.units) {
            let share = u.weight / total;
            match m {
                None if u.key => {
                    let why = if u.kind == UnitKind::Number {
                        "a number"
                    } else if topic.contains(&normalize(&u.label)) {
                        "topic before a colon"
                    } else if passage.iter().any(|(n, _)| {
                        edit_distance(&u.label, n) <= 2 && u.label.chars().count() >= 4
                            || skeleton(&claimcheck::stem::stem(&u.label)) == skeleton(&claimcheck::stem::stem(n))
                    }) {
                        "spelt otherwise"
                    } else {
                        "dropped"
                    };
                    names.push(why.to_string());
                    *lost.entry("name or number").or_insert(0.0) += share;
                    shown.push(format!("{}({share:.2}):name {why}", u.label));
                }
                None => {
                    let why = why_word(&u.label, u.weight, heaviest, &passage);
                    *lost.entry(why).or_insert(0.0) += share;
                    let e = words.entry(why).or_insert((0, 0.0));
                    e.0 += 1;
                    e.1 += share;
                    shown.push(format!("{}({share:.2}):{why}", u.label));
                }
                Some(m) if m.strength < 1.0 => {
                    let gone = share * (1.0 - m.strength);
                    *lost.entry("carried weakly").or_insert(0.0) += gone;
                    let e = words.entry("carried weakly").or_insert((0, 0.0));
                    e.0 += 1;
                    e.1 += gone;
                    shown.push(format!("{}~{}:{:.2}", u.label, m.how.as_str(), m.strength));
                }
                _ => {}
            }
        }
        let strays = stray_words(&terms, &al, &[]);
        let short = terms.len() <= HEADLINE_WORDS;
        let over = given_over_short(&terms, &al);
        let predicate_missing = q.units.iter().zip(&al.units).any(|(u, m)| u.predicate && m.is_none());
        let mut gate = if predicate_missing {
            th.support_without_predicate
        } else {
            th.support
        };
        if over {
            gate = gate.min(th.support_headline);
        }
        let rules = judged[i].reasons.iter().any(|r| !r.starts_with("lacks"));
        let stop = if rules {
            "a rule fired".to_string()
        } else if let Some(n) = names.first() {
            format!("a name or number lacking: {n}")
        } else if al.score >= gate {
            "gate met, kept by a check".to_string()
        } else if over {
            "headline given over, share under its gate".to_string()
        } else if short {
            "headline adds context (3+ stray words)".to_string()
        } else {
            "longer than a headline".to_string()
        };
        let main = lost
            .iter()
            .filter(|(k, _)| **k != "name or number")
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map(|(k, _)| *k)
            .unwrap_or("-");
        *table.entry((stop.clone(), main)).or_insert(0) += 1;
        println!(
            "#{i} {:.2}/{gate:.2}{} strays {strays} of {} words [{}]\n  s1: {}\n  s2: {}\n  lost: {}\n  stop: {stop}; most lost: {main}",
            al.score,
            if predicate_missing { " (no predicate)" } else { "" },
            terms.len(),
            judged[i].reasons.join("; "),
            p.s1,
            p.s2,
            shown.join("  ")
        );
    }
    let cols = [
        "synonym or paraphrase",
        "derivation",
        "accusative alif",
        "spelt otherwise",
        "light or common",
        "carried weakly",
        "-",
    ];
    println!("\n### pairs by what stops them (rows) and the class of the most weight lost (columns)\n");
    println!("| stop | {} | all |", cols.join(" | "));
    println!("| --- |{} ---: |", " ---: |".repeat(cols.len()));
    let mut rows: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for ((stop, main), n) in &table {
        let r = rows.entry(stop.as_str()).or_insert_with(|| vec![0; cols.len()]);
        if let Some(c) = cols.iter().position(|c| c == main) {
            r[c] += n;
        }
    }
    let mut rows: Vec<_> = rows.into_iter().collect();
    rows.sort_by_key(|(_, r)| std::cmp::Reverse(r.iter().sum::<usize>()));
    for (stop, r) in rows {
        let cells: Vec<String> = r.iter().map(usize::to_string).collect();
        println!("| {stop} | {} | {} |", cells.join(" | "), r.iter().sum::<usize>());
    }
    println!("\n### claim words not carried (or carried weakly): count, share of the claim lost\n");
    for (c, (n, w)) in words {
        println!("| {c} | {n} | {w:.2} |");
    }
    Ok(())
}
