//! Codes the exports derive from an event's record: GDELT's event id, the levels of a CAMEO
//! code and its quad class, PLOVER's quad code, and the pieces of an actor code.

use lagebild_store::Participant;
use sha2::{Digest, Sha256};

/// A numeric id for an event, the same in every export of any store that holds the document:
/// the first 53 bits of the SHA-256 of `document`, a zero byte and `event` (53 bits, so that
/// tools that read numbers as doubles keep it exact). Never 0.
pub fn global_event_id(document: &str, event: &str) -> u64 {
    let mut hasher = Sha256::new();
    hasher.update(document.as_bytes());
    hasher.update([0]);
    hasher.update(event.as_bytes());
    let digest = hasher.finalize();
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(bytes) >> 11).max(1)
}

/// The root (two digits) of a CAMEO event code, if the code is one (two to four digits).
pub(crate) fn cameo_root(code: &str) -> Option<&str> {
    let valid = (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
    valid.then(|| &code[..2])
}

/// GDELT's EventBaseCode: the level-two code of a level-three code (`0251` → `025`), else the
/// code itself.
pub(crate) fn cameo_base(code: &str) -> Option<&str> {
    cameo_root(code)?;
    Some(if code.len() > 3 { &code[..3] } else { code })
}

/// GDELT's QuadClass from the CAMEO root, as GDELT's codebook groups the roots: 1 verbal
/// cooperation (01–05), 2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material
/// conflict (14–20).
pub(crate) fn cameo_quad_class(code: &str) -> Option<u8> {
    match cameo_root(code)?.parse::<u8>().ok()? {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// PLOVER's quad category of an event type, as the PLOVER manual gives it for each type, in
/// the numbers of CAMEO's quad classes (1 verbal cooperation, 2 material cooperation, 3 verbal
/// conflict, 4 material conflict).
pub(crate) fn plover_quad(event_type: &str) -> Option<u8> {
    match event_type {
        "AGREE" | "CONSULT" | "SUPPORT" | "CONCEDE" => Some(1),
        "COOPERATE" | "AID" | "RETREAT" => Some(2),
        "REQUEST" | "ACCUSE" | "REJECT" | "THREATEN" => Some(3),
        "PROTEST" | "SANCTION" | "MOBILIZE" | "COERCE" | "ASSAULT" => Some(4),
        _ => None,
    }
}

/// A participant's actor code taken apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ActorParts {
    /// ISO 3166-1 alpha-3: from a knowledge-base id `country:ISO3`, else the entity's country.
    pub(crate) country: Option<String>,
    /// The three-letter pieces of the code after the country (`GOV` in `RUSGOV`); for a code
    /// that does not begin with the country, its first piece only (`IGO` in `IGOUNO`).
    pub(crate) types: Vec<String>,
}

pub(crate) fn actor_parts(participant: &Participant) -> ActorParts {
    split_actor(participant.code.as_deref(), participant.country.as_deref(), participant.kb_id.as_deref())
}

fn split_actor(code: Option<&str>, country: Option<&str>, kb_id: Option<&str>) -> ActorParts {
    let from_kb = kb_id.and_then(|id| id.strip_prefix("country:"));
    let country = from_kb.or(country).filter(|c| !c.is_empty()).map(str::to_owned);
    let mut types = Vec::new();
    if let Some(code) = code.filter(|code| code.is_ascii() && code.len() % 3 == 0) {
        let pieces: Vec<&str> = (0..code.len()).step_by(3).map(|at| &code[at..at + 3]).collect();
        match country.as_deref() {
            Some(country) if pieces.first() == Some(&country) => {
                types.extend(pieces[1..].iter().take(3).map(|piece| (*piece).to_owned()));
            }
            _ => types.extend(pieces.first().map(|piece| (*piece).to_owned())),
        }
    }
    ActorParts { country, types }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameo_levels_and_quad_classes() {
        assert_eq!((cameo_root("0251"), cameo_base("0251")), (Some("02"), Some("025")));
        assert_eq!((cameo_root("042"), cameo_base("042")), (Some("04"), Some("042")));
        assert_eq!((cameo_root("03"), cameo_base("03")), (Some("03"), Some("03")));
        assert_eq!(cameo_root("3"), None);
        assert_eq!(cameo_root("04a"), None);
        let quads: Vec<Option<u8>> = ["010", "057", "061", "0874", "090", "138", "145", "204", "21", "00"]
            .iter()
            .map(|c| cameo_quad_class(c))
            .collect();
        assert_eq!(quads, [Some(1), Some(1), Some(2), Some(2), Some(3), Some(3), Some(4), Some(4), None, None]);
        assert_eq!(plover_quad("CONSULT"), Some(1));
        assert_eq!(plover_quad("ASSAULT"), Some(4));
        assert_eq!(plover_quad("consult"), None);
    }

    #[test]
    fn actor_codes_taken_apart() {
        let parts = split_actor(Some("RUSGOVMIL"), Some("RUS"), Some("person:x"));
        assert_eq!(parts, ActorParts { country: Some("RUS".into()), types: vec!["GOV".into(), "MIL".into()] });
        let parts = split_actor(Some("ROU"), Some("XXX"), Some("country:ROU"));
        assert_eq!(parts, ActorParts { country: Some("ROU".into()), types: vec![] });
        let parts = split_actor(Some("IGOUNO"), None, Some("org:united-nations"));
        assert_eq!(parts, ActorParts { country: None, types: vec!["IGO".into()] });
        assert_eq!(split_actor(None, None, None), ActorParts::default());
    }

    #[test]
    fn event_ids_are_stable_and_distinct() {
        let a = global_event_id("ex-de-1", "v0");
        assert_eq!(a, global_event_id("ex-de-1", "v0"));
        assert_ne!(a, global_event_id("ex-de-1", "v1"));
        assert_ne!(global_event_id("a", "bv0"), global_event_id("ab", "v0"));
        assert!(a < 1 << 53);
    }
}
