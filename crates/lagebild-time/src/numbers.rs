//! Numbers in digits and words: `1.000`, `1,000`, `3,5 Millionen`, `sechs`,
//! `dreiundzwanzig`, `zweimal`, `a dozen`, `two hundred and five`.
//!
//! The words come from `<lang>/numbers.tsv`. A word is cut into the table's pieces by
//! longest match (`zwei|hundert|drei|und|zwanzig`), and the pieces of one or more words
//! are added up the usual way: units, teens and tens add, `hundert` multiplies what stands
//! before it, `tausend` and scale words (`Millionen`, `Dutzend`) close a group. A small
//! grammar of which piece may follow which keeps lists (`one two three`) and words that
//! merely begin like numbers (`Achtung`, `Einsatz`) out.
//!
//! Digits take the language's decimal and grouping marks (`1.000,5` in German,
//! `1,000.5` in English); where the shape rules that reading out, the other convention
//! is tried (`1.5` in German text is 1.5, `3,5` in English text 3.5). Dates and clock
//! times (`19.10.2023`, `15:47`) and ordinals (`19.`) are no numbers here.

use lagebild_resources::{ResourceError, WordMap, parse_table};

/// What a piece of a number word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Unit,
    UnitBound,
    Teen,
    Ten,
    Hundred,
    Thousand,
    Scale,
    Article,
    Joiner,
    TimesSuffix,
    Times,
    /// A fraction before a scale word: `half a million`, `eine halbe Million`.
    Fraction,
    /// A number written in digits (never in the table).
    Digits,
}

impl Class {
    fn parse(name: &str) -> Option<Class> {
        Some(match name {
            "unit" => Class::Unit,
            "unit_bound" => Class::UnitBound,
            "teen" => Class::Teen,
            "ten" => Class::Ten,
            "hundred" => Class::Hundred,
            "thousand" => Class::Thousand,
            "scale" => Class::Scale,
            "article" => Class::Article,
            "joiner" => Class::Joiner,
            "times_suffix" => Class::TimesSuffix,
            "times" => Class::Times,
            "fraction" => Class::Fraction,
            _ => return None,
        })
    }

    /// Whether this piece may follow `previous` (`None` at the start of a number).
    fn may_follow(self, previous: Option<Class>) -> bool {
        use Class::*;
        match self {
            Unit => matches!(previous, None | Some(Ten | Hundred | Thousand | Scale | Joiner)),
            UnitBound => matches!(previous, None | Some(Hundred | Thousand | Scale | Joiner)),
            Teen | Ten => matches!(previous, None | Some(Hundred | Thousand | Scale | Joiner)),
            Hundred => matches!(previous, None | Some(Unit | UnitBound | Teen | Digits | Article | Thousand)),
            Thousand => matches!(previous, None | Some(Unit | UnitBound | Teen | Ten | Hundred | Digits | Article)),
            Scale => matches!(previous, Some(Unit | Teen | Ten | Hundred | Thousand | Digits | Article | Fraction)),
            Fraction => matches!(previous, None | Some(Article)),
            Joiner => matches!(previous, Some(Unit | UnitBound | Ten | Hundred | Thousand | Scale)),
            TimesSuffix => matches!(previous, Some(Unit | Teen | Ten | Hundred | Thousand)),
            Article => matches!(previous, None | Some(Fraction)),
            Times | Digits => previous.is_none(),
        }
    }

    /// Whether a number may end after this piece.
    fn may_end(self) -> bool {
        !matches!(self, Class::UnitBound | Class::Joiner | Class::Article | Class::Fraction)
    }
}

/// One row of the table: a piece of a number word.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    class: Class,
    value: f64,
}

