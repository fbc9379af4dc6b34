//! Rules of the recogniser and resolver, each on a short phrase run through segmentation,
//! morphology and the times stage (docs/time.md describes them).

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang, Meta};

/// The times of `text` as (text, value) pairs, published on `date`.
fn times(lang: Lang, date: (i32, u32, u32), text: &str) -> Vec<(String, String)> {
    times_at(lang, date, None, text)
}

/// As [`times`], published at `time` (hours and minutes) on `date`.
fn times_at(lang: Lang, date: (i32, u32, u32), time: Option<(u32, u32)>, text: &str) -> Vec<(String, String)> {
    let resources = lagebild_resources::Resources::embedded().unwrap();
    let models = lagebild_morph::Models::embedded().unwrap();
    let knowledge = lagebild_time::TimeKnowledge::embedded().unwrap();
    let mut meta = Meta::new("rules", "-");
    meta.lang = lang;
    meta.published = NaiveDate::from_ymd_opt(date.0, date.1, date.2);
    meta.published_time = time.and_then(|(hour, minute)| chrono::NaiveTime::from_hms_opt(hour, minute, 0));
    let mut doc = Document::new(meta, text.to_owned());
    let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, resources.lang(lang).unwrap());
    doc.sentences = sentences;
    doc.tokens = tokens;
    let (tokens, clauses) = lagebild_morph::analyze(&doc, &models, &resources);
    doc.tokens = tokens;
    doc.clauses = clauses;
    let (times, _) = lagebild_time::analyze(&doc, &knowledge);
    times.iter().map(|t| (doc.slice(t.range).to_owned(), t.value.clone())).collect()
}

fn values(lang: Lang, date: (i32, u32, u32), text: &str) -> Vec<String> {
    times(lang, date, text).into_iter().map(|(_, value)| value).collect()
}

#[test]
fn weeks_of_a_date_a_year_or_a_month() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(en("The talks are planned for the week of March 6, 2000."), ["2000-W10"]);
    assert_eq!(en("It happened in the first week of 2015."), ["2015-W01"]);
    assert_eq!(en("It happened in the last week of 2015."), ["2015-W53"]);
    assert_eq!(en("It happened in the third last week of 2018."), ["2018-W50"]);
    assert_eq!(en("They meet in the first week of October 2014."), ["2014-W41"]);
    assert_eq!(en("They meet the week after next."), ["2013-W09"]);
}

#[test]
fn days_counted_within_a_shifted_month_or_from_a_date() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(en("The vote is on the 20th of next month."), ["2013-03-20"]);
    assert_eq!(en("The vote is on the first Monday of next month."), ["2013-03-04"]);
    assert_eq!(en("The vote is on the third day of October."), ["2013-10-03"]);
    assert_eq!(en("The vote is on Friday after next."), ["2013-02-22"]);
    assert_eq!(en("The vote is three months after Easter."), ["2013-06-30"]);
    assert_eq!(en("The vote is a week hence."), ["2013-02-19"]);
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    assert_eq!(de("Die Wahl ist am Freitag nach dem nächsten."), ["2013-02-22"]);
    assert_eq!(de("Die Wahl ist am dritten Tag im Oktober."), ["2013-10-03"]);
}

#[test]
fn dates_with_a_month_name_in_one_token_and_fractions() {
    let en = |text| values(Lang::En, (2016, 11, 7), text);
    assert_eq!(en("The filing is due Oct-2."), ["2016-10-02"]);
    assert_eq!(en("The filing was dated 05-aug-2016."), ["2016-08-05"]);
    assert_eq!(en("The filing was dated 2019/sep/01."), ["2019-09-01"]);
    assert_eq!(en("Results for 2017-q1 were weak."), ["2017-Q1"]);
    // Prices in fractions and decimals are no dates.
    assert!(en("The shares rose 7/8 to 31 1/8.").is_empty());
    assert!(en("The index closed at 2082.1 points.").is_empty());
}

