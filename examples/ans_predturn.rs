#![allow(clippy::print_stdout)]
//! Development aid: ANS pairs (train by default; never design rules on dev)
//! whose short passage lacks claim words and holds stray words of its own,
//! by the shape of that difference (which claim units lack, predicate or
//! not, how many stray words, in order or not), per half of the split (A:
//! odd rows, B: even rows), gold label against prediction.
//!
//! `cargo run --release --example ans_predturn [CSV] [--show SHAPE]`
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, Glossary, Query, UnitKind};
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
    let mut table: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for (i, p) in pairs.iter().enumerate() {
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        if terms.len() > 12 || q.units.iter().any(|u| !claimcheck::stem::is_arabic(&u.label)) {
            continue;
        }
        let al = align(&q, &terms);
        let lacking: Vec<usize> = (0..q.units.len()).filter(|&u| al.units[u].is_none()).collect();
        let covered = |k: usize| al.units.iter().flatten().any(|m| m.first <= k && k <= m.last);
        let strays: Vec<usize> = (0..terms.len())
            .filter(|&k| {
                let t = &terms[k];
                !claimcheck::stem::is_stop_word(&t.norm)
                    && t.value.is_none()
                    && t.norm.chars().any(char::is_alphabetic)
                    && !covered(k)
            })
            .collect();
        let firsts: Vec<usize> = al.units.iter().flatten().map(|m| m.first).collect();
        let ordered = firsts.windows(2).all(|w| w[0] < w[1]);
        let pred_lacking = lacking.iter().any(|&u| q.units[u].predicate);
        let words_only = lacking
            .iter()
            .all(|&u| q.units[u].kind == UnitKind::Word && q.units[u].place.is_none() && !q.units[u].key);
        let run = lacking.windows(2).all(|w| w[0] + 1 == w[1]);
        let shape = format!(
            "lack{}{} stray{} {}{}{}",
            lacking.len().min(4),
            if pred_lacking { "P" } else { "" },
            strays.len().min(4),
            if ordered { "ord" } else { "reord" },
            if words_only { "" } else { " names" },
            if run { " run" } else { "" },
        );
        let lex = &opts.antonyms;
        let polar = strays
            .iter()
            .filter(|&&k| lex.opposites(&terms[k].norm).next().is_some())
            .count();
        let shape = format!("{shape} polar{}", polar.min(2));
        let half = if i % 2 == 1 { "A" } else { "B" };
        *table
            .entry(shape.clone())
            .or_default()
            .entry(format!("{half} {}>{}", &p.label[..1], &preds[i][..1]))
            .or_insert(0) += 1;
        if show.as_deref().is_some_and(|s| shape == s) {
            let lack: Vec<&str> = lacking.iter().map(|&u| q.units[u].label.as_str()).collect();
            let st: Vec<&str> = strays.iter().map(|&k| &*terms[k].norm).collect();
            println!(
                "#{i} {} -> {} [{}] => [{}]\n  s1: {}\n  s2: {}",
                p.label,
                preds[i],
                lack.join(" "),
                st.join(" "),
                p.s1,
                p.s2
            );
        }
    }
    for (shape, row) in &table {
        let cells: Vec<String> = row.iter().map(|(k, n)| format!("{k}:{n}")).collect();
        println!("{shape:<32} {}", cells.join(" "));
    }
    Ok(())
}
