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
use crate::report::{Report, ReportSink};
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
    /// A stats file is unreadable, or stats do not add up.
    #[error(transparent)]
    Stats(#[from] crate::stats::StatsError),
    /// A persistent index folder is missing, damaged or of another version.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
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
    /// Corpus statistics of the whole corpus when these sources are one
    /// shard of it (`--stats`, see [`crate::stats`]).
    pub stats: Option<PathBuf>,
    /// A persistent index folder (`claimcheck index`) to take analyzed
    /// sources from (see [`crate::store`]).
    pub index: Option<PathBuf>,
    /// A dictionary to load for this run (into `options.lexicon`); `check`
    /// loads it on another thread while it reads and indexes the sources.
    /// `None`: use `options.lexicon` as it is.
    pub lexicon: Option<LexiconChoice>,
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
    std::thread::scope(|scope| {
        let pending = cfg
            .lexicon
            .as_ref()
            .map(|choice| scope.spawn(move || load_lexicon(choice)));
        match run_check_with(cfg, pending, None) {
            Ok((Some(report), warnings)) => Ok((report, warnings)),
            Ok((None, _)) => unreachable!("without a sink the report is made whole"),
            Err(StreamError::Input(e)) => Err(e),
            Err(StreamError::Output(_)) => unreachable!("without a sink nothing is written"),
        }
    })
}

/// What ends a streamed `check` ([`run_check_streamed`]).
#[derive(Debug)]
pub enum StreamError {
    /// An input error, before anything was handed to the sink.
    Input(InputError),
    /// The sink's error (it stopped the run).
    Output(std::io::Error),
}

impl From<InputError> for StreamError {
    fn from(e: InputError) -> Self {
        StreamError::Input(e)
    }
}

/// Runs `check` like [`run_check`], handing the report to `sink` as it is
/// made instead of returning it: the same sources, warnings, claims (in
/// file order), summary and shard. With one group of claims files (every
/// file judged against the same sources, the usual case) each claim is
/// handed over as soon as it and those before it are judged, and dropped
/// (see [`check::check_each`]); with several groups the report is made whole
/// first (a later group's index may warn or fail after an earlier group is
/// judged). Input errors come before anything is handed over.
pub fn run_check_streamed(cfg: &CheckConfig, sink: &mut (dyn ReportSink + Send)) -> Result<(), StreamError> {
    std::thread::scope(|scope| {
        let pending = cfg
            .lexicon
            .as_ref()
            .map(|choice| scope.spawn(move || load_lexicon(choice)));
        match run_check_with(cfg, pending, Some(&mut *sink))? {
            (Some(report), warnings) => crate::render::json::feed(report, &warnings, sink).map_err(StreamError::Output),
            (None, _) => Ok(()),
        }
    })
}

/// The warning of a run with English claims and no dictionary.
fn english_warning() -> String {
    format!(
        "no English–Arabic dictionary found: English claims match Arabic sources less well (names and numbers still match); install one with `{}` or pass --lexicon",
        crate::lexicon::INSTALL_HINT
    )
}

/// A dictionary being loaded on another thread.
type PendingLexicon<'s> = std::thread::ScopedJoinHandle<'s, Result<Option<crate::lexicon::Lexicon>, InputError>>;

/// The dictionary of the run: the one loading, else the options' one.
fn lexicon_of(
    cfg: &CheckConfig,
    pending: Option<PendingLexicon<'_>>,
) -> Result<Option<std::sync::Arc<crate::lexicon::Lexicon>>, InputError> {
    match pending {
        Some(handle) => Ok(handle
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?
            .map(std::sync::Arc::new)),
        None => Ok(cfg.options.lexicon.clone()),
    }
}

