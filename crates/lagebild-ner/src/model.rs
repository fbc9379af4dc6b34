//! The model: averaged-perceptron weights over hashed features, one column per BIO label,
//! decoded from left to right by a beam search (an `I-` label only after its own type).
//!
//! File layout: magic `LGBNER1\0`, the language (4 bytes), the feature version (u32), the
//! labels (count, then strings), the scale of the weights (f32: stored weight = averaged
//! weight × scale), the beam width (u8), log2 of the table's rows (u8), the count of non-zero rows (u32) and each
//! such row as its index (u32) and one i16 per label; then an FNV-1a 64 checksum of all
//! before it. All numbers little-endian. A truncated, damaged or mismatched file is refused
//! with an error naming it.

use crate::ModelError;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::features::{
    END, FEATURE_VERSION, NO_LABEL, ROLES, START, TokenHashes, Word, first, label_only, label_word, labelled,
    left_pairs, right_pairs, single, word_key,
};

const MAGIC: &[u8; 8] = b"LGBNER1\0";

/// Lanes of a weight row: at most this many labels (4 types × base, `deriv`, `part` × B, I,
/// and O make 25).
pub(crate) const LANES: usize = 32;

/// The widest beam of [`NerModel::decode`].
pub(crate) const MAX_BEAM: usize = 8;

/// The beam width of the models this build trains by default.
pub(crate) const BEAM: u8 = 8;

/// A hypothesis this far behind the best (in the perceptron's units, one unit one update)
/// is not extended.
const PRUNE: f64 = 100.0;

/// How many labels before a word the memo keeps the label-and-word sums of.
const AFTER_LABELS: usize = 3;

/// One hypothesis of the beam: its score, its last label, its parent in the step before and
/// the margin of its last label over the best other.
#[derive(Debug, Clone, Copy)]
struct Hyp {
    score: i64,
    label: u16,
    parent: u16,
    margin: i32,
}

/// A weight table: of `2^bits` rows only the non-zero ones are kept, found through a bitmap
/// and the count of rows before each 64 of them.
#[derive(Clone, PartialEq)]
pub(crate) struct Table {
    bits: u8,
    present: Vec<u64>,
    before: Vec<u32>,
    rows: Vec<[i16; LANES]>,
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table({} of {} rows)", self.rows.len(), 1usize << self.bits)
    }
}

impl Table {
    /// From the non-zero rows, in increasing order of index.
    pub(crate) fn from_rows(bits: u8, stored: Vec<(u32, [i16; LANES])>) -> Option<Table> {
        let count = 1usize << bits;
        let words = count.div_ceil(64);
        let (mut present, mut before) = (vec![0u64; words], vec![0u32; words]);
        let mut rows = Vec::with_capacity(stored.len());
        let mut last: Option<u32> = None;
        let mut word_done = 0usize;
        for (index, row) in stored {
            if last.is_some_and(|last| index <= last) || index as usize >= count {
                return None;
            }
            last = Some(index);
            let word = index as usize / 64;
            while word_done <= word {
                before[word_done] = rows.len() as u32;
                word_done += 1;
            }
            present[word] |= 1 << (index % 64);
            rows.push(row);
        }
        while word_done < words {
            before[word_done] = rows.len() as u32;
            word_done += 1;
        }
        Some(Table { bits, present, before, rows })
    }

    #[inline(always)]
    fn row(&self, feature: u64) -> Option<&[i16; LANES]> {
        let index = (feature >> (64 - u32::from(self.bits))) as usize;
        let word = self.present[index / 64];
        let bit = 1u64 << (index % 64);
        if word & bit == 0 {
            return None;
        }
        let rank = self.before[index / 64] as usize + (word & (bit - 1)).count_ones() as usize;
        self.rows.get(rank)
    }

    #[inline]
    fn add_scores(&self, features: &[u64], out: &mut [i32; LANES]) {
        for &feature in features {
            if let Some(row) = self.row(feature) {
                for (chunk, weights) in out.chunks_exact_mut(8).zip(row.chunks_exact(8)) {
                    let mut lanes = [0i32; 8];
                    for lane in 0..8 {
                        lanes[lane] = chunk[lane] + i32::from(weights[lane]);
                    }
                    chunk.copy_from_slice(&lanes);
                }
            }
        }
    }

