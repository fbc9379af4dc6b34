//! Time expressions against TimeML gold (KRAUTS Dolomiten-42, TimeBank/AQUAINT), scored as
//! TempEval-3 scores TIMEX3 (UzZaman et al. 2013, and its toolkit's `evaluate_entities.py`).
//!
//! A TimeML file is read into the text of its `<TEXT>` element, tags removed and the five
//! XML entities unescaped, with each `TIMEX3` inside as a byte range of that text; the
//! document creation time is the `value` of the `TIMEX3` in `<DCT>`. The creation time
//! itself is not scored, nor are empty `TIMEX3` elements (implicit times without words).
//!
//! Scores, summed over all documents of a corpus (micro-averaged):
//! - **relaxed** extent: a system and a gold expression match when their ranges overlap;
//!   each is matched at most once (gold in text order, each with the first overlapping
//!   system expression not yet matched);
//! - **strict** extent: a relaxed-matched pair with the same range;
//! - **value F1** (and **type F1**): value accuracy on the relaxed-matched pairs times the
//!   relaxed F1, which equals the F1 of "matched with the right value".
//!
//! [`bootstrap`] gives 95% intervals by resampling documents.

use std::path::{Path, PathBuf};

use crate::{EvalError, Score};

/// One TIMEX3 with its byte range in the document's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    /// The words, `text[start..end]`.
    pub text: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    pub time_type: String,
    pub value: String,
}

/// A TimeML document: its text, creation time and time expressions.
#[derive(Debug, Clone)]
pub struct TimemlDocument {
    /// The file name, without directories.
    pub name: String,
    /// The content of `<TEXT>` without tags, entities unescaped.
    pub text: String,
    /// The `value` of the document creation time (`1998-01-08`), if the file has one.
    pub dct: Option<String>,
    pub timexes: Vec<Timex>,
}

/// Reads one TimeML file.
pub fn read_timeml(path: &Path) -> Result<TimemlDocument, EvalError> {
    let xml = std::fs::read_to_string(path).map_err(|source| EvalError::Io { file: path.to_owned(), source })?;
    parse_timeml(&xml, path)
}

/// Parses the text of a TimeML file; `path` names it in errors.
pub fn parse_timeml(xml: &str, path: &Path) -> Result<TimemlDocument, EvalError> {
    let malformed = |at: usize, message: &str| EvalError::Malformed {
        file: path.to_owned(),
        line: xml[..at.min(xml.len())].matches('\n').count() + 1,
        message: message.to_owned(),
    };
    let dct = xml.find("<DCT>").and_then(|start| {
        let end = xml[start..].find("</DCT>")? + start;
        attribute(&xml[start..end], "value").map(str::to_owned)
    });
    let open = xml.find("<TEXT>").ok_or_else(|| malformed(0, "no <TEXT> element"))? + "<TEXT>".len();
    let close = xml[open..].find("</TEXT>").ok_or_else(|| malformed(open, "<TEXT> is not closed"))? + open;
    let body = &xml[open..close];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut stack: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let at = open + (body.len() - rest.len());
        if let Some(after) = rest.strip_prefix('<') {
            let end = after.find('>').ok_or_else(|| malformed(at, "a tag is not closed"))?;
            let tag = &after[..end];
            rest = &after[end + 1..];
            if let Some(attributes) = tag.strip_prefix("TIMEX3") {
                if tag.ends_with('/') {
                    continue; // An implicit time, without words.
                }
                let time_type = attribute(attributes, "type").unwrap_or_default().to_owned();
                let value = attribute(attributes, "value").unwrap_or_default().to_owned();
                stack.push((text.len(), time_type, value));
            } else if tag == "/TIMEX3" {
                let (start, time_type, value) =
                    stack.pop().ok_or_else(|| malformed(at, "</TIMEX3> without its start tag"))?;
                if text[start..].trim().is_empty() {
                    continue;
                }
                timexes.push(Timex { start, end: text.len(), text: text[start..].to_owned(), time_type, value });
            }
        } else if let Some(after) = rest.strip_prefix('&') {
            let end = after.find(';').filter(|&end| end <= 8).ok_or_else(|| malformed(at, "a stray `&`"))?;
            let character = match &after[..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                entity => {
                    let code = match entity.strip_prefix("#x").or_else(|| entity.strip_prefix("#X")) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => entity.strip_prefix('#').and_then(|decimal| decimal.parse().ok()),
                    };
                    code.and_then(char::from_u32).ok_or_else(|| malformed(at, "an unknown entity"))?
                }
            };
            text.push(character);
            rest = &after[end + 1..];
        } else {
            let end = rest.find(['<', '&']).unwrap_or(rest.len());
            text.push_str(&rest[..end]);
            rest = &rest[end..];
        }
    }
    if !stack.is_empty() {
        return Err(malformed(close, "a <TIMEX3> is not closed"));
    }
    timexes.sort_by_key(|timex| (timex.start, timex.end));
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(TimemlDocument { name, text, dct, timexes })
}

