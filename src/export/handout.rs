//! Plans handed down, as files: one workbook per ward ("Giao chỉ tiêu kế hoạch năm 2026 —
//! Phường …") that the ward's own ward-kpi imports as the plans handed down to it, or one
//! workbook for the parent's records, a summary sheet of every ward first (which reads back as
//! the wards' plans) and a sheet per ward after it.
//!
//! A ward's sheet is a table the import reads: the ward's code in a "Mã phường" column, each
//! indicator's code, name and unit, and the plan under a heading that names who set it and the
//! year ("Kế hoạch tỉnh giao năm 2026", "Kế hoạch thành phố giao năm 2024"), so that the plans
//! arrive with that source. A plan of one number is a number cell shown with the indicator's
//! decimals (Excel writes it in the reader's style: 2.451,8 in Vietnamese); a band or a plan in
//! words is its text in Vietnamese style ("6,6 – 6,8", "Dưới 3%").

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::xlsx::to_f64;
use crate::domain::allocation::{Handout, WardPlans};
use crate::domain::{Lang, Locale, Plan, PlanSource, PlanTarget};

/// The columns of a ward's table.
const COLUMNS: [(&str, f64); 6] = [
    ("handout.col.number", 5.0),
    ("handout.col.ward_code", 10.0),
    ("handout.col.code", 26.0),
    ("handout.col.indicator", 50.0),
    ("handout.col.unit", 12.0),
    ("", 22.0),
];

/// The row of the table's header (below the title, the subtitle and a blank row).
const HEADER_ROW: u32 = 3;

fn tr(key: &str, lang: Lang) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// The title of a ward's file: "Giao chỉ tiêu kế hoạch năm 2026 — Phường Điện Biên Phủ".
pub fn title(ward: &WardPlans, year: i16, lang: Lang) -> String {
    rust_i18n::t!(
        "handout.title",
        locale = lang.code(),
        year = year,
        ward = ward.unit.name
    )
    .into_owned()
}

/// The heading of the plan column, naming who set the plan and the year, as the import reads
/// it: "Kế hoạch tỉnh giao năm 2026".
pub fn plan_heading(source: PlanSource, year: i16, lang: Lang) -> String {
    rust_i18n::t!(
        format!("handout.col.plan.{}", source.code()),
        locale = lang.code(),
        year = year
    )
    .into_owned()
}

/// A file name for a ward's handout: "giao-ke-hoach-2026-03127.xlsx".
pub fn file_name(ward: &WardPlans, year: i16) -> String {
    format!("giao-ke-hoach-{year}-{}.xlsx", ward.unit.code)
}

/// The cell styles of a handout, built once.
struct Styles {
    title: Format,
    subtitle: Format,
    header: Format,
    text: Format,
    center: Format,
    band: Format,
    numbers: Vec<Format>,
}

impl Styles {
    fn new() -> Self {
        let font = || {
            Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(12)
        };
        let cell = || font().set_border(FormatBorder::Thin);
        Self {
            title: font().set_bold().set_font_size(14),
            subtitle: font().set_italic(),
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            text: cell().set_text_wrap(),
            center: cell().set_align(FormatAlign::Center),
            band: cell().set_align(FormatAlign::Right),
            numbers: (0..=6)
                .map(|d: usize| {
                    let format = if d == 0 {
                        "#,##0".to_owned()
                    } else {
                        format!("#,##0.{}", "0".repeat(d))
                    };
                    cell().set_num_format(format)
                })
                .collect(),
        }
    }

    fn number(&self, precision: u32) -> &Format {
        let index = usize::try_from(precision)
            .unwrap_or(usize::MAX)
            .min(self.numbers.len() - 1);
        &self.numbers[index]
    }
}

/// Writes one file per ward that has plans into `folder` (made if missing); returns the files
/// written. Each file is written whole or not at all.
pub fn write_per_ward(
    handout: &Handout,
    folder: &Path,
    lang: Lang,
) -> Result<Vec<PathBuf>, ExportError> {
    std::fs::create_dir_all(folder).map_err(|source| ExportError::Io {
        path: folder.to_path_buf(),
        source,
    })?;
    let styles = Styles::new();
    let mut written = Vec::new();
    for ward in handout.wards.iter().filter(|w| w.has_plans()) {
        let path = folder.join(file_name(ward, handout.year));
        write_whole(&path, |workbook| {
            let sheet = workbook.add_worksheet();
            sheet.set_name(sheet_name(ward))?;
            ward_sheet(sheet, handout, ward, lang, &styles)
        })?;
        written.push(path);
    }
    Ok(written)
}

