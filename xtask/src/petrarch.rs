//! `cargo xtask convert-petrarch-verbs`: English event triggers from PETRARCH2's CAMEO verb
//! dictionary (MIT), written to `resources/en/event_triggers_petrarch.tsv` by
//! [`lagebild_events::petrarch::convert_verbs`], which says what converts and what is skipped.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, bail};

pub(crate) fn convert_petrarch_verbs() -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        bail!("../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
    };
    let file = data.join("events/petrarch2/dictionaries/CAMEO.2.0.txt");
    let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    // The PLOVER table as it is in the working tree (run `cargo xtask build-plover` first).
    let knowledge = lagebild_events::EventKnowledge::from_dir(Path::new("resources"))
        .context("loading the event tables under resources/")?;
    let conversion = lagebild_events::petrarch::convert_verbs(&text, |code| knowledge.plover_category(code));
    let mut out = String::from(
        "# lagebild resource: English event triggers converted from PETRARCH2's CAMEO verb dictionary by `cargo xtask convert-petrarch-verbs`\n# source: openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (commit 676801cd9cb2)\n# licence: MIT (Copyright (c) 2014 Open Event Data Alliance)\n# columns: lemma <TAB> pos <TAB> CAMEO code <TAB> PLOVER category (as resources/en/event_triggers.tsv, which wins where both list a lemma)\n",
    );
    let mut triggers = conversion.triggers.clone();
    triggers.sort();
    for (lemma, code) in &triggers {
        writeln!(out, "{lemma}\tverb\t{code}\t-")?;
    }
    std::fs::write("resources/en/event_triggers_petrarch.tsv", out)?;
    println!("converted {} verbs to resources/en/event_triggers_petrarch.tsv", triggers.len());
    let total: usize = conversion.skipped.values().sum();
    println!("skipped {total}:");
    for (reason, count) in conversion.skipped {
        println!("  {count:>5}  {reason}");
    }
    Ok(())
}

/// One validation record of `PETR.UnitTest.records.xml`.
struct Record {
    id: String,
    category: String,
    date: Option<chrono::NaiveDate>,
    /// (source, target, CAMEO code); empty with `noevents`.
    codings: Vec<(String, String, String)>,
    text: String,
}

