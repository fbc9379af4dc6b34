//! Part of speech, lemmas and verb features scored against Universal Dependencies, on the
//! held-out sentences ([`crate::is_held_out`]) of each treebank file.
//!
//! Scoring runs on gold tokens: the tagger sees the treebank's surface tokens. A multiword
//! token (`zum`, `don't`) is one token whose gold annotation is its first word's.

use std::fmt;
use std::path::Path;

use lagebild_doc::Lang;
use lagebild_morph::train::{HEADS, TrainSentence, label_of};
use lagebild_morph::{Lexicon, TaggerModel};

use crate::{EvalError, TreebankSentence, is_held_out, read_treebank};

/// The treebank sentences of one language, split by the held-out rule.
#[derive(Debug, Default)]
pub struct Split {
    pub train: Vec<TrainSentence>,
    pub held_out: Vec<TrainSentence>,
}

/// Reads every UD file of `lang` under `data_dir/ud/` and splits each by the held-out rule.
pub fn read_split(data_dir: &Path, lang: Lang) -> Result<Split, EvalError> {
    let mut split = Split::default();
    for (file_lang, path) in crate::segmentation::ud_files(data_dir) {
        if file_lang != lang {
            continue;
        }
        for (index, sentence) in read_treebank(&path)?.iter().enumerate() {
            let converted = convert(sentence);
            if is_held_out(index) { split.held_out.push(converted) } else { split.train.push(converted) }
        }
    }
    Ok(split)
}

/// A treebank sentence as tagger training data: one item per surface token.
pub fn convert(sentence: &TreebankSentence) -> TrainSentence {
    let mut converted =
        TrainSentence { forms: Vec::new(), labels: Vec::new(), features: Vec::new(), lemmas: Vec::new() };
    for token in &sentence.tokens {
        let Some(word) = token.words.first() else { continue };
        converted.forms.push(token.form.clone());
        converted.labels.push(label_of(&word.upos, &word.xpos));
        converted
            .features
            .push(word.feats.iter().filter(|(name, _)| HEADS.contains(&name.as_str())).cloned().collect());
        converted.lemmas.push(word.lemma.clone());
    }
    converted
}

/// Accuracy counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    pub right: usize,
    pub total: usize,
}

impl Accuracy {
    fn count(&mut self, right: bool) {
        self.right += usize::from(right);
        self.total += 1;
    }

    pub fn value(&self) -> f64 {
        if self.total == 0 { 1.0 } else { self.right as f64 / self.total as f64 }
    }
}

impl fmt::Display for Accuracy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.4} ({} of {})", self.value(), self.right, self.total)
    }
}

/// The scores of a tagger on a set of sentences.
#[derive(Debug, Clone, Default)]
pub struct MorphScores {
    /// UPOS of every token.
    pub pos: Accuracy,
    /// Lemma of every token (exact, case-sensitive).
    pub lemma: Accuracy,
    /// Mood of the finite verbs (gold `VerbForm=Fin` with a gold `Mood`).
    pub mood: Accuracy,
    /// Gold `Mood=Sub` finite verbs predicted `Mood=Sub`.
    pub subjunctive_recall: Accuracy,
    /// Predicted `Mood=Sub` that are gold `Mood=Sub`.
    pub subjunctive_precision: Accuracy,
    /// Each feature head on the tokens where gold or prediction has it.
    pub features: Vec<(String, Accuracy)>,
    /// `(gold UPOS, predicted UPOS)` → count, for the errors.
    pub confusions: std::collections::BTreeMap<(String, String), usize>,
}

/// Tags `sentences` with `model` and scores it.
pub fn evaluate(model: &TaggerModel, lexicon: &Lexicon, sentences: &[TrainSentence]) -> MorphScores {
    let mut scores = MorphScores {
        features: model.heads.iter().map(|head| (head.name.clone(), Accuracy::default())).collect(),
        ..MorphScores::default()
    };
    for sentence in sentences {
        let forms: Vec<&str> = sentence.forms.iter().map(String::as_str).collect();
        let tagged = model.tag(&forms, lexicon);
        for (index, tagged) in tagged.iter().enumerate() {
            let gold_label = &sentence.labels[index];
            let gold_upos = gold_label.split('.').next().unwrap_or(gold_label);
            scores.pos.count(model.upos(tagged.pos) == gold_upos);
            if model.upos(tagged.pos) != gold_upos {
                *scores.confusions.entry((gold_upos.to_owned(), model.upos(tagged.pos).to_owned())).or_default() += 1;
            }
            scores.lemma.count(tagged.lemma == sentence.lemmas[index]);
            let gold =
                |name: &str| sentence.features[index].iter().find(|(key, _)| key == name).map(|(_, v)| v.as_str());
            let predicted = |name: &str| {
                let head = model.heads.iter().position(|head| head.name == name)?;
                let value = usize::from(tagged.features[head]);
                (value > 0).then(|| model.heads[head].labels[value].as_str())
            };
            for ((name, accuracy), head) in scores.features.iter_mut().zip(&model.heads) {
                let (gold, predicted) = (gold(&head.name), predicted(name));
                if gold.is_some() || predicted.is_some() {
                    accuracy.count(gold == predicted);
                }
            }
            if gold("VerbForm") == Some("Fin")
                && let Some(mood) = gold("Mood")
            {
                scores.mood.count(predicted("Mood") == Some(mood));
                if mood == "Sub" {
                    scores.subjunctive_recall.count(predicted("Mood") == Some("Sub"));
                }
            }
            if predicted("Mood") == Some("Sub") {
                scores.subjunctive_precision.count(gold("Mood") == Some("Sub"));
            }
        }
    }
    scores
}
