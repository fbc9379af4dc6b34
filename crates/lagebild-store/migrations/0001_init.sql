-- lagebild store, schema version 1: records, their sources, index tables for filters and
-- full-text search. Index tables are derived from the records and can be rebuilt from them.

-- Settings of the store itself (the analysis generation, a reanalysis in progress).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per distinct text. `record` is the document's JSON record (docs/format.md) as the
-- pipeline wrote it; everything else in the store is derived from it.
CREATE TABLE documents (
    doc          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of the text, lowercase hex
    lang         TEXT NOT NULL,
    published    TEXT,                   -- YYYY-MM-DD
    published_key INTEGER NOT NULL,      -- published as YYYYMMDD, 0 when unknown; the sort key
    title        TEXT,
    input_lang   TEXT,                   -- the language the input declared, for reanalysis
    record       TEXT NOT NULL,
    n_events     INTEGER NOT NULL,
    n_claims     INTEGER NOT NULL,
    n_entities   INTEGER NOT NULL,
    generation   INTEGER NOT NULL,       -- the analysis generation that wrote `record`
    stored_at    TEXT NOT NULL           -- UTC, RFC 3339
);
CREATE INDEX documents_by_date ON documents (published_key, doc);
CREATE INDEX documents_by_generation ON documents (generation, doc);

-- Every source a text came from (a path with :line, a URL, `-`).
CREATE TABLE sources (
    doc     INTEGER NOT NULL,
    source  TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (doc, source)
) WITHOUT ROWID;

-- The filter vocabulary: one row per key (`type:ASSAULT`, `actor:code:RUS`, `speaker:name:…`),
-- with the number of events and claims that carry it.
CREATE TABLE keys (
    key_id   INTEGER PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,
    n_events INTEGER NOT NULL DEFAULT 0,
    n_claims INTEGER NOT NULL DEFAULT 0
);

-- One row per event of a record. `sort_key` is the first day of the event's date (YYYYMMDD,
-- 0 when none), `day_to` its last; `key_ids` lists the keys of its postings.
CREATE TABLE events (
    eid      INTEGER PRIMARY KEY,
    doc      INTEGER NOT NULL,
    idx      INTEGER NOT NULL,
    sort_key INTEGER NOT NULL,
    day_to   INTEGER NOT NULL,
    key_ids  TEXT NOT NULL,
    UNIQUE (doc, idx)
);
CREATE INDEX events_by_date ON events (sort_key);

-- Postings: which events carry which key, in date order within a key.
CREATE TABLE event_keys (
    key_id   INTEGER NOT NULL,
    sort_key INTEGER NOT NULL,
    eid      INTEGER NOT NULL,
    PRIMARY KEY (key_id, sort_key, eid)
) WITHOUT ROWID;

CREATE TABLE claims (
    cid      INTEGER PRIMARY KEY,
    doc      INTEGER NOT NULL,
    idx      INTEGER NOT NULL,
    sort_key INTEGER NOT NULL,
    day_to   INTEGER NOT NULL,
    key_ids  TEXT NOT NULL,
    UNIQUE (doc, idx)
);
CREATE INDEX claims_by_date ON claims (sort_key);

CREATE TABLE claim_keys (
    key_id   INTEGER NOT NULL,
    sort_key INTEGER NOT NULL,
    cid      INTEGER NOT NULL,
    PRIMARY KEY (key_id, sort_key, cid)
) WITHOUT ROWID;

-- Full-text search over stemmed title and text (German or English Snowball stems, lowercase
-- words for other languages). Contentless: the words live in `documents.record`.
CREATE VIRTUAL TABLE document_fts USING fts5 (
    title, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
