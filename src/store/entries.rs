//! Plans and figures in the store: a ward-year read for the report, and batched writes that go
//! into the change log in the same transaction.

use std::collections::HashMap;
use std::str::FromStr as _;

use rusqlite::{OptionalExtension as _, Transaction, params};
use rust_decimal::Decimal;

use super::{IndicatorId, Result, Store, StoreError, UnitId};
use crate::domain::report::{IndicatorYear, Report, ReportRow};
use crate::domain::{Figure, Plan, PlanSource, PlanTarget, Stage};

/// Where a change came from, as the change log records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Window,
    Cli,
    Import,
    Demo,
    Synthetic,
}

impl Origin {
    /// The stable code stored in the change log.
    pub fn code(self) -> &'static str {
        match self {
            Self::Window => "window",
            Self::Cli => "cli",
            Self::Import => "import",
            Self::Demo => "demo",
            Self::Synthetic => "synthetic",
        }
    }
}

/// Sets (or, with `value: None`, clears) one figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureWrite {
    pub unit: UnitId,
    pub indicator: IndicatorId,
    pub year: i16,
    pub stage: Stage,
    /// The exact value and the text as typed; `None` removes the figure.
    pub value: Option<(Decimal, String)>,
    pub note: String,
}

/// Sets (or, with `target: None`, clears) one plan. Changing a plan's target keeps the first
/// target as the original.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanWrite {
    pub unit: UnitId,
    pub indicator: IndicatorId,
    pub year: i16,
    pub source: PlanSource,
    pub target: Option<PlanTarget>,
    pub text: String,
    pub derived: bool,
    pub note: String,
}

/// Everything one save writes, all or nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub plans: Vec<PlanWrite>,
    pub figures: Vec<FigureWrite>,
}

/// What a save changed (writes that repeat what is stored change nothing and are not logged).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveSummary {
    pub plans_changed: usize,
    pub figures_changed: usize,
}

/// A stored row as the change log compares it: value, text, note.
type Stored = (String, String, String);

impl Store {
    /// Writes a batch in one transaction, logging every change with who, when and from where.
    /// On any error nothing of the batch is written.
    pub fn apply(&mut self, batch: &Batch, origin: Origin) -> Result<SaveSummary> {
        self.writable()?;
        let path = self.path.clone();
        let err = |e| StoreError::from_sqlite(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let log = LogContext {
            at: jiff::Timestamp::now().to_string(),
            who: super::os_user(),
            origin: origin.code(),
        };
        let mut summary = SaveSummary::default();
        for plan in &batch.plans {
            if write_plan(&tx, plan, &log).map_err(err)? {
                summary.plans_changed += 1;
            }
        }
        for figure in &batch.figures {
            if write_figure(&tx, figure, &log).map_err(err)? {
                summary.figures_changed += 1;
            }
        }
        tx.commit().map_err(err)?;
        Ok(summary)
    }

    /// A ward's report for a year: every indicator in the catalogue (archived ones only when
    /// they hold a plan or figure that year), with its plans, figures and last year's figures.
    pub fn report(&self, unit: UnitId, year: i16) -> Result<Report> {
        let admin_unit = self.unit(unit)?;
        let mut plans = self.plans_of(unit, year)?;
        let mut figures = self.figures_of(unit, year)?;
        let mut previous = self.figures_of(unit, year - 1)?;
        let mut data = Vec::new();
        for (id, indicator) in self.indicators()? {
            let plans = plans.remove(&id).unwrap_or_default();
            let figures = figures.remove(&id).unwrap_or_default();
            if indicator.archived && plans.is_empty() && figures.is_empty() {
                continue;
            }
            data.push(IndicatorYear {
                indicator,
                plans,
                figures,
                previous: previous.remove(&id).unwrap_or_default(),
            });
        }
        Ok(Report::new(admin_unit, year, data))
    }

    /// The plans of a ward-year, by indicator.
    pub fn plans_of(&self, unit: UnitId, year: i16) -> Result<HashMap<IndicatorId, Vec<Plan>>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT indicator_id, source, low, high, text, original_low, original_high,
                        derived, note
                 FROM plan WHERE unit_id = ?1 AND year = ?2",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query(params![unit.0, year]).map_err(|e| self.sql(e))?;
        let mut plans: HashMap<IndicatorId, Vec<Plan>> = HashMap::new();
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let get = |e| StoreError::from_sqlite(&self.path, e);
            let source: String = r.get(1).map_err(get)?;
            let source =
                PlanSource::from_code(&source).ok_or_else(|| self.bad("plan source", &source))?;
            let target = self.target(
                &r.get::<_, String>(2).map_err(get)?,
                &r.get::<_, String>(3).map_err(get)?,
            )?;
            let original_low: Option<String> = r.get(5).map_err(get)?;
            let original_high: Option<String> = r.get(6).map_err(get)?;
            let original = match (original_low, original_high) {
                (Some(low), Some(high)) => Some(self.target(&low, &high)?),
                _ => None,
            };
            plans
                .entry(IndicatorId(r.get(0).map_err(get)?))
                .or_default()
                .push(Plan {
                    source,
                    target,
                    text: r.get(4).map_err(get)?,
                    original,
                    derived: r.get(7).map_err(get)?,
                    note: r.get(8).map_err(get)?,
                });
        }
        Ok(plans)
    }

    /// The figures of a ward-year, by indicator.
    pub fn figures_of(&self, unit: UnitId, year: i16) -> Result<HashMap<IndicatorId, Vec<Figure>>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT indicator_id, stage, value, text, note
                 FROM figure WHERE unit_id = ?1 AND year = ?2",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt.query(params![unit.0, year]).map_err(|e| self.sql(e))?;
        let mut figures: HashMap<IndicatorId, Vec<Figure>> = HashMap::new();
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let get = |e| StoreError::from_sqlite(&self.path, e);
            let stage: String = r.get(1).map_err(get)?;
            let stage = Stage::from_code(&stage).ok_or_else(|| self.bad("stage", &stage))?;
            let value: String = r.get(2).map_err(get)?;
            figures
                .entry(IndicatorId(r.get(0).map_err(get)?))
                .or_default()
                .push(Figure {
                    stage,
                    value: self.decimal(&value)?,
                    text: r.get(3).map_err(get)?,
                    note: r.get(4).map_err(get)?,
                });
        }
        Ok(figures)
    }

    /// How many figures the file holds.
    pub fn figure_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM figure", [], |r| r.get(0))
            .map_err(|e| self.sql(e))
    }

    fn target(&self, low: &str, high: &str) -> Result<PlanTarget> {
        Ok(PlanTarget::range(self.decimal(low)?, self.decimal(high)?))
    }

    fn decimal(&self, text: &str) -> Result<Decimal> {
        Decimal::from_str(text).map_err(|_| self.bad("value", text))
    }

    fn bad(&self, what: &'static str, text: &str) -> StoreError {
        StoreError::BadStoredValue {
            path: self.path.clone(),
            what,
            text: text.to_owned(),
        }
    }
}

