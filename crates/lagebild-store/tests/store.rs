//! The store end to end: the worked example of docs/format.md and synthetic documents with
//! every layer filled, stored, filtered, paged, replaced, reanalysed and migrated.

mod support;

use lagebild_doc::{EventType, Stance};
use lagebild_store::{
    ActorBy, ActorFilter, ActorRef, ClaimFilter, DateRange, DocumentFilter, EventFilter, LATEST_VERSION, MIGRATIONS,
    NewDocument, OnConflict, PageRequest, Put, PutOutcome, Store, StoreError, content_hash,
};
use support::{EventSpec, Party, document, record, worked_example};

fn put(store: &mut Store, records: &[String]) -> Vec<PutOutcome> {
    let items: Vec<Put> =
        records.iter().map(|record| Put::Record(NewDocument { record: record.clone(), input_lang: None })).collect();
    store.put_batch(&items, OnConflict::Skip).unwrap()
}

fn actor(value: &str) -> Option<ActorRef> {
    Some(ActorRef::parse(value).unwrap())
}

fn all() -> PageRequest {
    PageRequest::new(1000, None)
}

fn event_ids(store: &Store, filter: &EventFilter) -> Vec<String> {
    store.events(filter, &all()).unwrap().items.into_iter().map(|row| format!("{}/{}", row.document, row.id)).collect()
}

fn claim_ids(store: &Store, filter: &ClaimFilter) -> Vec<String> {
    store.claims(filter, &all()).unwrap().items.into_iter().map(|row| format!("{}/{}", row.document, row.id)).collect()
}

fn assert_clean(store: &Store) {
    assert_eq!(store.check().unwrap(), Vec::<String>::new());
}

fn example_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let outcomes = put(&mut store, &[worked_example()]);
    assert_eq!(outcomes, [PutOutcome::Stored { id: "bsp-20240514-kiew".into(), events: 3, claims: 3, entities: 11 }]);
    assert_clean(&store);
    store
}

const EX: &str = "bsp-20240514-kiew";

#[test]
fn the_worked_example_is_found_by_every_event_filter() {
    let store = example_store();
    let ids = |filter: EventFilter| -> Vec<String> {
        event_ids(&store, &filter).into_iter().map(|id| id.trim_start_matches(&format!("{EX}/")).to_owned()).collect()
    };
    // Newest first: v0 and v1 are dated 2024-05-14, v2 the week before.
    assert_eq!(ids(EventFilter::default()), ["v1", "v0", "v2"]);
    // Romania's government and army are both ROU in the code hierarchy; ROUMIL is the army only.
    assert_eq!(ids(EventFilter { actor: actor("ROU"), ..Default::default() }), ["v1", "v0", "v2"]);
    assert_eq!(ids(EventFilter { actor: actor("ROUMIL"), ..Default::default() }), ["v2"]);
    assert_eq!(ids(EventFilter { actor: actor("country:rou"), ..Default::default() }), ["v1", "v0", "v2"]);
    assert_eq!(ids(EventFilter { actor: actor("Rumänien"), ..Default::default() }), ["v2"]);
    assert_eq!(ids(EventFilter { actor: actor("ana petrescu"), ..Default::default() }), ["v1", "v0"]);
    assert_eq!(ids(EventFilter { actor: actor("Q218"), ..Default::default() }), ["v2"]);
    assert_eq!(ids(EventFilter { actor: actor("RUS"), ..Default::default() }), Vec::<String>::new());
    assert_eq!(ids(EventFilter { recipient: actor("UKR"), ..Default::default() }), ["v1", "v0", "v2"]);
    assert_eq!(ids(EventFilter { recipient: actor("UKRGOV"), ..Default::default() }), ["v1", "v0"]);
    assert_eq!(ids(EventFilter { location: actor("Kyjiw"), ..Default::default() }), ["v0"]);
    assert_eq!(ids(EventFilter { types: vec!["mobilize".into(), "AID".into()], ..Default::default() }), ["v1", "v2"]);
    assert_eq!(ids(EventFilter { types: vec!["CONSULT".into()], ..Default::default() }), ["v0"]);
    assert_eq!(ids(EventFilter { context: Some("Military".into()), ..Default::default() }), ["v2"]);
    // Who says so: the Russian ministry of defence reports the troop movement.
    assert_eq!(ids(EventFilter { reported_by: actor("RUS"), ..Default::default() }), ["v2"]);
    assert_eq!(
        ids(EventFilter { reported_by: actor("RUSMIL"), stance: Some("assert".into()), ..Default::default() }),
        ["v2"]
    );
    assert_eq!(ids(EventFilter { stance: Some("none".into()), ..Default::default() }), ["v1", "v0"]);
    assert_eq!(ids(EventFilter { stance: Some("deny".into()), ..Default::default() }), Vec::<String>::new());
    // Dates: the week 2024-W19 is 6 to 12 May.
    let dates = |from: &str, to: &str| DateRange::parse(Some(from), Some(to)).unwrap();
    assert_eq!(ids(EventFilter { dates: dates("2024-05-10", "2024-05-12"), ..Default::default() }), ["v2"]);
    assert_eq!(
        ids(EventFilter { dates: dates("2024-05-13", "2024-05-13"), ..Default::default() }),
        Vec::<String>::new()
    );
    assert_eq!(ids(EventFilter { dates: dates("2024-05", "2024-05"), ..Default::default() }), ["v1", "v0", "v2"]);
    assert_eq!(
        ids(EventFilter { dates: dates("2024-06", "2024"), actor: actor("ROU"), ..Default::default() }),
        Vec::<String>::new()
    );
    // Words of the document, stemmed.
    assert_eq!(
        ids(EventFilter { text: Some("Generator".into()), types: vec!["AID".into()], ..Default::default() }),
        ["v1"]
    );
    assert_eq!(ids(EventFilter { text: Some("Panzer".into()), ..Default::default() }), Vec::<String>::new());
    assert_eq!(
        ids(EventFilter { document: Some(EX.into()), actor: actor("ROUGOV"), ..Default::default() }),
        ["v1", "v0"]
    );
    assert_eq!(ids(EventFilter { document: Some("nope".into()), ..Default::default() }), Vec::<String>::new());
}

