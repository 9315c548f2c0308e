//! The window: eframe/egui over the same core as the command line. Views draw and push
//! [`Command`]s; the app applies them after the frame, in one place, and shows any error once,
//! in a notice.

mod apply;
pub mod command;
pub mod dialogs;
pub mod entry_form;
pub mod fonts;
pub mod jobs;
mod jobs_ui;
mod keys;
pub mod prefs;
pub mod save_ask;
pub mod session;
pub mod theme;
pub mod view;
pub mod views;
pub mod widgets;

use std::path::PathBuf;

use command::Command;
use prefs::Prefs;
use session::{Session, WardChoice};
use theme::ThemeChoice;

use crate::domain::Lang;
use crate::domain::number::NumberStyle;
use crate::store::Store;

/// How the window was started.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// `--db FILE`, over the remembered file.
    pub db: Option<PathBuf>,
    /// `--lang`, over the remembered language.
    pub lang: Option<Lang>,
    /// Close after the first frame, saying on stderr how long the start took (for measuring it).
    pub quit_after_first_frame: bool,
    /// When the process started, for that measure.
    pub started: Option<std::time::Instant>,
}

/// A message shown once, above the view, until dismissed or replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
    /// A save blocked by a cell that cannot be read: the notice goes once no cell is in error.
    pub until_cells_read: bool,
}

/// The whole window.
pub struct WardKpiApp {
    pub prefs: Prefs,
    pub session: Option<Session>,
    /// A database opened without a home ward, waiting for the user to choose one (then
    /// `session` is `None`).
    pub ward_choice: Option<WardChoice>,
    pub notice: Option<Notice>,
    pub meeting: Option<views::meeting::Meeting>,
    /// A command that would drop unsaved edits, waiting for the user's answer.
    pub confirm: Option<Command>,
    /// The export or import running on a worker, if any.
    pub job: Option<jobs::Job>,
    /// A previewed import waiting for the user's decision.
    pub review: Option<views::import::Review>,
    /// The gathering of the wards' files, while open.
    pub gather: Option<views::import::GatherPanel>,
    /// A save whose flagged values wait for the user's word.
    pub save_ask: Option<save_ask::SaveAsk>,
    commands: Vec<Command>,
    views: views::Views,
    launch: Launch,
    frames: u64,
    applied_theme: Option<ThemeChoice>,
    /// Set once the user agreed to close with unsaved edits dropped.
    closing: bool,
}

impl WardKpiApp {
    /// The app as eframe starts it: preferences from storage, fonts, the database.
    pub fn new(cc: &eframe::CreationContext<'_>, launch: Launch) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value::<Prefs>(s, prefs::STORAGE_KEY))
            .unwrap_or_default();
        fonts::install(&cc.egui_ctx);
        Self::with_prefs(prefs, launch)
    }

    /// The app with given preferences (tests start here too, with [`fonts::install`] run on
    /// their context).
    pub fn with_prefs(mut prefs: Prefs, launch: Launch) -> Self {
        if let Some(lang) = launch.lang {
            prefs.lang = lang;
        }
        let mut app = Self {
            prefs,
            session: None,
            ward_choice: None,
            notice: None,
            meeting: None,
            confirm: None,
            job: None,
            review: None,
            gather: None,
            save_ask: None,
            commands: Vec::new(),
            views: views::Views::default(),
            launch,
            frames: 0,
            applied_theme: None,
            closing: false,
        };
        let db = app.launch.db.clone().or_else(|| app.prefs.db_path.clone());
        match crate::startup::open(db) {
            Ok(store) => {
                // The day's backup, on its first start; one that cannot be made is said, and
                // the window opens all the same.
                let daily = store.daily_backup();
                app.start_session(store);
                if let Err(error) = daily {
                    let lang = app.lang();
                    let text = rust_i18n::t!(
                        "cli.daily_backup_failed",
                        locale = lang.code(),
                        error = crate::messages::describe(&error.into(), lang)
                    )
                    .into_owned();
                    app.fail(&anyhow::anyhow!(text));
                }
            }
            Err(error) => app.fail(&error.into()),
        }
        app
    }

    /// The language of the window.
    pub fn lang(&self) -> Lang {
        self.prefs.lang
    }

    /// The style the window writes numbers in and reads them as typed.
    pub fn number_style(&self) -> NumberStyle {
        self.prefs.number_style()
    }

