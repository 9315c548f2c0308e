//! Long work off the window's thread. An export of every ward or an import of 100,000 rows runs
//! on a worker with its own connection to the database; it reports how far it got, the window
//! keeps drawing a progress bar meanwhile, and the result comes back once, to be applied by
//! the app like any command.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use crate::app::command::ImportAsk;
use crate::domain::compare::Comparison;
use crate::domain::{AdminUnit, Level, Locale};
use crate::export::{self, Format, WardYear};
use crate::import::{self, Defaults, Preview};
use crate::store::{Batch, SaveSummary, Store, UnitId};

/// What a finished job hands back.
#[derive(Debug)]
pub enum Outcome {
    Exported {
        path: PathBuf,
        wards: usize,
    },
    Previewed {
        ask: ImportAsk,
        preview: Box<Preview>,
    },
    Imported(SaveSummary),
    /// The wards under a parent side by side, and the units that could be chosen instead.
    Compared {
        parents: Vec<AdminUnit>,
        parent: AdminUnit,
        comparison: Box<Comparison>,
    },
    /// Ward files read for gathering, nothing written.
    GatherPreviewed(Box<crate::gather::Gathering>),
    Gathered(crate::gather::Gathered),
}

/// How far a job got: steps done of steps in all (0 of 0 until the job knows).
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// Records progress (from the worker).
    pub fn set(&self, done: usize, total: usize) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }

    /// The share done, 0 to 1, if known.
    pub fn fraction(&self) -> Option<f32> {
        let total = self.total.load(Ordering::Relaxed);
        let done = self.done.load(Ordering::Relaxed).min(total);
        // Row counts are far below f32's exact range for a progress bar's purpose.
        #[allow(clippy::cast_precision_loss)]
        (total > 0).then(|| done as f32 / total as f32)
    }

    /// Steps done and in all (done never above all, even read between two updates).
    pub fn counts(&self) -> (usize, usize) {
        let total = self.total.load(Ordering::Relaxed);
        (self.done.load(Ordering::Relaxed).min(total), total)
    }
}

/// A job running on its worker.
pub struct Job {
    /// What the progress bar says ("Đang nhập so-lieu.csv…").
    pub label: String,
    pub progress: Arc<Progress>,
    result: mpsc::Receiver<anyhow::Result<Outcome>>,
}

impl Job {
    /// Starts `work` on a worker thread.
    pub fn spawn(
        label: String,
        work: impl FnOnce(&Progress) -> anyhow::Result<Outcome> + Send + 'static,
    ) -> anyhow::Result<Self> {
        let progress = Arc::new(Progress::default());
        let (send, result) = mpsc::channel();
        let shared = Arc::clone(&progress);
        std::thread::Builder::new()
            .name("ward-kpi-job".into())
            .spawn(move || {
                // The window may have closed meanwhile: then nobody waits for the result.
                if send.send(work(&shared)).is_err() {
                    eprintln!("ward-kpi: a background job finished after the window closed");
                }
            })?;
        Ok(Self {
            label,
            progress,
            result,
        })
    }

    /// The result, once the job is over.
    pub fn poll(&self) -> Option<anyhow::Result<Outcome>> {
        match self.result.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(anyhow::anyhow!(
                "the background job stopped unexpectedly"
            ))),
        }
    }
}

/// What to export: the shown ward, or every ward of the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Ward(UnitId),
    AllWards,
}

/// Writes the year's export on a worker: its own connection reads the wards, then the file is
/// written (all or nothing, as `export::write` does).
pub fn export(
    db: PathBuf,
    scope: Scope,
    year: i16,
    format: Format,
    path: PathBuf,
    all_indicators: bool,
    locale: Locale,
) -> impl FnOnce(&Progress) -> anyhow::Result<Outcome> + Send + 'static {
    move |progress| {
        let store = Store::open(&db)?;
        let wards: Vec<WardYear> = match scope {
            Scope::Ward(id) => {
                let unit = store.unit(id)?;
                vec![store.ward_year(id, unit, year)?]
            }
            // Reading is most of the work on a large database; writing is the last step.
            Scope::AllWards => store.ward_years(year, |done, total| {
                progress.set(done, total + 1);
            })?,
        };
        let wards: Vec<WardYear> = if all_indicators {
            wards
        } else {
            wards.into_iter().map(WardYear::only_reported).collect()
        };
        // Only a Word document prints a letterhead: no other export depends on reading it.
        let letterheads = if format == Format::Docx {
            store.letterheads(&wards, locale.lang)?
        } else {
            Vec::new()
        };
        let paper = export::Paper {
            letterheads: &letterheads,
            date: jiff::Zoned::now().date(),
        };
        export::write(format, &wards, &paper, locale, &path)?;
        progress.set(1, 1);
        Ok(Outcome::Exported {
            path,
            wards: wards.len(),
        })
    }
}