#[test]
fn a_claim_reports_the_events_that_name_it_when_its_own_list_is_empty() {
    // The worked example with the claims' `events` lists emptied: the link is then only on the
    // events' side (`claim` of v2 is c0).
    let mut value: serde_json::Value = serde_json::from_str(&worked_example()).unwrap();
    for claim in value["claims"].as_array_mut().unwrap() {
        claim["events"] = serde_json::json!([]);
    }
    let mut store = Store::open_in_memory().unwrap();
    put(&mut store, &[value.to_string()]);
    let page = store.claims(&ClaimFilter::default(), &all()).unwrap();
    let reports: Vec<(String, Vec<String>)> = page
        .items
        .iter()
        .map(|row| {
            (row.id.clone(), row.events.iter().map(|event| format!("{} {}", event.id, event.event_type)).collect())
        })
        .collect();
    assert!(reports.contains(&("c0".to_owned(), vec!["v2 MOBILIZE".to_owned()])), "{reports:?}");
    assert!(reports.iter().filter(|(id, _)| id != "c0").all(|(_, events)| events.is_empty()), "{reports:?}");
}

#[test]
fn an_event_row_gives_its_place_the_coordinates_of_the_knowledge_base() {
    let store = example_store();
    let page = store.events(&EventFilter { types: vec!["CONSULT".into()], ..Default::default() }, &all()).unwrap();
    let place = page.items[0].location.as_ref().expect("the visit has a place");
    assert_eq!((place.text.as_str(), place.kb_id.as_deref()), ("Kiew", Some("Q1899")));
    assert_eq!((place.lat, place.lon), (Some(50.45), Some(30.5236)));
    // A place whose words resolve to no entity has none.
    let page = store.events(&EventFilter { types: vec!["MOBILIZE".into()], ..Default::default() }, &all()).unwrap();
    let border = page.items[0].location.as_ref().expect("the troop movement has a place");
    assert_eq!((border.lat, border.lon), (None, None));
}

