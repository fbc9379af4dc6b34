//! The document model of lagebild: an immutable text plus stand-off annotation layers.
//!
//! A [`Document`] owns its `text`, which never changes after ingest. Every annotation
//! (sentences, tokens, entities, times, quantities, claims, events) is a record in its own
//! layer that points into the text by a [`TextRange`] of UTF-8 byte offsets. Records refer
//! to each other by typed ids ([`EntityId`], [`TimeId`], ...), which are indices into their
//! layer. Nothing here does IO or serialisation: the JSON contract with its character
//! offsets lives in `lagebild-format`.
//!
//! ```
//! use lagebild_doc::{Document, Lang, Meta, Sentence, TextRange};
//!
//! let mut doc = Document::new(Meta::new("d1", "-"), "Kim reiste ab. Putin blieb.".to_owned());
//! doc.meta.lang = Lang::De;
//! doc.sentences.push(Sentence { range: TextRange::new(0, 14) });
//! assert_eq!(doc.slice(doc.sentences[0].range), "Kim reiste ab.");
//! assert!(doc.check_invariants().is_ok());
//! ```

mod layers;
mod range;
mod validate;

pub use layers::*;
pub use range::TextRange;
pub use validate::InvariantError;

use chrono::{NaiveDate, NaiveTime};

/// The language a document is analysed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    De,
    En,
    /// Undetermined or unsupported: the document is reported but not analysed.
    #[default]
    Und,
}

impl Lang {
    /// The ISO 639-1 code, or `und`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Und => "und",
        }
    }

    /// Parses `de` or `en` (any case); anything else is not a language lagebild analyses.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "de" | "deu" | "ger" => Some(Lang::De),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Everything about a document that is not an annotation of its text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// From the input, else a prefix of the text's content hash.
    pub id: String,
    /// Where the text came from: a path (with `:line` for JSON Lines), a URL, or `-`.
    pub source: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The local time of day of publication, where the input gives one (a feed's or page's
    /// timestamp): `vor zwei Stunden` counts from it.
    pub published_time: Option<NaiveTime>,
    /// The language the document was analysed in, [`Lang::Und`] when it was not analysed.
    pub lang: Lang,
    /// The detector's ISO 639-1 code (639-3 where none exists) when it was confident, else `None`.
    pub lang_detected: Option<String>,
}

impl Meta {
    pub fn new(id: impl Into<String>, source: impl Into<String>) -> Meta {
        Meta { id: id.into(), source: source.into(), ..Meta::default() }
    }
}

/// A text with its annotation layers. Layers are filled by the pipeline's stages in order;
/// a layer that no stage filled is empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    pub meta: Meta,
    text: String,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Clauses of every sentence (internal: not in the JSON record).
    pub clauses: Vec<Clause>,
    pub entities: Vec<Entity>,
    pub times: Vec<Time>,
    pub quantities: Vec<Quantity>,
    pub claims: Vec<Claim>,
    pub events: Vec<Event>,
}

/// The lowercase forms of a document's tokens, in one buffer: `lower[i]` is token `i`.
#[derive(Debug, Clone, Default)]
pub struct LowerTokens {
    text: String,
    /// Where each token's form ends in `text`; it starts where the previous one ends.
    ends: Vec<u32>,
}

