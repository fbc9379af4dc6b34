//! The HTML reader on arbitrary bytes: as a page (charset detection, extraction, metadata)
//! and as a feed item's fragment; also format sniffing.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let _ = lagebild_ingest::Format::sniff(data);
    if let Ok(article) = lagebild_ingest::extract_article(data, None) {
        let doc = article.clone();
        common::check(&lagebild_ingest::RawDocument {
            id: lagebild_ingest::content_id(&doc.text),
            source: String::new(),
            title: doc.title,
            url: None,
            published: doc.published,
            published_time: None,
            lang: doc.lang,
            text: doc.text,
        });
    }
    let text = lagebild_ingest::fragment_text(&String::from_utf8_lossy(data));
    assert_eq!(text.trim(), text);
});
