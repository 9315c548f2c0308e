//! Plausibility rules of an indicator: hard bounds a value may not leave (a rate of 733,7% is a
//! typo, not a figure), and soft thresholds beyond which a value is flagged for the user to
//! confirm (crop output falling from 2.809,8 to 2,809 tấn in a year is more likely a separator
//! slip than a harvest). Each indicator declares its own; [`Rules::default_for`] gives the
//! sensible ones for a kind and a unit.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::number::{self, format_exact};
use super::{Kind, Locale, PlanTarget, Unit};

/// An indicator's rules. A `None` rule is not checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rules {
    /// The lowest value (hard): 0 for counts, amounts and rates.
    pub min: Option<Decimal>,
    /// The highest value (hard): 100 for a share or a coverage in %.
    pub max: Option<Decimal>,
    /// The largest change on last year's value before a value is flagged: in per cent of last
    /// year's value for flows and stocks, in percentage points for rates.
    pub max_change: Option<Decimal>,
    /// How many times its plan a value may be before it is flagged.
    pub max_times_plan: Option<Decimal>,
    /// How far apart (in per cent of the estimate) the estimate and the actual of one year may
    /// be before they are flagged.
    pub max_stage_gap: Option<Decimal>,
}

/// The hard bound a value breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Bound {
    /// Below the minimum.
    Min(Decimal),
    /// Above the maximum.
    Max(Decimal),
}

/// Why a value looks wrong enough to ask before it is written (a soft rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Doubt {
    /// Changed on last year by more than the threshold: `change` in per cent of last year's
    /// value, or in percentage points (`points`) for a rate; signed.
    Change {
        last: Decimal,
        change: Decimal,
        limit: Decimal,
        points: bool,
    },
    /// A stored value replaced by one that differs from it by more than the threshold (the
    /// same measure as [`Doubt::Change`]): "2.809,8" retyped "2,809" is a separator slip
    /// more often than a correction.
    Corrected {
        old: Decimal,
        change: Decimal,
        limit: Decimal,
        points: bool,
    },
    /// More than `limit` times its plan: `times` is value ÷ plan.
    AbovePlan {
        plan: Decimal,
        times: Decimal,
        limit: Decimal,
    },
    /// A plan the year's reported `value` is more than `limit` times (the plan typed, the value
    /// already there).
    BelowValue {
        value: Decimal,
        times: Decimal,
        limit: Decimal,
    },
    /// The estimate and the actual of one year `gap` per cent apart (of the estimate).
    StagesApart {
        estimate: Decimal,
        actual: Decimal,
        gap: Decimal,
        limit: Decimal,
    },
}

/// What is wrong with a set of rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    #[error("the minimum {min} is above the maximum {max}")]
    Reversed { min: Decimal, max: Decimal },
    #[error("a threshold must be above 0 (found {0})")]
    Threshold(Decimal),
}

impl Rules {
    /// No rule at all.
    pub const NONE: Self = Self {
        min: None,
        max: None,
        max_change: None,
        max_times_plan: None,
        max_stage_gap: None,
    };

    /// The rules an indicator of this kind and unit starts with: never below 0; a rate in % at
    /// most 100 (in ‰ at most 1000); flagged beyond ±50% on last year for flows and stocks,
    /// ±10 points for rates; beyond 3× the plan; an estimate and an actual 20% apart.
    pub fn default_for(kind: Kind, unit: &Unit) -> Self {
        let max = if unit.is_percent() {
            Some(Decimal::ONE_HUNDRED)
        } else if unit.is_per_mille() {
            Some(Decimal::ONE_THOUSAND)
        } else {
            None
        };
        Self {
            min: Some(Decimal::ZERO),
            max,
            max_change: Some(match kind {
                Kind::Rate => Decimal::TEN,
                Kind::Flow | Kind::Stock => Decimal::from(50),
            }),
            max_times_plan: Some(Decimal::from(3)),
            max_stage_gap: Some(Decimal::from(20)),
        }
    }

    /// Checks that the bounds are in order and the thresholds above 0.
    pub fn validate(&self) -> Result<(), RulesError> {
        if let (Some(min), Some(max)) = (self.min, self.max)
            && min > max
        {
            return Err(RulesError::Reversed { min, max });
        }
        for threshold in [self.max_change, self.max_times_plan, self.max_stage_gap]
            .into_iter()
            .flatten()
        {
            if threshold <= Decimal::ZERO {
                return Err(RulesError::Threshold(threshold));
            }
        }
        Ok(())
    }

