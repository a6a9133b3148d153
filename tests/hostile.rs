//! Hostile and malformed input: every class of `docs/hostile-inputs.md` that
//! `tests/cli.rs` does not already cover. Each test states the exit code and
//! the message (file, line, column, what to do), or what is skipped and
//! named; big inputs are made at test time in a temporary folder and must be
//! handled in bounded time (no quadratic step, no alias expansion).
//!
//! Also here: regression tests for inputs found by fuzzing (`fuzz/`), and the
//! "nothing lost" tests: every claim of every input file appears in every
//! output format, and every source file is loaded or named as skipped.

use assert_cmd::Command;
use claimcheck::claims::{self, ClaimsError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The fixtures folder, `tests/data/hostile`.
fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile")
}

/// What a run of the binary did.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    #[track_caller]
    fn code(&self, want: i32) -> &Self {
        assert_eq!(
            self.code, want,
            "exit code {} (want {want})\nstdout:\n{}\nstderr:\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}\nstderr:\n{}", self.stdout, self.stderr))
    }

    /// The first line of stderr.
    fn error(&self) -> &str {
        self.stderr.lines().next().unwrap_or("")
    }
}

/// Runs the binary in `dir` with a time limit (a hang fails the test).
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(120))
        .args(args)
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(&data(), args)
}

/// `check` and `lint` both reject `file` with exit 2, nothing on stdout, and
/// a first stderr line starting with `error: <want>`; returns that line.
#[track_caller]
fn input_error(dir: &Path, file: &str, want: &str) -> String {
    let r = run_in(dir, &["check", "-f", "json", file]);
    r.code(2);
    assert!(
        r.stdout.is_empty(),
        "nothing is reported on an input error:\n{}",
        r.stdout
    );
    let first = r.error().to_string();
    assert!(
        first.starts_with(&format!("error: {want}")),
        "stderr:\n{}\nwant a first line starting with:\nerror: {want}",
        r.stderr
    );
    let l = run_in(dir, &["lint", file]);
    l.code(2);
    assert_eq!(l.error(), first, "lint and check word the error alike");
    first
}

fn parse(text: &str) -> Result<claims::ClaimsFile, ClaimsError> {
    claims::parse(text, "c.yaml", Path::new("."))
}

// ------------------------------------------------------------------ claims files

#[test]
fn claims_not_a_list_is_located_with_a_hint() {
    let e = input_error(
        &data(),
        "claims-not-a-list.yaml",
        "claims-not-a-list.yaml:2:3: invalid type: map",
    );
    assert!(e.contains("expected a sequence"), "{e}");
    assert!(e.contains("check the indentation"), "{e}");
}

#[test]
fn a_list_where_text_is_expected_is_located() {
    let e = input_error(
        &data(),
        "wrong-type.yaml",
        "wrong-type.yaml:3:12: invalid type: sequence",
    );
    assert!(e.contains("expected text"), "{e}");
}

#[test]
fn a_number_where_text_is_expected_is_read_as_written() {
    let r = run(&[
        "check",
        "-f",
        "json",
        "--fail-on",
        "contradicted",
        "number-as-text.yaml",
    ]);
    r.code(0);
    let report = r.json();
    assert_eq!(report["claims"][0]["id"], "2030");
    assert_eq!(report["claims"][0]["claim"], "2030");
}

#[test]
fn duplicate_keys_are_located() {
    let e = input_error(
        &data(),
        "duplicate-key.yaml",
        "duplicate-key.yaml:4:5: duplicate field `claim`",
    );
    assert!(e.contains("each key may appear once in a mapping"), "{e}");
    input_error(
        &data(),
        "duplicate-top-key.yaml",
        "duplicate-top-key.yaml:4:1: duplicate field `claims`",
    );
}

#[test]
fn empty_claim_text_is_located() {
    input_error(
        &data(),
        "empty-claim.yaml",
        "empty-claim.yaml:3:12: claim `a` has no words",
    );
}

#[test]
fn an_invisible_character_in_an_id_is_named() {
    let e = input_error(
        &data(),
        "invisible-id.yaml",
        "invisible-id.yaml:2:9: claim id `barak\u{200B}-deal` contains the invisible character U+200B",
    );
    assert!(e.contains("`barak-deal`"), "the suggestion drops it: {e}");
}

#[test]
fn a_nul_byte_in_a_claims_file_is_located() {
    input_error(
        &data(),
        "nul.yaml",
        "nul.yaml:3:19: the claims file contains the control character U+0000 (NUL); YAML allows none: remove it",
    );
}

