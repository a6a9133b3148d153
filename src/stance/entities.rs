//! Substituted entities: the passage names another place where the claim names one.
//!
//! A claim nationality met only away from its noun, where the passage gives
//! the noun another nationality ("a Moroccan company" against "شركة إن إس
//! أو الإسرائيلية", المغرب in another clause), contradicts too: see
//! [`displaced`].
//!
//! This module owns the rule for named places (countries, territories and
//! cities of [`crate::names`]): a claim place the passage does not carry,
//! where the passage names a different place that the claim does not
//! mention, in the same slot (next to the passage words that carry the
//! claim words on either side of the place), contradicts the claim. A
//! passage that lacks the place entirely, with no other place in its slot,
//! only mentions the claim. A country and its own cities are never
//! substitutes for each other (Morocco for Casablanca is less precise, not
//! another place), but two cities are, even in one country (Casablanca vs
//! Rabat), and a capital names both its country and its city.
//!
//! Example: "حماية البحر المتوسط كما جرى بين إسرائيل وقبرص وتركيا" is
//! contradicted by "كما حدث بين إسرائيل وقبرص واليونان" (reason
//! `entity وتركيا vs واليونان`: the words as the claim and passage write them);
//! "وصل غانتس إلى الدار البيضاء في زيارة" by "وصل غانتس إلى الرباط في زيارة"
//! (`entity الدار البيضاء vs الرباط`).

use super::reason::{Reason, Rule};
use crate::index::Term;
use crate::matching::{Alignment, QTok, Query};
use crate::names;
use std::collections::HashMap;
use std::sync::OnceLock;

/// How near (in tokens) the other place must be to the carried neighbours.
const SLOT_DISTANCE: usize = 3;

/// Built-in names by the stem of their first word: (group, the name's
/// stems, its first word as folded).
type NamesByFirstStem = HashMap<String, Vec<(usize, Vec<String>, String)>>;

/// Every built-in name as stems, by the stem of its first word.
fn names_by_first_stem() -> &'static NamesByFirstStem {
    static M: OnceLock<NamesByFirstStem> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: NamesByFirstStem = HashMap::new();
        for (g, group) in names::groups().iter().enumerate() {
            for phrase in &group.phrases {
                let stems: Vec<String> = phrase.iter().map(|w| QTok::new(w).stem).collect();
                // Short single words (US/us, مالي) stay out: ambiguous.
                if stems.len() == 1 && stems[0].chars().count() < 3 {
                    continue;
                }
                // The stemmer may read a bare first letter as a clitic
                // (بريطانية → ريط) that it keeps after the article
                // (البريطانية → بريط): the article's form is a name too.
                if let Some(defined) = with_article_spelled(&phrase[0]) {
                    let mut alt = stems.clone();
                    alt[0] = defined;
                    if alt[0] != stems[0] {
                        m.entry(alt[0].clone()).or_default().push((g, alt, phrase[0].clone()));
                    }
                }
                m.entry(stems[0].clone())
                    .or_default()
                    .push((g, stems, phrase[0].clone()));
            }
        }
        m
    })
}

/// The stem of an Arabic word with the article ال before it, when the
/// word starts with a letter the stemmer may take for a clitic (ب ف ك ل و:
/// بريطانية → ريط, but البريطانية → بريط) and the defined form keeps four
/// letters or more (shorter stems meet ordinary words).
pub fn with_article(word: &str) -> Option<String> {
    defined_stem(word, 4)
}

/// The stem of `word` with the article before it, if the word starts with
/// a letter the stemmer may take for a clitic and the stem keeps `min` letters.
fn defined_stem(word: &str, min: usize) -> Option<String> {
    if !crate::stem::is_arabic(word) || word.starts_with("ال") || !word.starts_with(['ب', 'ف', 'ك', 'ل', 'و']) {
        return None;
    }
    let defined = QTok::new(&format!("ال{word}")).stem;
    (defined.chars().count() >= min).then_some(defined)
}

/// [`with_article`] for a name whose spelling is checked where it is met
/// ([`crate::matching::spells_name`]): a three-letter defined stem is kept
/// too (اللبنانية → لبن, which stems like اللبن "milk", but does not spell
/// لبنانية), so the Lebanese adjective names Lebanon.
pub fn with_article_spelled(word: &str) -> Option<String> {
    defined_stem(word, 3)
}

