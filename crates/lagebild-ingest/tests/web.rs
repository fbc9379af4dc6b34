//! The web readers on files written by other tools: pages and feeds shaped as sites publish
//! them, and WARC archives written by GNU Wget (see `tests/fixtures/web/README.md`), plus
//! broken archives derived from them.

use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use lagebild_ingest::{
    Format, Input, Part, RawDocument, ReadError, ReadErrorKind, WarcDocuments, WarcStats, read_inputs,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web").join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn read(format: Format, name: &str, bytes: Vec<u8>) -> Vec<Result<RawDocument, ReadError>> {
    format.reader().read(name, Box::new(Cursor::new(bytes))).collect()
}

fn one(format: Format, name: &str) -> RawDocument {
    let mut docs = read(format, name, bytes(name));
    assert_eq!(docs.len(), 1);
    docs.remove(0).unwrap()
}

fn date(doc: &RawDocument) -> Option<String> {
    doc.published.map(|date| date.to_string())
}

const NACHRICHT: &str = "Der Stadtrat von Flussheim hat am Donnerstagabend mit großer Mehrheit eine neue \
Fährverbindung über den Strom beschlossen.

Die Fähre soll ab dem Sommer im Halbstundentakt zwischen dem Nordanleger und dem neuen Gewerbegebiet pendeln. \
Nach Angaben der Verwaltung kostet der Betrieb rund 450\u{a0}000 Euro im Jahr, von denen das Land die Hälfte übernimmt.

„Wir bringen die beiden Ufer endlich wieder zusammen“, sagte Bürgermeisterin Petra Muster nach der Abstimmung. \
Die Opposition kritisierte dagegen die Kosten & forderte eine Probezeit von zwei Jahren.

Was sich für Pendler ändert

Pendler sollen die Fähre mit dem gewöhnlichen Monatsticket nutzen können. Fahrräder werden kostenlos befördert.

Die erste Fahrt ist für den 1. Juni geplant; bis dahin wird der Anleger am Gewerbegebiet ausgebaut.";

#[test]
fn an_article_page_keeps_the_article_and_drops_everything_around_it() {
    let doc = one(Format::Html, "site/nachricht.html");
    assert_eq!(doc.text.replace('\u{a0}', " "), NACHRICHT.replace('\u{a0}', " "));
    assert_eq!(doc.title.as_deref(), Some("Stadtrat beschließt neue Fährverbindung"));
    assert_eq!(date(&doc).as_deref(), Some("2024-03-07"));
    assert_eq!(doc.lang.as_deref(), Some("de"));
    assert_eq!((doc.source.as_str(), doc.url.as_deref()), ("site/nachricht.html", None));
    assert_eq!(doc.id, lagebild_ingest::content_id(&doc.text));
    for boilerplate in [
        "Cookies",
        "Politik",
        "Startseite",
        "Foto",
        "Anzeige",
        "Teilen",
        "Mehr zum Thema",
        "Endlich",
        "Impressum",
        "gtag",
        "font-family",
        "Jana",
    ] {
        assert!(!doc.text.contains(boilerplate), "{boilerplate:?} should be dropped");
    }
}

#[test]
fn a_windows_1252_page_is_decoded_and_dated_by_its_time_element() {
    let doc = one(Format::Html, "site/report.html");
    let paragraphs: Vec<_> = doc.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
    assert!(paragraphs[0].starts_with("The harbour authority of Port Wessel said on Thursday"));
    assert!(paragraphs[1].starts_with("“The new silos paid off sooner than we expected,” the authority’s director"));
    assert!(paragraphs[2].ends_with("the rule rather than the exception – a claim the authority denies."));
    assert_eq!(doc.title.as_deref(), Some("Harbour authority reports record grain exports"));
    assert_eq!((date(&doc).as_deref(), doc.lang.as_deref()), (Some("2024-02-29"), Some("en")));
}