    fn stored(&self) -> impl Iterator<Item = (u32, &[i16; LANES])> + '_ {
        let mut rank = 0;
        (0..self.present.len() * 64).filter_map(move |index| {
            if self.present[index / 64] & (1 << (index % 64)) != 0 {
                rank += 1;
                Some((index as u32, &self.rows[rank - 1]))
            } else {
                None
            }
        })
    }
}

/// A trained tagger for one language.
#[derive(Debug, Clone, PartialEq)]
pub struct NerModel {
    pub lang: String,
    /// `O`, then `B-TYPE` and `I-TYPE` for each type (`PER`, `LOCderiv`, …).
    pub labels: Vec<String>,
    /// Stored weight = averaged perceptron weight × scale.
    pub scale: f32,
    pub(crate) table: Table,
    /// For each label, the type index it belongs to (`None` for `O`) and whether it begins.
    pub(crate) kinds: Vec<Option<(u16, bool)>>,
    /// For each label before (`O` and the others at 1…, none at 0), the labels that may
    /// follow it, as bits.
    follows: Vec<u32>,
    /// The types, in order of their first label.
    pub types: Vec<String>,
    /// The width of the beam that decodes (1: greedy), as the model was trained.
    pub beam: u8,
    /// Which model this is, for the memo of word forms; not part of its value.
    pub(crate) id: u64,
}

/// Counts the models made, to tell them apart in the memo.
static MODELS: AtomicU64 = AtomicU64::new(1);

/// A cheap hasher for keys that are numbers (word hashes, pairs of word ids).
#[derive(Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }
    fn write_u64(&mut self, value: u64) {
        // Keys of word pairs are two ids side by side: spread them over all bits, as the
        // table's buckets and tags take the low and the high bits.
        let x = value.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = x ^ (x >> 29);
    }
}

/// One word form (with its part of speech, lemma and marks) as the tagger has seen it: its
/// hashes and, for each role (`features::Role`), the sum of the rows of its features.
struct Entry {
    hashes: TokenHashes,
    sums: [[i32; LANES]; 5],
    /// The sums of the features of the label before with this word, for the last labels
    /// seen (at most [`AFTER_LABELS`]).
    after_label: [(u16, [i32; LANES]); AFTER_LABELS],
    /// The slot of `after_label` that the next label replaces.
    replace: u8,
}

/// The memo of word forms of one thread: most words of a text were seen before, and their
/// features' rows, the bulk of the work, are then added up already.
#[derive(Default)]
struct Memo {
    model: u64,
    ids: HashMap<u64, u32, std::hash::BuildHasherDefault<PassThrough>>,
    entries: Vec<Entry>,
    /// The sums of the sentence's edges in each role (before it for the roles to the left,
    /// after it for those to the right).
    edges: [[i32; LANES]; 5],
    /// The sums of the features of two words side by side, by their ids (the edges are
    /// `u32::MAX`): the left pairs of the second and the right pairs of the first.
    bigrams: [HashMap<u64, [i32; LANES], std::hash::BuildHasherDefault<PassThrough>>; 2],
    /// The sums of the label-only features, by the two labels before (`NO_LABEL` as 0).
    labels: Vec<[i32; LANES]>,
    /// The scores of a sentence's tokens that do not depend on labels (kept between
    /// sentences).
    emissions: Vec<[i32; LANES]>,
}

