#![allow(clippy::print_stdout)]
//! Development aid: near-copies among the ANS pairs of a split (train by
//! default; never design rules on dev): the second headline is the first
//! with one word replaced (one claim word not carried, the passage word
//! alone in its slot, no other stray content word in the passage). Counts
//! gold label against prediction for such pairs, by whether the two words
//! share an antonym key, a kind, or neither, and lists them with `--list`.
//!
//! `cargo run --release --example ans_swaps [CSV] [--list]`
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, Glossary, Query};
use claimcheck::stance::{headline, substitution};
use std::collections::BTreeMap;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let list = args.iter().any(|a| a == "--list");
    let opts = Options::default();
    let eval::AnsJudged {
        pairs, index, preds, ..
    } = eval::AnsJudged::read(&path, &opts)?;
    let mut table: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (i, p) in pairs.iter().enumerate() {
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        let lacking: Vec<usize> = (0..q.units.len()).filter(|&u| al.units[u].is_none()).collect();
        let [ui] = lacking[..] else { continue };
        let Some(k) = substitution::slot_word(&q, &terms, &al, ui) else {
            continue;
        };
        if headline::stray_words(&terms, &al, &[]) != 1 || terms.len() > headline::HEADLINE_WORDS {
            continue;
        }
        // In the claim's order: every carried unit after the one before.
        let firsts: Vec<usize> = al.units.iter().flatten().map(|m| m.first).collect();
        let ordered = firsts.windows(2).all(|w| w[0] < w[1]);
        let same_root = {
            let c = &q.units[ui].phrases[0].tokens[0];
            c.root.is_some() && c.root.as_deref() == terms[k].root.as_deref()
        };
        let class = format!(
            "{}{}",
            if ordered { "ordered" } else { "reordered" },
            if same_root { " same-root" } else { "" }
        );
        *table
            .entry((format!("{class} {}", p.label), preds[i].to_string()))
            .or_insert(0) += 1;
        if list {
            println!(
                "#{i} {class} {} -> {} {:.2} {} / {}\n  s1: {}\n  s2: {}",
                p.label, preds[i], al.score, q.units[ui].label, &*terms[k].norm, p.s1, p.s2
            );
        }
    }
    println!("\n| gold | predicted | pairs |\n| --- | --- | ---: |");
    for ((g, pr), n) in &table {
        println!("| {g} | {pr} | {n} |");
    }
    Ok(())
}
