//! The report value (schema `claimcheck/report/v1`).
//!
//! This module owns the one value that judging produces and every output
//! format renders: sources, claims with their verdicts, stances, evidence,
//! citations and failures, and the summary. Its serde form is the JSON
//! report of the contract (SPEC.md); it also reads a previous report back for
//! `--baseline`. Renderers never change it, and never decide the exit code.

use crate::sym::FxBuild;
use crate::verdict::{CitationStatus, QuoteStatus, Stance, Verdict};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::sync::Arc;

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
    /// Source id (shared by every claim's stance of that source).
    pub source: Arc<str>,
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
///
/// Its text, reasons and terms are shared ([`Interner`]): a report of many
/// claims over a large archive shows the same passage words, reasons and
/// matches again and again (the generated archive of the benchmarks repeats
/// each sentence ≈ 125 times), and serde writes an `Arc` exactly as what it
/// holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The passage, verbatim from the file (declared charmaps applied).
    pub text: Arc<str>,
    /// 1-based line of its start.
    pub line: usize,
    /// Byte offset of its start in the source file.
    pub start: usize,
    /// Byte offset of its end in the source file.
    pub end: usize,
    /// Score in [0, 1].
    pub score: f64,
    /// Reasons found (for `contradicts`: negation, number, antonym...).
    pub reasons: Arc<[Arc<str>]>,
    /// How claim words met passage words.
    pub terms: Arc<[TermMatch]>,
}

