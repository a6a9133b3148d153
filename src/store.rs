//! The persistent index: analyzed sources kept on disk between runs.
//!
//! This module owns the index folder that `claimcheck index SOURCES -o DIR`
//! writes and `check --index DIR` reads: what is in it, when an entry may be
//! reused, and updating it incrementally. Analysis (tokens, stems, numbers,
//! passages: [`crate::index::analyze_source`]) is what costs, so that is what
//! is stored, and with it the postings [`Index::assemble`] builds from it
//! (what a run would otherwise spend most of its fixed cost on), so a run
//! with the index gets the index a run without it builds, and the same
//! reports.
//!
//! The folder holds two files:
//! - `manifest.json`: format and claimcheck version, the sources folders,
//!   per source its id, path, size, modification time, hash ([`digest`]) of its
//!   text and of its charmap, and where its analysis lies in `data.bin`
//!   (offset, length, hash of those bytes); and where the corpus-wide part
//!   lies (`global`, likewise);
//! - `data.bin` (format 3, little-endian columns that read back without
//!   parsing): per source, its tokens (each as the number of its word in the
//!   word table, with the clause-break and number flags; its start; its
//!   byte length), the values of its numbers and its passages; then the
//!   corpus-wide part: the word table (every folded word of the tokens once,
//!   numbered by first occurrence in corpus order) and the postings and
//!   variant postings [`Index::assemble`] built from exactly these sources,
//!   in this order. Stems and verb keys are not stored: they are functions
//!   of the word ([`crate::sym::Form`]).
//!
//! `check --index` over the very sources of the index (same ids in the same
//! order, every one current) takes the stored postings
//! ([`Index::with_postings`]) and builds none; otherwise (a source new,
//! changed or gone) it takes the analysis of the current sources, analyzes
//! the others and assembles the index as a run without it does.
//!
//! An entry is reused when the source's id, size, text hash and charmap hash
//! match; the text is read anyway (reports quote it), so the content hash
//! decides and the modification time is only recorded (a `touch` does not
//! make a file stale, a rewrite that keeps size and time does). Bytes of an
//! entry are checked against their hash before use: a damaged folder is an
//! input error, never a wrong report.

use crate::index::{analyze_source, Index, Postings, Tokens};
use crate::sources::{display_path, Corpus, Source};
use crate::sym::{Sym, MAX_INDEX};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Version of the folder layout and encoding; bumped on any change.
pub const FORMAT_VERSION: u32 = 3;
/// Name of the manifest file.
pub const MANIFEST: &str = "manifest.json";
/// Name of the data file.
pub const DATA: &str = "data.bin";
const FORMAT_NAME: &str = "claimcheck-index";

pub use crate::index::SourceAnalysis;

/// What is wrong with an index folder.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The folder has no manifest, or the manifest is not one of ours.
    #[error("{dir}: not a claimcheck index ({reason}); write one with `claimcheck index SOURCES -o {dir}`")]
    NotAnIndex {
        /// The folder.
        dir: String,
        /// What was found.
        reason: String,
    },
    /// The manifest or data is damaged.
    #[error("{file}: the index is damaged ({reason}); rebuild it with `claimcheck index {sources} -o {dir}`")]
    Corrupt {
        /// The damaged file.
        file: String,
        /// The folder.
        dir: String,
        /// The sources folders it was written from.
        sources: String,
        /// What is wrong.
        reason: String,
    },
    /// Written by another version of claimcheck.
    #[error(
        "{dir}: the index was written by claimcheck {found} (index format {found_format}), this is claimcheck {ours} (format {ours_format}); rebuild it with `claimcheck index {sources} -o {dir}`"
    )]
    Version {
        /// The folder.
        dir: String,
        /// The version that wrote it.
        found: String,
        /// Its format.
        found_format: u32,
        /// This version.
        ours: String,
        /// This format.
        ours_format: u32,
        /// The sources folders it was written from.
        sources: String,
    },
    /// The output folder holds something else.
    #[error("{dir} exists and is not a claimcheck index ({reason}); pass a new or empty folder to -o")]
    Occupied {
        /// The folder.
        dir: String,
        /// What is there.
        reason: String,
    },
    /// Writing failed.
    #[error("cannot write the index to {path}: {source}")]
    Write {
        /// The file.
        path: String,
        /// Underlying error.
        source: std::io::Error,
    },
}

/// The manifest of an index folder.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// Always `claimcheck-index`.
    pub format: String,
    /// [`FORMAT_VERSION`] of the writer.
    pub format_version: u32,
    /// The claimcheck version of the writer with a digest of its analysis
    /// code ([`writer_version`]).
    pub claimcheck: String,
    /// The sources folders, as given to `index`.
    pub folders: Vec<String>,
    /// One entry per source, sorted by id.
    pub entries: Vec<Entry>,
    /// The word table and postings of all the entries, in `data.bin`.
    pub global: Section,
}

/// Where a part of `data.bin` lies.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Section {
    /// Offset in `data.bin`.
    pub offset: u64,
    /// Length.
    pub len: u64,
    /// [`digest`] of those bytes.
    pub data_hash: String,
}

