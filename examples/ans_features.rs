#![allow(clippy::print_stdout)]
//! Development aid: one tab-separated line of alignment figures per ANS
//! pair (train by default; never design rules on dev), to set a rule's
//! thresholds on one half of train and check them on the other: index,
//! half (`a` when the claim's FNV-1a is even, as `ans_paraphrases`), gold
//! and judged label, whether a rule gave a reason, passage words, passage
//! content words, stray words, claim units, units carried, the claim's
//! share, the passage's share (its content words that carry a claim word),
//! key units (names, numbers) lacking, whether the predicate is carried,
//! the claim units not carried, the passage's stray words, then both
//! headlines.
//!
//! `cargo run --release --example ans_features [CSV]`
use claimcheck::check::Options;
use claimcheck::eval;
use claimcheck::matching::{align, Glossary, Query};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = eval::ans_csv_arg(&args);
    let opts = Options::default();
    let eval::AnsJudged {
        pairs,
        index,
        judged,
        preds,
    } = eval::AnsJudged::read(&path, &opts)?;
    println!("i\thalf\tgold\tpred\trule\twords\tcontent\tstrays\tunits\tcarried\tshare\tpshare\tkeys_lacking\tkey_kinds\tadds_place\tpolar_strays\tpolar_lost\tpredicate\tlost\tstray_words\treasons\ts1\ts2");
    for (i, p) in pairs.iter().enumerate() {
        let q = Query::new(&p.s1, &Glossary::default(), &index);
        let terms = index.analyzed[i].tokens.all();
        let al = align(&q, &terms);
        let half = if eval::fnv1a64(p.s1.as_bytes()) % 2 == 0 {
            "a"
        } else {
            "b"
        };
        let mut covered = vec![false; terms.len()];
        for m in al.units.iter().flatten() {
            for c in covered.iter_mut().take(m.last + 1).skip(m.first) {
                *c = true;
            }
        }
        let content: Vec<usize> = (0..terms.len())
            .filter(|&k| {
                let t = &terms[k];
                !claimcheck::stem::is_stop_word(&t.norm) && t.value.is_none() && t.norm.chars().any(char::is_alphabetic)
            })
            .collect();
        let strays: Vec<&str> = content
            .iter()
            .filter(|&&k| !covered[k])
            .map(|&k| terms[k].norm.as_str())
            .collect();
        let polar = |w: &str| opts.antonyms.opposites(w).next().is_some() || claimcheck::stance::cues::is_cue(w);
        let polar_strays = strays.iter().filter(|w| polar(w)).count();
        let polar_lost = q
            .units
            .iter()
            .zip(&al.units)
            .filter(|(u, m)| m.is_none() && u.label.split(' ').any(polar))
            .count();
        let pshare = 1.0 - strays.len() as f64 / content.len().max(1) as f64;
        let pred = match q.units.iter().zip(&al.units).find(|(u, _)| u.predicate) {
            Some((_, Some(_))) => "carried",
            Some((_, None)) => "lacking",
            None => "none",
        };
        let keys_lacking = q
            .units
            .iter()
            .zip(&al.units)
            .filter(|(u, m)| u.key && m.is_none())
            .count();
        // Each key unit lacking, by kind: a number, a place whose city the
        // passage names, a place adjective (nisba), a place after في at the
        // end, another place, another name; `+` when the passage names a
        // place the claim does not.
        let groups = claimcheck::names::groups();
        let passage_places: Vec<usize> = terms
            .iter()
            .filter_map(|t| claimcheck::matching::place_of(&t.norm, &t.stem))
            .collect();
        let last_at = q.units.iter().map(|u| u.at).max().unwrap_or(0);
        let key_kinds: Vec<String> =
            q.units
                .iter()
                .zip(&al.units)
                .filter(|(u, m)| u.key && m.is_none())
                .map(|(u, _)| {
                    let kind = if u.kind == claimcheck::matching::UnitKind::Number {
                        "num"
                    } else if let Some(g) = u.place {
                        let nisba = ["ي", "يه", "يون", "يين", "يان"].iter().any(|e| u.label.ends_with(e))
                            && !groups[g].is_city();
                        if passage_places.iter().any(|&h| {
                            groups[h].is_city() && !groups[g].is_city() && groups[h].region() == groups[g].code
                        }) {
                            "city-of"
                        } else if nisba {
                            "nisba"
                        } else if u.at == last_at && u.at > 0 && q.tokens[u.at - 1].norm == "في" {
                            "pp-end"
                        } else {
                            "place"
                        }
                    } else {
                        "name"
                    };
                    format!("{kind}:{}", u.label)
                })
                .collect();
        let adds_place = !eval::places_added(&q, &terms).is_empty();
        let lost: Vec<String> = q
            .units
            .iter()
            .zip(&al.units)
            .filter_map(|(u, m)| match m {
                None => Some(u.label.clone()),
                Some(m) if m.strength < 0.8 => Some(format!("{}~{}", u.label, m.how.as_str())),
                _ => None,
            })
            .collect();
        let rule = judged[i].reasons.iter().any(|r| !r.starts_with("lacks"));
        println!(
            "{i}\t{half}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{pshare:.3}\t{keys_lacking}\t{}\t{}\t{polar_strays}\t{polar_lost}\t{pred}\t{}\t{}\t{}\t{}\t{}",
            p.label,
            preds[i],
            u8::from(rule),
            terms.len(),
            content.len(),
            strays.len(),
            q.units.len(),
            al.units.iter().flatten().count(),
            al.score,
            key_kinds.join(" "),
            u8::from(adds_place),
            lost.join(" "),
            strays.join(" "),
            judged[i].reasons.join("; "),
            p.s1,
            p.s2
        );
    }
    Ok(())
}
