//! JSON Lines: one document per line, read line by line.

use std::io::{self, BufRead};

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde_json::{Map, Value};

use crate::{RawDocument, ReadError, ReadErrorKind, Reader, content_id};

/// The longest line read, in bytes without its line ending; a longer one is an error for
/// that line, and is skipped without being held in memory.
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Reads one JSON object per line.
///
/// `text` is required (a string with more than white space); `id` (string or number),
/// `title`, `url`, `published` and `lang` (strings or null) are optional, other fields are
/// ignored. `published` is a date `YYYY-MM-DD` or a timestamp (RFC 3339, or ISO 8601
/// without an offset), of which the date as written is taken. A document's source is its
/// `url`, else `INPUT:LINE`. Blank lines are skipped; a bad line yields an error and the
/// lines after it are still read.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonLinesReader;

impl Reader for JsonLinesReader {
    fn read(&self, source: &str, input: Box<dyn BufRead>) -> Box<dyn Iterator<Item = Result<RawDocument, ReadError>>> {
        Box::new(JsonLines::new(source, input, MAX_LINE_BYTES))
    }
}

struct JsonLines {
    source: String,
    input: Box<dyn BufRead>,
    max_line: usize,
    /// The number of the last line read.
    line: u64,
    /// The offset of the next line in the input.
    offset: u64,
    buffer: Vec<u8>,
    done: bool,
}

enum Line {
    End,
    Complete { bytes: u64 },
    TooLong { bytes: u64 },
}

impl JsonLines {
    fn new(source: &str, input: Box<dyn BufRead>, max_line: usize) -> JsonLines {
        JsonLines { source: source.to_owned(), input, max_line, line: 0, offset: 0, buffer: Vec::new(), done: false }
    }

    fn error(&self, kind: ReadErrorKind) -> ReadError {
        ReadError::new(self.source.clone(), Some(self.line), kind)
    }

    /// Reads the next line, without its `\n`, into the buffer; a line over the limit is
    /// consumed but not kept.
    fn read_line(&mut self) -> io::Result<Line> {
        self.buffer.clear();
        let (mut bytes, mut too_long) = (0_u64, false);
        loop {
            let chunk = match self.input.fill_buf() {
                Ok(chunk) => chunk,
                Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(error),
            };
            if chunk.is_empty() {
                return Ok(match (bytes, too_long) {
                    (0, _) => Line::End,
                    (_, false) => Line::Complete { bytes },
                    (_, true) => Line::TooLong { bytes },
                });
            }
            let newline = chunk.iter().position(|&byte| byte == b'\n');
            let content = &chunk[..newline.unwrap_or(chunk.len())];
            if !too_long {
                if self.buffer.len() + content.len() > self.max_line {
                    too_long = true;
                    self.buffer = Vec::new();
                } else {
                    self.buffer.extend_from_slice(content);
                }
            }
            let used = newline.map_or(chunk.len(), |at| at + 1);
            self.input.consume(used);
            bytes += used as u64;
            if newline.is_some() {
                return Ok(if too_long { Line::TooLong { bytes } } else { Line::Complete { bytes } });
            }
        }
    }

    /// The document of the line in the buffer, `None` for a blank line.
    fn parse_line(&self, start: u64) -> Option<Result<RawDocument, ReadError>> {
        let mut bytes = self.buffer.as_slice();
        let mut start = start;
        if start == 0
            && let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF")
        {
            bytes = rest;
            start = 3;
        }
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let line = match std::str::from_utf8(bytes) {
            Ok(line) => line,
            Err(error) => {
                let offset = start + error.valid_up_to() as u64;
                return Some(Err(self.error(ReadErrorKind::InvalidUtf8 { offset })));
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        let record = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(record)) => record,
            Ok(_) => return Some(Err(self.error(ReadErrorKind::NotAnObject))),
            Err(error) => return Some(Err(self.error(ReadErrorKind::MalformedJson { message: json_message(&error) }))),
        };
        Some(document(&record, &self.source, self.line).map_err(|kind| self.error(kind)))
    }
}