/// The most word forms the memo keeps before it starts again: about 0.8 kB each, and pairs
/// of up to four times as many at 0.15 kB, so about 40 MB per thread at the most.
const MEMO_LIMIT: usize = 1 << 15;

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
    /// The beam's hypotheses and their counts per token, kept between sentences.
    static HYPS: RefCell<(Vec<Hyp>, Vec<usize>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

impl Memo {
    fn prepare(&mut self, model: &NerModel) {
        if self.model != model.id
            || self.entries.len() > MEMO_LIMIT
            || self.bigrams[0].len() + self.bigrams[1].len() > 4 * MEMO_LIMIT
        {
            self.ids.clear();
            self.entries.clear();
            self.bigrams[0].clear();
            self.bigrams[1].clear();
            self.model = model.id;
            let count = model.labels.len() + 1;
            let as_label = |index: usize| if index == 0 { NO_LABEL } else { index as u16 - 1 };
            self.labels = (0..count * count)
                .map(|index| {
                    let mut features = Vec::new();
                    label_only([as_label(index / count), as_label(index % count)], &mut features);
                    let mut sums = [0; LANES];
                    model.table.add_scores(&features, &mut sums);
                    sums
                })
                .collect();
            let mut features = Vec::new();
            for (role, offset) in ROLES {
                features.clear();
                single(if offset < 0 { &START } else { &END }, role, &mut features);
                let mut sums = [0; LANES];
                model.table.add_scores(&features, &mut sums);
                self.edges[role as usize] = sums;
            }
        }
    }

    fn id_of(&mut self, model: &NerModel, word: &Word<'_>, features: &mut Vec<u64>) -> u32 {
        let key = word_key(word);
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let hashes = TokenHashes::new(word);
        let mut sums = [[0; LANES]; 5];
        for (role, _) in ROLES {
            features.clear();
            single(&hashes, role, features);
            model.table.add_scores(features, &mut sums[role as usize]);
        }
        let id = self.entries.len() as u32;
        self.entries.push(Entry { hashes, sums, after_label: [(NO_LABEL - 1, [0; LANES]); AFTER_LABELS], replace: 0 });
        self.ids.insert(key, id);
        id
    }
}

/// The label of each token with the margin of its choice (in the model's raw units).
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    pub labels: Vec<u16>,
    pub margins: Vec<f32>,
}

impl NerModel {
    pub(crate) fn new(lang: &str, labels: Vec<String>, scale: f32, table: Table) -> Result<NerModel, String> {
        if labels.is_empty() || labels.len() > LANES || labels[0] != "O" {
            return Err(format!(
                "{} labels, the first {:?}: want `O` first and at most {LANES}",
                labels.len(),
                labels.first()
            ));
        }
        let mut types: Vec<String> = Vec::new();
        let mut kinds = vec![None];
        for label in &labels[1..] {
            let (begins, name) = match label.split_once('-') {
                Some(("B", name)) => (true, name),
                Some(("I", name)) => (false, name),
                _ => return Err(format!("label {label:?} is neither B-TYPE nor I-TYPE")),
            };
            let index = match types.iter().position(|known| known == name) {
                Some(index) => index,
                None => {
                    types.push(name.to_owned());
                    types.len() - 1
                }
            };
            kinds.push(Some((index as u16, begins)));
        }
        if !(scale.is_finite() && scale > 0.0) {
            return Err(format!("the scale {scale} is not a positive number"));
        }
        let id = MODELS.fetch_add(1, Ordering::Relaxed);
        let mut model =
            NerModel { lang: lang.to_owned(), labels, scale, table, kinds, types, follows: Vec::new(), beam: BEAM, id };
        let count = model.labels.len() as u16;
        model.follows = std::iter::once(None)
            .chain((0..count).map(Some))
            .map(|previous| {
                (0..count).filter(|&label| model.allowed(previous, label)).fold(0u32, |bits, label| bits | 1 << label)
            })
            .collect();
        Ok(model)
    }

    /// Whether `label` may follow `previous` (`I-X` only after `B-X` or `I-X`).
    pub(crate) fn allowed(&self, previous: Option<u16>, label: u16) -> bool {
        match self.kinds[usize::from(label)] {
            Some((kind, false)) => previous
                .and_then(|previous| self.kinds[usize::from(previous)])
                .is_some_and(|(previous_kind, _)| previous_kind == kind),
            _ => true,
        }
    }

