//! Numbers in every form: finds quantities written in digits or in words
//! (Arabic or English) in a sequence of folded tokens, so that a claim's
//! "six submarines" meets a source's "6 غواصات".
//!
//! This module owns the number vocabulary (a static table: no regex, no
//! allocation per token) and the rules that compose words into one value.
//! It works on tokens already folded by [`crate::normalize::tokenize`]
//! (أإآ→ا, ى→ي, ة→ه, no diacritics, ASCII digits, lowercase Latin, `%` and
//! `٪` as a `%` token, "1,000" → "1000").
//!
//! What it reads, with the value and [`NumberKind`] it gives:
//!
//! | folded tokens                  | value  | kind     |
//! |--------------------------------|--------|----------|
//! | `ست` / `سته` / `6` / `six`     | 6      | Cardinal |
//! | `خمسه وعشرين` / `twenty five`  | 25     | Cardinal |
//! | `ثلاثه عشر` / `thirteen`       | 13     | Cardinal |
//! | `ثلاثه الاف` / `3 الاف`        | 3000   | Cardinal |
//! | `48 مليون` / `48 million`      | 48e6   | Cardinal |
//! | `1.5 مليار` / `مئه مليون`      | 1.5e9 / 1e8 | Cardinal |
//! | `ملياري` (dual)                | 2e9    | Cardinal |
//! | `الرابع` / `fourth` / `4th`    | 4      | Ordinal  |
//! | `الحادي عشر` / `eleventh`      | 11     | Ordinal  |
//! | `60 %` / `ستين في المئه` / `60 percent` | 60 | Percent |
//! | `2025`, `عام 2025`, `in 1850`  | 2025 / 1850 | Year |
//!
//! ```
//! use claimcheck::numbers::{parse_number_words, NumberKind};
//! let spans = parse_number_words(&["نحو", "48", "مليون", "دولار"]);
//! assert_eq!((spans[0].first, spans[0].last), (1, 2));
//! assert_eq!(spans[0].value, 48e6);
//! assert_eq!(spans[0].kind, NumberKind::Cardinal);
//! ```
//!
//! Not read: approximate plurals standing alone (عشرات، مئات، الاف، ملايين /
//! dozens, hundreds, thousands, millions: "tens of thousands" is no exact
//! number), fractions but for an English share before "of" (a quarter of, half
//! of, three quarters of: a percentage), "one point five",
//! negative numbers, "one of" (a pronoun: "one of the largest"), ranges as one value (2020-2030 gives two years), Hijri
//! years as years, and colloquial spellings (ميه، تلاته).

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// A count or an amount: 6, 48 million, خمسة وعشرين.
    Cardinal,
    /// A rank: الرابع, fourth, 4th.
    Ordinal,
    /// A percentage; the value is the number before the percent marker.
    Percent,
    /// A year: a bare 1900–2100, or a number after عام / سنة / year / in.
    Year,
}

/// A number found in a token sequence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberSpan {
    /// Index of the first token of the number.
    pub first: usize,
    /// Index of the last token of the number (inclusive; a percent marker
    /// such as `في المئه` is part of the span).
    pub last: usize,
    /// The value (for a percentage, 60 for 60%).
    pub value: f64,
    /// What the number counts.
    pub kind: NumberKind,
}

/// Whether two numbers state the same quantity: values equal within a
/// relative 1e-9, and kinds compatible. A year and a cardinal are
/// compatible (a bare "2000" may count soldiers); ordinals meet only
/// ordinals and percentages only percentages.
pub fn same_quantity(a: &NumberSpan, b: &NumberSpan) -> bool {
    use NumberKind::*;
    let kinds = matches!(
        (a.kind, b.kind),
        (Cardinal | Year, Cardinal | Year) | (Ordinal, Ordinal) | (Percent, Percent)
    );
    kinds && same_value(a.value, b.value)
}

fn same_value(a: f64, b: f64) -> bool {
    if a == b {
        return true;
    }
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

/// One word (or digit token) of a number.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Atom {
    /// 1–9: واحد، ثلاثه، six.
    Unit(f64),
    /// The first word of an Arabic teen that needs عشر after it: احد، اثنا.
    TeenPrefix(f64),
    /// Arabic عشر / عشره: ten, or the second word of a teen.
    Ten,
    /// A closed value below 20: ten, eleven…nineteen, dozen.
    Teen(f64),
    /// 20, 30 … 90.
    Tens(f64),
    /// مائه / hundred.
    Hundred,
    /// 200–900 in one word: مائتان، ثلاثمائه.
    Hundreds(f64),
    /// الف، مليون، مليار / thousand, million, billion.
    Scale(f64),
    /// Dual forms: الفين (2 × 1000), مليونين, ملياري.
    DualScale(f64),
    /// Plural forms that need a count before them: ثلاثه الاف.
    PluralScale(f64),
    /// A digit token: 48, 1.5.
    Digits(f64),
    /// A rank: الرابع، fourth, 4th.
    Ordinal(f64),
    /// حادي: an ordinal that needs عشر after it (الحادي عشر).
    OrdinalPrefix(f64),
}

