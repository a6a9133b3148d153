#![allow(clippy::print_stdout)]
//! Development aid: the units of a wording, and with a second argument its
//! alignment with and judgement of that passage, against the seeds' statistics.
use claimcheck::index::{Index, Term};
use claimcheck::matching::{align, Glossary, Query};
use claimcheck::normalize::Charmap;
use claimcheck::sources::{self, LoadOptions};
use claimcheck::stance::{antonyms::Antonyms, judge, Thresholds};
fn main() {
    let text = std::env::args().nth(1).expect("a wording");
    let corpus = sources::load(&[std::path::PathBuf::from("seeds")], LoadOptions::default()).expect("seeds");
    let index = Index::build(&corpus);
    let lexicon = claimcheck::app::load_lexicon(&claimcheck::app::LexiconChoice::Default).expect("dictionary");
    let q = Query::with_lexicon(&text, &Glossary::default(), lexicon.as_ref(), &index);
    for u in &q.units {
        let own = &u.phrases[0].tokens;
        println!(
            "{} [{}] w={:.2} key={} pred={} kind={:?}",
            u.label,
            own.iter().map(|t| t.stem.as_str()).collect::<Vec<_>>().join(" "),
            u.weight,
            u.key,
            u.predicate,
            u.kind
        );
        // The other ways to write it (glossary, dictionary), with each
        // word's corpus document frequency.
        for p in u.phrases.iter().skip(1) {
            let words: Vec<String> = p
                .tokens
                .iter()
                .map(|t| {
                    format!(
                        "{} ({} df {})",
                        t.norm,
                        t.stem,
                        index.df.get(&t.stem).copied().unwrap_or(0)
                    )
                })
                .collect();
            println!("    {:?}: {}", p.via, words.join(" "));
        }
    }
    if let Some(passage) = std::env::args().nth(2) {
        let terms = Term::analyze(&passage, &Charmap::default());
        let al = align(&q, &terms);
        for (u, m) in q.units.iter().zip(&al.units) {
            println!(
                "  {} -> {:?}",
                u.label,
                m.as_ref().map(|m| (&terms[m.first].norm, m.how, m.strength))
            );
        }
        println!(
            "{:?}",
            judge(&q, &terms, &al, &Antonyms::builtin(), &Thresholds::default())
        );
    }
}