    /// The hard bound `value` breaks, if any.
    pub fn bound(&self, value: Decimal) -> Option<Bound> {
        match (self.min, self.max) {
            (Some(min), _) if value < min => Some(Bound::Min(min)),
            (_, Some(max)) if value > max => Some(Bound::Max(max)),
            _ => None,
        }
    }

    /// The hard bound a plan's numbers break, if any. A plan relative to last year ("tăng
    /// 10%") writes a change, not a value: it is not bounded.
    pub fn plan_bound(&self, target: PlanTarget) -> Option<Bound> {
        if matches!(target, PlanTarget::Relative(_)) {
            return None;
        }
        self.bound(target.low())
            .or_else(|| self.bound(target.high()))
    }

    /// Flags a value that changed on `last` year's by more than the threshold: in points for a
    /// rate, else in per cent of last year's (not told for a last year of 0).
    pub fn check_change(&self, kind: Kind, value: Decimal, last: Decimal) -> Option<Doubt> {
        let limit = self.max_change?;
        let difference = value.checked_sub(last)?;
        // Compared by multiplying (a division costs more, and most values pass): the change
        // in per cent is worked out only for a value flagged.
        let (change, points) = if kind == Kind::Rate {
            if difference.abs() <= limit {
                return None;
            }
            (difference, true)
        } else {
            if last.is_zero()
                || difference.abs().checked_mul(Decimal::ONE_HUNDRED)?
                    <= limit.checked_mul(last.abs())?
            {
                return None;
            }
            let change = difference
                .checked_mul(Decimal::ONE_HUNDRED)?
                .checked_div(last.abs())?;
            (change, false)
        };
        Some(Doubt::Change {
            last,
            change,
            limit,
            points,
        })
    }

    /// Flags a stored value replaced by one further from it than the threshold allows a
    /// change on last year.
    pub fn check_correction(&self, kind: Kind, value: Decimal, old: Decimal) -> Option<Doubt> {
        match self.check_change(kind, value, old)? {
            Doubt::Change {
                change,
                limit,
                points,
                ..
            } => Some(Doubt::Corrected {
                old,
                change,
                limit,
                points,
            }),
            other => Some(other),
        }
    }

    /// Flags a value more than the threshold times its plan (a plan of 0 or less is no
    /// measure).
    pub fn check_plan(&self, value: Decimal, plan: Decimal) -> Option<Doubt> {
        let limit = self.max_times_plan?;
        if plan <= Decimal::ZERO || value <= limit.checked_mul(plan)? {
            return None;
        }
        let times = value.checked_div(plan)?;
        Some(Doubt::AbovePlan { plan, times, limit })
    }

    /// Flags a plan the year's reported `value` is more than the threshold times.
    pub fn check_plan_typed(&self, value: Decimal, plan: Decimal) -> Option<Doubt> {
        match self.check_plan(value, plan)? {
            Doubt::AbovePlan { times, limit, .. } => Some(Doubt::BelowValue {
                value,
                times,
                limit,
            }),
            other => Some(other),
        }
    }

    /// Flags an estimate and an actual of one year further apart than the threshold, in per
    /// cent of the estimate (an estimate of 0 is no measure).
    pub fn check_stages(&self, estimate: Decimal, actual: Decimal) -> Option<Doubt> {
        let limit = self.max_stage_gap?;
        let apart = actual
            .checked_sub(estimate)?
            .abs()
            .checked_mul(Decimal::ONE_HUNDRED)?;
        if estimate.is_zero() || apart <= limit.checked_mul(estimate.abs())? {
            return None;
        }
        let gap = apart.checked_div(estimate.abs())?;
        Some(Doubt::StagesApart {
            estimate,
            actual,
            gap,
            limit,
        })
    }

