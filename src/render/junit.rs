//! JUnit XML, for CI test viewers (GitLab, Jenkins, GitHub test reporters).
//!
//! One `<testsuite>` per claims file (named after the file), one `<testcase>`
//! per claim (`classname` = file, `name` = claim id, plus `file` and `line`
//! attributes that several viewers link to). A failing claim has a
//! `<failure>` whose `message` joins its failure sentences, whose `type` is
//! the rule id of the first one (see [`super::failures`]), and whose body
//! lists every sentence with the claim and its verdict; a passing claim has
//! its verdict in `<system-out>`. Text is XML-escaped, and characters XML 1.0
//! cannot carry become U+FFFD.

use super::failures;
use crate::report::{ClaimReport, Report};
use std::fmt::Write;

/// Renders the JUnit XML document.
pub fn render(report: &Report) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"claimcheck\" tests=\"{}\" failures=\"{}\" errors=\"0\">",
        report.summary.claims, report.summary.failing
    );
    let mut files: Vec<&str> = Vec::new();
    for c in &report.claims {
        if !files.contains(&c.file.as_str()) {
            files.push(&c.file);
        }
    }
    for file in files {
        let claims: Vec<&ClaimReport> = report.claims.iter().filter(|c| c.file == file).collect();
        let failing = claims.iter().filter(|c| !c.pass).count();
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failing}\" errors=\"0\" skipped=\"0\">",
            attr(file),
            claims.len()
        );
        for c in claims {
            testcase(&mut out, c);
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn testcase(out: &mut String, c: &ClaimReport) {
    let _ = write!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\">",
        attr(&c.id),
        attr(&c.file),
        attr(&c.file),
        c.line
    );
    let verdict = match c.expect {
        Some(e) if e != c.verdict => format!("{} (expected {e})", c.verdict),
        _ => c.verdict.to_string(),
    };
    let fails = failures::classify(c);
    if let Some(first) = fails.first() {
        let message: Vec<&str> = fails.iter().map(|f| f.message).collect();
        let mut body = String::new();
        for f in &fails {
            let _ = writeln!(body, "[{}] {}", f.kind, f.message);
        }
        let _ = write!(body, "\nclaim: {}\nverdict: {verdict}", c.claim);
        let _ = write!(
            out,
            "\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    ",
            attr(&message.join("; ")),
            first.kind,
            text(&body)
        );
    } else {
        let _ = write!(
            out,
            "\n      <system-out>verdict: {}</system-out>\n    ",
            text(&verdict)
        );
    }
    out.push_str("</testcase>\n");
}

/// Escapes XML character data.
pub fn text(s: &str) -> String {
    escape(s, false)
}

/// Escapes an XML attribute value (line breaks and tabs as references, so
/// attribute normalization keeps them).
pub fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_for_xml() {
        assert_eq!(attr("a<b & \"c\"\nd"), "a&lt;b &amp; &quot;c&quot;&#10;d");
        assert_eq!(text("x]]>\u{1}'"), "x]]&gt;\u{FFFD}'");
    }
}
