//! Quotations: opening and closing marks paired by kind and position.
//!
//! Typographic marks say which side they are (`„` and `»` open in German, `“` closes there
//! but opens in English); a straight `"` is told by its neighbours: after a space or at the
//! start of a line it opens, before a space or punctuation it closes. A quotation may span
//! sentences; an opening mark with no closing one within [`MAX_SENTENCES`] sentences is dropped.
//! A blank line ends a quotation only where the next paragraph opens a quotation again (the
//! convention for quotations of several paragraphs); an opening mark that no closing one
//! follows in its paragraph is dropped.

use lagebild_doc::{Document, Lang};

/// How many sentences a quotation may span.
const MAX_SENTENCES: u32 = 6;

/// A quotation, as token indices of its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote {
    pub(crate) open: usize,
    pub(crate) close: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Open,
    Close,
    Either,
}

fn side(doc: &Document, token: usize) -> Option<Side> {
    let range = doc.tokens[token].range;
    let text = doc.slice(range);
    // Every mark below is at most three bytes and starts with one of these.
    if text.len() > 3 || !text.starts_with(['"', '\'', '`', '„', '‚', '»', '«', '“', '”']) {
        return None;
    }
    let german = doc.meta.lang == Lang::De;
    let side = match text {
        "„" | "‚" => Side::Open,
        "»" if german => Side::Open,
        "«" if german => Side::Close,
        "«" => Side::Open,
        "»" => Side::Close,
        "“" if german => Side::Close,
        "“" => Side::Open,
        "”" => Side::Close,
        "``" => Side::Open,
        "\"" | "''" => {
            let before = doc.text()[..range.start() as usize].chars().next_back();
            let after = doc.text()[range.end() as usize..].chars().next();
            let open_context = before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | ':' | '—' | '–'));
            let close_context = after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() || c == '—');
            match (open_context, close_context) {
                (true, false) => Side::Open,
                (false, true) => Side::Close,
                _ => Side::Either,
            }
        }
        _ => return None,
    };
    Some(side)
}

/// Whether a blank line lies between token `token` and the one before it.
fn paragraph_starts(doc: &Document, token: usize) -> bool {
    token > 0
        && doc.text()[doc.tokens[token - 1].range.end() as usize..doc.tokens[token].range.start() as usize]
            .matches('\n')
            .nth(1)
            .is_some()
}

/// The quotations of `doc`, in text order; `sentence_of` maps a token to its sentence.
pub(crate) fn quotes(doc: &Document, sentence_of: &[u32]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for token in 0..doc.tokens.len() {
        let side = side(doc, token);
        // A paragraph ends an open quotation: by convention a quotation over several
        // paragraphs opens each of them again and closes only at its end, so an opening mark
        // at the next paragraph's start closes the one before there; else it is dropped.
        if let Some(start) = open
            && paragraph_starts(doc, token)
        {
            open = None;
            if matches!(side, Some(Side::Open | Side::Either)) {
                quotes.push(Quote { open: start, close: token });
                open = Some(token);
                continue;
            }
        }
        let Some(side) = side else { continue };
        if open.is_some_and(|start| sentence_of[token] > sentence_of[start] + MAX_SENTENCES) {
            // Too far: the opening mark had no partner.
            open = None;
        }
        match (side, open) {
            (Side::Close | Side::Either, Some(start)) => {
                quotes.push(Quote { open: start, close: token });
                open = None;
            }
            (Side::Open | Side::Either, _) => open = Some(token),
            (Side::Close, None) => {}
        }
    }
    quotes
}
