//! Polarity cue words: negation particles, verbs of denial and refusal.
//!
//! This module owns the word lists that flip a statement's polarity, in
//! folded form (see [`crate::normalize`]). A cue may carry a leading
//! conjunction (`ولم`, `فلا`). Particles negate the few words that follow
//! them; denial verbs negate the rest of their sentence and the few words
//! just before them ("وهو ما نفاه المغرب").
//!
//! Example: "لم يشتر المغرب المنظومة" carries the particle `لم`, so it
//! contradicts "اشترى المغرب المنظومة".

/// What kind of polarity cue a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A negation particle: scope is the next few words.
    Particle,
    /// A verb of denial, refusal or failure: scope is the rest of the sentence.
    Denial,
    /// غير before a word: scope is that word ("غير آمنة", unsafe).
    Prefix,
}

const PARTICLES: &[&str] = &[
    "لا",
    "لم",
    "لن",
    "ليس",
    "ليست",
    "لست",
    "لسنا",
    "ليسوا",
    "عدم",
    "بدون",
    "دون",
    "بلا",
    "not",
    "no",
    "never",
    "cannot",
    "nor",
    "without",
    "didn",
    "doesn",
    "isn",
    "wasn",
    "aren",
    "weren",
    "won",
    "hasn",
    "haven",
    "hadn",
    "don",
];

const DENIALS: &[&str] = &[
    "نفي",
    "نفت",
    "ينف",
    "تنف",
    "نفاه",
    "نفته",
    "ينفي",
    "تنفي",
    "نفوا",
    "نفيه",
    "نفيها",
    "رفض",
    "رفضت",
    "يرفض",
    "ترفض",
    "رفضه",
    "رفضها",
    "رفضوا",
    "يرفضون",
    "ترفضون",
    "استبعد",
    "استبعدت",
    "يستبعد",
    "تستبعد",
    "استبعاد",
    "فشل",
    "فشلت",
    "يفشل",
    "تفشل",
    "deny",
    "denied",
    "denies",
    "denying",
    "refused",
    "refuse",
    "refuses",
    "rejected",
    "rejects",
    "reject",
    "failed",
    "fails",
    "fail",
    "dismissed",
    // Cancelling, halting, ignoring, finding it hard: the act did not
    // (or will not) happen.
    "الغي",
    "الغت",
    "يلغي",
    "تلغي",
    "الغوا",
    "الغاء",
    "اوقف",
    "اوقفت",
    "يوقف",
    "ايقاف",
    "تجاهل",
    "تجاهلت",
    "يتجاهل",
    "تتجاهل",
    "يصعب",
    "cancelled",
    "canceled",
    "cancels",
    "scrapped",
    "halted",
    "ignored",
    "ignores",
    // Avoiding: the act is shunned ("كوريا الجنوبية تتجنب النفط الإيراني").
    "تجنب",
    "تجنبت",
    "يتجنب",
    "تتجنب",
    "تفادي",
    "تفادت",
    "يتفادي",
    "تتفادي",
];

/// Words that dismiss what follows them as naive: "من السذاجة ربط التوتر
/// المغربي الجزائري بالعلاقات المغربية الإسرائيلية" (seeds 001 line 62:
/// Roudani does not link them), "it is naive to link". Like غير, they deny
/// the one word after them (after "to" in English), the act dismissed, not
/// the rest of the sentence.
const DISMISSALS: &[&str] = &["السذاجه", "سذاجه", "ساذج", "ساذجه", "naive"];

/// Words after which a particle is part of a fixed expression and negates
/// nothing: لا يزال (still), بدون طيار (unmanned), لا سيما (especially),
/// لا بد (must), غير مسبوق (unprecedented), no longer → handled as a cue.
const FIXED_AFTER: &[&str] = &[
    "يزال",
    "تزال",
    "يزالون",
    "زال",
    "زالت",
    "يزل",
    "تزل",
    "طيار",
    "سيما",
    "بد",
    "مسبوق",
    "مسبوقه",
    "doubt",
    "matter",
];

/// Verbs of retreat that deny only with عن after them.
const RETREATS: &[&str] = &["تراجع", "تراجعت", "يتراجع", "تتراجع", "تراجعوا", "يتراجعون", "تتراجعان"];

