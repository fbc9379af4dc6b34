//! The quantities layer on a golden file of German and English sentences
//! (`quantity_cases.tsv`, expected output in `snapshots/`), on the reference article, and on
//! arbitrary text, which must never make it panic.

use lagebild_doc::{Document, Lang, Meta, Quantity, QuantityModifier};
use lagebild_morph::Models;
use lagebild_resources::Resources;
use lagebild_time::{NumberWords, QuantityWords, quantity::quantities};
use proptest::prelude::*;
use std::fmt::Write;
use std::sync::OnceLock;

struct Setup {
    resources: Resources,
    models: Models,
    de: (QuantityWords, NumberWords),
    en: (QuantityWords, NumberWords),
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| Setup {
        resources: Resources::embedded().unwrap(),
        models: Models::embedded().unwrap(),
        de: (
            QuantityWords::load("de/quantity_words.tsv", include_str!("../../../resources/de/quantity_words.tsv"))
                .unwrap(),
            NumberWords::load("de/numbers.tsv", include_str!("../../../resources/de/numbers.tsv")).unwrap(),
        ),
        en: (
            QuantityWords::load("en/quantity_words.tsv", include_str!("../../../resources/en/quantity_words.tsv"))
                .unwrap(),
            NumberWords::load("en/numbers.tsv", include_str!("../../../resources/en/numbers.tsv")).unwrap(),
        ),
    })
}

/// The document with sentences, tokens and morphology, and its quantities.
fn analyse(text: &str, lang: Lang) -> (Document, Vec<Quantity>) {
    let setup = setup();
    let mut doc = Document::new(Meta::new("t", "-"), text.to_owned());
    doc.meta.lang = lang;
    let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, setup.resources.lang(lang).unwrap());
    doc.sentences = sentences;
    doc.tokens = tokens;
    let (tokens, clauses) = lagebild_morph::analyze(&doc, &setup.models, &setup.resources);
    doc.tokens = tokens;
    doc.clauses = clauses;
    let (words, numbers) = if lang == Lang::De { &setup.de } else { &setup.en };
    let found = quantities(&doc, words, numbers);
    (doc, found)
}

fn render(doc: &Document, found: &[Quantity]) -> String {
    let mut out = String::new();
    for quantity in found {
        let unit = quantity.unit.as_deref().unwrap_or("-");
        let _ = writeln!(out, "  {:?}  {}  {}  {unit}", doc.slice(quantity.range), quantity.value, quantity.modifier);
    }
    out
}

#[test]
fn quantities_of_the_golden_sentences() {
    let mut out = String::new();
    for line in include_str!("quantity_cases.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (code, text) = line.split_once('\t').unwrap();
        let lang = Lang::from_code(code).unwrap();
        let (doc, found) = analyse(text, lang);
        let _ = writeln!(out, "[{code}] {text}");
        out.push_str(&render(&doc, &found));
        assert_eq!(doc.check_invariants(), Ok(()));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn the_reference_article_has_its_three_quantities() {
    let dir = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    let path = dir.join("corpus/seed/lavrov-pyongyang-de.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent, so the reference article was not checked", path.display());
        return;
    };
    let (doc, found) = analyse(&text, Lang::De);
    eprint!("{}", render(&doc, &found));
    let has = |value: f64, modifier: QuantityModifier, words: &str| {
        found.iter().any(|q| q.value == value && q.modifier == modifier && doc.slice(q.range).starts_with(words))
    };
    assert!(has(1000.0, QuantityModifier::MoreThan, "mehr als 1.000"), "mehr als 1.000 Container");
    assert!(has(6.0, QuantityModifier::AtLeast, "mindestens sechs"), "mindestens sechs Überfahrten");
    assert!(has(100.0, QuantityModifier::About, "etwa 100 km"), "etwa 100 km");
    let container = found.iter().find(|q| q.value == 1000.0).unwrap();
    assert_eq!(container.unit.as_deref(), Some("Container"));
    assert_eq!(found.iter().find(|q| q.value == 100.0).unwrap().unit.as_deref(), Some("km"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", numbers in "[0-9.,: %$€a-zA-Zäöü-]{0,60}") {
        for lang in [Lang::De, Lang::En] {
            for input in [text.as_str(), numbers.as_str()] {
                let (doc, found) = analyse(input, lang);
                for quantity in &found {
                    prop_assert!(quantity.range.end() as usize <= doc.text().len());
                    prop_assert!(doc.text().is_char_boundary(quantity.range.start() as usize));
                }
            }
        }
    }
}
