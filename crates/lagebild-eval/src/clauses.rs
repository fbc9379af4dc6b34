//! Clause boundaries scored against the dependency trees of Universal Dependencies.
//!
//! Gold clauses come from the tree: a *clause head* is the root, or a verbal word (`VERB`,
//! `AUX`, or a word with a `cop` dependent) attached by `ccomp`, `advcl`, `acl`, `csubj`,
//! `xcomp` or `parataxis` (with any subtype, such as `acl:relcl`), or by `conj` to a clause
//! head. A word belongs to the clause of its nearest clause head, itself included; a surface
//! token belongs to the clause of its first word. Punctuation (the first word's UPOS is
//! `PUNCT`) belongs to no clause on either side. Over the non-punctuation tokens of a
//! sentence, a *boundary* lies before every token whose clause differs from the previous
//! token's; gold and predicted boundaries (token positions) are scored with precision,
//! recall and F1. Also: clauses as exact token sets, and on those that match, the kind and
//! the finite verb. `docs/evaluation.md` describes it in full.

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use lagebild_doc::{Clause, ClauseKind, Document, Label, Lang, Meta, Sentence, TextRange, Token};
use lagebild_resources::Resources;

use crate::{EvalError, Score, TreebankSentence, TreebankWord, is_held_out, read_treebank};

/// Features the tagger gives and the clause analyser reads; the rest of UD's are dropped.
const FEATURES: &[&str] = &["Case", "Mood", "Number", "Person", "PronType", "Tense", "VerbForm"];

/// Dependency relations (before any `:` subtype) whose verbal dependent heads a clause.
const CLAUSAL: &[&str] = &["ccomp", "advcl", "acl", "csubj", "xcomp", "parataxis"];

/// The scores over a set of sentences.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClauseScores {
    pub sentences: usize,
    pub boundaries: Score,
    /// Clauses as exact sets of non-punctuation tokens.
    pub clauses: Score,
    /// On exactly matched clauses: how many, and how many of those have the gold kind.
    pub kinds_right: usize,
    /// On exactly matched clauses with a gold verb: how many, and how many found it.
    pub verbs: usize,
    pub verbs_right: usize,
}

impl ClauseScores {
    fn add(&mut self, other: &ClauseScores) {
        self.sentences += other.sentences;
        self.boundaries.add(other.boundaries);
        self.clauses.add(other.clauses);
        self.kinds_right += other.kinds_right;
        self.verbs += other.verbs;
        self.verbs_right += other.verbs_right;
    }

    /// The share of exactly matched clauses with the gold kind.
    pub fn kind_accuracy(&self) -> f64 {
        ratio(self.kinds_right, self.clauses.matched)
    }

