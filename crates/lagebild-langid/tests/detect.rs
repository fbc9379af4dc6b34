//! `detect` on the snippets of `examples/mod.rs`: German and English prose must come out
//! right without exception; headline errors are listed, so that a change in them shows.

mod examples;

use examples::*;
use lagebild_doc::Lang;
use lagebild_langid::{Detection, PREFIX_BYTES, detect};
use lagebild_resources::Resources;

/// The headlines the detector gets wrong, with what it says.
const KNOWN_HEADLINE_ERRORS: &[(&str, Lang)] = &[
    // No function words, and whatlang's best guesses are Swedish and Portuguese (both
    // unreliable): a safe error, as the document is reported rather than analysed in the
    // wrong language.
    ("Black Friday: Händler melden Rekordumsatz online", Lang::Und),
    // No function words, and German-looking trigrams and names.
    ("Update: Ukraine talks resume in Istanbul", Lang::De),
    ("Merkel successor faces Bundestag vote", Lang::Und),
    ("Volkswagen recalls diesel cars in Germany", Lang::De),
];

fn resources() -> Resources {
    Resources::embedded().expect("embedded resources are valid")
}

/// The texts whose language is not `expected`, with what was detected.
fn errors<'a>(texts: &[&'a str], expected: Lang, resources: &Resources) -> Vec<(&'a str, Lang)> {
    texts.iter().map(|text| (*text, detect(text, resources).lang)).filter(|(_, lang)| *lang != expected).collect()
}

#[test]
fn german_and_english_prose_is_always_recognised() {
    let resources = resources();
    assert_eq!(errors(GERMAN_PARAGRAPHS, Lang::De, &resources), []);
    assert_eq!(errors(ENGLISH_PARAGRAPHS, Lang::En, &resources), []);
    for text in GERMAN_PARAGRAPHS.iter().chain(ENGLISH_PARAGRAPHS) {
        let detection = detect(text, &resources);
        assert_eq!(detection.detected.as_deref(), Some(detection.lang.code()));
        assert!(detection.confidence >= 0.75, "{detection:?}: {text}");
    }
}

#[test]
fn short_headlines_with_loanwords_are_mostly_recognised() {
    let resources = resources();
    let mut errors = errors(GERMAN_HEADLINES, Lang::De, &resources);
    errors.extend(self::errors(ENGLISH_HEADLINES, Lang::En, &resources));
    assert_eq!(errors, KNOWN_HEADLINE_ERRORS);
    // None of them is taken for a third language with confidence.
    for text in GERMAN_HEADLINES.iter().chain(ENGLISH_HEADLINES) {
        let detection = detect(text, &resources);
        assert!(detection.lang != Lang::Und || detection.detected.is_none(), "{detection:?}: {text}");
    }
}

#[test]
fn other_languages_are_never_german_or_english_and_named_when_confident() {
    let resources = resources();
    for (code, text) in OTHER_PARAGRAPHS.iter().chain(OTHER_HEADLINES) {
        let Detection { lang, detected, confidence } = detect(text, &resources);
        assert_eq!(lang, Lang::Und, "{text}");
        // Named right, or not at all.
        assert!(detected.as_deref().is_none_or(|detected| detected == *code), "{detected:?} for {code}: {text}");
        assert!(detected.is_none() || confidence > 0.9);
    }
    // Paragraphs in the major languages of the news are named.
    for (code, text) in OTHER_PARAGRAPHS.iter().filter(|(code, _)| ["fr", "es", "nl", "it", "ru", "tr"].contains(code))
    {
        assert_eq!(detect(text, &resources).detected.as_deref(), Some(*code), "{text}");
    }
}

#[test]
fn text_without_language_is_undetermined() {
    let resources = resources();
    for text in UNCLEAR {
        assert_eq!(
            detect(text, &resources),
            Detection { lang: Lang::Und, detected: None, confidence: 0.0 },
            "{text:?}"
        );
    }
}

#[test]
fn only_the_prefix_is_looked_at() {
    let resources = resources();
    let mut text = GERMAN_PARAGRAPHS.join(" ");
    while text.len() < PREFIX_BYTES {
        text.push_str(" Die Regierung hat es so beschlossen.");
    }
    text.push_str(&ENGLISH_PARAGRAPHS.join(" ").repeat(200));
    assert_eq!(detect(&text, &resources).lang, Lang::De);
    // A prefix that ends inside a character is cut back, not a panic.
    let text = format!("{}{}", "a".repeat(PREFIX_BYTES - 1), "ä".repeat(10));
    detect(&text, &resources);
}

#[test]
fn a_german_document_with_english_quotes_stays_german() {
    let text = "Der Minister sagte am Abend in Berlin, die Gespräche seien schwierig gewesen. \"We are not there \
                yet\", sagte auch sein britischer Kollege. Eine Einigung werde es wohl erst im Herbst geben, hieß \
                es aus Kreisen der Delegation.";
    let detection = detect(text, &resources());
    assert_eq!((detection.lang, detection.detected.as_deref()), (Lang::De, Some("de")));
}

#[test]
fn scripts_other_than_latin_are_never_german_or_english() {
    let resources = resources();
    for text in [
        "東京で地震が発生しました。けが人の情報はありません。",
        "الحكومة توافق على حزمة مساعدات جديدة",
        "Η κυβέρνηση ενέκρινε νέο πακέτο βοήθειας.",
    ] {
        let detection = detect(text, &resources);
        assert_eq!(detection.lang, Lang::Und, "{text}");
        assert!(detection.detected.is_some(), "{text}");
    }
}
