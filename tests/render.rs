//! Every report format on one shared fixture report.
//!
//! `tests/data/render/report.json` is a real `claimcheck check --format json`
//! report of two claims files against the seed articles, trimmed to at most
//! three sources per claim and edited so that it holds every verdict: Arabic
//! passages and terms (one crossing a line break), a passing and a failing
//! claim of each kind, an `expect` mismatch, a citation that is silent, one
//! that only mentions, one that is missing, a quote that is not found, and a
//! claim and a source title with `<script>`, `|`, `&`, `*` and quotes in them.
//! Each format has an insta snapshot in `tests/snapshots/` and escaping
//! tests; SARIF is validated against the vendored SARIF 2.1.0 JSON schema.

use claimcheck::render::{self, failures, Format, RenderOptions};
use claimcheck::report::Report;
use serde_json::Value;

fn fixture() -> Report {
    serde_json::from_str(include_str!("data/render/report.json")).expect("the fixture is a report")
}

fn render(format: Format, opts: RenderOptions) -> String {
    render::render(&fixture(), format, &opts)
}

fn plain() -> RenderOptions {
    RenderOptions {
        evidence: false,
        color: false,
        width: Some(110),
    }
}

fn with_evidence() -> RenderOptions {
    RenderOptions {
        evidence: true,
        ..plain()
    }
}

const SCRIPT_CLAIM: &str = "budget-script";

#[test]
fn the_fixture_holds_every_case() {
    let r = fixture();
    use claimcheck::verdict::{CitationStatus, QuoteStatus, Verdict};
    for v in Verdict::ALL {
        assert!(r.claims.iter().any(|c| c.verdict == v), "no {v} claim");
    }
    assert!(r.claims.iter().any(|c| !c.pass) && r.claims.iter().any(|c| c.pass));
    let cites: Vec<_> = r.claims.iter().flat_map(|c| &c.citations).collect();
    assert!(cites.iter().any(|c| c.status == CitationStatus::Missing));
    assert!(cites
        .iter()
        .any(|c| c.quote.as_ref().is_some_and(|q| q.status == QuoteStatus::NotFound)));
    let c = r.claims.iter().find(|c| c.id == SCRIPT_CLAIM).unwrap();
    assert!(c.claim.contains("<script>") && c.claim.contains('|'));
    assert_eq!(r.summary, claimcheck::report::Summary::of(&r.claims));
}

#[test]
fn every_format_renders_deterministically() {
    for name in Format::NAMES {
        let f = Format::parse(name).unwrap();
        let a = render(f, with_evidence());
        let b = render(f, with_evidence());
        assert_eq!(a, b, "{name}");
        assert!(a.ends_with('\n'), "{name} ends without a newline");
    }
}

// ---------------------------------------------------------------- table

#[test]
fn table_snapshot() {
    insta::assert_snapshot!("table", render(Format::Table, plain()));
}

#[test]
fn table_colors_only_when_asked() {
    for evidence in [false, true] {
        let out = render(Format::Table, RenderOptions { evidence, ..plain() });
        assert!(!out.contains('\u{1b}'), "ANSI escape without color");
        assert!(out.trim_end().ends_with(&fixture().summary.line()), "no summary line");
    }
    let colored = render(Format::Table, RenderOptions { color: true, ..plain() });
    assert!(colored.contains("\u{1b}["), "no color with color on");
}

// ------------------------------------------------------------- markdown

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!("markdown", render(Format::Markdown, with_evidence()));
}

#[test]
fn markdown_evidence_only_when_asked() {
    let out = render(Format::Markdown, plain());
    assert!(!out.contains("<details>"));
    let out = render(Format::Markdown, with_evidence());
    assert_eq!(out.matches("<details>").count(), fixture().claims.len());
    assert_eq!(out.matches("<details>").count(), out.matches("</details>").count());
}

/// Pipes that end a table cell: not preceded by a backslash.
fn cell_pipes(line: &str) -> usize {
    let b = line.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
        .count()
}

#[test]
fn markdown_claim_text_cannot_break_the_table_or_inject_html() {
    let out = render(Format::Markdown, with_evidence());
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(
        rows.len(),
        2 * 2 + fixture().claims.len(),
        "header, rule and one row per claim"
    );
    for row in &rows {
        assert_eq!(cell_pipes(row), 8, "a row with 7 cells: {row}");
    }
    let row = rows.iter().find(|r| r.contains(SCRIPT_CLAIM)).unwrap();
    assert!(
        row.contains("&lt;script&gt;alert(\"budget\")&lt;/script&gt; rose \\| fell"),
        "{row}"
    );
    assert!(!out.contains("<script"), "raw <script> in Markdown");
    assert!(out.contains("\\*more\\*"), "emphasis not escaped");
    // The note's link and code are shown as text.
    assert!(out.contains("\\[link\\](http://x)") && out.contains("\\`code\\`"));
}

