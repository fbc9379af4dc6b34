//! `check_record`: the contract as a test oracle, for this crate's tests and, through the
//! `check` feature, for the tests of every other crate.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde_json::{Map, Value};

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(crate::SCHEMA).expect("schema/document.schema.json is JSON");
    jsonschema::validator_for(&schema).expect("schema/document.schema.json is a valid JSON Schema")
});

/// The layers with ids: their key in the record and the prefix of their ids.
const LAYERS: [(&str, &str); 5] =
    [("entities", "e"), ("times", "t"), ("quantities", "q"), ("claims", "c"), ("events", "v")];
const ENTITIES: usize = 0;
const TIMES: usize = 1;
const QUANTITIES: usize = 2;
const CLAIMS: usize = 3;
const EVENTS: usize = 4;

/// Checks one record (as [`crate::to_json`] makes it, or as parsed from a line of output)
/// against the contract:
///
/// - it validates against [`crate::SCHEMA`];
/// - every object with `start` and `end` lies inside `text` with `start <= end`, and where it
///   also has `text`, that text is the record's `text` sliced by those character offsets;
/// - the `parts` of a span lie inside the span's `start`/`end`;
/// - sentences and tokens are sorted and do not overlap;
/// - every id is its layer's prefix followed by its index in the layer (so ids are unique),
///   and every reference (an entity, time, quantity, claim, event id or a sentence index)
///   points at a record that exists.
///
/// Returns every problem found, one per line, each with its JSON pointer.
pub fn check_record(record: &Value) -> Result<(), String> {
    let schema_errors: Vec<String> =
        VALIDATOR.iter_errors(record).map(|error| format!("{}: {error}", error.instance_path())).collect();
    if !schema_errors.is_empty() {
        // The walk below relies on the shapes the schema guarantees.
        return Err(schema_errors.join("\n"));
    }
    let text = record["text"].as_str().unwrap_or_default();
    let mut check = Checker {
        text,
        boundaries: text.char_indices().map(|(byte, _)| byte).chain([text.len()]).collect(),
        problems: Vec::new(),
    };
    check.offsets(record, "");
    check.ordered(record, "sentences");
    check.ordered(record, "tokens");
    check.ids_and_references(record);
    if check.problems.is_empty() { Ok(()) } else { Err(check.problems.join("\n")) }
}

struct Checker<'a> {
    text: &'a str,
    /// The byte offset of every character, and of the end of the text.
    boundaries: Vec<usize>,
    problems: Vec<String>,
}

impl Checker<'_> {
    fn chars(&self) -> usize {
        self.boundaries.len() - 1
    }

    /// Walks every object below `value`, checking each one with offsets.
    fn offsets(&mut self, value: &Value, path: &str) {
        match value {
            Value::Object(object) => {
                if let Some((start, end)) = offsets(object) {
                    self.words(object, start, end, path);
                }
                for (key, child) in object {
                    self.offsets(child, &format!("{path}/{key}"));
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    self.offsets(child, &format!("{path}/{index}"));
                }
            }
            _ => {}
        }
    }

    fn words(&mut self, object: &Map<String, Value>, start: usize, end: usize, path: &str) {
        if start > end || end > self.chars() {
            let chars = self.chars();
            self.problems.push(format!("{path}: [{start}, {end}) does not lie inside the text of {chars} characters"));
            return;
        }
        if let Some(Value::String(words)) = object.get("text") {
            let expected = &self.text[self.boundaries[start]..self.boundaries[end]];
            if words != expected {
                self.problems.push(format!("{path}: text {words:?} is not {expected:?}, the text at [{start}, {end})"));
            }
        }
        if let Some(Value::Array(parts)) = object.get("parts") {
            for (index, part) in parts.iter().enumerate() {
                let inside = part.as_object().and_then(offsets).is_some_and(|(s, e)| start <= s && e <= end);
                if !inside {
                    self.problems.push(format!("{path}/parts/{index}: lies outside its span [{start}, {end})"));
                }
            }
        }
    }

    fn ordered(&mut self, record: &Value, layer: &str) {
        let Some(items) = record.get(layer).and_then(Value::as_array) else { return };
        let mut previous_end = 0;
        for (index, item) in items.iter().enumerate() {
            let Some((start, end)) = item.as_object().and_then(offsets) else { continue };
            if start < previous_end {
                self.problems.push(format!("/{layer}/{index}: starts before the end of the one before"));
            }
            previous_end = end;
        }
    }

    fn ids_and_references(&mut self, record: &Value) {
        let mut ids: Vec<HashSet<&str>> = Vec::new();
        for (layer, prefix) in LAYERS {
            let mut seen = HashSet::new();
            for (index, item) in items(record, layer).iter().enumerate() {
                let id = item["id"].as_str().unwrap_or_default();
                if id != format!("{prefix}{index}") {
                    self.problems.push(format!("/{layer}/{index}: id {id:?} is not {prefix}{index}"));
                }
                if !seen.insert(id) {
                    self.problems.push(format!("/{layer}/{index}: id {id:?} is not unique"));
                }
            }
            ids.push(seen);
        }
        let sentences = items(record, "sentences").len();

        // (path, the value holding an id or a list of ids, the index of the layer in LAYERS)
        let mut references: Vec<(String, &Value, usize)> = Vec::new();
        for (index, claim) in items(record, "claims").iter().enumerate() {
            let path = format!("/claims/{index}");
            self.sentence(&path, claim, sentences);
            for role in ["speaker", "channel", "addressee"] {
                references.push((format!("{path}/{role}/entity"), &claim[role]["entity"], ENTITIES));
            }
            references.push((format!("{path}/parent"), &claim["parent"], CLAIMS));
            references.push((format!("{path}/responds_to"), &claim["responds_to"], CLAIMS));
            references.push((format!("{path}/events"), &claim["events"], EVENTS));
        }
        for (index, event) in items(record, "events").iter().enumerate() {
            let path = format!("/events/{index}");
            self.sentence(&path, event, sentences);
            for role in ["actors", "recipients"] {
                for (position, arg) in items(event, role).iter().enumerate() {
                    references.push((format!("{path}/{role}/{position}/entity"), &arg["entity"], ENTITIES));
                }
            }
            references.push((format!("{path}/location/entity"), &event["location"]["entity"], ENTITIES));
            references.push((format!("{path}/time"), &event["time"], TIMES));
            references.push((format!("{path}/quantities"), &event["quantities"], QUANTITIES));
            references.push((format!("{path}/claim"), &event["claim"], CLAIMS));
        }
        for (path, value, layer) in references {
            let targets = &ids[layer];
            let missing = |id: &str| !targets.contains(id);
            match value {
                Value::String(id) if missing(id) => self.problems.push(format!("{path}: {id:?} does not exist")),
                Value::Array(list) => {
                    for (index, id) in list.iter().enumerate() {
                        if let Some(id) = id.as_str()
                            && missing(id)
                        {
                            self.problems.push(format!("{path}/{index}: {id:?} does not exist"));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn sentence(&mut self, path: &str, item: &Value, sentences: usize) {
        if item["sentence"].as_u64().is_none_or(|index| index >= sentences as u64) {
            self.problems.push(format!("{path}/sentence: there is no sentence {}", item["sentence"]));
        }
    }
}

/// `start` and `end` of an object that has both as non-negative integers.
fn offsets(object: &Map<String, Value>) -> Option<(usize, usize)> {
    let start = usize::try_from(object.get("start")?.as_u64()?).ok()?;
    let end = usize::try_from(object.get("end")?.as_u64()?).ok()?;
    Some((start, end))
}

fn items<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}
