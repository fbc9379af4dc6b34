//! Name keys and slugs.

use std::collections::HashMap;
use std::sync::OnceLock;

const FOLD_FILE: &str = include_str!("../../../resources/kb/ascii_fold.tsv");

/// Characters that end or start a word without belonging to a name.
fn is_edge_punctuation(character: char) -> bool {
    matches!(character, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '„' | '«' | '»' | '!' | '?')
}

/// The words of a name as the tokenizer cuts them: split at white space, with punctuation
/// at either end dropped (`Washington, D.C.` → `Washington`, `D.C.`).
pub fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split_whitespace().map(|word| word.trim_matches(is_edge_punctuation)).filter(|word| !word.is_empty())
}

/// The lookup key of a name: its words, lowercase, joined by single spaces.
pub fn key_of(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name_words(name) {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            let start = key.len();
            key.push_str(word);
            key[start..].make_ascii_lowercase();
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    key
}

fn fold_table() -> &'static HashMap<char, &'static str> {
    static TABLE: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        // The file is validated by a test with `parse_table`; a malformed line is skipped here.
        for line in FOLD_FILE.lines().filter(|line| !line.starts_with('#')) {
            if let Some((from, to)) = line.split_once('\t') {
                let mut chars = from.chars();
                if let (Some(character), None) = (chars.next(), chars.next()) {
                    table.insert(character, to);
                }
            }
        }
        table
    })
}

/// The text with Latin letters' diacritics removed (`Élysée` → `Elysee`, `ß` → `ss`), as
/// listed in `resources/kb/ascii_fold.tsv`; other characters are kept.
pub fn fold_ascii(text: &str) -> String {
    let table = fold_table();
    let mut folded = String::with_capacity(text.len());
    for character in text.chars() {
        if character.is_ascii() {
            folded.push(character);
            continue;
        }
        match table.get(&character) {
            Some(replacement) => folded.push_str(replacement),
            None => folded.push(character),
        }
    }
    folded
}

/// The slug of a name in the agreed id scheme: ASCII-folded, lowercase, every run of other
/// characters turned into one `-` (`Sergey Lavrov` → `sergey-lavrov`).
pub fn slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for character in fold_ascii(name).chars() {
        if character.is_ascii_alphanumeric() {
            slug.push(character.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_agreed_scheme() {
        assert_eq!(slug("Sergey Lavrov"), "sergey-lavrov");
        assert_eq!(slug("Élysée Palace"), "elysee-palace");
        assert_eq!(slug("Korean People's Army"), "korean-people-s-army");
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
    }

    #[test]
    fn keys_are_lowercase_words() {
        assert_eq!(key_of("Washington, D.C."), "washington d.c.");
        assert_eq!(key_of("  Weißes   Haus "), "weißes haus");
    }

    #[test]
    fn the_fold_table_is_valid() {
        let table = lagebild_resources::parse_table("resources/kb/ascii_fold.tsv", FOLD_FILE, 2).unwrap();
        assert!(table.rows.iter().all(|row| row.fields[0].chars().count() == 1));
    }
}
