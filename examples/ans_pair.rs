#![allow(clippy::print_stdout)]
//! Development aid: how one ANS pair (train by default; never design rules
//! on dev) is read: each claim unit (stem, weight, key, predicate) and the
//! passage word it meets (how, strength), the passage's words with their
//! stems, and the judgement.
//!
//! `cargo run --release --example ans_pair [CSV] INDEX...`
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, Glossary, Query};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let opts = Options::default();
    let eval::AnsJudged {
        pairs, index, judged, ..
    } = eval::AnsJudged::read(&path, &opts)?;
    for i in args.iter().filter_map(|a| a.parse::<usize>().ok()) {
        let p = &pairs[i];
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        println!("#{i} {}\n  s1: {}\n  s2: {}", p.label, p.s1, p.s2);
        for (u, m) in q.units.iter().zip(&al.units) {
            let stems: Vec<&str> = u.phrases[0].tokens.iter().map(|t| t.stem.as_str()).collect();
            let met = m.as_ref().map_or("-".to_string(), |m| {
                let words: Vec<&str> = terms[m.first..=m.last].iter().map(|t| t.norm.as_str()).collect();
                format!("{} {} {:.2}", words.join(" "), m.how.as_str(), m.strength)
            });
            println!(
                "  {} [{}] w={:.2}{}{} -> {met}",
                u.label,
                stems.join(" "),
                u.weight,
                if u.key { " key" } else { "" },
                if u.predicate { " pred" } else { "" }
            );
        }
        let words: Vec<String> = terms.iter().map(|t| format!("{}[{}]", t.norm, t.stem)).collect();
        println!("  passage: {}", words.join(" "));
        println!(
            "  => {:?} {:.2} [{}]",
            judged[i].stance,
            judged[i].score,
            judged[i].reasons.join("; ")
        );
    }
    Ok(())
}
