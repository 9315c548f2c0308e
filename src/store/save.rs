//! One save: the writes of a batch and their change log, in one transaction.
//!
//! A new value is one `INSERT` whose row carries the save's `set_id`: the row itself records
//! who wrote it, when and from where, so the log adds nothing. Only when the slot already holds
//! a value is the old one read, compared and, if it differs, moved into `change_log` before
//! being overwritten (see the schema's notes on the change log).

use std::fmt::Write as _;

use rusqlite::{CachedStatement, Connection, OptionalExtension as _, params};

use super::schema::{source_number, stage_number};
use super::write::{Batch, FigureWrite, Origin, PlanWrite, SaveSummary};
use super::{Result, Store, StoreError};

impl Store {
    /// Writes a batch in one transaction, logging every change with who, when and from where.
    /// On any error nothing of the batch is written; a batch that changes nothing writes
    /// nothing at all.
    pub fn apply(&mut self, batch: &Batch, origin: Origin) -> Result<SaveSummary> {
        self.apply_with_progress(batch, origin, |_, _| {})
    }

    /// [`apply`](Self::apply), telling `progress` (writes done, writes in all) as it goes, every
    /// thousand writes and at the end, for a progress bar.
    pub fn apply_with_progress(
        &mut self,
        batch: &Batch,
        origin: Origin,
        progress: impl FnMut(usize, usize),
    ) -> Result<SaveSummary> {
        self.apply_logged(batch, origin, "", progress)
    }

    /// An import's save: a copy of the database is made first (in the backups folder, see
    /// [`BackupReason::Import`](super::BackupReason)), and the change log names the file the
    /// values came from. A batch that writes nothing makes no copy.
    pub fn apply_import(
        &mut self,
        batch: &Batch,
        file: &std::path::Path,
        progress: impl FnMut(usize, usize),
    ) -> Result<SaveSummary> {
        self.writable()?;
        if batch.plans.is_empty() && batch.figures.is_empty() && batch.aliases.is_empty() {
            return Ok(SaveSummary::default());
        }
        self.backup_before(super::BackupReason::Import)?;
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        self.apply_logged(batch, Origin::Import, &name, progress)
    }

    /// A save, its change set recording `origin` and `detail` (an import's file name).
    fn apply_logged(
        &mut self,
        batch: &Batch,
        origin: Origin,
        detail: &str,
        progress: impl FnMut(usize, usize),
    ) -> Result<SaveSummary> {
        self.apply_recorded(batch, origin, detail, progress, |_, _| Ok(false))
    }

    /// [`apply_logged`](Self::apply_logged), then `record` in the same transaction, told the
    /// save's `change_set` id (`None` when the batch changed nothing: then that row is not
    /// kept). What `record` writes (true when it wrote something) is kept even when the batch
    /// changed nothing; a failure of `record` leaves nothing written.
    pub(super) fn apply_recorded(
        &mut self,
        batch: &Batch,
        origin: Origin,
        detail: &str,
        mut progress: impl FnMut(usize, usize),
        record: impl FnOnce(&rusqlite::Transaction<'_>, Option<i64>) -> rusqlite::Result<bool>,
    ) -> Result<SaveSummary> {
        const EVERY: usize = 1000;
        self.writable()?;
        let total = batch.plans.len() + batch.figures.len();
        let mut done = 0;
        let path = self.path.clone();
        let err = |e| StoreError::from_sqlite(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        let mut summary = SaveSummary::default();
        let set;
        {
            let at = jiff::Timestamp::now().to_string();
            let mut save =
                Save::begin(&tx, &at, &super::os_user(), origin.code(), detail).map_err(err)?;
            set = save.set;
            for plan in &batch.plans {
                if save.plan(plan).map_err(err)? {
                    summary.plans_changed += 1;
                }
                done += 1;
                if done % EVERY == 0 {
                    progress(done, total);
                }
            }
            for figure in &batch.figures {
                if save.figure(figure).map_err(err)? {
                    summary.figures_changed += 1;
                }
                done += 1;
                if done % EVERY == 0 {
                    progress(done, total);
                }
            }
            save.finish().map_err(err)?;
            let at = jiff::Timestamp::now().to_string();
            for (alias, indicator) in &batch.aliases {
                let key = crate::domain::name_key(alias);
                let added = tx
                    .execute(
                        "INSERT INTO indicator_alias
                             (alias, key, indicator_id, created_at, created_by, origin)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (key) DO NOTHING",
                        rusqlite::params![
                            alias.trim(),
                            key,
                            indicator.0,
                            at,
                            super::os_user(),
                            origin.code()
                        ],
                    )
                    .map_err(err)?;
                summary.aliases_added += added;
            }
        }
        let changed = summary != SaveSummary::default();
        if !changed {
            tx.execute("DELETE FROM change_set WHERE id = ?1", [set])
                .map_err(err)?;
        }
        let recorded = record(&tx, changed.then_some(set)).map_err(err)?;
        if !changed && !recorded {
            // Not even the save's change set is kept.
            tx.rollback().map_err(err)?;
        } else {
            tx.commit().map_err(err)?;
        }
        progress(total, total);
        Ok(summary)
    }
}

/// The statements of one save, each prepared once for the whole batch.
pub(super) struct Save<'c> {
    conn: &'c Connection,
    /// The save's `change_set` row.
    set: i64,
    /// The indicators this save wrote, in order of first write (deduplicated at the end).
    used: Vec<i64>,
    /// The value of the figure being written, formatted without a fresh allocation per row.
    value: String,
    insert_figure: Option<CachedStatement<'c>>,
    select_figure: Option<CachedStatement<'c>>,
    update_figure: Option<CachedStatement<'c>>,
    delete_figure: Option<CachedStatement<'c>>,
    insert_plan: Option<CachedStatement<'c>>,
    select_plan: Option<CachedStatement<'c>>,
    update_plan: Option<CachedStatement<'c>>,
    delete_plan: Option<CachedStatement<'c>>,
    log: Option<CachedStatement<'c>>,
}

/// A statement of the save, prepared on first use.
fn statement<'s, 'c>(
    conn: &'c Connection,
    slot: &'s mut Option<CachedStatement<'c>>,
    sql: &str,
) -> rusqlite::Result<&'s mut CachedStatement<'c>> {
    match slot {
        Some(stmt) => Ok(stmt),
        None => Ok(slot.insert(conn.prepare_cached(sql)?)),
    }
}

const INSERT_FIGURE: &str =
    "INSERT INTO figure (unit_id, year, indicator_id, stage, value, text, note, set_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
     ON CONFLICT DO NOTHING";
const SELECT_FIGURE: &str = "SELECT value, text, note, set_id FROM figure
     WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND stage = ?4";
const UPDATE_FIGURE: &str = "UPDATE figure SET value = ?5, text = ?6, note = ?7, set_id = ?8
     WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND stage = ?4";
const DELETE_FIGURE: &str = "DELETE FROM figure
     WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND stage = ?4";
const INSERT_PLAN: &str =
    "INSERT INTO plan (unit_id, year, indicator_id, source, low, high, text, derived, note,
         set_id)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
     ON CONFLICT DO NOTHING";
