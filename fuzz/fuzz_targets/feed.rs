//! The RSS and Atom reader on arbitrary bytes.

#![no_main]

use lagebild_ingest::Format;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let reader = Format::Feed.reader();
    for doc in reader.read("fuzz.rss", Box::new(std::io::Cursor::new(data.to_vec()))).flatten() {
        common::check(&doc);
    }
});