/// An atom and the clitics stripped from its token.
#[derive(Debug, Clone, Copy)]
struct Hit<'a> {
    atom: Atom,
    /// The stem the table matched (the token without clitics).
    stem: &'a str,
    /// A conjunction و was stripped (a connector inside a compound).
    conj: bool,
    /// A preposition (ب ل ك) or ف was stripped: the word starts a phrase.
    other: bool,
    /// The article ال was stripped.
    article: bool,
}

/// The table: a folded stem without clitics to its atom.
fn word_atom(w: &str) -> Option<Atom> {
    use Atom::*;
    let a = match w {
        // Arabic cardinals.
        "واحد" | "واحده" => Unit(1.0),
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" => Unit(2.0),
        "ثلاث" | "ثلاثه" => Unit(3.0),
        "اربع" | "اربعه" => Unit(4.0),
        "خمس" | "خمسه" => Unit(5.0),
        "ست" | "سته" => Unit(6.0),
        "سبع" | "سبعه" => Unit(7.0),
        "ثمان" | "ثماني" | "ثمانيه" => Unit(8.0),
        "تسع" | "تسعه" => Unit(9.0),
        "احد" | "احدي" => TeenPrefix(1.0),
        "اثنا" | "اثني" | "اثنتا" | "اثنتي" => TeenPrefix(2.0),
        "عشر" | "عشره" => Ten,
        "عشرون" | "عشرين" => Tens(20.0),
        "ثلاثون" | "ثلاثين" => Tens(30.0),
        "اربعون" | "اربعين" => Tens(40.0),
        "خمسون" | "خمسين" => Tens(50.0),
        "ستون" | "ستين" => Tens(60.0),
        "سبعون" | "سبعين" => Tens(70.0),
        "ثمانون" | "ثمانين" => Tens(80.0),
        "تسعون" | "تسعين" => Tens(90.0),
        "مائه" | "مئه" => Hundred,
        "مائتان" | "مائتين" | "مائتي" | "مائتا" | "مئتان" | "مئتين" | "مئتي" | "مئتا" => {
            Hundreds(200.0)
        }
        "الف" | "الفا" => Scale(1e3),
        "مليون" | "مليونا" => Scale(1e6),
        "مليار" | "مليارا" | "بليون" | "بليونا" => Scale(1e9),
        "تريليون" | "ترليون" => Scale(1e12),
        "الفان" | "الفين" | "الفي" => DualScale(1e3),
        "مليونان" | "مليونين" | "مليوني" => DualScale(1e6),
        "ملياران" | "مليارين" | "ملياري" => DualScale(1e9),
        "الاف" => PluralScale(1e3),
        "ملايين" => PluralScale(1e6),
        "مليارات" | "بلايين" => PluralScale(1e9),
        "تريليونات" => PluralScale(1e12),
        // Arabic ordinals.
        "اول" | "اولي" => Ordinal(1.0),
        "ثاني" | "ثانيه" => Ordinal(2.0),
        "ثالث" | "ثالثه" => Ordinal(3.0),
        "رابع" | "رابعه" => Ordinal(4.0),
        "خامس" | "خامسه" => Ordinal(5.0),
        "سادس" | "سادسه" => Ordinal(6.0),
        "سابع" | "سابعه" => Ordinal(7.0),
        "ثامن" | "ثامنه" => Ordinal(8.0),
        "تاسع" | "تاسعه" => Ordinal(9.0),
        "عاشر" | "عاشره" => Ordinal(10.0),
        "حادي" | "حاديه" => OrdinalPrefix(1.0),
        // English cardinals.
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Teen(10.0),
        "eleven" => Teen(11.0),
        "twelve" | "dozen" => Teen(12.0),
        "thirteen" => Teen(13.0),
        "fourteen" => Teen(14.0),
        "fifteen" => Teen(15.0),
        "sixteen" => Teen(16.0),
        "seventeen" => Teen(17.0),
        "eighteen" => Teen(18.0),
        "nineteen" => Teen(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "thousand" => Scale(1e3),
        "million" | "mn" | "mln" => Scale(1e6),
        "billion" | "bn" | "bln" => Scale(1e9),
        "trillion" => Scale(1e12),
        // English ordinals.
        "first" => Ordinal(1.0),
        "second" => Ordinal(2.0),
        "third" => Ordinal(3.0),
        "fourth" => Ordinal(4.0),
        "fifth" => Ordinal(5.0),
        "sixth" => Ordinal(6.0),
        "seventh" => Ordinal(7.0),
        "eighth" => Ordinal(8.0),
        "ninth" => Ordinal(9.0),
        "tenth" => Ordinal(10.0),
        "eleventh" => Ordinal(11.0),
        "twelfth" => Ordinal(12.0),
        "thirteenth" => Ordinal(13.0),
        "fourteenth" => Ordinal(14.0),
        "fifteenth" => Ordinal(15.0),
        "sixteenth" => Ordinal(16.0),
        "seventeenth" => Ordinal(17.0),
        "eighteenth" => Ordinal(18.0),
        "nineteenth" => Ordinal(19.0),
        "twentieth" => Ordinal(20.0),
        "thirtieth" => Ordinal(30.0),
        "fortieth" => Ordinal(40.0),
        "fiftieth" => Ordinal(50.0),
        "sixtieth" => Ordinal(60.0),
        "seventieth" => Ordinal(70.0),
        "eightieth" => Ordinal(80.0),
        "ninetieth" => Ordinal(90.0),
        "hundredth" => Ordinal(100.0),
        "thousandth" => Ordinal(1000.0),
        _ => return hundreds_word(w),
    };
    Some(a)
}

/// 300–900 written as one word: ثلاثمائه، خمسمئه، ثمانمائه.
fn hundreds_word(w: &str) -> Option<Atom> {
    let head = w.strip_suffix("مائه").or_else(|| w.strip_suffix("مئه"))?;
    let n = match head {
        "ثلاث" => 3.0,
        "اربع" => 4.0,
        "خمس" => 5.0,
        "ست" => 6.0,
        "سبع" => 7.0,
        "ثمان" | "ثماني" => 8.0,
        "تسع" => 9.0,
        _ => return None,
    };
    Some(Atom::Hundreds(n * 100.0))
}

/// Parses a digit token: "48", "1.5", "1.000.000" (dots as thousands
/// separators when every group after the first has three digits).
fn parse_digits(tok: &str) -> Option<f64> {
    if tok.is_empty() || !tok.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let dots = tok.bytes().filter(|&b| b == b'.').count();
    match dots {
        0 | 1 => tok.parse().ok(),
        _ => {
            let mut groups = tok.split('.');
            let head = groups.next()?;
            if head.is_empty() || head.len() > 3 || !groups.all(|g| g.len() == 3) {
                return None;
            }
            tok.replace('.', "").parse().ok()
        }
    }
}

/// A token made of digits: a number, an ordinal ("4th") or a number with a
/// scale suffix ("1.5bn").
fn digit_atom(tok: &str) -> Option<Atom> {
    if !tok.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    if let Some(v) = parse_digits(tok) {
        return Some(Atom::Digits(v));
    }
    for suffix in ["st", "nd", "rd", "th"] {
        if let Some(head) = tok.strip_suffix(suffix) {
            if !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit()) {
                return head.parse().ok().map(Atom::Ordinal);
            }
        }
    }
    for (suffix, scale) in [("bn", 1e9), ("mn", 1e6), ("mln", 1e6)] {
        if let Some(head) = tok.strip_suffix(suffix) {
            if let Some(v) = parse_digits(head) {
                return Some(Atom::Digits(v * scale));
            }
        }
    }
    None
}

