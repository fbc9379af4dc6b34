//! Writing: batches of records in one transaction each, indexed as they are stored.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveTime, SecondsFormat, Utc};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use crate::dates::{day_key, timex_days};
use crate::keys::{claim_keys, event_keys};
use crate::record::RecordView;
use crate::text::{index_terms, stemmer};
use crate::{Store, StoreError, content_hash};

/// A document to store: its record as the pipeline wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    /// The record (docs/format.md), one line of JSON.
    pub record: String,
    /// The language the input declared, if any: kept so that a reanalysis sees the same input.
    pub input_lang: Option<String>,
}

/// One item of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Put {
    /// A record to store (or, if its text is stored already, whose source to add).
    Record(NewDocument),
    /// A text known to be stored already (by [`Store::find_text`]) was seen at another source.
    Seen { content_hash: String, source: String },
}

/// What to do with a record whose id is taken by a different text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnConflict {
    /// Leave the stored document and report [`PutOutcome::Conflict`].
    #[default]
    Skip,
    /// Replace the stored document (its record, index entries and sources).
    Replace,
}

/// What happened to one item of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    /// Stored as a new document.
    Stored { id: String, events: usize, claims: usize, entities: usize },
    /// Stored in place of a different text with the same id.
    Replaced { id: String, events: usize, claims: usize, entities: usize },
    /// The text is stored already, under `id`; the source was added unless known.
    Duplicate { id: String, source_added: bool },
    /// The id holds a different text; nothing was stored.
    Conflict { id: String },
    /// Not a record this store can read; nothing was stored.
    Rejected { reason: String },
}

/// A stored text with what the pipeline needs to analyse it again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredText {
    pub id: String,
    pub source: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The time of day of publication, where the record keeps one.
    pub published_time: Option<NaiveTime>,
    pub input_lang: Option<String>,
    pub text: String,
}

