//! The time words of one language (`resources/<lang>/time_words.tsv`): what each word or
//! phrase contributes to a time expression.

use lagebild_doc::TimeMod;
use lagebild_resources::{ResourceError, WordMap, parse_table};

/// A calendar unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Weekend,
    Half,
    /// Two weeks (`a fortnight`).
    Fortnight,
}

impl Unit {
    fn parse(text: &str) -> Option<Unit> {
        Some(match text {
            "Y" => Unit::Year,
            "Q" => Unit::Quarter,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "WE" => Unit::Weekend,
            "HALF" => Unit::Half,
            "FN" => Unit::Fortnight,
            _ => return None,
        })
    }

    /// How many days the unit lasts, for the units counted in days (day, week, fortnight).
    pub(crate) fn days(self) -> Option<i64> {
        match self {
            Unit::Day => Some(1),
            Unit::Week => Some(7),
            Unit::Fortnight => Some(14),
            _ => None,
        }
    }

    /// The unit of a TIMEX3 duration with `count` of them (`P3D`, `PT2H`, `P10Y` for a decade).
    pub(crate) fn duration(self, count: Count) -> String {
        self.duration_as(count, true)
    }

    /// As [`Unit::duration`]; with `decades_as_years` false, decades and centuries keep their
    /// own TIMEX3 units (`P2DE`, `PXCE`), as German gold (KRAUTS, HeidelTime) writes them;
    /// TimeBank writes years (`decades-long`: `PXY`).
    pub(crate) fn duration_as(self, count: Count, decades_as_years: bool) -> String {
        let (time, letter, factor) = match self {
            Unit::Decade if !decades_as_years => (false, "DE", 1.0),
            Unit::Century if !decades_as_years => (false, "CE", 1.0),
            Unit::Year => (false, "Y", 1.0),
            Unit::Quarter => (false, "Q", 1.0),
            Unit::Month => (false, "M", 1.0),
            Unit::Week => (false, "W", 1.0),
            Unit::Day => (false, "D", 1.0),
            Unit::Hour => (true, "H", 1.0),
            Unit::Minute => (true, "M", 1.0),
            Unit::Second => (true, "S", 1.0),
            Unit::Decade => (false, "Y", 10.0),
            Unit::Century => (false, "Y", 100.0),
            Unit::Weekend => (false, "WE", 1.0),
            Unit::Half => (false, "M", 6.0),
            Unit::Fortnight => (false, "W", 2.0),
        };
        // `2 1/2 years` is `P2Y6M`, `a minute and a half` `PT1M30S`, as TimeBank writes them; a
        // fraction alone stays one (`ein halbes Jahr`, `P0.5Y`).
        let smaller = match self {
            Unit::Year => Some(("M", 12.0, false)),
            Unit::Day => Some(("H", 24.0, true)),
            Unit::Hour => Some(("M", 60.0, true)),
            Unit::Minute => Some(("S", 60.0, true)),
            _ => None,
        };
        if let (Count::Number(n), Some((small, per, small_time))) = (count, smaller)
            && n >= 1.0
            && n.fract() != 0.0
            && (n.fract() * per).fract().abs() < 1e-9
            && n < 1e6
        {
            let whole = format!("{}{letter}", n.trunc() as u64);
            let rest = format!("{}{small}", (n.fract() * per).round() as u64);
            return match (time, small_time) {
                (false, false) | (true, true) => format!("P{}{whole}{rest}", if time { "T" } else { "" }),
                _ => format!("P{whole}T{rest}"),
            };
        }
        let number = match count {
            Count::Number(n) => format_number(n * factor),
            Count::Vague => "X".to_owned(),
        };
        format!("P{}{number}{letter}", if time { "T" } else { "" })
    }
}

/// How many units a duration has.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Count {
    Number(f64),
    /// `einige Tage`, `a few weeks`.
    Vague,
}

/// A number as TIMEX3 writes it: `3`, `3.5`.
pub(crate) fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 { format!("{}", n as i64) } else { format!("{n}") }
}

