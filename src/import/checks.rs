//! The columns a sheet computes itself ("% KH", "So với cùng kỳ", "Đánh giá") are not imported:
//! each is worked out again from the values the row imports, and a disagreement is a warning
//! naming the cell ("the sheet says 110,5%, its values give 105,8%"). The sheet's own arithmetic
//! slips surface here.

use rust_decimal::Decimal;

use super::columns::CheckColumn;
use super::headings::Check;
use crate::domain::compute::{self, Status};
use crate::domain::number::{self, NumberStyle};
use crate::domain::{Direction, Kind, Lang, PlanTarget, Stage, Unit};

/// What judging an indicator's values takes.
#[derive(Clone, Copy, Debug)]
pub struct Traits {
    pub direction: Direction,
    pub kind: Kind,
    pub precision: u32,
}

/// The values one row imports for one year.
#[derive(Clone, Debug, Default)]
pub struct YearValues {
    pub year: i16,
    pub plan: Option<PlanTarget>,
    /// By stage: estimate, actual, final.
    pub stages: [Option<Decimal>; 3],
}

impl YearValues {
    /// The figure of `stage`, else the latest one the row gives.
    fn figure(&self, stage: Option<Stage>) -> Option<Decimal> {
        match stage {
            Some(stage) => self.stages[stage_index(stage)],
            None => self.stages.iter().rev().flatten().next().copied(),
        }
    }
}

/// Index of a stage in [`YearValues::stages`].
pub fn stage_index(stage: Stage) -> usize {
    match stage {
        Stage::Estimate => 0,
        Stage::Actual => 1,
        Stage::Final => 2,
    }
}

/// The warning for a computed cell that disagrees with the row's values, `None` when it agrees
/// or the row lacks what it would take to work it out. `year` is the row's own year (that of
/// the columns whose heading names none).
pub fn check(
    column: &CheckColumn,
    text: &str,
    year: Option<i16>,
    values: &[YearValues],
    traits: Traits,
    style: (NumberStyle, NumberStyle),
    lang: Lang,
) -> Option<String> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let (file_style, user_style) = style;
    let year = column.year.or(year).or_else(|| {
        // A sheet of one year needs no year in its headings.
        (values.len() == 1).then(|| values[0].year)
    })?;
    let this = values.iter().find(|v| v.year == year)?;
    let locale = lang.code();
    match column.check {
        Check::OfPlan(stage) => {
            let value = this.figure(stage)?;
            let percent =
                compute::assess(traits.direction, this.plan, Some(value), traits.precision)
                    .percent?;
            let stated = stated_percent(text, file_style)?;
            if agrees(stated, &[percent]) {
                return None;
            }
            Some(
                rust_i18n::t!(
                    "import.check.disagrees",
                    locale = locale,
                    sheet = percent_shown(stated, user_style),
                    computed = percent_shown(percent, user_style)
                )
                .into_owned(),
            )
        }
        Check::OnLastYear => {
            let last = values.iter().find(|v| v.year == year - 1)?.figure(None)?;
            let value = this.figure(None)?;
            let stated = stated_percent(text, file_style)?;
            // Sheets state either the ratio (105,8%) or the change (5,8%, 0,5 points).
            let ratio = value
                .checked_div(last)
                .and_then(|r| r.checked_mul(Decimal::ONE_HUNDRED));
            let change =
                compute::change(traits.kind, value, Some(last)).map(compute::Change::amount);
            let candidates: Vec<Decimal> = [ratio, change].into_iter().flatten().collect();
            if candidates.is_empty() || agrees(stated, &candidates) {
                return None;
            }
            Some(
                rust_i18n::t!(
                    "import.check.disagrees",
                    locale = locale,
                    sheet = percent_shown(stated, user_style),
                    computed = percent_shown(candidates[0], user_style)
                )
                .into_owned(),
            )
        }
        Check::Verdict => {
            let stated = verdict(text)?;
            let status = compute::assess(
                traits.direction,
                this.plan,
                this.figure(None),
                traits.precision,
            )
            .status;
            let met = |s: Status| matches!(s, Status::Met | Status::Exceeded);
            if !matches!(status, Status::Met | Status::Exceeded | Status::NotMet)
                || met(stated) == met(status)
            {
                return None;
            }
            Some(
                rust_i18n::t!(
                    "import.check.verdict",
                    locale = locale,
                    sheet = text,
                    computed = status.word(lang)
                )
                .into_owned(),
            )
        }
    }
}

