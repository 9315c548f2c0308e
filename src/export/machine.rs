//! The report as machines read it: stable codes, and numbers as plain decimals with a dot
//! (JSON numbers, CSV cells), never formatted for people.

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::domain::compute::{self, Change};
use crate::domain::report::Report;
use crate::domain::{PlanTarget, Stage};

/// One row as machines read it: codes, and numbers as JSON numbers (exact, never floats).
#[derive(Serialize)]
pub struct MachineRow<'a> {
    pub indicator: &'a str,
    pub name: &'a str,
    pub category: &'a str,
    pub unit: &'a str,
    /// The number the value is judged against: the plan's value, a band's lower end, a
    /// ceiling's or floor's bound, or what a plan relative to last year comes to (`null` when
    /// last year has no value to go by).
    pub plan: Option<Box<RawValue>>,
    pub plan_high: Option<Box<RawValue>>,
    pub plan_source: Option<&'a str>,
    pub plan_derived: Option<bool>,
    /// The plan's form: `value`, `band`, `at_most`, `at_least`, `about`, `relative`.
    pub plan_form: Option<&'static str>,
    /// A plan in words as it was typed ("Dưới 3%"); `null` for a number or a band.
    pub plan_text: Option<&'a str>,
    pub value: Option<Box<RawValue>>,
    pub stage: Option<&'a str>,
    pub percent_of_plan: Option<Box<RawValue>>,
    pub status: &'a str,
    pub previous: Option<Box<RawValue>>,
    pub change_vs_previous: Option<Box<RawValue>>,
    pub change_measure: Option<&'a str>,
    pub note: &'a str,
    /// True for a line added up from wards (or from a merged ward's predecessors).
    pub consolidated: bool,
    /// How the line adds up: `sum`, `weighted`, `distribution`; `null` for a ward's own line.
    pub aggregation: Option<&'static str>,
    /// Units whose value went in, and units expected; `null` for a ward's own line.
    pub wards_included: Option<usize>,
    pub wards_expected: Option<usize>,
    /// For a line not added up: the wards' lowest, median and highest values.
    pub lowest: Option<Box<RawValue>>,
    pub median: Option<Box<RawValue>>,
    pub highest: Option<Box<RawValue>>,
}

/// Decimals machine-readable percentages keep.
const MACHINE_PERCENT_DECIMALS: u32 = 2;

pub fn machine_number(value: Decimal) -> Option<Box<RawValue>> {
    RawValue::from_string(value.normalize().to_string()).ok()
}

pub fn machine_rows(report: &Report) -> Vec<MachineRow<'_>> {
    report
        .rows
        .iter()
        .map(|row| {
            let plan = row.plan.as_ref();
            let consolidated = row.consolidated.as_ref();
            let spread = consolidated.and_then(|c| c.distribution.as_ref());
            let band = match row.resolved {
                Some(PlanTarget::Range { high, .. }) => Some(high),
                _ => None,
            };
            MachineRow {
                indicator: &row.indicator.code,
                name: &row.indicator.name_vi,
                category: row.indicator.category.code(),
                unit: row.indicator.unit.symbol(),
                plan: row.resolved.and_then(|t| machine_number(t.low())),
                plan_high: band.and_then(machine_number),
                plan_source: plan.map(|p| p.source.code()),
                plan_derived: plan.map(|p| p.derived),
                plan_form: plan.map(|p| p.target.form_code()),
                plan_text: plan.filter(|p| p.target.is_worded()).map(|p| p.text.trim()),
                value: row.current.as_ref().and_then(|f| machine_number(f.value)),
                stage: row.current.as_ref().map(|f| Stage::code(f.stage)),
                percent_of_plan: row
                    .assessment
                    .percent
                    .and_then(|p| machine_number(compute::round(p, MACHINE_PERCENT_DECIMALS))),
                status: row.assessment.status.code(),
                previous: row.previous.as_ref().and_then(|f| machine_number(f.value)),
                change_vs_previous: row.change.and_then(|c| {
                    machine_number(compute::round(c.amount(), MACHINE_PERCENT_DECIMALS))
                }),
                change_measure: row.change.map(|c| match c {
                    Change::Percent(_) => "percent",
                    Change::Points(_) => "points",
                }),
                note: row.current.as_ref().map_or("", |f| f.note.as_str()),
                consolidated: row.consolidated.is_some(),
                aggregation: consolidated.map(|c| c.aggregation.code()),
                wards_included: consolidated.map(|c| c.included),
                wards_expected: consolidated.map(|c| c.expected),
                lowest: spread.and_then(|d| machine_number(d.lowest)),
                median: spread.and_then(|d| machine_number(d.median)),
                highest: spread.and_then(|d| machine_number(d.highest)),
            }
        })
        .collect()
}
