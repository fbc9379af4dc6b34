//! The embedded store of lagebild: every document's record in one SQLite file, index tables
//! for the fields analysts filter on, and full-text search with German and English stems.
//!
//! The record (docs/format.md) is the truth; everything else in the database is derived from
//! it and can be rebuilt. A text is stored once, found by the SHA-256 of its text, with every
//! source it came from. Events and claims are indexed under *keys* (`type:MOBILIZE`,
//! `actor:code:RUS`, `speaker:name:moskau`, `stance:deny`, see [`ActorRef`]), each key holding
//! its postings in date order, so that a filter walks the rarest of its keys newest first and
//! checks the others by index lookups. A new filterable field is a new family of keys: a
//! migration adds it by re-indexing the stored records, and old databases keep opening.
//!
//! One [`Store`] is one connection. One writer at a time (batches in transactions, WAL mode,
//! so readers never wait for it and a killed writer loses no committed batch); any number of
//! readers, each with its own [`Store`]. Nothing here builds SQL from values: every value is a
//! bound parameter.
//!
//! ```
//! use lagebild_store::{EventFilter, NewDocument, OnConflict, PageRequest, Put, Store};
//!
//! let mut store = Store::open_in_memory().unwrap();
//! let record = r#"{"format_version":"1","id":"d1","source":"a.txt","title":null,"published":"2024-05-14",
//!     "lang":"de","lang_detected":"de","text":"Kim reiste ab.","sentences":[{"start":0,"end":14}],
//!     "entities":[],"times":[],"quantities":[],"claims":[],"events":[]}"#;
//! let put = Put::Record(NewDocument { record: record.replace('\n', ""), input_lang: None });
//! store.put_batch(&[put], OnConflict::Skip).unwrap();
//! assert_eq!(store.stats().unwrap().documents, 1);
//! assert_eq!(store.search("Reiste", None, &PageRequest::default()).unwrap().items[0].id, "d1");
//! assert!(store.events(&EventFilter::default(), &PageRequest::default()).unwrap().items.is_empty());
//! ```

mod build;
mod dates;
mod keys;
mod migrate;
mod query;
mod record;
mod rows;
mod text;
mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};

pub use dates::DateRange;
pub use keys::{ActorRef, MAX_FILTER_CHARS};
pub use migrate::{LATEST_VERSION, MIGRATIONS};
pub use query::{ActorBy, ActorFilter, ClaimFilter, DocumentFilter, EventFilter, MAX_PAGE_SIZE, PageRequest};
pub use rows::*;
pub use text::MAX_QUERY_CHARS;
pub use write::{NewDocument, OnConflict, Put, PutOutcome, ReanalysisStatus, StoredText};

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A filter, cursor or query the store cannot use: the caller's mistake, in plain words.
    #[error("{0}")]
    Invalid(String),
    /// The file is a SQLite database of something else.
    #[error("{0}: not a lagebild database")]
    NotLagebild(PathBuf),
    /// The database was written by a newer lagebild.
    #[error("{path}: written by a newer lagebild (schema version {found}; this one knows up to {known})")]
    TooNew { path: PathBuf, found: u32, known: u32 },
    /// A query ran past the deadline set with [`Store::set_query_timeout`].
    #[error("the query took longer than {0:?} and was stopped")]
    Timeout(Duration),
    /// A stored record could not be read back.
    #[error("stored document {id}: damaged record: {reason}")]
    Damaged { id: String, reason: String },
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    pub(crate) fn invalid(message: impl Into<String>) -> StoreError {
        StoreError::Invalid(message.into())
    }
}

/// The SHA-256 of a text, lowercase hex: how the store recognises a text it already holds.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

/// `application_id` of a lagebild database ("LGBD").
const APPLICATION_ID: i32 = 0x4C47_4244;

/// One connection to a store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Key string to key id, for writing. Cleared when a batch fails.
    key_ids: HashMap<String, i64>,
    /// When the running query must stop, checked by SQLite's progress handler.
    deadline: Arc<Mutex<Option<Instant>>>,
    timeout: Option<Duration>,
}

