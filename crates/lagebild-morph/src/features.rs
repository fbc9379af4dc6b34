//! Hashed features of a token in its sentence, shared by training and tagging.
//!
//! Every feature is a template number mixed with the strings or numbers it looks at, hashed
//! to 64 bits; the tagger reduces it to a row of its weight tables. Changing a template
//! changes what a trained model means, so [`FEATURE_VERSION`] goes up with every change and
//! a model trained with another version is refused.

use crate::lexicon::Lexicon;
use crate::model::LexiconEntry;

/// The version of the feature templates below.
pub(crate) const FEATURE_VERSION: u32 = 6;

/// What the features need to know of each word of a sentence, computed once per sentence.
#[derive(Debug, Clone)]
pub(crate) struct WordInfo {
    /// Hash of the lower-cased form.
    lower: u64,
    /// Hashes of the last 1 to 4 lower-cased characters (fewer when the word is shorter).
    suffixes: [u64; 4],
    /// Hashes of the first 1 to 3 lower-cased characters.
    prefixes: [u64; 3],
    shape: u64,
    /// Capitalisation: 0 lower, 1 capitalised, 2 all capitals, 3 no letters.
    case: u8,
    length: u8,
    /// The lexicon's script id for the form, else for its lower-cased form, plus one; 0 when unknown.
    script: u64,
    /// The lemma script's cut and the last two characters it appends, hashed; 0 when unknown.
    script_shape: u64,
    has_hyphen: bool,
    has_digit: bool,
    /// Whether the lexicon lists the form as written (1), only lower-cased (2), or not at all (0).
    known: u8,
    entry: LexiconEntry,
}

const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

#[inline]
fn mix(hash: u64, value: u64) -> u64 {
    (hash ^ value).wrapping_mul(0x0100_0000_01b3).rotate_left(23).wrapping_mul(SEED)
}

fn hash_chars(characters: impl Iterator<Item = char>) -> u64 {
    characters.fold(0xcbf2_9ce4_8422_2325, |hash, character| mix(hash, u64::from(character)))
}

impl WordInfo {
    pub(crate) fn new(form: &str, lexicon: &Lexicon) -> WordInfo {
        // One pass over the lower-cased characters, keeping the first three and the last four.
        let mut lower = 0xcbf2_9ce4_8422_2325u64;
        let (mut first, mut last) = (['\0'; 3], ['\0'; 4]);
        let mut count = 0usize;
        for character in form.chars().flat_map(char::to_lowercase) {
            lower = mix(lower, u64::from(character));
            if count < 3 {
                first[count] = character;
            }
            last[count % 4] = character;
            count += 1;
        }
        let mut suffixes = [0u64; 4];
        for (k, slot) in suffixes.iter_mut().enumerate() {
            let take = (k + 1).min(count);
            *slot = hash_chars((count - take..count).map(|position| last[position % 4]));
        }
        let mut prefixes = [0u64; 3];
        for (k, slot) in prefixes.iter_mut().enumerate() {
            *slot = hash_chars(first[..(k + 1).min(count)].iter().copied());
        }
        let mut shape = 0xcbf2_9ce4_8422_2325u64;
        let mut last_class = 0u64;
        let (mut upper, mut letters, mut has_digit, mut has_hyphen) = (0, 0, false, false);
        for character in form.chars() {
            let class = if character.is_uppercase() {
                upper += 1;
                letters += 1;
                1
            } else if character.is_alphabetic() {
                letters += 1;
                2
            } else if character.is_ascii_digit() {
                has_digit = true;
                3
            } else {
                has_hyphen |= character == '-';
                u64::from(character) + 16
            };
            if class != last_class {
                shape = mix(shape, class);
                last_class = class;
            }
        }
        let first_upper = form.chars().next().is_some_and(char::is_uppercase);
        let case = match (letters, upper) {
            (0, _) => 3,
            (_, 0) => 0,
            (letters, upper) if letters == upper && letters > 1 => 2,
            _ if first_upper => 1,
            _ => 0,
        };
        let entry = LexiconEntry::look_up(form, lexicon);
        let (known, script) = match entry {
            LexiconEntry::Exact(id) => (1, id + 1),
            LexiconEntry::Lower(id) => (2, id + 1),
            LexiconEntry::Unknown => (0, 0),
        };
        let script_shape = match script.checked_sub(1).and_then(|id| lexicon.script(id)) {
            Some(script) => {
                let tail: Vec<char> = script.append.chars().rev().take(2).collect();
                mix(hash_chars(tail.into_iter()), u64::from(script.cut) + 1)
            }
            None => 0,
        };
        WordInfo {
            lower,
            suffixes,
            prefixes,
            shape,
            case,
            length: count.min(255) as u8,
            script,
            script_shape,
            has_hyphen,
            has_digit,
            known,
            entry,
        }
    }

