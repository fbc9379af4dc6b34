//! Builds the workbench's assets: installs the npm packages of `web/package-lock.json` with
//! `npm ci` into `OUT_DIR/npm` (again only when the lockfile changes), and writes
//! `OUT_DIR/assets.rs`, the list of files the binary embeds: the workbench's own files under
//! `web/` and the few files it takes from the packages (the TopoJSON reader, the world outlines).

#![allow(clippy::print_stderr)] // A build script reports why it failed on standard error.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Files taken from the npm packages: (URL path, path under node_modules).
const VENDOR: &[(&str, &str)] = &[
    ("/vendor/topojson-client.min.js", "topojson-client/dist/topojson-client.min.js"),
    ("/vendor/countries-110m.json", "world-atlas/countries-110m.json"),
];

fn main() {
    if let Err(message) = run() {
        eprintln!("error: building the workbench's assets (crates/lagebild-web): {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let manifest = PathBuf::from(env("CARGO_MANIFEST_DIR")?);
    let out = PathBuf::from(env("OUT_DIR")?);
    let web = manifest.join("web");
    for path in ["package.json", "package-lock.json", "index.html", "favicon.svg", "src"] {
        println!("cargo:rerun-if-changed={}", web.join(path).display());
    }
    println!("cargo:rerun-if-env-changed=LAGEBILD_NPM");

    let npm_dir = out.join("npm");
    install(&web, &npm_dir)?;

    let mut files: Vec<(String, PathBuf)> =
        vec![("/index.html".to_owned(), web.join("index.html")), ("/favicon.svg".to_owned(), web.join("favicon.svg"))];
    let mut sources: Vec<PathBuf> = std::fs::read_dir(web.join("src"))
        .map_err(|error| format!("reading {}: {error}", web.join("src").display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| content_type(path).is_some())
        .collect();
    sources.sort();
    for path in sources {
        let name = path.file_name().and_then(|name| name.to_str()).ok_or("a file name is not UTF-8")?.to_owned();
        files.push((format!("/src/{name}"), path));
    }
    for (url, relative) in VENDOR {
        files.push(((*url).to_owned(), npm_dir.join("node_modules").join(relative)));
    }

    let mut code = String::from("/// The embedded files, by URL path.\npub static FILES: &[File] = &[\n");
    for (url, path) in &files {
        if !path.is_file() {
            return Err(format!("{} is missing (is the lockfile complete?)", path.display()));
        }
        let kind = content_type(path).ok_or_else(|| format!("no content type for {}", path.display()))?;
        let path = path.to_str().ok_or("a path is not UTF-8")?;
        let _ =
            writeln!(code, "    File {{ path: {url:?}, content_type: {kind:?}, bytes: include_bytes!({path:?}) }},");
    }
    code.push_str("];\n");
    std::fs::write(out.join("assets.rs"), code).map_err(|error| format!("writing assets.rs: {error}"))
}

fn env(name: &str) -> Result<String, String> {
    std::env::var(name).map_err(|_| format!("cargo did not set {name}"))
}

fn content_type(path: &Path) -> Option<&'static str> {
    match path.extension()?.to_str()? {
        "html" => Some("text/html; charset=utf-8"),
        "js" => Some("text/javascript; charset=utf-8"),
        "css" => Some("text/css; charset=utf-8"),
        "json" => Some("application/json"),
        "svg" => Some("image/svg+xml"),
        _ => None,
    }
}

/// `npm ci` in `dir` from a copy of the package files, unless the same lockfile is installed.
fn install(web: &Path, dir: &Path) -> Result<(), String> {
    let lock = read(&web.join("package-lock.json"))?;
    let package = read(&web.join("package.json"))?;
    let stamp = dir.join("installed-lock.json");
    if dir.join("node_modules").is_dir() && std::fs::read(&stamp).ok().as_deref() == Some(lock.as_slice()) {
        return Ok(());
    }
    std::fs::create_dir_all(dir).map_err(|error| format!("creating {}: {error}", dir.display()))?;
    let _ = std::fs::remove_file(&stamp);
    write(&dir.join("package.json"), &package)?;
    write(&dir.join("package-lock.json"), &lock)?;
    let npm = std::env::var("LAGEBILD_NPM").unwrap_or_else(|_| "npm".to_owned());
    let status = Command::new(&npm)
        .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(dir)
        .status()
        .map_err(|error| {
            format!(
                "cannot run `{npm}` ({error}). The workbench is built from npm packages: install Node.js 20 or \
                 newer with npm (https://nodejs.org/), or set LAGEBILD_NPM to the npm to use, and build again"
            )
        })?;
    if !status.success() {
        return Err(format!("`{npm} ci` in {} failed ({status}); see its messages above", dir.display()));
    }
    write(&stamp, &lock)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|error| format!("reading {}: {error}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|error| format!("writing {}: {error}", path.display()))
}
