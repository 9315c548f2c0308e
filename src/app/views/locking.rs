//! Chốt số liệu in the window: the locks that hold the shown year, said above the grid, and the
//! dialogs that lock a part of the year or lift a lock, each asking why. The store makes a
//! backup before either (see [`crate::store::BackupReason`]).

use crate::app::command::Command;
use crate::app::session::Session;
use crate::app::theme;
use crate::app::tr;
use crate::app::views::ViewCtx;
use crate::domain::{Lang, Lock, LockPart};

/// The lock dialog being filled in, if any.
#[derive(Default)]
pub struct Locking {
    dialog: Option<Dialog>,
}

struct Dialog {
    unlock: bool,
    part: LockPart,
    reason: String,
}

impl Locking {
    /// The locks of the year, each one line, and the buttons that lock and unlock.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
        let lang = ctx.lang;
        let locks = &session.report.locks;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(tr(lang, "app.lock.lock_button"))
                .on_hover_text(tr(lang, "app.lock.lock_hint"))
                .clicked()
            {
                self.dialog = Some(Dialog {
                    unlock: false,
                    part: LockPart::All,
                    reason: String::new(),
                });
            }
            if !locks.is_empty() && ui.button(tr(lang, "app.lock.unlock_button")).clicked() {
                self.dialog = Some(Dialog {
                    unlock: true,
                    part: locks[0].part,
                    reason: String::new(),
                });
            }
            status_ui(ui, ctx, session);
        });
        self.dialog_ui(ui.ctx(), ctx, session);
    }

    fn dialog_ui(&mut self, egui_ctx: &egui::Context, ctx: &mut ViewCtx<'_>, session: &Session) {
        let Some(dialog) = &mut self.dialog else {
            return;
        };
        let lang = ctx.lang;
        let parts: Vec<LockPart> = if dialog.unlock {
            let mut held: Vec<LockPart> = session.report.locks.iter().map(|l| l.part).collect();
            if held.len() > 1 && !held.contains(&LockPart::All) {
                held.insert(0, LockPart::All);
            }
            held
        } else {
            LockPart::ALL.to_vec()
        };
        let key = if dialog.unlock {
            "app.lock.unlock_title"
        } else {
            "app.lock.lock_title"
        };
        let modal = egui::Modal::new(egui::Id::unique("lock-dialog")).show(egui_ctx, |ui| {
            ui.set_max_width(theme::PROSE_WIDTH);
            ui.heading(rust_i18n::t!(
                key,
                locale = lang.code(),
                year = session.year,
                unit = session.unit.name
            ));
            ui.add_space(theme::GAP / 2.0);
            ui.horizontal(|ui| {
                let label = ui.label(tr(lang, "app.lock.part"));
                egui::ComboBox::from_id_salt("lock-part")
                    .selected_text(part_name(dialog.part, lang))
                    .show_ui(ui, |ui| {
                        for part in &parts {
                            ui.selectable_value(&mut dialog.part, *part, part_name(*part, lang));
                        }
                    })
                    .response
                    .labelled_by(label.id);
            });
            let reason_label = ui.label(tr(lang, "app.lock.reason"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut dialog.reason)
                        .desired_width(theme::PROSE_WIDTH - 40.0)
                        .hint_text(tr(lang, "app.lock.reason_hint")),
                )
                .labelled_by(reason_label.id);
            if ui.memory(|m| m.focused().is_none()) {
                field.request_focus();
            }
            ui.label(
                egui::RichText::new(tr(lang, "app.lock.backup_first"))
                    .small()
                    .color(ctx.palette.reading),
            );
            ui.add_space(theme::GAP);
            let ready = !dialog.reason.trim().is_empty();
            let go_key = if dialog.unlock {
                "app.lock.unlock"
            } else {
                "app.lock.lock"
            };
            crate::app::dialogs::yes_no(
                ui,
                egui::Button::new(tr(lang, go_key)),
                ready,
                &tr(lang, "app.lock.cancel"),
            )
        });
        match crate::app::dialogs::answer(&modal) {
            Some(true) => {
                if let Some(dialog) = self.dialog.take() {
                    let reason = dialog.reason.trim().to_owned();
                    ctx.commands.push(if dialog.unlock {
                        Command::Unlock {
                            part: dialog.part,
                            reason,
                        }
                    } else {
                        Command::Lock {
                            part: dialog.part,
                            reason,
                        }
                    });
                }
            }
            Some(false) => self.dialog = None,
            None => {}
        }
    }
}

/// The locks of the shown year, one line each; or, when none holds and one was lifted, how many
/// values changed since it was made. Nothing when the year was never locked.
pub fn status_ui(ui: &mut egui::Ui, ctx: &ViewCtx<'_>, session: &Session) {
    let lang = ctx.lang;
    for lock in &session.report.locks {
        ui.label(egui::RichText::new(held_line(lock, lang)).color(ctx.palette.warning));
    }
    if session.report.locks.is_empty()
        && let Some((lock, changed)) = &session.since_unlock
        && let Some(unlocked) = &lock.unlocked
    {
        ui.label(
            egui::RichText::new(rust_i18n::t!(
                "lock.changed_since",
                locale = lang.code(),
                count = changed,
                day = lock.locked.day(),
                unlocked = unlocked.day(),
                reason = unlocked.reason
            ))
            .color(ctx.palette.reading),
        );
    }
}

/// "Số liệu ước đạt đã chốt ngày 20/12/2021 (lan: đã gửi báo cáo ước)".
fn held_line(lock: &Lock, lang: Lang) -> String {
    let day = match lock.part {
        LockPart::All => {
            rust_i18n::t!(
                "lock.locked_on",
                locale = lang.code(),
                day = lock.locked.day()
            )
        }
        part => rust_i18n::t!(
            "lock.part_locked_on",
            locale = lang.code(),
            part = part.name(lang),
            day = lock.locked.day()
        ),
    };
    format!("{day} ({}: {})", lock.locked.who, lock.locked.reason)
}

/// A part in the dialog's list: "Cả năm", "Kế hoạch", "Ước đạt".
fn part_name(part: LockPart, lang: Lang) -> String {
    let name = part.name(lang);
    let mut letters = name.chars();
    letters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(letters).collect()
    })
}

/// The tooltip of a locked cell: who locked it, when and why, and how to change it.
pub fn cell_hint(lock: &Lock, lang: Lang) -> String {
    lock.refusal(lang)
}
