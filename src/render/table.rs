//! The terminal table: one row per claim, a summary line under it.
//!
//! Columns: claim (id and place), verdict, sources that support and that
//! contradict (short ids), citation problems, and pass/FAIL; with
//! `--evidence`, the best passage of each source with its line and reasons.
//! Arabic text is written in logical order; the terminal lays it out.
//! Verdicts and results are colored only with [`RenderOptions::color`]; without
//! it the output holds no escape sequence.

use super::{trim_text, RenderOptions};
use crate::report::{ClaimReport, Report, ReportSink, ShardInfo, SourceInfo, Summary};
use crate::verdict::{CitationStatus, QuoteStatus, Stance};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

/// The claim column is never narrower than its longest id up to this many
/// characters, so every id stays whole on one line (searchable in a log).
const ID_WIDTH: usize = 40;

/// Renders the table.
pub fn render(report: &Report, opts: &RenderOptions) -> String {
    let mut rows = Rows::new(opts);
    for c in &report.claims {
        rows.add(report, c);
    }
    rows.finish(&report.summary)
}

/// The table being made, row by row: each claim's cells hold only the text
/// shown, so a table of many claims need not keep their reports.
struct Rows {
    table: Table,
    /// The longest claim id, in characters.
    longest: usize,
    opts: RenderOptions,
}

impl Rows {
    fn new(opts: &RenderOptions) -> Rows {
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
        Rows {
            table,
            longest: 0,
            opts: *opts,
        }
    }

    /// The row of claim `c` (`report` gives the sources, for short ids).
    fn add(&mut self, report: &Report, c: &ClaimReport) {
        let opts = &self.opts;
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
        self.table.add_row(row);
        self.longest = self.longest.max(c.id.chars().count());
    }

    fn finish(mut self, summary: &Summary) -> String {
        if let Some(col) = self.table.column_mut(0) {
            // Content width plus the cell's padding of one on each side.
            col.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(
                (self.longest.min(ID_WIDTH) + 2) as u16,
            )));
        }
        let mut out = self.table.to_string();
        out.push('\n');
        out.push_str(&summary.line());
        out.push('\n');
        out
    }
}

/// The table made claim by claim as a [`ReportSink`]: each claim becomes
/// its row's text and is dropped ([`Stream::finish`] gives the same text as
/// [`super::render`] of the whole report in [`super::Format::Table`]).
pub struct Stream {
    /// The report's sources (no claims): short ids are unique among them.
    head: Report,
    rows: Rows,
    summary: Summary,
}

impl Stream {
    /// An empty table.
    pub fn new(opts: &RenderOptions) -> Stream {
        Stream {
            head: Report {
                schema: crate::report::SCHEMA.to_string(),
                sources: Vec::new(),
                claims: Vec::new(),
                summary: Summary::default(),
                shard: None,
            },
            rows: Rows::new(opts),
            summary: Summary::default(),
        }
    }

    /// The table, with its summary line (bidirectional controls shown).
    pub fn finish(self) -> String {
        super::show_bidi_controls(&self.rows.finish(&self.summary))
    }
}

impl ReportSink for Stream {
    fn begin(&mut self, sources: &[SourceInfo], _warnings: &[String]) -> std::io::Result<()> {
        self.head.sources = sources.to_vec();
        Ok(())
    }

    fn claim(&mut self, claim: ClaimReport) -> std::io::Result<()> {
        self.rows.add(&self.head, &claim);
        Ok(())
    }

    fn end(&mut self, summary: &Summary, _shard: Option<&ShardInfo>) -> std::io::Result<()> {
        self.summary = summary.clone();
        Ok(())
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{render, Format};

    /// Claim by claim, the table is the text rendered from the whole report,
    /// with and without evidence.
    #[test]
    fn the_table_made_row_by_row_is_the_whole_table() {
        let corpus = crate::sources::load(&[std::path::PathBuf::from("seeds")], Default::default()).unwrap();
        let index = crate::index::Index::build(&corpus);
        let file = crate::claims::load(std::path::Path::new("tests/data/gold/seeds-tune.yaml")).unwrap();
        let report = crate::check::check(&[file], &corpus, &index, &Default::default());
        for evidence in [false, true] {
            let opts = RenderOptions {
                evidence,
                ..RenderOptions::default()
            };
            let mut stream = Stream::new(&opts);
            crate::render::json::feed(report.clone(), &[], &mut stream).unwrap();
            assert_eq!(stream.finish(), render(&report, Format::Table, &opts));
        }
    }
}
