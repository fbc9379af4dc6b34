//! Reading the compact files of `kb/` into a [`Kb`].

use chrono::NaiveDate;
use lagebild_doc::{EntityType, Lang};
use lagebild_resources::{ResourceError, Row, parse_table};

use crate::{Entry, Kb, KbError, Kind, NameForm, NameHit, NameLang, Role, RoleNoun, key_of, name_words};

pub(crate) struct Files<'a> {
    pub(crate) entries: &'a str,
    pub(crate) names: &'a str,
    pub(crate) roles: &'a str,
    pub(crate) role_nouns: &'a str,
    pub(crate) context_words: &'a str,
    pub(crate) ambiguous: &'a str,
}

fn optional(field: &str) -> Option<&str> {
    (field != "-").then_some(field)
}

fn number<T: std::str::FromStr>(
    row: &Row<'_>,
    file: &str,
    field: &str,
    what: &str,
) -> Result<Option<T>, ResourceError> {
    optional(field)
        .map(|text| text.parse().map_err(|_| row.error(file, &format!("{what} {text:?} is not a number"))))
        .transpose()
}

fn date(row: &Row<'_>, file: &str, field: &str) -> Result<Option<NaiveDate>, ResourceError> {
    optional(field)
        .map(|text| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| row.error(file, &format!("{text:?} is not a date")))
        })
        .transpose()
}

