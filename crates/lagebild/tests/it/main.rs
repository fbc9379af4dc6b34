//! The command line end to end: golden records of the example articles, the JSON contract,
//! bad inputs, language handling, and the reference article (where ../shared is present).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod export;
mod store;
mod web;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn lagebild(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lagebild"))
        .args(args)
        .current_dir(workspace_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    if let Some(bytes) = stdin {
        input.write_all(bytes).expect("stdin takes the input");
    }
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

fn records(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is one JSON object"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A scratch directory for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lagebild-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn example_articles_give_the_golden_records() {
    let output = lagebild(&["analyze", "examples"], None);
    assert!(output.status.success(), "{}", stderr(&output));
    let records = records(&output);
    assert_eq!(records.len(), 5, "three files, one of them with three records");
    for record in &records {
        lagebild_format::check_record(record).unwrap_or_else(|error| panic!("{}: {error}", record["id"]));
        insta::assert_json_snapshot!(format!("example_{}", record["id"].as_str().unwrap()), record);
    }
    // With tokens (their goldens are the segmentation crate's), every record still keeps the contract.
    let with_tokens = lagebild(&["analyze", "--layers", "tokens", "examples"], None);
    for record in self::records(&with_tokens) {
        assert!(!record["tokens"].as_array().unwrap().is_empty() || record["lang"] == "und");
        lagebild_format::check_record(&record).unwrap_or_else(|error| panic!("{}: {error}", record["id"]));
    }
    let text = lagebild(&["analyze", "--format", "text", "examples"], None);
    assert!(text.status.success());
    insta::assert_snapshot!("examples_as_text", String::from_utf8(text.stdout).unwrap());
}

#[test]
fn a_language_other_than_german_or_english_is_reported_and_not_analysed() {
    let output = lagebild(&["analyze", "examples/news.jsonl"], None);
    assert!(output.status.success());
    let french = records(&output).into_iter().find(|record| record["id"] == "ex-fr-1").unwrap();
    assert_eq!(french["lang"], "und");
    assert_eq!(french["lang_detected"], "fr");
    assert_eq!(french["sentences"], serde_json::json!([]));
    assert!(stderr(&output).contains("warning: ex-fr-1 (examples/news.jsonl:3): not analysed"), "{}", stderr(&output));
}

#[test]
fn lang_in_the_input_and_on_the_command_line_override_detection() {
    let jsonl =
        b"{\"id\": \"a\", \"lang\": \"en\", \"text\": \"Der Minister reiste nach Paris. Er blieb zwei Tage.\"}\n";
    let dir = scratch("lang");
    std::fs::write(dir.join("a.jsonl"), jsonl).unwrap();
    let path = dir.join("a.jsonl");
    let declared = records(&lagebild(&["analyze", path.to_str().unwrap()], None));
    assert_eq!((declared[0]["lang"].as_str(), declared[0]["lang_detected"].as_str()), (Some("en"), Some("de")));
    let forced = records(&lagebild(&["analyze", "--lang", "de", path.to_str().unwrap()], None));
    assert_eq!(forced[0]["lang"], "de");
}

#[test]
fn bad_inputs_are_named_and_the_others_still_analysed() {
    let dir = scratch("bad");
    std::fs::write(dir.join("1-good.txt"), "Der Minister reiste am Montag nach Paris. Er blieb zwei Tage.").unwrap();
    std::fs::write(dir.join("2-latin1.txt"), b"Der Minister reiste nach M\xfcnchen.").unwrap();
    std::fs::write(
        dir.join("3-lines.jsonl"),
        "{\"text\": \"The minister travelled to Paris on Monday.\"}\n{not json\n{\"title\": \"no text\"}\n{\"text\": \"The talks ended on Tuesday.\"}\n",
    )
    .unwrap();
    let missing = dir.join("missing.txt");
    let output = lagebild(&["analyze", dir.to_str().unwrap(), missing.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1), "a failed input makes the exit status non-zero");
    let records = records(&output);
    assert_eq!(records.len(), 3, "the good file and the two good lines");
    let messages = stderr(&output);
    for expected in [
        "2-latin1.txt: not valid UTF-8",
        "3-lines.jsonl:2: malformed JSON",
        "3-lines.jsonl:3: the record has no \"text\"",
        "missing.txt: cannot read",
    ] {
        assert!(messages.contains(expected), "stderr lacks {expected:?}:\n{messages}");
    }
    assert!(!messages.contains("panicked"), "{messages}");
}

#[test]
fn standard_input_is_plain_text_and_published_fills_the_date() {
    let output = lagebild(
        &["analyze", "--published", "2023-10-19", "-"],
        Some("Gipfel in Pjöngjang\n\nLawrow traf am Mittwoch in Nordkorea ein. Er dankte Kim.".as_bytes()),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let record = &records(&output)[0];
    assert_eq!(record["source"], "-");
    assert_eq!(record["title"], "Gipfel in Pjöngjang");
    assert_eq!(record["published"], "2023-10-19");
    assert_eq!(record["sentences"].as_array().unwrap().len(), 2);
    assert!(record.get("tokens").is_none(), "tokens only with --layers tokens");
    lagebild_format::check_record(record).unwrap();
}

#[test]
fn character_offsets_hold_outside_the_basic_multilingual_plane() {
    let text = "Der 𝔘-Boot-Bericht „kam“ an. Danach 😀 folgte Kim.";
    let output = lagebild(&["analyze", "--lang", "de", "--layers", "tokens", "-"], Some(text.as_bytes()));
    let record = &records(&output)[0];
    lagebild_format::check_record(record).unwrap();
    let characters: Vec<char> = text.chars().collect();
    let second = &record["sentences"][1];
    let (start, end) = (second["start"].as_u64().unwrap() as usize, second["end"].as_u64().unwrap() as usize);
    assert_eq!(characters[start..end].iter().collect::<String>(), "Danach 😀 folgte Kim.");
}

#[test]
fn petrarch_dictionaries_add_actors_and_verbs_and_bad_ones_are_named() {
    let dir = scratch("dictionary");
    let actors = dir.join("actors.txt");
    let verbs = dir.join("verbs.txt");
    std::fs::write(&actors, "# fictional actors\nARNOR [ARN]\nGONDOR [GON]\n+GONDORIAN_GOVERNMENT [GONGOV]\n").unwrap();
    std::fs::write(&verbs, "--- BEFUDDLE [190] ---\nBEFUDDLE\n").unwrap();
    let text = "Arnor befuddled the Gondorian government on Monday.";
    let with = |args: &[&str]| {
        let mut all = vec!["analyze", "--lang", "en", "--published", "1995-01-04"];
        all.extend_from_slice(args);
        all.push("-");
        lagebild(&all, Some(text.as_bytes()))
    };
    let plain = with(&[]);
    assert!(records(&plain)[0]["events"].as_array().unwrap().is_empty(), "no built-in trigger `befuddle`");
    let output = with(&["--dictionary", actors.to_str().unwrap(), "--dictionary", verbs.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("actors.txt: 3 actors, 0 agents, 0 verbs added"), "{}", stderr(&output));
    let record = &records(&output)[0];
    lagebild_format::check_record(record).unwrap();
    let event = &record["events"][0];
    assert_eq!((event["type"].as_str(), event["cameo"].as_str()), (Some("ASSAULT"), Some("190")));
    assert_eq!(event["actors"][0]["code"], "ARN");
    assert_eq!(event["recipients"][0]["code"], "GONGOV");
    // A file of something else, and a missing one, are refused with their names.
    let other = dir.join("other.txt");
    std::fs::write(&other, "just some words\n\n").unwrap();
    for (path, problem) in [(other, "no actors, agents or verb classes"), (dir.join("missing.txt"), "missing.txt")] {
        let output = with(&["--dictionary", path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(problem), "{}", stderr(&output));
        assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
    }
}

#[test]
fn bad_arguments_are_refused_in_plain_words() {
    let output = lagebild(&["analyze", "--published", "19.10.2023", "examples"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("\"19.10.2023\" is not a date of the form YYYY-MM-DD"), "{}", stderr(&output));
    let help = lagebild(&["analyze", "--help"], None);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--published <DATE>"));
}

#[test]
fn the_reference_article_is_german_with_sixteen_sentences() {
    let path = workspace_root().join("../shared/data/corpus/seed/lavrov-pyongyang-de.txt");
    if !path.is_file() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let output = lagebild(&["analyze", "--published", "2023-10-19", path.to_str().unwrap()], None);
    assert!(output.status.success(), "{}", stderr(&output));
    let record = &records(&output)[0];
    lagebild_format::check_record(record).unwrap();
    assert_eq!(record["lang"], "de");
    assert_eq!(record["sentences"].as_array().unwrap().len(), 16);
}
