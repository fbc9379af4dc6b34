//! The floors that the foundation issue sets for segmentation, on the UD files in
//! ../shared/data/ud (layout `Lines`: see `Layout`). Skips with a message where the data is absent.

use lagebild_eval::Layout;
use lagebild_eval::segmentation::{evaluate_file, ud_files};

#[test]
fn segmentation_meets_its_floors_on_universal_dependencies() {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent, so the UD floors were not checked");
        return;
    };
    let resources = lagebild_resources::Resources::embedded().unwrap();
    let files = ud_files(&data);
    assert!(files.len() >= 2, "expected UD files for German and English under {}", data.display());
    for (lang, path) in files {
        let scores = evaluate_file(&path, lang, Layout::Lines, &resources, 0).unwrap();
        eprintln!("{}: sentences {}; tokens {}", scores.file, scores.sentences, scores.tokens);
        assert!(scores.sentences.f1() >= 0.95, "{}: sentence F1 {:.4} < 0.95", scores.file, scores.sentences.f1());
        assert!(scores.tokens.f1() >= 0.98, "{}: token F1 {:.4} < 0.98", scores.file, scores.tokens.f1());
    }
}

#[test]
fn the_tagger_meets_its_floors_on_held_out_universal_dependencies() {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent, so the tagger floors were not checked");
        return;
    };
    let models = lagebild_morph::Models::embedded().unwrap();
    for (lang, pos_floor) in [(lagebild_doc::Lang::De, 0.93), (lagebild_doc::Lang::En, 0.94)] {
        let split = lagebild_eval::morph::read_split(&data, lang).unwrap();
        assert!(split.held_out.len() > 100, "too few held-out sentences for {lang:?}");
        let model = models.get(lang).unwrap();
        let scores = lagebild_eval::morph::evaluate(&model.tagger, &model.lexicon, &split.held_out);
        eprintln!(
            "{}: pos {}, lemma {}, subjunctive recall {}",
            lang.code(),
            scores.pos,
            scores.lemma,
            scores.subjunctive_recall
        );
        assert!(scores.pos.value() >= pos_floor, "{lang:?}: part-of-speech accuracy {} < {pos_floor}", scores.pos);
        assert!(scores.lemma.value() >= 0.95, "{lang:?}: lemma accuracy {} < 0.95", scores.lemma);
        if lang == lagebild_doc::Lang::De {
            let recall = scores.subjunctive_recall;
            assert!(recall.value() >= 0.80, "Konjunktiv recall {recall} < 0.80");
        }
    }
}
