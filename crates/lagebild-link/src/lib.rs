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
//!    indirect object of a clause (`Moskau sagte`, `dankte Pjöngjang`), a name coordinated
//!    with one, or that follows a preposition of relations (`Sanktionen gegen Russland`) is
//!    read as its government (`RUSGOV`), as is an English country before a verb in -ing
//!    (`Turkey entering the EU`); after a locative preposition (`in Washington`) it is a
//!    place. A country adjective is a place (origin), an organisation before a noun for
//!    companies (`russische Wirtschaft`), a government before a noun of what states do
//!    (`Iranian nuclear programme`), or takes the reading of the role noun after it; an
//!    English possessive before a name nobody knows is the country's economy (`Argentina's
//!    Enarsa`); a mention no step read stands for what its type names.
//! 5. **Coreference**: mentions linked to the same entry share a `cluster`; so do unlinked
//!    mentions with the same words.
//!
//! [`entities_with`] merges these mentions with the spans of the statistical tagger
//! (`lagebild-ner`), by the rules of `docs/ner.md`:
//! - **Same span**: the base's mention and link stand; the tagger's type is checked against
//!   the type of a mention of form `name`: agreement raises the confidence, disagreement
//!   lowers it.
//! - **Honorific**: a span that starts with one (`Ms Short`) loses it and names a person.
//! - **Company word**: a span that ends with one (`Burren Energy`) names an organisation.
//! - **Compounds**: a span around a compound's names (`US-led`) leaves the names standing.
//! - **Overlap**: the longer span wins, unless the base's mention is a known full name (a
//!   linked name of several words, or the entry's own name in German or English); a tagger
//!   span that wins replaces every mention it overlaps and is linked where its words are a
//!   name of the base.
//! - **Tagger only**: a span no mention overlaps becomes an entity with the tagger's type,
//!   form `name`, its words as name and no `kb_id`.
//! - **Base only**: mentions no span overlaps stay as they are.
//! - **People the base does not know**: a tagger-only person right after a role noun takes its
//!   country and code; a later mention by surname joins the full name's cluster and code,
//!   also where neither the base nor the tagger found it, where the tagger typed it as another
//!   kind of name, and where the base took it for a small place; in a headline, before the
//!   full name.
//! - **Role nouns** before a linked name take its link (`Nachrichtenagentur RIA`).
//! - **Role nouns in apposition** after a person's name (`Nikos Toskas, der
//!   Bürgerschutzminister,`) give the person their country and code.
//! - **Organisations after a role noun of organisations** take its code
//!   (`US-Industriekonzern General Electric`), and so do their abbreviations in brackets
//!   (`(GE)`) and later mentions with the same words.
//! - **Parties in brackets**: a person with no code but a country, followed by a party in
//!   brackets (`Hans Peter Doskozil (SPÖ)`), takes the party's code (AUTPTY).

mod recognize;

use std::collections::HashMap;

use lagebild_doc::{Document, Entity, EntityForm, EntityType, Lang, Reading, TextRange};
use lagebild_kb::{ContextClass, Kb, NameForm};

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

impl std::borrow::Borrow<Entity> for Explained {
    fn borrow(&self) -> &Entity {
        &self.entity
    }
}

/// The entities of `doc`, in text order.
pub fn entities(doc: &Document, kb: &Kb) -> Vec<Entity> {
    run(doc, kb, &[], false).into_iter().map(|explained| explained.entity).collect()
}

/// The entities of `doc` merged with a tagger's spans by the rules of the crate overview.
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
    let mut found = recognize::recognize(doc, kb, tagged, explain);
    merge(doc, kb, &mut found, tagged);
    found.sort_by_key(|m| (m.entity.range.start(), m.entity.range.end()));
    surnames_the_tagger_missed(doc, kb, &mut found, explain);
    people_the_text_describes(doc, kb, &mut found);
    plain_readings(&mut found);
    assign_clusters(&mut found);
    found
}

