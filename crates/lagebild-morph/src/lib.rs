//! Morphology and clauses: parts of speech, lemmas and verb features for every token, and
//! the clauses of every sentence.
//!
//! The tagger is an averaged perceptron over hashed features, greedy left to right, trained
//! by `cargo xtask train morph` from the UD treebanks and the simplemma form→lemma table in
//! ../shared/data; its model files are committed under `models/<lang>/` and embedded in the
//! binary. Each thread keeps a memo of the word forms it tagged (their lexicon entry, the
//! summed weights of their own features and of those they give their neighbours, their
//! lemma), so that a frequent word costs one hash look-up; the scores, and so the output,
//! are exactly those of adding up every feature's weights. [`analyze`] fills the `tokens`
//! layer's part of speech, lemma and features, then finds the clauses, whose verb complexes
//! join separable particles to their verbs (`traf … ein` → `eintreffen`) in the lemma of the
//! finite verb.
//!
//! ```
//! use lagebild_doc::Lang;
//! let models = lagebild_morph::Models::embedded().unwrap();
//! let lexicon = &models.get(Lang::De).unwrap().lexicon;
//! assert_eq!(lexicon.lemma("Waffenlieferungen").as_deref(), Some("Waffenlieferung"));
//! ```

mod binary;
mod cache;
mod clauses;
mod features;
mod lemma_rules;
pub mod lexicon;
pub mod model;
pub mod train;

use std::path::Path;

use std::borrow::Cow;
use std::sync::Arc;

use lagebild_doc::{Clause, Document, Label, Lang, Token};
use lagebild_resources::Resources;

pub use clauses::{Modality, clause_of, clauses, modality};
pub use lexicon::Lexicon;
pub use model::{PARTICLE_LABEL, Tagged, TaggerModel};

/// A model file that is missing, damaged, or made for something else.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{file}: cannot read: {source}")]
    Io { file: String, source: std::io::Error },
    #[error("{file}: corrupt model file: {message}")]
    Corrupt { file: String, message: String },
    #[error("{file}: model file does not fit: {message}")]
    Mismatch { file: String, message: String },
    #[error("building a lexicon: {0}")]
    Build(String),
    #[error(transparent)]
    Resource(#[from] lagebild_resources::ResourceError),
}

impl ModelError {
    pub(crate) fn build(message: String) -> ModelError {
        ModelError::Build(message)
    }
}

/// The tagger and lexicon of one language.
#[derive(Debug)]
pub struct LangModel {
    pub tagger: TaggerModel,
    pub lexicon: Lexicon,
}

/// The models of every analysed language, loaded once at start.
#[derive(Debug)]
pub struct Models {
    de: LangModel,
    en: LangModel,
}

const EMBEDDED: [(&str, &[u8], &[u8]); 2] = [
    ("de", include_bytes!("../../../models/de/tagger.bin"), include_bytes!("../../../models/de/lemmas.bin")),
    ("en", include_bytes!("../../../models/en/tagger.bin"), include_bytes!("../../../models/en/lemmas.bin")),
];

impl Models {
    /// The models compiled into the binary.
    pub fn embedded() -> Result<Models, ModelError> {
        let load = |(lang, tagger, lexicon): (&str, &[u8], &[u8])| -> Result<LangModel, ModelError> {
            Ok(LangModel {
                tagger: TaggerModel::from_bytes(&format!("models/{lang}/tagger.bin"), lang, tagger)?,
                lexicon: Lexicon::from_bytes(&format!("models/{lang}/lemmas.bin"), lang, lexicon)?,
            })
        };
        let [de, en] = EMBEDDED;
        Ok(Models { de: load(de)?, en: load(en)? })
    }