/// One source in the index.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    /// Source id.
    pub id: String,
    /// Path as shown.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time (seconds and nanoseconds since the epoch), if known.
    pub mtime: Option<(u64, u32)>,
    /// [`digest`] of the text.
    pub hash: String,
    /// [`digest`] of the declared charmap (empty charmap included).
    pub charmap: String,
    /// Offset of the analysis in `data.bin`.
    pub offset: u64,
    /// Length of the analysis in `data.bin`.
    pub len: u64,
    /// [`digest`] of those bytes.
    pub data_hash: String,
}

impl Entry {
    /// The entry of source `s` with fingerprint `fp`, its analysis at
    /// `offset..offset + len` of `data.bin` with digest `data_hash`.
    fn of(s: &Source, fp: Fingerprint, offset: u64, len: u64, data_hash: String) -> Entry {
        let (size, hash, charmap, mtime) = fp;
        Entry {
            id: s.id.clone(),
            path: s.path.clone(),
            size,
            mtime,
            hash,
            charmap,
            offset,
            len,
            data_hash,
        }
    }
}

/// How many sources were reused, analyzed afresh, and dropped.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Usage {
    /// Taken from the index.
    pub reused: usize,
    /// Analyzed (new or changed).
    pub analyzed: usize,
    /// In the old index, no longer among the sources (`index` only).
    pub removed: usize,
    /// Size of `data.bin` written (`index` only).
    pub bytes: u64,
}

/// An opened index folder.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
    manifest: Manifest,
    data: DataFile,
    by_id: HashMap<String, usize>,
    /// The word table, each word interned: symbol number by word number.
    table: std::sync::OnceLock<Result<Vec<u32>, String>>,
}

/// `data.bin` of an opened index, read where needed: each entry when it is
/// decoded (positioned reads; so a run never holds the whole file beside
/// what it decodes), or, on systems other than Unix, whole when opened.
#[derive(Debug)]
struct DataFile {
    len: u64,
    #[cfg(unix)]
    file: std::fs::File,
    #[cfg(not(unix))]
    bytes: Vec<u8>,
}

impl DataFile {
    fn open(path: &Path) -> std::io::Result<DataFile> {
        #[cfg(unix)]
        {
            let file = std::fs::File::open(path)?;
            Ok(DataFile {
                len: file.metadata()?.len(),
                file,
            })
        }
        #[cfg(not(unix))]
        {
            let bytes = std::fs::read(path)?;
            Ok(DataFile {
                len: bytes.len() as u64,
                bytes,
            })
        }
    }

    /// `len` bytes at `offset` (within the file: checked when opened).
    fn read(&self, offset: u64, len: u64) -> std::io::Result<Vec<u8>> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            let mut buf = vec![0; len as usize];
            self.file.read_exact_at(&mut buf, offset)?;
            Ok(buf)
        }
        #[cfg(not(unix))]
        {
            Ok(self.bytes[offset as usize..(offset + len) as usize].to_vec())
        }
    }
}

/// Size, text hash, charmap hash and modification time of a source.
type Fingerprint = (u64, String, String, Option<(u64, u32)>);

/// The version the manifest records: claimcheck's, and a digest of the
/// code that analyzes text into what the index stores (folding, stems, verb
/// keys, numbers, passages). A build whose analysis differs, even under the
/// same version number, reads an index written by another as another
/// version's, so `index` rebuilds it and `check --index` asks for that
/// instead of retrieving with stems the stored postings do not use.
pub fn writer_version() -> &'static str {
    static V: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    V.get_or_init(|| {
        let analysis = [
            include_str!("normalize.rs"),
            include_str!("stem.rs"),
            include_str!("segment.rs"),
            include_str!("numbers.rs"),
            include_str!("index.rs"),
            include_str!("sym.rs"),
        ]
        .concat();
        format!(
            "{}+analysis.{}",
            env!("CARGO_PKG_VERSION"),
            &digest(analysis.as_bytes())[..8]
        )
    })
}

/// The 64-bit hash the index keeps of texts and data, in hex: four lanes
/// over 8-byte words (each word xored into its lane and the lane mixed by
/// MurmurHash3's 64-bit finalizer), the tail bytes, the length, and a final
/// mix. Not cryptographic: it tells damaged or changed bytes apart, as
/// FNV-1a did in format 2, several times faster (it reads every source's
/// text and every entry on each `check --index`).
pub fn digest(bytes: &[u8]) -> String {
    fn mix(mut x: u64) -> u64 {
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
    let mut h = [
        0xcbf2_9ce4_8422_2325u64,
        0x8422_2325_cbf2_9ce4,
        0x9ce4_8422_2325_cbf2,
        0x2325_cbf2_9ce4_8422,
    ];
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().expect("eight bytes"));
    let mut chunks = bytes.chunks_exact(32);
    for c in &mut chunks {
        for (i, lane) in h.iter_mut().enumerate() {
            *lane = mix(*lane ^ word(&c[i * 8..i * 8 + 8]));
        }
    }
    let mut x = bytes.len() as u64;
    for lane in h {
        x = mix(x ^ lane);
    }
    for c in chunks.remainder().chunks(8) {
        let mut buf = [0u8; 8];
        buf[..c.len()].copy_from_slice(c);
        x = mix(x ^ u64::from_le_bytes(buf));
    }
    format!("{x:016x}")
}

