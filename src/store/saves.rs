//! The change log by save: each save (a window's Save, a `set`, an import of one file) as one
//! entry with who, when, from where and how many values it changed, filtered by year,
//! indicator and origin; a save opened to its values; and a ward-year's changes by indicator,
//! for the grid's cells.

use std::collections::HashMap;

use rusqlite::params;

use super::schema::{source_number, stage_number};
use super::{ChangeEntry, IndicatorId, Result, Store, UnitId};
use crate::domain::{PlanSource, Stage};

/// The schema version whose `change_set` has a `detail` column.
const DETAIL_SINCE: i64 = 3;

/// One save of a ward's values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveEntry {
    pub set: i64,
    pub at: jiff::Timestamp,
    pub who: String,
    /// `window`, `cli`, `import`, `demo`, `synthetic`.
    pub origin: String,
    /// An import's file name; empty otherwise.
    pub detail: String,
    /// How many values (plan or figure slots) it wrote, replaced or removed.
    pub values: usize,
    /// The years it touched, oldest first.
    pub years: Vec<i16>,
}

/// Which saves to list; `None` lists all.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveFilter {
    pub year: Option<i16>,
    pub indicator: Option<IndicatorId>,
    pub origin: Option<String>,
}

/// A change of a save, with its year and indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveChange {
    pub year: i16,
    pub indicator: IndicatorId,
    pub entry: ChangeEntry,
}

impl Store {
    /// The column of a change set's detail: `''` in a file too old to have it (opened
    /// read-only, so not migrated).
    pub(super) fn detail_column(&self) -> Result<&'static str> {
        Ok(
            if self.read_only && self.pragma("user_version")? < DETAIL_SINCE {
                "''"
            } else {
                "detail"
            },
        )
    }

    /// The saves that changed values of `unit` and pass `filter` (a save counts only the
    /// values the filter keeps), newest first.
    pub fn saves(&self, unit: UnitId, filter: &SaveFilter) -> Result<Vec<SaveEntry>> {
        let sql = format!(
            "WITH touched AS ({touched})
             SELECT c.id, c.at, c.who, c.origin, {detail}, t.year, count(*)
               FROM touched t JOIN change_set c ON c.id = t.s
              WHERE (?2 IS NULL OR t.year = ?2) AND (?3 IS NULL OR t.indicator_id = ?3)
                AND (?4 IS NULL OR c.origin = ?4)
              GROUP BY c.id, t.year
              ORDER BY c.id DESC, t.year",
            touched = touched_sql(),
            detail = format!("c.{}", self.detail_column()?).replace("c.''", "''"),
        );
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.sql(e))?;
        let mut rows = stmt
            .query(params![
                unit.0,
                filter.year,
                filter.indicator.map(|i| i.0),
                filter.origin
            ])
            .map_err(|e| self.sql(e))?;
        let mut saves: Vec<SaveEntry> = Vec::new();
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let get = |e| self.sql(e);
            let set: i64 = r.get(0).map_err(get)?;
            let year: i16 = r.get(5).map_err(get)?;
            let count = usize::try_from(r.get::<_, i64>(6).map_err(get)?).unwrap_or(0);
            if let Some(last) = saves.last_mut().filter(|s| s.set == set) {
                last.values += count;
                last.years.push(year);
                continue;
            }
            let at: String = r.get(1).map_err(get)?;
            saves.push(SaveEntry {
                set,
                at: at.parse().map_err(|_| self.bad("change time", &at))?,
                who: r.get(2).map_err(get)?,
                origin: r.get(3).map_err(get)?,
                detail: r.get(4).map_err(get)?,
                values: count,
                years: vec![year],
            });
        }
        Ok(saves)
    }

    /// The changes one save made to `unit`'s values, by year and indicator.
    pub fn save_changes(&self, unit: UnitId, set: i64) -> Result<Vec<SaveChange>> {
        let sql = format!(
            "WITH touched AS ({})
             SELECT DISTINCT year, indicator_id FROM touched WHERE s = ?2
             ORDER BY year, indicator_id",
            touched_sql()
        );
        let pairs: Vec<(i16, i64)> = {
            let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.sql(e))?;
            stmt.query_map(params![unit.0, set], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(|e| self.sql(e))?
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.sql(e))?
        };
        let mut changes = Vec::new();
        for (year, indicator) in pairs {
            let indicator = IndicatorId(indicator);
            for entry in self.history(unit, indicator, year)? {
                if entry.set == set {
                    changes.push(SaveChange {
                        year,
                        indicator,
                        entry,
                    });
                }
            }
        }
        Ok(changes)
    }

    /// Every change to a ward-year's values, by indicator, oldest first (for the grid's cells).
    pub fn year_history(
        &self,
        unit: UnitId,
        year: i16,
    ) -> Result<HashMap<IndicatorId, Vec<ChangeEntry>>> {
        let sql = format!(
            "WITH touched AS ({})
             SELECT DISTINCT indicator_id FROM touched WHERE year = ?2",
            touched_sql()
        );
        let indicators: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.sql(e))?;
            stmt.query_map(params![unit.0, year], |r| r.get(0))
                .map_err(|e| self.sql(e))?
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.sql(e))?
        };
        let mut map = HashMap::new();
        for indicator in indicators {
            let indicator = IndicatorId(indicator);
            map.insert(indicator, self.history(unit, indicator, year)?);
        }
        Ok(map)
    }
}

