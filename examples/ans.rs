//! Stance accuracy and macro-F1 on the ANS corpus (agree / disagree / other).
//!
//! `cargo run --release --example ans [CSV]` (default: the dev split copied
//! in tests/data/ans/stance-dev.csv). Thresholds and rules are tuned on the
//! train split only (../shared/data/ans/stance-train.csv); dev is measured.
#![allow(clippy::print_stdout)]

use claimcheck::check::Options;
use claimcheck::eval;

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "tests/data/ans/stance-dev.csv".into());
    let text = std::fs::read_to_string(&path)?;
    let pairs = eval::read_ans(&text);
    let mut opts = Options::default();
    // ANTONYMS=file.tsv: extra opposite pairs on top of the built-in ones.
    if let Some(extra) = std::env::var_os("ANTONYMS") {
        let tsv = std::fs::read_to_string(&extra)?;
        if let Err(line) = opts.antonyms.extend(&tsv) {
            anyhow::bail!("{}:{line}: malformed pair", extra.to_string_lossy());
        }
    }
    // PARAPHRASES=file.tsv: paraphrase groups to try on top of the learned
    // ones (data/synonyms-ans.tsv); measure on train only.
    if let Some(extra) = std::env::var_os("PARAPHRASES") {
        if !claimcheck::synonyms::try_learned(&std::fs::read_to_string(&extra)?) {
            anyhow::bail!("the learned paraphrases were read before PARAPHRASES");
        }
    }
    // PREDS=file: each pair's gold and judged label, one pair a line.
    let preds_out = std::env::var_os("PREDS");
    // THRESHOLDS="name=value,...": thresholds to try (a development aid;
    // set them on train only).
    if let Some(list) = std::env::var_os("THRESHOLDS") {
        eval::set_thresholds(&mut opts.thresholds, &list.to_string_lossy())?;
    }
    let preds = eval::ans_predictions(&pairs, &opts);
    let mut m = eval::Confusion::new(&["agree", "disagree", "other"]);
    for (p, l) in pairs.iter().zip(&preds) {
        m.add(&p.label, l);
    }
    if let Some(out) = preds_out {
        let lines: Vec<String> = pairs
            .iter()
            .zip(&preds)
            .map(|(p, l)| format!("{}\t{l}", p.label))
            .collect();
        std::fs::write(out, lines.join("\n") + "\n")?;
    }
    println!("## ANS {path}: {} pairs\n", pairs.len());
    println!("accuracy {:.3}, macro-F1 {:.3}", m.accuracy(), m.macro_f1());
    for l in &m.labels {
        println!("- F1 {l}: {:.3}", m.f1(l));
    }
    println!("\n{}", m.table());
    if std::env::var_os("SHOW_ERRORS").is_some() {
        let judged = eval::ans_judgements(&pairs, &opts);
        for (p, j) in pairs.iter().zip(&judged) {
            let pred = eval::ans_label(j);
            if p.label != pred || std::env::var_os("SHOW_ALL").is_some() {
                println!(
                    "{} -> {} {:.2} [{}]\n  s1: {}\n  s2: {}",
                    p.label,
                    pred,
                    j.score,
                    j.reasons.join("; "),
                    p.s1,
                    p.s2
                );
            }
        }
    }
    Ok(())
}
