//! The event vocabulary: triggers and qualifying words per language
//! (`resources/<lang>/event_triggers.tsv`, `event_words.tsv`) and the PLOVER tables shared by
//! both (`resources/shared/plover_cameo.tsv`, `plover_scores.tsv`).

use std::hash::BuildHasherDefault;

use lagebild_resources::WordHasher;

/// The tables looked up per token, hashed as [`lagebild_resources::WordMap`] (FNV-1a; the
/// keys come from the resource files and the project's tables).
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;

use lagebild_doc::EventType;
use lagebild_resources::{ResourceError, Row, parse_table};

/// How a trigger's category is chosen.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Category {
    /// Fixed, with an optional mode and context.
    Fixed { event_type: EventType, mode: Option<String>, context: Option<String> },
    /// `joint` when several countries take part, else `single` (exercises).
    ByParticipants { joint: EventType, single: EventType },
}

/// One trigger lemma.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Trigger {
    pub(crate) cameo: Option<String>,
    pub(crate) category: Category,
    /// The place of the event, where it is a country, is its target (`Invasion in der
    /// Ukraine`): class `place_is_target` of the words table.
    pub(crate) place_is_target: bool,
    /// Who must take part for the trigger to be an event.
    pub(crate) needs: Needs,
}

/// Who must take part in an event for its trigger to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Needs {
    /// Anyone, or no one named.
    #[default]
    Nothing,
    /// An actor of the armed forces (a code with the sector MIL): `Der Bomber landete`, not
    /// `landete auf Platz drei` (class `military_only` of the words table).
    ArmedForces,
    /// An actor or recipient with a code, as PETRARCH codes events only between actors of
    /// its dictionaries: its verbs (`buy`, `study`, `insist`) are events of states and groups,
    /// not of anyone (`Sony bought`, `students studying`); so are words of everyday use of
    /// class `needs_coded` of the words table (`help`, `offer`, `release`).
    CodedParticipant,
    /// No one: the sense of a verb that names no event (`agree with` an opinion, class
    /// `prep_sense` with the value `-`), and a verb of class `needs_sense` without the
    /// preposition or object that gives it its sense (`insisted that …`, a claim; `insist on`,
    /// a demand; `stärkte ihm den Rücken`, support, where `stärken` alone is no event).
    Never,
}

/// The words of one language.
#[derive(Debug, Clone, Default)]
pub struct EventWords {
    pub(crate) verbs: HashMap<String, Trigger>,
    pub(crate) nouns: HashMap<String, Trigger>,
    pub(crate) longest_noun: usize,
    /// The ends and starts of every trigger noun and noun of class `not_trigger` of four
    /// bytes or more, for the search of a German compound's last part
    /// ([`EventWords::may_end_a_noun`], [`EventWords::may_be_a_noun`]).
    pub(crate) noun_parts: NounParts,
    /// The classes of each word of the words table, as bits by [`Class`].
    pub(crate) classes: HashMap<String, u64>,
    pub(crate) contexts: HashMap<String, String>,
    /// Per trigger verb lemma, the prepositions that give it another sense in its clause,
    /// with that sense (class `prep_sense`: `verurteilen zu` convicts, `verurteilen` alone
    /// condemns).
    pub(crate) prep_senses: HashMap<String, Vec<(String, Trigger)>>,
    /// Per trigger verb lemma, the object nouns that give it another sense, with that sense
    /// (class `object_sense`: `strike a deal` agrees, `strike` alone protests).
    pub(crate) object_senses: HashMap<String, Vec<(String, Trigger)>>,
    /// Per trigger noun lemma, the words right before it that give it another sense, with
    /// that sense (class `modifier_sense`: `heart attack` names no event, `phishing attack`
    /// is a cyber attack, COERCE; `hunger strike` a protest where `strike` alone attacks).
    pub(crate) modifier_senses: HashMap<String, Vec<(String, Trigger)>>,
    /// Per trigger noun lemma, the lemmas that give it another sense where they stand in its
    /// sentence (class `sentence_sense`: `strike` among `union`, `worker`, `pension` is a
    /// walkout, PROTEST).
    pub(crate) sentence_senses: HashMap<String, Vec<(String, Trigger)>>,
    /// The CAMEO sector of each one-word role noun of the knowledge base (`polizei` → COP),
    /// given by [`crate::EventKnowledge::set_role_nouns`].
    pub(crate) role_sectors: HashMap<Box<str>, Box<str>>,
}

