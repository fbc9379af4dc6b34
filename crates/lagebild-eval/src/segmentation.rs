//! Sentence boundaries and surface tokens scored against Universal Dependencies.

use std::path::Path;

use lagebild_doc::Lang;
use lagebild_resources::Resources;

use crate::conllu::join_hyphenated;
use crate::{EvalError, Layout, Score, read_conllu};

/// The scores of one treebank file.
#[derive(Debug, Clone)]
pub struct SegmentationScores {
    pub file: String,
    pub lang: Lang,
    pub layout: Layout,
    pub sentences: Score,
    /// Against UD's surface tokens as they are.
    pub tokens_raw: Score,
    /// Against UD's surface tokens with hyphenated compounds joined (lagebild's convention).
    pub tokens: Score,
    /// Up to the requested number of sentence and token errors, each with its context.
    pub errors: Vec<String>,
}

/// The treebank files under `data_dir/ud/`, with their languages.
pub fn ud_files(data_dir: &Path) -> Vec<(Lang, std::path::PathBuf)> {
    let mut files = Vec::new();
    for (lang, code) in [(Lang::De, "de"), (Lang::En, "en")] {
        let dir = data_dir.join("ud").join(code);
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<_> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "conllu"))
            .collect();
        paths.sort();
        files.extend(paths.into_iter().map(|path| (lang, path)));
    }
    files
}

/// Segments the text rebuilt from `path` and scores sentences and tokens.
pub fn evaluate_file(
    path: &Path,
    lang: Lang,
    layout: Layout,
    resources: &Resources,
    show_errors: usize,
) -> Result<SegmentationScores, EvalError> {
    let gold = read_conllu(path, layout)?;
    let lang_resources = resources.lang(lang).expect("an analysed language");
    let (sentences, tokens) = lagebild_segment::segment(&gold.text, lang, lang_resources);
    let predicted_sentences: Vec<_> =
        sentences.iter().map(|s| (s.range.start() as usize, s.range.end() as usize)).collect();
    let predicted_tokens: Vec<_> = tokens.iter().map(|t| (t.range.start() as usize, t.range.end() as usize)).collect();
    let gold_tokens = join_hyphenated(&gold.text, &gold.tokens);
    let mut errors = describe_errors(&gold.text, "sentence", &gold.sentences, &predicted_sentences, show_errors);
    errors.extend(describe_errors(&gold.text, "token", &gold_tokens, &predicted_tokens, show_errors));
    Ok(SegmentationScores {
        file: path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default(),
        lang,
        layout,
        sentences: Score::of_spans(gold.sentences.clone(), predicted_sentences),
        tokens_raw: Score::of_spans(gold.tokens.clone(), predicted_tokens.clone()),
        tokens: Score::of_spans(gold_tokens, predicted_tokens),
        errors,
    })
}

/// The first `limit` spans found only in gold (`-`) or only in the prediction (`+`).
fn describe_errors(
    text: &str,
    what: &str,
    gold: &[(usize, usize)],
    predicted: &[(usize, usize)],
    limit: usize,
) -> Vec<String> {
    if limit == 0 {
        return Vec::new();
    }
    let gold_set: std::collections::HashSet<_> = gold.iter().collect();
    let predicted_set: std::collections::HashSet<_> = predicted.iter().collect();
    let mut errors: Vec<(usize, String)> = Vec::new();
    for (sign, spans, other) in [("-", gold, &predicted_set), ("+", predicted, &gold_set)] {
        for span in spans.iter().filter(|span| !other.contains(span)) {
            let context_end = (span.1 + 30).min(text.len());
            let context_end = (context_end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            let shown = if what == "sentence" {
                let head: String = text[span.0..span.1].chars().take(60).collect();
                let tail: String =
                    text[span.0..span.1].chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
                format!("{head} … {tail}")
            } else {
                format!("[{}] {}", &text[span.0..span.1], &text[span.1..context_end])
            };
            errors.push((span.0, format!("{what} {sign} {}", shown.replace('\n', "⏎"))));
        }
    }
    errors.sort_by_key(|(start, _)| *start);
    errors.into_iter().take(limit).map(|(_, line)| line).collect()
}