/// The value of `name="…"` in a tag's attributes.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    loop {
        let at = rest.find(name)?;
        let before_ok = at == 0 || rest.as_bytes()[at - 1].is_ascii_whitespace();
        let after = &rest[at + name.len()..];
        if before_ok && let Some(quoted) = after.trim_start().strip_prefix('=') {
            let quoted = quoted.trim_start();
            let quote = quoted.chars().next()?;
            if quote == '"' || quote == '\'' {
                let inner = &quoted[1..];
                return inner.find(quote).map(|end| &inner[..end]);
            }
        }
        rest = after;
    }
}

/// The `.tml` files of a directory (not recursive), sorted by name.
pub fn timeml_files(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io { file: dir.to_owned(), source })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tml") && path.is_file())
        .filter(|path| !path.file_name().is_some_and(|name| name.to_string_lossy().starts_with("._")))
        .collect();
    files.sort();
    Ok(files)
}

/// The German gold set of the project (`gold/time-de/`, made by an annotator who wrote no
/// rule of the dates stage, then frozen): TIMEX3 in articles of 10kGNAD, with one assumed
/// creation time for all.
pub fn german_gold_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("gold/time-de/timex.tsv")
}

/// The corpus of `gold/time-de/`, relative to `../shared/data`.
pub const GERMAN_GOLD_CORPUS: &str = "corpus/de/10kgnad/10kgnad-test-developers.jsonl";

/// Reads a gold table like `gold/time-de/timex.tsv` (`# dct:` and `# docs:` headers; columns
/// doc, start, end, text, type, value, note; offsets in characters) over the articles of
/// `corpus` (JSON lines with `id` and `text`), one document per id of `# docs:`, in that
/// order, offsets turned into bytes.
pub fn read_gold_table(gold: &Path, corpus: &Path) -> Result<Vec<TimemlDocument>, EvalError> {
    let table = std::fs::read_to_string(gold).map_err(|source| EvalError::Io { file: gold.to_owned(), source })?;
    let texts = crate::corpus_texts(corpus)?;
    parse_gold_table(gold, &table, &texts)
}

