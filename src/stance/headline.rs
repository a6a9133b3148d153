//! Headlines: a short passage given over to the claim turned around.
//!
//! A contradiction normally needs the passage to carry a good share of the
//! claim ([`super::Thresholds::contradict`]): an opposite word in a long
//! sentence about other things says little about the claim. A passage whose
//! content words all either carry a claim word or make the contradiction
//! (the opposite, the negation, the other place), but for at most
//! [`MAX_STRAY`] others, tells nothing but the claim turned around, however
//! much of the claim's detail it drops: it contradicts at the lower gate
//! ([`super::Thresholds::contradict_predicate`]), as a denial does.
//! Headlines rewritten against a story read that way. Not when the claim
//! holds both opposites itself ("تراجع الدولار يدفع أسعار الذهب للارتفاع"
//! against "الدولار يتراجع والذهب يرتفع", ANS train, agree): which goes up
//! is then what matters, read at the usual gate.
//!
//! A headline-like passage ([`HEADLINE_WORDS`] words at most) given over
//! to the claim turned around, every name of the claim carried, contradicts
//! from [`super::Thresholds::contradict_headline`] ([`DENIAL_FLOOR`]), even
//! under the mention share: "اخلاء سبيل معصوم مرزوق" against "حبس معصوم
//! مرزوق على ذمة التحقيق ..." (ANS train, disagree, 0.26). In ANS train the
//! floor turns 52 disagree pairs judged `other` to `disagree` and one agree
//! pair; from 0.45 down to 0.25 each step adds disagree pairs only. Such a
//! headline may drop one place of the claim ("الليرة ترتفع" against
//! "انخفاض قياسي جديد لليرة التركية") and a count, when every number it
//! holds is the claim's ("الافراج عن 9 مواطنين فى السعودية" against "اعتقال 9
//! بينهم 4 سيدات ..."): headlines drop detail (ANS train: +50 disagree, +1
//! agree judged disagree).
//!
//! Example (ANS train): "الأتراك يستنجدون والليرة تواصل الهبوط" is
//! contradicted by "اردوغان يصمت والليرة تواصل الصعود" (reason
//! `antonym الهبوط/صعود`): only اردوغان and يصمت are stray.
//!
//! A sentence of an article holds more of its own: "هذه المسيرات إضافة
//! نوعية لسلاح الجو المغربي" has three stray words against "تعمل الجزائر
//! على تنويع مصادر أسلحتها", so the other place (المغربي) does not make it
//! contradict below the usual gate. In the seed articles no passage with a
//! reason has two stray words or fewer that the usual gates did not already
//! decide; the one with three that would contradict
//! ("واعرب المغرب عن اسفه للقرار ورفض مبرراته الزائفه") is left to them.

use super::cues::{cue_at, Cue};
use super::reason::{Reason, Rule};
use crate::index::Term;
use crate::matching::{Alignment, Query};

/// How many stray words a passage given over to the claim may hold: two (a
/// speaker and a verb of saying, a word the claim puts otherwise).
pub const MAX_STRAY: usize = 2;

/// How many content words of the passage (not stop words, not numbers)
/// neither fall in a claim word's aligned span nor make one of the `reasons`
/// (a word a reason names, compared as written or by its antonym key, so
/// that a reason's lexicon form meets the passage's inflected one).
pub fn stray_words(terms: &[Term], al: &Alignment, reasons: &[Reason]) -> usize {
    strays(terms, al, reasons, usize::MAX)
}

