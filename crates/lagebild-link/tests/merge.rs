//! The merge of the statistical tagger's spans with the base's mentions (`docs/ner.md`):
//! one test per rule.

mod support;

use chrono::NaiveDate;
use lagebild_doc::{Document, Entity, EntityForm, EntityType, Lang, TextRange};
use lagebild_link::{Merge, TaggedSpan};

fn doc(text: &str, lang: Lang) -> Document {
    support::document(text, lang, NaiveDate::from_ymd_opt(2023, 10, 19))
}

/// The tagger span over the first occurrence of `words`.
fn span(doc: &Document, words: &str, entity_type: EntityType) -> TaggedSpan {
    let start = doc.text().find(words).expect("the words are in the text") as u32;
    TaggedSpan { range: TextRange::new(start, start + words.len() as u32), entity_type, confidence: 0.9 }
}

/// The tagger span over the last occurrence of `words` (a later mention by surname).
fn last_span(doc: &Document, words: &str, entity_type: EntityType) -> TaggedSpan {
    let start = doc.text().rfind(words).expect("the words are in the text") as u32;
    TaggedSpan { range: TextRange::new(start, start + words.len() as u32), entity_type, confidence: 0.9 }
}

fn with<'a>(doc: &Document, entities: &'a [Entity], words: &str) -> Vec<&'a Entity> {
    entities.iter().filter(|e| doc.slice(e.range) == words).collect()
}

#[test]
fn same_span_keeps_the_link_and_checks_the_type() {
    let kb = &support::loaded().kb;
    let doc = doc("Lawrow traf Kim Jong Un in Pjöngjang.", Lang::De);
    let alone = lagebild_link::entities(&doc, kb);
    let before = with(&doc, &alone, "Lawrow")[0].clone();
    assert_eq!(before.kb_id.as_deref(), Some("person:sergey-lavrov"));
    let tagged = span(&doc, "Lawrow", EntityType::Person);
    assert_eq!(lagebild_link::classify(&doc, kb, &alone, &tagged).0, Merge::Same);
    // The tagger agrees: the link stands, the confidence rises.
    let merged = lagebild_link::entities_with(&doc, kb, &[tagged]);
    let agreed = with(&doc, &merged, "Lawrow");
    assert_eq!(agreed.len(), 1);
    assert_eq!(agreed[0].kb_id, before.kb_id);
    assert_eq!(agreed[0].entity_type, EntityType::Person);
    assert!(agreed[0].confidence >= before.confidence, "{} < {}", agreed[0].confidence, before.confidence);
    // The tagger disagrees: the link and type still stand, the confidence falls.
    let merged = lagebild_link::entities_with(&doc, kb, &[span(&doc, "Lawrow", EntityType::Organization)]);
    let disputed = with(&doc, &merged, "Lawrow");
    assert_eq!(disputed[0].kb_id, before.kb_id);
    assert_eq!(disputed[0].entity_type, EntityType::Person);
    assert!(disputed[0].confidence < before.confidence);
}

#[test]
fn a_longer_tagger_span_replaces_a_short_name() {
    let kb = &support::loaded().kb;
    let doc = doc("Putin Junior eröffnete am Montag ein Restaurant.", Lang::De);
    let alone = lagebild_link::entities(&doc, kb);
    let putin = with(&doc, &alone, "Putin");
    assert_eq!(putin.len(), 1, "the base finds the surname: {alone:?}");
    let tagged = span(&doc, "Putin Junior", EntityType::Person);
    assert_eq!(lagebild_link::classify(&doc, kb, &alone, &tagged).0, Merge::Replaces);
    let merged = lagebild_link::entities_with(&doc, kb, &[tagged]);
    assert!(with(&doc, &merged, "Putin").is_empty());
    let junior = with(&doc, &merged, "Putin Junior");
    assert_eq!(junior.len(), 1);
    assert_eq!(junior[0].kb_id, None);
    assert_eq!(junior[0].entity_type, EntityType::Person);
}

