//! The knowledge base of lagebild: countries, places, landmarks, people with dated roles and
//! organisations, with their names in German and English, and the role nouns that make a
//! country an actor.
//!
//! The base is built by `cargo xtask build-kb` (see [`build`], feature `build`) from the
//! shippable gazetteers and actor dictionaries in `../shared/data` and the hand-written
//! tables under `resources/kb/`, into the compact files under `kb/` at the root of the
//! repository, which are committed and compiled into the binary. [`Kb::embedded`] loads
//! them; [`Kb::from_dir`] loads the files of another directory laid out like `kb/`.
//!
//! Every entry has an id of the agreed scheme (`country:RUS`, `geo:1871859`,
//! `landmark:white-house`, `person:sergey-lavrov`, `org:yonhap`), a type, a country, a
//! CAMEO-style code, coordinates for places and dated roles for people. Names are looked up
//! by their normalised words ([`Kb::lookup`]): lowercase words joined by single spaces.
//!
//! ```
//! let kb = lagebild_kb::Kb::embedded().unwrap();
//! let russia = kb.get("country:RUS").unwrap();
//! assert_eq!(&*russia.name_de, "Russland");
//! assert!(kb.lookup("russlands").iter().any(|hit| &*kb.entry(hit.entry).id == "country:RUS"));
//! ```

#[cfg(feature = "build")]
pub mod build;
pub mod dictionary;
mod files;
mod names;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use lagebild_doc::{EntityType, Lang};

pub use names::{fold_ascii, key_of, name_words, slug};

/// A knowledge base that could not be loaded: the file and line are named.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error(transparent)]
    Table(#[from] lagebild_resources::ResourceError),
    #[error("{file}: {message}")]
    Io { file: String, message: String },
}

/// What kind of thing an entry is, from the prefix of its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Country,
    Place,
    Landmark,
    Person,
    Organization,
}

impl Kind {
    /// The kind of an id by its prefix (`country:`, `geo:`, `landmark:`, `person:`, `org:`).
    pub fn of_id(id: &str) -> Option<Kind> {
        let (prefix, rest) = id.split_once(':')?;
        if rest.is_empty() {
            return None;
        }
        Some(match prefix {
            "country" => Kind::Country,
            "geo" => Kind::Place,
            "landmark" => Kind::Landmark,
            "person" => Kind::Person,
            "org" => Kind::Organization,
            _ => return None,
        })
    }
}

/// How a name names its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameForm {
    Name,
    /// An inflected form of the name (`Russlands`, `Russia's`, `der Ukraine`).
    Genitive,
    Adjective,
    Demonym,
}

impl NameForm {
    pub fn as_str(self) -> &'static str {
        match self {
            NameForm::Name => "name",
            NameForm::Genitive => "genitive",
            NameForm::Adjective => "adjective",
            NameForm::Demonym => "demonym",
        }
    }

    pub fn parse(text: &str) -> Option<NameForm> {
        Some(match text {
            "name" => NameForm::Name,
            "genitive" => NameForm::Genitive,
            "adjective" => NameForm::Adjective,
            "demonym" => NameForm::Demonym,
            _ => return None,
        })
    }
}

/// Which languages a name is used in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameLang {
    De,
    En,
    Both,
}

impl NameLang {
    pub fn as_str(self) -> &'static str {
        match self {
            NameLang::De => "de",
            NameLang::En => "en",
            NameLang::Both => "*",
        }
    }

    pub fn parse(text: &str) -> Option<NameLang> {
        Some(match text {
            "de" => NameLang::De,
            "en" => NameLang::En,
            "*" => NameLang::Both,
            _ => return None,
        })
    }

    pub fn includes(self, lang: Lang) -> bool {
        matches!((self, lang), (NameLang::Both, _) | (NameLang::De, Lang::De) | (NameLang::En, Lang::En))
    }
}

