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
use crate::sym::{FxHashMap, Sym, MAX_INDEX};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU32, Ordering};

/// A token of a source with its stem, as matching reads it. Its strings are
/// interned ([`Sym`]). The index keeps tokens packed ([`Token`]) and makes
/// `Term`s of the passages it is asked for ([`Tokens::terms`]).
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
    /// Whether a sentence break precedes it: the span holds two sentences
    /// and it starts the second (a window of two passages whose first ends
    /// a sentence, see [`crate::segment::ends_sentence`]). Never set for the
    /// first token of a span, nor by the index, which keeps no such flag:
    /// `check` marks it where it joins passages, [`Term::analyze`] where
    /// the text holds one.
    pub sent: bool,
    /// Verb key of the stem (see [`crate::stem::root_key`]).
    pub root: Option<Sym>,
    /// The value of the number (in digits or words) that starts here, if any.
    pub value: Option<f64>,
}

/// A token as the index reads it: the number of its folded form
/// ([`Sym::index`]) with two flags, and its byte span. Its stem and verb key
/// are functions of the form ([`Sym::form`]); a number's value is kept
/// apart ([`Tokens`]), as few tokens have one. [`Tokens`] keeps its parts in
/// 9 bytes (word, start, length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    word: u32,
    start: u32,
    end: u32,
}

/// [`Token::word`] flag: a clause break precedes the token.
const BRK: u32 = 1 << 31;
/// [`Token::word`] flag: a number's value starts at the token.
const VALUE: u32 = 1 << 30;

impl Token {
    /// Its folded form.
    #[inline]
    pub fn norm(&self) -> Sym {
        Sym::from_index(self.word & MAX_INDEX)
    }

    /// Start of its byte span in the source.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// End of its byte span in the source.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Whether a clause break precedes it.
    #[inline]
    pub fn brk(&self) -> bool {
        self.word & BRK != 0
    }
}

/// The tokens of one text, packed in about 3 bytes each (columns: the
/// word with its flags in 2 bytes where every word number of the text
/// allows, else 4 ([`Words`]); in one byte, the byte length and the bytes
/// between the token and the one before it in its block of [`SPAN_BLOCK`]
/// tokens), and the values of the few that start a number. A start is the
/// block's base plus the lengths and gaps before it in the block
/// ([`Tokens::spans`] reads a range in order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tokens {
    words: Words,
    /// Per token, its byte length in the low 5 bits ([`LONG`] for 31
    /// bytes or more: then the end is in `long`), and in the top 3 its
    /// start less the end of the token before it (0 for the first of a
    /// block, whose start is its base; [`FAR`] for 7 bytes or more, or
    /// tokens that overlap: then the start is in `far`).
    shape: Vec<u8>,
    /// Per block of [`SPAN_BLOCK`] tokens: the start of its first token.
    bases: Vec<u32>,
    /// (token index, start) of the tokens marked [`FAR`], by index.
    far: Vec<(u32, u32)>,
    /// (token index, end) of the tokens of [`LONG`] bytes or more, by index.
    long: Vec<(u32, u32)>,
    /// (token index, value), by token index.
    values: Vec<(u32, f64)>,
}

/// The word column of [`Tokens`]: per token the number of its folded form
/// with the [`BRK`] and [`VALUE`] flags, as [`Token::word`] holds it. When
/// every word number of the text is at most [`NARROW_MAX`] (a run's
/// vocabulary of fewer than 16,384 symbols when the text was analyzed),
/// each takes 2 bytes: the number in the low 14 bits, the flags in the top
/// two ([`widen`]); otherwise 4.
#[derive(Debug, Clone, PartialEq)]
enum Words {
    Narrow(Vec<u16>),
    Wide(Vec<u32>),
}

impl Default for Words {
    fn default() -> Words {
        Words::Wide(Vec::new())
    }
}

/// The largest word number [`Words::Narrow`] holds.
const NARROW_MAX: u32 = (1 << 14) - 1;

/// A narrow word as [`Token::word`] holds it: the flags in bits 14 and 15
/// move to [`VALUE`] and [`BRK`] (bits 30 and 31).
#[inline]
fn widen(w: u16) -> u32 {
    let w = u32::from(w);
    (w & NARROW_MAX) | ((w & !NARROW_MAX) << 16)
}

/// A word of [`Token::word`] in 2 bytes, if its number fits ([`widen`]
/// reads it back).
fn narrow(w: u32) -> Option<u16> {
    ((w & MAX_INDEX) <= NARROW_MAX).then_some(((w & NARROW_MAX) | ((w & !MAX_INDEX) >> 16)) as u16)
}

impl Words {
    #[inline]
    fn get(&self, i: usize) -> u32 {
        match self {
            Words::Narrow(v) => widen(v[i]),
            Words::Wide(v) => v[i],
        }
    }

    fn len(&self) -> usize {
        match self {
            Words::Narrow(v) => v.len(),
            Words::Wide(v) => v.len(),
        }
    }

    /// The wide words, to add to or change (made wide if narrow).
    fn wide(&mut self) -> &mut Vec<u32> {
        if let Words::Narrow(v) = self {
            *self = Words::Wide(v.iter().map(|&w| widen(w)).collect());
        }
        match self {
            Words::Wide(v) => v,
            Words::Narrow(_) => unreachable!("made wide above"),
        }
    }

    /// Narrow if every word fits, sized exactly either way.
    fn pack(&mut self) {
        if let Words::Wide(v) = self {
            if v.iter().all(|&w| narrow(w).is_some()) {
                // Collected from a sized iterator: exactly `v.len()`.
                *self = Words::Narrow(v.iter().map(|&w| narrow(w).unwrap_or_default()).collect());
            } else {
                v.shrink_to_fit();
            }
        }
    }

    fn heap_bytes(&self) -> usize {
        match self {
            Words::Narrow(v) => v.capacity() * 2,
            Words::Wide(v) => v.capacity() * 4,
        }
    }
}

/// [`Tokens::shape`]'s length: the end is in [`Tokens::long`].
const LONG: u8 = 31;

/// The length in the store's columns ([`Tokens::columns`]): the end is in
/// the long list.
const STORED_LONG: u8 = u8::MAX;

/// Tokens per block of [`Tokens::bases`].
const SPAN_BLOCK: usize = 64;

/// [`Tokens::shape`]'s gap: the start is in [`Tokens::far`].
const FAR: u8 = 7;

/// A byte offset as a packed token keeps it (sources are at most
/// [`crate::sources::MAX_SOURCE_BYTES`]).
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("sources are smaller than 4 GiB")
}

impl Tokens {
    /// Analyzes a text: tokens folded (see [`crate::normalize`]), clause
    /// breaks, and the values of numbers in digits or words.
    pub fn analyze(text: &str, charmap: &crate::normalize::Charmap) -> Tokens {
        let mut words: Vec<(Sym, u32, u32)> = Vec::new();
        tokenize_each(text, charmap, |norm, start, end| {
            words.push((Sym::new(norm), offset(start), offset(end)))
        });
        let norms: Vec<&str> = words.iter().map(|t| t.0.as_str()).collect();
        // A later number starting at the same token wins.
        let values: BTreeMap<u32, f64> = crate::numbers::parse_number_words(&norms)
            .into_iter()
            .filter(|span| span.kind != crate::numbers::NumberKind::Ordinal)
            .map(|span| (span.first as u32, span.value))
            .collect();
        let values: Vec<(u32, f64)> = values.into_iter().collect();
        let mut prev_end = 0;
        let mut next_value = values.iter().map(|v| v.0).peekable();
        let mut out = Tokens::with_capacity(words.len());
        for (i, &(norm, start, end)) in words.iter().enumerate() {
            let mut word = norm.index();
            if breaks_clause(&text[prev_end..start as usize]) {
                word |= BRK;
            }
            if next_value.next_if_eq(&(i as u32)).is_some() {
                word |= VALUE;
            }
            out.push(Token { word, start, end }, offset(prev_end));
            prev_end = end as usize;
        }
        out.values = values;
        out.words.pack();
        out
    }