#[test]
fn billion_laughs_fails_fast_in_both_parsers() {
    // Aliases are never expanded eagerly: the typed parser replays them
    // lazily (with a repetition limit) and stops at the first value of the
    // wrong type; the position parser only sees alias events. Either way: a
    // located error at once, not 9^9 strings in memory.
    for (name, want) in [
        ("billion-laughs.yaml", "c.yaml:2:1: unknown field `a`"),
        (
            "billion-laughs-in-claims.yaml",
            "c.yaml:5:11: invalid type: sequence, expected text",
        ),
    ] {
        let text = std::fs::read_to_string(data().join(name)).unwrap();
        let t = Instant::now();
        let e = parse(&text).unwrap_err().to_string();
        assert!(t.elapsed() < Duration::from_secs(5), "{name}: {:?}", t.elapsed());
        assert!(e.starts_with(want), "{name}: {e}");
    }
    input_error(
        &data(),
        "billion-laughs.yaml",
        "billion-laughs.yaml:2:1: unknown field `a`",
    );
}

#[test]
fn a_harmless_alias_is_read() {
    let r = run(&["check", "-f", "json", "aliased-claim.yaml"]);
    r.code(0);
    let report = r.json();
    let ids: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["first", "second"]);
    assert_eq!(report["claims"][1]["citations"][0]["status"], "confirms");
}

#[test]
fn deep_nesting_is_an_error_in_linear_time() {
    // serde_norway's time grows with the square of the nesting depth (100k
    // levels: minutes); the span-aware parser runs first and stops at ~250.
    let e = parse(&format!(
        "claims:\n  - id: a\n    claim: {}x{}\n",
        "[".repeat(200),
        "]".repeat(200)
    ))
    .unwrap_err()
    .to_string();
    assert!(
        e.starts_with("c.yaml:3:12: invalid type: sequence, expected text"),
        "{e}"
    );
    for text in [
        format!(
            "claims:\n  - id: a\n    claim: {}x{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        format!("claims:\n  - id: a\n    claim: {}x\n", "{a: ".repeat(100_000)),
        format!(
            "claims: []\nclaims: []\nsources: {}x{}\n",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    ] {
        let t = Instant::now();
        let e = parse(&text).unwrap_err().to_string();
        assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
        assert!(
            e.contains(": the YAML is nested too deeply here; a claims file needs four levels"),
            "{e}"
        );
    }
    let e = parse(&format!("claims:\n{}", "- ".repeat(100_000)))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("c.yaml:2:"), "{e}");
}

#[test]
fn a_hundred_thousand_claims_load_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let mut text = String::from("sources: sources\nclaims:\n");
    for i in 0..n {
        text.push_str(&format!(
            "  - id: c{i}\n    claim: claim number {i} about Morocco\n    cites: [s]\n"
        ));
    }
    std::fs::create_dir(dir.path().join("sources")).unwrap();
    std::fs::write(dir.path().join("sources/s.txt"), "Morocco bought the Barak system.\n").unwrap();
    std::fs::write(dir.path().join("big.yaml"), &text).unwrap();
    let t = Instant::now();
    let f = parse(&text).unwrap();
    let took = t.elapsed();
    assert_eq!(f.claims.len(), n);
    assert_eq!(f.claims[n - 1].id, format!("c{}", n - 1));
    assert_eq!(f.claims[n - 1].line, 3 * (n - 1) + 3);
    // Linear: 100k claims take at most a few seconds even in a debug build
    // (a quadratic duplicate-id check would take minutes).
    assert!(took < Duration::from_secs(30), "parsing 100k claims took {took:?}");
    let r = run_in(dir.path(), &["lint", "big.yaml"]);
    r.code(0);
    assert!(
        r.stdout.contains("big.yaml: 100000 claims, 100000 citations"),
        "{}",
        r.stdout
    );
    // A duplicate at the very end is still found, and named with both lines.
    text.push_str("  - id: c7\n    claim: again\n");
    let e = parse(&text).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "c.yaml:{}:9: duplicate claim id `c7` (first used at line 24); ids must be unique in a file",
            3 * n + 3
        )
    );
}

