//! Timeless denials: a passage that denies an event for all time denies it
//! at the time the claim gives.
//!
//! This module owns the claim's time adjunct (the words from a temporal
//! preposition that follows its predicate, or its first content word when
//! no predicate is marked: بعد، قبل، منذ، خلال، عقب، إثر /
//! after, before, since, during, following) and the passage's all-time
//! marker (منذ قيامها، منذ تأسيسها، منذ نشأتها، أبدا، قط / never) near the
//! words that carry the claim's predicate. A negation over the predicate
//! with such a marker ("عدم انقطاع العلاقات بين الطرفين منذ قيامها": the
//! ties were never cut since they began) covers the adjunct ("cut its ties
//! with Israel after the second intifada"): its words count as carried when
//! the passage is weighed for a contradiction, and the names and numbers in
//! it need not be carried (reason `timeless منذ قيامها`). Without a negation
//! nothing changes: the marker lifts no passage to support.

use crate::index::Term;
use crate::matching::{Alignment, Query};

/// Temporal prepositions (folded) that open a claim's time adjunct.
pub(crate) const TEMPORAL: &[&str] = &[
    "بعد",
    "قبل",
    "منذ",
    "خلال",
    "عقب",
    "اثر",
    "ابان",
    "after",
    "before",
    "since",
    "during",
    "following",
];

/// Words (folded, as they start) that, after منذ, say "since it began".
const BEGINNINGS: &[&str] = &["قيام", "تاسيس", "نشات", "نشاه", "نشوء", "بدايه", "البدايه", "انشاء"];

/// Words (folded) that alone say "ever" / "never".
const EVER: &[&str] = &["ابدا", "قط", "مطلقا", "never", "ever"];

/// How far (in tokens) after the predicate's words the marker may stand;
/// before them, half as far.
const MARKER_REACH: usize = 6;

/// The claim units of its time adjunct, when the passage carries the
/// claim's predicate with an all-time marker near it; with the marker as
/// the passage writes it. None otherwise.
pub fn adjunct(query: &Query, terms: &[Term], al: &Alignment) -> Option<(Vec<usize>, String)> {
    // The predicate, or (when none is marked: "broke off") the claim's
    // first content word that is no name or number.
    let pi = query.units.iter().position(|u| u.predicate).or_else(|| {
        query
            .units
            .iter()
            .position(|u| !u.key && u.kind == crate::matching::UnitKind::Word)
    })?;
    let pm = al.units[pi].as_ref()?;
    let pred_at = query.units[pi].at;
    let prep = (pred_at + 1..query.tokens.len()).find(|&k| TEMPORAL.contains(&query.tokens[k].norm.as_str()))?;
    // From the preposition on ("after" may be a unit of its own).
    let units: Vec<usize> = (0..query.units.len())
        .filter(|&ui| query.units[ui].at >= prep)
        .collect();
    if units.is_empty() {
        return None;
    }
    let lo = pm.first.saturating_sub(MARKER_REACH / 2);
    let hi = (pm.last + MARKER_REACH).min(terms.len().saturating_sub(1));
    let marker = (lo..=hi).find_map(|k| {
        let w = &*terms[k].norm;
        if EVER.contains(&w) {
            return Some(w.to_string());
        }
        let next = terms.get(k + 1)?;
        (w == "منذ" && BEGINNINGS.iter().any(|b| next.norm.starts_with(b))).then(|| format!("{w} {}", &*next.norm))
    })?;
    Some((units, marker))
}

#[cfg(test)]
mod tests {
    use crate::stance::judged as run;
    use crate::verdict::Stance;

    /// Seeds 003 line 37 (its digits decoded).
    const NEVER_CUT: &str = "يرجع هذا التصاعد الكبير كما قلنا من البداية إلى عدم انقطاع العلاقات بين الطرفين منذ قيامها، كبر جالية يهودية في شمال إفريقيا بالمغرب، إذ يبلغ عددها نحو 3 آلاف شخص، فيما يعيش نحو 700 ألف يهودي من أصل مغربي في إسرائيل.";

    #[test]
    fn a_denial_since_the_beginning_covers_the_claims_time() {
        // seeds-tune3 rabat-cut-israel-ties-intifada (gold disputed: 001
        // line 21 supports it, this line contradicts it).
        let j = run(
            "قطعت الرباط علاقاتها مع إسرائيل بعد اندلاع الانتفاضة الفلسطينية الثانية عام 2000",
            NEVER_CUT,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("timeless ")), "{j:?}");
    }

    #[test]
    fn the_marker_without_a_negation_does_not_support() {
        // Trap: the same line with the negation taken out says the ties
        // were cut since they began; that is not the claim's time.
        let passage = NEVER_CUT.replace("عدم ", "");
        let j = run(
            "قطعت الرباط علاقاتها مع إسرائيل بعد اندلاع الانتفاضة الفلسطينية الثانية عام 2000",
            &passage,
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_denial_without_the_marker_keeps_the_claims_time() {
        // Trap: a plain denial ("ties were not cut") of a claim dated by
        // another event only covers the claim when it carries that event.
        let passage = NEVER_CUT.replace(" منذ قيامها", "");
        let j = run(
            "قطعت الرباط علاقاتها مع إسرائيل بعد اندلاع الانتفاضة الفلسطينية الثانية عام 2000",
            &passage,
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }
}
