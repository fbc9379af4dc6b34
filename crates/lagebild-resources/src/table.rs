//! The one file format of `resources/`: a `#` header naming source and licence, then
//! tab-separated records.

use crate::ResourceError;

/// A parsed resource file.
#[derive(Debug)]
pub struct Table<'a> {
    pub source: &'a str,
    pub licence: &'a str,
    pub rows: Vec<Row<'a>>,
}

/// One record, with the line it came from for error messages.
#[derive(Debug)]
pub struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

impl Row<'_> {
    pub fn error(&self, file: &str, message: &str) -> ResourceError {
        ResourceError::Invalid { file: file.to_owned(), line: self.line, message: message.to_owned() }
    }
}

/// Parses a resource file named `file` whose records have exactly `columns` fields.
/// Header lines are `# key: value`; `source` and `licence` are required. Blank lines and
/// later `#` lines are comments.
pub fn parse_table<'a>(file: &str, text: &'a str, columns: usize) -> Result<Table<'a>, ResourceError> {
    let invalid = |line: usize, message: String| ResourceError::Invalid { file: file.to_owned(), line, message };
    let (mut source, mut licence) = (None, None);
    let mut rows = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if let Some(comment) = line.strip_prefix('#') {
            if let Some((key, value)) = comment.split_once(':') {
                match key.trim() {
                    "source" => source = Some(value.trim()),
                    "licence" => licence = Some(value.trim()),
                    _ => {}
                }
            }
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != columns {
            return Err(invalid(number, format!("expected {columns} tab-separated fields, found {}", fields.len())));
        }
        if fields.iter().any(|field| field.is_empty() || field.trim() != *field) {
            return Err(invalid(number, "a field is empty or has surrounding spaces".to_owned()));
        }
        rows.push(Row { line: number, fields });
    }
    let source =
        source.filter(|s| !s.is_empty()).ok_or_else(|| invalid(1, "the header names no `# source:`".to_owned()))?;
    let licence =
        licence.filter(|s| !s.is_empty()).ok_or_else(|| invalid(1, "the header names no `# licence:`".to_owned()))?;
    Ok(Table { source, licence, rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_without_licence_or_with_wrong_columns_is_named_in_the_error() {
        let error = parse_table("x.tsv", "# source: me\nz.B.\tinner\n", 2).unwrap_err();
        assert_eq!(error.to_string(), "x.tsv:1: the header names no `# licence:`");
        let error = parse_table("x.tsv", "# source: me\n# licence: MIT\nz.B.\n", 2).unwrap_err();
        assert_eq!(error.to_string(), "x.tsv:3: expected 2 tab-separated fields, found 1");
    }
}