/// A role a person held from `start` to `end` (open while in office).
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// A key shared with the role nouns: `head_of_state`, `foreign_minister`, …; the code
    /// itself where the source names none.
    pub key: Box<str>,
    pub title: Box<str>,
    /// CAMEO-style code of the role (`RUSGOV`, `IGOUNO`).
    pub code: Box<str>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub source: Box<str>,
}

impl Role {
    /// Whether the role was held on `date`. A role without a start is never taken as held.
    pub fn held_on(&self, date: NaiveDate) -> bool {
        self.start.is_some_and(|start| start <= date) && self.end.is_none_or(|end| date < end)
    }
}

/// One entry of the base.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: Box<str>,
    pub kind: Kind,
    pub entity_type: EntityType,
    /// ISO 3166 alpha-3.
    pub country: Option<Box<str>>,
    /// CAMEO-style actor code (`RUS`, `USAGOV`, `IGOWSTNAT`, `KORMED`).
    pub code: Option<Box<str>>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub name_en: Box<str>,
    pub name_de: Box<str>,
    /// For a country: the entry of its capital.
    pub capital: Option<u32>,
    pub roles: Vec<Role>,
    /// Where the entry comes from (`cldr`, `geonames`, `factbook`, `petrarch`, `resources/kb/…`).
    pub source: Box<str>,
}

impl Entry {
    pub fn name(&self, lang: Lang) -> &str {
        if lang == Lang::De { &self.name_de } else { &self.name_en }
    }

    /// The roles held on `date`; none without a date.
    pub fn roles_on(&self, date: Option<NaiveDate>) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |role| date.is_some_and(|date| role.held_on(date)))
    }
}

/// One way of naming an entry, as [`Kb::lookup`] returns it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    pub entry: u32,
    pub form: NameForm,
    pub lang: NameLang,
    /// Written in capitals in the base (`US`, `NATO`): the text must match its case.
    pub acronym: bool,
}

/// The classes of words in `resources/kb/context_words.tsv` that are looked up whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContextClass {
    /// A preposition after which a place name is a location (`in`).
    Locative,
    /// A word that alone is not taken for a small place or a person (`March`, `Mai`).
    Common,
    /// A word of number before which a country's name that is also its people's plural names
    /// the people (`Tausende Ungarn`).
    Quantifier,
    /// A preposition after which a country or capital is a party to relations, a dispute or
    /// an action, so its government (`gegen`, `against`).
    Relational,
    /// An honorific before a person's name (`herr`, `mr`).
    Honorific,
    /// The last word of a company's name (`energy`, `ag`).
    CompanyWord,
    /// A preposition after which a place is where an institution sits or a person comes from
    /// (`das Außenministerium in Warschau`), not where someone goes (`nach`, `to`).
    Seat,
    /// A noun for someone who leads, speaks for or belongs to an organisation: as the last
    /// part of a German compound whose first part names a known organisation, right before a
    /// person's name, it makes the person that organisation's (`ÖVP-Chef Reinhold
    /// Mitterlehner`, `UNO-Sonderberichterstatter Makarim Wibisono`).
    Member,
}

impl ContextClass {
    /// Every class, with its name in the file.
    pub const ALL: [(ContextClass, &'static str); 8] = [
        (ContextClass::Locative, "locative"),
        (ContextClass::Common, "common"),
        (ContextClass::Quantifier, "quantifier"),
        (ContextClass::Relational, "relational"),
        (ContextClass::Honorific, "honorific"),
        (ContextClass::CompanyWord, "company_word"),
        (ContextClass::Seat, "seat"),
        (ContextClass::Member, "member"),
    ];

    pub(crate) fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// What a noun after a country adjective makes of it (`resources/kb/context_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounClass {
    /// Companies or an economy: the country's economy (`russische Wirtschaft`, `German firm`).
    Business,
    /// What a state does, owns or undergoes: its government (`Iranian nuclear programme`,
    /// `russische Außenpolitik`).
    State,
}

/// A noun that makes a country an actor: `Außenminister` → GOV, `Marine` → MIL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleNoun {
    pub lang: Lang,
    /// The lemma, lowercase; several words for English (`foreign minister`).
    pub noun: Box<str>,
    /// The CAMEO sector (`GOV`, `MIL`, `MED`, …).
    pub sector: Box<str>,
    /// The person role it names (`foreign_minister`), for coreference with people.
    pub role: Option<Box<str>>,
    /// What the country is read as (`government`, `military`, `organization`, `people`).
    pub reading: Box<str>,
}

