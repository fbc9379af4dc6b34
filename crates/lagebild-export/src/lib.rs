//! Exports of the stored events to the formats other tools read (docs/export.md):
//!
//! - [`Format::Plover`]: PLOVER JSON Lines, one event per line, with the field names of the
//!   PLOVER manual's data-field chapter (`id`, `date`, `actor`, `recipient`, `event`, `mode`,
//!   `context`, `event_loc`, …) and lagebild's own fields beside them.
//! - [`Format::GdeltEvents`] and [`Format::GdeltMentions`]: GDELT 2.0's event table (61
//!   columns) and mention table (16 columns), tab-separated, in GDELT's column order; columns
//!   lagebild does not produce are left empty.
//! - [`Format::Csv`]: one row per event for spreadsheets.
//!
//! The events are chosen by the store's own filter ([`EventFilter`], the filters of `lagebild
//! events` and of the API), newest first, and read page by page; each document's record is
//! read once for the offsets and coordinates the store's rows do not carry.
//!
//! ```
//! use lagebild_export::{Format, Options, export};
//! use lagebild_store::{EventFilter, Store};
//!
//! let store = Store::open_in_memory().unwrap();
//! let mut out = Vec::new();
//! let summary = export(&store, &EventFilter::default(), Format::Csv, &Options::default(), &mut out).unwrap();
//! assert_eq!(summary.events, 0);
//! assert!(String::from_utf8(out).unwrap().starts_with("document,event,"));
//! ```

mod codes;
mod dates;
mod gdelt;
mod plover;
mod record;
mod table;

use std::collections::HashMap;
use std::io::{self, Write};

use lagebild_store::{EventFilter, EventRow, PageRequest, Store, StoreError};

pub use codes::global_event_id;
pub use dates::{DateSpan, Precision, timex_span};
pub use gdelt::{GDELT_EVENT_COLUMNS, GDELT_EVENT_EMPTY, GDELT_MENTION_COLUMNS, GDELT_MENTION_EMPTY};
pub use table::CSV_COLUMNS;

use record::{Loaded, RecordView};

/// The formats `lagebild export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// PLOVER JSON Lines.
    Plover,
    /// GDELT 2.0 event table, tab-separated.
    GdeltEvents,
    /// GDELT 2.0 mention table, tab-separated.
    GdeltMentions,
    /// CSV for spreadsheets, with a header row.
    Csv,
}

impl Format {
    /// The format's name on the command line (`gdelt-events`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Plover => "plover",
            Format::GdeltEvents => "gdelt-events",
            Format::GdeltMentions => "gdelt-mentions",
            Format::Csv => "csv",
        }
    }
}

/// How to write an export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Start the GDELT tables with a line of column names (GDELT's own files have none).
    pub gdelt_header: bool,
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Events exported.
    pub events: u64,
    /// Lines or rows written, without a header.
    pub rows: u64,
}

/// What went wrong in an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The filter is not one the store can use, or reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored document could not be read back.
    #[error("stored document {document}: {reason}")]
    Damaged { document: String, reason: String },
    /// Writing the output failed.
    #[error("writing the export: {0}")]
    Write(#[from] io::Error),
}

impl From<csv::Error> for ExportError {
    fn from(error: csv::Error) -> ExportError {
        match error.into_kind() {
            csv::ErrorKind::Io(error) => ExportError::Write(error),
            other => ExportError::Write(io::Error::other(format!("{other:?}"))),
        }
    }
}

/// Events read from the store per page.
const PAGE: usize = 1000;
/// Documents kept parsed at once; events come newest first, so a document's events are
/// usually close together.
const CACHED_DOCUMENTS: usize = 256;

/// One event with everything the formats write about it.
pub(crate) struct Item<'a> {
    pub(crate) row: &'a EventRow,
    pub(crate) document: &'a Loaded,
    pub(crate) event: &'a record::EventView,
}

/// Writes the events that match `filter` to `out` in `format`, newest first.
pub fn export(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    options: &Options,
    out: &mut dyn Write,
) -> Result<Summary, ExportError> {
    let mut writer = match format {
        Format::Plover => Writer::Plover(out),
        Format::GdeltEvents | Format::GdeltMentions => {
            if options.gdelt_header {
                let columns: &[&str] =
                    if format == Format::GdeltEvents { &GDELT_EVENT_COLUMNS } else { &GDELT_MENTION_COLUMNS };
                writeln!(out, "{}", columns.join("\t"))?;
            }
            Writer::Gdelt(format, out)
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            csv.write_record(CSV_COLUMNS)?;
            Writer::Csv(Box::new(csv))
        }
    };
    let mut documents: HashMap<String, Loaded> = HashMap::new();
    let mut summary = Summary::default();
    let mut cursor = None;
    loop {
        let page = store.events(filter, &PageRequest::new(PAGE, cursor.take()))?;
        for row in &page.items {
            if !documents.contains_key(&row.document) {
                if documents.len() >= CACHED_DOCUMENTS {
                    documents.clear();
                }
                documents.insert(row.document.clone(), load(store, &row.document)?);
            }
            let document = &documents[&row.document];
            let damaged = |reason: String| ExportError::Damaged { document: row.document.clone(), reason };
            let index: usize = row
                .id
                .strip_prefix('v')
                .and_then(|index| index.parse().ok())
                .ok_or_else(|| damaged(format!("{:?} is not an event id", row.id)))?;
            let event = document.record.events.get(index).ok_or_else(|| damaged(format!("no event {}", row.id)))?;
            summary.rows += writer.write(&Item { row, document, event })?;
            summary.events += 1;
        }
        match page.next {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    writer.finish()?;
    Ok(summary)
}

fn load(store: &Store, id: &str) -> Result<Loaded, ExportError> {
    let damaged = |reason: String| ExportError::Damaged { document: id.to_owned(), reason };
    let stored = store.document(id)?.ok_or_else(|| damaged("listed with events but not found".to_owned()))?;
    let record: RecordView =
        serde_json::from_str(&stored.record).map_err(|error| damaged(format!("damaged record: {error}")))?;
    let sources = stored.sources.into_iter().map(|source| source.source).collect();
    Ok(Loaded::new(record, sources, stored.row.stored_at))
}

enum Writer<'a> {
    Plover(&'a mut dyn Write),
    Gdelt(Format, &'a mut dyn Write),
    Csv(Box<csv::Writer<&'a mut dyn Write>>),
}

impl Writer<'_> {
    /// Writes one event; returns the rows written.
    fn write(&mut self, item: &Item) -> Result<u64, ExportError> {
        match self {
            Writer::Plover(out) => {
                let line = serde_json::to_string(&plover::record(item)).map_err(io::Error::other)?;
                writeln!(out, "{line}")?;
            }
            Writer::Gdelt(Format::GdeltEvents, out) => gdelt::write_row(out, &gdelt::event_row(item))?,
            Writer::Gdelt(_, out) => gdelt::write_row(out, &gdelt::mention_row(item))?,
            Writer::Csv(csv) => csv.write_record(table::row(item))?,
        }
        Ok(1)
    }

    fn finish(self) -> Result<(), ExportError> {
        match self {
            Writer::Plover(out) | Writer::Gdelt(_, out) => out.flush()?,
            Writer::Csv(mut csv) => csv.flush()?,
        }
        Ok(())
    }
}
