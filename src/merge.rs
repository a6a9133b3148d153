//! Merging the reports of disjoint source shards into one report.
//!
//! This module owns `claimcheck merge`: shard reports (written by
//! `check --stats` over disjoint shards of one corpus, with the same claims
//! files) become the report a single run over the whole corpus writes.
//! Every source's stance depends only on that source and the corpus
//! statistics (see [`crate::stats`]), so a claim's sources are the union of
//! the shards' lists; a citation takes its status from the one shard that
//! holds its source (`missing` only when no shard does); the verdict,
//! failures and `pass` are then decided by [`crate::check::conclude`], the
//! same code a single run ends with. A claim one shard did not judge (over
//! its work budget, see [`crate::check::Options::max_claim_work`]) is not
//! judged in the merged report either: as in a single run it has no sources,
//! its citations are silent, it is `unsourced` and fails, with the shard's
//! reason. Reports that do not belong together
//! (other claims files, other statistics, another schema, overlapping
//! shards) are refused.

use crate::check::{conclude, NOT_JUDGED};
use crate::report::{ClaimReport, Report, ShardInfo, Summary, SCHEMA};
use crate::verdict::{CitationStatus, Policy};
use std::collections::HashMap;
use thiserror::Error;

/// Shard reports that cannot be merged.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum MergeError {
    /// No report given.
    #[error("merge needs at least one shard report")]
    Empty,
    /// A report of another schema version.
    #[error(
        "{file}: schema `{found}`, but {first} has `{expected}`; merge reports written by the same claimcheck version"
    )]
    Schema {
        /// The report.
        file: String,
        /// Its schema.
        found: String,
        /// The first report.
        first: String,
        /// The first report's schema.
        expected: String,
    },
    /// A report written without `--stats`.
    #[error("{file} is not a shard report: write each shard's report with `claimcheck check --stats STATS.json --format json`")]
    NotShard {
        /// The report.
        file: String,
    },
    /// Reports of different claims files.
    #[error("{file} and {first} come from different claims files ({detail}); merge reports of the same claims files")]
    OtherClaims {
        /// The report.
        file: String,
        /// The first report.
        first: String,
        /// What differs.
        detail: String,
    },
    /// Reports scored with different statistics.
    #[error(
        "{file} and {first} were scored with different corpus statistics; run every shard with the same `--stats` file"
    )]
    OtherStats {
        /// The report.
        file: String,
        /// The first report.
        first: String,
    },
    /// Two shards hold the same source.
    #[error(
        "source `{id}` is in both {first} and {second}: the shards overlap; give each source to exactly one shard"
    )]
    Overlap {
        /// The source id.
        id: String,
        /// The first report holding it.
        first: String,
        /// The second report holding it.
        second: String,
    },
}

