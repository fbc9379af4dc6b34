//! Project automation, run as `cargo xtask <command>`: evaluations against the gold data
//! in `../shared/data`, printed as precision, recall and F1.

#![allow(clippy::print_stdout, clippy::print_stderr)] // A command-line tool reports on the terminal.

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use lagebild_eval::Layout;

mod claims;
mod clauses;
mod events;
mod html;
mod kb;
mod link;
mod morph;
mod ner;
mod petrarch;
mod plover;
mod time;

#[derive(Parser)]
#[command(about = "lagebild's project automation")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scores a stage against gold data in ../shared/data (or $LAGEBILD_SHARED_DATA).
    Eval {
        #[command(subcommand)]
        what: Eval,
    },
    /// Builds models/<lang>/lemmas.bin from the simplemma tables in ../shared/data/lexicon.
    BuildLexicon {
        #[arg(long)]
        lang: Option<String>,
    },
    /// Builds the knowledge base files under kb/ from ../shared/data and resources/kb/.
    BuildKb,
    /// Writes resources/shared/plover_cameo.tsv and plover_scores.tsv from the PLOVER codebook.
    BuildPlover,
    /// Writes resources/shared/name_words.tsv (words of person and place names, for the NER tagger).
    BuildNameWords,
    /// Converts PETRARCH2's CAMEO verb dictionary into resources/en/event_triggers_petrarch.tsv.
    ConvertPetrarchVerbs,
    /// Trains a model from ../shared/data and writes it with a record under models/<lang>/.
    Train {
        #[command(subcommand)]
        what: Train,
    },
}

#[derive(Subcommand)]
enum Train {
    /// The part-of-speech and morphology tagger, from the UD treebanks (every tenth sentence held out).
    Morph {
        #[arg(long)]
        lang: Option<String>,
        #[arg(long)]
        epochs: Option<usize>,
    },
    /// The named-entity tagger: German from GermEval 2014 and SmartData, English from CoNLL++ train and wikigold.
    Ner {
        #[arg(long)]
        lang: Option<String>,
        #[arg(long)]
        epochs: Option<usize>,
        /// log2 of the weight table's rows.
        #[arg(long)]
        bits: Option<u8>,
        /// Skip the scores (German cross-validation trains five more models).
        #[arg(long)]
        no_scores: bool,
    },
    /// The German cue tagger of attribution, from the SpkAtt-2023 development speeches (the held-out tenth scores it).
    Cues {
        #[arg(long)]
        epochs: Option<usize>,
    },
}

