//! Plans and figures read from the store: a ward-year for the report, the trend of an
//! indicator, what holds data.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::str::FromStr as _;

use rusqlite::params;
use rust_decimal::Decimal;

use super::schema::{source_from_number, stage_from_number};
use super::{IndicatorId, Result, Store, StoreError, UnitId};
use crate::domain::report::{self, IndicatorYear, Report, ReportRow};
use crate::domain::{Figure, Plan, PlanTarget};

impl Store {
    /// A ward's report for a year: every indicator in the catalogue (archived ones only when
    /// they hold a plan or figure that year), with its plans, figures and last year's figures.
    ///
    /// A province or a city reports its wards' sum, and a ward made by a merger its
    /// predecessors' sum for the years before it (see [`Store::consolidated`]).
    ///
    /// Each line carries last year's % of plan ([`ReportRow::previous_percent`]): last year's
    /// report is computed too, the same way, so the year's reads are doubled.
    pub fn report(&self, unit: UnitId, year: i16) -> Result<Report> {
        self.snapshot(|| {
            let admin_unit = self.unit(unit)?;
            let mut report = match self.consolidated(unit, &admin_unit, year)? {
                Some(report) => report,
                None => {
                    let locks = self.locks_holding(unit, year)?;
                    let data = self.own_year_data(unit, &admin_unit, year)?;
                    Report::new(admin_unit.clone(), year, data)
                        .with_locks(locks.into_iter().map(|l| l.lock).collect())
                }
            };
            report.attach_last_year(&self.last_year_report(unit, &admin_unit, year)?);
            Ok(report)
        })
    }

    /// The report of the year before `year`, without its locks nor its own year before: what
    /// this year's lines take their last year % of plan from.
    pub(super) fn last_year_report(
        &self,
        unit: UnitId,
        admin_unit: &crate::domain::AdminUnit,
        year: i16,
    ) -> Result<Report> {
        let last = year - 1;
        if let Some(report) = self.consolidated(unit, admin_unit, last)? {
            return Ok(report);
        }
        let data = self.own_year_data(unit, admin_unit, last)?;
        Ok(Report::new(admin_unit.clone(), last, data))
    }

    /// [`Store::year_data`] of a ward reporting its own figures; in its first year after a
    /// merger, "last year" is its predecessors' sum where every one of them had a value.
    pub(super) fn own_year_data(
        &self,
        unit: UnitId,
        admin_unit: &crate::domain::AdminUnit,
        year: i16,
    ) -> Result<Vec<IndicatorYear>> {
        let mut data = self.year_data(unit, year)?;
        if data.iter().all(|d| !d.previous.is_empty()) {
            return Ok(data);
        }
        let Some(before) = self.consolidated(unit, admin_unit, year - 1)? else {
            return Ok(data);
        };
        for item in data.iter_mut().filter(|d| d.previous.is_empty()) {
            let summed = before
                .rows
                .iter()
                .find(|r| r.indicator.code == item.indicator.code)
                .and_then(|r| r.current.clone());
            item.previous.extend(summed);
        }
        Ok(data)
    }

    /// What a ward's report of a year is computed from: every indicator in the catalogue
    /// (archived ones only when they hold a plan or figure that year), with all its plans, all
    /// its figures and last year's figures. Exports that list every stage read this.
    pub fn year_data(&self, unit: UnitId, year: i16) -> Result<Vec<IndicatorYear>> {
        let mut plans = self.plans_of(unit, year)?;
        let mut figures = self.figures_of(unit, year)?;
        let mut previous = self.figures_of(unit, year - 1)?;
        let mut data = Vec::new();
        for (id, indicator) in self.indicators()? {
            let plans = plans.remove(&id).unwrap_or_default();
            let figures = figures.remove(&id).unwrap_or_default();
            if indicator.archived && plans.is_empty() && figures.is_empty() {
                continue;
            }
            data.push(IndicatorYear {
                indicator,
                plans,
                figures,
                previous: previous.remove(&id).unwrap_or_default(),
            });
        }
        Ok(data)
    }

    /// The plans of a ward-year, by indicator.
    pub fn plans_of(&self, unit: UnitId, year: i16) -> Result<HashMap<IndicatorId, Vec<Plan>>> {
        let mut plans: HashMap<IndicatorId, Vec<Plan>> = HashMap::new();
        self.read_plans(
            "SELECT indicator_id, source, low, high, text, original_low, original_high,
                    derived, note
             FROM plan WHERE unit_id = ?1 AND year = ?2",
            params![unit.0, year],
            |indicator, plan| {
                plans.entry(IndicatorId(indicator)).or_default().push(plan);
            },
        )?;
        Ok(plans)
    }

