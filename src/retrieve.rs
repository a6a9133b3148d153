//! Candidate retrieval: which passages and windows of two a claim is judged on.
//!
//! This module owns choosing, from the postings of the [`Index`], the spans
//! worth judging, without changing any judgement. A passage is silent when the
//! claim's units it carries (or could contradict) weigh less than
//! [`Thresholds::mention`] of the claim; so each unit gets the index keys of
//! every way [`crate::matching::token_match`] can meet a word (stem, fuzzy
//! neighbours, transliterations, clitic variants, verb keys), and a span is
//! judged only if the weights of the units it may carry reach the mention
//! threshold. Units that can count without matching (numbers, ordinals,
//! places, words with antonyms, see [`crate::stance::judge`]) are counted as
//! carried everywhere. Enumeration follows MaxScore: the most common units
//! whose weights together cannot reach the threshold are only checked
//! (binary search in their postings) on passages that a rarer unit already
//! hit, so a claim never walks the postings of its common words.
//! [`Retrieval::Exhaustive`] judges every passage and window instead, in
//! full; tests compare the two.

use crate::index::{is_fragment, Index, List, Probe, Term};
use crate::matching::{Query, UnitKind};
use crate::normalize::is_number;
use crate::stance::antonyms::Antonyms;
use crate::stance::Thresholds;
use crate::stem::{root_key, stem};
use crate::sym::{Form, FxHashMap, Sym};
use std::collections::{BTreeSet, HashSet};

/// How candidate spans are chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Retrieval {
    /// Through the postings, with the weight bound (the default).
    #[default]
    Indexed,
    /// Every passage and every window of two, each judged in full: no
    /// remembered spans and no window bound either (see [`crate::check`];
    /// the reference for tests and measurements).
    Exhaustive,
}

/// Key of a verb key in [`Index::variants`].
fn root_variant(root: &str) -> String {
    format!("r\u{1}{root}")
}

/// Key of a word written with a leading clitic, by the stem of the rest.
fn clitic_variant(rest_stem: &str) -> String {
    format!("c\u{1}{rest_stem}")
}

/// The keys of a passage word in [`Index::variants`]: its verb key, and the
/// stem without a leading clitic letter.
fn term_variants(norm: &str, stem_: &str, out: &mut Vec<String>) {
    if let Some(r) = root_key(stem_) {
        out.push(root_variant(&r));
    }
    if let Some(bare) = crate::stem::bare_stem(norm) {
        out.push(clitic_variant(&bare));
    }
}

/// The variant keys a passage is indexed under (see [`Index::variants`]),
/// for its words and the joined pairs around short fragments (sorted by
/// address, unique; the keys of [`term_variants`], computed once per word).
pub fn passage_variants(terms: &[Term]) -> Vec<Sym> {
    let mut out = Vec::new();
    let mut push = |f: &Form| {
        out.extend(f.root_variant);
        out.extend(f.clitic_variant);
    };
    for t in terms {
        push(t.norm.form());
    }
    for w in terms.windows(2) {
        if is_fragment(&w[0].norm) || is_fragment(&w[1].norm) {
            push(Sym::new(&format!("{}{}", w[0].norm, w[1].norm)).form());
        }
    }
    out.sort_unstable_by_key(Sym::id);
    out.dedup();
    out
}

/// What retrieval knows of one unit of a query.
struct UnitKeys<'a> {
    weight: f64,
    /// Counted as carried by every span.
    always: bool,
    /// Posting lists of its keys.
    lists: Vec<List<'a>>,
    /// Its plain keys (stems) and variant keys, for words joined across a
    /// window's boundary.
    plain: HashSet<String>,
    variants: HashSet<String>,
}

impl UnitKeys<'_> {
    fn size(&self) -> usize {
        self.lists.iter().map(|l| l.len()).sum()
    }

    /// Whether a word could meet this unit (the keys of `token_match`).
    fn meets(&self, norm: &str, stem_: &str) -> bool {
        if self.plain.contains(stem_) {
            return true;
        }
        let mut v = Vec::new();
        term_variants(norm, stem_, &mut v);
        v.iter().any(|k| self.variants.contains(k))
    }
}

