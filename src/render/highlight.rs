//! Where the matched words sit in an evidence passage, and short excerpts around them.
//!
//! The report gives, for each passage, the passage words that met claim words
//! ([`TermMatch::source`], verbatim from the source file) but not their
//! offsets. [`spans`] finds them again in the passage text: whole-word
//! occurrences first (a word followed by Arabic diacritics is still one
//! word), any occurrence when there is no whole-word one, and any run of
//! whitespace where a term spans a line break. [`excerpt`] folds whitespace
//! and cuts a long passage to a window around the most matched words, with an
//! ellipsis where it cut. Markdown and HTML mark the spans each in their own
//! syntax.

use crate::report::TermMatch;
use std::ops::Range;

/// Byte ranges of `text` where the passage words of `terms` occur, sorted and
/// merged where they overlap or touch.
pub fn spans(text: &str, terms: &[TermMatch]) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for t in terms {
        let words: Vec<&str> = t.source.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        let all = occurrences(text, &words);
        let whole: Vec<Range<usize>> = all.iter().filter(|r| is_whole_word(text, r)).cloned().collect();
        found.extend(if whole.is_empty() { all } else { whole });
    }
    merge(found)
}

/// Every place where `words` occur in `text` in order, separated by whitespace.
fn occurrences(text: &str, words: &[&str]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (start, first) in text.match_indices(words[0]) {
        let mut end = start + first.len();
        let mut ok = true;
        for w in &words[1..] {
            let rest = &text[end..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() || !trimmed.starts_with(w) {
                ok = false;
                break;
            }
            end += rest.len() - trimmed.len() + w.len();
        }
        if ok {
            out.push(start..end);
        }
    }
    out
}

/// Whether a character continues a word: letters, digits, combining marks
/// (Arabic diacritics included) and zero-width joiners.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            '\u{0300}'..='\u{036F}'
            | '\u{0610}'..='\u{061A}'
            | '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}'
            | '\u{200C}'..='\u{200D}')
}

fn is_whole_word(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].chars().next_back();
    let after = text[r.end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A passage, possibly cut, with the matched spans as byte ranges of `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The text, whitespace folded, with `…` where it was cut.
    pub text: String,
    /// Matched spans inside `text`, sorted, not overlapping.
    pub spans: Vec<Range<usize>>,
}

/// Folds whitespace in `text` and, when it is longer than `max` characters,
/// keeps a window of about `max` characters around the most matched spans,
/// cut at spaces where possible and marked with `…`.
pub fn excerpt(text: &str, spans: &[Range<usize>], max: usize) -> Excerpt {
    // Fold whitespace, mapping old byte offsets to new ones.
    let mut flat = String::with_capacity(text.len());
    let mut map = vec![0usize; text.len() + 1];
    let mut pending_space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            pending_space = !flat.is_empty();
            map[i] = flat.len();
            continue;
        }
        if pending_space {
            flat.push(' ');
            pending_space = false;
        }
        map[i] = flat.len();
        flat.push(c);
    }
    map[text.len()] = flat.len();
    let mapped: Vec<Range<usize>> = spans
        .iter()
        .map(|r| map[r.start]..map[r.end].max(map[r.start]))
        .filter(|r| !r.is_empty())
        .collect();
    let chars: Vec<(usize, char)> = flat.char_indices().collect();
    if chars.len() <= max {
        return Excerpt {
            text: flat,
            spans: mapped,
        };
    }
    // Char index of a byte offset.
    let ci = |b: usize| chars.partition_point(|&(o, _)| o < b);
    let char_spans: Vec<Range<usize>> = mapped.iter().map(|r| ci(r.start)..ci(r.end)).collect();
    let width = max.saturating_sub(2).max(1);
    let context = width / 6;
    let mut best = (0usize, 0usize); // (start, covered spans)
    for s in &char_spans {
        let start = s.start.saturating_sub(context).min(chars.len() - width);
        let covered = char_spans
            .iter()
            .filter(|r| r.start >= start && r.end <= start + width)
            .count();
        if covered > best.1 {
            best = (start, covered);
        }
    }
    let mut start = best.0;
    let mut end = (start + width).min(chars.len());
    let inside: Vec<&Range<usize>> = char_spans.iter().filter(|r| r.start >= start && r.end <= end).collect();
    let first = inside.first().map_or(end, |r| r.start);
    let last = inside.last().map_or(start, |r| r.end);
    // Cut at spaces: move the start to after a space, the end to before one.
    if start > 0 {
        if let Some(k) = (start..first.min(start + 16)).find(|&k| chars[k].1 == ' ') {
            start = k + 1;
        }
    }
    if end < chars.len() {
        if let Some(k) = (last.max(end.saturating_sub(16))..end)
            .rev()
            .find(|&k| chars[k].1 == ' ')
        {
            end = k;
        }
    }
    let byte = |c: usize| chars.get(c).map_or(flat.len(), |&(o, _)| o);
    let (bs, be) = (byte(start), byte(end));
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(flat[bs..be].trim_end());
    let body_end = out.len();
    if end < chars.len() {
        out.push('…');
    }
    let spans = mapped
        .iter()
        .filter(|r| r.end > bs && r.start < be)
        .map(|r| (r.start.max(bs) - bs + shift)..(r.end.min(be) - bs + shift).min(body_end))
        .filter(|r| !r.is_empty())
        .collect();
    Excerpt { text: out, spans }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(source: &str) -> TermMatch {
        TermMatch {
            claim: source.into(),
            source: source.into(),
            how: "exact".into(),
        }
    }

    fn marked(text: &str, spans: &[Range<usize>]) -> String {
        let mut out = String::new();
        let mut at = 0;
        for r in spans {
            out.push_str(&text[at..r.start]);
            out.push('[');
            out.push_str(&text[r.clone()]);
            out.push(']');
            at = r.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn whole_words_first_then_any() {
        let text = "الدول المستفيدة من الدولية ودول";
        let s = spans(text, &[term("الدول")]);
        assert_eq!(marked(text, &s), "[الدول] المستفيدة من الدولية ودول");
        let s = spans(text, &[term("دول")]);
        assert_eq!(marked(text, &s), "ال[دول] المستفيدة من ال[دول]ية و[دول]");
    }

    #[test]
    fn diacritics_stay_in_the_word_and_terms_cross_lines() {
        let text = "أمر مهم جدًا، في أول ز\nيـارة";
        let s = spans(text, &[term("جدًا"), term("ز\nيـارة"), term("في أول")]);
        assert_eq!(marked(text, &s), "أمر مهم [جدًا]، [في أول] [ز\nيـارة]");
        assert!(spans(text, &[term("جد")]).len() == 1);
    }

    #[test]
    fn excerpts_cut_around_the_matches() {
        let text = format!(
            "{} needle in the hay {}",
            "lorem ipsum ".repeat(20),
            "dolor sit ".repeat(20)
        );
        let s = spans(&text, &[term("needle")]);
        let e = excerpt(&text, &s, 60);
        assert!(e.text.starts_with('…') && e.text.ends_with('…'), "{}", e.text);
        assert!(e.text.chars().count() <= 62, "{}", e.text);
        assert_eq!(&e.text[e.spans[0].clone()], "needle");
        let short = excerpt("a  b\n c", &[], 60);
        assert_eq!(short.text, "a b c");
    }
}
