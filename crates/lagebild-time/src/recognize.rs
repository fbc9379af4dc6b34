//! The recogniser: walks a sentence's tokens and matches time expressions, longest first,
//! from the word classes of [`TimeWords`]. Each match is a [`Sem`] (resolved by
//! [`crate::resolve`]), a duration, a set or a vague reference.

use lagebild_doc::{TimeMod, TimeType};

use std::cell::OnceCell;

use crate::NumberWords;
use crate::resolve::Sem;
use crate::tables::{Class, Count, Entry, Holiday, TimeWords, Unit};

/// A time of day.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Clock {
    pub(crate) hour: u32,
    pub(crate) minute: u32,
    pub(crate) second: Option<u32>,
    pub(crate) zone: Option<String>,
}

impl Clock {
    pub(crate) fn render(&self) -> String {
        let mut text = format!("T{:02}:{:02}", self.hour, self.minute);
        if let Some(second) = self.second {
            text.push_str(&format!(":{second:02}"));
        }
        if let Some(zone) = &self.zone {
            text.push_str(zone);
        }
        text
    }
}

/// What a match denotes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// A date, possibly with a time of day or a part of the day.
    Date {
        sem: Sem,
        clock: Option<Clock>,
        part: Option<&'static str>,
    },
    Duration(String),
    Set(String),
    Ref(&'static str),
}

/// One time expression: tokens `start..end` of the sentence's words.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Match {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Kind,
    pub(crate) modifier: Option<TimeMod>,
}

impl Match {
    pub(crate) fn time_type(&self) -> TimeType {
        match &self.kind {
            Kind::Date { clock: Some(_), .. } | Kind::Date { sem: Sem::Clock, .. } => TimeType::Time,
            Kind::Date { part: Some(_), .. } => TimeType::Time,
            Kind::Date { .. } | Kind::Ref(_) => TimeType::Date,
            Kind::Duration(_) => TimeType::Duration,
            Kind::Set(_) => TimeType::Set,
        }
    }
}

/// Where a word lies: lowercased in the sentence's buffer, or as written in the text (a word
/// that no entry, number or pattern can start with; see `TimeWords::needs_lowering`).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Bound {
    Lower(usize, usize),
    Text(usize, usize),
}

/// The words of one sentence, lowercased, with what the recogniser needs to read them.
pub(crate) struct Recognizer<'a> {
    /// The sentence's words: lowercased, or as written where no pattern can start with them
    /// (see [`Bound`]).
    pub(crate) words: &'a [&'a str],
    /// Whether each word is written with a capital letter.
    pub(crate) capital: &'a [bool],
    pub(crate) table: &'a TimeWords,
    /// The entries of each word in `table`.
    pub(crate) entries: &'a [&'a [Entry]],
    pub(crate) numbers: &'a NumberWords,
    /// The number that starts at each word, with the number of words it takes: filled on
    /// demand, since most words are never asked.
    pub(crate) number_cache: &'a [OnceCell<Option<(f64, usize)>>],
    /// Whether month and day are written month first in slashed dates (`5/12/2016`).
    pub(crate) month_first: bool,
}

/// The endings of an ordinal written in digits: English `19th`, German `15ten`, `4tes`.
const ORDINAL_SUFFIXES: [&str; 8] = ["st", "nd", "rd", "th", "ten", "ter", "tes", "te"];

fn digits(word: &str) -> Option<u32> {
    (!word.is_empty() && word.len() <= 9 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok())?
}

/// A decade written as one word: `1990s`, `1990er`, `'90s`; the first three digits of its years.
fn decade_word(word: &str) -> Option<i32> {
    let word = word.trim_start_matches(['\'', '’']);
    let number = word.strip_suffix("er").or_else(|| word.strip_suffix("'s")).or_else(|| word.strip_suffix('s'))?;
    let value = digits(number)?;
    if value % 10 != 0 {
        return None;
    }
    match number.len() {
        4 if (1000..=2190).contains(&value) => Some((value / 10) as i32),
        2 => Some((if value < 30 { 200 + value / 10 } else { 190 + value / 10 }) as i32),
        _ => None,
    }
}

fn two_digit_year(year: u32, written: &str) -> i32 {
    let year = year as i32;
    if written.len() == 2 { if year < 50 { 2000 + year } else { 1900 + year } } else { year }
}

fn is_punct(word: &str) -> bool {
    word.chars().all(|c| !c.is_alphanumeric())
}

