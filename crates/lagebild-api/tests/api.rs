//! The API over loopback: real requests, checked against the OpenAPI description, the token
//! rules, and hostile requests that must each get an error while the server stays up.

#[path = "../../lagebild-store/tests/support/mod.rs"]
mod support;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use lagebild_api::{Config, OPENAPI_PATH, Server, StaticFile};
use lagebild_doc::{EventType, Stance};
use lagebild_pipeline::Knowledge;
use lagebild_store::{NewDocument, OnConflict, Put, Store};
use serde_json::{Value, json};
use support::{EventSpec, Party};

const TOKEN: &str = "test-token-0123456789abcdef";

/// A response: status, headers (lowercase names) and body.
struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|error| panic!("{error}: the body is not JSON: {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Sends raw bytes and reads the answer; `None` when the server closed without one.
fn exchange(address: SocketAddr, request: &[u8]) -> Option<Response> {
    let mut stream = TcpStream::connect(address).expect("the server accepts connections");
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    // A server may answer before the whole request is sent (a body over the limit).
    let _ = stream.write_all(request);
    let mut bytes = Vec::new();
    let mut buffer = [0u8; 8192];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            Err(_) => break,
        }
    }
    let split = bytes.windows(4).position(|window| window == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let mut body = bytes[split + 4..].to_vec();
    if headers.iter().any(|(name, value)| name == "transfer-encoding" && value.contains("chunked")) {
        body = dechunk(&body);
    }
    Some(Response { status, headers, body })
}

fn dechunk(mut bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = bytes.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&bytes[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&bytes[end + 2..end + 2 + size]);
        bytes = &bytes[end + 2 + size + 2..];
    }
    out
}

fn get(address: SocketAddr, target: &str) -> Response {
    let request = format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    exchange(address, request.as_bytes()).unwrap_or_else(|| panic!("no answer to GET {target}"))
}

fn post(address: SocketAddr, target: &str, token: Option<&str>, content_type: &str, body: &[u8]) -> Response {
    let auth = token.map(|token| format!("Authorization: Bearer {token}\r\n")).unwrap_or_default();
    let mut request = format!(
        "POST {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n{auth}Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    exchange(address, &request).unwrap_or_else(|| panic!("no answer to POST {target}"))
}

fn knowledge() -> Knowledge {
    Knowledge::embedded().expect("the embedded knowledge loads")
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lagebild-api-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A database with the worked example and 30 generated documents.
fn filled_db(name: &str) -> PathBuf {
    let path = tempdir(name).join("store.db");
    let mut store = Store::open(&path).unwrap();
    let mut records = vec![support::worked_example()];
    for n in 0..30 {
        let party = |code: &str| Party::new(&format!("Land {code}"), code, &code[..3]);
        let codes = ["PRKGOV", "RUSGOV", "RUSMIL", "UKRGOV", "CHNGOV"];
        let spec = EventSpec::new(EventType::Aid, party(codes[n % 5]), party(codes[(n + 1) % 5]))
            .reported_by(party(codes[(n + 2) % 5]), Stance::Assert)
            .denied_by(party(codes[(n + 3) % 5]));
        let doc = support::document(&format!("g{n:02}"), &format!("2024-04-{:02}", n % 28 + 1), "Generated", &[spec]);
        records.push(support::record(&doc));
    }
    let items: Vec<Put> =
        records.into_iter().map(|record| Put::Record(NewDocument { record, input_lang: None })).collect();
    store.put_batch(&items, OnConflict::Skip).unwrap();
    path
}

/// One server for the read-only tests, started once.
fn shared() -> SocketAddr {
    static SERVER: OnceLock<SocketAddr> = OnceLock::new();
    *SERVER.get_or_init(|| {
        let mut config = Config::new(filled_db("shared"));
        config.listen = SocketAddr::from(([127, 0, 0, 1], 0));
        config.token = Some(TOKEN.to_owned());
        config.max_body_bytes = 64 * 1024;
        let server = Server::start(config, knowledge()).unwrap();
        let address = server.address();
        // It serves until the test process ends.
        std::mem::forget(server);
        address
    })
}

/// The JSON Schema of a response in the OpenAPI description, resolving against its components.
fn response_schema(openapi: &Value, path: &str, method: &str, status: u16) -> Value {
    let operation = &openapi["paths"][path][method];
    assert!(operation.is_object(), "the description has no {method} {path}");
    let response = &operation["responses"][status.to_string()];
    assert!(response.is_object(), "the description has no response {status} for {method} {path}");
    let schema = response["content"]["application/json"]["schema"].clone();
    assert!(schema.is_object(), "no JSON schema for {status} of {method} {path}");
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "components": openapi["components"].clone(),
        "allOf": [schema],
    })
}

