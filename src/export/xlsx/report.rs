//! Sheet 1 of the workbook: the report table officials expect, every ward's rows under one
//! header, grouped by category under Roman-numbered headings.

use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, RowNum, Worksheet, XlsxError};

use super::styles::Styles;
use super::{Words, col_num, page_setup, to_f64, tr};
use crate::domain::compute::{self, Change};
use crate::domain::report::ReportRow;
use crate::domain::report_words::{self, Column};
use crate::domain::{AdminUnit, Category, Locale, PlanTarget, number};
use crate::export::WardYear;

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

/// Writes the report table, every ward under one header.
pub(super) fn write(
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
            count = number::format_exact(Decimal::from(wards.len()), words.style)
        )
        .into_owned()
    } else {
        report_words::ward_line(&wards[0].report.unit, lang)
    };
    if wards.iter().any(|w| w.report.unit.synthetic) {
        ward_line.push_str(" — ");
        ward_line.push_str(&report_words::synthetic_mark(lang));
    }
    if let [ward] = wards {
        ward_line.push_str(" — ");
        ward_line.push_str(&crate::domain::summary::Summary::of(&ward.report, lang).line(lang));
    }
    if let [ward] = wards
        && let Some(consolidation) = &ward.report.consolidation
    {
        ward_line.push_str(" — ");
        ward_line.push_str(&consolidation.line(lang));
    }
    if let [ward] = wards
        && let Some(locked) = ward.report.locked_line(lang)
    {
        ward_line.push_str(" — ");
        ward_line.push_str(&locked);
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
        // A band, or a plan in words as typed ("Dưới 3%", "tăng 10% so với cùng kỳ (≈ 3.090,8)").
        Some(_) => {
            let locale = Locale {
                lang,
                style: words.style,
            };
            sheet.write_string_with_format(
                row,
                base + col::PLAN,
                line.plan_text(locale).unwrap_or_default(),
                &styles.band,
            )?;
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
            // A change rounding to nothing (even "-0,0") is the format's "bằng cùng kỳ".
            let shown = if shown.is_zero() {
                Decimal::ZERO
            } else {
                shown
            };
            sheet.write_number_with_format(row, base + col::CHANGE, to_f64(shown), style)?;
        }
        None => {
            sheet.write_blank(row, base + col::CHANGE, &styles.text)?;
        }
    }

    let status = line.assessment.status;
    let verdict = match &line.consolidated {
        Some(_) => line.verdict(lang),
        None => words.status(status).to_owned(),
    };
    sheet.write_string_with_format(row, base + col::STATUS, &verdict, styles.status(status))?;

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
    // A consolidated line: the wards' spread (for a rate not added up), of which plan the % is,
    // which wards are missing.
    if let Some(consolidated) = &line.consolidated {
        let locale = crate::domain::Locale {
            lang: words.lang,
            style: words.style,
        };
        let parts: Vec<String> = [
            consolidated.distribution_text(locale),
            Some(consolidated.note(locale)),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
        return parts.join("; ");
    }
    if let Some(plan) = &line.plan {
        note.push_str(words.source_heading(plan.source));
        if plan.derived {
            note.push(' ');
            note.push_str(&words.derived);
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::tests::{d, demo_ward, numbers, parts};
    use super::*;
    use crate::domain::{Figure, Lang, Plan, PlanSource, Stage};
    use crate::export::xlsx::write;

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
            write(std::slice::from_ref(&ward), lang.into(), &path).unwrap();
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
            // No change reads as the report words it, not "0.0%".
            let same = if lang == Lang::Vi {
                "&quot;bằng cùng kỳ&quot;"
            } else {
                "&quot;same as last year&quot;"
            };
            assert!(styles.contains(same), "{styles}");
            assert!(!styles.contains(";0.0&quot;%&quot;"), "{styles}");
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
        write(&[first.clone(), second], Lang::Vi.into(), &path).unwrap();
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
    fn a_wrapped_cell_counts_its_lines_generously() {
        assert_eq!(wrapped_lines("Thu ngân sách", 48), 1);
        // A column 14 wide holds 14 characters a line (a tenth more, one spare): two lines.
        assert_eq!(wrapped_lines("triệu đồng/người năm", 14), 2);
        // A word longer than the line is broken across lines.
        assert_eq!(wrapped_lines(&"x".repeat(30), 9), 4);
    }
}
