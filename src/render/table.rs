//! The terminal table: one row per claim, a summary line under it.
//!
//! Columns: claim (id and place), verdict, sources that support and that
//! contradict (short ids), citation problems, and pass/FAIL; with
//! `--evidence`, the best passage of each source with its line and reasons.
//! Arabic text is written in logical order; the terminal lays it out.
//! Verdicts and results are colored only with [`RenderOptions::color`]; without
//! it the output holds no escape sequence.

use super::{trim_text, RenderOptions};
use crate::report::{ClaimReport, Report};
use crate::verdict::{CitationStatus, QuoteStatus, Stance};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

/// The claim column is never narrower than its longest id up to this many
/// characters, so every id stays whole on one line (searchable in a log).
const ID_WIDTH: usize = 40;

/// Renders the table.
pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width.unwrap_or(120));
    if opts.color {
        // The caller decided (terminal, no NO_COLOR); don't let comfy-table second-guess it.
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    let mut header = vec!["claim", "verdict", "supports", "contradicts", "citations", "result"];
    if opts.evidence {
        header.push("evidence");
    }
    table.set_header(header);
    for c in &report.claims {
        let mut row = vec![
            Cell::new(format!("{}\n{}:{}", c.id, c.file, c.line)),
            verdict_cell(c, opts.color),
            Cell::new(list(report, c, Stance::Supports)),
            Cell::new(list(report, c, Stance::Contradicts)),
            Cell::new(citations(report, c)),
            result_cell(c, opts.color),
        ];
        if opts.evidence {
            row.push(Cell::new(evidence(report, c)));
        }
        table.add_row(row);
    }
    let longest = report.claims.iter().map(|c| c.id.chars().count()).max().unwrap_or(0);
    if let Some(col) = table.column_mut(0) {
        // Content width plus the cell's padding of one on each side.
        col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
            (longest.min(ID_WIDTH) + 2) as u16,
        )));
    }
    let mut out = table.to_string();
    out.push('\n');
    out.push_str(&report.summary.line());
    out.push('\n');
    out
}

fn verdict_cell(c: &ClaimReport, color: bool) -> Cell {
    let mut text = c.verdict.as_str().to_string();
    if let Some(e) = c.expect {
        if e != c.verdict {
            text.push_str(&format!("\n(expected {e})"));
        }
    }
    let cell = Cell::new(text);
    if !color {
        return cell;
    }
    cell.fg(match c.verdict {
        crate::verdict::Verdict::Supported => Color::Green,
        crate::verdict::Verdict::Contradicted => Color::Red,
        crate::verdict::Verdict::Disputed => Color::Yellow,
        crate::verdict::Verdict::Unsourced => Color::DarkGrey,
    })
}

fn result_cell(c: &ClaimReport, color: bool) -> Cell {
    let cell = Cell::new(if c.pass { "pass" } else { "FAIL" });
    if color {
        cell.fg(if c.pass { Color::Green } else { Color::Red })
    } else {
        cell
    }
}

fn list(report: &Report, c: &ClaimReport, stance: Stance) -> String {
    let ids: Vec<String> = c
        .sources
        .iter()
        .filter(|s| s.stance == stance)
        .map(|s| {
            let short = report.short_id(&s.source);
            if s.cited {
                format!("{short}*")
            } else {
                short.to_string()
            }
        })
        .collect();
    if ids.is_empty() {
        "-".to_string()
    } else {
        ids.join(" ")
    }
}

fn citations(report: &Report, c: &ClaimReport) -> String {
    if c.citations.is_empty() {
        return "-".to_string();
    }
    let mut lines = Vec::new();
    for cit in &c.citations {
        let short = if cit.status == CitationStatus::Missing {
            cit.source.as_str()
        } else {
            report.short_id(&cit.source)
        };
        let mut line = format!("{short}: {}", cit.status.as_str());
        if let Some(q) = &cit.quote {
            let status = match q.status {
                QuoteStatus::Found => "found",
                QuoteStatus::NotFound => "not found",
            };
            line.push_str(&format!(", quote {status} ({:.2})", q.similarity));
        }
        lines.push(line);
    }
    lines.join("\n")
}

fn evidence(report: &Report, c: &ClaimReport) -> String {
    let mut out = Vec::new();
    for s in &c.sources {
        let Some(e) = s.evidence.first() else { continue };
        let mut line = format!(
            "{} {} {:.2} L{}: {}",
            report.short_id(&s.source),
            s.stance.as_str(),
            e.score,
            e.line,
            trim_text(&e.text, 160)
        );
        if !e.reasons.is_empty() {
            line.push_str(&format!(" [{}]", e.reasons.join("; ")));
        }
        out.push(line);
    }
    if out.is_empty() {
        "-".to_string()
    } else {
        out.join("\n")
    }
}
