//! A parent unit's report made from its wards' (a province's, or before 1/7/2025 a city's), and a
//! merged ward's years before its merger made from its predecessors'. Each indicator adds up as
//! its catalogue declares ([`Aggregation`]): a sum, an average weighted by another indicator, or
//! no sum at all but the spread of the wards' values. Completeness is always said: which wards
//! went in, which are missing; a sum of predecessors is given only when every one of them has a
//! value, never a partial sum passed off as whole.

use rust_decimal::Decimal;

use super::compute::{self, Status};
use super::figure::{Figure, Stage};
use super::number;
use super::plan::{self, Plan, PlanSource, PlanTarget};
use super::report::{IndicatorYear, Report, ReportRow};
use super::{AdminUnit, Aggregation, Indicator, Lang, Locale};

/// What one unit holds for a year, each list in the catalogue's order (one entry per indicator
/// of [`Inputs::indicators`]): its plans, and its figure at the latest stage present (the one a
/// report reads, see [`super::figure::current`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitYear {
    pub plans: Vec<Vec<Plan>>,
    pub figures: Vec<Option<Figure>>,
}

/// A ward taken into a consolidation: the unit, its year, and its year before (for a plan
/// relative to last year, and for the previous year's total when the wards are the same).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardInput {
    pub unit: AdminUnit,
    pub year: UnitYear,
    pub previous: UnitYear,
}

/// How the units added came to be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The wards under a province or a city that year.
    Wards,
    /// The units merged into a ward, for a year before the merger: a value only when every one
    /// of them has one.
    Predecessors,
}

/// Everything a consolidation reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inputs {
    /// The unit reported on: the parent, or the merged ward.
    pub unit: AdminUnit,
    pub year: i16,
    pub basis: Basis,
    /// The catalogue, in report order.
    pub indicators: Vec<Indicator>,
    /// The units expected that year, each with its year.
    pub wards: Vec<WardInput>,
    /// The units expected the year before, with that year's figures, when they differ from
    /// `wards` (a merger in between); `None`: the same units.
    pub previous_wards: Option<Vec<(AdminUnit, UnitYear)>>,
    /// The unit's own plans for the year (a province's plan of its own).
    pub own_plans: Vec<Vec<Plan>>,
}

/// The spread of the wards' values of an indicator that is not added up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Distribution {
    pub lowest: Decimal,
    pub median: Decimal,
    pub highest: Decimal,
    /// Wards with a value.
    pub wards: usize,
    /// Wards that met or exceeded their own plan.
    pub met: usize,
    /// Wards whose value could be judged against a plan of their own.
    pub with_plan: usize,
}

/// How one report line was added up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowConsolidation {
    pub aggregation: Aggregation,
    pub basis: Basis,
    /// Units whose value went into the line.
    pub included: usize,
    /// Units expected.
    pub expected: usize,
    /// Names of the units expected whose value (or weight) is missing.
    pub missing: Vec<String>,
    /// The wards' plans added (or averaged by the same weights), when every unit included has a
    /// plain number as its plan.
    pub plan_sum: Option<Decimal>,
    /// True when the % of plan is of the unit's own plan; false when it is of `plan_sum`.
    pub own_plan: bool,
    /// For an indicator not added up: how the wards spread.
    pub distribution: Option<Distribution>,
}

/// How a whole report was added up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Consolidation {
    pub basis: Basis,
    /// Names of the units expected, in order.
    pub expected: Vec<String>,
    /// Names of the units expected that have no figure at all that year.
    pub without_data: Vec<String>,
}

impl Consolidation {
    /// Units with at least one figure.
    pub fn with_data(&self) -> usize {
        self.expected.len() - self.without_data.len()
    }

    /// "42/45 phường có số liệu (chưa có: Phường A, Phường B)", or for a merged ward's early
    /// year "cộng từ 6 đơn vị cũ".
    pub fn line(&self, lang: Lang) -> String {
        let locale = lang.code();
        let head = match self.basis {
            Basis::Wards => rust_i18n::t!(
                "consolidate.wards_with_data",
                locale = locale,
                with = self.with_data(),
                expected = self.expected.len()
            ),
            Basis::Predecessors => rust_i18n::t!(
                "consolidate.from_predecessors",
                locale = locale,
                count = self.expected.len(),
                names = self.expected.join(", ")
            ),
        };
        if self.without_data.is_empty() {
            return head.into_owned();
        }
        let missing = rust_i18n::t!(
            "consolidate.missing",
            locale = locale,
            names = self.without_data.join(", ")
        );
        format!("{head} ({missing})")
    }
}

