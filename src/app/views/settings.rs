//! Settings: language, light or dark, the ward shown, and the database file (open another or
//! start a new one, through the system's file dialog or by typing the path where no dialog can
//! open).

use std::path::PathBuf;

use crate::app::command::Command;
use crate::app::dialogs;
use crate::app::session::Session;
use crate::app::theme::{self, ThemeChoice};
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::Lang;

/// The settings view's own state: the path being typed.
#[derive(Default)]
pub struct Settings {
    path: String,
    /// Shown when the file dialog could not open.
    no_dialog: bool,
}

impl Settings {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: Option<&Session>) {
        let (lang, prefs) = (ctx.lang, ctx.prefs);
        ui.heading(tr(lang, "app.view.settings"));
        ui.add_space(theme::GAP);
        egui::Grid::new("settings")
            .num_columns(2)
            .spacing([24.0, 12.0])
            .show(ui, |ui| {
                ui.label(tr(lang, "app.settings.language"));
                ui.horizontal(|ui| {
                    for choice in Lang::ALL {
                        if ui
                            .radio(prefs.lang == choice, choice.native_name())
                            .clicked()
                        {
                            ctx.commands.push(Command::SetLang(choice));
                        }
                    }
                });
                ui.end_row();

                ui.label(tr(lang, "app.settings.theme"));
                ui.horizontal(|ui| {
                    for (choice, key) in [
                        (ThemeChoice::Light, "app.settings.light"),
                        (ThemeChoice::Dark, "app.settings.dark"),
                    ] {
                        if ui.radio(prefs.theme == choice, tr(lang, key)).clicked() {
                            ctx.commands.push(Command::SetTheme(choice));
                        }
                    }
                });
                ui.end_row();

                if let Some(session) = session {
                    let label = ui.label(tr(lang, "app.ward"));
                    super::ward_picker_ui(ui, ctx, "settings-ward", label.id, session);
                    ui.end_row();
                }

                let label = ui.label(tr(lang, "app.settings.database"));
                ui.vertical(|ui| {
                    let current = session.map_or_else(
                        || tr(lang, "app.settings.none"),
                        |s| s.store.path().display().to_string(),
                    );
                    ui.label(egui::RichText::new(current).monospace());
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, "app.settings.open")).clicked() {
                            match dialogs::database_file(false, lang) {
                                Some(path) => ctx.commands.push(Command::OpenDatabase(path)),
                                None => self.no_dialog = true,
                            }
                        }
                        if ui.button(tr(lang, "app.settings.new")).clicked() {
                            match dialogs::database_file(true, lang) {
                                Some(path) => ctx.commands.push(Command::NewDatabase(path)),
                                None => self.no_dialog = true,
                            }
                        }
                    });
                    ui.horizontal(|ui| {
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(&mut self.path)
                                    .desired_width(360.0)
                                    .hint_text(tr(lang, "app.settings.path_hint")),
                            )
                            .labelled_by(label.id);
                        let path = self.path.trim();
                        let typed = (!path.is_empty()).then(|| PathBuf::from(path));
                        if ui
                            .add_enabled(
                                typed.is_some(),
                                egui::Button::new(tr(lang, "app.settings.open_path")),
                            )
                            .clicked()
                            && let Some(path) = typed.clone()
                        {
                            ctx.commands.push(Command::OpenDatabase(path));
                        }
                        if ui
                            .add_enabled(
                                typed.is_some(),
                                egui::Button::new(tr(lang, "app.settings.new_path")),
                            )
                            .clicked()
                            && let Some(path) = typed
                        {
                            ctx.commands.push(Command::NewDatabase(path));
                        }
                        field
                    });
                    if self.no_dialog {
                        ui.label(tr(lang, "app.settings.no_dialog"));
                    }
                });
                ui.end_row();
            });
        ui.add_space(theme::GAP);
        ui.label(
            egui::RichText::new(tr(lang, "app.settings.keys"))
                .small()
                .weak(),
        );
    }
}
