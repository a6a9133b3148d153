#![allow(clippy::print_stdout)]
//! Development aid: for the ANS pairs of a split (train by default; never
//! design rules on dev) whose short passage lacks a claim word (not a name,
//! number or place) and holds one to four content words of its own, the
//! pair's row, gold label and prediction, and each such stray word with
//! its opposites key and whether the opposites lexicon knows it (as
//! [`claimcheck::stance::substitution::polar_turn`] reads them): TSV, one
//! line a pair, to learn words that tell a headline's own turn.
//!
//! `cargo run --release --example ans_turn_words [CSV]`
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, Glossary, Query, UnitKind};
use claimcheck::stance::antonyms;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let opts = Options::default();
    let eval::AnsJudged {
        pairs, index, preds, ..
    } = eval::AnsJudged::read(&path, &opts)?;
    for (i, p) in pairs.iter().enumerate() {
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        if terms.len() > 12 || q.units.iter().any(|u| !claimcheck::stem::is_arabic(&u.label)) {
            continue;
        }
        let al = align(&q, &terms);
        let lacks = (0..q.units.len()).any(|ui| {
            let u = &q.units[ui];
            al.units[ui].is_none() && u.kind == UnitKind::Word && !u.key && u.place.is_none()
        });
        if !lacks {
            continue;
        }
        let covered = |k: usize| al.units.iter().flatten().any(|m| m.first <= k && k <= m.last);
        let strays: Vec<String> = (0..terms.len())
            .filter(|&k| {
                let t = &terms[k];
                !claimcheck::stem::is_stop_word(&t.norm)
                    && t.value.is_none()
                    && t.norm.chars().any(char::is_alphabetic)
                    && !covered(k)
            })
            .map(|k| {
                let t = &terms[k];
                let polar = opts.antonyms.opposites(&t.norm).next().is_some();
                format!("{}:{}:{}", &*t.norm, antonyms::key(&t.norm), u8::from(polar))
            })
            .collect();
        if strays.is_empty() || strays.len() > 4 {
            continue;
        }
        println!("{i}\t{}\t{}\t{}", p.label, preds[i], strays.join(" "));
    }
    Ok(())
}
