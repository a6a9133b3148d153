//! The bilingual English → Arabic lexicon, read from a dictd dictionary.
//!
//! This module owns reading dictionaries in the dictd format (an `.index`
//! file plus a `.dict` or gzip/dictzip `.dict.dz` file), such as FreeDict's
//! English–Arabic dictionary from Debian's `dict-freedict-eng-ara` package,
//! and turning an English word into its Arabic translations as lists of
//! folded tokens (see [`crate::normalize::normalize`]). The dictionary is GPL
//! data: it is loaded at run time from its installed path
//! ([`Lexicon::find_default`]) or a path the user gives, never shipped.
//!
//! The format: each `.index` line is `headword<TAB>offset<TAB>length`, with
//! offset and length written in dictd's base64 numbers (alphabet
//! `A-Za-z0-9+/`, most significant digit first), pointing at bytes of the
//! decompressed `.dict` text. An entry is a headword line (in FreeDict,
//! followed by a `/pronunciation/`, or with it on a line of its own), then
//! lines of translations, plain or numbered (`1. …`), separated by commas or
//! semicolons, sometimes with notes in parentheses or after ` - `. The
//! `00-database-*` entries are metadata and are skipped.
//!
//! Loading reads and checks the index and the whole text (FreeDict eng-ara:
//! 87,424 entries under 87,193 distinct headwords, 1.1 MB compressed, 4 MB
//! of text) in about 50 ms in release; entries are parsed lazily, the first
//! time a word asks for them, and cached (a lookup takes microseconds).
//!
//! Lookup: an English word is folded (lowercase, letters, digits and spaces,
//! as dictd folds its headwords) and looked up as a headword. Its
//! translations are its own entries' followed by those of its regular
//! inflections found in the dictionary (`buy` also gets `buys` and `buying`;
//! `relations` gets `relation`, not `relative`): headwords with the same
//! Snowball English stem whose inflectional bases meet its own. A word that
//! is not a headword is answered by the headword it regularly inflects
//! (`buys` → `buy`), else through a stem → headwords map (built on first
//! need, about 40 ms): a headword of its stem group it inflects or that
//! inflects it, or failing that the one sharing the longest prefix with it.
//! Translations are deduplicated, in dictionary order, at most
//! [`MAX_TRANSLATIONS`] per word; translations of more than
//! [`MAX_TRANSLATION_WORDS`] words and those with Latin letters are dropped.
//! Irregular forms (`bought`) are found only when the dictionary lists them
//! (FreeDict does).

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::normalize::normalize;
use crate::stem::stem;

/// At most this many translations per English word.
pub const MAX_TRANSLATIONS: usize = 8;

/// Translations longer than this many words are dropped (they are glosses).
pub const MAX_TRANSLATION_WORDS: usize = 3;

/// Where Debian installs dictd dictionaries.
pub const DEFAULT_DIR: &str = "/usr/share/dictd";

/// The dictionary's base name in [`DEFAULT_DIR`].
pub const DEFAULT_NAME: &str = "freedict-eng-ara";

/// How to install the default dictionary (Debian, Ubuntu).
pub const INSTALL_HINT: &str = "apt-get install dict-freedict-eng-ara";

/// Why a dictionary could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A file could not be read (or decompressed).
    #[error("{}: cannot read the dictionary file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line of the index is malformed or points outside the text.
    #[error("{}:{line}: {message}", path.display())]
    Index {
        /// The index file.
        path: PathBuf,
        /// The line, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The dictionary text is not UTF-8.
    #[error("{}: the dictionary text is not UTF-8 (byte {offset})", path.display())]
    Encoding {
        /// The `.dict` or `.dict.dz` file.
        path: PathBuf,
        /// Where the first bad byte is, in the decompressed text.
        offset: usize,
    },
}

/// An English → Arabic dictionary.
pub struct Lexicon {
    /// The decompressed dictionary text.
    text: String,
    /// Byte ranges of entries in `text`, in index order, each with the next
    /// entry of the same headword (`NONE` for the last).
    entries: Vec<(usize, usize, u32)>,
    /// Distinct folded headwords, in index order of first appearance.
    keys: Vec<String>,
    /// The first and last entries of each headword (indices into `entries`).
    key_entries: Vec<(u32, u32)>,
    /// Folded headword → its position in `keys`.
    by_key: HashMap<String, u32, Fnv>,
    /// Headwords by their first character (index order): a headword's
    /// Snowball stem keeps its first character, so the headwords of a stem
    /// are all in the bucket of the stem's first character.
    buckets: HashMap<String, u32>,
    /// Per bucket, its headwords (index order).
    bucket_keys: Vec<Vec<u32>>,
    /// Per bucket, Snowball English stem → its headwords with that stem
    /// (index order), built the first time a word of that bucket is not
    /// found otherwise (stemming every headword would cost ~40 ms).
    by_stem: Vec<OnceLock<HashMap<String, Vec<u32>>>>,
    /// Each headword's translations, parsed on first use.
    cache: Vec<OnceLock<Vec<Vec<String>>>>,
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("headwords", &self.keys.len())
            .field("entries", &self.entries.len())
            .field("text_bytes", &self.text.len())
            .finish()
    }
}