pub(crate) fn load(files: &Files<'_>) -> Result<Kb, KbError> {
    let mut kb = Kb {
        entries: Vec::new(),
        by_id: Default::default(),
        names: Default::default(),
        first_words: Default::default(),
        first_word_bits: Default::default(),
        role_nouns: Default::default(),
        role_noun_first: Default::default(),
        role_noun_prefixes: Default::default(),
        role_noun_suffixes: Default::default(),
        adjective_suffixes: Default::default(),
        name_prefixes: Default::default(),
        role_noun_words: 1,
        holders: Default::default(),
        context_words: Default::default(),
        direction_prefixes: Default::default(),
        head_nouns: Default::default(),
        ambiguous: Default::default(),
        capital_of: Default::default(),
    };

    const ENTRIES: &str = "kb/entries.tsv";
    let table = parse_table(ENTRIES, files.entries, 11)?;
    kb.entries.reserve(table.rows.len());
    kb.by_id.reserve(table.rows.len());
    kb.names.reserve(table.rows.len() * 2);
    let mut capitals = Vec::new();
    for row in &table.rows {
        let f = &row.fields;
        let kind = Kind::of_id(f[0]).ok_or_else(|| row.error(ENTRIES, &format!("unknown kind of id {:?}", f[0])))?;
        let entity_type =
            EntityType::parse(f[1]).ok_or_else(|| row.error(ENTRIES, &format!("unknown entity type {:?}", f[1])))?;
        let index = kb.entries.len() as u32;
        if kb.by_id.insert(f[0].into(), index).is_some() {
            return Err(row.error(ENTRIES, &format!("duplicate id {:?}", f[0])).into());
        }
        if let Some(capital) = optional(f[9]) {
            capitals.push((index, capital, row.line));
        }
        let country: Option<Box<str>> = optional(f[2]).map(Into::into);
        kb.entries.push(Entry {
            id: f[0].into(),
            kind,
            entity_type,
            code: optional(f[3]).map(Into::into).or_else(|| country.clone()),
            country,
            lat: number(row, ENTRIES, f[4], "latitude")?,
            lon: number(row, ENTRIES, f[5], "longitude")?,
            population: number(row, ENTRIES, f[6], "population")?.unwrap_or(0),
            name_en: f[7].into(),
            name_de: optional(f[8]).unwrap_or(f[7]).into(),
            capital: None,
            roles: Vec::new(),
            source: f[10].into(),
        });
    }
    for (index, capital, line) in capitals {
        let capital = kb.by_id.get(capital).copied().ok_or_else(|| ResourceError::Invalid {
            file: ENTRIES.to_owned(),
            line,
            message: format!("unknown capital {capital:?}"),
        })?;
        kb.entries[index as usize].capital = Some(capital);
        kb.capital_of.insert(capital, index);
    }

    // Each entry's own names first, then the names file.
    for index in 0..kb.entries.len() {
        let (en, de) = (kb.entries[index].name_en.clone(), kb.entries[index].name_de.clone());
        kb.add_name(&en, index as u32, NameForm::Name, if en == de { NameLang::Both } else { NameLang::En });
        if en != de {
            kb.add_name(&de, index as u32, NameForm::Name, NameLang::De);
        }
    }
    const NAMES: &str = "kb/names.tsv";
    for row in &parse_table(NAMES, files.names, 4)?.rows {
        let f = &row.fields;
        let entry = *kb.by_id.get(f[0]).ok_or_else(|| row.error(NAMES, &format!("unknown id {:?}", f[0])))?;
        let lang = NameLang::parse(f[1]).ok_or_else(|| row.error(NAMES, &format!("unknown language {:?}", f[1])))?;
        let form = NameForm::parse(f[2]).ok_or_else(|| row.error(NAMES, &format!("unknown form {:?}", f[2])))?;
        for name in f[3].split('|') {
            if name.trim().is_empty() {
                return Err(row.error(NAMES, "an empty name").into());
            }
            kb.add_name(name, entry, form, lang);
        }
    }

    const ROLES: &str = "kb/roles.tsv";
    for row in &parse_table(ROLES, files.roles, 7)?.rows {
        let f = &row.fields;
        let entry = *kb.by_id.get(f[0]).ok_or_else(|| row.error(ROLES, &format!("unknown id {:?}", f[0])))?;
        let role = Role {
            key: f[1].into(),
            title: optional(f[2]).unwrap_or(f[3]).into(),
            code: f[3].into(),
            start: date(row, ROLES, f[4])?,
            end: date(row, ROLES, f[5])?,
            source: f[6].into(),
        };
        let person = &mut kb.entries[entry as usize];
        let prefix: Box<str> = role.code.get(..3).unwrap_or(&role.code).into();
        kb.holders
            .entry((role.key.clone(), prefix))
            .or_default()
            .push((entry, person.roles.len().min(u16::MAX as usize) as u16));
        person.roles.push(role);
    }

    const ROLE_NOUNS: &str = "resources/kb/role_nouns.tsv";
    for row in &parse_table(ROLE_NOUNS, files.role_nouns, 6)?.rows {
        let f = &row.fields;
        let lang =
            Lang::from_code(f[0]).ok_or_else(|| row.error(ROLE_NOUNS, &format!("unknown language {:?}", f[0])))?;
        let words = f[1].split(' ').count().min(255) as u8;
        if words > 1 {
            kb.role_noun_first.insert(f[1].split(' ').next().unwrap_or_default().into());
        }
        kb.role_noun_words = kb.role_noun_words.max(words);
        let noun = RoleNoun {
            lang,
            noun: f[1].into(),
            sector: f[2].into(),
            role: optional(f[3]).map(Into::into),
            reading: f[4].into(),
        };
        let slot = if lang == Lang::De { 0 } else { 1 };
        kb.role_noun_prefixes[slot].insert(crate::prefix_key(f[1]));
        if lang == Lang::De && f[1].chars().count() >= 6 {
            kb.role_noun_suffixes.insert(crate::suffix_key(f[1], crate::ROLE_SUFFIX));
        }
        kb.role_nouns[slot].insert(f[1].into(), noun);
    }
    const CONTEXT: &str = "resources/kb/context_words.tsv";
    for row in &parse_table(CONTEXT, files.context_words, 4)?.rows {
        let f = &row.fields;
        let slot = match Lang::from_code(f[0]) {
            Some(Lang::De) => 0,
            Some(Lang::En) => 1,
            _ => return Err(row.error(CONTEXT, "expected a language (de, en)").into()),
        };
        match f[2] {
            "direction_prefix" => kb.direction_prefixes[slot].push(f[1].into()),
            "business_noun" => kb.head_nouns[slot].push((f[1].into(), crate::NounClass::Business)),
            "state_noun" => kb.head_nouns[slot].push((f[1].into(), crate::NounClass::State)),
            class => {
                let Some(&(class, _)) = crate::ContextClass::ALL.iter().find(|(_, name)| *name == class) else {
                    return Err(row
                        .error(
                            CONTEXT,
                            "expected the class `locative`, `common`, `quantifier`, `relational`, `honorific`, `company_word`, `seat`, `member`, `direction_prefix`, `business_noun` or `state_noun`",
                        )
                        .into());
                };
                *kb.context_words[slot].entry(f[1].into()).or_default() |= class.bit();
            }
        }
    }
    const AMBIGUOUS: &str = "resources/kb/ambiguous.tsv";
    for row in &parse_table(AMBIGUOUS, files.ambiguous, 4)?.rows {
        let f = &row.fields;
        let entry = *kb.by_id.get(f[0]).ok_or_else(|| row.error(AMBIGUOUS, &format!("unknown id {:?}", f[0])))?;
        kb.ambiguous.entry(entry).or_default().push((key_of(f[1]).into(), f[2].split('|').map(Into::into).collect()));
    }
    kb.names.shrink_to_fit();
    Ok(kb)
}