    pub(crate) fn lexicon_entry(&self) -> LexiconEntry {
        self.entry
    }

    fn length_bucket(&self) -> u64 {
        match self.length {
            0..=1 => 1,
            2 => 2,
            3 => 3,
            4..=5 => 4,
            6..=8 => 5,
            _ => 6,
        }
    }
}

/// Placeholders for words beyond the sentence's edges and tags before its start.
const START: u64 = 0x0053_5441_5254;
const END: u64 = 0x0045_4e44;

fn template(id: u64) -> u64 {
    mix(SEED, id)
}

/// The features that decide a token's part of speech, given the part-of-speech labels
/// predicted for the two tokens before it (`None` at the sentence start) and, in the second
/// pass, the first pass's labels of the two tokens after it (`None` past the end).
pub(crate) fn pos_features(
    words: &[WordInfo],
    index: usize,
    previous: [Option<u16>; 2],
    right: Option<[Option<u16>; 2]>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let word = &words[index];
    let at = |offset: isize| -> Option<&WordInfo> { index.checked_add_signed(offset).and_then(|i| words.get(i)) };
    let form = |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |word| word.lower);
    let suffix3 = |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |word| word.suffixes[2]);
    let tag = |k: usize| previous[k].map_or(START, |tag| u64::from(tag) + 1);
    let first = u64::from(index == 0);
    out.extend([
        template(0),
        mix(template(1), word.lower),
        mix(template(2), form(-1)),
        mix(template(3), form(1)),
        mix(template(4), form(-2)),
        mix(template(5), form(2)),
        mix(template(6), word.suffixes[0]),
        mix(template(7), word.suffixes[1]),
        mix(template(8), word.suffixes[2]),
        mix(template(9), word.suffixes[3]),
        mix(template(10), word.prefixes[0]),
        mix(template(11), word.prefixes[1]),
        mix(template(12), word.prefixes[2]),
        mix(template(13), word.shape),
        mix(mix(template(14), u64::from(word.case)), first),
        mix(template(15), tag(0)),
        mix(mix(template(16), tag(0)), tag(1)),
        mix(mix(template(17), tag(0)), word.lower),
        mix(template(18), word.script),
        mix(template(19), word.script_shape),
        mix(template(20), suffix3(-1)),
        mix(template(21), suffix3(1)),
        mix(mix(template(22), tag(0)), word.suffixes[2]),
        mix(mix(mix(template(23), u64::from(word.has_hyphen)), u64::from(word.has_digit)), word.length_bucket()),
        mix(template(24), at(1).map_or(END, |next| next.script_shape)),
        mix(mix(template(25), at(1).map_or(END, |next| u64::from(next.case))), u64::from(word.case)),
        mix(mix(template(26), word.script_shape), word.suffixes[1]),
        mix(mix(template(27), form(-1)), word.lower),
        mix(mix(template(28), word.lower), form(1)),
        mix(mix(template(29), tag(0)), form(1)),
        mix(template(30), at(1).map_or(END, |next| next.suffixes[1])),
        mix(mix(template(31), at(-1).map_or(START, |word| word.script_shape)), word.script_shape),
        mix(mix(mix(template(32), u64::from(word.known)), u64::from(word.case)), first),
        mix(mix(template(33), u64::from(word.known)), word.suffixes[2]),
    ]);
    if let Some(right) = right {
        let next = |k: usize| right[k].map_or(END, |tag| u64::from(tag) + 1);
        out.extend([
            mix(template(40), next(0)),
            mix(mix(template(41), next(0)), next(1)),
            mix(mix(template(42), tag(0)), next(0)),
            mix(mix(template(43), word.lower), next(0)),
            mix(mix(template(44), word.suffixes[2]), next(0)),
            mix(mix(template(45), word.script_shape), next(0)),
        ]);
    }
}

