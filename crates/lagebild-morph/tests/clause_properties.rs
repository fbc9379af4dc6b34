//! The clause analyser on arbitrary token and tag sequences: it never panics, keeps the
//! document's invariants, and returns clauses that partition tokens of their sentence.

use std::collections::HashSet;

use lagebild_doc::{Document, Lang, Meta, Sentence, TextRange, Token};
use proptest::prelude::*;

/// Words that shape clauses, and some that do not, in both languages.
const FORMS: &[&str] = &[
    "dass",
    "der",
    "die",
    "was",
    "wer",
    "um",
    "zu",
    "ohne",
    "als",
    "wie",
    "und",
    "oder",
    "sagte",
    "habe",
    "wird",
    "hat",
    "ein",
    "mit",
    "that",
    "who",
    "which",
    "to",
    "in",
    "order",
    "so",
    "said",
    "was",
    "by",
    "up",
    "it's",
    "I'd",
    "-",
    "/",
    ",",
    ";",
    ":",
    "(",
    ")",
    "„",
    "“",
    ".",
    "?",
    "Kiew",
    "Haus",
    "gebaut",
    "zerstört",
    "running",
];
const TAGS: &[&str] = &[
    "VERB", "AUX", "NOUN", "PROPN", "PRON", "DET", "ADJ", "NUM", "ADP", "ADV", "SCONJ", "CCONJ", "PART", "PUNCT",
    "INTJ", "X", "SYM", "", "VERBS",
];
const LEMMAS: &[&str] = &[
    "dass", "der", "um", "zu", "werden", "sein", "haben", "sagen", "sollen", "to", "be", "have", "say", "will", "by",
    "von", "ein", "treffen", "include", "in order", "Um", "",
];
const FEATURES: &[(&str, &[&str])] = &[
    ("VerbForm", &["Fin", "Inf", "Part", "Ger", "Conv", ""]),
    ("Mood", &["Ind", "Sub", "Imp"]),
    ("Tense", &["Pres", "Past"]),
    ("Case", &["Nom", "Acc", "Dat", "Gen", "Acc,Nom"]),
    ("Number", &["Sing", "Plur"]),
    ("PronType", &["Rel", "Int", "Dem,Rel", "Int,Rel", "Prs", "Art"]),
    ("PartType", &["Vbp", "Inf"]),
    ("Person", &["1", "3"]),
    ("VerbFormatting", &["Fin"]),
];

#[derive(Debug, Clone)]
struct TokenSpec {
    form: usize,
    glued: bool,
    tag: Option<usize>,
    lemma: Option<usize>,
    features: Vec<(usize, usize)>,
}

fn token_spec() -> impl Strategy<Value = TokenSpec> {
    (
        0..FORMS.len(),
        prop::bool::weighted(0.1),
        prop::option::weighted(0.95, 0..TAGS.len()),
        prop::option::weighted(0.9, 0..LEMMAS.len()),
        prop::collection::vec((0..FEATURES.len(), 0..6usize), 0..5),
    )
        .prop_map(|(form, glued, tag, lemma, features)| TokenSpec { form, glued, tag, lemma, features })
}

