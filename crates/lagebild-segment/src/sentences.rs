//! Phase two: sentence boundaries over the raw tokens, and the final token list.

use lagebild_doc::{Lang, Sentence, TextRange, Token};
use lagebild_resources::LangResources;

use crate::tokenize::{Kind, Raw};

/// Turns raw tokens into tokens and sentences. A sentence ends
/// - before a blank line, and before a line break unless the text looks hard-wrapped (a
///   long line, then one going on in lower case);
/// - after `.`, `!`, `?` or an ellipsis (with the closing quotes and brackets glued to it)
///   when the next token could start a sentence: an upper-case letter, a digit, an opening
///   quote or bracket; in English also a lower-case word after `!`, `?` or a period that
///   follows a word of two letters or more (web text often starts sentences in lower case,
///   while German news does not, and a German period before lower case is more often an
///   unlisted abbreviation's);
/// - after a number's period or a `final` abbreviation when a sentence starter follows
///   (otherwise the number is an ordinal and keeps its period: `19. Oktober`, `13. - 15. Juli`);
/// - after a dateline such as `WASHINGTON (Reuters) -` at the start of a paragraph.
pub(crate) fn assemble(text: &str, raw: &[Raw], lang: Lang, resources: &LangResources) -> (Vec<Sentence>, Vec<Token>) {
    let mut tokens: Vec<Token> = Vec::with_capacity(raw.len());
    let mut sentences = Vec::new();
    let mut sentence_start: Option<usize> = None;
    let mut paragraph_first = 0;
    let mut index = 0;
    while index < raw.len() {
        let token = raw[index];
        if token.newlines_before >= 2 || (token.newlines_before == 1 && !is_wrapped_line(text, raw, index)) {
            close(&mut sentences, &mut sentence_start, &tokens);
            paragraph_first = index;
        }
        let mut ends_sentence = false;
        match token.kind {
            Kind::NumberDot => {
                let next = raw.get(index + 1);
                // A dash before a number joins two days (`vom 13. - 15. Juli`).
                let range =
                    || raw.get(index + 2).is_some_and(|after| after.newlines_before == 0 && starts_digit(text, after));
                let is_ordinal = next.is_some_and(|next| {
                    next.newlines_before == 0
                        && (starts_lowercase(text, next)
                            || starts_digit(text, next)
                            || (starts_uppercase(text, next) && !is_starter(text, next, resources))
                            || (matches!(first_char(text, next), '-' | '–') && next.end - next.start <= 3 && range()))
                });
                if is_ordinal && let Some(number) = tokens.last_mut() {
                    // Glue the period to its number: `19.` is one token.
                    number.range = TextRange::from_usize(number.range.start() as usize, token.end);
                    index += 1;
                    continue;
                }
                ends_sentence = true;
            }
            // A leading ellipsis or stray `!` opens a sentence rather than ending one.
            Kind::Terminal | Kind::Ellipsis => ends_sentence = sentence_start.is_some(),
            Kind::FinalAbbreviation => {
                let next = raw.get(index + 1);
                ends_sentence = next.is_some_and(|next| is_starter(text, next, resources));
            }
            Kind::Punct if index - paragraph_first <= 8 && is_dateline(text, &raw[paragraph_first..=index]) => {
                ends_sentence = true;
            }
            _ => {}
        }
        if sentence_start.is_none() {
            sentence_start = Some(tokens.len());
        }
        tokens.push(Token { range: TextRange::from_usize(token.start, token.end), ..Token::default() });
        index += 1;
        if ends_sentence {
            // Closing quotes and brackets, and further marks, glued to the end belong to this sentence.
            let mut quoted = false;
            while let Some(next) = raw.get(index) {
                if !matches!(next.kind, Kind::Closing | Kind::Terminal) || next.space_before {
                    break;
                }
                quoted |= next.kind == Kind::Closing;
                tokens.push(Token { range: TextRange::from_usize(next.start, next.end), ..Token::default() });
                index += 1;
            }
            let next = raw.get(index);
            let boundary = match token.kind {
                // After a closing quote, lower case goes on with the reporting clause: `"Who?" he asked.`
                Kind::Terminal => next.is_none_or(|next| {
                    can_start(text, next)
                        || (lang == Lang::En
                            && !quoted
                            && starts_lowercase(text, next)
                            && !follows_short_word(text, raw, index, &token))
                }),
                Kind::Ellipsis => next.is_none_or(|next| can_start(text, next)),
                _ => true,
            };
            if boundary {
                close(&mut sentences, &mut sentence_start, &tokens);
            }
        }
    }
    close(&mut sentences, &mut sentence_start, &tokens);
    (sentences, tokens)
}

