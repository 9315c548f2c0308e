//! Reading what a consolidation adds up: the wards under a parent (or the units merged into a
//! ward) for a year and the year before, in a few queries whatever the number of wards, and the
//! report [`crate::domain::consolidate`] makes of them.

use std::collections::HashMap;
use std::str::FromStr as _;

use rusqlite::params;
use rust_decimal::Decimal;

use super::schema::stage_from_number;
use super::{IndicatorId, Result, Store, UnitId};
use crate::domain::consolidate::{self, Basis, Inputs, UnitYear, WardInput};
use crate::domain::report::Report;
use crate::domain::{AdminUnit, Figure, Indicator};

/// Units with their row ids.
type Units = Vec<(UnitId, AdminUnit)>;

/// Indicator ids take the low 20 bits of a plan row's key (a catalogue never nears a million
/// indicators), the unit id the rest.
const INDICATOR_BITS: i64 = 20;

impl Store {
    /// The consolidated report of `unit` for `year`, with the locks that hold the unit's year,
    /// when its figures are the sum of others': a province or a city (its wards standing that
    /// year), or a ward for a year before it was made by a merger (the units merged into it;
    /// from one unit only, that unit's own report as it stands, nothing being added).
    /// `None` for a ward reporting its own figures.
    pub fn consolidated(&self, id: UnitId, unit: &AdminUnit, year: i16) -> Result<Option<Report>> {
        self.consolidated_of(id, unit, year, None)
    }

    /// [`Store::consolidated`], reading only the figures of `only` (an indicator and its weight)
    /// when given: a trend reads one indicator over many years.
    pub(super) fn consolidated_of(
        &self,
        id: UnitId,
        unit: &AdminUnit,
        year: i16,
        only: Option<&[IndicatorId]>,
    ) -> Result<Option<Report>> {
        self.snapshot(|| {
            if !unit.is_parent() && unit.valid_from.is_none_or(|from| from.year() <= year) {
                return Ok(None);
            }
            let units = self.units()?;
            let Some((basis, wards)) = basis_in(&units, unit, year) else {
                return Ok(None);
            };
            if basis == Basis::Predecessors
                && let [(sole, predecessor)] = wards.as_slice()
            {
                return self
                    .sole_predecessor_report(*sole, predecessor, year)
                    .map(Some);
            }
            let catalogue = self.indicators()?;
            let position: HashMap<IndicatorId, usize> = catalogue
                .iter()
                .enumerate()
                .map(|(index, (id, _))| (*id, index))
                .collect();
            let indicators: Vec<Indicator> = catalogue.into_iter().map(|(_, i)| i).collect();
            let previous_units = match basis {
                Basis::Wards => under(&units, &unit.code, year - 1),
                Basis::Predecessors => wards.clone(),
            };
            let same = previous_units
                .iter()
                .map(|(id, _)| *id)
                .eq(wards.iter().map(|(id, _)| *id));
            let mut ids: Vec<UnitId> = wards.iter().map(|(id, _)| *id).collect();
            if !same {
                ids.extend(previous_units.iter().map(|(id, _)| *id));
            }
            ids.push(id);
            let mut years = self.unit_years(&ids, &[year, year - 1], &position, only)?;
            let mut take = |unit: UnitId, year: i16| {
                years
                    .remove(&(unit, year))
                    .unwrap_or_else(|| empty_year(indicators.len()))
            };
            let own_plans = take(id, year).plans;
            let previous_wards = (!same).then(|| {
                previous_units
                    .iter()
                    .map(|(pid, u)| (u.clone(), take(*pid, year - 1)))
                    .collect()
            });
            let wards = wards
                .into_iter()
                .map(|(wid, unit)| WardInput {
                    unit,
                    year: take(wid, year),
                    previous: take(wid, year - 1),
                })
                .collect();
            let mut report = consolidate::consolidate(&Inputs {
                unit: unit.clone(),
                year,
                basis,
                indicators,
                wards,
                previous_wards,
                own_plans,
            });
            report.locks = self
                .locks_holding(id, year)?
                .into_iter()
                .map(|l| l.lock)
                .collect();
            Ok(Some(report))
        })
    }

