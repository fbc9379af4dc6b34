//! What the clause analyser needs to know of each token, read once from its part of speech,
//! features and lemma into a few bits.

use lagebild_doc::{Document, Lang, Token};
use lagebild_resources::{ClauseWordClass, ClauseWords, LangResources};

/// Universal part of speech, as far as clause structure cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pos {
    Verb,
    Aux,
    Noun,
    Propn,
    Pron,
    Det,
    Adj,
    Num,
    Adp,
    Adv,
    Sconj,
    Cconj,
    Part,
    Punct,
    /// Any other tag (`INTJ`, `SYM`, `X`).
    Other,
    /// No tag at all: the tagger did not run.
    Missing,
}

impl Pos {
    /// By length and one or two letters, which single out each UD tag: this runs for
    /// every token, and a tagger gives UD tags only.
    fn parse(tag: Option<&str>) -> Pos {
        let Some(tag) = tag else { return Pos::Missing };
        let b = tag.as_bytes();
        let at = |i: usize| b.get(i).copied().unwrap_or(0);
        match (b.len(), at(0), at(1), at(2)) {
            (4, b'V', _, _) => Pos::Verb,
            (3, b'A', b'U', _) => Pos::Aux,
            (4, b'N', _, _) => Pos::Noun,
            (5, b'P', b'R', _) => Pos::Propn,
            (4, b'P', b'R', _) => Pos::Pron,
            (3, b'D', _, _) => Pos::Det,
            (3, b'A', b'D', b'J') => Pos::Adj,
            (3, b'N', _, _) => Pos::Num,
            (3, b'A', b'D', b'P') => Pos::Adp,
            (3, b'A', b'D', b'V') => Pos::Adv,
            (5, b'S', _, _) => Pos::Sconj,
            (5, b'C', _, _) => Pos::Cconj,
            (4, b'P', b'A', _) => Pos::Part,
            (5, b'P', b'U', _) => Pos::Punct,
            _ => Pos::Other,
        }
    }
}

/// The features the analyser reads, told apart by length and one or two letters, which
/// single them out among the feature names of UD German and English (the tagger gives no
/// others).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Feature {
    VerbForm,
    Mood,
    Tense,
    PartType,
    PronType,
    Case,
    Number,
    Person,
    Other,
}

fn feature(name: &str) -> Feature {
    let b = name.as_bytes();
    match (b.len(), b.first().copied(), b.get(1).copied()) {
        (8, Some(b'V'), _) => Feature::VerbForm,
        (4, Some(b'M'), _) => Feature::Mood,
        (5, Some(b'T'), _) => Feature::Tense,
        (8, Some(b'P'), Some(b'a')) => Feature::PartType,
        (8, Some(b'P'), Some(b'r')) => Feature::PronType,
        (4, Some(b'C'), _) => Feature::Case,
        (6, Some(b'N'), _) => Feature::Number,
        (6, Some(b'P'), Some(b'e')) => Feature::Person,
        _ => Feature::Other,
    }
}

/// A short ASCII string packed into an integer, for matching feature values with integer
/// comparisons; `None` past eight bytes.
const fn pack_bytes(bytes: &[u8]) -> Option<u64> {
    if bytes.len() > 8 {
        return None;
    }
    let mut key = 0u64;
    let mut index = 0;
    while index < bytes.len() {
        key = key << 8 | bytes[index] as u64;
        index += 1;
    }
    Some(key)
}

fn pack(text: &str) -> Option<u64> {
    pack_bytes(text.as_bytes())
}

macro_rules! packed {
    ($($name:ident = $text:literal),+ $(,)?) => {
        $(const $name: u64 = match pack_bytes($text.as_bytes()) { Some(key) => key, None => 0 };)+
    };
}

packed!(
    FIN = "Fin",
    INF = "Inf",
    PART_VALUE = "Part",
    GER = "Ger",
    PAST = "Past",
    PRES = "Pres",
    SUB = "Sub",
    VBP = "Vbp",
    REL = "Rel",
    INT = "Int",
    NOM = "Nom",
    ACC = "Acc",
    DAT = "Dat",
    GEN = "Gen",
    SING = "Sing",
    PLUR = "Plur",
);

