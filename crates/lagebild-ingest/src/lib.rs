//! Readers that turn inputs into raw documents: the first step of lagebild.
//!
//! An [`Input`] is a path or standard input. [`read_inputs`] streams the documents of every
//! input in order: a directory is walked in path order, reading the files whose [`Format`] is
//! known by their extension (`.txt`, `.jsonl`, `.html`/`.htm`, `.rss`/`.atom`/`.xml`,
//! `.warc`/`.warc.gz`); a file named explicitly with another extension is sniffed by its first
//! bytes. Standard input is plain text. Each format has a [`Reader`], which turns one byte
//! stream into [`RawDocument`]s:
//!
//! - [`TextReader`] reads a whole file as one document (with an optional title line), and
//!   [`JsonLinesReader`] one document per line, line by line.
//! - [`HtmlReader`] reads a page as one document: [`extract_article`] decodes it
//!   ([`decode_html`]: byte-order mark, HTTP or `<meta>` charset, else a guess), tokenizes it
//!   once with html5ever, drops scripts, styles, forms, hidden elements and everything that
//!   tags, roles or class names mark as navigation, header, footer, sidebar, comments,
//!   sharing, cookie banner or advert, and keeps the container whose paragraphs score best
//!   (after Readability), with its well-scoring siblings and lead. Its title, date
//!   (`article:published_time`, JSON-LD, `<time>`) and language (`<html lang>`) come along.
//!   The text is plain: paragraphs separated by a blank line, white space collapsed.
//! - [`FeedReader`] reads an RSS or Atom feed with quick-xml, one document per item, from
//!   its content, else its summary, through the same HTML reader ([`fragment_text`]).
//! - [`WarcReader`] streams a WARC archive, plain or gzipped a member per record, one
//!   document per HTML `response` record, holding one record at a time
//!   ([`WarcDocuments::stats`] counts what it skipped).
//!
//! Nothing is analysed here; `lang` and the other metadata are passed on as the input gives
//! them (a page's language as its primary subtag, dates as `YYYY-MM-DD`, as written).
//!
//! A bad input never stops the stream: it yields a [`ReadError`] naming the input (and line,
//! feed item or archive record), and the next document follows.
//!
//! ```
//! use std::io::Cursor;
//! use lagebild_ingest::{Format, content_id};
//!
//! let input = "{\"id\": 7, \"text\": \"Kim reiste ab.\"}\nnot json\n{\"text\": \"Putin blieb.\"}\n";
//! let docs: Vec<_> = Format::JsonLines.reader().read("news.jsonl", Box::new(Cursor::new(input))).collect();
//! assert_eq!(docs[0].as_ref().unwrap().id, "7");
//! assert_eq!(docs[1].as_ref().unwrap_err().to_string(), "news.jsonl:2: malformed JSON: expected ident at column 2");
//! let last = docs[2].as_ref().unwrap();
//! assert_eq!((last.id.as_str(), last.source.as_str()), (content_id("Putin blieb.").as_str(), "news.jsonl:3"));
//! ```
//!
//! An HTML page:
//!
//! ```
//! let page = "<html lang=de-DE><head><title>Fähre kommt | Kurier</title></head><body>\
//!     <nav><a href=/>Startseite</a> <a href=/lokales>Lokales</a></nav><article><h1>Fähre kommt</h1>\
//!     <p>Der Rat hat die Fähre beschlossen.</p><p>Sie fährt ab Juni &amp; im Halbstundentakt.</p></article>\
//!     <footer>Impressum · Datenschutz</footer></body></html>";
//! let article = lagebild_ingest::extract_article(page.as_bytes(), None).unwrap();
//! assert_eq!(article.text, "Der Rat hat die Fähre beschlossen.\n\nSie fährt ab Juni & im Halbstundentakt.");
//! assert_eq!((article.title.as_deref(), article.lang.as_deref()), (Some("Fähre kommt"), Some("de")));
//! ```

mod charset;
mod dates;
mod error;
mod feed;
mod html;
mod inputs;
mod jsonl;
mod text;
mod warc;

use std::fmt;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use sha2::{Digest, Sha256};

pub use charset::decode_html;
pub use dates::{parse_published, parse_published_time, parse_stamp, primary_language};
pub use error::{Part, ReadError, ReadErrorKind};
pub use feed::{FeedReader, MAX_FEED_BYTES};
pub use html::{Article, HtmlReader, MAX_PAGE_BYTES, extract_article, fragment_text};
pub use inputs::read_inputs;
pub use jsonl::{JsonLinesReader, MAX_LINE_BYTES};
pub use text::{MAX_TITLE_CHARS, TextReader};
pub use warc::{WarcDocuments, WarcReader, WarcStats};

