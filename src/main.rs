//! The `claimcheck` binary: parses arguments, calls the library, prints.
//!
//! Exit codes: 0 no claim fails the policy, 1 some claim fails, 2 usage or
//! input error. A broken pipe (e.g. `| head`) exits 0.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use anyhow::{Context, Result};
use claimcheck::app::{self, CheckConfig, InputError};
use claimcheck::check::Options;
use claimcheck::render::{self, Format, RenderOptions};
use claimcheck::sources::LoadOptions;
use claimcheck::stance::antonyms::Antonyms;
use claimcheck::verdict::Policy;
use clap::{Args, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Check fact-checking claims against their sources.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Command {
    /// Check claims files (the main job).
    Check(CheckArgs),
    /// Validate claims files and citations only, no matching.
    Lint(LintArgs),
    /// Best matching passages for a phrase, to draft claims.
    Search(SearchArgs),
    /// Corpus statistics of a sources folder (one shard or all), or the sum of shards' stats files.
    Stats(StatsArgs),
    /// Merge the JSON reports of disjoint source shards (`check --stats`) into one report.
    Merge(MergeArgs),
    /// Write or update a persistent index of sources folders, for `check --index`.
    Index(IndexArgs),
}

#[derive(Debug, Args)]
struct IndexArgs {
    /// Sources folders.
    #[arg(required = true, value_name = "SOURCES")]
    inputs: Vec<PathBuf>,
    /// The index folder (created, or updated if it holds an index).
    #[arg(short, long, value_name = "DIR", required = true)]
    output: PathBuf,
    /// Skip (and name) source files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = LoadOptions::default().max_file_bytes)]
    max_source_bytes: u64,
}

#[derive(Debug, Args)]
struct StatsArgs {
    /// Sources folders (with --merge: stats files to add up).
    #[arg(required = true, value_name = "SOURCES")]
    inputs: Vec<PathBuf>,
    /// Add up the stats files of disjoint shards instead of reading sources.
    #[arg(long)]
    merge: bool,
    /// Write the stats there instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Skip (and name) source files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = LoadOptions::default().max_file_bytes)]
    max_source_bytes: u64,
}

#[derive(Debug, Args)]
struct MergeArgs {
    /// Shard reports (`check --stats ... --format json`).
    #[arg(required = true, value_name = "REPORT")]
    reports: Vec<PathBuf>,
    #[command(flatten)]
    output: OutputArgs,
}

#[derive(Debug, Args)]
struct OutputArgs {
    /// Output format: table, json, markdown, html, junit, sarif, github, claimreview.
    #[arg(short, long, value_name = "FMT", default_value = "table", value_parser = parse_format)]
    format: Format,
    /// Write the report there instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Show evidence passages in `table` and `markdown`.
    #[arg(long)]
    evidence: bool,
    /// Comma list from contradicted,disputed,unsourced,citation (default: all).
    #[arg(long, value_name = "LIST", value_parser = parse_policy)]
    fail_on: Option<Policy>,
    /// A previous JSON report: fail only on claims whose verdict or citation statuses changed.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct SourceArgs {
    /// Sources folder (repeatable); default: the claims file's `sources:`, else ./seeds.
    #[arg(short, long = "sources", value_name = "PATH")]
    sources: Vec<PathBuf>,
    /// Skip (and name) source files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = LoadOptions::default().max_file_bytes)]
    max_source_bytes: u64,
    /// Reject a claims file larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = LoadOptions::default().max_claims_bytes)]
    max_claims_bytes: u64,
}

impl SourceArgs {
    fn load(&self) -> LoadOptions {
        LoadOptions {
            max_file_bytes: self.max_source_bytes,
            max_claims_bytes: self.max_claims_bytes,
        }
    }
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Claims files (YAML).
    #[arg(required = true, value_name = "CLAIMS")]
    claims: Vec<PathBuf>,
    #[command(flatten)]
    sources: SourceArgs,
    #[command(flatten)]
    output: OutputArgs,
    /// Also write this run's JSON report there, to serve as a later run's `--baseline`.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Extra antonym pairs (two sides per line, tab-separated; a side may list words separated by commas) on top of the built-in ones.
    #[arg(long, value_name = "FILE")]
    antonyms: Option<PathBuf>,
    /// An English–Arabic dictd dictionary (its .index file) for English claims;
    /// default: the installed FreeDict eng-ara, if any.
    #[arg(long, value_name = "INDEX")]
    lexicon: Option<PathBuf>,
    /// Explain one claim instead of reporting: its units, and per source the
    /// aligned words, the rules that fired and the score (text, or JSON with -f json).
    #[arg(long, value_name = "ID")]
    explain: Option<String>,
    /// With --explain: only this source (id, file name or unique prefix).
    #[arg(long, value_name = "SOURCE", requires = "explain")]
    explain_source: Option<String>,
    /// The whole corpus's statistics (`claimcheck stats`): the sources are one
    /// shard of it, judged as the whole corpus would judge them; writes a shard report for `merge`.
    #[arg(long, value_name = "FILE")]
    stats: Option<PathBuf>,
    /// A persistent index folder (`claimcheck index SOURCES -o DIR`): sources
    /// unchanged since it was written are not analyzed again.
    #[arg(long, value_name = "DIR")]
    index: Option<PathBuf>,
    /// Work budget per claim, in passage words to align; a claim over it is
    /// not judged (`unsourced`, failing, with the reason).
    #[arg(long, value_name = "WORDS", default_value_t = claimcheck::check::MAX_CLAIM_WORK)]
    max_claim_work: u64,
}

#[derive(Debug, Args)]
struct LintArgs {
    /// Claims files (YAML).
    #[arg(required = true, value_name = "CLAIMS")]
    claims: Vec<PathBuf>,
    #[command(flatten)]
    sources: SourceArgs,
}

#[derive(Debug, Args)]
struct SearchArgs {
    /// The phrase to look for (any language).
    #[arg(value_name = "TEXT")]
    text: String,
    #[command(flatten)]
    sources: SourceArgs,
    /// How many passages to show.
    #[arg(short = 'n', long, default_value_t = 5)]
    limit: usize,
    /// Output format: table or json.
    #[arg(short, long, value_name = "FMT", default_value = "table", value_parser = ["table", "json"])]
    format: String,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("unknown format `{s}`; use one of {}", Format::NAMES.join(", ")))
}