impl<'a> Recognizer<'a> {
    fn word(&self, j: usize) -> &'a str {
        self.get(j).unwrap_or("")
    }

    fn get(&self, j: usize) -> Option<&'a str> {
        self.words.get(j).copied()
    }

    /// The number that starts at word `j` and the number of words it takes.
    fn number(&self, j: usize) -> Option<(f64, usize)> {
        let cell = self.number_cache.get(j)?;
        *cell.get_or_init(|| {
            if !self.numbers.may_begin(self.word(j)) {
                return None;
            }
            // A number takes a few words at most (`two hundred and five`).
            let mut window = [""; 6];
            let mut len = 0;
            for (k, slot) in (j..self.len()).zip(window.iter_mut()) {
                *slot = self.word(k);
                len += 1;
            }
            self.numbers.parse(&window[..len])
        })
    }

    fn len(&self) -> usize {
        self.words.len()
    }

    fn capitalised(&self, j: usize) -> bool {
        self.capital.get(j).copied().unwrap_or(false)
    }

    /// The longest entry matching at `j`: its class and the number of words.
    fn entry(&self, j: usize, wanted: impl Fn(&Class) -> bool) -> Option<(&'a Class, usize)> {
        self.entries.get(j)?.iter().find_map(|entry| {
            // The class first: a cheap test that spares comparing the later words of phrases.
            let fits = || entry.rest.iter().enumerate().all(|(k, rest)| self.get(j + 1 + k) == Some(rest.as_str()));
            (wanted(&entry.class) && fits()).then_some((&entry.class, 1 + entry.rest.len()))
        })
    }

    fn has(&self, j: usize, wanted: impl Fn(&Class) -> bool) -> bool {
        self.entry(j, wanted).is_some()
    }

    fn month(&self, j: usize) -> Option<u32> {
        let (class, _) = self.entry(j, |class| matches!(class, Class::Month(_)))?;
        let Class::Month(month) = *class else { return None };
        // `may` and `march` are also verbs: a month only next to a number or a cue.
        if self.table.month_guard(self.word(j)).is_some() && !self.month_first_context(j) {
            return None;
        }
        Some(month)
    }

    fn month_first_context(&self, j: usize) -> bool {
        let next_number = self.get(j + 1).is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let capitalised = self.capitalised(j) && j > 0;
        // `and` joins years (`between 1990 and 1995`) but is no cue for a month: `and may help`.
        let cue = j > 0
            && self.word(j - 1) != "and"
            && self.has(j - 1, |c| {
                matches!(c, Class::YearCue | Class::Shift(_) | Class::Mod(_) | Class::Link | Class::Ordinal(_))
            });
        // A capital is no cue for `May` and for abbreviations without their period (`Jan`
        // is also a name).
        let name_like = self.table.month_guard(self.word(j)) == Some(true);
        // `1 Jan`, `26th Oct`
        let day_before = j > 0 && self.day_number(j - 1).is_some();
        // `May twenty-first` (but `may first`, `may second` are a verb and an adverb)
        let ordinal_after = self.ordinal_day(j + 1).is_some_and(|d| d >= 10 || self.year(j + 2).is_some());
        next_number || (capitalised && !name_like) || cue || day_before || ordinal_after
    }

    /// The number of words of the day at `j`: two for `twenty second`, else one.
    fn day_len(&self, j: usize) -> usize {
        if self.word(j).as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return 1;
        }
        self.entry(j, |c| matches!(c, Class::Ordinal(_))).map_or(1, |(_, len)| len)
    }

    /// German writes a count before its noun and a year mostly where no noun follows (`GE
    /// hatte sich 2014 die Sparte gesichert`, `2004 verlor die Mannschaft`), as HeidelTime
    /// reads it: a four-digit number up to 2099 is a year unless a capitalised word (a noun)
    /// follows, or a word of class `count_cue` comes before it (`rund 2000`, `Resolution
    /// 1441`), or it begins a range of counts (`1500 bis 2000 Menschen`).
    fn german_lone_year(&self, j: usize) -> bool {
        let Some(next) = self.get(j + 1) else { return false };
        if self.year(j).is_none_or(|year| year > 2099)
            || !next.chars().next().is_some_and(char::is_alphabetic)
            || self.capitalised(j + 1)
            || (j > 0 && self.has(j - 1, |c| matches!(c, Class::CountCue)))
        {
            return false;
        }
        // `1500 bis 2000 Menschen`, `2000 oder 3000 Euro`
        let range_of_counts = matches!(next, "bis" | "und" | "oder")
            && self.get(j + 2).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
            && self.capitalised(j + 3)
            && self.month(j + 3).is_none();
        !range_of_counts
    }

    /// The TIMEX3 value of a duration of `count` units in this language.
    fn timex_duration(&self, unit: Unit, count: Count) -> String {
        unit.duration_as(count, self.month_first)
    }

    fn year(&self, j: usize) -> Option<i32> {
        let year = digits(self.word(j)).filter(|_| self.word(j).len() == 4)?;
        (1000..=2199).contains(&year).then_some(year as i32)
    }

    /// A year said in two number words, in English: `nineteen ninety-six`, `twenty ten`.
    fn spelled_year(&self, j: usize) -> Option<(i32, usize)> {
        // Two cheap filters before any parsing: both words may begin a number word.
        let may_begin = |k: usize| {
            let word = self.word(k);
            !word.as_bytes().first().is_none_or(u8::is_ascii_digit) && self.numbers.may_begin(word)
        };
        if !self.month_first || !may_begin(j) || !may_begin(j + 1) {
            return None;
        }
        let one = |k: usize| {
            let word = self.word(k);
            if word.as_bytes().first().is_none_or(u8::is_ascii_digit) || !self.numbers.may_begin(word) {
                return None;
            }
            let (value, used) = self.numbers.parse(&[word])?;
            (used == 1 && value.fract() == 0.0 && value < 100.0).then_some(value as i32)
        };
        // `fifteen thirty` is rather a time of day.
        let century = one(j).filter(|c| (17..=20).contains(c))?;
        let rest = one(j + 1).filter(|r| (10..=99).contains(r))?;
        // `nineteen ninety six`
        if rest % 10 == 0
            && rest >= 20
            && let Some(unit) = one(j + 2).filter(|u| (1..=9).contains(u))
        {
            return Some((century * 100 + rest + unit, j + 3));
        }
        Some((century * 100 + rest, j + 2))
    }

    /// [`Self::year_after`], or no year where none follows: the year and the end.
    fn year_or_none_after(&self, j: usize) -> (Option<i32>, usize) {
        self.year_after(j).map_or((None, j), |(year, end)| (Some(year), end))
    }

    /// [`Self::year_after_in`], or no year where none follows: the year and the end.
    fn year_or_none_after_in(&self, j: usize) -> (Option<i32>, usize) {
        self.year_after_in(j).map_or((None, j), |(year, end)| (Some(year), end))
    }

    /// A year after a holiday or month, also after `in` (`Diwali in 2019`, `February in
    /// 1974`; `to fall in 2004` is no autumn).
    fn year_after_in(&self, j: usize) -> Option<(i32, usize)> {
        self.year_after(j).or_else(|| {
            let year = self.year(j + 1).filter(|_| self.word(j) == "in")?;
            Some((year, j + 2))
        })
    }

    /// A year after a month or holiday: four digits, or two in German (`August 99`).
    fn year_after(&self, j: usize) -> Option<(i32, usize)> {
        let mut k = j;
        if self.word(k) == "," || self.word(k) == "of" {
            k += 1;
        }
        if let Some(year) = self.year(k) {
            return Some((year, k + 1));
        }
        if let Some(found) = self.spelled_year(k) {
            return Some(found);
        }
        // `two thousand and eighteen`, `nineteen hundred ninety three` after a month or a
        // holiday (alone they are rather counts)
        if self.month_first
            && let Some((value, used)) = self.number(k)
            && used >= 2
            && value.fract() == 0.0
            && (1000.0..=2199.0).contains(&value)
            && (k..k + used).any(|w| matches!(self.word(w), "thousand" | "hundred"))
        {
            return Some((value as i32, k + used));
        }
        let word = self.word(k).trim_start_matches('\'');
        if word.len() == 2 && k == j {
            return digits(word).filter(|y| *y > 31).map(|y| (two_digit_year(y, word), k + 1));
        }
        None
    }

    /// A day of the month written as an ordinal: `19.`, `19th`, `ersten`.
    fn ordinal_day(&self, j: usize) -> Option<u32> {
        let word = self.word(j);
        let number = word
            .strip_suffix('.')
            // `19th`; German `15ten`, `15te`
            .or_else(|| ORDINAL_SUFFIXES.iter().find_map(|s| word.strip_suffix(s)))
            .and_then(digits)
            .or_else(|| {
                let (class, _) = self.entry(j, |c| matches!(c, Class::Ordinal(_)))?;
                if let Class::Ordinal(n) = class { Some(*n) } else { None }
            })?;
        (1..=31).contains(&number).then_some(number)
    }

    /// A plain day number (`19` in `October 19`).
    fn day_number(&self, j: usize) -> Option<u32> {
        digits(self.word(j)).filter(|d| (1..=31).contains(d)).or_else(|| self.ordinal_day(j))
    }

    /// A count before a unit: digits or number words, `einer`, `a`, `halbes`, `einige`.
    fn count(&self, j: usize) -> Option<(Count, usize)> {
        let few = self.entry(j, |c| matches!(c, Class::Few)).map_or(0, |(_, len)| len);
        if let Some((Class::Whole(n), len)) = self.entry(j, |c| matches!(c, Class::Whole(_)))
            && len >= few
        {
            return Some((Count::Number(*n), j + len));
        }
        if let Some((_, len)) = self.entry(j, |c| matches!(c, Class::Few)) {
            let mut end = j + len;
            if self.word(end) == "of" {
                end += 1;
            }
            return Some((Count::Vague, end));
        }
        // `1/2 hour`, `3/4 h`
        if let Some(fraction) = fraction_value(self.word(j)) {
            return Some((Count::Number(fraction), j + 1));
        }
        let (value, used) = self.number(j)?;
        // `2 1/2 years`
        if used == 1
            && value.fract() == 0.0
            && let Some(fraction) = fraction_value(self.word(j + 1))
        {
            return Some((Count::Number(value + fraction), j + 2));
        }
        (used > 0 && value.is_finite() && value >= 0.0).then_some((Count::Number(value), j + used))
    }

    fn unit(&self, j: usize) -> Option<(Unit, bool, usize)> {
        let (class, len) = self.entry(j, |c| matches!(c, Class::Unit(..)))?;
        let Class::Unit(unit, plural) = *class else { return None };
        // `a half dozen states`: the word begins a number.
        if self.number(j).is_some_and(|(_, used)| used > len) {
            return None;
        }
        Some((unit, plural, j + len))
    }

    /// Every match in the sentence, left to right, longest first.
    pub(crate) fn matches(&self) -> Vec<Match> {
        let mut found = Vec::new();
        let mut j = 0;
        while j < self.len() {
            let word = self.word(j);
            let quick_reject = word.is_empty() || is_punct(word) || !self.candidate(j);
            if !quick_reject && let Some((mut left, mut right)) = self.range(j) {
                // `nächsten Monat vom 4. bis zum 23.`, `im November zwischen dem 19. und dem
                // 20.`: days of the month just named.
                if let Some(month) = found.last().filter(|m: &&Match| m.end == j) {
                    for end in [&mut left, &mut right] {
                        if let Kind::Date { sem: ref mut sem @ Sem::DayOfMonth(day), .. } = end.kind {
                            match month.kind {
                                Kind::Date { sem: Sem::Ymd { year, month, day: None }, .. } => {
                                    *sem = Sem::Ymd { year, month, day: Some(day) };
                                }
                                Kind::Date { sem: Sem::UnitShift(Unit::Month, shift), .. } => {
                                    *sem = Sem::DayOfShiftedMonth(day, shift);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                // `in der Nacht vom 14. auf den 15. Oktober`: the part of the day is the first
                // day's.
                if let Some(Match {
                    start, kind: Kind::Date { sem: Sem::Day(0), clock: None, part: Some(part) }, ..
                }) = found.last().filter(|m: &&Match| m.end == j).cloned()
                    && let Kind::Date { part: ref mut left_part @ None, clock: None, .. } = left.kind
                    && self.has(j, |c| matches!(c, Class::RangeOpen))
                {
                    *left_part = Some(part);
                    left.start = start;
                    found.pop();
                }
                j = right.end;
                found.push(left);
                found.push(right);
                continue;
            }
            match if quick_reject { None } else { self.at(j) } {
                Some(mut m) if m.end > j => {
                    j = m.end;
                    self.extend_left(&mut m, found.last().map_or(0, |last: &Match| last.end));
                    // `vom 14.10. bis zum 15.10.2018`: the first end of a range takes the
                    // second's year.
                    if let Some(last) = found.last_mut()
                        && let (
                            Kind::Date { sem: Sem::Ymd { year: year @ None, day: Some(_), .. }, .. },
                            Kind::Date { sem: Sem::Ymd { year: Some(right_year), day: Some(_), .. }, .. },
                        ) = (&mut last.kind, &m.kind)
                        && (1..=2).contains(&m.start.saturating_sub(last.end))
                        && self.entry(last.end, |c| matches!(c, Class::Range(_))).is_some_and(|(class, _)| {
                            // `vom 14.10. auf den 15.10.2018`; `auf` alone joins nothing.
                            *class == Class::Range(false)
                                || (last.start > 0 && self.has(last.start - 1, |c| matches!(c, Class::RangeOpen)))
                        })
                    {
                        *year = Some(*right_year);
                    }
                    found.push(m);
                }
                _ => j += 1,
            }
        }
        let clock_first: Vec<bool> =
            found.iter().map(|m| self.word(m.start).as_bytes().first().is_some_and(u8::is_ascii_digit)).collect();
        dated_clocks(&mut found, &clock_first);
        clocked_sets(&mut found);
        found
    }

    /// Takes into `m` the words before it that belong to it, not reaching back before `floor`:
    /// a modifier before a count (`nearly two years`, `more than four hours`), `first` before
    /// a count (`the first nine months`) and an article (`the past three months`, `the third
    /// quarter`, but not `the Aug. 2 invasion` nor `the eight-year war`).
    fn extend_left(&self, m: &mut Match, floor: usize) {
        let counted = matches!(m.kind, Kind::Duration(_))
            || matches!(m.kind, Kind::Date { sem: Sem::Offset(..) | Sem::Anaphoric(..), .. });
        if counted {
            if let Some((start, modifier)) = (1..=3).filter(|back| m.start >= floor + back).find_map(|back| {
                let k = m.start - back;
                match self.entry(k, |c| matches!(c, Class::Approx(_))) {
                    Some((Class::Approx(modifier), len)) if len == back => Some((k, *modifier)),
                    _ => None,
                }
            }) {
                m.start = start;
                if m.modifier.is_none() {
                    m.modifier = modifier;
                }
            } else if m.start > floor
                && matches!(m.kind, Kind::Duration(_))
                && self.has(m.start - 1, |c| *c == Class::Ordinal(1))
                && self.number(m.start).is_some()
            {
                m.start -= 1;
            }
        }
        if m.start <= floor || !self.has(m.start - 1, |c| matches!(c, Class::Article)) {
            return;
        }
        // `the current weakness`: the article goes with the noun.
        if matches!(m.kind, Kind::Ref(_)) && m.end == m.start + 1 && self.has(m.start, |c| matches!(c, Class::Shift(_)))
        {
            return;
        }
        let first = self.word(m.start);
        let named = self.has(m.start, |c| matches!(c, Class::Month(_) | Class::Weekday(_)))
            || first.as_bytes().first().is_some_and(u8::is_ascii_digit)
            || (first.contains('-') && m.end == m.start + 1);
        // `the 1988 period`, `the 1988 third quarter`
        let quarter_in = matches!(
            m.kind,
            Kind::Date { sem: Sem::QuarterIn(_) | Sem::Quarter(Some(_), _) | Sem::Half(Some(_), _), .. }
        ) && m.end > m.start + 1;
        if (!named || quarter_in) && !matches!(m.kind, Kind::Set(_)) {
            m.start -= 1;
        }
    }

    /// Whether the word after `j` is a time word (not a mere link, article or word that only
    /// follows one; a phrase only where all of it is there) or digits: `drei Tage`.
    fn content_follows(&self, j: usize) -> bool {
        self.get(j + 1).is_some_and(|w| w.as_bytes().first().is_some_and(u8::is_ascii_digit))
            || self.time_word_at(j + 1)
    }

    /// Whether a time word or digits come in the `n` words from `k` on, before any punctuation.
    fn content_within(&self, k: usize, n: usize) -> bool {
        (k..k + n).take_while(|&k| !is_punct(self.word(k))).any(|k| {
            self.time_word_at(k) || self.get(k).is_some_and(|w| w.as_bytes().first().is_some_and(u8::is_ascii_digit))
        })
    }

    /// Whether a time word that says something by itself starts at `k`: not a link, article
    /// or word that only follows one, and a phrase only where all of it is there.
    fn time_word_at(&self, k: usize) -> bool {
        self.entries.get(k).is_some_and(|entries| {
            entries.iter().any(|e| {
                !matches!(
                    e.class,
                    Class::Link
                        | Class::YearCue
                        | Class::Range(_)
                        | Class::Article
                        | Class::YearDet
                        | Class::Relative
                        | Class::Eve
                        | Class::PartLink
                        | Class::Record
                ) && e.rest.iter().enumerate().all(|(n, rest)| self.get(k + 1 + n) == Some(rest.as_str()))
            })
        })
    }

    /// Whether digits at `j` could start a match: a date, time or year in one token always;
    /// a plain number (`12`, `3,5`) only with a time word or a joining mark beside it.
    fn digits_may_start(&self, j: usize) -> bool {
        let word = self.word(j);
        if !word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return false;
        }
        let plain = word.bytes().all(|b| b.is_ascii_digit() || b == b',');
        !plain
            || word.len() == 4
            || self.entries.get(j + 1).is_some_and(|e| !e.is_empty())
            || (j > 0 && !self.entries[j - 1].is_empty())
            || matches!(self.get(j + 1), Some("-" | "." | "/" | "–" | ":"))
    }

    /// Whether a match could start at `j`: a cheap test that skips most words.
    fn candidate(&self, j: usize) -> bool {
        let word = self.word(j);
        // A determiner, preposition or count starts a match only before a time word or a
        // number, possibly after one or two articles: `diese Woche`, `Ende der 1990er`.
        let next_counts = || {
            (j + 1..j + 4).any(|k| {
                self.number(k).is_some()
                    || self.get(k).is_some_and(|w| w.as_bytes().first().is_some_and(u8::is_ascii_digit))
                    || self.time_word_at(k)
            })
        };
        let starts = self.entries[j].iter().any(|entry| match entry.class {
            // A phrase starts a match only where all of it is there (`the day before yesterday`).
            _ if !entry.rest.iter().enumerate().all(|(k, rest)| self.get(j + 1 + k) == Some(rest.as_str())) => false,
            Class::Link
            | Class::Relative
            | Class::Eve
            | Class::PartLink
            | Class::Record
            | Class::YearCue
            | Class::YearDet
            | Class::Approx(_)
            | Class::Article
            | Class::MinutesTo(_)
            | Class::CountedFrom(_)
            | Class::CountAdj
            | Class::FutureAux
            | Class::Earlier(_)
            | Class::Range(_)
            | Class::Clock
            | Class::Meridiem(_)
            | Class::Zone(_) => false,
            // `the quarter`, `the future`, `as soon as possible`: only where the next word
            // fits, `the` and `as` being everywhere.
            Class::Anaphor(..) | Class::Ref(_) => {
                entry.rest.first().is_none_or(|rest| self.get(j + 1) == Some(rest.as_str()))
            }
            // A count, `in`, `vor`, `jeden`: the number or unit comes next (`a couple of`).
            Class::Span => self.unit(j + 1).is_some_and(|(_, plural, _)| plural),
            // `in zwei Wochen`, `in about two hours`, `in a quarter of an hour`: only a count
            // makes `in` part of a match (before a month or year it is left out of it).
            Class::Ahead => {
                self.count(j + 1).is_some_and(|(_, k)| (k..k + 3).any(|k| self.time_word_at(k)))
                    || self.has(j + 1, |c| matches!(c, Class::Approx(_)))
                    || self.quarter_hours(j + 1).is_some()
                    || matches!(self.word(j + 1), "half" | "halben" | "halbe" | "viertel" | "dreiviertel")
            }
            Class::Whole(_) | Class::Few | Class::Every | Class::Ago(_) => {
                self.content_follows(j)
                    || self.number(j + 1).is_some()
                    || self.and_fraction(j + 1).is_some()
                    || (self.word(j + 1) == "of" && self.content_follows(j + 1))
            }
            Class::RangeOpen | Class::Shift(_) | Class::Mod(_) | Class::Ordinal(_) => next_counts(),
            _ => true,
        });
        starts
            || self.digits_may_start(j)
            // A number with a time word or digits shortly after it: `drei Tage`, `twenty and
            // four hours`, `seven thirty pm`.
            || (self.numbers.may_begin(word)
                && (self.content_within(j + 1, 3) || self.and_fraction(j + 1).is_some())
                && self.number(j).is_some_and(|(_, used)| {
                    self.content_within(j + 1, used + 2) || self.and_fraction(j + 1).is_some()
                }))
            // `all day`, `all-week`; `for the year` (the current one)
            || (self.month_first && word.starts_with("all"))
            || (self.month_first
                && word == "the"
                && (j == 0 || self.word(j - 1) == "for")
                && self.unit(j + 1).is_some())
            || word.starts_with('\'')
            || word.starts_with('’')
            || (matches!(word.as_bytes(), [b'q' | b'h', digit] if digit.is_ascii_digit()))
            || word.bytes().any(|b| b == b'-' || b == b'.' || b == b'/')
            || (word.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
                && word.as_bytes().last().is_some_and(u8::is_ascii_digit))
            || self.table.weekday_compound(word).is_some()
            || self.spelled_year(j).is_some()
    }

    fn at(&self, j: usize) -> Option<Match> {
        let plain = |end, kind| Some(Match { start: j, end, kind, modifier: None });
        // `7:57 Minuten`, `1:30 Stunden`: a time taken, not a time of day
        if let Some((whole, part)) = self.word(j).split_once(':')
            && let (Some(whole), Some(part)) = (digits(whole), digits(part).filter(|_| part.len() == 2))
            && part < 60
            && let Some((unit @ (Unit::Minute | Unit::Hour), true, end)) = self.unit(j + 1)
        {
            let (big, small) = if unit == Unit::Hour { ("H", "M") } else { ("M", "S") };
            let value = if part == 0 { format!("PT{whole}{big}") } else { format!("PT{whole}{big}{part}{small}") };
            return plain(end, Kind::Duration(value));
        }
        // Vague references, sets, counting back and forth.
        if let Some((Class::Ref(r), len)) = self.entry(j, |c| matches!(c, Class::Ref(_))) {
            // `current` is a reference alone (`the current weakness`), a determiner before a
            // unit (`the current quarter`).
            let last = j + len - 1;
            let determiner = self.has(last, |c| matches!(c, Class::Shift(_)));
            if !determiner || self.date(last).is_none() {
                return plain(j + len, Kind::Ref(r));
            }
        }
        // `heuer`, `im Vorjahr`, `seit Jahresbeginn`; `zu Jahresbeginn 2015`
        if let Some((Class::Period(unit, shift, modifier), len)) = self.entry(j, |c| matches!(c, Class::Period(..))) {
            let (sem, end) = match self.year_after(j + len) {
                Some((year, end)) if *unit == Unit::Year && *shift == 0 => (Sem::Year(year), end),
                _ => (Sem::UnitShift(*unit, *shift), j + len),
            };
            return Some(Match {
                start: j,
                end,
                kind: Kind::Date { sem, clock: None, part: None },
                modifier: *modifier,
            });
        }
        // `jahrelang`, `wochenlang`
        if let Some((Class::Lasting(unit), len)) = self.entry(j, |c| matches!(c, Class::Lasting(_))) {
            return plain(j + len, Kind::Duration(self.timex_duration(*unit, Count::Vague)));
        }
        // `all day`, `all-week`: the whole unit, as Recognizers writes it
        if self.month_first
            && let Some(rest) = self.word(j).strip_prefix("all").map(|rest| rest.trim_start_matches('-'))
        {
            let (unit, end) = if rest.is_empty() {
                self.unit(j + 1).filter(|(_, plural, _)| !plural).map_or((None, j), |(unit, _, end)| (Some(unit), end))
            } else {
                (self.unit_word(rest).filter(|(_, plural)| !plural).map(|(unit, _)| unit), j + 1)
            };
            if let Some(unit @ (Unit::Year | Unit::Month | Unit::Week | Unit::Day)) = unit {
                return plain(end, Kind::Duration(self.timex_duration(unit, Count::Number(1.0))));
            }
        }
        // `a high for the year`, `up 2% for the day`: the current one, as TimeBank writes it
        // (not `for the year ended June 30`)
        if self.month_first
            && self.word(j) == "the"
            && (j == 0 || self.word(j - 1) == "for")
            && let Some((unit @ (Unit::Year | Unit::Month | Unit::Week | Unit::Day), false, end)) = self.unit(j + 1)
            && end == j + 2
            && self.get(end).is_none_or(is_punct)
        {
            return plain(end, Kind::Date { sem: Sem::UnitShift(unit, 0), clock: None, part: None });
        }
        if let Some((Class::Anaphor(unit, latest), len)) = self.entry(j, |c| matches!(c, Class::Anaphor(..))) {
            return plain(j + len, Kind::Date { sem: Sem::Same(*unit, *latest), clock: None, part: None });
        }
        if let Some(m) = self.compound(j) {
            return Some(m);
        }
        if let Some(m) = self.glued_duration(j) {
            return Some(m);
        }
        if let Some(m) = self.set(j) {
            return Some(m);
        }
        // `vor drei Tagen`; `vor Jahren`: some time back (English words of the class follow
        // their count: `two years back`)
        if !self.month_first && self.has(j, |c| matches!(c, Class::Ago(-1))) {
            if let Some((count, k)) = self.count(j + 1)
                && let Some((unit, _, end)) = self.unit(k)
            {
                let kind = match count {
                    Count::Number(n) => Kind::Date { sem: Sem::Offset(n, unit, -1), clock: None, part: None },
                    Count::Vague => Kind::Ref("PAST_REF"),
                };
                return plain(end, kind);
            }
            if let Some((_, true, end)) = self.unit(j + 1) {
                return plain(end, Kind::Ref("PAST_REF"));
            }
        }
        // `3 fridays from now`, `2 thursdays ago`: the nth such day ahead or back.
        if let Some((Count::Number(n), k)) = self.count(j)
            && n >= 1.0
            && n.fract() == 0.0
            && let Some((Class::WeekdaySet(weekday), len)) = self.entry(k, |c| matches!(c, Class::WeekdaySet(_)))
        {
            let after = k + len;
            let sign = match self.entry(after, |c| matches!(c, Class::Ago(_) | Class::CountedFrom(_))) {
                Some((Class::Ago(sign), ago_len)) => Some((*sign, after + ago_len)),
                Some((Class::CountedFrom(1), from_len)) if self.word(after + from_len) == "now" => {
                    Some((1, after + from_len + 1))
                }
                _ => None,
            };
            if let Some((sign, end)) = sign {
                let first = Sem::Weekday(*weekday, Some(sign));
                let sem = Sem::CountedFrom(Box::new(first), n - 1.0, Unit::Week, sign);
                return plain(end, Kind::Date { sem, clock: None, part: None });
            }
        }
        if self.has(j, |c| matches!(c, Class::Ahead))
            && let Some((Count::Number(n), k)) = self.count(j + 1)
            && let Some((unit, plural, end)) = self.unit(k)
            && !self.has(end, |c| matches!(c, Class::Ago(_) | Class::Relative))
            && !self.ordinal_second(j + 1, unit, plural, end)
        {
            let kind = Kind::Date { sem: Sem::Offset(n, unit, 1), clock: None, part: None };
            return Some(Match { start: j + 1, end, kind, modifier: None });
        }
        // `in 2 more minutes`, `in half an hour`, `in 1/4 hour`, `in 2 and a half hours`: a
        // duration of the clock from now.
        if self.has(j, |c| matches!(c, Class::Ahead))
            // (`in zirka einer halben Stunde`; TimeBank reads `in about two hours` as a duration)
            && let approx = if self.month_first {
                0
            } else {
                self.entry(j + 1, |c| matches!(c, Class::Approx(_))).map_or(0, |(_, len)| len)
            }
            && let Some(m) = self.quarter_hours(j + 1 + approx).or_else(|| self.duration(j + 1 + approx)).or_else(|| {
                // `in einer halben Stunde`
                let k = j + 1 + approx;
                (matches!(self.word(k), "a" | "an" | "einer" | "einem")
                    && matches!(self.word(k + 1), "half" | "quarter" | "halben" | "viertel" | "dreiviertel"))
                .then(|| self.duration(k + 1))
                .flatten()
            })
            && let Kind::Duration(value) = &m.kind
            && let Some(seconds) = clock_seconds(value)
            && !self.has(m.end, |c| matches!(c, Class::Ago(_) | Class::Relative))
        {
            let sem = if seconds % 60 == 0 {
                Sem::Offset((seconds / 60) as f64, Unit::Minute, 1)
            } else {
                Sem::Offset(seconds as f64, Unit::Second, 1)
            };
            return Some(Match {
                start: j + 1,
                end: m.end,
                kind: Kind::Date { sem, clock: None, part: None },
                modifier: None,
            });
        }
        // `the year ended Sept. 30`, `the fiscal year ending June 30`: a year's span
        if j > 0
            && self.has(j - 1, |c| matches!(c, Class::Article))
            && let Some((Unit::Year, false, end)) = self.unit(j)
            // (British `the year to March 2005`)
            && (matches!(self.word(end), "ended" | "ending") || (self.word(end) == "to" && self.month(end + 1).is_some()))
        {
            return plain(end, Kind::Duration(self.timex_duration(Unit::Year, Count::Number(1.0))));
        }
        // `for years`, `seit Jahren`
        if self.has(j, |c| matches!(c, Class::Span))
            && let Some((unit, true, end)) = self.unit(j + 1)
        {
            let kind = Kind::Duration(self.timex_duration(unit, Count::Vague));
            return Some(Match { start: j + 1, end, kind, modifier: None });
        }
        // A part of a period: `Ende August`, `Mitte der 1990er Jahre`, `mid-August`.
        if let Some((Class::Mod(modifier), len)) = self.entry(j, |c| matches!(c, Class::Mod(_))) {
            let mut k = j + len;
            if self.word(k) == "-" {
                k += 1;
            }
            // (`Ende des Jahres`: `des` is of class `part_link`)
            while self.has(k, |c| matches!(c, Class::Link | Class::PartLink)) && k < j + len + 2 {
                k += 1;
            }
            // `earlier in the year`, `late in the week` (as TimeBank, not the day: `later in
            // the day` is left out there)
            if k == j + len
                && self.month_first
                && self.word(k) == "in"
                && self.word(k + 1) == "the"
                && let Some((unit @ (Unit::Week | Unit::Month | Unit::Year | Unit::Quarter | Unit::Decade), false, end)) =
                    self.unit(k + 2)
            {
                let kind = Kind::Date { sem: Sem::UnitShift(unit, 0), clock: None, part: None };
                return Some(Match { start: j, end, kind, modifier: Some(*modifier) });
            }
            let core = self.date(k).or_else(|| {
                // `Ende des Jahres`, `end of the month`: the current one (but `am Ende des
                // Tages` is rather `in the end`).
                let (unit, plural, end) = self.unit(k)?;
                let idiom = unit == Unit::Day && !self.month_first && j > 0 && self.word(j - 1) == "am";
                (!plural && k > j + len && !idiom)
                    .then_some((Kind::Date { sem: Sem::UnitShift(unit, 0), clock: None, part: None }, end))
            });
            if let Some((kind, end)) = core
                && matches!(kind, Kind::Date { .. })
            {
                // `late yesterday afternoon`, `early Friday morning`
                let (kind, end) = match kind {
                    Kind::Date { sem: Sem::Day(_) | Sem::Weekday(..), clock: None, part: None } => {
                        self.with_time(kind, end)
                    }
                    _ => (kind, end),
                };
                return Some(Match { start: j, end, kind, modifier: Some(*modifier) });
            }
        }
        if let Some((first, rest)) = self.word(j).split_once('-')
            && let Some((Class::Mod(modifier), 1)) = self.entry_word(first, |c| matches!(c, Class::Mod(_)))
        {
            let month = self.table.get(rest).iter().find_map(|e| match e.class {
                Class::Month(m) if e.rest.is_empty() => Some(m),
                _ => None,
            });
            if let Some(month) = month {
                let (year, end) = self.year_or_none_after(j + 1);
                let kind = Kind::Date { sem: Sem::Ymd { year, month, day: None }, clock: None, part: None };
                return Some(Match { start: j, end, kind, modifier: Some(*modifier) });
            }
            // `mid-1996`, `late-1990s`
            let sem = match digits(rest) {
                Some(year) if rest.len() == 4 && (1000..=2199).contains(&year) => Some(Sem::Year(year as i32)),
                _ => decade_word(rest).map(Sem::Decade),
            };
            if let Some(sem) = sem {
                let kind = Kind::Date { sem, clock: None, part: None };
                return Some(Match { start: j, end: j + 1, kind, modifier: Some(*modifier) });
            }
        }
        if let Some((kind, end)) = self.date(j) {
            let (kind, end) = self.with_time(kind, end);
            return plain(end, kind);
        }
        if let Some((clock, end)) = self.clock(j) {
            // `19:00 Uhr am 22.12.2016`
            let mut k = end;
            if self.has(k, |c| matches!(c, Class::Link)) || self.word(k) == "," {
                k += 1;
            }
            // `um 19:30 am Fr, 20. Sept.`: the weekday before the date
            if self.has(k, |c| matches!(c, Class::Weekday(_))) && self.word(k + 1) == "," && self.date(k + 2).is_some()
            {
                k += 2;
            }
            if let Some((Kind::Date { sem, clock: None, part }, date_end)) = self.date(k) {
                // `8 tonight`, `9 tomorrow evening`: the part of the day sets the half.
                let (part, date_end) = match part {
                    Some(part) => (Some(part), date_end),
                    None => self.part_of_day(date_end).map_or((None, date_end), |(p, e)| (Some(p), e)),
                };
                let mut clock = clock;
                if part.is_some_and(|part| part_after_noon(part, clock.hour)) {
                    clock.hour += 12;
                }
                return plain(date_end, Kind::Date { sem, clock: Some(clock), part: None });
            }
            return plain(end, Kind::Date { sem: Sem::Clock, clock: Some(clock), part: None });
        }
        self.duration(j)
    }

    /// A range whose first end is incomplete: `vom 3. bis zum 12. September`, `13 - 15 Juli`,
    /// `August 27th - 29th`, `von 5 bis 6 Uhr`, `between 5 and 6pm`. The two ends become two
    /// times, the first completed from the second (or the second from the first).
    fn range(&self, j: usize) -> Option<(Match, Match)> {
        let has_range =
            |k: usize| self.entries.get(k).is_some_and(|e| e.iter().any(|e| matches!(e.class, Class::Range(_))));
        if !(j + 1..j + 6).any(has_range) {
            return None;
        }
        let mut k = j;
        let open = self.has(k, |c| matches!(c, Class::RangeOpen));
        if open {
            k += 1;
            if matches!(self.word(k), "dem" | "the") {
                k += 1;
            }
        }
        let joiner = |at: usize| -> Option<usize> {
            let (class, len) = self.entry(at, |c| matches!(c, Class::Range(_)))?;
            if *class == Class::Range(true) && !open {
                return None;
            }
            let mut end = at + len;
            if matches!(self.word(end), "dem" | "the" | "zum") {
                end += 1;
            }
            Some(end)
        };
        let date_match =
            |start, end, sem| Match { start, end, kind: Kind::Date { sem, clock: None, part: None }, modifier: None };
        // Days: `3. bis zum 12. September`
        // (`14. - 15.10.`, where the segmenter split `14.` into a number and its full stop)
        let day_end = if digits(self.word(k)).is_some() && self.word(k + 1) == "." { k + 2 } else { k + 1 };
        if let Some(day) = self.ordinal_day(k).or_else(|| digits(self.word(k)).filter(|d| (1..=31).contains(d)))
            && self.month(k + 1).is_none()
            && let Some(m) = joiner(day_end)
            && let Some((Kind::Date { sem: Sem::Ymd { year, month, day: Some(right_day) }, .. }, end)) = self.date(m)
            && self.word(k).len() <= 5
        {
            let left = date_match(k, day_end, Sem::Ymd { year, month, day: Some(day) });
            let right = date_match(m, end, Sem::Ymd { year, month, day: Some(right_day) });
            if NaiveDateCheck::valid(year, month, day) {
                return Some((left, self.completed(right, end)));
            }
        }
        // `vom 4. bis zum 23.`: days of a month the text named before
        if open
            && self.word(k).ends_with('.')
            && let Some(first) = self.ordinal_day(k).filter(|_| digits(self.word(k).trim_end_matches('.')).is_some())
            && let Some(m) = joiner(k + 1)
            // `23.`, or `23` and the full stop that ends the sentence
            && let Some(second) = digits(self.word(m).strip_suffix('.').unwrap_or(self.word(m)))
                .filter(|_| self.word(m).ends_with('.') || (self.word(m + 1) == "." && m + 2 == self.len()))
                .filter(|d| (1..=31).contains(d))
            && self.month(m + 1).is_none()
            && second > first
        {
            return Some((date_match(k, k + 1, Sem::DayOfMonth(first)), date_match(m, m + 1, Sem::DayOfMonth(second))));
        }
        // `from May to October 2020`, `vom 3. Mai bis zum 1. Juni 2020`: the first end takes
        // the second's year (the year before where its month comes later).
        if let Some((Kind::Date { sem: Sem::Ymd { year: None, month, day }, .. }, left_end)) = self.date(k)
            && let Some(m) = joiner(left_end)
            && let Some((
                Kind::Date {
                    sem: right @ Sem::Ymd { year: Some(year), month: right_month, .. },
                    clock: None,
                    part: None,
                },
                end,
            )) = self.date(m)
        {
            let year = if month > right_month { year - 1 } else { year };
            if day.is_none_or(|d| NaiveDateCheck::valid(Some(year), month, d)) {
                let left = date_match(k, left_end, Sem::Ymd { year: Some(year), month, day });
                return Some((left, self.completed(date_match(m, end, right), end)));
            }
        }
        // `August 27th - 29th`
        if let Some((Kind::Date { sem: Sem::Ymd { year, month, day: Some(_) }, .. }, left_end)) = self.date(k)
            && let Some(m) = joiner(left_end)
            && let Some(day) = self.ordinal_day(m).or_else(|| digits(self.word(m)).filter(|d| (1..=31).contains(d)))
            && self.month(m + 1).is_none()
            && !self.has(m + 1, |c| matches!(c, Class::Clock | Class::Meridiem(_)))
            && NaiveDateCheck::valid(year, month, day)
        {
            let (year, end) = match self.year_after(m + 1) {
                Some((y, e)) if year.is_none() => (Some(y), e),
                _ => (year, m + 1),
            };
            let left = self.date(k).map(|(kind, end)| Match { start: k, end, kind, modifier: None })?;
            let left = match left.kind {
                Kind::Date { sem: Sem::Ymd { month, day, .. }, .. } => {
                    date_match(k, left_end, Sem::Ymd { year, month, day })
                }
                _ => left,
            };
            return Some((left, date_match(m, end, Sem::Ymd { year, month, day: Some(day) })));
        }
        // Years: `2014 to 2018`, `von 2014 bis 2018`
        if let Some(first) = self.year(k)
            && let Some(m) = joiner(k + 1)
            && let Some(second) = self.year(m)
            && second > first
        {
            return Some((date_match(k, k + 1, Sem::Year(first)), date_match(m, m + 1, Sem::Year(second))));
        }
        // Hours: `von 5 bis 6 Uhr`, `between 5 and 6pm`, `9:30 - 11:00`, `from 11 am to 3`.
        // An end whose half of the day is written (`1am`, `11 am`, `23:00`) keeps it; a bare
        // end takes it from the other.
        let meridiem_at = |at: usize| match self.entry(at, |c| matches!(c, Class::Meridiem(_))) {
            Some((Class::Meridiem(pm), len)) => Some((*pm, len)),
            _ => None,
        };
        let (left, left_end, left_written) = match clock_token(self.word(k)) {
            Some((hour, minute, second, meridiem)) => {
                let (meridiem, end) = match (meridiem, meridiem_at(k + 1)) {
                    (None, Some((pm, len))) if (1..=12).contains(&hour) => (Some(pm), k + 1 + len),
                    _ => (meridiem, k + 1),
                };
                let hour = meridiem.map_or(hour, |pm| on_the_clock(hour, pm));
                (Clock { hour, minute, second, zone: None }, end, meridiem.is_some() || hour > 12 || hour == 0)
            }
            None => {
                let (hour, end) = self.hour(k)?;
                match meridiem_at(end).filter(|_| (1..=12).contains(&hour)) {
                    Some((pm, len)) => {
                        (Clock { hour: on_the_clock(hour, pm), minute: 0, second: None, zone: None }, end + len, true)
                    }
                    None => (Clock { hour, minute: 0, second: None, zone: None }, end, hour > 12),
                }
            }
        };
        let m = joiner(left_end)?;
        // Two bare hours make a range only next to a day: `Montag von 5 bis 7`, `von 5 bis 6 am
        // 22.4.2016`.
        let day_before = j > 0
            && (self.has(j - 1, |c| matches!(c, Class::Weekday(_) | Class::Day(_)))
                || self.table.weekday_compound(self.word(j - 1)).is_some());
        let beside_day = |after: usize| {
            day_before
                || (j > 0 && self.numeric_date(j - 1).is_some())
                || matches!(self.word(after), "am" | "on")
                || self.has(after, |c| matches!(c, Class::Day(_)))
        };
        // A part of the day right before: `Donnerstag Vormittag von 9 bis 11`; after a later
        // part (`this evening from 7 to 7:30`, `Donnerstagabend von 7 bis 9 Uhr`), bare hours
        // are after noon.
        let part_before = (j > 0)
            .then(|| {
                self.part_of_day(j - 1)
                    .filter(|(_, end)| *end == j)
                    .map(|(part, _)| part)
                    .or_else(|| self.table.weekday_compound(self.word(j - 1)).map(|(_, part)| part))
                    .or_else(|| matches!(self.word(j - 1), "tonight" | "tonite").then_some("NI"))
            })
            .flatten();
        let (right, end) = self.clock(m).or_else(|| {
            let (hour, end) = self.hour(m)?;
            // (`Monday 11-4`, `monday 8 to 9`: right after a day, also without `from`)
            if clock_token(self.word(k)).is_none()
                && meridiem_at(k + 1).is_none()
                && !(open && (beside_day(end) || part_before.is_some()))
                && (open || !day_before)
            {
                return None;
            }
            Some((Clock { hour, minute: 0, second: None, zone: None }, end))
        })?;
        let right_written = right.hour > 12
            || right.hour == 0
            || (m..end).any(|at| {
                clock_token(self.word(at)).is_some_and(|(.., meridiem)| meridiem.is_some())
                    || meridiem_at(at).is_some()
                    || (self.month_first && matches!(self.word(at).as_bytes().last(), Some(b'a' | b'p')))
            });
        let mut left = left;
        let mut right = right;
        let (mut left_written, mut right_written) = (left_written, right_written);
        for (clock, written) in [(&mut left, &mut left_written), (&mut right, &mut right_written)] {
            if !*written && after_noon(part_before, clock.hour) {
                clock.hour += 12;
                *written = true;
            }
        }
        if !left_written && right.hour >= 12 && left.hour < 12 && left.hour + 12 <= right.hour {
            left.hour += 12;
        }
        // `from 11 to 3am`: a bare end later than a morning end is the evening before it.
        if !left_written && right_written && (1..12).contains(&left.hour) && right.hour < left.hour {
            left.hour += 12;
        }
        // `11:30-1:30`: a range runs forward, into the afternoon.
        if !right_written && right.hour < left.hour && (1..12).contains(&right.hour) && left.hour < 12 + right.hour {
            right.hour += 12;
        }

        left.zone.clone_from(&right.zone);
        let clock_match = |start, end, clock| Match {
            start,
            end,
            kind: Kind::Date { sem: Sem::Clock, clock: Some(clock), part: None },
            modifier: None,
        };
        Some((clock_match(k, left_end, left), clock_match(m, end, right)))
    }

    /// Whether a range written with digits starts at `j` (`2:00 - 2:30 pm`, `8-9am`): a day
    /// before it leaves its times to the range.
    fn times_range_at(&self, j: usize) -> bool {
        self.word(j).as_bytes().first().is_some_and(u8::is_ascii_digit) && self.range(j).is_some()
    }

    /// A date match with a following time attached.
    fn completed(&self, m: Match, end: usize) -> Match {
        let (kind, end) = self.with_time(m.kind, end);
        Match { end, kind, ..m }
    }

    fn entry_word(&self, word: &str, wanted: impl Fn(&Class) -> bool) -> Option<(&'a Class, usize)> {
        self.table
            .get(word)
            .iter()
            .find_map(|entry| (entry.rest.is_empty() && wanted(&entry.class)).then_some((&entry.class, 1)))
    }

    /// Attaches a following time of day or part of the day to a date.
    fn with_time(&self, kind: Kind, end: usize) -> (Kind, usize) {
        let Kind::Date { sem, clock: None, part } = kind else { return (kind, end) };
        if let Some(part) = part {
            return self.part_then_clock(sem, part, end);
        }
        if matches!(
            sem,
            Sem::Year(_)
                | Sem::Decade(_)
                | Sem::Century(_)
                | Sem::Quarter(..)
                | Sem::Half(..)
                | Sem::Season(..)
                | Sem::SeasonShift(..)
                | Sem::UnitShift(..)
                | Sem::Next(..)
                | Sem::MonthShift(..)
                | Sem::Offset(..)
                | Sem::Anaphoric(..)
                | Sem::QuarterAYear(_)
                | Sem::YearAgo(_)
                | Sem::QuarterOfYearShift(..)
                | Sem::Same(..)
                | Sem::NthWeek { .. }
                | Sem::WeekOf(_)
                | Sem::WeekendOf(_)
                | Sem::QuarterIn(_)
        ) || matches!(sem, Sem::Ymd { day: None, .. })
        {
            return (Kind::Date { sem, clock: None, part: None }, end);
        }
        let mut k = end;
        if self.word(k) == "," {
            k += 1;
        }
        let mut links = 0;
        while links < 2 && self.has(k, |c| matches!(c, Class::Link)) {
            k += 1;
            links += 1;
        }
        // `tuesday at 2:00 - 2:30 pm`: a range of times follows, which takes the day after.
        if self.times_range_at(k) {
            return (Kind::Date { sem, clock: None, part: None }, end);
        }
        if let Some((clock, clock_end)) = self.clock(k) {
            return (Kind::Date { sem, clock: Some(clock), part: None }, clock_end);
        }
        // `Freitag Nachmittag`, `tuesday in the morning`
        if let Some((part, part_end)) = self.part_of_day(k).or_else(|| self.linked_part_of_day(k)) {
            return self.part_then_clock(sem, part, part_end);
        }
        // `tuesday PM`, `Feb 5 AM`: a meridiem alone is the morning or the afternoon
        if self.month_first
            && k == end
            && let Some((Class::Meridiem(pm), len)) = self.entry(k, |c| matches!(c, Class::Meridiem(_)))
            && self.get(k + len).is_none_or(is_punct)
        {
            return (Kind::Date { sem, clock: None, part: Some(if *pm { "AF" } else { "MO" }) }, k + len);
        }
        (Kind::Date { sem, clock: None, part: None }, end)
    }

    /// A date with a part of the day, and a time of day after it where one follows:
    /// `Freitag Nachmittag`, `heute Abend gegen 8 Uhr`, `tonight at 7`.
    fn part_then_clock(&self, sem: Sem, part: &'static str, part_end: usize) -> (Kind, usize) {
        {
            let mut m = part_end;
            // `Donnerstag Vormittag von 9 bis 11`, `this evening from 7 to 7:30`: a range of
            // times follows, which takes the day (and the half of it) after.
            if self.range(m).is_some() {
                return (Kind::Date { sem, clock: None, part: Some(part) }, part_end);
            }
            if self.has(m, |c| matches!(c, Class::Link)) {
                m += 1;
            }
            let bare = || {
                let (hour, end) = self.hour(m).filter(|(h, _)| (1..=12).contains(h) && m > part_end)?;
                Some((Clock { hour, minute: 0, second: None, zone: None }, end))
            };
            if let Some((mut clock, clock_end)) = self.clock(m).or_else(bare) {
                // `tonight at 1am`, `tonight around 3`: the small hours stay.
                if part_after_noon(part, clock.hour) {
                    clock.hour += 12;
                }
                return (Kind::Date { sem, clock: Some(clock), part: None }, clock_end);
            }
            (Kind::Date { sem, clock: None, part: Some(part) }, part_end)
        }
    }

    /// A part of the day after `in the`, `am`, `in der`: `8 in the morning`.
    fn linked_part_of_day(&self, j: usize) -> Option<(&'static str, usize)> {
        let mut k = j;
        while k < j + 2 && matches!(self.word(k), "in" | "the" | "am" | "der" | "at" | "zu") {
            k += 1;
        }
        if k == j {
            return None;
        }
        self.part_of_day(k).filter(|(part, _)| *part != "MI")
    }

    fn part_of_day(&self, j: usize) -> Option<(&'static str, usize)> {
        if self.word(j) == "morgen" {
            return Some(("MO", j + 1));
        }
        let (class, len) = self.entry(j, |c| matches!(c, Class::PartOfDay(_)))?;
        let Class::PartOfDay(part) = *class else { return None };
        Some((part, j + len))
    }

    /// The unit a word names alone (`year`, `quarters`), and whether it is a plural form.
    fn unit_word(&self, word: &str) -> Option<(Unit, bool)> {
        self.table.get(word).iter().find_map(|e| match e.class {
            Class::Unit(unit, plural) if e.rest.is_empty() => Some((unit, plural)),
            _ => None,
        })
    }

    /// A hyphenated compound: `eight-year` and `10-hour` (durations; also `several-year`),
    /// `third-quarter` (a quarter of the year),
    /// `year-earlier` and `year-ago` (the period a year before the one last mentioned, with
    /// `quarter` or `period` after it).
    fn compound(&self, j: usize) -> Option<Match> {
        let word = self.word(j);
        let (first, rest) = word.split_once('-')?;
        if first.is_empty() || rest.is_empty() {
            return None;
        }
        let (second, third) = match rest.split_once('-') {
            Some((second, third)) => (second, Some(third)),
            None => (rest, None),
        };
        let date =
            |end, sem| Some(Match { start: j, end, kind: Kind::Date { sem, clock: None, part: None }, modifier: None });
        // `the July-to-September quarter`, `the January-March quarter`: the quarter the months
        // make up
        let month_word = |w: &str| {
            self.table.get(w).iter().find_map(|e| match e.class {
                Class::Month(m) if e.rest.is_empty() => Some(m),
                _ => None,
            })
        };
        let months = match (second, third) {
            ("to", Some(last)) => month_word(first).zip(month_word(last)),
            (last, None) => month_word(first).zip(month_word(last)),
            _ => None,
        };
        if let Some((from, to)) = months
            && to == from + 2
            && from % 3 == 1
            && let Some((Unit::Quarter, false, end)) = self.unit(j + 1)
        {
            return date(end, Sem::Quarter(None, from.div_ceil(3)));
        }
        // `six-year-old` is an age, no time; `two-week-long` is rare.
        if third.is_some() {
            return None;
        }
        // `year-earlier`, `year-ago`
        if let Some((Unit::Year, false)) = self.unit_word(first)
            && third.is_none()
        {
            let sign = self.table.get(second).iter().find_map(|e| match e.class {
                Class::Earlier(sign) if e.rest.is_empty() => Some(sign),
                Class::Ago(-1) if e.rest.is_empty() => Some(-1),
                _ => None,
            })?;
            // `the year-ago quarter`, `the year-earlier period`: the quarter last named, a year
            // before; `the year-earlier third quarter`: that quarter.
            if self.get(j + 1).is_some_and(|w| w == "period" || self.unit_word(w) == Some((Unit::Quarter, false))) {
                return date(j + 2, Sem::QuarterAYear(sign));
            }
            if let Some(n) = self.table.get(self.word(j + 1)).iter().find_map(|e| match e.class {
                Class::Ordinal(n) if e.rest.is_empty() && (1..=4).contains(&n) => Some(n),
                _ => None,
            }) && self.unit_word(self.word(j + 2)) == Some((Unit::Quarter, false))
            {
                return date(j + 3, Sem::QuarterOfYearShift(n, sign));
            }
            return date(j + 1, Sem::YearAgo(sign));
        }
        let (unit, _) = self.unit_word(second)?;
        // `third-quarter`, `first-half`
        if third.is_none()
            && matches!(unit, Unit::Quarter | Unit::Half)
            && let Some(n) = self.table.get(first).iter().find_map(|e| match e.class {
                Class::Ordinal(n) if e.rest.is_empty() => Some(n),
                _ => None,
            })
        {
            let limit = if unit == Unit::Quarter { 4 } else { 2 };
            if !(1..=limit).contains(&n) {
                return None;
            }
            let (year, end) = self.year_or_none_after(j + 1);
            return date(end, if unit == Unit::Quarter { Sem::Quarter(year, n) } else { Sem::Half(year, n) });
        }
        // `eight-year`, `52-week`, `several-year`; `one-half` and `three-quarters` are fractions.
        if matches!(unit, Unit::Quarter | Unit::Half) {
            return None;
        }
        let whole = self.table.get(first).iter().find_map(|e| match e.class {
            Class::Whole(n) if e.rest.is_empty() => Some(n),
            _ => None,
        });
        let count = if let Some(n) = digits(first) {
            Count::Number(f64::from(n))
        } else if let Some(n) = whole {
            // `all-day`, `full-week`
            Count::Number(n)
        } else if self.table.get(first).iter().any(|e| e.rest.is_empty() && matches!(e.class, Class::Few)) {
            Count::Vague
        } else {
            let (n, used) = self.numbers.parse(&[first])?;
            if used != 1 || !n.is_finite() || n <= 0.0 {
                return None;
            }
            Count::Number(n)
        };
        Some(Match { start: j, end: j + 1, kind: Kind::Duration(self.timex_duration(unit, count)), modifier: None })
    }

    /// A count and unit written as one word: `3day`, `3.5years`, `5mins`.
    fn glued_duration(&self, j: usize) -> Option<Match> {
        let word = self.word(j);
        if !word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        let at = word.find(|c: char| c.is_alphabetic())?;
        let (number, unit) = word.split_at(at);
        if !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') || number.ends_with('.') {
            return None;
        }
        let n: f64 = number.parse().ok()?;
        let (unit, plural) = self.unit_word(unit)?;
        if matches!(unit, Unit::Half | Unit::Quarter | Unit::Weekend) || (n > 1.0 && !plural && !self.month_first) {
            return None;
        }
        Some(Match {
            start: j,
            end: j + 1,
            kind: Kind::Duration(self.timex_duration(unit, Count::Number(n))),
            modifier: None,
        })
    }

    fn set(&self, j: usize) -> Option<Match> {
        let set = |end, value: String| Some(Match { start: j, end, kind: Kind::Set(value), modifier: None });
        if let Some((Class::WeekdaySet(day), len)) = self.entry(j, |c| matches!(c, Class::WeekdaySet(_))) {
            return set(j + len, format!("XXXX-WXX-{day}"));
        }
        if let Some((Class::UnitSet(unit), len)) = self.entry(j, |c| matches!(c, Class::UnitSet(_))) {
            return set(j + len, self.timex_duration(*unit, Count::Number(1.0)));
        }
        let (_, len) = self.entry(j, |c| matches!(c, Class::Every))?;
        let k = j + len;
        if let Some((Class::Weekday(day), len)) = self.entry(k, |c| matches!(c, Class::Weekday(_))) {
            return set(k + len, format!("XXXX-WXX-{day}"));
        }
        if let Some((part, end)) = self.part_of_day(k) {
            return set(end, format!("T{part}"));
        }
        let (count, k) = match self.count(k) {
            Some((Count::Number(n), end)) => (n, end),
            _ => (1.0, k),
        };
        let (unit, _, end) = self.unit(k)?;
        set(end, self.timex_duration(unit, Count::Number(count)))
    }

    /// `and a half`, `and a quarter`, `and half` at `k`: the fraction and the end.
    fn and_fraction(&self, k: usize) -> Option<(f64, usize)> {
        if self.word(k) != "and" {
            return None;
        }
        let mut m = k + 1;
        if matches!(self.word(m), "a" | "an") {
            m += 1;
        }
        match self.word(m) {
            "half" => Some((0.5, m + 1)),
            "quarter" => Some((0.25, m + 1)),
            _ => None,
        }
    }

    fn duration(&self, j: usize) -> Option<Match> {
        let (mut count, mut k) = self.count(j)?;
        // `one and a half hours`
        if let Count::Number(n) = count
            && self.month_first
            && let Some((fraction, after)) = self.and_fraction(k)
            && self.unit(after).is_some()
        {
            count = Count::Number(n + fraction);
            k = after;
        }
        // `two more weeks`, `an additional year`
        if self.unit(k).is_none()
            && let Some((_, len)) = self.entry(k, |c| matches!(c, Class::CountAdj))
            && self.unit(k + len).is_some()
        {
            k += len;
        }
        // `5 upcoming years`, `10 previous weeks`: as `the next five years`, a duration
        if self.month_first
            && let Some((Class::Shift(shift), len)) = self.entry(k, |c| matches!(c, Class::Shift(_)))
            && *shift != 0
            && matches!(count, Count::Number(n) if n >= 2.0)
            && let Some((unit, true, end)) = self.unit(k + len)
        {
            return Some(Match {
                start: j,
                end,
                kind: Kind::Duration(self.timex_duration(unit, count)),
                modifier: None,
            });
        }
        let (unit, plural, mut end) = self.unit(k)?;
        // `a minute and a half`, `one year and a quarter`
        if let Count::Number(n) = count
            && self.month_first
            && let Some((fraction, after)) = self.and_fraction(end)
        {
            count = Count::Number(n + fraction);
            end = after;
        }
        if let Count::Number(n) = count
            && n > 1.0
            && !plural
            && !self.month_first
            && unit != Unit::Half
        {
            // `3 Tag` is no German duration; `200 Jahr-Feier` is no time.
            return None;
        }
        if !plural && self.year(j).is_some() {
            // `the 1988 quarter` is no duration of 1988 quarters.
            return None;
        }
        // `1 month and 21 days ago`, `2 years, 1 month ago`: the day counted back by each part.
        if let Count::Number(n) = count
            && matches!(unit, Unit::Year | Unit::Month | Unit::Week | Unit::Day)
        {
            let mut parts = vec![(n, unit)];
            let mut m = end;
            loop {
                let mut k = m;
                if matches!(self.word(k), "," | "and" | "und") {
                    k += 1;
                }
                let Some((Count::Number(n2), k2)) = self.count(k) else { break };
                let Some((unit2, _, end2)) = self.unit(k2) else { break };
                let smaller = |a: Unit, b: Unit| {
                    let rank = |u: Unit| [Unit::Year, Unit::Month, Unit::Week, Unit::Day].iter().position(|x| *x == u);
                    matches!((rank(a), rank(b)), (Some(a), Some(b)) if b > a)
                };
                if !smaller(parts[parts.len() - 1].1, unit2) {
                    break;
                }
                parts.push((n2, unit2));
                m = end2;
            }
            if parts.len() > 1
                && let Some((&Class::Ago(sign), len)) = self.entry(m, |c| matches!(c, Class::Ago(_)))
            {
                let sem = parts
                    .into_iter()
                    .fold(Sem::Day(0), |base, (n, unit)| Sem::CountedFrom(Box::new(base), n, unit, sign));
                return Some(Match {
                    start: j,
                    end: m + len,
                    kind: Kind::Date { sem, clock: None, part: None },
                    modifier: None,
                });
            }
        }
        // `three days ago`, `a week hence` (German `vor` comes first: `fünf Wochen vor der
        // Wahl` is a duration before an event, as TimeBank writes `five weeks before`)
        if let Some((&Class::Ago(sign), len)) = self.entry(end, |c| matches!(c, Class::Ago(_)))
            && (self.month_first || self.word(end) != "vor")
        {
            let kind = match count {
                Count::Number(n) => Kind::Date { sem: Sem::Offset(n, unit, sign), clock: None, part: None },
                Count::Vague if sign < 0 => Kind::Ref("PAST_REF"),
                Count::Vague => Kind::Ref("FUTURE_REF"),
            };
            return Some(Match { start: j, end: end + len, kind, modifier: None });
        }
        // `two days from today`, `three weeks before tomorrow`, `two years from now`
        if let Count::Number(n) = count
            && let Some((Class::CountedFrom(sign), len)) = self.entry(end, |c| matches!(c, Class::CountedFrom(_)))
        {
            let at = end + len;
            let from = match self.entry(at, |c| matches!(c, Class::Day(_) | Class::Ref("PRESENT_REF"))) {
                Some((Class::Day(day), day_len)) => Some((*day, day_len)),
                Some((_, now_len)) => Some((0, now_len)),
                None => None,
            };
            if let Some((day, day_len)) = from {
                let days = unit.days().map(|days| days as f64 * n);
                let sem = match days {
                    Some(days) if days.fract() == 0.0 && days < 100_000.0 => Sem::Day(day + sign * days as i32),
                    None if day == 0 => Sem::Offset(n, unit, *sign),
                    _ => return None,
                };
                let kind = Kind::Date { sem, clock: None, part: None };
                return Some(Match { start: j, end: at + day_len, kind, modifier: None });
            }
            // `three months after Easter`, `2 weeks before May 13 1999`, `3 days from Tuesday`,
            // `zwei Tage vor dem 1. Mai`
            let at = if !self.month_first && self.word(at) == "dem" { at + 1 } else { at };
            if let Some((Kind::Date { sem, clock: None, part: None }, date_end)) = self.date(at)
                && matches!(
                    sem,
                    Sem::Ymd { day: Some(_), .. } | Sem::Holiday(..) | Sem::Weekday(..) | Sem::WeekdayOfWeek(..)
                )
                && !matches!(unit, Unit::Hour | Unit::Minute | Unit::Second | Unit::Weekend)
            {
                let kind = Kind::Date { sem: Sem::CountedFrom(Box::new(sem), n, unit, *sign), clock: None, part: None };
                return Some(Match { start: j, end: date_end, kind, modifier: None });
            }
        }
        // `a year earlier`, `zwei Monate später`; `three days later` stays a duration, as
        // TimeBank marks it.
        if let Count::Number(n) = count
            && matches!(unit, Unit::Year | Unit::Half | Unit::Quarter | Unit::Month | Unit::Decade)
            && let Some((Class::Earlier(sign), len)) = self.entry(end, |c| matches!(c, Class::Earlier(_)))
        {
            let kind = Kind::Date { sem: Sem::Anaphoric(n, unit, *sign), clock: None, part: None };
            return Some(Match { start: j, end: end + len, kind, modifier: None });
        }
        if unit == Unit::Half && count == Count::Number(1.0) {
            return None;
        }
        if self.ordinal_second(j, unit, plural, end) {
            return None;
        }
        // `eines Tages` is `some day`, not one (but `binnen eines Tages`)
        if !self.month_first
            && unit == Unit::Day
            && self.word(j).eq_ignore_ascii_case("eines")
            && !(j > 0 && matches!(self.word(j - 1), "binnen" | "innerhalb" | "während"))
        {
            return None;
        }
        // An age is no time (TimeBank leaves `52 years old` out): `61 Jahre alt`, `im Alter
        // von 28 Jahren`, `at the age of 45 years`.
        if matches!(unit, Unit::Year | Unit::Month | Unit::Week)
            && (matches!(self.word(end), "old" | "older" | "young" | "younger" | "alt" | "älter" | "jung" | "jünger")
                || (j >= 2
                    && (self.word(j - 2).eq_ignore_ascii_case("alter") || self.word(j - 2) == "age")
                    && matches!(self.word(j - 1), "von" | "zwischen" | "of")))
        {
            return None;
        }
        let mut value = self.timex_duration(unit, count);
        // `1 hour and 30 minutes`, `two years three months`: one duration of both
        if let Count::Number(_) = count {
            let mut m = end;
            if matches!(self.word(m), "and" | "und") {
                m += 1;
            }
            // (`1 year 1 month 21 days`: as many as follow)
            while let Some((Count::Number(n2), k2)) = self.count(m)
                && self.word(m).as_bytes().first().is_some_and(u8::is_ascii_digit)
                    == self.word(j).as_bytes().first().is_some_and(u8::is_ascii_digit)
                && let Some((unit2, _, end2)) = self.unit(k2)
                && let Some(joined) = join_durations(&value, &self.timex_duration(unit2, Count::Number(n2)))
                && !self.has(end2, |c| matches!(c, Class::Ago(_) | Class::Earlier(_)))
            {
                value = joined;
                end = end2;
                m = end;
                if matches!(self.word(m), "and" | "und" | ",") && self.count(m + 1).is_some() {
                    m += 1;
                }
            }
        }
        Some(Match { start: j, end, kind: Kind::Duration(value), modifier: None })
    }

    /// Whether `a second` at `j` (unit and plural as read, ending at `end`) is the ordinal or a
    /// rate (`a second UN resolution`, `for a second time`, `30 frames a second`): `a second`
    /// is a duration only before punctuation or `later`, `ago`, ….
    fn ordinal_second(&self, j: usize, unit: Unit, plural: bool, end: usize) -> bool {
        self.month_first
            && unit == Unit::Second
            && !plural
            && matches!(self.word(j), "a" | "one")
            && self.get(end).is_some_and(|next| {
                !is_punct(next) && !matches!(next, "later" | "ago" | "earlier" | "after" | "before" | "longer" | "or")
            })
    }

    /// `last` and a `unit` of a month (`the last day of October 2015`, `der letzten Woche im
    /// Juli`): the year where one follows, the month and the end.
    fn last_of_month(&self, j: usize, unit: Unit) -> Option<(Option<i32>, u32, usize)> {
        let (_, len) = self.entry(j, |c| *c == Class::Shift(-1))?;
        let (found, plural, unit_end) = self.unit(j + len)?;
        if found != unit || plural || !matches!(self.word(unit_end), "of" | "in" | "im" | "des") {
            return None;
        }
        let month = self.month(unit_end + 1)?;
        let (year, end) = self.year_or_none_after(unit_end + 2);
        Some((year, month, end))
    }

    /// A date, without a following time.
    fn date(&self, j: usize) -> Option<(Kind, usize)> {
        let date = |sem, end| Some((Kind::Date { sem, clock: None, part: None }, end));
        let word = self.word(j);
        if let Some((sem, end)) = self.numeric_date(j) {
            return date(sem, end);
        }
        if let Some((sem, end)) = self.mixed_date(j) {
            return date(sem, end);
        }
        // `the first week of 2015`, `the third last week of 2018`, `3rd week of jan`
        if let Some(m) = self.nth_week(j) {
            return Some(m);
        }
        // `the last day of October 2015`, `letzter Tag im Oktober`
        if let Some((year, month, end)) = self.last_of_month(j, Unit::Day) {
            return date(Sem::LastDayOf(year, month), end);
        }
        // `twenty five january`: a day in number words before a month (from ten: `the two
        // March rallies` count)
        if self.month_first
            && !word.as_bytes().first().is_some_and(u8::is_ascii_digit)
            && let Some((day, used)) =
                self.number(j).filter(|(d, used)| *used <= 2 && d.fract() == 0.0 && (10.0..=31.0).contains(d))
            && self.ordinal_day(j).is_none()
            && let Some(month) = self.month(j + used)
        {
            let (year, end) = self.year_or_none_after_in(j + used + 1);
            if NaiveDateCheck::valid(year, month, day as u32) {
                return date(Sem::Ymd { year, month, day: Some(day as u32) }, end);
            }
        }
        // `19. Oktober 2023`, `19 October`, `the 19th of October`
        if let Some(day) = self.ordinal_day(j).or_else(|| digits(word).filter(|d| (1..=31).contains(d))) {
            let mut k = j + self.day_len(j);
            if self.word(k) == "of" {
                k += 1;
            }
            // `16. Nov. 2016` where the segmenter cut the day's full stop off
            if self.word(k) == "." && digits(word).is_some() && self.month(k + 1).is_some() {
                k += 1;
            }
            if let Some(month) = self.month(k) {
                let (year, end) = self.year_or_none_after_in(k + 1);
                if NaiveDateCheck::valid(year, month, day) {
                    return date(Sem::Ymd { year, month, day: Some(day) }, end);
                }
            }
            // `third day of October`, `dritter Tag im Oktober`
            if let Some((Unit::Day, false, day_end)) = self.unit(j + 1)
                && matches!(self.word(day_end), "of" | "im" | "in" | "des")
                && let Some(month) = self.month(day_end + 1)
            {
                let (year, end) = self.year_or_none_after(day_end + 2);
                if NaiveDateCheck::valid(year, month, day) {
                    return date(Sem::Ymd { year, month, day: Some(day) }, end);
                }
            }
            // `am 15ten`: a German ordinal in digits after a preposition
            if j > 0
                && !self.month_first
                && matches!(self.word(j - 1), "am" | "vom" | "zum" | "bis")
                && ["ten", "te"].iter().any(|s| word.strip_suffix(s).and_then(digits).is_some())
            {
                return date(Sem::DayOfMonth(day), j + 1);
            }
            // `the 20th of next month`, `20th day of the current month`, `the first of the month`
            if let Some((sem, end)) = self.of_shifted_month(j + 1, |shift| Sem::DayOfShiftedMonth(day, shift)) {
                return date(sem, end);
            }
            // `20. Jahrhundert`, `21st century`
            if let Some((Unit::Century, false, end)) = self.unit(j + 1)
                && digits(word).is_none()
            {
                return date(Sem::Century(day as i32 - 1), end);
            }
            // `drittes Quartal 2023`, `first half of 2023`
            if let Some((unit @ (Unit::Quarter | Unit::Half), false, end)) = self.unit(j + 1)
                && digits(word).is_none()
            {
                let limit = if unit == Unit::Quarter { 4 } else { 2 };
                if day <= limit {
                    let (year, end) = self.year_or_none_after(end);
                    let sem = if unit == Unit::Quarter { Sem::Quarter(year, day) } else { Sem::Half(year, day) };
                    return date(sem, end);
                }
            }
            // `15. um 8 Uhr`
            if word.ends_with('.') && matches!(self.word(j + 1), "um" | "gegen") && self.clock(j + 2).is_some() {
                return date(Sem::DayOfMonth(day), j + 1);
            }
            // `the 19th`
            if j > 0
                && self.word(j - 1) == "the"
                && word.as_bytes()[0].is_ascii_digit()
                && digits(word).is_none()
                && self.month_first
                // `the 11th U.S. Circuit Court` names no day, nor `the 25th award ceremony`,
                // `the 11th minute`.
                && !(self.capitalised(j + 1) && self.month(j + 1).is_none())
                && self.get(j + 1).is_none_or(|next| {
                    !next.chars().next().is_some_and(char::is_alphabetic)
                        || self.month(j + 1).is_some()
                        || self.has(j + 1, |c| matches!(c, Class::Link | Class::Range(_) | Class::Shift(_)))
                        || matches!(next, "of" | "and" | "or" | "in" | "when" | "before" | "after" | "from")
                })
            {
                return date(Sem::DayOfMonth(day), j + 1);
            }
        }
        // `October 19, 2023`, `Oktober 2023`, `August`
        if let Some(month) = self.month(j) {
            let mut k = j + 1;
            // `february the 15th`
            if self.month_first && self.word(k) == "the" && self.ordinal_day(k + 1).is_some() {
                k += 1;
            }
            // `April 14, 2015` in German too, with the year after a comma
            let day_first_language = !self.month_first
                && digits(self.word(k)).is_some()
                && self.word(k + 1) == ","
                && self.year(k + 2).is_some();
            // `January twenty five nineteen eighty six`: number words with a year after them
            if self.month_first
                && self.day_number(k).is_none()
                && !self.word(k).as_bytes().first().is_some_and(u8::is_ascii_digit)
                && let Some((day, used)) =
                    self.number(k).filter(|(d, used)| *used <= 2 && d.fract() == 0.0 && (1.0..=31.0).contains(d))
                && let Some((year, end)) = self.year_after(k + used)
                && NaiveDateCheck::valid(Some(year), month, day as u32)
            {
                return date(Sem::Ymd { year: Some(year), month, day: Some(day as u32) }, end);
            }
            if (self.month_first || day_first_language)
                && let Some(day) = self.day_number(k)
                && self.year(k).is_none()
            {
                let k = k + self.day_len(k) - 1;
                let (year, end) = self.year_or_none_after(k + 1);
                if NaiveDateCheck::valid(year, month, day) {
                    return date(Sem::Ymd { year, month, day: Some(day) }, end);
                }
            }
            // `June next year`
            if let Some((Class::Shift(shift), len)) = self.entry(k, |c| matches!(c, Class::Shift(_)))
                && let Some((Unit::Year, false, end)) = self.unit(k + len)
            {
                return date(Sem::MonthShift(month, *shift), end);
            }
            let (year, end) = self.year_or_none_after_in(k);
            return date(Sem::Ymd { year, month, day: None }, end);
        }
        // `Q3 2023` (before `q3` alone)
        if let Some(q) = word.strip_prefix('q').and_then(digits).filter(|q| (1..=4).contains(q)) {
            let (year, end) = self.year_or_none_after(j + 1);
            return date(Sem::Quarter(year, q), end);
        }
        // `2017-q1`, `2016h2`, `q1-2019`; `2017 q1`, `2016 H2`
        if let Some(sem) = quarter_token(word) {
            return date(sem, j + 1);
        }
        if let Some(year) = self.year(j) {
            let next = self.word(j + 1);
            if let Some(Sem::Quarter(None, q)) = quarter_token(next) {
                return date(Sem::Quarter(Some(year), q), j + 2);
            }
            if let Some(h) = next.strip_prefix('h').and_then(digits).filter(|h| (1..=2).contains(h) && next.len() == 2)
            {
                return date(Sem::Half(Some(year), h), j + 2);
            }
        }
        // `H1 2016`
        if let Some(h) = word.strip_prefix('h').and_then(digits).filter(|h| (1..=2).contains(h))
            && let Some((year, end)) = self.year_after(j + 1)
        {
            return date(Sem::Half(Some(year), h), end);
        }
        // Decades: `1990er (Jahre)`, `90er`, `1990s`, `'90s`, `die Neunziger`, `the nineties`
        if let Some((decade, end)) = self.decade(j) {
            return date(Sem::Decade(decade), end);
        }
        if let Some((Class::Decade(decade), len)) = self.entry(j, |c| matches!(c, Class::Decade(_))) {
            let mut end = j + len;
            if let Some((Unit::Year, true, unit_end)) = self.unit(end) {
                end = unit_end;
            }
            return date(Sem::Decade(*decade), end);
        }
        // `2016 /05`, `05/ 2016`, `05. 2016`: a month and year written apart
        if let Some(year) = self.year(j)
            && let Some(month) = self.word(j + 1).strip_prefix(['/', '.', '-']).and_then(digits)
            && (1..=12).contains(&month)
            && self.word(j + 1).len() == 3
        {
            return date(Sem::Ymd { year: Some(year), month, day: None }, j + 2);
        }
        if let Some(month) = word.strip_suffix(['/', '.']).and_then(digits).filter(|m| (1..=12).contains(m))
            && word.len() == 3
            && let Some(year) = self.year(j + 1)
        {
            return date(Sem::Ymd { year: Some(year), month, day: None }, j + 2);
        }
        // `the last half of 1989`, `the last quarter of 1989`
        if let Some((Class::Shift(-1), len)) = self.entry(j, |c| *c == Class::Shift(-1))
            && let Some((unit @ (Unit::Quarter | Unit::Half), false, unit_end)) = self.unit(j + len)
            && matches!(self.word(unit_end), "of" | "in")
            && let Some(year) = self.year(unit_end + 1)
        {
            let sem = if unit == Unit::Quarter { Sem::Quarter(Some(year), 4) } else { Sem::Half(Some(year), 2) };
            return date(sem, unit_end + 2);
        }
        // `der letzten Woche im Juli`, `the last week of July`: its last full ISO week
        if let Some((year, month, end)) = self.last_of_month(j, Unit::Week) {
            return date(Sem::LastWeekOf(year, month), end);
        }
        if let Some((Class::Season(season), len)) = self.entry(j, |c| matches!(c, Class::Season(_)))
            // `to fall` is a verb.
            && (word != "fall"
                || (self.month_first_context(j) && !(j > 0 && self.word(j - 1) == "to"))
                || self.year_after(j + 1).is_some())
        {
            let (year, end) = self.year_or_none_after(j + len);
            return date(Sem::Season(year, season), end);
        }
        if let Some((Class::Holiday(holiday), len)) = self.entry(j, |c| matches!(c, Class::Holiday(_))) {
            let mut k = j + len;
            // `Vatertag im Jahr 2019`
            if self.has(k, |c| matches!(c, Class::YearCue)) && self.unit(k + 1).is_some_and(|u| u.0 == Unit::Year) {
                k += 2;
            }
            let (year, end) = match self.year_after_in(k) {
                Some((y, e)) => (Some(y), e),
                None => (None, j + len),
            };
            // `Labor Day weekend`, `Halloween weekend 2021`
            if let Some((Unit::Weekend, false, weekend_end)) = self.unit(end) {
                let (year, weekend_end) = match self.year_after(weekend_end) {
                    Some((y, e)) if year.is_none() => (Some(y), e),
                    _ => (year, weekend_end),
                };
                return date(Sem::WeekendOf(Box::new(Sem::Holiday(year, *holiday))), weekend_end);
            }
            return date(Sem::Holiday(year, *holiday), end);
        }
        // `28.oktober`
        if let Some((day, month)) = word.split_once('.')
            && let Some(day) = digits(day).filter(|d| (1..=31).contains(d))
            && let Some(Class::Month(month)) =
                self.table.get(month).iter().find(|e| e.rest.is_empty()).map(|e| &e.class)
        {
            let (year, end) = self.year_or_none_after(j + 1);
            return date(Sem::Ymd { year, month: *month, day: Some(day) }, end);
        }
        // `the first Monday of next month`, `first Monday in the month`
        if let Some((n, k)) = self.nth(j)
            && let Some((Class::Weekday(weekday), len)) = self.entry(k, |c| matches!(c, Class::Weekday(_)))
            && let Some((sem, end)) =
                self.of_shifted_month(k + len, |shift| Sem::NthWeekdayOfShiftedMonth(n, *weekday, shift))
        {
            return date(sem, end);
        }
        // `der erste Dienstag im Oktober`, `last Friday in October`
        if let Some((n, k)) = self.nth(j)
            && let Some((Class::Weekday(weekday), len)) = self.entry(k, |c| matches!(c, Class::Weekday(_)))
            && matches!(self.word(k + len), "im" | "in" | "of" | "des")
            && let Some(month) = self.month(k + len + 1)
        {
            let end = k + len + 2;
            let (year, end) = self.year_or_none_after(end);
            return date(Sem::Holiday(year, Holiday::Nth { n, month, weekday: *weekday }), end);
        }
        if let Some(m) = self.weekday(j) {
            return Some(m);
        }
        // `heute`, `gestern`, `tomorrow`; `morgen` written `Morgen` inside a sentence is the morning.
        if let Some((Class::Day(offset), len)) = self.entry(j, |c| matches!(c, Class::Day(_)))
            // (`am morgen` is the morning, whatever its case)
            && !(word == "morgen" && j > 0 && (self.capitalised(j) || self.word(j - 1) == "am"))
        {
            let kind = Kind::Date {
                sem: Sem::Day(*offset),
                clock: None,
                part: matches!(word, "tonight" | "tonite").then_some("NI"),
            };
            return Some((kind, j + len));
        }
        if let Some((Class::Shift(shift), len)) = self.entry(j, |c| matches!(c, Class::Shift(_))) {
            return self.shifted(j + len, *shift);
        }
        // `am Abend`, `in the morning`: the publication day's
        if let Some((part, end)) = self.part_of_day(j).filter(|_| word != "früh")
            && (word != "morgen" || (j > 0 && self.capitalised(j)) || self.len() == 1)
        {
            // `mid-afternoon yesterday`, `the morning of Friday`, `die Nacht vom 14. auf den
            // 15.`: that day's.
            // A date with its day only after a word of class `part_link` (`am Morgen des 15.
            // Februar`; TimeBank gives `the night of Oct. 23` the date alone).
            let part_link = self.has(end, |c| matches!(c, Class::PartLink));
            // (`in the afternoon, this Friday`)
            let at =
                if part_link || self.has(end, |c| matches!(c, Class::Link | Class::RangeOpen)) || self.word(end) == ","
                {
                    end + 1
                } else {
                    end
                };
            if let Some((Kind::Date { sem, clock: None, part: None }, day_end)) = self.date(at)
                && (matches!(sem, Sem::Day(_) | Sem::Weekday(..) | Sem::Holiday(..))
                    // `morgens am 15. Februar` (English `the night of Oct. 23` is the date alone)
                    || ((part_link || (!self.month_first && at > end)) && matches!(sem, Sem::Ymd { day: Some(_), .. })))
            {
                return Some((Kind::Date { sem, clock: None, part: Some(part) }, day_end));
            }
            // `in der Nacht auf Sonntag`, `in der Nacht zum 3. Mai`: the night before that day.
            if part == "NI"
                && self.has(end, |c| matches!(c, Class::Eve))
                && let Some((Kind::Date { sem, clock: None, part: None }, day_end)) = self.date(end + 1)
                && matches!(sem, Sem::Day(_) | Sem::Weekday(..) | Sem::Ymd { day: Some(_), .. })
            {
                let sem = Sem::CountedFrom(Box::new(sem), 1.0, Unit::Day, -1);
                return Some((Kind::Date { sem, clock: None, part: Some(part) }, day_end));
            }
            // `a late-night raid`, `late-night drinkers`: an adjective before its noun
            if (word.starts_with("early-") || word.starts_with("late-"))
                && self.get(end).is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic))
            {
                return None;
            }
            return Some(self.with_time(Kind::Date { sem: Sem::Day(0), clock: None, part: Some(part) }, end));
        }
        // `the weekend of Halloween`
        if let Some((Unit::Weekend, false, end)) = self.unit(j)
            && self.word(end) == "of"
            // (`the weekend of 8/9 January` holds two days)
            && self.numeric_date(end + 1).is_none()
            && let Some((
                Kind::Date { sem: sem @ (Sem::Holiday(..) | Sem::Ymd { day: Some(_), .. }), clock: None, part: None },
                date_end,
            )) = self.date(end + 1)
        {
            return date(Sem::WeekendOf(Box::new(sem)), date_end);
        }
        // `the week of March 6`, `the week commencing February 4`, `the week of the 18th`
        if let Some((Unit::Week, false, end)) = self.unit(j)
            && matches!(self.word(end), "of" | "commencing" | "starting" | "beginning")
        {
            let mut k = end + 1;
            if matches!(self.word(k), "on" | "the") {
                k += 1;
            }
            if let Some((Kind::Date { sem, clock: None, part: None }, date_end)) = self.date(k)
                && matches!(sem, Sem::Ymd { day: Some(_), .. } | Sem::DayOfMonth(_) | Sem::Holiday(..) | Sem::Day(_))
            {
                return date(Sem::WeekOf(Box::new(sem)), date_end);
            }
        }
        // `the week after next`
        if let Some((unit, false, end)) = self.unit(j)
            && self.word(end) == "after"
            && self.has(end + 1, |c| *c == Class::Shift(1))
            && !matches!(unit, Unit::Hour | Unit::Minute | Unit::Second)
        {
            return date(Sem::UnitShift(unit, 2), end + 2);
        }
        // `KW 23`, `week 23 of 2024`
        if let Some((Unit::Week, false, end)) = self.unit(j)
            && let Some(week) = digits(self.word(end)).filter(|w| (1..=53).contains(w))
        {
            let (year, end) = self.year_or_none_after(end + 1);
            return date(Sem::WeekOfYear(year, week), end);
        }
        // `am Wochenende`, `the weekend`
        if let Some((Unit::Weekend, false, end)) = self.unit(j) {
            return date(Sem::UnitShift(Unit::Weekend, 0), end);
        }
        // `2016 - 05`, `05 / 2016`
        if let Some(year) = self.year(j)
            && matches!(self.word(j + 1), "-" | "." | "/")
            && let Some(month) =
                digits(self.word(j + 2)).filter(|m| (1..=12).contains(m) && self.word(j + 2).len() == 2)
        {
            return date(Sem::Ymd { year: Some(year), month, day: None }, j + 3);
        }
        if let Some(month) = digits(word).filter(|m| (1..=12).contains(m) && word.len() == 2)
            && matches!(self.word(j + 1), "-" | "." | "/")
            && let Some(year) = self.year(j + 2)
        {
            return date(Sem::Ymd { year: Some(year), month, day: None }, j + 3);
        }
        // `im Jahr 2019`, `the year 2019`, `the year two thousand`
        if let Some((Unit::Year, false, end)) = self.unit(j) {
            if let Some(year) = self.year(end) {
                return date(Sem::Year(year), end + 1);
            }
            if let Some((year, year_end)) = self.spelled_year(end) {
                return date(Sem::Year(year), year_end);
            }
            if let Some((value, used)) = self.number(end)
                && value.fract() == 0.0
                && (1000.0..=2199.0).contains(&value)
                && !self.word(end).as_bytes().first().is_some_and(u8::is_ascii_digit)
            {
                return date(Sem::Year(value as i32), end + used);
            }
        }
        if let Some(year) = self.year(j) {
            // `the 1988 quarter`, `the 1989 period`
            if j > 0
                && self.word(j - 1) == "the"
                && (self.word(j + 1) == "period" || matches!(self.unit(j + 1), Some((Unit::Quarter, false, _))))
            {
                return date(Sem::QuarterIn(year), j + 2);
            }
            // `the 1988 second quarter`
            if let Some((class, len)) = self.entry(j + 1, |c| matches!(c, Class::Ordinal(_)))
                && let Class::Ordinal(n) = *class
                && let Some((unit @ (Unit::Quarter | Unit::Half), false, end)) = self.unit(j + 1 + len)
                && (1..=if unit == Unit::Quarter { 4 } else { 2 }).contains(&n)
            {
                let sem = if unit == Unit::Quarter { Sem::Quarter(Some(year), n) } else { Sem::Half(Some(year), n) };
                return date(sem, end);
            }
            let cue = j > 0 && self.has(j - 1, |c| matches!(c, Class::YearCue | Class::Mod(_)));
            let alone = self.get(j + 1).is_none_or(is_punct);
            // `its 1990 invasion`, `a 1971 convention`
            let before_noun = j > 0
                && self.has(j - 1, |c| matches!(c, Class::YearDet))
                && self.get(j + 1).is_some_and(|w| w.chars().next().is_some_and(char::is_alphabetic))
                && self.unit(j + 1).is_none();
            if cue || alone || before_noun || (!self.month_first && self.german_lone_year(j)) {
                return date(Sem::Year(year), j + 1);
            }
        }
        // `nineteen ninety-six`
        if let Some((year, end)) = self.spelled_year(j) {
            return date(Sem::Year(year), end);
        }
        None
    }

    /// `of next month`, `of the current month`, `in the month` (after `day` where one
    /// follows the count: `20th day of next month`): `make` with the months from the
    /// publication month, and the end.
    fn of_shifted_month(&self, k: usize, make: impl Fn(i32) -> Sem) -> Option<(Sem, usize)> {
        let mut m = k;
        if let Some((Unit::Day, false, end)) = self.unit(m) {
            m = end;
        }
        if !matches!(self.word(m), "of" | "in") {
            return None;
        }
        m += 1;
        let article = self.word(m) == "the";
        if article {
            m += 1;
        }
        let (shift, unit_at) = match self.entry(m, |c| matches!(c, Class::Shift(_))) {
            Some((Class::Shift(shift), len)) => (*shift, m + len),
            _ if article => (0, m),
            _ => return None,
        };
        let Some((Unit::Month, false, end)) = self.unit(unit_at) else { return None };
        Some((make(shift), end))
    }

    /// `the first week of 2015` (the ISO week), `the third last week of 2018`, `3rd week of
    /// jan` (the week of the month's third Monday), `2nd last week of October 2018`. `last
    /// week of July` alone is left to [`Sem::LastWeekOf`].
    fn nth_week(&self, j: usize) -> Option<(Kind, usize)> {
        let (mut n, mut k) = self.nth(j).or_else(|| {
            let word = self.word(j);
            let number = ORDINAL_SUFFIXES.iter().find_map(|s| word.strip_suffix(s)).and_then(digits)?;
            (1..=53).contains(&number).then_some((number as i32, j + 1))
        })?;
        if n > 0 && self.has(k, |c| *c == Class::Shift(-1)) {
            // `third last`
            n = -n;
            k += 1;
        }
        let Some((Unit::Week, false, week_end)) = self.unit(k) else { return None };
        if !matches!(self.word(week_end), "of" | "in" | "im" | "des") {
            return None;
        }
        let at = week_end + 1;
        let date = |sem, end| Some((Kind::Date { sem, clock: None, part: None }, end));
        if let Some(year) = self.year(at) {
            return date(Sem::NthWeek { year: Some(year), month: None, n }, at + 1);
        }
        if let Some((year, end)) = self.spelled_year(at) {
            return date(Sem::NthWeek { year: Some(year), month: None, n }, end);
        }
        let month = self.month(at)?;
        if n == -1 || n > 5 {
            return None;
        }
        let (year, end) = self.year_or_none_after(at + 1);
        date(Sem::NthWeek { year, month: Some(month), n }, end)
    }

    fn shifted(&self, k: usize, shift: i32) -> Option<(Kind, usize)> {
        let date = |sem, end| Some((Kind::Date { sem, clock: None, part: None }, end));
        // `this past spring`: the latest spring, which may be this year's.
        if shift == 0
            && let Some((Class::Shift(-1), len)) = self.entry(k, |c| *c == Class::Shift(-1))
        {
            if let Some((Class::Season(season), season_len)) = self.entry(k + len, |c| matches!(c, Class::Season(_))) {
                return date(Sem::Season(None, season), k + len + season_len);
            }
            return self.shifted(k + len, -1);
        }
        if let Some((unit, plural, end)) = self.unit(k) {
            if plural {
                // `in den letzten Wochen`, `in coming years` (issue 6 asks for a reference;
                // KRAUTS and HeidelTime write a duration of unsaid length, `PXW`)
                let reference = match shift {
                    s if s < 0 => "PAST_REF",
                    0 => "PRESENT_REF",
                    _ => "FUTURE_REF",
                };
                return Some((Kind::Ref(reference), end));
            }
            // `at the last minute`, `in the last minute` (of a match): no time
            if shift == -1
                && matches!(unit, Unit::Minute | Unit::Second)
                && k > 1
                && self.has(k - 2, |c| matches!(c, Class::Article))
            {
                return None;
            }
            // `the past fortnight`, `the next fortnight`: two weeks, as `the past two weeks`
            if unit == Unit::Fortnight && shift != 0 {
                return Some((Kind::Duration(self.timex_duration(unit, Count::Number(1.0))), end));
            }
            // `this year's third quarter`, `next year's first quarter`: that quarter of the
            // year shifted; `last year's quarter`, `last year's period`: the quarter last
            // named, a year before.
            if unit == Unit::Year {
                if let Some((&Class::Ordinal(n), len)) = self.entry(end, |c| matches!(c, Class::Ordinal(_)))
                    && (1..=4).contains(&n)
                    && let Some((Unit::Quarter, false, quarter_end)) = self.unit(end + len)
                {
                    return date(Sem::QuarterOfYearShift(n, shift), quarter_end);
                }
                if shift == -1
                    && (self.word(end) == "period" || matches!(self.unit(end), Some((Unit::Quarter, false, _))))
                {
                    return date(Sem::QuarterAYear(-1), end + 1);
                }
            }
            // `nächste Woche am Freitag`, `last week Sunday`
            if unit == Unit::Week {
                let mut m = end;
                if self.has(m, |c| matches!(c, Class::Link)) || self.word(m) == "," {
                    m += 1;
                }
                if let Some((Class::Weekday(day), len)) = self.entry(m, |c| matches!(c, Class::Weekday(_))) {
                    let kind = Kind::Date { sem: Sem::WeekdayOfWeek(*day, shift), clock: None, part: None };
                    return Some(self.with_time(kind, m + len));
                }
            }
            // `the following year`, `am nächsten Tag`: after an article, counted from the
            // time last mentioned.
            if k > 1
                && self.has(k - 2, |c| matches!(c, Class::Article | Class::Link | Class::YearCue))
                && let Some((Class::Narrative(all), _)) = self.entry(k - 1, |c| matches!(c, Class::Narrative(_)))
                && (*all || unit == Unit::Day)
                && matches!(unit, Unit::Year | Unit::Month | Unit::Day)
            {
                return date(Sem::Next(unit, shift), end);
            }
            // `the last day of the campaign`, `the last year of the war`: the final one of
            // something, not the one before the publication date's.
            if shift == -1
                && self.month_first
                && self.word(end) == "of"
                && k > 1
                && self.has(k - 2, |c| matches!(c, Class::Article))
                && self.date(end + 1).is_none()
            {
                // `the last quarter of the year`: the year's fourth
                if matches!(unit, Unit::Quarter | Unit::Half)
                    && self.word(end + 1) == "the"
                    && let Some((Unit::Year, false, year_end)) = self.unit(end + 2)
                {
                    let sem = if unit == Unit::Quarter { Sem::Quarter(None, 4) } else { Sem::Half(None, 2) };
                    return date(sem, year_end);
                }
                return None;
            }
            return date(Sem::UnitShift(unit, shift), end);
        }
        if let Some((count, after)) = self.count(k)
            && let Some((unit, _, end)) = self.unit(after)
        {
            // `die letzten drei Jahre`, `the past few weeks` (`PXW`)
            return Some((Kind::Duration(self.timex_duration(unit, count)), end));
        }
        if let Some((Class::Weekday(day), len)) = self.entry(k, |c| matches!(c, Class::Weekday(_))) {
            // English `next Friday` is the Friday of next week; German `nächsten Freitag` the
            // nearest Friday after the date.
            let sem = if self.month_first && shift == 1 {
                Sem::WeekdayOfWeek(*day, 1)
            } else {
                Sem::Weekday(*day, Some(shift))
            };
            return Some(self.with_time(Kind::Date { sem, clock: None, part: None }, k + len));
        }
        if let Some(month) = self.month(k) {
            // `last Oct. 23`: that day, strictly before (or after) the publication date.
            if shift != 0
                && self.month_first
                && let Some(day) = self.day_number(k + 1)
                && NaiveDateCheck::valid(None, month, day)
            {
                return date(Sem::Ymd { year: None, month, day: Some(day) }, k + 2);
            }
            return date(Sem::MonthShift(month, shift), k + 1);
        }
        // `last Easter`, `next Thanksgiving`
        if shift != 0
            && let Some((Class::Holiday(holiday), len)) = self.entry(k, |c| matches!(c, Class::Holiday(_)))
        {
            return date(Sem::Holiday(None, *holiday), k + len);
        }
        if let Some((Class::Season(season), len)) = self.entry(k, |c| matches!(c, Class::Season(_))) {
            return date(Sem::SeasonShift(season, shift), k + len);
        }
        if let Some((part, end)) = self.part_of_day(k)
            && shift <= 0
        {
            // `this morning`, `last night`
            let day = if shift < 0 && part == "NI" { -1 } else { 0 };
            if shift == 0 || day == -1 {
                return Some((Kind::Date { sem: Sem::Day(day), clock: None, part: Some(part) }, end));
            }
        }
        None
    }

    /// Whether a guarded weekday word (`sat`, `sun`, `wed`) at `j` is a weekday: before a day,
    /// a month or a time of day (`sat 14th`, `wed, Feb13`, `sat at 5`), or after `on` or a
    /// determiner (`on sat`, `next wed`).
    fn weekday_context(&self, j: usize) -> bool {
        let mut k = j + 1;
        if self.word(k) == "," {
            k += 1;
        }
        let day = self.word(k).as_bytes().first().is_some_and(u8::is_ascii_digit) && self.day_number(k).is_some();
        let at = if self.has(k, |c| matches!(c, Class::Link)) { k + 1 } else { k };
        day || self.month(k).is_some()
            || self.mixed_date(k).is_some()
            || self.clock(at).is_some()
            || (j > 0 && (self.word(j - 1) == "on" || self.has(j - 1, |c| matches!(c, Class::Shift(_)))))
    }

    fn weekday(&self, j: usize) -> Option<(Kind, usize)> {
        if self.table.weekday_guard(self.word(j)) && !self.weekday_context(j) {
            return None;
        }
        let (day, part, mut end) = match self.entry(j, |c| matches!(c, Class::Weekday(_))) {
            Some((Class::Weekday(day), len)) => (*day, None, j + len),
            _ => {
                let (day, part) = self.table.weekday_compound(self.word(j))?;
                (day, Some(part), j + 1)
            }
        };
        // `Montag, den 15. Januar 2017`
        let mut k = end;
        if self.word(k) == "," {
            k += 1;
        }
        if self.has(k, |c| matches!(c, Class::Link)) && self.word(k) != "the" {
            k += 1;
        }
        if part.is_none()
            && let Some((kind @ Kind::Date { sem: Sem::Ymd { day: Some(_), .. }, .. }, date_end)) = self.date(k)
        {
            // Without a year, the weekday tells which: `Fri, Jul 18`.
            let kind = match kind {
                Kind::Date { sem: Sem::Ymd { year: None, month, day: Some(d) }, clock, part } => {
                    Kind::Date { sem: Sem::WeekdayMonthDay(day, month, d), clock, part }
                }
                kind => kind,
            };
            return Some(self.with_time(kind, date_end));
        }
        // `friday after next`, `Freitag nach dem nächsten`
        if part.is_none() && matches!(self.word(end), "after" | "nach") {
            let next = if self.word(end + 1) == "dem" { end + 2 } else { end + 1 };
            if self.has(next, |c| *c == Class::Shift(1)) {
                let kind = Kind::Date { sem: Sem::Weekday(day, Some(2)), clock: None, part: None };
                return Some(self.with_time(kind, next + 1));
            }
        }
        if part.is_none() {
            // `Mittwoch nächster Woche`, `Sonntag der letzten Woche`, `monday of next week`
            let mut m = end;
            while m < end + 2 && (self.has(m, |c| matches!(c, Class::Link)) || self.word(m) == ",") {
                m += 1;
            }
            if let Some((Class::Shift(shift), len)) = self.entry(m, |c| matches!(c, Class::Shift(_)))
                && let Some((Unit::Week, false, week_end)) = self.unit(m + len)
            {
                let kind = Kind::Date { sem: Sem::WeekdayOfWeek(day, *shift), clock: None, part: None };
                return Some(self.with_time(kind, week_end));
            }
            // `Mittwoch in zwei Wochen`, `Mittwoch vor 2 Wochen`: the weekday of that week
            if let Some(sign) = if self.has(end, |c| matches!(c, Class::Ahead)) {
                Some(1)
            } else if self.has(end, |c| matches!(c, Class::Ago(-1))) {
                Some(-1)
            } else {
                None
            } && let Some((Count::Number(n), unit_at)) = self.count(end + 1)
                && let Some((Unit::Week, _, week_end)) = self.unit(unit_at)
                && n.fract() == 0.0
                && n < 1000.0
            {
                let kind = Kind::Date { sem: Sem::WeekdayOfWeek(day, sign * n as i32), clock: None, part: None };
                return Some(self.with_time(kind, week_end));
            }
            // `Tuesday 19th`, `Freitag, 20.`
            let mut m = end;
            if self.word(m) == "," {
                m += 1;
            }
            if self.word(m) == "the" || self.word(m) == "den" {
                m += 1;
            }
            if let Some(d) = self.day_number(m)
                // German writes the day with its full stop (`Samstag, 21.`; `am Samstag 21
                // Pilger` counts them)
                && (self.month_first || self.word(m).ends_with('.') || self.word(m + 1) == ".")
                && self.month(m + 1).is_none()
                && self.unit(m + 1).is_none()
                && !self.has(m + 1, |c| matches!(c, Class::Clock | Class::Meridiem(_)))
                && clock_token(self.word(m)).is_none()
                // `monday 8-9am` is a range of hours
                && !self.times_range_at(m)
                // `Friday, the fourth decline`: an ordinal in words before a noun counts.
                && (self.word(m).as_bytes().first().is_some_and(u8::is_ascii_digit)
                    || self.get(m + 1).is_none_or(is_punct))
            {
                let kind = Kind::Date { sem: Sem::WeekdayDay(day, d), clock: None, part: None };
                return Some(self.with_time(kind, m + 1));
            }
        }
        let kind = Kind::Date { sem: Sem::Weekday(day, None), clock: None, part };
        if part.is_some() {
            return Some((kind, end));
        }
        // `Übernächste Woche am Freitag` is not handled; `Friday afternoon` is.
        let (kind, time_end) = self.with_time(kind, end);
        end = time_end;
        Some((kind, end))
    }

    /// `erster`, `third`, `letzter`: which of the weekdays of a month; -1 the last.
    fn nth(&self, j: usize) -> Option<(i32, usize)> {
        let (class, len) = self.entry(j, |c| matches!(c, Class::Ordinal(_) | Class::Shift(-1)))?;
        match class {
            Class::Ordinal(n) if (1..=5).contains(n) => Some((*n as i32, j + len)),
            Class::Shift(-1) => Some((-1, j + len)),
            _ => None,
        }
    }

    /// `a quarter of an hour`, `three-quarters of an hour`, `1h` (after `in`): a duration of
    /// the clock that [`Self::duration`] reads otherwise (`a quarter` is a quarter-year there).
    fn quarter_hours(&self, j: usize) -> Option<Match> {
        let duration =
            |end, value: &str| Some(Match { start: j, end, kind: Kind::Duration(value.to_owned()), modifier: None });
        if let Some(hours) = self.word(j).strip_suffix('h').and_then(digits) {
            return duration(j + 1, &format!("PT{hours}H"));
        }
        let (fraction, k) = match self.word(j) {
            "a" | "one" if self.word(j + 1) == "quarter" => ("0.25", j + 2),
            "quarter" => ("0.25", j + 1),
            "three-quarters" => ("0.75", j + 1),
            "three" if self.word(j + 1) == "quarters" => ("0.75", j + 2),
            _ => return None,
        };
        (self.word(k) == "of" && matches!(self.word(k + 1), "an" | "a") && self.word(k + 2) == "hour")
            .then(|| duration(k + 3, &format!("PT{fraction}H")))
            .flatten()
    }

    /// An hour that a time of day counts from (`viertel nach 7`, `20 past 3pm`, `a quarter
    /// past noon`): a number from 0 to 24, a number with am or pm (`3pm`, `3 p.m.`: on the
    /// 24-hour clock) or a word (`noon`); whether it was more than a bare number.
    fn named_hour(&self, j: usize) -> Option<(u32, usize, bool)> {
        if let Some((hour, 0, None, Some(pm))) = clock_token(self.word(j)) {
            return Some((on_the_clock(hour, pm), j + 1, true));
        }
        if let Some((Class::ClockWord(hour), len)) = self.entry(j, |c| matches!(c, Class::ClockWord(_))) {
            return Some((if *hour == 24 { 0 } else { *hour }, j + len, true));
        }
        let (hour, end) = self.hour(j)?;
        if let Some((Class::Meridiem(pm), len)) = self.entry(end, |c| matches!(c, Class::Meridiem(_)))
            && (1..=12).contains(&hour)
        {
            return Some((on_the_clock(hour, *pm), end + len, true));
        }
        let clock = self.entry(end, |c| matches!(c, Class::Clock)).map_or(0, |(_, len)| len);
        Some((hour, end + clock, clock > 0))
    }

    /// An hour said as a number (digits or words) from 0 to 24.
    fn hour(&self, j: usize) -> Option<(u32, usize)> {
        if let Some(hour) = digits(self.word(j)) {
            return (hour <= 24).then_some((hour, j + 1));
        }
        let (value, used) = self.number(j)?;
        (used >= 1 && value.fract() == 0.0 && (0.0..=24.0).contains(&value)).then_some((value as u32, j + used))
    }

    fn decade(&self, j: usize) -> Option<(i32, usize)> {
        let mut k = j;
        if self.word(k) == "'" || self.word(k) == "’" {
            k += 1;
        }
        let word = self.word(k);
        // `1990er-Jahre`, `60er-Jahren`: the unit in the same word
        let word =
            ["-jahre", "-jahren", "-jahrs", "-jahres"].iter().find_map(|unit| word.strip_suffix(unit)).unwrap_or(word);
        let number = word.strip_suffix("er").or_else(|| word.strip_suffix("'s")).or_else(|| word.strip_suffix('s'))?;
        let value = digits(number)?;
        if value % 10 != 0 {
            return None;
        }
        let decade = match number.len() {
            4 if (1000..=2190).contains(&value) => (value / 10) as i32,
            2 => (if value < 30 { 200 + value / 10 } else { 190 + value / 10 }) as i32,
            _ => return None,
        };
        let mut end = k + 1;
        if let Some((Unit::Year | Unit::Decade, true, unit_end)) = self.unit(end) {
            end = unit_end;
        }
        Some((decade, end))
    }

    /// A date written in one token of a month name and numbers: `Oct-2`, `jan/3`, `mar3`,
    /// `05-aug-2016`, `2019/sep/01`, `sep-23-2020`, `dec-2018`, `september.16th`; a year in
    /// the next token where the token has none (`October2 2016`).
    fn mixed_date(&self, j: usize) -> Option<(Sem, usize)> {
        let word = self.word(j);
        let first = *word.as_bytes().first()?;
        let separated = word.bytes().any(|b| matches!(b, b'-' | b'/' | b'.'));
        let glued = first.is_ascii_alphabetic() && word.as_bytes().last().is_some_and(u8::is_ascii_digit);
        if !separated && !glued {
            return None;
        }
        let (mut month, mut day, mut year) = (None, None, None);
        let mut take = |part: &str| -> Option<()> {
            if part.is_empty() {
                return None;
            }
            let number = ["st", "nd", "rd", "th"].iter().find_map(|s| part.strip_suffix(s)).unwrap_or(part);
            if let Some(n) = digits(number) {
                if number.len() == 4 && year.is_none() {
                    year = Some(n as i32);
                } else if number.len() <= 2 && day.is_none() && (1..=31).contains(&n) {
                    day = Some(n);
                } else if number.len() == 2 && year.is_none() {
                    year = Some(two_digit_year(n, number));
                } else {
                    return None;
                }
                return Some(());
            }
            let found = self.table.get(part).iter().find_map(|e| match e.class {
                Class::Month(m) if e.rest.is_empty() => Some(m),
                _ => None,
            });
            match found {
                Some(m) if month.is_none() => {
                    month = Some(m);
                    Some(())
                }
                _ => None,
            }
        };
        for part in word.split(['-', '/', '.']).filter(|p| !p.is_empty() || !separated) {
            // `mar3`: letters, then digits
            match part.find(|c: char| c.is_ascii_digit()) {
                Some(at) if at > 0 && part.as_bytes()[0].is_ascii_alphabetic() => {
                    take(&part[..at])?;
                    take(&part[at..])?;
                }
                _ => take(part)?,
            }
        }
        let month = month?;
        if day.is_none() && year.is_none() {
            return None;
        }
        let mut end = j + 1;
        if year.is_none()
            && let Some((y, year_end)) =
                self.year_after(end).filter(|_| self.word(end) == "," || self.year(end).is_some())
        {
            year = Some(y);
            end = year_end;
        }
        if let Some(d) = day
            && !NaiveDateCheck::valid(year, month, d)
        {
            return None;
        }
        Some((Sem::Ymd { year, month, day }, end))
    }

    /// A date written in one token: `19.10.2023`, `19.10.`, `2023-10-19`, `5/12/2016`, `05/2016`.
    fn numeric_date(&self, j: usize) -> Option<(Sem, usize)> {
        let word = self.word(j);
        // `20161016`
        if word.len() == 8
            && let Some(number) = digits(word)
        {
            let (year, month, day) = ((number / 10_000) as i32, number / 100 % 100, number % 100);
            return ((1900..=2099).contains(&year) && NaiveDateCheck::valid(Some(year), month, day))
                .then_some((Sem::Ymd { year: Some(year), month, day: Some(day) }, j + 1));
        }
        let separator = word.bytes().find(|b| matches!(b, b'.' | b'/' | b'-'))?;
        if !word.bytes().all(|b| b.is_ascii_digit() || b == separator) {
            return None;
        }
        let parts: Vec<&str> = word.split(separator as char).collect();
        let number = |text: &str| digits(text);
        let sem = match parts.as_slice() {
            [d, m, ""] if separator == b'.' => {
                let (d, m) = (number(d)?, number(m)?);
                Sem::Ymd { year: None, month: m, day: Some(d) }
            }
            [y, m, d] if y.len() == 4 => {
                Sem::Ymd { year: Some(number(y)? as i32), month: number(m)?, day: Some(number(d)?) }
            }
            [a, b, y] if (y.len() == 4 || y.len() == 2) && a.len() <= 2 && b.len() <= 2 => {
                let (a, b) = (number(a)?, number(b)?);
                let (mut d, mut m) = if self.month_first && separator != b'.' { (b, a) } else { (a, b) };
                if m > 12 && d <= 12 {
                    std::mem::swap(&mut d, &mut m);
                }
                Sem::Ymd { year: Some(two_digit_year(number(y)?, y)), month: m, day: Some(d) }
            }
            // `19.10.` (its last full stop cut off by the segmenter), `am 10.10`
            [d, m]
                if separator == b'.'
                    && d.len() <= 2
                    && m.len() <= 2
                    && (self.word(j + 1) == "."
                        || (!self.month_first
                            && j > 0
                            && (matches!(self.word(j - 1), "am" | "vom" | "zum")
                                // `14. - 15.10`
                                || (j > 1
                                    && matches!(self.word(j - 1), "-" | "bis")
                                    && digits(self.word(j - 2).trim_end_matches('.'))
                                        .is_some_and(|d| (1..=31).contains(&d))))
                            && !self.has(j + 1, |c| matches!(c, Class::Clock)))) =>
            {
                Sem::Ymd { year: None, month: number(m)?, day: Some(number(d)?) }
            }
            // `5/12` is May 12, but `2 1/2`, `$9 7/8` and `7/8` (a numerator below a
            // denominator of 2, 4, 8, 16 or 32) are fractions.
            [a, b]
                if separator == b'/'
                    && a.len() <= 2
                    && b.len() <= 2
                    && !(j > 0 && self.word(j - 1).bytes().all(|b| b.is_ascii_digit() || b == b'$'))
                    && !is_fraction(a, b)
                    // German writes a day with full stops; with a slash only after a
                    // preposition of dates (`Salzburg 3/3` is a score, `24/7` a service).
                    && (self.month_first || (j > 0 && matches!(self.word(j - 1), "am" | "vom" | "zum" | "bis" | "ab")))
                    // (`3/1 favourite`, `odds of 5/1`, `second place at 9/4`: betting odds)
                    && !matches!(self.get(j + 1), Some("favourite" | "favorite" | "odds" | "shot" | "outsider" | "chance"))
                    && !(j > 0 && matches!(self.word(j - 1), "odds" | "at"))
                    && !(j > 1 && self.word(j - 1) == "of" && self.word(j - 2) == "odds") =>
            {
                let (a, b) = (number(a)?, number(b)?);
                // (`22/04` is not swapped into a month: `25/1` odds, `24/7` service)
                let (d, m) = if self.month_first { (b, a) } else { (a, b) };
                Sem::Ymd { year: None, month: m, day: Some(d) }
            }
            // `2082.1` is a number; `2008/09` is a season of two years.
            [y, m] if y.len() == 4 && m.len() <= 2 && (separator != b'.' || m.len() == 2) => {
                if separator == b'/' && m.len() == 2 && (number(y)? + 1) % 100 == number(m)? {
                    return None;
                }
                // `2005-6`: a fiscal year
                if separator == b'-' && m.len() == 1 && (number(y)? + 1) % 10 == number(m)? {
                    return None;
                }
                Sem::Ymd { year: Some(number(y)? as i32), month: number(m)?, day: None }
            }
            [m, y] if y.len() == 4 && m.len() <= 2 => {
                Sem::Ymd { year: Some(number(y)? as i32), month: number(m)?, day: None }
            }
            _ => return None,
        };
        let Sem::Ymd { year, month, day } = sem else { return None };
        // `1.2871` is an exchange rate, not January 2871.
        if year.is_some_and(|y| !(1800..=2199).contains(&y)) {
            return None;
        }
        if !(1..=12).contains(&month) || !day.is_none_or(|d| NaiveDateCheck::valid(year, month, d)) {
            return None;
        }
        Some((sem, j + 1))
    }

    /// A time of day: `15:47 (Uhr)`, `9 Uhr (morgens)`, `3pm`, `10:30 a.m. EST`, `noon`.
    pub(crate) fn clock(&self, j: usize) -> Option<(Clock, usize)> {
        let word = self.word(j);
        let mut end = j + 1;
        let about = word.strip_suffix("ish").map(|base| base.trim_end_matches('-')).filter(|base| !base.is_empty());
        let (mut hour, minute, second, mut meridiem) = if let Some((h, m, s, mer)) = clock_token(word) {
            (h, m, s, mer)
        } else if let Some(hour) = about.and_then(|base| {
            // `11ish`, `3ish pm`, `noonish`: about that hour
            digits(base).filter(|h| (1..=12).contains(h)).or_else(|| {
                match self.entry_word(base, |c| matches!(c, Class::ClockWord(_))) {
                    Some((Class::ClockWord(hour), _)) => Some(*hour % 24),
                    _ => None,
                }
            })
        }) {
            (hour, 0, None, None)
        } else if let Some((Class::ClockOffset(offset), len)) = self.entry(j, |c| matches!(c, Class::ClockOffset(_))) {
            // `halb acht` 7:30, `viertel nach 7` 7:15, `a quarter to 8` 7:45, `a quarter past 3pm`
            let (hour, hour_end) = self.named_hour(j + len).map(|(h, end, _)| (h, end))?;
            end = hour_end;
            let minutes = (hour as i32 * 60 + offset).rem_euclid(24 * 60);
            ((minutes / 60) as u32, (minutes % 60) as u32, None, None)
        } else if let Some((minutes, count_end)) =
            self.number(j).filter(|(m, _)| m.fract() == 0.0 && (1.0..60.0).contains(m))
            && let Some((unit, to)) = match self.unit(j + count_end) {
                Some((Unit::Minute, _, unit_end)) => Some((true, unit_end)),
                Some(_) => None,
                None => Some((false, j + count_end)),
            }
            && let Some((Class::MinutesTo(sign), len)) = self.entry(to, |c| matches!(c, Class::MinutesTo(_)))
            && let Some((hour, hour_end, named)) = self.named_hour(to + len)
            && !self.has(hour_end, |c| matches!(c, Class::Unit(..)))
            // Without `minutes`, `20 past 3pm`, `zwanzig nach 3`, `15 to noon`: forward only
            // to a bare number (`from 10 to 12` is a range).
            && (unit || named || *sign > 0)
        {
            // `20 Minuten nach 8`, `ten minutes to six`
            end = hour_end;
            let minutes = (hour as i32 * 60 + sign * minutes as i32).rem_euclid(24 * 60);
            ((minutes / 60) as u32, (minutes % 60) as u32, None, None)
        } else if let Some((Class::ClockWord(hour), len)) = self.entry(j, |c| matches!(c, Class::ClockWord(_))) {
            end = j + len;
            let hour = if *hour == 24 { 0 } else { *hour };
            (hour, 0, None, None)
        } else if let Some(hour) = word.strip_suffix('h').and_then(digits).filter(|h| *h <= 24 && word.len() <= 3)
            && (self.len() == 1
                || self.has(end, |c| matches!(c, Class::Zone(_) | Class::Meridiem(_)))
                || (j > 0
                    && (matches!(
                        self.word(j - 1),
                        "at" | "um"
                            | "ca."
                            | "ca"
                            | "nach"
                            | "bis"
                            | "gegen"
                            | "ab"
                            | "around"
                            | "by"
                            | "from"
                            | "past"
                            | "after"
                            | "to"
                            | "-"
                            | ","
                    ) || self.has(j - 1, |c| matches!(c, Class::Weekday(_) | Class::Day(_)))
                        || self.word(j - 1).as_bytes().last().is_some_and(u8::is_ascii_digit))))
        {
            // `at 15h`, `8h GMT`, `Thursday 8h` (not `in 1h`, `took 24h`)
            (hour, 0, None, None)
        } else if let Some((hour, pm)) = word
            .strip_suffix('p')
            .map(|h| (h, true))
            .or_else(|| word.strip_suffix('a').map(|h| (h, false)))
            .and_then(|(h, pm)| Some((digits(h).filter(|h| (1..=12).contains(h))?, pm)))
            && self.month_first
            && j > 0
            && matches!(self.word(j - 1), "at" | "from" | "to" | "by" | "until" | "around")
        {
            // `at 7p`, `from 9a to 11a`
            (hour, 0, None, Some(pm))
        } else if let Some(number) = digits(word).filter(|_| (3..=4).contains(&word.len()))
            && number % 100 < 60
            && number / 100 <= 23
            && (self.has(end, |c| matches!(c, Class::Meridiem(_)))
                || (j > 0
                    && matches!(self.word(j - 1), "at" | "around" | "approximately")
                    && (((1000..1300).contains(&number) && self.get(end).is_none_or(is_punct))
                        || self.linked_part_of_day(end).is_some())))
        {
            // `330 p.m.`, `at 1030`, `at 730 in the evening`
            (number / 100, number % 100, None, None)
        } else {
            let hour = digits(word).or_else(|| {
                let (value, used) = self.number(j)?;
                (used == 1 && value.fract() == 0.0 && (0.0..=24.0).contains(&value)).then_some(value as u32)
            })?;
            if hour > 24 {
                return None;
            }
            // A bare number is a time only with `Uhr`, `o'clock` or am/pm after it.
            if let Some((_, len)) = self.entry(end, |c| matches!(c, Class::Clock)) {
                end += len;
                let minute = self.number(end).filter(|(m, _)| m.fract() == 0.0 && (0.0..60.0).contains(m));
                let mut minutes = 0;
                if let Some((m, used)) = minute
                    && !self.has(end + used, |c| matches!(c, Class::Unit(..)))
                {
                    end += used;
                    minutes = m as u32;
                }
                (hour, minutes, None, None)
            } else if self.has(end, |c| matches!(c, Class::Meridiem(_)))
                || (j > 0 && matches!(self.word(j - 1), "at" | "um") && self.has(end, |c| matches!(c, Class::Zone(_))))
            {
                // `3 pm`; `at 8 GMT`
                (hour, 0, None, None)
            } else if let Some((minutes, used)) =
                self.number(end).filter(|(m, _)| m.fract() == 0.0 && (1.0..60.0).contains(m))
                && hour <= 12
                && !self.word(end).as_bytes().first().is_some_and(u8::is_ascii_digit)
                && self.has(end + used, |c| matches!(c, Class::Meridiem(_)))
            {
                // `ten thirty am`, `four twenty-three a m`
                end += used;
                (hour, minutes as u32, None, None)
            } else if hour <= 12 && self.linked_part_of_day(end).is_some() {
                // `8 in the morning`, `um 3 am Nachmittag`
                (hour, 0, None, None)
            } else if (1..=12).contains(&hour)
                && j > 0
                && matches!(self.word(j - 1), "at" | "around" | "by" | "until" | "till" | "um" | "gegen" | "bis")
                && (self.has(end, |c| matches!(c, Class::Day(_)))
                    || (self.has(end, |c| matches!(c, Class::Shift(0))) && self.part_of_day(end + 1).is_some()))
            {
                // `8 tonight`, `9 tomorrow morning`, `8 this evening`: the day follows.
                (hour, 0, None, None)
            } else if hour <= 24
                && j > 0
                && matches!(self.word(j - 1), "um" | "at")
                && self.get(end).is_none_or(is_punct)
                // (English writes a bare hour of the 12-hour clock: `at 23, Henson has` is
                // an age, `The Zutons at 20` a place in a chart)
                && (!self.month_first || hour <= 12)
            {
                // `um 15`, `at 3`: a bare hour after `um`/`at`, at the end of a clause
                (hour, 0, None, None)
            } else {
                return None;
            }
        };
        // `15.30 Uhr` needs its `Uhr` (or `pm`: `8.30pm`, `8.30 pm`); `15:30` does not.
        if word.contains('.')
            && meridiem.is_none()
            && !self.has(end, |c| matches!(c, Class::Clock | Class::Meridiem(_)))
            && !(j > 0 && matches!(self.word(j - 1), "um" | "gegen"))
        {
            return None;
        }
        if let Some((_, len)) = self.entry(end, |c| matches!(c, Class::Clock)) {
            end += len;
        }
        if meridiem.is_none()
            && let Some((Class::Meridiem(pm), len)) = self.entry(end, |c| matches!(c, Class::Meridiem(_)))
        {
            meridiem = Some(*pm);
            end += len;
        }
        if let Some((part, part_end)) =
            self.part_of_day(end).filter(|_| self.word(end) != "morgen").or_else(|| self.linked_part_of_day(end))
        {
            if part_after_noon(part, hour) {
                hour += 12;
            }
            end = part_end;
        }
        if let Some(pm) = meridiem {
            hour = on_the_clock(hour, pm);
        }
        if hour > 24 {
            return None;
        }
        let zone = match self.entry(end, |c| matches!(c, Class::Zone(_))) {
            Some((Class::Zone(zone), len)) => {
                end += len;
                Some(zone.clone())
            }
            _ => None,
        };
        Some((Clock { hour, minute, second, zone }, end))
    }
}

