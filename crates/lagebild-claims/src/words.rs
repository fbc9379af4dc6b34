//! The attribution vocabulary of one language, from `resources/<lang>/claim_words.tsv`.

use std::hash::BuildHasherDefault;

use lagebild_resources::WordHasher;

/// The maps and sets of words looked up per token, hashed as [`lagebild_resources::WordMap`]
/// (FNV-1a; the keys come from the resource files).
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<WordHasher>>;

use lagebild_doc::Stance;
use lagebild_resources::{ResourceError, parse_table};

/// A small closed class of words the rules name; see the header of `claim_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Expletive,
    NotThirdPerson,
    Purpose,
    As,
    That,
    NameLink,
    Infinitive,
    Of,
    From,
    Description,
    NoObjectContent,
    AccordingNoun,
    SourceNoun,
    Copula,
    Apposition,
    Evidential,
    Perception,
    SubjectSaid,
    Experiencer,
    NotSpeaker,
    JoiningAdverb,
    Reflexive,
    ClauseConjunction,
    RelativeContent,
    ParticleForm,
    Dash,
    NotCuePrep,
    BareContent,
    Causative,
    DativeContent,
    Partitive,
    SeinPerfect,
    OwnSource,
    WhoSource,
    Degree,
}

impl Class {
    /// Each class with its name in the resource files.
    const ALL: [(&'static str, Class); 35] = [
        ("expletive", Class::Expletive),
        ("not_third_person", Class::NotThirdPerson),
        ("purpose", Class::Purpose),
        ("as", Class::As),
        ("that", Class::That),
        ("name_link", Class::NameLink),
        ("infinitive", Class::Infinitive),
        ("of", Class::Of),
        ("from", Class::From),
        ("description", Class::Description),
        ("no_object_content", Class::NoObjectContent),
        ("according_noun", Class::AccordingNoun),
        ("source_noun", Class::SourceNoun),
        ("copula", Class::Copula),
        ("apposition", Class::Apposition),
        ("evidential", Class::Evidential),
        ("perception", Class::Perception),
        ("subject_said", Class::SubjectSaid),
        ("experiencer", Class::Experiencer),
        ("not_speaker", Class::NotSpeaker),
        ("joining_adverb", Class::JoiningAdverb),
        ("reflexive", Class::Reflexive),
        ("clause_conjunction", Class::ClauseConjunction),
        ("relative_content", Class::RelativeContent),
        ("particle_form", Class::ParticleForm),
        ("dash", Class::Dash),
        ("not_cue_prep", Class::NotCuePrep),
        ("bare_content", Class::BareContent),
        ("causative", Class::Causative),
        ("dative_content", Class::DativeContent),
        ("partitive", Class::Partitive),
        ("sein_perfect", Class::SeinPerfect),
        ("own_source", Class::OwnSource),
        ("who_source", Class::WhoSource),
        ("degree", Class::Degree),
    ];

    fn named(name: &str) -> Option<Class> {
        Class::ALL.iter().find(|(known, _)| *known == name).map(|&(_, class)| class)
    }

    /// The class's bit in a [`ClassSet`].
    const fn bit(self) -> u64 {
        1 << self as u32
    }
}

// A class is a bit of a `u64`.
const _: () = assert!(Class::ALL.len() <= 64);

/// The classes a word belongs to, one bit each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ClassSet(u64);

impl ClassSet {
    pub(crate) fn has(self, class: Class) -> bool {
        self.0 & class.bit() != 0
    }
}

/// The words of attribution of one language.
#[derive(Debug, Clone, Default)]
pub struct ClaimWords {
    /// Cue verbs' lemmas (lowercase) with the stance they carry.
    pub(crate) verbs: HashMap<String, Stance>,
    /// Predicative adjectives that, with a copula, report a statement (`Ich bin überzeugt,
    /// dass …`, `Es ist klar, dass …`).
    pub(crate) adjectives: HashMap<String, Stance>,
    /// Cue verbs whose object is what they report (`bestreiten`, `nennen`, `deny`).
    pub(crate) object_verbs: HashSet<String>,
    /// Verbs that report only before a colon or `, dass` (`Darin steht: …`, `Die Antwort
    /// lautet: …`, `the letter reads: …`), with their stance.
    pub(crate) colon_verbs: HashMap<String, Stance>,
    /// Verbs that report only next to a quotation (`"…," he continued`), with their stance.
    pub(crate) quote_verbs: HashMap<String, Stance>,
    /// Verbs whose phrase of a preposition is what they report (`sprach von einem Erfolg`,
    /// `freue mich auf diese Arbeit`, `talked about the wall`), with each such preposition
    /// and its stance. A verb that is no plain cue verb reports only with such a phrase.
    pub(crate) prep_verbs: HashMap<String, Vec<(String, Stance)>>,
    /// Every lemma of the cue verbs of any kind (`verbs`, `colon_verbs`, `quote_verbs`,
    /// `prep_verbs`) and of class `copula`: a verb whose lemma is none of these is no cue.
    pub(crate) cue_lemmas: HashSet<String>,
    /// Nouns naming statements (lowercase lemmas) with the stance they carry.
    pub(crate) nouns: HashMap<String, Stance>,
    /// Word sequences (lowercase) before a speaker: `laut`, `nach angaben`, `according to`.
    pub(crate) according: Vec<Vec<String>>,
    /// Words after a speaker: `zufolge`.
    pub(crate) according_after: HashSet<String>,
    /// Words (lowercase) that open a reported clause: `dass`, `ob`, `warum`, `that`.
    pub(crate) introducers: HashSet<String>,
    /// Word sequences (lowercase) that hold a cue word but report nothing: `das heißt`.
    pub(crate) not_cues: Vec<Vec<String>>,
    /// Word sequences (lowercase) that open an address to the audience, set off by commas
    /// and no part of a statement: `meine damen und herren`.
    pub(crate) vocatives: Vec<Vec<String>>,
    /// What each word (lowercase) of the closed classes and word sequences is: one look-up
    /// a token.
    pub(crate) entries: HashMap<String, WordEntry>,
    /// Prefixes of participles (class `participle_prefix`: `ge`).
    pub(crate) participle_prefixes: Vec<String>,
    /// Definite articles (lowercase): `die Gruppe` refers back to the organisation last named.
    pub(crate) definite: HashSet<String>,
    /// Lemmas (lowercase) of media that relay statements.
    pub(crate) channels: HashSet<String>,
    /// Lemmas (lowercase) of nouns that name a thing, never someone who speaks (`Signal`,
    /// `Situation`); a German compound counts by its last part (`Außenpolitik`).
    pub(crate) things: HashSet<String>,
    /// Word sequences (lowercase) marking a stance, longest first.
    pub(crate) stance: Vec<(Vec<String>, Stance)>,
}

/// What one word (lowercase) is to the rules.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordEntry {
    /// The small closed classes it belongs to.
    pub(crate) classes: ClassSet,
    /// The sequences of [`ClaimWords::according`] it begins (indices, longest first).
    pub(crate) according: Vec<usize>,
    /// The sequences of [`ClaimWords::stance`] it begins (indices, longest first).
    pub(crate) stance: Vec<usize>,
    /// Whether it is a word of a sequence of [`ClaimWords::vocatives`].
    pub(crate) in_vocative: bool,
    /// The sequences of [`ClaimWords::vocatives`] it begins (indices).
    pub(crate) vocatives: Vec<usize>,
}

