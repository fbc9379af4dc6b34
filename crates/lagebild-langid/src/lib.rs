//! Language identification: is a document German, English, or in a language lagebild does
//! not analyse?
//!
//! [`detect`] looks only at the first [`PREFIX_BYTES`] bytes of a text, so its cost does not
//! grow with the document. It weighs two kinds of evidence:
//!
//! - **function words**: words that are German function words but not English ones (`der`,
//!   `und`, `wurde`), and the reverse (`the`, `and`, `were`), read from
//!   `resources/{de,en}/function_words.txt`. Running German or English prose has many of
//!   them; it is decided by them alone, which is fast (about 40 words are enough).
//! - **whatlang**'s trigram model, for everything else: over all its languages it names other
//!   languages; restricted to German and English it helps to decide short headlines, which
//!   have few function words.
//!
//! A text is German or English only when it looks like it: whatlang's best guess or the
//! function words must point to that language (prose needs a share of function words that
//! German or English prose has). Anything else is [`Lang::Und`], with the language whatlang
//! found when it is confident, else none. A text with fewer than three letters is always
//! [`Lang::Und`] with none.
//!
//! ```
//! use lagebild_doc::Lang;
//!
//! let resources = lagebild_resources::Resources::embedded().unwrap();
//! let german = lagebild_langid::detect("Die Regierung hat am Mittwoch ein Gesetz beschlossen. Es soll im Mai gelten.", &resources);
//! assert_eq!((german.lang, german.detected.as_deref()), (Lang::De, Some("de")));
//! let french = lagebild_langid::detect("Le gouvernement a adopté mercredi un nouveau plan d'aide pour les familles.", &resources);
//! assert_eq!((french.lang, french.detected.as_deref()), (Lang::Und, Some("fr")));
//! let digits = lagebild_langid::detect("12345 678", &resources);
//! assert_eq!((digits.lang, digits.detected), (Lang::Und, None));
//! ```

use lagebild_doc::Lang;
use lagebild_resources::Resources;
use whatlang::Script;

/// How much of a text is looked at, in bytes (cut back to a character boundary).
pub const PREFIX_BYTES: usize = 2000;

/// Fewer letters than this is no language at all.
const MIN_LETTERS: usize = 3;

/// From this many words on, a text is prose rather than a headline: German or English prose
/// has a share of function words of at least [`MIN_PROSE_SHARE`].
const PROSE_WORDS: usize = 10;
const MIN_PROSE_SHARE: f64 = 0.12;

/// Prose with at least this many words and this share of one language's function words (and
/// few of the other's) is decided without whatlang.
const FAST_WORDS: usize = 15;
const FAST_SHARE: f64 = 0.2;

/// Counting stops once this many words make clear prose: the rest of the prefix would not
/// change the outcome.
const STOP_WORDS: usize = 40;

/// Longer words are not looked up: no function word is this long.
const MAX_FUNCTION_WORD_BYTES: usize = 12;

/// The weight of one function word against whatlang's German-or-English confidence (0–1).
const WORD_WEIGHT: f64 = 1.0;

/// The outcome of language identification.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    /// The language the document is analysed in: German, English, or [`Lang::Und`].
    pub lang: Lang,
    /// The language found, as an ISO 639-1 code where one exists, else ISO 639-3; `None`
    /// when the evidence was not confident.
    pub detected: Option<String>,
    /// How sure the detector is, 0–1: of `lang` when it is German or English, of `detected`
    /// for another language, and 0 when nothing was detected. A heuristic, not a probability.
    pub confidence: f64,
}

impl Detection {
    fn unclear() -> Detection {
        Detection { lang: Lang::Und, detected: None, confidence: 0.0 }
    }

    fn analysed(lang: Lang, confidence: f64) -> Detection {
        Detection { lang, detected: Some(lang.code().to_owned()), confidence: confidence.clamp(0.0, 1.0) }
    }

    fn other(lang: whatlang::Lang, confidence: f64, resources: &Resources) -> Detection {
        let code = lang.code();
        let detected = resources.language_codes.get(code).cloned().unwrap_or_else(|| code.to_owned());
        Detection { lang: Lang::Und, detected: Some(detected), confidence }
    }
}

