//! Sharded runs end to end: `stats`, `stats --merge`, `check --stats` on
//! disjoint shards of the seeds, then `merge`, must give the very bytes a
//! single run over the whole corpus gives, in JSON and in another format,
//! with the same exit code; and every refusal (shards that overlap, reports
//! of other claims files, reports without `--stats`, a citation prefix
//! ambiguous only over the whole corpus) exits 2 with a message naming the
//! problem.
//!
//! Each shard lives in its own folder laid out like the whole corpus
//! (`seeds/`, `claims/`), so source paths and claims file paths in the
//! reports read the same.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Claims files used, as (path in the run folder, file in the repository).
const CLAIMS: [(&str, &str); 2] = [
    ("claims/example.yaml", "claims/example.yaml"),
    ("claims/shard.yaml", "tests/data/shard/claims.yaml"),
];

/// Makes a run folder holding these seed files (and their sidecars) and the claims files.
fn run_folder(base: &Path, name: &str, seeds: &[&str]) -> PathBuf {
    let dir = base.join(name);
    std::fs::create_dir_all(dir.join("seeds")).unwrap();
    std::fs::create_dir_all(dir.join("claims")).unwrap();
    for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
        let entry = entry.unwrap();
        let file = entry.file_name().to_string_lossy().into_owned();
        if seeds.iter().any(|s| file.starts_with(s)) {
            std::fs::copy(entry.path(), dir.join("seeds").join(&file)).unwrap();
        }
    }
    for (to, from) in CLAIMS {
        std::fs::copy(root().join(from), dir.join(to)).unwrap();
    }
    dir
}