/// Parses a gold table (see [`read_gold_table`]) against the articles' texts by id; `path`
/// names it in errors.
pub fn parse_gold_table(
    path: &Path,
    table: &str,
    texts: &std::collections::HashMap<String, String>,
) -> Result<Vec<TimemlDocument>, EvalError> {
    let malformed = |line: usize, message: String| EvalError::Malformed { file: path.to_owned(), line, message };
    let header = |key: &str| {
        table.lines().find_map(|line| {
            let (name, value) = line.strip_prefix('#')?.split_once(':')?;
            (name.trim() == key).then(|| value.trim())
        })
    };
    let dct = header("dct").ok_or_else(|| malformed(0, "no `# dct:` line".to_owned()))?;
    let ids = header("docs").ok_or_else(|| malformed(0, "no `# docs:` line".to_owned()))?;
    let mut documents = Vec::new();
    for id in ids.split(',').map(str::trim).filter(|id| !id.is_empty()) {
        let text = texts.get(id).ok_or_else(|| malformed(0, format!("no article {id} in the corpus")))?;
        let doc =
            TimemlDocument { name: id.to_owned(), text: text.clone(), dct: Some(dct.to_owned()), timexes: Vec::new() };
        documents.push(doc);
    }
    let rows = lagebild_resources::parse_table(&path.display().to_string(), table, 7)
        .map_err(|error| malformed(0, error.to_string()))?;
    for row in &rows.rows {
        let bad = |message: &str| malformed(row.line, message.to_owned());
        let doc = documents
            .iter_mut()
            .find(|doc| doc.name == row.fields[0])
            .ok_or_else(|| bad("the article is not in `# docs:`"))?;
        let byte = |field: &str| -> Result<usize, EvalError> {
            let chars: usize = field.parse().map_err(|_| bad("an offset is not a number"))?;
            match doc.text.char_indices().nth(chars) {
                Some((byte, _)) => Ok(byte),
                None if doc.text.chars().count() == chars => Ok(doc.text.len()),
                None => Err(bad("an offset lies beyond the text")),
            }
        };
        let (start, end) = (byte(row.fields[1])?, byte(row.fields[2])?);
        if start >= end {
            return Err(bad("an expression ends before it starts"));
        }
        let text = doc.text[start..end].to_owned();
        let (time_type, value) = (row.fields[4].to_owned(), row.fields[5].to_owned());
        doc.timexes.push(Timex { start, end, text, time_type, value });
    }
    for doc in &mut documents {
        doc.timexes.sort_by_key(|timex| (timex.start, timex.end));
    }
    Ok(documents)
}

/// The counts of one document (or a sum of documents) from which every score follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimexCounts {
    pub gold: usize,
    pub predicted: usize,
    /// Relaxed-matched pairs (overlapping ranges).
    pub relaxed: usize,
    /// Pairs with the same range.
    pub strict: usize,
    /// Relaxed-matched pairs with the same value.
    pub value: usize,
    /// Relaxed-matched pairs with the same type.
    pub time_type: usize,
}

impl TimexCounts {
    pub fn add(&mut self, other: TimexCounts) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.relaxed += other.relaxed;
        self.strict += other.strict;
        self.value += other.value;
        self.time_type += other.time_type;
    }

    pub fn strict(&self) -> Score {
        Score { matched: self.strict, predicted: self.predicted, gold: self.gold }
    }

    pub fn relaxed(&self) -> Score {
        Score { matched: self.relaxed, predicted: self.predicted, gold: self.gold }
    }

    /// TempEval-3's value F1: value accuracy on relaxed matches times relaxed F1.
    pub fn value_f1(&self) -> f64 {
        Score { matched: self.value, predicted: self.predicted, gold: self.gold }.f1()
    }

    pub fn type_f1(&self) -> f64 {
        Score { matched: self.time_type, predicted: self.predicted, gold: self.gold }.f1()
    }

    /// The share of relaxed-matched pairs with the right value.
    pub fn value_accuracy(&self) -> f64 {
        if self.relaxed == 0 { 0.0 } else { self.value as f64 / self.relaxed as f64 }
    }

    pub fn type_accuracy(&self) -> f64 {
        if self.relaxed == 0 { 0.0 } else { self.time_type as f64 / self.relaxed as f64 }
    }
}

/// How a gold expression fared: matched (with the system's expression) or missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimexError {
    /// A gold expression no system expression overlaps.
    Missed(Timex),
    /// A system expression that overlaps no gold one.
    Spurious(Timex),
    /// Overlapping, but with another range, value or type.
    Different { gold: Timex, system: Timex },
}

