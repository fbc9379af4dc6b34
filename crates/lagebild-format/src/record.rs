//! The wire format as typed records borrowing from the document. Fields serialise in
//! declaration order, which is the key order of the contract in `docs/format.md`.

use std::fmt::Display;

use lagebild_doc::{Arg, Claim, Document, Entity, Event, Quantity, Span, TextRange, Time, Token};
use serde::{Serialize, Serializer};

use crate::OutputOptions;
use crate::offsets::CharIndex;

/// The version of the contract written into every record.
pub(crate) const FORMAT_VERSION: &str = "1";

#[derive(Serialize)]
pub(crate) struct Record<'a> {
    format_version: &'static str,
    id: &'a str,
    source: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_time: Option<String>,
    lang: &'static str,
    lang_detected: Option<&'a str>,
    text: &'a str,
    sentences: Vec<Offsets>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenRecord<'a>>>,
    entities: Vec<EntityRecord<'a>>,
    times: Vec<TimeRecord<'a>>,
    quantities: Vec<QuantityRecord<'a>>,
    claims: Vec<ClaimRecord<'a>>,
    events: Vec<EventRecord<'a>>,
}

impl<'a> Record<'a> {
    pub(crate) fn new(doc: &'a Document, options: &OutputOptions) -> Record<'a> {
        let w = Writer { doc, index: CharIndex::new(doc.text()) };
        let meta = &doc.meta;
        Record {
            format_version: FORMAT_VERSION,
            id: &meta.id,
            source: &meta.source,
            title: meta.title.as_deref(),
            published: meta.published.map(|date| date.to_string()),
            published_time: meta.published.and(meta.published_time).map(|time| time.format("%H:%M").to_string()),
            lang: meta.lang.code(),
            lang_detected: meta.lang_detected.as_deref(),
            text: doc.text(),
            sentences: doc.sentences.iter().map(|sentence| w.offsets(sentence.range)).collect(),
            tokens: options.tokens.then(|| doc.tokens.iter().map(|token| w.token(token)).collect()),
            entities: doc.entities.iter().enumerate().map(|(index, entity)| w.entity(index, entity)).collect(),
            times: doc.times.iter().enumerate().map(|(index, time)| w.time(index, time)).collect(),
            quantities: doc.quantities.iter().enumerate().map(|(index, q)| w.quantity(index, q)).collect(),
            claims: doc.claims.iter().enumerate().map(|(index, claim)| w.claim(index, claim)).collect(),
            events: doc.events.iter().enumerate().map(|(index, event)| w.event(index, event)).collect(),
        }
    }
}

/// An id in its string form (`e3`), written without an intermediate `String`.
struct Id<T>(T);

impl<T: Display> Serialize for Id<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// The index of a layer record, in a layer's id form.
struct LayerId(&'static str, usize);

impl Serialize for LayerId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}{}", self.0, self.1))
    }
}

#[derive(Serialize)]
struct Offsets {
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct Words<'a> {
    start: u32,
    end: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct SpanRecord<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    parts: Vec<Words<'a>>,
}

#[derive(Serialize)]
struct ArgRecord<'a> {
    entity: Option<Id<lagebild_doc::EntityId>>,
    start: u32,
    end: u32,
    text: &'a str,
    code: Option<&'a str>,
}

#[derive(Serialize)]
struct TokenRecord<'a> {
    start: u32,
    end: u32,
    pos: Option<&'a str>,
    lemma: Option<&'a str>,
    morph: Option<Morph<'a>>,
}

/// UD features as a JSON object, in the model's (sorted) order.
struct Morph<'a>(&'a [(lagebild_doc::Label, lagebild_doc::Label)]);

impl Serialize for Morph<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, value)| (&**name, &**value)))
    }
}