    fn with_capacity(n: usize) -> Tokens {
        Tokens {
            words: Words::Wide(Vec::with_capacity(n)),
            shape: Vec::with_capacity(n),
            bases: Vec::with_capacity(n.div_ceil(SPAN_BLOCK)),
            far: Vec::new(),
            long: Vec::new(),
            values: Vec::new(),
        }
    }

    /// Appends token `t`; `prev_end` is the end of the token before it.
    fn push(&mut self, t: Token, prev_end: u32) {
        let i = self.words.len();
        self.push_span(i, t.start, t.end, prev_end);
        self.words.wide().push(t.word);
    }

    /// Appends the span of token `i` (the next one), `prev_end` the end of
    /// token `i - 1`.
    fn push_span(&mut self, i: usize, start: u32, end: u32, prev_end: u32) {
        let len = match end.checked_sub(start) {
            Some(len) if len < u32::from(LONG) => len as u8,
            _ => {
                self.long.push((i as u32, end));
                LONG
            }
        };
        let gap = if i % SPAN_BLOCK == 0 {
            self.bases.push(start);
            0
        } else {
            match start.checked_sub(prev_end) {
                Some(g) if g < u32::from(FAR) => g as u8,
                _ => {
                    self.far.push((i as u32, start));
                    FAR
                }
            }
        };
        self.shape.push(len | gap << 5);
    }

    /// The start of token `i`, given the end of token `i - 1` when `i` is
    /// not the first of its block.
    #[inline]
    fn start_after(&self, i: usize, prev_end: u32) -> u32 {
        if i % SPAN_BLOCK == 0 {
            return self.bases[i / SPAN_BLOCK];
        }
        match self.shape[i] >> 5 {
            FAR => {
                let at = self
                    .far
                    .binary_search_by_key(&(i as u32), |f| f.0)
                    .expect("every far token is listed");
                self.far[at].1
            }
            g => prev_end + u32::from(g),
        }
    }

    /// The end of token `i`, which starts at `start`.
    #[inline]
    fn end_from(&self, i: usize, start: u32) -> u32 {
        match self.shape[i] & LONG {
            LONG => {
                let at = self
                    .long
                    .binary_search_by_key(&(i as u32), |l| l.0)
                    .expect("every long token is listed");
                self.long[at].1
            }
            len => start + u32::from(len),
        }
    }

    /// The byte spans of tokens `range`, in order: the first from its
    /// block's base, each next from the one before.
    pub fn spans(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = (u32, u32)> + '_ {
        let first = range.start - range.start % SPAN_BLOCK;
        let mut end = 0;
        (first..range.end).filter_map(move |i| {
            let start = self.start_after(i, end);
            end = self.end_from(i, start);
            (i >= range.start).then_some((start, end))
        })
    }

    /// Token `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Token {
        let (start, end) = self.spans(i..i + 1).next().expect("a token in range");
        Token {
            word: self.words.get(i),
            start,
            end,
        }
    }

    /// The tokens, in order.
    pub fn iter(&self) -> impl Iterator<Item = Token> + '_ {
        self.spans(0..self.len()).enumerate().map(|(i, (start, end))| Token {
            word: self.words.get(i),
            start,
            end,
        })
    }

    /// Builds tokens from their parts (for [`crate::store`]): per token its
    /// form, span and clause break, and the values of numbers by token
    /// index; `None` if those indices are not increasing and in range.
    pub fn from_parts(parts: Vec<(Sym, usize, usize, bool)>, values: Vec<(u32, f64)>) -> Option<Tokens> {
        let mut out = Tokens::with_capacity(parts.len());
        let mut prev_end = 0;
        for (norm, start, end, brk) in parts {
            out.push(
                Token {
                    word: norm.index() | if brk { BRK } else { 0 },
                    start: offset(start),
                    end: offset(end),
                },
                prev_end,
            );
            prev_end = offset(end);
        }
        let increasing = values.windows(2).all(|w| w[0].0 < w[1].0);
        if !increasing || values.last().is_some_and(|v| v.0 as usize >= out.len()) {
            return None;
        }
        let words = out.words.wide();
        for v in &values {
            words[v.0 as usize] |= VALUE;
        }
        out.words.pack();
        out.values = values;
        Some(out)
    }

    /// The columns (for [`crate::store`]): per token its word with flags
    /// ([`Token`]), start and byte length; the (index, end) of long tokens;
    /// the values.
    #[allow(clippy::type_complexity)]
    pub fn columns(&self) -> (Vec<u32>, Vec<u32>, Vec<u8>, Vec<(u32, u32)>, &[(u32, f64)]) {
        let mut starts = Vec::with_capacity(self.len());
        let mut lens = Vec::with_capacity(self.len());
        let mut long = Vec::new();
        for (i, (start, end)) in self.spans(0..self.len()).enumerate() {
            starts.push(start);
            match u8::try_from(end - start) {
                Ok(len) if len < STORED_LONG => lens.push(len),
                _ => {
                    lens.push(STORED_LONG);
                    long.push((i as u32, end));
                }
            }
        }
        (self.words().collect(), starts, lens, long, &self.values)
    }

    /// Per token its word with flags, as [`Token`] holds it (the symbol
    /// number of its folded form is `w & MAX_INDEX`).
    pub fn words(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.len()).map(|i| self.words.get(i))
    }

    /// Tokens from their columns as [`Tokens::columns`] gives them, each
    /// word's form a symbol number (flags kept as given but the number
    /// flag, which `values` decides); `None` unless every token lies within
    /// `text_len` bytes in order, long tokens and values are listed in order,
    /// and indices are in range.
    pub fn from_columns(
        mut words: Vec<u32>,
        starts: Vec<u32>,
        lens: Vec<u8>,
        long: Vec<(u32, u32)>,
        values: Vec<(u32, f64)>,
        text_len: usize,
    ) -> Option<Tokens> {
        let n = words.len();
        if starts.len() != n || lens.len() != n {
            return None;
        }
        let mut longs = long.iter().peekable();
        let mut prev_end = 0u64;
        let mut ends = Vec::with_capacity(n);
        for i in 0..n {
            let start = u64::from(starts[i]);
            let end = if lens[i] == STORED_LONG {
                let &(_, end) = longs.next().filter(|l| l.0 as usize == i)?;
                u64::from(end)
            } else {
                start + u64::from(lens[i])
            };
            if start < prev_end || end < start + u64::from(lens[i]) || end > text_len as u64 {
                return None;
            }
            prev_end = end;
            ends.push(end as u32);
        }
        if longs.next().is_some() {
            return None;
        }
        let increasing = values.windows(2).all(|w| w[0].0 < w[1].0);
        if !increasing || values.last().is_some_and(|v| v.0 as usize >= n) {
            return None;
        }
        for w in &mut words {
            *w &= !VALUE;
        }
        for v in &values {
            words[v.0 as usize] |= VALUE;
        }
        let mut out = Tokens {
            words: Words::Wide(words),
            values,
            ..Tokens::with_capacity(n)
        };
        let mut prev_end = 0;
        for (i, (&start, &end)) in starts.iter().zip(&ends).enumerate() {
            out.push_span(i, start, end, prev_end);
            prev_end = end;
        }
        out.words.pack();
        Some(out)
    }

    /// The values of the tokens that start a number: (token index, value),
    /// by token index.
    pub fn values(&self) -> &[(u32, f64)] {
        &self.values
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there is no token.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The value of the number starting at token `i`, if any.
    pub fn value(&self, i: usize) -> Option<f64> {
        if self.words.get(i) & VALUE == 0 {
            return None;
        }
        let at = self.values.binary_search_by_key(&(i as u32), |v| v.0).ok()?;
        Some(self.values[at].1)
    }

    /// Appends to `out` what judging reads of tokens `range`: per token its
    /// word number with the clause-break and number flags, and after a
    /// token with the number flag the 64 bits of its value (two more
    /// entries; the flag tells, so the key reads back one way). Two ranges
    /// with equal keys make the same [`Term`]s but for their byte spans.
    /// Clause breaks and values depend on the text around a token (the mark
    /// before it, the number words after it, even past the range), so they
    /// are part of the key and not taken from the words.
    pub fn judging_key(&self, range: std::ops::Range<usize>, out: &mut Vec<u32>) {
        for i in range {
            let w = self.words.get(i);
            out.push(w);
            if w & VALUE != 0 {
                let bits = self.value(i).map_or(0, f64::to_bits);
                out.push(bits as u32);
                out.push((bits >> 32) as u32);
            }
        }
    }

    /// The folded form of token `i` (as `get(i).norm()`, reading only it).
    #[inline]
    pub fn norm_at(&self, i: usize) -> Sym {
        Sym::from_index(self.words.get(i) & MAX_INDEX)
    }

    /// Token `i` as a [`Term`].
    pub fn term(&self, i: usize) -> Term {
        let (start, end) = self.spans(i..i + 1).next().expect("a token in range");
        self.term_at(i, start, end)
    }

    /// Token `i`, spanning `start..end`, as a [`Term`].
    #[inline]
    fn term_at(&self, i: usize, start: u32, end: u32) -> Term {
        let t = Token {
            word: self.words.get(i),
            start,
            end,
        };
        let norm = t.norm();
        let form = norm.form();
        Term {
            norm,
            stem: form.stem,
            start: t.start(),
            end: t.end(),
            brk: t.brk(),
            sent: false,
            root: form.root,
            value: self.value(i),
        }
    }

    /// Bytes this holds on the heap (capacities), for memory breakdowns.
    pub fn heap_bytes(&self) -> usize {
        self.words.heap_bytes()
            + self.shape.capacity()
            + self.bases.capacity() * 4
            + self.far.capacity() * 8
            + self.long.capacity() * 8
            + self.values.capacity() * std::mem::size_of::<(u32, f64)>()
    }

    /// Tokens `range` as [`Term`]s.
    pub fn terms(&self, range: std::ops::Range<usize>) -> Vec<Term> {
        let mut out = Vec::with_capacity(range.len());
        self.terms_into(range, &mut out);
        out
    }

    /// [`Tokens::terms`] into `out` (cleared first), reusing its memory.
    pub fn terms_into(&self, range: std::ops::Range<usize>, out: &mut Vec<Term>) {
        out.clear();
        let first = range.start;
        out.extend(
            self.spans(range)
                .enumerate()
                .map(|(k, (start, end))| self.term_at(first + k, start, end)),
        );
    }

    /// Tokens `range` as [`Term`]s for judging, into `out` (cleared first):
    /// every field but the byte spans, which are 0. Judging reads none of
    /// them (a remembered judgement already stands for every span with the
    /// same [`Tokens::judging_key`], whatever its bytes; the report makes
    /// the evidence's terms again with [`Tokens::terms`]), and a start is
    /// read only by walking its block of 64 from the base: on average 32
    /// tokens decoded before a passage of 9.
    pub fn judging_terms_into(&self, range: std::ops::Range<usize>, out: &mut Vec<Term>) {
        out.clear();
        out.extend(range.map(|i| self.term_at(i, 0, 0)));
    }

    /// [`Tokens::judging_terms_into`], into a new `Vec`.
    pub fn judging_terms(&self, range: std::ops::Range<usize>) -> Vec<Term> {
        let mut out = Vec::with_capacity(range.len());
        self.judging_terms_into(range, &mut out);
        out
    }

    /// Token `i` as [`Tokens::judging_terms_into`] makes it (byte span 0).
    pub fn judging_term(&self, i: usize) -> Term {
        self.term_at(i, 0, 0)
    }

    /// Every token as a [`Term`].
    pub fn all(&self) -> Vec<Term> {
        self.terms(0..self.len())
    }
}