#[test]
fn compound_and_fractional_durations() {
    let en = |text| values(Lang::En, (2016, 11, 7), text);
    assert_eq!(en("The meeting lasted 1 hour and 30 minutes."), ["PT1H30M"]);
    assert_eq!(en("The meeting lasted one and a half hours."), ["PT1H30M"]);
    assert_eq!(en("The trial took 2 1/2 years."), ["P2Y6M"]);
    assert_eq!(en("He waited two more weeks."), ["P2W"]);
    assert_eq!(en("Sales for the year ended Sept. 30 rose."), ["P1Y", "2016-09-30"]);
}

#[test]
fn vague_references_and_the_quarters_of_earnings_reports() {
    let en = |text| times(Lang::En, (1989, 11, 2), text);
    assert_eq!(en("The current weakness worries investors."), [("current".to_owned(), "PRESENT_REF".to_owned())]);
    assert_eq!(en("Profit rose in the current quarter."), [("the current quarter".to_owned(), "1989-Q4".to_owned())]);
    assert_eq!(en("Prices rose in recent years."), [("recent years".to_owned(), "PAST_REF".to_owned())]);
    assert_eq!(en("In the past, Russia has often objected."), [("the past".to_owned(), "PAST_REF".to_owned())]);
    assert_eq!(
        en("Profit rose in the third quarter, but fell from the 1988 period."),
        [("the third quarter".to_owned(), "1989-Q3".to_owned()), ("the 1988 period".to_owned(), "1988-Q3".to_owned())]
    );
    assert_eq!(
        en("Profit for this year's third quarter rose."),
        [("this year's third quarter".to_owned(), "1989-Q3".to_owned())]
    );
}

#[test]
fn tense_read_from_lemmas_and_plans() {
    let en = |text| values(Lang::En, (1989, 11, 2), text);
    // `began` is a past form even where the tagger misses the verb.
    assert_eq!(en("Bankruptcy proceedings began Tuesday in a Helsinki court."), ["1989-10-31"]);
    // An infinitive after a verb of planning looks ahead.
    assert_eq!(en("The sale is scheduled to close Monday."), ["1989-11-06"]);
    // A date after a verb that arranges something for a day looks ahead, whatever its tense.
    assert_eq!(en("The attorney has scheduled a news conference Friday."), ["1989-11-03"]);
    assert_eq!(en("Officials postponed until Tuesday any action on the case."), ["1989-11-07"]);
    // Before the verb, the clause's tense decides.
    assert_eq!(en("The ship, on patrol since Monday, was scheduled to return."), ["1989-10-30"]);
    // `last` with a day: the latest such day before the publication date.
    assert_eq!(en("The plant closed last Oct. 23."), ["1989-10-23"]);
    assert_eq!(en("The plant closed last Nov. 23."), ["1988-11-23"]);
}

#[test]
fn sets_with_a_time_of_day() {
    let en = |text| values(Lang::En, (2016, 11, 7), text);
    assert_eq!(en("The shop opens tuesdays at 9am."), ["XXXX-WXX-2T09:00"]);
    assert_eq!(en("The shop opens every night at 9."), ["T21:00"]);
}

#[test]
fn german_weeks_ordinals_and_glued_hours() {
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    assert_eq!(de("Wir treffen uns Mittwoch in zwei Wochen."), ["2013-02-27"]);
    assert_eq!(de("Die Sitzung endet am 01.04. gegen 18Uhr."), ["2013-04-01T18:00"]);
    assert_eq!(de("Die Sitzung ist am 15ten."), ["2013-02-15"]);
    assert_eq!(de("Die Sitzung findet am fünften März statt."), ["2013-03-05"]);
    assert_eq!(de("Die Sitzung ist am Karsamstag 2018."), ["2018-03-31"]);
}

#[test]
fn glued_durations_dates_and_guarded_weekdays() {
    let en = |text| values(Lang::En, (2016, 11, 7), text);
    assert_eq!(en("It took 3.5years."), ["P3Y6M"]);
    assert_eq!(en("The file is called 20161016."), ["2016-10-16"]);
    assert_eq!(en("We will meet sat at 5pm."), ["2016-11-12T17:00"]);
    // `sat` without a day, a month or a time is the verb.
    assert!(en("He sat down.").is_empty());
}

