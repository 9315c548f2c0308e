//! A CSV file as rows of text cells: its encoding, its separator, its line numbers.

use std::path::Path;

use super::{Rows, nfc};
use crate::import::ImportError;

/// A CSV file as rows of cells, each with its line number in the file (blank lines are not
/// rows, but they count for the numbers people see in their editor). A byte-order mark is dropped; comma, semicolon or tab is
/// taken as the separator, whichever the first lines use most (Excel in a Vietnamese locale
/// saves CSV with semicolons).
pub fn read(path: &Path) -> Result<Rows, ImportError> {
    let bytes = std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|_| ImportError::Unreadable {
        path: path.to_path_buf(),
        detail: "the text is not UTF-8 (save it as \"CSV UTF-8\")".into(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let head: String = text.lines().take(20).collect::<Vec<_>>().join("\n");
    let delimiter = delimiter_of(&head);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // Lines are counted from byte offsets as the reader moves on (its own line count drifts over
    // the blank lines it skips), each stretch of the text counted once.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0, 1);
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Unreadable {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        if let Some(position) = record.position() {
            // A record's position can point at the blank lines before it: step over them.
            let mut offset = usize::try_from(position.byte())
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            while offset < bytes.len() && matches!(bytes[offset], b'\n' | b'\r') {
                offset += 1;
            }
            if offset > counted_to {
                line += bytes[counted_to..offset]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                counted_to = offset;
            }
        }
        rows.push((line, record.iter().map(nfc).collect()));
    }
    Ok(rows)
}

/// The separator of a CSV, from its first lines: the one that splits them into a header this
/// program recognises (naming the most columns), else the one used most. Counting alone is
/// fooled by decimal commas: "Tỷ lệ hộ nghèo;1,2" has as many commas as semicolons.
pub(super) fn delimiter_of(head: &str) -> u8 {
    const CANDIDATES: [u8; 3] = [b';', b'\t', b','];
    let header_columns = |delimiter: u8| {
        let rows: Rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(head.as_bytes())
            .records()
            .map_while(Result::ok)
            .enumerate()
            .map(|(i, record)| (i + 1, record.iter().map(nfc).collect()))
            .collect();
        crate::import::columns::Columns::find(&super::Table {
            rows,
            ..Default::default()
        })
        .map_or(0, |(_, columns)| columns.count())
    };
    let by_header = CANDIDATES
        .into_iter()
        .map(|d| (header_columns(d), d))
        .max_by_key(|(count, _)| *count)
        .filter(|(count, _)| *count > 0)
        .map(|(_, d)| d);
    by_header.unwrap_or_else(|| {
        CANDIDATES
            .into_iter()
            .max_by_key(|d| head.bytes().filter(|b| b == d).count())
            .unwrap_or(b',')
    })
}
