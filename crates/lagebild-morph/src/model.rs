//! The tagger model: averaged-perceptron weights over hashed features, greedy left to
//! right, with one head for the part of speech and one per morphological feature. The part
//! of speech is decided in two passes: the second sees the first's labels to the right.
//!
//! File layout (see `binary.rs` for the framing): magic `LGBTAG1\0`, language, feature
//! version (u32), log2 of the part-of-speech and morphology table rows (u8 each), the
//! part-of-speech labels, the feature heads (name, labels, the labels of the parts of speech
//! they apply to), the lemma corrections, then the weight tables (first and second
//! part-of-speech pass, morphology) as i16.

use std::collections::HashMap;

use crate::ModelError;
use crate::binary::{Reader, Writer};
use crate::features::{FEATURE_VERSION, WordInfo, morph_features, pos_features};
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
/// labels with zeros, so that adding up a row is one fixed-width, vectorised loop.
#[derive(Clone, PartialEq)]
pub(crate) struct Table<const W: usize> {
    bits: u8,
    columns: usize,
    rows: Vec<[i16; W]>,
}

impl<const W: usize> std::fmt::Debug for Table<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table({} rows × {} columns)", self.rows.len(), self.columns)
    }
}

impl<const W: usize> Table<W> {
    /// From `2^bits` rows of `columns` weights each, row after row.
    pub(crate) fn from_compact(bits: u8, columns: usize, weights: &[i16]) -> Option<Table<W>> {
        if columns > W || weights.len() != (1usize << bits) * columns {
            return None;
        }
        let mut rows = vec![[0i16; W]; 1usize << bits];
        for (row, chunk) in rows.iter_mut().zip(weights.chunks_exact(columns.max(1))) {
            row[..columns].copy_from_slice(chunk);
        }
        Some(Table { bits, columns, rows })
    }

    pub(crate) fn compact(&self) -> impl Iterator<Item = i16> + '_ {
        self.rows.iter().flat_map(|row| row[..self.columns].iter().copied())
    }

    /// The sums of the rows of `features`.
    #[inline]
    fn scores(&self, features: &[u64], out: &mut [i32; W]) {
        *out = [0; W];
        for &feature in features {
            let row: &[i16; W] = &self.rows[row(feature, self.bits)];
            add_row(out, row);
        }
    }
}

/// Adds a row of weights to the scores, eight lanes at a time so that the compiler keeps it
/// in vector registers.
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

/// Lanes of the part-of-speech tables: at most this many labels.
pub(crate) const POS_LANES: usize = 32;
/// Lanes of the morphology table: at most this many feature values in all.
pub(crate) const MORPH_LANES: usize = 64;

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
        let words: Vec<WordInfo> = forms.iter().map(|form| WordInfo::new(form, lexicon)).collect();
        let mut features = Vec::with_capacity(48);
        let mut first: Vec<u16> = Vec::with_capacity(forms.len());
        for index in 0..forms.len() {
            let previous = [index.checked_sub(1).map(|i| first[i]), index.checked_sub(2).map(|i| first[i])];
            pos_features(&words, index, previous, None, &mut features);
            first.push(self.best_pos(&self.pos_weights, &features));
        }
        let mut result: Vec<Tagged> = Vec::with_capacity(forms.len());
        for index in 0..forms.len() {
            let previous = [index.checked_sub(1).map(|i| result[i].pos), index.checked_sub(2).map(|i| result[i].pos)];
            let right = [first.get(index + 1).copied(), first.get(index + 2).copied()];
            pos_features(&words, index, previous, Some(right), &mut features);
            let pos = self.best_pos(&self.pos2_weights, &features);
            morph_features(&words, index, pos, previous[0], &mut features);
            let values = self.score_heads(&features, pos);
            let lemma = self.lemma_of(forms[index], words[index].lexicon_entry(), pos, lexicon);
            result.push(Tagged { pos, features: values, lemma });
        }
        result
    }

    fn best_pos(&self, table: &Table<POS_LANES>, features: &[u64]) -> u16 {
        let mut scores = [0i32; POS_LANES];
        table.scores(features, &mut scores);
        argmax(&scores[..self.pos_labels.len()]) as u16
    }

    fn score_heads(&self, features: &[u64], pos: u16) -> [u8; MAX_HEADS] {
        let mut values = [0u8; MAX_HEADS];
        if !self.heads.iter().any(|head| head.applies.get(usize::from(pos)).copied().unwrap_or(false)) {
            return values;
        }
        let mut scores = [0i32; MORPH_LANES];
        self.morph_weights.scores(features, &mut scores);
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
        LexiconEntry::Unknown => {}
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

fn argmax(scores: &[i32]) -> usize {
    let mut best = 0;
    for (index, &score) in scores.iter().enumerate() {
        if score > scores[best] {
            best = index;
        }
    }
    best
}
