//! Dates, times and quantities: the `times` and `quantities` layers of a document.
//!
//! The stage reads the segmenter's tokens, the tagger's verb features and the clauses, and
//! returns both layers ([`analyze`]). Time expressions are found word by word from the word
//! classes of `resources/<lang>/time_words.tsv` (months, weekdays, units, relative
//! determiners, parts of the day, holidays, …) and normalised to TIMEX3 values against the
//! document's publication date: `am Mittwoch` in a past-tense clause published on
//! Thursday 2023-10-19 is `2023-10-18`, `letzte Woche` is `2023-W41`, `Ende August` is
//! `2023-08` with modifier `END`. Without a publication date, relative values stay
//! unresolved (`XXXX-WXX-3`, `anchored: false`). `docs/time.md` gives the rules.
//! `Document::date_of_clause` (in `lagebild-doc`, beside the layers it reads) gives the event
//! stage the date that applies to a clause.
//!
//! ```
//! use lagebild_doc::{Document, Lang, Meta, Sentence, TextRange, Token};
//! let knowledge = lagebild_time::TimeKnowledge::embedded().unwrap();
//! let mut doc = Document::new(Meta::new("d1", "-"), "Er kam letzte Woche.".to_owned());
//! doc.meta.lang = Lang::De;
//! doc.meta.published = chrono::NaiveDate::from_ymd_opt(2023, 10, 19);
//! doc.sentences.push(Sentence { range: TextRange::new(0, 20) });
//! for (start, end) in [(0, 2), (3, 6), (7, 13), (14, 19), (19, 20)] {
//!     doc.tokens.push(Token { range: TextRange::new(start, end), ..Token::default() });
//! }
//! let (times, _) = lagebild_time::analyze(&doc, &knowledge);
//! assert_eq!(times[0].value, "2023-W41");
//! assert_eq!(doc.slice(times[0].range), "letzte Woche");
//! ```

mod calendars;
mod hindu;
mod numbers;
pub mod quantity;
mod recognize;
mod resolve;
mod tables;

pub use numbers::NumberWords;
pub use quantity::QuantityWords;
pub use tables::TimeWords;

use std::cell::OnceCell;
use std::path::Path;

use lagebild_doc::{Document, Lang, Quantity, TextRange, Time, TimeType};
use lagebild_resources::{ResourceError, ResourceFiles};

use crate::recognize::{Bound, Kind, Recognizer};
use crate::resolve::{Direction, Sem, resolve, shift_value};
use crate::tables::{Unit, VerbRole};

/// Every file of the embedded default, by its path under `resources/`.
const EMBEDDED: &[(&str, &str)] = &[
    ("de/time_words.tsv", include_str!("../../../resources/de/time_words.tsv")),
    ("en/time_words.tsv", include_str!("../../../resources/en/time_words.tsv")),
    ("de/numbers.tsv", include_str!("../../../resources/de/numbers.tsv")),
    ("en/numbers.tsv", include_str!("../../../resources/en/numbers.tsv")),
    ("de/quantity_words.tsv", include_str!("../../../resources/de/quantity_words.tsv")),
    ("en/quantity_words.tsv", include_str!("../../../resources/en/quantity_words.tsv")),
];

/// What the stage knows of one language.
#[derive(Debug, Clone)]
pub struct LangTime {
    pub time_words: TimeWords,
    pub numbers: NumberWords,
    pub quantities: QuantityWords,
    lang: Lang,
}

/// Everything the dates-and-quantities stage knows, per language.
#[derive(Debug, Clone)]
pub struct TimeKnowledge {
    pub de: LangTime,
    pub en: LangTime,
}

impl TimeKnowledge {
    /// The tables compiled into the binary.
    pub fn embedded() -> Result<TimeKnowledge, ResourceError> {
        TimeKnowledge::load(ResourceFiles::Embedded(EMBEDDED))
    }

