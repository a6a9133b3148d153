//! Sources: loading a folder of articles and resolving citations to them.
//!
//! This module owns everything about source files: walking a sources folder
//! recursively (`.txt` and `.md`), skipping and naming files that cannot be
//! used (not UTF-8, UTF-16, empty, binary), source ids, titles, line starts
//! for byte-offset → line conversion, declared character maps for
//! private-use characters, and the lookup of a citation (full id, file name
//! or unique id prefix).
//!
//! A character map is declared in a sidecar file next to the source,
//! `<file>.charmap` (e.g. `003_9da5cf7a81fce5e7.txt.charmap`), one mapping per
//! line: `U+E005 0`. Lines starting with `#` are comments.

use crate::normalize::{fold_title, is_private_use, Charmap};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// A loaded source article.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to its sources folder, without extension, `/`-separated.
    pub id: String,
    /// Path as shown in reports (the sources folder joined with the file).
    pub path: String,
    /// File name with extension.
    pub file_name: String,
    /// The whole file (a leading BOM is kept so offsets are file offsets).
    pub text: String,
    /// Byte offset of the start of every line (32 bits: sources are at most
    /// [`MAX_SOURCE_BYTES`]; a longer text, never loaded, counts the lines
    /// of its first 4 GiB).
    pub line_starts: Vec<u32>,
    /// First non-empty line, trimmed, tatweel and repeated spaces folded.
    pub title: String,
    /// Declared mapping of private-use characters, possibly empty.
    pub charmap: Charmap,
}

impl Source {
    /// Builds a source from its text.
    pub fn new(id: String, path: String, file_name: String, text: String, charmap: Charmap) -> Source {
        let mut line_starts = Vec::with_capacity(1 + text.bytes().filter(|&b| b == b'\n').count());
        line_starts.push(0);
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                match u32::try_from(i + 1) {
                    Ok(at) => line_starts.push(at),
                    Err(_) => break,
                }
            }
        }
        let title = text
            .lines()
            .map(|l| fold_title(&charmap.apply(l)))
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        Source {
            id,
            path,
            file_name,
            text,
            line_starts,
            title,
            charmap,
        }
    }

    /// 1-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self
            .line_starts
            .binary_search(&u32::try_from(offset).unwrap_or(u32::MAX))
        {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Text between two byte offsets with the declared charmap applied, for display.
    pub fn display(&self, start: usize, end: usize) -> String {
        self.shown(start, end).into_owned()
    }

    /// [`Source::display`], borrowed from the text when no declared
    /// character occurs in it.
    pub fn shown(&self, start: usize, end: usize) -> std::borrow::Cow<'_, str> {
        self.charmap.apply_borrowed(self.text[start..end].trim())
    }

    /// Whether the text holds private-use characters that no charmap declares.
    pub fn undeclared_private_use(&self) -> usize {
        self.text
            .chars()
            .filter(|&c| is_private_use(c) && self.charmap.get(c).is_none())
            .count()
    }
}

/// A file that was not loaded, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Path as shown.
    pub path: String,
    /// Why it was skipped, in plain words.
    pub reason: String,
}

/// Errors that stop loading (as opposed to files that are skipped).
#[derive(Debug, Error)]
pub enum SourceError {
    /// The folder does not exist or is not a folder.
    #[error(
        "sources folder `{0}` not found: pass an existing folder with --sources or set `sources:` in the claims file"
    )]
    MissingFolder(String),
    /// The folder could not be read.
    #[error("cannot read sources folder `{path}`: {source}")]
    Unreadable {
        /// Path of the folder.
        path: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// Two files yield the same source id.
    #[error("two sources have the id `{id}`: `{first}` and `{second}`; rename one of them")]
    DuplicateId {
        /// The shared id.
        id: String,
        /// First file.
        first: String,
        /// Second file.
        second: String,
    },
    /// A charmap file is malformed.
    #[error("{path}:{line}: {message}")]
    BadCharmap {
        /// Path of the charmap file.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// All sources of a run, sorted by id, with the files that were skipped.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Loaded sources, sorted by id.
    pub sources: Vec<Source>,
    /// Files that were not loaded, in path order.
    pub skipped: Vec<Skipped>,
    /// Warnings about loaded sources (e.g. undeclared private-use characters).
    pub warnings: Vec<String>,
}

/// The largest source that can be loaded, whatever the limit asked: the
/// index keeps byte offsets in 32 bits ([`crate::index::Token`]).
pub const MAX_SOURCE_BYTES: u64 = u32::MAX as u64;

/// Limits applied while loading.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions {
    /// Files larger than this many bytes are skipped and named.
    pub max_file_bytes: u64,
    /// A claims file larger than this many bytes is an input error.
    pub max_claims_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: 64 * 1024 * 1024,
            max_claims_bytes: crate::claims::MAX_CLAIMS_FILE_BYTES,
        }
    }
}