/// Appends little-endian numbers.
struct Out(Vec<u8>);

impl Out {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("fewer than 2^32 items"));
    }

    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

/// A number that fits the format's 32 bits (sources are under 4 GiB).
fn small(v: usize) -> u32 {
    u32::try_from(v).expect("sources are smaller than 4 GiB")
}

/// Reads what [`Out`] wrote, every read checked against the end.
struct In<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> In<'a> {
    fn new(bytes: &'a [u8]) -> In<'a> {
        In { bytes, at: 0 }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("the data ends too soon")?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")))
    }

    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().expect("eight bytes")))
    }

    /// A count of items of `size` bytes each, checked against what is left.
    fn count(&mut self, size: usize) -> Result<usize, String> {
        let n = self.u32()? as usize;
        if n.saturating_mul(size) > self.bytes.len() - self.at {
            return Err("a count exceeds the data".into());
        }
        Ok(n)
    }

    fn u32s(&mut self, n: usize) -> Result<Vec<u32>, String> {
        Ok(self
            .take(n * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("four bytes")))
            .collect())
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let n = self.count(1)?;
        std::str::from_utf8(self.take(n)?).map_err(|e| e.to_string())
    }

    fn end(&self) -> Result<(), String> {
        if self.at == self.bytes.len() {
            Ok(())
        } else {
            Err("bytes left over".into())
        }
    }
}

/// The flags of a packed token's word ([`crate::index::Token`]).
const FLAGS: u32 = !MAX_INDEX;

/// Encodes one source's analysis; `ids` gives each word's number in the
/// word table by symbol number.
fn encode(analysis: &SourceAnalysis, ids: &[u32]) -> Vec<u8> {
    let (tokens, spans) = analysis;
    let (words, starts, lens, long, values) = tokens.columns();
    let mut out = Out(Vec::with_capacity(words.len() * 9 + spans.len() * 20 + 16));
    out.len(words.len());
    for &w in &words {
        out.u32(ids[(w & MAX_INDEX) as usize] | (w & FLAGS));
    }
    for s in starts {
        out.u32(s);
    }
    out.0.extend_from_slice(&lens);
    out.len(long.len());
    for &(i, end) in &long {
        out.u32(i);
        out.u32(end);
    }
    out.len(values.len());
    for &(i, v) in values {
        out.u32(i);
        out.u64(v.to_bits());
    }
    out.len(spans.len());
    for (s, e, l, r) in spans {
        for v in [*s, *e, *l, r.start, r.end] {
            out.u32(small(v));
        }
    }
    out.0
}

/// Decodes one source's analysis; `table` gives each word's symbol number
/// by its number in the word table.
fn decode(bytes: &[u8], text_len: usize, table: &[u32]) -> Result<SourceAnalysis, String> {
    let mut r = In::new(bytes);
    let n = r.count(9)?;
    let mut words = r.u32s(n)?;
    for w in &mut words {
        let sym = *table
            .get((*w & MAX_INDEX) as usize)
            .ok_or_else(|| format!("word {} out of range", *w & MAX_INDEX))?;
        *w = sym | (*w & FLAGS);
    }
    let starts = r.u32s(n)?;
    let lens = r.take(n)?.to_vec();
    let nl = r.count(8)?;
    let mut long = Vec::with_capacity(nl);
    for _ in 0..nl {
        long.push((r.u32()?, r.u32()?));
    }
    let nv = r.count(12)?;
    let mut values = Vec::with_capacity(nv);
    for _ in 0..nv {
        values.push((r.u32()?, f64::from_bits(r.u64()?)));
    }
    let ns = r.count(20)?;
    let mut spans = Vec::with_capacity(ns);
    for _ in 0..ns {
        let [s, e, l, a, b] = [r.u32()?, r.u32()?, r.u32()?, r.u32()?, r.u32()?].map(|v| v as usize);
        if a > b || b > n || s > e || e > text_len {
            return Err("a passage lies outside the source".into());
        }
        spans.push((s, e, l, a..b));
    }
    r.end()?;
    let terms = Tokens::from_columns(words, starts, lens, long, values, text_len)
        .ok_or("a token or number lies outside the source")?;
    Ok((terms, spans))
}

/// Encodes postings ([`Postings::parts`]).
fn encode_postings(p: &Postings, out: &mut Out) {
    let (keys, blocks, data) = p.parts();
    out.len(keys.len());
    for (k, len, block, byte) in keys {
        out.str(k);
        out.u32(len);
        out.u64(block as u64);
        out.u64(byte as u64);
    }
    out.u64(blocks.len() as u64);
    for &(first, at) in blocks {
        out.u32(first);
        out.u32(at);
    }
    out.u64(data.len() as u64);
    out.0.extend_from_slice(data);
}