/// Where a reanalysis stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReanalysisStatus {
    /// The generation that documents are brought to.
    pub generation: i64,
    /// Documents still analysed by an older generation.
    pub pending: u64,
    /// Documents in the store.
    pub documents: u64,
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl Store {
    /// Stores a batch in one transaction: all of it is committed, or (on an error of the
    /// database) none of it. Records that cannot be stored are reported in their outcome and do
    /// not stop the batch.
    pub fn put_batch(&mut self, items: &[Put], on_conflict: OnConflict) -> Result<Vec<PutOutcome>, StoreError> {
        let result = self.put_batch_inner(items, on_conflict);
        if result.is_err() {
            // Keys made by the rolled-back transaction are gone.
            self.key_ids.clear();
        }
        result
    }

    fn put_batch_inner(&mut self, items: &[Put], on_conflict: OnConflict) -> Result<Vec<PutOutcome>, StoreError> {
        let generation = self.generation()?;
        let now = now();
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut indexer = Indexer::new(&mut self.key_ids);
        let mut outcomes = Vec::with_capacity(items.len());
        for item in items {
            let outcome = match item {
                Put::Record(document) => put_record(&tx, &mut indexer, document, on_conflict, generation, &now)?,
                Put::Seen { content_hash, source } => {
                    match tx
                        .query_row("SELECT doc, id FROM documents WHERE content_hash = ?1", [content_hash], |row| {
                            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
                        })
                        .optional()?
                    {
                        Some((doc, id)) => {
                            PutOutcome::Duplicate { id, source_added: add_source(&tx, doc, source, &now)? }
                        }
                        None => PutOutcome::Rejected { reason: format!("no stored text has the hash {content_hash}") },
                    }
                }
            };
            outcomes.push(outcome);
        }
        indexer.flush(&tx)?;
        tx.commit()?;
        Ok(outcomes)
    }

    /// The id of the stored document whose text has this [`content_hash`], if any.
    pub fn find_text(&self, content_hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM documents WHERE content_hash = ?1")?
            .query_row([content_hash], |row| row.get(0))
            .optional()?)
    }

    /// The current analysis generation: documents stored now get it.
    fn generation(&self) -> Result<i64, StoreError> {
        let value: Option<String> =
            self.conn.query_row("SELECT value FROM meta WHERE key = 'generation'", [], |row| row.get(0)).optional()?;
        Ok(value.and_then(|value| value.parse().ok()).unwrap_or(1))
    }

    /// Starts a reanalysis, or continues the one a killed run left: when every document is at
    /// the current generation (or `restart`), the generation goes up by one, and every document
    /// below it is pending until [`Store::replace_analyses`] brings it up.
    pub fn start_reanalysis(&mut self, restart: bool) -> Result<ReanalysisStatus, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current: i64 = tx
            .query_row("SELECT value FROM meta WHERE key = 'generation'", [], |row| row.get::<_, String>(0))
            .optional()?
            .and_then(|value| value.parse().ok())
            .unwrap_or(1);
        let pending: i64 =
            tx.query_row("SELECT count(*) FROM documents WHERE generation < ?1", [current], |row| row.get(0))?;
        let generation = if pending == 0 || restart { current + 1 } else { current };
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('generation', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [generation.to_string()],
        )?;
        let pending: i64 =
            tx.query_row("SELECT count(*) FROM documents WHERE generation < ?1", [generation], |row| row.get(0))?;
        let documents: i64 = tx.query_row("SELECT count(*) FROM documents", [], |row| row.get(0))?;
        tx.commit()?;
        Ok(ReanalysisStatus { generation, pending: pending as u64, documents: documents as u64 })
    }

    /// Up to `limit` documents that the current reanalysis has not reached yet.
    pub fn pending_reanalysis(&self, limit: usize) -> Result<Vec<StoredText>, StoreError> {
        let generation = self.generation()?;
        let mut statement = self.conn.prepare_cached(
            "SELECT id, record, input_lang FROM documents WHERE generation < ?1 ORDER BY generation, doc LIMIT ?2",
        )?;
        let rows = statement.query_map(params![generation, limit as i64], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?, row.get::<_, Option<String>>(2)?))
        })?;
        let mut texts = Vec::new();
        for row in rows {
            let (id, record, input_lang) = row?;
            let view = RecordView::parse(&record)
                .map_err(|error| StoreError::Damaged { id: id.clone(), reason: error.to_string() })?;
            texts.push(StoredText {
                published: view.published.as_deref().and_then(|date| date.parse().ok()),
                published_time: view
                    .published_time
                    .as_deref()
                    .and_then(|time| NaiveTime::parse_from_str(time, "%H:%M").ok()),
                id,
                source: view.source,
                title: view.title,
                input_lang,
                text: view.text,
            })
        }
        Ok(texts)
    }

    /// Replaces the records of stored documents by new analyses of the same texts, in one
    /// transaction, keeping their sources. Each record must have the id and the text of a
    /// stored document; others are rejected.
    pub fn replace_analyses(&mut self, records: &[String]) -> Result<Vec<PutOutcome>, StoreError> {
        let result = self.replace_analyses_inner(records);
        if result.is_err() {
            self.key_ids.clear();
        }
        result
    }

    fn replace_analyses_inner(&mut self, records: &[String]) -> Result<Vec<PutOutcome>, StoreError> {
        let generation = self.generation()?;
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut indexer = Indexer::new(&mut self.key_ids);
        let mut outcomes = Vec::with_capacity(records.len());
        for record in records {
            let view = match RecordView::parse(record) {
                Ok(view) => view,
                Err(error) => {
                    outcomes.push(PutOutcome::Rejected { reason: format!("not a record: {error}") });
                    continue;
                }
            };
            let hash = content_hash(&view.text);
            let doc: Option<i64> = tx
                .query_row(
                    "SELECT doc FROM documents WHERE id = ?1 AND content_hash = ?2",
                    params![view.id, hash],
                    |row| row.get(0),
                )
                .optional()?;
            let Some(doc) = doc else {
                outcomes.push(PutOutcome::Rejected {
                    reason: format!("no stored document has the id {:?} and this text", view.id),
                });
                continue;
            };
            indexer.unindex_document(&tx, doc)?;
            tx.execute(
                "UPDATE documents SET lang = ?2, published = ?3, published_key = ?4, title = ?5, record = ?6,
                     n_events = ?7, n_claims = ?8, n_entities = ?9, generation = ?10
                 WHERE doc = ?1",
                params![
                    doc,
                    view.lang,
                    view.published,
                    published_key(&view),
                    view.title,
                    record,
                    view.events.len() as i64,
                    view.claims.len() as i64,
                    view.entities.len() as i64,
                    generation
                ],
            )?;
            indexer.index_document(&tx, doc, &view)?;
            outcomes.push(PutOutcome::Replaced {
                id: view.id.clone(),
                events: view.events.len(),
                claims: view.claims.len(),
                entities: view.entities.len(),
            });
        }
        indexer.flush(&tx)?;
        tx.commit()?;
        Ok(outcomes)
    }

    /// Rebuilds every index table (keys, postings, full text, code names) from the stored
    /// records, in one transaction. For migrations that add a family of keys, and for repairs.
    pub fn reindex(&mut self) -> Result<u64, StoreError> {
        self.key_ids.clear();
        let result = self.reindex_inner();
        if result.is_err() {
            self.key_ids.clear();
        }
        result
    }

    fn reindex_inner(&mut self) -> Result<u64, StoreError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(
            "DELETE FROM event_keys; DELETE FROM claim_keys; DELETE FROM events; DELETE FROM claims;
             DELETE FROM keys; DELETE FROM code_names;
             INSERT INTO document_fts (document_fts) VALUES ('delete-all');",
        )?;
        let documents: Vec<i64> = tx
            .prepare("SELECT doc FROM documents ORDER BY doc")?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        let mut indexer = Indexer::new(&mut self.key_ids);
        for (done, &doc) in documents.iter().enumerate() {
            let (id, record): (String, String) = tx
                .prepare_cached("SELECT id, record FROM documents WHERE doc = ?1")?
                .query_row([doc], |row| Ok((row.get(0)?, row.get(1)?)))?;
            let view =
                RecordView::parse(&record).map_err(|error| StoreError::Damaged { id, reason: error.to_string() })?;
            indexer.index_document(&tx, doc, &view)?;
            if done % 1000 == 999 {
                indexer.flush(&tx)?;
            }
        }
        indexer.flush(&tx)?;
        tx.commit()?;
        Ok(documents.len() as u64)
    }
}