/// A mention by surname alone that neither the base nor the tagger found (`Kammenos warf der
/// Türkei vor`, first in its sentence, where a capital says little) is the person named in
/// full before it, or, where none was (a headline), after it: a token spelt like the last word
/// of a person's name of two or more words, tagged as a name and not before a number (`May
/// 5`), which no mention covers, is a copy of that mention.
fn surnames_the_tagger_missed(doc: &Document, kb: &Kb, found: &mut Vec<Explained>, explain: bool) {
    // (end of the full name, its last word, its mention), in text order.
    let people: Vec<(u32, &str, usize)> = found
        .iter()
        .enumerate()
        .filter(|(_, mention)| {
            mention.entity.entity_type == EntityType::Person && mention.entity.form == EntityForm::Name
        })
        .filter_map(|(index, mention)| {
            let mut words = doc.slice(mention.entity.range).split_whitespace();
            let (first, last) = (words.next()?, words.next_back()?);
            let surname = first != last
                && last.chars().count() >= 3
                && last.chars().next().is_some_and(char::is_uppercase)
                && last.chars().all(|c| c.is_alphabetic() || c == '-');
            surname.then_some((mention.entity.range.end(), last, index))
        })
        .collect();
    if people.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut replaced: Vec<usize> = Vec::new();
    for (index, token) in doc.tokens.iter().enumerate() {
        // A name the tagger read as such, and no month before its day (`May 5`).
        let before_number = doc
            .tokens
            .get(index + 1)
            .is_some_and(|next| doc.slice(next.range).starts_with(|c: char| c.is_ascii_digit()));
        if token.pos() != Some("PROPN") || before_number {
            continue;
        }
        let form = doc.slice(token.range);
        // Also in the German genitive (`nach Andrejews Worten`).
        let genitive = form.strip_suffix('s').filter(|_| doc.meta.lang == Lang::De);
        let spelt = |last: &str| last == form || genitive == Some(last);
        // The nearest person named before; else, as in a headline before the text, the first
        // named after.
        let named_before = people.iter().rev().find(|&&(end, last, _)| end <= token.range.start() && spelt(last));
        let named_after = || people.iter().find(|&&(end, last, _)| end > token.range.end() && spelt(last));
        let Some(&(_, _, person)) = named_before.or_else(named_after) else {
            continue;
        };
        let covered = |range: TextRange| range.start() < token.range.end() && token.range.start() < range.end();
        // A small place spelt like the surname (`Bush`, a town in Egypt, after `George W
        // Bush`) is the person, unless a locative preposition comes before it.
        let locative = index > 0 && {
            let before = doc.slice(doc.tokens[index - 1].range).to_lowercase();
            kb.is_context(doc.meta.lang, ContextClass::Locative, &before)
        };
        let small_place = |entity: &Entity| {
            entity.range == token.range
                && entity
                    .kb_id
                    .as_deref()
                    .and_then(|id| kb.index_of(id))
                    .is_some_and(|index| recognize::is_small_place(kb, index))
        };
        if !locative && let Some(place) = found.iter().position(|mention| small_place(&mention.entity)) {
            replaced.push(place);
        }
        // The tagger's other type for the word alone is a guess the name before outweighs
        // (`Andrejews` read as a place).
        let guessed = |entity: &Entity| {
            entity.range == token.range && entity.kb_id.is_none() && entity.entity_type != EntityType::Person
        };
        if let Some(guess) = found.iter().position(|mention| guessed(&mention.entity)) {
            replaced.push(guess);
        }
        if found.iter().enumerate().any(|(at, mention)| covered(mention.entity.range) && !replaced.contains(&at)) {
            continue;
        }
        let full = &found[person];
        let mut entity = full.entity.clone();
        entity.range = token.range;
        entity.cluster = None;
        let reason = if explain {
            recognize::Reason(format!("the surname of `{}` named before", doc.slice(full.entity.range)))
        } else {
            recognize::Reason(String::new())
        };
        added.push(Explained { entity, reason });
    }
    replaced.sort_unstable();
    for index in replaced.into_iter().rev() {
        found.remove(index);
    }
    if !added.is_empty() {
        found.extend(added);
        found.sort_by_key(|m| (m.entity.range.start(), m.entity.range.end()));
    }
}

