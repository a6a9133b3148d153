//! The `check --explain <ID>` view as text: one claim, its units, and per
//! source the passages with their aligned words, rules and decision.
//!
//! Renders an [`Explanation`] and nothing else (JSON is its serde form).

use crate::explain::Explanation;
use std::fmt::Write;

/// Renders an explanation as plain text.
pub fn text(e: &Explanation) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "claim {} ({}:{})", e.id, e.file, e.line);
    for (i, w) in e.wordings.iter().enumerate() {
        let name = if i == 0 {
            "claim".to_string()
        } else {
            format!("also #{i}")
        };
        let _ = writeln!(out, "  {name}: {}", w.text);
        let units: Vec<String> = w
            .units
            .iter()
            .map(|u| {
                let mut flags = Vec::new();
                if u.kind == "number" {
                    flags.push("number");
                }
                if u.key {
                    flags.push("key");
                }
                if u.predicate {
                    flags.push("predicate");
                }
                let flags = if flags.is_empty() {
                    String::new()
                } else {
                    format!(" {}", flags.join(" "))
                };
                format!("{} (w {:.2}{flags})", u.label, u.weight)
            })
            .collect();
        let _ = writeln!(out, "    units: {}", units.join(" · "));
    }
    let t = &e.thresholds;
    let _ = writeln!(
        out,
        "  thresholds: support {:.2} (without predicate {:.2}, translated {:.2}, headline {:.2}), contradict {:.2} (on the predicate {:.2}, headline {:.2}), mention {:.2}",
        t.support, t.support_without_predicate, t.support_translated, t.support_headline, t.contradict, t.contradict_predicate, t.contradict_headline, t.mention
    );
    if let Some(why) = &e.not_judged {
        let _ = writeln!(out, "\n{why}");
    }
    if e.sources.is_empty() && e.not_judged.is_none() {
        let _ = writeln!(out, "\nno source bears on this claim");
    }
    for s in &e.sources {
        let stance = s.stance.map_or("silent", |st| st.as_str());
        let _ = writeln!(out, "\nsource {} ({}): {stance}", s.source, s.path);
        for p in &s.passages {
            let by = if p.wording == 0 {
                "claim".to_string()
            } else {
                format!("also #{}", p.wording)
            };
            let _ = writeln!(
                out,
                "  line {} [{}..{}] score {:.2} via {by}",
                p.line, p.start, p.end, p.score
            );
            let _ = writeln!(out, "    {}", super::trim_text(&p.text, 400));
            let width = p.alignment.iter().map(|a| a.claim.chars().count()).max().unwrap_or(0);
            for a in &p.alignment {
                let pad = " ".repeat(width - a.claim.chars().count());
                match (&a.passage, &a.how) {
                    (Some(w), Some(how)) => {
                        let _ = writeln!(
                            out,
                            "    {}{pad}  w {:.2}  = {w}  ({how}, {:.2})",
                            a.claim, a.weight, a.strength
                        );
                    }
                    _ => {
                        let _ = writeln!(out, "    {}{pad}  w {:.2}  — not found", a.claim, a.weight);
                    }
                }
            }
            if !p.reasons.is_empty() {
                let _ = writeln!(out, "    rules: {}", p.reasons.join("; "));
            }
            let _ = writeln!(out, "    decision: {}", p.decision);
        }
    }
    out
}