impl EventWords {
    pub(crate) fn is(&self, class: Class, word: &str) -> bool {
        self.classes.get(word).is_some_and(|classes| classes & class.bit() != 0)
    }

    /// Whether `word` may end in a trigger noun or a noun of class `not_trigger` of four bytes
    /// or more: false where its last four bytes end none of them.
    pub(crate) fn may_end_a_noun(&self, word: &str) -> bool {
        self.noun_parts.ends.has(word.as_bytes().last_chunk::<4>().copied())
    }

    /// Whether `word` may be a trigger noun or a noun of class `not_trigger` of four bytes or
    /// more: false where none has its length and first two bytes. Both tests are tables of
    /// bits, so they may say yes where the word is none; a hash look-up decides.
    pub(crate) fn may_be_a_noun(&self, word: &str) -> bool {
        self.noun_parts.starts.has(NounParts::start(word))
    }
}

/// Bits of the ends and starts of the nouns a German compound may end in ([`EventWords`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct NounParts {
    ends: Bits,
    starts: Bits,
}

impl NounParts {
    fn start(word: &str) -> Option<[u8; 4]> {
        match word.as_bytes() {
            [a, b, ..] if word.len() >= 4 => Some([*a, *b, word.len().min(255) as u8, 0]),
            _ => None,
        }
    }

    pub(crate) fn insert(&mut self, word: &str) {
        if let Some(&end) = word.as_bytes().last_chunk::<4>() {
            self.ends.set(end);
            self.starts.set(NounParts::start(word).unwrap_or_default());
        }
    }
}

/// A table of 4,096 bits indexed by a hash of four bytes.
#[derive(Debug, Clone)]
struct Bits(Box<[u64; 64]>);

impl Default for Bits {
    fn default() -> Bits {
        Bits(Box::new([0; 64]))
    }
}

impl Bits {
    fn slot(key: [u8; 4]) -> usize {
        (u32::from_le_bytes(key).wrapping_mul(0x9E37_79B1) >> 20) as usize
    }

    fn set(&mut self, key: [u8; 4]) {
        let slot = Bits::slot(key);
        self.0[slot / 64] |= 1 << (slot % 64);
    }

    fn has(&self, key: Option<[u8; 4]>) -> bool {
        key.is_some_and(|key| {
            let slot = Bits::slot(key);
            self.0[slot / 64] & 1 << (slot % 64) != 0
        })
    }
}

/// The PLOVER tables: CAMEO code → category, mode, context; category and mode → score.
#[derive(Debug, Clone, Default)]
pub struct Plover {
    pub(crate) cameo: HashMap<String, (EventType, Option<String>, Option<String>)>,
    pub(crate) scores: HashMap<(EventType, Option<String>), f32>,
}

/// The classes of the words table (`event_words.tsv`), each a bit of [`EventWords::classes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Negation,
    Expletive,
    Hypothetical,
    ReportedSubjunctive,
    Planned,
    Earlier,
    ActorPrep,
    RecipientPrep,
    PlacePrep,
    PartnerPrep,
    BetweenPrep,
    OwnerPrep,
    Possessive,
    FutureAuxiliary,
    IntentModal,
    PerfectAuxiliary,
    Anterior,
    SupportVerb,
    NoPassive,
    UnstressedPrefix,
    SeveralCountries,
    PlaceIsTarget,
    ContentConjunction,
    EventSubject,
    NotTrigger,
    MilitaryOnly,
    Accident,
    NotReflexive,
    AbstractTarget,
    Reflexive,
    Idiom,
    NeedsCoded,
    NeedsSense,
    ReflexiveOnly,
    NotNegating,
    OpinionVerb,
    BindingModal,
    LightObject,
    SportsWord,
    QuestionWord,
    AgainstPrep,
    Definite,
    EventHead,
    ObjectControl,
    Unrealised,
    AgainParticle,
}