fn decode_postings(r: &mut In<'_>) -> Result<Postings, String> {
    let nk = r.count(24)?;
    let mut keys = Vec::with_capacity(nk);
    for _ in 0..nk {
        keys.push((r.str()?.to_string(), r.u32()?, r.u64()? as usize, r.u64()? as usize));
    }
    let nb = r.u64()? as usize;
    let raw = r.take(nb.checked_mul(8).ok_or("too many blocks")?)?;
    let blocks = raw
        .chunks_exact(8)
        .map(|c| {
            let v = |i: usize| u32::from_le_bytes(c[i..i + 4].try_into().expect("four bytes"));
            (v(0), v(4))
        })
        .collect();
    let nd = r.u64()? as usize;
    let data = r.take(nd)?.to_vec();
    Postings::from_parts(keys, blocks, data).ok_or_else(|| "a posting list lies outside its data".into())
}

/// The corpus-wide part: the word table, postings, variant postings.
fn encode_global(words: &[Sym], index: &Index) -> Vec<u8> {
    let mut out = Out(Vec::new());
    out.len(words.len());
    for w in words {
        out.str(w);
    }
    encode_postings(&index.postings, &mut out);
    encode_postings(&index.variants, &mut out);
    out.0
}

/// The word table of the corpus-wide part, and a reader after it.
fn global_words(bytes: &[u8]) -> Result<(Vec<&str>, In<'_>), String> {
    let mut r = In::new(bytes);
    let n = r.count(4)?;
    let mut words = Vec::with_capacity(n);
    for _ in 0..n {
        words.push(r.str()?);
    }
    Ok((words, r))
}

/// Size, hash and charmap hash of a source (what decides reuse), and its
/// modification time on disk if it can be read.
fn fingerprint(source: &Source) -> Fingerprint {
    let mtime = std::fs::metadata(&source.path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| (d.as_secs(), d.subsec_nanos()));
    let (size, hash, charmap) = content(source);
    (size, hash, charmap, mtime)
}

/// What decides reuse: size, text hash, charmap hash (no file is read).
fn content(source: &Source) -> (u64, String, String) {
    (
        source.text.len() as u64,
        digest(source.text.as_bytes()),
        digest(format!("{:?}", source.charmap).as_bytes()),
    )
}

