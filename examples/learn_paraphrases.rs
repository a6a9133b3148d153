#![allow(clippy::print_stdout)]
//! Learns paraphrases (word pairs that say the same thing) from the ANS
//! **train** split (never dev), for `data/synonyms-ans.tsv`.
//!
//! In a pair of headlines, the content words of each side that the other
//! side does not meet (by the matcher's own word comparison: form, stem,
//! verb key, clitic) are its differences. Where the rest aligns (at least
//! two content words shared) and each side differs by one or two words, a
//! word of one side is paired with a word of the other if both stand in the
//! same slot: the only difference on each side, or next to the same shared
//! word (left or right neighbour among the content words). A word pair is a
//! candidate paraphrase if it is such a difference in at least MIN_COUNT
//! `agree` pairs and in no `disagree` pair (there it may be what the
//! headlines disagree about). Names of places, members of two different
//! kinds (data/kinds.tsv), numbers, stop and light words, and known
//! opposites are never kept. A pair seen only once is kept when it was the
//! only difference of its pair (one word each side, three or more shared);
//! pairs a person reviewed and rejected are listed in `REJECTED`.
//!
//! `cargo run --release --example learn_paraphrases [TRAIN.csv] [MIN_COUNT]`
use claimcheck::eval::read_ans;
use claimcheck::index::Term;
use claimcheck::matching::{is_light_word, token_match, QTok};
use claimcheck::normalize::{is_number, Charmap};
use claimcheck::stance::antonyms::{key, Antonyms};
use claimcheck::stem::is_stop_word;
use std::collections::{BTreeMap, BTreeSet};

/// A content word of a headline: its position among the content words,
/// its folded form and its analysis.
struct Word {
    norm: String,
    q: QTok,
    t: Term,
}

fn content(s: &str) -> Vec<Word> {
    Term::analyze(s, &Charmap::default())
        .into_iter()
        .filter(|t| {
            !is_stop_word(&t.norm)
                && !is_number(&t.norm)
                && t.norm.chars().count() > 2
                && !is_light_word(&t.norm)
                && claimcheck::stem::is_arabic(&t.norm)
        })
        .map(|t| Word {
            norm: t.norm.to_string(),
            q: QTok::new(&t.norm),
            t,
        })
        .collect()
}

/// Whether two content words are the same word to the matcher (a verb and
/// its verbal noun are not: يرتفع / ارتفاع is a pair to learn).
fn same(a: &Word, b: &Word) -> bool {
    token_match(&a.q, &b.t).is_some() || token_match(&b.q, &a.t).is_some()
}

/// Pairs a person reviewed and rejected: learned from one or two pairs, they
/// stand in the same slot without saying the same thing (folded, either
/// order).
#[rustfmt::skip]
const REJECTED: &[(&str, &str)] = &[
    ("اثر", "والكهرباء"), ("امر", "الحسيمه"), ("تامر", "المملكه"), ("بامر", "يعتزم"), ("تبحر", "ترسل"),
    ("بسبب", "تثير"), ("بسبب", "الحضيض"), ("بسبب", "تفرض"), ("بشان", "اقتصاد"), ("بعده", "يصدر"),
    ("بلا", "تعترض"), ("تؤدي", "وسط"), ("السياسي", "الشرطه"), ("يتم", "لتولي"), ("بتهمه", "يواجه"),
    ("نتيجه", "عقب"), ("تجعل", "لاختبار"), ("الجويه", "مصدر"), ("احاله", "يواحه"), ("يتحدث", "اختيارا"),
    ("حكايه", "اخرجت"), ("خاشقي", "خاشقجي"), ("ارتفاع", "ووفره"), ("بزياده", "اوسع"), ("يسجل", "لسعر"),
    ("اسعار", "اعوام"), ("اسعار", "مستوياته"), ("سقوط", "شرقي"), ("شبكه", "الملاك"), ("تصبح", "كيف"),
    ("التصويت", "بقرار"), ("نصيب", "تفوز"), ("طريقه", "يقترب"), ("يعالج", "غدا"), ("تعرف", "المنتشره"),
    ("عين", "وسط"), ("قصه", "مدمن"), ("تكرس", "كلها"), ("النفط", "اوبك"), ("جديد", "اعاده"),
    ("لتحسين", "لزياده"), ("تفوز", "تقطف"), ("يرتفع", "ترفع"), ("يرتفع", "يتعافي"),
    // تداعيات are repercussions, not a worsening.
    ("تداعي", "تدهور"),
];

/// Place names (single words) of the built-in name tables, folded.
fn places() -> BTreeSet<String> {
    claimcheck::names::groups()
        .iter()
        .flat_map(|g| g.phrases.iter())
        .filter(|p| p.len() == 1)
        .map(|p| claimcheck::stem::stem(&p[0]))
        .collect()
}

