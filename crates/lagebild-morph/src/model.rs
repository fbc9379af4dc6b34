//! The tagger model: averaged-perceptron weights over hashed features, greedy left to
//! right, with one head for the part of speech and one per morphological feature. The part
//! of speech is decided in two passes: the second sees the first's labels to the right.
//!
//! File layout (see `binary.rs` for the framing): magic `LGBTAG1\0`, language, feature
//! version (u32), log2 of the part-of-speech and morphology table rows (u8 each), the
//! part-of-speech labels, the feature heads (name, labels, the labels of the parts of speech
//! they apply to), the lemma corrections, then the weight tables (first and second
//! part-of-speech pass, morphology) as i16. In memory a table keeps only its non-zero rows
//! (see `Table`); the tagger reads it through the memo of word forms in `cache.rs`.

use std::collections::HashMap;
use std::sync::Arc;

use crate::ModelError;
use crate::binary::{Reader, Writer};
use crate::cache::{AS_NEXT, AS_PREVIOUS, AS_SECOND_NEXT, AS_SECOND_PREVIOUS, CACHE, Identity, OWN, Scores};
use crate::features::groups::{self, dense};
use crate::features::{FEATURE_VERSION, morph_live, morph_own};
use crate::lexicon::Lexicon;

const MAGIC: &[u8; 8] = b"LGBTAG1\0";

/// The label of a separable verb particle (UD `ADP` with STTS `PTKVZ` or PTB `RP`): written
/// out as `ADP` with the feature `PartType=Vbp`.
pub const PARTICLE_LABEL: &str = "ADP.prt";

/// One morphological feature the model predicts, such as `Mood` with `Ind`, `Sub`, `Imp`.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub name: String,
    /// The values; index 0 is `_`, the feature is absent.
    pub labels: Vec<String>,
    /// For each part-of-speech label, whether this feature can occur on it.
    pub applies: Vec<bool>,
    /// The first column of this head in the morphology table.
    pub(crate) offset: usize,
}

/// A weight table in memory: one row of `W` lanes per hashed feature, padded past the
/// labels with zeros, so that adding up a row is one fixed-width, vectorised loop. Most rows
/// are zero (the feature was never seen in training, or its weights averaged out), so only
/// the others are stored, found through a bitmap of the rows that are there and the count of
/// rows before each 64 of them: a feature with no weights costs no read beyond the bitmap,
/// and the table takes a third of the memory, which keeps more of it in the caches.
#[derive(Clone, PartialEq)]
pub(crate) struct Table<const W: usize> {
    bits: u8,
    columns: usize,
    /// Bit `i % 64` of word `i / 64`: row `i` is stored.
    present: Vec<u64>,
    /// For each word of `present`, the stored rows before it.
    before: Vec<u32>,
    rows: Vec<[i16; W]>,
}

impl<const W: usize> std::fmt::Debug for Table<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table({} of {} rows × {} columns)", self.rows.len(), 1usize << self.bits, self.columns)
    }
}

impl<const W: usize> Table<W> {
    /// From `2^bits` rows of `columns` weights each, row after row.
    pub(crate) fn from_compact(bits: u8, columns: usize, weights: &[i16]) -> Option<Table<W>> {
        let count = 1usize << bits;
        if columns > W || weights.len() != count * columns {
            return None;
        }
        let words = count.div_ceil(64);
        let (mut present, mut before, mut rows) = (vec![0u64; words], vec![0u32; words], Vec::new());
        for index in 0..count {
            if index % 64 == 0 {
                before[index / 64] = u32::try_from(rows.len()).ok()?;
            }
            let weights = &weights[index * columns..(index + 1) * columns];
            if weights.iter().any(|&weight| weight != 0) {
                present[index / 64] |= 1 << (index % 64);
                let mut row = [0i16; W];
                row[..columns].copy_from_slice(weights);
                rows.push(row);
            }
        }
        Some(Table { bits, columns, present, before, rows })
    }

    /// The stored row of `index`, if any.
    #[inline(always)]
    fn row(&self, index: usize) -> Option<&[i16; W]> {
        let word = self.present[index / 64];
        let bit = 1u64 << (index % 64);
        if word & bit == 0 {
            return None;
        }
        let rank = self.before[index / 64] as usize + (word & (bit - 1)).count_ones() as usize;
        self.rows.get(rank)
    }

    pub(crate) fn compact(&self) -> impl Iterator<Item = i16> + '_ {
        let zeros = [0i16; W];
        (0..1usize << self.bits)
            .flat_map(move |index| self.row(index).copied().unwrap_or(zeros).into_iter().take(self.columns))
    }

    /// Adds the rows numbered `rows` (as [`row`] gives them) to `out`.
    #[inline]
    pub(crate) fn add_rows(&self, rows: &[usize], out: &mut [i32; W]) {
        for &index in rows {
            if let Some(row) = self.row(index) {
                add_row(out, row);
            }
        }
    }

    /// Adds the lanes of `chunks` (eight lanes each) of the rows of `features` to `out`.
    #[inline]
    pub(crate) fn add_scores_in(&self, features: &[u64], out: &mut [i32; W], chunks: std::ops::Range<usize>) {
        let lanes = chunks.start.min(W / 8) * 8..chunks.end.min(W / 8) * 8;
        let out = &mut out[lanes.clone()];
        for &feature in features {
            if let Some(row) = self.row(row(feature, self.bits)) {
                for (scores, weights) in out.chunks_exact_mut(8).zip(row[lanes.clone()].chunks_exact(8)) {
                    let mut sums = [0i32; 8];
                    for lane in 0..8 {
                        sums[lane] = scores[lane] + i32::from(weights[lane]);
                    }
                    scores.copy_from_slice(&sums);
                }
            }
        }
    }

    /// Adds the rows of `features` to `out`.
    #[inline]
    pub(crate) fn add_scores(&self, features: &[u64], out: &mut [i32; W]) {
        for &feature in features {
            if let Some(row) = self.row(row(feature, self.bits)) {
                add_row(out, row);
            }
        }
    }
}

