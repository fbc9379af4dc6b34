//! What queries return: typed rows, built from the stored records.

use serde::Serialize;

/// A page of results and the cursor of the next page, if there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Pass as the cursor of the next request to get the following page; null on the last page.
    pub next: Option<String>,
}

/// A participant of an event or claim: its words, and what they resolve to.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Participant {
    /// The words in the text.
    pub text: String,
    /// The actor code in this context (`RUSGOV`).
    pub code: Option<String>,
    /// The entity mention the words resolve to (`e3`).
    pub entity: Option<String>,
    /// The entity's canonical name.
    pub name: Option<String>,
    /// The entity's country, ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// The entity's knowledge-base id.
    pub kb_id: Option<String>,
    /// A person's role (`Außenministerin`).
    pub role: Option<String>,
    /// The place's latitude (WGS 84, decimal degrees), from the knowledge base.
    pub lat: Option<f64>,
    /// The place's longitude.
    pub lon: Option<f64>,
}

impl Participant {
    /// A short label: the name (else the words) and the code, as in `Rumänien [ROUMIL]`.
    pub fn label(&self) -> String {
        let name = self.name.as_deref().unwrap_or(&self.text);
        match &self.code {
            Some(code) => format!("{name} [{code}]"),
            None => name.to_owned(),
        }
    }
}

/// A claim as it is referred to from an event or another claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimRef {
    /// The claim's id in its document (`c0`).
    pub id: String,
    /// `assert`, `hedge` or `deny`.
    pub stance: String,
    pub speaker: Option<Participant>,
    pub channel: Option<Participant>,
    /// The words that mark the attribution, parts joined by ` … `.
    pub cue: String,
    /// What was said.
    pub content: String,
    /// When it was said, TIMEX3.
    pub date: Option<String>,
}

/// An event with its document and the claim that reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventRow {
    /// The document's id.
    pub document: String,
    pub title: Option<String>,
    /// The document's publication date, YYYY-MM-DD.
    pub published: Option<String>,
    /// The event's id in its document (`v2`).
    pub id: String,
    /// One of the 16 PLOVER types.
    #[serde(rename = "type")]
    pub event_type: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub score: Option<f64>,
    pub actors: Vec<Participant>,
    pub recipients: Vec<Participant>,
    pub location: Option<Participant>,
    /// TIMEX3 value.
    pub date: Option<String>,
    /// `text`, `published` or `none`.
    pub date_source: String,
    /// The words that express the event, parts joined by ` … `.
    pub trigger: String,
    pub negated: bool,
    pub hypothetical: bool,
    pub future: bool,
    pub historical: bool,
    /// The index of the sentence holding the trigger.
    pub sentence: usize,
    /// That sentence's text: the evidence.
    pub sentence_text: String,
    /// The claim whose content reports the event; null when the article states it itself.
    pub reported_by: Option<ClaimRef>,
    /// Claims that respond to the reporting claim, such as denials.
    pub responses: Vec<ClaimRef>,
}

/// An event as it is referred to from a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventRef {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub trigger: String,
}

/// A claim with its document, the claims it answers and the claims that answer it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimRow {
    pub document: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// The claim's id in its document (`c1`).
    pub id: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: String,
    /// `verb`, `noun`, `according_to` or `postposed`.
    pub construction: String,
    /// `assert`, `hedge` or `deny`.
    pub stance: String,
    /// When the statement was made, TIMEX3.
    pub date: Option<String>,
    pub speaker: Option<Participant>,
    pub channel: Option<Participant>,
    pub addressee: Option<Participant>,
    pub cue: String,
    pub content: String,
    pub sentence: usize,
    /// The claim whose content holds this one.
    pub parent: Option<ClaimRef>,
    /// The claims this one answers, such as the accusation a denial rejects.
    pub responds_to: Vec<ClaimRef>,
    /// Claims that answer this one.
    pub responses: Vec<ClaimRef>,
    /// Events reported in the content.
    pub events: Vec<EventRef>,
}

/// An actor (a code, a name) with how often it occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActorRow {
    /// The actor code (`RUSGOV`, or a coarser level such as `RUS`), or the lowercased name.
    pub actor: String,
    /// The name most often carried by mentions with this code.
    pub name: Option<String>,
    /// Events in which it acts.
    pub as_actor: u64,
    /// Events directed at it.
    pub as_recipient: u64,
    /// Claims it makes.
    pub as_speaker: u64,
    /// Events that take place there.
    pub as_location: u64,
    /// Events and claims together.
    pub total: u64,
}

/// A stored document, without its record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRow {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// `de`, `en` or `und`.
    pub lang: String,
    /// The first source it came from.
    pub source: String,
    /// How many sources it came from.
    pub sources: u64,
    pub events: u64,
    pub claims: u64,
    pub entities: u64,
    /// When it was first stored (UTC, RFC 3339).
    pub stored_at: String,
}

/// A source a document came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceRow {
    pub source: String,
    /// When it was first seen (UTC, RFC 3339).
    pub seen_at: String,
}

/// A stored document with its sources and its record (docs/format.md) as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    pub row: DocumentRow,
    pub sources: Vec<SourceRow>,
    /// The record, one line of JSON.
    pub record: String,
}

/// A document that matches a search.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub lang: String,
    /// BM25 relevance: higher is better.
    pub score: f64,
    /// The sentence with the first match.
    pub snippet: String,
}

/// Counts over the whole store.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stats {
    pub documents: u64,
    pub sources: u64,
    pub events: u64,
    pub claims: u64,
    pub entities: u64,
    /// Documents by language.
    pub languages: Vec<LangCount>,
    /// Events by PLOVER type, most frequent first.
    pub event_types: Vec<KeyCount>,
    /// The schema version of the database.
    pub schema_version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LangCount {
    pub lang: String,
    pub documents: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeyCount {
    pub key: String,
    pub count: u64,
}
