//! `export`: stored events in the formats other tools read (lagebild-export, docs/export.md).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use lagebild_export::{ExportError, Format, Options};

use crate::Outcome;
use crate::ingest::{DEFAULT_DB, open_store};
use crate::query::EventFilterArgs;

#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    /// PLOVER JSON Lines (one event per line).
    Plover,
    /// GDELT 2.0 event table (61 tab-separated columns).
    GdeltEvents,
    /// GDELT 2.0 mention table (16 tab-separated columns, character offsets).
    GdeltMentions,
    /// CSV for spreadsheets, with a header row.
    Csv,
}

#[derive(clap::Args)]
pub(crate) struct ExportArgs {
    /// The database file (SQLite).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,
    /// The format to write.
    #[arg(long, value_enum)]
    format: FormatArg,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Start a GDELT table with a line of column names (GDELT's own files have none).
    #[arg(long)]
    header: bool,
    #[command(flatten)]
    filter: EventFilterArgs,
}

pub(crate) fn export(args: ExportArgs) -> anyhow::Result<Outcome> {
    let filter = args.filter.filter()?;
    let format = match args.format {
        FormatArg::Plover => Format::Plover,
        FormatArg::GdeltEvents => Format::GdeltEvents,
        FormatArg::GdeltMentions => Format::GdeltMentions,
        FormatArg::Csv => Format::Csv,
    };
    if !args.db.exists() {
        anyhow::bail!(
            "{} does not exist (lagebild ingest --db {} PATH… makes it)",
            args.db.display(),
            args.db.display()
        );
    }
    let store = open_store(&args.db)?;
    store.make_read_only()?;
    let options = Options { gdelt_header: args.header };
    match &args.output {
        Some(path) => {
            let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
            let mut out = BufWriter::new(file);
            let written = lagebild_export::export(&store, &filter, format, &options, &mut out)
                .map_err(anyhow::Error::from)
                .and_then(|summary| Ok(out.flush().map(|()| summary)?));
            let summary = match written {
                Ok(summary) => summary,
                Err(error) => {
                    // No half-written file is left behind.
                    drop(out);
                    let _ = std::fs::remove_file(path);
                    return Err(error.context(format!("exporting to {}", path.display())));
                }
            };
            eprintln!("{} events written to {} ({})", summary.events, path.display(), format.name());
        }
        None => {
            let mut out = BufWriter::new(io::stdout().lock());
            // A write error stays an io::Error, so that a closed pipe (`| head`) ends quietly.
            lagebild_export::export(&store, &filter, format, &options, &mut out).map_err(|error| match error {
                ExportError::Write(error) => anyhow::Error::from(error),
                other => anyhow::Error::from(other),
            })?;
            out.flush()?;
        }
    }
    Ok(Outcome::Clean)
}