impl Iterator for JsonLines {
    type Item = Result<RawDocument, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let start = self.offset;
            let line = self.read_line();
            self.line += 1;
            match line {
                Err(error) => {
                    self.done = true;
                    return Some(Err(self.error(ReadErrorKind::Io(error))));
                }
                Ok(Line::End) => self.done = true,
                Ok(Line::TooLong { bytes }) => {
                    self.offset += bytes;
                    return Some(Err(self.error(ReadErrorKind::LineTooLong { limit: self.max_line as u64 })));
                }
                Ok(Line::Complete { bytes }) => {
                    self.offset += bytes;
                    if let Some(result) = self.parse_line(start) {
                        return Some(result);
                    }
                }
            }
        }
        None
    }
}

/// serde_json's message without its line number, which is always 1 here.
fn json_message(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&suffix) {
        Some(message) if error.column() > 0 => format!("{message} at column {}", error.column()),
        Some(message) => message.to_owned(),
        None => message,
    }
}

fn document(record: &Map<String, Value>, source: &str, line: u64) -> Result<RawDocument, ReadErrorKind> {
    let text = match record.get("text") {
        Some(Value::String(text)) => text,
        _ => return Err(ReadErrorKind::MissingText),
    };
    if text.trim().is_empty() {
        return Err(ReadErrorKind::EmptyText);
    }
    let id = match record.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(id)) => Some(id.clone()).filter(|id| !id.trim().is_empty()),
        Some(Value::Number(id)) => Some(id.to_string()),
        Some(value) => {
            return Err(ReadErrorKind::WrongType {
                field: "id",
                expected: "a string or number",
                value: value.to_string(),
            });
        }
    };
    let title = optional_string(record, "title")?.map(str::trim).filter(|title| !title.is_empty());
    let url = optional_string(record, "url")?.filter(|url| !url.trim().is_empty());
    let lang = optional_string(record, "lang")?.filter(|lang| !lang.trim().is_empty());
    let published_text = optional_string(record, "published")?;
    let published = match published_text {
        None => None,
        Some(date) => {
            Some(parse_date(date).ok_or_else(|| ReadErrorKind::BadDate { value: Value::from(date).to_string() })?)
        }
    };
    let published_time = published_text.and_then(crate::dates::parse_published_time);
    Ok(RawDocument {
        id: id.unwrap_or_else(|| content_id(text)),
        source: url.map_or_else(|| format!("{source}:{line}"), str::to_owned),
        title: title.map(str::to_owned),
        url: url.map(str::to_owned),
        published,
        published_time,
        lang: lang.map(str::to_owned),
        text: text.clone(),
    })
}

/// A field that is a string, null or absent.
fn optional_string<'a>(record: &'a Map<String, Value>, field: &'static str) -> Result<Option<&'a str>, ReadErrorKind> {
    match record.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => Ok(Some(value)),
        Some(value) => Err(ReadErrorKind::WrongType { field, expected: "a string or null", value: value.to_string() }),
    }
}