/// Adds one vector of summed weights to the scores.
#[inline(always)]
fn add_scores(out: &mut Scores, sums: &Scores) {
    for (score, sum) in out.iter_mut().zip(sums) {
        *score += sum;
    }
}

/// Adds a row of weights to the scores, eight lanes at a time so that the compiler keeps it
/// in vector registers (a plain loop over all lanes came out scalar).
#[inline(always)]
fn add_row<const W: usize>(out: &mut [i32; W], row: &[i16; W]) {
    for (scores, weights) in out.chunks_exact_mut(8).zip(row.chunks_exact(8)) {
        let mut lanes = [0i32; 8];
        for lane in 0..8 {
            lanes[lane] = scores[lane] + i32::from(weights[lane]);
        }
        scores.copy_from_slice(&lanes);
    }
}

/// The most feature heads a model has.
pub const MAX_HEADS: usize = 8;

/// Lanes of the part-of-speech tables: at most this many labels (UD has 17 parts of speech,
/// and the particle label makes 18).
pub(crate) const POS_LANES: usize = 24;
/// Lanes of the morphology table: at most this many feature values in all.
pub(crate) const MORPH_LANES: usize = 40;

/// A trained tagger for one language.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggerModel {
    pub lang: String,
    pub pos_labels: Vec<String>,
    pub heads: Vec<Head>,
    /// The first pass over a sentence, left to right with the labels before each token.
    pub(crate) pos_weights: Table<POS_LANES>,
    /// The second pass, which also sees the first pass's labels after each token.
    pub(crate) pos2_weights: Table<POS_LANES>,
    pub(crate) morph_weights: Table<MORPH_LANES>,
    /// lower-cased form → `(part-of-speech label, lemma)`, where the training data's lemma
    /// differs from what the lexicon and the default rules give.
    pub lemma_corrections: HashMap<String, Vec<(u16, String)>>,
    /// Which model this is, for the memo of word forms (`cache.rs`); not part of its value.
    pub(crate) identity: Identity,
}

/// The analysis of one token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    /// Index into [`TaggerModel::pos_labels`].
    pub pos: u16,
    /// For each head, the index of its value (0: absent); heads past the model's are 0.
    pub features: [u8; MAX_HEADS],
    pub lemma: String,
}

impl TaggerModel {
    /// The UPOS of a label (`ADP.prt` is `ADP`).
    pub fn upos(&self, label: u16) -> &str {
        let label = self.pos_labels.get(usize::from(label)).map_or("X", String::as_str);
        label.split('.').next().unwrap_or(label)
    }

    /// Tags one sentence, given as its token forms.
    pub fn tag(&self, forms: &[&str], lexicon: &Lexicon) -> Vec<Tagged> {
        let mut result = Vec::with_capacity(forms.len());
        self.tag_with(forms, lexicon, |pos, features, lemma| {
            result.push(Tagged { pos, features, lemma: (**lemma).to_owned() });
        });
        result
    }

