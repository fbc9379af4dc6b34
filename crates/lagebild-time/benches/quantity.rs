//! The quantities layer's speed over the news text in ../shared/data/corpus/ (German
//! 10kGNAD, English BBC): sentences, tokens and morphology are made once, then
//! [`quantities`] runs over every document, eleven times; the median is reported in
//! nanoseconds per byte of text, of wall time and of time on the CPU (which a loaded machine
//! does not inflate as much; the budget is held to it where Linux reports it), beside a bare
//! scan of every token's text, to which quantities are compared so that the bound holds on a
//! loaded machine too. The whole dates-and-quantities stage has 15 ns per byte
//! (issue 6); quantities should take a few. Run with `cargo bench -p lagebild-time --bench
//! quantity`; it asserts that it found quantities, so that it cannot measure nothing.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::path::{Path, PathBuf};
use std::time::Instant;

use lagebild_doc::{Document, Lang, Meta};
use lagebild_morph::Models;
use lagebild_resources::Resources;
use lagebild_time::{NumberWords, QuantityWords, quantity::quantities};

const RUNS: usize = 11;
/// The whole dates-and-quantities stage's budget (issue 6), which quantities alone must
/// stay well inside.
const BUDGET_NS_PER_BYTE: f64 = 15.0;
/// Quantities may cost at most this many times a bare scan of every token's text: a
/// bound that holds on a loaded machine too, where both are slowed alike.
const MAX_TIMES_SCAN: f64 = 8.0;

fn main() {
    let corpus = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir).join("corpus"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus"),
    };
    if !corpus.is_dir() {
        println!("skipped: {} is absent (set LAGEBILD_SHARED_DATA to the shared data folder)", corpus.display());
        return;
    }
    let resources = Resources::embedded().expect("embedded resources load");
    let models = Models::embedded().expect("embedded models load");
    for (lang, folder) in [(Lang::De, "de"), (Lang::En, "en")] {
        let (words, numbers) = match lang {
            Lang::De => (
                QuantityWords::load("de/quantity_words.tsv", include_str!("../../../resources/de/quantity_words.tsv")),
                NumberWords::load("de/numbers.tsv", include_str!("../../../resources/de/numbers.tsv")),
            ),
            _ => (
                QuantityWords::load("en/quantity_words.tsv", include_str!("../../../resources/en/quantity_words.tsv")),
                NumberWords::load("en/numbers.tsv", include_str!("../../../resources/en/numbers.tsv")),
            ),
        };
        let (words, numbers) = (words.expect("quantity words load"), numbers.expect("number words load"));
        let docs: Vec<Document> = texts(&corpus.join(folder))
            .into_iter()
            .map(|text| {
                let mut doc = Document::new(Meta::new("b", "-"), text);
                doc.meta.lang = lang;
                let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, resources.lang(lang).unwrap());
                doc.sentences = sentences;
                doc.tokens = tokens;
                let (tokens, clauses) = lagebild_morph::analyze(&doc, &models, &resources);
                doc.tokens = tokens;
                doc.clauses = clauses;
                doc
            })
            .collect();
        let bytes: usize = docs.iter().map(|doc| doc.text().len()).sum();
        // Rounds of a bare scan of every token's text (the floor of any stage that reads
        // every token: the first byte of each, summed), then the quantities; interleaved, so
        // that both see the same load.
        let (mut wall, mut cpu, mut ratio) = (Vec::new(), Vec::new(), Vec::new());
        let mut found = 0;
        for _ in 0..RUNS {
            let start = Instant::now();
            let mut touched = 0u64;
            for doc in &docs {
                for token in &doc.tokens {
                    touched += u64::from(*doc.slice(token.range).as_bytes().first().unwrap_or(&0));
                }
            }
            std::hint::black_box(touched);
            let scan = start.elapsed().as_secs_f64() * 1e9 / bytes as f64;
            let (start, start_cpu) = (Instant::now(), thread_cpu_ns());
            found = docs.iter().map(|doc| std::hint::black_box(quantities(doc, &words, &numbers)).len()).sum();
            let took = start.elapsed().as_secs_f64() * 1e9 / bytes as f64;
            if let (Some(start), Some(end)) = (start_cpu, thread_cpu_ns()) {
                cpu.push((end - start) as f64 / bytes as f64);
            }
            wall.push(took);
            ratio.push(took / scan);
        }
        let median = |values: &mut Vec<f64>| {
            values.sort_by(f64::total_cmp);
            values.get(values.len() / 2).copied()
        };
        let wall_median = median(&mut wall).unwrap_or(f64::NAN);
        let ratio_median = median(&mut ratio).unwrap_or(f64::NAN);
        let cpu_median = median(&mut cpu);
        println!(
            "{}: {} documents, {:.2} MB, {found} quantities; quantities {wall_median:.2} ns/byte wall (median of {RUNS}; min {:.2}), {} ns/byte on the CPU (median; budget {BUDGET_NS_PER_BYTE}); {ratio_median:.1} times a bare scan of the tokens (median; min {:.1})",
            lang.code(),
            docs.len(),
            bytes as f64 / 1e6,
            wall[0],
            cpu_median.map_or("unknown".to_owned(), |cpu| format!("{cpu:.2}")),
            ratio[0],
        );
        assert!(!docs.is_empty() && found > docs.len() / 2, "{}: too few quantities ({found})", lang.code());
        // On a loaded machine the wall time counts other processes' turns; the time this
        // thread spent on the CPU does not, so the budget holds that where Linux reports it.
        let held = cpu_median.unwrap_or(wall_median);
        assert!(held <= BUDGET_NS_PER_BYTE, "{}: quantities take {held:.2} ns/byte", lang.code());
        assert!(ratio_median <= MAX_TIMES_SCAN, "{}: quantities take {ratio_median:.1} times a bare scan", lang.code());
    }
}

/// Nanoseconds this thread has run on a CPU (Linux `/proc/thread-self/schedstat`), if known.
fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// The `text` of every line of the `.jsonl` files under `dir`.
fn texts(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|ext| ext == "jsonl") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut texts = Vec::new();
    for file in files {
        let content = std::fs::read_to_string(&file).expect("corpus file reads");
        for line in content.lines().filter(|line| !line.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line).expect("corpus line is JSON");
            if let Some(text) = value.get("text").and_then(|text| text.as_str()) {
                texts.push(text.to_owned());
            }
        }
    }
    texts
}
