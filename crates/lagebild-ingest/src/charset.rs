//! The charset of an HTML page: declared by a byte-order mark, the transport (HTTP) or a
//! `<meta>` tag, else guessed.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many bytes at the start of a page are searched for a `<meta>` charset; the HTML
/// standard's prescan looks at 1024, pages in the wild put it later.
const PRESCAN_BYTES: usize = 4096;

/// Decodes an HTML page to text.
///
/// The charset is, in order: a byte-order mark; `transport` (the `charset` of an HTTP
/// `Content-Type`); a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first
/// bytes. A page that declares UTF-8, or nothing, and is not valid UTF-8 is decoded in the
/// charset that chardetng guesses (a page that declares UTF-8 and is Latin-1 is a common
/// mistake). Bytes that are invalid in the charset become U+FFFD.
pub fn decode_html<'a>(bytes: &'a [u8], transport: Option<&str>) -> Cow<'a, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0;
    }
    let declared =
        transport.and_then(|label| Encoding::for_label(label.trim().as_bytes())).or_else(|| meta_charset(bytes));
    // Per the HTML standard a page cannot declare UTF-16 in itself, and x-user-defined is Latin-1.
    let declared =
        declared.map(|encoding| if encoding == encoding_rs::X_USER_DEFINED { WINDOWS_1252 } else { encoding });
    match declared {
        Some(encoding) if encoding != UTF_8 => encoding.decode_without_bom_handling(bytes).0,
        _ => decode_utf8_or_guess(bytes),
    }
}

/// Bytes as UTF-8 where they are valid UTF-8, else decoded in the charset chardetng guesses.
pub(crate) fn decode_utf8_or_guess(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            detector.guess(None, chardetng::Utf8Detection::Allow).decode_without_bom_handling(bytes).0
        }
    }
}

/// The charset of the first `<meta>` tag with one, in the first [`PRESCAN_BYTES`].
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut at = 0;
    while let Some(start) = find_ascii_ci(&head[at..], b"<meta") {
        let tag_start = at + start + 5;
        let tag_end = head[tag_start..].iter().position(|&byte| byte == b'>').map_or(head.len(), |end| tag_start + end);
        let tag = &head[tag_start..tag_end];
        if let Some(found) = find_ascii_ci(tag, b"charset") {
            let rest = &tag[found + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
                let end = rest
                    .iter()
                    .position(|&byte| matches!(byte, b'"' | b'\'' | b';' | b'/' | b'>') || byte.is_ascii_whitespace())
                    .unwrap_or(rest.len());
                if let Some(encoding) = Encoding::for_label(&rest[..end]) {
                    return Some(if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                        UTF_8
                    } else {
                        encoding
                    });
                }
            }
        }
        at = tag_end;
    }
    None
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|byte| !byte.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

/// The offset of the first occurrence of lowercase ASCII `needle` in `haystack`, in any case.
pub(crate) fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    (0..=haystack.len() - needle.len()).find(|&at| {
        haystack[at].to_ascii_lowercase() == first && haystack[at..at + needle.len()].eq_ignore_ascii_case(needle)
    })
}

/// The `charset` parameter of a MIME type such as `text/html; charset=ISO-8859-1`.
pub(crate) fn charset_parameter(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_without_declaration_is_read_as_utf8() {
        assert_eq!(decode_html("<p>Straße</p>".as_bytes(), None), "<p>Straße</p>");
    }

    #[test]
    fn a_meta_charset_or_http_equiv_is_followed() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><p>Stra\xDFe</p>";
        assert!(decode_html(page, None).contains("Straße"));
        let page = b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=windows-1252'><p>\x84Zitat\x93</p>";
        assert!(decode_html(page, None).contains("„Zitat“"));
    }

    #[test]
    fn the_transport_charset_wins_over_the_page_and_a_bom_over_both() {
        let page = b"<meta charset=utf-8><p>Stra\xDFe</p>";
        assert!(decode_html(page, Some("ISO-8859-15")).contains("Straße"));
        let page = b"\xEF\xBB\xBF<meta charset=iso-8859-1><p>Stra\xC3\x9Fe</p>";
        assert!(decode_html(page, Some("latin1")).contains("Straße"));
    }

    #[test]
    fn undeclared_or_wrongly_declared_latin1_is_guessed() {
        let page = b"<p>Die Stra\xDFe f\xFChrt \xFCber die Br\xFCcke nach S\xFCden, sagte der B\xFCrgermeister.</p>";
        assert!(decode_html(page, None).contains("Straße führt über die Brücke"));
        let mut declared = b"<meta charset=\"utf-8\">".to_vec();
        declared.extend_from_slice(page);
        assert!(decode_html(&declared, None).contains("Brücke nach Süden"));
    }

    #[test]
    fn charset_parameters_of_mime_types() {
        assert_eq!(charset_parameter("text/html; charset=ISO-8859-1"), Some("ISO-8859-1"));
        assert_eq!(charset_parameter("text/html;Charset=\"utf-8\""), Some("utf-8"));
        assert_eq!(charset_parameter("text/html"), None);
    }
}
