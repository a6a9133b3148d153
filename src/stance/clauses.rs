//! Clauses: a claim's name met only across a contrast from its predicate.
//!
//! This module owns the rule that a passage supports a claim only if the
//! person it names does what the claim says in the same clause. A sentence
//! that sets two people against each other ("signed under the former
//! president Biden, **but** the current president Trump...") carries both
//! names; a claim that puts the second in the first one's clause ("signed
//! under Trump") is met word for word, yet the passage says otherwise. So a
//! claim name (a key word that is neither a place nor a number, met as
//! written or through transliteration) whose passage match lies on the
//! other side of a contrast opener ([`CONTRAST`]: لكن، بينما، في حين، غير أن،
//! إلا أن; after a comma also the additive كما, which opens a clause with its
//! own verb) from the passage's match of the claim's predicate keeps the
//! passage from supporting: it only mentions the claim (reason
//! `clause ترامب across لكن`).
//!
//! Example (seeds 002 line 49): "The Algerian-American memorandum of
//! cooperation was signed under President Donald Trump" against "مذكرة
//! التعاون التي تم توقيعها في عهد الرئيس الأميركي السابق جو بايدن، لكن موقف
//! الرئيس الحالي دونالد ترامب..." mentions; the same passage still supports
//! the claim with Joe Biden, whose name is in the predicate's clause.

use crate::index::Term;
use crate::matching::{Alignment, How, Query, UnitKind};

/// One-word contrast openers (folded).
const CONTRAST: &[&str] = &["لكن", "ولكن", "لكنه", "لكنها", "بينما", "وبينما"];

/// Two-word contrast openers (folded): "في حين", "غير أن", "إلا أن".
const CONTRAST_PAIRS: &[(&str, &str)] = &[
    ("في", "حين"),
    ("وفي", "حين"),
    ("غير", "ان"),
    ("الا", "ان"),
    ("غير", "انه"),
    ("الا", "انه"),
];

/// Additive openers (folded) that, after a clause break, start a clause with
/// its own verb and subject: "وقع اتفاقا ...، كما سبق أن استقبل المغرب ...
/// يائير لبيد" (seeds 003 lines 68-71: Gantz signed; Lapid was received).
const ADDITIVE: &[&str] = &["كما", "وكما"];

/// Whether token `k` opens a contrasting clause, or an additive one after a
/// clause break.
fn contrast_at(terms: &[Term], k: usize) -> bool {
    let w = &*terms[k].norm;
    CONTRAST.contains(&w)
        || (terms[k].brk && ADDITIVE.contains(&w))
        || terms
            .get(k + 1)
            .is_some_and(|n| CONTRAST_PAIRS.iter().any(|&(a, b)| a == w && b == &*n.norm))
}

/// The clause reason, if a claim name is met only across a contrast from
/// the claim's predicate.
pub fn apart(query: &Query, terms: &[Term], al: &Alignment) -> Option<String> {
    let (_, pred) = query
        .units
        .iter()
        .zip(&al.units)
        .find(|(u, _)| u.predicate)
        .and_then(|(u, m)| m.as_ref().map(|m| (u, m)))?;
    query.units.iter().zip(&al.units).find_map(|(u, m)| {
        let m = m.as_ref()?;
        let name = u.key
            && !u.predicate
            && u.kind == UnitKind::Word
            && u.place.is_none()
            && matches!(m.how, How::Exact | How::Stem | How::Transliteration);
        if !name {
            return None;
        }
        let (lo, hi) = if m.first > pred.last {
            (pred.last + 1, m.first)
        } else if pred.first > m.last {
            (m.last + 1, pred.first)
        } else {
            return None;
        };
        (lo..hi).find(|&k| contrast_at(terms, k)).map(|k| {
            format!(
                "clause {} across {}",
                terms[m.first].norm.as_str(),
                terms[k].norm.as_str()
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::matching::{align, Glossary, Query};
    use crate::stance::{judge, one_source_index, Judgement, Thresholds};
    use crate::verdict::Stance;

    /// Seeds 002 line 49.
    const MEMO: &str = "وتعكس تصريحات بوقادوم رغبة جزائرية في تعزيز التعاون العسكري مع الولايات المتحدة وقد أسست لذلك من خلال مذكرة التعاون التي تم توقيعها في عهد الرئيس الأميركي السابق جو بايدن، لكن موقف الرئيس الحالي دونالد ترامب العائد للبيت الأبيض بخطة تقطع مع عدة قرارات اتخذتها الإدارة السابقة، لم يتضح بعد في الوقت الذي يواصل فيه دعم المغرب وجهود الاعتراف بمغربية الصحراء وهو أحد أكبر الخلافات بين الجزائر والرباط.";

    /// An English claim judged on `passage` through a small dictionary.
    fn judged(claim: &str, passage: &str) -> Judgement {
        let (_dir, lex) = crate::matching::tests::lexicon(&[
            ("memorandum", "مذكرة"),
            ("cooperation", "التعاون"),
            ("signed", "توقيع، وقع"),
            ("president", "الرئيس"),
            ("former", "السابق"),
            ("joe", "جو"),
            ("agreement", "اتفاق"),
        ]);
        let ix = one_source_index(format!("{passage}\nنص آخر عن الطقس\nالمغرب والجزائر"));
        let q = Query::with_lexicon(claim, &Glossary::default(), Some(&lex), &ix);
        let t = crate::index::Term::analyze(passage, &crate::normalize::Charmap::default());
        let al = align(&q, &t);
        judge(
            &q,
            &t,
            &al,
            &crate::stance::antonyms::Antonyms::builtin(),
            &Thresholds::default(),
        )
    }

    #[test]
    fn a_name_across_but_does_not_support() {
        // english-tune5 en5-memo-signed-under-trump (gold contradicted).
        let j = judged(
            "The Algerian-American memorandum of cooperation was signed under President Donald Trump.",
            MEMO,
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("clause ")), "{j:?}");
    }

    #[test]
    fn the_name_in_the_predicates_clause_still_supports() {
        // Trap: the same passage, the claim naming the president of the
        // signing clause; the contrast comes after both.
        let j = judged(
            "The memorandum of cooperation was signed under former President Joe Biden.",
            MEMO,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    /// Seeds 003 lines 68-71, in reading order (the PDF breaks وزير).
    const RECEIVED: &str = "فقد استقبل المغرب في نوفمبر 2021 وزير الدفاع الإسرائيلي بيني غانتس الذي وقع اتفاقا بشأن التعاون الأمني بين الطرفين، كما سبق أن استقبل المغرب مستشارا للأمن الإسرائيلي ووزير الخارجية يائير لبيد.";

    #[test]
    fn a_name_in_an_additive_clause_after_a_comma_does_not_support() {
        // english-tune6 en6-lapid-signed-security-deal (gold contradicted):
        // Gantz signed; Lapid is named in the next clause (، كما ...).
        let j = judged(
            "Yair Lapid signed a security cooperation agreement in Morocco.",
            RECEIVED,
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("clause ")), "{j:?}");
        // Trap: the name in the signing clause still supports.
        let j = judged(
            "Benny Gantz signed a security cooperation agreement in Morocco.",
            RECEIVED,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_contrast_before_both_is_no_boundary() {
        // Trap: "لكن" opens the passage; name and verb share its clause.
        let j = judged(
            "President Donald Trump signed the memorandum of cooperation.",
            "لكن الرئيس دونالد ترامب وقع مذكرة التعاون مع الجزائر",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }
}
