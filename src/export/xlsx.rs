//! The Excel export: the workbook a ward sends up and a city or province office consolidates.
//!
//! - Sheet 1 ("Báo cáo" / "Report") is the report table officials expect (DOMAIN.md): a title
//!   with the ward and the year, rows grouped by category under Roman-numbered headings, every
//!   number a real numeric cell, the status as words, a frozen header, set widths and an A4
//!   landscape print setup one page wide with the header repeated on every page.
//! - Sheet 2 ("Biểu đồ" / "Chart") is a native Excel chart of % of plan with the 100% target
//!   drawn as a line, over a small table on the same sheet that the chart reads.
//! - Sheet 3 ("Số liệu" / "Figures") lists every plan and every figure of the year, one row
//!   each: all stages, the text as typed, notes, plan sources, the derived flag, with stable
//!   codes beside the words so that a later import can read it back in either language.
//!
//! Several wards go into one table, not one block per ward: a city office filters, sorts and
//! pivots the consolidated file, so every row (category headings included) carries the ward's
//! code and name in two leading columns under an autofilter, each ward starts a new printed page,
//! and the chart shows the first ward that has a % of plan. A single ward's table has no ward columns: its title names
//! the ward.
//!
//! Numbers: a workbook cannot carry a locale, so cells hold plain doubles with the built-in
//! styles `#,##0` / `#,##0.0` … at each indicator's precision, and Excel shows them with the
//! reader's separators (2.809,8 on a Vietnamese Windows). % of plan is the number 114.6 shown as
//! `114.6%` by a `0.0"%"` style, not a 1.146 fraction. No plan or no figure is an empty cell,
//! never 0. A plan band ("6,6 – 6,8") is text in the export's language. The change against last
//! year follows [`Change`]: a signed % change for flows and stocks, percentage points for rates
//! ("+0,5 điểm %"), each with its own style, both rounded as the report shows them.
//!
//! Speed: sheets 1 and 3 are written row by row in rust_xlsxwriter's low-memory mode (one row in
//! memory, repeated strings shared), on two threads side by side; every [`Format`] is built
//! once, the figures sheet styles its columns rather than its cells, and the words each row uses
//! are translated once per export. The zip is compressed at Excel's own level (3), not 6.
//! `a_thousand_wards_are_written_quickly` below times 1,000 wards × 50 indicators.

use std::collections::BTreeSet;
use std::path::Path;

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartAxis, ChartAxisLabelPosition, ChartAxisTickType, ChartDataLabel, ChartFont,
    ChartFormat, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType,
    ChartSolidFill, ChartType, ColNum, Color, DocProperties, Format, FormatAlign, FormatBorder,
    RowNum, Workbook, Worksheet, XlsxError,
};

use super::{ExportError, WardYear};
use crate::domain::compute::{self, Change, Status};
use crate::domain::report::{IndicatorYear, ReportRow};
use crate::domain::report_words::{self, Column};
use crate::domain::{
    AdminUnit, Category, Figure, Lang, Plan, PlanSource, PlanTarget, Stage, number,
};

/// Writes the wards' year as an Excel workbook at `path`.
///
/// The caller ([`super::write`]) writes to a temporary name and renames it into place, so a
/// failure here never leaves a half-written file where the user expects one.
pub fn write(wards: &[WardYear], lang: Lang, path: &Path) -> Result<(), ExportError> {
    let Some(first) = wards.first() else {
        return Err(ExportError::Empty);
    };
    build(wards, first, lang, path).map_err(|e| ExportError::Workbook {
        path: path.to_path_buf(),
        detail: e.to_string(),
    })
}

fn build(wards: &[WardYear], first: &WardYear, lang: Lang, path: &Path) -> Result<(), XlsxError> {
    let words = Words::new(lang);
    let styles = Styles::new(lang);
    let years = year_list(wards);
    let mut workbook = Workbook::new();
    // Excel's own level: about a third faster to save than the default 6, files ~5% bigger.
    workbook.set_zip_compression_level(3);
    workbook.set_properties(
        &DocProperties::new()
            .set_title(report_words::title(&years, lang))
            .set_author("ward-kpi"),
    );

    let mut report = workbook.new_worksheet_with_low_memory()?;
    report.set_name(tr("export.xlsx.sheet.report", lang))?;
    let mut figures = workbook.new_worksheet_with_low_memory()?;
    figures.set_name(tr("export.xlsx.sheet.figures", lang))?;
    // The two big sheets are written side by side, each row by row on its own thread.
    std::thread::scope(|scope| {
        let figures_written = scope.spawn(|| write_figures(&mut figures, wards, &words, &styles));
        let report_written = write_report(&mut report, wards, &years, &words, &styles);
        let figures_written = figures_written
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        report_written.and(figures_written)
    })?;
    workbook.push_worksheet(report);

    let chart = workbook.add_worksheet();
    chart.set_name(tr("export.xlsx.sheet.chart", lang))?;
    // Of several wards, the chart shows the first one that has a % of plan to show.
    let charted = wards
        .iter()
        .find(|w| w.report.rows.iter().any(|r| r.assessment.percent.is_some()))
        .unwrap_or(first);
    write_chart(chart, wards.len(), charted, &words, &styles)?;

    workbook.push_worksheet(figures);
    workbook.save(path)
}

