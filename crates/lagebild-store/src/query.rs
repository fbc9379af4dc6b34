//! Reading: filters, pages, and the SQL they run. Every statement is made of fixed pieces of
//! this file; every value a user gives is a bound parameter.

use std::collections::BTreeMap;

use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use crate::build::RecordCache;
use crate::dates::DateRange;
use crate::keys::{ActorRef, normalise_name};
use crate::rows::*;
use crate::text::{parse_query, snippet};
use crate::{Store, StoreError};

/// The largest page the store returns.
pub const MAX_PAGE_SIZE: usize = 10_000;

/// Which page of results: its size and the cursor a previous page returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    pub limit: usize,
    pub cursor: Option<String>,
}

impl Default for PageRequest {
    fn default() -> PageRequest {
        PageRequest { limit: 50, cursor: None }
    }
}

impl PageRequest {
    pub fn new(limit: usize, cursor: Option<String>) -> PageRequest {
        PageRequest { limit, cursor }
    }

    fn checked_limit(&self) -> Result<usize, StoreError> {
        if self.limit == 0 || self.limit > MAX_PAGE_SIZE {
            return Err(StoreError::invalid(format!("the page size must be between 1 and {MAX_PAGE_SIZE}")));
        }
        Ok(self.limit)
    }

    /// A cursor of the form `SORTKEY.ID`, both non-negative integers.
    fn position(&self) -> Result<Option<(i64, i64)>, StoreError> {
        let Some(cursor) = &self.cursor else { return Ok(None) };
        let bad = || StoreError::invalid(format!("{cursor:?} is not a cursor this store returned"));
        let (sort, id) = cursor.split_once('.').ok_or_else(bad)?;
        let number = |text: &str| {
            (!text.is_empty() && text.len() <= 19 && text.bytes().all(|b| b.is_ascii_digit()))
                .then(|| text.parse::<i64>().ok())
                .flatten()
                .ok_or_else(bad)
        };
        Ok(Some((number(sort)?, number(id)?)))
    }

    /// A cursor that is an offset (search and actors, which are not ordered by date).
    fn offset(&self) -> Result<usize, StoreError> {
        let Some(cursor) = &self.cursor else { return Ok(0) };
        cursor
            .parse::<usize>()
            .ok()
            .filter(|offset| *offset <= 1_000_000 && cursor.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| StoreError::invalid(format!("{cursor:?} is not a cursor this store returned")))
    }
}

/// Which events to list. Every field narrows the result; the default lists all events, newest
/// first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Who acts.
    pub actor: Option<ActorRef>,
    /// Whom the act is directed at.
    pub recipient: Option<ActorRef>,
    /// Where it happens.
    pub location: Option<ActorRef>,
    /// PLOVER types, any of them (`ASSAULT`, `AID`).
    pub types: Vec<String>,
    /// A PLOVER context (`military`).
    pub context: Option<String>,
    /// Events whose date (else the document's publication date) overlaps this range.
    pub dates: DateRange,
    /// The speaker of the claim that reports the event.
    pub reported_by: Option<ActorRef>,
    /// The stance of the claim that reports the event: `assert`, `hedge`, `deny`, or `none` for
    /// events the article states itself.
    pub stance: Option<String>,
    /// Words the event's document must contain (the syntax of [`Store::search`]).
    pub text: Option<String>,
    /// Only the events of this document.
    pub document: Option<String>,
}

/// Which claims to list, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimFilter {
    pub speaker: Option<ActorRef>,
    /// Where the claim was made (`Staatsfernsehen`, `name:telegram`).
    pub channel: Option<ActorRef>,
    /// `assert`, `hedge` or `deny`.
    pub stance: Option<String>,
    /// `direct`, `indirect` or `mixed`.
    pub kind: Option<String>,
    /// Claims that answer a claim of this speaker; [`ClaimFilter::responds_to_any`] for any answer.
    pub responds_to: Option<ActorRef>,
    /// Only claims that answer another claim.
    pub responds_to_any: bool,
    /// Claims whose date (else the document's publication date) overlaps this range.
    pub dates: DateRange,
    pub text: Option<String>,
    pub document: Option<String>,
}