#[test]
fn markdown_trims_long_passages_around_the_matches() {
    let out = render(Format::Markdown, with_evidence());
    let quotes: Vec<&str> = out.lines().filter(|l| l.trim_start().starts_with("> ")).collect();
    assert!(!quotes.is_empty());
    assert!(quotes.iter().any(|q| q.contains('…')), "no passage was trimmed");
    for q in &quotes {
        // 280 characters plus escapes, bold markers and ellipses.
        assert!(q.chars().count() < 420, "passage too long: {q}");
    }
    // The matched Arabic words are in bold.
    assert!(out.contains("**باتريوت**"), "matched word not in bold");
}

// ----------------------------------------------------------------- html

#[test]
fn html_snapshot() {
    insta::assert_snapshot!("html", render(Format::Html, plain()));
}

#[test]
fn html_escapes_everything_and_keeps_to_itself() {
    let out = render(Format::Html, plain());
    assert_eq!(out.matches("<script").count(), 1, "only the page's own script");
    assert!(out.contains("&lt;script&gt;alert(&quot;budget&quot;)&lt;/script&gt; rose | fell by 5% &amp; *more*"));
    // The source title with `<فتور>` and `&`.
    assert!(out.contains("الجزائر &amp; روسيا: &lt;فتور&gt; في العلاقات"));
    assert!(!out.contains("<فتور>"));
    // Self-contained: nothing fetched.
    for needle in ["src=\"http", "href=\"http", "@import", "url(", "<link"] {
        assert!(!out.contains(needle), "{needle}");
    }
    assert!(out.contains("Content-Security-Policy"));
}

#[test]
fn html_shows_claims_passages_highlights_and_links() {
    let r = fixture();
    let out = render(Format::Html, plain());
    for c in &r.claims {
        assert!(out.contains(&format!(">{}</a>", c.id)), "claim {} missing", c.id);
    }
    let passages: usize = r.claims.iter().flat_map(|c| &c.sources).map(|s| s.evidence.len()).sum();
    assert_eq!(out.matches("<blockquote dir=\"auto\">").count(), passages);
    assert!(out.contains("<mark title=\"باتريوت (exact)\">باتريوت</mark>"));
    // The term that crosses a line break is still found.
    assert!(out.contains(">ز\nيـارة</mark>"), "line-crossing term not highlighted");
    assert!(out.contains("href=\"seeds/000_3f771042d9a5faa8.txt#L16\""));
    assert!(out.contains("<span class=\"badge reason contra\"><bdi>negation دون</bdi></span>"));
    assert!(out.contains("Noto Sans Arabic"));
}

// ---------------------------------------------------------------- junit

#[test]
fn junit_snapshot() {
    insta::assert_snapshot!("junit", render(Format::Junit, plain()));
}

/// A small well-formedness check for the XML this crate writes (no
/// comments, CDATA or DTD): tags balance, attributes are quoted, and every
/// `&` starts a known entity or a character reference.
fn assert_well_formed_xml(xml: &str) {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .expect("XML declaration");
    let mut stack: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find(['<', '&', '>']) {
        check_text(&rest[..i]);
        let c = rest.as_bytes()[i];
        assert_ne!(c, b'>', "raw `>` in text near {:?}", &rest[i.saturating_sub(40)..i]);
        if c == b'&' {
            let end = rest[i..].find(';').expect("unterminated entity") + i;
            let name = &rest[i + 1..end];
            let known = ["amp", "lt", "gt", "quot", "apos"].contains(&name)
                || (name.starts_with('#') && name[1..].chars().all(|c| c.is_ascii_digit()));
            assert!(known, "unknown entity &{name};");
            rest = &rest[end + 1..];
            continue;
        }
        let end = rest[i..].find('>').expect("unterminated tag") + i;
        let tag = &rest[i + 1..end];
        assert!(!tag.contains('<'), "`<` inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
        } else {
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name = tag.split_whitespace().next().expect("tag name");
            let mut attrs = tag[name.len()..].trim();
            while !attrs.is_empty() {
                let eq = attrs.find("=\"").expect("attribute without a quoted value");
                let close = attrs[eq + 2..].find('"').expect("unterminated attribute") + eq + 2;
                let value = &attrs[eq + 2..close];
                assert!(!value.contains(['<', '\n']), "unescaped attribute value {value:?}");
                let mut v = value;
                while let Some(a) = v.find('&') {
                    let e = v[a..].find(';').expect("entity") + a;
                    v = &v[e + 1..];
                }
                attrs = attrs[close + 1..].trim_start();
            }
            if !self_closing {
                stack.push(name.to_string());
            }
        }
        rest = &rest[end + 1..];
    }
    check_text(rest);
    assert!(stack.is_empty(), "unclosed {stack:?}");

    fn check_text(t: &str) {
        for c in t.chars() {
            let ok = matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}');
            assert!(ok, "character {c:?} not allowed in XML");
        }
    }
}

