//! Claims and attribution: who says what, through which channel, with what stance.
//!
//! The stage reads sentences, tokens (lemma, part of speech, features), clauses and, where
//! they exist, entities and times, and returns the `claims` layer. It knows these
//! constructions (`construction` in the JSON):
//!
//! - **verb**: a clause whose verb is a cue (`sagen`, `mitteilen`, `say`, `deny`), with its
//!   content in an embedded clause (`sagte, Washington habe …`, `said that …`), in a
//!   quotation next to it (`"…", sagte er`; `X sagte: "…"`), or in its object (`wies die
//!   Behauptungen zurück`);
//! - **postposed**: a cue clause after the content (`…, teilte das Ministerium mit.`);
//! - **according_to**: `laut X`, `nach Angaben von X`, `X zufolge`, `wie X berichtete`,
//!   `according to X`: X speaks the rest of its clause, or is the channel where the clause
//!   already has a speaker;
//! - **noun** constructions are read as channels of a cue (`sagte die Gruppe in einem Bericht`).
//!
//! English cue verbs that the clause analysis left without a clause of their own (a tagger's
//! mistake) are read by position; cues inside a quotation with no speaker or a first-person
//! one are part of the quotation (`"I believe …," she said`).
//!
//! The speaker is the subject (the agent of a passive), the addressee the indirect object,
//! the channel a medium named in the cue's clause. Arguments carry the entity they resolve
//! to: a pronoun the nearest person before it. The stance is the cue's (`bestreiten` denies)
//! unless stance words say more (`keine Beweise` denies, `vermutlich` hedges); a denial
//! answers every earlier claim of another speaker (`responds_to`). The words are data:
//! `resources/<lang>/claim_words.tsv`.

mod quotes;
mod words;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

use lagebild_doc::{
    Arg, ArgumentRole, Claim, ClaimConstruction, ClaimId, ClaimKind, Clause, ClauseKind, Document, EntityId,
    EntityType, Lang, Span, Stance, TextRange,
};
use lagebild_resources::{ResourceError, ResourceFiles};

pub use words::ClaimWords;
use words::Class;

const EMBEDDED: [(&str, &str); 2] = [
    ("de/claim_words.tsv", include_str!("../../../resources/de/claim_words.tsv")),
    ("en/claim_words.tsv", include_str!("../../../resources/en/claim_words.tsv")),
];

/// The attribution vocabulary of German and English.
#[derive(Debug, Clone)]
pub struct ClaimKnowledge {
    de: ClaimWords,
    en: ClaimWords,
}

impl ClaimKnowledge {
    /// The word lists compiled into the binary.
    pub fn embedded() -> Result<ClaimKnowledge, ResourceError> {
        ClaimKnowledge::load(ResourceFiles::Embedded(&EMBEDDED))
    }

    /// The word lists of a directory laid out like `resources/`; files it lacks are the embedded ones.
    pub fn from_dir(dir: &Path) -> Result<ClaimKnowledge, ResourceError> {
        ClaimKnowledge::load(ResourceFiles::Dir { dir, embedded: &EMBEDDED })
    }

    fn load(files: ResourceFiles<'_>) -> Result<ClaimKnowledge, ResourceError> {
        let words = |path: &str| ClaimWords::load(&files.label(path), &files.read(path)?);
        Ok(ClaimKnowledge { de: words(EMBEDDED[0].0)?, en: words(EMBEDDED[1].0)? })
    }

    pub fn lang(&self, lang: Lang) -> Option<&ClaimWords> {
        match lang {
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Und => None,
        }
    }
}

/// The claims of `doc`, sorted by their cue. Odd text is not an error: a document without
/// cues, tokens or clauses has no claims.
pub fn claims(doc: &Document, knowledge: &ClaimKnowledge) -> Vec<Claim> {
    claims_with_cues(doc, knowledge, &[])
}

/// The claims of `doc` where `cues` (one flag per token, as `lagebild_ner::cue_tokens` gives
/// them) also marks cue verbs the word lists do not hold: a marked verb of a clause is a cue
/// that asserts, read like a verb of the lists (`Wir haben einen Gesetzentwurf vorgelegt`).
pub fn claims_with_cues(doc: &Document, knowledge: &ClaimKnowledge, cues: &[bool]) -> Vec<Claim> {
    let Some(words) = knowledge.lang(doc.meta.lang) else { return Vec::new() };
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let mut reader = Reader::new(doc, words);
    reader.cues = cues;
    let mut found = reader.find();
    found.sort_by_key(|claim| (claim.cue.range.start(), claim.cue.range.end()));
    found.dedup_by_key(|claim| claim.cue.range);
    reader.continue_speakers(&mut found);
    link_claims(doc, &mut found);
    found
}

struct Reader<'a> {
    doc: &'a Document,
    words: &'a ClaimWords,
    lower: lagebild_doc::LowerTokens,
    /// For each token, what its lowercase form is to the rules, if anything: looked up once.
    entries: Vec<Option<&'a words::WordEntry>>,
    /// The first tokens of the German top-level main clauses whose verb follows a
    /// conjunction (a comma before it at most) and is indicative, in order (`content_end`).
    joined_mains: Vec<usize>,
    /// Token ranges of each sentence.
    sentence_tokens: Vec<Range<usize>>,
    clause_of: Vec<Option<u32>>,
    children: Vec<Vec<u32>>,
    quotes: Vec<quotes::Quote>,
    /// Tokens a cue tagger marks ([`claims_with_cues`]); empty where none ran.
    cues: &'a [bool],
}

