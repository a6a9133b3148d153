//! The dictd lexicon: a tiny hand-written fixture (`tests/data/dictd/`,
//! plain and gzip-compressed), the load errors, and — when Debian's
//! `dict-freedict-eng-ara` is installed — the real FreeDict dictionary.
#![allow(clippy::print_stderr)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use claimcheck::lexicon::{Lexicon, LexiconError, MAX_TRANSLATIONS};
use claimcheck::normalize::normalize;
use claimcheck::stem::stem;

fn fixture() -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dictd");
    (dir.join("tiny-eng-ara.index"), dir.join("tiny-eng-ara.dict"))
}

/// The translations as space-joined strings.
fn flat(lex: &Lexicon, word: &str) -> Vec<String> {
    lex.translations(word).iter().map(|t| t.join(" ")).collect()
}

use claimcheck::lexicon::encode_b64 as b64;

/// Writes a dictionary of `(headword, entry text)` into `dir`.
fn write_dict(dir: &Path, entries: &[(&str, &str)]) -> (PathBuf, PathBuf) {
    let mut text = String::new();
    let mut index = String::new();
    for (head, body) in entries {
        index.push_str(&format!("{head}\t{}\t{}\n", b64(text.len()), b64(body.len())));
        text.push_str(body);
    }
    let (ip, dp) = (dir.join("t.index"), dir.join("t.dict"));
    std::fs::write(&ip, index).unwrap();
    std::fs::write(&dp, text).unwrap();
    (ip, dp)
}

fn check_fixture(lex: &Lexicon) {
    assert_eq!(lex.len(), 12, "metadata entries are not headwords");
    assert!(lex.translations("00-database-info").is_empty());
    assert!(lex.translations("00databaseshort").is_empty());
    // Numbered senses, a pronunciation line, a note in parentheses, a
    // duplicate after folding; then the inflection `buying`.
    assert_eq!(flat(lex, "buy"), ["اشتري", "شراء", "الشراء"]);
    assert_eq!(flat(lex, "Buy"), flat(lex, "buy"));
    // Not a headword: found through its stem and inflection.
    assert_eq!(flat(lex, "buys"), flat(lex, "buy"));
    // A headword's own translations come first.
    assert_eq!(flat(lex, "buying"), ["الشراء", "اشتري", "شراء"]);
    // Semicolons; a gloss of more than three words is dropped.
    assert_eq!(flat(lex, "deliver"), ["سلم", "اوصل"]);
    // What follows ` - ` is a description.
    assert_eq!(flat(lex, "helicopter"), ["المروحيه", "مروحيات"]);
    // `relation` is an inflection of `relations`, `relative` is not.
    assert_eq!(flat(lex, "relations"), ["العلاقات", "علاقات دبلوماسيه", "علاقه"]);
    // Two entries for one headword; Latin letters drop a translation.
    assert_eq!(flat(lex, "visit"), ["زياره", "زار", "تفقد"]);
    assert_eq!(flat(lex, "visits"), flat(lex, "visit"));
    assert_eq!(flat(lex, "army"), ["الجيش", "جيش"]);
    // Multi-word headwords.
    assert_eq!(flat(lex, "Bin  Laden"), ["بن لادن"]);
    // Unknown words.
    assert!(lex.translations("submarine").is_empty());
    assert!(lex.translations("").is_empty());
    assert!(lex.translations("--").is_empty());
    // Every token is folded.
    for w in ["buy", "deliver", "helicopter", "relations", "visit", "army", "missile"] {
        for t in lex.translations(w) {
            for tok in t {
                assert_eq!(&normalize(tok), tok);
            }
        }
    }
}

#[test]
fn reads_the_plain_fixture() {
    let (index, dict) = fixture();
    let lex = Lexicon::load(&index, &dict).unwrap();
    check_fixture(&lex);
}

#[test]
fn reads_the_gzipped_fixture() {
    let (index, dict) = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let dz = tmp.path().join("tiny-eng-ara.dict.dz");
    let mut enc = flate2::write::GzEncoder::new(std::fs::File::create(&dz).unwrap(), flate2::Compression::best());
    enc.write_all(&std::fs::read(&dict).unwrap()).unwrap();
    enc.finish().unwrap();
    let lex = Lexicon::load(&index, &dz).unwrap();
    check_fixture(&lex);
}

