//! Nothing lost: every claim of every input file appears in every output
//! format, and every source file is either loaded or named as skipped — on
//! the seeds (the example and the gold files) and on a generated corpus of
//! noisy claims and sources (bidi and zero-width controls, presentation
//! forms, missing citations, quotes, unusable files).
//!
//! The formats that list claims (table, JSON, Markdown, HTML, JUnit,
//! ClaimReview) must name every claim; the formats that list failures only
//! (SARIF, GitHub annotations) must carry every failure of every failing
//! claim, and the summary line must count every claim.

mod common;

use claimcheck::app::{run_check, CheckConfig};
use claimcheck::render::{self, Format, RenderOptions};
use claimcheck::report::Report;
use claimcheck::sources::display_path;
use std::path::{Path, PathBuf};

/// The claims of the input files, `(file as shown, id)` in input order.
fn input_claims(files: &[PathBuf]) -> Vec<(String, String)> {
    files
        .iter()
        .flat_map(|p| {
            let f = claimcheck::claims::load(p).unwrap();
            let path = f.path.clone();
            f.claims.into_iter().map(move |c| (path.clone(), c.id))
        })
        .collect()
}

/// Checks `files`, then asserts that nothing was lost in any format.
fn assert_nothing_lost(files: &[PathBuf], sources: &[PathBuf]) -> Report {
    let cfg = CheckConfig {
        claims: files.to_vec(),
        sources: sources.to_vec(),
        ..CheckConfig::default()
    };
    let (report, warnings) = run_check(&cfg).unwrap();
    let want = input_claims(files);
    let got: Vec<(String, String)> = report.claims.iter().map(|c| (c.file.clone(), c.id.clone())).collect();
    assert_eq!(got, want, "the report holds every claim once, in input order");
    assert_eq!(report.summary.claims, want.len());

    let opts = RenderOptions {
        evidence: true,
        color: false,
        width: None,
    };
    for name in Format::NAMES {
        let format = Format::parse(name).unwrap();
        let out = render::render(&report, format, &opts);
        assert!(
            out.contains(&report.summary.line()) || !matches!(format, Format::Table | Format::Github),
            "{name}: no summary line"
        );
        match format {
            Format::Sarif => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                let results = v["runs"][0]["results"].as_array().unwrap();
                let failures = failure_count(&report);
                assert_eq!(results.len(), failures, "sarif: one result per failure");
                for c in report.claims.iter().filter(|c| !c.pass) {
                    let prefix = format!("{}: ", c.id);
                    assert!(
                        results
                            .iter()
                            .any(|r| r["message"]["text"].as_str().unwrap().starts_with(&prefix)),
                        "sarif: failing claim {} is missing",
                        c.id
                    );
                }
            }
            Format::Github => {
                let errors = out.lines().filter(|l| l.starts_with("::error ")).count();
                let failures = failure_count(&report);
                assert_eq!(errors, failures, "github: one annotation per failure");
                for c in report.claims.iter().filter(|c| !c.pass) {
                    assert!(
                        out.contains(&format!("%3A {}::", c.id)),
                        "github: failing claim {} is missing",
                        c.id
                    );
                }
            }
            Format::Json => {
                let v: serde_json::Value = serde_json::from_str(&out).unwrap();
                let ids: Vec<&str> = v["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["id"].as_str().unwrap())
                    .collect();
                assert_eq!(ids, want.iter().map(|(_, id)| id.as_str()).collect::<Vec<_>>());
            }
            Format::Claimreview => {
                for (file, id) in &want {
                    assert!(
                        out.contains(&format!("{file}#{id}")),
                        "claimreview: {file}#{id} is missing"
                    );
                }
            }
            _ => {
                for (_, id) in &want {
                    assert!(out.contains(id.as_str()), "{name}: claim {id} is missing");
                }
            }
        }
    }

    // Every .txt/.md file of the sources folders: loaded, or named as skipped.
    let folders: Vec<PathBuf> = if sources.is_empty() {
        files
            .iter()
            .flat_map(|p| claimcheck::app::source_folders(&claimcheck::claims::load(p).unwrap(), &[]))
            .collect()
    } else {
        sources.to_vec()
    };
    for folder in folders {
        for file in text_files(&folder) {
            let shown = display_path(&file);
            let loaded = report.sources.iter().any(|s| s.path == shown);
            let skipped = warnings
                .iter()
                .any(|w| w.starts_with(&format!("skipped source {shown}: ")));
            assert!(loaded ^ skipped, "{shown}: loaded {loaded}, named as skipped {skipped}");
        }
    }
    report
}

/// Every `.txt` and `.md` file under `dir`, hidden ones included.
fn text_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let hidden_dir = path.file_name().unwrap().to_string_lossy().starts_with('.');
        if path.is_dir() && !hidden_dir {
            out.extend(text_files(&path));
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
            out.push(path);
        }
    }
    out
}

