//! Golden renderings: the claims of our own German and English sentences in
//! `tests/cases/`, one snapshot per file.

use std::fmt::Write;

use lagebild_pipeline::{Knowledge, Options, Timings};

/// `text` in `lang` through the whole pipeline, without a publication date.
fn analyse(lang: &str, text: &str) -> lagebild_doc::Document {
    let knowledge = Knowledge::embedded().expect("the embedded knowledge loads");
    let raw = lagebild_ingest::RawDocument {
        id: "case".into(),
        source: "-".into(),
        title: None,
        url: None,
        published: None,
        published_time: None,
        lang: Some(lang.into()),
        text: text.into(),
    };
    lagebild_pipeline::analyze(raw, &knowledge, &Options::default(), &mut Timings::default()).document
}

fn render(lang: &str, text: &str) -> String {
    let doc = analyse(lang, text);
    let mut out = String::new();
    for (index, claim) in doc.claims.iter().enumerate() {
        let words = |range: lagebild_doc::TextRange| doc.slice(range).to_owned();
        // A span of several parts shows them joined by ` … `.
        let span = |span: &lagebild_doc::Span| {
            if span.parts.is_empty() {
                words(span.range)
            } else {
                span.parts.iter().map(|&part| words(part)).collect::<Vec<_>>().join(" … ")
            }
        };
        let arg = |arg: &Option<lagebild_doc::Arg>| arg.as_ref().map(|arg| words(arg.range)).unwrap_or_default();
        writeln!(
            out,
            "c{index} {} {} {}: cue [{}] speaker [{}] channel [{}] addressee [{}]\n    content [{}] parent {:?} responds {:?}",
            claim.kind.as_str(),
            claim.construction.as_str(),
            claim.stance.as_str(),
            span(&claim.cue),
            arg(&claim.speaker),
            arg(&claim.channel),
            arg(&claim.addressee),
            span(&claim.content),
            claim.parent.map(|id| id.to_string()),
            claim.responds_to.iter().map(ToString::to_string).collect::<Vec<_>>(),
        )
        .expect("writing to a string");
    }
    out
}

#[test]
fn german_constructions() {
    insta::assert_snapshot!(render("de", include_str!("cases/de.txt")));
}

#[test]
fn english_constructions() {
    insta::assert_snapshot!(render("en", include_str!("cases/en.txt")));
}

/// Constructions of English news: a quotation that closes the sentence before its cue, a
/// medium after `according to` that speaks too, a speaker before an apposition, a participle
/// that modifies a noun, a first-person cue inside a quotation, a name before a colon.
#[test]
fn english_news_constructions() {
    insta::assert_snapshot!(render("en", include_str!("cases/en-news.txt")));
}

/// The entity of each claim's speaker that is a pronoun, in order.
fn pronoun_speakers(lang: &str, text: &str) -> Vec<String> {
    let doc = analyse(lang, text);
    doc.claims
        .iter()
        .filter_map(|claim| claim.speaker.as_ref())
        .filter(|speaker| matches!(doc.slice(speaker.range), "he" | "He" | "she" | "She" | "er" | "Er" | "sie" | "Sie"))
        .map(|speaker| speaker.entity.map_or("-".to_owned(), |id| doc.slice(doc.entities[id.index()].range).to_owned()))
        .collect()
}

/// A pronoun speaker whose sentence names no person is the person who spoke last, not the
/// person last named inside what was said; a person named since, outside that claim, is.
#[test]
fn a_pronoun_speaker_is_who_spoke_last() {
    let text = "Angela Merkel said the plan would work and that Olaf Scholz would lead it. \
                She said the first results would come in May.";
    assert_eq!(pronoun_speakers("en", text), ["Angela Merkel"]);
    let text = "Angela Merkel said the plan would work. For Olaf Scholz the plan is a risk. \
                He said it would fail.";
    assert_eq!(pronoun_speakers("en", text), ["Olaf Scholz"]);
    let text = "Olaf Scholz sagte, der Plan werde gelingen und Angela Merkel werde ihn leiten. \
                Er sagte, die ersten Ergebnisse kämen im Mai.";
    assert_eq!(pronoun_speakers("de", text), ["Olaf Scholz"]);
}

/// A relative pronoun speaker stands for the name right before it.
#[test]
fn a_relative_pronoun_speaker_is_the_name_before_it() {
    let doc = analyse("en", "Angela Merkel, who said the plan would work, left the meeting early.");
    let linked: Vec<(&str, &str)> = doc
        .claims
        .iter()
        .filter_map(|claim| claim.speaker.as_ref())
        .map(|speaker| {
            let entity = speaker.entity.map_or("-", |id| doc.slice(doc.entities[id.index()].range));
            (doc.slice(speaker.range), entity)
        })
        .collect();
    assert!(linked.contains(&("who", "Angela Merkel")), "{linked:?}");
}

/// A verb the word lists do not hold is a cue where the cue tagger marks it
/// (`claims_with_cues`), read like a verb of the lists; without marks it is none.
#[test]
fn marked_verbs_are_cues() {
    let doc = analyse("de", "Wir haben gestern einen neuen Gesetzentwurf vorgelegt.");
    let knowledge = lagebild_claims::ClaimKnowledge::embedded().unwrap();
    assert!(lagebild_claims::claims(&doc, &knowledge).is_empty());
    let cues: Vec<bool> = doc.tokens.iter().map(|token| doc.slice(token.range) == "vorgelegt").collect();
    let claims = lagebild_claims::claims_with_cues(&doc, &knowledge, &cues);
    let found: Vec<(&str, &str, &str)> = claims
        .iter()
        .map(|claim| {
            let speaker = claim.speaker.as_ref().map_or("", |speaker| doc.slice(speaker.range));
            (doc.slice(claim.cue.range), speaker, doc.slice(claim.content.range))
        })
        .collect();
    assert_eq!(found, [("vorgelegt", "Wir", "einen neuen Gesetzentwurf")]);
}

/// The subject of a verb of evidence (class `evidential`) speaks only where it is someone:
/// `Die Geschichte zeigt` has no speaker, `Wir haben gezeigt` has one.
#[test]
fn evidence_is_no_speaker() {
    let doc = analyse("de", "Die Geschichte zeigt, dass Kriege nichts lösen. Wir haben gezeigt, dass es geht.");
    let speakers: Vec<Option<&str>> =
        doc.claims.iter().map(|claim| claim.speaker.as_ref().map(|speaker| doc.slice(speaker.range))).collect();
    assert_eq!(speakers, [None, Some("Wir")]);
}
