//! `cargo xtask build-lexicon`, `cargo xtask train morph` and `cargo xtask eval morph`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use lagebild_doc::Lang;
use lagebild_eval::morph::{MorphScores, evaluate, read_split};
use lagebild_morph::Lexicon;
use lagebild_morph::train::{Settings, train};

pub(crate) fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The commit the working tree is at, for a model's record (empty where git cannot say).
pub(crate) fn head_commit() -> String {
    std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(workspace_root())
        .output()
        .ok()
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|commit| commit.trim().to_owned())
        .unwrap_or_default()
}

pub(crate) fn data_dir() -> anyhow::Result<PathBuf> {
    lagebild_eval::shared_data_dir().context("../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)")
}

pub(crate) fn langs(lang: Option<&str>) -> anyhow::Result<Vec<Lang>> {
    match lang {
        None => Ok(vec![Lang::De, Lang::En]),
        Some(code) => Ok(vec![Lang::from_code(code).with_context(|| format!("unknown language {code:?}"))?]),
    }
}

/// Builds `models/<lang>/lemmas.bin` from the simplemma tables (MIT) in ../shared/data/lexicon.
pub(crate) fn build_lexicon(lang: Option<&str>) -> anyhow::Result<()> {
    let data = data_dir()?;
    for lang in langs(lang)? {
        let code = lang.code();
        let dir = data.join("lexicon/simplemma");
        let mut parts: Vec<PathBuf> = std::fs::read_dir(&dir)
            .with_context(|| format!("reading {}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.file_name().is_some_and(|name| name.to_string_lossy().starts_with(&format!("{code}-"))))
            .collect();
        parts.sort();
        if parts.is_empty() {
            bail!("no simplemma tables for {code} in {}", dir.display());
        }
        let mut pairs = Vec::new();
        for part in &parts {
            let file = std::fs::File::open(part).with_context(|| format!("opening {}", part.display()))?;
            for line in BufReader::new(flate2::read::GzDecoder::new(file)).lines() {
                let line = line.with_context(|| format!("reading {}", part.display()))?;
                if let Some((form, lemma)) = line.split_once('\t') {
                    pairs.push((form.to_owned(), lemma.to_owned()));
                }
            }
        }
        let count = pairs.len();
        let lexicon = Lexicon::build(pairs)?;
        let bytes = lexicon.to_bytes(code);
        let out = workspace_root().join(format!("models/{code}/lemmas.bin"));
        std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
        println!("{code}: {count} pairs → {} forms, {} bytes in {}", lexicon.len(), bytes.len(), out.display());
    }
    Ok(())
}

fn load_lexicon(code: &str) -> anyhow::Result<Lexicon> {
    let path = workspace_root().join(format!("models/{code}/lemmas.bin"));
    let bytes = std::fs::read(&path)
        .with_context(|| format!("reading {} (run `cargo xtask build-lexicon`)", path.display()))?;
    Ok(Lexicon::from_bytes(&path.display().to_string(), code, &bytes)?)
}

/// Trains `models/<lang>/tagger.bin` on the UD files, holding out every tenth sentence, and
/// writes `tagger.json` with the data, settings, held-out scores and commit.
pub(crate) fn train_morph(lang: Option<&str>, epochs: Option<usize>) -> anyhow::Result<()> {
    let data = data_dir()?;
    for lang in langs(lang)? {
        let code = lang.code();
        let lexicon = load_lexicon(code)?;
        let split = read_split(&data, lang)?;
        let settings = Settings { epochs: epochs.unwrap_or(Settings::default().epochs), ..Settings::default() };
        let start = Instant::now();
        let model = train(code, &split.train, &lexicon, &settings);
        let seconds = start.elapsed().as_secs_f64();
        let bytes = model.to_bytes();
        let out = workspace_root().join(format!("models/{code}/tagger.bin"));
        std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
        let scores = evaluate(&model, &lexicon, &split.held_out);
        print_scores(code, &scores);
        let tokens: usize = split.train.iter().map(|sentence| sentence.forms.len()).sum();
        let record = serde_record(
            code,
            &settings,
            split.train.len(),
            tokens,
            split.held_out.len(),
            &scores,
            seconds,
            bytes.len(),
        );
        let record_path = workspace_root().join(format!("models/{code}/tagger.json"));
        std::fs::write(&record_path, record).with_context(|| format!("writing {}", record_path.display()))?;
        println!("{code}: trained in {seconds:.1} s; {} bytes in {}", bytes.len(), out.display());
    }
    Ok(())
}

/// Scores the committed models on the held-out sentences.
pub(crate) fn eval_morph(lang: Option<&str>) -> anyhow::Result<()> {
    let data = data_dir()?;
    let models = lagebild_morph::Models::from_dir(&workspace_root().join("models"))?;
    for lang in langs(lang)? {
        let split = read_split(&data, lang)?;
        let model = models.get(lang).context("an analysed language")?;
        let scores = evaluate(&model.tagger, &model.lexicon, &split.held_out);
        print_scores(lang.code(), &scores);
    }
    Ok(())
}

fn print_scores(code: &str, scores: &MorphScores) {
    println!("{code}: held-out sentences (every tenth of each UD file)");
    println!("  part of speech      {}", scores.pos);
    println!("  lemma               {}", scores.lemma);
    println!("  mood (finite verbs) {}", scores.mood);
    println!("  subjunctive recall  {}", scores.subjunctive_recall);
    println!("  subjunctive prec.   {}", scores.subjunctive_precision);
    for (name, accuracy) in &scores.features {
        println!("  {name:<19} {accuracy}");
    }
    let mut confusions: Vec<_> = scores.confusions.iter().collect();
    confusions.sort_by_key(|(pair, count)| (std::cmp::Reverse(**count), *pair));
    let shown: Vec<String> =
        confusions.iter().take(8).map(|((gold, predicted), count)| format!("{gold}→{predicted} {count}")).collect();
    println!("  most confused       {}", shown.join(", "));
}

#[allow(clippy::too_many_arguments)] // One flat record of one training run.
fn serde_record(
    code: &str,
    settings: &Settings,
    sentences: usize,
    tokens: usize,
    held_out: usize,
    scores: &MorphScores,
    seconds: f64,
    bytes: usize,
) -> String {
    let commit = head_commit();
    let features: Vec<String> =
        scores.features.iter().map(|(name, accuracy)| format!("    \"{name}\": {:.4}", accuracy.value())).collect();
    format!(
        "{{\n  \"model\": \"models/{code}/tagger.bin\",\n  \"bytes\": {bytes},\n  \"trained_by\": \"cargo xtask train morph --lang {code}\",\n  \"commit\": \"{commit}\",\n  \"data\": {{\n    \"treebanks\": \"../shared/data/ud/{code}/*.conllu (every file; every tenth sentence held out)\",\n    \"licence\": \"CC BY-SA 4.0 (Universal Dependencies German GSD / English EWT)\",\n    \"lexicon\": \"models/{code}/lemmas.bin, from ../shared/data/lexicon/simplemma (MIT)\",\n    \"training_sentences\": {sentences},\n    \"training_tokens\": {tokens},\n    \"held_out_sentences\": {held_out}\n  }},\n  \"settings\": {{ \"epochs\": {}, \"pos_bits\": {}, \"morph_bits\": {}, \"seed\": {} }},\n  \"seconds\": {seconds:.1},\n  \"held_out_scores\": {{\n    \"pos\": {:.4},\n    \"lemma\": {:.4},\n    \"mood_finite\": {:.4},\n    \"subjunctive_recall\": {:.4},\n    \"subjunctive_precision\": {:.4},\n{}\n  }}\n}}\n",
        settings.epochs,
        settings.pos_bits,
        settings.morph_bits,
        settings.seed,
        scores.pos.value(),
        scores.lemma.value(),
        scores.mood.value(),
        scores.subjunctive_recall.value(),
        scores.subjunctive_precision.value(),
        features.join(",\n")
    )
}
