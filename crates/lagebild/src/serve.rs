//! `serve`: the HTTP API over the store, and the workbench (`lagebild-web`) beside it.

#![allow(clippy::print_stdout)] // Where the server listens is the command's output.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use lagebild_api::{Config, OPENAPI_PATH, Server, StaticFile};

use crate::Outcome;
use crate::ingest::{DEFAULT_DB, load_knowledge};

/// The environment variable that may hold the token writing needs.
const TOKEN_VARIABLE: &str = "LAGEBILD_API_TOKEN";

#[derive(clap::Args)]
pub(crate) struct ServeArgs {
    /// The database file (SQLite); created if absent.
    #[arg(long, value_name = "FILE", default_value = DEFAULT_DB)]
    db: PathBuf,
    /// The address to listen on. The default is loopback only; give another address to
    /// serve other machines.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1:8787")]
    listen: SocketAddr,
    /// A file whose first line is the bearer token that writing (POST) needs. The token may
    /// instead be in the environment variable LAGEBILD_API_TOKEN; without either, the server
    /// refuses every write.
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,
    /// The largest request body, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    max_body: usize,
    /// The largest page a request may ask for.
    #[arg(long, value_name = "N", default_value_t = 500, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    max_page: u64,
    /// Seconds a request may take.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
    /// A directory laid out like resources/, whose files replace the embedded ones.
    #[arg(long, value_name = "DIR")]
    resources: Option<PathBuf>,
    /// A dictionary in PETRARCH's format (actors, agents or verbs) loaded on top of the
    /// built-in knowledge for texts posted to the API; may be given several times.
    #[arg(long, value_name = "PATH")]
    dictionary: Vec<PathBuf>,
}

pub(crate) fn serve(args: ServeArgs) -> anyhow::Result<Outcome> {
    let token = match &args.token_file {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).with_context(|| format!("reading the token from {}", path.display()))?;
            Some(text.lines().next().unwrap_or("").trim().to_owned())
        }
        None => std::env::var(TOKEN_VARIABLE).ok().map(|token| token.trim().to_owned()),
    };
    if token.as_ref().is_some_and(|token| token.len() < 16) {
        anyhow::bail!("the token is shorter than 16 characters; choose a longer one");
    }
    let knowledge = load_knowledge(args.resources.as_deref(), &args.dictionary, None)?;
    let mut config = Config::new(args.db.clone());
    config.listen = args.listen;
    config.token = token;
    config.max_body_bytes = args.max_body;
    config.max_page_size = args.max_page as usize;
    config.request_timeout = Duration::from_secs(args.timeout);
    config.query_timeout = Duration::from_secs(args.timeout.min(10));
    config.static_files = lagebild_web::FILES
        .iter()
        .map(|file| StaticFile { path: file.path, content_type: file.content_type, bytes: file.bytes })
        .collect();
    let writes = if config.token.is_some() { "writing with the token" } else { "read only (no token set)" };
    let server = Server::start(config, knowledge).context("starting the server")?;
    let address = server.address();
    println!(
        "Serving {} on http://{address}/api/v1/ ({writes}); API description at http://{address}{OPENAPI_PATH}",
        args.db.display()
    );
    println!("Workbench at http://{address}/");
    println!("Stop with Ctrl-C.");
    server.wait();
    Ok(Outcome::Clean)
}