#[derive(Serialize)]
struct EntityRecord<'a> {
    id: LayerId,
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    entity_type: &'static str,
    form: &'static str,
    kb_id: Option<&'a str>,
    name: Option<&'a str>,
    reading: Option<&'static str>,
    country: Option<&'a str>,
    code: Option<&'a str>,
    role: Option<&'a str>,
    lat: Option<f64>,
    lon: Option<f64>,
    confidence: f64,
    cluster: Option<u32>,
}

#[derive(Serialize)]
struct TimeRecord<'a> {
    id: LayerId,
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    time_type: &'static str,
    value: &'a str,
    #[serde(rename = "mod")]
    modifier: Option<&'static str>,
    anchored: bool,
}

#[derive(Serialize)]
struct QuantityRecord<'a> {
    id: LayerId,
    start: u32,
    end: u32,
    text: &'a str,
    value: f64,
    unit: Option<&'a str>,
    modifier: &'static str,
}

#[derive(Serialize)]
struct ClaimRecord<'a> {
    id: LayerId,
    sentence: u32,
    kind: &'static str,
    construction: &'static str,
    speaker: Option<ArgRecord<'a>>,
    channel: Option<ArgRecord<'a>>,
    addressee: Option<ArgRecord<'a>>,
    cue: SpanRecord<'a>,
    content: SpanRecord<'a>,
    stance: &'static str,
    date: Option<&'a str>,
    parent: Option<Id<lagebild_doc::ClaimId>>,
    responds_to: Vec<Id<lagebild_doc::ClaimId>>,
    events: Vec<Id<lagebild_doc::EventId>>,
}

#[derive(Serialize)]
struct EventRecord<'a> {
    id: LayerId,
    sentence: u32,
    #[serde(rename = "type")]
    event_type: &'static str,
    mode: Option<&'a str>,
    context: &'a [String],
    cameo: Option<&'a str>,
    score: Option<f64>,
    actors: Vec<ArgRecord<'a>>,
    recipients: Vec<ArgRecord<'a>>,
    location: Option<ArgRecord<'a>>,
    date: Option<&'a str>,
    date_source: &'static str,
    time: Option<Id<lagebild_doc::TimeId>>,
    quantities: Vec<Id<lagebild_doc::QuantityId>>,
    trigger: SpanRecord<'a>,
    negated: bool,
    hypothetical: bool,
    future: bool,
    historical: bool,
    claim: Option<Id<lagebild_doc::ClaimId>>,
}

/// The conversions of one document, sharing its character index.
struct Writer<'a> {
    doc: &'a Document,
    index: CharIndex,
}

impl<'a> Writer<'a> {
    fn offsets(&self, range: TextRange) -> Offsets {
        let (start, end) = self.index.range(range);
        Offsets { start, end }
    }

