//! Recognition, linking, metonymy and coreference on short texts of our own.

mod support;

use chrono::NaiveDate;
use lagebild_doc::{Entity, EntityForm, Lang, Reading};
use proptest::prelude::*;

fn run(text: &str, lang: Lang, date: Option<(i32, u32, u32)>) -> (lagebild_doc::Document, Vec<Entity>) {
    let date = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
    let doc = support::document(text, lang, date);
    let entities = lagebild_link::entities(&doc, &support::loaded().kb);
    (doc, entities)
}

fn find<'a>(doc: &lagebild_doc::Document, entities: &'a [Entity], words: &str) -> Vec<&'a Entity> {
    entities.iter().filter(|e| doc.slice(e.range) == words).collect()
}

#[test]
fn english_names_adjectives_and_metonymy() {
    let (doc, entities) = run(
        "Moscow said on Tuesday that Russian troops had left. Officials in Washington denied it, and the U.S. Navy sent ships to South Korea.",
        Lang::En,
        Some((2023, 10, 19)),
    );
    let moscow = find(&doc, &entities, "Moscow");
    assert_eq!(moscow[0].reading, Some(Reading::Government));
    assert_eq!(moscow[0].code.as_deref(), Some("RUSGOV"));
    let russian = find(&doc, &entities, "Russian");
    assert_eq!(russian[0].form, EntityForm::Adjective);
    assert_eq!(russian[0].code.as_deref(), Some("RUSMIL"));
    let washington = find(&doc, &entities, "Washington");
    assert_eq!(washington[0].reading, Some(Reading::Place));
    assert_eq!(find(&doc, &entities, "South Korea")[0].kb_id.as_deref(), Some("country:KOR"));
    assert_eq!(find(&doc, &entities, "U.S.")[0].code.as_deref(), Some("USAMIL"));
}

/// A country's name that is also its people's plural (`Ungarn`, `Polen`) names the people
/// after a number or a word of number, and the country elsewhere.
#[test]
fn a_counted_country_name_is_its_people() {
    let (doc, entities) = run(
        "Tausende Ungarn protestierten. 200 Polen reisten nach Ungarn. Polen kritisierte die Regierung.",
        Lang::De,
        Some((2016, 1, 10)),
    );
    let hungarians = &find(&doc, &entities, "Ungarn")[0];
    assert_eq!((hungarians.form, hungarians.reading), (EntityForm::Demonym, Some(Reading::People)));
    assert_eq!(hungarians.code.as_deref(), Some("HUN"));
    let poles = find(&doc, &entities, "Polen");
    assert_eq!((poles[0].form, poles[0].reading), (EntityForm::Demonym, Some(Reading::People)));
    assert_eq!((poles[1].form, poles[1].code.as_deref()), (EntityForm::Name, Some("POLGOV")));
    assert_eq!(find(&doc, &entities, "Ungarn")[1].reading, Some(Reading::Place));
}

/// A prefix of direction before a country's name in one word names a region of it
/// (`Ostukraine`): a place in that country, not linked to the country; `Nordirland` is the
/// United Kingdom's. The government's own forces keep the military's sector.
#[test]
fn regions_by_direction_and_the_governments_forces() {
    let (doc, entities) = run(
        "In der Ostukraine kämpfen russische Regierungstruppen. In Nordirland blieb es ruhig.",
        Lang::De,
        Some((2016, 1, 10)),
    );
    let region = &find(&doc, &entities, "Ostukraine")[0];
    assert_eq!(region.kb_id, None);
    assert_eq!(region.country.as_deref(), Some("UKR"));
    assert_eq!(region.reading, Some(Reading::Place));
    assert_eq!(find(&doc, &entities, "Nordirland")[0].country.as_deref(), Some("GBR"));
    assert_eq!(find(&doc, &entities, "Regierungstruppen")[0].code.as_deref(), Some("RUSMIL"));
}