/// The records of the unit-test file: `<Sentence date id category>` with `<EventCoding>`
/// expectations and a `<Text>`.
fn read_records(xml: &str) -> anyhow::Result<Vec<Record>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut records = Vec::new();
    let mut current: Option<Record> = None;
    let mut in_text = false;
    loop {
        let event = reader.read_event().with_context(|| format!("XML error at byte {}", reader.buffer_position()))?;
        match event {
            Event::Start(tag) | Event::Empty(tag) => {
                let attribute = |name: &str| -> Option<String> {
                    tag.attributes().flatten().find(|a| a.key.as_ref() == name).and_then(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|value| value.into_owned())
                    })
                };
                let qualified = tag.name();
                let element: &str = qualified.as_ref();
                match element {
                    "Sentence" => {
                        current = Some(Record {
                            id: attribute("id").unwrap_or_default(),
                            category: attribute("category").unwrap_or_default(),
                            date: attribute("date")
                                .and_then(|date| chrono::NaiveDate::parse_from_str(&date, "%Y%m%d").ok()),
                            codings: Vec::new(),
                            text: String::new(),
                        });
                    }
                    "EventCoding" => {
                        if let (Some(record), Some(code)) = (current.as_mut(), attribute("eventcode")) {
                            let source = attribute("sourcecode").unwrap_or_default();
                            let target = attribute("targetcode").unwrap_or_default();
                            record.codings.push((source, target, code));
                        }
                    }
                    "Text" => in_text = true,
                    _ => {}
                }
            }
            Event::Text(text) if in_text => {
                if let Some(record) = current.as_mut() {
                    record.text.push_str(&text.xml10_content());
                }
            }
            Event::End(tag) => {
                let qualified = tag.name();
                let element: &str = qualified.as_ref();
                match element {
                    "Text" => in_text = false,
                    "Sentence" => records.extend(current.take()),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(records)
}

/// Counts of one category of records.
#[derive(Default)]
struct Tally {
    records: usize,
    expected: usize,
    /// Expected codings whose CAMEO root (first two digits) an event of the record has.
    root: usize,
    /// … with the source among its actors' codes and the target among its recipients'.
    full: usize,
    /// Records that expect no event and got none.
    quiet: usize,
    quiet_expected: usize,
    found: usize,
}

/// `cargo xtask eval petrarch`: the PETRARCH validation records, coded with their own
/// dictionaries loaded by `--dictionary`'s reader, per category. For information only: the
/// records were written for an older coder and its parses, many with WEIS codes.
pub(crate) fn eval_petrarch() -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return Ok(());
    };
    let dir = data.join("events/petrarch2/unittest");
    let file = dir.join("PETR.UnitTest.records.xml");
    let xml = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    let records = read_records(&xml).with_context(|| format!("reading {}", file.display()))?;
    let dictionaries = ["actors", "agents", "verbs"].map(|kind| dir.join(format!("PETR.Validate.{kind}.txt")));
    let mut by_date: std::collections::BTreeMap<Option<chrono::NaiveDate>, Vec<&Record>> = Default::default();
    for record in &records {
        by_date.entry(record.date).or_default().push(record);
    }
    let mut tallies: std::collections::BTreeMap<&str, Tally> = Default::default();
    let mut first_report = true;
    for (date, records) in by_date {
        // Dated actor codes hold on the record's date, so the knowledge is loaded per date.
        let mut knowledge = lagebild_pipeline::Knowledge::embedded().context("loading the embedded knowledge")?;
        for path in &dictionaries {
            let report = knowledge.add_dictionary(path, date)?;
            if first_report {
                let skipped: usize =
                    report.verbs_skipped.iter().map(|(_, n)| n).sum::<usize>() + report.lines_skipped.len();
                println!(
                    "{}: {} actors, {} agents, {} verbs; {skipped} skipped",
                    path.file_name().unwrap_or_default().to_string_lossy(),
                    report.actors,
                    report.agents,
                    report.verbs
                );
            }
        }
        first_report = false;
        let options = lagebild_pipeline::Options {
            lang: lagebild_pipeline::LangChoice::Force(lagebild_doc::Lang::En),
            published: date,
            published_time: None,
            speeches: false,
        };
        for record in records {
            let raw = lagebild_ingest::RawDocument {
                id: record.id.clone(),
                source: record.id.clone(),
                title: None,
                url: None,
                published: date,
                published_time: None,
                lang: Some("en".into()),
                text: record.text.split_whitespace().collect::<Vec<_>>().join(" "),
            };
            let document =
                lagebild_pipeline::analyze(raw, &knowledge, &options, &mut lagebild_pipeline::Timings::default())
                    .document;
            let tally = tallies.entry(&record.category).or_default();
            tally.records += 1;
            tally.found += document.events.len();
            if record.codings.is_empty() {
                tally.quiet_expected += 1;
                tally.quiet += usize::from(document.events.is_empty());
                continue;
            }
            for (source, target, code) in &record.codings {
                tally.expected += 1;
                let codes = |args: &[lagebild_doc::Arg]| -> Vec<String> {
                    args.iter().filter_map(|arg| arg.code.clone()).collect()
                };
                let matches = |mine: &[String], expected: &str| {
                    expected.is_empty() || expected == "---" || mine.iter().any(|code| code.starts_with(expected))
                };
                let root = |event: &&lagebild_doc::Event| {
                    event.cameo.as_deref().is_some_and(|cameo| cameo.get(..2) == code.get(..2))
                };
                let rooted: Vec<_> = document.events.iter().filter(root).collect();
                tally.root += usize::from(!rooted.is_empty());
                tally.full +=
                    usize::from(rooted.iter().any(|event| {
                        matches(&codes(&event.actors), source) && matches(&codes(&event.recipients), target)
                    }));
            }
        }
    }
    println!("\nPETRARCH validation records ({} records), by category:", records.len());
    println!(
        "  {:<10} {:>7} {:>8} {:>6} {:>6} {:>13} {:>6}",
        "category", "records", "expected", "root", "full", "no event ok", "found"
    );
    let mut total = Tally::default();
    for (category, tally) in &tallies {
        println!(
            "  {category:<10} {:>7} {:>8} {:>6} {:>6} {:>6} of {:<3} {:>6}",
            tally.records, tally.expected, tally.root, tally.full, tally.quiet, tally.quiet_expected, tally.found
        );
        total.records += tally.records;
        total.expected += tally.expected;
        total.root += tally.root;
        total.full += tally.full;
        total.quiet += tally.quiet;
        total.quiet_expected += tally.quiet_expected;
        total.found += tally.found;
    }
    println!(
        "  {:<10} {:>7} {:>8} {:>6} {:>6} {:>6} of {:<3} {:>6}",
        "all", total.records, total.expected, total.root, total.full, total.quiet, total.quiet_expected, total.found
    );
    println!(
        "root: an event with the expected CAMEO root (first two digits); full: also the source among its actors' codes and the target among its recipients' (prefix match)"
    );
    Ok(())
}