#[test]
fn an_undeclared_latin1_page_is_guessed() {
    let doc = one(Format::Html, "site/latin1.html");
    assert!(doc.text.starts_with("Nach tagelangem Regen sinkt der Pegel am Oberlauf des Flusses"), "{}", doc.text);
    assert!(doc.text.contains("Die Straße zwischen Mühlbach und Grünau"));
    assert_eq!(doc.text.split("\n\n").count(), 2);
    assert_eq!(doc.title.as_deref(), Some("Hochwasser: Pegel am Oberlauf sinkt wieder"));
    assert_eq!((doc.published, doc.lang), (None, None));
}

#[test]
fn a_page_without_article_text_is_an_error() {
    let docs = read(Format::Html, "leer.html", bytes("site/leer.html"));
    assert_eq!(docs[0].as_ref().unwrap_err().to_string(), "leer.html: no article text in the HTML page");
}

#[test]
fn an_rss_feed_is_a_document_per_item() {
    let docs = read(Format::Feed, "feed.rss", bytes("site/feed.rss"));
    assert_eq!(docs.len(), 3);
    let first = docs[0].as_ref().unwrap();
    assert_eq!(
        first.text,
        "Der Stadtrat von Flussheim hat am Donnerstagabend mit großer Mehrheit eine neue Fährverbindung über den \
         Strom beschlossen.\n\nDie Fähre soll ab dem Sommer im Halbstundentakt pendeln."
    );
    assert_eq!(first.source, "http://127.0.0.1/nachricht.html");
    assert_eq!(
        (first.title.as_deref(), date(first).as_deref()),
        (Some("Stadtrat beschließt neue Fährverbindung"), Some("2024-03-07"))
    );
    assert_eq!(first.lang.as_deref(), Some("de"));
    let second = docs[1].as_ref().unwrap();
    assert_eq!(
        second.text,
        "Nach tagelangem Regen sinkt der Pegel am Oberlauf des Flusses seit Dienstagmorgen langsam."
    );
    assert_eq!(date(second).as_deref(), Some("2024-03-05"));
    let error = docs[2].as_ref().unwrap_err();
    assert_eq!(
        error.part.as_deref(),
        Some(&Part::Item { number: 3, link: Some("http://127.0.0.1/bild.html".to_owned()) })
    );
    assert!(matches!(error.kind, ReadErrorKind::NoItemText));
}

#[test]
fn an_atom_feed_is_a_document_per_entry() {
    let docs = read(Format::Feed, "atom.xml", bytes("site/atom.xml"));
    let docs: Vec<_> = docs.into_iter().map(Result::unwrap).collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].title.as_deref(), Some("Harbour authority reports record grain exports"));
    assert!(docs[0].text.starts_with("The harbour authority of Port Wessel said on Thursday"));
    assert_eq!(docs[0].text.split("\n\n").count(), 2);
    // The date as written, not shifted to UTC.
    assert_eq!(date(&docs[0]).as_deref(), Some("2024-02-29"));
    assert_eq!((docs[0].url.as_deref(), docs[0].lang.as_deref()), (Some("http://127.0.0.1/report.html"), Some("en")));
    // Without content the summary is the text, and without a publication date the update date is taken.
    assert_eq!(docs[1].text, "Fares on the coastal ferry will rise by eight per cent in May, the operator said.");
    assert_eq!(date(&docs[1]).as_deref(), Some("2024-02-27"));
}

#[test]
fn a_feed_that_is_not_xml_is_one_error() {
    let docs = read(Format::Feed, "broken.rss", b"this is no feed".to_vec());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].as_ref().unwrap_err().to_string(), "broken.rss: not an RSS or Atom feed: the input is not XML");
    // A feed cut inside its second item keeps the first.
    let docs = read(Format::Feed, "cut.rss", bytes("site/feed.rss")[..1400].to_vec());
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].as_ref().unwrap().source, "http://127.0.0.1/nachricht.html");
    assert_eq!(
        docs[1].as_ref().unwrap_err().to_string(),
        "cut.rss: item 2 (http://127.0.0.1/latin1.html): malformed feed XML: the feed ends inside this item"
    );
}