#[test]
fn role_nouns_resolve_to_the_holder_at_the_document_date_and_corefer() {
    let text = "Der russische Außenminister traf Wang Yi. Lawrow sagte, man sei sich einig.";
    let (doc, entities) = run(text, Lang::De, Some((2023, 10, 19)));
    let minister = find(&doc, &entities, "Außenminister");
    assert_eq!(minister[0].form, EntityForm::RoleNoun);
    assert_eq!(minister[0].kb_id.as_deref(), Some("person:sergey-lavrov"));
    let lavrov = find(&doc, &entities, "Lawrow");
    assert_eq!(lavrov[0].cluster, minister[0].cluster);
    assert_eq!(find(&doc, &entities, "Wang Yi")[0].role.as_deref(), Some("Minister of Foreign Affairs of China"));
    // Without a document date, no holder is guessed: the role noun stands for its country's
    // institution.
    let (doc, entities) = run(text, Lang::De, None);
    assert_eq!(find(&doc, &entities, "Außenminister")[0].kb_id.as_deref(), Some("country:RUS"));
    assert_eq!(find(&doc, &entities, "Lawrow")[0].role, None);
}

#[test]
fn a_definite_role_noun_refers_to_the_holder_mentioned_before() {
    let (doc, entities) = run(
        "Putin met Olaf Scholz on Wednesday. The president said the talks went well.",
        Lang::En,
        Some((2023, 9, 13)),
    );
    let president = find(&doc, &entities, "president");
    assert_eq!(president[0].kb_id.as_deref(), Some("person:vladimir-putin"));
    assert_eq!(president[0].cluster, find(&doc, &entities, "Putin")[0].cluster);
}

#[test]
fn short_forms_corefer_with_full_names() {
    let (doc, entities) =
        run("Kim Jong Un empfing Putin. Kim sagte, die Beziehungen seien eng.", Lang::De, Some((2023, 9, 13)));
    let full = find(&doc, &entities, "Kim Jong Un")[0];
    let short = find(&doc, &entities, "Kim")[0];
    assert_eq!(full.kb_id.as_deref(), Some("person:kim-jong-un"));
    assert_eq!(short.cluster, full.cluster);
}

#[test]
fn ambiguous_names_need_support_from_the_context() {
    let (doc, entities) = run("Jordan scored twenty points for the Bulls.", Lang::En, Some((1996, 5, 1)));
    let jordan = find(&doc, &entities, "Jordan");
    assert!(jordan.iter().all(|e| e.kb_id.is_none() && e.confidence < 0.5), "{jordan:?}");
    let (doc, entities) = run("Jordan closed its border with Syria.", Lang::En, Some((2023, 1, 1)));
    assert_eq!(find(&doc, &entities, "Jordan")[0].kb_id.as_deref(), Some("country:JOR"));
    let (doc, entities) = run("The vote in Britain will be held in March.", Lang::En, None);
    assert!(find(&doc, &entities, "March").is_empty(), "a month is not the town of March");
    let (doc, entities) = run("Paris Hilton visited the city.", Lang::En, None);
    assert!(find(&doc, &entities, "Paris").iter().all(|e| e.kb_id.is_none()));
}

