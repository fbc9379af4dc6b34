//! Actor and agent dictionaries in PETRARCH's format, loaded on top of the base at start
//! (`lagebild analyze --dictionary PATH`).
//!
//! An **actor** dictionary names one actor per line at the margin, its name's words joined
//! by `_` or spaces, followed by its codes in brackets; lines starting with `+` add synonyms
//! (a synonym with codes of its own is an actor of its own);
//! codes may carry dates (`[RUSGOV >000507]`, `[USAGOV 010120-090120]`, `[GBRGOV <970502]`)
//! and may stand on indented lines of their own:
//!
//! ```text
//! ARNOR [ARN]
//! +ARNORIAN_GOVERNMENT [ARNGOV]
//! PRESIDENT_ELROND
//!     [RIVGOV 950101-991231]
//! ```
//!
//! An **agent** dictionary names nouns that make an actor of a sector (`PRESIDENT [~GOV]`,
//! `FOREIGN_MINISTRY [~GOV]`, `ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]`): they become
//! English role nouns. Macro lines (`!PERSON! = MAN, MEN`) and agents that use them are
//! skipped. `#` starts a comment, and so does `<!--` up to `-->`.

use chrono::NaiveDate;
use lagebild_doc::{EntityType, Lang};

use crate::{Entry, Kb, Kind, NameForm, NameLang, RoleNoun, slug};

/// An actor of a dictionary: its name, synonyms and codes with the dates they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryActor {
    pub name: String,
    pub synonyms: Vec<String>,
    pub codes: Vec<DatedCode>,
    /// The line of the file where it starts.
    pub line: usize,
}

/// A code and the dates it holds (`[RUSGOV 000507-080507]`); no dates: always.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
}

/// A noun of an agent dictionary and the sector it gives (`PRESIDENT [~GOV]` → `GOV`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DictionaryAgent {
    pub noun: String,
    pub plural: Option<String>,
    pub sector: String,
}

/// What a dictionary file holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dictionary {
    pub actors: Vec<DictionaryActor>,
    pub agents: Vec<DictionaryAgent>,
    /// Lines that were neither, with the reason: `(line, reason)`.
    pub skipped: Vec<(usize, &'static str)>,
}

