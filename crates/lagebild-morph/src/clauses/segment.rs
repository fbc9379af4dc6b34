//! Assigns every token of a sentence to a clause in one pass from left to right.
//!
//! A stack holds the open clauses; the sentence starts with a main clause. Subordinators,
//! relative and interrogative pronouns, `um`/`to` open a clause on top. A verb goes to the
//! clause on top if it fits there (its first finite verb, an auxiliary's participle or
//! infinitive, the verb-final cluster of a German subordinate clause); a German verb-final
//! clause closes after its finite verb; an English subordinate clause closes when its parent
//! still waits for its verb; a finite verb that finds the clause on top complete starts a
//! new clause at the last comma or conjunction before it (reported speech, coordination), or,
//! without one, before its subject. Tokens are reassigned only over the short stretch
//! between the previous verb and the new one, so the pass stays linear.

use lagebild_doc::{ClauseKind, Lang};

use super::View;
use lagebild_resources::{ClauseWordClass, LangResources};

use super::words::{Pos, Word, flag};

/// Clauses nest no deeper: past this, introducers are read as plain words.
const MAX_DEPTH: usize = 24;
/// How far back an English auxiliary reaches for its participle or infinitive (`has not yet been`).
const MAX_AUXILIARY_GAP: usize = 6;

/// A clause while its sentence is read. Positions are indices into the sentence's tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Open {
    pub(crate) kind: ClauseKind,
    pub(crate) parent: Option<u32>,
    pub(crate) introducer: Option<u32>,
    pub(crate) finite: Option<u32>,
    /// The clause has a verb whose lemma is not an auxiliary or modal.
    pub(crate) lexical: bool,
    pub(crate) has_verb: bool,
    pub(crate) last_verb: Option<u32>,
    /// A German verb-final clause (subordinate, relative, infinitive).
    pub(crate) verb_final: bool,
    /// A verb-final clause whose finite verb (or zu-infinitive) has come: it ends at the next
    /// punctuation, conjunction or introducer.
    pub(crate) complete: bool,
    /// Tokens other than introducers and punctuation.
    content: u32,
    nominal_seen: bool,
    /// Whether a noun phrase stood before the finite verb (else the subject may follow it).
    pub(crate) nominal_before_finite: bool,
    /// The clause this one was split off after punctuation (`…, sagte er`).
    pub(crate) split_from: Option<u32>,
    /// The first position ever given to the clause: scans back stop there.
    start: u32,
    /// Its first verb whose lemma is not an auxiliary, and its first separable particle.
    main_verb: Option<u32>,
    particle: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// Punctuation between the previous verb and this one.
    Punct,
    /// A coordinating conjunction and no punctuation.
    Conj,
    /// Neither: the new clause starts at its subject.
    None,
}

/// The owner of a token not read yet.
const UNASSIGNED: u32 = u32::MAX;

/// Bits of the look-ahead table.
const VERB_AFTER: u8 = 1;
const VERB_BEFORE_PUNCT: u8 = 1 << 1;
/// A zu-infinitive follows before the next finite verb.
const ZU_BEFORE_FINITE: u8 = 1 << 2;

/// The reusable state of the pass; buffers keep their capacity from sentence to sentence.
#[derive(Debug)]
pub(crate) struct Segmenter<'r> {
    doc: View<'r>,
    lang: Lang,
    pub(crate) resources: &'r LangResources,
    /// The document position of the sentence's first token.
    pub(crate) first: usize,
    pub(crate) words: Vec<Word>,
    pub(crate) owner: Vec<u32>,
    pub(crate) clauses: Vec<Open>,
    stack: Vec<u32>,
    ahead: Vec<u8>,
    next_punct: Vec<u32>,
    last_verb_any: Option<u32>,
    /// The last clause closed, and the token that closed it.
    last_closed: Option<(u32, u32)>,
    buffer: String,
}

