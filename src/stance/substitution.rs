//! Substituted words: another word of the same kind in the claim word's slot.
//!
//! This module owns the lexicon of kinds (`data/kinds.tsv`: people, time
//! units, colours, currencies, commodities, faiths, weapons...: words that
//! exclude each other) and the rule that reads it; the named places of
//! [`super::entities`] have their own. A claim word of a kind that the
//! passage does not carry anywhere, where the passage holds another member
//! of the same kind next to the passage words that carry the claim words
//! on either side, tells of something else and contradicts the claim
//! ("girls vs youths"). A passage that lacks the word with nothing of its
//! kind in its slot only mentions the claim.
//!
//! Ordinary words outside the lexicon are left alone: measured on the
//! seeds, a word in another word's slot is a paraphrase far more often
//! than another fact (budget / spending, encourage / motivate); on ANS
//! headline pairs it is the reverse, which only a thesaurus could tell.
//!
//! Example: "هل النساء أكثر سعادة من الرجال" is contradicted by "هل الأطفال
//! أكثر سعادة من الرجال" (reason `substituted النساء vs الاطفال (people)`).

use super::reason::Reason;
use crate::index::Term;
use crate::matching::{Alignment, QTok, Query, UnitKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The built-in lexicon of kinds.
pub const BUILTIN: &str = include_str!("../../data/kinds.tsv");

/// How near (in tokens) the other word must be to the carried neighbours.
const SLOT_DISTANCE: usize = 3;

/// A member of a kind: (kind name, member number).
type Member = (&'static str, usize);

/// The kinds lexicon: stem → member. Stems two members share are left out.
fn lexicon() -> &'static HashMap<String, Member> {
    static M: OnceLock<HashMap<String, Member>> = OnceLock::new();
    M.get_or_init(|| parse(BUILTIN).0)
}

/// Parses kinds TSV: the stem map and the stems found in two members.
fn parse(tsv: &'static str) -> (HashMap<String, Member>, Vec<String>) {
    let mut map: HashMap<String, Member> = HashMap::new();
    let mut ambiguous = Vec::new();
    for (n, line) in tsv.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((kind, words)) = line.split_once('\t') else {
            continue;
        };
        for w in words.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let word = crate::normalize::normalize(w);
            // The bare and the defined form (the stemmer may read a bare
            // first letter as a clitic it keeps after the article).
            let stems = [Some(QTok::new(&word).stem), super::entities::with_article(&word)];
            for stem in stems.into_iter().flatten() {
                match map.get(&stem) {
                    Some(&(_, m)) if m != n => ambiguous.push(stem),
                    _ => {
                        map.insert(stem, (kind.trim(), n));
                    }
                }
            }
        }
    }
    for s in &ambiguous {
        map.remove(s);
    }
    (map, ambiguous)
}

/// The member of a kind a stem names, if any.
fn member(stem: &str) -> Option<Member> {
    lexicon().get(stem).copied()
}

/// The member a word names: by its stem, or by `bare`, the stem of the word
/// without a clitic letter the stemmer kept on a short word ("بقتل" → قتل;
/// [`QTok::bare`], [`crate::sym::Form::bare`]).
fn member_of(stem: &str, bare: Option<&str>) -> Option<Member> {
    member(stem).or_else(|| bare.and_then(member))
}

/// [`member_of`] a passage word.
fn term_member(t: &Term) -> Option<Member> {
    member_of(&t.stem, t.norm.form().bare.as_deref())
}

/// [`member_of`] a claim word.
fn token_member(t: &QTok) -> Option<Member> {
    member_of(&t.stem, t.bare.as_deref())
}

/// The member of a kind a stem names (its line in the lexicon), if any.
#[cfg(test)]
pub(crate) fn member_line(stem: &str) -> Option<usize> {
    member(stem).map(|(_, m)| m)
}

/// The kind a stem names (`month`, `people`...), if any.
pub fn kind_of(stem: &str) -> Option<&'static str> {
    member(stem).map(|(k, _)| k)
}

