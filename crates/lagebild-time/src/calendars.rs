//! Dates of holidays that follow other calendars than the Gregorian (the Hindu ones are in
//! `hindu.rs`): the Julian Easter of the Orthodox churches, the lunar Islamic calendar and
//! the Chinese new year, computed from the moon, and the arithmetic Hebrew calendar
//! (docs/time.md, "Holidays of other calendars").
//!
//! The new moon is Jean Meeus' (Astronomical Algorithms, 2nd ed., ch. 49: the mean
//! conjunction and its periodic terms, without the planetary ones: accurate to a few minutes for several thousand years),
//! the December solstice his mean formula (ch. 27, table 27.b, within minutes for 1000–3000).
//! Times are taken as universal time; ΔT (about a minute today) is ignored.

use chrono::{Datelike, Duration, NaiveDate};

/// The Julian day number of 0001-01-01 (proleptic Gregorian) minus chrono's day count
/// from the common era for that day.
const JD_OF_CE_DAY_0: f64 = 1_721_424.5;

/// The mean length of a synodic month, in days.
const SYNODIC_MONTH: f64 = 29.530_588_861;

/// The Julian Ephemeris Day of the first mean new moon of 2000 (Meeus 49.1, k = 0).
const NEW_MOON_EPOCH: f64 = 2_451_550.097_66;

/// The Gregorian date of the civil day that holds the instant `jd` (a Julian day) at
/// `offset_hours` east of Greenwich.
fn local_date(jd: f64, offset_hours: f64) -> Option<NaiveDate> {
    let days = (jd + offset_hours / 24.0 - JD_OF_CE_DAY_0).floor();
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days as i64).ok()?)
}

/// The fraction of the local day (0 at midnight) at which the instant `jd` falls.
fn local_time(jd: f64, offset_hours: f64) -> f64 {
    let t = jd + offset_hours / 24.0 - JD_OF_CE_DAY_0;
    t - t.floor()
}

/// The instant of the `k`th new moon from January 2000 (Meeus ch. 49), as a Julian day.
pub(crate) fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let rad = |degrees: f64| degrees.rem_euclid(360.0).to_radians();
    let m = rad(2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3);
    let mp = rad(201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4);
    let f = rad(160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4);
    let omega = rad(124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3);
    let terms = [
        (-0.40720, mp),
        (0.17241 * e, m),
        (0.01608, 2.0 * mp),
        (0.01039, 2.0 * f),
        (0.00739 * e, mp - m),
        (-0.00514 * e, mp + m),
        (0.00208 * e * e, 2.0 * m),
        (-0.00111, mp - 2.0 * f),
        (-0.00057, mp + 2.0 * f),
        (0.00056 * e, 2.0 * mp + m),
        (-0.00042, 3.0 * mp),
        (0.00042 * e, m + 2.0 * f),
        (0.00038 * e, m - 2.0 * f),
        (-0.00024 * e, 2.0 * mp - m),
        (-0.00017, omega),
        (-0.00007, mp + 2.0 * m),
        (0.00004, 2.0 * mp - 2.0 * f),
        (0.00004, 3.0 * m),
        (0.00003, mp + m - 2.0 * f),
        (0.00003, 2.0 * mp + 2.0 * f),
        (-0.00003, mp + m + 2.0 * f),
        (0.00003, mp - m + 2.0 * f),
        (-0.00002, mp - m - 2.0 * f),
        (-0.00002, 3.0 * mp + m),
        (0.00002, 4.0 * mp),
    ];
    jde + terms.iter().map(|(a, x)| a * x.sin()).sum::<f64>()
}

/// The index `k` of the new moon nearest the instant `jd`.
fn nearest_new_moon(jd: f64) -> i64 {
    let k = ((jd - NEW_MOON_EPOCH) / SYNODIC_MONTH).round() as i64;
    (k - 1..=k + 1).min_by(|a, b| (new_moon(*a) - jd).abs().total_cmp(&(new_moon(*b) - jd).abs())).unwrap_or(k)
}