/// Bits of [`Word::flags`].
pub(crate) mod flag {
    /// A verb (`VERB` or `AUX`) that is not a separable particle.
    pub(crate) const VERB: u32 = 1;
    /// `VerbForm=Fin`, or a verb with mood but no verb form.
    pub(crate) const FINITE: u32 = 1 << 1;
    /// `VerbForm=Inf`, or a verb with no verb form, mood or tense.
    pub(crate) const INFINITIVE: u32 = 1 << 2;
    /// `VerbForm=Part` or `VerbForm=Ger`.
    pub(crate) const PARTICIPLE: u32 = 1 << 3;
    pub(crate) const PAST: u32 = 1 << 4;
    /// `Mood=Sub`: Konjunktiv.
    pub(crate) const SUBJUNCTIVE: u32 = 1 << 5;
    /// `PartType=Vbp`: a separable verb particle (`ein` in `traf … ein`, `up` in `give up`).
    pub(crate) const PARTICLE: u32 = 1 << 6;
    /// `PronType` includes `Rel`.
    pub(crate) const RELATIVE: u32 = 1 << 7;
    /// `PronType` includes `Int` (and not `Rel`).
    pub(crate) const INTERROGATIVE: u32 = 1 << 8;
    /// A German infinitive with `zu` inside (`einzusetzen`), or right after the particle `zu`.
    pub(crate) const ZU_INFINITIVE: u32 = 1 << 9;
    pub(crate) const NOMINATIVE: u32 = 1 << 10;
    pub(crate) const ACCUSATIVE: u32 = 1 << 11;
    pub(crate) const DATIVE: u32 = 1 << 12;
    pub(crate) const GENITIVE: u32 = 1 << 13;
    pub(crate) const SINGULAR: u32 = 1 << 14;
    pub(crate) const PLURAL: u32 = 1 << 15;
    /// Punctuation that may stand between clauses: anything but a sentence's final `.`, `!`, `?`.
    pub(crate) const CLAUSE_PUNCT: u32 = 1 << 16;
    /// The English possessive `'s`, inside a noun phrase.
    pub(crate) const POSSESSIVE: u32 = 1 << 17;
    /// `VerbForm=Ger` or `Tense=Pres` on a participle: `-ing`, never a passive participle.
    pub(crate) const PRESENT: u32 = 1 << 18;
    /// A pronoun's or adverb's token that ends in a verb clitic (`it's`, `I'd`): a finite verb.
    pub(crate) const CLITIC: u32 = 1 << 19;
    /// A comma, semicolon, colon or dash: punctuation that ends a fronted clause (not a
    /// bracket or quote).
    pub(crate) const COMMA: u32 = 1 << 20;
    /// A quotation mark, which a noun phrase may hold (`ein „historischer“ Tag`).
    pub(crate) const QUOTE: u32 = 1 << 21;
    /// `Person=1`, on a verb or pronoun.
    pub(crate) const FIRST_PERSON: u32 = 1 << 22;
    /// An opening round bracket, whose phrase right after a phrase is no argument
    /// (`General Electric (GE)`).
    pub(crate) const OPEN_BRACKET: u32 = 1 << 23;

    pub(crate) const CASES: u32 = NOMINATIVE | ACCUSATIVE | DATIVE | GENITIVE;
    pub(crate) const NUMBERS: u32 = SINGULAR | PLURAL;
}

/// One token as the clause analyser sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    pub(crate) pos: Pos,
    pub(crate) flags: u32,
    /// The classes of its lemma in `clause_words.tsv`.
    pub(crate) classes: ClauseWords,
}

