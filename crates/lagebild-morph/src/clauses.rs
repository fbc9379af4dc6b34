//! Clause analysis over tagged tokens: every sentence split into clauses, each with its
//! kind, introducer, verb complex, lemma, voice, subject and objects, and the clause it is
//! embedded in.
//!
//! The analysis is rules over the tagger's output (part of speech, lemma, `VerbForm`, `Mood`,
//! `Tense`, `Case`, `Number`, `PronType`, `PartType=Vbp`) and the word classes of
//! `resources/<lang>/clause_words.tsv`; it reads no parse tree. One pass from left to right
//! assigns each token to a clause (`segment.rs`), then each clause's tokens are read for
//! its verb complex and arguments (`roles.rs`). A token belongs to at most one clause; in a
//! sentence with a verb every token belongs to one, punctuation included (a comma that
//! opens a clause belongs to it, final punctuation to the outermost clause).
//!
//! Later stages ask:
//! - [`clause_of`]: the clause a token lies in (`am Mittwoch` → the clause of `stattfinden`);
//! - [`modality`]: whether a clause speaks of the future or the past, through a modal, or in
//!   Konjunktiv (`soll … stattfinden` is a modal construction about the future);
//! - the [`Clause`] fields themselves: `kind` `ReportedSpeech` with its `parent` for
//!   claims, `lemma`, `arguments` and `passive` for events.

mod roles;
mod segment;
mod words;

use lagebild_doc::{Clause, ClauseKind, Document, Lang};
use lagebild_resources::{ClauseWordClass, LangResources};

use segment::Segmenter;
use words::{Word, flag};

/// The clauses of every sentence of `doc`, whose tokens carry part of speech, lemma and
/// features. Clauses are sorted by sentence, then by their first token; a `parent` is an
/// index into the returned list. Odd text is not an error: a sentence without a verb has no
/// clause, and tokens that lie in no sentence belong to none.
pub fn clauses(doc: &Document, lang: Lang, resources: &LangResources) -> Vec<Clause> {
    clauses_of(View { text: doc, tokens: &doc.tokens }, lang, resources)
}

/// The text of a document with tagged tokens (the document's own, or others over its text).
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    /// The document, for its text and sentences; its tokens are not read.
    pub(crate) text: &'a Document,
    pub(crate) tokens: &'a [lagebild_doc::Token],
}

impl<'a> View<'a> {
    pub(crate) fn slice(&self, range: lagebild_doc::TextRange) -> &'a str {
        self.text.slice(range)
    }
}

/// [`clauses`] of the tokens of `doc`.
pub(crate) fn clauses_of(doc: View<'_>, lang: Lang, resources: &LangResources) -> Vec<Clause> {
    if lang == Lang::Und {
        return Vec::new();
    }
    // About one clause to five tokens in news text: reserving spares the regrowth.
    let mut out = Vec::with_capacity(doc.tokens.len() / 5 + 1);
    let mut segmenter = Segmenter::new(doc, lang, resources);
    // A wire report's dateline (`Paris – Vor dem Hintergrund …`) is no argument of a clause.
    let mut finisher = Finisher { dateline: doc.text.dateline(), ..Finisher::default() };
    let tokens = doc.tokens;
    let mut next = 0;
    for (index, sentence) in doc.text.sentences.iter().enumerate() {
        while next < tokens.len() && tokens[next].range.start() < sentence.range.start() {
            next += 1;
        }
        let first = next;
        while next < tokens.len() && tokens[next].range.end() <= sentence.range.end() {
            next += 1;
        }
        if first == next {
            continue;
        }
        segmenter.first = first;
        segmenter.words.clear();
        segmenter.words.extend(
            tokens[first..next].iter().map(|token| Word::of(token, || doc.slice(token.range), resources, lang)),
        );
        words::in_context(&mut segmenter.words, &tokens[first..next], doc.text, lang);
        if !segmenter.words.iter().any(|word| word.is_verb()) {
            continue;
        }
        segmenter.run();
        let from = out.len();
        finisher.finish(doc, &segmenter, index as u32, lang, &mut out);
        if lang == Lang::De {
            attach_to_preceding(&mut out, from);
            share_subject(&mut out, from, tokens);
        }
    }
    out
}