#[test]
fn an_event_row_says_who_reports_it_and_who_denies_that() {
    let store = example_store();
    let page = store.events(&EventFilter { types: vec!["MOBILIZE".into()], ..Default::default() }, &all()).unwrap();
    let row = &page.items[0];
    assert_eq!(row.document, EX);
    assert_eq!(row.title.as_deref(), Some("Rumänische Außenministerin sagt Kiew Generatoren zu"));
    assert_eq!(
        (row.event_type.as_str(), row.mode.as_deref(), row.date.as_deref()),
        ("MOBILIZE", Some("troops"), Some("2024-W19"))
    );
    assert_eq!(row.actors[0].label(), "Rumänien [ROUMIL]");
    assert_eq!(row.actors[0].kb_id.as_deref(), Some("Q218"));
    assert_eq!(row.recipients[0].country.as_deref(), Some("UKR"));
    assert_eq!(row.location.as_ref().unwrap().text, "Grenze zur Ukraine");
    assert_eq!(row.trigger, "verlegt");
    assert!(row.sentence_text.starts_with("Das russische Verteidigungsministerium hatte am Montag"));
    let report = row.reported_by.as_ref().unwrap();
    assert_eq!((report.id.as_str(), report.stance.as_str(), report.cue.as_str()), ("c0", "assert", "behauptet"));
    assert_eq!(report.speaker.as_ref().unwrap().code.as_deref(), Some("RUSMIL"));
    assert_eq!(report.channel.as_ref().unwrap().text, "Staatsfernsehen");
    assert_eq!(row.responses.len(), 1);
    assert_eq!((row.responses[0].id.as_str(), row.responses[0].stance.as_str()), ("c1", "deny"));
    assert_eq!(row.responses[0].speaker.as_ref().unwrap().label(), "Ein Regierungssprecher in Bukarest [ROUGOV]");
    // A discontinuous trigger shows its parts.
    let aid = store.events(&EventFilter { types: vec!["AID".into()], ..Default::default() }, &all()).unwrap();
    assert_eq!(aid.items[0].trigger, "sicherte … zu");
    assert_eq!(aid.items[0].actors[0].label(), "Ana Petrescu [ROUGOV]");
}

#[test]
fn claims_are_found_by_speaker_channel_stance_and_what_they_answer() {
    let store = example_store();
    let ids = |filter: ClaimFilter| -> Vec<String> {
        claim_ids(&store, &filter).into_iter().map(|id| id.trim_start_matches(&format!("{EX}/")).to_owned()).collect()
    };
    // c0 and c1 are dated 13 and 14 May; c2 has no date and takes the publication date.
    assert_eq!(ids(ClaimFilter::default()), ["c2", "c1", "c0"]);
    assert_eq!(ids(ClaimFilter { stance: Some("deny".into()), ..Default::default() }), ["c1"]);
    assert_eq!(ids(ClaimFilter { speaker: actor("RUS"), ..Default::default() }), ["c2", "c0"]);
    assert_eq!(ids(ClaimFilter { speaker: actor("Moskau"), ..Default::default() }), ["c2"]);
    assert_eq!(ids(ClaimFilter { channel: actor("Staatsfernsehen"), ..Default::default() }), ["c0"]);
    assert_eq!(ids(ClaimFilter { responds_to: actor("RUSMIL"), ..Default::default() }), ["c1"]);
    assert_eq!(ids(ClaimFilter { responds_to_any: true, ..Default::default() }), ["c1"]);
    assert_eq!(ids(ClaimFilter { kind: Some("direct".into()), ..Default::default() }), ["c1"]);
    let dates = DateRange::parse(Some("2024-05-13"), Some("2024-05-13")).unwrap();
    assert_eq!(ids(ClaimFilter { dates, ..Default::default() }), ["c0"]);

    let denial =
        &store.claims(&ClaimFilter { stance: Some("deny".into()), ..Default::default() }, &all()).unwrap().items[0];
    assert_eq!(denial.cue, "wies … zurück");
    assert_eq!(denial.addressee.as_ref().unwrap().text, "Journalisten");
    assert_eq!(denial.responds_to[0].id, "c0");
    assert_eq!(
        denial.responds_to[0].content,
        "Rumänien habe in der vergangenen Woche mehr als 200 Soldaten an die Grenze zur Ukraine verlegt"
    );
    let accusation =
        &store.claims(&ClaimFilter { channel: actor("Staatsfernsehen"), ..Default::default() }, &all()).unwrap().items
            [0];
    assert_eq!(accusation.events[0].id, "v2");
    assert_eq!(accusation.events[0].event_type, "MOBILIZE");
    assert_eq!(accusation.responses[0].id, "c1");
    let nested =
        &store.claims(&ClaimFilter { speaker: actor("Moskau"), ..Default::default() }, &all()).unwrap().items[0];
    assert_eq!(nested.parent.as_ref().unwrap().id, "c1");
}

