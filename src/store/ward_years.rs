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
    ///
    /// Its lines carry last year's % of plan, from last year's report computed alike (twice
    /// the reads of the year alone).
    pub fn ward_year(&self, id: UnitId, unit: AdminUnit, year: i16) -> Result<WardYear> {
        self.snapshot(|| {
            let last = self.last_year_report(id, &unit, year)?;
            if let Some(mut report) = self.consolidated(id, &unit, year)? {
                report.attach_last_year(&last);
                return Ok(WardYear::consolidated(report));
            }
            let data = self.own_year_data(id, &unit, year)?;
            let mut ward = WardYear::new(unit, year, data);
            let locks = self.locks_holding(id, year)?;
            ward.report.locks = locks.into_iter().map(|l| l.lock).collect();
            ward.report.attach_last_year(&last);
            Ok(ward)
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use rust_decimal::Decimal;

    use crate::domain::{PlanSource, PlanTarget, Stage};
    use crate::store::{Batch, FigureWrite, Origin, PlanWrite};

    #[test]
    fn each_line_carries_last_years_percent_for_a_ward_and_for_its_city() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        let (ward, unit) = store.unit_for("03142", 2021).unwrap();
        let (crop, _) = store.indicator("crop_output").unwrap();
        let (budget, _) = store.indicator("budget_revenue").unwrap();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        // 2020: the crop 2.000 tấn against a plan of 2.500 (80%); the budget a value and no
        // plan.
        let figure = |indicator, value: &str| FigureWrite {
            unit: ward,
            indicator,
            year: 2020,
            stage: Stage::Actual,
            value: Some((d(value), value.into())),
            note: String::new(),
        };
        let batch = Batch {
            plans: vec![PlanWrite {
                unit: ward,
                indicator: crop,
                year: 2020,
                source: PlanSource::City,
                target: Some(PlanTarget::Value(d("2500"))),
                text: "2500".into(),
                derived: false,
                note: String::new(),
            }],
            figures: vec![figure(crop, "2000"), figure(budget, "16000000000")],
            ..Batch::default()
        };
        store.apply(&batch, Origin::Synthetic).unwrap();
        let last = |report: &crate::domain::report::Report, code: &str| {
            report
                .rows
                .iter()
                .find(|r| r.indicator.code == code)
                .unwrap()
                .previous_percent
        };
        let report = store.report(ward, 2021).unwrap();
        assert_eq!(last(&report, "crop_output"), Some(d("80")));
        assert_eq!(last(&report, "budget_revenue"), None);
        // This year's % is untouched: the published 114,6%.
        let crop_row = report
            .rows
            .iter()
            .find(|r| r.indicator.code == "crop_output")
            .unwrap();
        assert_eq!(
            crate::domain::report::percent_text(
                crop_row.assessment.percent,
                crate::domain::number::NumberStyle::Vi
            )
            .as_deref(),
            Some("114,6%")
        );
        // Exports read the same, for the one ward and for every ward of the year.
        let year = store.ward_year(ward, unit.clone(), 2021).unwrap();
        assert_eq!(year.report, report);
        let all = store.ward_years(2021, |_, _| {}).unwrap();
        let ours = all.iter().find(|w| w.report.unit.code == "03142").unwrap();
        assert_eq!(last(&ours.report, "crop_output"), Some(d("80")));
        // The city adds up its wards: its 2020 line is the ward's alone, 80% of the same plan.
        let (city, city_unit) = store.unit_for("094", 2021).unwrap();
        let city_report = store.report(city, 2021).unwrap();
        assert!(city_report.consolidation.is_some());
        assert_eq!(last(&city_report, "crop_output"), Some(d("80")));
        assert_eq!(last(&city_report, "budget_revenue"), None);
        let city_year = store.ward_year(city, city_unit, 2021).unwrap();
        assert_eq!(last(&city_year.report, "crop_output"), Some(d("80")));
        // A year whose year before holds nothing has no last year's %.
        assert!(!store.report(ward, 2020).unwrap().has_last_year());
    }

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