/// A person the text describes takes what it says of them: a person without a code at the
/// document date (unknown to the base, or known without a role then: its code is the bare
/// country) takes the country and code of a role noun right before the name (`der griechische
/// Verteidigungsminister Panos Kammenos`, `der polnische Außenminister Grzegorz Schetyna`);
/// and a later mention by surname alone that the base did not link (`Kammenos`, `Schetyna`)
/// is the person named in full before it, with the same link and code.
fn people_the_text_describes(doc: &Document, kb: &Kb, found: &mut [Explained]) {
    let text = doc.text();
    let person = |entity: &Entity| entity.entity_type == EntityType::Person && entity.form == EntityForm::Name;
    // The tagger may type a surname alone as an organisation or other name (`Blair`).
    let unknown_name = |entity: &Entity| {
        entity.form == EntityForm::Name
            && entity.kb_id.is_none()
            && matches!(entity.entity_type, EntityType::Person | EntityType::Organization | EntityType::Other)
    };
    for index in 1..found.len() {
        let (before, rest) = found.split_at_mut(index);
        let (role, named) = (&mut before[index - 1].entity, &mut rest[0].entity);
        let adjacent = text
            .get(role.range.end() as usize..named.range.start() as usize)
            .is_some_and(|gap| !gap.is_empty() && gap.trim().is_empty());
        // No code, or only the country the role noun gives a sector.
        let uncoded = named.code.is_none() || named.code == role.country;
        // So does an organisation the base does not know after a role noun of organisations
        // (`US-Industriekonzern General Electric` → USABUS).
        let described = person(named)
            || named.entity_type == EntityType::Organization
                && named.form == EntityForm::Name
                && named.kb_id.is_none()
                && role.entity_type == EntityType::Organization;
        if described && uncoded && role.form == EntityForm::RoleNoun && adjacent && role.code.is_some() {
            named.country.clone_from(&role.country);
            named.code.clone_from(&role.code);
            if explain_enabled(&rest[0].reason) {
                rest[0].reason.0.push_str("; the role noun before it gives its code");
            }
        }
        // A person's name right after a compound whose first part names a known organisation
        // and whose last part is a noun of office or membership (`ÖVP-Chef Reinhold
        // Mitterlehner`, `UNO-Sonderberichterstatter Makarim Wibisono`, class `member`) is that
        // organisation's; later mentions by surname take it over.
        {
            let (part, named) = (&found[index - 1].entity, &found[index].entity);
            let organisation = part.form == EntityForm::CompoundPart
                && part.entity_type == EntityType::Organization
                && part.kb_id.as_deref().is_some_and(|id| id.starts_with("org:"))
                && part.code.is_some();
            let uncoded = named.code.is_none() || named.code == named.country;
            let member = || {
                let Some(tail) = text.get(part.range.end() as usize..named.range.start() as usize) else {
                    return false;
                };
                let Some(word) = tail.strip_prefix('-').map(str::trim_end) else { return false };
                let noun = word.to_lowercase();
                !word.is_empty()
                    && word.len() < tail.len() - 1
                    && !word.contains(|c: char| c.is_whitespace() || c == '-')
                    && (kb.is_context(doc.meta.lang, ContextClass::Member, &noun)
                        || noun
                            .strip_suffix('s')
                            .is_some_and(|noun| kb.is_context(doc.meta.lang, ContextClass::Member, noun)))
            };
            if organisation && person(named) && uncoded && member() {
                let (country, code) = (part.country.clone(), part.code.clone());
                let named = &mut found[index];
                named.entity.country = country;
                named.entity.code = code;
                if explain_enabled(&named.reason) {
                    named.reason.0.push_str("; the organisation of the compound before it gives its code");
                }
            }
        }
        // A person with no code but the country, and a party in brackets right after the
        // name, is a member of that party (`Hans Peter Doskozil (SPÖ)` → AUTPTY), as news
        // name politicians.
        {
            let (named, party) = (&found[index - 1].entity, &found[index].entity);
            let bracketed = in_brackets_after(text, named, party);
            let uncoded = named.code.is_none() || named.code == named.country;
            let party_code = party.code.as_deref().filter(|code| code.len() == 6 && code.ends_with("PTY"));
            if person(named)
                && uncoded
                && bracketed
                && party.entity_type == EntityType::Organization
                && let Some(code) = party_code.map(str::to_owned)
            {
                let country = party.country.clone().or_else(|| Some(code[..3].to_owned()));
                let named = &mut found[index - 1];
                named.entity.code = Some(code);
                named.entity.country = country;
                if explain_enabled(&named.reason) {
                    named.reason.0.push_str("; the party in brackets after it gives its code");
                }
            }
        }
        // A role noun in apposition after a person's name, behind a comma and at most two
        // articles, adjectives or adverbs (`Nikos Toskas, der Bürgerschutzminister, …`,
        // `Panos Skourletis, der Arbeitsminister`), describes the person too.
        {
            let (named, role) = (&found[index - 1].entity, &found[index].entity);
            let gap = text.get(named.range.end() as usize..role.range.start() as usize).unwrap_or_default();
            // Only a comma, then articles, adjectives and adverbs (`, selbst ein Flüchtling`;
            // not `, der von König …`, a relative clause, nor `, said the government`).
            let first = doc.tokens.partition_point(|token| token.range.start() < named.range.end());
            let last = doc.tokens.partition_point(|token| token.range.start() < role.range.start());
            let apposed = gap.trim_start().starts_with(',')
                && last > first
                && last - first <= 3
                && doc.tokens[first + 1..last].iter().all(|token| {
                    matches!(token.pos(), Some("DET" | "ADJ" | "ADV")) && token.feature("PronType") != Some("Rel")
                });
            // A role whose country is only the article's must end the apposition
            // (`Nikos Toskas, der Bürgerschutzminister,`): followed by more words it is most
            // often an organisation's office (`Vizepräsidentin der Richtervereinigung`, `the
            // leader of Britain's biggest union`).
            let next = doc.tokens.partition_point(|token| token.range.start() < role.range.end());
            let ends = doc.tokens.get(next).is_none_or(|token| token.pos() == Some("PUNCT"));
            let guessed = role.confidence < 0.5;
            let uncoded = named.code.is_none() || named.code == named.country;
            if person(named)
                && uncoded
                && apposed
                && role.form == EntityForm::RoleNoun
                && role.code.is_some()
                && (ends || !guessed)
            {
                let (country, code) = (role.country.clone(), role.code.clone());
                let named = &mut found[index - 1];
                named.entity.country = country;
                named.entity.code = code;
                if explain_enabled(&named.reason) {
                    named.reason.0.push_str("; the role noun in apposition after it gives its code");
                }
            }
        }
        // A short name in brackets right after an organisation's name that the base does not
        // know is its abbreviation (`General Electric (GE)`): the same organisation.
        {
            let (full, short) = (&found[index - 1].entity, &found[index].entity);
            if in_brackets_after(text, full, short)
                && full.entity_type == EntityType::Organization
                && full.code.is_some()
                && short.form == EntityForm::Name
                && short.kb_id.is_none()
                && short.code.is_none()
                && is_abbreviation(doc.slice(short.range))
            {
                let full = full.clone();
                let short = &mut found[index];
                short.entity.entity_type = full.entity_type;
                short.entity.name = full.name;
                short.entity.kb_id = full.kb_id;
                short.entity.country = full.country;
                short.entity.code = full.code;
                short.entity.reading = full.reading;
                if explain_enabled(&short.reason) {
                    short.reason.0.push_str("; the abbreviation of the organisation named before it");
                }
            }
        }
        let (before, rest) = found.split_at_mut(index);
        let (role, named) = (&mut before[index - 1].entity, &mut rest[0].entity);
        // A role noun right before the name of what it describes (`Nachrichtenagentur RIA`,
        // `President Putin`) is that entity.
        if role.form == EntityForm::RoleNoun
            && adjacent
            && named.form == EntityForm::Name
            && named.kb_id.is_some()
            && role.entity_type == named.entity_type
        {
            role.kb_id.clone_from(&named.kb_id);
            role.name.clone_from(&named.name);
            role.role.clone_from(&named.role);
        }
    }
    // A later name the base does not know, written as an earlier one the text described,
    // is that one (`GE` after `General Electric (GE)`; `Doskozil` is done below by surname).
    for index in 1..found.len() {
        let (before, rest) = found.split_at_mut(index);
        let entity = &mut rest[0].entity;
        if entity.form != EntityForm::Name || entity.kb_id.is_some() || entity.code.is_some() {
            continue;
        }
        let words = doc.slice(entity.range);
        if !words.starts_with(char::is_uppercase) {
            continue;
        }
        let earlier = before.iter().rev().map(|mention| &mention.entity).find(|earlier| {
            earlier.form == EntityForm::Name
                && earlier.kb_id.is_none()
                && earlier.code.is_some()
                && earlier.entity_type == entity.entity_type
                && doc.slice(earlier.range) == words
        });
        if let Some(earlier) = earlier {
            entity.name.clone_from(&earlier.name);
            entity.country.clone_from(&earlier.country);
            entity.code.clone_from(&earlier.code);
            entity.reading = earlier.reading;
        }
    }
    // Each person's word count and last word, read once.
    let names: Vec<Option<(usize, &str)>> = found
        .iter()
        .map(|mention| {
            let entity = &mention.entity;
            let words = doc.slice(entity.range).split_whitespace();
            (person(entity) || unknown_name(entity)).then(|| (words.clone().count(), words.last().unwrap_or_default()))
        })
        .collect();
    for index in 0..found.len() {
        let Some((count, last)) = names[index] else { continue };
        if !unknown_name(&found[index].entity) || !person(&found[index].entity) && count > 1 {
            continue;
        }
        // The nearest earlier person whose name has more words and ends the same way, also
        // before a German genitive `-s` (`Andrejews`).
        let genitive = last.strip_suffix('s').filter(|_| doc.meta.lang == Lang::De);
        let earlier = (0..index).rev().find(|&other| {
            person(&found[other].entity)
                && names[other].is_some_and(|(words, end)| words > count && (end == last || genitive == Some(end)))
        });
        if let Some(other) = earlier {
            let full = found[other].entity.clone();
            let entity = &mut found[index].entity;
            entity.entity_type = EntityType::Person;
            entity.name = full.name;
            entity.kb_id = full.kb_id;
            if entity.code.is_none() {
                entity.country = full.country;
                entity.code = full.code;
                entity.role = full.role;
                entity.reading = full.reading;
            }
        }
    }
    // A person the base knows with no role on the document's date (its code the bare
    // country: an undated article, or a role the base lacks) keeps the role the text gave an
    // earlier mention of them (`US-Außenminister John Kerry … Kerry traf`).
    for index in 1..found.len() {
        let (before, rest) = found.split_at_mut(index);
        let entity = &mut rest[0].entity;
        if !person(entity) || entity.kb_id.is_none() || entity.code != entity.country {
            continue;
        }
        let described = before.iter().rev().map(|mention| &mention.entity).find(|earlier| {
            person(earlier)
                && earlier.kb_id == entity.kb_id
                && earlier.country == entity.country
                && earlier.code.as_ref().is_some_and(|code| code.len() > 3)
        });
        if let Some(earlier) = described {
            entity.code.clone_from(&earlier.code);
            entity.role.clone_from(&earlier.role);
            entity.reading = earlier.reading;
        }
    }
}