/// A day, for [`dated_clocks`].
fn day_of(m: &Match) -> Option<(&Sem, Option<&'static str>)> {
    match &m.kind {
        Kind::Date { sem, part, .. }
            if matches!(
                sem,
                Sem::Ymd { day: Some(_), .. }
                    | Sem::Day(_)
                    | Sem::Weekday(..)
                    | Sem::WeekdayOfWeek(..)
                    | Sem::DayOfMonth(_)
                    | Sem::WeekdayDay(..)
                    | Sem::WeekdayMonthDay(..)
                    | Sem::Holiday(..)
            ) =>
        {
            Some((sem, *part))
        }
        _ => None,
    }
}

/// An hour with am (`false`) or pm (`true`) on the 24-hour clock: `3pm` 15, `12am` 0.
fn on_the_clock(hour: u32, pm: bool) -> u32 {
    match (pm, hour) {
        (true, hour) if hour < 12 => hour + 12,
        (false, 12) => 0,
        _ => hour,
    }
}

/// Whether a time said with a later part of the day is after noon (`8 tonight`, `Friday
/// afternoon at 3`, `every night at 9`): an hour before noon is, but for the small hours of
/// the night (`tonight at 1am`, `tonight around 3`).
fn part_after_noon(part: &str, hour: u32) -> bool {
    matches!(part, "AF" | "EV" | "NI") && hour < 12 && !(part == "NI" && hour < 5)
}

