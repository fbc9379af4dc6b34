//! Single-threaded pipeline benchmark over the news text in ../shared/data/corpus/.
//!
//! Run with `cargo bench -p lagebild-pipeline`. For each language it reads the corpus,
//! analyses every document and writes its JSON record, five times, and reports the median
//! throughput (MB/s of document text, documents/s), the peak resident memory (VmHWM) and
//! the time per stage in nanoseconds per byte against the stage budgets of the foundation
//! issue. It asserts what it analysed, so that it cannot measure nothing. Last, it streams
//! the whole corpus once and four times, each in a child process, and compares their peak
//! memory (the events issue's goal: within 10% of each other).

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lagebild_doc::Lang;
use lagebild_ingest::Input;
use lagebild_pipeline::{Options, STAGES, Timings};

const RUNS: usize = 5;

/// Budgets in ns per byte of input text, by stage, from the foundation issue.
/// Reading and language id share one budget of 10 in the issue; each is held to it here.
const BUDGETS: &[(&str, f64)] = &[
    ("reading", 10.0),
    ("language id", 10.0),
    ("sentences and tokens", 15.0),
    ("morphology and clauses", 60.0),
    ("entities", 20.0),
    ("dates and quantities", 15.0),
    ("claims", 15.0),
    ("events", 15.0),
    ("JSON output", 10.0),
];

/// Set in the child processes of the memory check: how many times to stream the corpus.
const COPIES_VARIABLE: &str = "LAGEBILD_BENCH_COPIES";

fn main() {
    let corpus = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir).join("corpus"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus"),
    };
    if !corpus.is_dir() {
        println!("skipped: {} is absent (set LAGEBILD_SHARED_DATA to the shared data folder)", corpus.display());
        return;
    }
    if let Some(copies) = std::env::var(COPIES_VARIABLE).ok().and_then(|copies| copies.parse().ok()) {
        stream_corpus(&corpus, copies);
        return;
    }
    let start = Instant::now();
    let knowledge = lagebild_pipeline::Knowledge::embedded().expect("embedded resources and models load");
    let load = start.elapsed();
    println!("single-threaded pipeline, median of {RUNS} runs; MB = 10^6 bytes of document text");
    for (lang, folder) in [(Lang::De, "de"), (Lang::En, "en")] {
        bench_language(&knowledge, lang, &corpus.join(folder));
    }
    println!("loading resources and models: {:.0} ms", load.as_secs_f64() * 1000.0);
    println!("peak resident memory (VmHWM): {}", peak_resident_memory().unwrap_or_else(|| "unknown".to_owned()));
    memory_at_scale();
}

/// Peak memory when the whole corpus (both languages) streams through the pipeline once and
/// four times, each in a fresh process, as `lagebild analyze` streams it: documents are read,
/// analysed and written one at a time, so the peak must not grow with the input.
fn memory_at_scale() {
    let peak = |copies: usize| -> Option<u64> {
        let output = std::process::Command::new(std::env::current_exe().ok()?)
            .env(COPIES_VARIABLE, copies.to_string())
            .output()
            .ok()?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "the memory run with {copies} copies failed: {stdout}");
        stdout.lines().find_map(|line| line.strip_prefix("peak kB "))?.trim().parse().ok()
    };
    let (Some(one), Some(four)) = (peak(1), peak(4)) else {
        println!("peak memory at one and four copies of the corpus: unknown (no /proc/self/status)");
        return;
    };
    let growth = (four as f64 / one as f64 - 1.0) * 100.0;
    let verdict = if growth.abs() <= 10.0 { "within" } else { "OVER" };
    println!(
        "peak memory streaming the corpus once: {:.1} MB, four times: {:.1} MB ({growth:+.1}%, {verdict} the 10% goal)",
        one as f64 / 1e3,
        four as f64 / 1e3
    );
}