impl Class {
    /// The class's bit in [`EventWords::classes`].
    const fn bit(self) -> u64 {
        1 << self as u32
    }
}

// Each class is a bit of a `u64`.
const _: () = assert!(CLASSES.len() <= 64);

/// The classes by their names in the words table.
const CLASSES: [(&str, Class); 46] = [
    ("negation", Class::Negation),
    ("expletive", Class::Expletive),
    ("hypothetical", Class::Hypothetical),
    ("reported_subjunctive", Class::ReportedSubjunctive),
    ("planned", Class::Planned),
    ("earlier", Class::Earlier),
    ("actor_prep", Class::ActorPrep),
    ("recipient_prep", Class::RecipientPrep),
    ("place_prep", Class::PlacePrep),
    ("partner_prep", Class::PartnerPrep),
    ("between_prep", Class::BetweenPrep),
    ("owner_prep", Class::OwnerPrep),
    ("possessive", Class::Possessive),
    ("future_auxiliary", Class::FutureAuxiliary),
    ("intent_modal", Class::IntentModal),
    ("perfect_auxiliary", Class::PerfectAuxiliary),
    ("anterior", Class::Anterior),
    ("support_verb", Class::SupportVerb),
    ("no_passive", Class::NoPassive),
    ("unstressed_prefix", Class::UnstressedPrefix),
    ("several_countries", Class::SeveralCountries),
    ("place_is_target", Class::PlaceIsTarget),
    ("content_conjunction", Class::ContentConjunction),
    ("event_subject", Class::EventSubject),
    ("not_trigger", Class::NotTrigger),
    ("military_only", Class::MilitaryOnly),
    ("accident", Class::Accident),
    ("not_reflexive", Class::NotReflexive),
    ("abstract_target", Class::AbstractTarget),
    ("reflexive", Class::Reflexive),
    ("idiom", Class::Idiom),
    ("needs_coded", Class::NeedsCoded),
    ("needs_sense", Class::NeedsSense),
    ("reflexive_only", Class::ReflexiveOnly),
    ("not_negating", Class::NotNegating),
    ("opinion_verb", Class::OpinionVerb),
    ("binding_modal", Class::BindingModal),
    ("light_object", Class::LightObject),
    ("sports_word", Class::SportsWord),
    ("question_word", Class::QuestionWord),
    ("against_prep", Class::AgainstPrep),
    ("definite", Class::Definite),
    ("event_head", Class::EventHead),
    ("object_control", Class::ObjectControl),
    ("unrealised", Class::Unrealised),
    ("again_particle", Class::AgainParticle),
];

fn event_type(file: &str, row: &Row<'_>, text: &str) -> Result<EventType, ResourceError> {
    EventType::parse(text).ok_or_else(|| row.error(file, &format!("{text:?} is no PLOVER category")))
}

/// A category that overrides the CAMEO code's, with the code's mode and context, or with its
/// own mode after a colon (`SANCTION:convict`, a mode of `plover_scores.tsv`).
fn fixed_category(
    file: &str,
    row: &Row<'_>,
    text: &str,
    cameo: Option<&str>,
    plover: &Plover,
) -> Result<Category, ResourceError> {
    let (mode, context) = cameo
        .and_then(|code| plover.cameo.get(code))
        .map(|(_, mode, context)| (mode.clone(), context.clone()))
        .unwrap_or_default();
    Ok(match text.split_once(':') {
        Some((category, own)) => {
            let event_type = event_type(file, row, category)?;
            if !plover.scores.contains_key(&(event_type, Some(own.to_owned()))) {
                return Err(row.error(file, &format!("{own:?} is no mode of {category} in the PLOVER scores")));
            }
            Category::Fixed { event_type, mode: Some(own.to_owned()), context }
        }
        None => Category::Fixed { event_type: event_type(file, row, text)?, mode, context },
    })
}

fn optional(text: &str) -> Option<String> {
    (text != "-").then(|| text.to_owned())
}