    /// Tags one sentence and hands each token's part of speech, features and lemma to
    /// `out`, in order; the lemma is the memo's, shared by the tokens of the word form.
    pub(crate) fn tag_with(
        &self,
        forms: &[&str],
        lexicon: &Lexicon,
        mut out: impl FnMut(u16, [u8; MAX_HEADS], &Arc<str>),
    ) {
        CACHE.with_borrow_mut(|caches| {
            let cache = caches.of(self, lexicon);
            cache.prepare(self, lexicon, forms);
            // Scratch vectors kept from sentence to sentence.
            let (mut pairs, mut first, mut pos) =
                (std::mem::take(&mut cache.pairs), std::mem::take(&mut cache.first), std::mem::take(&mut cache.pos));
            pairs.clear();
            first.clear();
            pos.clear();
            let entries = &cache.entries;
            let tagging = &mut cache.tagging;
            let ids = &cache.ids;
            let dense = &cache.dense;
            // The rows of the features of pairs of words at each position: the same in both
            // passes' tables, whose rows are numbered alike.
            let bits = self.pos_weights.bits;
            let info_at = |index: usize| &entries[ids[index] as usize].info;
            pairs.extend((0..forms.len()).map(|index| {
                let (before, after) =
                    (index.checked_sub(1).map(info_at), ids.get(index + 1).map(|&id| &entries[id as usize].info));
                let [f27, f31] = groups::pair_to_second(before, info_at(index));
                [f27, f31, groups::pair_to_first(info_at(index), after)].map(|feature| row(feature, bits))
            }));
            let codes = dense.codes;
            let count = forms.len();
            // The word at `offset` from `index`, if any.
            let at = |index: usize, offset: isize| {
                index.checked_add_signed(offset).and_then(|i| ids.get(i)).map(|&id| &entries[id as usize])
            };
            let info = |index: usize, offset: isize| at(index, offset).map(|entry| &entry.info);
            // The scores of a pass at `index` from the memo: the word's own features, those its
            // neighbours (or the sentence's edges) give it, and those of its pairs with them.
            let memo = |pass: usize, index: usize| -> Scores {
                let entry = &entries[ids[index] as usize];
                let mut scores = entry.sums[pass][OWN];
                for (offset, group) in [(-1, AS_PREVIOUS), (-2, AS_SECOND_PREVIOUS), (1, AS_NEXT), (2, AS_SECOND_NEXT)]
                {
                    let sums = at(index, offset).map_or(&cache.edges[pass][group], |entry| &entry.sums[pass][group]);
                    add_scores(&mut scores, sums);
                }
                if index == 0 {
                    add_scores(&mut scores, &dense.first[pass][dense::position_index(&entry.info, false)]);
                }
                add_scores(&mut scores, &dense.cases[pass][dense::cases_index(&entry.info, info(index, 1))]);
                let table = if pass == 0 { &self.pos_weights } else { &self.pos2_weights };
                table.add_rows(&pairs[index], &mut scores);
                scores
            };
            let labels = self.pos_labels.len();
            // Each pass first adds up, for every word at once, what does not depend on the
            // labels to its left (the weight tables' reads of different words overlap), then
            // goes from left to right adding the features of those labels.
            let base = &mut cache.base;
            base.clear();
            base.extend((0..count).map(|index| memo(0, index)));
            for (index, scores) in base.iter_mut().enumerate() {
                let previous = [index.checked_sub(1).map(|i| first[i]), index.checked_sub(2).map(|i| first[i])];
                let [c0, c1] = previous.map(dense::code);
                add_scores(scores, &dense.previous[0][c0 * codes + c1]);
                let word = &entries[ids[index] as usize].info;
                let features = groups::with_previous_label(word, info(index, 1), previous[0]);
                self.pos_weights.add_scores(&features, scores);
                first.push(argmax(&scores[..labels]) as u16);
            }
            let right = |index: usize| [first.get(index + 1).copied(), first.get(index + 2).copied()];
            for (index, scores) in base.iter_mut().enumerate() {
                *scores = memo(1, index);
                let [r0, r1] = right(index);
                add_scores(scores, &dense.next[dense::code(r0) * codes + dense::code(r1)]);
                let word = &entries[ids[index] as usize].info;
                self.pos2_weights.add_scores(&groups::with_next_label(word, r0), scores);
            }
            for (index, scores) in base.iter_mut().enumerate() {
                let previous = [index.checked_sub(1).map(|i| pos[i]), index.checked_sub(2).map(|i| pos[i])];
                let [c0, c1] = previous.map(dense::code);
                add_scores(scores, &dense.previous[1][c0 * codes + c1]);
                add_scores(scores, &dense.around[c0 * codes + dense::code(right(index)[0])]);
                let word = &entries[ids[index] as usize].info;
                let features = groups::with_previous_label(word, info(index, 1), previous[0]);
                self.pos2_weights.add_scores(&features, scores);
                pos.push(argmax(&scores[..labels]) as u16);
            }
            self.correct_first_word(
                forms,
                &mut pos,
                |index| entries[ids[index] as usize].info.lexicon_entry(),
                lexicon,
            );
            self.correct_verbs_read_as_other_words(
                forms,
                &mut pos,
                |index| entries[ids[index] as usize].info.lexicon_entry(),
                lexicon,
            );
            for (index, &pos_index) in pos.iter().enumerate() {
                let word = |offset: isize| info(index, offset);
                let previous = index.checked_sub(1).map(|i| pos[i]);
                let pos = pos_index;
                let mut features = [0; MAX_HEADS];
                let id = ids[index] as usize;
                let (entry, learned) = (&entries[id], &mut tagging[id]);
                // Only the lanes of the heads that apply to the part of speech are read.
                let chunks = dense.morph_chunks.get(usize::from(pos)).cloned().unwrap_or(0..0);
                if !chunks.is_empty() {
                    if learned.morph.as_ref().is_none_or(|&(label, _)| label != pos) {
                        let mut sums = [0; MORPH_LANES];
                        self.morph_weights.add_scores_in(&morph_own(&entry.info, pos), &mut sums, chunks.clone());
                        learned.morph = Some((pos, sums));
                    }
                    let mut scores = learned.morph.as_ref().map_or([0; MORPH_LANES], |&(_, sums)| sums);
                    self.morph_weights.add_scores_in(&morph_live(word, pos, previous), &mut scores, chunks);
                    features = self.heads_of(&scores, pos);
                }
                let lemma = learned.lemmas.get_or_insert_with(pos, || {
                    self.lemma_of(forms[index], entry.info.lexicon_entry(), pos, lexicon).into()
                });
                out(pos, features, lemma);
            }
            (cache.pairs, cache.first, cache.pos) = (pairs, first, pos);
        })
    }