/// Looks a token up, stripping Arabic clitics (و ف, then ال بال كال لل ب ل ك)
/// when the whole token is not in the table. A stripped stem must have at
/// least three letters unless only the article came off ("الست" is six,
/// "لست" is "I am not").
fn lookup(tok: &str) -> Option<Hit<'_>> {
    let bare = |atom| Hit {
        atom,
        stem: tok,
        conj: false,
        other: false,
        article: false,
    };
    if let Some(a) = digit_atom(tok) {
        return Some(bare(a));
    }
    if let Some(a) = word_atom(tok) {
        return Some(bare(a));
    }
    if tok.is_ascii() {
        return None;
    }
    let (rest, conj, fa) = if let Some(r) = tok.strip_prefix('و') {
        (r, true, false)
    } else if let Some(r) = tok.strip_prefix('ف') {
        (r, false, true)
    } else {
        (tok, false, false)
    };
    let mut candidates: [(Option<&str>, bool, bool); 8] = [(None, false, false); 8];
    if conj || fa {
        candidates[0] = (Some(rest), false, false);
    }
    for (slot, (prefix, article, other)) in [
        ("ال", true, false),
        ("بال", true, true),
        ("كال", true, true),
        ("لل", true, true),
        ("ب", false, true),
        ("ل", false, true),
        ("ك", false, true),
    ]
    .into_iter()
    .enumerate()
    {
        candidates[slot + 1] = (rest.strip_prefix(prefix), article, other);
    }
    for (stem, article, other) in candidates {
        let Some(stem) = stem else { continue };
        let letters = stem.chars().count();
        let only_article = article && !other && !conj && !fa;
        if letters < 3 && !(only_article && letters == 2) {
            continue;
        }
        let Some(atom) = word_atom(stem) else {
            continue;
        };
        // الاثنين is Monday far more often than "the two".
        if article && matches!(stem, "اثنين" | "اثنان") {
            return None;
        }
        return Some(Hit {
            atom,
            stem,
            conj,
            other: other || fa,
            article,
        });
    }
    None
}

