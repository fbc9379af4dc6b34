//! Every format over a small store: the worked example of docs/format.md (stored from a web
//! address and again from a file) and a short English article stored from a file. Columns,
//! counts against the store, filters, and golden files.

use std::collections::BTreeSet;

use lagebild_export::{
    CSV_COLUMNS, Format, GDELT_EVENT_COLUMNS, GDELT_EVENT_EMPTY, GDELT_MENTION_COLUMNS, GDELT_MENTION_EMPTY, Options,
    Summary, export, global_event_id,
};
use lagebild_store::{EventFilter, NewDocument, OnConflict, PageRequest, Put, Store};
use serde_json::{Value, json};

fn repo_file(path: &str) -> String {
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|error| panic!("{full}: {error}"))
}

/// The record of the worked example as docs/format.md shows it.
fn worked_example() -> Value {
    let doc = repo_file("docs/format.md");
    let (_, after) = doc.split_once("<!-- example-record -->").expect("docs/format.md has the example");
    let (_, block) = after.split_once("```json\n").expect("a fenced block follows the marker");
    let (content, _) = block.split_once("\n```").expect("the fenced block is closed");
    serde_json::from_str(content).expect("the example is JSON")
}

/// A short article of our own: a protest in Berlin in a month, no recipient, a title that a
/// spreadsheet would take for a formula.
fn protest() -> Value {
    json!({
        "format_version": "1",
        "id": "protest-en",
        "source": "archive/protest.txt",
        "title": "=HYPERLINK(\"http://example.org\",\"click\")",
        "published": "2024-07-02",
        "lang": "en",
        "lang_detected": "en",
        "text": "Protesters marched in Berlin in June 2024.",
        "sentences": [{"start": 0, "end": 42}],
        "entities": [{
            "id": "e0", "start": 22, "end": 28, "text": "Berlin", "type": "GPE", "form": "name",
            "kb_id": "geo:2950159", "name": "Berlin", "reading": "place", "country": "DEU", "code": null,
            "role": null, "lat": 52.52437, "lon": 13.41053, "confidence": 0.9, "cluster": null
        }],
        "times": [{
            "id": "t0", "start": 32, "end": 41, "text": "June 2024", "type": "DATE", "value": "2024-06",
            "mod": null, "anchored": true
        }],
        "quantities": [],
        "claims": [],
        "events": [{
            "id": "v0", "sentence": 0, "type": "PROTEST", "mode": "demo", "context": [], "cameo": "141",
            "score": -5.0,
            "actors": [{"entity": null, "start": 0, "end": 10, "text": "Protesters", "code": null}],
            "recipients": [],
            "location": {"entity": "e0", "start": 22, "end": 28, "text": "Berlin", "code": null},
            "date": "2024-06", "date_source": "text", "time": "t0", "quantities": [],
            "trigger": {"start": 11, "end": 18, "text": "marched"},
            "negated": false, "hypothetical": false, "future": false, "historical": false, "claim": null
        }]
    })
}

fn store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let example = worked_example();
    let mut from_file = example.clone();
    from_file["source"] = json!("archive/kiew.txt");
    for record in [example, from_file, protest()] {
        lagebild_format::check_record(&record).unwrap_or_else(|error| panic!("{}: {error}", record["id"]));
        let put = Put::Record(NewDocument { record: record.to_string(), input_lang: None });
        store.put_batch(&[put], OnConflict::Skip).unwrap();
    }
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.sources, stats.events), (2, 3, 4), "the same text is stored once");
    store
}

fn run(store: &Store, filter: &EventFilter, format: Format, options: &Options) -> (Summary, String) {
    let mut out = Vec::new();
    let summary = export(store, filter, format, options, &mut out).unwrap();
    (summary, String::from_utf8(out).expect("exports are UTF-8"))
}

fn all(store: &Store, format: Format) -> (Summary, String) {
    run(store, &EventFilter::default(), format, &Options::default())
}

/// The ids of the events a filter selects, as the store lists them.
fn store_ids(store: &Store, filter: &EventFilter) -> Vec<String> {
    let page = store.events(filter, &PageRequest::new(1000, None)).unwrap();
    page.items.iter().map(|row| format!("{}/{}", row.document, row.id)).collect()
}

