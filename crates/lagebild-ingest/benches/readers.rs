//! Single-threaded throughput of the web readers, in MB of input per second:
//! - HTML extraction over generated news pages, and over the raw HTML of the SmartData v3
//!   dev pages in `../shared/data` where present (skipped with a message where absent);
//! - RSS parsing over a generated feed;
//! - WARC framing (records skipped without extraction) over generated archives, plain and
//!   gzipped a member per record, and whole WARC reading with extraction.
//!
//! Each figure is the best of several runs; every run's output is checked, so a fast but
//! broken reader fails the benchmark. Run with `cargo bench -p lagebild-ingest`.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

use std::fmt::Write as _;
use std::io::{Cursor, Read, Write};
use std::time::{Duration, Instant};

use lagebild_ingest::{Format, WarcDocuments, extract_article};

/// The target of the issue that introduced the HTML reader, in MB/s per core.
const HTML_TARGET_MB_S: f64 = 30.0;
const RUNS: usize = 5;

fn main() {
    println!("lagebild-ingest readers, one thread, best of {RUNS} runs");
    let pages: Vec<Vec<u8>> = (0..60).map(generated_page).collect();
    let html_rate = bench("HTML extraction, generated pages", &pages, |pages| {
        for (at, page) in pages.iter().enumerate() {
            let article = extract_article(page, None).expect("a generated page has article text");
            assert!(article.text.starts_with(&format!("Lead of article {at}:")), "{}", &article.text[..80]);
            assert_eq!(article.text.split("\n\n").count(), 2 + at % 20, "article {at}");
            assert!(!article.text.contains("Navigation") && !article.text.contains("Cookie"));
            assert_eq!(article.published.map(|date| date.to_string()).as_deref(), Some("2024-05-17"));
        }
    });
    check_target(html_rate);

    match smartdata_pages() {
        Some(pages) => {
            let rate = bench("HTML extraction, SmartData v3 dev pages", &pages, |pages| {
                let extracted = pages.iter().filter(|page| extract_article(page, Some("utf-8")).is_ok()).count();
                assert!(extracted + 2 >= pages.len(), "{extracted} of {} pages extracted", pages.len());
            });
            check_target(rate);
        }
        None => println!("  HTML extraction, SmartData v3 dev pages: skipped (../shared/data is absent)"),
    }

    for (name, html) in
        [("RSS feed, 2000 items with HTML content", true), ("RSS feed, 2000 items with plain-text summaries", false)]
    {
        let feed = vec![generated_feed(2000, html)];
        bench(name, &feed, |feed| {
            let docs: Vec<_> =
                Format::Feed.reader().read("bench.rss", Box::new(Cursor::new(feed[0].clone()))).collect();
            assert_eq!(docs.len(), 2000);
            assert!(docs.iter().all(|doc| doc.as_ref().is_ok_and(|doc| doc.text.starts_with("Erste"))));
        });
    }

    let (plain, gzip) = generated_warc(3000, 16 * 1024, 0);
    let uncompressed = plain.len() as f64;
    for (name, archive) in [("WARC framing, plain", plain), ("WARC framing, gzip member per record", gzip)] {
        let ratio = uncompressed / archive.len() as f64;
        let rate = bench(name, &[archive], |archive| {
            let mut docs = WarcDocuments::new("bench.warc", Box::new(Cursor::new(archive[0].clone())));
            assert_eq!(docs.by_ref().count(), 0);
            assert_eq!((docs.stats().records, docs.stats().skipped_payloads), (3000, 3000));
        });
        if ratio > 1.01 {
            println!("    that is {:.1} MB/s of uncompressed WARC (compression ratio {ratio:.1})", rate * ratio);
        }
    }
    let (_, gzip) = generated_warc(600, 16 * 1024, 3);
    bench("WARC reading with extraction, gzip, a page in 3 records", &[gzip], |archive| {
        let mut docs = WarcDocuments::new("bench.warc.gz", Box::new(Cursor::new(archive[0].clone())));
        assert_eq!(docs.by_ref().filter(Result::is_ok).count(), 200);
        assert_eq!(docs.stats().records, 600);
    });
}

