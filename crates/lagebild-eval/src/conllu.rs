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

/// One surface token of a treebank sentence with its annotation. A multiword token
/// (`zum`, `don't`) carries its syntactic words in `words`; a plain token has one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreebankToken {
    pub form: String,
    pub words: Vec<TreebankWord>,
}

/// A syntactic word: the CoNLL-U columns that lagebild learns from and is scored on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreebankWord {
    /// 1-based position among the sentence's words.
    pub id: usize,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    /// `Name=Value` pairs in the file's order.
    pub feats: Vec<(String, String)>,
    /// 0 for the root.
    pub head: usize,
    pub deprel: String,
}

impl TreebankWord {
    pub fn feature(&self, name: &str) -> Option<&str> {
        self.feats.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }
}

/// A treebank sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreebankSentence {
    pub text: String,
    pub tokens: Vec<TreebankToken>,
}

impl TreebankSentence {
    /// Every syntactic word in order.
    pub fn words(&self) -> impl Iterator<Item = &TreebankWord> {
        self.tokens.iter().flat_map(|token| &token.words)
    }
}

/// Reads every sentence of a CoNLL-U file with its full annotation.
pub fn read_treebank(path: &Path) -> Result<Vec<TreebankSentence>, EvalError> {
    let content = std::fs::read_to_string(path).map_err(|source| EvalError::Io { file: path.to_owned(), source })?;
    let mut sentences = Vec::new();
    let mut current: Option<TreebankSentence> = None;
    let mut multiword: Option<(usize, usize)> = None;
    for (index, line) in content.lines().enumerate() {
        let malformed = |message: &str| EvalError::Malformed {
            file: path.to_owned(),
            line: index + 1,
            message: message.to_owned(),
        };
        if line.is_empty() {
            sentences.extend(current.take());
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            if let Some(text) = comment.trim_start().strip_prefix("text =") {
                current = Some(TreebankSentence { text: text.trim().to_owned(), tokens: Vec::new() });
                multiword = None;
            }
            continue;
        }
        let sentence = current.as_mut().ok_or_else(|| malformed("a token line before any `# text =`"))?;
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.len() != 10 {
            return Err(malformed("expected 10 tab-separated columns"));
        }
        let id = columns[0];
        if id.contains('.') {
            continue;
        }
        if let Some((first, last)) = id.split_once('-') {
            let range =
                (first.parse().map_err(|_| malformed("bad range"))?, last.parse().map_err(|_| malformed("bad range"))?);
            multiword = Some(range);
            sentence.tokens.push(TreebankToken { form: columns[1].to_owned(), words: Vec::new() });
            continue;
        }
        let id: usize = id.parse().map_err(|_| malformed("bad token id"))?;
        let feats = match columns[5] {
            "_" => Vec::new(),
            feats => feats
                .split('|')
                .filter_map(|pair| pair.split_once('='))
                .map(|(name, value)| (name.to_owned(), value.to_owned()))
                .collect(),
        };
        let word = TreebankWord {
            id,
            form: columns[1].to_owned(),
            lemma: columns[2].to_owned(),
            upos: columns[3].to_owned(),
            xpos: columns[4].to_owned(),
            feats,
            head: columns[6].parse().unwrap_or(0),
            deprel: columns[7].to_owned(),
        };
        match multiword {
            Some((first, last)) if (first..=last).contains(&id) => {
                sentence.tokens.last_mut().ok_or_else(|| malformed("multiword token lost"))?.words.push(word);
            }
            _ => {
                multiword = None;
                sentence.tokens.push(TreebankToken { form: word.form.clone(), words: vec![word] });
            }
        }
    }
    sentences.extend(current.take());
    Ok(sentences)
}

/// Whether a sentence is held out from training: every tenth sentence of each file (the
/// 10th, 20th, …), the fixed rule of every evaluation that scores a trained model.
pub fn is_held_out(index: usize) -> bool {
    index % 10 == 9
}
