//! The % of plan bar chart: one bar per indicator with a plan and a value, coloured by status,
//! a line at the 100% target, each bar labelled with its % in the active number format, a
//! tooltip with plan, value and stage. Clicking a bar reports which one.

use egui_plot::{Bar, BarChart, GridMark, HLine, Plot, PlotPoint, Text};
use rust_decimal::prelude::ToPrimitive as _;

use crate::app::theme::{self, Palette};
use crate::domain::report::{self, ReportRow};
use crate::domain::{Lang, Locale, number};

/// Draws the chart of `rows`, each with its axis label (those without a % are left out), and
/// returns the index into `rows` of a clicked bar.
pub fn percent_chart_ui(
    ui: &mut egui::Ui,
    id: &str,
    rows: &[(String, &ReportRow)],
    locale: Locale,
    palette: &Palette,
    height: f32,
    label_size: f32,
) -> Option<usize> {
    let lang = locale.lang;
    let bars_of: Vec<(usize, f64, &ReportRow)> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, (_, row))| {
            let percent = row.assessment.percent?.to_f64()?;
            Some((i, percent, *row))
        })
        .collect();
    let names: Vec<String> = bars_of.iter().map(|(i, _, _)| rows[*i].0.clone()).collect();
    let names_axis = super::axis::bar_names(&names, bars_of.len(), ui.available_width());
    let tooltips: Vec<String> = bars_of
        .iter()
        .map(|(_, _, row)| tooltip(row, locale))
        .collect();
    let top = bars_of
        .iter()
        .map(|(_, p, _)| *p)
        .fold(theme::TARGET_PERCENT, f64::max);

    let bars: Vec<Bar> = bars_of
        .iter()
        .enumerate()
        .map(|(x, (_, percent, row))| {
            Bar::new(x as f64, *percent)
                .width(0.6)
                .fill(palette.status(row.assessment.status))
                .name(&tooltips[x])
        })
        .collect();
    let pad = (4.0 - bars_of.len() as f64).max(0.0) / 2.0;
    let target_label = rust_i18n::t!("app.chart.target", locale = lang.code()).into_owned();
    let response = Plot::new(id)
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .include_y(top * 1.15)
        // Room for at least four bars, so that one or two bars are not a wall of colour.
        .include_x(-0.6 - pad)
        .include_x(bars_of.len() as f64 - 0.4 + pad)
        .show_grid([false, true])
        // Readable steps (0, 20, 40 … or 50s), as the exported chart has them.
        .y_grid_spacer(move |input| {
            let step = report::percent_axis_step(top * 1.15);
            let mut marks = Vec::new();
            let mut value = 0.0;
            while value <= input.bounds.1 {
                marks.push(GridMark {
                    value,
                    step_size: step,
                });
                value += step;
            }
            marks
        })
        .custom_x_axes(vec![names_axis])
        .y_axis_formatter(move |mark, _| {
            let value = rust_decimal::Decimal::from_f64_retain(mark.value).unwrap_or_default();
            number::format_percent(value, locale.style)
        })
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(
                BarChart::new("percent-of-plan", bars)
                    .element_formatter(Box::new(|bar, _| bar.name.clone())),
            );
            plot_ui.hline(
                HLine::new(target_label, theme::TARGET_PERCENT)
                    .color(palette.target_line)
                    .width(2.0),
            );
            for (x, (_, percent, row)) in bars_of.iter().enumerate() {
                let text =
                    report::percent_text(row.assessment.percent, locale.style).unwrap_or_default();
                plot_ui.text(
                    Text::new(
                        "label",
                        PlotPoint::new(x as f64, percent + top * 0.05),
                        egui::RichText::new(text)
                            .size(label_size)
                            .strong()
                            .color(palette.status(row.assessment.status)),
                    )
                    .allow_hover(false),
                );
            }
            plot_ui.pointer_coordinate()
        });
    if !response.response.clicked() {
        return None;
    }
    let point = response.inner?;
    let x = point.x.round();
    let (index, percent, _) = bars_of.get(usize::try_from(x as i64).ok()?)?;
    ((point.x - x).abs() <= 0.3 && point.y >= 0.0 && point.y <= *percent).then_some(*index)
}

/// The rows of a report that have a % of plan, each with its indicator's name.
pub fn charted_rows(
    report: &crate::domain::report::Report,
    lang: Lang,
) -> Vec<(String, &ReportRow)> {
    report
        .rows
        .iter()
        .filter(|r| r.assessment.percent.is_some())
        .map(|r| (r.indicator.name(lang).to_owned(), r))
        .collect()
}

/// The tooltip of a bar: the indicator, its plan, its value and stage (the dashboard's bars
/// add last year's % under it).
pub(super) fn tooltip(row: &ReportRow, locale: Locale) -> String {
    let lang = locale.lang;
    let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
    let plan = row.plan_text_with_unit(locale).unwrap_or_default();
    let value = row.value_text(locale).unwrap_or_default();
    let stage = row
        .current
        .as_ref()
        .map(|f| f.stage.name(lang))
        .unwrap_or_default();
    let percent = report::percent_text(row.assessment.percent, locale.style).unwrap_or_default();
    format!(
        "{}\n{}: {plan}\n{stage}: {value}\n{}: {percent} — {}",
        row.indicator.name(lang),
        t("app.entry.plan"),
        t("app.table.percent_of_plan"),
        row.assessment.status.word(lang)
    )
}
