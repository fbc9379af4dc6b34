//! Phase one: the text's white-space separated chunks, cut into raw tokens.
//!
//! A chunk loses its leading and trailing punctuation one piece at a time; what stays is
//! the core, which is split only at dashes, slashes between words and punctuation glued
//! to a following word. Hyphens, and periods, commas and colons between digits, stay
//! inside the core (`B-52-Bomber`, `1.000`, `12.04.2016`, `15:47`). Whether a period after
//! a number is an ordinal's (`19. Oktober`) is decided in phase two, which sees the next word.

use lagebild_doc::Lang;
use lagebild_resources::LangResources;

/// What a raw token is, as far as sentence splitting cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    /// `.`, `!`, `?` or a run of them such as `?!`.
    Terminal,
    /// `...` or `…`.
    Ellipsis,
    /// A word with its period, which ends no sentence (`z.B.`, `Dr.`, `U.S.`, `A.`).
    Abbreviation,
    /// An abbreviation that may end a sentence when a sentence starter follows (`usw.`).
    FinalAbbreviation,
    /// The period right after a short number: an ordinal's (`19.`) or a sentence end.
    NumberDot,
    /// A quote or bracket stripped from the front of a chunk.
    Opening,
    /// A quote or bracket stripped from the end of a chunk.
    Closing,
    /// Other punctuation: comma, colon, semicolon, dash.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    /// Line breaks in the white space before this token (0 when it is glued to the one before).
    pub(crate) newlines_before: u8,
    /// Whether white space separates it from the token before.
    pub(crate) space_before: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '„' | '“' | '”' | '‚' | '‘' | '’' | '«' | '»' | '‹' | '›' | '`')
}

fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<' | '¿' | '¡')
}

fn is_close_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '>')
}

fn is_dash(c: char) -> bool {
    matches!(c, '–' | '—' | '‒' | '―')
}

pub(crate) fn tokenize(text: &str, lang: Lang, resources: &LangResources) -> Vec<Raw> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut position = 0;
    let mut newlines: u32 = 0;
    let mut at_start = true;
    let mut trailing = Vec::new();
    while position < bytes.len() {
        let byte = bytes[position];
        // Fast path for ASCII white space; other white space is found through `char`.
        if byte.is_ascii_whitespace() {
            if byte == b'\n' {
                newlines += 1;
            }
            position += 1;
            continue;
        }
        let character = text[position..].chars().next().unwrap_or(' ');
        if character.is_whitespace() {
            if character == '\u{2028}' || character == '\u{2029}' {
                newlines += 1;
            }
            position += character.len_utf8();
            continue;
        }
        let (chunk_end, plain) = chunk_end(text, position);
        let first = tokens.len();
        if plain {
            // Letters and digits only: one word, nothing to split.
            push(&mut tokens, position, chunk_end, Kind::Word);
        } else {
            split_chunk(text, position, chunk_end, lang, resources, &mut tokens, &mut trailing);
        }
        if let Some(token) = tokens.get_mut(first) {
            token.newlines_before = newlines.min(u8::MAX.into()) as u8;
            token.space_before = !at_start;
        }
        at_start = false;
        newlines = 0;
        position = chunk_end;
    }
    tokens
}

/// The end of the white-space separated chunk that starts at `start`, and whether it is
/// plain: ASCII letters and digits, or non-ASCII characters that are neither punctuation nor
/// typographic quotes and dashes (whose UTF-8 starts with 0xC2 or 0xE2).
fn chunk_end(text: &str, start: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut position = start;
    let mut plain = true;
    while position < bytes.len() {
        let byte = bytes[position];
        if byte < 0x80 {
            if byte.is_ascii_whitespace() {
                return (position, plain);
            }
            plain &= byte.is_ascii_alphanumeric();
            position += 1;
        } else {
            let character = text[position..].chars().next().unwrap_or('a');
            if character.is_whitespace() {
                return (position, plain);
            }
            plain &= byte != 0xC2 && byte != 0xE2;
            position += character.len_utf8();
        }
    }
    (position, plain)
}

fn push(tokens: &mut Vec<Raw>, start: usize, end: usize, kind: Kind) {
    tokens.push(Raw { start, end, kind, newlines_before: 0, space_before: false });
}