impl Lexicon {
    /// Loads a dictd dictionary: its `.index` and its `.dict` (plain text)
    /// or `.dict.dz` (gzip or dictzip, recognised by its magic bytes).
    pub fn load(index: &Path, dict: &Path) -> Result<Lexicon, LexiconError> {
        let text = read_dict(dict)?;
        let index_text = std::fs::read_to_string(index).map_err(|source| LexiconError::Io {
            path: index.to_path_buf(),
            source,
        })?;
        let lines = index_text.bytes().filter(|&b| b == b'\n').count() + 1;
        let mut lex = Lexicon {
            text,
            entries: Vec::with_capacity(lines),
            keys: Vec::with_capacity(lines),
            key_entries: Vec::with_capacity(lines),
            by_key: HashMap::with_capacity_and_hasher(lines, Fnv::default()),
            buckets: HashMap::new(),
            bucket_keys: Vec::new(),
            by_stem: Vec::new(),
            cache: Vec::new(),
        };
        for (i, line) in index_text.lines().enumerate() {
            let line_no = i + 1;
            let bad = |message: String| LexiconError::Index {
                path: index.to_path_buf(),
                line: line_no,
                message,
            };
            if line.trim().is_empty() {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(word), Some(off), Some(len)) = (fields.next(), fields.next(), fields.next()) else {
                return Err(bad(format!(
                    "expected `headword<TAB>offset<TAB>length`, found `{line}`"
                )));
            };
            let offset = decode_b64(off).ok_or_else(|| bad(format!("`{off}` is not a dictd base64 offset")))?;
            let length = decode_b64(len).ok_or_else(|| bad(format!("`{len}` is not a dictd base64 length")))?;
            let end = offset.checked_add(length).filter(|&e| e <= lex.text.len());
            let Some(end) = end else {
                return Err(bad(format!(
                    "entry `{word}` (offset {offset}, length {length}) runs past the end of {} ({} bytes)",
                    dict.display(),
                    lex.text.len()
                )));
            };
            if !lex.text.is_char_boundary(offset) || !lex.text.is_char_boundary(end) {
                return Err(bad(format!(
                    "entry `{word}` (offset {offset}, length {length}) cuts a character of {} in two",
                    dict.display()
                )));
            }
            let key = fold_key(word);
            if key.is_empty() || is_meta(word) || is_meta(&key) {
                continue;
            }
            let entry = lex.entries.len() as u32;
            lex.entries.push((offset, end, NONE));
            match lex.by_key.get(&key) {
                Some(&k) => {
                    let last = &mut lex.key_entries[k as usize].1;
                    lex.entries[*last as usize].2 = entry;
                    *last = entry;
                }
                None => {
                    let k = lex.keys.len() as u32;
                    lex.by_key.insert(key.clone(), k);
                    lex.keys.push(key);
                    lex.key_entries.push((entry, entry));
                }
            }
        }
        lex.cache = (0..lex.keys.len()).map(|_| OnceLock::new()).collect();
        for (k, key) in lex.keys.iter().enumerate() {
            let next = lex.bucket_keys.len() as u32;
            let b = *lex.buckets.entry(bucket_of(key).to_string()).or_insert(next);
            if b == next {
                lex.bucket_keys.push(Vec::new());
            }
            lex.bucket_keys[b as usize].push(k as u32);
        }
        lex.by_stem = (0..lex.bucket_keys.len()).map(|_| OnceLock::new()).collect();
        Ok(lex)
    }

    /// The default dictionary's files, if installed: `freedict-eng-ara.index`
    /// with `.dict.dz` (or `.dict`) in [`DEFAULT_DIR`].
    pub fn find_default() -> Option<(PathBuf, PathBuf)> {
        Self::find_in(Path::new(DEFAULT_DIR), DEFAULT_NAME)
    }

