//! Many wards' reports of one year read at once, for the comparison of the wards under a
//! province or a city: three queries whatever the number of wards (their plans, their figures
//! of the year and of the year before, each at its latest stage), rather than a report read per
//! ward, which for 3,300 wards means ten thousand queries and the catalogue read each time.

use std::collections::HashMap;

use rusqlite::params;

use super::{Result, Store, UnitId};
use crate::domain::report::{IndicatorYear, Report};
use crate::domain::{AdminUnit, Figure, Plan};

/// A ward and an indicator in one number, as the queries below return them.
fn split(key: i64) -> (i64, i64) {
    (key >> 32, key & 0xFFFF_FFFF)
}

impl Store {
    /// The reports of `year` of every ward that reports to `parent` for it (see
    /// [`Store::wards_under`]), in the store's order of units, read in one snapshot. The
    /// reports carry no locks: the comparison does not show them.
    pub fn reports_under(&self, parent: &str, year: i16) -> Result<Vec<Report>> {
        self.snapshot(|| {
            let wards = self.wards_under(parent, year)?;
            self.reports_of(&wards, year)
        })
    }

    /// The reports of `year` of these wards, computed as [`Store::report`] computes one (each
    /// indicator's plans, its value at the latest stage and last year's), without the locks.
    pub fn reports_of(&self, wards: &[(UnitId, AdminUnit)], year: i16) -> Result<Vec<Report>> {
        let ids = serde_json::to_string(&wards.iter().map(|(id, _)| id.0).collect::<Vec<_>>())
            .map_err(|e| self.bad("unit list", &e.to_string()))?;
        let indicators = self.indicators()?;
        // Each ward-indicator's slot in flat tables, found without hashing every row: the
        // wards by binary search over their sorted ids, the few indicators by their position.
        let mut by_id: Vec<(i64, usize)> = wards
            .iter()
            .enumerate()
            .map(|(at, (id, _))| (id.0, at))
            .collect();
        by_id.sort_unstable();
        let indicator_at: HashMap<i64, usize> = indicators
            .iter()
            .enumerate()
            .map(|(at, (id, _))| (id.0, at))
            .collect();
        let width = indicators.len();
        let slot = |key: i64| -> Option<usize> {
            let (unit, indicator) = split(key);
            let ward = by_id
                .binary_search_by_key(&unit, |(id, _)| *id)
                .ok()
                .map(|i| by_id[i].1)?;
            Some(ward * width + *indicator_at.get(&indicator)?)
        };
        let cells = wards.len() * width;
        let mut plans: Vec<Vec<Plan>> = vec![Vec::new(); cells];
        self.read_plans(
            "SELECT (p.unit_id << 32) | p.indicator_id, p.source, p.low, p.high, p.text,
                    p.original_low, p.original_high, p.derived, p.note
             FROM json_each(?1) AS w JOIN plan AS p ON p.unit_id = w.value AND p.year = ?2",
            params![ids, year],
            |key, plan| {
                if let Some(at) = slot(key) {
                    plans[at].push(plan);
                }
            },
        )?;
        let mut figures: [Vec<Option<Figure>>; 2] = [vec![None; cells], vec![None; cells]];
        for (table, year) in figures.iter_mut().zip([year, year - 1]) {
            // The latest stage only (SQLite takes the other columns from the row of the max):
            // a report reads no other.
            self.read_figures(
                "SELECT (f.unit_id << 32) | f.indicator_id, max(f.stage), f.value, f.text, f.note
                 FROM json_each(?1) AS w JOIN figure AS f ON f.unit_id = w.value AND f.year = ?2
                 GROUP BY f.unit_id, f.indicator_id",
                params![ids, year],
                |key, figure| {
                    if let Some(at) = slot(key) {
                        table[at] = Some(figure);
                    }
                },
            )?;
        }
        let [mut current, mut previous] = figures;
        let mut reports = Vec::with_capacity(wards.len());
        for (ward, (_, unit)) in wards.iter().enumerate() {
            let mut data = Vec::with_capacity(width);
            for (i, (_, indicator)) in indicators.iter().enumerate() {
                let at = ward * width + i;
                let plans = std::mem::take(&mut plans[at]);
                let figures: Vec<Figure> = current[at].take().into_iter().collect();
                if indicator.archived && plans.is_empty() && figures.is_empty() {
                    continue;
                }
                data.push(IndicatorYear {
                    indicator: indicator.clone(),
                    plans,
                    figures,
                    previous: previous[at].take().into_iter().collect(),
                });
            }
            reports.push(Report::new(unit.clone(), year, data));
        }
        Ok(reports)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::domain::{AdminUnit, Level};
    use crate::store::{Batch, FigureWrite, Origin};

    #[test]
    fn read_at_once_the_reports_are_those_read_one_by_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = crate::demo::create_demo(&dir.path().join("d.db")).unwrap();
        // Thanh Trường (under the city 094) and a second ward under the same city, with one
        // estimate and one actual of the same indicator, and a figure last year.
        let (ward, _) = store.unit_for("03142", 2021).unwrap();
        let other = store
            .add_unit(&AdminUnit {
                code: "T0001".into(),
                name: "Phường Thử".into(),
                level: Level::Ward,
                parent_code: Some("094".into()),
                valid_from: None,
                valid_to: None,
                successor_code: None,
                synthetic: true,
            })
            .unwrap();
        let (crop, _) = store.indicator("crop_output").unwrap();
        let figure = |year, stage, value: &str| FigureWrite {
            unit: other,
            indicator: crop,
            year,
            stage,
            value: Some((value.parse().unwrap(), value.into())),
            note: String::new(),
        };
        let batch = Batch {
            figures: vec![
                figure(2021, crate::domain::Stage::Estimate, "100"),
                figure(2021, crate::domain::Stage::Actual, "120"),
                figure(2020, crate::domain::Stage::Actual, "90"),
            ],
            ..Batch::default()
        };
        store.apply(&batch, Origin::Synthetic).unwrap();
        let reports = store.reports_under("094", 2021).unwrap();
        // The city's eight wards of the reference data (NQ 1661's predecessors) and the new one.
        let codes: Vec<&str> = reports.iter().map(|r| r.unit.code.as_str()).collect();
        assert_eq!(codes.len(), 9, "{codes:?}");
        let of = |code: &str| reports.iter().find(|r| r.unit.code == code).unwrap();
        for (report, id) in [(of("03142"), ward), (of("T0001"), other)] {
            let mut alone = store.report(id, 2021).unwrap();
            alone.locks.clear();
            assert_eq!(report.rows.len(), alone.rows.len());
            for (a, b) in report.rows.iter().zip(&alone.rows) {
                assert_eq!(a.indicator, b.indicator);
                assert_eq!(a.current, b.current);
                assert_eq!(a.previous, b.previous);
                assert_eq!(a.assessment, b.assessment);
                assert_eq!(a.change, b.change);
            }
        }
        // The province counts the wards of its cities too (and huyện Điện Biên's commune).
        assert_eq!(store.reports_under("11", 2021).unwrap().len(), 10);
        assert!(store.reports_under("03142", 2021).unwrap().is_empty());
    }
}
