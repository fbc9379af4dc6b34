//! `ingest` and `reanalyze`: analyse documents and keep them in the store.
//!
//! Ingest runs as a pipeline of threads: one reads the inputs and asks the store whether it
//! holds each text already (then only the source is recorded), `--threads` workers analyse
//! the rest, and the calling thread is the store's one writer, committing a batch every
//! `--batch` documents or every second, whichever comes first. Each batch is one transaction,
//! so a killed run loses at most the batch in flight, and a rerun skips what was committed.

#![allow(clippy::print_stdout)] // The summary of a run is the command's output.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lagebild_doc::Lang;
use lagebild_format::OutputOptions;
use lagebild_ingest::{Input, RawDocument};
use lagebild_pipeline::{Knowledge, LangChoice, Options, Timings};
use lagebild_store::{ActorFilter, NewDocument, OnConflict, PageRequest, Put, PutOutcome, Store, content_hash};

use crate::{LangArg, Outcome};

/// The database file when `--db` is not given.
pub(crate) const DEFAULT_DB: &str = "lagebild.db";

#[derive(clap::Args)]
pub(crate) struct IngestArgs {
    /// The database file (SQLite); created if absent.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,
    /// Publication date (YYYY-MM-DD, or YYYY-MM-DDTHH:MM with the local time of day) for
    /// documents whose input gives none.
    #[arg(long, value_name = "DATE", value_parser = crate::parse_published)]
    published: Option<crate::Published>,
    /// Language to analyse in: detect it (auto; an input's `lang` field wins), or force one.
    #[arg(long, value_enum, default_value_t = LangArg::Auto)]
    lang: LangArg,
    /// The texts are German speeches (parliamentary debates): also take the cues of
    /// attribution that the cue tagger trained on Bundestag speeches marks (docs/claims.md).
    #[arg(long)]
    speeches: bool,
    /// A directory laid out like resources/, whose files replace the embedded ones.
    #[arg(long, value_name = "DIR")]
    resources: Option<PathBuf>,
    /// A dictionary in PETRARCH's format (actors, agents or verbs) loaded on top of the
    /// built-in knowledge; may be given several times (docs/events.md).
    #[arg(long, value_name = "PATH")]
    dictionary: Vec<PathBuf>,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    batch: u32,
    /// Threads that analyse documents (the store is written by one more).
    #[arg(long, value_name = "N", default_value_t = default_threads(), value_parser = clap::value_parser!(u32).range(1..=256))]
    threads: u32,
    /// Replace a stored document whose id now comes with a different text (else it is skipped).
    #[arg(long)]
    replace: bool,
    /// Files, directories, or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,
}

#[derive(clap::Args)]
pub(crate) struct ReanalyzeArgs {
    /// The database file (SQLite).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,
    /// A directory laid out like resources/, whose files replace the embedded ones.
    #[arg(long, value_name = "DIR")]
    resources: Option<PathBuf>,
    /// A dictionary in PETRARCH's format (actors, agents or verbs) loaded on top of the
    /// built-in knowledge; may be given several times (docs/events.md).
    #[arg(long, value_name = "PATH")]
    dictionary: Vec<PathBuf>,
    /// The stored texts are German speeches: analyse them as `ingest --speeches` does.
    #[arg(long)]
    speeches: bool,
    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    batch: u32,
    /// Start over even if a stopped reanalysis is pending.
    #[arg(long)]
    restart: bool,
}

fn default_threads() -> u32 {
    std::thread::available_parallelism().map_or(1, |n| n.get() as u32)
}