impl Word {
    /// Reads a token. Only verbs and words that can shape a clause in `lang` are looked up
    /// in the resources, so that most tokens cost no hashing (an English preposition is
    /// looked up where it matters: [`lookup`]).
    pub(crate) fn of<'t>(token: &'t Token, form: impl Fn() -> &'t str, resources: &LangResources, lang: Lang) -> Word {
        let mut pos = Pos::parse(token.pos.as_deref());
        let mut flags = 0;
        // Packed values of the verb features, 0 when absent.
        let (mut verb_form, mut mood, mut tense) = (0, 0, 0);
        // Features live in their own allocations, so reading them costs cache misses: nouns,
        // adjectives, numerals, conjunctions and punctuation are read without (a noun's case
        // is read where it heads an argument: [`noun_features`]).
        let features =
            !matches!(pos, Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num | Pos::Cconj | Pos::Sconj | Pos::Punct);
        for (name, value) in token.morph.iter().filter(|_| features) {
            let value_key = || pack(value).unwrap_or(u64::MAX);
            match feature(name) {
                Feature::VerbForm => verb_form = value_key(),
                Feature::Mood => mood = value_key(),
                Feature::Tense => tense = value_key(),
                Feature::PartType if value_key() == VBP => flags |= flag::PARTICLE,
                Feature::PronType => {
                    let pron_type = each(value, |v| match v {
                        REL => flag::RELATIVE,
                        INT => flag::INTERROGATIVE,
                        _ => 0,
                    });
                    // `Int,Rel` (German `was`) is relative.
                    flags |= if pron_type & flag::RELATIVE != 0 { flag::RELATIVE } else { pron_type };
                }
                Feature::Case | Feature::Number => flags |= nominal_feature(name, value),
                Feature::Person if &**value == "1" => flags |= flag::FIRST_PERSON,
                _ => {}
            }
        }
        if matches!(pos, Pos::Verb | Pos::Aux) && flags & flag::PARTICLE == 0 {
            flags |= flag::VERB;
            flags |= match (verb_form, mood, tense) {
                (FIN, _, _) => flag::FINITE,
                (INF, _, _) => flag::INFINITIVE,
                (PART_VALUE, _, _) => flag::PARTICIPLE,
                (GER, _, _) => flag::PARTICIPLE | flag::PRESENT,
                (form, _, _) if form != 0 => 0,
                (_, mood, _) if mood != 0 => flag::FINITE,
                (_, _, tense) if tense != 0 => flag::FINITE,
                _ => flag::INFINITIVE,
            };
            if tense == PAST {
                flags |= flag::PAST;
            }
            if tense == PRES && flags & flag::PARTICIPLE != 0 {
                flags |= flag::PRESENT;
            }
            if mood == SUB {
                flags |= flag::SUBJUNCTIVE;
            }
            // A German present indicative spelt like its infinitive without the final `n` is
            // the first person singular (`bitte`, `wünsche`), whatever person the tagger gave
            // (its Konjunktiv I twin, `er bitte`, has the mood `Sub`).
            if lang == Lang::De && flags & flag::FINITE != 0 && mood != SUB && tense != PAST {
                let first = token
                    .lemma
                    .as_deref()
                    .and_then(|lemma| lemma.strip_suffix('n'))
                    .is_some_and(|stem| stem.ends_with('e') && form().eq_ignore_ascii_case(stem));
                if first {
                    flags = (flags & !flag::NUMBERS) | flag::FIRST_PERSON | flag::SINGULAR;
                }
            }
        }
        if pos == Pos::Punct {
            // One match on the form: a sentence's end, a comma-like mark, a quotation mark,
            // else another mark (a bracket) that may still stand between clauses.
            flags |= match form() {
                "." | "!" | "?" | "…" | "..." | "?!" | "!?" => 0,
                "," | ";" | ":" | "-" | "–" | "—" | "--" => flag::CLAUSE_PUNCT | flag::COMMA,
                "\"" | "„" | "“" | "”" | "«" | "»" | "‚" | "‘" | "’" | "'" | "``" | "''" => {
                    flag::CLAUSE_PUNCT | flag::QUOTE
                }
                "(" => flag::CLAUSE_PUNCT | flag::OPEN_BRACKET,
                _ => flag::CLAUSE_PUNCT,
            };
        }
        if pos == Pos::Part && matches!(form(), "'s" | "’s" | "'" | "’") {
            flags |= flag::POSSESSIVE;
        }
        let mut clitic_lemma = None;
        if matches!(pos, Pos::Pron | Pos::Adv | Pos::Det) && !resources.verb_clitics.is_empty() {
            let form = form();
            if form.contains(['\'', '’']) {
                clitic_lemma = verb_clitic(resources, form);
            }
        }
        if clitic_lemma.is_some() {
            pos = Pos::Aux;
            flags |= flag::VERB | flag::FINITE | flag::CLITIC;
        }
        let lookup = flags & (flag::VERB | flag::PARTICLE) != 0
            || matches!(pos, Pos::Sconj | Pos::Part | Pos::Missing | Pos::Other)
            || (lang == Lang::De && matches!(pos, Pos::Adp | Pos::Cconj));
        let classes = match (clitic_lemma.or(token.lemma.as_deref()), lookup) {
            (Some(lemma), true) => classes_of(resources, lemma),
            (None, true) => classes_of(resources, form()),
            (_, false) => ClauseWords::default(),
        };
        // The participles of the German auxiliaries begin with `ge` or are `worden`: another
        // form of `werden`, `sein` or `haben` the tagger read as a participle is finite
        // (`…, wo Menschen getötet wurden`).
        if lang == Lang::De
            && flags & flag::PARTICIPLE != 0
            && (classes.has(ClauseWordClass::PassiveAuxiliary) || classes.has(ClauseWordClass::PerfectAuxiliary))
        {
            let form = form();
            let participle = form.get(..2).is_some_and(|head| head.eq_ignore_ascii_case("ge"))
                || form.eq_ignore_ascii_case("worden");
            if !participle {
                flags = (flags & !(flag::PARTICIPLE | flag::PRESENT)) | flag::FINITE;
            }
        }
        if flags & flag::INFINITIVE != 0 && has_inner_zu(form(), token.lemma.as_deref()) {
            flags |= flag::ZU_INFINITIVE;
        }
        // A pronoun or determiner the tagger read as a particle (`Das weiß jeder`).
        if classes.has(ClauseWordClass::NotParticle) {
            flags &= !flag::PARTICLE;
        }
        Word { pos, flags, classes }
    }

    pub(crate) fn has(self, bits: u32) -> bool {
        self.flags & bits != 0
    }

    pub(crate) fn is(self, class: ClauseWordClass) -> bool {
        self.classes.has(class)
    }

    pub(crate) fn is_verb(self) -> bool {
        self.has(flag::VERB)
    }

    /// A verb or a separable particle: a member of a verb complex.
    pub(crate) fn is_verbal(self) -> bool {
        self.has(flag::VERB | flag::PARTICLE)
    }

    pub(crate) fn is_finite(self) -> bool {
        self.has(flag::FINITE)
    }

    /// Reads a verb the tagger took for finite as a past participle (only participles carry
    /// `PRESENT`, so a finite verb has none to drop).
    fn read_as_participle(&mut self) {
        self.flags &= !(flag::FINITE | flag::PAST | flag::SUBJUNCTIVE | flag::INFINITIVE);
        self.flags |= flag::PARTICIPLE;
    }

    /// Reads a verb the tagger took for finite as an infinitive.
    fn read_as_infinitive(&mut self) {
        self.flags &= !(flag::FINITE | flag::PAST | flag::SUBJUNCTIVE | flag::PARTICIPLE);
        self.flags |= flag::INFINITIVE;
    }

    /// Reads a verb the tagger took for an infinitive or participle as finite.
    fn read_as_finite(&mut self) {
        self.flags &= !(flag::INFINITIVE | flag::PARTICIPLE);
        self.flags |= flag::FINITE;
    }

    /// A verb of the complex that is not an auxiliary or modal by its lemma.
    pub(crate) fn is_lexical_verb(self) -> bool {
        self.is_verb() && !self.classes.is_auxiliary()
    }

    /// Any punctuation, also a sentence's final period.
    pub(crate) fn is_punct(self) -> bool {
        self.pos == Pos::Punct
    }

    /// Punctuation or a coordinating conjunction: where a new clause may begin.
    pub(crate) fn is_marker(self) -> bool {
        self.has(flag::CLAUSE_PUNCT) || self.pos == Pos::Cconj
    }

    /// A word that can stand in a noun phrase.
    pub(crate) fn is_nominal(self) -> bool {
        matches!(self.pos, Pos::Noun | Pos::Propn | Pos::Pron | Pos::Det | Pos::Adj | Pos::Num)
            || self.has(flag::POSSESSIVE)
    }
}