/// Every outcome of an archive as `source title` or the error, and its stats.
fn warc(name: &str, bytes: Vec<u8>) -> (Vec<String>, WarcStats) {
    let mut docs = WarcDocuments::new(name, Box::new(BufReader::new(Cursor::new(bytes))));
    let outcomes = docs
        .by_ref()
        .map(|result| match result {
            Ok(doc) => format!("{} {}", doc.source, doc.title.unwrap_or_default()),
            Err(error) => error.to_string(),
        })
        .collect();
    (outcomes, docs.stats())
}

const CRAWL: [&str; 4] = [
    "http://127.0.0.1:8765/nachricht.html Stadtrat beschließt neue Fährverbindung",
    "http://127.0.0.1:8765/report.html Harbour authority reports record grain exports",
    "http://127.0.0.1:8765/latin1.html Hochwasser: Pegel am Oberlauf sinkt wieder",
    "",
];

#[test]
fn a_wget_warc_gz_is_a_document_per_html_response() {
    let (outcomes, stats) = warc("crawl.warc.gz", bytes("crawl.warc.gz"));
    let mut expected = CRAWL.map(str::to_owned);
    expected[3] =
        "crawl.warc.gz: record 9 at byte 6639 (http://127.0.0.1:8765/leer.html): no article text in the HTML page"
            .into();
    assert_eq!(outcomes, expected);
    // warcinfo, 7 requests, metadata and two resources are skipped records; the JSON, the 404 and the feed
    // skipped payloads.
    assert_eq!(stats, WarcStats { records: 18, documents: 3, skipped_records: 11, skipped_payloads: 3, errors: 1 });
}

#[test]
fn a_plain_warc_reads_the_same() {
    let (outcomes, stats) = warc("crawl-plain.warc", bytes("crawl-plain.warc"));
    assert_eq!(outcomes[..3], CRAWL[..3]);
    assert!(
        outcomes[3]
            .starts_with("crawl-plain.warc: record 9 at byte 11333 (http://127.0.0.1:8765/leer.html): no article")
    );
    assert_eq!(stats, WarcStats { records: 18, documents: 3, skipped_records: 11, skipped_payloads: 3, errors: 1 });
}

#[test]
fn warc_documents_carry_the_page_date_else_the_warc_date_and_the_target_uri() {
    let docs: Vec<_> =
        Format::Warc.reader().read("c", Box::new(Cursor::new(bytes("crawl.warc.gz")))).filter_map(Result::ok).collect();
    assert_eq!(date(&docs[0]).as_deref(), Some("2024-03-07"));
    assert_eq!(docs[0].text.replace('\u{a0}', " "), NACHRICHT.replace('\u{a0}', " "));
    assert_eq!(docs[0].url.as_deref(), Some("http://127.0.0.1:8765/nachricht.html"));
    // latin1.html has no date of its own: the record's WARC-Date (the day Wget fetched it).
    assert_eq!(date(&docs[2]).as_deref(), Some("2026-11-29"));
    assert!(docs[2].text.contains("Die Straße zwischen Mühlbach und Grünau"));
}

#[test]
fn truncated_gzip_ends_the_archive_with_an_error_after_the_records_before_it() {
    let mut archive = bytes("crawl.warc.gz");
    archive.truncate(6000); // inside the member of record 7, the response of latin1.html
    let (outcomes, stats) = warc("cut.warc.gz", archive);
    assert_eq!(outcomes[..2], CRAWL[..2]);
    assert_eq!(
        outcomes[2],
        "cut.warc.gz: record 7 at byte 5393 (http://127.0.0.1:8765/latin1.html): the gzip data is truncated"
    );
    assert_eq!(outcomes.len(), 3);
    assert_eq!((stats.documents, stats.errors), (2, 1));
}