#[test]
fn junit_is_well_formed_and_escaped() {
    let r = fixture();
    let out = render(Format::Junit, plain());
    assert_well_formed_xml(&out);
    let files: std::collections::BTreeSet<&str> = r.claims.iter().map(|c| c.file.as_str()).collect();
    assert_eq!(out.matches("<testsuite ").count(), files.len());
    assert_eq!(out.matches("<testcase ").count(), r.claims.len());
    assert_eq!(out.matches("<failure ").count(), r.summary.failing);
    assert_eq!(out.matches("<system-out>").count(), r.claims.len() - r.summary.failing);
    assert!(out.contains("claim: The &lt;script&gt;alert(\"budget\")&lt;/script&gt; rose | fell by 5% &amp; *more*"));
    assert!(out.contains(
        "<testcase name=\"s500-delivered\" classname=\"claims/maghreb.yaml\" file=\"claims/maghreb.yaml\" line=\"18\">"
    ));
    // A hostile claim id and file still give well-formed XML.
    let mut hostile = fixture();
    hostile.claims[1].id = "a\"<b>&'\u{1}\n".into();
    hostile.claims[1].file = "x\"y<z>.yaml".into();
    hostile.claims[1].failures[0] = "]]> & <\"'> \u{0}".into();
    let out = render::render(&hostile, Format::Junit, &plain());
    assert_well_formed_xml(&out);
}

// ---------------------------------------------------------------- sarif

#[test]
fn sarif_snapshot() {
    insta::assert_snapshot!("sarif", render(Format::Sarif, plain()));
}

#[test]
fn sarif_has_one_result_per_failure_with_its_rule() {
    let r = fixture();
    let log: Value = serde_json::from_str(&render(Format::Sarif, plain())).unwrap();
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "claimcheck");
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    for id in [
        "contradicted",
        "disputed",
        "unsourced",
        "unexpected-verdict",
        "citation-contradicts",
        "citation-mentions",
        "citation-silent",
        "citation-missing",
        "quote-not-found",
    ] {
        assert!(rules.contains(&id), "rule {id}");
    }
    let results = run["results"].as_array().unwrap();
    let failures: usize = r.claims.iter().filter(|c| !c.pass).map(|c| c.failures.len()).sum();
    assert_eq!(results.len(), failures);
    for res in results {
        let index = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(res["ruleId"], rules[index]);
    }
    let ids = |claim: &str| -> Vec<&str> {
        results
            .iter()
            .filter(|x| x["properties"]["claimId"] == claim)
            .map(|x| x["ruleId"].as_str().unwrap())
            .collect()
    };
    assert_eq!(ids("s500-delivered"), ["contradicted", "citation-contradicts"]);
    assert_eq!(ids("algeria-russia-growing"), ["disputed", "citation-contradicts"]);
    assert_eq!(ids("kochavi-first-visit"), ["unexpected-verdict"]);
    assert_eq!(ids("lapid-liaison-office"), ["citation-silent"]);
    assert_eq!(
        ids("gantz-mou-important"),
        ["unsourced", "citation-mentions", "citation-missing"]
    );
    assert_eq!(ids(SCRIPT_CLAIM), ["unsourced", "citation-silent", "quote-not-found"]);
    let first = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(first["artifactLocation"]["uri"], "claims/maghreb.yaml");
    assert_eq!(first["region"]["startLine"], 18);
    // The classification agrees with the library's.
    let kinds: usize = r.claims.iter().map(|c| failures::classify(c).len()).sum();
    assert_eq!(kinds, results.len());
}