/// The features that decide a token's morphological features, given its predicted part of
/// speech `pos` and that of the token before.
pub(crate) fn morph_features(words: &[WordInfo], index: usize, pos: u16, previous: Option<u16>, out: &mut Vec<u64>) {
    let at = |offset: isize| -> Option<&WordInfo> { index.checked_add_signed(offset).and_then(|i| words.get(i)) };
    morph_features_at(at, pos, previous, out);
}

/// [`morph_features`] of the word `at(0)`, where `at(offset)` is the word at that offset.
pub(crate) fn morph_features_at<'a>(
    at: impl Fn(isize) -> Option<&'a WordInfo>,
    pos: u16,
    previous: Option<u16>,
    out: &mut Vec<u64>,
) {
    out.clear();
    let Some(word) = at(0) else { return };
    let [f100, f101, f102, f103, f104, f105, f106, f107, f112, f114] = morph_own(word, pos);
    let [f108, f109, f110, f111, f113] = morph_live(at, pos, previous);
    // In the order training saw them (a float sum depends on its order).
    out.extend([f100, f101, f102, f103, f104, f105, f106, f107, f108, f109, f110, f111, f112, f113, f114]);
}

/// The features of [`morph_features`] that look at the word alone, given its part of speech.
pub(crate) fn morph_own(word: &WordInfo, pos: u16) -> [u64; 10] {
    let pos = u64::from(pos) + 1;
    [
        mix(template(100), pos),
        mix(mix(template(101), pos), word.lower),
        mix(mix(template(102), pos), word.suffixes[0]),
        mix(mix(template(103), pos), word.suffixes[1]),
        mix(mix(template(104), pos), word.suffixes[2]),
        mix(mix(template(105), pos), word.suffixes[3]),
        mix(mix(template(106), pos), word.script),
        mix(mix(template(107), pos), word.script_shape),
        mix(mix(template(112), pos), u64::from(word.case)),
        mix(mix(template(114), pos), word.prefixes[1]),
    ]
}

/// The features of [`morph_features`] that look at the neighbours of the word `at(0)`.
pub(crate) fn morph_live<'a>(at: impl Fn(isize) -> Option<&'a WordInfo>, pos: u16, previous: Option<u16>) -> [u64; 5] {
    let form = |offset: isize| at(offset).map_or(if offset < 0 { START } else { END }, |word| word.lower);
    let suffix2 = at(0).map_or(START, |word| word.suffixes[1]);
    let pos = u64::from(pos) + 1;
    let before = previous.map_or(START, |tag| u64::from(tag) + 1);
    [
        mix(mix(template(108), pos), form(-1)),
        mix(mix(template(109), pos), form(-2)),
        mix(mix(template(110), pos), form(1)),
        mix(mix(mix(template(111), pos), before), suffix2),
        mix(mix(template(113), pos), at(-1).map_or(START, |word| word.suffixes[1])),
    ]
}

/// [`pos_features`] split by what each feature looks at, so that the tagger can add up the
/// weights of a word's own features, and of the features it gives its neighbours, once per
/// word form and keep the sums (`cache.rs`). Together the groups hold exactly the features
/// of [`pos_features`] (a test below checks it). The tagger keeps the sums of `own` and the
/// `as_…` groups per word form, and those of the `dense` features for every combination of
/// their few values; only the `pair_…` and `with_…_label` features are added up at each
/// position.
pub(crate) mod groups {
    use super::{END, START, WordInfo, mix, template};

    /// What depends on the word alone.
    pub(crate) fn own(word: &WordInfo) -> [u64; 15] {
        [
            template(0),
            mix(template(1), word.lower),
            mix(template(6), word.suffixes[0]),
            mix(template(7), word.suffixes[1]),
            mix(template(8), word.suffixes[2]),
            mix(template(9), word.suffixes[3]),
            mix(template(10), word.prefixes[0]),
            mix(template(11), word.prefixes[1]),
            mix(template(12), word.prefixes[2]),
            mix(template(13), word.shape),
            mix(template(18), word.script),
            mix(template(19), word.script_shape),
            mix(mix(mix(template(23), u64::from(word.has_hyphen)), u64::from(word.has_digit)), word.length_bucket()),
            mix(mix(template(26), word.script_shape), word.suffixes[1]),
            mix(mix(template(33), u64::from(word.known)), word.suffixes[2]),
        ]
    }