/// A document of the given tokens; `cuts` end sentences after those token positions, and
/// `skipped` tokens lie in no sentence.
fn build(specs: &[TokenSpec], cuts: &[usize], skipped: &HashSet<usize>, lang: Lang) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    for (index, spec) in specs.iter().enumerate() {
        if index > 0 && !spec.glued {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(FORMS[spec.form]);
        let mut morph: Vec<(lagebild_doc::Label, lagebild_doc::Label)> = spec
            .features
            .iter()
            .map(|&(name, value)| {
                let (name, values) = FEATURES[name];
                (name.into(), values[value % values.len()].into())
            })
            .collect();
        morph.sort();
        morph.dedup_by(|a, b| a.0 == b.0);
        tokens.push(Token {
            range: TextRange::from_usize(start, text.len()),
            pos: spec.tag.map(|tag| TAGS[tag].into()),
            lemma: spec.lemma.map(|lemma| LEMMAS[lemma].into()),
            morph,
        });
    }
    let mut sentences = Vec::new();
    let mut first = 0;
    for end in cuts.iter().copied().chain([tokens.len()]) {
        let end = end.min(tokens.len());
        if end <= first {
            continue;
        }
        let members: Vec<usize> = (first..end).filter(|index| !skipped.contains(index)).collect();
        if let (Some(&a), Some(&b)) = (members.first(), members.last()) {
            sentences.push(Sentence { range: TextRange::new(tokens[a].range.start(), tokens[b].range.end()) });
        }
        first = end;
    }
    // Sentences must not overlap: a skipped token between two sentences stays outside both.
    sentences.dedup_by(|next, previous| next.range.start() < previous.range.end());
    let mut doc = Document::new(Meta::new("p", "-"), text);
    doc.meta.lang = lang;
    doc.sentences = sentences;
    doc.tokens = tokens;
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn clauses_never_panic_and_keep_the_invariants(
        specs in prop::collection::vec(token_spec(), 0..60),
        cuts in prop::collection::vec(0usize..60, 0..6),
        skipped in prop::collection::hash_set(0usize..60, 0..4),
        lang in prop::sample::select(vec![Lang::De, Lang::En, Lang::Und]),
    ) {
        let mut cuts = cuts;
        cuts.sort_unstable();
        let mut doc = build(&specs, &cuts, &skipped, lang);
        prop_assume!(doc.check_invariants().is_ok());
        let resources = lagebild_resources::Resources::embedded().unwrap();
        let lang_resources = resources.lang(lang).unwrap_or_else(|| resources.lang(Lang::De).unwrap());
        let clauses = lagebild_morph::clauses(&doc, lang, lang_resources);
        let mut seen = HashSet::new();
        let mut previous = None;
        for (index, clause) in clauses.iter().enumerate() {
            prop_assert!(!clause.tokens.is_empty(), "clause {index} has no token");
            prop_assert!(clause.tokens.windows(2).all(|pair| pair[0] < pair[1]), "clause {index}: tokens out of order");
            let sentence = doc.sentences[clause.sentence as usize].range;
            for &token in &clause.tokens {
                prop_assert!(sentence.contains_range(doc.tokens[token as usize].range), "token {token} outside its sentence");
                prop_assert!(seen.insert(token), "token {token} in two clauses");
                prop_assert_eq!(lagebild_morph::clause_of(&clauses, token), Some(index));
            }
            let key = (clause.sentence, clause.tokens[0]);
            prop_assert!(previous.is_none_or(|previous| previous < key), "clauses out of order");
            previous = Some(key);
            for &token in clause.verb_tokens.iter().chain(&clause.introducer) {
                prop_assert!(clause.tokens.binary_search(&token).is_ok(), "clause {index}: token {token} not its own");
            }
            // Arguments are the clause's own, but for a subject shared with the clause it is
            // coordinated with, which lies before it in its sentence.
            for &(role, token) in &clause.arguments {
                let own = clause.tokens.binary_search(&token).is_ok();
                let shared = role == lagebild_doc::ArgumentRole::Subject
                    && token < clause.tokens[0]
                    && sentence.contains_range(doc.tokens[token as usize].range);
                prop_assert!(own || shared, "clause {index}: argument {token} neither its own nor a shared subject");
            }
            if let Some(verb) = clause.verb {
                prop_assert!(clause.verb_tokens.contains(&verb), "clause {index}: verb outside its complex");
            }
            // Parents lie in the same sentence, and following them ends.
            let mut parent = clause.parent;
            let mut steps = 0;
            while let Some(p) = parent {
                prop_assert!(clauses[p as usize].sentence == clause.sentence, "clause {index}: parent in another sentence");
                parent = clauses[p as usize].parent;
                steps += 1;
                prop_assert!(steps <= clauses.len(), "clause {index}: parents form a cycle");
            }
            let _ = lagebild_morph::modality(&doc, clause, lang_resources);
        }
        doc.clauses = clauses;
        prop_assert!(doc.check_invariants().is_ok());
    }
}
