#![allow(clippy::print_stdout)]
//! Development aid: what turns the second headline around in the disagree
//! pairs of an ANS split (train by default; never design rules on dev) that
//! are judged `other`, and what stops the rules. For a fixed-seed sample
//! (the pairs whose mixed index is smallest, as `ans_census`), each pair's
//! share, whether it is headline-like, the claim's names and numbers it
//! lacks, a known opposite anywhere in the passage (claim word / passage
//! word, slot or not), polarity cues on either side, places the passage
//! names and the claim does not, and what the rules would say with every
//! share gate at zero; then a table of what stops them:
//! - `share gate`: a rule gives a reason and, with the gates at zero, the
//!   passage contradicts: only the share carried stops it;
//! - `names or structure`: a rule gives a reason but the passage does not
//!   contradict even then (a name lacking, two substitutions, ...);
//! - `opposite out of slot`: a known opposite stands in the passage, but no
//!   rule reads it (not in the claim word's slot, or the claim holds both);
//! - `nothing read`: no known opposite, cue or rule.
//!
//! With a labels file (`--labels FILE`: `index<TAB>turn` lines, the turn
//! read by hand), a table of turns by stop.
//!
//! `cargo run --release --example ans_turns [CSV] [SAMPLE] [--labels FILE] [--all]`
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, Glossary, Query};
use claimcheck::stance::antonyms::{opposites_of, term_key};
use claimcheck::stance::cues::cue_at;
use claimcheck::stance::{judge, Thresholds};
use claimcheck::verdict::Stance;
use std::collections::BTreeMap;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let sample: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(120);
    let labels: BTreeMap<usize, String> = match args.iter().position(|a| a == "--labels") {
        Some(p) => std::fs::read_to_string(&args[p + 1])?
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                Some((f.next()?.trim().parse().ok()?, f.next()?.trim().to_string()))
            })
            .collect(),
        None => BTreeMap::new(),
    };
    let opts = Options::default();
    let eval::AnsJudged {
        pairs, index, preds, ..
    } = eval::AnsJudged::read(&path, &opts)?;
    let open = Thresholds {
        contradict: 0.0,
        contradict_predicate: 0.0,
        contradict_headline: 0.0,
        mention: 0.0,
        ..Thresholds::default()
    };
    let all = args.iter().any(|a| a == "--all");
    let (found, chosen) = eval::ans_sample(&pairs, &preds, "disagree", "other", (!all).then_some(sample));
    println!("## disagree judged other: {found} pairs, {} read\n", chosen.len());
    let mut stops: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_turn: BTreeMap<(String, &str), usize> = BTreeMap::new();
    for &i in &chosen {
        let p = &pairs[i];
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        let lacking: Vec<&str> = q
            .units
            .iter()
            .zip(&al.units)
            .filter(|(u, m)| u.key && m.is_none())
            .map(|(u, _)| u.label.as_str())
            .collect();
        // Known opposites anywhere in the passage.
        let opposites = opposites_of(&q, &opts.antonyms);
        let mut known: Vec<String> = Vec::new();
        for (ui, (o, _)) in opposites.iter().enumerate() {
            for t in &terms {
                let tk = term_key(t.stem, t.root);
                if let Some((_, w)) = o.iter().find(|(k, _)| *k == tk) {
                    known.push(format!("{}/{}({w})", q.units[ui].label, t.norm));
                }
            }
        }
        let cues = |words: &[&str]| -> Vec<String> {
            (0..words.len())
                .filter(|&k| cue_at(words, k).is_some())
                .map(|k| words[k].to_string())
                .collect()
        };
        let cw: Vec<&str> = q.tokens.iter().map(|t| t.norm.as_str()).collect();
        let pw: Vec<&str> = terms.iter().map(|t| t.norm.as_str()).collect();
        let (claim_cues, passage_cues) = (cues(&cw), cues(&pw));
        let places = eval::places_added(&q, &terms);
        let j = judge(&q, &terms, &al, &opts.antonyms, &Thresholds::default());
        let low = judge(&q, &terms, &al, &opts.antonyms, &open);
        let fired: Vec<&String> = low.reasons.iter().filter(|r| !r.starts_with("lacks")).collect();
        let stop = if low.stance == Some(Stance::Contradicts) {
            "share gate"
        } else if !fired.is_empty() {
            "names or structure"
        } else if !known.is_empty() {
            "opposite out of slot"
        } else if claim_cues != passage_cues {
            "cue not placed"
        } else {
            "nothing read"
        };
        *stops.entry(stop).or_insert(0) += 1;
        if let Some(turn) = labels.get(&i) {
            *by_turn.entry((turn.clone(), stop)).or_insert(0) += 1;
        }
        println!(
            "#{i} {:.2} {} words{} [{}]\n  s1: {}\n  s2: {}\n  lacks: {}  opposites: {}  cues: {} / {}  places: {}\n  open: {:?} [{}]  stop: {stop}{}",
            al.score,
            terms.len(),
            if terms.len() <= 12 { " (short)" } else { "" },
            j.reasons.join("; "),
            p.s1,
            p.s2,
            lacking.join(" "),
            known.join(" "),
            claim_cues.join(" "),
            passage_cues.join(" "),
            places.join(" "),
            low.stance,
            fired.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("; "),
            labels.get(&i).map(|t| format!("  turn: {t}")).unwrap_or_default(),
        );
    }
    println!("\n### what stops the rules\n");
    for (s, n) in &stops {
        println!("| {s} | {n} |");
    }
    if !by_turn.is_empty() {
        println!("\n### turn by stop\n");
        for ((t, s), n) in &by_turn {
            println!("| {t} | {s} | {n} |");
        }
    }
    Ok(())
}
