//! schema.org ClaimReview JSON-LD, for publishing to fact-check aggregators.
//!
//! An array with one `ClaimReview` per claim: `claimReviewed` is the claim's
//! wording, `reviewRating` the verdict on the scale below, `itemReviewed` a
//! `Claim` whose `appearance` lists the sources that take a side on it
//! (supporting or contradicting; as `CreativeWork` with the source's title as
//! `name` and its path as `url`), `author` the organization `claimcheck`, and
//! `reviewBody` one sentence naming the sources behind the verdict.
//!
//! # Rating scale
//!
//! `worstRating` 1, `bestRating` 5, the usual five-point fact-check scale,
//! read as "how far the sources establish the claim":
//!
//! | verdict | `ratingValue` | `alternateName` | why |
//! | --- | --- | --- | --- |
//! | `supported` | 5 | True | a source supports it and none contradicts it |
//! | `disputed` | 3 | Mixture | sources both support and contradict it |
//! | `unsourced` | 3 | Unproven | no source settles it either way |
//! | `contradicted` | 1 | False | a source contradicts it and none supports it |
//!
//! `unsourced` sits at the midpoint with `disputed` because neither is a
//! finding of truth or falsity; the `alternateName` tells them apart, and is
//! what aggregators display. The points 2 and 4 (mostly false, mostly true)
//! stay unused: the checker makes no such graded judgement.

use crate::report::{ClaimReport, Report};
use crate::verdict::{Stance, Verdict};
use serde::Serialize;

/// The rating of a verdict: (`ratingValue`, `alternateName`).
pub fn rating(v: Verdict) -> (u8, &'static str) {
    match v {
        Verdict::Supported => (5, "True"),
        Verdict::Disputed => (3, "Mixture"),
        Verdict::Unsourced => (3, "Unproven"),
        Verdict::Contradicted => (1, "False"),
    }
}

/// The worst rating on the scale.
pub const WORST: u8 = 1;
/// The best rating on the scale.
pub const BEST: u8 = 5;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClaimReview {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    identifier: String,
    claim_reviewed: String,
    review_rating: Rating,
    item_reviewed: Claim,
    author: Organization,
    review_body: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rating {
    #[serde(rename = "@type")]
    kind: &'static str,
    rating_value: u8,
    best_rating: u8,
    worst_rating: u8,
    alternate_name: &'static str,
}

#[derive(Serialize)]
struct Claim {
    #[serde(rename = "@type")]
    kind: &'static str,
    appearance: Vec<CreativeWork>,
}

#[derive(Serialize)]
struct CreativeWork {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    url: String,
}

#[derive(Serialize)]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'static str,
}

/// Renders the JSON-LD array, pretty-printed, with a final newline.
pub fn render(report: &Report) -> String {
    let reviews: Vec<ClaimReview> = report.claims.iter().map(|c| review(report, c)).collect();
    let mut s = serde_json::to_string_pretty(&reviews).expect("ClaimReview always serializes");
    s.push('\n');
    s
}

fn review(report: &Report, c: &ClaimReport) -> ClaimReview {
    let (value, name) = rating(c.verdict);
    let appearance = c
        .sources
        .iter()
        .filter(|s| matches!(s.stance, Stance::Supports | Stance::Contradicts))
        .filter_map(|s| report.sources.iter().find(|x| *x.id == *s.source))
        .map(|src| CreativeWork {
            kind: "CreativeWork",
            name: src.title.clone(),
            url: super::uri_path(&src.path),
        })
        .collect();
    ClaimReview {
        context: "https://schema.org",
        kind: "ClaimReview",
        identifier: format!("{}#{}", c.file, c.id),
        claim_reviewed: c.claim.clone(),
        review_rating: Rating {
            kind: "Rating",
            rating_value: value,
            best_rating: BEST,
            worst_rating: WORST,
            alternate_name: name,
        },
        item_reviewed: Claim {
            kind: "Claim",
            appearance,
        },
        author: Organization {
            kind: "Organization",
            name: "claimcheck",
        },
        review_body: body(c),
    }
}

fn body(c: &ClaimReport) -> String {
    let list = |stance: Stance| {
        c.sources
            .iter()
            .filter(|s| s.stance == stance)
            .map(|s| &*s.source)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match c.verdict {
        Verdict::Supported => format!("Supported by {}; no source contradicts it.", list(Stance::Supports)),
        Verdict::Contradicted => format!("Contradicted by {}; no source supports it.", list(Stance::Contradicts)),
        Verdict::Disputed => format!(
            "Disputed: supported by {} but contradicted by {}.",
            list(Stance::Supports),
            list(Stance::Contradicts)
        ),
        Verdict::Unsourced => "Unsourced: no source supports or contradicts it.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rating_lies_on_the_scale() {
        for v in Verdict::ALL {
            let (value, _) = rating(v);
            assert!((WORST..=BEST).contains(&value), "{v}");
        }
    }
}
