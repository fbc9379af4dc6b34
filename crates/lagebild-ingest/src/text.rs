//! Plain text: one document per input, with an optional title line.

use std::io::{BufRead, Read};

use crate::{RawDocument, ReadError, ReadErrorKind, Reader, content_id};

/// The longest first line (in characters) that is taken as a title.
pub const MAX_TITLE_CHARS: usize = 300;

/// Reads a whole UTF-8 input as one document.
///
/// A leading byte-order mark is dropped. When the first line is not blank, has at most
/// [`MAX_TITLE_CHARS`] characters and is followed by one or more blank lines, it is the title
/// and the text starts at the next line that is not blank; otherwise there is no title and
/// the text is the whole input. White space at the end of the text is trimmed; nothing else
/// is changed (line endings stay as they are).
#[derive(Debug, Clone, Copy, Default)]
pub struct TextReader;

impl Reader for TextReader {
    fn read(&self, source: &str, input: Box<dyn BufRead>) -> Box<dyn Iterator<Item = Result<RawDocument, ReadError>>> {
        let source = source.to_owned();
        Box::new(std::iter::once_with(move || read_text(&source, input)))
    }
}

fn read_text(source: &str, mut input: impl Read) -> Result<RawDocument, ReadError> {
    let error = |kind| ReadError::new(source, None, kind);
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes).map_err(|e| error(ReadErrorKind::Io(e)))?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|e| error(ReadErrorKind::InvalidUtf8 { offset: e.valid_up_to() as u64 }))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (title, text) = split_title(text);
    let text = text.trim_end();
    if text.is_empty() {
        return Err(error(ReadErrorKind::NoText));
    }
    Ok(RawDocument {
        id: content_id(text),
        source: source.to_owned(),
        title,
        url: None,
        published: None,
        published_time: None,
        lang: None,
        text: text.to_owned(),
    })
}

/// Splits off a title line followed by blank lines; see [`TextReader`].
fn split_title(text: &str) -> (Option<String>, &str) {
    let Some(end) = text.find('\n') else { return (None, text) };
    let first = text[..end].trim();
    if first.is_empty() || first.chars().count() > MAX_TITLE_CHARS {
        return (None, text);
    }
    let mut rest = &text[end + 1..];
    let mut blank_lines = 0;
    while let Some(end) = rest.find('\n') {
        if !rest[..end].trim().is_empty() {
            break;
        }
        rest = &rest[end + 1..];
        blank_lines += 1;
    }
    if blank_lines == 0 || rest.trim().is_empty() {
        return (None, text);
    }
    (Some(first.to_owned()), rest)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn read(bytes: &[u8]) -> Result<RawDocument, ReadError> {
        let mut docs: Vec<_> = TextReader.read("a.txt", Box::new(Cursor::new(bytes.to_vec()))).collect();
        assert_eq!(docs.len(), 1, "a text input is one document");
        docs.remove(0)
    }

    #[test]
    fn a_first_line_followed_by_a_blank_line_is_the_title() {
        let doc = read(b"Kim reist ab\n\nKim reiste am Montag ab.\nEr kam nicht wieder.\n").unwrap();
        assert_eq!(doc.title.as_deref(), Some("Kim reist ab"));
        assert_eq!(doc.text, "Kim reiste am Montag ab.\nEr kam nicht wieder.");
        assert_eq!(doc.id, content_id(&doc.text));
        assert_eq!(doc.source, "a.txt");
        assert_eq!((doc.url, doc.published, doc.lang), (None, None, None));
    }

    #[test]
    fn several_blank_lines_with_spaces_and_crlf_end_the_title() {
        let doc = read(b"  Titel \r\n \r\n\t\r\n\r\n  Erster Satz.\r\nZweiter Satz.\r\n\r\n").unwrap();
        assert_eq!(doc.title.as_deref(), Some("Titel"));
        // CRLF inside the text is kept, the indentation of its first line too.
        assert_eq!(doc.text, "  Erster Satz.\r\nZweiter Satz.");
    }

    #[test]
    fn without_a_blank_line_there_is_no_title_and_the_text_is_unchanged() {
        let doc = read(b"Erste Zeile\nZweite Zeile\r\n\r\nDritte\n").unwrap();
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "Erste Zeile\nZweite Zeile\r\n\r\nDritte");
        let doc = read(b"Nur eine Zeile").unwrap();
        assert_eq!((doc.title, doc.text.as_str()), (None, "Nur eine Zeile"));
    }

    #[test]
    fn a_blank_first_line_or_a_long_one_is_no_title() {
        let doc = read(b"\n\nText nach Leerzeilen.\n").unwrap();
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "\n\nText nach Leerzeilen.");
        let long = "ä".repeat(MAX_TITLE_CHARS + 1);
        let doc = read(format!("{long}\n\nText.").as_bytes()).unwrap();
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, format!("{long}\n\nText."));
        // Exactly the limit, counted in characters rather than bytes, is still a title.
        let limit = "ä".repeat(MAX_TITLE_CHARS);
        let doc = read(format!("{limit}\n\nText.").as_bytes()).unwrap();
        assert_eq!(doc.title.as_deref(), Some(limit.as_str()));
    }

    #[test]
    fn a_title_with_nothing_after_it_is_the_text() {
        let doc = read(b"Eilmeldung: Kim reist ab\n\n \n").unwrap();
        assert_eq!(doc.title, None);
        assert_eq!(doc.text, "Eilmeldung: Kim reist ab");
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_trailing_white_space_trimmed() {
        let doc = read(b"\xEF\xBB\xBFText mit BOM.  \n\n\t").unwrap();
        assert_eq!(doc.text, "Text mit BOM.");
        assert_eq!(doc.id, content_id("Text mit BOM."));
    }

    #[test]
    fn an_empty_or_blank_input_has_no_text() {
        for input in [&b""[..], b"  \n\r\n\t", b"\xEF\xBB\xBF"] {
            assert_eq!(read(input).unwrap_err().to_string(), "a.txt: no text");
        }
    }

    #[test]
    fn invalid_utf8_names_the_offset_of_the_first_bad_byte() {
        let mut bytes = b"Stra".to_vec();
        bytes.push(0xDF); // Latin-1 `ß`
        bytes.extend_from_slice(b"e");
        let error = read(&bytes).unwrap_err();
        assert_eq!(error.to_string(), "a.txt: not valid UTF-8 (first bad byte at offset 4)");
        assert!(matches!(error.kind, ReadErrorKind::InvalidUtf8 { offset: 4 }));
        assert_eq!(error.line, None);
    }

    #[test]
    fn a_failing_stream_is_a_read_error() {
        struct Failing;
        impl Read for Failing {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let docs: Vec<_> = TextReader.read("-", Box::new(std::io::BufReader::new(Failing))).collect();
        assert_eq!(docs[0].as_ref().unwrap_err().to_string(), "-: cannot read: disk on fire");
    }
}
