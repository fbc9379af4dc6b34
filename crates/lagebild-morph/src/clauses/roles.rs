//! The verb complex, lemma, voice and arguments of a clause, read from its tokens.
//!
//! Arguments come from noun phrases (runs of determiners, adjectives, numerals, nouns and
//! pronouns) that no preposition governs. German: the nominative is the subject, the
//! accusative the object, the dative the indirect object; where the tagger gave no case,
//! the first phrase is the subject and the next one the object; where no phrase is
//! nominative, the first one that may be (nominative and accusative look alike in the plural,
//! feminines and neuters) and agrees with the finite verb is the subject. A bare proper name
//! (no determiner, adjective or pronoun) shows no case (`Frankreich verurteilte Russland`), so
//! the tagger's case for it is not trusted: the first phrase that agrees with the verb and is
//! a nominative or a bare name is the subject; after a marked accusative, the next bare name
//! is the object. A demonstrative before the finite verb (`Das sage ich`) is the object
//! where a personal pronoun in the nominative follows the verb; a verb in the first person
//! takes a first-person pronoun as its subject where the clause has one. In a main clause,
//! what a comma sets off after a first noun phrase before the finite verb is an apposition
//! (verb-second: one constituent stands there) and holds no argument. An infinitive clause
//! has no subject (its first phrase is the object; its introducer `um`/`to` governs nothing).
//! A German phrase's case is its head's, unless the head's case is one its article cannot
//! have (`article_cases.tsv`: `Der … Strafgerichtshof` read as an accusative), where the
//! article decides; a singular head read as a genitive after `der` with no noun before it is
//! a nominative or a dative (`warf der Türkei vor`); `bis zu` before a number governs nothing.
//! A German head noun with a name after it is a title (`SPÖ-Politiker Hans Huber`): the phrase
//! may be singular, whatever number the tagger gave the noun. A noun's nominative after the
//! verb that cannot agree with it yields to an agreeing phrase before the verb that may be a
//! nominative (`Die griechische Küstenwache barg 14 Menschen`).
//! English: the subject is the
//! last phrase before the verb complex (the first one inside it after an inverted auxiliary),
//! the object the first phrase after it, and of two phrases after it the first is the
//! indirect object. In a passive, the phrase after `von`/`durch`/`by` is the agent.

use lagebild_doc::{ArgumentRole, ClauseKind, Lang};

use super::View;
use lagebild_resources::{ClauseWordClass, LangResources};

use super::words::{Pos, Word, flag, lookup, noun_features, verb_clitic};

/// A sentence being described: its words from document position `first`.
pub(crate) struct Sentence<'a> {
    pub(crate) doc: View<'a>,
    pub(crate) words: &'a [Word],
    pub(crate) first: usize,
    pub(crate) lang: Lang,
    pub(crate) resources: &'a LangResources,
    /// The document's dateline (`Paris –`), whose words are no arguments.
    pub(crate) dateline: Option<lagebild_doc::TextRange>,
}

impl Sentence<'_> {
    /// Whether the token's lemma has `class`: from its word, else looked up now (English
    /// prepositions are read without a look-up).
    fn has(&self, token: u32, class: ClauseWordClass) -> bool {
        let word = self.words[token as usize - self.first];
        word.is(class) || {
            let token = &self.doc.tokens[token as usize];
            lookup(self.resources, token, self.doc.slice(token.range)).has(class)
        }
    }
}

/// What [`describe`] finds.
#[derive(Debug, Default)]
pub(crate) struct Described {
    pub(crate) verb_tokens: Vec<u32>,
    pub(crate) verb: Option<u32>,
    pub(crate) lemma: Option<Box<str>>,
    pub(crate) passive: bool,
    pub(crate) arguments: Vec<(ArgumentRole, u32)>,
}

/// A noun phrase of the clause, by positions in the clause's token list.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Phrase {
    start: usize,
    end: usize,
    head: u32,
    head_is_noun: bool,
    cases: u32,
    numbers: u32,
    /// The preposition before it.
    governor: Option<u32>,
    /// A determiner, adjective or pronoun in it shows its case.
    marked: bool,
    /// A proper name with no determiner, adjective or pronoun (`Polen`): in German its case
    /// shows nowhere, and the tagger's case for it is a guess.
    bare_name: bool,
    /// Inside a German extended attribute, between an article and the participle of its noun
    /// (`allen Parteien` in `dem von allen Parteien getragenen Antrag`): no argument of the
    /// clause.
    embedded: bool,
    /// In brackets right after another phrase (`General Electric (GE)`, `Doskozil (SPÖ)`): an
    /// apposition or a party, no argument of the clause.
    bracketed: bool,
    /// A proper name follows its common-noun head (`SPÖ-Politiker Hans Huber`): the noun is a
    /// title, and the phrase may be singular whatever number the tagger gave the noun
    /// (`Politiker` is singular and plural alike); plural too where the noun is
    /// (`die Kommissare Timmermans und Avramopoulos`).
    titled: bool,
    /// Its first word is an article that is never a nominative (`einen`, `dem`).
    article_not_nominative: bool,
}

