//! Polarity: does the passage negate what the claim asserts, or the reverse?
//!
//! This module owns the scope of polarity cues (see [`super::cues`]) and the
//! comparison of the claim's polarity with the passage's. A particle negates
//! the next [`PARTICLE_SCOPE`] words up to a clause break; a denial verb the
//! rest of its sentence and the three words before it.
//! Only cues whose scope covers matched content count. Two negations cancel,
//! and a negated claim matched by a negated passage is agreement.
//!
//! Example: "نفى المغرب استعمال بيغاسوس" is supported by "وهو ما نفاه
//! المغرب ... استعمال بيغاسوس" (both negated); "اشترى المغرب براك" is
//! contradicted by "لم يشتر المغرب براك" (reason `negation لم`).

use super::cues::{cue_at, Cue};

/// How many words after a particle it negates.
pub const PARTICLE_SCOPE: usize = 4;

/// How far after a particle "بقدر" turns it into a comparison.
const COMPARATIVE_REACH: usize = 8;

/// Words that open a new clause: a particle's scope stops before them.
const CLAUSE_OPENERS: &[&str] = &[
    "فيما",
    "بينما",
    "لكن",
    "ولكن",
    "حيث",
    "اذ",
    "في حين",
    "غير",
    "بل",
    "while",
    "but",
    "whereas",
    "although",
];

/// Cues whose scope covers one of `content` (token indices), as indices.
/// `breaks[k]` says a clause break (comma, semicolon) precedes token `k`;
/// a particle's scope ends there.
pub fn negations(tokens: &[&str], breaks: &[bool], content: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let Some(c) = cue_at(tokens, i) else { continue };
        // "ليس حرصا على التنويع بقدر محاولة الاسترضاء" (not so much X as Y)
        // weighs X against Y; it does not deny X.
        if c == Cue::Particle && tokens.iter().skip(i + 1).take(COMPARATIVE_REACH).any(|t| *t == "بقدر") {
            continue;
        }
        let covers = match c {
            Cue::Particle => {
                let mut end = i;
                for (k, t) in tokens.iter().enumerate().skip(i + 1).take(PARTICLE_SCOPE) {
                    if breaks.get(k).copied().unwrap_or(false) || CLAUSE_OPENERS.contains(t) {
                        break;
                    }
                    end = k;
                }
                content.iter().any(|&k| k > i && k <= end)
            }
            Cue::Prefix => content.contains(&(i + 1)),
            Cue::Denial => {
                // A denial verb joined by و/ف opens its own clause ("وأعرب
                // المغرب عن أسفه للقرار ورفض مبرراته"): it reaches no words
                // before it.
                let joined = tokens[i]
                    .strip_prefix(['و', 'ف'])
                    .is_some_and(|rest| rest.chars().count() >= 3 && super::cues::cue(rest) == Some(Cue::Denial));
                content.iter().any(|&k| k > i) || (!joined && content.iter().any(|&k| k + 3 >= i && k < i))
            }
        };
        if covers {
            out.push(i);
        }
    }
    out
}

/// One side of the comparison: folded tokens, clause breaks, and the
/// positions of the content that matched.
pub struct Side<'a> {
    /// Folded tokens.
    pub tokens: &'a [&'a str],
    /// Clause break before each token.
    pub breaks: &'a [bool],
    /// Positions of matched content words.
    pub content: &'a [usize],
}

/// Whether the passage's polarity differs from the claim's; returns the cue
/// words that make the difference.
pub fn differs(claim: &Side, passage: &Side) -> Option<Vec<String>> {
    let c = negations(claim.tokens, claim.breaks, claim.content);
    let p = negations(passage.tokens, passage.breaks, passage.content);
    if c.len() % 2 == p.len() % 2 {
        return None;
    }
    let words = if p.len() % 2 == 1 {
        p.iter().map(|&i| passage.tokens[i].to_string()).collect()
    } else {
        c.iter().map(|&i| claim.tokens[i].to_string()).collect()
    };
    Some(words)
}

