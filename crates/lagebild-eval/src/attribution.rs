//! Attribution (claims) against SpkAtt-2023 (German parliament speeches) and PolNeAR
//! (English political news): cue, source and content of each statement.
//!
//! SpkAtt gives tokens: a speech's text is its tokens joined by spaces, one sentence per
//! line, and cue, source and message are scored as sets of tokens (a predicted span claims
//! every token it overlaps). Only annotations with a message count as claims. Speeches whose
//! file names sort into the last tenth are held out ([`SpkAttSplit::HeldOut`]).
//!
//! PolNeAR gives brat stand-off spans over the article text; where an article has several
//! annotation files the first by name is used. Spans are scored one to one, exactly (same
//! extent) and overlapping (any shared character), per role.

use std::ops::Range;
use std::path::{Path, PathBuf};

use lagebild_doc::{Claim, Document};

use crate::{EvalError, Score};

/// One statement of the gold data, as byte ranges into [`AttributionDoc::text`]; a role
/// may be discontinuous.
#[derive(Debug, Clone, Default)]
pub struct GoldStatement {
    pub cue: Vec<Range<usize>>,
    pub source: Vec<Range<usize>>,
    pub content: Vec<Range<usize>>,
}

/// A gold document: its text, its statements, and (SpkAtt) its tokens.
#[derive(Debug, Clone)]
pub struct AttributionDoc {
    pub name: String,
    pub text: String,
    pub statements: Vec<GoldStatement>,
    /// Byte ranges of the gold tokens, where the corpus gives them.
    pub tokens: Vec<Range<usize>>,
}

/// SpkAtt speeches as sentences of gold tokens (one line of the text a sentence) with the
/// tokens of cues tagged `B-CUE`/`I-CUE` and the others `O`: the training data of the cue
/// tagger (`cargo xtask train cues`).
pub fn cue_sentences(docs: &[AttributionDoc]) -> Vec<crate::ner::GoldSentence> {
    let mut sentences = Vec::new();
    for doc in docs {
        let cue = |token: &Range<usize>| {
            doc.statements
                .iter()
                .flat_map(|statement| &statement.cue)
                .any(|r| r.start < token.end && token.start < r.end)
        };
        let mut sentence = crate::ner::GoldSentence { source: doc.name.clone(), ..Default::default() };
        let mut line_end = doc.text.find('\n').unwrap_or(doc.text.len());
        for token in &doc.tokens {
            if token.start > line_end {
                if !sentence.forms.is_empty() {
                    let next = crate::ner::GoldSentence { source: doc.name.clone(), ..Default::default() };
                    sentences.push(std::mem::replace(&mut sentence, next));
                }
                line_end = doc.text[token.start..].find('\n').map_or(doc.text.len(), |at| token.start + at);
            }
            sentence.forms.push(doc.text[token.clone()].to_owned());
            let tag = match (cue(token), sentence.tags.last().map(String::as_str)) {
                (false, _) => "O",
                (true, Some("B-CUE" | "I-CUE")) => "I-CUE",
                (true, _) => "B-CUE",
            };
            sentence.tags.push(tag.to_owned());
        }
        if !sentence.forms.is_empty() {
            sentences.push(sentence);
        }
    }
    sentences
}

impl AttributionDoc {
    /// The document as the pipeline's input in `lang`, without a publication date.
    pub fn raw(&self, lang: &str) -> lagebild_ingest::RawDocument {
        lagebild_ingest::RawDocument {
            id: self.name.clone(),
            source: self.name.clone(),
            title: None,
            url: None,
            published: None,
            published_time: None,
            lang: Some(lang.to_owned()),
            text: self.text.clone(),
        }
    }
}

/// Which SpkAtt speeches to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpkAttSplit {
    /// The first nine tenths by file name: for looking at errors.
    Development,
    /// The last tenth by file name: never used to write rules.
    HeldOut,
}

/// Reads the SpkAtt-2023 speeches of `split` from `dir` (`attribution/de/spkatt2023/task1`).
pub fn read_spkatt(dir: &Path, split: SpkAttSplit) -> Result<Vec<AttributionDoc>, EvalError> {
    let mut files = json_files(dir)?;
    files.sort();
    let cut = files.len() - files.len() / 10;
    let chosen = match split {
        SpkAttSplit::Development => &files[..cut],
        SpkAttSplit::HeldOut => &files[cut..],
    };
    chosen.iter().map(|file| read_spkatt_file(file)).collect()
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let io = |source| EvalError::Io { file: dir.to_owned(), source };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.extension().is_some_and(|ext| ext == "json") {
            files.push(path);
        }
    }
    Ok(files)
}

