//! Golden renderings: the claims of our own German and English sentences in
//! `tests/cases/`, one snapshot per file.

use std::fmt::Write;

use lagebild_pipeline::{Knowledge, Options, Timings};

fn render(lang: &str, text: &str) -> String {
    let knowledge = Knowledge::embedded().expect("the embedded knowledge loads");
    let raw = lagebild_ingest::RawDocument {
        id: "case".into(),
        source: "-".into(),
        title: None,
        url: None,
        published: None,
        lang: Some(lang.into()),
        text: text.into(),
    };
    let doc = lagebild_pipeline::analyze(raw, &knowledge, &Options::default(), &mut Timings::default()).document;
    let mut out = String::new();
    for (index, claim) in doc.claims.iter().enumerate() {
        let words = |range: lagebild_doc::TextRange| doc.slice(range).to_owned();
        let arg = |arg: &Option<lagebild_doc::Arg>| arg.as_ref().map(|arg| words(arg.range)).unwrap_or_default();
        writeln!(
            out,
            "c{index} {} {} {}: cue [{}] speaker [{}] channel [{}] addressee [{}]\n    content [{}] parent {:?} responds {:?}",
            claim.kind.as_str(),
            claim.construction.as_str(),
            claim.stance.as_str(),
            words(claim.cue.range),
            arg(&claim.speaker),
            arg(&claim.channel),
            arg(&claim.addressee),
            words(claim.content.range),
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
