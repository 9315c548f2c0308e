//! Plans handed down: what a province (or, before 1/7/2025, a city) assigns to each of its
//! wards, and the wards' plans added up against the parent's own plan: under-allocated (the
//! wards were given less than the parent must reach), over-allocated, or even, and by how much.

use rust_decimal::Decimal;

use super::{AdminUnit, Aggregation, Indicator, Locale, Plan, PlanSource, PlanTarget, number};

/// A ward and the plans handed down to it for a year, one per indicator of the [`Handout`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardPlans {
    pub unit: AdminUnit,
    /// Who hands the plans down: the city before 1/7/2025, the province after.
    pub source: PlanSource,
    /// By index into [`Handout::indicators`]; `None` where the ward has no plan of `source`.
    pub plans: Vec<Option<Plan>>,
}

impl WardPlans {
    /// Whether any plan was handed down to the ward.
    pub fn has_plans(&self) -> bool {
        self.plans.iter().any(Option::is_some)
    }
}

/// The plans a parent unit hands down for a year: its own plan and each ward's, per indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handout {
    pub parent: AdminUnit,
    pub year: i16,
    /// The indicators any ward, or the parent, has a plan of that year, in catalogue order.
    pub indicators: Vec<Indicator>,
    /// The parent's own plan, by index into `indicators`.
    pub own: Vec<Option<Plan>>,
    pub wards: Vec<WardPlans>,
}

impl Handout {
    /// Each indicator's wards' plans against the parent's own, in the order of `indicators`.
    pub fn allocations(&self) -> Vec<Allocation> {
        self.indicators
            .iter()
            .enumerate()
            .map(|(i, indicator)| {
                allocate(
                    &indicator.aggregation,
                    self.own.get(i).and_then(Option::as_ref).map(|p| p.target),
                    self.wards
                        .iter()
                        .map(|w| w.plans.get(i).and_then(Option::as_ref).map(|p| p.target)),
                )
            })
            .collect()
    }
}

/// How the wards' plans of one indicator stand against the parent's own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Balance {
    /// The wards were given less than the parent's plan, by this much.
    Under(Decimal),
    /// The wards were given more than the parent's plan, by this much.
    Over(Decimal),
    /// The wards' plans add up to the parent's.
    Even,
    /// The parent has no plan of one number to compare with.
    NoOwnPlan,
    /// No ward has a plan of one number.
    NoWardPlans,
    /// The indicator does not add up across wards (a rate): its plans are not summed.
    NotSummed,
}

/// The wards' plans of one indicator added up against the parent's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Allocation {
    /// The parent's plan, when it is one number.
    pub own: Option<Decimal>,
    /// The sum of the wards' plans that are one number.
    pub total: Decimal,
    /// Wards whose plan is in the total.
    pub summed: usize,
    /// Wards with a plan that is not one number (a band, a ceiling, a change on last year):
    /// left out of the total.
    pub unsummable: usize,
    /// Wards in all, with a plan or without.
    pub wards: usize,
    pub balance: Balance,
}

/// The number a plan sums as: a value, or an approximate one ("khoảng 4"); a band, a ceiling, a
/// floor or a change on last year is not one number.
fn summable(target: PlanTarget) -> Option<Decimal> {
    match target {
        PlanTarget::Value(v) | PlanTarget::About(v) => Some(v),
        PlanTarget::Range { .. }
        | PlanTarget::AtMost(_)
        | PlanTarget::AtLeast(_)
        | PlanTarget::Relative(_) => None,
    }
}

/// Adds the wards' plans (`None`: a ward without one) up against the parent's `own` plan.
pub fn allocate(
    aggregation: &Aggregation,
    own: Option<PlanTarget>,
    wards: impl IntoIterator<Item = Option<PlanTarget>>,
) -> Allocation {
    let mut allocation = Allocation {
        own: own.and_then(summable),
        total: Decimal::ZERO,
        summed: 0,
        unsummable: 0,
        wards: 0,
        balance: Balance::NoWardPlans,
    };
    for plan in wards {
        allocation.wards += 1;
        match plan.map(summable) {
            Some(Some(value)) => {
                allocation.total += value;
                allocation.summed += 1;
            }
            Some(None) => allocation.unsummable += 1,
            None => {}
        }
    }
    allocation.balance = if *aggregation != Aggregation::Sum {
        Balance::NotSummed
    } else if allocation.summed == 0 {
        Balance::NoWardPlans
    } else {
        match allocation.own {
            None => Balance::NoOwnPlan,
            Some(own) if allocation.total < own => Balance::Under(own - allocation.total),
            Some(own) if allocation.total > own => Balance::Over(allocation.total - own),
            Some(_) => Balance::Even,
        }
    };
    allocation
}

impl Allocation {
    /// The wards' plans added up, where they add up: an indicator that sums (not a rate), with
    /// at least one ward's plan of one number.
    pub fn summed_total(&self) -> Option<Decimal> {
        (self.balance != Balance::NotSummed && self.summed > 0).then_some(self.total)
    }

