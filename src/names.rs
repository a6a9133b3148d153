//! Built-in names: countries and territories in Arabic and English.
//!
//! This module owns the built-in name lists (`data/territories.tsv`, from the
//! Unicode CLDR territory display names, with adjectives derived by rules,
//! and `data/names-extra.tsv`, short names news uses that CLDR lacks). Each
//! territory is one group of phrases (Morocco, المغرب, Moroccan, مغربي,
//! مغربية, الرباط): a claim naming one of them matches a passage naming any
//! other, and a claim's place name is a key unit (it must be carried for the
//! passage to support the claim).

use crate::normalize::{tokenize, Charmap};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const TERRITORIES: &str = include_str!("../data/territories.tsv");
const EXTRA: &str = include_str!("../data/names-extra.tsv");

/// One territory and every way of naming it (folded token phrases).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameGroup {
    /// Region code (`MA`).
    pub code: String,
    /// Phrases: names and adjectives in both languages, folded and tokenized.
    pub phrases: Vec<Vec<String>>,
}

/// All built-in name groups, sorted by code.
pub fn groups() -> &'static [NameGroup] {
    static G: OnceLock<Vec<NameGroup>> = OnceLock::new();
    G.get_or_init(|| parse(&[TERRITORIES, EXTRA]))
}

/// Parses name tables (later tables add phrases to earlier codes).
pub fn parse(tables: &[&str]) -> Vec<NameGroup> {
    let mut by_code: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for table in tables {
        for line in table.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let Some(code) = cols.next().map(str::trim).filter(|c| !c.is_empty()) else {
                continue;
            };
            let entry = by_code.entry(code.to_string()).or_default();
            for col in cols {
                for name in col.split('|') {
                    let phrase: Vec<String> = tokenize(name, &Charmap::default())
                        .into_iter()
                        .map(|t| t.norm)
                        .collect();
                    if !phrase.is_empty() && !entry.contains(&phrase) {
                        entry.push(phrase);
                    }
                }
            }
        }
    }
    by_code
        .into_iter()
        .filter(|(_, p)| !p.is_empty())
        .map(|(code, phrases)| NameGroup { code, phrases })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn group(code: &str) -> &'static NameGroup {
        groups().iter().find(|g| g.code == code).unwrap()
    }

    fn has(code: &str, name: &str) -> bool {
        let want: Vec<String> = normalize(name).split(' ').map(str::to_string).collect();
        group(code).phrases.contains(&want)
    }

    #[test]
    fn countries_in_both_languages_with_adjectives() {
        assert!(has("MA", "Morocco") && has("MA", "المغرب") && has("MA", "Moroccan") && has("MA", "مغربية"));
        assert!(has("DZ", "Algeria") && has("DZ", "الجزائر") && has("DZ", "جزائري"));
        assert!(has("RU", "Russia") && has("RU", "روسيا") && has("RU", "Russian") && has("RU", "موسكو"));
        assert!(has("US", "United States") && has("US", "الولايات المتحدة") && has("US", "أميركية"));
        assert!(has("IL", "Israel") && has("IL", "إسرائيل") && has("IL", "Israeli"));
        assert!(has("EG", "مصر") && has("EG", "Egypt"));
    }

    #[test]
    fn extras_merge_into_their_territory() {
        assert!(has("GB", "بريطانيا") && has("GB", "United Kingdom"));
        assert!(has("SA", "السعودية") && has("SA", "Saudi Arabia"));
    }

    #[test]
    fn table_parsing() {
        let g = parse(&["# c\nXX\tFoo Land|Foo\tفو\tFooish\t\n", "XX\t\tفولاند\t\t\n"]);
        assert_eq!(g.len(), 1);
        assert_eq!(
            g[0].phrases,
            vec![
                vec!["foo", "land"],
                vec!["foo"],
                vec!["فو"],
                vec!["fooish"],
                vec!["فولاند"]
            ]
        );
    }
}