    /// Shows the window's content into `ui`: every frame.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        // Meeting mode is always light: the projector look, whatever the window's theme.
        let wanted = if self.meeting.is_some() {
            ThemeChoice::Light
        } else {
            self.prefs.theme
        };
        if self.applied_theme != Some(wanted) {
            theme::apply(&ctx, wanted);
            self.applied_theme = Some(wanted);
        }
        self.global_keys(&ctx);
        // A finished job's outcome (a notice, a preview, reloaded figures) shows in this frame.
        self.poll_job(&ctx);
        let lang = self.lang();
        // A save blocked by a cell in error: told until the cell is put right, not after.
        if self.notice.as_ref().is_some_and(|n| n.until_cells_read)
            && self
                .session
                .as_ref()
                .is_none_or(|s| s.form.errors().is_empty())
        {
            self.notice = None;
        }

        let mut view_ctx = views::ViewCtx::new(&self.prefs, &mut self.commands);
        if let Some(meeting) = &mut self.meeting {
            if let Some(session) = &self.session {
                meeting.ui(ui, &mut view_ctx, session);
            }
        } else {
            let mut shell = views::Shell {
                session: self.session.as_mut(),
                ward_choice: self.ward_choice.as_ref(),
                notice: &mut self.notice,
                views: &mut self.views,
            };
            views::shell_ui(ui, &mut view_ctx, &mut shell);
        }
        if let Some(review) = &self.review
            && self.meeting.is_none()
            && let Some(session) = &self.session
        {
            let name = |code: &str| {
                session
                    .indicators
                    .iter()
                    .find(|(_, i)| i.code == code)
                    .map_or_else(|| code.to_owned(), |(_, i)| i.name(lang).to_owned())
            };
            views::import::review_ui(&ctx, &mut view_ctx, review, &name);
        }
        if let Some(panel) = &mut self.gather
            && self.meeting.is_none()
        {
            views::import::gather_ui(&ctx, &mut view_ctx, panel);
        }
        self.confirm_ui(&ctx);
        self.save_ask_ui(&ctx);
        self.apply_commands(&ctx);

        self.frames += 1;
        if self.launch.quit_after_first_frame && self.frames == 1 {
            if let Some(started) = self.launch.started {
                eprintln!(
                    "ward-kpi: first frame after {:.0} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                );
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Queues a command as a view would (for tests and scripted use).
    pub fn push_command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Shows a newly opened store: the remembered ward and year if it has them, else its own.
    /// A store without a home ward (a new one) opens on the choice of it instead, whatever
    /// ward the window remembers from another file.
    fn start_session(&mut self, store: Store) {
        self.session = None;
        self.ward_choice = None;
        match store.home_ward_code() {
            Ok(Some(_)) => {}
            Ok(None) => {
                match WardChoice::new(store) {
                    Ok(choice) => self.ward_choice = Some(choice),
                    Err(error) => self.fail(&error.into()),
                }
                return;
            }
            Err(error) => {
                self.fail(&error.into());
                return;
            }
        }
        let format = (self.lang(), self.number_style());
        let remembered = Session::new(store, self.prefs.ward.as_deref(), self.prefs.year, format);
        let session = match remembered {
            Err(failed) if matches!(failed.1, crate::store::StoreError::UnknownUnit { .. }) => {
                Session::new(failed.0, None, None, format)
            }
            other => other,
        };
        match session {
            Ok(session) => {
                self.prefs.ward = Some(session.unit.code.clone());
                self.prefs.year = Some(session.year);
                self.session = Some(session);
            }
            Err(failed) => {
                self.session = None;
                let (_, error) = *failed;
                self.fail(&error.into());
            }
        }
    }

    fn info(&mut self, text: String) {
        self.notice = Some(Notice {
            error: false,
            text,
            until_cells_read: false,
        });
    }

    fn fail(&mut self, error: &anyhow::Error) {
        self.notice = Some(Notice {
            error: true,
            text: crate::messages::describe(error, self.lang()),
            until_cells_read: false,
        });
    }
}

/// A translated text of the window.
pub fn tr(lang: Lang, key: &str) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

impl eframe::App for WardKpiApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.handle_close_request(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, prefs::STORAGE_KEY, &self.prefs);
    }
}

/// The program's icon (drawn by `examples/make_icon.rs`), shown by the window and the taskbar.
pub const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/ward-kpi.png");

/// Opens the window and runs it until it closes.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("ward-kpi")
        .with_app_id("ward-kpi")
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([900.0, 600.0]);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        // The window opens all the same, with the system's default icon.
        Err(error) => eprintln!("ward-kpi: the window's icon: {error}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "ward-kpi",
        options,
        Box::new(move |cc| Ok(Box::new(WardKpiApp::new(cc, launch)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_a_256_px_png() {
        match eframe::icon_data::from_png_bytes(super::ICON_PNG) {
            Ok(icon) => assert_eq!((icon.width, icon.height), (256, 256)),
            Err(error) => panic!("the icon does not decode: {error}"),
        }
    }
}
