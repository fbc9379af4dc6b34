//! Prints the entity stage's mentions of a text with the reason for each:
//! `cargo run -p lagebild-pipeline --example entities -- en "Text"` (`PUBLISHED=2023-10-19`
//! sets the document date).

#![allow(clippy::print_stdout)] // A developer's tool prints its findings.

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(lang), Some(text)) = (args.next(), args.next()) else {
        println!("usage: entities <de|en> <text>");
        return;
    };
    let knowledge = lagebild_pipeline::Knowledge::embedded().expect("the embedded knowledge loads");
    let doc = lagebild_pipeline::analyze_text(
        &knowledge,
        &lang,
        std::env::var("PUBLISHED").ok().and_then(|date| date.parse().ok()),
        text,
    );
    let spans = lagebild_pipeline::tagged_spans(&doc, &knowledge);
    for span in &spans {
        println!("tagged {:?} {:?} {:.2}", doc.slice(span.range), span.entity_type, span.confidence);
    }
    for mention in lagebild_link::explain(&doc, &knowledge.kb, &spans) {
        let entity = &mention.entity;
        println!(
            "{:?} {} {} {} {} | {}",
            doc.slice(entity.range),
            entity.form.as_str(),
            entity.kb_id.as_deref().unwrap_or("-"),
            entity.reading.map_or("-", |reading| reading.as_str()),
            entity.code.as_deref().unwrap_or("-"),
            mention.reason.0
        );
    }
}
