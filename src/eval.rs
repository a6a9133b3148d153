//! Evaluation: measuring judgements against labelled data.
//!
//! This module owns the quality measurements the team reports and the tests
//! keep floors on: verdict accuracy on a gold claims file (each claim's
//! `expect` is its gold verdict), and stance accuracy and macro-F1 on the
//! ANS corpus (pairs of Arabic headlines labelled agree / disagree / other,
//! where `s1` is the claim and `s2` the one source it cites). It prints
//! nothing; examples and tests print or assert its figures.

use crate::check::{self, Options};
use crate::claims;
use crate::index::Index;
use crate::matching::{align, place_of, Glossary, Query};
use crate::sources::{self, Corpus, LoadOptions, Source};
use crate::stance::{judge, Judgement};
use crate::verdict::{Stance, Verdict};
use std::collections::BTreeMap;
use std::path::Path;

/// 64-bit FNV-1a of a byte string (the split rule of the labelled lists).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// SplitMix64's finalizer: spreads every input bit over the whole word.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The consonant skeleton of an Arabic stem: weak letters, hamza seats and
/// ه dropped (census examples tell a derivation of the same root by it).
pub fn skeleton(stem: &str) -> String {
    stem.chars().filter(|c| !"اويىءئؤآأإه".contains(*c)).collect()
}

/// Edit distance between two words, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// A confusion matrix over string labels: `(gold, predicted) → count`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Confusion {
    /// The labels, in display order.
    pub labels: Vec<String>,
    /// Counts per (gold, predicted).
    pub counts: BTreeMap<(String, String), usize>,
}

impl Confusion {
    /// An empty matrix over these labels.
    pub fn new(labels: &[&str]) -> Confusion {
        Confusion {
            labels: labels.iter().map(|s| s.to_string()).collect(),
            counts: BTreeMap::new(),
        }
    }

    /// Records one item.
    pub fn add(&mut self, gold: &str, predicted: &str) {
        *self
            .counts
            .entry((gold.to_string(), predicted.to_string()))
            .or_insert(0) += 1;
    }

    fn count(&self, gold: &str, predicted: &str) -> usize {
        self.counts
            .get(&(gold.to_string(), predicted.to_string()))
            .copied()
            .unwrap_or(0)
    }

    /// Number of items.
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }

    /// Share of items predicted right.
    pub fn accuracy(&self) -> f64 {
        let right: usize = self.labels.iter().map(|l| self.count(l, l)).sum();
        right as f64 / self.total().max(1) as f64
    }

    /// F1 of one label.
    pub fn f1(&self, label: &str) -> f64 {
        let tp = self.count(label, label) as f64;
        let predicted: usize = self.labels.iter().map(|g| self.count(g, label)).sum();
        let gold: usize = self.labels.iter().map(|p| self.count(label, p)).sum();
        if tp == 0.0 {
            return 0.0;
        }
        let p = tp / predicted as f64;
        let r = tp / gold as f64;
        2.0 * p * r / (p + r)
    }

    /// Mean F1 over the labels.
    pub fn macro_f1(&self) -> f64 {
        self.labels.iter().map(|l| self.f1(l)).sum::<f64>() / self.labels.len().max(1) as f64
    }

    /// The matrix as a Markdown table (rows gold, columns predicted).
    pub fn table(&self) -> String {
        let mut s = String::from("| gold \\ predicted |");
        for l in &self.labels {
            s.push_str(&format!(" {l} |"));
        }
        s.push_str("\n| --- |");
        for _ in &self.labels {
            s.push_str(" ---: |");
        }
        s.push('\n');
        for g in &self.labels {
            s.push_str(&format!("| {g} |"));
            for p in &self.labels {
                s.push_str(&format!(" {} |", self.count(g, p)));
            }
            s.push('\n');
        }
        s
    }
}

/// One gold claim and what the tool said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldItem {
    /// Claim id.
    pub id: String,
    /// Gold verdict.
    pub gold: Verdict,
    /// Predicted verdict.
    pub predicted: Verdict,
}

/// Verdict accuracy on a gold claims file (claims without `expect` are skipped).
pub fn gold(path: &Path, opts: &Options) -> anyhow::Result<(Confusion, Vec<GoldItem>)> {
    gold_with(path, opts, false)
}