/// Verbs of stopping, abstaining, giving up and being unable that deny only
/// with عن after them: "تتوقف عن ملاحقة" (stops pursuing), "امتنع عن",
/// "تخلى عن", "تعجز عن تحقيق" (cannot achieve); توقف alone is a halt
/// (the antonym of استمرار), عجز alone a deficit ("عجز الموازنة").
const ABSTENTIONS: &[&str] = &[
    "توقف",
    "توقفت",
    "يتوقف",
    "تتوقف",
    "توقفوا",
    "امتنع",
    "امتنعت",
    "يمتنع",
    "تمتنع",
    "تخلي",
    "تخلت",
    "يتخلي",
    "تتخلي",
    "عجز",
    "عجزت",
    "يعجز",
    "تعجز",
];

/// Verbs of escaping and lacking that deny only with من after them:
/// "يفلتون من المحاكمة" (escape trial), "تخلو من مشاريع" (has no projects).
const ESCAPES: &[&str] = &[
    "افلت",
    "افلتت",
    "يفلت",
    "تفلت",
    "يفلتون",
    "تخلو",
    "يخلو",
    "خلت",
    "نجت",
    "ينجو",
    "تنجو",
    "نجا",
];

/// Words after which غير is no negation: "غير أن" (however), "غير ذلك"
/// (otherwise), "غير مرة" (more than once), "غير مسبوق" (unprecedented).
const NOT_NEGATED_BY_GHAYR: &[&str] = &[
    "ان",
    "انه",
    "انها",
    "انهم",
    "ذلك",
    "هذا",
    "هذه",
    "مره",
    "مسبوق",
    "مسبوقه",
];

/// The cue at position `i` of a folded token sequence, if any: like [`cue`],
/// but a particle in a fixed expression (لا يزال، بدون طيار) is no cue.
pub fn cue_at(tokens: &[&str], i: usize) -> Option<Cue> {
    // "تراجع عن" (backed away from) denies; تراجع alone is a decline.
    // (The word without its conjunction is read only where it can matter:
    // this runs on every word of every judged passage.)
    let next = tokens.get(i + 1).copied();
    if next == Some("عن") || next == Some("من") {
        let bare = strip_conjunction(tokens[i]);
        if next == Some("عن") && (RETREATS.contains(&bare) || ABSTENTIONS.contains(&bare))
            || next == Some("من") && ESCAPES.contains(&bare)
        {
            return Some(Cue::Denial);
        }
    }
    // "غير آمنة" (unsafe): غير negates the one word after it. (غير
    // without its conjunction: غير, وغير or فغير.)
    if matches!(tokens[i], "غير" | "وغير" | "فغير")
        && next.is_some_and(|n| crate::stem::is_arabic(n) && !NOT_NEGATED_BY_GHAYR.contains(&n))
    {
        return Some(Cue::Prefix);
    }
    if next.is_some() && DISMISSALS.contains(&strip_conjunction(tokens[i])) {
        return Some(Cue::Prefix);
    }
    let c = cue(tokens[i])?;
    if c == Cue::Particle && tokens.get(i + 1).is_some_and(|next| FIXED_AFTER.contains(next)) {
        return None;
    }
    Some(c)
}

/// The verb keys of the denial verbs, so that any conjugation counts
/// (استبعدوا، يستبعدون → استبعد).
fn denial_roots() -> &'static std::collections::HashSet<String> {
    static R: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        DENIALS
            .iter()
            .filter(|w| crate::stem::is_arabic(w) && w.chars().count() >= 4)
            .filter_map(|w| crate::stem::root_key(&crate::stem::stem(w)))
            .filter(|r| r.chars().count() >= 4)
            .collect()
    })
}

/// The cue a folded token is, if any.
///
/// Remembered per thread by the token's text (stance rules ask for every
/// word of every judged passage, and news repeats its words): a function of
/// the text alone, so the memo changes no answer.
pub fn cue(token: &str) -> Option<Cue> {
    thread_local! {
        static MEMO: std::cell::RefCell<crate::sym::FxHashMap<Box<str>, Option<Cue>>> = Default::default();
        static SHORT: std::cell::RefCell<crate::sym::FxHashMap<ShortKey, Option<Cue>>> = Default::default();
    }
    // Most words fit in a key of three numbers, compared in place (no
    // string to reach and compare: at 10k articles the memo's string
    // comparisons missed the cache).
    if let Some(k) = short_key(token) {
        return SHORT.with(|m| {
            if let Some(&c) = m.borrow().get(&k) {
                return c;
            }
            let c = cue_of(token);
            let mut m = m.borrow_mut();
            // Bounded: a run of unusual text cannot grow it without end.
            if m.len() >= 1 << 16 {
                m.clear();
            }
            m.insert(k, c);
            c
        });
    }
    MEMO.with(|m| {
        if let Some(&c) = m.borrow().get(token) {
            return c;
        }
        let c = cue_of(token);
        let mut m = m.borrow_mut();
        // Bounded: a run of unusual text cannot grow it without end.
        if m.len() >= 1 << 16 {
            m.clear();
        }
        m.insert(token.into(), c);
        c
    })
}