impl Kb {
    /// Adds a name; one with an initial (`George W. Bush`) also without the initial's full
    /// stop, as news often writes it (`George W Bush`).
    pub(crate) fn add_name(&mut self, name: &str, entry: u32, form: NameForm, lang: NameLang) {
        let key = key_of(name);
        let initial = |word: &str| {
            let mut chars = word.chars();
            matches!((chars.next(), chars.next(), chars.next()), (Some(letter), Some('.'), None) if letter.is_alphabetic())
        };
        if key.split(' ').count() > 1 && key.split(' ').any(initial) {
            let plain: Vec<&str> =
                key.split(' ').map(|word| if initial(word) { word.trim_end_matches('.') } else { word }).collect();
            self.add_key(name, plain.join(" "), entry, form, lang);
        }
        self.add_key(name, key, entry, form, lang);
    }

    fn add_key(&mut self, name: &str, key: String, entry: u32, form: NameForm, lang: NameLang) {
        if key.is_empty() {
            return;
        }
        let words = name_words(name).count().min(255) as u8;
        let first = key.split(' ').next().unwrap_or_default();
        let mut hash = None;
        for (index, word) in key.split(' ').enumerate() {
            let next = crate::prefix_hash(hash, word);
            if index > 0 {
                self.name_prefixes.insert(next);
            }
            hash = Some(next);
        }
        let longest = self.first_words.entry(first.into()).or_insert(0);
        *longest = (*longest).max(words);
        if self.first_word_bits.is_empty() {
            self.first_word_bits = vec![0; crate::WORD_BITS / 64];
        }
        let bit = crate::word_bit(first);
        self.first_word_bits[bit / 64] |= 1 << (bit % 64);
        if form == NameForm::Adjective && lang.includes(Lang::De) {
            self.adjective_suffixes.insert(crate::suffix_key(first, 3));
        }
        let acronym = name.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !name.chars().any(char::is_lowercase)
            && name.chars().filter(|c| c.is_alphabetic()).count() <= 6;
        let hits = self.names.entry(key.into_boxed_str()).or_default();
        let hit = NameHit { entry, form, lang, acronym };
        if let Some(same) = hits.iter_mut().find(|other| other.entry == entry && other.form == form) {
            if same.lang != lang {
                same.lang = NameLang::Both;
            }
            same.acronym &= acronym;
        } else {
            hits.push(hit);
        }
    }
}
