//! Quality floors: verdict accuracy on the gold claims files and stance
//! accuracy on ANS dev, a little below what the tool reaches today, so a
//! change that makes judgement worse fails the build. The figures themselves
//! are printed by `cargo run --release --example gold` and `--example ans`
//! and recorded in README.md.

#![allow(clippy::print_stderr)]

use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::verdict::Verdict;
use std::path::Path;

fn gold(file: &str) -> (f64, usize) {
    let (m, items) = eval::gold(Path::new(file), &Options::default()).expect("gold file loads");
    let false_supported = items
        .iter()
        .filter(|i| i.predicted == Verdict::Supported && i.gold != Verdict::Supported)
        .count();
    (m.accuracy(), false_supported)
}

#[test]
fn gold_tuning_files_keep_their_accuracy() {
    let (acc, fs) = gold("tests/data/gold/seeds-tune.yaml");
    assert!(acc >= 0.92, "seeds-tune accuracy {acc:.3}");
    assert_eq!(fs, 0, "seeds-tune: claims wrongly judged supported");
    let (acc, fs) = gold("tests/data/gold/seeds-tune2.yaml");
    assert!(acc >= 0.75, "seeds-tune2 accuracy {acc:.3}");
    assert_eq!(fs, 0, "seeds-tune2: claims wrongly judged supported");
    let (acc, fs) = gold("tests/data/gold/seeds-tune3.yaml");
    assert!(acc >= 0.83, "seeds-tune3 accuracy {acc:.3}");
    // Rabat cutting its ties after the intifada is disputed since
    // `stance::timeless` (003: "never cut since they began").
    assert_eq!(fs, 0, "seeds-tune3: claims wrongly judged supported");
    // Written in session 8: first measured, before any tuning on it, 0.533
    // (16 of 30) with the dictionary (`--example gold`), 0.500 (15 of 30)
    // without it as here, with two claims wrongly supported (a contradicted
    // one whose verb is split across 003's PDF lines, and a negated claim);
    // 0.567 here after session 8's tuning, none wrongly supported.
    let (acc, fs) = gold("tests/data/gold/seeds-tune4.yaml");
    assert!(acc >= 0.53, "seeds-tune4 accuracy {acc:.3}");
    assert!(fs <= 1, "seeds-tune4: {fs} claims wrongly judged supported");
    // Written in session 9 (12 of its 30 claims in English without
    // `also`): first measured, before any tuning on it, 0.433 (13 of 30)
    // with the dictionary, none wrongly supported; 0.633 here without the
    // dictionary after session 9's tuning (0.800 with it, see below).
    let (acc, fs) = gold("tests/data/gold/seeds-tune5.yaml");
    assert!(acc >= 0.6, "seeds-tune5 accuracy {acc:.3}");
    assert_eq!(fs, 0, "seeds-tune5: claims wrongly judged supported");
    // Written in session 10 (30 Arabic claims): first measured, before any
    // tuning on it, 0.500 (15 of 30) with the dictionary, two wrongly
    // supported (roles swapped through an anaphor; Biden "former" where 000
    // calls his administration the current one); 0.800 here after session
    // 10's tuning (also with the dictionary), none wrongly supported.
    let (acc, fs) = gold("tests/data/gold/seeds-tune6.yaml");
    assert!(acc >= 0.76, "seeds-tune6 accuracy {acc:.3}");
    assert_eq!(fs, 0, "seeds-tune6: claims wrongly judged supported");
}

#[test]
fn gold_heldout_keeps_its_accuracy() {
    // Measured only, never tuned on.
    let (acc, fs) = gold("tests/data/gold/seeds-heldout.yaml");
    assert!(acc >= 0.73, "seeds-heldout accuracy {acc:.3}");
    assert!(fs <= 1, "seeds-heldout: {fs} claims wrongly judged supported");
}

/// Accuracy and false `supported` of a gold file judged with the installed
/// FreeDict dictionary, as `check` uses it; `None` when it is not installed.
fn gold_with_dictionary(file: &str) -> Option<(f64, usize, usize)> {
    let lexicon = claimcheck::app::load_lexicon(&claimcheck::app::LexiconChoice::Default).expect("dictionary loads")?;
    let opts = Options {
        lexicon: Some(std::sync::Arc::new(lexicon)),
        ..Options::default()
    };
    let (m, items) = eval::gold(Path::new(file), &opts).expect("gold file loads");
    let false_supported = |gold: &dyn Fn(Verdict) -> bool| {
        items
            .iter()
            .filter(|i| i.predicted == Verdict::Supported && i.gold != Verdict::Supported && gold(i.gold))
            .count()
    };
    Some((
        m.accuracy(),
        false_supported(&|_| true),
        false_supported(&|g| g == Verdict::Unsourced),
    ))
}