#[test]
fn a_known_full_name_stands_against_a_longer_span() {
    let kb = &support::loaded().kb;
    let doc = doc("Das sagte Kim Jong Un Junior gestern.", Lang::De);
    let alone = lagebild_link::entities(&doc, kb);
    let kim = with(&doc, &alone, "Kim Jong Un");
    assert_eq!(kim[0].kb_id.as_deref(), Some("person:kim-jong-un"), "{alone:?}");
    let tagged = span(&doc, "Kim Jong Un Junior", EntityType::Person);
    assert_eq!(lagebild_link::classify(&doc, kb, &alone, &tagged).0, Merge::Dropped);
    let merged = lagebild_link::entities_with(&doc, kb, &[tagged]);
    assert_eq!(with(&doc, &merged, "Kim Jong Un")[0].kb_id, kim[0].kb_id);
    assert!(with(&doc, &merged, "Kim Jong Un Junior").is_empty());
}

#[test]
fn a_shorter_tagger_span_inside_a_mention_is_dropped() {
    let kb = &support::loaded().kb;
    let doc = doc("Kim Jong Un empfing den Gast.", Lang::De);
    let alone = lagebild_link::entities(&doc, kb);
    let tagged = span(&doc, "Jong Un", EntityType::Person);
    assert_eq!(lagebild_link::classify(&doc, kb, &alone, &tagged).0, Merge::Dropped);
    let merged = lagebild_link::entities_with(&doc, kb, &[tagged]);
    assert_eq!(with(&doc, &merged, "Kim Jong Un")[0].kb_id.as_deref(), Some("person:kim-jong-un"));
    assert!(with(&doc, &merged, "Jong Un").is_empty());
}

#[test]
fn tagger_only_names_are_unlinked_entities_with_a_type() {
    let kb = &support::loaded().kb;
    let doc = doc("Igor Konaschenkow von Fursan al-Hak traf Lawrow.", Lang::De);
    let tagged =
        [span(&doc, "Igor Konaschenkow", EntityType::Person), span(&doc, "Fursan al-Hak", EntityType::Organization)];
    let alone = lagebild_link::entities(&doc, kb);
    assert_eq!(lagebild_link::classify(&doc, kb, &alone, &tagged[0]).0, Merge::New);
    let merged = lagebild_link::entities_with(&doc, kb, &tagged);
    for (words, entity_type) in [("Igor Konaschenkow", EntityType::Person), ("Fursan al-Hak", EntityType::Organization)]
    {
        let found = with(&doc, &merged, words);
        assert_eq!(found.len(), 1, "{words}");
        assert_eq!(found[0].kb_id, None);
        assert_eq!(found[0].form, EntityForm::Name);
        assert_eq!(found[0].entity_type, entity_type);
        assert_eq!(found[0].name.as_deref(), Some(words));
    }
}

#[test]
fn base_only_mentions_stay() {
    let kb = &support::loaded().kb;
    let doc = doc("Igor Konaschenkow traf Lawrow in Moskau.", Lang::De);
    let alone = lagebild_link::entities(&doc, kb);
    assert!(alone.len() >= 2, "{alone:?}");
    let merged = lagebild_link::entities_with(&doc, kb, &[span(&doc, "Igor Konaschenkow", EntityType::Person)]);
    for mention in &alone {
        assert!(merged.iter().any(|e| e.range == mention.range && e.kb_id == mention.kb_id), "{mention:?} lost");
    }
}