/// How [`Store::actors`] groups participants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ActorBy {
    /// By actor code, with every coarser level of the hierarchy (`RUSGOV` and `RUS`).
    #[default]
    Code,
    /// By canonical name (else the words), lowercased.
    Name,
}

/// Which actors to list, most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorFilter {
    pub by: ActorBy,
    /// Only actors whose code or name contains this text (any case).
    pub matching: Option<String>,
}

/// Which documents to list, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentFilter {
    /// `de`, `en` or `und`.
    pub lang: Option<String>,
    /// Documents published in this range.
    pub dates: DateRange,
    pub text: Option<String>,
}

const PLOVER_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

fn closed_value(what: &str, value: &str, allowed: &[&str]) -> Result<String, StoreError> {
    let wanted = value.trim();
    allowed.iter().find(|allowed| allowed.eq_ignore_ascii_case(wanted)).map(|allowed| (*allowed).to_owned()).ok_or_else(
        || {
            let shown: String = wanted.chars().take(40).collect();
            StoreError::invalid(format!("{shown:?} is not a {what} (one of {})", allowed.join(", ")))
        },
    )
}

/// The tables of one layer of postings.
struct Layer {
    rows: &'static str,
    postings: &'static str,
    id: &'static str,
    count: &'static str,
}

const EVENTS: Layer = Layer { rows: "events", postings: "event_keys", id: "eid", count: "n_events" };
const CLAIMS: Layer = Layer { rows: "claims", postings: "claim_keys", id: "cid", count: "n_claims" };

/// A filter in terms of keys.
#[derive(Default)]
struct Conditions {
    /// Keys every row must carry.
    all_of: Vec<String>,
    /// Groups of keys: every row must carry one key of each group.
    any_of: Vec<Vec<String>>,
    dates: DateRange,
    text: Option<String>,
    document: Option<String>,
}

/// A row a query selected: its id, sort key, document and index in the document's layer.
struct Selected {
    id: i64,
    sort_key: i64,
    doc: i64,
    idx: usize,
}

impl Store {
    /// Events that match a filter, newest first.
    pub fn events(&self, filter: &EventFilter, page: &PageRequest) -> Result<Page<EventRow>, StoreError> {
        let mut conditions = Conditions {
            dates: filter.dates,
            text: filter.text.clone(),
            document: filter.document.clone(),
            ..Conditions::default()
        };
        for (role, actor) in [
            ("actor", &filter.actor),
            ("recipient", &filter.recipient),
            ("location", &filter.location),
            ("reporter", &filter.reported_by),
        ] {
            if let Some(actor) = actor {
                conditions.all_of.push(actor.key(role));
            }
        }
        if let Some(context) = &filter.context {
            conditions.all_of.push(format!("context:{}", normalise_name(context)));
        }
        if let Some(stance) = &filter.stance {
            conditions
                .all_of
                .push(format!("stance:{}", closed_value("stance", stance, &["assert", "hedge", "deny", "none"])?));
        }
        if !filter.types.is_empty() {
            let types: Vec<String> = filter
                .types
                .iter()
                .map(|value| closed_value("PLOVER event type", value, PLOVER_TYPES).map(|t| format!("type:{t}")))
                .collect::<Result<_, _>>()?;
            match <[String; 1]>::try_from(types) {
                Ok([single]) => conditions.all_of.push(single),
                Err(types) => conditions.any_of.push(types),
            }
        }
        self.timed(|conn| {
            let (selected, next) = select(conn, &EVENTS, &conditions, page)?;
            let mut cache = RecordCache::default();
            let mut items = Vec::with_capacity(selected.len());
            for row in selected {
                let loaded = cache.load(conn, row.doc)?;
                items.push(loaded.event_row(row.idx)?);
            }
            Ok(Page { items, next })
        })
    }