#[test]
fn actors_are_counted_by_code_with_their_hierarchy_and_by_name() {
    let store = example_store();
    let page = store.actors(&ActorFilter::default(), &all()).unwrap();
    let row = |actor: &str| page.items.iter().find(|row| row.actor == actor).unwrap_or_else(|| panic!("{actor}"));
    assert_eq!((row("ROU").as_actor, row("ROU").as_recipient, row("ROU").as_speaker), (3, 0, 1));
    assert_eq!((row("ROUGOV").as_actor, row("ROUMIL").as_actor), (2, 1));
    assert_eq!(row("UKR").as_recipient, 3);
    assert_eq!(row("UKR").as_location, 1);
    assert_eq!((row("RUS").as_speaker, row("RUSMIL").as_speaker, row("RUSGOV").as_speaker), (2, 1, 1));
    assert_eq!(row("ROUMIL").name.as_deref(), Some("Rumänien"));
    assert_eq!(row("RUSMIL").name.as_deref(), Some("Verteidigungsministerium der Russischen Föderation"));
    assert_eq!(page.items[0].actor, "ROU", "most frequent first: {page:?}");
    let names = store.actors(&ActorFilter { by: ActorBy::Name, matching: Some("PETRESCU".into()) }, &all()).unwrap();
    assert_eq!(names.items.len(), 1);
    assert_eq!((names.items[0].actor.as_str(), names.items[0].as_actor), ("ana petrescu", 2));
    let first = store.actors(&ActorFilter::default(), &PageRequest::new(2, None)).unwrap();
    let second = store.actors(&ActorFilter::default(), &PageRequest::new(2, first.next.clone())).unwrap();
    assert_eq!(first.items.len(), 2);
    assert_eq!(second.items[0], page.items[2]);
}

#[test]
fn search_stems_german_and_english_and_shows_the_sentence() {
    let mut store = example_store();
    let english = document(
        "en-1",
        "2024-05-15",
        "Sanctions against Moscow",
        &[EventSpec::new(
            EventType::Sanction,
            Party::new("Brussels", "EUR", "BEL"),
            Party::new("Moscow", "RUSGOV", "RUS"),
        )],
    );
    put(&mut store, &[record(&english)]);
    let hits = |query: &str| -> Vec<String> {
        store.search(query, None, &all()).unwrap().items.into_iter().map(|hit| hit.id).collect()
    };
    assert_eq!(hits("Generator"), [EX]);
    assert_eq!(hits("Soldat grenze"), [EX]);
    assert_eq!(hits("sanction"), ["en-1"]);
    assert_eq!(hits("\"Brussels sanctioned\""), ["en-1"]);
    assert_eq!(hits("sanktio*"), Vec::<String>::new());
    assert_eq!(hits("Behaupt*"), [EX]);
    assert_eq!(hits("nirgendwo"), Vec::<String>::new());
    let hit = &store.search("Truppen", Some("de"), &all()).unwrap().items[0];
    assert!(hit.snippet.contains("Truppen zusammenziehen"), "{}", hit.snippet);
    assert!(hit.score > 0.0);
    assert!(store.search("Truppen", Some("en"), &all()).unwrap().items.is_empty());
    assert!(matches!(store.search("\"\" ;", None, &all()), Err(StoreError::Invalid(_))));
}

fn party(code: &str) -> Party {
    Party::new(&format!("Land {code}"), code, &code[..3])
}

#[test]
fn a_text_is_stored_once_with_every_source() {
    let mut store = Store::open_in_memory().unwrap();
    let doc = document("a", "2024-01-02", "A", &[EventSpec::new(EventType::Assault, party("PRKMIL"), party("KORGOV"))]);
    let first = record(&doc);
    let mut again = doc.clone();
    again.meta.source = "elsewhere.jsonl:7".into();
    again.meta.id = "other-id".into();
    let outcomes = put(&mut store, &[first.clone(), record(&again), first.clone()]);
    assert_eq!(
        outcomes,
        [
            PutOutcome::Stored { id: "a".into(), events: 1, claims: 0, entities: 2 },
            PutOutcome::Duplicate { id: "a".into(), source_added: true },
            PutOutcome::Duplicate { id: "a".into(), source_added: false },
        ]
    );
    let stored = store.document("a").unwrap().unwrap();
    let sources: Vec<_> = stored.sources.iter().map(|source| source.source.as_str()).collect();
    assert_eq!(sources, ["elsewhere.jsonl:7", "synthetic/a.txt"]);
    assert_eq!(stored.row.sources, 2);
    assert_eq!(stored.record, first);
    assert_eq!(store.find_text(&content_hash(doc.text())).unwrap().as_deref(), Some("a"));
    let seen = Put::Seen { content_hash: content_hash(doc.text()), source: "feed.xml".into() };
    assert_eq!(
        store.put_batch(&[seen], OnConflict::Skip).unwrap(),
        [PutOutcome::Duplicate { id: "a".into(), source_added: true }]
    );
    assert_eq!(store.stats().unwrap().documents, 1);
    assert_eq!(store.stats().unwrap().sources, 3);
    assert_eq!(event_ids(&store, &EventFilter::default()), ["a/v0"]);
    assert_clean(&store);
}

