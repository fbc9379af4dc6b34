//! Readers that turn inputs into raw documents: the first step of lagebild.
//!
//! An [`Input`] is a path or standard input. [`read_inputs`] streams the documents of every
//! input in order: a directory is walked in path order, reading the files whose [`Format`] is
//! known by their extension (`.txt`, `.jsonl`); a file named explicitly with another extension
//! is sniffed. Each format has a [`Reader`], which turns one byte stream into
//! [`RawDocument`]s: [`TextReader`] reads a whole file as one document (with an optional title
//! line), [`JsonLinesReader`] reads one document per line, line by line. Nothing is analysed
//! here; `lang` and the other metadata are passed on as the input gives them.
//!
//! A bad input never stops the stream: it yields a [`ReadError`] naming the input (and line),
//! and the next document follows.
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

mod error;
mod inputs;
mod jsonl;
mod text;

use std::fmt;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

pub use error::{ReadError, ReadErrorKind};
pub use inputs::read_inputs;
pub use jsonl::{JsonLinesReader, MAX_LINE_BYTES};
pub use text::{MAX_TITLE_CHARS, TextReader};

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

/// Turns one byte stream of a format into documents. Further formats (HTML, RSS/Atom, WARC)
/// are further implementations, each named by a [`Format`] variant.
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
}

impl Format {
    /// Every format, in the order their extensions are tried.
    pub const ALL: &'static [Format] = &[Format::Text, Format::JsonLines];

    /// The file extensions (lowercase, without the dot) that name this format.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt"],
            Format::JsonLines => &["jsonl"],
        }
    }

    /// The format that the extension of `path` names (in any case), if any.
    pub fn for_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL.iter().copied().find(|format| format.extensions().contains(&extension.as_str()))
    }

    /// Guesses the format from the first bytes of an input: JSON Lines when the first byte
    /// other than white space (and a byte-order mark) is `{`, else plain text.
    pub fn sniff(head: &[u8]) -> Format {
        let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
        match head.iter().find(|byte| !byte.is_ascii_whitespace()) {
            Some(b'{') => Format::JsonLines,
            _ => Format::Text,
        }
    }

    /// The reader of this format.
    pub fn reader(self) -> Box<dyn Reader> {
        match self {
            Format::Text => Box::new(TextReader),
            Format::JsonLines => Box::new(JsonLinesReader),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "plain text",
            Format::JsonLines => "JSON Lines",
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
}
