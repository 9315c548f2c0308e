//! The report table officials expect (STT, chỉ tiêu, ĐVT, kế hoạch, thực hiện, % KH, cùng kỳ,
//! % so cùng kỳ, đánh giá, ghi chú) and the sentence the year-end review writes for each line.

use rust_decimal::Decimal;

use super::compute::{self, Assessment, Change};
use super::figure::{self, Figure};
use super::number::{self, NumberStyle};
use super::plan::{self, Plan};
use super::{AdminUnit, Indicator, Locale};

/// Everything stored about one indicator for a ward and a year, and last year's figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorYear {
    pub indicator: Indicator,
    pub plans: Vec<Plan>,
    pub figures: Vec<Figure>,
    pub previous: Vec<Figure>,
}

/// One line of the report, every number already computed by [`compute`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportRow {
    pub indicator: Indicator,
    /// The plan the % refers to.
    pub plan: Option<Plan>,
    /// The year's value: the latest stage present.
    pub current: Option<Figure>,
    pub assessment: Assessment,
    /// Last year's value, at its latest stage.
    pub previous: Option<Figure>,
    pub change: Option<Change>,
}

/// A ward's report for one year, rows in category then catalogue order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub unit: AdminUnit,
    pub year: i16,
    pub rows: Vec<ReportRow>,
}

impl ReportRow {
    /// Computes one line from what is stored.
    pub fn new(data: IndicatorYear) -> Self {
        let plan = plan::preferred(&data.plans).cloned();
        let current = figure::current(&data.figures).cloned();
        let previous = figure::current(&data.previous).cloned();
        let assessment = compute::assess(
            data.indicator.direction,
            plan.as_ref().map(|p| p.target),
            current.as_ref().map(|f| f.value),
            data.indicator.precision,
        );
        let change = current.as_ref().and_then(|c| {
            compute::change(
                data.indicator.kind,
                c.value,
                previous.as_ref().map(|p| p.value),
            )
        });
        Self {
            indicator: data.indicator,
            plan,
            current,
            assessment,
            previous,
            change,
        }
    }

    /// The value with its unit, as typed digit for digit ("17.416.889.536 đồng").
    pub fn value_text(&self, locale: Locale) -> Option<String> {
        let Locale { lang, style } = locale;
        let value = self.current.as_ref()?.value;
        Some(number::format_with_unit(
            value,
            &self.indicator.unit,
            lang,
            style,
        ))
    }

    /// The value and its stage as the report table shows it ("2.809,8 (thực hiện)").
    pub fn value_with_stage(&self, locale: Locale) -> Option<String> {
        let Locale { lang, style } = locale;
        let current = self.current.as_ref()?;
        Some(format!(
            "{} ({})",
            number::format_exact(current.value, style),
            current.stage.name(lang).to_lowercase()
        ))
    }

    /// The report sentence as the review writes it: "Thu ngân sách ước đạt 17.416.889.536 đồng,
    /// đạt 103% kế hoạch được giao". `None` when there is no figure to report.
    pub fn sentence(&self, locale: Locale) -> Option<String> {
        let Locale { lang, style } = locale;
        let current = self.current.as_ref()?;
        let locale = lang.code();
        let head = rust_i18n::t!(
            "sentence.value",
            locale = locale,
            name = self.indicator.name(lang),
            verb = current.stage.verb(lang),
            value = number::format_with_unit(current.value, &self.indicator.unit, lang, style)
        );
        let Some((plan, percent)) = self.plan.as_ref().zip(self.assessment.percent) else {
            return Some(head.into_owned());
        };
        let tail = rust_i18n::t!(
            "sentence.of_plan",
            locale = locale,
            percent = number::format_percent(percent, style),
            plan = plan.source.phrase(lang)
        );
        Some(format!("{head}{tail}"))
    }
}

impl Report {
    /// Builds the report from each indicator's stored year, sorted as the report is read.
    pub fn new(unit: AdminUnit, year: i16, data: Vec<IndicatorYear>) -> Self {
        let mut rows: Vec<ReportRow> = data.into_iter().map(ReportRow::new).collect();
        rows.sort_by(|a, b| {
            (a.indicator.category, a.indicator.order, &a.indicator.code).cmp(&(
                b.indicator.category,
                b.indicator.order,
                &b.indicator.code,
            ))
        });
        Self { unit, year, rows }
    }

    /// The report sentences, one per indicator with a figure.
    pub fn sentences(&self, locale: Locale) -> Vec<String> {
        self.rows
            .iter()
            .filter_map(|r| r.sentence(locale))
            .collect()
    }
}

/// One ward's year as exports print it: the computed report, and every stored plan and figure
/// behind it (the workbook's figures sheet lists them all, at every stage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardYear {
    pub report: Report,
    /// Every indicator's plans and figures at all stages.
    pub details: Vec<IndicatorYear>,
}

impl WardYear {
    /// The ward's year from what the store read.
    pub fn new(unit: AdminUnit, year: i16, details: Vec<IndicatorYear>) -> Self {
        Self {
            report: Report::new(unit, year, details.clone()),
            details,
        }
    }
}

/// A name short enough for an axis label.
pub fn short_name(name: &str) -> String {
    const MAX: usize = 18;
    let name = name.split(" (").next().unwrap_or(name);
    if name.chars().count() <= MAX {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A % of plan as a report prints it ("114,6%"), or `None` where it is undefined.
pub fn percent_text(percent: Option<Decimal>, style: NumberStyle) -> Option<String> {
    percent.map(|p| number::format_percent(p, style))
}

/// A change against last year as a report prints it ("tăng 13,4%", "giảm 0,5 điểm %").
pub fn change_text(change: Change, locale: Locale) -> String {
    let Locale { lang, style } = locale;
    let amount = change.amount();
    let key = match (change, amount.is_sign_negative() && !amount.is_zero()) {
        (Change::Percent(_), false) => "change.up_percent",
        (Change::Percent(_), true) => "change.down_percent",
        (Change::Points(_), false) => "change.up_points",
        (Change::Points(_), true) => "change.down_points",
    };
    let size = compute::round(amount.abs(), compute::PERCENT_DECIMALS);
    rust_i18n::t!(
        key,
        locale = lang.code(),
        amount = number::format_exact(size, style)
    )
    .into_owned()
}
