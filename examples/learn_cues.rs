#![allow(clippy::print_stdout)]
//! Lists contradiction cue candidates from the ANS **train** split (never
//! dev): words a second headline adds (the first does not meet them, by the
//! matcher's word comparison) in `disagree` pairs and (almost) never in
//! `agree` pairs. Each is shown with its counts and whether it is already a
//! polarity cue (src/stance/cues.rs) or has an opposite in the antonym
//! lexicons, for a person to sort into the cue lists or the antonym data.
//!
//! `cargo run --release --example learn_cues [TRAIN.csv] [MIN_DISAGREE]`
use claimcheck::eval::read_ans;
use claimcheck::index::Term;
use claimcheck::matching::{token_match, QTok};
use claimcheck::normalize::{is_number, Charmap};
use claimcheck::stance::antonyms::{key, Antonyms};
use claimcheck::stance::cues::is_cue;
use claimcheck::stem::is_stop_word;
use std::collections::BTreeMap;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ans/stance-train.csv".into());
    let min: usize = std::env::args().nth(2).map_or(Ok(5), |s| s.parse())?;
    let pairs = read_ans(&std::fs::read_to_string(&path)?);
    let antonyms = Antonyms::builtin();
    // key → (disagree, agree, forms seen with counts)
    let mut seen: BTreeMap<String, (usize, usize, BTreeMap<String, usize>)> = BTreeMap::new();
    for p in &pairs {
        let a: Vec<QTok> = Term::analyze(&p.s1, &Charmap::default())
            .iter()
            .map(|t| QTok::new(&t.norm))
            .collect();
        let mut added: Vec<(String, String)> = Term::analyze(&p.s2, &Charmap::default())
            .iter()
            .filter(|t| !is_number(&t.norm) && (is_cue(&t.norm) || !is_stop_word(&t.norm)))
            .filter(|t| !a.iter().any(|q| token_match(q, t).is_some()))
            .map(|t| (key(&t.norm), t.norm.to_string()))
            .collect();
        added.sort();
        added.dedup_by(|x, y| x.0 == y.0);
        for (k, w) in added {
            let e = seen.entry(k).or_default();
            match p.label.as_str() {
                "disagree" => e.0 += 1,
                "agree" => e.1 += 1,
                _ => {}
            }
            *e.2.entry(w).or_default() += 1;
        }
    }
    let mut rows: Vec<_> = seen
        .into_iter()
        .filter(|(_, (d, a, _))| *d >= min && *a * 10 <= *d)
        .collect();
    rows.sort_by(|x, y| (y.1 .0, x.1 .1).cmp(&(x.1 .0, y.1 .1)));
    println!("disagree\tagree\tknown\tforms");
    for (_, (d, a, forms)) in rows {
        let known = if forms.keys().any(|w| is_cue(w)) {
            "cue"
        } else if forms.keys().any(|w| antonyms.opposites(w).next().is_some()) {
            "antonym"
        } else {
            "-"
        };
        let forms: Vec<String> = forms.iter().map(|(w, n)| format!("{w}:{n}")).collect();
        println!("{d}\t{a}\t{known}\t{}", forms.join(" "));
    }
    Ok(())
}