fn published_key(view: &RecordView) -> i64 {
    view.published.as_deref().and_then(|date| date.parse::<NaiveDate>().ok()).map_or(0, day_key)
}

fn add_source(tx: &Transaction<'_>, doc: i64, source: &str, now: &str) -> Result<bool, StoreError> {
    let added = tx
        .prepare_cached("INSERT OR IGNORE INTO sources (doc, source, seen_at) VALUES (?1, ?2, ?3)")?
        .execute(params![doc, source, now])?;
    Ok(added > 0)
}

fn put_record(
    tx: &Transaction<'_>,
    indexer: &mut Indexer<'_>,
    document: &NewDocument,
    on_conflict: OnConflict,
    generation: i64,
    now: &str,
) -> Result<PutOutcome, StoreError> {
    let view = match RecordView::parse(&document.record) {
        Ok(view) => view,
        Err(error) => return Ok(PutOutcome::Rejected { reason: format!("not a record: {error}") }),
    };
    if view.format_version != "1" {
        return Ok(PutOutcome::Rejected {
            reason: format!("record format version {:?}; this store reads version \"1\"", view.format_version),
        });
    }
    let hash = content_hash(&view.text);
    let stored: Option<(i64, String)> = tx
        .prepare_cached("SELECT doc, id FROM documents WHERE content_hash = ?1")?
        .query_row([&hash], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    if let Some((doc, id)) = stored {
        return Ok(PutOutcome::Duplicate { id, source_added: add_source(tx, doc, &view.source, now)? });
    }
    let taken: Option<i64> = tx
        .prepare_cached("SELECT doc FROM documents WHERE id = ?1")?
        .query_row([&view.id], |row| row.get(0))
        .optional()?;
    let replaced = match (taken, on_conflict) {
        (Some(_), OnConflict::Skip) => return Ok(PutOutcome::Conflict { id: view.id }),
        (Some(doc), OnConflict::Replace) => {
            indexer.unindex_document(tx, doc)?;
            tx.execute("DELETE FROM sources WHERE doc = ?1", [doc])?;
            tx.execute("DELETE FROM documents WHERE doc = ?1", [doc])?;
            true
        }
        (None, _) => false,
    };
    tx.prepare_cached(
        "INSERT INTO documents (id, content_hash, lang, published, published_key, title, input_lang, record,
             n_events, n_claims, n_entities, generation, stored_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        view.id,
        hash,
        view.lang,
        view.published,
        published_key(&view),
        view.title,
        document.input_lang,
        document.record,
        view.events.len() as i64,
        view.claims.len() as i64,
        view.entities.len() as i64,
        generation,
        now
    ])?;
    let doc = tx.last_insert_rowid();
    add_source(tx, doc, &view.source, now)?;
    indexer.index_document(tx, doc, &view)?;
    let (id, events, claims, entities) = (view.id, view.events.len(), view.claims.len(), view.entities.len());
    Ok(if replaced {
        PutOutcome::Replaced { id, events, claims, entities }
    } else {
        PutOutcome::Stored { id, events, claims, entities }
    })
}

