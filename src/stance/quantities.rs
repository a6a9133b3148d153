//! Quantities and dates: the same counted thing with a different value.
//!
//! This module owns the rule that compares a claim's numbers with the
//! passage's. A claim number the passage does not carry is compared with the
//! passage's numbers of the same slot: a year with a year (1900–2100), a
//! percentage with a percentage, and otherwise a number with a number
//! counting the same thing (the same unit word next to it, e.g. مليون,
//! دولار, غواصات). A different value in the same slot contradicts; a value
//! the passage does not state leaves the claim at `mentions`.
//!
//! Example: "48 مليون دولار" is contradicted by "100 مليون دولار" (reason
//! `number 48 vs 100`).

use crate::index::Term;
use crate::matching::QTok;
use crate::normalize::is_number;

/// What a number counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A year.
    Year,
    /// A percentage.
    Percent,
    /// A count of the thing named by one of these stems (the next words).
    Of(Vec<String>),
    /// Nothing recognisable.
    Bare,
}

impl Slot {
    /// Whether two slots hold the same kind of quantity.
    pub fn same(&self, other: &Slot) -> bool {
        match (self, other) {
            (Slot::Of(a), Slot::Of(b)) => a.iter().any(|x| b.contains(x)),
            (Slot::Bare, _) | (_, Slot::Bare) => false,
            _ => self == other,
        }
    }
}

/// Ordinal words (folded) and their values.
const ORDINALS: &[(&str, u32)] = &[
    ("اول", 1),
    ("الاول", 1),
    ("اولي", 1),
    ("الاولي", 1),
    ("ثاني", 2),
    ("ثانيه", 2),
    ("ثالث", 3),
    ("ثالثه", 3),
    ("رابع", 4),
    ("رابعه", 4),
    ("خامس", 5),
    ("خامسه", 5),
    ("سادس", 6),
    ("سادسه", 6),
    ("سابع", 7),
    ("سابعه", 7),
    ("ثامن", 8),
    ("ثامنه", 8),
    ("تاسع", 9),
    ("تاسعه", 9),
    ("عاشر", 10),
    ("عاشره", 10),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
];

/// The Arabic words (folded, without article) of an ordinal value.
pub fn arabic_ordinals(value: u32) -> impl Iterator<Item = &'static str> {
    ORDINALS
        .iter()
        .filter(move |(w, v)| *v == value && crate::stem::is_arabic(w) && !w.starts_with("ال"))
        .map(|&(w, _)| w)
}

/// The value of an ordinal word (folded, with or without article or clitics).
pub fn ordinal(norm: &str) -> Option<u32> {
    let bare = norm
        .strip_prefix('و')
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(norm);
    let bare = bare
        .strip_prefix("ال")
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(bare);
    // A preposition before it: "لأول مرة" (for the first time).
    let known = |w: &str| ORDINALS.iter().any(|(o, _)| *o == w);
    let bare = bare.strip_prefix(['ل', 'ب']).filter(|r| known(r)).unwrap_or(bare);
    ORDINALS.iter().find(|(w, _)| *w == bare || *w == norm).map(|&(_, v)| v)
}

/// For a claim ordinal the passage lacks, the passage's different ordinal of
/// the same slot (the same word follows it): "ثالث بلد عربي" vs "رابع بلد عربي".
pub fn ordinal_conflict(claim: &[QTok], at: usize, passage: &[Term]) -> Option<String> {
    ordinal_conflict_with(claim, at, passage, &[])
}

/// [`ordinal_conflict`] with more stems for the claim's slot: the Arabic
/// translations of an English claim's next words ("second Arab country"
/// meets "رابع بلد عربي" through بلد).
pub fn ordinal_conflict_with(claim: &[QTok], at: usize, passage: &[Term], counted: &[String]) -> Option<String> {
    let value = ordinal(&claim[at].norm)?;
    let cs: Vec<&str> = claim.iter().map(|t| t.stem.as_str()).collect();
    let cn: Vec<&str> = claim.iter().map(|t| t.norm.as_str()).collect();
    let mut want = head_words(&cn, &cs, at);
    want.extend(counted.iter().cloned());
    let ps: Vec<&str> = passage.iter().map(|t| t.stem.as_str()).collect();
    let pn: Vec<&str> = passage.iter().map(|t| &*t.norm).collect();
    for (k, t) in passage.iter().enumerate() {
        if ordinal(&t.norm).is_some_and(|v| v != value) && head_words(&pn, &ps, k).iter().any(|w| want.contains(w)) {
            return Some(t.norm.to_string());
        }
    }
    None
}