/// Describes the clause made of `tokens` (document positions, in order).
/// `phrases` is scratch space, reused from clause to clause.
pub(crate) fn describe(
    sentence: &Sentence<'_>,
    tokens: &[u32],
    kind: ClauseKind,
    introducer: Option<u32>,
    phrases: &mut Vec<Phrase>,
) -> Described {
    let Sentence { words, first, lang, .. } = *sentence;
    let word = |token: u32| words[token as usize - first];
    // One pass over the verb complex: first and last position, finite verb, particle, and
    // the candidates for the main verb in order of preference.
    let (mut first_verb, mut last_verb) = (None, None);
    let mut verb_tokens = Vec::new();
    let (mut finite, mut particle, mut lexical_verb, mut lexical, mut last_non_finite) = (None, None, None, None, None);
    let (mut count, mut other_lexical) = (0, false);
    // The first non-finite lexical verb of the last run of verbs, and whether a noun phrase
    // came right after a verb since (`binnen zwei Tagen`: no verb stands before one).
    let (mut final_lexical, mut gap, mut after_verb) = (None, false, false);
    for (position, &token) in tokens.iter().enumerate() {
        let w = word(token);
        if !w.is_verbal() {
            gap |= after_verb && w.is_nominal();
            after_verb = false;
            continue;
        }
        after_verb = true;
        if std::mem::take(&mut gap) {
            final_lexical = None;
        }
        first_verb = first_verb.or(Some(position));
        last_verb = Some(position);
        verb_tokens.push(token);
        if w.has(flag::PARTICLE) {
            particle = particle.or(Some(token));
            continue;
        }
        count += 1;
        if w.is_finite() {
            finite = finite.or(Some(token));
        } else {
            last_non_finite = Some(token);
        }
        if w.is_lexical_verb() {
            lexical = lexical.or(Some(token));
            if w.pos == Pos::Verb {
                lexical_verb = lexical_verb.or(Some(token));
                if !w.is_finite() {
                    final_lexical = final_lexical.or(Some(token));
                }
            }
            other_lexical |= !w.is(ClauseWordClass::Copula);
        }
    }
    // German non-finite verbs stand together at the clause's end (`haben … getötet`), so a
    // non-finite verb right before a noun phrase, with more verbs after, is a tagger's error
    // (`binnen zwei Tagen … getötet`, `binnen` read as an infinitive) unless it is finite
    // (`sah ihn gehen` keeps `sah`). Punctuation after it is no such sign: it may end a
    // clause the segmenter joined to the next (`sagen, was … gemacht`).
    let lexical_verb = match (lang, lexical_verb, final_lexical) {
        (Lang::De, Some(verb), Some(last)) if !word(verb).is_finite() => Some(last),
        _ => lexical_verb,
    };
    let only = if count == 1 { finite.or(last_non_finite) } else { None };
    let main = lexical_verb.or(lexical).or(only).or(last_non_finite).or(finite);
    let lemma = main.map(|main| joined_lemma(sentence, main, particle));
    let passive = match lang {
        Lang::De => passive_de(&verb_tokens, &word),
        _ => passive_en(&verb_tokens, &word),
    };
    let copula = main.is_some_and(|main| word(main).is(ClauseWordClass::Copula) && !word(main).has(flag::PARTICIPLE))
        && !other_lexical;
    find_phrases(sentence, tokens, introducer, phrases);
    if let Some(dateline) = sentence.dateline {
        phrases.retain(|phrase| !dateline.contains_range(sentence.doc.tokens[phrase.head as usize].range));
    }
    // Nouns were read without their case and number: read those of the heads now.
    for phrase in phrases.iter_mut() {
        phrase.bare_name = !phrase.marked && word(phrase.head).pos == Pos::Propn;
        if matches!(word(phrase.head).pos, Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num) {
            let head = noun_features(&sentence.doc.tokens[phrase.head as usize]);
            // A German genitive stands after a noun. A singular head read as one after `der`,
            // with no noun before it and no preposition, is a nominative or a dative: `der`
            // is a masculine's nominative or a feminine's dative there, and the tagger's
            // guesses for a feminine, which shows no case, vary (`warf der Türkei vor`).
            let adnominal = phrase
                .start
                .checked_sub(1)
                .and_then(|i| tokens.get(i))
                .is_some_and(|&t| matches!(word(t).pos, Pos::Noun | Pos::Propn));
            let article = tokens[phrase.start];
            let dative_article = lang == Lang::De
                && head & flag::CASES == flag::GENITIVE
                && head & flag::NUMBERS != flag::PLURAL
                && word(article).pos == Pos::Det
                && sentence.doc.slice(sentence.doc.tokens[article as usize].range).eq_ignore_ascii_case("der")
                && phrase.governor.is_none()
                && !adnominal;
            // A case the phrase's article cannot have is the tagger's slip: the article's own
            // reading decides (`Der … Strafgerichtshof` read as an accusative).
            let allowed = article_cases(sentence, tokens[phrase.start]);
            phrase.article_not_nominative = allowed != 0 && allowed & flag::NOMINATIVE == 0;
            if dative_article {
                // A feminine's dative (`warf der Türkei vor`) or a masculine's nominative the
                // tagger misread (`in dem der Diplomat … vorwarf`).
                phrase.cases = flag::NOMINATIVE | flag::DATIVE;
            } else if head & flag::CASES != 0 && allowed != 0 && head & allowed == 0 {
                let article = phrase.cases & allowed;
                phrase.cases = if article != 0 { article } else { allowed };
            } else if head & flag::CASES != 0 {
                phrase.cases = head & flag::CASES;
            }
            if head & flag::NUMBERS != 0 {
                phrase.numbers = head & flag::NUMBERS;
            }
            // An article whose nominative is singular only makes a nominative phrase singular,
            // whatever number the tagger gave a noun spelt alike in both (`der Leiter`).
            let singular = article_bits(sentence, tokens[phrase.start])
                & lagebild_resources::ArticleCases::NOMINATIVE_SINGULAR
                != 0;
            if singular && phrase.cases == flag::NOMINATIVE {
                phrase.numbers = flag::SINGULAR;
            }
            if phrase.titled {
                phrase.numbers |= flag::SINGULAR;
            }
        }
        // A count other than one before the head makes the phrase plural, whatever number the
        // tagger gave the head (`zwei US-Tarnkappenjets`, read as a singular name).
        if lang == Lang::De {
            let counted = tokens[phrase.start..phrase.end].iter().any(|&t| {
                let form = sentence.doc.slice(sentence.doc.tokens[t as usize].range);
                t < phrase.head
                    && word(t).pos == Pos::Num
                    && form != "1"
                    && !form.to_lowercase().starts_with("ein")
                    && !clock_time(form)
            });
            if counted {
                phrase.numbers = flag::PLURAL;
            }
        }
    }
    // German verb-second: one constituent stands before the finite verb of a main clause, so
    // what a comma sets off after the first phrase there is an apposition to it (`Beyond
    // Parallel, eine Website des … Center …, sagte`), with no argument in it.
    if lang == Lang::De
        && kind == ClauseKind::Main
        && let Some(position) = finite.and_then(|finite| tokens.iter().position(|&t| t == finite))
    {
        let comma_before = |start: usize| {
            let before = start.checked_sub(1).and_then(|i| tokens.get(i));
            before.is_some_and(|&t| sentence.doc.slice(sentence.doc.tokens[t as usize].range) == ",")
        };
        // A phrase set off by a comma that runs right into the finite verb is the constituent
        // before it, and what the comma follows is outside the clause, a vocative (`Liebe
        // Kolleginnen und Kollegen, der Journalist Müller hat … gesagt`).
        let closed = comma_before(position);
        let set_off = phrases.iter().position(|phrase| {
            phrase.end < position && phrase.start > 0 && comma_before(phrase.start) && phrase.governor.is_none()
        });
        // Not the members of a list (`Frankreich, Deutschland und Italien verurteilten`,
        // `Energie-, Verteidigungs- und Finanzsektor`).
        let listed = |start: usize| {
            (start..position).any(|p| word(tokens[p]).pos == Pos::Cconj)
                || start
                    .checked_sub(2)
                    .is_some_and(|p| sentence.doc.slice(sentence.doc.tokens[tokens[p] as usize].range).ends_with('-'))
        };
        if !closed
            && let Some(index) = set_off
            && index > 0
            && matches!(word(phrases[0].head).pos, Pos::Noun | Pos::Propn)
            // A pronoun there may be a relative one (`Das, was …`), not a personal pronoun in
            // the nominative (`Meine Damen und Herren, wir werden …`).
            && (word(phrases[index].head).pos != Pos::Pron || {
                let pronoun = word(phrases[index].head);
                pronoun.has(flag::NOMINATIVE) && !pronoun.has(flag::RELATIVE | flag::INTERROGATIVE)
            })
            && !listed(phrases[index].start)
        {
            phrases.drain(..index);
        }
        // A comma before a phrase, also with adverbs between (`Kammenos, zugleich Chef der
        // Partei …, warf`).
        let set_off_by_comma = |start: usize| {
            let mut start = start;
            while start > 0 && word(tokens[start - 1]).pos == Pos::Adv {
                start -= 1;
            }
            comma_before(start)
        };
        // Only after a noun: `Das, was …` or `Ich, meine Damen und Herren, …` are no appositions.
        let mut first = None;
        let mut apposition = false;
        phrases.retain(|phrase| {
            if phrase.end >= position {
                return true;
            }
            match first {
                None => first = Some(matches!(word(phrase.head).pos, Pos::Noun | Pos::Propn)),
                Some(name) => apposition |= name && set_off_by_comma(phrase.start),
            }
            // A pronoun is no apposition: the vocative before it is (`Frau Präsidentin, ich glaube`).
            !apposition || phrase.governor.is_some() || word(phrase.head).pos == Pos::Pron
        });
    }
    let mut arguments = match lang {
        Lang::De => roles_de(
            phrases,
            finite.map(word),
            finite,
            copula,
            &|head| matches!(word(head).pos, Pos::Noun | Pos::Adj),
            &|head| sentence.doc.slice(sentence.doc.tokens[head as usize].range).ends_with('n'),
            &|head| word(head).pos == Pos::Pron && word(head).has(flag::FIRST_PERSON),
        ),
        _ => roles_en(phrases, first_verb, last_verb, copula),
    };
    // German `Das sage ich`, `Das wissen Sie`: a demonstrative before the finite verb is
    // alike in the nominative and the accusative, a personal pronoun after it in the
    // nominative is the subject, and the demonstrative the object.
    if lang == Lang::De && !copula {
        let pron_type = |t: u32| sentence.doc.tokens[t as usize].feature("PronType").unwrap_or_default();
        let subject = arguments.iter().position(|&(role, _)| role == ArgumentRole::Subject);
        // A personal pronoun or `man` in the nominative.
        let personal =
            |t: u32| word(t).pos == Pos::Pron && word(t).has(flag::NOMINATIVE) && matches!(pron_type(t), "Prs" | "Ind");
        let demonstrative = |t: u32| {
            matches!(word(t).pos, Pos::Pron | Pos::Det)
                && pron_type(t).split(',').any(|kind| kind == "Dem")
                && !word(t).has(flag::PLURAL)
        };
        // Or a noun phrase (or `jemand`) in the nominative after it that agrees with the
        // verb (`Das sagt auch der Leiter des UNHCR`, `das hat heute jeder Redner gesagt`,
        // `Das muss mir mal jemand erklären`).
        let number = finite.map_or(0, |t| word(t).flags & flag::NUMBERS);
        // With a plural verb, which the singular demonstrative cannot agree with, a plural
        // phrase alike in the nominative and the accusative will do (`Das wissen auch die
        // Kollegen`, read as an accusative).
        let plural_syncretic = |p: &Phrase| {
            number == flag::PLURAL
                && p.numbers == flag::PLURAL
                && p.cases != 0
                && p.cases & !(flag::NOMINATIVE | flag::ACCUSATIVE) == 0
                && !p.article_not_nominative
        };
        let nominal = |p: &Phrase| {
            (matches!(word(p.head).pos, Pos::Noun | Pos::Propn)
                || (word(p.head).pos == Pos::Pron && pron_type(p.head) == "Ind"))
                && (p.cases == flag::NOMINATIVE || plural_syncretic(p))
                && (number == 0 || p.numbers == 0 || p.numbers & number != 0)
        };
        if let (Some(index), Some(finite)) = (subject, finite) {
            let fronted = arguments[index].1;
            // A masculine demonstrative in `-r` (`Der fand sein Glück`) is a nominative
            // whatever follows; `das`, `die`, `dies` are alike in the accusative.
            let masculine = sentence.doc.slice(sentence.doc.tokens[fronted as usize].range).ends_with('r');
            let after = |p: &&Phrase| p.governor.is_none() && p.head > finite;
            // A verb of saying has a speaker as its subject: there a phrase that may be a
            // nominative or a dative, and no accusative, will do where no nominative stands
            // (`Das hat der Minister gesagt`, `der` read as a feminine's dative).
            let reporting = main.is_some_and(|main| word(main).is(ClauseWordClass::Reporting));
            let nominative_or_dative = |p: &&Phrase| {
                reporting
                    && nominal(&Phrase { cases: flag::NOMINATIVE, ..**p })
                    && p.cases & flag::NOMINATIVE != 0
                    && p.cases & flag::ACCUSATIVE == 0
            };
            let inverted = phrases
                .iter()
                .find(|p| after(p) && (p.head <= finite + 2 && personal(p.head) || nominal(p) && !masculine))
                .or_else(|| phrases.iter().filter(after).find(|p| nominative_or_dative(p) && !masculine));
            // Right before the verb: one set off by a comma is no object of it (`Das,
            // verspricht Cook, werde sich ändern`).
            let set_off = (fronted + 1..finite).any(|t| word(t).pos == Pos::Punct);
            if fronted < finite
                && !set_off
                && demonstrative(fronted)
                && let Some(pronoun) = inverted
            {
                arguments.retain(|&(role, t)| t != pronoun.head && t != fronted && role != ArgumentRole::Object);
                arguments.push((ArgumentRole::Subject, pronoun.head));
                arguments.push((ArgumentRole::Object, fronted));
            }
        }
        // A personal pronoun subject after the finite verb leaves the phrase before it to the
        // object, whatever case the tagger guessed (`Familiennachzug habe ich erwähnt`,
        // `Anderweitige Vorschläge sehe ich nicht`).
        if let (Some(index), Some(finite)) =
            (arguments.iter().position(|&(role, _)| role == ArgumentRole::Subject), finite)
        {
            let subject = arguments[index].1;
            let fronted = phrases.iter().find(|p| {
                p.governor.is_none()
                    && p.head < finite
                    && p.cases & !(flag::NOMINATIVE | flag::ACCUSATIVE) == 0
                    && matches!(word(p.head).pos, Pos::Noun | Pos::Propn)
            });
            // Not where another phrase after the verb may be the object (`Letzte Woche habe
            // ich das gesagt`).
            let other_after = phrases.iter().any(|p| p.governor.is_none() && p.head > finite && p.head != subject);
            if subject > finite
                && personal(subject)
                && !other_after
                && !arguments.iter().any(|&(role, _)| role == ArgumentRole::Object)
                && let Some(fronted) = fronted
            {
                arguments.push((ArgumentRole::Object, fronted.head));
            }
        }
    }
    // German `ich`, `du`, `er`, `wir` are nominatives only: right after the finite verb,
    // where the analysis took the phrase before the verb for the subject, the pronoun is the
    // subject and that phrase its object (`Namen wollte er nicht nennen`).
    if lang == Lang::De
        && !copula
        && let Some(finite) = finite
        && let Some(pronoun) = phrases.iter().find(|p| {
            p.governor.is_none()
                && p.head == finite + 1
                && word(p.head).pos == Pos::Pron
                && ["ich", "du", "er", "wir"].iter().any(|form| {
                    sentence.doc.slice(sentence.doc.tokens[p.head as usize].range).eq_ignore_ascii_case(form)
                })
        })
        && let Some(index) = arguments.iter().position(|&(role, _)| role == ArgumentRole::Subject)
        && arguments[index].1 < finite
    {
        let other = arguments[index].1;
        let has_object = arguments.iter().any(|&(role, _)| role == ArgumentRole::Object);
        arguments.retain(|&(_, t)| t != pronoun.head && t != other);
        arguments.push((ArgumentRole::Subject, pronoun.head));
        if !has_object {
            arguments.push((ArgumentRole::Object, other));
        }
    }
    // German: a finite plural verb with no subject takes the first phrase whose article is
    // alike in the nominative and the accusative and that agrees with it (by the head's or the
    // article's number: `Vertreter` is both), whatever case the tagger guessed (`Darauf
    // hätten die anwesenden Vertreter … hinweisen können`): the middle field puts the
    // subject first.
    if lang == Lang::De
        && !copula
        && let Some(finite) = finite
        && word(finite).flags & flag::NUMBERS == flag::PLURAL
        && !arguments.iter().any(|&(role, _)| role == ArgumentRole::Subject)
        && let Some(phrase) = phrases.iter().find(|p| {
            p.governor.is_none()
                && !p.embedded
                && p.head_is_noun
                && (p.numbers == flag::PLURAL || word(tokens[p.start]).flags & flag::NUMBERS == flag::PLURAL)
                && article_cases(sentence, tokens[p.start]) & (flag::NOMINATIVE | flag::ACCUSATIVE)
                    == flag::NOMINATIVE | flag::ACCUSATIVE
        })
    {
        let head = phrase.head;
        arguments.retain(|&(_, t)| t != head);
        arguments.push((ArgumentRole::Subject, head));
    }
    // `it's`: the clitic's token is the subject.
    if let Some(finite) = finite.filter(|&t| word(t).has(flag::CLITIC))
        && !arguments.iter().any(|&(role, _)| role == ArgumentRole::Subject)
    {
        arguments.push((ArgumentRole::Subject, finite));
    }
    if passive
        && let Some(agent) = phrases
            .iter()
            .find(|p| !p.embedded && p.governor.is_some_and(|g| sentence.has(g, ClauseWordClass::AgentPreposition)))
    {
        arguments.push((ArgumentRole::Agent, agent.head));
    }
    // `the book that I saw`: a relative pronoun that is not the subject is the object.
    if lang == Lang::En
        && kind == ClauseKind::Relative
        && let Some(pronoun) = introducer.filter(|&t| word(t).pos == Pos::Pron)
        && !arguments.iter().any(|&(role, t)| t == pronoun || role == ArgumentRole::Object)
        && !copula
        && !passive
    {
        arguments.retain(|&(_, t)| t != pronoun);
        arguments.push((ArgumentRole::Object, pronoun));
    }
    // An infinitive clause has no subject of its own: its first phrase is the object.
    if kind == ClauseKind::Infinitive && !arguments.iter().any(|&(role, _)| role == ArgumentRole::Object) {
        for (role, _) in arguments.iter_mut().filter(|(role, _)| *role == ArgumentRole::Subject) {
            *role = ArgumentRole::Object;
        }
    }
    arguments.retain(|&(role, _)| kind != ClauseKind::Infinitive || role != ArgumentRole::Subject);
    arguments.sort_by_key(|&(role, token)| (role_order(role), token));
    Described { verb: finite.or(main), verb_tokens, lemma, passive, arguments }
}