/// Easter Sunday of the Orthodox churches in `year`: the Julian computus, converted to the
/// Gregorian calendar.
pub(crate) fn orthodox_easter(year: i32) -> Option<NaiveDate> {
    let (a, b, c) = (year.rem_euclid(4), year.rem_euclid(7), year.rem_euclid(19));
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = u32::try_from((d + e + 114) / 31).ok()?;
    let day = u32::try_from((d + e + 114) % 31 + 1).ok()?;
    // The Julian date as a day count: the proleptic Gregorian date of the same numbers,
    // moved by the calendars' difference in that century.
    let julian = NaiveDate::from_ymd_opt(year, month, day)?;
    let gap = i64::from(year / 100 - year / 400 - 2);
    julian.checked_add_signed(Duration::days(gap))
}

/// Where a month of the Islamic calendar begins: the day after the conjunction if the
/// conjunction falls before sunset at Mecca (taken as 18:00, UTC+3), else the day after
/// that; the first condition of the Umm al-Qura calendar of Saudi Arabia. Observed dates
/// in other countries may be a day later.
const MECCA_OFFSET_HOURS: f64 = 3.0;
const MECCA_SUNSET: f64 = 0.75;

/// The Julian day of the first day of Islamic month `month` (1–12) of year `year` by the
/// arithmetic calendar (civil epoch, 1 Muharram 1 = 622-07-16), a first guess.
fn tabular_islamic(year: i64, month: u32) -> f64 {
    let months_before = f64::from(month - 1);
    (29.5 * months_before).ceil() + (year - 1) as f64 * 354.0 + ((3 + 11 * year).div_euclid(30)) as f64 + 1_948_439.5
}

/// The Gregorian date of day `day` of month `month` of Islamic year `year`.
fn islamic_date(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    let guess = tabular_islamic(year, month);
    let conjunction = new_moon(nearest_new_moon(guess - 1.0));
    let date = local_date(conjunction, MECCA_OFFSET_HOURS)?;
    let first = if local_time(conjunction, MECCA_OFFSET_HOURS) < MECCA_SUNSET { 1 } else { 2 };
    date.checked_add_signed(Duration::days(first + i64::from(day) - 1))
}

/// The Islamic years whose months can fall in Gregorian `year`.
fn islamic_years(year: i32) -> std::ops::RangeInclusive<i64> {
    let estimate = (f64::from(year - 622) * 33.0 / 32.0) as i64;
    estimate - 1..=estimate + 2
}

/// The first day in Gregorian `year` that is day `day` of Islamic month `month`; an
/// Islamic date can fall twice in one Gregorian year (Eid al-Adha in January and December
/// 1974), and the first is taken.
pub(crate) fn islamic_in_year(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    islamic_years(year).filter_map(|y| islamic_date(y, month, day)).find(|date| date.year() == year)
}

/// The last `weekday` (1 Monday – 7 Sunday) of Islamic month `month` that begins in
/// Gregorian `year` (Jumu'atul-Wida, the last Friday of Ramadan).
pub(crate) fn islamic_last_weekday_in_year(year: i32, month: u32, weekday: u32) -> Option<NaiveDate> {
    islamic_years(year).find_map(|y| {
        let next = if month == 12 { islamic_date(y + 1, 1, 1) } else { islamic_date(y, month + 1, 1) }?;
        let last = next.pred_opt()?;
        let back = (i64::from(last.weekday().number_from_monday()) - i64::from(weekday)).rem_euclid(7);
        let date = last.checked_sub_signed(Duration::days(back))?;
        (date.year() == year && islamic_date(y, month, 1)? <= date).then_some(date)
    })
}

/// The December solstice of `year` (Meeus table 27.b), as a Julian day.
fn december_solstice(year: i32) -> f64 {
    let y = f64::from(year - 2000) / 1000.0;
    2_451_900.059_52 + 365_242.740_49 * y - 0.062_23 * y * y - 0.008_23 * y * y * y + 0.000_32 * y * y * y * y
}