#[cfg(test)]
mod tests {
    use super::super::cues::cue;
    use super::*;
    use crate::normalize::normalize;

    fn toks(s: &str) -> Vec<String> {
        normalize(s).split(' ').map(str::to_string).collect()
    }

    fn check(claim: &str, passage: &str) -> Option<Vec<String>> {
        let c = toks(claim);
        let p = toks(passage);
        let cr: Vec<&str> = c.iter().map(String::as_str).collect();
        let pr: Vec<&str> = p.iter().map(String::as_str).collect();
        // Content: the words both sides share (what matching would align).
        let cc: Vec<usize> = (0..cr.len())
            .filter(|&i| cue(cr[i]).is_none() && pr.contains(&cr[i]))
            .collect();
        let pc: Vec<usize> = (0..pr.len())
            .filter(|&i| cue(pr[i]).is_none() && cr.contains(&pr[i]))
            .collect();
        let (cb, pb) = (vec![false; cr.len()], vec![false; pr.len()]);
        differs(
            &Side {
                tokens: &cr,
                breaks: &cb,
                content: &cc,
            },
            &Side {
                tokens: &pr,
                breaks: &pb,
                content: &pc,
            },
        )
    }

    #[test]
    fn a_negated_passage_contradicts() {
        assert_eq!(
            check("اشترى المغرب منظومة براك", "لم يشتر المغرب منظومة براك"),
            Some(vec!["لم".into()])
        );
    }

    #[test]
    fn a_negated_claim_is_contradicted_by_an_affirmative_passage() {
        assert!(check("لم يزر غانتس الرباط", "زار غانتس الرباط").is_some());
    }

    #[test]
    fn negation_on_both_sides_agrees() {
        assert_eq!(
            check("نفى المغرب استعمال بيغاسوس", "وهو ما نفاه المغرب استعمال بيغاسوس"),
            None
        );
    }

    #[test]
    fn a_joined_denial_verb_reaches_no_words_before_it() {
        // Seeds 001 line 56: the regret is affirmed; رفض denies what follows.
        let passage = "واعرب المغرب عن اسفه للقرار ورفض مبرراته الزائفه";
        assert!(check("لم يعرب المغرب عن اسفه للقرار", passage).is_some());
        assert_eq!(check("اعرب المغرب عن اسفه للقرار", passage), None);
        // Not joined, the verb still reaches back ("... وهو ما نفاه").
        assert_eq!(
            check("لم يستعمل المغرب بيغاسوس", "استعمال بيغاسوس وهو ما نفاه المغرب"),
            None
        );
    }

    #[test]
    fn not_so_much_as_is_no_negation() {
        // Seeds 002 line 39 against seeds-tune4's claim that Algeria turned to
        // Washington to appease it more than to diversify its arms.
        let passage = "عدلت الجزائر بوصلتها ليس حرصا علي تنويع مصادر تسلحها بقدر محاولتها استرضاء الجانب الاميركي";
        assert_eq!(check("عدلت الجزائر بوصلتها حرصا علي تنويع مصادر تسلحها", passage), None);
        // Trap: without بقدر, ليس negates.
        let plain = "عدلت الجزائر بوصلتها ليس حرصا علي تنويع مصادر تسلحها";
        assert!(check("عدلت الجزائر بوصلتها حرصا علي تنويع مصادر تسلحها", plain).is_some());
    }

    #[test]
    fn double_negation_cancels() {
        assert_eq!(check("زار غانتس الرباط", "لم ينف غانتس انه زار الرباط"), None);
    }

