//! The form → lemma lexicon: a finite-state map from each inflected form to an edit script
//! that turns it into its lemma.
//!
//! File layout (little-endian): magic `LGBLEX1\0`, a 3-byte language code and a zero byte,
//! the number of scripts (u32), each script as `cut` (u8, bytes removed from the end of
//! the form), `len` (u8) and `len` bytes appended, the length of the FST (u64) and the FST
//! itself, then an FNV-1a 64 checksum of everything before it.

use std::collections::HashMap;

use crate::ModelError;
use crate::binary::{Reader, Writer, checksum};
use crate::cache::Identity;
use crate::lemma_rules::LemmaRules;

const MAGIC: &[u8; 8] = b"LGBLEX1\0";

/// How a form becomes its lemma: remove `cut` bytes from its end, then append `append`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Script {
    pub cut: u8,
    pub append: String,
}

impl Script {
    /// The script that turns `form` into `lemma` through their longest common prefix.
    pub fn between(form: &str, lemma: &str) -> Option<Script> {
        let common = form
            .char_indices()
            .zip(lemma.chars())
            .take_while(|((_, a), b)| a == b)
            .last()
            .map_or(0, |((index, character), _)| index + character.len_utf8());
        let cut = u8::try_from(form.len() - common).ok()?;
        let append = &lemma[common..];
        (append.len() <= usize::from(u8::MAX)).then(|| Script { cut, append: append.to_owned() })
    }

    pub fn apply(&self, form: &str) -> Option<String> {
        let keep = form.len().checked_sub(usize::from(self.cut))?;
        let stem = form.get(..keep)?;
        Some(format!("{stem}{}", self.append))
    }
}

/// A loaded lexicon.
pub struct Lexicon {
    scripts: Vec<Script>,
    map: fst::Map<Vec<u8>>,
    /// Which lexicon this is, for the tagger's memo of word forms (`cache.rs`).
    pub(crate) identity: Identity,
    /// The language's rules for verbs the map does not know (`resources/<lang>/lemma_rules.tsv`);
    /// none in a lexicon built from pairs.
    pub(crate) rules: LemmaRules,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} forms, {} scripts)", self.map.len(), self.scripts.len())
    }
}

impl Lexicon {
    /// Builds a lexicon from `(form, lemma)` pairs in any order; a form listed twice keeps
    /// its first lemma.
    pub fn build(pairs: impl IntoIterator<Item = (String, String)>) -> Result<Lexicon, ModelError> {
        let mut entries: Vec<(String, Script)> = Vec::new();
        for (form, lemma) in pairs {
            if let Some(script) = Script::between(&form, &lemma) {
                entries.push((form, script));
            }
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries.dedup_by(|later, earlier| later.0 == earlier.0);
        let mut distinct: Vec<Script> = entries.iter().map(|(_, script)| script.clone()).collect();
        distinct.sort();
        distinct.dedup();
        let ids: HashMap<&Script, u64> = distinct.iter().enumerate().map(|(id, script)| (script, id as u64)).collect();
        let mut builder = fst::MapBuilder::memory();
        for (form, script) in &entries {
            builder.insert(form, ids[script]).map_err(|error| ModelError::build(error.to_string()))?;
        }
        let map = fst::Map::new(builder.into_inner().map_err(|error| ModelError::build(error.to_string()))?)
            .map_err(|error| ModelError::build(error.to_string()))?;
        Ok(Lexicon { scripts: distinct, map, identity: Identity::new(), rules: LemmaRules::default() })
    }

    /// The lemma of `form` if the lexicon lists it.
    pub fn lemma(&self, form: &str) -> Option<String> {
        let id = self.map.get(form)?;
        self.scripts.get(usize::try_from(id).ok()?)?.apply(form)
    }

    /// The script id of `form`, a feature for the tagger (the shape of the form's relation
    /// to its lemma tells much about its part of speech).
    pub fn script_id(&self, form: &str) -> Option<u64> {
        self.map.get(form)
    }

    pub fn script(&self, id: u64) -> Option<&Script> {
        self.scripts.get(usize::try_from(id).ok()?)
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    pub fn to_bytes(&self, lang: &str) -> Vec<u8> {
        let mut writer = Writer::new(MAGIC, lang);
        writer.u32(self.scripts.len() as u32);
        for script in &self.scripts {
            writer.u8(script.cut);
            writer.u8(script.append.len() as u8);
            writer.bytes(script.append.as_bytes());
        }
        let fst = self.map.as_fst().as_bytes();
        writer.u64(fst.len() as u64);
        writer.bytes(fst);
        writer.finish()
    }

    /// Reads a lexicon written by [`Lexicon::to_bytes`]; `file` names it in errors.
    pub fn from_bytes(file: &str, lang: &str, bytes: &[u8]) -> Result<Lexicon, ModelError> {
        let mut reader = Reader::new(file, MAGIC, lang, bytes)?;
        let count = reader.u32()? as usize;
        let mut scripts = Vec::with_capacity(count.min(1 << 20));
        for _ in 0..count {
            let cut = reader.u8()?;
            let len = usize::from(reader.u8()?);
            let append = std::str::from_utf8(reader.bytes(len)?)
                .map_err(|_| reader.corrupt("a lemma script is not UTF-8"))?
                .to_owned();
            scripts.push(Script { cut, append });
        }
        let len = usize::try_from(reader.u64()?).map_err(|_| reader.corrupt("FST length overflows"))?;
        let fst = reader.bytes(len)?.to_vec();
        reader.end()?;
        let map = fst::Map::new(fst).map_err(|error| reader.corrupt(&format!("the FST is unreadable: {error}")))?;
        Ok(Lexicon { scripts, map, identity: Identity::new(), rules: LemmaRules::embedded(lang)? })
    }
}

/// FNV-1a 64 of `bytes`, exposed for tests of corruption handling.
pub fn fnv(bytes: &[u8]) -> u64 {
    checksum(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        let pairs =
            [("traf", "treffen"), ("Waffenlieferungen", "Waffenlieferung"), ("hätten", "haben"), ("went", "go")];
        Lexicon::build(pairs.iter().map(|(form, lemma)| (form.to_string(), lemma.to_string()))).unwrap()
    }

    #[test]
    fn scripts_turn_forms_into_lemmas() {
        let lexicon = lexicon();
        assert_eq!(lexicon.lemma("traf").as_deref(), Some("treffen"));
        assert_eq!(lexicon.lemma("Waffenlieferungen").as_deref(), Some("Waffenlieferung"));
        assert_eq!(lexicon.lemma("hätten").as_deref(), Some("haben"));
        assert_eq!(lexicon.lemma("gone"), None);
    }

    #[test]
    fn a_lexicon_survives_its_file_and_a_corrupt_file_is_named() {
        let bytes = lexicon().to_bytes("de");
        let read = Lexicon::from_bytes("lemmas.bin", "de", &bytes).unwrap();
        assert_eq!(read.lemma("went").as_deref(), Some("go"));
        let mut broken = bytes.clone();
        broken[20] ^= 0xff;
        let error = Lexicon::from_bytes("lemmas.bin", "de", &broken).unwrap_err().to_string();
        assert!(error.starts_with("lemmas.bin: "), "{error}");
        let error = Lexicon::from_bytes("lemmas.bin", "en", &bytes).unwrap_err().to_string();
        assert!(error.contains("is for language de"), "{error}");
        let error = Lexicon::from_bytes("lemmas.bin", "de", &bytes[..30]).unwrap_err().to_string();
        assert!(error.contains("lemmas.bin"), "{error}");
    }
}
