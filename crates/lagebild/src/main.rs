//! `lagebild`: the command line. This crate does the wiring: it reads inputs with
//! `lagebild-ingest`, runs `lagebild-pipeline::analyze` on each document, and writes
//! records with `lagebild-format` (`analyze`) or stores them with `lagebild-store` (`ingest`,
//! `reanalyze`), queries the store (`events`, `claims`, `actors`, `search`, `documents`,
//! `show`), exports events with `lagebild-export` (`export`) and serves it over HTTP with
//! `lagebild-api` (`serve`). Errors are reported in plain words naming the input.

#![allow(clippy::print_stderr)] // The command line reports warnings and errors on standard error.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveTime};
use clap::{Parser, Subcommand, ValueEnum};
use lagebild_doc::Lang;
use lagebild_format::OutputOptions;
use lagebild_ingest::Input;
use lagebild_pipeline::{LangChoice, Options, Timings};

mod export;
mod ingest;
mod output;
mod query;
mod serve;

#[derive(Parser)]
#[command(
    name = "lagebild",
    version,
    about = "Turns news articles into events, claims, actors, places and dates, each tied to its words."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyses articles and prints one record per document (JSON Lines by default).
    ///
    /// PATH is a .txt file (a first line followed by a blank line is the title), a .jsonl
    /// file (one object per line with `text` and optional `id`, `title`, `url`, `published`,
    /// `lang`), a directory (read recursively), or `-` for plain text on standard input.
    Analyze(AnalyzeArgs),
    /// Analyses articles and stores them in the database (one SQLite file), then prints what
    /// was found.
    ///
    /// A text already stored is not analysed again; the source it came from is recorded. A
    /// killed run loses no committed batch, and running it again resumes.
    Ingest(ingest::IngestArgs),
    /// Runs the pipeline again over every stored text (after an upgrade), resuming a run that
    /// was stopped.
    Reanalyze(ingest::ReanalyzeArgs),
    /// Lists stored events: who did what to whom, when, and who says so.
    Events(query::EventsArgs),
    /// Lists stored claims: who said what, where, with what stance, answering whom.
    Claims(query::ClaimsArgs),
    /// Lists actors (codes or names) with how often they act, receive, speak or host events.
    Actors(query::ActorsArgs),
    /// Finds stored documents by their words (German and English stems).
    Search(query::SearchArgs),
    /// Lists stored documents, newest first.
    Documents(query::DocumentsArgs),
    /// Prints the stored record of a document (JSON, docs/format.md).
    Show(query::ShowArgs),
    /// Serves the store over HTTP: a JSON API with an OpenAPI description at /openapi.json, and
    /// the analyst's workbench in the browser at /.
    Serve(serve::ServeArgs),
    /// Exports stored events as PLOVER JSON Lines, GDELT 2.0 event or mention tables, or CSV,
    /// with the filters of `events` (docs/export.md).
    Export(export::ExportArgs),
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Publication date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM with the local time of day) for
    /// documents whose input gives none; relative dates such as "am Mittwoch" are resolved
    /// against it, and "vor zwei Stunden" against its time.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<Published>,
    /// Language to analyse in: detect it (auto; an input's `lang` field wins), or force one.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    lang: LangArg,
    /// The texts are German speeches (parliamentary debates): also take the cues of
    /// attribution that the cue tagger trained on Bundestag speeches marks (docs/claims.md).
    #[arg(long)]
    speeches: bool,
    /// Optional layers to add to the output, comma-separated: `tokens`, or `all`.
    #[arg(long, value_name = "LIST", value_delimiter = ',')]
    layers: Vec<LayerArg>,
    /// Output format: JSON Lines (the contract in docs/format.md) or a readable summary.
    #[arg(long, value_enum, default_value_t = FormatArg::Jsonl)]
    format: FormatArg,
    /// A directory laid out like resources/, whose files replace the embedded ones.
    #[arg(long, value_name = "DIR")]
    resources: Option<PathBuf>,
    /// A dictionary in PETRARCH's format (actors, agents or verbs) loaded on top of the
    /// built-in knowledge; may be given several times (docs/events.md).
    #[arg(long, value_name = "PATH")]
    dictionary: Vec<PathBuf>,
    /// Files, directories, or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Auto,
    De,
    En,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LayerArg {
    Tokens,
    All,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FormatArg {
    Jsonl,
    Text,
}

/// A publication date, with the time of day where one is given (`2023-10-19T08:30`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Published {
    pub(crate) date: NaiveDate,
    pub(crate) time: Option<NaiveTime>,
}

fn parse_published(text: &str) -> Result<Published, String> {
    let error = || format!("{text:?} is not a date of the form YYYY-MM-DD or YYYY-MM-DDTHH:MM");
    let (date, time) = match text.split_once('T') {
        Some((date, time)) => {
            let time = NaiveTime::parse_from_str(time, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
                .map_err(|_| error())?;
            (date, Some(time))
        }
        None => (text, None),
    };
    Ok(Published { date: NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| error())?, time })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze(args),
        Command::Ingest(args) => ingest::ingest(args),
        Command::Reanalyze(args) => ingest::reanalyze(args),
        Command::Events(args) => query::events(args),
        Command::Claims(args) => query::claims(args),
        Command::Actors(args) => query::actors(args),
        Command::Search(args) => query::search(args),
        Command::Documents(args) => query::documents(args),
        Command::Show(args) => query::show(args),
        Command::Serve(args) => serve::serve(args),
        Command::Export(args) => export::export(args),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::SomeInputsFailed) => ExitCode::FAILURE,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}

enum Outcome {
    Clean,
    SomeInputsFailed,
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.downcast_ref::<io::Error>().is_some_and(|error| error.kind() == io::ErrorKind::BrokenPipe)
}

fn analyze(args: AnalyzeArgs) -> anyhow::Result<Outcome> {
    let published = args.published.map(|published| published.date);
    let knowledge = ingest::load_knowledge(args.resources.as_deref(), &args.dictionary, published)?;
    let options = Options {
        lang: match args.lang {
            LangArg::Auto => LangChoice::Auto,
            LangArg::De => LangChoice::Force(Lang::De),
            LangArg::En => LangChoice::Force(Lang::En),
        },
        published,
        published_time: args.published.and_then(|published| published.time),
        speeches: args.speeches,
    };
    let output =
        OutputOptions { tokens: args.layers.iter().any(|layer| matches!(layer, LayerArg::Tokens | LayerArg::All)) };
    let inputs: Vec<Input> = args.paths.iter().map(|path| Input::parse(path)).collect();
    let mut stdout = io::BufWriter::new(io::stdout().lock());
    let mut timings = Timings::default();
    let mut failures = 0usize;
    for item in lagebild_ingest::read_inputs(&inputs) {
        let raw = match item {
            Ok(raw) => raw,
            Err(error) => {
                eprintln!("error: {error}");
                failures += 1;
                continue;
            }
        };
        let analysis = lagebild_pipeline::analyze(raw, &knowledge, &options, &mut timings);
        if let Some(warning) = &analysis.warning {
            eprintln!("warning: {warning}");
        }
        match args.format {
            FormatArg::Jsonl => writeln!(stdout, "{}", lagebild_format::to_json_line(&analysis.document, &output))?,
            FormatArg::Text => writeln!(stdout, "{}", lagebild_format::render_text(&analysis.document))?,
        }
    }
    stdout.flush()?;
    if failures > 0 {
        eprintln!("{failures} input(s) could not be read; the others were analysed");
        return Ok(Outcome::SomeInputsFailed);
    }
    Ok(Outcome::Clean)
}