impl Store {
    /// Opens the database at `path`, creating it if absent and migrating it to the latest
    /// schema. Fails on a SQLite file that is not a lagebild database, or one written by a
    /// newer version.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        Store::setup(conn, path.to_owned())
    }

    /// A store in memory, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::setup(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn setup(mut conn: Connection, path: PathBuf) -> Result<Store, StoreError> {
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.set_prepared_statement_cache_capacity(64);
        let application_id: i32 = conn.query_row("PRAGMA application_id", [], |row| row.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
        if application_id != APPLICATION_ID && (application_id != 0 || tables > 0) {
            return Err(StoreError::NotLagebild(path));
        }
        // WAL: readers see the last committed batch while a writer works; a killed writer
        // leaves the database as of its last commit. FULL: a commit is on disk when it returns.
        let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
        conn.execute_batch(
            "PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;
             PRAGMA mmap_size = 1073741824;",
        )?;
        migrate::migrate(&mut conn, &path)?;
        let deadline: Arc<Mutex<Option<Instant>>> = Arc::new(Mutex::new(None));
        let watched = Arc::clone(&deadline);
        conn.progress_handler(
            1_000,
            Some(move || {
                let deadline = *watched.lock().unwrap_or_else(|poison| poison.into_inner());
                deadline.is_some_and(|deadline| Instant::now() >= deadline)
            }),
        )?;
        Ok(Store { conn, path, key_ids: HashMap::new(), deadline, timeout: None })
    }

    /// The path this store was opened at.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes every later query of this connection stop with [`StoreError::Timeout`] when it
    /// runs longer than `timeout`; `None` lets queries run.
    pub fn set_query_timeout(&mut self, timeout: Option<Duration>) {
        self.timeout = timeout;
    }

    /// Refuses every write on this connection from now on: for connections that serve reads.
    pub fn make_read_only(&self) -> Result<(), StoreError> {
        self.conn.execute_batch("PRAGMA query_only = ON")?;
        Ok(())
    }

    /// The schema version of the database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    /// Runs `work` under the query deadline, turning an interruption into [`StoreError::Timeout`].
    pub(crate) fn timed<T>(&self, work: impl FnOnce(&Connection) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let Some(timeout) = self.timeout else { return work(&self.conn) };
        *self.deadline.lock().unwrap_or_else(|poison| poison.into_inner()) = Some(Instant::now() + timeout);
        let result = work(&self.conn);
        *self.deadline.lock().unwrap_or_else(|poison| poison.into_inner()) = None;
        match result {
            Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(error, _)))
                if error.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                Err(StoreError::Timeout(timeout))
            }
            other => other,
        }
    }

    /// Checks the database: SQLite's integrity check, the full-text index, and that the index
    /// tables agree with the records. Returns the problems found, none when all is well.
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        let conn = &self.conn;
        let mut problems = Vec::new();
        let mut statement = conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = statement.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
        if lines != ["ok"] {
            problems.extend(lines.into_iter().map(|line| format!("integrity: {line}")));
        }
        if let Err(error) = conn.execute("INSERT INTO document_fts (document_fts) VALUES ('integrity-check')", []) {
            problems.push(format!("full-text index: {error}"));
        }
        let checks = [
            (
                "documents whose event count differs from their indexed events",
                "SELECT count(*) FROM documents d WHERE n_events != (SELECT count(*) FROM events e WHERE e.doc = d.doc)",
            ),
            (
                "documents whose claim count differs from their indexed claims",
                "SELECT count(*) FROM documents d WHERE n_claims != (SELECT count(*) FROM claims c WHERE c.doc = d.doc)",
            ),
            (
                "documents without a source",
                "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.doc = d.doc)",
            ),
            (
                "sources of no document",
                "SELECT count(*) FROM sources s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc = s.doc)",
            ),
            (
                "events of no document",
                "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc = e.doc)",
            ),
            (
                "claims of no document",
                "SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc = c.doc)",
            ),
            (
                "keys whose event count differs from their postings",
                "SELECT count(*) FROM keys k WHERE n_events != (SELECT count(*) FROM event_keys p WHERE p.key_id = k.key_id)",
            ),
            (
                "keys whose claim count differs from their postings",
                "SELECT count(*) FROM keys k WHERE n_claims != (SELECT count(*) FROM claim_keys p WHERE p.key_id = k.key_id)",
            ),
            (
                "event postings of no event",
                "SELECT count(*) FROM event_keys p WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.eid = p.eid AND e.sort_key = p.sort_key)",
            ),
            (
                "claim postings of no claim",
                "SELECT count(*) FROM claim_keys p WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.cid = p.cid AND c.sort_key = p.sort_key)",
            ),
        ];
        for (what, sql) in checks {
            let count: i64 = conn.query_row(sql, [], |row| row.get(0))?;
            if count > 0 {
                problems.push(format!("{count} {what}"));
            }
        }
        let fts_rows: i64 = conn.query_row("SELECT count(*) FROM document_fts", [], |row| row.get(0))?;
        let documents: i64 = conn.query_row("SELECT count(*) FROM documents", [], |row| row.get(0))?;
        if fts_rows != documents {
            problems.push(format!("{fts_rows} rows in the full-text index for {documents} documents"));
        }
        Ok(problems)
    }
}