/// Scores one document's system expressions against its gold ones; returns the counts and
/// the errors.
pub fn score_document(gold: &[Timex], system: &[Timex]) -> (TimexCounts, Vec<TimexError>) {
    let mut counts = TimexCounts { gold: gold.len(), predicted: system.len(), ..TimexCounts::default() };
    let mut errors = Vec::new();
    let mut used = vec![false; system.len()];
    for g in gold {
        let found = system.iter().enumerate().find(|(index, s)| !used[*index] && s.start < g.end && g.start < s.end);
        let Some((index, s)) = found else {
            errors.push(TimexError::Missed(g.clone()));
            continue;
        };
        used[index] = true;
        counts.relaxed += 1;
        let same_range = s.start == g.start && s.end == g.end;
        counts.strict += usize::from(same_range);
        counts.value += usize::from(s.value == g.value);
        counts.time_type += usize::from(s.time_type == g.time_type);
        if !same_range || s.value != g.value || s.time_type != g.time_type {
            errors.push(TimexError::Different { gold: g.clone(), system: s.clone() });
        }
    }
    for (s, used) in system.iter().zip(used) {
        if !used {
            errors.push(TimexError::Spurious(s.clone()));
        }
    }
    (counts, errors)
}

/// A 95% interval: the 2.5th and 97.5th percentiles of the bootstrap draws.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

/// 95% bootstrap intervals of one corpus's scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Intervals {
    pub strict_f1: Interval,
    pub relaxed_f1: Interval,
    pub value_f1: Interval,
    pub type_f1: Interval,
}

