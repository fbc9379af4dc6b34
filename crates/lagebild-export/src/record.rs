//! The parts of a stored record (docs/format.md) that the exports need beyond the store's rows:
//! character offsets, coordinates, the kind of place. Unknown keys are ignored, so records with
//! more fields than these still load.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(crate) struct RecordView {
    pub(crate) lang: String,
    pub(crate) text: String,
    #[serde(default)]
    pub(crate) sentences: Vec<OffsetsView>,
    #[serde(default)]
    pub(crate) entities: Vec<EntityView>,
    #[serde(default)]
    pub(crate) events: Vec<EventView>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub(crate) struct OffsetsView {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Deserialize)]
pub(crate) struct EntityView {
    #[serde(default)]
    pub(crate) kb_id: Option<String>,
    #[serde(default)]
    pub(crate) lat: Option<f64>,
    #[serde(default)]
    pub(crate) lon: Option<f64>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct ArgView {
    #[serde(default)]
    pub(crate) entity: Option<String>,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

#[derive(Debug, Deserialize)]
pub(crate) struct EventView {
    pub(crate) trigger: OffsetsView,
    #[serde(default)]
    pub(crate) actors: Vec<ArgView>,
    #[serde(default)]
    pub(crate) recipients: Vec<ArgView>,
    #[serde(default)]
    pub(crate) location: Option<ArgView>,
}

/// A stored document as the exports read it.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub(crate) record: RecordView,
    /// The length of the text in characters.
    pub(crate) chars: usize,
    /// Where the first paragraph ends (the first line break), in characters.
    pub(crate) lead_end: usize,
    /// Every source the text came from, first seen first.
    pub(crate) sources: Vec<String>,
    /// When the text was first stored (UTC, RFC 3339).
    pub(crate) stored_at: String,
}

impl Loaded {
    pub(crate) fn new(record: RecordView, sources: Vec<String>, stored_at: String) -> Loaded {
        let chars = record.text.chars().count();
        let lead_end = match record.text.find('\n') {
            Some(byte) => record.text[..byte].chars().count(),
            None => chars,
        };
        Loaded { record, chars, lead_end, sources, stored_at }
    }

    /// The entity an argument resolves to.
    pub(crate) fn entity(&self, arg: &ArgView) -> Option<&EntityView> {
        let index: usize = arg.entity.as_deref()?.strip_prefix('e')?.parse().ok()?;
        self.record.entities.get(index)
    }

    /// The first source that is a web address, if any.
    pub(crate) fn url(&self) -> Option<&str> {
        self.sources.iter().map(String::as_str).find(|source| is_url(source))
    }
}

pub(crate) fn is_url(source: &str) -> bool {
    let lower = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The host of a web address (`www.example.org`), without user, port or path.
pub(crate) fn host(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_web_addresses() {
        assert_eq!(host("https://www.example.org/politik/a?b=1"), Some("www.example.org"));
        assert_eq!(host("http://user@example.org:8080"), Some("example.org"));
        assert_eq!(host("https://"), None);
        assert!(is_url("HTTPS://example.org"));
        assert!(!is_url("examples/news.jsonl:2"));
    }
}