/// Marks that end a clause inside a sentence.
fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | '،' | ';' | '؛' | ':' | '(' | ')' | '–' | '—')
}

/// Whether the text between two words breaks a clause: a clause mark, or
/// a sentence mark with a space or line break after it (the end of a
/// sentence, as where the two sentences of a window meet; not the dot of
/// "3.5" or of "U.S").
fn breaks_clause(gap: &str) -> bool {
    gap.chars().any(is_clause_mark)
        || gap
            .char_indices()
            .filter(|&(_, c)| matches!(c, '.' | '!' | '?' | '؟' | '…' | '\u{06D4}'))
            .any(|(at, c)| gap[at + c.len_utf8()..].chars().any(char::is_whitespace))
}

impl Term {
    /// Analyzes a text into terms (folded, stemmed, with spans, clause
    /// breaks and sentence breaks: the text judged as `check` judges the
    /// window of its passages).
    pub fn analyze(text: &str, charmap: &crate::normalize::Charmap) -> Vec<Term> {
        let mut terms = Tokens::analyze(text, charmap).all();
        let spans = crate::segment::sentences(text, charmap);
        for pair in spans.windows(2) {
            if crate::segment::ends_sentence(&text[pair[0].start..pair[0].end]) {
                let at = terms.partition_point(|t| t.start < pair[1].start);
                if at > 0 {
                    if let Some(t) = terms.get_mut(at) {
                        t.sent = true;
                    }
                }
            }
        }
        terms
    }
}

/// A passage of a source: its source, byte span and token range, in
/// 32-bit fields (sources are at most
/// [`crate::sources::MAX_SOURCE_BYTES`]; 20 bytes a passage instead of 48).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    source: u32,
    start: u32,
    end: u32,
    first: u32,
    last: u32,
}

impl Passage {
    /// A passage of source `source`, byte span `start..end`, tokens `tokens`.
    pub fn new(source: usize, start: usize, end: usize, tokens: std::ops::Range<usize>) -> Passage {
        Passage {
            source: u32::try_from(source).expect("fewer than 2^32 sources"),
            start: offset(start),
            end: offset(end),
            first: offset(tokens.start),
            last: offset(tokens.end),
        }
    }

    /// Index of the source in the corpus.
    #[inline]
    pub fn source(&self) -> usize {
        self.source as usize
    }

    /// Start of the byte span in the source file.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// End of the byte span.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// Range of the passage's tokens in the source's token list.
    #[inline]
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.first as usize..self.last as usize
    }
}

/// One analyzed source.
#[derive(Debug, Clone, Default)]
pub struct Analyzed {
    /// All tokens of the source, in order.
    pub tokens: Tokens,
    /// Passages, in order; indices into [`Index::passages`] are global.
    pub passages: std::ops::Range<usize>,
}

/// Estimated heap bytes of a hash map of `capacity` entries of `entry` bytes.
fn map_bytes(capacity: usize, entry: usize) -> usize {
    capacity * (entry + 1)
}

/// Posting lists, compressed: the passages under each key (sorted, unique),
/// as gaps in LEB128 varints in one byte array, cut into blocks of
/// [`BLOCK`] passages whose first passage and byte offset are kept apart
/// (so a membership test decodes one block, not the list). About 1.3 bytes
/// per entry on the generated archives instead of 4.
#[derive(Debug, Clone, Default)]
pub struct Postings {
    ranges: HashMap<String, ListAt>,
    /// Per block: its first passage, and the byte offset of its second
    /// entry from the start of its list's bytes.
    blocks: Vec<(u32, u32)>,
    data: Vec<u8>,
}

/// Passages per block of a posting list.
const BLOCK: usize = 64;

/// Where one list is: its length, its first block, its first byte.
#[derive(Debug, Clone, Copy)]
struct ListAt {
    len: u32,
    block: usize,
    byte: usize,
}

/// One posting list: passages in increasing order, decoded as read.
#[derive(Debug, Clone, Copy)]
pub struct List<'a> {
    len: usize,
    blocks: &'a [(u32, u32)],
    data: &'a [u8],
}

