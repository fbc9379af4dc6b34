//! Named-entity recognition: readers for GermEval 2014, CoNLL (CoNLL++ and wikigold) and
//! SmartData, the preparation of training examples (part of speech and lemma from the
//! morphology models, knowledge-base marks), and CoNLL-style scores per type.
//!
//! Folding (`docs/ner.md`): GermEval's outer level is scored, `deriv` and `part` counted as
//! their base type (`LOCderiv` → LOC); CoNLL `MISC` is OTH; CoNLL's IOB1 tags are read as
//! BIO. SmartData's types fold by [`smartdata_type`]; it is used for training only.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

use lagebild_doc::Lang;
use lagebild_kb::Kb;
use lagebild_ner::train::{Example, Settings, train};
use lagebild_ner::{NerModel, NerType, kb_marks, known_mark, name_mark, tag_words};

use crate::{EvalError, Score};

/// A gold sentence: forms and BIO tags with the full type names (`B-LOCderiv`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GoldSentence {
    /// The source document (GermEval's URL line, CoNLL's document number).
    pub source: String,
    pub forms: Vec<String>,
    pub tags: Vec<String>,
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|source| EvalError::Io { file: path.to_owned(), source })
}

/// The GermEval 2014 TSV file: the outer tags; each sentence's source is its URL.
pub fn read_germeval(path: &Path) -> Result<Vec<GoldSentence>, EvalError> {
    let text = read(path)?;
    let mut sentences = Vec::new();
    let mut current = GoldSentence::default();
    for (number, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix('#') {
            current.source = rest.trim().split('\t').next().unwrap_or("").to_owned();
            continue;
        }
        if line.trim().is_empty() {
            if !current.forms.is_empty() {
                let source = current.source.clone();
                sentences.push(std::mem::take(&mut current));
                current.source = source;
            }
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() < 3 {
            return Err(EvalError::Malformed {
                file: path.to_owned(),
                line: number + 1,
                message: format!("{} columns, want index, token, outer tag", columns.len()),
            });
        }
        current.forms.push(columns[1].to_owned());
        current.tags.push(columns[2].to_owned());
    }
    if !current.forms.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// A CoNLL file (token first, tag last, IOB1 read as BIO); `-DOCSTART-` starts a document.
pub fn read_conll(path: &Path) -> Result<Vec<GoldSentence>, EvalError> {
    let text = read(path)?;
    let mut sentences = Vec::new();
    let mut current = GoldSentence::default();
    let mut document = 0;
    let finish = |current: &mut GoldSentence, sentences: &mut Vec<GoldSentence>| {
        if !current.forms.is_empty() {
            let mut previous = "O".to_owned();
            for tag in &mut current.tags {
                let folded = match tag.split_once('-') {
                    Some(("I", name)) => {
                        let name = if name == "MISC" { "OTH" } else { name };
                        if previous.ends_with(name) && previous != "O" {
                            format!("I-{name}")
                        } else {
                            format!("B-{name}")
                        }
                    }
                    Some(("B", name)) => format!("B-{}", if name == "MISC" { "OTH" } else { name }),
                    _ => "O".to_owned(),
                };
                previous = folded.clone();
                *tag = folded;
            }
            sentences.push(std::mem::take(current));
        }
    };
    for (number, line) in text.lines().enumerate() {
        if line.starts_with("-DOCSTART-") {
            finish(&mut current, &mut sentences);
            document += 1;
            continue;
        }
        if line.trim().is_empty() {
            finish(&mut current, &mut sentences);
            continue;
        }
        let columns: Vec<&str> = line.split_whitespace().collect();
        let (Some(form), Some(tag)) = (columns.first(), columns.last()) else { continue };
        if columns.len() < 2 {
            return Err(EvalError::Malformed { file: path.to_owned(), line: number + 1, message: "no tag".to_owned() });
        }
        current.source = document.to_string();
        current.forms.push((*form).to_owned());
        current.tags.push((*tag).to_owned());
    }
    finish(&mut current, &mut sentences);
    Ok(sentences)
}

/// The tagger's type of a SmartData concept type; other types (dates, numbers, triggers,
/// products, routes, positions) are not names of the four types.
pub fn smartdata_type(kind: &str) -> Option<&'static str> {
    Some(match kind.to_ascii_lowercase().as_str() {
        "person" => "PER",
        "organization" | "organization-company" => "ORG",
        "location" | "location-city" | "location-stop" | "location-street" => "LOC",
        _ => return None,
    })
}

/// The SmartData v1 files (gzipped concatenated JSON documents): each text segmented into
/// sentences and tokens by the project's segmenter, tokens tagged by the concept mentions
/// (character offsets) that cover them; a mention starting in lowercase (`italienische`) is
/// the `deriv` variant of its type, as in GermEval. A capitalised token no mention covers
/// (except a sentence's first) is tagged `?`: SmartData does not mark names of other types
/// (products, events, works), so it cannot say that such a word is not one.
pub fn read_smartdata(path: &Path, resources: &lagebild_resources::Resources) -> Result<Vec<GoldSentence>, EvalError> {
    let file = std::fs::File::open(path).map_err(|source| EvalError::Io { file: path.to_owned(), source })?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .map_err(|source| EvalError::Io { file: path.to_owned(), source })?;
    let de = resources.lang(Lang::De).ok_or_else(|| EvalError::Malformed {
        file: path.to_owned(),
        line: 0,
        message: "no German resources".to_owned(),
    })?;
    let mut sentences = Vec::new();
    for (number, document) in serde_json::Deserializer::from_str(&text).into_iter::<serde_json::Value>().enumerate() {
        let document = document.map_err(|error| EvalError::Malformed {
            file: path.to_owned(),
            line: error.line(),
            message: format!("document {number}: {error}"),
        })?;
        let Some(body) = document.pointer("/text/string").and_then(|value| value.as_str()) else { continue };
        let id = document.get("id").and_then(|value| value.as_str()).unwrap_or("").to_owned();
        // Character offsets → byte offsets.
        let mut byte_of: Vec<usize> = body.char_indices().map(|(byte, _)| byte).collect();
        byte_of.push(body.len());
        let mut mentions: Vec<(usize, usize, String)> = Vec::new();
        for mention in document.pointer("/conceptMentions/array").and_then(|v| v.as_array()).into_iter().flatten() {
            let kind = mention.get("type").and_then(|v| v.as_str()).and_then(smartdata_type);
            let start = mention.pointer("/span/start").and_then(|v| v.as_u64());
            let end = mention.pointer("/span/end").and_then(|v| v.as_u64());
            if let (Some(kind), Some(start), Some(end)) = (kind, start, end) {
                let (Some(&start), Some(&end)) = (byte_of.get(start as usize), byte_of.get(end as usize)) else {
                    continue;
                };
                if start >= end {
                    continue;
                }
                let lower = body[start..].chars().next().is_some_and(char::is_lowercase);
                mentions.push((start, end, if lower { format!("{kind}deriv") } else { kind.to_owned() }));
            }
        }
        mentions.sort();
        let (sentence_layer, tokens) = lagebild_segment::segment(body, Lang::De, de);
        let mut token = 0;
        for sentence in &sentence_layer {
            let mut gold = GoldSentence { source: id.clone(), ..GoldSentence::default() };
            let mut open: Option<usize> = None;
            while token < tokens.len() && tokens[token].range.start() < sentence.range.end() {
                let (start, end) = (tokens[token].range.start() as usize, tokens[token].range.end() as usize);
                gold.forms.push(body[start..end].to_owned());
                // The mention that covers this token, if it covers it whole.
                let covering = mentions.iter().position(|&(s, e, _)| s <= start && end <= e);
                let tag = match covering {
                    Some(m) => {
                        let prefix = if open == Some(m) { "I" } else { "B" };
                        open = Some(m);
                        format!("{prefix}-{}", mentions[m].2)
                    }
                    None => {
                        open = None;
                        // SmartData marks no names outside its types (products, events,
                        // works): a capitalised word it leaves unmarked teaches nothing.
                        let upper = body[start..end].chars().next().is_some_and(char::is_uppercase);
                        if upper && !gold.forms.len().eq(&1) { "?".to_owned() } else { "O".to_owned() }
                    }
                };
                gold.tags.push(tag);
                token += 1;
            }
            if !gold.forms.is_empty() {
                sentences.push(gold);
            }
        }
    }
    Ok(sentences)
}

/// Gold sentences with part of speech and lemma from the morphology model and the
/// knowledge base's marks: ready to train on or to tag.
pub fn prepare(sentences: &[GoldSentence], lang: Lang, morph: &lagebild_morph::Models, kb: &Kb) -> Vec<Example> {
    let model = morph.get(lang).expect("a model for German and English");
    sentences
        .iter()
        .map(|sentence| {
            let forms: Vec<&str> = sentence.forms.iter().map(String::as_str).collect();
            let tagged = model.tagger.tag(&forms, &model.lexicon);
            Example {
                source: sentence.source.clone(),
                forms: sentence.forms.clone(),
                pos: tagged.iter().map(|t| model.tagger.upos(t.pos).to_owned()).collect(),
                lemmas: tagged.into_iter().map(|t| t.lemma).collect(),
                kb: kb_marks(&forms, kb, lang),
                known: forms.iter().map(|form| known_mark(form, |w| model.lexicon.script_id(w).is_some())).collect(),
                names: forms.iter().map(|form| name_mark(form)).collect(),
                tags: sentence.tags.clone(),
            }
        })
        .collect()
}

/// Precision, recall and F1 per type (after folding) and over all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerScores {
    pub by_type: BTreeMap<&'static str, Score>,
    pub overall: Score,
}