/// Splits the chunk `text[start..end]` into tokens, appended in text order.
fn split_chunk(
    text: &str,
    start: usize,
    end: usize,
    lang: Lang,
    resources: &LangResources,
    tokens: &mut Vec<Raw>,
    trailing: &mut Vec<(usize, usize, Kind)>,
) {
    let chunk = &text[start..end];
    if let Some(core_end) = url_like(chunk) {
        push(tokens, start, start + core_end, Kind::Word);
        if core_end < chunk.len() {
            split_chunk(text, start + core_end, end, lang, resources, tokens, trailing);
        }
        return;
    }
    let (mut low, mut high) = (start, end);
    // Leading punctuation.
    while low < high {
        let rest = &text[low..high];
        let character = rest.chars().next().unwrap_or(' ');
        let width = character.len_utf8();
        if rest.starts_with("..") {
            let run = rest.bytes().take_while(|&b| b == b'.').count();
            push(tokens, low, low + run, Kind::Ellipsis);
            low += run;
        } else if character == '…' {
            push(tokens, low, low + width, Kind::Ellipsis);
            low += width;
        } else if rest.starts_with("``") || rest.starts_with("''") {
            push(tokens, low, low + 2, Kind::Opening);
            low += 2;
        } else if (is_quote(character) && !(lang == Lang::En && is_clitic_chunk(rest))) || is_open_bracket(character) {
            push(tokens, low, low + width, Kind::Opening);
            low += width;
        } else if matches!(character, '$' | '€' | '£' | '¥') && rest[width..].starts_with(|c: char| c.is_ascii_digit())
        {
            push(tokens, low, low + width, Kind::Punct);
            low += width;
        } else if is_dash(character) || rest.starts_with("--") {
            let width = if is_dash(character) { width } else { rest.bytes().take_while(|&b| b == b'-').count() };
            push(tokens, low, low + width, Kind::Punct);
            low += width;
        } else if matches!(character, ',' | ';' | ':' | '*' | '•' | '·') && rest.len() > width {
            let run = if character == '*' { rest.bytes().take_while(|&b| b == b'*').count() } else { width };
            push(tokens, low, low + run, Kind::Punct);
            low += run;
        } else {
            break;
        }
    }
    // Trailing punctuation, collected in reverse.
    trailing.clear();
    while low < high {
        let rest = &text[low..high];
        let character = rest.chars().next_back().unwrap_or(' ');
        let width = character.len_utf8();
        if rest.ends_with("``") || rest.ends_with("''") {
            trailing.push((high - 2, high, Kind::Closing));
            high -= 2;
        } else if is_quote(character) || is_close_bracket(character) {
            if lang == Lang::En && is_clitic_chunk(rest) {
                break;
            }
            trailing.push((high - width, high, Kind::Closing));
            high -= width;
        } else if matches!(character, ',' | ';' | ':' | '*') {
            let run = if character == '*' { rest.bytes().rev().take_while(|&b| b == b'*').count() } else { 1 };
            trailing.push((high - run, high, Kind::Punct));
            high -= run;
        } else if is_dash(character) {
            trailing.push((high - width, high, Kind::Punct));
            high -= width;
        } else if character == '?' || character == '!' {
            // Each mark of `?!!` is a token of its own, as in UD; the sentence ends after the last.
            trailing.push((high - 1, high, Kind::Terminal));
            high -= 1;
        } else if character == '…' {
            trailing.push((high - width, high, Kind::Ellipsis));
            high -= width;
        } else if character == '.' {
            let run = rest.bytes().rev().take_while(|&b| b == b'.').count();
            if run >= 2 {
                trailing.push((high - run, high, Kind::Ellipsis));
                high -= run;
                continue;
            }
            let word = &rest[..rest.len() - 1];
            match period_kind(word, rest, lang, resources) {
                Some(kind @ (Kind::Abbreviation | Kind::FinalAbbreviation)) => {
                    trailing.push((low, high, kind));
                    high = low;
                }
                Some(Kind::NumberDot) => {
                    trailing.push((high - 1, high, Kind::NumberDot));
                    high -= 1;
                    // The number itself is the core.
                    break;
                }
                _ => {
                    trailing.push((high - 1, high, Kind::Terminal));
                    high -= 1;
                }
            }
        } else {
            break;
        }
    }
    if low < high {
        split_core(text, low, high, tokens);
    }
    for &(token_start, token_end, kind) in trailing.iter().rev() {
        push(tokens, token_start, token_end, kind);
    }
}