/// Reads and checks a file on a worker; nothing is written.
pub fn preview(
    db: PathBuf,
    ask: ImportAsk,
    defaults: Defaults,
) -> impl FnOnce(&Progress) -> anyhow::Result<Outcome> + Send + 'static {
    move |progress| {
        let store = Store::open(&db)?;
        let preview =
            import::preview_with_progress(&store, &ask.file, &defaults, |done, total| {
                progress.set(done, total);
            })?;
        Ok(Outcome::Previewed {
            ask,
            preview: Box::new(preview),
        })
    }
}

/// Writes a previewed import of `file` on a worker: a copy of the database first, then one
/// transaction, logged as an import of the file.
pub fn write(
    db: PathBuf,
    file: PathBuf,
    batch: Batch,
) -> impl FnOnce(&Progress) -> anyhow::Result<Outcome> + Send + 'static {
    move |progress| {
        let mut store = Store::open(&db)?;
        let summary = store.apply_import(&batch, &file, |done, total| {
            progress.set(done, total);
        })?;
        Ok(Outcome::Imported(summary))
    }
}

/// Reads the reports of every ward under `parent` for `year` on a worker; without a parent,
/// under the province (or, failing one, the city) of `shown`, else the first province.
pub fn compare(
    db: PathBuf,
    parent: Option<String>,
    year: i16,
    shown: AdminUnit,
    lang: crate::domain::Lang,
) -> impl FnOnce(&Progress) -> anyhow::Result<Outcome> + Send + 'static {
    move |progress| {
        let store = Store::open(&db)?;
        let units: Vec<AdminUnit> = store.units()?.into_iter().map(|(_, u)| u).collect();
        let parents: Vec<AdminUnit> = units.iter().filter(|u| u.is_parent()).cloned().collect();
        let code = match parent {
            Some(code) => code,
            None => default_parent(&units, &shown, year)
                .ok_or_else(|| anyhow::anyhow!(crate::app::tr(lang, "app.compare.no_parent")))?,
        };
        let (_, parent) = store.unit_for(&code, year)?;
        progress.set(0, 1);
        let reports = store.reports_under(&parent.code, year)?;
        let comparison = Box::new(Comparison::new(year, &reports));
        progress.set(1, 1);
        Ok(Outcome::Compared {
            parents,
            parent,
            comparison,
        })
    }
}

/// The unit shown if it has wards (a province or city), else the one at the top above it in
/// `year` (its province), else the first province.
fn default_parent(units: &[AdminUnit], ward: &AdminUnit, year: i16) -> Option<String> {
    if ward.is_parent() {
        return Some(ward.code.clone());
    }
    let mut top = None;
    let mut code = ward.parent_code.clone();
    // A hierarchy is three deep; the bound keeps a loop in bad data from hanging.
    for _ in 0..8 {
        let Some(above) = code.and_then(|c| units.iter().find(|u| u.code == c && u.valid_in(year)))
        else {
            break;
        };
        top = Some(above.code.clone());
        code = above.parent_code.clone();
    }
    top.or_else(|| {
        units
            .iter()
            .find(|u| u.level == Level::Province && u.valid_in(year))
            .map(|u| u.code.clone())
    })
}

/// Writes the comparison, its rows in `order`, on a worker.
pub fn export_comparison(
    format: crate::export::compare::Format,
    data: (Comparison, AdminUnit, Vec<usize>),
    path: PathBuf,
    locale: Locale,
) -> impl FnOnce(&Progress) -> anyhow::Result<Outcome> + Send + 'static {
    move |progress| {
        let (comparison, parent, order) = data;
        crate::export::compare::write(format, &comparison, &parent, &order, locale, &path)?;
        progress.set(1, 1);
        Ok(Outcome::Exported {
            path,
            wards: comparison.rows.len(),
        })
    }
}

/// Reads ward files and folders for gathering on a worker; nothing is written.
pub fn gather_preview(
    db: PathBuf,
    paths: Vec<PathBuf>,
    options: crate::gather::Options,
) -> impl FnOnce(&Progress) -> anyhow::Result<Outcome> + Send + 'static {
    move |progress| {
        let store = Store::open(&db)?;
        let gathering = crate::gather::preview(&store, &paths, &options, |done, total| {
            progress.set(done, total);
        })?;
        Ok(Outcome::GatherPreviewed(Box::new(gathering)))
    }
}

/// Writes a previewed gathering on a worker: a copy of the database first, then one
/// transaction with its submissions.
pub fn gather_write(
    db: PathBuf,
    gathering: Box<crate::gather::Gathering>,
) -> impl FnOnce(&Progress) -> anyhow::Result<Outcome> + Send + 'static {
    move |progress| {
        let mut store = Store::open(&db)?;
        let written = crate::gather::write(
            &mut store,
            &gathering,
            crate::store::Origin::Window,
            |done, total| progress.set(done, total),
        )?;
        Ok(Outcome::Gathered(written))
    }
}
