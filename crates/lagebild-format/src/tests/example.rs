//! The worked example of `docs/format.md`: a short German news article, every layer filled.

use chrono::NaiveDate;
use lagebild_doc::{
    Arg, Claim, ClaimConstruction, ClaimId, ClaimKind, DateSource, Document, Entity, EntityForm, EntityId, EntityType,
    Event, EventId, EventType, Lang, Meta, Quantity, QuantityId, QuantityModifier, Reading, Sentence, Span, Stance,
    TextRange, Time, TimeId, TimeMod, TimeType, Token,
};

use super::{find, find_in};

const SENTENCES: [&str; 4] = [
    "Die rumänische Außenministerin Ana Petrescu ist am Dienstag zu Gesprächen in Kiew eingetroffen.",
    "Sie sicherte der Ukraine bis Ende Juni 40 weitere Generatoren zu.",
    "Das russische Verteidigungsministerium hatte am Montag im Staatsfernsehen behauptet, Rumänien habe in der \
     vergangenen Woche mehr als 200 Soldaten an die Grenze zur Ukraine verlegt.",
    "Ein Regierungssprecher in Bukarest wies das gegenüber Journalisten zurück: „Die Behauptung Moskaus, wir würden \
     Truppen zusammenziehen, ist falsch.“",
];

/// Every token: its words, UPOS, lemma and UD features (`_` for none), in text order.
const TOKENS: &str = "\
Die DET der Case=Nom|Definite=Def|Gender=Fem|Number=Sing|PronType=Art
rumänische ADJ rumänisch Case=Nom|Degree=Pos|Gender=Fem|Number=Sing
Außenministerin NOUN Außenministerin Case=Nom|Gender=Fem|Number=Sing
Ana PROPN Ana Case=Nom|Gender=Fem|Number=Sing
Petrescu PROPN Petrescu Case=Nom|Gender=Fem|Number=Sing
ist AUX sein Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
am ADP an _
Dienstag NOUN Dienstag Case=Dat|Gender=Masc|Number=Sing
zu ADP zu _
Gesprächen NOUN Gespräch Case=Dat|Gender=Neut|Number=Plur
in ADP in _
Kiew PROPN Kiew Case=Dat|Gender=Neut|Number=Sing
eingetroffen VERB eintreffen VerbForm=Part
. PUNCT . _
Sie PRON sie Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs
sicherte VERB zusichern Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
der DET der Case=Dat|Definite=Def|Gender=Fem|Number=Sing|PronType=Art
Ukraine PROPN Ukraine Case=Dat|Gender=Fem|Number=Sing
bis ADP bis _
Ende NOUN Ende Case=Acc|Gender=Neut|Number=Sing
Juni PROPN Juni Case=Gen|Gender=Masc|Number=Sing
40 NUM 40 NumType=Card
weitere ADJ weiter Case=Acc|Degree=Pos|Number=Plur
Generatoren NOUN Generator Case=Acc|Gender=Masc|Number=Plur
zu ADP zu _
. PUNCT . _
Das DET der Case=Nom|Definite=Def|Gender=Neut|Number=Sing|PronType=Art
russische ADJ russisch Case=Nom|Degree=Pos|Gender=Neut|Number=Sing
Verteidigungsministerium NOUN Verteidigungsministerium Case=Nom|Gender=Neut|Number=Sing
hatte AUX haben Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
am ADP an _
Montag NOUN Montag Case=Dat|Gender=Masc|Number=Sing
im ADP in _
Staatsfernsehen NOUN Staatsfernsehen Case=Dat|Gender=Neut|Number=Sing
behauptet VERB behaupten VerbForm=Part
, PUNCT , _
Rumänien PROPN Rumänien Case=Nom|Gender=Neut|Number=Sing
habe AUX haben Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
in ADP in _
der DET der Case=Dat|Definite=Def|Gender=Fem|Number=Sing|PronType=Art
vergangenen ADJ vergangen Case=Dat|Degree=Pos|Gender=Fem|Number=Sing
Woche NOUN Woche Case=Dat|Gender=Fem|Number=Sing
mehr ADV mehr Degree=Cmp
als ADP als _
200 NUM 200 NumType=Card
Soldaten NOUN Soldat Case=Acc|Gender=Masc|Number=Plur
an ADP an _
die DET der Case=Acc|Definite=Def|Gender=Fem|Number=Sing|PronType=Art
Grenze NOUN Grenze Case=Acc|Gender=Fem|Number=Sing
zur ADP zu _
Ukraine PROPN Ukraine Case=Dat|Gender=Fem|Number=Sing
verlegt VERB verlegen VerbForm=Part
. PUNCT . _
Ein DET ein Case=Nom|Definite=Ind|Gender=Masc|Number=Sing|PronType=Art
Regierungssprecher NOUN Regierungssprecher Case=Nom|Gender=Masc|Number=Sing
in ADP in _
Bukarest PROPN Bukarest Case=Dat|Gender=Neut|Number=Sing
wies VERB zurückweisen Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin
das PRON der Case=Acc|Gender=Neut|Number=Sing|PronType=Dem
gegenüber ADP gegenüber _
Journalisten NOUN Journalist Case=Dat|Gender=Masc|Number=Plur
zurück ADV zurück _
: PUNCT : _
„ PUNCT „ _
Die DET der Case=Nom|Definite=Def|Gender=Fem|Number=Sing|PronType=Art
Behauptung NOUN Behauptung Case=Nom|Gender=Fem|Number=Sing
Moskaus PROPN Moskau Case=Gen|Gender=Neut|Number=Sing
, PUNCT , _
wir PRON wir Case=Nom|Number=Plur|Person=1|PronType=Prs
würden AUX werden Mood=Sub|Number=Plur|Person=1|Tense=Past|VerbForm=Fin
Truppen NOUN Truppe Case=Acc|Gender=Fem|Number=Plur
zusammenziehen VERB zusammenziehen VerbForm=Inf
, PUNCT , _
ist AUX sein Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin
falsch ADJ falsch Degree=Pos
. PUNCT . _
“ PUNCT “ _";

