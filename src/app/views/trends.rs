//! Xu hướng: one indicator over the years: plan and value, % of plan, and the change against
//! the year before.

use egui_plot::{Legend, Line, Plot, PlotPoints, Points};
use rust_decimal::prelude::ToPrimitive as _;

use crate::app::command::Command;
use crate::app::session::Session;
use crate::app::theme::{self, Palette};
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::app::widgets::axis;
use crate::app::widgets::percent_chart::percent_chart_ui;
use crate::domain::report::{self, ReportRow};
use crate::domain::{Locale, PlanTarget};

/// The trends view's own state.
#[derive(Default)]
pub struct Trends;

impl Trends {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "app.trends.indicator"));
            let selected = session
                .trend
                .as_ref()
                .and_then(|(id, _)| session.indicator(*id))
                .map_or_else(
                    || tr(lang, "app.trends.choose"),
                    |i| i.name(lang).to_owned(),
                );
            egui::ComboBox::from_id_salt("trend-indicator")
                .selected_text(selected)
                .width(420.0)
                .show_ui(ui, |ui| {
                    for (id, indicator) in session.indicators.iter().filter(|(_, i)| !i.archived) {
                        let current = session.trend.as_ref().is_some_and(|(t, _)| t == id);
                        if ui.selectable_label(current, indicator.name(lang)).clicked() {
                            ctx.commands.push(Command::OpenTrend(*id));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let Some((id, series)) = &session.trend else {
            ui.add_space(theme::GAP);
            ui.label(tr(lang, "app.trends.hint"));
            return;
        };
        let Some(indicator) = session.indicator(*id) else {
            return;
        };
        ui.add_space(theme::GAP);
        ui.heading(format!(
            "{} — {} ({})",
            indicator.name(lang),
            session.unit.name,
            indicator.unit.symbol_in(lang)
        ));
        if series.is_empty() {
            ui.label(tr(lang, "app.trends.empty"));
            return;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                values_chart_ui(ui, series, ctx.locale(), &ctx.palette);
                ui.add_space(theme::GAP);
                let with_years: Vec<(String, &ReportRow)> = series
                    .iter()
                    .filter(|(_, r)| r.assessment.percent.is_some())
                    .map(|(y, r)| (y.to_string(), r))
                    .collect();
                if !with_years.is_empty() {
                    ui.label(egui::RichText::new(tr(lang, "app.trends.percent")).strong());
                    percent_chart_ui(
                        ui,
                        "trend-percent",
                        &with_years,
                        ctx.locale(),
                        &ctx.palette,
                        180.0,
                        13.0,
                    );
                }
                ui.add_space(theme::GAP);
                table_ui(ui, series, ctx.locale(), &ctx.palette);
            });
    }
}

/// Plan and value per year, as two lines.
fn values_chart_ui(
    ui: &mut egui::Ui,
    series: &[(i16, ReportRow)],
    locale: Locale,
    palette: &Palette,
) {
    let lang = locale.lang;
    let point = |year: i16, value: Option<rust_decimal::Decimal>| {
        value.and_then(|v| v.to_f64()).map(|v| [f64::from(year), v])
    };
    let values: Vec<[f64; 2]> = series
        .iter()
        .filter_map(|(y, r)| point(*y, r.current.as_ref().map(|f| f.value)))
        .collect();
    let plans: Vec<[f64; 2]> = series
        .iter()
        .filter_map(|(y, r)| point(*y, r.resolved.map(PlanTarget::low)))
        .collect();
    let first = series.first().map_or(0.0, |(y, _)| f64::from(*y));
    let last = series.last().map_or(0.0, |(y, _)| f64::from(*y));
    let value_name = tr(lang, "app.trends.value");
    let plan_name = tr(lang, "app.entry.plan");
    Plot::new("trend-values")
        .height(220.0)
        .legend(Legend::default())
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .include_y(0.0)
        // A year either side, so that a single year does not stretch the axis over millennia.
        .include_x(first - 1.0)
        .include_x(last + 1.0)
        .x_axis_formatter(|mark, _| axis::year_label(mark))
        .y_axis_formatter(move |mark, _| axis::value_label(mark, locale.style))
        .label_formatter(|_| None)
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(value_name.clone(), PlotPoints::from(values.clone()))
                    .color(palette.met)
                    .width(2.5),
            );
            plot_ui.points(
                Points::new(value_name, PlotPoints::from(values))
                    .color(palette.met)
                    .radius(4.0),
            );
            plot_ui.line(
                Line::new(plan_name, PlotPoints::from(plans))
                    .color(palette.target_line)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
        });
}

/// The years as a table: plan, value, % of plan, change against the year before.
fn table_ui(ui: &mut egui::Ui, series: &[(i16, ReportRow)], locale: Locale, palette: &Palette) {
    let lang = locale.lang;
    egui::Grid::new("trend-table")
        .striped(true)
        .num_columns(6)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for key in [
                "app.year",
                "app.table.plan",
                "app.table.value",
                "app.table.percent_of_plan",
                "app.table.change",
                "app.table.status",
            ] {
                ui.label(egui::RichText::new(tr(lang, key)).strong());
            }
            ui.end_row();
            for (year, row) in series.iter().rev() {
                ui.label(year.to_string());
                ui.label(row.plan_text_marked(locale).unwrap_or_else(|| "–".into()));
                ui.label(row.value_with_stage(locale).unwrap_or_else(|| "–".into()));
                ui.label(
                    report::percent_text(row.assessment.percent, locale.style)
                        .unwrap_or_else(|| "–".into()),
                );
                ui.label(
                    row.change
                        .map_or_else(|| "–".into(), |c| report::change_text(c, locale)),
                );
                ui.label(
                    egui::RichText::new(row.assessment.status.word(lang))
                        .color(palette.status(row.assessment.status))
                        .strong(),
                );
                ui.end_row();
            }
        });
}