struct Out {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Out {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn check_args<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["check", "--sources", "seeds"];
    args.extend(CLAIMS.iter().map(|(to, _)| *to));
    args.extend(extra);
    args
}

/// Runs the sharded pipeline over `shards` (seed prefixes per shard) and
/// returns the merged output and exit code for `format`, with the base folder.
fn sharded(base: &Path, shards: &[&[&str]], format: &str) -> Out {
    sharded_with(base, shards, format, &[])
}

/// [`sharded`], with extra `check` arguments for the first shards.
fn sharded_with(base: &Path, shards: &[&[&str]], format: &str, extra: &[&[&str]]) -> Out {
    let mut stats = Vec::new();
    for (i, seeds) in shards.iter().enumerate() {
        let dir = run_folder(base, &format!("shard{i}"), seeds);
        let out = run(&dir, &["stats", "seeds", "-o", "../stats.part.json"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let part = base.join(format!("stats{i}.json"));
        std::fs::rename(base.join("stats.part.json"), &part).unwrap();
        stats.push(part.to_string_lossy().into_owned());
    }
    let mut args = vec!["stats", "--merge"];
    args.extend(stats.iter().map(String::as_str));
    args.extend(["-o", "all.json"]);
    let out = run(base, &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut reports = Vec::new();
    for i in 0..shards.len() {
        let dir = base.join(format!("shard{i}"));
        let mut args = vec!["--stats", "../all.json", "-f", "json", "-o", "../r.json"];
        args.extend(extra.get(i).copied().unwrap_or_default());
        let out = run(&dir, &check_args(&args));
        assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
        let part = base.join(format!("report{i}.json"));
        std::fs::rename(base.join("r.json"), &part).unwrap();
        reports.push(part.to_string_lossy().into_owned());
    }
    let mut args = vec!["merge", "-f", format];
    args.extend(reports.iter().map(String::as_str));
    run(base, &args)
}

const ALL: [&str; 5] = ["000", "001", "002", "003", "004"];

#[test]
fn sharded_runs_equal_the_single_run() {
    let tmp = tempfile::tempdir().unwrap();
    let whole = run_folder(tmp.path(), "whole", &ALL);
    let single_json = run(&whole, &check_args(&["-f", "json"]));
    let single_md = run(&whole, &check_args(&["-f", "markdown"]));
    assert_eq!(single_json.code, 1, "the shard claims fail the default policy");
    // Two shards; four, one of them empty.
    let layouts: [&[&[&str]]; 2] = [
        &[&["000", "003"], &["001", "002", "004"]],
        &[&["000"], &[], &["001", "004"], &["002", "003"]],
    ];
    for (k, shards) in layouts.iter().enumerate() {
        let base = tmp.path().join(format!("layout{k}"));
        std::fs::create_dir_all(&base).unwrap();
        let json = sharded(&base, shards, "json");
        assert_eq!(json.code, single_json.code, "{}", json.stderr);
        assert!(
            json.stdout == single_json.stdout,
            "layout {shards:?}: merged JSON differs from the single run"
        );
        let md = run(
            &base,
            &[
                "merge",
                "-f",
                "markdown",
                "report0.json",
                "report1.json",
                "report2.json",
                "report3.json",
            ][..3 + shards.len()],
        );
        assert_eq!(md.code, single_md.code);
        assert!(
            md.stdout == single_md.stdout,
            "layout {shards:?}: merged Markdown differs"
        );
    }
}

#[test]
fn a_claim_a_shard_did_not_judge_fails_after_merging() {
    // Shard 0 judges with a work budget too small for any claim: every claim
    // is "not judged" there, so the merged report must not pass them on the
    // strength of shard 1 alone.
    let tmp = tempfile::tempdir().unwrap();
    let json = sharded_with(
        tmp.path(),
        &[&["000", "003"], &["001", "002", "004"]],
        "json",
        &[&["--max-claim-work", "1"]],
    );
    assert_eq!(json.code, 1, "{}", json.stderr);
    let read = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).unwrap();
    let shard0 = read(&std::fs::read(tmp.path().join("report0.json")).unwrap());
    let merged = read(&json.stdout);
    let mut unjudged = 0;
    for (c, s) in merged["claims"]
        .as_array()
        .unwrap()
        .iter()
        .zip(shard0["claims"].as_array().unwrap())
    {
        assert_eq!(c["id"], s["id"]);
        let failed_there = s["failures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f.as_str().unwrap().starts_with("not judged:"));
        if !failed_there {
            // Nothing to judge in shard 0 (no candidate passage): within budget.
            continue;
        }
        unjudged += 1;
        assert_eq!(c["verdict"], "unsourced", "{}", c["id"]);
        assert_eq!(c["pass"], false, "{}", c["id"]);
        assert_eq!(c["sources"].as_array().unwrap().len(), 0, "{}", c["id"]);
        let failures = c["failures"].as_array().unwrap();
        assert_eq!(failures.len(), 1, "{}", c["id"]);
        let f = failures[0].as_str().unwrap();
        assert!(
            f.starts_with("not judged: the claim meets") && f.contains("(shard ") && f.ends_with("report0.json)"),
            "{f}"
        );
    }
    assert!(unjudged >= 5, "only {unjudged} claims over the budget in shard 0");
}

#[test]
fn shards_without_global_stats_are_not_merged() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path();
    for (i, seeds) in [&["000", "001"][..], &["002", "003", "004"][..]].iter().enumerate() {
        let dir = run_folder(base, &format!("s{i}"), seeds);
        let out = run(&dir, &check_args(&["-f", "json", "-o", &format!("../r{i}.json")]));
        assert!(out.code <= 1, "{}", out.stderr);
    }
    let out = run(base, &["merge", "r0.json", "r1.json"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("r0.json is not a shard report"), "{}", out.stderr);
    // Local statistics score differently from the whole corpus's: the
    // shard's scores are not the single run's.
    let whole = run_folder(base, "whole", &ALL);
    let single = run(&whole, &check_args(&["-f", "json"]));
    let local: serde_json::Value = serde_json::from_slice(&std::fs::read(base.join("r0.json")).unwrap()).unwrap();
    let global: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
    let scores = |v: &serde_json::Value, src: &str| -> Vec<String> {
        v["claims"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c["sources"].as_array().unwrap().clone())
            .filter(|s| s["source"].as_str().unwrap().starts_with(src))
            .map(|s| s["score"].to_string())
            .collect()
    };
    assert_ne!(scores(&local, "000"), scores(&global, "000"));
}

#[test]
fn overlapping_shards_and_other_claims_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path();
    let a = run_folder(base, "a", &["000", "001"]);
    let b = run_folder(base, "b", &["001", "002"]);
    assert_eq!(run(&a, &["stats", "seeds", "-o", "../a.json"]).code, 0);
    assert_eq!(run(&b, &["stats", "seeds", "-o", "../b.json"]).code, 0);
    let out = run(base, &["stats", "--merge", "a.json", "b.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("source `001_c7587bccc0fc7438` is in both a.json and b.json"),
        "{}",
        out.stderr
    );
    // Reports: scored with each shard's own stats (overlapping), then merged.
    for (dir, name) in [(&a, "a"), (&b, "b")] {
        let out = run(
            dir,
            &check_args(&[
                "--stats",
                &format!("../{name}.json"),
                "-f",
                "json",
                "-o",
                &format!("../r{name}.json"),
            ]),
        );
        assert!(out.code <= 1, "{}", out.stderr);
    }
    let out = run(base, &["merge", "ra.json", "rb.json"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("different corpus statistics"), "{}", out.stderr);
    // Same stats, but another claims file.
    std::fs::write(b.join("claims/shard.yaml"), "claims:\n  - id: x\n    claim: y\n").unwrap();
    let out = run(
        &b,
        &check_args(&["--stats", "../a.json", "-f", "json", "-o", "../rb.json"]),
    );
    assert_eq!(out.code, 2, "b holds 002, which a.json does not count");
    assert!(
        out.stderr.contains("`002_55577ae79ef290c1`") && out.stderr.contains("../a.json"),
        "{}",
        out.stderr
    );
    let c = run_folder(base, "c", &["000"]);
    std::fs::write(c.join("claims/shard.yaml"), "claims:\n  - id: x\n    claim: y\n").unwrap();
    let out = run(
        &c,
        &check_args(&["--stats", "../a.json", "-f", "json", "-o", "../rc.json"]),
    );
    assert!(out.code <= 1, "{}", out.stderr);
    let out = run(base, &["merge", "ra.json", "rc.json"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("come from different claims files"),
        "{}",
        out.stderr
    );
    let out = run(base, &["merge", "ra.json", "ra.json"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("the shards overlap"), "{}", out.stderr);
    std::fs::write(base.join("bad.json"), "{\"schema\": 1}").unwrap();
    let out = run(base, &["merge", "bad.json"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("bad.json:1:"), "{}", out.stderr);
}

#[test]
fn a_prefix_ambiguous_over_the_whole_corpus_is_an_error_in_every_shard() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path();
    // Two sources whose ids share the prefix `00`, one per shard.
    let a = run_folder(base, "a", &["000"]);
    let b = run_folder(base, "b", &["001"]);
    for dir in [&a, &b] {
        std::fs::write(
            dir.join("claims/p.yaml"),
            "claims:\n  - id: p\n    claim: المغرب\n    cites: [\"00\"]\n",
        )
        .unwrap();
    }
    assert_eq!(run(&a, &["stats", "seeds", "-o", "../a.json"]).code, 0);
    assert_eq!(run(&b, &["stats", "seeds", "-o", "../b.json"]).code, 0);
    assert_eq!(
        run(base, &["stats", "--merge", "a.json", "b.json", "-o", "all.json"]).code,
        0
    );
    // Alone, the shard resolves `00` to its one source...
    assert!(run(&a, &["check", "--sources", "seeds", "claims/p.yaml"]).code <= 1);
    // ...over the whole corpus it is ambiguous, as a single run says.
    let out = run(
        &a,
        &["check", "--sources", "seeds", "--stats", "../all.json", "claims/p.yaml"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("claims/p.yaml:4:") && out.stderr.contains("is ambiguous"),
        "{}",
        out.stderr
    );
    std::fs::write(
        base.join("all.json"),
        "{\"schema\": \"claimcheck/stats/v1\", \"passages\": 1}",
    )
    .unwrap();
    let out = run(
        &a,
        &["check", "--sources", "seeds", "--stats", "../all.json", "claims/p.yaml"],
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("../all.json:1:") && out.stderr.contains("not a claimcheck stats file"),
        "{}",
        out.stderr
    );
}