    /// The rules in a line: "0 – 100 · ±10 điểm % so với năm trước · ≤ 3 lần KH · ước/TH
    /// ±20%"; "–" for none.
    pub fn text(&self, kind: Kind, locale: Locale) -> String {
        let code = locale.lang.code();
        let n = |v: Decimal| format_exact(v, locale.style);
        let mut parts = Vec::new();
        match (self.min, self.max) {
            (None, None) => {}
            (Some(min), Some(max)) => parts.push(format!("{} – {}", n(min), n(max))),
            (Some(min), None) => parts.push(format!("≥ {}", n(min))),
            (None, Some(max)) => parts.push(format!("≤ {}", n(max))),
        }
        if let Some(limit) = self.max_change {
            let limit = change_text(limit, kind == Kind::Rate, locale);
            parts.push(rust_i18n::t!("rules.list.change", locale = code, limit = limit).into());
        }
        if let Some(limit) = self.max_times_plan {
            parts.push(rust_i18n::t!("rules.list.plan", locale = code, limit = n(limit)).into());
        }
        if let Some(limit) = self.max_stage_gap {
            let limit = number::format_percent(limit, locale.style);
            parts.push(rust_i18n::t!("rules.list.stages", locale = code, limit = limit).into());
        }
        if parts.is_empty() {
            "–".to_owned()
        } else {
            parts.join(" · ")
        }
    }
}

/// A change as people say it: "50%", or "10 điểm %" for a rate; unsigned.
fn change_text(change: Decimal, points: bool, locale: Locale) -> String {
    let rounded = change
        .abs()
        .round_dp_with_strategy(1, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    if points {
        let value = format_exact(rounded, locale.style);
        rust_i18n::t!("rules.points", locale = locale.lang.code(), value = value).into_owned()
    } else {
        number::format_percent(rounded, locale.style)
    }
}

impl Bound {
    /// "100%", "0 tấn": the bound in the indicator's unit.
    pub fn text(self, unit: &Unit, locale: Locale) -> String {
        let value = match self {
            Self::Min(v) | Self::Max(v) => v,
        };
        number::format_with_unit(value, unit, locale.lang, locale.style)
    }

    /// Why a value is refused: "giá trị 733,7% vượt mức tối đa 100% của chỉ tiêu “Tỷ lệ lao
    /// động qua đào tạo”". `plan`: the value is a plan's.
    pub fn message(
        self,
        value: Decimal,
        unit: &Unit,
        indicator: &str,
        plan: bool,
        locale: Locale,
    ) -> String {
        let code = locale.lang.code();
        let what = rust_i18n::t!(
            if plan {
                "rules.what.plan"
            } else {
                "rules.what.value"
            },
            locale = code
        );
        let key = match self {
            Self::Min(_) => "rules.below",
            Self::Max(_) => "rules.above",
        };
        rust_i18n::t!(
            key,
            locale = code,
            what = what,
            value = number::format_with_unit(value, unit, locale.lang, locale.style),
            bound = self.text(unit, locale),
            indicator = indicator
        )
        .into_owned()
    }
}

impl Doubt {
    /// The rule's stable code: `change`, `plan`, `stages`.
    pub fn code(self) -> &'static str {
        match self {
            Self::Change { .. } => "change",
            Self::Corrected { .. } => "correction",
            Self::AbovePlan { .. } | Self::BelowValue { .. } => "plan",
            Self::StagesApart { .. } => "stages",
        }
    }

    /// Why the value is flagged, its numbers in `unit` and the reader's style: "giảm 99,9% so
    /// với năm trước (2.809,8 tấn); ngưỡng ±50%".
    pub fn message(self, unit: &Unit, locale: Locale) -> String {
        let code = locale.lang.code();
        let with_unit = |v: Decimal| number::format_with_unit(v, unit, locale.lang, locale.style);
        match self {
            Self::Change {
                last,
                change,
                limit,
                points,
            } => {
                let key = if change.is_sign_negative() {
                    "rules.change_down"
                } else {
                    "rules.change_up"
                };
                rust_i18n::t!(
                    key,
                    locale = code,
                    change = change_text(change, points, locale),
                    last = with_unit(last),
                    limit = change_text(limit, points, locale)
                )
            }
            Self::Corrected {
                old,
                change,
                limit,
                points,
            } => rust_i18n::t!(
                "rules.corrected",
                locale = code,
                old = with_unit(old),
                change = change_text(change, points, locale),
                limit = change_text(limit, points, locale)
            ),
            Self::AbovePlan { plan, times, limit } => rust_i18n::t!(
                "rules.above_plan",
                locale = code,
                times = number::format_fixed(times, 1, locale.style),
                plan = with_unit(plan),
                limit = format_exact(limit, locale.style)
            ),
            Self::BelowValue {
                value,
                times,
                limit,
            } => rust_i18n::t!(
                "rules.below_value",
                locale = code,
                times = number::format_fixed(times, 1, locale.style),
                value = with_unit(value),
                limit = format_exact(limit, locale.style)
            ),
            Self::StagesApart {
                estimate,
                actual,
                gap,
                limit,
            } => rust_i18n::t!(
                "rules.stages_apart",
                locale = code,
                estimate = with_unit(estimate),
                actual = with_unit(actual),
                gap = number::format_percent(gap, locale.style),
                limit = number::format_percent(limit, locale.style)
            ),
        }
        .into_owned()
    }
}