#[test]
fn a_claims_file_over_the_size_limit_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let f = std::fs::File::create(dir.path().join("huge.yaml")).unwrap();
    // Sparse: 100 MB on paper, nothing on disk.
    f.set_len(100 * 1024 * 1024).unwrap();
    let e = input_error(
        dir.path(),
        "huge.yaml",
        "huge.yaml:1:1: the claims file is 104857600 bytes, over the limit of 67108864 bytes",
    );
    assert!(e.contains("--max-claims-bytes"), "{e}");
    std::fs::write(
        dir.path().join("small.yaml"),
        "claims:\n  - id: a\n    claim: Morocco bought the Barak system\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["lint", "--max-claims-bytes", "10", "small.yaml"]);
    r.code(2);
    assert!(
        r.error()
            .starts_with("error: small.yaml:1:1: the claims file is 61 bytes, over the limit of 10 bytes"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_claims_file_in_utf16_or_latin1_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = std::iter::once(0xFEFFu16)
        .chain("claims:\n  - id: a\n    claim: x\n".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(dir.path().join("u16.yaml"), utf16).unwrap();
    let e = input_error(
        dir.path(),
        "u16.yaml",
        "u16.yaml:1:1: the claims file is UTF-16 encoded",
    );
    assert!(e.contains("save it as UTF-8"), "{e}");
    std::fs::write(
        dir.path().join("latin1.yaml"),
        b"claims:\n  - id: a\n    claim: caf\xe9\n",
    )
    .unwrap();
    input_error(
        dir.path(),
        "latin1.yaml",
        "latin1.yaml:3:15: the claims file is not valid UTF-8",
    );
}

#[test]
fn a_quote_over_the_length_limit_is_located() {
    let quote = "كلمة ".repeat(500);
    let text = format!("claims:\n  - id: a\n    claim: x y\n    cites:\n      - source: s\n        quote: {quote}\n");
    let e = parse(&text).unwrap_err().to_string();
    assert!(
        e.starts_with("c.yaml:6:16: claim `a` quotes 2499 characters, over the limit of 2000"),
        "{e}"
    );
}

#[test]
fn a_quote_longer_than_its_source_is_not_found() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("s")).unwrap();
    std::fs::write(dir.path().join("s/short.txt"), "المغرب اقتنى منظومة براك.\n").unwrap();
    let quote = "المغرب اقتنى منظومة براك من إسرائيل في صفقة كبيرة أعلن عنها الجيش في بيان رسمي يوم الخميس";
    std::fs::write(
        dir.path().join("c.yaml"),
        format!("sources: s\nclaims:\n  - id: a\n    claim: المغرب اقتنى منظومة براك\n    cites:\n      - source: short\n        quote: {quote}\n"),
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "-f", "json", "c.yaml"]);
    r.code(1);
    let q = &r.json()["claims"][0]["citations"][0]["quote"];
    assert_eq!(q["status"], "not-found", "{q}");
    assert!(q["similarity"].as_f64().unwrap() < 0.85, "{q}");
    assert!(r.stdout.contains("is not in short"), "{}", r.stdout);
}

// ------------------------------------------------------------------ sources

