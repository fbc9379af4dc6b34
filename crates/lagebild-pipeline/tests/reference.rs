//! The reference article (../shared/data/corpus/seed/), published 2023-10-19, through the
//! whole pipeline. The assertions keep offsets, tags and values and a few words per item,
//! never the article's text. Skips with a message where ../shared is absent.

#![allow(clippy::print_stderr)] // A skipped test says why on standard error.

use lagebild_doc::{Document, Lang};
use lagebild_ingest::RawDocument;
use lagebild_pipeline::{Knowledge, Options, Timings, analyze};

fn reference() -> Option<(Document, Knowledge)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/corpus/seed/lavrov-pyongyang-de.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is absent", path.display());
        return None;
    };
    let knowledge = Knowledge::embedded().unwrap();
    let raw = RawDocument {
        id: "seed".into(),
        source: path.display().to_string(),
        title: None,
        url: None,
        published: chrono::NaiveDate::from_ymd_opt(2023, 10, 19),
        lang: None,
        text,
    };
    let document = analyze(raw, &knowledge, &Options::default(), &mut Timings::default()).document;
    Some((document, knowledge))
}

/// The tokens whose words are `word`, in order.
fn tokens<'a>(doc: &'a Document, word: &str) -> Vec<(usize, &'a lagebild_doc::Token)> {
    doc.tokens.iter().enumerate().filter(|(_, token)| doc.slice(token.range) == word).collect()
}

fn feature<'a>(token: &'a lagebild_doc::Token, name: &str) -> Option<&'a str> {
    token.morph.iter().find(|(key, _)| &**key == name).map(|(_, value)| &**value)
}

#[test]
fn the_reference_article_is_german_in_sixteen_sentences() {
    let Some((doc, _)) = reference() else { return };
    assert_eq!(doc.meta.lang, Lang::De);
    assert_eq!(doc.sentences.len(), 16);
    assert_eq!(doc.check_invariants(), Ok(()));
}

#[test]
fn its_past_verbs_are_finite_with_their_lemmas() {
    let Some((doc, _)) = reference() else { return };
    for (word, lemma) in [("dankte", "danken"), ("traf", "eintreffen"), ("teilte", "mitteilen"), ("landete", "landen")]
    {
        let found = tokens(&doc, word);
        assert!(!found.is_empty(), "{word} not found");
        for (_, token) in found {
            assert_eq!(token.pos.as_deref(), Some("VERB"), "{word}");
            assert_eq!(token.lemma.as_deref(), Some(lemma), "{word}");
            assert_eq!(feature(token, "VerbForm"), Some("Fin"), "{word}");
            assert_eq!(feature(token, "Tense"), Some("Past"), "{word}");
        }
    }
}

#[test]
fn its_konjunktiv_verbs_are_subjunctive() {
    let Some((doc, _)) = reference() else { return };
    for word in ["würden", "hätten", "habe"] {
        let found = tokens(&doc, word);
        assert!(!found.is_empty(), "{word} not found");
        for (_, token) in found {
            assert_eq!(feature(token, "Mood"), Some("Sub"), "{word}");
        }
    }
}

#[test]
fn soll_stattfinden_is_a_modal_construction_about_the_future() {
    let Some((doc, knowledge)) = reference() else { return };
    let (index, _) = *tokens(&doc, "stattfinden").first().expect("stattfinden");
    let clause = lagebild_morph::clause_of(&doc.clauses, index as u32).expect("a clause holds stattfinden");
    let clause = &doc.clauses[clause];
    let resources = knowledge.resources.lang(Lang::De).unwrap();
    let modality = lagebild_morph::modality(&doc, clause, resources);
    let modal = modality.modal.map(|token| doc.slice(doc.tokens[token as usize].range));
    assert_eq!(modal, Some("soll"));
    assert!(modality.future && !modality.past, "{modality:?}");
}

/// Issue 6, item 6: the article's time expressions, resolved against its publication date
/// (Thursday 2023-10-19) and the tense of their clauses. The snapshot keeps byte offsets,
/// type, value and modifier, and the few words of each expression.
#[test]
fn its_times_are_resolved_against_the_publication_date() {
    let Some((doc, _)) = reference() else { return };
    let value = |words: &str| {
        let time = doc.times.iter().find(|t| doc.slice(t.range) == words).unwrap_or_else(|| panic!("{words}"));
        (time.value.as_str(), time.modifier.map(|m| m.as_str()))
    };
    assert_eq!(value("Mittwoch"), ("2023-10-18", None));
    assert_eq!(value("Letzte Woche"), ("2023-W41", None));
    assert_eq!(value("Ende August"), ("2023-08", Some("END")));
    assert_eq!(value("diesen Monat"), ("2023-10", None));
    assert_eq!(value("Donnerstag"), ("2023-10-19", None));
    assert_eq!(value("diese Woche"), ("2023-W42", None));
    let lines: Vec<String> = doc
        .times
        .iter()
        .map(|t| {
            let modifier = t.modifier.map_or(String::new(), |m| format!(" mod={m}"));
            format!(
                "{}..{} {} {}{modifier} anchored={} {:?}",
                t.range.start(),
                t.range.end(),
                t.time_type,
                t.value,
                t.anchored,
                doc.slice(t.range)
            )
        })
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}
