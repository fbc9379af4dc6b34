//! `read_inputs` over real files and directories, written under the system's temporary
//! directory with a name unique to the test.

use std::fs;
use std::path::{Path, PathBuf};

use lagebild_ingest::{Input, RawDocument, read_inputs};

/// A directory removed when the test ends.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("lagebild-ingest-{test}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn write(&self, name: &str, contents: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn input(path: &Path) -> Input {
    Input::Path(path.to_owned())
}

/// Each result as `source text` or the error message, with the scratch directory cut off.
fn outcomes(dir: &Scratch, inputs: &[Input]) -> Vec<String> {
    let prefix = format!("{}/", dir.0.display());
    read_inputs(inputs)
        .map(|result| match result {
            Ok(RawDocument { source, text, .. }) => format!("{source} {text}"),
            Err(error) => error.to_string(),
        })
        .map(|line| line.replace(&prefix, ""))
        .collect()
}

#[test]
fn directories_are_walked_in_path_order_reading_only_known_formats() {
    let dir = Scratch::new("walk");
    dir.write("b/z.txt", b"b/z");
    dir.write("b/a/deep/x.jsonl", b"{\"text\": \"b/a/deep/x 1\"}\n{\"text\": \"b/a/deep/x 2\"}\n");
    dir.write("a.txt", b"a");
    dir.write("b/notes.md", b"# not read");
    dir.write("b/data.json", b"{\"text\": \"not read either\"}");
    dir.write("c/UPPER.TXT", b"upper");
    fs::create_dir_all(dir.0.join("empty")).unwrap();
    assert_eq!(
        outcomes(&dir, &[input(&dir.0)]),
        [
            "a.txt a",
            "b/a/deep/x.jsonl:1 b/a/deep/x 1",
            "b/a/deep/x.jsonl:2 b/a/deep/x 2",
            "b/z.txt b/z",
            "c/UPPER.TXT upper"
        ]
    );
}

#[test]
fn inputs_are_read_in_the_order_given_and_a_missing_one_does_not_stop_the_rest() {
    let dir = Scratch::new("order");
    let second = dir.write("2.txt", b"zwei");
    let first = dir.write("1.jsonl", b"{\"text\": \"eins\"}\n");
    let missing = dir.0.join("missing.txt");
    assert_eq!(
        outcomes(&dir, &[input(&second), input(&missing), input(&first)]),
        ["2.txt zwei", "missing.txt: cannot read: No such file or directory (os error 2)", "1.jsonl:1 eins"]
    );
}

#[test]
fn a_file_named_explicitly_with_an_unknown_extension_is_sniffed() {
    let dir = Scratch::new("sniff");
    let json = dir.write("feed.json", b"\n  {\"text\": \"aus JSON\"}\n{\"text\": \"zweite\"}\n");
    let text = dir.write("article.md", b"Titel\n\nText aus Markdown.");
    let none = dir.write("README", b"{ kein JSON");
    assert_eq!(
        outcomes(&dir, &[input(&json), input(&text), input(&none)]),
        [
            "feed.json:2 aus JSON",
            "feed.json:3 zweite",
            "article.md Text aus Markdown.",
            "README:1: malformed JSON: key must be a string at column 3"
        ]
    );
}

#[test]
fn a_bad_file_in_a_directory_is_an_error_and_the_walk_goes_on() {
    let dir = Scratch::new("bad");
    dir.write("1.txt", b"\xFF");
    dir.write("2.txt", b"  \n");
    dir.write("3.txt", b"gut");
    assert_eq!(
        outcomes(&dir, &[input(&dir.0)]),
        ["1.txt: not valid UTF-8 (first bad byte at offset 0)", "2.txt: no text", "3.txt gut"]
    );
}

#[test]
fn files_are_opened_only_when_the_stream_reaches_them() {
    let dir = Scratch::new("lazy");
    let path = dir.write("later.txt", b"vorher");
    let mut docs = read_inputs(&[input(&path), input(&path)]);
    assert_eq!(docs.next().unwrap().unwrap().text, "vorher");
    fs::write(&path, b"nachher").unwrap();
    assert_eq!(docs.next().unwrap().unwrap().text, "nachher");
}
