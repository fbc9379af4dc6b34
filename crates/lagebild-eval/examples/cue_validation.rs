//! Validates the cue tagger inside the claims stage without the held-out speeches:
//! `cargo run --release -p lagebild-eval --example cue_validation`.
//!
//! Trains the tagger as `cargo xtask train cues` does, but on four fifths of SpkAtt's
//! development speeches, and scores the claims of the fifth left (every fifth speech by file
//! name) as `cargo xtask eval claims` scores them, without the tagger's marks and with them
//! (`--speeches`). Choices about how the claims stage uses the marks are made on these figures,
//! never on the held-out tenth (docs/claims.md). `CUE_EPOCHS` and `CUE_BEAM` change the
//! tagger's training (10 epochs, greedy, as committed).

#![allow(clippy::print_stdout)] // A developer's tool prints its figures.

use lagebild_doc::Lang;
use lagebild_eval::attribution::{AttributionDoc, SpkAttSplit, cue_sentences, evaluate, read_spkatt};
use lagebild_ner::train::{Settings, train};
use lagebild_pipeline::{Knowledge, Options, Timings};

fn main() {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return;
    };
    let docs = read_spkatt(&data.join("attribution/de/spkatt2023/task1"), SpkAttSplit::Development)
        .expect("the SpkAtt development speeches read");
    let (mut fit, mut validation) = (Vec::new(), Vec::new());
    for (index, doc) in docs.into_iter().enumerate() {
        if index % 5 == 4 { validation.push(doc) } else { fit.push(doc) }
    }
    let mut knowledge = Knowledge::embedded().expect("the embedded knowledge loads");
    let morph = lagebild_morph::Models::embedded().expect("the morphology models load");
    let kb = lagebild_kb::Kb::embedded().expect("the knowledge base loads");
    let mut examples = lagebild_eval::ner::prepare(&cue_sentences(&fit), Lang::De, &morph, &kb);
    for example in &mut examples {
        for marks in [&mut example.kb, &mut example.known, &mut example.names] {
            marks.iter_mut().for_each(|mark| *mark = 0);
        }
    }
    let env = |name: &str, default: usize| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let (epochs, beam) = (env("CUE_EPOCHS", 10), env("CUE_BEAM", 1) as u8);
    knowledge.ner.cues_de = train("de", &examples, &Settings { epochs, beam, ..Settings::default() });
    for speeches in [false, true] {
        let options = Options { speeches, ..Options::default() };
        let analyze = |doc: &AttributionDoc| {
            lagebild_pipeline::analyze(doc.raw("de"), &knowledge, &options, &mut Timings::default()).document
        };
        let (scores, _, _) = evaluate(&validation, analyze);
        println!(
            "{} speeches, {}:\n  cue      {}\n  source   {}\n  message  {}",
            validation.len(),
            if speeches { "with the cue tagger (--speeches)" } else { "word lists only" },
            scores.cue,
            scores.source,
            scores.content
        );
    }
}