impl<'a> Reader<'a> {
    fn new(doc: &'a Document, words: &'a ClaimWords) -> Reader<'a> {
        let lower = doc.lowercase_tokens();
        let entries = (0..lower.len()).map(|token| words.entries.get(&lower[token])).collect();
        let mut joined_mains: Vec<usize> = doc
            .clauses
            .iter()
            .filter(|_| doc.meta.lang != Lang::En)
            .filter(|clause| clause.kind == ClauseKind::Main && clause.parent.is_none())
            .filter_map(|clause| Some((clause.tokens.iter().min().copied()? as usize, clause.verb? as usize)))
            .filter(|&(first, verb)| {
                // The conjunction right before the verb, a comma before it at most.
                let conjunction = verb.saturating_sub(1);
                let pos = |token: usize| doc.tokens[token].pos().unwrap_or("");
                (first == conjunction || first + 1 == conjunction && pos(first) == "PUNCT")
                    && pos(conjunction) == "CCONJ"
                    && doc.tokens[verb].feature("Mood") == Some("Ind")
            })
            .map(|(first, _)| first)
            .collect();
        joined_mains.sort_unstable();
        let sentence_tokens = doc.sentence_tokens();
        let sentence_of = doc.token_sentences();
        let clause_of = doc.token_clauses();
        let mut children = vec![Vec::new(); doc.clauses.len()];
        for (index, clause) in doc.clauses.iter().enumerate() {
            if let Some(parent) = clause.parent.and_then(|parent| children.get_mut(parent as usize)) {
                parent.push(index as u32);
            }
        }
        let quotes = quotes::quotes(doc, &sentence_of);
        Reader { doc, words, lower, entries, joined_mains, sentence_tokens, clause_of, children, quotes, cues: &[] }
    }

    fn pos(&self, token: usize) -> &str {
        self.doc.tokens.get(token).and_then(|token| token.pos()).unwrap_or("")
    }

    /// The lowercase lemma of a token (its lowercase form where it has none). Lemmas are
    /// mostly lowercase already (verbs, function words) or the start of the form (German
    /// nouns: `Bericht` of `Berichts`): those are not copied.
    fn lemma(&self, token: usize) -> Cow<'_, str> {
        self.doc.lowercase_lemma(&self.lower, token)
    }

    /// What token `token`'s lowercase form is to the rules, if anything.
    fn entry(&self, token: usize) -> Option<&'a words::WordEntry> {
        self.entries.get(token).copied().flatten()
    }

    /// Whether token `token`'s lowercase form belongs to the closed class `class`.
    fn word_is(&self, class: Class, token: usize) -> bool {
        self.entry(token).is_some_and(|entry| entry.classes.has(class))
    }

    fn range(&self, tokens: Range<usize>) -> TextRange {
        TextRange::new(self.doc.tokens[tokens.start].range.start(), self.doc.tokens[tokens.end - 1].range.end())
    }

    fn find(&self) -> Vec<Claim> {
        let mut found: Vec<Claim> = Vec::new();
        for (index, clause) in self.doc.clauses.iter().enumerate() {
            found.extend(self.verb_claim(index, clause));
        }
        for sentence in 0..self.sentence_tokens.len() {
            self.stray_verb_claims(sentence, &mut found);
            self.according_claims(sentence, &mut found);
            self.experiencer_claims(sentence, &mut found);
            self.noun_claims(sentence, &mut found);
            self.headline_claims(sentence, &mut found);
        }
        found
    }

    /// The lemma of a clause's verb complex, lowercase.
    fn cue_lemma<'c>(&'c self, clause: &'c Clause) -> Cow<'c, str> {
        match (&clause.lemma, clause.verb) {
            (Some(lemma), _) if lemma.chars().any(char::is_uppercase) => Cow::Owned(lemma.to_lowercase()),
            (Some(lemma), _) => Cow::Borrowed(lemma),
            (None, Some(verb)) => self.lemma(verb as usize),
            (None, None) => Cow::Borrowed(""),
        }
    }

    /// The cue verb's token and lemma in a clause: the verb whose lemma the clause's lemma
    /// (its main verb's joined to a particle) ends with, and that lemma, read without the
    /// participle's prefix where that makes a cue verb (`haben gehört`: `hören`).
    fn cue_verb<'c>(&'c self, clause: &'c Clause) -> Option<(u32, Cow<'c, str>)> {
        let verb = clause.verb?;
        let lemma = self.cue_lemma(clause);
        // The token of the cue verb: the one whose lemma the clause's lemma ends with
        // (`mitteilen` ends with `teilen`), else the clause's verb.
        let main = clause
            .verb_tokens
            .iter()
            .rev()
            .copied()
            .find(|&token| {
                let own = self.lemma(token as usize);
                !own.is_empty() && lemma.ends_with(own.as_ref())
            })
            .unwrap_or(verb);
        let words = self.words;
        // A participle read as a verb with the participle's prefix in its lemma may be the
        // participle of a cue verb without it (`haben gehört, dass`: `gehören` or `hören`).
        // A participle of a perfect: with an auxiliary (`gehört zu` is no participle, whatever
        // its tag).
        let participle = || {
            self.doc.tokens[main as usize].feature("VerbForm") == Some("Part")
                && clause.verb_tokens.iter().any(|&token| self.pos(token as usize) == "AUX")
        };
        if words.participle_prefixes.is_empty() || !participle() || self.is_cue_lemma(&lemma) {
            return Some((main, lemma));
        }
        let stem = words
            .participle_prefixes
            .iter()
            .filter(|prefix| self.lower[main as usize].starts_with(prefix.as_str()))
            .filter_map(|prefix| lemma.strip_prefix(prefix.as_str()))
            .find(|stem| words.verbs.contains_key(*stem))
            .map(str::to_owned);
        Some((main, stem.map_or(lemma, Cow::Owned)))
    }

    /// The cue of a clause: its token (a verb or a predicative adjective), stance, and the
    /// lemma of its verb (`cue_verb`).
    fn cue_of<'c>(&'c self, clause: &'c Clause) -> Option<(u32, Stance, Cow<'c, str>)> {
        let verb = clause.verb?;
        let (main, lemma) = self.cue_verb(clause)?;
        let words = self.words;
        // Most clauses' verbs are no cue of any kind: one look-up tells.
        let marked = || self.cues.get(main as usize).copied().unwrap_or(false) && self.pos(main as usize) == "VERB";
        if !words.cue_lemmas.contains(lemma.as_ref()) && !marked() {
            return None;
        }
        // A copula with a predicative adjective of attribution: the adjective is the cue.
        // After the copula, or right before it (`dass inzwischen bekannt ist, dass …`, `Klar
        // ist, dass …`), not before a noun it qualifies.
        if words.is(Class::Copula, &lemma) && !words.adjectives.is_empty() {
            let right_before = |token: u32| clause.verb_tokens.contains(&(token + 1));
            return clause.tokens.iter().copied().filter(|&token| token > verb || right_before(token)).find_map(
                |token| {
                    let index = token as usize;
                    let stance = words
                        .adjectives
                        .get(self.lemma(index).as_ref())
                        .or_else(|| words.adjectives.get(&self.lower[index]));
                    stance.map(|&stance| (token, stance, lemma.clone()))
                },
            );
        }
        let stance = if let Some(&stance) = words.verbs.get(lemma.as_ref()) {
            stance
        } else if let Some(&stance) = words.quote_verbs.get(lemma.as_ref()) {
            self.next_to_quotation(main as usize).then_some(stance)?
        } else if let Some(prepositions) = words.prep_verbs.get(lemma.as_ref()) {
            prepositions.iter().find(|(preposition, _)| self.prep_phrase(clause, preposition).is_some())?.1
        } else if let Some(&stance) = words.colon_verbs.get(lemma.as_ref()) {
            // Not where a statement noun in its clause is the cue (`Im Bericht steht, dass …`).
            let noun = clause.tokens.iter().any(|&t| words.nouns.contains_key(self.lemma(t as usize).as_ref()));
            ((self.colon_after(main as usize) || self.closes_after_comma(clause, main as usize)) && !noun)
                .then_some(stance)?
        } else {
            // A verb the cue tagger marks.
            marked().then_some(Stance::Assert)?
        };
        Some((main, stance, lemma))
    }

    /// Whether `lemma` is a cue verb of any class.
    fn is_cue_lemma(&self, lemma: &str) -> bool {
        let words = self.words;
        words.verbs.contains_key(lemma)
            || words.quote_verbs.contains_key(lemma)
            || words.prep_verbs.contains_key(lemma)
            || words.colon_verbs.contains_key(lemma)
    }

    /// Whether a quotation closes before the verb at `main` past a comma and its subject
    /// (`"…," he continued`), or opens after it past its subject and a comma or colon
    /// (`Continued Stone: "…"`): where a verb of class `verb_quote` reports.
    fn next_to_quotation(&self, main: usize) -> bool {
        let nominal =
            |t: usize| matches!(self.pos(t), "PROPN" | "PRON" | "NOUN" | "DET" | "ADJ") || &self.lower[t] == ",";
        let before = (main.saturating_sub(6)..main)
            .rev()
            .take_while(|&t| nominal(t) || self.is_quote_mark(t))
            .any(|t| self.quotes.iter().any(|quote| quote.close == t));
        let after = (main + 1..self.lower.len().min(main + 7))
            .take_while(|&t| nominal(t) || &self.lower[t] == ":" || self.is_quote_mark(t))
            .any(|t| self.quotes.iter().any(|quote| quote.open == t));
        before || after
    }

    /// Whether a colon, or `dass`/`that` (also after a comma), follows the verb at `verb`,
    /// past adverbs and particles (`Da steht explizit drin: …`, `the report states that …`).
    fn colon_after(&self, verb: usize) -> bool {
        // Past adverbs and a phrase where it is written (`Da steht eindeutig und
        // unmissverständlich, dass …`, `steht in diesem Urteil, dass …`).
        let skipped =
            |t: usize| matches!(self.pos(t), "ADV" | "PART" | "ADJ" | "CCONJ" | "ADP" | "DET" | "NOUN" | "PROPN");
        let Some(next) = (verb + 1..self.lower.len().min(verb + 7)).find(|&t| !skipped(t)) else {
            return false;
        };
        &self.lower[next] == ":"
            || self.word_is(Class::That, next)
            || (&self.lower[next] == "," && next + 1 < self.lower.len() && self.word_is(Class::That, next + 1))
    }

    /// Whether the clause of the verb at `main` follows a comma and the verb closes the
    /// sentence (`…, the poll found.`), as a postposed reporting clause does.
    fn closes_after_comma(&self, clause: &Clause, main: usize) -> bool {
        let Some(bounds) = self.sentence_tokens.get(clause.sentence as usize) else { return false };
        let first = clause.tokens.iter().map(|&t| t as usize).find(|&t| self.pos(t) != "PUNCT");
        first.is_some_and(|first| first > bounds.start && &self.lower[first - 1] == ",")
            && (main + 1..bounds.end).all(|t| self.pos(t) == "PUNCT")
    }

    /// Whether a short reporting clause that closes the sentence starts at `token`: its cue
    /// verb with its subject after it (`sagte Außenminister Dacic.`, `said Dacic.`), or in
    /// English its subject and cue verb (`Cuban said.`).
    fn postposed_cue_at(&self, token: usize, bounds: &Range<usize>) -> bool {
        let Some(clause) = self.clause_of.get(token).copied().flatten().map(|c| &self.doc.clauses[c as usize]) else {
            return false;
        };
        let closes =
            clause.tokens.last().is_some_and(|&last| (last as usize + 1..bounds.end).all(|t| self.pos(t) == "PUNCT"));
        let subject_after =
            clause.arguments.iter().any(|&(role, head)| role == ArgumentRole::Subject && head as usize > token);
        let inverted = clause.verb == Some(token as u32) && subject_after;
        // English `…, Cuban said.`: the clause starts here, its subject before its verb, and
        // holds little else.
        let starts_here = clause.tokens.iter().find(|&&t| self.pos(t as usize) != "PUNCT") == Some(&(token as u32));
        let plain = self.doc.meta.lang == Lang::En
            && starts_here
            && clause.tokens.len() <= 8
            && clause.verb.is_some_and(|verb| {
                clause.arguments.iter().any(|&(role, head)| role == ArgumentRole::Subject && head < verb)
            });
        clause.kind == ClauseKind::Main && closes && (inverted || plain) && self.cue_of(clause).is_some()
    }

    fn verb_claim(&self, index: usize, clause: &Clause) -> Option<Claim> {
        let (main, cue_stance, verb_lemma) = self.cue_of(clause)?;
        if self.in_not_cue(main as usize)
            || self.modifies_noun(clause, main as usize)
            || self.after_according(main as usize)
            || self.with_not_cue_preposition(clause, &verb_lemma)
        {
            return None;
        }
        // An English to-infinitive says what someone would or should say, not what was said
        // (`would have to tell Holder`, `asked to defend his criticism`).
        let to_infinitive = self.doc.meta.lang == Lang::En
            && clause.kind == ClauseKind::Infinitive
            && (main as usize).checked_sub(1).is_some_and(|before| self.word_is(Class::Infinitive, before));
        if to_infinitive {
            return None;
        }
        // A cue only the tagger marks (the marks first: without a tagger, no lemma is built).
        let learned = self.cues.get(main as usize) == Some(&true) && !self.is_cue_lemma(&self.cue_lemma(clause));
        let sentence = clause.sentence as usize;
        let bounds = self.sentence_tokens.get(sentence)?.clone();
        let cue = self.cue_span(clause, main);
        let (speaker, addressee, mut channel) = self.arguments(clause, &bounds);
        // The content, by construction.
        let mut construction = ClaimConstruction::Verb;
        let main = main as usize;
        // A quotation that closes right before the cue's phrase is its content, whatever
        // follows the cue (`"…," she said several months later, and …`).
        let before = self.content_before(clause, main, &bounds, false);
        // In English, so are the words before `…, said Brian Baker, an adviser …`: a cue after
        // a comma, then a name, then a comma; what follows describes the speaker.
        let apposition = self.doc.meta.lang == Lang::En
            && main > bounds.start
            && &self.lower[main - 1] == ","
            && (main + 2..bounds.end.min(main + 8)).find(|&t| &self.lower[t] == ",").is_some_and(|comma| {
                (main + 1..comma).all(|t| matches!(self.pos(t), "PROPN" | "DET" | "ADJ" | "NOUN" | "PUNCT"))
                    && (main + 1..comma).any(|t| self.pos(t) == "PROPN")
            });
        let prepositional = self.words.prep_verbs.get(self.cue_lemma(clause).as_ref()).and_then(|prepositions| {
            prepositions.iter().find_map(|(preposition, _)| self.prep_content(clause, preposition))
        });
        let content = if let Some(content) = prepositional {
            Some(content)
        } else if let Some(pronoun) = self.fronted_demonstrative(clause, main) {
            Some(pronoun..pronoun + 1)
        } else if let Some((content, quoted)) = before.filter(|(_, quoted)| *quoted || apposition) {
            if !quoted {
                construction = ClaimConstruction::Postposed;
            }
            Some(content)
        } else if let Some(content) = self.content_after(clause, main, &bounds) {
            Some(content)
        } else if let Some(content) = self.embedded_content(index, clause) {
            Some(content)
        } else if let Some((content, quoted)) = self.content_before(clause, main, &bounds, true) {
            if !quoted {
                construction = ClaimConstruction::Postposed;
            }
            Some(content)
        } else if let Some(content) = self.wie_content(clause) {
            construction = ClaimConstruction::AccordingTo;
            Some(content)
        } else if self.words.object_verbs.contains(self.cue_lemma(clause).as_ref()) {
            self.object_content(clause, &bounds)
        } else if self.doc.meta.lang == Lang::De
            && clause.kind == ClauseKind::Main
            && clause.arguments.iter().any(|(role, _)| *role == ArgumentRole::Object)
            && (!self.words.is(Class::NoObjectContent, &self.cue_lemma(clause))
                || clause.arguments.iter().any(|&(role, head)| {
                    // What a demonstrative stands for is said, also of a verb of perceiving
                    // (`Das sehen wir anders`).
                    role == ArgumentRole::Object
                        && self.pos(head as usize) == "PRON"
                        && self.is_demonstrative(head as usize)
                }))
        {
            // What the cue verb of a German main clause takes as its object is what it
            // reports, where nothing else is (`Müller hat einen wahren Satz gesagt`), unless
            // the verb perceives (class `no_object_content`: `sah die Parade`). Not in an
            // embedded clause, where a verb with an object more often tells an act than a
            // statement (`…, dass Nordkorea einen hohen Preis verlangt`).
            self.object_content(clause, &bounds)
        } else {
            self.quotation_after(clause, main, &bounds)
                .or_else(|| self.long_bare_content(main, &bounds))
                .or_else(|| self.passive_subject(clause, &bounds))
                .or_else(|| self.pronoun_object(clause, main))
                .or_else(|| self.dative_content(clause, &bounds))
        };
        // A verb only the cue tagger marks reports what it takes, in any clause (`Dem muss
        // ich widersprechen`, `wird der Kohleausstieg gefordert`).
        let content = content.or_else(|| learned.then(|| self.object_content(clause, &bounds)).flatten());
        let content = content?;
        if content.is_empty() {
            return None;
        }
        let content = self.over_colon(content, main, &bounds);
        // English: what a cue in a relative clause set off by commas reports ends where the
        // main clause resumes, at a comma right before its verb (`Merkel, who said the plan
        // would work, left early`).
        let content = match clause.introducer.map(|t| t as usize) {
            Some(introducer)
                if self.doc.meta.lang == Lang::En
                    && clause.kind == ClauseKind::Relative
                    && introducer > bounds.start
                    && &self.lower[introducer - 1] == "," =>
            {
                let resumes = (content.start..content.end).find(|&t| {
                    &self.lower[t] == "," && t + 1 < content.end && matches!(self.pos(t + 1), "VERB" | "AUX")
                });
                match resumes {
                    Some(comma) if comma > content.start + 1 => content.start..comma,
                    _ => content,
                }
            }
            _ => content,
        };
        // An English participle after a comma (`…, saying …`, `…, adding that …`).
        let participle = self.doc.meta.lang == Lang::En
            && main > bounds.start
            && &self.lower[main - 1] == ","
            && self.lower[main].ends_with("ing");
        // A coordinated clause's subject is that of the clause before (`… und fügte hinzu`,
        // `Ich danke Ihnen und wünsche Ihnen …`), before any guess.
        let speaker = speaker.or_else(|| {
            (clause.kind == ClauseKind::Main)
                .then(|| self.subject_before(index, clause, participle, &content, &bounds))
                .flatten()
        });
        // Where the clause analysis found no subject: an inverted one right after the cue
        // (`"…", said Caddell`; German `…, sagte er`, `wissen die Kollegen, dass`), else the
        // phrase right before it (`Pat Caddell told …`).
        let speaker = speaker.or_else(|| {
            // A cue only the tagger marks takes the subject the clause analysis found, or none:
            // the guesses below are made for the verbs of the lists.
            // Nor does a German participle without an auxiliary (`wie gesagt`, `ehrlich
            // gesagt`; the English tagger reads many a past tense as a participle).
            let bare_participle = self.doc.meta.lang == Lang::De
                && self.doc.tokens[main].feature("VerbForm") == Some("Part")
                && !clause.verb_tokens.iter().any(|&t| self.pos(t as usize) == "AUX");
            // Its agent, where `von` names it right before it (`wie von der Kommission
            // vorgeschlagen`, `wie von uns gefordert`).
            if bare_participle {
                let before = self.doc.tokens[main].range.start();
                return self.prepositional_speaker(clause, Class::From, &content, &bounds).filter(|arg| {
                    arg.range.end() <= before
                        && self.doc.text()[arg.range.end() as usize..before as usize].trim().is_empty()
                });
            }
            if clause.passive || learned || self.stative_passive(clause) {
                return None;
            }
            // Not a dative or genitive; an accusative may be the tagger's mistake for a subject
            // where the clause analysis took a time expression for it.
            let nominative = |t: usize| !matches!(self.doc.tokens[t].feature("Case"), Some("Dat" | "Gen"));
            let inverted = self.doc.meta.lang == Lang::De || content.end <= main;
            let after = (main + 1..bounds.end.min(main + 5))
                .take_while(|&t| matches!(self.pos(t), "DET" | "ADJ" | "PROPN" | "NOUN" | "PRON" | "NUM" | "ADV"))
                .filter(|&t| {
                    matches!(self.pos(t), "PROPN" | "NOUN" | "PRON") && !self.is_expletive(t) && !self.in_time(t)
                })
                .take_while(|&t| nominative(t))
                .last()
                .filter(|_| inverted);
            let before = (bounds.start..main)
                .rev()
                .find(|&t| !matches!(self.pos(t), "AUX" | "ADV" | "PART"))
                .filter(|&t| {
                    // A capitalised English word the tagger took for a verb is a name (`Pence
                    // said`, `Cook said`).
                    let name = self.doc.meta.lang == Lang::En
                        && self.pos(t) == "VERB"
                        && self.doc.slice(self.doc.tokens[t].range).starts_with(|c: char| c.is_uppercase());
                    (matches!(self.pos(t), "PROPN" | "NOUN" | "PRON") || name)
                        && nominative(t)
                        && !self.is_expletive(t)
                        && self.may_speak(t)
                        && !self.in_time(t)
                })
                .filter(|&t| !content.contains(&t));
            after
                .or(before)
                .map(|head| self.arg(head, &bounds))
                .or_else(|| self.apposed_speaker(main, &content, &bounds))
        });
        // The subject of a verb of evidence is the evidence, no speaker, unless it names a
        // person, an organisation or is a personal pronoun (`Die Geschichte zeigt, dass …`).
        let speaker =
            speaker.filter(|arg| !self.words.is(Class::Evidential, &self.cue_lemma(clause)) || self.agent_like(arg));
        // Nor a subject that is what it says (`Die Ankündigung … verbreitete sich`), or what
        // is said or meant (class `subject_said`: `Die Antwort lautete: …`).
        let content_range = self.range(content.clone());
        let speaker = speaker.filter(|arg| {
            let inside = arg.range.start() < content_range.end() && content_range.start() < arg.range.end();
            let said = |lemma: &str| self.words.is(Class::SubjectSaid, lemma);
            !(learned && inside || said(&self.cue_lemma(clause)) || said(&self.lemma(main)))
        });
        // An infinitive's subject is that of the clause before (`Kim …, die Beziehungen … zu
        // bezeichnen`).
        let speaker = speaker.or_else(|| self.subject_before(index, clause, participle, &content, &bounds));
        // An English apposition between commas taken for the subject stands for the name
        // before it (`Jeff Weaver, the campaign manager, said`): the speaker is both.
        let speaker = speaker.map(|arg| self.with_name_before(arg, main, &bounds));
        // An English participle after a comma (`…, saying …`, `…, adding that …`) speaks
        // with the nearest subject before it in the sentence.
        let speaker = speaker.or_else(|| {
            if !participle {
                return None;
            }
            // A main clause's subject before one of a clause it embeds (`The ministry denied
            // that Tehran had sent drones, calling …`: the ministry).
            let subjects = |main_only: bool| {
                self.doc
                    .clauses
                    .iter()
                    .filter(|other| other.sentence == clause.sentence)
                    .filter(move |other| !main_only || other.kind == ClauseKind::Main)
                    .flat_map(|other| &other.arguments)
                    .filter(|(role, _)| *role == ArgumentRole::Subject)
                    .map(|&(_, head)| head as usize)
                    .filter(|&head| {
                        head >= bounds.start && head < main && !content.contains(&head) && !self.is_expletive(head)
                    })
                    .max()
            };
            let head = subjects(true).or_else(|| subjects(false))?;
            Some(self.arg(head, &bounds))
        });
        // A reporting clause set off by dashes (`Der Arbeitsmarkt - das muss man nüchtern
        // sagen - ist …`): its speaker stands between the opening dash and the cue, where the
        // clause analysis may have taken the host sentence's subject before the dash.
        let speaker = match self.opening_dash(&bounds, main) {
            Some(dash) if speaker.as_ref().is_none_or(|arg| arg.range.start() < self.doc.tokens[dash].range.end()) => {
                (dash + 1..main)
                    .find(|&t| {
                        matches!(self.pos(t), "PRON" | "NOUN" | "PROPN")
                            && !matches!(self.doc.tokens[t].feature("Case"), Some("Acc" | "Dat" | "Gen"))
                            && !self.is_expletive(t)
                            && self.may_speak(t)
                    })
                    .map(|head| self.arg(head, &(dash + 1..main)))
            }
            _ => speaker,
        };
        // Who hears or reads is no speaker; whom they heard it from is (`wie wir vom
        // Minister gehört haben`), if the clause says.
        let speaker = if self.words.is(Class::Perception, &verb_lemma) {
            self.prepositional_speaker(clause, Class::From, &content, &bounds)
        } else if !clause.verb_tokens.contains(&(main as u32)) {
            // A predicative adjective says for whom it is so (`Für mich ist klar, dass …`);
            // the adjective itself is no speaker (`ist klar`).
            self.prepositional_speaker(clause, Class::Experiencer, &content, &bounds)
                .or(speaker.filter(|arg| self.range(main..main + 1).start() != arg.range.start()))
        } else {
            speaker
        };
        if channel.is_none() {
            channel = self.channel_in(clause, &content, &bounds);
        }
        // The speaker's own words are no channel (`berichtete die Nachrichtenagentur Yonhap`).
        if let (Some(speaker), Some(found)) = (&speaker, &channel)
            && speaker.range.start() < found.range.end()
            && found.range.start() < speaker.range.end()
        {
            channel = None;
        }
        // `berichtete die Nachrichtenagentur Yonhap`: a medium with no other speaker speaks.
        let (speaker, channel) = match (speaker, channel) {
            (None, Some(channel)) => (Some(channel), None),
            other => other,
        };
        // Inside a quotation, what the quoted speaker says or thinks in the first or second
        // person, or with no speaker, is part of the quotation (`"I believe he is the best
        // person …"`, `"… exactly what did it say?"`).
        let quoted = self.in_quotation(main);
        let personal = |arg: &Arg| self.words.is(Class::NotThirdPerson, &self.doc.slice(arg.range).to_lowercase());
        if quoted && speaker.as_ref().is_none_or(personal) {
            return None;
        }
        // A form of a cue verb with no speaker may be a particle (class `particle_form`: `aber
        // bitte nur …`, `Ihr letzter Satz, bitte.`).
        if speaker.is_none() && !clause.passive && self.word_is(Class::ParticleForm, main) {
            return None;
        }
        // The cue is no part of its speaker: a phrase the tagger ran over a verb it took for a
        // noun ends before it (`…, a survey suggests.`: `a survey`).
        let cue_start = self.doc.tokens[main].range.start();
        let speaker = speaker.and_then(|arg| {
            if arg.range.start() < cue_start && cue_start < arg.range.end() {
                let last = (0..main).rev().find(|&t| self.pos(t) != "PUNCT")?;
                let end = self.doc.tokens[last].range.end();
                (end > arg.range.start()).then(|| Arg { range: TextRange::new(arg.range.start(), end), ..arg })
            } else {
                Some(arg)
            }
        });
        // An indirect object that is what is said is no addressee (`Ihrem Gesetzentwurf
        // zustimmen`).
        let addressee = addressee
            .filter(|arg| !(content_range.start() < arg.range.end() && arg.range.start() < content_range.end()));
        Some(Claim {
            sentence: clause.sentence,
            kind: self.kind_of(&content),
            construction,
            speaker,
            channel,
            addressee,
            cue,
            content: match (self.da_form_before(clause, &content), self.announced(clause, &content, &bounds)) {
                // `darauf …, dass …`: SpkAtt marks both as what is said.
                (Some(da), _) => self.parts(&[da..da + 1, content.clone()]),
                // `Das sage ich Ihnen: …`: the demonstrative and what the colon opens.
                (None, Some(rest)) => self.parts(&[content.clone(), rest]),
                (None, None) => Span::continuous(content_range),
            },
            stance: self.stance(cue_stance, &content, &clause.tokens),
            date: self.date_in(clause, &content),
            parent: None,
            responds_to: Vec::new(),
            events: Vec::new(),
        })
    }

    /// English cue verbs that head no clause of their own, where the clause analysis went
    /// wrong (a mistagged adjective taken for the verb, a quotation swallowed by the clause
    /// before): each is read as the verb of a clause of the whole sentence, with the
    /// auxiliaries right before it, and its arguments found by position.
    fn stray_verb_claims(&self, sentence: usize, found: &mut Vec<Claim>) {
        if self.doc.meta.lang != Lang::En {
            return;
        }
        let bounds = self.sentence_tokens[sentence].clone();
        for token in bounds.clone() {
            // Cheap tests first: a verb, or a noun in `s` after a noun phrase.
            let noun_in_s = self.pos(token) == "NOUN"
                && token > bounds.start
                && self.lower[token].ends_with('s')
                && matches!(self.pos(token - 1), "NOUN" | "PROPN" | "PRON");
            if self.pos(token) != "VERB" && !noun_in_s {
                continue;
            }
            let lemma = self.lemma(token);
            if !self.words.verbs.contains_key(lemma.as_ref()) {
                continue;
            }
            // `The billionaire businessman says running …`: a third person singular the
            // tagger took for a plural noun, right after a noun phrase (unless the word is
            // also a statement noun: `Trump's claims`).
            let mistagged = noun_in_s
                && self.lower[token].strip_suffix('s') == Some(lemma.as_ref())
                && !self.words.nouns.contains_key(lemma.as_ref());
            if self.pos(token) != "VERB" && !mistagged {
                continue;
            }
            let range = self.doc.tokens[token].range;
            let covered =
                |claim: &Claim| claim.cue.range.start() <= range.start() && range.end() <= claim.cue.range.end();
            // A verb that heads its own clause was read there.
            let heads = self.clause_of[token].is_some_and(|c| self.doc.clauses[c as usize].verb == Some(token as u32));
            if heads || found.iter().any(covered) {
                continue;
            }
            let mut first = token;
            while first > bounds.start && self.pos(first - 1) == "AUX" {
                first -= 1;
            }
            let clause = Clause {
                sentence: sentence as u32,
                kind: ClauseKind::Main,
                tokens: (bounds.start as u32..bounds.end as u32).collect(),
                introducer: None,
                verb: Some(token as u32),
                verb_tokens: (first as u32..token as u32 + 1).collect(),
                lemma: None,
                arguments: Vec::new(),
                passive: false,
                parent: None,
            };
            found.extend(self.verb_claim(self.doc.clauses.len(), &clause));
        }
    }

    /// The cue's words: in German the verb and its separable particle, or a predicative
    /// adjective and its copula; in English the verb with the auxiliaries right before it
    /// (`has learned`).
    fn cue_span(&self, clause: &Clause, main: u32) -> Span {
        let mut tokens: Vec<u32> = clause
            .verb_tokens
            .iter()
            .copied()
            .filter(|&token| {
                token == main || self.doc.tokens[token as usize].feature("PartType") == Some("Vbp") || {
                    self.doc.meta.lang == Lang::En && token < main && main - token <= 2
                }
            })
            .collect();
        if tokens.is_empty() {
            tokens.push(main);
        }
        // A predicative adjective's copula is part of a German cue (`bin … überzeugt`, `ist
        // klar`), as SpkAtt marks it.
        if self.doc.meta.lang == Lang::De && !clause.verb_tokens.contains(&main) {
            tokens.extend(
                clause
                    .verb_tokens
                    .iter()
                    .copied()
                    .filter(|&token| self.words.is(Class::Copula, self.lemma(token as usize).as_ref())),
            );
        }
        tokens.sort_unstable();
        tokens.dedup();
        let parts: Vec<TextRange> = tokens.iter().map(|&token| self.doc.tokens[token as usize].range).collect();
        // Neighbouring tokens form one part.
        let mut merged: Vec<TextRange> = Vec::new();
        for (position, part) in parts.iter().enumerate() {
            let adjacent = position > 0 && tokens[position] == tokens[position - 1] + 1;
            match merged.last_mut() {
                Some(last) if adjacent => *last = TextRange::new(last.start(), part.end()),
                _ => merged.push(*part),
            }
        }
        let range = TextRange::new(merged[0].start(), merged[merged.len() - 1].end());
        Span { range, parts: if merged.len() > 1 { merged } else { Vec::new() } }
    }

    /// The speaker before a comma-delimited apposition or relative clause right before the
    /// cue (`Jeff Weaver, Sanders' campaign manager, said`; `Barkley, who said …, said`): the
    /// phrase before the first comma, with what lies between the commas.
    /// English only: a German comma before the verb mostly closes a clause (`…, sagte er`).
    fn apposed_speaker(&self, main: usize, content: &Range<usize>, bounds: &Range<usize>) -> Option<Arg> {
        if self.doc.meta.lang != Lang::En {
            return None;
        }
        let second = (bounds.start..main).rev().find(|&t| !matches!(self.pos(t), "AUX" | "ADV" | "PART"))?;
        if &self.lower[second] != "," {
            return None;
        }
        let first = (bounds.start.max(second.saturating_sub(15))..second.saturating_sub(1))
            .rev()
            .find(|&t| matches!(&self.lower[t], "," | "." | ";" | ":") || self.is_quote_mark(t))?;
        let head = first.checked_sub(1).filter(|&t| t >= bounds.start)?;
        let usable = &self.lower[first] == ","
            && matches!(self.pos(head), "PROPN" | "NOUN" | "PRON")
            && !self.is_expletive(head)
            && !content.contains(&head)
            && !content.contains(&(second - 1));
        if !usable {
            return None;
        }
        let mut arg = self.arg(head, bounds);
        arg.range = TextRange::new(arg.range.start(), self.doc.tokens[second - 1].range.end());
        Some(arg)
    }

    /// `Jeff Weaver, the campaign manager, said`: a speaker phrase between commas after a
    /// name, extended back to the name (English).
    fn with_name_before(&self, arg: Arg, main: usize, bounds: &Range<usize>) -> Arg {
        if self.doc.meta.lang != Lang::En {
            return arg;
        }
        let first = self.doc.tokens.partition_point(|token| token.range.end() <= arg.range.start());
        let last = self.doc.tokens.partition_point(|token| token.range.end() < arg.range.end());
        // The comma that closes the apposition: right after the phrase, or after a few more
        // words without a verb that complete it (`ex-chief economic adviser to the Treasury`).
        let close = (last + 1..bounds.end.min(last + 7))
            .take_while(|&t| !matches!(self.pos(t), "VERB" | "AUX"))
            .find(|&t| &self.lower[t] == ",")
            .or_else(|| {
                // Or a relative clause after it, up to the comma before the cue (`Parker
                // Eaton, a nominal Republican who voted for …, said`).
                let relative = last + 1 < bounds.end && self.doc.tokens[last + 1].feature("PronType") == Some("Rel");
                let comma = (bounds.start..main).rev().find(|&t| !matches!(self.pos(t), "AUX" | "ADV" | "PART"))?;
                (relative && comma > last + 1 && &self.lower[comma] == ",").then_some(comma)
            });
        let apposed = first >= bounds.start + 2
            && close.is_some()
            && &self.lower[first - 1] == ","
            && self.pos(first - 2) == "PROPN"
            && self.pos(first) != "PRON";
        let Some(close) = close.filter(|_| apposed) else {
            return arg;
        };
        let name = self.arg(first - 2, bounds);
        Arg {
            range: TextRange::new(name.range.start(), self.doc.tokens[close - 1].range.end().max(arg.range.end())),
            entity: name.entity.or(arg.entity),
            code: name.code.or(arg.code),
        }
    }

    /// An English past participle without an auxiliary right after a noun, followed by `by`
    /// or a date, modifies the noun and reports nothing (`a poll released Monday`, `the
    /// statement released by the campaign`).
    fn modifies_noun(&self, clause: &Clause, main: usize) -> bool {
        let token = &self.doc.tokens[main];
        self.doc.meta.lang == Lang::En
            && token.feature("VerbForm") == Some("Part")
            && token.feature("Tense") == Some("Past")
            && !clause.verb_tokens.iter().any(|&t| (t as usize) < main && self.pos(t as usize) == "AUX")
            && main > 0
            && matches!(self.pos(main - 1), "NOUN" | "DET" | "ADJ")
            && (main + 1 == self.lower.len() || &self.lower[main + 1] == "by" || self.in_time(main + 1))
    }

    /// Whether the cue word lies in a sequence that reports nothing (`das heißt`).
    fn in_not_cue(&self, token: usize) -> bool {
        self.words.not_cues.iter().any(|sequence| {
            (token.saturating_sub(sequence.len() - 1)..=token).any(|start| {
                start + sequence.len() <= self.lower.len()
                    && sequence.iter().zip(start..).all(|(word, t)| self.lower[t] == *word)
            })
        })
    }

    /// Speaker, addressee and (where the addressee is a medium) channel.
    fn arguments(&self, clause: &Clause, bounds: &Range<usize>) -> (Option<Arg>, Option<Arg>, Option<Arg>) {
        let role = |wanted: ArgumentRole| {
            clause.arguments.iter().find(|(role, _)| *role == wanted).map(|&(_, token)| token as usize)
        };
        let speaker_head = if clause.passive || self.stative_passive(clause) {
            role(ArgumentRole::Agent)
        } else {
            role(ArgumentRole::Subject)
        };
        // `Lassen Sie mich sagen, …`, `Lassen Sie uns festhalten`: whom the verb of class
        // `causative` lets speak, a first person, is the speaker.
        let causative = clause.verb_tokens.iter().any(|&t| self.words.is(Class::Causative, &self.lemma(t as usize)));
        let let_speak = clause.arguments.iter().find(|&&(role, t)| {
            matches!(role, ArgumentRole::Object | ArgumentRole::IndirectObject)
                && self.pos(t as usize) == "PRON"
                && self.doc.tokens[t as usize].feature("Person") == Some("1")
        });
        let speaker_head = match let_speak {
            Some(&(_, pronoun)) if causative => Some(pronoun as usize),
            _ => speaker_head,
        };
        // A German expletive (`es`) before a name is the object of a verb of saying, the name
        // its subject (`wie es Leoluca Orlando gesagt hat`), whatever roles the tagger's cases
        // gave.
        let speaker_head = match (speaker_head, role(ArgumentRole::Object)) {
            (Some(subject), Some(object))
                if self.doc.meta.lang == Lang::De
                    && !clause.passive
                    && self.is_expletive(subject)
                    && !self.is_demonstrative(subject)
                    && object > subject
                    && self.pos(object) == "PROPN" =>
            {
                Some(object)
            }
            (head, _) => head,
        };
        // A relative pronoun that stands for a thing is what is said, not who says it; the
        // clause's other phrase that may be a nominative speaks (`bei allen Problemen, die
        // Sie nennen`: `Sie`).
        let speaker_head = match speaker_head {
            Some(head) if self.doc.meta.lang == Lang::De && self.stands_for_thing(head) => role(ArgumentRole::Object)
                .filter(|&object| {
                    (matches!(self.pos(object), "NOUN" | "PROPN")
                        || self.pos(object) == "PRON" && self.doc.tokens[object].feature("PronType") == Some("Prs"))
                        && !matches!(self.doc.tokens[object].feature("Case"), Some("Dat" | "Gen"))
                        && !self.word_is(Class::Reflexive, object)
                }),
            other => other,
        };
        // A time expression is no speaker (`Letzte Woche teilte das Weiße Haus mit`).
        let speaker = speaker_head
            .filter(|&head| !self.is_expletive(head) && !self.in_time(head) && self.may_speak(head))
            .map(|head| match self.prefield(clause, head) {
                Some(tokens) => self.arg_over(tokens, head),
                None => self.with_agent_preposition(clause, self.phrase(head, bounds), head),
            });
        let (mut addressee, mut channel) = (None, None);
        if let Some(head) = role(ArgumentRole::IndirectObject) {
            let arg = self.arg(head, bounds);
            if self.words.channels.contains(self.lemma(head).as_ref()) {
                channel = Some(arg);
            } else {
                addressee = Some(arg);
            }
        }
        (speaker, addressee, channel)
    }

    /// Whether a German clause is a stative passive: `sein` with the participle of its cue
    /// verb, which forms its perfect with `haben` (`Damit ist das Gesetz gemeint`, `wie es
    /// im Antrag formuliert ist`). Its subject is what is said or meant, not who says it.
    /// (A participle that is a cue adjective speaks with its subject: `Ich bin überzeugt`;
    /// class `sein_perfect` lists the cue verbs whose perfect takes `sein`: `Ich bin darauf
    /// eingegangen`.)
    fn stative_passive(&self, clause: &Clause) -> bool {
        if self.doc.meta.lang != Lang::De || clause.passive {
            return false;
        }
        let verbs = || clause.verb_tokens.iter().map(|&t| t as usize);
        let with_sein = verbs().any(|t| self.lemma(t) == "sein");
        // The clause's main verb, a participle of a verb of saying (not the copula itself:
        // `sei … gewesen, meinte er`).
        let Some(lemma) = clause.lemma.as_deref() else { return false };
        let participle = verbs().find(|&t| {
            self.doc.tokens[t].feature("VerbForm") == Some("Part") && self.lemma(t).eq_ignore_ascii_case(lemma)
        });
        with_sein
            && lemma != "sein"
            && self.words.verbs.contains_key(lemma)
            && participle.is_some_and(|t| !self.words.adjectives.contains_key(&self.lower[t]))
            && !self.words.is(Class::SeinPerfect, lemma)
    }

    /// A German passive's agent with the preposition that governs it (`von Ihnen
    /// abgelehnt`, `durch die zuständigen Stellen bejaht`), as SpkAtt marks it: the argument
    /// of `phrase`, headed by `head`, linked as the phrase alone is, over the preposition too.
    fn with_agent_preposition(&self, clause: &Clause, phrase: Range<usize>, head: usize) -> Arg {
        let preposition = phrase.start.checked_sub(1).filter(|&before| self.pos(before) == "ADP");
        let arg = self.arg_over(phrase, head);
        match preposition {
            Some(preposition) if clause.passive && self.doc.meta.lang == Lang::De => {
                Arg { range: TextRange::new(self.doc.tokens[preposition].range.start(), arg.range.end()), ..arg }
            }
            _ => arg,
        }
    }

    /// The dash that opens an aside holding the token `main`: the last dash before it in the
    /// sentence, after an even number of dashes (class `dash`).
    fn opening_dash(&self, bounds: &Range<usize>, main: usize) -> Option<usize> {
        let (count, last) = (bounds.start..main)
            .filter(|&t| self.word_is(Class::Dash, t))
            .fold((0, None), |(count, _), dash| (count + 1, Some(dash)));
        last.filter(|&dash| count % 2 == 1 && dash > bounds.start)
    }

    /// Whether the cue verb's clause holds a preposition with which the verb reports nothing
    /// (class `not_cue_prep`: `Ich denke da an die Veranstalter`).
    fn with_not_cue_preposition(&self, clause: &Clause, lemma: &str) -> bool {
        clause
            .tokens
            .iter()
            .map(|&t| t as usize)
            .any(|t| self.pos(t) == "ADP" && self.words.is(Class::NotCuePrep, &format!("{lemma} {}", &self.lower[t])))
    }

    /// The phrase, with its preposition, after a word of `class` in the clause and outside
    /// the content: whom a verb of perception heard something from (class `from`: `vom
    /// Minister gehört`), for whom an adjective is so (class `experiencer`: `für mich`).
    fn prepositional_speaker(
        &self,
        clause: &Clause,
        class: Class,
        content: &Range<usize>,
        bounds: &Range<usize>,
    ) -> Option<Arg> {
        let preposition =
            clause.tokens.iter().map(|&t| t as usize).find(|&t| !content.contains(&t) && self.word_is(class, t))?;
        let head = (preposition + 1..bounds.end)
            .take_while(|&t| matches!(self.pos(t), "DET" | "ADJ" | "PROPN" | "NOUN" | "PRON" | "NUM"))
            .filter(|&t| matches!(self.pos(t), "PROPN" | "NOUN" | "PRON"))
            .last()?;
        let arg = self.arg(head, bounds);
        let start = self.doc.tokens[preposition].range.start();
        Some(Arg { range: TextRange::new(start, arg.range.end().max(start)), ..arg })
    }

    /// Whether an argument names someone who can speak: a person or organisation (or a
    /// government by its country), or a personal pronoun.
    fn agent_like(&self, arg: &Arg) -> bool {
        let entity = arg.entity.and_then(|id| self.doc.entities.get(id.index()));
        let named = entity.is_some_and(|entity| {
            matches!(entity.entity_type, EntityType::Person | EntityType::Organization)
                || entity.reading == Some(lagebild_doc::Reading::Government)
        });
        let pronoun = self.doc.tokens.iter().position(|token| token.range == arg.range).is_some_and(|token| {
            self.pos(token) == "PRON" && self.doc.tokens[token].feature("PronType") == Some("Prs")
        });
        named || pronoun
    }

    /// Whether a token lies between the marks of a quotation.
    fn in_quotation(&self, token: usize) -> bool {
        self.quotes.iter().any(|quote| quote.open < token && token < quote.close)
    }

    /// Whether a token lies in a time expression.
    fn in_time(&self, token: usize) -> bool {
        let range = self.doc.tokens[token].range;
        self.doc.times.iter().any(|time| time.range.start() <= range.start() && range.end() <= time.range.end())
    }

    /// Whether a token is a demonstrative; the tagger may leave it open whether `das` is one
    /// or a relative pronoun (`Dem,Rel`).
    fn is_demonstrative(&self, token: usize) -> bool {
        self.has_pron_type(token, "Dem")
    }

    /// Whether a token is a relative pronoun (also where the tagger leaves `Dem,Rel` open).
    fn is_relative(&self, token: usize) -> bool {
        self.has_pron_type(token, "Rel")
    }

    /// Whether `kind` is among the token's `PronType` values.
    fn has_pron_type(&self, token: usize, kind: &str) -> bool {
        self.doc.tokens[token].feature("PronType").is_some_and(|kinds| kinds.split(',').any(|k| k == kind))
    }

    /// Whether a token lies inside the name of a person or an organisation.
    fn in_name_of_someone(&self, token: usize) -> bool {
        self.doc.entities.iter().any(|entity| {
            entity.range.contains_range(self.doc.tokens[token].range)
                && matches!(entity.entity_type, EntityType::Person | EntityType::Organization)
        })
    }

    /// The tokens of the sentence after the one of `bounds`, if one follows right after it.
    fn next_sentence(&self, bounds: &Range<usize>) -> Option<Range<usize>> {
        let index = self.sentence_tokens.partition_point(|sentence| sentence.start < bounds.end);
        self.sentence_tokens.get(index).filter(|next| next.start == bounds.end).cloned()
    }

    /// `es` in `es heißt`, `it` in `it is said`: no speaker.
    fn is_expletive(&self, token: usize) -> bool {
        self.word_is(Class::Expletive, token)
    }

    /// Whether the token at `token` may head a speaker: not a word that never speaks (class
    /// `not_speaker`: `was`, `nichts`) nor the first word of an address to the audience
    /// (`Meine Damen und Herren, was glauben Sie …`).
    fn may_speak(&self, token: usize) -> bool {
        let vocative = self.entry(token).is_some_and(|entry| entry.in_vocative)
            && self.words.vocatives.iter().any(|sequence| {
                sequence.iter().position(|word| *word == self.lower[token]).is_some_and(|at| {
                    token >= at
                        && token - at + sequence.len() <= self.lower.len()
                        && sequence.iter().zip(token - at..).all(|(word, t)| self.lower[t] == *word)
                })
            });
        // Nor, in German, an adverb or particle the analysis took for a phrase's head
        // (`Lediglich am Symbol … erkennen`), or an adjective in lowercase (`ehrlich
        // gesagt`, `grenzwertig finde ich`): capitalised, it may be a noun or a name the
        // tagger read as one (`Kritiker warnen`, `Kurz sagte`). (English speakers the tagger
        // reads so are often right: `Democrats`, `Republican`.)
        let lowercase = self.doc.slice(self.doc.tokens[token].range).chars().next().is_some_and(char::is_lowercase);
        let nominal = self.doc.meta.lang != Lang::De
            || !(matches!(
                self.pos(token),
                "ADV" | "ADP" | "SCONJ" | "CCONJ" | "PART" | "VERB" | "AUX" | "INTJ" | "PUNCT"
            ) || self.pos(token) == "ADJ" && lowercase);
        nominal && !vocative && !self.word_is(Class::NotSpeaker, token) && !self.names_thing(token)
    }

    /// Whether the token is a common noun that names a thing (class `thing`: `Das Signal
    /// ist eindeutig`, `die Zahlen belegen`), unless a name of a person or an organisation
    /// holds it.
    fn names_thing(&self, token: usize) -> bool {
        self.pos(token) == "NOUN" && self.words.names_thing(&self.lemma(token)) && !self.in_name_of_someone(token)
    }

    /// The subject of the clause before that a clause without its own shares: an
    /// infinitive's parent (not an English participle's, which speaks with the main clause's
    /// subject), or the main clause before a coordinated one, in the same sentence.
    fn subject_before(
        &self,
        index: usize,
        clause: &Clause,
        participle: bool,
        content: &Range<usize>,
        bounds: &Range<usize>,
    ) -> Option<Arg> {
        let before = match clause.kind {
            ClauseKind::Infinitive if !participle => clause.parent? as usize,
            ClauseKind::Main => {
                let first = *clause.tokens.first()? as usize;
                let coordinated =
                    self.pos(first) == "CCONJ" || first.checked_sub(1).is_some_and(|t| self.pos(t) == "CCONJ");
                if !coordinated {
                    return None;
                }
                (0..index).rev().take_while(|&c| self.doc.clauses[c].sentence == clause.sentence).find(|&c| {
                    self.doc.clauses[c].kind == ClauseKind::Main
                        && self.doc.clauses[c].arguments.iter().any(|(role, _)| *role == ArgumentRole::Subject)
                })?
            }
            _ => return None,
        };
        let (_, head) = self.doc.clauses[before].arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject)?;
        // Not an expletive (`Es gehört zur Wahrheit, zu sagen, …`), nor a subject of what is
        // said (`Um es klar zu sagen: Wir …`).
        let head = *head as usize;
        (!self.is_expletive(head) && !content.contains(&head)).then(|| self.arg(head, bounds))
    }

    /// The first finite verb of a clause's verb complex.
    fn finite_verb(&self, clause: &Clause) -> Option<usize> {
        clause.verb_tokens.iter().map(|&t| t as usize).find(|&t| self.doc.tokens[t].feature("VerbForm") == Some("Fin"))
    }

    /// A clause's first word past punctuation and a joining conjunction.
    fn opening(&self, clause: &Clause) -> Option<usize> {
        clause.tokens.iter().map(|&t| t as usize).find(|&t| !matches!(self.pos(t), "PUNCT" | "CCONJ"))
    }

    /// The prefield of a German main clause whose subject `head` stands before its finite
    /// verb: all that comes before the verb is one phrase, the subject with what it takes
    /// (`Der Kollege von der AfD`, `Jeder, der seriös kalkuliert,`), without a conjunction or
    /// an address to the audience before it.
    fn prefield(&self, clause: &Clause, head: usize) -> Option<Range<usize>> {
        if self.doc.meta.lang != Lang::De || clause.kind != ClauseKind::Main || clause.passive {
            return None;
        }
        let verb = self.finite_verb(clause)?;
        let start = self.opening(clause)?;
        if !(start..verb).contains(&head) {
            return None;
        }
        // From the last mark before the subject (an address, `Ja,`, `Im Gegenteil:`, a dash
        // before it), to the first mark after it but a comma (which may open a relative
        // clause or an apposition the phrase holds).
        let start = (start..head).rev().find(|&t| self.pos(t) == "PUNCT").map_or(start, |mark| mark + 1);
        // Without a conjunction that joins the clause to what came before (`und`, `denn`).
        let start =
            (start..head).find(|&t| self.pos(t) != "CCONJ" && !self.word_is(Class::JoiningAdverb, t)).unwrap_or(head);
        let end = (head + 1..verb).find(|&t| self.pos(t) == "PUNCT" && &self.lower[t] != ",").unwrap_or(verb);
        let tokens = self.trim(start..end);
        if !tokens.contains(&head) {
            return None;
        }
        // Not a subordinate clause the analysis took for a main one (`Wer das anders
        // darstellt`, `auch wenn Sie …`) nor a phrase of a preposition: no conjunction,
        // preposition or relative word first, and no verb but in a relative clause.
        let opened = matches!(self.pos(tokens.start), "SCONJ" | "ADP")
            || matches!(self.doc.tokens[tokens.start].feature("PronType"), Some("Rel" | "Int"));
        // Between a comma after the subject that a relative word follows (`, die`, `, in
        // der`) and a comma right before the finite verb, all is a relative clause, whatever
        // clauses the analysis made of it (`Eine Regierung, die nicht in der Lage ist, …
        // vorzulegen, darf …`).
        let relative = (head + 1..verb).find(|&t| &self.lower[t] == ",").filter(|&comma| {
            let relative_word = |t: usize| t < verb && self.is_relative(t);
            (relative_word(comma + 1) || self.pos(comma + 1) == "ADP" && relative_word(comma + 2))
                && &self.lower[verb - 1] == ","
        });
        let verbs_outside = tokens.clone().any(|t| {
            matches!(self.pos(t), "VERB" | "AUX")
                && self.clause_of[t].is_none_or(|c| self.doc.clauses[c as usize].kind != ClauseKind::Relative)
                && relative.is_none_or(|comma| t < comma)
        });
        // Nor a phrase that holds the clause's main verb, the cue (`Alles, was sie gedacht
        // haben`).
        let own_verb = clause.lemma.as_deref().is_some_and(|lemma| {
            clause.verb_tokens.iter().map(|&t| t as usize).any(|t| tokens.contains(&t) && self.lemma(t) == lemma)
        });
        (!opened && !verbs_outside && !own_verb).then_some(tokens)
    }

    /// The phrase around `head`, as an argument linked to its entity.
    fn arg(&self, head: usize, bounds: &Range<usize>) -> Arg {
        self.arg_over(self.phrase(head, bounds), head)
    }

    /// The words `tokens`, headed by `head`, as an argument linked to its entity.
    fn arg_over(&self, tokens: Range<usize>, head: usize) -> Arg {
        let range = self.range(tokens.clone());
        let entity =
            self.entity_in(&tokens, head).or_else(|| self.antecedent(head)).or_else(|| self.description(&tokens, head));
        let code = entity.and_then(|entity| self.doc.entities[entity.index()].code.clone());
        Arg { range, entity, code }
    }

    /// The noun phrase headed by `head` within `bounds`: determiners and adjectives before
    /// it, names in apposition and a genitive after it.
    fn phrase(&self, head: usize, bounds: &Range<usize>) -> Range<usize> {
        // A quantifier standing for a noun phrase, with its partitive (`Viele von Ihnen`).
        if self.pos(head) == "DET"
            && let Some(end) = self.partitive(head, bounds)
        {
            return head..end;
        }
        if self.pos(head) == "PRON" {
            // With a floating quantifier (`wir alle`, `sie beide`).
            let quantified = head + 1 < bounds.end
                && self.pos(head + 1) == "DET"
                && self.doc.tokens[head + 1].feature("PronType") == Some("Tot");
            let end = head + 1 + usize::from(quantified);
            let end =
                self.pronoun_apposition(head, end, bounds).or_else(|| self.partitive(head, bounds)).unwrap_or(end);
            return head..end;
        }
        // Leftwards up to the determiner or English possessive pronoun (`his aide`) that
        // opens the phrase.
        let possessive = |t: usize| {
            self.pos(t) == "PRON" && self.doc.meta.lang == Lang::En && self.doc.tokens[t].feature("Case") == Some("Gen")
        };
        let open_left = |mut start: usize| {
            while start > bounds.start
                && (matches!(self.pos(start - 1), "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN") || possessive(start - 1))
                && self.clause_of[start - 1] == self.clause_of[head]
                && self.pos(start) != "DET"
                && !possessive(start)
            {
                start -= 1;
            }
            start
        };
        let mut start = open_left(head);
        // A quantifier before a genitive (`einige unserer europäischen Partner`).
        if start > bounds.start
            && self.pos(start) == "DET"
            && self.doc.tokens[start].feature("Case") == Some("Gen")
            && self.quantifier(start - 1)
        {
            start -= 1;
        }
        // An adverb of degree before the quantifier that opens it (`immer mehr Politiker`,
        // `fast alle Fraktionen`, `almost all experts`).
        if start > bounds.start
            && self.quantifier(start)
            && self.word_is(Class::Degree, start - 1)
            && self.clause_of[start - 1] == self.clause_of[head]
        {
            start -= 1;
        }
        let mut end = head + 1;
        let english = self.doc.meta.lang == Lang::En;
        while end < bounds.end {
            match self.pos(end) {
                "PROPN" | "NOUN" | "X" => end += 1,
                "NUM" if self.pos(end - 1) == "PROPN" => end += 1,
                "DET" if !english && self.doc.tokens[end].feature("Case") == Some("Gen") => {
                    let mut next = end + 1;
                    while next < bounds.end && matches!(self.pos(next), "ADJ" | "PROPN" | "NOUN") {
                        next += 1;
                    }
                    if next == end + 1 {
                        break;
                    }
                    end = next;
                }
                "ADP"
                    if english
                        && self.word_is(Class::NameLink, end)
                        && self.pos(end - 1) == "PROPN"
                        && end + 1 < bounds.end
                        && self.pos(end + 1) == "PROPN" =>
                {
                    end += 1;
                }
                // A second conjunct (`Minister und Diplomaten`, `the senator and his aides`).
                "CCONJ"
                    if end + 1 < bounds.end
                        && matches!(self.pos(end - 1), "PROPN" | "NOUN")
                        && self.clause_of[end + 1] == self.clause_of[head]
                        && (matches!(self.pos(end + 1), "DET" | "ADJ" | "PROPN" | "NOUN") || possessive(end + 1)) =>
                {
                    let next = (end + 1..bounds.end)
                        .take_while(|&t| {
                            matches!(self.pos(t), "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN") || possessive(t)
                        })
                        .last();
                    match next.filter(|&last| matches!(self.pos(last), "PROPN" | "NOUN")) {
                        Some(last) => end = last + 1,
                        None => break,
                    }
                }
                _ => break,
            }
        }
        // A first conjunct (`current and former officials`, `Minister und Diplomaten`).
        if start >= bounds.start + 2
            && self.pos(start - 1) == "CCONJ"
            && matches!(self.pos(start - 2), "PROPN" | "NOUN" | "ADJ")
            && self.clause_of[start - 2] == self.clause_of[head]
        {
            start = open_left(start - 2);
        }
        start..end
    }

    /// Whether the token is an indefinite or total quantifier (`viele`, `einige`, `alle`).
    fn quantifier(&self, token: usize) -> bool {
        matches!(self.pos(token), "DET" | "PRON")
            && matches!(self.doc.tokens[token].feature("PronType"), Some("Ind" | "Tot"))
    }

    /// The end of a partitive after a quantifier pronoun at `head`: a word of class
    /// `partitive` and a pronoun or noun phrase (`Viele von Ihnen`, `einige von uns`).
    fn partitive(&self, head: usize, bounds: &Range<usize>) -> Option<usize> {
        if !self.quantifier(head) || head + 2 >= bounds.end || !self.words.is(Class::Partitive, &self.lower[head + 1]) {
            return None;
        }
        let next = head + 2;
        if self.pos(next) == "PRON" {
            return Some(next + 1);
        }
        let last = (next..bounds.end)
            .take_while(|&t| matches!(self.pos(t), "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN"))
            .last()
            .filter(|&t| matches!(self.pos(t), "PROPN" | "NOUN"))?;
        Some(last + 1)
    }

    /// The end of what says who a first- or second-person pronoun is, right after it at
    /// `end`: a phrase opened by a word of class `apposition` (`wir als Freie Demokraten`,
    /// `Wir von der AfD`), an address (`Sie, liebe Kolleginnen und Kollegen vom Bündnis 90/Die
    /// Grünen,`) or a noun phrase between commas (`Wir, die AfD, …`).
    fn pronoun_apposition(&self, head: usize, end: usize, bounds: &Range<usize>) -> Option<usize> {
        if !matches!(self.doc.tokens[head].feature("Person"), Some("1" | "2")) || end >= bounds.end {
            return None;
        }
        let nominal = |t: usize| matches!(self.pos(t), "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM");
        // A noun phrase up to its last noun: not an adverb after it (`Sie als Physikerin
        // besser`) nor another phrase (`wir von der SPD-Fraktion diesen Gesetzentwurf`), but a
        // genitive and the rest of a word cut at a hyphen (`als Augen- und Zeitzeuge`).
        let run = |from: usize| {
            let (mut last, mut noun) = (None, false);
            for t in from..bounds.end {
                let cut =
                    t > from && self.pos(t) == "CCONJ" && self.doc.slice(self.doc.tokens[t - 1].range).ends_with('-');
                if cut {
                    continue;
                }
                let genitive = self.doc.tokens[t].feature("Case") == Some("Gen");
                if !nominal(t) || (noun && matches!(self.pos(t), "DET" | "ADJ" | "NUM") && !genitive) {
                    break;
                }
                if matches!(self.pos(t), "PROPN" | "NOUN") {
                    (last, noun) = (Some(t + 1), true);
                }
            }
            last
        };
        if self.word_is(Class::Apposition, end) {
            return run(end + 1);
        }
        // Not after a verb set off by a comma before it (`ist jetzt, denke ich, ein Instrument`):
        // the comma after the pronoun closes that inserted clause.
        let inserted = head >= 2 && matches!(self.pos(head - 1), "VERB" | "AUX") && &self.lower[head - 2] == ",";
        if &self.lower[end] != "," || inserted {
            return None;
        }
        // Up to the comma that closes it, within a few words.
        let close = (end + 1..bounds.end.min(end + 14)).find(|&t| &self.lower[t] == ",")?;
        let address = self.vocative_at(end + 1, close).is_some();
        let noun_phrase = self.pos(end + 1) == "DET"
            && (end + 1..close).all(nominal)
            && (end + 1..close).any(|t| matches!(self.pos(t), "PROPN" | "NOUN"));
        (address || noun_phrase).then_some(close)
    }

    /// The length of the address to the audience (class `vocative`) that starts at token
    /// `start` and ends by `end`, if one does.
    fn vocative_at(&self, start: usize, end: usize) -> Option<usize> {
        let starts = self.entry(start).map_or(&[][..], |entry| entry.vocatives.as_slice());
        starts.iter().map(|&index| &self.words.vocatives[index]).find_map(|sequence| {
            (start + sequence.len() <= end && sequence.iter().zip(start..).all(|(word, t)| self.lower[t] == *word))
                .then_some(sequence.len())
        })
    }

    /// The entity mention among `tokens`, preferring one that covers `head`.
    fn entity_in(&self, tokens: &Range<usize>, head: usize) -> Option<EntityId> {
        let range = self.range(tokens.clone());
        let head_range = self.doc.tokens[head].range;
        let overlapping = |index: &usize| {
            let entity = &self.doc.entities[*index];
            entity.range.start() < range.end() && range.start() < entity.range.end()
        };
        let candidates: Vec<usize> = (0..self.doc.entities.len()).filter(overlapping).collect();
        let covers_head = candidates.iter().copied().find(|&index| {
            let entity = self.doc.entities[index].range;
            entity.start() <= head_range.start() && head_range.end() <= entity.end()
        });
        covers_head.or(candidates.first().copied()).map(|index| EntityId(index as u32))
    }

    /// For a personal pronoun (`er`, `she`), the nearest person mentioned before it (see
    /// also [`Self::continue_speakers`]).
    fn antecedent(&self, token: usize) -> Option<EntityId> {
        if let Some(entity) = self.relative_antecedent(token) {
            return Some(entity);
        }
        if !self.is_personal_singular(token) {
            return None;
        }
        let start = self.doc.tokens[token].range.start();
        self.doc
            .entities
            .iter()
            .enumerate()
            .rev()
            .find(|(_, entity)| entity.range.end() <= start && entity.entity_type == EntityType::Person)
            .map(|(index, _)| EntityId(index as u32))
    }

    /// Whether `token` is a relative pronoun whose antecedent, the noun right before its
    /// comma, names a thing (class `thing`: `Problemen, die …`).
    fn stands_for_thing(&self, token: usize) -> bool {
        let relative = self.pos(token) == "PRON" && self.is_relative(token);
        relative && token >= 2 && &self.lower[token - 1] == "," && self.names_thing(token - 2)
    }

    /// For a relative pronoun (`who`, `der`), the entity named right before it, past a comma
    /// or dash (`David Klein, who often argued`, `the Olympic Committee who demanded`).
    fn relative_antecedent(&self, token: usize) -> Option<EntityId> {
        let relative = self.pos(token) == "PRON" && self.is_relative(token);
        if !relative {
            return None;
        }
        let mut before = token.checked_sub(1)?;
        if matches!(self.pos(before), "PUNCT") {
            before = before.checked_sub(1)?;
        }
        if !matches!(self.pos(before), "NOUN" | "PROPN") {
            return None;
        }
        let range = self.doc.tokens[before].range;
        self.doc
            .entities
            .iter()
            .position(|entity| entity.range.start() <= range.start() && range.end() <= entity.range.end())
            .map(|index| EntityId(index as u32))
    }

    /// A third-person singular personal pronoun (`er`, `she`; not `ich`, `wir`).
    fn is_personal_singular(&self, token: usize) -> bool {
        self.pos(token) == "PRON"
            && self.doc.tokens[token].feature("PronType") == Some("Prs")
            && self.doc.tokens[token].feature("Number") != Some("Plur")
            && !self.word_is(Class::NotThirdPerson, token)
    }

    /// A speaker that is a personal pronoun whose own sentence names no person before it is
    /// the person who spoke last: the speaker of the nearest claim with a speaker before it (in
    /// its sentence or the three before, not inside its own content), where that speaker is a
    /// person and no other person is named between them outside that claim; otherwise the
    /// nearest person named stands. `Mr Balls … had suggested that Mr Brown would … He said
    /// …`: Mr Balls, where the nearest person named is Mr Brown. Claims are in text order, so
    /// a pronoun resolved so passes its speaker on to the next.
    fn continue_speakers(&self, claims: &mut [Claim]) {
        /// How many sentences before the pronoun's a claim may lie.
        const BACK: u32 = 3;
        let tokens = &self.doc.tokens;
        for index in 1..claims.len() {
            let Some(speaker) = &claims[index].speaker else { continue };
            let Some(token) = self.doc.token_at(speaker.range) else { continue };
            if !self.is_personal_singular(token) {
                continue;
            }
            let sentence_start = self.sentence_tokens.get(self.sentence_index(token)).map_or(0, |range| range.start);
            let from = tokens[sentence_start].range.start();
            let named_before = self.doc.entities.iter().any(|entity| {
                entity.entity_type == EntityType::Person
                    && entity.range.start() >= from
                    && entity.range.end() <= speaker.range.start()
            });
            if named_before {
                continue;
            }
            let (sentence, content) = (claims[index].sentence, claims[index].content.range);
            let Some(claim) = claims[..index]
                .iter()
                .rev()
                .take_while(|claim| claim.sentence + BACK >= sentence)
                .filter(|claim| !(content.start() <= claim.cue.range.start() && claim.cue.range.end() <= content.end()))
                .find(|claim| claim.speaker.is_some())
            else {
                continue;
            };
            // A person named since, outside that claim's speaker and content, is nearer
            // (`Für Wößmann sind … Er fordert …`).
            let inside =
                |range: TextRange, outer: TextRange| outer.start() <= range.start() && range.end() <= outer.end();
            let said = claim.speaker.as_ref().map_or(claim.cue.range, |arg| arg.range);
            let since = said.start().min(claim.cue.range.start());
            let named_since = self.doc.entities.iter().any(|entity| {
                entity.entity_type == EntityType::Person
                    && entity.range.start() >= since
                    && entity.range.end() <= speaker.range.start()
                    && !inside(entity.range, said)
                    && !inside(entity.range, claim.content.range)
            });
            let previous = claim.speaker.as_ref().and_then(|speaker| speaker.entity).filter(|entity| {
                !named_since
                    && self
                        .doc
                        .entities
                        .get(entity.index())
                        .is_some_and(|entity| entity.entity_type == EntityType::Person)
            });
            if let (Some(entity), Some(speaker)) = (previous, &mut claims[index].speaker) {
                speaker.entity = Some(entity);
                speaker.code = self.doc.entities[entity.index()].code.clone();
            }
        }
    }

    /// For a definite description of an organisation without a name (`die Gruppe`, `the
    /// group`: nouns of the class `description`), the nearest organisation mentioned before it
    /// as the subject of a clause, else the nearest one (`Beyond Parallel, eine Website des
    /// … Center …, sagte … sagte die Gruppe`: the group is the one that spoke).
    fn description(&self, tokens: &Range<usize>, head: usize) -> Option<EntityId> {
        let definite = self.pos(head) == "NOUN"
            && self.words.is(Class::Description, self.lemma(head).as_ref())
            && self.words.definite.contains(&self.lower[tokens.start])
            && self.doc.tokens[head].feature("Number") != Some("Plur");
        if !definite {
            return None;
        }
        let start = self.doc.tokens[tokens.start].range.start();
        let before = || {
            self.doc.entities.iter().enumerate().rev().filter(move |(_, entity)| {
                entity.range.end() <= start && entity.entity_type == EntityType::Organization
            })
        };
        let subjects: Vec<TextRange> = self
            .doc
            .clauses
            .iter()
            .flat_map(|clause| &clause.arguments)
            .filter(|(role, _)| matches!(role, ArgumentRole::Subject | ArgumentRole::Agent))
            .map(|&(_, head)| self.doc.tokens[head as usize].range)
            .collect();
        let is_subject = |entity: &lagebild_doc::Entity| {
            subjects.iter().any(|head| entity.range.start() < head.end() && head.start() < entity.range.end())
        };
        before()
            .find(|(_, entity)| is_subject(entity))
            .or_else(|| before().next())
            .map(|(index, _)| EntityId(index as u32))
    }

    /// The tokens of a clause and every clause embedded in it, as one extent without the
    /// punctuation at its edges.
    fn subtree(&self, clause: usize) -> Option<Range<usize>> {
        let mut stack = vec![clause as u32];
        let (mut first, mut last) = (usize::MAX, 0);
        while let Some(index) = stack.pop() {
            let clause = &self.doc.clauses[index as usize];
            if let (Some(&a), Some(&b)) = (clause.tokens.first(), clause.tokens.last()) {
                first = first.min(a as usize);
                last = last.max(b as usize);
            }
            stack.extend(&self.children[index as usize]);
        }
        (first <= last).then(|| self.trim(first..last + 1))
    }

    /// A token extent without punctuation and quotation marks at its edges.
    /// A closing quotation mark stays when its opening one is inside (`als seine "höchste
    /// Priorität"`), and an opening one when its closing one is.
    fn trim(&self, mut tokens: Range<usize>) -> Range<usize> {
        let paired = |token: usize, tokens: &Range<usize>| {
            self.quotes.iter().any(|quote| {
                (quote.close == token && tokens.contains(&quote.open))
                    || (quote.open == token && tokens.contains(&quote.close))
            })
        };
        while tokens.start < tokens.end && self.pos(tokens.start) == "PUNCT" && !paired(tokens.start, &tokens) {
            tokens.start += 1;
        }
        while tokens.start < tokens.end && self.pos(tokens.end - 1) == "PUNCT" && !paired(tokens.end - 1, &tokens) {
            tokens.end -= 1;
        }
        // An address to the audience set off by a comma is no part of it (`…, meine Damen und
        // Herren`, `liebe Kolleginnen und Kollegen, dass …`).
        if self.words.vocatives.is_empty() {
            return tokens;
        }
        // Its own words may be tagged as verbs (`liebe`).
        let vocative_at = |start: usize| self.vocative_at(start, tokens.end);
        let comma = |t: usize| &self.lower[t] == ",";
        if let Some(last) = (tokens.start + 1..tokens.end).rev().find(|&t| comma(t))
            && let Some(length) = vocative_at(last + 1)
            && !(last + 1 + length..tokens.end).any(|t| matches!(self.pos(t), "VERB" | "AUX"))
        {
            return self.trim(tokens.start..last);
        }
        if let Some(length) = vocative_at(tokens.start)
            && let Some(first) = (tokens.start + 1..tokens.end.min(tokens.start + 12)).find(|&t| comma(t))
            && !(tokens.start + length..first).any(|t| matches!(self.pos(t), "VERB" | "AUX"))
        {
            return self.trim(first + 1..tokens.end);
        }
        tokens
    }

    /// The reported clause embedded in the cue's clause: reported speech after a comma, or
    /// a `dass`/`that`/`ob` clause, after the cue verb.
    fn embedded_content(&self, index: usize, clause: &Clause) -> Option<Range<usize>> {
        let verb = clause.verb? as usize;
        self.children.get(index)?.iter().map(|&child| child as usize).find_map(|child| {
            let embedded = &self.doc.clauses[child];
            let reported = match embedded.kind {
                ClauseKind::ReportedSpeech => true,
                ClauseKind::Subordinate => {
                    embedded.introducer.is_none_or(|token| self.words.introducers.contains(&self.lower[token as usize]))
                }
                ClauseKind::Main => self.doc.meta.lang == Lang::En,
                // `plans to …`, `fordert, … zu …`, but not `um … zu`.
                ClauseKind::Infinitive => embedded
                    .introducer
                    .is_none_or(|token| !self.words.is(Class::Purpose, self.lemma(token as usize).as_ref())),
                _ => false,
            };
            let after = embedded.tokens.first().is_some_and(|&first| first as usize > verb);
            if !(reported && after) {
                return None;
            }
            // The reported clause with everything after it in the sentence, up to where the
            // cue's clause resumes.
            let start = self.subtree(child)?.start;
            let end = self.sentence_tokens.get(clause.sentence as usize).map_or(start + 1, |bounds| bounds.end);
            let resume = clause
                .tokens
                .iter()
                .map(|&t| t as usize)
                .find(|&t| t > start && t < end && self.pos(t) != "PUNCT")
                .unwrap_or(end);
            Some(self.trim(start..resume)).filter(|content| !content.is_empty())
        })
    }

    /// Content after the cue: past the speaker, addressee and adverbs that may follow the
    /// verb (`sagte Lawrow`, `told reporters`), a comma, colon, `dass`/`that` or opening
    /// quotation mark starts it, and it runs to the end of the sentence (`sagte, Washington
    /// habe …`, `X sagte: "…"`, `said that …`).
    fn content_after(&self, clause: &Clause, main: usize, bounds: &Range<usize>) -> Option<Range<usize>> {
        let mut position = main + 1;
        while position < bounds.end && position <= main + 8 {
            let word = &self.lower[position];
            if let Some(quote) = self.quotes.iter().find(|quote| quote.open == position) {
                return self.quotation(quote);
            }
            if self.words.introducers.contains(word) && position == main + 1 {
                return Some(self.trim(position..self.content_end(position, bounds)))
                    .filter(|content| content.len() > 1);
            }
            if self.words.is(Class::That, word) {
                return Some(self.trim(position..self.content_end(position, bounds)))
                    .filter(|content| content.len() > 1);
            }
            match word {
                "," | ":" => {
                    if let Some(quote) = self.quotes.iter().find(|quote| quote.open == position + 1) {
                        return self.quotation(quote);
                    }
                    // `said it, according to the Times`: a source follows, not the content;
                    // nor is a clause joined by a conjunction (`lehnen wir ab, und wir werden
                    // …`) what is said.
                    if self.according_at(position + 1)
                        || (word == ","
                            && position + 1 < bounds.end
                            && self.word_is(Class::ClauseConjunction, position + 1))
                    {
                        return None;
                    }
                    // Nor the postposed reporting clause of another statement that closes the
                    // sentence (`…, weil Serbien nicht gewarnt worden sei, sagte Dacic.`).
                    if self.postposed_cue_at(position + 1, bounds) {
                        return None;
                    }
                    // A colon that ends the sentence opens the next one (`Ich will ganz
                    // deutlich sagen:` at the end of a paragraph, the statement after it).
                    if word == ":" && position + 1 == bounds.end {
                        return Some(self.trim(self.next_sentence(bounds)?)).filter(|content| content.len() > 1);
                    }
                    // A name that a comma sets off after the speaker, with no verb, is an
                    // apposition to it, not a statement (`…, sagte der Sprecher, Rainer
                    // Kerstiens, am Donnerstag`).
                    let content = self.trim(position + 1..self.content_end(position + 1, bounds));
                    if word == ","
                        && self.doc.meta.lang == Lang::De
                        && position > main + 1
                        && self.pos(content.start) == "PROPN"
                        && !content.clone().any(|t| matches!(self.pos(t), "VERB" | "AUX"))
                    {
                        return None;
                    }
                    return Some(content).filter(|content| content.len() > 1);
                }
                "." | ";" | "?" | "!" => return None,
                _ => {}
            }
            let verb_of_cue = clause.verb_tokens.contains(&(position as u32));
            if matches!(self.pos(position), "VERB" | "AUX") && !verb_of_cue {
                // English reported speech without `that`: a subject and its verb right after
                // the cue (`says he doesn't watch …`, `said Clinton is honest`).
                let bare = self.doc.meta.lang == Lang::En
                    && position > main + 1
                    && (main + 1..position)
                        .all(|t| matches!(self.pos(t), "DET" | "ADJ" | "NOUN" | "PROPN" | "PRON" | "NUM"));
                if bare {
                    return Some(self.trim(main + 1..self.content_end(main + 1, bounds)))
                        .filter(|content| content.len() > 1);
                }
                return None;
            }
            position += 1;
        }
        None
    }

    /// Content before the cue: a comma or quotation right before the cue's phrase, which
    /// runs to the end of the sentence (`…, teilte das Ministerium mit.`, `"…", sagte er`,
    /// `"…" Caddell said.`). Returns the content and whether it is a quotation.
    /// With `cross`, a quotation that closes the sentence before counts too.
    fn content_before(
        &self,
        clause: &Clause,
        main: usize,
        bounds: &Range<usize>,
        cross: bool,
    ) -> Option<(Range<usize>, bool)> {
        // A quotation that closes a sentence may be the content of the next one, which
        // holds only the cue's phrase (`"… emails." Trump said.`).
        let closes_before = |token: usize| self.quotes.iter().any(|quote| quote.close == token);
        let first =
            if cross && bounds.start > 0 && closes_before(bounds.start - 1) { bounds.start - 1 } else { bounds.start };
        let mut position = main;
        while position > first && main - position <= 12 {
            let before = position - 1;
            if let Some(quote) = self.quotes.iter().find(|quote| quote.close == before) {
                return self.quotation(quote).map(|content| (content, true));
            }
            if &self.lower[before] == "," {
                if let Some(quote) = self
                    .quotes
                    .iter()
                    .find(|quote| quote.close + 1 == before || Some(quote.close) == before.checked_sub(1))
                {
                    return self.quotation(quote).map(|content| (content, true));
                }
                // A German reporting clause after its statement puts its finite verb first
                // (`…, sagte der Minister`, `…, hat er gesagt`); one with its subject first
                // (`Liebe Kollegen, der Journalist hat einen Satz gesagt`) follows no statement.
                let verb_first =
                    clause.verb == Some(before as u32 + 1) || clause.verb_tokens.first() == Some(&(before as u32 + 1));
                if self.doc.meta.lang == Lang::De && !verb_first {
                    return None;
                }
                let start = self
                    .quotes
                    .iter()
                    .find(|quote| quote.open >= bounds.start && quote.close < before)
                    .map_or(bounds.start, |quote| quote.open.min(bounds.start.max(quote.open)));
                let content = self.trim(start..before);
                // The words before are no statement when they hold the cue of another one
                // (`X sagte, Satellitenbilder zeigten …`), not one in a clause they embed
                // (`…, weil Serbien nicht gewarnt worden sei, sagte Dacic`).
                // A cue that ends the words before the comma reports nothing of its own where
                // what follows the comma is this short closing reporting clause (`… are
                // worrying, Cuban said`), which is no content of it; it does where the
                // statement follows it (`… Studies, sagte, Satellitenbilder zeigten …`).
                let closing = self.postposed_cue_at(before + 1, bounds);
                let reports = content.clone().any(|t| {
                    self.clause_of[t].is_some_and(|c| {
                        let other = &self.doc.clauses[c as usize];
                        // Its verb's last word ends the words (`are worrying`, `is worrying`).
                        let ends = other.verb_tokens.iter().chain(&other.verb).max().map(|&v| v as usize + 1)
                            == Some(content.end);
                        other.verb == Some(t as u32)
                            && !((ends || t + 1 == content.end) && closing)
                            && !matches!(
                                other.kind,
                                ClauseKind::Subordinate | ClauseKind::Relative | ClauseKind::Infinitive
                            )
                            && self.words.verbs.contains_key(self.cue_lemma(other).as_ref())
                    })
                });
                // A prepositional phrase without a verb is an adverbial of the cue's clause,
                // no statement (`In a statement, the ministry rejected …`).
                let adverbial =
                    self.pos(content.start) == "ADP" && !content.clone().any(|t| matches!(self.pos(t), "VERB" | "AUX"));
                return (content.len() > 1 && !reports && !adverbial).then_some((content, false));
            }
            let bracket = matches!(&self.lower[before], "(" | ")" | "-");
            // A conjunction between nominal words joins the subject (`current and former
            // officials said`).
            let nominal = |t: usize| matches!(self.pos(t), "NOUN" | "PROPN" | "ADJ" | "NUM");
            let joins = self.pos(before) == "CCONJ" && before > first && nominal(before - 1) && nominal(before + 1);
            if matches!(self.pos(before), "VERB" | "PUNCT" | "SCONJ" | "CCONJ")
                && !bracket
                && !joins
                && !clause.verb_tokens.contains(&(before as u32))
            {
                return None;
            }
            position -= 1;
        }
        None
    }

    /// The words of a quotation, if it is a statement rather than a quoted term: three words
    /// or more, or a verb, also one inside a contraction that heads a clause (`"It's
    /// embarrassing"`) (`"höchste Priorität"` is no statement).
    fn quotation(&self, quote: &quotes::Quote) -> Option<Range<usize>> {
        let content = self.trim(quote.open + 1..quote.close);
        let clause_verb =
            |t: usize| self.clause_of[t].is_some_and(|clause| self.doc.clauses[clause as usize].verb == Some(t as u32));
        let statement =
            content.len() >= 3 || content.clone().any(|t| matches!(self.pos(t), "VERB" | "AUX") || clause_verb(t));
        statement.then_some(content)
    }

    /// English reported speech without `that` whose subject is too long for
    /// [`Self::content_after`] (`Sanders said the process of crafting the party's platform
    /// … would be fair`): a noun phrase right after the cue and a finite verb later in the
    /// sentence.
    fn long_bare_content(&self, main: usize, bounds: &Range<usize>) -> Option<Range<usize>> {
        if self.doc.meta.lang != Lang::En || main + 1 >= bounds.end {
            return None;
        }
        if !matches!(self.pos(main + 1), "DET" | "PRON" | "PROPN" | "NOUN" | "ADJ" | "NUM") {
            return None;
        }
        let end = self.content_end(main + 1, bounds);
        // The finite verb before any punctuation: not that of a reporting clause after a comma
        // (`agreed a new package of sanctions …, officials said`).
        let finite = (main + 2..end)
            .take_while(|&t| self.pos(t) != "PUNCT")
            .any(|t| self.doc.tokens[t].feature("VerbForm") == Some("Fin"));
        // A verb of class `bare_content` reports three words or more after it without one:
        // the tagger may have missed the verb (`said the prime minister stood by …`).
        let bare = self.words.is(Class::BareContent, self.lemma(main).as_ref()) && end >= main + 4;
        (finite || bare).then(|| self.trim(main + 1..end)).filter(|content| content.len() > 2)
    }

    /// The start of the phrase of `preposition` in a clause (`hat von einer Schicksalsfrage
    /// gesprochen`), or of its `da(r)` form (`davon`, `darauf`), whose `dass` clause follows.
    fn prep_phrase(&self, clause: &Clause, preposition: &str) -> Option<usize> {
        let pronominal = |word: &str| {
            word.strip_prefix("dar").or_else(|| word.strip_prefix("da")).is_some_and(|rest| rest == preposition)
        };
        clause.tokens.iter().map(|&t| t as usize).find(|&t| &self.lower[t] == preposition || pronominal(&self.lower[t]))
    }

    /// The content of a `verb_prep` cue: its prepositional phrase, to the clause's next verb
    /// or mark or else its end; for `davon`, `darauf` the word itself unless a `dass` clause
    /// or colon follows, which is found as for other cues.
    fn prep_content(&self, clause: &Clause, preposition: &str) -> Option<Range<usize>> {
        let start = self.prep_phrase(clause, preposition)?;
        if &self.lower[start] != preposition {
            // `davon`, `darauf`: where no `dass` clause or colon follows in the sentence, the
            // word itself stands for what is said (`Darauf will ich hinweisen`).
            let bounds = self.sentence_tokens.get(clause.sentence as usize)?;
            let follows = (start + 1..bounds.end).any(|t| {
                &self.lower[t] == ":"
                    || self.word_is(Class::That, t)
                    || (&self.lower[t - 1] == "," && self.words.introducers.contains(&self.lower[t]))
            });
            return (!follows).then_some(start..start + 1);
        }
        let end = clause
            .tokens
            .iter()
            .map(|&t| t as usize)
            .filter(|&t| t > start)
            .find(|&t| clause.verb_tokens.contains(&(t as u32)) || self.pos(t) == "PUNCT")
            .unwrap_or_else(|| clause.tokens.iter().map(|&t| t as usize + 1).max().unwrap_or(start + 1));
        // An object right before the phrase belongs to what is said (`hält die Vorwürfe für
        // haltlos`), a reflexive or personal pronoun not (`freue mich auf …`).
        let object = clause
            .arguments
            .iter()
            .find(|&&(role, head)| role == ArgumentRole::Object && (head as usize) < start)
            .map(|&(_, head)| head as usize)
            .filter(|&head| self.pos(head) != "PRON" || self.is_demonstrative(head))
            .map(|head| self.phrase(head, &(0..start)))
            .filter(|phrase| phrase.end == start);
        let start = object.map_or(start, |phrase| phrase.start);
        Some(self.trim(start..end)).filter(|content| content.len() > 1)
    }

    /// A cue that closes its sentence with nothing to report (`…, Cole said.`) introduces a
    /// quotation that opens the next sentence and has no cue of its own (`"That's exactly
    /// what people want …"`).
    fn quotation_after(&self, clause: &Clause, main: usize, bounds: &Range<usize>) -> Option<Range<usize>> {
        if clause.kind != ClauseKind::Main || !(main + 1..bounds.end).all(|t| self.pos(t) == "PUNCT") {
            return None;
        }
        let quote = self.quotes.iter().find(|quote| quote.open == bounds.end)?;
        let next = self.next_sentence(bounds)?;
        // The clauses of the next sentence, through its tokens: no scan of the document's.
        let own_cue = next.clone().any(|t| {
            self.clause_of[t].is_some_and(|c| {
                let other = &self.doc.clauses[c as usize];
                other.tokens.first() == Some(&(t as u32)) && self.cue_of(other).is_some()
            })
        });
        if own_cue {
            return None;
        }
        self.quotation(quote)
    }

    /// `wie X berichtete`: the clause it is embedded in is the content.
    fn wie_content(&self, clause: &Clause) -> Option<Range<usize>> {
        let introducer = clause.introducer? as usize;
        if !self.words.is(Class::As, self.lemma(introducer).as_ref()) {
            return None;
        }
        let parent = &self.doc.clauses[clause.parent? as usize];
        let own = (*clause.tokens.first()? as usize, *clause.tokens.last()? as usize);
        let tokens: Vec<usize> =
            parent.tokens.iter().map(|&t| t as usize).filter(|&t| t < own.0 || t > own.1).collect();
        let content = self.trim(*tokens.first()?..*tokens.last()? + 1);
        (!content.is_empty()).then_some(content)
    }

    /// The `da(r)` form of the cue's preposition (`darauf`, `davon`) before a content that
    /// does not hold it, which it announces (`Ich will darauf hinweisen, dass …`).
    fn da_form_before(&self, clause: &Clause, content: &Range<usize>) -> Option<usize> {
        let prepositions = self.words.prep_verbs.get(self.cue_lemma(clause).as_ref())?;
        prepositions
            .iter()
            .filter_map(|(preposition, _)| {
                self.prep_phrase(clause, preposition).filter(|&t| &self.lower[t] != preposition)
            })
            .find(|&t| t < content.start)
    }

    /// A German demonstrative object before the cue verb stands for what is said, which the
    /// words before told (`Das sage ich ganz deutlich`, `Was … meint`): it is the content,
    /// whatever follows.
    fn fronted_demonstrative(&self, clause: &Clause, main: usize) -> Option<usize> {
        if self.doc.meta.lang != Lang::De {
            return None;
        }
        // So does the relative pronoun that opens the cue's clause (`was Sie gesagt haben`),
        // or one that stands for a thing (`Problemen, die Sie nennen`).
        if let Some(introducer) = clause.introducer.map(|t| t as usize)
            && introducer < main
            && (self.word_is(Class::RelativeContent, introducer)
                || self.stands_for_thing(introducer) && self.reports_what_it_takes(clause))
        {
            return Some(introducer);
        }
        self.pronoun_object_before(clause, main, |head| self.is_demonstrative(head))
    }

    /// Whether the clause's verb is a plain cue verb that reports its object, not one of
    /// perception nor one that reports only before a colon (`die ich gelesen habe`, `die
    /// dahinter steht`).
    fn reports_what_it_takes(&self, clause: &Clause) -> bool {
        clause
            .lemma
            .as_deref()
            .is_some_and(|lemma| self.words.verbs.contains_key(lemma) && !self.words.is(Class::Perception, lemma))
    }

    /// The first pronoun object of the clause before the cue verb at `main` that `keep` takes.
    fn pronoun_object_before(&self, clause: &Clause, main: usize, keep: impl Fn(usize) -> bool) -> Option<usize> {
        clause
            .arguments
            .iter()
            .filter(|&&(role, head)| role == ArgumentRole::Object && (head as usize) < main)
            .map(|&(_, head)| head as usize)
            .find(|&head| self.pos(head) == "PRON" && keep(head))
    }

    /// Where nothing else is what is said, a German pronoun object before the verb that stands
    /// for it (class `expletive`, not a reflexive: `obwohl Sie es besser wissen`).
    fn pronoun_object(&self, clause: &Clause, main: usize) -> Option<Range<usize>> {
        if self.doc.meta.lang != Lang::De {
            return None;
        }
        self.pronoun_object_before(clause, main, |head| {
            self.is_expletive(head) && !self.word_is(Class::Reflexive, head)
        })
        .map(|head| head..head + 1)
    }

    /// What a German demonstrative content announces: the words after a colon that closes
    /// the cue's clause (`Das sage ich Ihnen ganz deutlich: Die Reform kommt`), through the
    /// next sentence where the colon closes its own.
    fn announced(&self, clause: &Clause, content: &Range<usize>, bounds: &Range<usize>) -> Option<Range<usize>> {
        if self.doc.meta.lang != Lang::De || content.len() != 1 || !self.is_demonstrative(content.start) {
            return None;
        }
        let last = *clause.tokens.iter().rev().find(|&&t| self.pos(t as usize) != "PUNCT")? as usize;
        self.after_colon(last + 1, bounds).filter(|rest| !rest.is_empty())
    }

    /// What a colon at `colon` opens, to where such content ends: the rest of its sentence,
    /// or the next sentence where the colon closes its own; none where `colon` is no colon
    /// outside a quotation.
    fn after_colon(&self, colon: usize, bounds: &Range<usize>) -> Option<Range<usize>> {
        if colon >= self.lower.len() || &self.lower[colon] != ":" || self.in_quotation(colon) {
            return None;
        }
        let rest = if colon + 1 < bounds.end {
            colon + 1..self.content_end(colon + 1, bounds)
        } else {
            let next = self.next_sentence(bounds)?;
            next.start..self.content_end(next.start, &next)
        };
        Some(self.trim(rest))
    }

    /// German content after its cue that a colon continues goes on after it (`…, dass es noch
    /// schlimmer ist: Deutschland wird … verfehlen`), through the next sentence where the
    /// colon closes its own.
    fn over_colon(&self, content: Range<usize>, cue: usize, bounds: &Range<usize>) -> Range<usize> {
        if self.doc.meta.lang != Lang::De || content.start <= cue {
            return content;
        }
        match self.after_colon(content.end, bounds) {
            Some(rest) => content.start..rest.end,
            None => content,
        }
    }

    /// The dative object of a cue verb of (dis)agreement (class `dative_content`: `werden wir
    /// Ihrem Gesetzentwurf nicht zustimmen`), where it names a thing, not a person, with the
    /// phrase it heads; only in a main clause without an accusative object.
    fn dative_content(&self, clause: &Clause, bounds: &Range<usize>) -> Option<Range<usize>> {
        let object = clause.arguments.iter().any(|&(role, _)| role == ArgumentRole::Object);
        if clause.kind != ClauseKind::Main || object || !self.words.is(Class::DativeContent, &self.cue_lemma(clause)) {
            return None;
        }
        let (_, head) = clause.arguments.iter().find(|&&(role, _)| role == ArgumentRole::IndirectObject)?;
        let head = *head as usize;
        (self.pos(head) == "NOUN" && !self.in_name_of_someone(head)).then(|| self.phrase(head, bounds))
    }

    /// The subject of a passive cue verb, which is what was said (`Das ist gesagt worden`,
    /// `Einiges wurde schon gesagt`), with the phrase it heads.
    fn passive_subject(&self, clause: &Clause, bounds: &Range<usize>) -> Option<Range<usize>> {
        if !clause.passive {
            return None;
        }
        let (_, head) = clause.arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject)?;
        let head = *head as usize;
        // Not `es` (`Es wurde gesagt`), which a demonstrative is not, nor someone who can
        // speak, who was told (`weil Serbien nicht gewarnt worden sei`).
        let expletive = self.is_expletive(head) && !self.is_demonstrative(head);
        if self.in_time(head) || expletive || self.agent_like(&self.arg(head, bounds)) {
            return None;
        }
        Some(self.phrase(head, bounds))
    }

    /// The object of the cue verb with what follows it in the clause: `wies die Behauptungen
    /// zurück`, `nennen den Einstieg in den Ausstieg`, `denied the report`.
    fn object_content(&self, clause: &Clause, bounds: &Range<usize>) -> Option<Range<usize>> {
        // A reflexive pronoun is no object of what is said (`bekennt sich … zu …`).
        let object = clause
            .arguments
            .iter()
            .find(|&&(role, head)| role == ArgumentRole::Object && !self.word_is(Class::Reflexive, head as usize));
        let Some((_, head)) = object else {
            // A time is no object (`was expected this week`).
            return self
                .middle_field(clause)
                .or_else(|| self.words_after_verb(clause, bounds))
                .filter(|words| !words.clone().all(|t| self.in_time(t)));
        };
        let head = *head as usize;
        if self.in_time(head) {
            return None;
        }
        // A demonstrative stands for what was said (`Das sagen Sie nicht`); the tagger may
        // leave it open whether `das` is one or a relative pronoun (`Dem,Rel`).
        let demonstrative = self.is_demonstrative(head);
        let third = !matches!(self.doc.tokens[head].feature("Person"), Some("1" | "2"))
            && self.doc.tokens[head].feature("Reflex").is_none();
        if self.pos(head) == "PRON" && !demonstrative && !third {
            return None;
        }
        let phrase = self.phrase(head, bounds);
        let mut end = phrase.end;
        // Quotation marks inside the object stay in it (`als seine "höchste Priorität"`).
        let quote = |token: usize| self.quotes.iter().any(|quote| quote.open == token || quote.close == token);
        while end < bounds.end
            && clause.tokens.binary_search(&(end as u32)).is_ok()
            && !clause.verb_tokens.contains(&(end as u32))
            && (!matches!(self.pos(end), "PUNCT" | "VERB" | "AUX") || quote(end))
            // Nor a German adverb after it (`thematisiert dieses Problem schon in der letzten
            // Legislatur`).
            && !(self.doc.meta.lang == Lang::De && self.pos(end) == "ADV")
            // The infinitive's `zu` belongs to its verb (`… als seine "Priorität" zu bezeichnen`).
            && !(self.pos(end) == "PART" && clause.verb_tokens.contains(&(end as u32 + 1)))
        {
            end += 1;
        }
        Some(phrase.start..end)
    }

    /// Where no object was found after a verb in second position (`bestritt die Vorwürfe`):
    /// the clause's words after the verb, without the subject and the verb's other parts.
    fn words_after_verb(&self, clause: &Clause, bounds: &Range<usize>) -> Option<Range<usize>> {
        let verb = clause.verb? as usize;
        let subject =
            clause.arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject).map(|(_, t)| *t as usize);
        let mut start = verb + 1;
        if let Some(subject) = subject.filter(|&subject| subject > verb) {
            start = self.phrase(subject, bounds).end;
        }
        let mut end = start;
        while end < bounds.end
            && clause.tokens.binary_search(&(end as u32)).is_ok()
            && !clause.verb_tokens.contains(&(end as u32))
            && !matches!(self.pos(end), "PUNCT" | "VERB" | "AUX")
        {
            end += 1;
        }
        let content = self.trim(start..end);
        (content.len() >= 2).then_some(content)
    }

    /// In a German clause with its verb at the end and no object found (`um die Beziehungen
    /// zu Moskau als seine "höchste Priorität" zu bezeichnen`): the words between the
    /// introducer or subject and the verb complex.
    fn middle_field(&self, clause: &Clause) -> Option<Range<usize>> {
        if self.doc.meta.lang != Lang::De {
            return None;
        }
        let first_verb = *clause.verb_tokens.iter().min()? as usize;
        let mut start = match clause.introducer {
            Some(introducer) => introducer as usize + 1,
            None => *clause.tokens.first()? as usize,
        };
        if let Some((_, subject)) = clause.arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject) {
            start = start.max(*subject as usize + 1);
        }
        // `zu` before the infinitive belongs to the verb.
        let mut end = first_verb;
        if end > start && self.word_is(Class::Infinitive, end - 1) {
            end -= 1;
        }
        let content = self.trim(start.min(end)..end);
        (content.len() >= 2).then_some(content)
    }

    /// A medium named in the cue's clause outside the content, after a preposition or after
    /// the verb: `laut der Nachrichtenagentur RIA`, `in einem Bericht`, `according to state
    /// media`, `told state television`. One in apposition to the speaker before the verb
    /// (`Beyond Parallel, eine Website des …, sagte`) is none.
    fn channel_in(&self, clause: &Clause, content: &Range<usize>, bounds: &Range<usize>) -> Option<Arg> {
        let governed = |noun: usize| {
            let mut start = noun;
            while start > bounds.start && matches!(self.pos(start - 1), "DET" | "ADJ" | "NUM" | "PRON") {
                start -= 1;
            }
            start > bounds.start && self.pos(start - 1) == "ADP"
        };
        clause
            .tokens
            .iter()
            .map(|&t| t as usize)
            .filter(|t| !content.contains(t))
            .find(|&t| {
                let after_verb = clause.verb.is_some_and(|verb| t > verb as usize);
                self.pos(t) == "NOUN"
                    && self.words.channels.contains(self.lemma(t).as_ref())
                    && (governed(t) || after_verb)
            })
            .map(|head| self.arg(head, bounds))
    }

    /// Direct when the content is a quotation, mixed when it holds one, else indirect.
    fn kind_of(&self, content: &Range<usize>) -> ClaimKind {
        let inside = |quote: &quotes::Quote| quote.open < content.start && content.end <= quote.close;
        if self.quotes.iter().any(inside) {
            return ClaimKind::Direct;
        }
        let holds = |quote: &quotes::Quote| content.contains(&quote.open) && quote.close < content.end;
        if self.quotes.iter().any(holds) { ClaimKind::Mixed } else { ClaimKind::Indirect }
    }

    /// The cue's stance, unless stance words in the content or the cue's clause say more:
    /// a denial wins over a hedge.
    fn stance(&self, cue: Stance, content: &Range<usize>, clause_tokens: &[u32]) -> Stance {
        if cue != Stance::Assert {
            return cue;
        }
        let mut stance = Stance::Assert;
        let mut scan = |tokens: &mut dyn Iterator<Item = usize>| {
            let tokens: Vec<usize> = tokens.collect();
            for (position, &first) in tokens.iter().enumerate() {
                let Some(indices) = self.entry(first).map(|entry| &entry.stance) else { continue };
                for (sequence, marked) in indices.iter().map(|&index| &self.words.stance[index]) {
                    let matches = sequence.len() <= tokens.len() - position
                        && sequence.iter().zip(&tokens[position..]).all(|(word, &t)| self.lower[t] == *word);
                    if matches && (stance == Stance::Assert || *marked == Stance::Deny) {
                        stance = *marked;
                    }
                }
            }
        };
        scan(&mut content.clone());
        scan(&mut clause_tokens.iter().map(|&t| t as usize).filter(|t| !content.contains(t)));
        stance
    }

    /// The value of a time expression in the cue's clause, outside the content.
    fn date_in(&self, clause: &Clause, content: &Range<usize>) -> Option<String> {
        let content = self.range(content.clone());
        let first = self.doc.tokens[*clause.tokens.first()? as usize].range.start();
        let last = self.doc.tokens[*clause.tokens.last()? as usize].range.end();
        self.doc
            .times
            .iter()
            .find(|time| {
                let range = time.range;
                range.start() >= first
                    && range.end() <= last
                    && !(range.start() < content.end() && content.start() < range.end())
                    && self.clause_of_range(range)
                        == self.clause_of_range(self.doc.tokens[clause.tokens[0] as usize].range)
            })
            .map(|time| time.value.clone())
    }

    fn clause_of_range(&self, range: TextRange) -> Option<u32> {
        let token = self.doc.tokens.partition_point(|token| token.range.end() <= range.start());
        self.clause_of.get(token).copied().flatten()
    }

    /// Attributions without a verb: a name and a colon before a statement (`Pat Caddell:
    /// Voters are worried`, `Putin: Russland wird antworten`), and a quotation followed by a
    /// dash and a name (`"…" ― Veronica Cruz`).
    fn headline_claims(&self, sentence: usize, found: &mut Vec<Claim>) {
        let bounds = self.sentence_tokens[sentence].clone();
        let name = |tokens: Range<usize>| {
            tokens.clone().all(|t| matches!(self.pos(t), "PROPN" | "NOUN" | "X")) && !tokens.is_empty()
        };
        let taken = |found: &Vec<Claim>, cue: TextRange| {
            found.iter().any(|claim| {
                claim.content.range.start() <= cue.start() && cue.end() <= claim.content.range.end()
                    || claim.cue.range == cue
            })
        };
        // `Name: statement`, also as a turn of a transcript quoted paragraph by paragraph
        // (`"PENCE: Well, …`).
        let first = (bounds.start..bounds.end).find(|&t| !self.is_quote_mark(t)).unwrap_or(bounds.end);
        if let Some(colon) = (first + 1..bounds.end.min(first + 5)).find(|&t| &self.lower[t] == ":") {
            let content = self.trim(colon + 1..bounds.end);
            let cue = self.doc.tokens[colon].range;
            if name(first..colon) && content.len() >= 3 && !taken(found, cue) {
                let head = colon - 1;
                found.push(self.bare_claim(sentence, cue, self.arg(head, &bounds), content, ClaimConstruction::Verb));
            }
        }
        // `… pollster Daron Shaw: "…"`: a name or noun right before a colon that opens a
        // quotation no other claim holds.
        let first_quote = self.quotes.partition_point(|quote| quote.open <= bounds.start);
        for quote in self.quotes[first_quote..].iter().take_while(|quote| quote.open <= bounds.end) {
            let Some(colon) = quote.open.checked_sub(1) else { continue };
            if colon <= bounds.start || colon >= bounds.end || &self.lower[colon] != ":" {
                continue;
            }
            if !matches!(self.pos(colon - 1), "PROPN" | "NOUN") {
                continue;
            }
            let Some(content) = self.quotation(quote) else { continue };
            let cue = self.doc.tokens[colon].range;
            let quoted = self.range(content.clone());
            let held = found
                .iter()
                .any(|claim| claim.content.range.start() < quoted.end() && quoted.start() < claim.content.range.end());
            if !held && !taken(found, cue) {
                found.push(self.bare_claim(
                    sentence,
                    cue,
                    self.arg(colon - 1, &bounds),
                    content,
                    ClaimConstruction::Verb,
                ));
            }
        }
        // `"…" ― Name`
        for quote in &self.quotes {
            let dash = quote.close + 1;
            if dash >= self.lower.len() || !matches!(&self.lower[dash], "―" | "—" | "–") {
                continue;
            }
            let mut end = dash + 1;
            while end < self.lower.len() && matches!(self.pos(end), "PROPN" | "X") {
                end += 1;
            }
            let content = self.trim(quote.open + 1..quote.close);
            let cue = self.doc.tokens[dash].range;
            if end > dash + 1 && content.len() >= 3 && !taken(found, cue) {
                let bounds = self.bounds_of(dash);
                let claim = self.bare_claim(
                    self.sentence_index(dash),
                    cue,
                    self.arg(end - 1, &bounds),
                    content,
                    ClaimConstruction::Postposed,
                );
                found.push(claim);
            }
        }
    }

    /// Whether token `token` is a quotation mark that opens or closes a quotation.
    fn is_quote_mark(&self, token: usize) -> bool {
        self.quotes.iter().any(|quote| quote.open == token || quote.close == token)
            || matches!(&self.lower[token], "\"" | "“" | "”" | "„" | "»" | "«" | "``" | "''")
    }

    fn bounds_of(&self, token: usize) -> Range<usize> {
        self.sentence_tokens.get(self.sentence_index(token)).cloned().unwrap_or(token..token + 1)
    }

    fn sentence_index(&self, token: usize) -> usize {
        self.sentence_tokens.partition_point(|range| range.end <= token)
    }

    /// A claim with a speaker and content and no clause of its own.
    fn bare_claim(
        &self,
        sentence: usize,
        cue: TextRange,
        speaker: Arg,
        content: Range<usize>,
        construction: ClaimConstruction,
    ) -> Claim {
        Claim {
            sentence: sentence as u32,
            kind: self.kind_of(&content),
            construction,
            speaker: Some(speaker),
            channel: None,
            addressee: None,
            cue: Span::continuous(cue),
            stance: self.stance(Stance::Assert, &content, &[]),
            content: Span::continuous(self.range(content)),
            date: None,
            parent: None,
            responds_to: Vec::new(),
            events: Vec::new(),
        }
    }

    /// Nouns naming a statement whose content follows a colon, a comma with `dass`/`ob`, or
    /// `ist, dass`: `die Frage: …`, `Die Behauptung, dass …`, `the claim that …`. The speaker
    /// is a genitive after the noun or a possessive name before it (`Lawrows Erklärung`).
    fn noun_claims(&self, sentence: usize, found: &mut Vec<Claim>) {
        let bounds = self.sentence_tokens[sentence].clone();
        for noun in bounds.clone() {
            if self.pos(noun) != "NOUN" {
                continue;
            }
            let stance = match self.words.nouns.get(self.lemma(noun).as_ref()) {
                Some(&stance) => stance,
                // A noun the cue tagger marks (`Erwartung`, `Überzeugung`).
                None if self.cues.get(noun).copied().unwrap_or(false) => Stance::Assert,
                None => continue,
            };
            let cue = self.doc.tokens[noun].range;
            let taken = |claim: &Claim| {
                let overlaps = |range: TextRange| range.start() < cue.end() && cue.start() < range.end();
                claim.cue.range == cue
                    || overlaps(claim.content.range)
                    || claim.channel.as_ref().is_some_and(|arg| overlaps(arg.range))
            };
            if found.iter().any(taken) {
                continue;
            }
            // A quotation right after the noun is what it names (`die Frage „Was ist …?“`).
            let quoted = self
                .quotes
                .iter()
                .find(|quote| quote.open == noun + 1)
                .and_then(|quote| self.quotation(quote))
                .filter(|content| content.len() > 1);
            let Some(content) = quoted.or_else(|| self.noun_content(noun, &bounds)) else { continue };
            let content = self.over_colon(content, noun, &bounds);
            let speaker = self.noun_speaker(noun, &bounds);
            found.push(Claim {
                sentence: sentence as u32,
                kind: self.kind_of(&content),
                construction: ClaimConstruction::Noun,
                speaker,
                channel: None,
                addressee: None,
                cue: Span::continuous(cue),
                content: Span::continuous(self.range(content.clone())),
                stance: self.stance(stance, &content, &[]),
                date: None,
                parent: None,
                responds_to: Vec::new(),
                events: Vec::new(),
            });
        }
    }

    /// What a statement noun at `noun` introduces after it (and a genitive), within four
    /// tokens: `:`, `, dass`, `ist, dass`, to the sentence's end.
    fn noun_content(&self, noun: usize, bounds: &Range<usize>) -> Option<Range<usize>> {
        let mut position = noun + 1;
        let mut start = None;
        while position < bounds.end && position <= noun + 4 {
            let word = &self.lower[position];
            if word == ":" {
                start = Some(position + 1);
                break;
            }
            // `dass`, `ob`; and any other introducer after a comma (`die Frage, wie …`).
            let introduces = self.words.is(Class::That, word)
                || (self.words.introducers.contains(word) && &self.lower[position - 1] == ",");
            if introduces {
                start = Some(position);
                break;
            }
            if matches!(word, "." | ";" | "?" | "!") {
                break;
            }
            position += 1;
        }
        let start = start?;
        // A colon that ends the sentence opens the next one (`eine konkrete Frage:` at the
        // end of a paragraph).
        let content = match self.next_sentence(bounds) {
            Some(next) if start == bounds.end => self.trim(next),
            _ => self.trim(start..bounds.end),
        };
        (content.len() >= 2).then_some(content)
    }

    /// Where content that runs to the end of the sentence from `start` ends: before a
    /// final `, according to X` (English); before a German main clause of `und` and an
    /// indicative verb that begins after it (`kritisierten, die Maßnahmen seien … und drohten
    /// mit Streiks`: the clause analysis tells the report from the reporter's own clause by
    /// mood); else at the sentence's end.
    fn content_end(&self, start: usize, bounds: &Range<usize>) -> usize {
        if self.doc.meta.lang != Lang::En {
            let after = self.joined_mains.partition_point(|&first| first <= start);
            let main_after = self.joined_mains.get(after).copied().filter(|&first| first < bounds.end);
            // A semicolon outside a quotation ends the statement (`…, wie viele Atombomben in
            // Büchel lagern; denn die Bundesregierung äußert sich dazu nicht`).
            let semicolon = (start..bounds.end).find(|&t| &self.lower[t] == ";" && !self.in_quotation(t));
            return main_after.into_iter().chain(semicolon).min().unwrap_or(bounds.end);
        }
        (start..bounds.end).find(|&t| &self.lower[t] == "," && self.according_at(t + 1)).unwrap_or(bounds.end)
    }

    /// Whether an according phrase (`laut`, `according to`) starts at token `token`.
    fn according_at(&self, token: usize) -> bool {
        token < self.lower.len()
            && self.according_from(token).any(|sequence| {
                token + sequence.len() <= self.lower.len()
                    && sequence.iter().zip(token..).all(|(word, t)| self.lower[t] == *word)
            })
    }

    /// Whether an according sequence ends right before `token`, which is then the noun the
    /// tagger took for a verb (`According to reports, …`).
    fn after_according(&self, token: usize) -> bool {
        (1..=token.min(4)).any(|length| {
            self.according_from(token - length).any(|sequence| {
                sequence.len() == length
                    && sequence.iter().zip(token - length..).all(|(word, t)| self.lower[t] == *word)
            })
        })
    }

    /// The according sequences whose first word is token `token`'s, longest first.
    fn according_from(&self, token: usize) -> impl Iterator<Item = &Vec<String>> + '_ {
        let starts = self.entry(token).map_or(&[][..], |entry| entry.according.as_slice());
        starts.iter().map(|&index| &self.words.according[index])
    }

    /// The speaker of a statement noun: a genitive after it (`die Erklärung des Ministeriums`,
    /// `the statement of the ministry`) or a name in the genitive before it (`Lawrows Erklärung`).
    fn noun_speaker(&self, noun: usize, bounds: &Range<usize>) -> Option<Arg> {
        let next = noun + 1;
        if next + 1 < bounds.end
            && (self.doc.tokens[next].feature("Case") == Some("Gen") || self.word_is(Class::Of, next))
        {
            let head = (next + 1..bounds.end)
                .take_while(|&t| matches!(self.pos(t), "DET" | "ADJ" | "PROPN" | "NOUN"))
                .filter(|&t| matches!(self.pos(t), "PROPN" | "NOUN"))
                .last()?;
            return Some(self.arg(head, bounds));
        }
        let before = noun.checked_sub(1).filter(|&t| t >= bounds.start);
        if let Some(before) = before
            && self.pos(before) == "PROPN"
            && self.doc.tokens[before].feature("Case") == Some("Gen")
        {
            return Some(self.arg(before, bounds));
        }
        // A possessive determiner right before it (`Mein Eindruck ist: …`, `seine Forderung`;
        // the tagger marks German ones as personal, `PronType=Prs`).
        if let Some(before) = before
            && self.pos(before) == "DET"
            && (self.doc.tokens[before].feature("Poss") == Some("Yes")
                || self.doc.tokens[before].feature("PronType") == Some("Prs"))
        {
            return Some(self.arg(before, &(before..before + 1)));
        }
        // The subject of the clause whose object the noun is (`Ich habe eine konkrete Frage:`,
        // `Der Minister hatte eine klare Botschaft: …`), or whose predicate it is after a
        // copula (`Ich bin der Überzeugung, dass …`).
        let clause = &self.doc.clauses[self.clause_of[noun]? as usize];
        let object = clause.arguments.iter().any(|&(role, head)| role == ArgumentRole::Object && head as usize == noun);
        let subject =
            clause.arguments.iter().find(|(role, _)| *role == ArgumentRole::Subject).map(|&(_, head)| head as usize);
        let predicate =
            clause.lemma.as_deref().is_some_and(|lemma| self.words.is(Class::Copula, &lemma.to_lowercase()))
                && subject.is_some_and(|head| head != noun);
        subject.filter(|&head| (object || predicate) && !self.is_expletive(head)).map(|head| self.arg(head, bounds))
    }

    /// The head of a source noun (class `source_noun`: `Umfrage`, `Studie`) after a word of
    /// class `according_noun` (`nach`) at `position`, past determiners, adjectives and numbers.
    fn source_noun_after(&self, position: usize, bounds: &Range<usize>) -> Option<usize> {
        if !self.word_is(Class::AccordingNoun, position) {
            return None;
        }
        let window = position + 1..bounds.end.min(position + 9);
        let english = self.doc.meta.lang == Lang::En;
        // English `in` only opens its sentence (`In a CNN poll, …`): inside, `lead in the polls`
        // says where, not who.
        if english && position != bounds.start {
            return None;
        }
        let head = if english {
            // The last noun of the phrase, past names and adverbs (`In an NBC News/Wall Street
            // Journal poll`, `in the most recent survey`).
            window
                .take_while(|&t| matches!(self.pos(t), "DET" | "ADJ" | "NUM" | "PROPN" | "NOUN" | "ADV" | "SYM" | "X"))
                .filter(|&t| self.pos(t) == "NOUN")
                .last()?
        } else {
            window.take(5).find(|&t| !matches!(self.pos(t), "DET" | "ADJ" | "NUM"))?
        };
        if !matches!(self.pos(head), "NOUN" | "PROPN") {
            return None;
        }
        let lemma = self.lemma(head);
        let source = |noun: &str| self.words.is(Class::SourceNoun, noun) || self.words.is(Class::WhoSource, noun);
        // Also a compound that ends in one, whose first part names the source
        // (`nach Polizeiangaben`, `nach UNO-Angaben`, `nach APA-Informationen`); the tagger
        // leaves such names in the plural, so a plural `-n`, `-en` may end them.
        let compound = || {
            lemma.char_indices().skip(3).any(|(at, c)| {
                let tail = if c == '-' { &lemma[at + 1..] } else { &lemma[at..] };
                let singular = [tail.strip_suffix("en"), tail.strip_suffix('n')];
                tail.chars().count() >= 4 && (source(tail) || singular.into_iter().flatten().any(source))
            })
        };
        let noun = self.pos(head) == "NOUN" && source(&lemma);
        (noun || (!english && compound())).then_some(head)
    }

    /// Whether the source noun at `head` ([`Self::source_noun_after`]) says whose it is where
    /// it must (class `who_source`, `nach libyschen Angaben`): a compound, or a word with an
    /// actor's code in its phrase.
    fn source_says_whose(&self, head: usize, bounds: &Range<usize>) -> bool {
        let lemma = self.lemma(head);
        !self.words.is(Class::WhoSource, &lemma) || self.arg(head, bounds).code.is_some()
    }

    /// German `Für uns ist klar: …`, `Für mich ist das ein Erfolg`, `Für uns ist X
    /// wichtig`: a main clause whose prefield is a phrase of class `experiencer` (`für`) for a
    /// first-person pronoun states the rest of the clause as that speaker's view; the
    /// preposition is the cue. Not where a cue of the clause already made a claim (`Für
    /// mich ist klar, dass …` is the adjective's).
    fn experiencer_claims(&self, sentence: usize, found: &mut Vec<Claim>) {
        if self.doc.meta.lang != Lang::De {
            return;
        }
        let bounds = self.sentence_tokens[sentence].clone();
        for first in bounds.clone() {
            // The part of speech first: it costs no look-up.
            if self.pos(first) != "ADP" || !self.word_is(Class::Experiencer, first) {
                continue;
            }
            let Some(clause) = self.clause_of[first].map(|c| &self.doc.clauses[c as usize]) else { continue };
            if clause.kind != ClauseKind::Main || self.opening(clause) != Some(first) {
                continue;
            }
            let Some(finite) = self.finite_verb(clause).filter(|&verb| verb > first + 1) else { continue };
            let phrase = first + 1..finite;
            if phrase.clone().any(|t| matches!(self.pos(t), "PUNCT" | "VERB" | "AUX")) {
                continue;
            }
            let Some(head) = phrase.clone().find(|&t| matches!(self.pos(t), "PRON" | "NOUN" | "PROPN")) else {
                continue;
            };
            // Only the first person: `Für Siemens bedeutet das höhere Kosten` is about Siemens.
            let first_person = self.pos(head) == "PRON" && self.doc.tokens[head].feature("Person") == Some("1");
            let in_clause = |claim: &Claim| {
                clause.tokens.iter().any(|&t| self.doc.tokens[t as usize].range.start() == claim.cue.range.start())
            };
            if !first_person || found.iter().any(in_clause) {
                continue;
            }
            let speaker = self.arg_over(phrase, head);
            let content = self.trim(finite..self.content_end(finite, &bounds));
            if content.len() < 2 {
                continue;
            }
            found.push(Claim {
                sentence: sentence as u32,
                kind: self.kind_of(&content),
                construction: ClaimConstruction::AccordingTo,
                speaker: Some(speaker),
                channel: None,
                addressee: None,
                cue: Span::continuous(self.doc.tokens[first].range),
                content: Span::continuous(self.range(content.clone())),
                stance: self.stance(Stance::Assert, &content, &[]),
                date: None,
                parent: None,
                responds_to: Vec::new(),
                events: Vec::new(),
            });
        }
    }

    /// `laut X`, `nach Angaben von X`, `X zufolge`, `according to X`: X speaks the rest of its
    /// clause, or, where that clause's cue already has a speaker, is its channel.
    fn according_claims(&self, sentence: usize, found: &mut Vec<Claim>) {
        let bounds = self.sentence_tokens[sentence].clone();
        let mut position = bounds.start;
        while position < bounds.end {
            let mut cue_override: Option<Range<usize>> = None;
            let matched = self.according_from(position).find(|sequence| {
                sequence.len() <= bounds.end - position
                    && sequence.iter().zip(position..).all(|(word, t)| self.lower[t] == *word)
            });
            // `aus meiner Sicht`, `nach unserer Auffassung`: a possessive inside a cue of two
            // words is the speaker.
            let possessive = self.according_from(position).any(|sequence| {
                sequence.len() == 2
                    && position + 2 < bounds.end
                    && self.lower[position] == sequence[0]
                    && self.pos(position + 1) == "DET"
                    && self.doc.tokens[position + 1].feature("PronType") == Some("Prs")
                    && self.lower[position + 2] == sequence[1]
            });
            let (phrase, head) = if possessive {
                (position..position + 3, position + 1)
            } else if let Some(sequence) = matched {
                let mut start = position + sequence.len();
                // `nach Angaben von X`, `nach Angaben des X`: after a phrase that ends in a noun,
                // the speaker is a genitive, a name or introduced by `von`.
                if start < bounds.end && self.word_is(Class::From, start) {
                    start += 1;
                } else if self.pos(start - 1) == "NOUN"
                    && start < bounds.end
                    && self.doc.tokens[start].feature("Case") != Some("Gen")
                    && !self.word_is(Class::Of, start)
                    && self.pos(start) != "PROPN"
                {
                    position += 1;
                    continue;
                }
                // Determiners and adjectives, then the first noun, name or pronoun with the names
                // in apposition after it (`der Nachrichtenagentur RIA`).
                // A participle or adjective the tagger took for a verb may come first
                // (`according to early results`, `recent polls`).
                // Adjectives may be joined (`complete but unofficial returns`), a number or
                // quantifier may take its noun with `of` (`one of his senior aides`), and a
                // possessive is no head (`his aide`).
                let joined = |t: usize| {
                    (matches!(self.pos(t), "CCONJ") || &self.lower[t] == ",")
                        && t > start
                        && (self.pos(t - 1) == "ADJ" || t - 1 == start)
                        && self.pos(t + 1) == "ADJ"
                };
                let partitive = |t: usize| {
                    self.word_is(Class::Of, t) && t > start && matches!(self.pos(t - 1), "NUM" | "PRON" | "DET" | "ADJ")
                };
                let possessive = |t: usize| {
                    self.pos(t) == "PRON"
                        && (self.doc.tokens[t].feature("Poss") == Some("Yes")
                            || self.doc.tokens[t].feature("Case") == Some("Gen"))
                        && t + 1 < bounds.end
                        && matches!(self.pos(t + 1), "NOUN" | "PROPN" | "ADJ")
                };
                // A noun the tagger read as a verb right after the words (`according to
                // reports, …`).
                let verb_noun = |t: usize| {
                    t == start && self.pos(t) == "VERB" && !matches!(self.pos(t + 1), "NOUN" | "PROPN" | "ADJ" | "DET")
                };
                let first = (start..bounds.end.min(start + 8))
                    .take_while(|&t| {
                        matches!(self.pos(t), "DET" | "ADJ" | "PROPN" | "NOUN" | "NUM" | "PRON" | "X")
                            || (t < start + 2 && matches!(self.pos(t), "VERB" | "ADV"))
                            || joined(t)
                            || partitive(t)
                    })
                    .find(|&t| matches!(self.pos(t), "PROPN" | "NOUN" | "PRON" | "X") && !possessive(t))
                    .or_else(|| verb_noun(start).then_some(start));
                let head = first.map(|first| {
                    (first + 1..bounds.end)
                        .take_while(|&t| matches!(self.pos(t), "PROPN" | "X"))
                        .last()
                        .unwrap_or(first)
                });
                let Some(head) = head else {
                    position += 1;
                    continue;
                };
                let speaker = self.phrase(head, &(start..bounds.end));
                (position..speaker.end, head)
            } else if let Some(head) = self.source_noun_after(position, &bounds) {
                // `Nach einer repräsentativen Umfrage …`, `nach Zahlen des DGB`: the source is
                // the phrase of the noun, the cue the preposition.
                cue_override = Some(position..position + 1);
                let speaker = self.phrase(head, &(position + 1..bounds.end));
                // `Die Firma hat nach eigenen Angaben …`: the cue is the whole phrase, the
                // speaker the subject of its clause (none known: no claim).
                if (position + 1..head).any(|t| self.words.is(Class::OwnSource, &self.lemma(t))) {
                    let subject = self.clause_of[position].and_then(|clause| {
                        let clause = &self.doc.clauses[clause as usize];
                        clause
                            .arguments
                            .iter()
                            .find(|(role, _)| *role == ArgumentRole::Subject)
                            .map(|&(_, t)| t as usize)
                    });
                    let Some(subject) = subject.filter(|&t| !(position..speaker.end).contains(&t)) else {
                        position = speaker.end;
                        continue;
                    };
                    cue_override = Some(position..speaker.end);
                    (position..speaker.end, subject)
                } else if !self.source_says_whose(head, &bounds) {
                    position = speaker.end;
                    continue;
                } else {
                    // What qualifies the source up to a comma before any finite verb belongs to it
                    // (`In a CNN poll released Monday, …`).
                    let comma = (speaker.end..bounds.end)
                        .take_while(|&t| self.doc.tokens[t].feature("VerbForm") != Some("Fin"))
                        .find(|&t| &self.lower[t] == ",")
                        .filter(|_| self.doc.meta.lang == Lang::En);
                    (position..comma.unwrap_or(speaker.end), head)
                }
            } else if self.words.according_after.contains(&self.lower[position]) && position > bounds.start {
                let head = position - 1;
                let speaker = self.phrase(head, &(bounds.start..position));
                (speaker.start..position + 1, head)
            } else {
                position += 1;
                continue;
            };
            position = phrase.end;
            let clause = self.clause_of[phrase.start].or(self.clause_of[head]);
            // The possessive alone speaks (`aus meiner Sicht`: `meiner`).
            let arg = if possessive { self.arg(head, &(head..head + 1)) } else { self.arg(head, &bounds) };
            // A cue of the same clause with a speaker: X is its channel.
            // `X said …, according to Y` at the end of the sentence: the phrase follows the
            // content of X's claim.
            let last = self.trim(bounds.clone()).end <= phrase.end;
            let after_comma = phrase.start > bounds.start && &self.lower[phrase.start - 1] == ",";
            let comma_start = self.doc.tokens[phrase.start.saturating_sub(1)].range.start();
            let final_phrase = last && after_comma && matched.is_some();
            let own = found.iter_mut().find(|claim| {
                let cue = self.clause_of_range(claim.cue.range);
                let before = final_phrase
                    && claim.sentence as usize == sentence
                    && claim.content.range.end() <= comma_start
                    && self.doc.tokens[phrase.start.saturating_sub(2)].range.end() <= claim.content.range.end();
                ((cue.is_some() && cue == clause) || before) && claim.speaker.is_some()
            });
            let relayed = if let Some(own) = own {
                if own.channel.is_none() {
                    own.channel = Some(arg.clone());
                }
                true
            } else {
                false
            };
            // In English news the medium is also the source of a statement of its own: that
            // the speaker said it (`X said …, according to the Times`).
            if relayed && self.doc.meta.lang != Lang::En {
                continue;
            }
            // A final `, according to Y` speaks the whole sentence before it.
            let extent = match clause {
                _ if final_phrase => self.trim(bounds.clone()),
                Some(clause) => self.subtree(clause as usize).unwrap_or(bounds.clone()),
                None => self.trim(bounds.clone()),
            };
            // The content is the clause without the according phrase, on both sides of it
            // where it stands inside (`Das ist aus meiner Sicht der Hauptaspekt`).
            let before = self.trim(extent.start..phrase.start.clamp(extent.start, extent.end));
            let after = self.trim(phrase.end.clamp(extent.start, extent.end)..extent.end);
            let content = match (before.is_empty(), after.is_empty()) {
                (true, true) => continue,
                (false, true) => before.clone(),
                (true, false) => after.clone(),
                (false, false) => before.start..after.end,
            };
            let cue_tokens = cue_override.unwrap_or_else(|| match matched {
                _ if possessive => phrase.clone(),
                Some(sequence) => phrase.start..phrase.start + sequence.len(),
                None => phrase.end - 1..phrase.end,
            });
            let stance = self.stance(Stance::Assert, &content, &[]);
            found.push(Claim {
                sentence: sentence as u32,
                kind: self.kind_of(&content),
                construction: ClaimConstruction::AccordingTo,
                speaker: Some(arg),
                channel: None,
                addressee: None,
                cue: if possessive {
                    // `aus meiner Sicht`: the possessive is the speaker, not the cue.
                    self.parts(&[cue_tokens.start..cue_tokens.start + 1, cue_tokens.end - 1..cue_tokens.end])
                } else {
                    Span::continuous(self.range(cue_tokens))
                },
                content: if before.is_empty() || after.is_empty() {
                    Span::continuous(self.range(content))
                } else {
                    self.parts(&[before, after])
                },
                stance,
                date: None,
                parent: None,
                responds_to: Vec::new(),
                events: Vec::new(),
            });
        }
    }

    /// A span of several token ranges (each non-empty, in order).
    fn parts(&self, ranges: &[Range<usize>]) -> Span {
        let parts: Vec<TextRange> = ranges.iter().map(|range| self.range(range.clone())).collect();
        Span { range: TextRange::new(parts[0].start(), parts[parts.len() - 1].end()), parts }
    }
}

