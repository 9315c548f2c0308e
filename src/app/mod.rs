//! The window: eframe/egui over the same core as the command line. Views draw and push
//! [`Command`]s; the app applies them after the frame, in one place, and shows any error once,
//! in a notice.

pub mod command;
pub mod entry_form;
pub mod fonts;
pub mod jobs;
pub mod prefs;
pub mod session;
pub mod theme;
pub mod view;
pub mod views;
pub mod widgets;

use std::path::PathBuf;

use command::Command;
use prefs::Prefs;
use session::Session;
use theme::{Palette, ThemeChoice};
use view::View;

use crate::domain::Lang;
use crate::store::{Origin, Store};

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
}

/// The whole window.
pub struct WardKpiApp {
    pub prefs: Prefs,
    pub session: Option<Session>,
    pub notice: Option<Notice>,
    pub meeting: Option<views::meeting::Meeting>,
    /// A command that would drop unsaved edits, waiting for the user's answer.
    pub confirm: Option<Command>,
    /// The export or import running on a worker, if any.
    pub job: Option<jobs::Job>,
    /// A previewed import waiting for the user's decision.
    pub review: Option<views::import::Review>,
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
            notice: None,
            meeting: None,
            confirm: None,
            job: None,
            review: None,
            commands: Vec::new(),
            views: views::Views::default(),
            launch,
            frames: 0,
            applied_theme: None,
            closing: false,
        };
        let db = app.launch.db.clone().or_else(|| app.prefs.db_path.clone());
        match open_store(db) {
            Ok(store) => app.start_session(store),
            Err(error) => app.fail(&error),
        }
        app
    }

    /// The language of the window and its numbers.
    pub fn lang(&self) -> Lang {
        self.prefs.lang
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
        let palette = Palette::of(self.prefs.theme);
        let lang = self.lang();

        if let Some(meeting) = &mut self.meeting {
            if let Some(session) = &self.session {
                meeting.ui(ui, session, lang, &mut self.commands);
            }
        } else {
            views::shell_ui(
                ui,
                &mut views::Shell {
                    prefs: &self.prefs,
                    session: self.session.as_mut(),
                    notice: &mut self.notice,
                    views: &mut self.views,
                    palette,
                    lang,
                },
                &mut self.commands,
            );
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
            views::import::review_ui(&ctx, review, &name, lang, &palette, &mut self.commands);
        }
        self.confirm_ui(&ctx);
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

    /// Shows the running job's progress and applies its outcome once it is over. While it runs
    /// the window repaints a few times a second to move the bar, and not at all after.
    fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        let Some(result) = job.poll() else {
            if self.meeting.is_none() {
                views::import::progress_ui(ctx, job, self.lang());
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.job = None;
        if let Err(error) = self.finish_job(result) {
            self.fail(&error);
        }
        // Nothing else may come to draw the outcome: no input, no animation.
        ctx.request_repaint();
    }

    fn finish_job(&mut self, result: anyhow::Result<jobs::Outcome>) -> anyhow::Result<()> {
        let lang = self.lang();
        match result? {
            jobs::Outcome::Exported { path, wards } => {
                let mut text = rust_i18n::t!(
                    "app.export.done",
                    locale = lang.code(),
                    path = path.display(),
                    wards = crate::domain::number::format_count(wards, lang)
                )
                .into_owned();
                // The file holds what is saved: say so when cells are being edited.
                if self.session.as_ref().is_some_and(|s| s.form.is_dirty()) {
                    text.push(' ');
                    text.push_str(&tr(lang, "app.export.unsaved"));
                }
                self.info(text);
            }
            jobs::Outcome::Previewed { file, preview } => {
                self.review = Some(views::import::Review { file, preview });
            }
            jobs::Outcome::Imported(summary) => {
                // Cells typed meanwhile are kept, not replaced by the reloaded figures.
                let mut kept = false;
                if let Some(session) = &mut self.session {
                    let form = session.form.is_dirty().then(|| session.form.clone());
                    session.reload(lang)?;
                    if let Some(form) = form {
                        session.form = form;
                        kept = true;
                    }
                }
                let key = if kept {
                    "app.import.done_kept"
                } else {
                    "app.import.done"
                };
                self.info(
                    rust_i18n::t!(
                        key,
                        locale = lang.code(),
                        count = crate::domain::number::format_count(
                            summary.plans_changed + summary.figures_changed,
                            lang
                        )
                    )
                    .into_owned(),
                );
            }
        }
        Ok(())
    }

    /// Starts work on a worker, unless one is already running.
    fn start_job(
        &mut self,
        label: String,
        work: impl FnOnce(&jobs::Progress) -> anyhow::Result<jobs::Outcome> + Send + 'static,
    ) -> anyhow::Result<()> {
        if self.job.is_some() {
            anyhow::bail!(tr(self.lang(), "app.jobs.busy"));
        }
        self.job = Some(jobs::Job::spawn(label, work)?);
        Ok(())
    }

    /// Asks before a command that would drop unsaved edits.
    fn confirm_ui(&mut self, ctx: &egui::Context) {
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
            ui.horizontal(|ui| {
                if ui.button(t("app.confirm.discard")).clicked() {
                    Some(true)
                } else if ui.button(t("app.confirm.keep")).clicked() {
                    Some(false)
                } else {
                    None
                }
            })
            .inner
        });
        let answer = if modal.should_close() {
            Some(false)
        } else {
            modal.inner
        };
        match answer {
            Some(true) => {
                self.confirm = None;
                if let Some(session) = &mut self.session {
                    session.form.set_lang(lang);
                }
                self.commands.insert(0, Command::DiscardEdits);
                self.commands.insert(1, pending);
            }
            Some(false) => self.confirm = None,
            None => {}
        }
    }

    /// Keys that work in every view: Ctrl+S saves, Ctrl+I imports, Ctrl+1…5 switch views, F5
    /// or F11 presents.
    fn global_keys(&mut self, ctx: &egui::Context) {
        use egui::{Key, KeyboardShortcut, Modifiers};
        if self.meeting.is_some() || self.confirm.is_some() {
            return;
        }
        let save = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
        if ctx.input_mut(|i| i.consume_shortcut(&save)) {
            self.views.entry.request_save = true;
            self.prefs.view = View::Entry;
        }
        let import = KeyboardShortcut::new(Modifiers::COMMAND, Key::I);
        if ctx.input_mut(|i| i.consume_shortcut(&import)) {
            self.views.entry.request_import = true;
            self.prefs.view = View::Entry;
        }
        let keys = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
        for (key, view) in keys.into_iter().zip(View::ALL) {
            if ctx
                .input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
            {
                self.commands.push(Command::ShowView(view));
            }
        }
        // F5 starts a slide show as in presentation programs; F11 is the full-screen key.
        if ctx.input_mut(|i| {
            i.consume_key(Modifiers::NONE, Key::F5) || i.consume_key(Modifiers::NONE, Key::F11)
        }) {
            self.commands.push(Command::EnterMeeting);
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

    /// Applies the frame's commands, in order. An error stops the rest and shows once.
    fn apply_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        for command in commands {
            let dirty = self.session.as_ref().is_some_and(|s| s.form.is_dirty());
            if dirty && command.drops_edits(self.prefs.view) && self.confirm.is_none() {
                self.confirm = Some(command);
                return;
            }
            if let Err(error) = self.apply(ctx, command) {
                self.fail(&error);
                return;
            }
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) -> anyhow::Result<()> {
        let lang = self.lang();
        let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
        match command {
            Command::ShowView(view) => {
                // The trends open on the first indicator with a figure until one is chosen.
                if view == View::Trends
                    && let Some(session) = &mut self.session
                    && session.trend.is_none()
                    && let Some(id) = session
                        .report
                        .rows
                        .iter()
                        .find(|r| r.current.is_some())
                        .and_then(|r| session.indicator_id(&r.indicator.code))
                {
                    session.open_trend(id)?;
                }
                self.prefs.view = view;
            }
            Command::SetLang(lang) => {
                self.prefs.lang = lang;
                if let Some(session) = &mut self.session {
                    session.form.set_lang(lang);
                }
            }
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::CopyText(text) => {
                ctx.copy_text(text);
                self.info(t("app.notice.copied"));
            }
            Command::ShowError(text) => self.fail(&anyhow::anyhow!(text)),
            Command::EnterMeeting => {
                let Some(session) = &self.session else {
                    anyhow::bail!(t("app.notice.no_database"));
                };
                self.meeting = Some(views::meeting::Meeting::new(session)?);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            Command::LeaveMeeting => {
                self.meeting = None;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            Command::Quit => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::OpenDatabase(path) => {
                let store = Store::open(&path)?;
                self.prefs.db_path = Some(path);
                self.start_session(store);
            }
            Command::NewDatabase(path) => {
                let store = crate::demo::create_empty(&path)?;
                self.prefs.db_path = Some(path);
                self.start_session(store);
            }
            other => self.apply_to_session(other, lang)?,
        }
        Ok(())
    }

    /// Commands that need the open database.
    fn apply_to_session(&mut self, command: Command, lang: Lang) -> anyhow::Result<()> {
        let t = |key: &str| rust_i18n::t!(key, locale = lang.code()).into_owned();
        // One writer at a time, and the window never waits on the database's lock: a save
        // asked for while an import is being written is refused, the typed cells kept.
        if command.writes() && self.job.is_some() {
            anyhow::bail!(t("app.jobs.busy"));
        }
        let Some(session) = &mut self.session else {
            anyhow::bail!(t("app.notice.no_database"));
        };
        match command {
            Command::SetYear(year) => {
                session.set_year(year, lang)?;
                self.prefs.year = Some(year);
            }
            Command::SetWard(code) => {
                session.set_ward(&code, lang)?;
                self.prefs.ward = Some(code);
            }
            Command::OpenTrend(indicator) => {
                session.open_trend(indicator)?;
                self.prefs.view = View::Trends;
            }
            Command::Save(batch) => {
                let summary = session.store.apply(&batch, Origin::Window)?;
                session.reload(lang)?;
                let count = summary.plans_changed + summary.figures_changed;
                self.info(
                    rust_i18n::t!("app.notice.saved", locale = lang.code(), count = count)
                        .into_owned(),
                );
            }
            Command::DiscardEdits => session.reload(lang)?,
            Command::Export {
                format,
                path,
                all_wards,
            } => {
                let scope = if all_wards {
                    jobs::Scope::AllWards
                } else {
                    jobs::Scope::Ward(session.unit_id)
                };
                let label = rust_i18n::t!(
                    "app.export.running",
                    locale = lang.code(),
                    file = file_name(&path)
                )
                .into_owned();
                let db = session.store.path().to_path_buf();
                let work = jobs::export(db, scope, session.year, format, path, lang);
                self.start_job(label, work)?;
            }
            Command::ImportPreview(file) => {
                let defaults = crate::import::Defaults {
                    ward: Some(session.unit.code.clone()),
                    year: Some(session.year),
                    lang,
                };
                let label = rust_i18n::t!(
                    "app.import.reading",
                    locale = lang.code(),
                    file = file_name(&file)
                )
                .into_owned();
                let db = session.store.path().to_path_buf();
                self.start_job(label, jobs::preview(db, file, defaults))?;
            }
            Command::ImportWrite => {
                // The preview stays open if the write cannot start now.
                if self.job.is_some() {
                    anyhow::bail!(t("app.jobs.busy"));
                }
                let Some(batch) = self.review.take().and_then(|r| r.preview.into_batch()) else {
                    return Ok(());
                };
                let label = rust_i18n::t!(
                    "app.import.writing",
                    locale = lang.code(),
                    count = crate::domain::number::format_count(
                        batch.plans.len() + batch.figures.len(),
                        lang
                    )
                )
                .into_owned();
                let db = session.store.path().to_path_buf();
                self.start_job(label, jobs::write(db, batch))?;
            }
            Command::CloseImport => self.review = None,
            Command::AddIndicator(indicator) => {
                session.store.add_indicator(&indicator)?;
                session.reload(lang)?;
            }
            Command::UpdateIndicator(indicator) => {
                session.store.update_indicator(&indicator)?;
                session.reload(lang)?;
            }
            Command::DeleteIndicator(code) => {
                session.store.delete_indicator(&code)?;
                session.reload(lang)?;
            }
            Command::Reorder(codes) => {
                session.store.reorder_indicators(&codes)?;
                session.reload(lang)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Shows a newly opened store: the remembered ward and year if it has them, else its own.
    fn start_session(&mut self, store: Store) {
        let lang = self.lang();
        let remembered = Session::new(store, self.prefs.ward.as_deref(), self.prefs.year, lang);
        let session = match remembered {
            Err(failed) if matches!(failed.1, crate::store::StoreError::UnknownUnit { .. }) => {
                Session::new(failed.0, None, None, lang)
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
        self.notice = Some(Notice { error: false, text });
    }

    fn fail(&mut self, error: &anyhow::Error) {
        self.notice = Some(Notice {
            error: true,
            text: crate::messages::describe(error, self.lang()),
        });
    }
}

/// The name of a file, for messages.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A translated text of the window.
pub fn tr(lang: Lang, key: &str) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// Opens the database named, or the default one (made with the demo data on first start).
fn open_store(db: Option<PathBuf>) -> anyhow::Result<Store> {
    crate::cli::open(db)
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

/// Opens the window and runs it until it closes.
pub fn run(launch: Launch) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("ward-kpi")
            .with_app_id("ward-kpi")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([900.0, 600.0]),
        ..Default::default()
    };
    eframe::run_native(
        "ward-kpi",
        options,
        Box::new(move |cc| Ok(Box::new(WardKpiApp::new(cc, launch)))),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}
