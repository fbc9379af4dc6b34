#![allow(clippy::print_stdout)]
use lagebild_eval::attribution::{SpkAttSplit, read_spkatt};
use lagebild_pipeline::{Knowledge, Options, Timings};
use std::ops::Range;

fn main() {
    let data = lagebild_eval::shared_data_dir().unwrap();
    let docs = read_spkatt(&data.join("attribution/de/spkatt2023/task1"), SpkAttSplit::Development).unwrap();
    let knowledge = Knowledge::embedded().unwrap();
    let options = Options { speeches: true, ..Options::default() };
    let show: usize = std::env::var("SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let mode = std::env::var("MODE").unwrap_or_default();
    let (mut tp, mut fp_good, mut fp_bad, mut fn_cue, mut fn_nocue) = (0, 0, 0, 0, 0);
    let (mut good_cues_nosrc_goldhas, mut good_cues_src_goldnone) = (0, 0);
    let mut shown = 0;
    let mut kinds: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    let mut cats: std::collections::BTreeMap<&str, (usize, usize, usize, usize)> = Default::default();
    let overl = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    for doc in docs.iter() {
        let document =
            lagebild_pipeline::analyze(doc.raw("de"), &knowledge, &options, &mut Timings::default()).document;
        let gold_src: Vec<bool> =
            doc.tokens.iter().map(|t| doc.statements.iter().any(|s| s.source.iter().any(|c| overl(c, t)))).collect();
        let mut pred = vec![false; doc.tokens.len()];
        for c in &document.claims {
            let cue = c.cue.range.start() as usize..c.cue.range.end() as usize;
            let gs = doc.statements.iter().find(|s| s.cue.iter().any(|g| overl(g, &cue)));
            let src = c.speaker.as_ref().map(|a| a.range.start() as usize..a.range.end() as usize);
            if let Some(g) = gs {
                if src.is_none() && !g.source.is_empty() {
                    good_cues_nosrc_goldhas += 1
                }
                if src.is_some() && g.source.is_empty() {
                    good_cues_src_goldnone += 1
                }
            }
            let mut wrong = false;
            if let Some(src) = &src {
                for (i, t) in doc.tokens.iter().enumerate() {
                    if overl(t, src) && !pred[i] {
                        pred[i] = true;
                        if gold_src[i] {
                            tp += 1
                        } else if gs.is_some() {
                            fp_good += 1;
                            wrong = true
                        } else {
                            fp_bad += 1
                        }
                    }
                }
            }
            if std::env::var("ALLPAIRS").is_ok() {
                println!(
                    "PAIR {} CUE [{}] PRED [{}] GOLD [{}]",
                    doc.name,
                    &doc.text[cue.clone()],
                    src.as_ref().map_or("-", |p| &doc.text[p.clone()]),
                    gs.map(|g| g.source.iter().map(|r| &doc.text[r.clone()]).collect::<Vec<_>>().join(" … "))
                        .unwrap_or("NO CUE".into())
                );
            }
            if std::env::var("NOUNS").is_ok()
                && c.construction == lagebild_doc::ClaimConstruction::Noun
                && src.is_some()
            {
                println!(
                    "NOUN CUE [{}] PRED [{}] GOLD [{}]",
                    &doc.text[cue.clone()],
                    src.as_ref().map_or("-", |p| &doc.text[p.clone()]),
                    gs.map(|g| g.source.iter().map(|r| &doc.text[r.clone()]).collect::<Vec<_>>().join(" … "))
                        .unwrap_or("NO CUE".into())
                );
            }
            if let Some(g) = gs {
                let gold_tokens: Vec<usize> = doc
                    .tokens
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| g.source.iter().any(|r| overl(r, t)))
                    .map(|(i, _)| i)
                    .collect();
                let pred_tokens: Vec<usize> = src
                    .as_ref()
                    .map(|p| doc.tokens.iter().enumerate().filter(|(_, t)| overl(p, t)).map(|(i, _)| i).collect())
                    .unwrap_or_default();
                let inter = pred_tokens.iter().filter(|i| gold_tokens.contains(i)).count();
                let key = if pred_tokens.is_empty() && gold_tokens.is_empty() {
                    "both none"
                } else if pred_tokens.is_empty() {
                    "pred none"
                } else if gold_tokens.is_empty() {
                    "gold none"
                } else if inter == 0 {
                    "disjoint"
                } else if inter == gold_tokens.len() && inter == pred_tokens.len() {
                    "exact"
                } else {
                    "partial"
                };
                let kind = match &src {
                    None => "-",
                    Some(p) => {
                        let toks: Vec<&lagebild_doc::Token> = document
                            .tokens
                            .iter()
                            .filter(|t| overl(p, &(t.range.start() as usize..t.range.end() as usize)))
                            .collect();
                        let pron = toks.iter().any(|t| t.pos() == Some("PRON") && t.feature("PronType") == Some("Prs"));
                        let named = document.entities.iter().any(|e| {
                            overl(p, &(e.range.start() as usize..e.range.end() as usize))
                                && matches!(
                                    e.entity_type,
                                    lagebild_doc::EntityType::Person | lagebild_doc::EntityType::Organization
                                )
                        });
                        let propn = toks.iter().any(|t| t.pos() == Some("PROPN"));
                        if pron {
                            "pron"
                        } else if named {
                            "named"
                        } else if propn {
                            "propn"
                        } else if toks.iter().any(|t| t.pos() == Some("NOUN")) {
                            "noun"
                        } else {
                            "other"
                        }
                    }
                };
                if std::env::var("KIND").is_ok_and(|k| k == kind) && std::env::var("CAT").is_ok_and(|c| c == key) {
                    println!(
                        "{key}: CUE [{}] PRED [{}] GOLD [{}]",
                        &doc.text[cue.clone()],
                        src.as_ref().map_or("-", |p| &doc.text[p.clone()]),
                        g.source.iter().map(|r| &doc.text[r.clone()]).collect::<Vec<_>>().join(" … ")
                    );
                    if std::env::var("SENT").is_ok() {
                        println!(
                            "   {}",
                            document.sentences.get(c.sentence as usize).map(|s| document.slice(s.range)).unwrap_or("")
                        );
                    }
                }
                let e2 = kinds.entry((kind, key)).or_insert(0usize);
                *e2 += 1;
                let e = cats.entry(key).or_insert((0usize, 0usize, 0usize, 0usize));
                e.0 += 1;
                e.1 += inter;
                e.2 += pred_tokens.len() - inter;
                e.3 += gold_tokens.len() - inter;
            }
            let goldtext = gs.map(|s| s.source.iter().map(|r| &doc.text[r.clone()]).collect::<Vec<_>>().join(" … "));
            let srctext = src.as_ref().map(|r| &doc.text[r.clone()]);
            let interesting = match mode.as_str() {
                "nosrc" => gs.is_some_and(|g| !g.source.is_empty()) && src.is_none(),
                "extra" => gs.is_some_and(|g| g.source.is_empty()) && src.is_some(),
                "all" => gs.is_some(),
                "short" => gs.is_some_and(|g| {
                    src.as_ref().is_some_and(|p| {
                        g.source.iter().any(|r| overl(r, p))
                            && g.source.iter().map(|r| r.end).max().unwrap_or(0) > p.end + 3
                    })
                }),
                "long" => gs.is_some_and(|g| {
                    src.as_ref().is_some_and(|p| {
                        g.source.iter().any(|r| overl(r, p))
                            && g.source.iter().map(|r| r.end).max().unwrap_or(0) + 3 < p.end
                    })
                }),
                "left" => gs.is_some_and(|g| {
                    src.as_ref().is_some_and(|p| {
                        g.source.iter().any(|r| overl(r, p))
                            && g.source.iter().map(|r| r.start).min().unwrap_or(0) + 3 < p.start
                    })
                }),
                _ => wrong,
            };
            if interesting && shown < show {
                shown += 1;
                let sent = document
                    .sentences
                    .get(c.sentence as usize)
                    .map(|s| &doc.text[s.range.start() as usize..s.range.end() as usize])
                    .unwrap_or("");
                println!(
                    "CUE [{}] PRED [{}] GOLD [{}]\n  {}\n",
                    &doc.text[cue.clone()],
                    srctext.unwrap_or("-"),
                    goldtext.unwrap_or_default(),
                    sent
                );
            }
        }
        for (i, t) in doc.tokens.iter().enumerate() {
            if gold_src[i] && !pred[i] {
                let st = doc.statements.iter().find(|s| s.source.iter().any(|c| overl(c, t)));
                let cue_found = st.is_some_and(|s| {
                    s.cue.iter().any(|g| {
                        document
                            .claims
                            .iter()
                            .any(|c| overl(g, &(c.cue.range.start() as usize..c.cue.range.end() as usize)))
                    })
                });
                if cue_found { fn_cue += 1 } else { fn_nocue += 1 }
            }
        }
    }
    for ((k, c), n) in &kinds {
        println!("{k:6} {c:10} {n}");
    }
    for (k, (n, tp, fp, fnn)) in &cats {
        println!("{k:10} claims {n:5} tp {tp:5} fp {fp:5} fn {fnn:5}");
    }
    println!("TP {tp} FP(good cue) {fp_good} FP(bad cue) {fp_bad} FN(cue found) {fn_cue} FN(no cue) {fn_nocue}");
    println!(
        "good cue, no source but gold has: {good_cues_nosrc_goldhas}; source but gold none: {good_cues_src_goldnone}"
    );
}
