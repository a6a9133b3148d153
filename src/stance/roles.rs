//! Swapped roles: the claim's two names in each other's places.
//!
//! A passage that carries both of the claim's names (countries, cities,
//! people) and the word that relates them can still tell the reverse story:
//! who warned whom, who sends what to whom. Two signs are read, each
//! strict enough to leave paraphrases alone:
//!
//! - **order around the relation**: the claim says "A … C … B", the passage
//!   "B … C … A", where C is a claim word met as written or by its stem
//!   (not by a looser verb key: "سلم" and "تسلم", deliver and receive, share
//!   one, and their roles swap naturally);
//! - **direction markers**: in the claim one name comes "from" (من) or goes
//!   "to" (ل، الى) and the other does not, or the other way, and in the
//!   passage the markers are swapped.
//!
//! - **the subject put first**: the claim says "V A B" (the verb, then its
//!   subject A and its object B, as Arabic orders them), the passage "B …
//!   V A": B opens the clause as its topic and the verb, with no object
//!   pronoun on it, is followed by A, now its object ("الجزائر … إذ سبق أن
//!   اتهمت المغرب" against "اتهم المغرب الجزائر").
//!
//! - **two contrasted clauses**: the claim says "A P1, while B P2", the
//!   passage gives P1 to B and P2 to A around its own contrast (في حين،
//!   بينما): the names, or the clauses' words, changed sides of the
//!   contrast while the others kept theirs ("Moscow wants a political
//!   solution while Algeria backs certain factions" against "تحرص الأولى
//!   (الجزائر) على ... حل سياسي ... في حين تركز موسكو على دعم بعض الأطراف").
//!
//! Names are the places the tool knows (countries, cities) and, in a Latin
//! wording, capitalized words; Arabic personal names are not told apart
//! from other words, so "ميركل تحذر ترامب" against "ترامب يحذر ميركل" is
//! still missed.
//!
//! Example: "الصين تتحدى الولايات المتحدة بإجراءات جديدة" is contradicted by
//! "أميركا تتحدى الصين في إجراءات جديدة" (reason `roles الصين/الولايات
//! المتحده swapped`); "غاز قبرص لمصر" by "غاز مصري لقبرص".

use super::reason::Reason;
use crate::index::Term;
use crate::matching::{Alignment, Query, Unit, UnitKind};

/// Least strength of a match read as the same word (exact, stem, clitic).
const SAME_WORD: f64 = 0.9;

/// How far (in tokens) each name may stand from the relating word.
const NEAR: usize = 3;

/// Which way a name points in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    From,
    To,
}

/// The direction marker of the name of unit `u` whose first word is
/// `words[k]`: "من" before it (from), "الى" before it or ل on it (to: "لمصر",
/// "للولايات"; not the ل of لبنان, which is the name's own).
fn marker(words: &[&str], k: usize, u: &Unit) -> Option<Marker> {
    let w = words[k];
    let own = |rest: &str| {
        let stem = crate::stem::stem(rest);
        u.phrases
            .iter()
            .any(|p| p.tokens[0].norm == rest || p.tokens[0].stem == stem)
    };
    let to_clitic = w.strip_prefix("لل").is_some_and(|rest| own(&format!("ال{rest}")))
        || w.strip_prefix('ل')
            .is_some_and(|rest| rest.chars().count() >= 3 && own(rest));
    if to_clitic {
        return Some(Marker::To);
    }
    match k.checked_sub(1).map(|p| words[p]) {
        Some("من") => Some(Marker::From),
        Some("الي") => Some(Marker::To),
        // An English wording: "to" / "from" before a place, past an article
        // ("sold to Armenia", "from the United States").
        _ if u.place.is_some() => {
            let j = k.checked_sub(usize::from(k > 0 && words[k - 1] == "the") + 1)?;
            english_marker(words, j)
        }
        _ => None,
    }
}

