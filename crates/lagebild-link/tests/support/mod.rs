//! Documents with tokens, tags and clauses, as the pipeline makes them before this stage.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use lagebild_doc::{Document, Lang, Meta};
use lagebild_kb::Kb;
use lagebild_morph::Models;
use lagebild_resources::Resources;

pub(crate) struct Loaded {
    pub(crate) kb: Kb,
    pub(crate) resources: Resources,
    pub(crate) models: Models,
}

pub(crate) fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| Loaded {
        kb: Kb::embedded().expect("the knowledge base loads"),
        resources: Resources::embedded().expect("resources load"),
        models: Models::embedded().expect("models load"),
    })
}

/// A document analysed up to clauses, as the pipeline does before the entity stage.
pub(crate) fn document(text: &str, lang: Lang, published: Option<NaiveDate>) -> Document {
    let loaded = loaded();
    let mut meta = Meta::new("test", "-");
    meta.lang = lang;
    meta.published = published;
    let mut doc = Document::new(meta, text.to_owned());
    let (sentences, tokens) = lagebild_segment::segment(doc.text(), lang, loaded.resources.lang(lang).unwrap());
    doc.sentences = sentences;
    doc.tokens = tokens;
    let (tokens, clauses) = lagebild_morph::analyze(&doc, &loaded.models, &loaded.resources);
    doc.tokens = tokens;
    doc.clauses = clauses;
    doc
}

/// `$LAGEBILD_SHARED_DATA`, else `<workspace>/../shared/data`, where it exists.
pub(crate) fn shared_data() -> Option<PathBuf> {
    let dir = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    dir.is_dir().then_some(dir)
}
