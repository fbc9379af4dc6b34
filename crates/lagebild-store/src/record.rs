//! The parts of a record (docs/format.md) that the store reads: typed views that ignore keys
//! they do not know, so that records with more layers or fields than these still load.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

#[derive(Debug, Deserialize)]
pub(crate) struct RecordView {
    pub(crate) format_version: String,
    pub(crate) id: String,
    pub(crate) source: String,
    #[serde(default)]
    pub(crate) title: Option<String>,
    #[serde(default)]
    pub(crate) published: Option<String>,
    #[serde(default)]
    pub(crate) published_time: Option<String>,
    pub(crate) lang: String,
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) entities: Vec<EntityView>,
    #[serde(default)]
    pub(crate) claims: Vec<ClaimView>,
    #[serde(default)]
    pub(crate) events: Vec<EventView>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub(crate) struct OffsetsView {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Deserialize)]
pub(crate) struct EntityView {
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) kb_id: Option<String>,
    #[serde(default)]
    pub(crate) name: Option<String>,
    #[serde(default)]
    pub(crate) country: Option<String>,
    #[serde(default)]
    pub(crate) code: Option<String>,
    #[serde(default)]
    pub(crate) role: Option<String>,
    #[serde(default)]
    pub(crate) lat: Option<f64>,
    #[serde(default)]
    pub(crate) lon: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ArgView {
    #[serde(default)]
    pub(crate) entity: Option<String>,
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) code: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct SpanView {
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) parts: Vec<PartView>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct PartView {
    pub(crate) text: String,
}

impl SpanView {
    /// The words of the span: its parts joined by ` … ` when discontinuous.
    pub(crate) fn words(&self) -> String {
        if self.parts.is_empty() {
            self.text.clone()
        } else {
            self.parts.iter().map(|part| part.text.as_str()).collect::<Vec<_>>().join(" … ")
        }
    }
}

#[derive(Debug, Deserialize)]
pub(crate) struct ClaimView {
    pub(crate) sentence: usize,
    pub(crate) kind: String,
    pub(crate) construction: String,
    #[serde(default)]
    pub(crate) speaker: Option<ArgView>,
    #[serde(default)]
    pub(crate) channel: Option<ArgView>,
    #[serde(default)]
    pub(crate) addressee: Option<ArgView>,
    pub(crate) cue: SpanView,
    pub(crate) content: SpanView,
    pub(crate) stance: String,
    #[serde(default)]
    pub(crate) date: Option<String>,
    #[serde(default)]
    pub(crate) parent: Option<String>,
    #[serde(default)]
    pub(crate) responds_to: Vec<String>,
    #[serde(default)]
    pub(crate) events: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct EventView {
    pub(crate) sentence: usize,
    #[serde(rename = "type")]
    pub(crate) event_type: String,
    #[serde(default)]
    pub(crate) mode: Option<String>,
    #[serde(default)]
    pub(crate) context: Vec<String>,
    #[serde(default)]
    pub(crate) cameo: Option<String>,
    #[serde(default)]
    pub(crate) score: Option<f64>,
    #[serde(default)]
    pub(crate) actors: Vec<ArgView>,
    #[serde(default)]
    pub(crate) recipients: Vec<ArgView>,
    #[serde(default)]
    pub(crate) location: Option<ArgView>,
    #[serde(default)]
    pub(crate) date: Option<String>,
    pub(crate) date_source: String,
    pub(crate) trigger: SpanView,
    #[serde(default)]
    pub(crate) negated: bool,
    #[serde(default)]
    pub(crate) hypothetical: bool,
    #[serde(default)]
    pub(crate) future: bool,
    #[serde(default)]
    pub(crate) historical: bool,
    #[serde(default)]
    pub(crate) claim: Option<String>,
}

/// The index of a layer id such as `e3` or `c0`, if it has the prefix.
pub(crate) fn layer_index(id: &str, prefix: char) -> Option<usize> {
    id.strip_prefix(prefix)?.parse().ok()
}

impl RecordView {
    pub(crate) fn parse(json: &str) -> Result<RecordView, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The entity an argument resolves to, if its id is valid.
    pub(crate) fn entity_of(&self, arg: &ArgView) -> Option<&EntityView> {
        self.entities.get(layer_index(arg.entity.as_deref()?, 'e')?)
    }

    pub(crate) fn claim(&self, id: &str) -> Option<&ClaimView> {
        self.claims.get(layer_index(id, 'c')?)
    }
}

/// A record as queries read it: the document's fields parsed, each layer item kept as raw JSON
/// and parsed only when a row needs it.
#[derive(Debug, Deserialize)]
pub(crate) struct RawRecord {
    pub(crate) id: String,
    #[serde(default)]
    pub(crate) title: Option<String>,
    #[serde(default)]
    pub(crate) published: Option<String>,
    pub(crate) lang: String,
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) sentences: Vec<OffsetsView>,
    #[serde(default)]
    entities: Vec<Box<RawValue>>,
    #[serde(default)]
    claims: Vec<Box<RawValue>>,
    #[serde(default)]
    events: Vec<Box<RawValue>>,
}

/// Only the answers of a claim.
#[derive(Debug, Deserialize)]
struct RespondsTo {
    #[serde(default)]
    responds_to: Vec<String>,
}

/// Only the reporting claim of an event.
#[derive(Debug, Deserialize)]
struct ReportedBy {
    #[serde(default)]
    claim: Option<String>,
}

fn item<T: DeserializeOwned>(items: &[Box<RawValue>], index: usize) -> Option<Result<T, serde_json::Error>> {
    items.get(index).map(|raw| serde_json::from_str(raw.get()))
}

impl RawRecord {
    pub(crate) fn parse(json: &str) -> Result<RawRecord, serde_json::Error> {
        serde_json::from_str(json)
    }

    pub(crate) fn entity(&self, index: usize) -> Option<Result<EntityView, serde_json::Error>> {
        item(&self.entities, index)
    }

    pub(crate) fn claim(&self, index: usize) -> Option<Result<ClaimView, serde_json::Error>> {
        item(&self.claims, index)
    }

    pub(crate) fn event(&self, index: usize) -> Option<Result<EventView, serde_json::Error>> {
        item(&self.events, index)
    }

    /// The claims that name claim `id` in their `responds_to`, by index.
    pub(crate) fn responses_to(&self, id: &str) -> Result<Vec<usize>, serde_json::Error> {
        let mut found = Vec::new();
        for (index, raw) in self.claims.iter().enumerate() {
            // Cheap test first: most claims answer nothing.
            if !raw.get().contains(id) {
                continue;
            }
            let answers: RespondsTo = serde_json::from_str(raw.get())?;
            if answers.responds_to.iter().any(|target| target == id) {
                found.push(index);
            }
        }
        Ok(found)
    }

    /// The events whose `claim` is claim `id`, by index.
    pub(crate) fn events_reported_by(&self, id: &str) -> Result<Vec<usize>, serde_json::Error> {
        let mut found = Vec::new();
        for (index, raw) in self.events.iter().enumerate() {
            // Cheap test first: most events name no claim, or another one.
            if !raw.get().contains(id) {
                continue;
            }
            let reported: ReportedBy = serde_json::from_str(raw.get())?;
            if reported.claim.as_deref() == Some(id) {
                found.push(index);
            }
        }
        Ok(found)
    }

    /// The sentence's text (sentences are character offsets into the text).
    pub(crate) fn sentence_text(&self, index: usize) -> String {
        let Some(sentence) = self.sentences.get(index) else { return String::new() };
        self.text.chars().skip(sentence.start).take(sentence.end.saturating_sub(sentence.start)).collect()
    }
}
