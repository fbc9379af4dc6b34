//! Training: the averaged perceptron over sentences in a fixed order shuffled by a seeded
//! generator, so that the same data and settings give the same bytes. With a beam of one it
//! learns token by token from its own greedy choices; with a wider beam (the default) it
//! decodes each sentence as the tagger does and learns from the whole sentence where the
//! beam's best differs from the truth (Collins' structured perceptron).

use crate::features::{NO_LABEL, TokenHashes, Word, labelled, unlabelled};
use crate::model::{LANES, MAX_BEAM, NerModel, Table};

/// One training sentence: tokens with part of speech, lemma, knowledge-base mark and BIO tag
/// (`O`, `B-PER`, `I-LOCderiv`, …, or `?` where the data does not say).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Example {
    /// The document the sentence comes from (for folds by document).
    pub source: String,
    pub forms: Vec<String>,
    pub pos: Vec<String>,
    pub lemmas: Vec<String>,
    pub kb: Vec<u8>,
    /// The lexicon marks ([`crate::known_mark`]).
    pub known: Vec<u8>,
    /// The name-word marks ([`crate::name_mark`]).
    pub names: Vec<u8>,
    pub tags: Vec<String>,
}

impl Example {
    pub fn words(&self) -> Vec<Word<'_>> {
        (0..self.forms.len())
            .map(|i| Word {
                form: &self.forms[i],
                pos: self.pos.get(i).map_or("", String::as_str),
                lemma: self.lemmas.get(i).map_or("", String::as_str),
                kb: self.kb.get(i).copied().unwrap_or(0),
                known: self.known.get(i).copied().unwrap_or(0),
                names: self.names.get(i).copied().unwrap_or(0),
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub epochs: usize,
    /// log2 of the weight table's rows.
    pub bits: u8,
    pub seed: u64,
    /// The beam width of training and decoding: 1 trains greedily, token by token; wider
    /// beams train on whole sentences (a structured perceptron over the beam's best).
    pub beam: u8,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { epochs: 15, bits: 20, seed: 0x5eed_1e55, beam: crate::model::BEAM }
    }
}

/// The labels of a training set: `O`, then `B-` and `I-` of each type in name order.
pub fn labels_of(examples: &[Example]) -> Vec<String> {
    let mut types: Vec<&str> = examples
        .iter()
        .flat_map(|example| example.tags.iter())
        .filter_map(|tag| tag.split_once('-').map(|(_, name)| name))
        .collect();
    types.sort_unstable();
    types.dedup();
    let mut labels = vec!["O".to_owned()];
    for name in types {
        labels.push(format!("B-{name}"));
        labels.push(format!("I-{name}"));
    }
    labels
}

/// A sentence ready for training: token hashes, unlabelled feature rows, gold labels.
type Prepared = (Vec<TokenHashes>, Vec<Vec<u32>>, Vec<u16>);

/// The gold label of a token tagged `?`.
const UNKNOWN: u16 = u16::MAX - 1;

/// Trains a model for `lang`. Tags outside BIO (or more types than fit) are read as `O`.
pub fn train(lang: &str, examples: &[Example], settings: &Settings) -> NerModel {
    let mut labels = labels_of(examples);
    labels.truncate(LANES - (LANES - 1) % 2);
    let count = labels.len();
    // The decoder's view of the labels, with no weights.
    let mut shell = NerModel::new(lang, labels.clone(), 1.0, Table::from_rows(8, Vec::new()).expect("an empty table"))
        .expect("labels of the right shape");
    shell.beam = settings.beam.clamp(1, MAX_BEAM as u8);
    let bits = settings.bits;
    let rows = 1usize << bits;
    let row_of = |feature: u64| (feature >> (64 - u32::from(bits))) as usize;
    let mut weights = vec![0i32; rows * count];
    let mut totals = vec![0i64; rows * count];
    let mut clock: i64 = 1;
    // Per sentence: the token hashes, the unlabelled feature rows, the gold labels.
    let mut prepared: Vec<Prepared> = Vec::with_capacity(examples.len());
    let mut features = Vec::with_capacity(48);
    for example in examples {
        let words = example.words();
        let hashes: Vec<TokenHashes> = words.iter().map(TokenHashes::new).collect();
        let mut rows_of = Vec::with_capacity(words.len());
        for index in 0..words.len() {
            unlabelled(&hashes, index, &mut features);
            rows_of.push(features.iter().map(|&f| row_of(f) as u32).collect());
        }
        // `?` marks a token whose label is unknown: predicted, never learned from.
        let gold =
            example
                .tags
                .iter()
                .map(|tag| {
                    if tag == "?" { UNKNOWN } else { labels.iter().position(|label| label == tag).unwrap_or(0) as u16 }
                })
                .collect();
        prepared.push((hashes, rows_of, gold));
    }
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut state = settings.seed | 1;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut labelled_rows: Vec<u32> = Vec::with_capacity(8);
    for _ in 0..settings.epochs {
        for i in (1..order.len()).rev() {
            let j = (next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &sentence in &order {
            let (hashes, unlabelled_rows, gold) = &prepared[sentence];
            if shell.beam > 1 {
                clock += gold.len() as i64;
                let update = |weights: &mut Vec<i32>, totals: &mut Vec<i64>, rows: &[u32], label: u16, delta: i32| {
                    for &row in rows {
                        let at = row as usize * count + usize::from(label);
                        weights[at] += delta;
                        totals[at] += i64::from(delta) * clock;
                    }
                };
                let decode = |permit: &dyn Fn(usize, u16) -> bool| {
                    let row_sum = |rows: &mut dyn Iterator<Item = u32>, scores: &mut [i32; LANES]| {
                        for row in rows {
                            let row = row as usize * count;
                            for (score, weight) in scores.iter_mut().zip(&weights[row..row + count]) {
                                *score += weight;
                            }
                        }
                    };
                    let mut features = Vec::with_capacity(8);
                    shell
                        .decode(
                            gold.len(),
                            |index, scores| row_sum(&mut unlabelled_rows[index].iter().copied(), scores),
                            |index, previous, scores| {
                                labelled(hashes, index, previous, &mut features);
                                row_sum(&mut features.iter().map(|&f| row_of(f) as u32), scores);
                            },
                            permit,
                            false,
                        )
                        .0
                };
                let predicted = decode(&|_, _| true);
                // Where the data does not say (`?`), the truth is the best sequence that
                // keeps every label it does say.
                let truth = if gold.contains(&UNKNOWN) {
                    decode(&|index, label| gold[index] == UNKNOWN || gold[index] == label)
                } else {
                    gold.clone()
                };
                if truth == predicted {
                    continue;
                }
                let history = |labels: &[u16], index: usize| {
                    [
                        index.checked_sub(1).map_or(NO_LABEL, |i| labels[i]),
                        index.checked_sub(2).map_or(NO_LABEL, |i| labels[i]),
                    ]
                };
                for index in 0..gold.len() {
                    let (good, bad) = (history(&truth, index), history(&predicted, index));
                    if truth[index] == predicted[index] && good == bad {
                        continue;
                    }
                    if truth[index] != predicted[index] {
                        update(&mut weights, &mut totals, &unlabelled_rows[index], truth[index], 1);
                        update(&mut weights, &mut totals, &unlabelled_rows[index], predicted[index], -1);
                    }
                    for (previous, label, delta) in [(good, truth[index], 1), (bad, predicted[index], -1)] {
                        labelled(hashes, index, previous, &mut features);
                        labelled_rows.clear();
                        labelled_rows.extend(features.iter().map(|&f| row_of(f) as u32));
                        update(&mut weights, &mut totals, &labelled_rows, label, delta);
                    }
                }
                continue;
            }
            let mut predicted: Vec<u16> = Vec::with_capacity(gold.len());
            for index in 0..gold.len() {
                let previous = [
                    index.checked_sub(1).map_or(NO_LABEL, |i| predicted[i]),
                    index.checked_sub(2).map_or(NO_LABEL, |i| predicted[i]),
                ];
                labelled(hashes, index, previous, &mut features);
                labelled_rows.clear();
                labelled_rows.extend(features.iter().map(|&f| row_of(f) as u32));
                let mut scores = [0i32; LANES];
                for &row in unlabelled_rows[index].iter().chain(&labelled_rows) {
                    let row = row as usize * count;
                    for (score, weight) in scores.iter_mut().zip(&weights[row..row + count]) {
                        *score += weight;
                    }
                }
                let (guess, _) = shell.choose(&scores, index.checked_sub(1).map(|i| predicted[i]));
                let truth = gold[index];
                if guess != truth && truth != UNKNOWN {
                    for &row in unlabelled_rows[index].iter().chain(&labelled_rows) {
                        let row = row as usize * count;
                        weights[row + usize::from(truth)] += 1;
                        totals[row + usize::from(truth)] += clock;
                        weights[row + usize::from(guess)] -= 1;
                        totals[row + usize::from(guess)] -= clock;
                    }
                }
                // Greedy training follows its own predictions, as tagging will.
                predicted.push(guess);
                clock += 1;
            }
        }
    }
    // Averaged weights: w − Σ(c·Δ)/c, scaled into i16.
    let average = |index: usize| f64::from(weights[index]) - totals[index] as f64 / clock as f64;
    let largest = (0..weights.len()).map(|index| average(index).abs()).fold(0.0f64, f64::max).max(1e-9);
    let scale = (32_000.0 / largest) as f32;
    let mut stored = Vec::new();
    for row in 0..rows {
        let mut values = [0i16; LANES];
        let mut any = false;
        for (label, slot) in values.iter_mut().enumerate().take(count) {
            *slot = (average(row * count + label) * f64::from(scale)).round() as i16;
            any |= *slot != 0;
        }
        if any {
            stored.push((row as u32, values));
        }
    }
    let table = Table::from_rows(bits, stored).expect("rows in order");
    let mut model = NerModel::new(lang, labels, scale, table).expect("labels of the right shape");
    model.beam = shell.beam;
    model
}