/// A word of at most [`SHORT_BYTES`] bytes as three numbers: its bytes in
/// order (little-endian, zero-padded) and its length in the last byte, so
/// that two words have the same key exactly when they are the same word.
type ShortKey = [u64; 3];

/// The longest word [`short_key`] keys (eleven Arabic letters).
const SHORT_BYTES: usize = 23;

/// The [`ShortKey`] of a word, if it is short enough.
fn short_key(token: &str) -> Option<ShortKey> {
    let b = token.as_bytes();
    if b.len() > SHORT_BYTES {
        return None;
    }
    let mut k = [0u64; 3];
    for (i, &x) in b.iter().enumerate() {
        k[i / 8] |= u64::from(x) << (8 * (i % 8));
    }
    k[2] |= (b.len() as u64) << 56;
    Some(k)
}

/// [`cue`], computed.
fn cue_of(token: &str) -> Option<Cue> {
    let bare = strip_conjunction(token);
    for t in [token, bare] {
        if PARTICLES.contains(&t) {
            return Some(Cue::Particle);
        }
        if DENIALS.contains(&t) {
            return Some(Cue::Denial);
        }
    }
    let root = crate::stem::root_key(&crate::stem::stem(bare))?;
    denial_roots().contains(&root).then_some(Cue::Denial)
}

/// Whether a folded token is any polarity cue.
pub fn is_cue(token: &str) -> bool {
    cue(token).is_some()
}

