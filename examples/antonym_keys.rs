#![allow(clippy::print_stdout)]
//! Development aid: which word forms of a corpus an antonym list reaches.
//! For each lexicon word of the list (a TSV in the format of
//! `data/antonyms.tsv`), its lookup key (`stance::antonyms::key`), and the
//! folded word forms of ANS train (both headlines) and the seed articles
//! that meet it: as a claim word (the word's opposites, by its key or by
//! another derivation of its root) or as a passage word (its key). A form
//! that is no inflection of the lexicon word is a collision: the word meets
//! a common word after folding and stemming (قوي → قو meets القوات).
//!
//! `cargo run --release --example antonym_keys LIST.tsv [CSV] [--all]`
//! (without `--all`, only the forms whose folded text does not start with
//! or contain the lexicon word's key are listed, the likelier collisions).
use claimcheck::eval;
use claimcheck::index::Term;
use claimcheck::normalize::{normalize, Charmap};
use claimcheck::stance::antonyms::{key, term_key, Antonyms};
use std::collections::BTreeMap;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let list = args
        .iter()
        .find(|a| a.ends_with(".tsv") || *a == "--words")
        .ok_or_else(|| anyhow::anyhow!("usage: antonym_keys LIST.tsv [CSV] [--all]"))?;
    let all = args.iter().any(|a| a == "--all");
    if let Some(p) = args.iter().position(|a| a == "--words") {
        // The analysis of the words given: folded form, stem, verb key, key.
        for w in &args[p + 1..] {
            let n = normalize(w);
            let st = claimcheck::stem::stem(&n);
            println!("{w}\t{n}\t{st}\t{:?}\t{}", claimcheck::stem::root_key(&st), key(&n));
        }
        return Ok(());
    }
    let tsv = std::fs::read_to_string(list)?;
    let mut lexicon = Antonyms::default();
    if let Err(line) = lexicon.extend(&tsv) {
        anyhow::bail!("{list}:{line}: malformed pair");
    }
    // Corpus forms with their counts and passage keys.
    let mut text = String::new();
    for p in eval::read_ans(&std::fs::read_to_string(eval::ans_csv_arg(&args))?) {
        text.push_str(&p.s1);
        text.push('\n');
        text.push_str(&p.s2);
        text.push('\n');
    }
    for e in std::fs::read_dir("seeds")? {
        let path = e?.path();
        if path.extension().is_some_and(|x| x == "txt" || x == "md") {
            text.push_str(&std::fs::read_to_string(&path)?);
            text.push('\n');
        }
    }
    let mut forms: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for t in Term::analyze(&text, &Charmap::default()) {
        let e = forms
            .entry(t.norm.to_string())
            .or_insert_with(|| (0, term_key(t.stem, t.root).to_string()));
        e.0 += 1;
    }
    // Lexicon words by key.
    let mut words: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let line = line.split("\t#").next().unwrap_or("");
        for w in line.split(['\t', ',', '،']).map(str::trim).filter(|w| !w.is_empty()) {
            if w.split_whitespace().count() == 1 {
                words.entry(key(&normalize(w))).or_default().push(w.to_string());
            }
        }
    }
    let mut rows: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (form, (n, pkey)) in &forms {
        let as_claim: Vec<String> = lexicon.opposites(form).map(|(_, w)| w.clone()).collect();
        let ckey = key(form);
        let lex = words.get(&ckey).or_else(|| words.get(pkey));
        let Some(lex) = lex
            .cloned()
            .or_else(|| (!as_claim.is_empty()).then(|| vec!["(derived)".to_string()]))
        else {
            continue;
        };
        let k = if words.contains_key(&ckey) { &ckey } else { pkey };
        let likely_inflection = lex.iter().any(|w| {
            let nw = normalize(w);
            form.contains(nw.trim_start_matches("ال")) || form.contains(k.as_str())
        });
        if all || !likely_inflection {
            rows.entry(format!("{k} ({})", lex.join(" ")))
                .or_default()
                .push(format!(
                    "{form}×{n}{}",
                    if as_claim.is_empty() { " [passage only]" } else { "" }
                ));
        }
    }
    for (k, v) in rows {
        println!("{k}: {}", v.join(" "));
    }
    Ok(())
}
