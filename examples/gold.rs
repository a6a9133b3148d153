//! Verdict accuracy on the gold claims files about the seeds.
//!
//! `cargo run --release --example gold [FILE...]` (default: the tune and
//! held-out files in tests/data/gold/, Arabic and English). Prints accuracy, the confusion matrix
//! and every claim judged wrong (for the held-out files, aggregates only).
//! With `ENGLISH_ONLY=1`, only the English
//! claims, judged without their Arabic `also` wordings.
#![allow(clippy::print_stdout)]

use claimcheck::check::Options;
use claimcheck::eval;
use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let mut files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        files = [
            "seeds-tune",
            "seeds-tune2",
            "seeds-tune3",
            "seeds-tune4",
            "seeds-tune5",
            "seeds-tune6",
            "seeds-tune7",
            "seeds-tune8",
            "seeds-tune9",
            "seeds-tune10",
            "seeds-tune11",
            "seeds-tune12",
            "seeds-tune13",
            "seeds-heldout",
            "english-tune",
            "english-tune2",
            "english-tune3",
            "english-tune4",
            "english-tune5",
            "english-tune6",
            "english-tune7",
            "english-tune8",
            "english-tune9",
            "english-tune10",
            "english-tune11",
            "english-tune12",
            "english-tune13",
            "english",
        ]
        .iter()
        .map(|f| PathBuf::from(format!("tests/data/gold/{f}.yaml")))
        .collect();
    }
    // The installed dictionary, if any, as `check` uses it.
    let lexicon = claimcheck::app::load_lexicon(&claimcheck::app::LexiconChoice::Default)?;
    let mut opts = Options {
        lexicon: lexicon.map(std::sync::Arc::new),
        ..Options::default()
    };
    // ANTONYMS=file.tsv: extra opposite pairs on top of the built-in ones.
    if let Some(extra) = std::env::var_os("ANTONYMS") {
        let tsv = std::fs::read_to_string(&extra)?;
        if let Err(line) = opts.antonyms.extend(&tsv) {
            anyhow::bail!("{}:{line}: malformed pair", extra.to_string_lossy());
        }
    }
    // THRESHOLDS="name=value,...": thresholds to try (as examples/ans.rs).
    if let Some(list) = std::env::var_os("THRESHOLDS") {
        eval::set_thresholds(&mut opts.thresholds, &list.to_string_lossy())?;
    }
    println!(
        "dictionary: {}\n",
        if opts.lexicon.is_some() {
            "FreeDict eng-ara"
        } else {
            "none"
        }
    );
    for f in files {
        // ENGLISH_ONLY=1: the English claims alone, without their Arabic wordings.
        let english_only = std::env::var_os("ENGLISH_ONLY").is_some();
        let (m, items) = eval::gold_with(&f, &opts, english_only)?;
        println!("## {}\n", f.display());
        println!(
            "verdict accuracy {:.3} ({} of {}), macro-F1 {:.3}\n",
            m.accuracy(),
            items.iter().filter(|i| i.gold == i.predicted).count(),
            items.len(),
            m.macro_f1()
        );
        println!("{}", m.table());
        // Held-out files are measured, never read claim by claim (reading
        // their errors would be tuning on them): aggregates only.
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.contains("heldout") || name == "english.yaml" {
            println!("(held out: per-claim errors not shown)");
            continue;
        }
        for i in items.iter().filter(|i| i.gold != i.predicted) {
            println!("- {}: gold {} predicted {}", i.id, i.gold, i.predicted);
        }
        println!();
    }
    Ok(())
}