fn tsv(text: &str) -> Vec<Vec<&str>> {
    text.lines().map(|line| line.split('\t').collect()).collect()
}

#[test]
fn plover_lines_carry_the_manuals_fields_and_every_event() {
    let store = store();
    let (summary, text) = all(&store, Format::Plover);
    let records: Vec<Value> =
        text.lines().map(|line| serde_json::from_str(line).expect("one JSON object per line")).collect();
    assert_eq!(summary, Summary { events: 4, rows: 4 });
    let ids: Vec<String> = records.iter().map(|record| record["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids, store_ids(&store, &EventFilter::default()));
    for record in &records {
        for field in ["id", "date", "actor", "recipient", "event", "mode", "context", "quad_code", "event_scale"] {
            assert!(record.get(field).is_some(), "{field} missing in {record}");
        }
        let date = record["date"].as_str().unwrap();
        assert!(date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-', "{date}");
    }
    let by_id = |id: &str| records.iter().find(|record| record["id"] == id).unwrap();
    // A week is given by its Monday, its Sunday and the precision.
    let moved = by_id("bsp-20240514-kiew/v2");
    assert_eq!(
        (&moved["date"], &moved["enddate"], &moved["date_precision"], &moved["date_timex"]),
        (&json!("2024-05-06"), &json!("2024-05-12"), &json!("week"), &json!("2024-W19"))
    );
    let march = by_id("protest-en/v0");
    assert_eq!(
        (&march["date"], &march["enddate"], &march["date_precision"]),
        (&json!("2024-06-01"), &json!("2024-06-30"), &json!("month"))
    );
    assert_eq!(march["event_loc"]["geonameid"], 2950159);
    assert_eq!(march["event_loc"]["country_code"], "DEU");
    assert_eq!(march["quad_code"], 4);
    let visit = by_id("bsp-20240514-kiew/v0");
    assert_eq!((&visit["date"], visit.get("enddate")), (&json!("2024-05-14"), None));
    assert_eq!(visit["cite_info"]["url"], "https://example.org/politik/2024/05/14/petrescu-kiew");
}

#[test]
fn gdelt_tables_have_gdelts_columns_and_one_mention_per_event() {
    let store = store();
    assert_eq!((GDELT_EVENT_COLUMNS.len(), GDELT_MENTION_COLUMNS.len()), (61, 16));
    let (summary, events) = all(&store, Format::GdeltEvents);
    let events = tsv(&events);
    assert_eq!((summary.events, events.len()), (4, 4));
    let (summary, mentions) = all(&store, Format::GdeltMentions);
    let mentions = tsv(&mentions);
    assert_eq!((summary.events, mentions.len()), (4, 4));
    assert!(events.iter().all(|row| row.len() == 61), "61 columns in every event row");
    assert!(mentions.iter().all(|row| row.len() == 16), "16 columns in every mention row");
    let column = |name: &str, columns: &[&str]| columns.iter().position(|c| *c == name).unwrap();
    for name in GDELT_EVENT_EMPTY {
        let at = column(name, &GDELT_EVENT_COLUMNS);
        assert!(events.iter().all(|row| row[at].is_empty()), "{name} is empty");
    }
    for name in GDELT_MENTION_EMPTY {
        let at = column(name, &GDELT_MENTION_COLUMNS);
        assert!(mentions.iter().all(|row| row[at].is_empty()), "{name} is empty");
    }
    // Every mention points at an exported event, and ids are the documented hash.
    let event_ids: BTreeSet<&str> = events.iter().map(|row| row[0]).collect();
    let mention_ids: BTreeSet<&str> = mentions.iter().map(|row| row[0]).collect();
    assert_eq!(event_ids, mention_ids);
    let expected: BTreeSet<String> = store_ids(&store, &EventFilter::default())
        .iter()
        .map(|id| {
            let (document, event) = id.rsplit_once('/').unwrap();
            global_event_id(document, event).to_string()
        })
        .collect();
    assert_eq!(event_ids, expected.iter().map(String::as_str).collect());
    // Character offsets point at the words of the record.
    let example = worked_example();
    let text: Vec<char> = example["text"].as_str().unwrap().chars().collect();
    let words = |start: &str, len: usize| -> String {
        let start: usize = start.parse().unwrap();
        text[start..start + len].iter().collect()
    };
    let visit = global_event_id("bsp-20240514-kiew", "v0").to_string();
    let mention = mentions.iter().find(|row| row[0] == visit).unwrap();
    assert_eq!(words(mention[column("Actor1CharOffset", &GDELT_MENTION_COLUMNS)], 12), "Ana Petrescu");
    assert_eq!(words(mention[column("ActionCharOffset", &GDELT_MENTION_COLUMNS)], 12), "eingetroffen");
    assert_eq!(mention[column("MentionDocLen", &GDELT_MENTION_COLUMNS)], text.len().to_string());
    assert_eq!(mention[column("MentionType", &GDELT_MENTION_COLUMNS)], "1");
    assert_eq!(mention[column("MentionSourceName", &GDELT_MENTION_COLUMNS)], "example.org");
}

#[test]
fn csv_has_its_header_and_a_row_per_event_and_keeps_formulas_as_text() {
    let store = store();
    let (summary, text) = all(&store, Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), CSV_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!((summary.events, rows.len()), (4, 4));
    let title = CSV_COLUMNS.iter().position(|c| *c == "title").unwrap();
    let protest = rows.iter().find(|row| &row[0] == "protest-en").unwrap();
    assert!(protest[title].starts_with("'=HYPERLINK"), "{}", &protest[title]);
}

#[test]
fn filters_are_the_stores() {
    let store = store();
    let filters = [
        EventFilter { types: vec!["PROTEST".into()], ..Default::default() },
        EventFilter { types: vec!["consult".into(), "AID".into()], ..Default::default() },
        EventFilter { actor: Some(lagebild_store::ActorRef::parse("ROU").unwrap()), ..Default::default() },
        EventFilter { document: Some("protest-en".into()), ..Default::default() },
        EventFilter { stance: Some("none".into()), ..Default::default() },
        EventFilter { dates: lagebild_store::DateRange::parse(Some("2024-06"), None).unwrap(), ..Default::default() },
    ];
    for filter in filters {
        let expected = store_ids(&store, &filter);
        for format in [Format::Plover, Format::GdeltEvents, Format::GdeltMentions, Format::Csv] {
            let (summary, _) = run(&store, &filter, format, &Options::default());
            assert_eq!(summary.events as usize, expected.len(), "{} with {filter:?}", format.name());
        }
    }
    let bad = EventFilter { types: vec!["PICNIC".into()], ..Default::default() };
    let error = export(&store, &bad, Format::Csv, &Options::default(), &mut Vec::new()).unwrap_err();
    assert!(error.to_string().contains("PICNIC"), "{error}");
}

#[test]
fn a_gdelt_header_names_the_columns_on_request() {
    let store = store();
    let options = Options { gdelt_header: true };
    let (_, text) = run(&store, &EventFilter::default(), Format::GdeltMentions, &options);
    assert_eq!(text.lines().next().unwrap(), GDELT_MENTION_COLUMNS.join("\t"));
    assert_eq!(text.lines().count(), 5);
}

#[test]
fn the_docs_list_every_column_left_empty() {
    let docs = repo_file("docs/export.md");
    for column in GDELT_EVENT_EMPTY.iter().chain(&GDELT_MENTION_EMPTY) {
        assert!(docs.contains(&format!("`{column}`")), "docs/export.md does not list {column}");
    }
    for column in CSV_COLUMNS {
        assert!(docs.contains(&format!("`{column}`")), "docs/export.md does not describe the CSV column {column}");
    }
}

/// The stored-at time changes with every run; the golden files show it as `<stored>`.
fn without_stored_at(text: &str, columns: &[usize]) -> String {
    tsv(text)
        .into_iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(at, cell)| if columns.contains(&at) { "<stored>" } else { cell })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn golden_exports() {
    let store = store();
    insta::assert_snapshot!("plover", all(&store, Format::Plover).1);
    insta::assert_snapshot!("gdelt_events", without_stored_at(&all(&store, Format::GdeltEvents).1, &[59]));
    insta::assert_snapshot!("gdelt_mentions", without_stored_at(&all(&store, Format::GdeltMentions).1, &[1, 2]));
    insta::assert_snapshot!("csv", all(&store, Format::Csv).1);
}