/// The bare hours that a part of the day puts after noon at either end of a range (`Tuesday
/// afternoon from 2 to 4`, `tonight from 7 to 9`): fewer than [`part_after_noon`] takes, since
/// a range may start in the morning (`Tuesday afternoon from 11 to 2`); the small hours of
/// the night stay (`tonight from 11 to 2`).
fn after_noon(part: Option<&str>, hour: u32) -> bool {
    let hours = match part {
        Some("AF") => 1..=6,
        Some("EV") => 1..=11,
        Some("NI") => 5..=11,
        _ => return false,
    };
    hours.contains(&hour)
}

/// Times of day right after or before a day take that day: `22.4.2016 von 5 bis 6`,
/// `Donnerstag 9:30 - 11:00`, `von 5 bis 6 am 22.4.2016`.
fn dated_clocks(found: &mut [Match], clock_first: &[bool]) {
    let bare = |m: &Match| matches!(m.kind, Kind::Date { sem: Sem::Clock, clock: Some(_), .. });
    let give = |from: usize, to: usize, found: &mut [Match]| {
        let Some((sem, part)) = day_of(&found[from]).map(|(sem, part)| (sem.clone(), part)) else { return false };
        if let Kind::Date { sem: target, clock: Some(clock), .. } = &mut found[to].kind {
            if after_noon(part, clock.hour) {
                clock.hour += 12;
            }
            *target = sem;
        }
        true
    };
    for i in 1..found.len() {
        if bare(&found[i]) && found[i].start <= found[i - 1].end + 2 {
            give(i - 1, i, found);
        }
    }
    for i in (0..found.len().saturating_sub(1)).rev() {
        // `2:00 - 2:30 pm on Tuesday`, but not `2pm till tomorrow 4:30pm`
        let plain_day = matches!(found[i + 1].kind, Kind::Date { clock: None, .. }) || clock_first[i + 1];
        if bare(&found[i]) && plain_day && found[i + 1].start <= found[i].end + 2 {
            give(i + 1, i, found);
        }
    }
}