/// The embedded knowledge, or that of a resources directory, with the PETRARCH-format
/// dictionaries loaded on top; what each dictionary added goes to standard error. Dated actor
/// codes are taken as held on `date` (the `--published` date), else undated.
pub(crate) fn load_knowledge(
    resources: Option<&Path>,
    dictionaries: &[PathBuf],
    date: Option<NaiveDate>,
) -> anyhow::Result<Knowledge> {
    let mut knowledge = match resources {
        Some(dir) => {
            Knowledge::with_resources_dir(dir).with_context(|| format!("loading resources from {}", dir.display()))?
        }
        None => Knowledge::embedded().context("loading the embedded resources and models")?,
    };
    for path in dictionaries {
        let report = knowledge.add_dictionary(path, date).context("loading a dictionary")?;
        let skipped: usize =
            report.verbs_skipped.iter().map(|(_, count)| count).sum::<usize>() + report.lines_skipped.len();
        eprintln!(
            "{}: {} actors, {} agents, {} verbs added; {skipped} entries skipped",
            path.display(),
            report.actors,
            report.agents,
            report.verbs
        );
    }
    Ok(knowledge)
}

fn lang_choice(lang: LangArg) -> LangChoice {
    match lang {
        LangArg::Auto => LangChoice::Auto,
        LangArg::De => LangChoice::Force(Lang::De),
        LangArg::En => LangChoice::Force(Lang::En),
    }
}

pub(crate) fn open_store(db: &Path) -> anyhow::Result<Store> {
    Store::open(db).with_context(|| format!("opening the database {}", db.display()))
}

