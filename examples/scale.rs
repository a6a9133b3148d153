//! The benchmark harness: generates archives and measures the pipeline.
//!
//! `cargo run --release --example scale -- gen DIR ARTICLES CLAIMS` writes
//! `DIR/sources/NNNNNN.txt` (generated Arabic articles of about 5 KB,
//! sentences recombined from the seeds and the ANS headlines), `DIR/claims.yaml`
//! (CLAIMS claims) and `DIR/sentences.txt` (the pool, for the RapidFuzz peer).
//!
//! `cargo run --release --example scale -- run DIR` loads, indexes and checks
//! in process and prints one JSON line: bytes, seconds per phase (`check_s`
//! includes writing the report; `judge_s` and `cpu_judge_s` stop before it), MB/s,
//! claims per second, peak resident memory (VmHWM), and resident and peak
//! memory after each phase (`memory_mb`); with `SCALE_REPORT=FILE` it writes
//! the JSON report there, after dropping the index as the binary does. `scripts/bench.sh`
//! runs both and the peer; figures are in BENCHMARKS.md. Never run by
//! `cargo test`.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use anyhow::{bail, Context, Result};
use claimcheck::check::{self, Options};
use claimcheck::index::Index;
use claimcheck::retrieve::Retrieval;
use claimcheck::{claims, sources, synth};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gen") if args.len() == 4 => gen(Path::new(&args[1]), args[2].parse()?, args[3].parse()?),
        Some("run") if args.len() == 2 => run(Path::new(&args[1]), false),
        Some("run") if args.len() == 3 && args[2] == "--exhaustive" => run(Path::new(&args[1]), true),
        Some("phases") if args.len() == 4 => phases(Path::new(&args[1]), Path::new(&args[2]), Path::new(&args[3])),
        _ => bail!(
            "usage: scale gen DIR ARTICLES CLAIMS | scale run DIR [--exhaustive] | scale phases SOURCES INDEX CLAIMS"
        ),
    }
}

/// The sentence pool: the seeds and the ANS headlines (dev in the
/// repository, train beside it when ../shared is there).
fn pool() -> Result<Vec<String>> {
    let mut texts = Vec::new();
    let mut seeds: Vec<PathBuf> = std::fs::read_dir("seeds")
        .context("run from the repository root (seeds/ is read)")?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    for p in seeds {
        texts.push(std::fs::read_to_string(p)?);
    }
    for csv in ["tests/data/ans/stance-dev.csv", "../shared/data/ans/stance-train.csv"] {
        if let Ok(text) = std::fs::read_to_string(csv) {
            for pair in claimcheck::eval::read_ans(&text) {
                texts.push(pair.s1);
                texts.push(pair.s2);
            }
        }
    }
    Ok(synth::sentence_pool(texts.iter().map(String::as_str)))
}

fn gen(dir: &Path, articles: usize, claims: usize) -> Result<()> {
    let pool = pool()?;
    let src = dir.join("sources");
    std::fs::create_dir_all(&src)?;
    let mut bytes = 0;
    for (i, text) in synth::articles(&pool, articles, 2026).enumerate() {
        bytes += text.len();
        std::fs::write(src.join(format!("{i:06}.txt")), text)?;
    }
    std::fs::write(
        dir.join("claims.yaml"),
        synth::claims_yaml(&synth::claim_wordings(&pool, claims, 2026)),
    )?;
    std::fs::write(dir.join("sentences.txt"), pool.join("\n") + "\n")?;
    eprintln!(
        "{}: {articles} articles ({:.1} MB), {claims} claims, pool of {} sentences",
        dir.display(),
        bytes as f64 / 1e6,
        pool.len()
    );
    Ok(())
}

/// A memory figure of this process in bytes from `/proc/self/status`
/// (Linux): `VmHWM` (peak resident) or `VmRSS` (resident now).
fn status_bytes(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Peak resident memory of this process in bytes (Linux).
fn peak_rss() -> u64 {
    status_bytes("VmHWM:")
}

/// Resident memory of this process now, in MB (Linux).
fn rss_mb() -> f64 {
    status_bytes("VmRSS:") as f64 / 1e6
}

/// CPU time (user + system) of this process in seconds (Linux, 100 Hz ticks).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// `check --index` taken apart: wall and CPU seconds of loading the
/// sources, opening the store, taking the analysis (or whatever the store
/// gives), assembling the index, and judging the claims; one JSON line.
fn phases(sources_dir: &Path, ix: &Path, claims_path: &Path) -> Result<()> {
    let mut out: Vec<(&str, f64, f64)> = Vec::new();
    let mut mark = (Instant::now(), cpu_seconds());
    let mut lap = |name: &'static str, out: &mut Vec<(&str, f64, f64)>| {
        let now = (Instant::now(), cpu_seconds());
        out.push((name, (now.0 - mark.0).as_secs_f64(), now.1 - mark.1));
        mark = now;
    };
    let corpus = sources::load(&[sources_dir.to_path_buf()], sources::LoadOptions::default())?;
    lap("load", &mut out);
    let store = claimcheck::store::Store::open(ix)?;
    lap("open", &mut out);
    let p = claimcheck::progress::Progress::default();
    let (index, usage) = if std::env::var_os("SCALE_ASSEMBLE").is_some() {
        // As before the store kept postings: the analysis, then assembling.
        let (analyzed, usage) = store.analyzed(&corpus, &p)?;
        lap("analyzed", &mut out);
        (Index::assemble(analyzed), usage)
    } else {
        store.index(&corpus, &p)?
    };
    lap("index", &mut out);
    let file = claims::load(claims_path)?;
    let report = check::check(&[file], &corpus, &index, &Options::default());
    lap("check", &mut out);
    println!(
        "{{\"reused\":{},\"analyzed\":{},\"supported\":{},{},\"peak_mb\":{:.0}}}",
        usage.reused,
        usage.analyzed,
        report.summary.supported,
        out.iter()
            .map(|(n, w, c)| format!("\"{n}\":[{w:.2},{c:.2}]"))
            .collect::<Vec<_>>()
            .join(","),
        peak_rss() as f64 / 1e6
    );
    Ok(())
}

