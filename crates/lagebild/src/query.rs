//! The query commands: `events`, `claims`, `actors`, `search`, `documents`, `show`.

#![allow(clippy::print_stdout)] // Query results are the commands' output.

use std::io::{self, Write};
use std::path::PathBuf;

use lagebild_store::{
    ActorBy, ActorFilter, ActorRef, ActorRow, ClaimFilter, ClaimRef, ClaimRow, DateRange, DocumentFilter, DocumentRow,
    EventFilter, EventRow, Page, PageRequest, Participant, SearchHit, Store, StoreError,
};

use crate::Outcome;
use crate::ingest::{DEFAULT_DB, open_store};
use crate::output::{Table, TableFormat, write_rows};

/// The page size when `--limit 0` asks for every row.
const ALL_PAGE: usize = 1000;

#[derive(clap::Args)]
pub(crate) struct Common {
    /// The database file (SQLite).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,
    /// The most rows to print; 0 prints every row.
    #[arg(long, value_name = "N", default_value_t = 50)]
    limit: usize,
    /// Continue after the rows of an earlier run (the cursor it printed).
    #[arg(long, value_name = "CURSOR")]
    cursor: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    format: TableFormat,
}

#[derive(clap::Args)]
pub(crate) struct EventsArgs {
    #[command(flatten)]
    common: Common,
    #[command(flatten)]
    filter: EventFilterArgs,
}

/// The filters of `lagebild events`, shared with `lagebild export`.
#[derive(clap::Args)]
pub(crate) struct EventFilterArgs {
    /// Who acts: an actor code or a coarser level of it (`RUS` covers `RUSGOV`, `RUSMIL` and
    /// entities of country RUS), a name (`Moskau`), a knowledge-base id (`Q159`), or
    /// `code:`, `country:`, `name:`, `kb:` followed by one.
    #[arg(long, value_name = "ACTOR")]
    actor: Option<String>,
    /// Whom the act is directed at (as --actor).
    #[arg(long, value_name = "ACTOR")]
    recipient: Option<String>,
    /// Where it happens (as --actor).
    #[arg(long, value_name = "PLACE")]
    location: Option<String>,
    /// PLOVER event types, comma-separated: any of them (ASSAULT,AID,…).
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    types: Vec<String>,
    /// PLOVER context (military, diplomatic, humanitarian, …).
    #[arg(long, value_name = "CONTEXT")]
    context: Option<String>,
    /// Events on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Events on or before this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Who reports the event: the speaker of the claim it is reported in (as --actor).
    #[arg(long, value_name = "ACTOR")]
    reported_by: Option<String>,
    /// Stance of the reporting claim: assert, hedge, deny, or none (the article states it).
    #[arg(long, value_name = "STANCE")]
    stance: Option<String>,
    /// Words the event's document contains (as `lagebild search`).
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
    /// Only the events of this document.
    #[arg(long, value_name = "ID")]
    document: Option<String>,
}

impl EventFilterArgs {
    /// The store's filter; a malformed actor or date is an error naming it.
    pub(crate) fn filter(&self) -> Result<EventFilter, StoreError> {
        Ok(EventFilter {
            actor: actor(&self.actor)?,
            recipient: actor(&self.recipient)?,
            location: actor(&self.location)?,
            types: self.types.clone(),
            context: self.context.clone(),
            dates: DateRange::parse(self.from.as_deref(), self.to.as_deref())?,
            reported_by: actor(&self.reported_by)?,
            stance: self.stance.clone(),
            text: self.text.clone(),
            document: self.document.clone(),
        })
    }
}

