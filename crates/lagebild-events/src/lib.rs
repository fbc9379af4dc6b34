//! Events: who did what to whom, when and where, coded in PLOVER (with CAMEO codes).
//!
//! The stage reads tokens (lemma, part of speech, features), clauses, entities, times,
//! quantities and claims, and returns the `events` layer: one event per trigger mention.
//!
//! - **Triggers** are lemmas in `resources/<lang>/event_triggers.tsv`: a clause's verb (its
//!   lemma joins a separable particle, so `traf … ein` matches `eintreffen`) or a noun, German
//!   compounds by their last part (`Waffenlieferungen` → `lieferung`). Each has a CAMEO code
//!   whose PLOVER category, mode and context come from `resources/shared/plover_cameo.tsv`, or
//!   a category of its own; exercises are COOPERATE with several countries, MOBILIZE with one.
//! - **Arguments** come from the clause structure: the subject (a passive's agent) acts; the
//!   objects, and the objects of `an`, `nach`, `gegen`, `to`, `against`, receive; for a noun,
//!   a possessive name (`Lawrows Besuch`, `Russia's invasion`), `von X` or a genitive acts, a
//!   country adjective in the phrase acts (`nordkoreanische Waffenlieferungen`), names inside a
//!   compound act together (`Putin-Kim-Gipfeltreffen`); a definite event noun with no actor
//!   takes those of the event it names again (`die Sanktionen`). Each argument carries its
//!   words, the entity it holds and that entity's actor code.
//! - **When, where, how much**: a time expression of the trigger's clause (or the clause it is
//!   embedded in), else the publication date; the object of a place preposition that names a
//!   place; the clause's quantities.
//! - **Modality**: negated (`nicht`, `kein`, `not`), hypothetical (Konjunktiv II, `könnte`,
//!   `would`), future (a future auxiliary or a modal with a present infinitive, `geplant`; a
//!   future meeting is AGREE, as PLOVER codes it), historical (a pluperfect, `zuvor`); and the
//!   claim whose content holds the trigger, so that a reported event is not the article's.
//!
//! `score` is PLOVER's conflict–cooperation score of the category and mode.

mod lexicon;
pub mod petrarch;

use std::ops::Range;
use std::path::Path;

use lagebild_doc::{
    Arg, ArgumentRole, ClaimConstruction, ClaimId, ClaimKind, Clause, DateSource, Document, EntityType, Event,
    EventType, Lang, QuantityId, Span, TextRange, TimeId,
};
use lagebild_resources::{ResourceError, ResourceFiles};

use lexicon::{Category, Class, Needs, Trigger};
pub use lexicon::{EventWords, Plover};

const EMBEDDED: [(&str, &str); 7] = [
    ("shared/plover_cameo.tsv", include_str!("../../../resources/shared/plover_cameo.tsv")),
    ("shared/plover_scores.tsv", include_str!("../../../resources/shared/plover_scores.tsv")),
    ("de/event_triggers.tsv", include_str!("../../../resources/de/event_triggers.tsv")),
    ("de/event_words.tsv", include_str!("../../../resources/de/event_words.tsv")),
    ("en/event_triggers.tsv", include_str!("../../../resources/en/event_triggers.tsv")),
    ("en/event_words.tsv", include_str!("../../../resources/en/event_words.tsv")),
    ("en/event_triggers_petrarch.tsv", include_str!("../../../resources/en/event_triggers_petrarch.tsv")),
];

/// Everything the events stage knows.
#[derive(Debug, Clone)]
pub struct EventKnowledge {
    plover: Plover,
    de: EventWords,
    en: EventWords,
}

impl EventKnowledge {
    /// The tables compiled into the binary.
    pub fn embedded() -> Result<EventKnowledge, ResourceError> {
        EventKnowledge::load(ResourceFiles::Embedded(&EMBEDDED))
    }

    /// The tables of a directory laid out like `resources/`; files it lacks are the embedded ones.
    pub fn from_dir(dir: &Path) -> Result<EventKnowledge, ResourceError> {
        EventKnowledge::load(ResourceFiles::Dir { dir, embedded: &EMBEDDED })
    }

    fn load(files: ResourceFiles<'_>) -> Result<EventKnowledge, ResourceError> {
        let name = |index: usize| files.label(EMBEDDED[index].0);
        let text = |index: usize| files.read(EMBEDDED[index].0);
        let plover = Plover::load(&name(0), &text(0)?, &name(1), &text(1)?)?;
        let de = EventWords::load(&name(2), &text(2)?, &name(3), &text(3)?, &plover)?;
        let mut en = EventWords::load(&name(4), &text(4)?, &name(5), &text(5)?, &plover)?;
        // PETRARCH's verbs, where the hand-written list has none of the same lemma, as PETRARCH
        // codes them: between coded actors.
        en.add_triggers(&name(6), &text(6)?, &plover, Needs::CodedParticipant)?;
        Ok(EventKnowledge { plover, de, en })
    }

    /// The role nouns of `lang` (lemma, lowercase, and CAMEO sector) that code a group the
    /// text names without its country (`die Polizei`, `the rebels`) with the country of the
    /// article (its dateline's, else the one most of its names belong to). Nouns of several
    /// words are left out: an argument is coded by its head noun.
    pub fn set_role_nouns<'n>(&mut self, lang: Lang, nouns: impl IntoIterator<Item = (&'n str, &'n str)>) {
        let words = match lang {
            Lang::De => &mut self.de,
            Lang::En => &mut self.en,
            Lang::Und => return,
        };
        words.role_sectors = nouns
            .into_iter()
            .filter(|(noun, _)| !noun.contains(' '))
            .map(|(noun, sector)| (noun.into(), sector.into()))
            .collect();
    }

    fn lang(&self, lang: Lang) -> Option<&EventWords> {
        match lang {
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Und => None,
        }
    }
}

/// The events of `doc`, in text order of their triggers. Odd text is not an error.
pub fn events(doc: &Document, knowledge: &EventKnowledge) -> Vec<Event> {
    let Some(words) = knowledge.lang(doc.meta.lang) else { return Vec::new() };
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let mut coder = Coder::new(doc, words, &knowledge.plover);
    let sports = coder.is_sports_report();
    let mut events = Vec::new();
    let mut verb_events = vec![false; doc.clauses.len()];
    for (index, clause) in doc.clauses.iter().enumerate() {
        if let Some(event) = coder.verb_event(index, clause) {
            events.push(event);
            verb_events[index] = true;
        }
    }
    coder.verb_events = verb_events;
    for token in 0..doc.tokens.len() {
        if let Some(event) = coder.noun_event(token) {
            events.push(event);
        }
    }
    for (index, claim) in doc.claims.iter().enumerate() {
        if let Some(event) = coder.denial_event(index, claim) {
            events.push(event);
        }
    }
    // A sports report's events are games' unless courts, police, armed forces, a legislature
    // or an international organisation take part (`Greek prosecutors have charged them`).
    if sports {
        events.retain(|event| {
            event.actors.iter().chain(&event.recipients).any(|arg| arg.code.as_deref().is_some_and(is_authority))
        });
    }
    events.sort_by_key(|event| (event.trigger.range.start(), event.trigger.range.end()));
    events.dedup_by_key(|event| event.trigger.range);
    coder.share_within_clause(&mut events);
    coder.name_again(&mut events);
    events
}

/// How many sentences back an event noun named again looks for its event ([`Coder::name_again`]).
const NAMED_AGAIN_SENTENCES: u32 = 3;

struct Coder<'a> {
    doc: &'a Document,
    words: &'a EventWords,
    plover: &'a Plover,
    lower: lagebild_doc::LowerTokens,
    sentence_tokens: Vec<Range<usize>>,
    sentence_of: Vec<u32>,
    clause_of: Vec<Option<u32>>,
    /// A wire report's dateline (`Kabul – …`): where the report was written, no actor.
    dateline: Option<TextRange>,
    /// The country the article is about, for groups it names without one ([`home_country`]).
    home: Option<String>,
    /// Per token, the noun trigger its lemma or a German compound's last part is, once asked
    /// for ([`Self::noun_trigger`]).
    noun_triggers: Vec<std::cell::OnceCell<Option<&'a Trigger>>>,
    /// Per clause, whether its verb made an event (filled once the verbs are coded): a verb
    /// that is an event only in some sense (`machen` … `verantwortlich`) still carries an
    /// event noun in its other uses (`machte ein Angebot`).
    verb_events: Vec<bool>,
}

impl<'a> Coder<'a> {
    fn new(doc: &'a Document, words: &'a EventWords, plover: &'a Plover) -> Coder<'a> {
        let lower = doc.lowercase_tokens();
        let sentence_tokens = doc.sentence_tokens();
        let sentence_of = doc.token_sentences();
        let clause_of = doc.token_clauses();
        let dateline = doc.dateline();
        let home = home_country(doc, dateline);
        let noun_triggers = (0..doc.tokens.len()).map(|_| std::cell::OnceCell::new()).collect();
        Coder {
            doc,
            words,
            plover,
            lower,
            sentence_tokens,
            sentence_of,
            clause_of,
            dateline,
            home,
            noun_triggers,
            verb_events: Vec::new(),
        }
    }

    /// Whether the document reports on sport, whose attacks, threats, meetings and bans are
    /// games' (`He was very good in attack`, `threatened until the break`, `banned from
    /// competition`), not PLOVER's, unless an authority takes part ([`events`]): it has at least [`SPORTS_WORDS`] different words of class
    /// `sports_word` (`Saison`, `Trainer`, `Bundesliga`; `striker`, `league`, `tournament`),
    /// and at least [`SPORTS_DENSITY`] of them per thousand tokens. Over the labelled news of
    /// ../shared/data/corpus (2026-12-01) this finds 71% of the English sport reports and 61%
    /// of the German ones; of the 375 English and 40 German reports it finds, 14 are not
    /// labelled sport, all of them about sport (a club's shares, a Super Bowl show, a football
    /// video game).
    fn is_sports_report(&self) -> bool {
        let mut seen: Vec<&str> = Vec::new();
        let mut hits = 0usize;
        for token in 0..self.lower.len() {
            let word = &self.lower[token];
            if self.words.is(Class::SportsWord, word) {
                hits += 1;
                if !seen.contains(&word) {
                    seen.push(word);
                }
            }
        }
        seen.len() >= SPORTS_WORDS && hits * 1000 >= SPORTS_DENSITY * self.lower.len()
    }

    /// A definite event noun that names no actor with a code (`die Sanktionen`, `zu der
    /// Kundgebung`, `the ban`) names again an event told before it: the nearest earlier event
    /// of its category and word, else of its category, within [`NAMED_AGAIN_SENTENCES`]
    /// sentences, lends it the actors with a code it names, and its recipients with a code
    /// where the noun names none with one (docs/events.md, rule 13). Not attacks: an article tells of several, and names the places and victims of one more
    /// often than who carried it out (`Die Attacke auf das Krankenhaus`, `bei den Attentaten`
    /// after `den Anschlägen von Brüssel`).
    fn name_again(&self, events: &mut [Event]) {
        for index in 0..events.len() {
            let Some(token) = self.doc.token_at(events[index].trigger.range) else { continue };
            if self.pos(token) != "NOUN" || events[index].actors.iter().any(|arg| arg.code.is_some()) {
                continue;
            }
            let (kind, sentence) = (events[index].event_type, events[index].sentence);
            if kind == EventType::Assault || !self.is_definite(token) {
                continue;
            }
            // The same word first (`die Waffenlieferungen` after `Waffenlieferungen`, whoever
            // the `russische Hilfe` between them came from), then any event of the category.
            let lemma = self.lemma(token);
            let same_word = |e: usize| {
                self.doc.token_at(events[e].trigger.range).is_some_and(|t| {
                    let other = self.lemma(t);
                    other.ends_with(&*lemma) || lemma.ends_with(&*other)
                })
            };
            let Some(earlier) = (0..index)
                .rev()
                .find(|&e| events[e].event_type == kind && same_word(e))
                .or_else(|| (0..index).rev().find(|&e| events[e].event_type == kind))
            else {
                continue;
            };
            if sentence - events[earlier].sentence > NAMED_AGAIN_SENTENCES {
                continue;
            }
            let coded = |args: &[Arg]| -> Vec<Arg> { args.iter().filter(|arg| arg.code.is_some()).cloned().collect() };
            // A noun that is the object of a verb of its category is that verb's event
            // (`hat Sanktionen verhängt`, `imposed sanctions`): the verb's participants.
            let earlier = match self.doc.token_at(events[earlier].trigger.range).and_then(|t| self.clause_of[t]) {
                Some(clause) if coded(&events[earlier].actors).is_empty() => (0..index)
                    .find(|&e| {
                        events[e].event_type == kind && {
                            let first =
                                self.doc.tokens.partition_point(|t| t.range.start() < events[e].trigger.range.start());
                            self.pos(first) == "VERB" && self.clause_of.get(first).copied().flatten() == Some(clause)
                        }
                    })
                    .unwrap_or(earlier),
                _ => earlier,
            };
            let actors = coded(&events[earlier].actors);
            if actors.is_empty() {
                continue;
            }
            if events[index].recipients.iter().all(|arg| arg.code.is_none()) {
                let recipients = coded(&events[earlier].recipients);
                if !recipients.is_empty() {
                    events[index].recipients = recipients;
                }
            }
            events[index].actors = actors;
        }
    }

    /// A passive verb that names no agent, in the clause of an event noun of its category
    /// that does, takes the noun's actors, and lends the noun the victims it names where the
    /// noun names none (`bei einem Angriff der Militärallianz getötet`: the alliance killed;
    /// docs/events.md, rule 18).
    fn share_within_clause(&self, events: &mut [Event]) {
        let coded = |args: &[Arg]| -> Vec<Arg> { args.iter().filter(|arg| arg.code.is_some()).cloned().collect() };
        let any_coded = |args: &[Arg]| args.iter().any(|arg| arg.code.is_some());
        for index in 0..events.len() {
            let Some(token) = self.doc.token_at(events[index].trigger.range) else { continue };
            let Some(clause) = self.clause_of[token] else { continue };
            if self.pos(token) != "VERB"
                || !self.doc.clauses[clause as usize].passive
                || any_coded(&events[index].actors)
            {
                continue;
            }
            let kind = events[index].event_type;
            let noun = (0..events.len()).find(|&other| {
                other != index
                    && events[other].event_type == kind
                    && any_coded(&events[other].actors)
                    && self
                        .doc
                        .token_at(events[other].trigger.range)
                        .is_some_and(|t| self.pos(t) == "NOUN" && self.clause_of[t] == Some(clause))
            });
            let Some(noun) = noun else { continue };
            events[index].actors = coded(&events[noun].actors);
            if !any_coded(&events[noun].recipients) {
                let victims = coded(&events[index].recipients);
                if !victims.is_empty() {
                    events[noun].recipients = victims;
                }
            }
        }
    }

    /// Whether a noun stands after a definite article or demonstrative (class `definite`),
    /// with only adjectives, adverbs and numbers between.
    fn is_definite(&self, token: usize) -> bool {
        let start = self.bounds(token).start;
        (start..token).rev().find(|&t| !matches!(self.pos(t), "ADJ" | "ADV" | "NUM")).is_some_and(|t| {
            self.words.is(Class::Definite, &self.lemma(t)) || self.words.is(Class::Definite, &self.lower[t])
        })
    }

    fn pos(&self, token: usize) -> &str {
        self.doc.tokens.get(token).and_then(|token| token.pos()).unwrap_or("")
    }

    /// The lowercase lemma of a token, its lowercase form where it has none; a copy only where
    /// lowering changes more than the start of the form ([`Document::lowercase_lemma`]).
    fn lemma(&self, token: usize) -> std::borrow::Cow<'_, str> {
        self.doc.lowercase_lemma(&self.lower, token)
    }