impl Plover {
    pub(crate) fn load(
        cameo_file: &str,
        cameo: &str,
        scores_file: &str,
        scores: &str,
    ) -> Result<Plover, ResourceError> {
        let mut plover = Plover::default();
        for row in &parse_table(cameo_file, cameo, 4)?.rows {
            let category = event_type(cameo_file, row, row.fields[1])?;
            // A code listed twice keeps its first mapping.
            plover.cameo.entry(row.fields[0].to_owned()).or_insert((
                category,
                optional(row.fields[2]),
                optional(row.fields[3]),
            ));
        }
        for row in &parse_table(scores_file, scores, 3)?.rows {
            let category = event_type(scores_file, row, row.fields[0])?;
            let score: f32 = row.fields[2].parse().map_err(|_| row.error(scores_file, "the score is not a number"))?;
            plover.scores.insert((category, optional(row.fields[1])), score);
        }
        Ok(plover)
    }

    /// The PLOVER context of a CAMEO code, if its mapping gives one.
    pub(crate) fn context(&self, cameo: &str) -> Option<&str> {
        self.cameo.get(cameo).and_then(|(_, _, context)| context.as_deref())
    }

    /// The score of a category in a mode, else of the category.
    pub(crate) fn score(&self, category: EventType, mode: Option<&str>) -> Option<f32> {
        mode.and_then(|mode| self.scores.get(&(category, Some(mode.to_owned()))))
            .or_else(|| self.scores.get(&(category, None)))
            .copied()
    }
}

impl EventWords {
    pub(crate) fn load(
        triggers_file: &str,
        triggers: &str,
        words_file: &str,
        words: &str,
        plover: &Plover,
    ) -> Result<EventWords, ResourceError> {
        let mut out = EventWords::default();
        out.add_triggers(triggers_file, triggers, plover, Needs::Nothing)?;
        for row in &parse_table(words_file, words, 3)?.rows {
            let (class, word, value) = (row.fields[0], row.fields[1], row.fields[2]);
            if class == "context" {
                out.contexts.insert(word.to_owned(), value.to_owned());
                continue;
            }
            if matches!(class, "prep_sense" | "object_sense" | "modifier_sense" | "sentence_sense") {
                let (lemma, other) = word.split_once(' ').ok_or_else(|| {
                    row.error(words_file, &format!("{class} needs a trigger lemma and another word, space-separated"))
                })?;
                let (triggers, part) = if matches!(class, "modifier_sense" | "sentence_sense") {
                    (&out.nouns, "noun")
                } else {
                    (&out.verbs, "verb")
                };
                let Some(base) = triggers.get(lemma) else {
                    return Err(row.error(words_file, &format!("{lemma:?} is no trigger {part} of {triggers_file}")));
                };
                // `-`: in that sense the trigger names no event.
                let (category, needs) = match value {
                    "-" => (base.category.clone(), Needs::Never),
                    _ => (fixed_category(words_file, row, value, None, plover)?, Needs::Nothing),
                };
                // A sense of the trigger's own category, with no other mode, keeps its CAMEO code
                // (`insist on`, `laden zu`), with the code's mode and context.
                let same = match (&category, &base.category) {
                    (
                        Category::Fixed { event_type, mode, .. },
                        Category::Fixed { event_type: base_type, mode: base_mode, .. },
                    ) => event_type == base_type && (mode.is_none() || mode == base_mode),
                    _ => false,
                };
                let cameo = if same && needs != Needs::Never { base.cameo.clone() } else { None };
                // (and its mode and context: `aufnehmen Flüchtling`, AID, is the asylum of 075)
                let category = if cameo.is_some() { base.category.clone() } else { category };
                let sense = Trigger { cameo, category, place_is_target: false, needs };
                let senses = match class {
                    "prep_sense" => &mut out.prep_senses,
                    "object_sense" => &mut out.object_senses,
                    "modifier_sense" => &mut out.modifier_senses,
                    _ => &mut out.sentence_senses,
                };
                senses.entry(lemma.to_owned()).or_default().push((other.to_owned(), sense));
                continue;
            }
            let &(_, class) = CLASSES
                .iter()
                .find(|(known, _)| *known == class)
                .ok_or_else(|| row.error(words_file, &format!("unknown class {class:?}")))?;
            if class == Class::NeedsSense {
                // Its senses (`prep_sense`, `object_sense`) are read from its category, which stays.
                let Some(trigger) = out.verbs.get_mut(word) else {
                    return Err(row.error(words_file, &format!("{word:?} is no trigger verb of {triggers_file}")));
                };
                trigger.needs = Needs::Never;
            }
            if matches!(class, Class::PlaceIsTarget | Class::MilitaryOnly | Class::NeedsCoded) {
                let triggers = [out.verbs.get_mut(word), out.nouns.get_mut(word)];
                let mut found = false;
                for trigger in triggers.into_iter().flatten() {
                    match class {
                        Class::PlaceIsTarget => trigger.place_is_target = true,
                        Class::MilitaryOnly => trigger.needs = Needs::ArmedForces,
                        _ => trigger.needs = Needs::CodedParticipant,
                    }
                    found = true;
                }
                if !found {
                    return Err(row.error(words_file, &format!("{word:?} is no trigger of {triggers_file}")));
                }
            }
            if class == Class::NotTrigger {
                // Compounds are searched for it as for a trigger.
                out.longest_noun = out.longest_noun.max(word.len());
                out.noun_parts.insert(word);
            }
            *out.classes.entry(word.to_owned()).or_default() |= class.bit();
        }
        Ok(out)
    }