/// Whether a number is a time of day (`5.00`, `18:30`), no count.
/// The cases (as clause flags) that the article `token` can have, by its form
/// (`article_cases.tsv`); none for another word.
fn article_cases(sentence: &Sentence<'_>, token: u32) -> u32 {
    use lagebild_resources::ArticleCases;
    let bits = article_bits(sentence, token);
    [
        (ArticleCases::NOMINATIVE, flag::NOMINATIVE),
        (ArticleCases::ACCUSATIVE, flag::ACCUSATIVE),
        (ArticleCases::DATIVE, flag::DATIVE),
        (ArticleCases::GENITIVE, flag::GENITIVE),
    ]
    .into_iter()
    .filter(|&(bit, _)| bits & bit != 0)
    .fold(0, |cases, (_, flag)| cases | flag)
}

/// The bits of `lagebild_resources::ArticleCases` of an article's form; none for another word.
fn article_bits(sentence: &Sentence<'_>, token: u32) -> u8 {
    let word = sentence.words[token as usize - sentence.first];
    if word.pos != Pos::Det || sentence.resources.article_cases.is_empty() {
        return 0;
    }
    let form = sentence.doc.slice(sentence.doc.tokens[token as usize].range);
    match sentence.resources.article_cases.get(form) {
        Some(&bits) => bits,
        None => sentence.resources.article_cases.get(&form.to_lowercase()).copied().unwrap_or(0),
    }
}

