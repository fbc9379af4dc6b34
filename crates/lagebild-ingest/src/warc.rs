//! WARC web archives, plain or gzipped a member per record: one document per archived HTML
//! page, read as a stream.

use std::io::{self, BufRead, BufReader, Cursor, Read};

use flate2::bufread::GzDecoder;

use crate::charset::{charset_parameter, find_ascii_ci};
use crate::dates::parse_published;
use crate::html::{MAX_PAGE_BYTES, extract_article};
use crate::{Format, Part, RawDocument, ReadError, ReadErrorKind, Reader};

/// The longest header (and so header line) of a record or of its HTTP response, in bytes.
const MAX_HEADER_LINE: usize = 64 * 1024;
/// The most header lines of a record or of its HTTP response.
const MAX_HEADER_LINES: usize = 1024;
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];
const WARC_MAGIC: &[u8] = b"WARC/1.";

/// Reads a WARC archive (WARC 1.0 or 1.1, plain or gzipped, as Common Crawl and
/// `wget --warc-file` write them) as one document per `response` record that holds an HTML
/// page with a 2xx status.
///
/// The page goes through [`extract_article`] with the charset of its HTTP `Content-Type`;
/// its `WARC-Target-URI` is the document's `source` and `url`, its own date (else the
/// record's `WARC-Date`) is `published`. Other records (`warcinfo`, `request`, `metadata`,
/// …) and responses that are not HTML pages are skipped and counted ([`WarcStats`]) without
/// being held in memory; only one page is held at a time, so memory does not grow with the
/// archive.
///
/// A broken record is an error naming its number and byte offset, and reading goes on:
/// after a record whose `Content-Length` does not match, with the next gzip member (or the
/// next `WARC/1.` in a plain archive); after bad gzip data, with the next gzip member header
/// found. Truncated gzip data ends the archive with an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct WarcReader;

impl Reader for WarcReader {
    fn read(&self, source: &str, input: Box<dyn BufRead>) -> Box<dyn Iterator<Item = Result<RawDocument, ReadError>>> {
        Box::new(WarcDocuments::new(source, input))
    }
}

/// What reading an archive met so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WarcStats {
    /// Records begun, every type counted.
    pub records: u64,
    pub documents: u64,
    /// Records of a type other than `response`.
    pub skipped_records: u64,
    /// `response` records that hold no HTML page with a 2xx status.
    pub skipped_payloads: u64,
    pub errors: u64,
}

/// The documents of one archive, in order; [`WarcDocuments::stats`] counts what was skipped.
pub struct WarcDocuments {
    source: String,
    stream: Stream,
    stats: WarcStats,
}

/// The file, with what a resynchronisation found put back in front of it.
type Under = io::Chain<Cursor<Vec<u8>>, Counted>;

enum Stream {
    Plain(Under),
    /// Inside a gzip member that began at `offset`.
    Member {
        reader: Box<BufReader<GzDecoder<Under>>>,
        offset: u64,
    },
    /// Gzipped, at the start of a member.
    Between(Under),
    Done,
}

impl WarcDocuments {
    pub fn new(source: &str, input: Box<dyn BufRead>) -> WarcDocuments {
        let mut under = Cursor::new(Vec::new()).chain(Counted { inner: input, consumed: 0 });
        let gzip = matches!(under.fill_buf(), Ok(head) if head.starts_with(&GZIP_MAGIC[..2]));
        let stream = if gzip { Stream::Between(under) } else { Stream::Plain(under) };
        WarcDocuments { source: source.to_owned(), stream, stats: WarcStats::default() }
    }

    pub fn stats(&self) -> WarcStats {
        self.stats
    }

    fn error(&mut self, number: u64, offset: u64, uri: Option<String>, kind: ReadErrorKind) -> ReadError {
        self.stats.errors += 1;
        ReadError::in_part(&self.source, Part::Record { number, offset, uri }, kind)
    }
}