fn read_spkatt_file(file: &Path) -> Result<AttributionDoc, EvalError> {
    let malformed = |message: String| EvalError::Malformed { file: file.to_owned(), line: 1, message };
    let bytes = std::fs::read(file).map_err(|source| EvalError::Io { file: file.to_owned(), source })?;
    let json: serde_json::Value = serde_json::from_slice(&bytes).map_err(|error| malformed(error.to_string()))?;
    let sentences = json["Sentences"].as_array().ok_or_else(|| malformed("no `Sentences` array".into()))?;
    let mut text = String::new();
    let mut tokens = Vec::new();
    // (sentence id, token index) → index into `tokens`
    let mut index = std::collections::HashMap::new();
    for sentence in sentences {
        let id = sentence["SentenceId"].as_u64().ok_or_else(|| malformed("a sentence without `SentenceId`".into()))?;
        let words = sentence["Tokens"].as_array().ok_or_else(|| malformed(format!("sentence {id} has no `Tokens`")))?;
        if !text.is_empty() {
            text.push('\n');
        }
        for (position, word) in words.iter().enumerate() {
            let word = word.as_str().ok_or_else(|| malformed(format!("sentence {id}: a token is not a string")))?;
            if position > 0 {
                text.push(' ');
            }
            index.insert((id, position as u64), tokens.len());
            tokens.push(text.len()..text.len() + word.len());
            text.push_str(word);
        }
    }
    let role = |annotation: &serde_json::Value, name: &str| -> Result<Vec<Range<usize>>, EvalError> {
        let mut ranges = Vec::new();
        for reference in annotation[name].as_array().into_iter().flatten() {
            let reference = reference.as_str().unwrap_or_default();
            let parsed = reference
                .split_once(':')
                .and_then(|(sentence, token)| Some((sentence.parse().ok()?, token.parse().ok()?)));
            let token = parsed
                .and_then(|key| index.get(&key))
                .ok_or_else(|| malformed(format!("{name} refers to unknown token {reference:?}")))?;
            ranges.push(tokens[*token].clone());
        }
        Ok(ranges)
    };
    let mut statements = Vec::new();
    for annotation in json["Annotations"].as_array().into_iter().flatten() {
        let statement = GoldStatement {
            cue: role(annotation, "Cue")?,
            source: role(annotation, "Source")?,
            content: role(annotation, "Message")?,
        };
        if !statement.content.is_empty() {
            statements.push(statement);
        }
    }
    let name = file.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(AttributionDoc { name, text, statements, tokens })
}

/// Reads the PolNeAR articles of `split` (`train` or `dev`) under `dir` (`attribution/en/polnear`).
pub fn read_polnear(dir: &Path, split: &str) -> Result<Vec<AttributionDoc>, EvalError> {
    let texts = dir.join(split).join("text");
    let annotations = dir.join(split).join("attributions");
    let io = |file: &Path| {
        let file = file.to_owned();
        move |source| EvalError::Io { file, source }
    };
    let mut ann_files: Vec<PathBuf> = std::fs::read_dir(&annotations)
        .map_err(io(&annotations))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ann"))
        .collect();
    ann_files.sort();
    let mut text_files: Vec<PathBuf> = std::fs::read_dir(&texts)
        .map_err(io(&texts))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    text_files.sort();
    let mut docs = Vec::new();
    for text_file in text_files {
        let stem = text_file.file_stem().map(|stem| stem.to_string_lossy().into_owned()).unwrap_or_default();
        // `<stem>_<annotator>.ann`; the first by name.
        let Some(ann) = ann_files.iter().find(|path| {
            path.file_stem().map(|s| s.to_string_lossy()).is_some_and(|s| {
                s.strip_prefix(stem.as_str()).is_some_and(|rest| rest.starts_with('_') && !rest[1..].contains('_'))
            })
        }) else {
            continue;
        };
        let text = std::fs::read_to_string(&text_file).map_err(io(&text_file))?;
        let ann_text = std::fs::read_to_string(ann).map_err(io(ann))?;
        let statements = parse_brat(ann, &ann_text, &text)?;
        docs.push(AttributionDoc { name: stem, text, statements, tokens: Vec::new() });
    }
    Ok(docs)
}