    /// Adds the triggers of a trigger table, each needing `needs`; a lemma already known keeps
    /// its entry.
    pub(crate) fn add_triggers(
        &mut self,
        triggers_file: &str,
        triggers: &str,
        plover: &Plover,
        needs: Needs,
    ) -> Result<(), ResourceError> {
        let out = self;
        for row in &parse_table(triggers_file, triggers, 4)?.rows {
            let [lemma, pos, cameo, category] = [row.fields[0], row.fields[1], row.fields[2], row.fields[3]];
            if lemma.chars().any(char::is_uppercase) {
                return Err(row.error(triggers_file, "lemmas must be lowercase"));
            }
            let cameo = optional(cameo);
            let category = match (category, &cameo) {
                ("-", Some(code)) => {
                    let (event_type, mode, context) = plover.cameo.get(code).cloned().ok_or_else(|| {
                        row.error(triggers_file, &format!("CAMEO code {code} is not in the PLOVER table"))
                    })?;
                    Category::Fixed { event_type, mode, context }
                }
                ("-", None) => return Err(row.error(triggers_file, "a trigger needs a CAMEO code or a category")),
                (both, _) if both.contains('/') => {
                    let (joint, single) = both.split_once('/').unwrap_or_default();
                    Category::ByParticipants {
                        joint: event_type(triggers_file, row, joint)?,
                        single: event_type(triggers_file, row, single)?,
                    }
                }
                (fixed, _) => fixed_category(triggers_file, row, fixed, cameo.as_deref(), plover)?,
            };
            let trigger = Trigger { cameo, category, place_is_target: false, needs };
            match pos {
                "verb" => _ = out.verbs.entry(lemma.to_owned()).or_insert(trigger),
                "noun" => {
                    out.longest_noun = out.longest_noun.max(lemma.len());
                    out.noun_parts.insert(lemma);
                    out.nouns.entry(lemma.to_owned()).or_insert(trigger);
                }
                _ => return Err(row.error(triggers_file, "the part of speech must be verb or noun")),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Class;

    /// The tables of bits that spare the search of a German compound's last part never say
    /// no to a noun it may end in: every trigger noun and noun of class `not_trigger` of four
    /// bytes or more passes both, and so do compounds ending in them.
    #[test]
    fn every_noun_a_compound_may_end_in_passes_the_filters() {
        let knowledge = crate::EventKnowledge::embedded().expect("the embedded tables load");
        for words in [&knowledge.de, &knowledge.en] {
            let not_triggers = words.classes.keys().filter(|word| words.is(Class::NotTrigger, word));
            for noun in words.nouns.keys().chain(not_triggers).filter(|noun| noun.len() >= 4) {
                assert!(words.may_end_a_noun(noun) && words.may_be_a_noun(noun), "{noun}");
                assert!(words.may_end_a_noun(&format!("waffen{noun}")), "waffen{noun}");
            }
        }
    }
}