impl RowConsolidation {
    /// "42/45", the units whose value went in over those expected.
    pub fn coverage(&self) -> String {
        format!("{}/{}", self.included, self.expected)
    }

    /// The note a report line carries: what the % is of when it is not the unit's own plan (or
    /// beside the unit's own plan, the wards' plans added), and which units are missing
    /// ("29/30 đơn vị có số liệu; chưa có: Phường A").
    pub fn note(&self, reader: Locale) -> String {
        let locale = reader.lang.code();
        let mut parts = Vec::new();
        match (self.own_plan, self.plan_sum) {
            (false, Some(_)) => {
                parts.push(rust_i18n::t!("consolidate.plan_sum", locale = locale).into_owned());
            }
            // Beside the unit's own plan, what its wards were handed down, added.
            (true, Some(sum)) => parts.push(
                rust_i18n::t!(
                    "consolidate.wards_plans",
                    locale = locale,
                    sum = number::format_exact(sum, reader.style)
                )
                .into_owned(),
            ),
            (_, None) => {}
        }
        if self.basis == Basis::Wards || self.included < self.expected {
            parts.push(
                rust_i18n::t!(
                    "consolidate.row_coverage",
                    locale = locale,
                    included = self.included,
                    expected = self.expected
                )
                .into_owned(),
            );
        }
        if !self.missing.is_empty() && self.included > 0 {
            const NAMED: usize = 3;
            let mut names = self.missing.iter().take(NAMED).cloned().collect::<Vec<_>>();
            if self.missing.len() > NAMED {
                names.push(format!("… (+{})", self.missing.len() - NAMED));
            }
            parts.push(
                rust_i18n::t!(
                    "consolidate.missing",
                    locale = locale,
                    names = names.join(", ")
                )
                .into_owned(),
            );
        }
        parts.join("; ")
    }

    /// The spread as the value column shows it ("1,2 – 4,5; trung vị 2,3").
    pub fn distribution_text(&self, locale: Locale) -> Option<String> {
        let d = self.distribution.as_ref()?;
        let style = locale.style;
        Some(
            rust_i18n::t!(
                "consolidate.spread",
                locale = locale.lang.code(),
                lowest = number::format_exact(d.lowest, style),
                highest = number::format_exact(d.highest, style),
                median = number::format_exact(d.median, style)
            )
            .into_owned(),
        )
    }

    /// The verdict of a line not added up: "9/12 phường đạt kế hoạch".
    pub fn distribution_verdict(&self, lang: Lang) -> Option<String> {
        let d = self.distribution.as_ref()?;
        Some(
            rust_i18n::t!(
                "consolidate.met_count",
                locale = lang.code(),
                met = d.met,
                with_plan = d.with_plan
            )
            .into_owned(),
        )
    }

    /// What a line that has no value says: for a merged ward's early year without every
    /// predecessor's value, "chưa đủ số liệu của các đơn vị cũ".
    pub fn gap_text(&self, lang: Lang) -> Option<String> {
        (self.basis == Basis::Predecessors && self.included < self.expected).then(|| {
            rust_i18n::t!("consolidate.incomplete_predecessors", locale = lang.code()).into_owned()
        })
    }
}

/// The consolidated report: one line per indicator, as a ward's report has, each with how it
/// was added up.
pub fn consolidate(inputs: &Inputs) -> Report {
    let expected: Vec<String> = inputs.wards.iter().map(|w| w.unit.name.clone()).collect();
    let without_data = inputs
        .wards
        .iter()
        .filter(|w| w.year.figures.iter().all(Option::is_none))
        .map(|w| w.unit.name.clone())
        .collect();
    let rows = inputs
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, indicator)| !indicator.archived)
        .map(|(index, indicator)| row(inputs, index, indicator))
        .collect();
    let mut report = Report::new(inputs.unit.clone(), inputs.year, Vec::new());
    report.rows = rows;
    report.consolidation = Some(Consolidation {
        basis: inputs.basis,
        expected,
        without_data,
    });
    report
}