#[test]
fn tagger_spans_are_merged_without_overlap() {
    let text = "Olaf Muster von der Firma Beispiel traf Lawrow.";
    let doc = support::document(text, Lang::De, NaiveDate::from_ymd_opt(2023, 1, 1));
    let kb = &support::loaded().kb;
    let span = |words: &str, t| {
        let start = text.find(words).unwrap() as u32;
        lagebild_link::TaggedSpan {
            range: lagebild_doc::TextRange::new(start, start + words.len() as u32),
            entity_type: t,
            confidence: 0.9,
        }
    };
    let tagged =
        [span("Olaf Muster", lagebild_doc::EntityType::Person), span("Lawrow", lagebild_doc::EntityType::Person)];
    let entities = lagebild_link::entities_with(&doc, kb, &tagged);
    assert_eq!(entities.iter().filter(|e| doc.slice(e.range) == "Lawrow").count(), 1);
    let muster = entities.iter().find(|e| doc.slice(e.range) == "Olaf Muster").unwrap();
    assert_eq!(muster.kb_id, None);
    assert!(muster.confidence > 0.5);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn arbitrary_text_never_fails(text in "\\PC{0,200}", german in any::<bool>()) {
        let lang = if german { Lang::De } else { Lang::En };
        let mut doc = support::document(&text, lang, None);
        doc.entities = lagebild_link::entities(&doc, &support::loaded().kb);
        prop_assert!(doc.check_invariants().is_ok());
    }

    #[test]
    fn names_inside_noise_never_fail(prefix in "[A-Za-zäöü\\- ]{0,30}", suffix in "[A-Za-z\\-'. ]{0,30}") {
        let text = format!("{prefix}Russlands US-{suffix} Washington-Kim {suffix}");
        let mut doc = support::document(&text, Lang::De, NaiveDate::from_ymd_opt(2020, 1, 1));
        doc.entities = lagebild_link::entities(&doc, &support::loaded().kb);
        prop_assert!(doc.check_invariants().is_ok());
    }
}

/// A country adjective is a place (origin) unless its noun is a role noun, whose reading it
/// takes, or names companies or an economy; a country is its government after a preposition
/// of relations and when coordinated with a clause's argument.
#[test]
fn readings_of_adjectives_prepositions_and_coordinated_names() {
    let (doc, entities) = run(
        "Der polnische Außenminister sprach über die französische Hymne und die russische Wirtschaft. \
         Die EU verlängerte die Sanktionen gegen Russland. Er forderte die USA und Frankreich auf, zu helfen.",
        Lang::De,
        Some((2015, 6, 22)),
    );
    let reading = |words: &str| find(&doc, &entities, words)[0].reading;
    assert_eq!(reading("polnische"), Some(Reading::Government));
    assert_eq!(reading("französische"), Some(Reading::Place));
    assert_eq!(reading("russische"), Some(Reading::Organization));
    assert_eq!(reading("Russland"), Some(Reading::Government));
    assert_eq!(reading("USA"), Some(Reading::Government));
    assert_eq!(reading("Frankreich"), Some(Reading::Government));
    let (doc, entities) = run("Venezuelan energy firm PDVSA imports Venezuelan fuel.", Lang::En, None);
    let venezuelan = find(&doc, &entities, "Venezuelan");
    assert_eq!(venezuelan[0].reading, Some(Reading::Organization));
    assert_eq!(venezuelan[1].reading, Some(Reading::Place));
}

/// Capitals the base does not write so are no small place (`UN`, not the town `Un`); a later
/// surname is the person named in full before it, not a small place of that name; a name's
/// initial may lack its full stop.
#[test]
fn small_places_give_way_to_acronyms_and_surnames() {
    let (doc, entities) = run(
        "George W Bush met India's prime minister. She said only the UN could lead. Mr Bush disagreed.",
        Lang::En,
        None,
    );
    let bush = find(&doc, &entities, "Bush");
    assert_eq!(bush[0].kb_id.as_deref(), Some("person:george-w-bush"));
    assert_eq!(bush[0].reading, Some(Reading::Person));
    assert_eq!(find(&doc, &entities, "George W Bush")[0].kb_id.as_deref(), Some("person:george-w-bush"));
    assert_eq!(find(&doc, &entities, "UN")[0].kb_id.as_deref(), Some("org:united-nations"));
}