/// The direction the English preposition `words[j]` gives the name after
/// it: not "to" in a compound preposition ("according to Israeli sources").
fn english_marker(words: &[&str], j: usize) -> Option<Marker> {
    const COMPOUND: [&str; 5] = ["according", "due", "owing", "close", "next"];
    match words[j] {
        "to" | "into" | "toward" | "towards" if j == 0 || !COMPOUND.contains(&words[j - 1]) => Some(Marker::To),
        "from" => Some(Marker::From),
        _ => None,
    }
}

/// The swapped-roles reason, if the passage holds the claim's two names in
/// each other's places.
pub fn conflict(query: &Query, terms: &[Term], al: &Alignment) -> Option<Reason> {
    // The claim's names the passage carries as written: (unit, passage first token).
    let names: Vec<(usize, usize)> = query
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.kind == UnitKind::Word && (u.place.is_some() || u.key))
        .filter_map(|(ui, _)| {
            let m = al.units[ui].as_ref()?;
            (m.strength >= SAME_WORD || m.how == crate::matching::How::Transliteration).then_some((ui, m.first))
        })
        .collect();
    let claim_words: Vec<&str> = query.tokens.iter().map(|t| t.norm.as_str()).collect();
    let passage_words: Vec<&str> = terms.iter().map(|t| &*t.norm).collect();
    for (i, &(a, pa)) in names.iter().enumerate() {
        for &(b, pb) in &names[i + 1..] {
            let (ua, ub) = (&query.units[a], &query.units[b]);
            if ua.place.is_some() && ua.place == ub.place || pa == pb {
                continue;
            }
            let (ca, cb) = (ua.at, ub.at);
            let reason = || Some(Reason::roles(&ua.label, &ub.label));
            // Direction markers swapped.
            let (ma, mb) = (marker(&claim_words, ca, ua), marker(&claim_words, cb, ub));
            if ma != mb {
                let (pma, pmb) = (marker(&passage_words, pa, ua), marker(&passage_words, pb, ub));
                if pma == mb && pmb == ma {
                    return reason();
                }
            }
            if topic_swapped(query, terms, al, (a, pa), (b, pb)) || contrast_swapped(query, terms, al, (a, pa), (b, pb))
            {
                return reason();
            }
            // Order around a relating word swapped.
            let (lo, hi) = (ca.min(cb), ca.max(cb));
            let claim_forward = ca < cb;
            let passage_forward = pa < pb;
            if claim_forward == passage_forward {
                continue;
            }
            let (plo, phi) = (pa.min(pb), pa.max(pb));
            // Both names stand next to the relating word on both sides (a
            // clause moved about, "رغم انسحاب واشنطن ..." put first, leaves
            // them far apart).
            let near = |x: usize, y: usize| x.abs_diff(y) <= NEAR;
            let related = query.units.iter().zip(&al.units).any(|(u, m)| {
                let Some(m) = m else { return false };
                !u.key
                    && u.place.is_none()
                    && u.at > lo
                    && u.at < hi
                    && m.strength >= SAME_WORD
                    && m.first > plo
                    && m.last < phi
                    && near(u.at, ca)
                    && near(u.at, cb)
                    && near(m.first, pa)
                    && near(m.last, pb)
            });
            if related {
                return reason();
            }
        }
    }
    None
}

/// Where a contrast between two clauses ("while", في حين، بينما) stands in
/// `words`: the index of its (last) word.
fn contrast_at(words: &[&str]) -> Vec<usize> {
    (0..words.len())
        .filter(|&k| match words[k] {
            "while" | "whereas" | "بينما" => true,
            "حين" => k > 0 && words[k - 1] == "في",
            _ => false,
        })
        .collect()
}