/// One unit's value of the indicator at `index` and the weight's, as a consolidation reads it.
struct Part<'a> {
    name: &'a str,
    value: Option<&'a Figure>,
    weight: Option<Decimal>,
    plans: &'a [Plan],
    last: Option<Decimal>,
}

fn row(inputs: &Inputs, index: usize, indicator: &Indicator) -> ReportRow {
    let weight_index = indicator
        .aggregation
        .weight()
        .and_then(|code| inputs.indicators.iter().position(|i| i.code == code));
    let part = |unit, year, last| part(index, weight_index, unit, year, last);
    let parts: Vec<Part<'_>> = inputs
        .wards
        .iter()
        .map(|w| part(&w.unit, &w.year, &w.previous))
        .collect();
    let empty = UnitYear::default();
    let previous_parts: Vec<Part<'_>> = match &inputs.previous_wards {
        Some(list) => list.iter().map(|(u, y)| part(u, y, &empty)).collect(),
        None => inputs
            .wards
            .iter()
            .map(|w| part(&w.unit, &w.previous, &empty))
            .collect(),
    };
    let whole_only = inputs.basis == Basis::Predecessors;
    let mut consolidation = RowConsolidation {
        aggregation: indicator.aggregation.clone(),
        basis: inputs.basis,
        included: 0,
        expected: parts.len(),
        missing: Vec::new(),
        plan_sum: None,
        own_plan: false,
        distribution: None,
    };
    let mut data = IndicatorYear {
        indicator: indicator.clone(),
        plans: Vec::new(),
        figures: Vec::new(),
        previous: Vec::new(),
    };
    match &indicator.aggregation {
        Aggregation::Distribution => {
            consolidation.distribution = distribution(indicator, &parts);
            consolidation.included = consolidation.distribution.as_ref().map_or(0, |d| d.wards);
            consolidation.missing = missing(&parts, |p| p.value.is_some());
        }
        aggregation => {
            let weighted = matches!(aggregation, Aggregation::Weighted { .. });
            let usable = |p: &Part<'_>| p.value.is_some() && (!weighted || has_weight(p));
            let included: Vec<&Part<'_>> = parts.iter().filter(|p| usable(p)).collect();
            consolidation.included = included.len();
            consolidation.missing = missing(&parts, usable);
            let whole = included.len() == parts.len();
            if !included.is_empty() && (whole || !whole_only) {
                let stage = included
                    .iter()
                    .filter_map(|p| p.value.map(|f| f.stage))
                    .min()
                    .unwrap_or(Stage::Estimate);
                let value = combine(indicator, &included, |p| p.value.map(|f| f.value));
                if let Some(value) = value {
                    data.figures.push(made_figure(stage, value));
                }
                consolidation.plan_sum = combine(indicator, &included, |p| {
                    plan::preferred(p.plans).and_then(|plan| match plan.target {
                        PlanTarget::Value(v) => Some(v),
                        _ => None,
                    })
                });
            }
            // Last year, added the same way, only when every unit then has its value: a change
            // against a partial total would be no change at all.
            let previous_usable = |p: &Part<'_>| p.value.is_some() && (!weighted || has_weight(p));
            if !previous_parts.is_empty() && previous_parts.iter().all(previous_usable) {
                let all: Vec<&Part<'_>> = previous_parts.iter().collect();
                let stage = all
                    .iter()
                    .filter_map(|p| p.value.map(|f| f.stage))
                    .min()
                    .unwrap_or(Stage::Estimate);
                if let Some(value) = combine(indicator, &all, |p| p.value.map(|f| f.value)) {
                    data.previous.push(made_figure(stage, value));
                }
            }
        }
    }
    // The unit's own plan first; else the wards' plans added, as derived.
    let own = inputs.own_plans.get(index).filter(|p| !p.is_empty());
    if let Some(own) = own {
        consolidation.own_plan = true;
        data.plans = own.clone();
    } else if let Some(sum) = consolidation.plan_sum {
        data.plans.push(Plan {
            source: PlanSource::Assigned,
            target: PlanTarget::Value(sum),
            text: String::new(),
            original: None,
            derived: true,
            note: String::new(),
        });
    }
    let mut row = ReportRow::new(data);
    row.consolidated = Some(consolidation);
    row
}