#[test]
fn an_id_that_holds_another_text_is_skipped_or_replaced() {
    let mut store = Store::open_in_memory().unwrap();
    let old = document("a", "2024-01-02", "A", &[EventSpec::new(EventType::Assault, party("PRKMIL"), party("KORGOV"))]);
    let new = document("a", "2024-01-03", "A2", &[EventSpec::new(EventType::Aid, party("CHNGOV"), party("PRKGOV"))]);
    put(&mut store, &[record(&old)]);
    assert_eq!(put(&mut store, &[record(&new)]), [PutOutcome::Conflict { id: "a".into() }]);
    assert_eq!(event_ids(&store, &EventFilter { actor: actor("PRK"), ..Default::default() }), ["a/v0"]);
    let items = [Put::Record(NewDocument { record: record(&new), input_lang: None })];
    assert_eq!(
        store.put_batch(&items, OnConflict::Replace).unwrap(),
        [PutOutcome::Replaced { id: "a".into(), events: 1, claims: 0, entities: 2 }]
    );
    assert_eq!(event_ids(&store, &EventFilter { actor: actor("PRK"), ..Default::default() }), Vec::<String>::new());
    assert_eq!(event_ids(&store, &EventFilter { recipient: actor("PRK"), ..Default::default() }), ["a/v0"]);
    let page = store.actors(&ActorFilter::default(), &all()).unwrap();
    assert!(page.items.iter().all(|row| row.actor != "KORGOV"), "{page:?}");
    assert_clean(&store);
}

