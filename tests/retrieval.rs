//! The index changes no judgement: reports with indexed retrieval and its
//! shortcuts (spans whose tokens repeat judged once per claim, windows
//! skipped by a bound before alignment) equal the reports that judge every
//! passage and window in full, on the seeds (example and gold claims), ANS
//! dev headlines and a generated archive (whose passages repeat); and
//! reports are byte-identical across thread counts.

mod common;

use claimcheck::app::{self, CheckConfig};
use claimcheck::check::Options;
use claimcheck::render::json;
use claimcheck::retrieve::Retrieval;
use claimcheck::synth;
use std::path::{Path, PathBuf};

fn report(claims: &[PathBuf], sources: &[PathBuf], retrieval: Retrieval) -> String {
    let cfg = CheckConfig {
        claims: claims.to_vec(),
        sources: sources.to_vec(),
        load: Default::default(),
        stats: None,
        index: None,
        lexicon: None,
        options: Options {
            retrieval,
            ..Options::default()
        },
    };
    let (r, _) = app::run_check(&cfg).expect("inputs load");
    json::render(&r)
}

fn assert_same(claims: &[PathBuf], sources: &[PathBuf]) {
    let indexed = report(claims, sources, Retrieval::Indexed);
    let exhaustive = report(claims, sources, Retrieval::Exhaustive);
    if indexed != exhaustive {
        let first = indexed
            .lines()
            .zip(exhaustive.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let show = |s: &str| {
            s.lines()
                .skip(first.saturating_sub(20))
                .take(40)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "indexed and exhaustive reports differ at line {first}:\n--- indexed\n{}\n--- exhaustive\n{}",
            show(&indexed),
            show(&exhaustive)
        );
    }
}

#[test]
fn seeds_judged_alike_with_and_without_the_index() {
    let claims: Vec<PathBuf> = common::SEED_CLAIMS.iter().map(PathBuf::from).collect();
    assert_same(&claims, &[PathBuf::from("seeds")]);
}

/// The first `n` ANS dev pairs: headlines `s2` as sources, `s1` as claims.
fn ans_inputs(dir: &Path, n: usize) -> (PathBuf, PathBuf) {
    let text = std::fs::read_to_string("tests/data/ans/stance-dev.csv").unwrap();
    let pairs = claimcheck::eval::read_ans(&text);
    let src = dir.join("ans");
    std::fs::create_dir_all(&src).unwrap();
    for (i, p) in pairs.iter().take(n).enumerate() {
        std::fs::write(src.join(format!("{i:04}.txt")), &p.s2).unwrap();
    }
    let wordings: Vec<String> = pairs.iter().take(n).map(|p| p.s1.clone()).collect();
    let claims = dir.join("ans.yaml");
    std::fs::write(&claims, synth::claims_yaml(&wordings)).unwrap();
    (claims, src)
}

#[test]
fn ans_dev_judged_alike_with_and_without_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let (claims, src) = ans_inputs(dir.path(), 160);
    assert_same(&[claims], &[src]);
}

fn generated(dir: &Path, articles: usize, claims: usize) -> (PathBuf, PathBuf) {
    let mut texts: Vec<String> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    texts.sort();
    let pool = synth::sentence_pool(texts.iter().map(String::as_str));
    let src = dir.join("gen");
    std::fs::create_dir_all(&src).unwrap();
    for (i, t) in synth::articles(&pool, articles, 9).enumerate() {
        std::fs::write(src.join(format!("{i:03}.txt")), t).unwrap();
    }
    let path = dir.join("gen.yaml");
    std::fs::write(&path, synth::claims_yaml(&synth::claim_wordings(&pool, claims, 9))).unwrap();
    (path, src)
}

#[test]
fn generated_archive_judged_alike_with_and_without_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let (claims, src) = generated(dir.path(), 12, 24);
    let r = report(
        std::slice::from_ref(&claims),
        std::slice::from_ref(&src),
        Retrieval::Indexed,
    );
    assert!(r.contains("\"supports\""), "the generated claims find support");
    // Passages repeat (the same sentence in several articles), so spans
    // are taken from the memo in the indexed run.
    let corpus = claimcheck::sources::load(std::slice::from_ref(&src), Default::default()).unwrap();
    let index = claimcheck::index::Index::build(&corpus);
    let mut keys = std::collections::HashSet::new();
    for p in &index.passages {
        let mut key = Vec::new();
        index.analyzed[p.source()].tokens.judging_key(p.tokens(), &mut key);
        keys.insert(key);
    }
    assert!(
        keys.len() * 3 < index.passages.len() * 2,
        "{} of {}",
        keys.len(),
        index.passages.len()
    );
    assert_same(&[claims], &[src]);
}

#[test]
fn reports_are_identical_across_thread_counts() {
    let dir = tempfile::tempdir().unwrap();
    let (claims, src) = generated(dir.path(), 8, 16);
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| {
                report(
                    std::slice::from_ref(&claims),
                    std::slice::from_ref(&src),
                    Retrieval::Indexed,
                )
            })
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(5));
}
