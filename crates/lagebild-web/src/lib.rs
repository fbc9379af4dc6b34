//! The analyst's workbench: a browser front end to the HTTP API (`lagebild serve`), with an
//! article view (entities, dates, quantities, event triggers and claims highlighted in place,
//! each event's record beside its evidence), an events table and a claims view with the API's
//! filters, a timeline per actor pair, a network of actors and a map of event locations.
//!
//! The files are plain ES modules, HTML, CSS and SVG under `web/`; the only third-party files
//! (the TopoJSON reader `topojson-client` and the world outlines of `world-atlas`, Natural Earth)
//! come from npm packages pinned by `web/package-lock.json`, which `build.rs` installs with
//! `npm ci` at build time. Everything is embedded: serving the workbench makes no request
//! to any other host. Article text is only ever set as text (`textContent`, SVG text nodes),
//! never parsed as markup. `docs/web.md` describes the views.

/// A file of the workbench.
#[derive(Debug, Clone, Copy)]
pub struct File {
    /// The URL path it is served at (`/index.html`, `/src/app.js`).
    pub path: &'static str,
    pub content_type: &'static str,
    pub bytes: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The file served at `path`; `/` is `/index.html`.
pub fn file(path: &str) -> Option<&'static File> {
    let path = if path == "/" { "/index.html" } else { path };
    FILES.iter().find(|file| file.path == path)
}

/// The `node_modules` folder the build installed the npm packages into, development
/// dependencies included (`playwright-core`, which the browser test drives Chromium with).
pub const NODE_MODULES: &str = concat!(env!("OUT_DIR"), "/npm/node_modules");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_its_modules_and_the_packages_files_are_embedded() {
        let index = file("/").expect("index.html");
        assert!(index.content_type.starts_with("text/html"));
        let html = std::str::from_utf8(index.bytes).expect("UTF-8");
        assert!(html.contains("/src/app.js") && html.contains("/vendor/topojson-client.min.js"));
        assert!(file("/src/app.js").is_some_and(|file| file.content_type.starts_with("text/javascript")));
        let atlas = file("/vendor/countries-110m.json").expect("world outlines");
        assert!(std::str::from_utf8(atlas.bytes).expect("UTF-8").contains("\"countries\""));
        assert!(file("/nothing.js").is_none());
    }

    /// The offsets of the article view, checked with Node.js (which the build needs anyway).
    #[test]
    fn highlights_cover_their_words_in_utf16_even_after_characters_outside_the_bmp() {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/web/test/segments.mjs");
        let output = std::process::Command::new("node").arg(script).output();
        let Ok(output) = output else {
            eprintln!("skipped: Node.js (`node`) is not installed");
            return;
        };
        let said = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(output.status.success(), "{script}:\n{said}");
        assert!(said.contains("segments: ok"), "{said}");
    }

    #[test]
    fn no_file_refers_to_another_host() {
        for file in FILES.iter().filter(|file| !file.path.starts_with("/vendor/")) {
            // The SVG namespace is a name, not a request.
            let text = std::str::from_utf8(file.bytes).expect("UTF-8").replace("http://www.w3.org/2000/svg", "");
            for needle in ["http://", "https://", "//cdn", "fonts.googleapis"] {
                assert!(!text.contains(needle), "{} mentions {needle}", file.path);
            }
        }
    }
}
