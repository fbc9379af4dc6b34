//! Filter keys: the strings under which events and claims are indexed, and how a filter value
//! given by a user (`RUS`, `Moskau`, `name:north korea`, `Q159`) names one.
//!
//! Every event and claim carries a set of keys such as `type:MOBILIZE`, `actor:code:ROUMIL`,
//! `actor:code:ROU`, `actor:name:rumänien` or `stance:deny`; the store keeps, per key, the
//! postings in date order. A participant is indexed under its actor code and every coarser code
//! of the CAMEO hierarchy (`ROUMIL` also under `ROU`), the country of its entity (an ISO 3166
//! alpha-3 code, which is the first level of that hierarchy), the entity's canonical name (else
//! its words), and its knowledge-base id.

use std::collections::BTreeSet;

use crate::StoreError;
use crate::record::{ArgView, EntityView, RecordView};

/// The longest filter value accepted, in characters.
pub const MAX_FILTER_CHARS: usize = 200;

/// How a filter names a participant (an actor, a recipient, a speaker, a channel).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ActorRef {
    /// An actor code or a coarser level of it: `RUS` matches `RUS`, `RUSGOV`, `RUSMIL` and
    /// every entity of country `RUS`.
    Code(String),
    /// A canonical name (else the words) of the participant, compared without regard to case.
    Name(String),
    /// A knowledge-base id such as `Q159`.
    Kb(String),
}

impl ActorRef {
    /// Parses a filter value: `code:X`, `country:X`, `name:X` or `kb:X` say which; otherwise a
    /// value of capital letters and digits (three or more) is a code, `Q` and digits a
    /// knowledge-base id, and anything else a name.
    ///
    /// ```
    /// use lagebild_store::ActorRef;
    /// assert_eq!(ActorRef::parse("RUSGOV").unwrap(), ActorRef::Code("RUSGOV".into()));
    /// assert_eq!(ActorRef::parse("country:prk").unwrap(), ActorRef::Code("PRK".into()));
    /// assert_eq!(ActorRef::parse("  Nord   Korea ").unwrap(), ActorRef::Name("nord korea".into()));
    /// assert_eq!(ActorRef::parse("Q423").unwrap(), ActorRef::Kb("Q423".into()));
    /// assert!(ActorRef::parse("code:RU S").is_err());
    /// ```
    pub fn parse(value: &str) -> Result<ActorRef, StoreError> {
        let value = value.trim();
        if value.is_empty() {
            return Err(StoreError::invalid("an actor filter is empty"));
        }
        if value.chars().count() > MAX_FILTER_CHARS {
            return Err(StoreError::invalid(format!("an actor filter is longer than {MAX_FILTER_CHARS} characters")));
        }
        let code = |text: &str| -> Result<ActorRef, StoreError> {
            let text = text.trim().to_ascii_uppercase();
            if text.len() >= 2 && text.bytes().all(|b| b.is_ascii_alphanumeric()) {
                Ok(ActorRef::Code(text))
            } else {
                Err(StoreError::invalid(format!("{text:?} is not an actor code (letters and digits, as in RUSGOV)")))
            }
        };
        if let Some((prefix, rest)) = value.split_once(':') {
            match prefix.to_ascii_lowercase().as_str() {
                "code" | "country" => return code(rest),
                "name" => {
                    let name = normalise_name(rest);
                    return if name.is_empty() {
                        Err(StoreError::invalid("a name filter is empty"))
                    } else {
                        Ok(ActorRef::Name(name))
                    };
                }
                "kb" => {
                    let kb = rest.trim();
                    return if kb.is_empty() || kb.chars().any(char::is_whitespace) {
                        Err(StoreError::invalid(format!("{kb:?} is not a knowledge-base id")))
                    } else {
                        Ok(ActorRef::Kb(kb.to_owned()))
                    };
                }
                _ => {}
            }
        }
        let bytes = value.as_bytes();
        if bytes.len() >= 2 && bytes[0] == b'Q' && bytes[1..].iter().all(u8::is_ascii_digit) {
            return Ok(ActorRef::Kb(value.to_owned()));
        }
        if bytes.len() >= 3 && bytes.iter().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            return Ok(ActorRef::Code(value.to_owned()));
        }
        Ok(ActorRef::Name(normalise_name(value)))
    }

    /// The key of this reference for a role (`actor`, `speaker`, …).
    pub(crate) fn key(&self, role: &str) -> String {
        match self {
            ActorRef::Code(code) => format!("{role}:code:{code}"),
            ActorRef::Name(name) => format!("{role}:name:{name}"),
            ActorRef::Kb(kb) => format!("{role}:kb:{kb}"),
        }
    }
}

/// Lower case, runs of white space as one space, trimmed, at most [`MAX_FILTER_CHARS`].
pub(crate) fn normalise_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out.chars().take(MAX_FILTER_CHARS).collect()
}