/// A German clause that begins with a coordinating conjunction right before its verb and has
/// no subject of its own shares the subject of the clause it is coordinated with: the nearest
/// clause before it at its level (same parent and kind), where that one has a subject (`Die
/// Gewerkschaften kritisierten die Reform und drohten mit Streiks`). Only clauses of one
/// sentence, from `from` on. (In English the same rule gave PolNeAR's claims more wrong
/// sources than right ones, so it is not applied there.)
fn share_subject(clauses: &mut [Clause], from: usize, tokens: &[lagebild_doc::Token]) {
    use lagebild_doc::ArgumentRole;
    let pos = |token: u32| tokens.get(token as usize).and_then(|token| token.pos());
    let mood = |token: u32| tokens.get(token as usize).and_then(|token| token.feature("Mood"));
    let tense = |token: u32| tokens.get(token as usize).and_then(|token| token.feature("Tense"));
    let finite = |token: u32| tokens.get(token as usize).and_then(|token| token.feature("VerbForm")) == Some("Fin");
    let lemma = |token: u32| tokens.get(token as usize).and_then(|token| token.lemma());
    let case = |token: u32| tokens.get(token as usize).and_then(|token| token.feature("Case"));
    let number = |token: u32| tokens.get(token as usize).and_then(|token| token.feature("Number"));
    for index in from..clauses.len() {
        let clause = &clauses[index];
        // The conjunction, over a comma before it (`…, und drohten`).
        let Some(&conjunction) = clause.tokens.iter().find(|&&token| pos(token) != Some("PUNCT")) else { continue };
        let Some(verb) = clause.verb else { continue };
        if pos(conjunction) == Some("CCONJ") && verb != conjunction + 1 {
            elided_auxiliary(clauses, from, index, tokens);
            continue;
        }
        // Without a conjunction, a main clause after a comma whose finite verb comes first and
        // that has no argument of its own is coordinated too (`Wir haben das Ziel im Auge,
        // stellen aber fest, dass …`), where its verb agrees in number with the subject it
        // would share. Not where a noun phrase follows the verb: it may be the subject of a
        // postposed report (`…, kritisiert der Wissenschafter`) that the analysis took for an
        // object.
        let noun_phrase_after_verb = || {
            let mut in_phrase = false;
            clause.tokens.iter().filter(|&&token| token > verb).any(|&token| match pos(token) {
                Some("ADP") => {
                    in_phrase = true;
                    false
                }
                Some("NOUN" | "PROPN" | "PRON") => !std::mem::replace(&mut in_phrase, false),
                _ => false,
            })
        };
        let asyndetic = clause.kind == ClauseKind::Main
            && verb == conjunction
            && finite(verb)
            // (`…, ist nicht bekannt`: a copula after a comma is rather a clause of its own)
            && !matches!(lemma(verb), Some("sein" | "werden"))
            && clause.arguments.is_empty()
            && clause.tokens.first().is_some_and(|&first| first < verb && pos(first) == Some("PUNCT"))
            && !noun_phrase_after_verb();
        let coordinated = (pos(conjunction) == Some("CCONJ") && verb == conjunction + 1) || asyndetic;
        if !coordinated {
            continue;
        }
        // After a conjunction, a subject the tagger gave a case other than the nominative is an
        // object (`und schlossen ihre Webseiten`). After a comma alone any subject stands: the
        // clause may be a postposed report (`…, teilte die Statistik Austria mit`), whose
        // subject the tagger may read in another case.
        let own = clause.arguments.iter().position(|&(role, _)| role == ArgumentRole::Subject);
        if own.is_some_and(|own| asyndetic || !matches!(case(clause.arguments[own].1), Some("Acc" | "Dat" | "Gen"))) {
            continue;
        }
        // After reported speech in the subjunctive, an indicative conjunct with the tense of
        // the reporting clause continues that clause, not the report (`kritisierten, die
        // Maßnahmen seien … und drohten mit Streiks`).
        let reported = (from..index).rev().find(|&other| clauses[other].kind == ClauseKind::ReportedSpeech);
        if let Some(reported) = reported
            && mood(verb) == Some("Ind")
            && clauses[reported].verb.is_some_and(|reported_verb| mood(reported_verb) == Some("Sub"))
            && let Some(reporting) = clauses[reported].parent.map(|parent| parent as usize).filter(|&p| p >= from)
            && clauses[reporting].verb.is_some_and(|reporting_verb| {
                mood(reporting_verb) == Some("Ind") && tense(reporting_verb) == tense(verb)
            })
            && [Some(reported as u32), Some(reporting as u32), clauses[reported].parent].contains(&clause.parent)
        {
            clauses[index].kind = clauses[reporting].kind;
            clauses[index].parent = clauses[reporting].parent;
        }
        let clause = &clauses[index];
        let (parent, kind) = (clause.parent, clause.kind);
        let Some(sibling) =
            (from..index).rev().find(|&other| clauses[other].parent == parent && clauses[other].kind == kind)
        else {
            continue;
        };
        let subject = clauses[sibling].arguments.iter().copied().find(|&(role, _)| role == ArgumentRole::Subject);
        if let Some(subject) = subject
            && (!asyndetic || number(subject.1).is_none_or(|n| number(verb).is_none_or(|v| v == n)))
        {
            if let Some(own) = own {
                clauses[index].arguments[own].0 = ArgumentRole::Object;
            }
            clauses[index].arguments.insert(0, subject);
        }
    }
}

