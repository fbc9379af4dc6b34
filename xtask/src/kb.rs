//! `cargo xtask build-kb`: builds the knowledge base files under `kb/` from the shippable
//! sources in ../shared/data and the hand-written tables under `resources/kb/`.

use std::path::Path;

use anyhow::Context;

pub(crate) fn build_kb() -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        anyhow::bail!("../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let built = lagebild_kb::build::build(&data, &root.join("resources")).context("building the knowledge base")?;
    let dir = root.join("kb");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    for (name, text) in [("entries.tsv", &built.entries), ("names.tsv", &built.names), ("roles.tsv", &built.roles)] {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        println!("{:<14} {:>9} bytes", name, text.len());
    }
    for (what, count) in &built.counts {
        println!("{what:<28} {count:>7}");
    }
    let kb = lagebild_kb::Kb::from_dir(&dir).context("loading the files just written")?;
    println!("loaded: {} entries", kb.len());
    Ok(())
}