/// [`run_check`], or with a sink and one group of claims files
/// [`run_check_streamed`] (then no report is returned).
fn run_check_with(
    cfg: &CheckConfig,
    mut pending: Option<PendingLexicon<'_>>,
    sink: Option<&mut (dyn ReportSink + Send)>,
) -> Result<(Option<Report>, Vec<String>), StreamError> {
    let mut inputs = load_inputs(&cfg.claims, &cfg.sources, cfg.load)?;
    let mut sink = sink.filter(|_| inputs.groups.len() == 1);
    let english = inputs
        .files
        .iter()
        .flat_map(|f| f.claims.iter())
        .flat_map(|c| c.wordings())
        .any(|w| w.chars().any(|ch| ch.is_ascii_alphabetic()));
    // Whether any claim reads the dictionary: when none does, it is
    // dropped once loaded (loading still reports its errors), not held
    // through judging.
    let reads_lexicon = english
        || inputs
            .files
            .iter()
            .flat_map(|f| f.claims.iter())
            .flat_map(|c| c.wordings())
            .any(crate::matching::reads_lexicon);
    // Where the dictionary warning goes, once the dictionary is loaded.
    let english_warning_at = inputs.warnings.len();
    let mut lexicon: Option<Option<std::sync::Arc<crate::lexicon::Lexicon>>> = None;
    let shard = match &cfg.stats {
        Some(path) => Some(load_shard(path, &cfg.claims, &inputs)?),
        None => None,
    };
    let mut per_file: Vec<Vec<crate::report::ClaimReport>> = vec![Vec::new(); inputs.files.len()];
    let mut all_sources: Vec<crate::report::SourceInfo> = Vec::new();
    let mut seen_sources: std::collections::HashSet<(String, String, String)> = std::collections::HashSet::new();
    let store = match &cfg.index {
        Some(dir) => Some(crate::store::Store::open(dir).map_err(InputError::from)?),
        None => None,
    };
    for g in &inputs.groups {
        let mut index = match &store {
            Some(store) => {
                let (index, usage) = store
                    .index(&g.corpus, &cfg.options.progress)
                    .map_err(InputError::from)?;
                if usage.analyzed > 0 {
                    inputs.warnings.push(stale_warning(store, &g.folders, usage));
                }
                index
            }
            None => Index::build_with(&g.corpus, &cfg.options.progress),
        };
        let members: Vec<ClaimsFile> = g.files.iter().map(|&i| inputs.files[i].clone()).collect();
        let mut options = cfg.options.clone();
        if lexicon.is_none() {
            lexicon = Some(lexicon_of(cfg, pending.take())?.filter(|_| reads_lexicon));
        }
        options.lexicon = lexicon.clone().flatten();
        if let Some((stats, _)) = &shard {
            stats.apply(&mut index);
            options.whole = Some(std::sync::Arc::new(stats.universe()));
        }
        if let Some(sink) = sink.take() {
            return stream_group(
                inputs.warnings,
                english_warning_at,
                english,
                &lexicon,
                &members,
                g,
                &index,
                &options,
                shard.map(|(_, info)| info),
                sink,
            );
        }
        let part = check::check(&members, &g.corpus, &index, &options);
        for s in part.sources {
            // A set beside the list: `contains` on the list is quadratic
            // (100,000 sources: minutes).
            if seen_sources.insert((s.id.clone(), s.path.clone(), s.title.clone())) {
                all_sources.push(s);
            }
        }
        let mut claims = part.claims.into_iter();
        for &fi in &g.files {
            per_file[fi] = claims.by_ref().take(inputs.files[fi].claims.len()).collect();
        }
    }
    let lexicon = match lexicon {
        Some(l) => l,
        None => lexicon_of(cfg, pending.take())?,
    };
    if english && lexicon.is_none() {
        inputs.warnings.insert(english_warning_at, english_warning());
    }
    all_sources.sort_by(|a, b| a.id.cmp(&b.id).then(a.path.cmp(&b.path)));
    let claims: Vec<_> = per_file.into_iter().flatten().collect();
    let report = Report {
        schema: crate::report::SCHEMA.to_string(),
        sources: all_sources,
        summary: crate::report::Summary::of(&claims),
        claims,
        shard: shard.map(|(_, info)| info),
    };
    Ok((Some(report), inputs.warnings))
}

/// The one group of a streamed `check`: the warnings and sources, then each
/// claim as judged, then the summary, handed to `sink` (the same values
/// [`run_check_with`] puts in the report).
#[allow(clippy::too_many_arguments)]
fn stream_group(
    mut warnings: Vec<String>,
    english_warning_at: usize,
    english: bool,
    lexicon: &Option<Option<std::sync::Arc<crate::lexicon::Lexicon>>>,
    members: &[ClaimsFile],
    g: &SourceGroup,
    index: &Index,
    options: &crate::check::Options,
    shard: Option<crate::report::ShardInfo>,
    sink: &mut (dyn ReportSink + Send),
) -> Result<(Option<Report>, Vec<String>), StreamError> {
    if english && lexicon.as_ref().is_none_or(|l| l.is_none()) {
        warnings.insert(english_warning_at, english_warning());
    }
    let mut seen: std::collections::HashSet<(&str, &str, &str)> = std::collections::HashSet::new();
    let mut sources: Vec<crate::report::SourceInfo> = g
        .corpus
        .sources
        .iter()
        .filter(|s| seen.insert((&s.id, &s.path, &s.title)))
        .map(|s| crate::report::SourceInfo {
            id: s.id.clone(),
            path: s.path.clone(),
            title: s.title.clone(),
        })
        .collect();
    sources.sort_by(|a, b| a.id.cmp(&b.id).then(a.path.cmp(&b.path)));
    sink.begin(&sources, &warnings).map_err(StreamError::Output)?;
    drop(sources);
    let mut summary = crate::report::Summary::default();
    check::check_each(members, &g.corpus, index, options, |c| {
        summary.add(&c);
        sink.claim(c)
    })
    .map_err(StreamError::Output)?;
    sink.end(&summary, shard.as_ref()).map_err(StreamError::Output)?;
    Ok((None, warnings))
}

