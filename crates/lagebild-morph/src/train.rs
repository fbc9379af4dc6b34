//! Training: an averaged perceptron over the same features the tagger uses, greedy left to
//! right, deterministic for given data and settings (a fixed-seed shuffle, no threads, no
//! hash-map iteration order in anything that reaches the model).

use std::collections::{BTreeMap, HashMap};

use crate::features::{WordInfo, morph_features, pos_features};
use crate::lexicon::Lexicon;
use crate::model;
use crate::model::{Head, LexiconEntry, MORPH_LANES, PARTICLE_LABEL, POS_LANES, TaggerModel, default_lemma, row};

/// The morphological features the tagger predicts, in this order.
pub const HEADS: &[&str] = &["VerbForm", "Mood", "Tense", "Person", "Number", "Case", "PronType"];

/// One training sentence: for each token its form, part-of-speech label (UPOS, or
/// [`PARTICLE_LABEL`]), features and lemma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainSentence {
    pub forms: Vec<String>,
    pub labels: Vec<String>,
    pub features: Vec<Vec<(String, String)>>,
    pub lemmas: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub epochs: usize,
    pub pos_bits: u8,
    pub morph_bits: u8,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { epochs: 12, pos_bits: 17, morph_bits: 15, seed: 0x1a6e_b11d }
    }
}

/// Weights with their running totals for averaging.
struct Table {
    columns: usize,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
}

impl Table {
    fn new(bits: u8, columns: usize) -> Table {
        let size = (1usize << bits) * columns;
        Table { columns, weights: vec![0.0; size], totals: vec![0.0; size], stamps: vec![0; size] }
    }

    fn scores(&self, rows: &[usize], range: std::ops::Range<usize>, out: &mut Vec<f32>) {
        out.clear();
        out.resize(range.len(), 0.0);
        for &row in rows {
            let base = row * self.columns + range.start;
            for (score, weight) in out.iter_mut().zip(&self.weights[base..base + range.len()]) {
                *score += weight;
            }
        }
    }

    fn update(&mut self, rows: &[usize], column: usize, delta: f32, now: u32) {
        for &row in rows {
            let index = row * self.columns + column;
            self.totals[index] += f64::from(now - self.stamps[index]) * f64::from(self.weights[index]);
            self.stamps[index] = now;
            self.weights[index] += delta;
        }
    }

    /// The averaged weights.
    fn average(mut self, now: u32) -> Table {
        for index in 0..self.weights.len() {
            let total = self.totals[index] + f64::from(now - self.stamps[index]) * f64::from(self.weights[index]);
            self.weights[index] = (total / f64::from(now.max(1))) as f32;
        }
        self.totals = Vec::new();
        self.stamps = Vec::new();
        self
    }

    /// The weights quantised to i16, with one scale for the whole table.
    fn quantise(&self) -> Vec<i16> {
        let largest = self.weights.iter().fold(0.0f32, |largest, weight| largest.max(weight.abs()));
        let scale = if largest > 0.0 { 32_000.0 / largest } else { 0.0 };
        self.weights.iter().map(|weight| (weight * scale).round() as i16).collect()
    }
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (index, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = index;
        }
    }
    best
}

/// A training sentence's features and gold values.
struct Gold {
    pos: Vec<u16>,
    values: Vec<Vec<u8>>,
    words: Vec<WordInfo>,
}

/// Visits each of `count` sentences once per epoch, in a new deterministic order each epoch.
fn epochs(count: usize, settings: &Settings, mut visit: impl FnMut(usize)) {
    let mut order: Vec<usize> = (0..count).collect();
    let mut random = Random(settings.seed | 1);
    for _ in 0..settings.epochs {
        for index in (1..order.len()).rev() {
            let other = (random.next() % (index as u64 + 1)) as usize;
            order.swap(index, other);
        }
        for &sentence in &order {
            visit(sentence);
        }
    }
}