#[test]
fn the_weekend_of_a_holiday() {
    let en = |text| values(Lang::En, (2021, 6, 1), text);
    // Labor Day 2021 is Monday, 6 September; Halloween 2021 a Sunday; Thanksgiving 2023 a
    // Thursday.
    assert_eq!(en("Traffic peaks over the Labor Day weekend."), ["2021-W35-WE"]);
    assert_eq!(en("They met on the weekend of Halloween."), ["2020-W44-WE"]);
    assert_eq!(en("They will meet on the weekend of Halloween."), ["2021-W43-WE"]);
    assert_eq!(en("They meet on the weekend of Thanksgiving 2023."), ["2023-W47-WE"]);
}

#[test]
fn german_words_that_name_a_period() {
    let de = |text| times(Lang::De, (2023, 10, 19), text);
    let one = |text: &str, value: &str| vec![(text.to_owned(), value.to_owned())];
    assert_eq!(de("Heuer steigen die Preise."), one("Heuer", "2023"));
    assert_eq!(de("Im Vorjahr stiegen die Preise."), one("Vorjahr", "2022"));
    assert_eq!(de("Seit Jahresbeginn stiegen die Preise."), one("Jahresbeginn", "2023"));
    assert_eq!(de("Die Preise steigen bis Ende des Jahres."), one("Ende des Jahres", "2023"));
}

#[test]
fn holidays_of_other_calendars() {
    let de = |text| values(Lang::De, (2023, 10, 19), text);
    let en = |text| values(Lang::En, (2023, 10, 19), text);
    assert_eq!(de("Das Zuckerfest 2018 wurde gefeiert."), ["2018-06-15"]);
    assert_eq!(de("Zum Opferfest 2018 kamen viele."), ["2018-08-21"]);
    assert_eq!(de("Der orthodoxe Karfreitag 2018 war ein Feiertag."), ["2018-04-06"]);
    assert_eq!(de("Das Chinesische Neujahrsfest 2024 wurde gefeiert."), ["2024-02-10"]);
    assert_eq!(de("Der Anschlag geschah an Jom Kippur 2019."), ["2019-10-09"]);
    assert_eq!(de("Die Hamas griff an Simchat Tora an."), ["2023-10-07"]);
    assert_eq!(en("Passover 2024 was celebrated."), ["2024-04-23"]);
    assert_eq!(en("Eid al-Adha 2018 was celebrated."), ["2018-08-21"]);
}

#[test]
fn narrative_determiners_count_from_the_date_last_named() {
    let de = |text| values(Lang::De, (2023, 10, 19), text);
    let en = |text| values(Lang::En, (2000, 10, 19), text);
    assert_eq!(
        de("Am 3. März 2020 reiste er nach Paris. Am nächsten Tag traf er Macron. Im folgenden Jahr kam er zurück."),
        ["2020-03-03", "2020-03-04", "2021"]
    );
    assert_eq!(en("He was elected in 1995. The following year he resigned."), ["1995", "1996"]);
    assert_eq!(en("In March 1989 it fell; the following month it rose."), ["1989-03", "1989-04"]);
    // Without a date before it, as `next year`.
    assert_eq!(en("The following year will be hard."), ["2001"]);
}

#[test]
fn parts_of_the_day_with_their_day() {
    let de = |text| values(Lang::De, (2023, 10, 19), text);
    let en = |text| values(Lang::En, (1989, 11, 2), text);
    assert_eq!(de("In der Nacht auf Sonntag brannte ein Haus."), ["2023-10-14TNI"]);
    assert_eq!(de("In der Nacht vom 14. auf den 15. Oktober 2018 brannte es."), ["2018-10-14TNI", "2018-10-15"]);
    assert_eq!(de("Vom 14.10. auf den 15.10.2018 regnete es."), ["2018-10-14", "2018-10-15"]);
    assert_eq!(de("Er wartete auf den 15. Oktober."), ["2023-10-15"]);
    assert_eq!(de("Die Minister tagten am 13./14. Juli."), ["2023-07-13", "2023-07-14"]);
    assert_eq!(en("Stocks fell sharply in mid-afternoon yesterday."), ["1989-11-01TAF"]);
    assert_eq!(en("The talks ended late yesterday afternoon."), ["1989-11-01TAF"]);
}

