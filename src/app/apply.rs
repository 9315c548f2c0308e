//! Applying the views' commands after the frame, in one place: views never change the session,
//! the preferences or the database themselves. An error stops the frame's remaining commands
//! and shows once, in the notice.

use super::command::Command;
use super::save_ask::SaveAsk;
use super::view::View;
use super::{Notice, WardKpiApp, jobs, tr, views};
use crate::domain::Lang;
use crate::domain::number::NumberStyle;
use crate::store::{Origin, Store};

impl WardKpiApp {
    /// Applies the frame's commands, in order. An error stops the rest and shows once.
    pub(super) fn apply_commands(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.commands);
        if !commands.is_empty() {
            // What the commands change (a modal opened, a list read) shows without waiting
            // for the next input.
            ctx.request_repaint();
        }
        for command in commands {
            let dirty = self.session.as_ref().is_some_and(|s| s.form.is_dirty());
            // Cells typed in one number style would be read again in another: ask first.
            let restyles = match &command {
                Command::SetNumberStyle(style) => {
                    style.unwrap_or(self.prefs.lang.into()) != self.prefs.number_style()
                }
                Command::SetLang(lang) => {
                    self.prefs.number_style.is_none()
                        && NumberStyle::from(*lang) != self.prefs.number_style()
                }
                _ => false,
            };
            let drops = command.drops_edits(self.prefs.view) || restyles;
            if dirty && drops && self.confirm.is_none() {
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
                // The history reads its page when first shown (and after every change since).
                if view == View::History
                    && let Some(session) = &mut self.session
                    && session.history.is_none()
                {
                    let filter = views::history::default_filter(session);
                    session.load_history(filter, lang)?;
                }
                self.prefs.view = view;
            }
            Command::SetLang(lang) => {
                self.prefs.lang = lang;
                let style = self.prefs.number_style();
                if let Some(session) = &mut self.session {
                    session.form.set_format(lang, style);
                }
            }
            Command::SetNumberStyle(style) => {
                self.prefs.number_style = style;
                let style = self.prefs.number_style();
                if let Some(session) = &mut self.session {
                    session.form.set_format(lang, style);
                }
            }
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::CopyText(text) => {
                ctx.copy_text(text);
                self.info(t("app.notice.copied"));
            }
            Command::ShowError(text) => self.fail(&anyhow::anyhow!(text)),
            Command::SaveBlocked(text) => {
                self.notice = Some(Notice {
                    error: true,
                    text,
                    until_cells_read: true,
                });
            }
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
                let store = crate::store::seed::create(&path)?;
                self.prefs.db_path = Some(path);
                self.start_session(store);
            }
            Command::SetHomeWard(ward) => self.set_home_ward(&ward)?,
            other => {
                self.apply_to_session(other, lang)?;
                // Save's question shows at once, not at the next input.
                if self.save_ask.is_some() {
                    ctx.request_repaint();
                }
            }
        }
        Ok(())
    }

    /// Chooses the home ward; a database waiting for one then opens on it, on the dashboard.
    fn set_home_ward(&mut self, ward: &crate::domain::AdminUnit) -> anyhow::Result<()> {
        let code = ward.code.as_str();
        let Some(choice) = self.ward_choice.take() else {
            let Some(session) = &self.session else {
                anyhow::bail!(tr(self.lang(), "app.notice.no_database"));
            };
            return Ok(session.store.set_home_ward(code)?);
        };
        if let Err(error) = choice.store.set_home_ward(code) {
            self.ward_choice = Some(choice);
            return Err(error.into());
        }
        self.prefs.ward = Some(code.to_owned());
        // The code names the ward chosen only within its validity (03127 was Phường Him Lam
        // before 1/7/2025): a year remembered outside it gives way to the newest.
        if self.prefs.year.is_some_and(|year| !ward.valid_in(year)) {
            self.prefs.year = None;
        }
        self.prefs.view = View::Dashboard;
        self.start_session(choice.store);
        if let Some(session) = &self.session {
            let text = rust_i18n::t!(
                "app.home_ward.chosen",
                locale = self.lang().code(),
                name = session.unit.name
            )
            .into_owned();
            self.info(text);
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
        // Values a plausibility rule doubts are asked about once, then saved as agreed.
        let agreed = matches!(command, Command::SaveFlagged(_));
        match command {
            Command::SetYear(year) => {
                session.set_year(year, lang)?;
                self.prefs.year = Some(year);
            }
            Command::SetWard(code) => {
                session.set_ward(&code, lang)?;
                self.prefs.ward = Some(code);
            }
            Command::LoadComparison { parent, year } => {
                let label = tr(lang, "app.compare.reading");
                let db = session.store.path().to_path_buf();
                let work = jobs::compare(db, parent.clone(), year, session.unit.clone(), lang);
                self.start_job(label, work)?;
                let code = parent.unwrap_or_default();
                self.views.compare.wanted = Some((code, year));
                self.views.compare.failed = false;
            }
            Command::OpenWard { code, year } => {
                session.open_ward(&code, year, lang)?;
                self.prefs.ward = Some(code);
                self.prefs.year = Some(year);
                self.prefs.view = View::Dashboard;
            }
            Command::ExportComparison { format, path } => {
                let compare = &self.views.compare;
                let Some(loaded) = &compare.loaded else {
                    return Ok(());
                };
                let data = (
                    loaded.comparison.clone(),
                    loaded.parent.clone(),
                    compare.order().to_vec(),
                );
                let label = rust_i18n::t!(
                    "app.export.running",
                    locale = lang.code(),
                    file = file_name(&path)
                )
                .into_owned();
                let locale = (lang, self.prefs.number_style()).into();
                self.start_job(label, jobs::export_comparison(format, data, path, locale))?;
            }
            Command::OpenTrend(indicator) => {
                session.open_trend(indicator)?;
                self.prefs.view = View::Trends;
            }
            Command::Save(edits) | Command::SaveFlagged(edits) => {
                let locale = crate::domain::Locale {
                    lang,
                    style: self.prefs.number_style(),
                };
                let mut planned = crate::edit::plan(&session.store, edits.clone())?;
                let flags = std::mem::take(&mut planned.flags);
                let batch = planned.into_batch().map_err(|refusals| {
                    let first = &refusals[0];
                    let (row, column) = first.at;
                    let indicator = session
                        .form
                        .rows
                        .get(row)
                        .map(|r| r.indicator.name(lang).to_owned())
                        .unwrap_or_default();
                    anyhow::anyhow!(rust_i18n::t!(
                        "app.entry.blocked",
                        locale = lang.code(),
                        count = refusals.len(),
                        row = row + 1,
                        indicator = indicator,
                        column = column.title(lang),
                        message = first.reason.message_in(locale)
                    ))
                })?;
                if !agreed && !flags.is_empty() {
                    let ask = SaveAsk::new(edits, &flags, &mut session.form, locale);
                    self.save_ask = Some(ask);
                    return Ok(());
                }
                let summary = session.store.apply(&batch, Origin::Window)?;
                session.reload(lang)?;
                let count = summary.plans_changed + summary.figures_changed;
                self.info(
                    rust_i18n::t!("app.notice.saved", locale = lang.code(), count = count)
                        .into_owned(),
                );
            }
            Command::SaveHandout(edits) => {
                let locale = crate::domain::Locale {
                    lang,
                    style: self.prefs.number_style(),
                };
                let planned = crate::edit::plan(&session.store, edits)?;
                // A doubtful plan is written; the notice names what to look at again.
                let doubts: Vec<String> = session
                    .handout
                    .as_ref()
                    .map(|h| {
                        planned
                            .flags
                            .iter()
                            .filter_map(|flag| {
                                let (line, at) = flag.at;
                                let indicator = h.indicators.get(at)?;
                                let unit = match line {
                                    0 => &h.parent.name,
                                    n => &h.wards.get(n - 1)?.unit.name,
                                };
                                Some(format!(
                                    "{unit}, {}: {}",
                                    indicator.name(lang),
                                    flag.message(&indicator.unit, locale)
                                ))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let batch = planned.into_batch().map_err(|refusals| {
                    let first = &refusals[0];
                    let (line, at) = first.at;
                    let handout = session.handout.as_ref();
                    let unit = handout
                        .and_then(|h| match line {
                            0 => Some(h.parent.name.clone()),
                            n => h.wards.get(n - 1).map(|w| w.unit.name.clone()),
                        })
                        .unwrap_or_default();
                    let indicator = handout
                        .and_then(|h| h.indicators.get(at))
                        .map(|i| i.name(lang).to_owned())
                        .unwrap_or_default();
                    anyhow::anyhow!(rust_i18n::t!(
                        "handout.grid.refused",
                        locale = lang.code(),
                        count = refusals.len(),
                        unit = unit,
                        indicator = indicator,
                        why = first.reason.message_in(locale)
                    ))
                })?;
                let summary = session.store.apply(&batch, Origin::Window)?;
                session.reload(lang)?;
                self.views.entry.handout.saved();
                let mut text = rust_i18n::t!(
                    "app.notice.saved",
                    locale = lang.code(),
                    count = summary.plans_changed
                )
                .into_owned();
                if !doubts.is_empty() {
                    text.push_str(&format!(
                        " {}: {}",
                        t("handout.grid.doubts"),
                        doubts.join("; ")
                    ));
                }
                self.info(text);
            }
            Command::ExportHandout { path, one_workbook } => {
                let handout = session.store.handout(&session.unit.code, session.year)?;
                if one_workbook {
                    crate::export::handout::write_workbook(&handout, &path, lang)?;
                } else {
                    crate::export::handout::write_per_ward(&handout, &path, lang)?;
                }
                self.info(
                    rust_i18n::t!(
                        "handout.grid.exported",
                        locale = lang.code(),
                        path = path.display()
                    )
                    .into_owned(),
                );
            }
            Command::DiscardEdits => session.reload(lang)?,
            Command::FilterHistory(filter) => session.load_history(filter, lang)?,
            Command::OpenSave(set) => session.open_save(set)?,
            Command::LoadBackups => session.backups = Some(session.store.backups_beside()?),
            Command::SaveLetterhead { code, settings } => {
                session.store.set_letterhead_settings(&code, &settings)?;
                self.views.settings.letterhead.saved();
                self.info(t("app.letterhead.saved"));
            }
            Command::BackupNow => {
                let path = session
                    .store
                    .backup_before(crate::store::BackupReason::Manual)?;
                session.backups = None;
                self.info(
                    rust_i18n::t!(
                        "app.backup.done",
                        locale = lang.code(),
                        path = path.display()
                    )
                    .into_owned(),
                );
            }
            Command::Restore(path) => {
                let restored = session.store.restore_from(&path, Origin::Window)?;
                session.reload(lang)?;
                self.info(
                    rust_i18n::t!(
                        "app.backup.restored",
                        locale = lang.code(),
                        source = restored.source.display(),
                        kept = restored.kept_as.display()
                    )
                    .into_owned(),
                );
            }
            Command::Lock { part, reason } => {
                let locked = session.store.lock(
                    Some(session.unit_id),
                    session.year,
                    part,
                    &reason,
                    Origin::Window,
                )?;
                session.reload(lang)?;
                self.info(
                    rust_i18n::t!(
                        "cli.lock.done",
                        locale = lang.code(),
                        scope = locked.lock.scope(lang),
                        day = locked.lock.locked.day()
                    )
                    .into_owned(),
                );
            }
            Command::Unlock { part, reason } => {
                let lifted =
                    session
                        .store
                        .unlock(Some(session.unit_id), session.year, part, &reason)?;
                session.reload(lang)?;
                let scopes: Vec<String> = lifted.iter().map(|l| l.lock.scope(lang)).collect();
                self.info(
                    rust_i18n::t!(
                        "app.lock.unlocked",
                        locale = lang.code(),
                        scope = scopes.join("; ")
                    )
                    .into_owned(),
                );
            }
            Command::Export {
                format,
                path,
                all_wards,
                all_indicators,
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
                let locale = (lang, self.prefs.number_style()).into();
                let work = jobs::export(
                    db,
                    scope,
                    session.year,
                    format,
                    path,
                    all_indicators,
                    locale,
                );
                self.start_job(label, work)?;
            }
            Command::ImportPreview(ask) => {
                let defaults = crate::import::Defaults {
                    ward: None,
                    year: None,
                    lang,
                    number_style: ask.style,
                    user_style: self.prefs.number_style(),
                    table: ask.table,
                    map: ask.map.clone(),
                    fallback: (Some(session.unit.code.clone()), Some(session.year)),
                    no_home_ward: false,
                };
                let label = rust_i18n::t!(
                    "app.import.reading",
                    locale = lang.code(),
                    file = file_name(&ask.file)
                )
                .into_owned();
                let db = session.store.path().to_path_buf();
                self.start_job(label, jobs::preview(db, ask, defaults))?;
            }
            Command::ImportWrite => {
                // The preview stays open if the write cannot start now.
                if self.job.is_some() {
                    anyhow::bail!(t("app.jobs.busy"));
                }
                let Some((file, batch)) = self.review.take().and_then(|r| {
                    let file = r.ask.file;
                    r.preview.into_batch().map(|batch| (file, batch))
                }) else {
                    return Ok(());
                };
                let label = rust_i18n::t!(
                    "app.import.writing",
                    locale = lang.code(),
                    count = crate::domain::number::format_count(
                        batch.plans.len() + batch.figures.len(),
                        self.prefs.number_style()
                    )
                )
                .into_owned();
                let db = session.store.path().to_path_buf();
                self.start_job(label, jobs::write(db, file, batch))?;
            }
            Command::CloseImport => self.review = None,
            Command::OpenGather => {
                self.gather = Some(views::import::GatherPanel::new(
                    &session.store,
                    session.year,
                )?);
            }
            Command::GatherYear(year) => {
                if let Some(panel) = &mut self.gather {
                    panel.reload(&session.store, year)?;
                }
            }
            Command::GatherPreview(paths) => {
                let options = crate::gather::Options {
                    parent: self.gather.as_ref().map(|p| p.parent.code.clone()),
                    lang,
                    user_style: self.prefs.number_style(),
                };
                let db = session.store.path().to_path_buf();
                let label = t("app.gather.reading");
                self.start_job(label, jobs::gather_preview(db, paths, options))?;
            }
            Command::GatherWrite => {
                if self.job.is_some() {
                    anyhow::bail!(t("app.jobs.busy"));
                }
                let Some(gathering) = self.gather.as_mut().and_then(|p| p.preview.take()) else {
                    return Ok(());
                };
                let label = rust_i18n::t!(
                    "app.gather.writing",
                    locale = lang.code(),
                    count = crate::domain::number::format_count(
                        gathering.changes(),
                        self.prefs.number_style()
                    )
                )
                .into_owned();
                let db = session.store.path().to_path_buf();
                self.start_job(label, jobs::gather_write(db, gathering))?;
            }
            Command::CloseGather => self.gather = None,
            Command::AddIndicator(indicator) => {
                session.store.add_indicator(&indicator)?;
                session.reload(lang)?;
                self.views.catalogue.indicator_saved(&indicator.code);
            }
            Command::UpdateIndicator(indicator) => {
                session.store.update_indicator(&indicator)?;
                session.reload(lang)?;
                self.views.catalogue.indicator_saved(&indicator.code);
            }
            Command::AddAlias { indicator, alias } => {
                session.store.add_alias(&alias, indicator, Origin::Window)?;
                session.reload(lang)?;
                self.views.catalogue.alias_added(&alias);
            }
            Command::RemoveAlias(alias) => {
                session.store.remove_alias(&alias)?;
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
}

/// The name of a file, for messages.
fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
