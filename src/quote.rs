//! Quotes: finding a cited passage in its source.
//!
//! This module owns locating a `quote` of a citation in the cited source by
//! approximate matching over normalized text: letter variants, diacritics,
//! tatweel, punctuation, digits and spacing are folded away first (see
//! [`crate::normalize`]), then windows of source tokens are compared with the
//! quote on their letters alone (spaces removed, so a word broken across
//! lines by PDF extraction still matches). The similarity is 1 minus the
//! edit distance divided by the longer length, in [0, 1] (for lengths more
//! than twice apart, the length difference alone: an upper bound, far below
//! the threshold). Only the windows sharing the most words with the quote
//! are compared letter by letter.

use crate::index::Term;
use crate::normalize::{tokenize, Charmap};

/// How many candidate windows (those sharing the most quote words) get the
/// full edit-distance comparison.
const MAX_WINDOWS: usize = 64;

/// At or above this similarity a quote counts as found.
pub const FOUND_AT: f64 = 0.85;

/// The best place a quote was found.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteHit {
    /// Similarity in [0, 1].
    pub similarity: f64,
    /// Byte offset of the start in the source file.
    pub start: usize,
    /// Byte offset of the end in the source file.
    pub end: usize,
}

/// Finds the window of `terms` most similar to `quote`.
pub fn locate(quote: &str, terms: &[Term]) -> Option<QuoteHit> {
    let q: Vec<String> = tokenize(quote, &Charmap::default())
        .into_iter()
        .map(|t| t.norm)
        .collect();
    if q.is_empty() || terms.is_empty() {
        return None;
    }
    let qjoined: Vec<char> = q.concat().chars().collect();
    let n = q.len();
    // Quote tokens present in a window: a cheap filter before edit distance.
    let qset: std::collections::HashSet<&str> = q.iter().map(String::as_str).collect();
    let mut best: Option<QuoteHit> = None;
    let max_len = (n + n / 4 + 2).min(terms.len());
    let min_len = n.saturating_sub(n / 4 + 1).clamp(1, max_len);
    let mut present = vec![0u32; terms.len() + 1];
    for (i, t) in terms.iter().enumerate() {
        present[i + 1] = present[i] + u32::from(qset.contains(t.norm.as_str()));
    }
    // A verbatim copy of the source's words is found at once.
    if let Some(start) = exact(&q, terms) {
        return Some(QuoteHit {
            similarity: 1.0,
            start: terms[start].start,
            end: terms[start + n - 1].end,
        });
    }
    // Windows ranked by the quote words they share; the edit distance (the
    // costly part) runs on the best few only, so a long quote against a long
    // source stays fast. Only the best `KEEP` windows are kept (a bounded
    // heap, so memory does not grow with the source), which is exactly the
    // prefix of the full ranking that the comparison below reads.
    const KEEP: usize = MAX_WINDOWS * 4;
    let mut heap: std::collections::BinaryHeap<Ranked> = std::collections::BinaryHeap::with_capacity(KEEP + 1);
    for start in 0..terms.len() {
        for len in min_len..=max_len {
            let end = start + len;
            if end > terms.len() {
                break;
            }
            let shared = present[end] - present[start];
            // A window must share a good part of the quote's words, unless the
            // quote is short (where broken words matter most).
            if n >= 4 && (shared as f64) < 0.3 * n as f64 {
                continue;
            }
            let w = Ranked(shared, start, end);
            if heap.len() < KEEP {
                heap.push(w);
            } else if heap.peek().is_some_and(|worst| w < *worst) {
                heap.pop();
                heap.push(w);
            }
        }
    }
    // Best first: most shared words, then leftmost, then shortest.
    let windows: Vec<(u32, usize, usize)> = heap.into_sorted_vec().into_iter().map(|r| (r.0, r.1, r.2)).collect();
    let cutoff = windows.get(MAX_WINDOWS.saturating_sub(1)).map_or(0, |w| w.0);
    let mut buf: Vec<char> = Vec::new();
    for &(_, start, end) in windows.iter().take_while(|w| w.0 >= cutoff).take(MAX_WINDOWS * 4) {
        buf.clear();
        for t in &terms[start..end] {
            buf.extend(t.norm.chars());
        }
        let sim = similarity(&qjoined, &buf);
        if best.as_ref().is_none_or(|b| sim > b.similarity) {
            best = Some(QuoteHit {
                similarity: sim,
                start: terms[start].start,
                end: terms[end - 1].end,
            });
        }
    }
    best
}

/// A candidate window ordered best first: `a < b` when `a` ranks before `b`
/// (more shared words, then leftmost start, then earliest end), so a
/// max-heap's top is the worst window kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Ranked(u32, usize, usize);

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other
            .0
            .cmp(&self.0)
            .then(self.1.cmp(&other.1))
            .then(self.2.cmp(&other.2))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The first place where the source's words equal the quote's, word for word.
fn exact(q: &[String], terms: &[Term]) -> Option<usize> {
    let n = q.len();
    if n == 0 || n > terms.len() {
        return None;
    }
    (0..=terms.len() - n).find(|&s| terms[s..s + n].iter().zip(q).all(|(t, w)| t.norm == *w))
}

/// 1 − edit distance / longer length.
fn similarity(a: &[char], b: &[char]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    // Cheap bound: the length difference alone.
    if (a.len().abs_diff(b.len()) as f64) / longer as f64 > 1.0 - 0.5 {
        return 1.0 - a.len().abs_diff(b.len()) as f64 / longer as f64;
    }
    1.0 - levenshtein(a, b) as f64 / longer as f64
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<Term> {
        Term::analyze(s, &Charmap::default())
    }

    #[test]
    fn finds_a_quote_despite_letter_variants_and_punctuation() {
        let src = "مقدمة. وأعلن الجيش عن اقتناء المغرب منظومة الدفاع الجوي «باراك»، في صفقة كبيرة. خاتمة";
        let hit = locate("اقتناء المغرب منظومة الدفاع الجوي باراك", &terms(src)).unwrap();
        assert!(hit.similarity > 0.99, "{hit:?}");
        assert_eq!(&src[hit.start..hit.end], "اقتناء المغرب منظومة الدفاع الجوي «باراك");
        let hit = locate("اقتناء المغرب منظومه الدفاع الجوى باراك", &terms(src)).unwrap();
        assert!(hit.similarity >= FOUND_AT, "{hit:?}");
    }

    #[test]
    fn tolerates_words_broken_across_lines() {
        let src = "بعد ز\nيارة الوزير إلى الرباط";
        let hit = locate("زيارة الوزير", &terms(src)).unwrap();
        assert!(hit.similarity > 0.99, "{hit:?}");
    }

    #[test]
    fn an_absent_quote_scores_low() {
        let src = "تحدث الوزير عن الطقس في الرباط اليوم";
        let hit = locate("اقتناء المغرب منظومة الدفاع الجوي باراك", &terms(src));
        assert!(hit.is_none_or(|h| h.similarity < FOUND_AT));
    }

    #[test]
    fn a_quote_longer_than_the_source() {
        let hit = locate("كلمة واحدة ثم كلمات كثيرة أخرى لا توجد", &terms("كلمة واحدة"));
        assert!(hit.is_none_or(|h| h.similarity < FOUND_AT));
        let hit = locate("كلمة واحدة ثم", &terms("كلمة واحدة")).unwrap();
        assert!(hit.similarity < FOUND_AT && hit.similarity > 0.5, "{hit:?}");
    }
}