#[test]
fn bad_records_are_rejected_one_by_one() {
    let mut store = Store::open_in_memory().unwrap();
    let good = record(&document("g", "2024-01-02", "G", &[]));
    let outcomes = put(
        &mut store,
        &["{not json".into(), good, r#"{"format_version":"2","id":"x","source":"-","lang":"de","text":"x"}"#.into()],
    );
    assert!(matches!(&outcomes[0], PutOutcome::Rejected { reason } if reason.starts_with("not a record")));
    assert!(matches!(&outcomes[1], PutOutcome::Stored { .. }));
    assert!(matches!(&outcomes[2], PutOutcome::Rejected { reason } if reason.contains("version")));
    assert_eq!(store.stats().unwrap().documents, 1);
}

/// 60 documents over 60 days, five events each, reported and denied in turns.
fn many() -> Vec<String> {
    let codes = ["PRKGOV", "PRKMIL", "RUSGOV", "RUSMIL", "UKRGOV", "CHNGOV", "USAGOV"];
    (0..60)
        .map(|n| {
            let day = format!("2024-03-{:02}", n % 30 + 1);
            let published = if n < 30 { day.clone() } else { format!("2024-04-{:02}", n % 30 + 1) };
            let events: Vec<EventSpec> = (0..5)
                .map(|k| {
                    let types = [EventType::Assault, EventType::Aid, EventType::Consult, EventType::Threaten];
                    let mut spec = EventSpec::new(
                        types[(n + k) % 4],
                        party(codes[(n + k) % 7]),
                        party(codes[(n * 3 + k + 1) % 7]),
                    );
                    if k % 2 == 0 {
                        spec = spec.reported_by(
                            party(codes[(n + 2 * k + 3) % 7]),
                            if k == 4 { Stance::Hedge } else { Stance::Assert },
                        );
                    }
                    if k == 2 {
                        spec = spec.denied_by(party(codes[(n + 5) % 7])).via("Telegram");
                    }
                    if k == 1 {
                        spec = spec.on(&format!("2024-W{:02}", 10 + n % 8));
                    }
                    spec
                })
                .collect();
            record(&document(&format!("d{n:02}"), &published, &format!("Document {n}"), &events))
        })
        .collect()
}

#[test]
fn pages_follow_each_other_without_gaps_or_repeats() {
    let mut store = Store::open_in_memory().unwrap();
    for chunk in many().chunks(7) {
        put(&mut store, chunk);
    }
    assert_clean(&store);
    let filters = [
        EventFilter::default(),
        EventFilter { actor: actor("PRK"), ..Default::default() },
        EventFilter { actor: actor("RUS"), recipient: actor("UKRGOV"), ..Default::default() },
        EventFilter {
            types: vec!["ASSAULT".into(), "AID".into()],
            dates: DateRange::parse(Some("2024-03-10"), Some("2024-04-05")).unwrap(),
            ..Default::default()
        },
        EventFilter { reported_by: actor("USA"), stance: Some("assert".into()), ..Default::default() },
    ];
    for filter in &filters {
        let whole = event_ids(&store, filter);
        assert!(!whole.is_empty(), "{filter:?}");
        let mut paged = Vec::new();
        let mut cursor = None;
        loop {
            let page = store.events(filter, &PageRequest::new(7, cursor)).unwrap();
            paged.extend(page.items.iter().map(|row| format!("{}/{}", row.document, row.id)));
            match page.next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(paged, whole, "{filter:?}");
    }
    // Newest first, by the event's own date.
    let rows = store.events(&EventFilter::default(), &all()).unwrap().items;
    assert_eq!(rows.len(), 300);
    let dates: Vec<String> = rows.iter().map(|row| row.date.clone().unwrap()).collect();
    assert_eq!(dates[0], "2024-04-30");
    // The claims that answer Telegram denials, paged the same way.
    let denials = ClaimFilter { channel: None, stance: Some("deny".into()), ..Default::default() };
    assert_eq!(claim_ids(&store, &denials).len(), 60);
    let reported_on_telegram = ClaimFilter { channel: actor("Telegram"), ..Default::default() };
    assert_eq!(claim_ids(&store, &reported_on_telegram).len(), 60);
    let first = store.claims(&reported_on_telegram, &PageRequest::new(50, None)).unwrap();
    let rest = store.claims(&reported_on_telegram, &PageRequest::new(50, first.next.clone())).unwrap();
    assert_eq!((first.items.len(), rest.items.len(), rest.next.as_deref()), (50, 10, None));
    // Documents, newest first, paged.
    let documents = store.documents(&DocumentFilter::default(), &PageRequest::new(40, None)).unwrap();
    assert_eq!(documents.items[0].published.as_deref(), Some("2024-04-30"));
    let rest = store.documents(&DocumentFilter::default(), &PageRequest::new(40, documents.next)).unwrap();
    assert_eq!(rest.items.len(), 20);
    let march =
        DocumentFilter { dates: DateRange::parse(Some("2024-03"), Some("2024-03")).unwrap(), ..Default::default() };
    assert_eq!(store.documents(&march, &all()).unwrap().items.len(), 30);
}

#[test]
fn filters_agree_with_a_plain_scan_of_the_rows() {
    let mut store = Store::open_in_memory().unwrap();
    put(&mut store, &many());
    let rows = store.events(&EventFilter::default(), &all()).unwrap().items;
    let codes = |parts: &[lagebild_store::Participant]| -> Vec<String> {
        parts.iter().filter_map(|p| p.code.clone()).collect()
    };
    for code in ["PRK", "PRKGOV", "RUSMIL", "USA", "UKRGOV"] {
        for (actor_code, recipient_code) in [(Some(code), None), (None, Some(code)), (Some(code), Some("RUS"))] {
            let expected: Vec<String> = rows
                .iter()
                .filter(|row| actor_code.is_none_or(|c| codes(&row.actors).iter().any(|a| a.starts_with(c))))
                .filter(|row| recipient_code.is_none_or(|c| codes(&row.recipients).iter().any(|a| a.starts_with(c))))
                .map(|row| format!("{}/{}", row.document, row.id))
                .collect();
            let filter = EventFilter {
                actor: actor_code.and_then(actor),
                recipient: recipient_code.and_then(actor),
                ..Default::default()
            };
            assert_eq!(event_ids(&store, &filter), expected, "{filter:?}");
        }
    }
    for stance in ["assert", "hedge", "none"] {
        let expected = rows
            .iter()
            .filter(|row| row.reported_by.as_ref().map_or("none", |claim| claim.stance.as_str()) == stance)
            .count();
        let filter = EventFilter { stance: Some(stance.into()), ..Default::default() };
        assert_eq!(event_ids(&store, &filter).len(), expected, "{stance}");
    }
}

#[test]
fn bad_filters_and_cursors_are_refused_in_plain_words() {
    let store = example_store();
    let invalid = |result: Result<lagebild_store::Page<lagebild_store::EventRow>, StoreError>| match result {
        Err(StoreError::Invalid(message)) => message,
        other => panic!("{other:?}"),
    };
    let message = invalid(store.events(&EventFilter { types: vec!["BOMB".into()], ..Default::default() }, &all()));
    assert!(message.starts_with("\"BOMB\" is not a PLOVER event type (one of AGREE,"), "{message}");
    invalid(store.events(&EventFilter { stance: Some("maybe".into()), ..Default::default() }, &all()));
    for cursor in ["x", "1.", ".1", "1.2.3", "-1.2", "99999999999999999999.1", "1;DROP TABLE events"] {
        invalid(store.events(&EventFilter::default(), &PageRequest::new(10, Some(cursor.into()))));
    }
    invalid(store.events(&EventFilter::default(), &PageRequest::new(0, None)));
    invalid(store.events(&EventFilter::default(), &PageRequest::new(10_001, None)));
    assert!(store.actors(&ActorFilter::default(), &PageRequest::new(5, Some("abc".into()))).is_err());
    // Values that look like SQL are just values.
    for value in ["' OR 1=1 --", "RUS'; DROP TABLE documents; --", "%", "_", "*"] {
        let filter = EventFilter { actor: ActorRef::parse(value).ok(), ..Default::default() };
        assert!(store.events(&filter, &all()).unwrap().items.is_empty(), "{value}");
        assert!(store.search(value, None, &all()).map(|page| page.items.is_empty()).unwrap_or(true));
    }
    assert_eq!(store.stats().unwrap().documents, 1);
    assert_clean(&store);
}

#[test]
fn reanalysis_replaces_records_and_resumes_where_it_stopped() {
    let dir = tempdir("reanalysis");
    let path = dir.join("store.db");
    let mut store = Store::open(&path).unwrap();
    put(&mut store, &many()[..10]);
    let status = store.start_reanalysis(false).unwrap();
    assert_eq!((status.pending, status.documents), (10, 10));
    // "Analyse again": the same texts with one more event type each (here: AID becomes AGREE).
    let batch = store.pending_reanalysis(4).unwrap();
    assert_eq!(batch.len(), 4);
    let again: Vec<String> = batch
        .iter()
        .map(|text| store.document(&text.id).unwrap().unwrap().record.replace("\"AID\"", "\"AGREE\""))
        .collect();
    assert!(
        store.replace_analyses(&again).unwrap().iter().all(|outcome| matches!(outcome, PutOutcome::Replaced { .. }))
    );
    drop(store);
    // A new run continues: six are left.
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.start_reanalysis(false).unwrap().pending, 6);
    let rest = store.pending_reanalysis(100).unwrap();
    assert_eq!(rest.len(), 6);
    assert!(rest.iter().all(|text| batch.iter().all(|done| done.id != text.id)));
    assert_eq!(rest[0].published.map(|date| date.to_string()).as_deref(), Some("2024-03-05"));
    let again: Vec<String> = rest
        .iter()
        .map(|text| store.document(&text.id).unwrap().unwrap().record.replace("\"AID\"", "\"AGREE\""))
        .collect();
    store.replace_analyses(&again).unwrap();
    assert!(store.pending_reanalysis(100).unwrap().is_empty());
    assert!(event_ids(&store, &EventFilter { types: vec!["AID".into()], ..Default::default() }).is_empty());
    assert!(!event_ids(&store, &EventFilter { types: vec!["AGREE".into()], ..Default::default() }).is_empty());
    // A record whose text is not stored is refused.
    let foreign = record(&document("zz", "2024-01-01", "Z", &[]));
    assert!(matches!(&store.replace_analyses(&[foreign]).unwrap()[0], PutOutcome::Rejected { .. }));
    // The next reanalysis starts over.
    assert_eq!(store.start_reanalysis(false).unwrap().pending, 10);
    assert_clean(&store);
    assert_eq!(store.stats().unwrap().sources, 10);
}

fn tempdir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lagebild-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_database_written_by_schema_version_1_opens_and_is_migrated() {
    let dir = tempdir("v1");
    let path = dir.join("v1.db");
    {
        // Exactly what version 1 wrote: its schema, and the records with their index tables.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0].sql).unwrap();
        conn.execute_batch("PRAGMA user_version = 1; PRAGMA application_id = 1279738436;").unwrap();
    }
    {
        // Version 1 had no code_names; write with today's code and then take them out again.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[1].sql).unwrap();
        conn.execute_batch("PRAGMA user_version = 2").unwrap();
    }
    {
        let mut store = Store::open(&path).unwrap();
        put(&mut store, &[worked_example()]);
        put(&mut store, &many()[..3]);
    }
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE code_names; PRAGMA user_version = 1;").unwrap();
        let tables: Vec<String> = conn
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'document_fts%' ORDER BY name",
            )
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(tables, ["claim_keys", "claims", "documents", "event_keys", "events", "keys", "meta", "sources"]);
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    assert_clean(&store);
    assert_eq!(store.stats().unwrap().documents, 4);
    // The migration named the codes from the stored records.
    let page = store.actors(&ActorFilter { matching: Some("roumil".into()), ..Default::default() }, &all()).unwrap();
    assert_eq!(page.items[0].name.as_deref(), Some("Rumänien"));
    assert_eq!(event_ids(&store, &EventFilter { actor: actor("ROUMIL"), ..Default::default() }), [format!("{EX}/v2")]);
}

