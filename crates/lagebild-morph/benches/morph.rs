//! Single-threaded benchmark of the morphology stage over the news text in
//! ../shared/data/corpus/, split into its parts.
//!
//! Run with `cargo bench -p lagebild-morph`. For each language it segments every document
//! of the corpus once, then, five times, times [`lagebild_morph::analyze`] (the stage as the
//! pipeline runs it) and, separately, its parts: tagging (part of speech, features and
//! lemmas of every sentence) and the clause analysis of the tagged document. It reports the
//! medians in nanoseconds per byte of document text against the budget of 60 ns/byte, and
//! the time to load the models. It asserts what it analysed, so that it cannot measure
//! nothing. The tagger's memo of word forms is per thread and kept from run to run, as in a
//! long ingest; the first run starts without it and is reported too.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lagebild_doc::{Document, Lang, Meta};

const RUNS: usize = 5;

/// `LAGEBILD_BENCH_DOCS=N` keeps the first N documents of each language (for a run under
/// valgrind --tool=callgrind, whose instruction counts a loaded machine does not disturb).
fn limit() -> usize {
    std::env::var("LAGEBILD_BENCH_DOCS").ok().and_then(|value| value.parse().ok()).unwrap_or(usize::MAX)
}

/// `LAGEBILD_BENCH_LANG=de` (or `en`) benchmarks one language only.
fn wanted(lang: Lang) -> bool {
    std::env::var("LAGEBILD_BENCH_LANG").map_or(true, |wanted| wanted == lang.code())
}
const BUDGET: f64 = 60.0;

fn main() {
    let corpus = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir).join("corpus"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus"),
    };
    if !corpus.is_dir() {
        println!("skipped: {} is absent (set LAGEBILD_SHARED_DATA to the shared data folder)", corpus.display());
        return;
    }
    let start = Instant::now();
    let models = lagebild_morph::Models::embedded().expect("the embedded models load");
    let load = start.elapsed();
    let resources = lagebild_resources::Resources::embedded().expect("the embedded resources load");
    let clock = if processor_time().is_some() { "processor time of the thread" } else { "time on the clock" };
    println!("morphology and clauses, single-threaded, median of {RUNS} runs (first run in brackets), {clock}");
    for lang in [Lang::De, Lang::En].into_iter().filter(|&lang| wanted(lang)) {
        let docs = read_corpus(&corpus.join(lang.code()), lang, &resources);
        bench_language(&docs, lang, &models, &resources);
    }
    println!("loading the models: {:.0} ms", load.as_secs_f64() * 1000.0);
}

/// Every text of the JSON Lines files under `dir`, segmented.
fn read_corpus(dir: &Path, lang: Lang, resources: &lagebild_resources::Resources) -> Vec<Document> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("the corpus folder reads") {
            let path = entry.expect("a corpus entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|extension| extension == "jsonl") {
                files.push(path);
            }
        }
    }
    files.sort();
    let lang_resources = resources.lang(lang).expect("resources for the language");
    let mut docs = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a corpus file reads");
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            let record: serde_json::Value = serde_json::from_str(line).expect("a corpus line is JSON");
            let Some(text) = record.get("text").and_then(serde_json::Value::as_str) else { continue };
            let meta = Meta { lang, ..Meta::new(format!("{}", docs.len()), file.display().to_string()) };
            let mut doc = Document::new(meta, text.to_owned());
            let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, lang_resources);
            doc.sentences = sentences;
            doc.tokens = tokens;
            if docs.len() < limit() {
                docs.push(doc);
            }
        }
    }
    docs
}

/// The time this thread ran on a processor (from /proc/thread-self/schedstat, in
/// nanoseconds), which a loaded machine disturbs less than the time on the clock; else the
/// time on the clock.
enum Clock {
    Processor(u64),
    Wall(Instant),
}

impl Clock {
    fn now() -> Clock {
        match processor_time() {
            Some(nanoseconds) => Clock::Processor(nanoseconds),
            None => Clock::Wall(Instant::now()),
        }
    }

    fn elapsed(&self) -> Duration {
        match self {
            Clock::Processor(start) => Duration::from_nanos(processor_time().unwrap_or(*start).saturating_sub(*start)),
            Clock::Wall(start) => start.elapsed(),
        }
    }
}

