//! Entity recognition and linking against the linking gold set in `gold/linking/` (made and
//! frozen before the linker): mentions with their knowledge-base id, reading and code.
//!
//! - **Recognition**: gold mentions against found entities inside each article's annotated
//!   stretch, exact and overlapping (one to one).
//! - **Linking accuracy**: for every gold mention, the found entity that overlaps it most must
//!   carry the gold id, or an id whose entry has the gold's English name; a gold id the base
//!   does not hold (and `geo:?`, `-`) asks for no link. A mention found by nothing counts as
//!   wrong unless it asks for no link.
//! - **Reading accuracy**: over gold mentions overlapped by a found entity, whether the found
//!   `reading` equals the gold one.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use lagebild_doc::Document;

use crate::{EvalError, Score};

/// One gold mention, in bytes of its article's text.
#[derive(Debug, Clone)]
pub struct GoldMention {
    pub range: Range<usize>,
    pub kb_id: String,
    pub name: String,
    pub reading: String,
    pub code: String,
}

/// A gold article: its text, language, annotated stretch and mentions.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    pub id: String,
    pub lang: String,
    pub text: String,
    pub stretch: Range<usize>,
    pub mentions: Vec<GoldMention>,
}

/// The gold folder shipped in the repository.
pub fn gold_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("gold/linking")
}

fn read_texts(
    data: &Path,
    corpus: &str,
    cache: &mut HashMap<String, HashMap<String, String>>,
) -> Result<(), EvalError> {
    if cache.contains_key(corpus) {
        return Ok(());
    }
    let by_id = crate::corpus_texts(&data.join(corpus))?;
    cache.insert(corpus.to_owned(), by_id);
    Ok(())
}

/// Reads `articles.tsv` and `mentions.tsv` of `dir` and the article texts from `data`.
pub fn read_gold(dir: &Path, data: &Path) -> Result<Vec<GoldArticle>, EvalError> {
    let read = |name: &str| {
        let file = dir.join(name);
        std::fs::read_to_string(&file).map_err(|source| EvalError::Io { file, source })
    };
    let (articles_text, mentions_text) = (read("articles.tsv")?, read("mentions.tsv")?);
    let rows = |text: &str| -> Vec<(usize, Vec<String>)> {
        text.lines()
            .enumerate()
            .filter(|(_, line)| !line.starts_with('#') && !line.starts_with("doc\t") && !line.trim().is_empty())
            .map(|(number, line)| (number + 1, line.split('\t').map(str::to_owned).collect()))
            .collect()
    };
    let mut texts = HashMap::new();
    let mut articles = Vec::new();
    for (line, fields) in rows(&articles_text) {
        let malformed =
            |message: &str| EvalError::Malformed { file: dir.join("articles.tsv"), line, message: message.to_owned() };
        if fields.len() < 4 {
            return Err(malformed("expected doc, lang, start, end"));
        }
        let (corpus, id) = fields[0].split_once('#').ok_or_else(|| malformed("`doc` has no `#id`"))?;
        read_texts(data, corpus, &mut texts)?;
        let text = texts[corpus].get(id).ok_or_else(|| malformed(&format!("no article {id} in {corpus}")))?.clone();
        let byte = byte_offsets(&text);
        let offset = |field: &str| -> Result<usize, EvalError> {
            let chars: usize = field.parse().map_err(|_| malformed("an offset is not a number"))?;
            byte.get(chars).copied().ok_or_else(|| malformed("an offset lies beyond the text"))
        };
        let stretch = offset(&fields[2])?..offset(&fields[3])?;
        articles.push(GoldArticle {
            id: fields[0].clone(),
            lang: fields[1].clone(),
            text,
            stretch,
            mentions: Vec::new(),
        });
    }
    for (line, fields) in rows(&mentions_text) {
        let malformed =
            |message: &str| EvalError::Malformed { file: dir.join("mentions.tsv"), line, message: message.to_owned() };
        if fields.len() < 10 {
            return Err(malformed("expected at least 10 columns"));
        }
        let article = articles
            .iter_mut()
            .find(|article| article.id == fields[0])
            .ok_or_else(|| malformed("an article that articles.tsv does not list"))?;
        let byte = byte_offsets(&article.text);
        let offset = |field: &str| -> Result<usize, EvalError> {
            let chars: usize = field.parse().map_err(|_| malformed("an offset is not a number"))?;
            byte.get(chars).copied().ok_or_else(|| malformed("an offset lies beyond the text"))
        };
        article.mentions.push(GoldMention {
            range: offset(&fields[1])?..offset(&fields[2])?,
            kb_id: fields[6].clone(),
            name: fields[7].clone(),
            reading: fields[8].clone(),
            code: fields[9].clone(),
        });
    }
    Ok(articles)
}

fn byte_offsets(text: &str) -> Vec<usize> {
    let mut bytes: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
    bytes.push(text.len());
    bytes
}

/// Scores of the entity stage on the gold set.
#[derive(Debug, Clone, Default)]
pub struct LinkScores {
    pub exact: Score,
    pub overlapping: Score,
    /// Correct links (or correct absences of a link) out of gold mentions.
    pub linked: (usize, usize),
    /// Correct readings out of gold mentions that a found entity overlaps.
    pub readings: (usize, usize),
    /// Gold mentions whose link was wrong: (gold id, found id or `-`, surface).
    pub errors: Vec<(String, String, String)>,
    /// Gold mentions a found entity overlaps with another reading: (gold reading, found
    /// reading or `-`, the mention in brackets after the words before it).
    pub reading_errors: Vec<(String, String, String)>,
    /// Found entities that overlap no gold mention: the words before them and the entity in
    /// brackets.
    pub spurious: Vec<String>,
}