/// The `mod` of a part of a period: `START`, `MID` or `END`.
fn part_mod(text: &str) -> Option<TimeMod> {
    TimeMod::parse(text).filter(|modifier| matches!(modifier, TimeMod::Start | TimeMod::Mid | TimeMod::End))
}

/// A holiday's date rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Holiday {
    /// Month and day.
    Fixed(u32, u32),
    /// Days from Easter Sunday.
    Easter(i64),
    /// The `n`th `weekday` of `month`; `n` = -1 the last.
    Nth { n: i32, month: u32, weekday: u32 },
    /// The first `weekday` on or after `month`-`day`.
    OnOrAfter { month: u32, day: u32, weekday: u32 },
    /// Days from the Easter Sunday of the Orthodox churches.
    Orthodox(i64),
    /// Day `day` of month `month` of the Islamic calendar.
    Islamic { month: u32, day: u32 },
    /// The last `weekday` of month `month` of the Islamic calendar.
    IslamicLast { month: u32, weekday: u32 },
    /// Days from the Chinese new year.
    Chinese(i64),
    /// Day `day` of month `month` of the Hebrew calendar, moved by `rule`.
    Hebrew { month: u32, day: u32, rule: crate::calendars::HebrewRule },
    /// A festival of the Hindu lunisolar calendar.
    HinduLunar(crate::hindu::Lunar),
    /// A festival of the Hindu solar calendar.
    HinduSolar(crate::hindu::Solar),
    /// The day of the solar month of a sidereal sign (second) when the moon is in a lunar
    /// mansion (first).
    Nakshatra(u32, u32),
    /// Month and day, moved to the day before where it falls on a weekday (Koningsdag on a
    /// Sunday).
    FixedNotOn(u32, u32, u32),
    /// A day of a calendar of 365-day years (the Parsi Shahenshahi calendar), given by its
    /// Gregorian date in one year.
    VagueYear(i32, u32, u32),
}