    /// The model's weak spot is the first word of a sentence, capitalised whatever it is: a
    /// word with letters is no punctuation (`US-Beamte`), and a German capitalised word is no
    /// adjective without an adjective's ending unless the lexicon knows it in lowercase
    /// (`Frankreich verurteilte …`, but `Klar ist …`): it is a noun where the lexicon knows it
    /// as written, else a proper noun.
    fn correct_first_word(
        &self,
        forms: &[&str],
        pos: &mut [u16],
        entry: impl Fn(usize) -> LexiconEntry,
        lexicon: &Lexicon,
    ) {
        let Some(&form) = forms.first() else { return };
        let Some(&label) = pos.first() else { return };
        if !form.chars().next().is_some_and(char::is_uppercase) {
            return;
        }
        let upos = self.upos(label);
        let ending = ["e", "en", "er", "es", "em"].iter().any(|ending| form.ends_with(ending));
        let wrong = match upos {
            "PUNCT" | "SYM" => form.chars().any(char::is_alphabetic),
            // Not a predicative adjective the lexicon knows in lowercase (`Klar ist, dass …`).
            "ADJ" => {
                self.lang == "de" && !ending && !form.contains('-') && lexicon.script_id(&form.to_lowercase()).is_none()
            }
            _ => false,
        };
        if !wrong {
            return;
        }
        let wanted = if matches!(entry(0), LexiconEntry::Exact(_)) { "NOUN" } else { "PROPN" };
        if let Some(index) = self.pos_labels.iter().position(|label| label == wanted) {
            pos[0] = index as u16;
        }
    }

    /// A German past-tense verb after a conjunction is sometimes read as an adjective (`und
    /// drohten mit Streiks`): a word in `-te`/`-ten` read as an adjective, with no determiner,
    /// preposition or adjective before it and no noun, name, adjective or number after it (so
    /// neither attributive nor a noun's), which the lexicon knows as a form of a verb, is that
    /// verb.
    ///
    /// So is a word read as a determiner that the lexicon knows as a verb form, where it
    /// follows a pronoun and determines nothing after it (`Ich meine, …`, `Wir meinen klar:
    /// …`, `wenn Sie es ernst meinen`).
    fn correct_verbs_read_as_other_words(
        &self,
        forms: &[&str],
        pos: &mut [u16],
        entry: impl Fn(usize) -> LexiconEntry,
        lexicon: &Lexicon,
    ) {
        if self.lang != "de" {
            return;
        }
        let Some(verb) = self.pos_labels.iter().position(|label| label == "VERB") else { return };
        for index in 1..forms.len() {
            let form = forms[index];
            let at = |offset: usize| pos.get(index + offset).map(|&label| self.upos(label));
            let nominal =
                |upos: Option<&str>| upos.is_some_and(|upos| matches!(upos, "NOUN" | "PROPN" | "NUM" | "DET" | "X"));
            let determiner = self.upos(pos[index]) == "DET"
                && form.starts_with(|c: char| c.is_lowercase())
                && self.upos(pos[index - 1]) == "PRON"
                && !nominal(at(1))
                && !(at(1) == Some("ADJ") && (nominal(at(2)) || at(2) == Some("ADJ")));
            if determiner {
                let known = entry(index);
                if !matches!(known, LexiconEntry::Unknown)
                    && self.lemma_of(form, known, verb as u16, lexicon).ends_with("en")
                {
                    pos[index] = verb as u16;
                }
                continue;
            }
            if self.upos(pos[index]) != "ADJ"
                || !(form.ends_with("te") || form.ends_with("ten"))
                || !form.starts_with(|c: char| c.is_lowercase())
                || matches!(self.upos(pos[index - 1]), "DET" | "ADP" | "ADJ")
                || pos
                    .get(index + 1)
                    .is_some_and(|&next| matches!(self.upos(next), "NOUN" | "PROPN" | "ADJ" | "NUM" | "X"))
            {
                continue;
            }
            let known = entry(index);
            if matches!(known, LexiconEntry::Unknown) {
                continue;
            }
            let lemma = self.lemma_of(form, known, verb as u16, lexicon);
            if lemma.ends_with("en") && lemma != form {
                pos[index] = verb as u16;
            }
        }
    }

    /// For each part-of-speech label, the chunks of eight lanes of the morphology table that
    /// hold the heads applying to it (empty when none applies).
    pub(crate) fn morph_chunks(&self) -> Vec<std::ops::Range<usize>> {
        (0..self.pos_labels.len())
            .map(|pos| {
                let applying = self.heads.iter().filter(|head| head.applies.get(pos).copied().unwrap_or(false));
                let (low, high) = applying.fold((usize::MAX, 0), |(low, high), head| {
                    (low.min(head.offset), high.max(head.offset + head.labels.len()))
                });
                if low >= high { 0..0 } else { low / 8..high.div_ceil(8).min(MORPH_LANES / 8) }
            })
            .collect()
    }

    /// The value of each head that applies to `pos`, from the morphology scores.
    fn heads_of(&self, scores: &[i32; MORPH_LANES], pos: u16) -> [u8; MAX_HEADS] {
        let mut values = [0u8; MAX_HEADS];
        for (value, head) in values.iter_mut().zip(&self.heads) {
            if head.applies.get(usize::from(pos)).copied().unwrap_or(false) {
                *value = argmax(&scores[head.offset..head.offset + head.labels.len()]) as u8;
            }
        }
        values
    }

    /// The lemma of `form` tagged `pos`: the correction learned from the training data, else
    /// the lexicon's lemma, else the form itself (lower-cased except for nouns and names).
    pub fn lemma(&self, form: &str, pos: u16, lexicon: &Lexicon) -> String {
        self.lemma_of(form, LexiconEntry::look_up(form, lexicon), pos, lexicon)
    }

    fn lemma_of(&self, form: &str, entry: LexiconEntry, pos: u16, lexicon: &Lexicon) -> String {
        let lemma = self.learned_or_default_lemma(form, entry, pos, lexicon);
        crate::lemma_rules::reformed_spelling(form, &lemma, &lexicon.rules).unwrap_or(lemma)
    }