impl Store {
    /// Opens an index folder: reads and checks its manifest and data.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        let shown = display_path(dir);
        let mpath = dir.join(MANIFEST);
        if !dir.is_dir() {
            return Err(StoreError::NotAnIndex {
                dir: shown,
                reason: "no such folder".into(),
            });
        }
        let text = std::fs::read_to_string(&mpath).map_err(|e| StoreError::NotAnIndex {
            dir: shown.clone(),
            reason: format!("cannot read {MANIFEST}: {e}"),
        })?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| StoreError::Corrupt {
            file: display_path(&mpath),
            dir: shown.clone(),
            sources: "SOURCES".into(),
            reason: e.to_string(),
        })?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT_NAME) {
            return Err(StoreError::NotAnIndex {
                dir: shown,
                reason: format!("{MANIFEST} is not a claimcheck index manifest"),
            });
        }
        let sources_of = |v: &serde_json::Value| -> String {
            v.get("folders")
                .and_then(|f| f.as_array())
                .map(|a| a.iter().filter_map(|x| x.as_str()).collect::<Vec<_>>().join(" "))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "SOURCES".into())
        };
        let found_format = value.get("format_version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
        let found = value
            .get("claimcheck")
            .and_then(|v| v.as_str())
            .unwrap_or("?")
            .to_string();
        if found_format != FORMAT_VERSION || found != writer_version() {
            return Err(StoreError::Version {
                dir: shown,
                found,
                found_format,
                ours: writer_version().into(),
                ours_format: FORMAT_VERSION,
                sources: sources_of(&value),
            });
        }
        let sources = sources_of(&value);
        let manifest: Manifest = serde_json::from_value(value).map_err(|e| StoreError::Corrupt {
            file: display_path(&mpath),
            dir: shown.clone(),
            sources: sources.clone(),
            reason: e.to_string(),
        })?;
        let dpath = dir.join(DATA);
        let data = DataFile::open(&dpath).map_err(|e| StoreError::Corrupt {
            file: display_path(&dpath),
            dir: shown.clone(),
            sources: sources.clone(),
            reason: format!("cannot read it: {e}"),
        })?;
        let mut by_id = HashMap::new();
        let g = &manifest.global;
        if g.offset.checked_add(g.len).is_none_or(|end| end > data.len) {
            return Err(StoreError::Corrupt {
                file: display_path(&dpath),
                dir: shown,
                sources,
                reason: format!("shorter than {MANIFEST} says: the word table and postings are missing"),
            });
        }
        for (i, e) in manifest.entries.iter().enumerate() {
            let fits = e.offset.checked_add(e.len).is_some_and(|end| end <= data.len);
            let (file, reason) = if !fits {
                (
                    &dpath,
                    format!("shorter than {MANIFEST} says: the data of `{}` is missing", e.id),
                )
            } else if by_id.insert(e.id.clone(), i).is_some() {
                (&mpath, format!("the source `{}` is listed twice", e.id))
            } else {
                continue;
            };
            return Err(StoreError::Corrupt {
                file: display_path(file),
                dir: shown,
                sources,
                reason,
            });
        }
        Ok(Store {
            dir: dir.to_path_buf(),
            manifest,
            data,
            by_id,
            table: std::sync::OnceLock::new(),
        })
    }

    /// The folder as shown.
    pub fn dir_shown(&self) -> String {
        display_path(&self.dir)
    }

    /// The manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    fn corrupt(&self, reason: String) -> StoreError {
        StoreError::Corrupt {
            file: display_path(&self.dir.join(DATA)),
            dir: display_path(&self.dir),
            sources: self.manifest.folders.join(" "),
            reason,
        }
    }

    /// The stored entry of a source, if it is current (same id, size, text and charmap).
    fn current(&self, source: &Source) -> Option<&Entry> {
        let e = &self.manifest.entries[*self.by_id.get(&source.id)?];
        let (size, hash, charmap) = content(source);
        (e.size == size && e.hash == hash && e.charmap == charmap).then_some(e)
    }

    /// The stored entry of a source, if it is current by its fingerprint.
    fn current_by(&self, source: &Source, fp: &Fingerprint) -> Option<&Entry> {
        let e = &self.manifest.entries[*self.by_id.get(&source.id)?];
        (e.size == fp.0 && e.hash == fp.1 && e.charmap == fp.2).then_some(e)
    }

    /// Bytes of `data.bin`.
    fn read(&self, offset: u64, len: u64) -> Result<Vec<u8>, StoreError> {
        self.data
            .read(offset, len)
            .map_err(|e| self.corrupt(format!("cannot read it: {e}")))
    }

    /// The stored bytes of an entry, checked against their hash.
    fn bytes(&self, e: &Entry) -> Result<Vec<u8>, StoreError> {
        let bytes = self.read(e.offset, e.len)?;
        if digest(&bytes) != e.data_hash {
            return Err(self.corrupt(format!("the data of `{}` does not match its hash", e.id)));
        }
        Ok(bytes)
    }

    /// The corpus-wide part, checked against its hash.
    fn global(&self) -> Result<Vec<u8>, StoreError> {
        let g = &self.manifest.global;
        let bytes = self.read(g.offset, g.len)?;
        if digest(&bytes) != g.data_hash {
            return Err(self.corrupt("the word table and postings do not match their hash".into()));
        }
        Ok(bytes)
    }

    /// The word table, interned (read once): symbol number by word number.
    fn table(&self) -> Result<&[u32], StoreError> {
        let table = self.table.get_or_init(|| {
            let bytes = self.global().map_err(|e| e.to_string())?;
            let (words, _) = global_words(&bytes)?;
            Ok(words.par_iter().map(|w| Sym::new(w).index()).collect())
        });
        match table {
            Ok(t) => Ok(t),
            Err(why) => Err(self.corrupt(format!("the word table: {why}"))),
        }
    }

    /// Whether the entries are the corpus's sources, in its order (what the
    /// stored postings were built from, if every one is current).
    fn covers(&self, corpus: &Corpus) -> bool {
        let entries = &self.manifest.entries;
        entries.len() == corpus.sources.len() && entries.iter().zip(&corpus.sources).all(|(e, s)| e.id == s.id)
    }

    /// The index of a corpus: its sources' analysis from the index when
    /// current, else analyzed now ([`Store::analyzed`]); when every source
    /// of the index is current and there is no other, the stored postings,
    /// else postings built afresh ([`Index::assemble`]).
    pub fn index(&self, corpus: &Corpus, progress: &crate::progress::Progress) -> Result<(Index, Usage), StoreError> {
        let (analyzed, usage) = self.analyzed(corpus, progress)?;
        if usage.analyzed > 0 || !self.covers(corpus) {
            return Ok((Index::assemble(analyzed), usage));
        }
        let bytes = self.global()?;
        let table = self.table()?;
        let stored = global_words(&bytes).and_then(|(_, mut r)| {
            let postings = decode_postings(&mut r)?;
            let variants = decode_postings(&mut r)?;
            r.end()?;
            Ok((postings, variants))
        });
        let (postings, variants) = stored.map_err(|why| self.corrupt(format!("the postings: {why}")))?;
        let forms = table.iter().map(|&i| Sym::from_index(i));
        Ok((Index::with_postings(analyzed, postings, variants, forms), usage))
    }

    /// The analysis of every source of a corpus (corpus order): from the
    /// index when current, else analyzed now; `progress` ticks per source.
    pub fn analyzed(
        &self,
        corpus: &Corpus,
        progress: &crate::progress::Progress,
    ) -> Result<(Vec<SourceAnalysis>, Usage), StoreError> {
        let counter = progress.counter(crate::progress::Stage::Index, corpus.sources.len());
        let out: Vec<Result<(SourceAnalysis, bool), StoreError>> = corpus
            .sources
            .par_iter()
            .map(|s| {
                let r = match self.current(s) {
                    Some(e) => {
                        let bytes = self.bytes(e)?;
                        decode(&bytes, s.text.len(), self.table()?)
                            .map(|a| (a, true))
                            .map_err(|why| self.corrupt(format!("the data of `{}`: {why}", e.id)))
                    }
                    None => Ok((analyze_source(s), false)),
                };
                counter.tick();
                r
            })
            .collect();
        let mut usage = Usage::default();
        let mut all = Vec::with_capacity(out.len());
        for r in out {
            let (a, reused) = r?;
            if reused {
                usage.reused += 1;
            } else {
                usage.analyzed += 1;
            }
            all.push(a);
        }
        Ok((all, usage))
    }
}