/// Brat stand-off: `T` spans (character offsets, `;`-separated fragments) and `E`
/// relations tying an Attribution to its Cue, Source and Content.
fn parse_brat(file: &Path, ann: &str, text: &str) -> Result<Vec<GoldStatement>, EvalError> {
    // Character offset → byte offset.
    let mut bytes: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
    bytes.push(text.len());
    let mut spans = std::collections::HashMap::new();
    let mut statements = Vec::new();
    for (number, line) in ann.lines().enumerate() {
        let malformed = |message: &str| EvalError::Malformed {
            file: file.to_owned(),
            line: number + 1,
            message: message.to_owned(),
        };
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else { continue };
        if id.starts_with('T') {
            let (_, offsets) = body.split_once(' ').ok_or_else(|| malformed("a span without offsets"))?;
            let mut ranges = Vec::new();
            for fragment in offsets.split(';') {
                let (start, end) = fragment.split_once(' ').ok_or_else(|| malformed("a fragment without an end"))?;
                let start: usize = start.parse().map_err(|_| malformed("an offset is not a number"))?;
                let end: usize = end.parse().map_err(|_| malformed("an offset is not a number"))?;
                let (Some(&start), Some(&end)) = (bytes.get(start), bytes.get(end)) else {
                    return Err(malformed("an offset lies beyond the text"));
                };
                ranges.push(start..end);
            }
            spans.insert(id.to_owned(), ranges);
        } else if id.starts_with('E') {
            let mut statement = GoldStatement::default();
            for argument in body.split(' ') {
                let Some((role, target)) = argument.split_once(':') else { continue };
                let ranges = spans.get(target).cloned().unwrap_or_default();
                match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                    "Cue" => statement.cue.extend(ranges),
                    "Source" => statement.source.extend(ranges),
                    "Content" => statement.content.extend(ranges),
                    _ => {}
                }
            }
            statements.push(statement);
        }
    }
    Ok(statements)
}

/// Scores of the three roles of a statement.
#[derive(Debug, Clone, Copy, Default)]
pub struct RoleScores {
    pub cue: Score,
    pub source: Score,
    pub content: Score,
}

impl RoleScores {
    pub fn add(&mut self, other: RoleScores) {
        self.cue.add(other.cue);
        self.source.add(other.source);
        self.content.add(other.content);
    }
}

/// The predicted roles of one claim, as byte ranges.
fn predicted_roles(claim: &Claim) -> [Vec<Range<usize>>; 3] {
    let parts = |span: &lagebild_doc::Span| -> Vec<Range<usize>> {
        if span.parts.is_empty() {
            std::iter::once(span.range.start() as usize..span.range.end() as usize).collect()
        } else {
            span.parts.iter().map(|part| part.start() as usize..part.end() as usize).collect()
        }
    };
    let speaker = claim.speaker.iter().map(|arg| arg.range.start() as usize..arg.range.end() as usize).collect();
    [parts(&claim.cue), speaker, parts(&claim.content)]
}

/// Token scores (SpkAtt): each role is the set of gold tokens it covers.
pub fn score_tokens(gold: &AttributionDoc, predicted: &[Claim]) -> RoleScores {
    let covered = |ranges: &mut dyn Iterator<Item = Range<usize>>| -> Vec<bool> {
        let mut marks = vec![false; gold.tokens.len()];
        for range in ranges {
            let first = gold.tokens.partition_point(|token| token.end <= range.start);
            for (index, token) in gold.tokens.iter().enumerate().skip(first) {
                if token.start >= range.end {
                    break;
                }
                marks[index] = true;
            }
        }
        marks
    };
    let score = |gold_marks: Vec<bool>, predicted_marks: Vec<bool>| Score {
        matched: gold_marks.iter().zip(&predicted_marks).filter(|(g, p)| **g && **p).count(),
        predicted: predicted_marks.iter().filter(|p| **p).count(),
        gold: gold_marks.iter().filter(|g| **g).count(),
    };
    let roles: Vec<[Vec<Range<usize>>; 3]> = predicted.iter().map(predicted_roles).collect();
    let gold_role = |role: usize| {
        covered(
            &mut gold
                .statements
                .iter()
                .flat_map(move |statement| [&statement.cue, &statement.source, &statement.content][role].clone()),
        )
    };
    let predicted_role = |role: usize| covered(&mut roles.iter().flat_map(|claim| claim[role].clone()));
    RoleScores {
        cue: score(gold_role(0), predicted_role(0)),
        source: score(gold_role(1), predicted_role(1)),
        content: score(gold_role(2), predicted_role(2)),
    }
}

