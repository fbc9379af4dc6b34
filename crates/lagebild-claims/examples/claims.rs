//! Prints the clauses and claims of a text: `cargo run -p lagebild-claims --example claims -- de "Text"`.

#![allow(clippy::print_stdout)] // A developer's tool prints its findings.

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(lang), Some(text)) = (args.next(), args.next()) else {
        println!("usage: claims <de|en> <text>");
        return;
    };
    let knowledge = lagebild_pipeline::Knowledge::embedded().expect("the embedded knowledge loads");
    let doc = lagebild_pipeline::analyze_text(
        &knowledge,
        &lang,
        std::env::var("PUBLISHED").ok().and_then(|date| date.parse().ok()),
        text,
    );
    for (index, token) in doc.tokens.iter().enumerate() {
        let features: Vec<String> = token.morph.iter().map(|(key, value)| format!("{key}={value}")).collect();
        print!(
            "{index}:{}/{}/{}/{} ",
            doc.slice(token.range),
            token.pos().unwrap_or("?"),
            token.lemma().unwrap_or("?"),
            features.join("|")
        );
    }
    println!();
    for (index, clause) in doc.clauses.iter().enumerate() {
        println!(
            "clause {index} {:?} parent {:?} verb {:?} lemma {:?} intro {:?} args {:?} passive {} tokens {:?}",
            clause.kind,
            clause.parent,
            clause.verb,
            clause.lemma,
            clause.introducer,
            clause.arguments,
            clause.passive,
            clause.tokens
        );
    }
    for time in &doc.times {
        println!("time [{}] {} {:?}", doc.slice(time.range), time.value, time.time_type);
    }
    for claim in &doc.claims {
        let words = |range: lagebild_doc::TextRange| doc.slice(range).to_owned();
        println!(
            "claim {:?} {:?} {:?} date {:?} cue [{}] speaker [{}] channel [{}] content [{}] parent {:?} responds {:?}",
            claim.kind,
            claim.construction,
            claim.stance,
            claim.date,
            words(claim.cue.range),
            claim.speaker.as_ref().map(|arg| format!("{} {:?}", words(arg.range), arg.code)).unwrap_or_default(),
            claim.channel.as_ref().map(|arg| words(arg.range)).unwrap_or_default(),
            words(claim.content.range),
            claim.parent,
            claim.responds_to
        );
    }
}