    /// The best allowed label and its margin over the second best.
    pub(crate) fn choose(&self, scores: &[i32; LANES], previous: Option<u16>) -> (u16, i32) {
        let (mut best, mut second): (Option<(u16, i32)>, Option<i32>) = (None, None);
        for label in 0..self.labels.len() as u16 {
            if !self.allowed(previous, label) {
                continue;
            }
            let score = scores[usize::from(label)];
            match best {
                Some((_, top)) if score <= top => {
                    if second.is_none_or(|second| score > second) {
                        second = Some(score);
                    }
                }
                _ => {
                    second = best.map(|(_, top)| top);
                    best = Some((label, score));
                }
            }
        }
        let (label, top) = best.unwrap_or((0, 0));
        (label, second.map_or(i32::MAX, |second| top - second))
    }

    /// Labels one sentence.
    pub fn label(&self, words: &[Word<'_>]) -> Labelled {
        MEMO.with_borrow_mut(|memo| {
            memo.prepare(self);
            let mut features = Vec::with_capacity(48);
            let ids: Vec<u32> = words.iter().map(|word| memo.id_of(self, word, &mut features)).collect();
            let hashes: Vec<TokenHashes> = ids.iter().map(|&id| memo.entries[id as usize].hashes).collect();
            let mut emissions = std::mem::take(&mut memo.emissions);
            emissions.clear();
            let count = self.labels.len() + 1;
            let id_at = |i: Option<usize>| i.filter(|&i| i < words.len()).map_or(u32::MAX, |i| ids[i]);
            for index in 0..words.len() {
                let mut scores = [0i32; LANES];
                let add = |scores: &mut [i32; LANES], sums: &[i32; LANES]| {
                    for (score, sum) in scores.iter_mut().zip(sums) {
                        *score += sum;
                    }
                };
                for (role, offset) in ROLES {
                    let sums = match index.checked_add_signed(offset).filter(|&i| i < words.len()) {
                        Some(i) => &memo.entries[ids[i] as usize].sums[role as usize],
                        None => &memo.edges[role as usize],
                    };
                    add(&mut scores, sums);
                }
                // The pairs with the word before and after, from the memo of bigrams.
                for (side, (left, right)) in
                    [(index.checked_sub(1), Some(index)), (Some(index), Some(index + 1))].into_iter().enumerate()
                {
                    let key = u64::from(id_at(left)) << 32 | u64::from(id_at(right));
                    let sums = memo.bigrams[side].entry(key).or_insert_with(|| {
                        features.clear();
                        let hash = |i: Option<usize>, edge: &'static TokenHashes| {
                            i.filter(|&i| i < words.len()).map_or(edge, |i| &hashes[i])
                        };
                        let (a, b) = (hash(left, &START), hash(right, &END));
                        if side == 0 {
                            left_pairs(a, b, &mut features);
                        } else {
                            right_pairs(a, b, &mut features);
                        }
                        let mut sums = [0; LANES];
                        self.table.add_scores(&features, &mut sums);
                        sums
                    });
                    add(&mut scores, sums);
                }
                self.table.add_scores(&[first(&hashes[index], index)], &mut scores);
                emissions.push(scores);
            }
            let slot = |label: u16| if label == NO_LABEL { 0 } else { usize::from(label) + 1 };
            let (labels, margins) = self.decode(
                words.len(),
                |index, scores| {
                    for (score, sum) in scores.iter_mut().zip(&emissions[index]) {
                        *score += sum;
                    }
                },
                |index, previous, scores| {
                    let add = |scores: &mut [i32; LANES], sums: &[i32; LANES]| {
                        for (score, sum) in scores.iter_mut().zip(sums) {
                            *score += sum;
                        }
                    };
                    add(scores, &memo.labels[slot(previous[0]) * count + slot(previous[1])]);
                    let entry = &mut memo.entries[ids[index] as usize];
                    let cached = match entry.after_label.iter().position(|&(label, _)| label == previous[0]) {
                        Some(at) => at,
                        None => {
                            features.clear();
                            label_word(&entry.hashes, previous[0], &mut features);
                            let mut sums = [0; LANES];
                            self.table.add_scores(&features, &mut sums);
                            let at = usize::from(entry.replace);
                            entry.after_label[at] = (previous[0], sums);
                            entry.replace = ((at + 1) % AFTER_LABELS) as u8;
                            at
                        }
                    };
                    add(scores, &entry.after_label[cached].1);
                },
                |_, _| true,
                true,
            );
            memo.emissions = emissions;
            Labelled { labels, margins: margins.into_iter().map(|margin| margin as f32 / self.scale).collect() }
        })
    }

