//! Hedges and attribution: how firmly does a passage assert what it says?
//!
//! This module owns two word lists, in folded form (see [`crate::normalize`]):
//! - **speculation** ("may", "reportedly", قد + present verb, ربما، يتوقع،
//!   من المرجح): the passage says something might be so. A speculative
//!   passage supports a claim only as strongly as the claim asserts: against
//!   a flat claim it only *mentions* it (reason `hedge قد`); against a claim
//!   that is itself hedged it supports it.
//! - **attribution** (بحسب، وفق، حسب، نقلا عن، "according to"): the passage
//!   reports what someone said. News is written this way, so attribution
//!   does not weaken support; it is kept in the evidence reasons
//!   (`attributed بحسب`) so an editor sees whose word it is.
//!
//! Only cues near the matched content count: from [`LEAD`] words before
//! the first matched word to the last one.
//!
//! Example: "قد تحصل الجزائر على منظومة اس 500" only mentions the claim
//! "حصلت الجزائر على منظومة اس 500" (reason `hedge قد`), and supports the
//! claim "قد تحصل الجزائر على منظومة اس 500".

/// How many words before the first matched word a cue may stand.
pub const LEAD: usize = 4;

/// What a hedge cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    /// The passage says it might be so.
    Speculation,
    /// The passage reports someone's word.
    Attribution,
}

#[rustfmt::skip]
const SPECULATION: &[&str] = &[
    "ربما", "لعل", "يتوقع", "تتوقع", "يتوقعون", "متوقع", "المتوقع", "متوقعه",
    "يرجح", "ترجح", "المرجح", "مرجح", "يحتمل", "المحتمل", "محتمل", "احتمال",
    "يشتبه", "مزعوم", "المزعوم", "مزعومه", "المزعومه", "يزعم", "تزعم",
    "may", "might", "could", "possibly", "perhaps", "likely", "probably",
    "expected", "reportedly", "allegedly", "rumored", "rumoured", "suspected",
];

#[rustfmt::skip]
const ATTRIBUTION: &[&str] = &[
    "بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا",
    "according",
];

/// Present-tense prefixes: قد before a present verb hedges ("قد تحصل"),
/// before a past verb it asserts ("قد حصلت", "قد تم"). The first person
/// أ is left out: after قد in news, a word in ا is a past verb ("كانت
/// الجزائر قد أثارت قلق").
const PRESENT_PREFIXES: &[char] = &['ي', 'ت', 'ن'];

/// Past verbs that begin like a present one ("قد تم" asserts).
#[rustfmt::skip]
const PAST_LOOKALIKES: &[&str] = &[
    "تم", "تمت", "تمكن", "تمكنت", "تحول", "تحولت", "تسلم", "تسلمت", "تعرض", "تعرضت",
    "تلقى", "تلقت", "توصل", "توصلت", "تراجع", "تراجعت", "نجح", "نجحت", "نشر", "نشرت",
];

/// The cue at token `i`, if any (a leading و or ف is allowed).
pub fn cue_at(tokens: &[&str], i: usize) -> Option<Hedge> {
    let word = tokens[i];
    let bare = word
        .strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .filter(|b| b.chars().count() >= 2);
    let is = |list: &[&str]| list.contains(&word) || bare.is_some_and(|b| list.contains(&b));
    if is(SPECULATION) {
        return Some(Hedge::Speculation);
    }
    if is(ATTRIBUTION) {
        return Some(Hedge::Attribution);
    }
    if word == "قد" || word == "وقد" || word == "فقد" {
        let next = tokens.get(i + 1)?;
        let present = next.chars().next().is_some_and(|c| PRESENT_PREFIXES.contains(&c))
            && next.chars().count() >= 3
            && !PAST_LOOKALIKES.contains(next);
        // "وقد" and "فقد" before a verb mostly narrate ("وقد اعلنت"); only
        // bare قد before a present verb is read as "may".
        if present && word == "قد" {
            return Some(Hedge::Speculation);
        }
    }
    None
}

/// The hedge cues (position, kind) within reach of the matched content
/// (`content`: token positions), in order.
pub fn cues(tokens: &[&str], content: &[usize]) -> Vec<(usize, Hedge)> {
    let (Some(&lo), Some(&hi)) = (content.iter().min(), content.iter().max()) else {
        return Vec::new();
    };
    (lo.saturating_sub(LEAD)..=hi.min(tokens.len().saturating_sub(1)))
        .filter_map(|i| cue_at(tokens, i).map(|h| (i, h)))
        .collect()
}

/// [`cues`], where a speculation cue counts only over its own clause: some
/// matched word must follow it before the next clause break (`breaks[k]`: a
/// break precedes token `k`). A hedge scopes forward over its clause; one
/// whose clause holds none of the claim hedges something else ("تبادل
/// المعارف والتدريب ... وإلى جانب نقل المعرفة ربما بخصوص الأسلحة أيضا، وفق
/// المتحدث", seeds 003 lines 50-51: the transfer of know-how on weapons is
/// the uncertain part, not the exchange the claim names).
pub fn scoped_cues(tokens: &[&str], breaks: &[bool], content: &[usize]) -> Vec<(usize, Hedge)> {
    let brk = |k: usize| breaks.get(k).copied().unwrap_or(false);
    cues(tokens, content)
        .into_iter()
        .filter(|&(i, h)| {
            h != Hedge::Speculation
                || (i + 1..tokens.len())
                    .take_while(|&k| !brk(k))
                    .any(|k| content.contains(&k))
        })
        .collect()
}