/// An English possessive is one token: the name is found without it (`UK's` → `UK`); a name
/// with diacritics the base spells without them is found folded; a role noun without a known
/// holder is linked to its country, and one before a name to that name's entry.
#[test]
fn possessives_diacritics_and_role_nouns() {
    let (doc, entities) = run("The UK's view and Britain’s view differ.", Lang::En, None);
    let uk = find(&doc, &entities, "UK");
    assert_eq!(uk[0].kb_id.as_deref(), Some("country:GBR"), "{entities:?}");
    assert_eq!(find(&doc, &entities, "Britain")[0].kb_id.as_deref(), Some("country:GBR"));
    // An English country name before a noun or in the possessive is its state, or its economy
    // before a noun for companies; elsewhere outside a clause's arguments, a place.
    assert_eq!(uk[0].reading, Some(Reading::Government));
    let (doc, entities) = run("He praised US policy and the US market. Prices rose in Chile.", Lang::En, None);
    let us = find(&doc, &entities, "US");
    assert_eq!((us[0].reading, us[0].code.as_deref()), (Some(Reading::Government), Some("USAGOV")));
    assert_eq!((us[1].reading, us[1].code.as_deref()), (Some(Reading::Organization), Some("USABUS")));
    assert_eq!(find(&doc, &entities, "Chile")[0].reading, Some(Reading::Place));
    let (doc, entities) = run(
        "José Eduardo dos Santos sprach. Die russische Regierung schwieg, sagte die russische Nachrichtenagentur RIA.",
        Lang::De,
        Some((2016, 3, 11)),
    );
    assert!(
        entities.iter().any(|entity| entity.kb_id.as_deref() == Some("person:jose-eduardo-dos-santos")),
        "{entities:?}"
    );
    assert_eq!(find(&doc, &entities, "Regierung")[0].kb_id.as_deref(), Some("country:RUS"));
    assert_eq!(find(&doc, &entities, "Nachrichtenagentur")[0].kb_id.as_deref(), Some("org:ria-novosti"));
    // A role noun of two countries is linked to neither.
    let (doc, entities) = run("Die Marinen der USA und Südkoreas übten.", Lang::De, Some((2023, 10, 19)));
    assert_eq!(find(&doc, &entities, "Marinen")[0].kb_id, None, "{entities:?}");
    // Nor is the role of an organisation given the article's country: it is no mention.
    let (doc, entities) = run(
        "Israel kritisierte Israels Gegner. Israel wartet. Der Vertreter der EU bedauerte das. Die EU-Außenminister berieten.",
        Lang::De,
        Some((2016, 3, 11)),
    );
    assert!(find(&doc, &entities, "Vertreter").is_empty(), "{entities:?}");
    assert!(find(&doc, &entities, "EU-Außenminister").is_empty(), "{entities:?}");
    assert_eq!(find(&doc, &entities, "EU").len(), 2, "{entities:?}");
}

/// A country before a verb in -ing is its subject; in the possessive before a name nobody
/// knows, its economy; a country adjective before a noun of what states do is its
/// government; a German role noun in the feminine and a capital's adjective before one make
/// actors too.
#[test]
fn gerunds_companies_state_nouns_and_feminine_role_nouns() {
    let (doc, entities) = run(
        "They talked about Turkey entering the EU. Argentina's Enarsa and Russia's Vladimir Putin met. \
         Britain opposes the Iranian nuclear programme and the Russian economy grew.",
        Lang::En,
        Some((2005, 1, 1)),
    );
    let turkey = find(&doc, &entities, "Turkey");
    assert_eq!((turkey[0].reading, turkey[0].code.as_deref()), (Some(Reading::Government), Some("TURGOV")));
    let argentina = find(&doc, &entities, "Argentina's");
    assert_eq!((argentina[0].reading, argentina[0].code.as_deref()), (Some(Reading::Organization), Some("ARGBUS")));
    assert_eq!(find(&doc, &entities, "Russia's")[0].reading, Some(Reading::Government), "{entities:?}");
    let iranian = find(&doc, &entities, "Iranian");
    assert_eq!((iranian[0].reading, iranian[0].code.as_deref()), (Some(Reading::Government), Some("IRNGOV")));
    let russian = find(&doc, &entities, "Russian");
    assert_eq!((russian[0].reading, russian[0].code.as_deref()), (Some(Reading::Organization), Some("RUSBUS")));
    let (doc, entities) = run(
        "Das Moskauer Außenministerium bestellte die polnische Botschafterin ein. Die russische Botschaft schwieg.",
        Lang::De,
        Some((2016, 3, 11)),
    );
    assert_eq!(find(&doc, &entities, "Moskauer")[0].code.as_deref(), Some("RUSGOV"), "{entities:?}");
    assert_eq!(find(&doc, &entities, "Außenministerium")[0].kb_id.as_deref(), Some("country:RUS"));
    assert_eq!(find(&doc, &entities, "Botschafterin")[0].code.as_deref(), Some("POLGOV"));
    assert_eq!(find(&doc, &entities, "Botschaft")[0].code.as_deref(), Some("RUSGOV"));
    // A capital after a locative preposition gives the noun its country and stays a place; a
    // state institution with no country in its phrase is the one of the country its sentence
    // names most (twice here), before the article's.
    let (doc, entities) = run(
        "Das Außenministerium in Warschau protestierte. Schiffe aus Japan und Kanada übten vor Kanada und vor \
         der Küste Kanadas, teilte das Verteidigungsministerium mit.",
        Lang::De,
        Some((2016, 3, 11)),
    );
    assert_eq!(find(&doc, &entities, "Außenministerium")[0].code.as_deref(), Some("POLGOV"), "{entities:?}");
    assert_eq!(find(&doc, &entities, "Warschau")[0].reading, Some(Reading::Place));
    assert_eq!(find(&doc, &entities, "Verteidigungsministerium")[0].code.as_deref(), Some("CANMIL"));
}