fn assert_described(openapi: &Value, path: &str, method: &str, response: &Response) {
    let schema = response_schema(openapi, path, method, response.status);
    let validator = jsonschema::validator_for(&schema).expect("the description's schema compiles");
    let body = response.json();
    let errors: Vec<String> =
        validator.iter_errors(&body).map(|error| format!("{error} at {}", error.instance_path())).collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {}: the body breaks the description: {errors:#?}\n{body:#}",
        response.status
    );
    assert!(response.header("content-type").is_some_and(|value| value.starts_with("application/json")));
}

#[test]
fn every_response_matches_the_openapi_description() {
    let address = shared();
    let openapi = get(address, OPENAPI_PATH).json();
    assert_eq!(openapi["openapi"].as_str().map(|v| &v[..2]), Some("3."));
    let checks: &[(&str, &str, u16)] = &[
        ("/api/v1/events", "/api/v1/events", 200),
        ("/api/v1/events", "/api/v1/events?actor=ROU&recipient=UKR&type=MOBILIZE,AID&limit=2", 200),
        ("/api/v1/events", "/api/v1/events?reported_by=RUS&stance=assert&from=2024-05&to=2024-05", 200),
        ("/api/v1/events", "/api/v1/events?q=Generatoren&context=humanitarian", 200),
        ("/api/v1/events", "/api/v1/events?type=BOMB", 400),
        ("/api/v1/claims", "/api/v1/claims?stance=deny", 200),
        ("/api/v1/claims", "/api/v1/claims?responds_to=any&limit=3", 200),
        ("/api/v1/claims", "/api/v1/claims?speaker=Moskau", 200),
        ("/api/v1/claims", "/api/v1/claims?from=yesterday", 400),
        ("/api/v1/actors", "/api/v1/actors", 200),
        ("/api/v1/actors", "/api/v1/actors?by=name&match=land&limit=5", 200),
        ("/api/v1/actors", "/api/v1/actors?by=colour", 400),
        ("/api/v1/search", "/api/v1/search?q=Truppen", 200),
        ("/api/v1/search", "/api/v1/search?q=%22%22", 400),
        ("/api/v1/documents", "/api/v1/documents?lang=de", 200),
        ("/api/v1/documents", "/api/v1/documents?limit=1000", 400),
        ("/api/v1/documents/{id}", "/api/v1/documents/bsp-20240514-kiew", 200),
        ("/api/v1/documents/{id}", "/api/v1/documents/nope", 404),
        ("/api/v1/stats", "/api/v1/stats", 200),
    ];
    let mut described = std::collections::BTreeSet::new();
    for &(path, target, status) in checks {
        let response = get(address, target);
        assert_eq!(response.status, status, "GET {target}: {}", String::from_utf8_lossy(&response.body));
        assert_described(&openapi, path, "get", &response);
        if status == 200 {
            described.insert(path);
        }
    }
    // Every GET path of the description was answered with 200 above.
    for (path, item) in openapi["paths"].as_object().unwrap() {
        if item.get("get").is_some() {
            assert!(described.contains(path.as_str()), "{path} was not exercised");
        }
    }
    let events = get(address, "/api/v1/events?reported_by=RUSMIL").json();
    assert_eq!(events["items"][0]["id"], "v2");
    assert_eq!(events["items"][0]["reported_by"]["speaker"]["code"], "RUSMIL");
    assert_eq!(events["items"][0]["responses"][0]["stance"], "deny");
    let detail = get(address, "/api/v1/documents/bsp-20240514-kiew").json();
    assert_eq!(detail["record"]["events"][2]["type"], "MOBILIZE");
    assert_eq!(detail["sources"][0]["source"], "https://example.org/politik/2024/05/14/petrescu-kiew");
}

