//! TIMEX3 values as the exports write them: the first day of the stretch a value names (a
//! day, ISO week, month, quarter or year), its last day, and how precise the value is.

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Serialize;

/// How much of the calendar a date names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Year => "year",
        }
    }
}

/// A TIMEX3 value as a stretch of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateSpan {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub precision: Precision,
    /// The time of day, `HH:MM` or `HH:MM:SS`, when the value has one in digits.
    pub time: Option<String>,
}

/// Reads a TIMEX3 value: `2024-05-14` (also with `T15:00`), `2024-W19`, `2024-05`, `2024-Q2`,
/// `2024`. Anything else (`P3D`, `PAST_REF`, `202X`, `2024-W19-WE`) names no stretch of days.
///
/// ```
/// use lagebild_export::{timex_span, Precision};
/// let week = timex_span("2024-W19").unwrap();
/// assert_eq!((week.first.to_string(), week.last.to_string()), ("2024-05-06".into(), "2024-05-12".into()));
/// assert_eq!(week.precision, Precision::Week);
/// assert_eq!(timex_span("2024-05-14T15:00").unwrap().time.as_deref(), Some("15:00"));
/// assert!(timex_span("PAST_REF").is_none());
/// ```
pub fn timex_span(value: &str) -> Option<DateSpan> {
    let (date_part, time_part) = match value.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    let parts: Vec<&str> = date_part.split('-').collect();
    let number = |text: &str, len: usize| -> Option<u32> {
        (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
    };
    let year = i32::try_from(number(parts.first()?, 4)?).ok()?;
    let (first, last, precision) = match parts[1..] {
        [] => (NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?, Precision::Year),
        [week] if week.starts_with('W') => {
            let monday = NaiveDate::from_isoywd_opt(year, number(&week[1..], 2)?, Weekday::Mon)?;
            (monday, monday.checked_add_days(Days::new(6))?, Precision::Week)
        }
        [quarter] if quarter.starts_with('Q') => {
            let quarter = number(&quarter[1..], 1).filter(|q| (1..=4).contains(q))?;
            (NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1)?, last_of_month(year, quarter * 3)?, Precision::Quarter)
        }
        [month] => {
            let month = number(month, 2)?;
            (NaiveDate::from_ymd_opt(year, month, 1)?, last_of_month(year, month)?, Precision::Month)
        }
        [month, day] => {
            let date = NaiveDate::from_ymd_opt(year, number(month, 2)?, number(day, 2)?)?;
            (date, date, Precision::Day)
        }
        _ => return None,
    };
    // A time of day belongs to a day only; `TMO` (morning) and the like are not clock times.
    let time = time_part.filter(|_| precision == Precision::Day).and_then(clock_time);
    Some(DateSpan { first, last, precision, time })
}

/// `HH:MM` or `HH:MM:SS`, without a zone or fraction, if the text starts with one.
fn clock_time(text: &str) -> Option<String> {
    let digits = |part: &str, max: u32| part.len() == 2 && part.parse::<u32>().is_ok_and(|n| n <= max);
    let clock: String = text.chars().take_while(|c| c.is_ascii_digit() || *c == ':').collect();
    let parts: Vec<&str> = clock.split(':').collect();
    match parts[..] {
        [hours, minutes] if digits(hours, 24) && digits(minutes, 59) => Some(clock),
        [hours, minutes, seconds] if digits(hours, 24) && digits(minutes, 59) && digits(seconds, 60) => Some(clock),
        _ => None,
    }
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    next.pred_opt()
}

/// GDELT's FractionDate: the year plus the share of the year completed when the day begins,
/// four decimals (`2024.3661` for 14 May 2024).
pub(crate) fn fraction_date(date: NaiveDate) -> String {
    let days_in_year = if NaiveDate::from_ymd_opt(date.year(), 2, 29).is_some() { 366.0 } else { 365.0 };
    format!("{:.4}", f64::from(date.year()) + f64::from(date.ordinal0()) / days_in_year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(value: &str) -> Option<(String, String, &'static str, Option<String>)> {
        timex_span(value).map(|s| (s.first.to_string(), s.last.to_string(), s.precision.as_str(), s.time))
    }

    #[test]
    fn every_shape_of_timex3_value() {
        let s = |a: &str, b: &str, p: &'static str| Some((a.to_owned(), b.to_owned(), p, None));
        assert_eq!(span("2024-05-14"), s("2024-05-14", "2024-05-14", "day"));
        assert_eq!(span("2024-05"), s("2024-05-01", "2024-05-31", "month"));
        assert_eq!(span("2024-02"), s("2024-02-01", "2024-02-29", "month"));
        assert_eq!(span("2024-12"), s("2024-12-01", "2024-12-31", "month"));
        assert_eq!(span("2025-W01"), s("2024-12-30", "2025-01-05", "week"));
        assert_eq!(span("2024-Q2"), s("2024-04-01", "2024-06-30", "quarter"));
        assert_eq!(span("2024"), s("2024-01-01", "2024-12-31", "year"));
        assert_eq!(span("2024-05-14T15:00").unwrap().3.as_deref(), Some("15:00"));
        assert_eq!(span("2024-05-14T09:30:15Z").unwrap().3.as_deref(), Some("09:30:15"));
        assert_eq!(span("2024-05-14TMO").unwrap().3, None);
        for nothing in ["P3D", "PAST_REF", "PRESENT_REF", "202X", "2024-W19-WE", "2024-13", "2024-Q5", "", "24-05-14"] {
            assert_eq!(span(nothing), None, "{nothing}");
        }
    }

    #[test]
    fn fraction_of_the_year() {
        assert_eq!(fraction_date(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()), "2024.9973");
        assert_eq!(fraction_date(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap()), "2023.0000");
        assert_eq!(fraction_date(NaiveDate::from_ymd_opt(2024, 5, 14).unwrap()), "2024.3661");
    }
}
