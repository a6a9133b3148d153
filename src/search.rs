//! Search: the passages that best match a phrase, to help draft claims.
//!
//! This module owns `claimcheck search`: the phrase becomes a query as a
//! claim wording would (see [`crate::matching`]), candidate passages come
//! from the index, and the best-scoring passages are returned with their
//! place and the words that matched.

use crate::index::Index;
use crate::matching::{align, Glossary, Query};
use crate::report::{round, TermMatch};
use crate::sources::Corpus;
use serde::Serialize;

/// One passage found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Source id.
    pub source: String,
    /// 1-based line.
    pub line: usize,
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// Share of the phrase carried, in [0, 1].
    pub score: f64,
    /// The passage, verbatim.
    pub text: String,
    /// How the phrase's words met the passage's.
    pub terms: Vec<TermMatch>,
}

/// The `limit` best passages for `phrase`, best first (ties in source order).
pub fn search(phrase: &str, corpus: &Corpus, index: &Index, limit: usize) -> Vec<Hit> {
    let q = Query::new(phrase, &Glossary::default(), index);
    let mut shared = crate::report::Interner::default();
    let candidates = index.candidates(&q.lookup_keys());
    let mut hits: Vec<Hit> = candidates
        .into_iter()
        .filter_map(|pi| {
            let p = &index.passages[pi as usize];
            let terms = &index.terms(pi as usize);
            let al = align(&q, terms);
            if al.score <= 0.0 {
                return None;
            }
            let source = &corpus.sources[p.source()];
            let matched = crate::check::term_matches(&q, &al, terms, source, &mut shared);
            Some(Hit {
                source: source.id.clone(),
                line: source.line_of(p.start()),
                start: p.start(),
                end: p.end(),
                score: round(al.score),
                text: source.display(p.start(), p.end()),
                terms: matched,
            })
        })
        .collect();
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.source.cmp(&b.source))
            .then(a.start.cmp(&b.start))
    });
    hits.truncate(limit);
    hits
}