/// Whether a unit may count as carried without being matched: a number, an
/// ordinal, a place, or a word with antonyms (the reasons of
/// [`crate::stance::judge`]).
fn may_explain(q: &Query, ui: usize, antonyms: &Antonyms) -> bool {
    let u = &q.units[ui];
    let norm = &q.tokens[u.at].norm;
    u.kind == UnitKind::Number
        || u.place.is_some()
        || crate::stance::quantities::ordinal(norm).is_some()
        || !crate::stance::antonyms::unit_opposites(q, ui, antonyms).0.is_empty()
}

fn unit_keys<'a>(q: &Query, ui: usize, index: &'a Index, antonyms: &Antonyms) -> UnitKeys<'a> {
    let u = &q.units[ui];
    let mut plain: HashSet<String> = HashSet::new();
    let mut variants: HashSet<String> = HashSet::new();
    let mut always = may_explain(q, ui, antonyms);
    for p in &u.phrases {
        // A phrase matches only if all its tokens do: the keys of all of them
        // are a superset; a phrase of numbers only is always possible.
        if p.tokens.iter().all(|t| is_number(&t.norm)) {
            always = true;
        }
        for t in &p.tokens {
            plain.insert(t.stem.clone());
            if is_number(&t.norm) {
                continue;
            }
            match &t.near {
                Some(near) => plain.extend(near.keys().cloned()),
                // Fuzzy distance computed on demand: any word may meet it.
                None => always = true,
            }
            if let Some(names) = &t.names {
                plain.extend(names.iter().map(|n| stem(n)));
            }
            match &t.derived {
                Some(derived) => plain.extend(derived.iter().map(|n| stem(n))),
                // Derivations compared on demand: any word may meet it.
                None if t.deriv.is_some() => always = true,
                None => {}
            }
            if let Some(bare) = crate::stem::bare_stem(&t.norm) {
                plain.insert(bare);
            }
            if let Some(r) = &t.root {
                variants.insert(root_variant(r));
            }
            variants.insert(clitic_variant(&t.stem));
        }
    }
    // A class word or an approximator is carried by its instance (see
    // `Unit::class_of`): wherever the instance may be.
    if let Some(k) = u.class_of.filter(|&k| k != ui) {
        let instance = unit_keys(q, k, index, antonyms);
        always |= instance.always;
        plain.extend(instance.plain);
        variants.extend(instance.variants);
    }
    let mut lists: Vec<List> = Vec::new();
    for k in &plain {
        if let Some(l) = index.postings.get(k) {
            lists.push(l);
        }
    }
    for k in &variants {
        if let Some(l) = index.variants.get(k) {
            lists.push(l);
        }
    }
    UnitKeys {
        weight: u.weight,
        always,
        lists,
        plain,
        variants,
    }
}

/// Whether a passage ends without a sentence mark (see
/// `check::ends_open`): a window of three needs its first two so.
pub type Open<'a> = &'a dyn Fn(usize) -> bool;

/// Whether a word may be joined across the boundary of passages `p` and
/// `p + 1` ([`joins_across`], which a caller may remember).
pub type Joins<'a> = &'a dyn Fn(usize) -> bool;

/// Whether passages `a` and `a + 1` (of one source) both hold words and
/// the last word of one or the first of the other is a fragment: only then
/// is a word joined across their boundary (a word broken by extraction).
pub fn joins_across(index: &Index, a: usize) -> bool {
    let (pa, pb) = (&index.passages[a], &index.passages[a + 1]);
    if pa.tokens().is_empty() || pb.tokens().is_empty() {
        return false;
    }
    // `Form::fragment` is `is_fragment` of the word, computed once.
    let x = index.analyzed[pa.source()].tokens.norm_at(pa.tokens().end - 1);
    let y = index.analyzed[pb.source()].tokens.norm_at(pb.tokens().start);
    x.form().fragment || y.form().fragment
}