/// A German clause after a coordinating conjunction whose verb complex is a participle or an
/// infinitive alone shares the finite auxiliary or modal of the active clause before it at
/// its level, and with it that clause's subject (`hatten die Rebellen eine Offensive gestartet
/// und mehrere Positionen erobert`): its own noun phrases are objects, whatever case the
/// tagger gave them. Not after a passive, whose second conjunct has a subject of its own
/// (`Die Stadt wurde angegriffen und viele Häuser zerstört`).
fn elided_auxiliary(clauses: &mut [Clause], from: usize, index: usize, tokens: &[lagebild_doc::Token]) {
    use lagebild_doc::ArgumentRole;
    let finite = |token: &u32| tokens.get(*token as usize).and_then(|token| token.feature("VerbForm")) == Some("Fin");
    let clause = &clauses[index];
    // The tagger reads a participle spelt like a present (`zerstört`, `erobert`) as finite: at
    // the end of a coordinated main clause with no subject, or after a plural phrase it cannot
    // agree with, it is a participle (`und die Stadt brennt` is a clause of its own).
    let last = clause
        .tokens
        .iter()
        .rev()
        .copied()
        .find(|&token| tokens.get(token as usize).and_then(|token| token.pos()) != Some("PUNCT"));
    let number = |token: u32| tokens.get(token as usize).and_then(|token| token.feature("Number"));
    let own_subject = clause.arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject).map(|&(_, head)| head);
    let [verb] = clause.verb_tokens.as_slice() else { return };
    let disagrees = number(*verb) == Some("Sing") && own_subject.is_some_and(|head| number(head) == Some("Plur"));
    if clause.kind != ClauseKind::Main || last != Some(*verb) || (finite(verb) && own_subject.is_some() && !disagrees) {
        return;
    }
    let (parent, kind) = (clause.parent, clause.kind);
    let Some(sibling) =
        (from..index).rev().find(|&other| clauses[other].parent == parent && clauses[other].kind == kind)
    else {
        return;
    };
    let sibling = &clauses[sibling];
    // A finite auxiliary or modal with a participle or infinitive (the tagger reads `hatten`
    // now as an auxiliary, now as a verb).
    let non_finite = |token: &u32| {
        matches!(tokens.get(*token as usize).and_then(|token| token.feature("VerbForm")), Some("Part" | "Inf"))
    };
    let auxiliary = sibling.verb_tokens.iter().any(finite) && sibling.verb_tokens.iter().any(non_finite);
    let Some(subject) = sibling.arguments.iter().copied().find(|&(role, _)| role == ArgumentRole::Subject) else {
        return;
    };
    if !auxiliary || sibling.passive {
        return;
    }
    let arguments = &mut clauses[index].arguments;
    let has_object = arguments.iter().any(|&(role, _)| role == ArgumentRole::Object);
    if let Some(own) = arguments.iter().position(|&(role, _)| role == ArgumentRole::Subject) {
        if has_object {
            arguments.remove(own);
        } else {
            arguments[own].0 = ArgumentRole::Object;
        }
    }
    arguments.insert(0, subject);
}

