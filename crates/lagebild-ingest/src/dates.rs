//! Publication dates as pages, feeds and archives write them, normalised to a calendar date.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime};

/// The calendar date that `text` writes, as written (a timestamp's offset is not applied).
///
/// Understood: ISO 8601 and RFC 3339 (`2023-10-19`, `2023-10-19T08:30:00+02:00`, and any
/// text after the date), `2023/10/19`, `20231019` (alone or before `T`), the German
/// `19.10.2023`, and RFC 2822 as in RSS (`Thu, 19 Oct 2023 08:30:00 +0200`, also with a
/// time-zone name or without the weekday). Years outside 1800–2199 are refused.
pub fn parse_published(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = bytes.get(range)?;
        if part.iter().all(u8::is_ascii_digit) { std::str::from_utf8(part).ok()?.parse().ok() } else { None }
    };
    let date = |year: u32, month: u32, day: u32| -> Option<NaiveDate> {
        if !(1800..2200).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
    };
    let ends_number = |at: usize| bytes.get(at).is_none_or(|byte| !byte.is_ascii_digit());
    // 2023-10-19 or 2023/10/19, then anything that is not a further digit.
    if bytes.len() >= 10 && matches!(bytes.get(4), Some(b'-' | b'/')) && bytes.get(7) == bytes.get(4) && ends_number(10)
    {
        return date(digits(0..4)?, digits(5..7)?, digits(8..10)?);
    }
    // 20231019, alone or before a time.
    if bytes.len() >= 8 && (bytes.len() == 8 || bytes[8] == b'T') && digits(0..8).is_some() {
        return date(digits(0..4)?, digits(4..6)?, digits(6..8)?);
    }
    // 19.10.2023 (and 9.1.2023), then anything that is not a further digit.
    if let Some(parsed) = german_date(text) {
        return date(parsed.0, parsed.1, parsed.2);
    }
    rfc2822_date(text).and_then(|(year, month, day)| date(year, month, day))
}

/// The date of a timestamp, as [`parse_published`] reads it, with the time of day written
/// after it, as written (the offset is not applied, as for the date): `2023-10-19T08:30:00+02:00`
/// and `Thu, 19 Oct 2023 08:30:00 +0200` give 2023-10-19 and 08:30; `2023-10-19` gives no time.
pub fn parse_stamp(text: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    let text = text.trim();
    Some((parse_published(text)?, time_of_day(text)))
}

/// The time of day of a timestamp ([`parse_stamp`]); `None` where `text` gives a date without
/// a time, or no date [`parse_published`] reads.
pub fn parse_published_time(text: &str) -> Option<NaiveTime> {
    parse_stamp(text)?.1
}

/// The time of day after the date of `text`, which [`parse_published`] reads.
fn time_of_day(text: &str) -> Option<NaiveTime> {
    let clock = |part: &str| {
        let part = part.get(..8).filter(|p| p.as_bytes().get(5) == Some(&b':')).or_else(|| part.get(..5))?;
        NaiveTime::parse_from_str(part, "%H:%M:%S").or_else(|_| NaiveTime::parse_from_str(part, "%H:%M")).ok()
    };
    // ISO 8601: the date, `T` or a space, the time.
    if text.len() > 11 && matches!(text.as_bytes().get(10), Some(b'T' | b' ')) && text.as_bytes()[4] == b'-' {
        return clock(&text[11..]);
    }
    // RFC 2822: the first word with a colon after the date.
    if !text.as_bytes()[0].is_ascii_digit() || text.contains(' ') {
        return text.split([' ', ',', '\t']).find(|word| word.contains(':')).and_then(clock);
    }
    None
}

/// `D.M.YYYY` at the start of `text`.
fn german_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.splitn(3, '.');
    let day = parts.next()?;
    let month = parts.next()?;
    let rest = parts.next()?;
    let year_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let short = |part: &str| (1..=2).contains(&part.len()) && part.bytes().all(|byte| byte.is_ascii_digit());
    if !short(day) || !short(month) || year_len != 4 {
        return None;
    }
    Some((rest[..4].parse().ok()?, month.parse().ok()?, day.parse().ok()?))
}