    fn range(&self, tokens: &Range<usize>) -> TextRange {
        TextRange::new(self.doc.tokens[tokens.start].range.start(), self.doc.tokens[tokens.end - 1].range.end())
    }

    fn bounds(&self, token: usize) -> Range<usize> {
        self.sentence_tokens.get(self.sentence_of[token] as usize).cloned().unwrap_or(token..token + 1)
    }

    /// A clause whose verb complex's lemma is a trigger.
    fn verb_event(&self, index: usize, clause: &Clause) -> Option<Event> {
        let verb = clause.verb? as usize;
        let lemma = clause.lemma.as_deref().map_or_else(|| self.lemma(verb).into_owned(), str::to_lowercase);
        // A German verb with a particle of repetition is the verb's event again
        // (`öffnete die Grenze wieder`, lemma `wiederöffnen`).
        let lemma = if self.words.verbs.contains_key(&lemma) {
            lemma
        } else {
            (1..lemma.len())
                .filter(|&at| lemma.is_char_boundary(at) && self.words.is(Class::AgainParticle, &lemma[..at]))
                .map(|at| &lemma[at..])
                .find(|rest| self.words.verbs.contains_key(*rest))
                .map_or(lemma.clone(), str::to_owned)
        };
        let trigger = self.words.verbs.get(&lemma)?;
        // A preposition in the clause may give the verb another sense (`zu zehn Jahren Haft
        // verurteilt`: convicted, not condemned). A sense of no event (`agree with him`: an
        // opinion) holds only where the verb has nothing else: no object and no clause of its
        // own (`agreed a settlement with the SEC`, `agreed with the minister to push forward`,
        // `agreed with the authorities that …` are agreements).
        let bare = || {
            !clause.arguments.iter().any(|(role, _)| *role == ArgumentRole::Object)
                && !self.doc.clauses.iter().any(|child| child.parent == Some(index as u32))
        };
        // A verb that is an event only in a sense (class `needs_sense`: `insist on`, `lud zu
        // einem Gespräch`) needs a preposition that opens no date (`insisted on Wednesday that
        // …`), in English right after the verb, adverbs aside (`insisting the party's policies
        // on tax were …`).
        let needs_sense = trigger.needs == Needs::Never;
        let english = self.doc.meta.lang == Lang::En;
        let right_after_verb = |t: usize| {
            (!english
                || (0..t)
                    .rev()
                    .find(|&before| self.pos(before) != "ADV")
                    .is_some_and(|before| self.lemma(before) == lemma))
                && !self.in_time(t + 1)
        };
        let trigger = self
            .words
            .prep_senses
            .get(&lemma)
            .and_then(|senses| {
                clause
                    .tokens
                    .iter()
                    .map(|&t| t as usize)
                    .filter(|&t| self.pos(t) == "ADP" && (!needs_sense || right_after_verb(t)))
                    .find_map(|t| {
                        senses.iter().find(|(preposition, _)| *preposition == self.lower[t]).map(|(_, sense)| sense)
                    })
            })
            .filter(|sense| sense.needs != Needs::Never || bare())
            .unwrap_or(trigger);
        // So may its object, or a passive's subject (`struck a deal`: agreed, not went on
        // strike; `the hostages were released`: freed, whoever freed them); for a verb that is
        // an event only in a sense, any noun or adjective of its clause but the subject
        // (`stärkte dem Kanzler den Rücken`, where the tagger read both as datives; `machte
        // die Rebellen verantwortlich`).
        let object_sense = self.words.object_senses.get(&lemma).and_then(|senses| {
            let subject = clause.arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject).map(|&(_, t)| t);
            let nouns = clause
                .tokens
                .iter()
                .filter(|&&t| needs_sense && Some(t) != subject && matches!(self.pos(t as usize), "NOUN" | "ADJ"))
                .map(|&t| t as usize);
            undergoers(clause).chain(nouns).find_map(|head| {
                let object = self.lemma(head);
                let last = object.rsplit('-').next().unwrap_or(&object);
                senses.iter().find(|(noun, _)| noun == last).map(|(_, sense)| sense)
            })
        });
        let trigger = object_sense.unwrap_or(trigger);
        // A verb whose subject names an event says what became of that event, which is coded
        // by its noun: `eine EU-Strafe droht` (no threat), `Sanktionen wurden verhängt`.
        // Also, for a verb that takes an event as its subject (class `event_subject`: `eine
        // Strafe droht`), an event noun the tagger reads as a nominative where the clause's
        // roles put it elsewhere (`droht Österreich eine EU-Strafe`, the country a bare name).
        let event_subject = self.words.is(Class::EventSubject, &lemma);
        let subject_is_event = clause.arguments.iter().any(|&(role, token)| {
            let token = token as usize;
            (role == ArgumentRole::Subject || event_subject && self.doc.tokens[token].feature("Case") == Some("Nom"))
                && self.pos(token) == "NOUN"
                && self.is_noun_trigger(token)
        });
        // A verb whose passive means something else (`ein Haus sei getroffen worden`: hit, not
        // met) is no trigger there.
        if subject_is_event || (clause.passive && self.words.is(Class::NoPassive, &lemma)) {
            return None;
        }
        // What someone asks, refuses, threatens or agrees to do (`rief Südafrika auf, Bashir
        // zu verhaften`, `weigerte sich, zu verhandeln`) has not happened: PLOVER codes the
        // request, refusal, threat or agreement only.
        // So is a clause of content after a request, threat or promise (`forderte, dass
        // Russland seine Truppen abzieht`); after a rejection it is what is denied.
        let content = clause.kind == lagebild_doc::ClauseKind::Subordinate
            && clause.introducer.is_some_and(|t| self.words.is(Class::ContentConjunction, &self.lower[t as usize]));
        let intended = (clause.kind == lagebild_doc::ClauseKind::Infinitive || content)
            && clause.parent.and_then(|parent| self.doc.clauses.get(parent as usize)).is_some_and(|parent| {
                let lemma = parent.lemma.as_deref().map(str::to_lowercase).unwrap_or_default();
                // (also what someone is urged, persuaded or allowed to do: class `unrealised`)
                (clause.kind == lagebild_doc::ClauseKind::Infinitive
                    && clause
                        .verb
                        .is_some_and(|verb| self.doc.tokens[verb as usize].feature("VerbForm") == Some("Inf"))
                    && self.words.is(Class::Unrealised, &lemma))
                    || self.words.verbs.get(&lemma).is_some_and(|trigger| match trigger.category {
                        Category::Fixed {
                            event_type: EventType::Request | EventType::Threaten | EventType::Agree,
                            ..
                        } => true,
                        Category::Fixed { event_type: EventType::Reject, .. } => !content,
                        _ => false,
                    })
            });
        if intended {
            return None;
        }
        // A request whose clause of content is a question asks something, not for something
        // (class `question_word`: `asked whether the minister knew`, `Asked if he would
        // resign`); nor does a verb of class `not_reflexive` with a reflexive pronoun (`They
        // ask themselves`, `hatte sich verletzt`).
        let question = matches!(trigger.category, Category::Fixed { event_type: EventType::Request, .. })
            && self.doc.clauses.iter().any(|child| {
                child.parent == Some(index as u32)
                    && child.kind == lagebild_doc::ClauseKind::Subordinate
                    && child.introducer.or(child.tokens.first().copied()).is_some_and(|t| {
                        t as usize > verb && self.words.is(Class::QuestionWord, &self.lower[t as usize])
                    })
            });
        // A verb of class `opinion_verb` with no object, whose clause of content after it
        // binds no one to anything (no word of class `binding_modal`), states an opinion
        // (`experts agree that the plan is flawed`; not `agreed that the talks would resume`).
        let opinion = self.words.is(Class::OpinionVerb, &lemma)
            && !clause.arguments.iter().any(|(role, _)| *role == ArgumentRole::Object)
            && self.doc.clauses.iter().any(|child| {
                self.is_content_clause(child, index, true)
                    && child.tokens.first().is_some_and(|&t| t as usize > verb)
                    && !child.tokens.iter().any(|&t| {
                        let t = t as usize;
                        self.words.is(Class::BindingModal, &self.lower[t])
                            || self.words.is(Class::BindingModal, &self.lemma(t))
                    })
            });
        // A verb of class `reflexive_only` is an event only with a reflexive pronoun (`setzte
        // sich für ihn ein`: support; `wurde für Zwecke eingesetzt`: used), or in the sense an
        // object gives it (`das Militär wird eingesetzt`: mobilised).
        let reflexive = self.reflexive_use(clause, &lemma)
            || self.words.is(Class::ReflexiveOnly, &lemma) && !self.has_reflexive(clause) && object_sense.is_none();
        // An object that makes the verb mean something else (class `light_object`: `eine
        // Entscheidung treffen` decides, `meet the concerns` satisfies).
        let light = undergoers(clause).any(|head| self.ends_in(head, Class::LightObject, &lemma));
        if question || opinion || reflexive || light {
            return None;
        }
        // The token of the trigger verb (`traf`), and its particle (`ein`).
        let main = clause
            .verb_tokens
            .iter()
            .rev()
            .map(|&t| t as usize)
            .find(|&t| {
                let own = self.lemma(t);
                !own.is_empty() && lemma.ends_with(&*own)
            })
            .unwrap_or(verb);
        let mut parts: Vec<TextRange> = vec![self.doc.tokens[main].range];
        for &t in &clause.verb_tokens {
            if t as usize != main && self.doc.tokens[t as usize].feature("PartType") == Some("Vbp") {
                parts.push(self.doc.tokens[t as usize].range);
            }
        }
        parts.sort_by_key(|part| part.start());
        let trigger_span = span_of(parts);
        let bounds = self.bounds(main);
        // An event noun is no participant (`ein weiteres Treffen ist geplant`), nor a time
        // (`Vergangene Woche hatten …`).
        let role = |wanted: ArgumentRole| {
            clause
                .arguments
                .iter()
                .filter(move |(role, _)| *role == wanted)
                .map(|&(_, token)| token as usize)
                .filter(|&token| !self.is_noun_trigger(token) && !self.in_time(token))
        };
        let mut actors = Vec::new();
        let mut recipients = Vec::new();
        if clause.passive {
            // Not a `von` that belongs to the noun before it (`während des Besuchs von Papst
            // Franziskus … festgenommen`), unless that noun is a time (`am Montag von der Polizei`).
            // Nor the subject's (`drei Terroristen durch Soldaten … getötet`: the subject
            // undergoes the event and names no owner).
            let attribute = |head: usize| {
                let start = self.phrase(head, &bounds).start;
                start >= bounds.start + 2
                    && self.pos(start - 1) == "ADP"
                    && self.pos(start - 2) == "NOUN"
                    && !self.in_time(start - 2)
                    && !clause.arguments.contains(&(ArgumentRole::Subject, (start - 2) as u32))
            };
            actors.extend(
                role(ArgumentRole::Agent)
                    .filter(|&head| !attribute(head))
                    .flat_map(|head| self.with_conjuncts(head, &bounds)),
            );
            // `nordkoreanische Waffen würden geschickt`: the country adjective of the subject acts.
            if actors.is_empty() {
                for head in role(ArgumentRole::Subject) {
                    actors.extend(self.adjective_actor(&self.phrase(head, &bounds)));
                }
            }
            // The subject of a passive undergoes it (`wurde Pjöngjang angegriffen`), also a
            // group by its role noun (`in Kairo wurden Demonstranten festgenommen`) and a role noun
            // that stands for the actor in its genitive (`ein Kommandant des IS wurde getötet`).
            for head in role(ArgumentRole::Subject) {
                let arg = self.arg(head, &bounds);
                let stands_for = arg.code.is_some() && (self.pos(head) == "PRON" || self.is_role_noun(head));
                // A group of victims only where its sentence says where (`in Syrien sind 65
                // Menschen getötet worden`): the article's country is too weak a guess for them.
                let phrase = self.phrase(head, &bounds);
                let located_group =
                    || self.names_group(head, &bounds) && self.located_country(phrase.start, phrase.end).is_some();
                if (self.names_actor(head) || stands_for || located_group()) && !self.according_source(arg.range) {
                    recipients.push(arg);
                }
            }
        } else {
            for head in role(ArgumentRole::Subject) {
                actors.extend(self.with_conjuncts(head, &bounds));
            }
            for head in role(ArgumentRole::Object).chain(role(ArgumentRole::IndirectObject)) {
                if self.names_actor(head) || self.names_group(head, &bounds) {
                    recipients.extend(self.with_conjuncts(head, &bounds));
                }
            }
            // What a direct object names of an actor is aimed at that actor (`kritisierte den
            // Umgang Israels`).
            if recipients.is_empty() {
                for head in role(ArgumentRole::Object) {
                    if let Some(owner) = self.owner(head, &bounds) {
                        recipients.push(self.owner_arg(owner, &bounds));
                    }
                }
            }
        }
        // An infinitive's actor is the subject of the clause it depends on (`Kim reiste nach
        // Russland, um Putin zu treffen`), or its object after a verb of class
        // `object_control` (`warfen Russland vor, die Ukraine anzugreifen`); not a gerund's
        // (`companies accused of supplying drones, officials said`), nor a subject that names
        // an event (`Lawrows Besuch`).
        // (In the passive the subject is that object: `Hughes was urged to resign`; without an
        // object the subject acts: `asked to leave`.)
        let controller = |parent: &Clause| {
            let lemma = parent.lemma.as_deref().map(str::to_lowercase).unwrap_or_default();
            let subject =
                || parent.arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject).map(|&(_, head)| head);
            if parent.passive || !self.words.is(Class::ObjectControl, &lemma) {
                return subject();
            }
            let objects = || {
                parent
                    .arguments
                    .iter()
                    .filter(|(role, _)| matches!(role, ArgumentRole::IndirectObject | ArgumentRole::Object))
                    .map(|&(_, head)| head)
            };
            let bounds = self.bounds(parent.verb.map_or(0, |verb| verb as usize));
            // An object that names someone (an actor, a group, a name or a pronoun); else the
            // subject, where the object is a thing or a time (`Jedes Mal`).
            objects()
                .find(|&head| self.names_actor(head as usize))
                .or_else(|| {
                    objects().find(|&head| {
                        let head = head as usize;
                        self.names_group(head, &bounds) || matches!(self.pos(head), "PROPN" | "PRON")
                    })
                })
                .or_else(subject)
        };
        if actors.is_empty()
            && matches!(clause.kind, lagebild_doc::ClauseKind::Infinitive)
            && match self.doc.tokens[verb].feature("VerbForm") {
                Some("Inf") => true,
                // A German perfect infinitive (`den Hubschrauber abgeschossen zu haben`).
                Some("Part") => self.doc.meta.lang == Lang::De,
                _ => false,
            }
            && let Some(parent) = clause.parent.map(|parent| &self.doc.clauses[parent as usize])
            && let Some(subject) = controller(parent)
            && !self.words.is(Class::Expletive, &self.lower[subject as usize])
            && !self.phrase(subject as usize, &self.bounds(subject as usize)).any(|t| self.is_noun_trigger(t))
        {
            actors.extend(self.members(subject as usize, &self.bounds(subject as usize)));
        }
        // What is criticised or asked in a clause of its own is aimed at that clause's subject
        // (`bedauerte, dass Israel den Berichterstatter nicht reisen ließ`, `forderte, dass
        // Russland seine Truppen abzieht`).
        if recipients.is_empty()
            && matches!(trigger.category, Category::Fixed { event_type: EventType::Accuse | EventType::Request, .. })
        {
            recipients.extend(self.complement_subject(index));
        }
        let clause_tokens: Vec<usize> = clause.tokens.iter().map(|&t| t as usize).collect();
        let mut partners = Vec::new();
        self.prepositional(&clause_tokens, &bounds, main, &mut actors, &mut recipients, &mut partners);
        actors.append(&mut partners);
        if self.harmless(trigger, main, &clause_tokens, true, Some(index), &bounds) {
            return None;
        }
        Some(self.finish(trigger, trigger_span, main, Some(index), actors, recipients))
            .filter(|event| takes_part(trigger, event))
    }

    /// Whether an ASSAULT names no attack: a clause with a noun of an accident or a disaster
    /// (class `accident`: `bei einem Arbeitsunfall verletzt`, `Der Wirbelsturm tötete …`); for
    /// a verb, an object, or a passive's subject, and for both what `gegen`/`against` (class
    /// `against_prep`) right after it governs, naming a rule, right or other abstract thing (class `abstract_target`: `verletzt das
    /// Völkerrecht`). German compounds count by their last part (`Verkehrsunfall`,
    /// `Auskunftspflicht`).
    fn harmless(
        &self,
        trigger: &Trigger,
        token: usize,
        clause_tokens: &[usize],
        verb: bool,
        clause: Option<usize>,
        bounds: &Range<usize>,
    ) -> bool {
        if !matches!(trigger.category, Category::Fixed { event_type: EventType::Assault, .. }) {
            return false;
        }
        let nominal = |t: usize| matches!(self.pos(t), "NOUN" | "PROPN");
        let accident = |t: usize| nominal(t) && self.ends_in(t, Class::Accident, "");
        let in_clause = if clause_tokens.is_empty() {
            bounds.clone().any(accident)
        } else {
            clause_tokens.iter().any(|&t| accident(t))
        };
        if in_clause {
            return true;
        }
        // What it is aimed at after `gegen`/`against` right after it (`Kampf gegen die
        // Erderwärmung`, `fighting against corporate wrongdoing`).
        let abstract_head = |head: usize| nominal(head) && self.ends_in(head, Class::AbstractTarget, "");
        if let Some(next) = Some(token + 1).filter(|&t| t < bounds.end && self.pos(t) == "ADP")
            && self.words.is(Class::AgainstPrep, &self.lower[next])
            && self.head_after(next, bounds).is_some_and(abstract_head)
        {
            return true;
        }
        let Some(clause) = clause.map(|c| &self.doc.clauses[c]).filter(|_| verb) else { return false };
        undergoers(clause).any(abstract_head)
    }

    /// Whether a token's lemma, or a German compound's last part of four letters or more
    /// after four or more, is a word of `class`; after `before` and a space where `before` is
    /// not empty (`treffen entscheidung`).
    fn ends_in(&self, token: usize, class: Class, before: &str) -> bool {
        let lemma = self.lemma(token);
        let is = |word: &str| {
            if before.is_empty() {
                self.words.is(class, word)
            } else {
                self.words.is(class, &format!("{before} {word}"))
            }
        };
        if is(&lemma) {
            return true;
        }
        self.doc.meta.lang == Lang::De
            && lemma
                .char_indices()
                .skip(4)
                .map(|(index, _)| &lemma[index..])
                .take_while(|suffix| suffix.len() >= 4)
                .any(|suffix| is(suffix.trim_start_matches('-')))
    }

    /// Whether a trigger noun stands in an idiom with the word before it (class `idiom`: `im
    /// Gespräch mit dem STANDARD` is an interview, `ist als Nachfolger im Gespräch` being
    /// considered, `mit Hilfe von` by means of); a compound with a hyphen counts by its last
    /// part (`im APA-Gespräch`).
    fn in_idiom(&self, token: usize) -> bool {
        let Some(before) = token.checked_sub(1) else { return false };
        let lemma = self.lemma(token);
        let last = lemma.rsplit('-').next().unwrap_or(&lemma);
        self.words.is(Class::Idiom, &format!("{} {last}", &self.lower[before]))
    }

    /// Whether an event noun names what is asked for, threatened or promised, which has not
    /// happened and which PLOVER leaves to the request, threat or agreement: outside the
    /// subject of a clause whose verb is one (`drohten mit Streiks`, `für eine Zusammenarbeit
    /// geworben`, `auf die Zusammenarbeit geeinigt`), or after such a noun and its preposition
    /// (`Forderung nach exklusiven Verhandlungen`).
    fn is_asked_for(&self, token: usize) -> bool {
        // What is agreed is no event of its own where it is cooperation, which PLOVER codes as
        // the agreement; agreed sanctions or force are decided (`agreed a package of
        // sanctions`).
        let cooperation = self.noun_trigger(token).is_some_and(|own| {
            matches!(
                own.category,
                Category::Fixed {
                    event_type: EventType::Consult | EventType::Support | EventType::Cooperate | EventType::Aid,
                    ..
                } | Category::ByParticipants { .. }
            )
        });
        let asks = |trigger: &Trigger| match trigger.category {
            Category::Fixed { event_type: EventType::Request | EventType::Threaten, .. } => true,
            Category::Fixed { event_type: EventType::Agree, .. } => cooperation,
            _ => false,
        };
        let bounds = self.bounds(token);
        let start = self.phrase(token, &bounds).start;
        // Not a noun in the genitive of another (`auf eine Verlängerung der Sanktionen
        // geeinigt`: the sanctions are real).
        let adnominal = start > bounds.start && matches!(self.pos(start - 1), "NOUN" | "PROPN");
        if let Some(clause) = self.clause_of[token].map(|c| &self.doc.clauses[c as usize])
            && !adnominal
            && clause
                .lemma
                .as_deref()
                .is_some_and(|lemma| self.words.verbs.get(&lemma.to_lowercase()).is_some_and(asks))
        {
            // Nor where the verb says what became of an event that is its subject (`droht eine
            // EU-Strafe`).
            let subject_is_event = clause.arguments.iter().any(|&(role, head)| {
                role == ArgumentRole::Subject
                    && self.pos(head as usize) == "NOUN"
                    && self.is_noun_trigger(head as usize)
            });
            let in_subject = clause.arguments.iter().any(|&(role, head)| {
                role == ArgumentRole::Subject && self.phrase(head as usize, &bounds).contains(&token)
            });
            // A noun the tagger reads as a nominative is the subject, whatever the clause's
            // roles (`droht Österreich eine EU-Strafe`, the country a bare name).
            let nominative = self.doc.tokens[token].feature("Case") == Some("Nom");
            if !in_subject && !subject_is_event && !nominative {
                return true;
            }
        }
        // A noun of asking, its preposition, and the words of this noun's phrase between.
        start >= bounds.start + 2
            && self.pos(start - 1) == "ADP"
            && self.pos(start - 2) == "NOUN"
            && self.words.nouns.get(&*self.lemma(start - 2)).is_some_and(asks)
    }

    /// The subject of the first clause that depends on clause `index` and says what: a
    /// clause opened by a conjunction of content (class `content_conjunction`: `dass`, `ob`,
    /// `that`) or reported speech; where it names an actor.
    fn complement_subject(&self, index: usize) -> Option<Arg> {
        let child = self.doc.clauses.iter().find(|child| self.is_content_clause(child, index, false))?;
        let head = child.arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject).map(|&(_, t)| t as usize)?;
        let bounds = self.bounds(head);
        (self.pos(head) != "PRON" && self.names_actor(head)).then(|| self.arg(head, &bounds))
    }

    /// A noun whose lemma, or a German compound's last part, is a trigger. A German word the
    /// tagger took for a proper noun counts where no name covers it: every noun is
    /// capitalised, and the tagger reads a rare one as a name (`kamen in Gewahrsam`).
    fn noun_event(&self, token: usize) -> Option<Event> {
        let proper = match self.pos(token) {
            "NOUN" => false,
            "PROPN" if self.doc.meta.lang == Lang::De => true,
            _ => return None,
        };
        let trigger = self.noun_trigger(token)?;
        let trigger = self.modifier_sense(token).or_else(|| self.sentence_sense(token)).unwrap_or(trigger);
        if trigger.needs == Needs::Never {
            return None;
        }
        // The scan of the names last: it runs only for a noun that is a trigger. A proper noun
        // in a name, and any noun inside a name of several words, is part of the name
        // (`Organisation für wirtschaftliche Zusammenarbeit und Entwicklung`).
        let range = self.doc.tokens[token].range;
        if self.doc.entities.iter().any(|entity| {
            overlaps(entity.range, range)
                && (proper || (entity.range.start() < range.start() || range.end() < entity.range.end()))
        }) {
            return None;
        }
        if self.is_asked_for(token) || self.in_idiom(token) || self.modifies_a_noun(token) {
            return None;
        }
        let bounds = self.bounds(token);
        let phrase = self.phrase(token, &bounds);
        let mut actors = Vec::new();
        let mut recipients = Vec::new();
        // Names inside the compound act together (`Putin-Kim-Gipfeltreffen`).
        let range = self.doc.tokens[token].range;
        for (index, entity) in self.doc.entities.iter().enumerate() {
            if range.start() <= entity.range.start() && entity.range.end() <= range.end() && self.is_actor_entity(index)
            {
                actors.push(self.actor_arg(index));
            }
        }
        // A possessive name before it (`Lawrows Besuch`, `Russia's invasion`).
        if let Some(before) = token.checked_sub(1).filter(|&t| t >= bounds.start) {
            // A German name right before a noun without an article is a genitive (`Lawrows`).
            let named = self.doc.entities.iter().any(|entity| overlaps(entity.range, self.doc.tokens[before].range));
            let possessive = self.pos(before) == "PROPN"
                && (self.doc.tokens[before].feature("Case") == Some("Gen")
                    || self.lower[before].ends_with("'s")
                    || (named && self.doc.meta.lang == Lang::De && self.lower[before].ends_with('s')));
            if possessive {
                actors.push(self.arg(before, &bounds));
            }
        }
        actors.extend(self.adjective_actor(&phrase));
        // A possessive determiner (`seine Unterstützung`), also before a list of adjectives
        // (`Ihre prinzipielle und unmissverständliche Unterstützung`).
        let determiner = (bounds.start..phrase.start)
            .rev()
            .find(|&t| !matches!(self.pos(t), "ADJ" | "CCONJ") && &self.lower[t] != ",")
            .filter(|&t| self.pos(t) == "DET");
        let possessive =
            (phrase.start..token).chain(determiner).any(|t| self.words.is(Class::Possessive, &self.lemma(t)));
        // A genitive after it: the actor of most events (`Besuch Lawrows`), the recipient of
        // force (`Invasion der Ukraine`) and of any event whose actor stands before it
        // (`seine Unterstützung der Armee`).
        if let Some(genitive) = self.genitive_after(token, &bounds) {
            // A name with its `-s` is its own argument, not the phrase the tagger may join
            // it to (`die Unterstützung Moskaus` → `Moskaus`).
            let arg = if self.is_genitive_name(genitive) {
                self.owner_arg(genitive, &bounds)
            } else {
                self.arg(genitive, &bounds)
            };
            // Armed forces, rebels or police in the genitive carry the force out (`Angriff der
            // Rebellengruppe ADF`, `Angriff der US-geführten Militärallianz`).
            // Their country's code takes their sector (`der US-geführten Militärallianz` is
            // USAMIL, not the government the adjective alone gives).
            let armed = self.armed_sector(genitive, &arg);
            match &trigger.category {
                _ if possessive || !actors.is_empty() => recipients.push(arg),
                Category::Fixed {
                    event_type: EventType::Assault | EventType::Coerce | EventType::Sanction, ..
                } if armed.is_none() => recipients.push(arg),
                _ => {
                    let mut arg = arg;
                    if let (Some(sector), Some(code)) = (armed, arg.code.as_mut())
                        && (code.len() == 3 || code.len() == 6 && code.ends_with("GOV"))
                    {
                        code.truncate(3);
                        code.push_str(sector);
                    }
                    actors.push(arg);
                }
            }
        }
        // `of` after an English noun of force: its recipient (`invasion of Ukraine`).
        // Not past a conjunction or punctuation: `Waffenlieferungen und russische Hilfe für
        // Nordkorea` gives the aid's recipient, not the deliveries'.
        let after: Vec<usize> = (phrase.end..bounds.end.min(phrase.end + 6))
            .take_while(|&t| !matches!(self.pos(t), "CCONJ" | "PUNCT"))
            .collect();
        // Who takes part with `mit` (`Verhandlungen mit der PSOE`) comes after the actor found
        // otherwise (`hat Podemos Verhandlungen … aufgenommen`).
        let mut partners = Vec::new();
        self.prepositional(&after, &bounds, token, &mut actors, &mut recipients, &mut partners);
        // `zwischen`/`between` and a list after it: the members act together (`Streit zwischen
        // Polen und Russland`, `talks between Seoul and Tokyo`).
        if let Some(&preposition) = after.first().filter(|&&t| self.words.is(Class::BetweenPrep, &self.lower[t]))
            && let Some(head) = self.head_after(preposition, &bounds)
            && self.names_actor(head)
        {
            for arg in self.with_conjuncts(head, &bounds) {
                if !actors.iter().chain(recipients.iter()).any(|known| overlaps(known.range, arg.range)) {
                    actors.push(arg);
                }
            }
        }
        let clause = self.clause_of[token].map(|c| c as usize);
        // A noun outside its clause's subject, where the verb only carries it (`hielten Übungen
        // ab`, `traf zu einem Besuch ein`, `held drills`): the clause's subject acts, each
        // entity in it (`die Marinen Japans und Australiens`). Not where the clause's verb is
        // an event of its own (`wies die Vorwürfe zurück`) or says something else of the
        // event (`betrachte den Krieg als …`).
        let clause_lemma = clause.and_then(|c| self.doc.clauses[c].lemma.as_deref()).map(str::to_lowercase);
        // A verb that is no event with a reflexive pronoun carries the noun then (`lieferten
        // sich Gefechte`).
        let own_event = clause_lemma.as_ref().is_some_and(|lemma| {
            self.words.verbs.get(lemma).is_some_and(|verb| {
                verb.needs != Needs::Never || clause.is_some_and(|c| self.verb_events.get(c).copied().unwrap_or(false))
            }) && !clause.is_some_and(|c| self.reflexive_use(&self.doc.clauses[c], lemma))
        });
        let support = clause_lemma.as_ref().is_some_and(|lemma| self.words.is(Class::SupportVerb, lemma));
        // `dankte Pjöngjang für seine Unterstützung`: with a possessive, an object of the
        // clause before the noun is its actor rather than the subject, also where the verb is
        // an event of its own.
        if actors.is_empty()
            && (!own_event || possessive)
            && let Some(clause) = clause.map(|c| &self.doc.clauses[c])
        {
            let subject = clause
                .arguments
                .iter()
                .find(|(role, _)| *role == ArgumentRole::Subject)
                .map(|&(_, head)| head as usize)
                .filter(|&head| {
                    !own_event && (support || possessive) && !self.words.is(Class::Expletive, &self.lower[head])
                })
                // A third-person possessive (`Ihre Unterstützung`) is not the speaker's (`wir`).
                .filter(|&head| !(possessive && matches!(self.doc.tokens[head].feature("Person"), Some("1" | "2"))));
            let object = clause
                .arguments
                .iter()
                .filter(|(role, head)| {
                    matches!(role, ArgumentRole::Object | ArgumentRole::IndirectObject)
                        && (*head as usize) < phrase.start
                })
                .map(|&(_, head)| head as usize)
                .find(|&head| self.names_actor(head));
            match (possessive, object, subject) {
                (true, Some(object), _) => actors.push(self.arg(object, &bounds)),
                (_, _, Some(subject)) => {
                    let subject_phrase = self.phrase(subject, &bounds);
                    if !subject_phrase.contains(&token) && !phrase.contains(&subject) && !self.in_time(subject) {
                        actors.extend(self.members(subject, &bounds));
                        // And the rest of a list with commas (`die USA und ihre Verbündeten …,
                        // Südkorea und Japan`).
                        for arg in self.conjuncts(subject, &bounds) {
                            if !actors.iter().any(|known| overlaps(known.range, arg.range)) {
                                actors.push(arg);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for arg in partners {
            if !actors.iter().any(|known| overlaps(known.range, arg.range)) {
                actors.push(arg);
            }
        }
        // `seine Unterstützung der russischen Invasion`: where the noun has its actor, a
        // genitive after it that names an action (no actor) is its object, and the action's own
        // actor, a country adjective in the genitive's phrase or a name in the genitive after
        // it (`Ihre Unterstützung des Vorgehens Russlands`), receives the event.
        if recipients.is_empty()
            && (possessive || !actors.is_empty())
            && let Some(action) = self.genitive_head(token, &bounds).filter(|&head| !self.names_actor(head))
        {
            let actor = self.adjective_actor(&self.phrase(action, &bounds)).or_else(|| {
                let name = self.genitive_head(action, &bounds)?;
                let range = self.doc.tokens[name].range;
                let index = self.doc.entities.iter().position(|entity| entity.range.contains_range(range))?;
                self.is_actor_entity(index).then(|| self.actor_arg(index))
            });
            recipients.extend(actor.filter(|arg| !actors.iter().any(|known| overlaps(known.range, arg.range))));
        }
        // A visit's host: the place right after it (`Besuch in Nordkorea`, `visit to Japan`).
        if let Category::Fixed { mode: Some(mode), .. } = &trigger.category
            && mode == "visit"
            && phrase.end < bounds.end
            && self.pos(phrase.end) == "ADP"
        {
            let preposition = &self.lower[phrase.end];
            let host = self.words.is(Class::PlacePrep, preposition) || self.words.is(Class::RecipientPrep, preposition);
            if let Some(head) = self.head_after(phrase.end, &bounds).filter(|&head| host && self.names_actor(head)) {
                let arg = self.arg(head, &bounds);
                if !recipients.iter().any(|known| overlaps(known.range, arg.range)) {
                    recipients.push(arg);
                }
            }
        }
        let clause_tokens: Vec<usize> =
            clause.map(|c| self.doc.clauses[c].tokens.iter().map(|&t| t as usize).collect()).unwrap_or_default();
        if self.harmless(trigger, token, &clause_tokens, false, clause, &bounds) {
            return None;
        }
        Some(self.finish(trigger, Span::continuous(range), token, clause, actors, recipients))
            .filter(|event| takes_part(trigger, event))
    }

    /// A claim that denies earlier claims (`Moskau sagte, Washington habe keine Beweise`) is
    /// a REJECT by its speaker of their speakers, triggered by its cue. PLOVER leaves denials
    /// to the coder and names CAMEO 016, "deny responsibility", as a REJECT.
    fn denial_event(&self, index: usize, claim: &lagebild_doc::Claim) -> Option<Event> {
        if claim.stance != lagebild_doc::Stance::Deny || claim.responds_to.is_empty() {
            return None;
        }
        let speaker = claim.speaker.clone().filter(|speaker| speaker.code.is_some())?;
        let cue = claim.cue.parts.first().copied().unwrap_or(claim.cue.range);
        let token = self.doc.tokens.iter().position(|token| overlaps(token.range, cue))?;
        let mut recipients: Vec<Arg> = Vec::new();
        for answered in &claim.responds_to {
            let Some(other) = self.doc.claims.get(answered.index()).and_then(|other| other.speaker.as_ref()) else {
                continue;
            };
            if other.code.is_some() && !recipients.iter().any(|known| known.code == other.code) {
                recipients.push(other.clone());
            }
        }
        let trigger = Trigger {
            cameo: Some("016".to_owned()),
            category: Category::Fixed { event_type: EventType::Reject, mode: None, context: None },
            place_is_target: false,
            needs: Needs::Nothing,
        };
        let clause = self.clause_of[token].map(|clause| clause as usize);
        let mut event = self.finish(&trigger, claim.cue.clone(), token, clause, vec![speaker], recipients);
        event.claim = Some(ClaimId(index as u32));
        Some(event)
    }

    /// Whether `child` is a clause of content of clause `index`: reported speech, or a
    /// subordinate clause opened by a conjunction of content (class `content_conjunction`:
    /// `dass`, `that`), or by none where `without_conjunction` allows (`agree the plan is …`).
    fn is_content_clause(&self, child: &Clause, index: usize, without_conjunction: bool) -> bool {
        child.parent == Some(index as u32)
            && match child.kind {
                lagebild_doc::ClauseKind::ReportedSpeech => true,
                lagebild_doc::ClauseKind::Subordinate => match child.introducer {
                    Some(t) => self.words.is(Class::ContentConjunction, &self.lower[t as usize]),
                    None => without_conjunction,
                },
                _ => false,
            }
    }

    /// Whether a verb of class `not_reflexive` stands with a reflexive pronoun in its clause
    /// (`hatte sich verletzt`, `lieferten sich Gefechte`, `They ask themselves`): no event.
    fn reflexive_use(&self, clause: &Clause, lemma: &str) -> bool {
        self.words.is(Class::NotReflexive, lemma) && self.has_reflexive(clause)
    }

    /// Whether a clause holds a reflexive pronoun (class `reflexive`: `sich`).
    fn has_reflexive(&self, clause: &Clause) -> bool {
        clause
            .tokens
            .iter()
            .any(|&t| self.pos(t as usize) == "PRON" && self.words.is(Class::Reflexive, &self.lower[t as usize]))
    }

    /// The sense that the word right before a noun trigger gives it (class `modifier_sense`:
    /// `heart attack` none, `phishing attack` and `denial-of-service attacks` cyber attacks,
    /// `hunger strike` and `on strike` protests where `strike` alone is an attack), matched on
    /// the word's lowercase form, its lemma or the part after its last hyphen.
    fn modifier_sense(&self, token: usize) -> Option<&'a Trigger> {
        let words: &'a EventWords = self.words;
        let senses = words.modifier_senses.get(&*self.lemma(token))?;
        let before = token.checked_sub(1).filter(|&t| t >= self.bounds(token).start)?;
        if self.doc.tokens[before].range.end() == self.doc.tokens[token].range.start() {
            return None;
        }
        let form = &self.lower[before];
        let last = form.rsplit('-').next().unwrap_or(form);
        let lemma = self.lemma(before);
        senses.iter().find(|(word, _)| word == form || word == last || *word == *lemma).map(|(_, sense)| sense)
    }

    /// The sense that a word of the noun trigger's sentence gives it (class `sentence_sense`:
    /// `strike` in a sentence with `union`, `workers` or `pension` is a walkout), by the
    /// word's lemma.
    fn sentence_sense(&self, token: usize) -> Option<&'a Trigger> {
        let words: &'a EventWords = self.words;
        let senses = words.sentence_senses.get(&*self.lemma(token))?;
        self.bounds(token).find_map(|t| {
            let lemma = self.lemma(t);
            senses.iter().find(|(word, _)| *word == *lemma).map(|(_, sense)| sense)
        })
    }

    /// Whether a German word tagged PROPN is an event noun that no name covers.
    /// Whether an English event noun modifies the noun after it, which names a kind of thing
    /// (`aid agency`, `attack traffic`, `appeal court`, `protest songs`), not an event; a noun
    /// of class `event_head` after it holds the event (`aid package`, `strike action`).
    fn modifies_a_noun(&self, token: usize) -> bool {
        let next = token + 1;
        self.doc.meta.lang == Lang::En
            && next < self.bounds(token).end
            && self.pos(next) == "NOUN"
            && self.doc.slice(self.doc.tokens[next].range).chars().all(char::is_lowercase)
            && !self.in_time(next)
            && self.doc.tokens[token].range.end() < self.doc.tokens[next].range.start()
            && !self.words.is(Class::EventHead, &self.lemma(next))
    }

    fn is_untagged_event_noun(&self, token: usize) -> bool {
        self.doc.meta.lang == Lang::De
            && self.is_noun_trigger(token)
            && !self.doc.entities.iter().any(|entity| overlaps(entity.range, self.doc.tokens[token].range))
    }

    fn is_noun_trigger(&self, token: usize) -> bool {
        self.noun_trigger(token).is_some()
    }

    /// The noun trigger that token `token`'s lemma is, or a German compound's last part
    /// ([`Self::compound_trigger`]); worked out once per token. A noun of class `not_trigger`
    /// names no event (`Herausforderung`, `Wahlkampf`), nor do its compounds; a form of that
    /// class neither (`aids`).
    fn noun_trigger(&self, token: usize) -> Option<&'a Trigger> {
        *self.noun_triggers[token].get_or_init(|| {
            let lemma = self.lemma(token);
            let words: &'a EventWords = self.words;
            if words.is(Class::NotTrigger, &lemma) {
                return None;
            }
            // A form may be another word than its lemma's (`Aids`, the illness, read as the
            // plural of `aid`).
            words
                .nouns
                .get(&*lemma)
                .or_else(|| self.compound_trigger(&lemma))
                .filter(|_| !words.is(Class::NotTrigger, &self.lower[token]))
        })
    }

    /// `Waffenlieferungen` → the trigger `lieferung`: the longest known last part of a German
    /// compound (at least four letters), or, where it has hyphens, the compound written as one
    /// word where that is a trigger, else the part after its last hyphen. A part never
    /// starts inside `ch`, `sch` or `ck`, which spell one sound (`Gewerkschaft` is no `Haft`),
    /// nor after fewer than four letters, which are a prefix (`Vereinigung` is no `Einigung`),
    /// nor right after an unstressed prefix before a vowel (nor is `Richtervereinigung`). Where
    /// a last part of class `not_trigger` is longer than any trigger found, after any prefix,
    /// the compound is no trigger (`Bundestagswahlkampf`, `Vorwahlkampf`).
    fn compound_trigger(&self, lemma: &str) -> Option<&'a Trigger> {
        if self.doc.meta.lang != Lang::De {
            return None;
        }
        let words: &'a EventWords = self.words;
        if let Some((_, last)) = lemma.rsplit_once('-') {
            // The compound as one word first (`Hacker-Angriff` as `Hackerangriff`).
            if let Some(trigger) = words.nouns.get(&lemma.replace('-', "")) {
                return Some(trigger);
            }
            if words.is(Class::NotTrigger, last) {
                return None;
            }
            if let Some(trigger) = words.nouns.get(last) {
                return Some(trigger);
            }
        }
        // Every part looked for below ends the lemma and has four bytes or more.
        if !words.may_end_a_noun(lemma) {
            return None;
        }
        lemma
            .char_indices()
            .skip(1)
            .find_map(|(index, character)| {
                let (left, suffix) = lemma.split_at(index);
                if suffix.len() < 4 || suffix.len() > words.longest_noun || !words.may_be_a_noun(suffix) {
                    return None;
                }
                // A last part that names no event, after any prefix (`Vorwahlkampf`).
                if words.is(Class::NotTrigger, suffix) {
                    return Some(None);
                }
                // The last two or three letters before a vowel (class `unstressed_prefix`).
                let prefix = || {
                    left.char_indices()
                        .rev()
                        .skip(1)
                        .take(2)
                        .any(|(start, _)| self.words.is(Class::UnstressedPrefix, &left[start..]))
                };
                let boundary = left.chars().nth(3).is_some()
                    && !(left.ends_with('c') && matches!(character, 'h' | 'k'))
                    && !("aeiouäöü".contains(character) && prefix());
                boundary.then(|| words.nouns.get(suffix)).flatten().map(Some)
            })
            .flatten()
    }

    /// Objects of prepositions among `tokens`: `von X` right after `trigger` acts, `an X`/`nach X`/`gegen X`
    /// receive (`gegen X` also where X is a thing of an actor, [`Self::owner`]), `mit X` takes
    /// part (an actor).
    fn prepositional(
        &self,
        tokens: &[usize],
        bounds: &Range<usize>,
        trigger: usize,
        actors: &mut Vec<Arg>,
        recipients: &mut Vec<Arg>,
        partners: &mut Vec<Arg>,
    ) {
        for &token in tokens {
            if self.pos(token) != "ADP" {
                continue;
            }
            let word = &self.lower[token];
            let class = [Class::ActorPrep, Class::RecipientPrep, Class::PartnerPrep]
                .into_iter()
                .find(|&class| self.words.is(class, word));
            let Some(class) = class else { continue };
            // A preposition of a quantity's modifier (`bis zu 2.500 Mitarbeiter`) governs no
            // participant.
            if self.in_quantity_modifier(token) {
                continue;
            }
            // `von`/`by` names the actor only right after a verb or noun of the event, not
            // after an adverb or adjective (`südlich von Seoul`).
            // Nor after another noun, whose owner it names (`die Regierung von Viktor Orban`).
            let after_word = token.checked_sub(1).is_some_and(|t| {
                matches!(self.pos(t), "ADV" | "ADJ") || (t != trigger && matches!(self.pos(t), "NOUN" | "PROPN"))
            });
            if class == Class::ActorPrep && after_word {
                continue;
            }
            let Some(head) = self.head_after(token, bounds) else { continue };
            let arg = match class {
                _ if self.names_actor(head) => self.arg(head, bounds),
                // A group named by its role noun (`gegen prorussische Separatisten`).
                _ if self.names_group(head, bounds) => self.arg(head, bounds),
                Class::RecipientPrep if self.words.is(Class::OwnerPrep, word) => match self.owner(head, bounds) {
                    Some(owner) => self.owner_arg(owner, bounds),
                    None => continue,
                },
                _ => continue,
            };
            if actors
                .iter()
                .chain(recipients.iter())
                .chain(partners.iter())
                .any(|known| overlaps(known.range, arg.range))
            {
                continue;
            }
            // The source of the statement that reports the event takes no part in it
            // (`nach UNO-Angaben`).
            if self.according_source(arg.range) {
                continue;
            }
            match class {
                Class::RecipientPrep => recipients.push(arg),
                Class::PartnerPrep => partners.push(arg),
                _ => actors.push(arg),
            }
        }
    }

    /// The actor whose doing or thing a noun names, where the noun names no one: a genitive
    /// or `von`/`of` right after its phrase that names an actor (`lehnen Pläne von
    /// Innenminister Sobotka ab`, `den Umgang Israels … kritisiert`, `gegen die Politik der
    /// Regierung`). What is rejected, criticised or opposed there is aimed at that actor.
    fn owner(&self, head: usize, bounds: &Range<usize>) -> Option<usize> {
        if !matches!(self.pos(head), "NOUN" | "PROPN") {
            return None;
        }
        if let Some(genitive) = self.genitive_after(head, bounds).filter(|&owner| self.names_actor(owner)) {
            return Some(genitive);
        }
        let after = self.phrase(head, bounds).end.max(head + 1);
        (after < bounds.end && self.pos(after) == "ADP" && self.words.is(Class::ActorPrep, &self.lower[after]))
            .then(|| self.head_after(after, bounds))
            .flatten()
            .filter(|&owner| self.names_actor(owner))
    }

    /// The argument an owner ([`Self::owner`]) names: its own entity, not the phrase of the
    /// noun it belongs to (`Israels`, not `den Umgang Israels`).
    fn owner_arg(&self, owner: usize, bounds: &Range<usize>) -> Arg {
        let range = self.doc.tokens[owner].range;
        self.doc
            .entities
            .iter()
            .position(|entity| overlaps(entity.range, range))
            .filter(|&index| self.is_actor_entity(index))
            .map_or_else(|| self.arg(owner, bounds), |index| self.actor_arg(index))
    }

    /// The head of the noun phrase right after a preposition.
    fn head_after(&self, preposition: usize, bounds: &Range<usize>) -> Option<usize> {
        // Determiners, numbers and adjectives, then the first noun or name, with the names
        // in apposition right after it (`dem Flughafen Cheongju`).
        let mut token = preposition + 1;
        while token < bounds.end && matches!(self.pos(token), "DET" | "ADJ" | "NUM") {
            token += 1;
        }
        if token >= bounds.end || !matches!(self.pos(token), "PROPN" | "NOUN") {
            return None;
        }
        while token + 1 < bounds.end && self.pos(token + 1) == "PROPN" {
            token += 1;
        }
        (!self.in_time(token)).then_some(token)
    }

    /// Whether a token lies in a quantity before its number (`zu` in `bis zu 2.500`).
    fn in_quantity_modifier(&self, token: usize) -> bool {
        let range = self.doc.tokens[token].range;
        self.doc.quantities.iter().any(|quantity| {
            quantity.range.start() <= range.start()
                && range.end() <= quantity.range.end()
                && self.doc.tokens.get(token + 1).is_some_and(|next| next.range.end() <= quantity.range.end())
                && quantity.modifier != lagebild_doc::QuantityModifier::Exact
        })
    }

    /// Whether `range` overlaps the speaker of an according phrase (`laut X`, `nach
    /// UNO-Angaben`).
    fn according_source(&self, range: TextRange) -> bool {
        self.doc.claims.iter().any(|claim| {
            claim.construction == ClaimConstruction::AccordingTo
                && claim.speaker.as_ref().is_some_and(|speaker| overlaps(speaker.range, range))
        })
    }

    /// Whether a token lies in a time expression (`on Monday` names no recipient).
    fn in_time(&self, token: usize) -> bool {
        let range = self.doc.tokens[token].range;
        self.doc.times.iter().any(|time| time.range.start() <= range.start() && range.end() <= time.range.end())
    }

    /// The head of a genitive right after `token` that names an actor (`Besuch Lawrows`), also
    /// a group by its role noun (`Landung der Kampfflugzeuge`).
    fn genitive_after(&self, token: usize, bounds: &Range<usize>) -> Option<usize> {
        self.genitive_head(token, bounds)
            .filter(|&head| self.pos(head) == "PROPN" || self.names_actor(head) || self.names_group(head, bounds))
    }

    /// The head of a genitive right after `token`: a name (also one the tagger took for a
    /// noun, `des Vorgehens Russlands`), or the noun after a genitive determiner or adjective
    /// (`der russischen Invasion`).
    fn genitive_head(&self, token: usize, bounds: &Range<usize>) -> Option<usize> {
        let next = token + 1;
        if next >= bounds.end {
            return None;
        }
        if self.is_genitive_name(next) {
            return Some(next);
        }
        if self.doc.tokens[next].feature("Case") != Some("Gen") {
            return None;
        }
        match self.pos(next) {
            "PROPN" => Some(next),
            "NOUN" if self.doc.entities.iter().any(|entity| overlaps(entity.range, self.doc.tokens[next].range)) => {
                Some(next)
            }
            "DET" | "ADJ" => self.head_after(token, bounds),
            _ => None,
        }
    }

    /// Whether a German token is a name with the genitive `-s` whatever case the tagger gave
    /// it (`die Unterstützung Moskaus`): a name the entity layer linked whose own name does
    /// not end in `s` (not `Paris`).
    fn is_genitive_name(&self, token: usize) -> bool {
        if self.doc.meta.lang != Lang::De || !self.lower[token].ends_with('s') {
            return false;
        }
        let range = self.doc.tokens[token].range;
        self.doc.entities.iter().any(|entity| {
            entity.range == range
                && entity.form == lagebild_doc::EntityForm::Name
                && entity.name.as_deref().is_some_and(|name| !name.ends_with('s') && !name.ends_with('S'))
        })
    }

    /// Whether a head token can stand for an actor: a linked entity, a name, or (where no
    /// entity layer exists) a noun.
    fn names_actor(&self, head: usize) -> bool {
        let range = self.doc.tokens[head].range;
        let entity = self.doc.entities.iter().position(|entity| overlaps(entity.range, range));
        match entity {
            Some(index) => self.is_actor_entity(index),
            None => self.pos(head) == "PROPN",
        }
    }

    /// The code an entity carries as an event's actor or recipient: a country or capital
    /// named as a participant stands for its government (`Österreich lieferte` → AUTGOV).
    fn actor_code(&self, index: usize) -> Option<String> {
        let code = self.doc.entities[index].code.clone()?;
        if self.is_named_country(index) {
            return Some(format!("{code}GOV"));
        }
        // A crowd of a people (`tausende Ungarn`, `200 Polen`) are its civilians, as a crowd
        // by a word of number alone is (`Tausende` → CVL).
        if self.is_counted_people(index) && code.len() == 3 {
            return Some(format!("{code}CVL"));
        }
        Some(code)
    }

    /// Whether an entity names a people after a number or a word of number with the sector
    /// CVL (`tausende Ungarn`, `200 Polen`).
    fn is_counted_people(&self, index: usize) -> bool {
        let entity = &self.doc.entities[index];
        if entity.form != lagebild_doc::EntityForm::Demonym || entity.reading != Some(lagebild_doc::Reading::People) {
            return false;
        }
        let first = self.doc.tokens.partition_point(|token| token.range.start() < entity.range.start());
        first.checked_sub(1).is_some_and(|before| {
            self.pos(before) == "NUM"
                || self.words.role_sectors.get(&*self.lemma(before)).is_some_and(|sector| &**sector == "CVL")
                || self.words.role_sectors.get(&self.lower[before]).is_some_and(|sector| &**sector == "CVL")
        })
    }

    /// Whether an entity is a country (or capital) named by its name (`der Ukraine`), whose
    /// code is the country's alone.
    fn is_named_country(&self, index: usize) -> bool {
        let entity = &self.doc.entities[index];
        let code = entity.code.as_deref().unwrap_or_default();
        entity.entity_type == EntityType::Gpe
            && entity.form == lagebild_doc::EntityForm::Name
            && code.len() == 3
            && code.chars().all(|c| c.is_ascii_uppercase())
    }

    /// The argument that is the entity `index`, with the entity's code.
    fn entity_arg(&self, index: usize) -> Arg {
        let entity = &self.doc.entities[index];
        Arg { range: entity.range, entity: Some(lagebild_doc::EntityId(index as u32)), code: entity.code.clone() }
    }

    /// The argument that is the entity `index`, with its code as a participant ([`Self::actor_code`]).
    fn actor_arg(&self, index: usize) -> Arg {
        Arg { code: self.actor_code(index), ..self.entity_arg(index) }
    }

    /// The code of an argument that names a group by a role noun and no country (`die
    /// Polizei`, `Tausende Demonstranten`, `the rebels`): the article's country with the
    /// noun's sector, for any sector but government's. Its head is its last noun. A group of
    /// several countries (`beide Armeen`, class `several_countries`) takes none.
    fn group_code(&self, range: TextRange) -> Option<String> {
        let sectors = &self.words.role_sectors;
        let tokens = &self.doc.tokens;
        let first = tokens.partition_point(|token| token.range.start() < range.start());
        let end = first + tokens[first..].iter().take_while(|token| token.range.end() <= range.end()).count();
        if (first..end).any(|t| self.words.is(Class::SeveralCountries, &self.lower[t])) {
            return None;
        }
        let head = (first..end).rev().find(|&t| self.pos(t) == "NOUN")?;
        let lemma = self.lemma(head);
        let sector = sectors
            .get(&*lemma)
            .or_else(|| sectors.get(&self.lower[head]))
            .map(|sector| &**sector)
            .or_else(|| self.compound_sector(&lemma))?;
        // Officials travel (`der Minister`, `der Botschafter`): only groups and institutions
        // that act where the article is take its country.
        if sector == "GOV" {
            return None;
        }
        let country = self
            .located_country(first, end)
            .or_else(|| self.country_of_same_sector(first, sector))
            .or_else(|| self.home.clone())?;
        Some(format!("{country}{sector}"))
    }

    /// The country of the nearest entity before token `first`, in its sentence or the two
    /// before, whose code has the sector `sector`: a group named again by a definite
    /// description is the one named before (`zwei US-Tarnkappenjets … gelandet. Die Landung
    /// der hochmodernen Kampfflugzeuge …` → USAMIL).
    fn country_of_same_sector(&self, first: usize, sector: &str) -> Option<String> {
        let sentence = self.sentence_of[first] as usize;
        let from = self.doc.tokens[self.sentence_tokens.get(sentence.saturating_sub(2))?.start].range.start();
        let before = self.doc.tokens[first].range.start();
        self.doc.entities.iter().rev().find_map(|entity| {
            let code = entity.code.as_deref()?;
            (entity.range.start() >= from
                && entity.range.end() <= before
                && code.len() == 3 + sector.len()
                && code.ends_with(sector))
            .then(|| code[..3].to_owned())
        })
    }

    /// The country where the group of the tokens `first..end` acts, where its sentence says:
    /// a place after a place preposition right after it (`Separatisten in der Ostukraine`),
    /// else the last such place before it in its sentence (`In Budapest protestierten
    /// Tausende`, `In der Ostukraine kämpfen Regierungstruppen`).
    fn located_country(&self, first: usize, end: usize) -> Option<String> {
        let bounds = self.bounds(first);
        let place_prep = |t: usize| self.pos(t) == "ADP" && self.words.is(Class::PlacePrep, &self.lower[t]);
        let country_after = |preposition: usize| -> Option<String> {
            let head = self.head_after(preposition, &bounds)?;
            let range = self.doc.tokens[head].range;
            let place = self.doc.entities.iter().find(|entity| {
                overlaps(entity.range, range)
                    && matches!(entity.entity_type, EntityType::Gpe | EntityType::Location)
                    && entity.form == lagebild_doc::EntityForm::Name
            })?;
            place.country.clone()
        };
        if end < bounds.end
            && place_prep(end)
            && let Some(country) = country_after(end)
        {
            return Some(country);
        }
        (bounds.start..first).rev().filter(|&t| place_prep(t)).find_map(country_after)
    }

    /// Whether a noun names a group by its role noun, with a country from its sentence or
    /// article (`gegen prorussische Separatisten`, `griffen Rebellen an`): [`Self::group_code`].
    fn names_group(&self, head: usize, bounds: &Range<usize>) -> bool {
        self.pos(head) == "NOUN" && self.group_code(self.range(&self.phrase(head, bounds))).is_some()
    }

    /// The sector of the longest role noun that ends a German compound after at least three
    /// letters (`regierungstruppe` → `truppe`, MIL).
    fn compound_sector(&self, lemma: &str) -> Option<&str> {
        if self.doc.meta.lang != Lang::De {
            return None;
        }
        lemma
            .char_indices()
            .skip(3)
            .find_map(|(at, _)| self.words.role_sectors.get(&lemma[at..]))
            .map(|sector| &**sector)
    }

    /// The sector of armed forces or police (MIL, COP) of a role noun that opens a German
    /// compound noun and leaves four letters or more after it (`militärintervention` →
    /// `militär`, `polizeieinsatz` → `polizei`).
    fn leading_force_sector(&self, token: usize) -> Option<&'static str> {
        if self.doc.meta.lang != Lang::De || self.pos(token) != "NOUN" {
            return None;
        }
        let lemma = self.lemma(token);
        let sector = lemma
            .char_indices()
            .map(|(at, _)| at)
            .filter(|&at| at >= 4 && lemma.len() - at >= 4)
            .rev()
            .find_map(|at| self.words.role_sectors.get(&lemma[..at]))?;
        ["MIL", "COP"].into_iter().find(|force| **sector == **force)
    }

    /// Whether a phrase names armed forces, rebels or police, and which: its code has the
    /// sector MIL, REB or COP after its country (`AFGREB`, `USAMIL`), or its head is a role
    /// noun of theirs, also at a German compound's end or start (`Rebellengruppe`,
    /// `Militärallianz`), or the noun right after a name's adjective is (`der US-geführten
    /// Militärallianz`).
    fn armed_sector(&self, head: usize, arg: &Arg) -> Option<&'static str> {
        const ARMED: [&str; 3] = ["MIL", "REB", "COP"];
        let armed = |sector: &str| ARMED.into_iter().find(|known| *known == sector);
        if let Some(code) = arg.code.as_deref()
            && let Some(sector) = (3..code.len()).step_by(3).find_map(|at| code.get(at..at + 3).and_then(armed))
        {
            return Some(sector);
        }
        let noun_after = Some(head + 1).filter(|&next| next < self.doc.tokens.len() && self.pos(next) == "NOUN");
        std::iter::once(head).chain(noun_after).find_map(|token| {
            let lemma = self.lemma(token);
            self.words
                .role_sectors
                .get(&*lemma)
                .and_then(|sector| armed(sector))
                .or_else(|| self.compound_sector(&lemma).and_then(armed))
                .or_else(|| self.leading_force_sector(token))
        })
    }

    fn is_actor_entity(&self, index: usize) -> bool {
        !matches!(self.doc.entities[index].entity_type, EntityType::Other)
    }

    /// The actors a subject names: each actor entity in its phrase with a genitive or
    /// coordination after it (`die Marinen der USA und Südkoreas`), else the phrase itself.
    fn members(&self, head: usize, bounds: &Range<usize>) -> Vec<Arg> {
        if self.pos(head) == "PRON" {
            return vec![self.arg(head, bounds)];
        }
        let phrase = self.phrase(head, bounds);
        let mut end = phrase.end;
        // Over the list and its attributes (`die Marinen der USA und Südkoreas`, `von`), not a
        // prepositional phrase of the clause (`Kim mit einem Zug nach Russland`).
        while end < bounds.end
            && match self.pos(end) {
                "DET" | "ADJ" | "PROPN" | "NOUN" | "CCONJ" | "NUM" => true,
                "ADP" => self.words.is(Class::ActorPrep, &self.lower[end]),
                _ => false,
            }
        {
            end += 1;
        }
        let range = self.range(&(phrase.start..end));
        let inside: Vec<Arg> = self
            .doc
            .entities
            .iter()
            .enumerate()
            .filter(|(index, entity)| {
                range.start() <= entity.range.start()
                    && entity.range.end() <= range.end()
                    && self.is_actor_entity(*index)
            })
            .map(|(index, _)| self.entity_arg(index))
            .collect();
        if inside.is_empty() { vec![self.arg(head, bounds)] } else { inside }
    }

    /// The argument headed by `head` and the other members of its list, in text order.
    fn with_conjuncts(&self, head: usize, bounds: &Range<usize>) -> Vec<Arg> {
        let mut args = vec![self.arg(head, bounds)];
        args.extend(self.conjuncts(head, bounds));
        args.sort_by_key(|arg| arg.range.start());
        args
    }

    /// The other members of a list that `head`'s phrase belongs to, where each names an actor:
    /// `Mordor, Rohan, Fornost and Bree welcomed …`, `Frankreich, Deutschland und Italien
    /// einigten sich`. Members are noun phrases joined by commas and a conjunction; the list
    /// ends at anything else (a verb, a relative pronoun, a preposition).
    fn conjuncts(&self, head: usize, bounds: &Range<usize>) -> Vec<Arg> {
        if self.pos(head) == "PRON" || !(self.names_actor(head) || self.names_group(head, bounds)) {
            return Vec::new();
        }
        let joint = |t: usize| self.pos(t) == "CCONJ" || &self.lower[t] == ",";
        let nominal = |t: usize| matches!(self.pos(t), "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN");
        // The head of the phrase ending at `end` (exclusive), and of the one starting at `start`.
        let member = |head: usize| -> Option<Arg> {
            let phrase = self.phrase(head, bounds);
            let arg = self.arg(head, bounds);
            (self.names_actor(head) || phrase.clone().any(|t| self.names_actor(t)))
                .then_some(arg)
                .filter(|arg| arg.entity.is_some())
                // Or a group by its role noun (`durch Soldaten und Polizisten`).
                .or_else(|| self.names_group(head, bounds).then(|| self.arg(head, bounds)))
        };
        let mut found = Vec::new();
        let phrase = self.phrase(head, bounds);
        // Backwards: `Mordor, Rohan, Fornost and` before `Bree`.
        let mut start = phrase.start;
        while start > bounds.start + 1 && joint(start - 1) && nominal(start - 2) {
            let last = start - 2;
            // Only names and nouns head a member; an adjective before a comma is no list.
            if !matches!(self.pos(last), "PROPN" | "NOUN") {
                break;
            }
            let Some(arg) = member(last) else { break };
            start = self.phrase(last, bounds).start;
            found.push(arg);
        }
        // Forwards: `and Bree` after `Mordor, Rohan, Fornost`.
        let mut end = phrase.end;
        let mut conjunction_seen = false;
        while end + 1 < bounds.end && joint(end) && !conjunction_seen {
            conjunction_seen = self.pos(end) == "CCONJ";
            let mut next = end + 1;
            if self.pos(next) == "CCONJ" {
                conjunction_seen = true;
                next += 1;
            }
            // The next member's head: the last name or noun of a run of nominal words.
            let mut last = None;
            let mut t = next;
            while t < bounds.end && nominal(t) {
                if matches!(self.pos(t), "PROPN" | "NOUN") {
                    last = Some(t);
                }
                t += 1;
            }
            let Some(last) = last else { break };
            let Some(arg) = member(last) else {
                // `die USA und ihre Verbündeten in der Region, Südkorea und Japan`: a plural
                // noun that names no one, with a prepositional phrase, before the apposition
                // that names its members.
                let mut after = t;
                if after < bounds.end && self.pos(after) == "ADP" {
                    after += 1;
                    while after < bounds.end && nominal(after) {
                        after += 1;
                    }
                }
                let apposition = self.doc.tokens[last].feature("Number") == Some("Plur")
                    && after + 1 < bounds.end
                    && &self.lower[after] == ","
                    && self.pos(after + 1) == "PROPN";
                if apposition {
                    end = after;
                    conjunction_seen = false;
                    continue;
                }
                break;
            };
            found.push(arg);
            end = t;
        }
        found
    }

    /// A country adjective inside a phrase (`nordkoreanische Waffen`), as an actor.
    fn adjective_actor(&self, phrase: &Range<usize>) -> Option<Arg> {
        let range = self.range(phrase);
        self.doc.entities.iter().enumerate().find_map(|(index, entity)| {
            let inside = range.start() <= entity.range.start() && entity.range.end() <= range.end();
            (inside && entity.form == lagebild_doc::EntityForm::Adjective).then(|| self.entity_arg(index))
        })
    }

    /// The noun phrase headed by `head`: determiners and adjectives before it, names in
    /// apposition after it.
    fn phrase(&self, head: usize, bounds: &Range<usize>) -> Range<usize> {
        if self.pos(head) == "PRON" {
            return head..head + 1;
        }
        let mut start = head;
        while start > bounds.start
            && matches!(self.pos(start - 1), "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN")
            && self.pos(start) != "DET"
            // Not over a time before it (`am Montag zwei Kampfjets`), nor over a name or noun
            // before a number, which ends another phrase (`in Graz drei Demonstranten`).
            && !self.in_time(start - 1)
            && !(self.pos(start) == "NUM" && matches!(self.pos(start - 1), "NOUN" | "PROPN"))
        {
            start -= 1;
        }
        let mut end = head + 1;
        // Not over an event noun the tagger took for a name (`Lawrows Besuch`).
        while end < bounds.end && matches!(self.pos(end), "PROPN") && !self.is_untagged_event_noun(end) {
            end += 1;
        }
        start..end
    }

    /// The phrase around `head` as an argument, with the entity it holds and its code.
    fn arg(&self, head: usize, bounds: &Range<usize>) -> Arg {
        // A relative pronoun stands for the noun before its comma, or right before it (an
        // English restrictive clause): `Russland, das die Ukraine angegriffen hat` → Russland;
        // `the army, which shelled the town` → the army; `the government which delivers` →
        // the government. The cheap tests first: this runs for every argument.
        let noun = |at: usize| matches!(self.pos(at), "PROPN" | "NOUN");
        let antecedent = if head >= bounds.start + 2 && &self.lower[head - 1] == "," && noun(head - 2) {
            Some(head - 2)
        } else if head > bounds.start && noun(head - 1) {
            Some(head - 1)
        } else {
            None
        };
        // Not a place that only says where the noun before it is (`Der israelische
        // UNO-Botschafter in Genf, der …` stands for the ambassador).
        let antecedent = antecedent.map(|noun| {
            let before = self.phrase(noun, bounds).start;
            let located = before >= bounds.start + 2
                && self.pos(before - 1) == "ADP"
                && self.words.is(Class::PlacePrep, &self.lower[before - 1])
                && matches!(self.pos(before - 2), "NOUN" | "PROPN")
                && self.is_place(noun);
            if located { before - 2 } else { noun }
        });
        if let Some(antecedent) = antecedent
            && (self.doc.tokens[head].feature("PronType") == Some("Rel")
                || self.doc.clauses.iter().any(|clause| {
                    clause.kind == lagebild_doc::ClauseKind::Relative && clause.introducer == Some(head as u32)
                }))
        {
            return self.arg(antecedent, bounds);
        }
        let phrase = self.phrase(head, bounds);
        let range = self.range(&phrase);
        let head_range = self.doc.tokens[head].range;
        // The head's entity, else another in the phrase (`Innenminister Sobotka`: the role
        // noun has a code where the name has none), else the person a pronoun stands for.
        let entities = &self.doc.entities;
        let coded = |index: &usize| self.actor_code(*index).is_some();
        let on_head = || entities.iter().enumerate().filter(|(_, entity)| overlaps(entity.range, head_range));
        let in_phrase = || entities.iter().enumerate().filter(|(_, entity)| overlaps(entity.range, range));
        let mut range = range;
        // A noun with no code of its own stands for the actor in the genitive after it (`Der
        // Vertreter der EU`, `Die Staaten der Europäischen Union`).
        let holder = || {
            if self.pos(head) != "NOUN" {
                return None;
            }
            let genitive = self.genitive_after(phrase.end.max(head + 1) - 1, bounds)?;
            let genitive_range = self.doc.tokens[genitive].range;
            let index = entities
                .iter()
                .position(|entity| overlaps(entity.range, genitive_range))
                .or_else(|| self.apposed_name(genitive, bounds))?;
            let end = genitive_range.cover(entities[index].range);
            coded(&index).then_some((index, end))
        };
        // A bare role noun is the genitive's before any country the entity layer gave it from
        // its context (`ein Kommandant der Jihadistenmiliz`).
        let bare_role = self.is_bare_role_noun(head) && on_head().all(|(_, entity)| entity.range == head_range);
        let first = if bare_role { holder() } else { None };
        // On the head, a role noun before a name in its compound (`UNO-Botschafter`: the
        // ambassador's country, not the organisation he is sent to).
        let entity = first
            .map(|(index, end)| {
                range = range.cover(end);
                index
            })
            .or_else(|| {
                on_head()
                    .filter(|(_, entity)| entity.form == lagebild_doc::EntityForm::RoleNoun)
                    .map(|(index, _)| index)
                    .find(coded)
            })
            .or_else(|| on_head().map(|(index, _)| index).find(coded))
            .or_else(|| in_phrase().map(|(index, _)| index).find(coded))
            .or_else(|| {
                let index = self.apposed_name(head, bounds).filter(coded)?;
                range = range.cover(entities[index].range);
                Some(index)
            })
            .or_else(|| {
                let (index, end) = holder()?;
                range = range.cover(end);
                Some(index)
            })
            .or_else(|| on_head().map(|(index, _)| index).next())
            .or_else(|| in_phrase().map(|(index, _)| index).next())
            .or_else(|| self.antecedent(head));
        Arg {
            range,
            entity: entity.map(|index| lagebild_doc::EntityId(index as u32)),
            code: entity.and_then(|index| self.actor_code(index)),
        }
    }

    /// The organisation or person a role noun names right after its phrase, where the
    /// name opens with an adjective the phrase does not take in (`der Jihadistenmiliz
    /// Islamischer Staat`, `die Rebellengruppe Freie Syrische Armee`).
    fn apposed_name(&self, head: usize, bounds: &Range<usize>) -> Option<usize> {
        if self.pos(head) != "NOUN" {
            return None;
        }
        let next = self.phrase(head, bounds).end;
        if next >= bounds.end {
            return None;
        }
        let start = self.doc.tokens[next].range.start();
        let end = self.doc.tokens[bounds.end - 1].range.end();
        let index = self.doc.entities.iter().position(|entity| {
            entity.range.start() == start
                && entity.range.end() <= end
                && entity.form == lagebild_doc::EntityForm::Name
                && matches!(entity.entity_type, EntityType::Organization | EntityType::Person)
        })?;
        self.is_role_noun(head).then_some(index)
    }

    /// Whether a noun names people by their role (`Kommandant`, `Rebellengruppe`): a lemma
    /// of the role nouns, or a German compound that ends in one.
    fn is_role_noun(&self, token: usize) -> bool {
        self.pos(token) == "NOUN"
            && (self.is_bare_role_noun(token) || self.compound_sector(&self.lemma(token)).is_some())
    }

    /// Whether a token's lemma or form is itself one of the role nouns (`Kommandant`).
    fn is_bare_role_noun(&self, token: usize) -> bool {
        self.words.role_sectors.contains_key(&*self.lemma(token))
            || self.words.role_sectors.contains_key(&self.lower[token])
    }

    /// Whether a token lies in a place the entity layer found (a city, region or country named
    /// as a place).
    fn is_place(&self, token: usize) -> bool {
        let range = self.doc.tokens[token].range;
        self.doc.entities.iter().any(|entity| {
            overlaps(entity.range, range)
                && matches!(entity.entity_type, EntityType::Gpe | EntityType::Location)
                && entity.reading == Some(lagebild_doc::Reading::Place)
        })
    }

    /// The person a third-person singular `er`/`sie`/`he`/`she` (not an expletive `es`/`it`)
    /// stands for: the last person named before it in its sentence or the two before, with
    /// its code or none (`Saleh Najar soll sein Name gewesen sein … Er sprengte sich`: not
    /// the minister named before him).
    fn antecedent(&self, head: usize) -> Option<usize> {
        let token = &self.doc.tokens[head];
        let personal = self.pos(head) == "PRON"
            && token.feature("PronType") == Some("Prs")
            && token.feature("Person") == Some("3")
            && token.feature("Number") == Some("Sing")
            // Not `es`/`it`; the German tagger gives no gender.
            && !self.words.is(Class::Expletive, &self.lower[head]);
        if !personal {
            return None;
        }
        let sentence = self.sentence_of[head] as usize;
        let first_token = self.sentence_tokens.get(sentence.saturating_sub(2))?.start;
        let first = self.doc.tokens[first_token].range.start();
        let before = token.range.start();
        self.doc
            .entities
            .iter()
            .enumerate()
            .rev()
            .find(|(_, entity)| {
                entity.range.start() >= first
                    && entity.range.end() <= before
                    && entity.entity_type == EntityType::Person
            })
            .map(|(index, _)| index)
    }

    /// The group a third-person plural `sie`/`they` stands for: the subject of a clause before
    /// it, in its sentence or the two before, that is a plural noun phrase with an actor code
    /// (`Tausende Nationalisten protestierten … Sie fordern …`), the nearest first. Not a
    /// capitalised `Sie` inside a sentence, which addresses someone.
    fn plural_antecedent(&self, pronoun: usize) -> Option<Arg> {
        self.plural_antecedent_within(pronoun, 3)
    }

    /// [`Self::plural_antecedent`], through at most `depth` pronouns (`Sie waren … geflogen.
    /// Dort landeten sie …`).
    fn plural_antecedent_within(&self, pronoun: usize, depth: u8) -> Option<Arg> {
        let token = &self.doc.tokens[pronoun];
        let sentence = self.sentence_of[pronoun] as usize;
        let sentence_start = self.sentence_tokens.get(sentence)?.start;
        let polite =
            self.doc.meta.lang == Lang::De && pronoun != sentence_start && self.doc.slice(token.range).starts_with('S');
        // The German tagger's number for `sie` is a guess: a plural finite verb of the clause
        // whose subject it is decides.
        let plural_verb = || {
            self.doc.clauses.iter().any(|clause| {
                clause.arguments.contains(&(ArgumentRole::Subject, pronoun as u32))
                    && clause.verb_tokens.iter().any(|&t| {
                        let verb = &self.doc.tokens[t as usize];
                        verb.feature("VerbForm") == Some("Fin") && verb.feature("Number") == Some("Plur")
                    })
            })
        };
        let plural = self.pos(pronoun) == "PRON"
            && token.feature("PronType") == Some("Prs")
            && token.feature("Person") == Some("3")
            && (token.feature("Number") == Some("Plur") || plural_verb())
            && !self.words.is(Class::Expletive, &self.lower[pronoun])
            && !polite;
        if !plural {
            return None;
        }
        let first = self.sentence_tokens.get(sentence.saturating_sub(2))?.start;
        let counted = |head: usize, bounds: &Range<usize>| {
            self.phrase(head, bounds).any(|t| {
                t < head && self.pos(t) == "NUM" && {
                    let form = &self.lower[t];
                    form != "1" && !form.starts_with("ein") && !form.starts_with("one")
                }
            })
        };
        self.doc
            .clauses
            .iter()
            .flat_map(|clause| clause.arguments.iter())
            .filter(|(role, head)| *role == ArgumentRole::Subject && (first..pronoun).contains(&(*head as usize)))
            .map(|&(_, head)| head as usize)
            .filter(|&head| !self.is_noun_trigger(head))
            .filter_map(|head| {
                if self.pos(head) == "PRON" {
                    let group = self.plural_antecedent_within(head, depth.checked_sub(1)?)?;
                    return Some((head, group));
                }
                let bounds = self.bounds(head);
                let plural = self.doc.tokens[head].feature("Number") == Some("Plur")
                    || self.pos(head) == "NUM"
                    || counted(head, &bounds);
                if !plural {
                    return None;
                }
                let mut arg = self.arg(head, &bounds);
                if arg.code.is_none() {
                    arg.code = self.group_code(arg.range);
                }
                arg.code.is_some().then_some((head, arg))
            })
            .max_by_key(|(head, _)| *head)
            .map(|(_, arg)| Arg { range: token.range, ..arg })
    }

    fn finish(
        &self,
        trigger: &Trigger,
        span: Span,
        token: usize,
        clause: Option<usize>,
        actors: Vec<Arg>,
        recipients: Vec<Arg>,
    ) -> Event {
        let bounds = self.bounds(token);
        let clause_tokens: Vec<usize> = match clause {
            Some(clause) => self.doc.clauses[clause].tokens.iter().map(|&t| t as usize).collect(),
            None => bounds.clone().collect(),
        };
        let trigger_range = span.range;
        let claim = self
            .doc
            .claims
            .iter()
            .position(|claim| {
                claim.content.range.start() <= trigger_range.start() && trigger_range.end() <= claim.content.range.end()
            })
            .map(|index| ClaimId(index as u32));
        let reported = claim.is_some_and(|id| self.doc.claims[id.index()].kind != ClaimKind::Direct);
        let modality = self.modality(clause, &clause_tokens, token, reported);
        let (mut event_type, mut mode, mut context) = match &trigger.category {
            Category::Fixed { event_type, mode, context } => (*event_type, mode.clone(), context.clone()),
            Category::ByParticipants { joint, single } => {
                let countries: std::collections::HashSet<String> = actors
                    .iter()
                    .filter_map(|arg| arg.code.as_deref().map(|code| country_of(code).to_owned()))
                    .collect();
                let several = countries.len() > 1 || actors.len() > 1;
                (if several { *joint } else { *single }, None, Some("military".to_owned()))
            }
        };
        // PLOVER: a meeting or visit that lies ahead is an agreement to meet, which CAMEO
        // codes 036 (express intent to meet or negotiate).
        let mut cameo = trigger.cameo.clone();
        if event_type == EventType::Consult && modality.future {
            event_type = EventType::Agree;
            mode = None;
            cameo = Some(INTENT_TO_MEET.to_owned());
            context = context.or_else(|| self.plover.context(INTENT_TO_MEET).map(str::to_owned));
        }
        if context.is_none() {
            context = clause_tokens.iter().find_map(|&t| {
                let lemma = self.lemma(t);
                self.words.contexts.get(&*lemma).cloned().or_else(|| {
                    // The last part of a compound: `Waffenlieferungen` → `waffe`… by prefix.
                    self.words
                        .contexts
                        .iter()
                        .find(|(word, _)| t == token && lemma.starts_with(word.as_str()))
                        .map(|(_, c)| c.clone())
                })
            });
        }
        // What is asked for belongs to the one asked (`verlangt Zugang zu russischer
        // Technologie`, `fordert den Abzug ukrainischer Truppen`): a request with no recipient
        // goes to the country of another country's adjective in its clause.
        let (mut actors, mut recipients) = (actors, recipients);
        if event_type == EventType::Request && recipients.is_empty() && !actors.is_empty() {
            let own: Vec<Option<&str>> = actors.iter().map(|arg| arg.code.as_deref().map(country_of)).collect();
            let clause_range = self.range(
                &(clause_tokens.iter().copied().min().unwrap_or(token)
                    ..clause_tokens.iter().copied().max().unwrap_or(token) + 1),
            );
            let other = self.doc.entities.iter().enumerate().find(|(_, entity)| {
                entity.form == lagebild_doc::EntityForm::Adjective
                    && clause_range.contains_range(entity.range)
                    && entity.code.is_some()
                    && !own.contains(&entity.code.as_deref().map(country_of))
                    && !actors.iter().any(|known| overlaps(known.range, entity.range))
            });
            if let Some((index, _)) = other {
                recipients.push(self.entity_arg(index));
            }
        }
        // The dateline's place wrote the report and did nothing in it.
        let in_dateline = |arg: &Arg| self.dateline.is_some_and(|line| line.contains_range(arg.range));
        actors.retain(|arg| !in_dateline(arg));
        recipients.retain(|arg| !in_dateline(arg));
        for arg in actors.iter_mut().chain(recipients.iter_mut()) {
            if arg.code.is_none() {
                arg.code = self.group_code(arg.range);
            }
            if arg.code.is_none()
                && let Some(pronoun) = self.doc.token_at(arg.range)
                && let Some(group) = self.plural_antecedent(pronoun)
            {
                *arg = group;
            }
        }
        // Force named by who wields it (`türkische Militärintervention`, `Polizeieinsatz`):
        // a country's actor is that country's armed forces or police.
        if matches!(event_type, EventType::Assault | EventType::Coerce | EventType::Mobilize)
            && let Some(sector) = self.leading_force_sector(token)
        {
            for arg in &mut actors {
                if let Some(code) = arg.code.as_mut().filter(|code| code.len() == 3) {
                    code.push_str(sector);
                }
            }
        }
        // One actor per code: a role noun and its country (`Marinen` … `Japans`) are one actor.
        let mut seen = std::collections::HashSet::new();
        actors.retain(|arg| arg.code.as_ref().is_none_or(|code| seen.insert(code.clone())));
        // The same words never both act and receive (a postposed subject with its apposition
        // read as the object too: `kritisiert die Grünen-Abgeordnete X, Präsidentin des …`).
        recipients.retain(|recipient| !actors.iter().any(|actor| actor.range == recipient.range));
        let (time, date, date_source) = self.date(clause, modality.historical);
        let mut location = self.location(&clause_tokens, token, &bounds, &actors, &recipients);
        // A town named with an attack noun is where it happened, not who carried it out
        // (`die Pariser Anschläge`, `den Anschlägen von Brüssel`, `Demonstrationen in
        // Zusammenhang mit der syrischen Stadt Kobane`).
        if self.pos(token) == "NOUN" && matches!(event_type, EventType::Assault | EventType::Protest) {
            let town = |arg: &Arg| {
                arg.entity.is_some_and(|id| {
                    self.doc.entities[id.index()].kb_id.as_deref().is_some_and(|kb| kb.starts_with("geo:"))
                })
            };
            if let Some(at) = actors.iter().position(town) {
                let place = actors.remove(at);
                location.get_or_insert(Arg { code: None, ..place });
                actors.retain(|arg| !town(arg));
            }
        }
        // An invasion's country is its target (`Invasion in der Ukraine`, `invasion in Iraq`),
        // a visit's its host (`Besuch im kommunistischen Kuba`): a country no actor with a
        // code belongs to, or a city of another country than the actors' (`Mr Brown visited
        // slums in the Kenyan capital Nairobi`), not a visit at home (`Blair … visiting the
        // Pakistani community in Manchester`).
        let own: Vec<&str> = actors.iter().filter_map(|arg| arg.code.as_deref().map(country_of)).collect();
        let host = |index: usize| {
            let entity = &self.doc.entities[index];
            let country = entity.code.as_deref().map(country_of).unwrap_or_default();
            let is_country = entity.kb_id.as_deref().is_some_and(|id| id.starts_with("country:"));
            event_type == EventType::Assault || (!own.contains(&country) && (is_country || !own.is_empty()))
        };
        if trigger.place_is_target
            && recipients.is_empty()
            && let Some(place) = location
                .take_if(|place| place.entity.is_some_and(|id| self.is_named_country(id.index()) && host(id.index())))
        {
            let code = place.entity.and_then(|id| self.actor_code(id.index()));
            recipients.push(Arg { code, ..place });
        }
        let quantities = self.quantities(&clause_tokens);
        Event {
            sentence: self.sentence_of[token],
            event_type,
            score: self.plover.score(event_type, mode.as_deref()),
            mode,
            context: context.into_iter().collect(),
            cameo,
            actors,
            recipients,
            location,
            date,
            date_source,
            time,
            quantities,
            trigger: span,
            negated: modality.negated,
            hypothetical: modality.hypothetical,
            future: modality.future,
            historical: modality.historical,
            claim,
        }
    }

    /// Negated, hypothetical, future, historical. In reported speech (`reported`), the
    /// subjunctive reports (`Waffen würden geschickt`, `weapons would be sent`): only a word of
    /// possibility (`könnten`, `möglicherweise`) makes the event hypothetical there.
    fn modality(&self, clause: Option<usize>, tokens: &[usize], trigger: usize, reported: bool) -> Modality {
        let mut modality = Modality::default();
        let verbs: Vec<usize> =
            clause.map(|c| self.doc.clauses[c].verb_tokens.iter().map(|&t| t as usize).collect()).unwrap_or_default();
        for &t in tokens {
            let word = &self.lower[t];
            // Not where it opens a phrase that negates nothing (class `not_negating`: `nicht
            // nur … sondern auch`, `not least`).
            let phrase = || {
                t + 1 < self.lower.len() && self.words.is(Class::NotNegating, &format!("{word} {}", &self.lower[t + 1]))
            };
            if self.words.is(Class::Negation, word) && !phrase() {
                modality.negated = true;
            }
            // Not an adjective of another noun than the trigger (`protestierten gegen den
            // geplanten Abbau`: the cuts are planned, the protest happened), unless that noun
            // is a time (`in der kommenden Woche`).
            // (Attributive: only adjectives between it and the noun; `künftig auch kleinere
            // Varianten anzubieten` is an adverb's use.)
            let of_another_noun = || {
                self.pos(t) == "ADJ"
                    && (t + 1..(t + 4).min(self.doc.tokens.len()))
                        .find(|&n| self.pos(n) != "ADJ")
                        .filter(|&n| matches!(self.pos(n), "NOUN" | "PROPN") && tokens.contains(&n))
                        .is_some_and(|noun| {
                            let range = self.doc.tokens[noun].range;
                            noun != trigger && !self.doc.times.iter().any(|time| overlaps(time.range, range))
                        })
            };
            if self.words.is(Class::Planned, word) && !of_another_noun() {
                modality.future = true;
            }
            if self.words.is(Class::Earlier, word) && t < trigger {
                modality.historical = true;
            }
        }
        let features = |t: usize, name: &str| self.doc.tokens[t].feature(name).map(str::to_owned);
        let finite = verbs.iter().copied().find(|&t| features(t, "VerbForm").as_deref() == Some("Fin"));
        let infinitive = verbs.iter().any(|&t| features(t, "VerbForm").as_deref() == Some("Inf"));
        let participle = verbs.iter().any(|&t| features(t, "VerbForm").as_deref() == Some("Part"));
        if let Some(finite) = finite {
            let lemma = self.lemma(finite);
            let past = features(finite, "Tense").as_deref() == Some("Past");
            let subjunctive = features(finite, "Mood").as_deref() == Some("Sub");
            // Any verb of the complex may be the modal: the tagger reads a German verb-final
            // infinitive as finite (`einigen könnten`).
            let modal = verbs.iter().any(|&t| {
                let word = &self.lower[t];
                let reporting = reported && self.words.is(Class::ReportedSubjunctive, word);
                (self.words.is(Class::Hypothetical, word) || self.words.is(Class::Hypothetical, &self.lemma(t)))
                    && !reporting
            });
            if modal || (subjunctive && past && !reported && !self.words.is(Class::PerfectAuxiliary, &lemma)) {
                modality.hypothetical = true;
            }
            let future_auxiliary = self.words.is(Class::FutureAuxiliary, &lemma) && infinitive && !past;
            let modal_present = self.words.is(Class::IntentModal, &lemma) && infinitive && !past;
            if future_auxiliary || modal_present {
                modality.future = true;
            }
            // A pluperfect (`hatte … getroffen`, `had met`): an earlier event recalled.
            if past && participle && self.words.is(Class::PerfectAuxiliary, &lemma) && !subjunctive {
                modality.historical = true;
            }
        }
        // What happened before the main clause (`nachdem Kim … gereist ist`, `after he had
        // met`), and what the clauses inside it say: background, recalled.
        if clause.is_some_and(|clause| self.in_anterior_clause(clause)) {
            modality.historical = true;
        }
        // Konjunktiv II of `werden` (`würden … liefern`) is hypothetical, not future.
        if modality.hypothetical {
            modality.future = false;
        }
        if modality.future {
            modality.historical = false;
        }
        modality
    }

    /// Whether `clause`, or a clause it is embedded in, is introduced by an anterior conjunction
    /// (`nachdem`, `after`) and has a past or perfect verb.
    fn in_anterior_clause(&self, clause: usize) -> bool {
        let mut current = Some(clause);
        // A parent always comes before its clause; the bound guards against a cycle anyway.
        for _ in 0..self.doc.clauses.len() {
            let Some(index) = current else { return false };
            let c = &self.doc.clauses[index];
            let anterior = c.introducer.is_some_and(|t| self.words.is(Class::Anterior, &self.lower[t as usize]));
            if anterior {
                let verbs = c.verb_tokens.iter().chain(c.verb.iter()).map(|&t| &self.doc.tokens[t as usize]);
                let mut participle = false;
                let mut auxiliary = false;
                for token in verbs {
                    let past = token.feature("Tense") == Some("Past");
                    match token.feature("VerbForm") {
                        Some("Part") => participle = true,
                        Some("Fin") if past => return true,
                        Some("Fin") => {
                            auxiliary |= token.lemma().is_some_and(|l| self.words.is(Class::PerfectAuxiliary, l))
                        }
                        _ => {}
                    }
                }
                return participle && (auxiliary || self.doc.meta.lang == Lang::En);
            }
            current = c.parent.map(|parent| parent as usize);
        }
        false
    }

    /// The date of the trigger's clause (`Document::date_of_clause`), else the publication
    /// date, unless the event is recalled (historical) and the text gives it no date.
    fn date(&self, clause: Option<usize>, historical: bool) -> (Option<TimeId>, Option<String>, DateSource) {
        if let Some(id) = clause.and_then(|clause| self.doc.date_of_clause(clause)) {
            return (Some(id), Some(self.doc.times[id.index()].value.clone()), DateSource::Text);
        }
        if historical {
            return (None, None, DateSource::None);
        }
        match self.doc.meta.published {
            Some(date) => (None, Some(date.format("%Y-%m-%d").to_string()), DateSource::Published),
            None => (None, None, DateSource::None),
        }
    }

    /// The object of a place preposition in the clause that names a place, unless the
    /// preposition follows another event's noun, whose place it is (`dankte für die
    /// Unterstützung der Invasion in der Ukraine`: the invasion is in Ukraine, the thanks not).
    fn location(
        &self,
        tokens: &[usize],
        trigger: usize,
        bounds: &Range<usize>,
        actors: &[Arg],
        recipients: &[Arg],
    ) -> Option<Arg> {
        for &token in tokens {
            if self.pos(token) != "ADP" || !self.words.is(Class::PlacePrep, &self.lower[token]) {
                continue;
            }
            let after_other_event = token
                .checked_sub(1)
                .is_some_and(|noun| noun != trigger && self.pos(noun) == "NOUN" && self.is_noun_trigger(noun));
            if after_other_event {
                continue;
            }
            // A phrase headed by an event noun is no place, nor is the name in its genitive
            // (`als Reaktion auf die Unterstützung Moskaus`).
            let Some(head) = self.head_after(token, bounds).filter(|&head| !self.is_noun_trigger(head)) else {
                continue;
            };
            let arg = self.arg(head, bounds);
            if actors.iter().chain(recipients).any(|known| overlaps(known.range, arg.range)) {
                continue;
            }
            let place = match arg.entity {
                Some(entity) => matches!(
                    self.doc.entities[entity.index()].entity_type,
                    EntityType::Gpe | EntityType::Location | EntityType::Facility
                ),
                None => self.doc.entities.is_empty() && self.pos(head) == "PROPN",
            };
            // A place is where the event happens, not a participant: it carries no actor
            // code (`in der Ukraine` is no act of Ukraine's government).
            if place {
                return Some(Arg { code: None, ..arg });
            }
        }
        None
    }

    fn quantities(&self, tokens: &[usize]) -> Vec<QuantityId> {
        let (Some(&first), Some(&last)) = (tokens.iter().min(), tokens.iter().max()) else { return Vec::new() };
        let start = self.doc.tokens[first].range.start();
        let end = self.doc.tokens[last].range.end();
        self.doc
            .quantities
            .iter()
            .enumerate()
            .filter(|(_, quantity)| quantity.range.start() >= start && quantity.range.end() <= end)
            .map(|(index, _)| QuantityId(index as u32))
            .collect()
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Modality {
    negated: bool,
    hypothetical: bool,
    future: bool,
    historical: bool,
}

/// The CAMEO code of an intent to meet or negotiate, PLOVER's AGREE.
const INTENT_TO_MEET: &str = "036";

/// The country part of an actor code (`RUS` of `RUSGOV`).
/// How many different sports words make a sports report ([`Coder::is_sports_report`]).
const SPORTS_WORDS: usize = 3;
/// How many sports words per thousand tokens make a sports report.
const SPORTS_DENSITY: usize = 5;

/// The heads of what a clause's verb is done to: its objects, and a passive's subject.
fn undergoers(clause: &Clause) -> impl Iterator<Item = usize> + '_ {
    clause.arguments.iter().filter_map(move |&(role, head)| {
        (role == ArgumentRole::Object || (role == ArgumentRole::Subject && clause.passive)).then_some(head as usize)
    })
}