impl NerScores {
    pub fn add(&mut self, other: &NerScores) {
        for (kind, score) in &other.by_type {
            self.by_type.entry(kind).or_default().add(*score);
        }
        self.overall.add(other.overall);
    }
}

/// Token spans with their folded type, from BIO tags.
fn gold_spans(tags: &[String]) -> Vec<(usize, usize, NerType)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (index, tag) in tags.iter().chain(std::iter::once(&"O".to_owned())).enumerate() {
        let (prefix, name) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, open)| open == name);
        if !continues {
            if let Some((start, open_name)) = open.take()
                && let Some((kind, _)) = NerType::parse(&open_name)
            {
                spans.push((start, index, kind));
            }
            if prefix == "B" || prefix == "I" {
                open = Some((index, name.to_owned()));
            }
        }
    }
    spans
}

/// Scores `model` on prepared examples: exact spans with the folded type.
pub fn evaluate(model: &NerModel, examples: &[Example]) -> NerScores {
    let mut gold: Vec<(usize, usize, NerType)> = Vec::new();
    let mut predicted: Vec<(usize, usize, NerType)> = Vec::new();
    let mut offset = 0;
    for example in examples {
        let shift = |(s, e, k): (usize, usize, NerType)| (s + offset, e + offset, k);
        gold.extend(gold_spans(&example.tags).into_iter().map(shift));
        let words = example.words();
        let found = tag_words(model, &words);
        predicted.extend(found.into_iter().map(|(s, e, k, _, _)| shift((s, e, k))));
        offset += example.forms.len() + 1;
    }
    let mut scores = NerScores::default();
    for kind in NerType::ALL {
        let pick = |spans: &[(usize, usize, NerType)]| -> Vec<(usize, usize)> {
            spans.iter().filter(|span| span.2 == kind).map(|&(s, e, _)| (s, e)).collect()
        };
        let score = Score::of_spans(pick(&gold), pick(&predicted));
        scores.by_type.insert(kind.as_str(), score);
        scores.overall.add(score);
    }
    scores
}

