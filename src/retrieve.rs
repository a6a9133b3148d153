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

/// Letters that cling to the next word (و ف ب ل ك).
const CLITICS: [char; 5] = ['و', 'ف', 'ب', 'ل', 'ك'];

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
    if let Some(rest) = norm.strip_prefix(CLITICS) {
        out.push(clitic_variant(&stem(rest)));
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
            if let Some(rest) = t.norm.strip_prefix(CLITICS) {
                plain.insert(stem(rest));
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

/// The spans (first and last passage, inclusive; `a == b`, `b == a + 1`
/// or, for a sentence broken twice by extraction, `b == a + 2` where
/// passages `a` and `a + 1` are `open`, inside one source) that may not be
/// silent for one of the wordings.
pub fn spans(
    queries: &[Query],
    index: &Index,
    thresholds: &Thresholds,
    antonyms: &Antonyms,
    mode: Retrieval,
    open: Open,
) -> BTreeSet<(usize, usize)> {
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
        return out;
    }
    // Gathered in a hash set (the windows around each candidate are tested
    // for membership as they are made), then ordered once.
    let mut found: FxHashSet<(usize, usize)> = FxHashSet::default();
    for q in queries {
        query_spans(q, index, thresholds, antonyms, open, &mut found);
    }
    let mut sorted: Vec<(usize, usize)> = found.into_iter().collect();
    sorted.sort_unstable();
    sorted.into_iter().collect()
}

/// A `HashSet` with the Fx hash.
type FxHashSet<T> = HashSet<T, crate::sym::FxBuild>;

fn query_spans(
    q: &Query,
    index: &Index,
    thresholds: &Thresholds,
    antonyms: &Antonyms,
    open: Open,
    out: &mut FxHashSet<(usize, usize)>,
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
    let bound = |mask: u64| -> f64 {
        always
            + units
                .iter()
                .enumerate()
                .filter(|(i, u)| !u.always && mask & (1 << i) != 0)
                .map(|(_, u)| u.weight)
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
    let mut found: FxHashMap<u32, u64> = FxHashMap::default();
    for &i in &essential {
        for l in &units[i].lists {
            for p in l.iter() {
                *found.entry(p).or_insert(0) |= 1 << i;
            }
        }
    }
    let mut passages: Vec<u32> = found.keys().copied().collect();
    passages.sort_unstable();
    // The optional units' lists are tested in about increasing passage
    // order (each passage, then its neighbours): probes keep a block decoded.
    let mut probes: Vec<(usize, Vec<Probe>)> = optional
        .iter()
        .map(|&i| (i, units[i].lists.iter().map(List::probe).collect()))
        .collect();
    let mut mask_of = |p: usize| -> u64 {
        let mut m = found.get(&(p as u32)).copied().unwrap_or(0);
        for (i, lists) in &mut probes {
            if lists.iter_mut().any(|l| l.contains(p as u32)) {
                m |= 1 << *i;
            }
        }
        m
    };
    // Each candidate passage, its neighbours and the windows around it.
    let mut masks: FxHashMap<usize, u64> = FxHashMap::default();
    masks.reserve(2 * passages.len());
    out.reserve(3 * passages.len());
    let mut joins: FxHashMap<(u32, u32), u64> = FxHashMap::default();
    let mut mask = |p: usize| *masks.entry(p).or_insert_with(|| mask_of(p));
    for p in passages {
        let p = p as usize;
        let range = &index.analyzed[index.passages[p].source].passages;
        let mp = mask(p);
        if bound(mp) >= need {
            out.insert((p, p));
        }
        let before = (p > range.start).then(|| (p - 1, p));
        let after = (p + 1 < range.end).then_some((p, p + 1));
        for (a, b) in before.into_iter().chain(after) {
            if out.contains(&(a, b)) {
                continue;
            }
            // The boundary can only add units (and the bound only grows).
            let m = mask(a) | mask(b);
            if bound(m) >= need || bound(m | boundary_mask(index, a, b, &units, &mut joins)) >= need {
                out.insert((a, b));
            }
        }
        // Windows of three holding `p` (see `spans`).
        for a in p.saturating_sub(2).max(range.start)..=p {
            let c = a + 2;
            if c >= range.end || out.contains(&(a, c)) || !open(a) || !open(a + 1) {
                continue;
            }
            let m = mask(a) | mask(a + 1) | mask(c);
            let across = |joins: &mut FxHashMap<(u32, u32), u64>| {
                boundary_mask(index, a, a + 1, &units, joins) | boundary_mask(index, a + 1, c, &units, joins)
            };
            if bound(m) >= need || bound(m | across(&mut joins)) >= need {
                out.insert((a, c));
            }
        }
    }
}

/// The units a word joined across the boundary of passages `a` and `b`
/// (a word broken by extraction) could meet; remembered in `joins` by the
/// two words (the mask is a function of them).
fn boundary_mask(index: &Index, a: usize, b: usize, units: &[UnitKeys], joins: &mut FxHashMap<(u32, u32), u64>) -> u64 {
    let (pa, pb) = (&index.passages[a], &index.passages[b]);
    if pa.tokens.is_empty() || pb.tokens.is_empty() {
        return 0;
    }
    // The last word of one and the first of the other, not every word.
    let x = index.analyzed[pa.source].tokens.norm_at(pa.tokens.end - 1);
    let y = index.analyzed[pb.source].tokens.norm_at(pb.tokens.start);
    // `Form::fragment` is `is_fragment` of the word, computed once.
    if !(x.form().fragment || y.form().fragment) {
        return 0;
    }
    *joins.entry((x.index(), y.index())).or_insert_with(|| {
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

fn push_windows(index: &Index, p: usize, open: Open, out: &mut FxHashSet<(usize, usize)>) {
    let range = &index.analyzed[index.passages[p].source].passages;
    out.insert((p, p));
    if p + 1 < range.end {
        out.insert((p, p + 1));
    }
    if p > range.start {
        out.insert((p - 1, p));
    }
    for a in p.saturating_sub(2).max(range.start)..=p {
        if a + 2 < range.end && open(a) && open(a + 1) {
            out.insert((a, a + 2));
        }
    }
}
