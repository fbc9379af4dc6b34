//! The pipeline: one function, [`analyze`], that runs the stages in order over a document.
//!
//! Each stage is a plain function in its own crate that reads earlier layers and returns
//! its own; this crate is the only one that knows their order. Today the stages are
//! language identification, segmentation, morphology with clauses, and entities (the
//! named-entity tagger of `lagebild-ner` merged with the knowledge base's mentions by
//! `lagebild-link`); the dates, claims and events stages follow, each
//! filling its layer. Everything the stages know is loaded once into a [`Knowledge`] and
//! passed by reference.
//!
//! ```
//! use lagebild_pipeline::{Knowledge, Options, Timings, analyze};
//! let knowledge = Knowledge::embedded().unwrap();
//! let raw = lagebild_ingest::RawDocument {
//!     id: "d1".into(), source: "-".into(), title: None, url: None, published: None, published_time: None,
//!     lang: None,
//!     text: "Lawrow dankte Pjöngjang für seine Unterstützung. Kim reiste nach Russland.".into(),
//! };
//! let analysis = analyze(raw, &knowledge, &Options::default(), &mut Timings::default());
//! assert_eq!(analysis.document.meta.lang, lagebild_doc::Lang::De);
//! assert_eq!(analysis.document.sentences.len(), 2);
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveTime};
use lagebild_claims::ClaimKnowledge;
use lagebild_doc::{Document, Lang, Meta};
use lagebild_events::EventKnowledge;
use lagebild_ingest::RawDocument;
use lagebild_kb::Kb;
use lagebild_morph::Models;
use lagebild_ner::NerModels;
use lagebild_resources::Resources;
use lagebild_time::TimeKnowledge;

/// Everything the stages know, loaded once at start: language data and trained models.
#[derive(Debug)]
pub struct Knowledge {
    pub resources: Resources,
    pub models: Models,
    pub claims: ClaimKnowledge,
    pub events: EventKnowledge,
    pub time: TimeKnowledge,
    /// The knowledge base of the entity stage (`kb/`).
    pub kb: Kb,
    /// The named-entity tagger whose spans the entity stage merges (`models/<lang>/ner.bin`).
    pub ner: NerModels,
}

