//! Language knowledge as data: loads and validates the files under `resources/`.
//!
//! Every file is a UTF-8 table with a header of `#` lines that must name its `source:` and
//! `licence:`, then one record per line with tab-separated columns. The files are embedded
//! in the binary at build time ([`Resources::embedded`]); [`Resources::from_dir`] reads a
//! directory of the same layout instead, so that a user can change a lexicon without
//! rebuilding. Loading fails with an error naming the file and line; it never panics.
//!
//! ```
//! let resources = lagebild_resources::Resources::embedded().unwrap();
//! assert!(resources.lang(lagebild_doc::Lang::De).unwrap().abbreviations.contains("z.B."));
//! ```

mod table;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use lagebild_doc::Lang;

pub use table::{Row, Table, parse_table};

/// A resource file that could not be read or is malformed.
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("{file}: cannot read: {source}")]
    Io { file: PathBuf, source: std::io::Error },
    #[error("{file}:{line}: {message}")]
    Invalid { file: String, line: usize, message: String },
}

/// Every file of the embedded default, by its path under `resources/`.
const EMBEDDED: &[(&str, &str)] = &[
    ("de/abbreviations.tsv", include_str!("../../../resources/de/abbreviations.tsv")),
    ("en/abbreviations.tsv", include_str!("../../../resources/en/abbreviations.tsv")),
    ("de/sentence_starters.txt", include_str!("../../../resources/de/sentence_starters.txt")),
    ("en/sentence_starters.txt", include_str!("../../../resources/en/sentence_starters.txt")),
    ("de/function_words.txt", include_str!("../../../resources/de/function_words.txt")),
    ("en/function_words.txt", include_str!("../../../resources/en/function_words.txt")),
    ("shared/languages.tsv", include_str!("../../../resources/shared/languages.tsv")),
    ("de/clause_words.tsv", include_str!("../../../resources/de/clause_words.tsv")),
    ("en/clause_words.tsv", include_str!("../../../resources/en/clause_words.tsv")),
    ("de/verb_clitics.tsv", include_str!("../../../resources/de/verb_clitics.tsv")),
    ("en/verb_clitics.tsv", include_str!("../../../resources/en/verb_clitics.tsv")),
    ("de/article_cases.tsv", include_str!("../../../resources/de/article_cases.tsv")),
    ("en/article_cases.tsv", include_str!("../../../resources/en/article_cases.tsv")),
];

/// Where a stage reads its own resource files: the texts compiled into the binary (pairs of
/// a path under `resources/` and its text), or a directory laid out like `resources/`, in
/// which a file that is absent is taken from the compiled-in texts (as [`Resources::from_dir`]
/// does), so that a directory may override only some files.
#[derive(Debug, Clone, Copy)]
pub enum ResourceFiles<'a> {
    Embedded(&'a [(&'a str, &'a str)]),
    Dir { dir: &'a Path, embedded: &'a [(&'a str, &'a str)] },
}

impl<'a> ResourceFiles<'a> {
    /// The name of `path` (under `resources/`, such as `de/claim_words.tsv`) in error messages.
    pub fn label(&self, path: &str) -> String {
        match self {
            ResourceFiles::Dir { dir, .. } if dir.join(path).exists() => dir.join(path).display().to_string(),
            _ => path.to_owned(),
        }
    }

    /// The text of `path`; an error names the file.
    pub fn read(&self, path: &str) -> Result<std::borrow::Cow<'a, str>, ResourceError> {
        let embedded = |files: &'a [(&'a str, &'a str)]| {
            files.iter().find(|(name, _)| *name == path).map(|(_, text)| std::borrow::Cow::Borrowed(*text)).ok_or_else(
                || ResourceError::Invalid { file: path.to_owned(), line: 0, message: "not embedded".to_owned() },
            )
        };
        match self {
            ResourceFiles::Embedded(files) => embedded(files),
            ResourceFiles::Dir { dir, embedded: files } => {
                let file = dir.join(path);
                match std::fs::read_to_string(&file) {
                    Ok(text) => Ok(std::borrow::Cow::Owned(text)),
                    Err(error) if error.kind() == std::io::ErrorKind::NotFound => embedded(files),
                    Err(source) => Err(ResourceError::Io { file, source }),
                }
            }
        }
    }
}

/// All language knowledge, loaded once at start and passed by reference.
#[derive(Debug, Clone)]
pub struct Resources {
    de: LangResources,
    en: LangResources,
    /// ISO 639-3 code → ISO 639-1 code, for reporting detected languages.
    pub language_codes: HashMap<String, String>,
}

