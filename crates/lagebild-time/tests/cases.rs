//! Data-driven tests over real cases (issue 6, item 4): the Recognizers-Text date/time specs
//! and Duckling's time corpora for German and English in `../shared/data/time/`, read at
//! run time (skipped with a message where absent).
//!
//! Each case is one phrase with its reference date; the phrase passes if one of the times the
//! stage finds in it has the expected value, mapped to TIMEX3 as `docs/time.md` describes.
//! The cases carry no tense, so either of Recognizers' resolutions (future, past) counts. The
//! failing cases are listed, with a reason each, in `tests/known_failures.tsv`; the test fails
//! when a case fails that is not listed there, or when a listed case passes (so that the list
//! stays exact). `UPDATE_KNOWN_FAILURES=1` rewrites the list. Pass rates are printed per source
//! and language.

#![allow(clippy::print_stdout, clippy::print_stderr)] // The test reports its pass rates.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate, NaiveTime};
use lagebild_doc::{Document, Lang, Meta, TimeMod, TimeType};
use lagebild_time::TimeKnowledge;
use serde_json::Value;

fn shared_data() -> Option<PathBuf> {
    let dir = std::env::var_os("LAGEBILD_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    dir.join("time").is_dir().then_some(dir)
}

/// What a phrase should come out as.
#[derive(Debug, Clone, Default)]
struct Expected {
    /// TIMEX3 values, any of which passes.
    values: BTreeSet<String>,
    /// Intervals (start, end): passes when two times of the phrase give them, or one duration
    /// gives their length.
    intervals: Vec<(String, String, Option<String>)>,
}

#[derive(Debug)]
struct Case {
    id: String,
    source: &'static str,
    lang: Lang,
    phrase: String,
    reference: NaiveDate,
    /// The reference time of day, the publication's.
    time: NaiveTime,
    expected: Expected,
}

/// `2016-11-07 16:00:00`, `T16`, `2016-11-07T16:00:00` → a canonical TIMEX3 form: minutes
/// always, seconds only where not zero.
fn canonical(value: &str) -> String {
    let value = value.trim().replace(' ', "T");
    if value.starts_with('P') {
        return value;
    }
    let Some((date, time)) = value.split_once('T') else { return value };
    if time.len() < 2 || !time.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
        return value;
    }
    let (clock, zone) = match time.find(['+', '-', 'Z']) {
        Some(at) => time.split_at(at),
        None => (time, ""),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let mut text = format!("{date}T{}:{}", parts[0], parts.get(1).copied().unwrap_or("00"));
    if let Some(second) = parts.get(2).filter(|s| **s != "00") {
        text.push(':');
        text.push_str(second);
    }
    text.push_str(zone);
    text
}

fn recognizers_cases(root: &std::path::Path, lang: Lang) -> Vec<Case> {
    let dir = root.join("time/recognizers-text").join(lang.code());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        let parser = name.ends_with("Parser") && !name.starts_with("TimeZone");
        // The default end-to-end model; the other `DateTimeModel*` files test options
        // (calendar mode, tasks mode, …) that change the values.
        if !(parser || name == "DateTimeModel") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let items: Vec<Value> = serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap();
        for (index, item) in items.iter().enumerate() {
            let reference = item["Context"]["ReferenceDateTime"]
                .as_str()
                .and_then(|r| NaiveDate::parse_from_str(&r[..10.min(r.len())], "%Y-%m-%d").ok())
                .unwrap_or_else(|| NaiveDate::from_ymd_opt(2016, 11, 7).unwrap());
            let time = item["Context"]["ReferenceDateTime"]
                .as_str()
                .and_then(|r| r.get(11..19))
                .and_then(|t| NaiveTime::parse_from_str(t, "%H:%M:%S").ok())
                .unwrap_or(NaiveTime::MIN);
            let Some(results) = item["Results"].as_array() else { continue };
            for (result_index, result) in results.iter().enumerate() {
                let Some(phrase) = result["Text"].as_str() else { continue };
                let mut expected = Expected::default();
                let add_timex = |timex: &str, expected: &mut Expected| {
                    if let Some(inner) = timex.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
                        let parts: Vec<&str> = inner.split(',').collect();
                        if parts.len() == 3 {
                            expected.intervals.push((
                                canonical(parts[0]),
                                canonical(parts[1]),
                                Some(parts[2].to_owned()),
                            ));
                        }
                    } else {
                        expected.values.insert(canonical(timex));
                    }
                };
                if let Some(value) = result.get("Value").filter(|v| v.is_object()) {
                    if let Some(timex) = value["Timex"].as_str() {
                        add_timex(timex, &mut expected);
                    }
                    for resolution in ["FutureResolution", "PastResolution"] {
                        let r = &value[resolution];
                        for key in ["date", "dateTime", "datetime"] {
                            if let Some(v) = r[key].as_str() {
                                expected.values.insert(canonical(v));
                            }
                        }
                        if let Some(v) = r["time"].as_str() {
                            expected.values.insert(canonical(&format!("T{v}")));
                        }
                        for (start, end) in
                            [("startDate", "endDate"), ("startTime", "endTime"), ("startDateTime", "endDateTime")]
                        {
                            if let (Some(s), Some(e)) = (r[start].as_str(), r[end].as_str()) {
                                expected.intervals.push((canonical(s), canonical(e), None));
                            }
                        }
                        if let Some(set) = r["set"].as_str() {
                            expected.values.insert(set.trim_start_matches("Set: ").to_owned());
                        }
                    }
                }
                if let Some(values) = result["Resolution"]["values"].as_array() {
                    for v in values {
                        if let Some(timex) = v["timex"].as_str() {
                            add_timex(timex, &mut expected);
                        }
                        if let Some(value) = v["value"].as_str()
                            && v["type"].as_str() != Some("duration")
                        {
                            expected.values.insert(canonical(value));
                        }
                        if let (Some(s), Some(e)) = (v["start"].as_str(), v["end"].as_str()) {
                            expected.intervals.push((canonical(s), canonical(e), None));
                        }
                    }
                }
                part_of_day_intervals(&mut expected);
                let calendar: Vec<String> =
                    expected.intervals.iter().flat_map(|(start, end, _)| calendar_values(start, end)).collect();
                expected.values.extend(calendar);
                if expected.values.is_empty() && expected.intervals.is_empty() {
                    continue;
                }
                cases.push(Case {
                    id: format!("rt-{}-{name}-{index}-{result_index}", lang.code()),
                    source: "recognizers",
                    lang,
                    phrase: phrase.to_owned(),
                    reference,
                    time,
                    expected,
                });
            }
        }
    }
    cases
}