/// Who, when and from where, the same for every change of one save.
struct LogContext {
    at: String,
    who: String,
    origin: &'static str,
}

fn log_change(
    tx: &Transaction<'_>,
    log: &LogContext,
    key: (UnitId, i16, IndicatorId),
    slot: &str,
    old: Option<&Stored>,
    new: Option<&Stored>,
) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO change_log (at, who, origin, unit_id, year, indicator_id, slot,
             old_value, new_value, old_text, new_text, old_note, new_note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    stmt.execute(params![
        log.at,
        log.who,
        log.origin,
        key.0.0,
        key.1,
        key.2.0,
        slot,
        old.map(|o| &o.0),
        new.map(|n| &n.0),
        old.map(|o| &o.1),
        new.map(|n| &n.1),
        old.map(|o| &o.2),
        new.map(|n| &n.2),
    ])?;
    Ok(())
}

/// Writes one figure if it differs from what is stored; true when it did.
fn write_figure(tx: &Transaction<'_>, w: &FigureWrite, log: &LogContext) -> rusqlite::Result<bool> {
    let key = params![w.unit.0, w.year, w.indicator.0, w.stage.code()];
    let old: Option<Stored> = tx
        .prepare_cached(
            "SELECT value, text, note FROM figure
             WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND stage = ?4",
        )?
        .query_row(key, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let new: Option<Stored> = w
        .value
        .as_ref()
        .map(|(value, text)| (value.to_string(), text.clone(), w.note.clone()));
    if old == new {
        return Ok(false);
    }
    match &new {
        Some((value, text, note)) => {
            tx.prepare_cached(
                "INSERT INTO figure (unit_id, year, indicator_id, stage, value, text, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (unit_id, year, indicator_id, stage) DO UPDATE
                 SET value = excluded.value, text = excluded.text, note = excluded.note",
            )?
            .execute(params![
                w.unit.0,
                w.year,
                w.indicator.0,
                w.stage.code(),
                value,
                text,
                note
            ])?;
        }
        None => {
            tx.prepare_cached(
                "DELETE FROM figure
                 WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND stage = ?4",
            )?
            .execute(key)?;
        }
    }
    let slot = format!("figure:{}", w.stage.code());
    log_change(
        tx,
        log,
        (w.unit, w.year, w.indicator),
        &slot,
        old.as_ref(),
        new.as_ref(),
    )?;
    Ok(true)
}

/// A target as the log and the `low`/`high` columns write it ("2451.8", "6.6–6.8").
fn target_text(target: PlanTarget) -> String {
    match target {
        PlanTarget::Value(v) => v.to_string(),
        PlanTarget::Range { low, high } => format!("{low}–{high}"),
    }
}

/// A plan row as stored, for comparison and revision.
struct StoredPlan {
    low: String,
    high: String,
    text: String,
    note: String,
    original: Option<(String, String)>,
    derived: bool,
}

impl StoredPlan {
    /// The row as the change log compares it.
    fn logged(&self) -> Stored {
        let value = if self.low == self.high {
            self.low.clone()
        } else {
            format!("{}–{}", self.low, self.high)
        };
        (value, self.text.clone(), self.note.clone())
    }
}

/// Writes one plan if it differs from what is stored; true when it did. A changed target keeps
/// the first one as the original.
fn write_plan(tx: &Transaction<'_>, w: &PlanWrite, log: &LogContext) -> rusqlite::Result<bool> {
    let key = params![w.unit.0, w.year, w.indicator.0, w.source.code()];
    let old = tx
        .prepare_cached(
            "SELECT low, high, text, note, original_low, original_high, derived FROM plan
             WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND source = ?4",
        )?
        .query_row(key, |r| {
            let original_low: Option<String> = r.get(4)?;
            let original_high: Option<String> = r.get(5)?;
            Ok(StoredPlan {
                low: r.get(0)?,
                high: r.get(1)?,
                text: r.get(2)?,
                note: r.get(3)?,
                original: original_low.zip(original_high),
                derived: r.get(6)?,
            })
        })
        .optional()?;
    let old_logged = old.as_ref().map(StoredPlan::logged);
    let new_logged = w
        .target
        .map(|t| (target_text(t), w.text.clone(), w.note.clone()));
    let derived_changed = old.as_ref().is_some_and(|o| o.derived != w.derived);
    if old_logged == new_logged && !derived_changed {
        return Ok(false);
    }
    match w.target {
        Some(target) => {
            let (low, high) = (target.low().to_string(), target.high().to_string());
            // The first target survives every revision.
            let original = old.as_ref().and_then(|o| {
                o.original.clone().or_else(|| {
                    (o.low != low || o.high != high).then(|| (o.low.clone(), o.high.clone()))
                })
            });
            let (original_low, original_high) = original.unzip();
            tx.prepare_cached(
                "INSERT INTO plan (unit_id, year, indicator_id, source, low, high, text,
                     original_low, original_high, derived, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
                 ON CONFLICT (unit_id, year, indicator_id, source) DO UPDATE
                 SET low = excluded.low, high = excluded.high, text = excluded.text,
                     original_low = excluded.original_low, original_high = excluded.original_high,
                     derived = excluded.derived, note = excluded.note",
            )?
            .execute(params![
                w.unit.0,
                w.year,
                w.indicator.0,
                w.source.code(),
                low,
                high,
                w.text,
                original_low,
                original_high,
                w.derived,
                w.note,
            ])?;
        }
        None => {
            tx.prepare_cached(
                "DELETE FROM plan
                 WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND source = ?4",
            )?
            .execute(key)?;
        }
    }
    let slot = format!("plan:{}", w.source.code());
    log_change(
        tx,
        log,
        (w.unit, w.year, w.indicator),
        &slot,
        old_logged.as_ref(),
        new_logged.as_ref(),
    )?;
    Ok(true)
}

impl Store {
    /// One indicator of a ward over every year that holds a plan or a figure for it, oldest
    /// first, each year computed as a report row (with the year before as "last year").
    pub fn trend(&self, unit: UnitId, indicator: IndicatorId) -> Result<Vec<(i16, ReportRow)>> {
        let (_, definition) = self
            .indicators()?
            .into_iter()
            .find(|(id, _)| *id == indicator)
            .ok_or_else(|| StoreError::UnknownIndicator(format!("#{}", indicator.0)))?;
        let mut years: Vec<i16> = Vec::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT year FROM figure WHERE unit_id = ?1 AND indicator_id = ?2
                 UNION SELECT year FROM plan WHERE unit_id = ?1 AND indicator_id = ?2
                 ORDER BY year",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![unit.0, indicator.0], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        for year in rows {
            years.push(year.map_err(|e| self.sql(e))?);
        }
        let mut series = Vec::with_capacity(years.len());
        for year in years {
            let data = IndicatorYear {
                indicator: definition.clone(),
                plans: self
                    .plans_of(unit, year)?
                    .remove(&indicator)
                    .unwrap_or_default(),
                figures: self
                    .figures_of(unit, year)?
                    .remove(&indicator)
                    .unwrap_or_default(),
                previous: self
                    .figures_of(unit, year - 1)?
                    .remove(&indicator)
                    .unwrap_or_default(),
            };
            series.push((year, ReportRow::new(data)));
        }
        Ok(series)
    }

    /// The years in which a ward has any plan or figure, newest first.
    pub fn years_with_data(&self, unit: UnitId) -> Result<Vec<i16>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT year FROM figure WHERE unit_id = ?1
                 UNION SELECT DISTINCT year FROM plan WHERE unit_id = ?1
                 ORDER BY year DESC",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([unit.0], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        rows.collect::<rusqlite::Result<Vec<i16>>>()
            .map_err(|e| self.sql(e))
    }

    /// True when any ward holds, or ever held, a plan or a figure of this indicator: it can then
    /// only be archived, never deleted. Every write goes through the change log, whose index
    /// answers this without scanning the figures.
    pub fn indicator_has_data(&self, indicator: IndicatorId) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM change_log WHERE indicator_id = ?1)",
                [indicator.0],
                |r| r.get(0),
            )
            .map_err(|e| self.sql(e))
    }
}