/// The spans (first and last passage, inclusive; `a == b`, `b == a + 1`
/// or, for a sentence broken twice by extraction, `b == a + 2` where
/// passages `a` and `a + 1` are `open`, inside one source) that may not be
/// silent for one of the wordings, in increasing order, each once.
pub fn spans(
    queries: &[Query],
    index: &Index,
    thresholds: &Thresholds,
    antonyms: &Antonyms,
    mode: Retrieval,
    open: Open,
    joins: Joins,
) -> Vec<(usize, usize)> {
    if mode == Retrieval::Exhaustive {
        let mut out = BTreeSet::new();
        for a in &index.analyzed {
            for p in a.passages.clone() {
                out.insert((p, p));
                if p + 1 < a.passages.end {
                    out.insert((p, p + 1));
                }
                if p + 2 < a.passages.end && open(p) && open(p + 1) {
                    out.insert((p, p + 2));
                }
            }
        }
        return out.into_iter().collect();
    }
    // Gathered in per-passage bits of the thread (the windows around each
    // candidate are tested for membership as they are made), then read
    // back in order.
    let mut scratch = SCRATCH.take();
    scratch.fit(index.len());
    for q in queries {
        let Scratch { masks, named, out } = &mut scratch;
        query_spans(q, index, thresholds, antonyms, open, joins, masks, named, out);
    }
    let sorted = scratch.out.drain();
    SCRATCH.set(scratch);
    sorted
}

/// What retrieval writes per passage, kept by each thread across calls
/// (as long as the index; all zero between calls).
#[derive(Debug, Default)]
struct Scratch {
    /// Per passage, the essential units of one wording that name it.
    masks: Masks,
    /// One bit per passage: some essential unit names it.
    named: Vec<u64>,
    /// The spans found.
    out: SpanSet,
}

impl Scratch {
    /// Room for `n` passages.
    fn fit(&mut self, n: usize) {
        if self.masks.narrow.len() < n {
            *self = Scratch {
                masks: Masks {
                    narrow: vec![0; n],
                    ..Masks::default()
                },
                named: vec![0; n.div_ceil(64)],
                out: SpanSet {
                    at: vec![0; n],
                    starts: vec![0; n.div_ceil(64)],
                },
            };
        }
    }
}

/// Per passage, the essential units of one wording that name it
/// ([`query_spans`]), kept by each thread for the run: two bytes a passage,
/// each bit an essential unit by its position among them (a wording has few
/// essential units); a wording with more than 16 takes whole masks made for
/// its call (`wide`, dropped after it).
#[derive(Debug)]
struct Masks {
    narrow: Vec<u16>,
    wide: Vec<u64>,
    /// The essential units, by position.
    units: Vec<usize>,
    /// Each unit's position among them.
    bit: [u8; 64],
}

impl Default for Masks {
    fn default() -> Masks {
        Masks {
            narrow: Vec::new(),
            wide: Vec::new(),
            units: Vec::new(),
            bit: [0; 64],
        }
    }
}

impl Masks {
    /// Ready for a wording whose essential units are `units`, over `n`
    /// passages (all zero).
    fn begin(&mut self, units: &[usize], n: usize) {
        self.units.clear();
        self.units.extend_from_slice(units);
        for (k, &i) in units.iter().enumerate() {
            self.bit[i] = k as u8;
        }
        if units.len() > 16 {
            self.wide = vec![0; n];
        }
    }

    /// Adds unit `i` (essential) to passage `p`'s mask.
    fn add(&mut self, p: usize, i: usize) {
        if self.wide.is_empty() {
            self.narrow[p] |= 1 << self.bit[i];
        } else {
            self.wide[p] |= 1 << i;
        }
    }

    /// Passage `p`'s mask, by unit.
    fn get(&self, p: usize) -> u64 {
        if !self.wide.is_empty() {
            return self.wide[p];
        }
        let mut bits = self.narrow[p];
        let mut m = 0;
        while bits != 0 {
            m |= 1 << self.units[bits.trailing_zeros() as usize];
            bits &= bits - 1;
        }
        m
    }

    /// Zero again at `passages`, the passages given a unit; the call's whole
    /// masks dropped.
    fn end(&mut self, passages: &[usize]) {
        for &p in passages {
            self.narrow[p] = 0;
        }
        self.wide = Vec::new();
    }
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// A set of spans `(a, b)` with `b - a < 3`, as bits per first passage:
/// membership and insertion touch the passage's own byte, and the set
/// reads back in order.
#[derive(Debug, Default)]
struct SpanSet {
    /// Per passage `a`: bit `k` for the span `(a, a + k)`.
    at: Vec<u8>,
    /// One bit per passage: some span begins there.
    starts: Vec<u64>,
}

impl SpanSet {
    fn contains(&self, (a, b): (usize, usize)) -> bool {
        self.at[a] & (1 << (b - a)) != 0
    }

