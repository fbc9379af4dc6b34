//! The features of a token: hashed strings, combined with a template number.
//!
//! Every string a feature looks at (the form, its lowercase, its shape, up to four first and
//! last characters, part of speech, lemma, knowledge-base mark, word cluster) is hashed once
//! per token ([`TokenHashes`]); a feature is the hash of a template number with one or two
//! of those, so that a token costs a few dozen multiplications whatever its length.

use lagebild_doc::Lang;
use lagebild_kb::{Kb, Kind, NameForm};

/// Bumped whenever the features change: a model trained with other features is refused.
pub const FEATURE_VERSION: u32 = 3;

/// One token as the tagger sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub form: &'a str,
    /// The universal part of speech of the morphology stage (empty if unknown).
    pub pos: &'a str,
    /// The lemma of the morphology stage (empty if unknown).
    pub lemma: &'a str,
    /// The knowledge-base mark of [`kb_marks`] (0: inside no name of the base).
    pub kb: u8,
    /// Whether the morphology's lexicon knows a capitalised word ([`known_mark`]).
    pub known: u8,
    /// Which lists of name words hold the word and the part before its first hyphen
    /// ([`name_mark`]).
    pub names: u8,
}

/// The words of person and place names (`resources/shared/name_words.tsv`, built by `cargo
/// xtask build-name-words`): each with its marks, 1 first word of a person's name, 2 last
/// word of one, 4 word of a place name.
const NAME_WORDS: &str = include_str!("../../../resources/shared/name_words.tsv");

/// Name words by form, hashed with the resources' FNV-1a (the keys come from the file).
type NameWords =
    std::collections::HashMap<&'static str, u8, std::hash::BuildHasherDefault<lagebild_resources::WordHasher>>;

fn name_words() -> &'static NameWords {
    static WORDS: std::sync::OnceLock<NameWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        NAME_WORDS
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (word, marks) = line.split_once('\t')?;
                let bits = marks.chars().fold(0u8, |bits, mark| {
                    bits | match mark {
                        'f' => 1,
                        's' => 2,
                        'p' => 4,
                        _ => 0,
                    }
                });
                Some((word, bits))
            })
            .collect()
    })
}

/// The name-word mark of a form: in the low four bits, the lists of name words that hold it
/// (first and last words of person names, words of place names); in the high four bits, those that hold the part before its first hyphen
/// (`Kreml` of `Kreml-Sprecher`). Only words that start with a capital are looked up.
pub fn name_mark(form: &str) -> u8 {
    if !form.chars().next().is_some_and(char::is_uppercase) {
        return 0;
    }
    let words = name_words();
    let whole = words.get(form).copied().unwrap_or(0);
    let part = match form.split_once('-') {
        Some((part, _)) if !part.is_empty() => words.get(part).copied().unwrap_or(0),
        _ => 0,
    };
    whole | part << 4
}

/// The lexicon mark of a word: 0 when it does not start with a capital (not looked up), 1
/// when the lexicon knows it as written, 2 when it knows it in lowercase, 3 when unknown:
/// in German, where every noun is capitalised, an unknown capitalised word is likely a name.
pub fn known_mark(form: &str, knows: impl Fn(&str) -> bool) -> u8 {
    if !form.chars().next().is_some_and(char::is_uppercase) {
        return 0;
    }
    if knows(form) {
        1
    } else if knows(&form.to_lowercase()) {
        2
    } else {
        3
    }
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

#[inline]
fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    hash
}

/// Mixes two values into a well-spread 64-bit hash (the top bits pick the weight row).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let x = (x ^ (x >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 32)
}

/// The class of a character in a word shape.
fn class(character: char) -> char {
    if character.is_uppercase() {
        'X'
    } else if character.is_lowercase() {
        'x'
    } else if character.is_numeric() {
        'd'
    } else if character.is_alphabetic() {
        'a'
    } else {
        character
    }
}