    /// The tables of a directory laid out like `resources/`; files it lacks are the embedded ones.
    pub fn from_dir(dir: &Path) -> Result<TimeKnowledge, ResourceError> {
        TimeKnowledge::load(ResourceFiles::Dir { dir, embedded: EMBEDDED })
    }

    fn load(files: ResourceFiles<'_>) -> Result<TimeKnowledge, ResourceError> {
        let lang = |lang: Lang| -> Result<LangTime, ResourceError> {
            let code = lang.code();
            let file = |name: &str| format!("{code}/{name}");
            let words = file("time_words.tsv");
            let numbers = file("numbers.tsv");
            let quantities = file("quantity_words.tsv");
            Ok(LangTime {
                time_words: TimeWords::load(&files.label(&words), &files.read(&words)?)?,
                numbers: NumberWords::load(&files.label(&numbers), &files.read(&numbers)?)?,
                quantities: QuantityWords::load(&files.label(&quantities), &files.read(&quantities)?)?,
                lang,
            })
        };
        Ok(TimeKnowledge { de: lang(Lang::De)?, en: lang(Lang::En)? })
    }

    /// The knowledge of `lang`, `None` for [`Lang::Und`].
    pub fn lang(&self, lang: Lang) -> Option<&LangTime> {
        match lang {
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Und => None,
        }
    }
}

/// The stage: reads sentences, tokens (with their tense) and clauses of `doc`, returns the
/// `times` and `quantities` layers.
pub fn analyze(doc: &Document, knowledge: &TimeKnowledge) -> (Vec<Time>, Vec<Quantity>) {
    let Some(lang) = knowledge.lang(doc.meta.lang) else { return (Vec::new(), Vec::new()) };
    let times = times(doc, lang);
    let mut quantities = quantity::quantities(doc, &lang.quantities, &lang.numbers);
    // A number inside a time expression is part of the date (`July 13-15`, `16-17 Uhr`).
    // Both layers are in text order.
    let mut next = 0;
    quantities.retain(|quantity| {
        while next < times.len() && times[next].range.end() <= quantity.range.start() {
            next += 1;
        }
        !times.get(next).is_some_and(|time| time.range.contains_range(quantity.range))
    });
    (times, quantities)
}