/// Nesting (`parent`: a claim whose cue lies in another's content) and answers
/// (`responds_to`: a denial answers every earlier claim of another speaker).
fn link_claims(doc: &Document, claims: &mut [Claim]) {
    let country = |arg: &Option<Arg>| -> Option<String> {
        arg.as_ref()?.code.as_ref().map(|code| code.chars().take(3).collect())
    };
    let words = |arg: &Option<Arg>| arg.as_ref().map(|arg| doc.slice(arg.range).to_lowercase());
    for index in 0..claims.len() {
        let cue = claims[index].cue.range;
        let parent = (0..claims.len()).filter(|&other| other != index).find(|&other| {
            let content = claims[other].content.range;
            content.start() <= cue.start() && cue.end() <= content.end()
        });
        claims[index].parent = parent.map(|other| ClaimId(other as u32));
        if claims[index].stance != Stance::Deny {
            continue;
        }
        let denier = (country(&claims[index].speaker), words(&claims[index].speaker));
        let answered: Vec<ClaimId> = (0..index)
            .filter(|&earlier| {
                let claim = &claims[earlier];
                if claim.stance == Stance::Deny || claim.content.range.end() > cue.start() {
                    return false;
                }
                match (&denier.0, country(&claim.speaker)) {
                    (Some(a), Some(b)) => *a != b,
                    _ => denier.1 != words(&claim.speaker),
                }
            })
            .map(|earlier| ClaimId(earlier as u32))
            .collect();
        claims[index].responds_to = answered;
    }
}
