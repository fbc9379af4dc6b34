//! GDELT 2.0's event and mention tables: tab-separated, no quoting, in GDELT's column order
//! (GDELT Event Database Data Format Codebook V2.0, 2015-02-19, and the Event Mentions table
//! it describes). One event row and one mention row per lagebild event: lagebild does not
//! merge the same event across documents, so each event is mentioned once.

use std::io::{self, Write};

use chrono::{DateTime, Datelike, Utc};
use lagebild_store::Participant;

use crate::Item;
use crate::codes::{actor_parts, cameo_base, cameo_quad_class, cameo_root, global_event_id};
use crate::dates::{fraction_date, timex_span};
use crate::record::{ArgView, host, is_url};

/// The 61 columns of GDELT 2.0's event table, in order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// Event columns lagebild never fills (docs/export.md says why).
pub const GDELT_EVENT_EMPTY: [&str; 22] = [
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "GoldsteinScale",
    "AvgTone",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_FeatureID",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_FeatureID",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_FeatureID",
];

/// The 16 columns of GDELT 2.0's mention table, in order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// Mention columns lagebild never fills (docs/export.md says why).
pub const GDELT_MENTION_EMPTY: [&str; 4] = ["Confidence", "MentionDocTone", "MentionDocTranslationInfo", "Extras"];

/// Writes one row; tabs and line breaks inside values become spaces, as the format has no
/// quoting.
pub(crate) fn write_row(out: &mut dyn Write, cells: &[String]) -> io::Result<()> {
    let mut line = String::new();
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            line.push('\t');
        }
        line.extend(cell.chars().map(|c| if matches!(c, '\t' | '\n' | '\r') { ' ' } else { c }));
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// `YYYYMMDDHHMMSS` (UTC) of an RFC 3339 time.
fn timestamp(rfc3339: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map(|time| time.with_timezone(&Utc).format("%Y%m%d%H%M%S").to_string())
        .unwrap_or_default()
}

fn actor_cells(participant: Option<&Participant>) -> [String; 10] {
    let Some(participant) = participant else { return Default::default() };
    let parts = actor_parts(participant);
    let ty = |index: usize| parts.types.get(index).cloned().unwrap_or_default();
    [
        participant.code.clone().unwrap_or_default(),
        participant.name.clone().unwrap_or_else(|| participant.text.clone()),
        parts.country.clone().unwrap_or_default(),
        String::new(), // KnownGroupCode
        String::new(), // EthnicCode
        String::new(), // Religion1Code
        String::new(), // Religion2Code
        ty(0),
        ty(1),
        ty(2),
    ]
}

/// The eight geography columns of a participant that is a place with coordinates: Type,
/// FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID.
fn geo_cells(item: &Item, participant: Option<&Participant>, arg: Option<&ArgView>) -> [String; 8] {
    let (Some(participant), Some(arg)) = (participant, arg) else { return Default::default() };
    let Some(entity) = item.document.entity(arg) else { return Default::default() };
    let (Some(lat), Some(lon)) = (entity.lat, entity.lon) else { return Default::default() };
    let kind = match entity.kb_id.as_deref() {
        Some(id) if id.starts_with("country:") => "1",
        Some(id) if id.starts_with("geo:") && participant.country.as_deref() == Some("USA") => "3",
        Some(id) if id.starts_with("geo:") => "4",
        _ => "",
    };
    [
        kind.to_owned(),
        participant.name.clone().unwrap_or_else(|| participant.text.clone()),
        String::new(), // CountryCode: GDELT's are FIPS 10-4, which lagebild does not keep
        String::new(), // ADM1Code
        String::new(), // ADM2Code
        lat.to_string(),
        lon.to_string(),
        String::new(), // FeatureID: GNS/GNIS ids, which lagebild does not keep
    ]
}