/// Span scores (PolNeAR), one to one: exact when extents are equal, else any overlap.
pub fn score_spans(gold: &AttributionDoc, predicted: &[Claim], overlapping: bool) -> RoleScores {
    let extent = |ranges: &[Range<usize>]| -> Option<Range<usize>> {
        let start = ranges.iter().map(|range| range.start).min()?;
        let end = ranges.iter().map(|range| range.end).max()?;
        Some(start..end)
    };
    let roles: Vec<[Vec<Range<usize>>; 3]> = predicted.iter().map(predicted_roles).collect();
    let score = |role: usize| {
        let gold_spans: Vec<Range<usize>> = gold
            .statements
            .iter()
            .filter_map(|statement| extent([&statement.cue, &statement.source, &statement.content][role]))
            .map(|range| trim(&gold.text, range))
            .collect();
        let predicted_spans: Vec<Range<usize>> =
            roles.iter().filter_map(|claim| extent(&claim[role])).map(|range| trim(&gold.text, range)).collect();
        match_one_to_one(&gold_spans, &predicted_spans, overlapping)
    };
    RoleScores { cue: score(0), source: score(1), content: score(2) }
}

/// A span without surrounding spaces and closing punctuation, so that `said.` and `said` match exactly.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',')).len();
    if start < end { start..end } else { range }
}

fn match_one_to_one(gold: &[Range<usize>], predicted: &[Range<usize>], overlapping: bool) -> Score {
    let mut used = vec![false; gold.len()];
    let mut matched = 0;
    for span in predicted {
        let hit = gold.iter().enumerate().position(|(index, candidate)| {
            !used[index]
                && if overlapping {
                    candidate.start < span.end && span.start < candidate.end
                } else {
                    candidate == span
                }
        });
        if let Some(index) = hit {
            used[index] = true;
            matched += 1;
        }
    }
    Score { matched, predicted: predicted.len(), gold: gold.len() }
}

/// Runs `analyze` over every document and sums the scores: token scores for documents with
/// tokens (SpkAtt), else exact and overlapping span scores (PolNeAR).
pub fn evaluate(
    docs: &[AttributionDoc],
    mut analyze: impl FnMut(&AttributionDoc) -> Document,
) -> (RoleScores, RoleScores, Vec<(String, Document)>) {
    let (mut first, mut second) = (RoleScores::default(), RoleScores::default());
    let mut analysed = Vec::new();
    for doc in docs {
        let document = analyze(doc);
        if doc.tokens.is_empty() {
            first.add(score_spans(doc, &document.claims, false));
            second.add(score_spans(doc, &document.claims, true));
        } else {
            first.add(score_tokens(doc, &document.claims));
        }
        analysed.push((doc.name.clone(), document));
    }
    (first, second, analysed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_relations_give_statements() {
        let text = "Ahmed said that it rained.";
        let ann = "T1\tSource 0 5\tAhmed\nT2\tCue 6 10\tsaid\nT3\tContent 11 25\tthat it rained\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n";
        let statements = parse_brat(Path::new("x.ann"), ann, text).unwrap();
        assert_eq!(statements.len(), 1);
        assert_eq!(statements[0].cue, vec![6..10]);
        assert_eq!(statements[0].content, vec![11..25]);
    }

    #[test]
    fn overlapping_matches_one_to_one() {
        let score = match_one_to_one(&[0..5, 10..20], &[1..3, 2..4, 15..30], true);
        assert_eq!(score, Score { matched: 2, predicted: 3, gold: 2 });
        assert_eq!(match_one_to_one(&[0..5, 7..9], &[0..5, 0..4], false).matched, 1);
    }
}