    /// The files of dictionary `name` in `dir`: `name.index` with
    /// `name.dict.dz` or, failing that, `name.dict`.
    pub fn find_in(dir: &Path, name: &str) -> Option<(PathBuf, PathBuf)> {
        let index = dir.join(format!("{name}.index"));
        if !index.is_file() {
            return None;
        }
        ["dict.dz", "dict"]
            .iter()
            .map(|ext| dir.join(format!("{name}.{ext}")))
            .find(|p| p.is_file())
            .map(|dict| (index, dict))
    }

    /// How many distinct headwords (metadata entries excluded).
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the dictionary has no headword.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Whether `english_word` is a headword (after folding).
    pub fn contains(&self, english_word: &str) -> bool {
        self.by_key.contains_key(&fold_key(english_word))
    }

    /// The Arabic translations of an English word, each a list of folded
    /// tokens: deduplicated, in dictionary order (the word's own entries
    /// first, then those of its inflections), at most [`MAX_TRANSLATIONS`].
    /// Empty when the dictionary does not know the word.
    pub fn translations(&self, english_word: &str) -> &[Vec<String>] {
        let key = fold_key(english_word);
        if key.is_empty() {
            return &[];
        }
        let k = match self.by_key.get(&key) {
            Some(&k) => k,
            None => match self.nearest_by_stem(&key) {
                Some(k) => k,
                None => return &[],
            },
        };
        self.cache[k as usize].get_or_init(|| self.build(k))
    }

    /// For a word that is not a headword: a headword it is a regular
    /// inflection of (`buys` → `buy`), else one of its stem group that it
    /// inflects or that inflects it, else the one of its stem group sharing
    /// the longest prefix with it if that prefix covers the stem.
    fn nearest_by_stem(&self, key: &str) -> Option<u32> {
        let known = |w: &str| self.by_key.contains_key(w);
        let bases = inflection_bases(key, &known);
        if let Some(&k) = bases.iter().skip(1).find_map(|b| self.by_key.get(b)) {
            return Some(k);
        }
        let st = stem_key(key);
        let group = self.stems(&st)?;
        if let Some(&k) = group
            .iter()
            .find(|&&k| shares_base(&bases, &self.keys[k as usize], &known))
        {
            return Some(k);
        }
        let need = st.chars().count();
        group
            .iter()
            .map(|&k| (common_prefix(key, &self.keys[k as usize]), k))
            .filter(|&(p, _)| p >= need)
            .max_by_key(|&(p, k)| (p, std::cmp::Reverse(self.keys[k as usize].len())))
            .map(|(_, k)| k)
    }

    /// The headwords whose stem is `st` (index order), if any; the stems of
    /// one bucket are computed the first time it is asked for.
    fn stems(&self, st: &str) -> Option<&Vec<u32>> {
        let b = *self.buckets.get(bucket_of(st))? as usize;
        self.by_stem[b]
            .get_or_init(|| {
                let mut map: HashMap<String, Vec<u32>> = HashMap::new();
                for &k in &self.bucket_keys[b] {
                    map.entry(stem_key(&self.keys[k as usize])).or_default().push(k);
                }
                map
            })
            .get(st)
    }