/// Writes one workbook at `path`: the summary of every ward's plans first (one row per ward
/// and indicator, the import's long form), then a sheet per ward that has plans.
pub fn write_workbook(handout: &Handout, path: &Path, lang: Lang) -> Result<(), ExportError> {
    let styles = Styles::new();
    write_whole(path, |workbook| {
        let summary = workbook.add_worksheet();
        summary.set_name(tr("handout.summary_sheet", lang))?;
        summary_sheet(summary, handout, lang, &styles)?;
        for ward in handout.wards.iter().filter(|w| w.has_plans()) {
            let sheet = workbook.add_worksheet();
            sheet.set_name(sheet_name(ward))?;
            ward_sheet(sheet, handout, ward, lang, &styles)?;
        }
        Ok(())
    })
}

/// Builds a workbook and saves it under a temporary name beside `path`, renamed into place
/// once whole.
fn write_whole(
    path: &Path,
    build: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>,
) -> Result<(), ExportError> {
    super::write_whole(path, |temp| {
        let mut workbook = Workbook::new();
        build(&mut workbook)
            .and_then(|()| workbook.save(temp))
            .map_err(|e| super::workbook_error(temp, e))
    })
}

/// A sheet's name: the ward's code and name, within Excel's 31 characters and without the
/// characters it refuses.
fn sheet_name(ward: &WardPlans) -> String {
    format!("{} {}", ward.unit.code, ward.unit.name)
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect()
}

/// The header row of a table whose plan column is headed `plan`.
fn header(sheet: &mut Worksheet, plan: &str, lang: Lang, styles: &Styles) -> Result<(), XlsxError> {
    for (column, (key, width)) in (0_u16..).zip(COLUMNS) {
        let text = if key.is_empty() {
            plan.to_owned()
        } else {
            tr(key, lang)
        };
        sheet.set_column_width(column, width)?;
        sheet.write_with_format(HEADER_ROW, column, text, &styles.header)?;
    }
    sheet.set_row_height(HEADER_ROW, 32)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    Ok(())
}

/// One row of a table: the ward, the indicator and its plan.
fn plan_row(
    sheet: &mut Worksheet,
    row: u32,
    number: usize,
    ward: &WardPlans,
    (indicator, plan): (&crate::domain::Indicator, &Plan),
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_with_format(row, 0, u32::try_from(number).unwrap_or(0), &styles.center)?;
    sheet.write_with_format(row, 1, &ward.unit.code, &styles.center)?;
    sheet.write_with_format(row, 2, &indicator.code, &styles.text)?;
    sheet.write_with_format(row, 3, indicator.name(lang), &styles.text)?;
    sheet.write_with_format(row, 4, indicator.unit.symbol_in(lang), &styles.center)?;
    match plan.target {
        PlanTarget::Value(value) => {
            sheet.write_with_format(row, 5, to_f64(value), styles.number(indicator.precision))?;
        }
        _ => {
            // Bands and plans in words as the ward reads them, Vietnamese style.
            let shown = plan.shown(&indicator.unit, Locale::from(Lang::Vi));
            sheet.write_with_format(row, 5, shown, &styles.band)?;
        }
    }
    Ok(())
}

/// A ward's sheet: title, subtitle, and its plans.
fn ward_sheet(
    sheet: &mut Worksheet,
    handout: &Handout,
    ward: &WardPlans,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_with_format(0, 0, title(ward, handout.year, lang), &styles.title)?;
    let subtitle = rust_i18n::t!(
        "handout.subtitle",
        locale = lang.code(),
        parent = handout.parent.name,
        code = ward.unit.code
    );
    sheet.write_with_format(1, 0, subtitle.as_ref(), &styles.subtitle)?;
    header(
        sheet,
        &plan_heading(ward.source, handout.year, lang),
        lang,
        styles,
    )?;
    let mut row = HEADER_ROW + 1;
    let mut number = 0;
    for (indicator, plan) in handout.indicators.iter().zip(&ward.plans) {
        let Some(plan) = plan else { continue };
        number += 1;
        plan_row(sheet, row, number, ward, (indicator, plan), lang, styles)?;
        row += 1;
    }
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0);
    Ok(())
}

/// The summary sheet: every ward's plans, one row per ward and indicator. Its plan heading is
/// the source of the first ward's plans (one parent hands down to all its wards alike).
fn summary_sheet(
    sheet: &mut Worksheet,
    handout: &Handout,
    lang: Lang,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let source = handout
        .wards
        .first()
        .map_or(PlanSource::Province, |w| w.source);
    let title = rust_i18n::t!(
        "handout.title",
        locale = lang.code(),
        year = handout.year,
        ward = handout.parent.name
    );
    sheet.write_with_format(0, 0, title.as_ref(), &styles.title)?;
    header(
        sheet,
        &plan_heading(source, handout.year, lang),
        lang,
        styles,
    )?;
    let mut row = HEADER_ROW + 1;
    for ward in &handout.wards {
        let mut number = 0;
        for (indicator, plan) in handout.indicators.iter().zip(&ward.plans) {
            let Some(plan) = plan else { continue };
            number += 1;
            plan_row(sheet, row, number, ward, (indicator, plan), lang, styles)?;
            row += 1;
        }
    }
    sheet.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), 5)?;
    Ok(())
}
