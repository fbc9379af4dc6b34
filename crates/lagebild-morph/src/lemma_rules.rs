//! Rules for the lemma of a verb the lexicon does not know, from
//! `resources/<lang>/lemma_rules.tsv`: endings of verbs in `-ieren` and of weak verbs,
//! inseparable prefixes and separable particles. Each class is an ordered list: the first
//! value that fits wins. They belong to the lexicon (the tagger's lemma corrections were
//! learned over them), so they are embedded with it and a `--resources` directory does not
//! replace them.

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
            Some((code, text)) => LemmaRules::parse(&format!("resources/{code}/lemma_rules.tsv"), text),
            None => Ok(LemmaRules::default()),
        }
    }

    /// Reads a rules file; `file` names it in errors. Lines starting with `#` are comments.
    pub(crate) fn parse(file: &str, text: &str) -> Result<LemmaRules, ModelError> {
        let mut rules = LemmaRules::default();
        for (number, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let corrupt = |message: String| ModelError::Resource {
                file: file.to_owned(),
                message: format!("line {}: {message}", number + 1),
            };
            let (class, value) = line
                .split_once('\t')
                .ok_or_else(|| corrupt("want two columns, class and value, separated by a tab".into()))?;
            if value.is_empty() || value.contains('\t') || value.chars().any(char::is_uppercase) {
                return Err(corrupt(format!("`{value}` is no single lowercase value")));
            }
            let list = match class {
                "ieren_ending" => &mut rules.ieren_endings,
                "inseparable_prefix" => &mut rules.inseparable_prefixes,
                "weak_ending" => &mut rules.weak_endings,
                "separable_particle" => &mut rules.separable_particles,
                "verb_lemma_ending" => &mut rules.verb_lemma_endings,
                "finite_ending" => &mut rules.finite_endings,
                "past_ending" => &mut rules.past_endings,
                other => return Err(corrupt(format!("unknown class `{other}`"))),
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
        let error = LemmaRules::parse("rules.tsv", "# header\nweak_ending\tet\nstrong_ending\ten\n").unwrap_err();
        assert_eq!(error.to_string(), "rules.tsv: bad resource file: line 3: unknown class `strong_ending`");
        let error = LemmaRules::parse("rules.tsv", "weak_ending et\n").unwrap_err();
        assert!(error.to_string().contains("line 1: want two columns"), "{error}");
        let error = LemmaRules::parse("rules.tsv", "weak_ending\tEt\n").unwrap_err();
        assert!(error.to_string().contains("no single lowercase value"), "{error}");
    }
}