/// A document as an input gives it, before any analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDocument {
    /// From the input, else [`content_id`] of `text`.
    pub id: String,
    /// Where the text came from: the path as given (`path:LINE` for JSON Lines, or the
    /// record's `url` when it has one), `-` for standard input.
    pub source: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    /// The local time of day of publication, where the input gives one with the date.
    pub published_time: Option<NaiveTime>,
    /// The language as the input names it; not validated here.
    pub lang: Option<String>,
    pub text: String,
}

/// Where documents come from: a file, a directory, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

impl Input {
    /// A command-line argument: `-` is standard input, anything else a path.
    pub fn parse(arg: &str) -> Input {
        match arg {
            "-" => Input::Stdin,
            _ => Input::Path(PathBuf::from(arg)),
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Path(path) => write!(f, "{}", path.display()),
            Input::Stdin => f.write_str("-"),
        }
    }
}

/// The id of a document whose input gives none: the first 16 hex digits of the SHA-256 of
/// its UTF-8 text.
pub fn content_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut id = String::with_capacity(16);
    for byte in &digest[..8] {
        id.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        id.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    id
}

/// Turns one byte stream of a format into documents; each implementation is named by a
/// [`Format`] variant.
pub trait Reader {
    /// Reads the documents of `input`, in order. `source` names the input in documents and
    /// errors: the path as given, or `-` for standard input. An error for one document is
    /// yielded in its place; the reader goes on with the next where the format allows it.
    fn read(&self, source: &str, input: Box<dyn BufRead>) -> Box<dyn Iterator<Item = Result<RawDocument, ReadError>>>;
}

/// The input formats lagebild reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain UTF-8 text, one document per file.
    Text,
    /// One JSON object per line, each a document.
    JsonLines,
    /// An HTML page, one document: its article.
    Html,
    /// An RSS or Atom feed, one document per item.
    Feed,
    /// A WARC web archive, plain or gzipped, one document per archived HTML page.
    Warc,
}

impl Format {
    /// Every format, in the order their extensions are tried.
    pub const ALL: &'static [Format] = &[Format::Text, Format::JsonLines, Format::Html, Format::Feed, Format::Warc];

    /// The file extensions (lowercase, without the dot) that name this format.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt"],
            Format::JsonLines => &["jsonl"],
            Format::Html => &["html", "htm"],
            Format::Feed => &["rss", "atom", "xml"],
            Format::Warc => &["warc", "warc.gz"],
        }
    }

    /// The format that the extension of `path` names (in any case), if any. `.warc.gz` is
    /// an extension of its own.
    pub fn for_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.len() > ".warc.gz".len() && name.ends_with(".warc.gz") {
            return Some(Format::Warc);
        }
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL.iter().copied().find(|format| format.extensions().contains(&extension.as_str()))
    }

    /// Guesses the format from the first bytes of an input (after a byte-order mark and
    /// white space): `WARC/1.`, or gzip data that begins so, is a WARC archive;
    /// `<!doctype html`, `<html`, `<head` or `<body` (also after an XML declaration or
    /// comments) is HTML; `<?xml`, `<rss`, `<feed` or `<rdf:RDF` is a feed; `{` is JSON
    /// Lines; anything else plain text.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        if head.starts_with(b"WARC/1.") {
            return Format::Warc;
        }
        if head.starts_with(&[0x1f, 0x8b]) {
            let mut start = [0_u8; 7];
            let mut decoder = flate2::read::GzDecoder::new(head);
            let mut read = 0;
            while read < start.len() {
                match std::io::Read::read(&mut decoder, &mut start[read..]) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => read += n,
                }
            }
            return if &start[..read] == b"WARC/1." { Format::Warc } else { Format::Text };
        }
        let mut rest = trim_ascii_start(head);
        let mut xml = false;
        loop {
            if starts_with_ci(rest, b"<?xml") {
                xml = true;
                let Some(end) = rest.windows(2).position(|pair| pair == b"?>") else { return Format::Feed };
                rest = trim_ascii_start(&rest[end + 2..]);
            } else if rest.starts_with(b"<!--") {
                let Some(end) = rest.windows(3).position(|three| three == b"-->") else { break };
                rest = trim_ascii_start(&rest[end + 3..]);
            } else {
                break;
            }
        }
        if [&b"<!doctype html"[..], b"<html", b"<head", b"<body"].iter().any(|tag| starts_with_ci(rest, tag)) {
            return Format::Html;
        }
        if xml || [&b"<rss"[..], b"<feed", b"<rdf:rdf"].iter().any(|tag| starts_with_ci(rest, tag)) {
            return Format::Feed;
        }
        match rest.first() {
            Some(b'{') => Format::JsonLines,
            _ => Format::Text,
        }
    }

    /// The reader of this format.
    pub fn reader(self) -> Box<dyn Reader> {
        match self {
            Format::Text => Box::new(TextReader),
            Format::JsonLines => Box::new(JsonLinesReader),
            Format::Html => Box::new(HtmlReader),
            Format::Feed => Box::new(FeedReader),
            Format::Warc => Box::new(WarcReader),
        }
    }
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|byte| !byte.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

