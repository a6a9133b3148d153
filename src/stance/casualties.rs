//! Casualties denied: a passage that says an attack or accident left no
//! victims ("دون وقوع ضحايا", "بدون قتلى") denies a claim that it killed or
//! wounded people ("مقتل 200 في هجمات تفجيرية في السويداء").
//!
//! This module owns the casualty words and the passage's denial of them: a
//! negation particle (دون، بدون، بلا، لا، عدم) followed, within
//! [`REACH`] words, by a casualty word. Against a claim with a casualty
//! word, the claim's casualty units and the counts next to them (a number,
//! العشرات) are what the passage denies: they count as carried when the
//! passage is weighed for a contradiction (reason `casualties دون ضحايا`),
//! and the denial meets the lower gate, as a negation of the predicate does.
//! Learned from the ANS train split (31 pairs with such a phrase: 30
//! disagree, and one agree pair whose claim says قتلى where its passage
//! says دون سقوط ضحايا).

use crate::index::Term;
use crate::matching::{Query, UnitKind};

/// Casualty words (folded, with or without ال and a clitic letter).
const CASUALTIES: &[&str] = &[
    "مقتل",
    "قتيل",
    "قتيلا",
    "قتلي",
    "قتلا",
    "مصرع",
    "ضحايا",
    "ضحيه",
    "جرحي",
    "جريح",
    "اصابه",
    "اصابات",
    "وفيات",
    "خسائر",
    "مصابين",
    "مصابا",
];

/// Counts that stand for a number of victims.
const COUNTS: &[&str] = &["عشرات", "مئات", "الكثير", "العديد", "الاف", "بعض"];

/// Negation particles that deny what follows them.
const NEGATORS: &[&str] = &["دون", "بدون", "بلا", "لا", "عدم", "ولا"];

/// How many words after the particle the casualty word may stand ("دون
/// وقوع ضحايا", "بدون سقوط أي قتلى").
pub const REACH: usize = 3;

/// The word without ال or a leading clitic letter.
fn bare(word: &str) -> &str {
    let w = word
        .strip_prefix(['و', 'ب', 'ل', 'ف'])
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(word);
    w.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(w)
}

pub(crate) fn is_casualty(word: &str) -> bool {
    CASUALTIES.contains(&word) || CASUALTIES.contains(&bare(word))
}

/// The passage's denial of casualties ("دون وقوع ضحايا"), as written.
fn denial(terms: &[Term]) -> Option<String> {
    terms.iter().enumerate().find_map(|(i, t)| {
        if !NEGATORS.contains(&t.norm.as_str()) {
            return None;
        }
        let end = (i + 1 + REACH).min(terms.len());
        let k = (i + 1..end).find(|&k| is_casualty(&terms[k].norm))?;
        Some(
            terms[i..=k]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    })
}

/// The claim units the passage denies (its casualty words, and the counts
/// next to them), with the passage's words, when the claim reports
/// casualties and the passage denies any. None otherwise.
pub fn denied(query: &Query, terms: &[Term]) -> Option<(Vec<usize>, String)> {
    let victims: Vec<usize> = (0..query.units.len())
        .filter(|&ui| {
            let u = &query.units[ui];
            u.kind == UnitKind::Word && is_casualty(&query.tokens[u.at].norm)
        })
        .collect();
    if victims.is_empty() {
        return None;
    }
    let words = denial(terms)?;
    let near = |ui: usize| {
        victims
            .iter()
            .any(|&v| query.units[v].at.abs_diff(query.units[ui].at) <= 2)
    };
    let units = (0..query.units.len())
        .filter(|&ui| {
            let u = &query.units[ui];
            victims.contains(&ui)
                || (near(ui) && (u.kind == UnitKind::Number || COUNTS.contains(&bare(&query.tokens[u.at].norm))))
        })
        .collect();
    Some((units, words))
}

#[cfg(test)]
mod tests {
    use crate::stance::judged as run;
    use crate::verdict::Stance;

    #[test]
    fn no_victims_contradicts_a_death_toll() {
        // ANS train (disagree): the passage says the attacks killed no one.
        let claim = "مقتل 200 فى هجمات تفجيرية فى السويداء";
        let j = run(claim, "هجمات تفجيرية فى السويداء دون وفوع ضحايا");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("casualties ")), "{j:?}");
        // Trap: the same attacks, no word on victims.
        let j = run(claim, "هجمات تفجيرية فى السويداء");
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn no_victims_says_nothing_against_a_claim_without_them() {
        // ANS train: a claim about the attack alone is not denied by "no victims".
        let j = run("هجوم مسلح شمال غربي تونس", "هجوم مسلح شمال غربي تونس دون وقوع ضحايا");
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn counts_of_victims_are_denied_with_them() {
        // ANS train (disagree): "dozens of civilians killed" against "no dead".
        let j = run(
            "مقتل عشرات المدنيين في هجمات جوية جنوبي سوريا",
            "هجمات جوية جنوبي سوريا دون وقوع قتلى",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }
}
