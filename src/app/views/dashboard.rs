//! Tổng quan: the year's report table with status by colour and word, the % of plan chart
//! against the 100% target, and the report sentences. A bar or a row opens the trend.

use crate::app::command::Command;
use crate::app::dialogs;
use crate::app::session::Session;
use crate::app::theme;
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::app::widgets::percent_bars::percent_bars_ui;
use crate::app::widgets::percent_chart::charted_rows;
use crate::domain::report::{self, Report, ReportRow};
use crate::domain::{Lang, Locale, number};
use crate::export::Format;

/// The dashboard's own state: the export being set up.
pub struct Dashboard {
    format: Format,
    /// The path typed where no file dialog can open.
    path: String,
    no_dialog: bool,
    /// Export every ward of the year rather than the one shown.
    all_wards: bool,
    /// List (and export) every indicator of the catalogue, not only those with a plan or a
    /// figure that year.
    all_indicators: bool,
}

impl Default for Dashboard {
    fn default() -> Self {
        Self {
            format: Format::Xlsx,
            path: String::new(),
            no_dialog: false,
            all_wards: false,
            all_indicators: false,
        }
    }
}

impl Dashboard {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        // The lines reported that year, as documents list them, unless the whole catalogue is
        // asked for.
        let unreported = session
            .report
            .rows
            .iter()
            .filter(|r| !r.is_reported())
            .count();
        let reported_only;
        let report = if self.all_indicators || unreported == 0 {
            &session.report
        } else {
            reported_only = session.report.clone().only_reported();
            &reported_only
        };
        egui::ScrollArea::both()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(rust_i18n::t!(
                    "app.dashboard.title",
                    locale = lang.code(),
                    year = report.year,
                    unit = report.unit.name
                ));
                // The verdict first: "2/2 chỉ tiêu có kế hoạch đạt và vượt kế hoạch".
                let summary = crate::domain::summary::Summary::of(report, lang);
                if let Some(headline) = summary.headline(lang) {
                    ui.label(
                        egui::RichText::new(headline)
                            .strong()
                            .size(theme::SUMMARY_SIZE),
                    );
                }
                ui.label(summary.counts(lang));
                if let Some(consolidation) = &report.consolidation {
                    ui.label(consolidation.line(lang));
                }
                if unreported > 0 {
                    ui.checkbox(
                        &mut self.all_indicators,
                        rust_i18n::t!(
                            "app.dashboard.all_indicators",
                            locale = lang.code(),
                            count = unreported
                        ),
                    )
                    .on_hover_text(tr(lang, "app.export.all_indicators_hint"));
                }
                super::locking::status_ui(ui, ctx, session);
                self.export_ui(ui, ctx, session);
                ui.add_space(theme::GAP);

                let charted = charted_rows(report, lang);
                if charted.is_empty() {
                    ui.label(tr(lang, "app.dashboard.no_chart"));
                } else {
                    ui.label(egui::RichText::new(tr(lang, "app.dashboard.chart")).strong());
                    if let Some(index) = percent_bars_ui(
                        ui,
                        &charted,
                        report.year,
                        ctx.locale(),
                        &ctx.palette,
                        &theme::DASHBOARD_BARS,
                    ) && let Some(id) = session.indicator_id(&charted[index].1.indicator.code)
                    {
                        ctx.commands.push(Command::OpenTrend(id));
                    }
                }
                ui.add_space(theme::GAP);
                table_ui(ui, ctx, session, report);
                ui.add_space(theme::GAP);
                sentences_ui(ui, ctx, session);
            });
    }
}

impl Dashboard {
    /// Export: a format, then the system's save dialog (or a typed path where none opens).
    fn export_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "app.export.title"));
            egui::ComboBox::from_id_salt("export-format")
                .selected_text(format_name(self.format, lang))
                .show_ui(ui, |ui| {
                    for format in Format::ALL {
                        ui.selectable_value(&mut self.format, format, format_name(format, lang));
                    }
                })
                .response
                .labelled_by(label.id);
            // Every ward in one file, where the year has several (a picture shows one).
            let wards = session
                .wards
                .iter()
                .filter(|(_, unit)| unit.valid_in(session.year))
                .count();
            if wards > 1 && self.format != Format::Png {
                ui.checkbox(
                    &mut self.all_wards,
                    rust_i18n::t!("app.export.all", locale = lang.code(), count = wards),
                );
            }
            let all_wards = self.all_wards && wards > 1 && self.format != Format::Png;
            let who = if all_wards {
                "tat-ca".to_owned()
            } else {
                session.unit.code.clone()
            };
            let file_name = format!("bao-cao-{}-{who}.{}", session.year, self.format.extension());
            if ui.button(tr(lang, "app.export.save_as")).clicked() {
                match dialogs::export_file(&file_name, self.format) {
                    Some(path) => ctx.commands.push(Command::Export {
                        format: self.format,
                        path,
                        all_wards,
                        all_indicators: self.all_indicators,
                    }),
                    None => self.no_dialog = true,
                }
            }
            if self.no_dialog {
                if self.path.is_empty() {
                    // In the user's documents, not wherever the program was started from.
                    self.path = directories::UserDirs::new()
                        .and_then(|dirs| dirs.document_dir().map(|d| d.join(&file_name)))
                        .map_or(file_name, |path| path.display().to_string());
                }
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.path).desired_width(280.0))
                    .labelled_by(label.id);
                let path = self.path.trim().to_owned();
                if ui
                    .add_enabled(
                        !path.is_empty(),
                        egui::Button::new(tr(lang, "app.export.to_path")),
                    )
                    .clicked()
                {
                    ctx.commands.push(Command::Export {
                        format: self.format,
                        path: path.into(),
                        all_wards,
                        all_indicators: self.all_indicators,
                    });
                }
                field.on_hover_text(tr(lang, "app.settings.no_dialog"));
            }
        });
    }
}