/// The child of [`memory_at_scale`]: streams both languages' corpus `copies` times through
/// analysis and JSON output, then prints its peak resident memory in kB.
fn stream_corpus(corpus: &Path, copies: usize) {
    let knowledge = lagebild_pipeline::Knowledge::embedded().expect("embedded resources and models load");
    let inputs: Vec<Input> = (0..copies).map(|_| Input::Path(corpus.to_owned())).collect();
    let (mut documents, mut output_bytes) = (0usize, 0usize);
    let mut timings = Timings::default();
    for raw in lagebild_ingest::read_inputs(&inputs) {
        let raw = raw.expect("corpus reads cleanly");
        let analysis = lagebild_pipeline::analyze(raw, &knowledge, &Options::default(), &mut timings);
        let line = lagebild_format::to_json_line(&analysis.document, &lagebild_format::OutputOptions::default());
        output_bytes += line.len();
        documents += 1;
    }
    assert!(documents > 0 && output_bytes > 0, "nothing analysed under {}", corpus.display());
    if let Some(peak) = peak_kb() {
        println!("peak kB {peak}");
    }
    println!("documents {documents}");
}

struct Run {
    total: Duration,
    reading: Duration,
    output: Duration,
    timings: Timings,
}

fn bench_language(knowledge: &lagebild_pipeline::Knowledge, lang: Lang, dir: &Path) {
    let inputs = vec![Input::Path(dir.to_owned())];
    let mut runs = Vec::with_capacity(RUNS);
    let (mut documents, mut bytes, mut sentences, mut in_language, mut output_bytes) = (0, 0, 0, 0, 0);
    for _ in 0..RUNS {
        let start = Instant::now();
        let raws: Vec<_> =
            lagebild_ingest::read_inputs(&inputs).map(|item| item.expect("corpus reads cleanly")).collect();
        let reading = start.elapsed();
        (documents, bytes, sentences, in_language, output_bytes) = (raws.len(), 0, 0, 0, 0);
        let mut timings = Timings::default();
        let mut output = Duration::ZERO;
        for raw in raws {
            bytes += raw.text.len();
            let analysis = lagebild_pipeline::analyze(raw, knowledge, &Options::default(), &mut timings);
            sentences += analysis.document.sentences.len();
            in_language += usize::from(analysis.document.meta.lang == lang);
            let output_start = Instant::now();
            let line = lagebild_format::to_json_line(&analysis.document, &lagebild_format::OutputOptions::default());
            output += output_start.elapsed();
            output_bytes += line.len();
        }
        runs.push(Run { total: start.elapsed(), reading, output, timings });
    }
    // The benchmark's own check that it measured real work.
    assert!(documents > 0 && bytes > 0, "no documents under {}", dir.display());
    assert!(in_language * 100 >= documents * 95, "only {in_language} of {documents} documents detected as {lang:?}");
    assert!(sentences >= documents, "{sentences} sentences for {documents} documents");
    assert!(output_bytes > bytes, "JSON output smaller than its text");

    runs.sort_by_key(|run| run.total);
    let median = &runs[RUNS / 2];
    let seconds = median.total.as_secs_f64();
    println!(
        "\n{} ({}): {documents} documents, {:.2} MB, {sentences} sentences",
        lang.code(),
        dir.display(),
        bytes as f64 / 1e6
    );
    println!(
        "  whole pipeline: {:.1} MB/s, {:.0} documents/s, {:.1} ns/byte (goal: 200 ns/byte, 5 MB/s)",
        bytes as f64 / 1e6 / seconds,
        documents as f64 / seconds,
        median.total.as_nanos() as f64 / bytes as f64
    );
    let mut stages: Vec<(&str, Duration)> = vec![("reading", median.reading)];
    stages.extend(STAGES.iter().copied().zip(median.timings.stages.iter().copied()));
    stages.push(("JSON output", median.output));
    for (stage, time) in stages {
        let per_byte = time.as_nanos() as f64 / bytes as f64;
        let budget = BUDGETS.iter().find(|(name, _)| *name == stage).map(|(_, budget)| *budget);
        let verdict = match budget {
            Some(budget) if per_byte <= budget => format!("within budget {budget} ns/byte"),
            Some(budget) => format!("OVER budget {budget} ns/byte"),
            None => "no budget".to_owned(),
        };
        println!("  {stage:<22} {per_byte:>7.2} ns/byte  {verdict}");
    }
}

fn peak_resident_memory() -> Option<String> {
    peak_kb().map(|kb| format!("{kb} kB"))
}

/// This process's peak resident memory (VmHWM) in kB.
fn peak_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let value = status.lines().find_map(|line| line.strip_prefix("VmHWM:"))?;
    value.trim().strip_suffix("kB")?.trim().parse().ok()
}
