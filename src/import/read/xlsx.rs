//! An Excel sheet as rows of text cells: number cells as Excel shows them, percent-formatted
//! cells as the percent shown, merged cells kept as regions for the header search.

use std::path::Path;
use std::str::FromStr as _;

use rust_decimal::Decimal;

mod styles;

use std::collections::HashSet;

use super::{Merge, Table, nfc};
use crate::import::ImportError;

/// Names of the sheet this program's workbook keeps every plan and figure on.
const FIGURES_SHEETS: [&str; 2] = ["Số liệu", "Figures"];

/// A worksheet of an Excel file as rows of text cells, each with its row number in the sheet,
/// and the sheet's name: the figures sheet of this program's own workbook when `is_figures`
/// recognises it (it holds every stage and each plan's source), else the first sheet. Number
/// cells are written as plain digits, those with decimals in machine form (see [`Table`]); a
/// cell formatted as a percent as the percent it shows (95, not 0.95).
///
/// A sheet's merged cells are read only when `needs_merges` says the table asks for them (its
/// header is not found without them, or may go on in the row below): finding them means
/// reading the whole sheet again, which a plain 100,000-row table is spared.
pub fn read(
    path: &Path,
    is_figures: impl Fn(&Table) -> bool,
    needs_merges: impl Fn(&Table) -> bool,
) -> Result<(String, Table), ImportError> {
    // calamine trusts some parts of a workbook: a cell naming a shared string the workbook does
    // not hold panics (found by fuzzing). A damaged workbook is refused as unreadable, as any
    // other, rather than taking the program (or the window's import) down with it.
    let read = std::panic::AssertUnwindSafe(|| read_workbook(path, &is_figures, &needs_merges));
    std::panic::catch_unwind(read).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("");
        Err(ImportError::Unreadable {
            path: path.to_path_buf(),
            detail: format!("the workbook is damaged ({why})"),
        })
    })
}

/// [`read`], where calamine may panic.
fn read_workbook(
    path: &Path,
    is_figures: &impl Fn(&Table) -> bool,
    needs_merges: &impl Fn(&Table) -> bool,
) -> Result<(String, Table), ImportError> {
    use calamine::Reader as _;
    let unreadable = |detail: String| ImportError::Unreadable {
        path: path.to_path_buf(),
        detail,
    };
    let mut workbook = calamine::open_workbook_auto(path).map_err(|e| unreadable(e.to_string()))?;
    let names = workbook.sheet_names();
    let percents = |name: &str| {
        styles::percent_cells(path, name).map_err(|detail| unreadable(format!("{name}: {detail}")))
    };
    for (index, name) in names.iter().enumerate().skip(1) {
        if !FIGURES_SHEETS.contains(&name.as_str()) {
            continue;
        }
        let range = workbook
            .worksheet_range_at(index)
            .ok_or_else(|| unreadable(format!("the sheet \"{name}\" cannot be read")))?
            .map_err(|e| unreadable(e.to_string()))?;
        // This program's own sheet formats no cell as a percent and merges none.
        let table = table_of(&range, &HashSet::new());
        if is_figures(&table) {
            return Ok((name.clone(), table));
        }
    }
    let name = names.first().cloned().unwrap_or_default();
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("the workbook has no sheet".into()))?
        .map_err(|e| unreadable(e.to_string()))?;
    let percent = match workbook {
        calamine::Sheets::Xlsx(_) => percents(&name)?,
        _ => HashSet::new(),
    };
    let mut table = table_of(&range, &percent);
    if needs_merges(&table) {
        let merges = match &mut workbook {
            calamine::Sheets::Xlsx(xlsx) => xlsx
                .worksheet_merge_cells(&name)
                .transpose()
                .map_err(|e| unreadable(e.to_string()))?
                .unwrap_or_default(),
            calamine::Sheets::Xls(xls) => xls.worksheet_merge_cells(&name).unwrap_or_default(),
            calamine::Sheets::Xlsb(_) | calamine::Sheets::Ods(_) => Vec::new(),
        };
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        table.merges = merges
            .into_iter()
            .filter(|m| m.start.0 as usize >= first_row)
            .map(|m| Merge {
                rows: (m.start.0 as usize - first_row, m.end.0 as usize - first_row),
                columns: (m.start.1 as usize, m.end.1 as usize),
            })
            .collect();
    }
    Ok((name, table))
}

/// A sheet's cells as text rows, numbered as the sheet numbers them; `percent` lists the cells
/// (row, column, from the sheet's first) formatted as a percent.
fn table_of(range: &calamine::Range<calamine::Data>, percent: &HashSet<(u32, u32)>) -> Table {
    let first_row = range.start().map_or(0, |(row, _)| row);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let mut table = Table::default();
    for (index, cells) in range.rows().enumerate() {
        // Leading empty columns are kept, so that positions match the sheet's columns.
        let mut texts = vec![String::new(); first_column];
        for cell in cells {
            let at = (first_row + index as u32, texts.len() as u32);
            let text = match cell {
                calamine::Data::Float(value) if percent.contains(&at) => float_text(value * 100.0),
                calamine::Data::Int(value) if percent.contains(&at) => {
                    (i128::from(*value) * 100).to_string()
                }
                _ => cell_text(cell),
            };
            if matches!(cell, calamine::Data::Float(_)) && text.contains('.') {
                table.decimals.push((index, texts.len()));
            }
            texts.push(text);
        }
        table.rows.push((first_row as usize + index + 1, texts));
    }
    table
}

/// A cell as text the importer reads; a number as plain digits with a dot for decimals.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => nfc(text),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => float_text(*value),
        Data::Bool(value) => value.to_string(),
        Data::DateTime(value) => value.to_string(),
        Data::Error(error) => format!("#{error:?}"),
    }
}

/// A number as plain digits with a dot for decimals, as Excel shows it.
fn float_text(value: f64) -> String {
    match as_displayed(value) {
        Some(decimal) => decimal.normalize().to_string(),
        None => value.to_string(),
    }
}

/// A number cell as Excel shows it: 15 significant digits, so that 2809.8 stays 2809.8 and a
/// formula's binary noise (=1.1*3 is stored as 3.3000000000000003) is not read as digits.
pub(super) fn as_displayed(value: f64) -> Option<Decimal> {
    const DIGITS: usize = 15;
    if !value.is_finite() {
        return None;
    }
    // Most cells: whole numbers (years, counts) and short decimals, whose shortest text already
    // has at most 15 significant digits; only the others are rounded.
    // A whole double below 10^15 converts exactly.
    #[allow(clippy::cast_possible_truncation)]
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return Some(Decimal::from(value as i64));
    }
    let shortest = value.to_string();
    let significant = shortest
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|b| *b == b'0')
        .count();
    if significant <= DIGITS {
        return Decimal::from_str(&shortest).ok().map(|d| d.normalize());
    }
    let text = format!("{value:.14e}");
    Decimal::from_scientific(&text)
        .ok()
        .or_else(|| Decimal::from_str(&shortest).ok())
        .map(|d| d.normalize())
}
