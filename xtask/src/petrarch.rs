//! `cargo xtask convert-petrarch-verbs`: English event triggers from PETRARCH2's CAMEO verb
//! dictionary (MIT), written to `resources/en/event_triggers_petrarch.tsv`.
//!
//! lagebild keys triggers by lemma alone, so what converts is each verb class's members with
//! the class's CAMEO code, where that code has a PLOVER category. Patterns that need
//! particular objects or prepositions (`- * AID [070]`), classes without a code, codes of
//! public statements (CAMEO 01, claims rather than events), multi-word members and codes
//! without a PLOVER category are counted as skipped, by reason.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use anyhow::{Context, bail};

pub(crate) fn convert_petrarch_verbs() -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        bail!("../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
    };
    let file = data.join("events/petrarch2/dictionaries/CAMEO.2.0.txt");
    let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    let plover_text = std::fs::read_to_string("resources/shared/plover_cameo.tsv")
        .context("reading resources/shared/plover_cameo.tsv (run `cargo xtask build-plover` first)")?;
    let plover: HashSet<String> = plover_text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split('\t').next().map(str::to_owned))
        .collect();
    let category_of: HashMap<String, String> = plover_text
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| {
            let mut fields = line.split('\t');
            Some((fields.next()?.to_owned(), fields.next()?.to_owned()))
        })
        .collect();
    // Verb classes: their code, members and the codes of their patterns.
    struct Class {
        code: Option<String>,
        members: Vec<String>,
        pattern_codes: Vec<String>,
    }
    let mut classes: Vec<Class> = Vec::new();
    let mut in_verbs = false;
    for line in text.lines() {
        if line.contains("VERB PATTERNS") {
            in_verbs = true;
            continue;
        }
        let line = line.split('#').next().unwrap_or_default().trim_end();
        if !in_verbs || line.trim().is_empty() {
            continue;
        }
        let code_of = |text: &str| -> Option<String> {
            let code = text.split('[').nth(1)?.split(']').next()?.trim();
            (code != "---").then(|| code.split(':').next().unwrap_or(code).to_owned())
        };
        if let Some(header) = line.strip_prefix("---") {
            classes.push(Class { code: code_of(header), members: Vec::new(), pattern_codes: Vec::new() });
            continue;
        }
        let Some(class) = classes.last_mut() else { continue };
        if line.starts_with('-') {
            class.pattern_codes.extend(code_of(line));
            continue;
        }
        if line.starts_with('&') || line.starts_with('+') {
            continue;
        }
        let member = line.split('{').next().unwrap_or_default().trim();
        if !member.is_empty() && member.chars().all(|c| c.is_ascii_uppercase() || c == '_') {
            class.members.push(member.to_owned());
        }
    }
    let mut skipped: BTreeMap<&str, usize> = BTreeMap::new();
    let mut triggers: Vec<(String, String)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for class in &classes {
        *skipped.entry("pattern with context words (lagebild keys triggers by lemma alone)").or_default() +=
            class.pattern_codes.len();
        for member in &class.members {
            let Some(code) = &class.code else {
                *skipped.entry("verb class without a CAMEO code").or_default() += 1;
                continue;
            };
            let reason =
                if member.contains('_') {
                    Some("multi-word verb")
                } else if code.starts_with("01") {
                    Some("public statement (CAMEO 01): a claim, not an event")
                } else if !plover.contains(code) {
                    Some("CAMEO code without a PLOVER category")
                } else if class.pattern_codes.iter().any(|pattern| {
                    category_of.get(pattern).is_some_and(|category| Some(category) != category_of.get(code))
                }) {
                    Some("meaning depends on context words (its patterns code other PLOVER categories)")
                } else if !seen.insert(member.to_lowercase()) {
                    Some("verb already converted from another class")
                } else {
                    None
                };
            match reason {
                Some(reason) => *skipped.entry(reason).or_default() += 1,
                None => triggers.push((member.to_lowercase(), code.clone())),
            }
        }
    }
    let mut out = String::from(
        "# lagebild resource: English event triggers converted from PETRARCH2's CAMEO verb dictionary by `cargo xtask convert-petrarch-verbs`\n# source: openeventdata/petrarch2, petrarch2/data/dictionaries/CAMEO.2.0.txt (commit 676801cd9cb2)\n# licence: MIT (Copyright (c) 2014 Open Event Data Alliance)\n# columns: lemma <TAB> pos <TAB> CAMEO code <TAB> PLOVER category (as resources/en/event_triggers.tsv, which wins where both list a lemma)\n",
    );
    triggers.sort();
    for (lemma, code) in &triggers {
        writeln!(out, "{lemma}\tverb\t{code}\t-")?;
    }
    std::fs::write("resources/en/event_triggers_petrarch.tsv", out)?;
    println!("converted {} verbs to resources/en/event_triggers_petrarch.tsv", triggers.len());
    let total: usize = skipped.values().sum();
    println!("skipped {total}:");
    for (reason, count) in skipped {
        println!("  {count:>5}  {reason}");
    }
    Ok(())
}
