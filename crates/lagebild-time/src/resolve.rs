//! Calendar arithmetic: TIMEX3 values of what the recogniser found, against the
//! publication date.

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};

use crate::calendars;
use crate::tables::{Holiday, Unit};

/// Which way an incomplete date (a bare weekday, a month without year) is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Direction {
    /// The nearest on or before the publication date: past-tense clauses.
    Back,
    /// The nearest on or after it: present- and future-tense clauses.
    Forward,
    /// Present tense: a weekday or a day of the month is the nearest such day either way
    /// (`Ford's declaration Tuesday`, `the offer expires Friday`, ties forward); months and
    /// years as `Forward`.
    Near,
    /// No tensed verb: as `Forward` (a datelined `JOHANNESBURG, August 7`, published the
    /// day after, is that August 7).
    Unknown,
    /// Strictly on or after the publication date: a date after `next` (`next 5/12`, `next
    /// Martin Luther King day`).
    Strict,
    /// Strictly on or before it: a date after `last` (`last Oct. 23`, `last Easter`), after
    /// `seit`, and a day or month in a German past clause (`Ende April hatte das Duo
    /// angekündigt`, published in March, is last April).
    StrictBack,
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
    /// `Thursday the 21st`: the day of a month that falls on that weekday (weekday, day).
    WeekdayDay(u32, u32),
    /// `Friday, July 18` (weekday, month, day): the day of a year near the publication date
    /// on which it falls on that weekday; as [`Sem::Ymd`] where none does.
    WeekdayMonthDay(u32, u32, u32),
    /// `the last day of October` (year, month).
    LastDayOf(Option<i32>, u32),
    /// `nächsten Monat vom 4. …`: a day of the month shifted from the publication month.
    DayOfShiftedMonth(u32, i32),
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
    /// `der letzten Woche im Juli`: the ISO week of the month's last full week.
    LastWeekOf(Option<i32>, u32),
    /// `the first week of 2015` (year, month `None`, 1): the `n`th ISO week of a year, from
    /// its end where `n` is negative (`the last week of 2015`, `the third last week`); `the
    /// third week of January` (month given): the ISO week of the month's `n`th Monday.
    NthWeek {
        year: Option<i32>,
        month: Option<u32>,
        n: i32,
    },
    /// `the week of March 6`, `the week commencing February 4`: the ISO week holding a date.
    WeekOf(Box<Sem>),
    /// `Labor Day weekend`, `the weekend of Halloween`: the weekend nearest a day (before it
    /// from Monday to Tuesday, after it from Wednesday to Friday).
    WeekendOf(Box<Sem>),
    /// `three months after Easter` (the date, the count, the unit, 1 after or -1 before).
    CountedFrom(Box<Sem>, f64, Unit, i32),
    /// `the first Monday of next month` (n, weekday, months from the publication month).
    NthWeekdayOfShiftedMonth(i32, u32, i32),
    /// `gestern`, `heute`, `morgen`: days from the publication date.
    Day(i32),
    /// `letzte Woche`, `diesen Monat`, `next year`.
    UnitShift(Unit, i32),
    /// `the following year`, `am nächsten Tag`: the unit after (or before) the time last
    /// mentioned; without one, as [`Sem::UnitShift`].
    Next(Unit, i32),
    /// `letzten September`: the month in the year shifted.
    MonthShift(u32, i32),
    SeasonShift(&'static str, i32),
    /// `vor drei Tagen` (-1), `in zwei Wochen` (1).
    Offset(f64, Unit, i32),
    /// `a year earlier` (-1), `zwei Monate später` (1): from the time last mentioned, else
    /// from the publication date (as [`Sem::Offset`]).
    Anaphoric(f64, Unit, i32),
    /// `the year-ago quarter` (-1): the quarter last mentioned a year before, else the
    /// quarter before the publication date's a year before.
    QuarterAYear(i32),
    /// `year-earlier` (-1) before another noun: the quarter last mentioned a year before, else
    /// the year before the publication year.
    YearAgo(i32),
    /// `the year-earlier third quarter` (3, -1): a quarter of the year shifted.
    QuarterOfYearShift(u32, i32),
    /// `the 1988 quarter`, `the 1989 period`: the quarter last named, in that year; the year
    /// where none was named.
    QuarterIn(i32),
    /// `the quarter`: the period of that unit last mentioned; nothing without one. `true`
    /// for one that has ended (`the latest quarter`).
    Same(Unit, bool),
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
            | Sem::WeekOfYear(year, _)
            | Sem::LastWeekOf(year, _)
            | Sem::LastDayOf(year, _)
            | Sem::NthWeek { year, .. } => year.is_none(),
            Sem::WeekOf(inner) | Sem::WeekendOf(inner) | Sem::CountedFrom(inner, ..) => inner.is_relative(),
            Sem::Year(_) | Sem::Decade(_) | Sem::Century(_) | Sem::Clock | Sem::QuarterIn(_) => false,
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
    // The astronomical calendars cost up to a few hundred evaluations of the moon's
    // position: each thread remembers what it computed (a text may name a festival often).
    if matches!(
        holiday,
        Holiday::HinduLunar(_)
            | Holiday::HinduSolar(_)
            | Holiday::Nakshatra(..)
            | Holiday::Islamic { .. }
            | Holiday::IslamicLast { .. }
            | Holiday::Chinese(_)
    ) {
        thread_local! {
            static COMPUTED: std::cell::RefCell<std::collections::HashMap<(Holiday, i32), Option<NaiveDate>>> =
                std::cell::RefCell::new(std::collections::HashMap::new());
        }
        if let Some(known) = COMPUTED.with(|computed| computed.borrow().get(&(holiday, year)).copied()) {
            return known;
        }
        let date = computed_holiday_date(holiday, year);
        COMPUTED.with(|computed| {
            let mut computed = computed.borrow_mut();
            // A bound on the memory: holidays times years named.
            if computed.len() > 100_000 {
                computed.clear();
            }
            computed.insert((holiday, year), date);
        });
        return date;
    }
    computed_holiday_date(holiday, year)
}