impl Iterator for WarcDocuments {
    type Item = Result<RawDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match std::mem::replace(&mut self.stream, Stream::Done) {
                Stream::Done => return None,
                Stream::Between(mut under) => {
                    let offset = position(&under);
                    match under.fill_buf() {
                        Ok([]) => return None,
                        Ok(head) if head.starts_with(&GZIP_MAGIC[..2]) => {
                            let reader = Box::new(BufReader::with_capacity(64 * 1024, GzDecoder::new(under)));
                            self.stream = Stream::Member { reader, offset };
                        }
                        Ok(_) => {
                            let message = "data after a gzip member is not gzip".to_owned();
                            let number = self.stats.records + 1;
                            return Some(Err(self.error(number, offset, None, ReadErrorKind::BadGzip { message })));
                        }
                        Err(error) => {
                            let number = self.stats.records + 1;
                            return Some(Err(self.error(number, offset, None, ReadErrorKind::Io(error))));
                        }
                    }
                }
                Stream::Member { mut reader, offset } => {
                    let outcome = read_record(&mut reader, &mut self.stats, true);
                    let under = |reader: Box<BufReader<GzDecoder<Under>>>| reader.into_inner().into_inner();
                    match outcome {
                        Outcome::End => self.stream = Stream::Between(under(reader)),
                        Outcome::Skipped => self.stream = Stream::Member { reader, offset },
                        Outcome::Document(document) => {
                            self.stream = Stream::Member { reader, offset };
                            return Some(Ok(*document));
                        }
                        Outcome::Failed { kind, uri, resume } => {
                            let number = self.stats.records.max(1);
                            let gzip_failed =
                                matches!(kind, ReadErrorKind::TruncatedGzip | ReadErrorKind::BadGzip { .. });
                            self.stream = match resume {
                                Resume::Here => Stream::Member { reader, offset },
                                // Skip the rest of the member, or after bad gzip data, to the next member header.
                                Resume::Resync if !gzip_failed && io::copy(&mut reader, &mut io::sink()).is_ok() => {
                                    Stream::Between(under(reader))
                                }
                                Resume::Resync => match resync(under(reader), &GZIP_MAGIC) {
                                    Some(under) => Stream::Between(under),
                                    None => Stream::Done,
                                },
                            };
                            return Some(Err(self.error(number, offset, uri, kind)));
                        }
                    }
                }
                Stream::Plain(mut under) => {
                    let offset = position(&under);
                    match read_record(&mut under, &mut self.stats, false) {
                        Outcome::End => return None,
                        Outcome::Skipped => self.stream = Stream::Plain(under),
                        Outcome::Document(document) => {
                            self.stream = Stream::Plain(under);
                            return Some(Ok(*document));
                        }
                        Outcome::Failed { kind, uri, resume } => {
                            let number = self.stats.records.max(1);
                            self.stream = match resume {
                                Resume::Here => Stream::Plain(under),
                                Resume::Resync => resync(under, WARC_MAGIC).map_or(Stream::Done, Stream::Plain),
                            };
                            return Some(Err(self.error(number, offset, uri, kind)));
                        }
                    }
                }
            }
        }
    }
}

/// The byte offset in the file of the next byte `under` will give.
fn position(under: &Under) -> u64 {
    let (prefix, counted) = under.get_ref();
    let unread = prefix.get_ref().len() as u64 - prefix.position().min(prefix.get_ref().len() as u64);
    counted.consumed.saturating_sub(unread)
}

/// Skips to the next occurrence of `magic` and puts it back in front; `None` at the end.
fn resync(mut under: Under, magic: &[u8]) -> Option<Under> {
    let mut matched = 0;
    loop {
        let buffer = under.fill_buf().ok()?;
        if buffer.is_empty() {
            return None;
        }
        let mut used = 0;
        let mut found = false;
        for &byte in buffer {
            used += 1;
            matched = if byte == magic[matched] { matched + 1 } else { usize::from(byte == magic[0]) };
            if matched == magic.len() {
                found = true;
                break;
            }
        }
        under.consume(used);
        if found {
            let (prefix, counted) = under.into_inner();
            let rest = &prefix.get_ref()[(prefix.position() as usize).min(prefix.get_ref().len())..];
            let mut bytes = magic.to_vec();
            bytes.extend_from_slice(rest);
            return Some(Cursor::new(bytes).chain(counted));
        }
    }
}

/// How reading goes on after a failed record.
enum Resume {
    /// The record was read to its end; the next follows.
    Here,
    /// The framing is lost: find the next record.
    Resync,
}

enum Outcome {
    /// No further record in this stream (or gzip member).
    End,
    Skipped,
    Document(Box<RawDocument>),
    Failed {
        kind: ReadErrorKind,
        uri: Option<String>,
        resume: Resume,
    },
}

/// The fields of a record header that matter here.
#[derive(Debug, Default)]
struct Header {
    kind: String,
    length: Option<u64>,
    uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
}

