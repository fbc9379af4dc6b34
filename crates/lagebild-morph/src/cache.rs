//! A per-thread memo of what the tagger computes for each word form, so that a frequent word
//! costs one hash look-up instead of a lexicon look-up and some forty random reads in the
//! weight tables.
//!
//! For each form it keeps the [`WordInfo`] and, for both part-of-speech passes, the summed
//! weights of the feature groups of `features::groups`: the word's own features, and those
//! it gives the words one and two before and after it. The score of a label at a position is
//! then the sum of five such vectors, of vectors from small dense tables for the features of
//! the predicted labels and of capitalisation (`Dense`), and of the rows of the few features
//! of a pair of words or of a word and a label. Integer sums do not depend on their order,
//! so the scores, and so the output, are exactly those of adding up every feature's row.
//!
//! Each thread keeps one memo per model and lexicon (by their identity; German and English
//! side by side). When a memo is full it keeps the forms met again since it was last full
//! and forgets the others.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::features::WordInfo;
use crate::features::groups::{self, dense};
use crate::lexicon::Lexicon;
use crate::model::{MORPH_LANES, POS_LANES, Table, TaggerModel};

/// The most forms kept per thread and model (about 1.3 kB each); in tests few, so that the
/// test of the memo against the plain sums (`model.rs`) compacts it often.
const CAPACITY: usize = if cfg!(test) { 1 << 10 } else { 1 << 14 };

/// The identity of a loaded model or lexicon, for the memo. It is not part of the value: two
/// identities are always equal, so that a model read back from its bytes equals the original.
#[derive(Debug)]
pub(crate) struct Identity(u64);

/// A copy is another model (its public fields may change), with its own memo.
impl Clone for Identity {
    fn clone(&self) -> Identity {
        Identity::new()
    }
}

