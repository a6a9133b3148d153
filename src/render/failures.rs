//! Why a claim fails, as rule ids that CI formats (SARIF, GitHub, JUnit) can name.
//!
//! A failing claim carries one plain sentence per reason in
//! [`ClaimReport::failures`]. This module pairs each sentence with a
//! [`FailureKind`] worked out from the claim's structured fields (verdict,
//! `expect`, citation statuses, quote statuses), in the order in which the
//! checker writes its sentences: first the verdict (an `expect` mismatch
//! when the claim has an `expect`, else a failing verdict), then per citation
//! its status and its quote. Which of those reasons the `--fail-on` policy
//! (or a baseline) kept is not in the report, so when the counts differ the
//! sentence's opening words decide which of the structured candidates it
//! belongs to. A sentence that fits no candidate gets [`FailureKind::Other`]
//! rather than a wrong rule.

use crate::report::{CitationReport, ClaimReport};
use crate::verdict::{CitationStatus, QuoteStatus, Verdict};

/// A reason a claim fails, one rule per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FailureKind {
    /// The verdict is `contradicted`.
    Contradicted,
    /// The verdict is `disputed`.
    Disputed,
    /// The verdict is `unsourced`.
    Unsourced,
    /// The verdict differs from the claim's `expect`.
    UnexpectedVerdict,
    /// A cited source contradicts the claim.
    CitationContradicts,
    /// A cited source only mentions the claim.
    CitationMentions,
    /// A cited source says nothing about the claim.
    CitationSilent,
    /// A citation names no source.
    CitationMissing,
    /// A cited quote is not in its source.
    QuoteNotFound,
    /// A failure this version cannot classify.
    Other,
}

impl FailureKind {
    /// Every kind, in rule order.
    pub const ALL: [FailureKind; 10] = [
        FailureKind::Contradicted,
        FailureKind::Disputed,
        FailureKind::Unsourced,
        FailureKind::UnexpectedVerdict,
        FailureKind::CitationContradicts,
        FailureKind::CitationMentions,
        FailureKind::CitationSilent,
        FailureKind::CitationMissing,
        FailureKind::QuoteNotFound,
        FailureKind::Other,
    ];