fn parse_policy(s: &str) -> Result<Policy, String> {
    Policy::parse(s)
}

/// How a run ended.
enum ExitStatus {
    Success,
    Failure,
    Error,
}

/// Keeps glibc's malloc from holding large freed blocks. By default glibc
/// serves a block of 128 KiB or more with its own mapping, returned when
/// freed, but raises that threshold to the size of each such block freed
/// (up to 32 MiB): after indexing has freed its large temporaries (the flat
/// postings arrays, per-source analyses), later large blocks come from the
/// heap and stay resident after they are freed. A fixed threshold turns
/// that off. Measured at 10k articles × 1,000 claims: peak 295 → 264 MB,
/// ≈ 1 s more system time (BENCHMARKS.md, "Session 13: memory").
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn fix_mmap_threshold() {
    extern "C" {
        fn mallopt(param: std::os::raw::c_int, value: std::os::raw::c_int) -> std::os::raw::c_int;
    }
    /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`.
    const M_MMAP_THRESHOLD: std::os::raw::c_int = -3;
    // SAFETY: mallopt only sets a parameter of the allocator; called before
    // any other thread exists. A failure leaves the default, which is safe.
    unsafe {
        mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn fix_mmap_threshold() {}

fn main() -> ExitCode {
    fix_mmap_threshold();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(ExitStatus::Success) => ExitCode::from(0),
        Ok(ExitStatus::Failure) => ExitCode::from(1),
        Ok(ExitStatus::Error) => ExitCode::from(2),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::from(0);
            }
            let mut msg = format!("error: {err}");
            for cause in err.chain().skip(1) {
                msg.push_str(&format!("\n  caused by: {cause}"));
            }
            eprintln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitStatus> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Lint(args) => lint(args),
        Command::Search(args) => search(args),
        Command::Stats(args) => stats(args),
        Command::Index(args) => index(args),
        Command::Merge(args) => merge(args),
    }
}

fn warn_all(warnings: &[String]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

/// A progress bar on stderr for `check`: drawn only on a terminal, and only
/// once the run has lasted a second.
fn progress_bar() -> (claimcheck::progress::Progress, indicatif::ProgressBar) {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::sync::atomic::{AtomicBool, Ordering};
    let bar = ProgressBar::hidden();
    if !std::io::stderr().is_terminal() {
        return (claimcheck::progress::Progress::default(), bar);
    }
    if let Ok(style) = ProgressStyle::with_template("{msg:>16} [{bar:40}] {pos}/{len} {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    let start = std::time::Instant::now();
    let shown = AtomicBool::new(false);
    let b = bar.clone();
    let progress = claimcheck::progress::Progress::new(move |stage, done, total| {
        if start.elapsed() >= std::time::Duration::from_secs(1) && !shown.swap(true, Ordering::Relaxed) {
            b.set_draw_target(ProgressDrawTarget::stderr());
        }
        b.set_message(stage.as_str());
        b.set_length(total as u64);
        b.set_position(done as u64);
    });
    (progress, bar)
}

/// Prints an input error and returns the error status.
fn input_error(e: InputError) -> ExitStatus {
    eprintln!("error: {e}");
    ExitStatus::Error
}

fn check(args: CheckArgs) -> Result<ExitStatus> {
    let mut options = Options {
        policy: args.output.fail_on.clone().unwrap_or_default(),
        max_claim_work: args.max_claim_work,
        ..Options::default()
    };
    if let Some(path) = &args.output.baseline {
        match app::read_baseline(path) {
            Ok(b) => options.baseline = Some(b),
            Err(e) => return Ok(input_error(e)),
        }
    }
    if let Some(path) = &args.antonyms {
        let mut lexicon = Antonyms::builtin();
        if let Err(e) = app::read_antonyms(path, &mut lexicon) {
            return Ok(input_error(e));
        }
        options.antonyms = lexicon;
    }
    let choice = match &args.lexicon {
        Some(p) => app::LexiconChoice::Path(p.clone()),
        None => app::LexiconChoice::Default,
    };
    let (progress, bar) = progress_bar();
    options.progress = progress;
    let cfg = CheckConfig {
        claims: args.claims.clone(),
        sources: args.sources.sources.clone(),
        load: args.sources.load(),
        options,
        stats: args.stats.clone(),
        index: args.index.clone(),
        lexicon: Some(choice),
    };
    if let Some(id) = &args.explain {
        let (e, warnings) = match app::run_explain(&cfg, id, args.explain_source.as_deref()) {
            Ok(r) => r,
            Err(e) => return Ok(input_error(e)),
        };
        bar.finish_and_clear();
        warn_all(&warnings);
        let text = match args.output.format {
            Format::Json => format!("{}\n", serde_json::to_string_pretty(&e)?),
            _ => render::explain::text(&e),
        };
        write_out(&text, args.output.output.as_deref(), "explanation")?;
        return Ok(ExitStatus::Success);
    }
    if matches!(args.output.format, Format::Json | Format::Table) {
        return check_streamed(&cfg, &args, bar);
    }
    let outcome = app::run_check(&cfg);
    bar.finish_and_clear();
    let (report, warnings) = match outcome {
        Ok(r) => r,
        Err(e) => return Ok(input_error(e)),
    };
    warn_all(&warnings);
    if let Some(path) = &args.write_baseline {
        write_json(&report, Some(path), "baseline")?;
    }
    emit(&report, &args.output)
}

/// `check` in JSON or as a table: each claim is written (JSON, and the
/// `--write-baseline` file) or made a table row as soon as it is judged, and
/// dropped, so the report of every claim is never held (the same bytes as
/// [`emit`] of the whole report).
fn check_streamed(cfg: &CheckConfig, args: &CheckArgs, bar: indicatif::ProgressBar) -> Result<ExitStatus> {
    let out = &args.output;
    let to_terminal = out.output.is_none() && std::io::stdout().is_terminal();
    let ropts = RenderOptions {
        evidence: out.evidence,
        color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
        width: None,
    };
    let mut sink = Outputs {
        bar,
        args,
        baseline: None,
        json: None,
        table: (out.format == Format::Table).then(|| render::table::Stream::new(&ropts)),
        failing: false,
        error: None,
    };
    let outcome = app::run_check_streamed(cfg, &mut sink);
    sink.bar.finish_and_clear();
    match outcome {
        Ok(()) => {}
        Err(app::StreamError::Input(e)) => return Ok(input_error(e)),
        Err(app::StreamError::Output(e)) => return Err(sink.error.take().unwrap_or_else(|| e.into())),
    }
    if let Some(table) = sink.table.take() {
        write_out(&table.finish(), out.output.as_deref(), "report")?;
    }
    Ok(if sink.failing {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// A JSON report being written: to a file, or to stdout.
type JsonOut = render::json::Stream<std::io::BufWriter<Box<dyn Write + Send>>>;

/// Where [`check_streamed`] puts each claim.
struct Outputs<'a> {
    bar: indicatif::ProgressBar,
    args: &'a CheckArgs,
    /// `--write-baseline`, and its path.
    baseline: Option<(JsonOut, PathBuf)>,
    /// The JSON report (`-f json`), and its path if not stdout.
    json: Option<(JsonOut, Option<PathBuf>)>,
    /// The table's rows (`-f table`).
    table: Option<render::table::Stream>,
    /// Whether some claim fails.
    failing: bool,
    /// The first error, with what it was writing (the sink's own error only stops the run).
    error: Option<anyhow::Error>,
}

impl Outputs<'_> {
    /// Keeps `err`'s full form (as the whole-report path words it) and stops the run.
    fn fail(&mut self, err: anyhow::Error) -> std::io::Error {
        let stop = std::io::Error::other(err.to_string());
        self.error.get_or_insert(err);
        stop
    }

    /// Opens a JSON output: `path`, else stdout.
    fn open(path: Option<&std::path::Path>, what: &str) -> Result<JsonOut> {
        let w: Box<dyn Write + Send> = match path {
            Some(path) => Box::new(
                std::fs::File::create(path)
                    .with_context(|| format!("cannot write the {what} to {}", path.display()))?,
            ),
            None => Box::new(std::io::stdout()),
        };
        Ok(render::json::Stream::new(std::io::BufWriter::with_capacity(1 << 16, w)))
    }

    /// Runs `f` on each JSON output, the baseline first (as the whole-report
    /// path writes it first), each error worded as that path words it.
    fn each_json(&mut self, mut f: impl FnMut(&mut JsonOut) -> std::io::Result<()>) -> std::io::Result<()> {
        if let Some((w, path)) = &mut self.baseline {
            if let Err(e) = f(w) {
                let err = anyhow::Error::from(e).context(format!("cannot write the baseline to {}", path.display()));
                return Err(self.fail(err));
            }
        }
        if let Some((w, path)) = &mut self.json {
            if let Err(e) = f(w) {
                let err = match path {
                    Some(path) => {
                        anyhow::Error::from(e).context(format!("cannot write the report to {}", path.display()))
                    }
                    None => anyhow::Error::from(e),
                };
                return Err(self.fail(err));
            }
        }
        Ok(())
    }
}

impl claimcheck::report::ReportSink for Outputs<'_> {
    fn begin(&mut self, sources: &[claimcheck::report::SourceInfo], warnings: &[String]) -> std::io::Result<()> {
        self.bar.suspend(|| warn_all(warnings));
        if let Some(path) = &self.args.write_baseline {
            match Self::open(Some(path), "baseline") {
                Ok(w) => self.baseline = Some((w, path.clone())),
                Err(e) => return Err(self.fail(e)),
            }
        }
        if self.args.output.format == Format::Json {
            match Self::open(self.args.output.output.as_deref(), "report") {
                Ok(w) => self.json = Some((w, self.args.output.output.clone())),
                Err(e) => return Err(self.fail(e)),
            }
        }
        self.each_json(|w| w.begin(sources, warnings))?;
        if let Some(t) = &mut self.table {
            t.begin(sources, warnings)?;
        }
        Ok(())
    }

    fn claim(&mut self, claim: claimcheck::report::ClaimReport) -> std::io::Result<()> {
        self.failing |= !claim.pass;
        self.each_json(|w| w.write_claim(&claim))?;
        if let Some(t) = &mut self.table {
            t.claim(claim)?;
        }
        Ok(())
    }

    fn end(
        &mut self,
        summary: &claimcheck::report::Summary,
        shard: Option<&claimcheck::report::ShardInfo>,
    ) -> std::io::Result<()> {
        self.each_json(|w| w.end(summary, shard))?;
        if let Some(t) = &mut self.table {
            t.end(summary, shard)?;
        }
        Ok(())
    }
}

/// Renders a report as asked, and the exit status its claims give.
fn emit(report: &claimcheck::report::Report, args: &OutputArgs) -> Result<ExitStatus> {
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let ropts = RenderOptions {
        evidence: args.evidence,
        color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
        width: None,
    };
    if args.format == Format::Json {
        write_json(report, args.output.as_deref(), "report")?;
    } else {
        write_out(
            &render::render(report, args.format, &ropts),
            args.output.as_deref(),
            "report",
        )?;
    }
    Ok(if report.failing() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

fn stats(args: StatsArgs) -> Result<ExitStatus> {
    let stats = if args.merge {
        match app::run_stats_merge(&args.inputs) {
            Ok(s) => s,
            Err(e) => return Ok(input_error(e)),
        }
    } else {
        let load = LoadOptions {
            max_file_bytes: args.max_source_bytes,
            ..LoadOptions::default()
        };
        match app::run_stats(&args.inputs, load) {
            Ok((s, warnings)) => {
                warn_all(&warnings);
                s
            }
            Err(e) => return Ok(input_error(e)),
        }
    };
    write_out(&stats.to_json(), args.output.as_deref(), "stats")?;
    Ok(ExitStatus::Success)
}

fn index(args: IndexArgs) -> Result<ExitStatus> {
    let load = LoadOptions {
        max_file_bytes: args.max_source_bytes,
        ..LoadOptions::default()
    };
    let (progress, bar) = progress_bar();
    let outcome = app::run_index(&args.inputs, &args.output, load, &progress);
    bar.finish_and_clear();
    let (usage, warnings) = match outcome {
        Ok(r) => r,
        Err(e) => return Ok(input_error(e)),
    };
    warn_all(&warnings);
    eprintln!(
        "index {}: {} sources ({} reused, {} analyzed, {} removed), {} bytes of analysis",
        claimcheck::sources::display_path(&args.output),
        usage.reused + usage.analyzed,
        usage.reused,
        usage.analyzed,
        usage.removed,
        usage.bytes
    );
    Ok(ExitStatus::Success)
}

/// Writes a report as JSON to the file `-o` names, else to stdout, as it
/// serializes (a large archive's report is not held as one string).
fn write_json(report: &claimcheck::report::Report, output: Option<&std::path::Path>, what: &str) -> Result<()> {
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("cannot write the {what} to {}", path.display()))?;
            render::json::write(report, std::io::BufWriter::new(file))
                .with_context(|| format!("cannot write the {what} to {}", path.display()))?;
        }
        None => render::json::write(report, std::io::BufWriter::new(std::io::stdout().lock()))?,
    }
    Ok(())
}

/// Writes `text` to the file `-o` names, else to stdout.
fn write_out(text: &str, output: Option<&std::path::Path>, what: &str) -> Result<()> {
    match output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write the {what} to {}", path.display()))?
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}

fn merge(args: MergeArgs) -> Result<ExitStatus> {
    let baseline = match &args.output.baseline {
        Some(path) => match app::read_baseline(path) {
            Ok(b) => Some(b),
            Err(e) => return Ok(input_error(e)),
        },
        None => None,
    };
    let policy = args.output.fail_on.clone().unwrap_or_default();
    let report = match app::run_merge(&args.reports, &policy, baseline.as_ref()) {
        Ok(r) => r,
        Err(e) => return Ok(input_error(e)),
    };
    emit(&report, &args.output)
}

fn lint(args: LintArgs) -> Result<ExitStatus> {
    let outcome = match app::run_lint(&args.claims, &args.sources.sources, args.sources.load()) {
        Ok(o) => o,
        Err(e) => return Ok(input_error(e)),
    };
    warn_all(&outcome.warnings);
    let mut out = std::io::stdout().lock();
    for line in &outcome.files {
        writeln!(out, "{line}")?;
    }
    for p in &outcome.problems {
        writeln!(out, "{}", p.message)?;
    }
    if outcome.problems.is_empty() {
        writeln!(out, "ok: every citation names a source")?;
        Ok(ExitStatus::Success)
    } else {
        writeln!(out, "{} citation(s) name no source", outcome.problems.len())?;
        Ok(ExitStatus::Failure)
    }
}

fn search(args: SearchArgs) -> Result<ExitStatus> {
    let (hits, warnings) = match app::run_search(&args.text, &args.sources.sources, args.limit, args.sources.load()) {
        Ok(r) => r,
        Err(e) => return Ok(input_error(e)),
    };
    warn_all(&warnings);
    let mut out = std::io::stdout().lock();
    if args.format == "json" {
        writeln!(out, "{}", serde_json::to_string_pretty(&hits)?)?;
        return Ok(ExitStatus::Success);
    }
    if hits.is_empty() {
        writeln!(out, "no passage matches")?;
    }
    for h in &hits {
        writeln!(out, "{}:{}  score {:.2}", h.source, h.line, h.score)?;
        writeln!(out, "  {}", render::trim_text(&h.text, 300))?;
        let terms: Vec<String> = h
            .terms
            .iter()
            .map(|t| format!("{}={} ({})", t.claim, t.source, t.how))
            .collect();
        if !terms.is_empty() {
            writeln!(out, "  matched: {}", terms.join(", "))?;
        }
    }
    Ok(ExitStatus::Success)
}
