//! Filter queries on a generated store of one million events.
//!
//! Run with `cargo bench -p lagebild-store`. It generates 50,000 documents with 20 events each
//! (actors, recipients and reporters drawn from a Zipf distribution over 1,000 actor codes, a
//! third of the events reported by a claim, some of those denied), stores them through
//! `put_batch` in batches of 500, and then runs a fixed set of 20 filter queries (page size
//! 100) ten times each after one warm-up round. It reports the generation time, the database
//! size and, per query, the rows found and the median and worst time, and asserts that the
//! 95th percentile over all runs is under 100 ms, and what the store holds.
//!
//! The database (about 1.8 GB) is written to Cargo's target tmp folder and removed at the end;
//! with `LAGEBILD_BENCH_REUSE=1` it is kept, and a kept one is used instead of generating it
//! again.

#![allow(clippy::print_stdout)] // A benchmark reports on the terminal.

#[path = "../tests/support/mod.rs"]
mod support;

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use lagebild_doc::{EventType, Stance};
use lagebild_store::{
    ActorRef, ClaimFilter, DateRange, EventFilter, NewDocument, OnConflict, PageRequest, Put, PutOutcome, Store,
};
use support::{EventSpec, Party};

const DOCUMENTS: usize = 50_000;
const EVENTS_PER_DOCUMENT: usize = 20;
const CODES: usize = 1_000;
const ZIPF_EXPONENT: f64 = 1.0;
const PAGE: usize = 100;
const RUNS: usize = 10;
const P95_BUDGET: Duration = Duration::from_millis(100);
/// Bump when the generated documents change, so that a kept database is not reused.
const GENERATOR_VERSION: u32 = 1;

/// xorshift64*: a small, fixed pseudo-random sequence.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Ranks 0..n drawn with probability proportional to 1 / (rank + 1)^s.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=n)
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(s);
                total
            })
            .collect::<Vec<_>>();
        Zipf { cumulative: cumulative.iter().map(|c| c / total).collect() }
    }

    fn draw(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.cumulative.partition_point(|&c| c < u).min(self.cumulative.len() - 1)
    }
}

const SECTORS: [&str; 5] = ["GOV", "MIL", "REB", "BUS", "MED"];

/// The actor code of a rank: 200 countries of five sectors each. Country `AAA` is rank 0's.
fn code(rank: usize) -> String {
    let country = rank / SECTORS.len();
    let letters: String =
        [country / 676, country / 26 % 26, country % 26].iter().map(|&i| char::from(b'A' + i as u8)).collect();
    format!("{letters}{}", SECTORS[rank % SECTORS.len()])
}

fn party(rank: usize) -> Party {
    let code = code(rank);
    Party::new(&format!("Akteur {code}"), &code, &code[..3]).kb(&format!("Q{}", 1000 + rank))
}

fn generate(path: &std::path::Path) {
    let started = Instant::now();
    let (sender, receiver) = mpsc::sync_channel::<Vec<Put>>(4);
    let generator = std::thread::spawn(move || {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let actors = Zipf::new(CODES, ZIPF_EXPONENT);
        let types = Zipf::new(EventType::ALL.len(), 0.5);
        let mut batch = Vec::with_capacity(500);
        for n in 0..DOCUMENTS {
            // Two years of news, 2023 and 2024.
            let day = n * 730 / DOCUMENTS;
            let published = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(day as u64);
            let published = published.to_string();
            let events: Vec<EventSpec> = (0..EVENTS_PER_DOCUMENT)
                .map(|_| {
                    let event_type = EventType::ALL[types.draw(&mut rng)];
                    let actor = actors.draw(&mut rng);
                    let mut recipient = actors.draw(&mut rng);
                    if recipient == actor {
                        recipient = (recipient + 1) % CODES;
                    }
                    let mut spec = EventSpec::new(event_type, party(actor), party(recipient))
                        .context(["military", "diplomatic", "economic", "humanitarian"][rng.below(4)]);
                    if rng.below(3) == 0 {
                        let stance = [Stance::Assert, Stance::Assert, Stance::Hedge][rng.below(3)];
                        spec = spec.reported_by(party(actors.draw(&mut rng)), stance);
                        if rng.below(5) == 0 {
                            spec = spec.denied_by(party(actors.draw(&mut rng)));
                        }
                    }
                    if rng.below(4) == 0 {
                        let back = chrono::NaiveDate::parse_from_str(&published, "%Y-%m-%d").unwrap()
                            - chrono::Days::new(rng.below(10) as u64);
                        spec = spec.on(&back.to_string());
                    }
                    spec
                })
                .collect();
            let doc = support::document(&format!("gen-{n:06}"), &published, &format!("Lage {n}"), &events);
            batch.push(Put::Record(NewDocument { record: support::record(&doc), input_lang: None }));
            if batch.len() == 500 {
                sender.send(std::mem::take(&mut batch)).unwrap();
            }
        }
        if !batch.is_empty() {
            sender.send(batch).unwrap();
        }
    });
    let mut store = Store::open(path).unwrap();
    let mut stored = 0;
    for batch in receiver {
        for outcome in store.put_batch(&batch, OnConflict::Skip).unwrap() {
            assert!(matches!(outcome, PutOutcome::Stored { events: EVENTS_PER_DOCUMENT, .. }), "{outcome:?}");
            stored += 1;
        }
    }
    generator.join().unwrap();
    assert_eq!(stored, DOCUMENTS);
    println!(
        "generated {DOCUMENTS} documents with {} events in {:.1} s",
        DOCUMENTS * EVENTS_PER_DOCUMENT,
        started.elapsed().as_secs_f64()
    );
}

enum Query {
    Events(EventFilter),
    Claims(ClaimFilter),
}