/// Recognizers resolves a part of the day to hours (`16:00`–`20:00` for the evening); TIMEX3
/// writes it `TEV`, on the day where one is given.
fn part_of_day_intervals(expected: &mut Expected) {
    let mut parts = Vec::new();
    for (start, end, _) in &expected.intervals {
        let split = |v: &str| v.split_once('T').map(|(d, t)| (d.to_owned(), t.to_owned()));
        let (Some((start_day, start_time)), Some((end_day, end_time))) = (split(start), split(end)) else {
            // Times without a date: `T16:00`.
            continue;
        };
        if start_day != end_day {
            continue;
        }
        let part = match (start_time.as_str(), end_time.as_str()) {
            ("08:00", "12:00") => "MO",
            ("12:00", "16:00") => "AF",
            ("16:00", "20:00") => "EV",
            ("20:00", "23:59:59") => "NI",
            _ => continue,
        };
        parts.push(format!("{start_day}T{part}"));
    }
    expected.values.extend(parts);
}

/// An interval that is one calendar unit, as TIMEX3 writes the unit: `2016-01-01`–`2016-04-01`
/// is `2016-Q1`, `1970-01-01`–`1980-01-01` is `197`. `end` is the first day after it.
fn calendar_values(start: &str, end: &str) -> Vec<String> {
    let (Ok(s), Ok(e)) = (NaiveDate::parse_from_str(start, "%Y-%m-%d"), NaiveDate::parse_from_str(end, "%Y-%m-%d"))
    else {
        return Vec::new();
    };
    let months = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32;
    let mut values = Vec::new();
    if s.day() == 1 && e.day() == 1 {
        match months {
            1 => values.push(format!("{:04}-{:02}", s.year(), s.month())),
            3 if s.month0() % 3 == 0 => values.push(format!("{:04}-Q{}", s.year(), s.month0() / 3 + 1)),
            6 if s.month0() % 6 == 0 => values.push(format!("{:04}-H{}", s.year(), s.month0() / 6 + 1)),
            12 if s.month() == 1 => values.push(format!("{:04}", s.year())),
            120 if s.month() == 1 && s.year() % 10 == 0 => values.push(format!("{:03}", s.year() / 10)),
            1200 if s.month() == 1 && s.year() % 100 == 0 => values.push(format!("{:02}", s.year() / 100)),
            _ => {}
        }
    }
    if s.weekday() == chrono::Weekday::Mon && (e - s).num_days() == 7 {
        values.push(format!("{:04}-W{:02}", s.iso_week().year(), s.iso_week().week()));
    }
    values
}