    /// The rule id (`citation-silent`).
    pub fn id(self) -> &'static str {
        match self {
            FailureKind::Contradicted => "contradicted",
            FailureKind::Disputed => "disputed",
            FailureKind::Unsourced => "unsourced",
            FailureKind::UnexpectedVerdict => "unexpected-verdict",
            FailureKind::CitationContradicts => "citation-contradicts",
            FailureKind::CitationMentions => "citation-mentions",
            FailureKind::CitationSilent => "citation-silent",
            FailureKind::CitationMissing => "citation-missing",
            FailureKind::QuoteNotFound => "quote-not-found",
            FailureKind::Other => "claim-fails",
        }
    }

    /// A PascalCase name for the rule (SARIF `name`).
    pub fn name(self) -> &'static str {
        match self {
            FailureKind::Contradicted => "Contradicted",
            FailureKind::Disputed => "Disputed",
            FailureKind::Unsourced => "Unsourced",
            FailureKind::UnexpectedVerdict => "UnexpectedVerdict",
            FailureKind::CitationContradicts => "CitationContradicts",
            FailureKind::CitationMentions => "CitationMentions",
            FailureKind::CitationSilent => "CitationSilent",
            FailureKind::CitationMissing => "CitationMissing",
            FailureKind::QuoteNotFound => "QuoteNotFound",
            FailureKind::Other => "ClaimFails",
        }
    }

    /// One sentence saying what the rule checks.
    pub fn description(self) -> &'static str {
        match self {
            FailureKind::Contradicted => "At least one source contradicts the claim and none supports it.",
            FailureKind::Disputed => "Sources both support and contradict the claim.",
            FailureKind::Unsourced => "No source supports or contradicts the claim.",
            FailureKind::UnexpectedVerdict => "The verdict differs from the one the desk signed off on (`expect`).",
            FailureKind::CitationContradicts => "A source the claim cites contradicts it.",
            FailureKind::CitationMentions => "A source the claim cites is about the claim but does not establish it.",
            FailureKind::CitationSilent => "Nothing in a source the claim cites bears on the claim.",
            FailureKind::CitationMissing => "A citation names no source (no such id, file name or id prefix).",
            FailureKind::QuoteNotFound => "A quote cited for the claim is not in its source.",
            FailureKind::Other => "The claim fails for a reason this version does not classify.",
        }
    }

    /// What to do about it, for viewers that show help (SARIF `help`).
    pub fn help(self) -> &'static str {
        match self {
            FailureKind::Contradicted => {
                "Read the contradicting passages: correct the claim, or cite why the source is wrong and set `expect: contradicted` once the desk agrees."
            }
            FailureKind::Disputed => {
                "The sources give differing accounts: say so in the claim, or set `expect: disputed` once the desk has weighed them."
            }
            FailureKind::Unsourced => {
                "Add a source that establishes the claim, reword the claim closer to its source, or set `expect: unsourced`."
            }
            FailureKind::UnexpectedVerdict => {
                "The sources changed or the claim was edited: review the evidence, then fix the claim or update `expect`."
            }
            FailureKind::CitationContradicts => "Cite a source that supports the claim, or correct the claim.",
            FailureKind::CitationMentions => {
                "The cited source is on topic but does not establish the claim: cite the passage that does, or another source."
            }
            FailureKind::CitationSilent => "The cited source does not bear on the claim: check the source id.",
            FailureKind::CitationMissing => {
                "Use a source's full id, file name or a unique id prefix (`claimcheck lint` lists the problems)."
            }
            FailureKind::QuoteNotFound => {
                "Copy the quote from the source again; small differences in letters, diacritics and punctuation are tolerated."
            }
            FailureKind::Other => "Read the failure message.",
        }
    }

    /// The kind for a failing verdict (`None` for `supported`).
    fn of_verdict(v: Verdict) -> Option<FailureKind> {
        match v {
            Verdict::Supported => None,
            Verdict::Contradicted => Some(FailureKind::Contradicted),
            Verdict::Disputed => Some(FailureKind::Disputed),
            Verdict::Unsourced => Some(FailureKind::Unsourced),
        }
    }

    /// The kind for a citation status (`None` for `confirms`).
    fn of_citation(s: CitationStatus) -> Option<FailureKind> {
        match s {
            CitationStatus::Confirms => None,
            CitationStatus::Contradicts => Some(FailureKind::CitationContradicts),
            CitationStatus::Mentions => Some(FailureKind::CitationMentions),
            CitationStatus::Silent => Some(FailureKind::CitationSilent),
            CitationStatus::Missing => Some(FailureKind::CitationMissing),
        }
    }

    /// Whether a failure sentence has the opening words of this kind.
    fn fits(self, sentence: &str) -> bool {
        let s = sentence.trim_start();
        match self {
            FailureKind::Contradicted => s.starts_with("contradicted"),
            FailureKind::Disputed => s.starts_with("disputed"),
            FailureKind::Unsourced => s.starts_with("unsourced"),
            FailureKind::UnexpectedVerdict => s.starts_with("expected"),
            FailureKind::CitationContradicts
            | FailureKind::CitationMentions
            | FailureKind::CitationSilent
            | FailureKind::CitationMissing => s.starts_with("citation"),
            FailureKind::QuoteNotFound => s.starts_with("the quote"),
            FailureKind::Other => true,
        }
    }
}

impl std::fmt::Display for FailureKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// One failure of a claim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Failure<'a> {
    /// What kind of failure.
    pub kind: FailureKind,
    /// The plain sentence from the report.
    pub message: &'a str,
    /// The citation it is about, for citation and quote failures.
    pub citation: Option<&'a CitationReport>,
}

/// The failures of a claim, one per sentence in `failures`, classified.
///
/// A passing claim has none. A failing claim without any sentence (not
/// written by this version's checker) gets one [`FailureKind::Other`].
pub fn classify(claim: &ClaimReport) -> Vec<Failure<'_>> {
    if claim.pass {
        return Vec::new();
    }
    if claim.failures.is_empty() {
        return vec![Failure {
            kind: FailureKind::Other,
            message: "the claim fails",
            citation: None,
        }];
    }
    let candidates = candidates(claim);
    if candidates.len() == claim.failures.len() && candidates.iter().zip(&claim.failures).all(|((k, _), s)| k.fits(s)) {
        return candidates
            .into_iter()
            .zip(&claim.failures)
            .map(|((kind, citation), message)| Failure {
                kind,
                message,
                citation,
            })
            .collect();
    }
    // Some reasons were left out by the policy: walk both lists in order,
    // skipping candidates the sentence does not fit.
    let mut rest = candidates.as_slice();
    claim
        .failures
        .iter()
        .map(|message| match rest.iter().position(|(k, _)| k.fits(message)) {
            Some(i) => {
                let (kind, citation) = rest[i];
                rest = &rest[i + 1..];
                Failure {
                    kind,
                    message,
                    citation,
                }
            }
            None => Failure {
                kind: FailureKind::Other,
                message,
                citation: None,
            },
        })
        .collect()
}

