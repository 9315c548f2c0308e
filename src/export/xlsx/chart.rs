//! Sheet 2 of the workbook: a native Excel chart of one ward's % of plan, last year's % a
//! lighter column beside each where last year had one, the 100% target drawn as a dashed line
//! across it, over the small table on the same sheet that the chart reads.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartAxis, ChartAxisLabelPosition, ChartAxisTickType, ChartDataLabel, ChartFont,
    ChartFormat, ChartLegendPosition, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType,
    ChartSolidFill, ChartType, RowNum, Worksheet, XlsxError,
};

use super::styles::Styles;
use super::{Words, page_setup, to_f64, tr};
use crate::domain::compute;
use crate::domain::number;
use crate::domain::report::{self, ReportRow};
use crate::domain::report_words::{self, Column};
use crate::export::WardYear;
use crate::export::chart::colour;

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
/// The table's column of last year's % (its columns filled with the print palette's colour for
/// last year).
const LAST_YEAR_COLUMN: u16 = 3;
/// The height of a default row, in pixels.
const ROW_PIXELS: u32 = 20;

/// Writes the chart sheet: the chart of one ward's % of plan over the table it reads.
pub(super) fn write(
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
            count = number::format_exact(Decimal::from(ward_count), words.style),
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
    // Last year's %, in a fourth column, where any line has one.
    let with_last = bars.iter().any(|(line, _)| line.previous_percent.is_some());
    if with_last {
        let legend = report::last_year_legend(ward.report.year, lang);
        sheet.set_column_width(LAST_YEAR_COLUMN, 16)?;
        sheet.write_string_with_format(header, LAST_YEAR_COLUMN, legend, &styles.header)?;
    }
    let mut row = header;
    for (line, percent) in &bars {
        row += 1;
        let shown = compute::round(*percent, compute::PERCENT_DECIMALS);
        sheet.write_string_with_format(row, 0, line.indicator.name(lang), &styles.text)?;
        sheet.write_number_with_format(row, 1, to_f64(shown), &styles.percent)?;
        sheet.write_number_with_format(row, 2, 100, &styles.percent)?;
        if let Some(last) = line.previous_percent {
            let last = compute::round(last, compute::PERCENT_DECIMALS);
            sheet.write_number_with_format(row, LAST_YEAR_COLUMN, to_f64(last), &styles.percent)?;
        }
    }
    let (first_row, last_row) = (header + 1, row);

    let name = sheet.name();
    let name = name.as_str();
    let mut columns = Chart::new(ChartType::Column);
    let label_size = if many { 7 } else { 10 };
    if with_last {
        // First, so that it stands left of this year's column.
        columns
            .add_series()
            .set_name((name, header, LAST_YEAR_COLUMN))
            .set_categories((name, first_row, 0, last_row, 0))
            .set_values((
                name,
                first_row,
                LAST_YEAR_COLUMN,
                last_row,
                LAST_YEAR_COLUMN,
            ))
            .set_format(
                ChartFormat::new().set_solid_fill(
                    ChartSolidFill::new().set_color(colour::LAST_YEAR.hex().as_str()),
                ),
            )
            .set_data_label(
                ChartDataLabel::new()
                    .show_value()
                    .set_num_format("#,##0.0\"%\"")
                    .set_font(
                        ChartFont::new()
                            .set_size(label_size - 1)
                            .set_color("#555555"),
                    ),
            )
            .set_gap(60);
    }
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
                .set_font(ChartFont::new().set_size(label_size)),
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
        .flat_map(|(line, p)| [Some(*p), line.previous_percent])
        .flatten()
        .map(|p| to_f64(compute::round(p, compute::PERCENT_DECIMALS)))
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::domain::Lang;
    use crate::export::xlsx::tests::{demo_ward, parts};

    #[test]
    fn last_years_percent_is_a_second_lighter_series_where_last_year_had_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plain.xlsx");
        let mut ward = demo_ward();
        crate::export::xlsx::write(std::slice::from_ref(&ward), Lang::Vi.into(), &path).unwrap();
        let chart = &parts(&path)["xl/charts/chart1.xml"];
        assert!(!chart.contains("AEB8C2"), "{chart}");

        let crop = ward
            .report
            .rows
            .iter_mut()
            .find(|r| r.indicator.code == "crop_output")
            .unwrap();
        crop.previous_percent = Some(rust_decimal::Decimal::from(80));
        let path = dir.path().join("last.xlsx");
        crate::export::xlsx::write(std::slice::from_ref(&ward), Lang::Vi.into(), &path).unwrap();
        let parts = parts(&path);
        let chart = &parts["xl/charts/chart1.xml"];
        // Last year's series reads the table's fourth column, in the lighter colour, before
        // this year's.
        let last = chart.find("'Biểu đồ'!$D$").unwrap();
        let this = chart.find("'Biểu đồ'!$B$").unwrap();
        assert!(last < this, "{chart}");
        assert!(chart.contains("AEB8C2"), "{chart}");
        let strings = &parts["xl/sharedStrings.xml"];
        assert!(strings.contains("Năm trước (2020)"), "{strings}");
    }
}
