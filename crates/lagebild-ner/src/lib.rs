//! Statistical named-entity recognition for German and English: persons, places,
//! organisations and other names (PER, LOC, ORG, OTH), including names the knowledge base
//! does not know (`Igor Konaschenkow`, `Beyond Parallel`).
//!
//! The tagger is an averaged structured perceptron over hashed features (`features.rs`),
//! decoded by a beam search of eight: the word, its lowercase, shape, first and last one to
//! four characters, the parts around its hyphens, the words, shapes and parts of speech
//! around it, its lemma, whether a name of the knowledge base covers it ([`kb_marks`]),
//! whether it is a word of a person's or a place's name ([`name_mark`]) and the labels of the
//! two words before it. Labels are BIO over the types
//! of the training data; German keeps GermEval's `deriv` (`deutsche`) and `part`
//! (`EU-Kommission`) variants apart, so that the entity stage can leave adjectives and
//! compounds to the knowledge base. `train.rs` trains a model (`cargo xtask train ner`);
//! models live in `models/<lang>/ner.bin` with a record `ner.json`, and are embedded.
//!
//! [`recognize`] runs over a document whose tokens carry part of speech and lemma; the
//! entity stage (`lagebild-link::entities_with`) merges its spans with the base's mentions
//! (`docs/ner.md`).
//!
//! The same tagger, trained on the cues of the SpkAtt-2023 speeches (`cargo xtask train
//! cues`, `models/de/cues.bin`), marks the cues of German attribution ([`cue_tokens`]); the
//! pipeline passes the marks to the claims stage (`docs/claims.md`).

mod features;
mod model;
pub mod train;

use std::path::Path;

use lagebild_doc::{Document, EntityType, Lang, TextRange};
use lagebild_kb::Kb;

pub use features::{FEATURE_VERSION, Word, kb_marks, known_mark, name_mark};
pub use model::{Labelled, NerModel};

/// A model file that could not be used; each names the file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{file}: cannot read: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}: corrupt named-entity model: {message}")]
    Corrupt { file: String, message: String },
    #[error("{file}: named-entity model does not fit: {message}")]
    Mismatch { file: String, message: String },
}

/// How a span names: a name, a word derived from one (`deutsche`, GermEval `deriv`), or a
/// word with a name in it (`EU-Kommission`, GermEval `part`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Variant {
    Name,
    Derived,
    Part,
}

/// The four types of the tagger, after folding (CoNLL `MISC` is `OTH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerType {
    Per,
    Loc,
    Org,
    Oth,
}

impl NerType {
    pub const ALL: [NerType; 4] = [NerType::Per, NerType::Loc, NerType::Org, NerType::Oth];

    pub fn as_str(self) -> &'static str {
        match self {
            NerType::Per => "PER",
            NerType::Loc => "LOC",
            NerType::Org => "ORG",
            NerType::Oth => "OTH",
        }
    }

    /// The type and variant of a label's type name (`PER`, `LOCderiv`, `ORGpart`, `MISC`).
    pub fn parse(name: &str) -> Option<(NerType, Variant)> {
        let (base, variant) = if let Some(base) = name.strip_suffix("deriv") {
            (base, Variant::Derived)
        } else if let Some(base) = name.strip_suffix("part") {
            (base, Variant::Part)
        } else {
            (name, Variant::Name)
        };
        let kind = match base {
            "PER" => NerType::Per,
            "LOC" => NerType::Loc,
            "ORG" => NerType::Org,
            "OTH" | "MISC" => NerType::Oth,
            _ => return None,
        };
        Some((kind, variant))
    }

    /// The entity type of the document model.
    pub fn entity_type(self) -> EntityType {
        match self {
            NerType::Per => EntityType::Person,
            NerType::Loc => EntityType::Location,
            NerType::Org => EntityType::Organization,
            NerType::Oth => EntityType::Other,
        }
    }
}

/// A span the tagger found.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub range: TextRange,
    /// Token indices `[first, end)` in the document.
    pub tokens: (usize, usize),
    pub kind: NerType,
    pub variant: Variant,
    /// From the margin of the tagger's choices (the smallest over the span's tokens).
    pub confidence: f32,
}

/// The models of both languages, and the German cue tagger.
#[derive(Debug, Clone)]
pub struct NerModels {
    pub de: NerModel,
    pub en: NerModel,
    /// The tagger of the cues of German attribution ([`cue_tokens`]).
    pub cues_de: NerModel,
}

const EMBEDDED_DE: &[u8] = include_bytes!("../../../models/de/ner.bin");
const EMBEDDED_EN: &[u8] = include_bytes!("../../../models/en/ner.bin");
const EMBEDDED_CUES_DE: &[u8] = include_bytes!("../../../models/de/cues.bin");

impl NerModels {
    /// The models compiled into the binary.
    pub fn embedded() -> Result<NerModels, ModelError> {
        Ok(NerModels {
            de: NerModel::from_bytes("models/de/ner.bin", "de", EMBEDDED_DE)?,
            en: NerModel::from_bytes("models/en/ner.bin", "en", EMBEDDED_EN)?,
            cues_de: NerModel::from_bytes("models/de/cues.bin", "de", EMBEDDED_CUES_DE)?,
        })
    }