    fn learned_or_default_lemma(&self, form: &str, entry: LexiconEntry, pos: u16, lexicon: &Lexicon) -> String {
        let upos = self.upos(pos);
        if matches!(upos, "PUNCT" | "NUM" | "SYM" | "X" | "PROPN") {
            return form.to_owned();
        }
        let lower: std::borrow::Cow<'_, str> =
            if form.chars().any(char::is_uppercase) { form.to_lowercase().into() } else { form.into() };
        if let Some(corrections) = self.lemma_corrections.get(lower.as_ref())
            && let Some((_, lemma)) = corrections.iter().find(|(label, _)| *label == pos)
        {
            return lemma.clone();
        }
        default_lemma(form, &lower, entry, upos, &self.lang, lexicon)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut writer = Writer::new(MAGIC, &self.lang);
        writer.u32(FEATURE_VERSION);
        writer.u32(self.pos_labels.len() as u32);
        for label in &self.pos_labels {
            writer.string(label);
        }
        writer.u32(self.heads.len() as u32);
        for head in &self.heads {
            writer.string(&head.name);
            writer.u32(head.labels.len() as u32);
            for label in &head.labels {
                writer.string(label);
            }
            for &applies in &head.applies {
                writer.u8(u8::from(applies));
            }
        }
        let mut corrections: Vec<(&String, u16, &String)> = self
            .lemma_corrections
            .iter()
            .flat_map(|(form, entries)| entries.iter().map(move |(pos, lemma)| (form, *pos, lemma)))
            .collect();
        corrections.sort();
        writer.u32(corrections.len() as u32);
        for (form, pos, lemma) in corrections {
            writer.string(form);
            writer.u32(u32::from(pos));
            writer.string(lemma);
        }
        writer.u8(self.pos_weights.bits);
        writer.u8(self.morph_weights.bits);
        let tables: [Box<dyn Iterator<Item = i16> + '_>; 3] = [
            Box::new(self.pos_weights.compact()),
            Box::new(self.pos2_weights.compact()),
            Box::new(self.morph_weights.compact()),
        ];
        for table in tables {
            let weights: Vec<i16> = table.collect();
            writer.u64(weights.len() as u64);
            for weight in weights {
                writer.bytes(&weight.to_le_bytes());
            }
        }
        writer.finish()
    }

    /// Reads a model written by [`TaggerModel::to_bytes`]; `file` names it in errors.
    pub fn from_bytes(file: &str, lang: &str, bytes: &[u8]) -> Result<TaggerModel, ModelError> {
        let mut reader = Reader::new(file, MAGIC, lang, bytes)?;
        let version = reader.u32()?;
        if version != FEATURE_VERSION {
            return Err(ModelError::Mismatch {
                file: file.to_owned(),
                message: format!("it was trained with feature version {version}, this build uses {FEATURE_VERSION}"),
            });
        }
        let count = reader.u32()? as usize;
        let pos_labels = (0..count).map(|_| reader.string()).collect::<Result<Vec<_>, _>>()?;
        if pos_labels.is_empty() || pos_labels.len() > POS_LANES {
            return Err(reader.corrupt("no part-of-speech labels"));
        }
        let count = reader.u32()? as usize;
        if count > MAX_HEADS {
            return Err(reader.corrupt("too many feature heads"));
        }
        let mut heads = Vec::with_capacity(count);
        let mut offset = 0;
        for _ in 0..count {
            let name = reader.string()?;
            let labels_count = reader.u32()? as usize;
            let labels = (0..labels_count).map(|_| reader.string()).collect::<Result<Vec<_>, _>>()?;
            if labels.is_empty() || labels.len() > 255 {
                return Err(reader.corrupt("a feature head has no or too many values"));
            }
            let applies = (0..pos_labels.len()).map(|_| reader.u8().map(|byte| byte != 0)).collect::<Result<_, _>>()?;
            heads.push(Head { name, offset, applies, labels });
            offset += heads.last().map_or(0, |head| head.labels.len());
        }
        let count = reader.u32()? as usize;
        let mut lemma_corrections = HashMap::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let form = reader.string()?;
            let pos = u16::try_from(reader.u32()?).map_err(|_| reader.corrupt("a label index overflows"))?;
            let lemma = reader.string()?;
            lemma_corrections.entry(form).or_insert_with(Vec::new).push((pos, lemma));
        }
        let (pos_bits, morph_bits) = (reader.u8()?, reader.u8()?);
        if !(8..=24).contains(&pos_bits) || !(8..=24).contains(&morph_bits) || offset > MORPH_LANES {
            return Err(reader.corrupt("table sizes out of range"));
        }
        let mut read_table = |bits: u8, columns: usize| -> Result<Vec<i16>, ModelError> {
            let len = reader.u64()? as usize;
            if len != (1usize << bits) * columns {
                return Err(reader.corrupt("a weight table has the wrong size"));
            }
            let bytes = reader.bytes(len * 2)?;
            Ok(bytes.chunks_exact(2).map(|pair| i16::from_le_bytes([pair[0], pair[1]])).collect())
        };
        let labels = pos_labels.len();
        let pos_weights = Table::from_compact(pos_bits, labels, &read_table(pos_bits, labels)?);
        let pos2_weights = Table::from_compact(pos_bits, labels, &read_table(pos_bits, labels)?);
        let morph_weights = Table::from_compact(morph_bits, offset, &read_table(morph_bits, offset)?);
        reader.end()?;
        let (Some(pos_weights), Some(pos2_weights), Some(morph_weights)) = (pos_weights, pos2_weights, morph_weights)
        else {
            return Err(reader.corrupt("a weight table does not fit its labels"));
        };
        Ok(TaggerModel {
            lang: lang.to_owned(),
            pos_labels,
            heads,
            pos_weights,
            pos2_weights,
            morph_weights,
            lemma_corrections,
            identity: Identity::new(),
        })
    }
}

