//! `cargo xtask eval events`: the events stage against the German event gold set.

use anyhow::Context;
use lagebild_eval::events::{self, EventScores};
use lagebild_pipeline::{Knowledge, Options, Timings};

pub(crate) fn eval_events(show: bool) -> anyhow::Result<()> {
    for (name, half) in [("development half (error analysis)", 0), ("test half (reporting)", 1)] {
        eval_half(name, half, show && half == 0)?;
    }
    Ok(())
}

/// Scores one half of the gold set: articles at even positions of the gold file are the
/// development half, whose errors may be looked at; the odd ones are only reported.
fn eval_half(name: &str, half: usize, show: bool) -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return Ok(());
    };
    let gold_file = events::gold_file();
    let articles = events::read_gold(&gold_file, &data).with_context(|| format!("reading {}", gold_file.display()))?;
    let articles: Vec<_> =
        articles.into_iter().enumerate().filter(|(index, _)| index % 2 == half).map(|(_, article)| article).collect();
    let knowledge = Knowledge::embedded().context("loading the embedded knowledge")?;
    let mut scores = EventScores::default();
    for article in &articles {
        let raw = lagebild_ingest::RawDocument {
            id: article.id.clone(),
            source: article.id.clone(),
            title: None,
            url: None,
            published: None,
            published_time: None,
            lang: Some("de".into()),
            text: article.text.clone(),
        };
        let document =
            lagebild_pipeline::analyze(raw, &knowledge, &Options::default(), &mut Timings::default()).document;
        events::score_article(article, &document, &mut scores);
        if show {
            // Events found in an annotated sentence where the gold set has no trigger.
            for found in &document.events {
                let (start, end) = (found.trigger.range.start() as usize, found.trigger.range.end() as usize);
                let Some(sentence) =
                    article.events.iter().map(|event| &event.sentence).find(|s| s.start <= start && end <= s.end)
                else {
                    continue;
                };
                let gold = article
                    .events
                    .iter()
                    .filter_map(|event| event.trigger.as_ref())
                    .any(|trigger| trigger.start < end && start < trigger.end);
                if !gold {
                    println!(
                        "    spurious {} [{}] in: {}",
                        found.event_type.as_str(),
                        document.slice(found.trigger.range),
                        article.text[sentence.clone()].replace('\n', " ")
                    );
                }
            }
            for event in &article.events {
                let Some(trigger) = &event.trigger else { continue };
                let found = document.events.iter().any(|found| {
                    (found.trigger.range.start() as usize) < trigger.end
                        && trigger.start < found.trigger.range.end() as usize
                });
                let found_event = document.events.iter().find(|found| {
                    (found.trigger.range.start() as usize) < trigger.end
                        && trigger.start < found.trigger.range.end() as usize
                });
                if !found {
                    println!(
                        "    missed {} [{}] in: {}",
                        event.event_type,
                        &article.text[trigger.clone()],
                        article.text[event.sentence.clone()].replace('\n', " ")
                    );
                } else if let Some(found) = found_event {
                    let args = |args: &[lagebild_doc::Arg]| -> String {
                        args.iter()
                            .map(|arg| {
                                let text = &document.text()[arg.range.start() as usize..arg.range.end() as usize];
                                format!("{}={}", text, arg.code.as_deref().unwrap_or("?"))
                            })
                            .collect::<Vec<_>>()
                            .join(", ")
                    };
                    println!(
                        "    args {} [{}] gold {:?} → {:?}; found [{}] → [{}] in: {}",
                        event.event_type,
                        &article.text[trigger.clone()],
                        event.actors,
                        event.recipients,
                        args(&found.actors),
                        args(&found.recipients),
                        article.text[event.sentence.clone()].replace('\n', " ")
                    );
                }
            }
        }
    }
    let sentences: usize = articles
        .iter()
        .map(|article| {
            let mut starts: Vec<usize> = article.events.iter().map(|event| event.sentence.start).collect();
            starts.dedup();
            starts.len()
        })
        .sum();
    println!("German event gold set, {name} ({} articles, {sentences} sentences):", articles.len());
    println!("  triggers   {}", scores.triggers);
    println!("  types      {}", scores.types);
    println!("  arguments  {}", scores.arguments);
    if show {
        let mut confusion: Vec<_> = scores.confusion.iter().collect();
        confusion.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("  gold → found (count):");
        for ((gold, found), count) in confusion {
            println!("    {gold:<10} → {found:<10} {count}");
        }
    }
    Ok(())
}