/// The `times` layer of `doc`.
pub fn times(doc: &Document, lang: &LangTime) -> Vec<Time> {
    let mut times = Vec::new();
    // Buffers reused from sentence to sentence.
    let mut lower = String::with_capacity(1024);
    let mut bounds: Vec<Bound> = Vec::with_capacity(128);
    let mut capital: Vec<bool> = Vec::with_capacity(128);
    let mut entries: Vec<&[tables::Entry]> = Vec::with_capacity(128);
    let mut number_cache: Vec<OnceCell<Option<(f64, usize)>>> = Vec::with_capacity(128);
    let mut token = 0;
    // The value of the date last mentioned, for `a year earlier` and `the quarter`.
    let mut anchor: Option<String> = None;
    // The quarter last named, for `the quarter` after other dates.
    let mut last_quarter: Option<String> = None;
    for (index, sentence) in doc.sentences.iter().enumerate() {
        while token < doc.tokens.len() && doc.tokens[token].range.start() < sentence.range.start() {
            token += 1;
        }
        let first = token;
        while token < doc.tokens.len() && doc.tokens[token].range.end() <= sentence.range.end() {
            token += 1;
        }
        let tokens = &doc.tokens[first..token];
        if tokens.is_empty() {
            continue;
        }
        lower.clear();
        bounds.clear();
        capital.clear();
        let text = doc.text();
        for t in tokens {
            let start = lower.len();
            let word = text.get(t.range.start() as usize..t.range.end() as usize).unwrap_or_default();
            capital.push(match word.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => word.chars().next().is_some_and(char::is_uppercase),
            });
            if !lang.time_words.needs_lowering(word) {
                // Most words: kept as written, never looked up.
                bounds.push(Bound::Text(t.range.start() as usize, t.range.end() as usize));
                continue;
            }
            if word.is_ascii() {
                lower.push_str(word);
                lower[start..].make_ascii_lowercase();
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            // `year's` reads as `year`; `1970's` keeps its ending, a decade's
            let digit = lower.as_bytes().get(start).is_some_and(u8::is_ascii_digit);
            let end = if digit {
                lower.len()
            } else if lower[start..].ends_with("'s") {
                lower.len() - 2
            } else if lower[start..].ends_with("’s") {
                lower.len() - "’s".len()
            } else {
                lower.len()
            };
            bounds.push(Bound::Lower(start, end));
        }
        entries.clear();
        entries.extend(bounds.iter().map(|bound| match *bound {
            Bound::Lower(start, end) => lang.time_words.get(&lower[start..end]),
            Bound::Text(..) => &[],
        }));
        number_cache.clear();
        number_cache.resize_with(bounds.len(), OnceCell::new);
        let words: Vec<&str> = bounds
            .iter()
            .map(|bound| match *bound {
                Bound::Lower(start, end) => &lower[start..end],
                Bound::Text(start, end) => &text[start..end],
            })
            .collect();
        let recognizer = Recognizer {
            words: &words,
            capital: &capital,
            table: &lang.time_words,
            entries: &entries,
            numbers: &lang.numbers,
            number_cache: &number_cache,
            month_first: lang.lang == Lang::En,
        };
        for found in recognizer.matches() {
            let last = tokens[found.end - 1].range;
            // `today's`, `last year's`: the possessive ending is no part of the expression
            // (a decade's `1970's` is).
            let last_word = text.get(last.start() as usize..last.end() as usize).unwrap_or_default();
            let possessive = ["'s", "’s"]
                .into_iter()
                .find(|ending| last_word.len() > ending.len() + 1 && last_word.ends_with(ending))
                .filter(|_| !last_word.as_bytes()[0].is_ascii_digit())
                .map_or(0, |ending| ending.len() as u32);
            let range = TextRange::new(tokens[found.start].range.start(), last.end() - possessive);
            let mut time_type = found.time_type();
            let (value, anchored) = match found.kind {
                Kind::Duration(value) | Kind::Set(value) => (value, true),
                Kind::Ref(value) => (value.to_owned(), true),
                Kind::Date { sem, clock, part } => {
                    // `next 5/12`, `next Martin Luther King day`: strictly ahead.
                    let after_next = (found.start.saturating_sub(1)..=found.start)
                        .any(|k| entries[k].iter().any(|e| matches!(e.class, tables::Class::Shift(s) if s > 0)));
                    // `last Oct. 23`, `last Easter`: strictly back.
                    // (`last Friday of October` is the month's last Friday.)
                    let after_last =
                        entries[found.start].iter().any(|e| matches!(e.class, tables::Class::Shift(s) if s < 0))
                            && !entries
                                .get(found.start + 1)
                                .is_some_and(|e| e.iter().any(|e| matches!(e.class, tables::Class::Weekday(_))));
                    let direction = if matches!(sem, Sem::Same(..)) {
                        direction(doc, &lang.time_words, index, first + found.start)
                    } else if after_next && matches!(sem, Sem::Ymd { .. } | Sem::Holiday(..)) {
                        Direction::Strict
                    } else if after_last && matches!(sem, Sem::Ymd { day: Some(_), .. } | Sem::Holiday(..)) {
                        Direction::StrictBack
                    } else if sem.is_relative()
                        && !matches!(sem, Sem::Season(..))
                        && found.start > 0
                        && ["seit", "since"].iter().any(|w| words[found.start - 1].eq_ignore_ascii_case(w))
                    {
                        // `Seit August verhängten die Behörden …`: since a time before now
                        Direction::StrictBack
                    } else if sem.is_relative() {
                        direction(doc, &lang.time_words, index, first + found.start)
                    } else {
                        Direction::Forward
                    };
                    // `the highest level in 12 years`, `the first time in five years`: after
                    // `in` in a past clause, the stretch of time up to it, as TimeBank writes
                    // `first time in years`.
                    // (A superlative or an ordinal shortly before marks it in any tense: `rates are
                    // at their lowest level in 24 years`.)
                    let record = || {
                        (found.start.saturating_sub(7)..found.start.saturating_sub(1))
                            .any(|k| entries[k].iter().any(|e| e.class == tables::Class::Record))
                    };
                    if let Sem::Offset(n, unit, 1) = sem
                        && found.start > 0
                        && entries[found.start - 1].iter().any(|e| e.class == tables::Class::Ahead)
                        // (`ahead in 19 minutes` in a past clause; a record of hours is rarer)
                        && (direction == Direction::Back
                            || (record() && !matches!(direction, Direction::Forward | Direction::Strict)))
                    {
                        let value = unit.duration(tables::Count::Number(n));
                        times.push(Time {
                            range,
                            time_type: TimeType::Duration,
                            value,
                            modifier: found.modifier,
                            anchored: true,
                        });
                        continue;
                    }
                    let completed = || resolve(&Sem::UnitShift(Unit::Quarter, -1), doc.meta.published, Direction::Back);
                    let resolved = if let Sem::Same(Unit::Quarter, true) = sem {
                        // `the latest quarter`: the quarter last named if it has ended by the
                        // publication date, else the last that has.
                        match (&last_quarter, completed()) {
                            (Some(quarter), Some((done, _))) if quarter.as_str() <= done.as_str() => {
                                Some((quarter.clone(), true))
                            }
                            (_, Some(done)) => Some(done),
                            (Some(quarter), None) => Some((quarter.clone(), true)),
                            (None, None) => continue,
                        }
                    } else if let Some(value) = anchored(&sem, anchor.as_deref()) {
                        Some((value, true))
                    } else if let (Sem::QuarterAYear(sign) | Sem::YearAgo(sign), Some(quarter)) = (&sem, &last_quarter)
                    {
                        shift_value(quarter, 1.0, Unit::Year, *sign).map(|value| (value, true))
                    } else if let (Sem::QuarterIn(year), Some(quarter)) = (&sem, &last_quarter) {
                        Some((format!("{year:04}{}", &quarter[4..]), true))
                    } else if let Sem::Same(unit, _) = sem {
                        // `the quarter` after other dates: the quarter last named; with none
                        // named, in a past clause, the last quarter before the publication date.
                        match (&last_quarter, doc.meta.published) {
                            (Some(quarter), _) if unit == Unit::Quarter => Some((quarter.clone(), true)),
                            (None, Some(_)) if unit == Unit::Quarter && direction == Direction::Back => completed(),
                            // `the full year`: the year last named, unless it lies ahead (a
                            // forecast `through 1992`), else the publication's.
                            (_, Some(published)) if unit == Unit::Year => {
                                let this = format!("{:04}", chrono::Datelike::year(&published));
                                let named = anchor
                                    .as_deref()
                                    .and_then(|value| value.get(..4))
                                    .filter(|year| year.bytes().all(|b| b.is_ascii_digit()) && *year <= this.as_str());
                                Some((named.map_or(this.clone(), str::to_owned), true))
                            }
                            _ => continue,
                        }
                    } else if sem == Sem::Clock {
                        Some(match doc.meta.published {
                            Some(date) => (date.format("%Y-%m-%d").to_string(), true),
                            None => (String::new(), true),
                        })
                    } else if let Some(value) = from_publication_time(&sem, &doc.meta) {
                        time_type = TimeType::Time;
                        Some((value, true))
                    } else {
                        // A German past clause holds to the past: a day or month without a
                        // year lies strictly on or before the publication date, unless a
                        // preposition before it makes it a target (`für den 29. August
                        // angesetzt`), resolved as without a tense.
                        let target = || {
                            (found.start.saturating_sub(2)..found.start)
                                .any(|k| entries[k].iter().any(|e| e.class == tables::Class::Target))
                        };
                        let year_picked = matches!(sem, Sem::Ymd { .. } | Sem::Holiday(..));
                        let direction = match direction {
                            Direction::Back if lang.lang == Lang::De && year_picked && target() => Direction::Unknown,
                            Direction::Back if lang.lang == Lang::De && year_picked => Direction::StrictBack,
                            other => other,
                        };
                        resolve(&sem, doc.meta.published, direction)
                    };
                    let Some((mut value, anchored)) = resolved else { continue };
                    if !matches!(
                        sem,
                        Sem::Anaphoric(..)
                            | Sem::Offset(..)
                            | Sem::QuarterAYear(_)
                            | Sem::YearAgo(_)
                            | Sem::QuarterIn(_)
                    ) && value.as_bytes().first().is_some_and(u8::is_ascii_digit)
                    {
                        anchor = Some(value.clone());
                        if value.len() == 7 && value.as_bytes()[5] == b'Q' {
                            last_quarter = Some(value.clone());
                        }
                    }
                    if let Some(clock) = clock {
                        value.push_str(&clock.render());
                    } else if let Some(part) = part {
                        value.push('T');
                        value.push_str(part);
                    }
                    (value, anchored)
                }
            };
            times.push(Time { range, time_type, value, modifier: found.modifier, anchored });
        }
    }
    times
}