/// Where a form stands in the lexicon: its script id as written, else that of its
/// lower-cased form; looked up once per token and used by both features and lemmas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LexiconEntry {
    Exact(u64),
    Lower(u64),
    Unknown,
}

impl LexiconEntry {
    pub(crate) fn look_up(form: &str, lexicon: &Lexicon) -> LexiconEntry {
        if let Some(id) = lexicon.script_id(form) {
            return LexiconEntry::Exact(id);
        }
        if form.chars().any(char::is_uppercase)
            && let Some(id) = lexicon.script_id(&form.to_lowercase())
        {
            return LexiconEntry::Lower(id);
        }
        LexiconEntry::Unknown
    }
}

/// The lemma without corrections: the lexicon's, else the form (lower-cased unless a noun).
pub(crate) fn default_lemma(
    form: &str,
    lower: &str,
    entry: LexiconEntry,
    upos: &str,
    lang: &str,
    lexicon: &Lexicon,
) -> String {
    let lemma = lexicon_lemma(form, lower, entry, upos, lang, lexicon);
    // The language's rules (`resources/<lang>/lemma_rules.tsv`; German only) for a verb that
    // the lexicon leaves as it is. One in `-ieren` (the lexicon knows `eliminiert` only as an
    // adjective, or not at all) inflects regularly: `eliminiert`, `attackierten` →
    // `eliminieren`, `attackieren`.
    let rules = &lexicon.rules;
    if upos == "VERB" && lemma == lower {
        let stem = rules
            .ieren_endings
            .iter()
            .find_map(|ending| lower.strip_suffix(&**ending).filter(|stem| stem.chars().count() >= 2));
        if let Some(stem) = stem {
            return format!("{stem}ieren");
        }
        // A verb with an inseparable prefix that the lexicon does not know inflects like the
        // verb without it: `beworfen`, `bewarf` → `bewerfen` as `geworfen`, `warf` → `werfen`.
        for prefix in rules.inseparable_prefixes.iter().map(|prefix| &**prefix) {
            let Some(rest) = lower.strip_prefix(prefix).filter(|rest| rest.chars().count() >= 4) else { continue };
            for bare in [format!("ge{rest}"), rest.to_owned()] {
                let entry = LexiconEntry::look_up(&bare, lexicon);
                if matches!(entry, LexiconEntry::Unknown) {
                    continue;
                }
                let verb = lexicon_lemma(&bare, &bare, entry, upos, lang, lexicon);
                if verb != bare && verb.ends_with('n') {
                    return format!("{prefix}{verb}");
                }
            }
            // Else a participle or past form (no lemma ends in `t` or `te`) is a weak verb's,
            // regular: `enthauptet`, `erwürgte` → `enthaupten`, `erwürgen`; `erdrosselt` →
            // `erdrosseln`.
            let stem = rules
                .weak_endings
                .iter()
                .find_map(|ending| lower.strip_suffix(&**ending))
                .filter(|stem| stem.strip_prefix(prefix).is_some_and(|rest| rest.chars().count() >= 3));
            if let Some(stem) = stem {
                return if stem.ends_with("el") || stem.ends_with("er") {
                    format!("{stem}n")
                } else {
                    format!("{stem}en")
                };
            }
        }
        // A verb with a separable particle before `ge` or `zu` inflects like the verb without
        // it: `umgebracht`, `umzubringen` → `umbringen` as `gebracht` → `bringen`,
        // `abzulehnen` → `ablehnen`.
        for particle in rules.separable_particles.iter().map(|particle| &**particle) {
            let Some(rest) = lower.strip_prefix(particle) else { continue };
            let (bare, infinitive) = match rest.strip_prefix("zu") {
                Some(bare) => (bare, true),
                None if rest.starts_with("ge") => (rest, false),
                None => continue,
            };
            if bare.chars().count() < 4 {
                continue;
            }
            let entry = LexiconEntry::look_up(bare, lexicon);
            if matches!(entry, LexiconEntry::Unknown) {
                continue;
            }
            let verb = lexicon_lemma(bare, bare, entry, upos, lang, lexicon);
            if verb.ends_with('n') && (infinitive || verb != bare) {
                return format!("{particle}{verb}");
            }
        }
    }
    // A verb's form that the lexicon reads as another word inflected like an adjective or
    // determiner (`meinen`, `ich meine` → `mein`; `weichen` → `weich`) is that word with
    // `-en`, where the lexicon gives that as the lemma of its third person (`meint`).
    if lang == "de"
        && matches!(upos, "VERB" | "AUX")
        && let Some(ending) = lower.strip_prefix(lemma.as_str())
        && matches!(ending, "en" | "e")
    {
        let third = format!("{lemma}t");
        let verb = format!("{lemma}en");
        let entry = LexiconEntry::look_up(&third, lexicon);
        if lexicon_lemma(&third, &third, entry, upos, lang, lexicon) == verb {
            return verb;
        }
    }
    lemma
}

