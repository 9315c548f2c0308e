//! The window's side of background jobs: starting one (one at a time), drawing its progress
//! while it runs, and applying its outcome (a notice, an import preview, reloaded figures) once,
//! when it is over. The work itself is in [`super::jobs`].

use super::{WardKpiApp, jobs, tr, views};

impl WardKpiApp {
    /// Shows the running job's progress and applies its outcome once it is over. While it runs
    /// the window repaints a few times a second to move the bar, and not at all after.
    pub(super) fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        let Some(result) = job.poll() else {
            if self.meeting.is_none() {
                views::import::progress_ui(ctx, job, self.number_style());
            }
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.job = None;
        if let Err(error) = self.finish_job(result) {
            // A comparison that could not be read no longer says it is being read.
            self.views.compare.failed = true;
            self.fail(&error);
        }
        // Nothing else may come to draw the outcome: no input, no animation.
        ctx.request_repaint();
    }

    fn finish_job(&mut self, result: anyhow::Result<jobs::Outcome>) -> anyhow::Result<()> {
        let (lang, style) = (self.lang(), self.number_style());
        match result? {
            jobs::Outcome::Exported { path, wards } => {
                // The whole path: a typed one may be relative to where the program started.
                let path = std::path::absolute(&path).unwrap_or(path);
                let mut text = rust_i18n::t!(
                    "app.export.done",
                    locale = lang.code(),
                    path = path.display(),
                    wards = crate::domain::number::format_count(wards, style)
                )
                .into_owned();
                // The file holds what is saved: say so when cells are being edited.
                if self.session.as_ref().is_some_and(|s| s.form.is_dirty()) {
                    text.push(' ');
                    text.push_str(&tr(lang, "app.export.unsaved"));
                }
                self.info(text);
            }
            jobs::Outcome::Compared {
                parents,
                parent,
                comparison,
            } => {
                self.views.compare.parents = parents;
                self.views.compare.wanted = Some((parent.code.clone(), comparison.year));
                self.views.compare.show(views::compare::Loaded {
                    parent,
                    comparison: *comparison,
                });
            }
            jobs::Outcome::GatherPreviewed(gathering) => {
                if let Some(panel) = &mut self.gather {
                    panel.set_preview(gathering, lang, style);
                }
            }
            jobs::Outcome::Gathered(written) => {
                if let Some(session) = &mut self.session {
                    session.reload(lang)?;
                    if let Some(panel) = &mut self.gather {
                        panel.reload(&session.store, panel.year)?;
                    }
                }
                self.info(
                    rust_i18n::t!(
                        "app.gather.done",
                        locale = lang.code(),
                        wards = crate::domain::number::format_count(written.recorded, style),
                        count = crate::domain::number::format_count(
                            written.summary.plans_changed + written.summary.figures_changed,
                            style
                        )
                    )
                    .into_owned(),
                );
            }
            jobs::Outcome::Previewed { ask, preview } => {
                self.review = Some(views::import::Review::new(ask, preview, lang));
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
                            style
                        )
                    )
                    .into_owned(),
                );
            }
        }
        Ok(())
    }

    /// Starts work on a worker, unless one is already running.
    pub(super) fn start_job(
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
}