fn clock_time(form: &str) -> bool {
    let Some((hours, minutes)) = form.split_once(['.', ':']) else { return false };
    (1..=2).contains(&hours.len())
        && minutes.len() == 2
        && hours.bytes().chain(minutes.bytes()).all(|byte| byte.is_ascii_digit())
}

fn role_order(role: ArgumentRole) -> u8 {
    match role {
        ArgumentRole::Subject => 0,
        ArgumentRole::Object => 1,
        ArgumentRole::IndirectObject => 2,
        ArgumentRole::Agent => 3,
    }
}

/// The main verb's lemma joined to a separable particle: `ein` + `treffen` → `eintreffen`,
/// `give` + `up` → `give up`.
fn joined_lemma(sentence: &Sentence<'_>, main: u32, particle: Option<u32>) -> Box<str> {
    let Sentence { doc, words, first, lang, resources, .. } = *sentence;
    let lemma_of = |token: u32| {
        let form = doc.slice(doc.tokens[token as usize].range);
        let clitic = words[token as usize - first].has(flag::CLITIC).then(|| verb_clitic(resources, form)).flatten();
        clitic.or(doc.tokens[token as usize].lemma.as_deref()).unwrap_or(form)
    };
    let verb = lemma_of(main);
    let Some(particle) = particle else { return verb.into() };
    let particle = lemma_of(particle).to_lowercase();
    match lang {
        Lang::De if verb.starts_with(&particle) => verb.into(),
        Lang::De => format!("{particle}{verb}").into(),
        _ => format!("{verb} {particle}").into(),
    }
}