/// A time of day right after or before a set of weekdays or parts of the day joins it:
/// `tuesdays at 9am` → `XXXX-WXX-2T09:00`, `9am every Sunday`, `every night at 9` → `T21:00`.
fn clocked_sets(found: &mut Vec<Match>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (&found[i], &found[i + 1]);
        let near = b.start <= a.end + 2;
        let (set, clock) = match (&a.kind, &b.kind) {
            (Kind::Set(_), Kind::Date { sem: Sem::Clock, clock: Some(_), .. }) if near => (i, i + 1),
            (Kind::Date { sem: Sem::Clock, clock: Some(_), .. }, Kind::Set(_)) if near => (i + 1, i),
            _ => {
                i += 1;
                continue;
            }
        };
        let Kind::Date { clock: Some(mut time), .. } = found[clock].kind.clone() else { break };
        let Kind::Set(value) = &found[set].kind else { break };
        let weekday = value.starts_with("XXXX-WXX-") && value.len() == 10;
        let part = value.strip_prefix('T').filter(|p| p.len() == 2).map(str::to_owned);
        if !weekday && part.is_none() {
            i += 1;
            continue;
        }
        if part.as_deref().is_some_and(|part| part_after_noon(part, time.hour)) {
            time.hour += 12;
        }
        let joined = if weekday { format!("{value}{}", time.render()) } else { time.render() };
        let (start, end) = (found[i].start, found[i + 1].end);
        found[i] = Match { start, end, kind: Kind::Set(joined), modifier: None };
        found.remove(i + 1);
        i += 1;
    }
}

