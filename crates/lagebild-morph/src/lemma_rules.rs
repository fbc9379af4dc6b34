//! Rules for the lemma of a verb the lexicon does not know, from
//! `resources/<lang>/lemma_rules.tsv`: endings of verbs in `-ieren` and of weak verbs,
//! inseparable prefixes and separable particles. Each class is an ordered list: the first
//! value that fits wins. They belong to the lexicon (the tagger's lemma corrections were
//! learned over them), so they are embedded with it and a `--resources` directory does not
//! replace them.

use lagebild_resources::{ResourceError, parse_table};

use crate::ModelError;

/// The lemma rules of one language; empty where the language needs none (English).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LemmaRules {
    pub(crate) ieren_endings: Vec<Box<str>>,
    pub(crate) inseparable_prefixes: Vec<Box<str>>,
    pub(crate) weak_endings: Vec<Box<str>>,
    pub(crate) separable_particles: Vec<Box<str>>,
    pub(crate) verb_lemma_endings: Vec<Box<str>>,
    pub(crate) finite_endings: Vec<Box<str>>,
    pub(crate) past_endings: Vec<Box<str>>,
}

const EMBEDDED: [(&str, &str); 2] = [
    ("de", include_str!("../../../resources/de/lemma_rules.tsv")),
    ("en", include_str!("../../../resources/en/lemma_rules.tsv")),
];

impl LemmaRules {
    /// The rules compiled into the binary for `lang`; none for a language without a file.
    pub(crate) fn embedded(lang: &str) -> Result<LemmaRules, ModelError> {
        match EMBEDDED.iter().find(|(code, _)| *code == lang) {
            Some((code, text)) => Ok(LemmaRules::parse(&format!("resources/{code}/lemma_rules.tsv"), text)?),
            None => Ok(LemmaRules::default()),
        }
    }

    /// Reads a rules file in the one format of `resources/` (a header naming source and
    /// licence, then class and value separated by a tab); `file` names it in errors.
    pub(crate) fn parse(file: &str, text: &str) -> Result<LemmaRules, ResourceError> {
        let mut rules = LemmaRules::default();
        for row in parse_table(file, text, 2)?.rows {
            let (class, value) = (row.fields[0], row.fields[1]);
            if value.chars().any(char::is_uppercase) {
                return Err(row.error(file, &format!("`{value}` is no single lowercase value")));
            }
            let list = match class {
                "ieren_ending" => &mut rules.ieren_endings,
                "inseparable_prefix" => &mut rules.inseparable_prefixes,
                "weak_ending" => &mut rules.weak_endings,
                "separable_particle" => &mut rules.separable_particles,
                "verb_lemma_ending" => &mut rules.verb_lemma_endings,
                "finite_ending" => &mut rules.finite_endings,
                "past_ending" => &mut rules.past_endings,
                other => return Err(row.error(file, &format!("unknown class `{other}`"))),
            };
            list.push(value.into());
        }
        Ok(rules)
    }
}

/// The first value of `list` that `word` ends with.
pub(crate) fn ending_of<'a>(word: &str, list: &'a [Box<str>]) -> Option<&'a str> {
    list.iter().map(|value| &**value).find(|value| word.ends_with(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_rules_load() {
        let de = LemmaRules::embedded("de").unwrap();
        assert_eq!(de.separable_particles.first().map(|p| &**p), Some("zusammen"));
        assert!(de.inseparable_prefixes.iter().any(|p| &**p == "be"));
        assert_eq!(LemmaRules::embedded("en").unwrap(), LemmaRules::default());
        assert_eq!(LemmaRules::embedded("fr").unwrap(), LemmaRules::default());
    }

    #[test]
    fn a_bad_line_is_refused_with_its_file_and_line() {
        const HEADER: &str = "# source: a test\n# licence: MIT\n";
        let error =
            LemmaRules::parse("rules.tsv", &format!("{HEADER}weak_ending\tet\nstrong_ending\ten\n")).unwrap_err();
        assert_eq!(error.to_string(), "rules.tsv:4: unknown class `strong_ending`");
        let error = LemmaRules::parse("rules.tsv", &format!("{HEADER}weak_ending et\n")).unwrap_err();
        assert_eq!(error.to_string(), "rules.tsv:3: expected 2 tab-separated fields, found 1");
        let error = LemmaRules::parse("rules.tsv", &format!("{HEADER}weak_ending\tEt\n")).unwrap_err();
        assert_eq!(error.to_string(), "rules.tsv:3: `Et` is no single lowercase value");
        let error = LemmaRules::parse("rules.tsv", "weak_ending\tet\n").unwrap_err();
        assert!(error.to_string().contains("`# source:`"), "{error}");
    }
}
