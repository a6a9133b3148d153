//! The corpus index: analyzed passages, term statistics and postings.
//!
//! This module owns turning loaded sources into what matching needs: every
//! source cut into passages (see [`crate::segment`]), every passage into
//! tokens with folded form and stem (see [`crate::normalize`],
//! [`crate::stem`]), the document frequency of each stem over passages (for
//! IDF weights), and an inverted index from stem to the passages holding it,
//! so a claim scores only passages that share one of its terms. Pairs of
//! adjacent tokens where one is a fragment of at most two letters are also
//! indexed joined, so a word broken across lines by PDF extraction
//! ("ز" / "يارة") is still found.

use crate::normalize::{is_number, tokenize_each};
use crate::segment::sentences;
use crate::sources::{Corpus, Source};
use crate::sym::{FxHashMap, Sym};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// A token of a source with its stem. Its strings are interned ([`Sym`]):
/// a token is 64 bytes, whatever its length, and shares them with every
/// other occurrence of the word.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Folded form.
    pub norm: Sym,
    /// Stem of the folded form.
    pub stem: Sym,
    /// Byte span in the source file.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// Whether a clause break (comma, semicolon, colon) precedes it.
    pub brk: bool,
    /// Verb key of the stem (see [`crate::stem::root_key`]).
    pub root: Option<Sym>,
    /// The value of the number (in digits or words) that starts here, if any.
    pub value: Option<f64>,
}

/// Marks that end a clause inside a sentence.
fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | '،' | ';' | '؛' | ':' | '(' | ')' | '–' | '—')
}

impl Term {
    /// Analyzes a text into terms (folded, stemmed, with spans and clause breaks).
    pub fn analyze(text: &str, charmap: &crate::normalize::Charmap) -> Vec<Term> {
        let mut tokens: Vec<(Sym, usize, usize)> = Vec::new();
        tokenize_each(text, charmap, |norm, start, end| {
            tokens.push((Sym::new(norm), start, end))
        });
        let mut prev_end = 0;
        let norms: Vec<&str> = tokens.iter().map(|t| t.0.as_str()).collect();
        let mut values: Vec<Option<f64>> = vec![None; tokens.len()];
        for span in crate::numbers::parse_number_words(&norms) {
            if span.kind != crate::numbers::NumberKind::Ordinal {
                values[span.first] = Some(span.value);
            }
        }
        let mut values = values.into_iter();
        tokens
            .into_iter()
            .map(|(norm, start, end)| {
                let brk = text[prev_end..start].chars().any(is_clause_mark);
                prev_end = end;
                let form = norm.form();
                Term {
                    root: form.root,
                    value: values.next().flatten(),
                    stem: form.stem,
                    norm,
                    start,
                    end,
                    brk,
                }
            })
            .collect()
    }
}

/// A passage of a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// Index of the source in the corpus.
    pub source: usize,
    /// Byte span in the source file.
    pub start: usize,
    /// End of the byte span.
    pub end: usize,
    /// 1-based line of the passage start.
    pub line: usize,
    /// Range of the passage's tokens in the source's token list.
    pub tokens: std::ops::Range<usize>,
}

/// One analyzed source.
#[derive(Debug, Clone, Default)]
pub struct Analyzed {
    /// All tokens of the source, in order.
    pub terms: Vec<Term>,
    /// Passages, in order; indices into [`Index::passages`] are global.
    pub passages: std::ops::Range<usize>,
}

/// The index over a corpus.
#[derive(Debug, Clone, Default)]
pub struct Index {
    /// Per source, its tokens and its passage range.
    pub analyzed: Vec<Analyzed>,
    /// All passages of all sources, source by source.
    pub passages: Vec<Passage>,
    /// Number of passages holding each stem.
    pub df: HashMap<String, u32>,
    /// Passages holding each stem (sorted, unique).
    pub postings: HashMap<String, Vec<u32>>,
    /// Passages by variant key (verb keys, stems without a leading clitic;
    /// see [`crate::retrieve`]), apart from `df` so they never weigh.
    pub variants: HashMap<String, Vec<u32>>,
    /// All stems, sorted (for fuzzy lookup).
    pub vocab: Vec<String>,
    /// The length in characters of each stem of `vocab`.
    pub vocab_chars: Vec<usize>,
    /// The deletion neighbourhood of `vocab` (built on first fuzzy lookup).
    pub deletions: std::sync::OnceLock<crate::fuzzy::DeletionIndex>,
    /// Every folded form the corpus writes, with its stem (for names, whose
    /// stems lose letters: كوخافي → وخاف).
    pub surface: BTreeMap<String, String>,
    /// The name readings of the Arabic forms of `surface` (built on first
    /// transliteration lookup; see [`Index::names`]).
    pub names: std::sync::OnceLock<crate::translit::NameTable>,
    /// The passage count of the whole corpus when this index holds one shard
    /// of it (see [`crate::stats`]); `None`: the index is the whole corpus.
    pub corpus_passages: Option<usize>,
}