    /// The share of exactly matched clauses whose verb is the gold one.
    pub fn verb_accuracy(&self) -> f64 {
        ratio(self.verbs_right, self.verbs)
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 { 1.0 } else { part as f64 / whole as f64 }
}

/// The scores of one treebank file.
#[derive(Debug, Clone)]
pub struct FileScores {
    pub file: String,
    pub lang: Lang,
    /// Sentences that `is_held_out` selects.
    pub held_out: ClauseScores,
    pub all: ClauseScores,
    /// Sentences left out because a token's form is not in the sentence's text.
    pub skipped: usize,
    /// Time spent in `lagebild_morph::clauses` (the fastest of three runs) and the bytes of
    /// text it read.
    pub elapsed: Duration,
    pub bytes: usize,
    /// Up to the requested number of sentences with a boundary error, gold and predicted.
    pub errors: Vec<String>,
}

impl FileScores {
    pub fn nanos_per_byte(&self) -> f64 {
        if self.bytes == 0 { 0.0 } else { self.elapsed.as_nanos() as f64 / self.bytes as f64 }
    }
}

/// Tags a document in place: replaces the gold part of speech, lemma and features of its
/// tokens with a tagger's (to score clauses on predicted tags).
pub type Retag<'a> = &'a dyn Fn(&mut Document);

/// Scores the clause analyser on the treebank at `path`: on the gold tags of its tokens, or
/// on whatever `retag` puts there.
pub fn evaluate_file(
    path: &Path,
    lang: Lang,
    resources: &Resources,
    retag: Option<Retag<'_>>,
    show_errors: usize,
) -> Result<FileScores, EvalError> {
    let sentences = read_treebank(path)?;
    let built = build_document(&sentences, lang, path);
    let mut doc = built.doc;
    if let Some(retag) = retag {
        retag(&mut doc);
    }
    let lang_resources = resources.lang(lang).expect("an analysed language");
    // The fastest of three runs: the first also pays for fresh memory pages.
    let mut elapsed = Duration::MAX;
    let mut clauses = Vec::new();
    for _ in 0..3 {
        drop(std::mem::take(&mut clauses));
        let start = Instant::now();
        clauses = lagebild_morph::clauses(&doc, lang, lang_resources);
        elapsed = elapsed.min(start.elapsed());
    }
    let predicted = token_clauses(&clauses, doc.tokens.len());
    let mut scores = FileScores {
        file: path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default(),
        lang,
        held_out: ClauseScores::default(),
        all: ClauseScores::default(),
        skipped: sentences.len() - built.placed.len(),
        elapsed,
        bytes: doc.text().len(),
        errors: Vec::new(),
    };
    for &(index, first_token) in &built.placed {
        let sentence = &sentences[index];
        let gold = gold_clauses(sentence);
        let tokens = first_token..first_token + sentence.tokens.len();
        let score = score_sentence(&gold, &predicted[tokens.clone()], &clauses, first_token);
        if is_held_out(index) {
            scores.held_out.add(&score);
        }
        scores.all.add(&score);
        if scores.errors.len() < show_errors
            && score.boundaries.matched < score.boundaries.gold.max(score.boundaries.predicted)
        {
            scores.errors.push(describe_error(sentence, &gold, &predicted[tokens], &clauses));
        }
    }
    Ok(scores)
}

struct Built {
    doc: Document,
    /// Index of each placed treebank sentence and the document position of its first token.
    placed: Vec<(usize, usize)>,
}

/// One document of the treebank's sentences (each on a line), with the gold tokens and their
/// gold UPOS, lemma and features: those of the first word of a multiword token, and
/// `PartType=Vbp` on a separable particle (XPOS `PTKVZ` or `RP`).
fn build_document(sentences: &[TreebankSentence], lang: Lang, path: &Path) -> Built {
    let mut text = String::new();
    let mut ranges = Vec::new();
    let mut tokens = Vec::new();
    let mut placed = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        let mut spans = Vec::with_capacity(sentence.tokens.len());
        let mut cursor = 0;
        for token in &sentence.tokens {
            let Some(found) = sentence.text[cursor..].find(token.form.as_str()) else { break };
            let start = cursor + found;
            cursor = start + token.form.len();
            spans.push((start, cursor));
        }
        let blank = spans.iter().any(|&(start, end)| sentence.text[start..end].trim().is_empty());
        if spans.len() != sentence.tokens.len() || spans.is_empty() || blank {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        let base = text.len();
        text.push_str(&sentence.text);
        ranges.push(Sentence { range: TextRange::from_usize(base, text.len()) });
        placed.push((index, tokens.len()));
        for (token, (start, end)) in sentence.tokens.iter().zip(spans) {
            tokens.push(gold_token(token.words.first(), TextRange::from_usize(base + start, base + end)));
        }
    }
    let mut doc = Document::new(Meta::new(path.display().to_string(), path.display().to_string()), text);
    doc.meta.lang = lang;
    doc.sentences = ranges;
    doc.tokens = tokens;
    Built { doc, placed }
}

fn gold_token(word: Option<&TreebankWord>, range: TextRange) -> Token {
    let Some(word) = word else { return Token { range, ..Token::default() } };
    let mut morph: Vec<(Label, Label)> = word
        .feats
        .iter()
        .filter(|(name, _)| FEATURES.contains(&name.as_str()))
        .map(|(name, value)| (name.clone().into(), value.clone().into()))
        .collect();
    if matches!(word.xpos.as_str(), "PTKVZ" | "RP") {
        morph.push(("PartType".into(), "Vbp".into()));
    }
    morph.sort();
    Token { range, pos: Some(word.upos.clone().into()), lemma: Some(word.lemma.as_str().into()), morph }
}

/// The clause of every document token, as an index into `clauses`.
fn token_clauses(clauses: &[Clause], tokens: usize) -> Vec<Option<u32>> {
    let mut owner = vec![None; tokens];
    for (index, clause) in clauses.iter().enumerate() {
        for &token in &clause.tokens {
            if let Some(slot) = owner.get_mut(token as usize) {
                *slot = Some(index as u32);
            }
        }
    }
    owner
}

/// The gold clauses of a sentence, by surface token.
#[derive(Debug)]
struct Gold {
    /// The clause (head word id) of each surface token; `None` for punctuation.
    clause: Vec<Option<usize>>,
    /// Per clause head word id: kind and the surface token of its verb.
    heads: HashMap<usize, (ClauseKind, Option<usize>)>,
}

fn gold_clauses(sentence: &TreebankSentence) -> Gold {
    let words: Vec<&TreebankWord> = sentence.words().collect();
    let size = words.iter().map(|w| w.id).max().unwrap_or(0) + 1;
    let mut by_id: Vec<Option<usize>> = vec![None; size];
    for (index, word) in words.iter().enumerate() {
        by_id[word.id] = Some(index);
    }
    let word_of = |id: usize| by_id.get(id).copied().flatten().map(|index| words[index]);
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); size];
    for word in &words {
        if word.head < size {
            children[word.head].push(word.id);
        }
    }
    let base = |word: &TreebankWord| word.deprel.split(':').next().unwrap_or("").to_owned();
    let verbal = |id: usize| {
        word_of(id).is_some_and(|w| matches!(w.upos.as_str(), "VERB" | "AUX"))
            || children[id].iter().any(|&c| word_of(c).is_some_and(|c| base(c) == "cop"))
    };
    // Clause heads, resolved from the root down (a conj head may come later in the sentence).
    let mut head_memo: Vec<Option<bool>> = vec![None; size];
    fn is_head<'a>(
        id: usize,
        depth: usize,
        memo: &mut Vec<Option<bool>>,
        word_of: &dyn Fn(usize) -> Option<&'a TreebankWord>,
        verbal: &dyn Fn(usize) -> bool,
    ) -> bool {
        if let Some(known) = memo[id] {
            return known;
        }
        let Some(word) = word_of(id) else { return false };
        let relation = word.deprel.split(':').next().unwrap_or("");
        let answer = if word.head == 0 || relation == "root" {
            true
        } else if CLAUSAL.contains(&relation) {
            verbal(id)
        } else if relation == "conj" && depth < 64 && word.head < memo.len() {
            verbal(id) && is_head(word.head, depth + 1, memo, word_of, verbal)
        } else {
            false
        };
        memo[id] = Some(answer);
        answer
    }
    for word in &words {
        is_head(word.id, 0, &mut head_memo, &word_of, &verbal);
    }
    let head_of = |id: usize| {
        let mut current = id;
        for _ in 0..size {
            if head_memo.get(current).copied().flatten() == Some(true) {
                return current;
            }
            match word_of(current) {
                Some(word) if word.head != 0 && word.head < size => current = word.head,
                _ => return current,
            }
        }
        current
    };
    // Surface token of each word.
    let mut token_of: Vec<usize> = vec![0; size];
    for (index, token) in sentence.tokens.iter().enumerate() {
        for word in &token.words {
            token_of[word.id] = index;
        }
    }
    let clause: Vec<Option<usize>> = sentence
        .tokens
        .iter()
        .map(|token| token.words.first().filter(|w| w.upos != "PUNCT").map(|w| head_of(w.id)))
        .collect();
    let mut heads = HashMap::new();
    let mut pending: Vec<usize> = (1..size).filter(|&id| head_memo[id] == Some(true)).collect();
    pending.sort_by_key(|&id| depth_of(id, &word_of, size));
    let mut kinds: HashMap<usize, ClauseKind> = HashMap::new();
    for id in pending {
        let Some(word) = word_of(id) else { continue };
        let own = |w: &TreebankWord| head_of(w.id) == id;
        let auxiliaries: Vec<&TreebankWord> = children[id]
            .iter()
            .filter_map(|&c| word_of(c))
            .filter(|c| matches!(base(c).as_str(), "aux" | "cop"))
            .collect();
        let finite_word =
            std::iter::once(word).chain(auxiliaries.iter().copied()).find(|w| w.feature("VerbForm") == Some("Fin"));
        let verb = finite_word
            .or_else(|| matches!(word.upos.as_str(), "VERB" | "AUX").then_some(word))
            .or_else(|| auxiliaries.first().copied())
            .map(|w| token_of[w.id]);
        let marks: Vec<&TreebankWord> =
            children[id].iter().filter_map(|&c| word_of(c)).filter(|c| base(c) == "mark").collect();
        let relation = base(word);
        let kind = match relation.as_str() {
            "root" | "parataxis" => ClauseKind::Main,
            "conj" => {
                if marks.iter().any(|m| m.upos == "SCONJ") {
                    ClauseKind::Subordinate
                } else {
                    kinds.get(&head_of(word.head)).copied().unwrap_or(ClauseKind::Main)
                }
            }
            _ if word.head == 0 => ClauseKind::Main,
            _ => {
                let first_own = words.iter().copied().find(|w| own(w));
                if marks.iter().any(|m| m.upos == "PART" || matches!(m.xpos.as_str(), "PTKZU" | "TO"))
                    || word.xpos == "VVIZU"
                {
                    ClauseKind::Infinitive
                } else if words.iter().copied().filter(|w| own(w)).any(|w| has_value(w, "PronType", "Rel")) {
                    ClauseKind::Relative
                } else if !marks.is_empty() || first_own.is_some_and(|w| has_value(w, "PronType", "Int")) {
                    ClauseKind::Subordinate
                } else if finite_word.is_none() {
                    ClauseKind::Infinitive
                } else if relation == "acl" {
                    ClauseKind::Relative
                } else if matches!(relation.as_str(), "ccomp" | "csubj") {
                    ClauseKind::ReportedSpeech
                } else {
                    ClauseKind::Subordinate
                }
            }
        };
        kinds.insert(id, kind);
        heads.insert(id, (kind, verb));
    }
    Gold { clause, heads }
}

