//! The worked example of `docs/format.md`, built by hand, and the tests of the contract.

mod example;

use lagebild_doc::{
    Arg, Claim, ClaimConstruction, ClaimKind, DateSource, Document, Entity, EntityForm, EntityId, EntityType, Event,
    EventType, Lang, Meta, Sentence, Span, Stance, TextRange,
};
use serde_json::{Value, json};

use crate::{OutputOptions, check_record, render_text, to_json, to_json_line};

/// The byte range of the only occurrence of `needle` in `text`.
fn find(text: &str, needle: &str) -> TextRange {
    let start = text.find(needle).unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} occurs more than once; give its context");
    TextRange::from_usize(start, start + needle.len())
}

/// The byte range of `needle` inside the only occurrence of `context`.
fn find_in(text: &str, needle: &str, context: &str) -> TextRange {
    let outer = find(text, context);
    let start =
        outer.start() as usize + context.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {context:?}"));
    TextRange::from_usize(start, start + needle.len())
}

fn all_options() -> OutputOptions {
    OutputOptions { tokens: true }
}

/// The fenced block of `language` after `<!-- marker -->` in docs/format.md.
fn documented(marker: &str, language: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/format.md");
    let doc = std::fs::read_to_string(path).expect("docs/format.md is readable");
    let (_, after) = doc.split_once(&format!("<!-- {marker} -->")).expect("docs/format.md has the marker");
    let (_, block) = after.split_once(&format!("```{language}\n")).expect("a fenced block follows the marker");
    let (content, _) = block.split_once("\n```").expect("the fenced block is closed");
    content.to_owned()
}

/// The record of the worked example as docs/format.md shows it.
fn documented_example() -> Value {
    serde_json::from_str(&documented("example-record", "json")).expect("the documented example is JSON")
}

#[test]
fn the_documented_example_is_what_to_json_writes() {
    let doc = example::document();
    doc.check_invariants().expect("the example document is consistent");
    let record = to_json(&doc, &all_options());
    assert!(
        record == documented_example(),
        "docs/format.md shows a different record; to_json writes:\n{}",
        to_json_line(&doc, &all_options())
    );
}

#[test]
fn check_record_accepts_the_worked_example() {
    let doc = example::document();
    check_record(&to_json(&doc, &all_options())).unwrap();
    check_record(&to_json(&doc, &OutputOptions::default())).unwrap();
    check_record(&documented_example()).unwrap();
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema: Value = serde_json::from_str(crate::SCHEMA).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::meta::validate(&schema).unwrap();
}

/// The example record with one change, and the problems check_record reports for it.
fn problems_with(change: impl FnOnce(&mut Value)) -> String {
    let mut record = to_json(&example::document(), &all_options());
    change(&mut record);
    check_record(&record).expect_err("the changed record is rejected")
}

#[test]
fn check_record_rejects_a_wrong_offset() {
    let problems = problems_with(|record| record["entities"][2]["start"] = json!(80));
    assert!(problems.contains("/entities/2: text \"Kiew\" is not"), "{problems}");
}

#[test]
fn check_record_rejects_a_wrong_text() {
    let problems = problems_with(|record| record["claims"][1]["cue"]["parts"][1]["text"] = json!("zurÜck"));
    assert!(problems.contains("/claims/1/cue/parts/1: text \"zurÜck\""), "{problems}");
}

#[test]
fn check_record_rejects_an_unknown_key() {
    let problems = problems_with(|record| record["events"][0]["trigger"]["lemma"] = json!("eintreffen"));
    assert!(problems.contains("/events/0/trigger") && problems.contains("lemma"), "{problems}");
}

#[test]
fn check_record_rejects_a_bad_enum_value() {
    let problems = problems_with(|record| record["events"][2]["type"] = json!("ATTACK"));
    assert!(problems.contains("/events/2/type"), "{problems}");
}

#[test]
fn check_record_rejects_a_dangling_id() {
    let problems = problems_with(|record| record["events"][2]["claim"] = json!("c7"));
    assert_eq!(problems, "/events/2/claim: \"c7\" does not exist");
    let problems = problems_with(|record| record["claims"][0]["speaker"]["entity"] = json!("e11"));
    assert_eq!(problems, "/claims/0/speaker/entity: \"e11\" does not exist");
    let problems = problems_with(|record| record["claims"][2]["sentence"] = json!(4));
    assert_eq!(problems, "/claims/2/sentence: there is no sentence 4");
}

#[test]
fn check_record_rejects_ids_out_of_sequence_and_parts_outside_their_span() {
    let problems = problems_with(|record| record["times"][1]["id"] = json!("t0"));
    assert!(problems.contains("/times/1: id \"t0\" is not t1") && problems.contains("not unique"), "{problems}");
    let problems = problems_with(|record| {
        let cue = &mut record["claims"][1]["cue"];
        cue["end"] = cue["parts"][0]["end"].clone();
        cue["text"] = json!("wies");
    });
    assert_eq!(problems, "/claims/1/cue/parts/1: lies outside its span [378, 382)");
}

#[test]
fn tokens_are_written_only_when_asked_for() {
    let doc = example::document();
    assert!(to_json(&doc, &OutputOptions::default()).get("tokens").is_none());
    assert_eq!(to_json(&doc, &all_options())["tokens"].as_array().map(Vec::len), Some(doc.tokens.len()));
}