    fn insert(&mut self, (a, b): (usize, usize)) {
        debug_assert!(b >= a && b - a < 3);
        if self.at[a] == 0 {
            self.starts[a / 64] |= 1 << (a % 64);
        }
        self.at[a] |= 1 << (b - a);
    }

    /// The spans in order; the set is left empty.
    fn drain(&mut self) -> Vec<(usize, usize)> {
        // Sized exactly: the list lives while the claim is judged.
        let starts = take_ones(&mut self.starts);
        let mut out = Vec::with_capacity(starts.iter().map(|&a| self.at[a].count_ones() as usize).sum());
        for a in starts {
            for k in 0..3 {
                if self.at[a] & (1 << k) != 0 {
                    out.push((a, a + k));
                }
            }
            self.at[a] = 0;
        }
        out
    }
}

/// The positions of the set bits of `bits`, in increasing order; `bits`
/// is left zero.
fn take_ones(bits: &mut [u64]) -> Vec<usize> {
    let mut out = Vec::new();
    for (w, word) in bits.iter_mut().enumerate() {
        let mut x = std::mem::take(word);
        while x != 0 {
            out.push(w * 64 + x.trailing_zeros() as usize);
            x &= x - 1;
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn query_spans(
    q: &Query,
    index: &Index,
    thresholds: &Thresholds,
    antonyms: &Antonyms,
    open: Open,
    joins: Joins,
    found: &mut Masks,
    named: &mut [u64],
    out: &mut SpanSet,
) {
    if q.units.is_empty() || q.units.len() > 64 {
        // No units: always silent. More than 64: no masks; judge the spans
        // around every passage any unit names.
        if !q.units.is_empty() {
            let units: Vec<UnitKeys> = (0..q.units.len()).map(|u| unit_keys(q, u, index, antonyms)).collect();
            let hits: BTreeSet<u32> = units
                .iter()
                .flat_map(|u| u.lists.iter().flat_map(|l| l.iter()))
                .collect();
            for p in hits {
                push_windows(index, p as usize, open, out);
            }
        }
        return;
    }
    let units: Vec<UnitKeys> = (0..q.units.len()).map(|u| unit_keys(q, u, index, antonyms)).collect();
    let total: f64 = units.iter().map(|u| u.weight).sum();
    let need = thresholds.mention * total - 1e-9 * total.max(1.0);
    let always: f64 = units.iter().filter(|u| u.always).map(|u| u.weight).sum();
    // The units not counted everywhere, as bits; a mask's bound reads only
    // its set bits (in increasing order, as a walk over the units would).
    let counted: u64 = units
        .iter()
        .enumerate()
        .filter(|(_, u)| !u.always)
        .fold(0, |m, (i, _)| m | 1 << i);
    let bound = |mask: u64| -> f64 {
        let mut bits = mask & counted;
        always
            + std::iter::from_fn(|| {
                (bits != 0).then(|| {
                    let i = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    units[i].weight
                })
            })
            .sum::<f64>()
    };
    // MaxScore: the most common units whose weights (with those counted
    // everywhere) stay under the threshold need not be enumerated.
    let mut order: Vec<usize> = (0..units.len()).filter(|&i| !units[i].always).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(units[i].size()), i));
    let mut rest = always;
    let mut essential: Vec<usize> = Vec::new();
    let mut optional: Vec<usize> = Vec::new();
    for i in order {
        if rest + units[i].weight < need {
            rest += units[i].weight;
            optional.push(i);
        } else {
            essential.push(i);
        }
    }
    if always >= need {
        // Units counted everywhere reach the threshold alone: every passage
        // some unit names (and its neighbours) is judged.
        essential = (0..units.len()).collect();
        optional.clear();
    }
    // The essential units' masks, per passage of the thread's scratch
    // (cleared again below), and the passages they name in increasing
    // order: the windows around each are then read from nearby memory.
    found.begin(&essential, index.len());
    for &i in &essential {
        for l in &units[i].lists {
            for p in l.iter() {
                found.add(p as usize, i);
                named[p as usize / 64] |= 1 << (p % 64);
            }
        }
    }
    let passages = take_ones(named);
    // The optional units' lists are tested in about increasing passage
    // order (each passage, then its neighbours): probes keep a block decoded.
    let mut probes: Vec<(usize, Vec<Probe>)> = optional
        .iter()
        .map(|&i| (i, units[i].lists.iter().map(List::probe).collect()))
        .collect();
    let mut mask_of = |p: usize| -> u64 {
        let mut m = found.get(p);
        for (i, lists) in &mut probes {
            if lists.iter_mut().any(|l| l.contains(p as u32)) {
                m |= 1 << *i;
            }
        }
        m
    };
    // Each candidate passage, its neighbours and the windows around it.
    // Masks are remembered for the last passages asked: candidates come in
    // increasing order and read at most two passages either side, so eight
    // slots (by passage modulo 8) never forget one still asked.
    let mut recent = [(usize::MAX, 0u64); 8];
    let mut joined: FxHashMap<(u32, u32), u64> = FxHashMap::default();
    let mut mask = |p: usize| {
        let slot = &mut recent[p % 8];
        if slot.0 != p {
            *slot = (p, mask_of(p));
        }
        slot.1
    };
    for &p in &passages {
        let mp = mask(p);
        if bound(mp) >= need {
            out.insert((p, p));
        }
        let before = (p > 0 && index.same_source(p - 1, p)).then(|| (p - 1, p));
        let after = index.same_source(p, p + 1).then_some((p, p + 1));
        for (a, b) in before.into_iter().chain(after) {
            if out.contains((a, b)) {
                continue;
            }
            // The boundary can only add units (and the bound only grows).
            let m = mask(a) | mask(b);
            if bound(m) >= need || bound(m | boundary_mask(index, a, b, &units, joins, &mut joined)) >= need {
                out.insert((a, b));
            }
        }
        // Windows of three holding `p` (see `spans`).
        for a in p.saturating_sub(2)..=p {
            let c = a + 2;
            if !index.same_source(a, c) || out.contains((a, c)) || !open(a) || !open(a + 1) {
                continue;
            }
            let m = mask(a) | mask(a + 1) | mask(c);
            let across = |joined: &mut FxHashMap<(u32, u32), u64>| {
                boundary_mask(index, a, a + 1, &units, joins, joined)
                    | boundary_mask(index, a + 1, c, &units, joins, joined)
            };
            if bound(m) >= need || bound(m | across(&mut joined)) >= need {
                out.insert((a, c));
            }
        }
    }
    found.end(&passages);
}

/// The units a word joined across the boundary of passages `a` and `b`
/// (a word broken by extraction) could meet; remembered in `joins` by the
/// two words (the mask is a function of them).
fn boundary_mask(
    index: &Index,
    a: usize,
    b: usize,
    units: &[UnitKeys],
    joins: Joins,
    joined: &mut FxHashMap<(u32, u32), u64>,
) -> u64 {
    // Most boundaries join no word ([`joins_across`], remembered by the
    // caller): no passage read.
    if !joins(a) {
        return 0;
    }
    let (pa, pb) = (&index.passages[a], &index.passages[b]);
    // The last word of one and the first of the other, not every word.
    let x = index.analyzed[pa.source()].tokens.norm_at(pa.tokens().end - 1);
    let y = index.analyzed[pb.source()].tokens.norm_at(pb.tokens().start);
    *joined.entry((x.index(), y.index())).or_insert_with(|| {
        let joined = format!("{x}{y}");
        let s = stem(&joined);
        let mut m = 0;
        for (i, u) in units.iter().enumerate() {
            if u.meets(&joined, &s) {
                m |= 1 << i;
            }
        }
        m
    })
}

fn push_windows(index: &Index, p: usize, open: Open, out: &mut SpanSet) {
    out.insert((p, p));
    if index.same_source(p, p + 1) {
        out.insert((p, p + 1));
    }
    if p > 0 && index.same_source(p - 1, p) {
        out.insert((p - 1, p));
    }
    for a in p.saturating_sub(2)..=p {
        if index.same_source(a, a + 2) && open(a) && open(a + 1) {
            out.insert((a, a + 2));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_sets_read_back_in_order_and_empty() {
        let mut set = SpanSet {
            at: vec![0; 200],
            starts: vec![0; 4],
        };
        let spans = [
            (130, 132),
            (0, 0),
            (63, 64),
            (64, 64),
            (130, 130),
            (199, 199),
            (0, 2),
            (63, 64),
        ];
        for s in spans {
            set.insert(s);
            assert!(set.contains(s));
        }
        assert!(!set.contains((0, 1)) && !set.contains((64, 65)) && !set.contains((130, 131)));
        let mut want: Vec<(usize, usize)> = spans.to_vec();
        want.sort_unstable();
        want.dedup();
        assert_eq!(set.drain(), want);
        assert!(set.at.iter().all(|&b| b == 0) && set.starts.iter().all(|&w| w == 0));
        assert!(set.drain().is_empty());
    }

    #[test]
    fn set_bits_are_taken_in_order() {
        let mut bits = vec![0u64; 3];
        for p in [5, 0, 64, 191, 63, 128] {
            bits[p / 64] |= 1 << (p % 64);
        }
        assert_eq!(take_ones(&mut bits), [0, 5, 63, 64, 128, 191]);
        assert_eq!(bits, [0, 0, 0]);
    }

    /// The scratch a thread keeps is zero again after every call, so a
    /// second call (on another index too) retrieves what a first would.
    #[test]
    fn retrieval_leaves_its_scratch_empty() {
        let corpus = crate::sources::Corpus::of_texts(&[
            "ارتفعت أسعار النفط في المغرب. وقال الوزير إن الأسعار سترتفع",
            "انخفضت أسعار النفط.",
            "المغرب يشتري النفط",
        ]);
        let index = Index::build(&corpus);
        let q = Query::new("ارتفعت أسعار النفط في المغرب", &Default::default(), &index);
        let th = Thresholds::default();
        let ant = Antonyms::builtin();
        let open = |_| true;
        let joins = |a| joins_across(&index, a);
        let first = spans(
            std::slice::from_ref(&q),
            &index,
            &th,
            &ant,
            Retrieval::Indexed,
            &open,
            &joins,
        );
        assert!(!first.is_empty());
        let s = SCRATCH.take();
        assert!(s.masks.narrow.iter().all(|&m| m == 0) && s.named.iter().all(|&w| w == 0));
        assert!(s.masks.wide.is_empty());
        assert!(s.out.at.iter().all(|&b| b == 0) && s.out.starts.iter().all(|&w| w == 0));
        SCRATCH.set(s);
        assert_eq!(spans(&[q], &index, &th, &ant, Retrieval::Indexed, &open, &joins), first);
    }

    /// The masks a thread keeps are two bytes a passage, each bit an
    /// essential unit by its position; a wording with more than 16 essential
    /// units takes whole masks for its call. Both read back the same masks,
    /// by unit, and are zero (and the whole masks gone) after the call.
    #[test]
    fn masks_read_back_by_unit_narrow_or_wide() {
        let n = 100;
        let adds = [(3, 40), (3, 7), (99, 63), (50, 0), (3, 40)];
        let expected = |p: usize| adds.iter().filter(|a| a.0 == p).fold(0u64, |m, a| m | 1 << a.1);
        // Few essential units: narrow. Many: wide.
        let few = vec![0, 7, 40, 63];
        let many: Vec<usize> = (0..64).step_by(3).chain([7, 40]).collect();
        for (essential, wide) in [(few, false), (many, true)] {
            let mut m = Masks {
                narrow: vec![0; n],
                ..Masks::default()
            };
            m.begin(&essential, n);
            assert_eq!(!m.wide.is_empty(), wide);
            for &(p, i) in &adds {
                m.add(p, i);
            }
            for p in 0..n {
                assert_eq!(m.get(p), expected(p), "passage {p}, wide {wide}");
            }
            m.end(&[3, 50, 99]);
            assert!(m.narrow.iter().all(|&x| x == 0) && m.wide.is_empty());
        }
    }
}
