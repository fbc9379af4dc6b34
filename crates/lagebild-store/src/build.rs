//! Rows from records: the stored record of each document on a page is read once, and only the
//! events, claims and entities its rows show are parsed.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rusqlite::Connection;

use crate::StoreError;
use crate::record::{ArgView, ClaimView, EntityView, RawRecord, layer_index};
use crate::rows::{ClaimRef, ClaimRow, EventRef, EventRow, Participant};

/// A stored record, parsed for reading.
pub(crate) struct Loaded {
    pub(crate) view: RawRecord,
}

/// The records of one query, each read once.
#[derive(Default)]
pub(crate) struct RecordCache {
    records: HashMap<i64, Loaded>,
}

impl RecordCache {
    pub(crate) fn load(&mut self, conn: &Connection, doc: i64) -> Result<&Loaded, StoreError> {
        match self.records.entry(doc) {
            Entry::Occupied(entry) => Ok(entry.into_mut()),
            Entry::Vacant(entry) => {
                let (id, record): (String, String) = conn
                    .prepare_cached("SELECT id, record FROM documents WHERE doc = ?1")?
                    .query_row([doc], |row| Ok((row.get(0)?, row.get(1)?)))?;
                let view =
                    RawRecord::parse(&record).map_err(|error| StoreError::Damaged { id, reason: error.to_string() })?;
                Ok(entry.insert(Loaded { view }))
            }
        }
    }
}

impl Loaded {
    fn damaged(&self, reason: impl std::fmt::Display) -> StoreError {
        StoreError::Damaged { id: self.view.id.clone(), reason: reason.to_string() }
    }

    fn entity(&self, arg: &ArgView) -> Result<Option<EntityView>, StoreError> {
        let Some(index) = arg.entity.as_deref().and_then(|id| layer_index(id, 'e')) else { return Ok(None) };
        self.view.entity(index).transpose().map_err(|error| self.damaged(error))
    }

    fn claim(&self, index: usize) -> Result<Option<ClaimView>, StoreError> {
        self.view.claim(index).transpose().map_err(|error| self.damaged(error))
    }

    fn participant(&self, arg: &ArgView) -> Result<Participant, StoreError> {
        let entity = self.entity(arg)?;
        Ok(Participant {
            text: arg.text.clone(),
            code: arg.code.clone().or_else(|| entity.as_ref().and_then(|entity| entity.code.clone())),
            entity: arg.entity.clone(),
            name: entity.as_ref().and_then(|entity| entity.name.clone()),
            country: entity.as_ref().and_then(|entity| entity.country.clone()),
            kb_id: entity.as_ref().and_then(|entity| entity.kb_id.clone()),
            lat: entity.as_ref().and_then(|entity| entity.lat),
            lon: entity.as_ref().and_then(|entity| entity.lon),
            role: entity.and_then(|entity| entity.role),
        })
    }

    fn participants(&self, args: &[ArgView]) -> Result<Vec<Participant>, StoreError> {
        args.iter().map(|arg| self.participant(arg)).collect()
    }

    fn optional(&self, arg: &Option<ArgView>) -> Result<Option<Participant>, StoreError> {
        arg.as_ref().map(|arg| self.participant(arg)).transpose()
    }

    fn claim_ref(&self, index: usize) -> Result<Option<ClaimRef>, StoreError> {
        let Some(claim) = self.claim(index)? else { return Ok(None) };
        Ok(Some(ClaimRef {
            id: format!("c{index}"),
            stance: claim.stance.clone(),
            speaker: self.optional(&claim.speaker)?,
            channel: self.optional(&claim.channel)?,
            cue: claim.cue.words(),
            content: claim.content.text,
            date: claim.date,
        }))
    }

    fn claim_refs(&self, indices: impl IntoIterator<Item = usize>) -> Result<Vec<ClaimRef>, StoreError> {
        let mut refs = Vec::new();
        for index in indices {
            refs.extend(self.claim_ref(index)?);
        }
        Ok(refs)
    }

