//! Substituted entities: the passage names another place where the claim names one.
//!
//! This module owns the rule for named places (countries and territories of
//! [`crate::names`]): a claim place the passage does not carry, where the
//! passage names a different place that the claim does not mention, in the
//! same slot (next to the passage words that carry the claim's other words),
//! contradicts the claim. The slot is next to the passage words that carry
//! the claim words on either side of the place. A passage that lacks the
//! place entirely, with no other place in its slot, only mentions the claim.
//!
//! Example: "حماية البحر المتوسط كما جرى بين إسرائيل وقبرص وتركيا" is
//! contradicted by "كما حدث بين إسرائيل وقبرص واليونان" (reason
//! `entity وتركيا vs واليونان`: the words as the claim and passage write them).

use crate::index::Term;
use crate::matching::{place_of, Alignment, Query};

/// How near (in tokens) the other place must be to the carried neighbours.
const SLOT_DISTANCE: usize = 2;

/// The entity reason for unit `ui`, if the passage names another place in its slot.
pub fn conflict(query: &Query, ui: usize, terms: &[Term], al: &Alignment) -> Option<String> {
    let u = &query.units[ui];
    let own = u.place?;
    let claimed: Vec<usize> = query.units.iter().filter_map(|v| v.place).collect();
    // The passage positions of the claim words next to this one.
    let carried: Vec<usize> = [ui.checked_sub(1), Some(ui + 1)]
        .into_iter()
        .flatten()
        .filter_map(|n| al.units.get(n).and_then(|m| m.as_ref()))
        .flat_map(|m| [m.first, m.last])
        .collect();
    terms.iter().enumerate().find_map(|(k, t)| {
        let other = place_of(t)?;
        let in_slot = carried.iter().any(|&c| c != k && c.abs_diff(k) <= SLOT_DISTANCE);
        (other != own && !claimed.contains(&other) && in_slot).then(|| format!("entity {} vs {}", u.label, t.norm))
    })
}

#[cfg(test)]
mod tests {
    use crate::index::{Index, Term};
    use crate::matching::{align, Glossary, Query};
    use crate::normalize::Charmap;
    use crate::sources::{Corpus, Source};
    use crate::stance::{antonyms::Antonyms, judge, Thresholds};
    use crate::verdict::Stance;

    fn run(claim: &str, passage: &str) -> crate::stance::Judgement {
        let c = Corpus {
            sources: vec![Source::new(
                "s".into(),
                "s.txt".into(),
                "s.txt".into(),
                format!("{passage}\nنص آخر عن الطقس\nالمغرب والجزائر"),
                Charmap::default(),
            )],
            ..Corpus::default()
        };
        let ix = Index::build(&c);
        let q = Query::new(claim, &Glossary::default(), &ix);
        let t = Term::analyze(passage, &Charmap::default());
        let al = align(&q, &t);
        judge(&q, &t, &al, &Antonyms::builtin(), &Thresholds::default())
    }

    #[test]
    fn another_country_in_the_slot_contradicts() {
        let j = run(
            "التعاون في حماية البحر المتوسط كما جرى بين إسرائيل وقبرص وتركيا",
            "والتعاون في حماية البحر المتوسط، كما حدث بين إسرائيل وقبرص واليونان.",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity وتركيا vs واليونان"]);
    }

    #[test]
    fn a_missing_country_alone_only_mentions() {
        let j = run(
            "اشترى المغرب منظومة براك من مصر",
            "اشترى المغرب منظومة الدفاع الجوي براك",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_country_the_claim_also_names_is_no_substitute() {
        let j = run(
            "زار وزير الخارجية الجزائري موسكو",
            "زار وزير الخارجية الجزائري موسكو والتقى نظيره الروسي",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }
}
