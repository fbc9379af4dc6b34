//! The quantities layer: a number with its modifier and its unit or counted noun
//! (`mehr als 1.000 Container` → 1000, more_than, `Container`; `etwa 100 km` → 100, about,
//! `km`; `$5 million` → 5000000, `USD`).
//!
//! The stage scans the segmenter's tokens once. Where a token can begin a number
//! ([`NumberWords::may_begin`], a look-up of its first three bytes, then its part of
//! speech), the number is read with [`NumberWords::parse`] within its sentence; the words around it come from
//! `<lang>/quantity_words.tsv`:
//! - a modifier phrase right before it (`mehr als`, `at least`) gives the modifier, else `exact`;
//! - a unit right after it (`km`, `Prozent`, `Euro`), or a currency sign before it (`$`),
//!   gives the unit; else the next noun, possibly after adjectives (`sechs weitere
//!   Überfahrten`), is what is counted (the last of nouns written apart: `three policy
//!   positions`), and its lemma is the unit;
//! - the first end of a range takes the second's unit (`60 bis 70 Prozent`), and is a time
//!   where the second is (`20 bis 30 Jahre`);
//! - a bare number right after a noun or name is a label (`section 5`), not a quantity;
//! - numbers of time expressions belong to the times layer and are skipped: those followed
//!   by a time word (`drei Tage`, `15 Uhr`, `19 October`) or preceded by one (`Oktober 2023`,
//!   `im Jahr 2023`), and four-digit numbers from 1000 to 2199 without a unit or counted
//!   noun right after them (years). Ordinals (`19.`), dates (`19.10.2023`) and clock times
//!   (`15:47`) are no numbers to [`NumberWords`] in the first place; and
//!   [`analyze`](crate::analyze) drops a quantity that lies inside a time expression (`July
//!   13-15`, `16-17 Uhr`).
//!
//! The extent runs from the modifier (or currency sign) to the unit or counted noun.

use lagebild_doc::{Document, Quantity, QuantityModifier, TextRange};
use lagebild_resources::{ResourceError, WordMap, parse_table};

use crate::NumberWords;

/// Modifiers, units and time words of one language (`<lang>/quantity_words.tsv`).
#[derive(Debug, Clone, Default)]
pub struct QuantityWords {
    /// Modifier phrases as lowercase words, longest first.
    modifiers: Vec<(Vec<String>, QuantityModifier)>,
    /// Units after the number by their first lowercase word: the whole phrase's words and
    /// the unit, longest phrase first.
    units: WordMap<Vec<(Vec<String>, String)>>,
    /// Currency signs and codes before the number, lowercase.
    units_before: WordMap<String>,
    time_after: WordMap<()>,
    time_before: WordMap<()>,
    /// Words between the two ends of a range (`bis`, `to`).
    range: WordMap<()>,
}

impl QuantityWords {
    /// Reads a `quantity_words.tsv` named `file` (for error messages) with the text `text`.
    pub fn load(file: &str, text: &str) -> Result<QuantityWords, ResourceError> {
        let table = parse_table(file, text, 3)?;
        let mut words = QuantityWords::default();
        for row in &table.rows {
            let (phrase, class, value) = (row.fields[0], row.fields[1], row.fields[2]);
            if phrase != phrase.to_lowercase() || phrase.contains("  ") {
                return Err(row.error(file, "a phrase is lowercase, its words separated by single spaces"));
            }
            let split = || phrase.split(' ').map(str::to_owned).collect::<Vec<_>>();
            match class {
                "modifier" => {
                    let Some(modifier) = QuantityModifier::parse(value) else {
                        return Err(row.error(file, &format!("unknown modifier `{value}`")));
                    };
                    words.modifiers.push((split(), modifier));
                }
                "unit" => {
                    let first = phrase.split(' ').next().unwrap_or(phrase).to_owned();
                    words.units.entry(first).or_default().push((split(), value.to_owned()));
                }
                "unit_before" => {
                    words.units_before.insert(phrase.to_owned(), value.to_owned());
                }
                "time_after" => {
                    words.time_after.insert(phrase.to_owned(), ());
                }
                "time_before" => {
                    words.time_before.insert(phrase.to_owned(), ());
                }
                "range" => {
                    words.range.insert(phrase.to_owned(), ());
                }
                _ => return Err(row.error(file, &format!("unknown class `{class}`"))),
            }
        }
        words.modifiers.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        for units in words.units.values_mut() {
            units.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
        }
        Ok(words)
    }
}

/// The tokens of one sentence as the stage sees them.
struct Sentence<'d> {
    doc: &'d Document,
    /// Index of the sentence's first token in `doc.tokens`.
    first: usize,
    /// Number of its tokens.
    len: usize,
}

