#![allow(clippy::print_stdout)]
use lagebild_eval::attribution::{evaluate, read_polnear};
use lagebild_pipeline::{Knowledge, Options, Timings};
use std::collections::HashMap;

fn main() {
    let data = lagebild_eval::shared_data_dir().unwrap();
    let docs = read_polnear(&data.join("attribution/en/polnear"), "train").unwrap();
    let knowledge = Knowledge::embedded().unwrap();
    let options = Options::default();
    let (_, _, analysed) = evaluate(&docs, |doc| {
        lagebild_pipeline::analyze(doc.raw("en"), &knowledge, &options, &mut Timings::default()).document
    });
    let mut missed: HashMap<String, usize> = HashMap::new();
    let mut spurious: HashMap<String, usize> = HashMap::new();
    let mut prec: HashMap<String, (usize, usize)> = HashMap::new();
    let mut examples: HashMap<String, Vec<String>> = HashMap::new();
    for (doc, (_, document)) in docs.iter().zip(&analysed) {
        let gold: Vec<std::ops::Range<usize>> = doc
            .statements
            .iter()
            .filter_map(|s| {
                let a = s.cue.iter().map(|r| r.start).min()?;
                let b = s.cue.iter().map(|r| r.end).max()?;
                Some(a..b)
            })
            .collect();
        let pred: Vec<std::ops::Range<usize>> =
            document.claims.iter().map(|c| c.cue.range.start() as usize..c.cue.range.end() as usize).collect();
        for g in &gold {
            if !pred.iter().any(|p| p.start < g.end && g.start < p.end) {
                let key = doc.text[g.clone()].to_lowercase();
                *missed.entry(key.clone()).or_default() += 1;
                let line_start = if std::env::var("WIDE").is_ok() {
                    doc.text.floor_char_boundary(g.start.saturating_sub(200))
                } else {
                    doc.text[..g.start].rfind(['.', '\n']).map_or(0, |i| i + 1)
                };
                let line_end = doc.text[g.end..].find(['.', '\n']).map_or(doc.text.len(), |i| g.end + i);
                examples.entry(key).or_default().push(doc.text[line_start..line_end].trim().to_string());
            }
        }
        for p in &pred {
            let key = document
                .tokens
                .iter()
                .find(|t| {
                    t.range.start() as usize >= p.start
                        && t.pos.as_deref() != Some("AUX")
                        && t.pos.as_deref() != Some("PART")
                })
                .and_then(|t| t.lemma.as_deref())
                .unwrap_or("")
                .to_lowercase();
            let e = prec.entry(key).or_insert((0, 0));
            e.0 += 1;
            if gold.iter().any(|g| p.start < g.end && g.start < p.end) {
                e.1 += 1;
            }
            if !gold.iter().any(|g| p.start < g.end && g.start < p.end) {
                if std::env::var("SPUR").is_ok_and(|w| w == doc.text[p.clone()].to_lowercase()) {
                    let ls = doc.text[..p.start].rfind(['.', '\n']).map_or(0, |i| i + 1);
                    let le = doc.text[p.end..].find(['.', '\n']).map_or(doc.text.len(), |i| p.end + i);
                    println!("SP\t{}", doc.text[ls..le].trim().chars().take(200).collect::<String>());
                }
                *spurious.entry(doc.text[p.clone()].to_lowercase()).or_default() += 1;
            }
        }
    }
    if std::env::var("DUMP").is_ok() {
        for (doc, (_, document)) in docs.iter().zip(&analysed) {
            for c in &document.claims {
                println!(
                    "DUMP\t{}\t{}\t{}\t{}",
                    doc.name,
                    &doc.text[c.cue.range.start() as usize..c.cue.range.end() as usize],
                    c.speaker.as_ref().map_or("", |s| &doc.text[s.range.start() as usize..s.range.end() as usize]),
                    &doc.text[c.content.range.start() as usize..c.content.range.end() as usize]
                        .chars()
                        .take(80)
                        .collect::<String>()
                );
            }
        }
    }
    let mut lemmas: HashMap<String, (usize, usize, usize)> = HashMap::new();
    for (doc, (_, document)) in docs.iter().zip(&analysed) {
        let gold: Vec<std::ops::Range<usize>> = doc.statements.iter().flat_map(|s| s.cue.clone()).collect();
        let pred: Vec<std::ops::Range<usize>> =
            document.claims.iter().map(|c| c.cue.range.start() as usize..c.cue.range.end() as usize).collect();
        for t in &document.tokens {
            if t.pos.as_deref() != Some(std::env::var("POS").as_deref().unwrap_or("VERB")) {
                continue;
            }
            let r = t.range.start() as usize..t.range.end() as usize;
            let e = lemmas.entry(t.lemma.as_deref().unwrap_or("").to_string()).or_default();
            e.0 += 1;
            if gold.iter().any(|g| g.start < r.end && r.start < g.end) {
                e.1 += 1;
            }
            if pred.iter().any(|g| g.start < r.end && r.start < g.end) {
                e.2 += 1;
            }
        }
    }
    let mut l: Vec<_> = lemmas.into_iter().filter(|x| x.1.1 >= 8 && x.1.2 * 2 < x.1.0).collect();
    l.sort_by(|a, b| b.1.1.cmp(&a.1.1));
    println!("LEMMAS (all, gold cue, predicted)");
    for (k, (a, g, p)) in l.iter().take(100) {
        println!("{k}\t{a}\t{g}\t{p}\t{:.2}", *g as f64 / *a as f64);
    }
    let mut m: Vec<_> = missed.into_iter().collect();
    m.sort_by(|a, b| b.1.cmp(&a.1));
    if let Ok(word) = std::env::var("SHOW") {
        for e in examples.get(&word).into_iter().flatten() {
            println!("EX\t{e}");
        }
    }
    println!("MISSED {}", m.iter().map(|x| x.1).sum::<usize>());
    for (k, n) in m.iter().take(120) {
        println!(
            "{n}\t{k}\t| {}",
            examples[k].first().map(|s| s.chars().take(160).collect::<String>()).unwrap_or_default()
        );
    }
    let mut pr: Vec<_> = prec.into_iter().collect();
    pr.sort_by(|a, b| b.1.0.cmp(&a.1.0));
    println!("PRECISION by lemma");
    for (k, (n, m)) in &pr {
        println!("P\t{k}\t{n}\t{m}\t{:.2}", *m as f64 / *n as f64);
    }
    let mut s: Vec<_> = spurious.into_iter().collect();
    s.sort_by(|a, b| b.1.cmp(&a.1));
    println!("SPURIOUS {}", s.iter().map(|x| x.1).sum::<usize>());
    for (k, n) in s.iter().take(60) {
        println!("{n}\t{k}");
    }
}
