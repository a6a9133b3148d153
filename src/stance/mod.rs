//! Stance: does a passage support, contradict or merely mention a claim?
//!
//! This module owns the decision for one claim wording and one passage,
//! given their alignment (see [`crate::matching`]). Each rule kind lives in
//! its own module and gives a reason an editor can read:
//! - [`polarity`]: negation particles and denial verbs (`negation لم`);
//! - [`quantities`]: the same slot with a different number (`number 48 vs 100`);
//! - [`antonyms`]: an opposite word in place of the claim's (`antonym ارتفاع/انخفاض`);
//! - [`entities`]: another country in place of the claim's (`entity تركيا vs اليونان`);
//! - [`substitution`]: another word of the same kind (people, time units,
//!   currencies...) in a claim word's slot (`substituted النساء vs الاطفال (people)`);
//! - [`roles`]: the claim's two names in each other's places (`roles الصين/الولايات المتحده swapped`);
//! - [`timeless`]: a negation with "since it began" (منذ قيامها) covers the
//!   claim's time adjunct (`timeless منذ قيامها`);
//! - [`clauses`]: a claim's name met only across a contrast (لكن) from its
//!   predicate keeps the passage from supporting (`clause ترامب across لكن`);
//! - [`hedges`]: speculation weakens support (`hedge قد`), attribution is noted
//!   (`attributed بحسب`);
//! - [`headline`]: a short passage given over to the claim turned around
//!   contradicts at the lower gate, as a denial does; one that adds a denial
//!   verb the claim lacks contradicts from
//!   [`headline::DENIAL_FLOOR`] of the claim, below the mention share;
//! - [`casualties`]: a passage that says there were no victims ("دون وقوع
//!   ضحايا") denies the claim's death toll (`casualties دون وقوع ضحايا`).
//!
//! The decision, in order:
//! 1. a passage carrying less than [`Thresholds::mention`] of the claim is
//!    silent, unless it is a headline that denies it ([`headline::denial`]);
//! 2. a passage with a reason, carrying every other name and number of the
//!    claim, relevant enough once the contradicted words are set aside
//!    ([`Thresholds::contradict`]), contradicts;
//! 3. a passage carrying at least [`Thresholds::support`] of the claim (more,
//!    [`Thresholds::support_without_predicate`], without the claim's
//!    predicate; less, [`Thresholds::support_headline`], for a headline-like
//!    passage given over to the claim, [`headline::given_over_short`], and
//!    only [`Thresholds::mention`] for a terse one with the predicate,
//!    [`headline::TERSE_WORDS`]),
//!    with every key unit (names, numbers) present (but for a name of the
//!    claim's topic, set before a colon, that a headline drops), supports,
//!    unless it speculates ("may", قد تحصل) where the claim asserts flatly
//!    (a cue word that carries a claim word, المحتمل for "potential", is
//!    content, not speculation);
//! 4. anything else mentions.

pub mod antonyms;
pub mod casualties;
pub mod clauses;
pub mod cues;
pub mod entities;
pub mod headline;
pub mod hedges;
pub mod polarity;
pub mod quantities;
pub mod reason;
pub mod roles;
pub mod substitution;
pub mod timeless;

use reason::{Reason, Rule};

use crate::index::Term;
use crate::matching::{Alignment, How, Query, Unit, UnitKind};
use crate::verdict::Stance;
use antonyms::Antonyms;

/// Score thresholds, in [0, 1], for a passage's share of the claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// At or above: the passage can support the claim.
    pub support: f64,
    /// At or above, when the passage lacks the claim's predicate (see
    /// [`crate::matching::mark_predicate`]): the passage can support the claim.
    pub support_without_predicate: f64,
    /// At or above, for a wording in another script than the passage (an
    /// English claim against Arabic text, met through the dictionary and
    /// transliteration, which lose some words): the passage can support it.
    pub support_translated: f64,
    /// At or above, for a headline-like passage given over to the claim
    /// (see [`headline::given_over_short`]): the passage can support the
    /// claim, with or without its predicate. A headline that says nothing
    /// but the claim, in other words here and there, reports it.
    pub support_headline: f64,
    /// At or above (with a reason), for a headline-like passage given over
    /// to the claim turned around (see [`headline::given_over_short`]), every
    /// name carried: the passage can contradict the claim, even under the
    /// mention share.
    pub contradict_headline: f64,
    /// At or above (with a reason): the passage can contradict the claim.
    pub contradict: f64,
    /// At or above, when the reason denies what the claim asserts (the
    /// opposite of its predicate or of a word the passage lacks, or a
    /// negation over its matched content):
    /// the passage can contradict the claim. What the claim says is denied,
    /// so less of the rest need be carried ("فرض حظر التجول من جديد بعد
    /// مقتل متظاهر في احتجاجات البصرة" against "إلغاء حظر التجول في البصرة").
    /// Also for a passage given over to the claim (see [`headline`]).
    pub contradict_predicate: f64,
    /// At or above: the passage is about the claim (mentions).
    pub mention: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            support: 0.72,
            support_without_predicate: 0.85,
            support_translated: 0.66,
            support_headline: 0.65,
            contradict_headline: headline::DENIAL_FLOOR,
            contradict: 0.6,
            contradict_predicate: 0.5,
            mention: 0.45,
        }
    }
}

/// The stance of one passage towards one wording.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// `None` when the passage is silent.
    pub stance: Option<Stance>,
    /// Score in [0, 1].
    pub score: f64,
    /// Why it contradicts (or, for mentions, what it lacks).
    pub reasons: Vec<String>,
}

/// The stems of the other ways of writing (translations, glossary) the
/// words that follow unit `ui` in the claim: what a number or ordinal
/// counts, as an Arabic passage may write it.
fn counted_stems(query: &Query, ui: usize) -> Vec<String> {
    let u = &query.units[ui];
    if crate::stem::is_arabic(&query.tokens[u.at].norm) {
        return Vec::new();
    }
    query
        .units
        .iter()
        .filter(|v| v.kind == UnitKind::Word && v.at > u.at && v.at <= u.at + 3)
        .flat_map(|v| v.phrases.iter().skip(1))
        .flat_map(|p| p.tokens.iter().map(|t| t.stem.clone()))
        .collect()
}

/// The passage positions (first and last token) of the claim units next to
/// unit `ui` that the passage carries: the anchors of `ui`'s slot, where
/// the entity and substitution rules look for another word. A neighbour
/// inside a run of consecutive passage words that all carry claim words
/// anchors at the run's ends too: the run is one phrase of the claim,
/// whatever its order ("Israel's liaison office in Casablanca" against
/// "مكتب الاتصال الإسرائيلي في الرباط": "office" is مكتب, and the run ends
/// at الإسرائيلي, next to the place).
fn slot_anchors(al: &Alignment, ui: usize) -> Vec<usize> {
    let carried: std::collections::BTreeSet<usize> = al
        .units
        .iter()
        .enumerate()
        .filter(|&(vi, _)| vi != ui)
        .filter_map(|(_, m)| m.as_ref())
        .flat_map(|m| m.first..=m.last)
        .collect();
    let mut out = Vec::new();
    for m in [ui.checked_sub(1), Some(ui + 1)]
        .into_iter()
        .flatten()
        .filter_map(|n| al.units.get(n).and_then(|m| m.as_ref()))
    {
        let (mut lo, mut hi) = (m.first, m.last);
        while lo > 0 && carried.contains(&(lo - 1)) {
            lo -= 1;
        }
        while carried.contains(&(hi + 1)) {
            hi += 1;
        }
        out.extend([lo, m.first, m.last, hi]);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The passage position of a "whereas" (بينما، في حين) after the claim's
/// first place met as the subject of the claim's verb (the passage word
/// before it carries the claim's predicate: "لا تحصل الجزائر" for "حصلت
/// الجزائر"), if any: what follows it is said of another party. A place
/// met otherwise ("وعلى خلاف المغرب، ... بينما تحصل المملكة") may be the
/// party of the clause after it.
fn whereas_after_parties(query: &Query, terms: &[Term], al: &Alignment) -> Option<usize> {
    let verb = query.units.iter().find(|u| u.predicate)?;
    let m = query
        .units
        .iter()
        .zip(&al.units)
        .find(|(u, _)| u.place.is_some())
        .and_then(|(_, m)| m.as_ref())?;
    let before = terms.get(m.first.checked_sub(1)?)?;
    if !verb
        .phrases
        .iter()
        .any(|p| crate::matching::token_match(&p.tokens[0], before).is_some())
    {
        return None;
    }
    let last = m.last;
    let word = |k: usize| terms.get(k).map(|t| &*t.norm);
    (last + 1..terms.len()).find(|&k| {
        matches!(word(k), Some("بينما" | "وبينما"))
            || (matches!(word(k), Some("في" | "وفي")) && word(k + 1) == Some("حين"))
    })
}

/// Whether an Arabic claim's predicate `u` is plainly a verb where the
/// passage word `met` carries it: the claim opens with it (Arabic puts the
/// verb first), both are imperfect forms (ي ت ن before three letters or
/// more, after a conjunction و in the passage). "تقتصر مشتريات الجزائر ..." against "لا تحصل
/// الجزائر على أسلحة أميركية متطورة وتقتصر مشترياتها على الذخائر" (seeds 002
/// line 47): the particle negates تحصل, not the verb that carries the
/// claim's, which then places the negation as an English verb does.
fn verb_initial(query: &Query, u: &Unit, met: &str) -> bool {
    let imperfect = |w: &str| {
        let mut cs = w.chars();
        matches!(cs.next(), Some('ي' | 'ت' | 'ن')) && cs.count() >= 3
    };
    let claim = &query.tokens[u.at].norm;
    let passage = met.strip_prefix('و').filter(|r| r.chars().count() >= 4).unwrap_or(met);
    u.at == 0 && imperfect(claim) && imperfect(passage)
}

/// An index of one source holding `text`: the setup of the rule tests.
#[cfg(test)]
pub(crate) fn one_source_index(text: String) -> crate::index::Index {
    use crate::normalize::Charmap;
    use crate::sources::{Corpus, Source};
    let source = Source::new("s".into(), "s.txt".into(), "s.txt".into(), text, Charmap::default());
    crate::index::Index::build(&Corpus {
        sources: vec![source],
        ..Corpus::default()
    })
}

/// A claim aligned with a passage, over an index of one source holding
/// `corpus` (which sets the words' weights): the setup of the rule tests.
#[cfg(test)]
pub(crate) fn aligned(claim: &str, passage: &str, corpus: String) -> (Query, Vec<Term>, Alignment) {
    use crate::normalize::Charmap;
    let ix = one_source_index(corpus);
    let q = Query::new(claim, &crate::matching::Glossary::default(), &ix);
    let t = Term::analyze(passage, &Charmap::default());
    let al = crate::matching::align(&q, &t);
    (q, t, al)
}

/// The judgement of a claim on a passage, with the built-in lexicons and
/// thresholds, over the passage and two unrelated lines (the setup of the
/// place and role rule tests).
#[cfg(test)]
pub(crate) fn judged(claim: &str, passage: &str) -> Judgement {
    let corpus = format!("{passage}\nنص آخر عن الطقس\nالمغرب والجزائر");
    let (q, t, al) = aligned(claim, passage, corpus);
    judge(&q, &t, &al, &antonyms::Antonyms::builtin(), &Thresholds::default())
}

/// Judges one passage against one wording.
///
/// A synonym (see [`crate::synonyms`]) only ever helps a passage carry the
/// claim; it neither makes nor unmakes a contradiction. Where the passage
/// meets a claim word only through a synonym, it is judged again as the
/// claim's own words align with it: a contradiction there stands; a
/// contradiction only with the synonyms is a mention (a synonym must not make
/// a passage about something else relevant enough for a name or number rule
/// to fire).
pub fn judge(query: &Query, terms: &[Term], al: &Alignment, lexicon: &Antonyms, th: &Thresholds) -> Judgement {
    let phrases = antonyms::phrases_of(query, lexicon);
    let j = judge_alignment(
        query,
        terms,
        al,
        &antonyms::opposites_of(query, lexicon),
        &phrases,
        None,
        th,
    );
    if !through_synonym(al) {
        return j;
    }
    let plain = without_synonyms(query);
    let plain_al = crate::matching::align(&plain, terms);
    let plain_phrases = antonyms::phrases_of(&plain, lexicon);
    let j0 = judge_alignment(
        &plain,
        terms,
        &plain_al,
        &antonyms::opposites_of(&plain, lexicon),
        &plain_phrases,
        None,
        th,
    );
    settle(al, j, j0)
}

/// What [`judge`] computes of a wording for every passage, computed once:
/// the opposites of its units, the query without its synonyms
/// ([`without_synonyms`]) as a matcher, and that query's units' opposites;
/// for each query, which units' opposites it holds itself ([`holds_opposites`]).
pub struct Prepared<'a> {
    opposites: Vec<antonyms::UnitOpposites<'a>>,
    phrases: Vec<antonyms::ClaimPhrase<'a>>,
    holds: Vec<bool>,
    plain: crate::matching::Matcher<'a>,
    plain_opposites: Vec<antonyms::UnitOpposites<'a>>,
    plain_phrases: Vec<antonyms::ClaimPhrase<'a>>,
    plain_holds: Vec<bool>,
}

impl<'a> Prepared<'a> {
    /// `plain` is [`without_synonyms`] of `query`.
    pub fn new(query: &Query, plain: &'a Query, lexicon: &'a Antonyms) -> Prepared<'a> {
        let opposites = antonyms::opposites_of(query, lexicon);
        let plain_opposites = antonyms::opposites_of(plain, lexicon);
        Prepared {
            holds: holds_of_every_unit(query, &opposites),
            opposites,
            phrases: antonyms::phrases_of(query, lexicon),
            plain: crate::matching::Matcher::new(plain),
            plain_holds: holds_of_every_unit(plain, &plain_opposites),
            plain_opposites,
            plain_phrases: antonyms::phrases_of(plain, lexicon),
        }
    }
}