/// `vor zwei Stunden`, `in 30 minutes`: counted from the time of day of publication where the
/// input gives one (minutes, or seconds for a count of seconds); `None` otherwise, and the
/// expression stays `PAST_REF` or `FUTURE_REF`.
fn from_publication_time(sem: &Sem, meta: &lagebild_doc::Meta) -> Option<String> {
    let Sem::Offset(n, unit, sign) = *sem else { return None };
    let seconds = match unit {
        Unit::Hour => 3600.0,
        Unit::Minute => 60.0,
        Unit::Second => 1.0,
        _ => return None,
    } * n
        * f64::from(sign);
    if !seconds.is_finite() || seconds.abs() > 1e9 {
        return None;
    }
    let at = meta
        .published?
        .and_time(meta.published_time?)
        .checked_add_signed(chrono::Duration::seconds(seconds.round() as i64))?;
    let format = if unit == Unit::Second { "%Y-%m-%dT%H:%M:%S" } else { "%Y-%m-%dT%H:%M" };
    Some(at.format(format).to_string())
}

/// The value of an expression that counts from `anchor`, the value of the date last
/// mentioned in the document that was not itself counted from another: `a year earlier` and
/// `the year-ago quarter` (from any year, quarter, month or day), `the quarter` (the quarter
/// last named), and `a year ago` after a quarter (`profit rose in the third quarter from a
/// year ago`: that quarter a year before). `None` where the anchor does not fit.
fn anchored(sem: &Sem, anchor: Option<&str>) -> Option<String> {
    let last = || anchor.map(|value| value.split('T').next().unwrap_or_default());
    let is_quarter = |value: &str| value.len() == 7 && value.as_bytes()[5] == b'Q' && !value.starts_with('X');
    match *sem {
        Sem::Same(Unit::Quarter, _) => last().filter(|v| is_quarter(v)).map(str::to_owned),
        Sem::Anaphoric(n, unit, sign) => shift_value(last()?, n, unit, sign),
        // `the following year` after `1995-05-03` is `1996`: the unit's own granularity,
        // from an anchor at least as fine.
        Sem::Next(unit, sign) => {
            let value = shift_value(last()?, 1.0, unit, sign)?;
            let keep = match unit {
                Unit::Year => 4,
                Unit::Month => 7,
                Unit::Day => 10,
                _ => return None,
            };
            let fine = value.len() >= keep && (keep == 4 || value.as_bytes()[5].is_ascii_digit());
            fine.then(|| value[..keep].to_owned())
        }
        Sem::Offset(n, Unit::Year, -1) => shift_value(last().filter(|v| is_quarter(v))?, n, Unit::Year, -1),
        _ => None,
    }
}

