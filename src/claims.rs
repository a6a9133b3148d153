//! The claims file (YAML, schema 1): parsing, validation and positions.
//!
//! This module owns reading a claims file into [`ClaimsFile`] and rejecting
//! bad input with an error that names the file, line and column and says what
//! to do. Typed parsing is done by serde (`serde_norway`), which gives the
//! messages for wrong types, missing fields and unknown keys (to which a
//! "did you mean" from `strsim` is added). The position of every claim and
//! citation is read from the event stream of a second, span-aware parser
//! (`yaml-rust2`), since serde values carry no positions.

use crate::verdict::Verdict;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// Largest claims file accepted, in bytes.
pub const MAX_CLAIMS_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A parsed, validated claims file.
#[derive(Debug, Clone)]
pub struct ClaimsFile {
    /// Path as given (cleaned), as shown in reports.
    pub path: String,
    /// The `sources:` folder, resolved against the claims file's folder.
    pub sources: Option<PathBuf>,
    /// Glossary entries in file order.
    pub glossary: Vec<GlossaryEntry>,
    /// Claims in file order.
    pub claims: Vec<Claim>,
}

/// A glossary term and its equivalents (any language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    /// The term as written.
    pub term: String,
    /// Its equivalents.
    pub equivalents: Vec<String>,
}

/// One claim.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Unique id in its file.
    pub id: String,
    /// The claim's wording.
    pub text: String,
    /// Other wordings of the same claim.
    pub also: Vec<String>,
    /// Citations in file order.
    pub cites: Vec<Citation>,
    /// The verdict the desk signed off on.
    pub expect: Option<Verdict>,
    /// Free text, never matched.
    pub note: Option<String>,
    /// 1-based line of the claim in the file.
    pub line: usize,
    /// 1-based column of the claim in the file.
    pub column: usize,
}

impl Claim {
    /// The claim's wordings: `claim` first, then each `also`.
    pub fn wordings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.text.as_str()).chain(self.also.iter().map(String::as_str))
    }
}

/// A citation of a source, possibly with the passage relied on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Source id, file name or unique id prefix, as written.
    pub source: String,
    /// The quoted passage, if any.
    pub quote: Option<String>,
    /// 1-based line of the citation.
    pub line: usize,
    /// 1-based column of the citation.
    pub column: usize,
}

/// Errors reading a claims file.
#[derive(Debug, Error)]
pub enum ClaimsError {
    /// The file could not be read.
    #[error("{file}: cannot read the claims file: {source}")]
    Io {
        /// Path of the file.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file is not a valid claims file.
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        /// Path of the file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong and what to do.
        message: String,
    },
}

impl ClaimsError {
    fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        ClaimsError::Invalid {
            file: file.to_string(),
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
        }
    }
}

// ---------------------------------------------------------------- raw serde

/// A scalar read as text whatever YAML typed it as (`003`, `3`, `2.5`, `yes`).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    sources: Option<Text>,
    #[serde(default)]
    glossary: Option<RawGlossary>,
    claims: Vec<RawClaim>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: Text,
    claim: Text,
    #[serde(default)]
    also: Vec<Text>,
    #[serde(default)]
    cites: Vec<RawCite>,
    #[serde(default)]
    expect: Option<Verdict>,
    #[serde(default)]
    note: Option<Text>,
}