fn processor_time() -> Option<u64> {
    std::fs::read_to_string("/proc/thread-self/schedstat").ok()?.split_whitespace().next()?.parse().ok()
}

#[derive(Default, Clone, Copy)]
struct Run {
    analyze: Duration,
    tagging: Duration,
    clauses: Duration,
}

fn bench_language(
    docs: &[Document],
    lang: Lang,
    models: &lagebild_morph::Models,
    resources: &lagebild_resources::Resources,
) {
    let model = models.get(lang).expect("a model for the language");
    let lang_resources = resources.lang(lang).expect("resources for the language");
    let bytes: usize = docs.iter().map(|doc| doc.text().len()).sum();
    let tokens: usize = docs.iter().map(|doc| doc.tokens.len()).sum();
    let mut runs = Vec::with_capacity(RUNS);
    let (mut clause_count, mut lemmas, mut verbs) = (0, 0, 0);
    for _ in 0..RUNS {
        let mut run = Run::default();
        (clause_count, lemmas, verbs) = (0, 0, 0);
        let mut results = Vec::with_capacity(docs.len());
        let start = Clock::now();
        for doc in docs {
            results.push(lagebild_morph::analyze(doc, models, resources));
        }
        run.analyze = start.elapsed();
        let mut tagged_docs = Vec::with_capacity(docs.len());
        for (doc, (tokens, clauses)) in docs.iter().zip(results) {
            clause_count += clauses.len();
            lemmas += tokens.iter().filter(|token| token.lemma().is_some()).count();
            verbs += tokens.iter().filter(|token| token.pos() == Some("VERB")).count();
            let mut tagged = doc.clone();
            tagged.tokens = tokens;
            tagged_docs.push(tagged);
        }
        let start = Clock::now();
        for doc in docs {
            let mut first = 0;
            for sentence in &doc.sentences {
                let end = first
                    + doc.tokens[first..].iter().take_while(|token| token.range.end() <= sentence.range.end()).count();
                let forms: Vec<&str> = doc.tokens[first..end].iter().map(|token| doc.slice(token.range)).collect();
                std::hint::black_box(model.tagger.tag(&forms, &model.lexicon));
                first = end;
            }
        }
        run.tagging = start.elapsed();
        let start = Clock::now();
        for doc in &tagged_docs {
            std::hint::black_box(lagebild_morph::clauses(doc, lang, lang_resources));
        }
        run.clauses = start.elapsed();
        runs.push(run);
    }
    // The benchmark's own check that it measured real work.
    assert!(bytes > 0 && tokens > bytes / 20, "{tokens} tokens in {bytes} bytes");
    assert!(lemmas == tokens, "{lemmas} of {tokens} tokens have a lemma");
    assert!(
        verbs * 20 > tokens && clause_count * 20 > tokens,
        "{verbs} verbs, {clause_count} clauses, {tokens} tokens"
    );
    let per_byte = |time: Duration| time.as_nanos() as f64 / bytes as f64;
    let median = |part: fn(&Run) -> Duration| {
        let mut times: Vec<Duration> = runs.iter().map(part).collect();
        times.sort();
        times[RUNS / 2]
    };
    println!("\n{}: {} documents, {bytes} bytes, {tokens} tokens, {clause_count} clauses", lang.code(), docs.len(),);
    let analyze = per_byte(median(|run| run.analyze));
    let verdict = if analyze <= BUDGET { "within" } else { "OVER" };
    println!(
        "  analyze (the stage)    {analyze:>7.2} ns/byte  [{:.2}]  {verdict} budget {BUDGET} ns/byte; {:.0} ns/token",
        per_byte(runs[0].analyze),
        median(|run| run.analyze).as_nanos() as f64 / tokens as f64
    );
    println!(
        "  of which tagging       {:>7.2} ns/byte  [{:.2}]  part of speech, features and lemmas",
        per_byte(median(|run| run.tagging)),
        per_byte(runs[0].tagging)
    );
    println!(
        "  of which clauses       {:>7.2} ns/byte  [{:.2}]",
        per_byte(median(|run| run.clauses)),
        per_byte(runs[0].clauses)
    );
}
