//! The WARC reader on arbitrary bytes, read as they are (plain, or gzip where they begin
//! so), and wrapped in a valid gzip member, so that the fuzzer reaches the record parser
//! behind the gzip framing too.

#![no_main]

use std::io::{Cursor, Write};

use lagebild_ingest::WarcDocuments;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn read(bytes: Vec<u8>) {
    let mut docs = WarcDocuments::new("fuzz.warc", Box::new(Cursor::new(bytes)));
    let mut errors = 0;
    for result in docs.by_ref() {
        match result {
            Ok(doc) => common::check(&doc),
            Err(_) => errors += 1,
        }
    }
    let stats = docs.stats();
    assert_eq!(stats.errors, errors);
    assert!(stats.documents + stats.skipped_records + stats.skipped_payloads <= stats.records);
}

fuzz_target!(|data: &[u8]| {
    read(data.to_vec());
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gzip.write_all(data).expect("writing to memory");
    read(gzip.finish().expect("writing to memory"));
});