    /// Claims whose `responds_to` names claim `index`.
    fn responses(&self, index: usize) -> Result<Vec<ClaimRef>, StoreError> {
        let answering = self.view.responses_to(&format!("c{index}")).map_err(|error| self.damaged(error))?;
        self.claim_refs(answering)
    }

    pub(crate) fn event_row(&self, index: usize) -> Result<EventRow, StoreError> {
        let view = &self.view;
        let event = view
            .event(index)
            .ok_or_else(|| self.damaged(format!("no event v{index}")))?
            .map_err(|error| self.damaged(error))?;
        let claim = event.claim.as_deref().and_then(|id| layer_index(id, 'c'));
        Ok(EventRow {
            document: view.id.clone(),
            title: view.title.clone(),
            published: view.published.clone(),
            id: format!("v{index}"),
            actors: self.participants(&event.actors)?,
            recipients: self.participants(&event.recipients)?,
            location: self.optional(&event.location)?,
            trigger: event.trigger.words(),
            sentence_text: view.sentence_text(event.sentence),
            reported_by: claim.map(|claim| self.claim_ref(claim)).transpose()?.flatten(),
            responses: claim.map(|claim| self.responses(claim)).transpose()?.unwrap_or_default(),
            event_type: event.event_type,
            mode: event.mode,
            context: event.context,
            cameo: event.cameo,
            score: event.score,
            date: event.date,
            date_source: event.date_source,
            negated: event.negated,
            hypothetical: event.hypothetical,
            future: event.future,
            historical: event.historical,
            sentence: event.sentence,
        })
    }

    pub(crate) fn claim_row(&self, index: usize) -> Result<ClaimRow, StoreError> {
        let view = &self.view;
        let claim = self.claim(index)?.ok_or_else(|| self.damaged(format!("no claim c{index}")))?;
        // The events the claim lists, and those that name it as their reporting claim (a record
        // may give the link on one side only).
        let mut indices: Vec<usize> = claim.events.iter().filter_map(|id| layer_index(id, 'v')).collect();
        for index in view.events_reported_by(&format!("c{index}")).map_err(|error| self.damaged(error))? {
            if !indices.contains(&index) {
                indices.push(index);
            }
        }
        let mut events = Vec::new();
        for event_index in indices {
            if let Some(event) = view.event(event_index).transpose().map_err(|error| self.damaged(error))? {
                events.push(EventRef {
                    id: format!("v{event_index}"),
                    event_type: event.event_type.clone(),
                    trigger: event.trigger.words(),
                });
            }
        }
        Ok(ClaimRow {
            document: view.id.clone(),
            title: view.title.clone(),
            published: view.published.clone(),
            id: format!("c{index}"),
            speaker: self.optional(&claim.speaker)?,
            channel: self.optional(&claim.channel)?,
            addressee: self.optional(&claim.addressee)?,
            cue: claim.cue.words(),
            parent: claim
                .parent
                .as_deref()
                .and_then(|id| layer_index(id, 'c'))
                .map(|parent| self.claim_ref(parent))
                .transpose()?
                .flatten(),
            responds_to: self.claim_refs(claim.responds_to.iter().filter_map(|id| layer_index(id, 'c')))?,
            responses: self.responses(index)?,
            events,
            kind: claim.kind,
            construction: claim.construction,
            stance: claim.stance,
            date: claim.date,
            content: claim.content.text,
            sentence: claim.sentence,
        })
    }

    /// The sentences as byte ranges of the text (records give character offsets).
    pub(crate) fn sentence_bytes(&self) -> Vec<(usize, usize)> {
        let text = &self.view.text;
        let mut bytes_at: Vec<usize> = text.char_indices().map(|(index, _)| index).collect();
        bytes_at.push(text.len());
        let byte = |char_offset: usize| bytes_at.get(char_offset).copied().unwrap_or(text.len());
        self.view.sentences.iter().map(|sentence| (byte(sentence.start), byte(sentence.end))).collect()
    }
}
