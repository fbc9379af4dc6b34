//! The handlers, their parameters, and the OpenAPI description derived from them.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use lagebild_format::OutputOptions;
use lagebild_ingest::RawDocument;
use lagebild_pipeline::{Options, Timings};
use lagebild_store::{
    ActorBy, ActorFilter, ActorRef, ActorRow, ClaimFilter, ClaimRef, ClaimRow, DateRange, DocumentFilter, DocumentRow,
    EventFilter, EventRef, EventRow, KeyCount, LangCount, NewDocument, OnConflict, Page, PageRequest, Participant, Put,
    PutOutcome, SearchHit, SourceRow, Stats, Store, StoreError,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi, ToSchema};

use crate::AppState;
use crate::error::{ApiError, ErrorBody, ErrorDetail};

/// Query parameters, with a JSON error when they do not parse.
pub(crate) struct Params<T>(pub(crate) T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Params(value)),
            Err(rejection) => Err(query_error(&rejection)),
        }
    }
}

fn query_error(rejection: &QueryRejection) -> ApiError {
    ApiError::invalid(format!("bad query parameters: {}", rejection.body_text()))
}

/// A JSON body, with a JSON error when it does not parse.
pub(crate) struct Body<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(rejection) => Err(json_error(&rejection)),
        }
    }
}

fn json_error(rejection: &JsonRejection) -> ApiError {
    ApiError::for_status(rejection.status(), format!("bad request body: {}", rejection.body_text()))
}

/// A page of results.
#[derive(Serialize, ToSchema)]
pub(crate) struct EventPage {
    items: Vec<EventRow>,
    /// The cursor of the next page; null on the last page.
    next: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct ClaimPage {
    items: Vec<ClaimRow>,
    next: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct ActorPage {
    items: Vec<ActorRow>,
    next: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct SearchPage {
    items: Vec<SearchHit>,
    next: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct DocumentPage {
    items: Vec<DocumentRow>,
    next: Option<String>,
}

macro_rules! page_from {
    ($page:ident, $row:ty) => {
        impl From<Page<$row>> for $page {
            fn from(page: Page<$row>) -> $page {
                $page { items: page.items, next: page.next }
            }
        }
    };
}
page_from!(EventPage, EventRow);
page_from!(ClaimPage, ClaimRow);
page_from!(ActorPage, ActorRow);
page_from!(SearchPage, SearchHit);
page_from!(DocumentPage, DocumentRow);

/// Paging parameters shared by every list.
fn page(state: &AppState, limit: Option<usize>, cursor: Option<String>) -> Result<PageRequest, ApiError> {
    let max = state.config.max_page_size;
    let limit = limit.unwrap_or(50.min(max));
    if limit == 0 || limit > max {
        return Err(ApiError::invalid(format!("limit must be between 1 and {max}")));
    }
    if cursor.as_ref().is_some_and(|cursor| cursor.len() > 64) {
        return Err(ApiError::invalid("the cursor is not one this server returned"));
    }
    Ok(PageRequest::new(limit, cursor))
}

fn actor(value: &Option<String>) -> Result<Option<ActorRef>, ApiError> {
    Ok(value.as_deref().map(ActorRef::parse).transpose()?)
}

fn list(value: &Option<String>) -> Vec<String> {
    value
        .as_deref()
        .map(|value| value.split(',').map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Filters of `GET /api/v1/events`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct EventsParams {
    /// Who acts: an actor code or a coarser level (`RUS`), a name, a knowledge-base id, or
    /// `code:`, `country:`, `name:`, `kb:` followed by one.
    actor: Option<String>,
    /// Whom the act is directed at (as `actor`).
    recipient: Option<String>,
    /// Where it happens (as `actor`).
    location: Option<String>,
    /// PLOVER types, comma-separated (any of them).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    types: Option<String>,
    /// PLOVER context.
    context: Option<String>,
    /// First day (YYYY-MM-DD, YYYY-MM or YYYY).
    from: Option<String>,
    /// Last day (YYYY-MM-DD, YYYY-MM or YYYY).
    to: Option<String>,
    /// The speaker of the claim that reports the event (as `actor`).
    reported_by: Option<String>,
    /// Stance of the reporting claim: assert, hedge, deny, or none.
    stance: Option<String>,
    /// Words the document contains.
    q: Option<String>,
    /// Only events of this document.
    document: Option<String>,
    /// Page size.
    limit: Option<usize>,
    /// The `next` cursor of the previous page.
    cursor: Option<String>,
}

/// Filters of `GET /api/v1/claims`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct ClaimsParams {
    /// Who speaks (as `actor` of events).
    speaker: Option<String>,
    /// Where it was said.
    channel: Option<String>,
    /// assert, hedge or deny.
    stance: Option<String>,
    /// direct, indirect or mixed.
    kind: Option<String>,
    /// Claims that answer a claim of this speaker, or `any`.
    responds_to: Option<String>,
    from: Option<String>,
    to: Option<String>,
    /// Words the document contains.
    q: Option<String>,
    document: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
}

/// Parameters of `GET /api/v1/actors`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct ActorsParams {
    /// `code` (default) or `name`.
    by: Option<String>,
    /// Only actors whose code or name contains this text.
    #[serde(rename = "match")]
    #[param(rename = "match")]
    matching: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
}

/// Parameters of `GET /api/v1/search`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct SearchParams {
    /// The words: all must occur (by German or English stem); `"…"` is a phrase, `word*` a prefix.
    q: String,
    /// de, en or und.
    lang: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
}

/// Filters of `GET /api/v1/documents`.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct DocumentsParams {
    /// de, en or und.
    lang: Option<String>,
    /// First publication day.
    from: Option<String>,
    /// Last publication day.
    to: Option<String>,
    /// Words the document contains.
    q: Option<String>,
    limit: Option<usize>,
    cursor: Option<String>,
}

/// A stored document: its row, its sources and its record.
#[derive(Serialize, ToSchema)]
pub(crate) struct DocumentDetail {
    document: DocumentRow,
    sources: Vec<SourceRow>,
    /// The record as stored (docs/format.md, `schema/document.schema.json`).
    #[schema(value_type = Object)]
    record: Box<RawValue>,
}

/// A document to analyse and store.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewDocumentBody {
    /// The text (UTF-8).
    text: String,
    /// The document's id; by default a prefix of the text's content hash.
    id: Option<String>,
    title: Option<String>,
    /// Where it came from; recorded as its source.
    url: Option<String>,
    /// Publication date, YYYY-MM-DD, or a timestamp (YYYY-MM-DDTHH:MM, with seconds and an
    /// offset if any) whose time of day resolves "two hours ago".
    published: Option<String>,
    /// The language to analyse in (`de`, `en`); detected when absent.
    lang: Option<String>,
}

/// What happened to a posted document.
#[derive(Serialize, ToSchema)]
pub(crate) struct PostedDocument {
    id: String,
    /// `stored` (new), or `duplicate` (the text was stored already, under `id`).
    status: String,
    events: usize,
    claims: usize,
    entities: usize,
    /// Set when the document was stored but not analysed (its language).
    warning: Option<String>,
}

/// The longest document id accepted.
const MAX_ID_CHARS: usize = 500;

impl AppState {
    /// Runs a read on a pooled connection, off the async threads.
    async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        work: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit =
            self.read_permits.acquire().await.map_err(|_| ApiError::internal("the server is shutting down"))?;
        let state = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = state.take_reader()?;
            let result = work(&store);
            state.give_back_reader(store);
            Ok(result?)
        })
        .await
        .map_err(|error| ApiError::internal(format!("a query failed: {error}")))?
    }
}

