//! Settings: language, light or dark, the ward shown, and the database file (open another or
//! start a new one, through the system's file dialog or by typing the path where no dialog can
//! open), its backups (see `backups.rs`). A database without a home ward (a new one) opens
//! here, on the choice of that ward.

use std::path::PathBuf;

use crate::app::command::Command;
use crate::app::dialogs;
use crate::app::session::{Session, WardChoice};
use crate::app::theme::{self, ThemeChoice};
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::{AdminUnit, Lang};

/// The settings view's own state: the path being typed, the home ward being chosen.
#[derive(Default)]
pub struct Settings {
    path: String,
    /// Shown when the file dialog could not open.
    no_dialog: bool,
    /// The code of the ward picked as home ward, before it is confirmed.
    home_ward: Option<crate::domain::AdminUnit>,
    /// The backups section.
    backups: super::backups::Backups,
    /// The Word reports' letterhead section.
    pub letterhead: super::letterhead::LetterheadForm,
}

impl Settings {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &mut ViewCtx<'_>,
        session: Option<&Session>,
        ward_choice: Option<&WardChoice>,
    ) {
        let (lang, prefs) = (ctx.lang, ctx.prefs);
        ui.heading(tr(lang, "app.view.settings"));
        ui.add_space(theme::GAP);
        if let Some(choice) = ward_choice {
            self.home_ward_ui(ui, ctx, choice);
            ui.add_space(theme::GAP);
        }
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

                ui.label(tr(lang, "app.settings.number_style"));
                ui.horizontal(|ui| {
                    let follows = rust_i18n::t!(
                        "app.settings.style_of_language",
                        locale = lang.code(),
                        style = crate::domain::number::NumberStyle::from(lang).name(lang)
                    );
                    let choices = std::iter::once((None, follows.into_owned())).chain(
                        crate::domain::number::NumberStyle::ALL
                            .into_iter()
                            .map(|s| (Some(s), s.name(lang))),
                    );
                    for (choice, name) in choices {
                        if ui.radio(prefs.number_style == choice, name).clicked()
                            && prefs.number_style != choice
                        {
                            ctx.commands.push(Command::SetNumberStyle(choice));
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
                    super::ward_picker_ui(ui, ctx, ("settings-ward", label.id), session, false);
                    ui.end_row();
                }

                let label = ui.label(tr(lang, "app.settings.database"));
                ui.vertical(|ui| {
                    let store = session.map(|s| &s.store).or(ward_choice.map(|c| &c.store));
                    let current = store.map_or_else(
                        || tr(lang, "app.settings.none"),
                        |s| s.path().display().to_string(),
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
        if let Some(session) = session {
            ui.add_space(theme::GAP);
            ui.separator();
            self.letterhead.ui(ui, ctx, session);
            ui.add_space(theme::GAP);
            ui.separator();
            self.backups.ui(ui, ctx, session);
        }
        ui.add_space(theme::GAP);
        ui.label(
            egui::RichText::new(tr(lang, "app.settings.keys"))
                .small()
                .weak(),
        );
    }
}

impl Settings {
    /// The choice of a new database's home ward: one line a ward, with its years where it was
    /// merged, and a button to confirm.
    fn home_ward_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, choice: &WardChoice) {
        let lang = ctx.lang;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_max_width(theme::PROSE_WIDTH);
            ui.label(
                egui::RichText::new(tr(lang, "app.home_ward.title"))
                    .heading()
                    .strong(),
            );
            ui.label(tr(lang, "app.home_ward.body"));
            ui.add_space(theme::GAP / 2.0);
            if choice.wards.is_empty() {
                ui.label(tr(lang, "app.home_ward.none"));
                return;
            }
            for ward in &choice.wards {
                // Codes are reused across the merger: a line is the code and its validity.
                let picked = self.home_ward.as_ref() == Some(ward);
                if ui.radio(picked, ward_line(ward, lang)).clicked() {
                    self.home_ward = Some(ward.clone());
                }
            }
            ui.add_space(theme::GAP / 2.0);
            let button = egui::Button::new(tr(lang, "app.home_ward.use"));
            if ui.add_enabled(self.home_ward.is_some(), button).clicked()
                && let Some(ward) = self.home_ward.take()
            {
                ctx.commands.push(Command::SetHomeWard(ward));
            }
        });
    }
}

/// A ward as the choice lists it: "Phường Điện Biên Phủ (03127), từ 01/07/2025".
fn ward_line(ward: &AdminUnit, lang: Lang) -> String {
    let date = |d: jiff::civil::Date| d.strftime("%d/%m/%Y").to_string();
    let mut line = format!("{} ({})", ward.name, ward.code);
    let period = match (ward.valid_from, ward.valid_to) {
        (Some(from), Some(to)) => Some(format!("{} – {}", date(from), date(to))),
        (Some(from), None) => Some(
            rust_i18n::t!(
                "app.home_ward.from",
                locale = lang.code(),
                date = date(from)
            )
            .into_owned(),
        ),
        (None, Some(to)) => Some(
            rust_i18n::t!("app.home_ward.until", locale = lang.code(), date = date(to))
                .into_owned(),
        ),
        (None, None) => None,
    };
    if let Some(period) = period {
        line.push_str(", ");
        line.push_str(&period);
    }
    line
}