/// A passage before it gets its source index: start, end, line, token range.
pub type PassageSpan = (usize, usize, usize, std::ops::Range<usize>);

/// Analyzes one source: tokens and passage spans.
pub fn analyze_source(source: &Source) -> (Vec<Term>, Vec<PassageSpan>) {
    let terms = Term::analyze(&source.text, &source.charmap);
    let spans = sentences(&source.text, &source.charmap);
    let mut out = Vec::with_capacity(spans.len());
    let mut k = 0usize;
    for sp in spans {
        while k < terms.len() && terms[k].start < sp.start {
            k += 1;
        }
        let first = k;
        let mut last = k;
        while last < terms.len() && terms[last].end <= sp.end {
            last += 1;
        }
        if last > first {
            out.push((sp.start, sp.end, source.line_of(sp.start), first..last));
        }
        k = last;
    }
    (terms, out)
}

/// The stems a passage is indexed under: its tokens' stems, and the joined
/// stems of adjacent pairs around short fragments (sorted by address, unique).
pub fn passage_keys(terms: &[Term]) -> Vec<Sym> {
    let mut keys: Vec<Sym> = terms.iter().map(|t| t.stem).collect();
    for w in terms.windows(2) {
        if is_fragment(&w[0].norm) || is_fragment(&w[1].norm) {
            keys.push(Sym::new(&format!("{}{}", w[0].norm, w[1].norm)).form().stem);
        }
    }
    keys.sort_unstable_by_key(Sym::id);
    keys.dedup();
    keys
}

/// Postings of one run of passages, keyed by symbol address: passages in
/// order, once each.
type Grouped = FxHashMap<usize, (Sym, Vec<u32>)>;

/// Groups the keys of passages `first..` (one list per passage, each unique)
/// into postings.
fn group(first: usize, keys: impl Iterator<Item = Vec<Sym>>) -> Grouped {
    let mut out: Grouped = FxHashMap::default();
    for (i, ks) in keys.enumerate() {
        let p = (first + i) as u32;
        for k in ks {
            out.entry(k.id()).or_insert_with(|| (k, Vec::new())).1.push(p);
        }
    }
    out
}

/// Merges postings of consecutive runs of passages, in order.
fn merge(parts: Vec<Grouped>) -> HashMap<String, Vec<u32>> {
    let mut all: Grouped = FxHashMap::default();
    for part in parts {
        for (id, (k, list)) in part {
            match all.entry(id) {
                std::collections::hash_map::Entry::Occupied(mut e) => e.get_mut().1.extend(list),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert((k, list));
                }
            }
        }
    }
    all.into_values().map(|(k, list)| (k.to_string(), list)).collect()
}

/// A token short enough to be a piece of a broken word.
pub fn is_fragment(norm: &str) -> bool {
    // More than eight bytes is more than two characters (checked for every
    // word of every judged passage: no character count for most).
    if norm.len() > 8 {
        return false;
    }
    !is_number(norm) && norm.chars().count() <= 2
}

/// Analyzes every source of a corpus in parallel (in corpus order), telling
/// `progress` as sources are done.
pub fn analyze_all(corpus: &Corpus, progress: &crate::progress::Progress) -> Vec<(Vec<Term>, Vec<PassageSpan>)> {
    let counter = progress.counter(crate::progress::Stage::Index, corpus.sources.len());
    corpus
        .sources
        .par_iter()
        .map(|s| {
            let a = analyze_source(s);
            counter.tick();
            a
        })
        .collect()
}

impl Index {
    /// Builds the index of a corpus (sources analyzed in parallel).
    pub fn build(corpus: &Corpus) -> Index {
        Index::build_with(corpus, &crate::progress::Progress::default())
    }

    /// [`Index::build`], telling `progress` as sources are analyzed.
    pub fn build_with(corpus: &Corpus, progress: &crate::progress::Progress) -> Index {
        Index::assemble(analyze_all(corpus, progress))
    }

