//! Events against the German event gold set in `gold/events-de/` (made and frozen before
//! any trigger rule): type precision, recall and F1 over triggers, and argument F1 over actor
//! and recipient codes (country plus sector) of matched events.
//!
//! A found event matches a gold one of its document when their triggers overlap and their
//! types agree. Only sentences of the gold set count: a found event in one of them that
//! matches nothing is a false positive, `NONE` sentences included. An argument matches when
//! its code, cut to the gold code's length (`USAGOV` → `USA` for a gold `USA`), equals it.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use lagebild_doc::{Document, Event};

use crate::{EvalError, Score};

/// One gold event mention, in bytes of its article's text.
#[derive(Debug, Clone)]
pub struct GoldEvent {
    pub sentence: Range<usize>,
    /// `None` for a sentence that reports no event.
    pub trigger: Option<Range<usize>>,
    pub event_type: String,
    pub actors: Vec<String>,
    pub recipients: Vec<String>,
}

/// The gold events of one article, with its text.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub id: String,
    pub text: String,
    pub events: Vec<GoldEvent>,
}

/// The gold file shipped in the repository.
pub fn gold_file() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("gold/events-de/events.tsv")
}

/// Reads the gold file and the articles it refers to from `data` (`../shared/data`).
pub fn read_gold(gold: &Path, data: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let io = |file: &Path| {
        let file = file.to_owned();
        move |source| EvalError::Io { file, source }
    };
    let text = std::fs::read_to_string(gold).map_err(io(gold))?;
    let table = lagebild_resources::parse_table(&gold.display().to_string(), &text, 16)
        .map_err(|error| EvalError::Malformed { file: gold.to_owned(), line: 0, message: error.to_string() })?;
    let mut texts: HashMap<String, HashMap<String, String>> = HashMap::new();
    let mut articles: Vec<GoldArticle> = Vec::new();
    for row in &table.rows {
        let malformed =
            |message: &str| EvalError::Malformed { file: gold.to_owned(), line: row.line, message: message.to_owned() };
        let (corpus, id) = row.fields[0].split_once('#').ok_or_else(|| malformed("`doc` has no `#id`"))?;
        if !texts.contains_key(corpus) {
            texts.insert(corpus.to_owned(), crate::corpus_texts(&data.join(corpus))?);
        }
        let text = texts[corpus].get(id).ok_or_else(|| malformed(&format!("no article {id} in {corpus}")))?;
        if articles.last().is_none_or(|article| article.id != row.fields[0]) {
            articles.push(GoldArticle { id: row.fields[0].to_owned(), text: text.clone(), events: Vec::new() });
        }
        let article = articles.last_mut().ok_or_else(|| malformed("no article"))?;
        let mut bytes: Vec<usize> = article.text.char_indices().map(|(byte, _)| byte).collect();
        bytes.push(article.text.len());
        let offset = |field: &str| -> Result<usize, EvalError> {
            let chars: usize = field.parse().map_err(|_| malformed("an offset is not a number"))?;
            bytes.get(chars).copied().ok_or_else(|| malformed("an offset lies beyond the text"))
        };
        let codes = |field: &str| -> Vec<String> {
            if field == "-" { Vec::new() } else { field.split('+').map(str::to_owned).collect() }
        };
        let trigger = if row.fields[3] == "-" { None } else { Some(offset(row.fields[3])?..offset(row.fields[4])?) };
        article.events.push(GoldEvent {
            sentence: offset(row.fields[1])?..offset(row.fields[2])?,
            trigger,
            event_type: row.fields[6].to_owned(),
            actors: codes(row.fields[8]),
            recipients: codes(row.fields[9]),
        });
    }
    Ok(articles)
}

/// Whether a found actor code stands for a gold one: the found code cut to the gold code's
/// length equals it (`USAGOV` for a gold `USA`). The gold set names international
/// organisations by short names (`EU`, `UNO`, `NATO`, `ICC`, `AU`, `IGO` for any), the coder
/// by PETRARCH's `IGO` + region + group codes (`IGOEUREEC`, `IGOUNO`, `IGOWSTNAT`,
/// `IGOUNOICC`, `IGOAFRAU`): the two spellings are compared by the group. A transnational
/// militant group is `IMG` or `IMGREB` in the gold set (its README: "the IS is `IMGREB`"),
/// `IMG` + religion + group in PETRARCH's codes (`IMGSUNJIH`): any `IMG` code stands for it.
fn code_matches(gold: &str, found: &str) -> bool {
    if found.starts_with("IMG") && (gold == "IMG" || gold == "IMGREB") {
        return true;
    }
    if let Some(rest) = found.strip_prefix("IGO") {
        let group = if rest.len() > 3 { &rest[3..] } else { rest };
        let gold_group = match gold {
            "IGO" => return true,
            "EU" => "EEC",
            "NATO" => "NAT",
            other => other,
        };
        return group == gold_group;
    }
    found.get(..gold.len().min(found.len())) == Some(gold)
}