    /// A ward's year before its present row from its only predecessor (the same ward put
    /// straight under the province on 1/7/2025, or one renamed): nothing is added, so the year
    /// is that unit's own report as it stands, every line (a rate or a stock as much as a
    /// flow) with its value, % of plan and last year, under that unit's name and with its locks.
    fn sole_predecessor_report(
        &self,
        id: UnitId,
        predecessor: &AdminUnit,
        year: i16,
    ) -> Result<Report> {
        let data = self.own_year_data(id, predecessor, year)?;
        let locks = self.locks_holding(id, year)?;
        Ok(Report::new(predecessor.clone(), year, data)
            .with_locks(locks.into_iter().map(|l| l.lock).collect()))
    }

    /// The figures of `units` in `years` and their plans in the first of them, each a
    /// [`UnitYear`] in catalogue order (`position`): one figure query and one plan query, each
    /// a key range per unit. Of the figures only each slot's latest stage is read (its value,
    /// not its text as typed): it is the one a sum adds.
    fn unit_years(
        &self,
        units: &[UnitId],
        years: &[i16],
        position: &HashMap<IndicatorId, usize>,
        only: Option<&[IndicatorId]>,
    ) -> Result<HashMap<(UnitId, i16), UnitYear>> {
        let size = position.len();
        let only = only.map(|list| {
            serde_json::to_string(&list.iter().map(|i| i.0).collect::<Vec<_>>())
                .unwrap_or_else(|_| "[]".into())
        });
        let mut out: HashMap<(UnitId, i16), UnitYear> = HashMap::new();
        let list = serde_json::to_string(&units.iter().map(|u| u.0).collect::<Vec<_>>())
            .unwrap_or_else(|_| "[]".into());
        let (low, high) = (
            years.iter().copied().min().unwrap_or_default(),
            years.iter().copied().max().unwrap_or_default(),
        );
        // One row per slot, its latest stage: `figure_latest`, kept by the schema's triggers.
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT unit_id, year, indicator_id, stage, value FROM figure_latest
                 WHERE unit_id IN (SELECT value FROM json_each(?1)) AND year BETWEEN ?2 AND ?3
                   AND (?4 IS NULL OR indicator_id IN (SELECT value FROM json_each(?4)))",
            )
            .map_err(|e| self.sql(e))?;
        let mut rows = stmt
            .query(params![list, low, high, only])
            .map_err(|e| self.sql(e))?;
        // Catalogue positions by indicator id, and rows grouped by unit and year as they come:
        // no hashing per row.
        let slots: Vec<Option<usize>> = {
            let last = position.keys().map(|id| id.0).max().unwrap_or(0);
            let mut slots = vec![None; usize::try_from(last + 1).unwrap_or(0)];
            for (id, &at) in position {
                if let Some(slot) = usize::try_from(id.0).ok().and_then(|i| slots.get_mut(i)) {
                    *slot = Some(at);
                }
            }
            slots
        };
        let mut group: Option<((UnitId, i16), UnitYear)> = None;
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let get = |e| self.sql(e);
            let (unit, year, indicator): (i64, i64, i64) = (
                r.get(0).map_err(get)?,
                r.get(1).map_err(get)?,
                r.get(2).map_err(get)?,
            );
            let Some(at) = usize::try_from(indicator)
                .ok()
                .and_then(|i| slots.get(i).copied().flatten())
            else {
                continue;
            };
            let stage: i64 = r.get(3).map_err(get)?;
            let stage =
                stage_from_number(stage).ok_or_else(|| self.bad("stage", &stage.to_string()))?;
            let text = r
                .get_ref(4)
                .map_err(get)?
                .as_str()
                .map_err(|e| self.sql(e.into()))?;
            let value = Decimal::from_str(text).map_err(|_| self.bad("value", text))?;
            let year = i16::try_from(year).map_err(|_| self.bad("year", &year.to_string()))?;
            let key = (UnitId(unit), year);
            if group.as_ref().is_none_or(|(held, _)| *held != key) {
                if let Some((held, year)) = group.take() {
                    keep(&mut out, held, year);
                }
                group = Some((key, empty_year(size)));
            }
            if let Some((_, year)) = &mut group {
                year.figures[at] = Some(Figure {
                    stage,
                    value,
                    text: String::new(),
                    note: String::new(),
                });
            }
        }
        if let Some((held, year)) = group {
            keep(&mut out, held, year);
        }
        drop(rows);
        // Plans of the year only: last year's plans judge nothing here.
        for &year in &years[..1] {
            self.read_plans(
                &format!(
                    "SELECT (unit_id << {INDICATOR_BITS}) | indicator_id, source, low, high, text,
                            original_low, original_high, derived, note
                     FROM plan WHERE unit_id IN (SELECT value FROM json_each(?1)) AND year = ?2
                       AND (?3 IS NULL OR indicator_id IN (SELECT value FROM json_each(?3)))"
                ),
                params![list, year, only],
                |key, plan| {
                    let unit = UnitId(key >> INDICATOR_BITS);
                    let indicator = IndicatorId(key & ((1 << INDICATOR_BITS) - 1));
                    if let Some(&at) = position.get(&indicator) {
                        out.entry((unit, year))
                            .or_insert_with(|| empty_year(size))
                            .plans[at]
                            .push(plan);
                    }
                },
            )?;
        }
        Ok(out)
    }
}