    fn words(&self, range: TextRange) -> Words<'a> {
        let (start, end) = self.index.range(range);
        Words { start, end, text: self.doc.slice(range) }
    }

    fn span(&self, span: &'a Span) -> SpanRecord<'a> {
        let Words { start, end, text } = self.words(span.range);
        SpanRecord { start, end, text, parts: span.parts.iter().map(|&part| self.words(part)).collect() }
    }

    fn arg(&self, arg: &'a Arg) -> ArgRecord<'a> {
        let Words { start, end, text } = self.words(arg.range);
        ArgRecord { entity: arg.entity.map(Id), start, end, text, code: arg.code.as_deref() }
    }

    fn token(&self, token: &'a Token) -> TokenRecord<'a> {
        let (start, end) = self.index.range(token.range);
        TokenRecord {
            start,
            end,
            pos: token.pos.as_deref(),
            lemma: token.lemma.as_deref(),
            morph: (!token.morph.is_empty()).then_some(Morph(&token.morph)),
        }
    }

    fn entity(&self, index: usize, entity: &'a Entity) -> EntityRecord<'a> {
        let Words { start, end, text } = self.words(entity.range);
        EntityRecord {
            id: LayerId(lagebild_doc::EntityId::PREFIX, index),
            start,
            end,
            text,
            entity_type: entity.entity_type.as_str(),
            form: entity.form.as_str(),
            kb_id: entity.kb_id.as_deref(),
            name: entity.name.as_deref(),
            reading: entity.reading.map(|reading| reading.as_str()),
            country: entity.country.as_deref(),
            code: entity.code.as_deref(),
            role: entity.role.as_deref(),
            lat: entity.lat,
            lon: entity.lon,
            confidence: decimal(entity.confidence),
            cluster: entity.cluster,
        }
    }

    fn time(&self, index: usize, time: &'a Time) -> TimeRecord<'a> {
        let Words { start, end, text } = self.words(time.range);
        TimeRecord {
            id: LayerId(lagebild_doc::TimeId::PREFIX, index),
            start,
            end,
            text,
            time_type: time.time_type.as_str(),
            value: &time.value,
            modifier: time.modifier.map(|modifier| modifier.as_str()),
            anchored: time.anchored,
        }
    }

    fn quantity(&self, index: usize, quantity: &'a Quantity) -> QuantityRecord<'a> {
        let Words { start, end, text } = self.words(quantity.range);
        QuantityRecord {
            id: LayerId(lagebild_doc::QuantityId::PREFIX, index),
            start,
            end,
            text,
            value: quantity.value,
            unit: quantity.unit.as_deref(),
            modifier: quantity.modifier.as_str(),
        }
    }

    fn claim(&self, index: usize, claim: &'a Claim) -> ClaimRecord<'a> {
        ClaimRecord {
            id: LayerId(lagebild_doc::ClaimId::PREFIX, index),
            sentence: claim.sentence,
            kind: claim.kind.as_str(),
            construction: claim.construction.as_str(),
            speaker: claim.speaker.as_ref().map(|arg| self.arg(arg)),
            channel: claim.channel.as_ref().map(|arg| self.arg(arg)),
            addressee: claim.addressee.as_ref().map(|arg| self.arg(arg)),
            cue: self.span(&claim.cue),
            content: self.span(&claim.content),
            stance: claim.stance.as_str(),
            date: claim.date.as_deref(),
            parent: claim.parent.map(Id),
            responds_to: claim.responds_to.iter().copied().map(Id).collect(),
            events: claim.events.iter().copied().map(Id).collect(),
        }
    }

    fn event(&self, index: usize, event: &'a Event) -> EventRecord<'a> {
        EventRecord {
            id: LayerId(lagebild_doc::EventId::PREFIX, index),
            sentence: event.sentence,
            event_type: event.event_type.as_str(),
            mode: event.mode.as_deref(),
            context: &event.context,
            cameo: event.cameo.as_deref(),
            score: event.score.map(decimal),
            actors: event.actors.iter().map(|arg| self.arg(arg)).collect(),
            recipients: event.recipients.iter().map(|arg| self.arg(arg)).collect(),
            location: event.location.as_ref().map(|arg| self.arg(arg)),
            date: event.date.as_deref(),
            date_source: event.date_source.as_str(),
            time: event.time.map(Id),
            quantities: event.quantities.iter().copied().map(Id).collect(),
            trigger: self.span(&event.trigger),
            negated: event.negated,
            hypothetical: event.hypothetical,
            future: event.future,
            historical: event.historical,
            claim: event.claim.map(Id),
        }
    }
}

/// An `f32` as the `f64` of its shortest decimal form: a confidence of `0.9f32` is written
/// `0.9`, not `0.8999999761581421`. Non-finite values stay non-finite (and are written `null`).
fn decimal(value: f32) -> f64 {
    if !value.is_finite() {
        return f64::from(value);
    }
    value.to_string().parse().unwrap_or(f64::from(value))
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn f32_values_keep_their_short_decimal_form() {
        assert_eq!(decimal(0.9), 0.9);
        assert_eq!(decimal(-7.2), -7.2);
        assert_eq!(decimal(1.0), 1.0);
        assert!(decimal(f32::NAN).is_nan());
    }
}