/// Runs `run` over `inputs` [`RUNS`] times and prints the best rate; returns it in MB/s.
fn bench(name: &str, inputs: &[Vec<u8>], run: impl Fn(&[Vec<u8>])) -> f64 {
    let bytes: usize = inputs.iter().map(Vec::len).sum();
    let mut best = Duration::MAX;
    for _ in 0..RUNS {
        let started = Instant::now();
        run(inputs);
        best = best.min(started.elapsed());
    }
    let rate = bytes as f64 / best.as_secs_f64() / 1e6;
    println!("  {name}: {:.1} MB in {:.1} ms: {rate:.1} MB/s", bytes as f64 / 1e6, best.as_secs_f64() * 1e3);
    rate
}

fn check_target(rate: f64) {
    let verdict = if rate >= HTML_TARGET_MB_S { "meets" } else { "BELOW" };
    println!("    {verdict} the target of {HTML_TARGET_MB_S} MB/s");
}

/// A news page of the usual shape: head with scripts, styles and metadata, a navigation of
/// 60 links, a cookie banner, the article (a lead and `2 + n % 20` paragraphs), a list of
/// related articles, comments and a footer. About 20 to 60 KB.
fn generated_page(n: usize) -> Vec<u8> {
    let mut page = String::from("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">");
    let _ = write!(page, "<title>Artikel {n} | Beispielzeitung</title>");
    page.push_str("<meta property=\"article:published_time\" content=\"2024-05-17T08:00:00+02:00\">");
    for script in 0..8 {
        let _ = write!(
            page,
            "<script>window.cfg{script} = {{a: [1, 2, 3], b: '<div>{}</div>'}};</script>",
            "x".repeat(400)
        );
    }
    let _ = write!(page, "<style>{}</style></head><body>", ".a { color: red; } ".repeat(80));
    page.push_str("<div class=\"cookie-banner\"><p>Wir nutzen Cookie-Technik für Statistik und Werbung.</p></div>");
    page.push_str("<header><nav><ul>");
    for link in 0..60 {
        let _ = write!(page, "<li><a href=\"/ressort/{link}\">Navigation {link}</a></li>");
    }
    let _ = write!(page, "</ul></nav></header><main><article><h1>Artikel {n}</h1>");
    let _ = write!(
        page,
        "<p class=\"lead\">Lead of article {n}: Der Rat der Stadt hat am Donnerstag eine Entscheidung getroffen, die viele überrascht.</p>"
    );
    for paragraph in 0..(1 + n % 20) {
        let _ = write!(
            page,
            "<p>Absatz {paragraph}: Nach Angaben der Verwaltung &amp; des Landes kostet das Vorhaben rund {} Euro, \
             sagte eine Sprecherin am Abend. <a href=\"/x\">Mehr</a> Die Opposition kritisierte die Pläne, \
             die Regierung verteidigte sie. Eine Entscheidung soll im Herbst fallen, hieß es weiter.</p>",
            1000 * paragraph
        );
    }
    page.push_str("</article><aside class=\"related\"><ul>");
    for link in 0..30 {
        let _ = write!(
            page,
            "<li><a href=\"/artikel/{link}\">Weiterer Artikel mit einer langen Überschrift Nummer {link}</a></li>"
        );
    }
    page.push_str("</ul></aside><section id=\"comments\">");
    for comment in 0..10 {
        let _ = write!(
            page,
            "<div class=\"comment\"><p>Kommentar {comment}: Das sehe ich ganz anders, denn die Kosten sind viel zu hoch.</p></div>"
        );
    }
    page.push_str("</section></main><footer><p>Impressum · Datenschutz · AGB</p></footer>");
    for script in 0..6 {
        let _ = write!(page, "<script>track({script}, '{}');</script>", "y".repeat(1500));
    }
    page.push_str("</body></html>");
    page.into_bytes()
}

/// A feed of `items` items, each with a summary and, where `html`, content in HTML.
fn generated_feed(items: usize, html: bool) -> Vec<u8> {
    let mut feed = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Bench</title><language>de</language>",
    );
    for item in 0..items {
        if !html {
            let _ = write!(
                feed,
                "<item><title>Meldung {item}</title><link>https://news.example/{item}</link><pubDate>Fri, 17 May 2024 08:00:00 +0200</pubDate>\
                 <guid>https://news.example/{item}</guid><description>Erste Zeile der Meldung {item}: Der Rat der Stadt hat am Donnerstag eine \
                 Entscheidung getroffen, die viele überrascht. Eine Sprecherin sagte am Abend, es gehe um rund eine Million Euro.</description></item>"
            );
            continue;
        }
        let _ = write!(
            feed,
            "<item><title>Meldung {item}</title><link>https://news.example/{item}</link><pubDate>Fri, 17 May 2024 08:00:00 +0200</pubDate>\
             <description>Kurzfassung der Meldung {item}.</description><content:encoded><![CDATA[<p>Erste Zeile der Meldung {item}, \
             mit etwas Text.</p><p>Zweiter Absatz mit <b>Auszeichnung</b> und einem <a href=\"/x\">Link</a>.</p>]]></content:encoded></item>"
        );
    }
    feed.push_str("</channel></rss>");
    feed.into_bytes()
}