/// The Chinese new year in `year`: the day (at Beijing, UTC+8) of the second new moon after
/// the one that begins the month of the December solstice. Years with a leap month between
/// the solstice and the new year (rare) are not told apart.
pub(crate) fn chinese_new_year(year: i32) -> Option<NaiveDate> {
    const BEIJING: f64 = 8.0;
    let solstice_jd = december_solstice(year - 1);
    let solstice = local_date(solstice_jd, BEIJING)?;
    let first = ((solstice_jd - NEW_MOON_EPOCH) / SYNODIC_MONTH).floor() as i64 - 1;
    (first..first + 6).filter_map(|k| local_date(new_moon(k), BEIJING)).filter(|day| *day > solstice).nth(1)
}

/// A holiday's day in the Hebrew calendar: month (Nisan 1 … Elul 6, Tishri 7 … Adar 12; a
/// holiday of Adar falls in Adar II in a leap year), day, and the rule that moves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum HebrewRule {
    /// On its day.
    Fixed,
    /// A fast that falls on the Sabbath is kept the next day (Tisha B'Av).
    NotOnSabbath,
    /// Yom HaShoah: from Friday to Thursday, from Sunday to Monday.
    Shoah,
    /// Yom HaAtzmaut: from Friday or Saturday to Thursday, from Monday to Tuesday.
    Atzmaut,
}

/// The arithmetic Hebrew calendar (Reingold and Dershowitz, Calendrical Calculations, ch.
/// 8): days from the epoch to the new year of `year` by the molad of Tishri with its
/// postponements.
fn hebrew_elapsed_days(year: i64) -> i64 {
    let months = (235 * year - 234).div_euclid(19);
    let parts = 12_084 + 13_753 * months;
    let days = 29 * months + parts.div_euclid(25_920);
    if (3 * (days + 1)).rem_euclid(7) < 3 { days + 1 } else { days }
}

fn hebrew_leap_year(year: i64) -> bool {
    (7 * year + 1).rem_euclid(19) < 7
}

/// The day number (0001-01-01 = 1) of 1 Tishri of `year`.
fn hebrew_new_year(year: i64) -> i64 {
    const EPOCH: i64 = -1_373_427;
    let (before, this, after) =
        (hebrew_elapsed_days(year - 1), hebrew_elapsed_days(year), hebrew_elapsed_days(year + 1));
    let correction = if after - this == 356 {
        2
    } else if this - before == 382 {
        1
    } else {
        0
    };
    EPOCH + this + correction
}

fn hebrew_month_length(year: i64, month: u32) -> i64 {
    let days = hebrew_new_year(year + 1) - hebrew_new_year(year);
    let short = matches!(month, 2 | 4 | 6 | 10 | 13)
        || (month == 12 && !hebrew_leap_year(year))
        || (month == 8 && days % 10 != 5)
        || (month == 9 && days % 10 == 3);
    if short { 29 } else { 30 }
}

/// The Gregorian date of day `day` of Hebrew month `month` of `year`.
fn hebrew_date(year: i64, month: u32, day: u32) -> Option<NaiveDate> {
    let last_month = if hebrew_leap_year(year) { 13 } else { 12 };
    let month = if month == 12 && last_month == 13 { 13 } else { month };
    let mut number = hebrew_new_year(year) + i64::from(day) - 1;
    if month < 7 {
        number += (7..=last_month).chain(1..month).map(|m| hebrew_month_length(year, m)).sum::<i64>();
    } else {
        number += (7..month).map(|m| hebrew_month_length(year, m)).sum::<i64>();
    }
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(number).ok()?)
}

/// The first day in Gregorian `year` that is the holiday on day `day` of Hebrew month
/// `month`, moved by `rule`.
pub(crate) fn hebrew_in_year(year: i32, month: u32, day: u32, rule: HebrewRule) -> Option<NaiveDate> {
    let first = i64::from(year) + 3760;
    (first..=first + 1)
        .filter_map(|y| hebrew_date(y, month, day))
        .map(|date| moved(date, rule))
        .find(|date| date.year() == year)
}