/// Identifies the language of `text` from its first [`PREFIX_BYTES`] bytes; see the crate
/// documentation for how.
pub fn detect(text: &str, resources: &Resources) -> Detection {
    let text = prefix(text, PREFIX_BYTES);
    let words = WordCounts::of(text, resources);
    if words.letters < MIN_LETTERS {
        return Detection::unclear();
    }
    if let Some(detection) = words.clear_prose() {
        return detection;
    }
    let Some(info) = whatlang::detect(text) else { return Detection::unclear() };
    if info.script() != Script::Latin {
        // German and English are written in Latin script: anything else is another language.
        return match info.is_reliable() {
            true => Detection::other(info.lang(), info.confidence(), resources),
            false => Detection::unclear(),
        };
    }
    match info.lang() {
        whatlang::Lang::Deu if info.is_reliable() => return Detection::analysed(Lang::De, info.confidence()),
        whatlang::Lang::Eng if info.is_reliable() => return Detection::analysed(Lang::En, info.confidence()),
        _ => {}
    }
    // A reliable guess at another language stands for prose; a headline may still turn out
    // German or English by its function words.
    let other = info.is_reliable().then(|| Detection::other(info.lang(), info.confidence(), resources));
    if let Some(other) = &other
        && words.words >= PROSE_WORDS
    {
        return other.clone();
    }
    // Not clear. German and English are candidates where whatlang's best guess or the
    // function words point to them; where both are, the trigrams and function words weigh
    // against each other.
    let de = info.lang() == whatlang::Lang::Deu || words.supports(Lang::De);
    let en = info.lang() == whatlang::Lang::Eng || words.supports(Lang::En);
    if !de && !en {
        return other.unwrap_or_else(Detection::unclear);
    }
    let allowlist = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Deu, whatlang::Lang::Eng]);
    let trigrams = match allowlist.detect(text) {
        Some(info) if info.lang() == whatlang::Lang::Deu => info.confidence(),
        Some(info) => -info.confidence(),
        None => 0.0,
    };
    // Positive for German, negative for English.
    let score = trigrams + WORD_WEIGHT * (words.de as f64 - words.en as f64);
    match (de, en) {
        (true, false) => Detection::analysed(Lang::De, score),
        (false, true) => Detection::analysed(Lang::En, -score),
        _ if score > 0.0 => Detection::analysed(Lang::De, score),
        _ if score < 0.0 => Detection::analysed(Lang::En, -score),
        _ => other.unwrap_or_else(Detection::unclear),
    }
}

/// The first `max` bytes of `text`, cut back to a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    &text[..text.floor_char_boundary(max)]
}

/// Counts of words in a text.
#[derive(Debug, Default, PartialEq)]
struct WordCounts {
    letters: usize,
    /// Words (runs of letters).
    words: usize,
    /// Words of two or more letters that are German function words but not English ones.
    de: usize,
    /// Words of two or more letters that are English function words but not German ones.
    en: usize,
}

impl WordCounts {
    /// Counts the words of `text`, stopping early once [`STOP_WORDS`] words make clear prose.
    fn of(text: &str, resources: &Resources) -> WordCounts {
        let (Some(de), Some(en)) = (resources.lang(Lang::De), resources.lang(Lang::En)) else {
            return WordCounts::default();
        };
        let mut counts = WordCounts::default();
        let mut lowercase = String::new();
        for word in text.split(|c: char| !c.is_alphabetic()).filter(|word| !word.is_empty()) {
            counts.words += 1;
            counts.letters += word.chars().count();
            if word.len() > MAX_FUNCTION_WORD_BYTES || word.chars().nth(1).is_none() {
                continue;
            }
            let word = if word.chars().any(char::is_uppercase) {
                lowercase.clear();
                lowercase.extend(word.chars().flat_map(char::to_lowercase));
                lowercase.as_str()
            } else {
                word
            };
            match (de.function_words.contains(word), en.function_words.contains(word)) {
                (true, false) => counts.de += 1,
                (false, true) => counts.en += 1,
                _ => continue,
            }
            if counts.words >= STOP_WORDS && counts.clear_prose().is_some() {
                break;
            }
        }
        counts
    }

    fn hits(&self, lang: Lang) -> usize {
        match lang {
            Lang::De => self.de,
            Lang::En => self.en,
            Lang::Und => 0,
        }
    }

    fn share(&self, lang: Lang) -> f64 {
        self.hits(lang) as f64 / self.words.max(1) as f64
    }

