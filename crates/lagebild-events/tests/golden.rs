//! Golden renderings: the events of our own German and English sentences in
//! `tests/cases/`, one snapshot per file.

use std::fmt::Write;

use lagebild_pipeline::{Knowledge, Options, Timings};

fn render(lang: &str, text: &str) -> String {
    let knowledge = Knowledge::embedded().expect("the embedded knowledge loads");
    let raw = lagebild_ingest::RawDocument {
        id: "case".into(),
        source: "-".into(),
        title: None,
        url: None,
        published: "2024-03-14".parse().ok(),
        published_time: None,
        lang: Some(lang.into()),
        text: text.into(),
    };
    let doc = lagebild_pipeline::analyze(raw, &knowledge, &Options::default(), &mut Timings::default()).document;
    let words = |range: lagebild_doc::TextRange| doc.slice(range).to_owned();
    let args = |args: &[lagebild_doc::Arg]| {
        args.iter()
            .map(|arg| format!("{} ({})", words(arg.range), arg.code.as_deref().unwrap_or("-")))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let mut out = String::new();
    for (index, event) in doc.events.iter().enumerate() {
        let flags: Vec<&str> = [
            (event.negated, "negated"),
            (event.hypothetical, "hypothetical"),
            (event.future, "future"),
            (event.historical, "historical"),
        ]
        .into_iter()
        .filter_map(|(set, name)| set.then_some(name))
        .collect();
        writeln!(
            out,
            "v{index} {} {} cameo {} score {}: [{}] {} -> {}\n    at [{}] date {} ({}) {}",
            event.event_type.as_str(),
            event.mode.as_deref().unwrap_or("-"),
            event.cameo.as_deref().unwrap_or("-"),
            event.score.map_or("-".to_owned(), |score| score.to_string()),
            words(event.trigger.range),
            args(&event.actors),
            args(&event.recipients),
            event.location.as_ref().map(|arg| words(arg.range)).unwrap_or_default(),
            event.date.as_deref().unwrap_or("-"),
            event.date_source.as_str(),
            flags.join(" "),
        )
        .expect("writing to a string");
    }
    out
}

#[test]
fn german_events() {
    insta::assert_snapshot!(render("de", include_str!("cases/de.txt")));
}

#[test]
fn english_events() {
    insta::assert_snapshot!(render("en", include_str!("cases/en.txt")));
}

/// A group the text names without its country (`die Polizei`, `the rebels`) takes the
/// article's: its dateline's, else the one most of its names belong to; a group of several
/// countries (`beide Armeen`), a government's officials (`der Kanzler`, who may be abroad) and an
/// article without one country take none.
#[test]
fn groups_take_the_country_of_the_article() {
    let articles = [
        (
            "de",
            "Budapest – Die Polizei nahm am Montag drei Männer fest. Die Gewerkschaften drohten mit Streiks. Tausende protestierten.",
        ),
        (
            "de",
            "Der Kanzler ist nach Paris gereist. Der französische Präsident empfing ihn. Beide Armeen wollen ihre Zusammenarbeit vertiefen. Die Armee hielt eine Übung ab.",
        ),
        ("en", "Syrian troops shelled the town of Idlib. Rebels attacked a convoy in northern Syria on Monday."),
        ("en", "Police arrested two men in London and Paris."),
    ];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// A third-person plural pronoun stands for the plural group that was the subject of a clause
/// before it, in its sentence or the two before, also through another such pronoun; a
/// capitalised `Sie` inside a sentence addresses someone and stands for no group.
#[test]
fn plural_pronouns_stand_for_the_group_before() {
    let articles = [
        (
            "de",
            "Budapest – Tausende Studenten protestierten gegen die Regierung. Sie waren aus dem ganzen Land angereist. Am Abend forderten sie Neuwahlen.",
        ),
        ("de", "Budapest – Tausende Studenten protestierten. Der Minister sagte, er werde Sie unterstützen."),
        ("en", "Kabul – The rebels attacked a convoy. They killed three soldiers."),
    ];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// A sports report (three different sports words, five per thousand tokens) has no events of
/// its games; those of courts, police, armed forces, legislatures and international
/// organisations stay. The same sentences outside a sports report keep their events.
#[test]
fn sports_reports_have_no_games_as_events() {
    let articles = [
        (
            "de",
            "Wien – Rapid traf in der Bundesliga auf den Tabellenführer. Der Trainer lobte die Mannschaft nach dem Sieg in der neuen Saison. Im Angriff fehlte der verletzte Stürmer.",
        ),
        ("de", "Wien – Der Minister traf den Präsidenten. Der Minister lobte die Polizei."),
        (
            "en",
            "The striker scored twice as the league leaders won the match. The coach praised the squad after the season's best win. Greek prosecutors have charged two sprinters.",
        ),
    ];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// A definite event noun with no actor names again an event told before it: the nearest
/// earlier event of its word, else of its category, within three sentences, lends it its
/// actors with a code, and its recipients where it names none; where that event is the object
/// of a verb of its category, the verb's event lends them. An indefinite noun is a new event,
/// an attack keeps its own participants, and an earlier event of the same word with no actor
/// lends nothing, whatever event of the category stands between them.
#[test]
fn definite_event_nouns_take_the_actors_of_the_event_they_name_again() {
    let articles = [
        (
            "de",
            "Die Europäische Union hat am Montag Sanktionen gegen Russland verhängt. Die Sanktionen gelten ein Jahr. Ungarn warnte, neue Sanktionen seien falsch.",
        ),
        (
            "de",
            "Budapest – Tausende Ungarn protestierten gegen die Regierung. Die Kundgebung blieb friedlich. Bei einem Anschlag starben zwei Polizisten. Der Angriff wurde verurteilt.",
        ),
        (
            "de",
            "Es ging um Waffenlieferungen und russische Hilfe für Nordkorea. Die Waffenlieferungen hätten begonnen.",
        ),
        ("en", "The EU imposed sanctions on Russia in May. The sanctions will stay in place until June."),
    ];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// A visit's country is its host where no recipient is named: a country no actor with a code
/// belongs to, or a city of another country than the actors'; a visit at home has no host.
#[test]
fn a_visit_to_a_country_has_that_country_as_host() {
    let articles = [
        ("de", "Während des Besuchs von Präsident Emmanuel Macron in Vietnam wurden zwei Reporter festgenommen."),
        ("en", "On Wednesday, the Russian foreign minister visited slums in the Kenyan capital Nairobi."),
        ("en", "The British prime minister visited a school in Manchester on Tuesday."),
    ];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// A word right before an event noun may give it another sense, and so may a word of its
/// sentence: a walkout where `strike` alone is an attack; a cyber attack (COERCE) by
/// computers; no event at all in the heart; German compounds written with a hyphen as in one
/// word. A verb of class `needs_sense`
/// is an event only with its preposition right after it: `insisted on` demands, `insisted
/// that` claims, and `insisted on Monday that` too.
#[test]
fn a_word_before_an_event_noun_gives_it_its_sense() {
    let articles = [
        (
            "en",
            "Civil servants in Wales began a one-day strike on Friday. The Pentagon planned an air strike on the rebels. The union leader called off a hunger strike. Nurses joined the strike over pay. About 40 people were killed in strikes on the city.",
        ),
        (
            "en",
            "Chinese hackers launched phishing attacks on British banks. The Russian president suffered a heart attack. Rebels carried out a bomb attack on an army base.",
        ),
        (
            "en",
            "The German chancellor insisted on new talks with Russia. The British minister insisted that the plan was affordable. The French president insisted on Monday that the plan would work.",
        ),
        ("de", "Nach mehreren Hacker-Angriffen auf polnische Banken ermittelt die Polizei."),
    ];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// `agree` with a clause of content that binds no one (no `will`, `would`, `should`, `must`,
/// `to`) is an opinion, no event; with one, or with an object or an infinitive, an agreement.
#[test]
fn agreeing_with_a_statement_is_an_opinion() {
    let articles = [(
        "en",
        "Analysts agree that the plan is flawed. Both governments agreed that talks would resume in May. The rebels agreed to a ceasefire. The two ministers agreed a new trade deal.",
    )];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// A verb that only carries an event noun with a reflexive pronoun is no event of its own
/// (`lieferten sich Gefechte`: the battles, not a delivery); its subject fights. German
/// words that name no event with their object or their first word: `nahm … in Angriff`
/// (tackled), `hat es schwer getroffen` (hit), `ermittelte den Preis` (worked out).
#[test]
fn a_verb_that_carries_an_event_noun_is_no_event_of_its_own() {
    let articles = [(
        "de",
        "In Cizre liefern sich türkische Soldaten und kurdische Rebellen schwere Gefechte. Die Regierung nahm die Reform in Angriff. Die Krise hat es schwer getroffen. Der Gutachter ermittelte den Preis.",
    )];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// German verbs that are events only in one sense (class `needs_sense`): `laden zu` invites
/// (not `lädt den Akku`), `zitieren ins Außenministerium` summons (not `zitiert die Zeitung`),
/// `den Rücken stärken` supports; `sich für … einsetzen` supports (class `reflexive_only`),
/// where `für Zwecke eingesetzt` is used. `fernbleiben` is a boycott.
#[test]
fn german_verbs_that_are_events_in_one_sense() {
    let articles = [(
        "de",
        "Das Ministerium lud die Gewerkschaften zu einem Gespräch. Er lädt den Akku. Polen will den russischen Botschafter ins Außenministerium zitieren. Die Zeitung zitiert einen Diplomaten. Die Partei stärkte dem Kanzler den Rücken. Russland will sich für Serbien einsetzen. Die Drohnen werden für Aufklärung eingesetzt. Die Opposition blieb der Sitzung fern.",
    )];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// German verbs of one sense, continued: `gegen … vorgehen` coerces, `das Amt verlassen`
/// resigns, `die Grenze öffnen` gives access; `vorgehen` and `verlassen` alone are no events.
#[test]
fn german_verbs_of_one_sense_continued() {
    let articles = [(
        "de",
        "Die Polizei ging mit Tränengas gegen Demonstranten vor. Der Präsident verlässt sein Amt. Ungarn öffnete die Grenze zu Serbien. Der Zug verlässt den Bahnhof. So ist er vorgegangen.",
    )];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}

/// A negation that opens `nicht nur … sondern auch`, `nicht zuletzt`, `not only`, `not just`
/// negates nothing (class `not_negating`); `nicht` alone does.
#[test]
fn not_only_negates_nothing() {
    let articles = [
        ("de", "Nicht nur die Opposition fordert Neuwahlen. Die Regierung fordert keine Neuwahlen."),
        ("en", "The union is asking not just for talks but for a pay rise. The minister did not ask for talks."),
    ];
    insta::assert_snapshot!(articles.map(|(lang, text)| render(lang, text)).join("---\n"));
}