/// [`stray_words`], counted up to `most + 1` (enough to tell whether
/// there are more than `most`).
fn strays(terms: &[Term], al: &Alignment, reasons: &[Reason], most: usize) -> usize {
    let mut covered = vec![false; terms.len()];
    for m in al.units.iter().flatten() {
        let end = (m.last + 1).min(covered.len());
        if m.first < end {
            covered[m.first..end].fill(true);
        }
    }
    // The words a reason names (the claim's and the passage's).
    let named: Vec<&str> = reasons
        .iter()
        .flat_map(|r| r.words.iter().map(String::as_str))
        .collect();
    let named_keys: Vec<crate::sym::Sym> = named.iter().map(|w| super::antonyms::key_sym(w)).collect();
    terms
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            !crate::stem::is_stop_word(&t.norm) && t.value.is_none() && t.norm.chars().any(char::is_alphabetic)
        })
        .filter(|(k, _)| !covered[*k])
        .filter(|(_, t)| {
            let tk = super::antonyms::passage_keys(t);
            !named.contains(&t.norm.as_str()) && !named_keys.iter().any(|n| tk.contains(n))
        })
        .take(most.saturating_add(1))
        .count()
}

/// Whether the passage is given over to the claim: at most [`MAX_STRAY`]
/// of its content words neither carry a claim word nor make one of the
/// `reasons` (see [`stray_words`]; counting stops past [`MAX_STRAY`]).
pub fn given_over(terms: &[Term], al: &Alignment, reasons: &[Reason]) -> bool {
    strays(terms, al, reasons, MAX_STRAY) <= MAX_STRAY
}

/// How many stray words a headline-like passage ([`HEADLINE_WORDS`] words
/// at most) turned around by a rule may hold and still meet the headline
/// floor: four. A headline says the turn in words of its own ("تراجع فادح
/// للريال الإيراني.. وطوابير أمام مكاتب الصرافة" against "ارتفاع الريال
/// الإيراني يضعف الإقبال على محال الصرافة": يضعف، الإقبال، محال). In ANS
/// train, from [`MAX_STRAY`] to three this turns 28 disagree pairs judged
/// `other` to `disagree` and 3 agree pairs; to four, 34 and the same 3 (on
/// each half of train alone, four is the best of 2 to 5: +16 and +18
/// disagree, +2 and +1 agree); five adds one. Not for another place alone
/// (two of the three agree pairs: "تخفيض تصنيف شركات مالية وبنوك أردوغان
/// ينتقد" read as naming another place than Turkey), which keeps
/// [`MAX_STRAY`]: then +30 disagree, +1 agree on train.
pub const TURNED_STRAY: usize = 4;

/// Whether a headline-like passage is given over to the claim turned
/// around by `reasons` (see [`TURNED_STRAY`]): at most [`HEADLINE_WORDS`]
/// words, at most [`TURNED_STRAY`] of its content words stray.
pub fn turned_headline(query: &Query, terms: &[Term], al: &Alignment, reasons: &[Reason]) -> bool {
    // Not for another place alone, nor for a wording in Latin letters (it
    // meets the passage through translations, which leave words stray;
    // `check`'s pruning bound reads such spans at the usual gates).
    let latin = query.units.iter().any(|u| !crate::stem::is_arabic(&u.label));
    let most = if latin || reasons.iter().all(|r| r.rule == Rule::Entity) {
        MAX_STRAY
    } else {
        TURNED_STRAY
    };
    headline_like(terms) && !reasons.is_empty() && strays(terms, al, reasons, most) <= most
}

/// How many words (stop words included) a passage may hold and still read
/// as a headline (see [`given_over_short`]).
pub const HEADLINE_WORDS: usize = 12;

/// Whether the span holds more than one sentence ([`Term::sent`]: a window
/// of two passages, the first ending a sentence).
pub fn several_sentences(terms: &[Term]) -> bool {
    terms.iter().skip(1).any(|t| t.sent)
}

/// Whether a passage reads as a headline: [`HEADLINE_WORDS`] words at most,
/// in one sentence. Two short sentences side by side are no headline given
/// over to the claim: a turn in one says nothing of the claim words met in
/// the other ("… 10 مليار دولار. إيران تلغي الاتفاق النووي." carries
/// "مليارات دولار … الإنفاق" across the break, the cancelling verb only
/// the fuzzy الاتفاق: a line of the generated archive, session 16).
pub fn headline_like(terms: &[Term]) -> bool {
    terms.len() <= HEADLINE_WORDS && !several_sentences(terms)
}