/// The training data of one language, as `cargo xtask train ner` uses it.
pub struct NerData {
    /// Sentences that are scored (GermEval; CoNLL++ train and wikigold for English training).
    pub scored: Vec<Example>,
    /// Training-only sentences (SmartData for German).
    pub extra: Vec<Example>,
    /// English: CoNLL++ dev, held out.
    pub dev: Vec<Example>,
    pub files: Vec<PathBuf>,
}

/// Reads and prepares the data of `lang` from `data` (`../shared/data`).
pub fn load(data: &Path, lang: Lang, morph: &lagebild_morph::Models, kb: &Kb) -> Result<NerData, EvalError> {
    let ner = data.join("ner");
    match lang {
        Lang::De => {
            let germeval = ner.join("de/germeval2014/NER-de-test.tsv");
            let resources = lagebild_resources::Resources::embedded().map_err(|error| EvalError::Malformed {
                file: PathBuf::from("resources"),
                line: 0,
                message: error.to_string(),
            })?;
            let smart = [
                ner.join("de/smartdata/v1_20180119-train.minus-v3-test.json.gz"),
                ner.join("de/smartdata/v1_20180119-test.minus-v3-test.json.gz"),
            ];
            let mut extra = Vec::new();
            for file in &smart {
                extra.extend(read_smartdata(file, &resources)?);
            }
            let mut files = vec![germeval.clone()];
            files.extend(smart);
            Ok(NerData {
                scored: prepare(&read_germeval(&germeval)?, lang, morph, kb),
                extra: prepare(&extra, lang, morph, kb),
                dev: Vec::new(),
                files,
            })
        }
        _ => {
            let train_file = ner.join("en/conllpp/conllpp_train.txt");
            let wiki = ner.join("en/wikigold/wikigold.conll.txt");
            let dev = ner.join("en/conllpp/conllpp_dev.txt");
            let mut scored = read_conll(&train_file)?;
            scored.extend(read_conll(&wiki)?);
            Ok(NerData {
                scored: prepare(&scored, lang, morph, kb),
                extra: Vec::new(),
                dev: prepare(&read_conll(&dev)?, lang, morph, kb),
                files: vec![train_file, wiki, dev],
            })
        }
    }
}

/// German: five-fold cross-validation over the GermEval sentences (folds by source URL),
/// each fold's model trained on the other four folds and the training-only sentences.
pub fn cross_validate(data: &NerData, lang: &str, settings: &Settings, folds: usize) -> NerScores {
    let fold_of = folds_by_example(&data.scored, folds);
    let mut total = NerScores::default();
    for fold in 0..folds {
        let mut training: Vec<Example> =
            data.scored.iter().zip(&fold_of).filter(|(_, f)| **f != fold).map(|(e, _)| e.clone()).collect();
        training.extend(data.extra.iter().cloned());
        let test: Vec<Example> =
            data.scored.iter().zip(&fold_of).filter(|(_, f)| **f == fold).map(|(e, _)| e.clone()).collect();
        let model = train(lang, &training, settings);
        total.add(&evaluate(&model, &test));
    }
    total
}

/// The fold of each example: sources in order of first appearance, dealt round, so that
/// no document is split.
pub fn folds_by_example(examples: &[Example], folds: usize) -> Vec<usize> {
    let mut fold_of: HashMap<&str, usize> = HashMap::new();
    examples
        .iter()
        .map(|example| {
            let next = fold_of.len() % folds;
            *fold_of.entry(example.source.as_str()).or_insert(next)
        })
        .collect()
}