/// Like [`gold`]; with `english_only`, only the claims written in English,
/// judged on their English wording alone (their `also` wordings dropped).
pub fn gold_with(path: &Path, opts: &Options, english_only: bool) -> anyhow::Result<(Confusion, Vec<GoldItem>)> {
    let mut file = claims::load(path)?;
    if english_only {
        file.claims.retain(|c| !crate::stem::is_arabic(&c.text));
        for c in &mut file.claims {
            c.also.clear();
        }
    }
    let corpus = sources::load(&crate::app::source_folders(&file, &[]), LoadOptions::default())?;
    let index = Index::build(&corpus);
    let report = check::check(std::slice::from_ref(&file), &corpus, &index, opts);
    let mut m = Confusion::new(&["supported", "contradicted", "disputed", "unsourced"]);
    let mut items = Vec::new();
    for (c, r) in file.claims.iter().zip(&report.claims) {
        let Some(gold) = c.expect else { continue };
        m.add(gold.as_str(), r.verdict.as_str());
        items.push(GoldItem {
            id: c.id.clone(),
            gold,
            predicted: r.verdict,
        });
    }
    Ok((m, items))
}

/// Sets thresholds from `name=value,...` (`support`, `support_headline`,
/// ...): the thresholds a development run tries (examples read them from
/// `THRESHOLDS`; set them on train only).
pub fn set_thresholds(th: &mut crate::stance::Thresholds, list: &str) -> anyhow::Result<()> {
    for kv in list.split(',').filter(|s| !s.is_empty()) {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| anyhow::anyhow!("{kv}: not name=value"))?;
        let v: f64 = v.parse()?;
        match k {
            "support" => th.support = v,
            "support_without_predicate" => th.support_without_predicate = v,
            "support_translated" => th.support_translated = v,
            "support_headline" => th.support_headline = v,
            "contradict" => th.contradict = v,
            "contradict_predicate" => th.contradict_predicate = v,
            "contradict_headline" => th.contradict_headline = v,
            "mention" => th.mention = v,
            _ => anyhow::bail!("{k}: no such threshold"),
        }
    }
    Ok(())
}

/// One ANS pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnsPair {
    /// The claim headline.
    pub s1: String,
    /// The source headline.
    pub s2: String,
    /// `agree`, `disagree` or `other`.
    pub label: String,
}

/// The places a passage names that the claim does not (census examples
/// class a pair by them), as the passage writes them.
pub fn places_added(q: &Query, terms: &[crate::index::Term]) -> Vec<String> {
    let claim_places: Vec<usize> = q.tokens.iter().filter_map(|t| place_of(&t.norm, &t.stem)).collect();
    terms
        .iter()
        .filter(|t| place_of(&t.norm, &t.stem).is_some_and(|g| !claim_places.contains(&g)))
        .map(|t| t.norm.to_string())
        .collect()
}

/// The ANS CSV an example's arguments name (the first ending in `.csv`), else
/// the train split beside the project (`../shared/data/ans/stance-train.csv`).
pub fn ans_csv_arg(args: &[String]) -> String {
    args.iter()
        .find(|a| a.ends_with(".csv"))
        .cloned()
        .unwrap_or_else(|| "../shared/data/ans/stance-train.csv".into())
}

/// Reads an ANS CSV (`s1,s2,stance`, with a header; fields may be quoted).
pub fn read_ans(text: &str) -> Vec<AnsPair> {
    let mut out = Vec::new();
    for line in text.lines().skip(1) {
        let fields = split_csv(line);
        if fields.len() == 3 {
            out.push(AnsPair {
                s1: fields[0].clone(),
                s2: fields[1].clone(),
                label: fields[2].trim().to_string(),
            });
        }
    }
    out
}

fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// The ANS label the tool gives a pair: the stance of `s2` towards `s1`,
/// with IDF taken over all `s2` headlines of the split.
pub fn ans_predictions(pairs: &[AnsPair], opts: &Options) -> Vec<&'static str> {
    ans_judgements(pairs, opts).iter().map(ans_label).collect()
}

/// The ANS label of a pair's judgement.
pub fn ans_label(j: &Judgement) -> &'static str {
    match j.stance {
        Some(Stance::Supports) => "agree",
        Some(Stance::Contradicts) => "disagree",
        _ => "other",
    }
}