/// [`judge`], with what it computes of the wording `query` taken from
/// `prepared` (made for it): the same judgement, since the opposites are
/// functions of the query and lexicon alone and a matcher's alignment is
/// [`crate::matching::align`]'s.
pub fn judge_prepared(
    query: &Query,
    terms: &[Term],
    al: &Alignment,
    th: &Thresholds,
    prepared: &mut Prepared,
) -> Judgement {
    let j = judge_alignment(
        query,
        terms,
        al,
        &prepared.opposites,
        &prepared.phrases,
        Some(&prepared.holds),
        th,
    );
    if !through_synonym(al) {
        return j;
    }
    let plain_al = prepared.plain.align(terms);
    let plain = prepared.plain.query();
    settle(
        al,
        j,
        judge_alignment(
            plain,
            terms,
            &plain_al,
            &prepared.plain_opposites,
            &prepared.plain_phrases,
            Some(&prepared.plain_holds),
            th,
        ),
    )
}

/// The sentences of a span as ranges of its terms: one, unless it is a
/// window of passages of which one ends a sentence ([`Term::sent`]).
fn sentence_ranges(terms: &[Term]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, t) in terms.iter().enumerate().skip(1) {
        if t.sent {
            out.push(start..k);
            start = k;
        }
    }
    out.push(start..terms.len());
    out
}

/// Whether a unit of `al` was met through a synonym.
fn through_synonym(al: &Alignment) -> bool {
    al.units.iter().any(|m| m.as_ref().is_some_and(|m| m.how.is_synonym()))
}

/// The query without the phrases its synonyms added: [`judge`] judges a
/// passage aligned through a synonym again with it.
pub fn without_synonyms(query: &Query) -> Query {
    let mut plain = query.clone();
    for u in &mut plain.units {
        u.phrases.retain(|p| !p.via.is_some_and(How::is_synonym));
    }
    plain
}

/// The judgement of a passage aligned through a synonym (`al`, judged `j`)
/// given the judgement `j0` without the synonyms.
fn settle(al: &Alignment, j: Judgement, j0: Judgement) -> Judgement {
    // A word swapped without the synonyms may be the synonym itself.
    let swapped_only = j0.reasons.iter().all(|r| r.starts_with(reason::SWAPPED));
    match (j0.stance, j.stance) {
        (Some(Stance::Contradicts), _) if !swapped_only => j0,
        (_, Some(Stance::Contradicts)) => Judgement {
            stance: Some(Stance::Mentions),
            score: al.score,
            reasons: j.reasons,
        },
        _ => j,
    }
}

/// Whether the claim holds, besides unit `ui`, one of its opposites.
fn holds_opposites(query: &Query, ui: usize, opposites: &antonyms::UnitOpposites) -> bool {
    let opposites = &opposites.0;
    query.units.iter().enumerate().any(|(vi, v)| {
        let norm = &query.tokens[v.at].norm;
        let (k, form) = (antonyms::key(norm), antonyms::form_key(norm));
        vi != ui && opposites.iter().any(|(o, _)| *o == k || *o == form)
    })
}

/// [`holds_opposites`] of every unit of `query` (`opposites`: its
/// [`antonyms::opposites_of`]); a unit without opposites holds none.
fn holds_of_every_unit(query: &Query, opposites: &[antonyms::UnitOpposites]) -> Vec<bool> {
    (0..query.units.len())
        .map(|ui| !opposites[ui].0.is_empty() && holds_opposites(query, ui, &opposites[ui]))
        .collect()
}