/// Duckling's grains, as the TIMEX3 precision they stand for.
fn duckling_value(parts: &[i64; 6], grain: &str) -> Option<String> {
    let [y, mo, d, h, mi, s] = *parts;
    let (mo, d) = (mo.max(1), d.max(1));
    let date = NaiveDate::from_ymd_opt(y as i32, mo as u32, d as u32)?;
    Some(match grain {
        "Second" => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}"),
        "Minute" => format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}"),
        "Hour" => format!("{y:04}-{mo:02}-{d:02}T{h:02}"),
        "Day" => format!("{y:04}-{mo:02}-{d:02}"),
        "Week" => format!("{:04}-W{:02}", date.iso_week().year(), date.iso_week().week()),
        "Month" => format!("{y:04}-{mo:02}"),
        "Quarter" => format!("{y:04}-Q{}", (mo - 1) / 3 + 1),
        "Year" => format!("{y:04}"),
        _ => return None,
    })
}

/// The TIMEX3 values a Duckling interval stands for as one expression: a weekend, a part of
/// the day, a season, a decade, a quarter or a half-year; and the interval itself.
fn duckling_interval(start: &[i64; 6], end: &[i64; 6], grain: &str, expected: &mut Expected) {
    if let (Some(s), Some(e)) = (duckling_value(start, "Day"), duckling_value(end, "Day")) {
        expected.values.extend(calendar_values(&s, &e));
    }
    // Duckling's intervals end before `end`; the last unit they hold is one grain earlier.
    let last = before(end, grain).unwrap_or(*end);
    let (Some(s), Some(e)) = (duckling_value(start, grain), duckling_value(&last, grain)) else { return };
    let start_date = NaiveDate::from_ymd_opt(start[0] as i32, start[1].max(1) as u32, start[2].max(1) as u32);
    let end_date = NaiveDate::from_ymd_opt(end[0] as i32, end[1].max(1) as u32, end[2].max(1) as u32);
    let (Some(start_date), Some(end_date)) = (start_date, end_date) else { return };
    let day = format!("{:04}-{:02}-{:02}", start[0], start[1], start[2]);
    let days = (end_date - start_date).num_days();
    // A weekend first: Friday 18:00 to Monday is no evening.
    let weekend = matches!(grain, "Hour" | "Day")
        && start_date.weekday() == chrono::Weekday::Fri
        && (3..=4).contains(&days)
        && (grain == "Day" || start[3] == 18);
    match (grain, start[3], end[3]) {
        _ if weekend => {
            let week = start_date.iso_week();
            expected.values.insert(format!("{:04}-W{:02}-WE", week.year(), week.week()));
        }
        // (German `morgens` runs from 3 to 12)
        ("Hour", 4 | 0 | 3, 12) => {
            expected.values.insert(format!("{day}TMO"));
        }
        ("Hour", 12, 19) | ("Hour", 12, 14) => {
            expected.values.insert(format!("{day}TAF"));
            expected.values.insert(format!("{day}TMI"));
        }
        ("Hour", 18, 0) | ("Hour", 18, 21) | ("Hour", 19, 0) => {
            expected.values.insert(format!("{day}TEV"));
            expected.values.insert(format!("{day}TNI"));
        }
        _ => {}
    }
    if grain == "Day" && (80..=100).contains(&days) {
        let season = match start[1] {
            3 => "SP",
            6 => "SU",
            9 => "FA",
            _ => "WI",
        };
        let year = if start[1] == 12 { end[0] } else { start[0] };
        expected.values.insert(format!("{year:04}-{season}"));
        expected.values.insert(format!("{:04}-{season}", start[0]));
    }
    if grain == "Year" && end[0] - start[0] == 10 && start[0] % 10 == 0 {
        expected.values.insert(format!("{:03}", start[0] / 10));
    }
    if grain == "Month" && end[1] - start[1] == 3 && end[0] == start[0] && (start[1] - 1) % 3 == 0 {
        expected.values.insert(format!("{:04}-Q{}", start[0], (start[1] - 1) / 3 + 1));
    }
    let length = match grain {
        "Day" => Some(format!("P{days}D")),
        "Hour" if days == 0 => Some(format!("PT{}H", end[3] - start[3])),
        // `the last two minutes`, `next 3 seconds`: TIMEX3 writes them as durations, as it does
        // `the last three years`.
        "Minute" | "Second" => {
            let of_day = |p: &[i64; 6]| p[3] * 3600 + p[4] * 60 + p[5];
            let seconds = days * 86_400 + of_day(end) - of_day(start);
            Some(if grain == "Minute" { format!("PT{}M", seconds / 60) } else { format!("PT{seconds}S") })
        }
        "Year" => Some(format!("P{}Y", end[0] - start[0])),
        "Month" => Some(format!("P{}M", (end[0] - start[0]) * 12 + end[1] - start[1])),
        "Week" => Some(format!("P{}W", days / 7)),
        _ => None,
    };
    expected.intervals.push((canonical(&s), canonical(&e), length));
}