impl Store {
    /// Every unit whose figures `unit` may add up in some year: the wards ever under it or
    /// under one of its cities, and the units merged into it. Empty for a ward of its own.
    pub(super) fn summed_units(&self, unit: &AdminUnit) -> Result<Vec<UnitId>> {
        let units = self.units()?;
        if unit.is_parent() {
            let cities: Vec<&str> = units
                .iter()
                .filter(|(_, u)| {
                    u.level == crate::domain::Level::District
                        && u.parent_code.as_deref() == Some(unit.code.as_str())
                })
                .map(|(_, u)| u.code.as_str())
                .collect();
            return Ok(units
                .iter()
                .filter(|(_, u)| {
                    u.level == crate::domain::Level::Ward
                        && u.parent_code
                            .as_deref()
                            .is_some_and(|p| p == unit.code || cities.contains(&p))
                })
                .map(|(id, _)| *id)
                .collect());
        }
        Ok(self
            .predecessors(unit)?
            .into_iter()
            .map(|(id, _)| id)
            .collect())
    }

    /// The years in which any of `units` holds a plan or a figure.
    pub(super) fn years_of(&self, units: &[UnitId]) -> Result<Vec<i16>> {
        let list = serde_json::to_string(&units.iter().map(|u| u.0).collect::<Vec<_>>())
            .unwrap_or_else(|_| "[]".into());
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT year FROM figure
                   WHERE unit_id IN (SELECT value FROM json_each(?1))
                 UNION SELECT DISTINCT year FROM plan
                   WHERE unit_id IN (SELECT value FROM json_each(?1))
                 ORDER BY year DESC",
            )
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([list], |r| r.get(0))
            .map_err(|e| self.sql(e))?;
        rows.collect::<rusqlite::Result<Vec<i16>>>()
            .map_err(|e| self.sql(e))
    }
}

/// The units `unit` adds up for `year` among `units` (see [`Store::consolidated`]).
fn basis_in(units: &[(UnitId, AdminUnit)], unit: &AdminUnit, year: i16) -> Option<(Basis, Units)> {
    if unit.is_parent() {
        return Some((Basis::Wards, under(units, &unit.code, year)));
    }
    let plain: Vec<AdminUnit> = units.iter().map(|(_, u)| u.clone()).collect();
    let merged: Units = crate::domain::ward::predecessors(&plain, unit)
        .into_iter()
        .map(|index| units[index].clone())
        .filter(|(_, u)| u.reports_for(year))
        .collect();
    (!merged.is_empty()).then_some((Basis::Predecessors, merged))
}

/// The wards under `parent` for `year` among `units` (see [`crate::domain::ward::wards_under`]).
fn under(units: &[(UnitId, AdminUnit)], parent: &str, year: i16) -> Units {
    let plain: Vec<AdminUnit> = units.iter().map(|(_, u)| u.clone()).collect();
    crate::domain::ward::wards_under(&plain, parent, year)
        .into_iter()
        .map(|index| units[index].clone())
        .collect()
}

/// Adds a unit's year of figures to `out`, merged with what is there (rows come grouped by
/// unit and year; were a group ever split, nothing of it would be lost).
fn keep(out: &mut HashMap<(UnitId, i16), UnitYear>, key: (UnitId, i16), year: UnitYear) {
    match out.entry(key) {
        std::collections::hash_map::Entry::Vacant(slot) => {
            slot.insert(year);
        }
        std::collections::hash_map::Entry::Occupied(mut slot) => {
            for (held, given) in slot.get_mut().figures.iter_mut().zip(year.figures) {
                if given.is_some() {
                    *held = given;
                }
            }
        }
    }
}

fn empty_year(size: usize) -> UnitYear {
    UnitYear {
        plans: vec![Vec::new(); size],
        figures: vec![None; size],
    }
}