/// Judges one passage against one wording, as aligned.
/// `opposites`: [`antonyms::opposites_of`] the query; `holds`:
/// [`holds_of_every_unit`] of it, when known (else asked where needed).
fn judge_alignment(
    query: &Query,
    terms: &[Term],
    al: &Alignment,
    opposites: &[antonyms::UnitOpposites],
    phrases: &[antonyms::ClaimPhrase],
    holds: Option<&[bool]>,
    th: &Thresholds,
) -> Judgement {
    let silent = Judgement {
        stance: None,
        score: al.score,
        reasons: Vec::new(),
    };
    if query.units.is_empty() {
        return silent;
    }
    let total: f64 = query.units.iter().map(|u| u.weight).sum();
    let mut reasons = Vec::new();
    let mut explained = vec![false; query.units.len()];
    let mut substituted: Vec<usize> = Vec::new();
    // Whether a reason denies what the claim asserts: an opposite of its
    // predicate or in place of a word the passage lacks, or a negation.
    let mut denies = false;
    // Whether an opposite found is one the claim holds itself.
    let mut own_opposites = false;
    // A short passage given over to the claim that denies it (see
    // [`headline::denial`]): read below the mention share.
    let headline_denial = headline::denial(query, terms, al);

    // Quantities and ordinals on the units the passage lacks; antonyms on
    // any unit whose slot in the passage holds its opposite.
    for (ui, u) in query.units.iter().enumerate() {
        let reason = match (u.kind, al.units[ui].is_some()) {
            (UnitKind::Number, false) => {
                // Every place the passage carries a claim word next to the
                // number (not only the aligned one: the number's clause may
                // repeat a word the alignment took elsewhere), or the other
                // end of the claim's range ("من 2020 إلى 2025" vs "2020-2030").
                let anchors_of = |at: usize| {
                    query
                        .units
                        .iter()
                        .filter(move |v| v.at != at && v.at.abs_diff(at) <= 3)
                        .flat_map(|v| v.phrases.iter().map(|p| &p.tokens[0]))
                        .flat_map(|q| {
                            terms
                                .iter()
                                .enumerate()
                                .filter(move |(_, t)| crate::matching::token_match(q, t).is_some())
                                .map(|(k, _)| k)
                        })
                };
                let mut anchors: Vec<usize> = anchors_of(u.at).collect();
                // The claim's parties met only before a "whereas" (بينما، في
                // حين), which sets another party against them: the number of
                // the clause after it is that party's ("لا تحصل الجزائر على
                // أسلحة أميركية متطورة ...، بينما تحصل المملكة ... على ... 24
                // طائرة مروحية", seeds 002 line 47).
                if let Some(c) = whereas_after_parties(query, terms, al) {
                    anchors.retain(|&a| a < c);
                }
                // Both ends of a claim's range missing ("between 2014 and
                // 2018" against "بين عامي 2012 و2016"): the other end's
                // neighbours anchor this one too.
                for v in &query.units {
                    let partner = v.kind == UnitKind::Number && v.at != u.at && v.at.abs_diff(u.at) <= 3;
                    if partner
                        && al
                            .units
                            .iter()
                            .zip(&query.units)
                            .any(|(m, w)| w.at == v.at && m.is_none())
                    {
                        anchors.extend(anchors_of(v.at));
                    }
                }
                // "48 مليون vs 100 مليون" reads best as "48 vs 100" (same slot).
                let first = &query.tokens[u.at].norm;
                let shown = if crate::normalize::is_number(first) {
                    first
                } else {
                    &u.label
                };
                // An English number word ("eight") by its value, and an
                // Arabic one counting time ("ستة أشهر"); not an Arabic scale
                // word alone ("مليار" is not comparable with "48 مليار").
                let latin = !crate::stem::is_arabic(first);
                let value = (latin || quantities::counts_time(&query.tokens, u.at))
                    .then(|| u.phrases[0].tokens[0].norm.parse().ok())
                    .flatten();
                // What the number counts must be there: a passage that
                // carries, of the claim's words, only names, light words and
                // the number's own unit words tells another quantity
                // ("Morocco's tourism revenues reached 10 billion dollars"
                // against Morocco's military spending that "بلغ نحو 48 مليار
                // دولار"). A year dates an event its names may tell alone.
                let year = query.tokens[u.at]
                    .norm
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..=2100).contains(&y));
                let counted = year
                    || query.units.iter().zip(&al.units).any(|(v, m)| {
                        m.is_some()
                            && v.kind == UnitKind::Word
                            && !v.key
                            && (v.at <= u.at || v.at > u.at + 3)
                            && !crate::matching::is_light_word(&query.tokens[v.at].norm)
                            && !crate::matching::rendered_light(v)
                    });
                quantities::conflict_with(&query.tokens, u.at, terms, &anchors, value, &counted_stems(query, ui))
                    .filter(|_| counted)
                    .map(|other| Reason::against(Rule::Number, shown, &other.to_string()))
            }
            (UnitKind::Word, false) => {
                quantities::ordinal_conflict_with(&query.tokens, u.at, terms, &counted_stems(query, ui))
                    .map(|other| Reason::against(Rule::Ordinal, &u.label, &other.to_string()))
                    // "قبل نحو عام" (a year ago) against "قبل نحو شهر", in the
                    // clause of the claim's verb.
                    .or_else(|| {
                        let verb = query.units.iter().position(|v| v.predicate)?;
                        let at = al.units[verb].as_ref()?.first;
                        quantities::ago_conflict(&query.tokens, u.at, terms, at)
                            .map(|other| Reason::against(Rule::Number, &u.label, &other))
                    })
                    .or_else(|| entities::conflict(query, ui, terms, al))
                    .or_else(|| antonyms::conflict(query, ui, terms, al, &opposites[ui]))
                    // A place in the slot of a claim word the name tables do
                    // not know as one.
                    .or_else(|| entities::place_in_word_slot(query, ui, terms, al))
                    // Another month after the claim's day: another date of
                    // the same event, counted like another number.
                    .or_else(|| {
                        substitution::another_month_of_the_day(query, ui, terms, al)
                            .then(|| substitution::conflict(query, ui, terms, al))
                            .flatten()
                    })
                    // A headline that is the claim with this word replaced.
                    .or_else(|| substitution::one_word_swapped(query, ui, terms, al))
            }
            (UnitKind::Word, true) => entities::displaced(query, ui, terms, al)
                .or_else(|| antonyms::conflict(query, ui, terms, al, &opposites[ui])),
            (UnitKind::Number, true) => None,
        };
        if let Some(r) = reason {
            if r.rule == Rule::Entity {
                substituted.push(ui);
            }
            // An opposite in place of the predicate, or of a word the
            // passage lacks, unless the claim holds both opposites itself
            // ("تراجع الدولار يدفع أسعار الذهب للارتفاع": which goes up is
            // then what matters, and the slot rule reads it at the usual gate).
            let both =
                r.rule == Rule::Antonym && holds.map_or_else(|| holds_opposites(query, ui, &opposites[ui]), |h| h[ui]);
            own_opposites |= both;
            denies |= r.rule == Rule::Antonym && (u.predicate || (al.units[ui].is_none() && !both));
            reasons.push(r);
            explained[ui] = true;
        }
    }
    if reasons.is_empty() {
        if let Some((units, r)) = substitution::span_swapped(query, terms, al) {
            for &ui in &units {
                explained[ui] = true;
            }
            reasons.push(r);
        }
    }
    // An opposite said as a phrase ("ترفع العقوبات" / "تفرض عقوبات") for
    // claim words no word rule explained.
    for phrase in phrases {
        if phrase.units.iter().any(|&ui| explained[ui]) {
            continue;
        }
        if let Some(r) = antonyms::phrase_conflict(query, terms, al, phrase) {
            denies |= phrase
                .units
                .iter()
                .any(|&ui| query.units[ui].predicate || al.units[ui].is_none());
            for &ui in &phrase.units {
                explained[ui] = true;
            }
            reasons.push(r);
        }
    }
    // A passage that says there were no victims denies the claim's
    // casualties and their counts (see [`casualties`]).
    let casualties_denied = casualties::denied(query, terms);
    if let Some((units, words)) = &casualties_denied {
        for &ui in units {
            explained[ui] = true;
        }
        denies = true;
        reasons.push(Reason::cues(Rule::Casualties, words));
    }
    // Relevance with the contradicted units set aside as carried.
    let mut carried = 0.0;
    for (ui, u) in query.units.iter().enumerate() {
        if explained[ui] {
            carried += u.weight;
        } else if let Some(m) = &al.units[ui] {
            carried += u.weight * m.strength;
        }
    }
    let mut relevance = carried / total;
    // A denial for all time covers the claim's time adjunct (see
    // [`timeless`]), once the polarity below says the passage negates it.
    let aside = timeless::adjunct(query, terms, al);
    let covered = |explained: &[bool]| {
        let Some((units, _)) = &aside else {
            return carried;
        };
        carried
            + units
                .iter()
                .filter(|&&ui| !explained[ui])
                .map(|&ui| {
                    let u = &query.units[ui];
                    u.weight - al.units[ui].as_ref().map_or(0.0, |m| u.weight * m.strength)
                })
                .sum::<f64>()
    };
    // A headline-like passage (see [`headline::HEADLINE_WORDS`]) may
    // contradict from its own floor, under the mention share, once a rule
    // gives a reason and it is given over to the claim (see `given_over`).
    let short = headline::headline_like(terms);
    let headline_floor = th.contradict_headline.min(th.contradict_predicate).min(th.contradict);
    if relevance < th.mention
        && covered(&explained) / total < th.mention
        && headline_denial.is_none()
        && !(short && relevance >= headline_floor)
    {
        return silent;
    }
    // Another word of the same kind in a claim word's slot (read on the
    // relevance as it is: the rule lifts no passage). Like places, one
    // substitution contradicts; two tell another story, and only mention.
    let mut swapped: Vec<Reason> = Vec::new();
    if substituted.is_empty() {
        let found: Vec<(usize, Reason)> = (0..query.units.len())
            .filter(|&ui| !explained[ui])
            .filter_map(|ui| substitution::conflict(query, ui, terms, al).map(|r| (ui, r)))
            .collect();
        if let [(ui, _)] = found[..] {
            // A name of a kind (a movement: Hezbollah for حماس) replaced by
            // another is accounted for, as a replaced place is: the passage
            // names no other one it lacks.
            explained[ui] |= query.units[ui].key;
        }
        swapped.extend(found.into_iter().map(|(_, r)| r));
        if swapped.len() == 1 {
            reasons.append(&mut swapped);
        }
    }

    // Who did what to whom: the claim's two names in each other's places.
    if let Some(r) = roles::conflict(query, terms, al) {
        reasons.push(r);
    }

    // Polarity over the matched content.
    // Content words only: a negated clause about a name alone ("لم يقدم
    // الدبلوماسي الجزائري تفاصيل") does not negate what the claim says.
    let claim_norms: Vec<&str> = query.tokens.iter().map(|t| t.norm.as_str()).collect();
    let claim_breaks = vec![false; claim_norms.len()];
    // An ordinal is what a negation before it denies ("was not the first"),
    // not a name: it counts as content on both sides.
    let content_unit =
        |u: &Unit| !u.key || (u.kind == UnitKind::Word && quantities::ordinal(&query.tokens[u.at].norm).is_some());
    let claim_content: Vec<usize> = query.units.iter().filter(|u| content_unit(u)).map(|u| u.at).collect();
    let passage_norms: Vec<&str> = terms.iter().map(|t| t.norm.as_str()).collect();
    let passage_breaks: Vec<bool> = terms.iter().map(|t| t.brk).collect();
    let passage_content: Vec<usize> = query
        .units
        .iter()
        .zip(&al.units)
        .filter(|(u, _)| content_unit(u))
        .filter_map(|(_, m)| m.as_ref())
        .flat_map(|m| m.first..=m.last)
        .collect();
    let claim_side = polarity::Side {
        tokens: &claim_norms,
        breaks: &claim_breaks,
        content: &claim_content,
        predicate: None,
    };
    let passage_side = polarity::Side {
        tokens: &passage_norms,
        breaks: &passage_breaks,
        content: &passage_content,
        // An English claim's predicate is read from the verb's form; an
        // Arabic one is a guess that may be a name (حسن), so it places the
        // negation only where both sides show a verb: the claim opens with
        // it in the imperfect and the passage writes it so too (see
        // [`verb_initial`]).
        predicate: query
            .units
            .iter()
            .zip(&al.units)
            .find(|(u, m)| {
                u.predicate
                    && (!crate::stem::is_arabic(&u.label)
                        || m.as_ref().is_some_and(|m| verb_initial(query, u, &terms[m.first].norm)))
            })
            .and_then(|(_, m)| m.as_ref())
            .map(|m| (m.first, m.last)),
    };
    // A position the claim reports (a refusal or denial as a noun with its
    // owner's pronoun: رفضها, رفضه) and the passage lacks says nothing
    // against a passage that does not carry what the claim says was refused
    // (its predicate): "أعلنت إسبانيا رفضها إقامة قاعدة عسكرية إسرائيلية قرب
    // مليلية" against 001's report that cooperation may include "بناء قاعدة
    // عسكرية" near Melilla, which gives no Spanish position. A denial verb
    // (تنفي, يرفض) still counts: the predicate guessed then is often another
    // word of the claim.
    let predicate_lacking = query
        .units
        .iter()
        .zip(&al.units)
        .any(|(u, m)| u.predicate && m.is_none());
    let reported_position = |d: &polarity::Difference| {
        !d.opposes && predicate_lacking && d.words.iter().all(|w| polarity::owned_denial_noun(w))
    };
    // In a span of several sentences (a window whose first passage ends a
    // sentence), a negation, refusal or cancelling verb reaches the claim
    // words of its own sentence only, and denies the claim only when that
    // sentence is about it: with the names and numbers the span carries
    // anywhere and what other rules explain, it carries the mention share.
    // "الرئيس الفلسطيني يرفض الإعتذار بعد تصريحاته عن محارق اليهود. وقف
    // المسلسل … إثر تغريدة عنصرية …" refuses an apology, but not the one for
    // the racist tweet of the other sentence (a line of the generated
    // archive, session 16).
    // (The span's difference stands when one of its sentences makes it
    // alone: "وكان مسؤولون عسكريين روس استبعدوا تسليم المنظومة" agrees with
    // a claim of the ruling out, whatever the sentence before it says of
    // the system.)
    let sentences = sentence_ranges(terms);
    let difference = polarity::differs(&claim_side, &passage_side).and_then(|d| {
        // A negated claim against a passage that states it is read whole:
        // the statement may take two sentences ("وقعا مذكرة تفاهم دفاعية
        // ... . وستتيح للمغرب ... التعاون في ... البحث والتطوير", seeds 001
        // line 5, against "The memorandum does not provide for any
        // cooperation in research and development", english-tune8).
        if sentences.len() == 1 || !d.in_passage {
            return Some(d);
        }
        sentences.iter().find_map(|r| {
            let content: Vec<usize> = passage_content
                .iter()
                .filter(|k| r.contains(k))
                .map(|k| k - r.start)
                .collect();
            let within = |m: &&crate::matching::UnitMatch| r.contains(&m.first) && r.contains(&m.last);
            let share = query
                .units
                .iter()
                .zip(&al.units)
                .enumerate()
                .map(|(ui, (u, m))| match m {
                    _ if explained[ui] => u.weight,
                    Some(m) if u.key || within(&m) => u.weight * m.strength,
                    _ => 0.0,
                })
                .sum::<f64>()
                / total;
            if content.is_empty() || share < th.mention {
                return None;
            }
            let predicate = passage_side
                .predicate
                .filter(|(first, last)| r.contains(first) && r.contains(last))
                .map(|(first, last)| (first - r.start, last - r.start));
            polarity::differs(
                &claim_side,
                &polarity::Side {
                    tokens: &passage_norms[r.clone()],
                    breaks: &passage_breaks[r.clone()],
                    content: &content,
                    predicate,
                },
            )
        })
    });
    if let Some(d) = difference.filter(|d| !reported_position(d)) {
        reasons.insert(0, Reason::cues(Rule::Negation, &d.words.join(" ")));
        // A negation covers the claim's matched content: it denies what the
        // claim says, as an opposite in the predicate's place does; not a
        // passage that only lacks a denial the claim reports (see
        // `Difference::opposes`).
        denies |= d.opposes;
        if let Some((units, marker)) = aside.as_ref().filter(|_| d.opposes) {
            relevance = covered(&explained) / total;
            for &ui in units {
                explained[ui] = true;
            }
            reasons.push(Reason::cues(Rule::Timeless, marker));
        }
    }
    // A headline that denies the claim with a cue the polarity rule does
    // not place (its scope holds no matched word: "فرنسا ترفض إقراض لبنان").
    if let Some(words) = &headline_denial {
        if !reasons.iter().any(|r| r.rule == Rule::Negation) {
            reasons.insert(0, Reason::cues(Rule::Negation, words));
        }
        denies = true;
    }
    if relevance < th.mention
        && headline_denial.is_none()
        && !(short && !reasons.is_empty() && relevance >= headline_floor)
    {
        return silent;
    }

    // A contradiction is about the same things. One substituted place is a
    // contradiction; two (another subject and another object) are another
    // story, and then the passage only mentions the claim. Every other name
    // and number must be carried, or be missing with no other one in its
    // place (an anaphor: "المملكة" for المغرب).
    if substituted.len() > 1 {
        reasons.retain(|r| r.rule != Rule::Entity);
        for &ui in &substituted {
            explained[ui] = false;
        }
    }
    // One place may be missing as an anaphor; two or more missing places
    // (Israel and Morocco both absent where the claim's third place is
    // swapped) leave a passage about other parties.
    let anaphors: std::collections::BTreeSet<usize> = query
        .units
        .iter()
        .enumerate()
        .filter(|&(ui, u)| u.key && !explained[ui] && al.units[ui].is_none())
        .filter_map(|(_, u)| u.place)
        .collect();
    // A headline that denies the claim drops its detail: a count or sum
    // it lacks, with no other number in the passage, is not another event
    // ("إيران تفشل فى القبض على المتورطين" against "إيران تقبض على 22 شخصا").
    // So does a headline given over to the claim turned around (a reason
    // given, see `headline::given_over`), whose every number carries one
    // of the claim's: "الإمارات تعلن براءة الناشط أحمر منصور" against
    // "الإمارات: السجن عشر سنوات للناشط الحقوقي أحمد منصور", "الافراج عن 9
    // مواطنين فى السعودية" against "اعتقال 9 بينهم 4 سيدات ... فى السعودية"
    // (ANS train, disagree). In ANS train this turns 18 disagree pairs
    // judged `other` to `disagree`, and no agree pair.
    let short_turned = short && !reasons.is_empty() && headline::given_over(terms, al, &reasons);
    let numbers_carried = || {
        let aligned: std::collections::BTreeSet<usize> =
            al.units.iter().flatten().flat_map(|m| m.first..=m.last).collect();
        terms
            .iter()
            .enumerate()
            .all(|(k, t)| t.value.is_none() || aligned.contains(&k))
    };
    let count_dropped = |u: &crate::matching::Unit| {
        u.kind == UnitKind::Number
            && ((headline_denial.is_some() && terms.iter().all(|t| t.value.is_none()))
                || (short_turned && numbers_carried()))
    };
    let keys_carried = substituted.len() <= 1
        && anaphors.len() <= 1
        && query.units.iter().enumerate().all(|(ui, u)| {
            !u.key
                || count_dropped(u)
                || explained[ui]
                || al.units[ui].is_some()
                || (u.place.is_some()
                    && !substituted.contains(&ui)
                    && entities::conflict(query, ui, terms, al).is_none())
        });
    // And it shares something with the claim besides the contradicted
    // words: a passage made only of opposites is about something else.
    let shares_content = query
        .units
        .iter()
        .enumerate()
        .any(|(ui, _)| !explained[ui] && al.units[ui].is_some());
    // Another name and another number or year together tell of another
    // event ("الجزائر وإيران ... 2022" against "الولايات المتحدة ... 1993"),
    // unless the passage carries the rest of the claim on its own.
    let another_event = reasons.iter().any(|r| r.rule == Rule::Entity)
        && reasons.iter().any(|r| r.rule == Rule::Number)
        && al.score < th.contradict;
    // And it carries a most telling word of the claim (one of the heaviest
    // units), or contradicts it: a passage without the word a claim turns on
    // ("a referendum") is about something else, whatever it says of the
    // rest. Only for an English wording: its words meet the passage through
    // translations, and the rest of it then meets common words anywhere.
    let latin = |u: &crate::matching::Unit| !crate::stem::is_arabic(&u.label);
    let heaviest = query.units.iter().map(|u| u.weight).fold(0.0, f64::max);
    let telling = !query.units.iter().all(latin)
        || query
            .units
            .iter()
            .enumerate()
            .any(|(h, u)| u.weight >= heaviest - 1e-9 && (explained[h] || al.units[h].is_some()));
    // The lower gate asks for every name and number of the claim carried
    // as written: with one lacking, the passage may tell of another event.
    let names_carried = query.units.iter().zip(&al.units).enumerate().all(|(ui, (u, m))| {
        !u.key
            || m.is_some()
            || count_dropped(u)
            || (explained[ui]
                && reasons
                    .iter()
                    .any(|r| matches!(r.rule, Rule::Timeless | Rule::Casualties)))
            // In a headline, the one place the passage names another in
            // its slot is the contradiction itself (in a longer passage the
            // other place may be another fact's).
            || (short
                && explained[ui]
                && substituted == [ui]
                && reasons.iter().all(|r| r.rule == Rule::Entity))
    });
    // A passage given over to the claim turned around (its content words
    // carry claim words or make the contradiction, but for a stray one or
    // two, see `headline`) tells of nothing else: it meets the lower gate,
    // as a denial does. Not when the claim holds both opposites itself:
    // which one goes up is then what matters, read at the usual gate.
    let given_over = !reasons.is_empty()
        && !own_opposites
        && !headline::several_sentences(terms)
        && headline::given_over(terms, al, &reasons);
    // A denying headline meets its own gate with the claim's names carried
    // (a count it drops aside), but for one a headline may drop (the place
    // of "السلطات المصرية تفشل فى القبض على هشام عشماوى" against an arrest in
    // Libya); not one joined by و to a name it carries: the passage then
    // speaks of part of what the claim does ("إلغاء حظر التجول في البصرة"
    // against a curfew in Basra and Mosul).
    let lacking: Vec<usize> = (0..query.units.len())
        .filter(|&ui| query.units[ui].key && al.units[ui].is_none() && !count_dropped(&query.units[ui]))
        .collect();
    let joined_to_carried = |ui: usize| {
        let at = query.units[ui].at;
        let joined = query.tokens[at].norm.starts_with('و') && at > 0;
        query.units.iter().zip(&al.units).any(|(v, m)| {
            v.key
                && m.is_some()
                && (joined && v.at + 1 == at || v.at == at + 1 && query.tokens[v.at].norm.starts_with('و'))
        })
    };
    // A headline turned around may drop one place of the claim, as a
    // denying one may: "الليرة ترتفع" against "انخفاض قياسي جديد لليرة
    // التركية", "الذهب ياراجع مع صعود للدولار" against "الذهب يتعافى مع
    // تراجع الدولار الأميركي" (ANS train, disagree); not one joined by و to a
    // name it carries, as above. In ANS train this turns 28 disagree pairs
    // judged `other` to `disagree`, and one agree pair.
    let one_place_dropped = matches!(lacking.as_slice(),
        [ui] if query.units[*ui].place.is_some() && !explained[*ui] && !joined_to_carried(*ui));
    let names_or_counts = lacking.len() <= 1 && !lacking.iter().any(|&ui| joined_to_carried(ui));
    let gate = if headline_denial.is_some() && !own_opposites && names_or_counts {
        headline::denial_floor(terms.len()).min(th.contradict_predicate)
    } else if !own_opposites
        && headline::turned_headline(query, terms, al, &reasons)
        && (names_carried || one_place_dropped)
    {
        // A headline given over to the claim turned around: nothing else
        // is told, so little of the claim's detail need be repeated (the
        // turn said in up to `headline::TURNED_STRAY` words of its own).
        headline_floor
    } else if (denies || given_over) && names_carried {
        th.contradict_predicate.min(th.contradict)
    } else {
        th.contradict
    };
    if !reasons.is_empty() && keys_carried && shares_content && telling && !another_event && relevance >= gate {
        return Judgement {
            stance: Some(Stance::Contradicts),
            score: relevance,
            reasons: reasons.iter().map(Reason::to_string).collect(),
        };
    }
    if relevance < th.mention && al.score < th.mention {
        return silent;
    }
    let missing: Vec<&str> = query
        .units
        .iter()
        .enumerate()
        .zip(&al.units)
        .filter(|((ui, u), m)| {
            (m.is_none()
                && ((u.key && !given_name_of_carried(query, al, *ui) && !topic_dropped(query, terms, u))
                    // An ordinal is a number too: "the first Arab country"
                    // is not carried by a passage that says no rank.
                    || (u.kind == UnitKind::Word && quantities::ordinal(&query.tokens[u.at].norm).is_some())))
                // A number met where it counts another thing is not the
                // claim's number.
                || m.as_ref().is_some_and(|m| counts_other_thing(query, terms, al, *ui, m))
                // Nor is the claim's subject place met only as the object of
                // a preposition (see [`entities::only_as_object`]).
                || (m.is_some() && entities::only_as_object(query, *ui, terms, al))
        })
        .map(|((_, u), _)| u.label.as_str())
        .collect();
    let predicate_missing = query
        .units
        .iter()
        .zip(&al.units)
        .any(|(u, m)| u.predicate && m.is_none());
    // A wording in Latin letters against an Arabic passage meets it through
    // the dictionary and transliteration, which lose words on the way.
    let latin_units = query.units.iter().filter(|u| !crate::stem::is_arabic(&u.label)).count();
    let arabic_terms = terms.iter().filter(|t| crate::stem::is_arabic(&t.norm)).count();
    let translated = latin_units * 2 > query.units.len() && arabic_terms * 2 > terms.len();
    let needed = if predicate_missing {
        th.support_without_predicate
    } else if translated {
        th.support_translated
    } else {
        th.support
    };
    // A headline-like passage given over to the claim says it in other
    // words: it meets its own gate, predicate or not.
    // A terse one (see `headline::TERSE_WORDS`) carrying the predicate
    // says it once it is about it: it supports from the mention share.
    let needed = if headline::given_over_short(terms, al) {
        // So does one wholly carried by the claim (see
        // `headline::wholly_carried`), unless the claim holds two opposites
        // itself: which goes up is then what matters ("النفط يرتفع ... مع هبوط
        // مخزونات البنزين" against "مخزونات البنزين ترتفع مع هبوط بالنفط").
        let wholly = headline::wholly_carried(terms, al)
            && !(0..query.units.len()).any(|ui| {
                !opposites[ui].0.is_empty()
                    && holds.map_or_else(|| holds_opposites(query, ui, &opposites[ui]), |h| h[ui])
            });
        let terse = terms.len() <= headline::TERSE_WORDS || wholly;
        // One wholly carried with four content words or more says it even
        // without the claim's predicate (see
        // `headline::WHOLLY_CARRIED_WORDS`).
        let stated = wholly && headline::content_words(terms) >= headline::WHOLLY_CARRIED_WORDS;
        let gate = if terse && (!predicate_missing || stated) {
            th.mention.min(th.support_headline)
        } else {
            th.support_headline
        };
        needed.min(gate)
    } else {
        needed
    };
    // A claim word the passage replaces with another keeps it from supporting.
    let may_support = reasons.is_empty() && swapped.is_empty() && missing.is_empty() && al.score >= needed;
    let replaced = if may_support {
        substitution::replaced(query, terms, al).or_else(|| clauses::apart(query, terms, al))
    } else {
        None
    };
    if may_support && replaced.is_none() {
        // A speculative passage supports only a claim as hedged as itself;
        // attribution is kept as a reason (whose word it is).
        let matched: Vec<usize> = al.units.iter().flatten().flat_map(|m| m.first..=m.last).collect();
        let cues = hedges::scoped_cues(&passage_norms, &passage_breaks, &matched);
        let claim_hedged = hedges::speculative(&claim_norms);
        // A cue that carries a claim word is the claim's own content ("the
        // potential threat" met by التهديد المحتمل), not a hedge on it.
        let spec: Vec<usize> = cues
            .iter()
            .filter(|(i, h)| *h == hedges::Hedge::Speculation && !matched.contains(i))
            .map(|&(i, _)| i)
            .collect();
        // A cue whose hedged words the passage states again elsewhere is
        // taken back (see `hedges::restated`).
        let stems: Vec<&str> = terms.iter().map(|t| t.stem.as_str()).collect();
        let stops: Vec<bool> = terms.iter().map(|t| t.brk || t.sent).collect();
        let speculation: Vec<&str> = spec
            .iter()
            .filter(|&&i| !hedges::restated(&stems, &stops, i, &spec, &matched))
            .map(|&i| passage_norms[i])
            .collect();
        if !speculation.is_empty() && !claim_hedged {
            return Judgement {
                stance: Some(Stance::Mentions),
                score: al.score,
                reasons: vec![format!("hedge {}", speculation.join(" "))],
            };
        }
        let noted = cues.iter().map(|&(i, h)| match h {
            hedges::Hedge::Speculation => format!("hedge {}", passage_norms[i]),
            hedges::Hedge::Attribution => format!("attributed {}", passage_norms[i]),
        });
        return Judgement {
            stance: Some(Stance::Supports),
            score: al.score,
            reasons: noted.collect(),
        };
    }
    if al.score < th.mention {
        return silent;
    }
    let mut why: Vec<String> = reasons.iter().chain(&swapped).map(Reason::to_string).collect();
    why.extend(replaced);
    if !missing.is_empty() {
        why.push(format!("lacks {}", missing.join(", ")));
    }
    Judgement {
        stance: Some(Stance::Mentions),
        score: al.score,
        reasons: why,
    }
}

