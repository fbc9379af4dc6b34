//! The store from the command line: ingest, reruns, the query commands and their formats,
//! reanalysis, and ingest killed with SIGKILL again and again.

#[path = "../../../lagebild-store/tests/support/mod.rs"]
mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use lagebild_store::{NewDocument, OnConflict, Put, Store};

use super::{lagebild, records, scratch, stderr};

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("output is UTF-8")
}

fn run_ok(args: &[&str]) -> String {
    let output = lagebild(args, None);
    assert!(output.status.success(), "lagebild {args:?}: {}", stderr(&output));
    stdout(&output)
}

#[test]
fn ingest_stores_the_examples_once_and_the_queries_find_them() {
    let dir = scratch("ingest-examples");
    let db = dir.join("x.db");
    let db = db.to_str().unwrap();
    let first = run_ok(&["ingest", "--db", db, "examples"]);
    assert!(first.starts_with("5 documents read in"), "{first}");
    assert!(first.contains("  stored          5 new, 0 replaced\n"), "{first}");
    assert!(first.contains("  not analysed    1 "), "{first}");
    assert!(first.contains("ex-de-1  "), "{first}");
    assert!(first.contains("The database holds 5 documents (de 2, en 2, und 1)"), "{first}");
    // A rerun stores nothing again; another path to the same files adds sources.
    let again = run_ok(&["ingest", "--db", db, "examples"]);
    assert!(
        again.contains("  stored          0 new, 0 replaced\n  already stored  5 (0 new sources recorded)"),
        "{again}"
    );
    let elsewhere = run_ok(&["ingest", "--db", db, "./examples/news.jsonl"]);
    // ex-de-1 has a URL, which is its source whatever the path.
    assert!(elsewhere.contains("already stored  3 (2 new sources recorded)"), "{elsewhere}");

    let documents = run_ok(&["documents", "--db", db]);
    assert!(documents.starts_with("DOCUMENT "), "{documents}");
    assert_eq!(documents.lines().count(), 6, "{documents}");
    let sources = run_ok(&["show", "--db", db, "--sources", "ex-en-1"]);
    assert_eq!(sources.lines().count(), 2, "{sources}");
    // The stored record is what `analyze` writes.
    let analysed = records(&lagebild(&["analyze", "examples/news.jsonl"], None));
    let shown: serde_json::Value = serde_json::from_str(&run_ok(&["show", "--db", db, "ex-en-1"])).unwrap();
    assert_eq!(&shown, analysed.iter().find(|record| record["id"] == "ex-en-1").unwrap());
    let hits = run_ok(&["search", "--db", db, "--format", "jsonl", "sanctions"]);
    let hit: serde_json::Value = serde_json::from_str(hits.lines().next().unwrap()).unwrap();
    assert_eq!(hit["lang"], "en");
    assert!(hit["snippet"].as_str().unwrap().contains("sanctions"));
    let csv = run_ok(&["documents", "--db", db, "--format", "csv", "--lang", "de", "--limit", "1"]);
    assert!(csv.starts_with("DOCUMENT,LANG,PUBLISHED,"), "{csv}");
    assert_eq!(csv.lines().count(), 2);
    let more = lagebild(&["documents", "--db", db, "--limit", "2"], None);
    assert!(stderr(&more).contains("more rows follow: add --cursor "), "{}", stderr(&more));
    // The examples' events and claims are stored and found by the query commands.
    let events = run_ok(&["events", "--db", db]);
    assert!(events.starts_with("DATE ") && events.lines().count() > 5, "{events}");
    let claims = run_ok(&["claims", "--db", db]);
    assert!(claims.lines().count() > 3, "{claims}");

    let reanalysed = run_ok(&["reanalyze", "--db", db]);
    assert!(reanalysed.starts_with("5 of 5 documents reanalysed"), "{reanalysed}");
    let shown_again: serde_json::Value = serde_json::from_str(&run_ok(&["show", "--db", db, "ex-en-1"])).unwrap();
    assert_eq!(shown_again, shown);
    let store = Store::open(Path::new(db)).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

#[test]
fn the_query_commands_filter_and_print_events_and_claims() {
    let dir = scratch("queries");
    let path = dir.join("example.db");
    let mut store = Store::open(&path).unwrap();
    let record = support::worked_example();
    store.put_batch(&[Put::Record(NewDocument { record, input_lang: None })], OnConflict::Skip).unwrap();
    drop(store);
    let db = path.to_str().unwrap();
    let table = run_ok(&["events", "--db", db, "--actor", "ROU", "--recipient", "UKR"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 4, "{table}");
    assert!(lines[0].starts_with("DATE        TYPE"), "{table}");
    assert!(lines[3].contains("MOBILIZE/troops"), "{table}");
    assert!(lines[3].contains("Rumänien [ROUMIL]"), "{table}");
    assert!(lines[3].contains("assert: Verteidigungsministerium"), "{table}");
    assert!(lines[3].contains("deny: Ein Regierungssprecher"), "{table}");
    assert!(lines[3].ends_with("bsp-20240514-kiew/v2"), "{table}");
    let reported = run_ok(&["events", "--db", db, "--reported-by", "RUS", "--format", "jsonl"]);
    let row: serde_json::Value = serde_json::from_str(reported.trim()).unwrap();
    assert_eq!(row["reported_by"]["speaker"]["code"], "RUSMIL");
    let may = run_ok(&[
        "events",
        "--db",
        db,
        "--from",
        "2024-05-14",
        "--to",
        "2024-05-14",
        "--type",
        "AID,CONSULT",
        "--format",
        "csv",
    ]);
    assert_eq!(may.lines().count(), 3, "{may}");
    let denials = run_ok(&["claims", "--db", db, "--stance", "deny"]);
    assert_eq!(denials.lines().count(), 2, "{denials}");
    assert!(denials.contains("Ein Regierungssprecher in Bukarest"), "{denials}");
    // CSV has the cells in full: what the denial answers.
    let denials = run_ok(&["claims", "--db", db, "--stance", "deny", "--format", "csv"]);
    assert!(
        denials.contains(
            "Verteidigungsministerium der Russischen Föderation [RUSMIL]: Rumänien habe in der vergangenen Woche"
        ),
        "{denials}"
    );
    let answering = run_ok(&["claims", "--db", db, "--responds-to", "any", "--format", "jsonl"]);
    assert_eq!(answering.lines().count(), 1);
    let actors = run_ok(&["actors", "--db", db, "--limit", "3"]);
    assert!(actors.lines().nth(1).unwrap().starts_with("ROU "), "{actors}");
    let bad = lagebild(&["events", "--db", db, "--type", "BOMB"], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("\"BOMB\" is not a PLOVER event type"), "{}", stderr(&bad));
    let missing = lagebild(&["events", "--db", dir.join("nothing.db").to_str().unwrap()], None);
    assert!(stderr(&missing).contains("does not exist"), "{}", stderr(&missing));
    assert!(!dir.join("nothing.db").exists());
}

/// A JSON Lines file of `n` short documents, each text different.
fn corpus(dir: &Path, n: usize) -> std::path::PathBuf {
    let path = dir.join("corpus.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..n {
        let text = if i % 2 == 0 {
            format!("Die Regierung meldete am Montag die Lieferung Nummer {i}. Der Minister reiste danach nach Kiew.")
        } else {
            format!("The government reported delivery number {i} on Monday. The minister then travelled to Kyiv.")
        };
        let line = serde_json::json!({"id": format!("k{i:05}"), "published": "2024-05-14", "text": text});
        writeln!(file, "{line}").unwrap();
    }
    file.flush().unwrap();
    path
}

#[test]
fn ingest_killed_again_and_again_loses_nothing_committed_and_resumes() {
    const DOCUMENTS: usize = 4000;
    let dir = scratch("sigkill");
    let input = corpus(&dir, DOCUMENTS);
    let db = dir.join("killed.db");
    let args = ["ingest", "--db", db.to_str().unwrap(), "--batch", "25", "--threads", "2", input.to_str().unwrap()];
    let mut stored = 0;
    let mut partial = 0;
    // Each run is killed a pseudo-random moment (the same every run) after it has committed
    // something of its own, so that the kills fall mid-run however fast the machine is.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for round in 0..8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(env!("CARGO_BIN_EXE_lagebild"))
            .args(args)
            .current_dir(super::workspace_root())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(30) {
            let progressed = db.exists()
                && Store::open(&db).ok().and_then(|store| store.stats().ok()).is_some_and(|s| s.documents > stored);
            if progressed {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let wait = Duration::from_millis(seed % 60);
        std::thread::sleep(wait);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if !db.exists() {
            continue;
        }
        let store = Store::open(&db).unwrap();
        assert_eq!(store.check().unwrap(), Vec::<String>::new(), "round {round}, killed after {wait:?}");
        let stats = store.stats().unwrap();
        assert!(stats.documents >= stored, "round {round}: {} documents after {stored}", stats.documents);
        assert_eq!(stats.sources, stats.documents);
        stored = stats.documents;
        partial += usize::from(stored > 0 && stored < DOCUMENTS as u64);
    }
    // The last run finishes, skipping what the killed runs committed.
    let output = lagebild(&args, None);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stdout(&output);
    assert!(summary.contains(&format!("already stored  {stored} ")), "{stored} stored before: {summary}");
    let store = Store::open(&db).unwrap();
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.sources), (DOCUMENTS as u64, DOCUMENTS as u64));
    let all = store.documents(&Default::default(), &lagebild_store::PageRequest::new(DOCUMENTS, None)).unwrap();
    assert_eq!(all.items.len(), DOCUMENTS);
    assert!(partial >= 2, "only {partial} kills fell between the first and the last commit");
}