// ---------------------------------------------------------------------------------------------
// Sheet 1: the report table
// ---------------------------------------------------------------------------------------------

/// The report table's columns, counted from the first column after any ward columns.
mod col {
    use rust_xlsxwriter::ColNum;

    pub const NUMBER: ColNum = 0;
    pub const INDICATOR: ColNum = 1;
    pub const UNIT: ColNum = 2;
    pub const PLAN: ColNum = 3;
    pub const VALUE: ColNum = 4;
    pub const STAGE: ColNum = 5;
    pub const PERCENT: ColNum = 6;
    pub const PREVIOUS: ColNum = 7;
    pub const CHANGE: ColNum = 8;
    pub const STATUS: ColNum = 9;
    pub const NOTE: ColNum = 10;
}

/// The report table's header keys and widths (in characters), in column order.
const REPORT_COLUMNS: [(&str, u16); 11] = [
    (Column::Number.key(), 5),
    (Column::Indicator.key(), 48),
    (Column::Unit.key(), 14),
    (Column::Plan.key(), 15),
    (Column::Value.key(), 15),
    (Column::Stage.key(), 11),
    (Column::PercentOfPlan.key(), 9),
    (Column::Previous.key(), 15),
    (Column::Change.key(), 13),
    (Column::Status.key(), 16),
    (Column::Note.key(), 34),
];

/// The ward columns that lead the table when several wards are exported.
const WARD_COLUMNS: [(&str, u16); 2] = [
    ("export.xlsx.col.ward_code", 9),
    ("export.xlsx.col.ward", 28),
];

/// The height of one line of 11 pt text, in points.
const LINE_HEIGHT: f64 = 15.0;

/// Rows above the table: the title, the ward line, the legend; then the header.
const TITLE_ROW: RowNum = 0;
const WARD_ROW: RowNum = 1;
const LEGEND_ROW: RowNum = 2;
const HEADER_ROW: RowNum = 3;

/// Excel's limit on manual page breaks in one sheet.
const MAX_PAGE_BREAKS: usize = 1023;

fn write_report(
    sheet: &mut Worksheet,
    wards: &[WardYear],
    years: &str,
    words: &Words,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let lang = words.lang;
    let several = wards.len() > 1;
    let leading: &[(&str, u16)] = if several { &WARD_COLUMNS } else { &[] };
    let base = col_num(leading.len());
    let last = base + col::NOTE;

    // Widths and the print setup come first: in low-memory mode rows are flushed as they go.
    for (i, (_, width)) in leading.iter().chain(&REPORT_COLUMNS).enumerate() {
        sheet.set_column_width(col_num(i), *width)?;
    }
    let mut layout = Layout {
        base,
        ward_lines: 1,
    };
    page_setup(sheet, lang);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;

    let title = report_words::title(years, lang);
    sheet.set_row_height(TITLE_ROW, 24)?;
    sheet.merge_range(TITLE_ROW, 0, TITLE_ROW, last, &title, &styles.title)?;
    let mut ward_line = if several {
        rust_i18n::t!(
            "export.xlsx.wards",
            locale = lang.code(),
            count = number::format_exact(Decimal::from(wards.len()), lang)
        )
        .into_owned()
    } else {
        report_words::ward_line(&wards[0].report.unit, lang)
    };
    if wards.iter().any(|w| w.report.unit.synthetic) {
        ward_line.push_str(" — ");
        ward_line.push_str(&report_words::synthetic_mark(lang));
    }
    sheet.merge_range(WARD_ROW, 0, WARD_ROW, last, &ward_line, &styles.subtitle)?;
    sheet.set_row_height(LEGEND_ROW, 30)?;
    let legend = report_words::legend(lang);
    sheet.merge_range(LEGEND_ROW, 0, LEGEND_ROW, last, &legend, &styles.legend)?;

    sheet.set_row_height(HEADER_ROW, 33)?;
    for (i, (key, _)) in leading.iter().chain(&REPORT_COLUMNS).enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col_num(i), tr(key, lang), &styles.header)?;
    }

    let mut row = HEADER_ROW + 1;
    let mut breaks = Vec::new();
    for ward in wards {
        // Each ward after the first starts a new printed page, as far as Excel allows breaks.
        let started = row > HEADER_ROW + 1 && breaks.last() != Some(&row);
        if several && started && breaks.len() < MAX_PAGE_BREAKS {
            breaks.push(row);
        }
        let unit = &ward.report.unit;
        if several {
            layout.ward_lines = wrapped_lines(&unit.name, WARD_COLUMNS[1].1);
        }
        let mut category: Option<Category> = None;
        let (mut group, mut number) = (0_usize, 0_u32);
        for line in &ward.report.rows {
            if category != Some(line.indicator.category) {
                category = Some(line.indicator.category);
                group += 1;
                number = 0;
                if several {
                    write_ward_cells(sheet, row, unit, styles)?;
                    set_lines(sheet, row, layout.ward_lines)?;
                }
                let heading = &styles.category;
                let numeral = report_words::category_numeral(group);
                sheet.write_string_with_format(row, base, numeral, &styles.category_number)?;
                let name = words.category(line.indicator.category);
                sheet.write_string_with_format(row, base + col::INDICATOR, name, heading)?;
                for c in base + col::UNIT..=last {
                    sheet.write_blank(row, c, heading)?;
                }
                row += 1;
            }
            number += 1;
            if several {
                write_ward_cells(sheet, row, unit, styles)?;
            }
            write_report_row(sheet, row, &layout, number, line, words, styles)?;
            row += 1;
        }
    }
    if several {
        sheet.autofilter(HEADER_ROW, 0, row.saturating_sub(1).max(HEADER_ROW), last)?;
        if !breaks.is_empty() {
            sheet.set_page_breaks(&breaks)?;
        }
    }
    Ok(())
}