    /// The headwords that are regular inflections of headword `k` or of
    /// which it is one, sharing its Snowball stem, in index order (`k`
    /// excluded). Found by generating the forms, not by scanning.
    fn inflections_of(&self, k: u32) -> Vec<u32> {
        let key = &self.keys[k as usize];
        let known = |w: &str| self.by_key.contains_key(w);
        let bases = inflection_bases(key, &known);
        let st = stem_key(key);
        let mut out: Vec<u32> = bases
            .iter()
            .flat_map(|b| std::iter::once(b.clone()).chain(inflected_forms(b)))
            .filter_map(|w| self.by_key.get(&w).copied())
            .filter(|&o| {
                let other = &self.keys[o as usize];
                o != k && shares_base(&bases, other, &known) && stem_key(other) == st
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The translations of headword `k` and its inflections.
    fn build(&self, k: u32) -> Vec<Vec<String>> {
        let mut heads = vec![k];
        heads.extend(self.inflections_of(k));
        let mut out: Vec<Vec<String>> = Vec::new();
        'heads: for h in heads {
            let mut e = self.key_entries[h as usize].0;
            while e != NONE {
                let (start, end, next) = self.entries[e as usize];
                e = next;
                for t in parse_entry(&self.text[start..end]) {
                    if out.len() >= MAX_TRANSLATIONS {
                        break 'heads;
                    }
                    if !out.contains(&t) {
                        out.push(t);
                    }
                }
            }
        }
        out
    }
}
/// No next entry.
const NONE: u32 = u32::MAX;

/// The FNV-1a hash: headwords are short and trusted, and SipHash would
/// take a good part of the load time.
struct FnvHasher(u64);

impl Default for FnvHasher {
    fn default() -> Self {
        FnvHasher(0xcbf2_9ce4_8422_2325)
    }
}

type Fnv = BuildHasherDefault<FnvHasher>;

impl Hasher for FnvHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Reads the whole dictionary text, decompressing gzip/dictzip.
fn read_dict(path: &Path) -> Result<String, LexiconError> {
    let io = |source| LexiconError::Io {
        path: path.to_path_buf(),
        source,
    };
    let raw = std::fs::read(path).map_err(io)?;
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::with_capacity(raw.len() * 4);
        flate2::read::MultiGzDecoder::new(BufReader::new(&raw[..]))
            .read_to_end(&mut out)
            .map_err(io)?;
        out
    } else {
        raw
    };
    String::from_utf8(bytes).map_err(|e| LexiconError::Encoding {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Decodes a dictd base64 number (most significant digit first).
fn decode_b64(s: &str) -> Option<usize> {
    if s.is_empty() {
        return None;
    }
    let mut n: usize = 0;
    for b in s.bytes() {
        let d = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n = n.checked_mul(64)?.checked_add(d as usize)?;
    }
    Some(n)
}

/// Folds an English word or headword as dictd folds its index: lowercase,
/// letters, digits and single spaces only.
fn fold_key(word: &str) -> String {
    let plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    if word.bytes().all(plain) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if c.is_whitespace() && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Whether a headword is one of dictd's `00-database-*` metadata entries.
fn is_meta(word: &str) -> bool {
    word.starts_with("00-database") || word.starts_with("00database")
}

/// The Snowball English stem of a folded headword (word by word).
/// The bucket of a headword or stem: its first character (stemming keeps
/// it; not always the second: dying → die).
fn bucket_of(key: &str) -> &str {
    let end = key.char_indices().nth(1).map_or(key.len(), |(i, _)| i);
    &key[..end]
}

fn stem_key(key: &str) -> String {
    key.split(' ').map(stem).collect::<Vec<_>>().join(" ")
}

/// The words a (last) word could be a regular inflection of, itself
/// included: `buys` → `buy`, `visited` → `visit`, `armies` → `army`,
/// `stopped` → `stop`, `making` → `make`. The `-e` form (`related` →
/// `relate`) is only tried when the bare form is not `known`, so that
/// `visited` does not meet an unrelated `visite`.
fn inflection_bases(key: &str, known: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut out = vec![key.to_string()];
    for (suffix, tails) in [
        ("ies", &["y"][..]),
        ("ied", &["y"][..]),
        ("es", &[""][..]),
        ("s", &[""][..]),
        ("ed", &["", "e"][..]),
        ("ing", &["", "e"][..]),
    ] {
        let Some(stem) = key.strip_suffix(suffix) else {
            continue;
        };
        if stem.chars().count() < 2 {
            continue;
        }
        for tail in tails {
            if *tail == "e" && known(stem) {
                continue;
            }
            out.push(format!("{stem}{tail}"));
        }
        // A doubled final consonant: stopped → stop, planning → plan.
        if matches!(suffix, "ed" | "ing") {
            let mut cs = stem.chars().rev();
            if let (Some(a), Some(b)) = (cs.next(), cs.next()) {
                if a == b && !"aeiouy".contains(a) {
                    out.push(stem[..stem.len() - a.len_utf8()].to_string());
                }
            }
        }
    }
    out
}

/// The regular inflections of a base word: `buy` → `buys`, `buyed`,
/// `buying`; `relate` → `relates`, `related`, `relating`; `army` →
/// `armies`; `stop` → `stopped`, `stopping`. Over-generating is harmless:
/// only forms that are headwords are used.
fn inflected_forms(base: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["s", "es", "ed", "ing"] {
        out.push(format!("{base}{suffix}"));
    }
    if let Some(b) = base.strip_suffix('e') {
        out.push(format!("{base}d"));
        out.push(format!("{b}ing"));
    }
    if let Some(b) = base.strip_suffix('y') {
        out.push(format!("{b}ies"));
        out.push(format!("{b}ied"));
    }
    if let Some(last) = base.chars().last() {
        if last.is_alphabetic() && !"aeiouy".contains(last) {
            out.push(format!("{base}{last}ed"));
            out.push(format!("{base}{last}ing"));
        }
    }
    out
}

/// Whether `other` and the word with `bases` inflect a common base.
fn shares_base(bases: &[String], other: &str, known: &dyn Fn(&str) -> bool) -> bool {
    inflection_bases(other, known).iter().any(|b| bases.contains(b))
}

/// The length in characters of the common prefix of two strings.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Whether a folded token has Latin letters.
fn has_latin(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{00C0}'..='\u{024F}').contains(&c)))
}

/// The translations of one entry's text (headword line included), folded,
/// in order, without empty, long or Latin ones (not deduplicated).
fn parse_entry(entry: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut lines = entry.lines();
    lines.next(); // the headword line
    for line in lines {
        let line = line.trim();
        if line.is_empty() || (line.len() > 1 && line.starts_with('/') && line.ends_with('/')) {
            continue;
        }
        let line = strip_numbering(line);
        let line = strip_parentheses(line);
        // What follows ` - ` is a description: `آي - الحرف الأول ...`.
        let line = line.split(" - ").next().unwrap_or("");
        for piece in line.split([',', '،', ';', '؛', '/', '.', ':']) {
            let folded = normalize(piece);
            if folded.is_empty() || has_latin(&folded) {
                continue;
            }
            let tokens: Vec<String> = folded.split(' ').map(str::to_string).collect();
            if tokens.len() <= MAX_TRANSLATION_WORDS {
                out.push(tokens);
            }
        }
    }
    out
}

/// Removes a leading `1. ` (or `1) `) sense number.
fn strip_numbering(line: &str) -> &str {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() < line.len() {
        if let Some(r) = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')')) {
            return r.trim_start();
        }
    }
    line
}

/// Removes parenthesised and bracketed notes (an unclosed one runs to the
/// end of the line).
fn strip_parentheses(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut depth = 0usize;
    for c in line.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The buckets hold every headword of a stem only if stemming keeps a
    /// word's first character: checked on every headword of the
    /// installed dictionary (skipped when it is not installed).
    #[test]
    fn stems_keep_the_bucket_of_their_word() {
        assert_eq!(bucket_of("running"), "r");
        assert_eq!(bucket_of(""), "");
        assert_eq!(bucket_of(&stem_key("dying")), "d");
        let Some((index, dict)) = Lexicon::find_default() else {
            return;
        };
        let lex = Lexicon::load(&index, &dict).expect("the installed dictionary loads");
        let moved: Vec<&String> = lex
            .keys
            .iter()
            .filter(|k| bucket_of(&stem_key(k)) != bucket_of(k))
            .take(5)
            .collect();
        assert!(moved.is_empty(), "stems that leave their bucket: {moved:?}");
    }

    #[test]
    fn base64_numbers() {
        assert_eq!(decode_b64("A"), Some(0));
        assert_eq!(decode_b64("B"), Some(1));
        assert_eq!(decode_b64("/"), Some(63));
        assert_eq!(decode_b64("BA"), Some(64));
        assert_eq!(decode_b64("B1nv"), Some(((53 * 64) + 39) * 64 + 47 + 64 * 64 * 64));
        assert_eq!(decode_b64(""), None);
        assert_eq!(decode_b64("A-"), None);
        assert_eq!(decode_b64(&"/".repeat(20)), None);
    }

    #[test]
    fn keys_fold_like_dictd() {
        assert_eq!(fold_key("  Able-Bodied "), "ablebodied");
        assert_eq!(fold_key("Bin  Laden"), "bin laden");
        assert_eq!(fold_key("--"), "");
    }

    #[test]
    fn inflections() {
        let none = |_: &str| false;
        let bases = |w: &str| inflection_bases(w, &none);
        let meet = |a: &str, b: &str| shares_base(&bases(a), b, &none);
        assert!(bases("buys").contains(&"buy".to_string()));
        assert!(meet("buy", "buying"));
        assert!(meet("relations", "relation"));
        assert!(!meet("relations", "relative"));
        assert!(meet("stopped", "stop"));
        assert!(meet("armies", "army"));
        assert!(meet("related", "relate"));
        assert!(meet("visited", "visite"));
        let visit = |w: &str| w == "visit";
        assert!(!shares_base(&inflection_bases("visited", &visit), "visite", &visit));
        assert!(!meet("relations", "relate"));
    }

    #[test]
    fn entries_parse() {
        let e = "Buy /bˈaɪ/\n1. اشترِ، ابتاع (on credit)\n2. الشّراء; شراء - تفسير طويل\nhead (english)\n";
        let t = parse_entry(e);
        let flat: Vec<String> = t.iter().map(|v| v.join(" ")).collect();
        assert_eq!(flat, vec!["اشتر", "ابتاع", "الشراء", "شراء"]);
        assert!(parse_entry("X\nكلمة واحدة اثنتان ثلاث اربع\n").is_empty());
        assert!(parse_entry("X\nهرمون ACTH\n").is_empty());
        assert_eq!(parse_entry("X\n/ɪks/\nيونيو/حزيران\n").len(), 2);
    }
}
