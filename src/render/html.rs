//! The HTML report: one self-contained page (inline CSS, a little vanilla JS,
//! nothing fetched; a Content-Security-Policy forbids the network).
//!
//! Layout: a dashboard of counts whose cards filter the table by verdict (or
//! to the failing claims), a search box over ids, claim wordings, notes and
//! file names (case, Arabic diacritics, tatweel and alef/yeh/teh-marbuta
//! variants folded), and a table with one row per claim: wording, failure
//! sentences, verdict, supporting and contradicting sources, citation
//! badges and pass/FAIL. Under each row a collapsible panel (open for failing
//! claims) holds the note and every evidence passage, in full, with the
//! matched words in `<mark>`, `dir="auto"` so Arabic runs right to left, the
//! reasons as badges (red for a contradicting passage), and a link to the
//! source file at the passage's line (`{path}#L{line}`).
//!
//! Every piece of report text is HTML-escaped; the output holds no date or
//! other state, so the same report gives the same bytes.

use super::highlight::spans;
use super::uri_path;
use crate::report::{ClaimReport, Evidence, Report, SourceStance};
use crate::verdict::{CitationStatus, QuoteStatus, Stance};
use std::fmt::Write;

/// Renders the page.
pub fn render(report: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(HEAD);
    let s = &report.summary;
    let _ = writeln!(
        out,
        "<header><h1>claimcheck report</h1><p class=\"summary\">{}</p></header>",
        esc(&s.line())
    );
    out.push_str("<nav class=\"cards\" aria-label=\"Filter claims\">\n");
    let cards: [(&str, &str, usize); 6] = [
        ("all", "claims", s.claims),
        ("supported", "supported", s.supported),
        ("contradicted", "contradicted", s.contradicted),
        ("disputed", "disputed", s.disputed),
        ("unsourced", "unsourced", s.unsourced),
        ("failing", "failing", s.failing),
    ];
    for (filter, label, n) in cards {
        let _ = writeln!(
            out,
            "<button type=\"button\" class=\"card f-{filter}\" data-filter=\"{filter}\" aria-pressed=\"{}\">\
             <span class=\"n\">{n}</span><span class=\"l\">{label}</span></button>",
            filter == "all"
        );
    }
    out.push_str("</nav>\n");
    out.push_str(
        "<div class=\"controls\"><input id=\"q\" type=\"search\" placeholder=\"Search claims, ids, notes…\" \
         aria-label=\"Search claims\" dir=\"auto\"> <span id=\"shown\"></span> \
         <button type=\"button\" id=\"expand\">Expand all</button> \
         <button type=\"button\" id=\"collapse\">Collapse all</button></div>\n",
    );
    out.push_str(
        "<table id=\"claims\">\n<thead><tr><th>claim</th><th>verdict</th><th>supports</th>\
         <th>contradicts</th><th>citations</th><th>result</th></tr></thead>\n",
    );
    for (i, c) in report.claims.iter().enumerate() {
        claim(&mut out, report, c, i + 1);
    }
    out.push_str("</table>\n");
    if report.claims.is_empty() {
        out.push_str("<p class=\"empty\">No claims.</p>\n");
    }
    out.push_str("<section class=\"sources\"><h2>Sources</h2>\n<ul>\n");
    for src in &report.sources {
        let _ = writeln!(
            out,
            "<li><a href=\"{}\"><code>{}</code></a> <bdi dir=\"auto\">{}</bdi></li>",
            esc(&uri_path(&src.path)),
            esc(&src.id),
            esc(&src.title)
        );
    }
    out.push_str("</ul>\n</section>\n");
    let _ = writeln!(out, "<footer>{}</footer>", esc(&report.schema));
    out.push_str(SCRIPT);
    out.push_str("</body>\n</html>\n");
    out
}

