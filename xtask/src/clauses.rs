//! `cargo xtask eval clauses`: clause boundaries against the UD dependency trees.

use anyhow::Context;
use lagebild_eval::clauses::{ClauseScores, evaluate_file};

pub(crate) fn eval_clauses(errors: usize) -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return Ok(());
    };
    let resources = lagebild_resources::Resources::embedded().context("loading the embedded resources")?;
    println!("tags: gold (UD's UPOS, lemma and features)");
    for (lang, path) in lagebild_eval::segmentation::ud_files(&data) {
        let scores = evaluate_file(&path, lang, &resources, None, errors)
            .with_context(|| format!("evaluating {}", path.display()))?;
        println!(
            "  {} ({}): {} sentences skipped; `clauses` took {:.1} ns/byte (this build, the file as one document)",
            scores.file,
            lang.code(),
            scores.skipped,
            scores.nanos_per_byte()
        );
        print_scores("held-out", &scores.held_out);
        print_scores("all", &scores.all);
        for error in &scores.errors {
            println!("      {error}");
        }
    }
    Ok(())
}

fn print_scores(name: &str, scores: &ClauseScores) {
    println!("    {name} ({} sentences)", scores.sentences);
    println!("      boundaries  {}", scores.boundaries);
    println!("      clauses     {}", scores.clauses);
    println!(
        "      on matched clauses: kind {:.4}, verb {:.4} ({} with a gold verb)",
        scores.kind_accuracy(),
        scores.verb_accuracy(),
        scores.verbs
    );
}