#[test]
fn foreign_and_newer_databases_are_refused() {
    let dir = tempdir("foreign");
    let foreign = dir.join("foreign.db");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    assert!(matches!(Store::open(&foreign), Err(StoreError::NotLagebild(_))));
    let newer = dir.join("newer.db");
    drop(Store::open(&newer).unwrap());
    rusqlite::Connection::open(&newer).unwrap().execute_batch("PRAGMA user_version = 99").unwrap();
    match Store::open(&newer) {
        Err(error @ StoreError::TooNew { found: 99, .. }) => assert!(error.to_string().contains("newer lagebild")),
        other => panic!("{:?}", other.err()),
    }
    let text = dir.join("text.db");
    std::fs::write(&text, "not a database at all, just some words that go on for a while").unwrap();
    assert!(Store::open(&text).is_err());
}

#[test]
fn a_read_only_connection_refuses_writes_and_a_slow_query_stops_at_its_deadline() {
    let dir = tempdir("readonly");
    let path = dir.join("store.db");
    let mut writer = Store::open(&path).unwrap();
    put(&mut writer, &many());
    let mut reader = Store::open(&path).unwrap();
    reader.make_read_only().unwrap();
    let items =
        [Put::Record(NewDocument { record: record(&document("new", "2024-01-01", "N", &[])), input_lang: None })];
    assert!(reader.put_batch(&items, OnConflict::Skip).is_err());
    reader.set_query_timeout(Some(std::time::Duration::ZERO));
    assert!(matches!(reader.events(&EventFilter::default(), &all()), Err(StoreError::Timeout(_))));
    reader.set_query_timeout(None);
    assert_eq!(reader.events(&EventFilter::default(), &all()).unwrap().items.len(), 300);
}