/// Reads one LEB128 varint at `*at`, advancing it.
#[inline]
fn read_varint(data: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    loop {
        let b = data[*at];
        *at += 1;
        v |= u32::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return v;
        }
        shift += 7;
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

impl<'a> List<'a> {
    /// Number of passages.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the list is empty (never, for a list of the index).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The passages in block `b`.
    fn block(&self, b: usize) -> Block<'a> {
        let (first, at) = self.blocks[b];
        Block {
            next: Some(first),
            prev: first,
            left: (self.len - b * BLOCK).min(BLOCK) - 1,
            at: at as usize,
            data: self.data,
        }
    }

    /// The passages, in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + 'a {
        let list = *self;
        (0..list.blocks.len()).flat_map(move |b| list.block(b))
    }

    /// Whether passage `p` is in the list (the one block that may hold it
    /// is decoded).
    pub fn contains(&self, p: u32) -> bool {
        let b = self.blocks.partition_point(|&(first, _)| first <= p);
        if b == 0 {
            return false;
        }
        for q in self.block(b - 1) {
            if q >= p {
                return q == p;
            }
        }
        false
    }

    /// The passages as a vector.
    pub fn to_vec(&self) -> Vec<u32> {
        self.iter().collect()
    }

    /// Membership tests for passages asked in about increasing order.
    pub fn probe(&self) -> Probe<'a> {
        Probe {
            list: *self,
            from: u32::MAX,
            to: 0,
            entries: Vec::with_capacity(BLOCK),
        }
    }
}

/// Membership tests on one [`List`] that keep the block last decoded: a
/// test that falls in it (most, when passages are asked in about
/// increasing order) decodes nothing and searches 64 numbers at most. The
/// answers are those of [`List::contains`].
#[derive(Debug, Clone)]
pub struct Probe<'a> {
    list: List<'a>,
    /// The passages the decoded block covers: from its first passage up to
    /// (not including) the next block's first.
    from: u32,
    to: u32,
    entries: Vec<u32>,
}

impl Probe<'_> {
    /// Whether passage `p` is in the list.
    pub fn contains(&mut self, p: u32) -> bool {
        if !(self.from <= p && p < self.to) {
            let blocks = self.list.blocks;
            let b = blocks.partition_point(|&(first, _)| first <= p);
            if b == 0 {
                return false;
            }
            self.entries.clear();
            self.entries.extend(self.list.block(b - 1));
            self.from = blocks[b - 1].0;
            self.to = blocks.get(b).map_or(u32::MAX, |n| n.0);
        }
        self.entries.binary_search(&p).is_ok()
    }
}

/// The decoding iterator of one block.
struct Block<'a> {
    next: Option<u32>,
    prev: u32,
    left: usize,
    at: usize,
    data: &'a [u8],
}

impl Iterator for Block<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if let Some(first) = self.next.take() {
            return Some(first);
        }
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        self.prev += read_varint(self.data, &mut self.at);
        Some(self.prev)
    }
}

impl Postings {
    /// The passages under `key`.
    pub fn get(&self, key: &str) -> Option<List<'_>> {
        self.ranges.get(key).map(|&at| self.list(at))
    }

    fn list(&self, at: ListAt) -> List<'_> {
        let len = at.len as usize;
        List {
            len,
            blocks: &self.blocks[at.block..at.block + len.div_ceil(BLOCK)],
            data: &self.data[at.byte..],
        }
    }

    /// Whether `key` has passages.
    pub fn contains_key(&self, key: &str) -> bool {
        self.ranges.contains_key(key)
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Whether there is no key.
    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Every key with its passages (in no particular order).
    pub fn iter(&self) -> impl Iterator<Item = (&str, List<'_>)> {
        self.ranges.iter().map(|(k, &at)| (k.as_str(), self.list(at)))
    }

    /// The parts (for [`crate::store`]): per key its list's length, first
    /// block and first byte; the blocks; the bytes.
    #[allow(clippy::type_complexity)]
    pub fn parts(&self) -> (Vec<(&str, u32, usize, usize)>, &[(u32, u32)], &[u8]) {
        let mut keys: Vec<(&str, u32, usize, usize)> = self
            .ranges
            .iter()
            .map(|(k, at)| (k.as_str(), at.len, at.block, at.byte))
            .collect();
        // In the order of the bytes: the same postings give the same parts.
        keys.sort_unstable_by_key(|k| k.3);
        (keys, &self.blocks, &self.data)
    }

    /// Postings from their [`Postings::parts`]; `None` if a list lies
    /// outside the blocks or bytes, or a key is listed twice.
    pub fn from_parts(
        keys: Vec<(String, u32, usize, usize)>,
        blocks: Vec<(u32, u32)>,
        data: Vec<u8>,
    ) -> Option<Postings> {
        let mut ranges = HashMap::with_capacity(keys.len());
        for (key, len, block, byte) in keys {
            let nblocks = (len as usize).div_ceil(BLOCK);
            if len == 0 || block.checked_add(nblocks)? > blocks.len() || byte > data.len() {
                return None;
            }
            // The last block's entries lie within the bytes.
            let last = blocks[block + nblocks - 1].1 as usize;
            let left = (len as usize - (nblocks - 1) * BLOCK) - 1;
            if byte.checked_add(last)?.checked_add(left)? > data.len() {
                return None;
            }
            if ranges.insert(key, ListAt { len, block, byte }).is_some() {
                return None;
            }
        }
        Some(Postings { ranges, blocks, data })
    }

    /// Bytes this holds on the heap (capacities; a map entry counted as its
    /// key's text, the entry and one control byte), for memory breakdowns.
    pub fn heap_bytes(&self) -> usize {
        map_bytes(self.ranges.capacity(), std::mem::size_of::<(String, ListAt)>())
            + self.ranges.keys().map(String::capacity).sum::<usize>()
            + self.blocks.capacity() * 8
            + self.data.capacity()
    }

    /// Compresses sorted lists given as ranges of one flat array, keyed.
    fn compress(keyed: Vec<(String, std::ops::Range<usize>)>, flat: &[u32]) -> Postings {
        let mut out = Postings {
            ranges: HashMap::with_capacity(keyed.len()),
            blocks: Vec::with_capacity(keyed.iter().map(|(_, r)| r.len().div_ceil(BLOCK)).sum()),
            data: Vec::new(),
        };
        for (key, r) in keyed {
            let list = &flat[r];
            let byte = out.data.len();
            out.ranges.insert(
                key,
                ListAt {
                    len: u32::try_from(list.len()).expect("fewer than 2^32 passages"),
                    block: out.blocks.len(),
                    byte,
                },
            );
            for chunk in list.chunks(BLOCK) {
                let at = u32::try_from(out.data.len() - byte).expect("a posting list under 4 GiB");
                out.blocks.push((chunk[0], at));
                for w in chunk.windows(2) {
                    write_varint(&mut out.data, w[1] - w[0]);
                }
            }
        }
        out.data.shrink_to_fit();
        out
    }

    /// The postings of runs of consecutive passages: `keys(run, visit)`
    /// calls `visit(passage, key)` for each passage of `run` in order, each
    /// key once per passage. Two passes (counting, then placing each
    /// passage at its key's cursor), so no list ever grows.
    fn build<K>(runs: &[std::ops::Range<usize>], keys: K) -> Postings
    where
        K: Fn(std::ops::Range<usize>, &mut dyn FnMut(u32, u32)) + Sync,
    {
        // Per run, the count of each key by symbol number (dense: symbol
        // numbers are).
        let mut counts: Vec<Vec<u32>> = runs
            .par_iter()
            .map(|run| {
                let mut c: Vec<u32> = Vec::new();
                keys(run.clone(), &mut |_, k| {
                    let k = k as usize;
                    if k >= c.len() {
                        c.resize((k + 1).max(c.len() * 2), 0);
                    }
                    c[k] += 1;
                });
                c
            })
            .collect();
        // Key order in the array: by symbol number (any fixed order would
        // do). Each run's counts become its cursors: where its passages of
        // the key go, after those of earlier runs.
        let top = counts.iter().map(Vec::len).max().unwrap_or(0);
        let mut ranges = Vec::new();
        let mut at = 0usize;
        for id in 0..top {
            let first = at;
            for c in &mut counts {
                if let Some(n) = c.get_mut(id) {
                    let here = *n as usize;
                    *n = u32::try_from(at).expect("fewer than 2^32 postings");
                    at += here;
                }
            }
            if at > first {
                ranges.push((Sym::from_index(id as u32).to_string(), first..at));
            }
        }
        let data: Vec<AtomicU32> = (0..at).map(|_| AtomicU32::new(0)).collect();
        runs.par_iter().zip(counts).for_each(|(run, mut cur)| {
            keys(run.clone(), &mut |p, k| {
                let c = &mut cur[k as usize];
                // Each slot is written by exactly one run (disjoint cursors).
                data[*c as usize].store(p, Ordering::Relaxed);
                *c += 1;
            });
        });
        let flat: Vec<u32> = data.into_iter().map(AtomicU32::into_inner).collect();
        Postings::compress(ranges, &flat)
    }
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
    /// Passages holding each stem.
    pub postings: Postings,
    /// Passages by variant key (verb keys, stems without a leading clitic;
    /// see [`crate::retrieve`]), apart from `df` so they never weigh.
    pub variants: Postings,
    /// All stems, sorted (for fuzzy lookup).
    pub vocab: Vec<String>,
    /// The length in characters of each stem of `vocab`.
    pub vocab_chars: Vec<usize>,
    /// The deletion neighbourhood of `vocab` (built on first fuzzy lookup).
    pub deletions: std::sync::OnceLock<crate::fuzzy::DeletionIndex>,
    /// The verb keys ([`crate::stem::root_key`]) of the stems of `vocab`
    /// (built on first use; see [`Index::writes_root`]).
    pub roots: std::sync::OnceLock<std::collections::HashSet<String>>,
    /// The folded forms of `surface` that have a root in a known pattern
    /// ([`crate::stem::derivation`]), by root (built on first use; see
    /// [`Index::derived_forms`]).
    pub derivations: std::sync::OnceLock<Derivations>,
    /// Every folded form the corpus writes, with its stem (for names, whose
    /// stems lose letters: كوخافي → وخاف).
    pub surface: BTreeMap<String, String>,
    /// The name readings of the Arabic forms of `surface` (built on first
    /// transliteration lookup; see [`Index::names`]).
    pub names: std::sync::OnceLock<crate::translit::NameTable>,
    /// The passage count of the whole corpus when this index holds one shard
    /// of it (see [`crate::stats`]); `None`: the index is the whole corpus.
    pub corpus_passages: Option<usize>,
    /// One bit per passage: set where a source's passages begin (built on
    /// first use from `analyzed`; see [`Index::same_source`]).
    pub source_starts: std::sync::OnceLock<Vec<u64>>,
}

