//! Wards' years as exports print them: one, or every ward of a year at once, each with the locks
//! that hold it.

use super::{Result, Store, UnitId};
use crate::domain::report::WardYear;
use crate::domain::{AdminUnit, Level};

impl Store {
    /// Every ward's year: the wards valid that year, in the store's order, each read in turn,
    /// `progress` told (wards read, wards in all) after each.
    pub fn ward_years(
        &self,
        year: i16,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Vec<WardYear>> {
        let units: Vec<_> = self
            .units()?
            .into_iter()
            .filter(|(_, unit)| unit.level == Level::Ward && unit.valid_in(year))
            .collect();
        let total = units.len();
        let mut wards = Vec::with_capacity(total);
        for (done, (id, unit)) in units.into_iter().enumerate() {
            wards.push(self.ward_year(id, unit, year)?);
            progress(done + 1, total);
        }
        Ok(wards)
    }

    /// One ward's year as exports print it, with the locks that hold it.
    ///
    /// A province or a city has its wards' sum, a merged ward's year before the merger its
    /// predecessors' (see [`Store::consolidated`]); its details are then the report's own lines.
    pub fn ward_year(&self, id: UnitId, unit: AdminUnit, year: i16) -> Result<WardYear> {
        if let Some(report) = self.consolidated(id, &unit, year)? {
            return Ok(WardYear::consolidated(report));
        }
        let data = self.own_year_data(id, &unit, year)?;
        let mut ward = WardYear::new(unit, year, data);
        let locks = self.locks_holding(id, year)?;
        ward.report.locks = locks.into_iter().map(|l| l.lock).collect();
        Ok(ward)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn every_ward_valid_in_the_year_is_read_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let mut told = Vec::new();
        let wards = store
            .ward_years(2021, |done, total| told.push((done, total)))
            .unwrap();
        // Before the 2025 merger the demo holds one ward: Phường Thanh Trường.
        let codes: Vec<&str> = wards.iter().map(|w| w.report.unit.code.as_str()).collect();
        assert_eq!(codes, ["03142"]);
        assert_eq!(told, [(1, 1)]);
        assert!(wards[0].report.rows.iter().any(|r| r.current.is_some()));
        // After it, the two new wards, and no figures yet.
        let merged = store.ward_years(2026, |_, _| {}).unwrap();
        let codes: Vec<&str> = merged.iter().map(|w| w.report.unit.code.as_str()).collect();
        assert_eq!(codes, ["03127", "03334"]);
        assert!(
            merged
                .iter()
                .all(|w| w.report.rows.iter().all(|r| r.current.is_none()))
        );
    }
}
