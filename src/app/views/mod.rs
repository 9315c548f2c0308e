//! The views of the window and the shell around them: the bar of views, the ward and year
//! pickers, the notice. Each view is a type with a `ui` function in its own file.

pub mod catalogue;
pub mod dashboard;
pub mod entry;
pub mod import;
pub mod meeting;
pub mod settings;
pub mod trends;

pub use super::view::View;

use super::command::Command;
use super::prefs::Prefs;
use super::session::Session;
use super::theme::{self, Palette};
use super::{Notice, tr};
use crate::domain::Lang;

/// Each view's own state (text being typed, selections).
#[derive(Default)]
pub struct Views {
    pub dashboard: dashboard::Dashboard,
    pub entry: entry::Entry,
    pub trends: trends::Trends,
    pub catalogue: catalogue::Catalogue,
    pub settings: settings::Settings,
}

/// What the shell needs for one frame.
pub struct Shell<'a> {
    pub prefs: &'a Prefs,
    pub session: Option<&'a mut Session>,
    pub notice: &'a mut Option<Notice>,
    pub views: &'a mut Views,
    pub palette: Palette,
    pub lang: Lang,
}

/// The shell: the bar on top, the notice under it, the current view in the middle.
pub fn shell_ui(ui: &mut egui::Ui, shell: &mut Shell<'_>, commands: &mut Vec<Command>) {
    let lang = shell.lang;
    egui::Panel::top("top-bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new("ward-kpi").strong());
            ui.separator();
            let dirty = shell.session.as_ref().is_some_and(|s| s.form.is_dirty());
            for view in View::ALL {
                let mut title = view.title(lang);
                if view == View::Entry && dirty {
                    title.push_str(" •");
                }
                if ui
                    .selectable_label(shell.prefs.view == view, title)
                    .clicked()
                {
                    commands.push(Command::ShowView(view));
                }
            }
            ui.separator();
            if let Some(session) = shell.session.as_deref() {
                pickers_ui(ui, session, lang, commands);
                if session.synthetic {
                    ui.label(
                        egui::RichText::new(tr(lang, "app.synthetic"))
                            .color(shell.palette.synthetic)
                            .strong(),
                    );
                }
                if ui.button(tr(lang, "app.meeting.start")).clicked() {
                    commands.push(Command::EnterMeeting);
                }
            }
        });
        ui.add_space(4.0);
    });
    if let Some(notice) = shell.notice.clone() {
        egui::Panel::top("notice").show(ui, |ui| {
            ui.horizontal(|ui| {
                let color = if notice.error {
                    shell.palette.error
                } else {
                    shell.palette.exceeded
                };
                ui.label(egui::RichText::new(&notice.text).color(color).strong());
                if ui.small_button(tr(lang, "app.notice.dismiss")).clicked() {
                    *shell.notice = None;
                }
            });
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let view = if shell.session.is_some() {
            shell.prefs.view
        } else {
            View::Settings
        };
        match (view, shell.session.as_deref_mut()) {
            (View::Settings, session) => {
                shell
                    .views
                    .settings
                    .ui(ui, shell.prefs, session.as_deref(), lang, commands);
            }
            (_, None) => {}
            (View::Dashboard, Some(session)) => {
                shell
                    .views
                    .dashboard
                    .ui(ui, session, lang, &shell.palette, commands);
            }
            (View::Entry, Some(session)) => {
                shell
                    .views
                    .entry
                    .ui(ui, session, lang, &shell.palette, commands);
            }
            (View::Trends, Some(session)) => {
                shell
                    .views
                    .trends
                    .ui(ui, session, lang, &shell.palette, commands);
            }
            (View::Catalogue, Some(session)) => {
                shell
                    .views
                    .catalogue
                    .ui(ui, session, lang, &shell.palette, commands);
            }
        }
    });
}

/// The ward shown, among those that existed in the year, labelled by `label`.
pub fn ward_picker_ui(
    ui: &mut egui::Ui,
    id: &str,
    label: egui::Id,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    egui::ComboBox::from_id_salt(id)
        .selected_text(&session.unit.name)
        .width(240.0)
        .show_ui(ui, |ui| {
            for (_, unit) in &session.wards {
                if ui
                    .selectable_label(unit.code == session.unit.code, &unit.name)
                    .clicked()
                    && unit.code != session.unit.code
                {
                    commands.push(Command::SetWard(unit.code.clone()));
                }
            }
        })
        .response
        .labelled_by(label);
}

/// The ward and year shown.
fn pickers_ui(ui: &mut egui::Ui, session: &Session, lang: Lang, commands: &mut Vec<Command>) {
    let ward_label = ui.label(tr(lang, "app.ward"));
    ward_picker_ui(ui, "ward-picker", ward_label.id, session, commands);
    let year_label = ui.label(tr(lang, "app.year"));
    egui::ComboBox::from_id_salt("year-picker")
        .selected_text(session.year.to_string())
        .width(80.0)
        .show_ui(ui, |ui| {
            let mut years = session.years.clone();
            let this_year = super::session::this_year();
            for year in (this_year - 10)..=this_year {
                if session.unit.valid_in(year) && !years.contains(&year) {
                    years.push(year);
                }
            }
            years.sort_unstable_by(|a, b| b.cmp(a));
            for year in years {
                if ui
                    .selectable_label(year == session.year, year.to_string())
                    .clicked()
                    && year != session.year
                {
                    commands.push(Command::SetYear(year));
                }
            }
        })
        .response
        .labelled_by(year_label.id);
    ui.add_space(theme::GAP);
}
