//! Sheet 3 of the workbook: every plan and every figure of the year, one row each (all stages,
//! the text as typed, notes, plan sources, the derived flag), with stable codes beside the
//! words so that a later import can read the sheet back in either language.

use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::styles::{Styles, decimals_index};
use super::{Words, col_num, page_setup, to_f64, tr};
use crate::domain::report::IndicatorYear;
use crate::domain::report_words::Column;
use crate::domain::{Figure, Locale, Plan, PlanSource, PlanTarget, Stage};
use crate::export::WardYear;

/// The figures sheet's columns.
mod fig {
    use rust_xlsxwriter::ColNum;

    pub const WARD_CODE: ColNum = 0;
    pub const WARD: ColNum = 1;
    pub const YEAR: ColNum = 2;
    pub const CODE: ColNum = 3;
    pub const INDICATOR: ColNum = 4;
    pub const UNIT: ColNum = 5;
    pub const ROW_KIND: ColNum = 6;
    pub const ROW_CODE: ColNum = 7;
    pub const AMOUNT: ColNum = 8;
    pub const AMOUNT_HIGH: ColNum = 9;
    pub const TYPED: ColNum = 10;
    pub const ORIGINAL: ColNum = 11;
    pub const DERIVED: ColNum = 12;
    pub const NOTE: ColNum = 13;
}

/// The figures sheet's header keys and widths, in column order.
const FIGURE_COLUMNS: [(&str, f64); 14] = [
    ("export.xlsx.col.ward_code", 9.0),
    ("export.xlsx.col.ward", 24.0),
    ("export.xlsx.col.year", 6.0),
    ("export.xlsx.col.code", 24.0),
    (Column::Indicator.key(), 50.0),
    (Column::Unit.key(), 11.0),
    ("export.xlsx.col.row_kind", 26.0),
    ("export.xlsx.col.row_code", 16.0),
    ("export.xlsx.col.amount", 17.0),
    ("export.xlsx.col.amount_high", 12.0),
    ("export.xlsx.col.typed", 17.0),
    ("export.xlsx.col.original", 14.0),
    ("export.xlsx.col.derived", 7.0),
    (Column::Note.key(), 60.0),
];

/// One stored row of the figures sheet: a plan or a figure.
enum Entry<'a> {
    Plan(&'a Plan),
    Figure(&'a Figure),
}

/// Writes the figures sheet: every plan and figure of every ward's year, one row each.
pub(super) fn write(
    sheet: &mut Worksheet,
    wards: &[WardYear],
    words: &Words,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let lang = words.lang;
    // The sheet has no borders, so its styles go on the columns and cells are written without
    // one: the cheapest cell rust_xlsxwriter writes. Whole numbers take the column's style too.
    for (i, (_, width)) in FIGURE_COLUMNS.iter().enumerate() {
        let c = col_num(i);
        let style = match c {
            fig::AMOUNT | fig::AMOUNT_HIGH => &styles.exact[0],
            fig::TYPED | fig::ORIGINAL => &styles.typed,
            fig::DERIVED => &styles.centered_plain,
            _ => &styles.plain,
        };
        sheet.set_column_width(c, *width)?;
        sheet.set_column_format(c, style)?;
    }
    page_setup(sheet, lang);
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_row_height(0, 30)?;
    for (i, (key, _)) in FIGURE_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, col_num(i), tr(key, lang), &styles.header)?;
    }

    let mut row: RowNum = 0;
    let mut order: Vec<&IndicatorYear> = Vec::new();
    let mut entries: Vec<Entry<'_>> = Vec::new();
    for ward in wards {
        let unit = &ward.report.unit;
        // The report's order: category, then the catalogue's order.
        order.clear();
        order.extend(&ward.details);
        order.sort_by(|a, b| {
            let key = |d: &IndicatorYear| (d.indicator.category, d.indicator.order);
            key(a)
                .cmp(&key(b))
                .then_with(|| a.indicator.code.cmp(&b.indicator.code))
        });
        for data in &order {
            let indicator = &data.indicator;
            entries.clear();
            let mut plans: Vec<&Plan> = data.plans.iter().collect();
            plans.sort_by_key(|p| p.source);
            let mut figures: Vec<&Figure> = data.figures.iter().collect();
            figures.sort_by_key(|f| f.stage);
            entries.extend(plans.into_iter().map(Entry::Plan));
            entries.extend(figures.into_iter().map(Entry::Figure));
            for entry in &entries {
                row += 1;
                sheet.write_string(row, fig::WARD_CODE, &unit.code)?;
                sheet.write_string(row, fig::WARD, &unit.name)?;
                sheet.write_number(row, fig::YEAR, ward.report.year)?;
                sheet.write_string(row, fig::CODE, &indicator.code)?;
                sheet.write_string(row, fig::INDICATOR, indicator.name(lang))?;
                sheet.write_string(row, fig::UNIT, indicator.unit.symbol_in(lang))?;
                match entry {
                    Entry::Plan(plan) => write_plan_entry(sheet, row, plan, words, styles)?,
                    Entry::Figure(figure) => write_figure_entry(sheet, row, figure, words, styles)?,
                }
            }
        }
    }
    sheet.autofilter(0, 0, row, fig::NOTE)?;
    Ok(())
}

