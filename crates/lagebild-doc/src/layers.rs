//! The records of each annotation layer. Field meanings are those of `docs/format.md`.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::TextRange;

macro_rules! layer_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            /// The layer prefix of the id's string form.
            pub const PREFIX: &'static str = $prefix;

            pub fn index(self) -> usize {
                self.0 as usize
            }

            /// Parses the string form, such as `e3`.
            pub fn parse(text: &str) -> Option<$name> {
                text.strip_prefix($prefix)?.parse().ok().map($name)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{}", $prefix, self.0)
            }
        }
    };
}

layer_id!(
    /// An entity mention: index into [`crate::Document::entities`], written `e3`.
    EntityId, "e"
);
layer_id!(
    /// A time expression: index into [`crate::Document::times`], written `t1`.
    TimeId, "t"
);
layer_id!(
    /// A quantity: index into [`crate::Document::quantities`], written `q0`.
    QuantityId, "q"
);
layer_id!(
    /// A claim: index into [`crate::Document::claims`], written `c4`.
    ClaimId, "c"
);
layer_id!(
    /// An event: index into [`crate::Document::events`], written `v2`.
    EventId, "v"
);

/// A sentence. Sentences are sorted, do not overlap and are referred to by their index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub range: TextRange,
}

/// A surface token: the words between spaces, with punctuation split off. Multiword
/// tokens such as `zum` or `don't` are one token.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Token {
    pub range: TextRange,
    /// Universal part of speech (`NOUN`, `VERB`, ...), once the morphology stage ran.
    pub pos: Option<Label>,
    /// Shared between the tokens of one word form where the stage that wrote it could (a
    /// lemma is written for every token of a long document, and copied with it).
    pub lemma: Option<Arc<str>>,
    /// Universal Dependencies features, such as `("Mood", "Sub")`, sorted by name.
    pub morph: Vec<(Label, Label)>,
}

/// A label of the token layer: a part of speech, a feature's name or value. Those that the
/// morphology stage writes borrow the [`intern`]ed labels of its models, so that labelling
/// a token allocates nothing for them; others own their text.
pub type Label = Cow<'static, str>;

/// The one copy of `label` kept for the life of the process: labels come from a few model
/// files (some hundred parts of speech, feature names and values), so the set stays small.
/// Text from documents must not be interned: it would never be freed.
pub fn intern(label: &str) -> &'static str {
    static LABELS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut labels = LABELS.get_or_init(Mutex::default).lock().unwrap_or_else(PoisonError::into_inner);
    match labels.get(label) {
        Some(&interned) => interned,
        None => {
            let interned: &'static str = Box::leak(label.into());
            labels.insert(interned);
            interned
        }
    }
}

impl Token {
    /// The universal part of speech, once the morphology stage ran.
    #[inline]
    pub fn pos(&self) -> Option<&str> {
        self.pos.as_deref()
    }

    /// The lemma, once the morphology stage ran.
    #[inline]
    pub fn lemma(&self) -> Option<&str> {
        self.lemma.as_deref()
    }

    /// The value of one Universal Dependencies feature (`feature("Mood")` → `Some("Sub")`).
    #[inline]
    pub fn feature(&self, name: &str) -> Option<&str> {
        self.morph.iter().find(|(key, _)| &**key == name).map(|(_, value)| &**value)
    }
}

/// A possibly discontinuous stretch of text: `traf … ein`, or a quote split by its cue.
/// `range` covers the whole extent; `parts` is empty when the span is continuous.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Span {
    pub range: TextRange,
    pub parts: Vec<TextRange>,
}

impl Span {
    pub fn continuous(range: TextRange) -> Span {
        Span { range, parts: Vec::new() }
    }
}

/// An argument of a claim or event: its words, the entity mention they resolve to, and
/// the actor code they carry in this context.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Arg {
    pub range: TextRange,
    pub entity: Option<EntityId>,
    pub code: Option<String>,
}