fn depth_of<'a>(id: usize, word_of: &dyn Fn(usize) -> Option<&'a TreebankWord>, size: usize) -> usize {
    let mut depth = 0;
    let mut current = id;
    while let Some(word) = word_of(current) {
        if word.head == 0 || depth > size {
            break;
        }
        current = word.head;
        depth += 1;
    }
    depth
}

fn has_value(word: &TreebankWord, name: &str, value: &str) -> bool {
    word.feature(name).is_some_and(|values| values.split(',').any(|v| v == value))
}

/// Boundaries are token positions (in the sentence) where the clause changes, over the
/// non-punctuation tokens; clauses are sets of non-punctuation tokens.
fn score_sentence(gold: &Gold, predicted: &[Option<u32>], clauses: &[Clause], first_token: usize) -> ClauseScores {
    let content: Vec<usize> = (0..gold.clause.len()).filter(|&t| gold.clause[t].is_some()).collect();
    let boundaries = |label: &dyn Fn(usize) -> Option<usize>| -> Vec<(usize, usize)> {
        content.windows(2).filter(|pair| label(pair[0]) != label(pair[1])).map(|pair| (pair[1], pair[1])).collect()
    };
    let gold_label = |t: usize| gold.clause[t];
    let predicted_label = |t: usize| predicted[t].map(|c| c as usize);
    let mut score = ClauseScores {
        sentences: 1,
        boundaries: Score::of_spans(boundaries(&gold_label), boundaries(&predicted_label)),
        ..ClauseScores::default()
    };
    let sets = |label: &dyn Fn(usize) -> Option<usize>| {
        let mut sets: HashMap<usize, Vec<usize>> = HashMap::new();
        for &t in &content {
            if let Some(clause) = label(t) {
                sets.entry(clause).or_default().push(t);
            }
        }
        sets
    };
    let gold_sets = sets(&gold_label);
    let predicted_sets = sets(&predicted_label);
    let by_tokens: HashMap<&Vec<usize>, usize> = predicted_sets.iter().map(|(&clause, set)| (set, clause)).collect();
    score.clauses = Score { matched: 0, predicted: predicted_sets.len(), gold: gold_sets.len() };
    for (head, set) in &gold_sets {
        let Some(&clause) = by_tokens.get(set) else { continue };
        score.clauses.matched += 1;
        let (kind, verb) = gold.heads.get(head).copied().unwrap_or((ClauseKind::Main, None));
        if clauses[clause].kind == kind {
            score.kinds_right += 1;
        }
        if let Some(verb) = verb {
            score.verbs += 1;
            if clauses[clause].verb.is_some_and(|v| v as usize == first_token + verb) {
                score.verbs_right += 1;
            }
        }
    }
    score
}

