//! `cargo xtask eval claims`: attribution against SpkAtt-2023 (German) and PolNeAR (English).
//!
//! By default it reports SpkAtt's held-out tenth and PolNeAR's dev split; `--development`
//! scores the parts that rules may be written against instead: SpkAtt's other nine tenths
//! and PolNeAR's train split. Look at errors (`--show N`) only there.

use anyhow::Context;
use lagebild_eval::attribution::{self, AttributionDoc, RoleScores, SpkAttSplit};
use lagebild_pipeline::{Knowledge, Options, Timings};

/// Runs the pipeline over each gold document and prints cue, source and content scores.
pub(crate) fn eval_claims(show: usize, development: bool) -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return Ok(());
    };
    // `LAGEBILD_RESOURCES=dir` scores word lists of a directory laid out like `resources/`
    // without a rebuild.
    let knowledge = match std::env::var_os("LAGEBILD_RESOURCES") {
        Some(dir) => Knowledge::with_resources_dir(std::path::Path::new(&dir))
            .with_context(|| format!("loading the resources of {}", dir.to_string_lossy()))?,
        None => Knowledge::embedded().context("loading the embedded knowledge")?,
    };
    // SpkAtt's speeches are analysed as `--speeches` does (the cue tagger's marks too), PolNeAR's
    // news as news.
    let analyze = |lang: &str| {
        let knowledge = &knowledge;
        let lang = lang.to_owned();
        let options = Options { speeches: lang == "de", ..Options::default() };
        move |doc: &AttributionDoc| {
            lagebild_pipeline::analyze(doc.raw(&lang), knowledge, &options, &mut Timings::default()).document
        }
    };

    let split = if development { SpkAttSplit::Development } else { SpkAttSplit::HeldOut };
    let spkatt_dir = data.join("attribution/de/spkatt2023/task1");
    let docs =
        attribution::read_spkatt(&spkatt_dir, split).with_context(|| format!("reading {}", spkatt_dir.display()))?;
    let (tokens, _, analysed) = attribution::evaluate(&docs, analyze("de"));
    println!(
        "SpkAtt-2023 {} ({} speeches, analysed as --speeches), token scores:",
        if development { "development" } else { "held-out" },
        docs.len()
    );
    print_roles(&tokens, "message");
    show_errors(&docs, &analysed, show);
    if show > 0 {
        print_cue_misses(&docs, &analysed);
    }

    // Rules are written against PolNeAR's train split; its dev split is the one reported.
    let polnear_split = if development { "train" } else { "dev" };
    let polnear_dir = data.join("attribution/en/polnear");
    let docs = attribution::read_polnear(&polnear_dir, polnear_split)
        .with_context(|| format!("reading {}", polnear_dir.display()))?;
    let (exact, overlapping, analysed) = attribution::evaluate(&docs, analyze("en"));
    println!("PolNeAR {polnear_split} ({} articles), exact spans:", docs.len());
    print_roles(&exact, "content");
    println!("PolNeAR {polnear_split}, overlapping spans:");
    print_roles(&overlapping, "content");
    show_errors(&docs, &analysed, show);
    if show > 0 {
        print_cue_misses(&docs, &analysed);
    }
    Ok(())
}

fn print_roles(scores: &RoleScores, content: &str) {
    println!("  cue      {}", scores.cue);
    println!("  source   {}", scores.source);
    println!("  {content:<8} {}", scores.content);
}

/// Prints gold and predicted statements side by side for the first `show` documents.
fn show_errors(docs: &[AttributionDoc], analysed: &[(String, lagebild_doc::Document)], show: usize) {
    for (doc, (_, document)) in docs.iter().zip(analysed).take(show) {
        println!("--- {}", doc.name);
        for statement in &doc.statements {
            let words = |ranges: &[std::ops::Range<usize>]| {
                ranges.iter().map(|range| &doc.text[range.clone()]).collect::<Vec<_>>().join(" ")
            };
            println!(
                "  gold  cue [{}] source [{}] content [{}]",
                words(&statement.cue),
                words(&statement.source),
                words(&statement.content)
            );
        }
        for claim in &document.claims {
            let slice = |range: lagebild_doc::TextRange| document.slice(range).to_owned();
            let speaker = claim.speaker.as_ref().map(|arg| slice(arg.range)).unwrap_or_default();
            println!(
                "  found cue [{}] source [{}] content [{}] {:?} {:?}",
                slice(claim.cue.range),
                speaker,
                slice(claim.content.range),
                claim.construction,
                claim.stance
            );
        }
    }
}

/// The cue words most often missed and most often found wrongly, over all documents.
fn print_cue_misses(docs: &[AttributionDoc], analysed: &[(String, lagebild_doc::Document)]) {
    use std::collections::HashMap;
    let (mut missed, mut spurious) = (HashMap::<String, usize>::new(), HashMap::<String, usize>::new());
    let mut all = HashMap::<String, usize>::new();
    for (doc, (_, document)) in docs.iter().zip(analysed) {
        let found: Vec<std::ops::Range<usize>> = document
            .claims
            .iter()
            .map(|claim| claim.cue.range.start() as usize..claim.cue.range.end() as usize)
            .collect();
        let gold: Vec<std::ops::Range<usize>> = doc
            .statements
            .iter()
            .filter_map(|s| Some(s.cue.iter().map(|r| r.start).min()?..s.cue.iter().map(|r| r.end).max()?))
            .collect();
        let overlaps = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| a.start < b.end && b.start < a.end;
        for cue in &gold {
            if !found.iter().any(|f| overlaps(f, cue)) {
                let word = doc.text[cue.clone()].to_lowercase();
                if std::env::var("LAGEBILD_CUE_CONTEXT").is_ok_and(|wanted| wanted == word) {
                    let start = doc.text.floor_char_boundary(cue.start.saturating_sub(150));
                    let end = doc.text.ceil_char_boundary((cue.end + 60).min(doc.text.len()));
                    println!("    missed in context: {}", doc.text[start..end].replace('\n', " "));
                }
                *missed.entry(word).or_default() += 1;
            }
        }
        for cue in &found {
            *all.entry(doc.text[cue.clone()].to_lowercase()).or_default() += 1;
            if !gold.iter().any(|g| overlaps(g, cue)) {
                let word = doc.text[cue.clone()].to_lowercase();
                if std::env::var("LAGEBILD_CUE_CONTEXT").is_ok_and(|wanted| wanted == format!("+{word}")) {
                    let start = doc.text.floor_char_boundary(cue.start.saturating_sub(150));
                    let end = doc.text.ceil_char_boundary((cue.end + 60).min(doc.text.len()));
                    println!("    spurious in context: {}", doc.text[start..end].replace('\n', " "));
                }
                *spurious.entry(word).or_default() += 1;
            }
        }
    }
    for (name, counts) in [("missed", missed), ("spurious", spurious), ("found", all)] {
        let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let top: Vec<String> = counts.iter().take(60).map(|(word, n)| format!("{word}:{n}")).collect();
        println!("  {name} cues: {}", top.join(" "));
    }
}