/// `ARNORIAN_GOVERNMENT` → `Arnorian Government`.
fn display_name(words: &str) -> String {
    words
        .split(['_', ' '])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let lower = word.to_lowercase();
            let mut chars = lower.chars();
            chars.next().map(|first| first.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `YYMMDD` as PETRARCH writes dates (years after 30 are 19xx).
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    if text.len() != 6 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = text[..2].parse().ok()?;
    let year = if year > 30 { 1900 + year } else { 2000 + year };
    NaiveDate::from_ymd_opt(year, text[2..4].parse().ok()?, text[4..6].parse().ok()?)
}

/// The bracketed codes of a line: `[CODE]`, `[CODE >YYMMDD]`, `[CODE <YYMMDD]`,
/// `[CODE YYMMDD-YYMMDD]`.
pub(crate) fn codes(text: &str) -> Vec<DatedCode> {
    text.split('[')
        .skip(1)
        .filter_map(|bracket| {
            let inner = bracket.split(']').next()?;
            let mut parts = inner.split_whitespace();
            let code = parts.next()?.to_owned();
            let dates = parts.next().unwrap_or_default();
            let (start, end) = if let Some(start) = dates.strip_prefix('>') {
                (date(start), None)
            } else if let Some(end) = dates.strip_prefix('<') {
                (None, date(end))
            } else if let Some((start, end)) = dates.split_once('-') {
                (date(start), date(end))
            } else {
                (None, None)
            };
            Some(DatedCode { code, start, end })
        })
        .collect()
}

/// The name before a line's first bracket or brace: `HAMAS_GUNMEN [PSEHMSMIL]` → `HAMAS_GUNMEN`.
fn name_part(text: &str) -> &str {
    text.split(['[', '{']).next().unwrap_or_default().trim()
}

/// Reads a dictionary in PETRARCH's actor or agent format. Odd lines are skipped and counted,
/// never an error: the caller decides whether a file that yields nothing is one.
pub fn parse(text: &str) -> Dictionary {
    let mut dictionary = Dictionary::default();
    let mut in_comment = false;
    // The actor that `+` synonyms belong to.
    let mut primary: Option<usize> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        // `<!-- … -->` comments, over several lines too.
        let mut content = String::new();
        let mut rest = raw;
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!--") {
                    Some(start) => {
                        content.push_str(&rest[..start]);
                        rest = &rest[start + 4..];
                        in_comment = true;
                    }
                    None => {
                        content.push_str(rest);
                        break;
                    }
                }
            }
        }
        let content = content.split('#').next().unwrap_or_default();
        if content.trim().is_empty() {
            continue;
        }
        let trimmed = content.trim();
        if trimmed.contains('!') {
            dictionary.skipped.push((line, "macro (`!NAME!`), not supported"));
            continue;
        }
        let found = codes(trimmed);
        // An agent: a noun with a sector code `[~GOV]`.
        if let Some(sector) = found.first().and_then(|code| code.code.strip_prefix('~')) {
            let noun = name_part(trimmed);
            if noun.is_empty() || sector.is_empty() {
                dictionary.skipped.push((line, "agent without a noun or a sector"));
                continue;
            }
            let plural = trimmed
                .split('{')
                .nth(1)
                .and_then(|braces| braces.split('}').next())
                .map(str::trim)
                .filter(|plural| !plural.is_empty())
                .map(|plural| display_name(plural).to_lowercase());
            dictionary.agents.push(DictionaryAgent {
                noun: display_name(noun).to_lowercase(),
                plural,
                sector: sector.to_owned(),
            });
            continue;
        }
        if let Some(synonym) = trimmed.strip_prefix('+') {
            let Some(actor) = primary.and_then(|index| dictionary.actors.get_mut(index)) else {
                dictionary.skipped.push((line, "synonym before any actor"));
                continue;
            };
            let name = display_name(name_part(synonym));
            if name.is_empty() {
                continue;
            }
            if found.is_empty() {
                actor.synonyms.push(name);
            } else {
                // A synonym with codes of its own names an actor of its own
                // (`+ARNORIAN_GOVERNMENT [ARNGOV]` under ARNOR).
                dictionary.actors.push(DictionaryActor { name, synonyms: Vec::new(), codes: found, line });
            }
            continue;
        }
        let indented = content.starts_with(char::is_whitespace);
        if indented || trimmed.starts_with('[') {
            // Codes of the actor above, on a line of their own.
            match dictionary.actors.last_mut() {
                Some(actor) if !found.is_empty() => actor.codes.extend(found),
                _ => dictionary.skipped.push((line, "indented line that is no code of an actor")),
            }
            continue;
        }
        let name = display_name(name_part(trimmed));
        if name.is_empty() {
            dictionary.skipped.push((line, "no actor name"));
            continue;
        }
        primary = Some(dictionary.actors.len());
        dictionary.actors.push(DictionaryActor { name, synonyms: Vec::new(), codes: found, line });
    }
    // An actor needs a code, on its line or the lines after it.
    let (coded, uncoded): (Vec<_>, Vec<_>) = dictionary.actors.drain(..).partition(|actor| !actor.codes.is_empty());
    dictionary.skipped.extend(uncoded.iter().map(|actor| (actor.line, "actor without a code")));
    dictionary.skipped.sort_unstable();
    dictionary.actors = coded;
    dictionary
}

impl DictionaryActor {
    /// The code of the actor on `date`: a dated code that holds then, else an undated one,
    /// else the first.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        let held = |code: &&DatedCode| {
            date.is_some_and(|date| {
                (code.start.is_some() || code.end.is_some())
                    && code.start.is_none_or(|start| start <= date)
                    && code.end.is_none_or(|end| date <= end)
            })
        };
        self.codes
            .iter()
            .find(held)
            .or_else(|| self.codes.iter().find(|code| code.start.is_none() && code.end.is_none()))
            .or_else(|| self.codes.first())
            .map(|code| code.code.as_str())
    }
}