/// German: a form of `werden` with a participle, unless `werden` is the future of a perfect
/// (`wird … gekommen sein`); `worden` is always passive.
fn passive_de(verbs: &[u32], word: &dyn Fn(u32) -> Word) -> bool {
    let auxiliaries =
        || verbs.iter().map(|&t| word(t)).filter(|w| w.is_verb() && w.is(ClauseWordClass::PassiveAuxiliary));
    let participle = verbs.iter().map(|&t| word(t)).any(|w| w.is_lexical_verb() && w.has(flag::PARTICIPLE));
    let worden = auxiliaries().any(|w| w.has(flag::PARTICIPLE));
    let perfect_infinitive =
        verbs.iter().map(|&t| word(t)).any(|w| w.is(ClauseWordClass::PerfectAuxiliary) && w.has(flag::INFINITIVE));
    participle && (worden || (auxiliaries().next().is_some() && !perfect_infinitive))
}

/// English: `be` or `get` followed, as the next verb, by a past participle.
fn passive_en(verbs: &[u32], word: &dyn Fn(u32) -> Word) -> bool {
    let mut verbs = verbs.iter().map(|&t| word(t)).filter(|w| w.is_verb());
    let Some(mut previous) = verbs.next() else { return false };
    for next in verbs {
        if previous.is(ClauseWordClass::PassiveAuxiliary) && next.has(flag::PARTICIPLE) && !next.has(flag::PRESENT) {
            return true;
        }
        previous = next;
    }
    false
}