fn computed_holiday_date(holiday: Holiday, year: i32) -> Option<NaiveDate> {
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
        Holiday::Orthodox(offset) => calendars::orthodox_easter(year)?.checked_add_signed(Duration::days(offset)),
        Holiday::Islamic { month, day } => calendars::islamic_in_year(year, month, day),
        Holiday::IslamicLast { month, weekday } => calendars::islamic_last_weekday_in_year(year, month, weekday),
        Holiday::Chinese(offset) => calendars::chinese_new_year(year)?.checked_add_signed(Duration::days(offset)),
        Holiday::Hebrew { month, day, rule } => calendars::hebrew_in_year(year, month, day, rule),
        Holiday::HinduLunar(festival) => crate::hindu::lunar_in_year(year, festival),
        Holiday::HinduSolar(festival) => crate::hindu::solar_in_year(year, festival),
        Holiday::Nakshatra(nakshatra, sign) => crate::hindu::nakshatra_in_year(year, nakshatra, sign),
        Holiday::FixedNotOn(month, day, weekday) => {
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            if weekday_number(date) == i64::from(weekday) { date.pred_opt() } else { Some(date) }
        }
        Holiday::VagueYear(anchor, month, day) => {
            // Each 365-day year starts a day earlier after a Gregorian leap day.
            let start = NaiveDate::from_ymd_opt(anchor, month, day)?;
            let date = start.checked_add_signed(Duration::days(365 * i64::from(year - anchor)))?;
            (date.year() == year).then_some(date)
        }
    }
}

/// The weekend nearest `date` (its own on a Saturday or Sunday), as `YYYY-Www-WE`.
fn weekend_near(date: NaiveDate) -> Option<String> {
    let back = match date.weekday() {
        Weekday::Sat => 0,
        Weekday::Sun => 1,
        Weekday::Mon => 2,
        Weekday::Tue => 3,
        Weekday::Wed => -3,
        Weekday::Thu => -2,
        Weekday::Fri => -1,
    };
    let saturday = date.checked_sub_signed(Duration::days(back))?;
    let week = saturday.iso_week();
    Some(format!("{:04}-W{:02}-WE", week.year(), week.week()))
}