/// The article of `docs/format.md` with every layer filled by hand.
pub(super) fn document() -> Document {
    let mut meta = Meta::new("bsp-20240514-kiew", "https://example.org/politik/2024/05/14/petrescu-kiew");
    meta.title = Some("Rumänische Außenministerin sagt Kiew Generatoren zu".to_owned());
    meta.published = NaiveDate::from_ymd_opt(2024, 5, 14);
    meta.lang = Lang::De;
    meta.lang_detected = Some("de".to_owned());
    let mut doc = Document::new(meta, SENTENCES.join(" "));
    let text = doc.text().to_owned();
    let text = text.as_str();
    let at = |needle: &str| find(text, needle);
    let at_in = |needle: &str, context: &str| find_in(text, needle, context);

    doc.sentences = SENTENCES.iter().map(|sentence| Sentence { range: at(sentence) }).collect();
    doc.tokens = tokens(text);

    let entity = |range, entity_type, form, kb_id: Option<&str>, name: Option<&str>| Entity {
        kb_id: kb_id.map(str::to_owned),
        name: name.map(str::to_owned),
        ..Entity::new(range, entity_type, form, 0.9)
    };
    let place = |mut entity: Entity, reading, country: &str, code: Option<&str>, confidence, cluster| {
        entity.reading = Some(reading);
        entity.country = Some(country.to_owned());
        entity.code = code.map(str::to_owned);
        entity.confidence = confidence;
        entity.cluster = cluster;
        entity
    };
    let located = |mut entity: Entity, lat, lon| {
        entity.lat = Some(lat);
        entity.lon = Some(lon);
        entity
    };
    use EntityForm::{Adjective, Name, RoleNoun};
    use EntityType::{Gpe, Organization, Person};
    use Reading::{Government, Military, Place};
    let romania = |range, form| entity(range, Gpe, form, Some("Q218"), Some("Rumänien"));
    let ukraine = |range| entity(range, Gpe, Name, Some("Q212"), Some("Ukraine"));
    doc.entities = vec![
        // e0
        place(romania(at("rumänische"), Adjective), Government, "ROU", Some("ROUGOV"), 0.93, Some(0)),
        // e1: a person the knowledge base does not know
        Entity {
            reading: Some(Reading::Person),
            country: Some("ROU".to_owned()),
            code: Some("ROUGOV".to_owned()),
            role: Some("Außenministerin".to_owned()),
            confidence: 0.88,
            ..entity(at("Ana Petrescu"), Person, Name, None, Some("Ana Petrescu"))
        },
        // e2
        located(
            place(entity(at("Kiew"), Gpe, Name, Some("Q1899"), Some("Kyjiw")), Place, "UKR", Some("UKR"), 0.97, None),
            50.45,
            30.5236,
        ),
        // e3
        located(
            place(ukraine(at_in("Ukraine", "der Ukraine")), Government, "UKR", Some("UKRGOV"), 0.96, Some(1)),
            49.0,
            32.0,
        ),
        // e4
        place(
            entity(at("russische"), Gpe, Adjective, Some("Q159"), Some("Russland")),
            Government,
            "RUS",
            Some("RUSGOV"),
            0.9,
            Some(2),
        ),
        // e5
        Entity {
            reading: Some(Reading::Organization),
            country: Some("RUS".to_owned()),
            code: Some("RUSMIL".to_owned()),
            confidence: 0.85,
            ..entity(
                at("Verteidigungsministerium"),
                Organization,
                Name,
                None,
                Some("Verteidigungsministerium der Russischen Föderation"),
            )
        },
        // e6
        located(place(romania(at("Rumänien"), Name), Military, "ROU", Some("ROUMIL"), 0.95, Some(0)), 46.0, 25.0),
        // e7
        located(place(ukraine(at_in("Ukraine", "zur Ukraine")), Place, "UKR", Some("UKR"), 0.96, Some(1)), 49.0, 32.0),
        // e8: named by its role only
        Entity {
            reading: Some(Reading::Person),
            country: Some("ROU".to_owned()),
            code: Some("ROUGOV".to_owned()),
            role: Some("Regierungssprecher".to_owned()),
            confidence: 0.8,
            ..entity(at("Regierungssprecher"), Person, RoleNoun, None, None)
        },
        // e9
        located(
            place(entity(at("Bukarest"), Gpe, Name, Some("Q19660"), Some("Bukarest")), Place, "ROU", None, 0.98, None),
            44.4325,
            26.1039,
        ),
        // e10
        located(
            place(
                entity(at("Moskaus"), Gpe, Name, Some("Q649"), Some("Moskau")),
                Government,
                "RUS",
                Some("RUSGOV"),
                0.94,
                Some(2),
            ),
            55.7558,
            37.6173,
        ),
    ];

    let time = |range, value: &str, modifier| Time {
        range,
        time_type: TimeType::Date,
        value: value.to_owned(),
        modifier,
        anchored: true,
    };
    doc.times = vec![
        time(at("am Dienstag"), "2024-05-14", None),
        time(at("Ende Juni"), "2024-06", Some(TimeMod::End)),
        time(at("am Montag"), "2024-05-13", None),
        time(at("in der vergangenen Woche"), "2024-W19", None),
    ];
    doc.quantities = vec![
        Quantity {
            range: at("40 weitere Generatoren"),
            value: 40.0,
            unit: Some("Generator".to_owned()),
            modifier: QuantityModifier::Exact,
        },
        Quantity {
            range: at("mehr als 200 Soldaten"),
            value: 200.0,
            unit: Some("Soldat".to_owned()),
            modifier: QuantityModifier::MoreThan,
        },
    ];

    let arg = |range, entity: Option<u32>, code: Option<&str>| Arg {
        range,
        entity: entity.map(EntityId),
        code: code.map(str::to_owned),
    };
    let discontinuous = |words: &[TextRange]| Span {
        range: words.iter().copied().reduce(TextRange::cover).expect("at least one part"),
        parts: words.to_vec(),
    };
    let claim = |sentence, kind, construction, speaker, cue, content| Claim {
        sentence,
        kind,
        construction,
        speaker: Some(speaker),
        channel: None,
        addressee: None,
        cue,
        content: Span::continuous(content),
        stance: Stance::Assert,
        date: None,
        parent: None,
        responds_to: Vec::new(),
        events: Vec::new(),
    };
    doc.claims = vec![
        // c0: the accusation
        Claim {
            channel: Some(arg(at("Staatsfernsehen"), None, None)),
            date: Some("2024-05-13".to_owned()),
            events: vec![EventId(2)],
            ..claim(
                2,
                ClaimKind::Indirect,
                ClaimConstruction::Verb,
                arg(at("Das russische Verteidigungsministerium"), Some(5), Some("RUSMIL")),
                Span::continuous(at("behauptet")),
                at("Rumänien habe in der vergangenen Woche mehr als 200 Soldaten an die Grenze zur Ukraine verlegt"),
            )
        },
        // c1: the denial, a direct quote answering c0
        Claim {
            addressee: Some(arg(at("Journalisten"), None, None)),
            stance: Stance::Deny,
            date: Some("2024-05-14".to_owned()),
            responds_to: vec![ClaimId(0)],
            ..claim(
                3,
                ClaimKind::Direct,
                ClaimConstruction::Verb,
                arg(at("Ein Regierungssprecher in Bukarest"), Some(8), Some("ROUGOV")),
                discontinuous(&[at("wies"), at("zurück")]),
                at("Die Behauptung Moskaus, wir würden Truppen zusammenziehen, ist falsch."),
            )
        },
        // c2: the claim the quote reports, inside c1
        Claim {
            parent: Some(ClaimId(1)),
            ..claim(
                3,
                ClaimKind::Indirect,
                ClaimConstruction::Noun,
                arg(at("Moskaus"), Some(10), Some("RUSGOV")),
                Span::continuous(at("Behauptung")),
                at("wir würden Truppen zusammenziehen"),
            )
        },
    ];

    let event = |sentence, event_type, cameo: &str, score, trigger| Event {
        sentence,
        event_type,
        mode: None,
        context: Vec::new(),
        cameo: Some(cameo.to_owned()),
        score: Some(score),
        actors: Vec::new(),
        recipients: Vec::new(),
        location: None,
        date: None,
        date_source: DateSource::None,
        time: None,
        quantities: Vec::new(),
        trigger,
        negated: false,
        hypothetical: false,
        future: false,
        historical: false,
        claim: None,
    };
    doc.events = vec![
        // v0: the visit
        Event {
            mode: Some("visit".to_owned()),
            context: vec!["diplomatic".to_owned()],
            actors: vec![arg(at("Ana Petrescu"), Some(1), Some("ROUGOV"))],
            recipients: vec![arg(at("Kiew"), Some(2), Some("UKRGOV"))],
            location: Some(arg(at("Kiew"), Some(2), None)),
            date: Some("2024-05-14".to_owned()),
            date_source: DateSource::Text,
            time: Some(TimeId(0)),
            ..event(0, EventType::Consult, "042", 1.9, Span::continuous(at("eingetroffen")))
        },
        // v1: the pledge, dated by the publication date
        Event {
            context: vec!["humanitarian".to_owned()],
            actors: vec![arg(at("Sie"), Some(1), Some("ROUGOV"))],
            recipients: vec![arg(at_in("Ukraine", "der Ukraine"), Some(3), Some("UKRGOV"))],
            date: Some("2024-05-14".to_owned()),
            date_source: DateSource::Published,
            quantities: vec![QuantityId(0)],
            future: true,
            ..event(1, EventType::Aid, "033", 5.2, discontinuous(&[at("sicherte"), at_in("zu", "Generatoren zu")]))
        },
        // v2: the troop movement, reported only in the claim c0
        Event {
            mode: Some("troops".to_owned()),
            context: vec!["military".to_owned()],
            actors: vec![arg(at("Rumänien"), Some(6), Some("ROUMIL"))],
            recipients: vec![arg(at_in("Ukraine", "zur Ukraine"), Some(7), Some("UKR"))],
            location: Some(arg(at("Grenze zur Ukraine"), None, None)),
            date: Some("2024-W19".to_owned()),
            date_source: DateSource::Text,
            time: Some(TimeId(3)),
            quantities: vec![QuantityId(1)],
            claim: Some(ClaimId(0)),
            ..event(2, EventType::Mobilize, "154", -7.2, Span::continuous(at("verlegt")))
        },
    ];
    doc
}

/// The tokens of [`TOKENS`], each found after the one before.
fn tokens(text: &str) -> Vec<Token> {
    let mut from = 0;
    TOKENS
        .lines()
        .map(|line| {
            let [words, pos, lemma, features] = line.split(' ').collect::<Vec<_>>()[..] else {
                panic!("a token line has four fields: {line:?}")
            };
            let start = from + text[from..].find(words).unwrap_or_else(|| panic!("token {words:?} not found"));
            from = start + words.len();
            let morph = match features {
                "_" => Vec::new(),
                features => features
                    .split('|')
                    .map(|feature| {
                        let (name, value) = feature.split_once('=').expect("Name=Value");
                        (name.into(), value.into())
                    })
                    .collect(),
            };
            Token { range: TextRange::from_usize(start, from), pos: Some(pos.into()), lemma: Some(lemma.into()), morph }
        })
        .collect()
}