/// Whether `inner` stands in brackets right after `outer` (`General Electric (GE)`).
fn in_brackets_after(text: &str, outer: &Entity, inner: &Entity) -> bool {
    text.get(outer.range.end() as usize..inner.range.start() as usize).is_some_and(|gap| gap.trim() == "(")
        && text.get(inner.range.end() as usize..).is_some_and(|after| after.starts_with(')'))
}

/// Whether a name is written like an abbreviation: two to six letters or digits, the letters
/// capitals, the first a letter (`GE`, `PKK`, `G7`, `OERAK`).
pub(crate) fn is_abbreviation(words: &str) -> bool {
    let count = words.chars().count();
    (2..=6).contains(&count)
        && words.chars().next().is_some_and(char::is_alphabetic)
        && words.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether reasons are being written (they are empty otherwise).
fn explain_enabled(reason: &Reason) -> bool {
    !reason.0.is_empty()
}

/// How a tagger span meets the base's mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// The same span as a mention: the mention stands, its type checked.
    Same,
    /// Overlaps mentions and is longer than each, none a known full name: it replaces them.
    Replaces,
    /// Overlaps a mention that is as long or longer, or a known full name: it is dropped.
    Dropped,
    /// Overlaps no mention: it becomes an unlinked entity.
    New,
}

