//! `cargo xtask eval time`: time expressions against TimeML gold, scored as TempEval-3
//! scores TIMEX3 (`lagebild_eval::time`; docs/evaluation.md says how).
//!
//! First the scorer scores HeidelTime's output shipped beside KRAUTS Dolomiten-42, which
//! must reproduce HeidelTime's published figures; then lagebild: each TimeML document's text
//! (the content of `<TEXT>` without tags) goes through `lagebild_pipeline::analyze` with its
//! document creation time as the publication date and the corpus's language, and its
//! `times` layer is scored against the gold TIMEX3 by byte offsets into that same text.
//! Last, the project's German gold set (`crates/lagebild-eval/gold/time-de/`, articles of
//! 10kGNAD read from `../shared/data`), against which German rules are written.

use anyhow::Context;
use chrono::NaiveDate;
use lagebild_eval::time::{
    CorpusScores, Interval, TimemlDocument, Timex, TimexError, bootstrap, read_timeml, timeml_files,
};
use lagebild_pipeline::{Knowledge, Options, Timings};

/// Bootstrap draws and seed of the 95% intervals.
const DRAWS: usize = 1000;
const SEED: u64 = 2013;

pub(crate) fn eval_time(errors: usize) -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return Ok(());
    };
    println!("TempEval-3 TIMEX3 scores; 95% intervals from {DRAWS} bootstrap draws of documents (seed {SEED})");
    let krauts = data.join("time/krauts-dolomiten42");
    if krauts.is_dir() {
        let heideltime = lagebild_eval::time::score_directories(
            &krauts.join("KRAUTS_Dolomiten-42"),
            &krauts.join("KRAUTS_Dolomiten-42_Heideltime"),
        )
        .context("scoring HeidelTime's output on Dolomiten-42")?;
        println!(
            "\nKRAUTS Dolomiten-42 (de), HeidelTime's output (published: strict 0.794, relaxed 0.831, value 0.800)"
        );
        print_scores(&heideltime, 0);
    }
    let knowledge = Knowledge::embedded().context("loading the embedded knowledge")?;
    let mut any_times = false;
    for (name, lang, dirs) in [
        ("KRAUTS Dolomiten-42 (de)", "de", vec![krauts.join("KRAUTS_Dolomiten-42")]),
        (
            "TimeBank + AQUAINT (en)",
            "en",
            vec![data.join("time/timebank-aquaint/TimeBank"), data.join("time/timebank-aquaint/AQUAINT")],
        ),
    ] {
        if !dirs.iter().all(|dir| dir.is_dir()) {
            println!("\n{name}: skipped, {} is absent", dirs[0].display());
            continue;
        }
        let mut documents = Vec::new();
        for dir in &dirs {
            for path in timeml_files(dir)? {
                documents.push(read_timeml(&path)?);
            }
        }
        let scores = score_lagebild(&documents, lang, &knowledge);
        any_times |= scores.total.predicted > 0;
        println!("\n{name}, lagebild");
        print_scores(&scores, errors);
    }
    let (gold, corpus) = (lagebild_eval::time::german_gold_file(), data.join(lagebild_eval::time::GERMAN_GOLD_CORPUS));
    if corpus.is_file() {
        let documents = lagebild_eval::time::read_gold_table(&gold, &corpus)?;
        let scores = score_lagebild(&documents, "de", &knowledge);
        any_times |= scores.total.predicted > 0;
        println!("\n10kGNAD, the project's German gold set (gold/time-de, development), lagebild");
        print_scores(&scores, errors);
    } else {
        println!("\n10kGNAD gold set: skipped, {} is absent", corpus.display());
    }
    if !any_times {
        println!("\nlagebild found no time expressions at all: the times stage is not wired into the pipeline yet");
    }
    Ok(())
}

/// Runs the pipeline over every document and scores its times.
fn score_lagebild(documents: &[TimemlDocument], lang: &str, knowledge: &Knowledge) -> CorpusScores {
    let mut scores = CorpusScores::default();
    let mut timings = Timings::default();
    for gold in documents {
        let published = gold.dct.as_deref().and_then(|dct| NaiveDate::parse_from_str(dct.get(..10)?, "%Y-%m-%d").ok());
        let raw = lagebild_ingest::RawDocument {
            id: gold.name.clone(),
            source: gold.name.clone(),
            title: None,
            url: None,
            published,
            published_time: None,
            lang: Some(lang.to_owned()),
            text: gold.text.clone(),
        };
        let analysis = lagebild_pipeline::analyze(raw, knowledge, &Options::default(), &mut timings);
        let system: Vec<Timex> = analysis
            .document
            .times
            .iter()
            .map(|time| Timex {
                start: time.range.start() as usize,
                end: time.range.end() as usize,
                text: analysis.document.slice(time.range).to_owned(),
                time_type: time.time_type.as_str().to_owned(),
                value: time.value.clone(),
            })
            .collect();
        scores.add_document(&gold.name, &gold.timexes, &system);
    }
    scores
}

fn print_scores(scores: &CorpusScores, errors: usize) {
    let total = scores.total;
    let intervals = bootstrap(&scores.documents, DRAWS, SEED);
    let interval = |i: Interval| format!("[{:.3}, {:.3}]", i.low, i.high);
    println!(
        "  {} documents, {} gold, {} predicted, {} relaxed matches",
        scores.documents.len(),
        total.gold,
        total.predicted,
        total.relaxed
    );
    println!("  strict   {}  F1 95% {}", total.strict(), interval(intervals.strict_f1));
    println!("  relaxed  {}  F1 95% {}", total.relaxed(), interval(intervals.relaxed_f1));
    println!(
        "  value F1 {:.4} {}  (value accuracy on relaxed matches {:.4})",
        total.value_f1(),
        interval(intervals.value_f1),
        total.value_accuracy()
    );
    println!(
        "  type F1  {:.4} {}  (type accuracy on relaxed matches {:.4})",
        total.type_f1(),
        interval(intervals.type_f1),
        total.type_accuracy()
    );
    let mut printed = 0;
    'documents: for (name, document_errors) in &scores.errors {
        for error in document_errors {
            if printed == errors {
                break 'documents;
            }
            printed += 1;
            match error {
                TimexError::Missed(gold) => println!("    {name}: missed {}", show(gold)),
                TimexError::Spurious(system) => println!("    {name}: spurious {}", show(system)),
                TimexError::Different { gold, system } => {
                    println!("    {name}: gold {} / system {}", show(gold), show(system));
                }
            }
        }
    }
}

fn show(timex: &Timex) -> String {
    format!("{:?} {} {}", timex.text, timex.time_type, timex.value)
}