    /// Whether the function words point to `lang`: some of them, more than of the other
    /// language, and for prose a share that German or English prose has.
    fn supports(&self, lang: Lang) -> bool {
        let other = if lang == Lang::De { Lang::En } else { Lang::De };
        self.hits(lang) > 0
            && self.hits(lang) > self.hits(other)
            && (self.words < PROSE_WORDS || self.share(lang) >= MIN_PROSE_SHARE)
    }

    /// German or English prose, told by its function words alone.
    fn clear_prose(&self) -> Option<Detection> {
        if self.words < FAST_WORDS {
            return None;
        }
        [(Lang::De, self.de, self.en), (Lang::En, self.en, self.de)].into_iter().find_map(|(lang, hits, other)| {
            (self.share(lang) >= FAST_SHARE && other * 4 <= hits)
                .then(|| Detection::analysed(lang, 1.0 - other as f64 / hits as f64))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resources() -> Resources {
        Resources::embedded().expect("embedded resources are valid")
    }

    #[test]
    fn the_prefix_is_cut_back_to_a_character_boundary() {
        assert_eq!(prefix("Straße", 5), "Stra");
        assert_eq!(prefix("Straße", 6), "Straß");
        assert_eq!(prefix("kurz", 2000), "kurz");
    }

    #[test]
    fn function_words_are_counted_case_blind_and_shared_ones_for_neither() {
        let counts = WordCounts::of("Die Lage in der Stadt, the dog and an Ort. I a", &resources());
        // `in` and `an` are in both lists; one-letter words are not looked up.
        assert_eq!(counts, WordCounts { letters: 33, words: 12, de: 2, en: 2 });
        let counts = WordCounts::of("DER Mann UND die FRAU", &resources());
        assert_eq!((counts.de, counts.en), (3, 0));
    }

    #[test]
    fn counting_stops_once_prose_is_clear() {
        let text = "Der Mann und die Frau sind mit dem Zug nach Berlin gefahren. ".repeat(20);
        let counts = WordCounts::of(&text, &resources());
        assert!(counts.words >= STOP_WORDS && counts.words < 60, "{counts:?}");
        assert_eq!(counts.clear_prose().map(|d| d.lang), Some(Lang::De));
    }

    #[test]
    fn clear_prose_needs_enough_words_a_high_share_and_few_of_the_other_language() {
        let counts = |words, de, en| WordCounts { letters: 5 * words, words, de, en };
        assert_eq!(counts(20, 6, 1).clear_prose().map(|d| d.lang), Some(Lang::De));
        assert_eq!(counts(20, 1, 6).clear_prose().map(|d| d.lang), Some(Lang::En));
        assert_eq!(counts(10, 6, 0).clear_prose(), None, "too few words");
        assert_eq!(counts(40, 6, 0).clear_prose(), None, "too low a share");
        assert_eq!(counts(20, 8, 3).clear_prose(), None, "too many of the other language");
    }

    #[test]
    fn function_words_support_a_language_only_with_a_lead_and_in_prose_a_share() {
        let counts = |words, de, en| WordCounts { letters: 5 * words, words, de, en };
        assert!(counts(6, 1, 0).supports(Lang::De));
        assert!(!counts(6, 1, 1).supports(Lang::De));
        assert!(!counts(6, 0, 0).supports(Lang::En));
        assert!(counts(20, 0, 3).supports(Lang::En));
        assert!(!counts(20, 0, 2).supports(Lang::En), "2 of 20 words is not English prose");
    }

    #[test]
    fn no_function_word_is_too_long_to_be_looked_up() {
        let resources = resources();
        for lang in [Lang::De, Lang::En] {
            for word in &resources.lang(lang).unwrap().function_words {
                assert!(word.len() <= MAX_FUNCTION_WORD_BYTES, "{word}");
                assert!(word.chars().count() >= 2, "one-letter words are not looked up: {word}");
            }
        }
    }

    #[test]
    fn every_language_whatlang_knows_has_an_iso_639_1_code() {
        let resources = resources();
        for lang in whatlang::Lang::all() {
            let code = resources.language_codes.get(lang.code());
            assert!(code.is_some_and(|code| code.len() == 2), "{} ({})", lang.code(), lang.eng_name());
        }
    }
}