/// Bootstrap 95% intervals of strict, relaxed, value and type F1: `draws` samples of the
/// documents with replacement (each as many documents as `documents`), from a fixed `seed`,
/// each scored on its summed counts.
pub fn bootstrap(documents: &[TimexCounts], draws: usize, seed: u64) -> Intervals {
    let mut rng = SplitMix64(seed);
    let mut samples: [Vec<f64>; 4] = Default::default();
    if !documents.is_empty() {
        for _ in 0..draws {
            let mut sum = TimexCounts::default();
            for _ in 0..documents.len() {
                sum.add(documents[(rng.next() % documents.len() as u64) as usize]);
            }
            samples[0].push(sum.strict().f1());
            samples[1].push(sum.relaxed().f1());
            samples[2].push(sum.value_f1());
            samples[3].push(sum.type_f1());
        }
    }
    let [strict, relaxed, value, time_type] = samples.map(|mut values| {
        values.sort_by(f64::total_cmp);
        let at = |q: f64| {
            if values.is_empty() {
                f64::NAN
            } else {
                values[((q * (values.len() - 1) as f64).round() as usize).min(values.len() - 1)]
            }
        };
        Interval { low: at(0.025), high: at(0.975) }
    });
    Intervals { strict_f1: strict, relaxed_f1: relaxed, value_f1: value, type_f1: time_type }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a small, fixed pseudo-random sequence, so that
/// the intervals are the same on every run.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A corpus scored: the summed counts, the counts per document (for intervals) and the
/// errors per document.
#[derive(Debug, Clone, Default)]
pub struct CorpusScores {
    pub total: TimexCounts,
    pub documents: Vec<TimexCounts>,
    pub errors: Vec<(String, Vec<TimexError>)>,
}

impl CorpusScores {
    pub fn add_document(&mut self, name: &str, gold: &[Timex], system: &[Timex]) {
        let (counts, errors) = score_document(gold, system);
        self.total.add(counts);
        self.documents.push(counts);
        if !errors.is_empty() {
            self.errors.push((name.to_owned(), errors));
        }
    }
}

/// Scores the TimeML files of `system_dir` against those of the same name in `gold_dir`
/// (HeidelTime's output beside Dolomiten-42); a file's texts must agree.
pub fn score_directories(gold_dir: &Path, system_dir: &Path) -> Result<CorpusScores, EvalError> {
    let mut scores = CorpusScores::default();
    for gold_path in timeml_files(gold_dir)? {
        let gold = read_timeml(&gold_path)?;
        let system_path = system_dir.join(gold_path.file_name().unwrap_or_default());
        let system = read_timeml(&system_path)?;
        if system.text != gold.text {
            return Err(EvalError::Malformed {
                file: system_path,
                line: 1,
                message: "its text differs from the gold file's".to_owned(),
            });
        }
        scores.add_document(&gold.name, &gold.timexes, &system.timexes);
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timex(start: usize, end: usize, value: &str) -> Timex {
        Timex { start, end, text: String::new(), time_type: "DATE".to_owned(), value: value.to_owned() }
    }

    #[test]
    fn a_gold_table_gives_byte_ranges_and_keeps_articles_without_times() {
        let texts: std::collections::HashMap<String, String> =
            [("a", "Über Nacht kam am Montag der Schnee."), ("b", "Nichts.")]
                .into_iter()
                .map(|(id, text)| (id.to_owned(), text.to_owned()))
                .collect();
        let table = "# source: test\n# licence: test\n# dct: 2016-03-16\n# docs: a, b\n\
                     # columns: doc start end text type value note\n\
                     a\t18\t24\tMontag\tDATE\t2016-03-14\t-\n";
        let docs = parse_gold_table(Path::new("t.tsv"), table, &texts).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].dct.as_deref(), Some("2016-03-16"));
        // `Ü` is two bytes: character 18 is byte 19.
        assert_eq!((docs[0].timexes[0].start, docs[0].timexes[0].text.as_str()), (19, "Montag"));
        assert!(docs[1].timexes.is_empty());
        let wrong = "# source: t\n# licence: t\n# dct: 2016-03-16\n# docs: a\nc\t0\t1\tx\tDATE\t2016\t-\n";
        let error = parse_gold_table(Path::new("t.tsv"), wrong, &texts).unwrap_err().to_string();
        assert!(error.contains("t.tsv") && error.contains("not in `# docs:`"), "{error}");
    }

    #[test]
    fn timeml_text_loses_its_tags_and_keeps_offsets() {
        let xml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2010-02-20\">x</TIMEX3></DCT>\n<TEXT>\nAm <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2010-02-25\">Donnerstag</TIMEX3> &quot;A&amp;B&quot; <EVENT eid=\"e1\">kam</EVENT>.<TIMEX3 tid=\"t9\" type=\"DATE\" value=\"2013\" /></TEXT></TimeML>";
        let doc = parse_timeml(xml, Path::new("x.tml")).unwrap();
        assert_eq!(doc.text, "\nAm Donnerstag \"A&B\" kam.");
        assert_eq!(doc.dct.as_deref(), Some("2010-02-20"));
        assert_eq!(doc.timexes.len(), 1);
        assert_eq!((doc.timexes[0].start, doc.timexes[0].end, doc.timexes[0].value.as_str()), (4, 14, "2010-02-25"));
        assert_eq!(doc.timexes[0].text, "Donnerstag");
        assert_eq!(&doc.text[4..14], "Donnerstag");
    }

    #[test]
    fn relaxed_strict_and_value_follow_tempeval_3() {
        let gold = [timex(0, 10, "2010"), timex(20, 30, "P3D"), timex(40, 45, "2011")];
        let system = [timex(0, 10, "2010"), timex(22, 30, "P2D"), timex(50, 55, "X")];
        let (counts, errors) = score_document(&gold, &system);
        assert_eq!(counts, TimexCounts { gold: 3, predicted: 3, relaxed: 2, strict: 1, value: 1, time_type: 2 });
        assert_eq!(errors.len(), 3);
        assert!((counts.value_f1() - counts.value_accuracy() * counts.relaxed().f1()).abs() < 1e-12);
        let intervals = bootstrap(&[counts, counts], 100, 7);
        assert!(intervals.relaxed_f1.low <= intervals.relaxed_f1.high);
    }
}