impl<'r> Segmenter<'r> {
    pub(crate) fn new(doc: View<'r>, lang: Lang, resources: &'r LangResources) -> Segmenter<'r> {
        Segmenter {
            doc,
            lang,
            resources,
            first: 0,
            words: Vec::new(),
            owner: Vec::new(),
            clauses: Vec::new(),
            stack: Vec::new(),
            ahead: Vec::new(),
            next_punct: Vec::new(),
            last_verb_any: None,
            last_closed: None,
            buffer: String::new(),
        }
    }

    /// Runs over `self.words` (the sentence's tokens from `self.first`, filled by the caller)
    /// and fills `owner` and `clauses`.
    pub(crate) fn run(&mut self) {
        let n = self.words.len();
        self.mark_zu_infinitives();
        self.look_ahead();
        self.owner.clear();
        self.owner.resize(n, UNASSIGNED);
        self.clauses.clear();
        self.stack.clear();
        self.last_verb_any = None;
        self.last_closed = None;
        self.open(ClauseKind::Main, None, None);
        for i in 0..n {
            let word = self.words[i];
            if word.is_verb() {
                self.verb(i);
            } else if word.has(flag::PARTICLE) {
                if self.before_noun_phrase(i) || self.punctuation_since_verb(i) {
                    // No particle: the description of the clause must not join it either.
                    self.words[i].flags &= !flag::PARTICLE;
                    self.other(i);
                } else {
                    self.particle(i);
                }
            } else {
                self.other(i);
            }
        }
        self.trailing_punctuation();
    }

    /// The lemma of the token at sentence position `i`, else its form.
    fn lemma(&self, i: usize) -> &'r str {
        let token = &self.doc.tokens[self.first + i];
        token.lemma.as_deref().unwrap_or_else(|| self.doc.slice(token.range))
    }

    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    fn de(&self) -> bool {
        self.lang == Lang::De
    }

    fn top(&self) -> u32 {
        *self.stack.last().expect("the main clause stays on the stack")
    }

    fn open(&mut self, kind: ClauseKind, parent: Option<u32>, introducer: Option<u32>) -> u32 {
        let id = self.clauses.len() as u32;
        let verb_final =
            self.de() && matches!(kind, ClauseKind::Subordinate | ClauseKind::Relative | ClauseKind::Infinitive);
        self.clauses.push(Open {
            kind,
            parent,
            introducer,
            finite: None,
            lexical: false,
            has_verb: false,
            last_verb: None,
            verb_final,
            complete: false,
            content: 0,
            nominal_seen: false,
            nominal_before_finite: false,
            split_from: None,
            start: u32::MAX,
            main_verb: None,
            particle: None,
        });
        self.stack.push(id);
        id
    }

    fn pop(&mut self, at: usize) {
        if self.stack.len() > 1 {
            let closed = self.stack.pop().expect("checked");
            self.last_closed = Some((closed, at as u32));
        }
    }

    fn assign(&mut self, i: usize, clause: u32) {
        self.owner[i] = clause;
        let word = self.words[i];
        let open = &mut self.clauses[clause as usize];
        open.start = open.start.min(i as u32);
        if !word.is_punct() {
            open.content += 1;
        }
        if matches!(word.pos, Pos::Noun | Pos::Propn | Pos::Num)
            || (word.pos == Pos::Pron && !word.has(flag::RELATIVE | flag::INTERROGATIVE))
        {
            open.nominal_seen = true;
        }
    }

    /// Gives verb `i` to `clause`.
    fn take(&mut self, i: usize, clause: u32) {
        self.owner[i] = clause;
        let word = self.words[i];
        let open = &mut self.clauses[clause as usize];
        open.start = open.start.min(i as u32);
        open.content += 1;
        open.has_verb = true;
        open.last_verb = Some(i as u32);
        open.lexical |= word.is_lexical_verb();
        if word.is_lexical_verb() && open.main_verb.is_none() {
            open.main_verb = Some(i as u32);
        }
        if word.is_finite() && open.finite.is_none() {
            open.finite = Some(i as u32);
            open.nominal_before_finite = open.nominal_seen;
        }
        self.last_verb_any = Some(i as u32);
    }

    fn reassign(&mut self, from: usize, to: usize, clause: u32) {
        for owner in &mut self.owner[from..to] {
            *owner = clause;
        }
        if from < to {
            let open = &mut self.clauses[clause as usize];
            open.start = open.start.min(from as u32);
        }
    }

    /// Whether a verb occurs after position `i` of the sentence.
    fn verb_after(&self, i: usize) -> bool {
        self.ahead[i] & VERB_AFTER != 0
    }

    /// Flags infinitives right after the particle `zu`/`to`... only German ones: an English
    /// `to`-infinitive opens its clause at `to`.
    fn mark_zu_infinitives(&mut self) {
        if !self.de() {
            return;
        }
        for i in 1..self.words.len() {
            let previous = self.words[i - 1];
            if self.words[i].has(flag::INFINITIVE)
                && previous.pos == Pos::Part
                && previous.is(ClauseWordClass::InfinitiveParticle)
            {
                self.words[i].flags |= flag::ZU_INFINITIVE;
            }
        }
    }

    fn look_ahead(&mut self) {
        let n = self.words.len();
        self.ahead.clear();
        self.ahead.resize(n, 0);
        self.next_punct.clear();
        self.next_punct.resize(n, n as u32);
        let (mut verb_after, mut verb_before_punct, mut zu_before_finite) = (false, false, false);
        let mut next_punct = n as u32;
        for i in (0..n).rev() {
            let mut bits = 0;
            bits |= if verb_after { VERB_AFTER } else { 0 };
            bits |= if verb_before_punct { VERB_BEFORE_PUNCT } else { 0 };
            bits |= if zu_before_finite { ZU_BEFORE_FINITE } else { 0 };
            self.ahead[i] = bits;
            self.next_punct[i] = next_punct;
            let word = self.words[i];
            if word.is_verb() {
                verb_after = true;
                verb_before_punct = true;
                if word.is_finite() {
                    zu_before_finite = false;
                }
                zu_before_finite |= word.has(flag::ZU_INFINITIVE);
            }
            if word.has(flag::CLAUSE_PUNCT) {
                verb_before_punct = false;
                next_punct = i as u32;
            }
        }
    }

    /// Whether a clause below the top still waits for its finite verb.
    fn ancestor_lacks_finite(&self) -> bool {
        let below = &self.stack[..self.stack.len() - 1];
        below.iter().any(|&c| {
            let open = &self.clauses[c as usize];
            open.finite.is_none() && open.kind != ClauseKind::Infinitive
        })
    }

    /// Where a clause whose verb is at `i` begins: at the last punctuation after the previous
    /// verb (with the punctuation and conjunctions right before it), else at the last
    /// conjunction, else at the noun phrase right before the verb.
    fn split_start(&self, i: usize) -> (usize, Marker) {
        let floor = self.floor();
        let conj = |word: Word| word.pos == Pos::Cconj && !word.is(ClauseWordClass::Comparative);
        // German after a right bracket (`hat … gesehen`, `traf … ein`): what follows is the
        // new clause's first field, so it starts at the first marker.
        let after_bracket = self.de()
            && self.last_verb_any.is_some_and(|v| !self.words[v as usize].is_finite())
            && self.clauses[self.top() as usize].finite.is_some();
        if after_bracket
            && let Some(j) = (floor..i).find(|&j| self.words[j].has(flag::CLAUSE_PUNCT) || conj(self.words[j]))
        {
            let run = (j..i).take_while(|&k| self.words[k].is_marker());
            let marker =
                if run.clone().any(|k| self.words[k].has(flag::CLAUSE_PUNCT)) { Marker::Punct } else { Marker::Conj };
            return (j, marker);
        }
        let mut last_conj = None;
        let mut found = None;
        for j in (floor..i).rev() {
            let word = self.words[j];
            if word.has(flag::CLAUSE_PUNCT) {
                found = Some((j, Marker::Punct));
                break;
            }
            if conj(word) && last_conj.is_none() {
                last_conj = Some(j);
            }
        }
        let found = found.or(last_conj.map(|j| (j, Marker::Conj)));
        if let Some((mut start, marker)) = found {
            while start > floor && self.words[start - 1].is_marker() {
                start -= 1;
            }
            return (start, marker);
        }
        // The subject right before the verb, over adverbs (`I strongly believe`): a pronoun, or a
        // noun phrase back to its determiner. A clitic verb holds its subject (`we'll`).
        let mut start = i;
        while start > floor && matches!(self.words[start - 1].pos, Pos::Adv | Pos::Part) {
            start -= 1;
        }
        if self.words[i].has(flag::CLITIC) {
            return (start, Marker::None);
        }
        let adverbs = start;
        if start > floor && self.words[start - 1].pos == Pos::Pron && !self.words[start - 1].has(flag::RELATIVE) {
            start -= 1;
        } else {
            while start > floor && self.words[start - 1].is_nominal() && !self.words[start - 1].has(flag::RELATIVE) {
                start -= 1;
                if matches!(self.words[start].pos, Pos::Det | Pos::Pron) {
                    break;
                }
            }
        }
        (if start == adverbs { i } else { start }, Marker::None)
    }

    /// Whether only adverbs and particles (`not`), or after an inverted finite verb a noun
    /// phrase (`did he say`), stand between the clause's last verb and `i`.
    fn contiguous(&self, clause: u32, i: usize) -> bool {
        let open = &self.clauses[clause as usize];
        let Some(last) = open.last_verb else { return false };
        let gap = (last as usize + 1)..i;
        if gap.len() > MAX_AUXILIARY_GAP {
            return false;
        }
        let inverted = open.finite.is_some() && !open.nominal_before_finite;
        self.words[gap].iter().all(|word| {
            matches!(word.pos, Pos::Adv | Pos::Other)
                || (word.pos == Pos::Part && !word.is(ClauseWordClass::InfinitiveParticle))
                || (inverted && word.is_nominal())
        })
    }

    /// Whether the main verb of `clause` (joined to its particle) is a reporting verb.
    fn reporting(&mut self, clause: u32) -> bool {
        let open = &self.clauses[clause as usize];
        let (verb, particle) = (open.main_verb.map(|v| v as usize), open.particle.map(|p| p as usize));
        let Some(verb) = verb.filter(|&v| self.owner[v] == clause) else { return false };
        if self.words[verb].is(ClauseWordClass::Reporting) && particle.is_none() {
            return true;
        }
        let (Some(particle), true) = (particle, self.de()) else { return false };
        let (particle, verb) = (self.lemma(particle), self.lemma(verb));
        self.buffer.clear();
        self.buffer.extend(particle.chars().flat_map(char::to_lowercase));
        self.buffer.push_str(verb);
        self.resources.clause_words.get(&self.buffer).is_some_and(|words| words.has(ClauseWordClass::Reporting))
    }

    fn verb(&mut self, i: usize) {
        let word = self.words[i];
        loop {
            let top = self.top();
            let open = self.clauses[top as usize];
            let nested = self.stack.len() > 1;
            if word.is_finite() {
                if open.verb_final {
                    // `kommen könnten`: an auxiliary right after the verb that seemed to end
                    // the clause, and ending it itself, closes the verb cluster instead.
                    let cluster = open.finite.is_some()
                        && open.kind != ClauseKind::Infinitive
                        && open.last_verb.is_some_and(|last| last as usize + 1 == i)
                        && word.classes.is_auxiliary()
                        && self.verb_ends_clause(i);
                    if cluster {
                        self.take(i, top);
                        self.clauses[top as usize].finite = Some(i as u32);
                        return;
                    }
                    if nested && (open.kind == ClauseKind::Infinitive || open.finite.is_some()) {
                        self.pop(i);
                        continue;
                    }
                    if nested && open.kind == ClauseKind::Relative && !self.verb_ends_clause(i) {
                        // `…, die will keiner haben`: a demonstrative in verb-second order.
                        self.dissolve(top, i);
                        continue;
                    }
                    self.take(i, top);
                    self.clauses[top as usize].complete = true;
                    return;
                }
                if let Some((closed, at)) = self.closed_coordination(i) {
                    // `wenn sie kommen und viele gehen`: a second verb-final clause.
                    let (kind, parent) = (self.clauses[closed as usize].kind, self.clauses[closed as usize].parent);
                    let clause = self.open(kind, parent, None);
                    self.reassign(at, i, clause);
                    self.take(i, clause);
                    self.clauses[clause as usize].complete = true;
                    return;
                }
                let non_finite_clause = nested && open.kind == ClauseKind::Infinitive;
                if open.finite.is_none() && !non_finite_clause {
                    // An English verb before punctuation that the tagger left non-finite has a
                    // clause of its own (`"I just cut it short," he said`).
                    if !self.de() && open.has_verb && !nested {
                        let (start, marker) = self.split_start(i);
                        if marker == Marker::Punct {
                            return self.split_finite(i, start, marker);
                        }
                    }
                    self.take(i, top);
                    return;
                }
                if non_finite_clause {
                    // An English to-infinitive or participle clause meets a finite verb.
                    if !open.has_verb {
                        self.pop(i);
                        continue;
                    }
                    let (start, marker) = self.split_start(i);
                    match marker {
                        Marker::Conj => {
                            self.pop(i);
                            continue;
                        }
                        // `Having said that, we …`, `The test conducted on Monday has …`
                        Marker::Punct | Marker::None if self.ancestor_lacks_finite() => {
                            self.pop(i);
                            let parent = self.top();
                            self.reassign(start, i, parent);
                            continue;
                        }
                        _ => return self.split_finite(i, start, marker),
                    }
                }
                // `Don't give`, where the tagger read an imperative as finite.
                let supported = open.last_verb.is_some_and(|v| {
                    let auxiliary = self.words[v as usize];
                    auxiliary.is(ClauseWordClass::SupportAuxiliary) || auxiliary.is(ClauseWordClass::Modal)
                });
                if !self.de() && !open.lexical && supported && self.contiguous(top, i) {
                    self.take(i, top);
                    return;
                }
                if !self.de()
                    && nested
                    && matches!(open.kind, ClauseKind::Subordinate | ClauseKind::Relative)
                    && self.ancestor_lacks_finite()
                {
                    // `When he came she left`, `The man who crossed the border left`: the
                    // parent's verb, with the subject before it unless the parent's subject
                    // stands before a relative clause.
                    let (start, marker) = self.split_start(i);
                    if marker != Marker::Conj {
                        self.pop(i);
                        let parent = self.top();
                        if open.kind != ClauseKind::Relative || marker == Marker::Punct {
                            self.reassign(start, i, parent);
                        }
                        continue;
                    }
                }
                let (start, marker) = self.split_start(i);
                return self.split_finite(i, start, marker);
            }
            // A participle or infinitive.
            if self.de() {
                if open.complete {
                    // Only an infinitive follows the finite verb (`hat kommen wollen`).
                    let cluster =
                        open.last_verb.is_some_and(|last| last as usize + 1 == i) && word.has(flag::INFINITIVE);
                    if nested && !cluster {
                        self.pop(i);
                        continue;
                    }
                    self.take(i, top);
                    return;
                }
                let zu = word.has(flag::ZU_INFINITIVE);
                if open.verb_final {
                    self.take(i, top);
                    if zu && open.kind == ClauseKind::Infinitive {
                        self.clauses[top as usize].complete = true;
                    }
                    return;
                }
                if zu && self.stack.len() < MAX_DEPTH && self.zu_infinitive(i, top) {
                    return;
                }
                if open.finite.is_some()
                    && self.words.get(i + 1).is_some_and(|next| next.is_finite())
                    && self.stack.len() < MAX_DEPTH
                {
                    // `…, aber verkaufen will er es nicht`: the first field of the next clause.
                    let (start, marker) = self.split_start(i);
                    if marker != Marker::None {
                        return self.split_finite(i, start, marker);
                    }
                }
                let bracket = open.last_verb.is_some_and(|v| !self.words[v as usize].is_finite());
                if open.lexical && self.stack.len() < MAX_DEPTH {
                    let (start, marker) = self.split_start(i);
                    match marker {
                        Marker::Conj if bracket => return self.coordinate(i, start),
                        Marker::Punct if word.has(flag::PARTICIPLE) => {
                            let clause = self.open(ClauseKind::Infinitive, Some(top), None);
                            self.reassign(start, i, clause);
                            self.take(i, clause);
                            self.clauses[clause as usize].complete = true;
                            return;
                        }
                        _ => {}
                    }
                }
                self.take(i, top);
                return;
            }
            let punct = self.next_punct[i] as usize;
            if open.finite.is_none()
                && !open.has_verb
                && word.has(flag::PARTICIPLE)
                && open.kind != ClauseKind::Infinitive
                && punct < self.words.len()
                && self.verb_after(punct)
                && self.stack.len() < MAX_DEPTH
            {
                // `Having crossed the border, the troops …`
                let mut start = i;
                while start > self.floor() && self.words[start - 1].is_marker() && self.owner[start - 1] == top {
                    start -= 1;
                }
                let clause = self.open(ClauseKind::Infinitive, Some(top), None);
                self.reassign(start, i, clause);
                self.take(i, clause);
                return;
            }
            let after_noun = i > 0 && matches!(self.words[i - 1].pos, Pos::Noun | Pos::Propn);
            if open.finite.is_none()
                && !open.has_verb
                && word.has(flag::PARTICIPLE)
                && after_noun
                && open.content > 1
                && self.verb_after(i)
                && self.stack.len() < MAX_DEPTH
            {
                // `The report published on Monday says …`: a reduced relative
                // clause before the verb of its parent.
                let clause = self.open(ClauseKind::Infinitive, Some(top), None);
                self.take(i, clause);
                return;
            }
            if (open.kind == ClauseKind::Infinitive || open.finite.is_none()) && !open.has_verb {
                self.take(i, top);
                return;
            }
            if !open.lexical && self.contiguous(top, i) {
                self.take(i, top);
                return;
            }
            if self.stack.len() >= MAX_DEPTH {
                self.take(i, top);
                return;
            }
            let (start, marker) = self.split_start(i);
            let bracket = open.last_verb.is_some_and(|v| !self.words[v as usize].is_finite());
            if marker == Marker::Conj && open.lexical && bracket {
                return self.coordinate(i, start);
            }
            let start = if marker == Marker::Punct { start } else { i };
            let clause = self.open(ClauseKind::Infinitive, Some(top), None);
            self.reassign(start, i, clause);
            self.take(i, clause);
            return;
        }
    }

    /// A German zu-infinitive at `i` in the verb-second clause `top`: opens an infinitive
    /// clause if the matrix clause has a lexical verb (`versucht, … zu lesen`), a comma
    /// before it (`ist bereit, … zu verhandeln`), an adjective (`war schön, … zu sehen`), or no
    /// verb yet (`Das zu finden, war schwer`). The verbs right before `zu` go with it
    /// (`getroffen zu haben`). Says whether it opened one.
    fn zu_infinitive(&mut self, i: usize, top: u32) -> bool {
        let particle =
            (i > 0 && self.words[i - 1].pos == Pos::Part && self.words[i - 1].is(ClauseWordClass::InfinitiveParticle))
                .then(|| i - 1);
        let mut cluster = particle.unwrap_or(i);
        while cluster > 0
            && self.owner[cluster - 1] == top
            && self.words[cluster - 1].is_verb()
            && !self.words[cluster - 1].is_finite()
        {
            cluster -= 1;
        }
        let before = (0..cluster).rev().take(64).find(|&j| self.words[j].is_verbal());
        let floor = before.map_or(0, |j| j + 1);
        let comma = (floor..cluster).find(|&j| self.words[j].has(flag::CLAUSE_PUNCT));
        let adjective = (floor..cluster).any(|j| self.words[j].pos == Pos::Adj);
        let lexical = before.is_some_and(|j| self.words[j].is_lexical_verb());
        if before.is_some() && !(lexical || comma.is_some() || adjective) {
            return false;
        }
        let start = comma.unwrap_or_else(|| {
            // Without a comma: after the matrix subject.
            let subject = (floor..cluster).rev().find(|&j| self.words[j].has(flag::NOMINATIVE));
            // To the end of its noun phrase (nouns are read without case: `die Firma`).
            let mut end = subject.map_or(floor, |j| j + 1);
            while end < cluster && matches!(self.words[end].pos, Pos::Noun | Pos::Propn | Pos::Adj) {
                end += 1;
            }
            end.min(cluster)
        });
        let clause = self.open(ClauseKind::Infinitive, Some(top), particle.map(|p| p as u32));
        for owner in &mut self.owner[start..i] {
            if *owner == top {
                *owner = clause;
            }
        }
        self.clauses[top as usize].last_verb = before.filter(|&j| self.owner[j] == top).map(|j| j as u32);
        let lexical = (cluster..i).any(|j| self.words[j].is_lexical_verb());
        self.take(i, clause);
        let open = &mut self.clauses[clause as usize];
        open.complete = true;
        open.lexical |= lexical;
        true
    }

    /// A clause coordinated with the one on top, which it replaces: `… und sah sie`.
    fn coordinate(&mut self, i: usize, start: usize) {
        let top = self.top();
        let (kind, parent) = (self.clauses[top as usize].kind, self.clauses[top as usize].parent);
        let shared = (!self.words[i].is_finite()).then_some(self.clauses[top as usize].finite).flatten();
        if self.stack.len() > 1 {
            self.stack.pop();
        } else {
            self.stack.clear();
        }
        let clause = self.open(kind, parent, None);
        self.reassign(start, i, clause);
        self.take(i, clause);
        if self.clauses[clause as usize].verb_final && self.words[i].is_finite() {
            self.clauses[clause as usize].complete = true;
        }
        // `hat … gelesen und … gesehen`: the second participle shares the auxiliary.
        if let Some(finite) = shared {
            self.clauses[clause as usize].finite = Some(finite);
        }
    }

    /// A finite verb that finds the clause on top with its own: a new clause from `start`.
    fn split_finite(&mut self, i: usize, start: usize, marker: Marker) {
        let top = self.top();
        if self.stack.len() >= MAX_DEPTH {
            return self.take(i, top);
        }
        let open = self.clauses[top as usize];
        if marker == Marker::Conj {
            return self.coordinate(i, start);
        }
        // A clause a conjunction joins after the comma is the reporter's own, not what the
        // reporting verb reports (`Wir fordern das, und wir werden dabei bleiben`), unless
        // its mood says otherwise (below).
        // Not after a dash, which opens an aside (`sagt - und ich teile das - , dass …`).
        let joined = (start..i).find(|&k| !self.words[k].is_punct()).is_some_and(|k| {
            self.words[k].pos == Pos::Cconj
                && !self.words[k].is(ClauseWordClass::Comparative)
                && k > 0
                && self.lemma(k - 1) == ","
        });
        let reporting = self.reporting(top) && !joined;
        let word = self.words[i];
        // `said the talks in Geneva were over`: reported speech starts right after the verb, or
        // after its object pronoun (`told him he was`).
        let start = if marker == Marker::None && reporting && !self.de() {
            let floor = self.floor();
            let object = self.words[floor].pos == Pos::Pron && self.words[floor].has(flag::ACCUSATIVE | flag::DATIVE);
            if object && floor + 1 < i { floor + 1 } else { floor.min(start) }
        } else {
            start
        };
        let (kind, parent, replace) = if (self.de() && word.has(flag::SUBJUNCTIVE)) || reporting {
            if open.kind == ClauseKind::ReportedSpeech && marker == Marker::Punct && !reporting {
                (ClauseKind::ReportedSpeech, open.parent, true)
            } else {
                (ClauseKind::ReportedSpeech, Some(top), false)
            }
        } else if !self.de()
            && marker == Marker::None
            && start < i
            && start > 0
            && matches!(self.words[start - 1].pos, Pos::Noun | Pos::Propn)
        {
            // `the book he wrote`: a relative clause without pronoun.
            (ClauseKind::Relative, Some(top), false)
        } else if open.kind == ClauseKind::Main {
            (ClauseKind::Main, open.parent, true)
        } else {
            (ClauseKind::Main, Some(top), false)
        };
        if replace {
            if self.stack.len() > 1 {
                self.stack.pop();
            } else {
                self.stack.clear();
            }
        }
        let clause = self.open(kind, parent, None);
        if marker == Marker::Punct {
            self.clauses[clause as usize].split_from = Some(top);
        }
        self.reassign(start, i, clause);
        self.take(i, clause);
    }

    /// Whether the lemma at `i` has `class`, looked up now (for words whose part of speech
    /// [`Word::of`] does not look up, such as adverbs).
    fn is_class(&self, i: usize, class: ClauseWordClass) -> bool {
        let lemma = self.lemma(i);
        let classes = match self.resources.clause_words.get(lemma) {
            Some(classes) => Some(*classes),
            None if lemma.chars().any(char::is_uppercase) => {
                self.resources.clause_words.get(&lemma.to_lowercase()).copied()
            }
            None => None,
        };
        classes.is_some_and(|classes| classes.has(class))
    }

    /// Whether the verb at `i` is the last word of its clause: punctuation, a conjunction, a
    /// verb or the sentence end follows.
    fn verb_ends_clause(&self, i: usize) -> bool {
        self.words
            .get(i + 1)
            .is_none_or(|next| next.is_punct() || matches!(next.pos, Pos::Cconj | Pos::Sconj) || next.is_verbal())
    }

    /// Gives the tokens of the clause on top back to its parent and drops it.
    fn dissolve(&mut self, clause: u32, i: usize) {
        let parent = self.clauses[clause as usize].parent.unwrap_or(0);
        let start = (self.clauses[clause as usize].start as usize).min(i);
        for owner in &mut self.owner[start..i] {
            if *owner == clause {
                *owner = parent;
            }
        }
        self.clauses[parent as usize].content += self.clauses[clause as usize].content;
        self.stack.pop();
    }

    /// Whether the German word at `i` stands before a noun phrase (`binnen zwei Tagen`, `mit
    /// ihm`): a German separable particle closes the clause's verb complex, so a word the
    /// tagger took for one there is a preposition (an English particle may stand before its
    /// verb's object: `picked up the ball`).
    fn before_noun_phrase(&self, i: usize) -> bool {
        self.de() && self.words.get(i + 1).is_some_and(|next| next.is_nominal())
    }

    /// Whether clause punctuation stands between the last verb and the German word at `i`:
    /// a separable particle stays in its verb's clause, so `ab` in `kann ich nur sagen: Hut
    /// ab` is no part of `absagen`.
    fn punctuation_since_verb(&self, i: usize) -> bool {
        self.de()
            && self
                .last_verb_any
                .is_some_and(|verb| self.words[verb as usize + 1..i].iter().any(|word| word.has(flag::CLAUSE_PUNCT)))
    }

    /// A separable particle closes the verb complex of the clause on top.
    fn particle(&mut self, i: usize) {
        while self.stack.len() > 1 && self.clauses[self.top() as usize].complete {
            self.pop(i);
        }
        let top = self.top();
        self.owner[i] = top;
        let open = &mut self.clauses[top as usize];
        open.start = open.start.min(i as u32);
        open.last_verb = Some(i as u32);
        open.particle = open.particle.or(Some(i as u32));
        self.last_verb_any = Some(i as u32);
    }

    fn other(&mut self, i: usize) {
        let word = self.words[i];
        if self.de() {
            let comparison = word.is(ClauseWordClass::Comparative) && self.ahead[i] & VERB_BEFORE_PUNCT == 0;
            let closes = word.is_punct()
                || (matches!(word.pos, Pos::Cconj | Pos::Sconj) && !comparison)
                || word.has(flag::RELATIVE | flag::INTERROGATIVE)
                || word.is(ClauseWordClass::InfinitiveMarker);
            while closes && self.stack.len() > 1 && self.clauses[self.top() as usize].complete {
                self.pop(i);
            }
        } else if word.has(flag::CLAUSE_PUNCT) {
            while self.stack.len() > 1 {
                // A fronted clause ends at the comma before its parent's verb: `When he came,`,
                // `To be honest,`, `Having said that,`.
                let open = &self.clauses[self.top() as usize];
                let done = (open.kind == ClauseKind::Infinitive && open.has_verb)
                    || (matches!(open.kind, ClauseKind::Subordinate | ClauseKind::Relative) && open.finite.is_some());
                let fronted = done && word.has(flag::COMMA) && self.ancestor_lacks_finite() && self.verb_after(i);
                if !fronted {
                    break;
                }
                self.pop(i);
            }
        }
        if self.stack.len() < MAX_DEPTH && self.introduce(i, word) {
            return;
        }
        let top = self.top();
        self.assign(i, top);
    }

    /// Opens a clause at `i` if the word introduces one; says whether it did.
    fn introduce(&mut self, i: usize, word: Word) -> bool {
        let top = self.top();
        let open = self.clauses[top as usize];
        let just_opened = open.content == 0 && open.introducer.is_some() && !open.has_verb;
        let subordinator = (word.pos == Pos::Sconj
            && !word.is(ClauseWordClass::Coordinator)
            && !word.is(ClauseWordClass::InfinitiveMarker)
            && !word.is(ClauseWordClass::InfinitiveParticle))
            || (matches!(word.pos, Pos::Missing | Pos::Other | Pos::Cconj)
                && word.is(ClauseWordClass::Subordinator)
                && !word.is(ClauseWordClass::Comparative));
        if subordinator {
            if just_opened && open.kind == ClauseKind::Subordinate {
                // `so that`, `als ob`: one introducer of two words.
                self.owner[i] = top;
                return true;
            }
            let plain = word.is(ClauseWordClass::Subordinator) && !word.is(ClauseWordClass::Comparative);
            // `mehr als 1.000`, `more than 20`: a comparison of numbers.
            let number = self.words.get(i + 1).is_some_and(|next| next.pos == Pos::Num);
            let verb = if plain {
                self.verb_after(i)
            } else {
                self.ahead[i] & VERB_BEFORE_PUNCT != 0 && !(number && word.is(ClauseWordClass::Comparative))
            };
            if verb {
                let clause = self.open_at(i, ClauseKind::Subordinate, false);
                // `auch wenn`, `so dass`, `even if`: a focus word before the subordinator.
                let mut start = i;
                while start > self.floor()
                    && self.owner[start - 1] == top
                    && i - start < 2
                    && self.is_class(start - 1, ClauseWordClass::SubordinatorPrefix)
                {
                    start -= 1;
                }
                if start < i {
                    self.reassign(start, i, clause);
                    let mut before = start;
                    while before > self.floor() && self.words[before - 1].is_marker() && self.owner[before - 1] == top {
                        before -= 1;
                    }
                    self.reassign(before, start, clause);
                }
                return true;
            }
            return false;
        }
        if self.de()
            && word.is(ClauseWordClass::InfinitiveMarker)
            && word.pos != Pos::Part
            && self.ahead[i] & ZU_BEFORE_FINITE != 0
        {
            self.open_at(i, ClauseKind::Infinitive, false);
            return true;
        }
        if !self.de() && word.is(ClauseWordClass::InfinitiveParticle) && self.infinitive_follows(i) {
            let after_modal = i > 0 && self.words[i - 1].is(ClauseWordClass::Modal);
            if after_modal {
                return false;
            }
            let from = (open.start as usize).min(i);
            let subject_only = open.kind == ClauseKind::Subordinate
                && open.introducer.is_some()
                && !open.has_verb
                && self.owner[from..i].iter().zip(&self.words[from..i]).all(|(&owner, w)| {
                    owner != top || w.is_nominal() || w.is_punct() || w.pos == Pos::Sconj || w.has(flag::INTERROGATIVE)
                });
            if (just_opened || subject_only) && open.kind == ClauseKind::Subordinate {
                // `how to`, `what to`, `for you to`: the clause is an infinitive.
                self.clauses[top as usize].kind = ClauseKind::Infinitive;
                self.owner[i] = top;
                return true;
            }
            let clause = self.open_at(i, ClauseKind::Infinitive, false);
            if i >= 2 {
                let (before, last) = (self.lemma(i - 2), self.lemma(i - 1));
                self.buffer.clear();
                self.buffer.extend(before.chars().flat_map(char::to_lowercase));
                self.buffer.push(' ');
                self.buffer.extend(last.chars().flat_map(char::to_lowercase));
                let marker = self.resources.clause_words.get(&self.buffer);
                if marker.is_some_and(|words| words.has(ClauseWordClass::InfinitiveMarker)) {
                    self.reassign(i - 2, i, clause);
                }
            }
            // `only to fail`
            if i >= 1 && self.owner[i - 1] == top && self.is_class(i - 1, ClauseWordClass::SubordinatorPrefix) {
                self.reassign(i - 1, i, clause);
            }
            return true;
        }
        let pronoun = matches!(word.pos, Pos::Pron | Pos::Det | Pos::Adv);
        if pronoun && word.has(flag::RELATIVE) && self.verb_after(i) {
            let initial = self.stack.len() == 1 && open.content == 0;
            let punct = self.next_punct[i] as usize;
            // `Wer kommt, ist willkommen`: a free relative clause before the main verb.
            let fronted = initial && punct < self.words.len() && self.verb_after(punct);
            // German relative clauses follow a comma (`, der`, `, in dem`): else a demonstrative.
            let mut before = i;
            if before > 0 && self.words[before - 1].pos == Pos::Adp {
                before -= 1;
            }
            let after_comma = before == 0 || self.words[before - 1].is_marker();
            // Without a comma (`die Firmen die das anbieten`): after a noun or verb, with the
            // verb of the clause ahead at its end.
            let bare = before > 0
                && matches!(self.words[before - 1].pos, Pos::Noun | Pos::Propn | Pos::Verb)
                && self.verb_final_ahead(i);
            if (!initial || fronted) && (!self.de() || after_comma || fronted || bare) {
                self.open_at(i, ClauseKind::Relative, true);
                return true;
            }
        }
        if pronoun && word.has(flag::INTERROGATIVE) && self.verb_after(i) {
            let after_punct = i > 0 && self.words[i - 1].has(flag::CLAUSE_PUNCT);
            let embedded = open.finite.is_some()
                || (open.kind == ClauseKind::Infinitive && open.has_verb)
                || (after_punct && open.content > 0);
            let next_is_verb = self.words.get(i + 1).is_some_and(|next| next.is_verb());
            let punct = self.next_punct[i] as usize;
            let fronted = open.finite.is_none()
                && open.content == 0
                && !next_is_verb
                && punct < self.words.len()
                && self.verb_after(punct);
            let bare = self.de() && open.content > 0 && self.verb_final_ahead(i);
            if embedded || fronted || bare {
                self.open_at(i, ClauseKind::Subordinate, false);
                return true;
            }
        }
        false
    }

    /// `…, dass er kam und sie ging`: a German verb-final clause was just closed by a
    /// conjunction, and the finite verb at `i` ends its clause; gives that clause and the
    /// conjunction.
    fn closed_coordination(&self, i: usize) -> Option<(u32, usize)> {
        let (closed, at) = self.last_closed?;
        let at = at as usize;
        let fits = self.de()
            && at >= self.floor()
            && self.words[at].pos == Pos::Cconj
            && self.clauses[closed as usize].verb_final
            && self.clauses[closed as usize].kind != ClauseKind::Infinitive
            && self.verb_ends_clause(i)
            && self.stack.len() < MAX_DEPTH;
        fits.then_some((closed, at))
    }

    /// Whether a German clause starting at `i` ends in its finite verb before any punctuation
    /// (looking at most 40 words ahead).
    fn verb_final_ahead(&self, i: usize) -> bool {
        for j in (i + 1..self.words.len()).take(40) {
            let word = self.words[j];
            if word.has(flag::CLAUSE_PUNCT) {
                return false;
            }
            if word.is_finite() {
                return self.verb_ends_clause(j);
            }
        }
        false
    }

    /// Whether an infinitive follows `to`, over at most two adverbs or particles.
    fn infinitive_follows(&self, i: usize) -> bool {
        for word in self.words.iter().skip(i + 1).take(3) {
            if word.is_verb() {
                return !word.is_finite();
            }
            if !matches!(word.pos, Pos::Adv | Pos::Part) {
                return false;
            }
        }
        false
    }

    /// Opens a clause introduced by the word at `i`, taking along the punctuation and
    /// conjunction before it (and a preposition before a relative pronoun: `, in dem`).
    fn open_at(&mut self, i: usize, kind: ClauseKind, preposition: bool) -> u32 {
        let top = self.top();
        let introducer = self.clauses[top as usize].introducer.map(|t| t as usize);
        let movable = |this: &Self, j: usize| this.owner[j] == top && Some(j) != introducer && j >= this.floor();
        let mut start = i;
        if preposition && start > 0 && self.words[start - 1].pos == Pos::Adp && movable(self, start - 1) {
            start -= 1;
            // `, most of whom`, `, some of which`
            if start > 1
                && matches!(self.words[start - 1].pos, Pos::Det | Pos::Adj | Pos::Num | Pos::Pron)
                && self.words[start - 2].is_marker()
                && movable(self, start - 1)
            {
                start -= 1;
            }
        }
        while start > 0 && self.words[start - 1].is_marker() && movable(self, start - 1) {
            start -= 1;
        }
        let clause = self.open(kind, Some(top), Some(i as u32));
        self.reassign(start, i + 1, clause);
        clause
    }

    /// The first position after the last verb.
    fn floor(&self) -> usize {
        self.last_verb_any.map_or(0, |v| v as usize + 1)
    }

    /// Final punctuation belongs to the outermost clause of the last word.
    fn trailing_punctuation(&mut self) {
        let n = self.words.len();
        let Some(last) = self.words.iter().rposition(|word| !word.is_punct()) else { return };
        let mut root = self.owner[last];
        while let Some(parent) = self.clauses[root as usize].parent {
            root = parent;
        }
        self.reassign(last + 1, n, root);
    }
}