#[test]
fn sarif_validates_against_the_sarif_2_1_0_schema() {
    let schema: Value = serde_json::from_str(include_str!("data/render/sarif-schema-2.1.0.json")).unwrap();
    assert_eq!(
        schema["id"],
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    );
    let log: Value = serde_json::from_str(&render(Format::Sarif, plain())).unwrap();
    let errors = schema::validate(&schema, &log);
    assert!(errors.is_empty(), "{errors:#?}");
    // An empty report is valid too.
    let mut empty = fixture();
    empty.claims.clear();
    empty.summary = claimcheck::report::Summary::of(&empty.claims);
    let log: Value = serde_json::from_str(&render::render(&empty, Format::Sarif, &plain())).unwrap();
    assert!(schema::validate(&schema, &log).is_empty());
}

#[test]
fn the_schema_validator_rejects_broken_logs() {
    let schema: Value = serde_json::from_str(include_str!("data/render/sarif-schema-2.1.0.json")).unwrap();
    let log: Value = serde_json::from_str(&render(Format::Sarif, plain())).unwrap();
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut l = log.clone();
        f(&mut l);
        schema::validate(&schema, &l)
    };
    type Breaker<'a> = &'a dyn Fn(&mut Value);
    let cases: [(&str, Breaker); 6] = [
        ("no version", &|l| {
            l.as_object_mut().unwrap().remove("version");
        }),
        ("wrong version", &|l| l["version"] = "2.0.0".into()),
        ("unknown level", &|l| {
            l["runs"][0]["results"][0]["level"] = "fatal".into()
        }),
        ("line 0", &|l| {
            l["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into()
        }),
        ("unknown property", &|l| {
            l["runs"][0]["results"][0]["ruleName"] = "x".into()
        }),
        ("message without text", &|l| {
            l["runs"][0]["results"][0]["message"] = serde_json::json!({});
        }),
    ];
    for (what, f) in cases {
        assert!(!broken(f).is_empty(), "{what} passed the schema");
    }
}

/// A JSON Schema draft-04 validator for the keywords the SARIF 2.1.0 schema
/// uses. Any other keyword, pattern or format makes it panic, so it can
/// never pass a document by ignoring part of the schema.
mod schema {
    use serde_json::Value;

    pub fn validate(schema: &Value, instance: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        check(schema, schema, instance, "$", &mut errors);
        errors
    }