/// Corrects what a word's own tags say by its neighbours: a hyphen or slash glued to the
/// words on both sides (`T-Shirt` split by a treebank, `und/oder`) separates no clauses,
/// and a German participle between an article or adjective and a noun is an adjective
/// (`die geplanten Gespräche`).
pub(crate) fn in_context(words: &mut [Word], tokens: &[Token], doc: &Document, lang: Lang) {
    for k in 1..words.len().saturating_sub(1) {
        if words[k].has(flag::CLAUSE_PUNCT)
            && tokens[k - 1].range.end() == tokens[k].range.start()
            && tokens[k].range.end() == tokens[k + 1].range.start()
            && matches!(doc.slice(tokens[k].range), "-" | "/")
        {
            words[k].flags &= !(flag::CLAUSE_PUNCT | flag::COMMA);
        }
        if !(words[k].is_verb() && words[k].has(flag::PARTICIPLE)) {
            continue;
        }
        // After an article, adjective, numeral, possessive (`our`, `Russia's`) or hyphen.
        let before = words[k - 1];
        let hyphenated =
            || tokens[k - 1].range.end() == tokens[k].range.start() && doc.slice(tokens[k - 1].range) == "-";
        let possessive = || {
            let form = doc.slice(tokens[k - 1].range);
            (before.pos == Pos::Pron && before.flags & flag::CASES == 0)
                || (matches!(before.pos, Pos::Propn | Pos::Noun) && (form.ends_with("'s") || form.ends_with("’s")))
        };
        let attributive = matches!(words[k + 1].pos, Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num)
            && (matches!(before.pos, Pos::Det | Pos::Adj | Pos::Num)
                || hyphenated()
                || (lang != Lang::De && possessive()));
        if attributive {
            words[k].pos = Pos::Adj;
            words[k].flags &= !(flag::VERB | flag::FINITE | flag::INFINITIVE | flag::PARTICIPLE);
        }
    }
    // German: the only verb of a relative or subordinate clause stands at its end and is
    // finite; one the tagger read as an infinitive, spelt alike in the plural (`Landwirte,
    // die sagen: …`, `Gutachten, die das anders sehen, …`), or as a participle, spelt alike
    // in the third person (`Jeder, der sich damit beschäftigt, weiß …`), is finite.
    if lang == Lang::De {
        for k in 1..words.len() {
            let word = words[k];
            let ends = words.get(k + 1).is_none_or(|next| next.pos == Pos::Punct);
            let non_finite = (word.has(flag::INFINITIVE) && !word.has(flag::ZU_INFINITIVE))
                || (word.has(flag::PARTICIPLE) && !word.has(flag::PRESENT));
            if !(word.is_verb() && non_finite && ends) {
                continue;
            }
            // Back to the clause's start, past the other verbs of a final cluster that are not
            // finite either (`dass die Messpunkte verlagert werden`, `werden` read as an
            // infinitive).
            let mut j = k;
            while j > 0
                && !words[j - 1].has(flag::CLAUSE_PUNCT)
                && !(words[j - 1].is_verb() && words[j - 1].is_finite())
            {
                j -= 1;
            }
            // After a comma, or at the sentence's start for a subordinator (`Wie wir alle
            // wissen, …`).
            let opened = if j > 0 { words[j - 1].has(flag::COMMA) } else { words[j].pos == Pos::Sconj };
            let introducer = words[j].has(flag::RELATIVE) || words[j].pos == Pos::Sconj;
            if opened && introducer && j < k {
                words[k].read_as_finite();
            }
        }
    }
    // German: a verb read as an infinitive right after a personal pronoun in the nominative
    // (and `alle`, `beide`), with no verb between it and the clause mark before, is the
    // present tense spelt alike (`…, und wir alle wissen, dass …`).
    if lang == Lang::De {
        for k in 1..words.len() {
            let word = words[k];
            if !(word.is_verb() && word.has(flag::INFINITIVE) && !word.has(flag::ZU_INFINITIVE)) {
                continue;
            }
            let mut j = k - 1;
            while j > 0 && words[j].pos == Pos::Det && k - j <= 2 {
                j -= 1;
            }
            let subject = words[j].pos == Pos::Pron && words[j].has(flag::NOMINATIVE) && !words[j].has(flag::RELATIVE);
            let opened = (0..j).rev().take_while(|&i| !words[i].is_marker()).all(|i| !words[i].is_verbal());
            if subject && opened {
                words[k].read_as_finite();
            }
        }
    }
    // German verb-second: the first verb of a sentence, read as an infinitive, after a first
    // constituent with no clause mark, subordinator or relative pronoun in it and before more
    // words, is the plural present spelt alike (`In der Ostukraine kämpfen Regierungstruppen
    // gegen …`): a main clause has a finite verb.
    if lang == Lang::De
        && let Some(k) = words.iter().position(|word| word.is_verbal())
        && k > 0
        && words.get(k + 1).is_some_and(|next| next.pos != Pos::Punct)
    {
        let word = words[k];
        let opened = words[..k]
            .iter()
            .all(|w| !w.is_marker() && w.pos != Pos::Sconj && !w.has(flag::RELATIVE | flag::INTERROGATIVE))
            && words[k - 1].pos != Pos::Part;
        let form = doc.slice(tokens[k].range);
        if word.is_verb()
            && word.has(flag::INFINITIVE)
            && !word.has(flag::ZU_INFINITIVE)
            && opened
            && form.ends_with("en")
        {
            words[k].read_as_finite();
            words[k].flags = (words[k].flags & !flag::NUMBERS) | flag::PLURAL;
        }
    }
    // German: a separable particle is split off its verb only where that verb is finite and
    // stands first or second (`Auch das lehnen wir ganz entschieden ab`; a participle or an
    // infinitive keeps its particle: `abgelehnt`, `ablehnen`). So where a particle ends a
    // stretch, the first verb of the stretch, a lexical verb read as an infinitive, is the
    // present tense spelt alike, and the particle is its own. (Not an infinitive after `zu`.)
    if lang == Lang::De {
        for k in 1..words.len() {
            let ends = words.get(k + 1).is_none_or(|next| next.pos == Pos::Punct);
            if !(words[k].has(flag::PARTICLE) && ends) {
                continue;
            }
            // Back to a clause mark or a conjunction (`um … zu bezeichnen und fügte hinzu`).
            let start = (0..k).rev().take_while(|&i| !words[i].is_marker()).last().unwrap_or(k);
            let Some(j) = (start..k).find(|&i| words[i].is_verbal()) else { continue };
            let word = words[j];
            let after_zu = j > 0 && words[j - 1].pos == Pos::Part;
            if word.is_lexical_verb() && word.has(flag::INFINITIVE) && !word.has(flag::ZU_INFINITIVE) && !after_zu {
                words[j].read_as_finite();
            }
        }
    }
    // English: a verb read as an infinitive right after its subject in a clause that a
    // subordinator or wh-word opens, with no `to` or auxiliary before it, is a present tense
    // spelt alike (`when those air conditioners come`, `if they win`).
    if lang == Lang::En {
        for k in 1..words.len() {
            let word = words[k];
            let subject = matches!(words[k - 1].pos, Pos::Noun | Pos::Propn | Pos::Pron);
            if !(word.is_verb() && word.has(flag::INFINITIVE) && subject) {
                continue;
            }
            let opener = |w: Word| w.pos == Pos::Sconj || w.has(flag::RELATIVE | flag::INTERROGATIVE);
            let opened = (0..k - 1)
                .rev()
                .take_while(|&j| !words[j].has(flag::CLAUSE_PUNCT) && !words[j].is_verbal())
                .any(|j| opener(words[j]));
            if opened {
                words[k].read_as_finite();
            }
        }
    }
    // German: a finite modal or future auxiliary waits for its infinitive; a word read as a
    // separable particle that ends the stretch before it has come, spelt like an
    // infinitive (`werden dem Antrag zustimmen`), is that infinitive; so is a verb read as
    // finite that is spelt like its lemma and ends the stretch or comes before another verb
    // (`Man muss sich die Frage stellen, ob …`: a clause has one finite verb).
    if lang == Lang::De {
        let mut waiting = false;
        for k in 0..words.len() {
            let word = words[k];
            if word.has(flag::CLAUSE_PUNCT) {
                waiting = false;
            } else if word.is_verb() && word.is_finite() {
                let form = doc.slice(tokens[k].range);
                // Or before a conjunction and another verb, which waits as well (`sollten
                // Anreize schaffen und zeigen, dass …`).
                let coordinated = words.get(k + 1).is_some_and(|next| next.pos == Pos::Cconj)
                    && words.get(k + 2).is_some_and(|verb| verb.is_verb());
                let closes =
                    words.get(k + 1).is_none_or(|next| next.pos == Pos::Punct || next.is_verb()) || coordinated;
                let infinitive = waiting
                    && closes
                    && form.ends_with('n')
                    && tokens[k].lemma().is_some_and(|lemma| lemma.to_lowercase() == form.to_lowercase());
                if infinitive {
                    words[k].read_as_infinitive();
                    waiting = coordinated;
                    continue;
                }
                waiting = word.is(ClauseWordClass::Modal) || word.is(ClauseWordClass::FutureAuxiliary);
            } else if word.is_verb() {
                waiting = false;
            } else if waiting && word.has(flag::PARTICLE) {
                let form = doc.slice(tokens[k].range);
                let ends = words.get(k + 1).is_none_or(|next| next.pos == Pos::Punct);
                if ends && form.ends_with("en") && form.chars().count() >= 7 {
                    words[k].pos = Pos::Verb;
                    words[k].flags &= !flag::PARTICLE;
                    words[k].flags |= flag::VERB | flag::INFINITIVE;
                }
                waiting = false;
            }
        }
    }
    // German: a finite perfect or passive auxiliary (`hatten`, `wurde`) with a later verb read
    // as finite in the same stretch (no comma, conjunction or quotation mark between): a
    // clause has one finite verb, so the later one, spelt like a participle (`erklärt`,
    // `geworfen`), is the participle (`Vertreter der US-Regierung hatten erklärt, …`).
    if lang == Lang::De {
        let mut auxiliary = false;
        for k in 0..words.len() {
            let word = words[k];
            if word.has(flag::CLAUSE_PUNCT) || matches!(word.pos, Pos::Cconj | Pos::Sconj) {
                auxiliary = false;
                continue;
            }
            let is_auxiliary = word.is(ClauseWordClass::PerfectAuxiliary) || word.is(ClauseWordClass::PassiveAuxiliary);
            if word.is_verb() && word.has(flag::FINITE) && !is_auxiliary && auxiliary {
                let form = doc.slice(tokens[k].range);
                let lemma_differs = tokens[k].lemma().is_some_and(|lemma| !lemma.eq_ignore_ascii_case(form));
                if lemma_differs && (form.ends_with('t') || form.ends_with("en")) {
                    words[k].read_as_participle();
                }
                auxiliary = false;
            } else if word.is_verb() && word.has(flag::FINITE) {
                auxiliary = is_auxiliary;
            }
        }
    }
    for k in 0..words.len() {
        // German `worden` follows a past participle only: a verb before it that the tagger
        // read as finite (`mit Eiern beworfen worden`) is that participle.
        if lang == Lang::De
            && words[k].is_verb()
            && words[k].has(flag::FINITE)
            && tokens.get(k + 1).is_some_and(|next| doc.slice(next.range) == "worden")
        {
            words[k].read_as_participle();
        }
        // A German infinitive is its own lemma, or its lemma with `zu` inside (`anzugreifen`):
        // a verb read as an infinitive that is neither (`mit Eiern beworfen`, lemma `bewerfen`)
        // is a participle.
        if lang == Lang::De
            && words[k].is_verb()
            && words[k].has(flag::INFINITIVE)
            && let Some(lemma) = tokens[k].lemma()
        {
            let form = doc.slice(tokens[k].range).to_lowercase();
            let lemma = lemma.to_lowercase();
            let zu_infinitive =
                form.match_indices("zu").any(|(at, _)| form[..at].to_owned() + &form[at + 2..] == lemma);
            if form != lemma && !zu_infinitive && !form.starts_with("zu") {
                words[k].flags &= !flag::INFINITIVE;
                words[k].flags |= flag::PARTICIPLE;
            }
        }
        // `including`, `according to`: a preposition, unless an auxiliary goes before.
        let prepositional = lang != Lang::De
            && words[k].has(flag::PRESENT)
            && words[k].is(ClauseWordClass::PrepositionalParticiple)
            && (k == 0 || !words[k - 1].is_verbal());
        if prepositional {
            words[k].pos = Pos::Adp;
            words[k].flags &= !(flag::VERB | flag::FINITE | flag::INFINITIVE | flag::PARTICIPLE | flag::PRESENT);
        }
    }
}

