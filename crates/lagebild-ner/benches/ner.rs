//! Speed of named-entity tagging: `cargo bench -p lagebild-ner`.
//!
//! Reads the news text in ../shared/data/corpus/ (German and English), runs segmentation
//! and morphology for each document (not timed), then times `lagebild_ner::recognize` on it
//! (knowledge-base marks, lexicon marks, features and the perceptron; ten times in a row, so
//! that reading the clocks costs little); over five runs it reports the median in
//! nanoseconds per byte of text against the budget of issue 9 (40 ns/byte), as CPU time of
//! the thread where the machine reports it; for German it also times the cue tagger of
//! `--speeches` (`lagebild_ner::cue_tokens`). It asserts that it found names, so that it
//! cannot measure nothing.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lagebild_doc::{Document, Lang, Meta};
use lagebild_ingest::Input;

const RUNS: usize = 5;
const BUDGET: f64 = 40.0;
const REPEAT: u32 = 10;

/// CPU time this thread has run, from /proc/thread-self/schedstat (nanoseconds).
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}

fn main() {
    let shared = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    if !shared.join("corpus").is_dir() {
        println!("skipped: {} is absent (set LAGEBILD_SHARED_DATA)", shared.join("corpus").display());
        return;
    }
    let kb = lagebild_kb::Kb::embedded().expect("the knowledge base loads");
    let resources = lagebild_resources::Resources::embedded().expect("resources load");
    let models = lagebild_morph::Models::embedded().expect("models load");
    let start = Instant::now();
    let ner = lagebild_ner::NerModels::embedded().expect("the named-entity models load");
    let load = start.elapsed();
    println!("named-entity tagging, single-threaded, median of {RUNS} runs");
    for (lang, folder) in [(Lang::De, "de"), (Lang::En, "en")] {
        let inputs = vec![Input::Path(shared.join("corpus").join(folder))];
        let raws: Vec<_> = lagebild_ingest::read_inputs(&inputs).map(|raw| raw.expect("the corpus reads")).collect();
        let bytes: usize = raws.iter().map(|raw| raw.text.len()).sum();
        let lexicon = &models.get(lang).expect("a model").lexicon;
        let knows = |word: &str| lexicon.script_id(word).is_some();
        let docs: Vec<Document> = raws
            .iter()
            .map(|raw| {
                let mut meta = Meta::new(raw.id.clone(), raw.source.clone());
                meta.lang = lang;
                let mut doc = Document::new(meta, raw.text.clone());
                let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, resources.lang(lang).unwrap());
                doc.sentences = sentences;
                doc.tokens = tokens;
                let (tokens, clauses) = lagebild_morph::analyze(&doc, &models, &resources);
                doc.tokens = tokens;
                doc.clauses = clauses;
                doc
            })
            .collect();
        let (mut times, mut cpu_times) = (Vec::new(), Vec::new());
        let mut mentions = 0;
        for _ in 0..RUNS {
            let (mut wall, mut cpu) = (Duration::ZERO, Some(Duration::ZERO));
            mentions = 0;
            for doc in &docs {
                let cpu_start = thread_cpu();
                let start = Instant::now();
                let mut found = Vec::new();
                for _ in 0..REPEAT {
                    found = std::hint::black_box(lagebild_ner::recognize(doc, &ner, &kb, knows));
                }
                wall += start.elapsed() / REPEAT;
                cpu = match (cpu, cpu_start, thread_cpu()) {
                    (Some(sum), Some(before), Some(after)) => Some(sum + after.saturating_sub(before) / REPEAT),
                    _ => None,
                };
                mentions += found.len();
            }
            times.push(wall);
            cpu_times.extend(cpu);
        }
        assert!(
            !docs.is_empty() && bytes > 0 && mentions >= docs.len(),
            "{mentions} names in {} documents",
            docs.len()
        );
        times.sort();
        cpu_times.sort();
        let median = times[times.len() / 2];
        let wall_per_byte = median.as_nanos() as f64 / bytes as f64;
        let per_byte =
            cpu_times.get(cpu_times.len() / 2).map_or(wall_per_byte, |cpu| cpu.as_nanos() as f64 / bytes as f64);
        println!(
            "{}: {} documents, {:.2} MB, {mentions} names: {per_byte:.2} ns/byte of CPU time ({wall_per_byte:.2} ns/byte wall clock) ({})",
            lang.code(),
            docs.len(),
            bytes as f64 / 1e6,
            if per_byte <= BUDGET {
                format!("within budget {BUDGET} ns/byte")
            } else {
                format!("OVER budget {BUDGET} ns/byte")
            }
        );
        if lang == Lang::De {
            // The cue tagger of `--speeches` (greedy, no marks), over the same documents.
            let mut cue_times = Vec::new();
            let mut marked = 0;
            for _ in 0..RUNS {
                let start = thread_cpu();
                let wall = Instant::now();
                marked = docs
                    .iter()
                    .map(|doc| std::hint::black_box(lagebild_ner::cue_tokens(doc, &ner)).iter().filter(|c| **c).count())
                    .sum::<usize>();
                cue_times.push(match (start, thread_cpu()) {
                    (Some(before), Some(after)) => after.saturating_sub(before),
                    _ => wall.elapsed(),
                });
            }
            assert!(marked > 0, "the cue tagger marks no token of the German corpus");
            cue_times.sort();
            let per_byte = cue_times[cue_times.len() / 2].as_nanos() as f64 / bytes as f64;
            println!("de: the cue tagger of --speeches marks {marked} tokens: {per_byte:.2} ns/byte of CPU time");
        }
    }
    println!("loading the named-entity models: {:.1} ms", load.as_secs_f64() * 1e3);
}
