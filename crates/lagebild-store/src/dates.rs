//! TIMEX3 values as ranges of days, for date filters and ordering.
//!
//! A day is stored as the integer `YYYYMMDD`, which sorts like the date. A value names a day
//! range when it is a day (`2024-05-14`, also with a time), a month (`2024-05`), an ISO week
//! (`2024-W19`), a quarter (`2024-Q2`) or a year (`2024`); anything else (`P3D`, `PAST_REF`,
//! `202X`) has no range. No range is longer than [`MAX_SPAN_DAYS`].

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::StoreError;

/// The longest range a value can name (a leap year), in days.
pub(crate) const MAX_SPAN_DAYS: u64 = 366;

/// `YYYYMMDD` of a date.
pub(crate) fn day_key(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// The first and last day of a TIMEX3 value, if it names a stretch of days.
pub(crate) fn timex_days(value: &str) -> Option<(NaiveDate, NaiveDate)> {
    let date_part = value.split('T').next().unwrap_or(value);
    let parts: Vec<&str> = date_part.split('-').collect();
    let number = |text: &str, len: usize| -> Option<u32> {
        (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok()).flatten()
    };
    let year = i32::try_from(number(parts.first()?, 4)?).ok()?;
    match parts[1..] {
        [] => Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?)),
        [month] if month.starts_with('W') => {
            let week = number(&month[1..], 2)?;
            let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
            Some((monday, monday.checked_add_days(Days::new(6))?))
        }
        [quarter] if quarter.starts_with('Q') => {
            let quarter = number(&quarter[1..], 1).filter(|q| (1..=4).contains(q))?;
            let first = NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1)?;
            Some((first, last_of_month(year, quarter * 3)?))
        }
        [month] => {
            let month = number(month, 2)?;
            Some((NaiveDate::from_ymd_opt(year, month, 1)?, last_of_month(year, month)?))
        }
        [month, day] => {
            let date = NaiveDate::from_ymd_opt(year, number(month, 2)?, number(day, 2)?)?;
            Some((date, date))
        }
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

/// A date range of a filter: both ends inclusive, either open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// Parses the ends as a user gives them: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. A month or year
    /// stands for its first day in `from` and its last day in `to`, so `--from 2024-05 --to
    /// 2024-05` is May 2024.
    ///
    /// ```
    /// use lagebild_store::DateRange;
    /// let may = DateRange::parse(Some("2024-05"), Some("2024-05")).unwrap();
    /// assert_eq!(may.from.unwrap().to_string(), "2024-05-01");
    /// assert_eq!(may.to.unwrap().to_string(), "2024-05-31");
    /// assert!(DateRange::parse(Some("2024-06-01"), Some("2024-05-01")).is_err());
    /// assert!(DateRange::parse(Some("letzte Woche"), None).is_err());
    /// ```
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<DateRange, StoreError> {
        let end = |text: &str, first: bool| -> Result<NaiveDate, StoreError> {
            let text = text.trim();
            let valid = matches!(text.len(), 4 | 7 | 10) && !text.contains('W') && !text.contains('Q');
            let (start, last) = timex_days(text).filter(|_| valid).ok_or_else(|| {
                StoreError::invalid(format!("{text:?} is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY"))
            })?;
            Ok(if first { start } else { last })
        };
        let range =
            DateRange { from: from.map(|t| end(t, true)).transpose()?, to: to.map(|t| end(t, false)).transpose()? };
        if let (Some(from), Some(to)) = (range.from, range.to)
            && from > to
        {
            return Err(StoreError::invalid(format!("the date range starts ({from}) after it ends ({to})")));
        }
        Ok(range)
    }

    pub fn is_open(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// The bounds on the first day (`sort_key`) of an item whose range overlaps this one, and
    /// the bound on its last day: `(lowest first day, highest first day, lowest last day)`.
    pub(crate) fn sort_key_bounds(&self) -> (i64, i64, i64) {
        let lowest_first =
            self.from.and_then(|from| from.checked_sub_days(Days::new(MAX_SPAN_DAYS))).map_or(1, day_key);
        let highest_first = self.to.map_or(i64::MAX, day_key);
        let lowest_last = self.from.map_or(1, day_key);
        (lowest_first, highest_first, lowest_last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(value: &str) -> Option<(String, String)> {
        timex_days(value).map(|(a, b)| (a.to_string(), b.to_string()))
    }

    #[test]
    fn timex_values_become_day_ranges() {
        let range = |a: &str, b: &str| Some((a.to_owned(), b.to_owned()));
        assert_eq!(days("2024-05-14"), range("2024-05-14", "2024-05-14"));
        assert_eq!(days("2024-05-14T15:00"), range("2024-05-14", "2024-05-14"));
        assert_eq!(days("2024-02"), range("2024-02-01", "2024-02-29"));
        assert_eq!(days("2024-12"), range("2024-12-01", "2024-12-31"));
        assert_eq!(days("2024-W19"), range("2024-05-06", "2024-05-12"));
        assert_eq!(days("2024-Q2"), range("2024-04-01", "2024-06-30"));
        assert_eq!(days("2024"), range("2024-01-01", "2024-12-31"));
        for none in ["P3D", "PAST_REF", "202X", "2024-13", "2024-02-30", "24-05-01", "2024-W60", "2024-SU", ""] {
            assert_eq!(days(none), None, "{none}");
        }
        assert_eq!(day_key(NaiveDate::from_ymd_opt(2024, 5, 6).unwrap()), 20240506);
    }

    #[test]
    fn a_range_bounds_the_first_day_by_the_longest_span() {
        let range = DateRange::parse(Some("2024-05-01"), Some("2024-05-31")).unwrap();
        assert_eq!(range.sort_key_bounds(), (20230501, 20240531, 20240501));
        assert_eq!(DateRange::default().sort_key_bounds(), (1, i64::MAX, 1));
        assert!(DateRange::parse(Some("2024-W19"), None).is_err());
        assert!(DateRange::parse(None, Some("2024-05-32")).is_err());
    }
}