/// Reads the next record of `input`; `gzip` says whether `input` is a gzip member, whose
/// read errors are then errors of the gzip data.
fn read_record(input: &mut dyn BufRead, stats: &mut WarcStats, gzip: bool) -> Outcome {
    let io_kind = |error: io::Error| match error.kind() {
        io::ErrorKind::UnexpectedEof if gzip => ReadErrorKind::TruncatedGzip,
        io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData if gzip => {
            ReadErrorKind::BadGzip { message: error.to_string() }
        }
        _ => ReadErrorKind::Io(error),
    };
    let fail = |kind, uri: Option<String>, resume| Outcome::Failed { kind, uri, resume };
    let malformed = |message: &str| ReadErrorKind::MalformedWarc { message: message.to_owned() };

    // The version line, after any blank lines.
    let mut line = Vec::new();
    loop {
        line.clear();
        match read_line(input, &mut line) {
            Err(error) => {
                stats.records += 1;
                return fail(io_kind(error), None, Resume::Resync);
            }
            Ok(0) => return Outcome::End,
            Ok(_) if trim_line(&line).is_empty() => {}
            Ok(_) => break,
        }
    }
    stats.records += 1;
    if !line.starts_with(WARC_MAGIC) {
        return fail(malformed("it does not begin with WARC/1.0 or WARC/1.1"), None, Resume::Resync);
    }
    let header = match read_header(input) {
        Ok(Ok(fields)) => {
            let mut header = Header::default();
            for (name, value) in fields {
                match name.to_ascii_lowercase().as_str() {
                    "warc-type" => header.kind = value,
                    "content-length" => header.length = value.trim().parse().ok().or(Some(u64::MAX)),
                    "warc-target-uri" => {
                        header.uri = Some(value.trim().trim_start_matches('<').trim_end_matches('>').to_owned());
                    }
                    "warc-date" => header.date = Some(value),
                    "content-type" => header.content_type = Some(value),
                    _ => {}
                }
            }
            header
        }
        Ok(Err(message)) => return fail(malformed(message), None, Resume::Resync),
        Err(error) => return fail(io_kind(error), None, Resume::Resync),
    };
    let uri = header.uri.clone();
    let length = match header.length {
        None => return fail(malformed("it has no Content-Length"), uri, Resume::Resync),
        Some(u64::MAX) => return fail(malformed("its Content-Length is not a number"), uri, Resume::Resync),
        Some(length) => length,
    };

    let mut block = (&mut *input).take(length);
    let page = if header.kind.eq_ignore_ascii_case("response") {
        read_response(&mut block, &header)
    } else {
        stats.skipped_records += 1;
        Ok(Response::Skipped)
    };
    // Drain what the payload reader left, then the blank line that ends the record.
    let drained = io::copy(&mut block, &mut io::sink());
    let page = match (page, drained) {
        (Err(error), _) | (_, Err(error)) => return fail(io_kind(error), uri, Resume::Resync),
        (Ok(page), Ok(_)) => page,
    };
    let read = length - block.limit();
    if read < length {
        return fail(ReadErrorKind::TruncatedRecord { expected: length, found: read }, uri, Resume::Resync);
    }
    let mut end = [0_u8; 4];
    let mut got = 0;
    while got < 4 {
        match input.read(&mut end[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return fail(io_kind(error), uri, Resume::Resync),
        }
    }
    if &end[..got] != b"\r\n\r\n" {
        return fail(ReadErrorKind::LengthMismatch { length }, uri, Resume::Resync);
    }
    match page {
        Response::Skipped => Outcome::Skipped,
        Response::NotHtml => {
            stats.skipped_payloads += 1;
            Outcome::Skipped
        }
        Response::TooLarge => fail(ReadErrorKind::TooLarge { limit: MAX_PAGE_BYTES }, uri, Resume::Here),
        Response::Page { body, charset } => match extract_article(&body, charset.as_deref()) {
            Err(kind) => fail(kind, uri, Resume::Here),
            Ok(mut article) => {
                stats.documents += 1;
                article.published = article.published.or_else(|| header.date.as_deref().and_then(parse_published));
                let source = uri.clone().unwrap_or_default();
                Outcome::Document(Box::new(article.into_document(source, uri)))
            }
        },
    }
}

enum Response {
    Skipped,
    NotHtml,
    TooLarge,
    Page { body: Vec<u8>, charset: Option<String> },
}

/// The HTML page of a `response` record's block, if it holds one.
fn read_response(block: &mut impl BufRead, header: &Header) -> io::Result<Response> {
    let http = header.content_type.as_deref().is_none_or(|kind| kind.to_ascii_lowercase().contains("application/http"));
    if !http {
        return Ok(Response::NotHtml);
    }
    let mut status = Vec::new();
    if read_line(block, &mut status)? == 0 {
        return Ok(Response::NotHtml);
    }
    let code = std::str::from_utf8(trim_line(&status))
        .ok()
        .filter(|line| line.starts_with("HTTP/"))
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|code| code.parse::<u16>().ok());
    let Ok(fields) = read_header(block)? else { return Ok(Response::NotHtml) };
    if !code.is_some_and(|code| (200..300).contains(&code)) {
        return Ok(Response::NotHtml);
    }
    let field =
        |name: &str| fields.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str());
    let content_type = field("content-type");
    if content_type.is_some_and(|kind| !kind.to_ascii_lowercase().contains("html")) {
        return Ok(Response::NotHtml);
    }
    let chunked = field("transfer-encoding").is_some_and(|coding| coding.to_ascii_lowercase().contains("chunked"));
    let encoding = field("content-encoding").map(|coding| coding.trim().to_ascii_lowercase());
    if encoding.as_deref().is_some_and(|coding| !matches!(coding, "" | "identity" | "gzip" | "x-gzip" | "deflate")) {
        return Ok(Response::NotHtml);
    }
    let mut body = Vec::new();
    block.by_ref().take(MAX_PAGE_BYTES + 1).read_to_end(&mut body)?;
    if body.len() as u64 > MAX_PAGE_BYTES {
        return Ok(Response::TooLarge);
    }
    if chunked && let Some(joined) = dechunk(&body) {
        body = joined;
    }
    match encoding.as_deref() {
        Some("gzip" | "x-gzip") => body = decompress(flate2::read::GzDecoder::new(&body[..]))?,
        Some("deflate") => body = decompress(flate2::read::ZlibDecoder::new(&body[..]))?,
        _ => {}
    }
    if content_type.is_none() && Format::sniff(&body) != Format::Html {
        return Ok(Response::NotHtml);
    }
    Ok(Response::Page { body, charset: content_type.and_then(charset_parameter).map(str::to_owned) })
}