/// `15:47`, `15:47:30`, `15.47`, `3pm`, `10:30am`, `7h01`.
fn clock_token(word: &str) -> Option<(u32, u32, Option<u32>, Option<bool>)> {
    // `18Uhr`, `18:30h`: German hours with their unit in one word
    if let Some(body) = word.strip_suffix("uhr").or_else(|| word.strip_suffix('h').filter(|b| b.contains(':')))
        && !body.is_empty()
    {
        if let Some(hour) = digits(body) {
            return (hour <= 24 && body.len() <= 2).then_some((hour, 0, None, None));
        }
        return clock_token(body);
    }
    // (`8p.m` where the segmenter took the last full stop for the sentence's)
    let (body, meridiem) = if let Some(body) =
        word.strip_suffix("pm").or_else(|| word.strip_suffix("p.m.")).or_else(|| word.strip_suffix("p.m"))
    {
        (body, Some(true))
    } else if let Some(body) =
        word.strip_suffix("am").or_else(|| word.strip_suffix("a.m.")).or_else(|| word.strip_suffix("a.m"))
    {
        (body, Some(false))
    } else if let Some(body) = word.strip_suffix('p').filter(|body| body.contains(':')) {
        // `3:15p`, `9:00a`
        (body, Some(true))
    } else if let Some(body) = word.strip_suffix('a').filter(|body| body.contains(':')) {
        (body, Some(false))
    } else {
        (word, None)
    };
    if let Some(hour) = digits(body).filter(|_| meridiem.is_some()) {
        return (1..=12).contains(&hour).then_some((hour, 0, None, meridiem));
    }
    let separator = body.bytes().find(|b| matches!(b, b':' | b'.' | b'h'))?;
    let parts: Vec<&str> = body.split(separator as char).collect();
    let (hour, minute, second) = match parts.as_slice() {
        [h, m] if m.len() == 2 => (digits(h)?, digits(m)?, None),
        [h, m, s] if m.len() == 2 && s.len() == 2 && separator == b':' => (digits(h)?, digits(m)?, Some(digits(s)?)),
        _ => return None,
    };
    (hour <= 24 && minute < 60 && second.is_none_or(|s| s < 60) && !parts[0].is_empty() && parts[0].len() <= 2)
        .then_some((hour, minute, second, meridiem))
}