/// The bits of `Kb::first_word_bits`.
const WORD_BITS: usize = 1 << 20;

/// A set of keys of a few bytes ([`prefix_key`], [`suffix_key`]) as bits: a test reads one word
/// of a table of 8 kB, which stays in the processor's nearest cache, without hashing. A key
/// that was not inserted passes now and then (a few hundred keys in 65,536 bits), so it only
/// spares the exact look-ups that follow it.
#[derive(Debug, Default)]
struct KeyBits(Vec<u64>);

impl KeyBits {
    const BITS: usize = 1 << 16;

    #[inline]
    fn bit(key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 48) as usize
    }

    fn insert(&mut self, key: u64) {
        if self.0.is_empty() {
            self.0 = vec![0; Self::BITS / 64];
        }
        let bit = Self::bit(key);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    #[inline]
    fn contains(&self, key: u64) -> bool {
        let bit = Self::bit(key);
        self.0.get(bit / 64).is_some_and(|word| word & (1 << (bit % 64)) != 0)
    }
}

/// The bit of `Kb::first_word_bits` for a word.
#[inline]
fn word_bit(word: &str) -> usize {
    (prefix_hash(None, word) >> 32) as usize % WORD_BITS
}

/// The hash of a name key's words, one word at a time: `prefix_hash(None, "united")`, then
/// `prefix_hash(Some(that), "states")` hashes `united states` ([`Kb::is_name_prefix`]). It is
/// foldhash with a fixed seed, which reads eight bytes at a time (a byte-wise hash costs a
/// multiplication's latency per byte, on every capitalised word of a text), seeded with the
/// words before.
#[inline]
pub fn prefix_hash(before: Option<u64>, word: &str) -> u64 {
    use std::hash::BuildHasher;
    foldhash::fast::FixedState::with_seed(before.unwrap_or(0x6c61_6765_6269_6c64)).hash_one(word)
}

/// The index of a language in the base's per-language tables (German, English).
#[inline]
fn slot(lang: Lang) -> Option<usize> {
    match lang {
        Lang::De => Some(0),
        Lang::En => Some(1),
        Lang::Und => None,
    }
}

/// The first three bytes of a word as a number.
#[inline]
pub(crate) fn prefix_key(word: &str) -> u64 {
    word.bytes().take(3).fold(0, |key, byte| key << 8 | u64::from(byte))
}

/// The bytes of a German role noun's end in `role_noun_suffixes`: six, as a compound must end
/// in a role noun of six letters or more (`Polizeisprecher`, not `Stadtrat`).
pub(crate) const ROLE_SUFFIX: usize = 6;

/// The last `bytes` bytes of a word (at most eight), ASCII letters in lowercase, as a number
/// (a lemma keeps its capitals: `Kohl-Anwalt`).
#[inline]
pub(crate) fn suffix_key(word: &str, bytes: usize) -> u64 {
    word.bytes().rev().take(bytes).fold(0, |key, byte| key << 8 | u64::from(byte.to_ascii_lowercase()))
}

/// The maps of the base hash with foldhash: lookups run once per token.
type Map<K, V> = HashMap<K, V, foldhash::fast::RandomState>;
type Set<K> = HashSet<K, foldhash::fast::RandomState>;

/// An ambiguous name (key) and the countries that support its entry.
type Support = (Box<str>, Vec<Box<str>>);

/// A role key and the three-letter prefix of its code.
type RoleKey = (Box<str>, Box<str>);

