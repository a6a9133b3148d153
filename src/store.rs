//! The persistent index: analyzed sources kept on disk between runs.
//!
//! This module owns the index folder that `claimcheck index SOURCES -o DIR`
//! writes and `check --index DIR` reads: what is in it, when an entry may be
//! reused, and updating it incrementally. Analysis (tokens, stems, numbers,
//! passages: [`crate::index::analyze_source`]) is what costs, so that is what
//! is stored; postings and statistics are rebuilt from it by
//! [`Index::assemble`](crate::index::Index::assemble) exactly as a run
//! without the index builds them, so reports are the same with and without.
//!
//! The folder holds two files:
//! - `manifest.json`: format and claimcheck version, the sources folders, and
//!   per source its id, path, size, modification time, FNV-1a hash of its
//!   text and of its charmap, and where its analysis lies in `data.bin`
//!   (offset, length, hash of those bytes);
//! - `data.bin`: per source, its analysis encoded with `postcard`: the
//!   source's distinct words, each token as its word's number there (with
//!   its clause break), offset delta and length, the values of its numbers,
//!   and its passages. Stems and verb keys are not stored: they are
//!   functions of the word ([`crate::sym::Form`]).
//!
//! An entry is reused when the source's id, size, text hash and charmap hash
//! match; the text is read anyway (reports quote it), so the content hash
//! decides and the modification time is only recorded (a `touch` does not
//! make a file stale, a rewrite that keeps size and time does). Bytes of an
//! entry are checked against their hash before use: a damaged folder is an
//! input error, never a wrong report.

use crate::index::{analyze_source, Tokens};
use crate::sources::{display_path, Corpus, Source};
use crate::stats::fnv1a;
use crate::sym::Sym;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Version of the folder layout and encoding; bumped on any change.
pub const FORMAT_VERSION: u32 = 2;
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
    /// The claimcheck version of the writer (analysis may change between versions).
    pub claimcheck: String,
    /// The sources folders, as given to `index`.
    pub folders: Vec<String>,
    /// One entry per source, sorted by id.
    pub entries: Vec<Entry>,
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
    /// FNV-1a of the text.
    pub hash: String,
    /// FNV-1a of the declared charmap (empty charmap included).
    pub charmap: String,
    /// Offset of the analysis in `data.bin`.
    pub offset: u64,
    /// Length of the analysis in `data.bin`.
    pub len: u64,
    /// FNV-1a of those bytes.
    pub data_hash: String,
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
    data: Vec<u8>,
    by_id: HashMap<String, usize>,
}

/// A stored token: its word's number in [`Stored::words`] times two plus
/// one if a clause break precedes it, start − previous end, length.
type StoredToken = (u32, usize, usize);

/// Size, text hash, charmap hash and modification time of a source.
type Fingerprint = (u64, String, String, Option<(u64, u32)>);

/// A source as stored: words listed once, offsets as deltas.
#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    words: Vec<String>,
    tokens: Vec<StoredToken>,
    /// (token index, value) of the tokens that start a number, in order.
    values: Vec<(u32, f64)>,
    /// start, end, line, first token, last token + 1.
    spans: Vec<(usize, usize, usize, usize, usize)>,
}

fn encode(analysis: &SourceAnalysis) -> Vec<u8> {
    let (tokens, spans) = analysis;
    // Words numbered by first occurrence, looked up by symbol number.
    let mut ids: crate::sym::FxHashMap<u32, u32> = Default::default();
    let mut words: Vec<String> = Vec::new();
    let mut prev = 0usize;
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens.iter() {
        let word = t.norm();
        let id = *ids.entry(word.index()).or_insert_with(|| {
            words.push(word.to_string());
            (words.len() - 1) as u32
        });
        out.push((id << 1 | u32::from(t.brk()), t.start() - prev, t.end() - t.start()));
        prev = t.end();
    }
    let stored = Stored {
        words,
        tokens: out,
        values: tokens.values().to_vec(),
        spans: spans.iter().map(|(s, e, l, r)| (*s, *e, *l, r.start, r.end)).collect(),
    };
    postcard::to_allocvec(&stored).expect("encoding to memory cannot fail")
}