/// The clause's noun phrases. A gap in the token list (an embedded clause) ends a phrase.
fn find_phrases(sentence: &Sentence<'_>, tokens: &[u32], introducer: Option<u32>, phrases: &mut Vec<Phrase>) {
    let Sentence { doc, words, first, lang, .. } = *sentence;
    let word = |token: u32| words[token as usize - first];
    phrases.clear();
    let mut current: Option<Phrase> = None;
    let mut governor = None;
    let mut possessive = false;
    let mut previous: Option<u32> = None;
    // German: an article whose noun waits behind an extended attribute (`dem` in `dem von
    // allen Parteien getragenen Antrag`), resumed at the attribute's adjective or participle.
    let mut outer: Option<Phrase> = None;
    // An opening bracket right after a phrase: the phrase in it is bracketed.
    let mut in_brackets = false;
    for (index, &token) in tokens.iter().enumerate() {
        let w = word(token);
        if w.pos == Pos::Punct {
            in_brackets = w.has(flag::OPEN_BRACKET) && current.is_some_and(|phrase| phrase.end + 1 == index);
        }
        if previous.is_some_and(|p| p + 1 != token) {
            phrases.extend(outer.take());
            phrases.extend(current.take());
            governor = None;
        }
        previous = Some(token);
        // Inside a phrase: quotation marks (`ein „historischer“ Tag`), and a
        // conjunction between adjectives (`ihre klare und deutliche Unterstützung`).
        let next_nominal = tokens.get(index + 1).is_some_and(|&t| t == token + 1 && word(t).is_nominal());
        let next_adjective = tokens.get(index + 1).is_some_and(|&t| t == token + 1 && word(t).pos == Pos::Adj);
        let open_phrase = current.is_some_and(|phrase| !phrase.head_is_noun);
        if current.is_some()
            && ((w.has(flag::QUOTE) && next_nominal) || (w.pos == Pos::Cconj && open_phrase && next_adjective))
        {
            continue;
        }
        if !w.is_nominal() {
            let article_only = current.is_some_and(|phrase| !phrase.head_is_noun && word(phrase.head).pos == Pos::Det);
            if lang == Lang::De && w.pos == Pos::Adp && Some(token) != introducer && article_only && outer.is_none() {
                outer = current.take();
                governor = Some(token);
                continue;
            }
            phrases.extend(outer.take());
            phrases.extend(current.take());
            // A number's modifier governs nothing (`bis zu 2.500 Mitarbeiter`).
            let before_number = tokens.get(index + 1).is_some_and(|&t| t == token + 1 && word(t).pos == Pos::Num);
            let number_modifier = before_number
                && (w.is(ClauseWordClass::NumberPreposition)
                    || (index > 0
                        && tokens[index - 1] + 1 == token
                        && word(tokens[index - 1]).is(ClauseWordClass::NumberPreposition)));
            // The clause's own introducer governs nothing (`um Putin zu treffen`).
            if w.pos == Pos::Adp && Some(token) != introducer && !number_modifier {
                governor = Some(token);
            } else if w.pos != Pos::Adv {
                governor = None;
            }
            continue;
        }
        if w.has(flag::POSSESSIVE) {
            possessive = true;
            continue;
        }
        // A floating quantifier after a pronoun belongs to it (`wir alle`, `sie beide`).
        if w.pos == Pos::Det
            && doc.tokens[token as usize].feature("PronType") == Some("Tot")
            && let Some(phrase) = current.as_mut().filter(|phrase| word(phrase.head).pos == Pos::Pron)
        {
            phrase.end = index;
            continue;
        }
        let noun = matches!(w.pos, Pos::Noun | Pos::Propn | Pos::Pron);
        let breaks = current.is_some_and(|phrase| {
            w.pos == Pos::Pron
                || (phrase.head_is_noun && word(phrase.head).pos == Pos::Pron)
                || (phrase.head_is_noun && !possessive && matches!(w.pos, Pos::Det | Pos::Adj | Pos::Num))
        });
        if breaks {
            if let Some(mut resumed) = outer.take().filter(|_| w.pos == Pos::Adj) {
                // The attribute's participle: what came since was inside it.
                if let Some(mut inner) = current.take() {
                    inner.embedded = true;
                    phrases.push(inner);
                }
                resumed.end = index;
                current = Some(resumed);
            } else {
                phrases.extend(outer.take());
                phrases.extend(current.take());
            }
        }
        let phrase = current.get_or_insert_with(|| {
            let phrase = Phrase {
                start: index,
                end: index,
                head: token,
                head_is_noun: false,
                cases: 0,
                numbers: 0,
                governor: governor.take(),
                marked: false,
                bare_name: false,
                embedded: false,
                bracketed: in_brackets,
                titled: false,
                article_not_nominative: false,
            };
            possessive = false;
            phrase
        });
        phrase.end = index;
        let head_word = word(phrase.head);
        let take_head = if !phrase.head_is_noun {
            true
        } else if !noun {
            false
        } else if possessive {
            true
        } else {
            match lang {
                // German: the first noun (`Präsident Selenskyj`), unless it is a genitive before
                // its head (`Putins Armee`); nouns were read without their case.
                Lang::De => {
                    let cases = head_word.flags & flag::CASES;
                    let cases =
                        if cases == 0 { noun_features(&doc.tokens[phrase.head as usize]) & flag::CASES } else { cases };
                    cases == flag::GENITIVE
                }
                // English: the last noun of a compound (`defence minister`).
                _ => true,
            }
        };
        if take_head {
            phrase.head = token;
            phrase.head_is_noun = noun;
        } else if w.pos == Pos::Propn && head_word.pos == Pos::Noun {
            phrase.titled = true;
        }
        possessive = false;
        phrase.marked |= matches!(w.pos, Pos::Det | Pos::Adj | Pos::Pron);
        phrase.cases |= w.flags & flag::CASES;
        phrase.numbers |= w.flags & flag::NUMBERS;
    }
    phrases.extend(outer);
    phrases.extend(current);
    phrases.retain(|phrase| !phrase.bracketed);
    // The head's own case and number decide where it has them.
    for phrase in phrases.iter_mut() {
        let head = word(phrase.head);
        if head.flags & flag::CASES != 0 {
            phrase.cases = head.flags & flag::CASES;
        }
        if head.flags & flag::NUMBERS != 0 {
            phrase.numbers = head.flags & flag::NUMBERS;
        }
        if phrase.titled {
            phrase.numbers |= flag::SINGULAR;
        }
    }
}

