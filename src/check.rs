//! The check pipeline: claims and an indexed corpus in, one report out.
//!
//! This module owns the order of the stages for `check`: validate every
//! citation against the corpus (an ambiguous prefix is an input error), then
//! for each claim (in parallel, output in file order) build one query per
//! wording, retrieve candidate passages from the index, judge each candidate
//! passage and each window of two adjacent passages (aligned by one
//! [`Matcher`] per wording; the stance rules skipped where a bound shows
//! the span silent, see `Silence`; a span whose tokens repeat one already
//! judged for the claim takes its judgement, see `SpanMemo`; a window
//! skipped unaligned where a bound shows it cannot count, see
//! `window_may_count`), reduce the passages of a
//! source to that source's stance, check citations and quotes, and apply the
//! verdict and the fail policy. It prints nothing.

use crate::claims::{Claim, ClaimsError, ClaimsFile};
use crate::index::{Index, Term, Tokens};
use crate::matching::{Alignment, Glossary, Matcher, Query, UnitKind};
use crate::normalize::is_number;
use crate::quote;
use crate::report::{
    round, CitationReport, ClaimReport, Evidence, Interner, QuoteReport, Report, SourceInfo, SourceStance, Summary,
    TermMatch, SCHEMA,
};
use crate::sources::{Corpus, Resolution};
use crate::stance::{antonyms, antonyms::Antonyms, judge_prepared, quantities, Judgement, Prepared, Thresholds};
use crate::sym::FxHashMap;
use crate::verdict::{CitationStatus, Policy, QuoteStatus, Stance, Verdict};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// What judging needs besides the inputs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The fail policy.
    pub policy: Policy,
    /// A previous report: only claims whose verdict or citation statuses
    /// changed since can fail.
    pub baseline: Option<Report>,
    /// Score thresholds.
    pub thresholds: Thresholds,
    /// Opposite pairs.
    pub antonyms: Antonyms,
    /// Evidence passages kept per source.
    pub evidence_per_source: usize,
    /// An English–Arabic dictionary for English claims, if one is loaded.
    pub lexicon: Option<std::sync::Arc<crate::lexicon::Lexicon>>,
    /// How candidate passages are chosen (indexed unless measuring).
    pub retrieval: crate::retrieve::Retrieval,
    /// Told as sources are indexed and claims judged.
    pub progress: crate::progress::Progress,
    /// When judging one shard of a corpus: the whole corpus's sources (ids
    /// and names, no text; see [`crate::stats`]). Citations resolve against
    /// it, and citations carry their written form for `merge`.
    pub whole: Option<std::sync::Arc<Corpus>>,
    /// The work budget of one claim, in passage words to align (summed over
    /// the candidate passages and windows, times the wordings). A claim over
    /// it is not judged: it is `unsourced` and fails with the reason. Counted
    /// before judging, so the outcome never depends on the machine's speed.
    pub max_claim_work: u64,
}

/// Default of [`Options::max_claim_work`]: 40 times the largest claim of the
/// seeds and gold files (under 50 000); judging 600 000 passage words took
/// about 3 s in a debug build, so this bounds a claim to some seconds.
pub const MAX_CLAIM_WORK: u64 = 2_000_000;

impl Default for Options {
    fn default() -> Self {
        Options {
            policy: Policy::default(),
            baseline: None,
            thresholds: Thresholds::default(),
            antonyms: Antonyms::builtin(),
            evidence_per_source: 3,
            lexicon: None,
            retrieval: crate::retrieve::Retrieval::default(),
            progress: crate::progress::Progress::default(),
            whole: None,
            max_claim_work: MAX_CLAIM_WORK,
        }
    }
}

