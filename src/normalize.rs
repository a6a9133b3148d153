//! Text normalization for matching (never for display).
//!
//! This module owns the character-level folding that makes noisy Arabic and
//! English text comparable, and the tokenizer that cuts a text into word
//! tokens while keeping each token's byte span in the original text.
//!
//! The folding is a chain of small filters applied per character, in order:
//! 1. NFKC per character (Arabic presentation forms become base letters,
//!    ligatures split), and NFC over each word so that a letter and a
//!    combining accent meet their precomposed form;
//! 2. drop Arabic diacritics (U+064B–U+065F, U+0670), tatweel (U+0640) and
//!    invisible format characters (zero-width, bidi controls, BOM);
//! 3. unify letter variants: أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ی ک → ي ك;
//! 4. Arabic-Indic and Persian digits → ASCII digits;
//! 5. Latin case folding;
//! 6. everything that is not a letter or a digit separates tokens
//!    (`%` and `٪` are kept as their own token, `%`, because quantities matter);
//!    a single character that NFKC expands to several words (ﷺ U+FDFA, ﷽)
//!    is one token, since a token's span is whole characters.
//!
//! Private-use characters (U+E000–U+F8FF) are never letters: they separate
//! tokens unless the source declares what they stand for (see [`Charmap`]).

use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// A declared mapping of characters (typically private-use code points of a
/// PDF font) to the text they stand for, e.g. U+E005 → `0`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Charmap {
    map: BTreeMap<char, String>,
}

impl Charmap {
    /// Builds a mapping from pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (char, String)>) -> Self {
        Charmap {
            map: pairs.into_iter().collect(),
        }
    }

    /// What `c` stands for, if declared.
    pub fn get(&self, c: char) -> Option<&str> {
        self.map.get(&c).map(String::as_str)
    }

    /// Whether nothing is declared.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Applies the mapping to a display string.
    pub fn apply(&self, text: &str) -> String {
        self.apply_borrowed(text).into_owned()
    }

    /// Applies the mapping, borrowing `text` when nothing in it is mapped
    /// (no copy for the common source without a charmap).
    pub fn apply_borrowed<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.map.is_empty() || !text.chars().any(|c| self.map.contains_key(&c)) {
            return std::borrow::Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match self.map.get(&c) {
                Some(s) => out.push_str(s),
                None => out.push(c),
            }
        }
        std::borrow::Cow::Owned(out)
    }
}

/// Whether `c` is a private-use code point (BMP private-use area).
pub fn is_private_use(c: char) -> bool {
    ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// Characters that vanish inside words: Arabic diacritics, tatweel and
/// invisible format characters.
fn is_ignorable(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' |
        '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' |
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' |
        '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}')
}

/// Folds one already-NFKC character into `out`. Returns nothing for
/// characters that vanish.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if matches!(c, '\u{0621}' | '\u{0624}' | '\u{0626}'..='\u{0628}' | '\u{062A}'..='\u{063A}' | '\u{0641}'..='\u{0648}' | '\u{064A}')
    {
        // Basic Arabic letters that fold to themselves (not أ إ ة ى).
        out.push(c);
        return;
    }
    if is_ignorable(c) {
        return;
    }
    let folded = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => c,
    };
    if folded.is_uppercase() {
        out.extend(folded.to_lowercase());
    } else {
        out.push(folded);
    }
}

/// What part a character plays in tokenization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Part of a word.
    Word,
    /// Vanishes but does not break a word (diacritics, tatweel, ZWJ...).
    Ignorable,
    /// A percent sign: a token of its own.
    Percent,
    /// Breaks words.
    Separator,
}

fn classify(c: char) -> Class {
    // Fast paths for what news text is made of (ASCII, the basic Arabic
    // letters); the same answers as the general rules below.
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() {
            Class::Word
        } else if c == '%' {
            Class::Percent
        } else {
            Class::Separator
        };
    }
    if is_basic_arabic_letter(c) {
        return Class::Word;
    }
    classify_general(c)
}

fn classify_general(c: char) -> Class {
    if is_ignorable(c) {
        Class::Ignorable
    } else if c == '%' || c == '٪' || c == '﹪' || c == '％' {
        Class::Percent
    } else if is_private_use(c) {
        Class::Separator
    } else if c.is_alphanumeric() || is_combining_mark(c) {
        Class::Word
    } else {
        Class::Separator
    }
}

/// The basic Arabic letters (ء to ي, without tatweel): alphabetic, never
/// ignorable, and their own NFKC form.
fn is_basic_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