/// Corpus forms with a known derivation, by root (see [`Index::derivations`]).
pub type Derivations = HashMap<[char; 3], Vec<(String, crate::stem::Derivation)>>;

/// A passage before it gets its source index: start, end, line, token range.
pub type PassageSpan = (usize, usize, usize, std::ops::Range<usize>);

/// The analysis of one source: its tokens and passage spans.
pub type SourceAnalysis = (Tokens, Vec<PassageSpan>);

/// Analyzes one source: tokens and passage spans.
pub fn analyze_source(source: &Source) -> SourceAnalysis {
    let tokens = Tokens::analyze(&source.text, &source.charmap);
    let terms = &tokens;
    let spans = sentences(&source.text, &source.charmap);
    let mut out = Vec::with_capacity(spans.len());
    let mut k = 0usize;
    for sp in spans {
        while k < terms.len() && terms.get(k).start() < sp.start {
            k += 1;
        }
        let first = k;
        let mut last = k;
        while last < terms.len() && terms.get(last).end() <= sp.end {
            last += 1;
        }
        if last > first {
            out.push((sp.start, sp.end, source.line_of(sp.start), first..last));
        }
        k = last;
    }
    (tokens, out)
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

/// Which keys of a passage [`PassageKeys::of`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// Its [`passage_keys`].
    Stems,
    /// Its [`crate::retrieve::passage_variants`].
    Variants,
}

/// The keys of passages read from packed tokens, as [`passage_keys`] and
/// [`crate::retrieve::passage_variants`] give them from [`Term`]s (the same
/// set, as symbol numbers; unique), without making terms: what the postings
/// read of each word is looked up by its number in a table ([`WordKeys`]),
/// and the words joined around a fragment are interned once per pair of
/// forms met, not once per occurrence.
#[derive(Debug)]
pub struct PassageKeys<'a> {
    words: &'a WordKeys,
    /// The keys of the joined form of two words (by symbol number), when
    /// one is a fragment.
    joined: FxHashMap<(u32, u32), Keys>,
    out: Vec<u32>,
}

/// What the postings read of one word: the symbol numbers of its stem and
/// of its variant keys ([`NONE`] for none), and whether it is a fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Keys {
    stem: u32,
    root_variant: u32,
    clitic_variant: u32,
    fragment: bool,
}

/// No symbol.
const NONE: u32 = u32::MAX;

impl Keys {
    fn of(word: Sym) -> Keys {
        let f = word.form();
        Keys {
            stem: f.stem.index(),
            root_variant: f.root_variant.map_or(NONE, |s| s.index()),
            clitic_variant: f.clitic_variant.map_or(NONE, |s| s.index()),
            fragment: f.fragment,
        }
    }
}

/// [`Keys`] of every word of some tokens, by symbol number (a dense table:
/// symbol numbers are dense).
#[derive(Debug, Default)]
pub struct WordKeys(Vec<Keys>);

impl WordKeys {
    /// The keys of every word of these sources.
    pub fn of(analyzed: &[Analyzed]) -> WordKeys {
        let top = analyzed
            .par_iter()
            .map(|a| a.tokens.words().map(|w| w & MAX_INDEX).max().unwrap_or(0))
            .max()
            .unwrap_or(0) as usize;
        let mut seen = vec![false; top + 1];
        for a in analyzed {
            for w in a.tokens.words() {
                seen[(w & MAX_INDEX) as usize] = true;
            }
        }
        let absent = Keys {
            stem: NONE,
            root_variant: NONE,
            clitic_variant: NONE,
            fragment: false,
        };
        WordKeys(
            seen.par_iter()
                .enumerate()
                .map(|(i, &seen)| {
                    if seen {
                        Keys::of(Sym::from_index(i as u32))
                    } else {
                        absent
                    }
                })
                .collect(),
        )
    }
}