/// A person the base knows with no role on the document's date (here: no date) keeps the
/// role the text gave an earlier mention of them by the role noun before the name.
#[test]
fn a_known_person_keeps_the_role_the_text_gave_them() {
    let (doc, entities) =
        run("US-Außenminister John Kerry traf am Montag in Wien ein. Kerry sprach mit dem Kanzler.", Lang::De, None);
    let kerry = find(&doc, &entities, "Kerry");
    assert_eq!(kerry[0].kb_id.as_deref(), Some("person:john-kerry"));
    assert_eq!(kerry[0].code.as_deref(), Some("USAGOV"));
    assert_eq!(find(&doc, &entities, "John Kerry")[0].code.as_deref(), Some("USAGOV"));
}

/// A town of the United States keeps ` City` in its name (`Texas City`, `League City`), so
/// `Texas` and `League` are not it; English words that are also names of small towns
/// (`Union`, `Rugby`, class `common`) are not taken for them alone.
#[test]
fn english_words_and_us_state_names_are_no_towns() {
    let (doc, entities) = run(
        "Texas Judge Letitia Clark ruled on Monday. Chelsea play in the Champions League. The Union backed the strike.",
        Lang::En,
        Some((2005, 1, 10)),
    );
    for words in ["Texas", "League", "Union"] {
        let towns: Vec<_> = entities
            .iter()
            .filter(|e| {
                doc.slice(e.range).contains(words) && e.kb_id.as_deref().is_some_and(|id| id.starts_with("geo:"))
            })
            .collect();
        assert!(towns.is_empty(), "{words}: {towns:?}");
    }
}

/// A small place's word beside another proper noun is part of a longer name, a person's, a
/// company's or a club's (`Clint Eastwood`, `Aston Martin`, `Borussia Dortmund`), not the
/// town; alone it stays the town.
#[test]
fn a_town_beside_another_name_is_part_of_that_name() {
    let (doc, entities) = run(
        "The award went to Clint Eastwood and Aston Martin. Later he lived in Eastwood near Nottingham.",
        Lang::En,
        Some((2005, 1, 10)),
    );
    let places = |words: &str| {
        find(&doc, &entities, words).into_iter().filter(|e| e.entity_type == lagebild_doc::EntityType::Gpe).count()
    };
    assert_eq!(places("Martin"), 0, "{entities:?}");
    assert_eq!(places("Eastwood"), 1, "the town after `in`, not the actor: {entities:?}");
}
