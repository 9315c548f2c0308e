//! The numbers leaders read: % of plan, the status against the plan for every direction, and the
//! change against the same period last year. This is the only place the rules live: views,
//! reports and exports all call these functions.
//!
//! - Higher is better: % of plan is value ÷ plan × 100; "Vượt" (exceeded) above 100, "Đạt" (met)
//!   at 100 to display precision, "Không đạt" (not met) below.
//! - Lower is better (a cap, "dưới 3%"): met when value ≤ plan, exceeded when strictly below;
//!   % of plan is plan ÷ value × 100, undefined at value 0 (which is exceeded).
//! - Exact (a quota): met when value = plan to display precision; above or below is not met.
//! - A band [a, b]: met inside; outside is not met (above b counts as exceeded for
//!   higher-is-better).
//! - A plan in words follows its own form, whatever the indicator's direction: a ceiling ("dưới
//!   3%") is judged as a cap of a lower-is-better indicator (met at the bound, exceeded strictly
//!   below, % of plan bound ÷ value × 100), a floor ("trên 150") as a plan of a higher-is-better
//!   one (value ÷ bound × 100, met at 100%, exceeded above); "khoảng 4" as the value 4. A plan
//!   relative to last year is judged as the value it comes to; unresolved (no value last year),
//!   it is no plan to compare with.
//! - No plan, or no value: said so, never 0% or ∞.
//! - Against the same period last year: flows and stocks as (this − last) ÷ last × 100; rates as
//!   this − last in percentage points.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::{Direction, Kind, Lang, PlanTarget};

/// Decimals a % of plan is shown and judged with (114,6%).
pub const PERCENT_DECIMALS: u32 = 1;

/// How a value stands against its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Vượt: better than the plan.
    Exceeded,
    /// Đạt: the plan, to display precision.
    Met,
    /// Không đạt.
    NotMet,
    /// Chưa có kế hoạch: a value but nothing to compare it with.
    NoPlan,
    /// Chưa có số liệu: no value yet.
    NoData,
}

impl Status {
    /// Every status, best first.
    pub const ALL: [Self; 5] = [
        Self::Exceeded,
        Self::Met,
        Self::NotMet,
        Self::NoPlan,
        Self::NoData,
    ];

    /// The stable code used in JSON and files.
    pub fn code(self) -> &'static str {
        match self {
            Self::Exceeded => "exceeded",
            Self::Met => "met",
            Self::NotMet => "not_met",
            Self::NoPlan => "no_plan",
            Self::NoData => "no_data",
        }
    }

    /// The word a report prints ("Vượt", "Đạt", "Không đạt", "Chưa có kế hoạch", …).
    pub fn word(self, lang: Lang) -> String {
        rust_i18n::t!(format!("status.{}", self.code()), locale = lang.code()).into_owned()
    }
}

/// A value judged against its plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Assessment {
    /// % of plan, unrounded; `None` where it is undefined (no plan, no value, a zero plan, a zero
    /// value under a cap). Never shown as 0% or ∞.
    pub percent: Option<Decimal>,
    pub status: Status,
}

/// Judges `value` against `target` for an indicator going `direction`, comparing values at the
/// indicator's display `precision`. A plan relative to last year is resolved first
/// ([`PlanTarget::resolve`]); one left unresolved is judged as no plan.
pub fn assess(
    direction: Direction,
    target: Option<PlanTarget>,
    value: Option<Decimal>,
    precision: u32,
) -> Assessment {
    let Some(value) = value else {
        return Assessment {
            percent: None,
            status: Status::NoData,
        };
    };
    let Some(target) = target else {
        return Assessment {
            percent: None,
            status: Status::NoPlan,
        };
    };
    match target {
        PlanTarget::Value(plan) | PlanTarget::About(plan) => {
            assess_value(direction, plan, value, precision)
        }
        PlanTarget::Range { low, high } => assess_range(direction, low, high, value, precision),
        PlanTarget::AtMost(bound) => {
            assess_value(Direction::LowerIsBetter, bound, value, precision)
        }
        PlanTarget::AtLeast(bound) => {
            assess_value(Direction::HigherIsBetter, bound, value, precision)
        }
        // A plan relative to last year that was not resolved (see `PlanTarget::resolve`): there
        // is nothing to compare with.
        PlanTarget::Relative(_) => Assessment {
            percent: None,
            status: Status::NoPlan,
        },
    }
}

