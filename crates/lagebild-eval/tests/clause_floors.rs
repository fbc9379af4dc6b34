//! The floor that issue #4 sets for clauses: clause-boundary F1 ≥ 0.80 against the UD
//! dependency trees in ../shared/data/ud, on gold tags, in every file of both languages
//! (all its sentences; the held-out tenth alone is too small to hold a floor). Skips with a
//! message where the data is absent.

use lagebild_doc::Lang;
use lagebild_eval::clauses::evaluate_file;
use lagebild_eval::segmentation::ud_files;

#[test]
fn clause_boundaries_meet_their_floor_on_universal_dependencies() {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent, so the clause floor was not checked");
        return;
    };
    let resources = lagebild_resources::Resources::embedded().unwrap();
    let files = ud_files(&data);
    for lang in [Lang::De, Lang::En] {
        assert!(files.iter().any(|(l, _)| *l == lang), "no UD file for {} under {}", lang.code(), data.display());
    }
    for (lang, path) in files {
        let scores = evaluate_file(&path, lang, &resources, None, 0).unwrap();
        eprintln!("{}: boundaries {}; held-out {}", scores.file, scores.all.boundaries, scores.held_out.boundaries);
        let f1 = scores.all.boundaries.f1();
        assert!(f1 >= 0.80, "{}: clause-boundary F1 {f1:.4} < 0.80", scores.file);
    }
}