impl LowerTokens {
    /// The lowercase forms of `forms`, in one buffer.
    pub fn of<'a>(forms: impl IntoIterator<Item = &'a str>) -> LowerTokens {
        LowerTokens::with_capacity(forms, 0)
    }

    /// The lowercase forms of `forms`, with room for `bytes` bytes of them.
    fn with_capacity<'a>(forms: impl IntoIterator<Item = &'a str>, bytes: usize) -> LowerTokens {
        let forms = forms.into_iter();
        let mut lower =
            LowerTokens { text: String::with_capacity(bytes), ends: Vec::with_capacity(forms.size_hint().0) };
        for form in forms {
            let start = lower.text.len();
            lower.text.push_str(form);
            if form.is_ascii() {
                lower.text[start..].make_ascii_lowercase();
            } else if form.chars().any(char::is_uppercase) {
                lower.text.truncate(start);
                // `str::to_lowercase` knows the context of a final sigma, which `char` does not.
                lower.text.push_str(&form.to_lowercase());
            }
            lower.ends.push(lower.text.len() as u32);
        }
        lower
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl std::ops::Index<usize> for LowerTokens {
    type Output = str;

    #[inline]
    fn index(&self, token: usize) -> &str {
        let start = if token == 0 { 0 } else { self.ends[token - 1] as usize };
        &self.text[start..self.ends[token] as usize]
    }
}

impl Document {
    /// The lowercase forms of the tokens, made once for stages that compare words.
    pub fn lowercase_tokens(&self) -> LowerTokens {
        // Lowercase forms are about as long as the text's, which holds the spaces too.
        LowerTokens::with_capacity(self.tokens.iter().map(|token| self.slice(token.range)), self.text.len())
    }

    /// Token `token`'s lemma in lowercase, else its lowercase form (from `lower`, this
    /// document's [`Document::lowercase_tokens`]). Borrowed where it can be: a lemma with no
    /// capital as it is, and one that only differs from the start of the lowercase form by its
    /// capitals (`Bericht` of `Berichts`) as that start; a copy is made only otherwise.
    pub fn lowercase_lemma<'a>(&'a self, lower: &'a LowerTokens, token: usize) -> std::borrow::Cow<'a, str> {
        use std::borrow::Cow;
        match self.tokens[token].lemma() {
            Some(lemma)
                if lemma.bytes().any(|b| b.is_ascii_uppercase())
                    || !lemma.is_ascii() && lemma.chars().any(char::is_uppercase) =>
            {
                match lower[token].get(..lemma.len()) {
                    Some(start) if lemma.is_ascii() && start.eq_ignore_ascii_case(lemma) => Cow::Borrowed(start),
                    _ => Cow::Owned(lemma.to_lowercase()),
                }
            }
            Some(lemma) => Cow::Borrowed(lemma),
            None => Cow::Borrowed(&lower[token]),
        }
    }

    /// The index of the token whose range is exactly `range`, if one is.
    pub fn token_at(&self, range: TextRange) -> Option<usize> {
        let index = self.tokens.partition_point(|token| token.range.start() < range.start());
        self.tokens.get(index).is_some_and(|token| token.range == range).then_some(index)
    }

    /// For each sentence, the indices of the tokens that lie inside it.
    pub fn sentence_tokens(&self) -> Vec<std::ops::Range<usize>> {
        let mut ranges = Vec::with_capacity(self.sentences.len());
        let mut next = 0;
        for sentence in &self.sentences {
            while next < self.tokens.len() && self.tokens[next].range.start() < sentence.range.start() {
                next += 1;
            }
            let first = next;
            while next < self.tokens.len() && self.tokens[next].range.end() <= sentence.range.end() {
                next += 1;
            }
            ranges.push(first..next);
        }
        ranges
    }

    /// For each token, the index of the sentence it lies in, or of the one before where it
    /// lies between sentences.
    pub fn token_sentences(&self) -> Vec<u32> {
        let mut sentences = vec![0; self.tokens.len()];
        let starts: Vec<usize> = self.sentence_tokens().into_iter().map(|range| range.start).collect();
        for (index, &start) in starts.iter().enumerate() {
            let end = starts.get(index + 1).copied().unwrap_or(self.tokens.len());
            for slot in &mut sentences[start..end.max(start)] {
                *slot = index as u32;
            }
        }
        sentences
    }

    /// For each token, the index of the clause it belongs to, if any.
    pub fn token_clauses(&self) -> Vec<Option<u32>> {
        let mut clauses = vec![None; self.tokens.len()];
        for (index, clause) in self.clauses.iter().enumerate() {
            for &token in &clause.tokens {
                if let Some(slot) = clauses.get_mut(token as usize) {
                    *slot = Some(index as u32);
                }
            }
        }
        clauses
    }

    /// The time expression that dates clause `clause` of [`Document::clauses`]: a date or time
    /// inside the clause, else the nearest one of the clauses it is embedded in. Durations,
    /// sets and vague references (`PAST_REF`) date nothing. Reads the `times` layer.
    pub fn date_of_clause(&self, clause: usize) -> Option<TimeId> {
        let mut current = self.clauses.get(clause)?;
        // Bounded by the number of clauses, so a cycle of parents cannot loop.
        for _ in 0..=self.clauses.len() {
            let inside = |time: &Time| {
                current.tokens.iter().any(|&t| {
                    self.tokens.get(t as usize).is_some_and(|token| {
                        token.range.start() >= time.range.start() && token.range.end() <= time.range.end()
                    })
                })
            };
            let found = self.times.iter().position(|time| {
                matches!(time.time_type, TimeType::Date | TimeType::Time)
                    && !time.value.ends_with("_REF")
                    && inside(time)
            });
            if let Some(index) = found {
                return Some(TimeId(index as u32));
            }
            current = self.clauses.get(current.parent? as usize)?;
        }
        None
    }

    /// The dateline of a wire report: the place names that open one of the first three
    /// sentences before a dash standing alone (`Kabul – Nach einem …`, `Athen/Skopje –`, `Tel
    /// Aviv –`, `Wien (APA) –`), without the dash. Every word before the dash starts with a
    /// capital, so a headline (`Agenturgründern gelingt Marketing-Stunt – …`) is none. Reads
    /// the `sentences` and `tokens` layers; which words are places is for the caller to ask.
    pub fn dateline(&self) -> Option<TextRange> {
        /// The most words before the dash.
        const WORDS: usize = 6;
        for tokens in self.sentence_tokens().into_iter().take(3) {
            let tokens = &self.tokens[tokens];
            let Some(dash) = tokens.iter().take(WORDS + 1).position(|token| {
                matches!(self.slice(token.range), "–" | "—" | "-")
                    && self.text[..token.range.start() as usize].ends_with(char::is_whitespace)
            }) else {
                continue;
            };
            let names = &tokens[..dash];
            let capitalised = |token: &Token| {
                let form = self.slice(token.range);
                matches!(form, "/" | "(" | ")") || form.starts_with(char::is_uppercase)
            };
            if let (Some(first), Some(last)) = (names.first(), names.last())
                && names.iter().all(capitalised)
            {
                return Some(first.range.cover(last.range));
            }
        }
        None
    }

    /// A document with empty layers. Ranges use `u32` offsets, so texts over 4 GiB are cut by
    /// the reader before they get here.
    pub fn new(meta: Meta, text: String) -> Document {
        assert!(u32::try_from(text.len()).is_ok(), "document text over 4 GiB");
        Document { meta, text, ..Document::default() }
    }

    /// The text, which never changes after the document was made.
    #[inline]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The words a range points at. Panics if the range is not inside the text on char
    /// boundaries, which [`Document::check_invariants`] rules out for every stored range.
    #[inline]
    pub fn slice(&self, range: TextRange) -> &str {
        &self.text[range.start() as usize..range.end() as usize]
    }
}

#[cfg(test)]
mod index_tests {
    use super::*;

    #[test]
    fn token_indexes_follow_sentences_and_clauses() {
        let mut doc = Document::new(Meta::new("d", "-"), "Über Moskau. Kim reiste.".to_owned());
        for (start, end) in [(0, 5), (6, 12), (12, 13), (14, 17), (18, 24), (24, 25)] {
            doc.tokens.push(Token { range: TextRange::new(start, end), ..Token::default() });
        }
        doc.sentences = vec![Sentence { range: TextRange::new(0, 13) }, Sentence { range: TextRange::new(14, 25) }];
        doc.clauses.push(Clause {
            sentence: 1,
            kind: ClauseKind::Main,
            tokens: vec![3, 4, 5],
            introducer: None,
            verb: Some(4),
            verb_tokens: vec![4],
            lemma: None,
            arguments: Vec::new(),
            passive: false,
            parent: None,
        });
        let lower = doc.lowercase_tokens();
        assert_eq!((&lower[0], &lower[1], &lower[3], lower.len()), ("über", "moskau", "kim", 6));
        assert_eq!(doc.sentence_tokens(), vec![0..3, 3..6]);
        assert_eq!(doc.token_sentences(), vec![0, 0, 0, 1, 1, 1]);
        assert_eq!(doc.token_clauses(), vec![None, None, None, Some(0), Some(0), Some(0)]);
    }

    /// A document of one-line sentences whose tokens are split at spaces.
    fn spaced(lines: &[&str]) -> Document {
        let mut doc = Document::new(Meta::new("d", "-"), lines.join(" "));
        let mut start = 0u32;
        for line in lines {
            doc.sentences.push(Sentence { range: TextRange::new(start, start + line.len() as u32) });
            let mut at = start;
            for word in line.split(' ') {
                doc.tokens.push(Token { range: TextRange::new(at, at + word.len() as u32), ..Token::default() });
                at += word.len() as u32 + 1;
            }
            start += line.len() as u32 + 1;
        }
        doc
    }

    #[test]
    fn a_dateline_is_capitalised_words_before_a_dash_that_opens_an_early_sentence() {
        let line = |lines: &[&str]| {
            let doc = spaced(lines);
            doc.dateline().map(|range| doc.slice(range).to_owned())
        };
        assert_eq!(line(&["Titel zum Tag .", "Tel Aviv – Forscher sagen etwas ."]).as_deref(), Some("Tel Aviv"));
        assert_eq!(line(&["Athen / Skopje - Die Länder reagieren ."]).as_deref(), Some("Athen / Skopje"));
        assert_eq!(line(&["Agenturgründern gelingt Stunt – Kontroverse App ."]), None);
        assert_eq!(line(&["– Kein Ort ."]), None);
        assert_eq!(line(&["Eins .", "Zwei .", "Drei .", "Wien – Zu spät ."]), None);
    }
}