/// Which way the clause holding `token` of sentence `sentence` points (docs/time.md): back
/// for past tense, near for present, forward for future, unknown (strictly forward) where no
/// verb has a tense. A clause without a tensed verb (an infinitive, a participle phrase, no
/// verb at all) takes the tense of the clause it is embedded in.
fn direction(doc: &Document, words: &TimeWords, sentence: usize, token: usize) -> Direction {
    let english = doc.meta.lang == Lang::En;
    let in_sentence = || doc.clauses.iter().enumerate().filter(|(_, clause)| clause.sentence as usize == sentence);
    let token32 = token as u32;
    // The clause that holds the token; else the nearest one (`In January, the court ruled`:
    // an opening adverbial that no clause took belongs to the clause after it).
    let mut clause =
        in_sentence().find(|(_, clause)| clause.tokens.contains(&token32)).map(|(index, _)| index).or_else(|| {
            in_sentence()
                .filter_map(|(index, clause)| {
                    let (first, last) = (*clause.tokens.first()?, *clause.tokens.last()?);
                    let distance =
                        if token32 < first { 2 * (first - token32) } else { 2 * token32.saturating_sub(last) + 1 };
                    Some((distance, index))
                })
                .min()
                .map(|(_, index)| index)
        });
    let clause_tense = |index: usize| {
        let c = &doc.clauses[index];
        let mut verbs = c.verb_tokens.iter().map(|&t| t as usize).chain(c.verb.map(|t| t as usize));
        // A German clause with its verb last ends with its finite verb.
        let verb_final =
            !english && matches!(c.kind, lagebild_doc::ClauseKind::Relative | lagebild_doc::ClauseKind::Subordinate);
        tense(doc, words, &mut verbs, english, verb_final)
    };
    // German news speaks of what lies ahead in the present (`Am Freitag trifft er Putin`),
    // and of the past in the Präteritum or the perfect: a German present points forward.
    let verdict = |tense: Tense| match tense {
        Tense::Past => Direction::Back,
        Tense::PerfectOrState => Direction::Near,
        Tense::Present if english => Direction::Near,
        Tense::Present => Direction::Forward,
        Tense::Future => Direction::Strict,
    };
    let holder = clause;
    // At most a few steps up, whatever the parents say.
    for step in 0..4 {
        let Some(index) = clause else { break };
        // A date after a verb that arranges something for a day (class `schedule_verb`) looks
        // ahead whatever the verb's tense (`postponed until Tuesday any action`).
        if step == 0
            && doc.clauses[index].verb.is_some_and(|verb| verb < token32)
            && doc.clauses[index]
                .lemma
                .as_deref()
                .is_some_and(|lemma| words.verb_role(&lemma.to_lowercase(), VerbRole::Schedule))
        {
            return Direction::Forward;
        }
        if let Some(tense) = clause_tense(index) {
            return verdict(tense);
        }
        // An infinitive that holds the date, after a verb of planning (class `plan_verb`),
        // looks ahead (`the talks are set to resume Monday`, `the team planned to leave on
        // Thursday`).
        let c = &doc.clauses[index];
        if step == 0
            && c.kind == lagebild_doc::ClauseKind::Infinitive
            && c.tokens.contains(&token32)
            && let Some(before) = c.introducer.and_then(|i| i.checked_sub(1))
            && doc
                .tokens
                .get(before as usize)
                .is_some_and(|t| t.lemma().is_some_and(|lemma| words.verb_role(&lemma.to_lowercase(), VerbRole::Plan)))
        {
            return Direction::Forward;
        }
        clause = doc.clauses[index].parent.map(|p| p as usize).filter(|&p| p < doc.clauses.len() && p != index);
    }
    // A clause without a verb whose verb the clause analysis split off as a clause of its own
    // (`In January, the commissioner ruled that …`: `ruled` read as a participle clause).
    if let Some(holder) = holder
        && let Some(tense) = in_sentence()
            .filter(|(index, c)| *index != holder && c.parent == Some(holder as u32))
            .find_map(|(index, _)| clause_tense(index))
    {
        return verdict(tense);
    }
    let Some(range) = doc.sentences.get(sentence).map(|s| s.range) else { return Direction::Unknown };
    let mut verbs = doc
        .tokens
        .iter()
        .enumerate()
        .skip_while(|(_, t)| t.range.start() < range.start())
        .take_while(|(_, t)| t.range.end() <= range.end())
        .filter(|(_, t)| matches!(t.pos(), Some("VERB" | "AUX")))
        .map(|(i, _)| i);
    if let Some(tense) = tense(doc, words, &mut verbs, english, false) {
        return verdict(tense);
    }
    // No verb found at all: the tagger may have missed an English past form (`proceedings
    // began Tuesday`, `spending rose 0.2% in September`), which the lemma still tells.
    if english
        && doc
            .tokens
            .iter()
            .skip_while(|t| t.range.start() < range.start())
            .take_while(|t| t.range.end() <= range.end())
            .any(|t| !matches!(t.pos(), Some("NOUN" | "PROPN" | "NUM")) && english_past_form(doc, t))
    {
        return Direction::Back;
    }
    Direction::Unknown
}