/// Whether two entity types agree: the tagger's LOCATION covers the base's places.
fn types_agree(tagger: EntityType, base: EntityType) -> bool {
    use EntityType::{Facility, Gpe, Location};
    tagger == base || tagger == Location && matches!(base, Gpe | Facility)
}

/// Whether a mention is a known full name: linked, of form `name`, and either of several
/// words or the entry's own German or English name.
fn known_full_name(doc: &Document, kb: &Kb, entity: &Entity) -> bool {
    let Some(entry) = entity.kb_id.as_deref().and_then(|id| kb.get(id)) else {
        return false;
    };
    if entity.form != EntityForm::Name {
        return false;
    }
    let key = lagebild_kb::key_of(doc.slice(entity.range));
    key.contains(' ') || key == lagebild_kb::key_of(&entry.name_de) || key == lagebild_kb::key_of(&entry.name_en)
}

/// Whether a German mention is a name in the genitive (`Lawrows`, `Nordkoreas`): a linked name
/// whose words are an inflected form of its entry, or its entry's name with `-s`.
fn german_genitive(doc: &Document, kb: &Kb, entity: &Entity) -> bool {
    if doc.meta.lang != Lang::De || entity.form != EntityForm::Name {
        return false;
    }
    let Some(entry) = entity.kb_id.as_deref().and_then(|id| kb.index_of(id)) else {
        return false;
    };
    let key = lagebild_kb::key_of(doc.slice(entity.range));
    let of_entry = |key: &str, form: NameForm| kb.lookup(key).iter().any(|hit| hit.entry == entry && hit.form == form);
    of_entry(&key, NameForm::Genitive) || key.strip_suffix('s').is_some_and(|stem| of_entry(stem, NameForm::Name))
}