/// Writes (or updates) the index of `corpus` in `dir`: sources whose entry
/// in `previous` is current are copied, the others analyzed; entries of
/// sources no longer there are dropped. The files are replaced atomically
/// (data first, manifest last).
pub fn write(
    dir: &Path,
    folders: &[PathBuf],
    corpus: &Corpus,
    previous: Option<&Store>,
    progress: &crate::progress::Progress,
) -> Result<Usage, StoreError> {
    let counter = progress.counter(crate::progress::Stage::Index, corpus.sources.len());
    let fingerprints: Vec<(Fingerprint, bool)> = corpus
        .sources
        .par_iter()
        .map(|s| {
            let fp = fingerprint(s);
            let current = previous.is_some_and(|p| p.current_by(s, &fp).is_some());
            (fp, current)
        })
        .collect();
    let mut usage = Usage::default();
    let mut entries = Vec::with_capacity(corpus.sources.len());
    let unchanged = previous.filter(|p| {
        p.covers(corpus)
            && fingerprints.iter().all(|f| f.1)
            && p.global().is_ok()
            && p.manifest.entries.par_iter().all(|e| p.bytes(e).is_ok())
    });
    let (data, global): (Vec<u8>, Section) = if let Some(p) = unchanged {
        // The same sources, in the same order, all current and sound: the data stays.
        for (s, (fp, _)) in corpus.sources.iter().zip(fingerprints) {
            let e = &p.manifest.entries[entries.len()];
            usage.reused += 1;
            entries.push(Entry::of(s, fp, e.offset, e.len, e.data_hash.clone()));
            counter.tick();
        }
        (p.read(0, p.data.len)?, p.manifest.global.clone())
    } else {
        let analyzed: Vec<(SourceAnalysis, bool)> = corpus
            .sources
            .par_iter()
            .zip(&fingerprints)
            .map(|(s, (fp, current))| {
                let old = previous.filter(|_| *current).and_then(|p| {
                    p.current_by(s, fp)
                        .and_then(|e| decode(&p.bytes(e).ok()?, s.text.len(), p.table().ok()?).ok())
                });
                let r = match old {
                    Some(a) => (a, true),
                    None => (analyze_source(s), false),
                };
                counter.tick();
                r
            })
            .collect();
        // The word table: each word by first occurrence in corpus order.
        let top = analyzed
            .par_iter()
            .map(|(a, _)| a.0.words().map(|w| w & MAX_INDEX).max().unwrap_or(0))
            .max()
            .unwrap_or(0);
        let mut ids = vec![u32::MAX; top as usize + 1];
        let mut words: Vec<Sym> = Vec::new();
        for (a, _) in &analyzed {
            for w in a.0.words() {
                let id = &mut ids[(w & MAX_INDEX) as usize];
                if *id == u32::MAX {
                    *id = small(words.len());
                    words.push(Sym::from_index(w & MAX_INDEX));
                }
            }
        }
        let blobs: Vec<Vec<u8>> = analyzed.par_iter().map(|(a, _)| encode(a, &ids)).collect();
        let mut data: Vec<u8> = Vec::with_capacity(blobs.iter().map(Vec::len).sum());
        for ((s, (blob, (_, reused))), (fp, _)) in corpus
            .sources
            .iter()
            .zip(blobs.into_iter().zip(&analyzed))
            .zip(fingerprints)
        {
            if *reused {
                usage.reused += 1;
            } else {
                usage.analyzed += 1;
            }
            entries.push(Entry::of(s, fp, data.len() as u64, blob.len() as u64, digest(&blob)));
            data.extend_from_slice(&blob);
        }
        let index = Index::assemble(analyzed.into_iter().map(|(a, _)| a).collect());
        let bytes = encode_global(&words, &index);
        let global = Section {
            offset: data.len() as u64,
            len: bytes.len() as u64,
            data_hash: digest(&bytes),
        };
        data.extend_from_slice(&bytes);
        (data, global)
    };
    if let Some(p) = previous {
        let ids: std::collections::HashSet<&str> = corpus.sources.iter().map(|s| s.id.as_str()).collect();
        usage.removed = p
            .manifest
            .entries
            .iter()
            .filter(|e| !ids.contains(e.id.as_str()))
            .count();
    }
    usage.bytes = data.len() as u64;
    let manifest = Manifest {
        format: FORMAT_NAME.into(),
        format_version: FORMAT_VERSION,
        claimcheck: writer_version().into(),
        folders: folders.iter().map(|f| display_path(f)).collect(),
        entries,
        global,
    };
    std::fs::create_dir_all(dir).map_err(|e| StoreError::Write {
        path: display_path(dir),
        source: e,
    })?;
    let json = serde_json::to_string_pretty(&manifest).expect("a manifest serializes") + "\n";
    replace(&dir.join(DATA), &data)?;
    replace(&dir.join(MANIFEST), json.as_bytes())?;
    Ok(usage)
}

