//! The TimeML scorer of issue #6 checked on HeidelTime's output shipped beside KRAUTS
//! Dolomiten-42: it must reproduce HeidelTime's published figures (value F1 0.800, relaxed
//! F1 0.831, strict F1 0.794) within 0.01. Skips with a message where the data is absent.

use lagebild_eval::time::{bootstrap, score_directories};

#[test]
fn the_scorer_reproduces_heideltimes_figures_on_dolomiten_42() {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        eprintln!("skipped: ../shared/data is absent, so the TimeML scorer was not checked");
        return;
    };
    let dir = data.join("time/krauts-dolomiten42");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent, so the TimeML scorer was not checked", dir.display());
        return;
    }
    let scores =
        score_directories(&dir.join("KRAUTS_Dolomiten-42"), &dir.join("KRAUTS_Dolomiten-42_Heideltime")).unwrap();
    let total = scores.total;
    let (strict, relaxed, value) = (total.strict().f1(), total.relaxed().f1(), total.value_f1());
    eprintln!("HeidelTime on Dolomiten-42: {total:?}; strict {strict:.4}, relaxed {relaxed:.4}, value {value:.4}");
    assert_eq!(scores.documents.len(), 42);
    assert!((strict - 0.794).abs() <= 0.01, "strict F1 {strict:.4}, published 0.794");
    assert!((relaxed - 0.831).abs() <= 0.01, "relaxed F1 {relaxed:.4}, published 0.831");
    assert!((value - 0.800).abs() <= 0.01, "value F1 {value:.4}, published 0.800");
    let intervals = bootstrap(&scores.documents, 1000, 2013);
    for (name, interval, point) in [
        ("strict", intervals.strict_f1, strict),
        ("relaxed", intervals.relaxed_f1, relaxed),
        ("value", intervals.value_f1, value),
    ] {
        assert!(interval.low <= point && point <= interval.high, "{name}: {point} outside {interval:?}");
    }
}