/// German relative and purpose clauses that follow an embedded clause hang from it, not from
/// the clause that embeds both: in `…, nachdem Kim nach Russland gereist ist, um Putin zu
/// Gesprächen zu treffen, bei denen es um Waffen ging` the trip was to meet Putin, and the
/// talks (the relative clause's antecedent, before the extraposed verb) are in the purpose
/// clause. Such a clause takes as parent the embedded clause with a verb that ends right
/// before it, where that one lies inside the clause it hung from. Only clauses of one
/// sentence, from `from` on, are looked at.
fn attach_to_preceding(clauses: &mut [Clause], from: usize) {
    for index in from..clauses.len() {
        let clause = &clauses[index];
        if !matches!(clause.kind, ClauseKind::Relative | ClauseKind::Infinitive) {
            continue;
        }
        let Some(&first) = clause.tokens.iter().min() else { continue };
        // The word before the clause, over its comma and a preposition (`, bei denen`).
        let Some(before) = (first as usize).checked_sub(1) else { continue };
        let Some(owner) = (from..index).find(|&other| clauses[other].tokens.contains(&(before as u32))) else {
            continue;
        };
        let candidate = &clauses[owner];
        let fits = matches!(candidate.kind, ClauseKind::Subordinate | ClauseKind::Infinitive | ClauseKind::Relative)
            && candidate.verb.is_some();
        // Only deeper: the new parent lies inside the old one.
        let mut ancestor = candidate.parent;
        while ancestor.is_some_and(|a| Some(a) != clause.parent && (a as usize) >= from) {
            ancestor = ancestor.and_then(|a| clauses[a as usize].parent);
        }
        let inside = clause.parent.is_some() && ancestor == clause.parent;
        if fits && inside && Some(owner as u32) != clause.parent {
            clauses[index].parent = Some(owner as u32);
        }
    }
}

/// Turns the segmenter's clauses into [`Clause`] records: drops empty clauses, merges a
/// subordinate clause that found no verb into its parent, orders them, and describes each.
#[derive(Debug, Default)]
struct Finisher {
    /// The document's dateline, whose words are no arguments.
    dateline: Option<lagebild_doc::TextRange>,
    /// Local clause → surviving local clause it was merged into (itself if it survives).
    target: Vec<Option<u32>>,
    /// Local clause → index in the output.
    output: Vec<Option<u32>>,
    counts: Vec<u32>,
    sizes: Vec<usize>,
    order: Vec<u32>,
    /// The tokens of each surviving clause, in output order.
    lists: Vec<Vec<u32>>,
    phrases: Vec<roles::Phrase>,
}