/// A file read for loading: the source and its count of undeclared
/// private-use characters, an error that stops loading, or why it is skipped.
type Read = Result<Result<(Source, usize), SourceError>, String>;

/// Loads every `.txt` and `.md` file under each folder.
pub fn load(folders: &[PathBuf], opts: LoadOptions) -> Result<Corpus, SourceError> {
    let mut corpus = Corpus::default();
    let mut ids: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for folder in folders {
        if !folder.is_dir() {
            return Err(SourceError::MissingFolder(folder.display().to_string()));
        }
        let mut files = Vec::new();
        let mut visited = BTreeSet::new();
        walk(folder, folder, &mut files, &mut visited, &mut corpus.skipped)?;
        files.sort();
        // Files read, checked and split into lines in parallel; then taken
        // in path order (ids, errors and warnings as a sequential load).
        let read: Vec<(String, Read)> = files
            .par_iter()
            .map(|rel| {
                let full = folder.join(rel);
                let shown = display_path(&full);
                let loaded = read_source(&full, opts).map(|text| {
                    let charmap = read_charmap(&full)?;
                    let file_name = rel
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let source = Source::new(source_id(rel), shown.clone(), file_name, text, charmap);
                    let pua = source.undeclared_private_use();
                    Ok((source, pua))
                });
                (shown, loaded)
            })
            .collect();
        for (shown, loaded) in read {
            match loaded {
                Ok(loaded) => {
                    let (source, pua) = loaded?;
                    if let Some(prev) = ids.get(&source.id) {
                        return Err(SourceError::DuplicateId {
                            id: source.id,
                            first: prev.clone(),
                            second: shown,
                        });
                    }
                    ids.insert(source.id.clone(), shown);
                    if pua > 0 && !source.charmap.is_empty() {
                        corpus.warnings.push(format!(
                            "{}: {} private-use characters are not declared in `{}.charmap`; they are treated as separators",
                            source.path, pua, source.path
                        ));
                    } else if pua > 0 {
                        corpus.warnings.push(format!(
                            "{}: {} private-use characters (a PDF font's own codes, e.g. digits) are treated as separators; \
                             declare what they stand for in `{}.charmap` (lines like `U+E005 0`)",
                            source.path, pua, source.path
                        ));
                    }
                    corpus.sources.push(source);
                }
                Err(reason) => corpus.skipped.push(Skipped { path: shown, reason }),
            }
        }
    }
    corpus.sources.sort_by(|a, b| a.id.cmp(&b.id));
    // Kept for the run: sized exactly (pushed one by one, the list may
    // hold twice its length; 1.1 MB at 10,000 sources).
    corpus.sources.shrink_to_fit();
    corpus.skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(corpus)
}

fn walk(
    root: &Path,
    dir: &Path,
    files: &mut Vec<PathBuf>,
    visited: &mut BTreeSet<PathBuf>,
    skipped: &mut Vec<Skipped>,
) -> Result<(), SourceError> {
    // Symlink loops: never enter a directory twice.
    let canon = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(canon) {
        return Ok(());
    }
    // The top folder must be readable; a subfolder that is not is skipped and named.
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if dir != root => {
            skipped.push(Skipped {
                path: display_path(dir),
                reason: format!("folder cannot be read ({e})"),
            });
            return Ok(());
        }
        Err(e) => {
            return Err(SourceError::Unreadable {
                path: dir.display().to_string(),
                source: e,
            })
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            // Hidden folders (.git) are not sources; a hidden text file is named.
            if has_source_extension(&path) {
                skipped.push(Skipped {
                    path: display_path(&path),
                    reason: "is a hidden file; rename it without the leading `.` to check it".into(),
                });
            }
            continue;
        }
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                if has_source_extension(&path) {
                    skipped.push(Skipped {
                        path: display_path(&path),
                        reason: format!("cannot be read ({e})"),
                    });
                }
                continue;
            }
        };
        if meta.is_dir() {
            walk(root, &path, files, visited, skipped)?;
        } else if meta.is_file() && has_source_extension(&path) {
            if let Ok(rel) = path.strip_prefix(root) {
                files.push(rel.to_path_buf());
            }
        } else if has_source_extension(&path) {
            // A pipe, socket or device: reading it could block forever.
            skipped.push(Skipped {
                path: display_path(&path),
                reason: "is not a regular file (a pipe, socket or device); only regular files are read".into(),
            });
        }
    }
    Ok(())
}

fn has_source_extension(path: &Path) -> bool {
    matches!(
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt") | Some("md")
    )
}

