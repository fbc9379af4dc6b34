//! Training is deterministic, model files round-trip, bad files are refused with an error
//! naming them, and no text makes the stage panic.

use lagebild_doc::{Document, Lang, Meta};
use lagebild_ner::train::{Example, Settings, train};
use lagebild_ner::{ModelError, NerModel, NerModels, NerType, Variant, tag_words};
use proptest::prelude::*;

/// A small sample of our own: sentences with a person, a place and an organisation.
fn sample() -> Vec<Example> {
    let sentences: &[&[(&str, &str)]] = &[
        &[("Anna", "B-PER"), ("Berger", "I-PER"), ("wohnt", "O"), ("in", "O"), ("Linz", "B-LOC"), (".", "O")],
        &[("Die", "O"), ("Firma", "O"), ("Kraxel", "B-ORG"), ("AG", "I-ORG"), ("baut", "O"), ("Räder", "O")],
        &[("Otto", "B-PER"), ("fährt", "O"), ("nach", "O"), ("Graz", "B-LOC"), ("zur", "O"), ("Kraxel", "B-ORG")],
        &[("Der", "O"), ("deutsche", "B-LOCderiv"), ("Wein", "O"), ("von", "O"), ("Anna", "B-PER"), ("?", "O")],
    ];
    sentences
        .iter()
        .enumerate()
        .map(|(n, words)| Example {
            source: format!("s{n}"),
            forms: words.iter().map(|(form, _)| (*form).to_owned()).collect(),
            pos: words.iter().map(|(form, _)| if form.len() > 3 { "PROPN" } else { "ADP" }.to_owned()).collect(),
            lemmas: words.iter().map(|(form, _)| form.to_lowercase()).collect(),
            kb: vec![0; words.len()],
            known: vec![0; words.len()],
            names: vec![0; words.len()],
            tags: words.iter().map(|(_, tag)| (*tag).to_owned()).collect(),
        })
        .collect()
}

fn settings() -> Settings {
    Settings { epochs: 5, bits: 12, ..Settings::default() }
}

#[test]
fn training_twice_gives_the_same_bytes() {
    let first = train("de", &sample(), &settings()).to_bytes();
    let second = train("de", &sample(), &settings()).to_bytes();
    assert_eq!(first, second);
    let model = NerModel::from_bytes("sample.bin", "de", &first).expect("the model reads back");
    assert_eq!(model.to_bytes(), first);
}

#[test]
fn a_trained_model_learns_its_sample() {
    let examples = sample();
    let model = train("de", &examples, &settings());
    let found = tag_words(&model, &examples[0].words());
    let spans: Vec<_> = found.iter().map(|&(s, e, kind, variant, _)| (s, e, kind, variant)).collect();
    assert_eq!(spans, vec![(0, 2, NerType::Per, Variant::Name), (4, 5, NerType::Loc, Variant::Name)]);
    let found = tag_words(&model, &examples[3].words());
    assert!(
        found.iter().any(|&(s, _, kind, variant, _)| s == 1 && kind == NerType::Loc && variant == Variant::Derived)
    );
}

#[test]
fn greedy_and_beam_models_both_learn_their_sample_and_keep_their_width() {
    let examples = sample();
    for beam in [1, 4] {
        let model = train("de", &examples, &Settings { beam, ..settings() });
        assert_eq!(model.beam, beam);
        let spans: Vec<_> =
            tag_words(&model, &examples[0].words()).iter().map(|&(s, e, kind, _, _)| (s, e, kind)).collect();
        assert_eq!(spans, vec![(0, 2, NerType::Per), (4, 5, NerType::Loc)], "beam {beam}");
        let read = NerModel::from_bytes("sample.bin", "de", &model.to_bytes()).expect("the model reads back");
        assert_eq!(read.beam, beam);
    }
}

#[test]
fn bad_model_files_are_refused_with_their_name() {
    let bytes = train("de", &sample(), &settings()).to_bytes();
    let message = |result: Result<NerModel, ModelError>| result.expect_err("refused").to_string();
    // Truncated.
    let text = message(NerModel::from_bytes("models/de/ner.bin", "de", &bytes[..bytes.len() / 2]));
    assert!(text.contains("models/de/ner.bin") && text.contains("checksum"), "{text}");
    // One byte changed.
    let mut damaged = bytes.clone();
    damaged[20] ^= 0x40;
    let text = message(NerModel::from_bytes("models/de/ner.bin", "de", &damaged));
    assert!(text.contains("models/de/ner.bin") && text.contains("damaged"), "{text}");
    // Another kind of file.
    let text = message(NerModel::from_bytes("x.bin", "de", b"LGBTAG1\0de\0\0 something else entirely"));
    assert!(text.contains("x.bin") && text.contains("not a named-entity model"), "{text}");
    // The other language.
    let text = message(NerModel::from_bytes("models/en/ner.bin", "en", &bytes));
    assert!(text.contains("models/en/ner.bin") && text.contains("language de"), "{text}");
    // Too short, empty.
    let text = message(NerModel::from_bytes("empty.bin", "de", &[]));
    assert!(text.contains("empty.bin"), "{text}");
    // A missing directory.
    let missing = NerModels::from_dir(std::path::Path::new("/nonexistent/models")).expect_err("refused").to_string();
    assert!(missing.contains("/nonexistent/models/de/ner.bin"), "{missing}");
    // A directory with the name models and no cue tagger.
    let dir = std::env::temp_dir().join(format!("lagebild-ner-models-{}", std::process::id()));
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models");
    for lang in ["de", "en"] {
        std::fs::create_dir_all(dir.join(lang)).unwrap();
        std::fs::copy(root.join(lang).join("ner.bin"), dir.join(lang).join("ner.bin")).unwrap();
    }
    let missing = NerModels::from_dir(&dir).expect_err("refused").to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(missing.contains("de/cues.bin"), "{missing}");
}

