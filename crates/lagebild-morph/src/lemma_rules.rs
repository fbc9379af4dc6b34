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
    pub(crate) long_vowel_sz: Vec<Box<str>>,
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
                "long_vowel_sz" => &mut rules.long_vowel_sz,
                other => return Err(row.error(file, &format!("unknown class `{other}`"))),
            };
            list.push(value.into());
        }
        Ok(rules)
    }
}

/// The lemma in the reformed spelling where the text is written in it: the lexicon gives some
/// lemmas in the spelling before 1996 (`Beschuß`, `Kompromiß`, `daß`), where a short vowel's
/// `ß` ends the word or stands before a consonant. A form written with `ss` and no `ß`
/// (`Beschuss`, `Beschlüsse`) takes `ss` there, unless the vowel is long: a diphthong
/// (`weiß`) or an ending of class `long_vowel_sz` (`groß`, `Fuß`: a Swiss text writes
/// `gross`, whose lemma stays `groß`). `None` where nothing changes.
pub(crate) fn reformed_spelling(form: &str, lemma: &str, rules: &LemmaRules) -> Option<String> {
    if !lemma.contains('ß') || form.contains('ß') || !form.to_lowercase().contains("ss") {
        return None;
    }
    let lower = lemma.to_lowercase();
    if rules.long_vowel_sz.iter().any(|ending| lower.ends_with(&**ending)) {
        return None;
    }
    let vowel = |c: char| "aeiouäöüy".contains(c.to_ascii_lowercase());
    let chars: Vec<char> = lemma.chars().collect();
    let mut out = String::with_capacity(lemma.len() + 2);
    let mut changed = false;
    for (i, &c) in chars.iter().enumerate() {
        let before_consonant = chars.get(i + 1).is_none_or(|&next| !vowel(next));
        let diphthong = i >= 2 && vowel(chars[i - 1]) && vowel(chars[i - 2]);
        if c == 'ß' && before_consonant && !diphthong {
            out.push_str("ss");
            changed = true;
        } else {
            out.push(c);
        }
    }
    changed.then_some(out)
}

/// The first value of `list` that `word` ends with.
pub(crate) fn ending_of<'a>(word: &str, list: &'a [Box<str>]) -> Option<&'a str> {
    list.iter().map(|value| &**value).find(|value| word.ends_with(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_spellings_of_lemmas_follow_the_text() {
        let rules = LemmaRules::embedded("de").unwrap();
        let reformed = |form: &str, lemma: &str| reformed_spelling(form, lemma, &rules);
        assert_eq!(reformed("Beschuss", "Beschuß").as_deref(), Some("Beschuss"));
        assert_eq!(reformed("Beschlüsse", "Beschluß").as_deref(), Some("Beschluss"));
        assert_eq!(reformed("dass", "daß").as_deref(), Some("dass"));
        assert_eq!(reformed("Schlussfolgerung", "Schlußfolgerung").as_deref(), Some("Schlussfolgerung"));
        // The text's own spelling, a vowel before the `ß`, a diphthong, a long vowel: as it is.
        assert_eq!(reformed("Beschuß", "Beschuß"), None);
        assert_eq!(reformed("beschlossen", "beschließen"), None);
        assert_eq!(reformed("heisst", "heißen"), None);
        assert_eq!(reformed("weiss", "weiß"), None);
        assert_eq!(reformed("grossen", "groß"), None);
        assert_eq!(reformed("Anstoss", "Anstoß"), None);
    }

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