/// The instant one `grain` before `parts`.
fn before(parts: &[i64; 6], grain: &str) -> Option<[i64; 6]> {
    let date = NaiveDate::from_ymd_opt(parts[0] as i32, parts[1].max(1) as u32, parts[2].max(1) as u32)?;
    let time = date.and_hms_opt(parts[3] as u32, parts[4] as u32, parts[5] as u32)?;
    let earlier = match grain {
        "Second" => time - chrono::Duration::seconds(1),
        "Minute" => time - chrono::Duration::minutes(1),
        "Hour" => time - chrono::Duration::hours(1),
        "Day" => time - chrono::Duration::days(1),
        "Week" => time - chrono::Duration::weeks(1),
        "Month" => time.checked_sub_months(chrono::Months::new(1))?,
        "Quarter" => time.checked_sub_months(chrono::Months::new(3))?,
        "Year" => time.checked_sub_months(chrono::Months::new(12))?,
        _ => return None,
    };
    use chrono::Timelike;
    Some([
        i64::from(earlier.year()),
        i64::from(earlier.month()),
        i64::from(earlier.day()),
        i64::from(earlier.hour()),
        i64::from(earlier.minute()),
        i64::from(earlier.second()),
    ])
}

fn tuple(text: &str) -> Option<([i64; 6], &str)> {
    let text = text.trim_start().strip_prefix('(')?;
    let close = text.find(')')?;
    let numbers: Vec<i64> = text[..close].split(',').filter_map(|n| n.trim().parse().ok()).collect();
    Some((numbers.try_into().ok()?, &text[close + 1..]))
}

fn duckling_cases(root: &std::path::Path, lang: Lang) -> Vec<Case> {
    let file = if lang == Lang::De { "Corpus.DE.hs" } else { "Corpus.EN.hs" };
    let Ok(text) = std::fs::read_to_string(root.join("time/duckling").join(file)) else { return Vec::new() };
    let reference = NaiveDate::from_ymd_opt(2013, 2, 12).unwrap();
    let Some(start) = text.find("allExamples = concat") else { return Vec::new() };
    let mut cases = Vec::new();
    for (group, chunk) in text[start..].split("examples (").skip(1).enumerate() {
        let Some(open) = chunk.find('[') else { continue };
        let (head, list) = chunk.split_at(open);
        let list = &list[..list.find(']').unwrap_or(list.len())];
        let mut expected = Expected::default();
        let words: Vec<&str> = head.split_whitespace().collect();
        let grain = |after: &str| after.split_whitespace().next().unwrap_or("").trim_end_matches(')').to_owned();
        let kind = words.first().copied().unwrap_or("");
        let rest = head[kind.len()..].trim_start();
        match kind {
            "datetime" | "datetimeHoliday" => {
                let Some((parts, after)) = tuple(rest) else { continue };
                let grain = grain(after);
                if let Some(value) = duckling_value(&parts, &grain) {
                    expected.values.insert(canonical(&value));
                }
                if grain == "Second" && parts == [2013, 2, 12, 4, 30, 0] {
                    // The reference instant is TIMEX3's PRESENT_REF.
                    expected.values.insert("PRESENT_REF".to_owned());
                }
            }
            "datetimeInterval" | "datetimeIntervalHoliday" => {
                let inner = rest.trim_start().strip_prefix('(').unwrap_or(rest);
                let Some((from, after)) = tuple(inner) else { continue };
                let Some((to, after)) = tuple(after.trim_start().trim_start_matches(',')) else { continue };
                duckling_interval(&from, &to, &grain(after.trim_start().trim_start_matches(')')), &mut expected);
            }
            "datetimeOpenInterval" => {
                let rest = rest.split_once(' ').map_or("", |(_, r)| r);
                let Some((parts, after)) = tuple(rest) else { continue };
                if let Some(value) = duckling_value(&parts, &grain(after)) {
                    expected.values.insert(canonical(&value));
                }
            }
            _ => continue,
        }
        let mut phrase_index = 0;
        let mut rest = list;
        while let Some(open) = rest.find('"') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('"') else { break };
            let phrase = after[..close].replace("\\\"", "\"");
            rest = &after[close + 1..];
            cases.push(Case {
                id: format!("dk-{}-{group}-{phrase_index}", lang.code()),
                source: "duckling",
                lang,
                phrase,
                reference,
                time: NaiveTime::from_hms_opt(4, 30, 0).unwrap(),
                expected: expected.clone(),
            });
            phrase_index += 1;
        }
    }
    cases
}