#[cfg(unix)]
#[test]
fn symlink_loops_and_dangling_links_are_named_not_followed_forever() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s");
    std::fs::create_dir_all(s.join("sub")).unwrap();
    std::fs::write(s.join("barak.txt"), "Morocco bought the Barak system.\n").unwrap();
    symlink("..", s.join("sub/up")).unwrap(); // a folder loop
    symlink(".", s.join("self")).unwrap(); // another
    symlink("b.txt", s.join("a.txt")).unwrap(); // a file loop
    symlink("a.txt", s.join("b.txt")).unwrap();
    symlink("nowhere.txt", s.join("dangling.txt")).unwrap();
    std::fs::write(
        dir.path().join("c.yaml"),
        "sources: s\nclaims:\n  - id: a\n    claim: Morocco bought the Barak system\n    cites: [barak]\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "-f", "json", "c.yaml"]);
    r.code(0);
    let ids: Vec<String> = r.json()["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["barak"], "each file once, whatever the loops");
    for name in ["a.txt", "b.txt", "dangling.txt"] {
        assert!(
            r.stderr
                .contains(&format!("warning: skipped source s/{name}: cannot be read")),
            "{name}:\n{}",
            r.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn an_unreadable_source_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s");
    std::fs::create_dir_all(s.join("locked")).unwrap();
    std::fs::write(s.join("barak.txt"), "Morocco bought the Barak system.\n").unwrap();
    std::fs::write(s.join("secret.txt"), "Morocco bought the Patriot system.\n").unwrap();
    std::fs::write(s.join("locked/inner.txt"), "Algeria bought the S-400.\n").unwrap();
    std::fs::set_permissions(s.join("secret.txt"), std::fs::Permissions::from_mode(0o000)).unwrap();
    std::fs::set_permissions(s.join("locked"), std::fs::Permissions::from_mode(0o000)).unwrap();
    // root reads anything: then the files load, and the test says which case ran.
    let root = std::fs::read(s.join("secret.txt")).is_ok();
    std::fs::write(
        dir.path().join("c.yaml"),
        "sources: s\nclaims:\n  - id: a\n    claim: Morocco bought the Barak system\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "-f", "json", "c.yaml"]);
    std::fs::set_permissions(s.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
    r.code(0);
    let n = r.json()["sources"].as_array().unwrap().len();
    if root {
        assert_eq!(n, 3, "running as root: every file is readable");
    } else {
        assert_eq!(n, 1, "{}", r.stderr);
        assert!(
            r.stderr
                .contains("warning: skipped source s/secret.txt: cannot be read (Permission denied"),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr
                .contains("warning: skipped source s/locked: folder cannot be read (Permission denied"),
            "{}",
            r.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_source_that_is_not_a_regular_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s");
    std::fs::create_dir_all(&s).unwrap();
    std::fs::write(s.join("barak.txt"), "Morocco bought the Barak system.\n").unwrap();
    // A named pipe: reading it would block forever.
    let ok = std::process::Command::new("mkfifo")
        .arg(s.join("pipe.txt"))
        .status()
        .unwrap();
    assert!(ok.success());
    std::fs::write(
        dir.path().join("c.yaml"),
        "sources: s\nclaims:\n  - id: a\n    claim: Morocco bought the Barak system\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "-f", "json", "c.yaml"]);
    r.code(0);
    assert!(
        r.stderr
            .contains("warning: skipped source s/pipe.txt: is not a regular file"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_200_mb_single_line_is_skipped_by_size_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s");
    std::fs::create_dir_all(&s).unwrap();
    std::fs::write(s.join("barak.txt"), "Morocco bought the Barak system.\n").unwrap();
    // Sparse: 200 MB with no line break, nothing written to disk.
    std::fs::File::create(s.join("line.txt"))
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    std::fs::write(
        dir.path().join("c.yaml"),
        "sources: s\nclaims:\n  - id: a\n    claim: Morocco bought the Barak system\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "-f", "json", "c.yaml"]);
    r.code(0);
    assert!(
        r.stderr.contains("warning: skipped source s/line.txt: larger than the limit of 67108864 bytes (209715200 bytes); raise --max-source-bytes to load it"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_long_single_line_loads_with_correct_offsets() {
    // 4 MB on one line (no sentence end): one passage of 600k words; the
    // claim is judged (or refused by the work budget), never hangs.
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s");
    std::fs::create_dir_all(&s).unwrap();
    let filler = "كلام عن الطقس والرياضة ";
    let mut line = filler.repeat(4 * 1024 * 1024 / filler.len());
    let at = line.len();
    line.push_str("وأعلن الجيش اقتناء المغرب منظومة براك ");
    line.push_str(&filler.repeat(1000));
    std::fs::write(s.join("line.txt"), &line).unwrap();
    std::fs::write(
        dir.path().join("c.yaml"),
        "sources: s\nclaims:\n  - id: a\n    claim: أعلن الجيش اقتناء المغرب منظومة براك\n    cites:\n      - source: line\n        quote: اقتناء المغرب منظومة براك\n",
    )
    .unwrap();
    let r = run_in(dir.path(), &["check", "-f", "json", "c.yaml"]);
    r.code(0);
    let q = &r.json()["claims"][0]["citations"][0]["quote"];
    assert_eq!(q["status"], "found", "{q}");
    let start = q["start"].as_u64().unwrap() as usize;
    assert_eq!(&line[start..start + "اقتناء".len()], "اقتناء");
    assert!(start > at);
}

#[test]
fn bidi_and_zero_width_controls_vanish_for_matching_but_stay_in_evidence() {
    let r = run(&["check", "-f", "json", "bidi.yaml"]);
    r.code(0);
    let report = r.json();
    let bidi = &report["claims"][0];
    assert_eq!(bidi["verdict"], "supported", "{bidi}");
    assert_eq!(bidi["citations"][0]["status"], "confirms");
    // Evidence is the file's own bytes, controls included.
    let text = std::fs::read_to_string(data().join("sources/bidi.txt")).unwrap();
    let ev = &bidi["sources"][0]["evidence"][0];
    let (a, b) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert!(text[a..b].contains('\u{202E}') && text[a..b].contains('\u{200B}'));
}

#[test]
fn bidi_controls_are_shown_not_obeyed_in_plain_text_formats() {
    // Table, Markdown and GitHub annotations write them visibly (a raw U+202E
    // would reorder the rest of the line on screen).
    for format in ["table", "markdown", "github"] {
        let r = run(&["check", "-f", format, "--evidence", "bidi.yaml"]);
        assert!(!r.stdout.contains('\u{202E}'), "{format}: raw U+202E in\n{}", r.stdout);
        if format != "github" {
            assert!(r.stdout.contains("<U+202E>"), "{format}:\n{}", r.stdout);
        }
    }
}

#[test]
fn arabic_presentation_forms_meet_base_letters() {
    let r = run(&["check", "-f", "json", "bidi.yaml"]);
    let report = r.json();
    let forms = &report["claims"][1];
    assert_eq!(forms["citations"][0]["status"], "confirms", "{forms}");
    let q = &forms["citations"][0]["quote"];
    assert_eq!(q["status"], "found", "{q}");
    let text = std::fs::read_to_string(data().join("sources/forms.txt")).unwrap();
    let (a, b) = (
        q["start"].as_u64().unwrap() as usize,
        q["end"].as_u64().unwrap() as usize,
    );
    assert!(
        text[a..b].starts_with("اقتناء") && text[a..b].ends_with("ﺑﺮﺍﻙ"),
        "{}",
        &text[a..b]
    );
    // The ligatures of both blocks fold too.
    assert_eq!(claimcheck::normalize::normalize("ﻻ تعليق، ﷲ أعلم"), "لا تعليق الله اعلم");
}

// ------------------------------------------------------------------ limits

#[test]
fn a_claim_over_the_work_budget_is_unsourced_and_fails_with_the_reason() {
    let r = run(&[
        "check",
        "-f",
        "json",
        "--max-claim-work",
        "5",
        "--fail-on",
        "contradicted",
        "bidi.yaml",
    ]);
    r.code(1);
    let report = r.json();
    for c in report["claims"].as_array().unwrap() {
        assert_eq!(c["verdict"], "unsourced", "{c}");
        assert_eq!(c["pass"], false);
        let why = c["failures"][0].as_str().unwrap();
        assert!(why.starts_with("not judged: the claim meets "), "{why}");
        assert!(
            why.contains("over the work budget of 5; reword it with rarer words or raise --max-claim-work"),
            "{why}"
        );
    }
    // The same run with the default budget judges them.
    let r = run(&["check", "-f", "json", "bidi.yaml"]);
    r.code(0);
}

// ------------------------------------------------------------------ fuzzing regressions

#[path = "../fuzz/invariants.rs"]
mod invariants;

/// Every crash reproducer the fuzzers found (`tests/data/hostile/fuzz/`,
/// named `<target>-<what>-<hash>`) and the committed seed corpus
/// (`fuzz/corpus/<target>/seed-*`) pass the target's invariants.
#[test]
fn fuzz_reproducers_and_seeds_keep_the_invariants() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cases: Vec<(String, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(root.join("tests/data/hostile/fuzz")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let target = name.split('-').next().unwrap().to_string();
        cases.push((target, path));
    }
    let reproducers = cases.len();
    for target in ["claims", "normalize", "segment", "quote", "check"] {
        for entry in std::fs::read_dir(root.join("fuzz/corpus").join(target)).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().unwrap().to_string_lossy().starts_with("seed-") {
                cases.push((target.to_string(), path));
            }
        }
    }
    assert!(reproducers >= 2 && cases.len() > reproducers);
    cases.sort();
    for (target, path) in cases {
        let data = std::fs::read(&path).unwrap();
        let run = match target.as_str() {
            "claims" => invariants::claims,
            "normalize" => invariants::normalize,
            "segment" => invariants::segment,
            "quote" => invariants::quote,
            "check" => invariants::check,
            other => panic!("{}: unknown target `{other}`", path.display()),
        };
        if std::panic::catch_unwind(|| run(&data)).is_err() {
            panic!("{} breaks the `{target}` invariants", path.display());
        }
    }
}