/// Scores one article; `known` says whether the base holds an entry with a gold id or, under
/// another id, with its English name (`org:icc` for `org:international-criminal-court`);
/// `names_of` gives an id's
/// English name.
pub fn score_article(
    gold: &GoldArticle,
    document: &Document,
    known: &dyn Fn(&str, &str) -> bool,
    name_of: &dyn Fn(&str) -> Option<String>,
    scores: &mut LinkScores,
) {
    let found: Vec<(Range<usize>, &lagebild_doc::Entity)> = document
        .entities
        .iter()
        .map(|entity| (entity.range.start() as usize..entity.range.end() as usize, entity))
        .filter(|(range, _)| gold.stretch.start <= range.start && range.end <= gold.stretch.end)
        .collect();
    let gold_spans: Vec<Range<usize>> = gold.mentions.iter().map(|mention| mention.range.clone()).collect();
    let found_spans: Vec<Range<usize>> = found.iter().map(|(range, _)| range.clone()).collect();
    scores.exact.add(one_to_one(&gold_spans, &found_spans, false));
    scores.overlapping.add(one_to_one(&gold_spans, &found_spans, true));
    let in_brackets = |range: &Range<usize>| {
        let before = gold.text[..range.start].chars().rev().take(30).collect::<Vec<_>>();
        let before: String = before.into_iter().rev().collect();
        format!("{before}[{}]", &gold.text[range.clone()])
    };
    for range in &found_spans {
        if !gold_spans.iter().any(|gold| gold.start < range.end && range.start < gold.end) {
            scores.spurious.push(in_brackets(range));
        }
    }
    for mention in &gold.mentions {
        let overlap = |range: &Range<usize>| {
            range.end.min(mention.range.end).saturating_sub(range.start.max(mention.range.start))
        };
        // The entity that shares the most characters with the mention; of equal ones the
        // shortest (`US` over the role noun `US-Außenminister` around it), not whichever comes
        // last.
        let best = found
            .iter()
            .filter(|(range, _)| overlap(range) > 0)
            .max_by_key(|(range, _)| (overlap(range), std::cmp::Reverse(range.len())));
        let wants_link = !matches!(mention.kb_id.as_str(), "-" | "geo:?") && known(&mention.kb_id, &mention.name);
        let found_id = best.and_then(|(_, entity)| entity.kb_id.clone());
        let correct = match (&found_id, wants_link) {
            (Some(id), true) => *id == mention.kb_id || name_of(id).is_some_and(|name| name == mention.name),
            (None, false) => true,
            (Some(_), false) => false,
            (None, true) => false,
        };
        scores.linked.1 += 1;
        if correct {
            scores.linked.0 += 1;
        } else {
            let surface = gold.text[mention.range.clone()].to_owned();
            scores.errors.push((mention.kb_id.clone(), found_id.unwrap_or_else(|| "-".to_owned()), surface));
        }
        if let Some((_, entity)) = best {
            scores.readings.1 += 1;
            if entity.reading.is_some_and(|reading| reading.as_str() == mention.reading) {
                scores.readings.0 += 1;
            } else {
                let found = entity.reading.map_or("-", |reading| reading.as_str()).to_owned();
                scores.reading_errors.push((mention.reading.clone(), found, in_brackets(&mention.range)));
            }
        }
    }
}

fn one_to_one(gold: &[Range<usize>], found: &[Range<usize>], overlapping: bool) -> Score {
    let mut used = vec![false; gold.len()];
    let mut matched = 0;
    for span in found {
        let hit = (0..gold.len()).find(|&index| {
            !used[index]
                && if overlapping {
                    gold[index].start < span.end && span.start < gold[index].end
                } else {
                    gold[index] == *span
                }
        });
        if let Some(index) = hit {
            used[index] = true;
            matched += 1;
        }
    }
    Score { matched, predicted: found.len(), gold: gold.len() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lagebild_doc::{Entity, EntityForm, EntityType, Lang, Meta, TextRange};

    fn entity(range: TextRange, entity_type: EntityType, form: EntityForm, kb_id: Option<&str>) -> Entity {
        Entity { kb_id: kb_id.map(str::to_owned), ..Entity::new(range, entity_type, form, 0.9) }
    }

    /// Of two entities that overlap a mention equally, the shortest is its match: the
    /// compound part `US`, not the role noun `US-Außenminister` around it, whichever comes
    /// first in the layer.
    #[test]
    fn the_shortest_of_equally_overlapping_entities_is_the_match() {
        let text = "US-Außenminister kam.";
        let gold = GoldArticle {
            id: "t".into(),
            lang: "de".into(),
            text: text.into(),
            stretch: 0..text.len(),
            mentions: vec![GoldMention {
                range: 0..2,
                kb_id: "country:USA".into(),
                name: "United States".into(),
                reading: "government".into(),
                code: "USAGOV".into(),
            }],
        };
        for order in [false, true] {
            let mut document = Document::new(Meta { lang: Lang::De, ..Meta::new("t", "t") }, text.to_owned());
            let part = entity(TextRange::new(0, 2), EntityType::Gpe, EntityForm::CompoundPart, Some("country:USA"));
            let role = entity(TextRange::new(0, 17), EntityType::Person, EntityForm::RoleNoun, None);
            document.entities = if order { vec![part, role] } else { vec![role, part] };
            let mut scores = LinkScores::default();
            score_article(&gold, &document, &|_, _| true, &|_| None, &mut scores);
            assert_eq!(scores.linked, (1, 1), "{:?}", scores.errors);
        }
    }
}