/// The date of an RFC 2822 timestamp, leniently: with or without the weekday, any zone.
fn rfc2822_date(text: &str) -> Option<(u32, u32, u32)> {
    if let Ok(parsed) = DateTime::parse_from_rfc2822(text) {
        let date = parsed.date_naive();
        return Some((u32::try_from(date.year()).ok()?, date.month(), date.day()));
    }
    let mut words = text.split([' ', ',', '\t']).filter(|word| !word.is_empty()).peekable();
    if words.peek()?.bytes().next()?.is_ascii_alphabetic() {
        words.next(); // the weekday, in whatever language
    }
    let day: u32 = words.next()?.parse().ok()?;
    let month = words.next()?;
    let month = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .iter()
        .position(|name| month.get(..3).is_some_and(|prefix| prefix.eq_ignore_ascii_case(name)))?;
    let year = words.next()?;
    let year: u32 = match year.len() {
        4 => year.parse().ok()?,
        2 => 2000 + year.parse::<u32>().ok()?,
        _ => return None,
    };
    Some((year, u32::try_from(month).ok()? + 1, day))
}

/// The primary subtag of a language tag, lowercased: `de-DE` and `de_DE` give `de`. `None`
/// unless it is two or three ASCII letters.
pub fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?;
    let valid = (2..=3).contains(&primary.len()) && primary.bytes().all(|byte| byte.is_ascii_alphabetic());
    valid.then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Option<String> {
        parse_published(text).map(|date| date.to_string())
    }

    #[test]
    fn times_of_day_as_written() {
        let time = |text: &str| parse_published_time(text).map(|time| time.format("%H:%M:%S").to_string());
        assert_eq!(time("2023-10-19T23:30:00-04:00").as_deref(), Some("23:30:00"));
        assert_eq!(time("2016-02-13 08:42").as_deref(), Some("08:42:00"));
        assert_eq!(time("Thu, 19 Oct 2023 08:30:00 +0200").as_deref(), Some("08:30:00"));
        assert_eq!(time("2023-10-19"), None);
        assert_eq!(time("19.10.2023"), None);
        assert_eq!(time("not a date 10:30"), None);
    }

    #[test]
    fn iso_dates_and_timestamps_keep_the_date_as_written() {
        assert_eq!(day("2023-10-19").as_deref(), Some("2023-10-19"));
        assert_eq!(day(" 2023-10-19T23:30:00-04:00 ").as_deref(), Some("2023-10-19"));
        assert_eq!(day("2016-02-13T08:42:54MEZ").as_deref(), Some("2016-02-13"));
        assert_eq!(day("2016-02-13 08:42").as_deref(), Some("2016-02-13"));
        assert_eq!(day("2016/02/13").as_deref(), Some("2016-02-13"));
        assert_eq!(day("20160213").as_deref(), Some("2016-02-13"));
        assert_eq!(day("20160213T120000Z").as_deref(), Some("2016-02-13"));
    }

    #[test]
    fn german_and_rss_dates() {
        assert_eq!(day("19.10.2023").as_deref(), Some("2023-10-19"));
        assert_eq!(day("9.1.2023, 10:38 Uhr").as_deref(), Some("2023-01-09"));
        assert_eq!(day("Thu, 19 Oct 2023 23:30:00 -0400").as_deref(), Some("2023-10-19"));
        assert_eq!(day("Thu, 19 Oct 2023 23:30:00 MESZ").as_deref(), Some("2023-10-19"));
        assert_eq!(day("Do, 19 Okt 2023 08:00:00 +0200"), None, "German month names are not RFC 2822");
        assert_eq!(day("19 October 2023 08:00 GMT").as_deref(), Some("2023-10-19"));
        assert_eq!(day("Tue, 10 Jun 03 04:00:00 GMT").as_deref(), Some("2003-06-10"));
    }

    #[test]
    fn nonsense_is_no_date() {
        for text in ["", "heute", "2023-13-01", "2023-02-30", "0999-01-01", "2023-10-199", "12345", "1.2.345", "Mon,"] {
            assert_eq!(day(text), None, "{text:?}");
        }
    }

    #[test]
    fn primary_language_subtags() {
        assert_eq!(primary_language("de-DE").as_deref(), Some("de"));
        assert_eq!(primary_language("EN_us").as_deref(), Some("en"));
        assert_eq!(primary_language("deu").as_deref(), Some("deu"));
        assert_eq!(primary_language(""), None);
        assert_eq!(primary_language("x"), None);
        assert_eq!(primary_language("de1"), None);
    }
}