fn actor(rank: usize) -> Option<ActorRef> {
    Some(ActorRef::Code(code(rank)))
}

fn queries() -> Vec<(&'static str, Query)> {
    let month = DateRange::parse(Some("2024-03"), Some("2024-03")).unwrap();
    let week = DateRange::parse(Some("2023-06-05"), Some("2023-06-11")).unwrap();
    let e = |filter: EventFilter| Query::Events(filter);
    vec![
        ("all events", e(EventFilter::default())),
        ("actor, most frequent", e(EventFilter { actor: actor(0), ..Default::default() })),
        ("actor, rank 10", e(EventFilter { actor: actor(10), ..Default::default() })),
        ("actor, rank 700", e(EventFilter { actor: actor(700), ..Default::default() })),
        ("recipient, most frequent", e(EventFilter { recipient: actor(0), ..Default::default() })),
        ("actor 1st and recipient 2nd", e(EventFilter { actor: actor(0), recipient: actor(1), ..Default::default() })),
        (
            "actor 5th, recipient 3rd, ASSAULT",
            e(EventFilter {
                actor: actor(5),
                recipient: actor(3),
                types: vec!["ASSAULT".into()],
                ..Default::default()
            }),
        ),
        ("type ASSAULT", e(EventFilter { types: vec!["ASSAULT".into()], ..Default::default() })),
        ("types AID or CONSULT", e(EventFilter { types: vec!["AID".into(), "CONSULT".into()], ..Default::default() })),
        ("context military", e(EventFilter { context: Some("military".into()), ..Default::default() })),
        ("one month", e(EventFilter { dates: month, ..Default::default() })),
        ("actor 1st in one week", e(EventFilter { actor: actor(0), dates: week, ..Default::default() })),
        ("reported by the most frequent", e(EventFilter { reported_by: actor(0), ..Default::default() })),
        ("reporting claim hedges", e(EventFilter { stance: Some("hedge".into()), ..Default::default() })),
        (
            "stated by the article, actor 20th",
            e(EventFilter { stance: Some("none".into()), actor: actor(20), ..Default::default() }),
        ),
        (
            "country AAA (all sectors) to country AAB",
            e(EventFilter {
                actor: Some(ActorRef::Code("AAA".into())),
                recipient: Some(ActorRef::Code("AAB".into())),
                ..Default::default()
            }),
        ),
        (
            "actor by name, rank 50",
            e(EventFilter { actor: ActorRef::parse(&format!("Akteur {}", code(50))).ok(), ..Default::default() }),
        ),
        (
            "actor 3rd, words of the text",
            e(EventFilter { actor: actor(3), text: Some(format!("\"akteur {}\"", code(2))), ..Default::default() }),
        ),
        ("claims by the most frequent speaker", Query::Claims(ClaimFilter { speaker: actor(0), ..Default::default() })),
        (
            "denials of claims by the 2nd",
            Query::Claims(ClaimFilter { stance: Some("deny".into()), responds_to: actor(1), ..Default::default() }),
        ),
    ]
}

fn main() {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("lagebild-bench-v{}-g{GENERATOR_VERSION}.db", lagebild_store::LATEST_VERSION));
    let reuse = std::env::var_os("LAGEBILD_BENCH_REUSE").is_some_and(|value| value == "1");
    if !(reuse && path.exists()) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
        generate(&path);
    }
    let store = Store::open(&path).unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, DOCUMENTS as u64);
    assert_eq!(stats.events, (DOCUMENTS * EVENTS_PER_DOCUMENT) as u64);
    assert!(stats.claims > stats.events / 4, "{} claims", stats.claims);
    let size: u64 = ["", "-wal"]
        .iter()
        .filter_map(|suffix| std::fs::metadata(format!("{}{suffix}", path.display())).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "store: {} documents, {} events, {} claims, {:.0} MB on disk",
        stats.documents,
        stats.events,
        stats.claims,
        size as f64 / 1e6
    );

    let queries = queries();
    assert_eq!(queries.len(), 20);
    let page = PageRequest::new(PAGE, None);
    let run = |query: &Query| -> (Duration, usize) {
        let started = Instant::now();
        let rows = match query {
            Query::Events(filter) => store.events(filter, &page).unwrap().items.len(),
            Query::Claims(filter) => store.claims(filter, &page).unwrap().items.len(),
        };
        (started.elapsed(), rows)
    };
    // Warm-up round: the cache holds what the queries need.
    for (_, query) in &queries {
        run(query);
    }
    let mut all = Vec::new();
    println!("{:<42} {:>5} {:>10} {:>10}", "query (page size 100)", "rows", "median ms", "max ms");
    for (name, query) in &queries {
        let mut times = Vec::with_capacity(RUNS);
        let mut rows = 0;
        for _ in 0..RUNS {
            let (time, found) = run(query);
            times.push(time);
            rows = found;
        }
        assert!(rows > 0, "{name}: the query found nothing, so it measured nothing");
        times.sort();
        println!(
            "{name:<42} {rows:>5} {:>10.2} {:>10.2}",
            times[RUNS / 2].as_secs_f64() * 1e3,
            times[RUNS - 1].as_secs_f64() * 1e3
        );
        all.extend(times);
    }
    all.sort();
    let p95 = all[(all.len() * 95).div_ceil(100) - 1];
    let p50 = all[all.len() / 2];
    println!(
        "over {} runs: median {:.2} ms, 95th percentile {:.2} ms (budget {} ms)",
        all.len(),
        p50.as_secs_f64() * 1e3,
        p95.as_secs_f64() * 1e3,
        P95_BUDGET.as_millis()
    );
    drop(store);
    if !reuse {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
        }
    }
    assert!(p95 < P95_BUDGET, "the 95th percentile {p95:?} is over {P95_BUDGET:?}");
}