/// The lemma the lexicon's script gives, else the form (lowercase but for German nouns).
fn lexicon_lemma(form: &str, lower: &str, entry: LexiconEntry, upos: &str, lang: &str, lexicon: &Lexicon) -> String {
    let keeps_case = upos == "NOUN" && lang == "de";
    let apply = |id: u64, word: &str| lexicon.script(id).and_then(|script| script.apply(word));
    match entry {
        LexiconEntry::Exact(id) => {
            if let Some(lemma) = apply(id, form) {
                return if keeps_case { lemma } else { lemma.to_lowercase() };
            }
        }
        LexiconEntry::Lower(id) => {
            if let Some(lemma) = apply(id, lower) {
                return if keeps_case { capitalise(&lemma) } else { lemma };
            }
        }
        LexiconEntry::Unknown => {
            // A German hyphenated compound inflects in its last part (`Anti-Minen-Übungen` →
            // `Anti-Minen-Übung`). English treebanks keep such words whole.
            if lang == "de"
                && let Some((head, last)) = form.rsplit_once('-')
                && !head.is_empty()
                && !last.is_empty()
            {
                let last_lower = last.to_lowercase();
                let entry = LexiconEntry::look_up(last, lexicon);
                if !matches!(entry, LexiconEntry::Unknown) {
                    let lemma = lexicon_lemma(last, &last_lower, entry, upos, lang, lexicon);
                    let head = if keeps_case { head.to_owned() } else { head.to_lowercase() };
                    return format!("{head}-{lemma}");
                }
            }
        }
    }
    if keeps_case { form.to_owned() } else { lower.to_owned() }
}

fn capitalise(word: &str) -> String {
    let mut characters = word.chars();
    characters.next().map(|first| first.to_uppercase().chain(characters).collect()).unwrap_or_default()
}

/// The row of a feature in a table of `2^bits` rows: the hash's top bits.
#[inline]
pub(crate) fn row(feature: u64, bits: u8) -> usize {
    (feature >> (64 - u32::from(bits))) as usize
}