/// Whether an English token looks like a past form by its lemma: an irregular form
/// (`began`, `rose`, `bought`: the form does not begin with the lemma) or one in `-ed`.
fn english_past_form(doc: &Document, t: &lagebild_doc::Token) -> bool {
    let form = doc.slice(t.range);
    let lemma = t.lemma().unwrap_or(form);
    form.len() > 3
        && form.bytes().all(|b| b.is_ascii_lowercase())
        && lemma != form
        && (!form.starts_with(lemma) || form.ends_with("ed"))
}

/// The tense of a verb complex, as far as the direction of a date needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    /// German `sein` with a participle: a perfect (`ist … gereist`) or a state (`ist …
    /// geplant`), which only the verb tells apart.
    PerfectOrState,
    Present,
    /// With an auxiliary of the future (`will`, `werden`; `future_aux` in the word list).
    Future,
}

/// Whether a German verb the tagger read as an infinitive is written otherwise than its
/// lemma's infinitive (`entschieden` of `entscheiden`), with or without `zu` (`anzukündigen`,
/// `zu sagen`): then it is a participle.
fn infinitive_is_participle(doc: &Document, t: &lagebild_doc::Token) -> bool {
    let (Some(form), Some(lemma)) = (doc.text().get(t.range.start() as usize..t.range.end() as usize), t.lemma())
    else {
        return false;
    };
    if form.eq_ignore_ascii_case(lemma) || lemma.is_empty() {
        return false;
    }
    let form = form.to_lowercase();
    let lemma = lemma.to_lowercase();
    // `anzukündigen`: `zu` between particle and verb
    let without_zu = form.match_indices("zu").any(|(at, _)| format!("{}{}", &form[..at], &form[at + 2..]) == lemma);
    !without_zu && form.len() > 3
}

