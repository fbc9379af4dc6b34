//! The stage never panics on odd text, and every time it returns lies inside the text on
//! char boundaries: arbitrary strings, and strings built from time words, digits and
//! punctuation, with and without a publication date.

use lagebild_doc::{Document, Lang, Meta};
use lagebild_time::TimeKnowledge;
use proptest::prelude::*;

fn check(text: &str, lang: Lang, published: Option<chrono::NaiveDate>) {
    static KNOWLEDGE: std::sync::OnceLock<(TimeKnowledge, lagebild_resources::Resources)> = std::sync::OnceLock::new();
    let (knowledge, resources) = KNOWLEDGE
        .get_or_init(|| (TimeKnowledge::embedded().unwrap(), lagebild_resources::Resources::embedded().unwrap()));
    let mut meta = Meta::new("p", "-");
    meta.lang = lang;
    meta.published = published;
    let mut doc = Document::new(meta, text.to_owned());
    let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, resources.lang(lang).unwrap());
    doc.sentences = sentences;
    doc.tokens = tokens;
    let (times, quantities) = lagebild_time::analyze(&doc, knowledge);
    for time in &times {
        assert!(doc.text().get(time.range.start() as usize..time.range.end() as usize).is_some(), "{time:?}");
        assert!(!time.value.is_empty(), "{time:?}");
        assert!(published.is_some() || !time.value.starts_with(|c: char| c.is_ascii_digit()) || time.anchored);
    }
    doc.times = times;
    doc.quantities = quantities;
    assert_eq!(doc.check_invariants(), Ok(()));
}

const WORDS: &[&str] = &[
    "am",
    "Mittwoch",
    "letzte",
    "Woche",
    "Ende",
    "August",
    "seit",
    "vor",
    "drei",
    "Tagen",
    "in",
    "zwei",
    "Wochen",
    "19.",
    "Oktober",
    "2023",
    "19.10.2023",
    "15:47",
    "Uhr",
    "MEZ",
    "Montagabend",
    "halb",
    "acht",
    "bis",
    "zum",
    "-",
    "zwischen",
    "und",
    "der",
    "1990er",
    "Jahre",
    "20.",
    "Jahrhundert",
    "Q3",
    "jeden",
    "Montag",
    "last",
    "year",
    "Oct.",
    "the",
    "19th",
    "3pm",
    "a.m.",
    "ago",
    "every",
    "mid-August",
    "'",
    "90s",
    "noon",
    "Ostern",
    "Advent",
    "29.02.",
    "31/02/2019",
    "24:00",
    "99",
    "0",
    "1.000",
    "3,5",
    "Millionen",
    "erster",
    "Dienstag",
    "im",
    ",",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}", german in any::<bool>(), day in 0u32..4000) {
        let lang = if german { Lang::De } else { Lang::En };
        let published = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))));
        check(&text, lang, published);
        check(&text, lang, None);
    }

    #[test]
    fn time_words_in_any_order_never_panic(
        picks in proptest::collection::vec(0..WORDS.len(), 0..14),
        german in any::<bool>(),
        day in 0u32..40000,
    ) {
        let text = picks.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
        let lang = if german { Lang::De } else { Lang::En };
        let published = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))));
        check(&text, lang, published);
        check(&text, lang, None);
    }
}