/// The number words and marks of one language (`<lang>/numbers.tsv`).
#[derive(Debug, Clone)]
pub struct NumberWords {
    decimal: u8,
    group: u8,
    /// Whole words, lowercase, with every class they have (`one` is a unit and an article).
    words: WordMap<Vec<(Class, f64)>>,
    /// Pieces that make up compound words, longest first.
    pieces: Vec<Piece>,
    /// Bit [`start_key`] is set for the first three bytes of every word or piece that may
    /// begin a number: a quick no for most words.
    starts: Vec<u64>,
    /// Whether some word or piece starts with the byte: a quick no for the words after the first.
    first_bytes: [bool; 256],
    /// Indices into `pieces` by their first byte, longest first.
    by_first_byte: Vec<Vec<u16>>,
}

impl Default for NumberWords {
    fn default() -> NumberWords {
        NumberWords {
            decimal: b'.',
            group: b',',
            words: WordMap::default(),
            pieces: Vec::new(),
            starts: vec![0; 1024],
            first_bytes: [false; 256],
            by_first_byte: vec![Vec::new(); 256],
        }
    }
}

/// The running sum of a number being read.
#[derive(Debug, Clone, Copy, Default)]
struct Sum {
    total: f64,
    current: f64,
    last: Option<Class>,
}

impl Sum {
    /// Adds a piece; false (and no change) where it may not follow.
    fn push(&mut self, class: Class, value: f64) -> bool {
        if !class.may_follow(self.last) {
            return false;
        }
        let current_or_one = if self.current == 0.0 { 1.0 } else { self.current };
        match class {
            Class::Unit | Class::UnitBound | Class::Teen | Class::Ten | Class::Digits | Class::Times => {
                self.current += value;
            }
            // `half a million`: the article after a fraction adds nothing.
            Class::Article if self.last == Some(Class::Fraction) => {}
            Class::Article => self.current = value,
            Class::Fraction => self.current = current_or_one * value,
            Class::Hundred => self.current = current_or_one * value,
            Class::Thousand | Class::Scale => {
                self.total += current_or_one * value;
                self.current = 0.0;
            }
            Class::Joiner | Class::TimesSuffix => {}
        }
        self.last = Some(class);
        true
    }

    fn value(&self) -> f64 {
        self.total + self.current
    }
}

impl NumberWords {
    /// Reads a `numbers.tsv` named `file` (for error messages) with the text `text`.
    pub fn load(file: &str, text: &str) -> Result<NumberWords, ResourceError> {
        let table = parse_table(file, text, 3)?;
        let mut numbers = NumberWords::default();
        let (mut decimal, mut group) = (None, None);
        for row in &table.rows {
            let (word, class, value) = (row.fields[0], row.fields[1], row.fields[2]);
            if class == "mark" {
                let &[mark] = word.as_bytes() else {
                    return Err(row.error(file, "a mark is one ASCII character"));
                };
                match value {
                    "decimal" => decimal = Some(mark),
                    "group" => group = Some(mark),
                    _ => return Err(row.error(file, "a mark's value is `decimal` or `group`")),
                }
                continue;
            }
            let Some(class) = Class::parse(class) else {
                return Err(row.error(file, &format!("unknown class `{class}`")));
            };
            let Ok(value) = value.parse::<f64>() else {
                return Err(row.error(file, &format!("`{value}` is not a number")));
            };
            if word != word.to_lowercase() || word.ends_with('.') {
                return Err(row.error(file, "a word is lowercase, without a final period"));
            }
            numbers.words.entry(word.to_owned()).or_default().push((class, value));
            numbers.first_bytes[usize::from(word.as_bytes()[0])] = true;
            if class.may_follow(None) {
                numbers.mark_start(word.as_bytes());
            }
            if !matches!(class, Class::Scale | Class::Article | Class::Times | Class::Fraction) {
                numbers.pieces.push(Piece { text: word.to_owned(), class, value });
            }
        }
        let (Some(decimal), Some(group)) = (decimal, group) else {
            return Err(ResourceError::Invalid {
                file: file.to_owned(),
                line: 1,
                message: "the table names no decimal and group `mark`".to_owned(),
            });
        };
        if decimal == group {
            return Err(ResourceError::Invalid {
                file: file.to_owned(),
                line: 1,
                message: "the decimal and group marks are the same".to_owned(),
            });
        }
        numbers.decimal = decimal;
        numbers.group = group;
        numbers.pieces.sort_by(|a, b| b.text.len().cmp(&a.text.len()).then_with(|| a.text.cmp(&b.text)));
        for (index, piece) in numbers.pieces.iter().enumerate() {
            let index = u16::try_from(index).map_err(|_| ResourceError::Invalid {
                file: file.to_owned(),
                line: 1,
                message: "too many number words".to_owned(),
            })?;
            numbers.by_first_byte[usize::from(piece.text.as_bytes()[0])].push(index);
        }
        Ok(numbers)
    }

