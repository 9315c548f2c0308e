//! Imports: figures and plans from the tables people keep (CSV, Excel), checked row by row
//! before anything is written. The file's number style is found from the file itself; each row
//! is read into an edit ([`rows`]) and checked by the one write path ([`crate::edit`]). The
//! preview names every problem by sheet, row and column with the reason; a file with any
//! problem writes nothing, and a clean one is written in one transaction through the store's
//! change log.

mod columns;
mod names;
mod preview;
mod read;
mod rows;
mod style;

use std::path::Path;

use crate::domain::Lang;
use crate::domain::number::NumberStyle;
use crate::edit::{Planner, Refusal};
use crate::store::{Store, StoreError};

pub use crate::edit::{Slot, Value};
pub use preview::{Change, Preview, Problem};
pub use style::{CellRef, Found, Unsettled};

use columns::{Column, Columns};
use rows::RowReader;

/// Why a file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: the file cannot be read", path.display())]
    Io {
        path: std::path::PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a CSV file this program can read: {detail}", path.display())]
    Unreadable {
        path: std::path::PathBuf,
        detail: String,
    },
    #[error("{}: no header row: a row naming the indicator (\"Chỉ tiêu\" or \"indicator\") and at least one value column (\"Kế hoạch\", \"Ước đạt\", \"Thực hiện\", \"Quyết toán\", \"value\")", path.display())]
    NoHeader { path: std::path::PathBuf },
    #[error("{}: file type not supported (use .csv or .xlsx)", path.display())]
    Unsupported { path: std::path::PathBuf },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Defaults for what a file does not say.
#[derive(Clone, Debug, Default)]
pub struct Defaults {
    /// The ward of rows without a ward column (the database's ward when unset).
    pub ward: Option<String>,
    /// The year of rows without a year column.
    pub year: Option<i16>,
    /// The language of the messages.
    pub lang: Lang,
    /// The number style the user names for this file, used only where its numbers read two
    /// ways and neither its cells nor its headings say which: what the file says comes first.
    pub number_style: Option<NumberStyle>,
    /// The user's own style, for the values messages show.
    pub user_style: NumberStyle,
}

/// Reads a file and works out what importing it would do, writing nothing.
pub fn preview(store: &Store, path: &Path, defaults: &Defaults) -> Result<Preview, ImportError> {
    preview_with_progress(store, path, defaults, |_, _| {})
}

/// [`preview`], telling `progress` (rows checked, rows in all) as it goes: after reading the
/// file, every thousand rows, and at the end.
pub fn preview_with_progress(
    store: &Store,
    path: &Path,
    defaults: &Defaults,
    mut progress: impl FnMut(usize, usize),
) -> Result<Preview, ImportError> {
    const EVERY: usize = 1000;
    let (sheet, mut table) = read_table(path)?;
    let (header_at, columns) = Columns::find(&table.rows).ok_or_else(|| ImportError::NoHeader {
        path: path.to_path_buf(),
    })?;
    let found = match file_style(&table, header_at, &columns, defaults) {
        Ok(found) => found,
        Err(unsettled) => return Ok(unsettled_preview(sheet, unsettled, defaults.lang)),
    };
    table.restyle(found.style());
    let rows = &table.rows[header_at + 1..];
    progress(0, rows.len());
    store.snapshot(|| {
        let mut preview = Preview::new(Ok(found.clone()));
        let mut reader = RowReader::new(store, &columns, defaults, sheet.clone(), &found)?;
        let mut planner = Planner::new(store)?;
        for (done, (line, cells)) in rows.iter().enumerate() {
            if done % EVERY == 0 && done > 0 {
                progress(done, rows.len());
            }
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let Some((edit, ward)) = reader.read(*line, cells)? else {
                continue;
            };
            let indicator = reader.catalogue.code(edit.indicator).cloned();
            for Refusal { at, reason } in planner.row(edit)? {
                reader.sink.problem(at, reason.message(defaults.lang));
            }
            // The row's changes, named for the preview as they are made.
            for change in planner.take_changes() {
                preview.changes.push(Change {
                    row: change.at.row,
                    ward: ward.clone(),
                    year: change.year,
                    indicator: indicator.clone().unwrap_or_default(),
                    slot: change.slot,
                    old: change.old,
                    new: change.new,
                });
            }
        }
        progress(rows.len(), rows.len());
        if let Some((vi, en)) = reader.sink.both_styles() {
            return Ok(unsettled_preview(
                sheet.clone(),
                Unsettled::Both { vi, en },
                defaults.lang,
            ));
        }
        let planned = planner.finish();
        preview.problems.append(&mut reader.sink.problems);
        preview.warnings.append(&mut reader.sink.warnings);
        preview.unchanged = planned.unchanged;
        preview.batch = planned.batch;
        Ok(preview)
    })
}

/// The preview of a file whose number style cannot be settled: that one problem, nothing read.
fn unsettled_preview(sheet: String, unsettled: Unsettled, lang: Lang) -> Preview {
    let problem = Problem {
        sheet,
        row: unsettled.row(),
        column: String::new(),
        reason: unsettled.describe(lang),
    };
    let mut preview = Preview::new(Err(unsettled));
    preview.problems.push(problem);
    preview
}

/// The file as a table, and the name its messages use ("file.xlsx, Sheet1").
fn read_table(path: &Path) -> Result<(String, read::Table), ImportError> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let file = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    match extension.as_str() {
        "csv" | "txt" => Ok((
            file,
            read::Table {
                rows: read::csv(path)?,
                decimals: Vec::new(),
            },
        )),
        "xlsx" | "xlsm" | "xls" | "ods" => {
            let is_figures = |rows: &read::Rows| {
                Columns::find(rows).is_some_and(|(_, columns)| columns.has(Column::RowCode))
            };
            let (name, table) = read::xlsx(path, is_figures)?;
            Ok((format!("{file}, {name}"), table))
        }
        _ => Err(ImportError::Unsupported {
            path: path.to_path_buf(),
        }),
    }
}

/// The style the file's cells are written in (see [`style`]), from the typed cells of its
/// value columns; number cells say nothing of it.
fn file_style(
    table: &read::Table,
    header_at: usize,
    columns: &Columns,
    defaults: &Defaults,
) -> Result<Found, Unsettled> {
    if columns.machine {
        return Ok(Found::Machine);
    }
    let mut value_columns: Vec<_> = columns.value_columns().collect();
    // In the order of the cells, so that the number cells (listed in that order) are walked
    // alongside, not searched for.
    value_columns.sort_unstable_by_key(|(_, position)| *position);
    let mut numbers = table.decimals.iter().peekable();
    let mut evidence = style::Evidence::default();
    // The search stops at the first cell that decides: a later cell of the other style is
    // found by the reading itself (see `rows::Sink`).
    for (index, (line, cells)) in table.rows.iter().enumerate().skip(header_at + 1) {
        if evidence.decided() {
            break;
        }
        for &(column, position) in &value_columns {
            let Some(text) = cells.get(position) else {
                continue;
            };
            // Only a dot or a comma can tell a style; a number cell never does.
            if !text.contains(['.', ',']) {
                continue;
            }
            while numbers.next_if(|cell| **cell < (index, position)).is_some() {}
            if numbers.peek() == Some(&&(index, position)) {
                continue;
            }
            evidence.cell(text, || CellRef {
                row: *line,
                column: columns.heading(column).unwrap_or_default(),
                text: text.trim().to_owned(),
            });
        }
    }
    evidence.settle(columns.heading_style(), defaults.number_style)
}