    /// The models in `dir/<lang>/ner.bin` and `dir/de/cues.bin`.
    pub fn from_dir(dir: &Path) -> Result<NerModels, ModelError> {
        let load = |lang: &str, name: &str| {
            let path = dir.join(lang).join(name);
            let file = path.display().to_string();
            let bytes = std::fs::read(&path).map_err(|source| ModelError::Io { file: file.clone(), source })?;
            NerModel::from_bytes(&file, lang, &bytes)
        };
        Ok(NerModels { de: load("de", "ner.bin")?, en: load("en", "ner.bin")?, cues_de: load("de", "cues.bin")? })
    }

    pub fn get(&self, lang: Lang) -> Option<&NerModel> {
        match lang {
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Und => None,
        }
    }
}

/// Tags one sentence given as words; returns token spans `[start, end)` with type, variant
/// and confidence. Labels the model does not know as a type are skipped.
pub fn tag_words(model: &NerModel, words: &[Word<'_>]) -> Vec<(usize, usize, NerType, Variant, f32)> {
    let labelled = model.label(words);
    model
        .spans(&labelled.labels)
        .into_iter()
        .filter_map(|(start, end, kind)| {
            let (kind, variant) = NerType::parse(&model.types[usize::from(kind)])?;
            let margin = labelled.margins[start..end].iter().copied().fold(f32::INFINITY, f32::min);
            Some((start, end, kind, variant, confidence(margin)))
        })
        .collect()
}

/// A confidence in (0, 1) from a margin in the perceptron's units (one unit is one update):
/// `1 − e^(−margin/20)`, so that a margin of 14 gives one half.
fn confidence(margin: f32) -> f32 {
    if !margin.is_finite() {
        return 0.99;
    }
    (1.0 - (-margin / 20.0).exp()).clamp(0.01, 0.99)
}

/// The tokens of a German document that the cue tagger marks as cues of attribution
/// (`sagte`, `fordern`, `bin überzeugt`, `aus … Sicht`): one flag per token, all false for
/// another language. The tagger sees each word's form, part of speech and lemma only (it is
/// trained with no knowledge-base, lexicon or name-word marks).
pub fn cue_tokens(doc: &Document, models: &NerModels) -> Vec<bool> {
    let mut cues = vec![false; doc.tokens.len()];
    if doc.meta.lang != Lang::De {
        return cues;
    }
    let model = &models.cues_de;
    let mut words: Vec<Word<'_>> = Vec::new();
    for (start, end) in sentence_bounds(doc) {
        words.clear();
        words.extend(doc.tokens[start..end].iter().map(|token| Word {
            form: doc.slice(token.range),
            pos: token.pos().unwrap_or(""),
            lemma: token.lemma().unwrap_or(""),
            kb: 0,
            known: 0,
            names: 0,
        }));
        let labelled = model.label(&words);
        for (first, last, _) in model.spans(&labelled.labels) {
            cues[start + first..start + last].iter_mut().for_each(|cue| *cue = true);
        }
    }
    cues
}

/// Each sentence's tokens `[start, end)`, and the tokens after the last sentence.
fn sentence_bounds(doc: &Document) -> Vec<(usize, usize)> {
    let mut token = 0;
    let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(doc.sentences.len() + 1);
    for sentence in &doc.sentences {
        let start = token;
        while token < doc.tokens.len() && doc.tokens[token].range.start() < sentence.range.end() {
            token += 1;
        }
        if token > start {
            bounds.push((start, token));
        }
    }
    if token < doc.tokens.len() {
        bounds.push((token, doc.tokens.len()));
    }
    bounds
}

/// The names in `doc` (whose tokens carry part of speech and lemma), sentence by sentence;
/// `knows` says whether the morphology's lexicon knows a word form.
pub fn recognize(doc: &Document, models: &NerModels, kb: &Kb, knows: impl Fn(&str) -> bool) -> Vec<Mention> {
    let Some(model) = models.get(doc.meta.lang) else {
        return Vec::new();
    };
    let mut mentions = Vec::new();
    let bounds = sentence_bounds(doc);
    let mut forms: Vec<&str> = Vec::new();
    let mut words: Vec<Word<'_>> = Vec::new();
    // The lexicon mark of each capitalised form, looked up once a document: a look-up walks
    // the lexicon's FST, twice for a form it does not know as written.
    let mut known: std::collections::HashMap<&str, u8> = std::collections::HashMap::new();
    for (start, end) in bounds {
        forms.clear();
        forms.extend(doc.tokens[start..end].iter().map(|token| doc.slice(token.range)));
        let marks = kb_marks(&forms, kb, doc.meta.lang);
        words.clear();
        words.extend(doc.tokens[start..end].iter().zip(&forms).zip(&marks).map(|((token, &form), &kb)| Word {
            form,
            pos: token.pos().unwrap_or(""),
            lemma: token.lemma().unwrap_or(""),
            kb,
            known: match form.chars().next() {
                Some(first) if first.is_uppercase() => *known.entry(form).or_insert_with(|| known_mark(form, &knows)),
                _ => 0,
            },
            names: name_mark(form),
        }));
        for (first, last, kind, variant, confidence) in tag_words(model, &words) {
            let mut range = doc.tokens[start + first].range.cover(doc.tokens[start + last - 1].range);
            // An English possessive is no part of the name (`EU's` names the EU).
            let words = doc.slice(range);
            if let Some(name) = words.strip_suffix("'s").or_else(|| words.strip_suffix("’s"))
                && !name.is_empty()
            {
                range = lagebild_doc::TextRange::new(range.start(), range.start() + name.len() as u32);
            }
            mentions.push(Mention { range, tokens: (start + first, start + last), kind, variant, confidence });
        }
    }
    mentions
}