/// Adds the keys of a participant under `role` to `keys`.
pub(crate) fn arg_keys(role: &str, arg: &ArgView, entity: Option<&EntityView>, keys: &mut BTreeSet<String>) {
    let mut code_keys = |code: &str| {
        let code = code.trim();
        if code.is_empty() || !code.is_ascii() {
            return;
        }
        let code = code.to_ascii_uppercase();
        keys.insert(format!("{role}:code:{code}"));
        // The coarser levels of the CAMEO hierarchy: three characters each.
        let mut end = 3;
        while end < code.len() {
            keys.insert(format!("{role}:code:{}", &code[..end]));
            end += 3;
        }
    };
    match (&arg.code, entity.and_then(|entity| entity.code.as_ref())) {
        (Some(code), _) | (None, Some(code)) => code_keys(code),
        (None, None) => {}
    }
    if let Some(country) = entity.and_then(|entity| entity.country.as_deref()) {
        code_keys(country);
    }
    let name = entity.and_then(|entity| entity.name.as_deref().or(Some(&entity.text))).unwrap_or(&arg.text);
    let name = normalise_name(name);
    if !name.is_empty() {
        keys.insert(format!("{role}:name:{name}"));
    }
    if let Some(kb) = entity.and_then(|entity| entity.kb_id.as_deref()).map(str::trim).filter(|kb| !kb.is_empty()) {
        keys.insert(format!("{role}:kb:{kb}"));
    }
}

/// The keys of event `index` of a record.
pub(crate) fn event_keys(record: &RecordView, index: usize) -> BTreeSet<String> {
    let event = &record.events[index];
    let mut keys = BTreeSet::new();
    keys.insert(format!("type:{}", event.event_type));
    for context in &event.context {
        keys.insert(format!("context:{}", normalise_name(context)));
    }
    for actor in &event.actors {
        arg_keys("actor", actor, record.entity_of(actor), &mut keys);
    }
    for recipient in &event.recipients {
        arg_keys("recipient", recipient, record.entity_of(recipient), &mut keys);
    }
    if let Some(location) = &event.location {
        arg_keys("location", location, record.entity_of(location), &mut keys);
    }
    match event.claim.as_deref().and_then(|id| record.claim(id)) {
        Some(claim) => {
            keys.insert(format!("stance:{}", claim.stance));
            if let Some(speaker) = &claim.speaker {
                arg_keys("reporter", speaker, record.entity_of(speaker), &mut keys);
            }
        }
        None => {
            keys.insert("stance:none".to_owned());
        }
    }
    keys
}

/// The keys of claim `index` of a record.
pub(crate) fn claim_keys(record: &RecordView, index: usize) -> BTreeSet<String> {
    let claim = &record.claims[index];
    let mut keys = BTreeSet::new();
    keys.insert(format!("kind:{}", claim.kind));
    keys.insert(format!("stance:{}", claim.stance));
    for (role, arg) in [("speaker", &claim.speaker), ("channel", &claim.channel), ("addressee", &claim.addressee)] {
        if let Some(arg) = arg {
            arg_keys(role, arg, record.entity_of(arg), &mut keys);
        }
    }
    if !claim.responds_to.is_empty() {
        keys.insert("responds:any".to_owned());
    }
    for target in claim.responds_to.iter().filter_map(|id| record.claim(id)) {
        if let Some(speaker) = &target.speaker {
            arg_keys("responds", speaker, record.entity_of(speaker), &mut keys);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arg(text: &str, code: Option<&str>) -> ArgView {
        ArgView { entity: None, text: text.into(), code: code.map(Into::into) }
    }

    #[test]
    fn a_participant_is_indexed_under_its_code_hierarchy_country_name_and_kb_id() {
        let entity = EntityView {
            text: "Rumänien".into(),
            kb_id: Some("Q218".into()),
            name: Some("Rumänien".into()),
            country: Some("ROU".into()),
            code: Some("ROUMIL".into()),
            role: None,
            lat: Some(46.0),
            lon: Some(25.0),
        };
        let mut keys = BTreeSet::new();
        arg_keys("actor", &arg("Rumänien", Some("ROUMILREB")), Some(&entity), &mut keys);
        let keys: Vec<_> = keys.into_iter().collect();
        assert_eq!(
            keys,
            ["actor:code:ROU", "actor:code:ROUMIL", "actor:code:ROUMILREB", "actor:kb:Q218", "actor:name:rumänien",]
        );
    }

    #[test]
    fn without_an_entity_the_words_are_the_name() {
        let mut keys = BTreeSet::new();
        arg_keys("channel", &arg("  Staats  Fernsehen ", None), None, &mut keys);
        assert_eq!(keys.into_iter().collect::<Vec<_>>(), ["channel:name:staats fernsehen"]);
    }

    #[test]
    fn filter_values_name_codes_names_and_kb_ids() {
        assert_eq!(ActorRef::parse("RUS").unwrap().key("actor"), "actor:code:RUS");
        assert_eq!(ActorRef::parse("code:rusgov").unwrap().key("actor"), "actor:code:RUSGOV");
        assert_eq!(ActorRef::parse("Moskau").unwrap().key("speaker"), "speaker:name:moskau");
        assert_eq!(ActorRef::parse("UN").unwrap(), ActorRef::Name("un".into()), "two capitals are a name");
        assert_eq!(ActorRef::parse("name:RUS").unwrap(), ActorRef::Name("rus".into()));
        assert_eq!(ActorRef::parse("kb:Q1899").unwrap(), ActorRef::Kb("Q1899".into()));
        assert_eq!(ActorRef::parse("x:y").unwrap(), ActorRef::Name("x:y".into()));
        for bad in ["", "  ", "code:", "code:R'S", "name:  ", "kb: ", &"x".repeat(201)] {
            assert!(ActorRef::parse(bad).is_err(), "{bad:?}");
        }
    }
}