    /// The verdict in words, amounts in the indicator's unit: "thiếu 120 tấn", "vượt 30 tấn",
    /// "khớp", "tỉnh chưa có kế hoạch", …
    pub fn verdict(&self, indicator: &Indicator, locale: Locale) -> String {
        let amount = |value: Decimal| {
            number::format_with_unit(
                value.normalize(),
                &indicator.unit,
                locale.lang,
                locale.style,
            )
        };
        let t = |key: &str| rust_i18n::t!(key, locale = locale.lang.code()).into_owned();
        match self.balance {
            Balance::Under(by) => rust_i18n::t!(
                "allocation.under",
                locale = locale.lang.code(),
                amount = amount(by)
            )
            .into_owned(),
            Balance::Over(by) => rust_i18n::t!(
                "allocation.over",
                locale = locale.lang.code(),
                amount = amount(by)
            )
            .into_owned(),
            Balance::Even => t("allocation.even"),
            Balance::NoOwnPlan => t("allocation.no_own_plan"),
            Balance::NoWardPlans => t("allocation.no_ward_plans"),
            Balance::NotSummed => t("allocation.not_summed"),
        }
    }

    /// The wards' total as a share of the parent's plan, in per cent, where both are known and
    /// the plan is not zero.
    pub fn share_percent(&self) -> Option<Decimal> {
        let own = self.own.filter(|own| !own.is_zero())?;
        (self.summed > 0 && self.balance != Balance::NotSummed)
            .then(|| self.total * Decimal::ONE_HUNDRED / own)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    fn value(text: &str) -> Option<PlanTarget> {
        Some(PlanTarget::Value(d(text)))
    }

    #[test]
    fn the_wards_plans_add_up_exactly_against_the_parents() {
        let under = allocate(
            &Aggregation::Sum,
            value("6000"),
            [value("2451.8"), value("3000.1"), None],
        );
        assert_eq!(under.total, d("5451.9"));
        assert_eq!((under.summed, under.wards), (2, 3));
        assert_eq!(under.balance, Balance::Under(d("548.1")));
        let over = allocate(
            &Aggregation::Sum,
            value("5000"),
            [value("2451.8"), value("3000")],
        );
        assert_eq!(over.balance, Balance::Over(d("451.8")));
        // Money is exact to the đồng.
        let even = allocate(
            &Aggregation::Sum,
            value("33826491027"),
            [value("16909601491"), value("16916889536")],
        );
        assert_eq!(even.balance, Balance::Even);
        assert_eq!(even.share_percent(), Some(Decimal::ONE_HUNDRED));
    }

    #[test]
    fn what_cannot_be_summed_is_said_not_guessed() {
        // A band or a ceiling is left out of the total and counted.
        let mixed = allocate(
            &Aggregation::Sum,
            value("10"),
            [value("4"), Some(PlanTarget::range(d("6.6"), d("6.8")))],
        );
        assert_eq!((mixed.total, mixed.unsummable), (d("4"), 1));
        assert_eq!(mixed.balance, Balance::Under(d("6")));
        // A rate is not added up at all.
        let rate = allocate(
            &Aggregation::Distribution,
            value("3"),
            [value("2"), value("4")],
        );
        assert_eq!(rate.balance, Balance::NotSummed);
        assert_eq!(rate.share_percent(), None);
        // No total shown for it either (two wards' 2% and 4% are not 6%).
        assert_eq!(rate.summed_total(), None);
        assert_eq!(mixed.summed_total(), Some(d("4")));
        // Without the parent's own plan, or without any ward's.
        assert_eq!(
            allocate(&Aggregation::Sum, None, [value("4")]).balance,
            Balance::NoOwnPlan
        );
        assert_eq!(
            allocate(&Aggregation::Sum, value("4"), [None, None]).balance,
            Balance::NoWardPlans
        );
    }

    #[test]
    fn the_verdict_names_the_gap_in_the_indicators_unit() {
        let indicator = Indicator {
            code: "crop_output".into(),
            name_vi: "Sản lượng cây trồng".into(),
            name_en: "Crop output".into(),
            category: super::super::Category::ALL[0],
            unit: super::super::Unit::new("tấn"),
            direction: super::super::Direction::HigherIsBetter,
            kind: super::super::Kind::Flow,
            precision: 1,
            archived: false,
            order: 1,
            rules: super::super::Rules::default(),
            aggregation: Aggregation::Sum,
        };
        let under = allocate(&Aggregation::Sum, value("6000"), [value("2451.8")]);
        let vi = Locale::from(super::super::Lang::Vi);
        assert_eq!(under.verdict(&indicator, vi), "thiếu 3.548,2 tấn");
        let over = allocate(&Aggregation::Sum, value("2000"), [value("2451.8")]);
        let en = Locale::from(super::super::Lang::En);
        assert_eq!(over.verdict(&indicator, en), "over by 451.8 tonnes");
    }
}