fn source_id(rel: &Path) -> String {
    let no_ext = rel.with_extension("");
    no_ext
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Reads a file as a source text, or says why it cannot be one.
fn read_source(path: &Path, opts: LoadOptions) -> Result<String, String> {
    let meta = fs::metadata(path).map_err(|e| format!("cannot be read ({e})"))?;
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(format!(
            "larger than the {MAX_SOURCE_BYTES} bytes a source can have ({} bytes); split it",
            meta.len()
        ));
    }
    if meta.len() > opts.max_file_bytes {
        return Err(format!(
            "larger than the limit of {} bytes ({} bytes); raise --max-source-bytes to load it",
            opts.max_file_bytes,
            meta.len()
        ));
    }
    let bytes = fs::read(path).map_err(|e| format!("cannot be read ({e})"))?;
    check_bytes(&bytes)
}

/// Checks that bytes are a usable UTF-8 text.
pub fn check_bytes(bytes: &[u8]) -> Result<String, String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err("is UTF-16 encoded; convert it to UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)".into());
    }
    if bytes.contains(&0) {
        return Err("looks binary (contains NUL bytes)".into());
    }
    let text = match String::from_utf8(bytes.to_vec()) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            return Err(format!(
                "is not valid UTF-8 (first bad byte at offset {at}); convert it to UTF-8"
            ));
        }
    };
    if text.trim_start_matches('\u{FEFF}').trim().is_empty() {
        return Err("is empty".into());
    }
    Ok(text)
}

/// Reads the sidecar charmap `<file>.charmap` if it exists.
fn read_charmap(source_path: &Path) -> Result<Charmap, SourceError> {
    let mut name = source_path.as_os_str().to_owned();
    name.push(".charmap");
    let path = PathBuf::from(name);
    if !path.exists() {
        return Ok(Charmap::default());
    }
    let shown = display_path(&path);
    let text = fs::read_to_string(&path).map_err(|e| SourceError::BadCharmap {
        path: shown.clone(),
        line: 1,
        message: format!("cannot be read as UTF-8 text ({e})"),
    })?;
    parse_charmap(&text).map_err(|(line, message)| SourceError::BadCharmap {
        path: shown,
        line,
        message,
    })
}

/// Parses charmap lines `U+E005 0` (code point, then the replacement text).
pub fn parse_charmap(text: &str) -> Result<Charmap, (usize, String)> {
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let code = parts.next().unwrap_or_default();
        let value = parts.collect::<Vec<_>>().join(" ");
        let hex = code
            .strip_prefix("U+")
            .or_else(|| code.strip_prefix("u+"))
            .ok_or((i + 1, format!("expected a code point like `U+E005`, found `{code}`")))?;
        let c = u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or((i + 1, format!("`{code}` is not a valid code point")))?;
        if value.is_empty() {
            return Err((
                i + 1,
                format!("`{code}` has no replacement text; write e.g. `{code} 0`"),
            ));
        }
        pairs.push((c, value));
    }
    Ok(Charmap::from_pairs(pairs))
}

