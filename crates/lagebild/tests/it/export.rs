//! `lagebild export` over the example articles: each format's columns, and a round trip of
//! counts: the events and mentions read back equal the events the store holds and lists.

use std::collections::BTreeSet;
use std::path::Path;

use lagebild_export::{CSV_COLUMNS, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS};
use lagebild_store::Store;

use super::{lagebild, scratch, stderr};

fn run_ok(args: &[&str]) -> String {
    let output = lagebild(args, None);
    assert!(output.status.success(), "lagebild {args:?}: {}", stderr(&output));
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

#[test]
fn export_writes_every_stored_event_in_each_format_and_reads_back() {
    let dir = scratch("export");
    let db = dir.join("x.db");
    let db = db.to_str().unwrap();
    run_ok(&["ingest", "--db", db, "examples"]);
    let stats = Store::open(Path::new(db)).unwrap().stats().unwrap();
    let events = stats.events as usize;
    assert!(events > 0, "the examples hold events");

    let plover = run_ok(&["export", "--db", db, "--format", "plover"]);
    let records: Vec<serde_json::Value> =
        plover.lines().map(|line| serde_json::from_str(line).expect("one JSON object per line")).collect();
    assert_eq!(records.len(), events);
    for record in &records {
        assert!(record["id"].is_string() && record["event"].is_array() && record["actor"].is_array(), "{record}");
        assert!(record.get("date").is_some() && record.get("date_precision").is_some(), "{record}");
    }
    let ids: BTreeSet<&str> = records.iter().map(|record| record["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), events, "PLOVER ids are unique");

    let table = |format: &str| -> Vec<Vec<String>> {
        run_ok(&["export", "--db", db, "--format", format])
            .lines()
            .map(|line| line.split('\t').map(str::to_owned).collect())
            .collect()
    };
    let gdelt_events = table("gdelt-events");
    let mentions = table("gdelt-mentions");
    assert_eq!((gdelt_events.len(), mentions.len()), (events, events), "one event row and one mention per event");
    assert!(gdelt_events.iter().all(|row| row.len() == GDELT_EVENT_COLUMNS.len()));
    assert!(mentions.iter().all(|row| row.len() == GDELT_MENTION_COLUMNS.len()));
    let event_ids: BTreeSet<&String> = gdelt_events.iter().map(|row| &row[0]).collect();
    let mention_ids: BTreeSet<&String> = mentions.iter().map(|row| &row[0]).collect();
    assert_eq!(event_ids.len(), events);
    assert_eq!(event_ids, mention_ids, "every mention joins an event");

    let file = dir.join("events.csv");
    let output = lagebild(&["export", "--db", db, "--format", "csv", "--output", file.to_str().unwrap()], None);
    assert!(output.status.success() && output.stdout.is_empty(), "{}", stderr(&output));
    assert!(stderr(&output).contains(&format!("{events} events written to ")), "{}", stderr(&output));
    let mut reader = csv::Reader::from_path(&file).unwrap();
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_COLUMNS);
    assert_eq!(reader.records().map(Result::unwrap).count(), events);

    // A filter selects what `lagebild events` lists with it.
    let most = &stats.event_types[0];
    for args in [vec!["--type", most.key.as_str()], vec!["--from", "2024", "--to", "2024"], vec!["--stance", "none"]] {
        let listed = run_ok(&[&["events", "--db", db, "--format", "jsonl", "--limit", "0"][..], &args].concat());
        let exported = run_ok(&[&["export", "--db", db, "--format", "plover"][..], &args].concat());
        assert_eq!(exported.lines().count(), listed.lines().count(), "{args:?}");
    }
    let by_type = run_ok(&["export", "--db", db, "--format", "gdelt-mentions", "--type", &most.key]);
    assert_eq!(by_type.lines().count() as u64, most.count);

    let bad = lagebild(&["export", "--db", db, "--format", "csv", "--type", "PICNIC"], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("PICNIC"), "{}", stderr(&bad));
    let missing = lagebild(&["export", "--db", dir.join("none.db").to_str().unwrap(), "--format", "csv"], None);
    assert!(stderr(&missing).contains("does not exist"), "{}", stderr(&missing));
}