/// The memo key of a word: its form, part of speech, lemma and marks.
pub(crate) fn word_key(word: &Word<'_>) -> u64 {
    let hash = fnv(fnv(fnv(SEED, word.form.as_bytes()), &[0xff]), word.pos.as_bytes());
    let hash = fnv(fnv(hash, &[0xfe]), word.lemma.as_bytes());
    mix(hash, u64::from(word.names) << 16 | u64::from(word.kb) << 8 | u64::from(word.known))
}

/// The hashes of one token's strings.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenHashes {
    pub(crate) form: u64,
    lower: u64,
    shape: u64,
    prefixes: [u64; 4],
    suffixes: [u64; 4],
    pub(crate) pos: u64,
    pub(crate) lemma: u64,
    pub(crate) kb: u64,
    pub(crate) known: u64,
    pub(crate) names: u64,
    /// The lowercase parts before the first and after the last hyphen (the lowercase form
    /// where there is none).
    hyphen: [u64; 2],
    /// The form starts with a capital.
    upper: bool,
}

impl TokenHashes {
    pub(crate) fn new(word: &Word<'_>) -> TokenHashes {
        let form = word.form;
        let mut hashes = TokenHashes {
            form: fnv(SEED, form.as_bytes()),
            pos: fnv(SEED, word.pos.as_bytes()),
            lemma: fnv(SEED, word.lemma.as_bytes()),
            kb: u64::from(word.kb),
            known: u64::from(word.known),
            names: u64::from(word.names),
            upper: form.chars().next().is_some_and(char::is_uppercase),
            ..TokenHashes::default()
        };
        // Lowercase, shape (runs of one class cut to two) and prefixes in one pass.
        let (mut lower, mut shape) = (SEED, SEED);
        let (mut last, mut run) = ('\0', 0);
        let mut buffer = [0u8; 4];
        for (index, character) in form.chars().enumerate() {
            for lowered in character.to_lowercase() {
                lower = fnv(lower, lowered.encode_utf8(&mut buffer).as_bytes());
            }
            if index < 4 {
                hashes.prefixes[index] = lower;
            }
            let class = class(character);
            if class == last {
                run += 1;
            } else {
                (last, run) = (class, 1);
            }
            if run <= 2 {
                shape = fnv(shape, class.encode_utf8(&mut buffer).as_bytes());
            }
        }
        let count = form.chars().count();
        for index in count..4 {
            hashes.prefixes[index] = mix(lower, 0x51);
        }
        let mut suffix = SEED;
        for (index, character) in form.chars().rev().take(4).enumerate() {
            for lowered in character.to_lowercase() {
                suffix = fnv(suffix, lowered.encode_utf8(&mut buffer).as_bytes());
            }
            hashes.suffixes[index] = suffix;
        }
        for index in count.min(4)..4 {
            hashes.suffixes[index] = mix(lower, 0x52);
        }
        hashes.lower = lower;
        hashes.hyphen = [lower, lower];
        if let Some((head, _)) = form.split_once('-')
            && let Some((_, tail)) = form.rsplit_once('-')
        {
            let hash = |part: &str| fnv(SEED, part.to_lowercase().as_bytes());
            hashes.hyphen = [hash(head), hash(tail)];
        }
        hashes.shape = mix(shape, count.min(6) as u64);
        hashes
    }
}

/// Edges of the sentence, as neighbours.
pub(crate) const START: TokenHashes = TokenHashes {
    form: 1,
    lower: 1,
    shape: 1,
    prefixes: [1; 4],
    suffixes: [1; 4],
    pos: 1,
    lemma: 1,
    kb: 101,
    known: 101,
    names: 101,
    hyphen: [1; 2],
    upper: false,
};
pub(crate) const END: TokenHashes = TokenHashes {
    form: 2,
    lower: 2,
    shape: 2,
    prefixes: [2; 4],
    suffixes: [2; 4],
    pos: 2,
    lemma: 2,
    kb: 102,
    known: 102,
    names: 102,
    hyphen: [2; 2],
    upper: false,
};

