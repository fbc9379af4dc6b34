//! Recognition, linking, role nouns and metonymy (steps 1 to 4 of the crate overview).

use std::borrow::Cow;
use std::collections::HashSet;

use chrono::NaiveDate;
use lagebild_doc::{ArgumentRole, Document, Entity, EntityForm, EntityType, Lang, Reading, TextRange};
use lagebild_kb::{
    ContextClass, Kb, Kind, NameForm, NameHit, NounClass, RoleNoun, fold_ascii, key_of, name_words, prefix_hash,
};

use crate::{Explained, TaggedSpan};

/// Why a mention was linked as it was: kept for debugging, not part of the record.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reason(pub String);

/// The reason being written for a mention; nothing is written unless asked for.
struct Notes {
    on: bool,
    text: String,
}

impl Notes {
    fn new(on: bool, first: impl FnOnce() -> String) -> Notes {
        Notes { on, text: if on { first() } else { String::new() } }
    }

    fn add(&mut self, note: impl FnOnce() -> String) {
        if self.on {
            self.text.push_str("; ");
            self.text.push_str(&note());
        }
    }

    fn done(self) -> Reason {
        Reason(self.text)
    }
}

/// A recognised stretch of tokens with the base's names it matches.
struct Candidate {
    range: TextRange,
    /// Token indices `[first, end)`; for a compound part, the compound's token.
    first: usize,
    end: usize,
    sentence: usize,
    key: String,
    hits: Vec<NameHit>,
    compound: bool,
    /// A role noun that is the last part of the same compound (`US-Beamte`).
    compound_role: Option<RoleNoun>,
    how: &'static str,
}

struct Context<'a> {
    doc: &'a Document,
    kb: &'a Kb,
    lang: Lang,
    date: Option<NaiveDate>,
    /// Sentence index → token range.
    sentences: Vec<(usize, usize)>,
    /// Whether to write the reasons.
    explain: bool,
    /// By token: its lowercase form, the text itself for a token already in lowercase (most
    /// of them).
    lowers: Vec<&'a str>,
    /// Token index → its role as a clause argument's head.
    arguments: Vec<Option<ArgumentRole>>,
    /// Token index → its part of speech, read once from the token's string.
    pos: Vec<Pos>,
    /// Token index → what its letters look like, read once from the text.
    shape: Vec<Shape>,
    /// The statistical tagger's spans, if it ran.
    tagged: &'a [TaggedSpan],
}

impl Context<'_> {
    fn text(&self, token: usize) -> &str {
        self.doc.slice(self.doc.tokens[token].range)
    }

    fn pos(&self, token: usize) -> Pos {
        self.pos[token]
    }

    /// The token in lowercase.
    fn lower(&self, token: usize) -> &str {
        self.lowers[token]
    }
}

/// The parts of speech the steps ask about; the morphology stage writes them as strings,
/// which cost a read of the heap each time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    Noun,
    Propn,
    Adj,
    Verb,
    Det,
    Adp,
    Cconj,
    Num,
    Other,
    /// The morphology stage did not run.
    Unknown,
}

impl Pos {
    fn of(pos: Option<&str>) -> Pos {
        match pos {
            Some("NOUN") => Pos::Noun,
            Some("PROPN") => Pos::Propn,
            Some("ADJ") => Pos::Adj,
            Some("VERB") => Pos::Verb,
            Some("DET") => Pos::Det,
            Some("ADP") => Pos::Adp,
            Some("CCONJ") => Pos::Cconj,
            Some("NUM") => Pos::Num,
            Some(_) => Pos::Other,
            None => Pos::Unknown,
        }
    }
}

/// What a token's letters look like.
#[derive(Debug, Clone, Copy, Default)]
struct Shape {
    /// It starts with a capital.
    upper: bool,
    /// It holds a hyphen (a compound).
    hyphen: bool,
}

/// How a candidate was found that names a region of a country by a prefix of direction
/// (`Ostukraine`).
const REGION: &str = "region with a direction";

