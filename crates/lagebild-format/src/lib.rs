//! The JSON contract of lagebild: a [`Document`] as one JSON object per document (JSON Lines),
//! and as a readable text summary.
//!
//! This crate is the only place that knows the wire format; `docs/format.md` documents it for
//! users and `schema/document.schema.json` ([`SCHEMA`]) states it as a JSON Schema. The
//! document model keeps UTF-8 byte ranges; the record carries **character** offsets (Unicode
//! scalar values) into its `text`, so that Python's `text[start:end]` is the span. The
//! conversion uses one byte-to-character index per document.
//!
//! ```
//! use lagebild_doc::{Document, Lang, Meta, Sentence, TextRange};
//! use lagebild_format::{OutputOptions, to_json, to_json_line};
//!
//! let mut doc = Document::new(Meta::new("d1", "-"), "Größer wird’s nicht.".to_owned());
//! doc.meta.lang = Lang::De;
//! doc.sentences.push(Sentence { range: TextRange::from_usize(0, doc.text().len()) });
//!
//! let record = to_json(&doc, &OutputOptions::default());
//! assert_eq!(record["sentences"][0]["end"], 20); // characters, not the 24 bytes
//! assert!(record.get("tokens").is_none()); // only with `OutputOptions { tokens: true }`
//! assert!(to_json_line(&doc, &OutputOptions::default()).starts_with(r#"{"format_version":"1","id":"d1","#));
//! ```
//!
//! With the cargo feature `check` (meant for the dev-dependencies of other crates), `check_record`
//! validates a record against the schema and checks every offset, text and id in it.

#[cfg(any(test, feature = "check"))]
mod check;
mod offsets;
mod record;
mod text;

#[cfg(test)]
mod tests;

use lagebild_doc::Document;

#[cfg(any(test, feature = "check"))]
pub use check::check_record;
pub use text::render_text;

/// The JSON Schema (draft 2020-12) of one record.
pub const SCHEMA: &str = include_str!("../../../schema/document.schema.json");

/// What goes into a record beyond the always-present layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OutputOptions {
    /// Write the `tokens` layer; the key is absent otherwise.
    pub tokens: bool,
}

/// The record of a document as a JSON value.
///
/// A `serde_json::Value` object does not keep key order unless serde_json's `preserve_order`
/// feature is on; [`to_json_line`] always writes the contract's order.
pub fn to_json(doc: &Document, options: &OutputOptions) -> serde_json::Value {
    serde_json::to_value(record::Record::new(doc, options)).expect("a record has string keys only")
}

/// The record of a document as one line of JSON, keys in the contract's order, without a
/// trailing newline.
pub fn to_json_line(doc: &Document, options: &OutputOptions) -> String {
    serde_json::to_string(&record::Record::new(doc, options)).expect("a record has string keys only")
}