fn assess_value(direction: Direction, plan: Decimal, value: Decimal, precision: u32) -> Assessment {
    match direction {
        Direction::HigherIsBetter => {
            let percent = ratio_percent(value, plan);
            let status = match percent {
                Some(p) => match round(p, PERCENT_DECIMALS).cmp(&Decimal::ONE_HUNDRED) {
                    std::cmp::Ordering::Greater => Status::Exceeded,
                    std::cmp::Ordering::Equal => Status::Met,
                    std::cmp::Ordering::Less => Status::NotMet,
                },
                // A plan of zero: anything above it exceeds it, zero meets it.
                None if value.is_zero() => Status::Met,
                None => Status::Exceeded,
            };
            Assessment { percent, status }
        }
        Direction::LowerIsBetter => {
            // A cap ("dưới X%"): at the cap is met, strictly below exceeds it.
            let status = match round(value, precision).cmp(&round(plan, precision)) {
                std::cmp::Ordering::Less => Status::Exceeded,
                std::cmp::Ordering::Equal => Status::Met,
                std::cmp::Ordering::Greater => Status::NotMet,
            };
            Assessment {
                percent: ratio_percent(plan, value),
                status,
            }
        }
        Direction::Exact | Direction::Range => {
            let status = if round(value, precision) == round(plan, precision) {
                Status::Met
            } else {
                Status::NotMet
            };
            Assessment {
                percent: ratio_percent(value, plan),
                status,
            }
        }
    }
}

fn assess_range(
    direction: Direction,
    low: Decimal,
    high: Decimal,
    value: Decimal,
    precision: u32,
) -> Assessment {
    let shown = round(value, precision);
    let status = if shown > round(high, precision) {
        if direction == Direction::HigherIsBetter {
            Status::Exceeded
        } else {
            Status::NotMet
        }
    } else if shown < round(low, precision) {
        if direction == Direction::LowerIsBetter {
            Status::Exceeded
        } else {
            Status::NotMet
        }
    } else {
        Status::Met
    };
    // The % compares with the end that has to be reached: the floor when more is better, the
    // ceiling when less is better, the middle of the band otherwise.
    let percent = match direction {
        Direction::HigherIsBetter => ratio_percent(value, low),
        Direction::LowerIsBetter => ratio_percent(high, value),
        Direction::Exact | Direction::Range => {
            let middle = (low + high) / Decimal::TWO;
            ratio_percent(value, middle)
        }
    };
    Assessment { percent, status }
}

/// `numerator ÷ denominator × 100`, or `None` when the denominator is zero or it overflows.
fn ratio_percent(numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    numerator
        .checked_div(denominator)?
        .checked_mul(Decimal::ONE_HUNDRED)
}

/// Rounds half away from zero, as people round by hand.
pub fn round(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// This year against the same period last year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// For flows and stocks: (this − last) ÷ last × 100 ("tăng 13,4% so với cùng kỳ").
    Percent(Decimal),
    /// For rates: this − last, in percentage points ("giảm 0,5 điểm %").
    Points(Decimal),
}

impl Change {
    /// The signed number, whichever the measure.
    pub fn amount(self) -> Decimal {
        match self {
            Self::Percent(v) | Self::Points(v) => v,
        }
    }

    /// True when there is no change to the shown decimal: the report says "bằng cùng kỳ".
    pub fn is_none_shown(self) -> bool {
        round(self.amount(), PERCENT_DECIMALS).is_zero()
    }
}