    /// Claims that match a filter, newest first.
    pub fn claims(&self, filter: &ClaimFilter, page: &PageRequest) -> Result<Page<ClaimRow>, StoreError> {
        let mut conditions = Conditions {
            dates: filter.dates,
            text: filter.text.clone(),
            document: filter.document.clone(),
            ..Conditions::default()
        };
        for (role, actor) in
            [("speaker", &filter.speaker), ("channel", &filter.channel), ("responds", &filter.responds_to)]
        {
            if let Some(actor) = actor {
                conditions.all_of.push(actor.key(role));
            }
        }
        if filter.responds_to_any {
            conditions.all_of.push("responds:any".to_owned());
        }
        if let Some(stance) = &filter.stance {
            conditions.all_of.push(format!("stance:{}", closed_value("stance", stance, &["assert", "hedge", "deny"])?));
        }
        if let Some(kind) = &filter.kind {
            conditions
                .all_of
                .push(format!("kind:{}", closed_value("claim kind", kind, &["direct", "indirect", "mixed"])?));
        }
        self.timed(|conn| {
            let (selected, next) = select(conn, &CLAIMS, &conditions, page)?;
            let mut cache = RecordCache::default();
            let mut items = Vec::with_capacity(selected.len());
            for row in selected {
                let loaded = cache.load(conn, row.doc)?;
                items.push(loaded.claim_row(row.idx)?);
            }
            Ok(Page { items, next })
        })
    }