#[derive(Subcommand)]
enum Eval {
    /// Named entities: CoNLL-style P/R/F1 per type; English on CoNLL++ dev, German by five-fold cross-validation over GermEval 2014.
    Ner {
        #[arg(long)]
        lang: Option<String>,
        /// Cross-validation settings (default: those of the committed models).
        #[arg(long)]
        epochs: Option<usize>,
        #[arg(long)]
        bits: Option<u8>,
        /// Leave out the training-only data (SmartData) in cross-validation.
        #[arg(long)]
        no_extra: bool,
    },
    /// Sentence boundaries and surface tokens against the UD treebanks in ud/.
    Segment {
        /// How sentences are joined into running text; both are printed by default.
        #[arg(long)]
        layout: Option<LayoutArg>,
        /// Print up to this many sentence and token errors per file.
        #[arg(long, default_value_t = 0)]
        errors: usize,
    },
    /// The HTML article extractor on the SmartData news pages: first sentence kept, boilerplate dropped.
    Html {
        /// Print up to this many pages whose first sentence was missed.
        #[arg(long, default_value_t = 0)]
        show: usize,
    },
    /// Part of speech, lemmas and verb features of the models in models/, on held-out UD sentences.
    Morph {
        #[arg(long)]
        lang: Option<String>,
    },
    /// Claims (cue, source, content) against SpkAtt-2023 (held out) and PolNeAR (dev);
    /// `--development` scores SpkAtt's development speeches and PolNeAR's train split.
    Claims {
        /// Print gold and found statements of this many documents per corpus.
        #[arg(long, default_value_t = 0)]
        show: usize,
        /// Score SpkAtt's development speeches and PolNeAR's train split instead of the
        /// reported held-out speeches and dev split (look at errors only with this).
        #[arg(long)]
        development: bool,
    },
    /// The PETRARCH validation records coded with their own dictionaries (for information).
    Petrarch,
    /// Events (type and arguments) against the German event gold set in crates/lagebild-eval/gold/events-de.
    Events {
        /// Print the confusion of gold and found types and the missed triggers of the development half.
        #[arg(long)]
        show: bool,
    },
    /// Entity recognition and linking against the linking gold set in crates/lagebild-eval/gold/linking.
    Link {
        /// Print up to this many wrong links per language.
        #[arg(long, default_value_t = 0)]
        errors: usize,
    },
    /// Clause boundaries against the UD dependency trees in ud/, on gold tags.
    Clauses {
        /// Print up to this many sentences with a boundary error per file.
        #[arg(long, default_value_t = 0)]
        errors: usize,
    },
    /// Time expressions against TimeML (KRAUTS Dolomiten-42, TimeBank/AQUAINT) as TempEval-3 scores them.
    Time {
        /// Print up to this many errors per corpus.
        #[arg(long, default_value_t = 0)]
        errors: usize,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutArg {
    Spaces,
    Lines,
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Eval { what: Eval::Segment { layout, errors } } => eval_segment(layout, errors),
        Command::Eval { what: Eval::Html { show } } => html::eval_html(show),
        Command::Eval { what: Eval::Morph { lang } } => morph::eval_morph(lang.as_deref()),
        Command::Eval { what: Eval::Clauses { errors } } => clauses::eval_clauses(errors),
        Command::Eval { what: Eval::Events { show } } => events::eval_events(show),
        Command::Eval { what: Eval::Petrarch } => petrarch::eval_petrarch(),
        Command::Eval { what: Eval::Link { errors } } => link::eval_link(errors),
        Command::Eval { what: Eval::Time { errors } } => time::eval_time(errors),
        Command::Eval { what: Eval::Claims { show, development } } => claims::eval_claims(show, development),
        Command::BuildLexicon { lang } => morph::build_lexicon(lang.as_deref()),
        Command::BuildPlover => plover::build_plover(),
        Command::ConvertPetrarchVerbs => petrarch::convert_petrarch_verbs(),
        Command::BuildKb => kb::build_kb(),
        Command::BuildNameWords => ner::build_name_words(),
        Command::Train { what: Train::Morph { lang, epochs } } => morph::train_morph(lang.as_deref(), epochs),
        Command::Train { what: Train::Cues { epochs } } => ner::train_cues(epochs),
        Command::Train { what: Train::Ner { lang, epochs, bits, no_scores } } => {
            ner::train_ner(lang.as_deref(), epochs, bits, no_scores)
        }
        Command::Eval { what: Eval::Ner { lang, epochs, bits, no_extra } } => {
            ner::eval_ner(lang.as_deref(), epochs, bits, no_extra)
        }
    }
}

fn eval_segment(layout: Option<LayoutArg>, errors: usize) -> anyhow::Result<()> {
    let Some(data) = lagebild_eval::shared_data_dir() else {
        println!("skipped: ../shared/data is absent (set LAGEBILD_SHARED_DATA to point at it)");
        return Ok(());
    };
    let resources = lagebild_resources::Resources::embedded().context("loading the embedded resources")?;
    let layouts = match layout {
        Some(LayoutArg::Spaces) => vec![Layout::Spaces],
        Some(LayoutArg::Lines) => vec![Layout::Lines],
        None => vec![Layout::Lines, Layout::Spaces],
    };
    for layout in layouts {
        println!("layout: {layout:?}");
        for (lang, path) in lagebild_eval::segmentation::ud_files(&data) {
            let scores = lagebild_eval::segmentation::evaluate_file(&path, lang, layout, &resources, errors)
                .with_context(|| format!("evaluating {}", path.display()))?;
            println!("  {} ({})", scores.file, lang.code());
            println!("    sentences          {}", scores.sentences);
            println!("    tokens             {}", scores.tokens);
            println!("    tokens (UD as is)  {}", scores.tokens_raw);
            for error in &scores.errors {
                println!("      {error}");
            }
        }
    }
    Ok(())
}