/// How many times farther a date against the clause's direction counts than one along it:
/// `Iraq invaded Kuwait on Aug. 2`, published 1990-08-15, is 1990-08-02, but `the offer was
/// extended to Nov. 16`, published 1989-11-01, is 1989-11-16 rather than a year back; and a
/// present-tense `the quarter ending Sept. 30`, published 1989-11-01, is the past September.
const AGAINST_DIRECTION: i64 = 2;

/// As [`AGAINST_DIRECTION`] for a date in a clause without a tensed verb, which looks
/// forward more firmly (`Weihnachten` alone, in February, is the coming Christmas), but not
/// strictly: a datelined `JOHANNESBURG, August 7`, published on August 8, is that August 7.
const AGAINST_DIRECTION_UNKNOWN: i64 = 8;

/// The year in which something that recurs yearly, and whose date in a year is `date_in`,
/// lies nearest the publication date, dates against `direction` counting
/// [`AGAINST_DIRECTION`] times as far. `month_level` compares whole months.
fn pick_year(
    published: NaiveDate,
    direction: Direction,
    month_level: bool,
    date_in: impl Fn(i32) -> Option<NaiveDate>,
) -> Option<i32> {
    let year = published.year();
    let distance = |date: NaiveDate| -> i64 {
        if month_level {
            i64::from(date.year() * 12 + date.month() as i32) - i64::from(year * 12 + published.month() as i32)
        } else {
            (date - published).num_days()
        }
    };
    // A tie goes along a clear direction (`findet Anfang November statt`, published in
    // March: eight months ahead against four back counted twice), but the English present's
    // to the earlier year, as before (`under a June agreement`, published in October, is
    // TimeBank's June before).
    let cost = |d: i64| match direction {
        Direction::Back if d > 0 => (d * AGAINST_DIRECTION, true),
        Direction::Forward | Direction::Near if d < 0 => (-d * AGAINST_DIRECTION, direction == Direction::Forward),
        Direction::Unknown if d < 0 => (-d * AGAINST_DIRECTION_UNKNOWN, true),
        Direction::Strict if d < 0 => (i64::MAX / 2, true),
        Direction::StrictBack if d > 0 => (i64::MAX / 2, true),
        _ => (d.abs(), false),
    };
    [year - 1, year, year + 1].into_iter().filter_map(|y| Some((cost(distance(date_in(y)?)), y))).min().map(|(_, y)| y)
}

/// The last day of a month.
fn last_day_of(year: i32, month: u32) -> Option<NaiveDate> {
    add_months(NaiveDate::from_ymd_opt(year, month, 1)?, 1)?.pred_opt()
}

/// The Sunday that ends the last full week (Monday to Sunday) of a month.
fn last_full_week(year: i32, month: u32) -> Option<NaiveDate> {
    let last = last_day_of(year, month)?;
    last.checked_sub_signed(Duration::days(i64::from(last.weekday().num_days_from_sunday())))
}

/// The `n`th ISO week of `year` (from its end where `n` is negative), or, with a month, the
/// ISO week of the month's `n`th Monday (from its last full week where `n` is negative).
fn nth_week(year: i32, month: Option<u32>, n: i32) -> Option<String> {
    let date = match (month, n) {
        (None, n) if n > 0 => NaiveDate::from_isoywd_opt(year, u32::try_from(n).ok()?, Weekday::Mon)?,
        (None, n) => {
            // 28 December always lies in the year's last ISO week.
            let last = NaiveDate::from_ymd_opt(year, 12, 28)?;
            last.checked_sub_signed(Duration::weeks(i64::from(-n - 1)))?
        }
        (Some(month), n) if n > 0 => {
            NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, u8::try_from(n).ok()?)?
        }
        (Some(month), n) => last_full_week(year, month)?.checked_sub_signed(Duration::weeks(i64::from(-n - 1)))?,
    };
    (date.iso_week().year() == year || month.is_some()).then(|| week(date))
}

