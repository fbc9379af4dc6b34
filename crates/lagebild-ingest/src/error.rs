//! Read errors, in plain words, naming the input and line.

/// A document that could not be read. Its message reads `INPUT:LINE: message`,
/// `INPUT: item N (LINK): message` for a feed item, `INPUT: record N at byte OFFSET (URI):
/// message` for a web-archive record, or `INPUT: message`.
#[derive(Debug, thiserror::Error)]
#[error("{input}{}{}: {kind}", line_suffix(*.line), part_suffix(.part.as_deref()))]
pub struct ReadError {
    /// The input as given: a path, or `-` for standard input.
    pub input: String,
    /// The 1-based line, for formats with a document per line.
    pub line: Option<u64>,
    /// The item of a feed or the record of an archive, for formats with several documents
    /// that are not lines (boxed, to keep errors small).
    pub part: Option<Box<Part>>,
    pub kind: ReadErrorKind,
}

impl ReadError {
    pub fn new(input: impl Into<String>, line: Option<u64>, kind: ReadErrorKind) -> ReadError {
        ReadError { input: input.into(), line, part: None, kind }
    }

    /// An error in one item or record of an input.
    pub fn in_part(input: impl Into<String>, part: Part, kind: ReadErrorKind) -> ReadError {
        ReadError { input: input.into(), line: None, part: Some(Box::new(part)), kind }
    }
}

/// Where in an input with several documents an error lies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// The 1-based item (RSS `<item>`, Atom `<entry>`) of a feed, with its link if it has one.
    Item { number: u64, link: Option<String> },
    /// The 1-based record of a WARC archive (counting every record), the byte offset in the
    /// file where it starts (in the compressed file for `.warc.gz`), and its target URI.
    Record { number: u64, offset: u64, uri: Option<String> },
}

fn line_suffix(line: Option<u64>) -> String {
    line.map(|line| format!(":{line}")).unwrap_or_default()
}

fn part_suffix(part: Option<&Part>) -> String {
    let with = |uri: &Option<String>| uri.as_ref().map(|uri| format!(" ({uri})")).unwrap_or_default();
    match part {
        None => String::new(),
        Some(Part::Item { number, link }) => format!(": item {number}{}", with(link)),
        Some(Part::Record { number, offset, uri }) => format!(": record {number} at byte {offset}{}", with(uri)),
    }
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    /// The input could not be opened or read.
    #[error("cannot read: {0}")]
    Io(std::io::Error),
    /// `offset` counts bytes from the start of the input.
    #[error("not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 { offset: u64 },
    /// A plain-text input is empty or white space only.
    #[error("no text")]
    NoText,
    #[error("malformed JSON: {message}")]
    MalformedJson { message: String },
    #[error("the line is not a JSON object")]
    NotAnObject,
    #[error("the record has no \"text\" string")]
    MissingText,
    #[error("the record's \"text\" is empty")]
    EmptyText,
    /// A field of a JSON Lines record has a value of the wrong JSON type.
    #[error("\"{field}\" is not {expected}: {value}")]
    WrongType { field: &'static str, expected: &'static str, value: String },
    /// `value` is the field's value as JSON.
    #[error("\"published\" is not a date (expected YYYY-MM-DD or an RFC 3339 timestamp): {value}")]
    BadDate { value: String },
    #[error("the line is longer than {}", size(*.limit))]
    LineTooLong { limit: u64 },
    /// A page, or a record of an archive, over the reader's limit.
    #[error("larger than {}", size(*.limit))]
    TooLarge { limit: u64 },
    /// An HTML page (or an archived one) in which nothing reads like article text.
    #[error("no article text in the HTML page")]
    NoArticleText,
    /// A feed item with neither content nor summary.
    #[error("the item has no text (neither content nor summary)")]
    NoItemText,
    /// An input read as RSS or Atom that is not one; `message` is the parser's.
    #[error("not an RSS or Atom feed: {message}")]
    NotAFeed { message: String },
    /// A feed whose XML breaks off or goes wrong after its root element; `message` says
    /// where and how.
    #[error("malformed feed XML: {message}")]
    MalformedFeed { message: String },
    /// The gzip stream of a `.warc.gz` ends inside a member.
    #[error("the gzip data is truncated")]
    TruncatedGzip,
    /// The gzip data of a `.warc.gz` cannot be decompressed; `message` is the decoder's.
    #[error("bad gzip data: {message}")]
    BadGzip { message: String },
    /// A WARC record ends before its `Content-Length`.
    #[error("the record is truncated: its Content-Length is {expected} bytes, but only {found} follow")]
    TruncatedRecord { expected: u64, found: u64 },
    /// The bytes after a record's block are not the `CRLF CRLF` that ends it, so its
    /// `Content-Length` does not match its block.
    #[error("the record's Content-Length ({length}) does not match its block: no blank line follows it")]
    LengthMismatch { length: u64 },
    /// A WARC record whose header cannot be read; `message` says what is wrong.
    #[error("malformed WARC record: {message}")]
    MalformedWarc { message: String },
}

fn size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) { format!("{} MiB", bytes / MIB) } else { format!("{bytes} bytes") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_input_and_line() {
        let error = ReadError::new("news.jsonl", Some(4), ReadErrorKind::MissingText);
        assert_eq!(error.to_string(), "news.jsonl:4: the record has no \"text\" string");
        let error = ReadError::new("bad.txt", None, ReadErrorKind::InvalidUtf8 { offset: 1234 });
        assert_eq!(error.to_string(), "bad.txt: not valid UTF-8 (first bad byte at offset 1234)");
        let error = ReadError::new("-", None, ReadErrorKind::NoText);
        assert_eq!(error.to_string(), "-: no text");
        let error = ReadError::new("a.jsonl", Some(1), ReadErrorKind::LineTooLong { limit: 64 * 1024 * 1024 });
        assert_eq!(error.to_string(), "a.jsonl:1: the line is longer than 64 MiB");
        let error = ReadError::new("a.jsonl", Some(2), ReadErrorKind::LineTooLong { limit: 10 });
        assert_eq!(error.to_string(), "a.jsonl:2: the line is longer than 10 bytes");
        let part = Part::Record { number: 3, offset: 1234, uri: Some("http://example.test/a".into()) };
        let error = ReadError::in_part("a.warc.gz", part, ReadErrorKind::NoArticleText);
        assert_eq!(
            error.to_string(),
            "a.warc.gz: record 3 at byte 1234 (http://example.test/a): no article text in the HTML page"
        );
        let error = ReadError::in_part("f.rss", Part::Item { number: 2, link: None }, ReadErrorKind::NoItemText);
        assert_eq!(error.to_string(), "f.rss: item 2: the item has no text (neither content nor summary)");
    }
}