    /// The figures of a ward-year, by indicator.
    pub fn figures_of(&self, unit: UnitId, year: i16) -> Result<HashMap<IndicatorId, Vec<Figure>>> {
        let mut figures: HashMap<IndicatorId, Vec<Figure>> = HashMap::new();
        self.read_figures(
            "SELECT indicator_id, stage, value, text, note
             FROM figure WHERE unit_id = ?1 AND year = ?2",
            params![unit.0, year],
            |indicator, figure| {
                figures
                    .entry(IndicatorId(indicator))
                    .or_default()
                    .push(figure);
            },
        )?;
        Ok(figures)
    }

    /// Runs a plan query whose columns are a grouping key (indicator or year), then `source,
    /// low, high, text, original_low, original_high, derived, note`; hands each row to `each`.
    pub(super) fn read_plans(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        mut each: impl FnMut(i64, Plan),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql(e))?;
        let mut rows = stmt.query(params).map_err(|e| self.sql(e))?;
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let get = |e| StoreError::from_sqlite(&self.path, e);
            let source: i64 = r.get(1).map_err(get)?;
            let source = source_from_number(source)
                .ok_or_else(|| self.bad("plan source", &source.to_string()))?;
            let text: String = r.get(4).map_err(get)?;
            // The numbers, in the form the text as typed words ("Dưới 3%": a ceiling).
            let target = self
                .target(
                    &r.get::<_, String>(2).map_err(get)?,
                    &r.get::<_, String>(3).map_err(get)?,
                )?
                .with_wording(&text);
            let original_low: Option<String> = r.get(5).map_err(get)?;
            let original_high: Option<String> = r.get(6).map_err(get)?;
            let original = match (original_low, original_high) {
                (Some(low), Some(high)) => Some(self.target(&low, &high)?),
                _ => None,
            };
            each(
                r.get(0).map_err(get)?,
                Plan {
                    source,
                    target,
                    text,
                    original,
                    derived: r.get(7).map_err(get)?,
                    note: r.get(8).map_err(get)?,
                },
            );
        }
        Ok(())
    }

    /// Runs a figure query whose columns are a grouping key (indicator or year), then `stage,
    /// value, text, note`; hands each row to `each`.
    pub(super) fn read_figures(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        mut each: impl FnMut(i64, Figure),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql(e))?;
        let mut rows = stmt.query(params).map_err(|e| self.sql(e))?;
        while let Some(r) = rows.next().map_err(|e| self.sql(e))? {
            let get = |e| StoreError::from_sqlite(&self.path, e);
            let stage: i64 = r.get(1).map_err(get)?;
            let stage =
                stage_from_number(stage).ok_or_else(|| self.bad("stage", &stage.to_string()))?;
            let value: String = r.get(2).map_err(get)?;
            each(
                r.get(0).map_err(get)?,
                Figure {
                    stage,
                    value: self.decimal(&value)?,
                    text: r.get(3).map_err(get)?,
                    note: r.get(4).map_err(get)?,
                },
            );
        }
        Ok(())
    }

    /// How many figures the file holds.
    pub fn figure_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM figure", [], |r| r.get(0))
            .map_err(|e| self.sql(e))
    }

    fn target(&self, low: &str, high: &str) -> Result<PlanTarget> {
        Ok(PlanTarget::range(self.decimal(low)?, self.decimal(high)?))
    }

    fn decimal(&self, text: &str) -> Result<Decimal> {
        Decimal::from_str(text).map_err(|_| self.bad("value", text))
    }

    pub(super) fn bad(&self, what: &'static str, text: &str) -> StoreError {
        StoreError::BadStoredValue {
            path: self.path.clone(),
            what,
            text: text.to_owned(),
        }
    }
}

