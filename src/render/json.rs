//! The JSON report (schema `claimcheck/report/v1`), pretty-printed.

use crate::report::Report;

/// Renders the report as JSON, with a final newline.
pub fn render(report: &Report) -> String {
    let mut s = serde_json::to_string_pretty(report).expect("a report always serializes");
    s.push('\n');
    s
}