#[derive(clap::Args)]
pub(crate) struct ClaimsArgs {
    #[command(flatten)]
    common: Common,
    /// Who speaks (as `events --actor`).
    #[arg(long, value_name = "ACTOR")]
    speaker: Option<String>,
    /// Where it was said: `Telegram`, `Staatsfernsehen` (as `events --actor`).
    #[arg(long, value_name = "CHANNEL")]
    channel: Option<String>,
    /// assert, hedge or deny.
    #[arg(long, value_name = "STANCE")]
    stance: Option<String>,
    /// direct, indirect or mixed.
    #[arg(long, value_name = "KIND")]
    kind: Option<String>,
    /// Claims that answer a claim of this speaker (as `events --actor`), or `any`.
    #[arg(long, value_name = "ACTOR")]
    responds_to: Option<String>,
    /// Claims on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Claims on or before this day.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Words the claim's document contains.
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
    /// Only the claims of this document.
    #[arg(long, value_name = "ID")]
    document: Option<String>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ByArg {
    Code,
    Name,
}

#[derive(clap::Args)]
pub(crate) struct ActorsArgs {
    #[command(flatten)]
    common: Common,
    /// Group by actor code (with its coarser levels) or by name.
    #[arg(long, value_enum, default_value_t = ByArg::Code)]
    by: ByArg,
    /// Only actors whose code or name contains this text.
    #[arg(long = "match", value_name = "TEXT")]
    matching: Option<String>,
}

#[derive(clap::Args)]
pub(crate) struct SearchArgs {
    #[command(flatten)]
    common: Common,
    /// Only documents in this language (de, en, und).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// The words: all must occur (by German or English stem); "…" is a phrase, word* a prefix.
    #[arg(value_name = "WORDS", required = true)]
    query: Vec<String>,
}

#[derive(clap::Args)]
pub(crate) struct DocumentsArgs {
    #[command(flatten)]
    common: Common,
    /// Only documents in this language (de, en, und).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Documents published on or after this day.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Documents published on or before this day.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Words the document contains.
    #[arg(long, value_name = "WORDS")]
    text: Option<String>,
}

#[derive(clap::Args)]
pub(crate) struct ShowArgs {
    /// The database file (SQLite).
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,
    /// Print the sources the text came from instead of the record.
    #[arg(long)]
    sources: bool,
    /// The document's id.
    #[arg(value_name = "ID")]
    id: String,
}

fn actor(value: &Option<String>) -> Result<Option<ActorRef>, StoreError> {
    value.as_deref().map(ActorRef::parse).transpose()
}

/// Opens the store for reading; a database that does not exist is an error, not a new file.
fn open_existing(db: &std::path::Path) -> anyhow::Result<Store> {
    if !db.exists() {
        anyhow::bail!("{} does not exist (lagebild ingest --db {} PATH… makes it)", db.display(), db.display());
    }
    let store = open_store(db)?;
    store.make_read_only()?;
    Ok(store)
}

/// Fetches the pages a command asks for and prints them.
fn run<T: serde::Serialize>(
    common: &Common,
    fetch: impl Fn(&Store, &PageRequest) -> Result<Page<T>, StoreError>,
    table: impl Fn(&[T]) -> Table,
) -> anyhow::Result<Outcome> {
    let store = open_existing(&common.db)?;
    let mut rows = Vec::new();
    let mut cursor = common.cursor.clone();
    let next = loop {
        let wanted = if common.limit == 0 { ALL_PAGE } else { (common.limit - rows.len()).min(ALL_PAGE) };
        let page = fetch(&store, &PageRequest::new(wanted, cursor.take()))?;
        rows.extend(page.items);
        match page.next {
            Some(next) if common.limit == 0 || rows.len() < common.limit => cursor = Some(next),
            next => break next,
        }
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    write_rows(&mut out, common.format, &rows, table)?;
    out.flush()?;
    if let Some(next) = next {
        eprintln!("more rows follow: add --cursor {next}");
    }
    Ok(Outcome::Clean)
}

fn names(parts: &[Participant]) -> String {
    parts.iter().map(Participant::label).collect::<Vec<_>>().join("; ")
}

fn reported(claim: &Option<ClaimRef>) -> String {
    match claim {
        None => String::new(),
        Some(claim) => {
            let speaker = claim.speaker.as_ref().map_or_else(|| "?".to_owned(), Participant::label);
            format!("{}: {speaker}", claim.stance)
        }
    }
}

fn answers(claims: &[ClaimRef]) -> String {
    claims
        .iter()
        .map(|claim| {
            let speaker = claim.speaker.as_ref().map_or_else(|| "?".to_owned(), Participant::label);
            format!("{}: {speaker}", claim.stance)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn event_table(rows: &[EventRow]) -> Table {
    Table {
        header: vec!["DATE", "TYPE", "ACTORS", "RECIPIENTS", "TRIGGER", "REPORTED BY", "ANSWERED", "DOCUMENT"],
        widths: vec![16, 20, 36, 36, 28, 36, 30, 40],
        rows: rows
            .iter()
            .map(|row| {
                let mut what = row.event_type.clone();
                if let Some(mode) = &row.mode {
                    what.push('/');
                    what.push_str(mode);
                }
                for (flag, name) in [
                    (row.negated, "not"),
                    (row.hypothetical, "maybe"),
                    (row.future, "future"),
                    (row.historical, "past"),
                ] {
                    if flag {
                        what.push_str(&format!(" ({name})"));
                    }
                }
                vec![
                    row.date.clone().unwrap_or_default(),
                    what,
                    names(&row.actors),
                    names(&row.recipients),
                    row.trigger.clone(),
                    reported(&row.reported_by),
                    answers(&row.responses),
                    format!("{}/{}", row.document, row.id),
                ]
            })
            .collect(),
    }
}

fn claim_table(rows: &[ClaimRow]) -> Table {
    Table {
        header: vec!["DATE", "STANCE", "SPEAKER", "CHANNEL", "CUE", "CONTENT", "ANSWERS", "ANSWERED", "DOCUMENT"],
        widths: vec![16, 6, 36, 20, 20, 60, 36, 30, 40],
        rows: rows
            .iter()
            .map(|row| {
                vec![
                    row.date.clone().or_else(|| row.published.clone()).unwrap_or_default(),
                    row.stance.clone(),
                    row.speaker.as_ref().map(Participant::label).unwrap_or_default(),
                    row.channel.as_ref().map(Participant::label).unwrap_or_default(),
                    row.cue.clone(),
                    row.content.clone(),
                    row.responds_to
                        .iter()
                        .map(|claim| {
                            let speaker = claim.speaker.as_ref().map_or_else(|| "?".to_owned(), Participant::label);
                            format!("{speaker}: {}", claim.content)
                        })
                        .collect::<Vec<_>>()
                        .join("; "),
                    answers(&row.responses),
                    format!("{}/{}", row.document, row.id),
                ]
            })
            .collect(),
    }
}

fn actor_table(rows: &[ActorRow]) -> Table {
    Table {
        header: vec!["ACTOR", "NAME", "ACTS", "RECEIVES", "SPEAKS", "PLACE", "TOTAL"],
        widths: vec![30, 40, 9, 9, 9, 9, 9],
        rows: rows
            .iter()
            .map(|row| {
                vec![
                    row.actor.clone(),
                    row.name.clone().unwrap_or_default(),
                    row.as_actor.to_string(),
                    row.as_recipient.to_string(),
                    row.as_speaker.to_string(),
                    row.as_location.to_string(),
                    row.total.to_string(),
                ]
            })
            .collect(),
    }
}

fn search_table(rows: &[SearchHit]) -> Table {
    Table {
        header: vec!["SCORE", "DOCUMENT", "LANG", "PUBLISHED", "TITLE", "SNIPPET"],
        widths: vec![8, 30, 4, 10, 50, 100],
        rows: rows
            .iter()
            .map(|row| {
                vec![
                    format!("{:.2}", row.score),
                    row.id.clone(),
                    row.lang.clone(),
                    row.published.clone().unwrap_or_default(),
                    row.title.clone().unwrap_or_default(),
                    row.snippet.clone(),
                ]
            })
            .collect(),
    }
}

fn document_table(rows: &[DocumentRow]) -> Table {
    Table {
        header: vec!["DOCUMENT", "LANG", "PUBLISHED", "EVENTS", "CLAIMS", "ENTITIES", "SOURCES", "TITLE"],
        widths: vec![30, 4, 10, 8, 8, 8, 8, 60],
        rows: rows
            .iter()
            .map(|row| {
                vec![
                    row.id.clone(),
                    row.lang.clone(),
                    row.published.clone().unwrap_or_default(),
                    row.events.to_string(),
                    row.claims.to_string(),
                    row.entities.to_string(),
                    row.sources.to_string(),
                    row.title.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    }
}

pub(crate) fn events(args: EventsArgs) -> anyhow::Result<Outcome> {
    let filter = args.filter.filter()?;
    run(&args.common, |store, page| store.events(&filter, page), event_table)
}

pub(crate) fn claims(args: ClaimsArgs) -> anyhow::Result<Outcome> {
    let any = args.responds_to.as_deref().is_some_and(|value| value.trim().eq_ignore_ascii_case("any"));
    let filter = ClaimFilter {
        speaker: actor(&args.speaker)?,
        channel: actor(&args.channel)?,
        stance: args.stance.clone(),
        kind: args.kind.clone(),
        responds_to: if any { None } else { actor(&args.responds_to)? },
        responds_to_any: any,
        dates: DateRange::parse(args.from.as_deref(), args.to.as_deref())?,
        text: args.text.clone(),
        document: args.document.clone(),
    };
    run(&args.common, |store, page| store.claims(&filter, page), claim_table)
}

pub(crate) fn actors(args: ActorsArgs) -> anyhow::Result<Outcome> {
    let by = match args.by {
        ByArg::Code => ActorBy::Code,
        ByArg::Name => ActorBy::Name,
    };
    let filter = ActorFilter { by, matching: args.matching.clone() };
    run(&args.common, |store, page| store.actors(&filter, page), actor_table)
}

pub(crate) fn search(args: SearchArgs) -> anyhow::Result<Outcome> {
    let query = args.query.join(" ");
    run(&args.common, |store, page| store.search(&query, args.lang.as_deref(), page), search_table)
}

pub(crate) fn documents(args: DocumentsArgs) -> anyhow::Result<Outcome> {
    let filter = DocumentFilter {
        lang: args.lang.clone(),
        dates: DateRange::parse(args.from.as_deref(), args.to.as_deref())?,
        text: args.text.clone(),
    };
    run(&args.common, |store, page| store.documents(&filter, page), document_table)
}

pub(crate) fn show(args: ShowArgs) -> anyhow::Result<Outcome> {
    let store = open_existing(&args.db)?;
    let Some(document) = store.document(&args.id)? else {
        anyhow::bail!("no document with the id {:?} in {}", args.id, args.db.display());
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    if args.sources {
        for source in &document.sources {
            writeln!(out, "{}\t{}", source.seen_at, source.source)?;
        }
    } else {
        writeln!(out, "{}", document.record)?;
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
