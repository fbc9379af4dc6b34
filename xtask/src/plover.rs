//! `cargo xtask build-plover`: the CAMEO → PLOVER correspondence and the PLOVER
//! conflict–cooperation scores, as data files under `resources/shared/`, from the PLOVER
//! codebook in ../shared/data/events/plover (CC BY-SA 4.0: the files keep that licence).

use std::fmt::Write as _;

use anyhow::{Context, bail};

pub(crate) fn build_plover() -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        bail!("../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
    };
    let dir = data.join("events/plover");
    let mapping_file = dir.join("CAMEO2PLOVER-2021.txt");
    let mapping =
        std::fs::read_to_string(&mapping_file).with_context(|| format!("reading {}", mapping_file.display()))?;
    let manual_file = dir.join("PLOVER_MANUAL.tex");
    let manual = std::fs::read_to_string(&manual_file).with_context(|| format!("reading {}", manual_file.display()))?;

    let header = "# source: derived by `cargo xtask build-plover` from the PLOVER project's CAMEO2PLOVER-2021.txt and PLOVER_MANUAL.tex (openeventdata/PLOVER, commit 5e0c24fba623)\n# licence: CC BY-SA 4.0 (share-alike, as PLOVER; this file only)\n";
    let mut out = String::from(header);
    out.push_str("# columns: CAMEO code <TAB> PLOVER category <TAB> mode (- for none) <TAB> context (- for none)\n");
    let mut mapped = 0;
    for (number, line) in mapping.lines().enumerate() {
        let line = line.split('#').next().unwrap_or_default().trim();
        // Blank lines and the `~~~~~` end mark carry no mapping.
        if line.is_empty() || line.chars().all(|c| c == '~') {
            continue;
        }
        let Some((code, rest)) = line.split_once(':') else {
            bail!("{}:{}: no `code:` at the start", mapping_file.display(), number + 1);
        };
        let mut fields = rest.split(',').map(str::trim);
        let category = fields.next().unwrap_or_default();
        if category.is_empty() || !category.chars().all(|c| c.is_ascii_uppercase()) {
            bail!("{}:{}: no PLOVER category", mapping_file.display(), number + 1);
        }
        let mode = fields.next().filter(|mode| !mode.is_empty()).unwrap_or("-");
        let context = fields.next().filter(|context| !context.is_empty()).unwrap_or("-");
        writeln!(out, "{}\t{category}\t{mode}\t{context}", code.trim())?;
        mapped += 1;
    }
    std::fs::write("resources/shared/plover_cameo.tsv", out)?;

    // The score table: rows of `CATEGORY: Mode & score & …` inside the table labelled
    // tab:ploverscores that is not commented out.
    let start = manual
        .find("\\caption{PLOVER conflict--cooperation scores}\n\\hspace")
        .context("no score table in the manual")?;
    let end = start + manual[start..].find("\\end{tabular}").context("the score table does not end")?;
    let mut scores = String::from(header);
    scores.push_str("# columns: PLOVER category <TAB> mode (- for the category as a whole) <TAB> score (-10 conflict … +10 cooperation)\n");
    scores.push_str("# The manual's table prints ACCUSE as 3 while its modes score -2 to -3.5 and it is verbal conflict; this file has -3.\n");
    let mut count = 0;
    for row in manual[start..end].lines().filter(|row| row.contains('&') && !row.contains("textbf")) {
        let cells: Vec<String> = row
            .trim_end_matches(|c: char| c == '\\' || c.is_whitespace())
            .split('&')
            .map(|cell| cell.replace("\\cellcolor{gray!25}", "").trim().to_owned())
            .collect();
        for pair in cells.chunks(2) {
            let [label, score] = pair else { continue };
            if label.is_empty() {
                continue;
            }
            let score: f32 = score.parse().with_context(|| format!("score of {label:?} is not a number"))?;
            let (category, mode) = match label.split_once(':') {
                Some((category, mode)) => (category.trim(), mode.trim().to_lowercase()),
                None => (label.as_str(), "-".to_owned()),
            };
            let score = if category == "ACCUSE" && mode == "-" && score > 0.0 { -score } else { score };
            writeln!(scores, "{category}\t{mode}\t{score}")?;
            count += 1;
        }
    }
    std::fs::write("resources/shared/plover_scores.tsv", scores)?;
    println!(
        "wrote resources/shared/plover_cameo.tsv ({mapped} CAMEO codes) and resources/shared/plover_scores.tsv ({count} scores)"
    );
    Ok(())
}