/// A time the stage found in a phrase.
struct Found {
    time_type: TimeType,
    value: String,
    modifier: Option<TimeMod>,
}

struct Analyzer {
    resources: lagebild_resources::Resources,
    models: lagebild_morph::Models,
    knowledge: TimeKnowledge,
}

impl Analyzer {
    fn values(&self, case: &Case) -> Vec<Found> {
        let mut meta = Meta::new(case.id.clone(), "-");
        meta.lang = case.lang;
        meta.published = Some(case.reference);
        meta.published_time = Some(case.time);
        let mut doc = Document::new(meta, case.phrase.clone());
        let (sentences, tokens) =
            lagebild_segment::segment(doc.text(), case.lang, self.resources.lang(case.lang).unwrap());
        doc.sentences = sentences;
        doc.tokens = tokens;
        let (tokens, clauses) = lagebild_morph::analyze(&doc, &self.models, &self.resources);
        doc.tokens = tokens;
        doc.clauses = clauses;
        let (times, _) = lagebild_time::analyze(&doc, &self.knowledge);
        times
            .into_iter()
            .map(|t| Found { time_type: t.time_type, value: canonical(&t.value), modifier: t.modifier })
            .collect()
    }
}

/// The length of a duration as months, days and seconds (`P2Y6M` and `P2.5Y` are the same
/// length, `PT1M30S` and `PT1.5M`), in thousandths so that fractions compare.
fn length(value: &str) -> Option<(i64, i64, i64)> {
    let body = value.strip_prefix('P')?;
    let (date, time) = body.split_once('T').unwrap_or((body, ""));
    let (mut months, mut days, mut seconds) = (0.0, 0.0, 0.0);
    for (part, is_time) in [(date, false), (time, true)] {
        let mut rest = part;
        while !rest.is_empty() {
            let at = rest.find(|c: char| c.is_ascii_alphabetic())?;
            let n: f64 = rest[..at].parse().ok()?;
            match (&rest[at..at + 1], is_time) {
                ("Y", false) => months += 12.0 * n,
                ("M", false) => months += n,
                ("W", false) => days += 7.0 * n,
                ("D", false) => days += n,
                ("H", true) => seconds += 3600.0 * n,
                ("M", true) => seconds += 60.0 * n,
                ("S", true) => seconds += n,
                _ => return None,
            }
            rest = &rest[at + 1..];
        }
    }
    let thousandths = |x: f64| (x * 1000.0).round() as i64;
    Some((thousandths(months), thousandths(days), thousandths(seconds)))
}

/// Whether the values found pass the case.
/// A duration in quarters written in months, as the sources write it (`P2Q` → `P6M`, `PXQ` →
/// `PXM`): the same length.
fn in_months(value: &str) -> Option<String> {
    let count = value.strip_prefix('P')?.strip_suffix('Q')?;
    if count == "X" {
        return Some("PXM".to_owned());
    }
    let n: u32 = count.parse().ok()?;
    Some(format!("P{}M", 3 * n))
}