    /// The models in `dir` (laid out like `models/`).
    pub fn from_dir(dir: &Path) -> Result<Models, ModelError> {
        let read = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).map_err(|source| ModelError::Io { file: path.display().to_string(), source })
        };
        let load = |lang: &str| -> Result<LangModel, ModelError> {
            let (tagger, lexicon) = (format!("{lang}/tagger.bin"), format!("{lang}/lemmas.bin"));
            Ok(LangModel {
                tagger: TaggerModel::from_bytes(&dir.join(&tagger).display().to_string(), lang, &read(&tagger)?)?,
                lexicon: Lexicon::from_bytes(&dir.join(&lexicon).display().to_string(), lang, &read(&lexicon)?)?,
            })
        };
        Ok(Models { de: load("de")?, en: load("en")? })
    }

    pub fn get(&self, lang: Lang) -> Option<&LangModel> {
        match lang {
            Lang::De => Some(&self.de),
            Lang::En => Some(&self.en),
            Lang::Und => None,
        }
    }
}

/// Tags every token of `doc` and finds its clauses. Returns the tokens (the document's, with
/// part of speech, lemma and features) and the clauses; a document in no analysed language
/// is returned unchanged with no clauses.
pub fn analyze(doc: &Document, models: &Models, resources: &Resources) -> (Vec<Token>, Vec<Clause>) {
    let lang = doc.meta.lang;
    let (Some(model), Some(lang_resources)) = (models.get(lang), resources.lang(lang)) else {
        return (doc.tokens.clone(), Vec::new());
    };
    let mut tokens = doc.tokens.clone();
    let writer = Writer::new(&model.tagger);
    let mut first = 0;
    let mut owned: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    for sentence in &doc.sentences {
        let end = first + tokens[first..].iter().take_while(|token| token.range.end() <= sentence.range.end()).count();
        owned.clear();
        owned.extend(tokens[first..end].iter().map(|token| as_in_treebanks(doc.slice(token.range))));
        if lang == Lang::En {
            headline_in_lower_case(&mut owned, &model.lexicon);
        }
        let forms: Vec<&str> = owned.iter().map(|form| &**form).collect();
        let mut next = tokens[first..end].iter_mut();
        model.tagger.tag_with(&forms, &model.lexicon, |pos, features, lemma| {
            if let Some(token) = next.next() {
                writer.write(token, pos, &features, lemma);
            }
        });
        if lang == Lang::De {
            verb_read_as_adjective(&mut tokens[first..end], &forms, &model.lexicon.rules);
            particle_read_as_verb(&mut tokens[first..end], &forms, &model.lexicon.rules);
        }
        first = end;
    }
    let clauses = clauses::clauses_of(clauses::View { text: doc, tokens: &tokens }, lang, lang_resources);
    // The finite verb of a clause with a separable particle carries the joined lemma.
    for clause in &clauses {
        let has_particle = clause.verb_tokens.iter().any(|&part| tokens.get(part as usize).is_some_and(is_particle));
        if let (true, Some(verb), Some(lemma)) = (has_particle, clause.verb, &clause.lemma)
            && let Some(token) = tokens.get_mut(verb as usize)
        {
            token.lemma = Some(Arc::from(&**lemma));
        }
    }
    (tokens, clauses)
}