/// The year of a period of the year that begins in `first_month`: the publication year's,
/// or the year before where the clause is past and the period begins after the publication
/// month.
fn year_begun(published: NaiveDate, direction: Direction, first_month: u32) -> i32 {
    let later = first_month > published.month();
    published.year() - i32::from(direction == Direction::Back && later)
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
                Direction::Back | Direction::StrictBack => this.filter(|date| *date <= p).or_else(|| {
                    let before = add_months(p, -1)?;
                    NaiveDate::from_ymd_opt(before.year(), before.month(), d)
                }),
                Direction::Forward | Direction::Unknown | Direction::Strict | Direction::Near => {
                    this.filter(|date| *date >= p).or_else(|| {
                        let after = add_months(p, 1)?;
                        NaiveDate::from_ymd_opt(after.year(), after.month(), d)
                    })
                }
            }?;
            self::day(date)
        }
        Sem::WeekdayDay(w, d) => {
            // The months around the publication date whose day `d` is that weekday.
            let mut fits = (-14..=14).filter_map(|k| {
                let month = add_months(p, k)?;
                NaiveDate::from_ymd_opt(month.year(), month.month(), d)
                    .filter(|date| weekday_number(*date) == i64::from(w))
            });
            let date = match direction {
                Direction::Back | Direction::StrictBack => fits.rfind(|date| *date <= p),
                Direction::Near => fits.min_by_key(|date| (*date - p).num_days().abs()),
                // Without a tense, a date before the publication date counts eight times as
                // far (`Thursday the 21st`, four days back, over one three months ahead).
                Direction::Unknown => fits.min_by_key(|date| {
                    let days = (*date - p).num_days();
                    if days < 0 { -days * AGAINST_DIRECTION_UNKNOWN } else { days }
                }),
                Direction::Forward | Direction::Strict => fits.find(|date| *date >= p),
            };
            match date {
                Some(date) => self::day(date),
                None => return resolve(&Sem::DayOfMonth(d), Some(p), direction),
            }
        }
        Sem::LastDayOf(_, month) => {
            let year = pick_year(p, direction, false, |y| last_day_of(y, month))?;
            self::day(last_day_of(year, month)?)
        }
        Sem::WeekdayMonthDay(w, month, d) => {
            // (A year whose date lies against the clause's tense does not count.)
            let on_weekday = |y| {
                NaiveDate::from_ymd_opt(y, month, d).filter(|date| {
                    weekday_number(*date) == i64::from(w)
                        && match direction {
                            Direction::Back | Direction::StrictBack => *date <= p,
                            Direction::Forward | Direction::Strict => *date >= p,
                            Direction::Unknown | Direction::Near => true,
                        }
                })
            };
            match pick_year(p, direction, false, on_weekday) {
                Some(year) => self::day(NaiveDate::from_ymd_opt(year, month, d)?),
                None => return resolve(&Sem::Ymd { year: None, month, day: Some(d) }, Some(p), direction),
            }
        }
        Sem::DayOfShiftedMonth(d, k) => {
            let month = add_months(p, k)?;
            self::day(NaiveDate::from_ymd_opt(month.year(), month.month(), d)?)
        }
        // The publication year's, or the year before in a past clause where the period had
        // not begun by the publication date (`fourth-quarter profit fell`, in January).
        Sem::Quarter(_, q) => format!("{:04}-Q{q}", year_begun(p, direction, q * 3 - 2)),
        Sem::Half(_, h) => format!("{:04}-H{h}", year_begun(p, direction, h * 6 - 5)),
        Sem::Season(_, season) => {
            let first_month = match season {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                _ => 12,
            };
            format!("{:04}-{season}", year_begun(p, direction, first_month))
        }
        Sem::Holiday(_, holiday) => {
            let year = pick_year(p, direction, false, |y| holiday_date(holiday, y))?;
            self::day(holiday_date(holiday, year)?)
        }
        Sem::Weekday(w, shift) => {
            let today = weekday_number(p);
            let w = i64::from(w);
            let offset = match (shift, direction) {
                (None, Direction::Back | Direction::StrictBack) => -((today - w).rem_euclid(7)),
                (None, Direction::Forward | Direction::Unknown | Direction::Strict) => (w - today).rem_euclid(7),
                (None, Direction::Near) => {
                    let ahead = (w - today).rem_euclid(7);
                    if ahead <= 3 { ahead } else { ahead - 7 }
                }
                (Some(0), _) => (w - today).rem_euclid(7),
                (Some(s), _) if s < 0 => -((today - w - 1).rem_euclid(7) + 1) + 7 * i64::from(s + 1),
                // `nächsten Freitag`: the nearest after the date; `übernächsten` a week later
                (Some(s), _) => (w - today - 1).rem_euclid(7) + 1 + 7 * i64::from(s - 1),
            };
            self::day(p.checked_add_signed(Duration::days(offset))?)
        }
        Sem::Day(offset) => self::day(p.checked_add_signed(Duration::days(i64::from(offset)))?),
        Sem::LastWeekOf(_, month) => week(last_full_week(year_begun(p, direction, month), month)?),
        Sem::NthWeek { month, n, .. } => {
            let year = month.map_or(p.year(), |month| year_begun(p, direction, month));
            nth_week(year, month, n)?
        }
        Sem::WeekOf(ref inner) => {
            let (value, _) = resolve(inner, Some(p), direction)?;
            week(NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?)
        }
        Sem::WeekendOf(ref inner) => {
            let (value, _) = resolve(inner, Some(p), direction)?;
            weekend_near(NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?)?
        }
        Sem::CountedFrom(ref inner, n, unit, sign) => {
            let (value, _) = resolve(inner, Some(p), direction)?;
            shift_value(value.get(..10)?, n, unit, sign)?
        }
        Sem::NthWeekdayOfShiftedMonth(n, weekday, k) => {
            let month = add_months(p, k)?;
            self::day(holiday_date(Holiday::Nth { n, month: month.month(), weekday }, month.year())?)
        }
        Sem::WeekOfYear(_, w) => format!("{:04}-W{w:02}", p.year()),
        Sem::WeekdayOfWeek(w, k) => {
            let offset = i64::from(w) - weekday_number(p) + 7 * i64::from(k);
            self::day(p.checked_add_signed(Duration::days(offset))?)
        }
        Sem::Next(unit, k) => return resolve(&Sem::UnitShift(unit, k), published, direction),
        Sem::UnitShift(unit, k) => match unit {
            Unit::Day => self::day(p.checked_add_signed(Duration::days(i64::from(k)))?),
            // (`next fortnight`: the week it begins in)
            Unit::Week | Unit::Fortnight => week(p.checked_add_signed(Duration::days(unit.days()? * i64::from(k)))?),
            Unit::Weekend => {
                // `the weekend` in a past clause, published on a weekday: the one before.
                let back = k == 0 && direction == Direction::Back && weekday_number(p) < 6;
                let weeks = i64::from(k) - i64::from(back);
                format!("{}-WE", week(p.checked_add_signed(Duration::weeks(weeks))?))
            }
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
        // In a past clause (`the company was founded last June`) the latest June before the
        // publication month; otherwise the year shifted (`letzten September` in November
        // 2016 is 2015-09, as the test sources read it).
        Sem::MonthShift(month, k) => {
            let year = match k {
                k if k < 0 && direction == Direction::Back => p.year() + k + i32::from(month < p.month()),
                k if k < 0 => p.year() + k,
                k if k > 0 => p.year() + k - i32::from(month > p.month()),
                _ => p.year(),
            };
            format!("{year:04}-{month:02}")
        }
        Sem::SeasonShift(season, k) => format!("{:04}-{season}", p.year() + k),
        Sem::Same(..) => return None,
        Sem::YearAgo(k) => format!("{:04}", p.year() + k),
        Sem::QuarterOfYearShift(q, k) => format!("{:04}-Q{q}", p.year() + k),
        Sem::QuarterAYear(sign) => {
            let index = p.year() * 4 + i32::try_from(p.month0() / 3).ok()? - 1 + 4 * sign;
            format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
        }
        Sem::Offset(n, unit, sign) | Sem::Anaphoric(n, unit, sign) => {
            let n = n * f64::from(sign);
            match unit {
                Unit::Day | Unit::Week | Unit::Fortnight => {
                    let days = n * unit.days()? as f64;
                    self::day(p.checked_add_signed(Duration::days(days.round() as i64))?)
                }
                Unit::Month => {
                    let months = n.round() as i32;
                    let date = if months >= 0 {
                        p.checked_add_months(Months::new(months.unsigned_abs()))
                    } else {
                        p.checked_sub_months(Months::new(months.unsigned_abs()))
                    }?;
                    // `five months ago` names a month, as TimeML writes it (`1997-10`).
                    format!("{:04}-{:02}", date.year(), date.month())
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
        Sem::Year(_) | Sem::Decade(_) | Sem::Century(_) | Sem::Clock | Sem::QuarterIn(_) => return unresolved(sem),
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
        Sem::WeekdayMonthDay(_, month, d) => format!("XXXX-{month:02}-{d:02}"),
        Sem::LastDayOf(Some(y), month) => day(last_day_of(y, month)?),
        Sem::LastDayOf(None, month) => format!("XXXX-{month:02}-XX"),
        Sem::DayOfMonth(d) | Sem::DayOfShiftedMonth(d, _) | Sem::WeekdayDay(_, d) => format!("XXXX-XX-{d:02}"),
        Sem::Year(y) | Sem::QuarterIn(y) => format!("{y:04}"),
        Sem::Decade(d) => format!("{d:03}"),
        Sem::Century(c) => format!("{c:02}"),
        Sem::Quarter(y, q) => format!("{}-Q{q}", year(y)),
        Sem::Half(y, h) => format!("{}-H{h}", year(y)),
        Sem::Season(y, s) => format!("{}-{s}", year(y)),
        Sem::Holiday(Some(y), holiday) => day(holiday_date(holiday, y)?),
        Sem::Holiday(None, Holiday::Fixed(month, d)) => format!("XXXX-{month:02}-{d:02}"),
        Sem::WeekOfYear(y, w) => format!("{}-W{w:02}", year(y)),
        Sem::LastWeekOf(Some(y), month) => week(last_full_week(y, month)?),
        Sem::WeekOf(ref inner) => match unresolved(inner)
            .and_then(|(value, _)| NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok())
        {
            Some(date) => week(date),
            None => "XXXX-WXX".to_owned(),
        },
        Sem::WeekendOf(ref inner) => match unresolved(inner)
            .and_then(|(value, _)| NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok())
        {
            Some(date) => weekend_near(date)?,
            None => "XXXX-WXX-WE".to_owned(),
        },
        Sem::LastWeekOf(None, _) | Sem::NthWeek { year: None, .. } => "XXXX-WXX".to_owned(),
        Sem::NthWeek { year: Some(y), month, n } => nth_week(y, month, n)?,
        Sem::NthWeekdayOfShiftedMonth(..) => "XXXX-XX-XX".to_owned(),
        Sem::CountedFrom(ref inner, n, unit, sign) => {
            let (value, _) = unresolved(inner)?;
            if value.starts_with('X') { "XXXX-XX-XX".to_owned() } else { shift_value(value.get(..10)?, n, unit, sign)? }
        }
        Sem::WeekdayOfWeek(w, _) => format!("XXXX-WXX-{w}"),
        Sem::Holiday(None, _) => "XXXX".to_owned(),
        Sem::Weekday(w, _) => format!("XXXX-WXX-{w}"),
        Sem::Day(_) => "XXXX-XX-XX".to_owned(),
        Sem::Same(..) => return None,
        Sem::QuarterAYear(_) => "XXXX-QX".to_owned(),
        Sem::YearAgo(_) => "XXXX".to_owned(),
        Sem::QuarterOfYearShift(q, _) => format!("XXXX-Q{q}"),
        Sem::UnitShift(unit, _) | Sem::Next(unit, _) | Sem::Offset(_, unit, _) | Sem::Anaphoric(_, unit, _) => {
            match unit {
                Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX".to_owned(),
                Unit::Week | Unit::Fortnight => "XXXX-WXX".to_owned(),
                Unit::Weekend => "XXXX-WXX-WE".to_owned(),
                Unit::Month => "XXXX-XX".to_owned(),
                Unit::Quarter => "XXXX-QX".to_owned(),
                Unit::Half => "XXXX-HX".to_owned(),
                Unit::Year => "XXXX".to_owned(),
                Unit::Decade => "XXX".to_owned(),
                Unit::Century => "XX".to_owned(),
            }
        }
        Sem::MonthShift(month, _) => format!("XXXX-{month:02}"),
        Sem::SeasonShift(season, _) => format!("XXXX-{season}"),
        Sem::Clock => String::new(),
    };
    Some((value, !sem.is_relative()))
}

/// A calendar value of the granularity it is written in, for [`shift_value`].
enum Calendar {
    Year(i32),
    Quarter(i32, i32),
    Month(i32, u32),
    Day(NaiveDate),
}

fn parse_calendar(value: &str) -> Option<Calendar> {
    let year: i32 = value.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()?;
    let rest = &value[4..];
    if rest.is_empty() {
        return Some(Calendar::Year(year));
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(q) = rest.strip_prefix('Q') {
        let q: i32 = q.parse().ok().filter(|q| (1..=4).contains(q))?;
        return Some(Calendar::Quarter(year, q));
    }
    match rest.len() {
        2 => Some(Calendar::Month(year, rest.parse().ok().filter(|m| (1..=12).contains(m))?)),
        5 => NaiveDate::parse_from_str(value, "%Y-%m-%d").ok().map(Calendar::Day),
        _ => None,
    }
}

/// `value` (a year, quarter, month or day) shifted by `n` `unit`s (`sign` -1 back, 1 forward),
/// at the same granularity: `a year earlier` after `the third quarter` of 1989 is `1988-Q3`.
/// `None` where the unit is finer than the value or the count is no whole number.
pub(crate) fn shift_value(value: &str, n: f64, unit: Unit, sign: i32) -> Option<String> {
    if n.fract() != 0.0 || !(0.0..=1000.0).contains(&n) {
        return None;
    }
    let n = n as i32 * sign;
    let months = match unit {
        Unit::Year => 12 * n,
        Unit::Half => 6 * n,
        Unit::Quarter => 3 * n,
        Unit::Month => n,
        Unit::Decade => 120 * n,
        _ => 0,
    };
    Some(match parse_calendar(value)? {
        Calendar::Year(y) if months % 12 == 0 && months != 0 => format!("{:04}", y + months / 12),
        Calendar::Quarter(y, q) if months % 3 == 0 && months != 0 => {
            let index = y * 4 + (q - 1) + months / 3;
            format!("{:04}-Q{}", index.div_euclid(4), index.rem_euclid(4) + 1)
        }
        Calendar::Month(y, m) if months != 0 => {
            let index = y * 12 + m as i32 - 1 + months;
            format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1)
        }
        Calendar::Day(date) => {
            let shifted = match unit {
                Unit::Day | Unit::Week | Unit::Fortnight => {
                    date.checked_add_signed(Duration::days(unit.days()? * i64::from(n)))?
                }
                _ if months > 0 => date.checked_add_months(Months::new(months.unsigned_abs()))?,
                _ if months < 0 => date.checked_sub_months(Months::new(months.unsigned_abs()))?,
                _ => return None,
            };
            day(shifted)
        }
        _ => return None,
    })
}