/// The union of `bit` over the comma-separated values of a feature (`Dem,Rel`), packed.
fn each(value: &str, bit: impl Fn(u64) -> u32) -> u32 {
    if value.bytes().any(|byte| byte == b',') {
        value.split(',').filter_map(pack).map(bit).fold(0, |all, one| all | one)
    } else {
        pack(value).map_or(0, bit)
    }
}

/// The case and number bits of a token's features (for a noun, which [`Word::of`] reads
/// without them).
pub(crate) fn noun_features(token: &Token) -> u32 {
    token.morph.iter().map(|(name, value)| nominal_feature(name, value)).fold(0, |all, one| all | one)
}

/// The bits of a `Case` or `Number` feature.
fn nominal_feature(name: &str, value: &str) -> u32 {
    match feature(name) {
        Feature::Case => each(value, |v| match v {
            NOM => flag::NOMINATIVE,
            ACC => flag::ACCUSATIVE,
            DAT => flag::DATIVE,
            GEN => flag::GENITIVE,
            _ => 0,
        }),
        Feature::Number => each(value, |v| match v {
            SING => flag::SINGULAR,
            PLUR => flag::PLURAL,
            _ => 0,
        }),
        _ => 0,
    }
}

/// The lemma of the verb a clitic at the end of `form` stands for (`it's` → `be`).
pub(crate) fn verb_clitic<'r>(resources: &'r LangResources, form: &str) -> Option<&'r str> {
    resources
        .verb_clitics
        .iter()
        .find(|(clitic, _)| form.len() > clitic.len() && form.ends_with(clitic.as_str()))
        .map(|(_, lemma)| lemma.as_str())
}

/// The classes of a token's lemma (else its form), looked up now.
pub(crate) fn lookup(resources: &LangResources, token: &Token, form: &str) -> ClauseWords {
    classes_of(resources, token.lemma.as_deref().unwrap_or(form))
}

/// The classes of a lemma; a capitalised lemma (a sentence-initial `Um` without a tagger's
/// lemma) is looked up in lower case.
fn classes_of(resources: &LangResources, lemma: &str) -> ClauseWords {
    if let Some(classes) = resources.clause_words.get(lemma) {
        return *classes;
    }
    if lemma.chars().any(char::is_uppercase) {
        return resources.clause_words.get(&lemma.to_lowercase()).copied().unwrap_or_default();
    }
    ClauseWords::default()
}

/// Whether a German infinitive form holds a `zu` its lemma does not: `einzusetzen` beside
/// `einsetzen`, `zuzustimmen` beside `zustimmen`. English forms never do.
fn has_inner_zu(form: &str, lemma: Option<&str>) -> bool {
    let Some(lemma) = lemma else { return false };
    form.len() == lemma.len() + 2 && form.matches("zu").count() > lemma.matches("zu").count()
}
