//! Segmentation of a source into passages.
//!
//! This module owns cutting a source text into passages (sentences): a
//! passage ends at `.`, `!`, `?`, `؟`, `؛`, `…` or a line break. A period
//! between two digits (`1.5`) does not end a passage, nor does an ellipsis
//! (`...`, `…`) with more words after it on its line (a pause). Every passage keeps its
//! byte span in the original file and its 1-based line, so evidence can
//! always be shown verbatim from the file. Passages without a single word
//! token are dropped.

use crate::normalize::{is_digit_like, Charmap};

/// A passage: a byte span of a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first non-space byte.
    pub start: usize,
    /// Byte offset one past the last non-space byte.
    pub end: usize,
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '؛' | '…' | '\n' | '\u{2029}' | '\u{06D4}')
}

/// Cuts `text` into sentence spans, trimmed of whitespace.
pub fn sentences(text: &str, charmap: &Charmap) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0usize;
    // One pass over the characters, no copy of the text: a 200 MB source
    // costs its spans only.
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let before = prev.replace(c);
        if !is_terminator(c) {
            continue;
        }
        if c == '.' {
            let prev_digit = before.is_some_and(|p| is_digit_like(p, charmap));
            let next_digit = text[i + 1..].chars().next().is_some_and(|n| is_digit_like(n, charmap));
            if prev_digit && next_digit {
                continue;
            }
            // A run of dots ends at its last dot.
            if text[i + 1..].starts_with('.') {
                continue;
            }
        }
        // An ellipsis with more words after it on its line is a pause, not
        // an end: "كيف تواجه الولايات المتحدة وحلفاؤها هذا الخطر ... غير
        // معروف حتى تلك اللحظة" (seeds 004 line 11) is one sentence.
        if c == '…' || (c == '.' && before == Some('.')) {
            let rest = text[i + c.len_utf8()..].trim_start_matches([' ', '\t']);
            if rest.chars().next().is_some_and(char::is_alphabetic) {
                continue;
            }
        }
        push_trimmed(text, start, i + c.len_utf8(), &mut spans);
        start = i + c.len_utf8();
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start_matches(is_blank).len();
    let trimmed = piece.trim_matches(is_blank);
    if trimmed.is_empty() {
        return;
    }
    let s = start + lead;
    let e = s + trimmed.len();
    if text[s..e].chars().any(|c| c.is_alphanumeric()) {
        out.push(Span { start: s, end: e });
    }
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        sentences(s, &Charmap::default())
            .into_iter()
            .map(|sp| &s[sp.start..sp.end])
            .collect()
    }

    #[test]
    fn splits_on_arabic_and_latin_terminators() {
        assert_eq!(
            texts("جملة أولى. جملة ثانية؟ ثالثة؛ رابعة!"),
            ["جملة أولى.", "جملة ثانية؟", "ثالثة؛", "رابعة!"]
        );
    }

    #[test]
    fn splits_on_line_breaks_and_drops_empty() {
        assert_eq!(texts("سطر\r\n\r\n  سطر آخر  \n..\n"), ["سطر", "سطر آخر"]);
    }

    #[test]
    fn an_ellipsis_inside_a_line_is_a_pause() {
        // Seeds 004 line 11.
        assert_eq!(
            texts("لكن كيف تواجه الولايات المتحدة وحلفاؤها هذا الخطر ... غير معروف حتى تلك اللحظة. جملة أخرى"),
            vec![
                "لكن كيف تواجه الولايات المتحدة وحلفاؤها هذا الخطر ... غير معروف حتى تلك اللحظة.",
                "جملة أخرى"
            ]
        );
        assert_eq!(texts("هذا الخطر… غير معروف"), vec!["هذا الخطر… غير معروف"]);
        // At the end of a line, or before a digit or a mark, it still ends one.
        assert_eq!(texts("انتهى الأمر...\nجملة أخرى"), vec!["انتهى الأمر...", "جملة أخرى"]);
        assert_eq!(texts("انتهى... 2022"), vec!["انتهى...", "2022"]);
    }

    #[test]
    fn keeps_decimal_numbers() {
        assert_eq!(texts("بلغت 1.5 مليار. ثم"), ["بلغت 1.5 مليار.", "ثم"]);
        assert_eq!(texts("نسبة ٢٫٥ و٣.٧ بالمئة"), ["نسبة ٢٫٥ و٣.٧ بالمئة"]);
    }

    #[test]
    fn spans_are_exact() {
        let s = "\u{FEFF}عنوان\nنص أول. نص ثان";
        for sp in sentences(s, &Charmap::default()) {
            assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
        }
        assert_eq!(texts(s), ["عنوان", "نص أول.", "نص ثان"]);
    }
}