/// Checks that every citation names one source; an ambiguous prefix is an
/// input error located at the citation.
pub fn validate_citations(files: &[ClaimsFile], corpus: &Corpus) -> Result<(), ClaimsError> {
    for f in files {
        for c in &f.claims {
            for cite in &c.cites {
                if let Resolution::Ambiguous(candidates) = corpus.resolve(&cite.source) {
                    return Err(ClaimsError::Invalid {
                        file: f.path.clone(),
                        line: cite.line,
                        column: cite.column,
                        message: format!(
                            "citation `{}` of claim `{}` is ambiguous: it is a prefix of {}; write more of the id",
                            cite.source,
                            c.id,
                            candidates
                                .iter()
                                .map(|c| format!("`{c}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    });
                }
            }
        }
    }
    Ok(())
}

/// Every claim of every file in file order, with its file and the file's
/// glossary (`glossaries[i]` is built from `files[i]`).
fn claim_jobs<'a>(
    files: &'a [ClaimsFile],
    glossaries: &'a [Glossary],
) -> Vec<(&'a ClaimsFile, &'a Claim, &'a Glossary)> {
    files
        .iter()
        .zip(glossaries)
        .flat_map(|(f, g)| f.claims.iter().map(move |c| (f, c, g)))
        .collect()
}

/// Judges every claim of every file and builds the report.
pub fn check(files: &[ClaimsFile], corpus: &Corpus, index: &Index, opts: &Options) -> Report {
    let glossaries: Vec<Glossary> = files.iter().map(|f| Glossary::new(&f.glossary)).collect();
    let jobs = claim_jobs(files, &glossaries);
    let counter = opts.progress.counter(crate::progress::Stage::Check, jobs.len());
    let ends = Ends::new(index);
    // One interner per worker thread: no thread waits for another's, and a
    // text is kept at most once per thread.
    let shared: Vec<std::sync::Mutex<Interner>> = (0..rayon::current_num_threads().max(1))
        .map(|_| Default::default())
        .collect();
    let claims: Vec<ClaimReport> = jobs
        .par_iter()
        .map(|(f, c, g)| {
            let mine = &shared[rayon::current_thread_index().unwrap_or(0) % shared.len()];
            let r = judge_claim(f, c, g, corpus, index, opts, (&ends, mine));
            counter.tick();
            r
        })
        .collect();
    let summary = Summary::of(&claims);
    Report {
        schema: SCHEMA.to_string(),
        sources: corpus
            .sources
            .iter()
            .map(|s| SourceInfo {
                id: s.id.clone(),
                path: s.path.clone(),
                title: s.title.clone(),
            })
            .collect(),
        claims,
        summary,
        shard: None,
    }
}

/// Judges every claim like [`check`], but hands each claim's report to
/// `each` in file order as soon as it and every claim before it are judged,
/// instead of holding the report of every claim: the binary writes a claim
/// and drops it (1,000 claims over a large archive make a report of
/// ≈ 140 MB). Claims are taken in file order by the pool's threads (one
/// counter, no splitting of the list), so only the claims judged while an
/// earlier one is still being judged wait, in a small reorder buffer. Each
/// thread's [`Interner`] is emptied after every claim (what a report shares
/// across claims is of no use once they are written). The first error of
/// `each` stops the judging of further claims and is returned.
pub fn check_each<E: Send>(
    files: &[ClaimsFile],
    corpus: &Corpus,
    index: &Index,
    opts: &Options,
    each: impl FnMut(ClaimReport) -> Result<(), E> + Send,
) -> Result<(), E> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
    use std::sync::{Mutex, PoisonError};
    let glossaries: Vec<Glossary> = files.iter().map(|f| Glossary::new(&f.glossary)).collect();
    let jobs = claim_jobs(files, &glossaries);
    let counter = opts.progress.counter(crate::progress::Stage::Check, jobs.len());
    let ends = Ends::new(index);
    let threads = rayon::current_num_threads().max(1);
    let shared: Vec<Mutex<Interner>> = (0..threads).map(|_| Default::default()).collect();
    /// The claims judged out of turn, and where writing stands.
    struct Out<F, E> {
        /// The next claim to hand over.
        next: usize,
        waiting: BTreeMap<usize, ClaimReport>,
        each: F,
        error: Option<E>,
    }
    let out = Mutex::new(Out {
        next: 0,
        waiting: BTreeMap::new(),
        each,
        error: None,
    });
    let taken = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let work = || loop {
        let i = taken.fetch_add(1, Relaxed);
        if i >= jobs.len() || stop.load(Relaxed) {
            break;
        }
        let (f, c, g) = jobs[i];
        let mine = &shared[rayon::current_thread_index().unwrap_or(0) % shared.len()];
        let r = judge_claim(f, c, g, corpus, index, opts, (&ends, mine));
        mine.lock().unwrap_or_else(PoisonError::into_inner).clear();
        counter.tick();
        let mut o = out.lock().unwrap_or_else(PoisonError::into_inner);
        o.waiting.insert(i, r);
        loop {
            let next = o.next;
            let Some(r) = o.waiting.remove(&next) else { break };
            o.next += 1;
            if o.error.is_none() {
                if let Err(e) = (o.each)(r) {
                    o.error = Some(e);
                    stop.store(true, Relaxed);
                }
            }
        }
    };
    rayon::scope(|s| {
        for _ in 0..threads {
            s.spawn(|_| work());
        }
    });
    match out.into_inner().unwrap_or_else(PoisonError::into_inner).error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Resolves a citation to a source of `corpus`. When judging a shard, the
/// citation resolves against the whole corpus first (a prefix unique in the
/// shard may name a source of another shard); a source held elsewhere is
/// `Missing` here and found by `merge` in its own shard's report.
fn resolve(cite: &str, corpus: &Corpus, opts: &Options) -> Resolution {
    let Some(whole) = &opts.whole else {
        return corpus.resolve(cite);
    };
    match whole.resolve(cite) {
        Resolution::Found(g) => {
            let id = &whole.sources[g].id;
            corpus
                .sources
                .iter()
                .position(|s| &s.id == id)
                .map_or(Resolution::Missing, Resolution::Found)
        }
        other => other,
    }
}

/// A judged passage (or window of two passages).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Judged {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) first_token: usize,
    pub(crate) judgement: Judgement,
    pub(crate) wording: usize,
    pub(crate) alignment: Alignment,
}

/// How the one failure of a claim over its work budget begins (`merge`
/// recognises a shard's unjudged claim by it).
pub const NOT_JUDGED: &str = "not judged:";

/// A claim whose judging would exceed its work budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OverBudget {
    /// Candidate passages and windows.
    pub(crate) spans: usize,
    /// Passage words to align, times the wordings.
    pub(crate) work: u64,
}

/// The stance of each source (index → judged candidates, best first), or
/// the work it would take when that is over the budget.
pub(crate) fn source_judgements(
    queries: &[Query],
    corpus: &Corpus,
    index: &Index,
    opts: &Options,
) -> Result<BTreeMap<usize, Vec<Judged>>, OverBudget> {
    source_judgements_with(queries, corpus, index, opts, &Ends::new(index))
}

/// [`source_judgements`], with the passages' ends shared across claims.
fn source_judgements_with(
    queries: &[Query],
    corpus: &Corpus,
    index: &Index,
    opts: &Options,
    ends: &Ends,
) -> Result<BTreeMap<usize, Vec<Judged>>, OverBudget> {
    // The exhaustive judge (for tests and measurements) takes no shortcut.
    let key: Option<KeyOf> = (opts.retrieval == crate::retrieve::Retrieval::Indexed).then_some(Tokens::judging_key);
    judge_spans(queries, corpus, index, opts, key, ends)
}

/// What makes a span's [`SpanMemo`] key.
type KeyOf = fn(&Tokens, std::ops::Range<usize>, &mut Vec<u32>);

/// [`source_judgements`], with spans remembered by `key` and windows that
/// cannot count skipped before they are aligned (see [`window_may_count`]);
/// `None`: every span judged in full (tests compare the two).
fn judge_spans(
    queries: &[Query],
    corpus: &Corpus,
    index: &Index,
    opts: &Options,
    key: Option<KeyOf>,
    ends: &Ends,
) -> Result<BTreeMap<usize, Vec<Judged>>, OverBudget> {
    let open = |p: usize| ends.open(corpus, index, p);
    let joins = |p: usize| ends.joins(index, p);
    let sentence_end = |p: usize| ends.ends_sentence(corpus, index, p);
    let windows = crate::retrieve::spans(
        queries,
        index,
        &opts.thresholds,
        &opts.antonyms,
        opts.retrieval,
        &open,
        &joins,
    );
    let mut by_source: BTreeMap<usize, Vec<Judged>> = BTreeMap::new();
    // Windows of three are judged only where extraction broke a sentence
    // twice (rare), so they are left out of the work.
    let work: u64 = windows
        .iter()
        .filter(|(a, b)| b <= &(a + 1))
        .map(|&(a, b)| (index.passages[b].tokens().end - index.passages[a].tokens().start) as u64)
        .sum::<u64>()
        .saturating_mul(queries.len() as u64);
    if work > opts.max_claim_work {
        return Err(OverBudget {
            spans: windows.iter().filter(|(a, b)| b <= &(a + 1)).count(),
            work,
        });
    }
    let plains: Vec<Query> = queries.iter().map(crate::stance::without_synonyms).collect();
    let mut wordings: Vec<Wording> = queries
        .iter()
        .zip(&plains)
        .map(|(q, plain)| Wording {
            query: q,
            matcher: Matcher::new(q),
            silence: Silence::new(q, &opts.antonyms, &opts.thresholds).map(|mut s| {
                s.slots = Silence::slots_decide(q, plain, &opts.antonyms);
                s
            }),
            plain,
            prepared: None,
            lexicon: &opts.antonyms,
        })
        .collect();
    let mut memo = key.map(|k| SpanMemo::new(k, ends, &wordings));
    // Single passages first, then windows of two: a window only counts
    // where neither of its passages decides alone and it carries more of the
    // claim than both (PDF text breaks one sentence into two passages).
    // Judged in increasing order of their first passage (the windows come
    // sorted), so each list below is sorted and read by binary search.
    let mut singles: Vec<(usize, Judged)> = Vec::new();
    for &(a, b) in windows.iter().filter(|(a, b)| a == b) {
        if let Some(j) = judge_span(&mut wordings, &mut memo, index, opts, (a, b), &sentence_end) {
            singles.push((a, j));
        }
    }
    // What the windows read of each judged passage, beside its number: its
    // score, whether it decides alone, and whether it carries the claim but
    // for a name (an anaphor: "بين الطرفين" for Morocco and Israel), which
    // its neighbour completes: a window that then supports counts without
    // the margin.
    let single_at: Vec<usize> = singles.iter().map(|(p, _)| *p).collect();
    let single_of: Vec<(f64, bool, bool)> = singles
        .iter()
        .map(|(_, j)| {
            let j = &j.judgement;
            (
                j.score,
                matches!(j.stance, Some(Stance::Supports) | Some(Stance::Contradicts)),
                j.stance == Some(Stance::Mentions)
                    && !j.reasons.is_empty()
                    && j.reasons.iter().all(|r| r.starts_with("lacks ")),
            )
        })
        .collect();
    let single = |p: usize| single_at.binary_search(&p).ok().map(|i| single_of[i]);
    let decisive = |p: usize| single(p).is_some_and(|s| s.1);
    let score_of = |p: usize| single(p).map_or(0.0, |s| s.0);
    // The judged windows of two by first passage (their scores), and those
    // counted with a decisive stance (both in increasing order).
    let mut pairs: Vec<(usize, f64)> = Vec::new();
    let mut counted: Vec<usize> = Vec::new();
    for &(a, b) in windows.iter().filter(|(a, b)| b == &(a + 1)) {
        let (sa, sb) = (single(a), single(b));
        if sa.is_some_and(|s| s.1) || sb.is_some_and(|s| s.1) {
            continue;
        }
        let (score_a, score_b) = (sa.map_or(0.0, |s| s.0), sb.map_or(0.0, |s| s.0));
        let (best, best_of) = if score_a >= score_b {
            (score_a, sa)
        } else {
            (score_b, sb)
        };
        let floor = best + WINDOW_MARGIN;
        let completes = best_of.is_some_and(|s| s.2);
        let reach = if completes { best } else { floor };
        if let Some(m) = memo.as_mut() {
            if !window_may_count(&mut wordings, m, index, a, b, reach) {
                continue;
            }
        }
        if let Some(mut j) = judge_span(&mut wordings, &mut memo, index, opts, (a, b), &sentence_end) {
            j.judgement.score *= WINDOW_FACTOR;
            pairs.push((a, j.judgement.score));
            // Only a window that lacks no weighty word of the claim: the
            // margin is waived for the name, not for content left out (a
            // company the passage does not name).
            let completed = completes
                && j.judgement.score > reach
                && j.judgement.stance == Some(Stance::Supports)
                && lacks_only_light_words(wordings[j.wording].query, &j.alignment);
            if j.judgement.score > floor || completed {
                if matches!(j.judgement.stance, Some(Stance::Supports) | Some(Stance::Contradicts)) {
                    counted.push(a);
                }
                by_source.entry(index.passages[a].source()).or_default().push(j);
            }
        }
    }
    let pair_score = |p: usize| pairs.binary_search_by_key(&p, |x| x.0).ok().map(|i| pairs[i].1);
    // One sentence broken twice by extraction (a PDF column: its first two
    // pieces end without a sentence mark) is judged whole as a window of
    // three, where no piece or pair of pieces decides alone and it carries
    // more of the claim than each of them.
    for &(a, c) in windows.iter().filter(|(a, c)| c == &(a + 2)) {
        let b = a + 1;
        if [a, b, c].into_iter().any(decisive) || [a, b].iter().any(|p| counted.binary_search(p).is_ok()) {
            continue;
        }
        let floor = [a, b, c]
            .into_iter()
            .map(score_of)
            .chain([a, b].into_iter().filter_map(pair_score))
            .fold(0.0, f64::max)
            + WINDOW_MARGIN;
        if let Some(m) = memo.as_mut() {
            if !window_may_count(&mut wordings, m, index, a, c, floor) {
                continue;
            }
        }
        if let Some(mut j) = judge_span(&mut wordings, &mut memo, index, opts, (a, c), &sentence_end) {
            j.judgement.score *= WINDOW_FACTOR;
            if j.judgement.score > floor {
                by_source.entry(index.passages[a].source()).or_default().push(j);
            }
        }
    }
    for (p, j) in singles {
        by_source.entry(index.passages[p].source()).or_default().push(j);
    }
    for list in by_source.values_mut() {
        list.sort_by(|x, y| {
            y.judgement
                .score
                .total_cmp(&x.judgement.score)
                .then(x.start.cmp(&y.start))
                .then(x.end.cmp(&y.end))
        });
    }
    Ok(by_source)
}

/// [`ends_open`] of every passage, computed on first asking and shared by
/// every claim of a run (and every thread: a passage's answer is the same
/// whoever computes it first). Retrieval asks it of the passages around
/// each candidate (windows of three), whose text lies all over the archive.
///
/// It also numbers the passages by their judging key ([`Ends::id`]), so a
/// claim tells repeated passages apart by a number instead of computing,
/// hashing and comparing their keys again for every claim.
pub(crate) struct Ends {
    /// Per passage, three answers in one byte (set once each, by
    /// `fetch_or`: whoever computes one first, the bits are the same):
    /// bits 0–1 [`Ends::open`] (0 not asked yet, 1 closed, 2 open);
    /// bits 2–3 [`Ends::joins`] with `p + 1` (0 not asked yet, 1 no word
    /// joined across the boundary, 2 a word may be,
    /// [`crate::retrieve::joins_across`]); bits 4–7 [`Ends::kinds`] (0 not
    /// asked yet, else 1 + the kinds); bits 8–9 [`Ends::ends_sentence`] (0
    /// not asked yet, 1 no, 2 yes).
    known: Vec<std::sync::atomic::AtomicU16>,
    /// Per passage: 0 not asked yet, else 1 + its id.
    ids: Vec<std::sync::atomic::AtomicU32>,
    /// The first passage met with each key, by the key's hash; keys that
    /// share a hash with another key are kept whole in `whole`.
    by_hash: std::sync::Mutex<FxHashMap<u64, u32>>,
    whole: std::sync::Mutex<FxHashMap<Box<[u32]>, u32>>,
}

impl Ends {
    pub(crate) fn new(index: &Index) -> Ends {
        Ends {
            known: (0..index.len()).map(|_| std::sync::atomic::AtomicU16::new(0)).collect(),
            ids: (0..index.len()).map(|_| std::sync::atomic::AtomicU32::new(0)).collect(),
            by_hash: Default::default(),
            whole: Default::default(),
        }
    }

    /// The id of passage `p`: the number of a passage with the same key
    /// (by `key_of`, the same for every call on one `Ends`), so two passages
    /// have the same id exactly when their keys are equal. Which passage
    /// gives the number depends on the order of asking (threads), but only
    /// the equality of ids is ever read. `key` is scratch.
    fn id(&self, index: &Index, p: usize, key_of: KeyOf, key: &mut Vec<u32>) -> u32 {
        use std::hash::BuildHasher;
        use std::sync::atomic::Ordering::Relaxed;
        let known = self.ids[p].load(Relaxed);
        if known != 0 {
            return known - 1;
        }
        let pp = &index.passages[p];
        key.clear();
        key_of(&index.analyzed[pp.source()].tokens, pp.tokens(), key);
        let hash = crate::sym::FxBuild::default().hash_one(&*key);
        let first = *self.by_hash.lock().unwrap().entry(hash).or_insert(p as u32);
        let same = first as usize == p || {
            let fp = &index.passages[first as usize];
            let mut other = Vec::with_capacity(key.len());
            key_of(&index.analyzed[fp.source()].tokens, fp.tokens(), &mut other);
            other == *key
        };
        let id = if same {
            first
        } else {
            *self
                .whole
                .lock()
                .unwrap()
                .entry(key.as_slice().into())
                .or_insert(p as u32)
        };
        self.ids[p].store(id + 1, Relaxed);
        id
    }

    /// [`crate::retrieve::joins_across`] of passages `p` and `p + 1` (of
    /// one source), remembered: retrieval and the window bound ask it of
    /// every window, most of which join no word, and it reads two
    /// passages, their tokens and forms from all over the archive.
    pub(crate) fn joins(&self, index: &Index, p: usize) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        match (self.known[p].load(Relaxed) >> 2) & 3 {
            0 => {
                let joins = crate::retrieve::joins_across(index, p);
                self.known[p].fetch_or((1 + u16::from(joins)) << 2, Relaxed);
                joins
            }
            k => k == 2,
        }
    }

    /// The kinds of words passage `p` (whose terms are `terms`) holds that
    /// depend on the words alone: numbers, ordinals, places (never
    /// `opposite_of`, which depends on the claim), remembered: every claim
    /// whose wordings have no opposites asks them of the same passages.
    fn kinds(&self, p: usize, terms: &[Term]) -> Kinds {
        use std::sync::atomic::Ordering::Relaxed;
        let bits = match (self.known[p].load(Relaxed) >> 4) & 15 {
            0 => {
                let k = terms.iter().map(word_kinds).fold(Kinds::default(), |a, b| a.or(&b));
                let bits = u8::from(k.number) | u8::from(k.ordinal) << 1 | u8::from(k.place) << 2;
                self.known[p].fetch_or(u16::from(1 + bits) << 4, Relaxed);
                bits
            }
            k => (k - 1) as u8,
        };
        Kinds {
            number: bits & 1 != 0,
            ordinal: bits & 2 != 0,
            place: bits & 4 != 0,
            opposite_of: 0,
        }
    }

    /// [`ends_open`] of passage `p`.
    pub(crate) fn open(&self, corpus: &Corpus, index: &Index, p: usize) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        match self.known[p].load(Relaxed) & 3 {
            0 => {
                let open = ends_open(corpus, index, p);
                self.known[p].fetch_or(1 + u16::from(open), Relaxed);
                open
            }
            k => k == 2,
        }
    }

    /// [`crate::segment::ends_sentence`] of passage `p`'s text: every window
    /// judged asks it of its passages but the last, for every claim that
    /// retrieves it.
    pub(crate) fn ends_sentence(&self, corpus: &Corpus, index: &Index, p: usize) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        match (self.known[p].load(Relaxed) >> 8) & 3 {
            0 => {
                let pp = &index.passages[p];
                let ends = crate::segment::ends_sentence(&corpus.sources[pp.source()].text[pp.start()..pp.end()]);
                self.known[p].fetch_or((1 + u16::from(ends)) << 8, Relaxed);
                ends
            }
            k => k == 2,
        }
    }
}

/// Whether passage `p` ends without a sentence mark (a line break ended
/// it: a heading, or a sentence broken by extraction).
pub fn ends_open(corpus: &Corpus, index: &Index, p: usize) -> bool {
    let pp = &index.passages[p];
    let text = &corpus.sources[pp.source()].text;
    !text[pp.start()..pp.end()]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '؟' | '؛' | '…' | '\u{06D4}'))
}

/// Whether every unit of `query` that `al` does not carry weighs less than
/// the claim's mean unit weight (reporting verbs, light words).
fn lacks_only_light_words(query: &Query, al: &Alignment) -> bool {
    let n = query.units.len().max(1) as f64;
    let mean = query.units.iter().map(|u| u.weight).sum::<f64>() / n;
    query
        .units
        .iter()
        .zip(&al.units)
        .all(|(u, m)| m.is_some() || u.weight < mean)
}

/// A window's score is its share of the claim times this factor.
const WINDOW_FACTOR: f64 = 0.97;
/// How much more than its best passage a window must score to count.
const WINDOW_MARGIN: f64 = 0.05;