#[test]
fn a_german_genitive_name_is_the_attribute_of_the_noun_after_it() {
    let kb = &support::loaded().kb;
    let doc = doc("Lawrows Besuch folgt auf Hilfe für Nordkoreas Raumfahrtprogramm.", Lang::De);
    let alone = lagebild_link::entities(&doc, kb);
    assert_eq!(with(&doc, &alone, "Lawrows")[0].kb_id.as_deref(), Some("person:sergey-lavrov"), "{alone:?}");
    assert_eq!(with(&doc, &alone, "Nordkoreas")[0].kb_id.as_deref(), Some("country:PRK"), "{alone:?}");
    // A span that runs on from the genitive, and one that starts right after it.
    let longer = span(&doc, "Lawrows Besuch", EntityType::Person);
    let after = span(&doc, "Raumfahrtprogramm", EntityType::Organization);
    assert_eq!(lagebild_link::classify(&doc, kb, &alone, &longer).0, Merge::Dropped);
    assert_eq!(lagebild_link::classify(&doc, kb, &alone, &after).0, Merge::Dropped);
    let merged = lagebild_link::entities_with(&doc, kb, &[longer, after]);
    assert_eq!(merged, alone);
    // A name after a nominative name is not an attribute: it stays the tagger's.
    let doc = self::doc("Lawrow Berater Igor Konaschenkow sprach.", Lang::De);
    let alone = lagebild_link::entities(&doc, kb);
    let name = span(&doc, "Igor Konaschenkow", EntityType::Person);
    assert_eq!(lagebild_link::classify(&doc, kb, &alone, &name).0, Merge::New);
}

#[test]
fn a_person_the_base_does_not_know_takes_the_code_of_the_role_noun_before_and_keeps_it() {
    let kb = &support::loaded().kb;
    let doc = doc(
        "Der griechische Verteidigungsminister Panos Kammenos warf der Türkei Provokationen vor. Kammenos drohte.",
        Lang::De,
    );
    let tagged = [span(&doc, "Panos Kammenos", EntityType::Person), last_span(&doc, "Kammenos", EntityType::Person)];
    let merged = lagebild_link::entities_with(&doc, kb, &tagged);
    let people: Vec<&Entity> = merged.iter().filter(|e| e.kb_id.is_none() && e.form == EntityForm::Name).collect();
    assert_eq!(people.len(), 2, "{merged:?}");
    for person in &people {
        assert_eq!(person.country.as_deref(), Some("GRC"), "{person:?}");
        assert!(person.code.as_deref().is_some_and(|code| code.starts_with("GRC")), "{person:?}");
    }
    assert_eq!(people[1].name.as_deref(), Some("Panos Kammenos"), "the surname is the same person");
    assert_eq!(people[0].cluster, people[1].cluster);
}

#[test]
fn a_person_with_a_party_in_brackets_is_its_member_and_so_is_the_later_surname() {
    let kb = &support::loaded().kb;
    let party_doc = doc("Hans Peter Doskozil (SPÖ) lobt die Polizei. Doskozil drängt auf Reformen.", Lang::De);
    let tagged = [span(&party_doc, "Hans Peter Doskozil", EntityType::Person)];
    let merged = lagebild_link::entities_with(&party_doc, kb, &tagged);
    let full = with(&party_doc, &merged, "Hans Peter Doskozil");
    assert_eq!(full.len(), 1, "{merged:?}");
    assert_eq!(full[0].code.as_deref(), Some("AUTPTY"), "{merged:?}");
    assert_eq!(full[0].country.as_deref(), Some("AUT"));
    let surname = with(&party_doc, &merged, "Doskozil");
    assert_eq!(surname.len(), 1, "{merged:?}");
    assert_eq!(surname[0].code.as_deref(), Some("AUTPTY"));
    // A role noun before the name says more than the party: its code stands.
    let minister_doc = doc("Der österreichische Innenminister Wolfgang Sobotka (ÖVP) kam nach Linz.", Lang::De);
    let tagged = [span(&minister_doc, "Wolfgang Sobotka", EntityType::Person)];
    let merged = lagebild_link::entities_with(&minister_doc, kb, &tagged);
    let minister = with(&minister_doc, &merged, "Wolfgang Sobotka");
    assert_eq!(minister.len(), 1, "{merged:?}");
    assert_eq!(minister[0].code.as_deref(), Some("AUTGOV"), "{merged:?}");
}