    fn resolve<'a>(root: &'a Value, reference: &str) -> &'a Value {
        let pointer = reference
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("remote $ref {reference}"));
        root.pointer(pointer)
            .unwrap_or_else(|| panic!("dangling $ref {reference}"))
    }

    fn type_ok(t: &str, v: &Value) -> bool {
        match t {
            "object" => v.is_object(),
            "array" => v.is_array(),
            "string" => v.is_string(),
            "boolean" => v.is_boolean(),
            "null" => v.is_null(),
            "number" => v.is_number(),
            "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
            other => panic!("unknown type {other}"),
        }
    }

    fn pattern_ok(pattern: &str, s: &str) -> bool {
        let hex = |s: &str, n: usize| s.len() == n && s.chars().all(|c| c.is_ascii_hexdigit());
        match pattern {
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$" => {
                let p: Vec<&str> = s.split('-').collect();
                p.len() == 5
                    && hex(p[0], 8)
                    && hex(p[1], 4)
                    && hex(p[2], 4)
                    && ('1'..='5').contains(&p[2].chars().next().unwrap())
                    && hex(p[3], 4)
                    && "89abAB".contains(p[3].chars().next().unwrap())
                    && hex(p[4], 12)
            }
            // Unanchored: somewhere four dot-separated numbers.
            "[0-9]+(\\.[0-9]+){3}" => s.split(|c: char| !c.is_ascii_digit() && c != '.').any(|w| {
                w.split('.')
                    .collect::<Vec<_>>()
                    .windows(4)
                    .any(|x| x.iter().all(|p| !p.is_empty()))
            }),
            "[^/]+/.+" => s.find('/').is_some_and(|i| i > 0 && i + 1 < s.len()),
            "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$" => {
                let p: Vec<&str> = s.split('-').collect();
                let two = |x: &str| x.len() == 2 && x.chars().all(|c| c.is_ascii_alphabetic());
                (p.len() == 1 && two(p[0])) || (p.len() == 2 && two(p[0]) && two(p[1]))
            }
            other => panic!("pattern {other} not implemented"),
        }
    }

    fn format_ok(format: &str, s: &str) -> bool {
        let clean = !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        let scheme = |s: &str| {
            s.split_once(':').is_some_and(|(scheme, _)| {
                scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            })
        };
        match format {
            "uri" => clean && scheme(s),
            "uri-reference" => clean,
            "date-time" => s.len() >= 20 && s.as_bytes()[10] == b'T',
            other => panic!("format {other} not implemented"),
        }
    }

    fn check(root: &Value, schema: &Value, v: &Value, at: &str, errors: &mut Vec<String>) {
        let schema = schema.as_object().expect("a schema is an object");
        if let Some(r) = schema.get("$ref") {
            // Draft 4: `$ref` replaces its siblings.
            return check(root, resolve(root, r.as_str().unwrap()), v, at, errors);
        }
        for (key, value) in schema {
            match key.as_str() {
                "$schema" | "id" | "title" | "description" | "default" | "definitions" => {}
                "type" => {
                    let ok = match value {
                        Value::String(t) => type_ok(t, v),
                        Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)),
                        _ => panic!("bad type"),
                    };
                    if !ok {
                        errors.push(format!("{at}: not of type {value}"));
                    }
                }
                "enum" => {
                    if !value.as_array().unwrap().contains(v) {
                        errors.push(format!("{at}: {v} not in {value}"));
                    }
                }
                "properties" | "additionalProperties" | "required" => {
                    let Some(obj) = v.as_object() else { continue };
                    let props = schema.get("properties").and_then(Value::as_object);
                    match key.as_str() {
                        "properties" => {
                            for (name, sub) in props.unwrap() {
                                if let Some(x) = obj.get(name) {
                                    check(root, sub, x, &format!("{at}.{name}"), errors);
                                }
                            }
                        }
                        "required" => {
                            for name in value.as_array().unwrap() {
                                if !obj.contains_key(name.as_str().unwrap()) {
                                    errors.push(format!("{at}: missing required {name}"));
                                }
                            }
                        }
                        _ => {
                            for (name, x) in obj {
                                if props.is_some_and(|p| p.contains_key(name)) {
                                    continue;
                                }
                                match value {
                                    Value::Bool(false) => errors.push(format!("{at}: unexpected property {name}")),
                                    Value::Bool(true) => {}
                                    sub => check(root, sub, x, &format!("{at}.{name}"), errors),
                                }
                            }
                        }
                    }
                }
                "items" => {
                    if let Some(items) = v.as_array() {
                        for (i, x) in items.iter().enumerate() {
                            check(root, value, x, &format!("{at}[{i}]"), errors);
                        }
                    }
                }
                "minItems" => {
                    if v.as_array().is_some_and(|a| (a.len() as u64) < value.as_u64().unwrap()) {
                        errors.push(format!("{at}: fewer than {value} items"));
                    }
                }
                "uniqueItems" => {
                    if let (Some(a), true) = (v.as_array(), value.as_bool().unwrap()) {
                        for (i, x) in a.iter().enumerate() {
                            if a[..i].contains(x) {
                                errors.push(format!("{at}[{i}]: duplicate item"));
                            }
                        }
                    }
                }
                "minimum" | "maximum" => {
                    if let Some(n) = v.as_f64() {
                        let bound = value.as_f64().unwrap();
                        if (key == "minimum" && n < bound) || (key == "maximum" && n > bound) {
                            errors.push(format!("{at}: {n} out of bounds ({key} {bound})"));
                        }
                    }
                }
                "pattern" => {
                    if let Some(s) = v.as_str() {
                        if !pattern_ok(value.as_str().unwrap(), s) {
                            errors.push(format!("{at}: {s:?} does not match {value}"));
                        }
                    }
                }
                "format" => {
                    if let Some(s) = v.as_str() {
                        if !format_ok(value.as_str().unwrap(), s) {
                            errors.push(format!("{at}: {s:?} is not a {value}"));
                        }
                    }
                }
                "anyOf" | "oneOf" => {
                    let passing = value
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|sub| {
                            let mut e = Vec::new();
                            check(root, sub, v, at, &mut e);
                            e.is_empty()
                        })
                        .count();
                    let ok = if key == "anyOf" { passing >= 1 } else { passing == 1 };
                    if !ok {
                        errors.push(format!("{at}: {passing} of the {key} schemas match"));
                    }
                }
                other => panic!("keyword {other} not implemented"),
            }
        }
    }
}

// --------------------------------------------------------------- github

#[test]
fn github_snapshot() {
    insta::assert_snapshot!("github", render(Format::Github, plain()));
}