fn passes(case: &Case, found: &[Found]) -> bool {
    let reference = case.reference.format("%Y-%m-%d").to_string();
    // A time of day that Recognizers leaves without a date is on the reference day here.
    let strip = |value: &str| value.strip_prefix(&reference).filter(|v| v.starts_with('T')).map(str::to_owned);
    let expected = &case.expected;
    let duckling = case.source == "duckling";
    let matches = |value: &str| {
        expected.values.contains(value)
            || strip(value).is_some_and(|v| expected.values.contains(&v))
            || in_months(value).is_some_and(|v| expected.values.contains(&v))
            || length(value).is_some_and(|l| expected.values.iter().any(|e| length(e) == Some(l)))
            || expected.values.iter().any(|e| instance_of(value, e, case.reference))
            || expected.values.iter().any(|e| carried_from_reference(value, e, case))
    };
    let value_of = |f: &Found| if duckling { in_duckling_zone(&f.value) } else { f.value.clone() };
    if found.iter().any(|f| matches(&value_of(f))) {
        return true;
    }
    // `the end of the day` is a day with `mod` END; Recognizers gives its last second.
    if !duckling
        && found.iter().any(|f| {
            f.modifier == Some(TimeMod::End) && f.value.len() == 10 && matches(&format!("{}T23:59:59", f.value))
        })
    {
        return true;
    }
    // `the end of April` is TIMEX3 `2013-04` with `mod` END; Duckling writes it as the days
    // it takes that part to be.
    if duckling
        && found.iter().any(|f| {
            part_as_duckling(&f.value, f.modifier).is_some_and(|part| {
                part.values.iter().any(|v| expected.values.contains(v))
                    || part
                        .intervals
                        .iter()
                        .any(|(s, e, _)| expected.intervals.iter().any(|(es, ee, _)| s == es && e == ee))
            })
        })
    {
        return true;
    }
    for (start, end, length) in &expected.intervals {
        // An end written as the first day of a year or month is met by that year or month.
        let same = |a: &str, b: &str| {
            a == b
                || strip(a).is_some_and(|a| a == *b)
                || b.strip_prefix(a).is_some_and(|rest| rest == "-01" || rest == "-01-01")
                || instance_of(a, b, case.reference)
        };
        if found.windows(2).any(|pair| same(&value_of(&pair[0]), start) && same(&value_of(&pair[1]), end)) {
            return true;
        }
        // TIMEX3 writes `for 3 days from today`, `2 weeks starting May 20th` as a date and a
        // duration (the duration's `beginPoint`): they meet an interval with that start and
        // length.
        let pairs = found.windows(2).flat_map(|pair| [(&pair[0], &pair[1]), (&pair[1], &pair[0])]);
        if pairs.into_iter().any(|(point, duration)| {
            duration.time_type == TimeType::Duration
                && same(&value_of(point), start)
                && added(&value_of(point), &duration.value).is_some_and(|e| same(&e, end))
        }) {
            return true;
        }
        // TIMEX3 writes `the last three years` as one duration.
        if let Some(length) = length
            && found.len() == 1
            && found[0].time_type == TimeType::Duration
            && (found[0].value == *length || in_months(&found[0].value).is_some_and(|months| months == *length))
        {
            return true;
        }
    }
    false
}

/// `start` (a day `YYYY-MM-DD` or a time `YYYY-MM-DDThh:mm`) moved on by a duration of days,
/// weeks, hours and minutes (`P3D`, `P1W`, `PT2.5H`, `PT3H30M`), written as `start` is.
fn added(start: &str, duration: &str) -> Option<String> {
    let (days, clock) = match duration.strip_prefix('P')?.split_once('T') {
        Some((days, clock)) => (days, clock),
        None => (duration.strip_prefix('P')?, ""),
    };
    let mut minutes = 0.0;
    for (part, units) in [(days, [("W", 7.0 * 1440.0), ("D", 1440.0)]), (clock, [("H", 60.0), ("M", 1.0)])] {
        let mut rest = part;
        while !rest.is_empty() {
            let at = rest.find(|c: char| c.is_ascii_alphabetic())?;
            let n: f64 = rest[..at].parse().ok()?;
            let unit = units.iter().find(|(u, _)| *u == &rest[at..at + 1])?;
            minutes += n * unit.1;
            rest = &rest[at + 1..];
        }
    }
    let minutes = chrono::Duration::minutes(minutes.round() as i64);
    if start.len() == 10 {
        let day = NaiveDate::parse_from_str(start, "%Y-%m-%d").ok()? + minutes;
        return Some(day.format("%Y-%m-%d").to_string());
    }
    let time = chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").ok()? + minutes;
    Some(time.format("%Y-%m-%dT%H:%M").to_string())
}

/// Whether `value` is an instance of a Recognizers `Timex` with unspecified parts
/// (`XXXX-03`, `XXXX-WXX-2TMO`) within a year of the reference date: the parts given agree,
/// and a weekday pattern falls on its weekday. Where Recognizers resolves such a Timex, its
/// resolutions are the expected values; some cases give the Timex alone.
fn instance_of(value: &str, timex: &str, reference: NaiveDate) -> bool {
    // A season without its year (`SU`): the season of a year near the reference.
    if matches!(timex, "SP" | "SU" | "FA" | "WI") {
        let year: Option<i32> =
            value.strip_suffix(timex).and_then(|y| y.strip_suffix('-')).and_then(|y| y.parse().ok());
        return year.is_some_and(|y| (y - reference.year()).abs() <= 1);
    }
    if !timex.contains('X') || timex.starts_with('P') {
        return false;
    }
    if let Some(rest) = timex.strip_prefix("XXXX-WXX-") {
        // `XXXX-WXX-2TMO`: a day `YYYY-MM-DD` of that weekday, with the same time.
        let (weekday, time) = rest.split_at(rest.find('T').unwrap_or(rest.len()));
        let Some(date) = value.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) else {
            return false;
        };
        return weekday.parse::<u32>().ok() == Some(date.weekday().number_from_monday())
            && &value[10..] == time
            && (date - reference).num_days().abs() <= 366;
    }
    if value.len() != timex.len() || !timex.bytes().zip(value.bytes()).all(|(t, v)| t == b'X' || t == v) {
        return false;
    }
    let year: i32 = value.get(..4).and_then(|y| y.parse().ok()).unwrap_or(i32::MIN);
    (year - reference.year()).abs() <= 1
}

