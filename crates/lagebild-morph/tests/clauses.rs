//! Golden files for the clause analyser: each `test_data/clauses/<lang>/<case>.txt` holds
//! hand-tagged sentences, which are analysed and rendered in stand-off form (each clause
//! with its byte range, kind, parent, introducer, tokens, verb complex, lemma, arguments
//! and modality), compared with an insta snapshot.
//!
//! The case format, one sentence a line (`#` lines and blank lines are comments):
//!
//! ```text
//! Am/ADP/an Mittwoch/PROPN/= traf/VERB/treffen/Mood=Ind|Tense=Past|VerbForm=Fin ein/ADP/=/PartType=Vbp ./PUNCT/=
//! ```
//!
//! Tokens are separated by spaces; each is `form/UPOS/lemma` with an optional `/features`
//! (`Name=Value` pairs joined by `|`). A lemma `=` is the form itself. Forms hold no space
//! or `/`. The text is the forms joined by single spaces, one sentence a line.

use std::fmt::Write;
use std::path::Path;

use lagebild_doc::{ArgumentRole, Clause, Document, Lang, Meta, Sentence, TextRange, Token};

/// Builds a tagged document from the case format.
fn parse_case(source: &str, lang: Lang) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    for line in source.lines().map(str::trim).filter(|line| !line.is_empty() && !line.starts_with('#')) {
        if !text.is_empty() {
            text.push('\n');
        }
        let start = text.len();
        for (index, item) in line.split_whitespace().enumerate() {
            let mut parts = item.split('/');
            let (Some(form), Some(pos), Some(lemma)) = (parts.next(), parts.next(), parts.next()) else {
                panic!("token {item:?} is not form/UPOS/lemma[/features]");
            };
            let morph = parts.next().filter(|features| *features != "_").map_or_else(Vec::new, |features| {
                let mut morph: Vec<(lagebild_doc::Label, lagebild_doc::Label)> = features
                    .split('|')
                    .map(|pair| pair.split_once('=').unwrap_or_else(|| panic!("feature {pair:?} is not Name=Value")))
                    .map(|(name, value)| (name.to_owned().into(), value.to_owned().into()))
                    .collect();
                morph.sort();
                morph
            });
            if index > 0 {
                text.push(' ');
            }
            let token_start = text.len();
            text.push_str(form);
            let lemma = if lemma == "=" { form } else { lemma };
            tokens.push(Token {
                range: TextRange::from_usize(token_start, text.len()),
                pos: Some(pos.to_owned().into()),
                lemma: Some(lemma.into()),
                morph,
            });
        }
        sentences.push(Sentence { range: TextRange::from_usize(start, text.len()) });
    }
    let mut doc = Document::new(Meta::new("case", "-"), text);
    doc.meta.lang = lang;
    doc.sentences = sentences;
    doc.tokens = tokens;
    doc
}

fn render(doc: &Document, clauses: &[Clause], resources: &lagebild_resources::LangResources) -> String {
    let word = |token: u32| doc.slice(doc.tokens[token as usize].range);
    let words = |tokens: &[u32]| {
        let mut out = String::new();
        for (index, &token) in tokens.iter().enumerate() {
            if index > 0 {
                out.push_str(if tokens[index - 1] + 1 == token { " " } else { " … " });
            }
            out.push_str(word(token));
        }
        out
    };
    let mut out = String::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        writeln!(out, "s{index} {}", doc.slice(sentence.range)).unwrap();
        for (number, clause) in clauses.iter().enumerate().filter(|(_, clause)| clause.sentence as usize == index) {
            let (first, last) = (clause.tokens[0] as usize, clause.tokens[clause.tokens.len() - 1] as usize);
            let range = doc.tokens[first].range.cover(doc.tokens[last].range);
            let parent = clause.parent.map(|p| format!(" in c{p}")).unwrap_or_default();
            let introducer = clause.introducer.map(|t| format!(" by «{}»", word(t))).unwrap_or_default();
            writeln!(out, "  c{number} {} {range}{parent}{introducer}: {}", clause.kind, words(&clause.tokens))
                .unwrap();
            let verb = clause.verb.map_or("-".to_owned(), |t| format!("«{}»", word(t)));
            let lemma = clause.lemma.as_deref().unwrap_or("-");
            let passive = if clause.passive { " · passive" } else { "" };
            writeln!(out, "     verb {verb} · complex «{}» · lemma {lemma}{passive}", words(&clause.verb_tokens))
                .unwrap();
            if !clause.arguments.is_empty() {
                let roles: Vec<String> = clause
                    .arguments
                    .iter()
                    .map(|&(role, token)| {
                        let role = match role {
                            ArgumentRole::Subject => "subject",
                            ArgumentRole::Object => "object",
                            ArgumentRole::IndirectObject => "indirect object",
                            ArgumentRole::Agent => "agent",
                        };
                        format!("{role} «{}»", word(token))
                    })
                    .collect();
                writeln!(out, "     {}", roles.join(" · ")).unwrap();
            }
            let modality = lagebild_morph::modality(doc, clause, resources);
            let mut marks = Vec::new();
            if let Some(modal) = modality.modal {
                marks.push(format!("modal «{}»", word(modal)));
            }
            for (set, name) in
                [(modality.future, "future"), (modality.past, "past"), (modality.subjunctive, "subjunctive")]
            {
                if set {
                    marks.push(name.to_owned());
                }
            }
            if !marks.is_empty() {
                writeln!(out, "     {}", marks.join(" · ")).unwrap();
            }
        }
    }
    out
}

