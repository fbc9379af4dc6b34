//! CoNLL-U files rebuilt into running text with gold sentence and surface-token spans.

use std::path::Path;

use crate::EvalError;

/// How sentences are joined into running text. UD keeps paragraph marks (English EWT has
/// them, German GSD does not) but no line breaks inside a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Sentences of a paragraph are joined by a space, paragraphs by a blank line.
    Spaces,
    /// As `Spaces`, but a sentence that does not end in `.`, `!`, `?` or `…` (possibly
    /// followed by closing quotes or brackets) is followed by a line break: headlines,
    /// greetings, signatures and list items stood on lines of their own in the original.
    Lines,
}

/// A treebank rebuilt as one text, with gold spans in byte offsets.
#[derive(Debug, Clone, Default)]
pub struct GoldText {
    pub text: String,
    pub sentences: Vec<(usize, usize)>,
    /// Surface tokens: a multiword token (`zum`, `don't`) is one span.
    pub tokens: Vec<(usize, usize)>,
}

struct GoldSentence {
    text: String,
    /// Surface token forms in order.
    forms: Vec<String>,
    new_paragraph: bool,
    line: usize,
}

/// Reads a CoNLL-U file and joins its sentences into one text by `layout`.
pub fn read_conllu(path: &Path, layout: Layout) -> Result<GoldText, EvalError> {
    let content = std::fs::read_to_string(path).map_err(|source| EvalError::Io { file: path.to_owned(), source })?;
    let sentences = parse(path, &content)?;
    let mut gold = GoldText::default();
    for (index, sentence) in sentences.iter().enumerate() {
        if index > 0 {
            let separator = if sentence.new_paragraph {
                "\n\n"
            } else if layout == Layout::Lines && !ends_with_terminal(&sentences[index - 1].text) {
                "\n"
            } else {
                " "
            };
            gold.text.push_str(separator);
        }
        let base = gold.text.len();
        gold.text.push_str(&sentence.text);
        let mut cursor = 0;
        for form in &sentence.forms {
            let Some(found) = sentence.text[cursor..].find(form.as_str()) else {
                return Err(EvalError::Malformed {
                    file: path.to_owned(),
                    line: sentence.line,
                    message: format!("token {form:?} is not in the sentence's text"),
                });
            };
            let start = cursor + found;
            cursor = start + form.len();
            gold.tokens.push((base + start, base + cursor));
        }
        gold.sentences.push((base, base + sentence.text.len()));
    }
    Ok(gold)
}

fn ends_with_terminal(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(['"', '\'', '“', '”', '’', '»', '«', ')', ']']);
    trimmed.ends_with(['.', '!', '?', '…'])
}

fn parse(path: &Path, content: &str) -> Result<Vec<GoldSentence>, EvalError> {
    let mut sentences = Vec::new();
    let mut current: Option<GoldSentence> = None;
    let mut new_paragraph = false;
    let mut multiword_end = 0;
    for (index, line) in content.lines().enumerate() {
        let number = index + 1;
        if line.is_empty() {
            if let Some(sentence) = current.take() {
                sentences.push(sentence);
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if comment.starts_with("newdoc") || comment.starts_with("newpar") {
                new_paragraph = true;
            } else if let Some(text) = comment.strip_prefix("text =") {
                current = Some(GoldSentence {
                    text: text.trim().to_owned(),
                    forms: Vec::new(),
                    new_paragraph: std::mem::take(&mut new_paragraph),
                    line: number,
                });
                multiword_end = 0;
            }
            continue;
        }
        let malformed =
            |message: &str| EvalError::Malformed { file: path.to_owned(), line: number, message: message.to_owned() };
        let sentence = current.as_mut().ok_or_else(|| malformed("a token line before any `# text =`"))?;
        let mut columns = line.split('\t');
        let (Some(id), Some(form)) = (columns.next(), columns.next()) else {
            return Err(malformed("fewer than two columns"));
        };
        if id.contains('.') {
            continue; // An empty node of the enhanced graph: no surface form.
        }
        if let Some((_, last)) = id.split_once('-') {
            multiword_end = last.parse().map_err(|_| malformed("bad multiword token range"))?;
            sentence.forms.push(form.to_owned());
            continue;
        }
        let id: usize = id.parse().map_err(|_| malformed("bad token id"))?;
        if id <= multiword_end {
            continue; // A syntactic word inside a multiword token.
        }
        sentence.forms.push(form.to_owned());
    }
    if let Some(sentence) = current.take() {
        sentences.push(sentence);
    }
    Ok(sentences)
}

/// Joins gold tokens that form one hyphenated compound in running text (`B`, `-`, `52`
/// with no space between them) into one span, lagebild's convention.
pub(crate) fn join_hyphenated(text: &str, tokens: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while index < tokens.len() {
        let (start, mut end) = tokens[index];
        let mut next = index + 1;
        // word - word (- word ...), glued together, with a hyphen between word characters.
        while next + 1 < tokens.len()
            && &text[tokens[next].0..tokens[next].1] == "-"
            && tokens[next].0 == end
            && tokens[next + 1].0 == tokens[next].1
            && text[..end].chars().next_back().is_some_and(char::is_alphanumeric)
            && text[tokens[next + 1].0..].chars().next().is_some_and(char::is_alphanumeric)
        {
            end = tokens[next + 1].1;
            next += 2;
        }
        joined.push((start, end));
        index = next;
    }
    joined
}