    /// Actors with the number of events and claims they take part in, most frequent first.
    pub fn actors(&self, filter: &ActorFilter, page: &PageRequest) -> Result<Page<ActorRow>, StoreError> {
        let limit = page.checked_limit()?;
        let offset = page.offset()?;
        let family = match filter.by {
            ActorBy::Code => "code",
            ActorBy::Name => "name",
        };
        let matching =
            filter.matching.as_deref().map(|text| text.trim().to_lowercase()).filter(|text| !text.is_empty());
        if matching.as_ref().is_some_and(|text| text.chars().count() > crate::MAX_FILTER_CHARS) {
            return Err(StoreError::invalid(format!(
                "the match text is longer than {} characters",
                crate::MAX_FILTER_CHARS
            )));
        }
        self.timed(|conn| {
            let mut actors: BTreeMap<String, ActorRow> = BTreeMap::new();
            let mut statement =
                conn.prepare_cached("SELECT key, n_events, n_claims FROM keys WHERE key >= ?1 AND key < ?2")?;
            for role in ["actor", "recipient", "speaker", "location"] {
                let prefix = format!("{role}:{family}:");
                let end = format!("{role}:{family};"); // ';' follows ':'
                let rows = statement.query_map(params![prefix, end], |row| {
                    Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?, row.get::<_, i64>(2)?))
                })?;
                for row in rows {
                    let (key, events, claims) = row?;
                    let actor = key[prefix.len()..].to_owned();
                    let entry = actors.entry(actor.clone()).or_insert_with(|| ActorRow {
                        actor,
                        name: None,
                        as_actor: 0,
                        as_recipient: 0,
                        as_speaker: 0,
                        as_location: 0,
                        total: 0,
                    });
                    let (events, claims) = (events.max(0) as u64, claims.max(0) as u64);
                    match role {
                        "actor" => entry.as_actor += events,
                        "recipient" => entry.as_recipient += events,
                        "location" => entry.as_location += events,
                        _ => entry.as_speaker += claims,
                    }
                }
            }
            let mut rows: Vec<ActorRow> = actors
                .into_values()
                .map(|mut row| {
                    row.total = row.as_actor + row.as_recipient + row.as_speaker + row.as_location;
                    row
                })
                .filter(|row| row.total > 0)
                .collect();
            if filter.by == ActorBy::Code {
                let mut exact = conn.prepare_cached("SELECT name FROM code_names WHERE code = ?1 ORDER BY n DESC, name LIMIT 1")?;
                let mut under = conn.prepare_cached(
                    "SELECT name FROM code_names WHERE code >= ?1 AND code < ?2 GROUP BY name ORDER BY sum(n) DESC, name LIMIT 1",
                )?;
                for row in &mut rows {
                    row.name = exact.query_row([&row.actor], |r| r.get(0)).optional()?;
                    if row.name.is_none() {
                        let end = format!("{}~", row.actor);
                        row.name = under.query_row(params![row.actor, end], |r| r.get(0)).optional()?;
                    }
                }
            }
            if let Some(text) = &matching {
                rows.retain(|row| {
                    row.actor.to_lowercase().contains(text.as_str())
                        || row.name.as_deref().is_some_and(|name| name.to_lowercase().contains(text.as_str()))
                });
            }
            rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.actor.cmp(&b.actor)));
            let more = rows.len() > offset + limit;
            let items: Vec<ActorRow> = rows.into_iter().skip(offset).take(limit).collect();
            Ok(Page { items, next: more.then(|| (offset + limit).to_string()) })
        })
    }

    /// Documents whose title or text contain the words of `query`, best match first. Words
    /// are all required and matched by their German or English stem; `"…"` is a phrase; a word
    /// ending in `*` is a prefix.
    pub fn search(&self, query: &str, lang: Option<&str>, page: &PageRequest) -> Result<Page<SearchHit>, StoreError> {
        let limit = page.checked_limit()?;
        let offset = page.offset()?;
        let parsed = parse_query(query)?;
        let lang = lang.map(|lang| closed_value("language", lang, &["de", "en", "und"])).transpose()?;
        self.timed(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT d.doc, -bm25(document_fts, 3.0, 1.0) AS score FROM document_fts
                 JOIN documents d ON d.doc = document_fts.rowid
                 WHERE document_fts MATCH ?1 AND (?2 IS NULL OR d.lang = ?2)
                 ORDER BY bm25(document_fts, 3.0, 1.0), d.doc LIMIT ?3 OFFSET ?4",
            )?;
            let found: Vec<(i64, f64)> = statement
                .query_map(params![parsed.fts, lang, (limit + 1) as i64, offset as i64], |row| {
                    Ok((row.get(0)?, row.get(1)?))
                })?
                .collect::<Result<_, _>>()?;
            let more = found.len() > limit;
            let mut cache = RecordCache::default();
            let mut items = Vec::with_capacity(limit);
            for (doc, score) in found.into_iter().take(limit) {
                let loaded = cache.load(conn, doc)?;
                let view = &loaded.view;
                let sentences = loaded.sentence_bytes();
                items.push(SearchHit {
                    id: view.id.clone(),
                    title: view.title.clone(),
                    published: view.published.clone(),
                    lang: view.lang.clone(),
                    score,
                    snippet: snippet(&view.text, &sentences, &view.lang, &parsed.stems, 240),
                });
            }
            Ok(Page { items, next: more.then(|| (offset + limit).to_string()) })
        })
    }

    /// Stored documents, newest first.
    pub fn documents(&self, filter: &DocumentFilter, page: &PageRequest) -> Result<Page<DocumentRow>, StoreError> {
        let limit = page.checked_limit()?;
        let position = page.position()?;
        let lang =
            filter.lang.as_deref().map(|lang| closed_value("language", lang, &["de", "en", "und"])).transpose()?;
        let fts = filter.text.as_deref().map(parse_query).transpose()?;
        let (from, to) = (
            filter.dates.from.map_or(0, crate::dates::day_key),
            filter.dates.to.map_or(i64::MAX, crate::dates::day_key),
        );
        let dated = !filter.dates.is_open();
        self.timed(|conn| {
            let mut statement = conn.prepare_cached(
                "SELECT d.doc, d.published_key FROM documents d
                 WHERE (?1 IS NULL OR d.lang = ?1)
                   AND (?2 = 0 OR (d.published_key BETWEEN ?3 AND ?4))
                   AND (?5 IS NULL OR (d.published_key, d.doc) < (?5, ?6))
                   AND (?7 IS NULL OR d.doc IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ?7))
                 ORDER BY d.published_key DESC, d.doc DESC LIMIT ?8",
            )?;
            let found: Vec<(i64, i64)> = statement
                .query_map(
                    params![
                        lang,
                        i64::from(dated),
                        from,
                        to,
                        position.map(|p| p.0),
                        position.map(|p| p.1),
                        fts.as_ref().map(|q| q.fts.clone()),
                        (limit + 1) as i64
                    ],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )?
                .collect::<Result<_, _>>()?;
            let next = (found.len() > limit).then(|| format!("{}.{}", found[limit - 1].1, found[limit - 1].0));
            let mut items = Vec::with_capacity(limit);
            for (doc, _) in found.into_iter().take(limit) {
                items.push(document_row(conn, doc)?);
            }
            Ok(Page { items, next })
        })
    }

    /// A stored document by id, with its sources and record.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        self.timed(|conn| {
            let found: Option<(i64, String)> = conn
                .prepare_cached("SELECT doc, record FROM documents WHERE id = ?1")?
                .query_row([id], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?;
            let Some((doc, record)) = found else { return Ok(None) };
            let row = document_row(conn, doc)?;
            let sources = conn
                .prepare_cached("SELECT source, seen_at FROM sources WHERE doc = ?1 ORDER BY seen_at, source")?
                .query_map([doc], |row| Ok(SourceRow { source: row.get(0)?, seen_at: row.get(1)? }))?
                .collect::<Result<_, _>>()?;
            Ok(Some(StoredDocument { row, sources, record }))
        })
    }

    /// Counts over the whole store.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let schema_version = self.schema_version()?;
        self.timed(|conn| {
            let count = |sql: &str| -> Result<u64, StoreError> {
                Ok(conn.query_row(sql, [], |row| row.get::<_, i64>(0))?.max(0) as u64)
            };
            let languages = conn
                .prepare_cached("SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY count(*) DESC, lang")?
                .query_map([], |row| Ok(LangCount { lang: row.get(0)?, documents: row.get::<_, i64>(1)? as u64 }))?
                .collect::<Result<_, _>>()?;
            let event_types = conn
                .prepare_cached(
                    "SELECT substr(key, 6), n_events FROM keys WHERE key >= 'type:' AND key < 'type;' AND n_events > 0
                     ORDER BY n_events DESC, key",
                )?
                .query_map([], |row| Ok(KeyCount { key: row.get(0)?, count: row.get::<_, i64>(1)? as u64 }))?
                .collect::<Result<_, _>>()?;
            Ok(Stats {
                documents: count("SELECT count(*) FROM documents")?,
                sources: count("SELECT count(*) FROM sources")?,
                events: count("SELECT count(*) FROM events")?,
                claims: count("SELECT count(*) FROM claims")?,
                entities: count("SELECT coalesce(sum(n_entities), 0) FROM documents")?,
                languages,
                event_types,
                schema_version,
            })
        })
    }
}