/// Where a report line's columns start, and the lines the ward's name takes in its column.
struct Layout {
    base: ColNum,
    ward_lines: u32,
}

/// The ward's code and name in the two leading columns of a several-ward table.
fn write_ward_cells(
    sheet: &mut Worksheet,
    row: RowNum,
    unit: &AdminUnit,
    styles: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, 0, &unit.code, &styles.center)?;
    sheet.write_string_with_format(row, 1, &unit.name, &styles.text)?;
    Ok(())
}

/// One indicator's line of the report table, from column `base` on.
fn write_report_row(
    sheet: &mut Worksheet,
    row: RowNum,
    layout: &Layout,
    number: u32,
    line: &ReportRow,
    words: &Words,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let lang = words.lang;
    let base = layout.base;
    let indicator = &line.indicator;
    let values = styles.bordered(indicator.precision);
    sheet.write_number_with_format(row, base + col::NUMBER, number, &styles.center)?;
    sheet.write_string_with_format(
        row,
        base + col::INDICATOR,
        indicator.name(lang),
        &styles.text,
    )?;
    sheet.write_string_with_format(
        row,
        base + col::UNIT,
        indicator.unit.symbol_in(lang),
        &styles.center,
    )?;

    match line.plan.as_ref().map(|p| p.target) {
        Some(PlanTarget::Value(v)) => {
            sheet.write_number_with_format(row, base + col::PLAN, to_f64(v), values)?;
        }
        Some(band @ PlanTarget::Range { .. }) => {
            sheet.write_string_with_format(row, base + col::PLAN, band.text(lang), &styles.band)?;
        }
        None => {
            sheet.write_blank(row, base + col::PLAN, &styles.text)?;
        }
    }

    match &line.current {
        Some(figure) => {
            sheet.write_number_with_format(row, base + col::VALUE, to_f64(figure.value), values)?;
            let stage = words.stage(figure.stage);
            sheet.write_string_with_format(row, base + col::STAGE, stage, &styles.center)?;
        }
        None => {
            sheet.write_blank(row, base + col::VALUE, &styles.text)?;
            sheet.write_blank(row, base + col::STAGE, &styles.text)?;
        }
    }

    match line.assessment.percent {
        Some(p) => {
            let shown = compute::round(p, compute::PERCENT_DECIMALS);
            sheet.write_number_with_format(
                row,
                base + col::PERCENT,
                to_f64(shown),
                &styles.percent,
            )?;
        }
        None => {
            sheet.write_blank(row, base + col::PERCENT, &styles.text)?;
        }
    }

    match &line.previous {
        Some(figure) => {
            sheet.write_number_with_format(
                row,
                base + col::PREVIOUS,
                to_f64(figure.value),
                values,
            )?;
        }
        None => {
            sheet.write_blank(row, base + col::PREVIOUS, &styles.text)?;
        }
    }

    match line.change {
        Some(change) => {
            let (amount, style) = match change {
                Change::Percent(v) => (v, &styles.change_percent),
                Change::Points(v) => (v, &styles.change_points),
            };
            let shown = compute::round(amount, compute::PERCENT_DECIMALS);
            sheet.write_number_with_format(row, base + col::CHANGE, to_f64(shown), style)?;
        }
        None => {
            sheet.write_blank(row, base + col::CHANGE, &styles.text)?;
        }
    }

    let status = line.assessment.status;
    sheet.write_string_with_format(
        row,
        base + col::STATUS,
        words.status(status),
        styles.status(status),
    )?;

    let note = row_note(line, words);
    let lines = [
        (indicator.name(lang), col::INDICATOR),
        (indicator.unit.symbol_in(lang), col::UNIT),
        (note.as_str(), col::NOTE),
    ]
    .into_iter()
    .map(|(text, c)| wrapped_lines(text, REPORT_COLUMNS[usize::from(c)].1))
    .fold(layout.ward_lines, u32::max);
    set_lines(sheet, row, lines)?;
    if note.is_empty() {
        sheet.write_blank(row, base + col::NOTE, &styles.text)?;
    } else {
        sheet.write_string_with_format(row, base + col::NOTE, note, &styles.text)?;
    }
    Ok(())
}