    /// What the word (or the sentence start) gives the word after it.
    pub(crate) fn as_previous(word: Option<&WordInfo>) -> [u64; 2] {
        [
            mix(template(2), word.map_or(START, |word| word.lower)),
            mix(template(20), word.map_or(START, |word| word.suffixes[2])),
        ]
    }

    /// What the word (or the sentence start) gives the word two after it.
    pub(crate) fn as_second_previous(word: Option<&WordInfo>) -> [u64; 1] {
        [mix(template(4), word.map_or(START, |word| word.lower))]
    }

    /// What the word (or the sentence end) gives the word before it.
    pub(crate) fn as_next(word: Option<&WordInfo>) -> [u64; 4] {
        [
            mix(template(3), word.map_or(END, |word| word.lower)),
            mix(template(21), word.map_or(END, |word| word.suffixes[2])),
            mix(template(24), word.map_or(END, |word| word.script_shape)),
            mix(template(30), word.map_or(END, |word| word.suffixes[1])),
        ]
    }

    /// What the word (or the sentence end) gives the word two before it.
    pub(crate) fn as_second_next(word: Option<&WordInfo>) -> [u64; 1] {
        [mix(template(5), word.map_or(END, |word| word.lower))]
    }

    /// The features a pair of neighbouring words gives the second of them (`first` is
    /// `None` at the sentence start).
    pub(crate) fn pair_to_second(first: Option<&WordInfo>, second: &WordInfo) -> [u64; 2] {
        [
            mix(mix(template(27), first.map_or(START, |word| word.lower)), second.lower),
            mix(mix(template(31), first.map_or(START, |word| word.script_shape)), second.script_shape),
        ]
    }

    /// The feature a pair of neighbouring words gives the first of them (`second` is `None`
    /// past the sentence end).
    pub(crate) fn pair_to_first(first: &WordInfo, second: Option<&WordInfo>) -> u64 {
        mix(mix(template(28), first.lower), second.map_or(END, |word| word.lower))
    }

    /// The second pass's features of the word with the first pass's label of the word after
    /// it (`None` past the end).
    pub(crate) fn with_next_label(word: &WordInfo, next: Option<u16>) -> [u64; 3] {
        let next = next.map_or(END, |tag| u64::from(tag) + 1);
        [
            mix(mix(template(43), word.lower), next),
            mix(mix(template(44), word.suffixes[2]), next),
            mix(mix(template(45), word.script_shape), next),
        ]
    }

    /// The features of the word (and the word after it) with the label predicted for the
    /// word before it (`None` at the sentence start).
    pub(crate) fn with_previous_label(word: &WordInfo, after: Option<&WordInfo>, previous: Option<u16>) -> [u64; 3] {
        let tag = previous.map_or(START, |tag| u64::from(tag) + 1);
        [
            mix(mix(template(17), tag), word.lower),
            mix(mix(template(22), tag), word.suffixes[2]),
            mix(mix(template(29), tag), after.map_or(END, |word| word.lower)),
        ]
    }

    /// Features over a few values each. The tagger adds those of the word's position to its
    /// memo of the word, and keeps the sums of the others in small dense tables
    /// (`cache::Dense`), indexed as the functions below say.
    pub(crate) mod dense {
        use super::super::{END, START, WordInfo, mix, template};

        /// Values of the word's lexicon status (3), capitalisation (4) and first position (2).
        pub(crate) const POSITIONS: usize = 24;
        /// Values of the next word's capitalisation or the sentence end (5), and the word's (4).
        pub(crate) const CASES: usize = 20;

        /// The index of [`position`] for a word, at the sentence start or not.
        pub(crate) fn position_index(word: &WordInfo, first: bool) -> usize {
            usize::from(word.known) * 8 + usize::from(word.case) * 2 + usize::from(first)
        }

        /// The features of the word's capitalisation and lexicon status at its position.
        pub(crate) fn position(index: usize) -> [u64; 2] {
            let (known, case, first) = ((index / 8) as u64, ((index / 2) % 4) as u64, (index % 2) as u64);
            [mix(mix(template(14), case), first), mix(mix(mix(template(32), known), case), first)]
        }