/// Runs `check --explain`: the explanation of claim `id` (in any of the
/// claims files; an id in several files is an input error), against every
/// source or the one `source` names (id, file name or unique prefix).
pub fn run_explain(
    cfg: &CheckConfig,
    id: &str,
    source: Option<&str>,
) -> Result<(crate::explain::Explanation, Vec<String>), InputError> {
    let inputs = load_inputs(&cfg.claims, &cfg.sources, cfg.load)?;
    let found: Vec<(usize, usize)> = inputs
        .files
        .iter()
        .enumerate()
        .flat_map(|(fi, f)| {
            f.claims
                .iter()
                .enumerate()
                .filter(|(_, c)| c.id == id)
                .map(move |(ci, _)| (fi, ci))
        })
        .collect();
    let (fi, ci) = match found.as_slice() {
        [one] => *one,
        [] => {
            let ids: Vec<&str> = inputs
                .files
                .iter()
                .flat_map(|f| f.claims.iter().map(|c| c.id.as_str()))
                .collect();
            let hint = ids
                .iter()
                .filter(|c| strsim::jaro_winkler(c, id) > 0.8)
                .max_by(|a, b| strsim::jaro_winkler(a, id).total_cmp(&strsim::jaro_winkler(b, id)))
                .map(|c| format!("did you mean `{c}`? "))
                .unwrap_or_default();
            return Err(InputError::Other(format!(
                "--explain: no claim has the id `{id}`; {hint}the ids are: {}",
                ids.join(", ")
            )));
        }
        many => {
            let files: Vec<&str> = many.iter().map(|&(f, _)| inputs.files[f].path.as_str()).collect();
            return Err(InputError::Other(format!(
                "--explain: the id `{id}` is in {}; pass only the claims file you mean",
                files.join(" and ")
            )));
        }
    };
    let group = inputs
        .groups
        .iter()
        .find(|g| g.files.contains(&fi))
        .expect("every file has a source group");
    let only = match source {
        None => None,
        Some(s) => match group.corpus.resolve(s) {
            Resolution::Found(i) => Some(i),
            _ => {
                return Err(InputError::Other(format!(
                    "--explain-source: `{s}` names no single source; use an id from the report's sources"
                )))
            }
        },
    };
    let index = Index::build(&group.corpus);
    let file = &inputs.files[fi];
    let mut options = cfg.options.clone();
    if let Some(choice) = &cfg.lexicon {
        options.lexicon = load_lexicon(choice)?.map(std::sync::Arc::new);
    }
    let e = crate::explain::explain(file, &file.claims[ci], &group.corpus, &index, &options, only);
    Ok((e, inputs.warnings))
}

/// Reads the whole corpus's statistics for a shard run and checks that they
/// fit the shard: one sources folder set, every source counted, every
/// citation unambiguous over the whole corpus. Returns them with what the
/// shard report records.
fn load_shard(
    path: &Path,
    claims_paths: &[PathBuf],
    inputs: &Inputs,
) -> Result<(crate::stats::CorpusStats, crate::report::ShardInfo), InputError> {
    let shown = sources::display_path(path);
    if inputs.groups.len() > 1 {
        return Err(InputError::Other(format!(
            "--stats {shown} describes one corpus, but these claims files name different sources folders; pass the shard's folder with --sources"
        )));
    }
    let stats = crate::stats::CorpusStats::read(path)?;
    let universe = stats.universe();
    for g in &inputs.groups {
        stats.covers(&g.corpus, &shown)?;
        let members: Vec<ClaimsFile> = g.files.iter().map(|&i| inputs.files[i].clone()).collect();
        check::validate_citations(&members, &universe)?;
    }
    let mut claims_files = Vec::new();
    for (p, f) in claims_paths.iter().zip(&inputs.files) {
        let bytes =
            std::fs::read(p).map_err(|e| InputError::Other(format!("{}: cannot read the claims file: {e}", f.path)))?;
        claims_files.push(crate::report::ClaimsFileInfo {
            path: f.path.clone(),
            digest: crate::stats::fnv1a(&bytes),
        });
    }
    let info = crate::report::ShardInfo {
        claims_files,
        stats: stats.digest(),
    };
    Ok((stats, info))
}