fn starts_with_ci(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "plain text",
            Format::JsonLines => "JSON Lines",
            Format::Html => "HTML",
            Format::Feed => "RSS/Atom feed",
            Format::Warc => "WARC archive",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_sixteen_hex_digits_of_sha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assert_eq!(content_id("abc"), "ba7816bf8f01cfea");
        assert_eq!(content_id(""), "e3b0c44298fc1c14");
        assert_ne!(content_id("a"), content_id("b"));
    }

    #[test]
    fn input_parse_maps_a_dash_to_stdin() {
        assert_eq!(Input::parse("-"), Input::Stdin);
        assert_eq!(Input::parse("news/a.txt"), Input::Path(PathBuf::from("news/a.txt")));
        assert_eq!(Input::parse("-").to_string(), "-");
        assert_eq!(Input::parse("news/a.txt").to_string(), "news/a.txt");
    }

    #[test]
    fn formats_are_known_by_extension_in_any_case() {
        assert_eq!(Format::for_path(Path::new("a/b.txt")), Some(Format::Text));
        assert_eq!(Format::for_path(Path::new("b.TXT")), Some(Format::Text));
        assert_eq!(Format::for_path(Path::new("b.jsonl")), Some(Format::JsonLines));
        assert_eq!(Format::for_path(Path::new("a/page.HTM")), Some(Format::Html));
        assert_eq!(Format::for_path(Path::new("news.rss")), Some(Format::Feed));
        assert_eq!(Format::for_path(Path::new("news.xml")), Some(Format::Feed));
        assert_eq!(Format::for_path(Path::new("CC-NEWS-20240101.warc.gz")), Some(Format::Warc));
        assert_eq!(Format::for_path(Path::new("crawl.WARC")), Some(Format::Warc));
        assert_eq!(Format::for_path(Path::new("backup.gz")), None);
        assert_eq!(Format::for_path(Path::new(".warc.gz")), None);
        assert_eq!(Format::for_path(Path::new("b.md")), None);
        assert_eq!(Format::for_path(Path::new("jsonl")), None);
        for format in Format::ALL {
            for extension in format.extensions() {
                assert_eq!(Format::for_path(Path::new(&format!("x.{extension}"))), Some(*format));
            }
        }
    }

    #[test]
    fn sniffing_looks_at_the_first_byte_other_than_white_space() {
        assert_eq!(Format::sniff(b"{\"text\": \"a\"}"), Format::JsonLines);
        assert_eq!(Format::sniff(b" \r\n\t{\"text\": \"a\"}"), Format::JsonLines);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF{\"text\": \"a\"}"), Format::JsonLines);
        assert_eq!(Format::sniff(b"Titel\n\n{Text}"), Format::Text);
        assert_eq!(Format::sniff(b"[1, 2]"), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
    }

    #[test]
    fn sniffing_knows_pages_feeds_and_archives() {
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBF\n  <!doctype HTML>"), Format::Html);
        assert_eq!(Format::sniff(b"<!-- generated -->\n<html lang=de>"), Format::Html);
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">"),
            Format::Html
        );
        assert_eq!(Format::sniff(b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\">"), Format::Feed);
        assert_eq!(Format::sniff(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"), Format::Feed);
        assert_eq!(Format::sniff(b"<rss version=\"2.0\">"), Format::Feed);
        assert_eq!(Format::sniff(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n"), Format::Warc);
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gzip, b"WARC/1.0\r\nWARC-Type: warcinfo\r\n").unwrap();
        let gzip = gzip.finish().unwrap();
        assert_eq!(Format::sniff(&gzip), Format::Warc);
        assert_eq!(Format::sniff(&gzip[..12]), Format::Text, "too little to see the WARC inside");
        let mut other = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut other, b"just text").unwrap();
        assert_eq!(Format::sniff(&other.finish().unwrap()), Format::Text);
        assert_eq!(Format::sniff(b"<p>a fragment</p>"), Format::Text);
    }
}