fn strip_conjunction(token: &str) -> &str {
    for p in ["و", "ف"] {
        if let Some(rest) = token.strip_prefix(p) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    token
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn remembered_cues_are_computed_ones() {
        let mut words: Vec<String> = PARTICLES
            .iter()
            .chain(DENIALS)
            .chain(RETREATS)
            .chain(ABSTENTIONS)
            .chain(ESCAPES)
            .map(|w| w.to_string())
            .collect();
        words.extend(PARTICLES.iter().chain(DENIALS).map(|w| format!("و{w}")));
        words.extend(
            [
                "استبعدوا",
                "يستبعدون",
                "المغرب",
                "قال",
                "و",
                "",
                "وسيستبعدونها",
                "والاستثمارات",
            ]
            .map(normalize),
        );
        assert!(words.iter().any(|w| cue_of(w).is_none()) && words.iter().any(|w| cue_of(w).is_some()));
        for _ in 0..2 {
            for w in &words {
                assert_eq!(cue(w), cue_of(w), "{w}");
            }
        }
    }

    /// [`cue_at`] as it read every word without its conjunction first.
    fn cue_at_stripping_first(tokens: &[&str], i: usize) -> Option<Cue> {
        let bare = strip_conjunction(tokens[i]);
        let next = tokens.get(i + 1).copied();
        if next == Some("عن") && (RETREATS.contains(&bare) || ABSTENTIONS.contains(&bare))
            || next == Some("من") && ESCAPES.contains(&bare)
        {
            return Some(Cue::Denial);
        }
        if bare == "غير" && next.is_some_and(|n| crate::stem::is_arabic(n) && !NOT_NEGATED_BY_GHAYR.contains(&n)) {
            return Some(Cue::Prefix);
        }
        if next.is_some() && DISMISSALS.contains(&bare) {
            return Some(Cue::Prefix);
        }
        let c = cue(tokens[i])?;
        if c == Cue::Particle && tokens.get(i + 1).is_some_and(|next| FIXED_AFTER.contains(next)) {
            return None;
        }
        Some(c)
    }

    /// Reading a word without its conjunction only before عن or من, and
    /// غير by its three spellings, finds the cues of every word of the
    /// seeds and of the lists' words (with and without a conjunction,
    /// before عن, من, a word and nothing).
    #[test]
    fn cues_in_place_are_read_as_before() {
        let mut texts: Vec<String> = std::fs::read_dir("seeds")
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| normalize(&std::fs::read_to_string(p).unwrap()))
            .collect();
        for w in RETREATS
            .iter()
            .chain(ABSTENTIONS)
            .chain(ESCAPES)
            .chain(PARTICLES)
            .chain(["غير", "غ"].iter())
        {
            for c in ["", "و", "ف", "ب"] {
                for next in ["عن", "من", "امنه", "طيار", "يزال", ""] {
                    texts.push(format!("{c}{w} {next}").trim().to_string());
                }
            }
        }
        let (mut cues, mut words) = (0, 0);
        for t in &texts {
            let toks: Vec<&str> = t.split_whitespace().collect();
            for i in 0..toks.len() {
                let c = cue_at(&toks, i);
                assert_eq!(c, cue_at_stripping_first(&toks, i), "{t} @ {i}");
                cues += usize::from(c.is_some());
                words += 1;
            }
        }
        assert!(cues > 100 && words > cues, "{cues} of {words}");
    }

    /// Short keys tell words apart exactly: equal keys only for equal
    /// words (a trailing zero byte, a prefix, one byte changed), none for
    /// a word past [`SHORT_BYTES`].
    #[test]
    fn short_keys_are_the_words() {
        let words = [
            "",
            "\0",
            "a",
            "a\0",
            "ab",
            "ba",
            "لا",
            "لم",
            "ولا",
            "رفضت",
            "رفضته",
            "abcdefgh",
            "abcdefghi",
            "abcdefgh\0",
            "abcdefghijklmnopqrstuvw",
            "abcdefghijklmnopqrstuvx",
            "الاستثماراتن",
        ];
        for a in words {
            for b in words {
                let (ka, kb) = (short_key(a), short_key(b));
                assert_eq!(
                    ka.is_some() && ka == kb,
                    a == b && a.len() <= SHORT_BYTES,
                    "{a:?} {b:?}"
                );
            }
        }
        assert!(short_key("abcdefghijklmnopqrstuvw").is_some());
        assert!(short_key("abcdefghijklmnopqrstuvwx").is_none());
    }

    #[test]
    fn particles_and_denials() {
        assert_eq!(cue(&normalize("لم")), Some(Cue::Particle));
        assert_eq!(cue(&normalize("ولن")), Some(Cue::Particle));
        assert_eq!(cue(&normalize("نفى")), Some(Cue::Denial));
        assert_eq!(cue(&normalize("ونفت")), Some(Cue::Denial));
        assert_eq!(cue("denied"), Some(Cue::Denial));
        assert_eq!(cue("not"), Some(Cue::Particle));
        assert_eq!(cue(&normalize("استبعدوا")), Some(Cue::Denial));
        assert_eq!(cue(&normalize("يستبعدون")), Some(Cue::Denial));
    }

    #[test]
    fn dismissing_as_naive_denies() {
        // Seeds 001 line 62: "من السذاجة ربط التوتر ..." calls the link naive.
        let n = normalize("من السذاجة ربط التوتر");
        let toks: Vec<&str> = n.split(' ').collect();
        assert_eq!(cue_at(&toks, 1), Some(Cue::Prefix));
        assert_eq!(cue_at(&["naive", "to", "link"], 0), Some(Cue::Prefix));
        // Not a cue with nothing after it to deny.
        assert_eq!(cue_at(&["naive"], 0), None);
    }

    #[test]
    fn fixed_expressions_are_not_negations() {
        for phrase in ["لا يزال", "بدون طيار", "لا سيما", "ولا تزال", "دون طيار"] {
            let n = normalize(phrase);
            let toks: Vec<&str> = n.split(' ').collect();
            assert_eq!(cue_at(&toks, 0), None, "{phrase}");
        }
        let n = normalize("لا يريد");
        let toks: Vec<&str> = n.split(' ').collect();
        assert_eq!(cue_at(&toks, 0), Some(Cue::Particle));
    }

    #[test]
    fn ordinary_words_are_not_cues() {
        for w in ["المغرب", "لما", "ما", "وزير", "لحظة", "know"] {
            assert_eq!(cue(&normalize(w)), None, "{w}");
        }
    }
}