#[test]
fn pages_follow_their_cursors() {
    let address = shared();
    let whole = get(address, "/api/v1/events?limit=500").json();
    let all: Vec<Value> = whole["items"].as_array().unwrap().clone();
    assert_eq!(all.len(), 33);
    let mut paged = Vec::new();
    let mut target = "/api/v1/events?limit=4".to_owned();
    loop {
        let page = get(address, &target).json();
        paged.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next"].as_str() {
            Some(next) => target = format!("/api/v1/events?limit=4&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(paged, all);
}

#[test]
fn writing_needs_the_operators_token() {
    let mut config = Config::new(filled_db("write"));
    config.listen = SocketAddr::from(([127, 0, 0, 1], 0));
    config.token = Some(TOKEN.to_owned());
    let server = Server::start(config, knowledge()).unwrap();
    let address = server.address();
    let openapi = get(address, OPENAPI_PATH).json();
    let body = br#"{"id": "neu-1", "title": "Test", "published": "2024-05-20", "text": "Die Regierung in Berlin sagte am Montag, sie werde der Ukraine weitere Hilfe leisten. Der Kanzler reiste nach Kiew."}"#;
    let json = "application/json";
    for token in [None, Some("wrong-token-0123456789abcdef"), Some(""), Some("test-token-0123456789abcdeX")] {
        let response = post(address, "/api/v1/documents", token, json, body);
        assert_eq!(response.status, 401, "{token:?}");
        assert_eq!(response.header("www-authenticate"), Some("Bearer"));
        assert_described(&openapi, "/api/v1/documents", "post", &response);
    }
    assert_eq!(get(address, "/api/v1/documents/neu-1").status, 404, "nothing was stored");
    let stored = post(address, "/api/v1/documents", Some(TOKEN), json, body);
    assert_eq!(stored.status, 201, "{}", String::from_utf8_lossy(&stored.body));
    assert_described(&openapi, "/api/v1/documents", "post", &stored);
    assert_eq!(stored.json()["id"], "neu-1");
    let again = post(address, "/api/v1/documents", Some(TOKEN), json, body);
    assert_eq!((again.status, again.json()["status"].as_str()), (200, Some("duplicate")));
    assert_described(&openapi, "/api/v1/documents", "post", &again);
    let other = br#"{"id": "neu-1", "text": "Ein anderer Text mit derselben Kennung."}"#;
    let conflict = post(address, "/api/v1/documents", Some(TOKEN), json, other);
    assert_eq!(conflict.status, 409);
    assert_described(&openapi, "/api/v1/documents", "post", &conflict);
    let detail = get(address, "/api/v1/documents/neu-1").json();
    assert_eq!(detail["document"]["lang"], "de");
    assert!(detail["record"]["sentences"].as_array().unwrap().len() == 2);
    let found = get(address, "/api/v1/search?q=Hilfe").json();
    assert_eq!(found["items"][0]["id"], "neu-1");
    server.stop();

    // Without a token the server takes no writes at all.
    let mut config = Config::new(filled_db("readonly"));
    config.listen = SocketAddr::from(([127, 0, 0, 1], 0));
    let server = Server::start(config, knowledge()).unwrap();
    let refused = post(server.address(), "/api/v1/documents", Some(TOKEN), json, body);
    assert_eq!(refused.status, 403);
    assert_eq!(refused.json()["error"]["code"], "forbidden");
    server.stop();
}

#[test]
fn hostile_requests_get_errors_and_the_server_stays_up() {
    let address = shared();
    let json = "application/json";
    let alive = || {
        let stats = get(address, "/api/v1/stats");
        assert_eq!(stats.status, 200);
        assert_eq!(stats.json()["documents"], 31);
    };
    // Malformed, oversized and wrongly typed bodies (with the right token).
    let bodies: &[(&[u8], &str, u16)] = &[
        (b"{not json", json, 400),
        (b"[]", json, 422),
        (br#"{"text": 5}"#, json, 422),
        (br#"{"text": "x", "evil": "field"}"#, json, 422),
        (br#"{"text": "   "}"#, json, 400),
        (br#"{"text": "Ein Text.", "published": "gestern"}"#, json, 400),
        (br#"{"text": "Ein Text.", "id": ""}"#, json, 400),
        (b"text=hello", "application/x-www-form-urlencoded", 415),
        (b"\xff\xfe\x00garbage", json, 400),
    ];
    for &(body, content_type, status) in bodies {
        let response = post(address, "/api/v1/documents", Some(TOKEN), content_type, body);
        assert_eq!(
            response.status,
            status,
            "{}: {}",
            String::from_utf8_lossy(body),
            String::from_utf8_lossy(&response.body)
        );
        assert!(response.json()["error"]["message"].is_string());
    }
    let huge = format!(r#"{{"text": "{}"}}"#, "a".repeat(200 * 1024));
    if let Some(response) = exchange(
        address,
        format!(
            "POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{huge}",
            huge.len()
        )
        .as_bytes(),
    ) {
        assert_eq!(response.status, 413);
        assert_eq!(response.json()["error"]["code"], "too_large");
    }
    alive();
    // Parameters with SQL, FTS syntax, path tricks and nonsense: errors or empty results.
    let targets: &[(&str, &[u16])] = &[
        ("/api/v1/events?actor=%27%20OR%201%3D1%20--", &[200]),
        ("/api/v1/events?actor=RUS%27%3B%20DROP%20TABLE%20documents%3B%20--", &[200, 400]),
        ("/api/v1/events?type=ASSAULT%27%20OR%20%271%27%3D%271", &[400]),
        ("/api/v1/events?stance=deny%20OR%201%3D1", &[400]),
        ("/api/v1/events?cursor=1%3BDROP%20TABLE%20events", &[400]),
        ("/api/v1/events?cursor=99999999999999999999999.1", &[400]),
        ("/api/v1/events?limit=-1", &[400]),
        ("/api/v1/events?limit=abc", &[400]),
        ("/api/v1/events?limit=100000", &[400]),
        ("/api/v1/events?actr=RUS", &[400]),
        ("/api/v1/events?from=2024-13-45", &[400]),
        ("/api/v1/events?from=2024-06&to=2024-01", &[400]),
        ("/api/v1/events?q=NEAR(a%20b)%20OR%20*%20AND%20%22", &[200, 400]),
        ("/api/v1/events?actor=%FF%FE", &[200, 400]),
        ("/api/v1/search?q=documents%3B%20SELECT%20*%20FROM%20sqlite_master", &[200]),
        ("/api/v1/search?q=%2A%2A%2A", &[400]),
        ("/api/v1/search", &[400]),
        ("/api/v1/documents/..%2F..%2F..%2Fetc%2Fpasswd", &[404]),
        ("/api/v1/documents/%00", &[404]),
        ("/api/v1/../../../etc/passwd", &[404]),
        ("/etc/passwd", &[404]),
        ("/api/v1/documents/x/y", &[404]),
        ("/api/v2/events", &[404]),
    ];
    for &(target, statuses) in targets {
        let response = get(address, target);
        assert!(
            statuses.contains(&response.status),
            "GET {target}: {} {}",
            response.status,
            String::from_utf8_lossy(&response.body)
        );
        if response.status >= 400 {
            assert!(response.json()["error"]["code"].is_string(), "GET {target}");
        }
    }
    let long_actor = format!("/api/v1/events?actor={}", "x".repeat(5000));
    assert_eq!(get(address, &long_actor).status, 400);
    let long_query = format!("/api/v1/search?q={}", "wort%20".repeat(2000));
    assert_eq!(get(address, &long_query).status, 400);
    alive();
    // Wrong methods, broken HTTP, huge headers.
    let delete = exchange(
        address,
        b"DELETE /api/v1/documents/bsp-20240514-kiew HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    assert_eq!(delete.status, 405);
    assert_eq!(delete.json()["error"]["code"], "method_not_allowed");
    let put = post(address, "/api/v1/events", Some(TOKEN), json, b"{}");
    assert_eq!(put.status, 405);
    for garbage in [
        &b"GARBAGE\r\n\r\n"[..],
        b"GET /api/v1/stats HTTP/9.9\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
        b"GET /api/v1/stats HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        b"POST /api/v1/documents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nzz\r\n",
    ] {
        if let Some(response) = exchange(address, garbage) {
            assert!(response.status >= 400, "{}: {}", String::from_utf8_lossy(garbage), response.status);
        }
    }
    let big_header = format!(
        "GET /api/v1/stats HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: {}\r\n\r\n",
        "b".repeat(512 * 1024)
    );
    if let Some(response) = exchange(address, big_header.as_bytes()) {
        assert!(response.status >= 400);
    }
    // Many connections that send nothing, and one that stops half-way, do not stop others.
    let idle: Vec<TcpStream> = (0..20).map(|_| TcpStream::connect(address).unwrap()).collect();
    let mut half = TcpStream::connect(address).unwrap();
    half.write_all(b"GET /api/v1/stats HTT").unwrap();
    alive();
    drop(idle);
    drop(half);
    alive();
}

#[test]
fn static_files_are_served_outside_the_api_with_a_strict_policy() {
    const PAGE: &[u8] = b"<!doctype html><title>t</title>";
    let mut config = Config::new(filled_db("static"));
    config.listen = SocketAddr::from(([127, 0, 0, 1], 0));
    config.static_files = vec![
        StaticFile { path: "/index.html", content_type: "text/html; charset=utf-8", bytes: PAGE },
        StaticFile { path: "/src/app.js", content_type: "text/javascript; charset=utf-8", bytes: b"export {};" },
        // A file at an API path is never served: the API wins.
        StaticFile { path: "/api/v1/nothing", content_type: "text/plain", bytes: b"no" },
    ];
    let server = Server::start(config, knowledge()).unwrap();
    let address = server.address();
    for target in ["/", "/index.html"] {
        let page = get(address, target);
        assert_eq!(page.status, 200, "{target}");
        assert_eq!(page.body, PAGE);
        assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
        let policy = page.header("content-security-policy").expect("a content security policy");
        assert_eq!(policy, lagebild_api::CONTENT_SECURITY_POLICY);
        assert!(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"));
        assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    }
    assert_eq!(get(address, "/src/app.js").header("content-type"), Some("text/javascript; charset=utf-8"));
    // Unknown paths, API paths and writes stay JSON errors.
    for (target, status) in [("/nothing.js", 404), ("/api/v1/nothing", 404), ("/api/v1/stats", 200)] {
        let response = get(address, target);
        assert_eq!(response.status, status, "{target}");
        assert!(response.header("content-type").is_some_and(|value| value.starts_with("application/json")));
    }
    let response = post(address, "/index.html", None, "text/plain", b"x");
    assert_eq!(response.status, 405);
    assert!(response.json()["error"]["message"].is_string());
    server.stop();
}

#[test]
fn event_places_carry_their_coordinates() {
    let address = shared();
    let page = get(address, "/api/v1/events?type=CONSULT").json();
    let place = &page["items"][0]["location"];
    assert_eq!(place["text"], "Kiew");
    assert_eq!((place["lat"].as_f64(), place["lon"].as_f64()), (Some(50.45), Some(30.5236)));
}