fn claim(out: &mut String, report: &Report, c: &ClaimReport, n: usize) {
    let v = c.verdict.as_str();
    let mut search = format!("{} {} {}", c.id, c.claim, c.file);
    if let Some(note) = &c.note {
        search.push(' ');
        search.push_str(note);
    }
    let _ = writeln!(
        out,
        "<tbody class=\"claim\" id=\"claim-{n}\" data-verdict=\"{v}\" data-pass=\"{}\" data-text=\"{}\">",
        c.pass,
        esc(&search)
    );
    // The row.
    let _ = write!(
        out,
        "<tr class=\"row\"><td class=\"c-claim\"><div class=\"id\"><a href=\"#claim-{n}\">{}</a> \
         <span class=\"place\">{}:{}</span></div><div class=\"text\" dir=\"auto\">{}</div>",
        esc(&c.id),
        esc(&c.file),
        c.line,
        esc(&c.claim)
    );
    if !c.failures.is_empty() {
        out.push_str("<ul class=\"failures\">");
        for f in &c.failures {
            let _ = write!(out, "<li dir=\"auto\">{}</li>", esc(f));
        }
        out.push_str("</ul>");
    }
    out.push_str("</td>");
    let _ = write!(out, "<td><span class=\"verdict v-{v}\">{v}</span>");
    if let Some(e) = c.expect.filter(|e| *e != c.verdict) {
        let _ = write!(out, "<div class=\"expect\">expected {e}</div>");
    }
    out.push_str("</td>");
    for stance in [Stance::Supports, Stance::Contradicts] {
        out.push_str("<td>");
        let list: Vec<&SourceStance> = c.sources.iter().filter(|s| s.stance == stance).collect();
        if list.is_empty() {
            out.push_str("<span class=\"none\">—</span>");
        }
        for s in list {
            let title = report
                .sources
                .iter()
                .find(|x| *x.id == *s.source)
                .map_or("", |x| &x.title);
            let _ = write!(
                out,
                "<span class=\"chip s-{}\" title=\"{}\">{}{}</span> ",
                stance.as_str(),
                esc(&format!("{} — {}", s.source, title)),
                esc(report.short_id(&s.source)),
                if s.cited {
                    "<span class=\"star\" title=\"cited\">*</span>"
                } else {
                    ""
                }
            );
        }
        out.push_str("</td>");
    }
    out.push_str("<td>");
    if c.citations.is_empty() {
        out.push_str("<span class=\"none\">—</span>");
    }
    for cit in &c.citations {
        let short = if cit.status == CitationStatus::Missing {
            cit.source.as_str()
        } else {
            report.short_id(&cit.source)
        };
        let _ = write!(
            out,
            "<span class=\"badge c-{}\" title=\"{}\">{}: {}</span>",
            cit.status.as_str(),
            esc(&cit.source),
            esc(short),
            cit.status.as_str()
        );
        if let Some(q) = &cit.quote {
            let (class, label) = match q.status {
                QuoteStatus::Found => ("q-found", "quote found"),
                QuoteStatus::NotFound => ("q-not-found", "quote not found"),
            };
            let place = q.line.map(|l| format!(", line {l}")).unwrap_or_default();
            let _ = write!(
                out,
                "<span class=\"badge {class}\" title=\"best similarity {:.2}{place}\">{label} {:.2}</span>",
                q.similarity, q.similarity
            );
        }
        out.push(' ');
    }
    out.push_str("</td>");
    let _ = writeln!(
        out,
        "<td><span class=\"result {}\">{}</span></td></tr>",
        if c.pass { "pass" } else { "fail" },
        if c.pass { "pass" } else { "FAIL" }
    );
    // The evidence panel.
    let passages: usize = c.sources.iter().map(|s| s.evidence.len()).sum();
    let _ = write!(
        out,
        "<tr class=\"detail\"><td colspan=\"6\"><details{}><summary>Evidence: {passages} passage{} from {} source{}</summary>",
        if c.pass { "" } else { " open" },
        if passages == 1 { "" } else { "s" },
        c.sources.len(),
        if c.sources.len() == 1 { "" } else { "s" }
    );
    if let Some(note) = &c.note {
        let _ = write!(out, "<p class=\"note\" dir=\"auto\"><b>Note:</b> {}</p>", esc(note));
    }
    if passages == 0 {
        out.push_str("<p class=\"none\">No source bears on this claim.</p>");
    }
    for s in &c.sources {
        for e in &s.evidence {
            passage(out, report, s, e);
        }
    }
    out.push_str("</details></td></tr>\n</tbody>\n");
}

