//! Administrative units in the store: added once, found by statistics code and year.

use rusqlite::{OptionalExtension as _, Row, params};

use super::{Result, Store, StoreError, UnitId};
use crate::domain::{AdminUnit, Level, PlanSource};

const COLUMNS: &str =
    "id, code, name, level, parent_code, valid_from, valid_to, successor_code, synthetic";

impl Store {
    /// Adds a unit, or returns the one with the same code and start of validity.
    pub fn add_unit(&self, unit: &AdminUnit) -> Result<UnitId> {
        self.writable()?;
        let from = unit.valid_from.map(|d| d.to_string());
        let existing = self
            .conn
            .query_row(
                "SELECT id FROM admin_unit WHERE code = ?1 AND valid_from IS ?2",
                params![unit.code, from],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql(e))?;
        if let Some(id) = existing {
            return Ok(UnitId(id));
        }
        self.conn
            .execute(
                "INSERT INTO admin_unit (code, name, level, parent_code, valid_from, valid_to,
                     successor_code, synthetic)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    unit.code,
                    unit.name,
                    unit.level.code(),
                    unit.parent_code,
                    from,
                    unit.valid_to.map(|d| d.to_string()),
                    unit.successor_code,
                    unit.synthetic,
                ],
            )
            .map_err(|e| self.sql(e))?;
        Ok(UnitId(self.conn.last_insert_rowid()))
    }

    /// Every unit, wards last, by code.
    pub fn units(&self) -> Result<Vec<(UnitId, AdminUnit)>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM admin_unit ORDER BY
                   CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, code, valid_from"
            ))
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| Ok(self.unit_row(r)))
            .map_err(|e| self.sql(e))?;
        let mut units = Vec::new();
        for row in rows {
            units.push(row.map_err(|e| self.sql(e))??);
        }
        Ok(units)
    }

    /// The unit with this statistics code that existed in `year`. Codes are reused across
    /// mergers, so the year decides; the name never does. Where two units of the code existed
    /// that year (Phường Him Lam 03127 until 30/6/2025, Phường Điện Biên Phủ 03127 from
    /// 1/7/2025), the one standing on 31/12, which reports the year, is meant.
    pub fn unit_for(&self, code: &str, year: i16) -> Result<(UnitId, AdminUnit)> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM admin_unit WHERE code = ?1 ORDER BY valid_from"
            ))
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([code], |r| Ok(self.unit_row(r)))
            .map_err(|e| self.sql(e))?;
        let mut valid = None;
        for row in rows {
            let (id, unit) = row.map_err(|e| self.sql(e))??;
            if unit.reports_for(year) {
                return Ok((id, unit));
            }
            if valid.is_none() && unit.valid_in(year) {
                valid = Some((id, unit));
            }
        }
        valid.ok_or_else(|| StoreError::UnknownUnit {
            code: code.to_owned(),
            year,
        })
    }

    /// The unit with this row id.
    pub fn unit(&self, id: UnitId) -> Result<AdminUnit> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM admin_unit WHERE id = ?1"))
            .map_err(|e| self.sql(e))?;
        let row = stmt
            .query_row([id.0], |r| Ok(self.unit_row(r)))
            .map_err(|e| self.sql(e))?;
        Ok(row?.1)
    }

    /// The wards that report to the unit `parent` (a province or a city) for `year`: standing at
    /// the end of the year, under it or under one of its cities standing then. Empty for a ward.
    pub fn wards_under(&self, parent: &str, year: i16) -> Result<Vec<(UnitId, AdminUnit)>> {
        let units = self.units()?;
        let plain: Vec<AdminUnit> = units.iter().map(|(_, u)| u.clone()).collect();
        Ok(crate::domain::ward::wards_under(&plain, parent, year)
            .into_iter()
            .map(|index| units[index].clone())
            .collect())
    }

    /// The units merged into `successor` (see [`crate::domain::ward::predecessors`]).
    pub fn predecessors(&self, successor: &AdminUnit) -> Result<Vec<(UnitId, AdminUnit)>> {
        let units = self.units()?;
        let plain: Vec<AdminUnit> = units.iter().map(|(_, u)| u.clone()).collect();
        Ok(crate::domain::ward::predecessors(&plain, successor)
            .into_iter()
            .map(|index| units[index].clone())
            .collect())
    }

    /// The ward shown when none is named: the home ward, once one is chosen. A new database has
    /// none: of several wards, which one it keeps is the user's choice.
    pub fn home_ward_code(&self) -> Result<Option<String>> {
        self.setting("home_ward")
    }

    /// Chooses the home ward, by code; refused unless the database holds a ward of that code.
    pub fn set_home_ward(&self, code: &str) -> Result<()> {
        let is_ward = self
            .units()?
            .iter()
            .any(|(_, u)| u.code == code && u.level == Level::Ward);
        if !is_ward {
            return Err(StoreError::NotAWard(code.to_owned()));
        }
        self.set_setting("home_ward", code)
    }

    /// Who sets a ward's plans by default: the city while the ward sat under one, the province
    /// after the district level was abolished, "assigned" when the sources do not say.
    pub fn default_plan_source(&self, unit: &AdminUnit, year: i16) -> Result<PlanSource> {
        let Some(parent) = &unit.parent_code else {
            return Ok(PlanSource::Assigned);
        };
        Ok(match self.unit_for(parent, year) {
            Ok((_, p)) if p.level == Level::District => PlanSource::City,
            Ok((_, p)) if p.level == Level::Province => PlanSource::Province,
            Ok(_) | Err(StoreError::UnknownUnit { .. }) => PlanSource::Assigned,
            Err(other) => return Err(other),
        })
    }

    fn unit_row(&self, r: &Row<'_>) -> Result<(UnitId, AdminUnit)> {
        let get = |e| self.sql(e);
        let level: String = r.get(3).map_err(get)?;
        let date = |idx: usize| -> Result<Option<jiff::civil::Date>> {
            let text: Option<String> = r.get(idx).map_err(get)?;
            text.map(|t| {
                t.parse().map_err(|_| StoreError::BadStoredValue {
                    path: self.path.clone(),
                    what: "date",
                    text: t,
                })
            })
            .transpose()
        };
        Ok((
            UnitId(r.get(0).map_err(get)?),
            AdminUnit {
                code: r.get(1).map_err(get)?,
                name: r.get(2).map_err(get)?,
                level: Level::from_code(&level).ok_or_else(|| StoreError::BadStoredValue {
                    path: self.path.clone(),
                    what: "unit level",
                    text: level.clone(),
                })?,
                parent_code: r.get(4).map_err(get)?,
                valid_from: date(5)?,
                valid_to: date(6)?,
                successor_code: r.get(7).map_err(get)?,
                synthetic: r.get(8).map_err(get)?,
            },
        ))
    }
}
