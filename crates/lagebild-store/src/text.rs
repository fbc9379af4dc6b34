//! Words and stems for full-text search.
//!
//! A word is a run of letters and digits, lowercased. The full-text index holds the Snowball
//! stem of each word in the document's language (German or English), or the word itself for
//! other languages. A query is stemmed both ways, so `Sanktionen` finds German documents
//! (`sanktion`) and `sanctions` English ones (`sanction`) without naming a language.

use frostem::{Algorithm, Stemmer};

use crate::StoreError;

/// The longest search query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;
/// The most words and phrases a query may have.
const MAX_QUERY_TERMS: usize = 32;

/// The words of a text, lowercased, with their byte ranges.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, usize, String)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if c.is_alphanumeric() {
                break;
            }
            chars.next();
        }
        let &(start, _) = chars.peek()?;
        let mut end = start;
        let mut word = String::new();
        while let Some(&(index, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            word.extend(c.to_lowercase());
            end = index + c.len_utf8();
            chars.next();
        }
        Some((start, end, word))
    })
}

/// The stemmer of a language code, if lagebild stems it.
pub(crate) fn stemmer(lang: &str) -> Option<Stemmer> {
    match lang {
        "de" => Some(Stemmer::new(Algorithm::German)),
        "en" => Some(Stemmer::new(Algorithm::English)),
        _ => None,
    }
}

/// The indexed form of a text: its stems (or words), separated by spaces.
pub(crate) fn index_terms(text: &str, stemmer: Option<&Stemmer>) -> String {
    let mut out = String::with_capacity(text.len());
    for (_, _, word) in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        match stemmer {
            Some(stemmer) => out.push_str(&stemmer.stem(&word)),
            None => out.push_str(&word),
        }
    }
    out
}

/// A parsed search query: the FTS5 expression, and every stem it looks for (for snippets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Query {
    pub(crate) fts: String,
    pub(crate) stems: Vec<String>,
}

/// Turns a user's query into an FTS5 expression over stems. Words are all required; text in
/// double quotes is a phrase; a word ending in `*` is a prefix (not stemmed). Nothing of the
/// user's text reaches FTS5 other than letters and digits inside double quotes.
pub(crate) fn parse_query(query: &str) -> Result<Query, StoreError> {
    if query.chars().count() > MAX_QUERY_CHARS {
        return Err(StoreError::invalid(format!("the search query is longer than {MAX_QUERY_CHARS} characters")));
    }
    let stemmers = [Stemmer::new(Algorithm::German), Stemmer::new(Algorithm::English)];
    let mut groups = Vec::new();
    let mut stems = Vec::new();
    for (index, piece) in query.split('"').enumerate() {
        let phrase = index % 2 == 1;
        if phrase {
            let words: Vec<String> = words(piece).map(|(_, _, word)| word).collect();
            if words.is_empty() {
                continue;
            }
            let mut variants: Vec<String> = stemmers
                .iter()
                .map(|stemmer| {
                    let stemmed: Vec<String> = words.iter().map(|word| stemmer.stem(word).into_owned()).collect();
                    stems.extend(stemmed.iter().cloned());
                    format!("\"{}\"", stemmed.join(" "))
                })
                .collect();
            variants.dedup();
            groups.push(format!("({})", variants.join(" OR ")));
            continue;
        }
        for token in piece.split_whitespace() {
            let prefix = token.ends_with('*');
            let token_words: Vec<String> = words(token).map(|(_, _, word)| word).collect();
            for (position, word) in token_words.iter().enumerate() {
                if prefix && position + 1 == token_words.len() {
                    stems.push(word.clone());
                    groups.push(format!("\"{word}\"*"));
                    continue;
                }
                let mut variants: Vec<String> =
                    stemmers.iter().map(|stemmer| stemmer.stem(word).into_owned()).collect();
                variants.dedup();
                stems.extend(variants.iter().cloned());
                let quoted: Vec<String> = variants.iter().map(|stem| format!("\"{stem}\"")).collect();
                groups.push(format!("({})", quoted.join(" OR ")));
            }
        }
    }
    if groups.is_empty() {
        return Err(StoreError::invalid("the search query has no words"));
    }
    if groups.len() > MAX_QUERY_TERMS {
        return Err(StoreError::invalid(format!("the search query has more than {MAX_QUERY_TERMS} words")));
    }
    stems.sort();
    stems.dedup();
    Ok(Query { fts: groups.join(" AND "), stems })
}