fn passage(out: &mut String, report: &Report, s: &SourceStance, e: &Evidence) {
    let stance = s.stance.as_str();
    let info = report.sources.iter().find(|x| *x.id == *s.source);
    let label = format!("{} · line {}", report.short_id(&s.source), e.line);
    let _ = write!(out, "<div class=\"passage s-{stance}\"><div class=\"meta\">");
    match info {
        Some(info) => {
            let _ = write!(
                out,
                "<a class=\"src\" href=\"{}#L{}\" title=\"{}\">{}</a>",
                esc(&uri_path(&info.path)),
                e.line,
                esc(&format!("{} — {}", info.id, info.title)),
                esc(&label)
            );
        }
        None => {
            let _ = write!(out, "<span class=\"src\">{}</span>", esc(&label));
        }
    }
    let _ = write!(
        out,
        " <span class=\"stance s-{stance}\">{stance}</span> <span class=\"score\">score {:.2}</span>",
        e.score
    );
    if s.cited {
        out.push_str(" <span class=\"badge cited\">cited</span>");
    }
    for r in e.reasons.iter() {
        let class = if s.stance == Stance::Contradicts {
            "reason contra"
        } else {
            "reason"
        };
        let _ = write!(out, " <span class=\"badge {class}\"><bdi>{}</bdi></span>", esc(r));
    }
    out.push_str("</div><blockquote dir=\"auto\">");
    let mut at = 0;
    for r in spans(&e.text, &e.terms) {
        out.push_str(&esc(&e.text[at..r.start]));
        let word = &e.text[r.clone()];
        let mut how: Vec<String> = e
            .terms
            .iter()
            .filter(|t| word.contains(t.source.split_whitespace().next().unwrap_or("")))
            .map(|t| format!("{} ({})", t.claim, t.how))
            .collect();
        how.dedup();
        let _ = write!(out, "<mark title=\"{}\">{}</mark>", esc(&how.join(", ")), esc(word));
        at = r.end;
    }
    out.push_str(&esc(&e.text[at..]));
    out.push_str("</blockquote></div>");
}

/// Escapes text for HTML content and attribute values; control characters
/// that HTML does not allow become U+FFFD.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

