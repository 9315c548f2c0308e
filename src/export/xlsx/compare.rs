//! The comparison sheet "So sánh" / "Compared": the wards under a province (or a city) as rows,
//! the indicators as columns, each cell the ward's % of plan as a number (`114.6` shown as
//! `114,6%` on a Vietnamese Excel) in its status's colour (the report sheet's colours), or the
//! status in words where there is no % (no plan, no figure). The title names the parent and the
//! year; ward names and the header stay frozen while scrolling; an autofilter lets an office
//! sort and filter every column; printed A4 landscape, the header repeated on every page.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::styles::Styles;
use super::{col_num, page_setup, to_f64, tr};
use crate::domain::compare::Comparison;
use crate::domain::compute::{self, Status};
use crate::domain::report_words;
use crate::domain::{AdminUnit, Locale};
use crate::export::ExportError;

const TITLE_ROW: u32 = 0;
const PARENT_ROW: u32 = 1;
const HEADER_ROW: u32 = 3;
/// STT, code, ward: the columns frozen at the left.
const LEADING: [(&str, f64); 3] = [
    ("compare.col.number", 5.0),
    ("compare.col.code", 9.0),
    ("compare.col.ward", 34.0),
];
const INDICATOR_WIDTH: f64 = 14.0;

/// Writes the comparison, its rows in `order`, as a one-sheet workbook at `path`.
pub fn write(
    comparison: &Comparison,
    parent: &AdminUnit,
    order: &[usize],
    locale: Locale,
    path: &Path,
) -> Result<(), ExportError> {
    build(comparison, parent, order, locale, path)
        .map_err(|e| crate::export::workbook_error(path, e))
}

fn build(
    comparison: &Comparison,
    parent: &AdminUnit,
    order: &[usize],
    locale: Locale,
    path: &Path,
) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(3);
    let sheet = workbook.add_worksheet();
    sheet.set_name(tr("compare.sheet", locale.lang))?;
    write_sheet(sheet, comparison, parent, order, locale)?;
    workbook.save(path)
}

/// The sheet itself, into a worksheet of a workbook being made.
fn write_sheet(
    sheet: &mut Worksheet,
    comparison: &Comparison,
    parent: &AdminUnit,
    order: &[usize],
    locale: Locale,
) -> Result<(), XlsxError> {
    let lang = locale.lang;
    let styles = Styles::new(lang);
    let last = col_num(LEADING.len() + comparison.indicators.len().max(1) - 1);
    for (i, (_, width)) in LEADING.iter().enumerate() {
        sheet.set_column_width(col_num(i), *width)?;
    }
    for i in 0..comparison.indicators.len() {
        sheet.set_column_width(col_num(LEADING.len() + i), INDICATOR_WIDTH)?;
    }
    page_setup(sheet, lang);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    // The header and the ward's number, code and name stay in sight.
    sheet.set_freeze_panes(HEADER_ROW + 1, col_num(LEADING.len()))?;

    sheet.set_row_height(TITLE_ROW, 24)?;
    let title = crate::export::compare::title(comparison.year, lang);
    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last, &title, &styles.title)?;
    let mut line = crate::export::compare::parent_line(parent, comparison.rows.len(), locale);
    if comparison.rows.iter().any(|r| r.unit.synthetic) {
        line.push_str(" — ");
        line.push_str(&report_words::synthetic_mark(lang));
    }
    sheet.merge_range(PARENT_ROW, 0, PARENT_ROW, last, &line, &styles.subtitle)?;

    sheet.set_row_height(HEADER_ROW, 60)?;
    for (i, (key, _)) in LEADING.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col_num(i), tr(key, lang), &styles.header)?;
    }
    for (i, indicator) in comparison.indicators.iter().enumerate() {
        let heading = format!(
            "{} ({})",
            indicator.name(lang),
            indicator.unit.symbol_in(lang)
        );
        sheet.write_string_with_format(
            HEADER_ROW,
            col_num(LEADING.len() + i),
            heading,
            &styles.header,
        )?;
    }

    // Each status's % and word formats, built once.
    let percents: Vec<Format> = Status::ALL
        .iter()
        .map(|s| styles.status(*s).clone().set_num_format("#,##0.0\"%\""))
        .collect();
    let words: Vec<String> = Status::ALL.iter().map(|s| s.word(lang)).collect();
    let at = |status: Status| Status::ALL.iter().position(|s| *s == status).unwrap_or(0);
    let mut row = HEADER_ROW + 1;
    for (n, &index) in order.iter().enumerate() {
        let ward = &comparison.rows[index];
        let number = f64::from(u32::try_from(n + 1).unwrap_or(u32::MAX));
        sheet.write_number_with_format(row, 0, number, &styles.center)?;
        sheet.write_string_with_format(row, 1, &ward.unit.code, &styles.center)?;
        sheet.write_string_with_format(row, 2, &ward.unit.name, &styles.text)?;
        for (i, cell) in ward.cells.iter().enumerate() {
            let col = col_num(LEADING.len() + i);
            let status = at(cell.status);
            match cell.percent {
                Some(percent) => {
                    let shown = compute::round(percent, compute::PERCENT_DECIMALS);
                    sheet.write_number_with_format(row, col, to_f64(shown), &percents[status])?;
                }
                None => {
                    sheet.write_string_with_format(
                        row,
                        col,
                        &words[status],
                        styles.status(cell.status),
                    )?;
                }
            }
        }
        row += 1;
    }
    sheet.autofilter(HEADER_ROW, 0, (row - 1).max(HEADER_ROW), last)?;
    Ok(())
}