#[test]
fn a_json_line_is_the_record_in_contract_order_without_a_newline() {
    let doc = example::document();
    let line = to_json_line(&doc, &all_options());
    assert!(!line.contains('\n'));
    assert_eq!(serde_json::from_str::<Value>(&line).unwrap(), to_json(&doc, &all_options()));
    let keys = [
        "format_version",
        "id",
        "source",
        "title",
        "published",
        "lang",
        "lang_detected",
        "text",
        "sentences",
        "tokens",
        "entities",
        "times",
        "quantities",
        "claims",
        "events",
    ];
    let positions: Vec<usize> =
        keys.iter().map(|key| line.find(&format!("\"{key}\":")).unwrap_or_else(|| panic!("{key} missing"))).collect();
    assert!(positions.is_sorted(), "keys out of order: {positions:?}");
    assert!(line.contains(r#"{"id":"e0","start":4,"end":14,"text":"rumänische","type":"GPE","form":"adjective","#));
}

#[test]
fn offsets_count_characters_not_bytes_or_utf16_units() {
    let text = "„Größe“ – sagte 𝔘lrich Özdemir 😀 in Köln.";
    let mut doc = Document::new(Meta::new("chars", "-"), text.to_owned());
    doc.meta.lang = Lang::De;
    doc.sentences.push(Sentence { range: TextRange::from_usize(0, text.len()) });
    let entity = |range, entity_type| Entity::new(range, entity_type, EntityForm::Name, 0.5);
    doc.entities.push(entity(find(text, "𝔘lrich Özdemir"), EntityType::Person));
    doc.entities.push(entity(find(text, "Köln"), EntityType::Gpe));
    let quote = find(text, "„Größe“");
    doc.claims.push(Claim {
        sentence: 0,
        kind: ClaimKind::Direct,
        construction: ClaimConstruction::Postposed,
        speaker: Some(Arg { range: find(text, "𝔘lrich Özdemir"), entity: Some(EntityId(0)), code: None }),
        channel: None,
        addressee: None,
        cue: Span::continuous(find(text, "sagte")),
        content: Span { range: quote, parts: vec![find(text, "Größe")] },
        stance: Stance::Assert,
        date: None,
        parent: None,
        responds_to: Vec::new(),
        events: Vec::new(),
    });
    doc.events.push(Event {
        sentence: 0,
        event_type: EventType::Consult,
        mode: None,
        context: Vec::new(),
        cameo: None,
        score: None,
        actors: Vec::new(),
        recipients: Vec::new(),
        location: Some(Arg { range: find(text, "Köln"), entity: Some(EntityId(1)), code: None }),
        date: None,
        date_source: DateSource::None,
        time: None,
        quantities: Vec::new(),
        trigger: Span { range: find(text, "sagte 𝔘lrich"), parts: vec![find(text, "sagte"), find(text, "𝔘")] },
        negated: false,
        hypothetical: false,
        future: false,
        historical: false,
        claim: None,
    });
    doc.check_invariants().unwrap();

    let record = to_json(&doc, &all_options());
    check_record(&record).unwrap();
    // Offsets as Python's len() counts them: 𝔘 and 😀 are one character each (two UTF-16 units,
    // four bytes), „ “ – ö ß are one character each (three or two bytes).
    let chars = |prefix: &str| prefix.chars().count();
    assert_eq!(record["sentences"][0], json!({"start": 0, "end": 41}));
    assert_eq!(chars(text), 41);
    assert_eq!(record["entities"][0]["start"], json!(16));
    assert_eq!(record["entities"][0]["end"], json!(30));
    assert_eq!(record["entities"][1]["start"], json!(chars("„Größe“ – sagte 𝔘lrich Özdemir 😀 in ")));
    assert_eq!(record["entities"][1]["start"], json!(36));
    assert_eq!(
        record["claims"][0]["content"],
        json!({"start": 0, "end": 7, "text": "„Größe“", "parts": [{"start": 1, "end": 6, "text": "Größe"}]})
    );
    assert_eq!(record["events"][0]["trigger"]["parts"][1], json!({"start": 16, "end": 17, "text": "𝔘"}));
    assert_eq!(
        record["events"][0]["location"],
        json!({"entity": "e1", "start": 36, "end": 40, "text": "Köln", "code": null})
    );
}

#[test]
fn a_document_with_no_analysis_is_a_valid_record() {
    let mut doc = Document::new(Meta::new("d-fr", "input.jsonl:3"), "Le ministre est arrivé.".to_owned());
    doc.meta.lang_detected = Some("fr".to_owned());
    let record = to_json(&doc, &OutputOptions::default());
    check_record(&record).unwrap();
    assert_eq!(record["lang"], "und");
    assert_eq!(record["title"], Value::Null);
    assert_eq!(record["events"], json!([]));
}

#[test]
fn the_text_rendering_of_the_worked_example() {
    let text = render_text(&example::document());
    insta::assert_snapshot!(text);
    assert_eq!(documented("example-text", "text"), text.trim_end(), "docs/format.md shows a different summary");
}