/// The change from `last` year's value to `this` one; `None` without last year's value or when
/// last year was zero for a ratio.
pub fn change(kind: Kind, this: Decimal, last: Option<Decimal>) -> Option<Change> {
    let last = last?;
    match kind {
        Kind::Rate => this.checked_sub(last).map(Change::Points),
        Kind::Flow | Kind::Stock => {
            let ratio = this.checked_sub(last)?.checked_div(last)?;
            ratio.checked_mul(Decimal::ONE_HUNDRED).map(Change::Percent)
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::str::FromStr as _;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn value(plan: &str) -> Option<PlanTarget> {
        Some(PlanTarget::Value(d(plan)))
    }

    fn status(direction: Direction, plan: Option<PlanTarget>, v: &str) -> Status {
        assess(direction, plan, Some(d(v)), 1).status
    }

    #[test]
    fn crop_output_is_114_6_percent_of_plan() {
        let a = assess(
            Direction::HigherIsBetter,
            value("2451.8"),
            Some(d("2809.8")),
            1,
        );
        assert_eq!(round(a.percent.unwrap(), 1), d("114.6"));
        assert_eq!(a.status, Status::Exceeded);
    }

    #[test]
    fn budget_revenue_is_103_percent_of_plan() {
        let a = assess(
            Direction::HigherIsBetter,
            value("16909601491"),
            Some(d("17416889536")),
            0,
        );
        assert_eq!(round(a.percent.unwrap(), 1), d("103.0"));
        assert_eq!(a.status, Status::Exceeded);
    }

    #[test]
    fn higher_is_better_is_met_at_100_to_display_precision() {
        let h = Direction::HigherIsBetter;
        assert_eq!(status(h, value("100"), "100"), Status::Met);
        // 99,96% shows as 100,0%: met, not "not met" by a hair nobody can see.
        assert_eq!(status(h, value("10000"), "9996"), Status::Met);
        assert_eq!(status(h, value("10000"), "9994"), Status::NotMet);
        assert_eq!(status(h, value("10000"), "10006"), Status::Exceeded);
        assert_eq!(status(h, value("100"), "99"), Status::NotMet);
    }

    #[test]
    fn higher_is_better_against_a_zero_plan() {
        let a = assess(Direction::HigherIsBetter, value("0"), Some(d("5")), 0);
        assert_eq!(
            a,
            Assessment {
                percent: None,
                status: Status::Exceeded
            }
        );
        let a = assess(Direction::HigherIsBetter, value("0"), Some(d("0")), 0);
        assert_eq!(a.status, Status::Met);
    }

    #[test]
    fn lower_is_better_is_a_cap() {
        let l = Direction::LowerIsBetter;
        assert_eq!(status(l, value("3.5"), "3.5"), Status::Met);
        assert_eq!(status(l, value("3.5"), "3.2"), Status::Exceeded);
        assert_eq!(status(l, value("3.5"), "3.8"), Status::NotMet);
        // Equal at display precision is met.
        assert_eq!(status(l, value("3.5"), "3.52"), Status::Met);
        let a = assess(l, value("3.5"), Some(d("2.8")), 1);
        assert_eq!(a.percent.map(|p| round(p, 1)), Some(d("125.0")));
    }

    #[test]
    fn lower_is_better_at_zero_is_exceeded_without_a_percent() {
        let a = assess(Direction::LowerIsBetter, value("2"), Some(d("0")), 0);
        assert_eq!(
            a,
            Assessment {
                percent: None,
                status: Status::Exceeded
            }
        );
    }

    #[test]
    fn exact_is_met_only_on_the_plan() {
        let e = Direction::Exact;
        assert_eq!(status(e, value("100"), "100"), Status::Met);
        assert_eq!(status(e, value("100"), "100.04"), Status::Met);
        assert_eq!(status(e, value("100"), "101"), Status::NotMet);
        assert_eq!(status(e, value("100"), "99"), Status::NotMet);
        let a = assess(e, value("40"), Some(d("42")), 0);
        assert_eq!(a.percent, Some(d("105")));
    }

    #[test]
    fn a_range_is_met_inside() {
        let band = Some(PlanTarget::range(d("6.6"), d("6.8")));
        assert_eq!(status(Direction::Range, band, "6.7"), Status::Met);
        assert_eq!(status(Direction::Range, band, "6.6"), Status::Met);
        assert_eq!(status(Direction::Range, band, "6.8"), Status::Met);
        assert_eq!(status(Direction::Range, band, "6.9"), Status::NotMet);
        assert_eq!(status(Direction::Range, band, "6.5"), Status::NotMet);
        // Above the band counts as exceeded when more is better.
        assert_eq!(
            status(Direction::HigherIsBetter, band, "6.9"),
            Status::Exceeded
        );
        assert_eq!(
            status(Direction::HigherIsBetter, band, "6.5"),
            Status::NotMet
        );
        assert_eq!(
            status(Direction::LowerIsBetter, band, "6.5"),
            Status::Exceeded
        );
        assert_eq!(
            status(Direction::LowerIsBetter, band, "6.9"),
            Status::NotMet
        );
        let a = assess(Direction::HigherIsBetter, band, Some(d("6.6")), 1);
        assert_eq!(a.percent, Some(d("100")));
        let a = assess(Direction::Range, band, Some(d("6.7")), 1);
        assert_eq!(a.percent, Some(d("100")));
    }

    #[test]
    fn a_ceiling_is_met_at_or_below_its_bound() {
        let ceiling = Some(PlanTarget::AtMost(d("3")));
        for direction in Direction::ALL {
            // Met at exactly 3, even where more is better: the plan's own form decides.
            assert_eq!(
                status(direction, ceiling, "3"),
                Status::Met,
                "{direction:?}"
            );
            assert_eq!(
                status(direction, ceiling, "3.04"),
                Status::Met,
                "{direction:?}"
            );
            assert_eq!(status(direction, ceiling, "2.8"), Status::Exceeded);
            assert_eq!(status(direction, ceiling, "3.2"), Status::NotMet);
        }
        let a = assess(Direction::HigherIsBetter, ceiling, Some(d("2.4")), 1);
        assert_eq!(a.percent, Some(d("125")));
    }

    #[test]
    fn a_floor_is_met_at_or_above_its_bound() {
        let floor = Some(PlanTarget::AtLeast(d("150")));
        for direction in Direction::ALL {
            assert_eq!(
                status(direction, floor, "150"),
                Status::Met,
                "{direction:?}"
            );
            assert_eq!(status(direction, floor, "160"), Status::Exceeded);
            assert_eq!(status(direction, floor, "140"), Status::NotMet);
        }
        // A floor on a lower-is-better indicator is still a floor: % is value ÷ bound.
        let a = assess(Direction::LowerIsBetter, floor, Some(d("165")), 0);
        assert_eq!(a.percent, Some(d("110")));
        assert_eq!(a.status, Status::Exceeded);
    }

    #[test]
    fn about_is_judged_as_the_value() {
        let about = Some(PlanTarget::About(d("4")));
        for direction in Direction::ALL {
            for v in ["3.5", "4", "4.5", "0"] {
                assert_eq!(
                    assess(direction, about, Some(d(v)), 1),
                    assess(direction, value("4"), Some(d(v)), 1),
                    "{direction:?} {v}"
                );
            }
        }
    }

    #[test]
    fn an_unresolved_relative_plan_is_no_plan_to_compare_with() {
        let relative = Some(PlanTarget::Relative(
            crate::domain::plan::Relative::Percent(d("10")),
        ));
        assert_eq!(
            assess(Direction::HigherIsBetter, relative, Some(d("5")), 0),
            Assessment {
                percent: None,
                status: Status::NoPlan
            }
        );
        let resolved = relative.and_then(|t| t.resolve(Some(d("2809.8"))));
        let a = assess(Direction::HigherIsBetter, resolved, Some(d("3090.78")), 1);
        assert_eq!(a.status, Status::Met);
        assert_eq!(a.percent, Some(d("100")));
    }

    #[test]
    fn no_plan_and_no_data_say_so() {
        let a = assess(Direction::HigherIsBetter, None, Some(d("208")), 0);
        assert_eq!(
            a,
            Assessment {
                percent: None,
                status: Status::NoPlan
            }
        );
        let a = assess(Direction::HigherIsBetter, value("5"), None, 0);
        assert_eq!(
            a,
            Assessment {
                percent: None,
                status: Status::NoData
            }
        );
        let a = assess(Direction::LowerIsBetter, None, None, 0);
        assert_eq!(a.status, Status::NoData);
    }

    #[test]
    fn change_is_a_ratio_for_flows_and_stocks() {
        let c = change(Kind::Flow, d("2809.8"), Some(d("2477.8")));
        assert_eq!(c.map(|c| round(c.amount(), 1)), Some(d("13.4")));
        assert!(matches!(c, Some(Change::Percent(_))));
        let c = change(Kind::Stock, d("18"), Some(d("20")));
        assert_eq!(c, Some(Change::Percent(d("-10"))));
        assert_eq!(change(Kind::Flow, d("5"), Some(d("0"))), None);
        assert_eq!(change(Kind::Flow, d("5"), None), None);
    }

    #[test]
    fn change_is_in_points_for_rates() {
        let c = change(Kind::Rate, d("3.2"), Some(d("3.7")));
        assert_eq!(c, Some(Change::Points(d("-0.5"))));
        let c = change(Kind::Rate, d("5"), Some(d("0")));
        assert_eq!(c, Some(Change::Points(d("5"))));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round(d("114.65"), 1), d("114.7"));
        assert_eq!(round(d("-0.05"), 1), d("-0.1"));
        assert_eq!(round(d("2.25"), 1), d("2.3"));
    }
}
