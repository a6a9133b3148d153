//! Reasons: what a stance rule found, as the rule's kind and the words it
//! names, with the text shown to the user.
//!
//! Rules return a [`Reason`]; the judgement reads its kind ([`Rule`]) and
//! words ([`Reason::words`]) to decide (a denial, another event, a passage
//! given over to the claim, see [`super::headline`]), and renders it as
//! text only in the judgement it returns.
//!
//! Example: the antonym rule's reason for "ارتفاع" against "انخفاض" is
//! `Reason { rule: Rule::Antonym, words: ["ارتفاع", "انخفاض"] }`, shown as
//! `antonym ارتفاع/انخفاض`.

use std::fmt;

/// How the text of a [`Reason::swapped`] starts.
pub const SWAPPED: &str = "swapped ";

/// Which rule found a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// Another number in the claim number's slot (`number 48 vs 100`).
    Number,
    /// Another ordinal in the claim's (`ordinal الاولى vs الثانية`).
    Ordinal,
    /// Another place in the claim place's slot (`entity المغرب vs الجزائر`).
    Entity,
    /// An opposite in a claim word's slot (`antonym ارتفاع/انخفاض`).
    Antonym,
    /// "No victims" against the claim's dead (`casualties دون وقوع ضحايا`).
    Casualties,
    /// Another word of the same kind (`substituted النساء vs الرجال (people)`).
    Substituted,
    /// The claim's two places swapped (`roles المغرب/الجزائر swapped`).
    Roles,
    /// A negation or denial on one side only (`negation لم`).
    Negation,
    /// A negation for all time covering the claim's date (`timeless منذ`).
    Timeless,
}

/// A rule's finding: its kind, the words it names (the claim's and the
/// passage's, each split at spaces), and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    /// The rule that found it.
    pub rule: Rule,
    /// The words it names, one word each.
    pub words: Vec<String>,
    text: String,
}

/// The words of `parts`, split at spaces.
fn words_of(parts: &[&str]) -> Vec<String> {
    parts
        .iter()
        .flat_map(|p| p.split(' '))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl Reason {
    /// A claim word against the passage's other one: `number`, `ordinal`
    /// and `entity` reasons (`KIND claim vs other`).
    pub fn against(rule: Rule, claim: &str, other: &str) -> Reason {
        let kind = match rule {
            Rule::Number => "number",
            Rule::Ordinal => "ordinal",
            _ => "entity",
        };
        Reason {
            rule,
            words: words_of(&[claim, other]),
            text: format!("{kind} {claim} vs {other}"),
        }
    }

    /// An opposite of claim word `claim` in the passage: `antonym claim/word`.
    pub fn antonym(claim: &str, word: &str) -> Reason {
        Reason {
            rule: Rule::Antonym,
            words: words_of(&[claim, word]),
            text: format!("antonym {claim}/{word}"),
        }
    }

    /// Another word of kind `kind`: `substituted claim vs other (kind)`.
    pub fn substituted(claim: &str, other: &str, kind: &str) -> Reason {
        Reason {
            rule: Rule::Substituted,
            words: words_of(&[claim, other]),
            text: format!("substituted {claim} vs {other} ({kind})"),
        }
    }

    /// A headline that is the claim with one word replaced by another
    /// (see [`super::substitution::one_word_swapped`]): `swapped claim vs
    /// other`.
    pub fn swapped(claim: &str, other: &str) -> Reason {
        Reason {
            rule: Rule::Substituted,
            words: words_of(&[claim, other]),
            text: format!("{SWAPPED}{claim} vs {other}"),
        }
    }

    /// The claim's places `a` and `b` swapped: `roles a/b swapped`.
    pub fn roles(a: &str, b: &str) -> Reason {
        Reason {
            rule: Rule::Roles,
            words: words_of(&[a, b]),
            text: format!("roles {a}/{b} swapped"),
        }
    }

    /// The cue words of a `negation`, `casualties` or `timeless` reason.
    pub fn cues(rule: Rule, words: &str) -> Reason {
        let kind = match rule {
            Rule::Casualties => "casualties",
            Rule::Timeless => "timeless",
            _ => "negation",
        };
        Reason {
            rule,
            words: words_of(&[words]),
            text: format!("{kind} {words}"),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_shows_as_its_rule_wrote_it_and_names_its_words() {
        let r = Reason::antonym("ارتفاع", "انخفاض");
        assert_eq!(r.to_string(), "antonym ارتفاع/انخفاض");
        assert_eq!(r.words, ["ارتفاع", "انخفاض"]);
        let r = Reason::substituted("النساء", "الرجال", "people");
        assert_eq!(r.to_string(), "substituted النساء vs الرجال (people)");
        assert_eq!(
            (r.rule, r.words.as_slice()),
            (Rule::Substituted, &["النساء".to_string(), "الرجال".to_string()][..])
        );
        let r = Reason::against(Rule::Entity, "المغرب", "الجزائر تونس");
        assert_eq!(r.to_string(), "entity المغرب vs الجزائر تونس");
        assert_eq!(r.words, ["المغرب", "الجزائر", "تونس"]);
        assert_eq!(
            Reason::against(Rule::Number, "48", "100").to_string(),
            "number 48 vs 100"
        );
        assert_eq!(
            Reason::against(Rule::Ordinal, "الاولي", "الثانيه").to_string(),
            "ordinal الاولي vs الثانيه"
        );
        assert_eq!(
            Reason::roles("المغرب", "الجزائر").to_string(),
            "roles المغرب/الجزائر swapped"
        );
        let r = Reason::cues(Rule::Negation, "رفض لا");
        assert_eq!((r.to_string().as_str(), r.words.len()), ("negation رفض لا", 2));
        assert_eq!(
            Reason::cues(Rule::Casualties, "دون ضحايا").to_string(),
            "casualties دون ضحايا"
        );
        assert_eq!(Reason::cues(Rule::Timeless, "منذ").to_string(), "timeless منذ");
    }
}
