//! Where the memory of `check` goes: live heap bytes (counted by a global
//! allocator) beside resident memory (VmRSS, VmHWM) after loading, indexing
//! and checking, what each structure of the corpus and the index holds
//! (per passage and per token), and what the report holds (live bytes
//! freed when it is dropped).
//!
//! `cargo run --release --example heap -- DIR` on an archive of
//! `scale gen` (`DIR/sources`, `DIR/claims.yaml`). Counting every allocation
//! costs time: CPU figures come from `scale run`, not from here. Never run by
//! `cargo test`.
#![allow(clippy::print_stdout, clippy::print_stderr)]
use claimcheck::check::{self, Options};
use claimcheck::index::Index;
use claimcheck::{claims, sources};
use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting live bytes and their peak.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let n = LIVE.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(n, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        if n > l.size() {
            let v = LIVE.fetch_add(n - l.size(), Relaxed) + n - l.size();
            PEAK.fetch_max(v, Relaxed);
        } else {
            LIVE.fetch_sub(l.size() - n, Relaxed);
        }
        unsafe { System.realloc(p, l, n) }
    }
}
#[global_allocator]
static A: Counting = Counting;

/// A `/proc/self/status` figure in MB (Linux).
fn rss(f: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find(|l| l.starts_with(f))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u64>()
        .unwrap()
        / 1000
}
/// One line of figures.
fn show(what: &str) {
    eprintln!(
        "{what}: live {} MB, peak live {} MB, rss {} MB, hwm {} MB",
        LIVE.load(Relaxed) / 1_000_000,
        PEAK.load(Relaxed) / 1_000_000,
        rss("VmRSS:"),
        rss("VmHWM:")
    );
}
/// What each structure of the corpus and the index holds (heap bytes,
/// capacities), per passage and per token.
fn breakdown(corpus: &sources::Corpus, index: &Index) {
    let src = &corpus.sources;
    let mut parts: Vec<(&str, usize)> = vec![
        ("text", src.iter().map(|s| s.text.capacity()).sum()),
        ("line starts", src.iter().map(|s| s.line_starts.capacity() * 4).sum()),
        (
            "ids, paths, file names, titles",
            src.iter()
                .map(|s| s.id.capacity() + s.path.capacity() + s.file_name.capacity() + s.title.capacity())
                .sum(),
        ),
        (
            "sources (records)",
            src.capacity() * std::mem::size_of::<sources::Source>(),
        ),
    ];
    parts.extend(index.heap_bytes());
    let passages = index.len() as f64;
    let tokens: usize = index.analyzed.iter().map(|a| a.tokens.len()).sum();
    eprintln!("{} passages, {tokens} tokens", index.len());
    let mut total = 0;
    for (what, bytes) in parts {
        total += bytes;
        eprintln!(
            "  {what:<32} {:>8.1} MB  {:>6.1} B/passage  {:>5.2} B/token",
            bytes as f64 / 1e6,
            bytes as f64 / passages,
            bytes as f64 / tokens as f64
        );
    }
    eprintln!("  {:<32} {:>8.1} MB", "total counted", total as f64 / 1e6);
    for (what, p) in [("postings", &index.postings), ("variant postings", &index.variants)] {
        let (keys, blocks, data) = p.parts();
        let entries: usize = keys.iter().map(|k| k.1 as usize).sum();
        eprintln!(
            "  {what}: {} keys, {entries} entries, {} blocks, {:.1} MB of gaps ({:.2} B/entry)",
            keys.len(),
            blocks.len(),
            data.len() as f64 / 1e6,
            data.len() as f64 / entries as f64
        );
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let dir = Path::new(&dir);
    let corpus = sources::load(&[dir.join("sources")], sources::LoadOptions::default()).unwrap();
    show("load");
    let index = Index::build(&corpus);
    show("index");
    breakdown(&corpus, &index);
    let file = claims::load(&dir.join("claims.yaml")).unwrap();
    if std::env::args().nth(2).as_deref() == Some("--stream") {
        // What judging builds on first use and keeps for the run.
        let _ = index.fuzzy();
        show("fuzzy deletion index");
        let _ = index.names();
        show("name table");
        // As the binary writes JSON: each claim written and dropped.
        let mut out = std::io::BufWriter::new(std::io::sink());
        let mut peak_live = 0;
        check::check_each(&[file], &corpus, &index, &Options::default(), |c| {
            peak_live = peak_live.max(LIVE.load(Relaxed));
            serde_json::to_writer_pretty(&mut out, &c).map_err(std::io::Error::from)
        })
        .unwrap();
        show("check, streamed");
        eprintln!(
            "live heap at most {} MB when a claim was handed over",
            peak_live / 1_000_000
        );
        return;
    }
    let before = LIVE.load(Relaxed);
    let report = check::check(&[file], &corpus, &index, &Options::default());
    show("check");
    let with = LIVE.load(Relaxed);
    drop(report);
    show("report dropped");
    eprintln!(
        "report ≈ {} MB; other growth during check {} MB",
        (with - LIVE.load(Relaxed)) / 1_000_000,
        (LIVE.load(Relaxed) - before) / 1_000_000
    );
}
