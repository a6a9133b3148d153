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

/// Whether a passage (a span of [`sentences`]) ends a sentence, so that
/// the passage after it starts another: it ends with a sentence mark (`.`,
/// `!`, `?`, `؟`, `؛`, `…`, `۔`), not with a line break alone (a heading, or
/// a sentence broken by PDF extraction, as in seeds 003) nor with the dot of
/// an abbreviation: a one-letter word ("U.S.", "د.") or a title ("Mr.", "Dr.").
pub fn ends_sentence(piece: &str) -> bool {
    let mut rev = piece.chars().rev();
    let Some(last) = rev.next() else {
        return false;
    };
    if !matches!(last, '.' | '!' | '?' | '؟' | '؛' | '…' | '\u{06D4}') {
        return false;
    }
    if last != '.' || piece.ends_with("..") {
        return true;
    }
    let body = &piece[..piece.len() - 1];
    let word: &str = body.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
    let letters = word.chars().count();
    !(letters == 1 || (letters > 0 && ABBREVIATIONS.contains(&word.to_lowercase().as_str())))
}

/// Titles written with a dot that ends no sentence.
const ABBREVIATIONS: &[&str] = &["mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "vs", "no"];

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

    #[test]
    fn a_sentence_ends_at_its_mark_not_at_an_abbreviation() {
        let ends = |s: &str| texts(s).iter().map(|p| ends_sentence(p)).collect::<Vec<_>>();
        // The generated archive's lines: two sentences.
        assert_eq!(
            ends("بتكوين مطالبة بـ 10 مليار دولار. إيران تلغي الاتفاق النووي."),
            [true, true]
        );
        assert_eq!(ends("جملة أولى؟ ثانية؛ ثالثة! رابعة"), [true, true, true, false]);
        // A line broken by extraction (seeds 003), a heading, a comma at a line end.
        assert_eq!(ends("سطر مقطوع من\nملف بي دي إف،\nتتمة"), [false, false, false]);
        // Abbreviations and initials.
        assert_eq!(ends("U.S. officials said. Then"), [false, false, true, false]);
        assert_eq!(ends("قال د. محمد إن"), [false, false]);
        assert_eq!(ends("met Dr. Smith."), [false, true]);
    }
}