fn moved(date: NaiveDate, rule: HebrewRule) -> NaiveDate {
    use chrono::Weekday::{Fri, Mon, Sat, Sun};
    let shift = match (rule, date.weekday()) {
        (HebrewRule::NotOnSabbath, Sat) => 1,
        (HebrewRule::Shoah, Fri) => -1,
        (HebrewRule::Shoah, Sun) => 1,
        (HebrewRule::Atzmaut, Fri) => -1,
        (HebrewRule::Atzmaut, Sat) => -2,
        (HebrewRule::Atzmaut, Mon) => 1,
        _ => 0,
    };
    date.checked_add_signed(Duration::days(shift)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn new_moons_match_published_instants() {
        // Meeus' example 49.a: the new moon of 1977 February, JDE 2443192.65118; the
        // planetary terms left out move it by about a minute.
        assert!((new_moon(-283) - 2_443_192.651_18).abs() < 0.001);
    }

    #[test]
    fn orthodox_easter_by_the_julian_computus() {
        for (year, day) in [(2018, "2018-04-08"), (2020, "2020-04-19"), (2023, "2023-04-16"), (2024, "2024-05-05")] {
            assert_eq!(orthodox_easter(year), Some(date(day)), "{year}");
        }
    }

    #[test]
    fn chinese_new_years() {
        for day in ["2013-02-10", "2014-01-31", "2017-01-28", "2020-01-25", "2023-01-22", "2024-02-10", "2033-01-31"] {
            let d = date(day);
            assert_eq!(chinese_new_year(d.year()), Some(d), "{day}");
        }
    }

    #[test]
    fn islamic_holidays_by_the_conjunction_at_mecca() {
        // Umm al-Qura dates: Eid al-Fitr 2018 and 2023, Ramadan's first day 2024, Eid
        // al-Adha in January and December 1974.
        assert_eq!(islamic_in_year(2018, 10, 1), Some(date("2018-06-15")));
        assert_eq!(islamic_in_year(2023, 10, 1), Some(date("2023-04-21")));
        assert_eq!(islamic_in_year(2024, 9, 1), Some(date("2024-03-11")));
        assert_eq!(islamic_in_year(2017, 9, 27), Some(date("2017-06-22")));
        assert_eq!(islamic_last_weekday_in_year(2018, 9, 5), Some(date("2018-06-08")));
    }

    #[test]
    fn hebrew_holidays_on_their_day() {
        // Published calendars (the holiday's day, not the evening it begins).
        let cases = [
            ((2018, 7, 10, HebrewRule::Fixed), "2018-09-19"),
            ((2019, 7, 10, HebrewRule::Fixed), "2019-10-09"),
            ((2023, 7, 22, HebrewRule::Fixed), "2023-10-07"),
            ((2018, 7, 1, HebrewRule::Fixed), "2018-09-10"),
            ((2023, 7, 1, HebrewRule::Fixed), "2023-09-16"),
            ((2018, 1, 15, HebrewRule::Fixed), "2018-03-31"),
            ((2024, 1, 15, HebrewRule::Fixed), "2024-04-23"),
            ((2018, 9, 25, HebrewRule::Fixed), "2018-12-03"),
            ((2023, 9, 25, HebrewRule::Fixed), "2023-12-08"),
            ((2013, 12, 14, HebrewRule::Fixed), "2013-02-24"),
            ((2024, 12, 14, HebrewRule::Fixed), "2024-03-24"),
            ((2018, 11, 15, HebrewRule::Fixed), "2018-01-31"),
            ((2018, 5, 9, HebrewRule::NotOnSabbath), "2018-07-22"),
            ((2018, 2, 5, HebrewRule::Atzmaut), "2018-04-19"),
            ((2018, 1, 27, HebrewRule::Shoah), "2018-04-12"),
            ((2017, 2, 18, HebrewRule::Fixed), "2017-05-14"),
        ];
        for ((year, month, day, rule), expected) in cases {
            assert_eq!(hebrew_in_year(year, month, day, rule), Some(date(expected)), "{year} {month}-{day}");
        }
    }
}