#[utoipa::path(
    get, path = "/api/v1/events", tag = "events", params(EventsParams),
    responses(
        (status = 200, description = "Events, newest first", body = EventPage),
        (status = 400, description = "A parameter is not valid", body = ErrorBody),
        (status = 503, description = "The query took too long", body = ErrorBody),
    )
)]
pub(crate) async fn events(
    State(state): State<Arc<AppState>>,
    Params(params): Params<EventsParams>,
) -> Result<Json<EventPage>, ApiError> {
    let filter = EventFilter {
        actor: actor(&params.actor)?,
        recipient: actor(&params.recipient)?,
        location: actor(&params.location)?,
        types: list(&params.types),
        context: params.context,
        dates: DateRange::parse(params.from.as_deref(), params.to.as_deref())?,
        reported_by: actor(&params.reported_by)?,
        stance: params.stance,
        text: params.q,
        document: params.document,
    };
    let page = page(&state, params.limit, params.cursor)?;
    Ok(Json(state.read(move |store| store.events(&filter, &page)).await?.into()))
}

#[utoipa::path(
    get, path = "/api/v1/claims", tag = "claims", params(ClaimsParams),
    responses(
        (status = 200, description = "Claims, newest first", body = ClaimPage),
        (status = 400, description = "A parameter is not valid", body = ErrorBody),
        (status = 503, description = "The query took too long", body = ErrorBody),
    )
)]
pub(crate) async fn claims(
    State(state): State<Arc<AppState>>,
    Params(params): Params<ClaimsParams>,
) -> Result<Json<ClaimPage>, ApiError> {
    let any = params.responds_to.as_deref().is_some_and(|value| value.trim().eq_ignore_ascii_case("any"));
    let filter = ClaimFilter {
        speaker: actor(&params.speaker)?,
        channel: actor(&params.channel)?,
        stance: params.stance,
        kind: params.kind,
        responds_to: if any { None } else { actor(&params.responds_to)? },
        responds_to_any: any,
        dates: DateRange::parse(params.from.as_deref(), params.to.as_deref())?,
        text: params.q,
        document: params.document,
    };
    let page = page(&state, params.limit, params.cursor)?;
    Ok(Json(state.read(move |store| store.claims(&filter, &page)).await?.into()))
}