    /// The index of analyzed sources (one entry per corpus source, in corpus
    /// order, as [`analyze_source`] returns them, whether analyzed now or
    /// read from a [`crate::store`]): passages, postings, statistics.
    pub fn assemble(analyzed: Vec<(Vec<Term>, Vec<PassageSpan>)>) -> Index {
        let mut index = Index::default();
        for (si, (terms, spans)) in analyzed.into_iter().enumerate() {
            let first = index.passages.len();
            for (start, end, line, tokens) in spans {
                index.passages.push(Passage {
                    source: si,
                    start,
                    end,
                    line,
                    tokens,
                });
            }
            index.analyzed.push(Analyzed {
                terms,
                passages: first..index.passages.len(),
            });
        }
        // Postings: runs of passages grouped in parallel (keys by symbol
        // address, no string hashed or compared), then merged in order.
        const RUN: usize = 4096;
        let runs: Vec<(Grouped, Grouped)> = (0..index.passages.len().div_ceil(RUN))
            .into_par_iter()
            .map(|r| {
                let ps = r * RUN..((r + 1) * RUN).min(index.passages.len());
                let terms = |p: usize| {
                    let p = &index.passages[p];
                    &index.analyzed[p.source].terms[p.tokens.clone()]
                };
                (
                    group(ps.start, ps.clone().map(|p| passage_keys(terms(p)))),
                    group(ps.start, ps.map(|p| crate::retrieve::passage_variants(terms(p)))),
                )
            })
            .collect();
        let (plain, variants): (Vec<Grouped>, Vec<Grouped>) = runs.into_iter().unzip();
        index.postings = merge(plain);
        index.variants = merge(variants);
        index.df = index
            .postings
            .iter()
            .map(|(k, v)| (k.clone(), v.len() as u32))
            .collect();
        // Every folded form with its stem (the stem is a function of the form).
        let forms: FxHashMap<usize, (Sym, Sym)> = index
            .analyzed
            .par_iter()
            .fold(FxHashMap::default, |mut m: FxHashMap<usize, (Sym, Sym)>, a| {
                for t in &a.terms {
                    m.entry(t.norm.id()).or_insert((t.norm, t.stem));
                }
                m
            })
            .reduce(FxHashMap::default, |mut a, b| {
                a.extend(b);
                a
            });
        index.surface = forms
            .into_values()
            .map(|(n, st)| (n.to_string(), st.to_string()))
            .collect();
        let mut vocab: Vec<String> = index.df.keys().cloned().collect();
        vocab.sort();
        index.vocab_chars = vocab.iter().map(|v| v.chars().count()).collect();
        index.vocab = vocab;
        index
    }

    /// The deletion neighbourhood of the vocabulary, for fuzzy lookup.
    pub fn fuzzy(&self) -> &crate::fuzzy::DeletionIndex {
        self.deletions
            .get_or_init(|| crate::fuzzy::DeletionIndex::build(&self.vocab))
    }

    /// The skeleton readings of every Arabic form of [`Index::surface`], in
    /// its order, for transliteration lookup (built on first use; whoever
    /// changes `surface` resets `names`).
    pub fn names(&self) -> &crate::translit::NameTable {
        self.names.get_or_init(|| {
            crate::translit::NameTable::new(
                self.surface
                    .keys()
                    .filter(|n| crate::stem::is_arabic(n))
                    .cloned()
                    .collect(),
            )
        })
    }

    /// Number of passages.
    pub fn len(&self) -> usize {
        self.passages.len()
    }

    /// Whether the index holds no passage.
    pub fn is_empty(&self) -> bool {
        self.passages.is_empty()
    }

    /// Inverse document frequency of a stem: rare stems weigh more; a stem
    /// absent from the corpus weighs most.
    pub fn idf(&self, stem: &str) -> f64 {
        let n = self.corpus_passages.unwrap_or(self.passages.len()) as f64;
        let df = self.df.get(stem).copied().unwrap_or(0) as f64;
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// The largest possible IDF (a stem in no passage).
    pub fn max_idf(&self) -> f64 {
        self.idf("\u{0}")
    }

    /// The passages holding any of these stems (sorted, unique).
    pub fn candidates<'a>(&self, stems: impl IntoIterator<Item = &'a String>) -> std::collections::BTreeSet<u32> {
        let mut out = std::collections::BTreeSet::new();
        for key in stems {
            if let Some(p) = self.postings.get(key) {
                out.extend(p.iter().copied());
            }
        }
        out
    }

    /// Tokens of a passage.
    pub fn terms(&self, passage: usize) -> &[Term] {
        let p = &self.passages[passage];
        &self.analyzed[p.source].terms[p.tokens.clone()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stem::stem;

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus::of_texts(texts)
    }

    #[test]
    fn passages_have_lines_and_tokens() {
        let c = corpus(&["عنوان\nالمغرب اشترى. الجزائر رفضت\n"]);
        let ix = Index::build(&c);
        assert_eq!(ix.len(), 3);
        assert_eq!(ix.passages[1].line, 2);
        assert_eq!(ix.passages[2].line, 2);
        let t: Vec<_> = ix.terms(2).iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(t, ["الجزائر", "رفضت"]);
    }

    #[test]
    fn rare_stems_weigh_more() {
        let c = corpus(&["المغرب والجزائر. المغرب وروسيا. المغرب وإسرائيل."]);
        let ix = Index::build(&c);
        assert!(ix.idf(&stem("روسيا")) > ix.idf("مغرب"));
        assert!(ix.max_idf() > ix.idf(&stem("روسيا")));
        assert_eq!(ix.postings["مغرب"], vec![0, 1, 2]);
    }

    #[test]
    fn broken_words_are_indexed_joined() {
        let c = corpus(&["بعد ز يارة الوزير"]);
        let ix = Index::build(&c);
        assert!(ix.postings.contains_key(&stem("زيارة".replace('ة', "ه").as_str())));
    }
}
