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
//! A number counting time is compared as a duration, units converted
//! ("ستة أشهر" vs "لمدة عام كامل", one year; 12 months are a year).
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
        || crate::numbers::fraction_at(norms, i).is_some()
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

/// Whether a claim number the passage meets at `p` counts another thing
/// there: the passage's number counts words of its own (the next words,
/// see [`slot`]) that are not the claim's counted thing, while the thing
/// the claim counts (its word at claim token `counted`) stands elsewhere in
/// the passage (at passage token `carried`, not among the words right after
/// `p`). "إلى 150 كيلومترًا. كما اشترى المغرب ... مسيرّة" (seeds 003 lines
/// 81-83: the Barak 8's range, then the Harop drones) does not carry the
/// 150 of "اشترى المغرب 150 مسيرة". Arabic counted words only: an English
/// claim's counted word meets the passage through a translation.
pub fn counts_other(claim: &[QTok], at: usize, counted: usize, passage: &[Term], p: usize, carried: usize) -> bool {
    if !crate::stem::is_arabic(&claim[counted].norm) || (p + 1..=p + 3).contains(&carried) || carried == p {
        return false;
    }
    let cn: Vec<&str> = claim.iter().map(|t| t.norm.as_str()).collect();
    let cs: Vec<&str> = claim.iter().map(|t| t.stem.as_str()).collect();
    let pn: Vec<&str> = passage.iter().map(|t| t.norm.as_str()).collect();
    let ps: Vec<&str> = passage.iter().map(|t| t.stem.as_str()).collect();
    match (slot(&cn, &cs, at), slot(&pn, &ps, p)) {
        (want @ Slot::Of(_), Slot::Of(theirs)) => {
            theirs.iter().all(|w| crate::stem::is_arabic(w)) && !want.same(&Slot::Of(theirs))
        }
        _ => false,
    }
}

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
    // A length of time, compared in days ("ستة أشهر" vs "عام كامل").
    if let Some(other) = duration_conflict(&cn, at, value, &pn, anchors) {
        return Some(other);
    }
    // The claim's other numbers are not conflicting values ("بين 2005 و2015").
    let claimed: Vec<f64> = cn
        .iter()
        .filter(|w| is_number(w))
        .filter_map(|w| w.parse().ok())
        .chain(word_numbers(&cn).map(|s| s.value))
        .collect();
    // The second end of a claim's range ("between 2014 and 2018") meets the
    // second of the passage's values ("بين عامي 2012 و2016").
    let rank = (at.saturating_sub(3)..at)
        .filter(|&j| is_number(cn[j]) && slot(&cn, &cs, j).same(&want))
        .count();
    let mut found = Vec::new();
    let mut last: Option<usize> = None;
    for (k, w) in pn.iter().enumerate() {
        if !is_number(w) {
            continue;
        }
        let Ok(v) = w.parse::<f64>() else { continue };
        if v == value || claimed.contains(&v) {
            continue;
        }
        // The other end of a passage range found near an anchor ("2012 و2016").
        let joined = last.is_some_and(|f| k - f <= 2);
        if (joined || anchors.iter().any(|&a| a.abs_diff(k) <= SLOT_DISTANCE)) && slot(&pn, &ps, k).same(&want) {
            found.push(w.to_string());
            last = Some(k);
        }
    }
    if let Some(other) = found.get(rank).or(found.last()) {
        return Some(other.clone());
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

/// Days in a unit of time (folded words: Arabic singular, plural and
/// accusative forms, English singular and plural). A year is 365.25 days and
/// a month a twelfth of it, so that 12 months are one year.
fn time_unit(norm: &str) -> Option<f64> {
    const YEAR: f64 = 365.25;
    let bare = norm
        .strip_prefix(['ل', 'ب', 'و'])
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(norm);
    Some(match bare {
        "عام" | "عاما" | "اعوام" | "سنه" | "سنوات" | "سنين" | "year" | "years" => YEAR,
        "شهر" | "شهرا" | "اشهر" | "شهور" | "month" | "months" => YEAR / 12.0,
        "اسبوع" | "اسبوعا" | "اسابيع" | "week" | "weeks" => 7.0,
        "يوم" | "يوما" | "ايام" | "day" | "days" => 1.0,
        _ => return None,
    })
}

/// Whether the claim number at `at` counts a unit of time ("ستة أشهر").
pub fn counts_time(claim: &[QTok], at: usize) -> bool {
    claim.get(at + 1).is_some_and(|t| time_unit(&t.norm).is_some())
}

/// Dual forms of a unit of time: "عامين", "سنتين", "شهرين" (two).
fn dual_time_unit(norm: &str) -> Option<f64> {
    let bare = norm
        .strip_prefix(['ل', 'ب', 'و'])
        .filter(|r| r.chars().count() >= 4)
        .unwrap_or(norm);
    let single = match bare {
        "عامين" => "عام",
        "سنتين" => "سنه",
        "شهرين" => "شهر",
        "اسبوعين" => "اسبوع",
        "يومين" => "يوم",
        _ => return None,
    };
    time_unit(single).map(|d| 2.0 * d)
}

/// Words before a singular unit of time that make it a length of time:
/// "لمدة عام", "على مدى شهر", "طوال سنة", "for a year".
const DURATION_MARKERS: &[&str] = &["لمده", "مده", "مدي", "طوال", "طيله", "full", "whole"];

/// The duration (in days) a passage states at `k`, with its last token:
/// a number and a unit of time ("6 أشهر", "ستة أشهر", "two years"), a dual
/// ("عامين"), or a singular unit with no number that is a length of time
/// (one of it: "لمدة عام كامل", "a full year", "a year-long"). Not a point
/// in time: "عام 2030", "منذ عام", "a year ago", "the year".
fn duration_at(
    norms: &[&str],
    values: &std::collections::BTreeMap<usize, (usize, f64)>,
    k: usize,
) -> Option<(f64, usize)> {
    if let Some(&(last, v)) = values.get(&k) {
        let unit = norms.get(last + 1).and_then(|w| time_unit(w))?;
        return Some((v * unit, last + 1));
    }
    if let Some(d) = dual_time_unit(norms[k]) {
        return Some((d, k));
    }
    let unit = time_unit(norms[k])?;
    let bare = norms[k].strip_prefix(['ل', 'ب', 'و']).unwrap_or(norms[k]);
    // Only the singular: "أشهر" with no number is "months", not one.
    if !matches!(
        bare,
        "عام" | "سنه" | "شهر" | "اسبوع" | "يوم" | "year" | "month" | "week" | "day"
    ) {
        return None;
    }
    let prev = k.checked_sub(1).map(|p| norms[p]);
    let next = norms.get(k + 1).copied();
    // A point in time, not a length: "عام 2030", "a year ago", "منذ عام".
    if next.is_some_and(|w| is_year(w) || w == "ago") || prev.is_some_and(|w| ["منذ", "قبل", "بعد"].contains(&w))
    {
        return None;
    }
    let full = next.is_some_and(|w| ["كامل", "كامله", "كاملا", "long"].contains(&w));
    let marked = prev.is_some_and(|w| DURATION_MARKERS.contains(&w));
    // English "for a year", "a full year".
    let for_a = k >= 2 && norms[k - 1] == "a" && norms[k - 2] == "for";
    (full || marked || for_a).then_some((unit, k))
}

/// For a claim number counting a unit of time ("ستة أشهر", "a two-year
/// programme"), the passage's different duration in the same slot (near an
/// anchor), units compared: "عام كامل" (one year) against six months; 12
/// months are one year and do not conflict.
fn duration_conflict(claim: &[&str], at: usize, value: f64, passage: &[&str], anchors: &[usize]) -> Option<String> {
    let unit = claim.get(at + 1).and_then(|w| time_unit(w))?;
    let claimed = value * unit;
    // How long ago ("قبل يومين", "منذ ثلاث سنوات", "two days ago") is a
    // point in time, not how long a thing lasted: it answers only a claim
    // that also counts back ("three days ago", "قبل ثلاثة أيام").
    let claim_counts_back = at.checked_sub(1).is_some_and(|p| ago_marker(claim[p]))
        || claim
            .get(at + 2)
            .is_some_and(|w| ["ago", "earlier", "before"].contains(w));
    let values: std::collections::BTreeMap<usize, (usize, f64)> = crate::numbers::parse_number_words(passage)
        .into_iter()
        .filter(|s| s.kind != crate::numbers::NumberKind::Ordinal)
        .map(|s| (s.first, (s.last, s.value)))
        .chain(
            passage
                .iter()
                .enumerate()
                .filter_map(|(k, w)| w.parse::<f64>().ok().map(|v| (k, (k, v)))),
        )
        .collect();
    for k in 0..passage.len() {
        let Some((days, last)) = duration_at(passage, &values, k) else {
            continue;
        };
        let counts_back = k.checked_sub(1).is_some_and(|p| ago_marker(passage[p]))
            || passage.get(last + 1).is_some_and(|w| *w == "ago");
        if counts_back && !claim_counts_back {
            continue;
        }
        let near = anchors
            .iter()
            .any(|&a| a.abs_diff(k) <= SLOT_DISTANCE || a.abs_diff(last) <= SLOT_DISTANCE);
        if near && (days - claimed).abs() > 0.01 * claimed.max(days) {
            return Some(passage[k..=last].join(" "));
        }
    }
    None
}

/// Approximators between a time-ago marker and its time ("قبل نحو شهر").
const APPROXIMATORS: &[&str] = &["نحو", "حوالي", "قرابه", "زهاء", "about", "nearly", "some"];

/// The singular units of time that are one of themselves with no number.
fn singular_time_unit(norm: &str) -> Option<f64> {
    let bare = norm
        .strip_prefix(['ل', 'ب', 'و'])
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(norm);
    matches!(bare, "عام" | "سنه" | "شهر" | "اسبوع" | "يوم")
        .then(|| time_unit(bare))
        .flatten()
}

/// How long ago a time-ago expression starting at the marker `k` says (in
/// days), with its last token: "قبل نحو شهر" (one month: a singular unit
/// with no number is one), "منذ عامين", "قبل 3 أشهر", "قبل ثلاثة أيام".
fn ago_at(norms: &[&str], k: usize) -> Option<(f64, usize)> {
    if !ago_marker(norms[k]) {
        return None;
    }
    let mut j = k + 1;
    if norms.get(j).is_some_and(|w| APPROXIMATORS.contains(w)) {
        j += 1;
    }
    let w = *norms.get(j)?;
    if let Some(d) = dual_time_unit(w).or_else(|| singular_time_unit(w)) {
        return Some((d, j));
    }
    let value: f64 = w.parse().ok().or_else(|| word_number(norms, j))?;
    let unit = norms.get(j + 1).and_then(|u| time_unit(u))?;
    Some((value * unit, j + 1))
}

/// For a claim word that is a singular unit of time counted back with no
/// number ("شارك ... قبل نحو عام", a year ago), the passage's different
/// time ago in the clause of `verb` (the passage word carrying the claim's
/// predicate: the time of an event goes with its verb), as the passage
/// writes it: "قبل نحو شهر" against a year ago.
pub fn ago_conflict(claim: &[QTok], at: usize, passage: &[Term], verb: usize) -> Option<String> {
    let cn: Vec<&str> = claim.iter().map(|t| t.norm.as_str()).collect();
    let claimed = english_ago(&cn, at).or_else(|| {
        singular_time_unit(cn[at])?;
        let marker = (at.saturating_sub(2)..at).rev().find(|&m| ago_marker(cn[m]))?;
        let (claimed, last) = ago_at(&cn, marker)?;
        (last == at).then_some(claimed)
    })?;
    let pn: Vec<&str> = passage.iter().map(|t| t.norm.as_str()).collect();
    let clause = |a: usize, b: usize| !passage[a.min(b) + 1..=a.max(b)].iter().any(|t| t.brk);
    (0..pn.len()).find_map(|k| {
        let (days, end) = ago_at(&pn, k)?;
        ((days - claimed).abs() > 0.01 * claimed.max(days) && clause(k, verb) && clause(end, verb))
            .then(|| pn[k..=end].join(" "))
    })
}

/// An English single unit of time counted back, at `at` (the unit, or the
/// "a" / "an" / "one" before it): "a year ago", "about a month ago", in days.
fn english_ago(cn: &[&str], at: usize) -> Option<f64> {
    let one = |w: &str| matches!(w, "a" | "an" | "one");
    let unit = if one(cn[at]) {
        at + 1
    } else if at.checked_sub(1).is_some_and(|p| one(cn[p])) {
        at
    } else {
        return None;
    };
    let days = cn
        .get(unit)
        .filter(|u| matches!(**u, "year" | "month" | "week" | "day"))
        .and_then(|u| time_unit(u))?;
    (cn.get(unit + 1) == Some(&"ago")).then_some(days)
}

/// A word before a length of time that makes it a time ago: قبل, منذ
/// (with a conjunction: وقبل), "since".
fn ago_marker(w: &str) -> bool {
    let bare = w.strip_prefix('و').unwrap_or(w);
    ["قبل", "منذ", "since"].contains(&bare)
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
    fn a_single_unit_counted_back_is_one_of_it() {
        // Seeds 003 line 58 (tatweel removed): Israel took part in African
        // Lion about a month before the article.
        let passage =
            "وقبل نحو شهر شارك الكيان الإسرائيلي في مناورات الأسد الإفريقي لأول مرة، ومثل مراقبون عسكريون كيان الاحتلال";
        let j = crate::stance::judged("شارك الكيان الإسرائيلي في مناورات الأسد الإفريقي قبل عام", passage);
        assert_eq!(j.stance, Some(crate::verdict::Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("number")), "{j:?}");
        // Trap: the same time ago supports.
        let j = crate::stance::judged("شارك الكيان الإسرائيلي في مناورات الأسد الإفريقي قبل نحو شهر", passage);
        assert_eq!(j.stance, Some(crate::verdict::Stance::Supports), "{j:?}");
        let p = terms(passage);
        let norms: Vec<&str> = p.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(ago_at(&norms, 0).map(|(d, _)| d.round()), Some(30.0));
        assert_eq!(ago_at(&["منذ", "عامين"], 0).map(|(d, _)| d.round()), Some(731.0));
        assert_eq!(ago_at(&["قبل", "الانتفاضه"], 0), None);
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
    fn an_english_share_is_compared_as_a_percentage() {
        // Seeds 003 lines 132-134: Rabat took 15% of Africa's purchases.
        let c = q("rabat accounted for a quarter of africa purchases");
        let p = terms("واستحوذت الرباط على 15% من إجمالي مشتريات إفريقيا");
        assert_eq!(conflict_with(&c, 3, &p, &[1], Some(25.0), &[]), Some("15".into()));
        // Not against a count in the same place.
        let p = terms("واستحوذت الرباط على 15 صفقة من مشتريات إفريقيا");
        assert_eq!(conflict_with(&c, 3, &p, &[1], Some(25.0), &[]), None);
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

    fn pos(ts: &[Term], w: &str) -> usize {
        ts.iter().position(|t| &*t.norm == w).unwrap()
    }

    #[test]
    fn a_duration_without_a_digit_is_one() {
        // seeds-tune7 (003 lines 64-66): six months against "a full year".
        let c = q("استضاف الجيش الإسرائيلي ضباطا مغاربة كبارا لوضع برنامج عمل مشترك يمتد ستة أشهر");
        let at = c.iter().position(|t| t.norm == "سته").unwrap();
        let p = terms("واستضاف الشهر الماضي أيضًا ضباطًا مغربيين سامين للاتفاق على برنامج عمل مشترك لمدة عام كامل");
        let a = [pos(&p, "مشترك")];
        assert_eq!(conflict_with(&c, at, &p, &a, Some(6.0), &[]), Some("عام".into()));
        // 12 months are one year.
        let c12 = q("لوضع برنامج عمل مشترك يمتد 12 شهرا");
        assert_eq!(conflict_with(&c12, 5, &p, &a, None, &[]), None);
        // A dual is two.
        let p2 = terms("للاتفاق على برنامج عمل مشترك لمدة عامين");
        assert_eq!(
            conflict_with(&c, at, &p2, &[pos(&p2, "مشترك")], Some(6.0), &[]),
            Some("عامين".into())
        );
        let c24 = q("برنامج عمل مشترك يمتد 24 شهرا");
        assert_eq!(conflict_with(&c24, 4, &p2, &[pos(&p2, "مشترك")], None, &[]), None);
        // english-tune6: "a two-year joint work programme".
        let e = q("senior Moroccan officers to agree on a two-year joint work programme");
        let at = e.iter().position(|t| t.norm == "two").unwrap();
        assert_eq!(conflict_with(&e, at, &p, &a, Some(2.0), &[]), Some("عام".into()));
        let pe = terms("officers agreed on a joint work programme for a full year");
        assert_eq!(
            conflict_with(&e, at, &pe, &[pos(&pe, "programme")], Some(2.0), &[]),
            Some("year".into())
        );
    }

    #[test]
    fn a_point_in_time_is_no_duration() {
        let c = q("برنامج عمل مشترك يمتد ستة أشهر");
        let at = c.iter().position(|t| t.norm == "سته").unwrap();
        for p in [
            "برنامج عمل مشترك أطلق منذ عام",
            "برنامج عمل مشترك ينتهي عام 2030",
            "برنامج عمل مشترك أطلق الشهر الماضي",
            "برنامج عمل مشترك بين البلدين",
        ] {
            let p = terms(p);
            assert_eq!(conflict_with(&c, at, &p, &[pos(&p, "مشترك")], Some(6.0), &[]), None);
        }
        let e = q("a six-month joint programme");
        let at = e.iter().position(|t| t.norm == "six").unwrap();
        for p in [
            "the joint programme began a year ago",
            "the joint programme ends in the year 2030",
        ] {
            let p = terms(p);
            assert_eq!(conflict_with(&e, at, &p, &[pos(&p, "joint")], Some(6.0), &[]), None);
        }
        // A duration of another thing, far from the claim's words.
        let p = terms("برنامج عمل مشترك بين الجيشين اللذين تعاونا في مجالات عديدة على مدى عام كامل");
        assert_eq!(conflict_with(&c, at, &p, &[pos(&p, "مشترك")], Some(6.0), &[]), None);
    }

    #[test]
    fn a_time_ago_is_no_length_of_time() {
        // Seeds 003 line 48: Kochavi arrived "قبل يومين" (two days ago); a
        // visit that lasted three days is not contradicted by it.
        let e = q("kochavi's visit to morocco lasted three days");
        let at = e.iter().position(|t| t.norm == "three").unwrap();
        let p = terms("في أول زيارة رسمية من نوعها قبل يومين وصل رئيس الأركان الإسرائيلي أفيف كوخافي إلى المغرب");
        assert_eq!(conflict_with(&e, at, &p, &[pos(&p, "رسميه")], Some(3.0), &[]), None);
        // Trap: a claim that also counts back is answered ("three days ago").
        let e = q("kochavi arrived in morocco three days ago");
        let at = e.iter().position(|t| t.norm == "three").unwrap();
        assert_eq!(
            conflict_with(&e, at, &p, &[pos(&p, "رسميه")], Some(3.0), &[]).as_deref(),
            Some("يومين")
        );
        // And a length of time with no "ago" still conflicts.
        let p = terms("زيارة رسمية استمرت يومين قام بها رئيس الأركان الإسرائيلي أفيف كوخافي إلى المغرب");
        let e = q("kochavi's visit to morocco lasted three days");
        let at = e.iter().position(|t| t.norm == "three").unwrap();
        assert_eq!(
            conflict_with(&e, at, &p, &[pos(&p, "رسميه")], Some(3.0), &[]).as_deref(),
            Some("يومين")
        );
    }

    #[test]
    fn the_second_end_of_a_range_meets_the_second_year() {
        // english-tune6 (003 lines 131-132): 2014-2018 against 2012-2016.
        let c = q("among the biggest arms buyers between 2014 and 2018");
        let p = terms("ضمن كبار مشتريي السلاح بين عامي 2012 و2016");
        let a = [pos(&p, "السلاح"), pos(&p, "مشتريي")];
        let at14 = c.iter().position(|t| t.norm == "2014").unwrap();
        let at18 = c.iter().position(|t| t.norm == "2018").unwrap();
        assert_eq!(conflict(&c, at14, &p, &a), Some("2012".into()));
        assert_eq!(conflict(&c, at18, &p, &a), Some("2016".into()));
    }
}
