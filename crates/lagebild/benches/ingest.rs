//! Ingest against analyze: the price of storing.
//!
//! Run with `cargo bench -p lagebild --bench ingest`. Over the news text in
//! ../shared/data/corpus/{de,en}, it runs the release binary three times each as
//! `lagebild analyze` (records to /dev/null) and as `lagebild ingest --threads 1` into a fresh
//! database (one analysing thread, as analyze has; the store's writer and the input reader are
//! threads of their own), and reports the median wall time and the CPU time of each, and the
//! time of a rerun of ingest that finds every text stored. It asserts that the documents were
//! all stored and that ingest takes at most 30% longer than analyze.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 3;
const BUDGET: f64 = 1.30;

/// User and system CPU time of the children this process has waited for (/proc/self/stat).
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // Fields 16 and 17 of stat (cutime, cstime) are 14 and 15 after the name; ticks of 1/100 s.
    let ticks: u64 = [13, 14].iter().filter_map(|&i| fields.get(i)?.parse::<u64>().ok()).sum();
    Duration::from_millis(ticks * 10)
}

struct Timed {
    wall: Duration,
    cpu: Duration,
    stdout: String,
}

fn run(args: &[&str]) -> Timed {
    let cpu_before = children_cpu();
    let started = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_lagebild"))
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .expect("the binary runs");
    let wall = started.elapsed();
    assert!(output.status.code().is_some_and(|code| code <= 1), "lagebild {args:?} failed");
    Timed {
        wall,
        cpu: children_cpu().saturating_sub(cpu_before),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
    }
}

/// The number after a label at the start of a summary line.
fn number_after(summary: &str, label: &str) -> usize {
    summary
        .lines()
        .find_map(|line| line.trim_start().strip_prefix(label)?.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no {label:?} in the summary: {summary}"))
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn remove_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn main() {
    let corpus = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir).join("corpus"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/corpus"),
    };
    if !corpus.is_dir() {
        println!("skipped: {} is absent (set LAGEBILD_SHARED_DATA to the shared data folder)", corpus.display());
        return;
    }
    let (de, en) = (corpus.join("de"), corpus.join("en"));
    let (de, en) = (de.to_str().unwrap(), en.to_str().unwrap());
    let db = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lagebild-ingest-bench.db");
    let db_arg = db.to_str().unwrap();

    let mut analyze = Vec::new();
    let mut analyze_cpu = Vec::new();
    let mut ingest = Vec::new();
    let mut ingest_cpu = Vec::new();
    let mut rerun = Vec::new();
    let mut documents = 0;
    for _ in 0..RUNS {
        let timed = run(&["analyze", "--format", "jsonl", de, en]);
        let records = timed.stdout.lines().count();
        analyze.push(timed.wall);
        analyze_cpu.push(timed.cpu);
        remove_db(&db);
        let timed = run(&["ingest", "--threads", "1", "--db", db_arg, de, en]);
        let read: usize = timed.stdout.split_whitespace().next().and_then(|n| n.parse().ok()).expect("a summary");
        // The corpus holds some texts twice: each is stored once.
        let stored: usize = number_after(&timed.stdout, "stored");
        let duplicates: usize = number_after(&timed.stdout, "already stored");
        assert_eq!(stored + duplicates, read, "{}", timed.stdout);
        assert!(stored * 10 > read * 9, "{}", timed.stdout);
        assert_eq!(read, records, "ingest read as many documents as analyze wrote");
        documents = read;
        ingest.push(timed.wall);
        ingest_cpu.push(timed.cpu);
        let timed = run(&["ingest", "--threads", "1", "--db", db_arg, de, en]);
        assert!(timed.stdout.contains(&format!("already stored  {read} ")), "{}", timed.stdout);
        rerun.push(timed.wall);
    }
    assert!(documents > 1000, "only {documents} documents under {}", corpus.display());
    let size = std::fs::metadata(&db).map_or(0, |m| m.len());
    remove_db(&db);
    let (analyze, ingest, rerun) = (median(analyze), median(ingest), median(rerun));
    let ratio = ingest.as_secs_f64() / analyze.as_secs_f64();
    println!("{documents} documents of {}, median of {RUNS} runs, release binary", corpus.display());
    println!(
        "analyze            {:>7.2} s wall {:>7.2} s CPU",
        analyze.as_secs_f64(),
        median(analyze_cpu).as_secs_f64()
    );
    println!(
        "ingest --threads 1 {:>7.2} s wall {:>7.2} s CPU  ({:.0}% of analyze's wall time; database {:.1} MB)",
        ingest.as_secs_f64(),
        median(ingest_cpu).as_secs_f64(),
        ratio * 100.0,
        size as f64 / 1e6
    );
    println!("ingest, all stored {:>7.2} s wall", rerun.as_secs_f64());
    assert!(
        ratio <= BUDGET,
        "ingest takes {:.0}% of analyze's time; the budget is {:.0}%",
        ratio * 100.0,
        BUDGET * 100.0
    );
}