#[test]
fn nothing_lost_on_the_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files: Vec<PathBuf> = common::SEED_CLAIMS.iter().map(|f| root.join(f)).collect();
    let report = assert_nothing_lost(&files, &[root.join("seeds")]);
    assert!(report.claims.len() >= 130, "{}", report.claims.len());
    assert_eq!(report.sources.len(), 5);
}

/// A small deterministic generator (64-bit LCG), so the corpus is the same on
/// every run.
struct Gen(u64);

impl Gen {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next(xs.len())]
    }
}

const WORDS: &[&str] = &[
    "المغرب",
    "الجزائر",
    "اقتنى",
    "منظومة",
    "براك",
    "الدفاع",
    "الجوي",
    "روسيا",
    "لم",
    "2025",
    "٢٠٣٠",
    "ﺍﻟﻤﻐﺮﺏ",
    "ﻻ",
    "ﷺ",
    "Morocco",
    "bought",
    "Barak",
    "Algeria",
    "S-500",
    "not",
    "60%",
    "\u{202E}براك\u{202C}",
    "الد\u{200B}فاع",
    "مــا",
    "كَتَبَ",
];

fn sentence(g: &mut Gen) -> String {
    let n = 3 + g.next(9);
    (0..n).map(|_| g.pick(WORDS)).collect::<Vec<_>>().join(" ")
}

#[test]
fn nothing_lost_on_a_generated_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("sources");
    std::fs::create_dir_all(src.join("sub/deeper")).unwrap();
    let mut g = Gen(7);
    let mut ids = Vec::new();
    let mut said: Vec<(usize, String)> = Vec::new();
    for i in 0..12 {
        let sub = ["", "sub/", "sub/deeper/"][i % 3];
        let id = format!("{sub}s{i:02}");
        let text: String = (0..(5 + g.next(20)))
            .map(|_| {
                let end = g.pick(&[".", "؟", "!", "\n", "،", "\r\n"]);
                let s = sentence(&mut g);
                said.push((i, s.clone()));
                s + end
            })
            .collect();
        std::fs::write(src.join(format!("{id}.txt")), text).unwrap();
        ids.push(id);
    }
    // Unusable files, each to be named.
    std::fs::write(src.join("empty.md"), "").unwrap();
    std::fs::write(src.join("binary.txt"), b"a\0b").unwrap();
    std::fs::write(src.join("latin1.txt"), b"caf\xe9").unwrap();
    std::fs::write(src.join(".hidden.txt"), "المغرب").unwrap();
    std::fs::write(src.join("sub/utf16.txt"), [0xFFu8, 0xFE, b'a', 0].as_slice()).unwrap();
    let mut files = Vec::new();
    for f in 0..3 {
        let mut yaml = String::from("sources: sources\nclaims:\n");
        for k in 0..(20 + g.next(20)) {
            yaml.push_str(&format!("  - id: g{f}-k{k:04}z\n"));
            // Every third claim is a sentence a source says (likely supported).
            let claim = if k % 3 == 0 {
                said[g.next(said.len())].1.clone()
            } else {
                sentence(&mut g)
            };
            yaml.push_str(&format!("    claim: \"{claim}\"\n"));
            if g.next(3) == 0 {
                yaml.push_str(&format!("    also: [\"{}\"]\n", sentence(&mut g)));
            }
            match g.next(4) {
                0 => {}
                1 => yaml.push_str(&format!("    cites: [\"{}\"]\n", ids[g.next(ids.len())])),
                2 => yaml.push_str("    cites: [\"../../etc/passwd\", nowhere]\n"),
                _ => yaml.push_str(&format!(
                    "    cites:\n      - source: \"{}\"\n        quote: \"{}\"\n",
                    ids[g.next(ids.len())],
                    sentence(&mut g)
                )),
            }
            if g.next(5) == 0 {
                yaml.push_str(&format!(
                    "    expect: {}\n",
                    g.pick(&["supported", "contradicted", "disputed", "unsourced"])
                ));
            }
        }
        let path = dir.path().join(format!("c{f}.yaml"));
        std::fs::write(&path, yaml).unwrap();
        files.push(path);
    }
    let report = assert_nothing_lost(&files, &[]);
    assert_eq!(report.sources.len(), 12);
    // Both outcomes and several verdicts were exercised.
    assert!(report.claims.iter().any(|c| !c.pass), "no failing claim");
    let s = &report.summary;
    let verdicts = [s.supported, s.contradicted, s.disputed, s.unsourced];
    assert!(verdicts.iter().filter(|&&n| n > 0).count() >= 3, "{s:?}");
    assert!(report.claims.iter().any(|c| c.pass), "no passing claim");
}

/// Failures over every failing claim (a failing claim has at least one):
/// the results SARIF holds and the annotations GitHub gets.
fn failure_count(report: &claimcheck::report::Report) -> usize {
    report
        .claims
        .iter()
        .filter(|c| !c.pass)
        .map(|c| c.failures.len().max(1))
        .sum()
}
