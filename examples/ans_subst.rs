#![allow(clippy::print_stdout)]
//! Development aid: the ANS pairs (train by default; never design rules on
//! dev) where the passage holds another word alone in the slot of a claim
//! word it does not carry ([`claimcheck::stance::substitution::slot_word`]),
//! by what the two words are (places the name tables know, members of a
//! kind, other words), and the pairs whose passage names a place the claim
//! does not, by gold label and prediction.
//!
//! `cargo run --release --example ans_subst [CSV] [--show CLASS]`
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, place_of, Glossary, Query};
use claimcheck::stance::substitution::{kind_of, slot_word};
use std::collections::BTreeMap;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let show = args
        .iter()
        .position(|a| a == "--show")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let opts = Options::default();
    let eval::AnsJudged {
        pairs, index, preds, ..
    } = eval::AnsJudged::read(&path, &opts)?;
    let mut table: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for (i, p) in pairs.iter().enumerate() {
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        let mut classes: Vec<String> = Vec::new();
        let mut shown = Vec::new();
        for ui in 0..q.units.len() {
            let Some(k) = slot_word(&q, &terms, &al, ui) else {
                continue;
            };
            let c = &q.units[ui].phrases[0].tokens[0];
            let t = &terms[k];
            let claim_place = q.units[ui].place.is_some() || place_of(&c.norm, &c.stem).is_some();
            let passage_place = place_of(&t.norm, &t.stem).is_some();
            let class = match (claim_place, passage_place) {
                (true, true) => "swap: place for place",
                (true, false) | (false, true) => "swap: place for a word",
                _ if kind_of(&c.stem).is_some() && kind_of(&t.stem) == kind_of(&c.stem) => "swap: kind member",
                _ => "swap: other word",
            };
            classes.push(class.to_string());
            shown.push(format!("{} vs {}", c.norm, &*t.norm));
        }
        // A place the passage names that the claim does not.
        let extra = eval::places_added(&q, &terms);
        if !extra.is_empty() {
            let claim_names_none = !q.tokens.iter().any(|t| place_of(&t.norm, &t.stem).is_some());
            classes.push(if claim_names_none {
                "passage adds a place (claim names none)".into()
            } else {
                "passage names another place too".into()
            });
        }
        classes.sort();
        classes.dedup();
        for c in &classes {
            *table
                .entry((c.clone(), p.label.clone(), preds[i].to_string()))
                .or_insert(0) += 1;
            if show.as_deref().is_some_and(|s| c.contains(s)) {
                println!(
                    "{} -> {} [{}] extra [{}]\n  s1: {}\n  s2: {}",
                    p.label,
                    preds[i],
                    shown.join("; "),
                    extra.join(" "),
                    p.s1,
                    p.s2
                );
            }
        }
    }
    println!("\n| class | gold | predicted | pairs |\n| --- | --- | --- | ---: |");
    for ((c, g, pr), n) in table {
        println!("| {c} | {g} | {pr} | {n} |");
    }
    Ok(())
}