    /// Labels one sentence by adding up every feature's row, without the memo: what
    /// [`NerModel::label`] must give.
    pub fn label_plain(&self, words: &[Word<'_>]) -> Labelled {
        let hashes: Vec<TokenHashes> = words.iter().map(TokenHashes::new).collect();
        let features = RefCell::new(Vec::with_capacity(48));
        let (labels, margins) = self.decode(
            words.len(),
            |index, scores| {
                let mut features = features.borrow_mut();
                crate::features::unlabelled(&hashes, index, &mut features);
                self.table.add_scores(&features, scores);
            },
            |index, previous, scores| {
                let mut features = features.borrow_mut();
                labelled(&hashes, index, previous, &mut features);
                self.table.add_scores(&features, scores);
            },
            |_, _| true,
            true,
        );
        Labelled { labels, margins: margins.into_iter().map(|margin| margin as f32 / self.scale).collect() }
    }

    /// The best labels of a sentence of `len` tokens by beam search over the model's beam
    /// width, with the margin of each label over the best other label the same history
    /// allows. `emission` adds the scores of token `index` that do not depend on labels,
    /// `labelled` those that depend on the two labels before it. Among equal scores the
    /// earlier hypothesis and the lower label win, so that a beam of one is greedy decoding.
    /// `permit` says which labels a token may take (training fixes the known ones); where it
    /// leaves no label that may follow, the order of BIO is let go for that token.
    pub(crate) fn decode(
        &self,
        len: usize,
        mut emission: impl FnMut(usize, &mut [i32; LANES]),
        mut labelled: impl FnMut(usize, [u16; 2], &mut [i32; LANES]),
        permit: impl Fn(usize, u16) -> bool,
        prune: bool,
    ) -> (Vec<u16>, Vec<i32>) {
        let beam = usize::from(self.beam).clamp(1, MAX_BEAM);
        let count = self.labels.len();
        let prune = if prune { (PRUNE * f64::from(self.scale)) as i64 } else { i64::MAX / 4 };
        let empty = Hyp { score: 0, label: NO_LABEL, parent: 0, margin: 0 };
        let (hyps, sizes) = HYPS.with_borrow_mut(|(hyps, sizes)| (std::mem::take(hyps), std::mem::take(sizes)));
        let (mut hyps, mut sizes) = (hyps, sizes);
        hyps.clear();
        hyps.resize(len * beam, empty);
        sizes.clear();
        sizes.resize(len, 0);
        for index in 0..len {
            let mut base = [0i32; LANES];
            emission(index, &mut base);
            let mut top = [empty; MAX_BEAM];
            let mut kept = 0;
            let states = if index == 0 { 1 } else { sizes[index - 1] };
            for strict in [true, false] {
                for state in 0..states {
                    let (score, previous) = if index == 0 {
                        (0, [NO_LABEL; 2])
                    } else {
                        let hyp = hyps[(index - 1) * beam + state];
                        let before = if index >= 2 {
                            hyps[(index - 2) * beam + usize::from(hyp.parent)].label
                        } else {
                            NO_LABEL
                        };
                        (hyp.score, [hyp.label, before])
                    };
                    if index > 0 && score < hyps[(index - 1) * beam].score - prune {
                        // Far behind the best (and so are the states after it).
                        break;
                    }
                    let mut scores = base;
                    labelled(index, previous, &mut scores);
                    let slot = if previous[0] == NO_LABEL { 0 } else { usize::from(previous[0]) + 1 };
                    let mut may = if strict { self.follows[slot] } else { (1u32 << count) - 1 };
                    // The best and second-best label that may follow, for the margins.
                    let (mut best, mut first, mut second) = (0usize, i32::MIN, None::<i32>);
                    let mut bits = may;
                    while bits != 0 {
                        let label = bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        let own = scores[label];
                        if own > first {
                            second = (first != i32::MIN).then_some(first);
                            (best, first) = (label, own);
                        } else if second.is_none_or(|second| own > second) {
                            second = Some(own);
                        }
                    }
                    while may != 0 {
                        let label = may.trailing_zeros() as usize;
                        may &= may - 1;
                        if !permit(index, label as u16) {
                            continue;
                        }
                        let own = scores[label];
                        let total = score + i64::from(own);
                        if (kept == beam && total <= top[beam - 1].score) || (kept > 0 && total < top[0].score - prune)
                        {
                            continue;
                        }
                        let margin = match second {
                            None => i32::MAX,
                            Some(second) if label == best => own - second,
                            Some(_) => own - first,
                        };
                        let at = top[..kept].iter().position(|hyp| hyp.score < total).unwrap_or(kept);
                        let end = kept.min(beam - 1);
                        top.copy_within(at..end, at + 1);
                        top[at] = Hyp { score: total, label: label as u16, parent: state as u16, margin };
                        kept = (kept + 1).min(beam);
                    }
                }
                if kept > 0 {
                    break;
                }
            }
            hyps[index * beam..index * beam + kept].copy_from_slice(&top[..kept]);
            sizes[index] = kept;
        }
        let (mut labels, mut margins) = (vec![0u16; len], vec![0i32; len]);
        let mut state = 0;
        for index in (0..len).rev() {
            let hyp = hyps[index * beam + state];
            labels[index] = hyp.label;
            margins[index] = hyp.margin;
            state = usize::from(hyp.parent);
        }
        HYPS.with_borrow_mut(|buffers| *buffers = (hyps, sizes));
        (labels, margins)
    }

    /// Spans of tokens `[start, end)` with their type index, from the labels.
    pub fn spans(&self, labels: &[u16]) -> Vec<(usize, usize, u16)> {
        let mut spans = Vec::new();
        let mut open: Option<(usize, u16)> = None;
        for (index, &label) in labels.iter().enumerate() {
            let kind = self.kinds.get(usize::from(label)).copied().flatten();
            match (open, kind) {
                (Some((_, open_kind)), Some((kind, false))) if open_kind == kind => {}
                _ => {
                    if let Some((start, kind)) = open.take() {
                        spans.push((start, index, kind));
                    }
                    if let Some((kind, _)) = kind {
                        open = Some((index, kind));
                    }
                }
            }
        }
        if let Some((start, kind)) = open {
            spans.push((start, labels.len(), kind));
        }
        spans
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        let mut code = [0u8; 4];
        for (slot, byte) in code.iter_mut().zip(self.lang.bytes().take(3)) {
            *slot = byte;
        }
        bytes.extend_from_slice(&code);
        bytes.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        bytes.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for label in &self.labels {
            bytes.extend_from_slice(&(label.len() as u32).to_le_bytes());
            bytes.extend_from_slice(label.as_bytes());
        }
        bytes.extend_from_slice(&self.scale.to_le_bytes());
        bytes.push(self.beam);
        bytes.push(self.table.bits);
        bytes.extend_from_slice(&(self.table.rows.len() as u32).to_le_bytes());
        for (index, row) in self.table.stored() {
            bytes.extend_from_slice(&index.to_le_bytes());
            for weight in &row[..self.labels.len()] {
                bytes.extend_from_slice(&weight.to_le_bytes());
            }
        }
        let sum = checksum(&bytes);
        bytes.extend_from_slice(&sum.to_le_bytes());
        bytes
    }

    /// Reads a model for `lang` from `bytes`; `file` names it in errors.
    pub fn from_bytes(file: &str, lang: &str, bytes: &[u8]) -> Result<NerModel, ModelError> {
        let corrupt = |message: String| ModelError::Corrupt { file: file.to_owned(), message };
        if bytes.len() < 8 + 4 + 4 + 8 {
            return Err(corrupt(format!("{} bytes are too few for a model file", bytes.len())));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if &body[..8] != MAGIC {
            return Err(corrupt(format!(
                "not a named-entity model (its first bytes are {:?})",
                String::from_utf8_lossy(&body[..8])
            )));
        }
        let mut expected = [0u8; 8];
        expected.copy_from_slice(sum);
        if checksum(body) != u64::from_le_bytes(expected) {
            return Err(corrupt("the checksum does not match: the file is damaged or truncated".to_owned()));
        }
        let code = String::from_utf8_lossy(&body[8..12]).trim_end_matches('\0').to_owned();
        if code != lang {
            return Err(ModelError::Mismatch {
                file: file.to_owned(),
                message: format!("it is for language {code}, not {lang}"),
            });
        }
        let mut reader = Reader { body, position: 12 };
        let at = |reader: &Reader<'_>, message: &str| corrupt(format!("{message} (at byte {})", reader.position));
        let version = reader.u32().ok_or_else(|| at(&reader, "the file ends early"))?;
        if version != FEATURE_VERSION {
            return Err(ModelError::Mismatch {
                file: file.to_owned(),
                message: format!("it was trained with feature version {version}, this build uses {FEATURE_VERSION}"),
            });
        }
        let count = reader.u32().ok_or_else(|| at(&reader, "the file ends early"))? as usize;
        if count == 0 || count > LANES {
            return Err(at(&reader, &format!("{count} labels (want 1 to {LANES})")));
        }
        let mut labels = Vec::with_capacity(count);
        for _ in 0..count {
            let len = reader.u32().ok_or_else(|| at(&reader, "the file ends early"))? as usize;
            let text = reader.take(len).ok_or_else(|| at(&reader, "the file ends early"))?;
            let text = std::str::from_utf8(text).map_err(|_| at(&reader, "a label is not UTF-8"))?;
            labels.push(text.to_owned());
        }
        let scale = f32::from_le_bytes(
            reader.take(4).and_then(|b| b.try_into().ok()).ok_or_else(|| at(&reader, "the file ends early"))?,
        );
        let beam = *reader.take(1).and_then(|b| b.first()).ok_or_else(|| at(&reader, "the file ends early"))?;
        if !(1..=MAX_BEAM as u8).contains(&beam) {
            return Err(at(&reader, &format!("a beam of {beam} is out of range (1 to {MAX_BEAM})")));
        }
        let bits = *reader.take(1).and_then(|b| b.first()).ok_or_else(|| at(&reader, "the file ends early"))?;
        if !(8..=26).contains(&bits) {
            return Err(at(&reader, &format!("a table of 2^{bits} rows is out of range")));
        }
        let rows = reader.u32().ok_or_else(|| at(&reader, "the file ends early"))? as usize;
        if rows > 1 << bits || rows.saturating_mul(4 + 2 * count) > body.len() {
            return Err(at(&reader, &format!("{rows} rows do not fit the file")));
        }
        let mut stored = Vec::with_capacity(rows);
        for _ in 0..rows {
            let index = reader.u32().ok_or_else(|| at(&reader, "the file ends early"))?;
            let weights = reader.take(2 * count).ok_or_else(|| at(&reader, "the file ends early"))?;
            let mut row = [0i16; LANES];
            for (slot, pair) in row.iter_mut().zip(weights.chunks_exact(2)) {
                *slot = i16::from_le_bytes([pair[0], pair[1]]);
            }
            stored.push((index, row));
        }
        if reader.position != body.len() {
            return Err(at(&reader, "unexpected bytes after the end"));
        }
        let table = Table::from_rows(bits, stored)
            .ok_or_else(|| corrupt("the row indices are not in order or out of range".to_owned()))?;
        let mut model = NerModel::new(lang, labels, scale, table).map_err(corrupt)?;
        model.beam = beam;
        Ok(model)
    }
}

struct Reader<'a> {
    body: &'a [u8],
    position: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.position.checked_add(len).filter(|&end| end <= self.body.len())?;
        let slice = &self.body[self.position..end];
        self.position = end;
        Some(slice)
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// FNV-1a 64.
fn checksum(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