/// A path shown to users: lexically cleaned (`a/./b/../c` → `a/c`), `/`-separated.
pub fn display_path(path: &Path) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in path.components() {
        use std::path::Component::*;
        match c {
            RootDir => absolute = true,
            Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            CurDir => {}
            ParentDir => {
                if parts.last().is_some_and(|p| p != "..") {
                    parts.pop();
                } else if !absolute {
                    parts.push("..".into());
                }
            }
            Normal(n) => parts.push(n.to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute {
        format!("/{joined}")
    } else if joined.is_empty() {
        ".".into()
    } else {
        joined
    }
}

/// How a citation resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// The index of the source it names.
    Found(usize),
    /// No source has that id, file name or id prefix.
    Missing,
    /// Several sources share that prefix.
    Ambiguous(Vec<String>),
}

impl Corpus {
    /// A corpus of in-memory texts with ids `s0`, `s1`, ... and file names
    /// `s0.txt`, ... (tests and measurements).
    pub fn of_texts(texts: &[&str]) -> Corpus {
        Corpus {
            sources: texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    Source::new(
                        format!("s{i}"),
                        format!("s{i}.txt"),
                        format!("s{i}.txt"),
                        t.to_string(),
                        Charmap::default(),
                    )
                })
                .collect(),
            ..Corpus::default()
        }
    }

    /// Resolves a citation: full id, file name (or path with extension), or unique id prefix.
    pub fn resolve(&self, cite: &str) -> Resolution {
        let cite = cite.trim();
        if cite.is_empty() {
            return Resolution::Missing;
        }
        if let Some(i) = self.sources.iter().position(|s| s.id == cite) {
            return Resolution::Found(i);
        }
        let by_name: Vec<usize> = self
            .sources
            .iter()
            .enumerate()
            .filter(|(_, s)| s.file_name == cite || s.path == cite || s.path.ends_with(&format!("/{cite}")))
            .map(|(i, _)| i)
            .collect();
        if by_name.len() == 1 {
            return Resolution::Found(by_name[0]);
        }
        let prefixed = |f: &dyn Fn(&Source) -> bool| -> Vec<usize> {
            self.sources
                .iter()
                .enumerate()
                .filter(|(_, s)| f(s))
                .map(|(i, _)| i)
                .collect()
        };
        // An id prefix first; a prefix of the file's own name (in a
        // subfolder) only when no id starts with the citation.
        let mut by_prefix = prefixed(&|s: &Source| s.id.starts_with(cite));
        if by_prefix.is_empty() {
            by_prefix = prefixed(&|s: &Source| s.id.rsplit('/').next().is_some_and(|base| base.starts_with(cite)));
        }
        match by_prefix.len() {
            0 if by_name.len() > 1 => {
                Resolution::Ambiguous(by_name.iter().map(|&i| self.sources[i].id.clone()).collect())
            }
            0 => Resolution::Missing,
            1 => Resolution::Found(by_prefix[0]),
            _ => Resolution::Ambiguous(by_prefix.iter().map(|&i| self.sources[i].id.clone()).collect()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(ids: &[&str]) -> Corpus {
        Corpus {
            sources: ids
                .iter()
                .map(|id| {
                    Source::new(
                        id.to_string(),
                        format!("seeds/{id}.txt"),
                        format!("{}.txt", id.rsplit('/').next().unwrap()),
                        "title\nbody".into(),
                        Charmap::default(),
                    )
                })
                .collect(),
            ..Corpus::default()
        }
    }

    #[test]
    fn resolves_id_file_name_and_prefix() {
        let c = corpus(&["000_aa", "001_bb", "010_cc"]);
        assert_eq!(c.resolve("001_bb"), Resolution::Found(1));
        assert_eq!(c.resolve("001_bb.txt"), Resolution::Found(1));
        assert_eq!(c.resolve("001"), Resolution::Found(1));
        assert_eq!(
            c.resolve("0"),
            Resolution::Ambiguous(vec!["000_aa".into(), "001_bb".into(), "010_cc".into()])
        );
        assert_eq!(
            c.resolve("00"),
            Resolution::Ambiguous(vec!["000_aa".into(), "001_bb".into()])
        );
        assert_eq!(c.resolve("999"), Resolution::Missing);
        let nested = corpus(&["a1", "sub/a2"]);
        assert_eq!(nested.resolve("a"), Resolution::Found(0));
        assert_eq!(nested.resolve("a2"), Resolution::Found(1));
    }

    #[test]
    fn lines_and_titles() {
        let s = Source::new(
            "a".into(),
            "a.txt".into(),
            "a.txt".into(),
            "\u{FEFF}\n\n  مــا   موقــف  \r\nsecond\n".into(),
            Charmap::default(),
        );
        assert_eq!(s.title, "ما موقف");
        assert_eq!(s.line_of(0), 1);
        assert_eq!(s.line_of(4), 2);
        let second = s.text.find("second").unwrap();
        assert_eq!(s.line_of(second), 4);
        assert_eq!(s.line_of(usize::MAX), 5);
        // Line starts in 4 bytes each, sized exactly.
        assert_eq!(s.line_starts, [0, 4, 5, 34, 41]);
        assert_eq!(s.line_starts.capacity(), s.line_starts.len());
    }

    #[test]
    fn rejects_unusable_bytes() {
        assert!(check_bytes(b"\xff\xfeh\0i\0").unwrap_err().contains("UTF-16"));
        assert!(check_bytes(b"abc\0def").unwrap_err().contains("binary"));
        assert!(check_bytes(b"abc \xc3\x28").unwrap_err().contains("offset 4"));
        assert!(check_bytes(b"  \n\r\n").unwrap_err().contains("empty"));
        assert_eq!(check_bytes("\u{FEFF}نص\r\n".as_bytes()).unwrap(), "\u{FEFF}نص\r\n");
    }

    #[test]
    fn charmap_parsing() {
        let m = parse_charmap("# digits\nU+E005 0\nU+E008 1\n").unwrap();
        assert_eq!(m.get('\u{E005}'), Some("0"));
        assert_eq!(parse_charmap("E005 0").unwrap_err().0, 1);
        assert_eq!(parse_charmap("\nU+E005").unwrap_err().0, 2);
    }

    #[test]
    fn display_paths_are_clean() {
        assert_eq!(display_path(Path::new("claims/../seeds/a.txt")), "seeds/a.txt");
        assert_eq!(display_path(Path::new("./seeds")), "seeds");
        assert_eq!(display_path(Path::new("../x/./y")), "../x/y");
    }
}
