//! The invariants the fuzz targets check, one function per target, each
//! panicking on a violation. Shared with the tests: `tests/hostile.rs`
//! replays the seed corpus and every crash reproducer through them, and
//! `tests/properties.rs` feeds them generated inputs (both include this file
//! with `#[path]`).
#![allow(dead_code)]

use claimcheck::claims::ClaimsError;
use claimcheck::index::{Index, Term};
use claimcheck::normalize::Charmap;
use claimcheck::sources::{check_bytes, Corpus, Source};
use std::path::Path;
use std::sync::OnceLock;

/// Fuzz the claims parser: any bytes in, a claims file or a located error
/// out, never a panic. A parsed file keeps every claim of the input's
/// `claims` list, once, with unique ids and positions inside the file.
pub fn claims(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    // Lines as YAML counts them: `\n`, `\r\n` and a lone `\r` end a line.
    let lines = text.replace("\r\n", "\n").replace('\r', "\n").lines().count().max(1) + 1;
    match claimcheck::claims::parse(&text, "f.yaml", Path::new(".")) {
        Ok(file) => {
            let mut ids = std::collections::HashSet::new();
            for c in &file.claims {
                assert!(!c.id.is_empty());
                assert!(ids.insert(c.id.clone()), "duplicate id {}", c.id);
                assert!(c.line >= 1 && c.line <= lines, "line {} of {lines}", c.line);
                for cite in &c.cites {
                    assert!(cite.line >= 1 && cite.line <= lines);
                    assert!(!cite.source.is_empty());
                }
            }
            // Every claim of the input once: count the `claims` items with
            // the other YAML parser (no aliases: it would expand them).
            if !text.contains('*') && !text.contains('<') {
                if let Ok(docs) = yaml_rust2::YamlLoader::load_from_str(&text) {
                    if let Some(list) = docs.first().and_then(|d| d["claims"].as_vec()) {
                        assert_eq!(list.len(), file.claims.len(), "claims dropped or added");
                    }
                }
            }
        }
        Err(ClaimsError::Invalid {
            line, column, message, ..
        }) => {
            assert!(line >= 1 && column >= 1);
            assert!(line <= lines + 1, "error line {line} of {lines}: {message}");
            assert!(!message.is_empty());
        }
        Err(ClaimsError::Io { .. }) => unreachable!("parse reads no file"),
    }
}

/// Fuzz the normalizer and tokenizer: token spans on UTF-8 boundaries, in
/// order, inside the text; tokens never empty; normalization idempotent.
pub fn normalize(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let map = Charmap::from_pairs([('\u{E005}', "0".to_string()), ('\u{E00C}', "5".to_string())]);
    for charmap in [Charmap::default(), map] {
        let mut last = 0;
        for t in claimcheck::normalize::tokenize(&text, &charmap) {
            assert!(t.start < t.end && t.end <= text.len(), "{t:?}");
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            assert!(t.start >= last, "tokens overlap");
            assert!(!t.norm.is_empty());
            last = t.end;
        }
    }
    let once = claimcheck::normalize::normalize(&text);
    assert_eq!(
        claimcheck::normalize::normalize(&once),
        once,
        "normalization is not idempotent"
    );
}

/// Fuzz the segmenter: passages are disjoint, trimmed, in order, on UTF-8
/// boundaries inside the text, and hold a letter or digit; analysis of each
/// passage (stems, clause breaks, numbers) never panics.
pub fn segment(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let charmap = Charmap::from_pairs([('\u{E005}', "0".to_string())]);
    let mut last = 0;
    for sp in claimcheck::segment::sentences(&text, &charmap) {
        assert!(sp.start >= last && sp.start < sp.end && sp.end <= text.len(), "{sp:?}");
        assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        let piece = &text[sp.start..sp.end];
        assert!(!piece.starts_with(char::is_whitespace) && !piece.ends_with(char::is_whitespace));
        assert!(piece.chars().any(char::is_alphanumeric));
        last = sp.end;
        for t in Term::analyze(piece, &charmap) {
            assert!(!t.stem.is_empty());
            assert!(piece.is_char_boundary(t.start) && piece.is_char_boundary(t.end));
        }
    }
}

/// Fuzz quote matching: the input is a quote and a source separated by a
/// 0xFF byte. A hit lies inside the source on UTF-8 boundaries with a
/// similarity in [0, 1]; a quote copied from the source's own words is found
/// with similarity 1.
pub fn quote(data: &[u8]) {
    let (q, s) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let quote = String::from_utf8_lossy(q);
    let source = String::from_utf8_lossy(s);
    let terms = Term::analyze(&source, &Charmap::default());
    if let Some(hit) = claimcheck::quote::locate(&quote, &terms) {
        assert!((0.0..=1.0).contains(&hit.similarity), "{hit:?}");
        assert!(hit.start <= hit.end && hit.end <= source.len(), "{hit:?}");
        assert!(source.is_char_boundary(hit.start) && source.is_char_boundary(hit.end));
    }
    // A run of the source's own words, copied verbatim, is found exactly.
    if terms.len() >= 2 {
        let a = (q.len() * 7) % terms.len();
        let b = (a + 1 + q.len() % 6).min(terms.len()) - 1;
        let copied = &source[terms[a].start..terms[b].end];
        let hit = claimcheck::quote::locate(copied, &terms).expect("a copied quote has words");
        assert!(hit.similarity == 1.0, "copied quote {copied:?} scored {hit:?}");
    }
}

/// Fuzz the whole check: the input is a claims file and a source text
/// separated by a 0xFF byte. Whenever the claims file parses, the report
/// holds every claim once, in file order, and all evidence and quote places
/// lie inside the source on UTF-8 boundaries.
pub fn check(data: &[u8]) {
    static OPTIONS: OnceLock<claimcheck::check::Options> = OnceLock::new();
    let opts = OPTIONS.get_or_init(claimcheck::check::Options::default);
    let (c, s) = match data.iter().position(|&b| b == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let Ok(file) = claimcheck::claims::parse(&String::from_utf8_lossy(c), "f.yaml", Path::new(".")) else {
        return;
    };
    let mut corpus = Corpus::default();
    let text = check_bytes(s).ok();
    if let Some(text) = &text {
        corpus.sources.push(Source::new(
            "000_src".into(),
            "s/000_src.txt".into(),
            "000_src.txt".into(),
            text.clone(),
            Charmap::default(),
        ));
    }
    if claimcheck::check::validate_citations(std::slice::from_ref(&file), &corpus).is_err() {
        return;
    }
    let index = Index::build(&corpus);
    let report = claimcheck::check::check(std::slice::from_ref(&file), &corpus, &index, opts);
    let want: Vec<&str> = file.claims.iter().map(|c| c.id.as_str()).collect();
    let got: Vec<&str> = report.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(want, got, "claims lost, repeated or reordered");
    let text = text.unwrap_or_default();
    for c in &report.claims {
        for st in &c.sources {
            for e in &st.evidence {
                assert!(e.start <= e.end && e.end <= text.len());
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
            }
        }
        for cite in &c.citations {
            if let Some(q) = &cite.quote {
                if let (Some(a), Some(b)) = (q.start, q.end) {
                    assert!(a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b));
                }
            }
        }
    }
}