const SELECT_PLAN: &str =
    "SELECT low, high, text, note, original_low, original_high, derived, set_id FROM plan
     WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND source = ?4";
const UPDATE_PLAN: &str =
    "UPDATE plan SET low = ?5, high = ?6, text = ?7, original_low = ?8, original_high = ?9,
         derived = ?10, note = ?11, set_id = ?12
     WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND source = ?4";
const DELETE_PLAN: &str = "DELETE FROM plan
     WHERE unit_id = ?1 AND year = ?2 AND indicator_id = ?3 AND source = ?4";
const LOG: &str = "INSERT INTO change_log (unit_id, year, indicator_id, slot, set_id, old_set_id,
         old_value, old_text, old_note)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/// A figure row as stored: value, text, note, and the save that wrote it.
struct StoredFigure {
    value: String,
    text: String,
    note: String,
    set: i64,
}

/// A plan row as stored, for comparison and revision.
struct StoredPlan {
    low: String,
    high: String,
    text: String,
    note: String,
    original: Option<(String, String)>,
    derived: bool,
    set: i64,
}

/// A past version of a slot, as `change_log` keeps it.
struct OldVersion<'a> {
    slot: &'a str,
    value: &'a str,
    text: &'a str,
    note: &'a str,
    written: i64,
}

/// The target as the change log shows it: "2451.8", or "6.6–6.8" for a band.
pub(super) fn logged_target(low: &str, high: &str) -> String {
    if low == high {
        low.to_owned()
    } else {
        format!("{low}–{high}")
    }
}

