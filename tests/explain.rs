//! End-to-end tests of `check --explain <ID>`: the view an editor reads to
//! see why a claim got its stance from a source (units, aligned words, rules,
//! score and decision), its JSON form, and its input errors.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cli")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("claimcheck")
        .expect("binary")
        .current_dir(data())
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

#[test]
fn explains_a_contradiction_with_its_rule_and_aligned_words() {
    let (code, out, err) = run(&[
        "check",
        "claims/mixed.yaml",
        "--sources",
        "sources/contradicts",
        "--explain",
        "barak-ar",
        "--explain-source",
        "barak-ar",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("claim barak-ar (claims/mixed.yaml:12)"), "{out}");
    assert!(
        out.contains("source barak-ar (sources/contradicts/barak-ar.txt): contradicts"),
        "{out}"
    );
    assert!(out.contains("rules: negation"), "{out}");
    assert!(out.contains("decision: contradicts"), "{out}");
    // Every unit of the claim is listed against the passage.
    assert!(out.contains("براك") && out.contains("(exact, 1.00)"), "{out}");
    // Only the source asked for.
    assert!(!out.contains("weather"), "{out}");
}

#[test]
fn explains_support_in_every_source_that_bears_on_the_claim() {
    let (code, out, _) = run(&["check", "claims/mixed.yaml", "--explain", "barak-ar"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("source barak-ar (sources/supports/barak-ar.txt): supports"),
        "{out}"
    );
    assert!(out.contains("decision: supports: it carries"), "{out}");
    assert!(out.contains("thresholds: support 0.72"), "{out}");
}

#[test]
fn a_silent_source_is_shown_when_asked_for() {
    let (code, out, _) = run(&[
        "check",
        "claims/mixed.yaml",
        "--explain",
        "barak-ar",
        "--explain-source",
        "weather",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("source weather (sources/supports/weather.txt): silent"),
        "{out}"
    );
}

#[test]
fn json_explanation_has_alignment_and_decision() {
    let (code, out, _) = run(&["check", "claims/mixed.yaml", "--explain", "barak", "-f", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["id"], "barak");
    let passage = &v["sources"][0]["passages"][0];
    assert!(passage["alignment"].as_array().is_some_and(|a| !a.is_empty()), "{v}");
    assert!(
        passage["decision"].as_str().is_some_and(|d| d.starts_with("supports")),
        "{v}"
    );
}

#[test]
fn unknown_id_is_an_input_error_with_a_suggestion() {
    let (code, out, err) = run(&["check", "claims/mixed.yaml", "--explain", "barak-arr"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("no claim has the id `barak-arr`; did you mean `barak-ar`?"),
        "{err}"
    );
}

#[test]
fn unknown_source_is_an_input_error() {
    let (code, _, err) = run(&[
        "check",
        "claims/mixed.yaml",
        "--explain",
        "barak",
        "--explain-source",
        "nowhere",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("`nowhere` names no single source"), "{err}");
}