#[utoipa::path(
    get, path = "/api/v1/actors", tag = "actors", params(ActorsParams),
    responses(
        (status = 200, description = "Actors, most frequent first", body = ActorPage),
        (status = 400, description = "A parameter is not valid", body = ErrorBody),
    )
)]
pub(crate) async fn actors(
    State(state): State<Arc<AppState>>,
    Params(params): Params<ActorsParams>,
) -> Result<Json<ActorPage>, ApiError> {
    let by = match params.by.as_deref() {
        None | Some("code") => ActorBy::Code,
        Some("name") => ActorBy::Name,
        Some(_) => return Err(ApiError::invalid("by must be `code` or `name`")),
    };
    let filter = ActorFilter { by, matching: params.matching };
    let page = page(&state, params.limit, params.cursor)?;
    Ok(Json(state.read(move |store| store.actors(&filter, &page)).await?.into()))
}

#[utoipa::path(
    get, path = "/api/v1/search", tag = "documents", params(SearchParams),
    responses(
        (status = 200, description = "Documents, best match first", body = SearchPage),
        (status = 400, description = "A parameter is not valid", body = ErrorBody),
    )
)]
pub(crate) async fn search(
    State(state): State<Arc<AppState>>,
    Params(params): Params<SearchParams>,
) -> Result<Json<SearchPage>, ApiError> {
    let page = page(&state, params.limit, params.cursor)?;
    let (query, lang) = (params.q, params.lang);
    Ok(Json(state.read(move |store| store.search(&query, lang.as_deref(), &page)).await?.into()))
}

#[utoipa::path(
    get, path = "/api/v1/documents", tag = "documents", params(DocumentsParams),
    responses(
        (status = 200, description = "Documents, newest first", body = DocumentPage),
        (status = 400, description = "A parameter is not valid", body = ErrorBody),
    )
)]
pub(crate) async fn documents(
    State(state): State<Arc<AppState>>,
    Params(params): Params<DocumentsParams>,
) -> Result<Json<DocumentPage>, ApiError> {
    let filter = DocumentFilter {
        lang: params.lang,
        dates: DateRange::parse(params.from.as_deref(), params.to.as_deref())?,
        text: params.q,
    };
    let page = page(&state, params.limit, params.cursor)?;
    Ok(Json(state.read(move |store| store.documents(&filter, &page)).await?.into()))
}

#[utoipa::path(
    get, path = "/api/v1/documents/{id}", tag = "documents",
    params(("id" = String, Path, description = "The document's id")),
    responses(
        (status = 200, description = "The document with its sources and record", body = DocumentDetail),
        (status = 404, description = "No document has this id", body = ErrorBody),
    )
)]
pub(crate) async fn document(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<DocumentDetail>, ApiError> {
    if id.chars().count() > MAX_ID_CHARS {
        return Err(ApiError::invalid(format!("a document id has at most {MAX_ID_CHARS} characters")));
    }
    let wanted = id.clone();
    let found = state.read(move |store| store.document(&wanted)).await?;
    let Some(found) = found else { return Err(ApiError::not_found(format!("no document has the id {id:?}"))) };
    let record = RawValue::from_string(found.record)
        .map_err(|error| ApiError::internal(format!("stored record of {id}: {error}")))?;
    Ok(Json(DocumentDetail { document: found.row, sources: found.sources, record }))
}

#[utoipa::path(
    get, path = "/api/v1/stats", tag = "documents",
    responses((status = 200, description = "Counts over the whole store", body = Stats))
)]
pub(crate) async fn stats(State(state): State<Arc<AppState>>) -> Result<Json<Stats>, ApiError> {
    Ok(Json(state.read(|store| store.stats()).await?))
}

/// Compares the bearer token of a request with the server's, in time that does not depend on
/// where they differ.
fn authorised(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = &state.config.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "writing is disabled: the server was started without a token",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim);
    let Some(given) = given else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "writing needs `Authorization: Bearer TOKEN`",
        ));
    };
    let (a, b) = (given.as_bytes(), expected.as_bytes());
    let mut difference = a.len() ^ b.len();
    for index in 0..a.len().max(b.len()) {
        difference |= usize::from(a.get(index).copied().unwrap_or(0) ^ b.get(index).copied().unwrap_or(0));
    }
    if difference != 0 {
        return Err(ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", "the token is not valid"));
    }
    Ok(())
}