/// An ANS split judged once, as the census examples read it: the pairs,
/// the index of their second headlines, each pair's judgement on it and
/// its ANS label.
pub struct AnsJudged {
    pub pairs: Vec<AnsPair>,
    pub index: Index,
    pub judged: Vec<Judgement>,
    pub preds: Vec<&'static str>,
}

impl AnsJudged {
    /// The pairs of the ANS CSV at `path` ([`read_ans`]), indexed and judged.
    pub fn read(path: &str, opts: &Options) -> std::io::Result<Self> {
        Ok(Self::new(read_ans(&std::fs::read_to_string(path)?), opts))
    }

    pub fn new(pairs: Vec<AnsPair>, opts: &Options) -> Self {
        let index = Index::build(&ans_corpus(&pairs));
        let judged = judge_pairs(&pairs, &index, opts);
        let preds = judged.iter().map(ans_label).collect();
        AnsJudged {
            pairs,
            index,
            judged,
            preds,
        }
    }
}

/// The fixed-seed sample the ANS census examples read: of the pairs of
/// `gold` label judged `predicted`, those whose `mix64(i ^ 0x5eed)` is
/// smallest (`limit` of them, all when `None`), in file order, with how
/// many pairs there were in all.
pub fn ans_sample(
    pairs: &[AnsPair],
    preds: &[&str],
    gold: &str,
    predicted: &str,
    limit: Option<usize>,
) -> (usize, Vec<usize>) {
    let mut chosen: Vec<usize> = (0..pairs.len())
        .filter(|&i| pairs[i].label == gold && preds[i] == predicted)
        .collect();
    let found = chosen.len();
    chosen.sort_by_key(|&i| mix64(i as u64 ^ 0x5eed));
    if let Some(limit) = limit {
        chosen.truncate(limit);
    }
    chosen.sort_unstable();
    (found, chosen)
}

/// The ANS pairs as a corpus: pair `i`'s second headline is source `{i:05}`.
pub fn ans_corpus(pairs: &[AnsPair]) -> Corpus {
    Corpus {
        sources: pairs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                Source::new(
                    format!("{i:05}"),
                    format!("ans/{i:05}"),
                    format!("{i:05}.txt"),
                    p.s2.clone(),
                    Default::default(),
                )
            })
            .collect(),
        ..Corpus::default()
    }
}

/// The judgement of each ANS pair (its second headline as the passage, the
/// first as the claim), with the reasons the stance rules gave.
pub fn ans_judgements(pairs: &[AnsPair], opts: &Options) -> Vec<Judgement> {
    judge_pairs(pairs, &Index::build(&ans_corpus(pairs)), opts)
}

/// [`ans_judgements`] on the index of the pairs' second headlines.
fn judge_pairs(pairs: &[AnsPair], index: &Index, opts: &Options) -> Vec<Judgement> {
    let glossary = Glossary::default();
    pairs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let q = Query::new(&p.s1, &glossary, index);
            let terms = &index.analyzed[i].tokens.all();
            let al = align(&q, terms);
            judge(&q, terms, &al, &opts.antonyms, &opts.thresholds)
        })
        .collect()
}

/// Stance accuracy and macro-F1 on ANS pairs.
pub fn ans(pairs: &[AnsPair], opts: &Options) -> Confusion {
    let mut m = Confusion::new(&["agree", "disagree", "other"]);
    for (p, predicted) in pairs.iter().zip(ans_predictions(pairs, opts)) {
        m.add(&p.label, predicted);
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confusion_figures() {
        let mut m = Confusion::new(&["a", "b"]);
        m.add("a", "a");
        m.add("a", "b");
        m.add("b", "b");
        m.add("b", "b");
        assert_eq!(m.total(), 4);
        assert!((m.accuracy() - 0.75).abs() < 1e-9);
        assert!((m.f1("a") - 2.0 / 3.0).abs() < 1e-9);
        assert!((m.f1("b") - 0.8).abs() < 1e-9);
    }

    #[test]
    fn csv_with_quotes() {
        let pairs = read_ans("s1,s2,stance\n\"a, b\",c,agree\nx,\"y \"\"z\"\"\",other\n");
        assert_eq!(pairs[0].s1, "a, b");
        assert_eq!(pairs[1].s2, "y \"z\"");
        assert_eq!(pairs[1].label, "other");
    }
}