#[test]
fn counts_back_take_the_granularity_of_their_unit() {
    let en = |text| values(Lang::En, (1998, 3, 31), text);
    assert_eq!(en("He left five months ago."), ["1997-10"]);
    assert_eq!(en("He left three days ago."), ["1998-03-28"]);
    assert_eq!(en("He left two years ago."), ["1996"]);
}

#[test]
fn hours_and_minutes_count_from_the_time_of_publication() {
    let at = |lang, time, text| -> Vec<String> {
        times_at(lang, (2023, 10, 19), time, text).into_iter().map(|(_, value)| value).collect()
    };
    assert_eq!(at(Lang::De, Some((14, 5)), "Vor zwei Stunden explodierte eine Bombe."), ["2023-10-19T12:05"]);
    assert_eq!(at(Lang::De, Some((23, 40)), "In 30 Minuten beginnt die Sitzung."), ["2023-10-20T00:10"]);
    assert_eq!(at(Lang::En, Some((9, 0)), "The blast came three hours ago."), ["2023-10-19T06:00"]);
    // Without a time of publication they stay vague.
    assert_eq!(at(Lang::De, None, "Vor zwei Stunden explodierte eine Bombe."), ["PAST_REF"]);
}

#[test]
fn ranges_of_hours_keep_a_written_half_of_the_day() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    // An end with am or pm keeps it; a bare end takes it from the other.
    assert_eq!(en("It was open from 1am to 5pm."), ["2013-02-12T01:00", "2013-02-12T17:00"]);
    assert_eq!(en("It was open from 10:30am to 23:00."), ["2013-02-12T10:30", "2013-02-12T23:00"]);
    assert_eq!(en("It was open from 11 am to 3."), ["2013-02-12T11:00", "2013-02-12T15:00"]);
    assert_eq!(en("The shift ran from 11 to 3am."), ["2013-02-12T23:00", "2013-02-12T03:00"]);
    // `1p.m.` does not end the sentence.
    assert_eq!(en("It runs from 1p.m. to 4 daily."), ["2013-02-12T13:00", "2013-02-12T16:00", "P1D"]);
    // A percentage range is not one of hours.
    assert!(en("They cut supplies by 15-20 percent.").is_empty());
}

#[test]
fn a_weekday_picks_the_year_of_a_date_without_one() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    // 18 July falls on a Friday in 2014, not in 2013.
    assert_eq!(en("Fri, Jul 18"), ["2014-07-18"]);
    // A past clause does not take a year after publication: the date without the weekday.
    assert_eq!(en("The minister said on Friday, July 19, that troops had left."), ["2012-07-19"]);
}

#[test]
fn a_part_of_the_current_period_after_in_the() {
    let en = |text| times(Lang::En, (2013, 2, 12), text);
    // As TimeBank writes `earlier in the year`; `later in the day` is left out there.
    assert_eq!(en("Rates could go up later in the year."), [("later in the year".to_owned(), "2013".to_owned())]);
    assert_eq!(en("He quit earlier in the week."), [("earlier in the week".to_owned(), "2013-W07".to_owned())]);
    assert!(en("It was late in the day.").is_empty());
    assert_eq!(en("It took a half hour."), [("a half hour".to_owned(), "PT0.5H".to_owned())]);
}

#[test]
fn durations_of_several_units_in_falling_order_are_one() {
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(de("Er fuhr die Strecke in einer Zeit von 3 Tagen 14 Stunden und 44 Minuten."), ["P3DT14H44M"]);
    assert_eq!(en("It lasted 1 year 1 month 21 days."), ["P1Y1M21D"]);
    // A rising unit is a range or a rate.
    assert_eq!(en("He faces a ban of between six months and two years."), ["P6M", "P2Y"]);
    assert_eq!(en("I train six days a week."), ["P6D", "P1W"]);
}

#[test]
fn a_fortnight_is_two_weeks() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(en("They met a fortnight ago."), ["2013-01-29"]);
    assert_eq!(en("They will travel to Paris in a fortnight."), ["2013-02-26"]);
    assert_eq!(en("He has learned more in the last fortnight."), ["P2W"]);
}

