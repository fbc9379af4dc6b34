//! Verb dictionaries in PETRARCH's format: the members of each verb class become English
//! triggers with the class's CAMEO code.
//!
//! lagebild keys triggers by lemma alone, so what converts is each verb class's members with
//! the class's code (or a member's own, `DOUBT [012]`), where that code has a PLOVER category. Patterns that need particular
//! objects or prepositions (`- * AID [070]`), classes without a code, codes of public
//! statements (CAMEO 01, claims rather than events, and members of their classes such as
//! `EXPECT [030]` under PREDICT), multi-word members, codes without a
//! PLOVER category and members whose class's patterns code other categories are counted as
//! skipped, by reason. `cargo xtask convert-petrarch-verbs` converts PETRARCH2's CAMEO
//! dictionary into `resources/en/event_triggers_petrarch.tsv` with it, and
//! `lagebild analyze --dictionary PATH` loads a user's dictionary at start.

use std::collections::{BTreeMap, HashSet};

use lagebild_doc::EventType;

use crate::EventKnowledge;
use crate::lexicon::{Category, Needs, Trigger};

/// The triggers of a verb dictionary and what was skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VerbConversion {
    /// Lowercase verb and its CAMEO code, in the dictionary's order.
    pub triggers: Vec<(String, String)>,
    /// How many members or patterns were skipped, by reason.
    pub skipped: BTreeMap<&'static str, usize>,
}

/// Whether `text` looks like a verb dictionary: it has verb classes (`--- ABANDON [345] ---`).
pub fn is_verb_dictionary(text: &str) -> bool {
    text.lines().any(|line| line.trim_start().starts_with("---") && line.contains('['))
}

/// Converts a PETRARCH verb dictionary; `category_of` gives the PLOVER category of a CAMEO
/// code, `None` where it has none.
pub fn convert_verbs(text: &str, category_of: impl Fn(&str) -> Option<EventType>) -> VerbConversion {
    struct Class {
        code: Option<String>,
        /// Members with their own code where they have one (`DOUBT [012]` under DISTRUST).
        members: Vec<(String, Option<String>)>,
        pattern_codes: Vec<String>,
    }
    let code_of = |text: &str| -> Option<String> {
        let code = text.split('[').nth(1)?.split(']').next()?.trim();
        (code != "---" && !code.is_empty()).then(|| code.split(':').next().unwrap_or(code).to_owned())
    };
    // CAMEO 2.0 has synonym sets and other sections before `VERB PATTERNS`; a dictionary
    // without that heading is all verbs.
    let mut in_verbs = !text.contains("VERB PATTERNS");
    let mut in_comment = false;
    let mut classes: Vec<Class> = Vec::new();
    for line in text.lines() {
        if line.contains("VERB PATTERNS") {
            in_verbs = true;
            continue;
        }
        if in_comment {
            in_comment = !line.contains("-->");
            continue;
        }
        if line.trim_start().starts_with("<!--") {
            in_comment = !line.contains("-->");
            continue;
        }
        let line = line.split('#').next().unwrap_or_default().trim_end();
        if !in_verbs || line.trim().is_empty() {
            continue;
        }
        if let Some(header) = line.trim_start().strip_prefix("---") {
            classes.push(Class { code: code_of(header), members: Vec::new(), pattern_codes: Vec::new() });
            continue;
        }
        let Some(class) = classes.last_mut() else { continue };
        let line = line.trim_start();
        if line.starts_with('-') {
            class.pattern_codes.extend(code_of(line));
            continue;
        }
        if line.starts_with('&') || line.starts_with('+') {
            continue;
        }
        let member = line.split(['{', '[']).next().unwrap_or_default().trim();
        if !member.is_empty() && member.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            class.members.push((member.to_owned(), code_of(line)));
        }
    }
    let mut out = VerbConversion::default();
    let mut seen: HashSet<String> = HashSet::new();
    for class in &classes {
        if !class.pattern_codes.is_empty() {
            *out.skipped.entry("pattern with context words (lagebild keys triggers by lemma alone)").or_default() +=
                class.pattern_codes.len();
        }
        for (member, own) in &class.members {
            let Some(code) = own.as_ref().or(class.code.as_ref()) else {
                *out.skipped.entry("verb class without a CAMEO code").or_default() += 1;
                continue;
            };
            let category = category_of(code);
            let reason = if member.contains('_') {
                Some("multi-word verb")
            } else if code.starts_with("01") || class.code.as_deref().is_some_and(|class| class.starts_with("01")) {
                Some("public statement (CAMEO 01): a claim, not an event")
            } else if category.is_none() {
                Some("CAMEO code without a PLOVER category")
            } else if class
                .pattern_codes
                .iter()
                .any(|pattern| category_of(pattern).is_some_and(|c| Some(c) != category))
            {
                Some("meaning depends on context words (its patterns code other PLOVER categories)")
            } else if !seen.insert(member.to_lowercase()) {
                Some("verb already converted from another class")
            } else {
                None
            };
            match reason {
                Some(reason) => *out.skipped.entry(reason).or_default() += 1,
                None => out.triggers.push((member.to_lowercase(), code.clone())),
            }
        }
    }
    out
}

