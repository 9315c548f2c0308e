//! Tổng quan: the year's report table with status by colour and word, the % of plan chart
//! against the 100% target, and the report sentences. A bar or a row opens the trend.

use crate::app::command::Command;
use crate::app::session::Session;
use crate::app::theme::{self, Palette};
use crate::app::tr;
use crate::app::widgets::percent_chart::{charted_rows, percent_chart_ui};
use crate::domain::report;
use crate::domain::{Lang, number};

/// The dashboard's own state: nothing beyond what the session holds.
#[derive(Default)]
pub struct Dashboard;

impl Dashboard {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        lang: Lang,
        palette: &Palette,
        commands: &mut Vec<Command>,
    ) {
        let report = &session.report;
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(rust_i18n::t!(
                    "app.dashboard.title",
                    locale = lang.code(),
                    year = report.year,
                    unit = report.unit.name
                ));
                ui.add_space(theme::GAP);

                let charted = charted_rows(report, lang);
                if charted.is_empty() {
                    ui.label(tr(lang, "app.dashboard.no_chart"));
                } else {
                    ui.label(egui::RichText::new(tr(lang, "app.dashboard.chart")).strong());
                    if let Some(index) = percent_chart_ui(
                        ui,
                        "dashboard-chart",
                        &charted,
                        lang,
                        palette,
                        theme::CHART_HEIGHT,
                        14.0,
                    ) && let Some(id) = session.indicator_id(&charted[index].1.indicator.code)
                    {
                        commands.push(Command::OpenTrend(id));
                    }
                }
                ui.add_space(theme::GAP);
                table_ui(ui, session, lang, palette, commands);
                ui.add_space(theme::GAP);
                sentences_ui(ui, session, lang, commands);
            });
    }
}

/// The report table, grouped by category.
fn table_ui(
    ui: &mut egui::Ui,
    session: &Session,
    lang: Lang,
    palette: &Palette,
    commands: &mut Vec<Command>,
) {
    let headers = [
        "app.table.number",
        "app.table.indicator",
        "app.table.unit",
        "app.table.plan",
        "app.table.value",
        "app.table.percent_of_plan",
        "app.table.previous",
        "app.table.change",
        "app.table.status",
    ];
    egui::Grid::new("report-table")
        .striped(true)
        .num_columns(headers.len())
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for key in headers {
                ui.label(egui::RichText::new(tr(lang, key)).strong());
            }
            ui.end_row();
            let mut category = None;
            for (index, row) in session.report.rows.iter().enumerate() {
                if category != Some(row.indicator.category) {
                    category = Some(row.indicator.category);
                    ui.label("");
                    ui.label(egui::RichText::new(row.indicator.category.name(lang)).strong());
                    ui.end_row();
                }
                ui.label((index + 1).to_string());
                // Long names wrap so that the whole table fits a laptop screen.
                let name = ui
                    .scope(|ui| {
                        ui.set_max_width(theme::NAME_WIDTH);
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                        ui.link(row.indicator.name(lang))
                    })
                    .inner
                    .on_hover_text(tr(lang, "app.dashboard.open_trend"));
                if name.clicked()
                    && let Some(id) = session.indicator_id(&row.indicator.code)
                {
                    commands.push(Command::OpenTrend(id));
                }
                ui.label(row.indicator.unit.symbol_in(lang));
                number_cell(ui, row.plan.as_ref().map(|p| p.target.text(lang)));
                number_cell(ui, row.value_with_stage(lang));
                number_cell(ui, report::percent_text(row.assessment.percent, lang));
                number_cell(
                    ui,
                    row.previous
                        .as_ref()
                        .map(|f| number::format_exact(f.value, lang)),
                );
                number_cell(ui, row.change.map(|c| report::change_text(c, lang)));
                ui.label(
                    egui::RichText::new(row.assessment.status.word(lang))
                        .color(palette.status(row.assessment.status))
                        .strong(),
                );
                ui.end_row();
            }
        });
}

/// A right-aligned number, or a dash where there is none.
fn number_cell(ui: &mut egui::Ui, text: Option<String>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text.unwrap_or_else(|| "–".to_owned()));
    });
}

/// The report sentences as the review writes them, with a copy button.
fn sentences_ui(ui: &mut egui::Ui, session: &Session, lang: Lang, commands: &mut Vec<Command>) {
    let sentences = session.report.sentences(lang);
    if sentences.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(tr(lang, "app.dashboard.sentences")).strong());
        if ui.button(tr(lang, "app.dashboard.copy")).clicked() {
            commands.push(Command::CopyText(sentences.join("\n")));
        }
    });
    for sentence in &sentences {
        ui.label(format!("• {sentence}."));
    }
}