/// The note column: which plan the % refers to ("Kế hoạch thành phố giao (suy ra)") and the
/// figure's own note.
fn row_note(line: &ReportRow, words: &Words) -> String {
    let mut note = String::new();
    if let Some(plan) = &line.plan {
        note.push_str(words.source_heading(plan.source));
        if plan.derived {
            note.push_str(" (");
            note.push_str(&words.derived);
            note.push(')');
        }
    }
    if let Some(figure) = &line.current {
        let own = figure.note.trim();
        if !own.is_empty() {
            if !note.is_empty() {
                note.push_str("; ");
            }
            note.push_str(own);
        }
    }
    note
}

// ---------------------------------------------------------------------------------------------
// Sheet 2: the chart of % of plan
// ---------------------------------------------------------------------------------------------

/// The chart's top row, and its size in pixels: a few bars get the standard size, many bars
/// get a wider, taller chart so that their names stay readable.
const CHART_ROW: RowNum = 1;
const CHART_WIDTH: u32 = 960;
const CHART_HEIGHT: u32 = 480;
const CHART_HEIGHT_MANY: u32 = 640;
const CHART_BAR_WIDTH: u32 = 48;
const CHART_MAX_WIDTH: u32 = 3200;
/// More bars than this count as many: smaller labels, a bigger chart.
const CHART_FEW_BARS: usize = 12;
/// The height of a default row, in pixels.
const ROW_PIXELS: u32 = 20;

fn write_chart(
    sheet: &mut Worksheet,
    ward_count: usize,
    ward: &WardYear,
    words: &Words,
    styles: &Styles,
) -> Result<(), XlsxError> {
    let lang = words.lang;
    let unit = &ward.report.unit;
    let title = report_words::chart_title(ward.report.year, unit, lang);
    sheet.set_column_width(0, 48)?;
    sheet.set_column_width(1, 12)?;
    sheet.set_column_width(2, 14)?;
    page_setup(sheet, lang);
    if ward_count > 1 {
        let note = rust_i18n::t!(
            "export.xlsx.chart.charted_ward",
            locale = lang.code(),
            count = number::format_exact(Decimal::from(ward_count), lang),
            unit = unit.name
        );
        sheet.write_string_with_format(0, 0, note.as_ref(), &styles.note)?;
    }

    let bars: Vec<(&ReportRow, Decimal)> = ward
        .report
        .rows
        .iter()
        .filter_map(|r| r.assessment.percent.map(|p| (r, p)))
        .collect();
    if bars.is_empty() {
        let empty = report_words::chart_empty(lang);
        sheet.write_string_with_format(CHART_ROW, 0, empty, &styles.note)?;
        return Ok(());
    }

    let many = bars.len() > CHART_FEW_BARS;
    let count = u32::try_from(bars.len()).unwrap_or(u32::MAX);
    let width = count
        .saturating_mul(CHART_BAR_WIDTH)
        .clamp(CHART_WIDTH, CHART_MAX_WIDTH);
    let height = if many {
        CHART_HEIGHT_MANY
    } else {
        CHART_HEIGHT
    };

    // The table the chart reads, below the chart: indicator, % of plan, the 100% target.
    let header = CHART_ROW + height / ROW_PIXELS + 2;
    sheet.write_string_with_format(header, 0, Column::Indicator.heading(lang), &styles.header)?;
    sheet.write_string_with_format(
        header,
        1,
        tr("export.xlsx.chart.percent", lang),
        &styles.header,
    )?;
    sheet.write_string_with_format(header, 2, report_words::chart_target(lang), &styles.header)?;
    let mut row = header;
    for (line, percent) in &bars {
        row += 1;
        let shown = compute::round(*percent, compute::PERCENT_DECIMALS);
        sheet.write_string_with_format(row, 0, line.indicator.name(lang), &styles.text)?;
        sheet.write_number_with_format(row, 1, to_f64(shown), &styles.percent)?;
        sheet.write_number_with_format(row, 2, 100, &styles.percent)?;
    }
    let (first_row, last_row) = (header + 1, row);

    let name = sheet.name();
    let name = name.as_str();
    let mut columns = Chart::new(ChartType::Column);
    columns
        .add_series()
        .set_name((name, header, 1))
        .set_categories((name, first_row, 0, last_row, 0))
        .set_values((name, first_row, 1, last_row, 1))
        .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color("#2E75B6")))
        .set_data_label(
            ChartDataLabel::new()
                .show_value()
                .set_num_format("#,##0.0\"%\"")
                .set_font(ChartFont::new().set_size(if many { 7 } else { 10 })),
        )
        .set_gap(60);
    let mut target = Chart::new(ChartType::Line);
    let mut marker = ChartMarker::new();
    if bars.len() == 1 {
        // A line through one category is a single point: a marker keeps the target visible.
        marker.set_type(ChartMarkerType::LongDash).set_size(12);
    } else {
        marker.set_none();
    }
    target
        .add_series()
        .set_name((name, header, 2))
        .set_categories((name, first_row, 0, last_row, 0))
        .set_values((name, first_row, 2, last_row, 2))
        .set_format(
            ChartLine::new()
                .set_color("#C00000")
                .set_width(2.25)
                .set_dash_type(ChartLineDashType::Dash),
        )
        .set_marker(&marker)
        .set_secondary_axis(true);
    columns.combine(&target);
    columns.title().set_name(&title);
    // The target line sits on a second pair of axes whose categories lie on the tick marks, so
    // that in Excel it runs from edge to edge (LibreOffice draws it between the outer bars). The
    // axes are kept but drawn invisibly: a deleted secondary axis hands its series back to the
    // primary one. Both value axes share one scale.
    let highest = bars
        .iter()
        .map(|(_, p)| to_f64(compute::round(*p, compute::PERCENT_DECIMALS)))
        .fold(0.0, f64::max);
    let top = axis_top(highest);
    columns
        .y_axis()
        .set_num_format("#,##0\"%\"")
        .set_min(0)
        .set_max(top)
        .set_major_gridlines(true);
    hide_axis(columns.x2_axis()).set_position_between_ticks(false);
    hide_axis(columns.y2_axis()).set_min(0).set_max(top);
    columns.legend().set_position(ChartLegendPosition::Bottom);
    if many {
        let small = ChartFont::new().set_size(8).clone();
        columns.x_axis().set_font(&small);
        columns.y_axis().set_font(&small);
    }
    columns.set_width(width).set_height(height);
    sheet.insert_chart(CHART_ROW, 0, &columns)?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Sheet 3: every plan and figure
