//! CSV for spreadsheets: one row per event, several participants in one cell joined by `; `.
//! A text cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) gets a leading `'`, so that nothing from an article is run.

use lagebild_store::{ClaimRef, Participant};

use crate::Item;
use crate::codes::{global_event_id, plover_quad};
use crate::dates::timex_span;

/// The columns of the CSV export, in order.
pub const CSV_COLUMNS: [&str; 45] = [
    "document",
    "event",
    "gdelt_event_id",
    "published",
    "date",
    "date_end",
    "date_precision",
    "time",
    "date_timex",
    "date_source",
    "type",
    "mode",
    "context",
    "cameo",
    "quad_class",
    "plover_score",
    "actors",
    "actor_codes",
    "actor_countries",
    "actor_kb_ids",
    "recipients",
    "recipient_codes",
    "recipient_countries",
    "recipient_kb_ids",
    "location",
    "location_country",
    "location_kb_id",
    "location_lat",
    "location_lon",
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence",
    "negated",
    "hypothetical",
    "future",
    "historical",
    "reported_by_claim",
    "reported_by_stance",
    "reported_by_speaker",
    "reported_by_channel",
    "answered_by",
    "source",
    "title",
    "evidence",
];

/// Text from an article or a knowledge base, made safe for a spreadsheet cell.
fn text(value: &str) -> String {
    match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    }
}

fn joined<'a>(values: impl Iterator<Item = Option<&'a str>>) -> String {
    text(&values.map(Option::unwrap_or_default).collect::<Vec<_>>().join("; "))
}

fn names(participants: &[Participant]) -> String {
    joined(participants.iter().map(|p| Some(p.name.as_deref().unwrap_or(&p.text))))
}

fn speaker(claim: &ClaimRef) -> String {
    claim.speaker.as_ref().map(Participant::label).unwrap_or_default()
}

pub(crate) fn row(item: &Item) -> Vec<String> {
    let row = item.row;
    let event = item.event;
    let span = row.date.as_deref().and_then(timex_span);
    let location_entity = event.location.as_ref().and_then(|arg| item.document.entity(arg));
    let flag = |value: bool| if value { "1" } else { "0" }.to_owned();
    let number = |value: Option<f64>| value.map(|value| value.to_string()).unwrap_or_default();
    let reported = row.reported_by.as_ref();
    let cells = vec![
        text(&row.document),
        row.id.clone(),
        global_event_id(&row.document, &row.id).to_string(),
        row.published.clone().unwrap_or_default(),
        span.as_ref().map(|span| span.first.to_string()).unwrap_or_default(),
        span.as_ref().map(|span| span.last.to_string()).unwrap_or_default(),
        span.as_ref().map(|span| span.precision.as_str().to_owned()).unwrap_or_default(),
        span.as_ref().and_then(|span| span.time.clone()).unwrap_or_default(),
        text(row.date.as_deref().unwrap_or_default()),
        row.date_source.clone(),
        row.event_type.clone(),
        text(row.mode.as_deref().unwrap_or_default()),
        joined(row.context.iter().map(|context| Some(context.as_str()))),
        row.cameo.clone().unwrap_or_default(),
        plover_quad(&row.event_type).map(|quad| quad.to_string()).unwrap_or_default(),
        number(row.score),
        names(&row.actors),
        joined(row.actors.iter().map(|p| p.code.as_deref())),
        joined(row.actors.iter().map(|p| p.country.as_deref())),
        joined(row.actors.iter().map(|p| p.kb_id.as_deref())),
        names(&row.recipients),
        joined(row.recipients.iter().map(|p| p.code.as_deref())),
        joined(row.recipients.iter().map(|p| p.country.as_deref())),
        joined(row.recipients.iter().map(|p| p.kb_id.as_deref())),
        row.location.as_ref().map(|p| text(p.name.as_deref().unwrap_or(&p.text))).unwrap_or_default(),
        row.location.as_ref().and_then(|p| p.country.as_deref()).map(text).unwrap_or_default(),
        row.location.as_ref().and_then(|p| p.kb_id.as_deref()).map(text).unwrap_or_default(),
        number(location_entity.and_then(|entity| entity.lat)),
        number(location_entity.and_then(|entity| entity.lon)),
        text(&row.trigger),
        event.trigger.start.to_string(),
        event.trigger.end.to_string(),
        row.sentence.to_string(),
        flag(row.negated),
        flag(row.hypothetical),
        flag(row.future),
        flag(row.historical),
        reported.map(|claim| claim.id.clone()).unwrap_or_default(),
        reported.map(|claim| claim.stance.clone()).unwrap_or_default(),
        text(&reported.map(speaker).unwrap_or_default()),
        text(&reported.and_then(|claim| claim.channel.as_ref()).map(Participant::label).unwrap_or_default()),
        text(
            &row.responses
                .iter()
                .map(|claim| format!("{} {}: {}", claim.id, claim.stance, speaker(claim)))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        text(item.document.url().or_else(|| item.document.sources.first().map(String::as_str)).unwrap_or_default()),
        text(row.title.as_deref().unwrap_or_default()),
        text(&row.sentence_text),
    ];
    debug_assert_eq!(cells.len(), CSV_COLUMNS.len());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_kept_as_text() {
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("-1+2"), "'-1+2");
        assert_eq!(text("@SUM"), "'@SUM");
        assert_eq!(text("Moskau"), "Moskau");
        assert_eq!(text(""), "");
    }
}