/// The substitution reason for unit `ui`, if the passage holds another word
/// of its kind in its slot.
pub fn conflict(query: &Query, ui: usize, terms: &[Term], al: &Alignment) -> Option<Reason> {
    let u = &query.units[ui];
    if u.kind != UnitKind::Word || al.units[ui].is_some() || u.place.is_some() || u.phrases[0].tokens.len() != 1 {
        return None;
    }
    let tok = &u.phrases[0].tokens[0];
    let (kind, own) = token_member(tok)?;
    // The passage carries the claim's word somewhere (in another clause, or
    // in a form the alignment did not take): no substitution.
    if terms.iter().any(|t| term_member(t).is_some_and(|(_, m)| m == own)) {
        return None;
    }
    // Members the claim names itself ("women and children") are not substitutes.
    let claimed: Vec<usize> = query.tokens.iter().filter_map(token_member).map(|(_, m)| m).collect();
    // Passage positions of the claim words next to this one, and of every claim word.
    let carried = super::slot_anchors(al, ui);
    let covered = |k: usize| al.units.iter().flatten().any(|m| m.first <= k && k <= m.last);
    terms.iter().enumerate().find_map(|(k, t)| {
        let (other_kind, other) = term_member(t)?;
        let in_slot = carried.iter().any(|&c| c != k && c.abs_diff(k) <= SLOT_DISTANCE);
        (other_kind == kind && other != own && !claimed.contains(&other) && in_slot && !covered(k))
            .then(|| Reason::substituted(&u.label, &t.norm, kind))
    })
}

/// Whether claim unit `ui`, a month the passage does not carry, is the
/// month of a date whose day (the claim's number right before it) the
/// passage carries right before another month: "في 22 مارس" against
/// "الموقّع في 22 يناير" (seeds 002 line 45). The passage then gives the
/// same event another date, so the month counts as carried where the
/// contradiction's share of the claim is read.
pub fn another_month_of_the_day(query: &Query, ui: usize, terms: &[Term], al: &Alignment) -> bool {
    let u = &query.units[ui];
    let Some((kind, own)) = u.phrases.first().and_then(|p| p.tokens.first()).and_then(token_member) else {
        return false;
    };
    let Some(di) = ui.checked_sub(1) else {
        return false;
    };
    let day = &query.units[di];
    kind == "month"
        && u.kind == UnitKind::Word
        && al.units[ui].is_none()
        && day.kind == UnitKind::Number
        && day.at + 1 == u.at
        && al.units[di].as_ref().is_some_and(|m| {
            terms
                .get(m.last + 1)
                .and_then(term_member)
                .is_some_and(|(k, other)| k == kind && other != own)
        })
}

/// Whether an Arabic word carries the article (ال, لل, بال, وال): a
/// defined noun or adjective. Verbs and bare nouns in another word's slot
/// are paraphrases far more often (ANS train: يغادر / يرحل, سنوات / أعوام).
fn definite(norm: &str) -> bool {
    ["ال", "لل", "بال", "وال"].iter().any(|p| norm.starts_with(p))
}

/// A claim word the passage replaces with another: the word is not
/// carried, the claim words on both sides of it are, in order, and between
/// them (past stop words) the passage holds exactly one word that carries
/// nothing of the claim, both words with the article ("الممثل الراحل جميل
/// راتب" against "المغني الراحل جميل راتب"; at the claim's first or last
/// word, the passage's first or last word).
/// Outside the lexicon of kinds this may be a paraphrase as well as
/// another fact: it only keeps the passage from supporting the claim.
pub fn replaced(query: &Query, terms: &[Term], al: &Alignment) -> Option<String> {
    (0..query.units.len()).find_map(|ui| {
        let k = slot_word(query, terms, al, ui)?;
        let u = &query.units[ui];
        // A head word before a nationality often stands for the country
        // ("الجيش الإسرائيلي" for "الكيان الإسرائيلي", seeds 003 line 58).
        if query.units.get(ui + 1).is_some_and(|v| v.place.is_some()) {
            return None;
        }
        let t = &terms[k];
        (definite(&u.phrases[0].tokens[0].norm) && definite(&t.norm))
            .then(|| format!("replaced {} vs {}", u.label, &*t.norm))
    })
}