impl Finisher {
    fn finish(&mut self, doc: View<'_>, segmenter: &Segmenter<'_>, sentence: u32, lang: Lang, out: &mut Vec<Clause>) {
        let open = &segmenter.clauses;
        let first = segmenter.first;
        self.counts.clear();
        self.counts.resize(open.len(), 0);
        for &owner in &segmenter.owner {
            self.counts[owner as usize] += 1;
        }
        // Parents are opened before their children, so one pass in order resolves merges.
        self.target.clear();
        for (id, clause) in open.iter().enumerate() {
            let resolved_parent = clause.parent.and_then(|p| self.target[p as usize]);
            // A German subordinate or relative clause has a finite verb; else it was none.
            let finite_missing = clause.verb_final && clause.finite.is_none() && clause.kind != ClauseKind::Infinitive;
            let keep = self.counts[id] > 0
                && ((clause.has_verb && !finite_missing) || (id == 0 && clause.kind == ClauseKind::Main));
            let target = if keep {
                Some(id as u32)
            } else if self.counts[id] > 0 {
                resolved_parent.or(Some(id as u32))
            } else {
                resolved_parent
            };
            self.target.push(target);
        }
        // Number the surviving clauses by their first token.
        self.output.clear();
        self.output.resize(open.len(), None);
        self.order.clear();
        for &owner in &segmenter.owner {
            let Some(target) = self.target[owner as usize] else { continue };
            if self.output[target as usize].is_none() {
                self.output[target as usize] = Some((out.len() + self.order.len()) as u32);
                self.order.push(target);
            }
        }
        let base = out.len();
        // The size of each surviving clause: its own tokens and those merged into it.
        self.sizes.clear();
        self.sizes.resize(open.len(), 0);
        for (id, &count) in self.counts.iter().enumerate() {
            if let Some(target) = self.target[id] {
                self.sizes[target as usize] += count as usize;
            }
        }
        self.lists.clear();
        self.lists.extend(self.order.iter().map(|&local| Vec::with_capacity(self.sizes[local as usize])));
        for (position, &owner) in segmenter.owner.iter().enumerate() {
            if let Some(output) = self.target[owner as usize].and_then(|target| self.output[target as usize]) {
                self.lists[output as usize - base].push((first + position) as u32);
            }
        }
        for (rank, &local) in self.order.iter().enumerate() {
            let tokens = std::mem::take(&mut self.lists[rank]);
            let clause = &open[local as usize];
            let introducer = clause
                .introducer
                .filter(|&t| self.target[segmenter.owner[t as usize] as usize] == Some(local))
                .map(|t| (first + t as usize) as u32);
            let context = roles::Sentence {
                doc,
                words: &segmenter.words,
                first,
                lang,
                resources: segmenter.resources,
                dateline: self.dateline,
            };
            let described = roles::describe(&context, &tokens, clause.kind, introducer, &mut self.phrases);
            let parent = self.surviving_parent(open, local);
            out.push(Clause {
                sentence,
                kind: clause.kind,
                tokens,
                introducer,
                verb: described.verb,
                verb_tokens: described.verb_tokens,
                lemma: described.lemma,
                arguments: described.arguments,
                passive: described.passive,
                parent,
            });
        }
        self.postposed_reporting(segmenter, base, out);
    }

    /// The output index of the nearest surviving ancestor other than the clause itself.
    fn surviving_parent(&self, open: &[segment::Open], local: u32) -> Option<u32> {
        let mut parent = open[local as usize].parent;
        while let Some(p) = parent {
            if let Some(target) = self.target[p as usize]
                && target != local
            {
                return self.output[target as usize];
            }
            parent = open[p as usize].parent;
        }
        None
    }

    /// `„Wir kommen“, sagte er` and `Russia attacked, the spokesman said`: a main clause of a
    /// reporting verb split off after a comma makes the clause before it its reported speech.
    fn postposed_reporting(&self, segmenter: &Segmenter<'_>, base: usize, out: &mut [Clause]) {
        for &local in &self.order {
            let clause = &segmenter.clauses[local as usize];
            let (Some(index), Some(from)) = (self.output[local as usize], clause.split_from) else { continue };
            let Some(before) = self.target[from as usize].and_then(|t| self.output[t as usize]) else { continue };
            let (index, before) = (index as usize, before as usize);
            if index < base || before < base || before == index {
                continue;
            }
            let reporting = out[index].verb_tokens.iter().any(|&t| {
                let word = segmenter.words[t as usize - segmenter.first];
                word.is_lexical_verb() && word.is(ClauseWordClass::Reporting)
            }) || out[index].lemma.as_deref().is_some_and(|lemma| is_reporting_lemma(segmenter, lemma));
            let speaker_follows = match segmenter.lang() == Lang::De {
                // Verb first: `sagte er`.
                true => {
                    let finite = out[index].verb;
                    finite.is_some()
                        && out[index].tokens.iter().copied().find(|&t| {
                            !segmenter.words[t as usize - segmenter.first].is_punct()
                                && !segmenter.words[t as usize - segmenter.first].is_marker()
                        }) == finite
                }
                // No object after the verb: `the spokesman said`.
                false => !out[index].arguments.iter().any(|&(role, _)| role == lagebild_doc::ArgumentRole::Object),
            };
            if out[index].kind == ClauseKind::Main
                && out[before].kind == ClauseKind::Main
                && reporting
                && speaker_follows
            {
                let grand = out[before].parent;
                out[before].kind = ClauseKind::ReportedSpeech;
                out[before].parent = Some(index as u32);
                out[index].parent = grand.filter(|&g| g as usize != index);
            }
        }
    }
}