/// Whether the passage is headline-like and given over to the claim: at
/// most [`HEADLINE_WORDS`] words, of which at most [`MAX_STRAY`] content
/// words carry no claim word. Such a passage says the claim in other words
/// and supports it from [`super::Thresholds::support_headline`], predicate
/// or not ("نزوح أعداد كبيرة من عفرين مع استمرار الهجمات التركية" carries
/// 0.76 of "سوريا: موجة نزوح كبيرة من عفرين ..." without موجة). In ANS
/// train, of the pairs judged `other` with every name carried, no rule
/// fired and at most two stray words, those carrying 0.65 or more are 71%
/// agree (111 agree, 46 disagree): the lowest share at which the pairs
/// added are at least 70% agree. A sentence of an article holds more of its
/// own, or is longer, and keeps the usual gates.
pub fn given_over_short(terms: &[Term], al: &Alignment) -> bool {
    headline_like(terms) && given_over(terms, al, &[])
}

/// How many words (stop words included) a headline given over to the claim
/// may hold and still be terse: carrying the claim's predicate, it supports
/// the claim from [`super::Thresholds::mention`], the share at which it is
/// about the claim at all. Four or five words with at most [`MAX_STRAY`] of
/// their own leave no room for another story: "هبوط قياسي لليرة التركية"
/// says "الليرة التركية تهبط لمستوى قياسي" (ANS train, agree). Set on half A
/// of ANS train (pairs split by the parity of the claim's FNV-1a hash): from
/// 0.45 at five words it adds 19 agree pairs and 5 others (0.40: 21 / 6;
/// six words at 0.50: 16 / 7; every headline of twelve words at 0.50: 41 /
/// 34). Without the predicate a piece of a sentence broken by extraction
/// ("قال المسؤول إن منظومة") would support a claim it only starts; with it,
/// A +9 / +4, B +8 / +3. A headline of more words keeps
/// [`super::Thresholds::support_headline`].
pub const TERSE_WORDS: usize = 5;

/// Whether a headline-like passage ([`HEADLINE_WORDS`] words at most) is
/// wholly carried by the claim: every content word of it falls in a claim
/// word's aligned span, none of its own. Such a headline says a part of the
/// claim and nothing else; its share of the claim is low only because the
/// claim says more ("ورقة نقدية بريطانية جديدة" is all of itself in
/// "بريطانيا تطرح ورقة نقدية جديدة أكثر أمنا", 0.50, ANS train, agree).
/// Carrying the predicate, it supports from [`super::Thresholds::mention`]
/// as a terse headline does (see [`TERSE_WORDS`]).
pub fn wholly_carried(terms: &[Term], al: &Alignment) -> bool {
    terms.len() <= HEADLINE_WORDS && strays(terms, al, &[], 0) == 0
}

/// How many content words (not stop words, not numbers) a headline wholly
/// carried by the claim must hold to support it without the claim's
/// predicate: four. Such a headline is then a statement of its own, in the
/// claim's words, that drops only the claim's verb or a detail ("الدين العام
/// يخفض تصنيف إيطاليا" for "موديز تخفّض تصنيف إيطاليا بسبب عجز الموازنة
/// والدين العام", "تم تحصين كبار ضباط الجيش من قبل البرلمان المصري" for
/// "البرلمان المصري يقر قانونا يحصن كبار ضباط الجيش ...", ANS train,
/// agree). Fewer may be the start of a sentence broken by extraction ("قال
/// المسؤول إن منظومة"), which says nothing yet.
pub const WHOLLY_CARRIED_WORDS: usize = 4;

/// The content words of a passage: not stop words, not numbers.
pub fn content_words(terms: &[Term]) -> usize {
    terms
        .iter()
        .filter(|t| !crate::stem::is_stop_word(&t.norm) && t.value.is_none() && t.norm.chars().any(char::is_alphabetic))
        .count()
}