/// The words an ordinal at `i` counts: an Arabic ordinal with the article
/// after a noun is that noun's adjective ("المورد الأول": the supplier),
/// unless the noun is a rank ("المرتبة الثانية إفريقيا": second in Africa);
/// any other ordinal counts the words after it ("ثالث مستورد", "رابع بلد
/// عربي", "the fourth Arab country").
fn head_words(norms: &[&str], stems: &[&str], i: usize) -> Vec<String> {
    let bare = norms[i].strip_prefix('و').unwrap_or(norms[i]);
    if bare.starts_with("ال") && i > 0 {
        let prev = stems[i - 1];
        // A rank ("المرتبة الثانية إفريقيا") ranks what follows.
        let rank = ["المرتبه", "مرتبه", "المركز", "مركز", "الدرجه"].contains(&norms[i - 1]);
        if !rank && crate::stem::is_arabic(prev) && !is_number(prev) && !crate::stem::is_stop_word(norms[i - 1]) {
            return vec![prev.to_string()];
        }
    }
    next_words(stems, i)
}

fn next_words(stems: &[&str], i: usize) -> Vec<String> {
    stems
        .iter()
        .skip(i + 1)
        .filter(|s| !is_number(s) && !crate::stem::is_stop_word(s))
        .take(2)
        .map(|s| s.to_string())
        .collect()
}

const PERCENT_WORDS: &[&str] = &["%", "بالمئه", "بالمائه", "المئه", "المائه", "percent", "per"];

fn is_year(v: &str) -> bool {
    v.len() == 4 && v.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// The slot of the number at `i` among `norms`/`stems`.
pub fn slot(norms: &[&str], stems: &[&str], i: usize) -> Slot {
    let next = |k: usize| norms.get(k).copied();
    if next(i + 1).is_some_and(|w| PERCENT_WORDS.contains(&w))
        || next(i + 2).is_some_and(|w| w == "المئه" || w == "المائه")
        || (i > 0 && norms[i - 1] == "%")
    {
        return Slot::Percent;
    }
    if is_year(norms[i]) {
        return Slot::Year;
    }
    // The counted thing: the next words that are not numbers.
    let next = next_words(stems, i);
    if next.is_empty() {
        Slot::Bare
    } else {
        Slot::Of(next)
    }
}

/// How far (in tokens) a passage number may stand from the passage words
/// that carry the claim words around the claim's number.
pub const SLOT_DISTANCE: usize = 4;

/// For a claim number the passage lacks, the passage's conflicting value.
/// `anchors` are the passage positions of the claim words next to the
/// number: a conflicting value must stand near one of them (a sentence may
/// hold other numbers about other things), and with no anchor there is no
/// slot to compare.
pub fn conflict(claim: &[QTok], at: usize, passage: &[Term], anchors: &[usize]) -> Option<String> {
    conflict_with(claim, at, passage, anchors, None, &[])
}

/// [`conflict`] for a claim number written in words (`value`: its value,
/// when the word itself is not digits: "eight") and with more stems for
/// the claim's slot (`counted`: the Arabic translations of an English
/// claim's counted thing, "30 helicopters" meeting "24 طائرة مروحية").
pub fn conflict_with(
    claim: &[QTok],
    at: usize,
    passage: &[Term],
    anchors: &[usize],
    value: Option<f64>,
    counted: &[String],
) -> Option<String> {
    if anchors.is_empty() {
        return None;
    }
    let cn: Vec<&str> = claim.iter().map(|t| t.norm.as_str()).collect();
    let cs: Vec<&str> = claim.iter().map(|t| t.stem.as_str()).collect();
    let want = match slot(&cn, &cs, at) {
        Slot::Of(mut words) => {
            words.extend(counted.iter().cloned());
            Slot::Of(words)
        }
        other => other,
    };
    if want == Slot::Bare {
        return None;
    }
    let pn: Vec<&str> = passage.iter().map(|t| t.norm.as_str()).collect();
    let ps: Vec<&str> = passage.iter().map(|t| t.stem.as_str()).collect();
    // A claim number in Arabic words ("أربع ورشات") by its value (an English
    // one comes as `value`).
    let arabic_words = || crate::stem::is_arabic(cn[at]).then(|| word_number(&cn, at)).flatten();
    let value: f64 = cn[at].parse().ok().or(value).or_else(arabic_words)?;
    // The claim's other numbers are not conflicting values ("بين 2005 و2015").
    let claimed: Vec<f64> = cn
        .iter()
        .filter(|w| is_number(w))
        .filter_map(|w| w.parse().ok())
        .chain(word_numbers(&cn).map(|s| s.value))
        .collect();
    for (k, w) in pn.iter().enumerate() {
        if !is_number(w) {
            continue;
        }
        let Ok(v) = w.parse::<f64>() else { continue };
        if v == value || claimed.contains(&v) {
            continue;
        }
        if anchors.iter().any(|&a| a.abs_diff(k) <= SLOT_DISTANCE) && slot(&pn, &ps, k).same(&want) {
            return Some(w.to_string());
        }
    }
    // A passage count written in words ("ثلاث ورشات للحوار" against "four
    // dialogue workshops"), in the same slot: counted from its last word.
    for span in word_numbers(&pn) {
        if span.value == value || claimed.contains(&span.value) {
            continue;
        }
        let near = anchors
            .iter()
            .any(|&a| (span.first..=span.last).any(|k| a.abs_diff(k) <= SLOT_DISTANCE));
        if near && slot(&pn, &ps, span.last).same(&want) {
            return Some(pn[span.first..=span.last].join(" "));
        }
    }
    None
}

/// Small counts written in words (not digits) among folded tokens, from
/// three to 999: "one" and "two" (واحد، اثنين) are as often a pronoun or a
/// weekday (الاثنين) as a count, and a scale word alone ("مليار دولار")
/// is an amount the digit rule above reads only in part ("48 مليون" as 48).
fn word_numbers<'a>(norms: &'a [&str]) -> impl Iterator<Item = crate::numbers::NumberSpan> + 'a {
    crate::numbers::parse_number_words(norms).into_iter().filter(move |s| {
        s.kind == crate::numbers::NumberKind::Cardinal
            && (3.0..1000.0).contains(&s.value)
            && !(s.first..=s.last).any(|k| is_number(norms[k]))
    })
}

