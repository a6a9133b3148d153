//! The Markdown report, sized for a pull-request comment.
//!
//! Layout: a summary line (failing count first, then the count per verdict),
//! the failing claims with their failure sentences, then per claims file a
//! table (id, claim, verdict, supports, contradicts, citations, result). With
//! `--evidence`, each table is followed by one collapsed `<details>` per claim
//! quoting its passages (source short id, line, stance, score, reasons), long
//! passages cut around the matched words, which are in bold.
//!
//! Every piece of report text goes through [`escape`] (Markdown and HTML
//! specials, `|`, line breaks), so a claim can never break a table or inject
//! markup; text inside HTML tags (`<summary>`) goes through [`escape_html`].
//!
//! Size: 200 claims without evidence come to about 60 KB, near the 65,536
//! characters of a GitHub comment; with evidence, or for more claims, write
//! the report to the job summary (`$GITHUB_STEP_SUMMARY`, up to 1 MiB).

use super::highlight::{excerpt, spans};
use super::{trim_text, RenderOptions};
use crate::report::{ClaimReport, Report};
use crate::verdict::{CitationStatus, QuoteStatus, Stance};
use std::fmt::Write;

/// How many characters of a claim the table shows.
const CLAIM_CHARS: usize = 160;
/// How many characters of a passage the evidence shows.
const PASSAGE_CHARS: usize = 280;

/// Renders the Markdown report.
pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut out = String::new();
    let s = &report.summary;
    out.push_str("## claimcheck report\n\n");
    let lead = if s.failing > 0 {
        format!("**{} of {} claims failing**", s.failing, s.claims)
    } else {
        format!(
            "**{} claim{} checked, none failing**",
            s.claims,
            if s.claims == 1 { "" } else { "s" }
        )
    };
    let _ = writeln!(
        out,
        "{lead} · {} supported · {} contradicted · {} disputed · {} unsourced\n",
        s.supported, s.contradicted, s.disputed, s.unsourced
    );

    let failing: Vec<&ClaimReport> = report.claims.iter().filter(|c| !c.pass).collect();
    if !failing.is_empty() {
        out.push_str("### Failing claims\n\n");
        for c in failing {
            let _ = writeln!(out, "- ❌ **{}** ({}:{})", escape(&c.id), escape(&c.file), c.line);
            for f in &c.failures {
                let _ = writeln!(out, "  - {}", escape(f));
            }
        }
        out.push('\n');
    }

    for (file, claims) in by_file(report) {
        let _ = writeln!(out, "### {}\n", escape(file));
        out.push_str("| id | claim | verdict | supports | contradicts | citations | result |\n");
        out.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
        for c in &claims {
            let _ = writeln!(
                out,
                "| {}<br><sub>line {}</sub> | {} | {} | {} | {} | {} | {} |",
                escape(&c.id),
                c.line,
                escape(&trim_text(&c.claim, CLAIM_CHARS)),
                verdict(c),
                sources(report, c, Stance::Supports),
                sources(report, c, Stance::Contradicts),
                citations(report, c),
                if c.pass { "✅ pass" } else { "❌ **FAIL**" }
            );
        }
        out.push('\n');
        if claims.iter().any(|c| c.sources.iter().any(|s| s.cited)) {
            out.push_str("<sub>A source marked \\* is cited by the claim.</sub>\n\n");
        }
        if opts.evidence {
            for c in &claims {
                evidence(&mut out, report, c);
            }
        }
    }
    out
}

/// Claims grouped by file, files in order of first appearance.
fn by_file(report: &Report) -> Vec<(&str, Vec<&ClaimReport>)> {
    let mut groups: Vec<(&str, Vec<&ClaimReport>)> = Vec::new();
    for c in &report.claims {
        match groups.iter_mut().find(|(f, _)| *f == c.file) {
            Some((_, list)) => list.push(c),
            None => groups.push((&c.file, vec![c])),
        }
    }
    groups
}

fn verdict(c: &ClaimReport) -> String {
    match c.expect {
        Some(e) if e != c.verdict => format!("**{}**<br>(expected {e})", c.verdict),
        _ => c.verdict.to_string(),
    }
}

fn sources(report: &Report, c: &ClaimReport, stance: Stance) -> String {
    let ids: Vec<String> = c
        .sources
        .iter()
        .filter(|s| s.stance == stance)
        .map(|s| {
            let short = escape(report.short_id(&s.source));
            if s.cited {
                format!("{short}\\*")
            } else {
                short
            }
        })
        .collect();
    if ids.is_empty() {
        "—".to_string()
    } else {
        ids.join(" ")
    }
}

