//! Documents with every layer the store indexes (entities, claims, events), built with the
//! types of lagebild-doc and written by lagebild-format, as the pipeline will write them once
//! its later stages fill those layers. Shared by the tests and the benchmark.

#![allow(dead_code, unreachable_pub)] // Each user takes what it needs.

use chrono::NaiveDate;
use lagebild_doc::{
    Arg, Claim, ClaimConstruction, ClaimId, ClaimKind, DateSource, Document, Entity, EntityForm, EntityId, EntityType,
    Event, EventId, EventType, Lang, Meta, Reading, Sentence, Span, Stance, TextRange,
};
use lagebild_format::OutputOptions;

/// A participant: a named actor with its code and country.
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub name: String,
    pub code: String,
    pub country: String,
    pub kb_id: Option<String>,
}

impl Party {
    pub fn new(name: &str, code: &str, country: &str) -> Party {
        Party { name: name.to_owned(), code: code.to_owned(), country: country.to_owned(), kb_id: None }
    }

    pub fn kb(mut self, kb_id: &str) -> Party {
        self.kb_id = Some(kb_id.to_owned());
        self
    }
}

/// An event to write into a document, and how it is reported.
#[derive(Debug, Clone)]
pub struct EventSpec {
    pub event_type: EventType,
    pub actor: Party,
    pub recipient: Party,
    /// TIMEX3 value; `None` dates the event by the publication date.
    pub date: Option<String>,
    pub context: Vec<String>,
    /// Who reports it, with what stance; `None`: the article states it.
    pub reporter: Option<(Party, Stance)>,
    /// Who denies the report (needs a reporter).
    pub denier: Option<Party>,
    /// Where the report was made (needs a reporter).
    pub channel: Option<String>,
}

impl EventSpec {
    pub fn new(event_type: EventType, actor: Party, recipient: Party) -> EventSpec {
        EventSpec {
            event_type,
            actor,
            recipient,
            date: None,
            context: Vec::new(),
            reporter: None,
            denier: None,
            channel: None,
        }
    }

    pub fn on(mut self, date: &str) -> EventSpec {
        self.date = Some(date.to_owned());
        self
    }

    pub fn context(mut self, context: &str) -> EventSpec {
        self.context.push(context.to_owned());
        self
    }

    pub fn reported_by(mut self, speaker: Party, stance: Stance) -> EventSpec {
        self.reporter = Some((speaker, stance));
        self
    }

    pub fn denied_by(mut self, denier: Party) -> EventSpec {
        self.denier = Some(denier);
        self
    }

    pub fn via(mut self, channel: &str) -> EventSpec {
        self.channel = Some(channel.to_owned());
        self
    }
}

/// Builds the text sentence by sentence, keeping byte ranges.
struct Writer {
    text: String,
    sentences: Vec<Sentence>,
    sentence_start: usize,
}

impl Writer {
    fn push(&mut self, words: &str) -> TextRange {
        let start = self.text.len();
        self.text.push_str(words);
        TextRange::from_usize(start, self.text.len())
    }

    fn end_sentence(&mut self) -> u32 {
        self.text.push('.');
        self.sentences.push(Sentence { range: TextRange::from_usize(self.sentence_start, self.text.len()) });
        self.text.push(' ');
        self.sentence_start = self.text.len();
        (self.sentences.len() - 1) as u32
    }
}

fn verb(event_type: EventType) -> &'static str {
    match event_type {
        EventType::Assault => "attacked",
        EventType::Aid => "sent aid to",
        EventType::Consult => "met",
        EventType::Accuse => "accused",
        EventType::Threaten => "threatened",
        EventType::Mobilize => "moved troops towards",
        EventType::Sanction => "sanctioned",
        EventType::Agree => "agreed with",
        _ => "acted towards",
    }
}

