//! The HTTP API of lagebild: the store's documents, events, claims, actors and search as JSON,
//! with the same filters and paging as the command line, and an OpenAPI description at
//! [`OPENAPI_PATH`].
//!
//! Reading needs no token. Writing (`POST /api/v1/documents`: analyse a text and store it)
//! needs the bearer token the operator set, and is refused when none is set. Every error is a
//! JSON body ([`ErrorBody`]) with a fitting status. Bodies are limited in size
//! ([`Config::max_body_bytes`]), requests in time ([`Config::request_timeout`]), queries in
//! time ([`Config::query_timeout`]) and pages in size ([`Config::max_page_size`]); no query
//! is built from strings: the store binds every value.
//!
//! Reads run on a small pool of read-only connections, writes on the one writer connection,
//! both off the async threads.
//!
//! Besides the API, the server can serve a set of static files ([`Config::static_files`]: the
//! workbench of `lagebild-web`) at every other path, with a content security policy that lets a
//! page load scripts, styles, images and data from this server only.

mod error;
mod routes;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::extract::State;
use axum::http::{HeaderValue, Method, Request, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use lagebild_pipeline::Knowledge;
use lagebild_store::{Store, StoreError};
use tokio::sync::{Semaphore, oneshot};
use tower_http::timeout::TimeoutLayer;

pub use error::{ApiError, ErrorBody, ErrorDetail};
pub use routes::openapi_json;

/// Where the OpenAPI description is served.
pub const OPENAPI_PATH: &str = "/openapi.json";

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database file.
    pub db: PathBuf,
    /// The address to listen on; loopback by default.
    pub listen: SocketAddr,
    /// The bearer token that writing needs; `None` refuses every write.
    pub token: Option<String>,
    /// The largest request body, in bytes.
    pub max_body_bytes: usize,
    /// How long a request may take before it is answered with 408.
    pub request_timeout: Duration,
    /// How long one query may run before it is stopped (503).
    pub query_timeout: Duration,
    /// The largest page a request may ask for.
    pub max_page_size: usize,
    /// Queries that run at once; more wait.
    pub readers: usize,
    /// Files served at their paths outside `/api/` (`/` serves `/index.html`); none by default.
    pub static_files: Vec<StaticFile>,
}

/// A file the server serves as it is.
#[derive(Clone, Copy)]
pub struct StaticFile {
    /// The URL path (`/index.html`).
    pub path: &'static str,
    pub content_type: &'static str,
    pub bytes: &'static [u8],
}

impl std::fmt::Debug for StaticFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StaticFile({}, {}, {} bytes)", self.path, self.content_type, self.bytes.len())
    }
}

/// The content security policy of static files: everything from this server, nothing inline,
/// nothing from anywhere else.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

impl Config {
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            listen: SocketAddr::from(([127, 0, 0, 1], 8787)),
            token: None,
            max_body_bytes: 2 * 1024 * 1024,
            request_timeout: Duration::from_secs(30),
            query_timeout: Duration::from_secs(10),
            max_page_size: 500,
            readers: 4,
            static_files: Vec::new(),
        }
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot listen on {address}: {source}")]
    Listen { address: SocketAddr, source: std::io::Error },
    #[error("cannot start the server: {0}")]
    Runtime(std::io::Error),
}

/// What the handlers share.
pub(crate) struct AppState {
    config: Config,
    knowledge: Knowledge,
    writer: Mutex<Store>,
    readers: Mutex<Vec<Store>>,
    read_permits: Semaphore,
}

impl AppState {
    fn take_reader(&self) -> Result<Store, StoreError> {
        let idle = self.readers.lock().ok().and_then(|mut readers| readers.pop());
        match idle {
            Some(store) => Ok(store),
            None => {
                let mut store = Store::open(&self.config.db)?;
                store.make_read_only()?;
                store.set_query_timeout(Some(self.config.query_timeout));
                Ok(store)
            }
        }
    }

    fn give_back_reader(&self, store: Store) {
        if let Ok(mut readers) = self.readers.lock() {
            readers.push(store);
        }
    }
}

/// Answers every error that did not come from a handler (unknown path, wrong method, timeout,
/// body limit) with a JSON body too.
async fn json_errors(request: Request<Body>, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let reason = status.canonical_reason().unwrap_or("error").to_lowercase();
        return ApiError::for_status(status, reason).into_response();
    }
    response
}

fn not_found() -> ApiError {
    ApiError::not_found("no such path (the API is under /api/v1; its description is at /openapi.json)")
}

/// A static file at a path outside `/api/`, else the JSON error of an unknown path.
async fn static_file(State(state): State<Arc<AppState>>, method: Method, uri: Uri) -> Response {
    let path = match uri.path() {
        "/" => "/index.html",
        path => path,
    };
    // Paths under /api/ belong to the API, whatever files there are.
    let found = state.config.static_files.iter().find(|file| file.path == path && !path.starts_with("/api/"));
    match found {
        Some(file) if method == Method::GET || method == Method::HEAD => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(file.content_type)),
                (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY)),
                (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
                (header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            file.bytes,
        )
            .into_response(),
        Some(_) => method_not_allowed().await.into_response(),
        None => not_found().into_response(),
    }
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this path does not take that method")
}

/// The routes of the API over a store, with the limits of `config`.
fn router(state: Arc<AppState>) -> Router {
    let config = &state.config;
    let (max_body, timeout) = (config.max_body_bytes, config.request_timeout);
    Router::new()
        .route("/api/v1/events", get(routes::events))
        .route("/api/v1/claims", get(routes::claims))
        .route("/api/v1/actors", get(routes::actors))
        .route("/api/v1/search", get(routes::search))
        .route("/api/v1/documents", get(routes::documents).post(routes::post_document))
        .route("/api/v1/documents/{id}", get(routes::document))
        .route("/api/v1/stats", get(routes::stats))
        .route(OPENAPI_PATH, get(routes::openapi))
        .fallback(static_file)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(DefaultBodyLimit::max(max_body))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(middleware::from_fn(json_errors))
}

/// A running server.
pub struct Server {
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Opens the store (migrating it), binds `config.listen` and serves on threads of its own.
    pub fn start(config: Config, knowledge: Knowledge) -> Result<Server, ServeError> {
        let writer = Store::open(&config.db)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .max_blocking_threads(config.readers + 4)
            .enable_all()
            .build()
            .map_err(ServeError::Runtime)?;
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(config.listen))
            .map_err(|source| ServeError::Listen { address: config.listen, source })?;
        let address = listener.local_addr().map_err(|source| ServeError::Listen { address: config.listen, source })?;
        let state = Arc::new(AppState {
            read_permits: Semaphore::new(config.readers.max(1)),
            readers: Mutex::new(Vec::new()),
            writer: Mutex::new(writer),
            knowledge,
            config,
        });
        let app = router(state);
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            runtime.block_on(async move {
                let shutdown = async move {
                    let _ = stopped.await;
                };
                // A failing accept is retried by axum; nothing else ends the server but `stop`.
                let _ = axum::serve(listener, app).with_graceful_shutdown(shutdown).await;
            });
        });
        Ok(Server { address, stop: Some(stop), thread: Some(thread) })
    }

    /// The address the server listens on (with the port chosen when `listen` had port 0).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Stops accepting, finishes the requests in flight, and returns.
    pub fn stop(mut self) {
        self.shutdown();
    }

    /// Waits until the server stops (it does not stop by itself).
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shutdown();
    }
}