/// The loaded base.
#[derive(Debug)]
pub struct Kb {
    entries: Vec<Entry>,
    by_id: Map<Box<str>, u32>,
    names: Map<Box<str>, Vec<NameHit>>,
    /// [`prefix_hash`] of the first two words or more of every key of several words (`united
    /// states`, `united states of`, …): a run of words that is none of them starts no longer
    /// name, so recognition need not look the longer runs up.
    name_prefixes: Set<u64>,
    /// The first word of every name, with the most words a name starting with it has.
    first_words: Map<Box<str>, u8>,
    /// A bit per [`word_bit`] of every key of `first_words`: most words of a text start no
    /// name, and this small table (128 kB) tells most of them so without a look-up in the large
    /// one, whose reads mostly miss the processor's caches.
    first_word_bits: Vec<u64>,
    /// The last three bytes ([`suffix_key`]) of every German adjective of the base
    /// (`russischen` → `hen`): most lowercase words end like none, and need no look-up.
    adjective_suffixes: KeyBits,
    /// German and English role nouns by lemma.
    role_nouns: [Map<Box<str>, RoleNoun>; 2],
    /// First words of role nouns of several words (`foreign` of `foreign minister`).
    role_noun_first: Set<Box<str>>,
    /// The first three bytes of every role noun, lowercase, by language: a cheap test before
    /// a word's part of speech and lemma are read.
    role_noun_prefixes: [KeyBits; 2],
    /// The last six bytes ([`suffix_key`]) of the German role nouns of six letters or more,
    /// so that a compound that ends like none costs one look-up (`compound_role_noun`).
    role_noun_suffixes: KeyBits,
    /// The most words of an English role noun.
    role_noun_words: u8,
    /// (role key, code prefix of three letters) → (person, role index).
    holders: Map<RoleKey, Vec<(u32, u16)>>,
    /// By language: each word of `resources/kb/context_words.tsv` with its classes (bits of
    /// [`ContextClass`]).
    context_words: [Map<Box<str>, u8>; 2],
    /// Per language, prefixes of direction before a country adjective (`west` in
    /// `westsudanesischen`).
    direction_prefixes: [Vec<Box<str>>; 2],
    /// Per language, nouns after which a country adjective stands for an organisation
    /// (`wirtschaft`, `firm`) or a state (`politik`, `programme`), with their class.
    head_nouns: [Vec<(Box<str>, NounClass)>; 2],
    /// (entry, name key) → the countries one of which a document must mention for the name
    /// to be linked to the entry.
    ambiguous: Map<u32, Vec<Support>>,
    /// Capital → its country.
    capital_of: Map<u32, u32>,
}

/// The committed files, compiled in.
const EMBEDDED: files::Files<'static> = files::Files {
    entries: include_str!("../../../kb/entries.tsv"),
    names: include_str!("../../../kb/names.tsv"),
    roles: include_str!("../../../kb/roles.tsv"),
    role_nouns: include_str!("../../../resources/kb/role_nouns.tsv"),
    context_words: include_str!("../../../resources/kb/context_words.tsv"),
    ambiguous: include_str!("../../../resources/kb/ambiguous.tsv"),
};

impl Kb {
    /// The base compiled into the binary (`kb/` and `resources/kb/role_nouns.tsv`).
    pub fn embedded() -> Result<Kb, KbError> {
        files::load(&EMBEDDED)
    }