#[test]
fn a_person_after_an_organisations_office_in_a_compound_is_its_member_and_so_is_the_later_surname() {
    let kb = &support::loaded().kb;
    let member_doc = doc("Der PSOE-Vorsitzende Pedro Sanchez lehnte ab. Sanchez will verhandeln.", Lang::De);
    let tagged =
        [span(&member_doc, "Pedro Sanchez", EntityType::Person), last_span(&member_doc, "Sanchez", EntityType::Person)];
    let merged = lagebild_link::entities_with(&member_doc, kb, &tagged);
    let full = with(&member_doc, &merged, "Pedro Sanchez");
    assert_eq!(full.len(), 1, "{merged:?}");
    assert_eq!(full[0].code.as_deref(), Some("ESPPTY"), "{merged:?}");
    let surname = with(&member_doc, &merged, "Sanchez");
    assert_eq!(surname.len(), 1, "{merged:?}");
    assert_eq!(surname[0].code.as_deref(), Some("ESPPTY"));
    // A country's compound says nothing of membership (`Russland-Experte`), nor does a noun
    // of another class after an organisation (`SPÖ-Wähler`).
    for (text, name) in [
        ("Der Russland-Experte Hans Maier sagte das.", "Hans Maier"),
        ("Der SPÖ-Wähler Hans Maier sagte das.", "Hans Maier"),
    ] {
        let other_doc = doc(text, Lang::De);
        let tagged = [span(&other_doc, name, EntityType::Person)];
        let merged = lagebild_link::entities_with(&other_doc, kb, &tagged);
        let person = with(&other_doc, &merged, name);
        assert_eq!(person.len(), 1, "{merged:?}");
        assert_eq!(person[0].code, None, "{text}: {merged:?}");
    }
}

#[test]
fn an_organisation_after_a_role_noun_takes_its_code_and_so_do_its_abbreviation_and_later_mentions() {
    let kb = &support::loaded().kb;
    let doc = doc(
        "Gewerkschaften protestierten beim US-Industriekonzern General Electric (GE). GE baut Stellen ab.",
        Lang::De,
    );
    let tagged = [
        span(&doc, "General Electric", EntityType::Organization),
        span(&doc, "GE", EntityType::Organization),
        last_span(&doc, "GE", EntityType::Organization),
    ];
    let merged = lagebild_link::entities_with(&doc, kb, &tagged);
    let company = with(&doc, &merged, "General Electric");
    assert_eq!(company.len(), 1, "{merged:?}");
    assert_eq!(company[0].code.as_deref(), Some("USABUS"), "{merged:?}");
    let short = with(&doc, &merged, "GE");
    assert_eq!(short.len(), 2, "{merged:?}");
    for mention in short {
        assert_eq!(mention.code.as_deref(), Some("USABUS"), "{merged:?}");
        assert_eq!(mention.name.as_deref(), Some("General Electric"));
    }
}

#[test]
fn the_role_of_an_unknown_abbreviation_is_an_organisations_not_the_articles_government() {
    let kb = &support::loaded().kb;
    let doc = doc("Das Innenministerium in Wien plant Reformen. Das lehnte OERAK-Präsident Wolff ab.", Lang::De);
    let merged = lagebild_link::entities_with(&doc, kb, &[span(&doc, "Wolff", EntityType::Person)]);
    assert!(with(&doc, &merged, "OERAK-Präsident").is_empty(), "{merged:?}");
    let person = with(&doc, &merged, "Wolff");
    assert_eq!(person.len(), 1, "{merged:?}");
    assert_eq!(person[0].code, None, "{merged:?}");
}

#[test]
fn a_role_noun_in_apposition_after_a_name_describes_the_person() {
    let kb = &support::loaded().kb;
    let doc = doc(
        "Griechenland räumt das Lager. Griechenland und Griechenland. In Griechenland protestieren viele. \
         Nikos Toskas, der Bürgerschutzminister, lässt das Lager räumen. Toskas drohte.",
        Lang::De,
    );
    let merged = lagebild_link::entities_with(&doc, kb, &[span(&doc, "Nikos Toskas", EntityType::Person)]);
    let full = with(&doc, &merged, "Nikos Toskas");
    assert_eq!(full.len(), 1, "{merged:?}");
    assert_eq!(full[0].code.as_deref(), Some("GRCGOV"), "{merged:?}");
    assert_eq!(with(&doc, &merged, "Toskas")[0].code.as_deref(), Some("GRCGOV"), "{merged:?}");
    // A relative clause after the comma describes nothing of the kind.
    let relative = doc_of("Pedro Sanchez, der von König Felipe mit der Regierungsbildung betraut wurde, sprach.");
    let merged = lagebild_link::entities_with(&relative, kb, &[span(&relative, "Pedro Sanchez", EntityType::Person)]);
    assert_eq!(with(&relative, &merged, "Pedro Sanchez")[0].code, None, "{merged:?}");
}