/// The number of tokens of a percent marker starting at `k` (0 if none).
fn percent_len(tokens: &[&str], k: usize) -> usize {
    let next = tokens.get(k + 1).copied();
    match tokens.get(k).copied() {
        Some("%" | "بالمئه" | "بالمائه" | "percent" | "pct") => 1,
        Some("في") if matches!(next, Some("المئه" | "المائه")) => 2,
        Some("per") if next == Some("cent") => 2,
        _ => 0,
    }
}

/// Whether a token announces a year: عام، العام، سنه، لعام، year, in.
fn is_year_word(tok: &str) -> bool {
    if matches!(tok, "year" | "in") {
        return true;
    }
    let t = tok.strip_prefix('و').unwrap_or(tok);
    let t = ["ال", "بال", "لل", "ل", "ب"]
        .iter()
        .find_map(|p| t.strip_prefix(p).filter(|s| matches!(*s, "عام" | "سنه")))
        .unwrap_or(t);
    matches!(t, "عام" | "سنه")
}

/// Where the last atom of a cardinal left the composition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Start,
    Unit,
    TeenPrefix,
    Teen,
    Tens,
    Hundred,
    Scale,
    Digits,
}

/// A cardinal being composed: `total` holds the finished scale groups,
/// `current` the group below the last scale.
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: f64,
    current: f64,
    last: Last,
    last_scale: f64,
}

impl Acc {
    fn new() -> Self {
        Acc {
            total: 0.0,
            current: 0.0,
            last: Last::Start,
            last_scale: f64::INFINITY,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }

    /// Adds an atom (`conn`: a و / "and" came before it). False when the
    /// atom does not continue this number.
    fn push(&mut self, atom: Atom, conn: bool) -> bool {
        use Last as L;
        // A new group may begin: at the start or right after a scale word.
        let open = self.last == L::Start || (self.last == L::Scale && self.current == 0.0);
        let after_hundred = self.last == L::Hundred;
        match atom {
            Atom::Unit(v) | Atom::TeenPrefix(v) | Atom::Teen(v) => {
                let next = match atom {
                    Atom::Unit(_) => L::Unit,
                    Atom::TeenPrefix(_) => L::TeenPrefix,
                    _ => L::Teen,
                };
                if open || after_hundred {
                    self.current += v;
                    self.last = next;
                } else if self.last == L::Tens && !conn && next == L::Unit {
                    // twenty five
                    self.current += v;
                    self.last = L::Teen;
                } else {
                    return false;
                }
            }
            Atom::Ten => {
                if matches!(self.last, L::Unit | L::TeenPrefix) && !conn {
                    // ثلاثه عشر، احد عشر
                    self.current += 10.0;
                    self.last = L::Teen;
                } else if open || after_hundred {
                    self.current += 10.0;
                    self.last = L::Teen;
                } else {
                    return false;
                }
            }
            Atom::Tens(v) => {
                if open || after_hundred {
                    self.current += v;
                    self.last = L::Tens;
                } else if self.last == L::Unit && conn {
                    // خمسه وعشرين
                    self.current += v;
                    self.last = L::Teen;
                } else {
                    return false;
                }
            }
            Atom::Hundred => {
                let small_count = self.current > 0.0
                    && self.current < 100.0
                    && self.current.fract() == 0.0
                    && matches!(self.last, L::Unit | L::Teen | L::Tens | L::Digits);
                if open {
                    self.current = 100.0;
                    self.last = L::Hundred;
                } else if small_count && !conn && (self.last != L::Digits || self.current < 10.0) {
                    // ثلاث مائه، fifteen hundred
                    self.current *= 100.0;
                    self.last = L::Hundred;
                } else {
                    return false;
                }
            }
            Atom::Hundreds(v) => {
                if !open {
                    return false;
                }
                self.current = v;
                self.last = L::Hundred;
            }
            Atom::Scale(s) => return self.scale(s, conn),
            Atom::PluralScale(s) => {
                // ثلاثه الاف، 3 الاف، 10 مليارات: plural after a count.
                let counted = self.last == L::Digits
                    || (matches!(self.last, L::Unit | L::Teen) && (2.0..=10.0).contains(&self.current));
                if !counted || conn {
                    return false;
                }
                return self.scale(s, false);
            }
            Atom::DualScale(s) => {
                if !open || (self.last == L::Scale && s >= self.last_scale) {
                    return false;
                }
                self.total += 2.0 * s;
                self.last_scale = s;
                self.last = L::Scale;
            }
            Atom::Digits(v) => {
                if self.last == L::Start {
                    self.current = v;
                } else if self.last == L::Scale && self.current == 0.0 && conn && v < self.last_scale {
                    // مليون و200 الف
                    self.current = v;
                } else {
                    return false;
                }
                self.last = L::Digits;
            }
            Atom::Ordinal(_) | Atom::OrdinalPrefix(_) => return false,
        }
        true
    }

    fn scale(&mut self, s: f64, conn: bool) -> bool {
        use Last as L;
        if self.last == L::TeenPrefix {
            return false;
        }
        if self.current > 0.0 && !conn {
            if s < self.last_scale {
                self.total += self.current * s;
            } else {
                self.total = (self.total + self.current) * s;
            }
            self.current = 0.0;
        } else if self.current == 0.0 && self.last == L::Start {
            self.total = s;
        } else if self.current == 0.0 && self.last == L::Scale && !conn && s > self.last_scale {
            // مئه الف مليون
            self.total *= s;
        } else if self.current == 0.0 && self.last == L::Scale && conn && s < self.last_scale {
            // مليون والف
            self.total += s;
        } else {
            return false;
        }
        self.last_scale = s;
        self.last = L::Scale;
        true
    }
}

/// A standalone connector token.
fn is_connector(tok: &str) -> bool {
    matches!(tok, "و" | "and")
}

/// Finds the numbers in a sequence of folded tokens, in order and without
/// overlap. See the module documentation for the forms read.
pub fn parse_number_words(tokens: &[&str]) -> Vec<NumberSpan> {
    let mut out: Vec<NumberSpan> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let after_cardinal = out
            .last()
            .is_some_and(|s| s.kind != NumberKind::Ordinal && s.last + 1 == i);
        // A percent marker without a number before it is no number:
        // "المئه" in "في المئه" is not 100.
        let marker = percent_len(tokens, i);
        if marker > 0 {
            i += marker;
            continue;
        }
        if let Some(span) = fraction_at(tokens, i) {
            i = span.last + 1;
            out.push(span);
            continue;
        }
        match parse_at(tokens, i, after_cardinal) {
            Some(span) => {
                i = span.last + 1;
                out.push(span);
            }
            None => i += 1,
        }
    }
    out
}