/// How `span` meets the mentions in `found`, with the indices of those it overlaps.
pub fn classify<E: std::borrow::Borrow<Entity>>(
    doc: &Document,
    kb: &Kb,
    found: &[E],
    span: &TaggedSpan,
) -> (Merge, Vec<usize>) {
    let mention = |index: usize| -> &Entity { found[index].borrow() };
    // A German genitive name before a noun is its attribute, not the start of a longer name:
    // `Lawrows Besuch`, `Nordkoreas Raumfahrtprogramm` (the tagger reads either as one name,
    // or the noun alone as a name).
    let text = doc.text();
    let attribute = found.iter().map(std::borrow::Borrow::borrow).any(|mention: &Entity| {
        let (start, end) = (mention.range.start(), mention.range.end());
        let before_span = end <= span.range.start()
            && text.get(end as usize..span.range.start() as usize).is_some_and(|gap| gap.trim().is_empty());
        let starts_span = start == span.range.start() && end < span.range.end();
        (before_span || starts_span) && german_genitive(doc, kb, mention)
    });
    let overlapping: Vec<usize> = (0..found.len())
        .filter(|&index| {
            let e = mention(index);
            e.range.start() < span.range.end() && span.range.start() < e.range.end()
        })
        .collect();
    if attribute {
        return (Merge::Dropped, overlapping);
    }
    if overlapping.is_empty() {
        return (Merge::New, overlapping);
    }
    if overlapping.iter().any(|&index| mention(index).range == span.range) {
        return (Merge::Same, overlapping);
    }
    // The names in a compound (`US-led`, `Putin-Kim-Gipfeltreffen`) are what it says of
    // actors; the compound as a whole names nothing the base could link.
    if overlapping.iter().all(|&index| mention(index).form == EntityForm::CompoundPart) {
        return (Merge::Dropped, overlapping);
    }
    // A person's name of several words made of towns' names (`Charles Kennedy`, `Michael
    // Howard`, `David Graham`, `Martin Campbell`: a district of Bogotá, a town in Wisconsin, in
    // Panama, in Slovakia and in California) is the person's, though each town's name is its
    // full name.
    let person_over_towns = span.entity_type == EntityType::Person
        && text.get(span.range.start() as usize..span.range.end() as usize).is_some_and(|words| words.contains(' '))
        && overlapping.iter().all(|&index| {
            let mention = mention(index);
            mention.entity_type == EntityType::Gpe
                && mention.kb_id.as_deref().is_some_and(|id| id.starts_with("geo:"))
                && span.range.contains_range(mention.range)
                && mention.range.len() < span.range.len()
        });
    let longer = person_over_towns
        || overlapping.iter().all(|&index| {
            let mention = mention(index);
            span.range.len() > mention.range.len() && !known_full_name(doc, kb, mention)
        });
    (if longer { Merge::Replaces } else { Merge::Dropped }, overlapping)
}