/// A German sentence without any verb where the tagger read the finite verb as an adjective
/// (`Donald Tusk gratulierte Frankreich`, `Menschenrechtsgruppen machten Regierungstruppen
/// dafür verantwortlich`): the first adjective outside a noun phrase (not after an article,
/// adjective, numeral or preposition) whose lemma is a verb spelt otherwise and whose form
/// ends as a finite verb's does (`-t`, `-st`, `-te`, `-ten`; not a participle in `-end`) is
/// that verb, finite and indicative, past where it ends in `-te`, `-ten`.
fn verb_read_as_adjective(tokens: &mut [Token], forms: &[&str], rules: &lemma_rules::LemmaRules) {
    fn pos(token: &Token) -> &str {
        token.pos.as_deref().unwrap_or("")
    }
    if tokens.iter().any(|token| matches!(pos(token), "VERB" | "AUX")) {
        return;
    }
    let found = (1..tokens.len().min(forms.len())).find(|&k| {
        if pos(&tokens[k]) != "ADJ" || matches!(pos(&tokens[k - 1]), "DET" | "ADJ" | "ADP" | "NUM") {
            return false;
        }
        let form = forms[k];
        let lemma = tokens[k].lemma.as_deref().unwrap_or(form);
        let verb_lemma = lemma != form
            && lemma.starts_with(|c: char| c.is_lowercase())
            && lemma_rules::ending_of(lemma, &rules.verb_lemma_endings).is_some();
        let finite_ending = lemma_rules::ending_of(form, &rules.finite_endings).is_some();
        verb_lemma && finite_ending && !form.ends_with("end")
    });
    let Some(k) = found else { return };
    let past = lemma_rules::ending_of(forms[k], &rules.past_endings).is_some();
    let plural = forms[k].ends_with("en");
    let token = &mut tokens[k];
    token.pos = Some(Cow::Borrowed("VERB"));
    let mut morph: Vec<(&'static str, &'static str)> = vec![("Mood", "Ind")];
    morph.push(("Number", if plural { "Plur" } else { "Sing" }));
    morph.push(("Person", "3"));
    morph.push(("Tense", if past { "Past" } else { "Pres" }));
    morph.push(("VerbForm", "Fin"));
    token.morph = morph.into_iter().map(|(name, value)| (Cow::Borrowed(name), Cow::Borrowed(value))).collect();
}

/// A German separable particle the tagger read as a verb (`setzen ihre Angriffe fort`, `fort`
/// as a finite verb): a word spelt as a particle of `separable_particle`, its own lemma, right
/// before punctuation or the sentence's end, after a finite verb of the sentence that is not
/// right before it, is the particle (`ADP`, `PartType=Vbp`), so the clause joins it to the
/// verb (`fortsetzen`).
fn particle_read_as_verb(tokens: &mut [Token], forms: &[&str], rules: &lemma_rules::LemmaRules) {
    let finite = |token: &Token| token.feature("VerbForm") == Some("Fin");
    for k in 2..tokens.len().min(forms.len()) {
        let token = &tokens[k];
        let form = forms[k];
        // The cheap tests first: this runs at every German token.
        let candidate = matches!(token.pos(), Some("VERB" | "AUX"))
            && tokens.get(k + 1).is_none_or(|next| next.pos() == Some("PUNCT"))
            && token.lemma.as_deref() == Some(form)
            && form.chars().all(char::is_lowercase)
            && rules.separable_particles.iter().any(|p| **p == *form);
        if candidate
            && tokens[..k - 1].iter().any(|before| matches!(before.pos(), Some("VERB" | "AUX")) && finite(before))
        {
            let token = &mut tokens[k];
            token.pos = Some(Cow::Borrowed("ADP"));
            token.morph = vec![(Cow::Borrowed("PartType"), Cow::Borrowed("Vbp"))];
        }
    }
}

/// A form as the treebanks the tagger learned from write it: they use straight quotation
/// marks and apostrophes, so typographic ones (`“You tell me,” he said`, `don’t`) and doubled
/// apostrophes or backquotes (`''It's embarrassing,''`) are read as those; otherwise the tagger
/// takes an unknown mark for a word and misreads its neighbours.
fn as_in_treebanks(form: &str) -> std::borrow::Cow<'_, str> {
    // Every mark to read differently is `` ` ``, `'` or outside ASCII.
    if form.bytes().all(|byte| byte.is_ascii() && byte != b'`' && byte != b'\'') {
        return form.into();
    }
    if !form.contains(['“', '”', '„', '«', '»', '‘', '’', '‚', '`']) && form != "''" {
        return form.into();
    }
    match form {
        "“" | "”" | "„" | "«" | "»" | "''" | "``" => "\"".into(),
        _ => form.replace(['‘', '’', '‚'], "'").into(),
    }
}