/// An English share written as a fraction before "of", as a percentage:
/// "a quarter of" (25), "half of" / "a half of" (50), "three quarters of"
/// (75). Thirds are not read: 33.3 is no value a source writes ("33 %"), so
/// it could only ever differ.
pub fn fraction_at(tokens: &[&str], i: usize) -> Option<NumberSpan> {
    let share = |w: &str| match w {
        "half" => Some(50.0),
        "quarter" | "quarters" => Some(25.0),
        _ => None,
    };
    let count = match tokens[i] {
        "a" | "one" => Some(1.0),
        "three" => Some(3.0),
        _ => None,
    };
    let (last, value) = match (count, tokens.get(i + 1).and_then(|w| share(w))) {
        // "a quarter", "three quarters"; not "one quarters" nor "three quarter".
        (Some(n), Some(v)) if n * v < 100.0 && (n > 1.0) == tokens[i + 1].ends_with('s') => (i + 1, n * v),
        _ if tokens[i] == "half" => (i, 50.0),
        _ => return None,
    };
    (tokens.get(last + 1) == Some(&"of")).then_some(NumberSpan {
        first: i,
        last,
        value,
        kind: NumberKind::Percent,
    })
}

/// The number starting at token `i`, if any.
fn parse_at(tokens: &[&str], i: usize, after_cardinal: bool) -> Option<NumberSpan> {
    if percent_len(tokens, i) > 0 {
        return None;
    }
    // "one of the largest": a pronoun, not a count.
    if tokens[i] == "one" && tokens.get(i + 1) == Some(&"of") {
        return None;
    }
    // The same in Arabic: "المغرب واحد من 26 دولة" (one of 26 countries)
    // counts the countries, not the one.
    let bare = tokens[i]
        .strip_prefix('و')
        .filter(|b| b.starts_with("واحد"))
        .unwrap_or(tokens[i]);
    if matches!(bare, "واحد" | "واحده") && tokens.get(i + 1) == Some(&"من") {
        return None;
    }
    let hit = lookup(tokens[i])?;
    if let Atom::Ordinal(v) | Atom::OrdinalPrefix(v) = hit.atom {
        return ordinal_at(tokens, i, hit, v, after_cardinal);
    }
    let mut acc = Acc::new();
    if !acc.push(hit.atom, false) {
        return None;
    }
    let mut cur = i;
    let mut snap = (acc.last != Last::TeenPrefix).then_some((i, acc.value(), acc.last));
    loop {
        let mut k = cur + 1;
        let mut conn = false;
        if tokens.get(k).is_some_and(|t| is_connector(t)) {
            conn = true;
            k += 1;
        }
        if k >= tokens.len() || percent_len(tokens, k) > 0 {
            break;
        }
        let Some(next) = lookup(tokens[k]) else {
            break;
        };
        if next.other || (conn && next.conj) {
            break;
        }
        let c = conn || next.conj;
        if next.article && !c {
            break;
        }
        if !acc.push(next.atom, c) {
            break;
        }
        cur = k;
        if acc.last != Last::TeenPrefix {
            snap = Some((k, acc.value(), acc.last));
        }
    }
    let (last, value, last_kind) = snap?;
    // twenty first
    if last_kind == Last::Tens {
        if let Some(Hit {
            atom: Atom::Ordinal(v),
            conj: false,
            other: false,
            ..
        }) = tokens.get(last + 1).and_then(|t| lookup(t))
        {
            if v < 10.0 {
                return Some(NumberSpan {
                    first: i,
                    last: last + 1,
                    value: value + v,
                    kind: NumberKind::Ordinal,
                });
            }
        }
    }
    let p = percent_len(tokens, last + 1);
    if p > 0 {
        return Some(NumberSpan {
            first: i,
            last: last + p,
            value,
            kind: NumberKind::Percent,
        });
    }
    let single_digits = last == i && last_kind == Last::Digits;
    let integer = value.fract() == 0.0;
    let bare_year = single_digits && tokens[i].len() == 4 && (1900.0..=2100.0).contains(&value);
    let announced = i > 0
        && is_year_word(tokens[i - 1])
        && integer
        && (1000.0..=2999.0).contains(&value)
        && (tokens[i - 1] != "in" || single_digits);
    let kind = if integer && (bare_year || announced) {
        NumberKind::Year
    } else {
        NumberKind::Cardinal
    };
    Some(NumberSpan {
        first: i,
        last,
        value,
        kind,
    })
}