pub(crate) fn event_row(item: &Item) -> Vec<String> {
    let row = item.row;
    let event = item.event;
    let mut cells = Vec::with_capacity(GDELT_EVENT_COLUMNS.len());
    cells.push(global_event_id(&row.document, &row.id).to_string());
    match row.date.as_deref().and_then(timex_span) {
        Some(span) => {
            let day = span.first;
            cells.push(day.format("%Y%m%d").to_string());
            cells.push(day.format("%Y%m").to_string());
            cells.push(day.year().to_string());
            cells.push(fraction_date(day));
        }
        None => cells.extend(std::iter::repeat_n(String::new(), 4)),
    }
    cells.extend(actor_cells(row.actors.first()));
    cells.extend(actor_cells(row.recipients.first()));
    cells.push(u8::from(event.trigger.start < item.document.lead_end).to_string());
    let cameo = row.cameo.as_deref().filter(|code| cameo_root(code).is_some());
    cells.push(cameo.unwrap_or_default().to_owned());
    cells.push(cameo.and_then(cameo_base).unwrap_or_default().to_owned());
    cells.push(cameo.and_then(cameo_root).unwrap_or_default().to_owned());
    cells.push(cameo.and_then(cameo_quad_class).map(|quad| quad.to_string()).unwrap_or_default());
    cells.push(String::new()); // GoldsteinScale: no table of Goldstein scores is shipped
    cells.extend(["1", "1", "1"].map(str::to_owned)); // NumMentions, NumSources, NumArticles
    cells.push(String::new()); // AvgTone
    cells.extend(geo_cells(item, row.actors.first(), event.actors.first()));
    cells.extend(geo_cells(item, row.recipients.first(), event.recipients.first()));
    cells.extend(geo_cells(item, row.location.as_ref(), event.location.as_ref()));
    cells.push(timestamp(&item.document.stored_at));
    cells.push(item.document.url().unwrap_or_default().to_owned());
    debug_assert_eq!(cells.len(), GDELT_EVENT_COLUMNS.len());
    cells
}

pub(crate) fn mention_row(item: &Item) -> Vec<String> {
    let row = item.row;
    let event = item.event;
    let document = item.document;
    let added = timestamp(&document.stored_at);
    let source = document.url().or_else(|| document.sources.first().map(String::as_str)).unwrap_or_default();
    let (mention_type, source_name) = if is_url(source) { ("1", host(source).unwrap_or_default()) } else { ("2", "") };
    let offset = |arg: Option<&ArgView>| arg.map_or_else(|| "-1".to_owned(), |arg| arg.start.to_string());
    let cells = vec![
        global_event_id(&row.document, &row.id).to_string(),
        added.clone(),
        added,
        mention_type.to_owned(),
        source_name.to_owned(),
        source.to_owned(),
        (row.sentence + 1).to_string(),
        offset(event.actors.first()),
        offset(event.recipients.first()),
        event.trigger.start.to_string(),
        "1".to_owned(), // InRawText: every event is read from the text as it came
        String::new(),  // Confidence
        document.chars.to_string(),
        String::new(), // MentionDocTone
        String::new(), // MentionDocTranslationInfo: nothing is machine-translated
        String::new(), // Extras
    ];
    debug_assert_eq!(cells.len(), GDELT_MENTION_COLUMNS.len());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_and_rows() {
        assert_eq!(timestamp("2026-11-29T13:40:05Z"), "20261129134005");
        assert_eq!(timestamp("2026-11-29T14:40:05.123+01:00"), "20261129134005");
        assert_eq!(timestamp("yesterday"), "");
        let mut out = Vec::new();
        write_row(&mut out, &["a\tb".to_owned(), String::new(), "c\nd".to_owned()]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a b\t\tc d\n");
    }

    #[test]
    fn the_empty_columns_are_columns() {
        for column in GDELT_EVENT_EMPTY {
            assert!(GDELT_EVENT_COLUMNS.contains(&column), "{column}");
        }
        for column in GDELT_MENTION_EMPTY {
            assert!(GDELT_MENTION_COLUMNS.contains(&column), "{column}");
        }
    }
}