#[utoipa::path(
    post, path = "/api/v1/documents", tag = "documents", request_body = NewDocumentBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Analysed and stored", body = PostedDocument),
        (status = 200, description = "The text was stored already; its source was recorded", body = PostedDocument),
        (status = 400, description = "The body is not a valid document", body = ErrorBody),
        (status = 401, description = "No token, or a wrong one", body = ErrorBody),
        (status = 403, description = "The server takes no writes", body = ErrorBody),
        (status = 409, description = "The id is stored with a different text", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
    )
)]
pub(crate) async fn post_document(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    body: Result<Body<NewDocumentBody>, ApiError>,
) -> Result<Response, ApiError> {
    authorised(&state, &headers)?;
    let Body(body) = body?;
    if body.text.trim().is_empty() {
        return Err(ApiError::invalid("the text is empty"));
    }
    if body.id.as_ref().is_some_and(|id| id.trim().is_empty() || id.chars().count() > MAX_ID_CHARS) {
        return Err(ApiError::invalid(format!("an id has 1 to {MAX_ID_CHARS} characters")));
    }
    // A date, or a timestamp whose time of day counts too (`2023-10-19T08:30:00+02:00`).
    let stamp = body
        .published
        .as_deref()
        .map(|text| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(|date| (date, None))
                .or_else(|| lagebild_ingest::parse_stamp(text).filter(|(_, time)| time.is_some()))
                .ok_or_else(|| ApiError::invalid("published must be a date YYYY-MM-DD or a timestamp YYYY-MM-DDTHH:MM"))
        })
        .transpose()?;
    let (published, published_time) = stamp.map_or((None, None), |(date, time)| (Some(date), time));
    let raw = RawDocument {
        id: body.id.unwrap_or_else(|| lagebild_ingest::content_id(&body.text)),
        source: body.url.clone().unwrap_or_else(|| "api".to_owned()),
        title: body.title,
        url: body.url,
        published,
        published_time,
        lang: body.lang,
        text: body.text,
    };
    let worker = Arc::clone(&state);
    let outcome = tokio::task::spawn_blocking(move || -> Result<(PutOutcome, Option<String>), ApiError> {
        let input_lang = raw.lang.clone();
        let analysis = lagebild_pipeline::analyze(raw, &worker.knowledge, &Options::default(), &mut Timings::default());
        let record = lagebild_format::to_json_line(&analysis.document, &OutputOptions::default());
        let mut writer = worker.writer.lock().map_err(|_| ApiError::internal("the writer failed earlier"))?;
        let put = Put::Record(NewDocument { record, input_lang });
        let mut outcomes = writer.put_batch(&[put], OnConflict::Skip)?;
        Ok((outcomes.pop().ok_or_else(|| ApiError::internal("no outcome"))?, analysis.warning))
    })
    .await
    .map_err(|error| ApiError::internal(format!("analysis failed: {error}")))??;
    let (status, posted) = match outcome {
        (
            PutOutcome::Stored { id, events, claims, entities } | PutOutcome::Replaced { id, events, claims, entities },
            warning,
        ) => (StatusCode::CREATED, PostedDocument { id, status: "stored".into(), events, claims, entities, warning }),
        (PutOutcome::Duplicate { id, .. }, _) => (
            StatusCode::OK,
            PostedDocument { id, status: "duplicate".into(), events: 0, claims: 0, entities: 0, warning: None },
        ),
        (PutOutcome::Conflict { id }, _) => {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "conflict",
                format!("the id {id:?} is stored with a different text"),
            ));
        }
        (PutOutcome::Rejected { reason }, _) => return Err(ApiError::internal(reason)),
    };
    Ok((status, Json(posted)).into_response())
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "lagebild",
        description = "Events, claims and actors found in news articles, each tied to its words. \
            Reading needs no token; writing needs `Authorization: Bearer TOKEN`. Errors have the body `ErrorBody`."
    ),
    paths(events, claims, actors, search, documents, document, post_document, stats),
    components(schemas(
        EventPage, ClaimPage, ActorPage, SearchPage, DocumentPage, DocumentDetail, NewDocumentBody, PostedDocument,
        ErrorBody, ErrorDetail, EventRow, ClaimRow, ClaimRef, EventRef, Participant, ActorRow, SearchHit, DocumentRow,
        SourceRow, Stats, LangCount, KeyCount
    )),
    modifiers(&BearerAuth)
)]
pub(crate) struct ApiDoc;

/// The OpenAPI description of this API, as JSON.
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"))
}

pub(crate) async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], openapi_json()).into_response()
}
