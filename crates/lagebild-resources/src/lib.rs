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

pub use table::{Table, parse_table};

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
];

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
}

impl Resources {
    /// The files compiled into the binary.
    pub fn embedded() -> Result<Resources, ResourceError> {
        Resources::build(|name| Ok(EMBEDDED.iter().find(|(file, _)| *file == name).map(|(_, text)| (*text).to_owned())))
    }

    /// The same files read from `dir` (a copy of `resources/`); a file missing there is
    /// taken from the embedded default.
    pub fn from_dir(dir: &Path) -> Result<Resources, ResourceError> {
        Resources::build(|name| {
            let path = dir.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(Some(text)),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    Ok(EMBEDDED.iter().find(|(file, _)| *file == name).map(|(_, text)| (*text).to_owned()))
                }
                Err(source) => Err(ResourceError::Io { file: path, source }),
            }
        })
    }

    /// The resources of an analysed language; `None` for [`Lang::Und`].
    pub fn lang(&self, lang: Lang) -> Option<&LangResources> {
        match lang {
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Und => None,
        }
    }

    fn build(read: impl Fn(&str) -> Result<Option<String>, ResourceError>) -> Result<Resources, ResourceError> {
        let load = |name: &str| -> Result<String, ResourceError> {
            read(name)?.ok_or_else(|| ResourceError::Invalid {
                file: name.to_owned(),
                line: 0,
                message: "no such resource file".to_owned(),
            })
        };
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
    fn every_embedded_file_parses() {
        let resources = Resources::embedded().expect("embedded resources are valid");
        for lang in [Lang::De, Lang::En] {
            let lang = resources.lang(lang).unwrap();
            assert!(lang.abbreviations.len() > 20);
            assert!(lang.final_abbreviations.is_subset(&lang.abbreviations));
            assert!(!lang.sentence_starters.is_empty());
            assert!(lang.function_words.len() > 100);
        }
        assert_eq!(resources.language_codes.get("deu").map(String::as_str), Some("de"));
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