/// How much of the claim a headline that denies it must carry: a denial
/// verb the claim lacks, in a passage given over to the claim,
/// says the claim did not happen however little of its detail it repeats
/// ("فرنسا ترفض إقراض لبنان" against "قرابة نصف مليار يورو من فرنسا لصالح
/// لبنان", ANS train, disagree, 0.27).
pub const DENIAL_FLOOR: f64 = 0.25;

/// How much of the claim a headline-like passage ([`HEADLINE_WORDS`] words
/// at most) that denies it must carry: a headline says the denial in few
/// words of the claim's ("الجزائر تنفي إنتشار مرض الكوليرا" carries 0.22
/// of "الجزائر تؤكد ظهور 41 حالة إصابة بالكوليرا في أربع ولايات", "كوريا
/// الشمالية ترفض دعم سوريا" 0.18 of "كوريا الشمالية تزود سوريا بمواد ...",
/// ANS train, disagree). Set on half A of ANS train (odd rows): from
/// [`DENIAL_FLOOR`] down, 0.15 is the highest floor at which A gains most
/// (no agree or other pair turned at any floor from 0.25 to 0.05); on
/// half B 0.15 gains the same as any lower floor. On all train, +9 disagree, no other pair. A
/// longer passage keeps [`DENIAL_FLOOR`].
pub const HEADLINE_DENIAL_FLOOR: f64 = 0.15;

/// The share of the claim a passage of `words` words that denies it must
/// carry: [`HEADLINE_DENIAL_FLOOR`] for a headline-like one, else
/// [`DENIAL_FLOOR`].
pub fn denial_floor(words: usize) -> f64 {
    if words <= HEADLINE_WORDS {
        HEADLINE_DENIAL_FLOOR
    } else {
        DENIAL_FLOOR
    }
}