/// Whether those who take part in an event are those its trigger needs ([`Needs`]).
fn takes_part(trigger: &Trigger, event: &Event) -> bool {
    match trigger.needs {
        Needs::Nothing => true,
        Needs::ArmedForces => event.actors.iter().any(|arg| arg.code.as_deref().is_some_and(is_military)),
        Needs::CodedParticipant => event.actors.iter().chain(&event.recipients).any(|arg| arg.code.is_some()),
        Needs::Never => false,
    }
}

/// Whether a CAMEO actor code names courts, police, armed forces, a legislature (a sector JUD,
/// COP, MIL or LEG after its country) or an international organisation (IGO). Not a
/// government: in a sports report the linker reads clubs and their cities as their
/// country's government (`Liverpool have refused …` → GBRGOV).
fn is_authority(code: &str) -> bool {
    code.starts_with("IGO") || has_sector(code, &[b"MIL", b"JUD", b"COP", b"LEG"])
}

/// Whether a CAMEO actor code has the sector MIL after its country (`USAMIL`, `RUSMILGOV`).
fn is_military(code: &str) -> bool {
    has_sector(code, &[b"MIL"])
}

/// Whether a CAMEO actor code has one of `sectors` among the three-letter sectors after its
/// country.
fn has_sector(code: &str, sectors: &[&[u8; 3]]) -> bool {
    code.get(3..).is_some_and(|rest| rest.as_bytes().chunks(3).any(|sector| sectors.iter().any(|s| &s[..] == sector)))
}

fn country_of(code: &str) -> &str {
    code.get(..3).unwrap_or(code)
}

fn overlaps(a: TextRange, b: TextRange) -> bool {
    a.start() < b.end() && b.start() < a.end()
}

fn span_of(parts: Vec<TextRange>) -> Span {
    let range = TextRange::new(parts[0].start(), parts[parts.len() - 1].end());
    Span { range, parts: if parts.len() > 1 { parts } else { Vec::new() } }
}

/// The country an article is about: the country of the place in its dateline (`Kabul – …`),
/// else the country of most of the names of countries, places and people it mentions (at
/// least two): `die Polizei` in an article about Hungary is the Hungarian police.
fn home_country(doc: &Document, dateline: Option<TextRange>) -> Option<String> {
    if let Some(line) = dateline
        && let Some(country) =
            doc.entities.iter().find_map(|e| line.contains_range(e.range).then(|| e.country.clone()).flatten())
    {
        return Some(country);
    }
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for entity in &doc.entities {
        if let Some(country) = &entity.country {
            *counts.entry(country.as_str()).or_default() += 1;
        }
    }
    let all: usize = counts.values().sum();
    let (country, most) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
    (most >= 2 && 2 * most > all).then(|| country.to_owned())
}