impl<'d> Sentence<'d> {
    /// The text of token `index` of the sentence.
    fn word(&self, index: usize) -> &'d str {
        self.doc.slice(self.doc.tokens[self.first + index].range)
    }

    fn range(&self, index: usize) -> TextRange {
        self.doc.tokens[self.first + index].range
    }

    fn pos(&self, index: usize) -> Option<&str> {
        self.doc.tokens[self.first + index].pos()
    }

    /// Whether the lowercase words `phrase` stand at `at`.
    fn has_phrase(&self, at: usize, phrase: &[String]) -> bool {
        at + phrase.len() <= self.len
            && phrase.iter().enumerate().all(|(offset, expected)| eq_lowercase(self.word(at + offset), expected))
    }
}

/// Whether `word` lowercased is `lower`.
fn eq_lowercase(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

fn lookup<'m, V>(map: &'m WordMap<V>, word: &str) -> Option<&'m V> {
    if map.is_empty() {
        return None;
    }
    if word.chars().any(char::is_uppercase) { map.get(word.to_lowercase().as_str()) } else { map.get(word) }
}

/// The quantities of `doc`, in text order.
pub fn quantities(doc: &Document, words: &QuantityWords, numbers: &NumberWords) -> Vec<Quantity> {
    let mut found = Vec::new();
    // One pass over the tokens; the sentence around a token is looked up only for
    // candidates, which most tokens are not.
    let (mut sentence_index, mut first, mut end) = (0, 0, 0);
    let text = doc.text();
    let mut index = 0;
    while index < doc.tokens.len() {
        let token = &doc.tokens[index];
        let word = text.get(token.range.start() as usize..token.range.end() as usize).unwrap_or_default();
        if !numbers.may_begin(word) {
            index += 1;
            continue;
        }
        if index >= end {
            // The sentence holding this token, and its token range.
            while sentence_index < doc.sentences.len()
                && doc.sentences[sentence_index].range.end() <= token.range.start()
            {
                sentence_index += 1;
            }
            let Some(sentence) = doc.sentences.get(sentence_index) else { break };
            first = index;
            while first > 0 && doc.tokens[first - 1].range.start() >= sentence.range.start() {
                first -= 1;
            }
            end = index;
            while end < doc.tokens.len() && doc.tokens[end].range.start() < sentence.range.end() {
                end += 1;
            }
            if end == index {
                // A token outside every sentence.
                index += 1;
                end = 0;
                continue;
            }
        }
        if may_start(doc, index, end, numbers)
            && let Some((quantity, next)) =
                quantity_at(&Sentence { doc, first, len: end - first }, index - first, words, numbers)
        {
            found.push(quantity);
            index = first + next;
        } else {
            index += 1;
        }
    }
    found
}

/// Whether a number may start at token `index` (of a sentence ending before token `end`),
/// a token that starts like a number word ([`NumberWords::may_begin`]): digits, or a word
/// that is not a preposition, conjunction, verb or punctuation; an article (`ein`, `a`) only
/// before a scale word or fraction (`ein Dutzend`, `eine halbe Million`). Compounds the tagger has not seen
/// (`dreiundzwanzig`, `twenty-one`) may come out as nouns, adjectives, names or even (long)
/// pronouns, so those pass.
fn may_start(doc: &Document, index: usize, end: usize, numbers: &NumberWords) -> bool {
    let token = &doc.tokens[index];
    let word = doc.slice(token.range);
    if word.as_bytes()[0].is_ascii_digit() || numbers.is_fraction(word) {
        return true;
    }
    match token.pos() {
        Some("DET") => {
            index + 1 < end && {
                let next = doc.slice(doc.tokens[index + 1].range);
                numbers.is_multiplier(next) || numbers.is_fraction(next)
            }
        }
        Some("ADP" | "AUX" | "CCONJ" | "SCONJ" | "PART" | "PUNCT" | "VERB" | "SYM") => false,
        // Short pronouns (`sie`, `one`, `einer`) are no numbers; a long one is a compound
        // number the tagger has not seen.
        Some("PRON") => word.len() > 6,
        _ => true,
    }
}