#[test]
fn the_last_day_of_a_month_and_the_last_one_of_something_else() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    assert_eq!(en("It ends on the last day of October 2015."), ["2015-10-31"]);
    assert_eq!(de("Es endet am letzten Tag im Februar 2016."), ["2016-02-29"]);
    // The final day of a season is not the day before publication.
    assert!(en("We will not wait to the last day of the season.").is_empty());
    assert_eq!(en("They met last week."), ["2013-W06"]);
}

#[test]
fn for_the_year_is_the_current_one() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    // As TimeBank writes `a high for the year`; `the year ended June 30` stays a duration.
    assert_eq!(en("Sales climbed 8% for the year."), ["2013"]);
    assert_eq!(en("Net income for the year ended June 30 rose."), ["P1Y", "2012-06-30"]);
    assert!(en("The year was hard.").is_empty());
}

#[test]
fn all_day_is_a_duration_of_the_unit() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(en("I've been filming all day."), ["P1D"]);
    assert_eq!(en("They held an all-week summit."), ["P1W"]);
}

#[test]
fn a_range_of_hours_after_a_part_of_the_day() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    assert_eq!(de("Donnerstagabend von 7 bis 9 Uhr"), ["2013-02-14TEV", "2013-02-14T19:00", "2013-02-14T21:00"]);
    assert_eq!(de("Donnerstag Vormittag von 9 bis 11"), ["2013-02-14TMO", "2013-02-14T09:00", "2013-02-14T11:00"]);
    assert_eq!(en("this evening from 7 to 7:30"), ["2013-02-12TEV", "2013-02-12T19:00", "2013-02-12T19:30"]);
    // The small hours of the night stay; eleven in the afternoon is the morning's.
    assert_eq!(en("tonight from 11 to 2"), ["2013-02-12TNI", "2013-02-12T23:00", "2013-02-12T02:00"]);
    assert_eq!(en("Tuesday afternoon from 11 to 2"), ["2013-02-12TAF", "2013-02-12T11:00", "2013-02-12T14:00"]);
}

#[test]
fn a_count_before_next_or_past_is_a_duration() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(en("in the 5 upcoming years"), ["P5Y"]);
    assert_eq!(en("over the 10 previous weeks"), ["P10W"]);
}

#[test]
fn the_last_quarter_of_the_year_is_its_fourth() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(en("Growth slowed after accelerating in the last quarter of the year."), ["2012-Q4"]);
}

#[test]
fn an_age_is_no_time() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    // TimeBank leaves `52 years old` out.
    assert_eq!(en("Mr. Reupke, 52 years old, served 20 years."), ["P20Y"]);
    assert_eq!(de("Ich bin 61 Jahre alt und arbeite seit 20 Jahren hier."), ["P20Y"]);
    assert!(de("Er starb im Alter von 85 Jahren.").is_empty());
    assert_eq!(de("Bei einem Busunglück sind am Samstag 21 Pilger gestorben."), ["2013-02-09"]);
}

#[test]
fn german_counts_before_an_event_or_a_date() {
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    // `vor` after a count is `before`, not `ago`: a duration before an event, as TimeBank
    // writes `five weeks before the vote`, and a date counted from a date.
    assert_eq!(de("Knapp fünf Wochen vor der Volksabstimmung zog er sich zurück."), ["P5W"]);
    assert_eq!(de("Zwei Tage vor dem 1. Mai protestierten sie."), ["2013-04-29"]);
    assert_eq!(de("Drei Wochen nach Ostern kam er."), ["2013-04-21"]);
    assert_eq!(de("Vor drei Tagen kam er."), ["2013-02-09"]);
}

#[test]
fn seasons_of_two_years_scores_and_some_day_are_no_dates() {
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert!(en("The economy would grow by 2% in 2006/07.").is_empty());
    assert!(de("Tabelle: 1. TPS Turku 5/2 – 2. DEG 3/1 – 3. Linz 1/3.").is_empty());
    assert!(de("Eines Tages werde ich Präsident.").is_empty());
    assert_eq!(de("Syrer würden binnen eines Tages registriert."), ["P1D"]);
    assert_eq!(de("Er kommt am 15/2."), ["2013-02-15"]);
}