fn part<'a>(
    index: usize,
    weight_index: Option<usize>,
    unit: &'a AdminUnit,
    year: &'a UnitYear,
    last: &'a UnitYear,
) -> Part<'a> {
    let current = |list: &'a UnitYear, at: usize| list.figures.get(at).and_then(Option::as_ref);
    Part {
        name: unit.name.as_str(),
        value: current(year, index),
        weight: weight_index.and_then(|w| current(year, w)).map(|f| f.value),
        plans: year.plans.get(index).map_or(&[][..], Vec::as_slice),
        last: current(last, index).map(|f| f.value),
    }
}

fn has_weight(p: &Part<'_>) -> bool {
    p.weight.is_some_and(|w| w > Decimal::ZERO)
}

fn missing(parts: &[Part<'_>], usable: impl Fn(&Part<'_>) -> bool) -> Vec<String> {
    parts
        .iter()
        .filter(|p| !usable(p))
        .map(|p| p.name.to_owned())
        .collect()
}

/// The parts' numbers (`pick`) added, or averaged by their weights for a weighted indicator
/// (rounded to the indicator's precision); `None` when a part lacks its number.
fn combine(
    indicator: &Indicator,
    parts: &[&Part<'_>],
    pick: impl Fn(&Part<'_>) -> Option<Decimal>,
) -> Option<Decimal> {
    match indicator.aggregation {
        Aggregation::Sum => parts
            .iter()
            .map(|p| pick(p))
            .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(v?)),
        Aggregation::Weighted { .. } => {
            let mut total = Decimal::ZERO;
            let mut weights = Decimal::ZERO;
            for p in parts {
                let weight = p.weight?;
                total = total.checked_add(pick(p)?.checked_mul(weight)?)?;
                weights = weights.checked_add(weight)?;
            }
            (weights > Decimal::ZERO)
                .then(|| total.checked_div(weights))
                .flatten()
                .map(|v| compute::round(v, indicator.precision).normalize())
        }
        Aggregation::Distribution => None,
    }
}

fn made_figure(stage: Stage, value: Decimal) -> Figure {
    Figure {
        stage,
        value,
        text: value.normalize().to_string(),
        note: String::new(),
    }
}

/// The lowest, median and highest of the wards' values, and how many met their own plan.
fn distribution(indicator: &Indicator, parts: &[Part<'_>]) -> Option<Distribution> {
    let mut values: Vec<Decimal> = parts
        .iter()
        .filter_map(|p| p.value.map(|f| f.value))
        .collect();
    if values.is_empty() {
        return None;
    }
    values.sort();
    let n = values.len();
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        let two = values[n / 2 - 1] + values[n / 2];
        compute::round(two / Decimal::TWO, indicator.precision + 1).normalize()
    };
    let mut met = 0;
    let mut with_plan = 0;
    for p in parts {
        let Some(value) = p.value else { continue };
        let target = plan::preferred(p.plans).and_then(|plan| plan.target.resolve(p.last));
        let assessment = compute::assess(
            indicator.direction,
            target,
            Some(value.value),
            indicator.precision,
        );
        match assessment.status {
            Status::Met | Status::Exceeded => {
                with_plan += 1;
                met += 1;
            }
            Status::NotMet => with_plan += 1,
            Status::NoPlan | Status::NoData => {}
        }
    }
    Some(Distribution {
        lowest: values[0],
        median,
        highest: values[n - 1],
        wards: n,
        met,
        with_plan,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::str::FromStr as _;

    use super::*;
    use crate::domain::{Category, Direction, Kind, Level, Rules, Unit};

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn indicator(code: &str, unit: &str, kind: Kind, aggregation: Aggregation) -> Indicator {
        Indicator {
            code: code.into(),
            name_vi: code.into(),
            name_en: code.into(),
            category: Category::Economy,
            unit: Unit::new(unit),
            direction: Direction::HigherIsBetter,
            kind,
            precision: 1,
            archived: false,
            order: 0,
            rules: Rules::NONE,
            aggregation,
        }
    }

    /// output (sum), households (sum), poverty (weighted by households), coverage (not added).
    fn catalogue() -> Vec<Indicator> {
        vec![
            indicator("output", "tấn", Kind::Flow, Aggregation::Sum),
            indicator("households", "hộ", Kind::Stock, Aggregation::Sum),
            indicator(
                "poverty",
                "%",
                Kind::Rate,
                Aggregation::Weighted {
                    weight: "households".into(),
                },
            ),
            indicator("coverage", "%", Kind::Rate, Aggregation::Distribution),
        ]
    }

    fn unit(code: &str, level: Level) -> AdminUnit {
        AdminUnit {
            code: code.into(),
            name: format!("Phường {code}"),
            level,
            parent_code: None,
            valid_from: None,
            valid_to: None,
            successor_code: None,
            synthetic: false,
        }
    }

    fn figure(stage: Stage, value: &str) -> Option<Figure> {
        Some(made_figure(stage, d(value)))
    }

    fn plan(value: &str) -> Vec<Plan> {
        vec![Plan {
            source: PlanSource::Province,
            target: PlanTarget::Value(d(value)),
            text: value.into(),
            original: None,
            derived: false,
            note: String::new(),
        }]
    }

    /// A ward's year: values in catalogue order ("" for none), all at `stage`, plans likewise.
    fn year(stage: Stage, values: [&str; 4], plans: [&str; 4]) -> UnitYear {
        UnitYear {
            figures: values
                .iter()
                .map(|v| if v.is_empty() { None } else { figure(stage, v) })
                .collect(),
            plans: plans
                .iter()
                .map(|v| if v.is_empty() { Vec::new() } else { plan(v) })
                .collect(),
        }
    }

    fn ward(code: &str, this: UnitYear, last: UnitYear) -> WardInput {
        WardInput {
            unit: unit(code, Level::Ward),
            year: this,
            previous: last,
        }
    }

    fn inputs(basis: Basis, wards: Vec<WardInput>) -> Inputs {
        Inputs {
            unit: unit("11", Level::Province),
            year: 2026,
            basis,
            indicators: catalogue(),
            wards,
            previous_wards: None,
            own_plans: vec![Vec::new(); 4],
        }
    }

    fn three_wards() -> Vec<WardInput> {
        vec![
            ward(
                "A",
                year(
                    Stage::Final,
                    ["100", "200", "5", "90"],
                    ["90", "", "", "95"],
                ),
                year(Stage::Final, ["80", "200", "6", "80"], ["", "", "", ""]),
            ),
            ward(
                "B",
                year(
                    Stage::Estimate,
                    ["50", "600", "1", "99"],
                    ["60", "", "", "95"],
                ),
                year(Stage::Actual, ["40", "500", "2", "97"], ["", "", "", ""]),
            ),
            ward(
                "C",
                year(Stage::Actual, ["", "", "3", "70"], ["", "", "", ""]),
                year(Stage::Final, ["", "", "", ""], ["", "", "", ""]),
            ),
        ]
    }

    #[test]
    fn a_sum_adds_the_wards_with_a_value_names_the_missing_and_stands_at_the_least_final_stage() {
        let report = consolidate(&inputs(Basis::Wards, three_wards()));
        let output = &report.rows[0];
        let current = output.current.as_ref().unwrap();
        assert_eq!(current.value, d("150"));
        assert_eq!(current.stage, Stage::Estimate, "B has only an estimate");
        let c = output.consolidated.as_ref().unwrap();
        assert_eq!((c.included, c.expected), (2, 3));
        assert_eq!(c.missing, ["Phường C"]);
        // The wards' plans are added over the wards added: 90 + 60, and the % is of them.
        assert_eq!(c.plan_sum, Some(d("150")));
        assert!(!c.own_plan);
        assert_eq!(output.assessment.percent, Some(d("100")));
        // Last year: C had no value, so no total to compare with, never a partial one.
        assert_eq!(output.previous, None);
        assert_eq!(output.change, None);
        let whole = report.consolidation.as_ref().unwrap();
        assert_eq!(whole.with_data(), 3);
        assert_eq!(whole.line(Lang::Vi), "3/3 phường, xã có số liệu");
    }

    #[test]
    fn a_rate_is_averaged_by_its_weight_and_a_ward_without_the_weight_is_left_out() {
        let report = consolidate(&inputs(Basis::Wards, three_wards()));
        let poverty = &report.rows[2];
        // (5 × 200 + 1 × 600) / 800 = 2; C has a rate but no households: left out.
        assert_eq!(poverty.current.as_ref().unwrap().value, d("2"));
        let c = poverty.consolidated.as_ref().unwrap();
        assert_eq!((c.included, c.expected), (2, 3));
        assert_eq!(c.missing, ["Phường C"]);
        // Last year C had no value: no total to compare with.
        assert_eq!(poverty.previous, None);
    }

    #[test]
    fn a_rate_not_added_up_shows_its_spread_and_how_many_wards_met_their_plan() {
        let report = consolidate(&inputs(Basis::Wards, three_wards()));
        let coverage = &report.rows[3];
        assert_eq!(coverage.current, None);
        let c = coverage.consolidated.as_ref().unwrap();
        let spread = c.distribution.as_ref().unwrap();
        assert_eq!(
            (spread.lowest, spread.median, spread.highest),
            (d("70"), d("90"), d("99"))
        );
        // A (90 of 95) did not meet its plan, B (99 of 95) did, C has none.
        assert_eq!((spread.met, spread.with_plan, spread.wards), (1, 2, 3));
        let vi = Locale::from(Lang::Vi);
        assert_eq!(
            coverage.value_with_stage(vi).as_deref(),
            Some("70 – 99; trung vị 90")
        );
        assert_eq!(coverage.verdict(Lang::Vi), "1/2 phường đạt kế hoạch");
    }

    #[test]
    fn the_units_own_plan_is_preferred_to_the_wards_plans_added() {
        let mut inputs = inputs(Basis::Wards, three_wards());
        inputs.own_plans[0] = plan("300");
        let report = consolidate(&inputs);
        let output = &report.rows[0];
        let c = output.consolidated.as_ref().unwrap();
        assert!(c.own_plan);
        assert_eq!(c.plan_sum, Some(d("150")));
        assert_eq!(output.assessment.percent, Some(d("50")));
        assert_eq!(
            c.note(Locale::from(Lang::Vi)),
            "tổng kế hoạch giao các đơn vị: 150; 2/3 đơn vị có số liệu; chưa có: Phường C"
        );
    }

    #[test]
    fn last_year_is_added_up_when_every_ward_had_its_value() {
        let wards = three_wards().into_iter().take(2).collect();
        let report = consolidate(&inputs(Basis::Wards, wards));
        let output = &report.rows[0];
        let previous = output.previous.as_ref().unwrap();
        assert_eq!(previous.value, d("120"));
        assert_eq!(previous.stage, Stage::Actual);
        assert_eq!(output.change, Some(crate::domain::Change::Percent(d("25"))));
        assert_eq!(
            report.rows[2].previous.as_ref().map(|f| f.value),
            Some(d("3.1")),
            "(6 × 200 + 2 × 500) / 700 = 3,14… at one decimal is 3,1"
        );
    }

    #[test]
    fn predecessors_give_a_sum_only_when_every_one_has_a_value() {
        let report = consolidate(&inputs(Basis::Predecessors, three_wards()));
        let output = &report.rows[0];
        assert_eq!(output.current, None, "C has no output: no partial sum");
        assert_eq!(
            output.verdict(Lang::Vi),
            "chưa đủ số liệu của các đơn vị cũ"
        );
        let households = &report.rows[1];
        assert_eq!(households.current, None);
        let whole = consolidate(&inputs(
            Basis::Predecessors,
            three_wards().into_iter().take(2).collect(),
        ));
        assert_eq!(whole.rows[0].current.as_ref().unwrap().value, d("150"));
        assert_eq!(
            whole.consolidation.as_ref().unwrap().line(Lang::Vi),
            "cộng từ 2 đơn vị cũ (Phường A, Phường B)"
        );
    }
}
