//! SARIF 2.1.0, for code-scanning viewers (GitHub code scanning, VS Code's
//! SARIF viewer, Azure DevOps).
//!
//! One run whose tool is `claimcheck` with one rule per failure kind
//! ([`FailureKind`]: `contradicted`, `disputed`, `unsourced`,
//! `unexpected-verdict`, `citation-contradicts`, `citation-mentions`,
//! `citation-silent`, `citation-missing`, `quote-not-found`, and
//! `claim-fails` for a sentence this version cannot classify). Each failure
//! of a failing claim is one `error` result at the claim's line in its claims
//! file, its message the claim id and the failure sentence. A
//! `partialFingerprints` entry (file, claim id, rule, ordinal) lets viewers
//! follow a result when lines move. Passing claims give no result.

use super::failures::{classify, FailureKind};
use super::uri_path;
use crate::report::Report;
use serde::Serialize;
use std::collections::BTreeMap;

/// The schema URI written in `$schema` (the OASIS errata 01 schema).
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
struct Run {
    tool: Tool,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    properties: Properties,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties {
    claim_id: String,
    verdict: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    citation: Option<String>,
}

/// Renders the SARIF log, pretty-printed, with a final newline.
pub fn render(report: &Report) -> String {
    let rules = FailureKind::ALL
        .iter()
        .map(|k| Rule {
            id: k.id(),
            name: k.name(),
            short_description: Text {
                text: k.description().to_string(),
            },
            full_description: Text {
                text: format!("{} Reported at the claim's line in its claims file.", k.description()),
            },
            help: Text {
                text: k.help().to_string(),
            },
            default_configuration: Configuration { level: "error" },
        })
        .collect();
    let mut results = Vec::new();
    for c in &report.claims {
        let mut seen: BTreeMap<FailureKind, usize> = BTreeMap::new();
        for f in classify(c) {
            let ordinal = seen.entry(f.kind).or_default();
            *ordinal += 1;
            results.push(SarifResult {
                rule_id: f.kind.id(),
                rule_index: FailureKind::ALL.iter().position(|k| *k == f.kind).unwrap_or(0),
                level: "error",
                message: Text {
                    text: format!("{}: {}", c.id, f.message),
                },
                locations: vec![Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation { uri: uri_path(&c.file) },
                        region: Region {
                            start_line: c.line.max(1),
                        },
                    },
                }],
                partial_fingerprints: BTreeMap::from([(
                    "claimcheckClaim/v1",
                    format!("{}:{}:{}:{}", c.file, c.id, f.kind.id(), ordinal),
                )]),
                properties: Properties {
                    claim_id: c.id.clone(),
                    verdict: c.verdict.as_str(),
                    citation: f.citation.map(|x| x.source.clone()),
                },
            });
        }
    }
    let log = Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "claimcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).expect("a SARIF log always serializes");
    s.push('\n');
    s
}