    /// The base in `dir`, laid out like `kb/` (`entries.tsv`, `names.tsv`, `roles.tsv`;
    /// `role_nouns.tsv`, `context_words.tsv` and `ambiguous.tsv` there too, else the
    /// embedded ones from `resources/kb/`).
    pub fn from_dir(dir: &Path) -> Result<Kb, KbError> {
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name))
                .map_err(|error| KbError::Io { file: dir.join(name).display().to_string(), message: error.to_string() })
        };
        let entries = read("entries.tsv")?;
        let names = read("names.tsv")?;
        let roles = read("roles.tsv")?;
        let optional = |name: &str, embedded: &str| {
            if dir.join(name).is_file() { read(name) } else { Ok(embedded.to_owned()) }
        };
        let role_nouns = optional("role_nouns.tsv", EMBEDDED.role_nouns)?;
        let context_words = optional("context_words.tsv", EMBEDDED.context_words)?;
        let ambiguous = optional("ambiguous.tsv", EMBEDDED.ambiguous)?;
        files::load(&files::Files {
            entries: &entries,
            names: &names,
            roles: &roles,
            role_nouns: &role_nouns,
            context_words: &context_words,
            ambiguous: &ambiguous,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    #[inline]
    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.index_of(id).map(|index| self.entry(index))
    }

    /// The names whose key (lowercase words joined by single spaces, see [`key_of`]) is `key`.
    #[inline]
    pub fn lookup(&self, key: &str) -> &[NameHit] {
        self.names.get(key).map_or(&[], Vec::as_slice)
    }

    /// The most words of a name whose first word is `word` (lowercase), or `None` when no
    /// name starts with it.
    #[inline]
    pub fn longest_from(&self, word: &str) -> Option<usize> {
        let bit = word_bit(word);
        if self.first_word_bits.get(bit / 64).is_none_or(|bits| bits & (1 << (bit % 64)) == 0) {
            return None;
        }
        self.first_words.get(word).map(|&words| usize::from(words))
    }

    /// Whether the words hashed by [`prefix_hash`] (two or more) begin a name of the base;
    /// `false` means no name starts with them.
    #[inline]
    pub fn is_name_prefix(&self, hash: u64) -> bool {
        self.name_prefixes.contains(&hash)
    }

    /// Whether `word` (lowercase) ends like a German adjective of the base; `false` means it
    /// is none.
    #[inline]
    pub fn may_be_adjective(&self, word: &str) -> bool {
        self.adjective_suffixes.contains(suffix_key(word, 3))
    }

    /// Every name key with its hits, for coverage checks and evaluations.
    pub fn names(&self) -> impl Iterator<Item = (&str, &[NameHit])> {
        self.names.iter().map(|(key, hits)| (&**key, hits.as_slice()))
    }

    /// Every role noun of `lang`.
    pub fn role_nouns(&self, lang: Lang) -> impl Iterator<Item = &RoleNoun> {
        slot(lang).into_iter().flat_map(|slot| self.role_nouns[slot].values())
    }

    /// The role noun `lemma` (lowercase; English several words joined by spaces).
    #[inline]
    pub fn role_noun(&self, lang: Lang, lemma: &str) -> Option<&RoleNoun> {
        self.role_nouns[slot(lang)?].get(lemma)
    }

    /// A German compound ending in a role noun of at least six letters (`innenminister`,
    /// `polizeisprecher`, `regierungspartei`); when its first part is a role noun too (with
    /// or without a linking `s`), that part names the institution and gives the sector
    /// (`polizeisprecher` → COP, `parteiführung` → PTY), unless it is the government and the
    /// last part has a sector of its own (`regierungstruppen` → MIL).
    pub fn compound_role_noun(&self, lang: Lang, word: &str) -> Option<RoleNoun> {
        if lang != Lang::De || !self.role_noun_suffixes.contains(suffix_key(word, ROLE_SUFFIX)) {
            return None;
        }
        let mut chars_left = word.chars().count();
        for (index, (split, _)) in word.char_indices().enumerate() {
            if index > 0 {
                chars_left -= 1;
            }
            if index < 3 {
                continue;
            }
            if chars_left < 6 {
                break;
            }
            let last = &word[split..];
            // The set of first bytes is cheaper to ask than the table.
            if !self.may_be_role_noun(lang, last) {
                continue;
            }
            let Some(noun) = self.role_noun(lang, last) else { continue };
            let first = &word[..split];
            let institution = self
                .role_noun(lang, first)
                .or_else(|| first.strip_suffix('s').and_then(|first| self.role_noun(lang, first)));
            let mut noun = noun.clone();
            // The government's own forces, party or media keep their sector
            // (`regierungstruppen` → MIL): the government names no institution of its own there.
            let institution = institution.filter(|institution| &*institution.sector != "GOV" || &*noun.sector == "GOV");
            if let Some(institution) = institution {
                noun.sector = institution.sector.clone();
                noun.reading = institution.reading.clone();
            }
            return Some(noun);
        }
        None
    }

    /// Whether `word` (lowercase) may be a form of a role noun: it starts like one.
    #[inline]
    pub fn may_be_role_noun(&self, lang: Lang, word: &str) -> bool {
        slot(lang).is_some_and(|slot| self.role_noun_prefixes[slot].contains(prefix_key(word)))
    }

    /// Whether `word` may be a German compound ending in a role noun: it ends like one of six
    /// letters or more (`compound_role_noun`); `false` means it is none.
    #[inline]
    pub fn may_end_role_noun(&self, word: &str) -> bool {
        self.role_noun_suffixes.contains(suffix_key(word, ROLE_SUFFIX))
    }

    /// Whether a role noun of several words starts with `word` (lowercase).
    pub fn starts_role_noun(&self, word: &str) -> bool {
        self.role_noun_first.contains(word)
    }

    /// The most words of a role noun (English `secretary of state` has three).
    pub fn role_noun_words(&self) -> usize {
        usize::from(self.role_noun_words)
    }

    /// The country whose capital `place` is.
    #[inline]
    pub fn capital_of(&self, place: u32) -> Option<u32> {
        self.capital_of.get(&place).copied()
    }

    /// Whether `word` (lowercase, without a full stop) is of `class` in `lang` (class of
    /// `resources/kb/context_words.tsv`).
    #[inline]
    pub fn is_context(&self, lang: Lang, class: ContextClass, word: &str) -> bool {
        slot(lang).and_then(|slot| self.context_words[slot].get(word)).is_some_and(|bits| bits & class.bit() != 0)
    }

    /// The rest of `word` (lowercase) after its longest prefix of direction (`westsudanesischen`
    /// → `sudanesischen`), if it has one and something is left.
    pub fn strip_direction<'w>(&self, lang: Lang, word: &'w str) -> Option<&'w str> {
        let prefixes = &self.direction_prefixes[slot(lang)?];
        prefixes
            .iter()
            .filter_map(|prefix| word.strip_prefix(&**prefix))
            .filter(|rest| rest.chars().count() >= 4)
            .min_by_key(|rest| rest.len())
    }

    /// The class of `noun` (a lowercase lemma) as the head of a country adjective (`firm`,
    /// `wirtschaft` → business; `policy`, `Atomprogramm` → state); a German compound counts by
    /// its last part (`Ölkonzern`).
    pub fn head_noun(&self, lang: Lang, noun: &str) -> Option<NounClass> {
        let nouns = &self.head_nouns[slot(lang)?];
        let found = match lang {
            Lang::De => nouns.iter().find(|(word, _)| noun.ends_with(&**word)),
            _ => nouns.iter().find(|(word, _)| noun == &**word),
        };
        found.map(|&(_, class)| class)
    }

    /// For a name (key) that also names things outside the base: the countries one of
    /// which the document must mention for the name to stand for `entry`.
    pub fn supporting_countries(&self, entry: u32, key: &str) -> Option<&[Box<str>]> {
        let names = self.ambiguous.get(&entry)?;
        names.iter().find(|(name, _)| &**name == key).map(|(_, countries)| countries.as_slice())
    }

    /// The people who held a role with `key` for `country` (ISO3 or IGO code prefix) on `date`.
    pub fn holders(&self, key: &str, country: &str, date: NaiveDate) -> impl Iterator<Item = (u32, &Role)> {
        let prefix = country.get(..3).unwrap_or(country);
        self.holders
            .get(&(Box::from(key), Box::from(prefix)))
            .into_iter()
            .flatten()
            .map(|&(entry, role)| (entry, &self.entries[entry as usize].roles[usize::from(role)]))
            .filter(move |(_, role)| role.held_on(date))
    }
}