/// What a period after `word` is: part of an abbreviation, an ordinal's candidate, or
/// (`None`) a period of its own. `with_period` is `word` followed by its period.
fn period_kind(word: &str, with_period: &str, lang: Lang, resources: &LangResources) -> Option<Kind> {
    if word.is_empty() {
        return None;
    }
    let listed = with_period.len() <= resources.longest_abbreviation
        && (resources.abbreviations.contains(with_period)
            || contains_case_folded(&resources.abbreviations, with_period));
    if listed {
        let is_final = resources.final_abbreviations.contains(with_period)
            || contains_case_folded(&resources.final_abbreviations, with_period);
        return Some(if is_final { Kind::FinalAbbreviation } else { Kind::Abbreviation });
    }
    // A number glued to a listed abbreviation: `1p.m.`, `10:30a.m.`.
    let unit = with_period.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
    if unit.len() < with_period.len()
        && unit[..unit.len() - 1].contains('.')
        && with_period.as_bytes()[0].is_ascii_digit()
        && resources.abbreviations.contains(unit)
    {
        return Some(if resources.final_abbreviations.contains(unit) {
            Kind::FinalAbbreviation
        } else {
            Kind::Abbreviation
        });
    }
    let mut characters = word.chars();
    let first = characters.next()?;
    // A single letter: an initial (`J. Smith`) or part of `z. B.`.
    if characters.next().is_none() && first.is_alphabetic() {
        return Some(Kind::Abbreviation);
    }
    // The last part of a hyphenated compound: `Zimmermann-Str.`.
    if let Some((_, last)) = with_period.rsplit_once('-')
        && last.len() > 1
        && resources.abbreviations.contains(last)
    {
        return Some(if resources.final_abbreviations.contains(last) {
            Kind::FinalAbbreviation
        } else {
            Kind::Abbreviation
        });
    }
    // Letters with inner periods and no vowel-free long runs: `U.S`, `z.B`, `e.g`, `Ph.D`.
    if word.contains('.')
        && word.split('.').all(|part| part.chars().count() <= 3 && part.chars().all(char::is_alphabetic))
    {
        return Some(Kind::Abbreviation);
    }
    // `13./14.`, `13-15.`: two days, the first with its period or a dash.
    let pair = || {
        word.split_once("./").is_some_and(|(first, second)| is_ordinal_number(first) && is_ordinal_number(second))
            || word.split_once('-').is_some_and(|(first, second)| {
                first.len() <= 2 && is_ordinal_number(first) && is_ordinal_number(second)
            })
    };
    if lang == Lang::De && (is_ordinal_number(word) || pair()) {
        return Some(Kind::NumberDot);
    }
    None
}

/// `19`, `3`, `120` or a day and month `12.04`: numbers that a German period may make ordinal.
fn is_ordinal_number(word: &str) -> bool {
    let mut parts = word.split('.');
    let day = parts.next().unwrap_or("");
    let short_number = |part: &str| (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
    match (parts.next(), parts.next()) {
        (None, _) => short_number(day),
        (Some(month), None) => short_number(day) && day.len() <= 2 && month.len() <= 2 && short_number(month),
        _ => false,
    }
}

/// Looks up `word` with its first letter's case flipped: `Ca.` at a sentence start is `ca.`.
fn contains_case_folded(set: &std::collections::HashSet<String>, word: &str) -> bool {
    let mut characters = word.chars();
    let Some(first) = characters.next() else { return false };
    let rest = characters.as_str().as_bytes();
    let flipped = if first.is_uppercase() {
        first.to_lowercase().next()
    } else if first.is_lowercase() {
        first.to_uppercase().next()
    } else {
        None
    };
    // Abbreviations are short: a buffer on the stack avoids an allocation per sentence end.
    let mut buffer = [0u8; 32];
    let Some(flipped) = flipped.filter(|c| c.len_utf8() + rest.len() <= buffer.len()) else { return false };
    let width = flipped.encode_utf8(&mut buffer).len();
    buffer[width..width + rest.len()].copy_from_slice(rest);
    std::str::from_utf8(&buffer[..width + rest.len()]).is_ok_and(|candidate| set.contains(candidate))
}

/// A chunk that is an English clitic on its own (`'s`, `'re`, `n't`), or a word ending in one.
fn is_clitic_chunk(rest: &str) -> bool {
    let lower = rest.trim_start_matches(['\'', '’']);
    rest.len() != lower.len()
        && !lower.is_empty()
        && lower.len() <= 3
        && lower.chars().all(|c| c.is_ascii_alphabetic())
        && matches!(lower.to_ascii_lowercase().as_str(), "s" | "re" | "ll" | "ve" | "d" | "m" | "t" | "em" | "n")
}

/// Recognises URLs and e-mail addresses, which keep their inner punctuation. Returns the
/// length of the address without trailing punctuation.
fn url_like(chunk: &str) -> Option<usize> {
    let lower_start = chunk.get(..8).unwrap_or(chunk).to_ascii_lowercase();
    let is_url =
        lower_start.starts_with("http://") || lower_start.starts_with("https://") || lower_start.starts_with("www.");
    let is_mail = chunk.find('@').is_some_and(|at| {
        at > 0
            && chunk[at + 1..].contains('.')
            && chunk[..at].bytes().all(|b| b.is_ascii_alphanumeric() || b"._-+".contains(&b))
    });
    if !is_url && !is_mail {
        return None;
    }
    let core =
        chunk.trim_end_matches(|c: char| matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']') || is_quote(c));
    Some(core.len())
}