#[test]
fn finds_a_dictionary_in_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    assert_eq!(Lexicon::find_in(dir, "x-y"), None);
    std::fs::write(dir.join("x-y.index"), "").unwrap();
    assert_eq!(Lexicon::find_in(dir, "x-y"), None, "no .dict");
    std::fs::write(dir.join("x-y.dict"), "").unwrap();
    assert_eq!(
        Lexicon::find_in(dir, "x-y"),
        Some((dir.join("x-y.index"), dir.join("x-y.dict")))
    );
    std::fs::write(dir.join("x-y.dict.dz"), "").unwrap();
    assert_eq!(
        Lexicon::find_in(dir, "x-y"),
        Some((dir.join("x-y.index"), dir.join("x-y.dict.dz"))),
        ".dict.dz is preferred"
    );
    let empty = Lexicon::load(&dir.join("x-y.index"), &dir.join("x-y.dict")).unwrap();
    assert!(empty.is_empty());
}

#[test]
fn translations_are_capped() {
    let tmp = tempfile::tempdir().unwrap();
    let many: Vec<String> = ('ب'..='ض').map(|c| format!("كلمة{c}")).collect();
    assert!(many.len() > MAX_TRANSLATIONS);
    let body = format!("Word\n{}\n", many.join("، "));
    let (index, dict) = write_dict(tmp.path(), &[("word", &body)]);
    let lex = Lexicon::load(&index, &dict).unwrap();
    let got = flat(&lex, "word");
    assert_eq!(got.len(), MAX_TRANSLATIONS);
    assert_eq!(got[0], "كلمهب");
}

#[test]
fn related_headwords_are_the_derivations_of_the_word() {
    let tmp = tempfile::tempdir().unwrap();
    let (index, dict) = write_dict(
        tmp.path(),
        &[
            ("currency", "Currency\nالعملة\n"),
            ("current", "Current\nالتيار\n"),
            ("currently", "Currently\nحاليًا\n"),
            ("curry", "Curry\nكاري\n"),
            ("military", "Military\nالجيش\n"),
            ("militarily", "Militarily\nعسكريًا\n"),
            ("militarism", "Militarism\nالعسكرية\n"),
            ("militate", "Militate\nناضل\n"),
        ],
    );
    let lex = Lexicon::load(&index, &dict).unwrap();
    let related = |w: &str| -> Vec<String> { lex.related(w).flat_map(|ts| ts.iter().map(|t| t.join(" "))).collect() };
    // The word's own headword is left out; derivations in index order.
    assert_eq!(related("current"), ["حاليا"]);
    assert_eq!(related("Currently"), ["التيار"]);
    assert_eq!(related("military"), ["عسكريا", "العسكريه"]);
    // A word that is not a headword: those of the headword answering for it.
    assert_eq!(related("militaries"), related("military"));
    assert!(related("curry").is_empty());
    assert!(related("").is_empty());
}

/// Loads a dictionary whose index is `index_text`, expecting an error.
fn load_err(index_text: &str) -> (LexiconError, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let (index, dict) = write_dict(tmp.path(), &[("buy", "Buy\nاشترى\n")]);
    std::fs::write(&index, index_text).unwrap();
    let err = Lexicon::load(&index, &dict).unwrap_err();
    (err, index)
}

#[test]
fn a_bad_base64_number_names_the_file_and_line() {
    let (err, index) = load_err("buy\tA\tP\nsell\tA!\tB\n");
    let msg = err.to_string();
    assert!(matches!(err, LexiconError::Index { line: 2, .. }), "{err:?}");
    assert!(msg.starts_with(&format!("{}:2: ", index.display())), "{msg}");
    assert!(msg.contains("`A!`"), "{msg}");
}

#[test]
fn an_offset_past_the_end_names_the_file_and_line() {
    let (err, index) = load_err("buy\tA\tP\n\nsell\tBAAA\tB\n");
    let msg = err.to_string();
    assert!(msg.starts_with(&format!("{}:3: ", index.display())), "{msg}");
    assert!(msg.contains("past the end"), "{msg}");
    // A length running past the end, too.
    let (err, _) = load_err("buy\tA\tZZ\n");
    assert!(err.to_string().contains(":1: "), "{err}");
}

#[test]
fn a_malformed_line_names_the_file_and_line() {
    let (err, index) = load_err("buy\tA\tP\nsell A B\n");
    let msg = err.to_string();
    assert!(msg.starts_with(&format!("{}:2: ", index.display())), "{msg}");
}

#[test]
fn an_entry_cutting_a_character_is_an_error() {
    // `Buy\n` is 4 bytes; Arabic letters are 2 bytes each.
    let (err, _) = load_err("buy\tA\tF\n");
    assert!(err.to_string().contains(":1: "), "{err}");
}

