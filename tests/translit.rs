//! Floors for cross-script name matching on `tests/data/names/pairs.tsv`
//! (measured with `cargo run --release --example names`; the floors sit a
//! little below the measured figures so that a regression fails).

use claimcheck::translit::{joined_similarity, name_similarity, SAME_NAME_THRESHOLD};

const PAIRS: &str = include_str!("data/names/pairs.tsv");
const MINED: &str = include_str!("data/names/mined.tsv");

struct Pair<'a> {
    english: &'a str,
    arabic: &'a str,
    same: bool,
}

fn pairs() -> Vec<Pair<'static>> {
    parse(PAIRS)
}

fn parse(text: &'static str) -> Vec<Pair<'static>> {
    let mut out = Vec::new();
    let mut header = false;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header {
            header = true;
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad line {line:?}");
        out.push(Pair {
            english: cols[0],
            arabic: cols[1],
            same: cols[2] == "1",
        });
    }
    out
}

/// Same split as `examples/names.rs`: SplitMix64 finalizer of FNV-1a 64 of
/// `english TAB arabic`; even → tune.
fn is_tune(p: &Pair) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in format!("{}\t{}", p.english, p.arabic).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut z = h;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    (z ^ (z >> 31)) % 2 == 0
}

fn predict(p: &Pair) -> bool {
    let words: Vec<&str> = p.arabic.split_whitespace().collect();
    let sim = if words.len() > 1 {
        joined_similarity(p.english, &words)
    } else {
        name_similarity(p.english, p.arabic)
    };
    sim >= SAME_NAME_THRESHOLD
}

fn precision_recall(ps: &[&Pair]) -> (f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for p in ps {
        match (p.same, predict(p)) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            _ => {}
        }
    }
    (tp as f64 / (tp + fp) as f64, tp as f64 / (tp + fn_) as f64)
}

#[test]
fn the_list_is_big_enough() {
    let ps = pairs();
    let pos = ps.iter().filter(|p| p.same).count();
    let neg = ps.len() - pos;
    assert!(pos >= 150, "{pos} true pairs");
    assert!(neg >= pos, "{neg} non-pairs for {pos} pairs");
}

#[test]
fn tune_half_meets_the_bar() {
    let ps = pairs();
    let tune: Vec<&Pair> = ps.iter().filter(|p| is_tune(p)).collect();
    let (p, r) = precision_recall(&tune);
    // Measured: P 0.988, R 0.947 (was 0.970 / 0.959 before the final-vowel,
    // closed-a, Arabic-h, long-vowel and leading-vowel rules).
    assert!(p >= 0.97, "tune precision {p:.3}");
    assert!(r >= 0.94, "tune recall {r:.3}");
}

#[test]
fn held_out_half_stays_close() {
    let ps = pairs();
    let held: Vec<&Pair> = ps.iter().filter(|p| !is_tune(p)).collect();
    let (p, r) = precision_recall(&held);
    // Measured: P 0.950, R 0.938 (was 0.933 / 0.951; the bar is
    // P >= 0.95 at R >= 0.85).
    assert!(p >= 0.94, "held-out precision {p:.3}");
    assert!(r >= 0.92, "held-out recall {r:.3}");
}

#[test]
fn mined_look_alikes_are_partly_refused() {
    // Words of the ANS train headlines and the seeds that the matcher of
    // efc0f91 took for a name (all 64 non-pairs passed then); tune only.
    let ps = parse(MINED);
    let neg: Vec<&Pair> = ps.iter().filter(|p| !p.same).collect();
    let passed = neg.iter().filter(|p| predict(p)).count();
    assert_eq!(neg.len(), 64);
    // Measured: 43 of 64 still pass (ال + two consonants + an ending
    // spells many ordinary words: الجالية for Kelly).
    assert!(passed <= 45, "{passed} of {} mined look-alikes pass", neg.len());
    // The true spellings among them still match.
    assert!(ps.iter().filter(|p| p.same).all(predict));
}