#[derive(Debug)]
enum RawCite {
    Id(String),
    WithQuote { source: String, quote: Option<String> },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCiteMap {
    source: Text,
    #[serde(default)]
    quote: Option<Text>,
}

impl<'de> Deserialize<'de> for RawCite {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawCite;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a source id, or a mapping with `source` and `quote`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCite, E> {
                Ok(RawCite::Id(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawCite, E> {
                Ok(RawCite::Id(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawCite, E> {
                Ok(RawCite::Id(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawCite, E> {
                Ok(RawCite::Id(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawCite, A::Error> {
                let m = RawCiteMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawCite::WithQuote {
                    source: m.source.0,
                    quote: m.quote.map(|q| q.0),
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Default)]
struct RawGlossary(Vec<(String, Vec<String>)>);

impl<'de> Deserialize<'de> for RawGlossary {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Equivalents(Vec<String>);
        impl<'de> Deserialize<'de> for Equivalents {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Equivalents;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("a list of equivalent terms")
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Equivalents, E> {
                        Ok(Equivalents(vec![v.to_string()]))
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Equivalents, E> {
                        Ok(Equivalents(vec![v.to_string()]))
                    }
                    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Equivalents, A::Error> {
                        let mut out = Vec::new();
                        while let Some(t) = seq.next_element::<Text>()? {
                            out.push(t.0);
                        }
                        Ok(Equivalents(out))
                    }
                }
                d.deserialize_any(V)
            }
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawGlossary;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of terms to lists of equivalents")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawGlossary, A::Error> {
                let mut out: Vec<(String, Vec<String>)> = Vec::new();
                let mut seen = std::collections::HashSet::new();
                while let Some(k) = map.next_key::<Text>()? {
                    let v = map.next_value::<Equivalents>()?;
                    if !seen.insert(k.0.clone()) {
                        return Err(de::Error::custom(format!("duplicate glossary term `{}`", k.0)));
                    }
                    out.push((k.0, v.0));
                }
                Ok(RawGlossary(out))
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawGlossary, E> {
                Ok(RawGlossary::default())
            }
        }
        d.deserialize_any(V)
    }
}

// ---------------------------------------------------------------- positions

/// Positions of the parts of a YAML document, from the span-aware parser.
#[derive(Debug, Clone)]
enum Node {
    Scalar(String, Pos),
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(String, Pos, Node)>),
    Other(Pos),
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Pos {
    line: usize,
    column: usize,
}

impl Node {
    fn pos(&self) -> Pos {
        match self {
            Node::Scalar(_, p) | Node::Seq(p, _) | Node::Map(p, _) | Node::Other(p) => *p,
        }
    }
    fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Map(_, entries) => entries.iter().find(|(k, _, _)| k == key).map(|(_, _, n)| n),
            _ => None,
        }
    }
    fn scalar(&self) -> Option<&str> {
        match self {
            Node::Scalar(s, _) => Some(s),
            _ => None,
        }
    }
    fn items(&self) -> &[Node] {
        match self {
            Node::Seq(_, items) => items,
            _ => &[],
        }
    }
}

struct Builder {
    stack: Vec<Node>,
    keys: Vec<Option<(String, Pos)>>,
    root: Option<Node>,
    /// Nesting levels below [`MAX_DEPTH`] being skipped (a claims file
    /// needs four; the tree is dropped and searched recursively).
    skipped: usize,
}

/// Deepest nesting the position tree keeps.
const MAX_DEPTH: usize = 64;

impl Builder {
    fn push_value(&mut self, node: Node) {
        match self.stack.last_mut() {
            None => {
                if self.root.is_none() {
                    self.root = Some(node);
                }
            }
            Some(Node::Seq(_, items)) => items.push(node),
            Some(Node::Map(_, entries)) => {
                let slot = self.keys.last_mut().expect("a key slot per map");
                match slot.take() {
                    None => {
                        let (k, p) = match &node {
                            Node::Scalar(s, p) => (s.clone(), *p),
                            other => (String::new(), other.pos()),
                        };
                        *slot = Some((k, p));
                    }
                    Some((k, p)) => entries.push((k, p, node)),
                }
            }
            Some(_) => {}
        }
    }
}

impl yaml_rust2::parser::MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: yaml_rust2::parser::Event, mark: yaml_rust2::scanner::Marker) {
        use yaml_rust2::parser::Event;
        let pos = Pos {
            line: mark.line(),
            column: mark.col() + 1,
        };
        if self.skipped > 0
            || (self.stack.len() >= MAX_DEPTH && matches!(ev, Event::SequenceStart(..) | Event::MappingStart(..)))
        {
            match ev {
                Event::SequenceStart(..) | Event::MappingStart(..) => self.skipped += 1,
                Event::SequenceEnd | Event::MappingEnd => {
                    self.skipped -= 1;
                    if self.skipped == 0 {
                        self.push_value(Node::Other(pos));
                    }
                }
                _ => {}
            }
            return;
        }
        match ev {
            Event::Scalar(s, ..) => self.push_value(Node::Scalar(s, pos)),
            Event::Alias(_) => self.push_value(Node::Other(pos)),
            Event::SequenceStart(..) => self.stack.push(Node::Seq(pos, Vec::new())),
            Event::MappingStart(..) => {
                self.stack.push(Node::Map(pos, Vec::new()));
                self.keys.push(None);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(node) = self.stack.pop() {
                    if matches!(node, Node::Map(..)) {
                        self.keys.pop();
                    }
                    self.push_value(node);
                }
            }
            _ => {}
        }
    }
}

/// Where `key` occurs the second time in one mapping (depth first, in file order).
fn second_key(node: &Node, key: &str) -> Option<Pos> {
    match node {
        Node::Map(_, entries) => entries
            .iter()
            .filter(|(k, _, _)| k == key)
            .nth(1)
            .map(|(_, p, _)| *p)
            .or_else(|| entries.iter().find_map(|(_, _, n)| second_key(n, key))),
        Node::Seq(_, items) => items.iter().find_map(|n| second_key(n, key)),
        _ => None,
    }
}

fn positions(text: &str) -> Option<Node> {
    scan(text).ok()
}

/// The position tree, or where the span-aware parser stopped and why.
fn scan(text: &str) -> Result<Node, (Pos, String)> {
    let mut b = Builder {
        stack: Vec::new(),
        keys: Vec::new(),
        root: None,
        skipped: 0,
    };
    // The event iterator, not `Parser::load`: `load` recurses once per
    // nesting level and overflows the stack on `- - - …` 100k deep.
    use yaml_rust2::parser::{Event, MarkedEventReceiver};
    let mut parser = yaml_rust2::parser::Parser::new_from_str(text);
    loop {
        let (ev, mark) = parser.next_token().map_err(|e| {
            let pos = Pos {
                line: e.marker().line(),
                column: e.marker().col() + 1,
            };
            (pos, e.info().to_string())
        })?;
        match ev {
            Event::StreamEnd | Event::DocumentEnd => break,
            ev => b.on_event(ev, mark),
        }
    }
    b.root.ok_or((Pos { line: 1, column: 1 }, "no document".to_string()))
}

// ---------------------------------------------------------------- parsing

const TOP_FIELDS: &[&str] = &["sources", "glossary", "claims"];
#[cfg(test)]
const CLAIM_FIELDS: &[&str] = &["id", "claim", "also", "cites", "expect", "note"];
const VERDICTS: &[&str] = &["supported", "contradicted", "disputed", "unsourced"];

/// Longest `quote` accepted, in characters: a quote is the passage relied
/// on, and locating it costs its length times the candidate windows'.
pub const MAX_QUOTE_CHARS: usize = 2000;

/// Reads and validates a claims file (at most [`MAX_CLAIMS_FILE_BYTES`]).
pub fn load(path: &Path) -> Result<ClaimsFile, ClaimsError> {
    load_with_limit(path, MAX_CLAIMS_FILE_BYTES)
}

/// Reads and validates a claims file of at most `max_bytes` bytes.
pub fn load_with_limit(path: &Path, max_bytes: u64) -> Result<ClaimsFile, ClaimsError> {
    let shown = crate::sources::display_path(path);
    let meta = std::fs::metadata(path).map_err(|e| ClaimsError::Io {
        file: shown.clone(),
        source: e,
    })?;
    if meta.is_dir() {
        return Err(ClaimsError::Io {
            file: shown,
            source: std::io::Error::other("is a folder; pass a YAML claims file"),
        });
    }
    if meta.len() > max_bytes {
        return Err(ClaimsError::at(
            &shown,
            1,
            1,
            format!(
                "the claims file is {} bytes, over the limit of {} bytes; split it into several files or raise --max-claims-bytes",
                meta.len(),
                max_bytes
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| ClaimsError::Io {
        file: shown.clone(),
        source: e,
    })?;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ClaimsError::at(
            &shown,
            1,
            1,
            "the claims file is UTF-16 encoded; save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)",
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..at];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = at - before.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        ClaimsError::at(
            &shown,
            line,
            column,
            "the claims file is not valid UTF-8; save it as UTF-8",
        )
    })?;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    parse(&text, &shown, &base)
}

/// Parses claims file text. `file` is the name used in messages, `base` the
/// folder that a relative `sources:` is resolved against.
pub fn parse(text: &str, file: &str, base: &Path) -> Result<ClaimsFile, ClaimsError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty()
        || text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Err(ClaimsError::at(
            file,
            1,
            1,
            "the claims file is empty; it needs a `claims:` list (see the example in claims/example.yaml)",
        ));
    }
    if let Some((line, column, c)) = control_char(text) {
        return Err(ClaimsError::at(
            file,
            line,
            column,
            format!(
                "the claims file contains the control character U+{:04X}{}; YAML allows none: remove it (was the file saved as text?)",
                c as u32,
                if c == '\0' { " (NUL)" } else { "" }
            ),
        ));
    }
    // The span-aware parser first: it stops at nesting over about 250
    // levels, where serde_norway's time grows with the square of the depth.
    let tree = match scan(text) {
        Err((pos, info)) if info.contains("recursion limit") => {
            return Err(ClaimsError::at(
                file,
                pos.line,
                pos.column,
                "the YAML is nested too deeply here; a claims file needs four levels: look for unclosed `[` or `{`",
            ))
        }
        t => t.ok(),
    };
    let raw: RawFile = serde_norway::from_str(text).map_err(|e| yaml_error(file, text, &e))?;
    let root = tree.as_ref();
    let claim_nodes: &[Node] = root.and_then(|r| r.get("claims")).map(Node::items).unwrap_or(&[]);

    let mut claims = Vec::with_capacity(raw.claims.len());
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, rc) in raw.claims.into_iter().enumerate() {
        let node = claim_nodes.get(i);
        let cpos = node.map(Node::pos).unwrap_or_default();
        let pos_of = |key: &str| node.and_then(|n| n.get(key)).map(Node::pos).unwrap_or(cpos);
        // YAML reads `1.10` as a number; the id is the text as written.
        let raw_id = node.and_then(|n| n.get("id")).and_then(Node::scalar);
        let id = raw_id.unwrap_or(&rc.id.0).trim().to_string();
        let idpos = pos_of("id");
        if id.is_empty() {
            return Err(ClaimsError::at(
                file,
                idpos.line,
                idpos.column,
                "claim id is empty; give each claim a short unique id such as `morocco-barak`",
            ));
        }
        if let Some(bad) = id
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        {
            return Err(ClaimsError::at(
                file,
                idpos.line,
                idpos.column,
                format!(
                    "claim id `{id}` contains {}; ids may use only letters, digits, `-`, `_` and `.` (e.g. `{}`)",
                    describe_char(bad),
                    suggest_id(&id)
                ),
            ));
        }
        if let Some(&first) = seen.get(&id) {
            return Err(ClaimsError::at(
                file,
                idpos.line,
                idpos.column,
                format!("duplicate claim id `{id}` (first used at line {first}); ids must be unique in a file"),
            ));
        }
        seen.insert(id.clone(), idpos.line.max(1));
        let text_ = rc.claim.0.trim().to_string();
        if crate::normalize::tokenize(&text_, &Default::default())
            .iter()
            .all(|t| t.norm == "%")
        {
            let p = pos_of("claim");
            return Err(ClaimsError::at(
                file,
                p.line,
                p.column,
                format!("claim `{id}` has no words in its `claim`; write the claim's wording"),
            ));
        }
        let cite_nodes: &[Node] = node.and_then(|n| n.get("cites")).map(Node::items).unwrap_or(&[]);
        let mut cites = Vec::new();
        for (j, c) in rc.cites.into_iter().enumerate() {
            let p = cite_nodes.get(j).map(Node::pos).unwrap_or(cpos);
            let raw = cite_nodes.get(j);
            let qpos = raw.and_then(|n| n.get("quote")).map(Node::pos).unwrap_or(p);
            let (source, quote) = match c {
                RawCite::Id(s) => (raw.and_then(Node::scalar).map(str::to_string).unwrap_or(s), None),
                RawCite::WithQuote { source, quote } => (
                    raw.and_then(|n| n.get("source"))
                        .and_then(Node::scalar)
                        .map(str::to_string)
                        .unwrap_or(source),
                    quote,
                ),
            };
            let source = source.trim().to_string();
            if source.is_empty() {
                return Err(ClaimsError::at(
                    file,
                    p.line,
                    p.column,
                    format!("claim `{id}` cites an empty source; name a source id such as `003`"),
                ));
            }
            if let Some(len) = quote
                .as_deref()
                .map(|q| q.trim().chars().count())
                .filter(|&l| l > MAX_QUOTE_CHARS)
            {
                return Err(ClaimsError::at(
                    file,
                    qpos.line,
                    qpos.column,
                    format!(
                        "claim `{id}` quotes {len} characters, over the limit of {MAX_QUOTE_CHARS}; quote only the sentence or two relied on"
                    ),
                ));
            }
            if quote.as_deref().is_some_and(|q| q.trim().is_empty()) {
                return Err(ClaimsError::at(
                    file,
                    qpos.line,
                    qpos.column,
                    format!("claim `{id}` has an empty `quote`; remove it or copy the passage relied on"),
                ));
            }
            cites.push(Citation {
                source,
                quote: quote.map(|q| q.trim().to_string()),
                line: p.line.max(1),
                column: p.column.max(1),
            });
        }
        claims.push(Claim {
            id,
            text: text_,
            also: rc
                .also
                .into_iter()
                .map(|t| t.0.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            cites,
            expect: rc.expect,
            note: rc.note.map(|n| n.0),
            line: cpos.line.max(1),
            column: cpos.column.max(1),
        });
    }
    let glossary = raw
        .glossary
        .unwrap_or_default()
        .0
        .into_iter()
        .map(|(term, equivalents)| GlossaryEntry { term, equivalents })
        .collect();
    Ok(ClaimsFile {
        path: file.to_string(),
        sources: raw.sources.map(|s| base.join(s.0.trim())),
        glossary,
        claims,
    })
}

/// The first character YAML forbids (C0 controls but tab and line ends, DEL,
/// C1 controls but NEL), with its 1-based line and column in characters.
fn control_char(text: &str) -> Option<(usize, usize, char)> {
    let bad = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
    };
    let at = text.find(bad)?;
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Some((line, column, text[at..].chars().next()?))
}

/// Removes " at line L column C" from a parser message (the place is printed first).
pub fn strip_position(msg: &str) -> String {
    let mut out = msg.to_string();
    while let Some(i) = out.find(" at line ") {
        let rest = &out[i + " at line ".len()..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let after = &rest[digits..];
        let Some(col) = after.strip_prefix(" column ") else {
            break;
        };
        let cdigits = col.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || cdigits == 0 {
            break;
        }
        let end = i + " at line ".len() + digits + " column ".len() + cdigits;
        out.replace_range(i..end, "");
    }
    out
}

fn describe_char(c: char) -> String {
    match c {
        ' ' => "a space".to_string(),
        '\t' => "a tab".to_string(),
        c if c.is_control()
            || c.is_whitespace()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}') =>
        {
            format!("the invisible character U+{:04X}", c as u32)
        }
        c => format!("`{c}`"),
    }
}

fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars() {
        if c.is_alphanumeric() || matches!(c, '_' | '.') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Turns a serde_norway error into a located, actionable message.
fn yaml_error(file: &str, text: &str, e: &serde_norway::Error) -> ClaimsError {
    let (line, column) = e.location().map(|l| (l.line(), l.column())).unwrap_or((1, 1));
    // serde_norway states the place (" at line L column C"); we print it first.
    let msg = strip_position(&e.to_string());
    let (path, msg) = match msg.split_once(": ") {
        Some((p, m)) if !p.contains(' ') && (p.starts_with("claims") || TOP_FIELDS.contains(&p) || p.contains('[')) => {
            (Some(p.to_string()), m.to_string())
        }
        _ => (None, msg),
    };
    let mut message = improve(&msg);
    if let Some(p) = path {
        message = format!("{message} (in `{p}`)");
    }
    // serde_norway places a duplicate key at its mapping; point at the
    // second occurrence instead.
    let (line, column) = match msg.strip_prefix("duplicate field `").and_then(|r| r.split('`').next()) {
        Some(key) => positions(text)
            .as_ref()
            .and_then(|root| second_key(root, key))
            .map_or((line, column), |p| (p.line, p.column)),
        None => (line, column),
    };
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    if line_text.contains('\t') && (msg.contains("cannot start any token") || msg.contains("tab")) {
        message.push_str("; YAML does not allow tabs for indentation: indent with spaces");
    }
    ClaimsError::at(file, line, column, message)
}

/// Adds "did you mean" and plain-words hints to serde's messages.
fn improve(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        // serde lists the valid names after "expected": read them from there.
        let valid: Vec<&str> = msg
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        return match nearest(name, &valid) {
            Some(best) => format!("unknown field `{name}`, did you mean `{best}`?"),
            None => format!("unknown field `{name}`; valid fields here: {}", valid.join(", ")),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown variant `") {
        let name = rest.split('`').next().unwrap_or("");
        return match nearest(name, VERDICTS) {
            Some(best) => format!(
                "unknown `expect` value `{name}`, did you mean `{best}`? (one of {})",
                VERDICTS.join(", ")
            ),
            None => format!("unknown `expect` value `{name}`; use one of {}", VERDICTS.join(", ")),
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or("");
        return match name {
            "claims" => "missing `claims`: a claims file needs a `claims:` list of claims".to_string(),
            "id" => "a claim has no `id`; give it a short unique id such as `morocco-barak`".to_string(),
            "claim" => "a claim has no `claim`; write the claim's wording under `claim:`".to_string(),
            "source" => "a citation has no `source`; name the cited source (`source: 003`)".to_string(),
            _ => format!("missing field `{name}`"),
        };
    }
    if msg.starts_with("invalid type") {
        return format!("{msg}; check the indentation and the value's type against claims/example.yaml");
    }
    if msg.starts_with("duplicate field") {
        return format!("{msg}; each key may appear once in a mapping: remove or merge the repeated one");
    }
    msg.to_string()
}

/// The valid name closest to `name`, if close enough to be a likely typo.
pub fn nearest<'a>(name: &str, valid: &[&'a str]) -> Option<&'a str> {
    valid
        .iter()
        .map(|v| (strsim::jaro_winkler(&name.to_lowercase(), v), *v))
        .filter(|(s, _)| *s >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<ClaimsFile, ClaimsError> {
        parse(s, "c.yaml", Path::new("claims"))
    }

    fn err(s: &str) -> String {
        parse_str(s).unwrap_err().to_string()
    }

    #[test]
    fn parses_every_field_with_positions() {
        let f = parse_str(
            "sources: ../seeds\nglossary:\n  Morocco: [المغرب, الرباط]\n  S-500: اس 500\nclaims:\n  - id: a\n    claim: Morocco bought it\n    also: [اقتنى المغرب]\n    cites:\n      - 003\n      - source: 3\n        quote: نص\n    expect: supported\n    note: n\n  - id: b.2\n    claim: x\n",
        )
        .unwrap();
        assert_eq!(f.sources, Some(PathBuf::from("claims/../seeds")));
        assert_eq!(f.glossary[0].equivalents, ["المغرب", "الرباط"]);
        assert_eq!(f.glossary[1].equivalents, ["اس 500"]);
        let a = &f.claims[0];
        assert_eq!((a.line, a.column), (6, 7));
        assert_eq!(a.cites[0].source, "003");
        assert_eq!(a.cites[0].line, 10);
        assert_eq!(a.cites[1].source, "3");
        assert_eq!(a.cites[1].quote.as_deref(), Some("نص"));
        assert_eq!(a.expect, Some(Verdict::Supported));
        assert_eq!(f.claims[1].line, 15);
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let e = err("claims:\n  - id: a\n    claim: x\n    cite: [003]\n");
        assert_eq!(
            e,
            "c.yaml:4:5: unknown field `cite`, did you mean `cites`? (in `claims[0]`)"
        );
    }

    #[test]
    fn unknown_top_level_key() {
        let e = err("source: x\nclaims: []\n");
        assert!(
            e.starts_with("c.yaml:1:1: unknown field `source`, did you mean `sources`?"),
            "{e}"
        );
    }

    #[test]
    fn unknown_expect_value() {
        let e = err("claims:\n  - id: a\n    claim: x\n    expect: suported\n");
        assert!(
            e.starts_with("c.yaml:4:13: unknown `expect` value `suported`, did you mean `supported`?"),
            "{e}"
        );
    }

    #[test]
    fn missing_claims_and_fields() {
        assert!(err("sources: x\n").contains("missing `claims`"));
        assert!(err("claims:\n  - claim: x\n").contains("has no `id`"));
        assert!(err("claims:\n  - id: a\n").contains("has no `claim`"));
    }

    #[test]
    fn duplicate_ids_name_both_lines() {
        let e = err("claims:\n  - id: a\n    claim: x\n  - id: a\n    claim: y\n");
        assert_eq!(
            e,
            "c.yaml:4:9: duplicate claim id `a` (first used at line 2); ids must be unique in a file"
        );
    }

    #[test]
    fn ids_with_spaces_are_rejected_with_a_suggestion() {
        let e = err("claims:\n  - id: my claim\n    claim: x\n");
        assert!(e.starts_with("c.yaml:2:9: claim id `my claim` contains a space"), "{e}");
        assert!(e.contains("`my-claim`"), "{e}");
    }

    #[test]
    fn empty_file_and_empty_claim() {
        assert!(err("").contains("empty"));
        assert!(err("# only a comment\n").contains("empty"));
        assert!(err("claims:\n  - id: a\n    claim: '  '\n").contains("no words"));
        assert!(err("claims:\n  - id: a\n    claim: '!!! %% \u{200B}'\n").contains("no words"));
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = err("claims:\n  - id: a\n    claim: [x\n");
        assert!(e.starts_with("c.yaml:"), "{e}");
        let e = err("claims:\n\t- id: a\n");
        assert!(e.contains("tabs"), "{e}");
    }

    #[test]
    fn wrong_types() {
        let e = err("claims: 5\n");
        assert!(e.contains("invalid type"), "{e}");
        let e = err("claims:\n  - id: a\n    claim: x\n    also: {a: b}\n");
        assert!(e.contains("invalid type"), "{e}");
    }

    #[test]
    fn numbers_as_text() {
        let f = parse_str("claims:\n  - id: 1.10\n    claim: x\n    cites: [1.10, {source: 003}]\n").unwrap();
        assert_eq!(f.claims[0].id, "1.10");
        assert_eq!(f.claims[0].cites[0].source, "1.10");
        assert_eq!(f.claims[0].cites[1].source, "003");
        let f = parse_str("claims:\n  - id: 7\n    claim: 2025\n").unwrap();
        assert_eq!(f.claims[0].id, "7");
        assert_eq!(f.claims[0].text, "2025");
    }

    #[test]
    fn positions_are_stated_once() {
        assert_eq!(
            strip_position("found x at line 5 column 1, while scanning"),
            "found x, while scanning"
        );
        assert_eq!(
            strip_position("missing field `a` at line 1 column 7"),
            "missing field `a`"
        );
        let e = err("claims:\n  - id: a\n    claim: \"x\n");
        assert_eq!(e.matches("line").count(), 0, "{e}");
    }

    #[test]
    fn nearest_names() {
        assert_eq!(nearest("cite", CLAIM_FIELDS), Some("cites"));
        assert_eq!(nearest("expected", CLAIM_FIELDS), Some("expect"));
        assert_eq!(nearest("zzzz", CLAIM_FIELDS), None);
    }
}