/// The first and last day of a TIMEX3 value, else of the publication date; `(0, 0)` for none.
fn day_range(value: Option<&str>, published: Option<&str>) -> (i64, i64) {
    value
        .and_then(timex_days)
        .or_else(|| published.and_then(timex_days))
        .map_or((0, 0), |(first, last)| (day_key(first), day_key(last)))
}

fn key_id(tx: &Transaction<'_>, key_ids: &mut HashMap<String, i64>, key: &str) -> Result<i64, StoreError> {
    if let Some(&id) = key_ids.get(key) {
        return Ok(id);
    }
    let existing: Option<i64> =
        tx.prepare_cached("SELECT key_id FROM keys WHERE key = ?1")?.query_row([key], |row| row.get(0)).optional()?;
    let id = match existing {
        Some(id) => id,
        None => {
            tx.prepare_cached("INSERT INTO keys (key) VALUES (?1)")?.execute([key])?;
            tx.last_insert_rowid()
        }
    };
    key_ids.insert(key.to_owned(), id);
    Ok(id)
}

/// Which layer a row of postings belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Layer {
    Events,
    Claims,
}

impl Layer {
    fn insert_row(self) -> &'static str {
        match self {
            Layer::Events => "INSERT INTO events (doc, idx, sort_key, day_to, key_ids) VALUES (?1, ?2, ?3, ?4, ?5)",
            Layer::Claims => "INSERT INTO claims (doc, idx, sort_key, day_to, key_ids) VALUES (?1, ?2, ?3, ?4, ?5)",
        }
    }

    fn insert_posting(self) -> &'static str {
        match self {
            Layer::Events => "INSERT INTO event_keys (key_id, sort_key, eid) VALUES (?1, ?2, ?3)",
            Layer::Claims => "INSERT INTO claim_keys (key_id, sort_key, cid) VALUES (?1, ?2, ?3)",
        }
    }

    fn rows_of_document(self) -> &'static str {
        match self {
            Layer::Events => "SELECT eid, sort_key, key_ids FROM events WHERE doc = ?1",
            Layer::Claims => "SELECT cid, sort_key, key_ids FROM claims WHERE doc = ?1",
        }
    }

    fn delete_posting(self) -> &'static str {
        match self {
            Layer::Events => "DELETE FROM event_keys WHERE key_id = ?1 AND sort_key = ?2 AND eid = ?3",
            Layer::Claims => "DELETE FROM claim_keys WHERE key_id = ?1 AND sort_key = ?2 AND cid = ?3",
        }
    }

    fn delete_rows(self) -> &'static str {
        match self {
            Layer::Events => "DELETE FROM events WHERE doc = ?1",
            Layer::Claims => "DELETE FROM claims WHERE doc = ?1",
        }
    }

    fn add_to_count(self) -> &'static str {
        match self {
            Layer::Events => "UPDATE keys SET n_events = n_events + ?2 WHERE key_id = ?1",
            Layer::Claims => "UPDATE keys SET n_claims = n_claims + ?2 WHERE key_id = ?1",
        }
    }
}

/// Writes and removes index entries within one transaction. Postings and key counts are
/// collected and written sorted by key when the batch ends ([`Indexer::flush`]), so that each
/// page of the postings is visited once per batch rather than once per posting.
pub(crate) struct Indexer<'k> {
    key_ids: &'k mut HashMap<String, i64>,
    /// (layer, key id, sort key, row id)
    postings: Vec<(Layer, i64, i64, i64)>,
    counts: HashMap<(Layer, i64), i64>,
}