fn is_reporting_lemma(segmenter: &Segmenter<'_>, lemma: &str) -> bool {
    segmenter.resources.clause_words.get(lemma).is_some_and(|words| words.has(ClauseWordClass::Reporting))
}

/// The index of the clause that holds `token` (a position in the document's tokens), if
/// any. `clauses` is what [`clauses`] returned.
pub fn clause_of(clauses: &[Clause], token: u32) -> Option<usize> {
    // Clauses are sorted by their first token; the holder is the last one starting at or
    // before the token, or an enclosing one before it whose tokens have a gap there.
    let after = clauses.partition_point(|clause| clause.tokens.first().is_some_and(|&first| first <= token));
    let sentence = clauses.get(after.checked_sub(1)?)?.sentence;
    (0..after)
        .rev()
        .take_while(|&index| clauses[index].sentence == sentence)
        .find(|&index| clauses[index].tokens.binary_search(&token).is_ok())
}

/// Tense and modality of a clause's verb complex, for dates (past or future?), claims
/// (Konjunktiv?) and events (hypothetical?).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modality {
    /// The modal verb of the complex (`soll`, `kann`, `must`), when another verb goes with it.
    pub modal: Option<u32>,
    /// Ahead of the time of speaking: a future auxiliary with an infinitive (`wird … kommen`,
    /// `will come`, also `würde … kommen`), or a modal in the present with a present
    /// infinitive (`soll … stattfinden`, `must leave`). A modal in the past (`sollte …
    /// stattfinden`) is neither future nor past.
    pub future: bool,
    /// Before it: a past tense (`traf … ein`), a perfect (`hat … getroffen`, `has met`), or a
    /// modal with a perfect infinitive (`soll … angegriffen haben`). Konjunktiv II has the
    /// past tense's forms but is no past (`würden … fortgesetzt`); `hätte … getroffen` is a
    /// perfect.
    pub past: bool,
    /// The finite verb is in Konjunktiv or subjunctive (`habe`, `sei`, `werde`).
    pub subjunctive: bool,
}

/// Reads tense and modality off the verb complex of `clause`.
pub fn modality(doc: &Document, clause: &Clause, resources: &LangResources) -> Modality {
    let verbs: Vec<(u32, Word)> = clause
        .verb_tokens
        .iter()
        .filter_map(|&t| Some((t, doc.tokens.get(t as usize)?)))
        .map(|(t, token)| (t, Word::of(token, || doc.slice(token.range), resources, doc.meta.lang)))
        .filter(|(_, word)| word.is_verb())
        .collect();
    let words: Vec<Word> = verbs.iter().map(|&(_, word)| word).collect();
    let finite = words.iter().find(|word| word.is_finite());
    let several = words.len() > 1;
    let modal = words.iter().position(|word| word.is(ClauseWordClass::Modal)).filter(|_| several);
    let participle = words.iter().any(|word| word.has(flag::PARTICIPLE) && !word.has(flag::PRESENT));
    let perfect_infinitive =
        participle && words.iter().any(|word| word.is(ClauseWordClass::PerfectAuxiliary) && word.has(flag::INFINITIVE));
    let infinitive =
        |except: usize| words.iter().enumerate().any(|(i, word)| i != except && word.has(flag::INFINITIVE));
    let future_auxiliary = words
        .iter()
        .enumerate()
        .any(|(i, word)| word.is(ClauseWordClass::FutureAuxiliary) && word.is_finite() && infinitive(i));
    let modal_present = modal.is_some_and(|m| !words[m].has(flag::PAST) && infinitive(m));
    let future = (future_auxiliary || modal_present) && !perfect_infinitive;
    let perfect = finite.is_some_and(|word| word.is(ClauseWordClass::PerfectAuxiliary)) && participle;
    // Konjunktiv II has the past tense's forms (`würden`, `hätte`) but speaks of no past.
    let simple_past = finite.is_some_and(|word| word.has(flag::PAST) && !word.has(flag::SUBJUNCTIVE))
        && modal.is_none()
        && !future_auxiliary;
    let past = !future && (simple_past || perfect || perfect_infinitive);
    Modality {
        modal: modal.map(|m| verbs[m].0),
        future,
        past,
        subjunctive: finite.is_some_and(|word| word.has(flag::SUBJUNCTIVE)),
    }
}