impl ClaimWords {
    /// Whether a noun's lemma (lowercase) names a thing (class `thing`), itself or as a
    /// compound's last part after at least three letters (`außenpolitik`).
    pub(crate) fn names_thing(&self, lemma: &str) -> bool {
        lemma
            .char_indices()
            .filter(|&(at, _)| at == 0 || lemma[..at].chars().count() >= 3)
            .any(|(at, _)| self.things.contains(&lemma[at..]))
    }

    /// Whether `word` (lowercase) belongs to the closed class `class`.
    pub(crate) fn is(&self, class: Class, word: &str) -> bool {
        self.entries.get(word).is_some_and(|entry| entry.classes.has(class))
    }

    /// Parses a `claim_words.tsv` named `file`.
    pub fn load(file: &str, text: &str) -> Result<ClaimWords, ResourceError> {
        let table = parse_table(file, text, 3)?;
        let mut words = ClaimWords::default();
        for row in &table.rows {
            let (class, entry, stance) = (row.fields[0], row.fields[1], row.fields[2]);
            if entry.chars().any(char::is_uppercase) {
                return Err(row.error(file, "words must be lowercase"));
            }
            let sequence = || entry.split(' ').map(str::to_owned).collect::<Vec<_>>();
            let stance_of = || match stance {
                "assert" => Ok(Stance::Assert),
                "hedge" => Ok(Stance::Hedge),
                "deny" => Ok(Stance::Deny),
                _ => Err(row.error(file, "the stance must be assert, hedge or deny")),
            };
            match class {
                "verb" => _ = words.verbs.insert(entry.to_owned(), stance_of()?),
                "adjective" => _ = words.adjectives.insert(entry.to_owned(), stance_of()?),
                "verb_object" => {
                    words.verbs.insert(entry.to_owned(), stance_of()?);
                    words.object_verbs.insert(entry.to_owned());
                }
                "verb_colon" => _ = words.colon_verbs.insert(entry.to_owned(), stance_of()?),
                "verb_quote" => _ = words.quote_verbs.insert(entry.to_owned(), stance_of()?),
                "verb_prep" => {
                    let Some((verb, preposition)) = entry.split_once(' ') else {
                        return Err(row.error(file, "a verb_prep entry is a lemma and a preposition"));
                    };
                    words.prep_verbs.entry(verb.to_owned()).or_default().push((preposition.to_owned(), stance_of()?));
                }
                "noun" => _ = words.nouns.insert(entry.to_owned(), stance_of()?),
                "according" => words.according.push(sequence()),
                "according_after" => _ = words.according_after.insert(entry.to_owned()),
                "channel" => _ = words.channels.insert(entry.to_owned()),
                "thing" => _ = words.things.insert(entry.to_owned()),
                "introducer" => _ = words.introducers.insert(entry.to_owned()),
                "definite" => _ = words.definite.insert(entry.to_owned()),
                "participle_prefix" => words.participle_prefixes.push(entry.to_owned()),
                "not_cue" => words.not_cues.push(sequence()),
                "vocative" => words.vocatives.push(sequence()),
                "stance" => words.stance.push((sequence(), stance_of()?)),
                _ => {
                    let Some(class) = Class::named(class) else {
                        return Err(row.error(file, "unknown class (see the header of claim_words.tsv)"));
                    };
                    words.entries.entry(entry.to_owned()).or_default().classes.0 |= class.bit();
                }
            }
        }
        words.according.sort_by_key(|sequence| std::cmp::Reverse(sequence.len()));
        words.stance.sort_by_key(|(sequence, _)| std::cmp::Reverse(sequence.len()));
        let copulas = words.entries.iter().filter(|(_, entry)| entry.classes.has(Class::Copula)).map(|(word, _)| word);
        words.cue_lemmas = (words.verbs.keys().chain(words.colon_verbs.keys()).chain(words.quote_verbs.keys()))
            .chain(words.prep_verbs.keys())
            .chain(copulas)
            .cloned()
            .collect();
        for (index, sequence) in words.according.iter().enumerate() {
            if let Some(first) = sequence.first() {
                words.entries.entry(first.clone()).or_default().according.push(index);
            }
        }
        for (index, (sequence, _)) in words.stance.iter().enumerate() {
            if let Some(first) = sequence.first() {
                words.entries.entry(first.clone()).or_default().stance.push(index);
            }
        }
        for (index, sequence) in words.vocatives.iter().enumerate() {
            for (position, word) in sequence.iter().enumerate() {
                let entry = words.entries.entry(word.clone()).or_default();
                entry.in_vocative = true;
                if position == 0 {
                    entry.vocatives.push(index);
                }
            }
        }
        Ok(words)
    }
}
