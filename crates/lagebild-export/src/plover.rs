//! PLOVER JSON Lines: the named fields of the PLOVER manual's "Data Fields" chapter (the event
//! record, the information objects for entities, text and citations, the location object),
//! with lagebild's own fields after them, as the manual invites providers to add.

use serde::Serialize;

use lagebild_store::{ClaimRef, Participant};

use crate::Item;
use crate::codes::{actor_parts, plover_quad};
use crate::dates::timex_span;
use crate::record::ArgView;

/// The codebook named in `cite_info`: the PLOVER manual's version.
const CODEBOOK: &str = "PLOVER 2.0 (draft)";

#[derive(Debug, Serialize)]
pub(crate) struct Record {
    /// `DOCUMENT/EVENT` (`ex-de-1/v2`): unique within a store.
    id: String,
    /// The first day the event's date names, `YYYY-MM-DD`.
    date: Option<String>,
    /// The last day, when the date names more than one.
    #[serde(skip_serializing_if = "Option::is_none")]
    enddate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time: Option<String>,
    actor: Vec<Entity>,
    recipient: Vec<Entity>,
    event: Vec<String>,
    event_loc: Option<Location>,
    event_text: Vec<String>,
    quad_code: Option<u8>,
    event_scale: Option<f64>,
    mode: Vec<String>,
    context: Vec<String>,
    text_info: TextInfo,
    cite_info: CiteInfo,
    coder: String,
    // lagebild's fields
    /// `day`, `week`, `month`, `quarter` or `year`: how much of the calendar `date` stands for.
    date_precision: Option<&'static str>,
    /// The TIMEX3 value the date was read from (`2024-W19`).
    date_timex: Option<String>,
    /// `text`, `published` or `none`.
    date_source: String,
    cameo: Option<String>,
    negated: bool,
    hypothetical: bool,
    future: bool,
    historical: bool,
    /// The claim whose content reports the event; null when the article states it itself.
    reported_by: Option<Claim>,
    /// Claims that answer the reporting claim, such as denials.
    responses: Vec<Claim>,
}

#[derive(Debug, Serialize)]
struct Entity {
    /// Three-letter country (ISO 3166-1 alpha-3), else the first piece of the actor code.
    code: Option<String>,
    /// The sector pieces of the actor code after the country (`GOV`, `GOVMIL`).
    sector: Option<String>,
    entity_text: String,
    /// lagebild's knowledge-base id (`country:RUS`, `geo:1871859`, `person:sergey-lavrov`).
    identifier_id: Option<String>,
    identifier_text: Option<String>,
    office: Option<String>,
    // lagebild's fields
    /// The whole actor code (`RUSGOV`).
    actor_code: Option<String>,
    start: Option<usize>,
    end: Option<usize>,
}

#[derive(Debug, Serialize)]
struct Location {
    extracted_place: String,
    resolved_place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    geonameid: Option<u64>,
    lat: Option<f64>,
    lon: Option<f64>,
    country_code: Option<String>,
}

#[derive(Debug, Serialize)]
struct TextInfo {
    /// The index of the sentence (0-based) and its characters in the document's text.
    sequence: usize,
    start: Option<usize>,
    end: Option<usize>,
    // lagebild's fields: the trigger's characters
    trigger_start: usize,
    trigger_end: usize,
}

#[derive(Debug, Serialize)]
struct CiteInfo {
    /// The document's id in the store.
    citation: String,
    url: Option<String>,
    title: Option<String>,
    language: String,
    coder: String,
    codebook: &'static str,
    // lagebild's field
    published: Option<String>,
}

#[derive(Debug, Serialize)]
struct Claim {
    id: String,
    stance: String,
    speaker: Option<Entity>,
    channel: Option<Entity>,
    cue: String,
    date: Option<String>,
}

fn entity(participant: &Participant, arg: Option<&ArgView>) -> Entity {
    let parts = actor_parts(participant);
    let code = parts.country.or_else(|| participant.code.as_deref().and_then(|code| code.get(..3)).map(str::to_owned));
    let sector = (!parts.types.is_empty()).then(|| parts.types.concat());
    Entity {
        code,
        sector,
        entity_text: participant.text.clone(),
        identifier_id: participant.kb_id.clone(),
        identifier_text: participant.name.clone(),
        office: participant.role.clone(),
        actor_code: participant.code.clone(),
        start: arg.map(|arg| arg.start),
        end: arg.map(|arg| arg.end),
    }
}

fn entities(participants: &[Participant], args: &[ArgView]) -> Vec<Entity> {
    participants.iter().enumerate().map(|(index, participant)| entity(participant, args.get(index))).collect()
}

fn claim(claim: &ClaimRef) -> Claim {
    Claim {
        id: claim.id.clone(),
        stance: claim.stance.clone(),
        speaker: claim.speaker.as_ref().map(|speaker| entity(speaker, None)),
        channel: claim.channel.as_ref().map(|channel| entity(channel, None)),
        cue: claim.cue.clone(),
        date: claim.date.clone(),
    }
}

pub(crate) fn record(item: &Item) -> Record {
    let row = item.row;
    let event = item.event;
    let document = item.document;
    let span = row.date.as_deref().and_then(timex_span);
    let location = row.location.as_ref().map(|place| {
        let entity = event.location.as_ref().and_then(|arg| document.entity(arg));
        Location {
            extracted_place: place.text.clone(),
            resolved_place: place.name.clone(),
            geonameid: place.kb_id.as_deref().and_then(|id| id.strip_prefix("geo:")).and_then(|id| id.parse().ok()),
            lat: entity.and_then(|entity| entity.lat),
            lon: entity.and_then(|entity| entity.lon),
            country_code: actor_parts(place).country,
        }
    });
    let sentence = document.record.sentences.get(row.sentence);
    Record {
        id: format!("{}/{}", row.document, row.id),
        date: span.as_ref().map(|span| span.first.to_string()),
        enddate: span.as_ref().filter(|span| span.last != span.first).map(|span| span.last.to_string()),
        time: span.as_ref().and_then(|span| span.time.clone()),
        actor: entities(&row.actors, &event.actors),
        recipient: entities(&row.recipients, &event.recipients),
        event: vec![row.event_type.clone()],
        event_loc: location,
        event_text: vec![row.trigger.clone()],
        quad_code: plover_quad(&row.event_type),
        event_scale: row.score,
        mode: row.mode.iter().cloned().collect(),
        context: row.context.clone(),
        text_info: TextInfo {
            sequence: row.sentence,
            start: sentence.map(|sentence| sentence.start),
            end: sentence.map(|sentence| sentence.end),
            trigger_start: event.trigger.start,
            trigger_end: event.trigger.end,
        },
        cite_info: CiteInfo {
            citation: row.document.clone(),
            url: document.url().map(str::to_owned),
            title: row.title.clone(),
            language: document.record.lang.clone(),
            coder: coder(),
            codebook: CODEBOOK,
            published: row.published.clone(),
        },
        coder: coder(),
        date_precision: span.as_ref().map(|span| span.precision.as_str()),
        date_timex: row.date.clone(),
        date_source: row.date_source.clone(),
        cameo: row.cameo.clone(),
        negated: row.negated,
        hypothetical: row.hypothetical,
        future: row.future,
        historical: row.historical,
        reported_by: row.reported_by.as_ref().map(claim),
        responses: row.responses.iter().map(claim).collect(),
    }
}

fn coder() -> String {
    "lagebild".to_owned()
}