/// The "two contrasted clauses" sign: the claim's names A and B stand on
/// either side of its one contrast, and so do the passage's; every claim
/// word (not a name) the passage carries keeps to one side, and the words of
/// each claim clause are met on one side of the passage's contrast, at least
/// one per clause. The roles are swapped when the names changed sides and
/// the words did not, or the other way.
fn contrast_swapped(query: &Query, terms: &[Term], al: &Alignment, a: (usize, usize), b: (usize, usize)) -> bool {
    let claim_words: Vec<&str> = query.tokens.iter().map(|t| t.norm.as_str()).collect();
    let passage_words: Vec<&str> = terms.iter().map(|t| &*t.norm).collect();
    let (&[cc], &[pc]) = (&contrast_at(&claim_words)[..], &contrast_at(&passage_words)[..]) else {
        return false;
    };
    let (ca, cb) = (query.units[a.0].at, query.units[b.0].at);
    if (ca < cc) == (cb < cc) || (a.1 < pc) == (b.1 < pc) {
        return false;
    }
    let names_kept = (ca < cc) == (a.1 < pc);
    // Per claim clause (before, after the contrast): is each of its words
    // the passage carries before the passage's contrast?
    let mut sides: [Vec<bool>; 2] = [Vec::new(), Vec::new()];
    for (u, m) in query.units.iter().zip(&al.units) {
        let Some(m) = m else { continue };
        if u.key || u.place.is_some() || u.kind != UnitKind::Word || u.at == cc {
            continue;
        }
        if m.first < pc && m.last > pc {
            return false;
        }
        sides[usize::from(u.at > cc)].push(m.last < pc);
    }
    let one_side = |v: &[bool]| !v.is_empty() && v.iter().all(|&x| x == v[0]);
    if !one_side(&sides[0]) || !one_side(&sides[1]) || sides[0][0] == sides[1][0] {
        return false;
    }
    let words_kept = sides[0][0];
    names_kept != words_kept
}

/// Words before a name that make it no subject (a preposition).
const PREPOSITIONS: [&str; 8] = ["في", "من", "الي", "علي", "عن", "مع", "حول", "ضد"];

/// Object pronouns a verb may carry ("اتهمها": the fronted name is its object).
const OBJECT_PRONOUNS: [&str; 4] = ["ها", "هم", "هما", "ه"];

/// The "subject put first" sign: the claim orders verb, A, B (A right after
/// the verb, B right after A); the passage puts B first, before the same
/// verb (met as written or by its stem, carrying no object pronoun), which
/// A follows right away. B in the passage must stand bare (the claim's own
/// form, not after a preposition): "في الجزائر اتهم المغرب …" keeps the
/// roles.
fn topic_swapped(query: &Query, terms: &[Term], al: &Alignment, a: (usize, usize), b: (usize, usize)) -> bool {
    let check = |(s, ps): (usize, usize), (o, po): (usize, usize)| {
        let (us, uo) = (&query.units[s], &query.units[o]);
        let Some((v, vm)) = query
            .units
            .iter()
            .zip(&al.units)
            .find(|(u, m)| u.predicate && m.is_some() && u.at + 1 == us.at)
            .and_then(|(u, m)| m.as_ref().map(|m| (u, m)))
        else {
            return false;
        };
        let verb_word = &*terms[vm.first].norm;
        let object_pronoun = OBJECT_PRONOUNS
            .iter()
            .any(|p| verb_word.strip_suffix(p).is_some_and(|rest| rest.chars().count() >= 3));
        let bare = uo
            .phrases
            .iter()
            .any(|p| p.tokens.len() == 1 && *terms[po].norm == *p.tokens[0].norm);
        let after_preposition = po > 0 && PREPOSITIONS.contains(&&*terms[po - 1].norm);
        v.at + 1 == us.at
            && us.at + 1 == uo.at
            && vm.strength >= SAME_WORD
            && vm.first == vm.last
            && po < vm.first
            && vm.first + 1 == ps
            && !object_pronoun
            && bare
            && !after_preposition
    };
    check(a, b) || check(b, a)
}

#[cfg(test)]
mod tests {
    use crate::stance::judged as run;
    use crate::verdict::Stance;

