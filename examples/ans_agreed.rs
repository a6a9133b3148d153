#![allow(clippy::print_stdout)]
//! Development aid: the ANS pairs of a split (train by default; never
//! design rules on dev) judged `agree`, one tab-separated line each, to
//! find what sets the disagree pairs among them apart: index, gold label,
//! passage words, stray content words, whether the claim's predicate is
//! carried, the claim's units the passage lacks, known opposites of a claim
//! unit anywhere in the passage (slot or not), whether the claim asks a
//! question, places the passage adds, then both headlines.
//!
//! `cargo run --release --example ans_agreed [CSV] [LABEL]` (LABEL: the
//! predicted label to list, `agree` by default).
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, Glossary, Query};
use claimcheck::stance::antonyms::{opposites_of, term_key};
use claimcheck::stance::cues::cue_at;
use claimcheck::stance::headline::stray_words;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let want = args
        .iter()
        .find(|a| !a.ends_with(".csv"))
        .cloned()
        .unwrap_or_else(|| "agree".into());
    let opts = Options::default();
    let eval::AnsJudged {
        pairs, index, preds, ..
    } = eval::AnsJudged::read(&path, &opts)?;
    println!("i\tgold\twords\tstrays\tpred\tlacks\topposites\tquestion\tplaces\tscore\taligned\tcues\ts1\ts2");
    for (i, p) in pairs.iter().enumerate() {
        if preds[i] != want {
            continue;
        }
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        let pred = match q.units.iter().zip(&al.units).find(|(u, _)| u.predicate) {
            Some((_, Some(_))) => "carried",
            Some((_, None)) => "lacking",
            None => "none",
        };
        let lacks: Vec<&str> = q
            .units
            .iter()
            .zip(&al.units)
            .filter(|(_, m)| m.is_none())
            .map(|(u, _)| u.label.as_str())
            .collect();
        let opposites = opposites_of(&q, &opts.antonyms);
        let mut known: Vec<String> = Vec::new();
        for (ui, (o, _)) in opposites.iter().enumerate() {
            for t in &terms {
                let tk = term_key(t.stem, t.root);
                if o.iter().any(|(k, _)| *k == tk) {
                    known.push(format!("{}/{}", q.units[ui].label, t.norm));
                }
            }
        }
        let question = p.s1.contains('؟') || p.s1.contains('?') || p.s1.split_whitespace().any(|w| w == "هل");
        let cues = |words: &[&str]| -> Vec<String> {
            (0..words.len())
                .filter_map(|k| cue_at(words, k).map(|c| format!("{}:{c:?}", words[k])))
                .collect()
        };
        let cw: Vec<&str> = q.tokens.iter().map(|t| t.norm.as_str()).collect();
        let pw: Vec<&str> = terms.iter().map(|t| t.norm.as_str()).collect();
        let claim_cues = cues(&cw);
        let added: Vec<String> = cues(&pw).into_iter().filter(|c| !claim_cues.contains(c)).collect();
        let removed: Vec<String> = claim_cues
            .iter()
            .filter(|c| !cues(&pw).contains(c))
            .map(|c| format!("-{c}"))
            .collect();
        println!(
            "{i}\t{}\t{}\t{}\t{pred}\t{}\t{}\t{question}\t{}\t{:.2}\t{}\t{}\t{}\t{}",
            p.label,
            terms.len(),
            stray_words(&terms, &al, &[]),
            lacks.join(" "),
            known.join(" "),
            eval::places_added(&q, &terms).join(" "),
            al.score,
            al.units.iter().flatten().count(),
            added.iter().chain(&removed).cloned().collect::<Vec<_>>().join(" "),
            p.s1,
            p.s2
        );
    }
    Ok(())
}