/// An English headline in title case (`Trump Says He Never Pledged To …`): the tagger learned
/// a capitalised word inside a sentence as a name, so there a capitalised word that the
/// lexicon knows only in lower case is read in lower case (`Says`, `Pledged`; not `Trump`,
/// which it lists as written). A headline is a sentence where at least four in five words
/// of four letters or more after the first are capitalised, and there are three or more.
fn headline_in_lower_case(forms: &mut [Cow<'_, str>], lexicon: &Lexicon) {
    let capitalised = |form: &str| form.chars().next().is_some_and(char::is_uppercase);
    let (mut long, mut upper) = (0, 0);
    for form in forms.iter().skip(1) {
        if form.chars().filter(|c| c.is_alphabetic()).count() >= 4 {
            long += 1;
            upper += usize::from(capitalised(form));
        }
    }
    if long < 3 || upper * 5 < long * 4 {
        return;
    }
    for form in forms.iter_mut().skip(1) {
        let title = capitalised(form) && form.chars().skip(1).all(|c| !c.is_uppercase());
        if title && matches!(model::LexiconEntry::look_up(form, lexicon), model::LexiconEntry::Lower(_)) {
            *form = Cow::Owned(form.to_lowercase());
        }
    }
}

fn is_particle(token: &Token) -> bool {
    token.morph.iter().any(|(name, value)| &**name == "PartType" && &**value == "Vbp")
}

/// Writes tagger results into tokens: UPOS, lemma, and the features sorted by name. Every
/// label is one of the model's, interned once here, so that a token's labels allocate
/// nothing but the vector of its features.
struct Writer {
    /// For each head by name, its name and the text of each of its values (index 0, the
    /// feature absent, unused), with `None` for the particle's `PartType` among them.
    order: Vec<Option<(usize, &'static str, Vec<&'static str>)>>,
    /// The label of a separable particle, if the model has it.
    particle: Option<u16>,
    /// The UPOS of each label.
    upos: Vec<&'static str>,
}

impl Writer {
    fn new(model: &TaggerModel) -> Writer {
        let mut order: Vec<(&str, Option<usize>)> =
            model.heads.iter().enumerate().map(|(index, head)| (head.name.as_str(), Some(index))).collect();
        order.push(("PartType", None));
        order.sort_by_key(|&(name, _)| name);
        let order = order
            .into_iter()
            .map(|(name, head)| {
                head.map(|index| {
                    let values = model.heads[index].labels.iter().map(|label| lagebild_doc::intern(label)).collect();
                    (index, lagebild_doc::intern(name), values)
                })
            })
            .collect();
        let particle = model.pos_labels.iter().position(|label| label == PARTICLE_LABEL).map(|label| label as u16);
        let upos = (0..model.pos_labels.len()).map(|label| lagebild_doc::intern(model.upos(label as u16))).collect();
        Writer { order, particle, upos }
    }

    fn write(&self, token: &mut Token, pos: u16, features: &[u8; model::MAX_HEADS], lemma: &Arc<str>) {
        token.pos = Some(Cow::Borrowed(self.upos.get(usize::from(pos)).copied().unwrap_or("X")));
        token.lemma = Some(Arc::clone(lemma));
        let particle = self.particle == Some(pos);
        let count = features.iter().filter(|&&value| value > 0).count() + usize::from(particle);
        let mut morph: Vec<(Label, Label)> = Vec::with_capacity(count);
        for head in &self.order {
            match head {
                None if particle => morph.push((Cow::Borrowed("PartType"), Cow::Borrowed("Vbp"))),
                None => {}
                Some((index, name, values)) => {
                    let value = usize::from(features[*index]);
                    if value > 0
                        && let Some(&label) = values.get(value)
                    {
                        morph.push((Cow::Borrowed(name), Cow::Borrowed(label)));
                    }
                }
            }
        }
        token.morph = morph;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower_cased(sentence: &str) -> Vec<String> {
        let models = Models::embedded().unwrap();
        let lexicon = &models.get(Lang::En).unwrap().lexicon;
        let mut forms: Vec<Cow<'_, str>> = sentence.split(' ').map(Cow::Borrowed).collect();
        headline_in_lower_case(&mut forms, lexicon);
        forms.into_iter().map(Cow::into_owned).collect()
    }

    #[test]
    fn a_title_case_headline_is_read_in_lower_case_but_its_names() {
        assert_eq!(
            lower_cased("Trump Says He Never Pledged To Kill Members"),
            ["Trump", "says", "he", "never", "pledged", "to", "kill", "members"]
        );
        // An ordinary sentence keeps its capitals.
        assert_eq!(
            lower_cased("Voters in Iowa Says were unhappy with the result"),
            ["Voters", "in", "Iowa", "Says", "were", "unhappy", "with", "the", "result"]
        );
    }

    /// Tokens of `forms` with the given parts of speech and lemmas, as the tagger wrote them.
    fn tagged(words: &[(&'static str, &'static str, &'static str)]) -> (Vec<Token>, Vec<&'static str>) {
        let tokens = words
            .iter()
            .map(|&(_, pos, lemma)| Token {
                pos: Some(Cow::Owned(pos.to_owned())),
                lemma: Some(Arc::from(lemma)),
                ..Token::default()
            })
            .collect();
        let forms = words.iter().map(|&(form, _, _)| form).collect();
        (tokens, forms)
    }

    #[test]
    fn a_finite_verb_read_as_an_adjective_in_a_sentence_without_verbs_is_a_verb() {
        let rules = lemma_rules::LemmaRules::embedded("de").unwrap();
        let (mut tokens, forms) = tagged(&[
            ("Tusk", "PROPN", "Tusk"),
            ("gratulierte", "ADJ", "gratulieren"),
            ("Frankreich", "PROPN", "Frankreich"),
            (".", "PUNCT", "."),
        ]);
        verb_read_as_adjective(&mut tokens, &forms, &rules);
        assert_eq!(tokens[1].pos.as_deref(), Some("VERB"));
        assert_eq!(tokens[1].feature("VerbForm"), Some("Fin"));
        assert_eq!(tokens[1].feature("Tense"), Some("Past"));
        // An attributive adjective after an article stays one; so does any adjective where
        // the sentence has a verb.
        let (mut tokens, forms) =
            tagged(&[("die", "DET", "der"), ("geplante", "ADJ", "planen"), ("Reform", "NOUN", "Reform")]);
        verb_read_as_adjective(&mut tokens, &forms, &rules);
        assert_eq!(tokens[1].pos.as_deref(), Some("ADJ"));
        let (mut tokens, forms) = tagged(&[
            ("Tusk", "PROPN", "Tusk"),
            ("gratulierte", "ADJ", "gratulieren"),
            ("gestern", "ADV", "gestern"),
            ("und", "CCONJ", "und"),
            ("reiste", "VERB", "reisen"),
        ]);
        verb_read_as_adjective(&mut tokens, &forms, &rules);
        assert_eq!(tokens[1].pos.as_deref(), Some("ADJ"));
    }

    #[test]
    fn a_separable_particle_read_as_a_verb_at_the_end_is_the_particle() {
        let rules = lemma_rules::LemmaRules::embedded("de").unwrap();
        let finite = |token: &mut Token| token.morph = vec![(Cow::Borrowed("VerbForm"), Cow::Borrowed("Fin"))];
        let (mut tokens, forms) = tagged(&[
            ("Sie", "PRON", "sie"),
            ("setzen", "VERB", "setzen"),
            ("ihre", "DET", "ihr"),
            ("Angriffe", "NOUN", "Angriff"),
            ("fort", "VERB", "fort"),
            (".", "PUNCT", "."),
        ]);
        finite(&mut tokens[1]);
        finite(&mut tokens[4]);
        particle_read_as_verb(&mut tokens, &forms, &rules);
        assert_eq!(tokens[4].pos.as_deref(), Some("ADP"));
        assert!(is_particle(&tokens[4]));
        // Right after the finite verb it stays what the tagger read (`Die Regierung will fort`).
        let (mut tokens, forms) = tagged(&[
            ("Die", "DET", "der"),
            ("Regierung", "NOUN", "Regierung"),
            ("will", "VERB", "wollen"),
            ("fort", "VERB", "fort"),
        ]);
        finite(&mut tokens[2]);
        particle_read_as_verb(&mut tokens, &forms, &rules);
        assert_eq!(tokens[3].pos.as_deref(), Some("VERB"));
    }
}
