//! Sentences and surface tokens for German and English.
//!
//! Segmentation is non-destructive: tokens and sentences are byte ranges into the text,
//! which is never changed. Tokens are the surface tokens of Universal Dependencies
//! (`zum` and `don't` are one token each), except that hyphenated compounds stay one token
//! (`Putin-Kim-Gipfeltreffen`, `US-Beamte`). Knowledge of the language (abbreviations,
//! sentence starters, English clitic hosts) comes from `lagebild-resources`.
//!
//! ```
//! use lagebild_doc::Lang;
//! let resources = lagebild_resources::Resources::embedded().unwrap();
//! let text = "Am 19. Oktober kam z. B. Dr. Kim. Er blieb.";
//! let (sentences, tokens) = lagebild_segment::segment(text, Lang::De, resources.lang(Lang::De).unwrap());
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(&text[tokens[1].range.as_usize()], "19.");
//! ```

mod sentences;
mod tokenize;

use lagebild_doc::{Lang, Sentence, Token};
use lagebild_resources::LangResources;

/// Splits `text` into sentences and tokens. Every token lies inside exactly one sentence;
/// white space belongs to neither. Odd text is not an error: the result may be empty.
pub fn segment(text: &str, lang: Lang, resources: &LangResources) -> (Vec<Sentence>, Vec<Token>) {
    let raw = tokenize::tokenize(text, lang, resources);
    sentences::assemble(text, &raw, lang, resources)
}