/// Whether the two sides of a word's hyphen make a range, which is three tokens, as in UD
/// English: two small numbers, rising (`aged 13-17`, `July 13-15`, `16-17 Uhr`; a score or a
/// date, `5-3`, `9-11`, `7-6`, stays one); two years, rising (`2014-2018`); two times of day
/// (`3-4pm`, `11:30-13:30`, `15h30-18h`).
fn is_range(first: &str, second: &str) -> bool {
    let digits_of = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    let rising = |a: &str, b: &str| a.parse::<u16>().ok() < b.parse::<u16>().ok();
    (digits_of(first, 1..=2) && digits_of(second, 1..=2) && rising(first, second))
        || (digits_of(first, 4..=4)
            && digits_of(second, 4..=4)
            && rising(first, second)
            && [first, second].iter().all(|year| (1000..=2199).contains(&year.parse::<u16>().unwrap_or(0))))
        || (is_clock_part(first)
            && is_clock_part(second)
            && [first, second].iter().any(|part| part.bytes().any(|b| !b.is_ascii_digit())))
}

/// Whether a piece of a word is a time of day: an hour, with minutes after `:` or `h` and
/// `am`/`pm` where given (`3`, `4pm`, `11:30`, `15h30`, `18h`, `6:00p.m.`).
fn is_clock_part(part: &str) -> bool {
    let part = ["am", "pm", "a.m.", "p.m."].iter().find_map(|m| part.strip_suffix(m)).unwrap_or(part);
    let hour_len = part.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&hour_len) {
        return false;
    }
    match &part[hour_len..] {
        "" | "h" => true,
        rest => rest
            .strip_prefix([':', 'h'])
            .is_some_and(|minutes| minutes.len() == 2 && minutes.bytes().all(|b| b.is_ascii_digit())),
    }
}

/// Splits a chunk's core at dashes, double hyphens, slashes between words, and commas,
/// colons or semicolons glued to a following letter. English clitics stay in their word
/// (`don't`, `it's`, `Today's`), as UD's multiword tokens do.
fn split_core(text: &str, start: usize, end: usize, tokens: &mut Vec<Raw>) {
    let core = &text[start..end];
    if let Some((first, second)) = core.split_once('-')
        && is_range(first, second)
    {
        push_word(start, start + first.len(), tokens);
        push(tokens, start + first.len(), start + first.len() + 1, Kind::Punct);
        push_word(start + first.len() + 1, end, tokens);
        return;
    }
    // Most words hold none of the bytes a split needs (0xE2 leads every dash): one quick scan.
    if !core.bytes().any(|b| matches!(b, b',' | b';' | b':' | b'/' | b'(' | b')' | b'[' | b']' | b'-' | 0xE2)) {
        push_word(start, end, tokens);
        return;
    }
    let mut piece_start = 0;
    let mut previous: Option<char> = None;
    let mut iterator = core.char_indices().peekable();
    while let Some((offset, character)) = iterator.next() {
        let next = iterator.peek().map(|&(_, c)| c);
        let split_width = if (is_dash(character) || matches!(character, '(' | ')' | '[' | ']')) && offset > 0 {
            character.len_utf8()
        } else if character == '-' && next == Some('-') && offset > 0 {
            2
        } else if character == '/'
            && previous == Some('.')
            && next.is_some_and(|c| c.is_ascii_digit())
            && core[piece_start..offset]
                .strip_suffix('.')
                .is_some_and(|day| (1..=2).contains(&day.len()) && day.bytes().all(|b| b.is_ascii_digit()))
        {
            // Two German ordinal days: `13./14. Juli` is `13.`, `/`, `14.`.
            1
        } else if matches!(character, ',' | ';' | ':' | '/')
            && previous.is_some_and(char::is_alphabetic)
            && next.is_some_and(char::is_alphabetic)
            && !(character == '/' && (offset < 2 || core.len() - offset < 3))
        {
            1
        } else {
            0
        };
        if split_width > 0 {
            if piece_start < offset {
                push_word(start + piece_start, start + offset, tokens);
            }
            push(tokens, start + offset, start + offset + split_width, Kind::Punct);
            piece_start = offset + split_width;
            if split_width == 2 {
                iterator.next();
            }
        }
        previous = Some(character);
    }
    if piece_start < core.len() {
        push_word(start + piece_start, end, tokens);
    }
}

fn push_word(start: usize, end: usize, tokens: &mut Vec<Raw>) {
    push(tokens, start, end, Kind::Word);
}