/// Duckling gives a count back or ahead (`in 7 days`, `two years ago`, `three months
/// hence`) the grain below its unit, carrying that field over from the reference instant
/// (`2013-02-19T04:00` at 04:30, `2011-02` in February); TIMEX3 writes the unit's grain
/// (`2013-02-19`, `2011`). `value` passes for `expected` when it is `expected` without
/// such a carried field.
/// Recognizers carries every finer field of the reference date over (`two years ago` is
/// `2014-11-07` on 2016-11-07, `a month ago` `2016-10-07`), where TIMEX3 writes `2014` and
/// `2016-10`.
fn carried_from_reference(value: &str, expected: &str, case: &Case) -> bool {
    let Some(rest) = expected.strip_prefix(value) else { return false };
    let month = format!("-{:02}", case.reference.month());
    let day = format!("-{:02}", case.reference.day());
    let hour = format!("T{:02}:00", chrono::Timelike::hour(&case.time));
    match value.len() {
        4 => rest == month || (case.source == "recognizers" && rest == format!("{month}{day}")),
        7 => rest == day,
        10 => rest == hour,
        _ => false,
    }
}

/// A time with a zone (`2013-02-12T16:00+01:00`, `…Z`) as the same instant in the zone of
/// Duckling's test context (UTC−2), where Duckling gives it, without the zone.
fn in_duckling_zone(value: &str) -> String {
    let Some((date, time)) = value.split_once('T') else { return value.to_owned() };
    let (clock, offset_minutes) = if let Some(clock) = time.strip_suffix('Z') {
        (clock, 0)
    } else if let Some(at) = time.rfind(['+', '-']) {
        let (clock, zone) = time.split_at(at);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let Some((h, m)) = zone[1..].split_once(':') else { return value.to_owned() };
        let (Ok(h), Ok(m)) = (h.parse::<i64>(), m.parse::<i64>()) else { return value.to_owned() };
        (clock, sign * (h * 60 + m))
    } else {
        return value.to_owned();
    };
    let Ok(instant) = chrono::NaiveDateTime::parse_from_str(&format!("{date}T{clock}"), "%Y-%m-%dT%H:%M") else {
        return value.to_owned();
    };
    let local = instant - chrono::Duration::minutes(offset_minutes) - chrono::Duration::hours(2);
    local.format("%Y-%m-%dT%H:%M").to_string()
}

/// The part of a month, year or week that a TIMEX3 `mod` names, as Duckling writes it: the
/// first, middle and last ten days of a month (`early March`, `end of April`); the first
/// three and the last four months of a year (`beginning of 2017`, `end of 2012`); Monday to
/// Wednesday and Friday to Sunday of a week (`beginning of next week`, `end of this week`).
/// Mapped to TIMEX3 values and intervals as Duckling's own intervals are.
fn part_as_duckling(value: &str, modifier: Option<TimeMod>) -> Option<Expected> {
    let modifier = modifier?;
    let mut part = Expected::default();
    let (start, end, grain): ([i64; 6], [i64; 6], &str) = if value.len() == 7 && !value.contains('W') {
        let y: i64 = value[..4].parse().ok()?;
        let m: i64 = value[5..].parse().ok()?;
        let next = if m == 12 { [y + 1, 1, 1, 0, 0, 0] } else { [y, m + 1, 1, 0, 0, 0] };
        match modifier {
            TimeMod::Start => ([y, m, 1, 0, 0, 0], [y, m, 11, 0, 0, 0], "Day"),
            TimeMod::Mid => ([y, m, 11, 0, 0, 0], [y, m, 21, 0, 0, 0], "Day"),
            TimeMod::End => ([y, m, 21, 0, 0, 0], next, "Day"),
            _ => return None,
        }
    } else if value.len() == 4 {
        let y: i64 = value.parse().ok()?;
        match modifier {
            TimeMod::Start => ([y, 1, 1, 0, 0, 0], [y, 4, 1, 0, 0, 0], "Month"),
            TimeMod::End => ([y, 9, 1, 0, 0, 0], [y + 1, 1, 1, 0, 0, 0], "Month"),
            _ => return None,
        }
    } else if let Some((year, week)) = value.split_once("-W") {
        let monday = NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, chrono::Weekday::Mon)?;
        let day = |d: NaiveDate| [i64::from(d.year()), i64::from(d.month()), i64::from(d.day()), 0, 0, 0];
        match modifier {
            TimeMod::Start => (day(monday), day(monday + chrono::Duration::days(3)), "Day"),
            TimeMod::End => (day(monday + chrono::Duration::days(4)), day(monday + chrono::Duration::days(7)), "Day"),
            _ => return None,
        }
    } else {
        return None;
    };
    duckling_interval(&start, &end, grain, &mut part);
    Some(part)
}

