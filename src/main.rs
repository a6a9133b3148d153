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

#[derive(Debug, Subcommand)]
enum Command {
    /// Check claims files (the main job).
    Check(CheckArgs),
    /// Validate claims files and citations only, no matching.
    Lint(LintArgs),
    /// Best matching passages for a phrase, to draft claims.
    Search(SearchArgs),
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
    /// Also write this run's JSON report there, to serve as a later run's `--baseline`.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Extra antonym pairs (two words per line, tab-separated) on top of the built-in ones.
    #[arg(long, value_name = "FILE")]
    antonyms: Option<PathBuf>,
    /// An English–Arabic dictd dictionary (its .index file) for English claims;
    /// default: the installed FreeDict eng-ara, if any.
    #[arg(long, value_name = "INDEX")]
    lexicon: Option<PathBuf>,
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

fn main() -> ExitCode {
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
    }
}

fn warn_all(warnings: &[String]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

/// Prints an input error and returns the error status.
fn input_error(e: InputError) -> ExitStatus {
    eprintln!("error: {e}");
    ExitStatus::Error
}

fn check(args: CheckArgs) -> Result<ExitStatus> {
    let mut options = Options {
        policy: args.fail_on.clone().unwrap_or_default(),
        max_claim_work: args.max_claim_work,
        ..Options::default()
    };
    if let Some(path) = &args.baseline {
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
    match app::load_lexicon(&choice) {
        Ok(lexicon) => options.lexicon = lexicon.map(std::sync::Arc::new),
        Err(e) => return Ok(input_error(e)),
    }
    let cfg = CheckConfig {
        claims: args.claims.clone(),
        sources: args.sources.sources.clone(),
        load: args.sources.load(),
        options,
    };
    let (report, warnings) = match app::run_check(&cfg) {
        Ok(r) => r,
        Err(e) => return Ok(input_error(e)),
    };
    warn_all(&warnings);
    if let Some(path) = &args.write_baseline {
        std::fs::write(path, render::json::render(&report))
            .with_context(|| format!("cannot write the baseline to {}", path.display()))?;
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let ropts = RenderOptions {
        evidence: args.evidence,
        color: to_terminal && std::env::var_os("NO_COLOR").is_none(),
        width: None,
    };
    let text = render::render(&report, args.format, &ropts);
    match &args.output {
        Some(path) => {
            std::fs::write(path, text).with_context(|| format!("cannot write the report to {}", path.display()))?
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(if report.failing() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
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
