//! The report value (schema `claimcheck/report/v1`).
//!
//! This module owns the one value that judging produces and every output
//! format renders: sources, claims with their verdicts, stances, evidence,
//! citations and failures, and the summary. Its serde form is the JSON
//! report of the contract (SPEC.md); it also reads a previous report back for
//! `--baseline`. Renderers never change it, and never decide the exit code.

use crate::verdict::{CitationStatus, QuoteStatus, Stance, Verdict};
use serde::{Deserialize, Serialize};

/// The schema name written in every JSON report.
pub const SCHEMA: &str = "claimcheck/report/v1";

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// Every loaded source.
    pub sources: Vec<SourceInfo>,
    /// Every claim of every claims file, in file order.
    pub claims: Vec<ClaimReport>,
    /// Counts.
    pub summary: Summary,
    /// Present only in the report of one shard of a corpus (`check --stats`):
    /// what `merge` needs to refuse reports that do not belong together.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shard: Option<ShardInfo>,
}

/// What a shard report came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShardInfo {
    /// The claims files, in the order given, with a fingerprint of their bytes.
    pub claims_files: Vec<ClaimsFileInfo>,
    /// Fingerprint of the corpus statistics the shard was scored with.
    pub stats: String,
}

/// A claims file of a shard report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimsFileInfo {
    /// Its path as given.
    pub path: String,
    /// FNV-1a fingerprint of its bytes.
    pub digest: String,
}

/// A loaded source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Source id.
    pub id: String,
    /// Path of the file.
    pub path: String,
    /// Title (first non-empty line).
    pub title: String,
}

/// One judged claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimReport {
    /// Claims file it comes from.
    pub file: String,
    /// 1-based line of the claim in that file.
    pub line: usize,
    /// Claim id.
    pub id: String,
    /// Claim wording.
    pub claim: String,
    /// Verdict over all sources.
    pub verdict: Verdict,
    /// The verdict the desk signed off on.
    pub expect: Option<Verdict>,
    /// Whether the claim passes the fail policy.
    pub pass: bool,
    /// Every source whose stance is not silent, best first.
    pub sources: Vec<SourceStance>,
    /// One entry per citation, in file order.
    pub citations: Vec<CitationReport>,
    /// One plain sentence per reason the claim fails.
    pub failures: Vec<String>,
    /// The claim's note, shown in reports, never matched.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A source's stance towards a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceStance {
    /// Source id.
    pub source: String,
    /// Its stance.
    pub stance: Stance,
    /// Whether the claim cites it.
    pub cited: bool,
    /// Score of the best evidence, in [0, 1].
    pub score: f64,
    /// The best passages, best first.
    pub evidence: Vec<Evidence>,
}

/// A passage shown as evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The passage, verbatim from the file (declared charmaps applied).
    pub text: String,
    /// 1-based line of its start.
    pub line: usize,
    /// Byte offset of its start in the source file.
    pub start: usize,
    /// Byte offset of its end in the source file.
    pub end: usize,
    /// Score in [0, 1].
    pub score: f64,
    /// Reasons found (for `contradicts`: negation, number, antonym...).
    pub reasons: Vec<String>,
    /// How claim words met passage words.
    pub terms: Vec<TermMatch>,
}

/// How one claim word met one passage word.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermMatch {
    /// The claim's word (folded).
    pub claim: String,
    /// The passage's word, verbatim.
    pub source: String,
    /// `exact`, `stem`, `fuzzy`, `glossary`, `number`, ... (the names of
    /// [`crate::matching::How`], borrowed, not one allocation per match:
    /// reports hold hundreds of thousands at scale; owned when read back).
    pub how: std::borrow::Cow<'static, str>,
}

/// A citation's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CitationReport {
    /// The source id it resolved to, or the citation as written if missing.
    pub source: String,
    /// What the cited source does for the claim.
    pub status: CitationStatus,
    /// The quote check, `null` without a quote.
    pub quote: Option<QuoteReport>,
    /// The citation as written in the claims file; only in shard reports,
    /// where `merge` needs it to word the failures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited: Option<String>,
}

/// Where a quote was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteReport {
    /// Found or not.
    pub status: QuoteStatus,
    /// Best similarity, in [0, 1].
    pub similarity: f64,
    /// 1-based line of the best place (absent when the source is missing).
    pub line: Option<usize>,
    /// Byte offset of the best place's start.
    pub start: Option<usize>,
    /// Byte offset of the best place's end.
    pub end: Option<usize>,
}

/// Counts over all claims.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Number of claims.
    pub claims: usize,
    /// Supported claims.
    pub supported: usize,
    /// Contradicted claims.
    pub contradicted: usize,
    /// Disputed claims.
    pub disputed: usize,
    /// Unsourced claims.
    pub unsourced: usize,
    /// Claims failing the policy.
    pub failing: usize,
}

impl Summary {
    /// Counts the claims.
    pub fn of(claims: &[ClaimReport]) -> Summary {
        let mut s = Summary {
            claims: claims.len(),
            ..Summary::default()
        };
        for c in claims {
            match c.verdict {
                Verdict::Supported => s.supported += 1,
                Verdict::Contradicted => s.contradicted += 1,
                Verdict::Disputed => s.disputed += 1,
                Verdict::Unsourced => s.unsourced += 1,
            }
            if !c.pass {
                s.failing += 1;
            }
        }
        s
    }

    /// One line: "12 claims: 5 supported, ...; 2 failing".
    pub fn line(&self) -> String {
        format!(
            "{} claim{}: {} supported, {} contradicted, {} disputed, {} unsourced; {} failing",
            self.claims,
            if self.claims == 1 { "" } else { "s" },
            self.supported,
            self.contradicted,
            self.disputed,
            self.unsourced,
            self.failing
        )
    }
}

impl Report {
    /// Whether any claim fails (exit code 1).
    pub fn failing(&self) -> bool {
        self.claims.iter().any(|c| !c.pass)
    }

    /// The short form of a source id for tables (`003` for `003_9da5cf7a81fce5e7`):
    /// the shortest `_`-separated prefix that no other source shares.
    pub fn short_id<'a>(&self, id: &'a str) -> &'a str {
        let mut end = 0;
        for (i, ch) in id.char_indices() {
            if ch == '_' || ch == '-' {
                let prefix = &id[..i];
                let unique = self.sources.iter().filter(|s| s.id.starts_with(prefix)).count() <= 1;
                if unique && !prefix.is_empty() {
                    return prefix;
                }
            }
            end = i + ch.len_utf8();
        }
        &id[..end]
    }
}

/// Rounds a score for the report (3 decimals), so output is stable.
pub fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