fn roles_de(
    phrases: &[Phrase],
    finite: Option<Word>,
    finite_at: Option<u32>,
    copula: bool,
    common_noun: &dyn Fn(u32) -> bool,
    dative_form: &dyn Fn(u32) -> bool,
    first_person: &dyn Fn(u32) -> bool,
) -> Vec<(ArgumentRole, u32)> {
    let free = || phrases.iter().filter(|p| p.governor.is_none());
    let mut arguments = Vec::new();
    if free().all(|p| p.cases == 0) {
        let mut positional = free();
        if let Some(subject) = positional.next() {
            arguments.push((ArgumentRole::Subject, subject.head));
        }
        if let (Some(object), false) = (positional.next(), copula) {
            arguments.push((ArgumentRole::Object, object.head));
        }
        return arguments;
    }
    let number = finite.map_or(0, |w| w.flags & flag::NUMBERS);
    // A verb in the first person takes a first-person pronoun where the clause has one, not
    // the vocative before it (`Frau Präsidentin, ich glaube …`).
    let speaker_first = finite.is_some_and(|w| w.has(flag::FIRST_PERSON))
        && phrases.iter().any(|p| p.governor.is_none() && first_person(p.head));
    let agrees = |p: &&Phrase| {
        (number == 0 || p.numbers == 0 || p.numbers & number != 0) && (!speaker_first || first_person(p.head))
    };
    let nominative = |p: &&Phrase| p.cases & flag::NOMINATIVE != 0;
    // Without a nominative, the first phrase that agrees with the verb and may be a
    // nominative: the tagger reads nominative and accusative, alike in the plural and in
    // feminines and neuters, often as accusative (`nordkoreanische Waffen würden geschickt`).
    let syncretic = |p: &&Phrase| p.cases & !(flag::NOMINATIVE | flag::ACCUSATIVE) == 0;
    // A bare name's case is the tagger's guess (`Frankreich verurteilte Russland`): the first
    // phrase that agrees with the verb and is a nominative or a bare name is the subject.
    let candidate = |p: &&Phrase| nominative(p) || p.bare_name;
    // A nominative after the verb that cannot agree with it is the tagger's slip where a phrase
    // before the verb, alike in the nominative and the accusative, agrees (`Die griechische
    // Küstenwache barg 14 Menschen`, the coast guard read as an accusative): that one is the
    // subject, as German puts it first.
    let fronted_agreeing = || {
        free().filter(syncretic).find(|p| {
            number != 0
                && p.numbers & number != 0
                && !p.article_not_nominative
                && finite_at.is_some_and(|at| p.head < at && p.cases != 0)
        })
    };
    // (A pronoun's number is the tagger's guess: `hält sie` has `sie` as its subject.)
    let after_verb = |p: &Phrase| finite_at.is_some_and(|at| p.head > at) && common_noun(p.head);
    let subject = free()
        .filter(candidate)
        .find(agrees)
        .or_else(|| free().find(nominative).filter(|p| after_verb(p)).and_then(|_| fronted_agreeing()))
        .or_else(|| free().find(nominative))
        .or_else(|| free().filter(syncretic).find(|p| number != 0 && p.numbers & number != 0));
    // A German plural noun phrase is alike in the nominative and the accusative (`türkische
    // Sicherheitskräfte`, `23 Rebellen`): between two of them the tagger's case is a guess,
    // and the first is the subject, in German's usual order.
    // A bare plural is no genitive (that takes an article or adjective): read as one
    // (`Regierungstruppen`), it is alike in the nominative and the accusative too.
    let plural = |p: &&Phrase| {
        p.numbers == flag::PLURAL
            && p.cases != 0
            && (syncretic(p) || (!p.marked && p.cases == flag::GENITIVE))
            && common_noun(p.head)
    };
    let subject = match subject {
        Some(tagged) if plural(&tagged) && agrees(&tagged) => {
            free().find(|p| plural(p) && agrees(p) && p.start < tagged.start).or(Some(tagged))
        }
        // With no subject, a plural phrase that agrees with a plural verb and cannot be a
        // dative (a dative plural ends in `-n`; a bare plural is hardly one) is the subject,
        // whatever case the tagger guessed (`…, sagten Sicherheitskräfte`, `sagten Experten`).
        None if number == flag::PLURAL => {
            free().find(|p| p.numbers == flag::PLURAL && common_noun(p.head) && (!p.marked || !dative_form(p.head)))
        }
        other => other,
    };
    // A verb in the first person singular with no first-person pronoun in its clause shares
    // the subject of a clause before (`Ich danke Ihnen und wünsche Ihnen ein schönes
    // Wochenende`): a noun phrase is never its subject. (Not in the plural, where the
    // tagger's person is a guess between `wir` and `sie`; a pronoun stays, as in `man
    // fürchte`, a Konjunktiv I spelt alike.)
    // Not where a nominative stands right before the verb in second position: `Die Polizei
    // warne davor` is a Konjunktiv I, spelt like the first person, that the tagger read as
    // an indicative.
    let nominative_before = finite_at.is_some_and(|at| {
        phrases
            .iter()
            .any(|p| p.governor.is_none() && p.head < at && p.cases == flag::NOMINATIVE && common_noun(p.head))
    });
    let elided = finite.is_some_and(|w| w.has(flag::FIRST_PERSON) && w.has(flag::SINGULAR))
        && !speaker_first
        && !nominative_before;
    let subject = subject.filter(|s| !(elided && (common_noun(s.head) || s.bare_name)));
    if let Some(subject) = subject {
        arguments.push((ArgumentRole::Subject, subject.head));
    }
    let taken = |p: &Phrase| subject.is_some_and(|s| s.head == p.head);
    if !copula {
        // A marked accusative, else a bare name or a phrase whose case may be accusative
        // (`Russland kritisierte Polen`, `… kritisierte die Ukraine`).
        let accusative = free()
            .find(|p| p.marked && p.cases & flag::ACCUSATIVE != 0 && !taken(p))
            .or_else(|| free().find(|p| p.bare_name && !taken(p)))
            .or_else(|| free().find(|p| p.cases & flag::ACCUSATIVE != 0 && !taken(p)))
            .or_else(|| free().find(|p| p.marked && syncretic(p) && p.cases != 0 && !taken(p)))
            .or_else(|| free().find(|p| plural(p) && !taken(p)))
            // A clause without a copula has one nominative: a second phrase read as one after
            // the subject is the object (`Merkel traf Putin`, the name read as a noun).
            // (Not one that may be a dative as well, which is the indirect object then.)
            .or_else(|| {
                free().find(|p| {
                    p.cases & flag::NOMINATIVE != 0
                        && p.cases & flag::DATIVE == 0
                        && !taken(p)
                        && subject.is_some_and(|s| s.start < p.start)
                })
            });
        if let Some(object) = accusative {
            arguments.push((ArgumentRole::Object, object.head));
        }
        let dative = free().find(|p| {
            p.cases & flag::DATIVE != 0 && !taken(p) && accusative.is_none_or(|object| object.head != p.head)
        });
        if let Some(indirect) = dative {
            arguments.push((ArgumentRole::IndirectObject, indirect.head));
        }
    }
    arguments
}

fn roles_en(
    phrases: &[Phrase],
    first_verb: Option<usize>,
    last_verb: Option<usize>,
    copula: bool,
) -> Vec<(ArgumentRole, u32)> {
    let mut arguments = Vec::new();
    let (Some(first_verb), Some(last_verb)) = (first_verb, last_verb) else { return arguments };
    let free = || phrases.iter().filter(|p| p.governor.is_none());
    let subject =
        free().rfind(|p| p.end < first_verb).or_else(|| free().find(|p| p.start > first_verb && p.end < last_verb));
    if let Some(subject) = subject {
        arguments.push((ArgumentRole::Subject, subject.head));
    }
    if copula {
        return arguments;
    }
    let mut after = free().filter(|p| p.start > last_verb);
    match (after.next(), after.next()) {
        (Some(first), Some(second)) if second.start == first.end + 1 => {
            arguments.push((ArgumentRole::IndirectObject, first.head));
            arguments.push((ArgumentRole::Object, second.head));
        }
        (Some(first), _) => arguments.push((ArgumentRole::Object, first.head)),
        _ => {}
    }
    arguments
}