    /// Marks the start of a word that may begin a number: its first three bytes (all of
    /// it when shorter).
    fn mark_start(&mut self, word: &[u8]) {
        let bit = start_key(word);
        self.starts[bit / 64] |= 1 << (bit % 64);
    }

    /// Whether `word` could begin a number: digits, or a word whose first three lowercase
    /// bytes are those of a number word that may begin one (`sec` of `sechs`). A cheap test
    /// without allocation for callers that scan every token; false for most words.
    pub fn may_begin(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else { return false };
        if first.is_ascii_digit() {
            return true;
        }
        // Most words: three ASCII bytes or more.
        if let [a, b, c, ..] = *bytes
            && (a | b | c) < 0x80
        {
            let bit = start_key(&[a.to_ascii_lowercase(), b.to_ascii_lowercase(), c.to_ascii_lowercase()]);
            return self.starts[bit / 64] & (1 << (bit % 64)) != 0;
        }
        let mut head = [0u8; 3];
        let len;
        if bytes.iter().take(3).all(u8::is_ascii) {
            len = bytes.len().min(3);
            for (slot, byte) in head.iter_mut().zip(bytes) {
                *slot = byte.to_ascii_lowercase();
            }
        } else {
            // Lowercase the first character only (capitals inside a word are rare), then
            // take the bytes that follow as they are.
            let mut characters = word.chars();
            let first = characters.next().map_or(' ', |c| c.to_lowercase().next().unwrap_or(c));
            let mut buffer = [0u8; 4];
            let encoded = first.encode_utf8(&mut buffer).as_bytes();
            let rest = characters.as_str().as_bytes();
            let mut filled = 0;
            for &byte in encoded.iter().chain(rest).take(3) {
                head[filled] = byte.to_ascii_lowercase();
                filled += 1;
            }
            len = filled;
        }
        let bit = start_key(&head[..len]);
        self.starts[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether `word` is a scale, hundred or thousand word (`Millionen`, `Dutzend`,
    /// `hundred`): after an article, it makes a number (`ein Dutzend`, `a million`).
    pub fn is_multiplier(&self, word: &str) -> bool {
        self.next_multiplies(word)
    }

    /// A number starting at `words[0]`: digits with German or English separators (`1.000`,
    /// `1,000`, `3,5`, `1.5`), number words (`sechs`, `dreiundzwanzig`, `twenty-one`,
    /// `zweimal`, `twice`), and scale words after either (`3,5 Millionen`, `two million`,
    /// `ein Dutzend`, `Mrd.`). Returns the value and how many words it used.
    pub fn parse(&self, words: &[&str]) -> Option<(f64, usize)> {
        let first = *words.first()?;
        let mut sum = Sum::default();
        let mut used = 0;
        // Every branch reads the first word (or returns).
        let index = 1;
        if first.as_bytes().first()?.is_ascii_digit() {
            let value = match self.digits(first) {
                Some(value) => value,
                // A scale word glued to the digits: `2.9bn`, `1,5Mrd`.
                None => {
                    let at = first.find(|c: char| c.is_alphabetic())?;
                    let scale = self.scale(&first[at..])?;
                    self.digits(&first[..at])? * scale
                }
            };
            sum.push(Class::Digits, value);
            used = 1;
        } else {
            if !self.may_begin(first) {
                return None;
            }
            let mut buffer = [0u8; 64];
            let lower = lowercase(first, &mut buffer);
            let lower = lower.strip_suffix('.').unwrap_or(&lower);
            let classes = self.words.get(lower).map_or(&[][..], Vec::as_slice);
            let class_value = |wanted: Class| classes.iter().find(|(class, _)| *class == wanted).map(|&(_, v)| v);
            if let Some(value) = class_value(Class::Fraction) {
                sum.push(Class::Fraction, value);
            } else if let Some(value) = class_value(Class::Article)
                && words.len() > 1
                && (self.next_multiplies(words[1]) || self.is_fraction(words[1]))
            {
                sum.push(Class::Article, value);
            } else if let Some(value) = class_value(Class::Times) {
                return Some((value, 1));
            } else {
                // The first word, already in lowercase.
                if !self.read_lower(lower, classes, &mut sum) {
                    return None;
                }
                if sum.last.is_some_and(Class::may_end) {
                    used = 1;
                }
            }
        }
        let mut pending = sum;
        let mut index = index;
        while index < words.len() && pending.last != Some(Class::TimesSuffix) {
            if !self.read_word(words[index], &mut pending) {
                break;
            }
            index += 1;
            if pending.last.is_some_and(Class::may_end) {
                sum = pending;
                used = index;
            }
        }
        (used > 0).then(|| (sum.value(), used))
    }

    /// Whether the lowercase of `word` starts with a byte some number word starts with.
    fn may_continue(&self, word: &str) -> bool {
        word.chars().next().and_then(|first| first.to_lowercase().next()).is_some_and(|first| {
            let mut buffer = [0u8; 4];
            self.first_bytes[usize::from(first.encode_utf8(&mut buffer).as_bytes()[0])]
        })
    }

    /// The value of the scale word `word` (`Millionen`, `bn`, `Mrd.`).
    fn scale(&self, word: &str) -> Option<f64> {
        let mut buffer = [0u8; 64];
        let lower = lowercase(word, &mut buffer);
        let lower = lower.strip_suffix('.').unwrap_or(&lower);
        self.words.get(lower)?.iter().find(|(class, _)| *class == Class::Scale).map(|&(_, value)| value)
    }

    /// Whether `word` is a fraction word (`halbe`, `half`): before a scale word, it makes a
    /// number (`half a million`).
    pub fn is_fraction(&self, word: &str) -> bool {
        let mut buffer = [0u8; 64];
        let lower = lowercase(word, &mut buffer);
        self.words.get(&*lower).is_some_and(|classes| classes.iter().any(|(class, _)| *class == Class::Fraction))
    }

    /// Whether `word` is a scale, hundred or thousand word (`Millionen`, `Dutzend`, `hundred`).
    fn next_multiplies(&self, word: &str) -> bool {
        let mut buffer = [0u8; 64];
        let lower = lowercase(word, &mut buffer);
        let lower = lower.strip_suffix('.').unwrap_or(&lower);
        self.words.get(lower).is_some_and(|classes| {
            classes.iter().any(|(class, _)| matches!(class, Class::Scale | Class::Hundred | Class::Thousand))
        })
    }

    /// Adds the pieces of one word to `sum`; false (and `sum` unchanged) where the word is
    /// not a number word or does not fit after what came before.
    fn read_word(&self, word: &str, sum: &mut Sum) -> bool {
        if word.as_bytes().first().is_none_or(u8::is_ascii_digit) || !self.may_continue(word) {
            return false;
        }
        let mut buffer = [0u8; 64];
        let lower = lowercase(word, &mut buffer);
        let lower = lower.strip_suffix('.').unwrap_or(&lower);
        let classes = self.words.get(lower).map_or(&[][..], Vec::as_slice);
        self.read_lower(lower, classes, sum)
    }

    /// [`NumberWords::read_word`] of the lowercase `lower`, whose whole-word classes are `classes`.
    fn read_lower(&self, lower: &str, classes: &[(Class, f64)], sum: &mut Sum) -> bool {
        let mut trial = *sum;
        // Scale words, fractions and articles stand alone (`Millionen`, `Mio.`, `halbe`,
        // `a` in `half a million`); other words are cut into pieces. An article starts a
        // number only where the caller saw a scale word after it.
        let stands_alone = |class: &Class| match class {
            Class::Scale | Class::Fraction => true,
            Class::Article => sum.last == Some(Class::Fraction),
            _ => false,
        };
        for &(class, value) in classes.iter().filter(|(class, _)| stands_alone(class)) {
            if trial.push(class, value) {
                *sum = trial;
                return true;
            }
        }
        if classes.iter().any(|(class, _)| matches!(class, Class::Scale | Class::Fraction))
            && !classes.iter().any(|(class, _)| !matches!(class, Class::Scale | Class::Fraction | Class::Article))
        {
            return false;
        }
        let mut rest = lower;
        while !rest.is_empty() {
            let candidates = &self.by_first_byte[usize::from(rest.as_bytes()[0])];
            let Some(piece) = candidates
                .iter()
                .map(|&index| &self.pieces[usize::from(index)])
                .find(|piece| rest.starts_with(piece.text.as_str()))
            else {
                return false;
            };
            if piece.class == Class::TimesSuffix && rest.len() != piece.text.len() {
                return false;
            }
            if !trial.push(piece.class, piece.value) {
                return false;
            }
            rest = &rest[piece.text.len()..];
        }
        // A word that is only a joiner (`and`, `-`) must be followed by more of the number,
        // which the caller checks through `may_end`.
        *sum = trial;
        true
    }

    /// The value of a number in digits with this language's marks, else the other
    /// convention's where only it fits the shape; `None` for dates, times and codes.
    fn digits(&self, word: &str) -> Option<f64> {
        let bytes = word.as_bytes();
        if !bytes.last()?.is_ascii_digit() {
            return None;
        }
        if bytes.iter().all(u8::is_ascii_digit) {
            return word.parse().ok();
        }
        if !bytes.iter().all(|&b| b.is_ascii_digit() || b == self.decimal || b == self.group) {
            // Only the two marks of either convention may stand between digits.
            return None;
        }
        read_marked(word, self.decimal, self.group).or_else(|| read_marked(word, self.group, self.decimal))
    }
}

/// `word` read with `decimal` as the decimal mark and `group` as the thousands mark:
/// groups of three digits after a first group of one to three, then at most one decimal
/// mark followed by digits.
fn read_marked(word: &str, decimal: u8, group: u8) -> Option<f64> {
    let (integer, fraction) = match word.bytes().position(|b| b == decimal) {
        Some(at) => (&word[..at], Some(&word[at + 1..])),
        None => (word, None),
    };
    let mut plain = String::with_capacity(word.len());
    for (index, part) in integer.split(group as char).enumerate() {
        let fits = !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_digit())
            && if index == 0 { part.len() <= 3 || !integer.contains(group as char) } else { part.len() == 3 };
        if !fits {
            return None;
        }
        plain.push_str(part);
    }
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        plain.push('.');
        plain.push_str(fraction);
    }
    plain.parse().ok()
}

/// A 16-bit key of a word's first three bytes (fewer where it is shorter): FNV-1a.
fn start_key(word: &[u8]) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for &byte in word.iter().take(3) {
        hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
    }
    hash = (hash ^ word.len().min(3) as u32).wrapping_mul(0x0100_0193);
    ((hash >> 16) ^ (hash & 0xffff)) as usize
}

