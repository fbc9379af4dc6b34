//! A words table with a bad row is refused with an error naming the file, the line and the
//! problem; the embedded tables load.

use lagebild_events::EventKnowledge;

/// Loads the event knowledge from a folder whose `de/event_words.tsv` is the embedded one
/// with `row` added, and returns the error's text.
fn error_with_row(name: &str, row: &str) -> String {
    let dir = std::env::temp_dir().join(format!("lagebild-events-resources-{}-{name}", std::process::id()));
    std::fs::create_dir_all(dir.join("de")).expect("a temporary folder");
    let words = include_str!("../../../resources/de/event_words.tsv");
    std::fs::write(dir.join("de/event_words.tsv"), format!("{words}{row}\n")).expect("writing the table");
    let result = EventKnowledge::from_dir(&dir);
    std::fs::remove_dir_all(&dir).ok();
    match result {
        Ok(_) => panic!("the row {row:?} was accepted"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn the_embedded_tables_load() {
    assert!(EventKnowledge::embedded().is_ok());
}

#[test]
fn a_sense_of_a_verb_that_is_no_trigger_is_refused() {
    let error = error_with_row("sense", "prep_sense\tschlafen in\tSANCTION:convict");
    assert!(error.contains("event_words.tsv"), "{error}");
    assert!(error.contains("\"schlafen\" is no trigger verb"), "{error}");
}

#[test]
fn a_mode_the_plover_scores_lack_is_refused() {
    let error = error_with_row("mode", "object_sense\tverurteilen angriff\tSANCTION:nonsense");
    assert!(error.contains("\"nonsense\" is no mode of SANCTION"), "{error}");
}

#[test]
fn a_sense_without_its_second_word_is_refused() {
    let error = error_with_row("word", "object_sense\tverurteilen\tACCUSE");
    assert!(error.contains("object_sense needs a trigger lemma and another word"), "{error}");
}

#[test]
fn a_modifier_sense_of_a_word_no_trigger_noun_is_refused() {
    let error = error_with_row("modifier", "modifier_sense\tschlafen herz\t-");
    assert!(error.contains("\"schlafen\" is no trigger noun"), "{error}");
}

#[test]
fn a_verb_needing_a_sense_must_be_a_trigger_verb() {
    let error = error_with_row("needs_sense", "needs_sense\tschlafen\t-");
    assert!(error.contains("\"schlafen\" is no trigger verb"), "{error}");
}

#[test]
fn an_unknown_class_is_refused() {
    let error = error_with_row("class", "no_such_class\twort\t-");
    assert!(error.contains("unknown class \"no_such_class\""), "{error}");
}