/// Every reason the claim could fail for, from its structured fields, in
/// the order the checker writes them.
fn candidates(claim: &ClaimReport) -> Vec<(FailureKind, Option<&CitationReport>)> {
    let mut out = Vec::new();
    match claim.expect {
        Some(expect) if expect != claim.verdict => out.push((FailureKind::UnexpectedVerdict, None)),
        Some(_) => {}
        None => out.extend(FailureKind::of_verdict(claim.verdict).map(|k| (k, None))),
    }
    for c in &claim.citations {
        if let Some(k) = FailureKind::of_citation(c.status) {
            out.push((k, Some(c)));
        }
        let quote_lost = c.quote.as_ref().is_some_and(|q| q.status == QuoteStatus::NotFound);
        if quote_lost && c.status != CitationStatus::Missing {
            out.push((FailureKind::QuoteNotFound, Some(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::QuoteReport;

    fn claim(verdict: Verdict, expect: Option<Verdict>, cites: Vec<CitationReport>, failures: &[&str]) -> ClaimReport {
        ClaimReport {
            file: "c.yaml".into(),
            line: 3,
            id: "x".into(),
            claim: "x".into(),
            verdict,
            expect,
            pass: failures.is_empty(),
            sources: vec![],
            citations: cites,
            failures: failures.iter().map(|s| s.to_string()).collect(),
            note: None,
        }
    }

    fn cite(status: CitationStatus, quote: Option<QuoteStatus>) -> CitationReport {
        CitationReport {
            source: "003".into(),
            status,
            quote: quote.map(|status| QuoteReport {
                status,
                similarity: 0.2,
                line: None,
                start: None,
                end: None,
            }),
            cited: None,
        }
    }

    fn kinds(c: &ClaimReport) -> Vec<FailureKind> {
        classify(c).iter().map(|f| f.kind).collect()
    }

    #[test]
    fn every_reason_in_order() {
        let c = claim(
            Verdict::Unsourced,
            None,
            vec![
                cite(CitationStatus::Silent, Some(QuoteStatus::NotFound)),
                cite(CitationStatus::Missing, Some(QuoteStatus::NotFound)),
                cite(CitationStatus::Confirms, None),
                cite(CitationStatus::Mentions, None),
            ],
            &[
                "unsourced: no source supports or contradicts it",
                "citation `003` is silent: nothing in 003 bears on the claim",
                "the quote cited from `003` is not in 003 (best similarity 0.20)",
                "citation `009` is missing: no source has that id, file name or id prefix",
                "citation `004` only mentions the claim without establishing it",
            ],
        );
        use FailureKind::*;
        assert_eq!(
            kinds(&c),
            [
                Unsourced,
                CitationSilent,
                QuoteNotFound,
                CitationMissing,
                CitationMentions
            ]
        );
        assert_eq!(classify(&c)[2].citation.map(|c| c.status), Some(CitationStatus::Silent));
    }

    #[test]
    fn policy_left_out_the_verdict() {
        let c = claim(
            Verdict::Contradicted,
            None,
            vec![cite(CitationStatus::Contradicts, None)],
            &["citation `003` contradicts the claim (negation)"],
        );
        assert_eq!(kinds(&c), [FailureKind::CitationContradicts]);
        let c = claim(
            Verdict::Contradicted,
            None,
            vec![cite(CitationStatus::Contradicts, None)],
            &["contradicted by 003 (negation)"],
        );
        assert_eq!(kinds(&c), [FailureKind::Contradicted]);
    }

    #[test]
    fn expect_mismatch_and_unknown_sentences() {
        let c = claim(
            Verdict::Unsourced,
            Some(Verdict::Supported),
            vec![cite(CitationStatus::Silent, None)],
            &["expected `supported` but the verdict is `unsourced`"],
        );
        assert_eq!(kinds(&c), [FailureKind::UnexpectedVerdict]);
        // A checker that also reports citations of claims with `expect`.
        let c = claim(
            Verdict::Supported,
            Some(Verdict::Supported),
            vec![cite(CitationStatus::Silent, None)],
            &["citation `003` is silent: nothing in 003 bears on the claim"],
        );
        assert_eq!(kinds(&c), [FailureKind::CitationSilent]);
        let c = claim(Verdict::Supported, None, vec![], &["something new"]);
        assert_eq!(kinds(&c), [FailureKind::Other]);
        let passing = claim(Verdict::Supported, None, vec![], &[]);
        assert!(classify(&passing).is_empty());
    }
}