/// A format as the menu names it.
fn format_name(format: Format, lang: Lang) -> String {
    tr(lang, &format!("app.export.{}", format.extension()))
}

/// The report table, grouped by category: each category's heading opens and closes its lines
/// (open at first; egui remembers each for the session), the columns staying aligned.
fn table_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session, report: &Report) {
    let lang = ctx.lang;
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
    // The grid keeps each row's height from the frame before, by position: once a category's
    // lines come or go, the positions hold other lines, so the grid is a new one for each set
    // of open categories.
    let mut categories: Vec<crate::domain::Category> =
        report.rows.iter().map(|r| r.indicator.category).collect();
    categories.dedup();
    let open: Vec<bool> = categories
        .iter()
        .map(|c| category_state(ui.ctx(), *c).is_open())
        .collect();
    egui::Grid::new(("report-table", open))
        .striped(true)
        .num_columns(headers.len())
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for key in headers {
                ui.label(egui::RichText::new(tr(lang, key)).strong());
            }
            ui.end_row();
            let mut category = None;
            let mut open = true;
            for (index, row) in report.rows.iter().enumerate() {
                if category != Some(row.indicator.category) {
                    category = Some(row.indicator.category);
                    open = category_ui(ui, row.indicator.category, lang);
                }
                if !open {
                    continue;
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
                    ctx.commands.push(Command::OpenTrend(id));
                }
                ui.label(row.indicator.unit.symbol_in(lang));
                let locale = ctx.locale();
                plan_cell(ui, row, locale);
                number_cell(ui, row.value_with_stage(locale));
                number_cell(
                    ui,
                    report::percent_text(row.assessment.percent, locale.style),
                );
                number_cell(
                    ui,
                    row.previous
                        .as_ref()
                        .map(|f| number::format_exact(f.value, locale.style)),
                );
                number_cell(ui, row.change.map(|c| report::change_text(c, locale)));
                let verdict = ui.label(
                    egui::RichText::new(row.verdict(lang))
                        .color(ctx.palette.status(row.assessment.status))
                        .strong(),
                );
                // How a consolidated line was added up: of which plan, which wards are missing.
                if let Some(note) = row
                    .consolidated
                    .as_ref()
                    .map(|c| c.note(ctx.locale()))
                    .filter(|n| !n.is_empty())
                {
                    verdict.on_hover_text(note);
                }
                ui.end_row();
            }
        });
}

/// A category's heading row: a toggle and the category's name, either of which opens or closes
/// its lines. Returns whether they are shown.
fn category_ui(ui: &mut egui::Ui, category: crate::domain::Category, lang: Lang) -> bool {
    let mut state = category_state(ui.ctx(), category);
    let toggle = state.show_toggle_button(ui, egui::collapsing_header::paint_default_icon);
    let name = ui
        .add(
            egui::Label::new(egui::RichText::new(category.name(lang)).strong())
                .sense(egui::Sense::click()),
        )
        .on_hover_cursor(egui::CursorIcon::PointingHand);
    if name.clicked() && !toggle.clicked() {
        state.toggle(ui);
    }
    let open = state.is_open();
    state.store(ui.ctx());
    ui.end_row();
    open
}

/// Whether a category's lines are open: open at first, then as last toggled.
fn category_state(
    ctx: &egui::Context,
    category: crate::domain::Category,
) -> egui::collapsing_header::CollapsingState {
    let id = egui::Id::unique(("dashboard-category", category));
    egui::collapsing_header::CollapsingState::load_with_default_open(ctx, id, true)
}

/// A plan: right-aligned as numbers are, a plan in words wrapped whole (never cut) so that the
/// table still fits a laptop screen. A derived plan carries its mark, as the value its stage
/// ("2.451,8 (suy ra)"), and says on hover that it was not published and how it was worked out
/// (the plan's note).
fn plan_cell(ui: &mut egui::Ui, row: &ReportRow, locale: Locale) {
    let lang = locale.lang;
    let text = row
        .plan_text_marked(locale)
        .unwrap_or_else(|| "–".to_owned());
    let derived = row.plan_is_derived();
    ui.scope(|ui| {
        ui.set_max_width(theme::PLAN_WIDTH);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let label = ui.add(egui::Label::new(text).wrap());
            if derived {
                let mut hover = tr(lang, "report.derived_hover");
                if let Some(note) = row
                    .plan
                    .as_ref()
                    .map(|p| p.note.trim())
                    .filter(|n| !n.is_empty())
                {
                    hover.push('\n');
                    hover.push_str(note);
                }
                label.on_hover_text(hover);
            }
        });
    });
}

/// A right-aligned number, or a dash where there is none.
fn number_cell(ui: &mut egui::Ui, text: Option<String>) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.label(text.unwrap_or_else(|| "–".to_owned()));
    });
}

/// The report sentences as the review writes them, with a copy button.
fn sentences_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
    let lang = ctx.lang;
    let sentences = session.report.sentences(ctx.locale());
    if sentences.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(tr(lang, "app.dashboard.sentences")).strong());
        if ui.button(tr(lang, "app.dashboard.copy")).clicked() {
            ctx.commands.push(Command::CopyText(sentences.join("\n")));
        }
    });
    for sentence in &sentences {
        ui.label(format!("• {sentence}."));
    }
}