#[test]
fn generated_records_keep_the_contract() {
    // The records these tests store are what the pipeline will write: valid by the schema.
    let doc = document(
        "c",
        "2024-02-03",
        "Check",
        &[EventSpec::new(EventType::Assault, party("PRKMIL"), party("KORGOV"))
            .reported_by(party("USAGOV"), Stance::Assert)
            .denied_by(party("PRKGOV"))
            .via("Telegram")],
    );
    let value = lagebild_format::to_json(&doc, &lagebild_format::OutputOptions::default());
    lagebild_format::check_record(&value).unwrap();
}

#[test]
fn reindexing_rebuilds_the_same_index_from_the_records() {
    let mut store = example_store();
    put(&mut store, &many()[..20]);
    let filters = [
        EventFilter { actor: actor("PRK"), ..Default::default() },
        EventFilter { reported_by: actor("RUSMIL"), ..Default::default() },
        EventFilter { text: Some("Generatoren".into()), ..Default::default() },
    ];
    let before: Vec<Vec<String>> = filters.iter().map(|filter| event_ids(&store, filter)).collect();
    let actors_before = store.actors(&ActorFilter::default(), &all()).unwrap();
    assert_eq!(store.reindex().unwrap(), 21);
    assert_clean(&store);
    let after: Vec<Vec<String>> = filters.iter().map(|filter| event_ids(&store, filter)).collect();
    assert_eq!(after, before);
    assert_eq!(store.actors(&ActorFilter::default(), &all()).unwrap(), actors_before);
}
