//! Arbitrary text never makes the events stage panic, and its events point into the text.

use std::sync::OnceLock;

use lagebild_pipeline::{Knowledge, Options, Timings};
use proptest::prelude::*;

fn knowledge() -> &'static Knowledge {
    static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();
    KNOWLEDGE.get_or_init(|| Knowledge::embedded().expect("the embedded knowledge loads"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_valid_events(text in "(\\PC|[\"„“”»«:,.]| besuchte | griff an | visited | attacked | nicht | not ){0,120}", german in any::<bool>()) {
        let raw = lagebild_ingest::RawDocument {
            id: "p".into(), source: "-".into(), title: None, url: None, published: None, published_time: None,
            lang: Some(if german { "de" } else { "en" }.into()), text,
        };
        let doc = lagebild_pipeline::analyze(raw, knowledge(), &Options::default(), &mut Timings::default()).document;
        prop_assert_eq!(doc.check_invariants(), Ok(()));
    }
}
