//! Evaluations of lagebild's stages against the gold data in `../shared/data`.
//!
//! Each evaluation reads a gold format, runs the stage, and scores predicted against gold
//! spans with precision, recall and F1 ([`Score`]). The data is never copied into the
//! repository: evaluations read it at run time from [`shared_data_dir`], and callers skip
//! with a message where it is absent. `cargo xtask eval` prints the figures; tests assert
//! the floors the issues set.

pub mod attribution;
pub mod clauses;
mod conllu;
pub mod events;
pub mod linking;
pub mod morph;
pub mod ner;
mod score;
pub mod segmentation;
pub mod time;

use std::path::PathBuf;

pub use conllu::{
    GoldText, Layout, TreebankSentence, TreebankToken, TreebankWord, is_held_out, read_conllu, read_treebank,
};
pub use score::Score;

/// An unreadable or malformed gold file.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{file}: cannot read: {source}")]
    Io { file: PathBuf, source: std::io::Error },
    #[error("{file}:{line}: {message}")]
    Malformed { file: PathBuf, line: usize, message: String },
}

/// The texts of a corpus of JSON lines (`{"id": …, "text": …}`, as 10kGNAD's file in
/// `../shared/data`), by id.
pub fn corpus_texts(path: &std::path::Path) -> Result<std::collections::HashMap<String, String>, EvalError> {
    let lines = std::fs::read_to_string(path).map_err(|source| EvalError::Io { file: path.to_owned(), source })?;
    let mut texts = std::collections::HashMap::new();
    for (index, line) in lines.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|error| EvalError::Malformed {
            file: path.to_owned(),
            line: index + 1,
            message: error.to_string(),
        })?;
        if let (Some(id), Some(text)) = (value["id"].as_str(), value["text"].as_str()) {
            texts.insert(id.to_owned(), text.to_owned());
        }
    }
    Ok(texts)
}

/// `../shared/data` beside the workspace root (or `$LAGEBILD_SHARED_DATA`), if it exists.
pub fn shared_data_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("LAGEBILD_SHARED_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    dir.is_dir().then_some(dir)
}