fn run(dir: &Path, exhaustive: bool) -> Result<()> {
    let c0 = cpu_seconds();
    let t0 = Instant::now();
    let corpus = sources::load(&[dir.join("sources")], sources::LoadOptions::default())?;
    let load = t0.elapsed().as_secs_f64();
    // Memory after each phase (MB): resident now, and the peak so far.
    let mut phases = vec![("load", rss_mb(), peak_rss() as f64 / 1e6)];
    let bytes: usize = corpus.sources.iter().map(|s| s.text.len()).sum();
    let t1 = Instant::now();
    let index = Index::build(&corpus);
    let build = t1.elapsed().as_secs_f64();
    phases.push(("index", rss_mb(), peak_rss() as f64 / 1e6));
    let c1 = cpu_seconds();
    let file = claims::load(&dir.join("claims.yaml"))?;
    let n = file.claims.len();
    let t2 = Instant::now();
    // Spans retrieved per claim (passages, windows of two), and how many
    // distinct token sequences (judging keys) they hold: what judging each
    // distinct span once saves.
    if std::env::var_os("SCALE_SPANS").is_some() {
        let g = claimcheck::matching::Glossary::default();
        let o = Options::default();
        let open = |p: usize| check::ends_open(&corpus, &index, p);
        let joins = |p: usize| claimcheck::retrieve::joins_across(&index, p);
        // [passages, windows] × [spans, distinct]
        let mut count = [[0usize; 2]; 2];
        for c in &file.claims {
            let q = claimcheck::matching::Query::new(&c.text, &g, &index);
            let spans = claimcheck::retrieve::spans(
                &[q],
                &index,
                &o.thresholds,
                &o.antonyms,
                Retrieval::Indexed,
                &open,
                &joins,
            );
            let mut keys = [std::collections::HashSet::new(), std::collections::HashSet::new()];
            for &(a, b) in &spans {
                let (pa, pb) = (&index.passages[a], &index.passages[b]);
                let mut key = Vec::new();
                index.analyzed[pa.source()]
                    .tokens
                    .judging_key(pa.tokens().start..pb.tokens().end, &mut key);
                let k = usize::from(a != b);
                count[k][0] += 1;
                keys[k].insert(key);
            }
            count[0][1] += keys[0].len();
            count[1][1] += keys[1].len();
        }
        for (what, [spans, distinct]) in ["passages", "windows of two"].iter().zip(count) {
            eprintln!(
                "{what} retrieved per claim: {:.0}, distinct token sequences: {:.0} ({:.1}% repeat one)",
                spans as f64 / n as f64,
                distinct as f64 / n as f64,
                100.0 * spans.saturating_sub(distinct) as f64 / spans.max(1) as f64
            );
        }
    }
    let opts = Options {
        retrieval: if exhaustive {
            Retrieval::Exhaustive
        } else {
            Retrieval::Indexed
        },
        ..Options::default()
    };
    let report = check::check(&[file], &corpus, &index, &opts);
    // Judging alone (retrieval, alignment, stance, the report value), before
    // the report is written.
    let judge_cpu = cpu_seconds() - c1;
    let judge_wall = t2.elapsed().as_secs_f64();
    phases.push(("check", rss_mb(), peak_rss() as f64 / 1e6));
    let (sources, passages, stems) = (corpus.sources.len(), index.len(), index.df.len());
    // As the binary does (`app::run_check` returns the report after its
    // corpus and index are gone): the report is rendered without them.
    drop(index);
    drop(corpus);
    if let Some(path) = std::env::var_os("SCALE_REPORT") {
        // The bytes of `render::json::render`, written as they are made
        // (not held as one string of the whole report: ≈ 90 MB at 10k).
        use std::io::Write;
        let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
        serde_json::to_writer_pretty(&mut out, &report)?;
        out.write_all(b"\n")?;
        out.flush()?;
        phases.push(("report", rss_mb(), peak_rss() as f64 / 1e6));
    }
    let judge = t2.elapsed().as_secs_f64();
    let c2 = cpu_seconds();
    let mb = bytes as f64 / 1e6;
    println!(
        "{{\"dir\":\"{}\",\"sources\":{},\"mb\":{mb:.1},\"passages\":{},\"stems\":{},\"claims\":{n},\
         \"load_s\":{load:.3},\"index_s\":{build:.3},\"check_s\":{judge:.3},\"load_index_mb_s\":{:.1},\
         \"claims_per_s\":{:.1},\"judge_s\":{judge_wall:.3},\"cpu_load_index_s\":{:.2},\"cpu_judge_s\":{judge_cpu:.2},\"cpu_check_s\":{:.2},\"peak_mb\":{:.0},\"supported\":{},\
         \"memory_mb\":{{{}}}}}",
        dir.display(),
        sources,
        passages,
        stems,
        mb / (load + build),
        n as f64 / judge,
        c1 - c0,
        c2 - c1,
        peak_rss() as f64 / 1e6,
        report.summary.supported,
        phases
            .iter()
            .map(|(p, rss, hwm)| format!("\"{p}\":{{\"rss\":{rss:.0},\"peak\":{hwm:.0}}}"))
            .collect::<Vec<_>>()
            .join(","),
    );
    Ok(())
}
