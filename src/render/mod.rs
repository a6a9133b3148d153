//! Report formats: each renders the one [`Report`] value and nothing else.
//!
//! This module owns the list of output formats and the dispatch from a
//! [`Format`] to its renderer; each renderer lives in its own module
//! ([`table`], [`json`], [`markdown`], [`html`], [`junit`], [`sarif`],
//! [`github`], [`claimreview`]). Two helpers serve several of them:
//! [`failures`] names the rule behind each failure sentence (SARIF, GitHub,
//! JUnit) and [`highlight`] finds the matched words in a passage (Markdown,
//! HTML). A renderer never judges, never prints and never decides the exit
//! code.

pub mod claimreview;
pub mod explain;
pub mod failures;
pub mod github;
pub mod highlight;
pub mod html;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod table;

use crate::report::Report;

/// An output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A terminal table (default).
    Table,
    /// The JSON report of the contract.
    Json,
    /// A Markdown summary for pull requests.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// JUnit XML for CI test viewers.
    Junit,
    /// SARIF 2.1.0 for code-scanning viewers.
    Sarif,
    /// GitHub workflow-command annotations.
    Github,
    /// schema.org ClaimReview JSON-LD.
    Claimreview,
}

impl Format {
    /// Every format name, as accepted by `--format`.
    pub const NAMES: [&'static str; 8] = [
        "table",
        "json",
        "markdown",
        "html",
        "junit",
        "sarif",
        "github",
        "claimreview",
    ];

    /// Parses a format name.
    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "table" => Format::Table,
            "json" => Format::Json,
            "markdown" => Format::Markdown,
            "html" => Format::Html,
            "junit" => Format::Junit,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            "claimreview" => Format::Claimreview,
            _ => return None,
        })
    }
}

/// Options that change how a report is shown (never what it says).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Show evidence passages (table, markdown).
    pub evidence: bool,
    /// Use terminal colors (table).
    pub color: bool,
    /// Table width in columns (`None`: 120).
    pub width: Option<u16>,
}

/// Renders the report in the given format.
pub fn render(report: &Report, format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Table => show_bidi_controls(&table::render(report, opts)),
        Format::Json => json::render(report),
        Format::Markdown => show_bidi_controls(&markdown::render(report, opts)),
        Format::Html => html::render(report),
        Format::Junit => junit::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => show_bidi_controls(&github::render(report)),
        Format::Claimreview => claimreview::render(report),
    }
}

/// Bidirectional embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069) written visibly, as `<U+202E>`: in plain-text formats
/// (table, Markdown, GitHub annotations) a raw one reorders the rest of the
/// line on screen, so a claim or passage could hide what it says ("Trojan
/// Source"). Letters and the marks U+200E/U+200F are left alone. The HTML
/// report isolates text in elements instead; JSON keeps the data as written.
pub fn show_bidi_controls(text: &str) -> String {
    let is_control = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !text.contains(is_control) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_control(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A file path as a relative URI reference: `\` becomes `/`, and every byte
/// outside the unreserved set and `/` is percent-encoded, so spaces, `#`,
/// `?` and non-ASCII names survive in links, SARIF and JSON-LD.
pub fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Shortens `text` to at most `max` characters with an ellipsis.
pub fn trim_text(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_shown_not_obeyed() {
        assert_eq!(
            show_bidi_controls("claim \u{202E}txt.exe\u{202C} ok"),
            "claim <U+202E>txt.exe<U+202C> ok"
        );
        assert_eq!(show_bidi_controls("\u{2067}المغرب\u{2069}"), "<U+2067>المغرب<U+2069>");
        // Arabic text and the direction marks stay as written.
        assert_eq!(show_bidi_controls("المغرب\u{200F} 2030"), "المغرب\u{200F} 2030");
    }
}
