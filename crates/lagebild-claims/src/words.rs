//! The attribution vocabulary of one language, from `resources/<lang>/claim_words.tsv`.

use std::hash::BuildHasherDefault;

use lagebild_resources::WordHasher;

/// The maps and sets of words looked up per token, hashed as [`lagebild_resources::WordMap`]
/// (FNV-1a; the keys come from the resource files).
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;
type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<WordHasher>>;

use lagebild_doc::Stance;
use lagebild_resources::{ResourceError, parse_table};

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
    /// Nouns naming statements (lowercase lemmas) with the stance they carry.
    pub(crate) nouns: HashMap<String, Stance>,
    /// Word sequences (lowercase) before a speaker: `laut`, `nach angaben`, `according to`.
    pub(crate) according: Vec<Vec<String>>,
    /// For each first word of a sequence of [`ClaimWords::according`], the indices of the
    /// sequences it begins, longest first.
    pub(crate) according_by_first: HashMap<String, Vec<usize>>,
    /// Words after a speaker: `zufolge`.
    pub(crate) according_after: HashSet<String>,
    /// Words (lowercase) that open a reported clause: `dass`, `ob`, `warum`, `that`.
    pub(crate) introducers: HashSet<String>,
    /// Word sequences (lowercase) that hold a cue word but report nothing: `das heißt`.
    pub(crate) not_cues: Vec<Vec<String>>,
    /// Word sequences (lowercase) that open an address to the audience, set off by commas
    /// and no part of a statement: `meine damen und herren`.
    pub(crate) vocatives: Vec<Vec<String>>,
    /// Small closed classes of words the rules name (`expletive`, `that`, `purpose`, …), by
    /// class; see the header of `claim_words.tsv`.
    pub(crate) classes: HashMap<String, HashSet<String>>,
    /// Definite articles (lowercase): `die Gruppe` refers back to the organisation last named.
    pub(crate) definite: HashSet<String>,
    /// Lemmas (lowercase) of media that relay statements.
    pub(crate) channels: HashSet<String>,
    /// Word sequences (lowercase) marking a stance, longest first.
    pub(crate) stance: Vec<(Vec<String>, Stance)>,
    /// For each first word of a sequence of [`ClaimWords::stance`], the indices of the
    /// sequences it begins, in that order: a token is looked up once.
    pub(crate) stance_by_first: HashMap<String, Vec<usize>>,
}

impl ClaimWords {
    /// Whether `word` (lowercase) belongs to the closed class `class`.
    pub(crate) fn is(&self, class: &str, word: &str) -> bool {
        self.classes.get(class).is_some_and(|words| words.contains(word))
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
                "introducer" => _ = words.introducers.insert(entry.to_owned()),
                "definite" => _ = words.definite.insert(entry.to_owned()),
                "expletive" | "not_third_person" | "purpose" | "as" | "that" | "name_link" | "infinitive" | "of"
                | "from" | "description" | "no_object_content" | "according_noun" | "source_noun"
                | "participle_prefix" | "copula" | "apposition" | "evidential" | "perception" | "subject_said"
                | "experiencer" | "not_speaker" | "joining_adverb" | "reflexive" | "clause_conjunction"
                | "relative_content" | "particle_form" | "dash" | "not_cue_prep" | "bare_content" => {
                    words.classes.entry(class.to_owned()).or_default().insert(entry.to_owned());
                }
                "not_cue" => words.not_cues.push(sequence()),
                "vocative" => words.vocatives.push(sequence()),
                "stance" => words.stance.push((sequence(), stance_of()?)),
                _ => {
                    return Err(row.error(file, "unknown class (see the header of claim_words.tsv)"));
                }
            }
        }
        words.according.sort_by_key(|sequence| std::cmp::Reverse(sequence.len()));
        words.stance.sort_by_key(|(sequence, _)| std::cmp::Reverse(sequence.len()));
        words.according_by_first = by_first_word(words.according.iter());
        words.stance_by_first = by_first_word(words.stance.iter().map(|(sequence, _)| sequence));
        Ok(words)
    }
}

/// For each first word of `sequences`, the indices of the sequences it begins, in order.
fn by_first_word<'a>(sequences: impl Iterator<Item = &'a Vec<String>>) -> HashMap<String, Vec<usize>> {
    let mut index: HashMap<String, Vec<usize>> = HashMap::default();
    for (position, sequence) in sequences.enumerate() {
        if let Some(first) = sequence.first() {
            index.entry(first.clone()).or_default().push(position);
        }
    }
    index
}
