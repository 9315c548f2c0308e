//! Cài đặt → Sao lưu: the copies in the backups folder beside the database (when, why, size,
//! figures), "Sao lưu ngay", and restoring one (or another file) after a confirmation that says
//! where the file as it is now will be kept.

use std::path::PathBuf;

use crate::app::command::Command;
use crate::app::session::Session;
use crate::app::theme;
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::number;
use crate::store::{BackupInfo, BackupReason, KEEP_LAST};

/// The section's own state: the path typed, and the restore awaiting confirmation.
#[derive(Default)]
pub struct Backups {
    path: String,
    confirm: Option<PathBuf>,
}

impl Backups {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        ui.label(
            egui::RichText::new(tr(lang, "app.backup.title"))
                .heading()
                .strong(),
        );
        ui.label(
            egui::RichText::new(rust_i18n::t!(
                "app.backup.explain",
                locale = lang.code(),
                keep = KEEP_LAST
            ))
            .color(ctx.palette.reading),
        );
        ui.add_space(theme::GAP / 2.0);
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "app.backup.now")).clicked() {
                ctx.commands.push(Command::BackupNow);
            }
            let label = ui.label(tr(lang, "app.backup.other"));
            ui.add(
                egui::TextEdit::singleline(&mut self.path)
                    .desired_width(320.0)
                    .hint_text(tr(lang, "app.settings.path_hint")),
            )
            .labelled_by(label.id);
            let typed = self.path.trim();
            if ui
                .add_enabled(
                    !typed.is_empty(),
                    egui::Button::new(tr(lang, "app.backup.restore_path")),
                )
                .clicked()
            {
                self.confirm = Some(PathBuf::from(typed));
            }
            if ui.button(tr(lang, "app.backup.pick")).clicked()
                && let Some(path) = crate::app::dialogs::database_file(false, lang)
            {
                self.confirm = Some(path);
            }
        });
        ui.add_space(theme::GAP / 2.0);
        match &session.backups {
            None => {
                ui.label(tr(lang, "app.history.loading"));
                ctx.commands.push(Command::LoadBackups);
            }
            Some(backups) if backups.is_empty() => {
                ui.label(tr(lang, "app.backup.none"));
            }
            Some(backups) => self.list_ui(ui, ctx, backups),
        }
        self.confirm_ui(ui.ctx(), ctx, session);
    }

    fn list_ui(&mut self, ui: &mut egui::Ui, ctx: &ViewCtx<'_>, backups: &[BackupInfo]) {
        let lang = ctx.lang;
        egui::Grid::new("backups")
            .striped(true)
            .num_columns(5)
            .spacing([18.0, 6.0])
            .show(ui, |ui| {
                for key in [
                    "app.backup.when",
                    "app.backup.reason",
                    "app.backup.size",
                    "app.backup.figures",
                ] {
                    ui.label(egui::RichText::new(tr(lang, key)).strong());
                }
                ui.label("");
                ui.end_row();
                for backup in backups {
                    let when = backup.at.strftime("%d/%m/%Y %H:%M:%S").to_string();
                    let file = backup
                        .path
                        .file_name()
                        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                    ui.label(when).on_hover_text(&file);
                    ui.label(
                        BackupReason::from_code(&backup.reason)
                            .map_or_else(|| backup.reason.clone(), |r| r.name(lang)),
                    );
                    let kib = usize::try_from(backup.size.div_ceil(1024)).unwrap_or(usize::MAX);
                    ui.label(format!("{} KiB", number::format_count(kib, ctx.style)));
                    ui.label(backup.figures.map_or_else(
                        || tr(lang, "app.backup.unreadable"),
                        |n| number::format_count(usize::try_from(n).unwrap_or(0), ctx.style),
                    ));
                    let restore = ui.add(egui::Button::new(tr(lang, "app.backup.restore")));
                    restore.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("{} {file}", tr(lang, "app.backup.restore")),
                        )
                    });
                    if restore.clicked() {
                        self.confirm = Some(backup.path.clone());
                    }
                    ui.end_row();
                }
            });
    }

    /// "Khôi phục từ …?": what will replace the file, and where the file as it is is kept.
    fn confirm_ui(&mut self, egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>, session: &Session) {
        let Some(path) = self.confirm.clone() else {
            return;
        };
        let lang = ctx.lang;
        let folder = session
            .store
            .path()
            .parent()
            .map(|p| p.join("backups"))
            .unwrap_or_default();
        let modal = egui::Modal::new(egui::Id::unique("restore-confirm")).show(egui_ctx, |ui| {
            ui.set_max_width(theme::PROSE_WIDTH);
            ui.heading(tr(lang, "app.backup.confirm_title"));
            ui.label(rust_i18n::t!(
                "app.backup.confirm_body",
                locale = lang.code(),
                source = path.display(),
                db = session.store.path().display(),
                folder = folder.display()
            ));
            ui.add_space(theme::GAP);
            crate::app::dialogs::yes_no(
                ui,
                egui::Button::new(tr(lang, "app.backup.confirm")),
                true,
                &tr(lang, "app.lock.cancel"),
            )
        });
        match crate::app::dialogs::answer(&modal) {
            Some(true) => {
                self.confirm = None;
                ctx.commands.push(Command::Restore(path));
            }
            Some(false) => self.confirm = None,
            None => {}
        }
    }
}