fn lowercase_into(text: &str, buffer: &mut String) {
    if text.is_ascii() {
        let start = buffer.len();
        buffer.push_str(text);
        buffer[start..].make_ascii_lowercase();
    } else {
        buffer.reserve(text.len());
        for c in text.chars() {
            match c {
                'A'..='Z' => buffer.push(c.to_ascii_lowercase()),
                // Latin-1 capitals (`Ä`, `Ö`, `Ü`, `É`), without the Unicode tables.
                '\u{C0}'..='\u{DE}' if c != '\u{D7}' => buffer.push(char::from(c as u8 + 32)),
                '\0'..='\u{FF}' => buffer.push(c),
                _ => buffer.extend(c.to_lowercase()),
            }
        }
    }
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a hit may stand for these words here: language, case and part of speech.
fn acceptable(context: &Context<'_>, hit: &NameHit, surface: &str, single: Option<usize>) -> bool {
    if !hit.lang.includes(context.lang) {
        return false;
    }
    if hit.acronym {
        if surface.chars().any(char::is_lowercase) {
            return false;
        }
    } else if !(starts_upper(surface) || hit.form == NameForm::Adjective && context.lang == Lang::De) {
        return false;
    }
    // A single word that names a person or a small place must be a proper noun here.
    if let Some(token) = single {
        let entry = context.kb.entry(hit.entry);
        let small_place = is_small_place(context.kb, hit.entry);
        if (entry.kind == Kind::Person || small_place) && !matches!(context.pos(token), Pos::Propn | Pos::Unknown) {
            return false;
        }
        if (entry.kind == Kind::Person || small_place)
            && context.kb.is_context(context.lang, ContextClass::Common, context.lower(token))
        {
            return false;
        }
        // A small place's word right beside another proper noun is part of a longer name
        // (`Clive Owen`, `Clint Eastwood`, `Aston Martin`, `Norwich Union`, `Borussia
        // Dortmund`): a person's, a company's or a club's, not the town's.
        let beside_name = |other: Option<usize>| {
            other.is_some_and(|other| other < context.pos.len() && context.pos(other) == Pos::Propn)
        };
        if small_place && (beside_name(token.checked_sub(1)) || beside_name(Some(token + 1))) {
            return false;
        }
        // After a title (`President Bush`, `Ms Short`) a name is a person's.
        let titled = token > 0 && {
            let before = context.lower(token - 1);
            let before = before.trim_end_matches('.');
            context.kb.is_context(context.lang, ContextClass::Honorific, before)
                || context.kb.role_noun(context.lang, before).is_some_and(|noun| noun.role.is_some())
        };
        if small_place && titled {
            return false;
        }
        // Capitals the base does not write so make an acronym, not a small place (`UN`, not
        // the Indian town `Un`).
        let capitals =
            surface.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !surface.chars().any(char::is_lowercase);
        if small_place && capitals && !hit.acronym {
            return false;
        }
    }
    true
}

/// Whether the entry is a place of fewer than a million people that is no capital: a name
/// that many other things share.
pub(crate) fn is_small_place(kb: &Kb, index: u32) -> bool {
    let entry = kb.entry(index);
    entry.kind == Kind::Place && entry.population < 1_000_000 && kb.capital_of(index).is_none()
}

/// The clauses give one head for coordinated names (`die USA und Russland`, `Argentina and
/// Venezuela`): the names joined to an argument's head that is a name share its role. A list
/// is joined by a conjunction, before its last member by commas (`Venezuela, Argentina,
/// Brazil and Bolivia`); a comma alone joins nothing (`drones to Russia, officials said`).
fn spread_over_conjuncts(context: &mut Context<'_>) {
    let tokens = &context.doc.tokens;
    let pos = &context.pos;
    let proper = |token: usize| pos[token] == Pos::Propn;
    // German country names are often tagged as nouns: a noun joins a list where the base
    // knows it as a country or place.
    let place_word = |token: usize| {
        context
            .kb
            .lookup(context.lower(token))
            .iter()
            .any(|hit| matches!(context.kb.entry(hit.entry).kind, Kind::Country | Kind::Place | Kind::Landmark))
    };
    let name = |token: usize| proper(token) || pos[token] == Pos::Noun && place_word(token);
    let conjunction = |token: usize| pos[token] == Pos::Cconj;
    let text = context.doc.text().as_bytes();
    let comma = |token: usize| {
        let range = tokens[token].range;
        range.len() == 1 && text[range.start() as usize] == b','
    };
    let determiner = |token: usize| pos[token] == Pos::Det;
    let heads: Vec<(usize, ArgumentRole)> =
        context.arguments.iter().enumerate().filter_map(|(token, role)| role.map(|role| (token, role))).collect();
    let mut marks = Vec::new();
    for (head, role) in heads {
        // Cheap test first: a conjunction or comma near the head.
        let near = head.saturating_sub(6)..(head + 7).min(tokens.len());
        if !near.into_iter().any(|t| conjunction(t) || comma(t)) || !name(head) {
            continue;
        }
        // Leftwards from the last member: a conjunction first, then commas.
        let mut token = head;
        let mut crossed_conjunction = false;
        loop {
            while token > 0 && proper(token - 1) {
                token -= 1;
            }
            let joined = token >= 2 && (conjunction(token - 1) || crossed_conjunction && comma(token - 1));
            if !joined || !name(token - 2) {
                break;
            }
            crossed_conjunction = true;
            token -= 2;
            marks.push((token, role));
        }
        // Rightwards from the first member: commas, then a conjunction before the last.
        let mut token = head;
        let mut members = Vec::new();
        loop {
            while token + 1 < tokens.len() && proper(token + 1) {
                token += 1;
            }
            if token + 2 >= tokens.len() || !(comma(token + 1) || conjunction(token + 1)) {
                break;
            }
            let last = conjunction(token + 1);
            let mut after = token + 2;
            while after + 1 < tokens.len() && determiner(after) {
                after += 1;
            }
            if !name(after) {
                break;
            }
            members.push(after);
            token = after;
            if last {
                marks.extend(members.drain(..).map(|member| (member, role)));
                break;
            }
        }
    }
    for (token, role) in marks {
        context.arguments[token].get_or_insert(role);
    }
}

pub(crate) fn recognize(doc: &Document, kb: &Kb, tagged: &[TaggedSpan], explain: bool) -> Vec<Explained> {
    // The tokens that change when lowered, lowered one after the other, and where each is.
    let mut lowered = String::with_capacity(doc.text().len() / 2);
    let mut lowered_at: Vec<Option<(usize, usize)>> = Vec::with_capacity(doc.tokens.len());
    let mut shape = Vec::with_capacity(doc.tokens.len());
    for token in &doc.tokens {
        let text = doc.slice(token.range);
        shape.push(Shape { upper: starts_upper(text), hyphen: text.bytes().any(|byte| byte == b'-') });
        let lowercase = if text.is_ascii() {
            !text.bytes().any(|byte| byte.is_ascii_uppercase())
        } else {
            !text.chars().any(char::is_uppercase)
        };
        if lowercase {
            lowered_at.push(None);
        } else {
            let start = lowered.len();
            lowercase_into(text, &mut lowered);
            lowered_at.push(Some((start, lowered.len())));
        }
    }
    let lowers = doc
        .tokens
        .iter()
        .zip(&lowered_at)
        .map(|(token, at)| match *at {
            None => doc.slice(token.range),
            Some((start, end)) => &lowered[start..end],
        })
        .collect();
    let mut context = Context {
        doc,
        kb,
        lang: doc.meta.lang,
        date: doc.meta.published,
        sentences: Vec::with_capacity(doc.sentences.len()),
        explain,
        lowers,
        arguments: vec![None; doc.tokens.len()],
        pos: doc.tokens.iter().map(|token| Pos::of(token.pos())).collect(),
        shape,
        tagged,
    };
    let mut token = 0;
    for sentence in &doc.sentences {
        let start = token;
        while token < doc.tokens.len() && doc.tokens[token].range.start() < sentence.range.end() {
            token += 1;
        }
        context.sentences.push((start, token));
    }
    if token < doc.tokens.len() {
        // Tokens after the last sentence (or a document without sentences) form one more.
        context.sentences.push((token, doc.tokens.len()));
    }
    for clause in &doc.clauses {
        for &(role, head) in &clause.arguments {
            if let Some(slot) = context.arguments.get_mut(head as usize) {
                *slot = Some(role);
            }
        }
    }
    spread_over_conjuncts(&mut context);

    let candidates = find_candidates(&context);
    // The countries the document names without doubt, and the people named in full.
    let mut countries: HashSet<&str> = HashSet::new();
    let mut named_in_full: HashSet<u32> = HashSet::new();
    for candidate in &candidates {
        if candidate.hits.iter().all(|hit| hit.entry == candidate.hits[0].entry) {
            let entry = kb.entry(candidate.hits[0].entry);
            if entry.kind == Kind::Country && kb.supporting_countries(candidate.hits[0].entry, &candidate.key).is_none()
            {
                countries.extend(entry.country.as_deref());
            }
            if entry.kind == Kind::Person && candidate.key.contains(' ') {
                named_in_full.insert(candidate.hits[0].entry);
            }
        }
    }

    let mut found: Vec<Explained> = Vec::with_capacity(candidates.len());
    let mut mention_of_token: Vec<Option<usize>> = vec![None; doc.tokens.len()];
    let mut starts_name = vec![false; doc.tokens.len()];
    for candidate in candidates.iter().filter(|candidate| !candidate.compound) {
        starts_name[candidate.first] = true;
    }
    for candidate in &candidates {
        let explained = link(&context, candidate, &countries, &named_in_full, &starts_name);
        if !candidate.compound {
            mention_of_token[candidate.first..candidate.end].fill(Some(found.len()));
        }
        found.push(explained);
    }
    role_nouns(&context, &mut found, &mention_of_token);
    found
}

/// The bytes of an English possessive ending of a lowercase word (`'s`, `’s`, or the
/// apostrophe after a plural's `s`), if it has one and something is left.
#[inline]
fn possessive_suffix(lang: Lang, lower: &str) -> Option<usize> {
    if lang != Lang::En {
        return None;
    }
    let suffix = ["'s", "’s", "s'", "s’"].into_iter().find(|suffix| lower.ends_with(suffix))?;
    // Of `s'`, only the apostrophe goes.
    let bytes = if suffix.starts_with('s') { suffix.len() - 1 } else { suffix.len() };
    (lower.len() > bytes + 1).then_some(bytes)
}

/// Step 1: the longest names, German genitives of names, and parts of compounds.
fn find_candidates(context: &Context<'_>) -> Vec<Candidate> {
    let (doc, kb) = (context.doc, context.kb);
    let mut candidates = Vec::new();
    let mut key = String::new();
    for (sentence, &(start, end)) in context.sentences.iter().enumerate() {
        let mut i = start;
        while i < end {
            // Names start with a capital; a lowercase word can only be a German adjective
            // (`russischen`) or a compound with a name in it (`anti-US`).
            let Shape { upper, hyphen } = context.shape[i];
            if !upper && context.lang != Lang::De && !hyphen {
                i += 1;
                continue;
            }
            let lower = context.lower(i);
            let mut matched = None;
            // A person's name the base spells without diacritics (PETRARCH's `Jose Eduardo Dos
            // Santos`) is looked up folded where the text has them (`José`): names of two
            // words or more, capitalised, which keeps the folding off most words.
            let several_names = i + 1 < end && context.shape[i + 1].upper;
            let folded_longest =
                || (several_names && !lower.is_ascii()).then(|| kb.longest_from(&fold_ascii(lower))).flatten();
            // An English possessive (`UK's`, `Putin’s`, `the United States'`) is one token.
            let possessive_longest = || {
                possessive_suffix(context.lang, lower)
                    .and_then(|suffix| kb.longest_from(&lower[..lower.len() - suffix]))
            };
            let longest = if upper {
                kb.longest_from(lower).or_else(folded_longest).or_else(possessive_longest)
            } else if context.lang == Lang::De && kb.may_be_adjective(lower) {
                kb.longest_from(lower).map(|_| 1)
            } else {
                None
            };
            if let Some(longest) = longest {
                let reach = reach(context, i, longest.min(end - i));
                for words in (1..=reach).rev() {
                    key.clear();
                    key.push_str(lower);
                    for next in i + 1..i + words {
                        key.push(' ');
                        key.push_str(context.lower(next));
                    }
                    let range = doc.tokens[i].range.cover(doc.tokens[i + words - 1].range);
                    let surface = doc.slice(range);
                    let single = (words == 1).then_some(i);
                    let hits_of = |key: &str, surface: &str| -> Vec<NameHit> {
                        kb.lookup(key).iter().filter(|hit| acceptable(context, hit, surface, single)).copied().collect()
                    };
                    let hits = hits_of(&key, surface);
                    if !hits.is_empty() {
                        matched = Some((words, range, hits, "name", key.clone()));
                        break;
                    }
                    if upper && words > 1 && several_names && !key.is_ascii() {
                        let folded = fold_ascii(&key);
                        let hits = hits_of(&folded, surface);
                        if !hits.is_empty() {
                            matched = Some((words, range, hits, "name", folded));
                            break;
                        }
                    }
                    if let Some(suffix) = possessive_suffix(context.lang, context.lower(i + words - 1)) {
                        let stem_key = &key[..key.len() - suffix];
                        let range = TextRange::new(range.start(), range.end() - suffix as u32);
                        let hits = hits_of(stem_key, doc.slice(range));
                        if !hits.is_empty() {
                            matched = Some((words, range, hits, "possessive", stem_key.to_owned()));
                            break;
                        }
                    }
                }
            }
            // A German genitive -s of a person's or place's name: `Lawrows`.
            if matched.is_none()
                && upper
                && context.lang == Lang::De
                && lower.len() > 3
                && lower.ends_with('s')
                && kb.longest_from(&lower[..lower.len() - 1]).is_some()
            {
                let stem = &lower[..lower.len() - 1];
                let surface = context.text(i);
                let hits: Vec<NameHit> = kb
                    .lookup(stem)
                    .iter()
                    .filter(|hit| {
                        hit.form == NameForm::Name
                            && matches!(kb.entry(hit.entry).kind, Kind::Person | Kind::Place)
                            && acceptable(context, hit, surface, Some(i))
                    })
                    .copied()
                    .collect();
                if !hits.is_empty() {
                    matched = Some((1, doc.tokens[i].range, hits, "genitive -s", stem.to_owned()));
                }
            }
            // A German country adjective with a prefix of direction: `westsudanesischen`.
            // (It ends like an adjective of the base: a cheap test before the prefixes.)
            if matched.is_none()
                && !upper
                && context.lang == Lang::De
                && kb.may_be_adjective(lower)
                && let Some(rest) = kb.strip_direction(context.lang, lower)
            {
                let hits: Vec<NameHit> =
                    kb.lookup(rest).iter().filter(|hit| hit.form == NameForm::Adjective).copied().collect();
                if !hits.is_empty() {
                    matched = Some((1, doc.tokens[i].range, hits, "adjective with a direction", rest.to_owned()));
                }
            }
            // A German region named by a prefix of direction and its country's name in one
            // word: `Ostukraine`, `Nordsyrien`, a place in that country, linked to it.
            if matched.is_none()
                && upper
                && context.lang == Lang::De
                && let Some(rest) = kb.strip_direction(context.lang, lower)
            {
                let hits: Vec<NameHit> = kb
                    .lookup(rest)
                    .iter()
                    .filter(|hit| hit.form == NameForm::Name && kb.entry(hit.entry).kind == Kind::Country)
                    .copied()
                    .collect();
                if !hits.is_empty() {
                    matched = Some((1, doc.tokens[i].range, hits, REGION, rest.to_owned()));
                }
            }
            // A German adjective of a large city in -er: `Moskauer`, `Pariser`.
            if matched.is_none()
                && upper
                && context.lang == Lang::De
                && lower.len() > 5
                && let Some(stem) = lower.strip_suffix("er")
                && kb.longest_from(stem).is_some()
            {
                let hits: Vec<NameHit> = kb
                    .lookup(stem)
                    .iter()
                    .filter(|hit| {
                        let entry = kb.entry(hit.entry);
                        hit.form == NameForm::Name
                            && entry.kind == Kind::Place
                            && (entry.population >= 500_000 || kb.capital_of(hit.entry).is_some())
                            && hit.lang.includes(context.lang)
                    })
                    .copied()
                    .collect();
                if !hits.is_empty() {
                    matched = Some((1, doc.tokens[i].range, hits, "city adjective", stem.to_owned()));
                }
            }
            if let Some((words, range, hits, how, key)) = matched {
                candidates.push(Candidate {
                    range,
                    first: i,
                    end: i + words,
                    sentence,
                    key,
                    hits,
                    compound: false,
                    compound_role: None,
                    how,
                });
                i += words;
                continue;
            }
            if hyphen {
                compound_parts(context, i, sentence, &mut candidates);
            }
            i += 1;
        }
    }
    candidates
}

/// The most words from token `first` on (at most `longest`) that begin a name of the base as
/// they are, folded to ASCII, or with an English possessive on the last: no longer run of
/// words can be a name.
fn reach(context: &Context<'_>, first: usize, longest: usize) -> usize {
    let kb = context.kb;
    let lower = context.lower(first);
    let mut raw = Some(prefix_hash(None, lower));
    let mut folded = if lower.is_ascii() { raw } else { Some(prefix_hash(None, &fold_ascii(lower))) };
    let mut reach = 1;
    for next in first + 1..first + longest {
        let word = context.lower(next);
        // `the United States'`: the possessive ends the name.
        let stem = possessive_suffix(context.lang, word).map(|suffix| &word[..word.len() - suffix]);
        if let (Some(hash), Some(stem)) = (raw, stem)
            && kb.is_name_prefix(prefix_hash(Some(hash), stem))
        {
            reach = next - first + 1;
        }
        let folded_word = if word.is_ascii() { None } else { Some(fold_ascii(word)) };
        raw = raw.map(|hash| prefix_hash(Some(hash), word)).filter(|&hash| kb.is_name_prefix(hash));
        folded = folded
            .map(|hash| prefix_hash(Some(hash), folded_word.as_deref().unwrap_or(word)))
            .filter(|&hash| kb.is_name_prefix(hash));
        if raw.is_none() && folded.is_none() {
            break;
        }
        reach = next - first + 1;
    }
    reach
}

/// The parts of a hyphenated compound that are names: `Putin-Kim-Gipfeltreffen`, `US-Beamte`.
fn compound_parts(context: &Context<'_>, token: usize, sentence: usize, candidates: &mut Vec<Candidate>) {
    let range = context.doc.tokens[token].range;
    let text = context.doc.slice(range);
    let lower = context.lower(token);
    // Each part with its offset and its key: the same stretch of the lowercase token where
    // lowering kept the lengths (nearly always), else the part's own key.
    let same_lengths = lower.len() == text.len();
    let parts: Vec<(usize, &str, Cow<'_, str>)> = text
        .split('-')
        .scan(0usize, |offset, part| {
            let start = *offset;
            *offset += part.len() + 1;
            Some((start, part))
        })
        .filter(|(_, part)| !part.is_empty())
        .map(|(start, part)| {
            let key = match lower.get(start..start + part.len()) {
                Some(lowered) if same_lengths => Cow::Borrowed(name_words(lowered).next().unwrap_or_default()),
                _ => Cow::Owned(key_of(part)),
            };
            (start, part, key)
        })
        .collect();
    if parts.len() < 2 {
        return;
    }
    let role = context.kb.role_noun(context.lang, &parts[parts.len() - 1].2).cloned();
    // A German adjective compound (`polnisch-russischen`) holds a country adjective in each
    // of its lowercase parts.
    let adjectives = context.lang == Lang::De && !context.shape[token].upper;
    for (index, (offset, part, key)) in parts.iter().enumerate() {
        let (offset, part) = (*offset, *part);
        if part.chars().count() < 2 || !part.chars().any(char::is_alphabetic) {
            continue;
        }
        let hits: Vec<NameHit> = context
            .kb
            .lookup(key)
            .iter()
            .filter(|hit| {
                (matches!(hit.form, NameForm::Name | NameForm::Genitive)
                    || (adjectives && hit.form == NameForm::Adjective))
                    && acceptable(context, hit, part, None)
            })
            .copied()
            .collect();
        if hits.is_empty() {
            continue;
        }
        let start = range.start() + offset as u32;
        candidates.push(Candidate {
            range: TextRange::new(start, start + part.len() as u32),
            first: token,
            end: token + 1,
            sentence,
            key: key.to_string(),
            hits,
            compound: true,
            compound_role: if index + 1 < parts.len() { role.clone() } else { None },
            how: "compound part",
        });
    }
}

/// The score of an entry for a candidate: kind, size, context, roles held, fuller mentions.
fn score(context: &Context<'_>, entry_index: u32, countries: &HashSet<&str>, named_in_full: &HashSet<u32>) -> f32 {
    let entry = context.kb.entry(entry_index);
    let in_context = entry.country.as_deref().is_some_and(|country| countries.contains(country));
    match entry.kind {
        Kind::Country => 5.0,
        Kind::Organization | Kind::Landmark => 4.5 + if in_context { 0.5 } else { 0.0 },
        Kind::Place => {
            let size = (entry.population.max(1) as f32).log10() / 4.0;
            let capital = if context.kb.capital_of(entry_index).is_some() { 0.5 } else { 0.0 };
            3.0 + size + capital + if in_context { 1.0 } else { 0.0 }
        }
        Kind::Person => {
            let held = context.date.is_some_and(|date| entry.roles.iter().any(|role| role.held_on(date)));
            let hand = entry.source.starts_with("resources/");
            3.0 + if held { 1.5 } else { 0.0 }
                + if in_context { 1.0 } else { 0.0 }
                + if named_in_full.contains(&entry_index) { 3.0 } else { 0.0 }
                + if hand { 0.5 } else { 0.0 }
        }
    }
}

/// Step 2: one entry per candidate, with confidence, form, reading and code.
fn link(
    context: &Context<'_>,
    candidate: &Candidate,
    countries: &HashSet<&str>,
    named_in_full: &HashSet<u32>,
    starts_name: &[bool],
) -> Explained {
    let kb = context.kb;
    let mut scored: Vec<(f32, u32)> = Vec::with_capacity(candidate.hits.len());
    for hit in &candidate.hits {
        if !scored.iter().any(|&(_, entry)| entry == hit.entry) {
            scored.push((score(context, hit.entry, countries, named_in_full), hit.entry));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let (best_score, best) = scored[0];
    let entry = kb.entry(best);
    let mut reason = Notes::new(context.explain, || {
        format!("{}: {} candidate(s), best {} ({best_score:.2})", candidate.how, scored.len(), entry.id)
    });
    let base = match entry.kind {
        Kind::Country => 0.95,
        Kind::Organization | Kind::Landmark => 0.9,
        Kind::Place => 0.85,
        Kind::Person => {
            if context.date.is_some_and(|date| entry.roles.iter().any(|role| role.held_on(date)))
                || named_in_full.contains(&best)
            {
                0.9
            } else {
                0.75
            }
        }
    };
    let mut confidence: f32 = match scored.get(1) {
        // A margin of 1.5 or more (a country or capital over a small namesake) is full confidence.
        Some(&(second, _)) => base * (0.55 + 0.45 * ((best_score - second) / 1.5).clamp(0.0, 1.0)),
        None => base,
    };
    let mut linked = confidence >= 0.5;
    if let Some(support) = kb.supporting_countries(best, &candidate.key) {
        if support.iter().any(|country| countries.contains(&**country)) {
            confidence = confidence.min(0.75);
            reason.add(|| "ambiguous name, supported by the document's countries".to_owned());
        } else {
            confidence = 0.3;
            linked = false;
            reason.add(|| "ambiguous name without support in the document".to_owned());
        }
    }
    let forms =
        Forms(candidate.hits.iter().filter(|hit| hit.entry == best).fold(0, |bits, hit| bits | 1 << hit.form as u8));
    // Part of a longer proper name the base does not know: `Paris Hilton`. Genitives and
    // adjectives modify the noun after them (`Nordkoreas Raumfahrtprogramm`) and are exempt.
    // Where the tagger ran, it must read the two words as one name: a German noun it tags
    // PROPN is no name part (`im Irak Senfgas`, `aus Kairo Geschäftsabschlüsse`).
    if !candidate.compound
        && candidate.how == "name"
        && forms.contains(NameForm::Name)
        && candidate.end - candidate.first == 1
        && entry.kind != Kind::Organization
    {
        let next = candidate.end;
        let (_, sentence_end) = context.sentences[candidate.sentence];
        if next < sentence_end
            && context.pos(next) == Pos::Propn
            && starts_upper(context.text(next))
            && !starts_name[next]
            && context.kb.role_noun(context.lang, &context.text(next).to_lowercase()).is_none()
            && (context.tagged.is_empty()
                || context.tagged.iter().any(|span| {
                    span.range.contains_range(context.doc.tokens[next - 1].range.cover(context.doc.tokens[next].range))
                }))
        {
            confidence = 0.25;
            linked = false;
            reason.add(|| "followed by an unknown proper noun".to_owned());
        }
    }

    // Which form: an adjective where an adjective is written and a noun follows.
    let surface = context.doc.slice(candidate.range);
    let form = if candidate.compound {
        EntityForm::CompoundPart
    } else if candidate.how == "city adjective" {
        EntityForm::Adjective
    } else if forms.contains(NameForm::Adjective) && forms.contains(NameForm::Demonym) {
        let noun_follows = candidate.end < context.doc.tokens.len()
            && matches!(context.pos(candidate.end), Pos::Noun | Pos::Propn | Pos::Adj);
        if !starts_upper(surface) || noun_follows { EntityForm::Adjective } else { EntityForm::Demonym }
    } else if forms.contains(NameForm::Name) && forms.contains(NameForm::Demonym) && counted(context, candidate) {
        // `Tausende Ungarn`, `viele Polen`: the people, not the country.
        EntityForm::Demonym
    } else if forms.contains(NameForm::Name) || forms.contains(NameForm::Genitive) {
        EntityForm::Name
    } else if forms.contains(NameForm::Adjective) {
        EntityForm::Adjective
    } else {
        EntityForm::Demonym
    };

    let mut entity = Entity {
        name: Some(if linked { entry.name(context.lang) } else { surface }.to_owned()),
        country: entry.country.as_deref().map(str::to_owned),
        ..Entity::new(candidate.range, entry.entity_type, form, confidence)
    };
    if !linked {
        return Explained { entity, reason: reason.done() };
    }
    // A region of a country (`Ostukraine`) is no entry of the base: a place in that country,
    // unlinked.
    if candidate.how == REGION {
        entity.entity_type = EntityType::Location;
        entity.name = Some(surface.to_owned());
        entity.reading = Some(Reading::Place);
        reason.add(|| "a region of the country: a place in it, not linked".to_owned());
        return Explained { entity, reason: reason.done() };
    }
    entity.kb_id = Some(entry.id.to_string());
    entity.lat = entry.lat;
    entity.lon = entry.lon;
    match entry.kind {
        Kind::Person => {
            entity.reading = Some(Reading::Person);
            let roles: Vec<_> = entry.roles_on(context.date).collect();
            let role = roles.iter().find(|role| role.key != role.code).or(roles.first());
            match role {
                Some(role) => {
                    entity.role = Some(role.title.to_string());
                    entity.code = Some(role.code.to_string());
                    reason.add(|| format!("role {} at the document date", role.title));
                }
                // Without a document date, roles that all carry one code still give it
                // (`Viktor Orbán` → `HUNGOV` whichever of his offices is meant).
                None if context.date.is_none()
                    && entry
                        .roles
                        .first()
                        .is_some_and(|first| entry.roles.iter().all(|role| role.code == first.code)) =>
                {
                    entity.code = entry.roles.first().map(|role| role.code.to_string());
                    reason.add(|| "no document date; every known role has the same code".to_owned());
                }
                None => {
                    entity.code = entity.country.clone();
                    reason.add(|| "no role known at the document date".to_owned());
                }
            }
        }
        Kind::Organization => {
            entity.reading = Some(Reading::Organization);
            entity.code = entry.code.as_deref().map(str::to_owned);
        }
        Kind::Landmark | Kind::Country | Kind::Place => {
            metonymy(context, candidate, best, starts_name, &mut entity, &mut reason);
        }
    }
    if let (Some(role), Some(country), Kind::Country | Kind::Place) =
        (&candidate.compound_role, &entity.country, entry.kind)
    {
        entity.code = Some(code(country, &role.sector));
        entity.reading = reading_of(role);
        reason.add(|| format!("compound with the role noun {}", role.noun));
    }
    Explained { entity, reason: reason.done() }
}

/// The forms a candidate's words have for one entry, as bits.
#[derive(Clone, Copy)]
struct Forms(u8);

impl Forms {
    fn contains(self, form: NameForm) -> bool {
        self.0 & 1 << form as u8 != 0
    }
}

fn reading_of(role: &RoleNoun) -> Option<Reading> {
    match &*role.reading {
        "government" => Some(Reading::Government),
        "military" => Some(Reading::Military),
        "organization" => Some(Reading::Organization),
        "people" => Some(Reading::People),
        _ => None,
    }
}

/// Whether a number or a word of number (`tausende`, `viele`: class `quantifier` of
/// `resources/kb/context_words.tsv`) stands right before the candidate.
fn counted(context: &Context<'_>, candidate: &Candidate) -> bool {
    let (sentence_start, _) = context.sentences[candidate.sentence];
    if candidate.first <= sentence_start {
        return false;
    }
    let previous = candidate.first - 1;
    context.pos(previous) == Pos::Num
        || context.kb.is_context(context.lang, ContextClass::Quantifier, context.lower(previous))
}

/// Step 4: a country, capital or seat of government as an actor or as a place.
fn metonymy(
    context: &Context<'_>,
    candidate: &Candidate,
    entry_index: u32,
    starts_name: &[bool],
    entity: &mut Entity,
    reason: &mut Notes,
) {
    let kb = context.kb;
    let entry = kb.entry(entry_index);
    let country = match entry.kind {
        Kind::Country => entry.country.clone(),
        Kind::Place => kb.capital_of(entry_index).and_then(|country| kb.entry(country).country.clone()),
        _ => None,
    };
    match entity.form {
        EntityForm::Adjective => {
            // An adjective classifies a thing by its origin (`sowjetische Denkmäler`), unless
            // its noun names companies or an economy (`russische Wirtschaft`: RUSBUS) or what a
            // state does or owns (`Iranian nuclear programme`: IRNGOV); before a role noun,
            // step 3 gives it the noun's reading.
            let (reading, sector) = match head_noun(context, candidate) {
                Some(NounClass::Business) => (Reading::Organization, "BUS"),
                Some(NounClass::State) => (Reading::Government, "GOV"),
                None => (Reading::Place, ""),
            };
            entity.reading = Some(reading);
            entity.code = entry.country.as_deref().map(|country| code(country, sector));
            if !sector.is_empty() {
                reason.add(|| format!("before a noun of class {sector}"));
            }
            return;
        }
        EntityForm::Demonym => {
            entity.reading = Some(Reading::People);
            entity.code = entry.country.as_deref().map(str::to_owned);
            return;
        }
        _ => {}
    }
    // The word before, past articles and determiners.
    let (sentence_start, _) = context.sentences[candidate.sentence];
    let mut previous = candidate.first;
    let (mut locative, mut relational) = (false, false);
    while previous > sentence_start {
        previous -= 1;
        if context.pos(previous) == Pos::Det {
            continue;
        }
        locative = kb.is_context(context.lang, ContextClass::Locative, context.lower(previous));
        relational = kb.is_context(context.lang, ContextClass::Relational, context.lower(previous));
        break;
    }
    // Why the name is an actor, if it is one (written out only where reasons are kept).
    let argument = (candidate.first..candidate.end).find_map(|token| context.arguments[token]);
    let argument = argument.map(Actor::Argument).or_else(|| relational.then_some(Actor::Relational(previous)));
    if entry.kind == Kind::Landmark {
        entity.code = entry.code.as_deref().map(str::to_owned);
        entity.reading = Some(if locative { Reading::Place } else { Reading::Government });
        return;
    }
    // A country in a compound names a party to what the compound says (`US-led`,
    // `US-Sanktionen`, `Nato-Russland-Rat`): its state.
    if candidate.compound
        && !locative
        && entry.kind == Kind::Country
        && let Some(country) = &country
    {
        entity.reading = Some(Reading::Government);
        entity.code = Some(code(country, "GOV"));
        reason.add(|| "part of a compound: its government".to_owned());
        return;
    }
    if locative || candidate.compound {
        entity.reading = Some(Reading::Place);
        entity.code = entry.country.as_deref().map(str::to_owned);
        if locative {
            reason.add(|| "after a locative preposition: a place".to_owned());
        }
        return;
    }
    // An English country name before a noun, or in the possessive, is mostly its state (`US
    // policy`, `the UK's presidency`, `Russia's debt`), or its economy before a noun for
    // companies (`the US market`) or a name the base does not know (`Brazil's Petrobras`).
    let english_country = context.lang == Lang::En && entry.kind == Kind::Country;
    let sentence_end = context.sentences[candidate.sentence].1;
    let next = (candidate.end < sentence_end).then_some(candidate.end);
    let possessive = english_country
        && (candidate.range.end() < context.doc.tokens[candidate.end - 1].range.end()
            || possessive_suffix(context.lang, &candidate.key).is_some()
            || next.is_some_and(|next| apostrophe(context, next)));
    let attributive = possessive || english_country && next.is_some_and(|next| context.pos(next) == Pos::Noun);
    if attributive
        && (head_noun(context, candidate) == Some(NounClass::Business)
            || possessive && before_unknown_name(context, candidate, starts_name))
    {
        entity.reading = Some(Reading::Organization);
        entity.code = entry.country.as_deref().map(|country| code(country, "BUS"));
        reason.add(|| "before a noun for companies or an unknown name: its economy".to_owned());
        return;
    }
    // An English country before a verb in -ing is that verb's subject (`talk about Turkey
    // entering the EU`, `the US trying to…`).
    let gerund = english_country
        && next.is_some_and(|next| context.pos(next) == Pos::Verb && context.lower(next).ends_with("ing"));
    let argument =
        argument.or_else(|| attributive.then_some(Actor::Attributive)).or_else(|| gerund.then_some(Actor::Gerund));
    match (argument, country) {
        (Some(why), Some(country)) => {
            entity.reading = Some(Reading::Government);
            entity.code = Some(code(&country, "GOV"));
            reason.add(|| {
                let why = match why {
                    Actor::Argument(role) => format!("{role:?} of a clause"),
                    Actor::Relational(token) => format!("after the preposition `{}`", context.lower(token)),
                    Actor::Attributive => "before a noun or in the possessive".to_owned(),
                    Actor::Gerund => "subject of a verb in -ing".to_owned(),
                };
                format!("{why}: its government")
            });
        }
        _ => {
            entity.reading = Some(Reading::Place);
            entity.code = entry.country.as_deref().map(str::to_owned);
        }
    }
}

/// Why a country or capital stands for its government ([`metonymy`]).
#[derive(Debug, Clone, Copy)]
enum Actor {
    /// It heads an argument of a clause.
    Argument(ArgumentRole),
    /// It follows a preposition of relations, the token given.
    Relational(usize),
    /// An English country before a noun or in the possessive.
    Attributive,
    /// An English country before a verb in -ing.
    Gerund,
}

/// Whether the token is an English possessive ending the tokenizer cut off (`the United
/// States' refusal`, `Argentina 's`).
fn apostrophe(context: &Context<'_>, token: usize) -> bool {
    matches!(context.text(token), "'" | "’" | "'s" | "’s")
}

/// Whether a possessive is followed by a proper name that neither the base nor the tagger
/// knows as a person or place, nor a role noun (`Argentina's Enarsa`, not `Russia's Putin`
/// or `Russia's Foreign Ministry`): mostly a company.
fn before_unknown_name(context: &Context<'_>, candidate: &Candidate, starts_name: &[bool]) -> bool {
    let (_, sentence_end) = context.sentences[candidate.sentence];
    let mut next = candidate.end;
    if next < sentence_end && apostrophe(context, next) {
        next += 1;
    }
    if next >= sentence_end || context.pos(next) != Pos::Propn || starts_name[next] {
        return false;
    }
    let lower = context.lower(next);
    if context.kb.role_noun(context.lang, lower).is_some() || context.kb.starts_role_noun(lower) {
        return false;
    }
    let start = context.doc.tokens[next].range.start();
    !context.tagged.iter().any(|span| {
        span.range.start() <= start
            && start < span.range.end()
            && matches!(span.entity_type, EntityType::Person | EntityType::Location | EntityType::Gpe)
    })
}

/// The class of the first noun after an adjective (past other adjectives and `and`: `oil and
/// gas industry`, `nuclear programme`) that has one (classes `business_noun` and `state_noun`
/// of `resources/kb/context_words.tsv`).
fn head_noun(context: &Context<'_>, candidate: &Candidate) -> Option<NounClass> {
    let (_, sentence_end) = context.sentences[candidate.sentence];
    let mut lemma = String::new();
    for token in candidate.end..sentence_end.min(candidate.end + 5) {
        match context.pos(token) {
            Pos::Adj | Pos::Cconj => continue,
            Pos::Noun => {
                lemma.clear();
                lowercase_into(context.doc.tokens[token].lemma().unwrap_or(context.text(token)), &mut lemma);
                if let Some(class) = context.kb.head_noun(context.lang, &lemma) {
                    return Some(class);
                }
            }
            _ => return None,
        }
    }
    None
}

/// Step 3: role nouns next to a country make the country an actor of the noun's sector, and
/// are mentions themselves, linked to the holder of the role where the base knows one.
fn role_nouns(context: &Context<'_>, found: &mut Vec<Explained>, mention_of_token: &[Option<usize>]) {
    let kb = context.kb;
    let tokens = &context.doc.tokens;
    // A country, or a capital standing for its country before the noun (`das Moskauer
    // Außenministerium`) or after it behind a locative preposition (`das Außenministerium in
    // Warschau`), not as a genitive (`die Regierung Berlins` is the city's).
    let country_mention = |token: usize, found: &[Explained], capital: bool| -> Option<usize> {
        let index = mention_of_token[token]?;
        let entity = &found[index].entity;
        let is_country = entity.kb_id.as_deref().is_some_and(|id| {
            id.starts_with("country:") || capital && kb.index_of(id).is_some_and(|place| kb.capital_of(place).is_some())
        });
        is_country.then_some(index)
    };
    let home = home_country(found);
    let mut added = Vec::new();
    let mut lemma_buffer = String::new();
    for &(start, end) in &context.sentences {
        let mut j = start;
        while j < end {
            // Cheap tests first: not part of a name, a noun, starting like a role noun.
            if mention_of_token[j].is_some() {
                j += 1;
                continue;
            }
            if !matches!(context.pos(j), Pos::Noun | Pos::Propn | Pos::Unknown) {
                j += 1;
                continue;
            }
            let lower = context.lower(j);
            // A German compound may end in a role noun (`Innenminister`); its lemma's end is
            // written in lowercase as it is.
            let compound = context.lang == Lang::De
                && lower.len() >= 9
                && (kb.may_end_role_noun(lower) || tokens[j].lemma().is_some_and(|lemma| kb.may_end_role_noun(lemma)));
            if !(compound || kb.may_be_role_noun(context.lang, lower)) {
                j += 1;
                continue;
            }
            // The longest role noun from here: English ones have several words.
            let several = context.lang == Lang::En && kb.starts_role_noun(lower);
            let matched = if several {
                (2..=kb.role_noun_words().min(end - j)).rev().find_map(|words| {
                    let mut key = lower.to_owned();
                    for token in j + 1..j + words {
                        key.push(' ');
                        let word = if token + 1 == j + words {
                            context.doc.tokens[token].lemma().unwrap_or(context.text(token))
                        } else {
                            context.text(token)
                        };
                        lowercase_into(word, &mut key);
                    }
                    kb.role_noun(context.lang, &key).map(|noun| (words, Cow::Borrowed(noun)))
                })
            } else {
                None
            };
            let matched = matched.or_else(|| {
                // The surface form (most often: no lemma to read), else the lemma, else an
                // English plural the tagger left as it is (`troops`).
                if let Some(noun) = kb.role_noun(context.lang, lower) {
                    return Some((1, Cow::Borrowed(noun)));
                }
                lemma_buffer.clear();
                let lemma = context.doc.tokens[j].lemma().filter(|lemma| *lemma != context.text(j)).map(|lemma| {
                    lowercase_into(lemma, &mut lemma_buffer);
                    lemma_buffer.as_str()
                });
                lemma
                    .and_then(|lemma| kb.role_noun(context.lang, lemma))
                    .or_else(|| {
                        let singular = lower.strip_suffix('s').filter(|_| context.lang == Lang::En)?;
                        kb.role_noun(context.lang, singular)
                    })
                    .or_else(|| {
                        // A German feminine form of a role noun the base lists in the
                        // masculine (`Botschafterin`, `Kanzlerinnen`).
                        let stem = lower.strip_suffix("innen").or_else(|| lower.strip_suffix("in"));
                        kb.role_noun(context.lang, stem.filter(|stem| context.lang == Lang::De && stem.len() >= 5)?)
                    })
                    .map(Cow::Borrowed)
                    .or_else(|| {
                        let compound = compound.then(|| kb.compound_role_noun(context.lang, lower)).flatten();
                        compound
                            .or_else(|| lemma.and_then(|lemma| kb.compound_role_noun(context.lang, lemma)))
                            .map(Cow::Owned)
                    })
                    .map(|noun| (1, noun))
            });
            let Some((words, noun)) = matched else {
                j += 1;
                continue;
            };
            // The country: a part of the same compound (`US-Beamte`), an adjective or name
            // before (one adjective may come between), or a genitive after (`Marinen der USA`,
            // `Regierung Russlands`, `navy of South Korea`).
            let token_range = tokens[j].range;
            let mut countries: Vec<usize> = found
                .iter()
                .enumerate()
                .filter(|(_, mention)| {
                    mention.entity.form == EntityForm::CompoundPart
                        && token_range.contains_range(mention.entity.range)
                        && mention.entity.kb_id.as_deref().is_some_and(|id| id.starts_with("country:"))
                })
                .map(|(index, _)| index)
                .take(1)
                .collect();
            if countries.is_empty() {
                for back in 1..=2usize {
                    if j >= start + back {
                        if let Some(index) = country_mention(j - back, found, true) {
                            let form = found[index].entity.form;
                            if matches!(form, EntityForm::Adjective | EntityForm::Name) {
                                countries.push(index);
                            }
                            break;
                        }
                        if back == 1 && context.pos(j - 1) != Pos::Adj {
                            break;
                        }
                    }
                }
            }
            // A place after a locative preposition gives the noun its country and stays a
            // place; a capital there, only to a state's institution or office (`das
            // Außenministerium in Warschau`, `officials in Washington`, not `reporters in
            // Brussels`).
            let state = matches!(&*noun.sector, "GOV" | "MIL" | "COP" | "JUD" | "LEG" | "SPY");
            let mut located = false;
            if countries.is_empty() {
                let mut next = j + words;
                while next < end && matches!(context.pos(next), Pos::Det | Pos::Adp) && next < j + words + 2 {
                    located |= kb.is_context(context.lang, ContextClass::Seat, context.lower(next));
                    next += 1;
                }
                let mut after = next;
                while after < end {
                    match country_mention(after, found, located && state) {
                        Some(index) if matches!(found[index].entity.form, EntityForm::Name) => {
                            countries.push(index);
                            let last_token = (after..end)
                                .take_while(|&t| mention_of_token[t] == Some(index))
                                .last()
                                .unwrap_or(after);
                            // `der USA und Südkoreas`: a coordinated country too.
                            if last_token + 2 < end && context.pos(last_token + 1) == Pos::Cconj {
                                after = last_token + 2;
                                continue;
                            }
                        }
                        _ => {}
                    }
                    break;
                }
            }
            if countries.is_empty() {
                // `the president`, `der Außenminister`: a definite role noun without a country
                // refers to the one person mentioned before who holds that role at the date.
                let definite = j > start && context.pos(j - 1) == Pos::Det;
                if let (true, Some(key), Some(date)) = (definite, &noun.role, context.date) {
                    let mut people: Vec<&Entity> = found
                        .iter()
                        .map(|m| &m.entity)
                        .filter(|e| e.range.end() <= tokens[j].range.start() && e.form != EntityForm::RoleNoun)
                        .filter(|e| {
                            e.kb_id.as_deref().and_then(|id| kb.get(id)).is_some_and(|entry| {
                                entry.kind == Kind::Person
                                    && entry.roles.iter().any(|r| r.key == *key && r.held_on(date))
                            })
                        })
                        .collect();
                    people.dedup_by(|a, b| a.kb_id == b.kb_id);
                    if let [person] = people.as_slice() {
                        let range = tokens[j].range.cover(tokens[j + words - 1].range);
                        let entity = Entity {
                            range,
                            entity_type: EntityType::Person,
                            form: EntityForm::RoleNoun,
                            confidence: 0.7,
                            cluster: None,
                            ..(*person).clone()
                        };
                        let reason = Notes::new(context.explain, || {
                            format!("role noun {}: the one holder mentioned before", noun.noun)
                        });
                        added.push(Explained { entity, reason: reason.done() });
                        j += words;
                        continue;
                    }
                }
                // The role of an organisation named in the same compound or in a genitive right
                // after (`EU-Außenminister`, `Der Vertreter der EU`, `Der Sprecher der Nato`) is
                // no country's: no mention, and the stages after code the phrase by the
                // organisation.
                let is_org = |index: usize| {
                    found[index].entity.entity_type == EntityType::Organization
                        && found[index].entity.kb_id.as_deref().is_some_and(|id| id.starts_with("org:"))
                };
                // An abbreviation the base does not know before the hyphen names an
                // organisation too (`OERAK-Präsident`, `ÖGB-Chef`): countries are known.
                let unknown_abbreviation =
                    context.text(j).split_once('-').is_some_and(|(first, _)| crate::is_abbreviation(first));
                let in_compound = unknown_abbreviation
                    || found.iter().enumerate().any(|(index, mention)| {
                        mention.entity.form == EntityForm::CompoundPart
                            && token_range.contains_range(mention.entity.range)
                            && is_org(index)
                    });
                let mut after = j + words;
                while after < end && matches!(context.pos(after), Pos::Det | Pos::Adj) && after < j + words + 3 {
                    if mention_of_token[after].is_some() {
                        break;
                    }
                    after += 1;
                }
                let genitive = after < end && mention_of_token[after].is_some_and(is_org) && {
                    let first = j + words;
                    first < end && (context.pos(first) != Pos::Det || tokens[first].feature("Case") == Some("Gen"))
                };
                if in_compound || genitive {
                    j += words;
                    continue;
                }
                // Otherwise a state institution or office (`die Regierung`, `die Polizei`) is the
                // country its sentence is about before it, where one stands out there, else the
                // article's own country, where one stands out. Non-state groups named by a
                // common noun (`Rebellen`, `Demonstranten`) are no mentions without a country.
                // (Only the words before the noun: `Der Bundeskanzler reiste zum französischen
                // Präsidenten nach Paris` is about France after it, not before.)
                let sentence_range = TextRange::new(tokens[start].range.start(), tokens[j].range.start());
                let about = if state { sentence_country(found, sentence_range).or_else(|| home.clone()) } else { None };
                if let Some(country) = &about {
                    let range = tokens[j].range.cover(tokens[j + words - 1].range);
                    let (kb_id, name) = country_link(context, country, range);
                    let entity = Entity {
                        range,
                        entity_type: if noun.role.is_some() { EntityType::Person } else { EntityType::Organization },
                        form: EntityForm::RoleNoun,
                        kb_id,
                        name,
                        reading: reading_of(&noun),
                        country: Some(country.clone()),
                        code: Some(code(country, &noun.sector)),
                        role: None,
                        lat: None,
                        lon: None,
                        confidence: 0.4,
                        cluster: None,
                    };
                    let reason = Notes::new(context.explain, || {
                        format!(
                            "role noun {} without a country: the sentence's or article's country {country}",
                            noun.noun
                        )
                    });
                    added.push(Explained { entity, reason: reason.done() });
                }
                j += words;
                continue;
            }
            let reading = reading_of(&noun);
            let range = tokens[j].range.cover(tokens[j + words - 1].range);
            for &index in countries.iter().filter(|_| !located) {
                let mention = &mut found[index];
                if let Some(country) = mention.entity.country.clone() {
                    mention.entity.code = Some(code(&country, &noun.sector));
                    if matches!(mention.entity.form, EntityForm::Name | EntityForm::Adjective) {
                        mention.entity.reading = reading;
                    }
                    if context.explain {
                        mention.reason.0.push_str(&format!("; with the role noun {}", noun.noun));
                    }
                }
            }
            let country = found[countries[0]].entity.country.clone();
            // Linked to one country only where it names one (`die Marinen der USA und
            // Südkoreas` are two countries' navies, neither entry).
            let (kb_id, name) = match &country {
                Some(country) if countries.len() == 1 => country_link(context, country, range),
                _ => (None, Some(context.doc.slice(range).to_owned())),
            };
            let mut entity = Entity {
                range,
                entity_type: if noun.role.is_some() { EntityType::Person } else { EntityType::Organization },
                form: EntityForm::RoleNoun,
                kb_id,
                name,
                reading,
                country: country.clone(),
                code: country.as_ref().map(|country| code(country, &noun.sector)),
                role: None,
                lat: None,
                lon: None,
                confidence: 0.6,
                cluster: None,
            };
            let mut reason = Notes::new(context.explain, || {
                format!("role noun {} of {}", noun.noun, country.as_deref().unwrap_or("?"))
            });
            if let (Some(key), Some(country), Some(date)) = (&noun.role, &country, context.date) {
                let holders: Vec<_> = kb.holders(key, country, date).collect();
                if let [(person, role)] = holders.as_slice() {
                    let person_entry = kb.entry(*person);
                    entity.kb_id = Some(person_entry.id.to_string());
                    entity.name = Some(person_entry.name(context.lang).to_owned());
                    entity.role = Some(role.title.to_string());
                    entity.code = Some(role.code.to_string());
                    entity.reading = Some(Reading::Person);
                    entity.confidence = 0.8;
                    reason.add(|| format!("held by {} at the document date", person_entry.id));
                } else {
                    reason.add(|| format!("{} holders at the document date: unresolved", holders.len()));
                }
            }
            added.push(Explained { entity, reason: reason.done() });
            j += words;
        }
    }
    found.extend(added);
}

/// A role noun whose holder is not known stands for its country's institution: it is linked
/// to the country's entry, under the country's name (`die Regierung` → Syria, read as its
/// government); without an entry, it keeps its words.
/// A CAMEO code: a country's and a sector's (`RUS` + `GOV`), without the formatting
/// machinery, which this stage would run for most mentions.
fn code(country: &str, sector: &str) -> String {
    [country, sector].concat()
}

fn country_link(context: &Context<'_>, country: &str, range: TextRange) -> (Option<String>, Option<String>) {
    match context.kb.get(&["country:", country].concat()) {
        Some(entry) => (Some(entry.id.to_string()), Some(entry.name(context.lang).to_owned())),
        None => (None, Some(context.doc.slice(range).to_owned())),
    }
}

/// The country an article is about, where one stands out: of the names and adjectives linked
/// to a country or to a place in one, the most frequent country with at least three mentions
/// and twice as many as any other.
fn home_country(found: &[Explained]) -> Option<String> {
    most_named_country(found, TextRange::new(0, u32::MAX), |first, second| first >= 3 && first >= 2 * second)
}

/// The country a stretch of a sentence is about, where one stands out: a country named at
/// least twice inside `stretch` and more often than any other (`die Marinen der USA und
/// Südkoreas … vor der Küste Südkoreas, teilte das Verteidigungsministerium mit`: South
/// Korea's).
fn sentence_country(found: &[Explained], stretch: TextRange) -> Option<String> {
    most_named_country(found, stretch, |first, second| first >= 2 && first > second)
}

/// Of the names and adjectives inside `stretch` linked to a country or to a place in one, the
/// most frequent country, if `stands_out(its count, the next one's count)`.
fn most_named_country(
    found: &[Explained],
    stretch: TextRange,
    stands_out: impl Fn(usize, usize) -> bool,
) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for mention in found {
        let entity = &mention.entity;
        if !stretch.contains_range(entity.range)
            || !matches!(entity.form, EntityForm::Name | EntityForm::Adjective)
            || entity.kb_id.is_none()
        {
            continue;
        }
        let Some(country) = entity.country.as_deref() else { continue };
        match counts.iter_mut().find(|(seen, _)| *seen == country) {
            Some((_, count)) => *count += 1,
            None => counts.push((country, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match counts.as_slice() {
        [(country, first), rest @ ..] if stands_out(*first, rest.first().map_or(0, |(_, second)| *second)) => {
            Some((*country).to_owned())
        }
        _ => None,
    }
}

/// A tagger's span: linked when its words are a name of the base, else kept as it is.
/// A tagger span as an entity: linked by its words when `link` (it replaced the base's
/// mentions), else unlinked (the base did not find it).
pub(crate) fn tagged(doc: &Document, kb: &Kb, span: &TaggedSpan, link: bool) -> Explained {
    let surface = doc.slice(span.range);
    let key = key_of(surface);
    let lang = doc.meta.lang;
    let hit = kb
        .lookup(&key)
        .iter()
        .filter(|_| link)
        .find(|hit| hit.lang.includes(lang) && (!hit.acronym || !surface.chars().any(char::is_lowercase)));
    let mut entity = Entity {
        name: Some(surface.to_owned()),
        ..Entity::new(span.range, span.entity_type, EntityForm::Name, (span.confidence * 0.8).clamp(0.0, 1.0))
    };
    let reason = match hit {
        Some(hit) => {
            let entry = kb.entry(hit.entry);
            entity.kb_id = Some(entry.id.to_string());
            entity.entity_type = entry.entity_type;
            entity.name = Some(entry.name(lang).to_owned());
            entity.country = entry.country.as_deref().map(str::to_owned);
            entity.code = entry.code.as_deref().map(str::to_owned);
            entity.lat = entry.lat;
            entity.lon = entry.lon;
            format!("tagger span, linked by its name to {}", entry.id)
        }
        None => "tagger span, unknown to the base".to_owned(),
    };
    Explained { entity, reason: Reason(reason) }
}

#[cfg(test)]
mod tests {
    use super::lowercase_into;

    #[test]
    fn lowering_agrees_with_the_standard_library() {
        for word in ["Außenminister", "ÄÖÜ", "Élysée", "ØRSTED", "×", "Ωmega", "İstanbul", "plain", "ǅ"] {
            let mut lowered = String::new();
            lowercase_into(word, &mut lowered);
            assert_eq!(lowered, word.chars().flat_map(char::to_lowercase).collect::<String>(), "{word}");
        }
    }
}