/// The quantity whose number starts at token `index`, and the token after it.
fn quantity_at(
    sentence: &Sentence<'_>,
    index: usize,
    words: &QuantityWords,
    numbers: &NumberWords,
) -> Option<(Quantity, usize)> {
    let word = sentence.word(index);
    // `50%` is one token: the number and its unit.
    let (value, used, mut unit) = match word.strip_suffix('%') {
        Some(number) if !number.is_empty() => (numbers.parse(&[number])?.0, 1, Some("%".to_owned())),
        _ => {
            // A number takes a few words at most (`two hundred and fifty thousand`).
            let mut window = [""; 8];
            let count = (sentence.len - index).min(window.len());
            for (offset, slot) in window[..count].iter_mut().enumerate() {
                *slot = sentence.word(index + offset);
            }
            match numbers.parse(&window[..count]) {
                Some((value, used)) => (value, used, None),
                // A unit glued to the digits: `20km`, `5kg`.
                None => {
                    let at = word.find(|c: char| c.is_alphabetic()).filter(|&at| at > 0)?;
                    let code = lookup(&words.units, &word[at..])?
                        .iter()
                        .find(|(phrase, _)| phrase.len() == 1)
                        .map(|(_, code)| code.clone())?;
                    (numbers.parse(&[&word[..at]])?.0, 1, Some(code))
                }
            }
        }
    };
    let after = index + used;
    let next = (after < sentence.len).then(|| sentence.word(after));
    if next.is_some_and(|next| lookup(&words.time_after, next).is_some())
        || index.checked_sub(1).is_some_and(|before| lookup(&words.time_before, sentence.word(before)).is_some())
    {
        return None;
    }
    // The first end of a range (`60 bis 70 Prozent`, `20 bis 30 Jahren`) is what the second is.
    let mut range_unit = None;
    if unit.is_none()
        && next.is_some_and(|next| lookup(&words.range, next).is_some())
        && after + 1 < sentence.len
        && numbers.may_begin(sentence.word(after + 1))
    {
        let mut window = [""; 8];
        let count = (sentence.len - after - 1).min(window.len());
        for (offset, slot) in window[..count].iter_mut().enumerate() {
            *slot = sentence.word(after + 1 + offset);
        }
        if let Some((_, other_used)) = numbers.parse(&window[..count]) {
            let following = after + 1 + other_used;
            if following < sentence.len {
                let word_after = sentence.word(following);
                if lookup(&words.time_after, word_after).is_some() {
                    return None;
                }
                range_unit = lookup(&words.units, word_after)
                    .and_then(|units| units.iter().find(|(phrase, _)| sentence.has_phrase(following, phrase)))
                    .map(|(_, code)| code.clone());
            }
        }
    }
    let mut start = index;
    let mut end = after;
    // A currency sign or code before the number.
    if unit.is_none()
        && let Some(before) = index.checked_sub(1)
        && let Some(code) = lookup(&words.units_before, sentence.word(before))
    {
        unit = Some(code.clone());
        start = before;
    }
    // A unit after it, longest phrase first.
    if unit.is_none()
        && let Some(next) = next
        && let Some(units) = lookup(&words.units, next)
        && let Some((phrase, code)) = units.iter().find(|(phrase, _)| sentence.has_phrase(after, phrase))
    {
        unit = Some(code.clone());
        end = after + phrase.len();
    }
    // Else the counted noun: the next noun, after at most three adjectives.
    let mut adjectives = false;
    if unit.is_none() {
        let mut at = after;
        while at < sentence.len && at < after + 3 && sentence.pos(at) == Some("ADJ") {
            at += 1;
        }
        if at < sentence.len && sentence.pos(at) == Some("NOUN") {
            // English compounds are written apart: the last noun is what is counted
            // (`three policy positions`, `800,000 local government workers`).
            while at + 1 < sentence.len && at < after + 5 && sentence.pos(at + 1) == Some("NOUN") {
                at += 1;
            }
            let token = &sentence.doc.tokens[sentence.first + at];
            let lemma = token.lemma().unwrap_or(sentence.word(at));
            if lookup(&words.time_after, lemma).is_some() {
                return None;
            }
            unit = Some(lemma.to_owned());
            end = at + 1;
            adjectives = at > after;
        }
    }
    // Years: a four-digit number without a unit or a noun right after it (`1972 geborene
    // Bürgermeister` is a year, `2000 Soldaten` a quantity).
    let year_like =
        used == 1 && word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) && (1000.0..2200.0).contains(&value);
    if year_like && (unit.is_none() || adjectives) {
        return None;
    }
    if unit.is_none() {
        unit = range_unit;
    }
    // A bare number right after a noun or name is a label (`section 5`, `Risiko zwei`,
    // `World War Two`), not a quantity.
    if unit.is_none() && start == index && index > 0 && matches!(sentence.pos(index - 1), Some("NOUN" | "PROPN")) {
        return None;
    }
    // `one`, `eins` alone is too often a pronoun or part of a phrase to count.
    if value == 1.0 && unit.is_none() && !word.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let mut modifier = QuantityModifier::Exact;
    if let Some((phrase, found)) = words
        .modifiers
        .iter()
        .find(|(phrase, _)| start >= phrase.len() && sentence.has_phrase(start - phrase.len(), phrase))
    {
        modifier = *found;
        start -= phrase.len();
    }
    let range = sentence.range(start).cover(sentence.range(end - 1));
    Some((Quantity { range, value, unit, modifier }, end))
}