/// Runs `stats`: the corpus statistics of some sources folders (one shard
/// of a corpus, or all of it), and the warnings about its sources.
pub fn run_stats(
    folders: &[PathBuf],
    load: LoadOptions,
) -> Result<(crate::stats::CorpusStats, Vec<String>), InputError> {
    let corpus = sources::load(folders, load)?;
    let index = Index::build(&corpus);
    Ok((crate::stats::CorpusStats::of(&corpus, &index), corpus_warnings(&corpus)))
}

/// The warning when an index does not cover every source of a run.
fn stale_warning(store: &crate::store::Store, folders: &[PathBuf], usage: crate::store::Usage) -> String {
    let shown: Vec<String> = folders.iter().map(|f| sources::display_path(f)).collect();
    format!(
        "the index {} is stale for {}: {} of {} sources are new or changed since it was written and were analyzed again; refresh it with `claimcheck index {} -o {}`",
        store.dir_shown(),
        shown.join(", "),
        usage.analyzed,
        usage.analyzed + usage.reused,
        shown.join(" "),
        store.dir_shown()
    )
}

/// Runs `index`: writes or updates the persistent index of the sources
/// folders in `dir`; what was reused, analyzed and removed, and warnings.
pub fn run_index(
    folders: &[PathBuf],
    dir: &Path,
    load: LoadOptions,
    progress: &crate::progress::Progress,
) -> Result<(crate::store::Usage, Vec<String>), InputError> {
    let corpus = sources::load(folders, load)?;
    let (previous, note) = crate::store::open_for_update(dir)?;
    let usage = crate::store::write(dir, folders, &corpus, previous.as_ref(), progress)?;
    let mut warnings: Vec<String> = note.into_iter().collect();
    warnings.extend(corpus_warnings(&corpus));
    Ok((usage, warnings))
}

/// Runs `stats --merge`: adds up the stats files of disjoint shards.
pub fn run_stats_merge(paths: &[PathBuf]) -> Result<crate::stats::CorpusStats, InputError> {
    let parts = paths
        .iter()
        .map(|p| Ok((sources::display_path(p), crate::stats::CorpusStats::read(p)?)))
        .collect::<Result<Vec<_>, InputError>>()?;
    Ok(crate::stats::CorpusStats::merge(&parts)?)
}

/// Reads a JSON report (a shard report for `merge`, or a baseline).
pub fn read_report(path: &Path, what: &str) -> Result<Report, InputError> {
    let shown = sources::display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| InputError::Other(format!("{shown}: cannot read the {what}: {e}")))?;
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
            "{shown}: the {what} has schema `{}`, this version reads `{}`",
            report.schema,
            crate::report::SCHEMA
        )));
    }
    Ok(report)
}

/// Runs `merge`: reads shard reports and merges them into one report,
/// decided under `policy` (and `baseline`).
pub fn run_merge(
    paths: &[PathBuf],
    policy: &crate::verdict::Policy,
    baseline: Option<&Report>,
) -> Result<Report, InputError> {
    let parts = paths
        .iter()
        .map(|p| Ok((sources::display_path(p), read_report(p, "shard report")?)))
        .collect::<Result<Vec<_>, InputError>>()?;
    crate::merge::merge(&parts, policy, baseline).map_err(|e| InputError::Other(e.to_string()))
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
    read_report(path, "baseline")
}

/// Reads a user's antonym pairs (TSV) on top of the built-in ones.
pub fn read_antonyms(path: &Path, into: &mut crate::stance::antonyms::Antonyms) -> Result<(), InputError> {
    let shown = sources::display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| InputError::Other(format!("{shown}: cannot read the antonyms file: {e}")))?;
    into.extend(&text)
        .map_err(|line| InputError::Other(format!("{shown}:{line}:1: expected two words separated by a tab")))
}