macro_rules! string_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$variant_doc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$variant_doc])* $variant),+ }

        impl $name {
            /// Every value, in the order of the JSON contract.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as the JSON contract writes it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum!(
    /// What kind of thing an entity mention names.
    EntityType {
        Person = "PERSON",
        Organization = "ORGANIZATION",
        Gpe = "GPE",
        Location = "LOCATION",
        Facility = "FACILITY",
        Other = "OTHER",
    }
);

string_enum!(
    /// How the words name the entity.
    EntityForm {
        Name = "name",
        Adjective = "adjective",
        Demonym = "demonym",
        CompoundPart = "compound_part",
        RoleNoun = "role_noun",
    }
);

string_enum!(
    /// What the words stand for here: `Moskau sagte` is the city read as its government.
    Reading {
        Place = "place",
        Government = "government",
        Military = "military",
        People = "people",
        Organization = "organization",
        Person = "person",
    }
);

/// An entity mention, linked to the knowledge base where it is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub range: TextRange,
    pub entity_type: EntityType,
    pub form: EntityForm,
    pub kb_id: Option<String>,
    pub name: Option<String>,
    pub reading: Option<Reading>,
    /// ISO 3166 alpha-3.
    pub country: Option<String>,
    /// CAMEO-style actor code in this context, such as `RUSGOV`.
    pub code: Option<String>,
    /// A person's role at the document date.
    pub role: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub confidence: f32,
    /// Shared by mentions of the same referent in the document.
    pub cluster: Option<u32>,
}

impl Entity {
    /// A mention of `entity_type` at `range` written as `form`, linked to nothing yet: no
    /// entry, name, reading, country, code, role, place or cluster.
    pub fn new(range: TextRange, entity_type: EntityType, form: EntityForm, confidence: f32) -> Entity {
        Entity {
            range,
            entity_type,
            form,
            kb_id: None,
            name: None,
            reading: None,
            country: None,
            code: None,
            role: None,
            lat: None,
            lon: None,
            confidence,
            cluster: None,
        }
    }
}

string_enum!(
    /// TIMEX3 type.
    TimeType { Date = "DATE", Time = "TIME", Duration = "DURATION", Set = "SET" }
);

string_enum!(
    /// TIMEX3 modifier.
    TimeMod {
        Start = "START",
        Mid = "MID",
        End = "END",
        Before = "BEFORE",
        After = "AFTER",
        Approx = "APPROX",
    }
);

/// A temporal expression normalised to TIMEX3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Time {
    pub range: TextRange,
    pub time_type: TimeType,
    /// TIMEX3 value: `2023-10-18`, `2023-W41`, `P3D`, `PAST_REF`.
    pub value: String,
    pub modifier: Option<TimeMod>,
    /// False where a relative value could not be resolved for want of a document date.
    pub anchored: bool,
}

string_enum!(
    /// How a quantity's number is qualified.
    QuantityModifier {
        Exact = "exact",
        MoreThan = "more_than",
        AtLeast = "at_least",
        LessThan = "less_than",
        AtMost = "at_most",
        About = "about",
        UpTo = "up_to",
    }
);

#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub range: TextRange,
    pub value: f64,
    pub unit: Option<String>,
    pub modifier: QuantityModifier,
}

string_enum!(
    ClaimKind { Direct = "direct", Indirect = "indirect", Mixed = "mixed" }
);

string_enum!(
    ClaimConstruction {
        Verb = "verb",
        Noun = "noun",
        AccordingTo = "according_to",
        Postposed = "postposed",
    }
);

string_enum!(
    Stance { Assert = "assert", Hedge = "hedge", Deny = "deny" }
);

/// A statement attributed to a speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Index of the sentence holding the cue.
    pub sentence: u32,
    pub kind: ClaimKind,
    pub construction: ClaimConstruction,
    pub speaker: Option<Arg>,
    pub channel: Option<Arg>,
    pub addressee: Option<Arg>,
    pub cue: Span,
    pub content: Span,
    pub stance: Stance,
    /// When the statement was made, as a TIMEX3 value.
    pub date: Option<String>,
    pub parent: Option<ClaimId>,
    pub responds_to: Vec<ClaimId>,
    pub events: Vec<EventId>,
}