impl Identity {
    pub(crate) fn new() -> Identity {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Identity(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

impl Default for Identity {
    fn default() -> Identity {
        Identity::new()
    }
}

impl PartialEq for Identity {
    fn eq(&self, _: &Identity) -> bool {
        true
    }
}

/// Scores of the part-of-speech labels.
pub(crate) type Scores = [i32; POS_LANES];

/// The groups of `features::groups`, in this order in [`Entry::sums`].
pub(crate) const OWN: usize = 0;
pub(crate) const AS_PREVIOUS: usize = 1;
pub(crate) const AS_SECOND_PREVIOUS: usize = 2;
pub(crate) const AS_NEXT: usize = 3;
pub(crate) const AS_SECOND_NEXT: usize = 4;
const GROUPS: usize = 5;

/// What is known of one word form.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) info: WordInfo,
    /// For each pass, the summed weights of each group.
    pub(crate) sums: [[Scores; GROUPS]; 2],
}

/// What is known of one word form once it was tagged (beside its [`Entry`]).
#[derive(Debug)]
pub(crate) struct Tagging {
    /// The part of speech last given to the word, with the summed weights of the word's own
    /// morphology features (`features::morph_own`) for it.
    pub(crate) morph: Option<(u16, [i32; MORPH_LANES])>,
    /// The lemmas of the word for the last two parts of speech given to it (a form such as
    /// `die` or `meinen` takes turns between two).
    pub(crate) lemmas: Recent<std::sync::Arc<str>>,
}

/// Values for the last two parts of speech they were asked for, the latest first.
#[derive(Debug, Default)]
pub(crate) struct Recent<T>([Option<(u16, T)>; 2]);

impl<T> Recent<T> {
    /// The value for `label`, made by `make` if neither kept value is for it.
    pub(crate) fn get_or_insert_with(&mut self, label: u16, make: impl FnOnce() -> T) -> &T {
        let holds = |slot: &Option<(u16, T)>| matches!(slot, Some((kept, _)) if *kept == label);
        let slots = &mut self.0;
        if !holds(&slots[0]) {
            // The older value moves to the front; the newer one stays, second.
            slots.swap(0, 1);
            if !holds(&slots[0]) {
                slots[0] = None;
            }
        }
        &slots[0].get_or_insert_with(|| (label, make())).1
    }
}

/// The summed weights of the features over a few values each (`features::groups::dense`),
/// for every combination of values, by pass: a score vector read from a small table instead
/// of two or three rows of the large ones.
#[derive(Debug, Default)]
pub(crate) struct Dense {
    /// What changes when a word stands first in its sentence, by `dense::position_index`
    /// of the word not first: the sums of `dense::position` first less those not first (a
    /// word's [`Entry`] holds those not first).
    pub(crate) first: [Vec<Scores>; 2],
    /// By `dense::cases_index`.
    pub(crate) cases: [Vec<Scores>; 2],
    /// By the codes of the labels of the two words before: `c0 * codes + c1`.
    pub(crate) previous: [Vec<Scores>; 2],
    /// Second pass: by the codes of the first pass's labels of the two words after.
    pub(crate) next: Vec<Scores>,
    /// Second pass: by the codes of the labels before and after: `previous * codes + next`.
    pub(crate) around: Vec<Scores>,
    /// The number of label codes (the labels and the edge).
    pub(crate) codes: usize,
    /// By part-of-speech label: `TaggerModel::morph_chunks`.
    pub(crate) morph_chunks: Vec<std::ops::Range<usize>>,
}

impl Dense {
    fn new(model: &TaggerModel) -> Dense {
        let codes = model.pos_labels.len() + 1;
        let tables = [&model.pos_weights, &model.pos2_weights];
        let sums = |count: usize, table: &Table<POS_LANES>, features: &dyn Fn(usize) -> Vec<u64>| -> Vec<Scores> {
            (0..count)
                .map(|index| {
                    let mut scores = [0; POS_LANES];
                    table.add_scores(&features(index), &mut scores);
                    scores
                })
                .collect()
        };
        let pair = |index: usize| (index / codes, index % codes);
        Dense {
            cases: tables.map(|table| sums(dense::CASES, table, &|index| vec![dense::cases(index)])),
            first: tables.map(|table| {
                let position = sums(dense::POSITIONS, table, &|index| dense::position(index).to_vec());
                (0..dense::POSITIONS)
                    .map(|index| {
                        let (first, not_first) = (&position[index | 1], &position[index & !1]);
                        std::array::from_fn(|lane| first[lane] - not_first[lane])
                    })
                    .collect()
            }),
            previous: tables.map(|table| {
                sums(codes * codes, table, &|index| {
                    let (c0, c1) = pair(index);
                    dense::previous(c0, c1).to_vec()
                })
            }),
            next: sums(codes * codes, &model.pos2_weights, &|index| {
                let (c0, c1) = pair(index);
                dense::next(c0, c1).to_vec()
            }),
            around: sums(codes * codes, &model.pos2_weights, &|index| {
                let (previous, next) = pair(index);
                vec![dense::around(previous, next)]
            }),
            codes,
            morph_chunks: model.morph_chunks(),
        }
    }
}

/// The memos of one thread, one per model and lexicon (the last few used).
pub(crate) struct Caches(Vec<WordCache>);

/// How many models' memos a thread keeps (German and English, with room to spare).
const MODELS: usize = 2;

impl Caches {
    /// The memo of `model` and `lexicon`, made if need be.
    pub(crate) fn of(&mut self, model: &TaggerModel, lexicon: &Lexicon) -> &mut WordCache {
        let owner = (model.identity.0, lexicon.identity.0);
        let position = match self.0.iter().position(|cache| cache.owner == Some(owner)) {
            Some(position) => position,
            None => {
                if self.0.len() >= MODELS {
                    self.0.remove(0);
                }
                self.0.push(WordCache {
                    owner: Some(owner),
                    edges: [group_sums(&model.pos_weights, None), group_sums(&model.pos2_weights, None)],
                    dense: Dense::new(model),
                    ..WordCache::default()
                });
                self.0.len() - 1
            }
        };
        &mut self.0[position]
    }
}

/// The memo of one model and lexicon.
#[derive(Debug, Default)]
pub(crate) struct WordCache {
    owner: Option<(u64, u64)>,
    map: HashMap<Box<str>, u32, BuildHasherDefault<FormHasher>>,
    pub(crate) entries: Vec<Entry>,
    /// By entry.
    pub(crate) tagging: Vec<Tagging>,
    /// The sums of the groups for a missing neighbour (sentence start or end), by pass.
    pub(crate) edges: [[Scores; GROUPS]; 2],
    /// The entries of the sentence being tagged.
    pub(crate) ids: Vec<u32>,
    /// By entry: whether its form was met again since the memo was last compacted.
    used: Vec<bool>,
    /// Scratch for the sentence being tagged: the scores of each word, the rows of the
    /// features of each word's pairs, the labels of the first and the second pass.
    pub(crate) base: Vec<Scores>,
    pub(crate) pairs: Vec<[usize; 3]>,
    pub(crate) first: Vec<u16>,
    pub(crate) pos: Vec<u16>,
    pub(crate) dense: Dense,
}

thread_local! {
    pub(crate) static CACHE: RefCell<Caches> = const { RefCell::new(Caches(Vec::new())) };
}

/// The sums of each group of `word`, or of the sentence's edge; the word's own include the
/// features of its position when it is not first (`dense::position`).
fn group_sums(table: &Table<POS_LANES>, word: Option<&WordInfo>) -> [Scores; GROUPS] {
    let mut sums = [[0; POS_LANES]; GROUPS];
    if let Some(word) = word {
        table.add_scores(&groups::own(word), &mut sums[OWN]);
        table.add_scores(&dense::position(dense::position_index(word, false)), &mut sums[OWN]);
    }
    table.add_scores(&groups::as_previous(word), &mut sums[AS_PREVIOUS]);
    table.add_scores(&groups::as_second_previous(word), &mut sums[AS_SECOND_PREVIOUS]);
    table.add_scores(&groups::as_next(word), &mut sums[AS_NEXT]);
    table.add_scores(&groups::as_second_next(word), &mut sums[AS_SECOND_NEXT]);
    sums
}

impl WordCache {
    /// Makes `ids` the entries of `forms`, computing those not yet known.
    pub(crate) fn prepare(&mut self, model: &TaggerModel, lexicon: &Lexicon, forms: &[&str]) {
        if self.entries.len() + forms.len() > CAPACITY {
            self.compact(forms.len());
        }
        self.ids.clear();
        for form in forms {
            let id = match self.map.get(*form) {
                Some(&id) => {
                    self.used[id as usize] = true;
                    id
                }
                None => {
                    let info = WordInfo::new(form, lexicon);
                    let sums =
                        [group_sums(&model.pos_weights, Some(&info)), group_sums(&model.pos2_weights, Some(&info))];
                    let id = self.entries.len() as u32;
                    self.entries.push(Entry { info, sums });
                    self.tagging.push(Tagging { morph: None, lemmas: Recent::default() });
                    self.used.push(false);
                    self.map.insert((*form).into(), id);
                    id
                }
            };
            self.ids.push(id);
        }
    }

    /// Makes room for `coming` forms: keeps the forms met again since the last time (the
    /// frequent ones), with new ids, and forgets the others; forgets all if that is not
    /// enough room. (Emptying the whole memo each time it is full made a fifth of the
    /// German news corpus's tokens recompute their form.)
    fn compact(&mut self, coming: usize) {
        let kept = self.used.iter().filter(|&&used| used).count();
        if kept + coming > CAPACITY * 3 / 4 {
            self.map.clear();
            self.entries.clear();
            self.tagging.clear();
            self.used.clear();
            return;
        }
        let mut renumbered = vec![u32::MAX; self.used.len()];
        let mut next = 0;
        for (id, &used) in self.used.iter().enumerate() {
            if used {
                renumbered[id] = next;
                next += 1;
            }
        }
        self.map.retain(|_, id| {
            *id = renumbered[*id as usize];
            *id != u32::MAX
        });
        let mut index = 0;
        self.entries.retain(|_| {
            index += 1;
            renumbered[index - 1] != u32::MAX
        });
        let mut index = 0;
        self.tagging.retain(|_| {
            index += 1;
            renumbered[index - 1] != u32::MAX
        });
        self.used.clear();
        self.used.resize(self.entries.len(), false);
    }
}

/// FNV-1a over the bytes of a form, eight at a time: forms are short and the memo is local.
#[derive(Debug, Default)]
pub(crate) struct FormHasher(u64);

impl Hasher for FormHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut hash = self.0 ^ 0xcbf2_9ce4_8422_2325;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
        }
        for &byte in chunks.remainder() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        // Spread the bits for the table's bucket index (its low bits) and tag (its high bits).
        let hash = self.0 ^ (self.0 >> 31);
        hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (hash >> 29)
    }
}