/// Merges a tagger's spans into the base's mentions (the rules of the crate overview).
fn merge(doc: &Document, kb: &Kb, found: &mut Vec<Explained>, tagged: &[TaggedSpan]) {
    let text = doc.text();
    for span in tagged {
        if span.range.end() as usize > text.len()
            || !text.is_char_boundary(span.range.start() as usize)
            || !text.is_char_boundary(span.range.end() as usize)
            || span.range.is_empty()
        {
            continue;
        }
        let span = &company_by_last_word(doc, kb, &without_honorific(doc, kb, span));
        match classify(doc, kb, found, span) {
            (Merge::Same, overlapping) => {
                for index in overlapping {
                    let mention = &mut found[index];
                    // Adjectives, demonyms and role nouns are not names in the tagger's
                    // training data (CoNLL counts `Egyptian` as MISC): no type to check.
                    if mention.entity.range != span.range || mention.entity.form != EntityForm::Name {
                        continue;
                    }
                    let confidence = span.confidence.clamp(0.0, 1.0);
                    let before = mention.entity.confidence;
                    if types_agree(span.entity_type, mention.entity.entity_type) {
                        mention.entity.confidence = 1.0 - (1.0 - before) * (1.0 - 0.5 * confidence);
                        if !mention.reason.0.is_empty() {
                            mention.reason.0.push_str("; the tagger agrees");
                        }
                    } else {
                        mention.entity.confidence = before * (1.0 - 0.3 * confidence);
                        if !mention.reason.0.is_empty() {
                            mention.reason.0.push_str(&format!("; the tagger says {}", span.entity_type));
                        }
                    }
                }
            }
            (Merge::Replaces, overlapping) => {
                for index in overlapping.into_iter().rev() {
                    found.remove(index);
                }
                found.push(recognize::tagged(doc, kb, span, true));
            }
            (Merge::Dropped, _) => {}
            (Merge::New, _) => found.push(recognize::tagged(doc, kb, span, false)),
        }
    }
}