/// A headline that is the claim with one word replaced: the passage
/// ([`super::headline::headline_like`]) carries every claim
/// unit but `ui`, in the claim's order, and holds one content word of its
/// own, alone in `ui`'s slot ([`slot_word`]). The claim word is a one-word
/// unit of three letters or more, no place (the name tables read those),
/// and the two words share no stem, verb key or root (another derivation
/// says the same thing: سنرحل / بالرحيل). The passage then tells the same
/// story of something else or something otherwise: "تعديلات ضريبية
/// فلسطينية لتحسين الإيرادات" against "تعديل ضريبي فلسطيني لخفض
/// الإيرادات", "ديزني تخطط لسلسلة جديدة ..." against "سوني تخطط ...",
/// "وفاة المؤلف ..." against "مقتل المؤلف ..." (ANS train, disagree).
/// ANS headlines rewritten against a story are made so; an agreeing
/// rewrite says the claim in its own words and order. In ANS train, of
/// the pairs so made, 156 disagree and 3 agree (ما / تعرف, يتوج / يفوز,
/// سنرحل / بالرحيل before the derivation test); reordered ones are 9
/// disagree and 7 agree, and are left alone.
pub fn one_word_swapped(query: &Query, ui: usize, terms: &[Term], al: &Alignment) -> Option<Reason> {
    if !super::headline::headline_like(terms) {
        return None;
    }
    let u = &query.units[ui];
    let tok = u.phrases[0].tokens.first()?;
    if u.place.is_some() || tok.norm.chars().count() < 3 || !crate::stem::is_arabic(&tok.norm) {
        return None;
    }
    let lacking = al.units.iter().filter(|m| m.is_none()).count();
    if lacking != 1 || al.units[ui].is_some() {
        return None;
    }
    let k = slot_word(query, terms, al, ui)?;
    // Another word of the claim word's kind is read by [`conflict`], which
    // names the kind.
    if conflict(query, ui, terms, al).is_some() {
        return None;
    }
    let firsts: Vec<usize> = al.units.iter().flatten().map(|m| m.first).collect();
    if !firsts.windows(2).all(|w| w[0] < w[1]) || super::headline::stray_words(terms, al, &[]) != 1 {
        return None;
    }
    let t = &terms[k];
    let t_bare = t.norm.form().bare;
    let same = |a: &str| *t.stem == *a || t.root.is_some_and(|r| *r == *a) || t_bare.is_some_and(|b| *b == *a);
    let related = same(&tok.stem)
        || tok.root.as_deref().is_some_and(same)
        || tok.bare.as_deref().is_some_and(same)
        || matches!((&tok.deriv, crate::stem::derivation(&t.norm)), (Some(a), Some(b)) if a.root == b.root);
    // One owner's thing said in another word is as often the same thing:
    // "قررت الجزائر مضاعفة إنفاقها الدفاعي" says "... مضاعفة ميزانيتها
    // الدفاعية" (seeds 004 line 13, seeds-tune, supported). Only the
    // pronouns a folded word cannot end in otherwise (ه is also ة folded).
    let owned = |w: &str| ["ها", "هم", "هما"].iter().find(|p| w.ends_with(*p));
    let same_owner = owned(&tok.norm).is_some_and(|p| owned(&t.norm) == Some(p));
    (!related && !same_owner).then(|| Reason::swapped(&u.label, &t.norm))
}

/// Words that ask rather than tell (folded): a headline that puts the
/// claim as a question, or bids the reader learn it ("تعرف على"), tells
/// the same story.
const QUESTION_WORDS: &[&str] = &[
    "كيف",
    "ما",
    "ماذا",
    "لماذا",
    "هل",
    "متي",
    "اين",
    "تعرف",
    "تعرفوا",
    "تعرفي",
];