impl<'a> PassageKeys<'a> {
    /// Keys of passages whose words are in `words` (others are looked up).
    pub fn new(words: &'a WordKeys) -> PassageKeys<'a> {
        PassageKeys {
            words,
            joined: FxHashMap::default(),
            out: Vec::new(),
        }
    }

    /// The keys of tokens `range` of `tokens`, as symbol numbers (unique,
    /// in no particular order).
    pub fn of(&mut self, tokens: &Tokens, range: std::ops::Range<usize>, kind: KeyKind) -> &[u32] {
        self.out.clear();
        let push = |out: &mut Vec<u32>, k: &Keys| match kind {
            KeyKind::Stems => out.push(k.stem),
            KeyKind::Variants => {
                if k.root_variant != NONE {
                    out.push(k.root_variant);
                }
                if k.clitic_variant != NONE {
                    out.push(k.clitic_variant);
                }
            }
        };
        let mut prev: Option<(u32, bool)> = None;
        for i in range {
            let w = tokens.words.get(i) & MAX_INDEX;
            let k = match self.words.0.get(w as usize) {
                Some(k) if k.stem != NONE => *k,
                _ => Keys::of(Sym::from_index(w)),
            };
            push(&mut self.out, &k);
            if let Some((a, a_fragment)) = prev {
                if a_fragment || k.fragment {
                    let j = self.joined.entry((a, w)).or_insert_with(|| {
                        let (a, b) = (Sym::from_index(a), Sym::from_index(w));
                        Keys::of(Sym::new(&format!("{a}{b}")))
                    });
                    push(&mut self.out, j);
                }
            }
            prev = Some((w, k.fragment));
        }
        self.out.sort_unstable();
        self.out.dedup();
        &self.out
    }
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
pub fn analyze_all(corpus: &Corpus, progress: &crate::progress::Progress) -> Vec<SourceAnalysis> {
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
    pub fn assemble(analyzed: Vec<SourceAnalysis>) -> Index {
        let mut index = Index::place(analyzed);
        let (postings, variants) = index.build_postings();
        // Every folded form with its stem (the stem is a function of the form).
        let forms: FxHashMap<u32, Sym> = index
            .analyzed
            .par_iter()
            .fold(FxHashMap::default, |mut m: FxHashMap<u32, Sym>, a| {
                for w in a.tokens.words() {
                    m.entry(w & MAX_INDEX).or_insert_with(|| Sym::from_index(w & MAX_INDEX));
                }
                m
            })
            .reduce(FxHashMap::default, |mut a, b| {
                a.extend(b);
                a
            });
        index.finish(postings, variants, forms.into_values());
        index
    }

    /// The index of analyzed sources whose postings were built before (by
    /// [`Index::assemble`] over the same analysis, kept by
    /// [`crate::store`]): `forms` are the distinct folded forms of the
    /// tokens. Gives the index `assemble` gives, without building postings.
    pub fn with_postings(
        analyzed: Vec<SourceAnalysis>,
        postings: Postings,
        variants: Postings,
        forms: impl Iterator<Item = Sym>,
    ) -> Index {
        let mut index = Index::place(analyzed);
        index.finish(postings, variants, forms);
        index
    }

    /// Sources and passages in place, nothing else.
    fn place(analyzed: Vec<SourceAnalysis>) -> Index {
        let mut index = Index::default();
        index.passages.reserve_exact(analyzed.iter().map(|a| a.1.len()).sum());
        index.analyzed.reserve_exact(analyzed.len());
        for (si, (tokens, spans)) in analyzed.into_iter().enumerate() {
            let first = index.passages.len();
            // The line is kept by the analysis (and the store), not here:
            // `Source::line_of` gives it where it is shown.
            for (start, end, _line, tokens) in spans {
                index.passages.push(Passage::new(si, start, end, tokens));
            }
            index.analyzed.push(Analyzed {
                tokens,
                passages: first..index.passages.len(),
            });
        }
        index
    }

    /// The postings and variant postings of the placed passages.
    pub fn build_postings(&self) -> (Postings, Postings) {
        // Runs of passages keyed in parallel (by symbol number, no string
        // hashed or compared), placed in one array per kind. At most 16
        // runs: each counts its keys in a dense array as long as the
        // vocabulary.
        let n = self.passages.len();
        let run = n.div_ceil((4 * rayon::current_num_threads()).min(16)).max(4096);
        let runs: Vec<std::ops::Range<usize>> = (0..n.div_ceil(run)).map(|r| r * run..((r + 1) * run).min(n)).collect();
        let words = WordKeys::of(&self.analyzed);
        let each = |run: std::ops::Range<usize>, kind: KeyKind, visit: &mut dyn FnMut(u32, u32)| {
            let mut keys = PassageKeys::new(&words);
            for p in run {
                let pa = &self.passages[p];
                let tokens = &self.analyzed[pa.source()].tokens;
                for &k in keys.of(tokens, pa.tokens(), kind) {
                    visit(p as u32, k);
                }
            }
        };
        // One kind after the other: each holds its flat array (4 bytes a
        // posting) until compressed, and both at once raised the peak of
        // the run by ≈ the smaller one (each build is parallel already).
        let stems = Postings::build(&runs, |run, visit| each(run, KeyKind::Stems, visit));
        let variants = Postings::build(&runs, |run, visit| each(run, KeyKind::Variants, visit));
        (stems, variants)
    }

    /// Postings, document frequencies, vocabulary and surface forms.
    fn finish(&mut self, postings: Postings, variants: Postings, forms: impl Iterator<Item = Sym>) {
        self.postings = postings;
        self.variants = variants;
        self.df = self
            .postings
            .iter()
            .map(|(k, v)| (k.to_string(), v.len() as u32))
            .collect();
        self.surface = forms.map(|n| (n.to_string(), n.form().stem.to_string())).collect();
        let mut vocab: Vec<String> = self.df.keys().cloned().collect();
        vocab.sort();
        self.vocab_chars = vocab.iter().map(|v| v.chars().count()).collect();
        self.vocab = vocab;
    }

    /// What each structure of the index holds on the heap, in bytes
    /// (capacities, maps estimated as their entries plus one control byte,
    /// strings as their capacity), for memory breakdowns
    /// (`examples/heap.rs`). Structures built on first use count once built.
    pub fn heap_bytes(&self) -> Vec<(&'static str, usize)> {
        let strings = |it: &mut dyn Iterator<Item = &String>| it.map(String::capacity).sum::<usize>();
        vec![
            (
                "tokens",
                self.analyzed.iter().map(|a| a.tokens.heap_bytes()).sum::<usize>(),
            ),
            (
                "analyzed (per source)",
                self.analyzed.capacity() * std::mem::size_of::<Analyzed>(),
            ),
            ("passages", self.passages.capacity() * std::mem::size_of::<Passage>()),
            ("postings", self.postings.heap_bytes()),
            ("variant postings", self.variants.heap_bytes()),
            (
                "df",
                map_bytes(self.df.capacity(), std::mem::size_of::<(String, u32)>()) + strings(&mut self.df.keys()),
            ),
            (
                "vocab",
                self.vocab.capacity() * std::mem::size_of::<String>()
                    + strings(&mut self.vocab.iter())
                    + self.vocab_chars.capacity() * 8,
            ),
            (
                "surface",
                self.surface.len() * (2 * std::mem::size_of::<String>() + 8)
                    + strings(&mut self.surface.keys())
                    + strings(&mut self.surface.values()),
            ),
            (
                "source starts",
                self.source_starts.get().map_or(0, |b| b.capacity() * 8),
            ),
        ]
    }

    /// Whether some stem of the corpus has verb key `root` (the whole
    /// corpus's vocabulary, also when the index holds one shard of it).
    pub fn writes_root(&self, root: &str) -> bool {
        self.roots
            .get_or_init(|| self.vocab.iter().filter_map(|v| crate::stem::root_key(v)).collect())
            .contains(root)
    }

    /// The corpus's folded forms of another derivation of the root of
    /// `d` ([`crate::stem::related_derivations`]).
    pub fn derived_forms<'a>(&'a self, d: &'a crate::stem::Derivation) -> impl Iterator<Item = &'a str> + 'a {
        let by_root = self.derivations.get_or_init(|| {
            let mut m: Derivations = HashMap::new();
            for form in self.surface.keys() {
                if let Some(fd) = crate::stem::derivation(form) {
                    m.entry(fd.root).or_default().push((form.clone(), fd));
                }
            }
            m
        });
        by_root
            .get(&d.root)
            .into_iter()
            .flatten()
            .filter(move |(_, fd)| crate::stem::related_derivations(d, fd))
            .map(|(form, _)| form.as_str())
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

    /// Whether passages `a <= b` both exist and lie in one source (no
    /// source begins in `a + 1..=b`), read from one bit per passage instead
    /// of each passage's source (retrieval asks it around every candidate).
    pub fn same_source(&self, a: usize, b: usize) -> bool {
        if b >= self.passages.len() || a > b {
            return false;
        }
        let starts = self.source_starts.get_or_init(|| {
            let mut bits = vec![0u64; self.passages.len().div_ceil(64)];
            for an in &self.analyzed {
                if an.passages.start < an.passages.end {
                    bits[an.passages.start / 64] |= 1 << (an.passages.start % 64);
                }
            }
            bits
        });
        (a + 1..=b).all(|p| starts[p / 64] & (1 << (p % 64)) == 0)
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
                out.extend(p.iter());
            }
        }
        out
    }