/// A document with an opening sentence (`Report ID.`), one sentence per event (`A attacked B.`, or `S said that A attacked B.`),
/// and a sentence per denial (`D denied that.`).
pub fn document(id: &str, published: &str, title: &str, events: &[EventSpec]) -> Document {
    let mut meta = Meta::new(id, format!("synthetic/{id}.txt"));
    meta.title = Some(title.to_owned());
    meta.published = Some(published.parse::<NaiveDate>().expect("a YYYY-MM-DD date"));
    meta.lang = Lang::En;
    meta.lang_detected = Some("en".to_owned());
    let mut w = Writer { text: String::new(), sentences: Vec::new(), sentence_start: 0 };
    let mut entities: Vec<Entity> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    let mut layer_events: Vec<Event> = Vec::new();
    // An opening sentence that makes every document's text its own.
    w.push(&format!("Report {id}"));
    w.end_sentence();
    let mention = |w: &mut Writer, party: &Party, entities: &mut Vec<Entity>| -> Arg {
        let range = w.push(&party.name);
        entities.push(Entity {
            range,
            entity_type: EntityType::Gpe,
            form: EntityForm::Name,
            kb_id: party.kb_id.clone(),
            name: Some(party.name.clone()),
            reading: Some(Reading::Government),
            country: Some(party.country.clone()),
            code: Some(party.code.clone()),
            role: None,
            lat: None,
            lon: None,
            confidence: 0.9,
            cluster: None,
        });
        Arg { range, entity: Some(EntityId((entities.len() - 1) as u32)), code: Some(party.code.clone()) }
    };
    for spec in events {
        let event_index = layer_events.len() as u32;
        let mut claim = None;
        if let Some((speaker, stance)) = &spec.reporter {
            let speaker_arg = mention(&mut w, speaker, &mut entities);
            let cue = w.push(" said");
            let channel = spec.channel.as_ref().map(|channel| {
                w.push(" on ");
                let range = w.push(channel);
                Arg { range, entity: None, code: None }
            });
            w.push(" that ");
            claim = Some((speaker_arg, cue, channel, *stance));
        }
        let content_start = w.text.len();
        let actor = mention(&mut w, &spec.actor, &mut entities);
        w.push(" ");
        let trigger = w.push(verb(spec.event_type));
        w.push(" ");
        let recipient = mention(&mut w, &spec.recipient, &mut entities);
        let content = TextRange::from_usize(content_start, w.text.len());
        let sentence = w.end_sentence();
        let claim_id = claim.map(|(speaker, cue, channel, stance)| {
            claims.push(Claim {
                sentence,
                kind: ClaimKind::Indirect,
                construction: ClaimConstruction::Verb,
                speaker: Some(speaker),
                channel,
                addressee: None,
                cue: Span::continuous(cue),
                content: Span::continuous(content),
                stance,
                date: Some(published.to_owned()),
                parent: None,
                responds_to: Vec::new(),
                events: vec![EventId(event_index)],
            });
            ClaimId((claims.len() - 1) as u32)
        });
        layer_events.push(Event {
            sentence,
            event_type: spec.event_type,
            mode: None,
            context: spec.context.clone(),
            cameo: None,
            score: None,
            actors: vec![actor],
            recipients: vec![recipient],
            location: None,
            date: Some(spec.date.clone().unwrap_or_else(|| published.to_owned())),
            date_source: if spec.date.is_some() { DateSource::Text } else { DateSource::Published },
            time: None,
            quantities: Vec::new(),
            trigger: Span::continuous(trigger),
            negated: false,
            hypothetical: false,
            future: false,
            historical: false,
            claim: claim_id,
        });
        if let (Some(denier), Some(reported)) = (&spec.denier, claim_id) {
            let speaker = mention(&mut w, denier, &mut entities);
            w.push(" ");
            let cue = w.push("denied");
            w.push(" ");
            let content = w.push("that");
            let sentence = w.end_sentence();
            claims.push(Claim {
                sentence,
                kind: ClaimKind::Indirect,
                construction: ClaimConstruction::Verb,
                speaker: Some(speaker),
                channel: None,
                addressee: None,
                cue: Span::continuous(cue),
                content: Span::continuous(content),
                stance: Stance::Deny,
                date: Some(published.to_owned()),
                parent: None,
                responds_to: vec![reported],
                events: Vec::new(),
            });
        }
    }
    let text = w.text.trim_end().to_owned();
    let mut doc = Document::new(meta, text);
    doc.sentences = w.sentences;
    doc.entities = entities;
    doc.claims = claims;
    doc.events = layer_events;
    assert_eq!(doc.check_invariants(), Ok(()));
    doc
}

/// The record of a document, one line of JSON.
pub fn record(doc: &Document) -> String {
    lagebild_format::to_json_line(doc, &OutputOptions::default())
}

/// The worked example of docs/format.md: the record, as documented, on one line.
pub fn worked_example() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/format.md");
    let doc = std::fs::read_to_string(path).expect("docs/format.md is readable");
    let (_, after) = doc.split_once("<!-- example-record -->").expect("docs/format.md has the example record");
    let (_, block) = after.split_once("```json\n").expect("a fenced block follows the marker");
    let (content, _) = block.split_once("\n```").expect("the fenced block is closed");
    let value: serde_json::Value = serde_json::from_str(content).expect("the example record is JSON");
    // Without tokens, as the store keeps records.
    let mut value = value;
    value.as_object_mut().expect("a record is an object").remove("tokens");
    serde_json::to_string(&value).expect("a JSON value serialises")
}