/// The first sentence of a text that holds a stem of the query (else the first sentence),
/// cut to about `max` characters around the first hit. `sentences` are byte ranges.
pub(crate) fn snippet(text: &str, sentences: &[(usize, usize)], lang: &str, stems: &[String], max: usize) -> String {
    let stemmer = stemmer(lang);
    let hit = words(text).find(|(_, _, word)| {
        let stem = match &stemmer {
            Some(stemmer) => stemmer.stem(word).into_owned(),
            None => word.clone(),
        };
        stems.iter().any(|query| stem == *query || (word.starts_with(query.as_str()) && !query.is_empty()))
    });
    let (start, end) = match hit {
        Some((hit_start, _, _)) => sentences
            .iter()
            .copied()
            .find(|&(start, end)| start <= hit_start && hit_start < end)
            .unwrap_or((hit_start, text.len())),
        None => sentences.first().copied().unwrap_or((0, text.len())),
    };
    let sentence = &text[start..end];
    if sentence.chars().count() <= max {
        return sentence.to_owned();
    }
    // Centre the cut on the hit.
    let offset = hit.map_or(0, |(hit_start, _, _)| hit_start.saturating_sub(start));
    let before = sentence[..offset].chars().count();
    let skip = before.saturating_sub(max / 3);
    let cut: String = sentence.chars().skip(skip).take(max).collect();
    let mut out = String::new();
    if skip > 0 {
        out.push('…');
    }
    out.push_str(&cut);
    if skip + max < sentence.chars().count() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_of_letters_and_digits_lowercased() {
        let words: Vec<_> = words("Kreml-Sprecher: „Größer“ 2024!").collect();
        assert_eq!(
            words,
            [
                (0, 5, "kreml".to_owned()),
                (6, 14, "sprecher".to_owned()),
                (19, 27, "größer".to_owned()),
                (31, 35, "2024".to_owned())
            ]
        );
    }

    #[test]
    fn german_and_english_are_stemmed() {
        assert_eq!(index_terms("Die Sanktionen wurden verhängt", stemmer("de").as_ref()), "die sanktion wurd verhangt");
        assert_eq!(index_terms("Sanctions were imposed", stemmer("en").as_ref()), "sanction were impos");
        assert_eq!(index_terms("Les Sanctions", stemmer("und").as_ref()), "les sanctions");
    }

    #[test]
    fn queries_become_fts_expressions_of_quoted_stems() {
        let query = parse_query("Sanktionen \"Russland verhängt\" sanc*").unwrap();
        assert_eq!(
            query.fts,
            "(\"sanktion\" OR \"sanktionen\") AND (\"russland verhangt\" OR \"russland verhängt\") AND \"sanc\"*"
        );
        // Operators and syntax of FTS5 are words like any other, or dropped.
        let hostile = parse_query("x' OR 1=1; DROP TABLE documents; -- NEAR(a b) ^c").unwrap();
        assert!(!hostile.fts.contains('\''));
        assert!(hostile.fts.contains("(\"or\")"));
        assert!(parse_query("  ,;: \"\" ").is_err());
        assert!(parse_query(&"a ".repeat(40)).is_err());
        assert!(parse_query(&"a".repeat(501)).is_err());
    }

    #[test]
    fn a_snippet_is_the_sentence_of_the_first_hit() {
        let text = "Erster Satz. Die Sanktionen greifen. Dritter Satz.";
        let sentences = [(0, 12), (13, 36), (37, 50)];
        let stems = parse_query("Sanktion").unwrap().stems;
        assert_eq!(snippet(text, &sentences, "de", &stems, 100), "Die Sanktionen greifen.");
        assert_eq!(snippet(text, &sentences, "de", &["nichts".into()], 100), "Erster Satz.");
        assert_eq!(snippet(text, &sentences, "de", &stems, 10), "…ie Sanktio…");
    }
}