fn close(sentences: &mut Vec<Sentence>, start: &mut Option<usize>, tokens: &[Token]) {
    if let Some(first) = start.take()
        && let (Some(first), Some(last)) = (tokens.get(first), tokens.last())
    {
        sentences.push(Sentence { range: first.range.cover(last.range) });
    }
}

/// Whether the line break before `raw[index]` only wraps a long line: the line before is
/// at least 50 characters long and the next goes on in lower case.
fn is_wrapped_line(text: &str, raw: &[Raw], index: usize) -> bool {
    if !starts_lowercase(text, &raw[index]) || index == 0 || is_address(&text[raw[index].start..raw[index].end]) {
        return false;
    }
    let before = &text[..raw[index - 1].end];
    let line = before.rsplit_once('\n').map_or(before, |(_, line)| line);
    line.chars().count() >= 50 && !is_address(line.rsplit(' ').next().unwrap_or(line))
}

/// Whether the period `terminal` (whose sentence ends before `raw[next]`) follows a word
/// of one letter or none, such as an unlisted initial.
fn follows_short_word(text: &str, raw: &[Raw], next: usize, terminal: &Raw) -> bool {
    if &text[terminal.start..terminal.end] != "." {
        return false;
    }
    let before = raw[..next].iter().rev().find(|token| token.end <= terminal.start && token.kind == Kind::Word);
    before.is_none_or(|word| word.end != terminal.start || text[word.start..word.end].chars().count() < 2)
}

fn is_address(word: &str) -> bool {
    word.contains("://") || word.starts_with("www.")
}

fn first_char(text: &str, token: &Raw) -> char {
    text[token.start..token.end].chars().next().unwrap_or(' ')
}

fn starts_lowercase(text: &str, token: &Raw) -> bool {
    first_char(text, token).is_lowercase()
}

fn starts_uppercase(text: &str, token: &Raw) -> bool {
    first_char(text, token).is_uppercase()
}

fn starts_digit(text: &str, token: &Raw) -> bool {
    first_char(text, token).is_ascii_digit()
}

fn is_starter(text: &str, token: &Raw, resources: &LangResources) -> bool {
    token.newlines_before > 0
        || token.kind == Kind::Opening
        || resources.sentence_starters.contains(&text[token.start..token.end])
}

/// Whether `token` could be the first of a sentence.
fn can_start(text: &str, token: &Raw) -> bool {
    let first = first_char(text, token);
    token.newlines_before > 0
        || first.is_uppercase()
        || first.is_ascii_digit()
        || token.kind == Kind::Opening
        || matches!(first, '-' | '–' | '—' | '•' | '*')
}

/// `WASHINGTON (Reuters) -`, `BERLIN -`: upper-case words, an optional agency in brackets,
/// and a dash, as the whole start of a paragraph.
fn is_dateline(text: &str, tokens: &[Raw]) -> bool {
    let Some((dash, words)) = tokens.split_last() else { return false };
    let dash_text = &text[dash.start..dash.end];
    if !matches!(dash_text, "-" | "–" | "—" | "--") || words.is_empty() || words.len() > 8 {
        return false;
    }
    let mut upper_words = 0;
    let mut in_brackets = false;
    for token in words {
        let word = &text[token.start..token.end];
        match word {
            "(" => in_brackets = true,
            ")" => in_brackets = false,
            "," => {}
            _ if in_brackets => {}
            _ if word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase) => upper_words += 1,
            _ => return false,
        }
    }
    upper_words > 0 && !in_brackets
}