/// How one claim word met one passage word.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TermMatch {
    /// The claim's word (folded).
    pub claim: Arc<str>,
    /// The passage's word, verbatim.
    pub source: Arc<str>,
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
        let mut s = Summary::default();
        for c in claims {
            s.add(c);
        }
        s
    }

    /// Counts one more claim.
    pub fn add(&mut self, c: &ClaimReport) {
        self.claims += 1;
        match c.verdict {
            Verdict::Supported => self.supported += 1,
            Verdict::Contradicted => self.contradicted += 1,
            Verdict::Disputed => self.disputed += 1,
            Verdict::Unsourced => self.unsourced += 1,
        }
        if !c.pass {
            self.failing += 1;
        }
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

/// Where a report goes as it is made, claim by claim (`app::run_check_streamed`):
/// the binary writes each claim and drops it instead of holding the report of
/// every claim. The calls come in the report's order: `begin` once, `claim`
/// for each claim in file order, `end` once; an error stops the run.
pub trait ReportSink {
    /// Every source of the report (sorted, as in [`Report::sources`]) and the
    /// run's warnings, known before the first claim is judged.
    fn begin(&mut self, sources: &[SourceInfo], warnings: &[String]) -> std::io::Result<()>;
    /// The next claim, in file order.
    fn claim(&mut self, claim: ClaimReport) -> std::io::Result<()>;
    /// The counts of every claim handed over, and the shard's description
    /// (`check --stats`).
    fn end(&mut self, summary: &Summary, shard: Option<&ShardInfo>) -> std::io::Result<()>;
}

/// One copy of each text, reason list and term list of a report's evidence,
/// shared by every evidence that shows it (held while a report is made, then
/// dropped: the report keeps what it shares). What is shared depends only on
/// the content, so a report is the same value whatever the order claims are
/// judged in.
#[derive(Debug, Default)]
pub struct Interner {
    /// Evidence texts.
    texts: HashSet<Arc<str>, FxBuild>,
    /// Short strings: claim and passage words, reasons (apart from the
    /// texts, so this set stays small and its look-ups hit the cache).
    words: HashSet<Arc<str>, FxBuild>,
    reasons: HashSet<Arc<[Arc<str>]>, FxBuild>,
    terms: HashSet<Arc<[TermMatch]>, FxBuild>,
    /// Source ids by source number (each id is one source's own).
    sources: Vec<Option<Arc<str>>>,
}

impl Interner {
    /// The shared copy of `text`.
    pub fn text(&mut self, text: &str) -> Arc<str> {
        Self::intern(&mut self.texts, text)
    }

    /// The shared copy of a word (or another short string).
    pub fn word(&mut self, word: &str) -> Arc<str> {
        Self::intern(&mut self.words, word)
    }

    fn intern(set: &mut HashSet<Arc<str>, FxBuild>, text: &str) -> Arc<str> {
        if let Some(t) = set.get(text) {
            return Arc::clone(t);
        }
        let t: Arc<str> = Arc::from(text);
        set.insert(Arc::clone(&t));
        t
    }

    /// The shared id of source number `i` (`id`): found by number, not by
    /// hashing the id again for every claim.
    pub fn source(&mut self, i: usize, id: &str) -> Arc<str> {
        if i >= self.sources.len() {
            self.sources.resize(i + 1, None);
        }
        Arc::clone(self.sources[i].get_or_insert_with(|| Arc::from(id)))
    }

    /// The shared copy of a list of reasons.
    pub fn reasons(&mut self, reasons: &[String]) -> Arc<[Arc<str>]> {
        let list: Vec<Arc<str>> = reasons.iter().map(|r| self.word(r)).collect();
        if let Some(l) = self.reasons.get(list.as_slice()) {
            return Arc::clone(l);
        }
        let l: Arc<[Arc<str>]> = Arc::from(list);
        self.reasons.insert(Arc::clone(&l));
        l
    }

    /// Forgets every shared copy but the source ids (kept by number): a
    /// report written claim by claim shares within a claim only, so the
    /// interner does not grow with the report.
    pub fn clear(&mut self) {
        self.texts.clear();
        self.words.clear();
        self.reasons.clear();
        self.terms.clear();
    }

    /// The shared copy of a list of term matches.
    pub fn terms(&mut self, terms: Vec<TermMatch>) -> Arc<[TermMatch]> {
        if let Some(l) = self.terms.get(terms.as_slice()) {
            return Arc::clone(l);
        }
        let l: Arc<[TermMatch]> = Arc::from(terms);
        self.terms.insert(Arc::clone(&l));
        l
    }
}

/// Rounds a score for the report (3 decimals), so output is stable.
pub fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The evidence as it was before its strings were shared.
    #[derive(Serialize)]
    struct Owned {
        text: String,
        line: usize,
        start: usize,
        end: usize,
        score: f64,
        reasons: Vec<String>,
        terms: Vec<OwnedTerm>,
    }

    #[derive(Serialize)]
    struct OwnedTerm {
        claim: String,
        source: String,
        how: String,
    }

    #[test]
    fn shared_evidence_is_written_as_owned_evidence() {
        let mut shared = Interner::default();
        let term = |claim: &str, source: &str| TermMatch {
            claim: claim.into(),
            source: source.into(),
            how: "stem".into(),
        };
        for reasons in [vec![], vec!["negation لم".to_string(), "number 48/100".to_string()]] {
            let e = Evidence {
                text: shared.text("وقعت \"الشركة\" العقد"),
                line: 3,
                start: 10,
                end: 48,
                score: 0.75,
                reasons: shared.reasons(&reasons),
                terms: shared.terms(vec![term("وقع", "وقعت"), term("عقد", "العقد")]),
            };
            let owned = Owned {
                text: e.text.to_string(),
                line: 3,
                start: 10,
                end: 48,
                score: 0.75,
                reasons: reasons.clone(),
                terms: e
                    .terms
                    .iter()
                    .map(|t| OwnedTerm {
                        claim: t.claim.to_string(),
                        source: t.source.to_string(),
                        how: t.how.to_string(),
                    })
                    .collect(),
            };
            let json = serde_json::to_string_pretty(&e).unwrap();
            assert_eq!(json, serde_json::to_string_pretty(&owned).unwrap());
            let back: Evidence = serde_json::from_str(&json).unwrap();
            assert_eq!(back, e);
        }
    }

    #[test]
    fn the_interner_keeps_one_copy() {
        let mut shared = Interner::default();
        let a = shared.text("المغرب");
        let b = shared.text(&String::from("المغرب"));
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &shared.text("الجزائر")));
        let r = shared.reasons(&["negation لم".to_string()]);
        assert!(Arc::ptr_eq(&r, &shared.reasons(&["negation لم".to_string()])));
        assert!(Arc::ptr_eq(&r[0], &shared.word("negation لم")));
        let w = shared.word("المغرب");
        assert!(Arc::ptr_eq(&w, &shared.word("المغرب")));
        let id = shared.source(7, "001-x");
        assert!(Arc::ptr_eq(&id, &shared.source(7, "001-x")));
        assert!(!Arc::ptr_eq(&id, &shared.source(3, "002-y")));
        let t = |s: &str| TermMatch {
            claim: s.into(),
            source: s.into(),
            how: "exact".into(),
        };
        let l = shared.terms(vec![t("عقد")]);
        assert!(Arc::ptr_eq(&l, &shared.terms(vec![t("عقد")])));
        assert!(!Arc::ptr_eq(&l, &shared.terms(vec![t("عقود")])));
    }
}