fn document_row(conn: &Connection, doc: i64) -> Result<DocumentRow, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT id, title, published, lang, n_events, n_claims, n_entities, stored_at,
                (SELECT source FROM sources s WHERE s.doc = d.doc ORDER BY seen_at, source LIMIT 1),
                (SELECT count(*) FROM sources s WHERE s.doc = d.doc)
             FROM documents d WHERE doc = ?1",
        )?
        .query_row([doc], |row| {
            Ok(DocumentRow {
                id: row.get(0)?,
                title: row.get(1)?,
                published: row.get(2)?,
                lang: row.get(3)?,
                events: row.get::<_, i64>(4)? as u64,
                claims: row.get::<_, i64>(5)? as u64,
                entities: row.get::<_, i64>(6)? as u64,
                stored_at: row.get(7)?,
                source: row.get::<_, Option<String>>(8)?.unwrap_or_default(),
                sources: row.get::<_, i64>(9)? as u64,
            })
        })?)
}

/// Runs a filter over one layer: the rarest required key drives (its postings are in date
/// order), every other condition is checked per row by an index lookup.
fn select(
    conn: &Connection,
    layer: &Layer,
    conditions: &Conditions,
    page: &PageRequest,
) -> Result<(Vec<Selected>, Option<String>), StoreError> {
    let limit = page.checked_limit()?;
    let position = page.position()?;
    // Resolve keys to ids; a key that no row carries means an empty result.
    let lookup = |key: &str| -> Result<Option<(i64, i64)>, StoreError> {
        let sql = match layer.count {
            "n_events" => "SELECT key_id, n_events FROM keys WHERE key = ?1",
            _ => "SELECT key_id, n_claims FROM keys WHERE key = ?1",
        };
        Ok(conn
            .prepare_cached(sql)?
            .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?
            .filter(|(_, n)| *n > 0))
    };
    let mut required = Vec::new();
    for key in &conditions.all_of {
        match lookup(key)? {
            Some(found) => required.push(found),
            None => return Ok((Vec::new(), None)),
        }
    }
    let mut groups = Vec::new();
    for group in &conditions.any_of {
        let mut ids = Vec::new();
        for key in group {
            if let Some((id, _)) = lookup(key)? {
                ids.push(id);
            }
        }
        if ids.is_empty() {
            return Ok((Vec::new(), None));
        }
        groups.push(ids);
    }
    let document = match &conditions.document {
        Some(id) => match conn
            .prepare_cached("SELECT doc FROM documents WHERE id = ?1")?
            .query_row([id], |row| row.get::<_, i64>(0))
            .optional()?
        {
            Some(doc) => Some(doc),
            None => return Ok((Vec::new(), None)),
        },
        None => None,
    };
    let fts = conditions.text.as_deref().map(parse_query).transpose()?;

    required.sort_by_key(|&(_, count)| count);
    let (id, rows, postings) = (layer.id, layer.rows, layer.postings);
    let mut sql = String::new();
    let mut values: Vec<Value> = Vec::new();
    let driver = required.first().copied();
    // `s` is the table whose order the result follows.
    match driver {
        Some((key_id, _)) => {
            sql.push_str(&format!(
                "SELECT s.{id}, s.sort_key, m.doc, m.idx FROM {postings} s CROSS JOIN {rows} m ON m.{id} = s.{id} WHERE s.key_id = ?"
            ));
            values.push(Value::Integer(key_id));
        }
        None => {
            sql.push_str(&format!("SELECT s.{id}, s.sort_key, s.doc, s.idx FROM {rows} s WHERE 1"));
        }
    }
    // The alias of the layer's own table: `m` beside postings, else `s` itself.
    let m = if driver.is_some() { "m" } else { "s" };
    if !conditions.dates.is_open() {
        let (lowest_first, highest_first, lowest_last) = conditions.dates.sort_key_bounds();
        sql.push_str(&format!(" AND s.sort_key BETWEEN ? AND ? AND {m}.day_to >= ?"));
        values.extend([Value::Integer(lowest_first), Value::Integer(highest_first), Value::Integer(lowest_last)]);
    }
    if let Some((sort_key, row_id)) = position {
        sql.push_str(&format!(" AND (s.sort_key, s.{id}) < (?, ?)"));
        values.extend([Value::Integer(sort_key), Value::Integer(row_id)]);
    }
    for &(key_id, _) in required.iter().skip(usize::from(driver.is_some())) {
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM {postings} k WHERE k.key_id = ? AND k.sort_key = s.sort_key AND k.{id} = s.{id})"
        ));
        values.push(Value::Integer(key_id));
    }
    for group in &groups {
        let marks = vec!["?"; group.len()].join(", ");
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM {postings} k WHERE k.key_id IN ({marks}) AND k.sort_key = s.sort_key AND k.{id} = s.{id})"
        ));
        values.extend(group.iter().map(|&id| Value::Integer(id)));
    }
    if let Some(doc) = document {
        sql.push_str(&format!(" AND {m}.doc = ?"));
        values.push(Value::Integer(doc));
    }
    if let Some(query) = &fts {
        sql.push_str(&format!(" AND {m}.doc IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ?)"));
        values.push(Value::Text(query.fts.clone()));
    }
    sql.push_str(&format!(" ORDER BY s.sort_key DESC, s.{id} DESC LIMIT ?"));
    values.push(Value::Integer((limit + 1) as i64));

    let mut statement = conn.prepare_cached(&sql)?;
    let mut selected: Vec<Selected> = statement
        .query_map(params_from_iter(values), |row| {
            Ok(Selected {
                id: row.get(0)?,
                sort_key: row.get(1)?,
                doc: row.get(2)?,
                idx: row.get::<_, i64>(3)? as usize,
            })
        })?
        .collect::<Result<_, _>>()?;
    let next = (selected.len() > limit).then(|| {
        selected.truncate(limit);
        let last = &selected[limit - 1];
        format!("{}.{}", last.sort_key, last.id)
    });
    Ok((selected, next))
}
