//! The tagger's model files: deterministic training, and clear errors for files that are
//! missing, damaged or made for something else; and tagging that never panics.

use lagebild_morph::train::{Settings, TrainSentence, train};
use lagebild_morph::{Lexicon, ModelError, Models, TaggerModel};

/// A few hand-made sentences: enough to train a (poor) model on.
fn sample() -> (Vec<TrainSentence>, Lexicon) {
    let rows: &[&[(&str, &str, &str, &str)]] = &[
        &[
            ("Lawrow", "PROPN", "", "Lawrow"),
            ("dankte", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", "danken"),
            ("Kim", "PROPN", "", "Kim"),
            (".", "PUNCT", "", "."),
        ],
        &[
            ("Moskau", "PROPN", "", "Moskau"),
            ("sagte", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", "sagen"),
            (",", "PUNCT", "", ","),
            ("Washington", "PROPN", "", "Washington"),
            ("habe", "VERB", "Mood=Sub|Tense=Pres|VerbForm=Fin", "haben"),
            ("keine", "DET", "Case=Acc|PronType=Neg", "kein"),
            ("Beweise", "NOUN", "Case=Acc|Number=Plur", "Beweis"),
            (".", "PUNCT", "", "."),
        ],
        &[
            ("Er", "PRON", "Case=Nom|PronType=Prs", "er"),
            ("traf", "VERB", "Mood=Ind|Tense=Past|VerbForm=Fin", "treffen"),
            ("am", "ADP", "", "an"),
            ("Mittwoch", "NOUN", "Case=Dat|Number=Sing", "Mittwoch"),
            ("ein", "ADP.prt", "", "ein"),
            (".", "PUNCT", "", "."),
        ],
    ];
    let sentences = rows
        .iter()
        .map(|row| TrainSentence {
            forms: row.iter().map(|(form, ..)| (*form).to_owned()).collect(),
            labels: row.iter().map(|(_, label, ..)| (*label).to_owned()).collect(),
            features: row
                .iter()
                .map(|(_, _, feats, _)| {
                    feats
                        .split('|')
                        .filter_map(|pair| pair.split_once('='))
                        .map(|(name, value)| (name.to_owned(), value.to_owned()))
                        .collect()
                })
                .collect(),
            lemmas: row.iter().map(|(.., lemma)| (*lemma).to_owned()).collect(),
        })
        .collect();
    let pairs =
        [("dankte", "danken"), ("sagte", "sagen"), ("habe", "haben"), ("traf", "treffen"), ("Beweise", "Beweis")];
    let lexicon = Lexicon::build(pairs.iter().map(|(form, lemma)| (form.to_string(), lemma.to_string()))).unwrap();
    (sentences, lexicon)
}

fn small() -> Settings {
    Settings { epochs: 5, pos_bits: 10, morph_bits: 10, ..Settings::default() }
}

#[test]
fn training_twice_gives_the_same_bytes() {
    let (sentences, lexicon) = sample();
    let first = train("de", &sentences, &lexicon, &small()).to_bytes();
    let second = train("de", &sentences, &lexicon, &small()).to_bytes();
    assert_eq!(first, second);
    let model = TaggerModel::from_bytes("tagger.bin", "de", &first).unwrap();
    let tagged = model.tag(&["Moskau", "sagte", ",", "Washington", "habe", "keine", "Beweise", "."], &lexicon);
    assert_eq!(model.upos(tagged[1].pos), "VERB");
    assert_eq!(tagged[1].lemma, "sagen");
}

#[test]
fn damaged_or_mismatched_model_files_are_refused_by_name() {
    let (sentences, lexicon) = sample();
    let bytes = train("de", &sentences, &lexicon, &small()).to_bytes();
    let mut damaged = bytes.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x55;
    let error = TaggerModel::from_bytes("models/de/tagger.bin", "de", &damaged).unwrap_err();
    assert!(matches!(error, ModelError::Corrupt { .. }));
    assert!(error.to_string().starts_with("models/de/tagger.bin: corrupt model file: the checksum"), "{error}");
    let error = TaggerModel::from_bytes("models/de/tagger.bin", "de", &bytes[..bytes.len() - 100]).unwrap_err();
    assert!(error.to_string().starts_with("models/de/tagger.bin: corrupt"), "{error}");
    let error = TaggerModel::from_bytes("models/en/tagger.bin", "en", &bytes).unwrap_err();
    assert_eq!(error.to_string(), "models/en/tagger.bin: model file does not fit: it is for language de, not en");
    let error = TaggerModel::from_bytes("lemmas.bin", "de", &lexicon.to_bytes("de")).unwrap_err();
    assert!(error.to_string().contains("not a LGBTAG1 file"), "{error}");
    let missing = std::env::temp_dir().join(format!("lagebild-no-models-{}", std::process::id()));
    let error = Models::from_dir(&missing).unwrap_err().to_string();
    assert!(error.contains("tagger.bin: cannot read"), "{error}");
}

#[test]
fn the_embedded_models_load() {
    let start = std::time::Instant::now();
    let models = Models::embedded().unwrap();
    eprintln!("embedded models loaded in {:?}", start.elapsed());
    for lang in [lagebild_doc::Lang::De, lagebild_doc::Lang::En] {
        let model = models.get(lang).unwrap();
        assert!(model.lexicon.len() > 100_000);
        assert!(model.tagger.pos_labels.iter().any(|label| label == "VERB"));
    }
}

#[test]
fn tagging_arbitrary_tokens_never_panics() {
    let models = Models::embedded().unwrap();
    let model = models.get(lagebild_doc::Lang::De).unwrap();
    // A deterministic stream of odd tokens: empty strings, control characters, scripts,
    // very long words, lone combining marks.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let pieces = ["", " ", "\u{0}", "ß", "İ", "ﬃ", "\u{301}", "😀", "𝔘", "-", ".", "Straße", "NATO", "3,5", "ǅ"];
    for _ in 0..300 {
        let mut tokens = Vec::new();
        for _ in 0..(state % 12) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let piece = pieces[(state % pieces.len() as u64) as usize];
            tokens.push(piece.repeat(1 + (state >> 20) as usize % 40));
        }
        let forms: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let tagged = model.tagger.tag(&forms, &model.lexicon);
        assert_eq!(tagged.len(), forms.len());
    }
}
