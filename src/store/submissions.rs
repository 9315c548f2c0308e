//! The ward files a province gathered (`ward-kpi gather`): one `submission` row per ward-year a
//! file held, saying which file (name and SHA-256), when and by whom it was received, what it
//! was and what it wrote; and the one transaction that writes a gathering's values together
//! with its submissions.

use rusqlite::{OptionalExtension as _, Row, params};

use super::schema::{source_from_number, stage_from_number};
use super::write::{Batch, Origin, SaveSummary};
use super::{IndicatorId, Result, Store, StoreError, UnitId};
use crate::domain::{PlanSource, Stage};

/// What a gathered file was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SubmissionFormat {
    /// A ward's own ward-kpi database.
    Database,
    /// This program's workbook (.xlsx).
    Workbook,
    Csv,
    /// An official annex sheet (a workbook or a Word report's table).
    Annex,
}

impl SubmissionFormat {
    /// Every format.
    pub const ALL: [Self; 4] = [Self::Database, Self::Workbook, Self::Csv, Self::Annex];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::Database => "database",
            Self::Workbook => "workbook",
            Self::Csv => "csv",
            Self::Annex => "annex",
        }
    }

    /// The format from its stable code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// A ward-year's submission about to be recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSubmission {
    pub unit: UnitId,
    pub year: i16,
    pub file_name: String,
    pub sha256: String,
    pub format: SubmissionFormat,
    /// The values the gathering writes for this ward-year (0: it repeats what is stored).
    pub values: usize,
}

/// A recorded submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub id: i64,
    pub unit: UnitId,
    pub year: i16,
    pub file_name: String,
    pub sha256: String,
    /// When it was received (RFC 3339, UTC).
    pub received_at: jiff::Timestamp,
    /// The OS user who gathered it.
    pub received_by: String,
    /// The face it was gathered with: `cli` or `window`.
    pub origin: String,
    pub format: SubmissionFormat,
    pub values: usize,
    /// The save that wrote its values; `None` when it changed nothing.
    pub set_id: Option<i64>,
}

/// A slot of a ward-year, as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StoredSlot {
    Plan(PlanSource),
    Figure(Stage),
}

const COLUMNS: &str = "id, unit_id, year, file_name, sha256, received_at, received_by, origin,
     format, values_written, set_id";

impl Store {
    /// Every submission of `year` (of every year when `None`), oldest first.
    pub fn submissions(&self, year: Option<i16>) -> Result<Vec<Submission>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM submission WHERE ?1 IS NULL OR year = ?1 ORDER BY id"
            ))
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([year], |r| Ok(self.submission_row(r)))
            .map_err(|e| self.sql(e))?;
        let mut list = Vec::new();
        for row in rows {
            list.push(row.map_err(|e| self.sql(e))??);
        }
        Ok(list)
    }

    /// The latest submission of a ward-year, if any.
    pub fn latest_submission(&self, unit: UnitId, year: i16) -> Result<Option<Submission>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM submission WHERE unit_id = ?1 AND year = ?2
                 ORDER BY id DESC LIMIT 1"
            ))
            .map_err(|e| self.sql(e))?;
        let row = stmt
            .query_row(params![unit.0, year], |r| Ok(self.submission_row(r)))
            .optional()
            .map_err(|e| self.sql(e))?;
        row.transpose()
    }

    /// The slots of a ward-year whose value was written by one of its earlier submissions and
    /// is still that one's: what a newer submission of the ward-year replaces.
    pub fn slots_of_submissions(
        &self,
        unit: UnitId,
        year: i16,
    ) -> Result<Vec<(IndicatorId, StoredSlot)>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT indicator_id, 'plan', source FROM plan
                 WHERE unit_id = ?1 AND year = ?2 AND set_id IN
                     (SELECT set_id FROM submission WHERE unit_id = ?1 AND year = ?2)
                 UNION ALL
                 SELECT indicator_id, 'figure', stage FROM figure
                 WHERE unit_id = ?1 AND year = ?2 AND set_id IN
                     (SELECT set_id FROM submission WHERE unit_id = ?1 AND year = ?2)",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![unit.0, year], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                ))
            })
            .map_err(|e| self.sql(e))?;
        let mut slots = Vec::new();
        for row in rows {
            let (indicator, kind, number) = row.map_err(|e| self.sql(e))?;
            let slot = if kind == "plan" {
                source_from_number(number).map(StoredSlot::Plan)
            } else {
                stage_from_number(number).map(StoredSlot::Figure)
            };
            if let Some(slot) = slot {
                slots.push((IndicatorId(indicator), slot));
            }
        }
        Ok(slots)
    }

    /// A gathering's writes and its submissions in one transaction, after a copy of the
    /// database (as an import makes): the change log names `detail` (the file or folder), and
    /// each submission the save that wrote its values. Nothing to write and nothing to record
    /// writes nothing and makes no copy.
    pub fn apply_gathered(
        &mut self,
        batch: &Batch,
        submissions: &[NewSubmission],
        detail: &str,
        face: Origin,
        progress: impl FnMut(usize, usize),
    ) -> Result<SaveSummary> {
        self.writable()?;
        let nothing = batch.plans.is_empty() && batch.figures.is_empty();
        if nothing && submissions.is_empty() {
            return Ok(SaveSummary::default());
        }
        self.backup_before(super::BackupReason::Import)?;
        let at = jiff::Timestamp::now().to_string();
        let who = super::os_user();
        self.apply_recorded(batch, Origin::Import, detail, progress, |tx, set| {
            let mut insert = tx.prepare_cached(
                "INSERT INTO submission (unit_id, year, file_name, sha256, received_at,
                     received_by, origin, format, values_written, set_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for s in submissions {
                let set = set.filter(|_| s.values > 0);
                insert.execute(params![
                    s.unit.0,
                    s.year,
                    s.file_name,
                    s.sha256,
                    at,
                    who,
                    face.code(),
                    s.format.code(),
                    i64::try_from(s.values).unwrap_or(i64::MAX),
                    set,
                ])?;
            }
            Ok(!submissions.is_empty())
        })
    }

    fn submission_row(&self, r: &Row<'_>) -> Result<Submission> {
        let get = |e| self.sql(e);
        let bad = |what: &'static str, text: String| StoreError::BadStoredValue {
            path: self.path.clone(),
            what,
            text,
        };
        let at: String = r.get(5).map_err(get)?;
        let format: String = r.get(8).map_err(get)?;
        let values: i64 = r.get(9).map_err(get)?;
        Ok(Submission {
            id: r.get(0).map_err(get)?,
            unit: UnitId(r.get(1).map_err(get)?),
            year: r.get(2).map_err(get)?,
            file_name: r.get(3).map_err(get)?,
            sha256: r.get(4).map_err(get)?,
            received_at: at.parse().map_err(|_| bad("time", at.clone()))?,
            received_by: r.get(6).map_err(get)?,
            origin: r.get(7).map_err(get)?,
            format: SubmissionFormat::from_code(&format)
                .ok_or_else(|| bad("submission format", format.clone()))?,
            values: usize::try_from(values).unwrap_or(0),
            set_id: r.get(10).map_err(get)?,
        })
    }
}