impl<'c> Save<'c> {
    /// Starts a save: its `change_set` row says when, who and from where.
    pub(super) fn begin(
        conn: &'c Connection,
        at: &str,
        who: &str,
        origin: &str,
        detail: &str,
    ) -> rusqlite::Result<Self> {
        conn.prepare_cached(
            "INSERT INTO change_set (at, who, origin, detail) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute([at, who, origin, detail])?;
        Ok(Self {
            conn,
            set: conn.last_insert_rowid(),
            used: Vec::new(),
            value: String::new(),
            insert_figure: None,
            select_figure: None,
            update_figure: None,
            delete_figure: None,
            insert_plan: None,
            select_plan: None,
            update_plan: None,
            delete_plan: None,
            log: None,
        })
    }

    /// Records the indicators written in `indicator_use`, once each.
    pub(super) fn finish(mut self) -> rusqlite::Result<()> {
        self.used.sort_unstable();
        self.used.dedup();
        let mut stmt = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO indicator_use (indicator_id) VALUES (?1)")?;
        for indicator in &self.used {
            stmt.execute([indicator])?;
        }
        Ok(())
    }

    fn use_indicator(&mut self, indicator: i64) {
        if self.used.last() != Some(&indicator) {
            self.used.push(indicator);
        }
    }

    fn log(&mut self, key: (i64, i16, i64), old: &OldVersion<'_>) -> rusqlite::Result<()> {
        // A value this save wrote itself never existed outside it: it is overwritten in place.
        if old.written == self.set {
            return Ok(());
        }
        statement(self.conn, &mut self.log, LOG)?.execute(params![
            key.0,
            key.1,
            key.2,
            old.slot,
            self.set,
            old.written,
            old.value,
            old.text,
            old.note,
        ])?;
        Ok(())
    }

    /// Writes one figure if it differs from what is stored; true when it did.
    pub(super) fn figure(&mut self, w: &FigureWrite) -> rusqlite::Result<bool> {
        let key = (w.unit.0, w.year, w.indicator.0);
        let stage = stage_number(w.stage);
        if let Some((value, text)) = &w.value {
            self.value.clear();
            write!(self.value, "{value}").expect("writing to a String cannot fail");
            let inserted =
                statement(self.conn, &mut self.insert_figure, INSERT_FIGURE)?.execute(params![
                    key.0, key.1, key.2, stage, self.value, text, w.note, self.set
                ])?;
            if inserted == 1 {
                self.use_indicator(key.2);
                return Ok(true);
            }
        }
        let old = statement(self.conn, &mut self.select_figure, SELECT_FIGURE)?
            .query_row(params![key.0, key.1, key.2, stage], |r| {
                Ok(StoredFigure {
                    value: r.get(0)?,
                    text: r.get(1)?,
                    note: r.get(2)?,
                    set: r.get(3)?,
                })
            })
            .optional()?;
        let Some(old) = old else {
            // Clearing a figure that is not there.
            return Ok(false);
        };
        if let Some((_, text)) = &w.value
            && old.value == self.value
            && old.text == *text
            && old.note == w.note
        {
            return Ok(false);
        }
        self.log(
            key,
            &OldVersion {
                slot: &format!("figure:{}", w.stage.code()),
                value: &old.value,
                text: &old.text,
                note: &old.note,
                written: old.set,
            },
        )?;
        match &w.value {
            Some((_, text)) => {
                statement(self.conn, &mut self.update_figure, UPDATE_FIGURE)?.execute(params![
                    key.0, key.1, key.2, stage, self.value, text, w.note, self.set
                ])?;
                self.use_indicator(key.2);
            }
            None => {
                statement(self.conn, &mut self.delete_figure, DELETE_FIGURE)?
                    .execute(params![key.0, key.1, key.2, stage])?;
            }
        }
        Ok(true)
    }

    /// Writes one plan if it differs from what is stored; true when it did. A changed target
    /// keeps the first one as the original.
    pub(super) fn plan(&mut self, w: &PlanWrite) -> rusqlite::Result<bool> {
        let key = (w.unit.0, w.year, w.indicator.0);
        let source = source_number(w.source);
        let target = w
            .target
            .map(|t| (t.low().to_string(), t.high().to_string()));
        if let Some((low, high)) = &target {
            let inserted =
                statement(self.conn, &mut self.insert_plan, INSERT_PLAN)?.execute(params![
                    key.0, key.1, key.2, source, low, high, w.text, w.derived, w.note, self.set
                ])?;
            if inserted == 1 {
                self.use_indicator(key.2);
                return Ok(true);
            }
        }
        let old = statement(self.conn, &mut self.select_plan, SELECT_PLAN)?
            .query_row(params![key.0, key.1, key.2, source], |r| {
                let original_low: Option<String> = r.get(4)?;
                let original_high: Option<String> = r.get(5)?;
                Ok(StoredPlan {
                    low: r.get(0)?,
                    high: r.get(1)?,
                    text: r.get(2)?,
                    note: r.get(3)?,
                    original: original_low.zip(original_high),
                    derived: r.get(6)?,
                    set: r.get(7)?,
                })
            })
            .optional()?;
        let Some(old) = old else {
            // Clearing a plan that is not there.
            return Ok(false);
        };
        if let Some((low, high)) = &target
            && old.low == *low
            && old.high == *high
            && old.text == w.text
            && old.note == w.note
            && old.derived == w.derived
        {
            return Ok(false);
        }
        self.log(
            key,
            &OldVersion {
                slot: &format!("plan:{}", w.source.code()),
                value: &logged_target(&old.low, &old.high),
                text: &old.text,
                note: &old.note,
                written: old.set,
            },
        )?;
        match target {
            Some((low, high)) => {
                // The first target survives every revision.
                let original = old.original.or_else(|| {
                    (old.low != low || old.high != high).then_some((old.low, old.high))
                });
                let (original_low, original_high) = original.unzip();
                statement(self.conn, &mut self.update_plan, UPDATE_PLAN)?.execute(params![
                    key.0,
                    key.1,
                    key.2,
                    source,
                    low,
                    high,
                    w.text,
                    original_low,
                    original_high,
                    w.derived,
                    w.note,
                    self.set,
                ])?;
                self.use_indicator(key.2);
            }
            None => {
                statement(self.conn, &mut self.delete_plan, DELETE_PLAN)?
                    .execute(params![key.0, key.1, key.2, source])?;
            }
        }
        Ok(true)
    }
}