/// A short passage given over to the claim that denies it: the claim holds
/// no polarity cue, the passage holds a denial verb (ترفض، تتجاهل، تفشل،
/// تلغي; not a particle, whose scope may be a clause of its own: "لم يتضح
/// بعد", "دون وقوع ضحايا"), carries at least [`denial_floor`] of the claim
/// over two of its units or more, and its
/// content words, the cue set aside, all carry claim words but for at most
/// [`MAX_STRAY`] (the words the denial governs, said otherwise). In ANS
/// train, 180 of the 187 pairs whose second headline adds a denial verb
/// the first lacks disagree. A sentence of an article holds more of its
/// own and stays with the usual rules. Returns the cue words.
pub fn denial(query: &Query, terms: &[Term], al: &Alignment) -> Option<String> {
    if al.score < denial_floor(terms.len()) || al.units.iter().flatten().count() < 2 || several_sentences(terms) {
        return None;
    }
    let claim: Vec<&str> = query.tokens.iter().map(|t| t.norm.as_str()).collect();
    if (0..claim.len()).any(|i| cue_at(&claim, i).is_some()) {
        return None;
    }
    let passage: Vec<&str> = terms.iter().map(|t| t.norm.as_str()).collect();
    let covered: std::collections::BTreeSet<usize> = al.units.iter().flatten().flat_map(|m| m.first..=m.last).collect();
    let cues: Vec<usize> = (0..passage.len())
        .filter(|&i| !covered.contains(&i) && cue_at(&passage, i) == Some(Cue::Denial))
        .collect();
    if cues.is_empty() {
        return None;
    }
    let words: Vec<&str> = cues.iter().map(|&i| passage[i]).collect();
    let words = words.join(" ");
    given_over(terms, al, &[Reason::cues(Rule::Negation, &words)]).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stance::antonyms::Antonyms;
    use crate::stance::{aligned, judge, judged, Thresholds};
    use crate::verdict::Stance;

    #[test]
    fn a_headline_turned_around_contradicts() {
        // ANS train (disagree): the lira keeps falling / keeps rising.
        let j = judged(
            "الأتراك يستنجدون والليرة تواصل الهبوط",
            "اردوغان يصمت والليرة تواصل الصعود",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("antonym ")), "{j:?}");
    }

    #[test]
    fn a_passage_given_over_meets_the_lower_gate() {
        // ANS train (disagree): another month in the claim's slot, in a
        // headline that is otherwise the claim's. Read with the gates wide
        // apart: the substitution alone does not deny, so only the passage
        // being given over to the claim lowers its gate.
        let th = Thresholds {
            contradict: 0.95,
            contradict_predicate: 0.3,
            mention: 0.2,
            ..Thresholds::default()
        };
        let claim = "مسلمات يواجهن الأفكار النمطية في رمضان";
        let passage = "مسلمات يواجهن الأفكار النمطية في شوال";
        let (q, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر عن الطقس"));
        let j = judge(&q, &t, &al, &Antonyms::builtin(), &th);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("substituted ")), "{j:?}");
        // Trap: the same month with more of another story around it stays
        // under the usual gate.
        let passage = "مسلمات يواجهن الأفكار النمطية في شوال بعد حملة إعلامية واسعة للحكومة الفرنسية";
        let (q, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر عن الطقس"));
        let j = judge(&q, &t, &al, &Antonyms::builtin(), &th);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn stray_words_are_counted_beside_the_claim_and_the_reason() {
        let claim = "الأتراك يستنجدون والليرة تواصل الهبوط";
        let passage = "اردوغان يصمت والليرة تواصل الصعود";
        let (_, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر"));
        let reasons = vec![Reason::antonym("الهبوط", "صعود")];
        // اردوغان and يصمت; الصعود is the reason's word.
        assert_eq!(stray_words(&t, &al, &reasons), 2);
        assert!(given_over(&t, &al, &reasons));
        // Without the reason, its word is stray too.
        assert_eq!(stray_words(&t, &al, &[]), 3);
    }

    /// Counting that stops past [`MAX_STRAY`] tells what the full count
    /// tells, on passages with none to five stray words, with and without
    /// the reason.
    #[test]
    fn given_over_stops_counting_where_the_count_is_decided() {
        let claim = "الأتراك يستنجدون والليرة تواصل الهبوط";
        let mut seen = std::collections::BTreeSet::new();
        for passage in [
            "والليرة تواصل الصعود",
            "اردوغان يصمت والليرة تواصل الصعود",
            "اردوغان يصمت والليرة تواصل الصعود امام الدولار",
            "اردوغان يصمت طويلا والليرة تواصل الصعود امام الدولار الاميركي",
        ] {
            let (_, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر"));
            for reasons in [vec![Reason::antonym("الهبوط", "صعود")], vec![]] {
                let n = stray_words(&t, &al, &reasons);
                seen.insert(n);
                assert_eq!(given_over(&t, &al, &reasons), n <= MAX_STRAY, "{passage}: {n}");
            }
        }
        assert!(
            seen.iter().any(|&n| n <= MAX_STRAY) && seen.iter().any(|&n| n > MAX_STRAY + 1),
            "{seen:?}"
        );
    }

    #[test]
    fn a_sentence_about_other_things_is_not_given_over() {
        // Seeds (trap): another place (المغربي) in a sentence of its own;
        // three stray words keep it from contradicting below the usual gate.
        let claim = "تعمل الجزائر على تنويع مصادر أسلحتها";
        let passage = "هذه المسيرات إضافة نوعية لسلاح الجو المغربي";
        let j = judged(claim, passage);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let (_, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر"));
        assert!(!given_over(
            &t,
            &al,
            &[Reason::against(Rule::Entity, "الجزائر", "المغربي")]
        ));
    }

    #[test]
    fn a_headline_that_denies_the_claim_contradicts_below_the_mention_share() {
        // ANS train (disagree): the denial governs a word the claim says
        // otherwise (إقراض), so no negation covers matched content, and the
        // headline carries little of the claim.
        // Over a corpus of news, where amounts are common words.
        let claim = "قرابة نصف مليار يورو من فرنسا لصالح لبنان";
        let passage = "فرنسا ترفض إقراض لبنان";
        let corpus = format!("{passage}\nنص آخر عن الطقس\nنصف مليار يورو لصالح المغرب\nقرابة مليار دولار");
        let (q, t, al) = aligned(claim, passage, corpus);
        assert!(al.score < Thresholds::default().mention, "{al:?}");
        assert_eq!(denial(&q, &t, &al).as_deref(), Some("ترفض"));
        let j = judge(&q, &t, &al, &Antonyms::builtin(), &Thresholds::default());
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r == "negation ترفض"), "{j:?}");
        // ANS train (disagree): failing to do what the claim says was done.
        let j = judged(
            "إيران تقبض على 22 شخصا يشتبه في ضلوعهم بهجوم الأهواز",
            "إيران تفشل فى القبض على المتورطين في هجوم الأهواز",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_denying_headline_carries_less_of_the_claim() {
        // ANS train (disagree, judged `other` before): a headline denies the
        // outbreak in two words of the claim's, under the floor of a longer
        // passage.
        let claim = "الجزائر تؤكد ظهور 41 حالة إصابة بالكوليرا في أربع ولايات";
        let passage = "الجزائر تنفي إنتشار مرض الكوليرا";
        let corpus = format!("{passage}\nنص آخر عن الطقس\nظهور حالة إصابة في ولايات\nأربع حالات");
        let (q, t, al) = aligned(claim, passage, corpus);
        assert!(al.score < DENIAL_FLOOR && al.score >= HEADLINE_DENIAL_FLOOR, "{al:?}");
        let j = judge(&q, &t, &al, &Antonyms::builtin(), &Thresholds::default());
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: a longer passage keeps the floor of a sentence.
        assert_eq!(denial_floor(HEADLINE_WORDS + 1), DENIAL_FLOOR);
    }

    #[test]
    fn a_denying_headline_may_drop_one_place_of_the_claim() {
        // ANS train (disagree): the arrest in Libya, failed; the headline
        // drops the place.
        let j = judged(
            "القبض على هشام عشماوي، أبرز المطلوبين للسلطات المصرية، في ليبيا",
            "السلطات المصرية تفشل فى القبض على هشام عشماوى",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: two places dropped tell of another event.
        let j = judged(
            "القبض على هشام عشماوي في ليبيا بمساعدة الجزائر",
            "السلطات المصرية تفشل فى القبض على هشام عشماوى",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_denial_in_a_sentence_of_its_own_or_in_the_claim_is_left_to_the_usual_rules() {
        // Trap: the same denial with more of another story around it is
        // not given over to the claim.
        let claim = "قرابة نصف مليار يورو من فرنسا لصالح لبنان";
        let passage = "فرنسا ترفض إقراض لبنان قبل إجراء إصلاحات في قطاع الكهرباء والمصارف";
        let j = judged(claim, passage);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: a claim that holds a denial itself is the polarity rule's.
        let (q, t, al) = aligned(
            "فرنسا ترفض إقراض لبنان",
            "فرنسا ترفض إقراض لبنان",
            "فرنسا ترفض إقراض لبنان\nنص آخر".to_string(),
        );
        assert_eq!(denial(&q, &t, &al), None);
        // Trap: a headline carrying one claim word only is about something else.
        let j = judged(claim, "ألمانيا ترفض إقراض لبنان");
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_paraphrase_without_a_reason_does_not_contradict() {
        // ANS train (agree): a rewording under the support threshold stays
        // a mention; the rule only lowers the gate of a reason.
        let j = judged(
            "الليرة التركية تهبط إلى مستوى قياسي جديد أمام الدولار",
            "هبوط حاد لليرة التركية مقابل الدولار",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_headline_given_over_to_the_claim_supports_at_its_own_gate() {
        // ANS train (agree): the passage says the claim but for its
        // predicate (تأمر) and adds المملكة: under the gate without the
        // predicate, over the headline's.
        let claim = "السعودية تأمر بتسليم 25 مدرسة للقطاع الخاص";
        let passage = "تسليم ٢٥ مدرسة للقطاع الخاص في المملكة السعودية";
        let j = judged(claim, passage);
        let th = Thresholds::default();
        assert!(j.score < th.support_without_predicate, "{j:?}");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Without the headline's gate it only mentions the claim.
        let off = Thresholds {
            support_headline: 1.0,
            ..th
        };
        let (q, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر عن الطقس\nالمغرب والجزائر"));
        let j = judge(&q, &t, &al, &Antonyms::builtin(), &off);
        assert_eq!(j.stance, Some(Stance::Mentions), "{j:?}");
    }

    #[test]
    fn a_terse_headline_given_over_to_the_claim_supports_from_the_mention_share() {
        // ANS train (agree): four words, every one of them the claim's or
        // said otherwise (هبوط for تهبط), without the claim's لمستوى.
        let claim = "الليرة التركية تهبط لمستوى قياسي";
        let passage = "هبوط قياسي لليرة التركية";
        let j = judged(claim, passage);
        let th = Thresholds::default();
        assert!(j.score < th.support_headline, "{j:?}");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: the same words with one of their own in a headline of six
        // keep the headline's gate.
        let j = judged(claim, "هبوط قياسي لليرة التركية في الأسواق");
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        // Without a word of their own, six words are wholly carried by the
        // claim (see `wholly_carried`): the mention share again.
        let j = judged(claim, "هبوط قياسي أيضا لليرة التركية هنا");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: a terse headline still carries every name of the claim.
        let j = judged("الليرة التركية تهبط لمستوى قياسي أمام الين الياباني", passage);
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_headline_may_drop_the_topic_the_claim_sets_before_a_colon() {
        // ANS train (agree): the claim puts its country first as a topic;
        // the headline tells the same story without it.
        let passage = "نزوح أعداد كبيرة من عفرين مع استمرار الهجمات التركية";
        let j = judged("سوريا: موجة نزوح كبيرة من عفرين مع استمرار الهجمات التركية", passage);
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: the same place inside the claim's sentence is lacking.
        let j = judged("موجة نزوح كبيرة من عفرين في سوريا مع استمرار الهجمات التركية", passage);
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: a sentence of an article may tell of another place's event.
        let j = judged(
            "سوريا: موجة نزوح كبيرة من عفرين مع استمرار الهجمات التركية",
            "وقالت المنظمة إن نزوح أعداد كبيرة من عفرين مع استمرار الهجمات التركية يثير قلق الجيران",
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_sentence_of_an_article_keeps_the_usual_support_gate() {
        // Trap: the same words in a longer sentence telling more are not
        // given over to the claim.
        let claim = "السعودية تأمر بتسليم 25 مدرسة للقطاع الخاص";
        let passage =
            "وقالت الوزارة إن تسليم ٢٥ مدرسة للقطاع الخاص في المملكة السعودية سيتأخر بسبب نقص التمويل والمعلمين";
        let j = judged(claim, passage);
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_headline_turned_around_contradicts_under_the_mention_share() {
        // ANS train (disagree): released against held pending the
        // inquiry; the headline repeats little of the claim's detail.
        let claim = "حبس معصوم مرزوق على ذمة التحقيق اتهامه بتحقيق أهداف جماعة إرهابية";
        let passage = "اخلاء سبيل معصوم مرزوق";
        let j = judged(claim, passage);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.score < Thresholds::default().mention, "{j:?}");
        // Without the headline's floor it is silent.
        let off = Thresholds {
            contradict_headline: 1.0,
            ..Thresholds::default()
        };
        let (q, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر عن الطقس\nالمغرب والجزائر"));
        let j = judge(&q, &t, &al, &Antonyms::builtin(), &off);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_long_sentence_with_an_opposite_keeps_the_usual_contradiction_gate() {
        // Trap: the same opposite in a sentence that tells more.
        let claim = "حبس معصوم مرزوق على ذمة التحقيق اتهامه بتحقيق أهداف جماعة إرهابية";
        let passage = "اخلاء سبيل معصوم مرزوق بعد أيام من احتجازه وسط مطالبات حقوقية بالإفراج عن بقية المعتقلين";
        let j = judged(claim, passage);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_headline_turned_around_may_drop_one_place_of_the_claim() {
        // ANS train (disagree): the headline drops the nationality
        // (التركية, الأميركي) and says the claim turned around.
        for (claim, passage) in [
            ("انخفاض قياسي جديد لليرة التركية", "الليرة ترتفع"),
            ("الذهب يتعافى مع تراجع الدولار الأميركي", "الذهب ياراجع مع صعود للدولار"),
        ] {
            let j = judged(claim, passage);
            assert_eq!(j.stance, Some(Stance::Contradicts), "{passage}: {j:?}");
            assert!(j.reasons.iter().any(|r| r.starts_with("antonym ")), "{j:?}");
        }
        // Trap: two places dropped tell of other parties.
        let j = judged("انخفاض قياسي جديد لليرة التركية أمام الدولار الأميركي", "الليرة ترتفع");
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: the same opposite in a sentence that tells more keeps the
        // usual gate.
        let j = judged(
            "انخفاض قياسي جديد لليرة التركية",
            "الليرة ترتفع قليلا بعد أسابيع من الخسائر وسط ترقب المستثمرين لقرار البنك المركزي بشأن الفائدة",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_headline_turned_around_may_drop_a_count_of_the_claim() {
        // ANS train (disagree): the headline says the claim turned around
        // and drops a count (عشر سنوات, 4 سيدات); every number it holds is
        // the claim's.
        for (claim, passage) in [
            (
                "الإمارات: السجن عشر سنوات للناشط الحقوقي أحمد منصور",
                "الإمارات تعلن براءة الناشط أحمر منصور",
            ),
            (
                "اعتقال 9 بينهم 4 سيدات بتهمة الإضرار بالأمن فى السعودية",
                "الافراج عن 9 مواطنين فى السعودية",
            ),
        ] {
            let j = judged(claim, passage);
            assert_eq!(j.stance, Some(Stance::Contradicts), "{passage}: {j:?}");
        }
        // Trap: a number of its own beside the claim's people tells of
        // another event.
        let j = judged(
            "الإمارات: السجن عشر سنوات للناشط الحقوقي أحمد منصور",
            "الإمارات تعلن براءة الناشط أحمد منصور و 3 آخرين",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_headline_says_its_turn_in_up_to_four_words_of_its_own() {
        // ANS train, disagree: the rial's fall against its rise, said with
        // three stray words (يضعف، الإقبال، محال); judged other before.
        let claim = "تراجع فادح للريال الإيراني.. وطوابير أمام مكاتب الصرافة";
        let passage = "ارتفاع الريال الإيراني يضعف الإقبال على محال الصرافة";
        let j = judged(claim, passage);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let (q, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر عن الطقس\nالمغرب والجزائر"));
        let reasons = vec![Reason::antonym("تراجع", "ارتفاع")];
        assert_eq!(stray_words(&t, &al, &reasons), 3);
        assert!(turned_headline(&q, &t, &al, &reasons) && !given_over(&t, &al, &reasons));
        // Trap: five stray words. (Another place alone keeps two: see
        // `stance::tests::a_synonym_never_makes_a_contradiction`.)
        let passage = "ارتفاع الريال الإيراني يضعف الإقبال كثيرا على محال الصرافة بطهران";
        let (q, t, al) = aligned(claim, passage, format!("{passage}\nنص آخر"));
        assert!(!turned_headline(&q, &t, &al, &reasons));
    }
}