/// Writes a file through a temporary beside it and a rename.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = path.with_extension("tmp");
    let err = |e| StoreError::Write {
        path: display_path(path),
        source: e,
    };
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}

/// Opens the index already in `dir` to update it: `Ok(None)` when there is
/// none yet (missing or empty folder) or it cannot be reused (damaged, other
/// version: it is rebuilt, and the note says so); an error when `dir` holds
/// something that is not an index.
pub fn open_for_update(dir: &Path) -> Result<(Option<Store>, Option<String>), StoreError> {
    let shown = display_path(dir);
    if !dir.exists() {
        return Ok((None, None));
    }
    if !dir.is_dir() {
        return Err(StoreError::Occupied {
            dir: shown,
            reason: "it is a file".into(),
        });
    }
    if !dir.join(MANIFEST).exists() {
        let empty = std::fs::read_dir(dir).map(|mut d| d.next().is_none()).unwrap_or(false);
        return if empty {
            Ok((None, None))
        } else {
            Err(StoreError::Occupied {
                dir: shown,
                reason: format!("no {MANIFEST} in a non-empty folder"),
            })
        };
    }
    match Store::open(dir) {
        Ok(s) => Ok((Some(s), None)),
        Err(e @ StoreError::NotAnIndex { .. }) => Err(StoreError::Occupied {
            dir: shown,
            reason: e.to_string(),
        }),
        Err(e) => Ok((None, Some(format!("{e}; rebuilding it")))),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_writer_version_names_the_analysis() {
        let v = super::writer_version();
        let digest = v
            .strip_prefix(concat!(env!("CARGO_PKG_VERSION"), "+analysis."))
            .expect("version, then the analysis digest");
        assert!(
            digest.len() == 8 && digest.bytes().all(|b| b.is_ascii_hexdigit()),
            "{v}"
        );
    }

    use super::*;
    use crate::normalize::Charmap;

    fn source(id: &str, text: &str) -> Source {
        Source::new(
            id.into(),
            format!("{id}.txt"),
            format!("{id}.txt"),
            text.into(),
            Charmap::default(),
        )
    }

    #[test]
    fn hash_tells_bytes_apart() {
        let base: Vec<u8> = (0..200u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut seen = std::collections::HashSet::new();
        // Every length, and every single bit flipped, hashes differently.
        for n in 0..=base.len() {
            assert!(seen.insert(digest(&base[..n])), "length {n}");
        }
        for i in 0..base.len() {
            for bit in 0..8 {
                let mut b = base.clone();
                b[i] ^= 1 << bit;
                assert!(seen.insert(digest(&b)), "byte {i} bit {bit}");
            }
        }
        assert_eq!(digest(b"abc"), digest(b"abc"));
    }

    #[test]
    fn encoding_round_trips() {
        let s = source(
            "a",
            "قال الوزير إن ٣٠ ألف شخص، أي ثلاثون ألفا، زاروا المغرب.\nThe minister said 30,000 people visited.\n",
        );
        let a = analyze_source(&s);
        let terms = a.0.all();
        assert!(terms.iter().any(|t| t.root.is_some()) && terms.iter().any(|t| t.value.is_some()));
        let (ids, table) = identity(&a);
        let bytes = encode(&a, &ids);
        assert_eq!(decode(&bytes, s.text.len(), &table).unwrap(), a);
    }

    /// A word table that numbers each word by its symbol number.
    fn identity(a: &SourceAnalysis) -> (Vec<u32>, Vec<u32>) {
        let top = a.0.words().map(|w| w & MAX_INDEX).max().unwrap_or(0);
        let ids: Vec<u32> = (0..=top).collect();
        (ids.clone(), ids)
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let s = source("a", "المغرب اشترى. الجزائر رفضت");
        let a = analyze_source(&s);
        let (ids, table) = identity(&a);
        let bytes = encode(&a, &ids);
        assert!(decode(&bytes[..bytes.len() / 2], s.text.len(), &table).is_err());
        // Offsets past the text are caught even when the bytes decode.
        assert!(decode(&bytes, 3, &table).is_err());
        // A word outside the table.
        assert!(decode(&bytes, s.text.len(), &table[..1]).is_err());
    }

    /// Every part of two indexes that judging reads, compared (posting
    /// lists decoded: their bytes may be laid out in another key order).
    fn assert_same_index(a: &Index, b: &Index) {
        assert_eq!(a.passages, b.passages);
        assert_eq!(a.analyzed.len(), b.analyzed.len());
        for (x, y) in a.analyzed.iter().zip(&b.analyzed) {
            assert_eq!(x.tokens, y.tokens);
            assert_eq!(x.passages, y.passages);
        }
        for (name, p, q) in [
            ("postings", &a.postings, &b.postings),
            ("variants", &a.variants, &b.variants),
        ] {
            assert_eq!(p.len(), q.len(), "{name}");
            for (key, list) in p.iter() {
                let other = q.get(key).unwrap_or_else(|| panic!("{name}: `{key}` missing"));
                assert_eq!(list.to_vec(), other.to_vec(), "{name}: `{key}`");
            }
        }
        assert_eq!(a.df, b.df);
        assert_eq!(a.vocab, b.vocab);
        assert_eq!(a.vocab_chars, b.vocab_chars);
        assert_eq!(a.surface, b.surface);
    }

    fn seeds() -> Corpus {
        crate::sources::load(&[PathBuf::from("seeds")], Default::default()).unwrap()
    }

    #[test]
    fn stored_postings_are_the_ones_assembled() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = seeds();
        let p = crate::progress::Progress::default();
        write(dir.path(), &[], &corpus, None, &p).unwrap();
        let store = Store::open(dir.path()).unwrap();
        let (stored, u) = store.index(&corpus, &p).unwrap();
        assert_eq!((u.reused, u.analyzed), (corpus.sources.len(), 0));
        let built = Index::build(&corpus);
        assert!(built.postings.len() > 1000 && built.variants.len() > 100);
        assert_same_index(&stored, &built);
        // The stored postings are what the index reads: postings of another
        // corpus stored under these entries give another index, which the
        // comparison above would catch.
        let other = Corpus {
            sources: corpus.sources[..2].to_vec(),
            ..Corpus::default()
        };
        let wrong = Index::build(&other);
        let mut bad = std::fs::read(dir.path().join(DATA)).unwrap();
        let g = &store.manifest.global;
        let (words, _) = global_words(&bad[g.offset as usize..]).unwrap();
        let words: Vec<Sym> = words.iter().map(|w| Sym::new(w)).collect();
        let global = encode_global(&words, &wrong);
        bad.truncate(g.offset as usize);
        bad.extend_from_slice(&global);
        let mut manifest = store.manifest.clone();
        manifest.global = Section {
            offset: g.offset,
            len: global.len() as u64,
            data_hash: digest(&global),
        };
        std::fs::write(dir.path().join(DATA), &bad).unwrap();
        std::fs::write(dir.path().join(MANIFEST), serde_json::to_string(&manifest).unwrap()).unwrap();
        let (read, _) = Store::open(dir.path()).unwrap().index(&corpus, &p).unwrap();
        assert_ne!(read.postings.len(), built.postings.len());
        assert_eq!(read.postings.len(), wrong.postings.len());
    }

    #[test]
    fn a_stale_or_other_corpus_assembles_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = seeds();
        let p = crate::progress::Progress::default();
        write(dir.path(), &[], &corpus, None, &p).unwrap();
        let store = Store::open(dir.path()).unwrap();
        // One source changed, one dropped, the order changed.
        let mut changed = corpus.clone();
        changed.sources[1] = source(&corpus.sources[1].id, "الجزائر قبلت. المغرب رفض");
        let fewer = Corpus {
            sources: corpus.sources[1..].to_vec(),
            ..Corpus::default()
        };
        let mut turned = corpus.clone();
        turned.sources.reverse();
        for (c, analyzed) in [(&changed, 1), (&fewer, 0), (&turned, 0)] {
            let (got, u) = store.index(c, &p).unwrap();
            assert_eq!(u.analyzed, analyzed);
            assert_same_index(&got, &Index::build(c));
        }
        // `index` again over the changed corpus: its postings are stored.
        let u = write(dir.path(), &[], &changed, Some(&store), &p).unwrap();
        assert_eq!((u.reused, u.analyzed), (corpus.sources.len() - 1, 1));
        let store = Store::open(dir.path()).unwrap();
        let (got, u) = store.index(&changed, &p).unwrap();
        assert_eq!(u.analyzed, 0);
        assert_same_index(&got, &Index::build(&changed));
        // Nothing changed: the data is kept byte for byte.
        let before = std::fs::read(dir.path().join(DATA)).unwrap();
        let u = write(dir.path(), &[], &changed, Some(&store), &p).unwrap();
        assert_eq!((u.reused, u.analyzed), (corpus.sources.len(), 0));
        assert_eq!(std::fs::read(dir.path().join(DATA)).unwrap(), before);
    }

    #[test]
    fn reuse_needs_same_text_and_charmap() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = Corpus {
            sources: vec![source("a", "المغرب اشترى"), source("b", "الجزائر رفضت")],
            ..Corpus::default()
        };
        let p = crate::progress::Progress::default();
        let u = write(dir.path(), &[], &corpus, None, &p).unwrap();
        assert_eq!((u.reused, u.analyzed, u.removed), (0, 2, 0));
        let store = Store::open(dir.path()).unwrap();
        let mut changed = corpus.clone();
        changed.sources[1] = source("b", "الجزائر قبلت");
        changed.sources[0].charmap = Charmap::from_pairs([('\u{E005}', "0".to_string())]);
        let (_, u) = store.analyzed(&changed, &p).unwrap();
        assert_eq!((u.reused, u.analyzed), (0, 2));
        let (got, u) = store.analyzed(&corpus, &p).unwrap();
        assert_eq!((u.reused, u.analyzed), (2, 0));
        assert_eq!(got, crate::index::analyze_all(&corpus, &p));
    }
}