fn is_combining_mark(c: char) -> bool {
    // Combining marks of scripts we meet (Latin accents, Arabic marks not
    // listed as ignorable) stay inside words; NFKC may recompose them.
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{06D6}'..='\u{06DC}')
}

/// A word token: its folded form and its byte span in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded (normalized) form.
    pub norm: String,
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte in the original text.
    pub end: usize,
}

impl Token {
    /// Whether the token is a number (ASCII digits, possibly with one `.`).
    pub fn is_number(&self) -> bool {
        is_number(&self.norm)
    }
}

/// Whether a folded token is a number.
pub fn is_number(s: &str) -> bool {
    let mut seen_digit = false;
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => seen_digit = true,
            b'.' => {}
            _ => return false,
        }
    }
    seen_digit
}

/// Whether `c` is a digit of any script, or a declared character standing for digits.
pub fn is_digit_like(c: char, charmap: &Charmap) -> bool {
    if let Some(s) = charmap.get(c) {
        return s.chars().all(|d| d.is_ascii_digit()) && !s.is_empty();
    }
    c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) || ('\u{06F0}'..='\u{06F9}').contains(&c)
}

/// Cuts `text` into folded word tokens with byte spans into `text`.
///
/// Characters declared in `charmap` are replaced before classification, so a
/// private-use digit of a PDF font becomes a digit of a number.
pub fn tokenize(text: &str, charmap: &Charmap) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_each(text, charmap, |norm, start, end| {
        tokens.push(Token {
            norm: norm.to_string(),
            start,
            end,
        })
    });
    tokens
}

/// [`tokenize`] without a `String` per token: calls `emit` with each
/// token's folded form and byte span, in order.
pub fn tokenize_each(text: &str, charmap: &Charmap, mut emit: impl FnMut(&str, usize, usize)) {
    let tokens = &mut emit;
    let mut cur = String::new();
    let mut cur_start = 0usize;
    let mut cur_end = 0usize;
    let mut in_word = false;
    let mut buf = String::new();
    // One pass over the characters, no copy of the text (a 200 MB source
    // costs its tokens only); look-ahead reads the text after `pos`.
    for (pos, c) in text.char_indices() {
        let clen = c.len_utf8();
        let rest = &text[pos + clen..];
        if let Some(mapped) = charmap.get(c) {
            // A declared character: its replacement is word material (and a
            // declared digit after an Arabic letter starts a new token).
            if in_word
                && mapped
                    .chars()
                    .next()
                    .is_some_and(|m| breaks_between(cur.chars().last(), m))
            {
                push_token(tokens, &mut cur, cur_start, cur_end);
                in_word = false;
            }
            if !in_word {
                in_word = true;
                cur_start = pos;
            }
            for m in mapped.chars() {
                buf.clear();
                buf.extend(std::iter::once(m).nfkc());
                for n in buf.chars() {
                    fold_into(n, &mut cur);
                }
            }
            cur_end = pos + clen;
            continue;
        }
        // Decimal and thousands separators between digits stay in numbers.
        if in_word && matches!(c, '.' | ',' | '٫' | '٬') && cur.ends_with(|d: char| d.is_ascii_digit()) {
            if let Some(next) = rest.chars().next() {
                if is_digit_like(next, charmap) {
                    // A comma followed by exactly three digits is a thousands
                    // separator; anything else is a decimal point.
                    let digits_after = rest.chars().take(4).take_while(|&d| is_digit_like(d, charmap)).count();
                    let thousands = matches!(c, ',' | '٬') && digits_after == 3;
                    if !thousands {
                        cur.push('.');
                    }
                    cur_end = pos + clen;
                    continue;
                }
            }
        }
        match classify(c) {
            Class::Word => {
                // A number glued to an Arabic word ("عام2025", "و1.5") is two
                // tokens; Latin model names ("F16", "MQ9B") stay whole.
                if in_word && breaks_between(cur.chars().last(), c) {
                    push_token(tokens, &mut cur, cur_start, cur_end);
                    in_word = false;
                }
                if !in_word {
                    in_word = true;
                    cur_start = pos;
                }
                cur_end = pos + clen;
                if c.is_ascii() || is_basic_arabic_letter(c) {
                    // Their own NFKC form, alphanumeric: folded directly.
                    fold_into(c, &mut cur);
                    continue;
                }
                buf.clear();
                buf.extend(std::iter::once(c).nfkc());
                for n in buf.chars() {
                    // NFKC may produce separators inside one character
                    // (ﷺ → four words, ⑴ → "(1)"): they are dropped, so one
                    // character never yields two tokens with one span
                    // (found by fuzzing: tokens overlapped).
                    if n.is_alphanumeric() || is_ignorable(n) || is_combining_mark(n) {
                        fold_into(n, &mut cur);
                    }
                }
            }
            Class::Ignorable => {
                if in_word {
                    cur_end = pos + clen;
                }
            }
            Class::Percent => {
                if in_word {
                    push_token(tokens, &mut cur, cur_start, cur_end);
                    in_word = false;
                }
                tokens("%", pos, pos + clen);
            }
            Class::Separator => {
                if in_word {
                    push_token(tokens, &mut cur, cur_start, cur_end);
                    in_word = false;
                }
            }
        }
    }
    if in_word {
        push_token(tokens, &mut cur, cur_start, cur_end);
    }
}

