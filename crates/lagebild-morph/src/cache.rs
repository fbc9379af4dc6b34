//! A per-thread memo of what the tagger computes for each word form, so that a frequent word
//! costs one hash look-up instead of a lexicon look-up and some forty random reads in the
//! weight tables.
//!
//! For each form it keeps the [`WordInfo`] and, for both part-of-speech passes, the summed
//! weights of the feature groups of `features::groups`: the word's own features, and those
//! it gives the words one and two before and after it. The score of a label at a position is
//! then the sum of five such vectors and the weights of the few features that depend on the
//! position, the predicted labels, or a pair of words. Integer sums do not depend on their
//! order, so the scores, and so the output, are exactly those of adding up every feature's
//! row. The memo belongs to one model and lexicon (by their identity) and is emptied when
//! another pair is used or when it is full.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::features::{WordInfo, groups};
use crate::lexicon::Lexicon;
use crate::model::{MORPH_LANES, POS_LANES, Table, TaggerModel};

/// The most forms kept per thread (about 1.6 kB each).
const CAPACITY: usize = 1 << 14;

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
    /// The part of speech last given to the word, with the lemma for it.
    pub(crate) lemma: Option<(u16, String)>,
}

/// The memo of one thread.
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
    /// Scratch: the scores of each word of the sentence being tagged.
    pub(crate) base: Vec<Scores>,
}

thread_local! {
    pub(crate) static CACHE: RefCell<WordCache> = RefCell::new(WordCache::default());
}

fn group_sums(table: &Table<POS_LANES>, word: Option<&WordInfo>) -> [Scores; GROUPS] {
    let mut sums = [[0; POS_LANES]; GROUPS];
    if let Some(word) = word {
        table.add_scores(&groups::own(word), &mut sums[OWN]);
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
        let owner = (model.identity.0, lexicon.identity.0);
        if self.owner != Some(owner) || self.entries.len() + forms.len() > CAPACITY.max(forms.len()) {
            self.map.clear();
            self.entries.clear();
            self.tagging.clear();
            if self.owner != Some(owner) {
                self.owner = Some(owner);
                self.edges = [group_sums(&model.pos_weights, None), group_sums(&model.pos2_weights, None)];
            }
        }
        self.ids.clear();
        for form in forms {
            let id = match self.map.get(*form) {
                Some(&id) => id,
                None => {
                    let info = WordInfo::new(form, lexicon);
                    let sums =
                        [group_sums(&model.pos_weights, Some(&info)), group_sums(&model.pos2_weights, Some(&info))];
                    let id = self.entries.len() as u32;
                    self.entries.push(Entry { info, sums });
                    self.tagging.push(Tagging { morph: None, lemma: None });
                    self.map.insert((*form).into(), id);
                    id
                }
            };
            self.ids.push(id);
        }
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