impl Store {
    /// One indicator of a ward over every year that holds a plan or a figure for it, oldest
    /// first, each year computed as a report row (with the year before as "last year").
    ///
    /// A province's or a city's years are its wards' sums; a merged ward's years before the
    /// merger its predecessors' (see [`Store::consolidated`]).
    pub fn trend(&self, unit: UnitId, indicator: IndicatorId) -> Result<Vec<(i16, ReportRow)>> {
        let admin_unit = self.unit(unit)?;
        let mut summed = self.summed_units(&admin_unit)?;
        let mut own = self.own_trend(unit, indicator)?;
        if summed.is_empty() {
            report::attach_last_years(&mut own);
            return Ok(own);
        }
        let (_, definition) = self
            .indicators()?
            .into_iter()
            .find(|(id, _)| *id == indicator)
            .ok_or_else(|| StoreError::UnknownIndicator(format!("#{}", indicator.0)))?;
        let mut only = vec![indicator];
        if let Some(weight) = definition.aggregation.weight() {
            only.push(self.indicator(weight)?.0);
        }
        summed.push(unit);
        let mut years = self.years_of(&summed)?;
        years.sort_unstable();
        let mut series = Vec::with_capacity(years.len());
        for year in years {
            let row = match self.consolidated_of(unit, &admin_unit, year, Some(&only))? {
                Some(report) => report
                    .rows
                    .into_iter()
                    .find(|r| r.indicator.code == definition.code)
                    .filter(|r| {
                        r.current.is_some()
                            || r.plan.is_some()
                            || r.consolidated
                                .as_ref()
                                .is_some_and(|c| c.distribution.is_some())
                    }),
                // A merged ward's own years; in its first, last year is its predecessors' sum,
                // as its report says.
                None => match own.iter().find(|(y, _)| *y == year) {
                    Some((_, row)) if row.previous.is_none() => {
                        let data = self.own_year_data(unit, &admin_unit, year)?;
                        Report::new(admin_unit.clone(), year, data)
                            .rows
                            .into_iter()
                            .find(|r| r.indicator.code == definition.code)
                            .or_else(|| Some(row.clone()))
                    }
                    found => found.map(|(_, row)| row.clone()),
                },
            };
            series.extend(row.map(|row| (year, row)));
        }
        report::attach_last_years(&mut series);
        Ok(series)
    }

    /// [`Store::trend`] of the unit's own plans and figures.
    fn own_trend(&self, unit: UnitId, indicator: IndicatorId) -> Result<Vec<(i16, ReportRow)>> {
        let (_, definition) = self
            .indicators()?
            .into_iter()
            .find(|(id, _)| *id == indicator)
            .ok_or_else(|| StoreError::UnknownIndicator(format!("#{}", indicator.0)))?;
        // Two range scans of the ward's rows, whatever the number of years.
        let mut plans: BTreeMap<i64, Vec<Plan>> = BTreeMap::new();
        self.read_plans(
            "SELECT year, source, low, high, text, original_low, original_high, derived, note
             FROM plan WHERE unit_id = ?1 AND indicator_id = ?2",
            params![unit.0, indicator.0],
            |year, plan| plans.entry(year).or_default().push(plan),
        )?;
        let mut figures: BTreeMap<i64, Vec<Figure>> = BTreeMap::new();
        self.read_figures(
            "SELECT year, stage, value, text, note
             FROM figure WHERE unit_id = ?1 AND indicator_id = ?2",
            params![unit.0, indicator.0],
            |year, figure| figures.entry(year).or_default().push(figure),
        )?;
        let years: BTreeSet<i64> = plans.keys().chain(figures.keys()).copied().collect();
        let mut series = Vec::with_capacity(years.len());
        for year in years {
            let data = IndicatorYear {
                indicator: definition.clone(),
                plans: plans.remove(&year).unwrap_or_default(),
                figures: figures.get(&year).cloned().unwrap_or_default(),
                previous: figures.get(&(year - 1)).cloned().unwrap_or_default(),
            };
            let year = i16::try_from(year).map_err(|_| self.bad("year", &year.to_string()))?;
            series.push((year, ReportRow::new(data)));
        }
        Ok(series)
    }

    /// The years in which a ward has any plan or figure, newest first.
    ///
    /// For a province, a city or a merged ward, the years of the units it adds up count too.
    pub fn years_with_data(&self, unit: UnitId) -> Result<Vec<i16>> {
        let mut units = self.summed_units(&self.unit(unit)?)?;
        units.push(unit);
        self.years_of(&units)
    }

    /// True when any ward holds, or ever held, a plan or a figure of this indicator: it can then
    /// only be archived, never deleted. Every save records the indicators it wrote in
    /// `indicator_use`, so this is one key lookup, however many figures the file holds.
    pub fn indicator_has_data(&self, indicator: IndicatorId) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM indicator_use WHERE indicator_id = ?1)")
            .and_then(|mut stmt| stmt.query_row([indicator.0], |r| r.get(0)))
            .map_err(|e| self.sql(e))
    }
}
