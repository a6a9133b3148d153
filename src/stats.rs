//! Corpus statistics that add up, for judging a corpus shard by shard.
//!
//! This module owns everything corpus-wide that a judgement depends on, in a
//! form that can be computed per shard and summed (`claimcheck stats`,
//! `stats --merge`, `check --stats`):
//!
//! - the passage count and the document frequency of every indexed stem
//!   (IDF weights, [`Index::idf`]; whether a stem is in the corpus at all,
//!   which decides a glossary unit's weight and the fallback weight of a
//!   transliterated name; the fuzzy vocabulary, which is the set of stems);
//! - every Arabic word form the corpus writes (transliteration keeps the
//!   corpus words at the *best* similarity to a Latin name, a maximum over
//!   the whole corpus);
//! - the id, path and file name of every source (a citation by unique id
//!   prefix may be unique in a shard but ambiguous in the whole corpus, or
//!   name a source in another shard).
//!
//! [`CorpusStats::apply`] makes a shard's index score exactly as the whole
//! corpus's would: everything else a judgement reads (passages, their terms,
//! postings, windows of two passages) lies inside one source. A merge is a
//! sum of counts and a union of sets; overlapping shards are refused.

use crate::index::Index;
use crate::sources::{display_path, Corpus, Source};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use thiserror::Error;

/// The schema name written in every stats file.
pub const STATS_SCHEMA: &str = "claimcheck/stats/v1";

/// What scoring needs from the whole corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusStats {
    /// Always [`STATS_SCHEMA`].
    pub schema: String,
    /// Number of passages.
    pub passages: u64,
    /// Every source, sorted by id then path.
    pub sources: Vec<SourceName>,
    /// Number of passages holding each indexed stem.
    pub df: BTreeMap<String, u64>,
    /// Every Arabic word form (folded) the corpus writes.
    pub surface: BTreeSet<String>,
}

/// What citation lookup needs of a source.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceName {
    /// Source id.
    pub id: String,
    /// Path as shown in reports.
    pub path: String,
    /// File name with extension.
    pub file_name: String,
}

/// A stats file that cannot be read, or stats that do not add up.
#[derive(Debug, Error)]
pub enum StatsError {
    /// The file cannot be read or written.
    #[error("{file}: {message}")]
    Io {
        /// The file.
        file: String,
        /// What failed.
        message: String,
    },
    /// The file is not a stats file.
    #[error("{file}:{line}:{column}: not a claimcheck stats file ({message}); write one with `claimcheck stats SOURCES -o {file}`")]
    Parse {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        message: String,
    },
    /// The file has another schema.
    #[error("{file}: the stats file has schema `{found}`, this version reads `{STATS_SCHEMA}`; recompute it with this version's `claimcheck stats`")]
    Schema {
        /// The file.
        file: String,
        /// Its schema.
        found: String,
    },
    /// Two parts hold the same source.
    #[error("source `{id}` is in both {first} and {second}: stats of overlapping shards cannot be added; give each source to exactly one shard")]
    Overlap {
        /// The source id.
        id: String,
        /// The first part holding it.
        first: String,
        /// The second part holding it.
        second: String,
    },
    /// A shard holds a source the stats do not count.
    #[error("source `{id}` ({path}) is not in the stats file {file}: compute the stats over every shard (`claimcheck stats` per shard, then `stats --merge`), with the same sources folder names")]
    NotCounted {
        /// The source id.
        id: String,
        /// Its path.
        path: String,
        /// The stats file.
        file: String,
    },
}

impl CorpusStats {
    /// The statistics of one corpus (or shard) and its index.
    pub fn of(corpus: &Corpus, index: &Index) -> CorpusStats {
        let mut sources: Vec<SourceName> = corpus
            .sources
            .iter()
            .map(|s| SourceName {
                id: s.id.clone(),
                path: s.path.clone(),
                file_name: s.file_name.clone(),
            })
            .collect();
        sources.sort();
        CorpusStats {
            schema: STATS_SCHEMA.to_string(),
            passages: index.len() as u64,
            sources,
            df: index.df.iter().map(|(k, &v)| (k.clone(), u64::from(v))).collect(),
            surface: index
                .surface
                .keys()
                .filter(|n| crate::stem::is_arabic(n))
                .cloned()
                .collect(),
        }
    }