const HEAD: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>claimcheck report</title>
<style>
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --sup: #1a7f37; --sup-bg: #dafbe1; --con: #cf222e; --con-bg: #ffebe9;
  --dis: #9a6700; --dis-bg: #fff8c5; --uns: #59636e; --uns-bg: #eff2f5;
  --men: #0969da; --men-bg: #ddf4ff; --mark: #fff1a8;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body {
  margin: 0 auto; max-width: 1280px; padding: 20px 24px 40px; color: var(--fg); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic",
    "Geeza Pro", "Arabic Typesetting", Tahoma, "DejaVu Sans", Arial, sans-serif;
}
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; }
.summary { color: var(--muted); margin: 0 0 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin-bottom: 14px; }
.card {
  display: flex; flex-direction: column; align-items: flex-start; min-width: 120px; padding: 10px 14px;
  border: 1px solid var(--line); border-top: 4px solid var(--muted); border-radius: 8px; background: #fff;
  font: inherit; color: inherit; cursor: pointer; text-align: start;
}
.card .n { font-size: 26px; font-weight: 700; line-height: 1.1; }
.card .l { color: var(--muted); }
.card[aria-pressed="true"] { background: var(--soft); box-shadow: inset 0 0 0 2px var(--fg); }
.card.f-supported { border-top-color: var(--sup); } .card.f-contradicted { border-top-color: var(--con); }
.card.f-disputed { border-top-color: var(--dis); } .card.f-unsourced { border-top-color: var(--uns); }
.card.f-failing { border-top-color: var(--con); } .card.f-failing .n { color: var(--con); }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-bottom: 12px; }
.controls input { flex: 1 1 320px; padding: 7px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
.controls button { padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--soft); font: inherit; cursor: pointer; }
#shown { color: var(--muted); }
table { width: 100%; border-collapse: collapse; }
th { text-align: start; font-size: 13px; color: var(--muted); border-bottom: 2px solid var(--line); padding: 6px 8px; }
td { vertical-align: top; padding: 8px; }
tbody.claim { border-bottom: 1px solid var(--line); }
tr.detail td { padding-top: 0; }
.c-claim { width: 44%; }
.id a { font-weight: 600; color: var(--fg); text-decoration: none; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; }
.place { color: var(--muted); font-size: 12px; }
.text { margin-top: 2px; }
.failures { margin: 6px 0 0; padding-inline-start: 18px; color: var(--con); font-size: 13px; }
.verdict, .result, .badge, .chip, .stance {
  display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap;
  margin: 1px 2px 1px 0;
}
.v-supported, .s-supports.chip, .stance.s-supports { background: var(--sup-bg); color: var(--sup); }
.v-contradicted, .s-contradicts.chip, .stance.s-contradicts { background: var(--con-bg); color: var(--con); }
.v-disputed { background: var(--dis-bg); color: var(--dis); }
.v-unsourced { background: var(--uns-bg); color: var(--uns); }
.stance.s-mentions { background: var(--men-bg); color: var(--men); }
.expect { color: var(--con); font-size: 12px; margin-top: 3px; }
.star { color: var(--fg); margin-inline-start: 1px; }
.result.pass { background: var(--sup-bg); color: var(--sup); }
.result.fail { background: var(--con); color: #fff; }
.badge { font-weight: 500; border: 1px solid var(--line); background: var(--soft); color: var(--fg); }
.badge.c-confirms, .badge.q-found { border-color: #aceebb; background: var(--sup-bg); color: var(--sup); }
.badge.c-contradicts, .badge.c-missing, .badge.q-not-found { border-color: #ffcecb; background: var(--con-bg); color: var(--con); }
.badge.c-mentions, .badge.c-silent { border-color: #f5e0a0; background: var(--dis-bg); color: var(--dis); }
.badge.reason.contra { border-color: var(--con); background: var(--con); color: #fff; }
.badge.cited { background: #fff; }
.none { color: var(--muted); }
details { margin: 0 0 6px; }
summary { cursor: pointer; color: var(--muted); font-size: 13px; }
.note { margin: 6px 0; padding: 6px 10px; background: var(--soft); border-radius: 6px; font-size: 13px; }
.passage { margin: 8px 0; }
.meta { font-size: 13px; }
.src { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
blockquote {
  margin: 4px 0 0; padding: 6px 12px; border-inline-start: 4px solid var(--line); background: #fcfcfd;
  text-align: start; line-height: 1.8; font-size: 15px; unicode-bidi: plaintext;
}
.s-supports blockquote { border-inline-start-color: var(--sup); }
.s-contradicts blockquote { border-inline-start-color: var(--con); }
.s-mentions blockquote { border-inline-start-color: var(--men); }
mark { background: var(--mark); color: inherit; padding: 0 1px; border-radius: 2px; }
.sources ul { padding-inline-start: 18px; }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
</style>
</head>
<body>
"#;

const SCRIPT: &str = r#"<script>
(function () {
  "use strict";
  function fold(s) {
    return s.toLowerCase().normalize("NFKD")
      .replace(/[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640]/g, "")
      .replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627")
      .replace(/\u0649/g, "\u064a")
      .replace(/\u0629/g, "\u0647");
  }
  var claims = Array.prototype.slice.call(document.querySelectorAll("tbody.claim"));
  var texts = claims.map(function (c) { return fold(c.getAttribute("data-text") || ""); });
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  var q = document.getElementById("q");
  var shown = document.getElementById("shown");
  var filter = "all";
  function apply() {
    var words = fold(q.value).split(/\s+/).filter(Boolean);
    var n = 0;
    claims.forEach(function (c, i) {
      var ok = filter === "all" ||
        (filter === "failing" ? c.getAttribute("data-pass") === "false" : c.getAttribute("data-verdict") === filter);
      ok = ok && words.every(function (w) { return texts[i].indexOf(w) >= 0; });
      c.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = n + " of " + claims.length + " claims shown";
    cards.forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-filter") === filter));
    });
  }
  cards.forEach(function (b) {
    b.addEventListener("click", function () {
      var f = b.getAttribute("data-filter");
      filter = (filter === f) ? "all" : f;
      apply();
    });
  });
  q.addEventListener("input", apply);
  function setOpen(open) {
    claims.forEach(function (c) {
      if (!c.hidden) { c.querySelectorAll("details").forEach(function (d) { d.open = open; }); }
    });
  }
  document.getElementById("expand").addEventListener("click", function () { setOpen(true); });
  document.getElementById("collapse").addEventListener("click", function () { setOpen(false); });
  apply();
})();
</script>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_paths() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(esc("a\u{0}b"), "a\u{FFFD}b");
        assert_eq!(uri_path("seeds/a b#1.txt"), "seeds/a%20b%231.txt");
        assert_eq!(uri_path("مصادر/x.txt"), "%D9%85%D8%B5%D8%A7%D8%AF%D8%B1/x.txt");
    }
}