impl Kb {
    /// Adds a dictionary's actors as organisations (names in both languages, ids
    /// `org:dictionary-<name>`) and its agents as English role nouns, on top of what the base
    /// knows: an actor the base already has under the same id is left as it is. The code of
    /// an actor is the one it holds on `date`, else its undated one ([`DictionaryActor::code_on`]).
    /// Returns how many actors and agents it added.
    pub fn add_dictionary(&mut self, dictionary: &Dictionary, source: &str, date: Option<NaiveDate>) -> (usize, usize) {
        let mut actors = 0;
        for actor in &dictionary.actors {
            let id = format!("org:dictionary-{}", slug(&actor.name));
            if self.by_id.contains_key(id.as_str()) {
                continue;
            }
            let code: Option<Box<str>> = actor.code_on(date).map(Into::into);
            let country = code
                .as_deref()
                .and_then(|code| code.get(..3))
                .filter(|prefix| self.by_id.contains_key(format!("country:{prefix}").as_str()))
                .map(Into::into);
            let index = self.entries.len() as u32;
            self.by_id.insert(id.as_str().into(), index);
            self.entries.push(Entry {
                id: id.into(),
                kind: Kind::Organization,
                entity_type: EntityType::Organization,
                country,
                code,
                lat: None,
                lon: None,
                population: 0,
                name_en: actor.name.as_str().into(),
                name_de: actor.name.as_str().into(),
                capital: None,
                roles: Vec::new(),
                source: format!("{source}:{}", actor.line).into(),
            });
            for name in std::iter::once(&actor.name).chain(&actor.synonyms) {
                self.add_name(name, index, NameForm::Name, NameLang::Both);
            }
            actors += 1;
        }
        let mut agents = 0;
        for agent in &dictionary.agents {
            for noun in std::iter::once(&agent.noun).chain(&agent.plural) {
                if self.role_nouns[1].contains_key(noun.as_str()) {
                    continue;
                }
                let words = noun.split(' ').count().min(255) as u8;
                if words > 1 {
                    self.role_noun_first.insert(noun.split(' ').next().unwrap_or_default().into());
                }
                self.role_noun_words = self.role_noun_words.max(words);
                self.role_noun_prefixes[1].insert(crate::prefix_key(noun));
                let reading = match agent.sector.get(..3) {
                    Some("MIL") => "military",
                    Some("MED") => "organization",
                    Some("GOV" | "LEG" | "JUD" | "COP" | "SPY") => "government",
                    _ => "people",
                };
                let role_noun = RoleNoun {
                    lang: Lang::En,
                    noun: noun.as_str().into(),
                    sector: agent.sector.as_str().into(),
                    role: None,
                    reading: reading.into(),
                };
                self.role_nouns[1].insert(noun.as_str().into(), role_noun);
                agents += 1;
            }
        }
        (actors, agents)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTORS: &str = "<!-- A TEST DICTIONARY\n   over two lines -->\nARNOR [ARN]\n+ARNORIAN_GOVERNMENT [ARNGOV] # a synonym\nPRESIDENT_ELROND\n    [RIVGOV 950101-991231]\n    [RIVELF]\nHAMAS WING [PSEHMSBRD]\n";

    #[test]
    fn actors_with_synonyms_and_dated_codes() {
        let dictionary = parse(ACTORS);
        assert_eq!(dictionary.skipped, []);
        let names: Vec<&str> = dictionary.actors.iter().map(|actor| actor.name.as_str()).collect();
        assert_eq!(names, ["Arnor", "Arnorian Government", "President Elrond", "Hamas Wing"]);
        assert_eq!(dictionary.actors[1].code_on(None), Some("ARNGOV"), "a synonym with a code of its own");
        assert_eq!(dictionary.actors[0].line, 3);
        let elrond = &dictionary.actors[2];
        assert_eq!(elrond.code_on(NaiveDate::from_ymd_opt(1997, 6, 1)), Some("RIVGOV"));
        assert_eq!(elrond.code_on(NaiveDate::from_ymd_opt(2005, 6, 1)), Some("RIVELF"));
        assert_eq!(elrond.code_on(None), Some("RIVELF"));
    }

    #[test]
    fn agents_become_sectors_and_macros_are_skipped() {
        let dictionary =
            parse("!PERSON! = MAN, MEN\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # mj\nCONGRESS!PERSON! [~LEG]\n");
        assert_eq!(
            dictionary.agents,
            [DictionaryAgent {
                noun: "attorney general".to_owned(),
                plural: Some("attorneys general".to_owned()),
                sector: "GOV".to_owned()
            }]
        );
        assert_eq!(dictionary.skipped.len(), 2);
    }

    #[test]
    fn the_base_learns_the_actors_and_agents() {
        let mut kb = Kb::embedded().expect("the embedded base loads");
        let dictionary = parse(&format!("{ACTORS}SILLY_WALKS_MINISTER [~GOV]\n"));
        assert_eq!(kb.add_dictionary(&dictionary, "test.txt", None), (4, 1));
        let hits = kb.lookup("arnorian government");
        let entry = kb.entry(hits[0].entry);
        assert_eq!((&*entry.id, entry.code.as_deref()), ("org:dictionary-arnorian-government", Some("ARNGOV")));
        let hits = kb.lookup("hamas wing");
        assert_eq!(kb.entry(hits[0].entry).code.as_deref(), Some("PSEHMSBRD"));
        assert_eq!(kb.role_noun(Lang::En, "silly walks minister").map(|noun| &*noun.sector), Some("GOV"));
        // Loading it again adds nothing.
        assert_eq!(kb.add_dictionary(&dictionary, "test.txt", None), (0, 0));
    }
}
