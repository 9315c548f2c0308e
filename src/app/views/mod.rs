//! The views of the window and the shell around them: the bar of views, the ward and year
//! pickers, the notice. Each view is a type with a `ui` function in its own file.

pub mod backups;
pub mod catalogue;
pub mod compare;
mod ctx;
pub mod dashboard;
pub mod entry;
pub mod handout;
pub mod history;
pub mod import;
pub mod letterhead;
pub mod locking;
pub mod meeting;
pub mod settings;
pub mod trends;

pub use super::view::View;
pub use ctx::ViewCtx;

use super::command::Command;
use super::session::{Session, WardChoice};
use super::theme;
use super::{Notice, tr};

/// Each view's own state (text being typed, selections).
#[derive(Default)]
pub struct Views {
    pub dashboard: dashboard::Dashboard,
    pub entry: entry::Entry,
    pub trends: trends::Trends,
    pub catalogue: catalogue::Catalogue,
    pub history: history::History,
    pub compare: compare::Compare,
    pub settings: settings::Settings,
}

/// What the shell shows around the views, besides the frame's context.
pub struct Shell<'a> {
    pub session: Option<&'a mut Session>,
    pub ward_choice: Option<&'a WardChoice>,
    pub notice: &'a mut Option<Notice>,
    pub views: &'a mut Views,
}

/// The shell: the bar on top, the notice under it, the current view in the middle.
pub fn shell_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, shell: &mut Shell<'_>) {
    let lang = ctx.lang;
    // Without an open database only the settings can show, and the bar says so.
    let shown = if shell.session.is_some() {
        ctx.prefs.view
    } else {
        View::Settings
    };
    egui::Panel::top("top-bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            // On a narrow window the bar takes a second row: each item moves whole, none is
            // split over two rows.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
            ui.label(egui::RichText::new("ward-kpi").strong());
            ui.separator();
            let dirty = shell.session.as_ref().is_some_and(|s| s.form.is_dirty());
            for view in View::ALL {
                let mut title = view.title(lang);
                if view == View::Entry && dirty {
                    title.push_str(" •");
                }
                if ui.selectable_label(shown == view, title).clicked() {
                    ctx.commands.push(Command::ShowView(view));
                }
            }
            ui.separator();
            if let Some(session) = shell.session.as_deref() {
                pickers_ui(ui, ctx, session);
                if ui.button(tr(lang, "app.meeting.start")).clicked() {
                    ctx.commands.push(Command::EnterMeeting);
                }
                if session.synthetic {
                    ui.label(
                        egui::RichText::new(tr(lang, "app.synthetic"))
                            .color(ctx.palette.synthetic)
                            .strong(),
                    );
                }
            }
        });
        ui.add_space(4.0);
    });
    if let Some(notice) = shell.notice.clone() {
        egui::Panel::top("notice").show(ui, |ui| {
            // The button first, the text wrapped after it: a long message is read whole and
            // the button stays in reach.
            ui.horizontal(|ui| {
                let color = if notice.error {
                    ctx.palette.error
                } else {
                    ctx.palette.exceeded
                };
                if ui.small_button(tr(lang, "app.notice.dismiss")).clicked() {
                    *shell.notice = None;
                }
                ui.add(
                    egui::Label::new(egui::RichText::new(&notice.text).color(color).strong())
                        .wrap(),
                );
            });
        });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        let views = &mut shell.views;
        match (shown, shell.session.as_deref_mut()) {
            (View::Settings, session) => {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        views
                            .settings
                            .ui(ui, ctx, session.as_deref(), shell.ward_choice);
                    });
            }
            (_, None) => {}
            (View::Dashboard, Some(session)) => views.dashboard.ui(ui, ctx, session),
            (View::Entry, Some(session)) => views.entry.ui(ui, ctx, session),
            (View::Trends, Some(session)) => views.trends.ui(ui, ctx, session),
            (View::Catalogue, Some(session)) => views.catalogue.ui(ui, ctx, session),
            (View::History, Some(session)) => views.history.ui(ui, ctx, session),
            (View::Compare, Some(session)) => views.compare.ui(ui, ctx, session),
        }
    });
}

/// The unit shown, labelled by `label`: the wards that existed in the year, after the provinces
/// and cities (whose reports add up their wards) when `with_parents`.
pub fn ward_picker_ui(
    ui: &mut egui::Ui,
    ctx: &mut ViewCtx<'_>,
    (id, label): (&str, egui::Id),
    session: &Session,
    with_parents: bool,
) {
    let parents = if with_parents {
        session.parents.as_slice()
    } else {
        &[]
    };
    egui::ComboBox::from_id_salt(id)
        .selected_text(&session.unit.name)
        .width(200.0)
        .show_ui(ui, |ui| {
            for (_, unit) in parents.iter().chain(&session.wards) {
                if ui
                    .selectable_label(unit.code == session.unit.code, &unit.name)
                    .clicked()
                    && unit.code != session.unit.code
                {
                    ctx.commands.push(Command::SetWard(unit.code.clone()));
                }
            }
        })
        .response
        .labelled_by(label);
}

/// The ward and year shown.
fn pickers_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
    let lang = ctx.lang;
    // Each label stays with its picker when the bar wraps: a pair that does not fit the rest
    // of the row starts the next.
    let unit_label = tr(lang, "app.unit");
    let picker = (text_width(ui, &session.unit.name) + 40.0).max(200.0);
    keep_together(ui, text_width(ui, &unit_label) + picker);
    ui.horizontal(|ui| {
        let ward_label = ui.label(unit_label);
        ward_picker_ui(ui, ctx, ("ward-picker", ward_label.id), session, true);
    });
    keep_together(ui, text_width(ui, &tr(lang, "app.year")) + 100.0);
    ui.horizontal(|ui| year_picker_ui(ui, ctx, session));
    ui.add_space(theme::GAP);
}

/// The width of a line of body text.
fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.ctx().fonts_mut(|fonts| {
        fonts
            .layout_no_wrap(text.to_owned(), font, egui::Color32::PLACEHOLDER)
            .size()
            .x
    })
}

/// In a wrapping row: starts the next row unless `width` (and the gaps around it) still fit.
fn keep_together(ui: &mut egui::Ui, width: f32) {
    if ui.available_size_before_wrap().x < width + 2.0 * ui.spacing().item_spacing.x {
        ui.end_row();
    }
}

/// The year picker, after its label.
fn year_picker_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, session: &Session) {
    let year_label = ui.label(tr(ctx.lang, "app.year"));
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
                    ctx.commands.push(Command::SetYear(year));
                }
            }
        })
        .response
        .labelled_by(year_label.id);
}