/// An ordinal at token `i`: الرابع، الحادي عشر، الحادي والعشرون، fourth, 4th.
fn ordinal_at(tokens: &[&str], i: usize, hit: Hit<'_>, v: f64, after_cardinal: bool) -> Option<NumberSpan> {
    // "30 ثانيه" / "30 second": seconds, not a rank.
    if after_cardinal && matches!(hit.stem, "ثانيه" | "second") {
        return None;
    }
    let span = |last, value| NumberSpan {
        first: i,
        last,
        value,
        kind: NumberKind::Ordinal,
    };
    let arabic = !hit.stem.is_ascii();
    if arabic && v < 10.0 {
        if let Some(Hit {
            atom: Atom::Ten,
            conj: false,
            other: false,
            ..
        }) = tokens.get(i + 1).and_then(|t| lookup(t))
        {
            return Some(span(i + 1, v + 10.0));
        }
        // الحادي والعشرون، الخامس و العشرين
        let (k, conn) = match tokens.get(i + 1) {
            Some(t) if is_connector(t) => (i + 2, true),
            _ => (i + 1, false),
        };
        if let Some(next) = tokens.get(k).and_then(|t| lookup(t)) {
            if let Atom::Tens(t) = next.atom {
                if (conn || next.conj) && !next.other && !(conn && next.conj) {
                    return Some(span(k, v + t));
                }
            }
        }
    }
    match hit.atom {
        Atom::OrdinalPrefix(_) => None,
        _ => Some(span(i, v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn parse(text: &str) -> Vec<NumberSpan> {
        let norm = normalize(text);
        let tokens: Vec<&str> = norm.split(' ').filter(|t| !t.is_empty()).collect();
        parse_number_words(&tokens)
    }

    /// The (value, kind) pairs found in `text`.
    fn values(text: &str) -> Vec<(f64, NumberKind)> {
        parse(text).iter().map(|s| (s.value, s.kind)).collect()
    }

    fn one(text: &str) -> (f64, NumberKind) {
        let v = values(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v[0]
    }

    use NumberKind::*;

    #[test]
    fn six_submarines_in_both_languages() {
        let en = parse("six submarines");
        let ar = parse("6 غواصات");
        assert_eq!((en[0].value, en[0].kind), (6.0, Cardinal));
        assert_eq!((ar[0].value, ar[0].kind), (6.0, Cardinal));
        assert!(same_quantity(&en[0], &ar[0]));
        assert_eq!(one("ست غواصات"), (6.0, Cardinal));
        assert_eq!(one("ستة غواصات"), (6.0, Cardinal));
        assert_eq!(one("٦ غواصات"), (6.0, Cardinal));
        assert_eq!(one("الغواصات الست"), (6.0, Cardinal));
    }

    #[test]
    fn scales() {
        assert_eq!(one("48 مليون دولار"), (48e6, Cardinal));
        assert_eq!(one("مئة مليون"), (1e8, Cardinal));
        assert_eq!(one("مائة مليون"), (1e8, Cardinal));
        assert_eq!(one("ثلاثة آلاف"), (3000.0, Cardinal));
        assert_eq!(one("3 آلاف جندي"), (3000.0, Cardinal));
        assert_eq!(one("1.5 مليار"), (1.5e9, Cardinal));
        assert_eq!(one("نحو 10 مليارات دولار"), (1e10, Cardinal));
        assert_eq!(one("ملياري دولار"), (2e9, Cardinal));
        assert_eq!(one("مليون"), (1e6, Cardinal));
        assert_eq!(one("48 million dollars"), (48e6, Cardinal));
        assert_eq!(one("$1.5bn"), (1.5e9, Cardinal));
        assert_eq!(one("three million five hundred thousand"), (3.5e6, Cardinal));
        assert_eq!(one("مئة ألف"), (1e5, Cardinal));
        assert_eq!(one("عشرين ألفاً"), (20_000.0, Cardinal));
        assert_eq!(one("مليون و200 ألف"), (1.2e6, Cardinal));
        assert_eq!(one("1,000 جندي"), (1000.0, Cardinal));
        assert_eq!(one("1.000.000"), (1e6, Cardinal));
        let s = parse("نحو 48 مليون دولار");
        assert_eq!((s[0].first, s[0].last), (1, 2));
    }

    #[test]
    fn arabic_compounds() {
        assert_eq!(one("خمسة وعشرين"), (25.0, Cardinal));
        assert_eq!(one("خمسة و عشرين"), (25.0, Cardinal));
        assert_eq!(one("ثلاثة عشر"), (13.0, Cardinal));
        assert_eq!(one("أحد عشر"), (11.0, Cardinal));
        assert_eq!(one("إحدى عشرة"), (11.0, Cardinal));
        assert_eq!(one("اثنا عشر"), (12.0, Cardinal));
        assert_eq!(one("ثلاثمائة"), (300.0, Cardinal));
        assert_eq!(one("ثلاث مئة"), (300.0, Cardinal));
        assert_eq!(one("مائتي"), (200.0, Cardinal));
        assert_eq!(one("مائة وخمسة وعشرين"), (125.0, Cardinal));
        assert_eq!(one("ألفين وخمسة وعشرين"), (2025.0, Cardinal));
        assert_eq!(one("ثلاثة آلاف وخمسمائة"), (3500.0, Cardinal));
        assert_eq!(one("عشرة"), (10.0, Cardinal));
        assert_eq!(one("والخمسين"), (50.0, Cardinal));
        // Two numbers side by side stay two numbers.
        assert_eq!(values("ثلاثة 5"), vec![(3.0, Cardinal), (5.0, Cardinal)]);
        assert_eq!(values("3 و5"), vec![(3.0, Cardinal), (5.0, Cardinal)]);
    }

    #[test]
    fn english_compounds() {
        assert_eq!(one("twenty five"), (25.0, Cardinal));
        assert_eq!(one("twenty-five"), (25.0, Cardinal));
        assert_eq!(one("one hundred and five"), (105.0, Cardinal));
        assert_eq!(one("two thousand twenty five"), (2025.0, Cardinal));
        assert_eq!(one("fifteen hundred"), (1500.0, Cardinal));
        assert_eq!(one("a dozen drones"), (12.0, Cardinal));
        assert_eq!(values("five and six"), vec![(5.0, Cardinal), (6.0, Cardinal)]);
    }

    #[test]
    fn english_shares_are_percentages() {
        assert_eq!(
            one("rabat accounted for a quarter of africa's purchases"),
            (25.0, Percent)
        );
        assert_eq!(one("half of its weapons"), (50.0, Percent));
        assert_eq!(one("three quarters of the budget"), (75.0, Percent));
        assert_eq!(one("one quarter of them"), (25.0, Percent));
        // Not a share: no "of", a third, a quarter of an hour's count.
        assert!(values("the second half").iter().all(|v| v.1 != Percent));
        assert!(values("a third of the budget").iter().all(|v| v.1 != Percent));
        assert!(values("a quarter century").is_empty());
    }

    #[test]
    fn percentages() {
        assert_eq!(one("60 في المئة"), (60.0, Percent));
        assert_eq!(one("60 في المائة"), (60.0, Percent));
        assert_eq!(one("٦٠٪"), (60.0, Percent));
        assert_eq!(one("60%"), (60.0, Percent));
        assert_eq!(one("ستين بالمئة"), (60.0, Percent));
        assert_eq!(one("مئة في المئة"), (100.0, Percent));
        assert_eq!(one("sixty percent"), (60.0, Percent));
        assert_eq!(one("60 per cent"), (60.0, Percent));
        assert_eq!(one("2.5%"), (2.5, Percent));
        let s = parse("ارتفع 60 في المئة");
        assert_eq!((s[0].first, s[0].last), (1, 3));
        assert!(values("في المئة").is_empty());
    }

    #[test]
    fn ordinals() {
        assert_eq!(one("الرابع"), (4.0, Ordinal));
        assert_eq!(one("الرابعة"), (4.0, Ordinal));
        assert_eq!(one("fourth"), (4.0, Ordinal));
        assert_eq!(one("4th"), (4.0, Ordinal));
        assert_eq!(one("1st"), (1.0, Ordinal));
        assert_eq!(one("الأولى"), (1.0, Ordinal));
        assert_eq!(one("أول"), (1.0, Ordinal));
        assert_eq!(one("للمرة الثالثة"), (3.0, Ordinal));
        assert_eq!(one("الحادي عشر"), (11.0, Ordinal));
        assert_eq!(one("الثاني عشر"), (12.0, Ordinal));
        assert_eq!(one("الحادي والعشرون"), (21.0, Ordinal));
        assert_eq!(one("twenty first"), (21.0, Ordinal));
        assert_eq!(one("ثاني أكسيد الكربون"), (2.0, Ordinal));
        assert!(values("الحادي").is_empty());
        // Seconds after a count are a unit, not a rank.
        assert_eq!(one("30 ثانية"), (30.0, Cardinal));
        let four = parse("الرابع")[0];
        assert!(same_quantity(&four, &parse("fourth")[0]));
        assert!(!same_quantity(&four, &parse("4")[0]));
    }

    #[test]
    fn years() {
        assert_eq!(one("عام 2025"), (2025.0, Year));
        assert_eq!(one("2025"), (2025.0, Year));
        assert_eq!(one("in 1850"), (1850.0, Year));
        assert_eq!(one("لعام 1850"), (1850.0, Year));
        assert_eq!(one("عام ألفين وخمسة وعشرين"), (2025.0, Year));
        assert_eq!(values("2020-2030"), vec![(2020.0, Year), (2030.0, Year)]);
        assert_eq!(one("1850"), (1850.0, Cardinal));
        assert_eq!(one("2000 مليون"), (2e9, Cardinal));
        assert_eq!(one("عام 2024م"), (2024.0, Year));
        // A year and a cardinal of the same value are the same quantity.
        assert!(same_quantity(&parse("2000")[0], &parse("ألفين")[0]));
    }

    #[test]
    fn false_positive_traps() {
        assert!(values("مالي").is_empty());
        assert!(values("عشرات القتلى").is_empty());
        assert!(values("مئات").is_empty());
        assert!(values("آلاف المتظاهرين").is_empty());
        assert!(values("ملايين الدولارات").is_empty());
        assert!(values("thousands of people").is_empty());
        assert!(values("dozens").is_empty());
        assert!(values("لست أدري").is_empty());
        assert!(values("وست هام").is_empty());
        assert!(values("يوم الاثنين").is_empty());
        assert!(values("يوم الأحد").is_empty());
        assert!(values("الثلاثاء والأربعاء والخميس").is_empty());
        assert!(values("F16 MQ9B").is_empty());
        assert!(values("الخمسينيات").is_empty());
    }

    #[test]
    fn same_quantity_rules() {
        let span = |value, kind| NumberSpan {
            first: 0,
            last: 0,
            value,
            kind,
        };
        assert!(same_quantity(&span(48e6, Cardinal), &span(48_000_000.0, Cardinal)));
        assert!(same_quantity(&span(0.1 + 0.2, Percent), &span(0.3, Percent)));
        assert!(!same_quantity(&span(60.0, Percent), &span(60.0, Cardinal)));
        assert!(!same_quantity(&span(6.0, Cardinal), &span(7.0, Cardinal)));
        assert!(same_quantity(&span(0.0, Cardinal), &span(0.0, Cardinal)));
        assert!(same_quantity(&span(2025.0, Year), &span(2025.0, Cardinal)));
        assert!(!same_quantity(&span(4.0, Ordinal), &span(4.0, Cardinal)));
    }

    #[test]
    fn one_of_is_a_pronoun() {
        // Seeds 000 line 24 ("المغرب من بين 26 دولة") as a desk words it:
        // only the 26 is a count.
        let spans = parse_number_words(&["المغرب", "واحد", "من", "26", "دوله"]);
        assert!(spans.iter().all(|s| s.value != 1.0), "{spans:?}");
        assert!(parse_number_words(&["واحده", "من", "اهم", "الصفقات"]).is_empty());
        assert_eq!(parse_number_words(&["واحد", "وعشرون"])[0].value, 21.0);
        assert!(parse_number_words(&["one", "of", "the", "largest"]).is_empty());
        let spans = parse_number_words(&["one", "submarine", "of", "six"]);
        assert_eq!(spans.iter().map(|s| s.value).collect::<Vec<_>>(), [1.0, 6.0]);
    }
}