/// The value of the cardinal in words that starts at `at`, if any.
fn word_number(norms: &[&str], at: usize) -> Option<f64> {
    word_numbers(norms).find(|s| s.first == at).map(|s| s.value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Charmap;

    fn terms(s: &str) -> Vec<Term> {
        Term::analyze(s, &Charmap::default())
    }

    fn q(s: &str) -> Vec<QTok> {
        terms(s).into_iter().map(|t| QTok::new(&t.norm)).collect()
    }

    #[test]
    fn same_unit_different_value() {
        let c = q("صفقة بقيمة 48 مليون دولار");
        assert_eq!(
            conflict(&c, 2, &terms("صفقة بقيمة 100 مليون دولار"), &[1, 3]),
            Some("100".into())
        );
        // No anchor near the other number: a different quantity.
        let p = terms("صفقة بقيمة 48 مليون دولار وفي عام آخر بلغت الصادرات 100 مليون دولار");
        assert_eq!(conflict(&c, 2, &p, &[1]), None);
    }

    #[test]
    fn years_and_percentages() {
        let c = q("التسليم قبل 2030");
        assert_eq!(conflict(&c, 2, &terms("التسليم في 2025"), &[0]), Some("2025".into()));
        let c = q("ارتفعت بنسبة 60%");
        assert_eq!(
            conflict(&c, 2, &terms("ارتفعت بنسبة 20 بالمئة"), &[0, 1]),
            Some("20".into())
        );
    }

    #[test]
    fn counted_thing_may_come_one_word_later() {
        let c = q("صفقة تضمنت 36 مروحية");
        assert_eq!(
            conflict(&c, 2, &terms("صفقة تتضمن 24 طائرة مروحية"), &[0, 1, 4]),
            Some("24".into())
        );
    }

    #[test]
    fn ordinals_of_the_same_slot() {
        let c = q("كان المغرب ثالث بلد عربي يطبع");
        assert_eq!(
            ordinal_conflict(&c, 2, &terms("وكانت المملكة رابع بلد عربي يطبع")),
            Some("رابع".into())
        );
        assert_eq!(ordinal_conflict(&c, 2, &terms("في أول زيارة رسمية")), None);
        // seeds-tune3: "the first supplier" is not "the third importer",
        // though both are about arms ("للسلاح").
        let c = q("تعد روسيا المورد الأول للسلاح إلى الجزائر");
        let p = terms("وتعتبر الجزائر هي ثالث مستورد للسلاح الروسي في العالم");
        assert_eq!(ordinal_conflict(&c, 3, &p), None);
        let p = terms("وتعتبر الصين المورد الثالث للسلاح إلى الجزائر");
        assert_eq!(ordinal_conflict(&c, 3, &p).as_deref(), Some("الثالث"));
        // A rank ranks what follows (seeds 003 line 132).
        let c = q("احتل المغرب المرتبة الأولى إفريقيا ضمن كبار مشتريي السلاح");
        let p = terms("حيث احتل المغرب المرتبة الثانية إفريقيًا ضمن كبار مشتريي السلاح");
        assert_eq!(ordinal_conflict(&c, 3, &p).as_deref(), Some("الثانيه"));
        let c = q("the third Arab country");
        assert_eq!(
            ordinal_conflict(&c, 1, &terms("the fourth Arab country")),
            Some("fourth".into())
        );
    }

    #[test]
    fn english_numbers_and_ordinals_meet_their_arabic_slot() {
        let counted = |ws: &[&str]| -> Vec<String> {
            ws.iter()
                .map(|w| crate::stem::stem(&crate::normalize::normalize(w)))
                .collect()
        };
        // "eight" by its value, its counted thing through its translation.
        let c = q("Algeria owns eight submarines");
        let p = terms("وتمتلك الجزائر 6 غواصات روسية");
        let subs = counted(&["الغواصات"]);
        assert_eq!(conflict_with(&c, 2, &p, &[2], Some(8.0), &subs), Some("6".into()));
        // Without the translation the slots differ; without the value there is none.
        assert_eq!(conflict_with(&c, 2, &p, &[2], Some(8.0), &[]), None);
        assert_eq!(conflict_with(&c, 2, &p, &[2], None, &subs), None);
        // The same value is no conflict.
        assert_eq!(conflict_with(&c, 2, &p, &[2], Some(6.0), &subs), None);
        let c = q("the second Arab country");
        let p = terms("وكانت المملكة رابع بلد عربي يطبع");
        assert_eq!(ordinal_conflict(&c, 1, &p), None);
        assert_eq!(
            ordinal_conflict_with(&c, 1, &p, &counted(&["البلد", "عربي"])),
            Some("رابع".into())
        );
        assert_eq!(arabic_ordinals(4).collect::<Vec<_>>(), ["رابع", "رابعه"]);
        // An ordinal after a preposition (seeds 003 line 58: "شارك الكيان
        // الإسرائيلي في مناورات الأسد الإفريقي لأول مرة").
        assert_eq!(ordinal("لاول"), Some(1));
        assert_eq!(ordinal("لبنان"), None);
        let c = q("Israel took part in African Lion for the third time");
        let p = terms("شارك الكيان الإسرائيلي في مناورات الأسد الإفريقي لأول مرة");
        assert_eq!(ordinal_conflict_with(&c, 8, &p, &counted(&["مرة"])), Some("لاول".into()));
        // Trap: the same ordinal is no conflict.
        let c = q("Israel took part in African Lion for the first time");
        assert_eq!(ordinal_conflict_with(&c, 8, &p, &counted(&["مرة"])), None);
    }

    #[test]
    fn counts_in_words_conflict_in_their_slot() {
        // seeds 002 line 45: "ثلاث ورشات للحوار ستقام بين البلدين" against
        // english-tune2's "four dialogue workshops" (Arabic wording here).
        let p = terms("واكتفى بالقول إن ثلاث ورشات للحوار ستقام بين البلدين");
        let c = q("قال بوقادوم إن أربع ورشات للحوار ستقام بين البلدين");
        assert_eq!(conflict(&c, 3, &p, &[4, 5]), Some("ثلاث".into()));
        // An English count by its value, its counted thing translated.
        let c = q("four dialogue workshops would be held");
        let workshops = vec![crate::stem::stem(&crate::normalize::normalize("ورشات"))];
        assert_eq!(
            conflict_with(&c, 0, &p, &[4, 5], Some(4.0), &workshops),
            Some("ثلاث".into())
        );
        // The same count is no conflict, nor a count of something else.
        let c = q("قال بوقادوم إن ثلاث ورشات للحوار ستقام بين البلدين");
        assert_eq!(conflict(&c, 3, &p, &[4, 5]), None);
        let c = q("قال بوقادوم إن أربع طائرات ستقام بين البلدين");
        assert_eq!(conflict(&c, 3, &p, &[4, 5]), None);
        // Trap (seeds-tune7, 001 line 49): a scale word alone is no count
        // against "48 مليون دولار".
        let c = q("بلغت قيمة الصفقة مليار دولار");
        let p = terms("في صفقة قيمتها 48 مليون دولار");
        assert_eq!(conflict(&c, 3, &p, &[1, 2, 5]), None);
    }

    #[test]
    fn a_different_slot_is_no_conflict() {
        let c = q("اشترى 6 غواصات");
        assert_eq!(conflict(&c, 1, &terms("اشترى 12 طائرة في 2021"), &[0]), None);
        let c = q("في 2021");
        assert_eq!(conflict(&c, 1, &terms("بلغت 60% من الصادرات"), &[0]), None);
    }
}
