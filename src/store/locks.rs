//! Locks in the store: made and lifted (each with who, when and why, both kept), listed, and
//! read per ward-year for the write path; and how many values changed since a lock.

use rusqlite::{Row, params};

use super::{Origin, Result, Store, StoreError, UnitId};
use crate::domain::{Lock, LockEvent, LockPart};

/// The schema version that has the `year_lock` table.
const LOCKS_SINCE: i64 = 3;

const COLUMNS: &str = "l.id, u.code, u.name, l.year, l.part, l.locked_at, l.locked_by, l.reason,
     l.unlocked_at, l.unlocked_by, l.unlock_reason, l.mark, l.unit_id";

/// A lock as stored: the lock, its row id and the change set it was made after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLock {
    pub id: i64,
    pub lock: Lock,
    /// The unit locked; `None`: every unit.
    pub unit: Option<UnitId>,
    /// The last change set when it was locked: later ones changed values after it.
    pub mark: i64,
}

impl Store {
    /// Whether the file has the lock tables (an older file opened read-only has not).
    fn has_locks(&self) -> Result<bool> {
        Ok(!self.read_only || self.pragma("user_version")? >= LOCKS_SINCE)
    }

    /// Locks `part` of `year` for `unit` (`None`: every unit), saying why, after a copy of the
    /// database is made. Refused when the reason is empty or a lock already holds all that
    /// this one would.
    pub fn lock(
        &self,
        unit: Option<UnitId>,
        year: i16,
        part: LockPart,
        reason: &str,
        origin: Origin,
    ) -> Result<StoredLock> {
        self.writable()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::NoReason);
        }
        if let Some(holding) = self
            .locks(Some(year), None)?
            .into_iter()
            .filter(|l| l.lock.holds() && part.within(l.lock.part))
            .find(|l| l.unit.is_none() || (unit.is_some() && l.unit == unit))
        {
            return Err(StoreError::AlreadyLocked(Box::new(holding.lock)));
        }
        self.backup_before(super::BackupReason::Lock)?;
        let mark: i64 = self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM change_set", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.sql(e))?;
        self.conn
            .execute(
                "INSERT INTO year_lock (unit_id, year, part, locked_at, locked_by, reason, origin,
                                        mark)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    unit.map(|u| u.0),
                    year,
                    part.code(),
                    jiff::Timestamp::now().to_string(),
                    super::os_user(),
                    reason,
                    origin.code(),
                    mark
                ],
            )
            .map_err(|e| self.sql(e))?;
        let id = self.conn.last_insert_rowid();
        self.locks(Some(year), None)?
            .into_iter()
            .find(|l| l.id == id)
            .ok_or_else(|| self.bad("lock", &id.to_string()))
    }

    /// Lifts every lock that holds within `part` of `year` for `unit` (`None`: the locks on
    /// every unit, and each unit's own), saying why, after a copy of the database is made;
    /// returns the locks lifted. Refused when the reason is empty or no such lock holds.
    pub fn unlock(
        &self,
        unit: Option<UnitId>,
        year: i16,
        part: LockPart,
        reason: &str,
    ) -> Result<Vec<StoredLock>> {
        self.writable()?;
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(StoreError::NoReason);
        }
        let holding: Vec<StoredLock> = self
            .locks(Some(year), None)?
            .into_iter()
            .filter(|l| l.lock.holds())
            .collect();
        let ids: Vec<i64> = holding
            .iter()
            .filter(|l| l.lock.part.within(part) && (unit.is_none() || l.unit == unit))
            .map(|l| l.id)
            .collect();
        if ids.is_empty() {
            // A wider lock may hold it: the whole year's, or every unit's.
            let held_by = holding
                .into_iter()
                .find(|l| part.within(l.lock.part) && (l.unit.is_none() || l.unit == unit))
                .map(|l| Box::new(l.lock));
            return Err(StoreError::NotLocked {
                unit: unit.map(|u| self.unit(u)).transpose()?.map(|u| u.name),
                year,
                part,
                held_by,
            });
        }
        self.backup_before(super::BackupReason::Unlock)?;
        let at = jiff::Timestamp::now().to_string();
        let who = super::os_user();
        for id in &ids {
            self.conn
                .execute(
                    "UPDATE year_lock SET unlocked_at = ?2, unlocked_by = ?3, unlock_reason = ?4
                     WHERE id = ?1",
                    params![id, at, who, reason],
                )
                .map_err(|e| self.sql(e))?;
        }
        Ok(self
            .locks(Some(year), None)?
            .into_iter()
            .filter(|l| ids.contains(&l.id))
            .collect())
    }

    /// Every lock, held or lifted, oldest first: of `year` only, and of `unit` only (its own
    /// and those on every unit), when given.
    pub fn locks(&self, year: Option<i16>, unit: Option<UnitId>) -> Result<Vec<StoredLock>> {
        if !self.has_locks()? {
            return Ok(Vec::new());
        }
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM year_lock l LEFT JOIN admin_unit u ON u.id = l.unit_id
                 WHERE (?1 IS NULL OR l.year = ?1)
                   AND (?2 IS NULL OR l.unit_id IS NULL OR l.unit_id = ?2)
                 ORDER BY l.locked_at, l.id"
            ))
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map(params![year, unit.map(|u| u.0)], |r| Ok(self.lock_row(r)))
            .map_err(|e| self.sql(e))?;
        let mut list = Vec::new();
        for row in rows {
            list.push(row.map_err(|e| self.sql(e))??);
        }
        Ok(list)
    }

    /// The locks that hold a ward-year now.
    pub fn locks_holding(&self, unit: UnitId, year: i16) -> Result<Vec<StoredLock>> {
        Ok(self
            .locks(Some(year), Some(unit))?
            .into_iter()
            .filter(|l| l.lock.holds())
            .collect())
    }

    /// The values of a ward-year written, replaced or removed by saves after `mark`.
    pub fn changed_since(&self, unit: UnitId, year: i16, mark: i64) -> Result<usize> {
        let sql = format!(
            "WITH touched AS ({})
             SELECT count(*) FROM (SELECT DISTINCT year, indicator_id, slot FROM touched
                                    WHERE year = ?2 AND s > ?3)",
            super::saves::touched_sql()
        );
        self.conn
            .query_row(&sql, params![unit.0, year, mark], |r| r.get::<_, i64>(0))
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|e| self.sql(e))
    }

    fn lock_row(&self, r: &Row<'_>) -> Result<StoredLock> {
        let get = |e| self.sql(e);
        let code: Option<String> = r.get(1).map_err(get)?;
        let name: Option<String> = r.get(2).map_err(get)?;
        let part: String = r.get(4).map_err(get)?;
        let part = LockPart::from_code(&part).ok_or_else(|| StoreError::BadStoredValue {
            path: self.path.clone(),
            what: "lock part",
            text: part.clone(),
        })?;
        let time = |text: String| {
            text.parse::<jiff::Timestamp>()
                .map_err(|_| StoreError::BadStoredValue {
                    path: self.path.clone(),
                    what: "lock time",
                    text,
                })
        };
        let unlocked_at: Option<String> = r.get(8).map_err(get)?;
        let unlocked = match unlocked_at {
            Some(at) => Some(LockEvent {
                at: time(at)?,
                who: r
                    .get::<_, Option<String>>(9)
                    .map_err(get)?
                    .unwrap_or_default(),
                reason: r
                    .get::<_, Option<String>>(10)
                    .map_err(get)?
                    .unwrap_or_default(),
            }),
            None => None,
        };
        Ok(StoredLock {
            id: r.get(0).map_err(get)?,
            lock: Lock {
                unit: code.zip(name),
                year: r.get(3).map_err(get)?,
                part,
                locked: LockEvent {
                    at: time(r.get(5).map_err(get)?)?,
                    who: r.get(6).map_err(get)?,
                    reason: r.get(7).map_err(get)?,
                },
                unlocked,
            },
            unit: r.get::<_, Option<i64>>(12).map_err(get)?.map(UnitId),
            mark: r.get(11).map_err(get)?,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::Stage;
    use crate::store::{Batch, FigureWrite};

    #[test]
    fn a_lock_on_every_unit_holds_each_and_values_changed_after_one_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::demo::create_demo(&dir.path().join("w.db")).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        let every = store
            .lock(None, 2021, LockPart::Plans, "kế hoạch đã giao", Origin::Cli)
            .unwrap();
        assert_eq!(every.unit, None);
        let holding = store.locks_holding(unit, 2021).unwrap();
        assert_eq!(holding.len(), 1);
        assert!(store.locks_holding(unit, 2022).unwrap().is_empty());
        // A ward's own lock on its plans is already held by the lock on every unit.
        let again = store.lock(Some(unit), 2021, LockPart::Plans, "x", Origin::Cli);
        assert!(matches!(again, Err(StoreError::AlreadyLocked(_))));
        // Its whole year is not: the two hold together.
        let whole = store
            .lock(Some(unit), 2021, LockPart::All, "tổng kết", Origin::Cli)
            .unwrap();
        assert_eq!(store.locks_holding(unit, 2021).unwrap().len(), 2);
        // The estimate alone is not locked: the whole year's lock holds it, and says so.
        let estimate = store.unlock(Some(unit), 2021, LockPart::Stage(Stage::Estimate), "x");
        assert!(
            matches!(
                &estimate,
                Err(StoreError::NotLocked { held_by: Some(lock), .. }) if lock.part == LockPart::All
            ),
            "{estimate:?}"
        );
        // Unlocking the ward's year lifts its own lock, not the one on every unit.
        let lifted = store
            .unlock(Some(unit), 2021, LockPart::All, "sửa")
            .unwrap();
        assert_eq!(lifted.iter().map(|l| l.id).collect::<Vec<_>>(), [whole.id]);
        assert_eq!(store.locks_holding(unit, 2021).unwrap().len(), 1);

        // Two values written after the lock, one of them twice: two values changed.
        let (crop, _) = store.indicator("crop_output").unwrap();
        let (revenue, _) = store.indicator("budget_revenue").unwrap();
        for value in [2810, 2811] {
            let batch = Batch {
                figures: vec![
                    FigureWrite {
                        unit,
                        indicator: crop,
                        year: 2021,
                        stage: Stage::Actual,
                        value: Some((value.into(), value.to_string())),
                        note: String::new(),
                    },
                    FigureWrite {
                        unit,
                        indicator: revenue,
                        year: 2021,
                        stage: Stage::Final,
                        value: Some((17_500_000_000_i64.into(), "17,5 tỷ".into())),
                        note: String::new(),
                    },
                ],
                ..Batch::default()
            };
            store.apply(&batch, Origin::Cli).unwrap();
        }
        assert_eq!(store.changed_since(unit, 2021, whole.mark).unwrap(), 2);
        assert_eq!(store.changed_since(unit, 2020, whole.mark).unwrap(), 0);
    }
}