/// A headline that is the claim with two adjacent claim words replaced by
/// one word of its own (see [`one_word_swapped`] for one word by one): the
/// passage ([`super::headline::HEADLINE_WORDS`] words at most, the claim in
/// Arabic) carries every other claim unit in the claim's order, the two
/// lacking units are words (no number, no place) and its one stray content
/// word stands between the carried units around them, sharing no stem,
/// root or derivation with either. "تكشف عن صراعها مع القلق النفسي" against
/// "... مع السرطان", "الأمم المتحدة تطالب مصر ..." against "روسيا تطالب مصر
/// ...", "مجلس الأمن يؤجل التصويت على الهدنة" against "مجلس الأمن يصوت على
/// الهدنة" (ANS train, disagree). Not when either side asks
/// ([`QUESTION_WORDS`]: "كيف بدت ردود الفعل ..." against "تعرف على ردود
/// الأفعال ...", agree). In ANS train this turns 13 disagree pairs to
/// `disagree` (8 judged `agree` before, 5 `other`) and 3 agree pairs (an
/// idiom said in one verb: "يرفع راية الإصلاح" / "يسعى لإصلاحات"; "بسوء
/// السلوك" / "بالتحرش"); one word by two (+1 / −1), two by two (+4 / −5),
/// words dropped (two: +2 / −3) or one added (+3 / −19) turn as many agree
/// pairs as disagree ones and are left alone. Returns the lacking units and
/// the reason.
pub fn span_swapped(query: &Query, terms: &[Term], al: &Alignment) -> Option<(Vec<usize>, Reason)> {
    if terms.len() > super::headline::HEADLINE_WORDS || query.units.iter().any(|u| !crate::stem::is_arabic(&u.label)) {
        return None;
    }
    let lacking: Vec<usize> = (0..query.units.len()).filter(|&ui| al.units[ui].is_none()).collect();
    if lacking.len() > 2 || lacking.windows(2).any(|w| w[0] + 1 != w[1]) {
        return None;
    }
    if lacking.iter().any(|&ui| {
        let u = &query.units[ui];
        u.kind != UnitKind::Word || u.place.is_some()
    }) {
        return None;
    }
    let firsts: Vec<usize> = al.units.iter().flatten().map(|m| m.first).collect();
    if firsts.len() < 2 || !firsts.windows(2).all(|w| w[0] < w[1]) {
        return None;
    }
    let covered = |k: usize| al.units.iter().flatten().any(|m| m.first <= k && k <= m.last);
    let strays: Vec<usize> = (0..terms.len())
        .filter(|&k| {
            let t = &terms[k];
            !crate::stem::is_stop_word(&t.norm) && t.value.is_none() && t.norm.chars().any(char::is_alphabetic)
        })
        .filter(|&k| !covered(k))
        .collect();
    if lacking.len() != 2 || strays.len() != 1 {
        return None;
    }
    // A question put otherwise ("كيف بدت ردود الفعل" / "تعرف على ردود
    // الأفعال") asks about the same story.
    let asks = |w: &str| QUESTION_WORDS.contains(&w);
    if lacking.iter().any(|&ui| asks(&query.tokens[query.units[ui].at].norm))
        || strays.iter().any(|&k| asks(&terms[k].norm))
    {
        return None;
    }
    // The slot: between the carried units around the lacking run (or the
    // run's place among the carried units when nothing lacks).
    let (lo, hi) = match (lacking.first(), lacking.last()) {
        (Some(&a), Some(&b)) => (a, b + 1),
        _ => {
            let k = *strays.first()?;
            let before = al.units.iter().flatten().filter(|m| m.last < k).count();
            (before, before)
        }
    };
    let prev_end = al.units[..lo].iter().flatten().map(|m| m.last + 1).max().unwrap_or(0);
    let next_start = al.units[hi..]
        .iter()
        .flatten()
        .map(|m| m.first)
        .min()
        .unwrap_or(terms.len());
    if !strays.iter().all(|&k| k >= prev_end && k < next_start) {
        return None;
    }
    if strays
        .windows(2)
        .any(|w| (w[0] + 1..w[1]).any(|k| !crate::stem::is_stop_word(&terms[k].norm)))
    {
        return None;
    }
    // No stray word says a lacking word otherwise (a shared stem, root or
    // derivation).
    for &ui in &lacking {
        let tok = query.units[ui].phrases[0].tokens.first()?;
        for &k in &strays {
            let t = &terms[k];
            let t_bare = t.norm.form().bare;
            let same = |a: &str| *t.stem == *a || t.root.is_some_and(|r| *r == *a) || t_bare.is_some_and(|b| *b == *a);
            let related = same(&tok.stem)
                || tok.root.as_deref().is_some_and(same)
                || tok.bare.as_deref().is_some_and(same)
                || matches!((&tok.deriv, crate::stem::derivation(&t.norm)), (Some(a), Some(b)) if a.root == b.root);
            if related {
                return None;
            }
        }
    }
    let claim: Vec<&str> = lacking.iter().map(|&ui| query.units[ui].label.as_str()).collect();
    let other: Vec<&str> = strays.iter().map(|&k| &*terms[k].norm).collect();
    let claim = if claim.is_empty() {
        "-".to_string()
    } else {
        claim.join(" ")
    };
    let other = if other.is_empty() {
        "-".to_string()
    } else {
        other.join(" ")
    };
    Some((lacking, Reason::swapped(&claim, &other)))
}