/// Whether the passage takes back its own speculation cue at `cue`: every
/// matched word (`content`) in the cue's clause is said again, by its stem,
/// outside the clause of every speculation cue (`speculative`). A window
/// that first reports a thing as possible and then states it ("قد يشمل
/// بناء قاعدة عسكرية ... وتقول الصحيفة إن التعاون ... يشمل أيضا اتفاقا
/// استخباراتيا", seeds 003 line 43) asserts it. `breaks[k]`: a clause or
/// sentence break precedes token `k`.
pub fn restated(stems: &[&str], breaks: &[bool], cue: usize, speculative: &[usize], content: &[usize]) -> bool {
    let brk = |k: usize| breaks.get(k).copied().unwrap_or(false);
    let clause = |i: usize| (i + 1..stems.len()).take_while(move |&k| !brk(k));
    let hedged = |j: usize| speculative.iter().any(|&c| clause(c).any(|k| k == j));
    let mut said = clause(cue).filter(|k| content.contains(k)).peekable();
    said.peek().is_some() && said.all(|k| (0..stems.len()).any(|j| j != k && stems[j] == stems[k] && !hedged(j)))
}

/// Whether a claim's wording is itself speculative (anywhere in it).
pub fn speculative(tokens: &[&str]) -> bool {
    (0..tokens.len()).any(|i| cue_at(tokens, i) == Some(Hedge::Speculation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn words(s: &str) -> Vec<String> {
        normalize(s).split(' ').map(str::to_string).collect()
    }

    fn kinds(s: &str) -> Vec<Hedge> {
        let w = words(s);
        let t: Vec<&str> = w.iter().map(String::as_str).collect();
        let all: Vec<usize> = (0..t.len()).collect();
        cues(&t, &all).into_iter().map(|(_, h)| h).collect()
    }

    #[test]
    fn a_hedge_the_passage_takes_back_by_stating_it() {
        // Seeds 003 line 43 (a window of two sentences): "قد يشمل" reports the
        // base as possible, then the paper states that the cooperation
        // "يشمل أيضا اتفاقا استخباراتيا".
        let w = words("التعاون قد يشمل بناء قاعدة عسكرية وتقول الصحيفة إن التعاون يتجاوز الأمن ويشمل أيضا اتفاقا");
        let t: Vec<&str> = w.iter().map(String::as_str).collect();
        let stems: Vec<String> = t.iter().map(|x| crate::stem::stem(x)).collect();
        let stems: Vec<&str> = stems.iter().map(String::as_str).collect();
        // The second sentence starts at وتقول.
        let breaks: Vec<bool> = t.iter().map(|&x| x == "وتقول").collect();
        let at = |x: &str| t.iter().position(|&y| y == x).unwrap();
        let cue = at("قد");
        // The claim's "include" met at the hedged يشمل: said again as ويشمل.
        assert!(restated(&stems, &breaks, cue, &[cue], &[at("يشمل")]));
        // The claim's base is only ever hedged: the cue stands.
        assert!(!restated(&stems, &breaks, cue, &[cue], &[at("يشمل"), at("قاعده")]));
        // Nothing of the claim in the cue's clause: nothing to take back.
        assert!(!restated(&stems, &breaks, cue, &[cue], &[at("اتفاقا")]));
    }

    #[test]
    fn qad_before_present_hedges_before_past_asserts() {
        assert_eq!(kinds("قد تحصل الجزائر على المنظومة"), [Hedge::Speculation]);
        assert!(kinds("قد حصلت الجزائر على المنظومة").is_empty());
        assert!(kinds("قد تم توقيع الاتفاق").is_empty());
        assert!(kinds("وقد اعلنت الوزارة الصفقة").is_empty());
    }

    #[test]
    fn real_seed_sentences() {
        // seeds/002: a hedged report, and a narrative قد before a past verb.
        assert_eq!(
            kinds("التعاون بين إسرائيل والمغرب قد يشمل بناء قاعدة عسكرية بالقرب من مدينة مليلية"),
            [Hedge::Speculation]
        );
        assert!(kinds("وكانت الجزائر قد أثارت قلق وانزعاج قوى غربية").is_empty());
        assert!(kinds("وقد أدركت روسيا هذا الانزعاج").is_empty());
        assert_eq!(kinds("بحسب مسؤول إسرائيلي نقلت عنه فرانس برس"), [Hedge::Attribution]);
    }

    #[test]
    fn speculation_and_attribution_words() {
        assert_eq!(kinds("ومن المتوقع ان تتسلم الجزائر"), [Hedge::Speculation]);
        assert_eq!(kinds("بحسب الموقع اشترى المغرب"), [Hedge::Attribution]);
        assert_eq!(kinds("Morocco reportedly bought drones"), [Hedge::Speculation]);
        assert_eq!(kinds("according to the site Morocco bought"), [Hedge::Attribution]);
        // Trap: "حسبما" and "المتوقف" are not cues.
        assert!(kinds("المتوقف منذ عام").is_empty());
    }

    #[test]
    fn only_cues_near_the_content_count() {
        let w = words("ربما يزور الوزير باريس غدا ثم اشترى المغرب طائرات مسيرة");
        let t: Vec<&str> = w.iter().map(String::as_str).collect();
        // Content: "اشترى المغرب طائرات مسيرة" (positions 6..=9).
        assert!(cues(&t, &[6, 7, 8, 9]).is_empty());
        assert_eq!(cues(&t, &[1, 2]).len(), 1);
    }

    #[test]
    fn claim_hedged() {
        let w = words("قد تحصل الجزائر على منظومة اس 500");
        let t: Vec<&str> = w.iter().map(String::as_str).collect();
        assert!(speculative(&t));
        let w = words("حصلت الجزائر على منظومة اس 500");
        let t: Vec<&str> = w.iter().map(String::as_str).collect();
        assert!(!speculative(&t));
    }
}