fn decode(bytes: &[u8], text_len: usize) -> Result<SourceAnalysis, String> {
    let stored: Stored = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
    // Each word of the source interned once.
    let syms: Vec<Sym> = stored.words.iter().map(|s| Sym::new(s)).collect();
    let mut prev = 0usize;
    let mut parts = Vec::with_capacity(stored.tokens.len());
    for &(word, delta, len) in &stored.tokens {
        let start = prev.checked_add(delta).ok_or("offset overflow")?;
        let end = start.checked_add(len).ok_or("offset overflow")?;
        if end > text_len {
            return Err("a token lies past the end of the source".into());
        }
        prev = end;
        let sym = syms
            .get((word >> 1) as usize)
            .copied()
            .ok_or_else(|| format!("word {} out of range", word >> 1))?;
        parts.push((sym, start, end, word & 1 == 1));
    }
    let terms = Tokens::from_parts(parts, stored.values).ok_or("a number lies outside the tokens")?;
    let mut spans = Vec::with_capacity(stored.spans.len());
    for &(s, e, l, a, b) in &stored.spans {
        if a > b || b > terms.len() || s > e || e > text_len {
            return Err("a passage lies outside the source".into());
        }
        spans.push((s, e, l, a..b));
    }
    Ok((terms, spans))
}

/// Size, hash and charmap hash of a source (what decides reuse), and its
/// modification time on disk if it can be read.
fn fingerprint(source: &Source) -> Fingerprint {
    let mtime = std::fs::metadata(&source.path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| (d.as_secs(), d.subsec_nanos()));
    (
        source.text.len() as u64,
        fnv1a(source.text.as_bytes()),
        fnv1a(format!("{:?}", source.charmap).as_bytes()),
        mtime,
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
        if found_format != FORMAT_VERSION || found != env!("CARGO_PKG_VERSION") {
            return Err(StoreError::Version {
                dir: shown,
                found,
                found_format,
                ours: env!("CARGO_PKG_VERSION").into(),
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
        let data = std::fs::read(&dpath).map_err(|e| StoreError::Corrupt {
            file: display_path(&dpath),
            dir: shown.clone(),
            sources: sources.clone(),
            reason: format!("cannot read it: {e}"),
        })?;
        let mut by_id = HashMap::new();
        for (i, e) in manifest.entries.iter().enumerate() {
            let fits = e.offset.checked_add(e.len).is_some_and(|end| end <= data.len() as u64);
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
        let (size, hash, charmap, _) = fingerprint(source);
        (e.size == size && e.hash == hash && e.charmap == charmap).then_some(e)
    }

    /// The stored bytes of an entry, checked against their hash.
    fn bytes(&self, e: &Entry) -> Result<&[u8], StoreError> {
        let bytes = &self.data[e.offset as usize..(e.offset + e.len) as usize];
        if fnv1a(bytes) != e.data_hash {
            return Err(self.corrupt(format!("the data of `{}` does not match its hash", e.id)));
        }
        Ok(bytes)
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
                        decode(bytes, s.text.len())
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
    let blobs: Vec<(Vec<u8>, bool, Fingerprint)> = corpus
        .sources
        .par_iter()
        .map(|s| {
            let fp = fingerprint(s);
            let old = previous.and_then(|p| p.current(s).and_then(|e| p.bytes(e).ok()));
            let r = match old {
                Some(bytes) => (bytes.to_vec(), true, fp),
                None => (encode(&analyze_source(s)), false, fp),
            };
            counter.tick();
            r
        })
        .collect();
    let mut usage = Usage::default();
    let mut data: Vec<u8> = Vec::new();
    let mut entries = Vec::with_capacity(blobs.len());
    for (s, (blob, reused, (size, hash, charmap, mtime))) in corpus.sources.iter().zip(blobs) {
        if reused {
            usage.reused += 1;
        } else {
            usage.analyzed += 1;
        }
        entries.push(Entry {
            id: s.id.clone(),
            path: s.path.clone(),
            size,
            mtime,
            hash,
            charmap,
            offset: data.len() as u64,
            len: blob.len() as u64,
            data_hash: fnv1a(&blob),
        });
        data.extend_from_slice(&blob);
    }
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
        claimcheck: env!("CARGO_PKG_VERSION").into(),
        folders: folders.iter().map(|f| display_path(f)).collect(),
        entries,
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
    fn encoding_round_trips() {
        let s = source(
            "a",
            "قال الوزير إن ٣٠ ألف شخص، أي ثلاثون ألفا، زاروا المغرب.\nThe minister said 30,000 people visited.\n",
        );
        let a = analyze_source(&s);
        let terms = a.0.all();
        assert!(terms.iter().any(|t| t.root.is_some()) && terms.iter().any(|t| t.value.is_some()));
        let bytes = encode(&a);
        assert_eq!(decode(&bytes, s.text.len()).unwrap(), a);
    }

    #[test]
    fn damaged_bytes_are_refused() {
        let s = source("a", "المغرب اشترى. الجزائر رفضت");
        let bytes = encode(&analyze_source(&s));
        assert!(decode(&bytes[..bytes.len() / 2], s.text.len()).is_err());
        // Offsets past the text are caught even when the bytes decode.
        assert!(decode(&bytes, 3).is_err());
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