// ---------------------------------------------------------------------------------------------

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

fn write_figures(
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
        sheet.write_string(row, fig::ORIGINAL, original.text(words.lang))?;
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

// ---------------------------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------------------------

/// A4 landscape, one page wide, centred, with page numbers in the footer.
fn page_setup(sheet: &mut Worksheet, lang: Lang) {
    sheet
        .set_paper_size(9)
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_center_horizontally(true)
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_footer(format!("&C{}", tr("export.xlsx.footer", lang)));
}

/// The words every row repeats, translated once per export.
struct Words {
    lang: Lang,
    categories: [String; 6],
    stages: [String; 3],
    statuses: [String; 5],
    sources: [String; 4],
    derived: String,
}

impl Words {
    fn new(lang: Lang) -> Self {
        Self {
            lang,
            categories: Category::ALL.map(|c| c.name(lang)),
            stages: Stage::ALL.map(|s| s.name(lang)),
            statuses: Status::ALL.map(|s| s.word(lang)),
            sources: PlanSource::ALL.map(|s| capitalised(&s.phrase(lang))),
            derived: tr("export.xlsx.derived", lang),
        }
    }

    fn category(&self, category: Category) -> &str {
        let i = Category::ALL.iter().position(|c| *c == category);
        i.map_or("", |i| &self.categories[i])
    }

    fn stage(&self, stage: Stage) -> &str {
        let i = Stage::ALL.iter().position(|s| *s == stage);
        i.map_or("", |i| &self.stages[i])
    }

    fn status(&self, status: Status) -> &str {
        let i = Status::ALL.iter().position(|s| *s == status);
        i.map_or("", |i| &self.statuses[i])
    }

    /// The plan's source as a heading ("Kế hoạch thành phố giao").
    fn source_heading(&self, source: PlanSource) -> &str {
        let i = PlanSource::ALL.iter().position(|s| *s == source);
        i.map_or("", |i| &self.sources[i])
    }
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

/// Decimals a number style can show; the catalogue allows no more.
const MAX_DECIMALS: usize = 6;

/// Every cell style of the workbook, each built once.
struct Styles {
    title: Format,
    subtitle: Format,
    legend: Format,
    note: Format,
    header: Format,
    category: Format,
    category_number: Format,
    /// Wrapped text in a bordered cell; also the style of an empty table cell.
    text: Format,
    center: Format,
    /// A plan band ("6,6 – 6,8") aligned with the numbers.
    band: Format,
    /// `#,##0`, `#,##0.0`, … in a bordered cell, by decimals.
    numbers: [Format; MAX_DECIMALS + 1],
    percent: Format,
    change_percent: Format,
    change_points: Format,
    statuses: [Format; 5],
    /// The figures sheet: no borders, numbers by their own decimals.
    plain: Format,
    centered_plain: Format,
    typed: Format,
    exact: [Format; MAX_DECIMALS + 1],
}

impl Styles {
    fn new(lang: Lang) -> Self {
        // Times New Roman is the font of Vietnamese administrative documents (Nghị định
        // 30/2020/NĐ-CP), so the printed table matches the report it is pasted into.
        let font = || {
            Format::new()
                .set_font_name("Times New Roman")
                .set_font_size(11)
        };
        let cell = || {
            font()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::VerticalCenter)
        };
        let decimals = |d: usize| {
            if d == 0 {
                "#,##0".to_owned()
            } else {
                format!("#,##0.{}", "0".repeat(d))
            }
        };
        let signed =
            |suffix: &str| format!("+#,##0.0\"{suffix}\";-#,##0.0\"{suffix}\";0.0\"{suffix}\"");
        let points = format!(" {}", tr("export.xlsx.points", lang));
        let status = |rgb: u32| {
            cell()
                .set_align(FormatAlign::Center)
                .set_font_color(Color::RGB(rgb))
        };
        let heading_fill = Color::RGB(0xE2_EF_DA);
        Self {
            title: font()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: font().set_bold().set_align(FormatAlign::Center),
            legend: font()
                .set_italic()
                .set_font_size(10)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            note: font().set_italic(),
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xD9_E1_F2)),
            category: cell().set_bold().set_background_color(heading_fill),
            category_number: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(heading_fill),
            text: cell().set_text_wrap(),
            center: cell().set_align(FormatAlign::Center).set_text_wrap(),
            band: cell().set_align(FormatAlign::Right),
            numbers: std::array::from_fn(|d| cell().set_num_format(decimals(d))),
            percent: cell().set_num_format("#,##0.0\"%\""),
            change_percent: cell().set_num_format(signed("%")),
            change_points: cell().set_num_format(signed(&points)),
            // In the order of `Status::ALL`: exceeded, met, not met, no plan, no data.
            statuses: [
                status(0x00_61_00).set_bold(),
                status(0x1F_4E_79),
                status(0xC0_00_00).set_bold(),
                status(0x7F_7F_7F).set_italic(),
                status(0x7F_7F_7F).set_italic(),
            ],
            plain: font(),
            centered_plain: font().set_align(FormatAlign::Center),
            // Text as typed stays text and keeps to the right, where the number was typed.
            typed: font().set_align(FormatAlign::Right),
            exact: std::array::from_fn(|d| font().set_num_format(decimals(d))),
        }
    }

    /// The bordered number style for an indicator's precision.
    fn bordered(&self, precision: u32) -> &Format {
        &self.numbers[decimals_index(precision)]
    }

    fn status(&self, status: Status) -> &Format {
        let i = Status::ALL.iter().position(|s| *s == status);
        &self.statuses[i.unwrap_or(Status::ALL.len() - 1)]
    }
}

