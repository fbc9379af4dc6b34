//! Prints the events of a text: `cargo run -p lagebild-events --example events -- de 2023-10-19 "Text"`;
//! with `CLAUSES=1` in the environment, its clauses first.

#![allow(clippy::print_stdout)] // A developer's tool prints its findings.

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(lang), Some(published), Some(text)) = (args.next(), args.next(), args.next()) else {
        println!("usage: events <de|en> <YYYY-MM-DD|-> <text>");
        return;
    };
    let knowledge = lagebild_pipeline::Knowledge::embedded().expect("the embedded knowledge loads");
    let doc = lagebild_pipeline::analyze_text(&knowledge, &lang, published.parse().ok(), text);
    let words = |range: lagebild_doc::TextRange| doc.slice(range).to_owned();
    let args = |args: &[lagebild_doc::Arg]| {
        args.iter()
            .map(|arg| format!("{}({})", words(arg.range), arg.code.as_deref().unwrap_or("-")))
            .collect::<Vec<_>>()
            .join("+")
    };
    if std::env::var_os("TOKENS").is_some() {
        for token in &doc.tokens {
            println!("token {} {:?} {:?} {:?}", words(token.range), token.pos, token.lemma, token.morph);
        }
    }
    if std::env::var_os("CLAUSES").is_some() {
        for clause in &doc.clauses {
            let tokens =
                |list: &[u32]| list.iter().map(|&t| words(doc.tokens[t as usize].range)).collect::<Vec<_>>().join(" ");
            let arguments: Vec<String> = clause
                .arguments
                .iter()
                .map(|(role, t)| format!("{role:?}={}", words(doc.tokens[*t as usize].range)))
                .collect();
            println!(
                "clause {:?} verb [{}] lemma {:?} passive {} args {arguments:?} parent {:?}: {}",
                clause.kind,
                tokens(&clause.verb_tokens),
                clause.lemma,
                clause.passive,
                clause.parent,
                tokens(&clause.tokens)
            );
        }
    }
    for event in &doc.events {
        println!(
            "{} {:?} {:?} [{}] {} -> {} at {} date {:?} ({}) q{} neg {} hyp {} fut {} hist {} claim {:?}",
            event.event_type.as_str(),
            event.mode,
            event.context,
            words(event.trigger.range),
            args(&event.actors),
            args(&event.recipients),
            event.location.as_ref().map(|arg| words(arg.range)).unwrap_or_default(),
            event.date,
            event.date_source.as_str(),
            event.quantities.len(),
            event.negated,
            event.hypothetical,
            event.future,
            event.historical,
            event.claim.map(|id| id.to_string()),
        );
    }
}