/// How a word is seen from the token whose features are computed: itself, or one of its
/// neighbours. The features of one role depend on that word alone, so the tagger adds them up
/// once per word form (`model.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Own = 0,
    Previous = 1,
    Next = 2,
    SecondPrevious = 3,
    SecondNext = 4,
}

pub(crate) const ROLES: [(Role, isize); 5] =
    [(Role::Own, 0), (Role::Previous, -1), (Role::Next, 1), (Role::SecondPrevious, -2), (Role::SecondNext, 2)];

#[inline]
fn f(template: u64, value: u64) -> u64 {
    mix(template.wrapping_mul(0x1000_0000_01b3), value)
}

/// The features a word gives in one role.
pub(crate) fn single(word: &TokenHashes, role: Role, out: &mut Vec<u64>) {
    match role {
        Role::Own => {
            out.push(f(1, 0));
            out.push(f(2, word.form));
            out.push(f(3, word.lower));
            out.push(f(4, word.shape));
            for (n, &prefix) in word.prefixes.iter().enumerate() {
                out.push(f(10 + n as u64, prefix));
            }
            for (n, &suffix) in word.suffixes.iter().enumerate() {
                out.push(f(20 + n as u64, suffix));
            }
            out.push(f(5, word.pos));
            out.push(f(6, word.lemma));
            out.push(f(7, word.kb));
            out.push(f(8, mix(word.kb, word.shape)));
            out.push(f(48, word.known));
            out.push(f(49, mix(word.known, word.pos)));
            out.push(f(52, mix(word.known, word.suffixes[2])));
            out.push(f(70, word.names));
            out.push(f(71, mix(word.names, word.known)));
            out.push(f(74, word.hyphen[0]));
            out.push(f(75, word.hyphen[1]));
        }
        Role::Previous => {
            out.push(f(30, word.lower));
            out.push(f(38, word.pos));
            out.push(f(42, word.kb));
            out.push(f(72, word.names));
        }
        Role::Next => {
            out.push(f(31, word.lower));
            out.push(f(39, word.pos));
            out.push(f(43, word.kb));
            out.push(f(73, word.names));
        }
        Role::SecondPrevious => out.push(f(32, word.lower)),
        Role::SecondNext => out.push(f(33, word.lower)),
    }
}

/// The word at `offset` from `index`, or the sentence's edge.
#[inline]
pub(crate) fn neighbour(tokens: &[TokenHashes], index: usize, offset: isize) -> &TokenHashes {
    match index.checked_add_signed(offset) {
        Some(i) if i < tokens.len() => &tokens[i],
        Some(_) => &END,
        None => &START,
    }
}

/// The features that combine a word with the word before it (or the sentence's start).
pub(crate) fn left_pairs(previous: &TokenHashes, this: &TokenHashes, out: &mut Vec<u64>) {
    out.push(f(34, mix(previous.lower, this.lower)));
    out.push(f(36, mix(previous.shape, this.shape)));
    out.push(f(40, mix(previous.pos, this.pos)));
    out.push(f(44, mix(previous.suffixes[2], this.shape)));
    out.push(f(47, mix(u64::from(this.upper), previous.lower)));
    out.push(f(50, mix(this.known, previous.known)));
}

/// The features that combine a word with the word after it (or the sentence's end).
pub(crate) fn right_pairs(this: &TokenHashes, next: &TokenHashes, out: &mut Vec<u64>) {
    out.push(f(35, mix(this.lower, next.lower)));
    out.push(f(37, mix(this.shape, next.shape)));
    out.push(f(41, mix(this.pos, next.pos)));
    out.push(f(46, mix(u64::from(this.upper), next.lower)));
    out.push(f(51, mix(this.known, next.known)));
}

/// The feature of a word's shape and whether it begins the sentence.
pub(crate) fn first(this: &TokenHashes, index: usize) -> u64 {
    f(45, mix(u64::from(index == 0), this.shape))
}