/// A percent as the sheet states it: "110,5%", "110,5", or a fraction a percent-formatted cell
/// did not turn ("1,105" where the values give 110,5 is read both ways by [`agrees`]).
fn stated_percent(text: &str, style: NumberStyle) -> Option<Decimal> {
    number::parse(text, &Unit::new("%"), style)
        .ok()
        .map(|p| p.value)
}

/// Whether a stated percent is one of the computed ones, to the decimals it is written with (a
/// unit of its last decimal either way), or as a fraction of one.
fn agrees(stated: Decimal, computed: &[Decimal]) -> bool {
    let near = |stated: Decimal, decimals: u32| {
        let tolerance = Decimal::new(1, decimals);
        computed
            .iter()
            .any(|c| (stated - c.round_dp(decimals)).abs() <= tolerance)
    };
    let decimals = stated.normalize().scale().min(4);
    near(stated, decimals)
        || stated
            .checked_mul(Decimal::ONE_HUNDRED)
            .is_some_and(|s| near(s, decimals.saturating_sub(2)))
}

/// A percent shown in the user's style, one decimal ("110,5%").
fn percent_shown(value: Decimal, style: NumberStyle) -> String {
    format!(
        "{}%",
        number::format_fixed(compute::round(value, 1), 1, style)
    )
}

/// The verdict a cell states, if it reads as one.
fn verdict(text: &str) -> Option<Status> {
    let text = text.to_lowercase();
    if [
        "không đạt",
        "chưa đạt",
        "không hoàn thành",
        "not met",
        "missed",
    ]
    .iter()
    .any(|w| text.contains(w))
    {
        Some(Status::NotMet)
    } else if ["vượt", "exceeded"].iter().any(|w| text.contains(w)) {
        Some(Status::Exceeded)
    } else if ["đạt", "hoàn thành", "met", "achieved"]
        .iter()
        .any(|w| text.contains(w))
    {
        Some(Status::Met)
    } else {
        None
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

    const TRAITS: Traits = Traits {
        direction: Direction::HigherIsBetter,
        kind: Kind::Flow,
        precision: 1,
    };

    fn year(year: i16, plan: &str, estimate: &str) -> YearValues {
        YearValues {
            year,
            plan: Some(PlanTarget::Value(d(plan))),
            stages: [Some(d(estimate)), None, None],
        }
    }

    #[test]
    fn a_percent_of_plan_that_disagrees_is_named() {
        let column = CheckColumn {
            position: 5,
            check: Check::OfPlan(None),
            year: None,
        };
        let values = [year(2023, "2451.8", "2593.9")];
        let run = |text| {
            check(
                &column,
                text,
                Some(2023),
                &values,
                TRAITS,
                (NumberStyle::Vi, NumberStyle::Vi),
                Lang::En,
            )
        };
        // 2.593,9 / 2.451,8 = 105,8%.
        assert_eq!(run("105,8"), None);
        assert_eq!(run("105,8%"), None);
        assert_eq!(run("1,058"), None);
        let warning = run("110,5").unwrap();
        assert!(
            warning.contains("110,5%") && warning.contains("105,8%"),
            "{warning}"
        );
    }

    #[test]
    fn against_last_year_either_the_ratio_or_the_change() {
        let column = CheckColumn {
            position: 6,
            check: Check::OnLastYear,
            year: None,
        };
        let values = [year(2022, "1", "100"), year(2023, "1", "110")];
        let run = |text| {
            check(
                &column,
                text,
                Some(2023),
                &values,
                TRAITS,
                (NumberStyle::Vi, NumberStyle::Vi),
                Lang::Vi,
            )
        };
        assert_eq!(run("110"), None);
        assert_eq!(run("10"), None);
        assert!(run("120").is_some());
    }

    #[test]
    fn a_verdict_against_the_values() {
        let column = CheckColumn {
            position: 7,
            check: Check::Verdict,
            year: None,
        };
        let values = [year(2023, "100", "90")];
        let run = |text| {
            check(
                &column,
                text,
                Some(2023),
                &values,
                TRAITS,
                (NumberStyle::Vi, NumberStyle::Vi),
                Lang::Vi,
            )
        };
        assert_eq!(run("Không đạt"), None);
        assert!(run("Đạt").is_some());
    }
}