fn decimals_index(decimals: u32) -> usize {
    usize::try_from(decimals).map_or(MAX_DECIMALS, |d| d.min(MAX_DECIMALS))
}

/// Powers of ten that a double holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The double nearest to an exact decimal, which is what Excel stores.
///
/// A mantissa below 2^53 and a power of ten up to 10^22 are both exact doubles, so one division
/// rounds correctly; anything larger goes through the standard library's correctly rounded
/// parser.
fn to_f64(value: Decimal) -> f64 {
    const EXACT_MANTISSA: i128 = 1 << 53;
    let mantissa = value.mantissa();
    let power = usize::try_from(value.scale())
        .ok()
        .and_then(|s| EXACT_POWERS.get(s));
    match power {
        Some(power) if mantissa.abs() < EXACT_MANTISSA => {
            // Both casts and the division are exact or correctly rounded: the mantissa is
            // below 2^53.
            mantissa as f64 / power
        }
        _ => value
            .to_string()
            .parse()
            .unwrap_or_else(|_| rust_decimal::prelude::ToPrimitive::to_f64(&value).unwrap_or(0.0)),
    }
}

/// Draws an axis invisibly: no labels, no ticks, no line.
fn hide_axis(axis: &mut ChartAxis) -> &mut ChartAxis {
    axis.set_hidden(false)
        .set_label_position(ChartAxisLabelPosition::None)
        .set_major_tick_type(ChartAxisTickType::None)
        .set_format(ChartFormat::new().set_no_line())
}

/// The top of the % axis: some room above the highest bar and the 100% line, on a round step.
fn axis_top(highest: f64) -> f64 {
    let wanted = highest.max(100.0) * 1.1;
    let step = if wanted <= 200.0 {
        20.0
    } else if wanted <= 500.0 {
        50.0
    } else {
        10_f64.powf(wanted.log10().floor())
    };
    (wanted / step).ceil() * step
}