impl<'k> Indexer<'k> {
    pub(crate) fn new(key_ids: &'k mut HashMap<String, i64>) -> Indexer<'k> {
        Indexer { key_ids, postings: Vec::new(), counts: HashMap::new() }
    }

    /// Writes the index entries of a stored document: full text, events, claims, code names.
    pub(crate) fn index_document(
        &mut self,
        tx: &Transaction<'_>,
        doc: i64,
        view: &RecordView,
    ) -> Result<(), StoreError> {
        let stemmer = stemmer(&view.lang);
        let title = view.title.as_deref().map(|title| index_terms(title, stemmer.as_ref()));
        let body = index_terms(&view.text, stemmer.as_ref());
        tx.prepare_cached("INSERT INTO document_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
            .execute(params![doc, title, body])?;
        let published = view.published.as_deref();
        for (index, event) in view.events.iter().enumerate() {
            self.row(
                tx,
                Layer::Events,
                doc,
                index,
                day_range(event.date.as_deref(), published),
                event_keys(view, index),
            )?;
        }
        for (index, claim) in view.claims.iter().enumerate() {
            self.row(
                tx,
                Layer::Claims,
                doc,
                index,
                day_range(claim.date.as_deref(), published),
                claim_keys(view, index),
            )?;
        }
        count_code_names(tx, view, 1)
    }

    fn row(
        &mut self,
        tx: &Transaction<'_>,
        layer: Layer,
        doc: i64,
        index: usize,
        (sort_key, day_to): (i64, i64),
        keys: BTreeSet<String>,
    ) -> Result<(), StoreError> {
        let ids: Vec<i64> = keys.iter().map(|key| key_id(tx, self.key_ids, key)).collect::<Result<_, _>>()?;
        let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
        tx.prepare_cached(layer.insert_row())?.execute(params![doc, index as i64, sort_key, day_to, list])?;
        let row = tx.last_insert_rowid();
        for id in ids {
            self.postings.push((layer, id, sort_key, row));
            *self.counts.entry((layer, id)).or_default() += 1;
        }
        Ok(())
    }

    /// Removes the index entries of a stored document (not the document or its sources).
    pub(crate) fn unindex_document(&mut self, tx: &Transaction<'_>, doc: i64) -> Result<(), StoreError> {
        self.flush(tx)?;
        for layer in [Layer::Events, Layer::Claims] {
            let rows: Vec<(i64, i64, String)> = tx
                .prepare_cached(layer.rows_of_document())?
                .query_map([doc], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                .collect::<Result<_, _>>()?;
            for (row, sort_key, list) in rows {
                for id in list.split(',').filter_map(|id| id.parse::<i64>().ok()) {
                    tx.prepare_cached(layer.delete_posting())?.execute(params![id, sort_key, row])?;
                    *self.counts.entry((layer, id)).or_default() -= 1;
                }
            }
            tx.prepare_cached(layer.delete_rows())?.execute([doc])?;
        }
        tx.prepare_cached("DELETE FROM document_fts WHERE rowid = ?1")?.execute([doc])?;
        let (id, record): (String, String) =
            tx.query_row("SELECT id, record FROM documents WHERE doc = ?1", [doc], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })?;
        let view = RecordView::parse(&record).map_err(|error| StoreError::Damaged { id, reason: error.to_string() })?;
        count_code_names(tx, &view, -1)
    }

    /// Writes the collected postings, sorted, and the key counts.
    pub(crate) fn flush(&mut self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        self.postings.sort_unstable();
        for (layer, id, sort_key, row) in self.postings.drain(..) {
            tx.prepare_cached(layer.insert_posting())?.execute(params![id, sort_key, row])?;
        }
        let mut counts: Vec<((Layer, i64), i64)> = self.counts.drain().filter(|(_, n)| *n != 0).collect();
        counts.sort_unstable();
        for ((layer, id), count) in counts {
            tx.prepare_cached(layer.add_to_count())?.execute(params![id, count])?;
        }
        Ok(())
    }
}

/// Adds `delta` to the count of each (code, name) pair of the record's entities.
pub(crate) fn count_code_names(tx: &Transaction<'_>, view: &RecordView, delta: i64) -> Result<(), StoreError> {
    let mut pairs: HashMap<(&str, &str), i64> = HashMap::new();
    for entity in &view.entities {
        if let (Some(code), Some(name)) = (entity.code.as_deref(), entity.name.as_deref()) {
            *pairs.entry((code, name)).or_default() += delta;
        }
    }
    for ((code, name), n) in pairs {
        tx.prepare_cached(
            "INSERT INTO code_names (code, name, n) VALUES (?1, ?2, ?3)
             ON CONFLICT (code, name) DO UPDATE SET n = n + excluded.n",
        )?
        .execute(params![code, name, n])?;
    }
    if delta < 0 {
        tx.prepare_cached("DELETE FROM code_names WHERE n <= 0")?.execute([])?;
    }
    Ok(())
}
