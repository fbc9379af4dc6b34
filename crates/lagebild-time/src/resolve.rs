//! Calendar arithmetic: TIMEX3 values of what the recogniser found, against the
//! publication date.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::tables::{Holiday, Unit};

/// Which way an incomplete date (a bare weekday, a month without year) is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The nearest on or before the publication date: past-tense clauses.
    Back,
    /// The nearest on or after it: present- and future-tense clauses, and phrases without a verb.
    Forward,
}

/// What a date expression denotes, before it is resolved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A day (`day` set) or month of an explicit or missing year.
    Ymd {
        year: Option<i32>,
        month: u32,
        day: Option<u32>,
    },
    /// `the 19th`, `am 15.`: a day of an unnamed month.
    DayOfMonth(u32),
    Year(i32),
    /// The first three digits of the decade's years: 199 for the 1990s.
    Decade(i32),
    /// The first two digits of the century's years: 19 for the 20th century.
    Century(i32),
    Quarter(Option<i32>, u32),
    Half(Option<i32>, u32),
    Season(Option<i32>, &'static str),
    Holiday(Option<i32>, Holiday),
    /// A weekday, with a shift (`letzten Freitag` -1, `nächsten Montag` 1, `diesen` 0) or none.
    Weekday(u32, Option<i32>),
    /// `KW 23`, `week 23`.
    WeekOfYear(Option<i32>, u32),
    /// `Mittwoch nächster Woche`, `last week Sunday`: a weekday of the week shifted.
    WeekdayOfWeek(u32, i32),
    /// `gestern`, `heute`, `morgen`: days from the publication date.
    Day(i32),
    /// `letzte Woche`, `diesen Monat`, `next year`.
    UnitShift(Unit, i32),
    /// `letzten September`: the month in the year shifted.
    MonthShift(u32, i32),
    SeasonShift(&'static str, i32),
    /// `vor drei Tagen` (-1), `in zwei Wochen` (1).
    Offset(f64, Unit, i32),
    /// A time of day only.
    Clock,
}

impl Sem {
    /// Whether the value depends on the publication date.
    pub(crate) fn is_relative(&self) -> bool {
        match self {
            Sem::Ymd { year, .. } => year.is_none(),
            Sem::Quarter(year, _)
            | Sem::Half(year, _)
            | Sem::Season(year, _)
            | Sem::Holiday(year, _)
            | Sem::WeekOfYear(year, _) => year.is_none(),
            Sem::Year(_) | Sem::Decade(_) | Sem::Century(_) | Sem::Clock => false,
            _ => true,
        }
    }
}

fn day(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

fn week(date: NaiveDate) -> String {
    let week = date.iso_week();
    format!("{:04}-W{:02}", week.year(), week.week())
}

fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let first = date.with_day(1)?;
    if months >= 0 {
        first.checked_add_months(Months::new(months.unsigned_abs()))
    } else {
        first.checked_sub_months(Months::new(months.unsigned_abs()))
    }
}

fn weekday_number(date: NaiveDate) -> i64 {
    i64::from(date.weekday().number_from_monday())
}

/// Easter Sunday of `year` (the anonymous Gregorian algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

pub(crate) fn holiday_date(holiday: Holiday, year: i32) -> Option<NaiveDate> {
    match holiday {
        Holiday::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
        Holiday::Easter(offset) => easter(year)?.checked_add_signed(Duration::days(offset)),
        Holiday::Nth { n, month, weekday } => {
            let weekday = Weekday::try_from(u8::try_from(weekday - 1).ok()?).ok()?;
            if n > 0 {
                NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)
            } else {
                let last = add_months(NaiveDate::from_ymd_opt(year, month, 1)?, 1)?.pred_opt()?;
                let back = (last.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
                last.checked_sub_signed(Duration::days(i64::from(back)))
            }
        }
        Holiday::OnOrAfter { month, day, weekday } => {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            let ahead = (i64::from(weekday) - weekday_number(date)).rem_euclid(7);
            date.checked_add_signed(Duration::days(ahead))
        }
    }
}

/// The year in which something that recurs yearly, and whose date in a year is `date_in`,
/// lies nearest the publication date in `direction`. `month_level` compares whole months.
fn pick_year(
    published: NaiveDate,
    direction: Direction,
    month_level: bool,
    date_in: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<i32> {
    let year = published.year();
    let key = |date: NaiveDate| {
        if month_level { (date.year(), date.month(), 0) } else { (date.year(), date.month(), date.day()) }
    };
    let now = key(published);
    match direction {
        Direction::Back => [year, year - 1].into_iter().find(|y| date_in(*y).is_some_and(|d| key(d) <= now)),
        Direction::Forward => [year, year + 1].into_iter().find(|y| date_in(*y).is_some_and(|d| key(d) >= now)),
    }
}

/// The TIMEX3 value of `sem`, and whether it is anchored (false where it needed a
/// publication date that the document lacks). `None` where the date does not exist.
pub(crate) fn resolve(sem: &Sem, published: Option<NaiveDate>, direction: Direction) -> Option<(String, bool)> {
    let Some(p) = published.filter(|_| sem.is_relative()) else {
        return unresolved(sem);
    };
    let value = match *sem {
        Sem::Ymd { month, day: Some(d), .. } => {
            let year = pick_year(p, direction, false, |y| NaiveDate::from_ymd_opt(y, month, d))?;
            self::day(NaiveDate::from_ymd_opt(year, month, d)?)
        }
        Sem::Ymd { month, day: None, .. } => {
            let year = pick_year(p, direction, true, |y| NaiveDate::from_ymd_opt(y, month, 1))?;
            format!("{year:04}-{month:02}")
        }
        Sem::DayOfMonth(d) => {
            let this = NaiveDate::from_ymd_opt(p.year(), p.month(), d);
            let date = match direction {
                Direction::Back => this.filter(|date| *date <= p).or_else(|| {
                    let before = add_months(p, -1)?;
                    NaiveDate::from_ymd_opt(before.year(), before.month(), d)
                }),
                Direction::Forward => this.filter(|date| *date >= p).or_else(|| {
                    let after = add_months(p, 1)?;
                    NaiveDate::from_ymd_opt(after.year(), after.month(), d)
                }),
            }?;
            self::day(date)
        }
        Sem::Quarter(_, q) => format!("{:04}-Q{q}", p.year()),
        Sem::Half(_, h) => format!("{:04}-H{h}", p.year()),
        Sem::Season(_, season) => format!("{:04}-{season}", p.year()),
        Sem::Holiday(_, holiday) => {
            let year = pick_year(p, direction, false, |y| holiday_date(holiday, y))?;
            self::day(holiday_date(holiday, year)?)
        }
        Sem::Weekday(w, shift) => {
            let today = weekday_number(p);
            let w = i64::from(w);
            let offset = match (shift, direction) {
                (None, Direction::Back) => -((today - w).rem_euclid(7)),
                (None, Direction::Forward) => (w - today).rem_euclid(7),
                (Some(0), _) => (w - today).rem_euclid(7),
                (Some(s), _) if s < 0 => -((today - w - 1).rem_euclid(7) + 1) + 7 * i64::from(s + 1),
                // `nächsten Freitag`: the nearest after the date; `übernächsten` a week later
                (Some(s), _) => (w - today - 1).rem_euclid(7) + 1 + 7 * i64::from(s - 1),
            };
            self::day(p.checked_add_signed(Duration::days(offset))?)
        }
        Sem::Day(offset) => self::day(p.checked_add_signed(Duration::days(i64::from(offset)))?),
        Sem::WeekOfYear(_, w) => format!("{:04}-W{w:02}", p.year()),
        Sem::WeekdayOfWeek(w, k) => {
            let offset = i64::from(w) - weekday_number(p) + 7 * i64::from(k);
            self::day(p.checked_add_signed(Duration::days(offset))?)
        }
        Sem::UnitShift(unit, k) => match unit {
            Unit::Day => self::day(p.checked_add_signed(Duration::days(i64::from(k)))?),
            Unit::Week => week(p.checked_add_signed(Duration::weeks(i64::from(k)))?),
            Unit::Weekend => format!("{}-WE", week(p.checked_add_signed(Duration::weeks(i64::from(k)))?)),
            Unit::Month => {
                let date = add_months(p, k)?;
                format!("{:04}-{:02}", date.year(), date.month())
            }
            Unit::Quarter => {
                let index = p.year() * 4 + i32::try_from(p.month0() / 3).ok()? + k;
                format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
            }
            Unit::Half => {
                let index = p.year() * 2 + i32::try_from(p.month0() / 6).ok()? + k;
                format!("{:04}-H{}", index.div_euclid(2), index.rem_euclid(2) + 1)
            }
            Unit::Year => format!("{:04}", p.year() + k),
            Unit::Decade => format!("{:03}", p.year().div_euclid(10) + k),
            Unit::Century => format!("{:02}", p.year().div_euclid(100) + k),
            Unit::Hour | Unit::Minute | Unit::Second => self::day(p),
        },
        Sem::MonthShift(month, k) => format!("{:04}-{month:02}", p.year() + k),
        Sem::SeasonShift(season, k) => format!("{:04}-{season}", p.year() + k),
        Sem::Offset(n, unit, sign) => {
            let n = n * f64::from(sign);
            match unit {
                Unit::Day | Unit::Week => {
                    let days = if unit == Unit::Week { n * 7.0 } else { n };
                    self::day(p.checked_add_signed(Duration::days(days.round() as i64))?)
                }
                Unit::Month => {
                    let months = n.round() as i32;
                    let date = if months >= 0 {
                        p.checked_add_months(Months::new(months.unsigned_abs()))
                    } else {
                        p.checked_sub_months(Months::new(months.unsigned_abs()))
                    }?;
                    self::day(date)
                }
                Unit::Quarter | Unit::Half => {
                    let months = n * if unit == Unit::Quarter { 3.0 } else { 6.0 };
                    let date = add_months(p, months.round() as i32)?;
                    format!("{:04}-{:02}", date.year(), date.month())
                }
                Unit::Year => format!("{:04}", p.year() + n.round() as i32),
                Unit::Decade => format!("{:04}", p.year() + (n * 10.0).round() as i32),
                Unit::Century => format!("{:04}", p.year() + (n * 100.0).round() as i32),
                Unit::Weekend => week(p.checked_add_signed(Duration::weeks(n.round() as i64))?),
                Unit::Hour | Unit::Minute | Unit::Second => {
                    (if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }).to_owned()
                }
            }
        }
        Sem::Year(_) | Sem::Decade(_) | Sem::Century(_) | Sem::Clock => return unresolved(sem),
    };
    Some((value, true))
}

/// The value without a publication date: explicit parts, `X` for the rest.
fn unresolved(sem: &Sem) -> Option<(String, bool)> {
    let year = |year: Option<i32>| year.map_or_else(|| "XXXX".to_owned(), |y| format!("{y:04}"));
    let value = match *sem {
        Sem::Ymd { year: y, month, day: Some(d) } => {
            if let Some(y) = y {
                NaiveDate::from_ymd_opt(y, month, d)?;
            } else if d > 31 {
                return None;
            }
            format!("{}-{month:02}-{d:02}", year(y))
        }
        Sem::Ymd { year: y, month, day: None } => format!("{}-{month:02}", year(y)),
        Sem::DayOfMonth(d) => format!("XXXX-XX-{d:02}"),
        Sem::Year(y) => format!("{y:04}"),
        Sem::Decade(d) => format!("{d:03}"),
        Sem::Century(c) => format!("{c:02}"),
        Sem::Quarter(y, q) => format!("{}-Q{q}", year(y)),
        Sem::Half(y, h) => format!("{}-H{h}", year(y)),
        Sem::Season(y, s) => format!("{}-{s}", year(y)),
        Sem::Holiday(Some(y), holiday) => day(holiday_date(holiday, y)?),
        Sem::Holiday(None, Holiday::Fixed(month, d)) => format!("XXXX-{month:02}-{d:02}"),
        Sem::WeekOfYear(y, w) => format!("{}-W{w:02}", year(y)),
        Sem::WeekdayOfWeek(w, _) => format!("XXXX-WXX-{w}"),
        Sem::Holiday(None, _) => "XXXX".to_owned(),
        Sem::Weekday(w, _) => format!("XXXX-WXX-{w}"),
        Sem::Day(_) => "XXXX-XX-XX".to_owned(),
        Sem::UnitShift(unit, _) | Sem::Offset(_, unit, _) => match unit {
            Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX".to_owned(),
            Unit::Week => "XXXX-WXX".to_owned(),
            Unit::Weekend => "XXXX-WXX-WE".to_owned(),
            Unit::Month => "XXXX-XX".to_owned(),
            Unit::Quarter => "XXXX-QX".to_owned(),
            Unit::Half => "XXXX-HX".to_owned(),
            Unit::Year => "XXXX".to_owned(),
            Unit::Decade => "XXX".to_owned(),
            Unit::Century => "XX".to_owned(),
        },
        Sem::MonthShift(month, _) => format!("XXXX-{month:02}"),
        Sem::SeasonShift(season, _) => format!("XXXX-{season}"),
        Sem::Clock => String::new(),
    };
    Some((value, !sem.is_relative()))
}