#[test]
fn the_embedded_models_load() {
    let models = NerModels::embedded().expect("the embedded models load");
    assert_eq!(models.de.lang, "de");
    assert_eq!(models.en.lang, "en");
    assert_eq!(models.cues_de.labels, ["O", "B-CUE", "I-CUE"]);
}

#[test]
fn the_cue_tagger_marks_german_cues_only() {
    let loaded = loaded();
    let (doc, _) =
        recognize("Ich bin überzeugt, dass wir den Antrag ablehnen müssen, sagte der Abgeordnete.", Lang::De);
    let cues = lagebild_ner::cue_tokens(&doc, &loaded.ner);
    assert_eq!(cues.len(), doc.tokens.len());
    let marked: Vec<&str> =
        doc.tokens.iter().zip(&cues).filter(|(_, cue)| **cue).map(|(t, _)| doc.slice(t.range)).collect();
    assert!(marked.contains(&"sagte") && marked.contains(&"überzeugt"), "{marked:?}");
    assert!(!marked.contains(&"Antrag"), "{marked:?}");
    let (doc, _) = recognize("The minister said that talks had failed.", Lang::En);
    assert!(lagebild_ner::cue_tokens(&doc, &loaded.ner).iter().all(|cue| !cue), "no English cue model");
}

struct Loaded {
    resources: lagebild_resources::Resources,
    morph: lagebild_morph::Models,
    ner: NerModels,
    kb: lagebild_kb::Kb,
}

fn loaded() -> &'static Loaded {
    static LOADED: std::sync::OnceLock<Loaded> = std::sync::OnceLock::new();
    LOADED.get_or_init(|| Loaded {
        resources: lagebild_resources::Resources::embedded().expect("resources load"),
        morph: lagebild_morph::Models::embedded().expect("models load"),
        ner: NerModels::embedded().expect("the named-entity models load"),
        kb: lagebild_kb::Kb::embedded().expect("the knowledge base loads"),
    })
}

/// Segments, tags and recognises `text` as the pipeline does.
fn recognize(text: &str, lang: Lang) -> (Document, Vec<lagebild_ner::Mention>) {
    let loaded = loaded();
    let mut meta = Meta::new("test", "-");
    meta.lang = lang;
    let mut doc = Document::new(meta, text.to_owned());
    let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, loaded.resources.lang(lang).unwrap());
    doc.sentences = sentences;
    doc.tokens = tokens;
    let (tokens, clauses) = lagebild_morph::analyze(&doc, &loaded.morph, &loaded.resources);
    doc.tokens = tokens;
    doc.clauses = clauses;
    let lexicon = &loaded.morph.get(lang).expect("a model").lexicon;
    let mentions = lagebild_ner::recognize(&doc, &loaded.ner, &loaded.kb, |w| lexicon.script_id(w).is_some());
    (doc, mentions)
}

#[test]
fn names_unknown_to_the_base_are_found_with_their_type() {
    let (doc, mentions) = recognize(
        "Der Sprecher des Verteidigungsministeriums, Igor Konaschenkow, sagte am Montag in Moskau, die Angriffe gingen weiter.",
        Lang::De,
    );
    let found: Vec<(&str, NerType)> = mentions.iter().map(|m| (doc.slice(m.range), m.kind)).collect();
    assert!(found.contains(&("Igor Konaschenkow", NerType::Per)), "{found:?}");
    let (doc, mentions) =
        recognize("Riad Haddad, a spokesman for the company, told Reuters on Monday that talks had failed.", Lang::En);
    let found: Vec<(&str, NerType)> = mentions.iter().map(|m| (doc.slice(m.range), m.kind)).collect();
    assert!(found.contains(&("Riad Haddad", NerType::Per)), "{found:?}");
    assert!(found.contains(&("Reuters", NerType::Org)), "{found:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}", german in any::<bool>()) {
        let lang = if german { Lang::De } else { Lang::En };
        let (doc, mentions) = recognize(&text, lang);
        for mention in mentions {
            prop_assert!(mention.range.end() as usize <= doc.text().len());
            prop_assert!(mention.confidence > 0.0 && mention.confidence < 1.0);
        }
    }
}

/// The memo of word forms changes nothing: tagging gives what adding up every feature's row
/// gives, the first time and again from the memo.
#[test]
fn the_memo_gives_the_plain_sums_results() {
    let loaded = loaded();
    for (text, lang) in [
        (
            "Der Sprecher des Verteidigungsministeriums, Igor Konaschenkow, sagte am Montag in Moskau, die Angriffe auf Charkiw gingen weiter.",
            Lang::De,
        ),
        (
            "Riad Haddad, a spokesman for Fursan al-Hak, told Reuters in Beirut on Monday that the talks had failed.",
            Lang::En,
        ),
    ] {
        let (doc, _) = recognize(text, lang);
        let forms: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.range)).collect();
        let marks = lagebild_ner::kb_marks(&forms, &loaded.kb, lang);
        let words: Vec<lagebild_ner::Word<'_>> = doc
            .tokens
            .iter()
            .zip(&forms)
            .zip(&marks)
            .map(|((t, &form), &kb)| lagebild_ner::Word {
                form,
                pos: t.pos().unwrap_or(""),
                lemma: t.lemma().unwrap_or(""),
                kb,
                known: 3,
                names: lagebild_ner::name_mark(form),
            })
            .collect();
        let model = loaded.ner.get(lang).expect("a model");
        let plain = model.label_plain(&words);
        assert_eq!(model.label(&words), plain);
        assert_eq!(model.label(&words), plain);
    }
}
