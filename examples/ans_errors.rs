#![allow(clippy::print_stdout)]
//! Development aid: the ANS pairs the tool gets wrong on a split (the train
//! split by default; never design rules on dev), each with its claim units,
//! how each met the passage (or `-`), the score and the reasons, to sort the
//! errors into kinds.
//!
//! `cargo run --release --example ans_errors [CSV] [GOLD->PREDICTED]`
//! (e.g. `agree->other`; all errors without it).
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, Glossary, Query};

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ans/stance-train.csv".into());
    let only = std::env::args().nth(2);
    let opts = Options::default();
    let eval::AnsJudged {
        pairs,
        index,
        judged,
        preds,
    } = eval::AnsJudged::read(&path, &opts)?;
    for (i, ((p, pred), j)) in pairs.iter().zip(&preds).zip(&judged).enumerate() {
        let kind = format!("{}->{}", p.label, pred);
        if p.label == *pred || only.as_ref().is_some_and(|o| *o != kind) {
            continue;
        }
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        let units: Vec<String> = q
            .units
            .iter()
            .zip(&al.units)
            .map(|(u, m)| {
                let flag = if u.predicate { "*" } else { "" };
                match m {
                    Some(m) => format!("{}{flag}={}:{:.2}", u.label, m.how.as_str(), m.strength),
                    None => format!("{}{flag}=-", u.label),
                }
            })
            .collect();
        println!(
            "#{i} {kind} {:.2} [{}]\n  s1: {}\n  s2: {}\n  units: {}",
            j.score,
            j.reasons.join("; "),
            p.s1,
            p.s2,
            units.join("  ")
        );
    }
    Ok(())
}