/// Scores of the event stage.
#[derive(Debug, Clone, Default)]
pub struct EventScores {
    pub types: Score,
    /// Triggers found regardless of type.
    pub triggers: Score,
    pub arguments: Score,
    /// (gold type, found type or `-`) counts.
    pub confusion: HashMap<(String, String), usize>,
}

/// Scores the events found in `document` against one article's gold events.
pub fn score_article(gold: &GoldArticle, document: &Document, scores: &mut EventScores) {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let sentences: Vec<&Range<usize>> = gold.events.iter().map(|event| &event.sentence).collect();
    let found: Vec<&Event> = document
        .events
        .iter()
        .filter(|event| {
            let range = event.trigger.range.start() as usize..event.trigger.range.end() as usize;
            sentences.iter().any(|sentence| sentence.start <= range.start && range.end <= sentence.end)
        })
        .collect();
    let gold_events: Vec<&GoldEvent> = gold.events.iter().filter(|event| event.trigger.is_some()).collect();
    scores.types.gold += gold_events.len();
    scores.triggers.gold += gold_events.len();
    scores.types.predicted += found.len();
    scores.triggers.predicted += found.len();
    let mut used = vec![false; gold_events.len()];
    let mut found_trigger = vec![false; gold_events.len()];
    for event in &found {
        let range = event.trigger.range.start() as usize..event.trigger.range.end() as usize;
        let candidates: Vec<usize> = (0..gold_events.len())
            .filter(|&index| gold_events[index].trigger.as_ref().is_some_and(|trigger| overlaps(trigger, &range)))
            .collect();
        if let Some(&index) = candidates.iter().find(|&&index| !found_trigger[index]) {
            found_trigger[index] = true;
            scores.triggers.matched += 1;
        }
        let same_type = candidates
            .iter()
            .copied()
            .find(|&index| !used[index] && gold_events[index].event_type == event.event_type.as_str());
        match same_type {
            Some(index) => {
                used[index] = true;
                scores.types.matched += 1;
                let gold_event = gold_events[index];
                let codes = |args: &[lagebild_doc::Arg]| -> Vec<String> {
                    args.iter().filter_map(|arg| arg.code.clone()).collect()
                };
                for (gold_codes, found_codes) in
                    [(&gold_event.actors, codes(&event.actors)), (&gold_event.recipients, codes(&event.recipients))]
                {
                    scores.arguments.gold += gold_codes.len();
                    scores.arguments.predicted += found_codes.len();
                    let mut taken = vec![false; found_codes.len()];
                    for code in gold_codes {
                        let hit = found_codes
                            .iter()
                            .enumerate()
                            .position(|(i, found)| !taken[i] && code_matches(code, found));
                        if let Some(i) = hit {
                            taken[i] = true;
                            scores.arguments.matched += 1;
                        }
                    }
                }
                *scores
                    .confusion
                    .entry((gold_event.event_type.clone(), event.event_type.as_str().to_owned()))
                    .or_default() += 1;
            }
            None => {
                let gold_type =
                    candidates.first().map_or("-".to_owned(), |&index| gold_events[index].event_type.clone());
                *scores.confusion.entry((gold_type, event.event_type.as_str().to_owned())).or_default() += 1;
            }
        }
    }
    for (index, event) in gold_events.iter().enumerate() {
        if !found_trigger[index] {
            *scores.confusion.entry((event.event_type.clone(), "-".to_owned())).or_default() += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::code_matches;

    #[test]
    fn codes_match_by_prefix_and_organisations_by_group() {
        assert!(code_matches("USA", "USAGOV"));
        assert!(code_matches("USAGOV", "USAGOV"));
        assert!(!code_matches("USAGOV", "USA"));
        assert!(!code_matches("RUS", "USAGOV"));
        assert!(code_matches("EU", "IGOEUREEC"));
        assert!(code_matches("UNO", "IGOUNO"));
        assert!(code_matches("NATO", "IGOWSTNAT"));
        assert!(code_matches("ICC", "IGOUNOICC"));
        assert!(code_matches("AU", "IGOAFRAU"));
        assert!(code_matches("IGO", "IGOUNO"));
        assert!(!code_matches("EU", "IGOUNO"));
        assert!(!code_matches("IGO", "USAGOV"));
        assert!(code_matches("IMGREB", "IMGSUNJIH"));
        assert!(code_matches("IMG", "IMGSUNJIH"));
        assert!(!code_matches("IMGREB", "SYRREB"));
        assert!(!code_matches("SYRREB", "IMGSUNJIH"));
    }
}