fn decompress(mut decoder: impl Read) -> io::Result<Vec<u8>> {
    let mut body = Vec::new();
    (&mut decoder).take(MAX_PAGE_BYTES).read_to_end(&mut body)?;
    Ok(body)
}

/// The body of a chunked transfer coding, `None` where it is not one.
fn dechunk(mut bytes: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let end = find_ascii_ci(bytes, b"\r\n")?;
        let size = std::str::from_utf8(&bytes[..end]).ok()?.split(';').next()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        bytes = &bytes[end + 2..];
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(bytes.get(..size)?);
        bytes = bytes.get(size..)?.strip_prefix(b"\r\n")?;
    }
}

/// Header lines up to the blank line: `(name, value)` pairs, folded lines joined; the inner
/// error says what is malformed.
fn read_header(input: &mut dyn BufRead) -> io::Result<Result<Vec<(String, String)>, &'static str>> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut line = Vec::new();
    let mut total = 0;
    for _ in 0..MAX_HEADER_LINES {
        line.clear();
        if read_line(input, &mut line)? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        if line.len() > MAX_HEADER_LINE {
            return Ok(Err("a header line is too long"));
        }
        total += line.len();
        if total > MAX_HEADER_LINE {
            return Ok(Err("the header is too long"));
        }
        let text = String::from_utf8_lossy(trim_line(&line));
        if text.is_empty() {
            return Ok(Ok(fields));
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
            continue;
        }
        let Some((name, value)) = text.split_once(':') else { return Ok(Err("a header line has no colon")) };
        fields.push((name.trim().to_owned(), value.trim().to_owned()));
    }
    Ok(Err("the header has too many lines"))
}

/// Reads a line with its ending into `line`, keeping at most [`MAX_HEADER_LINE`] + 1 bytes
/// of it; returns the bytes consumed.
fn read_line(input: &mut dyn BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut consumed = 0;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffer.is_empty() {
            return Ok(consumed);
        }
        let newline = buffer.iter().position(|&byte| byte == b'\n');
        let used = newline.map_or(buffer.len(), |at| at + 1);
        let room = (MAX_HEADER_LINE + 1).saturating_sub(line.len());
        line.extend_from_slice(&buffer[..used.min(room)]);
        input.consume(used);
        consumed += used;
        if newline.is_some() {
            return Ok(consumed);
        }
    }
}

fn trim_line(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The input, counting the bytes consumed.
struct Counted {
    inner: Box<dyn BufRead>,
    consumed: u64,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.consumed += read as u64;
        Ok(read)
    }
}

impl BufRead for Counted {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        self.inner.consume(amount);
        self.consumed += amount as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").as_deref(), Some(&b"Wikipedia"[..]));
        assert_eq!(dechunk(b"zz\r\n"), None);
        assert_eq!(dechunk(b"10\r\nshort"), None);
    }
}
