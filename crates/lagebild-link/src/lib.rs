//! The entity stage: finds the names, adjectives, demonyms, compound parts and role nouns of
//! a document that the knowledge base knows, links each to one entry, decides what it stands
//! for here (metonymy) and groups mentions of the same referent (coreference).
//!
//! Steps, over each sentence's tokens:
//! 1. **Recognition**: the longest run of tokens whose lowercase words are a name of the base
//!    (`Center for Strategic and International Studies`, `Weiße Haus`, `russischen`); a German
//!    genitive `-s` of a person or place name (`Lawrows`); the parts of hyphenated compounds
//!    (`Putin-Kim-Gipfeltreffen` → Putin, Kim; `US-Beamte` → USA). Case is checked per form:
//!    acronyms must be written in capitals, names must start with one, German adjectives may
//!    not. A single-word person or small place must be tagged a proper noun.
//! 2. **Linking**: candidates are scored by kind, population, the document's other countries,
//!    roles held at the document date and fuller mentions of the same person; the margin
//!    between the best two gives the confidence. Names that also name things outside the
//!    base (`resources/kb/ambiguous.tsv`: Washington, Georgia, Jordan, Chad, Niger) and names
//!    inside a longer unknown proper name (`Paris Hilton`) are linked only with support from
//!    the document's context, else kept unlinked with a low confidence.
//! 3. **Actors**: a role noun next to a country (`russische Nachrichtenagentur`, `Marinen der
//!    USA`, `US-Beamte`, `Russian foreign minister`) gives the country the code of its sector
//!    (`RUSMED`, `USAMIL`, `USAGOV`) and is itself a `role_noun` mention, linked to the holder
//!    of the role at the document date where the base knows one.
//! 4. **Metonymy**: a country, capital or seat of government that is the subject, object or
//!    indirect object of a clause (`Moskau sagte`, `dankte Pjöngjang`) is read as its
//!    government (`RUSGOV`); after a locative preposition (`in Washington`) it is a place.
//! 5. **Coreference**: mentions linked to the same entry share a `cluster`; so do unlinked
//!    mentions with the same words.
//!
//! [`entities_with`] takes spans from a statistical tagger (a later issue) and merges them:
//! the base's mentions win where they overlap; a tagger span the base did not find is kept,
//! linked if its words are a name of the base.

mod recognize;

use std::collections::HashMap;

use lagebild_doc::{Document, Entity, EntityType, Lang, TextRange};
use lagebild_kb::Kb;

pub use recognize::Reason;

/// A span found by another recogniser (the statistical tagger of a later issue).
#[derive(Debug, Clone, PartialEq)]
pub struct TaggedSpan {
    pub range: TextRange,
    pub entity_type: EntityType,
    pub confidence: f32,
}

/// A mention with the reason it was linked as it was, for debugging.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    pub entity: Entity,
    pub reason: Reason,
}

/// The entities of `doc`, in text order.
pub fn entities(doc: &Document, kb: &Kb) -> Vec<Entity> {
    run(doc, kb, &[], false).into_iter().map(|explained| explained.entity).collect()
}

/// The entities of `doc` merged with a tagger's spans: where a span overlaps a mention of the
/// base, the base's mention is kept; other spans are added, linked when their words are a
/// name of the base, else unlinked with the tagger's confidence.
pub fn entities_with(doc: &Document, kb: &Kb, tagged: &[TaggedSpan]) -> Vec<Entity> {
    run(doc, kb, tagged, false).into_iter().map(|explained| explained.entity).collect()
}

/// Like [`entities_with`], with the reason for each mention.
pub fn explain(doc: &Document, kb: &Kb, tagged: &[TaggedSpan]) -> Vec<Explained> {
    run(doc, kb, tagged, true)
}

fn run(doc: &Document, kb: &Kb, tagged: &[TaggedSpan], explain: bool) -> Vec<Explained> {
    if doc.meta.lang == Lang::Und || doc.tokens.is_empty() {
        return Vec::new();
    }
    let mut found = recognize::recognize(doc, kb, explain);
    for span in tagged {
        if span.range.end() as usize > doc.text().len()
            || !doc.text().is_char_boundary(span.range.start() as usize)
            || !doc.text().is_char_boundary(span.range.end() as usize)
            || span.range.is_empty()
        {
            continue;
        }
        let overlaps = found
            .iter()
            .any(|m| m.entity.range.start() < span.range.end() && span.range.start() < m.entity.range.end());
        if !overlaps {
            found.push(recognize::tagged(doc, kb, span));
        }
    }
    found.sort_by_key(|m| (m.entity.range.start(), m.entity.range.end()));
    assign_clusters(&mut found);
    found
}

/// Mentions of the same entry, or unlinked mentions with the same words, share a cluster.
fn assign_clusters(found: &mut [Explained]) {
    let mut clusters: HashMap<String, u32> = HashMap::new();
    for mention in found.iter_mut() {
        let key = match (&mention.entity.kb_id, &mention.entity.name) {
            (Some(id), _) => id.clone(),
            (None, Some(name)) => format!("name:{}", name.to_lowercase()),
            (None, None) => continue,
        };
        let next = clusters.len() as u32;
        mention.entity.cluster = Some(*clusters.entry(key).or_insert(next));
    }
}
