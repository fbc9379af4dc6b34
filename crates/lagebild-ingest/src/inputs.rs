//! Walking the inputs: files, directories and standard input.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::iter;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::{Format, Input, RawDocument, ReadError, ReadErrorKind};

type Documents = Box<dyn Iterator<Item = Result<RawDocument, ReadError>>>;

/// Streams every document of every input, in order.
///
/// A directory is walked recursively in path order (following symbolic links), reading only
/// the files whose format is known by their extension and skipping all others. A file named
/// explicitly with an unknown extension is sniffed ([`Format::sniff`]). Standard input is
/// plain text. Files are opened one at a time, as the stream reaches them; an input that
/// cannot be read yields an error naming it, and the stream goes on with the next.
pub fn read_inputs(inputs: &[Input]) -> impl Iterator<Item = Result<RawDocument, ReadError>> + use<> {
    Vec::from(inputs).into_iter().flat_map(read_input)
}

fn read_input(input: Input) -> Documents {
    match input {
        Input::Stdin => Format::Text.reader().read("-", Box::new(io::stdin().lock())),
        Input::Path(path) if path.is_dir() => read_dir(path),
        Input::Path(path) => read_file(&path, Format::for_path(&path)),
    }
}

fn read_dir(dir: PathBuf) -> Documents {
    let entries = WalkDir::new(&dir).follow_links(true).sort_by_file_name().into_iter();
    Box::new(entries.flat_map(move |entry| -> Documents {
        match entry {
            Ok(entry) if entry.file_type().is_file() => match Format::for_path(entry.path()) {
                Some(format) => read_file(entry.path(), Some(format)),
                None => Box::new(iter::empty()),
            },
            Ok(_) => Box::new(iter::empty()),
            Err(error) => {
                let input = error.path().unwrap_or(&dir).display().to_string();
                let message = error.to_string();
                let error = error.into_io_error().unwrap_or_else(|| io::Error::other(message));
                Box::new(iter::once(Err(ReadError::new(input, None, ReadErrorKind::Io(error)))))
            }
        }
    }))
}

/// Reads one file in `format`, or in the format its first bytes suggest.
fn read_file(path: &Path, format: Option<Format>) -> Documents {
    let name = path.display().to_string();
    let fail =
        |error| -> Documents { Box::new(iter::once(Err(ReadError::new(&name, None, ReadErrorKind::Io(error))))) };
    let mut reader = match File::open(path) {
        Ok(file) => BufReader::with_capacity(64 * 1024, file),
        Err(error) => return fail(error),
    };
    let format = match format {
        Some(format) => format,
        None => match reader.fill_buf() {
            Ok(head) => Format::sniff(head),
            Err(error) => return fail(error),
        },
    };
    format.reader().read(&name, Box::new(reader))
}