/// Knowledge that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    #[error(transparent)]
    Resources(#[from] lagebild_resources::ResourceError),
    #[error(transparent)]
    Models(#[from] lagebild_morph::ModelError),
    #[error(transparent)]
    Kb(#[from] lagebild_kb::KbError),
    #[error(transparent)]
    Ner(#[from] lagebild_ner::ModelError),
    /// A `--dictionary` file that could not be read or holds nothing of PETRARCH's format.
    #[error("{file}: {message}")]
    Dictionary { file: String, message: String },
}

/// What a PETRARCH-format dictionary added ([`Knowledge::add_dictionary`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DictionaryReport {
    pub actors: usize,
    pub agents: usize,
    pub verbs: usize,
    /// Verb-dictionary members and patterns that could not be converted, by reason.
    pub verbs_skipped: Vec<(&'static str, usize)>,
    /// Lines of an actor or agent dictionary that were neither, with the reason.
    pub lines_skipped: Vec<(usize, &'static str)>,
}

impl Knowledge {
    /// The resources and models compiled into the binary.
    pub fn embedded() -> Result<Knowledge, KnowledgeError> {
        let mut knowledge = Knowledge {
            resources: Resources::embedded()?,
            models: Models::embedded()?,
            claims: ClaimKnowledge::embedded()?,
            events: EventKnowledge::embedded()?,
            time: TimeKnowledge::embedded()?,
            kb: Kb::embedded()?,
            ner: NerModels::embedded()?,
        };
        knowledge.share_role_nouns();
        Ok(knowledge)
    }

    /// The embedded knowledge, with the resource files in `resources` (a directory laid out
    /// like `resources/`) in place of the embedded ones.
    pub fn with_resources_dir(resources: &Path) -> Result<Knowledge, KnowledgeError> {
        let mut knowledge = Knowledge {
            resources: Resources::from_dir(resources)?,
            models: Models::embedded()?,
            claims: ClaimKnowledge::from_dir(resources)?,
            events: EventKnowledge::from_dir(resources)?,
            time: TimeKnowledge::from_dir(resources)?,
            kb: Kb::embedded()?,
            ner: NerModels::embedded()?,
        };
        knowledge.share_role_nouns();
        Ok(knowledge)
    }
}

impl Knowledge {
    /// Gives the events stage the knowledge base's role nouns, which code the groups an
    /// article names without their country.
    fn share_role_nouns(&mut self) {
        for lang in [Lang::De, Lang::En] {
            let nouns = self.kb.role_nouns(lang).map(|noun| (&*noun.noun, &*noun.sector));
            self.events.set_role_nouns(lang, nouns);
        }
    }

    /// Loads a dictionary in PETRARCH's format on top of the built-in knowledge: a verb
    /// dictionary (verb classes `--- NAME [code] ---`) adds English event triggers that take
    /// the place of built-in ones of the same lemma; an actor or agent dictionary adds actors
    /// to the knowledge base (with the code they hold on `date`, else their undated one) and
    /// agents as English role nouns. A file that cannot be read or holds none of these is an
    /// error naming it.
    pub fn add_dictionary(&mut self, path: &Path, date: Option<NaiveDate>) -> Result<DictionaryReport, KnowledgeError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|error| KnowledgeError::Dictionary { file: file.clone(), message: error.to_string() })?;
        let mut report = DictionaryReport::default();
        if lagebild_events::petrarch::is_verb_dictionary(&text) {
            let conversion = self.events.add_petrarch_verbs(&text);
            report.verbs = conversion.triggers.len();
            report.verbs_skipped = conversion.skipped.into_iter().collect();
            if report.verbs == 0 && report.verbs_skipped.is_empty() {
                return Err(KnowledgeError::Dictionary { file, message: "a verb dictionary without verbs".to_owned() });
            }
        } else {
            let dictionary = lagebild_kb::dictionary::parse(&text);
            if dictionary.actors.is_empty() && dictionary.agents.is_empty() {
                return Err(KnowledgeError::Dictionary {
                    file,
                    message: "no actors, agents or verb classes in PETRARCH's format".to_owned(),
                });
            }
            (report.actors, report.agents) = self.kb.add_dictionary(&dictionary, &file, date);
            self.share_role_nouns();
            report.lines_skipped = dictionary.skipped;
        }
        Ok(report)
    }
}

/// Which language to analyse documents in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// The input's `lang` field where it has one, else the detector's verdict.
    #[default]
    Auto,
    /// Every document, whatever the input or the detector says.
    Force(Lang),
}

/// Settings that hold for a whole run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub lang: LangChoice,
    /// The publication date of documents whose input gives none.
    pub published: Option<NaiveDate>,
    /// The time of day of publication that goes with [`Options::published`].
    pub published_time: Option<NaiveTime>,
    /// The texts are speeches (German parliamentary debates and the like): the claims stage
    /// also takes the cues that the cue tagger, trained on Bundestag speeches, marks
    /// (`lagebild_ner::cue_tokens`). Off for news, where that tagger finds too many cues that
    /// are none (`docs/claims.md`).
    pub speeches: bool,
}

/// The stages, in the order [`analyze`] runs them.
pub const STAGES: &[&str] = &[
    "language id",
    "sentences and tokens",
    "morphology and clauses",
    "entities",
    "dates and quantities",
    "claims",
    "events",
];

/// Time spent in each stage of [`STAGES`], summed over documents.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    pub stages: [Duration; STAGES.len()],
}

impl Timings {
    fn time<T>(&mut self, stage: usize, work: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let result = work();
        self.stages[stage] += start.elapsed();
        result
    }
}

/// A document with its layers, and what the user should be told about it.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub document: Document,
    /// Set when the document was not analysed, saying why.
    pub warning: Option<String>,
}

/// The least confidence of a tagger span that the entity stage takes: in German
/// cross-validation it raises precision from 0.59 to 0.73 for 0.004 of F1 (`docs/ner.md`).
pub const NER_MIN_CONFIDENCE: f32 = 0.5;

/// The entity stage: the named-entity tagger's names (not the words derived from names or
/// with a name in them, which the knowledge base reads as adjectives and compound parts),
/// merged with the knowledge base's mentions (`docs/ner.md`).
pub fn entities(document: &Document, knowledge: &Knowledge) -> Vec<lagebild_doc::Entity> {
    lagebild_link::entities_with(document, &knowledge.kb, &tagged_spans(document, knowledge))
}

