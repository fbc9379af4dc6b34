//! Coverage of the committed base: every country has, in German and English, a name, a
//! genitive, its adjective forms and a demonym; places, people and organisations the issue
//! names are there with what they need.

use std::collections::HashMap;

use chrono::NaiveDate;
use lagebild_doc::Lang;
use lagebild_kb::{Kb, Kind, NameForm, key_of};

fn kb() -> Kb {
    Kb::embedded().expect("the embedded base loads")
}

fn has(kb: &Kb, id: &str, lang: Lang, form: NameForm, name: &str) -> bool {
    let index = kb.index_of(id).unwrap();
    kb.lookup(&key_of(name)).iter().any(|hit| hit.entry == index && hit.form == form && hit.lang.includes(lang))
}

/// (entry, form, language) → keys, for the countries.
fn inverted(kb: &Kb) -> HashMap<(u32, NameForm, Lang), Vec<String>> {
    let mut map: HashMap<(u32, NameForm, Lang), Vec<String>> = HashMap::new();
    for (key, hits) in kb.names() {
        for hit in hits.iter().filter(|hit| kb.entry(hit.entry).kind == Kind::Country) {
            for lang in [Lang::De, Lang::En] {
                if hit.lang.includes(lang) {
                    map.entry((hit.entry, hit.form, lang)).or_default().push(key.to_owned());
                }
            }
        }
    }
    map
}