/// The length of a duration of hours, minutes and seconds (`PT1H30M`, `PT0.5H`) in seconds.
fn clock_seconds(value: &str) -> Option<u64> {
    let mut seconds = 0.0;
    for (index, number) in duration_parts(value)? {
        let per = match DURATION_ORDER[index] {
            "TH" => 3600.0,
            "TM" => 60.0,
            "TS" => 1.0,
            _ => return None,
        };
        seconds += number.parse::<f64>().ok()? * per;
    }
    (seconds > 0.0 && seconds.fract() == 0.0 && seconds < 1e7).then_some(seconds as u64)
}

/// A quarter or half-year with its year in one token: `2017-q1`, `2016h2`, `q1-2019`; or a
/// bare quarter `q1` (without a year).
fn quarter_token(word: &str) -> Option<Sem> {
    if !word.is_ascii() || word.len() > 7 {
        return None;
    }
    let make = |kind: &str, n: &str, year: Option<&str>| -> Option<Sem> {
        let n = digits(n)?;
        let year = match year {
            Some(y) if y.len() == 4 => Some(digits(y)? as i32),
            Some(_) => return None,
            None => None,
        };
        match kind {
            "q" if (1..=4).contains(&n) => Some(Sem::Quarter(year, n)),
            "h" if (1..=2).contains(&n) && year.is_some() => Some(Sem::Half(year, n)),
            _ => None,
        }
    };
    let (head, tail) = match word.split_once('-') {
        Some((head, tail)) => (head, Some(tail)),
        None => (word, None),
    };
    match tail {
        // `q1-2019`
        Some(tail) if head.len() == 2 => make(&head[..1], &head[1..], Some(tail)),
        // `2017-q1`
        Some(tail) if tail.len() == 2 && head.len() == 4 => make(&tail[..1], &tail[1..], Some(head)),
        Some(_) => None,
        // `2016h2`
        None if word.len() == 6 => make(&word[4..5], &word[5..], Some(&word[..4])),
        None if word.len() == 2 => make(&word[..1], &word[1..], None),
        None => None,
    }
}