fn doc_of(text: &str) -> Document {
    doc(text, Lang::De)
}

#[test]
fn a_later_surname_no_one_found_is_the_person_named_before() {
    let kb = &support::loaded().kb;
    let doc = doc(
        "Der griechische Verteidigungsminister Panos Kammenos kam nach Kos. Kammenos warf der Türkei Vertragsbruch vor.",
        Lang::De,
    );
    let merged = lagebild_link::entities_with(&doc, kb, &[span(&doc, "Panos Kammenos", EntityType::Person)]);
    let surname = with(&doc, &merged, "Kammenos");
    assert_eq!(surname.len(), 1, "{merged:?}");
    let full = with(&doc, &merged, "Panos Kammenos");
    assert_eq!(surname[0].entity_type, EntityType::Person);
    assert_eq!(surname[0].cluster, full[0].cluster);
    assert_eq!(surname[0].code.as_deref(), Some("GRCMIL"));
}

/// The base knows Grzegorz Schetyna, but with no role at the document date (2023): the role
/// noun before the name gives him his code, and the later surname the base does not link is
/// the same person, with the same link.
#[test]
fn a_known_person_without_a_role_at_the_date_takes_the_role_noun_before_and_the_surname_joins_him() {
    let kb = &support::loaded().kb;
    let doc = doc(
        "Der polnische Außenminister Grzegorz Schetyna bestellte den Botschafter ein. Schetyna warf Russland Lügen vor.",
        Lang::De,
    );
    let tagged = [span(&doc, "Grzegorz Schetyna", EntityType::Person), last_span(&doc, "Schetyna", EntityType::Person)];
    let merged = lagebild_link::entities_with(&doc, kb, &tagged);
    let full = with(&doc, &merged, "Grzegorz Schetyna");
    assert_eq!(full[0].kb_id.as_deref(), Some("person:grzegorz-schetyna"), "{merged:?}");
    assert_eq!(full[0].code.as_deref(), Some("POLGOV"));
    let surname = with(&doc, &merged, "Schetyna");
    assert_eq!(surname.len(), 1, "{merged:?}");
    assert_eq!(surname[0].kb_id, full[0].kb_id);
    assert_eq!(surname[0].cluster, full[0].cluster);
    assert_eq!(surname[0].code.as_deref(), Some("POLGOV"));
}

#[test]
fn a_name_before_a_noun_the_tagger_calls_a_name_stays_linked_where_the_tagger_reads_it_alone() {
    let kb = &support::loaded().kb;
    let doc = doc("Die Miliz setzt im Irak Senfgas ein.", Lang::De);
    let merged = lagebild_link::entities_with(&doc, kb, &[span(&doc, "Irak", EntityType::Location)]);
    let iraq = with(&doc, &merged, "Irak");
    assert_eq!(iraq.len(), 1, "{merged:?}");
    assert_eq!(iraq[0].kb_id.as_deref(), Some("country:IRQ"));
}

#[test]
fn without_the_tagger_a_name_before_an_unknown_proper_noun_is_not_linked() {
    let kb = &support::loaded().kb;
    let doc = doc("Die Miliz setzt im Irak Senfgas ein.", Lang::De);
    let alone = lagebild_link::entities(&doc, kb);
    assert!(with(&doc, &alone, "Irak").iter().all(|entity| entity.kb_id.is_none()), "{alone:?}");
}