/// Whether number unit `ui`, met at `m`, counts another thing in the
/// passage than in the claim ([`quantities::counts_other`]): the claim's
/// first counted word after it is a unit the passage carries elsewhere.
fn counts_other_thing(
    query: &Query,
    terms: &[Term],
    al: &Alignment,
    ui: usize,
    m: &crate::matching::UnitMatch,
) -> bool {
    let u = &query.units[ui];
    if u.kind != UnitKind::Number || m.how != How::Number {
        return false;
    }
    let after = u.at + u.phrases[0].tokens.len();
    let Some(counted) = (after..query.tokens.len()).find(|&k| {
        let w = query.tokens[k].norm.as_str();
        !crate::normalize::is_number(w) && !crate::stem::is_stop_word(w)
    }) else {
        return false;
    };
    query
        .units
        .iter()
        .zip(&al.units)
        .find(|(v, _)| v.at == counted && v.kind == UnitKind::Word)
        .and_then(|(_, mv)| mv.as_ref())
        .is_some_and(|mv| quantities::counts_other(&query.tokens, u.at, counted, terms, m.first, mv.first))
}

/// Whether a name of the claim's topic (the words it sets before a colon
/// or `..`: "سوريا: موجة نزوح كبيرة من عفرين …") is one a headline-like
/// passage may drop: the rest of the claim says what happened, and a
/// headline of the same story names its place inside or not at all
/// ("نزوح أعداد كبيرة من عفرين مع استمرار الهجمات التركية", ANS train,
/// agree). Not a number, and not in a longer passage, which may tell of
/// another place's event.
fn topic_dropped(query: &Query, terms: &[Term], u: &Unit) -> bool {
    u.at < query.topic && u.kind != UnitKind::Number && headline::headline_like(terms)
}