/// Every (save, year, indicator, slot) a ward's values were touched by: the saves that wrote
/// each version (current rows and logged ones) and those that replaced or removed one. `?1` is
/// the unit. Slots are named as the change log names them ("plan:assigned", "figure:final").
pub(super) fn touched_sql() -> String {
    let sources: String = PlanSource::ALL
        .iter()
        .map(|s| format!(" WHEN {} THEN 'plan:{}'", source_number(*s), s.code()))
        .collect();
    let stages: String = Stage::ALL
        .iter()
        .map(|s| format!(" WHEN {} THEN 'figure:{}'", stage_number(*s), s.code()))
        .collect();
    format!(
        "SELECT set_id AS s, year, indicator_id, CASE source{sources} END AS slot
           FROM plan WHERE unit_id = ?1
         UNION SELECT set_id, year, indicator_id, CASE stage{stages} END
           FROM figure WHERE unit_id = ?1
         UNION SELECT old_set_id, year, indicator_id, slot FROM change_log WHERE unit_id = ?1
         UNION SELECT set_id, year, indicator_id, slot FROM change_log WHERE unit_id = ?1"
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::store::{Batch, FigureWrite};

    #[test]
    fn an_import_is_one_save_that_opens_to_its_values() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::demo::create_demo(&dir.path().join("w.db")).unwrap();
        let (unit, _) = store.unit_for("03142", 2021).unwrap();
        let (crop, _) = store.indicator("crop_output").unwrap();
        let (revenue, _) = store.indicator("budget_revenue").unwrap();
        let write = |indicator, stage, value: i64| FigureWrite {
            unit,
            indicator,
            year: 2021,
            stage,
            value: Some((value.into(), value.to_string())),
            note: String::new(),
        };
        let batch = Batch {
            figures: vec![
                // Replaces the stored actual; a new final.
                write(crop, Stage::Actual, 2810),
                write(revenue, Stage::Final, 17_500_000_000),
            ],
            ..Batch::default()
        };
        store
            .apply_import(
                &batch,
                std::path::Path::new("/tmp/bieu-2021.xlsx"),
                |_, _| {},
            )
            .unwrap();
        let saves = store.saves(unit, &SaveFilter::default()).unwrap();
        let import = &saves[0];
        assert_eq!(import.origin, "import");
        assert_eq!(import.detail, "bieu-2021.xlsx");
        assert_eq!(import.values, 2);
        assert_eq!(import.years, [2021]);
        // The demo's own save comes after (older), with every value it wrote.
        assert_eq!(saves.last().unwrap().origin, "demo");
        let changes = store.save_changes(unit, import.set).unwrap();
        assert_eq!(changes.len(), 2);
        let crop_change = changes.iter().find(|c| c.indicator == crop).unwrap();
        assert_eq!(crop_change.entry.slot, "figure:actual");
        assert_eq!(crop_change.entry.old_value.as_deref(), Some("2809.8"));
        assert_eq!(crop_change.entry.new_value.as_deref(), Some("2810"));
        assert_eq!(crop_change.entry.detail, "bieu-2021.xlsx");
        // Filtered by indicator, the import counts the one value it changed of it; by another
        // origin, it is not listed.
        let by_crop = SaveFilter {
            indicator: Some(crop),
            ..SaveFilter::default()
        };
        assert_eq!(store.saves(unit, &by_crop).unwrap()[0].values, 1);
        let by_window = SaveFilter {
            origin: Some("window".into()),
            ..SaveFilter::default()
        };
        assert!(store.saves(unit, &by_window).unwrap().is_empty());
        let year = store.year_history(unit, 2021).unwrap();
        // The plan and the actual the demo wrote, and the import's new actual.
        assert_eq!(year[&crop].len(), 3, "{:?}", year[&crop]);
    }
}
