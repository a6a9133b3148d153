//! Built-in synonyms of news Arabic: words that say the same thing.
//!
//! This module owns the synonym groups (`data/synonyms.tsv`, written by the
//! team) and their parsing; [`crate::matching`] turns a claim word (or
//! phrase) of a group into a unit whose other ways of writing are the other
//! members, met as a synonym ([`crate::matching::How::Synonym`], at most
//! [`crate::matching::SYNONYM_STRENGTH`], less than the claim's own word or
//! its stem). Names and numbers never get synonyms.
//!
//! Example: "ترصد الجزائر كل عام قرابة 10 مليارات دولار" meets "تخصص
//! الجزائر سنويا نحو 10 مليارات دولار": ترصد/تخصص, كل عام/سنويا.
//!
//! A synonym only helps a passage carry a claim: [`crate::stance::judge`]
//! keeps a contradiction only if the passage contradicts the claim without
//! its synonym meetings. A group never joins two words that
//! [`crate::stance::substitution`] keeps apart (another member of a kind) or
//! that the antonym lexicon opposes: the tests check both.

use crate::normalize::{tokenize, Charmap};
use std::sync::OnceLock;

/// The built-in synonym table.
pub const BUILTIN: &str = include_str!("../data/synonyms.tsv");

/// Paraphrases learned from the ANS train split (`data/synonyms-ans.tsv`,
/// written by `examples/learn_paraphrases.rs`): met as
/// [`crate::matching::How::Paraphrase`], weaker than the team's synonyms.
pub const LEARNED: &str = include_str!("../data/synonyms-ans.tsv");

/// A group: its phrases, each as folded tokens.
pub type Group = Vec<Vec<String>>;

/// The built-in groups, in file order.
pub fn groups() -> &'static [Group] {
    static G: OnceLock<Vec<Group>> = OnceLock::new();
    G.get_or_init(|| parse(BUILTIN))
}

/// Paraphrases to try on top of [`LEARNED`] (a development aid:
/// `PARAPHRASES=file.tsv` on `examples/ans`), set before the first use.
static EXTRA: OnceLock<String> = OnceLock::new();

/// Adds the groups of `tsv` (the format of [`LEARNED`]) to the learned
/// paraphrases for this process, to measure candidates without rebuilding;
/// false if the table was already read (or extended).
pub fn try_learned(tsv: &str) -> bool {
    EXTRA.set(tsv.to_string()).is_ok() && !LEARNED_READ.get().copied().unwrap_or(false)
}

static LEARNED_READ: OnceLock<bool> = OnceLock::new();

/// The learned paraphrase groups, in file order (then any [`try_learned`]).
pub fn learned() -> &'static [Group] {
    static G: OnceLock<Vec<Group>> = OnceLock::new();
    G.get_or_init(|| {
        let _ = LEARNED_READ.set(true);
        let mut g = parse(LEARNED);
        if let Some(extra) = EXTRA.get() {
            g.extend(parse(extra));
        }
        g
    })
}