/// A span that starts with an honorific loses it and names a person, whatever type the tagger
/// gave (`Ms Short` as an organisation); its surname then meets the full name before it. A
/// tagger span around a compound's names leaves the names standing (`US-led`).
#[test]
fn honorifics_are_dropped_and_compound_parts_stand() {
    let kb = &support::loaded().kb;
    let doc = doc("Clare Short criticised the US-led coalition. Ms Short said so.", Lang::En);
    let tagged = [
        span(&doc, "Clare Short", EntityType::Person),
        span(&doc, "US-led", EntityType::Other),
        span(&doc, "Ms Short", EntityType::Organization),
    ];
    let merged = lagebild_link::entities_with(&doc, kb, &tagged);
    let short = with(&doc, &merged, "Short");
    assert_eq!(short.len(), 1, "{merged:?}");
    assert_eq!(short[0].entity_type, EntityType::Person);
    assert_eq!(short[0].kb_id.as_deref(), Some("person:clare-short"));
    assert!(with(&doc, &merged, "US-led").is_empty(), "{merged:?}");
    let us = with(&doc, &merged, "US");
    assert_eq!(us[0].kb_id.as_deref(), Some("country:USA"));
    // A country in a compound is a party to what it says: its state.
    assert_eq!((us[0].reading, us[0].code.as_deref()), (Some(lagebild_doc::Reading::Government), Some("USAGOV")));
}

/// A span whose last word names a kind of company is an organisation, whatever type the
/// tagger gave (`Burren Energy` read as a person).
#[test]
fn a_company_word_at_the_end_makes_an_organisation() {
    let kb = &support::loaded().kb;
    let doc = doc("The deal gives Burren Energy access to the market.", Lang::En);
    let merged = lagebild_link::entities_with(&doc, kb, &[span(&doc, "Burren Energy", EntityType::Person)]);
    let company = with(&doc, &merged, "Burren Energy");
    assert_eq!(company.len(), 1, "{merged:?}");
    assert_eq!(company[0].entity_type, EntityType::Organization);
    assert_eq!(company[0].reading, Some(lagebild_doc::Reading::Organization));
}

/// A person's name of several words the tagger finds over full names of towns the base knows
/// (`Kennedy`, a district of Bogotá; `Howard`, a town in Wisconsin; `David`, in Panama) is
/// the person's.
#[test]
fn a_person_whose_name_is_made_of_towns_is_the_person() {
    let kb = &support::loaded().kb;
    let doc = doc("Conservative leader Michael Howard attacked Charles Kennedy and David Graham.", Lang::En);
    // The base alone leaves out a town beside another proper noun (`docs/kb.md`); where the
    // tagging of the first name lets it find the town, the tagger's person replaces it.
    let alone = lagebild_link::entities(&doc, kb);
    let tagged = [
        span(&doc, "Michael Howard", EntityType::Person),
        span(&doc, "Charles Kennedy", EntityType::Person),
        span(&doc, "David Graham", EntityType::Person),
    ];
    for span in &tagged {
        let (merge, overlapping) = lagebild_link::classify(&doc, kb, &alone, span);
        assert!(merge == Merge::Replaces || overlapping.is_empty() && merge == Merge::New, "{merge:?}");
    }
    let merged = lagebild_link::entities_with(&doc, kb, &tagged);
    assert!(with(&doc, &merged, "Howard").is_empty() && with(&doc, &merged, "Kennedy").is_empty());
    assert!(with(&doc, &merged, "David").is_empty());
    for name in ["Michael Howard", "Charles Kennedy", "David Graham"] {
        assert_eq!(with(&doc, &merged, name)[0].entity_type, EntityType::Person, "{name}");
    }
    // A town's name at the start of a person's stays a town where the tagger says so.
    let doc = self::doc("Howard Beach voted on Monday.", Lang::En);
    let alone = lagebild_link::entities(&doc, kb);
    let tagged = span(&doc, "Howard Beach", EntityType::Gpe);
    assert_ne!(lagebild_link::classify(&doc, kb, &alone, &tagged).0, Merge::Replaces);
}
