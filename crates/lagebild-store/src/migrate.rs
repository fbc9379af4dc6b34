//! Versioned migrations. The schema version is SQLite's `user_version`; each migration is a
//! SQL file plus, where the new tables need data, a backfill from the stored records. Each runs
//! in its own transaction, so a database is always at one version or the next.

use std::path::Path;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::record::RecordView;
use crate::{APPLICATION_ID, StoreError};

/// Fills new tables of a migration from the stored records.
type Backfill = fn(&Transaction<'_>) -> Result<(), StoreError>;

/// One step of the schema.
pub struct Migration {
    pub version: u32,
    /// The SQL that takes the schema from `version - 1` to `version`.
    pub sql: &'static str,
    backfill: Option<Backfill>,
}

/// Every migration, in order. Never edit a released one: add the next.
pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, sql: include_str!("../migrations/0001_init.sql"), backfill: None },
    Migration {
        version: 2,
        sql: include_str!("../migrations/0002_code_names.sql"),
        backfill: Some(backfill_code_names),
    },
];

/// The schema version this build writes.
pub const LATEST_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    let version = |conn: &Connection| -> Result<u32, StoreError> {
        Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
    };
    if version(conn)? == LATEST_VERSION {
        return Ok(());
    }
    for migration in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read again inside the transaction: another process may have migrated meanwhile.
        let current = version(&tx)?;
        if current > LATEST_VERSION {
            return Err(StoreError::TooNew { path: path.to_owned(), found: current, known: LATEST_VERSION });
        }
        if current >= migration.version {
            continue;
        }
        tx.execute_batch(migration.sql)?;
        if let Some(backfill) = migration.backfill {
            backfill(&tx)?;
        }
        // PRAGMA takes no parameters; both values are constants of this crate.
        tx.execute_batch(&format!(
            "PRAGMA user_version = {}; PRAGMA application_id = {APPLICATION_ID};",
            migration.version
        ))?;
        tx.commit()?;
    }
    Ok(())
}

/// Version 2: the names of actor codes, counted over the entities of every stored record.
fn backfill_code_names(tx: &Transaction<'_>) -> Result<(), StoreError> {
    let mut select = tx.prepare("SELECT id, record FROM documents")?;
    let mut rows = select.query([])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        let record: String = row.get(1)?;
        let view = RecordView::parse(&record)
            .map_err(|error| StoreError::Damaged { id: id.clone(), reason: error.to_string() })?;
        crate::write::count_code_names(tx, &view, 1)?;
    }
    Ok(())
}