/// The differing word pairs of one headline pair, in the same slot.
fn differences(s1: &str, s2: &str) -> Vec<(String, String, bool)> {
    let (a, b) = (content(s1), content(s2));
    // For each word, the index of the word it meets on the other side.
    let meet_a: Vec<Option<usize>> = a.iter().map(|x| b.iter().position(|y| same(x, y))).collect();
    let meet_b: Vec<Option<usize>> = b.iter().map(|y| a.iter().position(|x| same(x, y))).collect();
    let only_a: Vec<usize> = (0..a.len()).filter(|&i| meet_a[i].is_none()).collect();
    let only_b: Vec<usize> = (0..b.len()).filter(|&j| meet_b[j].is_none()).collect();
    let shared = a.len() - only_a.len();
    if shared < 2 || only_a.is_empty() || only_b.is_empty() || only_a.len() > 2 || only_b.len() > 2 {
        return Vec::new();
    }
    // A word's neighbours among the shared words, as indices of side a.
    let anchors_a = |i: usize| -> [Option<usize>; 2] {
        let left = (0..i).rev().find(|&k| meet_a[k].is_some());
        let right = (i + 1..a.len()).find(|&k| meet_a[k].is_some());
        [left, right]
    };
    let anchors_b = |j: usize| -> [Option<usize>; 2] {
        let left = (0..j).rev().find_map(|k| meet_b[k]);
        let right = (j + 1..b.len()).find_map(|k| meet_b[k]);
        [left, right]
    };
    let mut out = Vec::new();
    for &i in &only_a {
        for &j in &only_b {
            let one = only_a.len() == 1 && only_b.len() == 1;
            let (x, y) = (anchors_a(i), anchors_b(j));
            let slot = x.iter().any(|k| k.is_some() && y.contains(k));
            if one || slot {
                out.push((a[i].norm.clone(), b[j].norm.clone(), one && shared >= 3));
            }
        }
    }
    out
}

/// What was seen of a word pair (keyed by the two words' keys, sorted):
/// agree pairs, disagree pairs, its two words as first seen, and the agree
/// pairs where it was the only difference with three words shared.
type Seen = (usize, usize, String, String, usize);

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ans/stance-train.csv".into());
    let min: usize = std::env::args().nth(2).map_or(Ok(2), |s| s.parse())?;
    let pairs = read_ans(&std::fs::read_to_string(&path)?);
    let antonyms = Antonyms::builtin();
    let places = places();
    let mut seen: BTreeMap<(String, String), Seen> = BTreeMap::new();
    for p in &pairs {
        for (x, y, sole) in differences(&p.s1, &p.s2) {
            let (kx, ky) = (key(&x), key(&y));
            let (k, words) = if kx <= ky {
                ((kx, ky), (x, y))
            } else {
                ((ky, kx), (y, x))
            };
            let e = seen.entry(k).or_insert((0, 0, words.0, words.1, 0));
            match p.label.as_str() {
                "agree" => {
                    e.0 += 1;
                    e.4 += usize::from(sole);
                }
                "disagree" => e.1 += 1,
                _ => {}
            }
        }
    }
    let kind = |w: &str| claimcheck::stance::substitution::kind_of(&claimcheck::stem::stem(w));
    println!("# Paraphrases learned from the ANS corpus's train split (Khouja 2020, Apache-2.0; see");
    println!("# tests/data/ans/README.md) by examples/learn_paraphrases.rs with MIN_COUNT {min}: word pairs");
    println!("# that stand in the same slot of at least {min} agree pairs (or are the only difference of one,");
    println!("# three words shared) and of no disagree pair; pairs reviewed and rejected are listed in the example.");
    println!("# Met as `paraphrase` (strength 0.7, below a synonym): they only ever help a passage carry a claim.");
    println!("# Same format as synonyms.tsv; after `#`, how many agree pairs had the pair.");
    for (a, d, x, y, sole) in seen.values() {
        let place = places.contains(&claimcheck::stem::stem(x)) || places.contains(&claimcheck::stem::stem(y));
        let kinds = matches!((kind(x), kind(y)), (Some(p), Some(q)) if p != q);
        let opposite = antonyms.opposites(x).any(|(k, _)| *k == key(y));
        let rejected = REJECTED.contains(&(x.as_str(), y.as_str())) || REJECTED.contains(&(y.as_str(), x.as_str()));
        if (*a >= min || *sole >= 1) && *d == 0 && x != y && !place && !kinds && !opposite && !rejected {
            println!("{x}, {y}  # {a}");
        }
    }
    Ok(())
}