    /// Tokens of a passage.
    pub fn terms(&self, passage: usize) -> Vec<Term> {
        let p = &self.passages[passage];
        self.analyzed[p.source()].tokens.terms(p.tokens())
    }

    /// Tokens of passages `a..=b` of one source.
    pub fn span_terms(&self, a: usize, b: usize) -> Vec<Term> {
        let (pa, pb) = (&self.passages[a], &self.passages[b]);
        self.analyzed[pa.source()]
            .tokens
            .terms(pa.tokens().start..pb.tokens().end)
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
        assert_eq!(c.sources[0].line_of(ix.passages[1].start()), 2);
        assert_eq!(c.sources[0].line_of(ix.passages[2].start()), 2);
        let t: Vec<_> = ix.terms(2).iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(t, ["الجزائر", "رفضت"]);
    }

    #[test]
    fn packed_tokens_keep_spans_breaks_and_values() {
        let text = "قال الوزير، إن ثلاثين ألف شخص زاروا 12 مدينة";
        let t = Tokens::analyze(text, &Default::default());
        let terms = t.all();
        assert_eq!(terms.len(), 9);
        for term in &terms {
            assert_eq!(term.stem, stem(&term.norm));
            assert_eq!(term.root, crate::stem::root_key(&term.stem).map(|r| Sym::new(&r)));
        }
        assert_eq!(&text[terms[1].start..terms[1].end], "الوزير");
        assert!(terms[2].brk && !terms[1].brk && !terms[3].brk);
        let values: Vec<(usize, f64)> = terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Some((i, t.value?)))
            .collect();
        assert_eq!(values, [(3, 30000.0), (7, 12.0)]);
        let parts = terms.iter().map(|t| (t.norm, t.start, t.end, t.brk)).collect();
        assert_eq!(Tokens::from_parts(parts, t.values().to_vec()), Some(t));
        assert_eq!(Tokens::from_parts(Vec::new(), vec![(0, 1.0)]), None);
    }

    #[test]
    fn a_sentence_end_breaks_the_clause() {
        // Seeds 002 lines 33 and 35, as a window joins them: the word after
        // "لدى روسيا." starts another clause.
        let terms = Term::analyze("القلق لدى روسيا. ونظرا لتهديدات الكونغرس", &Default::default());
        assert!(terms[3].brk && !terms[2].brk && !terms[4].brk);
        for (text, at) in [("وقال: لا", 1), ("تراجع؟ ربما", 1), ("ماذا!\nثم", 1)] {
            assert!(Term::analyze(text, &Default::default())[at].brk, "{text}");
        }
        // Not a decimal point, nor the dots of an abbreviation.
        let terms = Term::analyze("بنسبة 3.5 في U.S forces", &Default::default());
        assert!(terms.iter().all(|t| !t.brk), "{terms:?}");
    }

    #[test]
    fn same_source_follows_the_passages_sources() {
        // Sources of 3, 0, 70 (across a word of bits), 1 and 2 passages.
        let mut texts = vec!["أ. ب. ج.".to_string(), String::new()];
        texts.push((0..70).map(|i| format!("جملة {i}.")).collect::<Vec<_>>().join(" "));
        texts.push("د.".to_string());
        texts.push("ه. و.".to_string());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let ix = Index::build(&corpus(&refs));
        assert_eq!(ix.len(), 3 + 70 + 1 + 2);
        for a in 0..ix.len() + 2 {
            for b in a..(a + 4).min(ix.len() + 2) {
                let by_source = b < ix.len() && ix.passages[a].source() == ix.passages[b].source();
                assert_eq!(ix.same_source(a, b), by_source, "{a} {b}");
            }
        }
        assert!(!ix.same_source(3, 2));
    }

    #[test]
    fn postings_are_sorted_and_complete() {
        let c = corpus(&["المغرب والجزائر. تونس.", "المغرب. الجزائر والمغرب"]);
        let ix = Index::build(&c);
        for (key, list) in ix.postings.iter() {
            let list = list.to_vec();
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{key}");
            let holding: Vec<u32> = (0..ix.len() as u32)
                .filter(|&p| passage_keys(&ix.terms(p as usize)).iter().any(|k| k == key))
                .collect();
            assert_eq!(list, holding, "{key}");
        }
        assert_eq!(ix.postings.get("مغرب").map(|l| l.to_vec()), Some(vec![0, 2, 3]));
        assert_eq!(ix.df["مغرب"], 3);
    }

    #[test]
    fn tokens_of_255_bytes_and_more_keep_their_spans() {
        let long = "ب".repeat(200); // 400 bytes
        let text = format!("قال {long} و{} نعم", "x".repeat(255));
        let t = Tokens::analyze(&text, &Default::default());
        let spans: Vec<&str> = t.iter().map(|k| &text[k.start()..k.end()]).collect();
        let expected: Vec<&str> = text.split(' ').collect();
        assert_eq!(spans, expected);
        let parts = t.all().iter().map(|k| (k.norm, k.start, k.end, k.brk)).collect();
        assert_eq!(Tokens::from_parts(parts, t.values().to_vec()), Some(t));
    }

    #[test]
    fn narrow_words_read_back_as_wide_ones() {
        for number in [0, 1, 777, NARROW_MAX] {
            for flags in [0, BRK, VALUE, BRK | VALUE] {
                let w = number | flags;
                assert_eq!(narrow(w).map(widen), Some(w));
            }
        }
        assert_eq!(narrow(NARROW_MAX + 1), None);
        assert_eq!(narrow((NARROW_MAX + 1) | BRK), None);
        let given = vec![3 | BRK, NARROW_MAX | VALUE, 0, 12 | BRK | VALUE];
        let mut words = Words::Wide(given.clone());
        words.pack();
        assert!(matches!(words, Words::Narrow(_)));
        assert_eq!((0..given.len()).map(|i| words.get(i)).collect::<Vec<_>>(), given);
        // One number past 14 bits keeps the column wide, read the same.
        let mut wide = Words::Wide(vec![5, (NARROW_MAX + 1) | BRK, 7]);
        wide.pack();
        assert!(matches!(wide, Words::Wide(_)));
        assert_eq!([wide.get(0), wide.get(1), wide.get(2)], [5, (NARROW_MAX + 1) | BRK, 7]);
    }

    #[test]
    fn spans_read_back_whatever_their_gaps_and_lengths() {
        // Words of 1 to 40 letters (from 31 bytes the end is listed apart)
        // after gaps of 0 to 10 bytes (from 7 the start is listed apart),
        // over several blocks of tokens; every range read in order gives
        // the spans one by one gives, and the store's columns read back.
        let mut text = String::new();
        let mut expected = Vec::new();
        for i in 0..3 * SPAN_BLOCK + 7 {
            text.push_str(&" ".repeat(1 + (i * 7) % 10));
            if i % 5 == 0 {
                text.push('،');
            }
            text.push(' ');
            let start = text.len();
            text.push_str(&"b".repeat(1 + (i * 13) % 40));
            expected.push((start as u32, text.len() as u32));
        }
        let t = Tokens::analyze(&text, &Default::default());
        let spans: Vec<(u32, u32)> = t.iter().map(|k| (k.start, k.end)).collect();
        assert_eq!(spans, expected);
        assert!(!t.long.is_empty() && !t.far.is_empty());
        for (i, &span) in expected.iter().enumerate() {
            assert_eq!((t.get(i).start, t.get(i).end), span);
        }
        for a in [0, 1, 63, 64, 65, 100, 190] {
            for b in [a, a + 1, a + 40, t.len()] {
                let b = b.min(t.len());
                let one_by_one: Vec<Term> = (a..b).map(|i| t.term(i)).collect();
                assert_eq!(t.terms(a..b), one_by_one);
                assert_eq!(t.spans(a..b).collect::<Vec<_>>(), expected[a..b].to_vec());
            }
        }
        let (words, starts, lens, long, values) = t.columns();
        assert!(long.is_empty(), "no token of 255 bytes");
        let back = Tokens::from_columns(words, starts, lens, long, values.to_vec(), text.len());
        assert_eq!(back, Some(t));
    }

    /// Judging's terms are the terms but for their byte spans (0), for
    /// every range of every seed: words, stems, verb keys, clause breaks
    /// and number values.
    #[test]
    fn judging_terms_are_terms_without_their_spans() {
        let corpus = crate::sources::load(&[std::path::PathBuf::from("seeds")], Default::default()).unwrap();
        let index = Index::build(&corpus);
        let (mut values, mut breaks) = (0, 0);
        for a in &index.analyzed {
            let t = &a.tokens;
            for start in (0..t.len()).step_by(7) {
                for end in [start, start + 1, start + 9, start + 70, t.len()] {
                    let range = start..end.min(t.len());
                    let want: Vec<Term> = t
                        .terms(range.clone())
                        .into_iter()
                        .map(|x| Term { start: 0, end: 0, ..x })
                        .collect();
                    assert_eq!(t.judging_terms(range.clone()), want);
                    let one_by_one: Vec<Term> = range.clone().map(|i| t.judging_term(i)).collect();
                    assert_eq!(one_by_one, want);
                    values += want.iter().filter(|x| x.value.is_some()).count();
                    breaks += want.iter().filter(|x| x.brk).count();
                }
            }
        }
        assert!(values > 0 && breaks > 0, "{values} {breaks}");
    }

    #[test]
    fn starts_far_from_their_block_keep_their_spans() {
        // Gaps of 65,534, 65,535 and 70,000 bytes inside a block of
        // tokens, and a second block whose first token comes after one.
        let mut text = String::from("قال");
        for gap in [65_534, 1, 65_535, 3, 70_000] {
            text.push_str(&" ".repeat(gap));
            text.push_str("كلمة");
        }
        for i in 0..SPAN_BLOCK + 5 {
            text.push_str(if i % 2 == 0 { " كتاب" } else { " قلم" });
        }
        text.push_str(&" ".repeat(100_000));
        text.push_str("نعم");
        let t = Tokens::analyze(&text, &Default::default());
        let spans: Vec<&str> = t.iter().map(|k| &text[k.start()..k.end()]).collect();
        let expected: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(spans, expected);
        assert!(t.far.len() >= 3, "{:?}", t.far);
        let (words, starts, lens, long, values) = t.columns();
        let back = Tokens::from_columns(words, starts, lens, long, values.to_vec(), text.len());
        assert_eq!(back, Some(t));
    }

    #[test]
    fn tokens_and_passages_are_packed() {
        // 2 bytes of word (4 where a word number needs more than 14 bits),
        // 1 of length and gap, and a base per 64 tokens: about 3 bytes a
        // token (5 with wide words), besides the few values and the long or
        // far tokens (7 bytes before the words were narrowed and the
        // starts made gaps, 9 before the starts were offsets);
        // a passage in 20 bytes (48 with `usize` fields and its line).
        let texts: Vec<String> = std::fs::read_dir("seeds")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        for text in &texts {
            let t = Tokens::analyze(text, &Default::default());
            let (n, escaped, values) = (t.len(), t.long.capacity() + t.far.capacity(), t.values.capacity());
            let word = if matches!(t.words, Words::Narrow(_)) { 20 } else { 40 };
            assert!(
                t.heap_bytes() * 10 <= n * (word + 11) + escaped * 80 + values * 160,
                "{} bytes, {n} tokens, {escaped} escaped, {values} values, {} words bytes",
                t.heap_bytes(),
                t.words.heap_bytes()
            );
        }
        assert_eq!(std::mem::size_of::<Passage>(), 20);
        let p = Passage::new(3, 10, 20, 4..7);
        assert_eq!((p.source(), p.start(), p.end(), p.tokens()), (3, 10, 20, 4..7));
    }

    #[test]
    fn compressed_lists_read_back_and_answer_membership() {
        // Lengths around the block size, gaps of one to three bytes.
        let lists: Vec<Vec<u32>> = vec![
            vec![7],
            (0..BLOCK as u32).collect(),
            (0..BLOCK as u32 + 1).map(|i| i * 3 + 1).collect(),
            (0..5 * BLOCK as u32 + 17).map(|i| i * i + i * 130).collect(),
            vec![0, 127, 128, 16_511, 16_512, 2_113_663, 2_113_664, u32::MAX],
        ];
        let mut flat = Vec::new();
        let mut keyed = Vec::new();
        for (i, l) in lists.iter().enumerate() {
            keyed.push((format!("k{i}"), flat.len()..flat.len() + l.len()));
            flat.extend_from_slice(l);
        }
        let p = Postings::compress(keyed, &flat);
        assert_eq!(p.len(), lists.len());
        for (i, l) in lists.iter().enumerate() {
            let got = p.get(&format!("k{i}")).unwrap();
            assert_eq!(got.len(), l.len());
            assert_eq!(got.to_vec(), *l);
            let last = *l.last().unwrap();
            for q in (0..=last.min(100_000))
                .chain(l.iter().copied())
                .chain([last.saturating_add(1)])
            {
                assert_eq!(got.contains(q), l.binary_search(&q).is_ok(), "list {i}, passage {q}");
            }
            // A probe answers as `contains`, asked in increasing order, in
            // a scattered order and backwards.
            let mut probe = got.probe();
            let asked: Vec<u32> = (0..=last.min(100_000))
                .chain(
                    l.iter()
                        .map(|&q| q.wrapping_mul(2_654_435_761) % last.saturating_add(2)),
                )
                .chain(l.iter().rev().copied())
                .chain([last.saturating_add(1), 0, u32::MAX])
                .collect();
            for q in asked {
                assert_eq!(probe.contains(q), got.contains(q), "list {i}, passage {q}");
            }
        }
        assert!(p.get("absent").is_none());
    }

    #[test]
    fn keys_from_packed_tokens_are_those_of_terms() {
        // The seeds, and fragments around a broken word and a number.
        let mut texts: Vec<String> = std::fs::read_dir("seeds")
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        texts.push("بعد ز يارة الوزير في 12 من ا لشهر. و ب ل".into());
        let c = Corpus::of_texts(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let ix = Index::build(&c);
        // A table of the words of all but the last source: its words are
        // looked up apart.
        let words = WordKeys::of(&ix.analyzed[..ix.analyzed.len() - 1]);
        let mut keys = PassageKeys::new(&words);
        let syms = |k: &[u32]| {
            let mut s: Vec<Sym> = k.iter().map(|&i| Sym::from_index(i)).collect();
            s.sort_unstable_by_key(Sym::id);
            s
        };
        let mut joined = 0;
        for (p, pa) in ix.passages.iter().enumerate() {
            let tokens = &ix.analyzed[pa.source()].tokens;
            let terms = ix.terms(p);
            let stems = syms(keys.of(tokens, pa.tokens(), KeyKind::Stems));
            assert_eq!(stems, passage_keys(&terms), "passage {p}");
            joined += stems.len()
                - terms
                    .iter()
                    .map(|t| t.stem.id())
                    .collect::<std::collections::HashSet<_>>()
                    .len();
            let variants = syms(keys.of(tokens, pa.tokens(), KeyKind::Variants));
            assert_eq!(variants, crate::retrieve::passage_variants(&terms), "passage {p}");
        }
        assert!(joined > 10, "{joined}");
    }

    #[test]
    fn rare_stems_weigh_more() {
        let c = corpus(&["المغرب والجزائر. المغرب وروسيا. المغرب وإسرائيل."]);
        let ix = Index::build(&c);
        assert!(ix.idf(&stem("روسيا")) > ix.idf("مغرب"));
        assert!(ix.max_idf() > ix.idf(&stem("روسيا")));
        assert_eq!(ix.postings.get("مغرب").map(|l| l.to_vec()), Some(vec![0, 1, 2]));
    }

    #[test]
    fn broken_words_are_indexed_joined() {
        let c = corpus(&["بعد ز يارة الوزير"]);
        let ix = Index::build(&c);
        assert!(ix.postings.contains_key(&stem("زيارة".replace('ة', "ه").as_str())));
    }
}
