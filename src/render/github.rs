//! GitHub Actions workflow commands, so failures show on the claims file in
//! a pull request.
//!
//! One `::error file=F,line=L,title=claimcheck RULE: ID::MESSAGE` line per
//! failure of a failing claim (rule ids as in [`super::failures`]), then the
//! summary line as plain log text. Passing claims give no annotation. Escaping
//! follows the runner's rules: in the message `%`, `\r` and `\n` become
//! `%25`, `%0D` and `%0A`; in property values `:` and `,` also become `%3A`
//! and `%2C`.

use super::failures::classify;
use crate::report::Report;
use std::fmt::Write;

/// Renders the workflow commands.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for c in &report.claims {
        for f in classify(c) {
            let _ = writeln!(
                out,
                "::error file={},line={},title={}::{}",
                property(&c.file),
                c.line.max(1),
                property(&format!("claimcheck {}: {}", f.kind, c.id)),
                data(f.message)
            );
        }
    }
    out.push_str(&report.summary.line());
    out.push('\n');
    out
}

/// Escapes a command's message.
pub fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a command property value.
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_runner() {
        assert_eq!(data("5% up\r\nnext: a, b"), "5%25 up%0D%0Anext: a, b");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
