//! Wards' years as exports print them: one, or every ward of a year at once, each with the locks
//! that hold it.

use super::{Result, Store, UnitId};
use crate::domain::report::WardYear;
use crate::domain::{AdminUnit, Level};

impl Store {
    /// Every ward's year: the wards that report the year (standing on 31/12: a ward merged away
    /// on 30/6/2025 reports up to 2024, its successor from 2025), in the store's order, each read in turn,
    /// `progress` told (wards read, wards in all) after each.
    pub fn ward_years(
        &self,
        year: i16,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Vec<WardYear>> {
        let units: Vec<_> = self
            .units()?
            .into_iter()
            .filter(|(_, unit)| unit.level == Level::Ward && unit.reports_for(year))
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
        // Before the 2025 merger the reference data holds the nine wards and communes NQ 1661
        // merged; the demo's 2021 figures are Phường Thanh Trường's alone.
        let codes: Vec<&str> = wards.iter().map(|w| w.report.unit.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "03124", "03127", "03130", "03133", "03136", "03139", "03142", "03145", "03334"
            ]
        );
        assert_eq!(told.last(), Some(&(9, 9)));
        for ward in &wards {
            let has_figures = ward.report.rows.iter().any(|r| r.current.is_some());
            assert_eq!(
                has_figures,
                ward.report.unit.code == "03142",
                "{}",
                ward.report.unit.code
            );
        }
        // After it, the two new wards, and no figures yet; 2025 is theirs too (the old wards
        // stood only until 30/6).
        for year in [2025, 2026] {
            let merged = store.ward_years(year, |_, _| {}).unwrap();
            let codes: Vec<&str> = merged.iter().map(|w| w.report.unit.code.as_str()).collect();
            assert_eq!(codes, ["03127", "03334"], "{year}");
            assert!(merged.iter().all(|w| w.report.unit.valid_from.is_some()));
        }
        let merged = store.ward_years(2026, |_, _| {}).unwrap();
        assert!(
            merged
                .iter()
                .all(|w| w.report.rows.iter().all(|r| r.current.is_none()))
        );
    }
}