    /// Adds up the statistics of disjoint shards; `parts` pairs each with a
    /// name for messages (its file). Refuses a source held by two parts.
    pub fn merge(parts: &[(String, CorpusStats)]) -> Result<CorpusStats, StatsError> {
        let mut owner: HashMap<&str, &str> = HashMap::new();
        let mut total = CorpusStats {
            schema: STATS_SCHEMA.to_string(),
            passages: 0,
            sources: Vec::new(),
            df: BTreeMap::new(),
            surface: BTreeSet::new(),
        };
        for (name, part) in parts {
            for s in &part.sources {
                if let Some(first) = owner.insert(&s.id, name) {
                    return Err(StatsError::Overlap {
                        id: s.id.clone(),
                        first: first.to_string(),
                        second: name.clone(),
                    });
                }
            }
            total.passages += part.passages;
            total.sources.extend(part.sources.iter().cloned());
            for (k, v) in &part.df {
                *total.df.entry(k.clone()).or_insert(0) += v;
            }
            total.surface.extend(part.surface.iter().cloned());
        }
        total.sources.sort();
        Ok(total)
    }

    /// The deterministic JSON form (one line, sorted keys, final newline).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string(self).expect("stats serialize");
        s.push('\n');
        s
    }

    /// A short fingerprint of these statistics (FNV-1a over the JSON form),
    /// written in shard reports so `merge` refuses shards scored with
    /// different statistics.
    pub fn digest(&self) -> String {
        fnv1a(self.to_json().as_bytes())
    }

    /// Reads a stats file.
    pub fn read(path: &Path) -> Result<CorpusStats, StatsError> {
        let file = display_path(path);
        let text = std::fs::read_to_string(path).map_err(|e| StatsError::Io {
            file: file.clone(),
            message: format!("cannot read the stats file: {e}"),
        })?;
        let stats: CorpusStats = serde_json::from_str(&text).map_err(|e| StatsError::Parse {
            file: file.clone(),
            line: e.line(),
            column: e.column(),
            message: crate::claims::strip_position(&e.to_string()),
        })?;
        if stats.schema != STATS_SCHEMA {
            return Err(StatsError::Schema {
                file,
                found: stats.schema,
            });
        }
        Ok(stats)
    }

    /// Checks that every source of a shard is counted here (same id and path).
    pub fn covers(&self, shard: &Corpus, file: &str) -> Result<(), StatsError> {
        for s in &shard.sources {
            let counted = self
                .sources
                .binary_search_by(|n| n.id.as_str().cmp(&s.id).then(n.path.as_str().cmp(&s.path)))
                .is_ok();
            if !counted {
                return Err(StatsError::NotCounted {
                    id: s.id.clone(),
                    path: s.path.clone(),
                    file: file.to_string(),
                });
            }
        }
        Ok(())
    }

    /// Makes a shard's index score with the whole corpus's figures: passage
    /// count, document frequencies, the stem vocabulary of fuzzy lookup, and
    /// the Arabic word forms of transliteration. Postings and passages stay
    /// the shard's own.
    pub fn apply(&self, index: &mut Index) {
        index.corpus_passages = Some(self.passages as usize);
        index.df = self
            .df
            .iter()
            .map(|(k, &v)| (k.clone(), u32::try_from(v).unwrap_or(u32::MAX)))
            .collect();
        // The same vocabulary `Index::build` derives from `df` (sorted stems).
        index.vocab = self.df.keys().cloned().collect();
        index.vocab_chars = index.vocab.iter().map(|v| v.chars().count()).collect();
        // Fuzzy lookup is built from the vocabulary: from the global one now.
        index.deletions = std::sync::OnceLock::new();
        index.roots = std::sync::OnceLock::new();
        // The name readings cover `surface`, which grows here: rebuilt on use.
        index.names = std::sync::OnceLock::new();
        index.derivations = std::sync::OnceLock::new();
        for norm in &self.surface {
            if !index.surface.contains_key(norm) {
                index.surface.insert(norm.clone(), crate::stem::stem(norm));
            }
        }
    }

    /// The whole corpus as citation lookup sees it: every source by id, path
    /// and file name, without text.
    pub fn universe(&self) -> Corpus {
        Corpus {
            sources: self
                .sources
                .iter()
                .map(|s| {
                    Source::new(
                        s.id.clone(),
                        s.path.clone(),
                        s.file_name.clone(),
                        String::new(),
                        crate::normalize::Charmap::default(),
                    )
                })
                .collect(),
            ..Corpus::default()
        }
    }
}