#[test]
fn a_corrupt_gzip_member_is_an_error_and_the_next_members_are_read() {
    // A bad gzip header at record 3 (nachricht.html's response, the member at 881).
    let mut archive = bytes("crawl.warc.gz");
    archive[883] = 7; // the compression method, 8 (deflate) in every valid member
    let (outcomes, stats) = warc("bad.warc.gz", archive);
    assert!(outcomes[0].starts_with("bad.warc.gz: record 3 at byte 881: bad gzip data: "), "{outcomes:?}");
    assert_eq!(outcomes[1..3], CRAWL[1..3]);
    assert_eq!(stats.documents, 2);

    // Garbled deflate data in the same member: whatever it decodes to, record 3 is an error and the rest is read.
    let mut archive = bytes("crawl.warc.gz");
    for byte in &mut archive[1000..1100] {
        *byte ^= 0x5a;
    }
    let (outcomes, stats) = warc("bad.warc.gz", archive);
    assert!(outcomes[0].starts_with("bad.warc.gz: record 3 at byte 881"), "{outcomes:?}");
    assert_eq!(outcomes[1..3], CRAWL[1..3]);
    assert_eq!(stats.documents, 2);
}

#[test]
fn a_content_length_that_does_not_match_is_an_error_and_the_next_record_is_read() {
    let archive = bytes("crawl-plain.warc");
    let find =
        |from: usize, needle: &[u8]| from + archive[from..].windows(needle.len()).position(|w| w == needle).unwrap();
    // Record 3 is nachricht.html's response; shorten its stated length by ten bytes.
    let at = find(0, b"WARC-Type: response");
    let length_at = find(at, b"Content-Length: ") + "Content-Length: ".len();
    let end = find(length_at, b"\r");
    let length: u64 = std::str::from_utf8(&archive[length_at..end]).unwrap().parse().unwrap();
    let broken = [&archive[..length_at], (length - 10).to_string().as_bytes(), &archive[end..]].concat();
    let (outcomes, stats) = warc("len.warc", broken);
    assert_eq!(
        outcomes[0],
        format!(
            "len.warc: record 3 at byte 1352 (http://127.0.0.1:8765/nachricht.html): the record's Content-Length ({}) does not match its block: no blank line follows it",
            length - 10
        )
    );
    assert_eq!(outcomes[1..3], CRAWL[1..3]);
    assert_eq!(stats.documents, 2);

    // A block that ends before its Content-Length: the archive is cut inside it.
    let (outcomes, _) = warc("cut.warc", archive[..at + 1500].to_vec());
    assert!(outcomes[0].contains("record 3 at byte 1352 (http://127.0.0.1:8765/nachricht.html): the record is truncated: its Content-Length is"), "{outcomes:?}");
}

#[test]
fn garbage_after_the_last_member_is_an_error() {
    let mut archive = bytes("crawl.warc.gz");
    archive.extend_from_slice(b"not gzip at all");
    let (outcomes, _) = warc("tail.warc.gz", archive);
    assert_eq!(
        outcomes.last().unwrap(),
        "tail.warc.gz: record 19 at byte 12260: bad gzip data: data after a gzip member is not gzip"
    );
}

