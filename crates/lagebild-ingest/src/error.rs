//! Read errors, in plain words, naming the input and line.

/// A document that could not be read. Its message reads `INPUT:LINE: message`, or
/// `INPUT: message` where the input has no lines.
#[derive(Debug, thiserror::Error)]
#[error("{input}{}: {kind}", line_suffix(*.line))]
pub struct ReadError {
    /// The input as given: a path, or `-` for standard input.
    pub input: String,
    /// The 1-based line, for formats with a document per line.
    pub line: Option<u64>,
    pub kind: ReadErrorKind,
}

impl ReadError {
    pub fn new(input: impl Into<String>, line: Option<u64>, kind: ReadErrorKind) -> ReadError {
        ReadError { input: input.into(), line, kind }
    }
}

fn line_suffix(line: Option<u64>) -> String {
    line.map(|line| format!(":{line}")).unwrap_or_default()
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
    }
}