/// The passage word that stands alone in claim unit `ui`'s slot: the unit
/// (one word) is not carried, the claim units on both sides of it are, in
/// order, and between them (past stop words) the passage holds exactly one
/// word, which carries nothing of the claim and is no number (at the
/// claim's first or last unit, the passage's first or last word).
pub fn slot_word(query: &Query, terms: &[Term], al: &Alignment, ui: usize) -> Option<usize> {
    let covered = |k: usize| al.units.iter().flatten().any(|m| m.first <= k && k <= m.last);
    let stop = |k: usize| crate::stem::is_stop_word(&terms[k].norm);
    let n = query.units.len();
    let u = &query.units[ui];
    if u.kind != UnitKind::Word || al.units[ui].is_some() || u.phrases[0].tokens.len() != 1 {
        return None;
    }
    let prev = ui.checked_sub(1).and_then(|p| al.units[p].as_ref());
    let next = al.units.get(ui + 1).and_then(|m| m.as_ref());
    // The passage word past the previous claim word, and before the next.
    let after = prev.map(|m| (m.last + 1..terms.len()).find(|&k| !stop(k)));
    let before = next.map(|m| (0..m.first).rev().find(|&k| !stop(k)));
    let k = match (after, before) {
        (Some(Some(a)), Some(Some(b))) if a == b => a,
        (Some(Some(a)), None) if ui + 1 == n && a + 1 == terms.len() => a,
        (None, Some(Some(b))) if ui == 0 && b == 0 => b,
        _ => return None,
    };
    (!covered(k) && terms[k].value.is_none()).then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_month_after_the_claims_day_contradicts_the_date() {
        // Seeds 002 line 45 (seeds-tune7, contradicted): the memorandum
        // signed on 22 January, not 22 March. Without the month counted,
        // the passage carries 0.45 of the claim and only mentions it.
        let claim = "وقعت الجزائر والولايات المتحدة مذكرة التفاهم بينهما في 22 مارس";
        let passage = "ثلاث ورشات للحوار ستقام بين البلدين لوضع خطة تنفيذ المذكرة الموقّع في 22 يناير/كانون الثاني الماضي وتحديد الخطوات التالية. وعلى خلاف المغرب، لا تحصل الجزائر على أسلحة أميركية متطورة";
        let (q, t, al) = crate::stance::aligned(claim, passage, format!("{passage}\nنص آخر عن الطقس\nالمغرب والجزائر"));
        let month = q.units.iter().position(|u| u.label == "مارس").unwrap();
        assert!(another_month_of_the_day(&q, month, &t, &al));
        let j = crate::stance::judge(
            &q,
            &t,
            &al,
            &crate::stance::antonyms::Antonyms::builtin(),
            &crate::stance::Thresholds::default(),
        );
        assert_eq!(j.stance, Some(crate::verdict::Stance::Contradicts), "{j:?}");
        // Trap: another month away from the claim's day is another date of
        // something else ("22 ... in January"), not counted.
        let passage = "وقعت الجزائر والولايات المتحدة مذكرة تضم 22 بندا في يناير";
        let (q, t, al) = crate::stance::aligned(claim, passage, format!("{passage}\nنص آخر عن الطقس"));
        let month = q.units.iter().position(|u| u.label == "مارس").unwrap();
        assert!(!another_month_of_the_day(&q, month, &t, &al));
    }

    /// The substitution reasons of a claim against a passage.
    fn reasons(claim: &str, passage: &str) -> Vec<String> {
        let (q, t, al) = crate::stance::aligned(claim, passage, format!("{passage}\n{claim}\nنص آخر عن الطقس"));
        (0..q.units.len())
            .filter_map(|ui| conflict(&q, ui, &t, &al))
            .map(|r| r.to_string())
            .collect()
    }

    #[test]
    fn two_claim_words_replaced_by_one_in_a_headline_contradict() {
        // ANS train (disagree, judged agree before): the actress's anxiety
        // against her cancer; the UN against Russia.
        for (claim, passage) in [
            (
                "الممثلة كلير فوي تكشف عن صراعها مع القلق النفسي منذ طفولتها",
                "الممثلة كلير فوي تكشف عن صراعها مع السرطان منذ طفولتها",
            ),
            (
                "الأمم المتحدة تطالب مصر بإلغاء أحكام الاعدام الصادرة في قضية فض رابعة",
                "روسيا تطالب مصر بإلغاء أحكام الاعدام الصادرة في قضية فض رابعة",
            ),
        ] {
            let j = crate::stance::judged(claim, passage);
            assert_eq!(j.stance, Some(crate::verdict::Stance::Contradicts), "{j:?}");
            assert!(
                j.reasons.iter().any(|r| r.starts_with(super::super::reason::SWAPPED)),
                "{j:?}"
            );
        }
        // Trap (ANS train, agree): a question put as a bid to learn.
        let j = crate::stance::judged(
            "كيف بدت ردود الفعل عربياً وعالمياً على أحداث غزة؟",
            "تعرف على ردود الأفعال عربياً وعالمياً بعد أحداث غزة",
        );
        assert_ne!(j.stance, Some(crate::verdict::Stance::Contradicts), "{j:?}");
        // Trap: the two words kept and one added is the claim with more
        // detail, not another story.
        let j = crate::stance::judged(
            "الممثلة كلير فوي تكشف عن صراعها مع القلق النفسي منذ طفولتها",
            "الممثلة كلير فوي تكشف عن صراعها الطويل مع القلق النفسي منذ طفولتها",
        );
        assert_ne!(j.stance, Some(crate::verdict::Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn builtin_members_do_not_share_stems() {
        let (map, ambiguous) = parse(BUILTIN);
        assert!(ambiguous.is_empty(), "stems in two members: {ambiguous:?}");
        assert!(map.len() > 150, "{}", map.len());
    }

    #[test]
    fn another_ministry_in_the_slot() {
        // Seeds 002 line 41: the two countries' defence ministries.
        let passage = "وقال بوقادوم إن ممثلين عن وزارتي الدفاع في البلدين يستعدون لإطلاق مباحثات";
        assert_eq!(
            reasons(
                "قال بوقادوم إن ممثلين عن وزارتي الخارجية في البلدين يستعدون لإطلاق مباحثات",
                passage
            ),
            ["substituted الخارجيه vs الدفاع (ministry)"]
        );
        // Trap: the same ministry, and a claim that names both.
        assert!(reasons(
            "قال بوقادوم إن ممثلين عن وزارتي الدفاع في البلدين يستعدون لإطلاق مباحثات",
            passage
        )
        .is_empty());
        assert!(reasons(
            "قال بوقادوم إن ممثلين عن وزارتي الخارجية والدفاع في البلدين يستعدون لإطلاق مباحثات",
            passage
        )
        .is_empty());
    }

    #[test]
    fn the_pentagon_is_the_defence_ministry() {
        // Seeds 000 line 21: Ned Price speaks for the State Department;
        // seeds-tune8 puts him at the Pentagon.
        let passage =
            "وقال المتحدث باسم وزارة الخارجية الأميركية نيد برايس إن بلينكن أكد أننا نواصل اعتبار خطة الحكم الذاتي جادة";
        assert_eq!(
            reasons(
                "قال المتحدث باسم البنتاغون نيد برايس إن بلينكن أكد اعتبار خطة الحكم الذاتي جادة",
                passage
            ),
            ["substituted البنتاغون vs الخارجيه (ministry)"]
        );
        // Trap: the Pentagon against the defence ministry is the same member.
        assert!(reasons(
            "قال المتحدث باسم البنتاغون نيد برايس إن بلينكن أكد اعتبار خطة الحكم الذاتي جادة",
            "وقال المتحدث باسم وزارة الدفاع الأميركية نيد برايس إن بلينكن أكد اعتبار خطة الحكم الذاتي جادة"
        )
        .is_empty());
    }

    #[test]
    fn another_multiple_in_the_slot() {
        // Seeds 004 line 13: Algeria decided to double (مضاعفة) its defence
        // spending; "tripled" in its slot is another multiple.
        let passage = "قررت الجزائر مضاعفة إنفاقها الدفاعي";
        assert_eq!(
            reasons("قررت الجزائر triple إنفاقها الدفاعي", passage),
            ["substituted triple vs مضاعفه (multiple)"]
        );
        // Trap: the same multiple in English ("doubled") is no substitute.
        assert!(reasons("قررت الجزائر doubled إنفاقها الدفاعي", passage).is_empty());
    }

    #[test]
    fn another_member_in_the_slot() {
        // ANS train pairs labelled disagree.
        assert_eq!(
            reasons("هل النساء اكثر سعادة من الرجال", "هل الأطفال اكثر سعادة من الرجال"),
            ["substituted النساء vs الاطفال (people)"]
        );
        assert_eq!(
            reasons(
                "الخسارة الأكبر للشركات الأمريكية في يوم",
                "الخسارة الأكبر للشركات الأمريكية في عام"
            ),
            ["substituted يوم vs عام (time)"]
        );
        assert_eq!(
            reasons(
                "اتفاق بين المغرب و نيجيريا لمد خط أنابيب غاز في البر و البحر",
                "اتفاق بين المغرب و نيجيريا لمد خط أنابيب مياه في البر و البحر"
            ),
            ["substituted غاز vs مياه (commodity)"]
        );
        // Awards and film genres (ANS train, disagree).
        assert_eq!(
            reasons(
                "3 لافتات إعلانية يفوز بخمسة جوائز بافتا",
                "3 لافتات إعلانية يفوز بخمسة جوائز أوسكار"
            ),
            ["substituted بافتا vs اوسكار (award)"]
        );
        assert_eq!(
            reasons(
                "الفيلم الكوميدي موت ستالين يمنع من العرض في روسيا",
                "فيلم الأكشن موت ستالين يمنع من العرض في روسيا"
            ),
            ["substituted الكوميدي vs الاكشن (genre)"]
        );
        // A clitic the stemmer keeps on a short word ("بقتل").
        assert_eq!(
            reasons(
                "جيرار ديبارديو الممثل الفرنسي الشهير يتهم باغتصاب ممثلة شابة",
                "جيرار ديبارديو الممثل الفرنسي الشهير يتهم بقتل ممثلة شابة"
            ),
            ["substituted باغتصاب vs بقتل (crime)"]
        );
    }

    #[test]
    fn a_missing_word_is_no_substitution() {
        // The passage leaves the word out: nothing stands in its slot.
        assert!(reasons("هل النساء اكثر سعادة من الرجال", "هل اكثر سعادة من الرجال").is_empty());
    }

    #[test]
    fn paraphrase_outside_the_lexicon_is_left_alone() {
        // Trap (seeds): budget / spending is another wording, not another fact.
        assert!(reasons("ضاعفت الجزائر ميزانيتها الدفاعية", "ضاعفت الجزائر انفاقها الدفاعي").is_empty());
    }

    #[test]
    fn members_the_claim_names_are_not_substitutes() {
        // Trap: "women and children" against a passage that only names the children.
        assert!(reasons("مقتل النساء والاطفال في القصف", "مقتل الاطفال في القصف").is_empty());
    }

    #[test]
    fn the_claim_word_elsewhere_is_no_substitution() {
        // Trap: the claim's word stands in another clause of the passage.
        assert!(reasons(
            "هل النساء اكثر سعادة من الرجال",
            "هل الأطفال اكثر سعادة من الرجال بحسب دراسة عن النساء"
        )
        .is_empty());
    }

    /// The replaced-word reason of a claim against a passage.
    fn replaced_in(claim: &str, passage: &str) -> Option<String> {
        let (q, t, al) = crate::stance::aligned(claim, passage, format!("{passage}\n{claim}\nنص آخر عن الطقس"));
        replaced(&q, &t, &al)
    }

    #[test]
    fn a_defined_word_replaced_by_another_is_noted() {
        // ANS train pairs labelled disagree, supported before.
        assert_eq!(
            replaced_in(
                "وقفات في حياة الممثل الراحل جميل راتب",
                "وقفات في حياة المغني الراحل جميل راتب"
            )
            .as_deref(),
            Some("replaced الممثل vs المغني")
        );
        // The claim's last word against the passage's last word.
        assert_eq!(
            replaced_in(
                "اعتذار من بي بي سي للمذيعة كاري غراسي بشأن الراتب",
                "اعتذار من بي بي سي للمذيعة كاري غراسي بشأن الترقية"
            )
            .as_deref(),
            Some("replaced الراتب vs الترقيه")
        );
        let j = crate::stance::judged(
            "وقفات في حياة الممثل الراحل جميل راتب",
            "وقفات في حياة المغني الراحل جميل راتب",
        );
        assert_ne!(j.stance, Some(crate::verdict::Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_replaced_verb_or_a_dropped_word_is_no_replacement() {
        // Trap (ANS train, agree): another verb for the same act.
        assert_eq!(
            replaced_in(
                "أوباما وزوجته يبحثان تقديم برامج على نتفليكس",
                "أوباما وزوجته يفكران في تقديم برامج على شبكة نتفليكس"
            ),
            None
        );
        // Trap (seeds 003 line 58, supported): a head word before a
        // nationality names the country either way.
        assert_eq!(
            replaced_in(
                "شارك الجيش الإسرائيلي لأول مرة في مناورات الأسد الإفريقي",
                "شارك الكيان الإسرائيلي في مناورات الأسد الإفريقي لأول مرة"
            ),
            None
        );
        // Trap: the passage drops the word; nothing stands in its slot.
        assert_eq!(
            replaced_in(
                "وقفات في حياة الممثل الراحل جميل راتب",
                "وقفات في حياة الراحل جميل راتب"
            ),
            None
        );
    }

    #[test]
    fn a_headline_with_one_word_replaced_contradicts() {
        use crate::stance::judged;
        use crate::verdict::Stance;
        // ANS train, disagree: the claim said of another company, and a
        // measure to raise revenue said to cut it (judged agree before).
        for (claim, passage) in [
            (
                "ديزني تخطط لسلسلة جديدة من حرب النجوم لدعم النمو",
                "سوني تخطط لسلسلة جديدة من حرب النجوم لدعم النمو",
            ),
            (
                "تعديلات ضريبية فلسطينية لتحسين الإيرادات",
                "تعديل ضريبي فلسطيني لخفض الإيرادات",
            ),
            (
                "وفاة المؤلف المصري أحمد خالد توفيق",
                "مقتل المؤلف المصري أحمد خالد توفيق",
            ),
        ] {
            let j = judged(claim, passage);
            assert_eq!(j.stance, Some(Stance::Contradicts), "{passage}: {j:?}");
            assert!(j.reasons.iter().any(|r| r.starts_with("swapped")), "{j:?}");
        }
        // Traps: another derivation of the claim word (ANS train, agree),
        // a rewrite in another order (ANS train, agree), one owner's
        // budget said as its spending (seeds 004 line 13, supported).
        for (claim, passage) in [
            ("إيرباص تهدد بريطانيا: سنرحل", "إيرباص تهدد بريطانيا بالرحيل"),
            (
                "ستاندرد آند بورز تحذر من تدهور للمالية العامة التركية",
                "ستاندرد آند بورز تحذر من تداعي مالية تركيا العامة",
            ),
            (
                "قررت الجزائر مضاعفة ميزانيتها الدفاعية",
                "قررت الجزائر مضاعفة إنفاقها الدفاعي.",
            ),
        ] {
            let j = judged(claim, passage);
            assert_ne!(j.stance, Some(Stance::Contradicts), "{passage}: {j:?}");
        }
    }
}
