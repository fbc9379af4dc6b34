//! Checks that hold for every document any reader returns.

use lagebild_ingest::RawDocument;

/// The text is plain, non-empty, trimmed, with paragraphs separated by exactly one blank line.
pub fn check(doc: &RawDocument) {
    assert!(!doc.text.is_empty(), "a document has text");
    assert_eq!(doc.text.trim(), doc.text, "the text is trimmed");
    assert!(!doc.text.contains("\n\n\n"), "paragraphs are separated by one blank line");
    for paragraph in doc.text.split("\n\n") {
        assert!(!paragraph.is_empty() && !paragraph.contains('\n'), "a paragraph is one line: {paragraph:?}");
        assert!(!paragraph.contains("  "), "white space is collapsed: {paragraph:?}");
    }
    assert_eq!(doc.id, lagebild_ingest::content_id(&doc.text));
    if let Some(title) = &doc.title {
        assert!(!title.is_empty() && !title.contains('\n'), "a title is one line: {title:?}");
    }
}