string_enum!(
    /// The 16 PLOVER event categories.
    EventType {
        Agree = "AGREE",
        Consult = "CONSULT",
        Support = "SUPPORT",
        Concede = "CONCEDE",
        Cooperate = "COOPERATE",
        Aid = "AID",
        Retreat = "RETREAT",
        Request = "REQUEST",
        Accuse = "ACCUSE",
        Reject = "REJECT",
        Threaten = "THREATEN",
        Protest = "PROTEST",
        Sanction = "SANCTION",
        Mobilize = "MOBILIZE",
        Coerce = "COERCE",
        Assault = "ASSAULT",
    }
);

string_enum!(
    /// Where an event's date came from.
    DateSource { Text = "text", Published = "published", None = "none" }
);

/// Who did what to whom, when and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub sentence: u32,
    pub event_type: EventType,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub score: Option<f32>,
    pub actors: Vec<Arg>,
    pub recipients: Vec<Arg>,
    pub location: Option<Arg>,
    pub date: Option<String>,
    pub date_source: DateSource,
    pub time: Option<TimeId>,
    pub quantities: Vec<QuantityId>,
    pub trigger: Span,
    pub negated: bool,
    pub hypothetical: bool,
    pub future: bool,
    pub historical: bool,
    pub claim: Option<ClaimId>,
}

string_enum!(
    /// What kind of clause a [`Clause`] is.
    ClauseKind {
        Main = "main",
        /// Introduced by a subordinating conjunction (`dass`, `weil`, `nachdem`, `that`, `because`).
        Subordinate = "subordinate",
        /// Introduced by a relative pronoun or adverb (`der`, `bei dem`, `which`, `who`).
        Relative = "relative",
        /// An infinitive clause (`um … zu unterstützen`, `to support`).
        Infinitive = "infinitive",
        /// Reported speech after a comma, without a conjunction (`sagte, Washington habe …`).
        ReportedSpeech = "reported_speech",
    }
);

/// The grammatical role of a clause argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArgumentRole {
    Subject,
    /// Accusative or direct object.
    Object,
    /// Dative or indirect object.
    IndirectObject,
    /// The agent of a passive (`von …`, `by …`).
    Agent,
}

/// A clause: the unit later stages ask grammatical questions of. Not part of the JSON
/// contract; filled by the morphology stage from tokens with part of speech and features.
/// Token positions are indices into [`crate::Document::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Index of the sentence the clause lies in.
    pub sentence: u32,
    pub kind: ClauseKind,
    /// The clause's tokens, in order; a clause interrupted by an embedded one has a gap.
    pub tokens: Vec<u32>,
    /// The conjunction, relative pronoun or `zu`/`to` that introduces it.
    pub introducer: Option<u32>,
    /// The finite verb, else the infinitive or participle that heads the clause.
    pub verb: Option<u32>,
    /// Every token of the verb complex: auxiliaries, modals, participles, infinitives, particle.
    pub verb_tokens: Vec<u32>,
    /// The lemma of the verb complex's main verb, joined to a separable particle (`eintreffen`).
    pub lemma: Option<Box<str>>,
    /// Head tokens of the subject and objects, with their roles: the clause's own tokens, but
    /// for the subject a German clause coordinated without one shares with the clause before
    /// it (`Die Gewerkschaften kritisierten … und drohten mit Streiks`).
    pub arguments: Vec<(ArgumentRole, u32)>,
    pub passive: bool,
    /// The clause it is embedded in, as an index into [`crate::Document::clauses`].
    pub parent: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interned_label_is_one_copy_of_its_text() {
        let (first, again) = (intern(&String::from("Mood")), intern(&String::from("Mood")));
        assert_eq!(first, "Mood");
        assert!(std::ptr::eq(first, again));
        assert!(!std::ptr::eq(first, intern("Tense")));
    }
}
