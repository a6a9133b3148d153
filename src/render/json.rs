//! The JSON report (schema `claimcheck/report/v1`), pretty-printed.

use crate::report::Report;

/// Renders the report as JSON, with a final newline.
pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("a report always serializes");
    s.push('\n');
    s
}

/// Writes the report as JSON, with a final newline, straight to `out`
/// (the same bytes as [`render`], without holding them all at once: a
/// report of a large archive runs to tens of megabytes).
pub fn write(report: &Report, mut out: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut out, report).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}