#[test]
fn formats_are_sniffed_when_the_extension_says_nothing() {
    let dir = std::env::temp_dir().join(format!("lagebild-ingest-web-sniff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let copies = [
        ("crawl.warc.gz", "archive.bin"),
        ("crawl-plain.warc", "archive2.bin"),
        ("site/nachricht.html", "page.php"),
        ("site/feed.rss", "feed.php"),
        ("site/atom.xml", "atom.php"),
    ];
    let mut inputs = Vec::new();
    for (from, to) in copies {
        std::fs::write(dir.join(to), bytes(from)).unwrap();
        inputs.push(Input::Path(dir.join(to)));
    }
    let docs: Vec<_> = read_inputs(&inputs).collect();
    let _ = std::fs::remove_dir_all(&dir);
    let ok = docs.iter().filter(|doc| doc.is_ok()).count();
    let errors = docs.iter().filter(|doc| doc.is_err()).count();
    // 3 + 3 archived pages, 1 page, 2 of 3 feed items, 2 entries; the empty page twice and the image-only item.
    assert_eq!((ok, errors), (11, 3));
}

#[test]
fn a_directory_walk_reads_pages_feeds_and_archives_by_extension() {
    let docs: Vec<_> = read_inputs(&[Input::Path(fixture(""))]).collect();
    let sources: Vec<String> = docs
        .iter()
        .map(|doc| match doc {
            Ok(doc) => doc.source.rsplit('/').next().unwrap_or_default().to_owned(),
            Err(error) => format!("error {}", error.input.rsplit('/').next().unwrap_or_default()),
        })
        .collect();
    assert_eq!(
        sources,
        [
            "nachricht.html",
            "report.html",
            "latin1.html",
            "error crawl-plain.warc", // crawl-plain.warc
            "nachricht.html",
            "report.html",
            "latin1.html",
            "error crawl.warc.gz", // crawl.warc.gz
            "report.html",
            "fares.html", // site/atom.xml
            "nachricht.html",
            "latin1.html",
            "error feed.rss", // site/feed.rss
            "latin1.html",
            "error leer.html",
            "nachricht.html",
            "report.html", // site/*.html
        ]
    );
}

/// An input that yields `records` WARC records without holding them: each a non-HTML
/// response of `payload` bytes, with an HTML page every hundredth record.
struct GeneratedArchive {
    records: usize,
    payload: usize,
    current: Cursor<Vec<u8>>,
    remaining_payload: usize,
    trailer: bool,
    made: usize,
}

impl Read for GeneratedArchive {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.current.read(buf)?;
            if n > 0 {
                return Ok(n);
            }
            if self.remaining_payload > 0 {
                let n = buf.len().min(self.remaining_payload);
                buf[..n].fill(b'x');
                self.remaining_payload -= n;
                return Ok(n);
            }
            if self.trailer {
                self.trailer = false;
                self.current = Cursor::new(b"\r\n\r\n".to_vec());
                continue;
            }
            if self.made == self.records {
                return Ok(0);
            }
            self.made += 1;
            let (http, body_len) = if self.made.is_multiple_of(100) {
                let page = format!(
                    "<html><body><p>Generated page {} with a sentence of article text.</p></body></html>",
                    self.made
                );
                (format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{page}"), 0)
            } else {
                ("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n".to_owned(), self.payload)
            };
            let length = http.len() + body_len;
            let header = format!(
                "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://127.0.0.1/{}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n\
                 Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n{http}",
                self.made
            );
            self.current = Cursor::new(header.into_bytes());
            self.remaining_payload = body_len;
            self.trailer = true;
        }
    }
}

#[test]
fn archives_are_streamed_record_by_record() {
    let input = GeneratedArchive {
        records: 2000,
        payload: 256 * 1024,
        current: Cursor::new(Vec::new()),
        remaining_payload: 0,
        trailer: false,
        made: 0,
    };
    let mut docs = WarcDocuments::new("generated.warc", Box::new(BufReader::new(input)));
    let first = docs.next().unwrap().unwrap();
    assert_eq!(first.source, "http://127.0.0.1/100");
    assert_eq!(first.text, "Generated page 100 with a sentence of article text.");
    assert_eq!(first.published.map(|date| date.to_string()).as_deref(), Some("2024-01-02"));
    // The first document came after 100 records: the rest of the 500 MB is not read yet.
    assert_eq!(docs.stats().records, 100);
    assert_eq!(docs.by_ref().count(), 19);
    assert_eq!(
        docs.stats(),
        WarcStats { records: 2000, documents: 20, skipped_records: 0, skipped_payloads: 1980, errors: 0 }
    );
}