fn is_arabic_letter(c: char) -> bool {
    if is_basic_arabic_letter(c) {
        return true;
    }
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && !c.is_numeric()
}

fn breaks_between(prev: Option<char>, next: char) -> bool {
    let Some(prev) = prev else { return false };
    if next.is_ascii() {
        return next.is_ascii_digit() && is_arabic_letter(prev);
    }
    if is_basic_arabic_letter(next) {
        return prev.is_ascii_digit();
    }
    let next_digit = next.is_numeric();
    (prev.is_ascii_digit() && is_arabic_letter(next)) || (is_arabic_letter(prev) && next_digit)
}

fn push_token(emit: &mut impl FnMut(&str, usize, usize), cur: &mut String, start: usize, end: usize) {
    // Characters were folded one by one: compose what a combining mark
    // leaves apart (e + U+0301 → é), as NFKC of the whole word would.
    if cur.chars().any(is_combining_mark) {
        *cur = cur.nfc().collect();
    }
    if !cur.is_empty() {
        emit(cur, start, end);
    }
    cur.clear();
}

/// Normalizes a whole text: the folded tokens joined by single spaces.
///
/// Idempotent: `normalize(&normalize(s)) == normalize(s)`.
pub fn normalize(text: &str) -> String {
    let tokens = tokenize(text, &Charmap::default());
    let mut out = String::with_capacity(text.len());
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&t.norm);
    }
    out
}