/// `YYYY-MM-DD`, or the date as written of an RFC 3339 / ISO 8601 timestamp.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let date = text.get(..10)?;
    let is_date =
        date.bytes().enumerate().all(|(i, byte)| if i == 4 || i == 7 { byte == b'-' } else { byte.is_ascii_digit() });
    if !is_date {
        return None;
    }
    let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    if text.len() == 10 {
        return Some(day);
    }
    if let Ok(timestamp) = DateTime::parse_from_rfc3339(text) {
        return Some(timestamp.date_naive());
    }
    const ISO: &[&str] = &["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%.f%z"];
    if ISO.iter().any(|format| DateTime::parse_from_str(text, format).is_ok()) {
        return Some(day);
    }
    const NAIVE: &[&str] = &["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M"];
    NAIVE.iter().any(|format| NaiveDateTime::parse_from_str(text, format).is_ok()).then_some(day)
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    fn read_all(input: &[u8]) -> Vec<Result<RawDocument, ReadError>> {
        JsonLinesReader.read("news.jsonl", Box::new(Cursor::new(input.to_vec()))).collect()
    }

    fn messages(input: &[u8]) -> Vec<String> {
        read_all(input)
            .into_iter()
            .map(|result| match result {
                Ok(doc) => format!("ok {} {}", doc.id, doc.source),
                Err(error) => error.to_string(),
            })
            .collect()
    }

    #[test]
    fn every_field_is_read() {
        let line = br#"{"id": "a1", "title": " Kim reist ab ", "url": "https://example.org/a1", "published": "2024-03-05", "lang": "de", "text": "Kim reiste ab.", "extra": [1, 2]}"#;
        let docs = read_all(line);
        assert_eq!(
            docs[0].as_ref().unwrap(),
            &RawDocument {
                id: "a1".into(),
                source: "https://example.org/a1".into(),
                title: Some("Kim reist ab".into()),
                url: Some("https://example.org/a1".into()),
                published: NaiveDate::from_ymd_opt(2024, 3, 5),
                published_time: None,
                lang: Some("de".into()),
                text: "Kim reiste ab.".into(),
            }
        );
    }

    #[test]
    fn optional_fields_may_be_null_or_absent_and_the_id_defaults_to_the_content_hash() {
        let docs =
            read_all(b"{\"text\": \"Putin blieb.\", \"title\": null, \"url\": null, \"lang\": null, \"id\": null}");
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.id, content_id("Putin blieb."));
        assert_eq!(doc.source, "news.jsonl:1");
        assert_eq!((&doc.title, &doc.url, &doc.published, &doc.lang), (&None, &None, &None, &None));
        let docs = read_all(b"{\"id\": 42, \"text\": \"x\"}\n{\"id\": 4.5, \"text\": \"y\"}");
        assert_eq!(docs[0].as_ref().unwrap().id, "42");
        assert_eq!(docs[1].as_ref().unwrap().id, "4.5");
    }

    #[test]
    fn the_text_is_kept_as_given_and_lang_is_not_validated() {
        let docs = read_all(b"{\"text\": \"  Zeile eins\\r\\nZeile zwei \", \"lang\": \"klingon\"}");
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.text, "  Zeile eins\r\nZeile zwei ");
        assert_eq!(doc.lang.as_deref(), Some("klingon"));
    }

    #[test]
    fn a_bad_line_is_an_error_for_that_line_and_reading_goes_on() {
        let input = b"{\"text\": \"eins\", \"id\": \"1\"}\n\
            not json\n\
            [1, 2]\n\
            {\"title\": \"ohne Text\"}\n\
            {\"text\": \"  \"}\n\
            {\"text\": \"f\", \"published\": \"yesterday\"}\n\
            {\"text\": \"g\", \"title\": 5}\n\
            {\"text\": \"h\", \"id\": [1]}\n\
            {\"text\": 7}\n\
            {\"text\": \"zehn\", \"id\": \"10\"}\n";
        assert_eq!(
            messages(input),
            [
                "ok 1 news.jsonl:1",
                "news.jsonl:2: malformed JSON: expected ident at column 2",
                "news.jsonl:3: the line is not a JSON object",
                "news.jsonl:4: the record has no \"text\" string",
                "news.jsonl:5: the record's \"text\" is empty",
                "news.jsonl:6: \"published\" is not a date (expected YYYY-MM-DD or an RFC 3339 timestamp): \"yesterday\"",
                "news.jsonl:7: \"title\" is not a string or null: 5",
                "news.jsonl:8: \"id\" is not a string or number: [1]",
                "news.jsonl:9: the record has no \"text\" string",
                "ok 10 news.jsonl:10",
            ]
        );
    }

    #[test]
    fn malformed_json_is_reported_with_its_column() {
        assert_eq!(messages(b"\n\n\n,"), ["news.jsonl:4: malformed JSON: expected value at column 1"]);
        assert_eq!(
            messages(b"{\"text\": \"a\""),
            ["news.jsonl:1: malformed JSON: EOF while parsing an object at column 12"]
        );
        assert_eq!(
            messages(b"{\"text\": \"a\"} {\"text\": \"b\"}"),
            ["news.jsonl:1: malformed JSON: trailing characters at column 15"]
        );
    }

    #[test]
    fn blank_lines_are_skipped_but_counted_and_crlf_and_a_bom_are_accepted() {
        let input = b"\xEF\xBB\xBF{\"text\": \"a\"}\r\n\r\n   \n\t\r\n{\"text\": \"b\"}\r\n\n";
        assert_eq!(
            messages(input),
            [format!("ok {} news.jsonl:1", content_id("a")), format!("ok {} news.jsonl:5", content_id("b"))]
        );
        assert!(read_all(b"").is_empty());
        assert!(read_all(b"\n \n").is_empty());
    }

    #[test]
    fn published_takes_the_date_of_a_timestamp() {
        let date = |text: &str| parse_date(text).map(|date| date.to_string());
        assert_eq!(date("2024-03-05").as_deref(), Some("2024-03-05"));
        assert_eq!(date("2024-03-05T23:30:00Z").as_deref(), Some("2024-03-05"));
        assert_eq!(date("2024-03-05T23:30:00.123-05:00").as_deref(), Some("2024-03-05"));
        assert_eq!(date("2024-03-05T01:30:00+02:00").as_deref(), Some("2024-03-05"));
        assert_eq!(date("2024-03-05 08:00:00+0100").as_deref(), Some("2024-03-05"));
        assert_eq!(date("2024-03-05T08:00:00").as_deref(), Some("2024-03-05"));
        assert_eq!(date("2024-03-05T08:00").as_deref(), Some("2024-03-05"));
        assert_eq!(date(" 2024-03-05 ").as_deref(), Some("2024-03-05"));
        for bad in [
            "yesterday",
            "2024-02-30",
            "2024-3-5",
            "05.03.2024",
            "2024-03-05T25:00:00Z",
            "2024-03-05 noon",
            "",
            "20240305",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
        let docs = read_all(
            b"{\"text\": \"a\", \"published\": \"2024-03-05T23:30:00Z\"}\n{\"text\": \"b\", \"published\": 20240305}",
        );
        assert_eq!(docs[0].as_ref().unwrap().published, NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(docs[0].as_ref().unwrap().published_time, chrono::NaiveTime::from_hms_opt(23, 30, 0));
        assert_eq!(
            docs[1].as_ref().unwrap_err().to_string(),
            "news.jsonl:2: \"published\" is not a string or null: 20240305"
        );
    }

    #[test]
    fn invalid_utf8_is_an_error_for_its_line_only() {
        let mut input = b"{\"text\": \"a\"}\n{\"text\": \"Stra".to_vec();
        input.extend_from_slice(b"\xDFe\"}\n{\"text\": \"c\"}\n");
        let messages = messages(&input);
        assert_eq!(messages[1], "news.jsonl:2: not valid UTF-8 (first bad byte at offset 28)");
        assert_eq!(messages.len(), 3);
        assert!(messages[2].ends_with("news.jsonl:3"));
    }

    #[test]
    fn a_line_over_the_limit_is_an_error_and_skipped_with_bounded_memory() {
        let input = b"{\"text\": \"short\"}\n{\"text\": \"this line is too long\"}\n{\"text\": \"ok\"}".to_vec();
        // A small buffer, so that the long line arrives in several chunks.
        let reader = io::BufReader::with_capacity(4, Cursor::new(input));
        let results: Vec<_> = JsonLines::new("x.jsonl", Box::new(reader), 20).collect();
        assert_eq!(results[0].as_ref().unwrap().text, "short");
        assert_eq!(results[1].as_ref().unwrap_err().to_string(), "x.jsonl:2: the line is longer than 20 bytes");
        assert_eq!(results[2].as_ref().unwrap().text, "ok");
        assert_eq!(results[2].as_ref().unwrap().source, "x.jsonl:3");
        assert_eq!(results.len(), 3);
    }

    #[test]
    fn the_real_limit_is_64_mib() {
        let long = io::repeat(b' ').take(MAX_LINE_BYTES as u64 + 1);
        let input = Cursor::new(b"{\"text\": \"a\"}\n".to_vec())
            .chain(long)
            .chain(Cursor::new(b"\n{\"text\": \"b\"}\n".to_vec()));
        let results: Vec<_> = JsonLinesReader.read("big.jsonl", Box::new(io::BufReader::new(input))).collect();
        assert_eq!(results.len(), 3);
        assert_eq!(results[1].as_ref().unwrap_err().to_string(), "big.jsonl:2: the line is longer than 64 MiB");
        assert_eq!(results[2].as_ref().unwrap().source, "big.jsonl:3");
    }

    #[test]
    fn reading_is_lazy_line_by_line() {
        /// Fails once its first line has been read: a reader that read ahead would fail first.
        struct OneLineThenFail(Cursor<Vec<u8>>);
        impl Read for OneLineThenFail {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                match self.0.read(buf)? {
                    0 => Err(io::Error::other("gone")),
                    n => Ok(n),
                }
            }
        }
        let reader = io::BufReader::new(OneLineThenFail(Cursor::new(b"{\"text\": \"a\"}\n".to_vec())));
        let mut docs = JsonLinesReader.read("-", Box::new(reader));
        assert_eq!(docs.next().unwrap().unwrap().text, "a");
        assert_eq!(docs.next().unwrap().unwrap_err().to_string(), "-:2: cannot read: gone");
        assert!(docs.next().is_none());
    }
}