fn reason(case: &Case, found: &[Found]) -> String {
    let got: Vec<&str> = found.iter().map(|f| f.value.as_str()).collect();
    let want = case
        .expected
        .values
        .iter()
        .next()
        .cloned()
        .or_else(|| case.expected.intervals.first().map(|(s, e, _)| format!("{s}/{e}")))
        .unwrap_or_default();
    if found.is_empty() {
        format!("not recognised (expected {want})")
    } else if case.expected.values.is_empty() {
        format!("interval not built: got {}, expected {want}", got.join(" "))
    } else {
        format!("other value: got {}, expected {want}", got.join(" "))
    }
}

#[test]
fn recognizers_and_duckling_cases_pass_or_are_known_failures() {
    let Some(root) = shared_data() else {
        eprintln!("skipped: ../shared/data/time is absent");
        return;
    };
    let analyzer = Analyzer {
        resources: lagebild_resources::Resources::embedded().unwrap(),
        models: lagebild_morph::Models::embedded().unwrap(),
        knowledge: TimeKnowledge::embedded().unwrap(),
    };
    let mut cases = Vec::new();
    for lang in [Lang::De, Lang::En] {
        cases.extend(recognizers_cases(&root, lang));
        cases.extend(duckling_cases(&root, lang));
    }
    assert!(cases.len() > 2000, "too few cases read: {}", cases.len());
    let known_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/known_failures.tsv");
    let known_text = std::fs::read_to_string(&known_path).unwrap_or_default();
    let known: BTreeSet<&str> = known_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .filter_map(|l| l.split('\t').next())
        .collect();
    let mut rates: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    let mut failures = Vec::new();
    let (mut unexpected, mut stale) = (Vec::new(), Vec::new());
    let verbose = std::env::var_os("TIME_CASES_VERBOSE").is_some();
    for case in &cases {
        let found = analyzer.values(case);
        let pass = passes(case, &found);
        let rate = rates.entry((case.source, case.lang.code())).or_default();
        rate.1 += 1;
        if pass {
            rate.0 += 1;
            if known.contains(case.id.as_str()) {
                stale.push(case.id.clone());
            }
        } else {
            let why = reason(case, &found);
            if verbose {
                println!("FAIL {}\t{}\t{why}", case.id, case.phrase);
            }
            if !known.contains(case.id.as_str()) {
                unexpected.push(format!("{} {:?}: {why}", case.id, case.phrase));
            }
            failures.push(format!("{}\t{why}", case.id));
        }
    }
    for ((source, lang), (pass, total)) in &rates {
        println!("{source} {lang}: {pass}/{total} = {:.1}%", 100.0 * *pass as f64 / *total as f64);
    }
    if std::env::var_os("UPDATE_KNOWN_FAILURES").is_some() {
        let mut text = String::from(
            "# Cases of Recognizers-Text (rt-<lang>-<file>-<case>-<result>) and Duckling (dk-<lang>-<group>-<phrase>)\n\
             # that lagebild-time does not pass, with the reason; written by `UPDATE_KNOWN_FAILURES=1 cargo test -p lagebild-time --test cases`.\n",
        );
        for line in &failures {
            text.push_str(line);
            text.push('\n');
        }
        std::fs::write(&known_path, text).unwrap();
        return;
    }
    assert!(
        unexpected.is_empty(),
        "{} failing cases not in known_failures.tsv:\n{}",
        unexpected.len(),
        unexpected.join("\n")
    );
    assert!(stale.is_empty(), "{} cases in known_failures.tsv now pass: {}", stale.len(), stale.join(" "));
}