#[test]
fn english_claims_keep_their_accuracy() {
    // (file, accuracy floor, most claims wrongly supported). None about
    // something absent from the seeds may be judged supported in any file.
    let files = [
        // Tuned on (0.826, 38 of 46, before the news supplement and the
        // English predicate; 0.935, 43 of 46, with them).
        ("tests/data/gold/english-tune.yaml", 0.91, 0),
        // Written later, tuned on: 0.647 (22 of 34) when first measured,
        // 0.912 (31 of 34) after session 10, 0.941 (32 of 34) now. None
        // wrongly supported since `entities::displaced`: the company's
        // nationality, matched elsewhere in the sentence, is another's.
        ("tests/data/gold/english-tune2.yaml", 0.91, 0),
        // Written in session 7, tuned on: 0.500 (20 of 40) when first
        // measured, 0.650 after session 7, 0.700 after session 8, 0.825
        // (33 of 40) after session 9; two disputed claims with one side found,
        // one of them (Rabat's ties) found disputed since `stance::timeless`.
        ("tests/data/gold/english-tune3.yaml", 0.80, 0),
        // Written in session 8, tuned on: 0.543 (19 of 35) when first
        // measured, 0.800 (28 of 35) after session 8, 0.857 (30 of 35) after
        // session 9, 0.886 (31 of 35) after session 10. None wrongly supported
        // since تقلل opposes increase.
        ("tests/data/gold/english-tune4.yaml", 0.83, 0),
        // Written in session 10, tuned on: 0.467 (14 of 30) when first
        // measured, 0.833 (25 of 30) after session 10, 0.867 (26 of 30)
        // after session 10b. None wrongly supported: the memorandum signed
        // under Biden, Trump named in the next clause, only mentions since
        // `stance::clauses`; 003's "ties never cut since they began" meets
        // "broke off ... after the intifada" since `stance::timeless`.
        ("tests/data/gold/english-tune5.yaml", 0.83, 0),
        // Seeds-tune5 (session 9: 18 Arabic claims, 12 English without
        // `also`), tuned on: 0.433 (13 of 30) when first measured, 0.800 (24
        // of 30) after session 9, 0.867 (26 of 30) after session 12 (reassure
        // against قلق), none wrongly supported.
        ("tests/data/gold/seeds-tune5.yaml", 0.83, 0),
        // Seeds-tune6 (session 10: 30 Arabic claims), tuned on: 0.500 (15 of
        // 30) when first measured, two wrongly supported; 0.800 (24 of 30)
        // now, none wrongly supported.
        ("tests/data/gold/seeds-tune6.yaml", 0.76, 0),
        // Seeds-tune7 (session 11: 24 Arabic claims, 6 English with `also`),
        // tuned on: 0.533 (16 of 30) when first measured, none wrongly
        // supported; 0.800 (24 of 30) after session 11, 0.833 (25 of 30)
        // after session 12 (another month after the claim's day).
        ("tests/data/gold/seeds-tune7.yaml", 0.8, 0),
        // Seeds-tune8 (session 12: 24 Arabic claims, 6 English with `also`),
        // tuned on: 0.567 (17 of 30) when first measured, two wrongly
        // supported (the Pentagon for the State Department; "harder" for
        // بسهولة); 0.800 (24 of 30) now, none.
        ("tests/data/gold/seeds-tune8.yaml", 0.76, 0),
        // Seeds-tune9 (session 13: 24 Arabic claims, 6 English with `also`),
        // tuned on: 0.467 (14 of 30) when first measured, two wrongly
        // supported (a Moroccan for the Algerian analyst; تدهورت met by
        // التداعيات); 0.733 (22 of 30) now, none.
        ("tests/data/gold/seeds-tune9.yaml", 0.7, 0),
        // Seeds-tune10 (session 15: 24 Arabic claims, 6 English with `also`),
        // tuned on: 0.400 (12 of 30) when first measured, one wrongly
        // supported (Trump "the current occupant of the White House", 000's
        // former president too little of the claim to contradict it); 0.600
        // (18 of 30) after session 15, none.
        ("tests/data/gold/seeds-tune10.yaml", 0.56, 0),
        // Seeds-tune11 (session 16: 24 Arabic claims, 6 English with `also`),
        // tuned on: 0.433 (13 of 30) when first measured, two wrongly
        // supported (Roudani "linking" what he called naive to link; a
        // dialogue "cut off" against مستمرا); 0.567 (17 of 30) after session
        // 16, 0.600 (18 of 30) after session 17 ("no longer" read as what
        // "former" says), none.
        ("tests/data/gold/seeds-tune11.yaml", 0.56, 0),
        // Seeds-tune12 (session 17: 24 Arabic claims, 6 English with `also`),
        // tuned on: 0.433 (13 of 30) when first measured, one wrongly
        // supported (150 Harop drones met by the 150 km of the Barak 8's
        // range); 0.467 (14 of 30) after session 17, none.
        ("tests/data/gold/seeds-tune12.yaml", 0.43, 0),
        // Seeds-tune13 (session 18: 24 Arabic claims, 6 English with `also`),
        // tuned on: 0.600 (18 of 30) when first measured, one wrongly
        // supported (Mauritania seeking the Iron Dome, met as a side of the
        // border in 000's sentence on Morocco); 0.767 (23 of 30) after
        // session 18, none.
        ("tests/data/gold/seeds-tune13.yaml", 0.73, 0),
        // English-tune6 (session 11, no `also`, glossary of two terms), tuned
        // on: 0.633 (19 of 30) when first measured, one wrongly supported
        // (Lapid for Gantz); 0.933 (28 of 30) now, none.
        ("tests/data/gold/english-tune6.yaml", 0.9, 0),
        // English-tune7 (session 11, no `also`, glossary of one term), tuned
        // on: 0.567 (17 of 30) when first measured; 0.767 (23 of 30) after
        // session 11, 0.833 (25 of 30) after session 12 (phrase opposites;
        // "former" against "back in office"). One disputed claim is still
        // judged supported: the tool finds one side only (Algeria's blind
        // eye to Wagner), which needs what worries whom.
        ("tests/data/gold/english-tune7.yaml", 0.8, 1),
        // English-tune8 (session 12, no `also`, glossary of two terms), tuned
        // on: 0.367 (11 of 30) when first measured, one wrongly supported
        // (triple for double); 0.800 (24 of 30) now, none.
        ("tests/data/gold/english-tune8.yaml", 0.76, 0),
        // English-tune9 (session 14, no `also`, glossary of three terms),
        // tuned on: 0.433 (13 of 30) when first measured, three wrongly
        // supported; 0.733 (22 of 30) after session 14, none.
        ("tests/data/gold/english-tune9.yaml", 0.7, 0),
        // English-tune10 (session 15, no `also`, glossary of three terms),
        // tuned on: 0.633 (19 of 30) when first measured, one wrongly
        // supported (a disputed claim on Russia in Mali, one side read);
        // 0.833 (25 of 30) after session 15, the same one.
        ("tests/data/gold/english-tune10.yaml", 0.8, 1),
        // English-tune11 (session 16, no `also`, glossary of three terms),
        // tuned on: 0.467 (14 of 30) when first measured, three wrongly
        // supported (a quarter for 15%, 10 percent met by 10 billion, a
        // disputed chill with one side read); 0.767 (23 of 30) after session
        // 16, none.
        ("tests/data/gold/english-tune11.yaml", 0.73, 0),
        // English-tune12 (session 17, no `also`, glossary of three terms),
        // tuned on: 0.567 (17 of 30) when first measured, one wrongly
        // supported (Harop drones sold to Armenia, the two places swapped);
        // 0.767 (23 of 30) after session 17, none.
        ("tests/data/gold/english-tune12.yaml", 0.73, 0),
        // English-tune13 (session 18, no `also`, glossary of three terms),
        // tuned on: 0.633 (19 of 30) when first measured, two wrongly
        // supported ("expected to reduce" read as "expected"; "froze" read
        // as no verb); 0.700 (21 of 30) after session 18, none.
        ("tests/data/gold/english-tune13.yaml", 0.67, 0),
        // Measured only, never tuned on. 0.367 before built-in cities (0.333
        // with them: one supported claim fewer, not investigated, since
        // held-out errors are not read); 0.500 with the news supplement,
        // English predicates and acronyms; 0.533 after session 7; 0.567 after
        // session 9; 0.600 after session 11; 0.633 after session 12; 0.667 after session 14. Two claims wrongly supported: a contradicted one and,
        // since the supplement, a disputed one (not investigated, since
        // held-out errors are not read).
        ("tests/data/gold/english.yaml", 0.6, 2),
    ];
    for (i, (file, floor, most_fs)) in files.into_iter().enumerate() {
        let Some((acc, fs, unsourced_supported)) = gold_with_dictionary(file) else {
            assert_eq!(i, 0, "the dictionary vanished");
            eprintln!(
                "skipped: FreeDict eng-ara is not installed ({})",
                claimcheck::lexicon::INSTALL_HINT
            );
            return;
        };
        assert!(acc >= floor, "{file} accuracy {acc:.3}");
        assert!(fs <= most_fs, "{file}: {fs} claims wrongly judged supported");
        assert_eq!(
            unsourced_supported, 0,
            "{file}: a claim about something absent judged supported"
        );
    }
}

#[test]
fn ans_dev_keeps_its_figures() {
    let text = std::fs::read_to_string("tests/data/ans/stance-dev.csv").expect("ANS dev is in tests/data");
    let pairs = eval::read_ans(&text);
    assert_eq!(pairs.len(), 755);
    let m = eval::ans(&pairs, &Options::default());
    assert!(m.accuracy() >= 0.52, "ANS dev accuracy {:.3}", m.accuracy());
    assert!(m.macro_f1() >= 0.46, "ANS dev macro-F1 {:.3}", m.macro_f1());
}
