//! Every ward's year at once, read for an export of all of them.

use super::{Result, Store};
use crate::domain::Level;
use crate::domain::report::WardYear;

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
            let mut ward = WardYear::new(unit, year, self.year_data(id, year)?);
            let locks = self.locks_holding(id, year)?;
            ward.report.locks = locks.into_iter().map(|l| l.lock).collect();
            wards.push(ward);
            progress(done + 1, total);
        }
        Ok(wards)
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