        /// The index of [`cases`] for a word and the word after it.
        pub(crate) fn cases_index(word: &WordInfo, after: Option<&WordInfo>) -> usize {
            after.map_or(4, |after| usize::from(after.case)) * 4 + usize::from(word.case)
        }

        /// The feature of the word's capitalisation and the next word's.
        pub(crate) fn cases(index: usize) -> u64 {
            let next = if index / 4 == 4 { END } else { (index / 4) as u64 };
            mix(mix(template(25), next), (index % 4) as u64)
        }

        /// A label as an index of the tables below: 0 for none (the sentence's edge), else
        /// the label plus one.
        pub(crate) fn code(label: Option<u16>) -> usize {
            label.map_or(0, |label| usize::from(label) + 1)
        }

        fn tag(code: usize, edge: u64) -> u64 {
            if code == 0 { edge } else { code as u64 }
        }

        /// The features of the labels of the two words before (codes `c0`, `c1`).
        pub(crate) fn previous(c0: usize, c1: usize) -> [u64; 2] {
            let (t0, t1) = (tag(c0, START), tag(c1, START));
            [mix(template(15), t0), mix(mix(template(16), t0), t1)]
        }

        /// The second pass's features of the first pass's labels of the two words after.
        pub(crate) fn next(c0: usize, c1: usize) -> [u64; 2] {
            let (n0, n1) = (tag(c0, END), tag(c1, END));
            [mix(template(40), n0), mix(mix(template(41), n0), n1)]
        }

        /// The second pass's feature of the labels of the words before and after.
        pub(crate) fn around(previous: usize, next: usize) -> u64 {
            mix(mix(template(42), tag(previous, START)), tag(next, END))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The groups hold exactly the features of `pos_features`, at every position, in both passes.
    #[test]
    fn the_feature_groups_partition_the_part_of_speech_features() {
        let lexicon = Lexicon::build([("traf", "treffen"), ("Beweise", "Beweis")].map(|(f, l)| (f.into(), l.into())))
            .expect("a lexicon");
        let forms = ["Er", "traf", "am", "3.", "Mittwoch-Abend", "ein", "Beweise", "„", "ÄÖÜ", "."];
        let words: Vec<WordInfo> = forms.iter().map(|form| WordInfo::new(form, &lexicon)).collect();
        for length in 1..=words.len() {
            let words = &words[..length];
            for index in 0..length {
                let previous = [index.checked_sub(1).map(|i| i as u16 * 3), index.checked_sub(2).map(|i| i as u16)];
                for right in [None, Some([Some(4), None]), Some([Some(1), Some(2)])] {
                    let mut expected = Vec::new();
                    pos_features(words, index, previous, right, &mut expected);
                    let at = |offset: isize| index.checked_add_signed(offset).and_then(|i| words.get(i));
                    let mut grouped = Vec::new();
                    let word = &words[index];
                    grouped.extend(groups::dense::position(groups::dense::position_index(word, index == 0)));
                    grouped.push(groups::dense::cases(groups::dense::cases_index(word, at(1))));
                    grouped.extend(groups::pair_to_second(at(-1), word));
                    grouped.push(groups::pair_to_first(word, at(1)));
                    let [c0, c1] = previous.map(groups::dense::code);
                    grouped.extend(groups::dense::previous(c0, c1));
                    grouped.extend(groups::with_previous_label(word, at(1), previous[0]));
                    if let Some(right) = right {
                        let [r0, r1] = right.map(groups::dense::code);
                        grouped.extend(groups::dense::next(r0, r1));
                        grouped.push(groups::dense::around(c0, r0));
                        grouped.extend(groups::with_next_label(word, right[0]));
                    }
                    grouped.extend(groups::own(&words[index]));
                    grouped.extend(groups::as_previous(at(-1)));
                    grouped.extend(groups::as_second_previous(at(-2)));
                    grouped.extend(groups::as_next(at(1)));
                    grouped.extend(groups::as_second_next(at(2)));
                    expected.sort_unstable();
                    grouped.sort_unstable();
                    assert_eq!(expected, grouped, "at {index} of {length}");
                }
            }
        }
    }
}