/// FNV-1a (64 bits) of some bytes, as 16 hex digits: a fingerprint to tell
/// inputs apart, not a cryptographic hash.
pub fn fnv1a(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Charmap;

    fn corpus(texts: &[(&str, &str)]) -> Corpus {
        Corpus {
            sources: texts
                .iter()
                .map(|(id, t)| {
                    Source::new(
                        id.to_string(),
                        format!("s/{id}.txt"),
                        format!("{id}.txt"),
                        t.to_string(),
                        Charmap::default(),
                    )
                })
                .collect(),
            ..Corpus::default()
        }
    }

    const A: (&str, &str) = ("a1", "المغرب اشترى منظومة براك. زار كوخافي الرباط.");
    const B: (&str, &str) = ("b1", "الجزائر رفضت. المغرب وروسيا.");
    const C: (&str, &str) = ("b2", "Morocco bought it. المغرب والجزائر.");

    fn stats(texts: &[(&str, &str)]) -> CorpusStats {
        let c = corpus(texts);
        CorpusStats::of(&c, &Index::build(&c))
    }

    #[test]
    fn shard_stats_add_up_to_the_whole() {
        let whole = stats(&[A, B, C]);
        let merged = CorpusStats::merge(&[("x".into(), stats(&[A])), ("y".into(), stats(&[B, C]))]).unwrap();
        assert_eq!(merged, whole);
        assert_eq!(whole.df["مغرب"], 3);
        assert!(whole.surface.contains("كوخافي") && !whole.surface.contains("morocco"));
    }

    #[test]
    fn a_shard_scores_like_the_whole_corpus() {
        let all = corpus(&[A, B, C]);
        let whole = Index::build(&all);
        let shard = corpus(&[B]);
        let mut ix = Index::build(&shard);
        assert_ne!(ix.idf("مغرب"), whole.idf("مغرب"));
        CorpusStats::of(&all, &whole).apply(&mut ix);
        for stem in ["مغرب", "جزائر", "براك", "absent"] {
            assert_eq!(ix.idf(stem), whole.idf(stem), "{stem}");
        }
        assert_eq!(ix.max_idf(), whole.max_idf());
        assert_eq!(ix.vocab, whole.vocab);
        assert!(ix.surface.contains_key("كوخافي"));
        assert_eq!(ix.postings.len(), Index::build(&shard).postings.len());
    }

    #[test]
    fn overlapping_shards_are_refused() {
        let e = CorpusStats::merge(&[("x.json".into(), stats(&[A, B])), ("y.json".into(), stats(&[B]))]).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("`b1`") && msg.contains("x.json") && msg.contains("y.json"),
            "{msg}"
        );
    }

    #[test]
    fn json_round_trips_and_is_stable() {
        let s = stats(&[A, C]);
        let back: CorpusStats = serde_json::from_str(&s.to_json()).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.digest(), s.digest());
        assert_ne!(s.digest(), stats(&[A]).digest());
    }

    #[test]
    fn the_universe_resolves_like_the_whole_corpus() {
        let all = corpus(&[A, B, C]);
        let u = stats(&[A, B, C]).universe();
        for cite in ["a", "b", "b2", "b1.txt", "zz"] {
            let name = |c: &Corpus, r| match r {
                crate::sources::Resolution::Found(i) => c.sources[i].id.clone(),
                other => format!("{other:?}"),
            };
            assert_eq!(name(&u, u.resolve(cite)), name(&all, all.resolve(cite)), "{cite}");
        }
    }

    #[test]
    fn a_shard_outside_the_stats_is_named() {
        let s = stats(&[A]);
        assert!(s.covers(&corpus(&[A]), "s.json").is_ok());
        let msg = s.covers(&corpus(&[B]), "s.json").unwrap_err().to_string();
        assert!(msg.contains("`b1`") && msg.contains("s.json"), "{msg}");
    }
}