#[test]
fn quarters_and_halves_before_or_after_their_year_and_hours_with_ish() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(en("Profit rose in Q4 2016."), ["2016-Q4"]);
    assert_eq!(en("Sales fell in 2016 H2."), ["2016-H2"]);
    assert_eq!(en("Let's meet at 11ish."), ["2013-02-12T11:00"]);
}

#[test]
fn in_a_count_after_a_record_or_in_the_past_is_the_stretch_up_to_now() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    let de = |text| values(Lang::De, (2013, 2, 12), text);
    // As TimeBank writes `the first time in years`.
    assert_eq!(en("Interest rates are at their lowest level in 24 years."), ["P24Y"]);
    assert_eq!(en("Oil has dropped 12% in two days."), ["P2D"]);
    assert_eq!(de("Es war der erste Sieg in zehn Jahren."), ["P10Y"]);
    // Ahead, it is a date.
    assert_eq!(en("The best results will come in five years."), ["2018"]);
}

#[test]
fn a_second_is_mostly_an_ordinal() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert!(en("They seek a second UN resolution.").is_empty());
    assert!(en("It shoots 30 frames a second and more.").is_empty());
    assert_eq!(en("A second later it exploded."), ["PT1S"]);
}

#[test]
fn betting_odds_are_no_dates() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert!(en("Reeves remains 3/1 favourite to win the show.").is_empty());
    assert!(en("Bookmakers have offered odds of 10/1 on him.").is_empty());
    assert_eq!(en("The talks resume on 5/12."), ["2013-05-12"]);
}

#[test]
fn the_19th_before_a_noun_is_an_ordinal() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert!(en("Rates were unchanged for the 19th month in succession.").is_empty());
    assert!(en("Italy hit back in the 11th minute.").is_empty());
    assert_eq!(en("It happened on the 19th."), ["2013-01-19"]);
}

#[test]
fn records_of_hours_ages_after_at_and_the_last_minute() {
    let en = |text| values(Lang::En, (2013, 2, 12), text);
    assert_eq!(en("Tickets sold out in 24 hours."), ["PT24H"]);
    assert!(en("At 23, Henson has the world at his feet.").is_empty());
    assert!(en("It was announced at the last minute.").is_empty());
    assert!(en("The 2005-6 budget grew.").is_empty());
    assert!(en("It was upheld in a second ruling.").is_empty());
}

#[test]
fn since_a_date_is_before_publication() {
    let de = |text| values(Lang::De, (2016, 6, 15), text);
    let en = |text| values(Lang::En, (2016, 6, 15), text);
    assert_eq!(de("Seit August verhängten die Behörden Ausgangssperren."), ["2015-08"]);
    assert_eq!(de("Seit Montag ist die Seite online."), ["2016-06-13"]);
    assert_eq!(en("Prices have risen since August."), ["2015-08"]);
}

#[test]
fn a_german_four_digit_number_without_a_noun_after_it_is_a_year() {
    let de = |text| values(Lang::De, (2016, 3, 16), text);
    assert_eq!(de("GE hatte sich 2014 die Energie-Sparte gesichert."), ["2014"]);
    assert_eq!(de("2004 verlor die Mannschaft im Finale."), ["2004"]);
    assert_eq!(de("Das 2017 für PC erscheinende Spiel ist fertig."), ["2017"]);
    // A count before its noun, after a word of count, or a number of a thing, is no year.
    assert!(de("Es kamen 2000 Menschen.").is_empty());
    assert!(de("Rund 2000 kamen.").is_empty());
    assert!(de("Die Resolution 1441 wurde verabschiedet.").is_empty());
}

#[test]
fn a_time_written_with_a_colon_before_minutes_or_hours_is_a_time_taken() {
    let de = |text| times(Lang::De, (2016, 3, 16), text);
    let pair = |text: &str, value: &str| vec![(text.to_owned(), value.to_owned())];
    assert_eq!(de("Er lief die Strecke in 7:57 Minuten."), pair("7:57 Minuten", "PT7M57S"));
    assert_eq!(de("Der Flug dauerte 1:30 Stunden."), pair("1:30 Stunden", "PT1H30M"));
    assert_eq!(de("Um 7:57 Uhr kam er an."), pair("7:57 Uhr", "2016-03-16T07:57"));
}

