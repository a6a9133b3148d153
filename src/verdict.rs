//! Verdicts, citation statuses and the fail policy.
//!
//! This module owns the vocabulary of judgements (stance, verdict, citation
//! and quote status), the rule that turns the stances of all sources into a
//! claim's verdict, and the `--fail-on` policy (which verdicts and whether
//! citation problems fail a claim; `check` applies it and words the failures).
//!
//! | verdict | when |
//! | --- | --- |
//! | `supported` | at least one source supports, none contradicts |
//! | `contradicted` | at least one source contradicts, none supports |
//! | `disputed` | sources both support and contradict |
//! | `unsourced` | no source supports or contradicts |

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// A claim's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Some source supports, none contradicts.
    Supported,
    /// Some source contradicts, none supports.
    Contradicted,
    /// Sources both support and contradict.
    Disputed,
    /// No source supports or contradicts.
    Unsourced,
}

impl Verdict {
    /// All verdicts, in report order.
    pub const ALL: [Verdict; 4] = [
        Verdict::Supported,
        Verdict::Contradicted,
        Verdict::Disputed,
        Verdict::Unsourced,
    ];

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Disputed => "disputed",
            Verdict::Unsourced => "unsourced",
        }
    }

    /// The verdict that follows from whether any source supports or contradicts.
    pub fn from_stances(any_supports: bool, any_contradicts: bool) -> Verdict {
        match (any_supports, any_contradicts) {
            (true, false) => Verdict::Supported,
            (false, true) => Verdict::Contradicted,
            (true, true) => Verdict::Disputed,
            (false, false) => Verdict::Unsourced,
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A source's stance towards a claim (silent sources are not listed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The source carries the claim with the same polarity.
    Supports,
    /// The source states something incompatible with the claim.
    Contradicts,
    /// The source is about the claim but neither establishes nor denies it.
    Mentions,
}

impl Stance {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Contradicts => "contradicts",
            Stance::Mentions => "mentions",
        }
    }
}

/// What a cited source does for its claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CitationStatus {
    /// The cited source supports the claim.
    Confirms,
    /// The cited source contradicts the claim.
    Contradicts,
    /// The cited source is about the claim but does not establish it.
    Mentions,
    /// Nothing relevant in the cited source.
    Silent,
    /// No such source.
    Missing,
}

impl CitationStatus {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            CitationStatus::Confirms => "confirms",
            CitationStatus::Contradicts => "contradicts",
            CitationStatus::Mentions => "mentions",
            CitationStatus::Silent => "silent",
            CitationStatus::Missing => "missing",
        }
    }

    /// The citation status that follows from the source's stance.
    pub fn from_stance(stance: Option<Stance>) -> CitationStatus {
        match stance {
            Some(Stance::Supports) => CitationStatus::Confirms,
            Some(Stance::Contradicts) => CitationStatus::Contradicts,
            Some(Stance::Mentions) => CitationStatus::Mentions,
            None => CitationStatus::Silent,
        }
    }
}

/// Whether a quote was found in its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteStatus {
    /// Found, within tolerance.
    Found,
    /// Not found.
    NotFound,
}

/// A reason a claim can fail, as named in `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FailOn {
    /// The verdict is `contradicted`.
    Contradicted,
    /// The verdict is `disputed`.
    Disputed,
    /// The verdict is `unsourced`.
    Unsourced,
    /// A citation does not confirm, or its quote is not found.
    Citation,
}

impl FailOn {
    /// All policy items (the default policy).
    pub const ALL: [FailOn; 4] = [
        FailOn::Contradicted,
        FailOn::Disputed,
        FailOn::Unsourced,
        FailOn::Citation,
    ];

    /// Parses one policy item.
    pub fn parse(s: &str) -> Option<FailOn> {
        match s.trim() {
            "contradicted" => Some(FailOn::Contradicted),
            "disputed" => Some(FailOn::Disputed),
            "unsourced" => Some(FailOn::Unsourced),
            "citation" => Some(FailOn::Citation),
            _ => None,
        }
    }

    fn verdict(v: Verdict) -> Option<FailOn> {
        match v {
            Verdict::Supported => None,
            Verdict::Contradicted => Some(FailOn::Contradicted),
            Verdict::Disputed => Some(FailOn::Disputed),
            Verdict::Unsourced => Some(FailOn::Unsourced),
        }
    }
}

/// The set of reasons that fail a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy(pub BTreeSet<FailOn>);

impl Default for Policy {
    fn default() -> Self {
        Policy(FailOn::ALL.into_iter().collect())
    }
}

impl Policy {
    /// Parses a comma list such as `contradicted,citation`.
    pub fn parse(list: &str) -> Result<Policy, String> {
        let mut set = BTreeSet::new();
        for item in list.split(',').filter(|s| !s.trim().is_empty()) {
            match FailOn::parse(item) {
                Some(f) => {
                    set.insert(f);
                }
                None => {
                    let names = ["contradicted", "disputed", "unsourced", "citation"];
                    let hint = crate::claims::nearest(item.trim(), &names)
                        .map(|n| format!(", did you mean `{n}`?"))
                        .unwrap_or_default();
                    return Err(format!(
                        "unknown --fail-on item `{}`{hint} (use a comma list of {})",
                        item.trim(),
                        names.join(", ")
                    ));
                }
            }
        }
        if set.is_empty() {
            return Err(
                "--fail-on needs at least one of contradicted, disputed, unsourced, citation (to never fail, pin claims with `expect` or use --baseline)"
                    .to_string(),
            );
        }
        Ok(Policy(set))
    }

    /// Whether the policy fails claims with this verdict.
    pub fn fails_verdict(&self, v: Verdict) -> bool {
        FailOn::verdict(v).is_some_and(|f| self.0.contains(&f))
    }

    /// Whether the policy fails claims with citation problems.
    pub fn fails_citations(&self) -> bool {
        self.0.contains(&FailOn::Citation)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_table() {
        assert_eq!(Verdict::from_stances(true, false), Verdict::Supported);
        assert_eq!(Verdict::from_stances(false, true), Verdict::Contradicted);
        assert_eq!(Verdict::from_stances(true, true), Verdict::Disputed);
        assert_eq!(Verdict::from_stances(false, false), Verdict::Unsourced);
    }

    #[test]
    fn policy_parsing() {
        let p = Policy::parse("contradicted,citation").unwrap();
        assert!(p.fails_verdict(Verdict::Contradicted));
        assert!(!p.fails_verdict(Verdict::Unsourced));
        assert!(!p.fails_verdict(Verdict::Supported));
        assert!(p.fails_citations());
        let e = Policy::parse("contradicted,unsorced").unwrap_err();
        assert!(e.contains("did you mean `unsourced`"), "{e}");
        assert!(Policy::parse("").is_err());
        assert!(Policy::parse(",").is_err());
    }

    #[test]
    fn names_serialize_as_in_the_spec() {
        assert_eq!(serde_json::to_string(&QuoteStatus::NotFound).unwrap(), "\"not-found\"");
        assert_eq!(
            serde_json::to_string(&CitationStatus::Confirms).unwrap(),
            "\"confirms\""
        );
        assert_eq!(serde_json::to_string(&Verdict::Disputed).unwrap(), "\"disputed\"");
    }
}
