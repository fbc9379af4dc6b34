//! Prints the documents that lagebild-ingest reads from each path given: title, date,
//! language, source and text, or the error.
//!
//! ```sh
//! cargo run --release -p lagebild-ingest --example extract -- page.html feed.rss crawl.warc.gz
//! ```

#![allow(clippy::print_stdout)] // An example prints what it read.

use lagebild_ingest::{Input, read_inputs};

fn main() {
    let inputs: Vec<Input> = std::env::args().skip(1).map(|arg| Input::parse(&arg)).collect();
    for result in read_inputs(&inputs) {
        match result {
            Ok(doc) => {
                println!(
                    "== {} | title {:?} | published {:?} | lang {:?}",
                    doc.source, doc.title, doc.published, doc.lang
                );
                println!("{}\n", doc.text);
            }
            Err(error) => println!("!! {error}\n"),
        }
    }
}
