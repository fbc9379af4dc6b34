//! Speed of recognition and linking: `cargo bench -p lagebild-link`.
//!
//! Reads the news text in ../shared/data/corpus/ (German and English), runs segmentation
//! and morphology for each document (not timed), then times `lagebild_link::entities` on it
//! (ten times in a row, so that reading the clocks costs little); over five runs it reports the
//! median in nanoseconds per byte of text against the budget of
//! issue 5 (20 ns/byte), with the knowledge base's load time. It asserts that it linked
//! mentions, so that it cannot measure nothing.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lagebild_doc::{Document, Lang, Meta};
use lagebild_ingest::Input;

const RUNS: usize = 5;

/// `LAGEBILD_BENCH_RUNS` overrides the number of runs (for profiling).
fn runs() -> usize {
    std::env::var("LAGEBILD_BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .filter(|&runs| runs > 0)
        .unwrap_or(RUNS)
}

/// CPU time this thread has run, from /proc/thread-self/schedstat (nanoseconds), so that the
/// figure holds on a machine shared with other work; `None` where the file is absent.
fn thread_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}
const BUDGET: f64 = 20.0;
/// How often each document is linked in a row.
const REPEAT: u32 = 10;

fn main() {
    let shared = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    if !shared.join("corpus").is_dir() {
        println!("skipped: {} is absent (set LAGEBILD_SHARED_DATA)", shared.join("corpus").display());
        return;
    }
    let start = Instant::now();
    let kb = lagebild_kb::Kb::embedded().expect("the knowledge base loads");
    let load = start.elapsed();
    let resources = lagebild_resources::Resources::embedded().expect("resources load");
    let models = lagebild_morph::Models::embedded().expect("models load");
    println!("recognition and linking, single-threaded, median of {RUNS} runs");
    for (lang, folder) in [(Lang::De, "de"), (Lang::En, "en")] {
        let inputs = vec![Input::Path(shared.join("corpus").join(folder))];
        let raws: Vec<_> = lagebild_ingest::read_inputs(&inputs).map(|raw| raw.expect("the corpus reads")).collect();
        let bytes: usize = raws.iter().map(|raw| raw.text.len()).sum();
        let mut times = Vec::new();
        let mut cpu_times = Vec::new();
        let (mut mentions, mut linked) = (0, 0);
        for _ in 0..runs() {
            // Each document is analysed up to clauses and then linked at once, as in the
            // pipeline (its tokens are in the cache); only the linking is timed.
            let (mut wall, mut cpu) = (Duration::ZERO, Some(Duration::ZERO));
            (mentions, linked) = (0, 0);
            for raw in &raws {
                let mut meta = Meta::new(raw.id.clone(), raw.source.clone());
                meta.lang = lang;
                meta.published = raw.published;
                let mut doc = Document::new(meta, raw.text.clone());
                let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, resources.lang(lang).unwrap());
                doc.sentences = sentences;
                doc.tokens = tokens;
                let (tokens, clauses) = lagebild_morph::analyze(&doc, &models, &resources);
                doc.tokens = tokens;
                doc.clauses = clauses;
                // Linked REPEAT times, so that reading the clocks costs little against it.
                let cpu_start = thread_cpu();
                let start = Instant::now();
                let mut entities = Vec::new();
                for _ in 0..REPEAT {
                    entities = std::hint::black_box(lagebild_link::entities(&doc, &kb));
                }
                wall += start.elapsed() / REPEAT;
                cpu = match (cpu, cpu_start, thread_cpu()) {
                    (Some(sum), Some(before), Some(after)) => Some(sum + after.saturating_sub(before) / REPEAT),
                    _ => None,
                };
                mentions += entities.len();
                linked += entities.iter().filter(|entity| entity.kb_id.is_some()).count();
            }
            times.push(wall);
            cpu_times.extend(cpu);
        }
        let docs = &raws;
        assert!(!docs.is_empty() && bytes > 0, "no documents");
        assert!(
            linked * 2 >= mentions && linked >= docs.len(),
            "{linked} of {mentions} mentions linked in {} documents",
            docs.len()
        );
        times.sort();
        cpu_times.sort();
        let median: Duration = times[times.len() / 2];
        let wall_per_byte = median.as_nanos() as f64 / bytes as f64;
        // The budget holds for one core's work: CPU time where the machine reports it.
        let per_byte =
            cpu_times.get(cpu_times.len() / 2).map_or(wall_per_byte, |cpu| cpu.as_nanos() as f64 / bytes as f64);
        println!(
            "{}: {} documents, {:.2} MB, {mentions} mentions ({linked} linked): {per_byte:.2} ns/byte of CPU time \
             ({wall_per_byte:.2} ns/byte, {:.1} MB/s wall clock) ({})",
            lang.code(),
            docs.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / median.as_secs_f64(),
            if per_byte <= BUDGET {
                format!("within budget {BUDGET} ns/byte")
            } else {
                format!("OVER budget {BUDGET} ns/byte")
            }
        );
    }
    println!("loading the knowledge base: {:.1} ms", load.as_secs_f64() * 1e3);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find_map(|line| line.strip_prefix("VmHWM:")) {
        println!("peak resident memory (VmHWM): {}", line.trim());
    }
}