/// `word` in lowercase: borrowed where it has no capitals, else written into `buffer`
/// (or allocated where it does not fit), so that most look-ups allocate nothing.
fn lowercase<'a>(word: &'a str, buffer: &'a mut [u8; 64]) -> std::borrow::Cow<'a, str> {
    if !word.chars().any(char::is_uppercase) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut len = 0;
    for character in word.chars().flat_map(char::to_lowercase) {
        let width = character.len_utf8();
        if len + width > buffer.len() {
            return std::borrow::Cow::Owned(word.to_lowercase());
        }
        character.encode_utf8(&mut buffer[len..]);
        len += width;
    }
    match std::str::from_utf8(&buffer[..len]) {
        Ok(lower) => std::borrow::Cow::Borrowed(lower),
        Err(_) => std::borrow::Cow::Owned(word.to_lowercase()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de() -> NumberWords {
        NumberWords::load("de/numbers.tsv", include_str!("../../../resources/de/numbers.tsv")).unwrap()
    }

    fn en() -> NumberWords {
        NumberWords::load("en/numbers.tsv", include_str!("../../../resources/en/numbers.tsv")).unwrap()
    }

    /// Each case: the words, then the value and how many words were used (`None`: no number).
    fn check(numbers: &NumberWords, cases: &[(&str, Option<(f64, usize)>)]) {
        for (text, expected) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(numbers.parse(&words), *expected, "{text}");
        }
    }

    #[test]
    fn german_numbers_in_digits_and_words() {
        check(
            &de(),
            &[
                ("1.000 Container", Some((1000.0, 1))),
                ("3,5 Millionen Euro", Some((3_500_000.0, 2))),
                ("1.000.000", Some((1_000_000.0, 1))),
                ("1.5", Some((1.5, 1))),
                ("1.234,5", Some((1234.5, 1))),
                ("19.10.2023", None),
                ("19.", None),
                ("15:47", None),
                ("sechs Überfahrten", Some((6.0, 1))),
                ("Sechs", Some((6.0, 1))),
                ("dreiundzwanzig", Some((23.0, 1))),
                ("zweihundertdreiundzwanzig", Some((223.0, 1))),
                ("einhundert", Some((100.0, 1))),
                ("tausendundeins", Some((1001.0, 1))),
                ("zweimal", Some((2.0, 1))),
                ("einmal", None),
                ("ein Dutzend Soldaten", Some((12.0, 2))),
                ("eine Million", Some((1_000_000.0, 2))),
                ("ein Mann", None),
                ("zwei Mrd.", Some((2_000_000_000.0, 2))),
                ("Millionen Menschen", None),
                ("Achtung", None),
                ("Einsatz", None),
                ("und", None),
                ("mal", None),
                ("drei Tage", Some((3.0, 1))),
                ("eine halbe Million", Some((500_000.0, 3))),
                ("halbe Sachen", None),
                ("1,5Mrd", Some((1_500_000_000.0, 1))),
            ],
        );
    }

    #[test]
    fn english_numbers_in_digits_and_words() {
        check(
            &en(),
            &[
                ("1,000 containers", Some((1000.0, 1))),
                ("1.5 million", Some((1_500_000.0, 2))),
                ("3,5", Some((3.5, 1))),
                ("two million", Some((2_000_000.0, 2))),
                ("twenty-one", Some((21.0, 1))),
                ("one hundred and five", Some((105.0, 4))),
                ("one hundred and", Some((100.0, 2))),
                ("a dozen", Some((12.0, 2))),
                ("a man", None),
                ("one two", Some((1.0, 1))),
                ("twice", Some((2.0, 1))),
                ("ten thousand", Some((10_000.0, 2))),
                ("often", None),
                ("$5", None),
                ("half a million", Some((500_000.0, 3))),
                ("half the", None),
                ("2.9bn", Some((2_900_000_000.0, 1))),
                ("5kg", None),
            ],
        );
    }

    #[test]
    fn a_table_without_marks_or_with_an_unknown_class_is_refused() {
        let error = NumberWords::load("x.tsv", "# source: me\n# licence: MIT\neins\tunit\t1\n").unwrap_err();
        assert!(error.to_string().contains("mark"), "{error}");
        let error = NumberWords::load("x.tsv", "# source: me\n# licence: MIT\neins\tdigit\t1\n").unwrap_err();
        assert_eq!(error.to_string(), "x.tsv:3: unknown class `digit`");
    }
}
