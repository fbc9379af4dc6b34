//! The reference article (../shared/data/corpus/seed/, published 2023-10-19), read at run
//! time: what issue 5 expects of it (item 5). Skips where the shared data is absent.

#![allow(clippy::print_stdout)] // The test prints the mentions it found when asked.

mod support;

use chrono::NaiveDate;
use lagebild_doc::{EntityForm, Lang, Reading};

#[test]
fn the_reference_article_comes_out_right() {
    let Some(data) = support::shared_data() else {
        println!("skipped: ../shared/data is absent");
        return;
    };
    let text = std::fs::read_to_string(data.join("corpus/seed/lavrov-pyongyang-de.txt")).unwrap();
    let doc = support::document(&text, Lang::De, NaiveDate::from_ymd_opt(2023, 10, 19));
    let kb = &support::loaded().kb;
    let found = lagebild_link::explain(&doc, kb, &[]);
    if std::env::var_os("LAGEBILD_SHOW").is_some() {
        for m in &found {
            let e = &m.entity;
            println!(
                "{:>5}..{:<5} {:<28} {:<14} {:<30} {:<13} {:<10} {:<4} {:.2} c{:?} | {}",
                e.range.start(),
                e.range.end(),
                doc.slice(e.range),
                e.form.as_str(),
                e.kb_id.as_deref().unwrap_or("-"),
                e.reading.map_or("-", |r| r.as_str()),
                e.code.as_deref().unwrap_or("-"),
                e.role.as_deref().map_or("", |_| "role"),
                e.confidence,
                e.cluster,
                m.reason.0
            );
        }
    }
    let entities: Vec<_> = found.iter().map(|m| &m.entity).collect();
    let ids = |id: &str| entities.iter().filter(|e| e.kb_id.as_deref() == Some(id)).count();
    // Every mention of the seven countries, with adjectives and genitives.
    for (id, at_least) in [
        ("country:RUS", 9),
        ("country:PRK", 8),
        ("country:UKR", 2),
        ("country:USA", 3),
        ("country:KOR", 2),
        ("country:JPN", 1),
        ("country:CAN", 1),
    ] {
        assert!(ids(id) >= at_least, "{id}: {} mentions", ids(id));
    }
    let words = |e: &&&lagebild_doc::Entity| doc.slice(e.range).to_owned();
    let unlinked_countries: Vec<String> = entities
        .iter()
        .filter(|e| e.kb_id.is_none() && e.entity_type == lagebild_doc::EntityType::Gpe)
        .map(|e| doc.slice(e.range).to_owned())
        .collect();
    assert!(unlinked_countries.is_empty(), "{unlinked_countries:?}");
    // People with their 2023 roles.
    for (id, code) in
        [("person:sergey-lavrov", "RUSGOV"), ("person:vladimir-putin", "RUSGOV"), ("person:kim-jong-un", "PRKGOV")]
    {
        let people: Vec<_> =
            entities.iter().filter(|e| e.kb_id.as_deref() == Some(id) && e.form != EntityForm::RoleNoun).collect();
        assert!(!people.is_empty(), "{id}");
        assert!(
            people.iter().all(|e| e.code.as_deref() == Some(code) && e.role.is_some()),
            "{id}: {:?}",
            people.iter().map(words).collect::<Vec<_>>()
        );
    }
    // Places with coordinates.
    for (id, name) in [("geo:1871859", "Pyongyang"), ("geo:1835848", "Seoul"), ("geo:1845604", "Cheongju")] {
        let places: Vec<_> = entities.iter().filter(|e| e.kb_id.as_deref() == Some(id)).collect();
        assert!(!places.is_empty(), "{name}");
        assert!(places.iter().all(|e| e.lat.is_some() && e.lon.is_some()), "{name}");
    }
    // Media, the White House, the think tank and its website.
    let code_of = |id: &str| entities.iter().find(|e| e.kb_id.as_deref() == Some(id)).and_then(|e| e.code.clone());
    assert_eq!(code_of("org:ria-novosti").as_deref(), Some("RUSMED"));
    assert_eq!(code_of("org:yonhap").as_deref(), Some("KORMED"));
    assert_eq!(code_of("landmark:white-house").as_deref(), Some("USAGOV"));
    assert!(code_of("org:beyond-parallel").is_some());
    assert!(code_of("org:csis").is_some());
    // US-Beamte: a USA mention with the code of US officials.
    assert!(entities.iter().any(|e| e.form == EntityForm::CompoundPart && e.code.as_deref() == Some("USAGOV")));
    // Putin-Kim-Gipfeltreffen: two compound parts.
    let parts: Vec<_> =
        entities.iter().filter(|e| e.form == EntityForm::CompoundPart).filter_map(|e| e.kb_id.clone()).collect();
    assert!(
        parts.contains(&"person:vladimir-putin".to_owned()) && parts.contains(&"person:kim-jong-un".to_owned()),
        "{parts:?}"
    );
    // Moskau sagte: the Russian government; in Washington ansässigen: a place.
    let moscow: Vec<_> = entities.iter().filter(|e| doc.slice(e.range) == "Moskau").collect();
    assert!(moscow.iter().any(|e| e.reading == Some(Reading::Government) && e.code.as_deref() == Some("RUSGOV")));
    let washington: Vec<_> = entities.iter().filter(|e| doc.slice(e.range) == "Washington").collect();
    assert!(washington.iter().any(|e| e.reading == Some(Reading::Place)), "{washington:?}");
}
