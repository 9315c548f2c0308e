//! The window's questions and file dialogs: the unsaved-changes question (before a command
//! that would drop edits, or before closing), and the system's file dialogs, which answer
//! `None` when cancelled or when none can open here (the views then offer a typed path).

use std::path::PathBuf;

use super::command::Command;
use super::{WardKpiApp, theme, tr};
use crate::domain::Lang;

/// A question's two buttons side by side: `Some(true)` when `yes` is clicked, `Some(false)` for
/// `no`, `None` while unanswered. `yes` is a button so that a caller may disable it.
pub fn yes_no(
    ui: &mut egui::Ui,
    yes: egui::Button<'_>,
    yes_enabled: bool,
    no: &str,
) -> Option<bool> {
    ui.horizontal(|ui| {
        if ui.add_enabled(yes_enabled, yes).clicked() {
            Some(true)
        } else if ui.button(no).clicked() {
            Some(false)
        } else {
            None
        }
    })
    .inner
}

/// A modal question's answer: closing it (Escape, a click outside) is a no.
pub fn answer(modal: &egui::ModalResponse<Option<bool>>) -> Option<bool> {
    if modal.should_close() {
        Some(false)
    } else {
        modal.inner
    }
}

impl WardKpiApp {
    /// Asks before a command that would drop unsaved edits.
    pub(super) fn confirm_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = self.confirm.clone() else {
            return;
        };
        let lang = self.lang();
        let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
        let modal = egui::Modal::new(egui::Id::unique("discard-edits")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(t("app.confirm.title"));
            ui.label(t("app.confirm.body"));
            ui.add_space(theme::GAP);
            yes_no(
                ui,
                egui::Button::new(t("app.confirm.discard")),
                true,
                &t("app.confirm.keep"),
            )
        });
        match answer(&modal) {
            Some(true) => {
                self.confirm = None;
                let style = self.prefs.number_style();
                if let Some(session) = &mut self.session {
                    session.form.set_format(lang, style);
                }
                self.commands.insert(0, Command::DiscardEdits);
                self.commands.insert(1, pending);
            }
            Some(false) => self.confirm = None,
            None => {}
        }
    }

    /// Intercepts the window's close button while edits are unsaved: the close is cancelled
    /// and the unsaved-changes question asked; "discard" then closes for real.
    /// While a job runs the window stays open and says why: closing would stop an import
    /// (rolled back, unseen) or an export halfway.
    pub fn handle_close_request(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && self.job.is_some() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.closing = false;
            self.info(tr(self.lang(), "app.jobs.closing"));
            return;
        }
        let dirty = self.session.as_ref().is_some_and(|s| s.form.is_dirty());
        if requested && dirty && !self.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.confirm = Some(Command::Quit);
        }
    }
}

/// The system's dialog to open a database, or to name a new one.
pub fn database_file(new: bool, lang: Lang) -> Option<PathBuf> {
    let dialog = rfd::FileDialog::new()
        .set_title(tr(
            lang,
            if new {
                "app.settings.new"
            } else {
                "app.settings.open"
            },
        ))
        .add_filter("ward-kpi", &["db", "sqlite"]);
    if new {
        dialog.set_file_name("ward-kpi.db").save_file()
    } else {
        dialog.pick_file()
    }
}

/// The system's dialog to name the file an export writes, `file_name` offered.
pub fn export_file(file_name: &str, format: crate::export::Format) -> Option<PathBuf> {
    rfd::FileDialog::new()
        .set_file_name(file_name)
        .add_filter(format.extension(), &[format.extension()])
        .save_file()
}

/// The system's dialog to choose a table to import.
pub fn import_file() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter(
            "Excel, Word, CSV",
            &["xlsx", "xls", "ods", "docx", "csv", "txt"],
        )
        .pick_file()
}
