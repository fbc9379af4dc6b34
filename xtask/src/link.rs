//! `cargo xtask eval link`: entity recognition and linking against the linking gold set.

use anyhow::Context;
use lagebild_eval::linking::{self, LinkScores};
use lagebild_pipeline::{Knowledge, Options, Timings};

pub(crate) fn eval_link(errors: usize) -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return Ok(());
    };
    let dir = linking::gold_dir();
    let articles = linking::read_gold(&dir, &data).with_context(|| format!("reading {}", dir.display()))?;
    let knowledge = Knowledge::embedded().context("loading the embedded knowledge")?;
    let names: std::collections::HashSet<&str> =
        knowledge.kb.entries().iter().map(|entry| entry.name(lagebild_doc::Lang::En)).collect();
    let known = |id: &str, name: &str| knowledge.kb.get(id).is_some() || names.contains(name);
    let name_of = |id: &str| knowledge.kb.get(id).map(|entry| entry.name(lagebild_doc::Lang::En).to_owned());
    for lang in ["de", "en"] {
        let mut scores = LinkScores::default();
        let chosen: Vec<_> = articles.iter().filter(|article| article.lang == lang).collect();
        for article in &chosen {
            let raw = lagebild_ingest::RawDocument {
                id: article.id.clone(),
                source: article.id.clone(),
                title: None,
                url: None,
                published: None,
                published_time: None,
                lang: Some(lang.into()),
                text: article.text.clone(),
            };
            let document =
                lagebild_pipeline::analyze(raw, &knowledge, &Options::default(), &mut Timings::default()).document;
            linking::score_article(article, &document, &known, &name_of, &mut scores);
        }
        let mentions: usize = chosen.iter().map(|article| article.mentions.len()).sum();
        println!("{lang}: {} articles, {mentions} gold mentions", chosen.len());
        println!("  recognition, exact        {}", scores.exact);
        println!("  recognition, overlapping  {}", scores.overlapping);
        let ratio = |(right, all): (usize, usize)| if all == 0 { 1.0 } else { right as f64 / all as f64 };
        println!(
            "  linking accuracy          {:.4} ({} of {})",
            ratio(scores.linked),
            scores.linked.0,
            scores.linked.1
        );
        println!(
            "  reading accuracy          {:.4} ({} of {} found)",
            ratio(scores.readings),
            scores.readings.0,
            scores.readings.1
        );
        for (gold, found, surface) in scores.errors.iter().take(errors) {
            println!("    {surface:?}: gold {gold}, found {found}");
        }
        for (gold, found, surface) in scores.reading_errors.iter().take(errors) {
            println!("    reading {surface:?}: gold {gold}, found {found}");
        }
        for surface in scores.spurious.iter().take(errors) {
            println!("    not in the gold set: {surface:?}");
        }
    }
    Ok(())
}