/// A mention no step gave a reading (the tagger's names, names linked with too little
/// support) stands for what its type names: a person, an organisation, a place.
fn plain_readings(found: &mut [Explained]) {
    for mention in found.iter_mut().filter(|mention| mention.entity.reading.is_none()) {
        mention.entity.reading = match mention.entity.entity_type {
            EntityType::Person => Some(Reading::Person),
            EntityType::Organization => Some(Reading::Organization),
            EntityType::Gpe | EntityType::Location | EntityType::Facility => Some(Reading::Place),
            EntityType::Other => None,
        };
    }
}

/// A span without the honorific it starts with (`Ms Short` → `Short`, `Herr Müller`: class
/// `honorific` of `resources/kb/context_words.tsv`), so that the surname meets the full name
/// it stands for; what an honorific names is a person, whatever type the tagger gave.
fn without_honorific(doc: &Document, kb: &Kb, span: &TaggedSpan) -> TaggedSpan {
    let mut span = span.clone();
    let start = doc.tokens.partition_point(|token| token.range.start() < span.range.start());
    let (Some(first), Some(next)) = (doc.tokens.get(start), doc.tokens.get(start + 1)) else { return span };
    let word = doc.slice(first.range).trim_end_matches('.').to_lowercase();
    if first.range.start() == span.range.start()
        && next.range.end() <= span.range.end()
        && kb.is_context(doc.meta.lang, ContextClass::Honorific, &word)
    {
        span.range = TextRange::new(next.range.start(), span.range.end());
        span.entity_type = EntityType::Person;
    }
    span
}

/// A span of several words whose last word names a kind of company (`Burren Energy`,
/// `Deutsche Bank`, `Siemens AG`: class `company_word` of `resources/kb/context_words.tsv`)
/// is an organisation, whatever type the tagger gave.
fn company_by_last_word(doc: &Document, kb: &Kb, span: &TaggedSpan) -> TaggedSpan {
    let mut span = span.clone();
    let words = doc.slice(span.range);
    if let Some((_, last)) = words.rsplit_once(' ')
        && kb.is_context(doc.meta.lang, ContextClass::CompanyWord, &last.trim_end_matches('.').to_lowercase())
    {
        span.entity_type = EntityType::Organization;
    }
    span
}

/// Mentions of the same entry, or unlinked mentions with the same words, share a cluster.
fn assign_clusters(found: &mut [Explained]) {
    // Keys borrowed from the mentions where they can be (ids), then the clusters written.
    let mut clusters: HashMap<std::borrow::Cow<'_, str>, u32> = HashMap::new();
    let assigned: Vec<Option<u32>> = found
        .iter()
        .map(|mention| {
            let key = match (&mention.entity.kb_id, &mention.entity.name) {
                (Some(id), _) => std::borrow::Cow::Borrowed(id.as_str()),
                (None, Some(name)) => std::borrow::Cow::Owned(format!("name:{}", name.to_lowercase())),
                (None, None) => return None,
            };
            let next = clusters.len() as u32;
            Some(*clusters.entry(key).or_insert(next))
        })
        .collect();
    for (mention, cluster) in found.iter_mut().zip(assigned) {
        if cluster.is_some() {
            mention.entity.cluster = cluster;
        }
    }
}