    #[test]
    fn a_particle_stops_at_a_clause_break() {
        let p = toks("المباحثات تشمل تبادل المعلومات فيما لم يقدم الدبلوماسي تفاصيل المعلومات");
        let pr: Vec<&str> = p.iter().map(String::as_str).collect();
        // Content: تبادل (2), المعلومات (3); the negated clause starts after فيما.
        assert!(negations(&pr, &vec![false; pr.len()], &[2, 3]).is_empty());
        let q = toks("لم يقدم، المعلومات");
        let qr: Vec<&str> = q.iter().map(String::as_str).collect();
        assert!(negations(&qr, &[false, false, true], &[2]).is_empty());
        assert_eq!(negations(&qr, &[false, false, false], &[2]), vec![0]);
    }

    #[test]
    fn cancelling_ignoring_and_backing_away_deny() {
        // ANS train pairs (disagree).
        assert!(check("فرض حظر التجول في البصرة", "إلغاء حظر التجول في البصرة").is_some());
        assert!(check(
            "العدل الدولية تدين أحكام إعدام جماعية في مصر",
            "العدل الدولية تتجاهل أحكام الإعدام الجماعية في مصر"
        )
        .is_some());
        assert!(check("ترامب يفرض رسوما على الصين", "ترامب يتراجع عن فرض رسوم على الصين").is_some());
        // Trap: تراجع without عن is a decline, not a denial.
        assert_eq!(check("تراجع أسعار النفط", "تراجع أسعار النفط بعد الاجتماع"), None);
    }

    #[test]
    fn stopping_avoiding_and_escaping_deny() {
        // ANS train pairs (disagree).
        assert!(check(
            "تركيا تلاحق الزعيم الكردي السوري صالح مسلم",
            "تركيا تتوقف عن ملاحقة الزعيم الكردي السوري صالح مسلم"
        )
        .is_some());
        assert!(check(
            "كوريا الجنوبية تستورد النفط الإيراني",
            "كوريا الجنوبية تتجنب النفط الإيراني"
        )
        .is_some());
        assert!(check(
            "محاكمة مصريين اختلسوا مليار دولار",
            "مصريون اختلسوا مليار دولار يفلتون من المحاكمة"
        )
        .is_some());
        assert!(check(
            "خطة ٢٠٣٠ الاقتصادية تشمل مشاريع الطاقة الشمسية",
            "خطة ٢٠٣٠ الاقتصادية تخلو من مشاريع الطاقة الشمسية"
        )
        .is_some());
        // Traps: without its preposition, توقف is a halt (an antonym's
        // business) and عجز a deficit.
        assert_eq!(
            check("توقف الرحلات الجوية بين روسيا ومصر", "توقف الرحلات الجوية بين روسيا ومصر"),
            None
        );
        assert_eq!(
            check("ارتفاع عجز الموازنة المغربية", "عجز الموازنة المغربية يرتفع"),
            None
        );
    }

    #[test]
    fn ghayr_negates_the_word_after_it() {
        // ANS train (disagree): "ورقة نقدية جديدة أكثر أمنا" / "غير آمنة".
        assert_eq!(
            check("بريطانيا تطرح ورقة نقدية آمنة", "بريطانيا تطرح ورقة نقدية غير آمنة"),
            Some(vec!["غير".into()])
        );
        // Traps: both sides alike, "however", and a word غير does not precede.
        assert_eq!(
            check(
                "غرق المهاجرين غير الشرعيين قبالة اليمن",
                "غرق المهاجرين غير الشرعيين قبالة اليمن"
            ),
            None
        );
        assert_eq!(
            check("وصول المساعدات الى الغوطة", "غير ان المساعدات وصلت الى الغوطة"),
            None
        );
        assert_eq!(
            check("المساعدات وصلت الى الغوطة", "المساعدات وصلت الى الغوطة غير مرة"),
            None
        );
    }

    #[test]
    fn a_far_particle_does_not_count() {
        // "لا" negates words far from the matched content: no contradiction.
        assert_eq!(
            check(
                "المغرب يشتري براك",
                "لا شك ان العلاقات بين البلدين تتطور والمغرب يشتري براك"
            ),
            None
        );
    }
}
