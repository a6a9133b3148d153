#![allow(clippy::print_stdout)]
//! Development aid: candidate paraphrases of news Arabic from the ANS
//! **train** split (never dev), for a person to judge by meaning before any
//! goes into `data/synonyms-ans.tsv`.
//!
//! Each pair's first headline (the claim) is aligned with the second by the
//! matcher itself; what is left over on each side is the claim's units it
//! does not carry (names and numbers marked `*`) and the passage's content
//! words no unit covers. A claim unit and a passage word form a candidate
//! when they stand in the same slot: each is the only word left on its side,
//! or the passage word lies next to (within two words of) the passage
//! position of a carried claim unit that is the claim word's own neighbour.
//! Candidates are counted per label over the chosen half of train (the
//! pairs whose claim's FNV-1a is even: `A`; odd: `B`; `all`), with how many
//! of its agree pairs are judged `other` now, and the stem keys of the two
//! words, so that a key shared with a frequent unrelated word shows.
//!
//! `cargo run --release --example ans_paraphrases [CSV] [A|B|all] [MIN_AGREE]`
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, is_light_word, Glossary, Query};
use claimcheck::stem::is_stop_word;
use std::collections::BTreeMap;

/// Whether pair `i`'s claim falls in `half`.
fn in_half(s1: &str, half: &str) -> bool {
    let even = eval::fnv1a64(s1.as_bytes()) % 2 == 0;
    match half {
        "A" => even,
        "B" => !even,
        _ => true,
    }
}