#[test]
fn every_country_has_names_genitives_adjectives_and_demonyms_in_both_languages() {
    let kb = kb();
    // Territories without a population have no demonym; the table writes `-` for them.
    let table = include_str!("../../../resources/kb/countries.tsv");
    let uninhabited: Vec<String> = table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter(|line| line.split('\t').nth(7) == Some("-"))
        .map(|line| format!("country:{}", line.split('\t').next().unwrap()))
        .collect();
    let countries: Vec<u32> = (0..kb.len() as u32).filter(|&index| kb.entry(index).kind == Kind::Country).collect();
    assert_eq!(countries.len(), 250, "249 ISO 3166 countries and territories and Kosovo");
    let inverted = inverted(&kb);
    let mut missing = Vec::new();
    let mut cells = 0;
    for &index in &countries {
        let entry = kb.entry(index);
        for lang in [Lang::De, Lang::En] {
            let mut need = vec![NameForm::Name, NameForm::Genitive, NameForm::Adjective];
            if !uninhabited.contains(&entry.id.to_string()) {
                need.push(NameForm::Demonym);
            }
            for form in need {
                cells += 1;
                let found = inverted.get(&(index, form, lang)).map_or(0, Vec::len);
                let enough = if lang == Lang::De && form == NameForm::Adjective { 6 } else { 1 };
                if found < enough {
                    missing.push(format!("{} {} {}", entry.id, lang.code(), form.as_str()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{} of {cells} cells missing: {missing:?}", missing.len());
    // GeoNames names no capital for six territories, and two capitals are under 15,000 people.
    let capitals = countries.iter().filter(|&&index| kb.entry(index).capital.is_some()).count();
    assert!(capitals >= 242, "{capitals} countries with a capital");
    // Antarctica, Bouvet, South Georgia, Heard and McDonald, Svalbard, the French Southern Lands, the US Minor Islands.
    assert!(uninhabited.len() <= 7, "{uninhabited:?}");
}

#[test]
fn the_inflected_forms_of_the_issue_are_there() {
    let kb = kb();
    assert!(has(&kb, "country:RUS", Lang::De, NameForm::Genitive, "Russlands"));
    assert!(has(&kb, "country:PRK", Lang::De, NameForm::Genitive, "Nordkoreas"));
    assert!(has(&kb, "country:UKR", Lang::De, NameForm::Genitive, "Ukraine"));
    for form in ["russisch", "russische", "russischen", "russischer", "russisches", "russischem"] {
        assert!(has(&kb, "country:RUS", Lang::De, NameForm::Adjective, form), "{form}");
    }
    assert!(has(&kb, "country:PRK", Lang::De, NameForm::Adjective, "nordkoreanische"));
    assert!(has(&kb, "country:USA", Lang::De, NameForm::Adjective, "US-amerikanischer"));
    assert!(has(&kb, "country:RUS", Lang::En, NameForm::Adjective, "Russian"));
    assert!(has(&kb, "country:KOR", Lang::En, NameForm::Adjective, "South Korean"));
    assert!(has(&kb, "country:RUS", Lang::De, NameForm::Demonym, "Russen"));
    assert!(has(&kb, "country:USA", Lang::De, NameForm::Name, "USA"));
    assert!(has(&kb, "country:KOR", Lang::De, NameForm::Name, "Südkorea"));
}

#[test]
fn places_people_and_organisations_of_the_issue_are_there() {
    let kb = kb();
    let cheongju = kb.lookup("cheongju");
    assert!(
        cheongju
            .iter()
            .any(|hit| kb.entry(hit.entry).id.starts_with("geo:")
                && kb.entry(hit.entry).country.as_deref() == Some("KOR"))
    );
    let pyongyang =
        kb.lookup("pjöngjang").iter().map(|hit| kb.entry(hit.entry)).find(|entry| entry.kind == Kind::Place).unwrap();
    assert_eq!(pyongyang.country.as_deref(), Some("PRK"));
    assert!(pyongyang.lat.is_some() && pyongyang.lon.is_some());
    assert_eq!(kb.get("country:PRK").unwrap().capital, kb.index_of(&pyongyang.id));
    let places = kb.entries().iter().filter(|entry| entry.kind == Kind::Place).count();
    assert_eq!(places, 34006, "every place of GeoNames cities15000");
    assert!(
        kb.entries()
            .iter()
            .filter(|entry| entry.kind == Kind::Place)
            .all(|entry| entry.lat.is_some() && entry.country.is_some())
    );

    let date = NaiveDate::from_ymd_opt(2023, 10, 19).unwrap();
    let lavrov = kb.get("person:sergey-lavrov").unwrap();
    assert!(lavrov.roles_on(Some(date)).any(|role| &*role.key == "foreign_minister" && &*role.code == "RUSGOV"));
    assert!(kb.lookup("lawrow").iter().any(|hit| kb.entry(hit.entry).id == lavrov.id));
    assert!(kb.lookup("selenskyj").iter().any(|hit| &*kb.entry(hit.entry).id == "person:volodymyr-zelensky"));
    let holders: Vec<_> =
        kb.holders("foreign_minister", "RUS", date).map(|(entry, _)| kb.entry(entry).id.clone()).collect();
    assert_eq!(holders, ["person:sergey-lavrov".into()] as [Box<str>; 1]);
    assert!(kb.holders("head_of_state", "PRK", date).any(|(entry, _)| &*kb.entry(entry).id == "person:kim-jong-un"));
    // No holder is known before the data begin: unresolved rather than guessed.
    let early = NaiveDate::from_ymd_opt(1950, 1, 1).unwrap();
    assert_eq!(kb.holders("foreign_minister", "RUS", early).count(), 0);

    for (id, code) in [
        ("org:yonhap", "KORMED"),
        ("org:ria-novosti", "RUSMED"),
        ("landmark:white-house", "USAGOV"),
        ("org:nato", "IGOWSTNAT"),
    ] {
        assert_eq!(kb.get(id).unwrap().code.as_deref(), Some(code), "{id}");
    }
    assert!(kb.lookup("ria").iter().any(|hit| &*kb.entry(hit.entry).id == "org:ria-novosti"));
    assert!(kb.lookup("weißes haus").iter().any(|hit| &*kb.entry(hit.entry).id == "landmark:white-house"));
    assert!(kb.role_noun(Lang::De, "außenminister").is_some_and(|noun| &*noun.sector == "GOV"));
    assert!(kb.role_noun(Lang::En, "navy").is_some_and(|noun| &*noun.sector == "MIL"));
}

/// PETRARCH's country actors hold people its authors wrote by hand beside the generated
/// CountryInfo ones (`BARACK_OBAMA`, `JOHN_KERRY_`): they are people of the base with their
/// dated roles; the role phrases (`US_SECRETARY_OF_DEFENSE_`) and places (`IRAQI_KURDISTAN`)
/// of that part of the file are not.
#[test]
fn people_written_into_petrarch_by_hand_are_there_and_its_role_phrases_are_not() {
    let kb = kb();
    let kerry = kb.get("person:john-kerry").unwrap();
    assert_eq!(kerry.country.as_deref(), Some("USA"));
    let date = NaiveDate::from_ymd_opt(2015, 6, 1).unwrap();
    assert!(kerry.roles_on(Some(date)).any(|role| &*role.code == "USAGOV"));
    assert!(kb.lookup("barack obama").iter().any(|hit| &*kb.entry(hit.entry).id == "person:barack-obama"));
    assert!(kb.get("person:nicolas-maduro").is_some());
    for id in ["person:us-secretary-of-defense", "person:iraqi-kurdistan", "person:republica-srpska"] {
        assert!(kb.get(id).is_none(), "{id}");
    }
}

/// GeoNames' ` City` is left off a town's name (`Shinjuku City` → `Shinjuku`), but not in the
/// United States, where the rest names something else (`Texas City`), nor where the rest is
/// the country's name (`Mexico City`, `Kuwait City`).
#[test]
fn a_city_suffix_is_left_off_only_where_the_rest_names_the_town() {
    let kb = kb();
    let towns = |key: &str| -> Vec<String> {
        kb.lookup(key)
            .iter()
            .map(|hit| kb.entry(hit.entry))
            .filter(|entry| entry.kind == Kind::Place)
            .map(|entry| entry.name_en.to_string())
            .collect()
    };
    for key in ["mexico", "kuwait", "guatemala", "texas", "league"] {
        assert!(towns(key).iter().all(|name| !name.ends_with(" City")), "{key}: {:?}", towns(key));
    }
}

#[test]
fn a_broken_file_is_named_with_its_line() {
    let dir = std::env::temp_dir().join(format!("lagebild-kb-broken-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("entries.tsv"), "# source: x\n# licence: y\ncountry:XXX\tGPE\n").unwrap();
    std::fs::write(dir.join("names.tsv"), "# source: x\n# licence: y\n").unwrap();
    std::fs::write(dir.join("roles.tsv"), "# source: x\n# licence: y\n").unwrap();
    let error = Kb::from_dir(&dir).unwrap_err().to_string();
    assert_eq!(error, "kb/entries.tsv:3: expected 11 tab-separated fields, found 2");
    std::fs::remove_dir_all(&dir).ok();
}
