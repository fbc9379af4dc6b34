//! The `--format text` rendering: one header line, then one line per record.

use std::fmt::{self, Write};

use lagebild_doc::{Arg, Document, Lang, Span};

/// A readable summary of a document: a header line
/// (`# id · lang · published · "title" · N sentences`), then one line per entity, time,
/// quantity, claim and event, in layer order. A document in language `und` gets a line saying
/// that it was not analysed and why.
///
/// The text is untrusted: inside quotes, `"` and `\` are escaped, and so are control
/// characters (newlines included), line and paragraph separators and bidirectional
/// formatting characters, which could otherwise forge or reorder lines on a terminal.
pub fn render_text(doc: &Document) -> String {
    let mut out = String::new();
    render(doc, &mut out).expect("writing to a String does not fail");
    out
}

fn render(doc: &Document, out: &mut String) -> fmt::Result {
    let meta = &doc.meta;
    let sentences = doc.sentences.len();
    writeln!(
        out,
        "# {} · {} · {} · {} · {} sentence{}",
        Plain(&meta.id),
        meta.lang.code(),
        meta.published.map_or_else(|| "-".to_owned(), |date| date.to_string()),
        meta.title.as_deref().map_or_else(|| "-".to_owned(), |title| Quoted(title).to_string()),
        sentences,
        if sentences == 1 { "" } else { "s" },
    )?;
    if meta.lang == Lang::Und {
        match meta.lang_detected.as_deref() {
            Some(code) => writeln!(
                out,
                "not analysed: the language was detected as {}, and lagebild analyses German and English only",
                Plain(code)
            )?,
            None => writeln!(out, "not analysed: the language could not be determined with confidence")?,
        }
    }
    for (index, entity) in doc.entities.iter().enumerate() {
        write!(out, "entity e{index} {} {} {}", Quoted(doc.slice(entity.range)), entity.entity_type, entity.form)?;
        if let Some(kb_id) = &entity.kb_id {
            write!(out, " -> {}", Plain(kb_id))?;
        }
        if let Some(code) = &entity.code {
            write!(out, " {}", Plain(code))?;
        }
        if let Some(name) = &entity.name {
            write!(out, " name={}", Quoted(name))?;
        }
        if let Some(reading) = entity.reading {
            write!(out, " reading={reading}")?;
        }
        if let Some(country) = &entity.country {
            write!(out, " country={}", Plain(country))?;
        }
        if let Some(role) = &entity.role {
            write!(out, " role={}", Quoted(role))?;
        }
        if let (Some(lat), Some(lon)) = (entity.lat, entity.lon) {
            write!(out, " at={lat},{lon}")?;
        }
        if let Some(cluster) = entity.cluster {
            write!(out, " cluster={cluster}")?;
        }
        writeln!(out, " confidence={}", entity.confidence)?;
    }
    for (index, time) in doc.times.iter().enumerate() {
        write!(out, "time t{index} {} {} {}", Quoted(doc.slice(time.range)), time.time_type, Plain(&time.value))?;
        if let Some(modifier) = time.modifier {
            write!(out, " mod={modifier}")?;
        }
        if !time.anchored {
            write!(out, " unanchored")?;
        }
        writeln!(out)?;
    }
    for (index, quantity) in doc.quantities.iter().enumerate() {
        write!(
            out,
            "quantity q{index} {} {} {}",
            Quoted(doc.slice(quantity.range)),
            quantity.modifier,
            quantity.value
        )?;
        if let Some(unit) = &quantity.unit {
            write!(out, " {}", Plain(unit))?;
        }
        writeln!(out)?;
    }
    for (index, claim) in doc.claims.iter().enumerate() {
        write!(out, "claim c{index} {} {}", claim.kind, claim.construction)?;
        for (label, arg) in [("speaker", &claim.speaker), ("channel", &claim.channel), ("addressee", &claim.addressee)]
        {
            if let Some(arg) = arg {
                write!(out, " {label}=")?;
                write_arg(doc, arg, out)?;
            }
        }
        write!(out, " cue=")?;
        write_span(doc, &claim.cue, out)?;
        write!(out, " content=")?;
        write_span(doc, &claim.content, out)?;
        write!(out, " stance={}", claim.stance)?;
        if let Some(date) = &claim.date {
            write!(out, " date={}", Plain(date))?;
        }
        if let Some(parent) = claim.parent {
            write!(out, " parent={parent}")?;
        }
        write_ids(" responds_to=", &claim.responds_to, out)?;
        write_ids(" events=", &claim.events, out)?;
        writeln!(out)?;
    }
    for (index, event) in doc.events.iter().enumerate() {
        write!(out, "event v{index} {}", event.event_type)?;
        if let Some(mode) = &event.mode {
            write!(out, " mode={}", Plain(mode))?;
        }
        for (label, args) in [("actors", &event.actors), ("recipients", &event.recipients)] {
            if !args.is_empty() {
                write!(out, " {label}=")?;
                for (position, arg) in args.iter().enumerate() {
                    if position > 0 {
                        out.push(',');
                    }
                    write_arg(doc, arg, out)?;
                }
            }
        }
        if let Some(location) = &event.location {
            write!(out, " location=")?;
            write_arg(doc, location, out)?;
        }
        write!(out, " trigger=")?;
        write_span(doc, &event.trigger, out)?;
        if let Some(date) = &event.date {
            write!(out, " date={} ({})", Plain(date), event.date_source)?;
        }
        if let Some(time) = event.time {
            write!(out, " time={time}")?;
        }
        write_ids(" quantities=", &event.quantities, out)?;
        if let Some(claim) = event.claim {
            write!(out, " claim={claim}")?;
        }
        if let Some(cameo) = &event.cameo {
            write!(out, " cameo={}", Plain(cameo))?;
        }
        if let Some(score) = event.score {
            write!(out, " score={score}")?;
        }
        if !event.context.is_empty() {
            write!(out, " context=")?;
            for (position, context) in event.context.iter().enumerate() {
                if position > 0 {
                    out.push(',');
                }
                write!(out, "{}", Plain(context))?;
            }
        }
        for (flag, set) in [
            ("negated", event.negated),
            ("hypothetical", event.hypothetical),
            ("future", event.future),
            ("historical", event.historical),
        ] {
            if set {
                write!(out, " {flag}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// `"words"`, then `[e3 RUSGOV]` where the argument resolves to an entity or carries a code.
fn write_arg(doc: &Document, arg: &Arg, out: &mut String) -> fmt::Result {
    write!(out, "{}", Quoted(doc.slice(arg.range)))?;
    match (arg.entity, &arg.code) {
        (None, None) => Ok(()),
        (Some(entity), None) => write!(out, "[{entity}]"),
        (None, Some(code)) => write!(out, "[{}]", Plain(code)),
        (Some(entity), Some(code)) => write!(out, "[{entity} {}]", Plain(code)),
    }
}

/// A continuous span as its quoted words; a discontinuous one as its parts joined by ` … `.
fn write_span(doc: &Document, span: &Span, out: &mut String) -> fmt::Result {
    if span.parts.is_empty() {
        return write!(out, "{}", Quoted(doc.slice(span.range)));
    }
    out.push('"');
    for (position, &part) in span.parts.iter().enumerate() {
        if position > 0 {
            out.push_str(" … ");
        }
        write!(out, "{}", Plain(doc.slice(part)))?;
    }
    out.push('"');
    Ok(())
}

fn write_ids<T: fmt::Display>(label: &str, ids: &[T], out: &mut String) -> fmt::Result {
    if ids.is_empty() {
        return Ok(());
    }
    out.push_str(label);
    for (position, id) in ids.iter().enumerate() {
        if position > 0 {
            out.push(',');
        }
        write!(out, "{id}")?;
    }
    Ok(())
}

/// Text between double quotes, escaped.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", Plain(self.0))
    }
}

/// Escapes `"`, `\` and every character that could break or disguise a line; written bare
/// for an id, a code or a TIMEX3 value.
struct Plain<'a>(&'a str);

impl fmt::Display for Plain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for ch in self.0.chars() {
            match ch {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                // Line and paragraph separators, and the bidirectional embeddings, overrides
                // and isolates of "Trojan Source".
                _ if ch.is_control()
                    || matches!(ch, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
                {
                    write!(f, "\\u{{{:x}}}", u32::from(ch))?
                }
                _ => f.write_char(ch)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_cannot_break_a_line() {
        let escaped = Quoted("a\"b\\c\nd\re\tf\u{7}g\u{2028}h\u{202E}i ö").to_string();
        assert_eq!(escaped, r#""a\"b\\c\nd\re\tf\u{7}g\u{2028}h\u{202e}i ö""#);
    }

    #[test]
    fn an_undetermined_document_says_why_it_was_not_analysed() {
        let mut doc = Document::new(lagebild_doc::Meta::new("x\ny", "-"), "Bonjour.".to_owned());
        doc.meta.lang_detected = Some("fr".to_owned());
        let text = render_text(&doc);
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.starts_with("# x\\ny · und · - · - · 0 sentences\n"), "{text}");
        assert!(text.contains("not analysed: the language was detected as fr"), "{text}");
        doc.meta.lang_detected = None;
        assert!(render_text(&doc).contains("could not be determined"));
    }
}