#[derive(Default)]
struct Seen {
    agree: usize,
    agree_other: usize,
    disagree: usize,
    other: usize,
    example: String,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let half = args
        .iter()
        .find(|a| ["A", "B", "all"].contains(&a.as_str()))
        .cloned()
        .unwrap_or_else(|| "A".into());
    let min: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(1);
    // --keys FILE: each word of a candidate table with its stem and the
    // words of the split (both headlines) that share the stem, most
    // frequent first: a key shared with an unrelated word is a false match.
    if let Some(at) = args.iter().position(|a| a == "--keys") {
        let table = std::fs::read_to_string(&args[at + 1])?;
        let pairs = eval::read_ans(&std::fs::read_to_string(&path)?);
        let mut vocab: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        for p in &pairs {
            for t in claimcheck::normalize::tokenize(&format!("{} {}", p.s1, p.s2), &Default::default()) {
                let q = claimcheck::matching::QTok::new(&t.norm);
                *vocab.entry(q.stem.clone()).or_default().entry(t.norm).or_insert(0) += 1;
            }
        }
        for g in claimcheck::synonyms::parse(&table) {
            for phrase in g {
                for w in phrase {
                    let q = claimcheck::matching::QTok::new(&w);
                    let mut forms: Vec<(usize, String)> = vocab
                        .get(&q.stem)
                        .map(|m| m.iter().map(|(f, n)| (*n, f.clone())).collect())
                        .unwrap_or_default();
                    forms.sort_by(|a, b| b.cmp(a));
                    let shown: Vec<String> = forms.iter().take(8).map(|(n, f)| format!("{f}:{n}")).collect();
                    println!("{w}\t{}\t{}", q.stem, shown.join(" "));
                }
            }
        }
        return Ok(());
    }
    let opts = Options::default();
    let eval::AnsJudged {
        pairs,
        index,
        preds,
        judged,
    } = eval::AnsJudged::read(&path, &opts)?;
    // --strays: the pairs judged `other` with no reason given (no rule, no
    // name lacking), headline-like, by stray words and share band, per label.
    if args.iter().any(|a| a == "--strays") {
        let mut t: BTreeMap<(usize, String, String), usize> = BTreeMap::new();
        for (i, p) in pairs.iter().enumerate() {
            if !in_half(&p.s1, &half) || preds[i] != "other" || !judged[i].reasons.is_empty() {
                continue;
            }
            let q = Query::new(&p.s1, &Glossary::default(), &index);
            let terms = index.analyzed[i].tokens.all();
            if terms.len() > claimcheck::stance::headline::HEADLINE_WORDS {
                continue;
            }
            let al = align(&q, &terms);
            let strays = claimcheck::stance::headline::stray_words(&terms, &al, &[]);
            let band = format!("{:.2}", (al.score * 20.0).floor() / 20.0);
            *t.entry((strays.min(3), band, p.label.clone())).or_insert(0) += 1;
            if strays == 0 && std::env::var_os("SHOW").is_some() {
                println!("{} {:.2} {}\n  s1: {}\n  s2: {}", p.label, al.score, i, p.s1, p.s2);
            }
        }
        for ((s, b, l), n) in t {
            println!("strays {s} share {b} {l}: {n}");
        }
        return Ok(());
    }
    let mut seen: BTreeMap<(String, String), Seen> = BTreeMap::new();
    let mut read = 0;
    for (i, p) in pairs.iter().enumerate() {
        if !in_half(&p.s1, &half) {
            continue;
        }
        read += 1;
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        let mut covered = vec![false; terms.len()];
        for m in al.units.iter().flatten() {
            let end = (m.last + 1).min(terms.len());
            if m.first < end {
                covered[m.first..end].fill(true);
            }
        }
        let strays: Vec<usize> = (0..terms.len())
            .filter(|&k| {
                let t = &terms[k];
                !covered[k]
                    && !is_stop_word(&t.norm)
                    && t.value.is_none()
                    && t.norm.chars().count() > 2
                    && !is_light_word(&t.norm)
                    && claimcheck::stem::is_arabic(&t.norm)
            })
            .collect();
        let lost: Vec<usize> = (0..q.units.len())
            .filter(|&u| al.units[u].is_none() && claimcheck::stem::is_arabic(&q.units[u].label))
            .collect();
        let one = strays.len() == 1 && lost.len() == 1;
        let mut found: Vec<(String, String)> = Vec::new();
        for &u in &lost {
            // The passage positions of the claim word's carried neighbours.
            let left = (0..u).rev().find_map(|k| al.units[k].as_ref().map(|m| m.last));
            let right = (u + 1..q.units.len()).find_map(|k| al.units[k].as_ref().map(|m| m.first));
            for &k in &strays {
                let near = left.is_some_and(|l| k.abs_diff(l) <= 2) || right.is_some_and(|r| k.abs_diff(r) <= 2);
                if one || near {
                    let unit = &q.units[u];
                    let claim = format!("{}{}", unit.label, if unit.key { "*" } else { "" });
                    found.push((claim, terms[k].norm.to_string()));
                }
            }
        }
        found.sort();
        found.dedup();
        for (c, w) in found {
            let e = seen.entry((c.clone(), w.clone())).or_default();
            match p.label.as_str() {
                "agree" => {
                    e.agree += 1;
                    if preds[i] == "other" {
                        e.agree_other += 1;
                    }
                    if e.example.is_empty() {
                        e.example = format!("{} | {}", p.s1, p.s2);
                    }
                }
                "disagree" => e.disagree += 1,
                _ => e.other += 1,
            }
        }
    }
    println!("## candidates, half {half}: {read} pairs read\n");
    println!("claim word\tpassage word\tstem keys\tagree (judged other)\tdisagree\tother\texample");
    let mut rows: Vec<_> = seen.into_iter().filter(|(_, s)| s.agree >= min).collect();
    rows.sort_by_key(|(k, s)| (std::cmp::Reverse(s.agree_other), std::cmp::Reverse(s.agree), k.clone()));
    for ((c, w), s) in rows {
        let keys = format!(
            "{}/{}",
            claimcheck::stem::stem(&claimcheck::normalize::normalize(c.trim_end_matches('*'))),
            claimcheck::stem::stem(&w)
        );
        println!(
            "{c}\t{w}\t{keys}\t{} ({})\t{}\t{}\t{}",
            s.agree, s.agree_other, s.disagree, s.other, s.example
        );
    }
    Ok(())
}