/// The tense of the verbs `tokens`: past for a past finite verb (`traf`, `said`), a perfect
/// (`hat … getroffen`, `has met`) or, in English, a past participle without any auxiliary
/// (`invaded`, which the tagger reads as a participle as often as a past form; `the quarter
/// ended Sept. 30`); future with a future auxiliary; present for any other finite verb;
/// `None` without a finite verb.
/// `verb_final`: the verbs are a German subordinate or relative clause's, whose last
/// auxiliary is finite even where the tagger read it as an infinitive (`die den Bürgern am
/// Montag vorgestellt werden`).
fn tense(
    doc: &Document,
    words: &TimeWords,
    tokens: &mut dyn Iterator<Item = usize>,
    english: bool,
    verb_final: bool,
) -> Option<Tense> {
    let mut participle = false;
    let mut perfect_auxiliary = false;
    let mut sein = false;
    let mut auxiliary = false;
    let mut finite = false;
    let mut future = false;
    // The last auxiliary read as an infinitive: its index and lemma.
    let mut last_infinitive_auxiliary: Option<(usize, &str)> = None;
    for index in tokens {
        let Some(t) = doc.tokens.get(index) else { continue };
        let form = t.feature("VerbForm");
        // A German modal or `werden` in Konjunktiv II (`Sollten die Griechen am Sonntag
        // ablehnen`, `würde`, `könnte`) is no past: a condition or a wish looks ahead. Other
        // verbs keep their past: a weak verb's Konjunktiv II is its Präteritum (`teilte … mit`,
        // which the tagger may read as a subjunctive), and `hätte`, `wäre` go with a participle.
        let konjunktiv = !english
            && t.feature("Mood") == Some("Sub")
            && t.pos() == Some("AUX")
            && !words.verb_role(t.lemma().unwrap_or_default(), VerbRole::Perfect)
            && !words.verb_role(t.lemma().unwrap_or_default(), VerbRole::State);
        if t.feature("Tense") == Some("Past") && form != Some("Part") && !konjunktiv {
            return Some(Tense::Past);
        }
        if verb_final && form == Some("Inf") && t.pos() == Some("AUX") {
            let lemma = t.lemma().unwrap_or_default();
            if last_infinitive_auxiliary.is_none_or(|(last, _)| last < index) {
                last_infinitive_auxiliary = Some((index, lemma));
            }
        }
        // German participles often carry no tense; a present participle (`-ing`) is no perfect.
        if form == Some("Part") && t.feature("Tense") != Some("Pres") {
            participle = true;
        }
        // A German participle the tagger read as an infinitive: the form is not its lemma's
        // infinitive, nor that with `zu` (`hat am Dienstag … für sich entschieden`).
        if !english && form == Some("Inf") && infinitive_is_participle(doc, t) {
            participle = true;
        }
        let lemma = t.lemma().unwrap_or_default();
        if form == Some("Fin") {
            // A finite form the tagger gave no tense, which reads as a past form (`Since KKR
            // bought RJR in February`).
            if english && t.feature("Tense").is_none() && english_past_form(doc, t) {
                return Some(Tense::Past);
            }
            finite = true;
            if words.verb_role(lemma, VerbRole::Perfect) {
                perfect_auxiliary = true;
            }
            if words.verb_role(lemma, VerbRole::State) {
                sein = true;
            }
            if words.is_future_auxiliary(lemma) {
                future = true;
            }
        }
        if t.pos() == Some("AUX")
            || words.verb_role(lemma, VerbRole::Auxiliary)
            || words.verb_role(lemma, VerbRole::Perfect)
            || words.is_future_auxiliary(lemma)
        {
            auxiliary = true;
        }
    }
    if !finite && let Some((_, lemma)) = last_infinitive_auxiliary {
        finite = true;
        perfect_auxiliary |= words.verb_role(lemma, VerbRole::Perfect);
        sein |= words.verb_role(lemma, VerbRole::State);
        future |= words.is_future_auxiliary(lemma);
    }
    if participle && (perfect_auxiliary || (english && !auxiliary)) {
        Some(Tense::Past)
    } else if participle && sein && !future {
        Some(Tense::PerfectOrState)
    } else if future {
        Some(Tense::Future)
    } else if finite {
        Some(Tense::Present)
    } else {
        None
    }
}
