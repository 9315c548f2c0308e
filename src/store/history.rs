//! The change log: who changed a plan or a figure, when, from where, and from what to what.

use rusqlite::params;

use super::{IndicatorId, Result, Store, UnitId};

/// One logged change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeEntry {
    /// RFC 3339 timestamp, UTC.
    pub at: String,
    pub who: String,
    /// `window`, `cli`, `import`, `demo`, `synthetic`.
    pub origin: String,
    /// `plan:<source>` or `figure:<stage>`.
    pub slot: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub old_text: Option<String>,
    pub new_text: Option<String>,
    pub old_note: Option<String>,
    pub new_note: Option<String>,
}

impl Store {
    /// The changes to one ward's value of one indicator in one year, oldest first.
    pub fn history(
        &self,
        unit: UnitId,
        indicator: IndicatorId,
        year: i16,
    ) -> Result<Vec<ChangeEntry>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT at, who, origin, slot, old_value, new_value, old_text, new_text,
                        old_note, new_note
                 FROM change_log WHERE indicator_id = ?1 AND year = ?2 AND unit_id = ?3
                 ORDER BY id",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![indicator.0, year, unit.0], |r| {
                Ok(ChangeEntry {
                    at: r.get(0)?,
                    who: r.get(1)?,
                    origin: r.get(2)?,
                    slot: r.get(3)?,
                    old_value: r.get(4)?,
                    new_value: r.get(5)?,
                    old_text: r.get(6)?,
                    new_text: r.get(7)?,
                    old_note: r.get(8)?,
                    new_note: r.get(9)?,
                })
            })
            .map_err(|e| self.sql(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.sql(e))
    }
}