fn citations(report: &Report, c: &ClaimReport) -> String {
    if c.citations.is_empty() {
        return "—".to_string();
    }
    let lines: Vec<String> = c
        .citations
        .iter()
        .map(|cit| {
            let short = if cit.status == CitationStatus::Missing {
                cit.source.as_str()
            } else {
                report.short_id(&cit.source)
            };
            let status = match cit.status {
                CitationStatus::Confirms => "confirms".to_string(),
                other => format!("**{}**", other.as_str()),
            };
            let mut line = format!("{}: {status}", escape(short));
            if let Some(q) = &cit.quote {
                let found = match q.status {
                    QuoteStatus::Found => "quote found".to_string(),
                    QuoteStatus::NotFound => "**quote not found**".to_string(),
                };
                let _ = write!(line, ", {found} ({:.2})", q.similarity);
            }
            line
        })
        .collect();
    lines.join("<br>")
}

/// One `<details>` per claim with its passages.
fn evidence(out: &mut String, report: &Report, c: &ClaimReport) {
    let passages: usize = c.sources.iter().map(|s| s.evidence.len()).sum();
    let _ = writeln!(
        out,
        "<details><summary><b>{}</b> · {} · {} passage{}</summary>\n",
        escape_html(&c.id),
        c.verdict,
        passages,
        if passages == 1 { "" } else { "s" }
    );
    let _ = writeln!(out, "{}\n", block(&escape(&c.claim)));
    if let Some(note) = &c.note {
        let _ = writeln!(out, "*Note:* {}\n", escape(note));
    }
    if passages == 0 {
        out.push_str("No source bears on this claim.\n\n");
    }
    for s in &c.sources {
        for e in &s.evidence {
            let mut meta = format!(
                "- **{}** line {} · {} · score {:.2}",
                escape(report.short_id(&s.source)),
                e.line,
                s.stance.as_str(),
                e.score
            );
            if s.cited {
                meta.push_str(" · cited");
            }
            if !e.reasons.is_empty() {
                let reasons: Vec<String> = e.reasons.iter().map(|r| escape(r)).collect();
                let _ = write!(meta, " · reasons: {}", reasons.join("; "));
            }
            let ex = excerpt(&e.text, &spans(&e.text, &e.terms), PASSAGE_CHARS);
            let _ = writeln!(out, "{meta}\n\n  > {}\n", block(&bold(&ex.text, &ex.spans)));
        }
    }
    out.push_str("</details>\n\n");
}

/// The text with the spans in bold, everything escaped.
fn bold(text: &str, spans: &[std::ops::Range<usize>]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for r in spans {
        out.push_str(&escape_inline(&text[at..r.start]));
        let _ = write!(out, "**{}**", escape_inline(&text[r.clone()]));
        at = r.end;
    }
    out.push_str(&escape_inline(&text[at..]));
    out
}

/// Escapes text for a Markdown line or table cell: whitespace folded to
/// single spaces and trimmed, then [`escape_inline`].
pub fn escape(text: &str) -> String {
    escape_inline(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Escapes text without trimming it: every whitespace character becomes a
/// space, Markdown punctuation is backslash-escaped, `|` is escaped for
/// tables, and `&`, `<`, `>` are written as entities so no HTML gets through.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '#' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML inside a tag such as `<summary>`: as the HTML
/// report escapes it, on one line.
pub fn escape_html(text: &str) -> String {
    super::html::esc(&text.replace(['\n', '\r', '\t'], " "))
}

/// Keeps escaped text that starts a line from reading as a list item,
/// a numbered item or a setext underline.
fn block(escaped: &str) -> String {
    let digits = escaped.chars().take_while(|c| c.is_ascii_digit()).count();
    let after_digits = escaped[digits..].chars().next();
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_html_and_pipes() {
        assert_eq!(
            escape("a | b <script>x</script> *y* [l](u) `c`\nd"),
            "a \\| b &lt;script&gt;x&lt;/script&gt; \\*y\\* \\[l\\](u) \\`c\\` d"
        );
        assert_eq!(block("- item"), "\\- item");
        assert_eq!(block("12. item"), "12\\. item");
        assert_eq!(block("2030 was"), "2030 was");
    }
}