fn describe(info: &ShardInfo) -> String {
    info.claims_files
        .iter()
        .map(|f| format!("{} {}", f.path, f.digest))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks that the reports belong together: same schema, shard reports of
/// the same claims files and statistics, disjoint sources.
fn validate(parts: &[(String, Report)]) -> Result<(), MergeError> {
    let (first_name, first) = parts.first().ok_or(MergeError::Empty)?;
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for (name, r) in parts {
        if r.schema != first.schema || r.schema != SCHEMA {
            return Err(MergeError::Schema {
                file: name.clone(),
                found: r.schema.clone(),
                first: first_name.clone(),
                expected: if first.schema == r.schema {
                    SCHEMA.to_string()
                } else {
                    first.schema.clone()
                },
            });
        }
        let (Some(info), Some(first_info)) = (&r.shard, &first.shard) else {
            let file = if first.shard.is_none() { first_name } else { name };
            return Err(MergeError::NotShard { file: file.clone() });
        };
        if info.claims_files != first_info.claims_files {
            return Err(MergeError::OtherClaims {
                file: name.clone(),
                first: first_name.clone(),
                detail: format!("{} vs {}", describe(info), describe(first_info)),
            });
        }
        let same_claims = r.claims.len() == first.claims.len()
            && r.claims.iter().zip(&first.claims).all(|(a, b)| {
                a.file == b.file && a.id == b.id && a.line == b.line && a.citations.len() == b.citations.len()
            });
        if !same_claims {
            return Err(MergeError::OtherClaims {
                file: name.clone(),
                first: first_name.clone(),
                detail: "their claims differ".to_string(),
            });
        }
        if info.stats != first_info.stats {
            return Err(MergeError::OtherStats {
                file: name.clone(),
                first: first_name.clone(),
            });
        }
        for s in &r.sources {
            if let Some(prev) = owner.insert(&s.id, name) {
                return Err(MergeError::Overlap {
                    id: s.id.clone(),
                    first: prev.to_string(),
                    second: name.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Merges shard reports (each paired with its file name, for messages) into
/// the report of the whole corpus, decided under `policy` and `baseline`.
pub fn merge(parts: &[(String, Report)], policy: &Policy, baseline: Option<&Report>) -> Result<Report, MergeError> {
    validate(parts)?;
    let mut sources: Vec<_> = parts.iter().flat_map(|(_, r)| r.sources.iter().cloned()).collect();
    sources.sort_by(|a, b| a.id.cmp(&b.id).then(a.path.cmp(&b.path)));
    let claims: Vec<ClaimReport> = (0..parts[0].1.claims.len())
        .map(|i| merge_claim(parts.iter().map(|(f, r)| (f.as_str(), &r.claims[i])), policy, baseline))
        .collect();
    Ok(Report {
        schema: SCHEMA.to_string(),
        sources,
        summary: Summary::of(&claims),
        claims,
        shard: None,
    })
}

/// One claim over all shards: sources unioned, each citation from the shard
/// holding its source, then decided as a single run decides.
fn merge_claim<'a>(
    mut shards: impl Iterator<Item = (&'a str, &'a ClaimReport)>,
    policy: &Policy,
    baseline: Option<&Report>,
) -> ClaimReport {
    let (first_file, first) = shards.next().expect("at least one shard");
    let mut claim = first.clone();
    let not_judged = |file: &str, c: &ClaimReport| {
        c.failures
            .iter()
            .filter(|f| f.starts_with(NOT_JUDGED))
            .map(|f| format!("{f} (shard {file})"))
            .collect::<Vec<_>>()
    };
    let mut unjudged = not_judged(first_file, first);
    for (file, other) in shards {
        unjudged.extend(not_judged(file, other));
        claim.sources.extend(other.sources.iter().cloned());
        for (mine, theirs) in claim.citations.iter_mut().zip(&other.citations) {
            // With --stats a citation resolves over the whole corpus, so at
            // most one shard holds its source.
            if mine.status == CitationStatus::Missing && theirs.status != CitationStatus::Missing {
                *mine = theirs.clone();
            }
        }
    }
    let written: Vec<String> = claim
        .citations
        .iter()
        .map(|c| c.cited.clone().unwrap_or_else(|| c.source.clone()))
        .collect();
    for c in &mut claim.citations {
        c.cited = None;
    }
    let written: Vec<&str> = written.iter().map(String::as_str).collect();
    if !unjudged.is_empty() {
        // Part of the corpus was not judged: judging the rest alone could
        // pass a claim a single run would not. Decide it as a single run
        // decides an unjudged claim.
        claim.sources.clear();
        for c in &mut claim.citations {
            if c.status != CitationStatus::Missing {
                c.status = CitationStatus::Silent;
            }
        }
    }
    conclude(&mut claim, &written, policy, baseline);
    if !unjudged.is_empty() {
        claim.pass = false;
        claim.failures = unjudged;
    }
    claim
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{CitationReport, ClaimsFileInfo, Evidence, SourceInfo, SourceStance};
    use crate::verdict::{Stance, Verdict};

    fn stance(source: &str, stance: Stance, score: f64) -> SourceStance {
        SourceStance {
            source: source.into(),
            stance,
            cited: source == "b",
            score,
            evidence: vec![Evidence {
                text: "…".into(),
                line: 1,
                start: 0,
                end: 1,
                score,
                reasons: if stance == Stance::Contradicts {
                    vec!["negation لم".into()].into()
                } else {
                    Vec::new().into()
                },
                terms: Vec::new().into(),
            }],
        }
    }

    fn shard(ids: &[&str], stances: Vec<SourceStance>, cite: CitationStatus) -> Report {
        let claim = ClaimReport {
            file: "c.yaml".into(),
            line: 3,
            id: "x".into(),
            claim: "…".into(),
            verdict: Verdict::Unsourced,
            expect: None,
            pass: false,
            sources: stances,
            citations: vec![CitationReport {
                source: if cite == CitationStatus::Missing { "b_" } else { "b" }.into(),
                status: cite,
                quote: None,
                cited: Some("b_".into()),
            }],
            failures: vec!["stale".into()],
            note: None,
        };
        Report {
            schema: SCHEMA.into(),
            sources: ids
                .iter()
                .map(|id| SourceInfo {
                    id: id.to_string(),
                    path: format!("s/{id}.txt"),
                    title: String::new(),
                })
                .collect(),
            summary: Summary::of(std::slice::from_ref(&claim)),
            claims: vec![claim],
            shard: Some(ShardInfo {
                claims_files: vec![ClaimsFileInfo {
                    path: "c.yaml".into(),
                    digest: "1".into(),
                }],
                stats: "s".into(),
            }),
        }
    }

    fn parts(reports: Vec<Report>) -> Vec<(String, Report)> {
        reports
            .into_iter()
            .enumerate()
            .map(|(i, r)| (format!("r{i}.json"), r))
            .collect()
    }

    #[test]
    fn verdicts_and_citations_are_decided_over_all_shards() {
        let a = shard(
            &["a"],
            vec![stance("a", Stance::Supports, 0.8)],
            CitationStatus::Missing,
        );
        let b = shard(
            &["b", "c"],
            vec![stance("b", Stance::Contradicts, 0.9)],
            CitationStatus::Contradicts,
        );
        let m = merge(&parts(vec![a, b]), &Policy::default(), None).unwrap();
        let c = &m.claims[0];
        assert_eq!(c.verdict, Verdict::Disputed);
        assert_eq!(c.sources.iter().map(|s| &*s.source).collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(c.citations[0].status, CitationStatus::Contradicts);
        assert_eq!(c.citations[0].source, "b");
        assert_eq!(c.citations[0].cited, None);
        assert_eq!(
            c.failures,
            [
                "disputed: supported by a but contradicted by b (negation لم)",
                "citation `b_` contradicts the claim (negation لم)"
            ]
        );
        assert_eq!(m.sources.len(), 3);
        assert_eq!(m.summary.disputed, 1);
        assert!(m.shard.is_none());
    }

    #[test]
    fn a_claim_one_shard_did_not_judge_is_not_judged_after_merging() {
        let a = shard(
            &["a"],
            vec![stance("a", Stance::Supports, 0.8)],
            CitationStatus::Missing,
        );
        let mut b = shard(&["b"], vec![], CitationStatus::Silent);
        b.claims[0].failures = vec![format!("{NOT_JUDGED} the claim meets 9 passages")];
        let m = merge(&parts(vec![a, b]), &Policy::parse("contradicted").unwrap(), None).unwrap();
        let c = &m.claims[0];
        assert_eq!(c.verdict, Verdict::Unsourced);
        assert!(c.sources.is_empty(), "{:?}", c.sources);
        assert_eq!(c.citations[0].status, CitationStatus::Silent);
        assert!(!c.pass, "an unjudged claim fails whatever the policy");
        assert_eq!(
            c.failures,
            [format!("{NOT_JUDGED} the claim meets 9 passages (shard r1.json)")]
        );
        assert_eq!(m.summary.unsourced, 1);
    }

    #[test]
    fn a_citation_no_shard_holds_stays_missing() {
        let a = shard(
            &["a"],
            vec![stance("a", Stance::Supports, 0.8)],
            CitationStatus::Missing,
        );
        let b = shard(&["c"], vec![], CitationStatus::Missing);
        let m = merge(&parts(vec![a, b]), &Policy::parse("contradicted").unwrap(), None).unwrap();
        assert_eq!(m.claims[0].citations[0].status, CitationStatus::Missing);
        assert!(m.claims[0].pass, "citations are not in the policy");
    }

    #[test]
    fn reports_that_do_not_belong_together_are_refused() {
        let a = || shard(&["a"], vec![], CitationStatus::Missing);
        let b = || shard(&["b"], vec![], CitationStatus::Silent);
        let overlap = merge(&parts(vec![a(), a()]), &Policy::default(), None).unwrap_err();
        assert!(matches!(overlap, MergeError::Overlap { ref id, .. } if id == "a"));
        let mut other = b();
        other.shard.as_mut().unwrap().claims_files[0].digest = "2".into();
        assert!(matches!(
            merge(&parts(vec![a(), other]), &Policy::default(), None),
            Err(MergeError::OtherClaims { .. })
        ));
        let mut other = b();
        other.schema = "claimcheck/report/v2".into();
        assert!(matches!(
            merge(&parts(vec![a(), other]), &Policy::default(), None),
            Err(MergeError::Schema { .. })
        ));
        let mut other = b();
        other.shard.as_mut().unwrap().stats = "t".into();
        assert!(matches!(
            merge(&parts(vec![a(), other]), &Policy::default(), None),
            Err(MergeError::OtherStats { .. })
        ));
        let mut plain = b();
        plain.shard = None;
        assert!(matches!(
            merge(&parts(vec![a(), plain]), &Policy::default(), None),
            Err(MergeError::NotShard { ref file }) if file == "r1.json"
        ));
        assert_eq!(merge(&[], &Policy::default(), None), Err(MergeError::Empty));
    }
}