/// Whether a place name the rule knows may start with a word of this stem
/// (a cheap test for bounds: the rule only looks at such words).
pub fn starts_a_place(stem: &str) -> bool {
    names_by_first_stem().contains_key(stem)
}

/// The places named by words starting at `k` (stems `at(k)`, `at(k + 1)`,
/// ..., the first word as folded `word(k)`: it must spell the name, as
/// البحرية, which stems like البحرين, does not), with the number of words
/// that name each.
fn places_at<'a, 'b>(
    len: usize,
    k: usize,
    at: impl Fn(usize) -> &'a str,
    word: impl Fn(usize) -> &'b str,
) -> Vec<(usize, usize)> {
    let Some(entries) = names_by_first_stem().get(at(k)) else {
        return Vec::new();
    };
    let mut out: Vec<(usize, usize)> = entries
        .iter()
        .filter(|(_, stems, first)| {
            k + stems.len() <= len
                && stems.iter().enumerate().all(|(i, s)| at(k + i) == s)
                && (!crate::stem::is_arabic(first) || crate::matching::spells_name(word(k), first))
        })
        .map(|(g, stems, _)| (*g, stems.len()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The claim's own place for the unit: the city its words name if they name
/// one (الرباط names Morocco and Rabat), else the unit's place.
fn own_place(query: &Query, ui: usize, group: usize) -> usize {
    let toks = &query.units[ui].phrases[0].tokens;
    places_at(toks.len(), 0, |i| toks[i].stem.as_str(), |i| toks[i].norm.as_str())
        .into_iter()
        .find(|&(g, n)| n == toks.len() && names::groups()[g].is_city())
        .map_or(group, |(g, _)| g)
}

/// Words for a relation that holds between two places (relations, tension,
/// crisis, dispute): a country has such a relation with many others at once.
const RELATION_WORDS: [&str; 6] = ["علاقات", "العلاقات", "توتر", "ازمه", "خلاف", "نزاع"];

/// Whether the claim states a relation between two or more places it names
/// ("تشهد العلاقات بين الجزائر وفرنسا توترا"): then a passage on the same
/// relation between one of them and another place (001's tension between
/// Morocco and Algeria) states another fact, not a contradiction; it only
/// mentions the claim, which still needs each of its places to be supported.
fn relation_between_places(query: &Query, claimed: &[usize]) -> bool {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    let stems = STEMS.get_or_init(|| RELATION_WORDS.iter().map(|w| QTok::new(w).stem).collect());
    let mut places: Vec<usize> = query.units.iter().filter_map(|u| u.place).collect();
    places.sort_unstable();
    places.dedup();
    places.len() >= 2
        && !claimed.is_empty()
        && query
            .tokens
            .iter()
            .any(|t| stems.contains(&t.stem) || stems.contains(&t.norm))
}

/// English words for such a relation (see [`RELATION_WORDS`]).
const ENGLISH_RELATION_WORDS: [&str; 7] = [
    "relations",
    "relation",
    "ties",
    "tension",
    "tensions",
    "crisis",
    "dispute",
];

/// Whether the claim speaks of a relation (relations, tension, crisis,
/// dispute: [`RELATION_WORDS`]), which holds between its parties: the same
/// word of a relation with another place is not said of them.
pub fn states_relation(query: &Query) -> bool {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    let stems = STEMS.get_or_init(|| RELATION_WORDS.iter().map(|w| QTok::new(w).stem).collect());
    query.tokens.iter().any(|t| {
        stems.contains(&t.stem) || stems.contains(&t.norm) || ENGLISH_RELATION_WORDS.contains(&t.norm.as_str())
    })
}

/// Whether the claim's place unit `ui` is a party to its relation: nothing
/// but places and function words stand between it and a relation word
/// ("العلاقات بين الجزائر وفرنسا", "العلاقات الجزائرية الروسية"). A place
/// further on is another thing's ("الخبير في العلاقات الإسرائيلية
/// المغربية بجامعة القدس": the university's city).
fn in_relation(query: &Query, ui: usize) -> bool {
    static STEMS: OnceLock<Vec<String>> = OnceLock::new();
    let stems = STEMS.get_or_init(|| RELATION_WORDS.iter().map(|w| QTok::new(w).stem).collect());
    let toks = &query.tokens;
    let at = query.units[ui].at;
    let in_place = |i: usize| {
        query
            .units
            .iter()
            .any(|u| u.place.is_some() && (u.at..u.at + u.phrases[0].tokens.len()).contains(&i))
    };
    let filler = |i: usize| in_place(i) || crate::stem::is_stop_word(&toks[i].norm);
    toks.iter()
        .enumerate()
        .any(|(r, t)| (stems.contains(&t.stem) || stems.contains(&t.norm)) && (r.min(at) + 1..r.max(at)).all(&filler))
}

/// Every place group the claim names, each with the group its unit stands
/// for in this claim ([`own_place`]).
fn claimed_places(query: &Query) -> Vec<usize> {
    query
        .units
        .iter()
        .enumerate()
        .filter_map(|(vi, v)| v.place.map(|g| [g, own_place(query, vi, g)]))
        .flatten()
        .collect()
}

/// Whether the passage names a place the claim does not within `distance`
/// words of `first..=last` (its words): what stands there is said of that
/// place ("توتر في العلاقات الجزائرية الفرنسية" for relations with Russia).
pub fn other_place_near(query: &Query, terms: &[Term], first: usize, last: usize, distance: usize) -> bool {
    let claimed = claimed_places(query);
    let from = first.saturating_sub(distance);
    let to = (last + distance).min(terms.len().saturating_sub(1));
    (from..=to).any(|k| {
        places_at(terms.len(), k, |i| &terms[i].stem, |i| &terms[i].norm)
            .iter()
            .any(|&(g, _)| !claimed.contains(&g) && !claimed.iter().any(|&c| names::contains_either(c, g)))
    })
}

/// Whether passage position `k` stands in the slot the claim words at
/// `carried` (the anchors of [`super::slot_anchors`]) make.
fn in_slot(carried: &[usize], k: usize) -> bool {
    carried.iter().any(|&c| c != k && c.abs_diff(k) <= SLOT_DISTANCE)
}

/// Whether [`conflict`] may find another place in unit `ui`'s slot: some
/// word in the slot begins a place name. `false` means [`conflict`] is
/// `None`, by the same test of the slot; judging reads this to skip the
/// rules on spans whose only way to carry the claim was another place
/// somewhere in them (`check::Silence`).
pub(crate) fn may_conflict(ui: usize, terms: &[Term], al: &Alignment) -> bool {
    let carried = super::slot_anchors(al, ui);
    (0..terms.len()).any(|k| in_slot(&carried, k) && starts_a_place(&terms[k].stem))
}

/// The entity reason for unit `ui`, if the passage names another place in its slot.
pub fn conflict(query: &Query, ui: usize, terms: &[Term], al: &Alignment) -> Option<Reason> {
    let u = &query.units[ui];
    let group = u.place?;
    // What depends on the claim alone is found on first asking: most
    // slots hold no other place.
    let own = std::cell::OnceCell::new();
    let own = || *own.get_or_init(|| own_place(query, ui, group));
    let groups = names::groups();
    let claimed = std::cell::OnceCell::new();
    let claimed = || claimed.get_or_init(|| claimed_places(query));
    // A city of a country the claim names is about that country, unless
    // the claim's place is itself a city (then it is a sibling, or another
    // city in its place: "signed in Tel Aviv" by Moroccan and Israeli
    // ministers against "وقعا ... في الرباط").
    let about_claimed = |other: usize| {
        let o = &groups[other];
        o.is_city()
            && !groups[own()].is_city()
            && claimed()
                .iter()
                .any(|&c| !groups[c].is_city() && groups[c].region() == o.region())
    };
    // The passage positions of the claim words next to this one.
    let carried = super::slot_anchors(al, ui);
    let found = (0..terms.len()).find_map(|k| {
        if !in_slot(&carried, k) {
            return None;
        }
        // The longest name that starts there: "المغرب العربي" names the
        // Maghreb, not Morocco.
        let at = places_at(terms.len(), k, |i| terms[i].stem.as_str(), |i| &*terms[i].norm);
        let longest = at.iter().map(|&(_, n)| n).max().unwrap_or(0);
        at.into_iter()
            .filter(|&(_, n)| n == longest)
            .find(|&(other, _)| {
                other != own()
                    && other != group
                    && !claimed().contains(&other)
                    && !names::contains_either(own(), other)
                    && !about_claimed(other)
            })
            .map(|(_, n)| (k, n))
    });
    // A claim on a relation between places the unit is a party to meets
    // no other place (asked only once one is found).
    let (k, n) = found?;
    if relation_between_places(query, claimed()) && in_relation(query, ui) {
        return None;
    }
    let shown: Vec<&str> = terms[k..k + n].iter().map(|t| t.norm.as_str()).collect();
    Some(Reason::against(Rule::Entity, &u.label, &shown.join(" ")))
}

/// The consonant skeleton of a folded word: weak letters and hamza seats
/// dropped (الإيرانيون → لرنن, إيران → رن).
fn skeleton(word: &str) -> String {
    word.chars().filter(|c| !"اويىءئؤآأإهة".contains(*c)).collect()
}

/// The entity reason for a claim word the name tables do not know as a
/// place (بغداد, للخليج, لحماس, العام) whose slot in the passage
/// ([`super::substitution::slot_word`]: the claim words on both sides
/// carried, one word between them) holds a place the claim does not name
/// ("تصميم برقع خاص لزيارة الأميرة ديانا للخليج" against "... للصين"). Not
/// a place of the claim's own word ("الإيرانيون" against "إيران": one
/// skeleton holds the other).
pub fn place_in_word_slot(query: &Query, ui: usize, terms: &[Term], al: &Alignment) -> Option<Reason> {
    let u = &query.units[ui];
    if u.place.is_some() || u.class_of.is_some() {
        return None;
    }
    let k = super::substitution::slot_word(query, terms, al, ui)?;
    let t = &terms[k];
    let other = crate::matching::place_of(&t.norm, &t.stem)?;
    let claimed = claimed_places(query);
    if claimed.contains(&other) || claimed.iter().any(|&c| names::contains_either(c, other)) {
        return None;
    }
    let (a, b) = (skeleton(&u.label), skeleton(&t.norm));
    if a.contains(&b) || b.contains(&a) {
        return None;
    }
    Some(Reason::against(Rule::Entity, &u.label, &t.norm))
}

/// How many words after the passage's noun its nationality may stand: a
/// name of a few words may come between ("شركة إن إس أو الإسرائيلية").
const NOUN_PHRASE_REACH: usize = 5;

/// Whether a folded word reads as a nationality adjective: Arabic in ي or
/// يه (مغربيه، الاسرائيليه), English in -an, -ese, -i, -ish (Moroccan,
/// Israeli).
fn nationality(word: &str) -> bool {
    if crate::stem::is_arabic(word) {
        word.ends_with("يه") || word.ends_with('ي')
    } else {
        ["an", "ese", "i", "ish"].iter().any(|e| word.ends_with(e))
    }
}

/// The entity reason for a place unit `ui` the passage carries, but not by
/// the noun the claim gives it as a nationality ("a Moroccan company"):
/// where the passage's match of that noun is followed, within its noun
/// phrase (up to [`NOUN_PHRASE_REACH`] words, no clause break), by another
/// place ("شركة إن إس أو الإسرائيلية"), and the claim's place is met away
/// from the noun (المغرب in another clause), the noun is another place's.
/// The claim's noun is the unit right next to the place in the claim;
/// another place the claim names itself is not a substitute.
pub fn displaced(query: &Query, ui: usize, terms: &[Term], al: &Alignment) -> Option<Reason> {
    let u = &query.units[ui];
    let group = u.place?;
    let own_match = al.units[ui].as_ref()?;
    // Both places as nationalities: the claim's "Moroccan" (مغربية), the
    // passage's الإسرائيلية; a place named as a noun is another slot.
    if !nationality(&query.tokens[u.at].norm) {
        return None;
    }
    let own = own_place(query, ui, group);
    let claimed = claimed_places(query);
    // Whether the claim names a place only as a noun ("للجزائر"), never as
    // the nationality of one of its nouns ("the American delegation").
    let named_as_noun = |g: usize| {
        query
            .units
            .iter()
            .filter(|v| v.place == Some(g))
            .all(|v| !nationality(&query.tokens[v.at].norm))
    };
    let nouns = [ui.checked_sub(1), Some(ui + 1)].into_iter().flatten().filter(|&n| {
        query.units.get(n).is_some_and(|v| {
            v.kind == crate::matching::UnitKind::Word && v.place.is_none() && !v.key && v.at.abs_diff(u.at) == 1
        })
    });
    for n in nouns {
        let Some(m) = al.units[n].as_ref() else {
            continue;
        };
        let end = (m.last + NOUN_PHRASE_REACH).min(terms.len().saturating_sub(1));
        // The claim's place next to the noun: its own nationality.
        if own_match.last + 1 >= m.first && own_match.first <= end {
            continue;
        }
        let mut k = m.last + 1;
        while k <= end && !terms[k].brk {
            let at = places_at(terms.len(), k, |i| terms[i].stem.as_str(), |i| &*terms[i].norm);
            if let Some(&(_, len)) = at.iter().find(|&&(other, _)| {
                other != own
                    && other != group
                    // Another place the claim names elsewhere ("تهديد
                    // للجزائر") is no substitute, unless the passage gives
                    // it to the noun itself, right after it: "المحلل
                    // السياسي الجزائري" against "المحلل السياسي المغربي".
                    && (!claimed.contains(&other) || (k == m.last + 1 && named_as_noun(other)))
                    && !names::contains_either(own, other)
                    && nationality(&terms[k].norm)
            }) {
                let shown: Vec<&str> = terms[k..k + len].iter().map(|t| t.norm.as_str()).collect();
                return Some(Reason::against(Rule::Entity, &u.label, &shown.join(" ")));
            }
            k += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_noun_of_another_nationality_contradicts() {
        // english-tune2 e2-pegasus-moroccan-company (gold contradicted):
        // seeds 001 line 38, Morocco met in another clause.
        let passage = "وتعد إسرائيل من أهم مصدري الطائرات المسيرة الحربية والتطبيقات الإلكترونية لأغراض أمنية إلى المغرب، مثل تطبيق بيغاسوس الذي طورته شركة إن إس أو الإسرائيلية.";
        let j = run("تطبيق بيغاسوس طورته شركة مغربية", passage);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("entity ")), "{j:?}");
        // Trap: the company's own nationality still supports.
        let j = run("تطبيق بيغاسوس طورته شركة إسرائيلية", passage);
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    use crate::stance::judged as run;
    use crate::verdict::Stance;

    #[test]
    fn the_nationality_right_after_the_noun_is_its_own_even_of_a_place_the_claim_names() {
        // Seeds 001 line 64: an Algerian analyst. The claim names Algeria
        // too (the threat is to Algeria), and Morocco is met elsewhere in
        // the passage ("التقارب الإسرائيلي المغربي").
        let passage = "وفي هذا الصدد يقول المحلل السياسي الجزائري، حسن لحرمة، إن هذا التقارب الإسرائيلي المغربي يمثل تهديدا مباشرا للجزائر على المستويين العسكري والسياسي.";
        let j = run(
            "قال المحلل السياسي المغربي حسن لحرمة إن التقارب الإسرائيلي المغربي تهديد مباشر للجزائر",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("entity ")), "{j:?}");
        // Trap: the analyst's own nationality still supports.
        let j = run(
            "قال المحلل السياسي الجزائري حسن لحرمة إن التقارب الإسرائيلي المغربي تهديد مباشر للجزائر",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: a place the claim gives a noun of its own as nationality
        // (seeds 004 line 8: two delegations) stays no substitute.
        let j = run(
            "ناقش الوفد المغربي التهديد الإيراني المحتمل في شمال إفريقيا مع الوفد الأمريكي",
            "ونقلت صحيفة الطيار عن مصادر قريبة من الاجتماع أن الوفد المغربي ناقش التهديد الإيراني المحتمل في شمال إفريقيا مع الوفد الأمريكي.",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_place_apart_from_the_relation_is_no_party_to_it() {
        // Seeds 001 line 60: an expert on Israeli-Moroccan relations at Tel
        // Aviv University. Jerusalem, the university's city in the claim, is
        // no party to the relations the claim names.
        let passage = "يعتبر الخبير في العلاقات الإسرائيلية المغربية بجامعة تل أبيب بروس مادي وايتسمان، في تصريحات لوكالة فرانس برس، أن هذا التزامن قد لا يكون من باب الصدفة.";
        let j = run(
            "يعمل الخبير في العلاقات الإسرائيلية المغربية بروس مادي وايتسمان بجامعة القدس",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("entity ")), "{j:?}");
        // Trap: a party to the relation keeps its exemption (the relation
        // with another place is another fact).
        let j = run(
            "تشهد العلاقات بين الجزائر وفرنسا توترا",
            "تأتي زيارة غانتس في سياق إقليمي متوتر مع تصاعد التوتر في العلاقات بين الجزائر والمغرب.",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
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
    fn another_nationality_in_the_slot_contradicts() {
        // ANS train (disagree): the bare adjective stems apart from the
        // defined one (بريطانية → ريط, البريطانية → بريط); both name the place.
        let j = run(
            "جائزة مان بوكر المرموقة من نصيب البريطانية آنا بيرنز عن روايتها بائع الحليب",
            "جائزة مان بوكر المرموقة من نصيب الفرنسية آنا بيرنز عن روايتها بائع الحليب",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity البريطانيه vs الفرنسيه"]);
    }

    #[test]
    fn a_country_with_a_clitic_letter_is_a_name() {
        // ANS train (disagree): "لمصر" keeps its ل in the stemmer; without
        // reading it as Egypt the passage supported the claim at 0.77.
        let j = run(
            "هل لمصر دور فاعل في المصالحة الفلسطينية؟",
            "هل للسعودية دور فاعل في المصالحة الفلسطينية؟",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity لمصر vs للسعوديه"]);
    }

    #[test]
    fn the_navy_is_not_bahrain() {
        // البحرية (navy) and البحر (sea) stem like البحرين (بحر): a word
        // must spell a name to name its place.
        let j = run(
            "عززت الجزائر قواتها في المغرب هذا العام",
            "عززت الجزائر قواتها البحرية هذا العام",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run(
            "عززت الجزائر قواتها في المغرب هذا العام",
            "عززت الجزائر قواتها في البحرين هذا العام",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(crate::matching::place_of("البحريه", "بحر"), None);
        assert_eq!(crate::matching::place_of("البحر", "بحر"), None);
        assert!(crate::matching::place_of("والبحرين", "بحر").is_some());
    }

    #[test]
    fn a_relation_between_two_countries_is_not_contradicted_by_another_pair() {
        // seeds-tune6 s6-algeria-france-tension against 001 line 3: the
        // tension between Morocco and Algeria is another fact.
        let claim = "تشهد العلاقات بين الجزائر وفرنسا توترا";
        let j = run(
            claim,
            "وصل بيني غانتس إلى الرباط في زيارة هي الأولى لوزير الحرب إسرائيلي إلى المغرب الذي تتصاعد التوترات بينه وبين الجزائر بسبب أزمة الصحراء الغربية.",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: a claim of one place and no relation is still contradicted.
        let j = run("وصل غانتس إلى الدار البيضاء في زيارة", "وصل غانتس إلى الرباط في زيارة");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
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
    fn another_city_in_the_slot_contradicts_even_in_the_same_country() {
        let j = run(
            "وصل وزير الدفاع الإسرائيلي بيني غانتس إلى الدار البيضاء في زيارة تاريخية إلى المغرب",
            "وصل بيني غانتس، مساء امس الثلاثاء، إلى الرباط، في “زيارة تاريخية” هي الأولى لوزير إسرائيلي إلى المغرب.",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity الدار البيضاء vs الرباط"]);
    }

    #[test]
    fn a_country_is_no_substitute_for_its_own_city_nor_its_capital_for_it() {
        // The passage is less precise (Morocco for Casablanca): not another place.
        let j = run(
            "وصل غانتس إلى الدار البيضاء في زيارة",
            "وصل غانتس إلى المغرب في زيارة رسمية",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // The capital names its country.
        let j = run("وصل غانتس إلى المغرب في زيارة", "وصل غانتس إلى الرباط في زيارة رسمية");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // A city of a country the claim names is about that country.
        let j = run(
            "اتهمت الجزائر المغرب بالتصعيد في زيارة",
            "اتهمت الجزائر من وهران المغرب بالتصعيد في زيارة",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn algiers_named_as_the_capital_is_not_carried_by_the_country() {
        // Seeds 002 line 19: the talks are announced, with no venue; a claim
        // that they will be held in Algiers ("الجزائر العاصمة", the city where
        // "الجزائر" alone is the country) is not carried by the country.
        let passage = "تعتزم الجزائر وواشنطن عقد مباحثات ثنائية لتعزيز التعاون العسكري بما يشمل توقيع صفقات تسلح ضخمة";
        let j = run(
            "ستعقد المباحثات العسكرية بين الجزائر وواشنطن في الجزائر العاصمة",
            passage,
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: the capital that news uses for its state still names it
        // (004 line 20: "التهديد المستمر والمتزايد لطهران", Iran's threat).
        let j = run(
            "يبلغ المغرب الآن الجانب الأمريكي بالتهديد الإيراني المستمر والمتزايد",
            "وأشار إلى أن المغرب يبلغ الآن الجانب الأمريكي بالتهديد المستمر والمتزايد لطهران",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn the_white_house_names_the_united_states() {
        // Seeds 000 line 20: Blinken on his country's strong support for
        // Morocco's plan; a desk says "the White House".
        let passage = "وتلاثنين افاد وزير الخارجية الأميركي أنتوني بلينكن عن دعم بلاده القوي للخطة الجادة والجديرة بالثقة والواقعية التي وضعها المغرب للصحراء";
        let j = run("أكد البيت الأبيض دعمه القوي للخطة التي وضعها المغرب للصحراء", passage);
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: another country in its place is another place.
        let j = run(
            "أكد البيت الأبيض دعمه القوي للخطة التي وضعها المغرب للصحراء",
            "افاد وزير الخارجية الفرنسي عن دعم بلاده القوي للخطة التي وضعها المغرب للصحراء",
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn another_city_contradicts_a_city_of_another_country_the_claim_names() {
        // Seeds 001 line 5: the memorandum was signed in Rabat, not Tel Aviv,
        // though the claim names Morocco (whose city Rabat is).
        let passage = "إن وزيرين مغربي وإسرائيلي وقعا مذكرة تفاهم دفاعية في الرباط، اليوم الأربعاء";
        let j = run("وقع وزيران مغربي وإسرائيلي مذكرة تفاهم دفاعية في تل أبيب", passage);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity تل ابيب vs الرباط"]);
        // Trap: a claim naming the country, not a city, is not contradicted
        // by its capital.
        let j = run("وقع وزيران مغربي وإسرائيلي مذكرة تفاهم دفاعية في المغرب", passage);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_city_of_another_country_contradicts_a_country() {
        let j = run(
            "وصل غانتس إلى المغرب في زيارة رسمية",
            "وصل غانتس إلى وهران في زيارة رسمية",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity المغرب vs وهران"]);
    }

    #[test]
    fn a_country_the_claim_also_names_is_no_substitute() {
        let j = run(
            "زار وزير الخارجية الجزائري موسكو",
            "زار وزير الخارجية الجزائري موسكو والتقى نظيره الروسي",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_place_next_to_the_run_of_claim_words_is_in_the_slot() {
        // english-tune2 (Lapid's liaison office "in Casablanca"; 001 line
        // 25 says في الرباط): the claim word next to the place (مكتب) begins
        // a run of claim words that ends two words before the other city.
        let claim = "افتتح لبيد في الدار البيضاء مكتب الاتصال الإسرائيلي";
        let j = run(claim, "افتتح لبيد مكتب الاتصال الإسرائيلي الجديد في الرباط");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity الدار البيضاء vs الرباط"]);
        // Trap: a city far past the run is another event's.
        let j = run(
            claim,
            "افتتح لبيد مكتب الاتصال الإسرائيلي بعد أشهر من زيارة وفد عسكري إلى الرباط",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn the_maghreb_is_a_region_not_morocco() {
        // Seeds 003 lines 139-142: Israel found in Morocco its best ally for a
        // foothold in the Maghreb.
        let passage = "يسعى الكيان الإسرائيلي من وراء صفقات الأسلحة إلى إيجاد موطئ قدم له في المغرب العربي، يمكنه من القيام بمهامه هناك وفي إفريقيا بأريحية أكثر، وقد وجد في المغرب خير حليف في هذا الأمر.";
        let j = run(
            "وجدت إسرائيل في الجزائر خير حليف لها لإيجاد موطئ قدم في المغرب العربي",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity الجزائر vs المغرب"]);
        let j = run(
            "وجدت إسرائيل في المغرب خير حليف لها لإيجاد موطئ قدم في المغرب العربي",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: a country of the region is no substitute for the region.
        let j = run(
            "تسعى إسرائيل إلى إيجاد موطئ قدم لها في الجزائر",
            "تسعى إسرائيل إلى إيجاد موطئ قدم لها في المغرب العربي",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn geneva_is_a_city_in_the_slot() {
        // Seeds 004 line 10: Hilale spoke in New York; a claim says Geneva.
        let passage =
            "أكد ممثل المغرب لدى الأمم المتحدة عمر هيلاري في نيويورك أن إيران تقدم طائرات بدون طيار لجبهة البوليساريو.";
        let j = run(
            "قال ممثل المغرب لدى الأمم المتحدة عمر هيلاري في جنيف إن إيران تقدم طائرات بدون طيار لجبهة البوليساريو",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity جنيف vs نيويورك"]);
        // Trap: the passage's own city supports.
        let j = run(
            "قال ممثل المغرب لدى الأمم المتحدة عمر هيلاري في نيويورك إن إيران تقدم طائرات بدون طيار لجبهة البوليساريو",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn the_two_spanish_enclaves_are_places() {
        // Seeds 001 line 43: a base "بالقرب من مدينة مليلية"; a claim says سبتة.
        let j = run(
            "التعاون الإسرائيلي المغربي قد يشمل إقامة قاعدة عسكرية قرب مدينة سبتة",
            "أن التعاون بين إسرائيل والمغرب قد يشمل بناء قاعدة عسكرية بالقرب من مدينة مليلية",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity سبته vs مليليه"]);
    }

    #[test]
    fn the_lebanese_adjective_names_lebanon() {
        // ANS train (disagree): a currency named by its country's adjective.
        // اللبنانية stems to لبن, three letters: read as Lebanon only where
        // the word spells the name.
        let j = run(
            "زلزال الليرة التركية يضرب اليورو وعملات الأسواق الناشئة",
            "زلزال الليرة اللبنانية يضرب اليورو وعملات الأسواق الناشئة",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity التركيه vs اللبنانيه"]);
        assert!(crate::matching::place_of("اللبنانيه", "لبن").is_some());
        // Trap: اللبن (milk) stems alike but is no place.
        assert_eq!(crate::matching::place_of("اللبن", "لبن"), None);
        let j = run("مصر ترفع أسعار الحليب هذا العام", "ترفع أسعار اللبن هذا العام");
        assert!(!j.reasons.iter().any(|r| r.starts_with("entity")), "{j:?}");
    }

    #[test]
    fn more_cities_of_the_news_are_places() {
        // ANS train (disagree): Perth and Aswan in the slot of another city.
        let j = run("رحلة للتاريخ بين لندن وبيرث", "رحلة تاريخية بين لندن وبرلين");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity وبيرث vs وبرلين"]);
        let j = run(
            "مصر: اكتشاف هياكل بشرية داخل تابوت يعود إلى ما قبل الميلاد بالإسكندرية",
            "مصر: اكتشاف هياكل بشرية داخل تابوت يعود إلى ما قبل الميلاد بأسوان",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity بالاسكندريه vs باسوان"]);
        // Trap: a city's own country is no substitute for it.
        let j = run(
            "تظاهرات غاضبة في البصرة ضد الحكومة",
            "تظاهرات غاضبة في العراق ضد الحكومة",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_place_in_the_slot_of_a_word_the_tables_do_not_know_contradicts() {
        // ANS train (disagree; supported at 0.84 before): Israel in the
        // slot of "terrorism", which no name table holds.
        let j = run(
            "صرحت إيران بأن هدفها الأساسي هو مواجهة الإرهاب",
            "صرحت إيران بأن هدفها الأساسي هو مواجهة إسرائيل",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity الارهاب vs اسرائيل"]);
        // ANS train (disagree): the Gulf, a region the tables lack, against China.
        let j = run(
            "تصميم برقع خاص لزيارة الأميرة ديانا للخليج",
            "تصميم برقع خاص لزيارة الأميرة ديانا للصين",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap (ANS train, agree): the claim's Iranians are Iran's.
        let j = run(
            "وزير إسرائيلي يهدد بتصفية الأسد إذا استخدم الإيرانيون سوريا للهجوم على بلاده",
            "مقتل الأسد سيكون أولى الخطوات إذا استخدمت إيران سوريا من أجل الهجوم على إسرائيل",
        );
        assert!(!j.reasons.iter().any(|r| r.starts_with("entity")), "{j:?}");
        // Trap (ANS train, agree): a place the passage adds past the
        // claim's words is in no claim word's slot.
        let j = run(
            "ما صلاحيات أردوغان في ظل النظام الرئاسي؟",
            "تعرف على صلاحيات أردوغان في ظل النظام الرئاسي فى تركيا",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn another_place_in_a_headline_contradicts_at_the_headline_floor() {
        // ANS train (disagree, judged other at 0.35): a headline that tells
        // the claim's story of London, not Paris. The swapped place counts
        // as the claim's name, so the headline floor applies.
        let j = run(
            "السر وراء المسلة المصرية الموجودة في قلب باريس",
            "أسرار مسلة مصرية في قلب لندن",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["entity باريس vs لندن"]);
        // Trap (ANS train, agree): the same country named otherwise.
        let j = run(
            "صور تعرض للمرة الأولى لأول ظهور للبيتلز في الولايات المتحدة",
            "بالصور: أول ظهور للبيتلز في الولايات المتحدة الأمريكية",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }
}