/// A wording of the claim being judged, with what its spans share.
struct Wording<'q> {
    query: &'q Query,
    matcher: Matcher<'q>,
    silence: Option<Silence>,
    /// The query without its synonyms ([`crate::stance::without_synonyms`]).
    plain: &'q Query,
    /// What `judge` computes of the wording, made for its first judged span.
    prepared: Option<Prepared<'q>>,
    lexicon: &'q Antonyms,
}

/// What judging one span against every wording gives: the best wording's
/// judgement and alignment (positions counted from the span's first token).
#[derive(Debug, Clone, PartialEq)]
struct SpanJudgement {
    judgement: Judgement,
    wording: usize,
    alignment: Alignment,
}

/// The spans of one claim already judged, by their tokens: a span whose
/// tokens repeat another's (the same sentence in several articles, wire copy)
/// is judged once.
///
/// Alignment and the stance rules read the claim's wordings and the span's
/// [`Term`]s, and of the terms only the folded form, the stem and verb key
/// (functions of the form), the clause break before each word and the
/// number values, never byte offsets or anything outside the span; a query's
/// weights (IDF) are corpus-wide, the same for every span. The key
/// ([`Tokens::judging_key`]) holds exactly that per token (the window of two
/// passages is keyed by the tokens of both, in order), so equal keys give
/// equal judgements. A span is remembered by its passages' ids
/// ([`Ends::id`], equal exactly when the passages' keys are, never by a
/// hash collision) when their tokens follow one another, else by its key
/// stored whole ([`SpanKey`]).
///
/// It also remembers, per distinct passage, how far each wording can reach
/// into it ([`Reach`]), for [`window_may_count`].
struct SpanMemo<'e> {
    key_of: KeyOf,
    ends: &'e Ends,
    key: Vec<u32>,
    /// What each span was judged: an index of `judged`, or [`SILENT`]. Most
    /// spans are silent, so the judgements are kept apart: an entry of the
    /// map is its key and a number, not a judgement.
    seen: FxHashMap<SpanKey, u32>,
    /// The judgements of the spans not silent, in the order first met.
    judged: Vec<SpanJudgement>,
    /// The keys of spans whose tokens do not follow one another (rare), by
    /// number.
    wholes: FxHashMap<Box<[u32]>, u32>,
    /// Per wording, the reach of each distinct passage (by id, see
    /// [`Ends::id`]), as numbers `r` of reaches: [`Reach`], kept flat (one
    /// allocation for all, none per passage or wording): the kinds of
    /// wording `w` at `kinds[r * wordings + w]`, its units from
    /// `units_of[r * stride + unit_at[w]]` (`stride` the units of every
    /// wording).
    reach_by_id: FxHashMap<u32, usize>,
    reaches: usize,
    kinds: Vec<Kinds>,
    units_of: Vec<Option<f64>>,
    unit_at: Vec<usize>,
    stride: usize,
    /// The passage whose reaches were asked last, and their index: a
    /// window's second passage is the next window's first.
    last: Option<(usize, usize)>,
    /// [`Reach::carried`] and [`Reach::plain`] of reach `r` and wording
    /// `w` at `r * wordings + w`, side by side: most windows are decided by
    /// them alone.
    bounds: Vec<(f64, f64)>,
    /// Per wording, the reach of two words that touch across a boundary
    /// (by their forms and number values, all that [`Matcher::reach`] reads
    /// of them), as indices of `joined_reaches`.
    joined_by_words: FxHashMap<JoinKey, usize>,
    joined_reaches: Vec<Vec<Joined>>,
    /// A window's reach, per unit (reused).
    units: Vec<Option<f64>>,
    /// A span's kinds per wording (reused, [`SpanMemo::present_of`]).
    present: Vec<Kinds>,
    /// A passage's terms (reused).
    terms: Vec<Term>,
}

/// A silent span in [`SpanMemo::seen`].
const SILENT: u32 = u32::MAX;

/// How far one wording can reach into two words joined across a
/// boundary: per unit, and the share of the claim that makes (no rule).
#[derive(Debug, Clone)]
struct Joined {
    units: Vec<Option<f64>>,
    plain: f64,
}

/// A span's key in [`SpanMemo`]: the ids of its passages when their tokens
/// follow one another (the span's key is then theirs end to end, so equal
/// ids give equal keys), else the number of its key whole (in
/// [`SpanMemo::wholes`]): 16 bytes, most of an entry of the memo.
/// A passage id in [`SpanKey::Ids`] with this bit: the passage ends a
/// sentence inside the span (ids are passage numbers, below 2^31).
const SENTENCE_END: u32 = 1 << 31;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum SpanKey {
    Ids([u32; 3]),
    Whole(u32),
}

/// Two words by their forms' numbers and number values.
type JoinKey = (u32, u32, Option<u64>, Option<u64>);

/// How far one wording can reach into a passage: per unit the greatest
/// strength it can meet it with ([`Matcher::reach`]), and the kinds of
/// words the passage holds (for [`Silence`]).
///
/// Also the passage's own bound ([`Silence::reach_bound`] of its units
/// and kinds, as shares of the claim): a window's bound is at most the sum
/// of its passages' (and of its joined words' plain shares), since each
/// unit counts in the window what it counts in one of its parts, or its
/// full weight where the kinds of one part let a rule explain it, which
/// that part's own bound counts too.
///
/// (Kept flat in [`SpanMemo`]; this names its parts.)
#[allow(dead_code)]
struct Reach {
    units: Vec<Option<f64>>,
    kinds: Kinds,
    carried: f64,
    plain: f64,
}