    #[test]
    fn who_challenges_whom() {
        // ANS train (disagree).
        let j = run(
            "الصين تتحدى الولايات المتحدة بإجراءات جديدة",
            "أميركا تتحدى الصين في إجراءات جديدة",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["roles الصين/الولايات المتحده swapped"]);
    }

    #[test]
    fn from_and_to_swapped() {
        // ANS train (disagree).
        let j = run(
            "طلب خاص من كوريا الجنوبية للولايات المتحدة",
            "طلب خاص من الولايات المتحدة لكوريا الجنوبية",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run("غاز قبرص لمصر بلا عوائق", "غاز مصري لقبرص بلا عوائق");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn the_subject_put_first() {
        // Seeds 003 lines 149-150: Algeria accused Morocco, not the reverse.
        let passage = "وجب السؤال عن موقف الجزائر مما يحدث، فهي طرف مهم في المعادلة، إذ سبق أن اتهمت المغرب بفتح أبوابه أمام الكيان الإسرائيلي واستهداف استقرارها";
        let j = run(
            "اتهم المغرب الجزائر بفتح أبوابها أمام إسرائيل واستهداف استقراره",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["roles المغرب/الجزائر swapped"]);
        // Traps: the claim in the passage's order, a fronted object with its
        // pronoun on the verb, a place after a preposition.
        let j = run(
            "اتهمت الجزائر المغرب بفتح أبوابه أمام إسرائيل واستهداف استقرارها",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        let j = run(
            "اتهم المغرب الجزائر بدعم جبهة البوليساريو",
            "أما الجزائر فقد اتهمها المغرب بدعم جبهة البوليساريو",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run(
            "اتهم المغرب الجزائر بدعم جبهة البوليساريو",
            "وفي رد على الجزائر اتهم المغرب جارته بدعم جبهة البوليساريو",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn two_contrasted_clauses_swapped() {
        // Seeds 002 line 31: Algeria wants a political solution in Libya,
        // Moscow backs some Libyan parties.
        let passage = "وتختلف وجهات نظر الجزائر وروسيا أيضا بشأن بعض جوانب الأزمة الليبية، اذ تحرص الأولى على التوصل إلى حل سياسي للأزمة، في حين تركز موسكو على دعم بعض الأطراف الليبية";
        let j = run(
            "تحرص موسكو على حل سياسي للأزمة الليبية في حين تدعم الجزائر بعض الأطراف",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["roles موسكو/الجزائر swapped"]);
        let j = run(
            "الجزائر تدعم بعض الأطراف الليبية في حين تحرص موسكو على حل سياسي للأزمة",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Traps: the passage's own roles, in its order and the other way round.
        let j = run(
            "تحرص الجزائر على حل سياسي للأزمة الليبية في حين تدعم موسكو بعض الأطراف",
            passage,
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run(
            "تدعم موسكو بعض الأطراف الليبية في حين تحرص الجزائر على حل سياسي للأزمة",
            passage,
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn the_same_roles_in_another_order_agree() {
        // Traps: the same story told from the other end, or two names side by
        // side, or deliver / receive (one verb key, roles swap naturally).
        let j = run(
            "وقع المغرب وإسرائيل اتفاقا دفاعيا",
            "وقعت إسرائيل والمغرب اتفاقا دفاعيا",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        let j = run(
            "زار وزير الدفاع الإسرائيلي المغرب في زيارة رسمية",
            "المغرب يستقبل وزير الدفاع الإسرائيلي في زيارة رسمية",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run(
            "ستسلم روسيا الجزائر منظومة الصواريخ",
            "الجزائر تتسلم من روسيا منظومة الصواريخ",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // ANS train (agree): a clause moved to the front.
        let j = run(
            "الاتفاق النووي مع إيران لم يمت رغم انسحاب واشنطن",
            "رغم انسحاب واشنطن من الاتفاق النووى فأنه لم يمت مع إيران",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }
}
