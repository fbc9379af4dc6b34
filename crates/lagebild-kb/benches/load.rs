//! Load time of the embedded knowledge base: `cargo bench -p lagebild-kb`.
//!
//! Loads the base ten times and reports the median, asserting what it loaded.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::time::{Duration, Instant};

fn main() {
    let mut times = Vec::new();
    let mut entries = 0;
    for _ in 0..10 {
        let start = Instant::now();
        let kb = lagebild_kb::Kb::embedded().expect("the embedded base loads");
        times.push(start.elapsed());
        entries = kb.len();
        assert!(kb.get("country:RUS").is_some() && kb.get("geo:1871859").is_some());
        std::hint::black_box(&kb);
    }
    times.sort();
    let median: Duration = times[times.len() / 2];
    println!(
        "knowledge base: {entries} entries, load median {:.1} ms (min {:.1} ms, max {:.1} ms)",
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    if let Some(line) = status.lines().find_map(|line| line.strip_prefix("VmHWM:")) {
        println!("peak resident memory (VmHWM): {}", line.trim());
    }
}
