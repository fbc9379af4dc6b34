//! Golden files: each `test_data/<lang>/<case>.txt` is segmented and rendered in stand-off
//! form (one sentence a block, its tokens with byte ranges), compared with an insta snapshot.

use std::fmt::Write;
use std::path::Path;

use lagebild_doc::Lang;

fn render(text: &str, lang: Lang) -> String {
    let resources = lagebild_resources::Resources::embedded().unwrap();
    let (sentences, tokens) = lagebild_segment::segment(text, lang, resources.lang(lang).unwrap());
    let mut out = String::new();
    let mut next_token = 0;
    for (index, sentence) in sentences.iter().enumerate() {
        let range = sentence.range.as_usize();
        writeln!(out, "s{index} {}..{} {:?}", range.start, range.end, &text[range.clone()]).unwrap();
        let mut line = String::from("   ");
        while let Some(token) = tokens.get(next_token) {
            if token.range.start() as usize >= range.end {
                break;
            }
            assert!(sentence.range.contains_range(token.range), "token outside its sentence");
            write!(line, " {}", &text[token.range.as_usize()]).unwrap();
            next_token += 1;
        }
        writeln!(out, "{}", line.replace(' ', " ·").trim_start_matches([' ', '·'])).unwrap();
    }
    assert_eq!(next_token, tokens.len(), "tokens outside every sentence");
    out
}

#[test]
fn golden_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    for (lang, dir) in [(Lang::De, "de"), (Lang::En, "en")] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|entry| entry.unwrap().path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|path| path.extension().is_some_and(|ext| ext == "txt")) {
            let text = std::fs::read_to_string(&path).unwrap();
            let name = format!("{dir}__{}", path.file_stem().unwrap().to_string_lossy());
            insta::with_settings!({ snapshot_path => root.join("snapshots"), prepend_module_to_snapshot => false, input_file => &path }, {
                insta::assert_snapshot!(name, render(&text, lang));
            });
        }
    }
}