/// The years of the export as the title writes them ("2021", or "2020, 2021").
fn year_list(wards: &[WardYear]) -> String {
    let years: BTreeSet<i16> = wards.iter().map(|w| w.report.year).collect();
    years
        .iter()
        .map(i16::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The lines a wrapped cell `width` characters wide takes, words laid greedily.
///
/// Spreadsheets do not grow a row to its wrapped text when they open a file (LibreOffice does
/// not; Excel only when asked), so the export sets the height itself. The estimate errs on the
/// generous side: a row may get a spare line, but no text is cut off.
fn wrapped_lines(text: &str, width: u16) -> u32 {
    // Column widths count digits; Vietnamese text runs about a tenth narrower than digits, and
    // a character is kept spare for the cell's padding.
    let capacity = (usize::from(width) * 11 / 10).saturating_sub(1).max(1);
    // No more bytes than the line holds: no more characters either.
    if text.len() <= capacity {
        return 1;
    }
    let mut lines = 1_u32;
    let mut used = 0_usize;
    for word in text.split_whitespace() {
        let length = word.chars().count();
        if used > 0 && used + 1 + length <= capacity {
            used += 1 + length;
        } else {
            if used > 0 {
                lines += 1;
            }
            used = length;
            // A word longer than the line is broken across lines.
            while used > capacity {
                lines += 1;
                used -= capacity;
            }
        }
    }
    lines
}

/// Sets a row's height to its lines of text; a one-line row keeps the default.
fn set_lines(sheet: &mut Worksheet, row: RowNum, lines: u32) -> Result<(), XlsxError> {
    if lines > 1 {
        sheet.set_row_height(row, LINE_HEIGHT * f64::from(lines))?;
    }
    Ok(())
}

/// The text with its first letter in capitals ("kế hoạch …" → "Kế hoạch …").
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn col_num(i: usize) -> ColNum {
    ColNum::try_from(i).unwrap_or(ColNum::MAX)
}

fn tr(key: &str, lang: Lang) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::BTreeMap;
    use std::io::Read as _;
    use std::str::FromStr as _;

    use super::*;

    fn demo_ward() -> WardYear {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let (unit_id, unit) = store.unit_for("03142", 2021).unwrap();
        WardYear::new(unit, 2021, store.year_data(unit_id, 2021).unwrap())
    }

    /// Every part of the workbook's zip, by name.
    fn parts(path: &Path) -> BTreeMap<String, String> {
        let file = std::fs::File::open(path).unwrap();
        let mut archive = zip::ZipArchive::new(file).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut part = archive.by_index(i).unwrap();
                let mut text = String::new();
                part.read_to_string(&mut text).unwrap();
                (part.name().unwrap().into_owned(), text)
            })
            .collect()
    }

    /// The values of a sheet's numeric cells (those without a type: strings carry `t="s"`).
    fn numbers(sheet: &str) -> Vec<&str> {
        sheet
            .split("<c r=")
            .skip(1)
            .filter_map(|cell| {
                let (tag, rest) = cell.split_once('>')?;
                if tag.contains(" t=\"") || tag.ends_with('/') {
                    return None;
                }
                let value = rest.strip_prefix("<v>")?;
                value.split_once("</v>").map(|(v, _)| v)
            })
            .collect()
    }

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn the_demo_workbook_holds_the_report_the_chart_and_the_figures() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.xlsx");
        write(&[demo_ward()], Lang::Vi, &path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"PK"));

        let parts = parts(&path);
        let workbook = &parts["xl/workbook.xml"];
        for name in ["Báo cáo", "Biểu đồ", "Số liệu"] {
            assert!(workbook.contains(&format!("name=\"{name}\"")), "{workbook}");
        }
        // The header repeats on every printed page.
        assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");

        let strings = &parts["xl/sharedStrings.xml"];
        for text in [
            "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2021",
            "Phường Thanh Trường (mã 03142)",
            "Sản lượng cây trồng (lúa 2 vụ, rau màu, cây vụ 3)",
            "Ước TH / Thực hiện",
            "Kinh tế",
            "Kế hoạch thành phố giao (suy ra)",
            "Vượt",
            "Chưa có kế hoạch",
            "Chưa có số liệu",
            "Ước đạt",
            "17.416,889,536",
        ] {
            assert!(strings.contains(text), "{text} missing from {strings}");
        }

        let report = &parts["xl/worksheets/sheet1.xml"];
        // Numbers are numeric cells, % of plan is 114.6 and not a fraction.
        let values = numbers(report);
        for value in [
            "2809.8",
            "2451.8",
            "114.6",
            "103",
            "17416889536",
            "16909601491",
        ] {
            assert!(values.contains(&value), "{value} missing from {values:?}");
        }
        // A missing plan or figure is an empty cell, never a zero.
        assert!(!values.contains(&"0"), "{values:?}");
        assert!(report.contains("state=\"frozen\""), "no frozen header");
        assert!(report.contains("paperSize=\"9\""));
        assert!(report.contains("orientation=\"landscape\""));
        assert!(report.contains("fitToHeight=\"0\""));
        assert!(report.contains("<mergeCell ref=\"A1:K1\"/>"));

        let styles = &parts["xl/styles.xml"];
        for code in ["#,##0.0", "#,##0.0&quot;%&quot;"] {
            assert!(styles.contains(code), "{code} missing from {styles}");
        }

        let chart = &parts["xl/charts/chart1.xml"];
        assert!(chart.contains("<c:barChart>") && chart.contains("<c:lineChart>"));
        assert!(chart.contains("% kế hoạch năm 2021 — Phường Thanh Trường"));
        assert!(chart.contains("'Biểu đồ'!$B$"), "{chart}");

        let figures = &parts["xl/worksheets/sheet3.xml"];
        assert!(figures.contains("<autoFilter ref=\"A1:N"), "{figures}");
        assert!(strings.contains("plan.city") && strings.contains("figure.estimate"));
        assert!(strings.contains("Suy ra, không công bố: 17.416.889.536 đồng ÷ 103%"));
    }

    #[test]
    fn english_names_the_sheets_and_the_words_in_english() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.xlsx");
        write(&[demo_ward()], Lang::En, &path).unwrap();
        let parts = parts(&path);
        let workbook = &parts["xl/workbook.xml"];
        for name in ["Report", "Chart", "Figures"] {
            assert!(workbook.contains(&format!("name=\"{name}\"")), "{workbook}");
        }
        let strings = &parts["xl/sharedStrings.xml"];
        for text in [
            "INDICATORS AGAINST PLAN, 2021",
            "Exceeded",
            "tonnes",
            "The plan set by the city (derived)",
        ] {
            assert!(strings.contains(text), "{text} missing from {strings}");
        }
    }

    #[test]
    fn the_change_on_last_year_is_a_percent_or_points() {
        let mut ward = demo_ward();
        let figure = |stage, value: &str| Figure {
            stage,
            value: d(value),
            text: value.to_owned(),
            note: String::new(),
        };
        for data in &mut ward.details {
            match data.indicator.code.as_str() {
                "crop_output" => data.previous.push(figure(Stage::Actual, "2477.8")),
                "poverty_rate" => {
                    data.figures.push(figure(Stage::Actual, "3.2"));
                    data.previous.push(figure(Stage::Final, "3.7"));
                    data.plans.push(Plan {
                        source: PlanSource::WardCouncil,
                        target: PlanTarget::range(d("3.1"), d("3.5")),
                        text: "3,1 – 3,5".into(),
                        original: None,
                        derived: false,
                        note: String::new(),
                    });
                }
                _ => {}
            }
        }
        let ward = WardYear::new(ward.report.unit, 2021, ward.details);
        for (lang, points) in [(Lang::Vi, "điểm %"), (Lang::En, " pts")] {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("report.xlsx");
            write(std::slice::from_ref(&ward), lang, &path).unwrap();
            let parts = parts(&path);
            let report = numbers(&parts["xl/worksheets/sheet1.xml"]);
            for value in ["2477.8", "13.4", "3.2", "3.7", "-0.5"] {
                assert!(report.contains(&value), "{value} missing from {report:?}");
            }
            let styles = &parts["xl/styles.xml"];
            assert!(
                styles.contains("+#,##0.0&quot;%&quot;;-#,##0.0&quot;%&quot;"),
                "{styles}"
            );
            assert!(styles.contains(points), "{styles}");
            // A plan band is text in the report, and both ends are numbers among the figures.
            let band = if lang == Lang::Vi {
                "3,1 – 3,5"
            } else {
                "3.1 – 3.5"
            };
            assert!(parts["xl/sharedStrings.xml"].contains(band));
            let figures = numbers(&parts["xl/worksheets/sheet3.xml"]);
            assert!(
                figures.contains(&"3.1") && figures.contains(&"3.5"),
                "{figures:?}"
            );
        }
    }

    #[test]
    fn several_wards_share_one_table_with_ward_columns() {
        let first = demo_ward();
        let mut second = first.clone();
        second.report.unit.code = "03127".into();
        second.report.unit.name = "Phường Điện Biên Phủ".into();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wards.xlsx");
        write(&[first.clone(), second], Lang::Vi, &path).unwrap();
        let parts = parts(&path);
        let strings = &parts["xl/sharedStrings.xml"];
        assert!(strings.contains("Biểu đồ của Phường Thanh Trường: đơn vị đầu tiên"));
        for text in [
            "Mã ĐVHC",
            "Đơn vị",
            "Tổng hợp 2 đơn vị",
            "Phường Điện Biên Phủ",
            "03127",
        ] {
            assert!(strings.contains(text), "{text} missing");
        }
        let report = &parts["xl/worksheets/sheet1.xml"];
        assert!(
            report.contains("<autoFilter ref=\"A4:M"),
            "no filter on the table"
        );
        assert!(
            report.contains("<rowBreaks count=\"1\""),
            "the second ward starts no page"
        );
        // Each ward's rows and category headings.
        let rows_per_ward = first.report.rows.len() + 6;
        let last = 4 + 2 * rows_per_ward;
        assert!(report.contains(&format!("<row r=\"{last}\"")));
        assert!(!report.contains(&format!("<row r=\"{}\"", last + 1)));
    }

    #[test]
    fn no_ward_is_nothing_to_export() {
        let dir = tempfile::tempdir().unwrap();
        let result = write(&[], Lang::Vi, &dir.path().join("x.xlsx"));
        assert!(matches!(result, Err(ExportError::Empty)));
    }

    #[test]
    fn a_failure_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("report.xlsx");
        match write(&[demo_ward()], Lang::Vi, &path) {
            Err(ExportError::Workbook { path: p, detail }) => {
                assert_eq!(p, path);
                assert!(!detail.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn decimals_become_the_nearest_double() {
        for text in [
            "2809.8",
            "2451.8",
            "17416889536",
            "16909601491",
            "114.6",
            "0.1",
            "-0.5",
            "0",
            "123456789.123456",
            "79228162514264337593543950335",
            "0.0000000000000000000000000001",
        ] {
            assert_eq!(to_f64(d(text)), text.parse::<f64>().unwrap(), "{text}");
        }
        assert_eq!(to_f64(d("2809.80")), 2809.8);
    }

    #[test]
    fn category_headings_are_numbered_in_roman() {
        let numerals: Vec<String> = (1..=10).map(report_words::category_numeral).collect();
        assert_eq!(
            numerals,
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
        );
        assert_eq!(
            capitalised("kế hoạch thành phố giao"),
            "Kế hoạch thành phố giao"
        );
        assert_eq!(capitalised("đạt"), "Đạt");
        assert_eq!(capitalised(""), "");
    }
}