/// The named-entity tagger's spans that the entity stage takes ([`entities`]).
pub fn tagged_spans(document: &Document, knowledge: &Knowledge) -> Vec<lagebild_link::TaggedSpan> {
    let lexicon = knowledge.models.get(document.meta.lang).map(|model| &model.lexicon);
    let knows = |word: &str| lexicon.is_some_and(|lexicon| lexicon.script_id(word).is_some());
    lagebild_ner::recognize(document, &knowledge.ner, &knowledge.kb, knows)
        .into_iter()
        .filter(|mention| mention.variant == lagebild_ner::Variant::Name && mention.confidence >= NER_MIN_CONFIDENCE)
        .map(|mention| lagebild_link::TaggedSpan {
            range: mention.range,
            entity_type: mention.kind.entity_type(),
            confidence: mention.confidence,
        })
        .collect()
}

/// Runs every stage over one text given on its own (developer tools and tests): id `x`,
/// source `-`, default options.
pub fn analyze_text(knowledge: &Knowledge, lang: &str, published: Option<NaiveDate>, text: String) -> Document {
    let raw = RawDocument {
        id: "x".into(),
        source: "-".into(),
        title: None,
        url: None,
        published,
        published_time: None,
        lang: Some(lang.into()),
        text,
    };
    analyze(raw, knowledge, &Options::default(), &mut Timings::default()).document
}

/// Runs every stage over one document. A document in a language other than German or
/// English keeps its empty layers, with `lang` `und` and a warning.
pub fn analyze(raw: RawDocument, knowledge: &Knowledge, options: &Options, timings: &mut Timings) -> Analysis {
    let resources = &knowledge.resources;
    let detection = timings.time(0, || lagebild_langid::detect(&raw.text, resources));
    let declared = raw.lang.as_deref().map(|code| (code, Lang::from_code(code)));
    let lang = match (options.lang, declared) {
        (LangChoice::Force(lang), _) => lang,
        (LangChoice::Auto, Some((_, Some(lang)))) => lang,
        (LangChoice::Auto, Some((_, None))) => Lang::Und,
        (LangChoice::Auto, None) => detection.lang,
    };
    let meta = Meta {
        id: raw.id,
        source: raw.source,
        title: raw.title,
        published: raw.published.or(options.published),
        published_time: if raw.published.is_some() { raw.published_time } else { options.published_time },
        lang,
        lang_detected: detection.detected.clone(),
    };
    let mut document = Document::new(meta, raw.text);
    let Some(lang_resources) = resources.lang(lang) else {
        let reason = match (declared, &detection.detected) {
            (Some((code, None)), _) => format!("its input declares language {code:?}"),
            (_, Some(code)) => format!("it looks like language {code:?}"),
            _ => "its language could not be determined".to_owned(),
        };
        let warning = format!(
            "{} ({}): not analysed: {reason}, and lagebild analyses German and English (use --lang to force one)",
            document.meta.id, document.meta.source
        );
        return Analysis { document, warning: Some(warning) };
    };
    let (sentences, tokens) = timings.time(1, || lagebild_segment::segment(document.text(), lang, lang_resources));
    document.sentences = sentences;
    document.tokens = tokens;
    let (tokens, clauses) = timings.time(2, || lagebild_morph::analyze(&document, &knowledge.models, resources));
    document.tokens = tokens;
    document.clauses = clauses;
    document.entities = timings.time(3, || entities(&document, knowledge));
    let (times, quantities) = timings.time(4, || lagebild_time::analyze(&document, &knowledge.time));
    document.times = times;
    document.quantities = quantities;
    document.claims = timings.time(5, || {
        if options.speeches {
            let cues = lagebild_ner::cue_tokens(&document, &knowledge.ner);
            lagebild_claims::claims_with_cues(&document, &knowledge.claims, &cues)
        } else {
            lagebild_claims::claims(&document, &knowledge.claims)
        }
    });
    document.events = timings.time(6, || lagebild_events::events(&document, &knowledge.events));
    // Each claim lists the events it reports: the other side of `Event::claim`.
    for (index, event) in document.events.iter().enumerate() {
        if let Some(claim) = event.claim.and_then(|claim| document.claims.get_mut(claim.index())) {
            claim.events.push(lagebild_doc::EventId(index as u32));
        }
    }
    debug_assert_eq!(document.check_invariants(), Ok(()));
    Analysis { document, warning: None }
}