/// Folds a short display string for titles: trims, removes tatweel and
/// folds runs of whitespace into one space (letters are kept as written).
pub fn fold_title(line: &str) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in line.trim().chars() {
        if c == '\u{0640}' || c == '\u{FEFF}' {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokenize(s, &Charmap::default()).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn folds_alef_variants_yeh_teh_marbuta() {
        assert_eq!(norms("أحمد إسرائيل آمال ٱلله"), ["احمد", "اسرائيل", "امال", "الله"]);
        assert_eq!(norms("مصطفى مدرسة"), ["مصطفي", "مدرسه"]);
    }

    #[test]
    fn drops_diacritics_and_tatweel_inside_words() {
        assert_eq!(norms("مــا موقــف الجــزائر"), ["ما", "موقف", "الجزائر"]);
        assert_eq!(norms("كَتَبَ"), ["كتب"]);
        assert_eq!(norms("جدًا"), ["جدا"]);
    }

    #[test]
    fn digits_become_ascii_and_numbers_keep_separators() {
        assert_eq!(norms("٢٠٢٥ ۱۲"), ["2025", "12"]);
        assert_eq!(norms("1,000 و 1.5 مليار"), ["1000", "و", "1.5", "مليار"]);
        assert_eq!(norms("2020-2030."), ["2020", "2030"]);
        assert_eq!(norms("60% ٪20"), ["60", "%", "%", "20"]);
        assert_eq!(norms("عام2025 و١٫٥ F16"), ["عام", "2025", "و", "1.5", "f16"]);
    }

    #[test]
    fn decomposed_accents_meet_precomposed_letters() {
        assert_eq!(norms("cafe\u{301}"), norms("café"));
        assert_eq!(normalize("CAFE\u{301}"), "café");
    }

    #[test]
    fn latin_case_and_punctuation() {
        assert_eq!(norms("S-500, the \"Iron Dome\"!"), ["s", "500", "the", "iron", "dome"]);
    }

    #[test]
    fn presentation_forms_fold_to_base_letters() {
        // "ﻻ" (lam-alef ligature) and isolated forms.
        assert_eq!(norms("ﺍﻟﻤﻐﺮﺏ"), ["المغرب"]);
        assert_eq!(norms("ﻻ"), ["لا"]);
    }

    #[test]
    fn private_use_characters_separate_unless_declared() {
        let s = "\u{E00C}\u{E005}\u{E005} مليون";
        assert_eq!(norms(s), ["مليون"]);
        let map = Charmap::from_pairs([('\u{E005}', "0".to_string()), ('\u{E00C}', "5".to_string())]);
        let toks = tokenize(s, &map);
        assert_eq!(toks[0].norm, "500");
        let glued = tokenize("و\u{E00C}\u{E005}", &map);
        assert_eq!(glued.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>(), ["و", "50"]);
        assert_eq!(&s[toks[0].start..toks[0].end], "\u{E00C}\u{E005}\u{E005}");
    }

    #[test]
    fn a_charmap_copies_only_text_it_changes() {
        use std::borrow::Cow;
        let map = Charmap::from_pairs([('\u{E005}', "0".to_string()), ('\u{E00C}', "5".to_string())]);
        let s = "\u{E00C}\u{E005}\u{E005} مليون";
        assert_eq!(map.apply_borrowed(s), "500 مليون");
        assert_eq!(map.apply(s), "500 مليون");
        assert!(matches!(map.apply_borrowed("مليون"), Cow::Borrowed("مليون")));
        assert!(matches!(Charmap::default().apply_borrowed(s), Cow::Borrowed(t) if t == s));
        assert_eq!(Charmap::default().apply(s), s);
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let s = "\u{FEFF}وقال: الـمغرب\r\n";
        for t in tokenize(s, &Charmap::default()) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
        let toks = tokenize(s, &Charmap::default());
        assert_eq!(&s[toks[1].start..toks[1].end], "الـمغرب");
    }

    #[test]
    fn a_ligature_of_several_words_is_one_token() {
        // Found by fuzzing: U+FDFA expanded to four tokens with one start.
        let s = "قال ﷺ ذلك";
        let toks = tokenize(s, &Charmap::default());
        assert_eq!(toks.len(), 3, "{toks:?}");
        assert_eq!(toks[1].norm, "صلياللهعليهوسلم");
        assert_eq!(&s[toks[1].start..toks[1].end], "ﷺ");
        assert!(toks.windows(2).all(|w| w[0].end <= w[1].start));
        assert_eq!(norms("⑴ ﷲ"), ["1", "الله"]);
    }

    #[test]
    fn zero_width_and_bidi_controls_vanish() {
        assert_eq!(norms("المغ\u{200B}رب \u{202E}abc"), ["المغرب", "abc"]);
    }

    #[test]
    fn normalize_is_idempotent_on_samples() {
        for s in ["أَحْمَد ٢٠٢٥ S-500", "ﻻ إله", "1,000,000 و1.5%", "مــا موقــف"] {
            let once = normalize(s);
            assert_eq!(normalize(&once), once, "{s}");
        }
    }

    #[test]
    fn fast_paths_agree_with_the_general_rules() {
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            assert_eq!(classify(c), classify_general(c), "{c:?}");
            let next_numeric = c.is_numeric();
            for prev in ['a', '1', 'ب', '٣', 'é'] {
                let general =
                    (prev.is_ascii_digit() && is_arabic_letter(c)) || (is_arabic_letter(prev) && next_numeric);
                assert_eq!(breaks_between(Some(prev), c), general, "{prev:?} {c:?}");
            }
            if c.is_ascii() || is_basic_arabic_letter(c) {
                let nfkc: String = std::iter::once(c).nfkc().collect();
                assert_eq!(nfkc, c.to_string());
                assert!(c.is_ascii() || (c.is_alphanumeric() && !c.is_numeric() && !is_ignorable(c)));
                let (mut fast, mut general) = (String::new(), String::new());
                fold_into(c, &mut fast);
                if !is_ignorable(c) {
                    let f = match c {
                        'أ' | 'إ' | 'آ' => 'ا',
                        'ى' => 'ي',
                        'ة' => 'ه',
                        _ => c,
                    };
                    general.extend(f.to_lowercase());
                }
                assert_eq!(fast, general, "{c:?}");
            }
        }
    }

    #[test]
    fn title_folding() {
        assert_eq!(fold_title("  مــا   موقــف \t الجــزائر  "), "ما موقف الجزائر");
    }
}