/// A progress bar on standard error, drawn only when it is a terminal.
fn progress(what: &str) -> ProgressBar {
    let target =
        if std::io::stderr().is_terminal() { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(None, target);
    let template = format!("{{spinner}} {{pos}} {what} ({{per_sec}}) {{msg}}");
    bar.set_style(ProgressStyle::with_template(&template).unwrap_or_else(|_| ProgressStyle::default_spinner()));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// What a worker or the reader sends to the writer.
enum Message {
    Analysed { record: String, input_lang: Option<String>, summary: DocSummary, warning: Option<String> },
    Seen { content_hash: String, source: String },
    ReadFailed(String),
}

/// What the summary says about a newly stored document.
struct DocSummary {
    id: String,
    lang: &'static str,
    published: Option<NaiveDate>,
    title: Option<String>,
    sentences: usize,
    entities: usize,
    events: usize,
    claims: usize,
}

#[derive(Default)]
struct Tally {
    read: u64,
    stored: u64,
    replaced: u64,
    duplicates: u64,
    sources_added: u64,
    not_analysed: u64,
    conflicts: u64,
    failures: u64,
    events: u64,
    claims: u64,
    entities: u64,
    /// Why documents were skipped or failed, in order.
    reasons: Vec<String>,
    /// The first new documents, for the summary.
    new_documents: Vec<DocSummary>,
}

const SHOWN_DOCUMENTS: usize = 20;
const SHOWN_REASONS: usize = 20;

pub(crate) fn ingest(args: IngestArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let published = args.published.map(|published| published.date);
    let knowledge = load_knowledge(args.resources.as_deref(), &args.dictionary, published)?;
    let options = Options {
        lang: lang_choice(args.lang),
        published,
        published_time: args.published.and_then(|published| published.time),
        speeches: args.speeches,
    };
    let mut store = open_store(&args.db)?;
    let checker = open_store(&args.db)?;
    checker.make_read_only()?;
    let inputs: Vec<Input> = args.paths.iter().map(|path| Input::parse(path)).collect();
    let on_conflict = if args.replace { OnConflict::Replace } else { OnConflict::Skip };
    let threads = args.threads as usize;
    let bar = progress("documents");
    let mut tally = Tally::default();

    let (work_sender, work_receiver) = mpsc::sync_channel::<RawDocument>(threads * 8);
    let work_receiver = Arc::new(Mutex::new(work_receiver));
    let (sender, receiver) = mpsc::sync_channel::<Message>(1024);
    let result = std::thread::scope(|scope| -> anyhow::Result<()> {
        let reader_sender = sender.clone();
        scope.spawn(move || {
            for item in lagebild_ingest::read_inputs(&inputs) {
                let message = match item {
                    Err(error) => Message::ReadFailed(error.to_string()),
                    Ok(raw) => {
                        let hash = content_hash(&raw.text);
                        match checker.find_text(&hash) {
                            Ok(Some(_)) => Message::Seen { content_hash: hash, source: raw.source },
                            // Not stored, or the check failed: analyse it; the writer decides.
                            Ok(None) | Err(_) => {
                                if work_sender.send(raw).is_err() {
                                    return;
                                }
                                continue;
                            }
                        }
                    }
                };
                if reader_sender.send(message).is_err() {
                    return;
                }
            }
        });
        for _ in 0..threads {
            let (receiver, sender, knowledge, options) =
                (Arc::clone(&work_receiver), sender.clone(), &knowledge, &options);
            scope.spawn(move || {
                let mut timings = Timings::default();
                loop {
                    let raw = match receiver.lock() {
                        Ok(receiver) => receiver.recv(),
                        Err(_) => return,
                    };
                    let Ok(raw) = raw else { return };
                    let input_lang = raw.lang.clone();
                    let analysis = lagebild_pipeline::analyze(raw, knowledge, options, &mut timings);
                    let doc = &analysis.document;
                    let summary = DocSummary {
                        id: doc.meta.id.clone(),
                        lang: doc.meta.lang.code(),
                        published: doc.meta.published,
                        title: doc.meta.title.clone(),
                        sentences: doc.sentences.len(),
                        entities: doc.entities.len(),
                        events: doc.events.len(),
                        claims: doc.claims.len(),
                    };
                    let record = lagebild_format::to_json_line(doc, &OutputOptions::default());
                    let message = Message::Analysed { record, input_lang, summary, warning: analysis.warning };
                    if sender.send(message).is_err() {
                        return;
                    }
                }
            });
        }
        drop(sender);
        // The receiver moves into the writer: if writing fails, it is dropped, and the threads
        // that send to it stop instead of waiting forever.
        write_batches(&mut store, receiver, args.batch as usize, on_conflict, &bar, &mut tally)
    });
    bar.finish_and_clear();
    result?;
    print_summary(&store, &args.db, &tally, started.elapsed())?;
    Ok(if tally.failures > 0 { Outcome::SomeInputsFailed } else { Outcome::Clean })
}

/// The writer: collects messages into batches and commits each in one transaction.
fn write_batches(
    store: &mut Store,
    receiver: mpsc::Receiver<Message>,
    batch_size: usize,
    on_conflict: OnConflict,
    bar: &ProgressBar,
    tally: &mut Tally,
) -> anyhow::Result<()> {
    const MAX_WAIT: Duration = Duration::from_secs(1);
    let mut batch: Vec<Put> = Vec::with_capacity(batch_size);
    let mut summaries: Vec<Option<DocSummary>> = Vec::with_capacity(batch_size);
    let mut oldest: Option<Instant> = None;
    loop {
        let wait = oldest.map_or(MAX_WAIT, |oldest| MAX_WAIT.saturating_sub(oldest.elapsed()));
        let (message, closed) = match receiver.recv_timeout(wait) {
            Ok(message) => (Some(message), false),
            Err(RecvTimeoutError::Timeout) => (None, false),
            Err(RecvTimeoutError::Disconnected) => (None, true),
        };
        match message {
            Some(Message::ReadFailed(error)) => {
                bar.suspend(|| eprintln!("error: {error}"));
                tally.failures += 1;
                tally.reasons.push(error);
            }
            Some(Message::Seen { content_hash, source }) => {
                tally.read += 1;
                batch.push(Put::Seen { content_hash, source });
                summaries.push(None);
            }
            Some(Message::Analysed { record, input_lang, summary, warning }) => {
                tally.read += 1;
                if let Some(warning) = warning {
                    bar.suspend(|| eprintln!("warning: {warning}"));
                    tally.not_analysed += 1;
                }
                batch.push(Put::Record(NewDocument { record, input_lang }));
                summaries.push(Some(summary));
            }
            None => {}
        }
        if !batch.is_empty() && oldest.is_none() {
            oldest = Some(Instant::now());
        }
        let due = batch.len() >= batch_size || oldest.is_some_and(|oldest| oldest.elapsed() >= MAX_WAIT) || closed;
        if due && !batch.is_empty() {
            let outcomes = store.put_batch(&batch, on_conflict).context("storing a batch of documents")?;
            for (outcome, summary) in outcomes.into_iter().zip(summaries.drain(..)) {
                count(tally, outcome, summary);
            }
            bar.set_position(tally.read);
            bar.set_message(format!(
                "· {} stored · {} events · {} claims",
                tally.stored + tally.replaced,
                tally.events,
                tally.claims
            ));
            batch.clear();
            oldest = None;
        }
        if closed {
            return Ok(());
        }
    }
}

fn count(tally: &mut Tally, outcome: PutOutcome, summary: Option<DocSummary>) {
    match outcome {
        PutOutcome::Stored { events, claims, entities, .. } | PutOutcome::Replaced { events, claims, entities, .. } => {
            if matches!(outcome, PutOutcome::Replaced { .. }) {
                tally.replaced += 1;
            } else {
                tally.stored += 1;
            }
            tally.events += events as u64;
            tally.claims += claims as u64;
            tally.entities += entities as u64;
            if let Some(summary) = summary.filter(|_| tally.new_documents.len() < SHOWN_DOCUMENTS) {
                tally.new_documents.push(summary);
            }
        }
        PutOutcome::Duplicate { source_added, .. } => {
            tally.duplicates += 1;
            tally.sources_added += u64::from(source_added);
        }
        PutOutcome::Conflict { id } => {
            tally.conflicts += 1;
            tally.reasons.push(format!("{id}: the id is stored with a different text (--replace replaces it)"));
        }
        PutOutcome::Rejected { reason } => {
            tally.failures += 1;
            tally.reasons.push(reason);
        }
    }
}

fn quote(text: &str, max: usize) -> String {
    let short: String = text.chars().take(max).collect();
    if short.len() < text.len() { format!("\"{short}…\"") } else { format!("\"{short}\"") }
}

fn print_summary(store: &Store, db: &Path, tally: &Tally, elapsed: Duration) -> anyhow::Result<()> {
    let seconds = elapsed.as_secs_f64();
    let rate = if seconds > 0.0 { tally.read as f64 / seconds } else { 0.0 };
    println!("{} documents read in {seconds:.1} s ({rate:.0} documents/s) into {}", tally.read, db.display());
    println!("  stored          {} new, {} replaced", tally.stored, tally.replaced);
    println!("  already stored  {} ({} new sources recorded)", tally.duplicates, tally.sources_added);
    println!("  not analysed    {} (a language other than German or English)", tally.not_analysed);
    println!("  skipped         {}", tally.conflicts);
    println!("  failures        {}", tally.failures);
    println!("  found           {} events, {} claims, {} entities", tally.events, tally.claims, tally.entities);
    for reason in tally.reasons.iter().take(SHOWN_REASONS) {
        println!("    {reason}");
    }
    if tally.reasons.len() > SHOWN_REASONS {
        println!("    … and {} more", tally.reasons.len() - SHOWN_REASONS);
    }
    if !tally.new_documents.is_empty() {
        println!();
        println!("New documents:");
        let width = tally.new_documents.iter().map(|doc| doc.id.chars().count()).max().unwrap_or(0);
        for doc in &tally.new_documents {
            let published = doc.published.map_or_else(|| "-".to_owned(), |date| date.to_string());
            let title = doc.title.as_deref().map_or_else(|| "(no title)".to_owned(), |title| quote(title, 60));
            println!(
                "  {:<width$}  {:<3}  {:<10}  {} sentences, {} entities, {} events, {} claims  {title}",
                doc.id, doc.lang, published, doc.sentences, doc.entities, doc.events, doc.claims
            );
        }
        if tally.stored + tally.replaced > tally.new_documents.len() as u64 {
            println!("  … and {} more", tally.stored + tally.replaced - tally.new_documents.len() as u64);
        }
    }
    let stats = store.stats()?;
    let languages: Vec<String> =
        stats.languages.iter().map(|lang| format!("{} {}", lang.lang, lang.documents)).collect();
    println!();
    println!(
        "The database holds {} documents ({}), {} events, {} claims, {} entities.",
        stats.documents,
        languages.join(", "),
        stats.events,
        stats.claims,
        stats.entities
    );
    if !stats.event_types.is_empty() {
        let types: Vec<String> = stats.event_types.iter().take(8).map(|t| format!("{} {}", t.key, t.count)).collect();
        println!("Events by type: {}", types.join(", "));
        let actors = store.actors(&ActorFilter::default(), &PageRequest::new(8, None))?;
        let names: Vec<String> = actors
            .items
            .iter()
            .map(|row| match &row.name {
                Some(name) => format!("{} ({name}) {}", row.actor, row.total),
                None => format!("{} {}", row.actor, row.total),
            })
            .collect();
        println!("Most frequent actors: {}", names.join(", "));
    }
    let db = db.display();
    println!();
    println!("Ask it: lagebild events --db {db} [--actor CODE] [--recipient CODE] [--from DATE] …");
    println!(
        "        lagebild claims --db {db} [--stance deny] · lagebild search --db {db} WORDS · lagebild serve --db {db}"
    );
    Ok(())
}

pub(crate) fn reanalyze(args: ReanalyzeArgs) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    let knowledge = load_knowledge(args.resources.as_deref(), &args.dictionary, None)?;
    let mut store = open_store(&args.db)?;
    let before = store.stats()?;
    let status = store.start_reanalysis(args.restart)?;
    let bar = progress("documents reanalysed");
    let mut timings = Timings::default();
    let mut done = 0u64;
    let mut failures = Vec::new();
    let options = Options { speeches: args.speeches, ..Options::default() };
    loop {
        let texts = store.pending_reanalysis(args.batch as usize)?;
        if texts.is_empty() {
            break;
        }
        let records: Vec<String> = texts
            .into_iter()
            .map(|text| {
                let raw = RawDocument {
                    id: text.id,
                    source: text.source,
                    title: text.title,
                    url: None,
                    published: text.published,
                    published_time: text.published_time,
                    lang: text.input_lang,
                    text: text.text,
                };
                let analysis = lagebild_pipeline::analyze(raw, &knowledge, &options, &mut timings);
                lagebild_format::to_json_line(&analysis.document, &OutputOptions::default())
            })
            .collect();
        for outcome in store.replace_analyses(&records).context("storing a batch of new analyses")? {
            match outcome {
                PutOutcome::Replaced { .. } => done += 1,
                PutOutcome::Rejected { reason } => failures.push(reason),
                other => failures.push(format!("{other:?}")),
            }
        }
        bar.set_position(done);
        if !failures.is_empty() {
            // A record that cannot replace its text would be offered again forever.
            break;
        }
    }
    bar.finish_and_clear();
    let after = store.stats()?;
    println!(
        "{done} of {} documents reanalysed in {:.1} s (generation {}); events {} → {}, claims {} → {}, entities {} → {}",
        status.documents,
        started.elapsed().as_secs_f64(),
        status.generation,
        before.events,
        after.events,
        before.claims,
        after.claims,
        before.entities,
        after.entities
    );
    for reason in &failures {
        eprintln!("error: {reason}");
    }
    Ok(if failures.is_empty() { Outcome::Clean } else { Outcome::SomeInputsFailed })
}
