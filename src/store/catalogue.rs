//! The indicator catalogue in the store: listed in report order, added, edited, archived. A
//! name that is another indicator's alias is refused (see `aliases.rs`).

use rusqlite::{Row, params};

use super::{IndicatorId, Result, Store, StoreError};
use rust_decimal::Decimal;

use crate::domain::aggregation::AggregationError;
use crate::domain::indicator::IndicatorError;
use crate::domain::{Aggregation, Category, Direction, Indicator, Kind, Rules, Unit};

const COLUMNS: &str = "id, code, name_vi, name_en, category, unit, direction, kind, precision, \
     archived, sort_order, rule_min, rule_max, rule_change, rule_times_plan, rule_stage_gap, \
     aggregation, aggregation_weight";

/// What taking a catalogue file did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CatalogueMerge {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Store {
    /// The catalogue in report order (category, then position), archived ones included.
    pub fn indicators(&self) -> Result<Vec<(IndicatorId, Indicator)>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM indicator"))
            .map_err(|e| self.sql(e))?;
        let rows = stmt
            .query_map([], |r| Ok(self.indicator_row(r)))
            .map_err(|e| self.sql(e))?;
        let mut list = Vec::new();
        for row in rows {
            list.push(row.map_err(|e| self.sql(e))??);
        }
        list.sort_by(|(_, a), (_, b)| {
            (a.category, a.order, &a.code).cmp(&(b.category, b.order, &b.code))
        });
        Ok(list)
    }

    /// The indicator with this code.
    pub fn indicator(&self, code: &str) -> Result<(IndicatorId, Indicator)> {
        self.indicators()?
            .into_iter()
            .find(|(_, i)| i.code == code)
            .ok_or_else(|| StoreError::UnknownIndicator(code.to_owned()))
    }

    /// Adds an indicator to the catalogue; its code must be new.
    pub fn add_indicator(&self, indicator: &Indicator) -> Result<IndicatorId> {
        self.writable()?;
        indicator.validate()?;
        if self
            .indicators()?
            .iter()
            .any(|(_, i)| i.code == indicator.code)
        {
            return Err(StoreError::DuplicateIndicator(indicator.code.clone()));
        }
        self.check_names_free(indicator, None)?;
        self.check_weight(indicator)?;
        self.conn
            .execute(
                &format!(
                    "INSERT INTO indicator ({})
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                    COLUMNS.trim_start_matches("id, ")
                ),
                params![
                    indicator.code,
                    indicator.name_vi,
                    indicator.name_en,
                    indicator.category.code(),
                    indicator.unit.symbol(),
                    indicator.direction.code(),
                    indicator.kind.code(),
                    indicator.precision,
                    indicator.archived,
                    indicator.order,
                    rule_text(indicator.rules.min),
                    rule_text(indicator.rules.max),
                    rule_text(indicator.rules.max_change),
                    rule_text(indicator.rules.max_times_plan),
                    rule_text(indicator.rules.max_stage_gap),
                    indicator.aggregation.code(),
                    indicator.aggregation.weight(),
                ],
            )
            .map_err(|e| self.sql(e))?;
        Ok(IndicatorId(self.conn.last_insert_rowid()))
    }

    /// Replaces an indicator's definition; the code stays the key and cannot change.
    pub fn update_indicator(&self, indicator: &Indicator) -> Result<()> {
        self.writable()?;
        indicator.validate()?;
        let own = self
            .indicators()?
            .into_iter()
            .find(|(_, i)| i.code == indicator.code)
            .map(|(id, _)| id);
        self.check_names_free(indicator, own)?;
        self.check_weight(indicator)?;
        let changed = self
            .conn
            .execute(
                "UPDATE indicator SET name_vi = ?2, name_en = ?3, category = ?4, unit = ?5,
                     direction = ?6, kind = ?7, precision = ?8, archived = ?9, sort_order = ?10,
                     rule_min = ?11, rule_max = ?12, rule_change = ?13, rule_times_plan = ?14,
                     rule_stage_gap = ?15, aggregation = ?16, aggregation_weight = ?17
                 WHERE code = ?1",
                params![
                    indicator.code,
                    indicator.name_vi,
                    indicator.name_en,
                    indicator.category.code(),
                    indicator.unit.symbol(),
                    indicator.direction.code(),
                    indicator.kind.code(),
                    indicator.precision,
                    indicator.archived,
                    indicator.order,
                    rule_text(indicator.rules.min),
                    rule_text(indicator.rules.max),
                    rule_text(indicator.rules.max_change),
                    rule_text(indicator.rules.max_times_plan),
                    rule_text(indicator.rules.max_stage_gap),
                    indicator.aggregation.code(),
                    indicator.aggregation.weight(),
                ],
            )
            .map_err(|e| self.sql(e))?;
        if changed == 0 {
            return Err(StoreError::UnknownIndicator(indicator.code.clone()));
        }
        Ok(())
    }

    /// Takes a catalogue from a file: each indicator new by its code is added, each known one
    /// replaced by the file's definition (its rules included), in one transaction: all or
    /// nothing. Indicators the file does not name stay as they are.
    pub fn merge_catalogue(&self, list: &[Indicator]) -> Result<CatalogueMerge> {
        self.writable()?;
        let tx = self.conn.unchecked_transaction().map_err(|e| self.sql(e))?;
        let mut merge = CatalogueMerge::default();
        // Weights first: an indicator weighted by one the same file adds finds it there.
        let mut list: Vec<&Indicator> = list.iter().collect();
        list.sort_by_key(|i| i.aggregation.weight().is_some());
        for indicator in list {
            let stored = self
                .indicators()?
                .into_iter()
                .find(|(_, i)| i.code == indicator.code);
            match stored {
                Some((_, same)) if same == *indicator => merge.unchanged += 1,
                Some(_) => {
                    self.update_indicator(indicator)?;
                    merge.updated += 1;
                }
                None => {
                    self.add_indicator(indicator)?;
                    merge.added += 1;
                }
            }
        }
        tx.commit().map_err(|e| self.sql(e))?;
        Ok(merge)
    }

    /// Deletes an indicator that never held data; one with data must be archived instead.
    pub fn delete_indicator(&self, code: &str) -> Result<()> {
        self.writable()?;
        let (id, _) = self.indicator(code)?;
        if self.indicator_has_data(id)? {
            return Err(StoreError::IndicatorHasData(code.to_owned()));
        }
        self.conn
            .execute("DELETE FROM indicator WHERE id = ?1", [id.0])
            .map_err(|e| self.sql(e))?;
        Ok(())
    }

    /// Renumbers a category's indicators in the given order, in one transaction.
    pub fn reorder_indicators(&mut self, codes: &[String]) -> Result<()> {
        self.writable()?;
        let path = self.path.clone();
        let err = |e| StoreError::from_sqlite(&path, e);
        let tx = self.conn.transaction().map_err(err)?;
        for (order, code) in (1_i64..).zip(codes) {
            let changed = tx
                .execute(
                    "UPDATE indicator SET sort_order = ?1 WHERE code = ?2",
                    rusqlite::params![order, code],
                )
                .map_err(err)?;
            if changed == 0 {
                return Err(StoreError::UnknownIndicator(code.clone()));
            }
        }
        tx.commit().map_err(err)
    }

    /// A weighted average's weight must be another indicator of the catalogue, one that sums.
    fn check_weight(&self, indicator: &Indicator) -> Result<()> {
        let Some(weight) = indicator.aggregation.weight() else {
            return Ok(());
        };
        let error = |e| StoreError::Indicator(IndicatorError::Aggregation(e));
        match self.indicator(weight) {
            Ok((_, found)) if found.aggregation == Aggregation::Sum => Ok(()),
            Ok(_) => Err(error(AggregationError::WeightNotSummed {
                weight: weight.to_owned(),
            })),
            Err(StoreError::UnknownIndicator(_)) => {
                Err(error(AggregationError::UnknownWeight(weight.to_owned())))
            }
            Err(other) => Err(other),
        }
    }

    fn indicator_row(&self, r: &Row<'_>) -> Result<(IndicatorId, Indicator)> {
        let get = |e| self.sql(e);
        let bad = |what: &'static str, text: String| StoreError::BadStoredValue {
            path: self.path.clone(),
            what,
            text,
        };
        let category: String = r.get(4).map_err(get)?;
        let direction: String = r.get(6).map_err(get)?;
        let kind: String = r.get(7).map_err(get)?;
        let unit: String = r.get(5).map_err(get)?;
        let aggregation: String = r.get(16).map_err(get)?;
        let weight: Option<String> = r.get(17).map_err(get)?;
        let rule = |index: usize, what: &'static str| -> Result<Option<Decimal>> {
            let text: Option<String> = r.get(index).map_err(get)?;
            text.map(|t| t.parse::<Decimal>().map_err(|_| bad(what, t.clone())))
                .transpose()
        };
        Ok((
            IndicatorId(r.get(0).map_err(get)?),
            Indicator {
                code: r.get(1).map_err(get)?,
                name_vi: r.get(2).map_err(get)?,
                name_en: r.get(3).map_err(get)?,
                category: Category::from_code(&category)
                    .ok_or_else(|| bad("category", category.clone()))?,
                unit: Unit::new(unit),
                direction: Direction::from_code(&direction)
                    .ok_or_else(|| bad("direction", direction.clone()))?,
                kind: Kind::from_code(&kind).ok_or_else(|| bad("kind", kind.clone()))?,
                precision: r.get(8).map_err(get)?,
                archived: r.get(9).map_err(get)?,
                order: r.get(10).map_err(get)?,
                rules: Rules {
                    min: rule(11, "rule_min")?,
                    max: rule(12, "rule_max")?,
                    max_change: rule(13, "rule_change")?,
                    max_times_plan: rule(14, "rule_times_plan")?,
                    max_stage_gap: rule(15, "rule_stage_gap")?,
                },
                aggregation: Aggregation::from_code(&aggregation, weight.as_deref())
                    .ok_or_else(|| bad("aggregation", aggregation.clone()))?,
            },
        ))
    }
}

/// A rule as stored: its decimal text, `NULL` when it is not checked.
fn rule_text(rule: Option<Decimal>) -> Option<String> {
    rule.map(|v| v.normalize().to_string())
}