/// The knowledge of one language.
#[derive(Debug, Clone, Default)]
pub struct LangResources {
    /// Abbreviations with their final period(s) (`z.B.`, `Dr.`, `U.S.`) that a period does not end.
    pub abbreviations: HashSet<String>,
    /// Abbreviations that may also stand at the end of a sentence (`usw.`, `etc.`): these end
    /// one when the next word could start a sentence.
    pub final_abbreviations: HashSet<String>,
    /// The length in bytes of the longest abbreviation: longer words need no look-up.
    pub longest_abbreviation: usize,
    /// Capitalised words that typically start a sentence (articles, pronouns, conjunctions):
    /// after `2007.` they tell a year at a sentence end from an ordinal.
    pub sentence_starters: HashSet<String>,
    /// Frequent function words, lowercase (articles, pronouns, prepositions, auxiliaries): the
    /// language detector counts them to tell German from English and from other languages.
    pub function_words: HashSet<String>,
    /// Lemmas (lowercase) that shape clauses, with their classes: subordinators, `zu`/`to`,
    /// modal and auxiliary verbs, reporting verbs (`clause_words.tsv`).
    pub clause_words: WordMap<ClauseWords>,
    /// Verb clitics that end a pronoun's or adverb's token (`'s` in `it's`), with the lemma of
    /// the verb they stand for (`verb_clitics.tsv`).
    pub verb_clitics: Vec<(String, String)>,
    /// The cases each form of an article can have (`article_cases.tsv`), as bits of
    /// [`ArticleCases`].
    pub article_cases: WordMap<u8>,
}

/// The bits of [`LangResources::article_cases`].
pub struct ArticleCases;

impl ArticleCases {
    pub const NOMINATIVE: u8 = 1;
    pub const ACCUSATIVE: u8 = 2;
    pub const DATIVE: u8 = 4;
    pub const GENITIVE: u8 = 8;
    /// The form's nominative is singular only (`der`, `ein`; written `nom.sg`).
    pub const NOMINATIVE_SINGULAR: u8 = 16;
}

/// A table of words looked up per token: hashed with FNV-1a, which is quick on short keys.
/// Its keys come from the resource files, so no input can choose them.
pub type WordMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<WordHasher>>;

/// The FNV-1a hasher of [`WordMap`].
#[derive(Debug, Clone, Copy)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What a word does in the structure of a clause: a class of `<lang>/clause_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClauseWordClass {
    /// Opens a subordinate clause (`dass`, `because`).
    Subordinator,
    /// A subordinator that also compares (`als`, `than`).
    Comparative,
    /// A focus word that goes with a following subordinator (`auch wenn`, `even if`).
    SubordinatorPrefix,
    /// Opens an infinitive clause (`um … zu`), or stands before `to` in one (`in order`).
    InfinitiveMarker,
    /// The `zu` or `to` of an infinitive.
    InfinitiveParticle,
    Modal,
    FutureAuxiliary,
    PassiveAuxiliary,
    PerfectAuxiliary,
    /// Another verb that only supports a verb in its complex (`do`).
    SupportAuxiliary,
    /// Links a subject to a predicative, which is no object (`sein`, `be`).
    Copula,
    /// A verb of saying or thinking that takes reported speech without a conjunction.
    Reporting,
    /// Introduces the agent of a passive (`von`, `by`).
    AgentPreposition,
    /// A participle that works as a preposition and opens no clause (`including`, `according`).
    PrepositionalParticiple,
    /// A conjunction that joins main clauses (`doch`, `denn`): it never opens a subordinate
    /// clause, whatever part of speech the tagger gives it.
    Coordinator,
    /// A word the tagger may read as a separable verb particle that never is one (`jeder` in
    /// `Das weiß jeder`).
    NotParticle,
    /// A preposition that, alone or with the preposition after it, only modifies the number
    /// after them (`bis` in `bis zu 2.500 Mitarbeiter`): the phrase has no governor.
    NumberPreposition,
}