fn write_plan_entry(
    sheet: &mut Worksheet,
    row: RowNum,
    plan: &Plan,
    words: &Words,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_string(row, fig::ROW_KIND, words.source_heading(plan.source))?;
    sheet.write_string(row, fig::ROW_CODE, source_code(plan.source))?;
    write_exact(sheet, row, fig::AMOUNT, plan.target.low(), styles)?;
    if let PlanTarget::Range { high, .. } = plan.target {
        write_exact(sheet, row, fig::AMOUNT_HIGH, high, styles)?;
    }
    if !plan.text.is_empty() {
        sheet.write_string(row, fig::TYPED, &plan.text)?;
    }
    if let Some(original) = plan.original {
        sheet.write_string(
            row,
            fig::ORIGINAL,
            original.text(Locale {
                lang: words.lang,
                style: words.style,
            }),
        )?;
    }
    if plan.derived {
        sheet.write_string(row, fig::DERIVED, "x")?;
    }
    if !plan.note.is_empty() {
        sheet.write_string(row, fig::NOTE, &plan.note)?;
    }
    Ok(())
}

fn write_figure_entry(
    sheet: &mut Worksheet,
    row: RowNum,
    figure: &Figure,
    words: &Words,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_string(row, fig::ROW_KIND, words.stage(figure.stage))?;
    sheet.write_string(row, fig::ROW_CODE, stage_code(figure.stage))?;
    write_exact(sheet, row, fig::AMOUNT, figure.value, styles)?;
    if !figure.text.is_empty() {
        sheet.write_string(row, fig::TYPED, &figure.text)?;
    }
    if !figure.note.is_empty() {
        sheet.write_string(row, fig::NOTE, &figure.note)?;
    }
    Ok(())
}

/// A stored value with every decimal it holds; a whole number takes the column's `#,##0`.
fn write_exact(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    value: Decimal,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let decimals = decimals_index(value.normalize().scale());
    if decimals == 0 {
        sheet.write_number(row, col, to_f64(value))?;
    } else {
        sheet.write_number_with_format(row, col, to_f64(value), &styles.exact[decimals])?;
    }
    Ok(())
}

/// The stable code of a plan row on the figures sheet (`plan.city`).
fn source_code(source: PlanSource) -> &'static str {
    match source {
        PlanSource::City => "plan.city",
        PlanSource::Province => "plan.province",
        PlanSource::Assigned => "plan.assigned",
        PlanSource::WardCouncil => "plan.ward_council",
    }
}

/// The stable code of a figure row on the figures sheet (`figure.actual`).
fn stage_code(stage: Stage) -> &'static str {
    match stage {
        Stage::Estimate => "figure.estimate",
        Stage::Actual => "figure.actual",
        Stage::Final => "figure.final",
    }
}