/// Parses a synonym table: one group per line, phrases separated by commas,
/// `#` comments (a whole line, or the end of one) and blank lines skipped;
/// groups of fewer than two phrases are dropped.
pub fn parse(tsv: &str) -> Vec<Group> {
    tsv.lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            line.split(',')
                .map(|p| {
                    tokenize(p, &Charmap::default())
                        .into_iter()
                        .map(|t| t.norm)
                        .collect::<Vec<String>>()
                })
                .filter(|p| !p.is_empty())
                .collect::<Group>()
        })
        .filter(|g| g.len() > 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::QTok;
    use crate::stance::antonyms::Antonyms;
    use std::collections::HashMap;

    fn stems(phrase: &[String]) -> Vec<String> {
        phrase.iter().map(|w| QTok::new(w).stem).collect()
    }

    #[test]
    fn parses_groups_and_phrases() {
        let g = parse("# comment\nعام, سنة\n\nرئيس الوزراء, رئيس الحكومة\nوحيد\n");
        assert_eq!(g.len(), 2, "a group of one is dropped");
        assert_eq!(g[0], vec![vec!["عام".to_string()], vec!["سنه".to_string()]]);
        assert_eq!(g[1][1], vec!["رئيس".to_string(), "الحكومه".to_string()]);
    }

    #[test]
    fn learned_pairs_parse_with_their_counts() {
        let g = parse("# learned\nيرتفع, بارتفاع  # 8\n");
        assert_eq!(g, vec![vec![vec!["يرتفع".to_string()], vec!["بارتفاع".to_string()]]]);
        assert!(learned().len() >= 20, "the learned table is loaded");
    }

    #[test]
    fn no_stem_in_two_groups() {
        let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
        let mut twice = Vec::new();
        for (i, g) in groups().iter().enumerate() {
            for p in g {
                match seen.get(&stems(p)) {
                    Some(&j) if j != i => twice.push(format!("{p:?} in groups {j} and {i}")),
                    _ => {}
                }
                seen.insert(stems(p), i);
            }
        }
        assert!(twice.is_empty(), "{twice:?}");
    }

    #[test]
    fn no_group_joins_two_kinds_members_or_opposites() {
        let antonyms = Antonyms::builtin();
        for g in groups().iter().chain(learned()) {
            let singles: Vec<&String> = g.iter().filter(|p| p.len() == 1).map(|p| &p[0]).collect();
            for a in &singles {
                for b in &singles {
                    let (sa, sb) = (QTok::new(a).stem, QTok::new(b).stem);
                    if let (Some(ka), Some(kb)) = (
                        crate::stance::substitution::member_line(&sa),
                        crate::stance::substitution::member_line(&sb),
                    ) {
                        assert_eq!(ka, kb, "{a} and {b} are different members of a kind");
                    }
                    let kb = crate::stance::antonyms::key(b);
                    assert!(
                        !antonyms.opposites(a).any(|(k, _)| *k == kb),
                        "{a} and {b} are opposites"
                    );
                }
            }
        }
    }
    #[test]
    fn repercussions_are_no_worsening() {
        // Seeds 000 lines 10 and 13: repercussions (التداعيات) of the arms
        // race, then Algeria's relations with Russia developing. A learned
        // pair (تداعي / تدهور, from one ANS pair) met the one for the other.
        let passage = "ويرى مراقبون ان المنطقة تشهد سباقا للتسلح بين البلدين ستكون له الكثير من التداعيات في المستقبل. وشهدت العلاقات الجزائرية الروسية تطورا في الاونة الاخيرة.";
        let j = crate::stance::judged("تدهورت العلاقات بين الجزائر وروسيا في الفترة الأخيرة", passage);
        assert_ne!(j.stance, Some(crate::verdict::Stance::Supports), "{j:?}");
    }

    /// Whether two single words, folded and stemmed, stand in one synonym group.
    fn same_group(a: &str, b: &str) -> bool {
        let folded = |w: &str| QTok::new(&crate::normalize::normalize(w)).stem;
        let (sa, sb) = (vec![folded(a)], vec![folded(b)]);
        groups().iter().any(|g| {
            let st: Vec<Vec<String>> = g.iter().map(|p| stems(p)).collect();
            st.contains(&sa) && st.contains(&sb)
        })
    }

    #[test]
    fn territory_planning_informing_joining_and_growing_are_synonyms() {
        // Seeds 003 line 151 (ترابه الوطني ... للتخطيط), 004 line 20 (يبلغ ...
        // المتزايد), 003 line 24 (انضم إلى القائمة), as a desk rewords them.
        for (a, b) in [
            ("أراضيه", "ترابه"),
            ("تدبير", "التخطيط"),
            ("يطلع", "يبلغ"),
            ("المتنامي", "المتزايد"),
            ("التحق", "انضم"),
        ] {
            assert!(same_group(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn reporting_verbs_and_expected_are_synonyms() {
        // Seeds 001 line 51 (وأكد الروداني أن) for "قال الروداني إن", 001 line
        // 30 (وأضاف المسؤول الإسرائيلي), 003 line 171 (من المرتقب أن تدعم
        // الجزائر علاقاتها) for "من المنتظر أن تطور الجزائر علاقاتها".
        for (a, b) in [
            ("قال", "أكد"),
            ("قال", "وأضاف"),
            ("صرح", "أوضح"),
            ("المنتظر", "المرتقب"),
        ] {
            assert!(same_group(a, b), "{a} / {b}");
        }
        // A denial is no report of the claim.
        assert!(!same_group("أكد", "نفى"));
    }

    #[test]
    fn winning_huge_and_clash_are_synonyms() {
        // Seeds 003 lines 129-130 (للظفر بصفقات ... ميزانية كبرى), 000 line 30
        // (صدامات مع واشنطن), as a desk rewords them.
        for (a, b) in [("كسب", "للظفر"), ("ضخمة", "كبرى"), ("مواجهة", "صدامات")] {
            assert!(same_group(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn consolidating_estrangement_coming_spiting_and_current_are_synonyms() {
        // Seeds 001 line 15 (لتعزيز العلاقات), 002 line 23 (فتور), 003 line
        // 57 (لتعاون قادم), 002 line 21 (مناكفة صريحة), 004 line 7 (القضايا
        // الدفاعية المغربية الحالية), as a desk rewords them.
        for (a, b) in [
            ("لتوطيد", "لتعزيز"),
            ("الجفاء", "فتور"),
            ("مقبل", "قادم"),
            ("نكاية", "مناكفة"),
            ("الراهنة", "الحالية"),
        ] {
            assert!(same_group(a, b), "{a} / {b}");
        }
    }
}