impl ClauseWordClass {
    /// Every class, with its name in the resource file.
    pub const ALL: [(ClauseWordClass, &'static str); 17] = [
        (ClauseWordClass::Subordinator, "subordinator"),
        (ClauseWordClass::Comparative, "comparative"),
        (ClauseWordClass::SubordinatorPrefix, "subordinator_prefix"),
        (ClauseWordClass::InfinitiveMarker, "infinitive_marker"),
        (ClauseWordClass::InfinitiveParticle, "infinitive_particle"),
        (ClauseWordClass::Modal, "modal"),
        (ClauseWordClass::FutureAuxiliary, "future_auxiliary"),
        (ClauseWordClass::PassiveAuxiliary, "passive_auxiliary"),
        (ClauseWordClass::PerfectAuxiliary, "perfect_auxiliary"),
        (ClauseWordClass::SupportAuxiliary, "support_auxiliary"),
        (ClauseWordClass::Copula, "copula"),
        (ClauseWordClass::Reporting, "reporting"),
        (ClauseWordClass::AgentPreposition, "agent_preposition"),
        (ClauseWordClass::PrepositionalParticiple, "prepositional_participle"),
        (ClauseWordClass::Coordinator, "coordinator"),
        (ClauseWordClass::NotParticle, "not_particle"),
        (ClauseWordClass::NumberPreposition, "number_preposition"),
    ];

    pub fn parse(name: &str) -> Option<ClauseWordClass> {
        const { assert!(ClauseWordClass::ALL.len() <= 32, "the classes fit the bits of ClauseWords") };
        ClauseWordClass::ALL.iter().find(|(_, text)| *text == name).map(|(class, _)| *class)
    }
}

/// The set of classes one lemma of `clause_words.tsv` has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClauseWords(u32);

impl ClauseWords {
    pub fn has(self, class: ClauseWordClass) -> bool {
        self.0 & (1 << class as u32) != 0
    }

    pub fn insert(&mut self, class: ClauseWordClass) {
        self.0 |= 1 << class as u32;
    }

    /// A modal, future, passive, perfect or support auxiliary.
    pub fn is_auxiliary(self) -> bool {
        use ClauseWordClass::*;
        [Modal, FutureAuxiliary, PassiveAuxiliary, PerfectAuxiliary, SupportAuxiliary].into_iter().any(|c| self.has(c))
    }
}

impl Resources {
    /// The files compiled into the binary.
    pub fn embedded() -> Result<Resources, ResourceError> {
        Resources::build(ResourceFiles::Embedded(EMBEDDED))
    }

    /// The same files read from `dir` (a copy of `resources/`); a file missing there is
    /// taken from the embedded default.
    pub fn from_dir(dir: &Path) -> Result<Resources, ResourceError> {
        Resources::build(ResourceFiles::Dir { dir, embedded: EMBEDDED })
    }

    /// The resources of an analysed language; `None` for [`Lang::Und`].
    pub fn lang(&self, lang: Lang) -> Option<&LangResources> {
        match lang {
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Und => None,
        }
    }