/// The features of token `index` that combine it with its neighbours.
pub(crate) fn pairs(tokens: &[TokenHashes], index: usize, out: &mut Vec<u64>) {
    let at = |offset: isize| neighbour(tokens, index, offset);
    left_pairs(at(-1), at(0), out);
    right_pairs(at(0), at(1), out);
    out.push(first(at(0), index));
}

/// The features of token `index` that do not depend on the labels before it: each word's in
/// its role, then the pairs.
pub(crate) fn unlabelled(tokens: &[TokenHashes], index: usize, out: &mut Vec<u64>) {
    out.clear();
    for (role, offset) in ROLES {
        single(neighbour(tokens, index, offset), role, out);
    }
    pairs(tokens, index, out);
}

/// The features of the labels of the two tokens before, alone.
pub(crate) fn label_only(previous: [u16; 2], out: &mut Vec<u64>) {
    let (one, two) = (u64::from(previous[0]), u64::from(previous[1]));
    out.push(f(60, one));
    out.push(f(61, mix(one, two + 1000)));
}

/// The features of the label of the token before with the word.
pub(crate) fn label_word(this: &TokenHashes, previous: u16, out: &mut Vec<u64>) {
    let one = u64::from(previous);
    out.push(f(62, mix(one, this.lower)));
    out.push(f(63, mix(one, this.shape)));
    out.push(f(64, mix(one, this.pos)));
}

/// The features of token `index` that depend on the labels of the two tokens before it.
pub(crate) fn labelled(tokens: &[TokenHashes], index: usize, previous: [u16; 2], out: &mut Vec<u64>) {
    out.clear();
    label_only(previous, out);
    label_word(&tokens[index], previous[0], out);
}

/// The label index used for "no token" before the sentence.
pub(crate) const NO_LABEL: u16 = u16::MAX;

/// A knowledge-base mark per token: where a name of the base covers it, its kind, how it
/// names (name, genitive, adjective, demonym) and whether it is the name's first word.
/// Names are found as the entity stage finds them: the longest run of lowercase words that
/// is a name, starting at a capitalised word (or, in German, an adjective of one word).
pub fn kb_marks(forms: &[&str], kb: &Kb, lang: Lang) -> Vec<u8> {
    let mut marks = vec![0u8; forms.len()];
    // Every form lowercased into one buffer (one allocation a sentence, not one a word).
    let lowers = lagebild_doc::LowerTokens::of(forms.iter().copied());
    let mut key = String::new();
    let mut i = 0;
    while i < forms.len() {
        let upper = forms[i].chars().next().is_some_and(char::is_uppercase);
        let longest = match kb.longest_from(&lowers[i]) {
            Some(longest) if upper => longest,
            Some(_) if lang == Lang::De => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let mut found = None;
        for words in (1..=longest.min(forms.len() - i)).rev() {
            key.clear();
            for n in 0..words {
                if n > 0 {
                    key.push(' ');
                }
                key.push_str(&lowers[i + n]);
            }
            let surface_lower = forms[i..i + words].iter().any(|form| form.chars().any(char::is_lowercase));
            let hit = kb.lookup(&key).iter().find(|hit| hit.lang.includes(lang) && !(hit.acronym && surface_lower));
            if let Some(hit) = hit {
                found = Some((words, kb.entry(hit.entry).kind, hit.form));
                break;
            }
        }
        match found {
            Some((words, kind, form)) => {
                let kind = match kind {
                    Kind::Country => 0,
                    Kind::Place => 1,
                    Kind::Landmark => 2,
                    Kind::Person => 3,
                    Kind::Organization => 4,
                };
                let form = match form {
                    NameForm::Name => 0,
                    NameForm::Genitive => 1,
                    NameForm::Adjective => 2,
                    NameForm::Demonym => 3,
                };
                let mark = 1 + (kind * 4 + form) * 2;
                marks[i] = mark;
                for slot in &mut marks[i + 1..i + words] {
                    *slot = mark + 1;
                }
                i += words;
            }
            None => i += 1,
        }
    }
    marks
}
