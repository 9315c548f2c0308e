//! The question Save asks once for every value a plausibility rule doubts: a modal listing
//! each flagged value (indicator, column, value, why), "Lưu" writes them all the same, "Quay
//! lại" goes back to the grid, where the flagged cells stay marked until retyped.

use super::command::Command;
use super::entry_form::{CellAt, Column, EntryForm};
use super::{WardKpiApp, theme, tr};
use crate::domain::Locale;
use crate::domain::number;
use crate::edit::{Flag, RowEdit};

/// A save waiting for the user's word on its flagged values.
#[derive(Clone, Debug, PartialEq)]
pub struct SaveAsk {
    /// The edits to write once agreed.
    pub edits: Vec<RowEdit<CellAt>>,
    /// Each flagged value, as the modal lists it.
    pub lines: Vec<FlagLine>,
}

/// One flagged value as the modal lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlagLine {
    pub indicator: String,
    pub column: Column,
    pub value: String,
    pub why: String,
}

impl SaveAsk {
    /// The question for `flags` of the form's `edits`; the form's flagged cells are marked.
    pub fn new(
        edits: Vec<RowEdit<CellAt>>,
        flags: &[Flag<CellAt>],
        form: &mut EntryForm,
        locale: Locale,
    ) -> Self {
        let mut lines = Vec::new();
        for flag in flags {
            let (row, column) = flag.at;
            let Some(entry) = form.rows.get(row) else {
                continue;
            };
            let unit = &entry.indicator.unit;
            let why = flag.message(unit, locale);
            lines.push(FlagLine {
                indicator: entry.indicator.name(locale.lang).to_owned(),
                column,
                value: number::format_with_unit(flag.value, unit, locale.lang, locale.style),
                why: why.clone(),
            });
            form.flag(flag.at, why);
        }
        Self { edits, lines }
    }
}

impl WardKpiApp {
    /// Asks once before writing values a plausibility rule doubts.
    pub(super) fn save_ask_ui(&mut self, ctx: &egui::Context) {
        let Some(ask) = &self.save_ask else {
            return;
        };
        let lang = self.lang();
        let t = |key: &str| tr(lang, key);
        let modal = egui::Modal::new(egui::Id::unique("save-flagged")).show(ctx, |ui| {
            ui.set_max_width(theme::PROSE_WIDTH + 200.0);
            ui.heading(t("app.flags.title"));
            ui.label(rust_i18n::t!(
                "app.flags.body",
                locale = lang.code(),
                count = ask.lines.len()
            ));
            ui.add_space(theme::GAP / 2.0);
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.5)
                .show(ui, |ui| {
                    egui::Grid::new("save-flagged-list")
                        .striped(true)
                        .spacing([12.0, 6.0])
                        .show(ui, |ui| {
                            for key in ["app.table.indicator", "app.flags.value", "app.flags.why"] {
                                ui.label(egui::RichText::new(t(key)).strong());
                            }
                            ui.end_row();
                            for line in &ask.lines {
                                ui.vertical(|ui| {
                                    ui.set_max_width(theme::NAME_WIDTH);
                                    ui.add(egui::Label::new(&line.indicator).wrap());
                                    ui.label(egui::RichText::new(line.column.title(lang)).small());
                                });
                                ui.label(&line.value);
                                ui.vertical(|ui| {
                                    ui.set_max_width(theme::PLAN_CELL_MAX_WIDTH);
                                    ui.add(egui::Label::new(&line.why).wrap());
                                });
                                ui.end_row();
                            }
                        });
                });
            ui.add_space(theme::GAP);
            super::dialogs::yes_no(
                ui,
                egui::Button::new(t("app.flags.save")),
                true,
                &t("app.flags.back"),
            )
        });
        match super::dialogs::answer(&modal) {
            Some(true) => {
                if let Some(ask) = self.save_ask.take() {
                    self.commands.push(Command::SaveFlagged(ask.edits));
                }
            }
            Some(false) => self.save_ask = None,
            None => {}
        }
    }
}