#[test]
fn github_annotations_escape_properties_and_messages() {
    let r = fixture();
    let out = render(Format::Github, plain());
    let lines: Vec<&str> = out.lines().collect();
    let failures: usize = r.claims.iter().filter(|c| !c.pass).map(|c| c.failures.len()).sum();
    assert_eq!(lines.len(), failures + 1);
    for l in &lines[..failures] {
        assert!(l.starts_with("::error file=claims/"), "{l}");
        let (props, _message) = l["::error ".len()..].split_once("::").expect("two parts");
        assert_eq!(props.matches(',').count(), 2, "properties: {props}");
        assert!(props.contains("title=claimcheck "), "{props}");
        assert!(!props["title=".len()..].contains(':'), "{props}");
    }
    assert!(out.contains(
        "::error file=claims/desk.yaml,line=14,title=claimcheck quote-not-found%3A budget-script::the quote cited from `003`"
    ));
    assert_eq!(lines[failures], r.summary.line());
    // Line breaks and `%` in a message, `,` and `:` in a file name.
    let mut hostile = fixture();
    hostile.claims[1].file = "a,b:c.yaml".into();
    hostile.claims[1].failures[0] = "50% off\r\n::warning::injected".into();
    let out = render::render(&hostile, Format::Github, &plain());
    assert!(out.contains("::error file=a%2Cb%3Ac.yaml,line=18,"));
    assert!(out.contains("::50%25 off%0D%0A::warning::injected\n"));
    assert!(!out.lines().any(|l| l.starts_with("::warning")));
}

// ---------------------------------------------------------- claimreview

#[test]
fn claimreview_snapshot() {
    insta::assert_snapshot!("claimreview", render(Format::Claimreview, plain()));
}

#[test]
fn claimreview_rates_every_claim_on_the_scale() {
    let r = fixture();
    let doc: Value = serde_json::from_str(&render(Format::Claimreview, plain())).unwrap();
    let reviews = doc.as_array().unwrap();
    assert_eq!(reviews.len(), r.claims.len());
    for (rev, c) in reviews.iter().zip(&r.claims) {
        assert_eq!(rev["@context"], "https://schema.org");
        assert_eq!(rev["@type"], "ClaimReview");
        assert_eq!(rev["claimReviewed"], c.claim.as_str());
        assert_eq!(rev["author"]["@type"], "Organization");
        assert_eq!(rev["author"]["name"], "claimcheck");
        let rating = &rev["reviewRating"];
        assert_eq!(rating["@type"], "Rating");
        let (value, worst, best) = (
            rating["ratingValue"].as_u64().unwrap(),
            rating["worstRating"].as_u64().unwrap(),
            rating["bestRating"].as_u64().unwrap(),
        );
        assert!(worst <= value && value <= best, "{rating}");
        let expected = match c.verdict.as_str() {
            "supported" => "True",
            "contradicted" => "False",
            "disputed" => "Mixture",
            _ => "Unproven",
        };
        assert_eq!(rating["alternateName"], expected);
        assert_eq!(rev["itemReviewed"]["@type"], "Claim");
        for a in rev["itemReviewed"]["appearance"].as_array().unwrap() {
            assert_eq!(a["@type"], "CreativeWork");
            let src = r
                .sources
                .iter()
                .find(|s| s.path == a["url"])
                .expect("url is a source path");
            assert_eq!(a["name"], src.title.as_str());
        }
    }
    let disputed = reviews
        .iter()
        .find(|x| x["reviewRating"]["alternateName"] == "Mixture")
        .unwrap();
    assert_eq!(disputed["itemReviewed"]["appearance"].as_array().unwrap().len(), 2);
}

#[test]
fn markdown_stays_a_table_for_200_claims() {
    let mut r = fixture();
    let base = std::mem::take(&mut r.claims);
    for i in 0..200 {
        let mut c = base[i % base.len()].clone();
        c.id = format!("{}-{i}", c.id);
        r.claims.push(c);
    }
    r.summary = claimcheck::report::Summary::of(&r.claims);
    let out = render::render(&r, Format::Markdown, &plain());
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 2 * 2 + 200);
    assert!(rows.iter().all(|row| cell_pipes(row) == 8));
    let out = render::render(&r, Format::Markdown, &with_evidence());
    assert_eq!(out.matches("<details>").count(), 200);
}

#[test]
fn json_written_as_it_serializes_matches_the_rendered_string() {
    let report = fixture();
    let mut bytes = Vec::new();
    claimcheck::render::json::write(&report, &mut bytes).unwrap();
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        claimcheck::render::json::render(&report)
    );
}