impl EventKnowledge {
    /// The PLOVER category of a CAMEO code, where the correspondence table has one.
    pub fn plover_category(&self, cameo: &str) -> Option<EventType> {
        self.plover.cameo.get(cameo).map(|(event_type, _, _)| *event_type)
    }

    /// Adds the verbs of a PETRARCH verb dictionary as English triggers; they take the place
    /// of built-in triggers of the same lemma (a user's dictionary says what they mean). As
    /// in PETRARCH, they are events only with an actor or recipient that has a code.
    pub fn add_petrarch_verbs(&mut self, text: &str) -> VerbConversion {
        let conversion = convert_verbs(text, |code| self.plover_category(code));
        for (lemma, code) in &conversion.triggers {
            let Some((event_type, mode, context)) = self.plover.cameo.get(code).cloned() else { continue };
            let trigger = Trigger {
                cameo: Some(code.clone()),
                category: Category::Fixed { event_type, mode, context },
                place_is_target: false,
                needs: Needs::CodedParticipant,
            };
            self.en.verbs.insert(lemma.clone(), trigger);
        }
        conversion
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERBS: &str = "<!-- A TEST -->\n--- ABANDON  [345]  ---\nABANDON    # pas\n\n--- PLEDGE_AID [051] ---\nPLEDGE\nVOW_SUPPORT\n- * AID [070]\n\n--- ATTACK [190] ---\nATTACK {ATTACKED ATTACKING}\nRAID\nABDUCT [181]\n--- SAY [010] ---\nSAY\nEXPECT [030]\n";

    #[test]
    fn verb_classes_become_triggers_by_code() {
        assert!(is_verb_dictionary(VERBS));
        let knowledge = EventKnowledge::embedded().expect("the embedded tables load");
        let conversion = convert_verbs(VERBS, |code| knowledge.plover_category(code));
        let expected =
            [("attack", "190"), ("raid", "190"), ("abduct", "181")].map(|(v, c)| (v.to_owned(), c.to_owned()));
        assert_eq!(conversion.triggers, expected);
        let skipped: usize = conversion.skipped.values().sum();
        // ABANDON (WEIS code), PLEDGE (its pattern codes AID), VOW_SUPPORT, the pattern, SAY,
        // EXPECT (a member of a statement class).
        assert_eq!(skipped, 6, "{:?}", conversion.skipped);
    }

    #[test]
    fn a_users_verbs_take_the_place_of_built_in_ones() {
        let mut knowledge = EventKnowledge::embedded().expect("the embedded tables load");
        let conversion = knowledge.add_petrarch_verbs("--- STRIKE [190] ---\nBOMBARD\n");
        assert_eq!(conversion.triggers.len(), 1);
        assert_eq!(knowledge.en.verbs["bombard"].cameo.as_deref(), Some("190"));
    }
}
