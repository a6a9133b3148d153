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
    /// Claims files, in the order given.
    pub files: Vec<ClaimsFile>,
    /// The sources each file is checked against, loaded once per folder set.
    pub groups: Vec<SourceGroup>,
    /// Warnings to show on stderr (skipped files, undeclared characters).
    pub warnings: Vec<String>,
}

/// Claims files that share their sources folders, and those sources.
#[derive(Debug)]
pub struct SourceGroup {
    /// The folders.
    pub folders: Vec<PathBuf>,
    /// The loaded sources.
    pub corpus: Corpus,
    /// Indices into [`Inputs::files`].
    pub files: Vec<usize>,
}

/// The sources folders of one claims file: the command line's, else the
/// file's `sources:`, else `./seeds`.
pub fn source_folders(file: &ClaimsFile, given: &[PathBuf]) -> Vec<PathBuf> {
    if !given.is_empty() {
        return given.to_vec();
    }
    match &file.sources {
        Some(s) => vec![PathBuf::from(sources::display_path(s))],
        None => vec![PathBuf::from("seeds")],
    }
}

/// Loads claims files and their sources, and validates citations.
pub fn load_inputs(
    claims_paths: &[PathBuf],
    given_sources: &[PathBuf],
    load: LoadOptions,
) -> Result<Inputs, InputError> {
    let files = claims_paths
        .iter()
        .map(|p| claims::load_with_limit(p, load.max_claims_bytes))
        .collect::<Result<Vec<_>, _>>()?;
    let mut groups: Vec<SourceGroup> = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        let folders = source_folders(f, given_sources);
        match groups.iter_mut().find(|g| g.folders == folders) {
            Some(g) => g.files.push(fi),
            None => {
                let corpus = sources::load(&folders, load)?;
                groups.push(SourceGroup {
                    folders,
                    corpus,
                    files: vec![fi],
                });
            }
        }
    }
    let mut warnings = Vec::new();
    for g in &groups {
        let members: Vec<ClaimsFile> = g.files.iter().map(|&i| files[i].clone()).collect();
        check::validate_citations(&members, &g.corpus)?;
        warnings.extend(corpus_warnings(&g.corpus));
        if g.corpus.sources.is_empty() {
            warnings.push(format!(
                "no source loaded from {}: every claim checked against it will be unsourced",
                g.folders
                    .iter()
                    .map(|f| sources::display_path(f))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(Inputs {
        files,
        groups,
        warnings,
    })
}

/// The warnings about a corpus: skipped files, undeclared characters.
fn corpus_warnings(corpus: &Corpus) -> Vec<String> {
    corpus
        .skipped
        .iter()
        .map(|s| format!("skipped source {}: {}", s.path, s.reason))
        .chain(corpus.warnings.iter().cloned())
        .collect()
}

/// Where the English–Arabic dictionary comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum LexiconChoice {
    /// The installed FreeDict dictionary, if present.
    #[default]
    Default,
    /// A dictd dictionary: the `.index` file (its `.dict` or `.dict.dz` beside it).
    Path(PathBuf),
}

/// Loads the dictionary; `Ok(None)` when the default one is not installed.
pub fn load_lexicon(choice: &LexiconChoice) -> Result<Option<crate::lexicon::Lexicon>, InputError> {
    use crate::lexicon::Lexicon;
    let (index, dict) = match choice {
        LexiconChoice::Default => match Lexicon::find_default() {
            Some(paths) => paths,
            None => return Ok(None),
        },
        LexiconChoice::Path(index) => {
            let dz = index.with_extension("dict.dz");
            let dict = if dz.exists() { dz } else { index.with_extension("dict") };
            (index.clone(), dict)
        }
    };
    Lexicon::load(&index, &dict)
        .map(Some)
        .map_err(|e| InputError::Other(format!("cannot load the dictionary: {e}")))
}

/// Runs `check`: the report and the warnings. Each claims file is checked
/// against its own sources; the report lists every source loaded.
pub fn run_check(cfg: &CheckConfig) -> Result<(Report, Vec<String>), InputError> {
    let mut inputs = load_inputs(&cfg.claims, &cfg.sources, cfg.load)?;
    let english = inputs
        .files
        .iter()
        .flat_map(|f| f.claims.iter())
        .flat_map(|c| c.wordings())
        .any(|w| w.chars().any(|ch| ch.is_ascii_alphabetic()));
    if english && cfg.options.lexicon.is_none() {
        inputs.warnings.push(format!(
            "no English–Arabic dictionary found: English claims match Arabic sources less well (names and numbers still match); install one with `{}` or pass --lexicon",
            crate::lexicon::INSTALL_HINT
        ));
    }
    let mut per_file: Vec<Vec<crate::report::ClaimReport>> = vec![Vec::new(); inputs.files.len()];
    let mut all_sources: Vec<crate::report::SourceInfo> = Vec::new();
    for g in &inputs.groups {
        let index = Index::build(&g.corpus);
        let members: Vec<ClaimsFile> = g.files.iter().map(|&i| inputs.files[i].clone()).collect();
        let part = check::check(&members, &g.corpus, &index, &cfg.options);
        for s in part.sources {
            if !all_sources.contains(&s) {
                all_sources.push(s);
            }
        }
        let mut claims = part.claims.into_iter();
        for &fi in &g.files {
            per_file[fi] = claims.by_ref().take(inputs.files[fi].claims.len()).collect();
        }
    }
    all_sources.sort_by(|a, b| a.id.cmp(&b.id).then(a.path.cmp(&b.path)));
    let claims: Vec<_> = per_file.into_iter().flatten().collect();
    let report = Report {
        schema: crate::report::SCHEMA.to_string(),
        sources: all_sources,
        summary: crate::report::Summary::of(&claims),
        claims,
    };
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
    for (fi, f) in inputs.files.iter().enumerate() {
        let Some(g) = inputs.groups.iter().find(|g| g.files.contains(&fi)) else {
            continue;
        };
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
                if g.corpus.resolve(&cite.source) == Resolution::Missing {
                    out.problems.push(LintProblem {
                        message: format!(
                            "{}:{}:{}: claim `{}` cites `{}`, which names no source (ids: {})",
                            f.path,
                            cite.line,
                            cite.column,
                            c.id,
                            cite.source,
                            g.corpus
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
    if phrase.trim().is_empty() {
        return Err(InputError::Other(
            "search needs a phrase: claimcheck search \"منظومة براك\"".into(),
        ));
    }
    let folders = if given_sources.is_empty() {
        vec![Path::new("seeds").to_path_buf()]
    } else {
        given_sources.to_vec()
    };
    if let Some(missing) = folders.iter().find(|f| !f.is_dir()) {
        return Err(InputError::Other(format!(
            "sources folder `{}` not found: pass an existing folder with --sources",
            sources::display_path(missing)
        )));
    }
    let corpus = sources::load(&folders, load)?;
    let warnings = corpus_warnings(&corpus);
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
