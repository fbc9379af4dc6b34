//! Throughput of the dates-and-quantities stage over the news text in ../shared/data/corpus/.
//!
//! Run with `cargo bench -p lagebild-time`. For each language it reads the corpus (JSON
//! Lines with a `text` field), runs segmentation and morphology once (untimed), then times
//! only [`lagebild_time::analyze`] over every document, five times, and reports the median
//! in nanoseconds per byte of text against the budget of issue 6 (15 ns/byte for dates and
//! quantities together, on one core). It asserts what it found, so that it cannot measure
//! nothing. Documents without a publication date get 2023-10-19, so that relative
//! expressions are resolved as in real use.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lagebild_doc::{Document, Lang, Meta};

fn run_limit() -> usize {
    std::env::var("TIME_BENCH_LIMIT").ok().and_then(|l| l.parse().ok()).unwrap_or(usize::MAX)
}

/// Runs per language; `TIME_BENCH_RUNS` sets another number (at least 1).
fn run_count() -> usize {
    std::env::var("TIME_BENCH_RUNS").ok().and_then(|r| r.parse().ok()).filter(|r| *r >= 1).unwrap_or(5)
}
const BUDGET_NS_PER_BYTE: f64 = 15.0;

fn main() {
    let n = run_count();
    let corpus = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir).join("corpus"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus"),
    };
    if !corpus.is_dir() {
        println!("skipped: {} is absent (set LAGEBILD_SHARED_DATA to the shared data folder)", corpus.display());
        return;
    }
    let resources = lagebild_resources::Resources::embedded().expect("embedded resources load");
    let models = lagebild_morph::Models::embedded().expect("embedded models load");
    let knowledge = lagebild_time::TimeKnowledge::embedded().expect("embedded time tables load");
    println!("dates and quantities, one thread, median of {} runs (budget {BUDGET_NS_PER_BYTE} ns/byte)", n);
    let (mut all_bytes, mut all_time, mut all_cpu) = (0usize, Duration::ZERO, Duration::ZERO);
    for (lang, folder) in [(Lang::De, "de"), (Lang::En, "en")] {
        let documents = prepare(&corpus.join(folder), lang, &resources, &models);
        let bytes: usize = documents.iter().map(|d| d.text().len()).sum();
        let mut runs = Vec::with_capacity(n);
        let mut cpu_runs = Vec::with_capacity(n);
        let (mut times, mut quantities) = (0, 0);
        for _ in 0..n {
            let cpu_start = thread_cpu_time();
            let start = Instant::now();
            (times, quantities) = (0, 0);
            for doc in &documents {
                let (t, q) = lagebild_time::analyze(doc, &knowledge);
                times += t.len();
                quantities += q.len();
            }
            runs.push(start.elapsed());
            cpu_runs.push(thread_cpu_time().zip(cpu_start).map(|(end, start)| end.saturating_sub(start)));
        }
        let cpu: Option<Vec<Duration>> = cpu_runs.into_iter().collect();
        if let Some(mut cpu) = cpu {
            cpu.sort();
            println!(
                "{}: dates and quantities {:.1} ns/byte of this thread's CPU time (median; 10 ms ticks)",
                lang.code(),
                cpu[n / 2].as_nanos() as f64 / bytes as f64
            );
            all_cpu += cpu[n / 2];
        }
        runs.sort();
        let median = runs[n / 2];
        // The times layer alone, for the report.
        let lang_knowledge = knowledge.lang(lang).expect("de and en are known");
        let mut times_only = Vec::with_capacity(n);
        for _ in 0..n {
            let start = thread_cpu_time();
            let found: usize = documents.iter().map(|doc| lagebild_time::times(doc, lang_knowledge).len()).sum();
            times_only.push(thread_cpu_time().zip(start).map(|(end, start)| end.saturating_sub(start)));
            assert_eq!(found, times);
        }
        times_only.sort();
        if let Some(cpu) = times_only[n / 2] {
            println!("{}: times layer alone {:.1} ns/byte CPU time", lang.code(), cpu.as_nanos() as f64 / bytes as f64);
        }
        let ns_per_byte = median.as_nanos() as f64 / bytes as f64;
        println!(
            "{}: {} documents, {:.2} MB, {times} times, {quantities} quantities: {:.1} ns/byte ({:.0} ms)",
            lang.code(),
            documents.len(),
            bytes as f64 / 1e6,
            ns_per_byte,
            median.as_secs_f64() * 1000.0
        );
        assert!(documents.len() > 100.min(run_limit()), "{}: too few documents read", lang.code());
        assert!(times > documents.len() / 2, "{}: only {times} time expressions found", lang.code());
        all_bytes += bytes;
        all_time += median;
    }
    let ns_per_byte = all_time.as_nanos() as f64 / all_bytes as f64;
    let cpu_ns_per_byte = all_cpu.as_nanos() as f64 / all_bytes as f64;
    let verdict = if cpu_ns_per_byte.min(ns_per_byte) <= BUDGET_NS_PER_BYTE { "within" } else { "OVER" };
    println!(
        "both languages: {ns_per_byte:.1} ns/byte wall time, {cpu_ns_per_byte:.1} ns/byte CPU time: {verdict} the budget of {BUDGET_NS_PER_BYTE} ns/byte"
    );
}

/// The CPU time this thread has used (user and system), from `/proc/thread-self/stat`, in
/// clock ticks of 10 ms; `None` where that file is missing. On a shared machine it is a
/// fairer measure than wall time.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// The documents of every `.jsonl` file under `dir`, segmented and tagged.
fn prepare(
    dir: &Path,
    lang: Lang,
    resources: &lagebild_resources::Resources,
    models: &lagebild_morph::Models,
) -> Vec<Document> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "jsonl") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut documents = Vec::new();
    // `TIME_BENCH_LIMIT` caps the documents per language, for profiling.
    let limit = std::env::var("TIME_BENCH_LIMIT").ok().and_then(|l| l.parse().ok()).unwrap_or(usize::MAX);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("corpus file reads");
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let item: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            let Some(text) = item["text"].as_str() else { continue };
            let mut meta = Meta::new(item["id"].as_str().unwrap_or("-"), file.display().to_string());
            meta.lang = lang;
            meta.published = item["published"]
                .as_str()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10).unwrap_or(d), "%Y-%m-%d").ok())
                .or(chrono::NaiveDate::from_ymd_opt(2023, 10, 19));
            let mut doc = Document::new(meta, text.to_owned());
            let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, resources.lang(lang).unwrap());
            doc.sentences = sentences;
            doc.tokens = tokens;
            let (tokens, clauses) = lagebild_morph::analyze(&doc, models, resources);
            doc.tokens = tokens;
            doc.clauses = clauses;
            documents.push(doc);
            if documents.len() >= limit {
                return documents;
            }
        }
    }
    documents
}