/// A sentence with its gold and predicted clauses, each run of a clause in brackets.
fn describe_error(sentence: &TreebankSentence, gold: &Gold, predicted: &[Option<u32>], clauses: &[Clause]) -> String {
    let render = |label: &dyn Fn(usize) -> Option<String>| {
        let mut out = String::new();
        let mut current: Option<String> = None;
        for (index, token) in sentence.tokens.iter().enumerate() {
            let this = label(index);
            if this.is_some() && this != current {
                if current.is_some() {
                    out.push_str("] ");
                }
                let _ = write!(out, "[{} ", this.as_deref().unwrap_or(""));
                current = this;
            } else {
                out.push(' ');
            }
            out.push_str(&token.form);
        }
        if current.is_some() {
            out.push(']');
        }
        out
    };
    let gold_line = render(&|t| {
        gold.clause[t].map(|head| format!("{}{head}", gold.heads.get(&head).map_or("main", |h| h.0.as_str())))
    });
    let predicted_line = render(&|t| {
        let punct = gold.clause[t].is_none();
        predicted[t].filter(|_| !punct).map(|c| format!("{}{c}", clauses[c as usize].kind.as_str()))
    });
    format!("gold: {gold_line}\n      pred: {predicted_line}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TreebankToken;

    /// `Er sagte , dass sie kam .` with its tree: a subordinate clause under the root.
    fn sentence() -> TreebankSentence {
        let rows = [
            ("Er", "PRON", "", 2, "nsubj"),
            ("sagte", "VERB", "VerbForm=Fin", 0, "root"),
            (",", "PUNCT", "", 6, "punct"),
            ("dass", "SCONJ", "", 6, "mark"),
            ("sie", "PRON", "", 6, "nsubj"),
            ("kam", "VERB", "VerbForm=Fin", 2, "ccomp"),
            (".", "PUNCT", "", 2, "punct"),
        ];
        let tokens = rows
            .iter()
            .enumerate()
            .map(|(index, &(form, upos, feats, head, deprel))| TreebankToken {
                form: form.to_owned(),
                words: vec![TreebankWord {
                    id: index + 1,
                    form: form.to_owned(),
                    lemma: form.to_lowercase(),
                    upos: upos.to_owned(),
                    xpos: String::new(),
                    feats: feats.split_once('=').map(|(n, v)| (n.to_owned(), v.to_owned())).into_iter().collect(),
                    head,
                    deprel: deprel.to_owned(),
                }],
            })
            .collect();
        TreebankSentence { text: "Er sagte, dass sie kam.".to_owned(), tokens }
    }

    #[test]
    fn gold_clauses_follow_the_clausal_relations_and_leave_punctuation_out() {
        let gold = gold_clauses(&sentence());
        assert_eq!(gold.clause, [Some(2), Some(2), None, Some(6), Some(6), Some(6), None]);
        assert_eq!(gold.heads[&6], (ClauseKind::Subordinate, Some(5)));
        assert_eq!(gold.heads[&2], (ClauseKind::Main, Some(1)));
    }

    #[test]
    fn a_boundary_lies_where_the_clause_changes() {
        let gold = gold_clauses(&sentence());
        let clause = |tokens: Vec<u32>, kind: ClauseKind, verb: u32| Clause {
            sentence: 0,
            kind,
            tokens,
            introducer: None,
            verb: Some(verb),
            verb_tokens: vec![verb],
            lemma: None,
            arguments: Vec::new(),
            passive: false,
            parent: None,
        };
        let clauses =
            [clause(vec![0, 1, 6], ClauseKind::Main, 1), clause(vec![2, 3, 4, 5], ClauseKind::Subordinate, 5)];
        let predicted = token_clauses(&clauses, 7);
        let score = score_sentence(&gold, &predicted, &clauses, 0);
        assert_eq!(score.boundaries, Score { matched: 1, predicted: 1, gold: 1 });
        assert_eq!(score.clauses, Score { matched: 2, predicted: 2, gold: 2 });
        assert_eq!((score.kinds_right, score.verbs, score.verbs_right), (2, 2, 2));
        // One clause for the whole sentence: the boundary is missed.
        let whole = [clause((0..7).collect(), ClauseKind::Main, 1)];
        let score = score_sentence(&gold, &token_clauses(&whole, 7), &whole, 0);
        assert_eq!(score.boundaries, Score { matched: 0, predicted: 0, gold: 1 });
    }
}