#[test]
fn a_tie_between_two_years_goes_along_the_clause() {
    // Published in March: November ahead is eight months away, November back four, counted
    // twice against the German present's forward direction.
    let de = |text| values(Lang::De, (2016, 3, 16), text);
    assert_eq!(de("Die Präsidentenwahl findet Anfang November statt."), ["2016-11"]);
    assert_eq!(de("Die Wahl fand Anfang November statt."), ["2015-11"]);
}

#[test]
fn a_german_verb_last_auxiliary_and_konjunktiv_ii_look_ahead() {
    // Published on a Wednesday.
    let de = |text| values(Lang::De, (2016, 3, 16), text);
    // The tagger reads the relative clause's last `werden` as an infinitive; it is finite.
    assert_eq!(de("Eine Jury wählte Vorschläge aus, die den Bürgern am Montag vorgestellt werden."), ["2016-03-21"]);
    assert_eq!(de("Er wählte Vorschläge aus, die die Bürger ab Montag beurteilen können."), ["2016-03-21"]);
    // A condition in Konjunktiv II is no past; a Konjunktiv II with a participle is.
    assert_eq!(de("Sollten die Griechen am Sonntag das Paket ablehnen, werde es teuer."), ["2016-03-20"]);
    assert_eq!(de("Er sagte, er hätte am Sonntag gewonnen."), ["2016-03-13"]);
    // A participle the tagger read as an infinitive (`entschieden`) makes a perfect.
    assert_eq!(de("Er hat am Dienstag das Duell für sich entschieden."), ["2016-03-15"]);
    assert_eq!(de("Er will am Dienstag das Duell entscheiden."), ["2016-03-22"]);
}

#[test]
fn a_german_past_clause_holds_to_the_past_unless_the_date_is_a_target() {
    // Published in March.
    let de = |text| values(Lang::De, (2016, 3, 16), text);
    assert_eq!(de("Ende April hatte das Duo angekündigt, nicht weiterzumachen."), ["2015-04"]);
    assert_eq!(de("Der Index kletterte im Juni um 0,5 Punkte."), ["2015-06"]);
    assert_eq!(de("Ein neuer Termin wurde für den 29. August angesetzt."), ["2016-08-29"]);
    assert_eq!(de("Die Entscheidung wurde auf den 9. Juni vertagt."), ["2016-06-09"]);
    // A weekday is not moved by a target: `Nacht auf Montag` is the Monday before.
    assert_eq!(de("Die Kontakte erfolgten von Sonntagnachmittag bis Montagfrüh."), ["2016-03-13TAF", "2016-03-14TMO"]);
}

#[test]
fn german_durations_keep_decades_and_centuries_and_vague_counts() {
    let de = |text| values(Lang::De, (2016, 3, 16), text);
    assert_eq!(de("Das war eine jahrzehntelange Feindschaft."), ["PXDE"]);
    assert_eq!(de("Die Partei regierte sieben Jahrzehnte."), ["P7DE"]);
    assert_eq!(de("Jahrhundertelang hat Europa Kulturen übernommen."), ["PXCE"]);
    assert_eq!(de("Er fiel eineinhalb Monate aus."), ["P1.5M"]);
    assert_eq!(de("Länder setzen seit vielen Jahren darauf."), ["PXY"]);
    assert_eq!(de("Es war der vierte Titel innerhalb weniger Wochen."), ["PXW"]);
    // English decades stay years, as TimeBank writes them.
    assert_eq!(values(Lang::En, (2016, 3, 16), "They fought for several decades."), ["PXY"]);
}

#[test]
fn the_night_to_a_day_is_the_night_before_it() {
    let de = |text| times(Lang::De, (2016, 3, 16), text);
    let night = vec![("Nacht zu Dienstag".to_owned(), "2016-03-14TNI".to_owned())];
    assert_eq!(de("Der Konzern kündigte das in der Nacht zu Dienstag an."), night);
}
