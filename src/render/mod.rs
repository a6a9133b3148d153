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
        Format::Table => table::render(report, opts),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report, opts),
        Format::Html => html::render(report),
        Format::Junit => junit::render(report),
        Format::Sarif => sarif::render(report),
        Format::Github => github::render(report),
        Format::Claimreview => claimreview::render(report),
    }
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