/// `records` response records of `payload` bytes each, every `html_every`-th an HTML page
/// (never where 0); plain and gzipped a member per record.
fn generated_warc(records: usize, payload: usize, html_every: usize) -> (Vec<u8>, Vec<u8>) {
    let (mut plain, mut gzip) = (Vec::new(), Vec::new());
    for record in 0..records {
        let html = html_every != 0 && record % html_every == 0;
        let body = if html { generated_page(record) } else { filler(payload, record as u64) };
        let kind = if html { "text/html; charset=utf-8" } else { "application/pdf" };
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n", body.len());
        let header = format!(
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{record}\r\nWARC-Date: 2024-05-17T10:00:00Z\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len() + body.len()
        );
        let bytes = [header.as_bytes(), http.as_bytes(), &body, b"\r\n\r\n"].concat();
        let mut member = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        member.write_all(&bytes).expect("writing to memory");
        gzip.extend(member.finish().expect("writing to memory"));
        plain.extend(bytes);
    }
    (plain, gzip)
}

/// `len` bytes of words from a small vocabulary, picked by a linear congruential generator:
/// text that compresses about as well as web pages do.
fn filler(len: usize, seed: u64) -> Vec<u8> {
    const WORDS: [&str; 16] = [
        "der ",
        "Stadt ",
        "rat ",
        "hat ",
        "am ",
        "Donnerstag ",
        "beschlossen, ",
        "dass ",
        "die ",
        "neue ",
        "Fähre ",
        "<div class=\"x\"> ",
        "</div>\n",
        "12345 ",
        "und ",
        "Verwaltung. ",
    ];
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    let mut bytes = Vec::with_capacity(len + 16);
    while bytes.len() < len {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        bytes.extend_from_slice(WORDS[(state >> 60) as usize].as_bytes());
        if state >> 57 & 7 == 0 {
            bytes.extend_from_slice(format!("{} ", state % 100_000).as_bytes());
        }
    }
    bytes.truncate(len);
    bytes
}

/// The raw HTML of the SmartData v3 dev news pages, where ../shared/data has them.
fn smartdata_pages() -> Option<Vec<Vec<u8>>> {
    let dir = std::env::var_os("LAGEBILD_SHARED_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let file = std::fs::File::open(dir.join("ner/de/smartdata/v3_20200302-dev.json.gz")).ok()?;
    let mut json = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut json).ok()?;
    let pages = serde_json::Deserializer::from_str(&json)
        .into_iter::<serde_json::Value>()
        .filter_map(Result::ok)
        .filter_map(|document| document["raw"].as_str().map(str::to_owned))
        .filter(|raw| raw.chars().take(5000).collect::<String>().to_lowercase().contains("<html"))
        .map(String::into_bytes)
        .collect();
    Some(pages)
}