/// The index of the first highest score (0 for none).
fn argmax(scores: &[i32]) -> usize {
    let best = scores.iter().copied().fold(i32::MIN, i32::max);
    scores.iter().position(|&score| score == best).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{WordInfo, morph_features, pos_features};

    /// Tagging as the features define it: every feature's row added up, nothing memoised.
    fn tag_plain(model: &TaggerModel, forms: &[&str], lexicon: &Lexicon) -> Vec<Tagged> {
        let words: Vec<WordInfo> = forms.iter().map(|form| WordInfo::new(form, lexicon)).collect();
        let best = |table: &Table<POS_LANES>, features: &[u64]| {
            let mut scores = [0; POS_LANES];
            table.add_scores(features, &mut scores);
            argmax(&scores[..model.pos_labels.len()]) as u16
        };
        let mut features = Vec::new();
        let mut first: Vec<u16> = Vec::new();
        for index in 0..forms.len() {
            let previous = [index.checked_sub(1).map(|i| first[i]), index.checked_sub(2).map(|i| first[i])];
            pos_features(&words, index, previous, None, &mut features);
            first.push(best(&model.pos_weights, &features));
        }
        let mut second: Vec<u16> = Vec::new();
        for index in 0..forms.len() {
            let previous = [index.checked_sub(1).map(|i| second[i]), index.checked_sub(2).map(|i| second[i])];
            let right = [first.get(index + 1).copied(), first.get(index + 2).copied()];
            pos_features(&words, index, previous, Some(right), &mut features);
            second.push(best(&model.pos2_weights, &features));
        }
        model.correct_first_word(forms, &mut second, |index| words[index].lexicon_entry(), lexicon);
        model.correct_verbs_read_as_other_words(forms, &mut second, |index| words[index].lexicon_entry(), lexicon);
        let mut result: Vec<Tagged> = Vec::new();
        for (index, &pos) in second.iter().enumerate() {
            let previous = index.checked_sub(1).map(|i| second[i]);
            let mut values = [0; MAX_HEADS];
            if model.heads.iter().any(|head| head.applies[usize::from(pos)]) {
                morph_features(&words, index, pos, previous, &mut features);
                let mut scores = [0; MORPH_LANES];
                model.morph_weights.add_scores(&features, &mut scores);
                values = model.heads_of(&scores, pos);
            }
            let lemma = model.lemma_of(forms[index], words[index].lexicon_entry(), pos, lexicon);
            result.push(Tagged { pos, features: values, lemma });
        }
        result
    }

    fn shared_data() -> Option<std::path::PathBuf> {
        let dir = std::env::var_os("LAGEBILD_SHARED_DATA")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
        dir.is_dir().then_some(dir)
    }

    /// The memo of word forms (`cache.rs`) changes nothing: over the sentences of the UD
    /// treebanks (the first forms of each file), tagging gives exactly what the plain sums
    /// give, and tagging a sentence again (from the memo) gives it again.
    #[test]
    fn a_capitalised_first_word_is_no_adjective_without_an_ending() {
        let models = crate::Models::embedded().expect("the embedded models load");
        let model = models.get(lagebild_doc::Lang::De).expect("a German model");
        let upos = |forms: &[&str]| model.tagger.upos(model.tagger.tag(forms, &model.lexicon)[0].pos).to_owned();
        assert!(matches!(upos(&["Frankreich", "verurteilte", "Russland", "."]).as_str(), "NOUN" | "PROPN"));
        // A predicative adjective the lexicon knows in lowercase stays one.
        assert_eq!(upos(&["Klar", "ist", ",", "dass", "er", "kommt", "."]), "ADJ");
    }

    #[test]
    fn a_german_verb_form_read_as_a_determiner_of_nothing_after_a_pronoun_is_the_verb() {
        let models = crate::Models::embedded().expect("the embedded models load");
        let model = models.get(lagebild_doc::Lang::De).expect("a German model");
        let tagged = |forms: &[&str], index: usize| {
            let tagged = model.tagger.tag(forms, &model.lexicon);
            (model.tagger.upos(tagged[index].pos).to_owned(), tagged[index].lemma.clone())
        };
        let verb = ("VERB".to_owned(), "meinen".to_owned());
        assert_eq!(tagged(&["Ich", "meine", ",", "es", "gibt", "genug", "Banken", "."], 1), verb);
        assert_eq!(tagged(&["Wir", "meinen", "klar", ":", "Nein", "."], 1), verb);
        // A determiner of a noun phrase, or one after no pronoun, stays one.
        assert_eq!(tagged(&["Wir", "haben", "unsere", "Meinung", "."], 2).0, "DET");
        assert_eq!(tagged(&["Das", "ist", "meine", "."], 2).0, "DET");
    }

    #[test]
    fn a_german_verb_in_ieren_the_lexicon_leaves_as_it_is_inflects_regularly() {
        let models = crate::Models::embedded().expect("the embedded models load");
        let model = models.get(lagebild_doc::Lang::De).expect("a German model");
        let verb = model.tagger.pos_labels.iter().position(|label| label == "VERB").expect("a VERB label") as u16;
        for (form, lemma) in [("eliminiert", "eliminieren"), ("attackierten", "attackieren"), ("beworfen", "bewerfen")]
        {
            assert_eq!(model.tagger.lemma(form, verb, &model.lexicon), lemma, "{form}");
        }
    }

    /// A participle or past form with an inseparable prefix that the lexicon leaves as it is
    /// is a weak verb's; one with a separable particle before `ge` or `zu` is the verb's
    /// without it. Infinitives the lexicon knows stay as they are.
    #[test]
    fn a_german_participle_the_lexicon_leaves_as_it_is_finds_its_infinitive() {
        let models = crate::Models::embedded().expect("the embedded models load");
        let model = models.get(lagebild_doc::Lang::De).expect("a German model");
        let verb = model.tagger.pos_labels.iter().position(|label| label == "VERB").expect("a VERB label") as u16;
        for (form, lemma) in [
            ("enthauptet", "enthaupten"),
            ("erdrosselt", "erdrosseln"),
            ("umgebracht", "umbringen"),
            ("umzubringen", "umbringen"),
            ("eingefordert", "einfordern"),
            ("vertreten", "vertreten"),
            ("bestreiten", "bestreiten"),
            ("umgehen", "umgehen"),
        ] {
            assert_eq!(model.tagger.lemma(form, verb, &model.lexicon), lemma, "{form}");
        }
    }

    #[test]
    fn a_german_verb_the_lexicon_reads_as_a_determiner_or_adjective_keeps_its_infinitive() {
        let models = crate::Models::embedded().expect("the embedded models load");
        let model = models.get(lagebild_doc::Lang::De).expect("a German model");
        let label =
            |name: &str| model.tagger.pos_labels.iter().position(|label| label == name).expect("a label") as u16;
        for (form, lemma) in [("meinen", "meinen"), ("meine", "meinen"), ("weichen", "weichen")] {
            assert_eq!(model.tagger.lemma(form, label("VERB"), &model.lexicon), lemma, "{form}");
        }
        // Not where it is the determiner, nor a word with no such verb (`erste`).
        assert_eq!(model.tagger.lemma("meinen", label("DET"), &model.lexicon), "mein");
        assert_eq!(model.tagger.lemma("erste", label("VERB"), &model.lexicon), "erst");
    }

    #[test]
    fn the_memo_gives_the_plain_sums_results() {
        let Some(data) = shared_data() else {
            eprintln!("skipped: the shared data folder is absent");
            return;
        };
        let models = crate::Models::embedded().expect("the embedded models load");
        for lang in [lagebild_doc::Lang::De, lagebild_doc::Lang::En] {
            let model = models.get(lang).expect("a model");
            let mut files: Vec<_> = std::fs::read_dir(data.join("ud").join(lang.code()))
                .expect("the UD folder reads")
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| path.extension().is_some_and(|extension| extension == "conllu"))
                .collect();
            files.sort();
            let mut checked = 0;
            for file in files {
                let text = std::fs::read_to_string(&file).expect("a treebank reads");
                let mut forms: Vec<String> = Vec::new();
                for line in text.lines().take(40_000) {
                    if line.is_empty() && !forms.is_empty() {
                        let forms_ref: Vec<&str> = forms.iter().map(String::as_str).collect();
                        let expected = tag_plain(&model.tagger, &forms_ref, &model.lexicon);
                        assert_eq!(model.tagger.tag(&forms_ref, &model.lexicon), expected, "{forms:?}");
                        assert_eq!(model.tagger.tag(&forms_ref, &model.lexicon), expected, "{forms:?}");
                        checked += forms.len();
                        forms.clear();
                    }
                    let columns: Vec<&str> = line.split('\t').collect();
                    if columns.len() == 10 && columns[0].bytes().all(|byte| byte.is_ascii_digit()) {
                        forms.push(columns[1].to_owned());
                    }
                }
            }
            assert!(checked > 10_000, "only {checked} tokens checked for {lang:?}");
        }
    }
}
