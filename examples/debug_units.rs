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
        println!(
            "{} w={:.2} key={} pred={} kind={:?}",
            u.label, u.weight, u.key, u.predicate, u.kind
        );
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
