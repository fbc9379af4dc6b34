//! Query results on standard output: an aligned table, JSON Lines or CSV.

use std::io::{self, Write};

use serde::Serialize;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum TableFormat {
    /// Aligned columns for reading, long cells cut.
    Table,
    /// One JSON object per row, every field.
    Jsonl,
    /// Comma-separated values with a header line, cells in full.
    Csv,
}

/// A table: a header and rows of cells, all strings.
pub(crate) struct Table {
    pub(crate) header: Vec<&'static str>,
    /// The widest a cell of each column is shown in table format, in characters.
    pub(crate) widths: Vec<usize>,
    pub(crate) rows: Vec<Vec<String>>,
}

/// One line of a cell: line breaks and tabs as spaces.
fn flat(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn cut(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(width.saturating_sub(1)).collect();
    short.push('…');
    short
}

impl Table {
    pub(crate) fn write_table(&self, out: &mut impl Write) -> io::Result<()> {
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| row.iter().zip(&self.widths).map(|(cell, &w)| cut(&flat(cell), w)).collect())
            .collect();
        let mut widths: Vec<usize> = self.header.iter().map(|name| name.chars().count()).collect();
        for row in &cells {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let line = |out: &mut dyn Write, row: &[String]| -> io::Result<()> {
            let last = row.len().saturating_sub(1);
            let mut text = String::new();
            for (index, (cell, &width)) in row.iter().zip(&widths).enumerate() {
                text.push_str(cell);
                if index < last {
                    text.extend(std::iter::repeat_n(' ', width - cell.chars().count() + 2));
                }
            }
            writeln!(out, "{}", text.trim_end())
        };
        line(out, &self.header.iter().map(|name| (*name).to_owned()).collect::<Vec<_>>())?;
        for row in &cells {
            line(out, row)?;
        }
        Ok(())
    }

    pub(crate) fn write_csv(&self, out: &mut impl Write) -> anyhow::Result<()> {
        let mut writer = csv::Writer::from_writer(out);
        writer.write_record(&self.header)?;
        for row in &self.rows {
            writer.write_record(row)?;
        }
        writer.flush()?;
        Ok(())
    }
}

/// Writes rows in the chosen format: `table` builds the table of a page of rows.
pub(crate) fn write_rows<T: Serialize>(
    out: &mut impl Write,
    format: TableFormat,
    rows: &[T],
    table: impl Fn(&[T]) -> Table,
) -> anyhow::Result<()> {
    match format {
        TableFormat::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut *out, row)?;
                out.write_all(b"\n")?;
            }
        }
        TableFormat::Table => table(rows).write_table(out)?,
        TableFormat::Csv => table(rows).write_csv(out)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            header: vec!["DATE", "WHO", "WHAT"],
            widths: vec![10, 8, 40],
            rows: vec![
                vec!["2024-05-14".into(), "Ana Petrescu [ROUGOV]".into(), "eingetroffen".into()],
                vec!["2024-W19".into(), "Rumänien".into(), "verlegt,\n\"sagt\" X".into()],
            ],
        }
    }

    #[test]
    fn a_table_aligns_columns_and_cuts_long_cells() {
        let mut out = Vec::new();
        table().write_table(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "DATE        WHO       WHAT\n\
             2024-05-14  Ana Pet…  eingetroffen\n\
             2024-W19    Rumänien  verlegt, \"sagt\" X\n"
        );
    }

    #[test]
    fn csv_quotes_cells_in_full() {
        let mut out = Vec::new();
        table().write_csv(&mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "DATE,WHO,WHAT\n2024-05-14,Ana Petrescu [ROUGOV],eingetroffen\n2024-W19,Rumänien,\"verlegt,\n\"\"sagt\"\" X\"\n"
        );
    }
}