#[test]
fn golden_files() {
    let resources = lagebild_resources::Resources::embedded().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/clauses");
    for (lang, dir) in [(Lang::De, "de"), (Lang::En, "en")] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir)).unwrap().map(|entry| entry.unwrap().path()).collect();
        paths.sort();
        for path in paths.into_iter().filter(|path| path.extension().is_some_and(|ext| ext == "txt")) {
            let source = std::fs::read_to_string(&path).unwrap();
            let mut doc = parse_case(&source, lang);
            let lang_resources = resources.lang(lang).unwrap();
            let clauses = lagebild_morph::clauses(&doc, lang, lang_resources);
            let rendered = render(&doc, &clauses, lang_resources);
            doc.clauses = clauses;
            doc.check_invariants().unwrap();
            let name = format!("{dir}__{}", path.file_stem().unwrap().to_string_lossy());
            insta::with_settings!({ snapshot_path => root.join("snapshots"), prepend_module_to_snapshot => false, input_file => &path }, {
                insta::assert_snapshot!(name, rendered);
            });
        }
    }
}

/// The reference article's constructions: `traf … ein` and `teilte … mit` are one verb
/// with the particle's lemma, and `soll … stattfinden` is a modal about the future.
#[test]
fn separable_verbs_and_the_modal_future() {
    let resources = lagebild_resources::Resources::embedded().unwrap();
    let lang_resources = resources.lang(Lang::De).unwrap();
    let doc = parse_case(
        "Am/ADP/an Mittwoch/PROPN/=/Case=Dat traf/VERB/treffen/Mood=Ind|Tense=Past|VerbForm=Fin Selenskyj/PROPN/=/Case=Nom ein/ADP/=/PartType=Vbp ./PUNCT/=\n\
         Das/PRON/der/Case=Acc|PronType=Dem teilte/VERB/teilen/Mood=Ind|Tense=Past|VerbForm=Fin Kiew/PROPN/=/Case=Nom mit/ADP/=/PartType=Vbp ./PUNCT/=\n\
         Das/DET/der/Case=Nom|PronType=Art Treffen/NOUN/=/Case=Nom soll/AUX/sollen/Mood=Ind|Tense=Pres|VerbForm=Fin am/ADP/an Mittwoch/PROPN/=/Case=Dat stattfinden/VERB/=/VerbForm=Inf ./PUNCT/=",
        Lang::De,
    );
    let clauses = lagebild_morph::clauses(&doc, Lang::De, lang_resources);
    let lemmas: Vec<_> = clauses.iter().map(|clause| clause.lemma.as_deref().unwrap_or("")).collect();
    assert_eq!(lemmas, ["eintreffen", "mitteilen", "stattfinden"]);
    assert_eq!(clauses[0].verb_tokens, [2, 4]);
    let meeting = lagebild_morph::modality(&doc, &clauses[2], lang_resources);
    assert!(meeting.future && !meeting.past);
    assert_eq!(meeting.modal, Some(13));
    // `am Mittwoch` belongs to the clause of `stattfinden`.
    assert_eq!(lagebild_morph::clause_of(&clauses, 15), Some(2));
    assert!(lagebild_morph::modality(&doc, &clauses[0], lang_resources).past);
}
