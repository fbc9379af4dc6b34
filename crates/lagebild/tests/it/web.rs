//! The workbench in headless Chromium: ingests the examples and two test articles (one with
//! characters outside the Basic Multilingual Plane, one with markup and script in its title and
//! text), starts `lagebild serve` on a free port and runs `tests/browser/workbench.mjs`, which
//! drives Chromium with playwright-core (installed by lagebild-web's build from its lockfile).
//! Skips with a message where Chromium or Node.js is absent.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::{lagebild, scratch, stderr, workspace_root};

/// The test articles, as JSON Lines.
const ARTICLES: &str = r#"{"id": "web-non-bmp", "lang": "de", "published": "2024-05-14", "title": "Test 😀 mit 𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "text": "😀😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🇩🇪: Russland hat am Montag mehr als 200 Soldaten an die Grenze zur Ukraine verlegt, sagte ein Sprecher der ukrainischen Regierung in Kiew 🙂. Das Außenministerium in Moskau wies die Vorwürfe am Dienstag zurück."}
{"id": "web-markup", "lang": "de", "published": "2024-05-15", "title": "<img src=x onerror=\"window.__xss=1\">Truppen <b>verlegt</b><script>window.__xss=2</script>", "text": "Die Regierung in Berlin sagte am Mittwoch: <script>window.__xss=3</script> Russland habe <img src=x onerror=\"window.__xss=4\"> Truppen an die Grenze verlegt. <b onmouseover=\"window.__xss=5\">Moskau</b> bestritt das."}
"#;

/// Stops the server when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn found(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn the_workbench_works_in_headless_chromium() {
    let chromium =
        std::env::var_os("LAGEBILD_CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if !chromium.is_file() {
        eprintln!(
            "skipped: no Chromium at {} (apt-get install chromium, or set LAGEBILD_CHROMIUM)",
            chromium.display()
        );
        return;
    }
    if !found("node") {
        eprintln!("skipped: Node.js (`node`) is not installed");
        return;
    }
    let playwright = Path::new(lagebild_web::NODE_MODULES).join("playwright-core");
    assert!(playwright.is_dir(), "the build of lagebild-web installs playwright-core at {}", playwright.display());

    let dir = scratch("web");
    let articles = dir.join("articles.jsonl");
    std::fs::write(&articles, ARTICLES).unwrap();
    let db = dir.join("web.db");
    let (db, articles) = (db.to_str().unwrap(), articles.to_str().unwrap());
    let output = lagebild(&["ingest", "--db", db, "examples", articles], None);
    assert!(output.status.success(), "ingest: {}", stderr(&output));

    let mut server = Running(
        Command::new(env!("CARGO_BIN_EXE_lagebild"))
            .args(["serve", "--db", db, "--listen", "127.0.0.1:0"])
            .current_dir(workspace_root())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts"),
    );
    // The reader stays open until the end: the server prints more lines, and a closed pipe
    // would end it.
    let mut said = BufReader::new(server.0.stdout.take().unwrap());
    let mut first = String::new();
    said.read_line(&mut first).unwrap();
    let address = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("the server says where it listens: {first:?}"));
    let base = format!("http://{address}");

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/workbench.mjs");
    let run = Command::new("node")
        .arg(&script)
        .arg(&base)
        .env("LAGEBILD_NODE_MODULES", lagebild_web::NODE_MODULES)
        .env("LAGEBILD_CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let report = String::from_utf8_lossy(&run.stdout);
    eprintln!("{report}{}", String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "the browser test failed:\n{report}");
    assert!(!report.contains("FAIL"));
    drop((server, said));
}