/// Whether unit `ui` is a person's given name whose surname, the next word
/// of the claim, the passage carries as a name: news names a person in full
/// once and by the surname after ("يقول الروداني" for Cherkaoui Roudani,
/// seeds 001 line 62; "غانتس" for Benny Gantz), so a passage that names
/// the surname alone is not missing the person. Only for two names side by
/// side, neither a place nor a number, the surname met as written or
/// through transliteration (not through a translation: "Sky Lock" is no
/// person).
fn given_name_of_carried(query: &Query, al: &Alignment, ui: usize) -> bool {
    let (Some(u), Some(v)) = (query.units.get(ui), query.units.get(ui + 1)) else {
        return false;
    };
    let name = |u: &crate::matching::Unit| {
        u.key && u.kind == UnitKind::Word && u.place.is_none() && u.phrases[0].tokens.len() == 1
    };
    name(u)
        && name(v)
        && v.at == u.at + 1
        && al.units[ui].is_none()
        && al.units[ui + 1]
            .as_ref()
            .is_some_and(|m| matches!(m.how, How::Exact | How::Stem | How::Transliteration))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Index;
    use crate::matching::{align, Glossary};
    use crate::normalize::Charmap;
    use crate::sources::{Corpus, Source};

    fn setup(passages: &[&str]) -> Index {
        let text = passages.join("\n");
        let c = Corpus {
            sources: vec![Source::new(
                "s".into(),
                "s.txt".into(),
                "s.txt".into(),
                text,
                Charmap::default(),
            )],
            ..Corpus::default()
        };
        Index::build(&c)
    }

    fn terms(s: &str) -> Vec<Term> {
        Term::analyze(s, &Charmap::default())
    }

    fn run(claim: &str, passage: &str) -> Judgement {
        run_with(claim, passage, &Thresholds::default())
    }

    /// Seeds 002 line 47.
    const UNLIKE_MOROCCO: &str = "وعلى خلاف المغرب، لا تحصل الجزائر على أسلحة أميركية متطورة وتقتصر مشترياتها على الذخائر ومجموعة طائرات شحن عسكرية ومعدات اتصالات، بينما تحصل المملكة في إطار شراكتها مع الولايات المتحدة على طرازات مختلفة من أحدث الأسلحة الدفاعية كان آخرها مروحيات متقدمة من طراز أباتشي ضمن صفقة تتضمن 24 طائرة مروحية، إلى جانب أنظمة دفاع جوي وأنظمة مدفعية من طراز هيمارس.";

    #[test]
    fn a_negation_before_another_verb_leaves_a_verb_initial_claim_alone() {
        // The particle negates تحصل; the claim's verb, تقتصر, is joined by و
        // after it.
        let j = run(
            "تقتصر مشتريات الجزائر من السلاح الأمريكي على الذخائر وطائرات الشحن العسكرية ومعدات الاتصالات",
            UNLIKE_MOROCCO,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: a claim whose verb is the negated one is still contradicted.
        let j = run("تحصل الجزائر على أسلحة أميركية متطورة", UNLIKE_MOROCCO);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("negation")), "{j:?}");
    }

    #[test]
    fn a_number_after_whereas_is_the_other_partys() {
        // The 24 helicopters are the kingdom's, set against Algeria by بينما.
        let j = run("حصلت الجزائر على 12 طائرة شحن عسكرية أمريكية", UNLIKE_MOROCCO);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: a claim on the kingdom's deal, its place met before the
        // contrast ("على خلاف المغرب"), is still contradicted.
        let j = run(
            "حصل المغرب على صفقة تتضمن 36 طائرة مروحية من طراز أباتشي",
            UNLIKE_MOROCCO,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    fn run_with(claim: &str, passage: &str, th: &Thresholds) -> Judgement {
        let ix = setup(&[
            passage,
            "الجزائر والمغرب",
            "روسيا والجزائر",
            "المغرب واسرائيل",
            "نص آخر عن الطقس",
        ]);
        let q = Query::new(claim, &Glossary::default(), &ix);
        let t = terms(passage);
        let al = align(&q, &t);
        judge(&q, &t, &al, &Antonyms::builtin(), th)
    }

    /// Which units hold their own opposites, known once per wording
    /// (`Prepared`), is what `holds_opposites` tells of each; a claim that
    /// holds both opposites (the comment of `judge_alignment`) is judged
    /// with them known as without.
    #[test]
    fn opposites_the_claim_holds_are_known_once() {
        let lexicon = Antonyms::builtin();
        let claim = "تراجع الدولار يدفع أسعار الذهب للارتفاع";
        let passages = [
            "ارتفاع الدولار يدفع أسعار الذهب للتراجع",
            "تراجع الدولار يدفع أسعار الذهب للارتفاع",
            "أسعار الذهب تتراجع مع ارتفاع الدولار",
            "تراجع الدولار يدفع أسعار الذهب للانخفاض",
            "صعود الدولار يدفع أسعار الذهب للارتفاع",
        ];
        let ix = setup(&[passages[0], passages[3], passages[4], "نص آخر عن الطقس"]);
        let q = Query::new(claim, &Glossary::default(), &ix);
        let opposites = antonyms::opposites_of(&q, &lexicon);
        let holds = holds_of_every_unit(&q, &opposites);
        for ui in 0..q.units.len() {
            assert_eq!(
                holds[ui],
                holds_opposites(&q, ui, &opposites[ui]),
                "{}",
                q.units[ui].label
            );
        }
        assert!(holds.iter().filter(|&&h| h).count() >= 2, "{holds:?}");
        let plain = without_synonyms(&q);
        let mut prepared = Prepared::new(&q, &plain, &lexicon);
        let th = Thresholds::default();
        let mut antonym = 0;
        for p in passages {
            let t = terms(p);
            let al = align(&q, &t);
            let j = judge_prepared(&q, &t, &al, &th, &mut prepared);
            assert_eq!(j, judge(&q, &t, &al, &lexicon, &th), "{p}");
            antonym += j.reasons.iter().filter(|r| r.starts_with("antonym")).count();
        }
        assert!(antonym > 0);
    }

    #[test]
    fn a_negated_ordinal_denies_the_rank() {
        // Seeds 001 line 17: Gantz's visit is "أول زيارة رسمية لوزير حرب
        // إسرائيلي لهذا البلد". An English claim that it was not the first
        // negates only the ordinal "first", a key unit like a number (not a
        // name): the negation still counts.
        let passage = "قال غانتس ننطلق في رحلة مهمة إلى المغرب كونها أول زيارة رسمية لوزير حرب إسرائيلي";
        let (_dir, lex) = crate::matching::tests::lexicon(&[("trip", "رحلة، زيارة"), ("visit", "زيارة")]);
        let judged_en = |claim: &str, passage: &str| {
            let ix = one_source_index(format!("{passage}\nنص آخر عن الطقس\nالمغرب والجزائر"));
            let q = Query::with_lexicon(claim, &crate::matching::Glossary::default(), Some(&lex), &ix);
            let t = Term::analyze(passage, &crate::normalize::Charmap::default());
            let al = crate::matching::align(&q, &t);
            judge(&q, &t, &al, &antonyms::Antonyms::builtin(), &Thresholds::default())
        };
        let j = judged_en("Gantz's trip to Morocco was not the first", passage);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("negation")), "{j:?}");
        // Trap: a passage that negates the same ordinal agrees.
        let j = judged_en(
            "Gantz's trip to Morocco was not the first",
            "قال غانتس ننطلق في رحلة مهمة إلى المغرب وهي ليست أول زيارة رسمية لوزير حرب إسرائيلي",
        );
        assert!(!j.reasons.iter().any(|r| r.starts_with("negation")), "{j:?}");
    }

    #[test]
    fn same_content_supports() {
        let j = run(
            "المغرب اقتنى منظومة براك للدفاع الجوي",
            "اقتنى المغرب منظومة الدفاع الجوي براك",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn negation_contradicts_with_reason() {
        let j = run(
            "المغرب اقتنى منظومة براك للدفاع الجوي",
            "المغرب لم يقتن منظومة الدفاع الجوي براك",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["negation لم"]);
    }

    #[test]
    fn different_number_contradicts() {
        let j = run("صفقة براك بقيمة 48 مليون دولار", "صفقة براك بقيمة 100 مليون دولار");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["number 48 vs 100"]);
    }

    #[test]
    fn another_end_of_a_range_contradicts() {
        // Seeds 004 line 4: "خطة التعاون الدفاعي 2020-2030".
        let claim = "وقع المغرب خطة للتعاون الدفاعي تمتد من 2020 إلى 2025";
        let j = run(claim, "منذ توقيع المغرب خطة التعاون الدفاعي 2020-2030");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["number 2025 vs 2030"]);
        // The same range is no conflict; a range the passage does not give is none either.
        let j = run(claim, "منذ توقيع المغرب خطة التعاون الدفاعي 2020-2025");
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run(claim, "منذ توقيع المغرب خطة التعاون الدفاعي");
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn both_ends_of_a_range_wrong_contradict() {
        // Seeds 003 lines 131-132 (english-tune6 asks it in English): "2018"
        // has no claim word within three of it but "2014"; the other end's
        // neighbours anchor it, and the second end meets the second year.
        let claim = "احتل المغرب المرتبة الثانية إفريقيا ضمن كبار مشتريي السلاح بين 2014 و2018";
        let passage = "احتل المغرب المرتبة الثانية إفريقيًا ضمن كبار مشتريي السلاح بين عامي 2012 و2016";
        let j = run(claim, passage);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["number 2014 vs 2012", "number 2018 vs 2016"]);
    }

    #[test]
    fn six_months_against_a_full_year() {
        // seeds-tune7 (seeds 003 lines 64-66): an Arabic number word counting
        // time is compared by its value.
        let claim = "استضاف الجيش الإسرائيلي ضباطا مغاربة كبارا لوضع برنامج عمل مشترك يمتد ستة أشهر";
        let passage = "واستضاف الشهر الماضي أيضًا ضباطًا مغربيين سامين للاتفاق على برنامج عمل مشترك لمدة عام كامل";
        let j = run(claim, passage);
        assert!(j.reasons.iter().any(|r| r == "number سته vs عام"), "{j:?}");
    }

    #[test]
    fn another_name_and_another_year_tell_another_event() {
        // Seeds 001 line 21 against an unsourced claim: the passage's treaty
        // is another one (Oslo, the US, 1993), not the claim's with a detail
        // changed.
        let claim = "وقعت الجزائر وإيران اتفاقية للتعاون الدفاعي عام 2022";
        let passage = "إثر توقيع اتفاق أوسلو بين إسرائيل ومنظمة التحرير عام 1993، \
                       اعترفت الولايات المتحدة بسيادة المغرب المدعومة من الجزائر";
        let j = run(claim, passage);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // One detail changed in the same event still contradicts.
        let j = run(claim, "وقعت الجزائر وإيران اتفاقية للتعاون الدفاعي عام 2019");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["number 2022 vs 2019"]);
        let j = run(claim, "وقعت الجزائر وتركيا اتفاقية للتعاون الدفاعي عام 2022");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn antonym_contradicts() {
        let j = run("ارتفاع اسعار النفط عالميا", "انخفاض اسعار النفط عالميا");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["antonym ارتفاع/انخفاض"]);
    }

    #[test]
    fn a_denying_reason_contradicts_at_a_lower_gate() {
        // ANS train (disagree): the passage carries little of the claim
        // beyond its predicate, whose opposite it holds.
        let j = run(
            "فرض حظر التجول من جديد بعد مقتل متظاهر في البصرة",
            "إلغاء حظر التجول في البصرة",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.score < Thresholds::default().contradict, "{j:?}");
        // A negation over what the passage carries of the claim (ANS train:
        // "كوريا الجنوبية تتجنب النفط الإيراني"), on its predicate or not
        // ("السيستاني يدعو إلى تشكيل حكومة عراقية جديدة" / "يرفض تشكيل").
        let j = run(
            "كوريا الجنوبية تستورد النفط الإيراني رغم التحذيرات المتكررة",
            "كوريا الجنوبية لا تستورد النفط الإيراني",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.score < Thresholds::default().contradict, "{j:?}");
        let j = run(
            "السيستاني يدعو إلى تشكيل حكومة عراقية جديدة في أقرب وقت",
            "السيستاني يرفض تشكيل حكومة عراقية جديدة",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // An opposite in place of a word the passage lacks (ANS train,
        // disagree): "خسارة أردوغان" against "فوز أردوغان", read with the
        // gates wide apart as the traps below.
        let th = Thresholds {
            contradict: 0.7,
            contradict_predicate: 0.25,
            mention: 0.2,
            ..Thresholds::default()
        };
        let claim = "اللاجئون السوريون يخشون خسارة أردوغان وحزبه الانتخابات الوشيكة";
        let j = run_with(claim, "اللاجئون السوريون واثقون في فوز أردوغان وحزبه", &th);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r.starts_with("antonym ")), "{j:?}");
        // Trap: a claim holding both opposites (ANS train, agree) keeps the
        // usual gate.
        let j = run_with(
            "تراجع الدولار يدفع أسعار الذهب للارتفاع",
            "الدولار يتراجع والذهب يرتفع",
            &th,
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap, read with the gates wide apart (this small index weighs
        // the words the passage lacks heavily): a name of the claim missing
        // keeps the usual gate (the passage may tell of another event).
        let j = run_with(
            "فرض حظر التجول من جديد بعد مقتل متظاهر في احتجاجات البصرة",
            "إلغاء حظر التجول في البصرة",
            &th,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run_with(
            "فرض حظر التجول في البصرة والموصل بعد مقتل متظاهر",
            "إلغاء حظر التجول في البصرة",
            &th,
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn another_word_of_the_kind_contradicts() {
        // ANS train (disagree): the passage carries every other word.
        let j = run(
            "ناشطة سعودية حياتي كلها صارت على تويتر دفاعا عن النساء",
            "ناشطة سعودية حياتي كلها صارت على تويتر دفاعا عن الرجال",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["substituted النساء vs الرجال (people)"]);
        // Two words of kinds replaced at once is another story: no support, no contradiction.
        let j = run("مقتل عشرات النساء في يوم واحد", "مقتل عشرات الرجال في عام واحد");
        assert_eq!(j.stance, Some(Stance::Mentions), "{j:?}");
    }

    #[test]
    fn a_learned_paraphrase_carries_a_verb_for_its_noun() {
        // ANS train (agree): the claim's verbal noun ارتفاع is the passage's
        // verb ترتفع, a pair learned into data/synonyms-ans.tsv.
        let (claim, passage) = ("ارتفاع الأسهم الخليجية", "الأسهم الخليجية ترتفع");
        let j = run(claim, passage);
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        let (q, _, al) = aligned(claim, passage, passage.to_string());
        assert_eq!(al.units[0].as_ref().map(|m| m.how), Some(How::Paraphrase));
        assert!(al.units[0]
            .as_ref()
            .is_some_and(|m| m.strength <= crate::matching::PARAPHRASE_STRENGTH));
        // Without it, the passage lacks the claim's predicate.
        let plain = without_synonyms(&q);
        let t = terms(passage);
        let j0 = judge(
            &plain,
            &t,
            &align(&plain, &t),
            &Antonyms::builtin(),
            &Thresholds::default(),
        );
        assert_ne!(j0.stance, Some(Stance::Supports), "{j0:?}");
    }

    #[test]
    fn a_learned_paraphrase_is_not_met_by_verb_key() {
        // قال "said" shares its verb key with اقالة "dismissal" (learned with
        // يقيل): a learned pair is met by form or stem only.
        let ix = setup(&["قال الروداني إن الزيارة مهمة"]);
        let q = Query::new("قال الروداني إن الزيارة مهمة", &Glossary::default(), &ix);
        // (قال has its synonyms of reporting, data/synonyms.tsv, but no paraphrase.)
        assert!(
            q.units[0].phrases.iter().all(|p| p.via != Some(How::Paraphrase)),
            "{:?}",
            q.units[0]
        );
        let q = Query::new("اقالة مدير الشرطة", &Glossary::default(), &ix);
        assert!(
            q.units[0].phrases.iter().any(|p| p.via == Some(How::Paraphrase)),
            "{:?}",
            q.units[0]
        );
    }

    #[test]
    fn paraphrases_mined_on_either_half_of_train_carry_a_headline() {
        // ANS train (agree), session 17: خسائر / تخسر (mined on half B) and
        // تستضيف / ضيافة (half A), each judged by meaning.
        for (claim, passage) in [
            (
                "الليرة التركية تواصل خسائرها أمام الدولار",
                "الليرة التركية تخسر الكثير أمام الدولار",
            ),
            ("القاهرة تستضيف اجتماعات صندوق النهضة", "صندوق النهضة في ضيافة القاهرة"),
        ] {
            let j = run(claim, passage);
            assert_eq!(j.stance, Some(Stance::Supports), "{claim}: {j:?}");
            let (_, _, al) = aligned(claim, passage, passage.to_string());
            assert!(
                al.units.iter().flatten().any(|m| m.how == How::Paraphrase),
                "{claim}: {al:?}"
            );
        }
        // Left out: بشأن / بخصوص let "وحدة الآراء ..." carry "تباين الآراء ..."
        // (ANS train, disagree).
        let j = run(
            "تباين الآراء بشأن إلغاء المدارس التجريبية في مصر",
            "وحدة الآراء المصرية بخصوص إلغاء المدارس التجريبية",
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        // Left out for its stem key: رقما / رقم would give الرقمية "digital"
        // the paraphrase رقما "a record".
        let ix = setup(&["بورصة العملات الرقمية"]);
        let q = Query::new("بورصة العملات الرقمية", &Glossary::default(), &ix);
        assert!(
            q.units
                .iter()
                .all(|u| u.phrases.iter().all(|p| p.via != Some(How::Paraphrase))),
            "{:?}",
            q.units
        );
    }

    #[test]
    fn a_noun_with_the_accusative_alif_meets_it_without() {
        // ANS train (agree): بحثا against للبحث, the rest said as it is.
        let j = judged(
            "الكويت تتجه إلى مصر وفلسطين بحثا عن معلمين",
            "اتجاه الكويت لمصر و فلسطين للبحث عن معلمين",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // ANS train (agree): أجرا against الأجر.
        let j = judged(
            "سكارليت جوهانسون الممثلة الأعلى أجرا في العالم",
            "الممثلة سكارلين جوهانسون تتقاضى الأجر الأكبر في العالم",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_change_of_state_meets_the_verb_that_causes_it() {
        // ANS train (agree): the oil rises / the sanctions raise oil prices.
        let j = judged("النفط يرتفع بسبب تداعيات العقوبات", "العقوبات ترفع أسعار النفط");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        let j = judged("جنيه السودان يرتفع بفضل سلام جوبا", "سلام جوبا يرفع قيمة الجنيه السوداني");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: the opposite verb's cause is no support.
        let j = judged("النفط يرتفع بسبب تداعيات العقوبات", "العقوبات تخفض أسعار النفط");
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_headline_wholly_carried_in_four_words_supports_without_the_predicate() {
        // ANS train (agree): every word of the headline is the claim's, the
        // claim's verb (يقر، يحصن) said by its noun or not at all.
        let j = judged(
            "البرلمان المصري يقر قانونا يحصن كبار ضباط الجيش قضائيا ودبلوماسيا",
            "تم تحصين كبار ضباط الجيش من قبل البرلمان المصري",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        let j = judged(
            "موديز تخفّض تصنيف إيطاليا بسبب عجز الموازنة والدين العام",
            "الدين العام يخفض تصنيف إيطاليا",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: the start of a sentence broken by extraction, three content
        // words, says nothing yet.
        let j = judged("المسؤول قال إن منظومة باتريوت وصلت", "قال المسؤول إن منظومة");
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_headline_wholly_carried_with_the_predicate_supports_from_the_mention_share() {
        // ANS train (agree): every word of the passage is the claim's; it
        // leaves out the claim's first clause.
        let claim = "أردوغان يهاجم قانون القومية اليهودية ويصف إسرائيل بأنها أكثر الدول فاشية وعنصرية";
        let j = run(claim, "أردوغان يصف إسرائيل بأنها أكثر الدول فاشية وعنصرية");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // A word of its own: the usual headline gate.
        let j = run(claim, "أردوغان يصف إسرائيل بأنها أكثر الدول فاشية وعنصرية في خطاب");
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        // A claim holding both opposites (ANS train, disagree).
        let j = run(
            "النفط يرتفع في جلسة متقلبة مع هبوط مخزونات البنزين",
            "مخزونات البنزين ترتفع مع هبوط بالنفط",
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn the_intelligence_services_are_one() {
        // ANS train (agree): الاستخبارات and المخابرات name the same service.
        let claim = "الاستخبارات التركية تعتقل مهاجم ريحانلي";
        let met = |passage: &str| {
            let (_, _, al) = aligned(claim, passage, passage.to_string());
            al.units[0].as_ref().map(|m| m.how)
        };
        assert_eq!(met("المخابرات التركية تعتقل مهاجم ريحانلي"), Some(How::Synonym));
        // Trap: the police are another body.
        assert_eq!(met("الشرطة التركية تعتقل مهاجم ريحانلي"), None);
    }

    #[test]
    fn absent_key_entity_never_supports() {
        let j = run(
            "المغرب اقتنى منظومة براك من مصر",
            "اقتنى المغرب منظومة الدفاع الجوي براك",
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn absent_number_only_mentions() {
        let j = run(
            "اقتنى المغرب منظومة براك بقيمة 48 مليون",
            "اقتنى المغرب منظومة الدفاع الجوي براك",
        );
        assert_eq!(j.stance, Some(Stance::Mentions), "{j:?}");
    }

    #[test]
    fn absent_ordinal_only_mentions() {
        // seeds-tune6: 003 line 31 is cut by the PDF before its rank
        // ("يعد المغرب أ"); the claim's "first" is not carried.
        let claim = "كان المغرب أول دولة عربية تطبع علاقاتها مع إسرائيل";
        let j = run(
            claim,
            "يعد المغرب من أكثر دول التطبيع العربي التي تأخذ علاقاتها مع إسرائيل منحى تصاعديا",
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        // The rank carried: support.
        let j = run(claim, "كان المغرب أول دولة عربية تطبع علاقاتها مع إسرائيل");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn a_hedge_over_another_clause_leaves_the_claim_asserted() {
        // Seeds 003 lines 49-51 against seeds-tune8 "kochav-knowledge-exchange":
        // ربما hedges the transfer of know-how on weapons, in its own clause.
        let passage = "زيارة كوخافي تأتي في إطار التعاون الدفاعي مع المغرب، من ذلك تبادل المعارف والتدريب في مناورات مشتركة وإلى جانب نقل المعرفة ربما بخصوص الأسلحة أيضا، وفق المتحدث باسم الجيش الإسرائيلي";
        let j = run(
            "قال المتحدث باسم الجيش الإسرائيلي إن زيارة كوخافي تشمل تبادل المعارف والتدريب في مناورات مشتركة",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: a hedge before the claim's words in their clause still hedges.
        let j = run(
            "زيارة كوخافي تشمل تبادل المعارف والتدريب في مناورات مشتركة",
            "زيارة كوخافي تأتي في إطار التعاون الدفاعي، وربما تشمل تبادل المعارف والتدريب في مناورات مشتركة",
        );
        assert_eq!(j.stance, Some(Stance::Mentions), "{j:?}");
    }

    #[test]
    fn a_hedged_word_stated_again_is_asserted() {
        // Seeds 003 line 43 against english-tune8 "el-espanol-intelligence-deal"
        // (here in Arabic): the window first says the cooperation "may
        // include" a base, then states what it includes.
        let passage = "وكشفت صحيفة إل إسبانيول أن التعاون بين إسرائيل والمغرب قد يشمل بناء قاعدة عسكرية بالقرب من مدينة مليلية. وتقول الصحيفة إن التعاون بين المغرب وإسرائيل يتجاوز قضايا الأمن والدفاع ويشمل أيضا اتفاقا استخباراتيا";
        let claim =
            "كشفت صحيفة إل إسبانيول أن التعاون بين المغرب وإسرائيل يشمل اتفاقا استخباراتيا ويتجاوز الأمن والدفاع";
        let j = run(claim, passage);
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: stated only as possible, it stays a hedge.
        let j = run(
            claim,
            "وكشفت صحيفة إل إسبانيول أن التعاون بين إسرائيل والمغرب يتجاوز قضايا الأمن والدفاع، قد يشمل اتفاقا استخباراتيا",
        );
        assert_eq!(j.stance, Some(Stance::Mentions), "{j:?}");
    }

    #[test]
    fn a_reporting_verb_and_that_with_its_clitics_weigh_as_nothing_new() {
        // Seeds-tune4 "roudani-foiled-terror-attacks" against seeds 001 line
        // 51: قال met by أكد (a synonym of reporting), وإنه no content word.
        let ix = setup(&["الجزائر والمغرب", "روسيا والجزائر", "نص آخر عن الطقس"]);
        let claim =
            "قال الروداني إن للمغرب تاريخا طويلا في العمل الاستخباراتي وإنه نجح في إحباط كثير من الهجمات الإرهابية";
        let q = Query::new(claim, &Glossary::default(), &ix);
        assert!(q.units.iter().all(|u| u.label != "وانه"), "{:?}", q.units);
        let t =
            terms("وأكد الروداني أن المغرب لديه تاريخ كبير في هذا المجال ونجحت في تحييد الكثير من الضربات الإرهابية.");
        let al = align(&q, &t);
        let said = q.units.iter().position(|u| u.label == "قال").unwrap();
        assert!(al.units[said].is_some(), "{:?}", al.units[said]);
    }

    #[test]
    fn speculative_passage_only_mentions_a_flat_claim() {
        let j = run(
            "المغرب اقتنى منظومة براك للدفاع الجوي",
            "ربما اقتنى المغرب منظومة الدفاع الجوي براك",
        );
        assert_eq!(j.stance, Some(Stance::Mentions), "{j:?}");
        assert_eq!(j.reasons, ["hedge ربما"]);
        // The same passage supports a claim hedged alike.
        let j = run(
            "ربما اقتنى المغرب منظومة براك للدفاع الجوي",
            "ربما اقتنى المغرب منظومة الدفاع الجوي براك",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn attribution_supports_and_is_noted() {
        let j = run(
            "المغرب اقتنى منظومة براك للدفاع الجوي",
            "بحسب الموقع اقتنى المغرب منظومة الدفاع الجوي براك",
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        assert_eq!(j.reasons, ["attributed بحسب"]);
    }

    #[test]
    fn opposites_alone_do_not_contradict() {
        // ANS dev: "الذهب ... تنخفض ... الدولار" against a passage sharing
        // no word with it, only words the lexicon lists as opposites.
        let mut lexicon = Antonyms::builtin();
        lexicon.extend("الذهب\tالنفط\nالدولار\tالنفط\n").unwrap();
        let ix = setup(&["النفط يرتفع بازدياد إنتاج أوبك", "نص آخر عن الطقس"]);
        let claim = "الذهب تنخفض مع صعود الدولار";
        let passage = "النفط يرتفع بازدياد إنتاج أوبك";
        let q = Query::new(claim, &Glossary::default(), &ix);
        let t = terms(passage);
        let al = align(&q, &t);
        let j = judge(&q, &t, &al, &lexicon, &Thresholds::default());
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_reported_refusal_of_what_the_passage_does_not_state_is_no_contradiction() {
        // seeds-tune6 s6-spain-rejects-melilla-base against 001 line 43.
        let claim = "أعلنت إسبانيا رفضها إقامة قاعدة عسكرية إسرائيلية قرب مليلية";
        let j = run(
            claim,
            "كشفت صحيفة إل إسبانيول الإسبانية أن التعاون بين إسرائيل والمغرب قد يشمل بناء قاعدة عسكرية بالقرب من مدينة مليلية، وهي جيب تحتله إسبانيا",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: the refused thing stated as done is still contradicted.
        let j = run(claim, "أعلنت إسبانيا إقامة قاعدة عسكرية إسرائيلية قرب مليلية");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn warning_opposes_welcoming_and_choice_compulsion() {
        // ANS train pairs (disagree).
        let j = run("وزير الخارجية الإيراني يحذر ترامب", "وزير الخارجية الإيراني يرحب بترامب");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run(
            "كاني ويست: استعباد الأفارقة بأمريكا كان اختيارا",
            "كاني ويست: استعباد الأفارقة بأمريكا كان إجباراً",
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Traps: the same word on both sides.
        let j = run(
            "وزير الخارجية الإيراني يحذر ترامب",
            "وزير الخارجية الإيراني يحذر ترامب من الحرب",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let j = run(
            "كاني ويست: استعباد الأفارقة بأمريكا كان اختيارا",
            "كاني ويست يقول ان استعباد الأفارقة بأمريكا كان اختيارا",
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_synonym_never_makes_a_contradiction() {
        // Seeds vocabulary (003, 004): every word but the names is met only
        // through a synonym; another country in the passage must not
        // contradict a claim the passage is barely about without them.
        let claim = "صادق الكونغرس على تسهيل شراء الأسلحة لمصر";
        let j = run(claim, "وافق الكونغرس على تيسير اقتناء الأسلحة للمغرب");
        assert_eq!(j.stance, Some(Stance::Mentions), "{j:?}");
        // The same passage in the claim's own words contradicts.
        let j = run(claim, "صادق الكونغرس على تسهيل شراء الأسلحة للمغرب");
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // And with the claim's country, the synonyms carry it.
        let j = run(claim, "وافق الكونغرس على تيسير اقتناء الأسلحة لمصر");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn ghayr_negates_the_word_it_precedes() {
        // Seeds 001 line 15: Roudani calls the visit important (بـ"المهمة").
        let passage = "ويصف الشرقاوي الروداني، الخبير المغربي في الدراسات الجيو-استراتيجية والأمنية، الزيارة بـ”المهمة” لتعزيز العلاقات بين البلدين في ظل التحديات الأمنية المشتركة التي تواجههما.";
        let j = judged("وصف الخبير الشرقاوي الروداني الزيارة بأنها غير مهمة", passage);
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r == "negation غير"), "{j:?}");
        // Trap: the same claim without غير is the passage's own word.
        let j = judged("وصف الخبير الشرقاوي الروداني الزيارة بأنها مهمة", passage);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_link_called_naive_is_not_made() {
        // Seeds 001 line 62: Roudani calls it naive to link the tension to
        // Moroccan-Israeli relations; a claim that he links them is denied.
        let passage = "في المقابل يقول الروداني: “من السذاجة ربط التوتر (المغربي – الجزائري) بالعلاقات المغربية الإسرائيلية أو هذه الزيارة”.";
        let j = judged(
            "ربط الخبير المغربي الشرقاوي الروداني التوتر بين المغرب والجزائر بالعلاقات المغربية الإسرائيلية",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r == "negation السذاجه"), "{j:?}");
        // Trap: the claim that he calls the link naive agrees.
        let j = judged(
            "يرى الروداني أنه من السذاجة الربط بين التوتر المغربي الجزائري والعلاقات المغربية الإسرائيلية",
            passage,
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn a_surname_alone_carries_the_person() {
        // Seeds 001 line 62 names Cherkaoui Roudani by his surname (line 15
        // in full): the passage is not missing him.
        let j = judged("Cherkaoui Roudani in Rabat", "في المقابل يقول الروداني في الرباط");
        assert!(!j.reasons.iter().any(|r| r.starts_with("lacks")), "{j:?}");
        // Trap: the given name alone does not carry the surname.
        let j = judged("Cherkaoui Roudani in Rabat", "في المقابل يقول الشرقاوي في الرباط");
        assert!(j.reasons.iter().any(|r| r == "lacks roudani"), "{j:?}");
        // Trap: a place before a carried name is no given name.
        let j = judged("Roudani in Casablanca Roudani", "في المقابل يقول الروداني الروداني");
        assert!(j.reasons.iter().any(|r| r.contains("casablanca")), "{j:?}");
    }

    #[test]
    fn two_missing_places_are_not_anaphors() {
        // Seeds 002 line 35 (Washington, Algeria and Germany) against a claim
        // about Israel's deals with Morocco: Rabat "vs" Germany is no swap
        // when Israel and Morocco are both absent.
        let passage = "ستحتاج واشنطن إلى تنسيق رسائلها إذا أرادت إقناع الجزائريين بتعميق التعاون الأمني، لا سيما وأن الأخيرة توسع نطاق صفقاتها مع الدول الأوروبية، مثل ألمانيا. وامتدت الخلافات إلى أمر آخر";
        let j = judged(
            "تدرك إسرائيل أن صفقاتها مع المغرب ستعمق الخلاف بين الرباط والجزائر",
            passage,
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: one missing place is still an anaphor (seeds 001 line 25:
        // المملكة for Morocco), so a swapped place contradicts.
        let passage = "وفي أغسطس الماضي، افتتح وزير الخارجية الإسرائيلي، يائير لبيد، مكتب الاتصال الإسرائيلي في الرباط.";
        let j = judged(
            "افتتح وزير الخارجية الإسرائيلي يائير لبيد مكتب الاتصال الإسرائيلي في الدار البيضاء بالمغرب",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn hoping_and_uniting_meet_their_synonyms() {
        // Seeds 003 lines 182-184: تأمل في رؤية دولها متحدة for تطمح ... موحدة.
        let passage = "ويؤخر تقدم شعوب المغرب العربي التي تأمل في رؤية دولها متحدة ولا خلافات بينها";
        let j = judged("تطمح شعوب المغرب العربي إلى رؤية دولها موحدة", passage);
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: the negated claim is not supported.
        let j = judged("لا تطمح شعوب المغرب العربي إلى رؤية دولها موحدة", passage);
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn endorsing_continuing_and_sharing_meet_their_synonyms() {
        // Seeds 000 line 13: بمباركة الحكومة الجزائرية (blessed) for أيدت.
        let passage = "وشهدت العلاقات الجزائرية الروسية تطورا في الاونة الاخيرة بمباركة الحكومة الجزائرية للتدخلات الروسية في مالي والسكوت عن دور مرتزقة \"فاغنر\"";
        let j = judged("أيدت الحكومة الجزائرية التدخل الروسي في مالي", passage);
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: the negated claim is not supported (and a synonym makes no contradiction).
        let j = judged("لم تؤيد الحكومة الجزائرية التدخل الروسي في مالي", passage);
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        // Seeds 000 line 19: تواصل هذا الاعتراف for استمر.
        let passage = "ويستفيد المغرب كذلك من النجاح الدبلوماسي الذي حققه من اعتراف إدارة الرئيس الاميركي السابق دونالد ترامب من سيادة المغرب على اقليم الصحراء وتواصل هذا الاعتراف مع ادارة جو بايدن الحالية.";
        let j = judged(
            "استمر اعتراف الولايات المتحدة بسيادة المغرب على الصحراء في عهد إدارة جو بايدن",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Seeds 004 line 22: يتشاطر ... نفس المخاوف for يتقاسم ... المخاوف ذاتها.
        let passage = "وشدد المصاوي على أن الجانب الأمريكي يتشاطر مؤخرا نفس المخاوف مع الجانب المغربي";
        let j = judged(
            "أكد المصاوي أن الجانب الأمريكي صار يتقاسم مع المغرب المخاوف ذاتها",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
        // Trap: another party shares them in the claim.
        let j = judged(
            "أكد المصاوي أن الجانب الفرنسي صار يتقاسم مع المغرب المخاوف ذاتها",
            passage,
        );
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
    }

    #[test]
    fn easing_opposes_raising() {
        // Seeds 003 line 155: the deals raise the arms race (تزيد), the claim
        // says they ease it (تخفف; seeds-tune4).
        let passage = "من شأن الصفقات الجديدة بين المغرب والكيان الإسرائيلي أن تزيد من حدة التسليح في المنطقة";
        let j = run(
            "من شأن الصفقات الجديدة بين المغرب وإسرائيل أن تخفف من حدة التسلح في المنطقة",
            passage,
        );
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert_eq!(j.reasons, ["antonym تخفف/تزيد"]);
    }

    #[test]
    fn shrinking_greatly_is_declining_sharply() {
        // Seeds 002 line 27 (seeds-tune7): تراجعت بشدة for تقلص كثيرا, دبلوماسية
        // مربكة for ارتباك دبلوماسيتها.
        let passage = "وعلى نفوذها ومصالحها التي يعتقد أنها تراجعت بشدة بسبب دبلوماسية مربكة";
        let j = run(
            "يعتقد أن نفوذ الجزائر في المنطقة تقلص كثيرا بسبب ارتباك دبلوماسيتها",
            passage,
        );
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        let (q, _, al) = aligned(
            "يعتقد أن نفوذ الجزائر تقلص كثيرا بسبب ارتباك دبلوماسيتها",
            passage,
            format!("{passage}\nنص آخر عن الطقس"),
        );
        for w in ["تقلص", "كثيرا", "ارتباك"] {
            let ui = q.units.iter().position(|u| u.label == w).expect(w);
            assert!(al.units[ui].is_some(), "{w} not met: {al:?}");
        }
    }

    #[test]
    fn a_refusal_denies_only_its_own_sentence() {
        // Generated archive (session 16, claim c0551 of `scale gen DIR 10000
        // 1000`): a line of two unrelated sentences; the refusal of an
        // apology in the first is no refusal of the apology for the tweet
        // the second tells of.
        let claim = "تعتذر مجددا عن تغريدة عنصرية وصفت";
        let line = "الرئيس الفلسطيني يرفض الإعتذار بعد تصريحاته عن محارق اليهود. وقف المسلسل الأمريكي الكوميديروزان إثر تغريدة عنصرية عن مساعدة أوباما.";
        // Over a corpus where مجددا and وصفت are common words, as in news.
        let judge_line = |line: &str| {
            let corpus =
                format!("{line}\nنص آخر عن الطقس\nوصفت الصحيفة الطقس\nعاد الطقس مجددا\nوصفت الحكومة القرار مجددا");
            let (q, t, al) = aligned(claim, line, corpus);
            judge(&q, &t, &al, &Antonyms::builtin(), &Thresholds::default())
        };
        let j = judge_line(line);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: one sentence (a comma for the period), and the refusal
        // reaches the tweet.
        let j = judge_line(&line.replacen(". ", "، ", 1));
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
        assert!(j.reasons.iter().any(|r| r == "negation يرفض"), "{j:?}");
    }

    #[test]
    fn two_sentences_are_no_headline_turned_around() {
        // Generated archive (session 16, claim c0359): the cancelling verb
        // of the second sentence meets the claim's الإنفاق only fuzzily (as
        // الاتفاق), its billions of dollars only in the first sentence.
        let claim = " مليــارات دولار، ويــذكر أن حجــم الإنفــاق";
        let line = "بتكوين مطالبة بـ 10 مليار دولار. إيران تلغي الاتفاق النووي.";
        let j = judged(claim, line);
        assert_ne!(j.stance, Some(Stance::Contradicts), "{j:?}");
        // Trap: as one headline-like sentence, it reads turned around.
        let j = judged(claim, &line.replacen(". ", "، ", 1));
        assert_eq!(j.stance, Some(Stance::Contradicts), "{j:?}");
    }

    #[test]
    fn unrelated_passage_is_silent() {
        let j = run("المغرب اقتنى منظومة براك", "نص آخر عن الطقس");
        assert_eq!(j.stance, None);
    }

    #[test]
    fn a_number_counting_another_thing_is_not_the_claims() {
        // Seeds 003 lines 81-83: the Barak 8 intercepts missiles "إلى 150
        // كيلومترًا", then Morocco bought Harop drones, with no count: the
        // 150 is a range, not the claim's number of drones (seeds-tune12).
        let claim = "اشترى المغرب 150 مسيرة انتحارية من طراز هاروب من إسرائيل";
        let passage = "وهي معدة لاعتراض الصواريخ التي يصل مداها إلى 150 كيلومترًا. كما اشترى المغرب من الإسرائيليين مقاتلات مسيرّة انتحارية من نوع هاروب";
        let j = judged(claim, passage);
        assert_ne!(j.stance, Some(Stance::Supports), "{j:?}");
        assert!(j.reasons.iter().any(|r| r == "lacks 150"), "{j:?}");
        // Trap: the same number counting the claim's thing carries it.
        let j = judged(claim, "كما اشترى المغرب من الإسرائيليين 150 مسيرة انتحارية من نوع هاروب");
        assert_eq!(j.stance, Some(Stance::Supports), "{j:?}");
    }
}