#[test]
fn missing_files_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let (index, dict) = write_dict(tmp.path(), &[("buy", "Buy\nاشترى\n")]);
    let nowhere = tmp.path().join("nowhere.dict.dz");
    let err = Lexicon::load(&index, &nowhere).unwrap_err();
    assert!(matches!(err, LexiconError::Io { .. }), "{err:?}");
    assert!(err.to_string().contains(&nowhere.display().to_string()), "{err}");
    let nowhere = tmp.path().join("nowhere.index");
    let err = Lexicon::load(&nowhere, &dict).unwrap_err();
    assert!(err.to_string().contains(&nowhere.display().to_string()), "{err}");
}

#[test]
fn a_text_that_is_not_utf8_or_a_broken_gzip_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (index, dict) = write_dict(tmp.path(), &[("buy", "Buy\nاشترى\n")]);
    std::fs::write(&dict, b"Buy\n\xff\xfe\n").unwrap();
    let err = Lexicon::load(&index, &dict).unwrap_err();
    assert!(matches!(err, LexiconError::Encoding { .. }), "{err:?}");
    assert!(err.to_string().contains(&dict.display().to_string()), "{err}");
    std::fs::write(&dict, b"\x1f\x8b\x08\x00garbage").unwrap();
    let err = Lexicon::load(&index, &dict).unwrap_err();
    assert!(matches!(err, LexiconError::Io { .. }), "{err:?}");
}

#[test]
fn the_installed_freedict_dictionary() {
    let Some((index, dict)) = Lexicon::find_default() else {
        eprintln!(
            "note: skipped, FreeDict eng-ara is not installed \
             (apt-get install dict-freedict-eng-ara)"
        );
        return;
    };
    let t0 = Instant::now();
    let lex = Lexicon::load(&index, &dict).unwrap();
    eprintln!(
        "loaded {} headwords from {} in {:?}",
        lex.len(),
        dict.display(),
        t0.elapsed()
    );
    assert!(lex.len() > 50_000, "{} headwords", lex.len());
    for w in [
        "buy",
        "deliver",
        "helicopter",
        "relations",
        "visit",
        "missile",
        "army",
        "bought",
        "buys",
        "delivered",
        "helicopters",
        "visited",
    ] {
        let t = flat(&lex, w);
        eprintln!("{w}: {t:?}");
        assert!(!t.is_empty(), "no translation for {w}");
        assert!(t.len() <= MAX_TRANSLATIONS);
        for tr in lex.translations(w) {
            assert!(tr.len() <= 3, "{w}: {tr:?}");
            assert!(tr.iter().all(|tok| !tok.chars().any(|c| c.is_ascii_alphabetic())));
        }
    }
    let buy: Vec<String> = lex.translations("buy").iter().flatten().map(|t| stem(t)).collect();
    assert!(
        buy.iter().any(|s| *s == stem("اشتري") || *s == stem("شراء")),
        "buy: {buy:?}"
    );
    let relations = flat(&lex, "relations");
    assert!(relations.iter().any(|t| t.contains("علاق")), "{relations:?}");
}

/// A run whose claims are all Arabic drops the dictionary once loaded
/// (no query reads it): the same report as without one; a dictionary that
/// cannot be loaded is still an error.
#[test]
fn arabic_claims_judge_the_same_without_the_dictionary_and_errors_stay() {
    use claimcheck::app::{run_check, CheckConfig, LexiconChoice};
    let tmp = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let claims = tmp.path().join("claims.yaml");
    std::fs::write(
        &claims,
        "claims:\n  - id: patriot\n    claim: اشترى المغرب منظومة باتريوت الأمريكية\n  \
         - id: deal\n    claim: بلغت قيمة الصفقة 30 مليون دولار\n",
    )
    .unwrap();
    let (index, dict) = write_dict(
        tmp.path(),
        &[("buy", "Buy\nاشترى\n"), ("patriot", "Patriot\nباتريوت\n")],
    );
    let config = |lexicon: Option<LexiconChoice>| CheckConfig {
        claims: vec![claims.clone()],
        sources: vec![seeds.clone()],
        load: Default::default(),
        options: Default::default(),
        stats: None,
        index: None,
        lexicon,
    };
    let (with, warnings) = run_check(&config(Some(LexiconChoice::Path(index.clone())))).unwrap();
    let (without, warnings_without) = run_check(&config(None)).unwrap();
    assert_eq!(
        serde_json::to_string(&with).unwrap(),
        serde_json::to_string(&without).unwrap()
    );
    assert_eq!(warnings, warnings_without);
    std::fs::write(&dict, b"Buy\n\xff\xfe\n").unwrap();
    let err = run_check(&config(Some(LexiconChoice::Path(index)))).unwrap_err();
    assert!(err.to_string().contains("cannot load the dictionary"), "{err}");
}