/// Trains a part-of-speech pass: the first (`right` is `None` for every sentence) or the
/// second, which sees the first pass's labels to the right.
fn train_pos_pass(sentences: &[(&Gold, Option<&[u16]>)], labels: usize, settings: &Settings) -> Table {
    let mut table = Table::new(settings.pos_bits, labels);
    let mut now: u32 = 1;
    let (mut features, mut rows, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    epochs(sentences.len(), settings, |sentence| {
        let (sentence, right) = sentences[sentence];
        let mut predicted: Vec<u16> = Vec::with_capacity(sentence.pos.len());
        for index in 0..sentence.pos.len() {
            let previous = [index.checked_sub(1).map(|i| predicted[i]), index.checked_sub(2).map(|i| predicted[i])];
            let right = right.map(|labels| [labels.get(index + 1).copied(), labels.get(index + 2).copied()]);
            pos_features(&sentence.words, index, previous, right, &mut features);
            rows.clear();
            rows.extend(features.iter().map(|&feature| row(feature, settings.pos_bits)));
            table.scores(&rows, 0..labels, &mut scores);
            let guess = argmax(&scores) as u16;
            let truth = sentence.pos[index];
            if guess != truth {
                table.update(&rows, usize::from(truth), 1.0, now);
                table.update(&rows, usize::from(guess), -1.0, now);
            }
            predicted.push(guess);
            now += 1;
        }
    });
    table.average(now)
}

fn train_pos(sentences: &[&Gold], labels: usize, settings: &Settings) -> Table {
    let pairs: Vec<(&Gold, Option<&[u16]>)> = sentences.iter().map(|sentence| (*sentence, None)).collect();
    train_pos_pass(&pairs, labels, settings)
}

fn train_pos_second(sentences: &[(&Gold, &[u16])], labels: usize, settings: &Settings) -> Table {
    let pairs: Vec<(&Gold, Option<&[u16]>)> =
        sentences.iter().map(|(sentence, right)| (*sentence, Some(*right))).collect();
    train_pos_pass(&pairs, labels, settings)
}

/// First-pass labels of a sentence by an averaged (unquantised) table.
fn predict_pos(table: &Table, words: &[WordInfo], right: Option<&[u16]>, settings: &Settings) -> Vec<u16> {
    let (mut features, mut rows, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    let mut predicted: Vec<u16> = Vec::with_capacity(words.len());
    for index in 0..words.len() {
        let previous = [index.checked_sub(1).map(|i| predicted[i]), index.checked_sub(2).map(|i| predicted[i])];
        let right = right.map(|labels| [labels.get(index + 1).copied(), labels.get(index + 2).copied()]);
        pos_features(words, index, previous, right, &mut features);
        rows.clear();
        rows.extend(features.iter().map(|&feature| row(feature, settings.pos_bits)));
        table.scores(&rows, 0..table.columns, &mut scores);
        predicted.push(argmax(&scores) as u16);
    }
    predicted
}

/// A small deterministic generator for the shuffle (xorshift64*).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

const FITS: &str = "the labels were checked against the lanes";

/// Trains a tagger for `lang` on `sentences`. Panics if the data has more part-of-speech
/// labels or feature values than a model holds (32 and 64): the heads are fixed, so that is
/// a treebank no UD release has.
pub fn train(lang: &str, sentences: &[TrainSentence], lexicon: &Lexicon, settings: &Settings) -> TaggerModel {
    // Labels, in sorted order so that the model does not depend on the data's order.
    let mut pos_set: BTreeMap<&str, ()> = BTreeMap::new();
    let mut head_values: Vec<BTreeMap<&str, ()>> = vec![BTreeMap::new(); HEADS.len()];
    for sentence in sentences {
        for (label, features) in sentence.labels.iter().zip(&sentence.features) {
            pos_set.insert(label, ());
            for (name, value) in features {
                if let Some(head) = HEADS.iter().position(|head| head == name) {
                    head_values[head].insert(value, ());
                }
            }
        }
    }
    let pos_labels: Vec<String> = pos_set.keys().map(|label| (*label).to_owned()).collect();
    let pos_index: HashMap<&str, u16> =
        pos_labels.iter().enumerate().map(|(index, label)| (label.as_str(), index as u16)).collect();
    let mut heads = Vec::new();
    let mut offset = 0;
    for (name, values) in HEADS.iter().zip(&head_values) {
        let mut labels = vec!["_".to_owned()];
        labels.extend(values.keys().map(|value| (*value).to_owned()));
        let len = labels.len();
        heads.push(Head { name: (*name).to_owned(), labels, applies: vec![false; pos_labels.len()], offset });
        offset += len;
    }
    let columns = offset;
    assert!(pos_labels.len() <= POS_LANES && columns <= MORPH_LANES, "too many labels for the model's lanes");
    const _: () = assert!(HEADS.len() <= crate::model::MAX_HEADS);

    // Gold values per token, and which heads occur with which part of speech.
    let gold: Vec<Gold> = sentences
        .iter()
        .map(|sentence| {
            let pos: Vec<u16> = sentence.labels.iter().map(|label| pos_index[label.as_str()]).collect();
            let values = sentence
                .features
                .iter()
                .zip(&pos)
                .map(|(features, &pos)| {
                    heads
                        .iter_mut()
                        .map(|head| {
                            let value = features.iter().find(|(name, _)| *name == head.name).map(|(_, value)| value);
                            let index = value.and_then(|value| head.labels.iter().position(|label| label == value));
                            if index.is_some() {
                                head.applies[usize::from(pos)] = true;
                            }
                            index.unwrap_or(0) as u8
                        })
                        .collect()
                })
                .collect();
            let words = sentence.forms.iter().map(|form| WordInfo::new(form, lexicon)).collect();
            Gold { pos, values, words }
        })
        .collect();

    // First pass, and its labels on the training data by five-fold jackknifing, so that the
    // second pass learns from first-pass labels as good as those it will see in use.
    let labels = pos_labels.len();
    let all: Vec<&Gold> = gold.iter().collect();
    let first = train_pos(&all, labels, settings);
    let mut first_labels: Vec<Vec<u16>> = vec![Vec::new(); gold.len()];
    const FOLDS: usize = 5;
    for fold in 0..FOLDS {
        let rest: Vec<&Gold> = gold.iter().enumerate().filter(|(i, _)| i % FOLDS != fold).map(|(_, g)| g).collect();
        let table = train_pos(&rest, labels, settings);
        for (index, sentence) in gold.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            first_labels[index] = predict_pos(&table, &sentence.words, None, settings);
        }
    }
    let with_right: Vec<(&Gold, &[u16])> = gold.iter().zip(&first_labels).map(|(g, l)| (g, l.as_slice())).collect();
    let second = train_pos_second(&with_right, labels, settings);

    let mut morph_table = Table::new(settings.morph_bits, columns);
    let mut now: u32 = 1;
    let (mut features, mut rows, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    epochs(gold.len(), settings, |sentence| {
        let sentence = &gold[sentence];
        for index in 0..sentence.pos.len() {
            // The feature heads learn on the true part of speech, as they mostly see a right one.
            let truth = sentence.pos[index];
            let previous = index.checked_sub(1).map(|i| sentence.pos[i]);
            morph_features(&sentence.words, index, truth, previous, &mut features);
            rows.clear();
            rows.extend(features.iter().map(|&feature| row(feature, settings.morph_bits)));
            for (head_index, head) in heads.iter().enumerate() {
                if !head.applies[usize::from(truth)] {
                    continue;
                }
                let range = head.offset..head.offset + head.labels.len();
                morph_table.scores(&rows, range.clone(), &mut scores);
                let guess = argmax(&scores);
                let value = usize::from(sentence.values[index][head_index]);
                if guess != value {
                    morph_table.update(&rows, head.offset + value, 1.0, now);
                    morph_table.update(&rows, head.offset + guess, -1.0, now);
                }
            }
            now += 1;
        }
    });

    let mut model = TaggerModel {
        lang: lang.to_owned(),
        pos_labels,
        heads,
        pos_weights: model::Table::from_compact(settings.pos_bits, labels, &first.quantise()).expect(FITS),
        pos2_weights: model::Table::from_compact(settings.pos_bits, labels, &second.quantise()).expect(FITS),
        morph_weights: model::Table::from_compact(settings.morph_bits, columns, &morph_table.average(now).quantise())
            .expect(FITS),
        lemma_corrections: HashMap::new(),
        identity: crate::cache::Identity::new(),
    };
    model.lemma_corrections =
        lemma_corrections(&model, sentences, &gold.iter().map(|g| &g.pos).collect::<Vec<_>>(), lexicon);
    model
}

/// Where the training data's lemma for a form and part of speech differs from the default,
/// and does so at least twice with one majority lemma, that lemma becomes a correction.
fn lemma_corrections(
    model: &TaggerModel,
    sentences: &[TrainSentence],
    pos: &[&Vec<u16>],
    lexicon: &Lexicon,
) -> HashMap<String, Vec<(u16, String)>> {
    // For each lower-cased form and label: the lemmas seen, and one form as written.
    type LemmaCounts<'a> = (BTreeMap<&'a str, usize>, &'a str);
    let mut counts: BTreeMap<(String, u16), LemmaCounts> = BTreeMap::new();
    for (sentence, pos) in sentences.iter().zip(pos) {
        for ((form, lemma), &label) in sentence.forms.iter().zip(&sentence.lemmas).zip(pos.iter()) {
            let entry = counts.entry((form.to_lowercase(), label)).or_insert_with(|| (BTreeMap::new(), form));
            *entry.0.entry(lemma).or_default() += 1;
        }
    }
    let mut corrections = HashMap::new();
    for ((lower, label), (lemmas, form)) in counts {
        let upos = model.upos(label);
        if matches!(upos, "PUNCT" | "NUM" | "SYM" | "X" | "PROPN") {
            continue;
        }
        let total: usize = lemmas.values().sum();
        let Some((&lemma, &count)) = lemmas.iter().max_by_key(|(lemma, count)| (**count, std::cmp::Reverse(**lemma)))
        else {
            continue;
        };
        if count < 2 || count * 3 < total * 2 {
            continue;
        }
        let entry = LexiconEntry::look_up(form, lexicon);
        if default_lemma(form, &lower, entry, upos, &model.lang, lexicon) != lemma {
            corrections.entry(lower).or_insert_with(Vec::new).push((label, lemma.to_owned()));
        }
    }
    corrections
}

/// The training label of a treebank word: its UPOS, or [`PARTICLE_LABEL`] for a separable
/// verb particle (STTS `PTKVZ`, PTB `RP`).
pub fn label_of(upos: &str, xpos: &str) -> String {
    if matches!(xpos, "PTKVZ" | "RP") { PARTICLE_LABEL.to_owned() } else { upos.to_owned() }
}
