//! A live check of the WARC reader against GNU Wget: the fixture pages are served on
//! loopback, Wget archives them with `--warc-file`, and the archive is read. Skipped, with a
//! message, where `wget` is not installed (the committed archives in `tests/fixtures/web`
//! were made the same way and are tested in `web.rs`).

#![allow(clippy::print_stderr)] // A skipped test says why.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use lagebild_ingest::{Input, read_inputs};

/// The most connections the server accepts before it stops.
const MAX_CONNECTIONS: usize = 32;

fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web/site")
}

/// Answers one GET request with the file it names, or 404, and closes the connection.
fn serve(mut stream: TcpStream) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line.trim().is_empty() => break,
            Ok(_) => {}
        }
    }
    let name = request.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/').to_owned();
    let path = site().join(&name);
    let response = match std::fs::read(&path) {
        Ok(body) if !name.contains("..") && !name.is_empty() => {
            let kind = match path.extension().and_then(|extension| extension.to_str()) {
                Some("html") => "text/html",
                Some("json") => "application/json",
                _ => "application/octet-stream",
            };
            let head = format!("HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len());
            [head.into_bytes(), body].concat()
        }
        _ => b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found".to_vec(),
    };
    let _ = stream.write_all(&response);
}

#[test]
fn wget_warc_of_pages_served_on_loopback_is_read() {
    if Command::new("wget").arg("--version").output().is_err() {
        eprintln!("skipped: wget is not installed (apt-get install -y wget to run this check)");
        return;
    }
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(MAX_CONNECTIONS).flatten() {
            serve(stream);
        }
    });
    let dir = std::env::temp_dir().join(format!("lagebild-ingest-wget-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let urls: Vec<String> = ["nachricht.html", "report.html", "data.json", "fehlt.html", "leer.html"]
        .iter()
        .map(|name| format!("http://127.0.0.1:{port}/{name}"))
        .collect();
    let status = Command::new("wget")
        .current_dir(&dir)
        .args(["--warc-file=live", "--no-verbose", "--tries=1", "--timeout=10", "-O", "/dev/null"])
        .args(&urls)
        .status()
        .unwrap();
    // 8: the server answered 404 for fehlt.html, as intended.
    assert!(matches!(status.code(), Some(0 | 8)), "wget failed: {status}");
    let outcomes: Vec<String> = read_inputs(&[Input::Path(dir.join("live.warc.gz"))])
        .map(|result| match result {
            Ok(doc) => {
                format!("{} | {} | {}", doc.url.unwrap_or_default(), doc.title.unwrap_or_default(), doc.text.len())
            }
            Err(error) => error.kind.to_string(),
        })
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    let nachricht =
        lagebild_ingest::extract_article(&std::fs::read(site().join("nachricht.html")).unwrap(), None).unwrap();
    let report = lagebild_ingest::extract_article(&std::fs::read(site().join("report.html")).unwrap(), None).unwrap();
    assert_eq!(
        outcomes,
        [
            format!(
                "http://127.0.0.1:{port}/nachricht.html | Stadtrat beschließt neue Fährverbindung | {}",
                nachricht.text.len()
            ),
            format!(
                "http://127.0.0.1:{port}/report.html | Harbour authority reports record grain exports | {}",
                report.text.len()
            ),
            "no article text in the HTML page".to_owned(),
        ]
    );
}