    fn build(files: ResourceFiles<'_>) -> Result<Resources, ResourceError> {
        let load = |name: &str| files.read(name);
        let lang = |code: &str| -> Result<LangResources, ResourceError> {
            let mut resources = LangResources::default();
            let name = format!("{code}/abbreviations.tsv");
            let text = load(&name)?;
            for row in parse_table(&name, &text, 2)?.rows {
                let (abbreviation, class) = (row.fields[0], row.fields[1]);
                if !abbreviation.ends_with('.') {
                    return Err(row.error(&name, "an abbreviation must end with its period"));
                }
                match class {
                    "inner" => {}
                    "final" => {
                        resources.final_abbreviations.insert(abbreviation.to_owned());
                    }
                    _ => return Err(row.error(&name, "class must be `inner` or `final`")),
                }
                resources.abbreviations.insert(abbreviation.to_owned());
                resources.longest_abbreviation = resources.longest_abbreviation.max(abbreviation.len());
            }
            let name = format!("{code}/sentence_starters.txt");
            let text = load(&name)?;
            resources.sentence_starters = word_set(&name, &text)?;
            let name = format!("{code}/function_words.txt");
            let text = load(&name)?;
            for row in parse_table(&name, &text, 1)?.rows {
                let word = row.fields[0];
                if word.to_lowercase() != word {
                    return Err(row.error(&name, "a function word must be lowercase"));
                }
                resources.function_words.insert(word.to_owned());
            }
            let name = format!("{code}/clause_words.tsv");
            let text = load(&name)?;
            for row in parse_table(&name, &text, 2)?.rows {
                let (lemma, class) = (row.fields[0], row.fields[1]);
                if lemma.to_lowercase() != lemma {
                    return Err(row.error(&name, "a clause word must be lowercase"));
                }
                let class =
                    ClauseWordClass::parse(class).ok_or_else(|| row.error(&name, "unknown clause word class"))?;
                resources.clause_words.entry(lemma.to_owned()).or_default().insert(class);
            }
            let name = format!("{code}/verb_clitics.tsv");
            let text = load(&name)?;
            for row in parse_table(&name, &text, 2)?.rows {
                resources.verb_clitics.push((row.fields[0].to_owned(), row.fields[1].to_owned()));
            }
            let name = format!("{code}/article_cases.tsv");
            let text = load(&name)?;
            for row in parse_table(&name, &text, 2)?.rows {
                let (form, cases) = (row.fields[0], row.fields[1]);
                if form.to_lowercase() != form {
                    return Err(row.error(&name, "an article's form must be lowercase"));
                }
                let mut bits = 0;
                for case in cases.split(',') {
                    bits |= match case.trim() {
                        "nom" => ArticleCases::NOMINATIVE,
                        "nom.sg" => ArticleCases::NOMINATIVE | ArticleCases::NOMINATIVE_SINGULAR,
                        "acc" => ArticleCases::ACCUSATIVE,
                        "dat" => ArticleCases::DATIVE,
                        "gen" => ArticleCases::GENITIVE,
                        _ => return Err(row.error(&name, "a case is one of nom, nom.sg, acc, dat, gen")),
                    };
                }
                resources.article_cases.insert(form.to_owned(), bits);
            }
            Ok(resources)
        };
        let name = "shared/languages.tsv";
        let text = load(name)?;
        let mut language_codes = HashMap::new();
        for row in parse_table(name, &text, 2)?.rows {
            language_codes.insert(row.fields[0].to_owned(), row.fields[1].to_owned());
        }
        Ok(Resources { de: lang("de")?, en: lang("en")?, language_codes })
    }
}

fn word_set(name: &str, text: &str) -> Result<HashSet<String>, ResourceError> {
    Ok(parse_table(name, text, 1)?.rows.into_iter().map(|row| row.fields[0].to_owned()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_lacking_a_file_gives_the_embedded_one() {
        let embedded: &[(&str, &str)] = &[("de/words.tsv", "# a\nb\n")];
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-directory");
        let files = ResourceFiles::Dir { dir: &dir, embedded };
        assert_eq!(files.read("de/words.tsv").unwrap(), "# a\nb\n");
        assert_eq!(files.label("de/words.tsv"), "de/words.tsv");
        let error = files.read("en/words.tsv").unwrap_err().to_string();
        assert!(error.contains("en/words.tsv"), "{error}");
    }

    #[test]
    fn every_embedded_file_parses() {
        let resources = Resources::embedded().expect("embedded resources are valid");
        for lang in [Lang::De, Lang::En] {
            let lang = resources.lang(lang).unwrap();
            assert!(lang.abbreviations.len() > 20);
            assert!(lang.final_abbreviations.is_subset(&lang.abbreviations));
            assert!(!lang.sentence_starters.is_empty());
            assert!(lang.function_words.len() > 100);
            for class in [ClauseWordClass::Subordinator, ClauseWordClass::Modal, ClauseWordClass::Reporting] {
                assert!(lang.clause_words.values().any(|words| words.has(class)), "no clause word of class {class:?}");
            }
        }
        assert_eq!(resources.language_codes.get("deu").map(String::as_str), Some("de"));
        for (class, name) in ClauseWordClass::ALL {
            let used = [Lang::De, Lang::En]
                .iter()
                .any(|&lang| resources.lang(lang).unwrap().clause_words.values().any(|words| words.has(class)));
            assert!(used, "no clause word of class {name}");
        }
        let english = resources.lang(Lang::En).unwrap();
        assert!(english.verb_clitics.iter().any(|(clitic, lemma)| clitic == "'s" && lemma == "be"));
        assert!(english.article_cases.is_empty());
        let german = resources.lang(Lang::De).unwrap();
        assert_eq!(
            german.article_cases.get("der"),
            Some(
                &(ArticleCases::NOMINATIVE
                    | ArticleCases::NOMINATIVE_SINGULAR
                    | ArticleCases::DATIVE
                    | ArticleCases::GENITIVE)
            )
        );
        assert_eq!(german.article_cases.get("dem"), Some(&ArticleCases::DATIVE));
    }

    #[test]
    fn the_embedded_files_are_the_files_in_the_repository() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources");
        for (name, text) in EMBEDDED {
            assert_eq!(std::fs::read_to_string(dir.join(name)).unwrap(), *text, "{name}");
        }
        let from_dir = Resources::from_dir(&dir).unwrap();
        assert_eq!(from_dir.language_codes.len(), Resources::embedded().unwrap().language_codes.len());
    }
}
