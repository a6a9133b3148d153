//! The JSON report (schema `claimcheck/report/v1`), pretty-printed.

use crate::report::{ClaimReport, Report, ReportSink, ShardInfo, SourceInfo, Summary, SCHEMA};
use std::io::Write;

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

/// The JSON report written claim by claim as a [`ReportSink`]: the same
/// bytes as [`write`] of the whole report (`summary` comes after `claims`,
/// so it is counted as they pass), holding one claim at a time.
pub struct Stream<W: Write> {
    out: W,
    /// Claims written so far.
    written: usize,
}

/// A writer that indents every line after the first by `indent` as the
/// bytes pass (no line of the value is held: a claim of a large archive
/// runs to megabytes of JSON).
struct Indented<'a, W: Write> {
    out: &'a mut W,
    indent: &'a [u8],
}

impl<W: Write> Write for Indented<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut lines = buf.split(|&b| b == b'\n');
        if let Some(first) = lines.next() {
            self.out.write_all(first)?;
        }
        for line in lines {
            self.out.write_all(b"\n")?;
            self.out.write_all(self.indent)?;
            self.out.write_all(line)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

impl<W: Write> Stream<W> {
    /// A stream into `out` (buffer it: claims are written piece by piece).
    pub fn new(out: W) -> Stream<W> {
        Stream { out, written: 0 }
    }

    /// Writes `value` pretty-printed as a member of an object or array
    /// nested `depth` deep: the pretty form of the value alone, each line
    /// after the first indented by `depth` levels (a JSON string never holds
    /// a raw line break, so every line break of the form is between tokens).
    fn nested(&mut self, value: &impl serde::Serialize, depth: usize) -> std::io::Result<()> {
        let indent = "  ".repeat(depth);
        let mut out = Indented {
            out: &mut self.out,
            indent: indent.as_bytes(),
        };
        serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from)
    }
}

impl<W: Write> Stream<W> {
    /// Writes the next claim ([`ReportSink::claim`] without taking it).
    pub fn write_claim(&mut self, claim: &ClaimReport) -> std::io::Result<()> {
        self.out
            .write_all(if self.written == 0 { b"\n    " } else { b",\n    " })?;
        self.written += 1;
        self.nested(claim, 2)
    }
}

impl<W: Write> ReportSink for Stream<W> {
    fn begin(&mut self, sources: &[SourceInfo], _warnings: &[String]) -> std::io::Result<()> {
        self.out.write_all(b"{\n  \"schema\": ")?;
        self.nested(&SCHEMA, 1)?;
        self.out.write_all(b",\n  \"sources\": ")?;
        self.nested(&sources, 1)?;
        self.out.write_all(b",\n  \"claims\": [")
    }

    fn claim(&mut self, claim: ClaimReport) -> std::io::Result<()> {
        self.write_claim(&claim)
    }

    fn end(&mut self, summary: &Summary, shard: Option<&ShardInfo>) -> std::io::Result<()> {
        if self.written > 0 {
            self.out.write_all(b"\n  ")?;
        }
        self.out.write_all(b"],\n  \"summary\": ")?;
        self.nested(summary, 1)?;
        if let Some(shard) = shard {
            self.out.write_all(b",\n  \"shard\": ")?;
            self.nested(shard, 1)?;
        }
        self.out.write_all(b"\n}\n")?;
        self.out.flush()
    }
}

/// Hands a whole report to a sink, as `app::run_check_streamed` would have.
pub fn feed(report: Report, warnings: &[String], sink: &mut dyn ReportSink) -> std::io::Result<()> {
    sink.begin(&report.sources, warnings)?;
    for c in report.claims {
        sink.claim(c)?;
    }
    sink.end(&report.summary, report.shard.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn streamed(report: &Report) -> Vec<u8> {
        let mut out = Vec::new();
        feed(report.clone(), &[], &mut Stream::new(&mut out)).unwrap();
        out
    }

    fn whole(report: &Report) -> Vec<u8> {
        let mut out = Vec::new();
        write(report, &mut out).unwrap();
        out
    }

    /// Claim by claim, the JSON report is the same bytes as written whole:
    /// with claims and sources, with none, and with a shard's description.
    #[test]
    fn lines_are_indented_wherever_the_writes_split_them() {
        let text = b"{\n  \"a\": [\n    1\n  ]\n}\n\nx";
        let expected = b"{\n    \"a\": [\n      1\n    ]\n  }\n  \n  x".to_vec();
        for size in 1..=text.len() {
            let mut out = Vec::new();
            let mut w = Indented {
                out: &mut out,
                indent: b"  ",
            };
            for chunk in text.chunks(size) {
                w.write_all(chunk).unwrap();
            }
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&expected),
                "writes of {size}"
            );
        }
    }

    #[test]
    fn the_streamed_report_is_the_whole_report() {
        let corpus = crate::sources::load(&[PathBuf::from("seeds")], Default::default()).unwrap();
        let index = crate::index::Index::build(&corpus);
        let file = crate::claims::load(std::path::Path::new("tests/data/gold/seeds-tune.yaml")).unwrap();
        let mut report = crate::check::check(&[file], &corpus, &index, &Default::default());
        assert!(report.claims.len() > 10);
        assert_eq!(streamed(&report), whole(&report));
        report.shard = Some(ShardInfo {
            claims_files: vec![crate::report::ClaimsFileInfo {
                path: "a \"b\"\nc.yaml".into(),
                digest: "00".into(),
            }],
            stats: "ff".into(),
        });
        assert_eq!(streamed(&report), whole(&report));
        report.claims.clear();
        report.summary = Summary::default();
        assert_eq!(streamed(&report), whole(&report));
        report.sources.clear();
        report.shard = None;
        assert_eq!(streamed(&report), whole(&report));
    }
}