impl<'e> SpanMemo<'e> {
    fn new(key_of: KeyOf, ends: &'e Ends, wordings: &[Wording]) -> SpanMemo<'e> {
        let unit_at: Vec<usize> = wordings
            .iter()
            .scan(0, |at, w| {
                let here = *at;
                *at += w.query.units.len();
                Some(here)
            })
            .collect();
        SpanMemo {
            key_of,
            ends,
            key: Vec::new(),
            seen: FxHashMap::default(),
            judged: Vec::new(),
            wholes: FxHashMap::default(),
            reach_by_id: FxHashMap::default(),
            reaches: 0,
            kinds: Vec::new(),
            units_of: Vec::new(),
            unit_at,
            stride: wordings.iter().map(|w| w.query.units.len()).sum(),
            last: None,
            bounds: Vec::new(),
            joined_by_words: FxHashMap::default(),
            joined_reaches: Vec::new(),
            units: Vec::new(),
            present: Vec::new(),
            terms: Vec::new(),
        }
    }

    /// The reaches of every wording into token `i` of `ta` followed by
    /// token `j` of `tb` (an index of `joined_reaches`).
    fn joined(&mut self, wordings: &mut [Wording], ta: &Tokens, i: usize, tb: &Tokens, j: usize) -> usize {
        let key = (
            ta.norm_at(i).index(),
            tb.norm_at(j).index(),
            ta.value(i).map(f64::to_bits),
            tb.value(j).map(f64::to_bits),
        );
        if let Some(&r) = self.joined_by_words.get(&key) {
            return r;
        }
        let pair = [ta.judging_term(i), tb.judging_term(j)];
        self.joined_reaches.push(
            wordings
                .iter_mut()
                .map(|w| {
                    let units = w.matcher.reach(&pair);
                    let plain = w
                        .silence
                        .as_ref()
                        .map_or(f64::INFINITY, |s| s.reach_bound(w.query, &units, &Kinds::default()).1);
                    Joined { units, plain }
                })
                .collect(),
        );
        let r = self.joined_reaches.len() - 1;
        self.joined_by_words.insert(key, r);
        r
    }

    /// The reaches of every wording into passage `p` (an index of `reaches`).
    fn reach(&mut self, wordings: &mut [Wording], index: &Index, p: usize) -> usize {
        if let Some((q, r)) = self.last {
            if q == p {
                return r;
            }
        }
        let r = self.reach_of(wordings, index, p);
        self.last = Some((p, r));
        r
    }

    /// [`SpanMemo::reach`], not asked just before.
    fn reach_of(&mut self, wordings: &mut [Wording], index: &Index, p: usize) -> usize {
        let id = self.ends.id(index, p, self.key_of, &mut self.key);
        match self.reach_by_id.get(&id) {
            Some(&r) => r,
            None => {
                let pp = &index.passages[p];
                let tokens = &index.analyzed[pp.source()].tokens;
                let mut terms = std::mem::take(&mut self.terms);
                tokens.judging_terms_into(pp.tokens(), &mut terms);
                let ends = self.ends;
                for w in wordings.iter_mut() {
                    let at = self.units_of.len();
                    w.matcher.reach_into(&terms, &mut self.units_of);
                    let units = &self.units_of[at..];
                    let (kinds, bounds) = match w.silence.as_mut() {
                        Some(s) => {
                            // Without opposites `present` finds no
                            // `opposite_of`: the passage's own kinds.
                            let kinds = if s.opposites {
                                s.present(&terms)
                            } else {
                                ends.kinds(p, &terms)
                            };
                            (kinds, s.reach_bound(w.query, units, &kinds))
                        }
                        None => (Kinds::default(), (f64::INFINITY, f64::INFINITY)),
                    };
                    self.kinds.push(kinds);
                    self.bounds.push(bounds);
                }
                self.terms = terms;
                let r = self.reaches;
                self.reaches += 1;
                self.reach_by_id.insert(id, r);
                r
            }
        }
    }

    /// Per wording, the kinds of words the span keyed `key` holds, when its
    /// passages' reaches are known (a window the bound let through): the
    /// span's tokens are its passages' end to end, and a word's kinds are
    /// its own, so the span holds what its passages hold together
    /// ([`Silence::present`] of each, or [`Ends::kinds`] for a wording with
    /// no opposites, where `present` finds no `opposite_of`). `None` where
    /// some passage's reach was not computed.
    fn present_of(&mut self, key: SpanKey, nw: usize) -> Option<&[Kinds]> {
        let SpanKey::Ids(ids) = key else {
            return None;
        };
        self.present.clear();
        self.present.resize(nw, Kinds::default());
        for id in ids.into_iter().filter(|&id| id != u32::MAX) {
            let &r = self.reach_by_id.get(&(id & !SENTENCE_END))?;
            for (k, part) in self.present.iter_mut().zip(&self.kinds[r * nw..(r + 1) * nw]) {
                *k = k.or(part);
            }
        }
        Some(&self.present)
    }

    /// The key of the span of passages `a..=b` (see [`SpanKey`]).
    /// `sentence_ends[k]`: passage `a + k` ends a sentence inside the span
    /// (the terms then say so, [`Term::sent`], and the key too: a passage's
    /// id reads its tokens, not the mark after its last one).
    fn span_key(&mut self, index: &Index, a: usize, b: usize, sentence_ends: [bool; 2]) -> SpanKey {
        let follow = (a..b).all(|p| index.passages[p].tokens().end == index.passages[p + 1].tokens().start);
        if follow && b - a < 3 {
            let mut ids = [u32::MAX; 3];
            for (k, p) in (a..=b).enumerate() {
                ids[k] = self.ends.id(index, p, self.key_of, &mut self.key);
                if sentence_ends.get(k).copied().unwrap_or(false) {
                    ids[k] |= SENTENCE_END;
                }
            }
            SpanKey::Ids(ids)
        } else {
            let (pa, pb) = (&index.passages[a], &index.passages[b]);
            self.key.clear();
            (self.key_of)(
                &index.analyzed[pa.source()].tokens,
                pa.tokens().start..pb.tokens().end,
                &mut self.key,
            );
            self.key
                .push(u32::from(sentence_ends[0]) | u32::from(sentence_ends[1]) << 1);
            self.whole()
        }
    }

    /// The key of a span whose key is `self.key`, by its number in `wholes`
    /// (equal keys, equal numbers).
    fn whole(&mut self) -> SpanKey {
        match self.wholes.get(self.key.as_slice()) {
            Some(&n) => SpanKey::Whole(n),
            None => {
                let n = u32::try_from(self.wholes.len()).expect("fewer than 2^32 spans a claim");
                self.wholes.insert(self.key.as_slice().into(), n);
                SpanKey::Whole(n)
            }
        }
    }
}

/// Whether the window of passages `a..=b` (two or three) may count: judged
/// non-silent for some wording with a score that, times [`WINDOW_FACTOR`],
/// exceeds `floor` (the better of its passages' scores plus
/// [`WINDOW_MARGIN`]). Decided without aligning the window, from a bound
/// on what [`judge`] can count of each wording in it: per unit the
/// greatest strength with which the unit meets either passage or a word
/// joined across their boundary ([`Matcher::reach`]), at full weight where
/// a rule could explain it given the kinds of words the two passages hold
/// ([`Silence::reach_bound`]). A judgement's score (its relevance, or the
/// alignment's share, never more) is at most that bound, so a window the
/// bound leaves under the mention share or under `floor` would be silent
/// or would not count. `false` only when that holds for every wording.
fn window_may_count(
    wordings: &mut [Wording],
    memo: &mut SpanMemo,
    index: &Index,
    a: usize,
    b: usize,
    floor: f64,
) -> bool {
    if wordings.iter().any(|w| w.silence.is_none()) {
        return true;
    }
    // A window holds two or three passages.
    let mut reach = [0usize; 3];
    for (k, p) in (a..=b).enumerate() {
        reach[k] = memo.reach(wordings, index, p);
    }
    let reach = &reach[..=b - a];
    // A word broken across a boundary (its halves end one passage and
    // begin the next): the reach of the two words, remembered by them.
    let mut across = [0usize; 2];
    let mut n = 0;
    for p in a..b {
        if memo.ends.joins(index, p) {
            let (pa, pb) = (&index.passages[p], &index.passages[p + 1]);
            let (ta, tb) = (&index.analyzed[pa.source()].tokens, &index.analyzed[pb.source()].tokens);
            across[n] = memo.joined(wordings, ta, pa.tokens().end - 1, tb, pb.tokens().start);
            n += 1;
        }
    }
    let across = &across[..n];
    let nw = wordings.len();
    for (wi, w) in wordings.iter().enumerate() {
        let Some(silence) = w.silence.as_ref() else {
            return true;
        };
        if w.query.units.is_empty() {
            continue;
        }
        let joined = across.iter().map(|&j| &memo.joined_reaches[j][wi]);
        // First the sum of the parts' own bounds (see [`Reach`]), with a
        // margin for rounding: what fails it fails the exact bound.
        let extra: f64 = joined.clone().map(|j| j.plain).sum();
        let own = reach.iter().map(|&r| memo.bounds[r * nw + wi]);
        let sum = own.clone().map(|x| x.0).sum::<f64>() + extra + 1e-9;
        let sum_plain = own.map(|x| x.1).sum::<f64>() + extra + 1e-9;
        if sum < silence.need(sum_plain) || sum * WINDOW_FACTOR <= floor {
            continue;
        }
        let (stride, at) = (memo.stride, memo.unit_at[wi]);
        let parts = reach.iter().map(|&r| &memo.units_of[r * stride + at..]);
        let joined = joined.map(|j| &j.units);
        memo.units.clear();
        memo.units.extend((0..w.query.units.len()).map(|u| {
            parts
                .clone()
                .map(|x| x[u])
                .chain(joined.clone().map(|j| j[u]))
                .flatten()
                .reduce(f64::max)
        }));
        let part_kinds = reach.iter().map(|&r| &memo.kinds[r * nw + wi]);
        let kinds = Kinds {
            number: part_kinds.clone().any(|x| x.number),
            ordinal: part_kinds.clone().any(|x| x.ordinal),
            place: part_kinds.clone().any(|x| x.place),
            opposite_of: part_kinds.clone().fold(0, |m, x| m | x.opposite_of),
        };
        let (bound, plain) = silence.reach_bound(w.query, &memo.units, &kinds);
        if bound >= silence.need(plain) && bound * WINDOW_FACTOR > floor {
            return true;
        }
    }
    false
}

/// Judges passages `a..=b` (one passage, or a window of two) against every
/// wording; the best wording's judgement, or `None` when all are silent.
/// With a memo, a span whose key was seen takes the remembered judgement.
fn judge_span(
    wordings: &mut [Wording],
    memo: &mut Option<SpanMemo>,
    index: &Index,
    opts: &Options,
    (a, b): (usize, usize),
    ends_sentence: &dyn Fn(usize) -> bool,
) -> Option<Judged> {
    let pa = &index.passages[a];
    let pb = &index.passages[b];
    let tokens = &index.analyzed[pa.source()].tokens;
    let range = pa.tokens().start..pb.tokens().end;
    // Where a window's passage ends a sentence, the next one's first word
    // starts another (`Term::sent`): a negation or a headline's turn reads
    // its own sentence only.
    let sentence_ends: [bool; 2] = std::array::from_fn(|k| a + k < b && ends_sentence(a + k));
    let first = range.start;
    let mark = |terms: &mut [Term]| {
        for (k, _) in sentence_ends.iter().enumerate().filter(|(_, e)| **e) {
            if let Some(t) = terms.get_mut(index.passages[a + k + 1].tokens().start - first) {
                t.sent = true;
            }
        }
    };
    let found = match memo {
        None => {
            let mut terms = tokens.terms(range);
            mark(&mut terms);
            judge_terms(wordings, opts, &terms, None)
        }
        Some(m) => {
            let key = m.span_key(index, a, b, sentence_ends);
            match m.seen.get(&key) {
                Some(&at) => m.judged.get(at as usize).cloned(),
                None => {
                    let mut terms = std::mem::take(&mut m.terms);
                    tokens.judging_terms_into(range, &mut terms);
                    mark(&mut terms);
                    let present = m.present_of(key, wordings.len());
                    let j = judge_terms(wordings, opts, &terms, present);
                    m.terms = terms;
                    let at = match &j {
                        Some(j) => {
                            m.judged.push(j.clone());
                            u32::try_from(m.judged.len() - 1)
                                .ok()
                                .filter(|&at| at != SILENT)
                                .expect("fewer than 2^32 spans a claim")
                        }
                        None => SILENT,
                    };
                    m.seen.insert(key, at);
                    j
                }
            }
        }
    };
    found.map(|j| Judged {
        start: pa.start(),
        end: pb.end(),
        first_token: pa.tokens().start,
        judgement: j.judgement,
        wording: j.wording,
        alignment: j.alignment,
    })
}

/// Judges a span's terms against every wording (see [`judge_span`]);
/// `present`, when known, the kinds of words the span holds per wording
/// ([`Silence::present`] of `terms`, see [`SpanMemo::present_of`]).
fn judge_terms(
    wordings: &mut [Wording],
    opts: &Options,
    terms: &[Term],
    present: Option<&[Kinds]>,
) -> Option<SpanJudgement> {
    let mut best: Option<SpanJudgement> = None;
    for (wi, w) in wordings.iter_mut().enumerate() {
        let q = w.query;
        let al = w.matcher.align(terms);
        let known = present.map(|k| k[wi]);
        if w.silence.as_mut().is_some_and(|s| s.silent_with(q, terms, &al, known)) {
            continue;
        }
        let prepared = w.prepared.get_or_insert_with(|| Prepared::new(q, w.plain, w.lexicon));
        let j = judge_prepared(q, terms, &al, &opts.thresholds, prepared);
        if j.stance.is_none() {
            continue;
        }
        let cand = SpanJudgement {
            judgement: j,
            wording: wi,
            alignment: al,
        };
        if best.as_ref().is_none_or(|b| better(&cand.judgement, &b.judgement)) {
            best = Some(cand);
        }
    }
    best
}

/// Tells, after the alignment and before the stance rules, that a span is
/// silent for a wording, from a bound that needs no rule to run.
///
/// [`judge`] finds a passage silent when what it carries of the claim,
/// counting at full weight the units a rule explains (a contradicted
/// number, ordinal, place or antonym), weighs less than
/// [`Thresholds::mention`] of the claim. A rule can only explain a unit
/// when the passage holds a word of the unit's kind: any number (for a
/// number the passage lacks), an ordinal (for an ordinal it lacks), a place
/// (for a place it lacks), an opposite of the unit's word (antonyms, carried
/// or not). Counting at full weight every unit whose kind of word the
/// passage holds bounds what `judge` counts, term by term in the same
/// order, so the bound is never below it; most candidate spans fall under
/// the threshold with it and skip the rules.
struct Silence {
    total: f64,
    mention: f64,
    /// Under this share of the claim aligned, `judge` can only contradict
    /// (see [`Silence::lifted`]): the least of the mention and support
    /// thresholds.
    plain_floor: f64,
    /// What such a span's relevance must reach: the greater of the mention
    /// and contradiction thresholds.
    contradict: f64,
    /// What may explain each unit.
    units: Vec<Explains>,
    /// Whether some unit has opposites (else no word is `opposite_of` any).
    opposites: bool,
    /// The kinds of each passage word seen, by (folded form, stem, verb key).
    memo: FxHashMap<(usize, usize, usize), Kinds>,
    /// Whether a place the span lacks is read by its slot
    /// ([`Silence::slots_decide`]); else wherever the span holds one.
    slots: bool,
}

/// Which words in a passage may let a rule explain a unit.
#[derive(Debug, Clone, Default)]
struct Explains {
    /// A number the passage lacks: any number.
    number: bool,
    /// An ordinal the passage lacks: any ordinal.
    ordinal: bool,
    /// A place the passage lacks: any place.
    place: bool,
    /// A word with opposites: the lookup keys of its opposites.
    opposites: Vec<crate::sym::Sym>,
}

/// What a passage word is, for [`Explains`].
#[derive(Debug, Clone, Copy, Default)]
struct Kinds {
    number: bool,
    ordinal: bool,
    place: bool,
    /// The units (by bit) whose opposite it is.
    opposite_of: u64,
}

impl Silence {
    /// The bound for `query`; `None` when it has too many units for the
    /// masks (its spans are all judged).
    fn new(query: &Query, antonyms: &Antonyms, thresholds: &Thresholds) -> Option<Silence> {
        if query.units.len() > 64 {
            return None;
        }
        let units: Vec<Explains> = query
            .units
            .iter()
            .enumerate()
            .map(|(ui, u)| {
                let norm = &query.tokens[u.at].norm;
                let word = u.kind == UnitKind::Word;
                Explains {
                    number: u.kind == UnitKind::Number,
                    ordinal: word && quantities::ordinal(norm).is_some(),
                    place: word && u.place.is_some(),
                    // As `antonyms::conflict` reads them.
                    opposites: if word {
                        antonyms::unit_opposites(query, ui, antonyms)
                            .0
                            .into_iter()
                            .map(|(k, _)| k)
                            .collect()
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        Some(Silence {
            total: query.units.iter().map(|u| u.weight).sum(),
            mention: thresholds.mention,
            plain_floor: [
                thresholds.support,
                thresholds.support_without_predicate,
                thresholds.support_translated,
                thresholds.support_headline,
            ]
            .into_iter()
            .fold(thresholds.mention, f64::min),
            // The lower gate a reason on the predicate meets.
            contradict: thresholds
                .mention
                .max(thresholds.contradict.min(thresholds.contradict_predicate)),
            opposites: units.iter().any(|e: &Explains| !e.opposites.is_empty()),
            units,
            memo: FxHashMap::default(),
            slots: false,
        })
    }

    /// Whether, for this wording (`query`, and `plain` without its synonyms,
    /// which `judge` also aligns), a place the span lacks can only lift it
    /// through the entity rule, so [`Silence::silent`] may read it by its
    /// slot: no rule that explains units outside the kinds of [`Explains`]
    /// can apply: no opposite phrases ([`antonyms::phrases_of`]), no
    /// casualty word ([`crate::stance::casualties`]), no time adjunct
    /// ([`crate::stance::timeless`]). (A headline denial, which gives a
    /// stance under the mention share, is asked of the span itself in
    /// [`Silence::silent`].)
    fn slots_decide(query: &Query, plain: &Query, lexicon: &Antonyms) -> bool {
        [query, plain].into_iter().all(|q| {
            antonyms::phrases_of(q, lexicon).is_empty()
                && !q
                    .units
                    .iter()
                    .any(|u| crate::stance::casualties::is_casualty(&q.tokens[u.at].norm))
                && !q
                    .tokens
                    .iter()
                    .any(|t| crate::stance::timeless::TEMPORAL.contains(&t.norm.as_str()))
        })
    }

    /// Whether [`judge`] is sure to find the span (`terms`, aligned as `al`)
    /// silent for this query.
    #[cfg(test)]
    fn silent(&mut self, query: &Query, terms: &[Term], al: &Alignment) -> bool {
        self.silent_with(query, terms, al, None)
    }

    /// [`Silence::silent`], given `present(terms)` when it is known.
    fn silent_with(&mut self, query: &Query, terms: &[Term], al: &Alignment, present: Option<Kinds>) -> bool {
        if query.units.is_empty() {
            return true;
        }
        // The bound if the passage held every kind of word, then the real one.
        let need = self.need(al.score);
        if self.bound(query, al, None, None) < need {
            return true;
        }
        let present = present.unwrap_or_else(|| self.present(terms));
        if self.bound(query, al, Some(&present), None) < need {
            return true;
        }
        // Then a place the span lacks as the entity rule reads it: only
        // another place in its slot explains it, not one anywhere (in a
        // window, most often in the other passage).
        // Not through a synonym: `judge` then also reads the alignment
        // without synonyms, whose slots may lie elsewhere.
        self.slots
            && present.place
            && self.units.iter().zip(&al.units).any(|(e, m)| e.place && m.is_none())
            && !al.units.iter().flatten().any(|m| m.how.is_synonym())
            && self.bound(query, al, Some(&present), Some(terms)) < need
            // A headline denial gives a stance under the mention share.
            && crate::stance::headline::denial(query, terms, al).is_none()
    }

    /// What a bound of the relevance must reach for `judge` to find a span
    /// not silent, when at most `plain` of the claim is aligned.
    ///
    /// `judge` gives a stance only when the relevance reaches the mention
    /// threshold and either it contradicts (a reason, and the relevance at
    /// the contradiction threshold) or the aligned share reaches a support
    /// threshold (it supports) or the mention threshold (it mentions). So a
    /// span whose aligned share is under all of those can only contradict,
    /// and then its relevance must reach both the mention and the
    /// contradiction thresholds ([`Silence::lifted`]). A small margin keeps
    /// rounding on the safe side (the bound then asks for a little less).
    fn need(&self, plain: f64) -> f64 {
        if self.lifted(plain) {
            self.contradict - 1e-9
        } else {
            self.mention
        }
    }

    /// Whether an aligned share of at most `plain` is under every threshold
    /// at which `judge` supports or mentions (with a margin for rounding).
    fn lifted(&self, plain: f64) -> bool {
        plain < self.plain_floor - 1e-9
    }

    /// The kinds of words `terms` hold.
    fn present(&mut self, terms: &[Term]) -> Kinds {
        let mut present = Kinds::default();
        for t in terms {
            present = present.or(&self.kinds(t));
        }
        present
    }

    /// The most `judge` can count of the claim (its relevance, which no
    /// judgement's score exceeds) in a text whose words meet each unit at
    /// most as strongly as `reach` says (`None`: not at all) and hold words
    /// of the kinds `present`. As [`Silence::bound`], but not knowing
    /// whether a unit the text may meet is aligned, a unit a rule could
    /// explain counts at full weight whether it is met or not. Term by term (in the same order) at least what
    /// `judge` counts.
    ///
    /// Also gives the share of the claim the text can carry by alignment
    /// alone (each unit at its reach, no rule), at least the aligned share.
    fn reach_bound(&self, query: &Query, reach: &[Option<f64>], present: &Kinds) -> (f64, f64) {
        let k = present;
        let mut carried = 0.0;
        let mut plain = 0.0;
        for (ui, (u, e)) in query.units.iter().zip(&self.units).enumerate() {
            let explainable = (e.number && k.number)
                || (e.ordinal && k.ordinal)
                || (e.place && k.place)
                || (!e.opposites.is_empty() && k.opposite_of & (1 << ui) != 0);
            if let Some(s) = reach[ui] {
                plain += u.weight * s;
            }
            if explainable {
                carried += reach[ui].map_or(u.weight, |s| u.weight.max(u.weight * s));
            } else if let Some(s) = reach[ui] {
                carried += u.weight * s;
            }
        }
        (carried / self.total, plain / self.total)
    }

    /// The most `judge` can count of the claim, with the kinds of words the
    /// passage holds (`None`: all of them). With the span's terms (`slot`),
    /// a place the span lacks counts only where
    /// [`crate::stance::entities::may_conflict`] finds a place in its slot
    /// (the only rule that explains a lacking place), else wherever the
    /// span holds one.
    fn bound(&self, query: &Query, al: &Alignment, present: Option<&Kinds>, slot: Option<&[Term]>) -> f64 {
        let k = present.copied().unwrap_or_default();
        let may = |has: bool| present.is_none() || has;
        let mut carried = 0.0;
        for (ui, (u, e)) in query.units.iter().zip(&self.units).enumerate() {
            let m = al.units[ui].as_ref();
            let place = || slot.is_none_or(|terms| crate::stance::entities::may_conflict(ui, terms, al));
            let lacked = m.is_none()
                && ((e.number && may(k.number))
                    || (e.ordinal && may(k.ordinal))
                    || (e.place && may(k.place) && place()));
            let explained = lacked || (!e.opposites.is_empty() && may(k.opposite_of & (1 << ui) != 0));
            match m {
                Some(m) if explained => carried += u.weight.max(u.weight * m.strength),
                Some(m) => carried += u.weight * m.strength,
                None if explained => carried += u.weight,
                None => {}
            }
        }
        carried / self.total
    }

    /// The kinds of a passage word (remembered).
    fn kinds(&mut self, t: &Term) -> Kinds {
        let key = (t.norm.id(), t.stem.id(), t.root.map_or(0, |r| r.id()));
        let units = &self.units;
        *self.memo.entry(key).or_insert_with(|| {
            let opposite = antonyms::passage_keys(t);
            Kinds {
                opposite_of: units
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| opposite.iter().any(|o| e.opposites.contains(o)))
                    .fold(0, |m, (ui, _)| m | (1 << ui)),
                ..word_kinds(t)
            }
        })
    }
}

/// The kinds a passage word is of that depend on the word alone (no
/// `opposite_of`), remembered per thread by the word's form and stem:
/// every passage met for the first time and every claim's [`Silence`] asks
/// them of the same few thousand words, and `ordinal` strips prefixes and
/// counts letters.
fn word_kinds(t: &Term) -> Kinds {
    thread_local! {
        static WORD_KINDS: std::cell::RefCell<FxHashMap<(u32, u32), u8>> = Default::default();
    }
    let bits = WORD_KINDS.with(|memo| {
        *memo
            .borrow_mut()
            .entry((t.norm.index(), t.stem.index()))
            .or_insert_with(|| {
                let k = word_kinds_of(t);
                u8::from(k.number) | u8::from(k.ordinal) << 1 | u8::from(k.place) << 2
            })
    });
    Kinds {
        number: bits & 1 != 0,
        ordinal: bits & 2 != 0,
        place: bits & 4 != 0,
        opposite_of: 0,
    }
}

/// [`word_kinds`], computed.
fn word_kinds_of(t: &Term) -> Kinds {
    Kinds {
        number: is_number(&t.norm),
        ordinal: quantities::ordinal(&t.norm).is_some(),
        place: crate::stance::entities::starts_a_place(&t.stem),
        opposite_of: 0,
    }
}

impl Kinds {
    /// The kinds of two texts together.
    fn or(&self, other: &Kinds) -> Kinds {
        Kinds {
            number: self.number || other.number,
            ordinal: self.ordinal || other.ordinal,
            place: self.place || other.place,
            opposite_of: self.opposite_of | other.opposite_of,
        }
    }
}

/// How the query's words met the passage's (`terms` starts at the
/// passage's first token), as the report shows them: the passage words
/// verbatim (their text shared through `shared`).
pub fn term_matches(
    query: &Query,
    al: &Alignment,
    terms: &[Term],
    source: &crate::sources::Source,
    shared: &mut Interner,
) -> Vec<TermMatch> {
    term_matches_with(query, &mut Vec::new(), al, terms, source, shared)
}

/// [`term_matches`] with the query's shared labels kept in `labels` (per
/// unit, interned on first use) across the evidence of one claim, so a
/// label is looked up once per claim, not once per evidence.
fn term_matches_with(
    query: &Query,
    labels: &mut Vec<Option<Arc<str>>>,
    al: &Alignment,
    terms: &[Term],
    source: &crate::sources::Source,
    shared: &mut Interner,
) -> Vec<TermMatch> {
    labels.resize(query.units.len(), None);
    query
        .units
        .iter()
        .zip(&al.units)
        .zip(labels.iter_mut())
        .filter_map(|((u, m), label)| {
            let m = m.as_ref()?;
            Some(TermMatch {
                claim: Arc::clone(label.get_or_insert_with(|| shared.word(&u.label))),
                source: shared.word(
                    &source
                        .charmap
                        .apply_borrowed(&source.text[terms[m.first].start..terms[m.last].end]),
                ),
                how: m.how.as_str().into(),
            })
        })
        .collect()
}

/// Whether judgement `a` should be preferred to `b` for the same passage.
fn better(a: &Judgement, b: &Judgement) -> bool {
    let rank = |j: &Judgement| match j.stance {
        Some(Stance::Contradicts) => 2,
        Some(Stance::Supports) => 1,
        _ => 0,
    };
    // A wording the span supports or contradicts tells more than one it
    // only mentions, whatever their scores: the wordings say one claim.
    let decided = |j: &Judgement| rank(j) > 0;
    if decided(a) != decided(b) {
        return decided(a);
    }
    match a.score.total_cmp(&b.score) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => rank(a) > rank(b),
    }
}

/// Reduces a source's judged passages to its stance and evidence.
pub(crate) fn reduce(list: &[Judged], keep: usize) -> Option<(Stance, f64, Vec<&Judged>)> {
    let best_of = |s: Stance| {
        list.iter()
            .filter(|j| j.judgement.stance == Some(s))
            .collect::<Vec<_>>()
    };
    let sup = best_of(Stance::Supports);
    let con = best_of(Stance::Contradicts);
    let men = best_of(Stance::Mentions);
    let top = |v: &Vec<&Judged>| v.first().map(|j| j.judgement.score);
    let stance = match (top(&sup), top(&con)) {
        (Some(s), Some(c)) => {
            if c >= s {
                Stance::Contradicts
            } else {
                Stance::Supports
            }
        }
        (Some(_), None) => Stance::Supports,
        (None, Some(_)) => Stance::Contradicts,
        (None, None) if !men.is_empty() => Stance::Mentions,
        _ => return None,
    };
    let chosen = match stance {
        Stance::Supports => sup,
        Stance::Contradicts => con,
        Stance::Mentions => men,
    };
    let mut evidence: Vec<&Judged> = Vec::new();
    for j in chosen {
        // Skip windows that overlap evidence already shown.
        if evidence.iter().any(|e| j.start < e.end && e.start < j.end) {
            continue;
        }
        evidence.push(j);
        if evidence.len() == keep {
            break;
        }
    }
    let score = evidence.first().map_or(0.0, |j| j.judgement.score);
    Some((stance, score, evidence))
}

fn judge_claim(
    file: &ClaimsFile,
    claim: &Claim,
    glossary: &Glossary,
    corpus: &Corpus,
    index: &Index,
    opts: &Options,
    (ends, shared): (&Ends, &std::sync::Mutex<Interner>),
) -> ClaimReport {
    let queries: Vec<Query> = claim
        .wordings()
        .map(|w| Query::with_lexicon(w, glossary, opts.lexicon.as_deref(), index))
        .collect();
    let (judged, over_budget) = match source_judgements_with(&queries, corpus, index, opts, ends) {
        Ok(j) => (j, None),
        Err(over) => (BTreeMap::new(), Some(over)),
    };
    let cited: BTreeSet<usize> = claim
        .cites
        .iter()
        .filter_map(|c| match resolve(&c.source, corpus, opts) {
            Resolution::Found(i) => Some(i),
            _ => None,
        })
        .collect();
    let mut stances: Vec<SourceStance> = Vec::new();
    let mut stance_of: BTreeMap<usize, Stance> = BTreeMap::new();
    // The thread's own interner (another thread takes it only when called
    // from outside the pool that runs the claims).
    let mut shared = shared.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut labels: Vec<Vec<Option<Arc<str>>>> = vec![Vec::new(); queries.len()];
    for (&si, list) in &judged {
        let Some((stance, score, ev)) = reduce(list, opts.evidence_per_source) else {
            continue;
        };
        let source = &corpus.sources[si];
        let tokens = &index.analyzed[si].tokens;
        let evidence: Vec<Evidence> = ev
            .iter()
            .map(|j| {
                let q = &queries[j.wording];
                let matched = j.alignment.units.iter().flatten().map(|m| m.last + 1).max();
                let span = tokens.terms(j.first_token..j.first_token + matched.unwrap_or(0));
                let terms = term_matches_with(q, &mut labels[j.wording], &j.alignment, &span, source, &mut shared);
                Evidence {
                    text: shared.text(&source.shown(j.start, j.end)),
                    line: source.line_of(j.start),
                    start: j.start,
                    end: j.end,
                    score: round(j.judgement.score),
                    reasons: shared.reasons(&j.judgement.reasons),
                    terms: shared.terms(terms),
                }
            })
            .collect();
        stance_of.insert(si, stance);
        stances.push(SourceStance {
            source: shared.source(si, &source.id),
            stance,
            cited: cited.contains(&si),
            score: round(score),
            evidence,
        });
    }
    drop(shared);

    // Citations and quotes.
    let mut citations = Vec::new();
    for c in &claim.cites {
        let (id, status, quote) = match resolve(&c.source, corpus, opts) {
            Resolution::Found(si) => {
                let status = CitationStatus::from_stance(stance_of.get(&si).copied());
                let source = &corpus.sources[si];
                let quote = c
                    .quote
                    .as_deref()
                    .map(|q| match quote::locate(q, &index.analyzed[si].tokens.all()) {
                        Some(hit) => QuoteReport {
                            status: if hit.similarity >= quote::FOUND_AT {
                                QuoteStatus::Found
                            } else {
                                QuoteStatus::NotFound
                            },
                            similarity: round(hit.similarity),
                            line: Some(source.line_of(hit.start)),
                            start: Some(hit.start),
                            end: Some(hit.end),
                        },
                        None => QuoteReport {
                            status: QuoteStatus::NotFound,
                            similarity: 0.0,
                            line: None,
                            start: None,
                            end: None,
                        },
                    });
                (source.id.clone(), status, quote)
            }
            _ => (
                c.source.clone(),
                CitationStatus::Missing,
                c.quote.as_ref().map(|_| QuoteReport {
                    status: QuoteStatus::NotFound,
                    similarity: 0.0,
                    line: None,
                    start: None,
                    end: None,
                }),
            ),
        };
        citations.push(CitationReport {
            source: id,
            status,
            quote,
            cited: opts.whole.as_ref().map(|_| c.source.clone()),
        });
    }
    let mut report = ClaimReport {
        file: file.path.clone(),
        line: claim.line,
        id: claim.id.clone(),
        claim: claim.text.clone(),
        verdict: Verdict::Unsourced,
        expect: claim.expect,
        pass: true,
        sources: stances,
        citations,
        failures: Vec::new(),
        note: claim.note.clone(),
    };
    let written: Vec<&str> = claim.cites.iter().map(|c| c.source.as_str()).collect();
    conclude(&mut report, &written, &opts.policy, opts.baseline.as_ref());
    // A claim that was not judged never passes, whatever the policy, and
    // its one failure says why (its citations were not judged either).
    if let Some(over) = over_budget {
        report.pass = false;
        report.failures = vec![format!(
            "{NOT_JUDGED} the claim meets {} passages and windows, {} words to align, over the work budget of {}; \
                 reword it with rarer words or raise --max-claim-work",
            over.spans, over.work, opts.max_claim_work
        )];
    }
    report
}

/// Orders a claim's sources: deciding stances first, then by score, then by id.
fn sort_stances(stances: &mut [SourceStance]) {
    let rank = |s: Stance| match s {
        Stance::Supports | Stance::Contradicts => 0,
        Stance::Mentions => 1,
    };
    stances.sort_by(|a, b| {
        rank(a.stance)
            .cmp(&rank(b.stance))
            .then(b.score.total_cmp(&a.score))
            .then(a.source.cmp(&b.source))
    });
}

/// Decides a judged claim from its sources' stances and its citations: orders
/// the sources, sets the verdict, the failures (by `expect`, else by the
/// policy; the baseline clears unchanged ones) and `pass`. `written` holds
/// each citation as written in the claims file. `check` and `merge` both end
/// here, so a merged report decides exactly as a single run.
pub fn conclude(claim: &mut ClaimReport, written: &[&str], policy: &Policy, baseline: Option<&Report>) {
    sort_stances(&mut claim.sources);
    let stances = &claim.sources;
    let any = |s: Stance| stances.iter().any(|x| x.stance == s);
    let verdict = Verdict::from_stances(any(Stance::Supports), any(Stance::Contradicts));
    let mut citation_problems = Vec::new();
    for (cite, written) in claim.citations.iter().zip(written) {
        let id = &cite.source;
        let reasons = stances
            .iter()
            .find(|s| *s.source == **id)
            .and_then(|s| s.evidence.first())
            .map(|e| e.reasons.clone())
            .unwrap_or_default();
        match cite.status {
            CitationStatus::Confirms => {}
            CitationStatus::Contradicts => {
                citation_problems.push(format!("citation `{written}` contradicts the claim{}", paren(&reasons)))
            }
            CitationStatus::Mentions => citation_problems.push(format!(
                "citation `{written}` only mentions the claim without establishing it{}",
                paren(&reasons)
            )),
            CitationStatus::Silent => citation_problems.push(format!(
                "citation `{written}` is silent: nothing in {id} bears on the claim"
            )),
            CitationStatus::Missing => citation_problems.push(format!(
                "citation `{written}` is missing: no source has that id, file name or id prefix"
            )),
        }
        if let Some(q) = &cite.quote {
            if q.status == QuoteStatus::NotFound && cite.status != CitationStatus::Missing {
                let place = q.line.map(|l| format!(" near line {l}")).unwrap_or_default();
                citation_problems.push(format!(
                    "the quote cited from `{written}` is not in {id} (best similarity {:.2}{place})",
                    q.similarity
                ));
            }
        }
    }

    // Pass or fail.
    let mut failures = Vec::new();
    if let Some(expect) = claim.expect {
        if verdict != expect {
            failures.push(format!("expected `{expect}` but the verdict is `{verdict}`"));
        }
    } else {
        if policy.fails_verdict(verdict) {
            failures.push(verdict_sentence(verdict, stances));
        }
        if policy.fails_citations() {
            failures.extend(citation_problems);
        }
    }
    if let Some(base) = baseline {
        if !failures.is_empty() && unchanged(base, &claim.file, &claim.id, verdict, &claim.citations) {
            failures.clear();
        }
    }
    claim.verdict = verdict;
    claim.pass = failures.is_empty();
    claim.failures = failures;
}

fn paren(reasons: &[std::sync::Arc<str>]) -> String {
    if reasons.is_empty() {
        String::new()
    } else {
        format!(" ({})", reasons.join("; "))
    }
}

fn verdict_sentence(verdict: Verdict, stances: &[SourceStance]) -> String {
    let list = |s: Stance| {
        stances
            .iter()
            .filter(|x| x.stance == s)
            .map(|x| {
                let r = x.evidence.first().map(|e| paren(&e.reasons)).unwrap_or_default();
                format!("{}{r}", x.source)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match verdict {
        Verdict::Supported => "supported".to_string(),
        Verdict::Contradicted => format!("contradicted by {}", list(Stance::Contradicts)),
        Verdict::Disputed => format!(
            "disputed: supported by {} but contradicted by {}",
            list(Stance::Supports),
            list(Stance::Contradicts)
        ),
        Verdict::Unsourced => "unsourced: no source supports or contradicts it".to_string(),
    }
}

/// Whether a claim's verdict and citation statuses are the same as in the baseline.
fn unchanged(base: &Report, file: &str, id: &str, verdict: Verdict, citations: &[CitationReport]) -> bool {
    base.claims.iter().any(|b| {
        b.file == file
            && b.id == id
            && b.verdict == verdict
            && b.citations.len() == citations.len()
            && b.citations.iter().zip(citations).all(|(x, y)| {
                x.source == y.source
                    && x.status == y.status
                    && x.quote.as_ref().map(|q| q.status) == y.quote.as_ref().map(|q| q.status)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::retrieve::{spans, Retrieval};
    use std::path::{Path, PathBuf};

    /// The silence bound never skips a span that `judge` finds anything
    /// but silent: every passage and window of the seeds, against every
    /// wording of the example and tuning claims.
    /// The seeds' index and every wording of the claims files, as queries.
    fn seed_wordings(files: &[&str]) -> (Index, Vec<(String, Query)>) {
        let corpus = crate::sources::load(&[PathBuf::from("seeds")], Default::default()).unwrap();
        let index = Index::build(&corpus);
        let mut out = Vec::new();
        for file in files {
            let f = crate::claims::load(Path::new(file)).unwrap();
            let g = Glossary::new(&f.glossary);
            for c in &f.claims {
                for w in c.wordings() {
                    out.push((w.to_string(), Query::new(w, &g, &index)));
                }
            }
        }
        (index, out)
    }

    /// Every passage and window of two or three of `index` (windows of
    /// three whatever their ends), for the bound tests.
    fn every_span(index: &Index, opts: &Options) -> Vec<(usize, usize)> {
        spans(
            &[],
            index,
            &opts.thresholds,
            &opts.antonyms,
            Retrieval::Exhaustive,
            &|_| true,
            &|_| false,
        )
    }

    /// A word's kinds remembered per thread are its kinds computed, for
    /// every word of the seeds, asked twice (computed, then remembered);
    /// some words are of each kind.
    #[test]
    fn remembered_word_kinds_are_word_kinds() {
        let (index, _) = seed_wordings(&[]);
        let (mut number, mut ordinal, mut place) = (0, 0, 0);
        for _ in 0..2 {
            for p in 0..index.len() {
                let pp = &index.passages[p];
                for t in index.analyzed[pp.source()].tokens.terms(pp.tokens()) {
                    let (k, want) = (word_kinds(&t), word_kinds_of(&t));
                    assert_eq!(
                        (k.number, k.ordinal, k.place, k.opposite_of),
                        (want.number, want.ordinal, want.place, want.opposite_of),
                        "{}",
                        t.norm
                    );
                    number += usize::from(k.number);
                    ordinal += usize::from(k.ordinal);
                    place += usize::from(k.place);
                }
            }
        }
        assert!(number > 0 && ordinal > 0 && place > 0, "{number} {ordinal} {place}");
    }

    /// A passage's remembered kinds are those `present` finds for a
    /// wording without opposites, asked twice (computed, then remembered);
    /// and some wordings have opposites, some not, some passages hold each kind.
    #[test]
    fn passage_kinds_are_what_present_finds() {
        let (index, wordings) = seed_wordings(&["claims/example.yaml", "tests/data/gold/seeds-tune.yaml"]);
        let opts = Options::default();
        let ends = Ends::new(&index);
        let mut silences: Vec<Silence> = wordings
            .iter()
            .filter_map(|(_, q)| Silence::new(q, &opts.antonyms, &opts.thresholds))
            .collect();
        assert!(silences.iter().any(|s| s.opposites) && silences.iter().any(|s| !s.opposites));
        let (mut number, mut ordinal, mut place) = (0, 0, 0);
        for _ in 0..2 {
            for p in 0..index.len() {
                let terms = index.terms(p);
                let k = ends.kinds(p, &terms);
                assert_eq!(k.opposite_of, 0);
                for s in silences.iter_mut() {
                    let present = s.present(&terms);
                    assert_eq!(
                        (k.number, k.ordinal, k.place),
                        (present.number, present.ordinal, present.place),
                        "passage {p}"
                    );
                    if !s.opposites {
                        assert_eq!(present.opposite_of, 0);
                    }
                }
                number += usize::from(k.number);
                ordinal += usize::from(k.ordinal);
                place += usize::from(k.place);
            }
        }
        assert!(number > 0 && ordinal > 0 && place > 0, "{number} {ordinal} {place}");
    }

    /// The kinds a window holds for a wording are those its passages hold
    /// together, as the window bound computed them for each passage
    /// (`present`, or the passage's own kinds without opposites): what
    /// `SpanMemo::present_of` hands `Silence::silent_with` instead of
    /// reading the window's words again.
    #[test]
    fn window_kinds_are_what_its_passages_hold_together() {
        let (index, wordings) = seed_wordings(&["claims/example.yaml", "tests/data/gold/seeds-tune.yaml"]);
        let opts = Options::default();
        let ends = Ends::new(&index);
        let mut silences: Vec<Silence> = wordings
            .iter()
            .filter_map(|(_, q)| Silence::new(q, &opts.antonyms, &opts.thresholds))
            .collect();
        let mut opposite = 0;
        let mut windows = 0;
        for a in &index.analyzed {
            for p in a.passages.clone() {
                for b in [p + 1, p + 2].into_iter().filter(|&b| b < a.passages.end) {
                    let follow = (p..b).all(|q| index.passages[q].tokens().end == index.passages[q + 1].tokens().start);
                    assert!(follow, "passages {p}..={b}");
                    let terms = a
                        .tokens
                        .judging_terms(index.passages[p].tokens().start..index.passages[b].tokens().end);
                    windows += 1;
                    for s in silences.iter_mut() {
                        let whole = s.present(&terms);
                        let parts = (p..=b)
                            .map(|q| {
                                let t = index.analyzed[index.passages[q].source()]
                                    .tokens
                                    .judging_terms(index.passages[q].tokens());
                                if s.opposites {
                                    s.present(&t)
                                } else {
                                    ends.kinds(q, &t)
                                }
                            })
                            .fold(Kinds::default(), |k, x| k.or(&x));
                        let bits = |k: &Kinds| (k.number, k.ordinal, k.place, k.opposite_of);
                        assert_eq!(bits(&whole), bits(&parts), "passages {p}..={b}");
                        opposite += usize::from(whole.opposite_of != 0);
                    }
                }
            }
        }
        assert!(windows > 100 && opposite > 0, "{windows} {opposite}");
    }

    /// `judge_prepared`, with one `Prepared` kept across spans, judges
    /// every span as `judge` does; some spans are aligned through a synonym
    /// (so the plain matcher is used), some wordings have opposites.
    #[test]
    fn prepared_judging_is_judging() {
        let (index, wordings) = seed_wordings(&[
            "claims/example.yaml",
            "tests/data/gold/seeds-tune.yaml",
            "tests/data/gold/english-tune.yaml",
        ]);
        let opts = Options::default();
        let all = every_span(&index, &opts);
        let (mut through_synonym, mut with_opposites) = (0, 0);
        for (w, q) in &wordings {
            with_opposites += usize::from(
                antonyms::opposites_of(q, &opts.antonyms)
                    .iter()
                    .any(|o| !o.0.is_empty()),
            );
            let plain = crate::stance::without_synonyms(q);
            let mut prepared = Prepared::new(q, &plain, &opts.antonyms);
            let mut matcher = Matcher::new(q);
            for &(a, b) in &all {
                let terms = index.span_terms(a, b);
                let al = matcher.align(&terms);
                through_synonym += usize::from(al.units.iter().flatten().any(|m| m.how.is_synonym()));
                let j = crate::stance::judge(q, &terms, &al, &opts.antonyms, &opts.thresholds);
                let k = judge_prepared(q, &terms, &al, &opts.thresholds, &mut prepared);
                assert_eq!(j, k, "{w}: passages {a}-{b}");
            }
        }
        assert!(
            through_synonym > 0 && with_opposites > 0,
            "{through_synonym} {with_opposites}"
        );
    }

    /// Two passages get the same id exactly when their keys are equal,
    /// whichever thread asks first.
    /// Each passage's answers remembered in [`Ends`] are the functions they
    /// stand for, asked twice (computed, then remembered) and in both
    /// orders, each answer beside the others in its bits; some passages end
    /// a sentence and some do not.
    #[test]
    fn remembered_ends_are_computed_ones() {
        let corpus = crate::sources::load(&[PathBuf::from("seeds")], Default::default()).unwrap();
        let index = Index::build(&corpus);
        let ends = Ends::new(&index);
        let n = index.len();
        let (mut yes, mut no) = (0, 0);
        for order in [(0..n).collect::<Vec<_>>(), (0..n).rev().collect()] {
            for &p in &order {
                let pp = &index.passages[p];
                let want = crate::segment::ends_sentence(&corpus.sources[pp.source()].text[pp.start()..pp.end()]);
                assert_eq!(ends.ends_sentence(&corpus, &index, p), want, "passage {p}");
                assert_eq!(
                    ends.open(&corpus, &index, p),
                    ends_open(&corpus, &index, p),
                    "passage {p}"
                );
                assert_eq!(ends.ends_sentence(&corpus, &index, p), want, "passage {p}");
                if p + 1 < n && index.passages[p + 1].source() == pp.source() {
                    assert_eq!(
                        ends.joins(&index, p),
                        crate::retrieve::joins_across(&index, p),
                        "passage {p}"
                    );
                }
                if want {
                    yes += 1;
                } else {
                    no += 1;
                }
            }
        }
        assert!(yes > 0 && no > 0, "{yes} {no}");
    }

    #[test]
    fn passage_ids_follow_their_keys() {
        let (corpus, index, _) = repeated();
        let key = |p: usize| {
            let mut k = Vec::new();
            let pp = &index.passages[p];
            Tokens::judging_key(&index.analyzed[pp.source()].tokens, pp.tokens(), &mut k);
            k
        };
        let ends = Ends::new(&index);
        let n = index.len();
        let ids: Vec<Vec<u32>> = [0, 1]
            .into_par_iter()
            .map(|t| {
                let mut scratch = Vec::new();
                // One thread asks from the first passage, the other from the last.
                let order: Vec<usize> = if t == 0 {
                    (0..n).collect()
                } else {
                    (0..n).rev().collect()
                };
                let mut got = vec![0; n];
                for p in order {
                    got[p] = ends.id(&index, p, Tokens::judging_key, &mut scratch);
                }
                got
            })
            .collect();
        assert_eq!(ids[0], ids[1]);
        let mut repeats = 0;
        for a in 0..n {
            for b in 0..n {
                assert_eq!(ids[0][a] == ids[0][b], key(a) == key(b), "passages {a} and {b}");
                repeats += usize::from(a != b && key(a) == key(b));
            }
        }
        assert!(repeats > 0);
        let _ = corpus;
    }

    /// The claims files whose wordings the bound and slot tests read against
    /// every seed passage and window.
    const SLOT_FILES: &[&str] = &[
        "claims/example.yaml",
        "tests/data/gold/seeds-tune.yaml",
        "tests/data/gold/seeds-tune2.yaml",
        "tests/data/gold/english-tune.yaml",
    ];

    #[test]
    fn spans_skipped_as_silent_are_silent() {
        let (index, wordings) = seed_wordings(SLOT_FILES);
        let opts = Options::default();
        let all = every_span(&index, &opts);
        let (mut skipped, mut judged, mut lifted, mut by_slot) = (0, 0, 0, 0);
        for (w, q) in &wordings {
            let mut silence = Silence::new(q, &opts.antonyms, &opts.thresholds).unwrap();
            silence.slots = Silence::slots_decide(q, &crate::stance::without_synonyms(q), &opts.antonyms);
            let mut matcher = Matcher::new(q);
            for &(a, b) in &all {
                let terms = index.span_terms(a, b);
                let al = matcher.align(&terms);
                if silence.silent(q, &terms, &al) {
                    skipped += 1;
                    // Skipped only because, aligned under every support and
                    // mention threshold, it could at most contradict.
                    let present = silence.present(&terms);
                    if silence.bound(q, &al, Some(&present), None) >= opts.thresholds.mention {
                        lifted += 1;
                    }
                    // Or only because no other place stands in the slot of
                    // a place the span lacks.
                    if silence.bound(q, &al, Some(&present), None) >= silence.need(al.score) {
                        by_slot += 1;
                    }
                    let j = crate::stance::judge(q, &terms, &al, &opts.antonyms, &opts.thresholds);
                    assert_eq!(j.stance, None, "{w}: passages {a}-{b}");
                } else {
                    judged += 1;
                }
            }
        }
        // Most spans are skipped, and some are not; some only by the
        // contradiction threshold, some only by the place's slot.
        assert!(
            skipped > 10 * judged && judged > 100 && lifted > 0 && by_slot > 0,
            "{skipped} skipped, {judged} judged, {lifted} by the contradiction threshold, {by_slot} by the slot"
        );
    }

    /// Seeds 002 line 49 ("الرئيس الحالي دونالد ترامب العائد للبيت
    /// الأبيض") against "Donald Trump is the current occupant of the White
    /// House." (supports, 0.70, "occupant" not met) and its Arabic wording
    /// "دونالد ترامب هو سيد البيت الأبيض حاليا" (mentions, 0.72: سيد not
    /// met, just under the support share): the span supports the claim.
    #[test]
    fn a_wording_that_decides_beats_one_that_mentions() {
        let j = |stance: Option<Stance>, score: f64| Judgement {
            stance,
            score,
            reasons: Vec::new(),
        };
        let (supports, mentions) = (j(Some(Stance::Supports), 0.70), j(Some(Stance::Mentions), 0.72));
        assert!(better(&supports, &mentions) && !better(&mentions, &supports));
        // Trap: between decided wordings the score still decides, and a
        // contradiction wins a tie.
        let contradicts = j(Some(Stance::Contradicts), 0.65);
        assert!(better(&supports, &contradicts) && !better(&contradicts, &supports));
        assert!(better(&j(Some(Stance::Contradicts), 0.70), &supports));
        assert!(better(&j(Some(Stance::Mentions), 0.8), &mentions));
    }

    /// [`crate::stance::entities::may_conflict`] is `false` only where
    /// `entities::conflict` finds nothing: every place unit of the wordings
    /// of four claims files against every seed passage and window; the rule
    /// finds some places and the test rules some spans out.
    #[test]
    fn places_outside_the_slot_never_conflict() {
        use crate::stance::entities;
        let (index, wordings) = seed_wordings(SLOT_FILES);
        let opts = Options::default();
        let all = every_span(&index, &opts);
        let (mut found, mut ruled_out) = (0, 0);
        for (w, q) in &wordings {
            let places: Vec<usize> = (0..q.units.len()).filter(|&ui| q.units[ui].place.is_some()).collect();
            if places.is_empty() {
                continue;
            }
            let mut matcher = Matcher::new(q);
            for &(a, b) in &all {
                let terms = index.span_terms(a, b);
                let al = matcher.align(&terms);
                for &ui in &places {
                    let may = entities::may_conflict(ui, &terms, &al);
                    if entities::conflict(q, ui, &terms, &al).is_some() {
                        assert!(may, "{w}: unit {ui}, passages {a}-{b}");
                        found += 1;
                    } else if !may && terms.iter().any(|t| word_kinds(t).place) {
                        ruled_out += 1;
                    }
                }
            }
        }
        assert!(found > 0 && ruled_out > 0, "{found} found, {ruled_out} ruled out");
    }

    /// A sentence that extraction broke into three lines (seeds 003, lines
    /// 63-66: the army in the first piece, the officers in the second, the
    /// year-long programme in the third) is judged whole; the same words in
    /// three finished sentences are not joined.
    #[test]
    fn a_sentence_broken_twice_is_judged_whole() {
        let broken = "كما سبق أن استضاف الجيش الإسرائيلي وحدة كوماندوز مغربية في تدريبات\n\
                      وفي الشهر الماضي استضاف أيضا ضباطا مغربيين سامين للاتفاق على برنامج عمل\n\n\
                      مشترك لمدة عام كامل.\n";
        let finished = broken.replace("تدريبات\n", "تدريبات.\n").replace("عمل\n", "عمل.\n");
        let other = "زار وفد عسكري فرنسي العاصمة المغربية لبحث التعاون.\nنص آخر عن الطقس.\n";
        let claim = "استضاف الجيش الإسرائيلي ضباطا مغربيين سامين للاتفاق على برنامج عمل مشترك لمدة عام كامل";
        for (text, whole) in [(broken, true), (finished.as_str(), false)] {
            let corpus = Corpus::of_texts(&[text, other]);
            let index = Index::build(&corpus);
            let q = [Query::new(claim, &Glossary::default(), &index)];
            for opts in [
                Options::default(),
                Options {
                    retrieval: Retrieval::Exhaustive,
                    ..Options::default()
                },
            ] {
                let judged = source_judgements(&q, &corpus, &index, &opts).unwrap();
                let list = &judged[&0];
                let three = |j: &Judged| j.start == index.passages[0].start() && j.end == index.passages[2].end();
                assert_eq!(list.iter().any(three), whole, "{text}: {list:?}");
                let supports = list.iter().any(|j| j.judgement.stance == Some(Stance::Supports));
                assert_eq!(supports, whole, "{text}: {list:?}");
            }
        }
    }

    #[test]
    fn a_window_reads_a_negation_in_its_own_sentence() {
        // Generated archive (session 16, claim c0551): the refusal of one
        // sentence is no refusal of the apology the claim tells of, met in
        // the next sentence of the line. Where a line break alone ends the
        // first passage (PDF text), the two are one sentence and the
        // refusal reaches on.
        let claim = "تعتذر مجددا عن تغريدة عنصرية وصفت";
        let line = "الرئيس الفلسطيني يرفض الإعتذار بعد تصريحاته عن محارق اليهود. وقف المسلسل الأمريكي الكوميديروزان إثر تغريدة عنصرية عن مساعدة أوباما.\n";
        let broken = line.replace("اليهود. ", "اليهود\n");
        let other = "نص آخر عن الطقس.\nوصفت الصحيفة الطقس.\nعاد الطقس مجددا.\nوصفت الحكومة القرار مجددا.\n";
        for (text, contradicts) in [(line, false), (broken.as_str(), true)] {
            let corpus = Corpus::of_texts(&[text, other]);
            let index = Index::build(&corpus);
            let q = [Query::new(claim, &Glossary::default(), &index)];
            for opts in [
                Options::default(),
                Options {
                    retrieval: Retrieval::Exhaustive,
                    ..Options::default()
                },
            ] {
                let judged = source_judgements(&q, &corpus, &index, &opts).unwrap();
                let list = judged.get(&0).cloned().unwrap_or_default();
                let found = list.iter().any(|j| j.judgement.stance == Some(Stance::Contradicts));
                assert_eq!(found, contradicts, "{text}: {list:?}");
            }
        }
    }

    #[test]
    fn a_name_missing_from_a_passage_is_completed_by_its_neighbour() {
        let corpus = crate::sources::load(&[PathBuf::from("seeds")], Default::default()).unwrap();
        let index = Index::build(&corpus);
        let s003 = corpus.sources.iter().position(|s| s.id.starts_with("003")).unwrap();
        let supports = |claim: &str| {
            let q = [Query::new(claim, &Glossary::default(), &index)];
            let judged = source_judgements(&q, &corpus, &index, &Options::default()).unwrap();
            judged
                .get(&s003)
                .is_some_and(|l| l.iter().any(|j| j.judgement.stance == Some(Stance::Supports)))
        };
        // Seeds 003 lines 42-43: "بين الطرفين" in the first line; Israel is
        // named in the next.
        assert!(supports(
            "أدى اللوبي اليهودي الموجود في المغرب دورا مهما في تطوير العلاقات المغربية الإسرائيلية"
        ));
        // Trap: the neighbour names Israel, but the window lacks a weighty
        // word of the claim (seeds 003 lines 77-78: Barak 8 is made by
        // "الصناعات الجوية", not Rafael).
        assert!(!supports(
            "منظومة الدفاع الجوي براك 8 التي اقتناها المغرب من إنتاج شركة رافائيل الإسرائيلية"
        ));
    }

    /// The window bound is never below what `judge` gives a window: on
    /// every window of two passages of the seeds, against every wording of
    /// the example and tuning claims, a window judged non-silent with score
    /// `s` is one the bound says may count above any floor under `s` times
    /// [`WINDOW_FACTOR`]; and the bound leaves most windows out.
    #[test]
    fn window_bound_is_above_every_judgement() {
        let (index, wordings) = seed_wordings(&[
            "claims/example.yaml",
            "tests/data/gold/seeds-tune.yaml",
            "tests/data/gold/english-tune.yaml",
        ]);
        let opts = Options::default();
        let all = every_span(&index, &opts);
        let (mut left_out, mut counted) = (0, 0);
        for (w, q) in &wordings {
            let plain = crate::stance::without_synonyms(q);
            let mut wording = [Wording {
                query: q,
                matcher: Matcher::new(q),
                silence: Silence::new(q, &opts.antonyms, &opts.thresholds),
                plain: &plain,
                prepared: None,
                lexicon: &opts.antonyms,
            }];
            let ends = Ends::new(&index);
            let mut memo = SpanMemo::new(Tokens::judging_key, &ends, &wording);
            let mut full = Matcher::new(q);
            for &(a, b) in all.iter().filter(|(a, b)| a != b) {
                let terms = index.span_terms(a, b);
                let al = full.align(&terms);
                let j = crate::stance::judge(q, &terms, &al, &opts.antonyms, &opts.thresholds);
                if j.stance.is_some() {
                    counted += 1;
                    let floor = j.score * WINDOW_FACTOR - 1e-12;
                    assert!(
                        window_may_count(&mut wording, &mut memo, &index, a, b, floor),
                        "{w}: passages {a}-{b} score {}",
                        j.score
                    );
                } else if !window_may_count(&mut wording, &mut memo, &index, a, b, f64::NEG_INFINITY) {
                    left_out += 1;
                }
            }
        }
        assert!(
            left_out > 10 * counted && counted > 50,
            "{left_out} left out, {counted} counted"
        );
    }

    /// A corpus whose passages repeat across sources, some with the same
    /// words but another clause break (a comma) or another number value (a
    /// number in words continued on the next line), and claims about them.
    fn repeated() -> (Corpus, Index, Vec<Vec<Query>>) {
        let buy = "اشترى المغرب منظومة باتريوت الأمريكية الجديدة.";
        let deny = "لم يشتر المغرب منظومة باتريوت الأمريكية الجديدة.";
        let deny_cut = "لم، يشتر المغرب منظومة باتريوت الأمريكية الجديدة.";
        let deal = "وقال الوزير إن قيمة الصفقة بلغت ثلاثين";
        let refuse = "رفضت الجزائر العرض الروسي الجديد للطائرات.";
        let texts = [
            format!("{buy}\n{refuse}\n{deal}\nألف دولار أمريكي.\n"),
            format!("{deny}\n{deal}.\n{buy}\n{refuse}\n"),
            format!("{deny_cut}\n{deal}\nألف دولار أمريكي.\n{refuse}\n{buy}\n"),
            format!("{refuse}\n{buy}\nقال المسؤول إن منظومة\nباتريوت وصلت.\n{deal}.\n"),
            format!("{deal}.\n{deny}\n{refuse}\n{deny_cut}\n"),
            format!("{buy}\n{deal}\nألف دولار.\n{deny}\n"),
        ];
        let corpus = Corpus::of_texts(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let index = Index::build(&corpus);
        let g = Glossary::default();
        let claims = [
            vec!["اشترى المغرب منظومة باتريوت الأمريكية"],
            vec!["بلغت قيمة الصفقة ثلاثين ألف دولار"],
            vec!["بلغت قيمة الصفقة ثلاثين دولار", "قال الوزير إن الصفقة بلغت ثلاثين"],
            vec!["رفضت الجزائر العرض الروسي للطائرات"],
            vec!["المسؤول قال إن منظومة باتريوت وصلت"],
        ];
        let queries = claims
            .iter()
            .map(|c| c.iter().map(|w| Query::new(w, &g, &index)).collect())
            .collect();
        (corpus, index, queries)
    }

    /// A key of the words alone, without the clause breaks and number
    /// values that depend on the text around them.
    fn words_only(tokens: &Tokens, range: std::ops::Range<usize>, out: &mut Vec<u32>) {
        out.extend(range.map(|i| tokens.get(i).norm().index()));
    }

    /// A span remembered by its key whole is numbered by the key: equal
    /// keys, one number; another key, another. An entry of the memo is a
    /// key of 16 bytes and a number (the judgements kept apart).
    #[test]
    fn whole_keys_are_numbered_by_their_content() {
        let (_, index, _) = repeated();
        let ends = Ends::new(&index);
        let mut memo = SpanMemo::new(Tokens::judging_key, &ends, &[]);
        let key_of = |memo: &mut SpanMemo, k: &[u32]| {
            memo.key = k.to_vec();
            memo.whole()
        };
        let a = key_of(&mut memo, &[1, 2, 3, 4]);
        let b = key_of(&mut memo, &[1, 2, 3]);
        assert_ne!(a, b);
        assert_eq!(key_of(&mut memo, &[1, 2, 3, 4]), a);
        assert_eq!(key_of(&mut memo, &[1, 2, 3]), b);
        assert_eq!(memo.wholes.len(), 2);
        assert_ne!(a, SpanKey::Ids([0, 1, u32::MAX]));
        assert_eq!(std::mem::size_of::<(SpanKey, u32)>(), 20);
    }

    /// Remembering spans by their judging key, and skipping windows by the
    /// reach bound, gives the judgements of judging every span in full; a
    /// key of the words alone would not (the test can fail).
    #[test]
    fn remembered_spans_are_judged_as_in_full() {
        let (corpus, index, claims) = repeated();
        let opts = Options::default();
        let mut differs_by_words_only = 0;
        let mut windows_counted = 0;
        for (i, queries) in claims.iter().enumerate() {
            let full = judge_spans(queries, &corpus, &index, &opts, None, &Ends::new(&index)).unwrap();
            let memo = judge_spans(
                queries,
                &corpus,
                &index,
                &opts,
                Some(Tokens::judging_key),
                &Ends::new(&index),
            )
            .unwrap();
            assert_eq!(memo, full, "claim {i}");
            assert!(!full.is_empty(), "claim {i} finds something");
            for (&si, list) in &full {
                let single = |j: &&Judged| {
                    index.analyzed[si]
                        .passages
                        .clone()
                        .any(|p| index.passages[p].start() == j.start && index.passages[p].end() == j.end)
                };
                windows_counted += list.iter().filter(|j| !single(j)).count();
            }
            let weak = judge_spans(queries, &corpus, &index, &opts, Some(words_only), &Ends::new(&index)).unwrap();
            if weak != full {
                differs_by_words_only += 1;
            }
        }
        assert!(windows_counted > 0, "some window of two counts");
        assert!(differs_by_words_only >= 2, "{differs_by_words_only}");
    }

    /// Spans that only a rule's reason (a number, an ordinal) lifts to the
    /// mention share (the alignment alone carries less of the claim) are not
    /// skipped.
    #[test]
    fn spans_lifted_by_a_reason_are_not_skipped() {
        let corpus = crate::sources::load(&[PathBuf::from("seeds")], Default::default()).unwrap();
        let index = Index::build(&corpus);
        let opts = Options::default();
        for (claim, passage) in [
            ("وصلت قيمة الصفقة 48 مليون دولار", "وصلت 100 مليون دولار"),
            ("المغرب ثالث بلد عربي يطبع", "رابع بلد عربي"),
            ("كان المغرب ثالث بلد", "رابع بلد"),
        ] {
            let q = Query::new(claim, &Glossary::default(), &index);
            let terms = Term::analyze(passage, &Default::default());
            let al = crate::matching::align(&q, &terms);
            let j = crate::stance::judge(&q, &terms, &al, &opts.antonyms, &opts.thresholds);
            assert!(al.score < opts.thresholds.mention, "{claim}: {}", al.score);
            assert_eq!(j.stance, Some(Stance::Contradicts), "{claim}");
            let mut silence = Silence::new(&q, &opts.antonyms, &opts.thresholds).unwrap();
            assert!(!silence.silent(&q, &terms, &al), "{claim}");
        }
    }

    /// Claim by claim, `check_each` hands over the claims `check` reports,
    /// in file order, with one thread and with several; an error of the
    /// receiver stops the run and is returned.
    #[test]
    fn claims_are_handed_over_in_file_order() {
        let corpus = crate::sources::load(&[PathBuf::from("seeds")], Default::default()).unwrap();
        let index = Index::build(&corpus);
        let files: Vec<ClaimsFile> = ["tests/data/gold/seeds-tune.yaml", "claims/example.yaml"]
            .iter()
            .map(|p| crate::claims::load(std::path::Path::new(p)).unwrap())
            .collect();
        let whole = check(&files, &corpus, &index, &Options::default());
        for threads in [1, 2, 5] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut got = Vec::new();
            let done: Result<(), ()> = pool.install(|| {
                check_each(&files, &corpus, &index, &Options::default(), |c| {
                    got.push(c);
                    Ok(())
                })
            });
            assert_eq!(done, Ok(()));
            assert_eq!(got, whole.claims, "{threads} threads");
            let mut seen = 0;
            let stopped = pool.install(|| {
                check_each(&files, &corpus, &index, &Options::default(), |_| {
                    seen += 1;
                    if seen == 3 {
                        Err("full")
                    } else {
                        Ok(())
                    }
                })
            });
            assert_eq!(stopped, Err("full"));
            assert_eq!(seen, 3);
        }
    }

    /// The report shares what its evidence repeats: one copy (per worker
    /// thread) of each source id, passage text, reason list and term list,
    /// whichever claim shows it.
    #[test]
    fn reports_share_repeated_evidence() {
        let corpus = crate::sources::load(&[PathBuf::from("seeds")], Default::default()).unwrap();
        let index = Index::build(&corpus);
        let file = crate::claims::load(std::path::Path::new("tests/data/gold/seeds-tune.yaml")).unwrap();
        // One thread: each worker thread keeps its own copies.
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let report = pool.install(|| check(&[file], &corpus, &index, &Options::default()));
        let stances: Vec<&SourceStance> = report.claims.iter().flat_map(|c| &c.sources).collect();
        let evidence: Vec<&Evidence> = stances.iter().flat_map(|s| &s.evidence).collect();
        let (mut ids, mut texts, mut reasons, mut terms) = (0, 0, 0, 0);
        for (i, a) in stances.iter().enumerate() {
            for b in &stances[i + 1..] {
                if a.source == b.source {
                    assert!(std::sync::Arc::ptr_eq(&a.source, &b.source));
                    ids += 1;
                }
            }
        }
        for (i, a) in evidence.iter().enumerate() {
            for b in &evidence[i + 1..] {
                if a.text == b.text {
                    assert!(std::sync::Arc::ptr_eq(&a.text, &b.text));
                    texts += 1;
                }
                if a.reasons == b.reasons && !a.reasons.is_empty() {
                    assert!(std::sync::Arc::ptr_eq(&a.reasons, &b.reasons));
                    reasons += 1;
                }
                if a.terms == b.terms && !a.terms.is_empty() {
                    assert!(std::sync::Arc::ptr_eq(&a.terms, &b.terms));
                    terms += 1;
                }
                for (x, y) in a.terms.iter().zip(b.terms.iter()) {
                    if x.source == y.source {
                        assert!(std::sync::Arc::ptr_eq(&x.source, &y.source));
                    }
                }
            }
        }
        // The gold file's claims meet the same sources and passages.
        assert!(ids > 0 && texts > 0, "{ids} {texts} {reasons} {terms}");
    }
}
