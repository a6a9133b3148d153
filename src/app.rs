//! The commands as library calls: `check`, `lint` and `search`.
//!
//! This module owns what each command does with its configuration: which
//! sources folders to load (`--sources`, else each claims file's `sources:`,
//! else `./seeds`), loading and validating everything before judging (so
//! nothing is reported as checked when the input is invalid), and what comes
//! back: a value plus the warnings the binary prints on stderr.

use crate::check::{self, Options};
use crate::claims::{self, ClaimsError, ClaimsFile};
use crate::index::Index;
use crate::report::Report;
use crate::search::{self, Hit};
use crate::sources::{self, Corpus, LoadOptions, Resolution, SourceError};
use std::path::{Path, PathBuf};
use thiserror::Error;

/// An input error: exit code 2, nothing reported as checked.
#[derive(Debug, Error)]
pub enum InputError {
    /// A claims file is unreadable or invalid.
    #[error(transparent)]
    Claims(#[from] ClaimsError),
    /// A sources folder is missing or unusable.
    #[error(transparent)]
    Sources(#[from] SourceError),
    /// Another bad input (baseline, antonyms file...), already worded.
    #[error("{0}")]
    Other(String),
}

/// What `check` needs.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    /// Claims files, in the order given.
    pub claims: Vec<PathBuf>,
    /// Sources folders given on the command line (override the files').
    pub sources: Vec<PathBuf>,
    /// Source loading limits.
    pub load: LoadOptions,
    /// Judging options.
    pub options: Options,
}

/// The inputs of a run, loaded and validated.
#[derive(Debug)]
pub struct Inputs {
    /// Claims files.
    pub files: Vec<ClaimsFile>,
    /// Loaded sources.
    pub corpus: Corpus,
    /// Warnings to show on stderr (skipped files, undeclared characters).
    pub warnings: Vec<String>,
}

/// The sources folders of a run: the command line's, else every file's
/// `sources:` (in order, without repeats), else `./seeds`.
pub fn source_folders(files: &[ClaimsFile], given: &[PathBuf]) -> Vec<PathBuf> {
    if !given.is_empty() {
        return given.to_vec();
    }
    let mut out: Vec<PathBuf> = Vec::new();
    for f in files {
        if let Some(s) = &f.sources {
            let clean = PathBuf::from(sources::display_path(s));
            if !out.contains(&clean) {
                out.push(clean);
            }
        }
    }
    if out.is_empty() {
        out.push(PathBuf::from("seeds"));
    }
    out
}

/// Loads claims files and sources, and validates citations.
pub fn load_inputs(
    claims_paths: &[PathBuf],
    given_sources: &[PathBuf],
    load: LoadOptions,
) -> Result<Inputs, InputError> {
    let files = claims_paths
        .iter()
        .map(|p| claims::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let folders = source_folders(&files, given_sources);
    let corpus = sources::load(&folders, load)?;
    check::validate_citations(&files, &corpus)?;
    let mut warnings: Vec<String> = corpus
        .skipped
        .iter()
        .map(|s| format!("skipped source {}: {}", s.path, s.reason))
        .collect();
    warnings.extend(corpus.warnings.iter().cloned());
    if corpus.sources.is_empty() {
        warnings.push(format!(
            "no source loaded from {}: every claim will be unsourced",
            folders
                .iter()
                .map(|f| sources::display_path(f))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    Ok(Inputs {
        files,
        corpus,
        warnings,
    })
}

/// Runs `check`: the report and the warnings.
pub fn run_check(cfg: &CheckConfig) -> Result<(Report, Vec<String>), InputError> {
    let inputs = load_inputs(&cfg.claims, &cfg.sources, cfg.load)?;
    let index = Index::build(&inputs.corpus);
    let report = check::check(&inputs.files, &inputs.corpus, &index, &cfg.options);
    Ok((report, inputs.warnings))
}

/// A problem `lint` found in a valid file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintProblem {
    /// `file:line:column: message`.
    pub message: String,
}

/// What `lint` found.
#[derive(Debug, Clone, Default)]
pub struct LintOutcome {
    /// One line per file: its path, claims and citations.
    pub files: Vec<String>,
    /// Citations that name no source.
    pub problems: Vec<LintProblem>,
    /// Warnings about sources.
    pub warnings: Vec<String>,
}

/// Runs `lint`: validates claims files and resolves citations, no matching.
pub fn run_lint(
    claims_paths: &[PathBuf],
    given_sources: &[PathBuf],
    load: LoadOptions,
) -> Result<LintOutcome, InputError> {
    let inputs = load_inputs(claims_paths, given_sources, load)?;
    let mut out = LintOutcome {
        warnings: inputs.warnings,
        ..LintOutcome::default()
    };
    for f in &inputs.files {
        let cites: usize = f.claims.iter().map(|c| c.cites.len()).sum();
        out.files.push(format!(
            "{}: {} claim{}, {} citation{}",
            f.path,
            f.claims.len(),
            if f.claims.len() == 1 { "" } else { "s" },
            cites,
            if cites == 1 { "" } else { "s" }
        ));
        for c in &f.claims {
            for cite in &c.cites {
                if inputs.corpus.resolve(&cite.source) == Resolution::Missing {
                    out.problems.push(LintProblem {
                        message: format!(
                            "{}:{}:{}: claim `{}` cites `{}`, which names no source (ids: {})",
                            f.path,
                            cite.line,
                            cite.column,
                            c.id,
                            cite.source,
                            inputs
                                .corpus
                                .sources
                                .iter()
                                .map(|s| s.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    });
                }
            }
        }
    }
    Ok(out)
}

/// Runs `search`: the best passages for a phrase.
pub fn run_search(
    phrase: &str,
    given_sources: &[PathBuf],
    limit: usize,
    load: LoadOptions,
) -> Result<(Vec<Hit>, Vec<String>), InputError> {
    let folders = if given_sources.is_empty() {
        vec![Path::new("seeds").to_path_buf()]
    } else {
        given_sources.to_vec()
    };
    let corpus = sources::load(&folders, load)?;
    let warnings = corpus
        .skipped
        .iter()
        .map(|s| format!("skipped source {}: {}", s.path, s.reason))
        .chain(corpus.warnings.iter().cloned())
        .collect();
    let index = Index::build(&corpus);
    Ok((search::search(phrase, &corpus, &index, limit), warnings))
}

/// Reads a previous JSON report for `--baseline`.
pub fn read_baseline(path: &Path) -> Result<Report, InputError> {
    let shown = sources::display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| InputError::Other(format!("{shown}: cannot read the baseline report: {e}")))?;
    let report: Report = serde_json::from_str(&text).map_err(|e| {
        InputError::Other(format!(
            "{shown}:{}:{}: not a claimcheck JSON report ({}); write one with `--format json -o {shown}`",
            e.line(),
            e.column(),
            crate::claims::strip_position(&e.to_string())
        ))
    })?;
    if report.schema != crate::report::SCHEMA {
        return Err(InputError::Other(format!(
            "{shown}: the baseline has schema `{}`, this version reads `{}`",
            report.schema,
            crate::report::SCHEMA
        )));
    }
    Ok(report)
}

/// Reads a user's antonym pairs (TSV) on top of the built-in ones.
pub fn read_antonyms(path: &Path, into: &mut crate::stance::antonyms::Antonyms) -> Result<(), InputError> {
    let shown = sources::display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| InputError::Other(format!("{shown}: cannot read the antonyms file: {e}")))?;
    into.extend(&text)
        .map_err(|line| InputError::Other(format!("{shown}:{line}:1: expected two words separated by a tab")))
}