/// Two durations as one, where the second's unit is smaller than the first's: `P1M` and
/// `P21D` are `P1M21D`, `PT1H` and `PT30M` `PT1H30M`, `P1D` and `PT2H` `P1DT2H`.
fn join_durations(first: &str, second: &str) -> Option<String> {
    let mut all = duration_parts(first)?;
    let second = duration_parts(second)?;
    // Each unit smaller than the ones before (`six months and two years` is a range, `six
    // days a week` a rate).
    if second.len() != 1 || all.iter().any(|(index, _)| *index >= second[0].0) {
        return None;
    }
    all.extend(second);
    let mut text = String::from("P");
    let mut in_time = false;
    for (index, number) in all {
        if index >= 4 && !in_time {
            text.push('T');
            in_time = true;
        }
        text.push_str(&number);
        text.push_str(DURATION_ORDER[index].trim_start_matches('T'));
    }
    Some(text)
}

/// The units of a TIMEX3 duration, largest first; those of the time part after its `T`.
const DURATION_ORDER: [&str; 7] = ["Y", "M", "W", "D", "TH", "TM", "TS"];

/// The parts of a duration with numbers as (index in [`DURATION_ORDER`], number): `P1Y2M` →
/// (0, `1`), (1, `2`); `PT1.5H` → (4, `1.5`). `None` for a vague one (`PXY`) or no duration.
fn duration_parts(value: &str) -> Option<Vec<(usize, String)>> {
    let body = value.strip_prefix('P')?;
    let (date, time) = body.split_once('T').unwrap_or((body, ""));
    let mut parts = Vec::new();
    for (text, prefix) in [(date, ""), (time, "T")] {
        let mut number = String::new();
        for c in text.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            if number.is_empty() {
                return None;
            }
            let index = DURATION_ORDER.iter().position(|k| *k == format!("{prefix}{c}"))?;
            parts.push((index, std::mem::take(&mut number)));
        }
        if !number.is_empty() {
            return None;
        }
    }
    Some(parts)
}

/// The value of a word that reads as a fraction (`3/4`: 0.75; see [`is_fraction`]).
fn fraction_value(word: &str) -> Option<f64> {
    let (a, b) = word.split_once('/')?;
    if !is_fraction(a, b) {
        return None;
    }
    Some(f64::from(digits(a)?) / f64::from(digits(b)?))
}

/// Whether `a/b` reads as a fraction: a numerator below a denominator of 2, 4, 8, 16 or 32.
fn is_fraction(a: &str, b: &str) -> bool {
    matches!((digits(a), digits(b)), (Some(a), Some(b)) if [2, 4, 8, 16, 32].contains(&b) && a < b)
}

/// Whether a day exists in a month (in a leap year where the year is unknown).
struct NaiveDateCheck;

impl NaiveDateCheck {
    fn valid(year: Option<i32>, month: u32, day: u32) -> bool {
        chrono::NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day).is_some()
    }
}