/// What a word contributes.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Class {
    Month(u32),
    Weekday(u32),
    WeekdaySet(u32),
    /// A unit, and whether the word is a plural form.
    Unit(Unit, bool),
    UnitSet(Unit),
    Shift(i32),
    Day(i32),
    PartOfDay(&'static str),
    ClockWord(u32),
    Mod(TimeMod),
    Season(&'static str),
    Holiday(Holiday),
    Ordinal(u32),
    Ref(&'static str),
    /// Counts from the publication date: `vor`, `ago` (-1), `hence` (1).
    Ago(i32),
    /// After a count and unit, counts from the time last mentioned: `a year earlier` -1,
    /// `zwei Monate später` 1.
    Earlier(i32),
    /// A word that names a period by itself (`heuer`: this year; `Vorjahr`: the year before;
    /// `Jahresende`: the end of this year): the unit, its shift from the publication date's,
    /// and the part of it.
    Period(Unit, i32, Option<TimeMod>),
    /// An adverb of a vague duration in a unit (`jahrelang`: PXY).
    Lasting(Unit),
    /// A phrase that names the period last mentioned: `the quarter`, `the latest period`.
    /// The unit, and whether the phrase names one that has ended (`the latest quarter`).
    Anaphor(Unit, bool),
    /// A word after which a four-digit number before a noun is a year: `its 1990 invasion`.
    YearDet,
    /// A word before a four-digit number that makes it a count, not a year (German `rund
    /// 2000`, `Resolution 1441`).
    CountCue,
    /// A preposition that makes the date after it a target, which a past clause may set
    /// ahead (`wurde für den 29. August angesetzt`, `bis Ende Mai verlängert`).
    Target,
    /// A word before a count that belongs to the expression: `nearly` (`APPROX`), `more than`.
    Approx(Option<TimeMod>),
    /// An article that belongs to the expression after it: `the past three months`.
    Article,
    /// The lemma of an auxiliary of the future: `will`, `werden`.
    FutureAux,
    /// A decade said in a word: `Neunziger`, `nineties`; the first three digits of its years.
    Decade(i32),
    /// Between minutes and an hour: `nach` (1) and `vor` (-1) in `20 Minuten nach 8`.
    MinutesTo(i32),
    Ahead,
    /// A superlative or ordinal before `in` and a count: `the highest level in 12 years`.
    Record,
    Every,
    Few,
    Clock,
    Meridiem(bool),
    Zone(String),
    YearCue,
    Link,
    Whole(f64),
    /// A word between a count and its unit that belongs to the duration: `two more weeks`.
    CountAdj,
    /// A determiner that after an article counts from the time last mentioned (`the
    /// following year`); `true` for every unit, `false` for days only (`am nächsten Tag`).
    Narrative(bool),
    /// A word that opens a clause about the unit before it: `in a quarter that produced a
    /// loss` names a quarter, no time from now.
    Relative,
    /// A preposition before a bare plural unit that makes a vague duration, kept out of the
    /// extent: `for years` (`PXY`), `seit Jahren`.
    Span,
    /// Between a count with its unit and a deictic day or `now`, counts from that day:
    /// `two days from today` (1), `three weeks before tomorrow` (-1).
    CountedFrom(i32),
    ClockOffset(i32),
    /// A word after `Nacht` that names the night before the day after it (`auf`, `zum`).
    Eve,
    /// A word between a part of the day and the date it belongs to (`am Morgen des 15. Februar`).
    PartLink,
    /// `true` where it joins only after a word of class `range_open` (`und`, `auf`).
    Range(bool),
    RangeOpen,
}

/// One entry: the words after the first (for a phrase) and the class.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) rest: Vec<String>,
    pub(crate) class: Class,
}

/// The time words of one language, by their first word (lowercase).
#[derive(Debug, Clone, Default)]
pub struct TimeWords {
    entries: WordMap<Vec<Entry>>,
    /// Weekday names, for splitting compounds such as `Montagabend`.
    weekdays: Vec<(String, u32)>,
    /// Parts of the day, for the second half of such compounds.
    parts_of_day: Vec<(String, &'static str)>,
    /// The length in bytes of the shortest weekday compound: shorter words need no test.
    shortest_compound: usize,
    /// The first bytes of weekday names: other words are no weekday compound.
    weekday_initials: [u64; 4],
    /// The length in bytes of the longest first word of a phrase: longer words need no look-up.
    longest: usize,
    /// A filter over the first two bytes and the length of every first word: a word that
    /// misses it has no entries, and needs no hashing. 65,536 bits.
    filter: Vec<u64>,
    /// Month words that are also other words (`may`, `march`, `jan`): a month only next to a
    /// number or a cue; `true` where a capital is no cue either (`May`, `Jan` are also names).
    month_guards: Vec<(String, bool)>,
    /// Weekday abbreviations that are also words (`sat`, `sun`, `wed`).
    weekday_guards: Vec<String>,
    /// Lemmas of verbs that tell the tense of a clause, kept apart from the entries so that
    /// they never start a time expression.
    verb_lemmas: Vec<(String, VerbRole)>,
}

/// What a verb's lemma says of its clause's tense (classes `perfect_aux`, `state_aux`,
/// `auxiliary` of `time_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbRole {
    /// `have`, `haben`: with a participle, a perfect (past); also an auxiliary.
    Perfect,
    /// German `sein`: with a participle, a perfect or a state.
    State,
    /// An auxiliary whatever its tag (`be`, `get`).
    Auxiliary,
    /// A verb or adjective after which an infinitive looks ahead (`plan`, `schedule`).
    Plan,
    /// A verb whose date is when what it arranges will happen (`scheduled a news conference
    /// Thursday`, `postponed the vote until Tuesday`).
    Schedule,
}

/// The bit of [`TimeWords::filter`] for a word.
fn filter_bit(word: &[u8]) -> usize {
    filter_bit_parts(word, word.len())
}

/// The bit of [`TimeWords::filter`] for a word of `len` bytes that begins with `head`.
fn filter_bit_parts(head: &[u8], len: usize) -> usize {
    let first = usize::from(head.first().copied().unwrap_or(0));
    let second = usize::from(head.get(1).copied().unwrap_or(0));
    let key = (first << 16) ^ (second << 8) ^ len.min(255);
    (key.wrapping_mul(0x9E37_79B9) >> 8) & 0xFFFF
}

fn static_code(text: &str, codes: &[&'static str]) -> Option<&'static str> {
    codes.iter().copied().find(|code| *code == text)
}

impl TimeWords {
    /// Parses `time_words.tsv`; `file` names it in errors.
    pub fn load(file: &str, text: &str) -> Result<TimeWords, ResourceError> {
        let table = parse_table(file, text, 3)?;
        let mut words = TimeWords::default();
        for row in &table.rows {
            let (phrase, class, value) = (row.fields[0], row.fields[1], row.fields[2]);
            let bad = |what: &str| row.error(file, &format!("{what}: {value:?}"));
            let number = || value.parse::<u32>().map_err(|_| bad("not a number"));
            let role = match class {
                "perfect_aux" => Some(VerbRole::Perfect),
                "state_aux" => Some(VerbRole::State),
                "auxiliary" => Some(VerbRole::Auxiliary),
                "plan_verb" => Some(VerbRole::Plan),
                "schedule_verb" => Some(VerbRole::Schedule),
                _ => None,
            };
            if let Some(role) = role {
                words.verb_lemmas.push((phrase.to_owned(), role));
                continue;
            }
            if class == "weekday_guard" {
                words.weekday_guards.push(phrase.to_owned());
                continue;
            }
            if class == "month_guard" {
                let name = match value {
                    "name" => true,
                    "word" => false,
                    _ => return Err(bad("expected name or word")),
                };
                words.month_guards.push((phrase.to_owned(), name));
                continue;
            }
            let class = match class {
                "month" => Class::Month(number().ok().filter(|m| (1..=12).contains(m)).ok_or_else(|| bad("no month"))?),
                "weekday" | "weekday_set" => {
                    let day = number().ok().filter(|d| (1..=7).contains(d)).ok_or_else(|| bad("no weekday"))?;
                    if class == "weekday" { Class::Weekday(day) } else { Class::WeekdaySet(day) }
                }
                "unit" => {
                    let (code, plural) = match value.strip_suffix("/pl") {
                        Some(code) => (code, true),
                        None => (value, false),
                    };
                    Class::Unit(Unit::parse(code).ok_or_else(|| bad("unknown unit"))?, plural)
                }
                "unit_set" => Class::UnitSet(Unit::parse(value).ok_or_else(|| bad("unknown unit"))?),
                "shift" | "day" => {
                    let offset = value.parse::<i32>().map_err(|_| bad("not an offset"))?;
                    if class == "shift" { Class::Shift(offset) } else { Class::Day(offset) }
                }
                "part_of_day" => Class::PartOfDay(
                    static_code(value, &["MO", "MI", "AF", "EV", "NI"]).ok_or_else(|| bad("unknown part of day"))?,
                ),
                "clock_word" => Class::ClockWord(number().ok().filter(|h| *h <= 24).ok_or_else(|| bad("no hour"))?),
                "mod" => Class::Mod(part_mod(value).ok_or_else(|| bad("unknown modifier"))?),
                "season" => {
                    Class::Season(static_code(value, &["SP", "SU", "FA", "WI"]).ok_or_else(|| bad("unknown season"))?)
                }
                "holiday" => Class::Holiday(parse_holiday(value).ok_or_else(|| bad("unknown holiday rule"))?),
                "ordinal" => Class::Ordinal(number()?),
                "ref" => Class::Ref(
                    static_code(value, &["PAST_REF", "PRESENT_REF", "FUTURE_REF"])
                        .ok_or_else(|| bad("unknown reference"))?,
                ),
                "ago" => Class::Ago(match value {
                    "-" | "-1" => -1,
                    "1" => 1,
                    _ => return Err(bad("expected -, -1 or 1")),
                }),
                "earlier" => Class::Earlier(
                    value.parse::<i32>().ok().filter(|v| v.abs() == 1).ok_or_else(|| bad("expected -1 or 1"))?,
                ),
                "anaphor" => {
                    let (unit, latest) = match value.split_once('/') {
                        None => (value, false),
                        Some((unit, "latest")) => (unit, true),
                        Some(_) => return Err(bad("the only flag after `/` is latest")),
                    };
                    Class::Anaphor(Unit::parse(unit).ok_or_else(|| bad("unknown unit"))?, latest)
                }
                "period" => {
                    let (period, modifier) = match value.split_once(':') {
                        None => (value, None),
                        Some((period, part)) => (
                            period,
                            Some(part_mod(part).ok_or_else(|| bad("the part after `:` is START, MID or END"))?),
                        ),
                    };
                    let at = period
                        .find(['-', '+', '0', '1', '2', '3'])
                        .ok_or_else(|| bad("expected a unit and a shift"))?;
                    let unit = Unit::parse(&period[..at]).ok_or_else(|| bad("unknown unit"))?;
                    let shift = period[at..].parse::<i32>().map_err(|_| bad("not a shift"))?;
                    Class::Period(unit, shift, modifier)
                }
                "lasting" => Class::Lasting(Unit::parse(value).ok_or_else(|| bad("unknown unit"))?),
                "year_det" => Class::YearDet,
                "count_cue" => Class::CountCue,
                "target" => Class::Target,
                "approx" => Class::Approx(match value {
                    "APPROX" => Some(TimeMod::Approx),
                    "-" => None,
                    _ => return Err(bad("expected APPROX or -")),
                }),
                "article" => Class::Article,
                "future_aux" => Class::FutureAux,
                "decade" => Class::Decade(
                    value.parse::<i32>().ok().filter(|d| (100..=219).contains(d)).ok_or_else(|| bad("not a decade"))?,
                ),
                "minutes_to" => Class::MinutesTo(
                    value.parse::<i32>().ok().filter(|v| v.abs() == 1).ok_or_else(|| bad("expected -1 or 1"))?,
                ),
                "ahead" => Class::Ahead,
                "record" => Class::Record,
                "every" => Class::Every,
                "few" => Class::Few,
                "clock" => Class::Clock,
                "meridiem" => Class::Meridiem(match value {
                    "am" => false,
                    "pm" => true,
                    _ => return Err(bad("expected am or pm")),
                }),
                "zone" => {
                    let valid = value == "Z"
                        || (value.len() == 6
                            && (value.starts_with('+') || value.starts_with('-'))
                            && value.as_bytes()[3] == b':');
                    if !valid {
                        return Err(bad("expected Z or an offset such as +01:00"));
                    }
                    Class::Zone(value.to_owned())
                }
                "year_cue" => Class::YearCue,
                "link" => Class::Link,
                "span" => Class::Span,
                "counted_from" => Class::CountedFrom(
                    value.parse::<i32>().ok().filter(|v| v.abs() == 1).ok_or_else(|| bad("expected -1 or 1"))?,
                ),
                "whole" => Class::Whole(value.parse::<f64>().map_err(|_| bad("not a number"))?),
                "count_adj" => Class::CountAdj,
                "relative" => Class::Relative,
                "narrative" => Class::Narrative(match value {
                    "all" => true,
                    "day" => false,
                    _ => return Err(bad("narrative takes all or day")),
                }),
                "clock_offset" => Class::ClockOffset(
                    value.parse::<i32>().ok().filter(|m| m.abs() < 60).ok_or_else(|| bad("not a number of minutes"))?,
                ),
                "eve" => Class::Eve,
                "part_link" => Class::PartLink,
                "range" => Class::Range(match value {
                    "-" => false,
                    "open" => true,
                    _ => return Err(bad("range takes - or open")),
                }),
                "range_open" => Class::RangeOpen,
                _ => return Err(row.error(file, &format!("unknown class {class:?}"))),
            };
            if phrase != phrase.to_lowercase() {
                return Err(row.error(file, "phrases are lowercase"));
            }
            let mut parts = phrase.split(' ');
            let first = parts.next().unwrap_or_default().to_owned();
            let rest: Vec<String> = parts.map(str::to_owned).collect();
            if rest.is_empty() {
                match &class {
                    Class::Weekday(day) => words.weekdays.push((first.clone(), *day)),
                    Class::PartOfDay(part) => words.parts_of_day.push((first.clone(), part)),
                    _ => {}
                }
            }
            words.entries.entry(first).or_default().push(Entry { rest, class });
        }
        words.weekdays.retain(|(name, _)| !name.ends_with('.'));
        let shortest = |names: &mut dyn Iterator<Item = usize>| names.min().unwrap_or(usize::MAX / 4);
        words.shortest_compound = shortest(&mut words.weekdays.iter().map(|(n, _)| n.len()))
            + shortest(&mut words.parts_of_day.iter().map(|(n, _)| n.len()).chain(std::iter::once(6)));
        for (name, _) in &words.weekdays {
            let byte = usize::from(name.as_bytes()[0]);
            words.weekday_initials[byte / 64] |= 1 << (byte % 64);
        }
        words.filter = vec![0; 1024];
        // Every word of every phrase, so that the later words of a phrase are lowercased too.
        let all_words: Vec<&str> = words
            .entries
            .iter()
            .flat_map(|(key, entries)| {
                std::iter::once(key.as_str()).chain(entries.iter().flat_map(|e| e.rest.iter().map(String::as_str)))
            })
            .collect();
        for word in &all_words {
            let bit = filter_bit(word.as_bytes());
            words.filter[bit / 64] |= 1 << (bit % 64);
        }
        words.longest = all_words.iter().map(|w| w.len()).max().unwrap_or(0);
        // Longer phrases first, so that the first match is the longest.
        for entries in words.entries.values_mut() {
            entries.sort_by_key(|entry| std::cmp::Reverse(entry.rest.len()));
        }
        Ok(words)
    }

    fn has_weekday_initial(&self, byte: u8) -> bool {
        let byte = usize::from(byte);
        self.weekday_initials[byte / 64] & (1 << (byte % 64)) != 0
    }

    /// Whether a word as written needs lowercasing and a look-up: false for most words,
    /// whose first two letters and length match no entry and that cannot be a weekday
    /// compound (`Montagabend`), a number with letters (`3PM`, `1990er`), a short code
    /// (`Q3`), a word with an apostrophe or a hyphenated compound (`eight-year`). A cheap test on the bytes as written.
    pub(crate) fn needs_lowering(&self, raw: &str) -> bool {
        let bytes = raw.as_bytes();
        let Some(&first) = bytes.first() else { return false };
        if bytes.len() <= 3
            || !first.is_ascii()
            || first.is_ascii_digit()
            || bytes.iter().any(|&b| b == b'\'' || b == 0xE2 || b == b'-' || b == b'/')
            || bytes.last().is_some_and(u8::is_ascii_digit)
        {
            return true;
        }
        let first = first.to_ascii_lowercase();
        if bytes.len() >= self.shortest_compound && self.has_weekday_initial(first) {
            return true;
        }
        if bytes.len() > self.longest || self.filter.is_empty() {
            return false;
        }
        let head = [first, bytes[1].to_ascii_lowercase()];
        let bit = filter_bit_parts(&head, bytes.len());
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The entries whose phrase starts with `word` (lowercase).
    pub(crate) fn get(&self, word: &str) -> &[Entry] {
        if word.len() > self.longest || self.filter.is_empty() {
            return &[];
        }
        let bit = filter_bit(word.as_bytes());
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return &[];
        }
        self.entries.get(word).map(Vec::as_slice).unwrap_or_default()
    }

    /// Whether `lemma` is an auxiliary of the future (`will`, `werden`).
    pub(crate) fn is_future_auxiliary(&self, lemma: &str) -> bool {
        self.entries
            .get(lemma)
            .is_some_and(|entries| entries.iter().any(|e| e.rest.is_empty() && e.class == Class::FutureAux))
    }

    /// Whether `lemma` has the verb role `role`.
    pub(crate) fn verb_role(&self, lemma: &str, role: VerbRole) -> bool {
        self.verb_lemmas.iter().any(|(l, r)| *r == role && l == lemma)
    }

    /// For a month word that is also another word: `Some(true)` where a capital is no cue
    /// (`May`), `Some(false)` where it is (`March`); `None` for other words.
    /// Whether a weekday word is also another word (`sat`, `sun`): a weekday only before a
    /// day, a month or a time of day, or after `on` or a determiner.
    pub(crate) fn weekday_guard(&self, word: &str) -> bool {
        self.weekday_guards.iter().any(|w| w == word)
    }

    pub(crate) fn month_guard(&self, word: &str) -> Option<bool> {
        self.month_guards.iter().find(|(w, _)| w == word).map(|(_, name)| *name)
    }

    /// A weekday compound such as `montagabend`: the weekday and the part of the day.
    pub(crate) fn weekday_compound(&self, word: &str) -> Option<(u32, &'static str)> {
        if word.len() < self.shortest_compound || !self.has_weekday_initial(word.as_bytes()[0]) {
            return None;
        }
        let (name, day) =
            self.weekdays.iter().find(|(name, _)| word.len() > name.len() && word.starts_with(name.as_str()))?;
        let rest = &word[name.len()..];
        let part = self.parts_of_day.iter().find(|(part, _)| part == rest).map(|(_, part)| *part);
        // `morgen` after a weekday is its morning.
        let part = part.or_else(|| (rest == "morgen").then_some("MO"))?;
        Some((*day, part))
    }
}

fn parse_holiday(value: &str) -> Option<Holiday> {
    if let Some((date, weekday)) = value.split_once('>') {
        let (month, day) = date.split_once('-')?;
        let (month, day, weekday) = (month.parse().ok()?, day.parse().ok()?, weekday.parse().ok()?);
        chrono::NaiveDate::from_ymd_opt(2000, month, day)?;
        return (1..=7).contains(&weekday).then_some(Holiday::OnOrAfter { month, day, weekday });
    }
    // Days from a movable feast: Easter, the Orthodox Easter, the Chinese new year.
    let counted = [('E', Holiday::Easter as fn(i64) -> Holiday), ('O', Holiday::Orthodox), ('C', Holiday::Chinese)];
    for (prefix, holiday) in counted {
        if let Some(offset) = value.strip_prefix(prefix) {
            return offset.trim_start_matches('+').parse().ok().map(holiday);
        }
    }
    // `L7-30p`: Hindu month, `tithi`, the hour of the rite, days after; `S9+1`, `S0b+24`:
    // the sun's entry into a sign, days after (`b`: from the Bengali month's first day).
    if let Some(rest) = value.strip_prefix('L') {
        use crate::hindu::{Hour, Lunar};
        let (festival, days) = rest.split_once('+').map_or((rest, 0), |(f, d)| (f, d.parse().unwrap_or(-1)));
        let (month, tithi) = festival.split_once('-')?;
        let hour = match tithi.as_bytes().last()? {
            b'r' => Hour::Sunrise,
            b'm' => Hour::Midday,
            b'a' => Hour::Afternoon,
            b'p' => Hour::Evening,
            b'n' => Hour::Midnight,
            _ => return None,
        };
        let (month, tithi): (u32, u32) = (month.parse().ok()?, tithi[..tithi.len() - 1].parse().ok()?);
        return ((1..=12).contains(&month) && (1..=30).contains(&tithi) && (0..=30).contains(&days))
            .then_some(Holiday::HinduLunar(Lunar { month, tithi, hour, days }));
    }
    if let Some((nakshatra, sign)) = value.strip_prefix('K').and_then(|rest| rest.split_once('-')) {
        let (nakshatra, sign): (u32, u32) = (nakshatra.parse().ok()?, sign.parse().ok()?);
        return ((1..=27).contains(&nakshatra) && sign < 12).then_some(Holiday::Nakshatra(nakshatra, sign));
    }
    if let Some(date) = value.strip_prefix('A') {
        use chrono::Datelike;
        let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
        return Some(Holiday::VagueYear(date.year(), date.month(), date.day()));
    }
    if let Some((date, weekday)) = value.split_once('^') {
        let (month, day) = date.split_once('-')?;
        let (month, day, weekday): (u32, u32, u32) = (month.parse().ok()?, day.parse().ok()?, weekday.parse().ok()?);
        chrono::NaiveDate::from_ymd_opt(2000, month, day)?;
        return (1..=7).contains(&weekday).then_some(Holiday::FixedNotOn(month, day, weekday));
    }
    if let Some(rest) = value.strip_prefix('S') {
        let (sign, days) = match rest.find(['+', '-']) {
            Some(at) => (&rest[..at], rest[at..].trim_start_matches('+').parse().unwrap_or(i64::MAX)),
            None => (rest, 0),
        };
        use crate::hindu::{Solar, SolarDay};
        let (sign, day) = if let Some(sign) = sign.strip_suffix('b') {
            (sign, SolarDay::Bengali)
        } else if let Some(sign) = sign.strip_suffix('c') {
            (sign, SolarDay::Civil)
        } else {
            (sign, SolarDay::Sunset)
        };
        let sign: u32 = sign.parse().ok()?;
        return (sign < 12 && (-30..=60).contains(&days)).then_some(Holiday::HinduSolar(Solar { sign, days, day }));
    }
    if let Some(date) = value.strip_prefix('H') {
        use crate::calendars::HebrewRule;
        let (month, day) = date.split_once('-')?;
        let month: u32 = month.parse().ok()?;
        let (day, rule) = match day.as_bytes().last() {
            Some(b's') => (&day[..day.len() - 1], HebrewRule::NotOnSabbath),
            Some(b'h') => (&day[..day.len() - 1], HebrewRule::Shoah),
            Some(b'a') => (&day[..day.len() - 1], HebrewRule::Atzmaut),
            _ => (day, HebrewRule::Fixed),
        };
        let day: u32 = day.parse().ok()?;
        return ((1..=12).contains(&month) && (1..=30).contains(&day)).then_some(Holiday::Hebrew { month, day, rule });
    }
    if let Some(date) = value.strip_prefix('I') {
        let (month, day) = date.split_once('-')?;
        let month: u32 = month.parse().ok()?;
        if !(1..=12).contains(&month) {
            return None;
        }
        if let Some(weekday) = day.strip_prefix('L') {
            let weekday: u32 = weekday.parse().ok()?;
            return (1..=7).contains(&weekday).then_some(Holiday::IslamicLast { month, weekday });
        }
        let day: u32 = day.parse().ok()?;
        return (1..=30).contains(&day).then_some(Holiday::Islamic { month, day });
    }
    if let Some((month, day)) = value.split_once('-')
        && !month.is_empty()
    {
        let (month, day) = (month.parse().ok()?, day.parse().ok()?);
        return chrono::NaiveDate::from_ymd_opt(2000, month, day).map(|_| Holiday::Fixed(month, day));
    }
    let mut parts = value.split(':');
    let n: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let weekday: u32 = parts.next()?.parse().ok()?;
    ((1..=12).contains(&month) && (1..=7).contains(&weekday) && (n == -1 || (1..=5).contains(&n)))
        .then_some(Holiday::Nth { n, month, weekday })
}