/// The number a value is measured against for "more than N× its plan": the plan's value, a
/// band's upper end, a bound, or what a plan relative to last year comes to (`None` when last
/// year has no value).
pub fn plan_number(target: PlanTarget, last: Option<Decimal>) -> Option<Decimal> {
    match target.resolve(last)? {
        PlanTarget::Range { high, .. } => Some(high),
        other => Some(other.low()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::Lang;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    const VI: Locale = Locale {
        lang: Lang::Vi,
        style: number::NumberStyle::Vi,
    };

    #[test]
    fn a_stored_value_replaced_far_from_it_is_doubted_as_a_correction() {
        let flow = Rules::default_for(Kind::Flow, &Unit::new("tấn"));
        let slip = flow.check_correction(Kind::Flow, d("2.809"), d("2809.8"));
        assert!(
            matches!(slip, Some(Doubt::Corrected { old, .. }) if old == d("2809.8")),
            "{slip:?}"
        );
        assert_eq!(slip.map(Doubt::code), Some("correction"));
        let message = slip.unwrap().message(&Unit::new("tấn"), VI);
        assert!(
            message.starts_with("khác 99,9% so với số đã lưu (2.809,8 tấn)"),
            "{message}"
        );
        assert_eq!(
            flow.check_correction(Kind::Flow, d("2812.4"), d("2809.8")),
            None
        );
        let rate = Rules::default_for(Kind::Rate, &Unit::new("%"));
        assert!(
            rate.check_correction(Kind::Rate, d("7.3"), d("73.37"))
                .is_some()
        );
        assert_eq!(rate.check_correction(Kind::Rate, d("75"), d("73.37")), None);
    }

    #[test]
    fn a_share_is_bounded_by_0_and_100_and_a_count_by_0() {
        let share = Rules::default_for(Kind::Rate, &Unit::new("%"));
        assert_eq!(share.bound(d("73.37")), None);
        assert_eq!(share.bound(d("100")), None);
        assert_eq!(share.bound(d("733.7")), Some(Bound::Max(d("100"))));
        assert_eq!(share.bound(d("-0.1")), Some(Bound::Min(Decimal::ZERO)));
        let count = Rules::default_for(Kind::Flow, &Unit::new("vụ"));
        assert_eq!(count.bound(d("1000000")), None);
        assert_eq!(count.bound(d("-1")), Some(Bound::Min(Decimal::ZERO)));
        let per_mille = Rules::default_for(Kind::Rate, &Unit::new("‰"));
        assert_eq!(per_mille.bound(d("733.7")), None);
        assert_eq!(Rules::NONE.bound(d("-1e6")), None);
    }

    #[test]
    fn a_plan_is_bounded_by_its_numbers_but_not_a_change_on_last_year() {
        let share = Rules::default_for(Kind::Rate, &Unit::new("%"));
        let band = PlanTarget::range(d("95"), d("105"));
        assert_eq!(share.plan_bound(band), Some(Bound::Max(d("100"))));
        assert_eq!(share.plan_bound(PlanTarget::AtMost(d("3"))), None);
        let relative = PlanTarget::Relative(crate::domain::plan::Relative::Percent(d("150")));
        assert_eq!(share.plan_bound(relative), None);
    }

    #[test]
    fn a_separator_slip_in_a_flow_is_flagged_against_last_year() {
        let crop = Rules::default_for(Kind::Flow, &Unit::new("tấn"));
        let doubt = crop
            .check_change(Kind::Flow, d("2.809"), d("2809.8"))
            .unwrap();
        let Doubt::Change { change, .. } = doubt else {
            panic!("{doubt:?}")
        };
        assert!(change < d("-99.8"), "{change}");
        assert_eq!(
            doubt.message(&Unit::new("tấn"), VI),
            "giảm 99,9% so với năm trước (2.809,8 tấn); ngưỡng ±50%"
        );
        // A 13,4% rise is ordinary; a 60% one is asked about; a last year of 0 says nothing.
        assert_eq!(crop.check_change(Kind::Flow, d("3186"), d("2809.8")), None);
        assert!(
            crop.check_change(Kind::Flow, d("4500"), d("2809.8"))
                .is_some()
        );
        assert_eq!(crop.check_change(Kind::Flow, d("5"), Decimal::ZERO), None);
    }

    #[test]
    fn a_rate_changes_in_points() {
        let rate = Rules::default_for(Kind::Rate, &Unit::new("%"));
        // 5 → 9,5 is +90% but only 4,5 points: ordinary for a rate.
        assert_eq!(rate.check_change(Kind::Rate, d("9.5"), d("5")), None);
        let doubt = rate.check_change(Kind::Rate, d("85"), d("60")).unwrap();
        assert_eq!(
            doubt.message(&Unit::new("%"), VI),
            "tăng 25 điểm % so với năm trước (60%); ngưỡng ±10 điểm %"
        );
    }

    #[test]
    fn three_times_the_plan_and_stages_apart_are_flagged() {
        let rules = Rules::default_for(Kind::Flow, &Unit::new("tỷ đồng"));
        assert_eq!(rules.check_plan(d("300"), d("100")), None);
        let doubt = rules.check_plan(d("2080"), d("200")).unwrap();
        assert_eq!(
            doubt.message(&Unit::new("tỷ đồng"), VI),
            "gấp 10,4 lần kế hoạch (200 tỷ đồng); ngưỡng 3 lần"
        );
        assert_eq!(rules.check_plan(d("5"), Decimal::ZERO), None);
        assert_eq!(rules.check_stages(d("208"), d("240")), None);
        let doubt = rules.check_stages(d("208"), d("150")).unwrap();
        assert_eq!(doubt.code(), "stages");
        assert!(
            doubt
                .message(&Unit::new("tỷ đồng"), VI)
                .contains("lệch nhau 27,9%")
        );
        assert_eq!(Rules::NONE.check_stages(d("1"), d("100")), None);
    }

    #[test]
    fn the_refusal_names_the_value_the_bound_and_the_indicator() {
        let text = Bound::Max(d("100")).message(
            d("733.7"),
            &Unit::new("%"),
            "Tỷ lệ lao động qua đào tạo",
            false,
            VI,
        );
        assert_eq!(
            text,
            "giá trị 733,7% vượt mức tối đa 100% của chỉ tiêu “Tỷ lệ lao động qua đào tạo”"
        );
        let en = Locale::from(Lang::En);
        let text = Bound::Min(Decimal::ZERO).message(d("-3"), &Unit::new("vụ"), "Crimes", true, en);
        assert_eq!(
            text,
            "plan -3 cases is below the minimum 0 cases of “Crimes”"
        );
    }

    #[test]
    fn rules_are_checked_and_listed() {
        let share = Rules::default_for(Kind::Rate, &Unit::new("%"));
        assert_eq!(share.validate(), Ok(()));
        assert_eq!(
            share.text(Kind::Rate, VI),
            "0 – 100 · ±10 điểm % so với năm trước · ≤ 3 lần KH · ước/TH ±20%"
        );
        assert_eq!(Rules::NONE.text(Kind::Flow, VI), "–");
        let reversed = Rules {
            min: Some(d("10")),
            max: Some(d("5")),
            ..Rules::NONE
        };
        assert!(matches!(
            reversed.validate(),
            Err(RulesError::Reversed { .. })
        ));
        let zero = Rules {
            max_change: Some(Decimal::ZERO),
            ..Rules::NONE
        };
        assert!(matches!(zero.validate(), Err(RulesError::Threshold(_))));
    }

    #[test]
    fn a_plan_is_measured_by_its_value_its_upper_end_or_what_it_comes_to() {
        assert_eq!(
            plan_number(PlanTarget::range(d("6.6"), d("6.8")), None),
            Some(d("6.8"))
        );
        let up = PlanTarget::Relative(crate::domain::plan::Relative::Percent(d("10")));
        assert_eq!(plan_number(up, None), None);
        assert_eq!(plan_number(up, Some(d("100"))), Some(d("110")));
    }
}
